"""Commands versus descriptions of the robot's error (word rules only, no encoder).

A description names the displacement to undo, so its direction is inverted; a command names the
motion. Each group below exercises one grammatical cue, not one sentence.
"""

from __future__ import annotations

import pytest

from skillbridge.hierarchy.language.relative import read_clauses
from skillbridge.hierarchy.language.rules import analyse, word_spans
from skillbridge.hierarchy.language.units import normalize


def directions(text: str) -> tuple[str, ...]:
    return analyse(normalize(text)).directions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject with a finite verb states where the gripper is
        ("you're a touch to the left", "right"),
        ("it looks a little low", "up"),
        ("the claw is sitting slightly high", "down"),
        ("you seem a long way over to the right", "left"),
        ("you're off to the right", "left"),
        # past or progressive motion reports what the robot did
        ("you've drifted right", "left"),
        ("drifted a bit left", "right"),
        ("you keep drifting forward", "backward"),
        ("you pulled back too much", "forward"),
        ("you lowered it too far", "up"),
        ("you leaned too far left", "right"),  # a lean of the gripper is a displacement
        # verbless fragments that state a position
        ("a tad low", "up"),
        ("slightly right of the target", "left"),
        ("a bit off to the left", "right"),
        ("just below where it should be", "up"),
        ("further left than needed", "right"),
        ("behind the cube", "forward"),
        ("you slid by the cup moving right", "left"),  # a participle opens no new clause
    ],
)
def test_descriptions_ask_for_the_opposite(text, expected):
    assert directions(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you're short of it", "forward"),
        ("almost there, a little short", "forward"),
        ("you didn't go far enough", "forward"),
        ("you haven't reached it yet", "forward"),
        ("you came up short by 1 cm", "forward"),
        ("you went a little past it", "backward"),
        ("you're beyond it", "backward"),
        ("you overshot", "backward"),
        ("you're reaching too far", "backward"),
        ("reaching out slightly too much", "backward"),
    ],
)
def test_shortfall_means_forward_and_overshoot_backward(text, expected):
    assert directions(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you're not far enough left", "left"),  # a shortfall keeps the direction named
        ("not left enough", "left"),
        ("you moved a bit too little to the left", "left"),  # "too little" falls short
        ("the cube is to your left", "left"),  # the goal is located, not the gripper
        ("the target is below you", "down"),
        ("the target is a bit more to the left", "left"),
        ("the cube is left of the target", "right"),  # ...unless it is placed against the goal
        ("the cube is too far left", "right"),  # excess always names the error
    ],
)
def test_shortfall_and_a_located_goal_keep_the_direction(text, expected):
    assert directions(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("move left a bit", "left"),
        ("go further out", "forward"),
        ("back off", "backward"),
        ("go left of the cup", "left"),  # an imperative with an "of"-phrase
        ("lower it a bit", "down"),
        ("a little lower", "down"),  # comparatives command, adjectives describe
        ("you should move left", "left"),  # modal frames name the wanted motion
        ("it needs to be higher", "up"),
        ("you were supposed to go further right", "right"),
        ("move right, you drifted left", "right"),
        ("you went too far left go right", "right"),  # a command verb opens a new clause
        ("you are too high please go down", "down"),
        ("too far left, come back", "right"),  # "back" undoes the described overshoot
    ],
)
def test_commands_keep_their_direction(text, expected):
    assert directions(text) == (expected,)


@pytest.mark.parametrize(
    "text",
    [
        "too far in",  # no known side: refused, never guessed
        "you went too far that way",
        "go below the cup",  # a place, not a direction
        "you turned too far",  # a rotation needs its sense
        "you're not left",
        "careful, what is to the left of the toy?",  # a question requests nothing
    ],
)
def test_descriptions_without_a_known_side_name_no_direction(text):
    assert directions(text) == ()


def test_rotation_descriptions_invert_the_sense():
    assert directions("you turned a bit too far clockwise") == ("rotate_ccw",)
    assert directions("you twisted it left") == ("rotate_cw",)
    assert directions("turn left a little") == ("rotate_ccw",)
    assert directions("you overdid the twist clockwise") == ("rotate_ccw",)  # "the twist": a noun


def test_clauses_and_their_moods():
    text = normalize("you drifted a bit left, move right")
    tokens = text.split()
    clauses = read_clauses(tokens, word_spans(text, text))
    assert [(tokens[c.start], c.description) for c in clauses] == [("you", True), ("move", False)]
