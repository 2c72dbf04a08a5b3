"""The fixture study's generator differs from the fitter where it claims to: Menagerie's arm
built off its drawing (joint origins moved, frames tilted across their axes, never about them),
seats machined and seated off their nominal poses, readings noisy and quantized; and the study
recovers a robot's offsets through it."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from scipy.spatial.transform import Rotation

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import calibration_fixture as study
from calibration_coverage import QUANTUM_RAD

from skillbridge.calibration.fixture import _Kinematics


def test_the_generators_arm_is_not_the_fitters():
    arm = study.TrueArm()
    arm.build(np.random.default_rng(0), link_m=2e-4, axis_rad=3e-4)
    moved = arm.model.body_pos[arm.links] - arm.nominal_pos
    assert 1e-5 < np.abs(moved).max() < 2e-3
    for row, quat in enumerate(arm.nominal_quat):
        turn = Rotation.from_quat(quat, scalar_first=True).inv() * Rotation.from_quat(
            arm.model.body_quat[arm.links[row]], scalar_first=True
        )
        tilt = turn.as_rotvec()
        assert 1e-6 < np.linalg.norm(tilt) < 3e-3 and abs(tilt[2]) < 1e-12  # across the axis
    q = np.array(study.ELBOW_STARTS[0])
    position, _ = arm.pose(q)
    fitter_position, _ = _Kinematics().pose(q)
    assert 1e-5 < np.linalg.norm(position - fitter_position) < 5e-3


def test_touches_sit_in_their_seats_and_read_the_encoders():
    arm, errors = study.TrueArm(), study.FixtureErrors()
    offsets = np.full(7, 2e-3)
    log = study.make_log(arm, offsets, seed=5, keyed=True, errors=errors)
    assert len(log.touches) >= 20
    nominal = {tuple(p) for p in study.SEATS_M}
    for touch in log.touches:
        assert tuple(touch.tcp_position_m) in nominal  # the file states the drawing's seats
        steps = touch.joints_rad / QUANTUM_RAD
        assert np.allclose(steps, np.round(steps))
        true_position, _ = arm.pose(touch.joints_rad - offsets)  # the robot's own kinematics
        off = np.linalg.norm(true_position - touch.tcp_position_m)
        assert 1e-6 < off < 3e-4  # machining and seating, not the drawing
    plain = study.make_log(arm, offsets, seed=5, keyed=False, errors=errors)
    assert all(t.tcp_quat_wxyz is None for t in plain.touches)


def test_a_robot_of_the_study_gets_every_offset_within_the_target():
    result = study.study_robot(study.TrueArm(), 2000, True, study.FixtureErrors())
    assert result["within_target"] and all(result["identified"])
    assert all(result["covered"])
