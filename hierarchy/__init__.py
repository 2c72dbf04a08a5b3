"""The language skill hierarchy: language motions' parser, speech to text, corrections.

Sits on ``skillbridge.contract`` and ``skillbridge.policies``; never imports rclpy (only
``ros_nodes`` does). The correction parser never imports torch.
"""
