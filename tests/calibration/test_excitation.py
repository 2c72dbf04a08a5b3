"""Excitation: safe targets (limits, speeds, servo torque per step, tool workspace box)."""

from __future__ import annotations

import numpy as np
import pytest

from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.excitation import (
    PANDA_MAX_JOINT_TORQUE_NM,
    PANDA_MAX_JOINT_VEL_RAD_S,
    Excitation,
    ExcitationConfig,
    _chirp,
    excitation_violations,
    generate_excitation,
)
from skillbridge.contract import tool_pose
from skillbridge.sim.scene import ARM_JOINTS, FINGER_OPEN_M, HOME_ARM_QPOS_RAD


@pytest.fixture(scope="module")
def default_excitation(panda_spec):
    return generate_excitation(ExcitationConfig(), panda_spec)


def test_shape_rate_and_ends_at_the_centre(default_excitation):
    e = default_excitation
    assert e.targets_rad.shape == (1501, 7) and e.joint_names == ARM_JOINTS
    np.testing.assert_allclose(np.diff(e.times_s), 0.02)
    np.testing.assert_allclose(e.targets_rad[0], HOME_ARM_QPOS_RAD, atol=1e-9)
    np.testing.assert_allclose(e.targets_rad[-1], HOME_ARM_QPOS_RAD, atol=1e-9)
    assert np.all(np.ptp(e.targets_rad, axis=0) > 0.05)  # every joint moves


def test_every_sample_is_safe(default_excitation, panda_spec):
    e, cfg = default_excitation, ExcitationConfig()
    assert excitation_violations(e.targets_rad, panda_spec, cfg) == []
    names = list(panda_spec.joint_names)
    for c, joint in enumerate(ARM_JOINTS):
        j = names.index(joint)
        assert e.targets_rad[:, c].min() >= panda_spec.joint_pos_lower[j] + 0.15
        assert e.targets_rad[:, c].max() <= panda_spec.joint_pos_upper[j] - 0.15
        step = np.abs(np.diff(e.targets_rad[:, c])).max()
        assert step * 50 <= 0.6 * PANDA_MAX_JOINT_VEL_RAD_S[c] + 1e-9
        # a step asks the servo for kp * step: e.g. 0.5 * 12 N m / 2000 N m/rad = 3 mrad (wrist)
        assert step <= 0.5 * PANDA_MAX_JOINT_TORQUE_NM[c] / panda_spec.kp[j] + 1e-12
    q = np.column_stack([e.targets_rad, np.full(len(e.times_s), FINGER_OPEN_M)])
    tcp, _ = tool_pose(panda_spec.kinematics, q, (*ARM_JOINTS, "panda_finger_joint1"))
    assert np.all(tcp >= np.array(cfg.workspace_min_m)) and np.all(
        tcp <= np.array(cfg.workspace_max_m)
    )


def test_violations_are_reported_in_words(panda_spec):
    cfg = ExcitationConfig()
    targets = np.tile(HOME_ARM_QPOS_RAD, (3, 1))
    targets[1, 6] += 0.1  # 5 rad/s on joint 7 within one 20 ms period
    targets[2, 3] = -3.05  # joint 4 at its limit
    problems = " ".join(excitation_violations(targets, panda_spec, cfg))
    assert "panda_joint7 target speed" in problems and "panda_joint4 targets span" in problems


def test_unsafe_centre_pose_is_refused(panda_spec):
    centre = list(HOME_ARM_QPOS_RAD)
    centre[1] = 1.75  # joint 2 upper limit is 1.7628 rad
    with pytest.raises(CalibrationError, match="centre pose is unsafe.*panda_joint2"):
        generate_excitation(ExcitationConfig(center_rad=tuple(centre)), panda_spec)


def test_only_requested_joints_move(panda_spec):
    e = generate_excitation(ExcitationConfig(duration_s=10, joints=("panda_joint4",)), panda_spec)
    moving = np.ptp(e.targets_rad, axis=0) > 0
    assert moving.tolist() == [False, False, False, True, False, False, False]


def test_save_load_round_trip(default_excitation, tmp_path):
    default_excitation.save(tmp_path / "e.npz")
    back = Excitation.load(tmp_path / "e.npz")
    np.testing.assert_array_equal(back.targets_rad, default_excitation.targets_rad)
    assert back.joint_names == ARM_JOINTS and back.rate_hz == 50.0
    with pytest.raises(CalibrationError, match="not an excitation file"):
        Excitation.load(tmp_path / "missing.npz")


def test_the_chirp_sweeps_its_band_with_a_flat_velocity_envelope():
    """Even joints sweep up, odd joints down, over [min_freq_hz, max_freq_hz]; the amplitude
    falls as 1/f, so the velocity's peak in each stretch stays at the lowest frequency's."""
    cfg = ExcitationConfig()
    length, dt = 20.0, 1e-3
    t = np.arange(0.0, length, dt)
    for index, rising in ((0, True), (1, False)):
        x = _chirp(t, length, index, 4, cfg)
        crossings = np.flatnonzero(np.diff(np.signbit(x)))
        early, late = np.diff(crossings[:20]).mean(), np.diff(crossings[-20:]).mean()
        assert (late < early) == rising  # half-periods shorten on an up-sweep
        velocity = np.gradient(x, dt) / (2 * np.pi * cfg.min_freq_hz)
        peaks = [np.abs(v).max() for v in np.array_split(velocity, 10)]
        np.testing.assert_allclose(peaks, 1.0, rtol=0.1)
