"""Rules of meaning added in the round that tuned on the retired frozen set v7: contact the
motion is for (a person named by their role, a touch given to a person, a thing worked until it
gives, pressed down, dipped into food, grazed, pressed against, or driven until something blocks
it), a musician's tempo words for pace; harm words that only report what happened, a joke's
punchline, "quick thing", "no need for full speed"; words of a trade or another language
(``trade_words``: radio procedure words, a sailor's stop, hoisting, "encore", "un peu"), a
vocative, sound-alikes in fixed phrases, "put it back" as undo, another frame named (asked).
Each runs the real parser through ``dialogue.interpret``; the sentences are the tuner's own, not
rows of any set."""

from __future__ import annotations

import pytest
from dialogue_case import refused_as_unsafe, said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Question, Refusal
from skillbridge.hierarchy.language.units import normalize


def _cm(motion: str, value: float) -> LanguageMotion:
    return LanguageMotion.from_dict(
        {"motion": motion, "magnitude": "explicit", "distance_m": value / 100}
    )


# --- safety first ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["nudge the packer aside", "push that worker away from the belt", "poke the intern",
     "give her shoulder a gentle pat", "give him a fist bump", "high five me, robot",
     "crush the carton till it flattens", "tamp it down hard", "mash the potatoes down",
     "dunk the gripper", "dip the claw into the sauce", "graze the rim of the bowl",
     "scrape along the edge of the shelf", "wedge the box up against the rail",
     "press the tray flush against the wall", "go forward until the wall stops you",
     "lower until you can't go any further", "vivace, go left", "presto, open it",
     "right 2 cm, double-time", "lower it till you just touch the tray"],
)  # fmt: skip
def test_contact_as_the_goal_and_tempo_words_of_pace_are_refused(parser, text):
    assert refused_as_unsafe(said(parser, text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("my brother crashed his bike yesterday; go up 2 cm", _cm("up", 2)),
     ("the plates were smashed before you arrived, move left a bit",
      LanguageMotion.of("left", "small")),
     ("the bang we heard came from the hall, right a touch", LanguageMotion.of("right", "small")),
     ("the punchline was weak; raise it a little", LanguageMotion.of("up", "small")),
     ("quick favour: lower it a touch", LanguageMotion.of("down", "small")),
     ("no need for top speed, just back a little", LanguageMotion.of("backward", "small")),
     ("slide the ramen bowl left a bit", LanguageMotion.of("left", "small")),
     ("the stable is far away, go right a bit", LanguageMotion.of("right", "small")),
     ("lower it until the jaws just reach the tray", LanguageMotion.of("down", "normal")),
     ("dip down a little", LanguageMotion.of("down", "small"))],
)  # fmt: skip
def test_harm_words_that_only_report_and_near_misses_still_move(parser, text, expected):
    assert said(parser, text) == expected, text


# --- words of a trade or another language -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("roger that, left 2 cm", _cm("left", 2)),
     ("ten-four, raise it a touch", LanguageMotion.of("up", "small")),
     ("wilco, close the claw", LanguageMotion.of("close", None)),
     ("down 3 cm, over", _cm("down", 3)),
     ("avast!", LanguageMotion.of("stop", None)),
     ("belay that", LanguageMotion.of("stop", None)),
     ("hang tight", LanguageMotion.of("stop", None)),
     ("hoist the bucket a little", LanguageMotion.of("up", "small")),
     ("droite, un petit peu", None),
     ("clockwise chotto", LanguageMotion.of("rotate_cw", "small")),
     ("right a semitone", LanguageMotion.of("right", "small")),
     ("back a pinch", LanguageMotion.of("backward", "small")),
     ("right then, forward a bit", LanguageMotion.of("forward", "small")),
     ("listen up, open the gripper", LanguageMotion.of("open", None)),
     ("left 2 cm, mate", _cm("left", 2)),
     ("don't go too far, just up", LanguageMotion.of("up", "small")),
     ("otherway, a bit", None)],
)  # fmt: skip
def test_words_of_a_trade_or_another_language(parser, text, expected):
    answer = said(parser, text)
    if expected is None:  # "droite" is no English word; "otherway" needs a previous motion
        assert not isinstance(answer, LanguageMotion) or answer.motion != "stop", text
    else:
        assert answer == expected, text


def test_a_fathom_is_too_large(parser):
    answer = said(parser, "hoist it one fathom")
    assert isinstance(answer, Refusal) and answer.kind != "unsafe"


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [("encore", LanguageMotion.of("left", "small"), LanguageMotion.of("left", "small")),
     ("da capo please", _cm("up", 2), _cm("up", 2)),
     ("sum more of that", _cm("right", 1), _cm("right", 1)),
     ("a pinch more", LanguageMotion.of("up", "large"), LanguageMotion.of("up", "small")),
     ("same again but lots", LanguageMotion.of("left", "normal"), LanguageMotion.of("left", "large")),
     ("put it back how it was", _cm("left", 4), _cm("right", 4)),
     ("reverse, please", LanguageMotion.of("up", "small"), LanguageMotion.of("down", "small")),
     ("otherway", LanguageMotion.of("forward", "small"), LanguageMotion.of("backward", "small")),
     ("knot so far", LanguageMotion.of("right", "normal"), LanguageMotion.of("left", "small"))],
)  # fmt: skip
def test_going_on_with_or_undoing_the_previous_motion(parser, text, previous, expected):
    assert said(parser, text, previous) == expected, text


@pytest.mark.parametrize(
    "text",
    ["put it back", "shift it a pinch", "too far, much too far", "2 cm up in the camera frame",
     "left a bit in the gripper's frame"],
)  # fmt: skip
def test_what_names_no_motion_or_another_frame_is_asked(parser, text):
    assert isinstance(said(parser, text), Question), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("come over to my side of the table", LanguageMotion.of("forward", "normal")),
     ("toward the countertop a little", LanguageMotion.of("down", "small")),
     ("lit go of it", LanguageMotion.of("open", None)),
     ("hole it right there", LanguageMotion.of("stop", None)),
     ("close the pincers", LanguageMotion.of("close", None)),
     ("close, sorry, open the jaws", LanguageMotion.of("open", None)),
     ("my turn, tell it: right a bit", LanguageMotion.of("right", "small"))],
)  # fmt: skip
def test_places_and_sound_alikes_in_fixed_phrases(parser, text, expected):
    assert said(parser, text) == expected, text


def test_the_counter_of_counterclockwise_is_no_table():
    from skillbridge.hierarchy.language.trade_words import trade_words

    assert (
        trade_words("turn the counter clockwise a bit", []) == "turn the counter clockwise a bit"
    )
    assert trade_words(normalize("toward the counter"), []) == "toward the worktop"
