"""Fit joint and servo parameters (and the command delay) to a recording.

Public entry points: ``fit_recording(path, ...)`` for a file and ``fit_trajectory(traj, ...)``
for an aligned ``Trajectory``; both return a ``FitResult``.

Procedure (the delay acts in whole physics steps, so it is searched, not differentiated):

1. scan the delay over 0..``max_delay_s`` at the starting parameters (one rollout each, on
   three training segments spread over the recording); fit the static parameters alone
   (stiffness, offsets, payload: see ``_Search.static_first``) and scan again;
2. profile: at the best scanned delay and its neighbours, a short fit of everything from the
   statically fitted parameters (a fit warm-started at a wrong delay's optimum sits on bounds
   and does not come back); walk to the neighbouring delay while its profile cost is lower. A
   one-step delay error costs far more than the noise (parameters compensate it only
   partially), so the profile has a sharp minimum;
3. at the chosen delay, on all training segments: the static fit from the starting parameters,
   then the full fit (``Problem.optimize``: sysid + mujoco.minimize) from there;
4. confidence intervals from the Jacobian at the optimum (``sysid.calculate_intervals``), an
   identifiability check, and the trajectory errors before/after on held-out segments.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.optimize import OptimizeResult

from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.parameters import (
    DEFAULT_FIELDS,
    STATIC_FIELDS,
    ParamSpec,
    param_specs,
)
from skillbridge.calibration.problem import (
    Problem,
    Segments,
    delay_of_steps,
    history_periods,
    steps_of_delay,
)
from skillbridge.calibration.recording import Trajectory, load_trajectory
from skillbridge.calibration.replay import replay_model
from skillbridge.calibration.uncertainty import Estimate, assess
from skillbridge.sim.overrides import ModelOverrides, apply_overrides
from skillbridge.sim.scene import ARM_JOINTS, FINGER_JOINT, SceneConfig

#: progress(stage, iteration, objective); stage is "delay scan", "fit", "delay check", ...
Progress = Callable[[str, int, float], None]


@dataclasses.dataclass(frozen=True)
class FitOptions:
    """What to identify and how."""

    fields: tuple[str, ...] = DEFAULT_FIELDS
    """Per-joint/actuator fields (see ``parameters.py``); the delay is controlled separately."""
    joints: tuple[str, ...] = ARM_JOINTS
    """Joints whose fields are fitted; all seven are always replayed and compared."""
    fit_delay: bool = True
    """Search the command delay; otherwise keep the initial overrides' delay."""
    max_delay_s: float = 0.04
    segment_s: float = 3.0
    """Length of the replayed segments, each restarted from the measured state."""
    validation_every: int = 4
    """Every n-th segment is held out for validation."""
    rate_hz: float = 50.0
    """Grid rate the recording is resampled to (a multiple of the physics rate's divisor)."""
    pos_scale_rad: float = 1e-4
    """Position residuals are divided by this: about the encoder noise (or expected misfit)."""
    vel_scale_rad_s: float = 1e-2
    """Velocity residuals are divided by this; velocities are noisier (differentiated)."""
    max_iters: int = 30
    refine_iters: int = 4
    """Iterations of each short fit of the delay profile (and of the static pre-fit there)."""
    fd_step: float = 1e-6
    """Relative finite-difference step of the Jacobian."""
    min_motion_rad: float = 0.02
    """A fitted joint commanded less than this (peak to peak) is refused as not excited."""
    nthread: int = 2
    scene: SceneConfig = dataclasses.field(default_factory=SceneConfig)
    initial: ModelOverrides = dataclasses.field(default_factory=ModelOverrides)
    """Starting point; fields not fitted keep these values in the output."""


@dataclasses.dataclass(frozen=True)
class FitResult:
    """Everything a fit found (values in physical units, angles in rad).

    Attributes:
        estimates: one per fitted scalar, with 95% confidence half-widths.
        overrides: the fitted ModelOverrides (no randomization or provenance yet).
        payload_kg: fitted payload (0 when not fitted; the simulator has no field for it).
        delay_steps: fitted command delay in physics steps; ``overrides.command_delay_s`` is
            ``delay_of_steps(delay_steps)``.
        delay_scan: (steps, cost) at the starting parameters (step 1).
        delay_profile: (steps, cost after a short fit) of the delays profiled (step 2).
        correlation: correlation of the estimates. Shape: (P, P).
        warnings: identifiability problems, in words.
        rms: trajectory errors, keys ``{train,validation}_{pos,vel}_{before,after}``
            (rad, rad/s).
        cost_before, cost_after: 0.5 * sum of squared weighted training residuals.
        iterations: optimizer iterations over all stages.
        wall_time_s: time the fit took.
        segments: segment layout (for reports); predictions: positions before/after per
            segment, each (S, L, 7), and the measured ones.
    """

    estimates: tuple[Estimate, ...]
    overrides: ModelOverrides
    payload_kg: float
    delay_steps: int
    physics_dt_s: float
    delay_scan: tuple[tuple[int, float], ...]
    delay_profile: tuple[tuple[int, float], ...]
    correlation: np.ndarray
    warnings: tuple[str, ...]
    rms: dict[str, float]
    cost_before: float
    cost_after: float
    iterations: int
    wall_time_s: float
    trajectory: Trajectory
    segments: Segments
    predicted_before: np.ndarray
    predicted_after: np.ndarray
    measured: np.ndarray

    @property
    def command_delay_s(self) -> float:
        return self.overrides.command_delay_s

    @property
    def validation_improvement(self) -> float:
        """Held-out position RMS before / after (higher is better)."""
        return self.rms["validation_pos_before"] / max(self.rms["validation_pos_after"], 1e-12)

    @property
    def failed(self) -> tuple[str, ...]:
        """Parameters whose estimate ended on a bound (see ``Estimate.at_bound``)."""
        return tuple(e.name for e in self.estimates if e.at_bound)

    def estimate(self, name: str) -> Estimate:
        for e in self.estimates:
            if e.name == name:
                return e
        raise KeyError(f"no estimate {name!r}; fitted: {[e.name for e in self.estimates]}")


