"""Encoder offsets from a calibration fixture (``calibration.fixture``, ``calibrate offsets``,
``calibrate fit --fixture``): recovery, what plain seats cannot see, bad files, the overrides."""

from __future__ import annotations

import numpy as np
import pytest
import yaml
from scipy.spatial.transform import Rotation

from skillbridge.calibration import cli
from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.fixture import (
    FixtureLog,
    FixtureTouch,
    _Kinematics,
    fit_fixture,
    load_fixture,
)
from skillbridge.sim.overrides import load_overrides
from skillbridge.sim.scene import ARM_JOINTS, compile_scene

OFFSETS = np.array([3.0, -2.0, 4.0, -1.5, 2.5, -4.0, 3.5]) * 1e-3
READY = np.array([0.0, -0.3, 0.0, -2.2, 0.0, 1.9, 0.8])


def touches(offsets: np.ndarray, keyed: bool, n: int = 12, seed: int = 0) -> list[FixtureTouch]:
    """Seats wherever the scene's kinematics put the tool for varied true postures (the fitter's
    own kinematics: what these tests check is the solver, the benchmark checks the rest)."""
    kin = _Kinematics()
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        q_true = READY + rng.uniform(-0.6, 0.6, 7)
        position, rotation = kin.pose(q_true)
        quat = Rotation.from_matrix(rotation).as_quat(scalar_first=True) if keyed else None
        out.append(FixtureTouch(q_true + offsets, position, quat))
    return out


def exact(touch_list: list[FixtureTouch]) -> FixtureLog:
    return FixtureLog(tuple(touch_list), 1e-4, 1e-3, kinematic_tolerance_m=0.0)


def test_keyed_seats_give_every_offset():
    fit = fit_fixture(exact(touches(OFFSETS, keyed=True)))
    assert np.abs(fit.offsets_rad - OFFSETS).max() < 2e-5
    assert fit.identified.all()
    assert np.all(np.abs(fit.offsets_rad - OFFSETS) <= fit.ci95_rad)
    assert fit.rms_position_m < 1e-6


def test_plain_seats_leave_joint_7_to_its_prior_and_say_so():
    """The tool centre point is on joint 7's axis: positions alone cannot see its offset."""
    fit = fit_fixture(exact(touches(OFFSETS, keyed=False)), prior_rad=0.01)
    assert np.abs(fit.offsets_rad[:6] - OFFSETS[:6]).max() < 5e-5
    assert fit.identified[:6].all() and not fit.identified[6]
    assert fit.std_rad[6] == pytest.approx(0.01, rel=0.05)  # the prior, not the touches
    assert "no (prior)" in fit.table()


def test_unknown_kinematics_widen_the_intervals_not_the_errors():
    """With the joint frames under their priors (the default) the offsets stay right on an exact
    arm, and their intervals grow to carry what the kinematics do not know."""
    touch_list = touches(OFFSETS, keyed=True, n=20)
    known = fit_fixture(exact(touch_list))
    unknown = fit_fixture(FixtureLog(tuple(touch_list)))
    assert np.abs(unknown.offsets_rad - OFFSETS).max() < 5e-4
    assert np.all(unknown.std_rad > known.std_rad)


def test_the_overrides_carry_the_offsets_and_load_in_the_simulator(tmp_path):
    fit = fit_fixture(exact(touches(OFFSETS, keyed=True)))
    overrides = fit.overrides(k_sigma=2.0)
    path = tmp_path / "offsets.yaml"
    overrides.save(path)
    loaded = load_overrides(path, compile_scene())
    for j, name in enumerate(ARM_JOINTS):
        assert loaded.joint_value(name, "offset_rad", 0.0) == pytest.approx(fit.offsets_rad[j])
        low, high = loaded.randomization["joints"][name]["offset_rad"]
        assert high - low == pytest.approx(4 * fit.std_rad[j])


def write(path, touch_list, **extra) -> None:
    rows = []
    for t in touch_list:
        row = {"joints_rad": t.joints_rad.tolist(), "tcp_position_m": t.tcp_position_m.tolist()}
        if t.tcp_quat_wxyz is not None:
            row["tcp_quat_wxyz"] = t.tcp_quat_wxyz.tolist()
        rows.append(row)
    path.write_text(yaml.safe_dump({"kinematic_tolerance_m": 0.0, **extra, "touches": rows}))


def test_calibrate_offsets_writes_the_yaml(tmp_path, capsys):
    fixture, out = tmp_path / "fixture.yaml", tmp_path / "offsets.yaml"
    write(fixture, touches(OFFSETS, keyed=True))
    assert cli.main(["offsets", str(fixture), "--out", str(out)]) == 0
    loaded = load_overrides(out)
    fitted = [loaded.joint_value(j, "offset_rad", 0.0) for j in ARM_JOINTS]
    assert np.abs(np.array(fitted) - OFFSETS).max() < 2e-5
    assert "identified" in capsys.readouterr().out


def test_plain_seats_warn_which_joint_is_unseen(tmp_path, capsys):
    fixture = tmp_path / "fixture.yaml"
    write(fixture, touches(OFFSETS, keyed=False))
    assert cli.main(["offsets", str(fixture), "--out", str(tmp_path / "o.yaml")]) == 0
    assert "do not determine the offsets of panda_joint7" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ({"touches": "none"}, "'touches' list"),
        ({"touches": [{"joints_rad": [0.0] * 6, "tcp_position_m": [0, 0, 0]}]}, "joints_rad"),
        ({"touches": [{"joints_rad": [0.0] * 7, "tcp_position_m": [0, 0]}]}, "tcp_position_m"),
        (
            {
                "touches": [
                    {
                        "joints_rad": [0.0] * 7,
                        "tcp_position_m": [0, 0, 0],
                        "tcp_quat_wxyz": [1, 1, 0, 0],
                    }
                ]
            },  # fmt: skip
            "unit quaternion",
        ),
        ({"touches": [{"joints_rad": [0.0] * 7, "tcp_position_m": [0, 0, 0]}]}, "at least 3"),
        ({"position_tolerance_m": -1, "touches": []}, "position_tolerance_m"),
    ],
)
def test_a_bad_fixture_file_names_what_is_wrong(tmp_path, content, named):
    path = tmp_path / "fixture.yaml"
    path.write_text(yaml.safe_dump(content))
    with pytest.raises(CalibrationError, match=named):
        load_fixture(path)
