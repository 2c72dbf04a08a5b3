"""Fit options beyond the round trip: encoder offsets, a fixed delay, kv asked with damping, the
priors."""

from __future__ import annotations

import dataclasses

import pytest

from skillbridge.calibration.fit import FitOptions, build_problem, fit_trajectory
from skillbridge.calibration.recording import align
from skillbridge.calibration.synthetic import synthesize
from skillbridge.sim.overrides import ModelOverrides
from skillbridge.sim.scene import ARM_JOINTS

TRUTH = ModelOverrides(
    joints={
        "panda_joint1": {"damping": 3.0},
        "panda_joint2": {"offset_rad": 0.015},
        "panda_joint3": {"offset_rad": -0.01},
    },
    command_delay_s=0.013,
)


@pytest.fixture(scope="module")
def truth_traj(excitation):
    return align(synthesize(excitation, TRUTH), ARM_JOINTS)


@pytest.fixture(scope="module")
def offset_fit(truth_traj):
    traj = truth_traj
    options = FitOptions(
        fields=("offset", "damping", "kv"),
        joints=("panda_joint1", "panda_joint2", "panda_joint3"),
        fit_delay=False,
        initial=ModelOverrides(command_delay_s=0.014),  # MuJoCo's 13 ms act as 7 steps: 14 ms
        max_iters=15,
    )
    return fit_trajectory(traj, options)


def test_encoder_offsets_are_recovered(offset_fit):
    """The servo regulates the reported angle, so an offset shows only through gravity."""
    assert offset_fit.estimate("panda_joint2.offset").value == pytest.approx(0.015, abs=1e-3)
    assert offset_fit.estimate("panda_joint3.offset").value == pytest.approx(-0.01, abs=1e-3)
    assert offset_fit.delay_steps == 7 and offset_fit.command_delay_s == pytest.approx(0.014)
    assert offset_fit.delay is None  # given, not fitted


def test_damping_and_servo_kv_asked_together_are_fitted_as_one_sum(offset_fit):
    """Joint damping and the servo's kv both multiply the joint velocity: asked for both, the
    fit keeps kv at its set value, fits damping as the rest of the sum, and says so."""
    text = " ".join(offset_fit.warnings)
    assert "kv was kept at its set value and damping fitted as the rest of the sum" in text
    assert "change the trajectories almost identically" not in text
    assert not any(e.field == "kv" for e in offset_fit.estimates)
    assert "kv" not in str(offset_fit.overrides.actuators)
    joint1 = offset_fit.estimate("panda_joint1.damping")
    assert joint1.value == pytest.approx(3.0, rel=0.05) and joint1.identified


def test_one_viscous_term_keeps_kv_when_damping_is_not_asked_for():
    from skillbridge.calibration.parameters import one_viscous_term

    assert one_viscous_term(("kp", "kv")) == (("kp", "kv"), None)
    fields, note = one_viscous_term(("kv", "kp", "damping"))
    assert fields == ("kp", "damping") and "sum" in note


def test_an_offset_gravity_cannot_see_is_flagged(offset_fit):
    """Joint 1 turns about the vertical: its offset changes no gravity torque."""
    assert not offset_fit.estimate("panda_joint1.offset").identified
    assert "panda_joint1.offset is not identifiable" in " ".join(offset_fit.warnings)


def test_a_damping_prior_everywhere_adds_a_row_per_damping(truth_traj):
    """``damping_prior_everywhere``: every fitted damping adds a residual row (value - start) /
    sigma after the offsets' rows from the start; by default none does (the prior comes in only
    for a damping the full fit leaves on its bound)."""
    options = FitOptions(
        fields=("damping", "offset"),
        joints=("panda_joint2",),
        fit_delay=False,
        damping_prior_everywhere=True,
    )
    problem, specs = build_problem(truth_traj, options)
    names = [s.name for s in specs]
    x = problem.x0.copy()
    x[names.index("panda_joint2.damping")] += 6.0
    assert problem.num_prior_rows == 2
    assert sorted(problem.residual(x)[-2:]) == pytest.approx([0.0, 2.0])  # 2 sigma of 3

    default, _ = build_problem(
        truth_traj, dataclasses.replace(options, damping_prior_everywhere=False)
    )
    assert default.num_prior_rows == 1  # the offset's


def test_a_damping_left_on_its_bound_is_refitted_with_the_prior(truth_traj):
    """A damping at its bound after the full fit gets the prior and the fit runs again from
    there: it leaves the bound, and a warning names it. Others keep no prior."""
    from skillbridge.calibration.fit import _damping_off_its_bound
    from skillbridge.calibration.search import Search
    from skillbridge.calibration.timing import StageTimes

    options = FitOptions(
        fields=("damping",),
        joints=("panda_joint1", "panda_joint2"),
        fit_delay=False,
        initial=ModelOverrides(command_delay_s=0.014),  # the log's delay (see offset_fit)
        max_iters=3,
    )
    problem, specs = build_problem(truth_traj, options)
    problem.active = problem.active[:2]  # two segments: a short test
    x = problem.x0.copy()
    x[0] = specs[0].upper  # joint 1's damping on its upper bound, joint 2's inside
    clock = StageTimes()
    x_new, _result, note = _damping_off_its_bound(
        Search(problem, options, None), specs, x, None, clock
    )
    assert list(problem.priors) == ["panda_joint1.damping"]
    assert problem.priors["panda_joint1.damping"] == (specs[0].initial, 3.0)
    assert x_new[0] < 0.5 * specs[0].upper  # off the bound (truth 3.0 N m s/rad)
    assert "panda_joint1.damping ended on a bound" in note and "damping prior" in clock.seconds

    inside = problem.x0.copy()
    assert (
        _damping_off_its_bound(Search(problem, options, None), specs, inside, None, clock)[2]
        is None
    )


def test_the_fixture_sets_the_dynamic_fits_offset_priors(truth_traj):
    """``calibrate fit --fixture``: each offset starts at the fixture's value with the
    fixture's standard deviation as its prior (``FitOptions.offset_priors_rad``)."""
    options = FitOptions(fields=("offset",), joints=("panda_joint1", "panda_joint2"),
                         fit_delay=False, offset_priors_rad={"panda_joint1": 2e-4})  # fmt: skip
    problem, specs = build_problem(truth_traj, options)
    assert problem.priors["panda_joint1.offset"][1] == 2e-4
    assert problem.priors["panda_joint2.offset"][1] == FitOptions().offset_prior_rad
    default, _ = build_problem(truth_traj, dataclasses.replace(options, offset_priors_rad={}))
    assert default.priors["panda_joint1.offset"][1] == FitOptions().offset_prior_rad
