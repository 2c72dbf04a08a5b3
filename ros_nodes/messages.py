"""Conversions between ROS messages and the contract's plain types (one place for each)."""

from __future__ import annotations

import array
import json
from collections.abc import Sequence
from typing import Any

import numpy as np
from builtin_interfaces.msg import Duration, Time
from geometry_msgs.msg import PoseStamped
from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy
from sensor_msgs.msg import JointState
from std_msgs.msg import Float64MultiArray, String
from trajectory_msgs.msg import JointTrajectory, JointTrajectoryPoint

from skillbridge.contract import RobotState
from skillbridge.contract.rotations import quat_wxyz_to_xyzw
from skillbridge.ros_nodes.drivers import DriverInterface
from skillbridge.ros_nodes.errors import RosNodeError

EVENTS_QOS = QoSProfile(
    depth=1000, reliability=ReliabilityPolicy.RELIABLE, durability=DurabilityPolicy.TRANSIENT_LOCAL
)
"""``language_events``: transient-local, so a recorder that matches late still receives the
session's first events (the header among them, which a reader of the recording needs)."""


def stamp_to_s(stamp: Time) -> float:
    return stamp.sec + stamp.nanosec * 1e-9


def s_to_stamp(seconds: float) -> Time:
    sec = int(np.floor(seconds))
    return Time(sec=sec, nanosec=min(int(round((seconds - sec) * 1e9)), 999_999_999))


def stamp_to_ns(stamp: Time) -> int:
    """Exact integer nanoseconds of a stamp."""
    return int(stamp.sec) * 1_000_000_000 + int(stamp.nanosec)


def ns_to_stamp(ns: int) -> Time:
    """A stamp of exactly ``ns`` nanoseconds (no float rounding: clock ticks stay exact)."""
    return Time(sec=ns // 1_000_000_000, nanosec=ns % 1_000_000_000)


def joint_state_to_robot_state(msg: JointState) -> RobotState:
    """A ``RobotState`` labelled by the message's names (any order; velocities default to 0).

    Raises:
        RosNodeError: names and positions disagree in length, or velocities are partial.
    """
    n = len(msg.name)
    if len(msg.position) != n:
        raise RosNodeError(
            f"joint_states has {n} names but {len(msg.position)} positions; a driver must send "
            "one position per name"
        )
    pos = np.asarray(msg.position, dtype=np.float64)
    if len(msg.velocity) == n:
        vel = np.asarray(msg.velocity, dtype=np.float64)
    elif len(msg.velocity) == 0:
        vel = np.zeros(n)
    else:
        raise RosNodeError(f"joint_states has {n} names but {len(msg.velocity)} velocities")
    try:
        return RobotState(tuple(msg.name), pos, vel)
    except ValueError as exc:
        raise RosNodeError(f"joint_states rejected: {exc}") from exc


def joint_targets_msg(
    names: Sequence[str], positions: np.ndarray, stamp: Time, velocities: np.ndarray | None = None
) -> JointState:
    """``sensor_msgs/JointState`` with names and position targets (and optional velocities)."""
    msg = JointState()
    msg.header.stamp = stamp
    msg.name = list(names)
    msg.position = _doubles(positions)
    if velocities is not None:
        msg.velocity = _doubles(velocities)
    return msg


def _doubles(values: np.ndarray) -> array.array:
    """The form rosidl stores a float64 sequence in (taken as is, not checked value by value)."""
    return array.array("d", np.asarray(values, dtype=np.float64).ravel().tobytes())


def command_msg(
    interface: DriverInterface, targets: np.ndarray, stamp: Time
) -> JointState | Float64MultiArray | JointTrajectory:
    """The command of one tick in the driver's interface (``DriverInterface.output``): contract-
    order targets (J,) become the commanded joints' values, in the controller's order.

    ``joint_trajectory``: one point reached ``period_s`` from now (``header.stamp`` zero, which
    a joint_trajectory_controller reads as "start now").
    """
    values = interface.to_driver(targets)
    if interface.output == "forward_command":
        return Float64MultiArray(data=_doubles(values))
    if interface.output == "joint_trajectory":
        point = JointTrajectoryPoint(
            positions=_doubles(values),
            time_from_start=Duration(nanosec=int(round(interface.period_s * 1e9))),
        )
        return JointTrajectory(joint_names=list(interface.command_joints), points=[point])
    return joint_targets_msg(interface.command_joints, values, stamp)


def command_type(output: str) -> type:
    """The ROS message type of a command output (see ``DriverInterface``)."""
    return {
        "joint_state": JointState,
        "forward_command": Float64MultiArray,
        "joint_trajectory": JointTrajectory,
    }[output]


def command_targets(
    interface: DriverInterface, msg: JointState | Float64MultiArray | JointTrajectory
) -> tuple[tuple[str, ...], np.ndarray]:
    """What a controller reads from a command (the inverse of ``command_msg``): the driver
    joint names and their position targets. A trajectory's last point is its goal.

    Raises:
        RosNodeError: the message does not carry one position per joint (named counts).
    """
    if isinstance(msg, Float64MultiArray):
        names, values = interface.command_joints, msg.data
    elif isinstance(msg, JointTrajectory):
        if not msg.points:
            raise RosNodeError("joint_trajectory without points: send at least one point")
        names, values = tuple(msg.joint_names), msg.points[-1].positions
    else:
        names, values = tuple(msg.name), msg.position
    if len(values) != len(names):
        raise RosNodeError(
            f"{interface.output} command with {len(values)} positions for {len(names)} joints "
            f"{list(names)}; send one position per joint"
        )
    return names, np.asarray(values, dtype=np.float64)


def pose_msg(pos_m: np.ndarray, quat_wxyz: np.ndarray, frame_id: str, stamp: Time) -> PoseStamped:
    """A ``PoseStamped`` from a MuJoCo pose (quaternion reordered wxyz -> xyzw)."""
    msg = PoseStamped()
    msg.header.stamp = stamp
    msg.header.frame_id = frame_id
    msg.pose.position.x, msg.pose.position.y, msg.pose.position.z = (float(v) for v in pos_m)
    x, y, z, w = (float(v) for v in quat_wxyz_to_xyzw(np.asarray(quat_wxyz)))
    msg.pose.orientation.x, msg.pose.orientation.y = x, y
    msg.pose.orientation.z, msg.pose.orientation.w = z, w
    return msg


def pose_arrays(msg: PoseStamped) -> tuple[np.ndarray, np.ndarray]:
    """Position (3,) and quaternion xyzw (4,) of a ``PoseStamped``."""
    p, q = msg.pose.position, msg.pose.orientation
    return np.array([p.x, p.y, p.z]), np.array([q.x, q.y, q.z, q.w])


def json_msg(data: Any) -> String:
    """``std_msgs/String`` holding ``data`` as JSON (NaN/Inf become null, numpy becomes plain)."""
    return String(data=json.dumps(_clean(data), allow_nan=False))


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_clean(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value
