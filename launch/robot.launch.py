"""Robot bringup: policy (lifecycle, autostart) + skill manager + recorder.

The hardware driver is external: it publishes ``joint_states`` and takes the policy node's
commands. ``driver_config`` names a parameter file (loaded after config/policy.yaml) that says how
the driver names the joints and which ros2_control interface takes the commands:
``command_output`` ``joint_state`` (JointState by name, the default), ``forward_command``
(Float64MultiArray for a forward_command_controller, in ``command_joints`` order) or
``joint_trajectory`` (a one-point JointTrajectory for a joint_trajectory_controller).

    ros2 launch skillbridge robot.launch.py policy_path:=/path/to/motion.onnx [namespace:=panda]

A franka_ros2 FR3 (config/franka_ros2.yaml):

    # 1. the arm under ros2_control with a position controller of the seven joints:
    #    franka_bringup's launch with a joint_group_position_controller (forward_command_controller
    #    of fr3_joint1..7, position interface) active
    # 2. one joint_states with the arm and the fingers: franka_gripper publishes the fingers on
    #    /franka_gripper/joint_states; merge them, e.g. joint_state_publisher with
    #    source_list: [/franka/joint_states, /franka_gripper/joint_states]
    # 3. this graph:
    ros2 launch skillbridge robot.launch.py policy_path:=/path/motion.onnx \
        driver_config:=$(ros2 pkg prefix skillbridge)/share/skillbridge/config/franka_ros2.yaml

The gripper is commanded through franka_gripper's actions, which this package does not drive:
the policy's finger target is computed and limited but not sent on that setup. The same graph
starts in one process with ``skillbridge bringup robot --param policy_node.command_output=...``.
"""

from __future__ import annotations

import os

from ament_index_python.packages import get_package_share_directory
from launch import LaunchDescription
from launch.actions import DeclareLaunchArgument
from launch.substitutions import LaunchConfiguration
from launch_ros.actions import LifecycleNode, Node


def generate_launch_description() -> LaunchDescription:
    config = os.path.join(get_package_share_directory("skillbridge"), "config")
    namespace = LaunchConfiguration("namespace")
    return LaunchDescription(
        [
            DeclareLaunchArgument("policy_path", default_value="models/motion.onnx"),
            DeclareLaunchArgument("high_level_path", default_value="models/high_level.onnx"),
            DeclareLaunchArgument("namespace", default_value=""),
            DeclareLaunchArgument("task", default_value=""),
            DeclareLaunchArgument(
                "driver_config",
                default_value=os.path.join(config, "driver_contract_names.yaml"),
                description="parameter file: driver_joint_names, command_joints, command_output",
            ),
            LifecycleNode(
                package="skillbridge",
                executable="policy_node",
                name="policy_node",
                namespace=namespace,
                parameters=[
                    os.path.join(config, "policy.yaml"),
                    LaunchConfiguration("driver_config"),
                    {"policy_path": LaunchConfiguration("policy_path"), "autostart": True},
                ],
                output="screen",
            ),
            Node(
                package="skillbridge",
                executable="skill_manager_node",
                name="skill_manager",
                namespace=namespace,
                parameters=[
                    os.path.join(config, "skill_manager.yaml"),
                    LaunchConfiguration("driver_config"),
                    {
                        "task": LaunchConfiguration("task"),
                        "high_level_path": LaunchConfiguration("high_level_path"),
                    },
                ],
                output="screen",
            ),
            Node(
                package="skillbridge",
                executable="recorder_node",
                name="recorder",
                namespace=namespace,
                parameters=[os.path.join(config, "recorder.yaml")],
                output="screen",
            ),
        ]
    )
