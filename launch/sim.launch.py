"""Simulated bringup: MuJoCo robot + policy (lifecycle, autostart) + skill manager + recorder.

    ros2 launch skillbridge sim.launch.py [policy_path:=models/motion.onnx] [task:="..."]
        [high_level_path:=models/high_level.onnx]

The same graph starts in one process with ``skillbridge bringup sim`` (no ROS 2 install needed).
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
    policy_path = LaunchConfiguration("policy_path")
    task = LaunchConfiguration("task")
    return LaunchDescription(
        [
            DeclareLaunchArgument("policy_path", default_value="models/motion.onnx"),
            DeclareLaunchArgument("task", default_value=""),
            DeclareLaunchArgument("high_level_path", default_value="models/high_level.onnx"),
            Node(
                package="skillbridge",
                executable="sim_robot_node",
                name="sim_robot",
                parameters=[os.path.join(config, "sim_robot.yaml")],
                output="screen",
            ),
            LifecycleNode(
                package="skillbridge",
                executable="policy_node",
                name="policy_node",
                namespace="",
                parameters=[
                    os.path.join(config, "policy.yaml"),
                    {"policy_path": policy_path, "autostart": True},
                ],
                output="screen",
            ),
            Node(
                package="skillbridge",
                executable="skill_manager_node",
                name="skill_manager",
                parameters=[
                    os.path.join(config, "skill_manager.yaml"),
                    {"task": task, "high_level_path": LaunchConfiguration("high_level_path")},
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
