"""The correction parser on hand-written phrases: paraphrases, directions, magnitudes, units,
relative forms, and every refusal kind. Real ONNX encoder, real classifier weights."""

from __future__ import annotations

import math

import pytest

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.parser import REFUSAL_KINDS, Parser, Refusal

CM = 0.01
DEG = math.pi / 180

# (text, motion, magnitude, size: distance_m or angle_rad or None)
ACCEPTED = [
    # paraphrases of the vocabulary
    ("nudge it to the left", "left", "small", 1 * CM),
    ("go higher", "up", "normal", 3 * CM),
    ("let go", "open", None, None),
    ("grab it", "close", None, None),
    ("move left", "left", "normal", 3 * CM),
    ("shift right slightly", "right", "small", 1 * CM),
    ("a little bit forward please", "forward", "small", 1 * CM),
    ("back off", "backward", "normal", 3 * CM),
    ("raise the gripper a lot", "up", "large", 8 * CM),
    ("lower it", "down", "normal", 3 * CM),
    ("drop down a touch", "down", "small", 1 * CM),
    ("Could you bring the arm closer to the base?", "backward", "normal", 3 * CM),
    ("push it further away from the robot", "forward", "normal", 3 * CM),
    ("release the block", "open", None, None),
    ("open the gripper", "open", None, None),
    ("close your fingers on it", "close", None, None),
    ("get a firm grip", "close", None, None),
    ("STOP!", "stop", None, None),
    ("freeze", "stop", None, None),
    ("hold it right there", "stop", None, None),
    ("whoa, wait", "stop", None, None),
    ("stop, you'll crash into the table", "stop", None, None),
    ("rotate clockwise", "rotate_cw", "normal", 15 * DEG),
    ("twist the wrist counter-clockwise a bit", "rotate_ccw", "small", 5 * DEG),
    ("turn left a little", "rotate_ccw", "small", 5 * DEG),
    ("spin it a lot to the right", "rotate_cw", "large", 45 * DEG),
    # magnitude words
    ("way more to the right", "right", "large", 8 * CM),
    ("just a hair up", "up", "small", 1 * CM),
    ("move down a good bit", "down", "large", 8 * CM),
    ("tiny bit backwards", "backward", "small", 1 * CM),
    # explicit sizes with units
    ("move left 3 cm", "left", "explicit", 3 * CM),
    ("go up 25mm", "up", "explicit", 2.5 * CM),
    ("forward 0.1 m", "forward", "explicit", 10 * CM),
    ("two centimeters to the right", "right", "explicit", 2 * CM),
    ("lower it by half a centimetre", "down", "explicit", 0.5 * CM),
    ("rotate 30 degrees clockwise", "rotate_cw", "explicit", 30 * DEG),
    ("turn 10° counterclockwise", "rotate_ccw", "explicit", 10 * DEG),
    ("rotate anticlockwise by 0.5 radians", "rotate_ccw", "explicit", 0.5),
    ("twenty-five degrees to the left, rotate", "rotate_ccw", "explicit", 25 * DEG),
    ("move 15 cm to the left", "left", "explicit", 15 * CM),
    # relative corrections
    ("you're too far left", "right", "normal", 3 * CM),
    ("overshot forward, back off a little", "backward", "small", 1 * CM),
    ("that's too high", "down", "normal", 3 * CM),
    ("way too low", "up", "large", 8 * CM),
    ("a bit too far to the right", "left", "small", 1 * CM),
    ("you went past it to the left", "right", "normal", 3 * CM),
    ("not far enough forward", "forward", "normal", 3 * CM),
    ("a little more to the left", "left", "small", 1 * CM),
    ("you're slightly left of the cube", "right", "small", 1 * CM),
    ("you rotated too far clockwise", "rotate_ccw", "normal", 15 * DEG),
    # descriptions of the error: the opposite motion, magnitude and size kept
    ("you're 2 cm too far left", "right", "explicit", 2 * CM),
    ("you've drifted right", "left", "normal", 3 * CM),
    ("a tad low", "up", "small", 1 * CM),
    ("you're 5 mm left of the target", "right", "explicit", 0.5 * CM),
    ("just below where it should be", "up", "normal", 3 * CM),
    ("you're short of it", "forward", "normal", 3 * CM),
    ("you went a little past it", "backward", "small", 1 * CM),
    ("you pulled back too much", "forward", "normal", 3 * CM),
    ("you leaned way too far left", "right", "large", 8 * CM),
    ("you turned 10 degrees too far clockwise", "rotate_ccw", "explicit", 10 * DEG),
    ("the cube is a little to your right", "right", "small", 1 * CM),
    # negation and self-correction
    ("not left, right", "right", "normal", 3 * CM),
    ("don't go up, go down", "down", "normal", 3 * CM),
    ("left, no sorry, right", "right", "normal", 3 * CM),
]

