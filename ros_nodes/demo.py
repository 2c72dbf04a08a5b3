"""``skillbridge demo``: the whole stack on loopback, the default main job (``make demo``).

The graph of ``skillbridge bringup sim`` starts in its own process (MuJoCo robot, policy node
with the verified ONNX skill, skill manager with the learned high level, MCAP recorder). This
process is the operator: it sends the task, types two corrections on the ``correction`` topic
mid-task, watches the scene, and prints whether the cube ended on the pad, every correction's
feedback, the policy loop's timing and the recording's path and contents.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from skillbridge.ros_nodes.bringup import BringupConfig
from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.graph import NodeGraph


@dataclasses.dataclass(frozen=True)
class DemoConfig:
    """Run the full stack in simulation with two typed corrections."""

    task: str = "put the cube on the pad"
    corrections: tuple[str, ...] = ("go up a little", "a bit more to the left")
    correction_times_s: tuple[float, ...] = (4.0, 12.0)
    """When each correction is typed, seconds after the first motion."""
    timeout_s: float = 90.0
    policy_path: str = "models/motion.onnx"
    high_level_path: str = "models/high_level.onnx"
    cube_xy: tuple[float, float] = (0.5, -0.05)
    pad_xy: tuple[float, float] = (0.52, 0.18)
    out_dir: str = "sessions"
    startup_timeout_s: float = 60.0


@dataclasses.dataclass
class Observed:
    """What the operator process has seen (filled by subscription callbacks)."""

    commands: list[dict] = dataclasses.field(default_factory=list)
    feedback: list[dict] = dataclasses.field(default_factory=list)
    cube: np.ndarray | None = None
    pad: np.ndarray | None = None
    finger: float | None = None
    diagnostics: dict[str, str] = dataclasses.field(default_factory=dict)
    lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)


def ros_environment() -> dict[str, str]:
    """This process's environment with DDS kept on this machine, in a domain of its own."""
    env = dict(os.environ)
    env.setdefault("ROS_DOMAIN_ID", str(random.randint(30, 99)))
    env.setdefault("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST")
    return env


def start_graph(cfg: DemoConfig, mcap: Path, folder: Path) -> NodeGraph:
    """``skillbridge bringup sim``'s plan, one process per node (as ``ros2 launch`` does)."""
    bringup = BringupConfig(
        mode="sim",
        policy_path=cfg.policy_path,
        param=(
            "skill_manager.high_level=learned",
            f"skill_manager.high_level_path={cfg.high_level_path}",
            f"skill_manager.session_path={mcap.with_suffix('.jsonl')}",
            f"sim_robot.cube_xy=[{cfg.cube_xy[0]}, {cfg.cube_xy[1]}]",
            f"sim_robot.pad_xy=[{cfg.pad_xy[0]}, {cfg.pad_xy[1]}]",
            f"recorder.path={mcap}",
        ),
    )
    graph = NodeGraph()
    graph.start(bringup, folder)
    return graph


class Operator:
    """An rclpy node in this process: publishes the task and corrections, watches the rest."""

    def __init__(self, seen: Observed) -> None:
        import rclpy
        from diagnostic_msgs.msg import DiagnosticArray
        from geometry_msgs.msg import PoseStamped
        from rclpy.executors import SingleThreadedExecutor
        from sensor_msgs.msg import JointState
        from std_msgs.msg import String

        self._string = String
        self.context = rclpy.Context()
        rclpy.init(context=self.context)
        self.node = rclpy.create_node("demo_operator", context=self.context)
        self.seen = seen
        self.task_pub = self.node.create_publisher(String, "task", 10)
        self.correction_pub = self.node.create_publisher(String, "correction", 10)
        sub = self.node.create_subscription
        sub(String, "skill_command", lambda m: self._append("commands", m.data), 50)
        sub(String, "correction_feedback", lambda m: self._append("feedback", m.data), 10)
        sub(PoseStamped, "objects/cube/pose", lambda m: self._pose("cube", m), 1)
        sub(PoseStamped, "objects/target_pad/pose", lambda m: self._pose("pad", m), 1)
        sub(JointState, "joint_states", self._joints, 1)
        sub(DiagnosticArray, "/diagnostics", self._diagnostics, 10)
        self.executor = SingleThreadedExecutor(context=self.context)
        self.executor.add_node(self.node)
        self._thread = threading.Thread(target=self._spin, daemon=True)
        self._running = True
        self._thread.start()

    def _spin(self) -> None:
        while self._running:
            self.executor.spin_once(timeout_sec=0.05)

    def _append(self, field: str, text: str) -> None:
        with self.seen.lock:
            getattr(self.seen, field).append(json.loads(text))

    def _pose(self, name: str, msg) -> None:
        p = msg.pose.position
        with self.seen.lock:
            setattr(self.seen, name, np.array([p.x, p.y, p.z]))

    def _joints(self, msg) -> None:
        if "panda_finger_joint1" in msg.name:
            with self.seen.lock:
                self.seen.finger = float(msg.position[list(msg.name).index("panda_finger_joint1")])

    def _diagnostics(self, msg) -> None:
        for status in msg.status:
            if "policy" in status.name:
                with self.seen.lock:
                    self.seen.diagnostics = {kv.key: kv.value for kv in status.values}

    def say(self, publisher_name: str, text: str) -> None:
        getattr(self, publisher_name).publish(self._string(data=text))

    def close(self) -> None:
        self._running = False
        self._thread.join(timeout=2.0)
        self.node.destroy_node()
        self.context.try_shutdown()


