"""A correction memory carried from one session's recording to the next, across processes:
the skill manager loads it from an MCAP file, the learned high level's first proposal is
replaced by the remembered correction, the cube is seen through the learned offset, and the new
recording holds the memory again."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest
from ros_helpers import ROOT, wait_for
from session_files import write_events_mcap

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.events import session_header
from skillbridge.hierarchy.memory import CorrectionMemory, MemoryEntry
from skillbridge.hierarchy.observation import OBS_DIM, OBS_NAMES
from skillbridge.hierarchy.vocabulary import TOKENS
from skillbridge.ros_nodes.recording import read_recording

MOTION_POLICY = ROOT / "models" / "motion.onnx"
HIGH_LEVEL = ROOT / "models" / "high_level.onnx"
TASK = "put the cube on the pad"
SEEN_OFFSET = (0.0, 0.1)
"""The earlier session learned that the cube is seen 10 cm left of where it is (y)."""
ASKED = LanguageMotion("up", "explicit", distance_m=0.05)
"""What the earlier session's operator asked for: an explicit 5 cm, which no high-level token
is (1, 3 or 8 cm), so a skill_command of it can only come from the memory."""


def _earlier_session(path: Path) -> Path:
    """An earlier session's recording (as the recorder writes it: std_msgs/String on
    /language_events) whose memory displaced every motion the high level can choose, for this
    task, with ``ASKED``. The stored view is neutral; the node's wide ``memory_distance``
    makes the test independent of the simulator's exact start pose (the distance rule itself
    is tested in tests/hierarchy/test_memory.py)."""
    entries = [
        MemoryEntry(TASK, np.zeros(OBS_DIM, np.float32), token, ASKED)
        for token in range(len(TOKENS))
    ]
    records = [session_header()]
    records += [{"type": "memory", "episode": 0, "t_s": 1.0, **e.to_record(),
                 "source": "correction"} for e in entries]  # fmt: skip
    records.append({"type": "seen_offset", "episode": 0, "t_s": 2.0, "task": TASK,
                    "object": "cube", "offset_m": list(SEEN_OFFSET), "samples": 3,
                    "source": "grasp"})  # fmt: skip
    return write_events_mcap(path, records)


@pytest.mark.skipif(
    not (MOTION_POLICY.is_file() and HIGH_LEVEL.is_file()),
    reason="models/motion.onnx and models/high_level.onnx are needed",
)
def test_a_memory_loaded_from_a_recording_changes_the_proposal(start_node, probe, tmp_path):
    from std_msgs.msg import String

    from skillbridge.ros_nodes.messages import EVENTS_QOS

    earlier = _earlier_session(tmp_path / "earlier.mcap")
    events: list = []  # transient-local, as the recorder: the start-up events are not missed
    with probe.lock:
        probe.node.create_subscription(
            String, "language_events", lambda m: events.append((time.monotonic(), m)), EVENTS_QOS
        )
    from geometry_msgs.msg import PoseStamped

    commands = probe.collect(String, "skill_command")
    cube_poses = probe.collect(PoseStamped, "objects/cube/pose")
    start_node("skillbridge.ros_nodes.sim_robot_node", "sim_robot", {"publish_rate_hz": 100.0})
    recorder = start_node(
        "skillbridge.ros_nodes.recorder_node",
        "recorder",
        {"path": str(tmp_path / "session.mcap"), "flush_period_s": 0.5},
    )
    start_node(
        "skillbridge.ros_nodes.policy_node",
        "policy_node",
        {"policy_path": str(MOTION_POLICY), "autostart": True},
    )
    manager = start_node(
        "skillbridge.ros_nodes.skill_manager_node",
        "skill_manager",
        {
            "high_level": "learned",
            "high_level_path": str(HIGH_LEVEL),
            "task": TASK,
            "memory_from": str(earlier),
            "memory_distance": 1e6,
        },
    )

    def decoded() -> list[dict]:
        return [json.loads(m.data) for _, m in list(events)]

    loaded = wait_for(
        lambda: len([e for e in decoded() if e["type"] == "memory"]) >= len(TOKENS) and decoded(),
        40,
        "the loaded memory on language_events",
    )
    assert {e["source"] for e in loaded if e["type"] == "memory"} == {"loaded"}
    assert [e["source"] for e in loaded if e["type"] == "seen_offset"] == ["loaded"]
    decision = wait_for(
        lambda: next((e for e in decoded() if e["type"] == "decision"), None),
        40,
        "the high level's first proposal",
    )
    # the high level's own choice was replaced by the remembered correction, and it was sent
    assert decision["recalled"]["memory"] in range(len(TOKENS))
    assert decision["task"] == TASK
    # the high level saw the cube moved back by the learned offset (the cube rests at its start)
    wait_for(lambda: cube_poses, 10, "a cube pose on the probe")
    true_y = cube_poses[-1][1].pose.position.y
    assert decision["obs"][OBS_NAMES.index("cube_y")] == pytest.approx(
        true_y - SEEN_OFFSET[1], abs=2e-3
    )
    first = wait_for(lambda: commands and commands[0][1].data, 10, "the first skill_command")
    assert LanguageMotion.from_dict(json.loads(first)) == ASKED
    time.sleep(0.6)  # one recorder flush
    assert manager.stop() == 0 and recorder.stop() == 0
    # the new recording carries the memory on to the next session
    recorded = [
        json.loads(msg.data)
        for topic, _, msg in read_recording(tmp_path / "session.mcap")
        if topic == "/language_events"
    ]
    assert any(e["type"] == "decision" and "recalled" in e for e in recorded)
    again = CorrectionMemory.from_session(tmp_path / "session.mcap")
    assert len(again) == len(TOKENS) and again.entries[0].motion == ASKED
    np.testing.assert_allclose(again.seen_offset("cube"), [*SEEN_OFFSET, 0.0])
