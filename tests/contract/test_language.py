"""Language motions: magnitudes, commands, JSON, and refusals of out-of-bound sizes."""

from __future__ import annotations

import math

import pytest

from skillbridge.contract import ContractError
from skillbridge.contract.language import MAX_DISTANCE_M, LanguageMotion


def test_left_small_is_one_centimetre_plus_y():
    lm = LanguageMotion.of("left", "small")
    assert lm.to_dict() == {"motion": "left", "magnitude": "small", "distance_m": 0.01}
    assert lm.to_command() == (0.0, 0.01, 0.0, 0.0, 0.0)


def test_rotation_clockwise_from_above_is_negative_yaw():
    lm = LanguageMotion.of("rotate_cw", "normal")
    assert lm.to_command()[3] == pytest.approx(-math.radians(15))
    assert "angle_rad" in lm.to_dict()


def test_gripper_motions():
    assert LanguageMotion.of("close").to_command()[4] == -1.0
    assert LanguageMotion.of("open").to_command()[4] == 1.0
    assert LanguageMotion.of("stop").to_command() == (0.0,) * 5


def test_json_round_trip():
    lm = LanguageMotion("down", "explicit", distance_m=0.015)
    assert LanguageMotion.from_json(lm.to_json()) == lm


def test_oversized_motion_is_refused_not_clipped():
    with pytest.raises(ContractError, match="exceeds the per-motion bound"):
        LanguageMotion("left", "explicit", distance_m=MAX_DISTANCE_M * 2)


def test_unknown_motion_lists_vocabulary():
    with pytest.raises(ContractError, match="valid motions"):
        LanguageMotion("dance")
    with pytest.raises(ContractError, match="not JSON"):
        LanguageMotion.from_json("left please")


def test_motion_at_the_bound_survives_json():
    lm = LanguageMotion("rotate_cw", "explicit", angle_rad=math.radians(60))
    assert LanguageMotion.from_json(lm.to_json()).angle_rad == pytest.approx(math.radians(60))
