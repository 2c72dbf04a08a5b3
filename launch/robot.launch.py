"""Robot bringup: policy (lifecycle, autostart) + skill manager + recorder.

The hardware driver is external: it must publish ``joint_states`` and accept ``joint_commands``
(sensor_msgs/JointState position targets by name) in the same namespace.

    ros2 launch skillbridge robot.launch.py policy_path:=/path/to/motion.onnx [namespace:=panda]

The same graph starts in one process with ``skillbridge bringup robot``.
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
            LifecycleNode(
                package="skillbridge",
                executable="policy_node",
                name="policy_node",
                namespace=namespace,
                parameters=[
                    os.path.join(config, "policy.yaml"),
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
