"""The correction memory: features, retrieval within a distance, the rule that changes a
proposal in the one sequencer, and its records in a session file (JSONL and MCAP)."""

from __future__ import annotations

import numpy as np
import pytest
from session_files import write_events_mcap

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.errors import HierarchyError
from skillbridge.hierarchy.events import EventRecorder, read_events, write_events
from skillbridge.hierarchy.memory import (
    CorrectionMemory,
    MemoryConfig,
    MemoryEntry,
    memory_features,
)
from skillbridge.hierarchy.observation import OBS_DIM, OBS_NAMES
from skillbridge.hierarchy.sequencer import GuidedMode, Sequencer
from skillbridge.hierarchy.vocabulary import token_of

TASK = "put the cube on the pad"
LEFT, DOWN, UP = (LanguageMotion.of(m, "normal") for m in ("left", "down", "up"))
COL = {name: i for i, name in enumerate(OBS_NAMES)}


def obs(rel_m=(0.0, 0.03, -0.05), finger=1.0, pad_rel=(0.1, -0.1), cube_xy=(0.5, 0.0)):
    """An observation row with the given tool-to-cube offset, finger opening, cube-to-pad offset."""
    row = np.zeros(OBS_DIM, np.float32)
    row[[COL["cube_rel_x"], COL["cube_rel_y"], COL["cube_rel_z"]]] = rel_m
    row[COL["finger_open"]] = finger
    row[[COL["pad_rel_x"], COL["pad_rel_y"]]] = pad_rel
    row[[COL["cube_x"], COL["cube_y"]]] = cube_xy
    row[[COL["tool_x"], COL["tool_y"]]] = np.asarray(cube_xy) - np.asarray(rel_m[:2])
    return row


def test_features_are_relative_offsets_in_centimetres_and_the_pad_counts_once_closed():
    cfg = MemoryConfig(position_scale_m=0.01, yaw_scale_rad=0.1, finger_scale=0.25)
    open_, closed = memory_features(np.stack([obs(), obs(finger=0.5)]), cfg)
    # 3 cm of y offset is 3 units, 5 cm below is -5; open fingers 1/0.25 = 4; pad ignored
    np.testing.assert_allclose(open_, [0, 3, -5, 0, 4, 0, 0], atol=1e-5)
    np.testing.assert_allclose(closed, [0, 3, -5, 0, 2, 10, -10], atol=1e-5)
    # the same offsets elsewhere on the table are the same situation
    moved = memory_features(obs(cube_xy=(0.6, 0.2)), cfg)[0]
    np.testing.assert_allclose(moved, open_, atol=1e-5)


def test_recall_needs_the_same_task_the_same_motion_and_a_near_situation():
    memory = CorrectionMemory(MemoryConfig(max_distance=1.5))
    memory.add(MemoryEntry(TASK, obs(), token_of(LEFT), DOWN))
    # 1 cm further in z: distance 1.0 <= 1.5 -> recalled
    recall = memory.recall(TASK, obs((0.0, 0.03, -0.06)), LanguageMotion.of("left", "small"))
    assert recall is not None and recall.motion == DOWN and recall.index == 0
    assert recall.distance == pytest.approx(1.0, abs=1e-4)
    assert memory.recall("  Put the CUBE on the pad ", obs(), LEFT) is not None  # same words
    assert memory.recall("lift the cube", obs(), LEFT) is None  # another task
    assert memory.recall(TASK, obs(), UP) is None  # not the motion that was displaced
    assert memory.recall(TASK, obs((0.0, 0.03, -0.07)), LEFT) is None  # 2 cm away: too far
    assert memory.recalls == 2


def test_the_nearest_stored_situation_wins():
    memory = CorrectionMemory(MemoryConfig(max_distance=5.0))
    memory.add(MemoryEntry(TASK, obs((0.0, 0.03, -0.05)), token_of(LEFT), DOWN))
    memory.add(
        MemoryEntry(TASK, obs((0.0, 0.03, -0.01)), token_of(LEFT), LanguageMotion.of("close"))
    )
    assert memory.recall(TASK, obs((0.0, 0.03, -0.02)), LEFT).motion.motion == "close"
    assert memory.recall(TASK, obs((0.0, 0.03, -0.04)), LEFT).motion == DOWN


