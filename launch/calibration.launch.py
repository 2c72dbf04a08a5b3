"""Calibration recording: the excitation player (lifecycle, autostart) and the recorder; with
``use_sim:=true`` the MuJoCo robot stands in for the hardware driver.

    skillbridge calibrate excite --out excitation.npz
    ros2 launch skillbridge calibration.launch.py trajectory_path:=excitation.npz

With ``use_sim:=true sim_time:=true`` the simulator is the clock (``/clock``, lockstep with the
50 Hz excitation) and the other nodes run with ``use_sim_time``: the recording's timing is exact
whatever the load. The same graph (with the simulator) starts with ``skillbridge bringup
calibration [--sim-time]``; ``skillbridge calibrate demo`` runs the whole round trip.
"""

from __future__ import annotations

import os

from ament_index_python.packages import get_package_share_directory
from launch import LaunchDescription
from launch.actions import DeclareLaunchArgument
from launch.conditions import IfCondition
from launch.substitutions import LaunchConfiguration, PythonExpression
from launch_ros.actions import LifecycleNode, Node
from launch_ros.parameter_descriptions import ParameterValue


def generate_launch_description() -> LaunchDescription:
    config = os.path.join(get_package_share_directory("skillbridge"), "config")
    sim_time = ParameterValue(LaunchConfiguration("sim_time"), value_type=bool)
    lockstep = ParameterValue(  # lockstep with the excitation's 50 Hz on simulated time
        PythonExpression(["0.02 if '", LaunchConfiguration("sim_time"), "' == 'true' else 0.0"]),
        value_type=float,
    )
    return LaunchDescription(
        [
            DeclareLaunchArgument("use_sim", default_value="false"),
            DeclareLaunchArgument("trajectory_path", default_value="excitation.npz"),
            DeclareLaunchArgument("sim_time", default_value="false"),
            Node(
                package="skillbridge",
                executable="sim_robot_node",
                name="sim_robot",
                parameters=[
                    os.path.join(config, "sim_robot.yaml"),
                    {"publish_clock": sim_time, "lockstep_period_s": lockstep},
                ],
                condition=IfCondition(LaunchConfiguration("use_sim")),
                output="screen",
            ),
            LifecycleNode(
                package="skillbridge",
                executable="excitation_node",
                name="excitation",
                namespace="",
                parameters=[
                    os.path.join(config, "excitation.yaml"),
                    {
                        "trajectory_path": LaunchConfiguration("trajectory_path"),
                        "autostart": True,
                        "use_sim_time": sim_time,
                    },
                ],
                output="screen",
            ),
            Node(
                package="skillbridge",
                executable="recorder_node",
                name="recorder",
                parameters=[os.path.join(config, "recorder.yaml"), {"use_sim_time": sim_time}],
                output="screen",
            ),
        ]
    )
