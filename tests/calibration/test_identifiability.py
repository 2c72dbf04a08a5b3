"""The identifiability prediction: real simulations of the nominal robot, checked against physics
the prediction must see and against the half-widths a real fit reports on the same kind of log."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.excitation import ExcitationConfig, generate_excitation
from skillbridge.calibration.fit import FitOptions, fit_trajectory
from skillbridge.calibration.identifiability import (
    IdentifiabilityConfig,
    plan_excitation,
    predict,
)
from skillbridge.calibration.recording import align
from skillbridge.calibration.synthetic import SyntheticConfig, synthesize
from skillbridge.sim.overrides import ModelOverrides
from skillbridge.sim.scene import ARM_JOINTS

J1, J2, J4 = "panda_joint1", "panda_joint2", "panda_joint4"


@pytest.fixture(scope="module")
def short_excitation(panda_spec):
    return generate_excitation(ExcitationConfig(duration_s=10.0, joints=(J1, J2, J4)), panda_spec)


def _by_name(prediction):
    return {p.name: p for p in prediction.parameters}


def test_offsets_show_only_through_gravity(short_excitation):
    """The servo regulates the reported angle, so an encoder offset changes the motion only
    through the gravity load: joint 1 turns about the vertical and its offset is invisible;
    joint 2 carries the arm and its offset is seen."""
    options = FitOptions(fields=("offset",), joints=(J1, J2), fit_delay=False)
    got = _by_name(predict(short_excitation, options))
    assert np.isinf(got[f"{J1}.offset"].ci95) and not got[f"{J1}.offset"].identifiable
    assert np.isfinite(got[f"{J2}.offset"].ci95)
    assert got[f"{J2}.offset"].ci95 < 0.05  # the fit's bound is +-0.05 rad


def test_longer_excitation_narrows_the_prediction(panda_spec):
    options = FitOptions(fields=("kp",), joints=(J2,), fit_delay=False)
    widths = []
    for duration in (10.0, 20.0):
        excitation = generate_excitation(
            ExcitationConfig(duration_s=duration, joints=(J2,)), panda_spec
        )
        widths.append(_by_name(predict(excitation, options))[f"{J2}.kp"].ci95)
    assert widths[1] < 0.85 * widths[0]


def test_collinear_pair_is_named_and_one_is_dropped(short_excitation):
    """Joint 1's servo stiffness and viscous damping both set its tracking lag: the prediction
    names the pair and leaving one out makes the other identifiable."""
    options = FitOptions(fields=("damping", "kp"), joints=(J1,), fit_delay=False)
    prediction = predict(short_excitation, options)
    got = _by_name(prediction)
    assert got[f"{J1}.damping"].collinear_with == (f"{J1}.kp",)
    assert len(prediction.drop) == 1 and prediction.drop[0] in got
    assert "leave out" in prediction.table()


def test_prediction_matches_the_fits_own_interval(short_excitation):
    """With the fitter's model true and white noise of the assumed level on positions only,
    the predicted 95 % half-width is what the fit reports (Gauss-Newton), within a factor."""
    noise = 3e-5
    truth = ModelOverrides()
    log = synthesize(short_excitation, truth, SyntheticConfig(pos_noise_rad=noise, seed=3))
    options = FitOptions(
        fields=("kp",),
        joints=(J2, J4),
        fit_delay=False,
        offset_prior_rad=0.0,
        interval_block_s=None,
        vel_scale_rad_s=1e6,  # velocities out of the fit, as the prediction leaves them out
        max_iters=10,
    )
    fit = fit_trajectory(align(log, ARM_JOINTS), options)
    white = IdentifiabilityConfig(residual_rad=noise, correlation_s=0.02)
    predicted = _by_name(predict(short_excitation, options, white))
    for joint in (J2, J4):
        ratio = predicted[f"{joint}.kp"].ci95 / fit.estimate(f"{joint}.kp").ci95
        # The fit estimates its noise over position and (zero-weighted) velocity rows, twice
        # the rows that carry it, so its sigma is 1/sqrt(2) of the true one.
        assert ratio == pytest.approx(np.sqrt(2.0), rel=0.1), joint


def test_plan_extends_until_identifiable_or_says_what_to_drop(panda_spec):
    excite = ExcitationConfig(duration_s=10.0, joints=(J1, J2))
    options = FitOptions(fields=("offset",), joints=(J1, J2), fit_delay=False)
    tried = []
    excitation, prediction = plan_excitation(
        excite, panda_spec, options, max_duration_s=15.0, report=tried.append
    )
    assert [round(p.duration_s) for p in tried] == [10, 15]
    assert excitation.times_s[-1] == pytest.approx(15.0)
    assert f"{J1}.offset" in prediction.drop  # never visible, however long
    lenient = IdentifiabilityConfig(
        precision={**IdentifiabilityConfig().precision, "offset": (0.05, False)}
    )
    options_j2 = dataclasses.replace(options, joints=(J2,))
    _, easy = plan_excitation(excite, panda_spec, options_j2, lenient, max_duration_s=15.0)
    assert easy.duration_s == pytest.approx(10.0) and not easy.drop


def test_bad_lengths_are_refused(panda_spec):
    with pytest.raises(CalibrationError, match="max_duration_s"):
        plan_excitation(ExcitationConfig(duration_s=30.0), panda_spec, max_duration_s=20.0)
