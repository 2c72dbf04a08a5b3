"""A delay between the fitter's physics steps is recovered as such, and the armature does not
absorb it (on the whole-step grid it did: the search picked the step below and inflated the
armature).

The log: ``synthesize`` (MuJoCo's own actuator delay) supplies the states before the first
segment and the command history; from there on the positions are the replay's own at a lag of
7.1 ms (3.55 physics steps), one continuous run over the rest of the log. Any model but the
fitter's own would add its own mismatch (a log integrated at 0.5 ms moves the best 2 ms model's
delay by 0.25-0.5 ms and its armature by tens of percent: docs/calibration.md)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from calibration_case import JOINTS

from skillbridge.calibration.fit import FitOptions, fit_trajectory
from skillbridge.calibration.problem import history_periods
from skillbridge.calibration.recording import align
from skillbridge.calibration.replay import Replayer, replay_model, state_at
from skillbridge.calibration.synthetic import synthesize
from skillbridge.sim.overrides import ModelOverrides
from skillbridge.sim.scene import ARM_JOINTS

LAG_S = 0.0071
ARMATURE = 0.15
TRUTH = ModelOverrides(joints={j: {"armature": ARMATURE} for j in JOINTS}, command_delay_s=LAG_S)


@pytest.fixture(scope="module")
def fractional_fit(excitation):
    traj = align(synthesize(excitation, TRUTH), ARM_JOINTS)
    model = replay_model()
    start = history = history_periods(model, 10)
    state = state_at(model, traj, start, history, substeps=10)
    pos, vel, failed = Replayer(model).run(
        [(TRUTH, 0.0)],
        [state],
        [traj.command_rad[start - history : len(traj.times_s) - 1]],
        traj.finger_m,
        10,
        history=history,
    )
    assert not failed.any()
    traj = dataclasses.replace(
        traj,
        position_rad=np.vstack([traj.position_rad[: start + 1], pos[0]]),
        velocity_rad_s=np.vstack([traj.velocity_rad_s[: start + 1], vel[0]]),
    )
    options = FitOptions(fields=("armature", "kp"), joints=JOINTS, max_iters=15)
    return fit_trajectory(traj, options)


def test_a_delay_between_physics_steps_is_recovered_within_a_tenth_of_a_step(fractional_fit):
    assert fractional_fit.delay is not None and fractional_fit.delay.identified
    assert abs(fractional_fit.command_delay_s - LAG_S) <= 0.1 * fractional_fit.physics_dt_s
    assert fractional_fit.delay_steps == 4  # 3.55 steps, rounded


@pytest.mark.parametrize("joint", JOINTS)
def test_armature_does_not_absorb_the_remainder(fractional_fit, joint):
    value = fractional_fit.estimate(f"{joint}.armature").value
    assert value == pytest.approx(ARMATURE, rel=0.05)


def test_the_delay_interval_is_reported_and_contains_the_truth(fractional_fit):
    delay = fractional_fit.delay
    assert delay is not None and np.isfinite(delay.ci95) and delay.ci95 > 0
    assert abs(delay.value - LAG_S) <= max(delay.ci95, 1e-6)
