"""``recorder_node``: records session topics to an MCAP file (ros2 profile, CDR as received).

Topics are subscribed raw (no deserialization) as soon as their type is known from the graph;
the file is finalized (summary, index) on shutdown and flushed chunk by chunk every
``flush_period_s`` so a killed recorder leaves a readable file (``recording.read_recording``,
``recording.recover``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from pathlib import Path

from rclpy.node import Node
from rclpy.qos import QoSProfile

from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.params import declare_config
from skillbridge.ros_nodes.process import run_nodes
from skillbridge.ros_nodes.recording import McapRecorder

SESSION_TOPICS = (
    "joint_states", "joint_commands", "skill_command", "skill_status", "task", "correction",
    "correction_feedback", "skill_manager_status", "objects/cube/pose", "objects/target_pad/pose",
    "/diagnostics",
)  # fmt: skip


@dataclasses.dataclass(frozen=True)
class RecorderConfig:
    """Parameters of the recorder."""

    path: str = ""
    """Output file; empty: ``sessions/session_<UTC time>.mcap``."""
    topics: tuple[str, ...] = SESSION_TOPICS
    """Topics to record (relative names resolve in the node's namespace); empty: every topic."""
    flush_period_s: float = 1.0
    """Close and flush the open chunk this often: at most this much is lost if killed."""
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
        self.create_timer(cfg.discovery_period_s, self._discover)
        self.create_timer(cfg.flush_period_s, self.recorder.maybe_flush)
        self.get_logger().info(f"recording to {self.path}")
        self._discover()

    def _discover(self) -> None:
        for topic, types in self.get_topic_names_and_types():
            if topic in self._subs or (self._wanted and topic not in self._wanted):
                continue
            if topic.endswith("/rosout") or topic.endswith("parameter_events"):
                if not self._wanted:
                    continue
            type_name = types[0]
            try:
                msg_type = _message_class(type_name)
                self.recorder.add_topic(topic, type_name)
            except (ImportError, AttributeError, RosNodeError) as exc:
                self.get_logger().warning(f"not recording {topic} ({type_name}): {exc}")
                self._subs[topic] = None
                continue
            self._subs[topic] = self.create_subscription(
                msg_type,
                topic,
                lambda data, t=topic: self.recorder.write(t, data),
                QoSProfile(depth=100),
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