def test_bad_scales_and_records_are_refused_by_name():
    with pytest.raises(HierarchyError, match="positive"):
        MemoryConfig(max_distance=0.0)
    with pytest.raises(HierarchyError, match="obs has 3 values"):
        MemoryEntry.from_record(
            {"task": TASK, "obs": [0, 0, 0], "overridden": 1, "motion": DOWN.to_dict()}
        )
    with pytest.raises(HierarchyError, match="malformed"):
        MemoryEntry.from_record({"task": TASK, "obs": [0.0] * OBS_DIM})


def _sequencer(memory: CorrectionMemory | None) -> tuple[Sequencer, list[dict]]:
    events: list[dict] = []
    guided = GuidedMode(guided_s=0.0, veto_window_s=0.4, floor_s=0.0)  # no holds: send at once
    seq = Sequencer(guided, 4.0, EventRecorder([events.append]), memory)
    seq.start_task(TASK, 0.0)
    return seq, events


def test_a_correction_is_stored_and_changes_the_same_proposal_later_in_the_session():
    memory = CorrectionMemory()
    seq, events = _sequencer(memory)
    assert seq.propose(LEFT, 0.0, obs()) == LEFT  # nothing remembered yet
    reply, motion = seq.correct("go down", DOWN, 0.3, obs((0.0, 0.03, -0.045)))
    assert reply.accepted and motion == DOWN and len(memory) == 1
    stored = events[-1]
    assert stored["type"] == "memory" and stored["source"] == "correction"
    assert stored["overridden"] == token_of(LEFT) and stored["motion"] == DOWN.to_dict()
    assert stored["obs"] == pytest.approx(obs().tolist())  # the proposal's view, not the later one
    seq.finished("reached", 1.0)
    # the high level proposes left again from a similar view: the remembered motion is proposed
    assert seq.propose(LEFT, 1.0, obs((0.0, 0.032, -0.04))) == DOWN
    decision = events[-1]
    assert decision["type"] == "decision" and decision["token"] == token_of(DOWN)
    assert (
        decision["recalled"]["proposed"] == token_of(LEFT) and decision["recalled"]["memory"] == 0
    )
    assert seq.summary()["recalled"] and seq.summary()["memory"] == 1
    # a recalled motion that is corrected again is stored under what the high level chose
    seq.correct("up", UP, 1.2, obs())
    assert events[-1]["type"] == "memory" and events[-1]["overridden"] == token_of(LEFT)
    assert len(memory) == 2


CLOSE = LanguageMotion.of("close")


def test_a_grasp_the_person_asked_for_teaches_where_the_cube_really_is():
    """The cube is seen 3 cm left of where it is (y + 0.03): the person has the gripper close
    around the real cube, so the tool sits 3 cm right of the seen one (cube_rel_y = 0.03). The
    memory learns the offset, the estimate is the running mean of the grasps, and a grasp seen
    through the learned offset only adds what is left."""
    memory = CorrectionMemory()
    seq, events = _sequencer(memory)
    np.testing.assert_allclose(memory.seen_offset("cube"), 0.0)
    seq.propose(DOWN, 0.0, obs((0.0, 0.03, 0.0)))
    seq.correct("close it", CLOSE, 0.3, obs((0.004, 0.03, 0.0)))
    np.testing.assert_allclose(memory.seen_offset("cube"), [0.004, 0.03, 0.0], atol=1e-6)
    learned = events[-1]
    assert learned["type"] == "seen_offset" and learned["source"] == "grasp"
    assert learned["object"] == "cube" and learned["samples"] == 1
    # the second grasp is seen through the learned offset: what is left (-6 mm, +2 mm) plus
    # the estimate measures (-2 mm, 32 mm); the mean of the two grasps is (1 mm, 31 mm)
    seq.correct("close", CLOSE, 1.0, obs((-0.006, 0.002, 0.0)))
    np.testing.assert_allclose(memory.seen_offset("cube"), [0.001, 0.031, 0.0], atol=1e-6)
    # other corrections teach nothing of it; no seen row, nothing learned
    seq.correct("go down", DOWN, 1.5, obs((0.05, 0.05, 0.0)))
    seq.correct("close", CLOSE, 2.0, None)
    assert memory.offsets["cube"].samples == 2
    # the next session loads it (from a file too), and records that it did
    loaded = CorrectionMemory.from_events(events)
    np.testing.assert_allclose(loaded.seen_offset("cube"), [0.001, 0.031, 0.0], atol=1e-6)
    second, events2 = _sequencer(None)
    second.load_memory(loaded, 0.0)
    assert [e["source"] for e in events2 if e["type"] == "seen_offset"] == ["loaded"]


