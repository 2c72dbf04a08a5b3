"""The coverage study's log generator differs from the fitter's simulator where it claims to:
delay off the 2 ms grid, friction as torques (not ``frictionloss``), RK4 at 0.5 ms, noise and
quantization on the readings, 500 Hz states against 50 Hz commands."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import mujoco
import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import calibration_coverage as cov

from skillbridge.calibration.excitation import Excitation
from skillbridge.calibration.replay import replay_model
from skillbridge.sim.scene import ARM_JOINTS, HOME_ARM_QPOS_RAD

QUIET = cov.SensorConfig(pos_noise_rad=0.0, vel_noise_rad_s=0.0, torque_noise_nm=(0.0,) * 7)


@pytest.fixture(scope="module")
def excitation() -> Excitation:
    """1 s of 50 Hz targets: a 1.3 Hz sine on every joint around home."""
    t = np.arange(50) / 50.0
    wave = 0.15 * np.sin(2 * np.pi * 1.3 * t)[:, None] * np.ones(7)
    return Excitation(t, ARM_JOINTS, np.array(HOME_ARM_QPOS_RAD) + wave, 50.0, 1.0)


@pytest.fixture(scope="module")
def robot() -> cov.Robot:
    return cov.draw_robot(cov.Prior(), seed=3)


def test_a_command_switch_inside_a_physics_step_is_blended_by_the_time_after_it():
    times, targets = np.array([0.0, 0.02, 0.04]), np.array([[0.0], [1.0], [2.0]])
    steps = np.array([0.0, 0.021, 0.0215, 0.0413])
    got = cov.command_per_step(times, targets, 0.0013, steps, 0.0005)
    # [0.021, 0.0215) delayed is [0.0197, 0.0202): command 1 for 0.2 of the 0.5 ms -> 0.4
    # [0.0413, 0.0418) delayed is [0.0400, 0.0405): command 2 throughout
    np.testing.assert_allclose(got[:, 0], [0.0, 0.4, 1.0, 2.0], atol=1e-9)


def test_the_delay_acts_between_the_fitters_steps(excitation, robot):
    """7 ms lies between the 6 and 8 ms the fitter can represent; the log shows it."""
    logs = {
        d: cov.generate_log(excitation, dataclasses.replace(robot, delay_s=d), QUIET)
        for d in (0.006, 0.007, 0.008)
    }
    q = {d: log.states.position[:, :7] for d, log in logs.items()}
    assert np.abs(q[0.007] - q[0.006]).max() > 1e-4
    assert np.abs(q[0.007] - q[0.008]).max() > 1e-4
    between = np.abs(q[0.007] - 0.5 * (q[0.006] + q[0.008])).max()
    assert between < 0.2 * np.abs(q[0.008] - q[0.006]).max()


def test_friction_is_a_smooth_torque_and_not_the_fitters_frictionloss(robot):
    model = cov.generator_model(robot, cov.SensorConfig())
    fitter = replay_model()
    dofs = [model.joint(f"joint{j + 1}").dofadr[0] for j in range(7)]
    assert np.all(model.dof_frictionloss[dofs] == 0) and np.all(model.dof_damping[dofs] == 0)
    assert model.opt.integrator == mujoco.mjtIntegrator.mjINT_RK4
    assert model.opt.timestep == 0.0005 and fitter.opt.timestep == 0.002
    assert fitter.opt.integrator != model.opt.integrator
    v = robot.smoothing.copy()  # tanh(1) = 0.7616: 76 % of the Coulomb level at v_s
    expected = -robot.coulomb * 0.76159416 - robot.viscous * v
    np.testing.assert_allclose(cov.friction_torque(robot, v), expected, rtol=1e-6)
    np.testing.assert_allclose(cov.friction_torque(robot, np.zeros(7)), 0.0)


def test_the_log_is_noisy_quantized_and_at_the_issues_rates(excitation, robot):
    noisy = cov.generate_log(excitation, robot)
    clean = cov.generate_log(excitation, robot, QUIET)
    assert len(noisy.states.times_s) == 10 * len(noisy.commands.times_s)  # 500 vs 50 Hz
    assert np.diff(noisy.states.times_s).max() == pytest.approx(0.002)
    counts = noisy.states.position[:, :7] / cov.QUANTUM_RAD
    np.testing.assert_allclose(counts, np.round(counts), atol=1e-6)
    pos_err = (noisy.states.position - clean.states.position)[:, :7]
    assert 5e-6 < pos_err.std() < 1e-3  # encoder noise plus the effort noise's motion
    vel_err = (noisy.states.velocity - clean.states.velocity)[:, :7]
    assert 1e-3 < vel_err.std() < 1e-2


def test_the_servo_regulates_the_offset_reading(robot):
    """kp (u - q - offset): the bias term is -kp * offset, the gains the robot's own."""
    model = cov.generator_model(robot, cov.SensorConfig())
    bias = model.actuator_biasprm[:7, :3]
    np.testing.assert_allclose(bias[:, 0], -robot.kp * robot.offset_rad)
    np.testing.assert_allclose(model.actuator_gainprm[:7, 0], robot.kp)
    assert np.all(np.abs(robot.kp / cov.NOMINAL_KP - 1) <= 0.15)


