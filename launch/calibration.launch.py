"""Calibration recording: the excitation player (lifecycle, autostart) and the recorder; with
``use_sim:=true`` the MuJoCo robot stands in for the hardware driver.

    skillbridge calibrate excite --out excitation.npz
    ros2 launch skillbridge calibration.launch.py trajectory_path:=excitation.npz

The same graph (with the simulator) starts with ``skillbridge bringup calibration``.
"""

from __future__ import annotations

import os

from ament_index_python.packages import get_package_share_directory
from launch import LaunchDescription
from launch.actions import DeclareLaunchArgument
from launch.conditions import IfCondition
from launch.substitutions import LaunchConfiguration
from launch_ros.actions import LifecycleNode, Node


def generate_launch_description() -> LaunchDescription:
    config = os.path.join(get_package_share_directory("skillbridge"), "config")
    return LaunchDescription(
        [
            DeclareLaunchArgument("use_sim", default_value="false"),
            DeclareLaunchArgument("trajectory_path", default_value="excitation.npz"),
            Node(
                package="skillbridge",
                executable="sim_robot_node",
                name="sim_robot",
                parameters=[os.path.join(config, "sim_robot.yaml")],
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
                    },
                ],
                output="screen",
            ),
            Node(
                package="skillbridge",
                executable="recorder_node",
                name="recorder",
                parameters=[os.path.join(config, "recorder.yaml")],
                output="screen",
            ),
        ]
    )
