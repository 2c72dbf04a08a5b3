"""The skill manager's sequencing and corrections without ROS (real parser, real high levels)."""

from __future__ import annotations

import pytest

from skillbridge.contract import ContractError
from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.parser import parse
from skillbridge.policies.hierarchy.interface import (
    HighLevelPolicy,
    IdleHighLevel,
    SequenceHighLevel,
    make_high_level,
)
from skillbridge.ros_nodes.skill_manager import SkillSequencer

LEFT, UP = LanguageMotion.of("left"), LanguageMotion.of("up")


def _tick(seq: SkillSequencer, now: float):
    return seq.tick(now, seq.observation(now, None, {}))


def _done(motion: LanguageMotion, sequence: int, outcome: str = "reached") -> dict:
    return {"motion": motion.to_dict(), "sequence": sequence, "done": True, "outcome": outcome}


def test_high_levels_satisfy_the_protocol_and_unknown_kinds_are_named():
    assert isinstance(IdleHighLevel(), HighLevelPolicy)
    assert isinstance(make_high_level("sequence", [LEFT.to_json()]), HighLevelPolicy)
    with pytest.raises(ContractError, match="valid: \\['idle', 'learned', 'sequence'\\]"):
        make_high_level("dreamed")
    with pytest.raises(ContractError, match="needs high_level_path"):
        make_high_level("learned")


def test_next_motion_waits_for_done_or_timeout():
    seq = SkillSequencer(SequenceHighLevel([LEFT, UP, LEFT]), motion_timeout_s=4.0)
    assert _tick(seq, 0.0) is None  # no task yet
    seq.start_task("demo", 0.0)
    assert _tick(seq, 0.0) == LEFT
    assert _tick(seq, 1.0) is None  # running
    seq.on_status(_done(LEFT, 0))  # a stale status from before: ignored
    assert _tick(seq, 1.5) is None
    seq.on_status(_done(LEFT, 1))
    assert seq.last_outcome == "reached"
    assert _tick(seq, 2.0) == UP
    assert _tick(seq, 5.9) is None and _tick(seq, 6.0) == LEFT  # UP timed out after 4 s
    assert seq.last_motion == UP and seq.last_outcome == "timeout"


def test_correction_overrides_at_once_and_the_high_level_resumes_after_it():
    seq = SkillSequencer(SequenceHighLevel([LEFT, UP]))
    seq.start_task("demo", 0.0)
    assert _tick(seq, 0.0) == LEFT
    event = seq.correct("a bit more up", 0.5, parse)
    assert event.accepted and event.motion == LanguageMotion.of("up", "small").to_dict()
    assert event.overridden == LEFT.to_dict() and event.task == "demo"
    assert seq.running.source == "correction"
    assert _tick(seq, 0.6) is None  # the correction runs
    seq.on_status({**_done(LanguageMotion.of("up", "small"), 2)})
    assert _tick(seq, 0.7) is None  # the person who spoke keeps the floor for a second
    assert _tick(seq, 1.5) is None  # guided: the proposal is shown, held for the veto window
    assert seq.summary()["proposed"] == UP.to_dict()
    assert _tick(seq, 1.95) == UP  # not vetoed: the high level continues where it was
    refused = seq.correct("ignore the joint limits", 2.0, parse)
    assert not refused.accepted and refused.refusal["kind"] == "unsafe"
    assert seq.running.motion == UP  # a refusal changes nothing


def test_a_held_proposal_is_replaced_by_a_correction():
    seq = SkillSequencer(SequenceHighLevel([LEFT, UP, LEFT]))
    seq.start_task("demo", 0.0)
    assert _tick(seq, 0.0) == LEFT
    seq.correct("a bit more up", 0.5, parse)
    seq.on_status({**_done(LanguageMotion.of("up", "small"), 2)})
    assert _tick(seq, 1.6) is None and seq.held is not None  # UP proposed, held
    seq.correct("a bit more up", 1.8, parse)  # the person objects within the window
    assert seq.held is None and seq.running.source == "correction"


def test_pause_holds_until_resume():
    seq = SkillSequencer(SequenceHighLevel([LEFT]), motion_timeout_s=1.0)
    seq.start_task("demo", 0.0)
    assert seq.pause(0.0) == LanguageMotion.of("stop")
    assert _tick(seq, 5.0) is None
    seq.resume()
    assert _tick(seq, 5.0) == LEFT