def _record(field: str, truth: float, estimate: float, ci95: float | None, on_bound=False):
    return {
        "name": f"panda_joint2.{field}" if field != "delay" else "command_delay_s",
        "field": field,
        "truth": truth,
        "estimate": estimate,
        "ci95": ci95,
        "on_bound": on_bound,
        "identified": ci95 is not None,
        "bounds": [0.0, 20.0] if field != "delay" else [0.0, 0.04],
    }


def test_stored_records_get_the_randomization_range_calibrate_fit_writes():
    """The range holds the 95 % interval (not 2 sigma), is at least 5 % (one physics step for the
    delay), and a failed or unbounded estimate randomizes over its whole bound range."""
    wide = cov._stored_dr(_record("damping", 3.0, 2.0, 1.2))
    assert wide["dr_range"] == pytest.approx([0.8, 3.2]) and wide["dr_inside"]
    narrow = cov._stored_dr(_record("damping", 2.2, 2.0, 0.001))
    assert narrow["dr_range"] == pytest.approx([1.9, 2.1]) and not narrow["dr_inside"]
    delay = cov._stored_dr(_record("delay", 0.0055, 0.004, 0.0001))
    assert delay["dr_range"] == pytest.approx([0.002, 0.006]) and delay["dr_inside"]
    failed = cov._stored_dr(_record("damping", 7.0, 0.1, 0.01, on_bound=True))
    assert failed["dr_range"] == [0.0, 20.0] and failed["dr_inside"]
    unbounded = cov._stored_dr(_record("damping", 7.0, 2.0, None))
    assert unbounded["dr_range"] == [0.0, 20.0]


def test_the_friction_diagnostic_changes_only_the_arm_friction_constraint(monkeypatch):
    """``--friction-timeconst-s`` swaps the fitter's replay-model builder in its process: the arm
    joints' friction time constant changes, nothing else in the model does."""
    from skillbridge.calibration import fit as fit_module

    monkeypatch.setattr(fit_module, "replay_model", fit_module.replay_model)  # restored after
    nominal = replay_model()
    cov.with_friction_timeconst(0.005)
    softened = fit_module.replay_model()
    arm = [softened.joint(j).dofadr[0] for j in ARM_JOINTS]
    assert np.all(softened.dof_solref[arm, 0] == 0.005)
    assert np.all(nominal.dof_solref[arm, 0] == 0.02)  # MuJoCo's default
    others = np.setdiff1d(np.arange(softened.nv), arm)
    np.testing.assert_array_equal(softened.dof_solref[others], nominal.dof_solref[others])
    np.testing.assert_array_equal(softened.dof_solref[arm, 1], nominal.dof_solref[arm, 1])
