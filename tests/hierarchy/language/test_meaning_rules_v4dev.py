"""Rules of meaning added in the round that tuned on the retired frozen set v4: the pace asked
for ("briskly", "zip over", "pick up the pace"), and the pace kept ("the speed is fine"); numbers
("a hundred", "a single", "an eighth of a turn"); the operator's viewpoint ("from where I'm
sitting"); rotation told by the clock; particles ("close it up"); "that's backwards"; purpose
clauses ("so it lines up"); an overshoot undone after going backward; "less" and negated
directions with nothing to go by; "turn left" (rotate or move?); a typed "moved left a little"
(asked); a wish ("I like it lower"); size sound-alikes; care adverbs; typed split words. Each
runs the real parser through ``dialogue.interpret``; the sentences are the tuner's own, not rows
of any set."""

from __future__ import annotations

import math

import pytest
from dialogue_case import refused_as_unsafe, said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Motions, Question, Refusal
from skillbridge.hierarchy.language.units import normalize


def _angle(motion: str, degrees: float) -> LanguageMotion:
    return LanguageMotion.from_dict(
        {"motion": motion, "magnitude": "explicit", "angle_rad": math.radians(degrees)}
    )


# --- safety first: the pace asked for ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["swiftly lift it", "raise it rapidly", "hastily shift left 2 cm", "at a brisk pace, go forward",
     "whizz across to the right", "speed over to the left", "pick up the pace and lower it",
     "get a move on, rotate clockwise", "quick quick, lower it", "dash across to the left"],
)  # fmt: skip
def test_asking_for_pace_is_refused(parser, text):
    assert refused_as_unsafe(said(parser, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("no need to go briskly, left a bit", LanguageMotion.of("left", "small")),
     ("not too rapidly, rotate it clockwise a touch", LanguageMotion.of("rotate_cw", "small")),
     ("the pace is fine, lower it a bit", LanguageMotion.of("down", "small")),
     ("keep this speed and shift it right", LanguageMotion.of("right", "normal"))],
)  # fmt: skip
def test_pace_kept_or_negated_still_moves(parser, text, expected):
    assert said(parser, text) == expected


# --- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [("a hundred and five degrees", "105 degrees"), ("a single millimetre", "1 millimetre"),
     ("an eighth of a turn", "0.125 turn"), ("half of a centimetre", "0.5 centimetre"),
     ("a tenth of an inch", "0.1 inch"), ("the third one", "the third one")],
)  # fmt: skip
def test_article_numbers_and_fractions_of_a_unit(text, words):
    assert normalize(text) == words


def test_fractions_of_a_turn_are_that_angle(parser):
    assert said(parser, "twist an eighth of a turn clockwise") == _angle("rotate_cw", 45)
    sixth = said(parser, "a sixth of a turn counterclockwise")  # on the 60 degree bound
    assert sixth.motion == "rotate_ccw" and sixth.angle_rad == pytest.approx(math.radians(60))
    answer = said(parser, "a quarter of a turn clockwise")
    assert isinstance(answer, Refusal) and answer.kind == "too_large" and "90" in answer.reason


def test_a_hundred_said_with_an_article_is_still_too_large(parser):
    answer = said(parser, "rotate left a hundred and five degrees")
    assert isinstance(answer, Refusal) and answer.kind == "too_large" and "105" in answer.reason


def test_a_single_unit_is_one(parser):
    assert said(parser, "up a single millimetre").distance_m == pytest.approx(0.001)


# --- the operator's viewpoint, rotation by the clock, particles -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("from where I'm sitting, shift it left", LanguageMotion.of("right", "normal")),
     ("from my vantage point, slide it right a little", LanguageMotion.of("left", "small"))],
)  # fmt: skip
def test_where_the_operator_sits_is_their_frame(parser, text, expected):
    assert said(parser, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("spin it against the clock 20 degrees", _angle("rotate_ccw", 20)),
     ("twist the cube with the clock a touch", LanguageMotion.of("rotate_cw", "small")),
     ("twist it an clockwise a bit", LanguageMotion.of("rotate_ccw", "small")),
     ("turn and clockwise 10 degrees", _angle("rotate_ccw", 10))],
)  # fmt: skip
def test_rotation_told_by_the_clock(parser, text, expected):
    assert said(parser, text) == expected


