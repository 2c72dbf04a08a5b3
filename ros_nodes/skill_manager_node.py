"""``skill_manager_node``: runs the high level and human corrections, sends ``skill_command``.

Subscribes ``task`` and ``correction`` (std_msgs/String), ``skill_status`` (the policy node's
JSON), ``joint_states`` and the object poses (for the high level's observation). Publishes
``skill_command`` (a language motion as JSON), ``correction_feedback`` (one JSON reply per
correction: accepted motions, a refusal with its reason, or a question), ``language_events``
(every event of the session, in the schema of ``skillbridge.hierarchy.events``; the recorder
writes them to MCAP) and ``skill_manager_status`` (JSON, 2 Hz). Services ``pause`` / ``resume``
(std_srvs/Trigger).

The sequencing itself is ``skillbridge.hierarchy.sequencer.Sequencer``, the one the simulated
hierarchy runs. A correction is read in context by ``skillbridge.hierarchy.language.dialogue``
(typed text, or the voice node's transcript with its confidence): an unclear one becomes a
question and the arm holds until it is answered; a compound request runs all its motions in
order. With ``memory`` (or ``memory_from``, an earlier session's MCAP or JSONL) the sequencer
keeps a correction memory (``skillbridge.hierarchy.memory``): its entries are published on
``language_events`` (the loaded ones at start-up), so the recording carries them to the next
session. While the policy node reports a latched e-stop, the sequencer holds and refuses
corrections; after the reset it keeps holding until ``resume``.
"""

from __future__ import annotations

import dataclasses
import json
import time
from typing import Any

import numpy as np
from diagnostic_msgs.msg import DiagnosticArray
from geometry_msgs.msg import PoseStamped
from rclpy.node import Node
from sensor_msgs.msg import JointState
from std_msgs.msg import String
from std_srvs.srv import Trigger

from skillbridge.contract import ContractError, RobotState
from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.errors import HierarchyError
from skillbridge.hierarchy.events import EventRecorder, JsonlSink, Sink
from skillbridge.hierarchy.interface import HighLevelObservation, ObjectPose, make_high_level
from skillbridge.hierarchy.language.answers import Heard, Refusal
from skillbridge.hierarchy.memory import CorrectionMemory, MemoryConfig
from skillbridge.hierarchy.sequencer import GuidedMode, Sequencer
from skillbridge.ros_nodes.diagnostics import InputErrors, clip_text, status_array
from skillbridge.ros_nodes.drivers import DriverInterface
from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.messages import (
    EVENTS_QOS,
    joint_state_to_robot_state,
    json_msg,
    pose_arrays,
)
from skillbridge.ros_nodes.params import declare_config
from skillbridge.ros_nodes.process import run_nodes

MAX_TEXT_CHARS = 1000
"""Longest task or correction read (characters): an operator types a sentence, and the parser's
time grows with the text (a 10 kB line would stall the high level)."""


