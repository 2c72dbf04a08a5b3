"""A shortfall said after a motion is a small step on along it ("not far enough" after left is
left a little), as an overshoot ("too far") is a small step back; with nothing before, the
parser's reading of the approach (forward) stands. The sentences are my own."""

from __future__ import annotations

import pytest
from dialogue_case import said

from skillbridge.contract.language import LanguageMotion


@pytest.mark.parametrize(
    "text",
    ["not far enough", "not enough", "too little", "still not enough", "you undershot, a little more",
     "almost there", "you did not go far enough", "that wasn't enough", "you're short"],
)  # fmt: skip
def test_a_shortfall_after_a_motion_goes_on_along_it(parser, text):
    answer = said(parser, text, previous=LanguageMotion.of("left"))
    assert answer == LanguageMotion.of("left", "small"), answer


def test_a_shortfall_after_a_rotation_turns_on_a_little(parser):
    answer = said(parser, "not far enough", previous=LanguageMotion.of("rotate_cw"))
    assert answer == LanguageMotion.of("rotate_cw", "small")


def test_a_shortfall_said_with_a_large_size_is_a_large_step(parser):
    answer = said(parser, "not enough, a lot more", previous=LanguageMotion.of("up", "small"))
    assert answer == LanguageMotion.of("up", "large")


def test_with_nothing_before_the_approach_reading_stands(parser):
    assert said(parser, "not far enough") == LanguageMotion.of("forward")


def test_an_overshoot_still_steps_back(parser):
    answer = said(parser, "too far", previous=LanguageMotion.of("left"))
    assert answer == LanguageMotion.of("right", "small")
