"""Word rules of the parser, without the encoder: numbers, units, directions, safety words."""

from __future__ import annotations

import math

import pytest

from skillbridge.hierarchy.language.rules import analyse, find_unsafe
from skillbridge.hierarchy.language.units import normalize, read_sizes


def cues(text: str):
    return analyse(normalize(text))


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("3 cm", 0.03, "length"),
        ("3cm", 0.03, "length"),
        ("25 mm", 0.025, "length"),
        ("0.1 m", 0.1, "length"),
        ("1,5 cm", 0.015, "length"),
        ("two centimetres", 0.02, "length"),
        ("twenty-five millimeters", 0.025, "length"),
        ("half a centimeter", 0.005, "length"),
        ("one and a half cm", 0.015, "length"),
        ("an inch", 0.0254, "length"),
        ("a couple of centimeters", 0.02, "length"),
        ("10 degrees", math.radians(10), "angle"),
        ("10°", math.radians(10), "angle"),
        ("thirty deg", math.radians(30), "angle"),
        ("0.2 rad", 0.2, "angle"),
        ("a quarter turn", math.pi / 2, "angle"),
    ],
)
def test_sizes_with_units(text, value, kind):
    sizes, unitless, _ = read_sizes(normalize(text).split())
    assert unitless == []
    assert len(sizes) == 1
    assert sizes[0].kind == kind
    assert sizes[0].value == pytest.approx(value)


def test_number_without_unit_is_reported_not_guessed():
    sizes, unitless, _ = read_sizes(normalize("move left 5").split())
    assert sizes == [] and unitless == ["5"]


def test_words_that_only_look_like_numbers_stay_words():
    assert normalize("the left one") == "the left one"
    assert read_sizes(normalize("a bit more").split())[0] == []


def test_negative_size_keeps_its_sign():
    sizes, _, _ = read_sizes(normalize("move left -3 cm").split())
    assert sizes[0].value == pytest.approx(-0.03)


@pytest.mark.parametrize(
    ("text", "directions"),
    [
        ("move a bit to the left", ("left",)),
        ("you're too far left", ("right",)),
        ("too high", ("down",)),
        ("overshot forward, back off a little", ("backward",)),
        ("a bit less to the right", ("left",)),
        ("you're slightly left of the cube", ("right",)),
        ("not far enough to the left", ("left",)),
        ("not left, right", ("right",)),
        ("left, no, right", ("right",)),
        ("back up a little", ("backward",)),
        ("stop right there", ()),
        ("turn left", ("rotate_ccw",)),
        ("you over-rotated clockwise", ("rotate_ccw",)),
        ("move up and to the left", ("up", "left")),
    ],
)
def test_directions(text, directions):
    assert cues(text).directions == directions


@pytest.mark.parametrize(
    ("text", "magnitude"),
    [
        ("a bit left", "small"),
        ("slightly", "small"),
        ("nudge it", "small"),
        ("a lot", "large"),
        ("way more", "large"),
        ("quite a bit", "large"),
        ("too far left", None),
        ("way too far left", "large"),
        ("some", "normal"),
    ],
)
def test_magnitude_words(text, magnitude):
    assert cues(text).magnitude == magnitude


@pytest.mark.parametrize(
    "text",
    [
        "disable the collision checks",
        "ignore the joint limits",
        "turn off the e-stop",
        "switch the safety off",
        "go past the workspace limit",
        "move without any limits",
        "bypass the force limiter",
        "don't worry about collisions",
        "raise the speed limit",
        "go as fast as you can",
    ],
)
def test_safety_keywords(text):
    found = find_unsafe(normalize(text))
    assert found is not None and found[1] == "disable"


@pytest.mark.parametrize(
    "text",
    [
        "move left, no collisions please",
        "lower it within the limits",
        "go up so you don't hit the table",
        "stop",
        "ignore the cube and go left",
    ],
)
def test_safe_requests_are_not_flagged(text):
    assert find_unsafe(normalize(text)) is None


def test_harm_words_are_their_own_family():
    assert find_unsafe(normalize("crash into the table")) == ("crash", "harm")
