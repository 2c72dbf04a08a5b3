"""The high level's vocabulary, observation and scripted oracle, on hand-built scenes."""

from __future__ import annotations

import math

import numpy as np
import pytest

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.observation import OBS_NAMES, high_level_obs, relative_cube_yaw
from skillbridge.hierarchy.oracle import oracle_motion
from skillbridge.hierarchy.vocabulary import NUM_TOKENS, TOKENS, token_name, token_of

DOWN = np.diag([1.0, -1.0, -1.0])


def scene(
    tool=(0.5, 0.0, 0.2), finger=0.04, cube=(0.5, 0.0, 0.025), cube_yaw=0.0, pad=(0.5, 0.2, 0.0)
) -> np.ndarray:
    quat = np.array([math.cos(cube_yaw / 2), 0, 0, math.sin(cube_yaw / 2)])
    return high_level_obs(
        np.array([tool]),
        DOWN[None],
        np.array([finger]),
        np.array([cube]),
        quat[None],
        np.array([pad]),
    )[0]


def motion(obs: np.ndarray, task: str = "place") -> str:
    return token_name(token_of(oracle_motion(obs, task)))


def test_vocabulary_has_every_motion_and_magnitude():
    assert NUM_TOKENS == 27
    assert {t.motion for t in TOKENS} == {
        "forward",
        "backward",
        "left",
        "right",
        "up",
        "down",
        "rotate_cw",
        "rotate_ccw",
        "open",
        "close",
        "stop",
    }
    for i, t in enumerate(TOKENS):
        assert token_of(t) == i


def test_explicit_sizes_snap_to_the_nearest_magnitude():
    assert (
        token_name(token_of(LanguageMotion("left", "explicit", distance_m=0.012))) == "left:small"
    )
    assert token_name(token_of(LanguageMotion("up", "explicit", distance_m=0.04))) == "up:normal"
    assert token_name(token_of(LanguageMotion("down", "explicit", distance_m=0.1))) == "down:large"
    angle = math.radians(40)
    assert (
        token_name(token_of(LanguageMotion("rotate_cw", "explicit", angle_rad=angle)))
        == "rotate_cw:large"
    )


def test_cube_yaw_is_taken_modulo_a_quarter_turn():
    assert relative_cube_yaw(np.array([math.radians(95)]), np.array([0.0]))[0] == pytest.approx(
        math.radians(5)
    )
    assert relative_cube_yaw(np.array([math.radians(-50)]), np.array([0.0]))[0] == pytest.approx(
        math.radians(40)
    )
    assert len(OBS_NAMES) == scene().shape[0]


def test_cube_alignment_stays_within_the_heading_limit():
    """Near the -1.2 rad heading limit a further clockwise turn would be refused (flipped) by
    the arm: the other face pair, a quarter turn counterclockwise, is chosen instead."""
    tool_yaw, cube_yaw = np.array([-1.14]), np.array([-1.24])
    turn = relative_cube_yaw(cube_yaw, tool_yaw)[0]
    assert turn == pytest.approx(math.pi / 2 - 0.1)
    assert abs(tool_yaw[0] + turn) <= 1.2
    # away from the limit the nearest face pair is kept
    assert relative_cube_yaw(np.array([-0.2]), np.array([-0.1]))[0] == pytest.approx(-0.1)


def test_approach_moves_one_axis_at_a_time_without_overshoot():
    assert motion(scene(tool=(0.42, 0.0, 0.2))) == "forward:large"  # 8 cm short
    assert motion(scene(tool=(0.5, -0.03, 0.2))) == "left:normal"
    assert motion(scene(tool=(0.5, 0.012, 0.2))) == "right:small"
    assert motion(scene(cube_yaw=math.radians(20))) == "rotate_ccw:normal"


def test_descent_grasp_and_carry_sequence():
    assert motion(scene(tool=(0.5, 0.0, 0.2))) == "down:large"
    assert motion(scene(tool=(0.5, 0.0, 0.045))) == "down:small"  # 1.7 cm above: never overshoot
    assert motion(scene(tool=(0.5, 0.0, 0.029))) == "close"
    holding = dict(finger=0.025, cube=(0.5, 0.0, 0.03))
    assert motion(scene(tool=(0.5, 0.0, 0.03), **holding)) == "up:large"
    assert (
        motion(scene(tool=(0.5, 0.0, 0.12), cube=(0.5, 0.0, 0.12), finger=0.025)) == "left:large"
    )
    over_pad = dict(finger=0.025, cube=(0.5, 0.2, 0.12))
    assert motion(scene(tool=(0.5, 0.2, 0.12), **over_pad)) == "down:large"
    assert motion(scene(tool=(0.5, 0.2, 0.035), finger=0.025, cube=(0.5, 0.2, 0.035))) == "open"


def test_recovers_from_a_failed_grasp_and_finishes():
    empty_closed = scene(tool=(0.5, 0.0, 0.03), finger=0.0, cube=(0.56, 0.0, 0.025))
    assert motion(empty_closed) == "open"
    done = scene(tool=(0.5, 0.2, 0.05), cube=(0.5, 0.2, 0.025))
    assert motion(done) == "up:normal"
    assert motion(scene(tool=(0.5, 0.2, 0.12), cube=(0.5, 0.2, 0.025))) == "stop"


def test_a_cube_hanging_low_in_the_grasp_is_still_held():
    """A grasp near the top edge lets the cube hang 2.4 cm below the tool: carry on, don't drop."""
    hanging = scene(tool=(0.5, 0.0, 0.119), finger=0.022, cube=(0.505, -0.004, 0.095))
    assert motion(hanging) == "left:large"
    empty = scene(tool=(0.5, 0.0, 0.119), finger=0.002, cube=(0.505, -0.004, 0.095))
    assert motion(empty) == "open"


def test_lift_task_stops_once_high():
    held_high = scene(tool=(0.5, 0.0, 0.12), finger=0.025, cube=(0.5, 0.0, 0.12))
    assert motion(held_high, "lift") == "stop"
    assert motion(held_high, "place") != "stop"
