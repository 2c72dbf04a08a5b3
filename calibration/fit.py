"""Fit joint and servo parameters (and the command delay) to a recording.

Public entry points: ``fit_recording(path, ...)`` for a file and ``fit_trajectory(traj, ...)``
for an aligned ``Trajectory``; both return a ``FitResult``.

Procedure. The command delay is continuous (the replay blends the delayed command into the
physics step it falls in), but the cost has many local minima across steps, so it is searched on
the physics-step grid first and refined after:

1. scan the delay over whole steps 0..``max_delay_s`` at the starting parameters (one batch of
   rollouts on three training segments spread over the recording); fit the static parameters
   alone (stiffness, offsets, payload: see ``search.Search.static_first``) and scan again;
2. profile: at the best scanned step and its neighbours, a short fit of everything but the delay
   from the statically fitted parameters (a fit warm-started at a wrong delay's optimum sits on
   bounds and does not come back); walk to the neighbouring step while its profile cost is
   lower; then scan the delay finely (``fine_delay_s``) over one step either side at the best
   step's profile parameters;
3. at that delay, on all training segments: the static fit from the starting parameters, then
   the full fit of everything, the delay included (``Problem.optimize``: mujoco.minimize on
   batched rollouts) from there (steps 1-3: ``search.py``);
3b. a damping left on its bound: the prior on it and the full fit again (see Priors);
4. confidence intervals from the Jacobian at the optimum: a block sandwich over windows of
   ``interval_block_s`` of the segments (``uncertainty.assess``), an identifiability check, and
   the trajectory errors before/after on held-out segments.

Every stage's wall time is in ``FitResult.stage_times_s``.

Priors: encoder offsets get a Gaussian prior around the starting value (``offset_prior_rad``):
gravity loads an offset only weakly (the servo regulates the reported angle) and joint 1's not
at all. A joint's damping gets one (``damping_prior_nm_s_per_rad``) when the full fit leaves it
on its bound: the recording determines the servo's kv plus the damping, so a model mismatch
goes there; the fit then runs again from its optimum with that damping back at its start and
the prior on it (step 3b, "damping prior" in the stage times), and a warning says so.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from pathlib import Path

import numpy as np
from scipy.optimize import OptimizeResult

from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.parameters import (
    DEFAULT_FIELDS,
    ParamSpec,
    delay_spec,
    one_viscous_term,
    param_specs,
)
from skillbridge.calibration.problem import Problem, Segments, history_periods
from skillbridge.calibration.recording import Trajectory, load_trajectory
from skillbridge.calibration.replay import replay_model
from skillbridge.calibration.search import Progress, Search, search_and_fit
from skillbridge.calibration.timing import StageTimes
from skillbridge.calibration.uncertainty import Estimate, assess, on_bound
from skillbridge.sim.overrides import ModelOverrides, apply_overrides
from skillbridge.sim.scene import ARM_JOINTS, FINGER_JOINT, SceneConfig


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
    fine_delay_s: float = 0.0001
    """Grid of the fine delay scan (step 2) before the full fit refines the delay."""
    offset_prior_rad: float = 0.01
    """Standard deviation of the Gaussian prior on each encoder offset (around the initial
    value); 0 or inf: no prior."""
    offset_priors_rad: Mapping[str, float] = dataclasses.field(default_factory=dict)
    """Per joint, a prior that replaces ``offset_prior_rad``: a fixture's standard deviations
    (``calibrate fit --fixture``), around the fixture's offsets as initial values."""
    damping_prior_nm_s_per_rad: float = 3.0
    """Standard deviation of the Gaussian prior on a joint's damping (around the initial value,
    Menagerie's 1 N m s/rad by default); 0 or inf: none. The recording determines the servo's
    kv plus the damping (kv is 100-450x a joint's damping), so the damping is where a model
    mismatch goes: without a prior joint 7's damping ran to its bound on every robot of the
    coverage study and its kp came out 6-8 % high. By default only a damping the full fit left
    on its bound gets the prior, in a second stage (``damping_prior_everywhere``)."""
    damping_prior_everywhere: bool = False
    """True: every damping carries the prior from the start. On the coverage study's robots that
    met the kp target but doubled the offset errors of joints 5 and 6, which the free dampings
    had absorbed (docs/calibration.md, "Damping prior")."""
    interval_block_s: float | None = 3.0
    """Window of the block-sandwich covariance; None: the Gauss-Newton covariance (white
    residuals of a correct model). The default, the segment length, makes each training segment
    one block: chosen on the coverage study's development robots (docs/calibration.md), where
    shorter windows covered the truth far less often."""
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
class Optimum:
    """The optimum's residual and Jacobian, as the intervals use them.

    Attributes:
        specs: the fitted parameters (the delay included when fitted).
        x, x0: optimum and start, physical units. Shape: (P,).
        residual: data rows then ``prior_rows`` prior rows. Shape: (M,).
        jacobian: Shape: (M, P).
        samples_per_segment: samples per segment of the data rows (14 rows a sample).
        segments: training segments in the data rows.
        rate_hz: sample rate.
    """

    specs: tuple[ParamSpec, ...]
    x: np.ndarray
    x0: np.ndarray
    residual: np.ndarray
    jacobian: np.ndarray
    prior_rows: int
    samples_per_segment: int
    segments: int
    rate_hz: float

    def blocks(self, block_s: float | None) -> np.ndarray | None:
        """Block id of every data row: windows of ``block_s`` within each segment."""
        if block_s is None:
            return None
        length = self.samples_per_segment
        per_block = max(1, int(round(block_s * self.rate_hz)))
        per_segment = int(np.ceil(length / per_block))
        sample = np.arange(length) // per_block
        ids = np.concatenate([seg * per_segment + sample for seg in range(self.segments)])
        return np.repeat(ids, 14)  # 7 positions and 7 velocities per sample