def test_seen_offsets_can_be_left_out_and_bad_records_are_refused_by_name():
    memory = CorrectionMemory(MemoryConfig(seen_offsets=False))
    seq, events = _sequencer(memory)
    seq.correct("close", CLOSE, 0.0, obs((0.0, 0.03, 0.0)))
    assert not memory.offsets and "seen_offset" not in {e["type"] for e in events}
    np.testing.assert_allclose(memory.seen_offset("cube"), 0.0)
    bad = {"type": "seen_offset", "object": "cube", "offset_m": [0.1], "samples": 1}
    with pytest.raises(HierarchyError, match=r"finite \[x, y\] offset"):
        CorrectionMemory.from_events([bad])
    with pytest.raises(HierarchyError, match="seen_offset record is malformed"):
        CorrectionMemory.from_events([{"type": "seen_offset", "object": "cube"}])


def test_without_a_memory_nothing_changes_and_nothing_is_stored():
    seq, events = _sequencer(None)
    seq.propose(LEFT, 0.0, obs())
    seq.correct("go down", DOWN, 0.3, obs())
    seq.finished("reached", 1.0)
    assert seq.propose(LEFT, 1.0, obs()) == LEFT
    assert "memory" not in {e["type"] for e in events} and seq.summary()["memory"] is None


def test_a_correction_that_displaced_nothing_is_not_stored():
    memory = CorrectionMemory()
    seq, _ = _sequencer(memory)
    seq.correct("go down", DOWN, 0.0, obs())  # nothing proposed yet
    seq.propose(LEFT, 0.5, None)  # a proposal whose view is unknown (e.g. a scripted one)
    seq.correct("go up", UP, 0.7, obs())
    assert len(memory) == 0


def test_the_memory_goes_through_a_session_file_and_is_loaded_into_the_next_session(tmp_path):
    first, events = _sequencer(CorrectionMemory())
    first.propose(LEFT, 0.0, obs())
    first.correct("go down", DOWN, 0.3, obs())
    path = write_events(events, tmp_path / "first.jsonl")
    loaded = CorrectionMemory.from_session(path)
    assert len(loaded) == 1 and loaded.entries[0].motion == DOWN

    second, events2 = _sequencer(None)
    second.load_memory(loaded, 0.0)
    assert [e["source"] for e in events2 if e["type"] == "memory"] == ["loaded"]
    assert second.propose(LEFT, 0.0, obs()) == DOWN
    # the second session's file carries the memory on (loaded entries are not doubled)
    again = CorrectionMemory.from_events(events + events2)
    assert len(again) == 1


def test_a_session_without_memory_records_is_refused(tmp_path):
    _, events = _sequencer(None)
    path = write_events(events, tmp_path / "plain.jsonl")
    with pytest.raises(HierarchyError, match="no correction memory"):
        CorrectionMemory.from_session(path)


def test_the_memory_loads_from_an_mcap_recording(tmp_path):
    seq, events = _sequencer(CorrectionMemory())
    seq.propose(LEFT, 0.0, obs())
    seq.correct("go down", DOWN, 0.3, obs())
    path = write_events_mcap(tmp_path / "session.mcap", events)
    assert read_events(path)[0]["type"] == "session"
    memory = CorrectionMemory.from_session(path)
    assert len(memory) == 1 and memory.recall(TASK, obs(), LEFT).motion == DOWN