def fit_recording(
    path: str | Path,
    options: FitOptions | None = None,
    *,
    states_topic: str = "joint_states",
    commands_topic: str = "joint_commands",
    time_source: str = "auto",
    progress: Progress | None = None,
) -> FitResult:
    """Load a bag or NPZ recording and fit it. See ``fit_trajectory``."""
    opts = options or FitOptions()
    traj = load_trajectory(
        path,
        ARM_JOINTS,
        opts.rate_hz,
        states_topic=states_topic,
        commands_topic=commands_topic,
        time_source=time_source,
        finger_joint=FINGER_JOINT,
        min_duration_s=2 * opts.segment_s,
        min_motion_rad=opts.min_motion_rad,
    )
    return fit_trajectory(traj, opts, progress)


def _build(traj: Trajectory, opts: FitOptions) -> tuple[Problem, tuple[ParamSpec, ...]]:
    if traj.joint_names != ARM_JOINTS:
        raise CalibrationError(f"the trajectory must hold the arm joints {list(ARM_JOINTS)}")
    still = [
        f"{j} ({traj.command_range_rad()[ARM_JOINTS.index(j)]:.4f} rad)"
        for j in opts.joints
        if traj.command_range_rad()[ARM_JOINTS.index(j)] < opts.min_motion_rad
    ]
    if still:
        raise CalibrationError(
            f"joints commanded less than {opts.min_motion_rad} rad peak to peak cannot be "
            f"identified: {', '.join(still)}; excite them or leave them out (--joints)"
        )
    model = replay_model(opts.scene)
    substeps = 1.0 / (traj.rate_hz * model.opt.timestep)
    if abs(substeps - round(substeps)) > 1e-6:
        raise CalibrationError(
            f"rate_hz {traj.rate_hz} does not divide the physics rate "
            f"{1 / model.opt.timestep:g} Hz; use e.g. 50 or 100"
        )
    length = int(round(opts.segment_s * traj.rate_hz))
    first = history_periods(model, int(round(substeps)))
    segments = Segments.split(len(traj.times_s), length, opts.validation_every, first)
    if len(segments.starts) < 2:
        raise CalibrationError(
            f"the recording ({traj.duration_s:.1f} s) holds fewer than two {opts.segment_s} s "
            "segments (one to fit, one to validate); record ~30 s"
        )
    nominal = replay_model(opts.scene)
    apply_overrides(nominal, opts.initial)
    specs = param_specs(nominal, opts.fields, opts.joints)
    weights = np.r_[np.full(7, 1 / opts.pos_scale_rad), np.full(7, 1 / opts.vel_scale_rad_s)]
    problem = Problem(
        traj=traj,
        model=model,
        specs=specs,
        base=opts.initial,
        segments=segments,
        weights=weights,
        nthread=opts.nthread,
    )
    return problem, specs


