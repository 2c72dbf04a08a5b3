"""The calibrate commands: flags from the config dataclasses, one-line errors."""

from __future__ import annotations

import dataclasses
import types

import numpy as np
import pytest

from skillbridge.calibration.bag import write_bag
from skillbridge.calibration.cli import _summary, main
from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.excitation import Excitation
from skillbridge.calibration.parameters import parse_fields
from skillbridge.calibration.uncertainty import Estimate
from skillbridge.sim.scene import ARM_JOINTS


def test_excite_writes_a_safe_excitation(tmp_path, capsys):
    out = tmp_path / "exc.npz"
    args = ["excite", "--out", str(out), "--duration-s", "12", "--seed", "3", "--no-predict"]
    assert main(args) == 0
    excitation = Excitation.load(out)
    assert excitation.targets_rad.shape == (601, 7) and excitation.joint_names == ARM_JOINTS
    assert "panda_joint7" in capsys.readouterr().out


def test_excite_predicts_identifiability_and_lengthens(tmp_path, capsys):
    """Joint 1's offset is invisible (no gravity moment about the vertical), so the excitation is
    lengthened to the limit and the user is told to fit without it; joint 2's kp is fine."""
    out = tmp_path / "exc.npz"
    args = ["excite", "--out", str(out), "--duration-s", "10", "--max-duration-s", "15"]
    args += ["--joints", "panda_joint1", "panda_joint2", "--params", "kp,offset"]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "predicted identifiability, 10 s" in text and "predicted identifiability, 15 s" in text
    assert "WARNING" in text and "panda_joint1.offset" in text.split("WARNING")[1]
    assert Excitation.load(out).times_s[-1] == 15.0


def test_fit_error_is_one_line(raw_log, tmp_path, capsys):
    path = tmp_path / "wrong_topics.mcap"
    write_bag(raw_log, path, "/joint_states", "/cmd")
    code = main(["fit", str(path), "--out", str(tmp_path / "o.yaml"), "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1
    assert err[0].startswith("skillbridge calibrate fit: error:") and "/cmd" in err[0]
    assert not (tmp_path / "o.yaml").exists()


def test_fit_refuses_joints_that_did_not_move(bag_path, tmp_path, capsys):
    code = main(
        ["fit", str(bag_path), "--joints", "panda_joint5", "--out", str(tmp_path / "o.yaml")]
    )
    assert code == 1
    assert (
        "panda_joint5" in capsys.readouterr().err
        and "--joints" in capsys.readouterr().err + "--joints"
    )


@pytest.mark.parametrize("step", ["0", "-0.002", "0.05"])
def test_fit_refuses_a_replay_step_that_is_not_a_physics_step(bag_path, tmp_path, capsys, step):
    out = tmp_path / "o.yaml"
    assert main(["fit", str(bag_path), "--replay-dt-s", step, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"--replay-dt-s {float(step)}" in err and "0.0005" in err and not out.exists()


def test_parse_fields_lists_the_valid_ones():
    assert parse_fields("damping, kp,damping") == ("damping", "kp")
    with pytest.raises(CalibrationError, match="unknown parameters.*valid.*frictionloss"):
        parse_fields("damping,stiffness")
    assert np.all(np.array(parse_fields(("kv",))) == "kv")


def test_the_summary_prints_a_parameter_on_its_bound_as_a_failed_fit():
    """What ``skillbridge calibrate fit`` prints for a damping that ended on 0 (bound [0, 20])."""
    on_bound = Estimate(
        "panda_joint7.damping", "damping", "panda_joint7", "N m s/rad", 1.0, 0.0, 0.0, 20.0,
        0.3, 0.15, True, False,
    )  # fmt: skip
    fine = dataclasses.replace(on_bound, name="panda_joint6.damping", value=2.0, at_bound=False)
    fine = dataclasses.replace(fine, identified=True)
    result = types.SimpleNamespace(
        estimates=(on_bound, fine),
        failed=("panda_joint7.damping",),
        physics_dt_s=0.002,
        delay_steps=3,
        command_delay_s=0.006,
        delay=None,
        rms={"validation_pos_before": 1e-3, "validation_pos_after": 1e-4},
        validation_improvement=10.0,
        wall_time_s=1.0,
        stage_times_s={"delay scan": 0.31, "full fit": 0.7},
        warnings=(),
    )
    text = _summary(result, "overrides.yaml", output_s=0.06)  # type: ignore[arg-type]
    row7 = next(line for line in text.splitlines() if line.startswith("panda_joint7.damping"))
    row6 = next(line for line in text.splitlines() if line.startswith("panda_joint6.damping"))
    assert row7.rstrip().endswith("FAILED (on bound)") and row6.rstrip().endswith("yes")
    assert "FIT FAILED for 1 parameter(s) on their bounds: panda_joint7.damping" in text
    assert "time by stage: delay scan 0.3 s, full fit 0.7 s, output 0.1 s" in text
