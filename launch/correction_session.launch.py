"""A correction session: the robot (or, with ``use_sim:=true``, the MuJoCo robot), the policy,
the skill manager recording corrections, and the session recorder. The operator corrects from a
terminal with ``skillbridge correct``; with ``voice:=true`` a voice node also listens to the
microphone (or plays ``wav_paths``) and sends what it hears as corrections.

    ros2 launch skillbridge correction_session.launch.py use_sim:=true task:="stack the cube"
    ros2 launch skillbridge correction_session.launch.py voice:=true stt_model:=tiny.en
"""

from __future__ import annotations

import os

from ament_index_python.packages import get_package_share_directory
from launch import LaunchDescription
from launch.actions import DeclareLaunchArgument, LogInfo
from launch.conditions import IfCondition
from launch.substitutions import LaunchConfiguration
from launch_ros.actions import LifecycleNode, Node


def generate_launch_description() -> LaunchDescription:
    config = os.path.join(get_package_share_directory("skillbridge"), "config")
    session = os.path.join(config, "correction_session.yaml")
    return LaunchDescription(
        [
            DeclareLaunchArgument("use_sim", default_value="true"),
            DeclareLaunchArgument("policy_path", default_value="models/motion.onnx"),
            DeclareLaunchArgument("high_level_path", default_value="models/high_level.onnx"),
            DeclareLaunchArgument("task", default_value=""),
            DeclareLaunchArgument("voice", default_value="false"),
            DeclareLaunchArgument("voice_source", default_value="mic"),
            DeclareLaunchArgument("stt_model", default_value="tiny.en"),
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
                executable="policy_node",
                name="policy_node",
                namespace="",
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
                parameters=[
                    os.path.join(config, "skill_manager.yaml"),
                    session,
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
                parameters=[os.path.join(config, "recorder.yaml"), session],
                output="screen",
            ),
            Node(
                package="skillbridge",
                executable="voice_node",
                name="voice",
                parameters=[
                    {
                        "source": LaunchConfiguration("voice_source"),
                        "stt_model": LaunchConfiguration("stt_model"),
                    }
                ],
                condition=IfCondition(LaunchConfiguration("voice")),
                output="screen",
            ),
            LogInfo(msg="correct the robot from another terminal: skillbridge correct"),
        ]
    )
