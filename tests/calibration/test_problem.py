"""The fit's least-squares problem: one batch for all finite-difference columns and segments
gives each column exactly its own residual; frozen parameters stay put; the Jacobian at the
optimum only when asked."""

from __future__ import annotations

import numpy as np
import pytest
from calibration_case import FIELDS, JOINTS

from skillbridge.calibration.fit import FitOptions, build_problem
from skillbridge.calibration.recording import align
from skillbridge.sim.scene import ARM_JOINTS


@pytest.fixture(scope="module")
def problem(raw_log):
    problem, _ = build_problem(
        align(raw_log, ARM_JOINTS), FitOptions(fields=FIELDS, joints=JOINTS)
    )
    return problem


def test_every_column_of_a_batched_residual_is_that_candidates_own_residual(problem):
    z0 = problem.params.as_vector()
    columns = z0[:, None] * (1.0 + 0.05 * np.eye(len(z0))[:, :4])  # four perturbed candidates
    batched = problem.residual_columns(columns)
    segments = len(problem.active)
    data_rows = segments * problem.segments.length * 14
    assert batched.shape == (data_rows + problem.num_prior_rows, 4)  # any prior rows come last
    for c in range(4):
        np.testing.assert_array_equal(batched[:, c], problem.residual_columns(columns[:, c]))
    # the rows are segment after segment, sample after sample: positions then velocities
    pos, vel = problem.simulate(columns[:, 0] * problem.scales, problem.active)
    meas_pos, meas_vel = problem.measured(problem.active)
    rows = batched[:data_rows, 0].reshape(segments, problem.segments.length, 14)
    np.testing.assert_array_equal(rows[..., :7], (meas_pos - pos) * problem.weights[:7])
    np.testing.assert_array_equal(rows[..., 7:], (meas_vel - vel) * problem.weights[7:])


def test_frozen_parameters_stay_and_the_final_jacobian_is_optional(problem):
    x0 = problem.x0
    free = np.array([s.field == "kp" for s in problem.specs])
    x, result = problem.optimize(x0, 1, fd_step=1e-6, free=free, final_jacobian=False)
    np.testing.assert_array_equal(x[~free], x0[~free])
    assert np.any(x[free] != x0[free]) and result.jac is None
    assert len(result.extras["objective"]) == 2  # one iteration, then the end point
    again, result = problem.optimize(x0, 1, fd_step=1e-6, free=free)
    np.testing.assert_array_equal(again, x)
    assert result.jac.shape == (len(problem.residual(x)), int(free.sum()))
