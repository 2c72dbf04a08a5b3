"""Synthetic round trip: fit a real MCAP log of the simulator with known physics.

Acceptance (smaller case of the benchmark): armature, damping and kp within 10%, the delay
within one physics step, the held-out trajectory error reduced at least 5x; the overrides file
loads into the simulator and its randomization ranges bracket the fitted values.
"""

from __future__ import annotations

import numpy as np
import pytest
import yaml
from calibration_case import FIELDS, JOINTS, TRUE_DELAY_S

from skillbridge.calibration.bag import file_sha256
from skillbridge.calibration.problem import steps_of_delay
from skillbridge.calibration.report import write_overrides, write_report
from skillbridge.sim.overrides import load_overrides
from skillbridge.sim.scene import compile_scene


def _true(truth, field: str, joint: str) -> float:
    return float((dict(truth.joints.get(joint, {})) | dict(truth.actuators.get(joint, {})))[field])


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("joint", JOINTS)
def test_recovers_each_parameter_within_ten_percent(fit_result, truth, field, joint):
    estimate = fit_result.estimate(f"{joint}.{field}")
    expected = _true(truth, field, joint)
    assert abs(estimate.value - expected) <= 0.10 * expected, (estimate, expected)
    assert abs(estimate.initial - expected) > 0.10 * expected, "the start must be off"


def test_recovers_the_delay_to_a_tenth_of_a_physics_step(fit_result):
    """MuJoCo's delay of 12.5 ms acts as 7 whole steps: each command acts 14 ms after it."""
    dt = fit_result.physics_dt_s
    lag = steps_of_delay(TRUE_DELAY_S, dt) * dt
    assert abs(fit_result.command_delay_s - lag) <= 0.1 * dt
    assert fit_result.delay_steps == 7


def test_held_out_error_drops_at_least_five_fold(fit_result):
    rms = fit_result.rms
    assert rms["validation_pos_before"] / rms["validation_pos_after"] >= 5.0
    assert rms["train_pos_after"] < rms["train_pos_before"]
    assert fit_result.segments.validation.any() and (~fit_result.segments.validation).any()


def test_intervals_cover_the_truth(fit_result, truth):
    for est in fit_result.estimates:
        assert np.isfinite(est.ci95) and est.ci95 > 0
        assert abs(est.value - _true(truth, est.field, est.target)) <= 3 * est.ci95 + 1e-9


def test_overrides_file_loads_with_ranges_and_provenance(fit_result, bag_path, tmp_path):
    path = tmp_path / "overrides.yaml"
    write_overrides(fit_result, path)
    loaded = load_overrides(path, compile_scene())
    assert loaded.version == 1
    assert loaded.command_delay_s == pytest.approx(fit_result.command_delay_s)  # ~14 ms
    low, high = loaded.randomization["command_delay_s"]
    assert low < loaded.command_delay_s < high
    for est in fit_result.estimates:
        section = "actuators" if est.field == "kp" else "joints"
        value = getattr(loaded, section)[est.target][est.field]
        lo, hi = loaded.randomization[section][est.target][est.field]
        assert lo < value < hi and value == pytest.approx(est.value)
    provenance = yaml.safe_load(path.read_text())["provenance"]
    assert provenance["recording_sha256"] == file_sha256(bag_path)
    assert provenance["rms"]["validation_pos_after"] < provenance["rms"]["validation_pos_before"]
    assert provenance["residual_cost_after"] < provenance["residual_cost_before"]
    assert provenance["fit_time_s"]["total"] == pytest.approx(fit_result.wall_time_s, abs=0.01)
    assert provenance["fit_time_s"]["full fit"] > 0
    model = compile_scene(overrides=loaded)
    dof = model.joint("panda_joint2").dofadr[0]
    assert model.dof_damping[dof] == pytest.approx(
        fit_result.estimate("panda_joint2.damping").value
    )


def test_every_stage_is_timed_and_the_stages_make_up_the_fit(fit_result):
    stages = fit_result.stage_times_s
    assert list(stages) == [
        "setup",
        "delay scan",
        "static pre-fit",
        "delay profile",
        "fine delay scan",
        "static fit",
        "full fit",
        "intervals",
        "held-out check",
    ]
    assert all(seconds > 0 for seconds in stages.values())
    total = sum(stages.values())
    assert 0.95 * fit_result.wall_time_s <= total <= fit_result.wall_time_s


def test_report_pages(fit_result, tmp_path):
    index = write_report(fit_result, tmp_path / "report")
    html = index.read_text()
    for page in ("trajectories.png", "errors.png", "parameters.png"):
        assert (tmp_path / "report" / page).stat().st_size > 10_000
        assert page in html
    assert "panda_joint1.damping" in html and "command_delay" in html


def test_training_environment_randomizes_within_the_fitted_ranges(fit_result, tmp_path):
    from skillbridge.sim.env import VecEnv
    from skillbridge.sim.env_config import EnvConfig

    path = tmp_path / "overrides.yaml"
    written = write_overrides(fit_result, path)
    env = VecEnv(EnvConfig(num_envs=4, nthread=1, overrides_path=str(path)))
    env.reset()
    env.step(np.zeros((4, env.num_actions)))
    dof = env.model.joint("panda_joint1").dofadr[0]
    damping = env.backend.model_field("dof_damping")[:, dof]
    low, high = written.randomization["joints"]["panda_joint1"]["damping"]
    assert np.all((damping >= low) & (damping <= high))
    assert env.model.dof_damping[dof] == pytest.approx(written.joints["panda_joint1"]["damping"])