def test_against_the_clock_without_a_turn_is_no_rotation(parser):
    assert said(parser, "we are working against the clock, lift it").motion == "up"


def test_close_with_its_particle_is_one_motion(parser):
    assert said(parser, "close the claw up please") == LanguageMotion.of("close")
    assert said(parser, "close up the fingers") == LanguageMotion.of("close")
    assert said(parser, "close it up, then raise it") == Motions(
        (LanguageMotion.of("close"), LanguageMotion.of("up", "normal"))
    )


# --- what went wrong, and what was meant -------------------------------------------------------

RIGHT_2CM = LanguageMotion.from_dict(
    {"motion": "right", "magnitude": "explicit", "distance_m": 0.02}
)
BACK_5CM = LanguageMotion.from_dict(
    {"motion": "backward", "magnitude": "explicit", "distance_m": 0.05}
)


def test_that_was_backwards_reverses_the_previous_motion(parser):
    assert said(parser, "it was backwards", previous=RIGHT_2CM).motion == "left"
    assert said(parser, "move it backwards").motion == "backward"


@pytest.mark.parametrize(
    "text",
    ["way too much, come back a bit", "you overshot, back up a touch"],
)
def test_an_overshoot_after_going_backward_comes_forward(parser, text):
    assert said(parser, text, previous=BACK_5CM) == LanguageMotion.of("forward", "small")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("rotate it clockwise a bit so the edge lines up with the tray",
      LanguageMotion.of("rotate_cw", "small")),
     ("slide it left a touch in order to line up with the box", LanguageMotion.of("left", "small"))],
)  # fmt: skip
def test_a_purpose_clause_names_no_second_motion(parser, text, expected):
    assert said(parser, text) == expected


@pytest.mark.parametrize("text", ["not as far as last time", "a little less next go"])
def test_less_with_nothing_before_is_asked(parser, text):
    assert isinstance(said(parser, text), Question)


@pytest.mark.parametrize("text", ["do not go up", "never raise it", "don't move it left"])
def test_only_where_not_to_go_never_moves(parser, text):
    assert not isinstance(said(parser, text), (LanguageMotion, Motions))


def test_a_negated_direction_before_another_is_dropped(parser):
    assert said(parser, "don't move left, slide right").motion == "right"
    assert said(parser, "hold on, don't move") == LanguageMotion.of("stop")


@pytest.mark.parametrize("text", ["turn right a little", "okay turn left"])
def test_turning_left_or_right_with_nothing_turned_is_asked(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Question)
    assert {o.motion for o in answer.options} in ({"rotate_cw", "right"}, {"rotate_ccw", "left"})


def test_turning_an_object_or_by_an_angle_is_a_rotation(parser):
    assert said(parser, "turn it to the left").motion == "rotate_ccw"
    assert said(parser, "turn left 20 degrees") == _angle("rotate_ccw", 20)


def test_a_typed_past_tense_that_names_no_error_is_asked_command_first(parser):
    answer = said(parser, "lowered a touch")
    assert isinstance(answer, Question)
    assert answer.options[0] == LanguageMotion.of("down", "small")
    assert said(parser, "shifted left a little too much").motion == "right"
    assert said(parser, "you moved left a bit").motion == "right"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("I like it a tad lower", LanguageMotion.of("down", "small")),
     ("we prefer the claw a bit more to the right", LanguageMotion.of("right", "small"))],
)  # fmt: skip
def test_a_wish_names_the_wanted_place(parser, text, expected):
    assert said(parser, text) == expected


def test_it_looks_like_stays_a_description(parser):
    assert said(parser, "it looks like it is too far left").motion == "right"


# --- size sound-alikes, care adverbs, split words ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a hare higher", LanguageMotion.of("up", "small")),
     ("lift it up the smidge", LanguageMotion.of("up", "small")),
     ("back the tad, please", LanguageMotion.of("backward", "small"))],
)  # fmt: skip
def test_size_sound_alikes_are_small(parser, text, expected):
    assert said(parser, text) == expected


@pytest.mark.parametrize("text", ["cautiously grip the bottle", "grip the mug slowly"])
def test_a_care_adverb_does_not_hide_the_gripper_command(parser, text):
    assert said(parser, text) == LanguageMotion.of("close")


def test_a_typed_split_word_is_read_joined(parser):
    assert said(parser, "lower it to ward the floor a little") == LanguageMotion.of(
        "down", "small"
    )