class _Search:
    """The delay search: a scan at fixed parameters, then a profile of short fits."""

    def __init__(self, problem: Problem, opts: FitOptions, progress: Progress | None) -> None:
        self.problem, self.opts, self.progress = problem, opts, progress
        self.scan_costs: dict[int, float] = {}
        """Costs at the starting parameters (the first scan; later scans do not overwrite)."""
        self.profile_costs: dict[int, float] = {}
        self.profile_x: dict[int, np.ndarray] = {}
        self.iterations = 0
        self.kmax = int(np.floor(opts.max_delay_s / problem.dt_s + 1e-9))
        train = np.flatnonzero(~problem.segments.validation)
        self.train = train
        self.subset = train[np.unique(np.linspace(0, len(train) - 1, 3).round().astype(int))]

    def scan(self, x: np.ndarray) -> int:
        """Delay with the lowest cost at fixed ``x`` over 0..kmax."""
        costs = {}
        for k in range(self.kmax + 1):
            costs[k] = self.problem.cost(x, k)
            if self.progress:
                self.progress("delay scan", k, costs[k])
        self.scan_costs = self.scan_costs or costs
        return min(costs, key=costs.__getitem__)

    def fit(
        self, x: np.ndarray, k: int, iters: int, stage: str, free: np.ndarray | None = None
    ) -> tuple[np.ndarray, OptimizeResult]:
        def on_iteration(i: int, objective: float) -> None:
            if self.progress:
                self.progress(stage, i, objective)

        x_new, result = self.problem.optimize(
            x, k, iters, fd_step=self.opts.fd_step, on_iteration=on_iteration, free=free
        )
        self.iterations += max(len(result.extras["objective"]) - 1, 0)
        return x_new, result

    def static_first(self, x: np.ndarray, k: int, iters: int) -> np.ndarray:
        """Fit the static parameters alone (stiffness, offsets, payload), the rest held.

        Damping, armature and friction change the response by a fraction of a percent; fitted
        together with a stiffness that is still 10% off they wander to their bounds to absorb
        its error (a local minimum). Fitting the stiffness first avoids that basin.
        """
        free = np.array([s.field in STATIC_FIELDS for s in self.problem.specs])
        if not free.any() or free.all():
            return x
        x_new, _ = self.fit(x, k, iters, "static fit", free)
        return x_new

    def profile(self, x0: np.ndarray, k: int) -> float:
        """Cost after a short fit from ``x0`` at delay ``k`` on a few training segments."""
        if k not in self.profile_costs:
            x, result = self.fit(x0, k, self.opts.refine_iters, f"delay {k} fit")
            self.profile_costs[k] = _final_cost(result)
            self.profile_x[k] = x
        return self.profile_costs[k]


def _final_cost(result: OptimizeResult) -> float:
    return float(result.extras["objective"][-1])


def _search(search: _Search, x0: np.ndarray, k0: int) -> tuple[np.ndarray, int, OptimizeResult]:
    """Steps 1-3 of the module docstring; returns the optimum, its delay and its result."""
    opts, problem = search.opts, search.problem
    if opts.fit_delay:
        problem.active = search.subset
        k_scan = search.scan(x0)
        x_static = search.static_first(x0, k_scan, opts.refine_iters)
        k = search.scan(x_static) if x_static is not x0 else k_scan
        while True:
            for kk in (k - 1, k, k + 1):
                if 0 <= kk <= search.kmax:
                    search.profile(x_static, kk)
            best = min(search.profile_costs, key=search.profile_costs.__getitem__)
            if best == k:
                break
            k = best
    else:
        k = k0
    problem.active = search.train
    x = search.static_first(x0, k, opts.max_iters)
    x, result = search.fit(x, k, opts.max_iters, "fit")
    return x, k, result


def _rms(err: np.ndarray) -> float:
    return float(np.sqrt(np.mean(err**2))) if err.size else float("nan")


def fit_trajectory(
    traj: Trajectory, options: FitOptions | None = None, progress: Progress | None = None
) -> FitResult:
    """Identify ``options.fields`` of ``options.joints`` (and the delay) from ``traj``.

    Raises:
        CalibrationError: joints not excited, a recording too short for two segments, or a
            grid rate that does not divide the physics rate.
    """
    start = time.perf_counter()
    opts = options or FitOptions()
    problem, specs = _build(traj, opts)
    search = _Search(problem, opts, progress)
    x0 = problem.x0
    k0 = steps_of_delay(opts.initial.command_delay_s, problem.dt_s)
    cost_before = problem.cost(x0, k0)
    x, k, result = _search(search, x0, k0)
    residual = problem.residual(x, k)
    estimates, correlation, warnings = assess(
        specs, x, residual, np.asarray(result.jac), np.asarray(x0)
    )
    problem.set_delay_steps(k)
    problem.params.update_from_vector(x / problem.scales)
    overrides, payload = problem.candidate(problem.params)
    everything = np.arange(len(problem.segments.starts))
    before, vel_before = problem.simulate(x0, k0, everything)
    after, vel_after = problem.simulate(x, k, everything)
    pos_meas, vel_meas = problem.measured(everything)
    val = problem.segments.validation
    rms = {}
    for split, mask in (("train", ~val), ("validation", val)):
        rms[f"{split}_pos_before"] = _rms(before[mask] - pos_meas[mask])
        rms[f"{split}_pos_after"] = _rms(after[mask] - pos_meas[mask])
        rms[f"{split}_vel_before"] = _rms(vel_before[mask] - vel_meas[mask])
        rms[f"{split}_vel_after"] = _rms(vel_after[mask] - vel_meas[mask])
    return FitResult(
        estimates=estimates,
        overrides=dataclasses.replace(overrides, command_delay_s=delay_of_steps(k, problem.dt_s)),
        payload_kg=payload,
        delay_steps=k,
        physics_dt_s=problem.dt_s,
        delay_scan=tuple(sorted(search.scan_costs.items())),
        delay_profile=tuple(sorted(search.profile_costs.items())),
        correlation=correlation,
        warnings=warnings,
        rms=rms,
        cost_before=cost_before,
        cost_after=0.5 * float(residual @ residual),
        iterations=search.iterations,
        wall_time_s=time.perf_counter() - start,
        trajectory=traj,
        segments=problem.segments,
        predicted_before=before,
        predicted_after=after,
        measured=pos_meas,
    )
