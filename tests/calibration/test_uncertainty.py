"""Intervals, identifiability warnings and randomization ranges, on problems with known answers."""

from __future__ import annotations

import numpy as np
import pytest

from skillbridge.calibration.parameters import ParamSpec
from skillbridge.calibration.uncertainty import Estimate, assess, randomization_ranges


@pytest.fixture()
def rng():
    return np.random.default_rng(0)


SPECS = (
    ParamSpec("damping", "panda_joint1", 1.0, 0.0, 20.0),
    ParamSpec("kv", "panda_joint1", 450.0, 90.0, 1350.0),
    ParamSpec("kp", "panda_joint1", 4500.0, 1350.0, 13500.0),
)


def test_linear_problem_interval_matches_the_textbook(rng):
    """r = y - J x with unit noise: cov = s^2 (J^T J)^-1, half-width = t_0.975 * sigma."""
    jac = rng.normal(size=(400, 3)) * np.array([1.0, 0.01, 0.001])
    noise = rng.normal(scale=0.5, size=400)
    est, _, warnings = assess(SPECS, np.array([2.0, 450.0, 4500.0]), noise, jac, np.zeros(3))
    s2 = noise @ noise / (400 - 3)
    sigma = np.sqrt(s2 * np.diag(np.linalg.inv(jac.T @ jac)))
    np.testing.assert_allclose([e.std for e in est], sigma, rtol=1e-6)
    np.testing.assert_allclose([e.ci95 for e in est], 1.966 * sigma, rtol=1e-3)
    assert all(e.identified for e in est) and warnings == ()


def test_collinear_damping_and_kv_are_named(rng):
    """Damping and servo kv both multiply the joint velocity: identical Jacobian columns."""
    column = rng.normal(size=400)
    jac = np.column_stack([column, column * (1 + 1e-12), rng.normal(size=400)])
    est, corr, warnings = assess(
        SPECS, np.array([2.0, 450.0, 4500.0]), rng.normal(size=400) * 0.01, jac, np.zeros(3)
    )
    text = " ".join(warnings)
    assert (
        "panda_joint1.damping and panda_joint1.kv change the trajectories almost identically"
        in text
    )
    assert "near-singular" in text
    # Their common effect pins down damping + kv; kv is 225x larger, so relative to its size the
    # trade-off moves it by under 1% while damping is undetermined.
    assert not est[0].identified and np.isinf(est[0].ci95)
    assert est[1].identified and est[2].identified


def test_value_on_a_bound_is_flagged(rng):
    jac = rng.normal(size=(100, 3))
    est, _, warnings = assess(
        SPECS, np.array([0.0, 450.0, 4500.0]), rng.normal(size=100), jac, np.zeros(3)
    )
    assert est[0].at_bound and not est[0].identified
    assert "ended on its bound" in warnings[0] and "FAILED" in warnings[0]


def _estimate(
    value: float, std: float, lower: float = 0.0, upper: float = 10.0, t: float = 1.96
) -> Estimate:
    return Estimate(
        "j.damping",
        "damping",
        "j",
        "N m s/rad",
        value,
        value,
        lower,
        upper,
        t * std,
        std,
        False,
        True,
    )


@pytest.mark.parametrize(
    ("value", "std", "expected"),
    [
        (2.0, 0.1, (1.8, 2.2)),  # +- 2 sigma
        (2.0, 0.001, (1.9, 2.1)),  # at least +- 5% of the value
        (0.05, 0.1, (0.0, 0.25)),  # clipped at the lower bound 0
        (9.9, 1.0, (7.9, 10.0)),  # clipped at the upper bound
        (2.0, np.inf, (0.0, 10.0)),  # not identifiable: the whole box
    ],
)
def test_randomization_range_arithmetic(value, std, expected):
    low, high = randomization_ranges((_estimate(value, std),))["j.damping"]
    assert (low, high) == pytest.approx(expected)


def test_randomization_range_contains_the_reported_interval():
    """Two blocks: the 95 % half-width is 12.7 sigma, and the range is that wide, not 2 sigma."""
    est = _estimate(2.0, 0.05, t=12.706)
    assert randomization_ranges((est,))["j.damping"] == pytest.approx((2.0 - 0.6353, 2.0 + 0.6353))


def test_a_value_within_one_percent_of_the_bound_span_is_a_failed_estimate(rng):
    """damping in [0, 20]: 0.19 is within 1% (0.2) of the lower bound, 0.25 is not."""
    jac = rng.normal(size=(200, 3))
    noise = rng.normal(size=200) * 1e-3
    near, _, warnings = assess(SPECS, np.array([0.19, 450.0, 4500.0]), noise, jac, np.zeros(3))
    assert near[0].at_bound and not near[0].identified
    assert near[0].status == "FAILED (on bound)"
    assert "the fit FAILED for it" in warnings[0]
    clear, _, _ = assess(SPECS, np.array([0.25, 450.0, 4500.0]), noise, jac, np.zeros(3))
    assert not clear[0].at_bound and clear[0].status == "yes"
    # a failed estimate randomizes over its whole bound range, not around the bound
    assert randomization_ranges(near)[near[0].name] == (0.0, 20.0)


