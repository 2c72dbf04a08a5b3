"""The delay search of a fit: a scan at fixed parameters, a profile of short fits, a fine scan.

Steps 1-3 of ``fit.py``'s procedure (see its docstring): the command delay is continuous, but the
cost has many local minima across physics steps, so it is searched on the step grid first, at
the starting parameters and after a fit of the static ones, then profiled (a short fit of all but
the delay at the best step and its neighbours, walking while a neighbour is lower), then scanned
finely around the best step; the static fit and the full fit follow at that delay. Every stage is
timed on a ``StageTimes`` clock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from scipy.optimize import OptimizeResult

from skillbridge.calibration.parameters import STATIC_FIELDS
from skillbridge.calibration.problem import Problem
from skillbridge.calibration.timing import StageTimes

if TYPE_CHECKING:
    from skillbridge.calibration.fit import FitOptions

#: progress(stage, iteration, objective); stage is "delay scan", "fit", "delay check", ...
Progress = Callable[[str, int, float], None]


class Search:
    """The delay search: a scan at fixed parameters, a profile of short fits, a fine scan."""

    def __init__(self, problem: Problem, opts: FitOptions, progress: Progress | None) -> None:
        self.problem, self.opts, self.progress = problem, opts, progress
        self.scan_costs: dict[int, float] = {}
        """Costs at the starting parameters (the first scan; later scans do not overwrite)."""
        self.profile_costs: dict[int, float] = {}
        self.profile_x: dict[int, np.ndarray] = {}
        self.fine_costs: dict[float, float] = {}
        self.iterations = 0
        self.dt = problem.dt_s
        self.kmax = int(np.floor(opts.max_delay_s / problem.dt_s + 1e-9))
        train = np.flatnonzero(~problem.segments.validation)
        self.train = train
        self.subset = train[np.unique(np.linspace(0, len(train) - 1, 3).round().astype(int))]
        self.not_delay = np.array([s.field != "delay" for s in problem.specs])

    def scan(self, x: np.ndarray) -> int:
        """Whole-step delay with the lowest cost at fixed ``x`` over 0..kmax."""
        delays = np.arange(self.kmax + 1) * self.dt
        values = self.problem.costs([self.problem.with_delay(x, d) for d in delays])
        costs = {k: float(c) for k, c in enumerate(values)}
        if self.progress:
            for k, c in costs.items():
                self.progress("delay scan", k, c)
        self.scan_costs = self.scan_costs or costs
        return min(costs, key=costs.__getitem__)

    def fine(self, x: np.ndarray, k: int) -> float:
        """Delay with the lowest cost at fixed ``x`` on a ``fine_delay_s`` grid over one step
        either side of step ``k``."""
        lo, hi = max(0.0, (k - 1) * self.dt), min(self.opts.max_delay_s, (k + 1) * self.dt)
        delays = np.linspace(lo, hi, int(round((hi - lo) / self.opts.fine_delay_s)) + 1)
        values = self.problem.costs([self.problem.with_delay(x, d) for d in delays])
        self.fine_costs = {float(d): float(c) for d, c in zip(delays, values, strict=True)}
        return float(delays[int(np.argmin(values))])

    def fit(
        self,
        x: np.ndarray,
        iters: int,
        stage: str,
        free: np.ndarray | None = None,
        final_jacobian: bool = False,
    ) -> tuple[np.ndarray, OptimizeResult]:
        """``Problem.optimize``; the Jacobian at the optimum only with ``final_jacobian`` (the
        full fit's, for the intervals: the short fits would spend one more finite-difference
        Jacobian each on it)."""

        def on_iteration(i: int, objective: float) -> None:
            if self.progress:
                self.progress(stage, i, objective)

        x_new, result = self.problem.optimize(
            x,
            iters,
            fd_step=self.opts.fd_step,
            on_iteration=on_iteration,
            free=free,
            final_jacobian=final_jacobian,
        )
        self.iterations += max(len(result.extras["objective"]) - 1, 0)
        return x_new, result

    def static_first(self, x: np.ndarray, iters: int) -> np.ndarray:
        """Fit the static parameters alone (stiffness, offsets, payload), the rest held.

        Damping, armature and friction change the response by a fraction of a percent; fitted
        together with a stiffness that is still 10% off they wander to their bounds to absorb
        its error (a local minimum). Fitting the stiffness first avoids that basin.
        """
        free = np.array([s.field in STATIC_FIELDS for s in self.problem.specs])
        if not free.any() or free[self.not_delay].all():
            return x
        x_new, _ = self.fit(x, iters, "static fit", free)
        return x_new

    def profile(self, x0: np.ndarray, k: int) -> float:
        """Cost after a short fit (all but the delay) from ``x0`` at ``k`` steps of delay."""
        if k not in self.profile_costs:
            start = self.problem.with_delay(x0, k * self.dt)
            x, result = self.fit(start, self.opts.refine_iters, f"delay {k} fit", self.not_delay)
            self.profile_costs[k] = final_cost(result)
            self.profile_x[k] = x
        return self.profile_costs[k]


def final_cost(result: OptimizeResult) -> float:
    """Cost at the end point of a ``Problem.optimize`` run."""
    return float(result.extras["objective"][-1])


def search_and_fit(
    search: Search, x0: np.ndarray, clock: StageTimes
) -> tuple[np.ndarray, OptimizeResult]:
    """Steps 1-3 of ``fit.py``'s procedure, each stage timed on ``clock``; returns the optimum of
    the full fit and its result (the Jacobian at the optimum included, for the intervals)."""
    opts, problem = search.opts, search.problem
    delay = opts.initial.command_delay_s
    if opts.fit_delay:
        problem.active = search.subset
        with clock.stage("delay scan"):
            k_scan = search.scan(x0)
        with clock.stage("static pre-fit"):
            x_static = search.static_first(
                problem.with_delay(x0, k_scan * search.dt), opts.refine_iters
            )
        with clock.stage("delay scan"):
            k = search.scan(x_static) if x_static is not x0 else k_scan
        with clock.stage("delay profile"):
            while True:
                for kk in (k - 1, k, k + 1):
                    if 0 <= kk <= search.kmax:
                        search.profile(x_static, kk)
                best = min(search.profile_costs, key=search.profile_costs.__getitem__)
                if best == k:
                    break
                k = best
        with clock.stage("fine delay scan"):
            delay = search.fine(search.profile_x[k], k)
    problem.active = search.train
    with clock.stage("static fit"):
        x = search.static_first(problem.with_delay(x0, delay), opts.max_iters)
    with clock.stage("full fit"):
        return search.fit(x, opts.max_iters, "fit", final_jacobian=True)