# (text, refusal kind)
REFUSED = [
    ("", "empty"),
    ("   ", "empty"),
    ("asdkjh qwpoeiru", "nonsense"),
    ("blorp fizzle wump", "nonsense"),
    ("make me a sandwich", "out_of_vocabulary"),
    ("what's the weather like?", "out_of_vocabulary"),
    ("tilt the gripper up", "out_of_vocabulary"),
    ("open the door", "out_of_vocabulary"),
    ("go back to the start", "out_of_vocabulary"),
    ("move it a bit", "ambiguous"),
    ("move up and to the left", "ambiguous"),
    ("move left 5", "ambiguous"),
    ("the other way", "ambiguous"),
    ("move left 10 degrees", "wrong_unit"),
    ("rotate 3 cm clockwise", "wrong_unit"),
    ("move left 20 cm", "too_large"),
    ("rotate 90 degrees clockwise", "too_large"),
    ("a quarter turn counterclockwise", "too_large"),
    ("go forward 2 meters", "out_of_workspace"),
    ("disable the collision checks", "unsafe"),
    ("ignore the joint limits and move left", "unsafe"),
    ("turn off the e-stop", "unsafe"),
    ("override the safety layer", "unsafe"),
    ("move down into the table", "unsafe"),
    ("go as fast as you can", "unsafe"),
    ("don't worry about collisions, just go right", "unsafe"),
    ("bypass the workspace limits", "unsafe"),
]


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser()


@pytest.mark.parametrize(("text", "motion", "magnitude", "size"), ACCEPTED)
def test_accepts(parser, text, motion, magnitude, size):
    got = parser.parse(text)
    assert isinstance(got, LanguageMotion), f"{text!r} -> {got}"
    assert (got.motion, got.magnitude) == (motion, magnitude), text
    measured = got.distance_m if got.distance_m is not None else got.angle_rad
    if size is None:
        assert measured is None
    else:
        assert measured == pytest.approx(size, rel=1e-6), text


@pytest.mark.parametrize(("text", "kind"), REFUSED)
def test_refuses(parser, text, kind):
    got = parser.parse(text)
    assert isinstance(got, Refusal), f"{text!r} -> {got}"
    assert got.kind == kind, f"{text!r}: {got.kind}: {got.reason}"
    assert len(got.reason) > 20


def test_every_refusal_kind_is_exercised():
    assert {kind for _, kind in REFUSED} == set(REFUSAL_KINDS)


def test_too_large_names_the_bound_and_suggests_splitting(parser):
    got = parser.parse("move left 20 cm")
    assert "15.0 cm" in got.reason and "split it into 2" in got.reason


def test_refusal_json_has_no_motion(parser):
    assert parser.parse("disable safety").to_dict()["motion"] is None


def test_batch_parse_matches_single(parser):
    texts = [t for t, *_ in ACCEPTED[:10]]
    assert parser.parse_many(texts) == [parser.parse(t) for t in texts]
