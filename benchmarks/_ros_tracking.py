"""Tracking error over ROS 2 (``calibration_closed_loop.py --ros``).

The sim robot node (playing a robot's true physics from a ModelOverrides file) and the policy node
(running one exported, verified file) each in their own process, as ``ros2 launch`` starts them,
over loopback DDS in a private domain. This process is the operator: it publishes one
``skill_command`` at a time, waits the skill's command window, and reads ``joint_states``.

Tracking error of a motion: the distance between its target and the *true* tool position at the
end of the window. The target is resolved as the policy node resolves it, against the encoder
readings when the command is sent (the arm is at rest then); the true position is the forward
kinematics of the readings minus the robot's encoder offsets, which only the evaluator knows (a
motion-capture system on a real arm).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import numpy as np

from skillbridge.contract import tool_pose
from skillbridge.contract.command import resolve_target
from skillbridge.contract.language import LanguageMotion
from skillbridge.contract.rotations import rotation_angle
from skillbridge.contract.spec import PolicySpec
from skillbridge.ros_nodes.bringup import BringupConfig
from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.graph import NodeGraph
from skillbridge.ros_nodes.side_node import SideNode
from skillbridge.sim.overrides import load_overrides, reported_joint_offsets

#: One round: every direction and a turn each way, back to the start pose.
ROUND = (
    ("left", "large"), ("right", "large"), ("forward", "normal"), ("backward", "normal"),
    ("up", "normal"), ("down", "normal"), ("rotate_ccw", "normal"), ("rotate_cw", "normal"),
)  # fmt: skip
ROS_ROUNDS = 3
WINDOW_S = 2.5
"""The skill's command window (``EnvConfig.commands.command_period_s``): measured at its end."""
START_TIMEOUT_S = 60.0


class _Operator(SideNode):
    """An rclpy node in this process: publishes skill commands, keeps the latest readings and
    the policy node's status."""

    def __init__(self) -> None:
        from sensor_msgs.msg import JointState
        from std_msgs.msg import String

        super().__init__("tracking_operator", step_s=0.01)
        self._string = String
        self.readings: dict[str, float] = {}
        self.status = ""
        self._cmd = self.node.create_publisher(String, "skill_command", 10)
        self.node.create_subscription(JointState, "joint_states", self._on_state, 10)
        self.node.create_subscription(String, "skill_status", self._on_status, 10)

    def _on_state(self, msg) -> None:
        self.readings = dict(zip(msg.name, msg.position, strict=False))

    def _on_status(self, msg) -> None:
        self.status = msg.data

    def send(self, motion: LanguageMotion) -> None:
        self._cmd.publish(self._string(data=motion.to_json()))

    def joints(self, names: tuple[str, ...]) -> np.ndarray:
        return np.array([self.readings[n] for n in names])


def _pose(spec: PolicySpec, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    pos, rot = tool_pose(spec.kinematics, q[None, :], spec.joint_names)
    return pos[0], rot[0]


def _wait_active(op: _Operator, graph: NodeGraph, names: tuple[str, ...]) -> None:
    end = time.monotonic() + START_TIMEOUT_S
    while not ('"lifecycle": "active"' in op.status and all(n in op.readings for n in names)):
        if time.monotonic() > end:
            raise RosNodeError(
                f"the policy node was not active with joint_states within {START_TIMEOUT_S:.0f} s "
                f"(last status: {op.status[:200]!r})"
            )
        graph.check_alive()
        op.spin(0.2)


def ros_tracking(
    policy: Path,
    robot_file: Path | None,
    spec: PolicySpec,
    folder: Path,
    sequence: tuple[tuple[str, str], ...] = ROUND * ROS_ROUNDS,
) -> dict:
    """Run ``sequence`` (motion, size) on the robot over ROS 2; per-motion true errors, means."""
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ROS_DOMAIN_ID", str(random.SystemRandom().randint(101, 200)))
    os.environ.setdefault("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST")
    truth = load_overrides(robot_file) if robot_file is not None else None
    offsets = reported_joint_offsets(truth, spec.joint_names)
    bringup = BringupConfig(
        mode="sim",
        record=False,
        policy_path=str(policy),
        param=(
            "sim_robot.cube_xy=[1.0, 0.65]",  # on the table, out of the arm's reach
            *([f"sim_robot.overrides_path={robot_file}"] if robot_file is not None else []),
        ),
    )
    op, graph = _Operator(), NodeGraph()
    motions: list[dict] = []
    try:
        graph.start(bringup, folder, only=("sim_robot", "policy_node"))
        _wait_active(op, graph, spec.joint_names)
        op.spin(1.5)  # the activation fade-in
        for name, size in sequence:
            motions.append(_one_motion(op, spec, LanguageMotion.of(name, size), offsets))
            graph.check_alive()
    finally:
        graph.stop(("policy_node", "sim_robot"))
        op.close()
    pos = np.array([m["pos_err_mm"] for m in motions])
    return {
        "motions": len(motions),
        "pos_err_mean_mm": round(float(pos.mean()), 4),
        "pos_err_p95_mm": round(float(np.percentile(pos, 95)), 4),
        "rot_err_mean_deg": round(float(np.mean([m["rot_err_deg"] for m in motions])), 4),
        "believed_pos_err_mean_mm": round(
            float(np.mean([m["believed_pos_err_mm"] for m in motions])), 4
        ),
        "per_motion": motions,
    }


def _one_motion(
    op: _Operator, spec: PolicySpec, motion: LanguageMotion, offsets: np.ndarray
) -> dict:
    start_pos, start_rot = _pose(spec, op.joints(spec.joint_names))
    target = resolve_target(
        start_pos[None], start_rot[None], np.array([motion.to_command()]), np.array([1.0])
    )
    op.send(motion)
    op.spin(WINDOW_S)
    reading = op.joints(spec.joint_names)
    true_pos, true_rot = _pose(spec, reading - offsets)
    believed_pos, _ = _pose(spec, reading)
    return {
        "motion": motion.describe(),
        "pos_err_mm": round(float(np.linalg.norm(true_pos - target.pos_m[0])) * 1e3, 4),
        "rot_err_deg": round(float(np.degrees(rotation_angle(target.rot[0], true_rot))), 4),
        "believed_pos_err_mm": round(
            float(np.linalg.norm(believed_pos - target.pos_m[0])) * 1e3, 4
        ),
    }
