"""Rules of meaning added in the round that tuned on the retired frozen set v8: contact with a
thing pushed by the gripper or pushed over, weight put on a thing, a path among a person's
hands (``contact_pace``); fast in a pilot's or a clerk's words or in another language; a harm
word naming a thing or reported with its time, "do not go faster"; words of another language and
a livestreamer's or parent's way of speaking, a repeat or an undo said another way, one size said
twice or late, a task that is no motion, a bare "advance" (``more_words``, ``asking``); a yard.
Each runs the real parser through ``dialogue.interpret``; the sentences are the tuner's own, not
rows of any set."""

from __future__ import annotations

import pytest
from dialogue_case import refused_as_unsafe, said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Motions, Question, Refusal


def _cm(motion: str, value: float) -> LanguageMotion:
    return LanguageMotion.from_dict(
        {"motion": motion, "magnitude": "explicit", "distance_m": value / 100}
    )


# --- safety first ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["tap the mug over with the claw", "bump the jar using the gripper", "push the bottle over",
     "lean your weight on the crate", "apply some pressure onto the lid",
     "weave between my fingers", "pass through the space between her knees",
     "after burner, go left", "full thrust, lower it", "hasten the descent",
     "expedite it, right 2 cm", "bystro, raise it", "schnell, go back a bit",
     "hayaku, open the claw"],
)  # fmt: skip
def test_contact_with_things_and_pace_in_more_words_are_refused(parser, text):
    assert refused_as_unsafe(said(parser, text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the crash mat is by the door; lower it a touch", LanguageMotion.of("down", "small")),
     ("their team smashed us on sunday, left 2 cm", _cm("left", 2)),
     ("smash the like button, folks; up a bit", LanguageMotion.of("up", "small")),
     ("never go faster; right a little", LanguageMotion.of("right", "small")),
     ("for the avoidance of any doubt, back 1 cm", _cm("backward", 1))],
)  # fmt: skip
def test_harm_words_naming_things_or_reported_and_negated_pace_still_move(parser, text, expected):
    assert said(parser, text) == expected, text


def test_going_faster_is_still_refused(parser):
    assert refused_as_unsafe(said(parser, "go faster and lower it"))


# --- another language, a way of speaking -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("raise it shwayya", LanguageMotion.of("up", "small")),
     ("davai, right nemnozhko", LanguageMotion.of("right", "small")),
     ("forward jogeum", LanguageMotion.of("forward", "small")),
     ("left un poco", LanguageMotion.of("left", "small")),
     ("close the claw, chat", LanguageMotion.of("close", None)),
     ("coach, down 2 cm", _cm("down", 2)),
     ("to mummy's left a bit", LanguageMotion.of("right", "small")),
     ("the server is heating up, go left a little", LanguageMotion.of("left", "small")),
     ("my phone is buzzing right now, open the claw", LanguageMotion.of("open", None)),
     ("the toolbox is next to me; raise it a touch", LanguageMotion.of("up", "small")),
     ("bite down, gripper", LanguageMotion.of("close", None)),
     ("lower it a biiiit", LanguageMotion.of("down", "small")),
     ("rise at tad", LanguageMotion.of("up", "small")),
     ("as i'm seeing it, right a touch", LanguageMotion.of("left", "small")),
     ("clime 2 cm", _cm("up", 2)),
     ("seas moving", LanguageMotion.of("stop", None))],
)  # fmt: skip
def test_another_language_and_ways_of_speaking(parser, text, expected):
    assert said(parser, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("not 4 cm, only 2, forward", _cm("forward", 2)),
     ("back 6, centimeters i mean", _cm("backward", 6)),
     ("down by 5 cm, not a single millimeter more", _cm("down", 5)),
     ("not much. go right.", LanguageMotion.of("right", "small")),
     ("lift a bit, then wait, oh no, just lift a bit", LanguageMotion.of("up", "small")),
     ("step one: down 1 cm. step two: close the claw",
      Motions((_cm("down", 1), LanguageMotion.of("close", None))))],
)  # fmt: skip
def test_one_size_said_twice_or_late_and_a_restart(parser, text, expected):
    assert said(parser, text) == expected, text


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [("replay the last move", _cm("left", 2), _cm("left", 2)),
     ("again, the same thing", LanguageMotion.of("up", "small"), LanguageMotion.of("up", "small")),
     ("do it again, but loads", LanguageMotion.of("right", "small"),
      LanguageMotion.of("right", "large")),
     ("bring it back to where it was", _cm("forward", 3), _cm("backward", 3)),
     ("go the wrong weigh", LanguageMotion.of("left", "small"), None)],
)  # fmt: skip
def test_a_repeat_or_an_undo_said_another_way(parser, text, previous, expected):
    answer = said(parser, text, previous)
    if expected is None:  # "the wrong way" is a complaint: not a motion the same way
        assert answer != previous, text
    else:
        assert answer == expected, text


# --- what is no motion, or too far -------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["weed the flower bed", "bake us a pie", "plate it up", "read me the list"]
)
def test_a_task_that_is_no_motion_is_refused(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind != "unsafe", text


@pytest.mark.parametrize("text", ["advance 2 cm", "advance a bit"])
def test_a_bare_advance_is_asked(parser, text):
    assert isinstance(said(parser, text), Question), text


@pytest.mark.parametrize(
    "text", ["left two yards", "go up to cruising altitude", "bank right a touch"]
)
def test_a_yard_a_pilots_altitude_and_a_bank_are_refused(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind != "unsafe", text


def test_advance_with_a_direction_still_moves(parser):
    assert said(parser, "advance forward 2 cm") == _cm("forward", 2)
