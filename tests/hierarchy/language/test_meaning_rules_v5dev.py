"""Rules of meaning added in the round that tuned on the retired frozen set v5: the pace of a
motion asked for, plain "quickly" included, and pace or force idioms; contact or pressure as the
goal of a motion; the gripper closed hard; contact with a person; the speaker's own hurry and
reported safety states (no requests); a roboticist's tool names and signed base-frame axes;
numbered notes; stop and grip words; repeating the previous motion; "in reverse"; "all the way"
(too large); aligning verbs; a size said in its own clause after a negation. Each runs the real
parser through ``dialogue.interpret``; the sentences are the tuner's own, not rows of any set."""

from __future__ import annotations

import math

import pytest
from dialogue_case import refused_as_unsafe, said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Motions, Question, Refusal, motions_of


def _cm(motion: str, value: float) -> LanguageMotion:
    return LanguageMotion.from_dict(
        {"motion": motion, "magnitude": "explicit", "distance_m": value / 100}
    )


def _deg(motion: str, value: float) -> LanguageMotion:
    return LanguageMotion.from_dict(
        {"motion": motion, "magnitude": "explicit", "angle_rad": math.radians(value)}
    )


# --- safety first ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["lower the claw quickly", "quickly now, shift it to the right", "bring it back quick",
     "rotate clockwise a bit quicker", "can it lift any faster than that", "snappily open it",
     "give it some beans and go back", "put your foot down, go left", "look lively, raise it"],
)  # fmt: skip
def test_the_pace_of_a_motion_is_refused(parser, text):
    assert refused_as_unsafe(said(parser, text)), text


@pytest.mark.parametrize(
    "text",
    ["lower it till you can feel the tray", "drop down until the fingers bump the box",
     "press down onto the lid", "lean on the carton a bit", "push against the shelf",
     "go and press the red button", "clamp the cup hard", "grip it harder",
     "get rough with the bottle", "shove my arm aside", "brush her fingers with the claw"],
)  # fmt: skip
def test_contact_pressure_and_force_are_refused(parser, text):
    assert refused_as_unsafe(said(parser, text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("not so quickly, lower it a bit", LanguageMotion.of("down", "small")),
     ("no need to go quicker, move forward", LanguageMotion.of("forward", "normal")),
     ("lower it until it is just above the tray", LanguageMotion.of("down", "normal")),
     ("without leaning on the box, go right", LanguageMotion.of("right", "normal")),
     ("there's nothing to smash, open the claw", LanguageMotion.of("open")),
     ("the boss keeps pushing me to hurry up, so shift left", None),
     ("we are in a hurry, but please go gently: down 2 cm", _cm("down", 2)),
     ("the emergency stop was reset, go back a bit", LanguageMotion.of("backward", "small")),
     ("that collision is over now, lift it", LanguageMotion.of("up", "normal"))],
)  # fmt: skip
def test_negated_harmless_or_reported_words_still_move(parser, text, expected):
    answer = said(parser, text)
    if expected is None:  # "hurry up" is the arm's pace again: refused
        assert refused_as_unsafe(answer), text
    else:
        assert answer == expected, text


def test_the_speakers_own_hurry_without_care_is_still_a_request(parser):
    assert refused_as_unsafe(said(parser, "we're in a rush, lower it"))


def test_urging_a_person_is_no_contact(parser):
    assert said(parser, "my supervisor is pushing me for results, so go right a bit") == (
        LanguageMotion.of("right", "small")
    )


# --- a roboticist's words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("move the tcp backwards a little", LanguageMotion.of("backward", "small")),
     ("the end-effector goes in minus y", LanguageMotion.of("right", "normal")),
     ("ee +z 4 mm", _cm("up", 0.4)), ("positive x, 2 cm", _cm("forward", 2)),
     ("dy = -3 cm in the base frame", _cm("right", 3)),
     ("delta z by minus 1 cm", _cm("down", 1)),
     ("positive yaw of 15 degrees", _deg("rotate_ccw", 15)),
     ("yaw minus 5 degrees", _deg("rotate_cw", 5)),
     ("turn plus 12 degrees about the yaw", _deg("rotate_ccw", 12))],
)  # fmt: skip
def test_signed_base_frame_axes_and_tool_names(parser, text, expected):
    assert said(parser, text) == expected, text