def cube_on_pad(seen: Observed, pad_radius_m: float = 0.05) -> bool:
    with seen.lock:
        if seen.cube is None or seen.pad is None or seen.finger is None:
            return False
        inside = np.linalg.norm(seen.cube[:2] - seen.pad[:2]) <= pad_radius_m
        return bool(inside and seen.cube[2] < 0.04 and seen.finger > 0.03)


def run_demo(cfg: DemoConfig) -> int:
    for path in (cfg.policy_path, cfg.high_level_path):
        if not Path(path).is_file():
            raise RosNodeError(f"{path} is missing: train and export it first (see README)")
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    mcap = (out / f"demo_{time.strftime('%Y%m%d_%H%M%S')}.mcap").resolve()
    env = ros_environment()
    os.environ.update({k: env[k] for k in ("ROS_DOMAIN_ID", "ROS_AUTOMATIC_DISCOVERY_RANGE")})
    logs = out / mcap.stem
    logs.mkdir(exist_ok=True)
    graph = start_graph(cfg, mcap, logs)
    seen = Observed()
    operator = Operator(seen)
    try:
        outcome = _drive(cfg, operator, seen, graph, logs)
    finally:
        operator.close()
        graph.stop(("skill_manager", "policy_node", "sim_robot", "recorder"))
    _report(cfg, outcome, seen, mcap)
    return 0 if outcome["success"] else 1


def _drive(
    cfg: DemoConfig, operator: Operator, seen: Observed, graph: NodeGraph, logs: Path
) -> dict:
    start = time.monotonic()
    print(f"starting sim robot, policy node, skill manager and recorder (logs in {logs}/)")
    while not seen.commands:
        graph.check_alive()
        if time.monotonic() - start > cfg.startup_timeout_s:
            raise RosNodeError(f"no skill_command within {cfg.startup_timeout_s} s; see {logs}/")
        operator.say("task_pub", cfg.task)
        time.sleep(1.0)
    began = time.monotonic()
    print(f"task {cfg.task!r}: the high level sent its first motion {seen.commands[0]}")
    pending = sorted(zip(cfg.correction_times_s, cfg.corrections, strict=True))
    success = False
    while time.monotonic() - began < cfg.timeout_s:
        t = time.monotonic() - began
        while pending and pending[0][0] <= t:
            _, text = pending.pop(0)
            print(f"[{t:5.1f} s] operator types: {text!r}")
            operator.say("correction_pub", text)
        if cube_on_pad(seen) and not pending:
            success = True
            break
        time.sleep(0.1)
    return {"success": success, "duration_s": time.monotonic() - began}


def _report(cfg: DemoConfig, outcome: dict, seen: Observed, mcap: Path) -> None:
    print()
    for fb in seen.feedback:
        print(f"correction {fb.get('text')!r}: {fb.get('message')}")
    verdict = "SUCCESS: the cube is on the pad" if outcome["success"] else "FAILED: timed out"
    print(f"{verdict} after {outcome['duration_s']:.1f} s and {len(seen.commands)} motions")
    d = seen.diagnostics
    if d:
        print(
            f"policy loop: period p50 {d.get('tick_period_p50_ms')} ms, p99 "
            f"{d.get('tick_period_p99_ms')} ms, max {d.get('tick_period_max_ms')} ms; "
            f"inference p50 {d.get('inference_p50_ms')} ms, p99 {d.get('inference_p99_ms')} ms"
        )
    print(
        f"recording: {mcap} ({_mcap_summary(mcap)}); language events: {mcap.with_suffix('.jsonl')}"
    )


def _mcap_summary(path: Path) -> str:
    try:
        from mcap.reader import make_reader

        with path.open("rb") as f:
            summary = make_reader(f).get_summary()
        counts: dict[str, Any] = {}
        if summary is not None and summary.statistics is not None:
            for channel_id, count in summary.statistics.channel_message_counts.items():
                counts[summary.channels[channel_id].topic] = count
        return ", ".join(f"{t}: {n}" for t, n in sorted(counts.items())) or "no summary"
    except Exception as exc:
        return f"unreadable summary: {exc}"
