"""Fixtures of the calibration tests: one short synthetic log with known physics, fitted once.

The log is a real MCAP file written by ``write_bag``: three joints excited for 12 s, their
armature, damping and servo stiffness off nominal by 15-60% (``calibration_case.TRUTH``), a
12.5 ms command delay, encoder noise of 1e-6 rad and 1e-4 rad/s.
"""

from __future__ import annotations

import pytest
from calibration_case import DURATION_S, FIELDS, JOINTS, TRUTH

from skillbridge.calibration.bag import write_bag
from skillbridge.calibration.excitation import ExcitationConfig, generate_excitation
from skillbridge.calibration.fit import FitOptions, fit_recording
from skillbridge.calibration.synthetic import SyntheticConfig, synthesize


@pytest.fixture(scope="session")
def excitation(panda_spec):
    return generate_excitation(ExcitationConfig(duration_s=DURATION_S, joints=JOINTS), panda_spec)


@pytest.fixture(scope="session")
def truth():
    return TRUTH


@pytest.fixture(scope="session")
def raw_log(excitation, truth):
    return synthesize(excitation, truth, SyntheticConfig(pos_noise_rad=1e-6, vel_noise_rad_s=1e-4))


@pytest.fixture(scope="session")
def bag_path(raw_log, tmp_path_factory):
    path = tmp_path_factory.mktemp("logs") / "excitation.mcap"
    write_bag(raw_log, path)
    return path


@pytest.fixture(scope="session")
def fit_result(bag_path):
    """The fit at its defaults except the damping prior, which is off: this log comes from the
    fitter's own model with almost no noise, so it tests that the optimizer recovers an exact
    model, damping included (2-3 N m s/rad beside the servo's 350-450 of kv, which a recording
    of a real robot cannot separate: there a damping a mismatch drives onto its bound is refitted
    with a prior; ``test_fit_options.test_a_damping_left_on_its_bound_is_refitted_with_the_prior``)."""
    options = FitOptions(fields=FIELDS, joints=JOINTS, damping_prior_nm_s_per_rad=0.0)
    return fit_recording(bag_path, options)