@dataclasses.dataclass(frozen=True)
class SkillManagerConfig:
    """Parameters of the skill manager."""

    rate_hz: float = 5.0
    """High-level rate: how often it may pick the next motion."""
    motion_timeout_s: float = 4.0
    """Ask for the next motion when the policy node has not reported the current one done
    after this long (its own window is 2.5 s)."""
    high_level: str = "idle"
    """``idle``, ``sequence`` or ``learned`` (the ONNX high level at ``high_level_path``)."""
    high_level_path: str = "models/high_level.onnx"
    guided_s: float = 5.0
    """After a correction, hold each high-level proposal ``veto_window_s`` for this long."""
    veto_window_s: float = 0.4
    floor_after_correction_s: float = 1.0
    """After a correction, the high level proposes again no sooner than this."""
    sequence: tuple[str, ...] = ()
    """For ``high_level: sequence``: language motions as JSON objects, played once per task."""
    task: str = ""
    """A task to start with (otherwise wait for the ``task`` topic)."""
    corrections_path: str = ""
    """Append every correction reply to this JSONL file; empty: topic only."""
    session_path: str = ""
    """Append language events (decisions and corrections with what the high level saw) to this
    session file (the format ``skillbridge finetune-high-level`` reads); empty: topic only."""
    language_events_topic: str = "language_events"
    task_topic: str = "task"
    correction_topic: str = "correction"
    skill_command_topic: str = "skill_command"
    skill_status_topic: str = "skill_status"
    feedback_topic: str = "correction_feedback"
    status_topic: str = "skill_manager_status"
    policy_lost_after_s: float = 1.0
    """The policy node counts as lost when its skill_status (20 Hz) is older than this: the
    high level then holds and the loss is reported."""
    joint_states_topic: str = "joint_states"
    driver_joint_names: tuple[str, ...] = ()
    """The driver's name of each contract joint, in contract order (as the policy node's);
    empty: the driver uses the contract's names."""
    object_topics: tuple[str, ...] = ("objects/cube/pose", "objects/target_pad/pose")
    """PoseStamped topics; the object's name is the second-to-last path element."""
    cube_bias_m: tuple[float, ...] = (0.0, 0.0, 0.0)
    """Added to the cube's position before the high level sees it (m, base frame, [x, y, z]):
    a miscalibrated camera on purpose, the shifted setting of the correction experiment
    (``skillbridge hierarchy experiment``'s ``cube_bias_m``; benchmarks/hierarchy_ros.py).
    Everything the high level sees and records carries it; zero on a robot."""
    operator_side: str = "across"
    """Where the operator stands ("toward me", "to my left"): ``across`` the table facing the
    robot, ``behind`` it at the base, or at its ``left``/``right`` side."""
    ask_below: float = 0.5
    """Speech confidence below which the robot asks back what it heard instead of moving."""
    homophone_ask_below: float = 0.8
    """A direction that only a homophone gave ("write" -> right) is asked back below this."""
    diagnostics_topic: str = "/diagnostics"
    memory: bool = False
    """Remember corrections: a proposal the operator displaced before in a similar situation
    of the same task is replaced by what was asked then (needs the learned high level's view)."""
    memory_from: str = ""
    """Load the memory of an earlier session (its MCAP recording or JSONL session file) and
    use it (implies ``memory``)."""
    memory_distance: float = MemoryConfig().max_distance
    """Recall within this normalized feature distance (see ``hierarchy.memory``)."""


def load_dialogue(cfg: SkillManagerConfig):
    """The correction reader (``skillbridge.hierarchy.language.dialogue.Dialogue``), warmed up.

    Raises:
        RosNodeError: the parser package is not importable yet, or its encoder is missing.
    """
    try:
        from skillbridge.hierarchy.language.conversation import Dialogue
        from skillbridge.hierarchy.language.dialogue import LanguageConfig
        from skillbridge.hierarchy.language.parser import default_parser
    except ImportError as exc:
        raise RosNodeError(
            f"the correction parser is not available ({exc}); corrections need "
            "skillbridge.hierarchy.language (see `skillbridge parse --help`)"
        ) from exc
    try:
        config = LanguageConfig(cfg.operator_side, cfg.ask_below, cfg.homophone_ask_below)
        dialogue = Dialogue(config, default_parser())
        dialogue.hear("stop")  # loads the sentence encoder now, not at the first correction
    except ValueError as exc:
        raise RosNodeError(f"parameter operator_side/ask_below: {exc}") from exc
    except Exception as exc:
        if not type(exc).__module__.startswith("skillbridge."):
            raise
        raise RosNodeError(f"the correction parser cannot start: {exc}") from exc
    return dialogue


