"""Rules of meaning added in the round that tuned on the retired frozen set v9: a thing damaged
with the gripper, a cut into a person, the gripper pressed on a body, a thing pinned or set down
by force, a path below a surface, hurry said as "no dawdling", a car's fast modes
(``contact_pace``); accents folded, "and a quarter", "point eight of a cm" (``units``); a stage
direction, a spaced dash, one size for both steps, a turn told by a screw or a clock, all the way,
care that is no motion, a music idiom, sound-alikes of a stop, a stop in another language, the
operator's view, a Scot's "ma", too far said another way, a released clamp, a crane's slew
(asked) and boom (refused) (``field_words``, ``asking``); a compound whose whole reading drops a
named step is asked (``dialogue``). Each runs the real parser through ``dialogue.interpret``; the
sentences are the tuner's own, not rows of any set."""

from __future__ import annotations

import pytest
from dialogue_case import refused_as_unsafe, said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Motions, Question, Refusal


def _cm(motion: str, value: float) -> LanguageMotion:
    return LanguageMotion.from_dict(
        {"motion": motion, "magnitude": "explicit", "distance_m": value / 100}
    )


def _deg(motion: str, value: float) -> LanguageMotion:
    return LanguageMotion.from_dict(
        {"motion": motion, "magnitude": "explicit", "angle_rad": value * 3.141592653589793 / 180}
    )


_SMALL = LanguageMotion.of


# --- safety first ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["score the lid with the jaws", "dent the tin using the arm", "slice into his forearm",
     "rest the claw on my knee", "hold the cup against her wrist", "pin the sheet flat",
     "lower it hard onto the crate", "sink the gripper under the bench surface",
     "no dilly-dallying, lower it", "ludicrous speed, forward", "sport mode, back a bit",
     "más rápido, a la izquierda"],
)  # fmt: skip
def test_contact_and_pace_said_in_v9_words_are_refused(parser, text):
    assert refused_as_unsafe(said(parser, text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the crash on the loading dock was last week; up a touch", _SMALL("up", "small")),
     ("on my left hand side, 2 cm", _cm("right", 2)),
     ("hold it there", _SMALL("stop", None))],
)  # fmt: skip
def test_a_reported_crash_and_a_side_of_the_body_still_move(parser, text, expected):
    assert said(parser, text) == expected, text


# --- numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("raise it two and a quarter centimetres", _cm("up", 2.25)),
     ("back point six of a centimeter", _cm("backward", 0.6))],
)  # fmt: skip
def test_a_quarter_after_a_number_and_a_point_of_a_unit(parser, text, expected):
    answer = said(parser, text)
    assert isinstance(answer, LanguageMotion) and answer.motion == expected.motion, text
    assert answer.distance_m == pytest.approx(expected.distance_m), text


# --- ways of speaking ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("*stretches* right a touch", _SMALL("right", "small")),
     ("not up — down, a little", _SMALL("down", "small")),
     ("lower it, then left, each a touch",
      Motions((_SMALL("down", "small"), _SMALL("left", "small")))),
     ("twist it like you'd undo a jar lid, a bit", _SMALL("rotate_ccw", "small")),
     ("rotate it the way you tighten a bolt, 15 degrees", _deg("rotate_cw", 15)),
     ("spin it as a clock's hands go, a touch", _SMALL("rotate_cw", "small")),
     ("slower than before, forward a little", _SMALL("forward", "small")),
     ("keep right away from the shelf and lift it", _SMALL("up", "normal")),
     ("drop the bass, then the claw; left 1 cm", _cm("left", 1)),
     ("we're run off our feet today, down a bit", _SMALL("down", "small")),
     ("seize every movement", _SMALL("stop", None)),
     ("woe there", _SMALL("stop", None)),
     ("pours the arm", _SMALL("stop", None)),
     ("rotate clock wise a tad", _SMALL("rotate_cw", "small")),
     ("basta, basta!", _SMALL("stop", None)),
     ("from where i'm stood, right 2 cm", _cm("left", 2)),
     ("tae ma right a wee bit", _SMALL("left", "small")),
     ("over to your side a touch", _SMALL("backward", "small")),
     ("shift it up lightly", _SMALL("up", "small")),
     ("release the vice", _SMALL("open", None)),
     ("like, literally just open it", _SMALL("open", None))],
)  # fmt: skip
def test_ways_of_speaking_of_the_v9_round(parser, text, expected):
    assert said(parser, text) == expected, text


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [("the opposite direction, please", _SMALL("up", "small"), _SMALL("down", "small")),
     ("contrary way", _SMALL("left", "small"), _SMALL("right", "small")),
     ("farther than i meant, a little less", _cm("forward", 5), _SMALL("backward", "small")),
     ("not quite so far, if you don't mind", _cm("up", 2), _SMALL("down", "small")),
     ("too far, a bit back", _SMALL("backward", "normal"), _SMALL("forward", "small"))],
)  # fmt: skip
def test_the_other_way_and_too_far_said_another_way(parser, text, previous, expected):
    assert said(parser, text, previous) == expected, text


def test_too_far_back_still_means_forward(parser):
    assert said(parser, "you're a touch too far back") == _SMALL("forward", "small")


# --- no motion, too far, or asked ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["go left as far as it will go", "boom down a bit"])
def test_all_the_way_and_a_cranes_boom_are_refused(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind != "unsafe", text


@pytest.mark.parametrize("text", ["slew right a bit", "open, lower, and right at them"])
def test_a_slew_and_a_compound_that_drops_a_named_step_are_asked(parser, text):
    assert isinstance(said(parser, text), Question), text


def test_a_slew_with_a_rotation_word_turns(parser):
    assert said(parser, "slew counterclockwise a bit") == _SMALL("rotate_ccw", "small")