def _blocks(rows: int, size: int) -> np.ndarray:
    return np.arange(rows) // size


def test_block_sandwich_on_white_residuals_agrees_with_gauss_newton(rng):
    """Independent noise: every block's gradient is an independent draw, so sum_b g_b g_b^T
    estimates s^2 J^T J and the sandwich gives back the Gauss-Newton standard deviations."""
    jac = rng.normal(size=(8000, 3)) * np.array([1.0, 0.01, 0.001])
    noise = rng.normal(scale=0.5, size=8000)
    x = np.array([2.0, 450.0, 4500.0])
    gn, _, _ = assess(SPECS, x, noise, jac, np.zeros(3))
    sw, _, _ = assess(SPECS, x, noise, jac, np.zeros(3), blocks=_blocks(8000, 100))
    for a, b in zip(gn, sw, strict=True):
        assert b.std == pytest.approx(a.std, rel=0.3)
    # 80 blocks: the quantile is Student-t with 79 degrees of freedom
    assert sw[0].ci95 / sw[0].std == pytest.approx(1.990, abs=1e-3)


def test_block_sandwich_widens_for_residuals_that_persist_over_a_block(rng):
    """A residual constant over each block of 100 rows (a mismatch that lasts a motion), with
    sensitivities that change slowly too: every row of a block pushes the same way, and the
    variance is ~100x the one Gauss-Newton infers from the scatter of the rows."""
    jac = np.repeat(rng.normal(size=(40, 3)), 100, axis=0) + 0.1 * rng.normal(size=(4000, 3))
    jac *= np.array([1.0, 0.01, 0.001])
    persistent = np.repeat(rng.normal(scale=0.5, size=40), 100)
    x = np.array([2.0, 450.0, 4500.0])
    gn, _, _ = assess(SPECS, x, persistent, jac, np.zeros(3))
    sw, _, _ = assess(SPECS, x, persistent, jac, np.zeros(3), blocks=_blocks(4000, 100))
    assert all(b.std > 5 * a.std for a, b in zip(gn, sw, strict=True))


def _assess_with_prior_on_column0(
    rng: np.random.Generator, data_scale: float, block_rows: int
) -> tuple[Estimate, ...]:
    """400 data rows in blocks of ``block_rows``, column 0 loaded by the data ``data_scale`` times
    as much as the others, plus one prior row (value - mean) / 0.01 on column 0."""
    data = np.column_stack([data_scale * rng.normal(size=400), rng.normal(size=(400, 2))])
    prior = np.array([[1 / 0.01, 0.0, 0.0]])
    residual = np.r_[rng.normal(size=400), 0.0]
    est, _, _ = assess(
        SPECS,
        np.array([2.0, 450.0, 4500.0]),
        residual,
        np.vstack([data, prior]),
        np.zeros(3),
        blocks=_blocks(400, block_rows),
        prior_rows=1,
    )
    return est


def test_a_parameter_only_the_prior_sees_keeps_the_prior_standard_deviation(rng):
    """Column 0 has no data rows, only its prior row (value - mean) / 0.01: B and the meat both
    get 1 / 0.01^2 for it, so its standard deviation is the prior's 0.01."""
    est = _assess_with_prior_on_column0(rng, data_scale=0.0, block_rows=20)
    assert est[0].std == pytest.approx(0.01, rel=1e-6)
    # the prior's width is known, not estimated from the 20 blocks: normal quantile
    assert est[0].dof == np.inf and est[0].ci95 == pytest.approx(1.960 * 0.01, rel=1e-3)
    assert est[1].dof == pytest.approx(19) and est[2].dof == pytest.approx(19)


def test_satterthwaite_degrees_of_freedom_of_a_variance_shared_with_a_prior(rng):
    """Two blocks and a prior: the quantile is Student-t with one degree of freedom (12.7) for a
    parameter the data alone determine, approaches 1.96 as the prior's share grows, and never
    falls under the blocks' own degrees of freedom."""
    from skillbridge.calibration.uncertainty import satterthwaite_dof

    var_data = np.array([1.0, 1.0, 1.0, 0.0, np.inf])
    var_prior = np.array([0.0, 1.0, 9.0, 1.0, 1.0])
    dof = satterthwaite_dof(var_data, var_prior, blocks=2)
    np.testing.assert_allclose(dof[:3], [1.0, 4.0, 100.0])
    assert dof[3] == np.inf and dof[4] == 1.0
    # with seven blocks a data-only parameter keeps six
    assert satterthwaite_dof(np.array([2.0]), np.array([0.0]), blocks=7)[0] == 6.0


def test_a_weakly_loaded_parameter_with_a_prior_gets_a_narrower_interval_than_the_blocks_alone(
    rng,
):
    """An offset gravity barely loads: its data part is small next to its prior, so its interval
    is close to 1.96 prior sigmas, where one quantile for all (12.7 with two blocks) made it six
    times wider than the prior."""
    est = _assess_with_prior_on_column0(rng, data_scale=1e-3, block_rows=200)
    assert est[0].dof > 100 and est[0].ci95 < 2.1 * est[0].std
    assert est[1].dof == pytest.approx(1.0, rel=1e-3)
    assert est[1].ci95 == pytest.approx(12.706 * est[1].std, rel=1e-3)