@pytest.mark.parametrize(
    "text",
    ["move +x 2 cm in the camera frame", "go along the z axis", "jog the tcp in x by 1 cm"],
)
def test_an_axis_without_sign_or_in_another_frame_moves_nothing(parser, text):
    assert motions_of(said(parser, text)) is None, text


def test_numbered_notes_are_steps_not_numbers(parser):
    assert said(parser, "step 3: lower the claw 2 cm") == _cm("down", 2)
    answer = said(parser, "Step 1: open the gripper. Step 2: go up")
    assert isinstance(answer, Motions)
    assert [m.motion for m in answer.motions] == ["open", "up"]


def test_than_after_a_comma_is_then(parser):
    answer = said(parser, "open it, than move back")
    assert isinstance(answer, Motions)
    assert [m.motion for m in answer.motions] == ["open", "backward"]


# --- stop and gripper words, sizes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "motion"),
    [("cut the movement", "stop"), ("end the motion now", "stop"), ("emergency stop!", "stop"),
     ("estop", "stop"), ("get hold of the bolt", "close"), ("take a hold of it", "close"),
     ("open your mouth wide", "open")],
)  # fmt: skip
def test_stop_and_gripper_words(parser, text, motion):
    assert said(parser, text) == LanguageMotion.of(motion), text


def test_a_whisker_is_small_and_a_long_ways_large(parser):
    assert said(parser, "lift it a whisker") == LanguageMotion.of("up", "small")
    assert said(parser, "slide left a long ways") == LanguageMotion.of("left", "large")


def test_all_the_way_is_too_large(parser):
    for text in ("take it all the way up", "spin all the way counterclockwise"):
        answer = said(parser, text)
        assert isinstance(answer, Refusal) and answer.kind == "too_large", text
    assert said(parser, "open it all the way") == LanguageMotion.of("open")


@pytest.mark.parametrize("text", ["straighten the cup up", "line the block up with the tray"])
def test_aligning_verbs_name_no_direction(parser, text):
    assert motions_of(said(parser, text)) is None, text


def test_a_size_said_in_its_own_clause_after_a_negation_is_meant(parser):
    assert said(parser, "not a lot, just 2 cm to the right") == _cm("right", 2)
    assert said(parser, "not far, only a touch up") == LanguageMotion.of("up", "small")


# --- the previous motion -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [("repeat the last move", LanguageMotion.of("up", "small"), LanguageMotion.of("up", "small")),
     ("a little more of it", LanguageMotion.of("left", "large"), LanguageMotion.of("left", "small")),
     ("a bit extra", LanguageMotion.of("rotate_cw", "normal"), LanguageMotion.of("rotate_cw", "small")),
     ("again, the same distance", _cm("forward", 2), _cm("forward", 2)),
     ("same again but loads more", LanguageMotion.of("down", "small"), LanguageMotion.of("down", "large")),
     ("in reverse please", LanguageMotion.of("left", "small"), LanguageMotion.of("right", "small")),
     ("do it opposite to what you did", LanguageMotion.of("up", "normal"), LanguageMotion.of("down", "normal")),
     ("no, wrong way, 2 cm the other way", _cm("left", 1), _cm("right", 2))],
)  # fmt: skip
def test_repeating_or_reversing_the_previous_motion(parser, text, previous, expected):
    assert said(parser, text, previous) == expected, text


def test_with_nothing_before_reversal_and_overshoot_are_asked(parser):
    assert isinstance(said(parser, "do it backwards from what you did"), Question)
    assert isinstance(said(parser, "it went too far, I reckon"), Question)
    assert said(parser, "drive it in reverse a little") == LanguageMotion.of("backward", "small")
