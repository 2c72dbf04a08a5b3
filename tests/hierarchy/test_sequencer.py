"""The one sequencer of the simulator and the skill manager: overrides, guided mode, compounds,
questions, and the holds of a pause and an e-stop (nothing moves or is queued until resume)."""

from __future__ import annotations

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.events import EventRecorder
from skillbridge.hierarchy.language.answers import Motions, Question, Refusal
from skillbridge.hierarchy.sequencer import GuidedMode, Sequencer

LEFT, UP, DOWN = (LanguageMotion.of(m, "normal") for m in ("left", "up", "down"))
STOP = LanguageMotion.of("stop")


def _sequencer() -> tuple[Sequencer, list[dict]]:
    events: list[dict] = []
    seq = Sequencer(GuidedMode(guided_s=5.0, veto_window_s=0.4, floor_s=1.0), 4.0,
                    EventRecorder([events.append]))  # fmt: skip
    seq.start_task("put the cube on the pad", 0.0)
    return seq, events


def test_the_high_level_runs_when_nothing_else_does():
    seq, events = _sequencer()
    assert seq.ready_for_proposal(0.0)
    assert seq.propose(LEFT, 0.0) == LEFT and seq.running.source == "high_level"
    assert not seq.ready_for_proposal(1.0)  # a motion runs
    assert seq.finished("reached", 1.5) is None and seq.last_outcome == "reached"
    assert seq.ready_for_proposal(1.5)
    seq.propose(UP, 1.5)
    assert seq.expire(5.0) is None and seq.running is not None  # 3.5 s < the 4 s timeout
    seq.expire(5.6)
    assert seq.running is None and seq.last_outcome == "timeout"
    assert [e["type"] for e in events] == ["session", "decision", "decision"]


def test_a_correction_overrides_then_guided_mode_holds_proposals_for_the_veto_window():
    seq, events = _sequencer()
    seq.propose(LEFT, 0.0)
    reply, motion = seq.correct("go up", UP, 0.5)
    assert reply.accepted and motion == UP and seq.running.source == "correction"
    assert events[-1]["overridden"] is not None and events[-1]["motions"][0]["motion"] == "up"
    seq.finished("reached", 1.0)
    assert not seq.ready_for_proposal(1.2)  # the floor: 1 s after the correction
    assert seq.propose(DOWN, 1.6) is None and seq.held is not None  # guided: held, not sent
    assert seq.release(1.9) is None
    assert seq.release(2.0) == DOWN  # the veto window passed uncorrected
    seq.finished("reached", 3.0)
    assert seq.propose(LEFT, 6.0) == LEFT  # guided mode is over: sent at once


def test_a_compound_runs_in_order_and_a_refusal_changes_nothing():
    seq, _ = _sequencer()
    reply, motion = seq.correct("up then left", Motions((UP, LEFT)), 0.0)
    assert motion == UP and reply.message == "ok: up 3.0 cm, then left 3.0 cm"
    assert seq.finished("reached", 1.0) == LEFT
    assert seq.finished("reached", 2.0) is None
    reply, motion = seq.correct("make coffee", Refusal("not_a_motion", "not a motion"), 2.5)
    assert motion is None and reply.kind == "refused" and seq.running is None
    assert seq.corrections == 1 and seq.utterances == 2


def test_a_question_stops_the_arm_and_its_answer_ends_the_hold():
    seq, events = _sequencer()
    seq.propose(LEFT, 0.0)
    question = Question("left by 3 cm or by 8 cm?", (LEFT, LanguageMotion.of("left", "large")))
    reply, motion = seq.correct("left some", question, 0.5)
    assert reply.kind == "question" and motion == STOP and seq.hold == "question"
    assert not seq.ready_for_proposal(3.0)
    _, motion = seq.correct("three", LEFT, 3.0)
    assert motion == LEFT and seq.hold is None
    assert events[-2]["question"] == "left by 3 cm or by 8 cm?"
    assert [o["distance_m"] for o in events[-2]["options"]] == [0.03, 0.08]


def test_an_estop_refuses_everything_until_reset_and_resume():
    seq, events = _sequencer()
    seq.propose(LEFT, 0.0)
    seq.estop(0.5)
    assert seq.running is None and not seq.ready_for_proposal(10.0)
    reply, motion = seq.correct("go up", UP, 1.0)
    assert motion is None and reply.message.startswith("refused: e-stop latched: not queued")
    assert seq.queue == [] and seq.resume(1.5) == (
        False,
        "e-stop latched: reset it before resuming",
    )
    seq.estop_reset(2.0)
    assert not seq.ready_for_proposal(10.0)  # reset: still holding
    reply, motion = seq.correct("go up", UP, 2.5)
    assert motion is None and "holds until resume" in reply.message
    assert seq.resume(3.0)[0] and seq.ready_for_proposal(3.0)
    actions = [(e["action"], e["accepted"]) for e in events if e["type"] == "operator"]
    assert actions == [("estop", True), ("resume", False), ("estop_reset", True), ("resume", True)]


def test_a_pause_stops_and_holds_without_a_latch():
    seq, _ = _sequencer()
    seq.propose(LEFT, 0.0)
    seq.correct("up then down", Motions((UP, DOWN)), 0.2)
    assert seq.pause(0.5) == STOP and seq.queue == []
    _, motion = seq.correct("go left", LEFT, 1.0)
    assert motion is None and seq.finished("reached", 1.5) is None  # nothing queued survives
    assert not seq.ready_for_proposal(5.0)
    assert seq.resume(6.0)[0] and seq.ready_for_proposal(6.0)


def test_a_held_proposal_is_replaced_by_a_correction_in_its_veto_window():
    seq, _ = _sequencer()
    seq.correct("a bit more up", UP, 0.0)
    seq.finished("reached", 0.5)
    assert seq.propose(LEFT, 1.6) is None and seq.held is not None
    _, motion = seq.correct("up again", UP, 1.8)  # the person objects within the window
    assert motion == UP and seq.held is None and seq.running.source == "correction"
    assert seq.release(2.5) is None
