"""The operator and the simulated corrector of ``hierarchy_ros.py``, over ROS topics.

``CorrectorLoop`` is the in-process experiment's corrector glue (``HierarchyRollout._decide`` and
``_deliver_corrections``) on what a process sees over ROS: the project's ``SimulatedCorrector``
judges each high-level decision the skill manager announces on ``language_events`` against the
true scene (the sim robot's joint states and object poses, read through the learned high level's
own observation builder, without the camera bias the skill manager adds), and its words follow
``reaction_s`` later, about the scene as it is then, on the ``correction`` topic.

``Operator`` is an rclpy node in the benchmark's process, spun in a background thread: it runs
the corrector, counts what comes back (feedback, motions, the sim robot's catch-up skips) and
drives the episodes through the nodes' own interfaces (the skill manager's ``pause``/``resume``,
the policy node's lifecycle, the sim robot's parameters and ``reset_scene``).
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from skillbridge.hierarchy.corrector import SimulatedCorrector
from skillbridge.hierarchy.interface import HighLevelObservation, ObjectPose
from skillbridge.hierarchy.runtime import OnnxHighLevel

TrueObs = Callable[[], "np.ndarray | None"]


class CorrectorLoop:
    """When the corrector objects and what it says, in the order the in-process rollout does it:
    it judges a decision the moment it is made, and speaks ``reaction_s`` later."""

    def __init__(self, corrector: SimulatedCorrector, reaction_s: float, true_obs: TrueObs):
        self.corrector, self.reaction_s, self.true_obs = corrector, reaction_s, true_obs
        self.pending: list[float] = []
        """Times (monotonic s) at which words are due."""

    def on_decision(self, now_s: float, task: str, token: int) -> bool:
        """The high level chose ``token``: does the person object (then words are due later)?"""
        obs = self.true_obs()
        if obs is None or not self.corrector.objects(0, now_s, task, obs, token):
            return False
        self.pending.append(now_s + self.reaction_s)
        return True

    def due(self, now_s: float, task: str) -> list[str]:
        """The words whose time has come, about the scene as it is now."""
        ready = [t for t in self.pending if t <= now_s]
        if not ready:
            return []
        self.pending = [t for t in self.pending if t > now_s]
        obs = self.true_obs()
        return [] if obs is None else [self.corrector.words(task, obs) for _ in ready]

    def clear(self) -> None:
        """The episode ended: words not yet spoken are dropped (as in the rollout)."""
        self.pending = []


@dataclasses.dataclass
class EpisodeLog:
    """What the operator saw during one episode."""

    decisions: int = 0
    objections: int = 0
    sent: list[tuple[float, str]] = dataclasses.field(default_factory=list)
    """(monotonic s, text) of every correction published."""
    replies: list[tuple[float, dict]] = dataclasses.field(default_factory=list)
    """(monotonic s, record) of every ``correction_feedback``."""
    motions: int = 0


class Operator:
    """See the module docstring. ``lock`` guards everything the callbacks write."""

    def __init__(self, high_level_path: str, corrector: SimulatedCorrector, reaction_s: float):
        import rclpy
        from diagnostic_msgs.msg import DiagnosticArray
        from geometry_msgs.msg import PoseStamped
        from rclpy.executors import SingleThreadedExecutor
        from sensor_msgs.msg import JointState
        from std_msgs.msg import String

        from skillbridge.ros_nodes.messages import EVENTS_QOS

        self._string = String
        self.view = OnnxHighLevel(high_level_path)  # its observation builder, not its choices
        self.loop = CorrectorLoop(corrector, reaction_s, self.true_obs)
        self.lock = threading.RLock()
        self.robot: Any = None
        self.finger_m: float | None = None
        self.poses: dict[str, ObjectPose] = {}
        self.policy_lifecycle = ""
        self.sim_diagnostics: dict[str, str] = {}
        self.task = ""
        self.active = False
        self.log = EpisodeLog()
        self.context = rclpy.Context()
        rclpy.init(context=self.context)
        self.node = rclpy.create_node("hierarchy_ros_operator", context=self.context)
        sub = self.node.create_subscription
        sub(JointState, "joint_states", self._on_joints, 1)
        sub(PoseStamped, "objects/cube/pose", lambda m: self._on_pose("cube", m), 1)
        sub(PoseStamped, "objects/target_pad/pose", lambda m: self._on_pose("target_pad", m), 1)
        sub(String, "language_events", self._on_event, EVENTS_QOS)
        sub(String, "correction_feedback", self._on_feedback, 50)
        sub(String, "skill_command", self._on_command, 50)
        sub(String, "skill_status", self._on_status, 10)
        sub(DiagnosticArray, "/diagnostics", self._on_diagnostics, 10)
        self.task_pub = self.node.create_publisher(String, "task", 10)
        self.correction_pub = self.node.create_publisher(String, "correction", 10)
        self.node.create_timer(0.01, self._deliver)
        self.executor = SingleThreadedExecutor(context=self.context)
        self.executor.add_node(self.node)
        self._running = True
        self._thread = threading.Thread(target=self._spin, daemon=True)
        self._thread.start()

    def _spin(self) -> None:
        while self._running:
            with self.lock:
                self.executor.spin_once(timeout_sec=0.005)
            time.sleep(0.0002)  # let the main thread take the lock

    # --- what it sees ---------------------------------------------------------------------------
    def _on_joints(self, msg) -> None:
        from skillbridge.ros_nodes.messages import joint_state_to_robot_state

        self.robot = joint_state_to_robot_state(msg)
        if "panda_finger_joint1" in msg.name:
            self.finger_m = float(msg.position[list(msg.name).index("panda_finger_joint1")])

    def _on_pose(self, name: str, msg) -> None:
        from skillbridge.ros_nodes.messages import pose_arrays

        self.poses[name] = ObjectPose(*pose_arrays(msg))

    def _on_status(self, msg) -> None:
        self.policy_lifecycle = str(json.loads(msg.data).get("lifecycle", ""))

    def _on_diagnostics(self, msg) -> None:
        for status in msg.status:
            if "sim_robot" in status.name:
                self.sim_diagnostics = {kv.key: kv.value for kv in status.values}

    def true_obs(self) -> np.ndarray | None:
        """The high level's observation of the true scene (no camera bias), None if incomplete."""
        observation = HighLevelObservation(self.task, 0.0, self.robot, dict(self.poses),
                                           None, None, 0)  # fmt: skip
        return self.view.observation_row(observation)

    # --- the corrector --------------------------------------------------------------------------
    def _on_event(self, msg) -> None:
        event = json.loads(msg.data)
        if not self.active or event.get("type") != "decision" or event.get("task") != self.task:
            return
        self.log.decisions += 1
        if self.loop.on_decision(time.monotonic(), self.task, int(event["token"])):
            self.log.objections += 1

    def _deliver(self) -> None:
        if not self.active:
            return
        for text in self.loop.due(time.monotonic(), self.task):
            self.correction_pub.publish(self._string(data=text))
            self.log.sent.append((time.monotonic(), text))

    def _on_feedback(self, msg) -> None:
        if self.active:
            self.log.replies.append((time.monotonic(), json.loads(msg.data)))

    def _on_command(self, msg) -> None:
        if self.active:
            self.log.motions += 1

    # --- episodes -------------------------------------------------------------------------------
    def begin(self, task: str) -> None:
        """A new episode of ``task``: fresh counts, the corrector listens."""
        with self.lock:
            self.task, self.log, self.active = task, EpisodeLog(), True
            self.loop.clear()
            self.task_pub.publish(self._string(data=task))

    def end(self) -> EpisodeLog:
        with self.lock:
            self.active = False
            self.loop.clear()
            return self.log

    def snapshot(self) -> tuple[np.ndarray | None, dict[str, ObjectPose], float | None]:
        """(true observation row, object poses, finger opening m) now."""
        with self.lock:
            return self.true_obs(), dict(self.poses), self.finger_m

    # --- the nodes' interfaces ------------------------------------------------------------------
    def call(self, srv_type: type, name: str, request: Any, timeout_s: float = 20.0) -> Any:
        """A service call from the main thread (the spin thread completes the future).

        Raises:
            TimeoutError: the service did not appear or answer in ``timeout_s``.
        """
        with self.lock:
            client = self.node.create_client(srv_type, name)
        try:
            if not client.wait_for_service(timeout_sec=timeout_s):
                raise TimeoutError(f"service {name} not available after {timeout_s} s")
            with self.lock:
                future = client.call_async(request)
            deadline = time.monotonic() + timeout_s
            while not future.done() and time.monotonic() < deadline:
                time.sleep(0.01)
            if not future.done():
                raise TimeoutError(f"service {name} did not answer in {timeout_s} s")
            return future.result()
        finally:
            with self.lock:
                self.node.destroy_client(client)

    def trigger(self, name: str) -> str:
        """Call a std_srvs/Trigger service; returns its message.

        Raises:
            RuntimeError: it answered with success false.
        """
        from std_srvs.srv import Trigger

        response = self.call(Trigger, name, Trigger.Request())
        if not response.success:
            raise RuntimeError(f"{name}: {response.message}")
        return str(response.message)

    def lifecycle(self, node: str, transition: str) -> None:
        """Drive a lifecycle transition; a lost response is checked against the node's state.

        Raises:
            RuntimeError: the transition failed.
        """
        from lifecycle_msgs.srv import ChangeState, GetState

        request = ChangeState.Request()
        request.transition.label = transition
        goal = {"activate": "active", "deactivate": "inactive"}[transition]
        try:
            if self.call(ChangeState, f"/{node}/change_state", request).success:
                return
        except TimeoutError as exc:
            if "did not answer" not in str(exc):
                raise
        state = self.call(GetState, f"/{node}/get_state", GetState.Request()).current_state
        if state.label != goal:
            raise RuntimeError(f"{node}: {transition} failed (state {state.label})")

    def set_parameters(self, node: str, values: dict[str, Any]) -> None:
        """Set parameters of ``node``.

        Raises:
            RuntimeError: the node refused one (named, with its reason).
        """
        from rcl_interfaces.srv import SetParameters
        from rclpy.parameter import Parameter

        request = SetParameters.Request()
        request.parameters = [Parameter(k, value=v).to_parameter_msg() for k, v in values.items()]
        response = self.call(SetParameters, f"/{node}/set_parameters", request)
        for name, result in zip(values, response.results, strict=True):
            if not result.successful:
                raise RuntimeError(f"{node}: parameter {name} refused: {result.reason}")

    def close(self) -> None:
        self._running = False
        self._thread.join(timeout=2.0)
        self.node.destroy_node()
        self.context.try_shutdown()
