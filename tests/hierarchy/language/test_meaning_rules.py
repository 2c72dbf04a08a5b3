"""Rules of meaning added for issue 16 (negated sizes, viewpoint, "too the", brakes, care
clauses in compounds), each with the real parser through ``dialogue.interpret``."""

from __future__ import annotations

import pytest
from dialogue_case import said

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Refusal
from skillbridge.hierarchy.language.speech_text import clean


@pytest.mark.parametrize(
    ("text", "motion"),
    [
        ("up, not very far", "up"),  # a negated large size is a small step
        ("move right, just not a lot", "right"),
        ("left, not a long way", "left"),
        ("not far, just a bit right", "right"),  # the direction is its own clause: not undone
        ("don't go too far left", "left"),  # a warning not to overdo it: a small step that way
        ("only half as much to the left", "left"),
        ("half as far to the right", "right"),
    ],
)
def test_negated_or_halved_size_is_a_small_step(parser, text, motion):
    assert said(parser, text) == LanguageMotion.of(motion, "small")


def test_not_so_far_with_the_direction_in_its_clause_still_undoes_it(parser):
    assert said(parser, "not very far left") == LanguageMotion.of("right", "small")
    assert said(parser, "half a centimeter to the left").distance_m == pytest.approx(0.005)


def test_not_much_further_is_not_read_as_an_overshoot(parser):
    assert said(parser, "not much further left") != LanguageMotion.of("right", "small")


@pytest.mark.parametrize(
    ("text", "motion"),
    [
        ("to the left as I see it", "right"),
        ("from where I stand, go left", "right"),
        ("from my side, move it right a bit", "left"),
    ],
)
def test_viewpoint_puts_left_and_right_in_the_operator_frame(parser, text, motion):
    assert said(parser, text).motion == motion
    assert said(parser, text, operator_side="behind").motion != motion  # behind: same as robot


def test_a_size_from_here_is_no_viewpoint(parser):
    assert said(parser, "move left 5 cm from here").motion == "left"


def test_too_before_a_determiner_is_to():
    assert clean("move it too the left").text == "move it to the left"
    assert clean("you are too far left").text == "you are too far left"


def test_too_the_left_is_a_command_not_an_overshoot(parser):
    assert said(parser, "move it too the left").motion == "left"


@pytest.mark.parametrize("text", ["hit the brakes", "slam on the brakes", "kill the motion"])
def test_brake_idioms_stop(parser, text):
    assert said(parser, text).motion == "stop"


@pytest.mark.parametrize("text", ["release the brakes", "disable the brakes"])
def test_defeating_the_brakes_is_still_refused(parser, text):
    answer = said(parser, text)
    assert isinstance(answer, Refusal) and answer.kind == "unsafe"


def test_a_care_clause_in_a_compound_is_no_missing_part(parser):
    assert said(parser, "keep clear of the box and go left") == LanguageMotion.of("left")
    answer = said(parser, "go left and ignore the limits")
    assert isinstance(answer, Refusal) and answer.kind == "unsafe"