class SkillManagerNode(Node):
    """See the module docstring."""

    def __init__(self, name: str = "skill_manager", **kwargs) -> None:
        super().__init__(name, **kwargs)
        cfg = self.config = declare_config(self, SkillManagerConfig)
        self._cube_bias = _checked_cube_bias(cfg)
        try:
            self.high_level = make_high_level(cfg.high_level, cfg.sequence, cfg.high_level_path)
        except ContractError as exc:
            raise RosNodeError(f"parameter high_level/sequence: {exc}") from exc
        self._driver = _driver_of(self.high_level, cfg.driver_joint_names)
        self.dialogue = load_dialogue(cfg)
        events_pub = self.create_publisher(String, cfg.language_events_topic, EVENTS_QOS)
        self._files = [JsonlSink(cfg.session_path)] if cfg.session_path else []
        self._replies = JsonlSink(cfg.corrections_path) if cfg.corrections_path else None
        sinks: list[Sink] = [lambda record: events_pub.publish(json_msg(record)), *self._files]
        guided = GuidedMode(cfg.guided_s, cfg.veto_window_s, cfg.floor_after_correction_s)
        self.sequencer = Sequencer(guided, cfg.motion_timeout_s, EventRecorder(sinks))
        memory = _correction_memory(cfg)
        if memory is not None:
            self.sequencer.load_memory(memory, time.monotonic())
        self._robot: RobotState | None = None
        self._objects: dict[str, ObjectPose] = {}
        self._policy_node: str | None = None
        """The node that last reported itself active on skill_status."""
        self._listening = False
        self._policy_seen_s: float | None = None
        """When the last skill_status arrived (monotonic)."""
        self._policy_sequence = 0
        """The policy node's motion counter, as last reported."""
        self._sent_after = 0
        """The counter when the running motion was sent: its completion reports a larger one."""
        self.input_errors = InputErrors()
        """Malformed messages dropped (named by topic), reported on ``/diagnostics``."""
        self._diag_pub = self.create_publisher(DiagnosticArray, cfg.diagnostics_topic, 10)
        self._cmd_pub = self.create_publisher(String, cfg.skill_command_topic, 10)
        self._feedback_pub = self.create_publisher(String, cfg.feedback_topic, 10)
        self._status_pub = self.create_publisher(String, cfg.status_topic, 10)
        self.create_subscription(String, cfg.task_topic, self._on_task, 10)
        self.create_subscription(String, cfg.correction_topic, self._on_correction, 10)
        self.create_subscription(String, cfg.skill_status_topic, self._on_status, 10)
        self.create_subscription(JointState, cfg.joint_states_topic, self._on_joint_states, 1)
        for topic in cfg.object_topics:
            name = topic.rstrip("/").split("/")[-2] if "/" in topic else topic
            self.create_subscription(
                PoseStamped, topic, lambda msg, n=name: self._on_object(n, msg), 1
            )
        self.create_service(Trigger, "pause", self._on_pause)
        self.create_service(Trigger, "resume", self._on_resume)
        self.create_timer(1.0 / cfg.rate_hz, self._tick)
        self.create_timer(0.5, self._publish_status)
        self.create_timer(1.0, self._publish_diagnostics)
        if cfg.task:
            self._start_task(cfg.task, time.monotonic())
        self.get_logger().info(f"high level {cfg.high_level!r} at {cfg.rate_hz:g} Hz")

    # --- inputs -------------------------------------------------------------------------------
    def _start_task(self, task: str, now: float) -> None:
        self.sequencer.start_task(task, now)
        self.high_level.reset(self.sequencer.task)

    def _reject(self, topic: str, problem: str) -> None:
        """A malformed message is dropped, logged once and reported on ``/diagnostics``."""
        message = self.input_errors.add(topic, problem)
        if message is not None:
            self.get_logger().error(f"ignored {message}")

    def _on_task(self, msg: String) -> None:
        if len(msg.data) > MAX_TEXT_CHARS:
            self._reject(
                self.config.task_topic,
                f"a task of {len(msg.data)} characters (at most {MAX_TEXT_CHARS}): "
                f"{clip_text(msg.data, 60)}",
            )
            return
        self._start_task(msg.data, time.monotonic())
        self.get_logger().info(f"task: {clip_text(msg.data)!r}")
        self._tick()

    def _on_status(self, msg: String) -> None:
        topic = self.config.skill_status_topic
        try:
            status = json.loads(msg.data)
            sequence = int(status.get("sequence", 0))
        except json.JSONDecodeError:
            self._reject(topic, f"not JSON: {clip_text(msg.data, 80)}")
            return
        except (AttributeError, TypeError, ValueError):  # not an object, or a bad counter
            self._reject(topic, f"not a policy node status object: {clip_text(msg.data, 80)}")
            return
        if status.get("lifecycle") == "active" and status.get("node"):
            self._policy_node = str(status["node"])
        now = time.monotonic()
        if self._policy_lost(now):
            self.get_logger().info("the policy node reports again")
        self._policy_seen_s = now
        self._follow_estop(bool(status.get("estop")), now)
        self._policy_sequence = max(self._policy_sequence, sequence)
        run = self.sequencer.running
        if run is None or not status.get("done") or sequence <= self._sent_after:
            return
        if status.get("motion") == run.motion.to_dict():
            self._send(self.sequencer.finished(str(status.get("outcome", "reached")), now))
            self._tick()  # the motion is done: the high level may continue at once

    def _follow_estop(self, latched: bool, now: float) -> None:
        """The policy node's e-stop latch, mirrored: hold and refuse while latched; after the
        reset, keep holding until ``resume``."""
        if latched and not self.sequencer.estop_latched:
            self.sequencer.estop(now)
            self.get_logger().warning("e-stop latched: holding, corrections are refused")
            self._publish_status()
        elif not latched and self.sequencer.estop_latched:
            self.sequencer.estop_reset(now)
            self.get_logger().info("e-stop reset: holding until resume")
            self._publish_status()

    def _on_joint_states(self, msg: JointState) -> None:
        try:
            self._robot = self._driver.to_contract(joint_state_to_robot_state(msg))
        except RosNodeError as exc:
            self._robot = None
            self._reject(self.config.joint_states_topic, str(exc))
            return
        robot = self._robot
        if not (
            np.all(np.isfinite(robot.joint_pos_rad)) and np.all(np.isfinite(robot.joint_vel_rad_s))
        ):
            self._robot = None
            self._reject(self.config.joint_states_topic, "non-finite positions or velocities")

    def _on_object(self, name: str, msg: PoseStamped) -> None:
        pos, quat = pose_arrays(msg)
        if not (np.all(np.isfinite(pos)) and np.all(np.isfinite(quat))):
            self._objects.pop(name, None)  # no pose rather than a wrong one
            self._reject(f"{name} pose", f"non-finite position {pos} or orientation {quat}")
            return
        if name == "cube":  # the configured shift, less what the memory learned of it
            pos = pos + self._cube_bias
            if self.sequencer.memory is not None:
                pos = pos - self.sequencer.memory.seen_offset("cube")
        self._objects[name] = ObjectPose(pos, quat)

    def _on_correction(self, msg: String) -> None:
        now = time.monotonic()
        try:
            heard = Heard.from_message(msg.data)  # typed text or the voice node's JSON
        except (TypeError, ValueError) as exc:  # e.g. a confidence that is not a number
            self._reject(self.config.correction_topic, f"{exc}: {clip_text(msg.data, 80)}")
            return
        seq = self.sequencer
        previous = seq.running.motion if seq.running is not None else seq.last_motion
        if len(heard.text) > MAX_TEXT_CHARS:  # refused with a reply the operator sees
            answer: Any = Refusal(
                "nonsense",
                f"a correction of {len(heard.text)} characters is too long (at most "
                f"{MAX_TEXT_CHARS}); say it in one sentence",
            )
            heard = dataclasses.replace(heard, text=clip_text(heard.text, 200))
        else:
            answer = self.dialogue.hear(heard.text, heard.confidence, previous)
        reply, motion = seq.correct(
            heard.text, answer, now, self._observation_row(now), heard.confidence
        )
        self._send(motion)
        record = {**reply.to_dict(), "time_s": round(now, 6), "task": seq.task,
                  "accepted": reply.accepted, "wall_time_s": time.time()}  # fmt: skip
        self._feedback_pub.publish(json_msg(record))
        if self._replies is not None:
            self._replies(record)
        self.get_logger().info(f"correction {clip_text(heard.text)!r}: {reply.message}")

    def _on_pause(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        self._send(self.sequencer.pause(time.monotonic()))
        response.success, response.message = True, "paused: the arm holds; resume to continue"
        return response

    def _on_resume(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        response.success, response.message = self.sequencer.resume(time.monotonic())
        self._publish_status()
        self._tick()
        return response

    # --- outputs ------------------------------------------------------------------------------
    def _policy_lost(self, now: float) -> bool:
        """Whether a policy node that reported before has gone quiet."""
        seen = self._policy_seen_s
        return seen is not None and now - seen > self.config.policy_lost_after_s

    def _tick(self) -> None:
        now = time.monotonic()
        if self._policy_lost(now):
            if self.sequencer.running is not None:  # it will never report done: forget it
                self.sequencer.finished("lost", now)
                self.get_logger().error(
                    f"policy node {self._policy_node} lost: no skill_status for "
                    f"{now - (self._policy_seen_s or now):.1f} s; the high level holds"
                )
            return
        if not self._policy_listening():
            return
        seq = self.sequencer
        self._send(seq.expire(now) or seq.release(now))
        if seq.ready_for_proposal(now):
            observation = self._observation(now)
            choice = self.high_level.next_motion(observation)
            self._send(seq.propose(choice, now, self._observation_row(now, observation)))

    def _policy_listening(self) -> bool:
        """Whether the high level may send: an active policy node has reported on skill_status,
        it subscribes to skill_command, and every skill_command subscription the graph shows is
        matched to this publisher. A command published before DDS matched the policy node's
        subscription is lost (seen at start-up when discovery took seconds: the first motion
        never ran). Once true it stays true."""
        if self._listening or self._policy_node is None:
            return self._listening
        topic = self._cmd_pub.topic_name
        subscribers = self.get_subscriptions_info_by_topic(topic)
        if not any(info.node_name == self._policy_node for info in subscribers):
            return False
        if self._cmd_pub.get_subscription_count() < len(subscribers):
            return False
        self._listening = True
        self.get_logger().info(f"{self._policy_node} listens on {topic}: the high level starts")
        return True

    def _observation(self, now: float) -> HighLevelObservation:
        seq = self.sequencer
        return HighLevelObservation(
            task=seq.task,
            time_s=seq.t_s(now),
            robot=self._robot,
            objects=dict(self._objects),
            last_motion=seq.last_motion,
            last_outcome=seq.last_outcome,
            corrections=seq.corrections,
        )

    def _observation_row(self, now: float, observation: HighLevelObservation | None = None):
        """What a learned high level sees now (None for other high levels or missing inputs)."""
        row_of = getattr(self.high_level, "observation_row", None)
        if row_of is None:
            return None
        return row_of(observation or self._observation(now))

    def _send(self, motion: LanguageMotion | None) -> None:
        if motion is None:
            return
        self._sent_after = self._policy_sequence
        self._cmd_pub.publish(String(data=motion.to_json()))
        self._publish_status()

    def _policy_state(self) -> str:
        """``unseen`` (no skill_status yet), ``ok`` or ``lost`` (quiet for policy_lost_after_s)."""
        if self._policy_seen_s is None:
            return "unseen"
        return "lost" if self._policy_lost(time.monotonic()) else "ok"

    def _publish_status(self) -> None:
        summary: dict[str, Any] = {
            **self.sequencer.summary(),
            "high_level": self.config.high_level,
            "policy_node": self._policy_state(),  # the console shows "POLICY NODE LOST"
        }
        self._status_pub.publish(json_msg(summary))

    def _publish_diagnostics(self) -> None:
        """The loss of the policy node and the malformed inputs dropped, on ``/diagnostics``."""
        policy = self._policy_state()
        problems = list(self.input_errors.recent)
        if policy == "lost":
            seen = time.monotonic() - (self._policy_seen_s or 0.0)
            problems.insert(
                0, f"policy node {self._policy_node} lost: no skill_status for {seen:.1f} s"
            )
        values = {
            "policy_node": policy,
            "task": clip_text(self.sequencer.task, 80),
            "input_errors": self.input_errors.count,
        }
        name = f"skillbridge: {self.get_fully_qualified_name()}"
        self._diag_pub.publish(status_array(name, "skillbridge_skill_manager", values, problems))

    def destroy_node(self) -> None:
        for sink in (*self._files, *([self._replies] if self._replies else [])):
            sink.close()
        super().destroy_node()


def _checked_cube_bias(cfg: SkillManagerConfig) -> np.ndarray:
    """Check the rates and ``cube_bias_m``; the bias as an array (3,).

    Raises:
        RosNodeError: a rate that is not positive, a bias that is not three finite numbers.
    """
    if cfg.rate_hz <= 0 or cfg.motion_timeout_s <= 0:
        raise RosNodeError("rate_hz and motion_timeout_s must be positive")
    if len(cfg.cube_bias_m) != 3 or not np.all(np.isfinite(cfg.cube_bias_m)):
        raise RosNodeError(
            f"parameter cube_bias_m takes three finite numbers [x, y, z] in metres, got "
            f"{list(cfg.cube_bias_m)}"
        )
    return np.asarray(cfg.cube_bias_m, dtype=np.float64)


def _correction_memory(cfg: SkillManagerConfig) -> CorrectionMemory | None:
    """The session's correction memory (empty, or loaded from ``memory_from``), None if off.

    Raises:
        RosNodeError: a bad distance, or a ``memory_from`` that holds no memory.
    """
    if not (cfg.memory or cfg.memory_from):
        return None
    try:
        memory_cfg = MemoryConfig(max_distance=cfg.memory_distance)
        if cfg.memory_from:
            return CorrectionMemory.from_session(cfg.memory_from, memory_cfg)
        return CorrectionMemory(memory_cfg)
    except HierarchyError as exc:
        raise RosNodeError(f"parameter memory_from/memory_distance: {exc}") from exc


def _driver_of(high_level: object, driver_joint_names: tuple[str, ...]) -> DriverInterface:
    """Driver names -> contract names for the high level's observation: the joints of its
    low-level contract (a high level without one, idle or a fixed sequence, reads no joints)."""
    spec = getattr(high_level, "spec", None)
    contract = spec.low_level.joint_names if spec is not None else tuple(driver_joint_names)
    return DriverInterface.make(contract, driver_joint_names)


def main(args: list[str] | None = None) -> None:
    """``ros2 run skillbridge skill_manager_node``."""
    run_nodes(lambda: [SkillManagerNode()], args)


if __name__ == "__main__":
    main()
