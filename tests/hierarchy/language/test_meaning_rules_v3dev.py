"""Rules of meaning added in the round that tuned on the retired frozen set v3: unsafe targets
(a person's body, a named person), collisions waved away, pushing until something gives, "all
you've got"; safety that the speaker wants kept ("I don't want you to hit anyone", "no need to
go fast", "speed isn't important", "throw in a ..."); numbers ("a hundred and twenty", "an inch
and a half", "2 1/2"); going on with the previous motion; word senses and sound-alikes
(``rewrites``). Each runs the real parser through ``dialogue.interpret``; the sentences are the
tuner's own, not rows of any set."""

from __future__ import annotations

import math

import pytest
from dialogue_case import refused_as_unsafe, said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Question, Refusal
from skillbridge.hierarchy.language.speech_text import clean

# --- safety first ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["swing the claw straight at his head", "drive the gripper into her arm",
     "aim the tool at Maria, then forward", "point it at someone and move right",
     "slide toward the operator and hit it", "go at your face, left a bit"],
)  # fmt: skip
def test_a_motion_aimed_at_a_person_is_refused(parser, text):
    assert refused_as_unsafe(said(parser, text))


@pytest.mark.parametrize(
    "text",
    ["lower it until anything cracks", "push down until the lid gives way",
     "never mind about scraping the wall, go left", "who cares about obstacles, forward 5 cm",
     "do not worry about touching the box, lower it", "give it all you have got, right",
     "forward with everything it has got"],
)  # fmt: skip
def test_force_and_waved_away_collisions_are_refused(parser, text):
    assert refused_as_unsafe(said(parser, text))


@pytest.mark.parametrize(
    "text",
    ["aim at the bowl and go forward a bit", "point the gripper at the box, then lower it"],
)  # fmt: skip
def test_aiming_at_an_object_is_no_harm(parser, text):
    assert not refused_as_unsafe(said(parser, text))


@pytest.mark.parametrize(
    ("text", "motion", "magnitude"),
    [("I do not want it to bump the cup, so raise it a bit", "up", "small"),
     ("we never want you to hit people, so back off a touch", "backward", "small"),
     ("no need to move fast, lower it a lot", "down", "large"),
     ("do not go so quickly, left a bit.", "left", "small"),
     ("the pace isn't important, just go right a little", "right", "small"),
     ("throw in a bit of a counterclockwise turn", "rotate_ccw", "small")],
)  # fmt: skip
def test_safety_the_speaker_wants_kept_is_no_refusal(parser, text, motion, magnitude):
    assert said(parser, text) == LanguageMotion.of(motion, magnitude)


@pytest.mark.parametrize(
    "text", ["safety is not important, go left", "speed is no object, lift it", "throw the cube"]
)
def test_safety_that_does_not_matter_is_still_refused(parser, text):
    assert refused_as_unsafe(said(parser, text))


# --- numbers -----------------------------------------------------------------------------------


def test_a_hundred_and_more_is_one_number(parser):
    answer = said(parser, "spin two hundred and ten degrees clockwise")
    assert isinstance(answer, Refusal) and answer.kind == "too_large" and "210" in answer.reason


@pytest.mark.parametrize(
    ("text", "metres"),
    [("back an inch and a half", 0.0381), ("up three centimetres and a half", 0.035),
     ("slide right 1 1/2 cm", 0.015), ("lower it 3 1/4 cm", 0.0325)],
)  # fmt: skip
def test_halves_and_mixed_fractions_belong_to_the_size(parser, text, metres):
    answer = said(parser, text)
    assert answer.magnitude == "explicit" and math.isclose(answer.distance_m, metres)


# --- going on with the previous motion ----------------------------------------------------------

LEFT_SMALL = LanguageMotion.of("left", "small")
CW_10_DEG = LanguageMotion.from_dict(
    {"motion": "rotate_cw", "magnitude": "explicit", "angle_rad": math.radians(10)}
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ok, carry on that way", LEFT_SMALL), ("yes keep going in the same direction", LEFT_SMALL),
     ("continue like this please", LEFT_SMALL),
     ("go on, a lot", LanguageMotion.of("left", "large")),
     ("just a touch farther that way", LanguageMotion.of("left", "small"))],
)  # fmt: skip
def test_going_on_repeats_the_previous_direction(parser, text, expected):
    assert said(parser, text, previous=LEFT_SMALL) == expected


def test_going_on_keeps_a_rotation_and_sizes_it(parser):
    assert said(parser, "carry on, a tad", previous=CW_10_DEG) == LanguageMotion.of(
        "rotate_cw", "small"
    )


@pytest.mark.parametrize("text", ["carry on like that", "go on that way, a bit"])
def test_going_on_with_nothing_before_never_moves(parser, text):
    assert not isinstance(said(parser, text), LanguageMotion)


def test_going_on_with_a_direction_is_that_direction(parser):
    assert said(parser, "carry on to the right", previous=LEFT_SMALL).motion == "right"


# --- word senses and sound-alikes -------------------------------------------------------------


def test_right_after_be_and_before_a_place_is_no_direction(parser):
    assert "is just below" in clean("the tray is right below, lower it").text
    assert said(parser, "the cup is right there, go left a bit") == LanguageMotion.of(
        "left", "small"
    )
    assert said(parser, "move right a bit").motion == "right"


@pytest.mark.parametrize(
    ("text", "motion"),
    [("spread the fingers", "open"), ("widen your claw", "open"), ("narrow the jaws", "close")],
)
def test_widening_the_gripper_opens_it(parser, text, motion):
    assert said(parser, text) == LanguageMotion.of(motion)


@pytest.mark.parametrize("text", ["clean up the bench", "write it down", "mop up the spill"])
def test_a_chore_verb_keeps_its_particle(parser, text):
    assert not isinstance(said(parser, text), LanguageMotion)


@pytest.mark.parametrize(
    ("text", "metres"),
    [("shift left three see em", 0.03), ("lower it to c m", 0.02), ("raise it fivecentimeters", 0.05)],
)  # fmt: skip
def test_spoken_letters_and_glued_units_are_a_size(parser, text, metres):
    answer = said(parser, text)
    assert answer.magnitude == "explicit" and math.isclose(answer.distance_m, metres)


@pytest.mark.parametrize("text", ["turn aunty clockwise a bit", "rotate ante clockwise a little"])
def test_sound_alikes_of_anti_clockwise(parser, text):
    assert said(parser, text) == LanguageMotion.of("rotate_ccw", "small")


def test_a_hum_is_no_millimetre(parser):
    assert said(parser, "hmm, mm, okay, raise it a lot") == LanguageMotion.of("up", "large")
    assert said(parser, "raise it 4 mm").distance_m == pytest.approx(0.004)


def test_a_little_spelled_lil_is_small(parser):
    assert said(parser, "back a lil") == LanguageMotion.of("backward", "small")


def test_reversing_the_direction_with_nothing_before_is_asked(parser):
    assert isinstance(said(parser, "reverse your direction"), Question)
    assert said(parser, "reverse your direction", previous=LEFT_SMALL).motion == "right"


def test_which_one_at_the_end_is_asked(parser):
    assert isinstance(said(parser, "left or right, which one?"), Question)