def intervals(
    optimum: Optimum, block_s: float | None
) -> tuple[tuple[Estimate, ...], np.ndarray, tuple[str, ...]]:
    """Estimates (the delay's included), correlation and warnings with windows of ``block_s``
    (block sandwich) or, for None, the Gauss-Newton covariance."""
    return assess(
        optimum.specs,
        optimum.x,
        optimum.residual,
        optimum.jacobian,
        optimum.x0,
        blocks=optimum.blocks(block_s),
        prior_rows=optimum.prior_rows,
    )


@dataclasses.dataclass(frozen=True)
class FitResult:
    """Everything a fit found (values in physical units, angles in rad).

    Attributes:
        estimates: one per fitted scalar, with 95% confidence half-widths.
        overrides: the fitted ModelOverrides (no randomization or provenance yet).
        payload_kg: fitted payload (0 when not fitted; the simulator has no field for it).
        delay_steps: the fitted delay in whole physics steps (rounded); the delay itself is
            ``command_delay_s`` (the lag from a command's stamp to when it acts).
        delay: the delay's estimate (None when the delay was not fitted).
        delay_scan: (steps, cost) at the starting parameters (step 1).
        delay_profile: (steps, cost after a short fit) of the delays profiled (step 2).
        correlation: correlation of the estimates. Shape: (P, P).
        warnings: identifiability problems, in words.
        rms: trajectory errors, keys ``{train,validation}_{pos,vel}_{before,after}``
            (rad, rad/s).
        cost_before, cost_after: 0.5 * sum of squared weighted training residuals.
        iterations: optimizer iterations over all stages.
        wall_time_s: time the fit took.
        stage_times_s: wall time per stage (``setup``, ``delay scan``, ``static pre-fit``,
            ``delay profile``, ``fine delay scan``, ``static fit``, ``full fit``,
            ``intervals``, ``held-out check``), seconds, in the order they first ran.
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
    delay: Estimate | None = None
    optimum: Optimum | None = None
    """What the intervals are computed from (``intervals`` recomputes them another way)."""
    stage_times_s: dict[str, float] = dataclasses.field(default_factory=dict)

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
        every = (*self.estimates, *((self.delay,) if self.delay else ()))
        return tuple(e.name for e in every if e.at_bound)

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


def build_problem(traj: Trajectory, opts: FitOptions) -> tuple[Problem, tuple[ParamSpec, ...]]:
    """The fit's problem for ``traj`` (segments, parameters, weights, priors) and its parameters.

    Raises:
        CalibrationError: joints not excited, a recording too short for two segments, or a
            grid rate that does not divide the physics rate.
    """
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
    specs = param_specs(nominal, one_viscous_term(opts.fields)[0], opts.joints)
    if opts.fit_delay:
        specs = (*specs, delay_spec(opts.initial.command_delay_s, opts.max_delay_s))
    sigma_of_field = {"offset": opts.offset_prior_rad}
    if opts.damping_prior_everywhere:
        sigma_of_field["damping"] = opts.damping_prior_nm_s_per_rad

    def sigma(spec: ParamSpec) -> float:
        if spec.field == "offset" and spec.target in opts.offset_priors_rad:
            return opts.offset_priors_rad[spec.target]
        return sigma_of_field.get(spec.field, 0.0)

    priors = {s.name: (s.initial, sigma(s)) for s in specs if 0 < sigma(s) < np.inf}
    weights = np.r_[np.full(7, 1 / opts.pos_scale_rad), np.full(7, 1 / opts.vel_scale_rad_s)]
    problem = Problem(
        traj=traj,
        model=model,
        specs=specs,
        base=opts.initial,
        segments=segments,
        weights=weights,
        nthread=opts.nthread,
        priors=priors,
    )
    return problem, specs


def _intervals_at(
    problem: Problem,
    specs: tuple[ParamSpec, ...],
    x: np.ndarray,
    x0: np.ndarray,
    result: OptimizeResult,
    opts: FitOptions,
) -> tuple[np.ndarray, Optimum, tuple[Estimate, ...], np.ndarray, tuple[str, ...]]:
    """Step 4: residual at the optimum, the ``Optimum`` and its intervals."""
    residual = problem.residual(x)
    optimum = Optimum(
        specs=specs,
        x=x,
        x0=x0,
        residual=residual,
        jacobian=np.asarray(result.jac),
        prior_rows=problem.num_prior_rows,
        samples_per_segment=problem.segments.length,
        segments=len(problem.active),
        rate_hz=problem.traj.rate_hz,
    )
    every, correlation, warnings = intervals(optimum, opts.interval_block_s)
    return residual, optimum, every, correlation, warnings


def _damping_off_its_bound(
    search: Search,
    specs: tuple[ParamSpec, ...],
    x: np.ndarray,
    result: OptimizeResult,
    clock: StageTimes,
) -> tuple[np.ndarray, OptimizeResult, str | None]:
    """Second stage: a damping the full fit left on its bound gets the Gaussian prior
    (``damping_prior_nm_s_per_rad`` around its start) and the fit runs again from the optimum,
    that damping back at its start. Returns the new optimum and result, and a note naming them
    (None and the inputs when no damping is on a bound or the prior is off)."""
    problem, opts = search.problem, search.opts
    sigma = opts.damping_prior_nm_s_per_rad
    if opts.damping_prior_everywhere or not 0 < sigma < np.inf:
        return x, result, None
    bounded = [i for i, s in enumerate(specs) if s.field == "damping" and on_bound(x[i], s)]
    if not bounded:
        return x, result, None
    problem.set_priors(
        {**problem.priors, **{specs[i].name: (specs[i].initial, sigma) for i in bounded}}
    )
    start = np.array(x, float)
    start[bounded] = [specs[i].initial for i in bounded]
    with clock.stage("damping prior"):
        x, result = search.fit(start, opts.max_iters, "damping prior", final_jacobian=True)
    names = ", ".join(specs[i].name for i in bounded)
    note = (
        f"{names} ended on a bound in the full fit (the recording cannot separate a joint's "
        f"damping from its servo's kv, so a model mismatch goes there): refitted with a "
        f"Gaussian prior of {sigma:g} N m s/rad around the start; its value leans on the prior"
    )
    return x, result, note


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
    clock = StageTimes()
    opts = options or FitOptions()
    with clock.stage("setup"):
        problem, specs = build_problem(traj, opts)
        search = Search(problem, opts, progress)
        x0 = problem.x0
        cost_before = problem.cost(x0)
    x, result = search_and_fit(search, x0, clock)
    x, result, regularized = _damping_off_its_bound(search, specs, x, result, clock)
    with clock.stage("intervals"):
        residual, optimum, every, correlation, warnings = _intervals_at(
            problem, specs, x, np.asarray(x0), result, opts
        )
    viscous_note = one_viscous_term(opts.fields)[1]
    notes = [n for n in (viscous_note, regularized) if n]
    warnings = (*notes, *warnings)
    overrides, payload = problem.candidate_of(x)
    delay = next((e for e in every if e.field == "delay"), None)
    estimates = tuple(e for e in every if e.field != "delay")
    everything = np.arange(len(problem.segments.starts))
    with clock.stage("held-out check"):
        before, vel_before = problem.simulate(x0, everything)
        after, vel_after = problem.simulate(x, everything)
        pos_meas, vel_meas = problem.measured(everything)
        val = problem.segments.validation
        rms = {}
        for split, mask in (("train", ~val), ("validation", val)):
            rms[f"{split}_pos_before"] = _rms(before[mask] - pos_meas[mask])
            rms[f"{split}_pos_after"] = _rms(after[mask] - pos_meas[mask])
            rms[f"{split}_vel_before"] = _rms(vel_before[mask] - vel_meas[mask])
            rms[f"{split}_vel_after"] = _rms(vel_after[mask] - vel_meas[mask])
    keep = np.array([s.field != "delay" for s in specs])
    return FitResult(
        estimates=estimates,
        overrides=overrides,
        payload_kg=payload,
        delay_steps=int(round(overrides.command_delay_s / problem.dt_s)),
        physics_dt_s=problem.dt_s,
        delay_scan=tuple(sorted(search.scan_costs.items())),
        delay_profile=tuple(sorted(search.profile_costs.items())),
        correlation=correlation[np.ix_(keep, keep)],
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
        delay=delay,
        optimum=optimum,
        stage_times_s=dict(clock.seconds),
    )
