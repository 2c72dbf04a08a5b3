"""``recorder_node``: records session topics to an MCAP file (ros2 profile, CDR as received).

Topics are subscribed raw (no deserialization): the skillbridge graph's own topics at start-up
(their types are fixed, ``KNOWN_TOPIC_TYPES``), so the first messages of a node that starts later
are recorded too; any other topic as soon as the graph shows its type. The file is finalized
(summary, index) on shutdown and flushed chunk by chunk every ``flush_period_s`` so a killed
recorder leaves a readable file (``recording.read_recording``, ``recording.recover``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from pathlib import Path

from rclpy.node import Node
from rclpy.qos import QoSProfile

from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.messages import EVENTS_QOS
from skillbridge.ros_nodes.params import declare_config
from skillbridge.ros_nodes.process import run_nodes
from skillbridge.ros_nodes.recording import McapRecorder

_STRING, _JOINT_STATE = "std_msgs/msg/String", "sensor_msgs/msg/JointState"
_POSE = "geometry_msgs/msg/PoseStamped"
_SESSION_TOPIC_TYPES = {
    "joint_states": _JOINT_STATE, "joint_commands": _JOINT_STATE, "skill_command": _STRING,
    "skill_status": _STRING, "task": _STRING, "correction": _STRING,
    "correction_feedback": _STRING, "skill_manager_status": _STRING, "language_events": _STRING,
    "objects/cube/pose": _POSE, "objects/target_pad/pose": _POSE,
    "/diagnostics": "diagnostic_msgs/msg/DiagnosticArray",
}  # fmt: skip
SESSION_TOPICS = tuple(_SESSION_TOPIC_TYPES)
LATCHED_TOPICS = ("language_events",)
"""Published transient-local (``messages.EVENTS_QOS``): subscribed so, to get what was sent
before the recorder matched."""
KNOWN_TOPIC_TYPES = {
    **_SESSION_TOPIC_TYPES,
    "excitation_status": _STRING,
}
"""The message type of each topic the skillbridge nodes publish (default topic names)."""


@dataclasses.dataclass(frozen=True)
class RecorderConfig:
    """Parameters of the recorder."""

    path: str = ""
    """Output file; empty: ``sessions/session_<UTC time>.mcap``."""
    topics: tuple[str, ...] = SESSION_TOPICS
    """Topics to record (relative names resolve in the node's namespace); empty: every topic."""
    flush_period_s: float = 0.5
    """Close and flush the open chunk this often: about this much is lost if killed (0.5 s:
    a killed recorder loses under the one second the fault suite allows, load included)."""
    chunk_size: int = 256 * 1024
    discovery_period_s: float = 0.5


def _message_class(type_name: str) -> type:
    package, kind, name = type_name.split("/")
    return getattr(importlib.import_module(f"{package}.{kind}"), name)


class RecorderNode(Node):
    """See the module docstring."""

    def __init__(self, name: str = "recorder", **kwargs) -> None:
        super().__init__(name, **kwargs)
        cfg = self.config = declare_config(self, RecorderConfig)
        if cfg.flush_period_s <= 0 or cfg.chunk_size <= 0:
            raise RosNodeError("flush_period_s and chunk_size must be positive")
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        self.path = Path(cfg.path or f"sessions/session_{stamp}.mcap")
        self.recorder = McapRecorder(self.path, cfg.chunk_size, cfg.flush_period_s)
        self._wanted = {self.resolve_topic_name(t) for t in cfg.topics}
        self._subs: dict[str, object] = {}
        self._types: dict[str, str] = {}
        self._mismatched: set[str] = set()
        self.create_timer(cfg.discovery_period_s, self._discover)
        self.create_timer(cfg.flush_period_s, self.recorder.maybe_flush)
        self.get_logger().info(f"recording to {self.path}")
        known = {
            self.resolve_topic_name(t): type_name for t, type_name in KNOWN_TOPIC_TYPES.items()
        }
        for topic in sorted(self._wanted & known.keys()):
            self._subscribe(topic, known[topic])
        self._discover()

    def _discover(self) -> None:
        for topic, types in self.get_topic_names_and_types():
            if topic in self._subs:
                self._check_type(topic)
                continue
            if self._wanted and topic not in self._wanted:
                continue
            if topic.endswith("/rosout") or topic.endswith("parameter_events"):
                if not self._wanted:
                    continue
            self._subscribe(topic, types[0])

    def _check_type(self, topic: str) -> None:
        """A publisher of a subscribed topic with another message type does not match the
        recorder's subscription (DDS) and is not recorded: say so once."""
        expected = self._types.get(topic)
        if not expected or topic in self._mismatched:
            return
        others = {p.topic_type for p in self.get_publishers_info_by_topic(topic)} - {expected}
        if others:
            self._mismatched.add(topic)
            self.get_logger().error(
                f"not recording {topic}: it is published as {sorted(others)}, the recorder "
                f"expects {expected}; rename the topic or record it under another name"
            )

    def _subscribe(self, topic: str, type_name: str) -> None:
        try:
            msg_type = _message_class(type_name)
            self.recorder.add_topic(topic, type_name)
        except (ImportError, AttributeError, RosNodeError) as exc:
            self.get_logger().warning(f"not recording {topic} ({type_name}): {exc}")
            self._subs[topic] = None
            return
        self._types[topic] = type_name
        latched = {self.resolve_topic_name(t) for t in LATCHED_TOPICS}
        self._subs[topic] = self.create_subscription(
            msg_type,
            topic,
            lambda data, t=topic: self.recorder.write(t, data),
            EVENTS_QOS if topic in latched else QoSProfile(depth=100),
            raw=True,
        )
        self.get_logger().info(f"recording {topic} ({type_name})")

    def destroy_node(self) -> None:
        self.recorder.finish()
        counts = {k: v for k, v in self.recorder.counts.items() if v}
        self.get_logger().info(f"finished {self.path}: {counts}")
        super().destroy_node()


def main(args: list[str] | None = None) -> None:
    """``ros2 run skillbridge recorder_node``."""
    run_nodes(lambda: [RecorderNode()], args)


if __name__ == "__main__":
    main()
