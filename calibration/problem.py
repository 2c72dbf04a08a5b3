"""The least-squares problem on top of ``mujoco.sysid``: segments, residual, optimizer calls.

The recording is cut into segments of ``segment_s``; each becomes a ``sysid.SystemTrajectory``
whose initial state is the measured state at the segment start (multiple shooting: a bad guess
cannot drift for the whole recording). ``residual_columns`` evaluates the residual for every
finite-difference column of the optimizer at once: each column is one candidate, and all
candidates x active segments run as one ``Replayer.run`` on a ``mujoco.batch.Batch`` (the
candidate's parameters written into per-simulation model fields once per candidate). The
residual is measured minus simulated encoder readings, positions divided by ``pos_scale_rad``
and velocities by ``vel_scale_rad_s``. (This is what ``sysid.model_residual`` computes through
its ``custom_rollout`` and ``modify_residual`` hooks, without its per-segment calls and
per-column copies of the parameters.)

``optimize`` runs ``mujoco.minimize.least_squares`` (box-constrained Gauss-Newton /
Levenberg-Marquardt, Jacobian-scaled), as ``sysid.optimize`` does, from the scaled values and
bounds of a ``sysid.ParameterDict``; the Jacobian at the optimum is evaluated only when asked
(the intervals need it, the short fits of the delay search do not). The command delay is
one of the parameters (``parameters.delay_spec``) when it is fitted: the replay blends the
delayed command into the physics step it falls in, so the residual is continuous in the delay
(its slope changes where the delay crosses a whole step).

Priors: a parameter spec may carry a Gaussian prior (``priors``: name -> (mean, sigma)); each
adds a residual row ``(value - mean) / sigma`` after the data rows (``prior_rows``), which keeps
weakly identified parameters (an offset gravity barely loads) near their prior mean instead of
running to a bound.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable

import mujoco
import numpy as np
from mujoco import minimize
from scipy.optimize import OptimizeResult

from skillbridge.calibration._sysid import sysid
from skillbridge.calibration.parameters import ABS_FLOOR, ParamSpec, to_overrides
from skillbridge.calibration.recording import Trajectory
from skillbridge.calibration.replay import Replayer, state_at
from skillbridge.sim.overrides import ModelOverrides


def delay_of_steps(steps: int, dt_s: float) -> float:
    """The ``command_delay_s`` that makes MuJoCo apply exactly ``steps`` physics steps of delay.

    MuJoCo reads a delayed control from the history at ``t - delay`` with zero-order hold, and
    reading precedes writing: any delay in ``((k - 1) dt, k dt]`` acts as k steps. The midpoint
    ``(k - 1/2) dt`` gives k steps independent of floating-point rounding of ``k dt``. (The fit's
    replay delays continuously: there, k steps of lag are ``k dt``.)
    """
    return 0.0 if steps <= 0 else (steps - 0.5) * dt_s


def steps_of_delay(delay_s: float, dt_s: float) -> int:
    """Physics steps of delay MuJoCo applies for ``delay_s`` (inverse of ``delay_of_steps``)."""
    return 0 if delay_s <= 0 else int(np.ceil(delay_s / dt_s - 1e-6))


def history_periods(model: mujoco.MjModel, substeps: int) -> int:
    """Control periods of past commands a replay needs: the longest actuator delay the model
    can hold, plus one. A segment starting earlier in a recording than this would have to guess
    what was commanded before the recording began (a real robot was holding some other target),
    so the first segment starts here."""
    return int(np.ceil(model.actuator_history[:, 0].max() / substeps)) + 1


@dataclasses.dataclass(frozen=True)
class Segments:
    """Grid indices where segments start, their length, and which are held out."""

    starts: np.ndarray
    length: int
    validation: np.ndarray

    @staticmethod
    def split(num_samples: int, length: int, validation_every: int, first: int = 0) -> Segments:
        """Consecutive segments of ``length`` samples from grid index ``first`` (the samples
        before it only supply the first segment's command history)."""
        count = (num_samples - 1 - first) // length
        starts = first + np.arange(max(count, 0)) * length
        validation = (np.arange(count) % validation_every) == validation_every - 1
        if count >= 2 and not validation.any():
            validation[-1] = True
        return Segments(starts, length, validation)


class Problem:
    """Residuals of one trajectory for candidate parameter vectors (see module docstring)."""

    def __init__(
        self,
        *,
        traj: Trajectory,
        model: mujoco.MjModel,
        specs: tuple[ParamSpec, ...],
        base: ModelOverrides,
        segments: Segments,
        weights: np.ndarray,
        nthread: int,
        priors: dict[str, tuple[float, float]] | None = None,
    ) -> None:
        self.traj = traj
        self.model = model
        self.specs = specs
        self.base = base
        self.segments = segments
        self.weights = weights
        self.dt_s = float(model.opt.timestep)
        self.period_s = 1.0 / traj.rate_hz
        self.substeps = int(round(self.period_s / self.dt_s))
        self.replayer = Replayer(model, nthread)
        self.scales = np.array([max(abs(s.initial), ABS_FLOOR[s.field]) for s in specs])
        """Physical value = optimizer value * scale: the optimizer sees values of order one, so
        its relative step tolerance and finite-difference steps mean the same for kp (~4000)
        and armature (~0.1)."""
        self.params = sysid.ParameterDict()
        for s, scale in zip(specs, self.scales, strict=True):
            self.params.add(
                sysid.Parameter(s.name, s.initial / scale, s.lower / scale, s.upper / scale)
            )
        self.delay_index = next((i for i, s in enumerate(specs) if s.field == "delay"), None)
        """Position of the delay in the parameter vector (None: the delay is not fitted)."""
        self.set_priors(priors or {})
        self.history = history_periods(model, self.substeps)
        """Past commands each segment's control carries before its first replayed command."""
        self.trajectories = [self._segment(int(s)) for s in segments.starts]
        self.x_scale: str | float = "jac"
        self.active = np.flatnonzero(~segments.validation)
        """Segments the residual (and so the optimizer) uses; the training ones by default."""

    def set_priors(self, priors: dict[str, tuple[float, float]]) -> None:
        """Gaussian priors, name -> (mean, sigma), replacing any before: one residual row each."""
        self.priors = dict(priors)
        self.prior_index = np.array([i for i, s in enumerate(self.specs) if s.name in priors], int)
        self.prior_mean = np.array([priors[self.specs[i].name][0] for i in self.prior_index])
        self.prior_sigma = np.array([priors[self.specs[i].name][1] for i in self.prior_index])

    # --- data ---------------------------------------------------------------------------------
    def _segment(self, start: int) -> sysid.SystemTrajectory:
        """The measured segment starting at grid index ``start``, as a ``SystemTrajectory``."""
        t, L, history = self.traj.times_s, self.segments.length, self.history
        state = state_at(self.model, self.traj, start, history, self.substeps)
        rows = np.clip(np.arange(start - history, start + L), 0, None)  # before 0: the first
        commands = self.traj.command_rad[rows]
        control = np.column_stack([commands, np.full(len(rows), self.traj.finger_m)])
        measured = np.hstack(
            [
                self.traj.position_rad[start + 1 : start + L + 1],
                self.traj.velocity_rad_s[start + 1 : start + L + 1],
            ]
        )
        return sysid.SystemTrajectory(
            model=self.model,
            control=sysid.TimeSeries(t[start] + np.arange(-history, L) * self.period_s, control),
            sensordata=sysid.TimeSeries(t[start + 1 : start + L + 1], measured),
            initial_state=state,
            state=None,
        )

    # --- candidates and residuals -----------------------------------------------------------
    def candidate_of(self, x: np.ndarray) -> tuple[ModelOverrides, float]:
        """Physical parameter values -> (overrides, payload kg)."""
        return to_overrides(self.specs, x, self.base.command_delay_s, self.base, self.model)

    def physical(self, z: np.ndarray) -> np.ndarray:
        """Optimizer vector(s) of the free parameters -> physical values of all parameters;
        frozen ones keep their ``params`` value. ``z``: (F,) or (F, n). Returns (P, n)."""
        columns = z.reshape(z.shape[0], -1)
        values = np.array([self.params[s.name].value[0] for s in self.specs])
        values = np.repeat(values[:, None], columns.shape[1], axis=1)
        values[~self._frozen()] = columns
        return values * self.scales[:, None]

    def _frozen(self) -> np.ndarray:
        return np.array([self.params[s.name].frozen for s in self.specs])

    def predict(
        self, candidates: list[tuple[ModelOverrides, float]], which: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Reported positions and velocities of every candidate on segments ``which``, all in
        one batch (a candidate's model fields are written once for all its segments).

        Returns:
            Positions and velocities, each (len(candidates), len(which), L, 7).
        """
        trajs = [self.trajectories[i] for i in which]
        pos, vel, _ = self.replayer.run(
            [c for c in candidates for _ in trajs],
            [t.initial_state for _ in candidates for t in trajs],
            [t.control.data[:, :-1] for _ in candidates for t in trajs],
            self.traj.finger_m,
            self.substeps,
            self.history,
        )
        shape = (len(candidates), len(trajs), *pos.shape[1:])
        return pos.reshape(shape), vel.reshape(shape)

    def residual_columns(self, z: np.ndarray) -> np.ndarray:
        """Weighted residual of the ``active`` segments, then the prior rows, at optimizer
        vector(s) ``z`` of the free parameters: every finite-difference column of the optimizer
        is one candidate, and all candidates x segments run as one batch.

        Rows: per active segment, per sample, measured minus simulated positions (7) and
        velocities (7), times ``weights``; then ``(value - mean) / sigma`` per prior.

        Args:
            z: (F,) or (F, n) for n columns.

        Returns:
            (M,) or (M, n).
        """
        values = self.physical(z)
        candidates = [self.candidate_of(values[:, c]) for c in range(values.shape[1])]
        pos, vel = self.predict(candidates, self.active)
        measured = np.stack([self.trajectories[i].sensordata.data for i in self.active])
        data = (measured[None] - np.concatenate([pos, vel], axis=-1)) * self.weights
        rows = data.reshape(len(candidates), -1).T
        if len(self.prior_index):
            mean, sigma = self.prior_mean[:, None], self.prior_sigma[:, None]
            rows = np.concatenate([rows, (values[self.prior_index] - mean) / sigma])
        return rows[:, 0] if z.ndim == 1 else rows

    # --- evaluations --------------------------------------------------------------------------
    @property
    def x0(self) -> np.ndarray:
        """Starting values, physical units. Shape: (P,)."""
        return np.array([s.initial for s in self.specs])

    def with_delay(self, x: np.ndarray, delay_s: float) -> np.ndarray:
        """``x`` with the delay set to ``delay_s`` (``x`` itself when the delay is not fitted)."""
        if self.delay_index is None:
            return x
        out = np.array(x, float)
        out[self.delay_index] = delay_s
        return out

    def residual(self, x: np.ndarray) -> np.ndarray:
        """Weighted residual of the active segments at ``x`` (physical), flat, then the prior
        rows (``num_prior_rows``). Shape: (M,)."""
        return self.residual_columns(np.asarray(x, float) / self.scales)

    @property
    def num_prior_rows(self) -> int:
        return len(self.prior_index)

    def cost(self, x: np.ndarray) -> float:
        """0.5 * sum of squared residuals (active segments and priors) at ``x``."""
        r = self.residual(x)
        return 0.5 * float(r @ r)

    def costs(self, xs: list[np.ndarray]) -> np.ndarray:
        """``cost`` of several parameter vectors, simulated in one batch. Shape: (len(xs),)."""
        pos, vel = self.predict([self.candidate_of(x) for x in xs], self.active)
        measured = np.stack([self.trajectories[i].sensordata.data for i in self.active])
        pred = np.concatenate([pos, vel], axis=-1)
        data = 0.5 * np.sum(((measured[None] - pred) * self.weights) ** 2, axis=(1, 2, 3))
        if not len(self.prior_index):
            return data
        prior = np.array([(x[self.prior_index] - self.prior_mean) / self.prior_sigma for x in xs])
        return data + 0.5 * np.sum(prior**2, axis=1)

    def optimize(
        self,
        x0: np.ndarray,
        max_iters: int,
        *,
        fd_step: float,
        on_iteration: Callable[[int, float], None] | None = None,
        free: np.ndarray | None = None,
        final_jacobian: bool = True,
    ) -> tuple[np.ndarray, OptimizeResult]:
        """``mujoco.minimize.least_squares`` from ``x0`` on ``residual_columns`` (what
        ``sysid.optimize`` runs, with the parameters' scaled values and bounds); returns the
        optimum and the result.

        Args:
            x0: starting values of all parameters (the delay included when fitted), moved 1% off
                any bound. Shape: (P,).
            max_iters: optimizer iteration limit.
            fd_step: relative finite-difference step.
            on_iteration: called with (iteration, objective) after each iteration.
            free: which parameters to fit (the others stay at ``x0``); all by default.
            final_jacobian: also evaluate the Jacobian at the optimum (one finite-difference
                column per free parameter), which only the intervals need.

        Returns:
            All parameters (P,), physical units, and the optimizer result: ``jac`` at the
            optimum with respect to the physical values of the free parameters (data rows,
            then prior rows; None without ``final_jacobian``), ``extras['objective']`` per
            iteration and at the end, ``extras['log']`` the optimizer's text log.
        """
        lower = np.array([s.lower for s in self.specs])
        upper = np.array([s.upper for s in self.specs])
        inset = 0.01 * (upper - lower)
        x0 = np.asarray(x0, float)
        free = np.ones(len(self.specs), bool) if free is None else np.asarray(free, bool)
        start = np.where(free, np.clip(x0, lower + inset, upper - inset), x0) / self.scales
        for spec, value, is_free in zip(self.specs, start, free, strict=True):
            self.params[spec.name].value[:] = value
            self.params[spec.name].frozen = not is_free
        log = io.StringIO()

        def callback(trace: list) -> None:
            if on_iteration is not None:
                on_iteration(len(trace), float(trace[-1].objective))

        try:
            z, trace = minimize.least_squares(
                x0=self.params.as_vector(),
                residual=self.residual_columns,
                bounds=self.params.get_bounds(),
                verbose=minimize.Verbosity.FULLITER if final_jacobian else minimize.Verbosity.ITER,
                max_iter=max_iters,
                x_scale=self.x_scale,
                eps=fd_step,
                xtol=1e-6,
                output=log,
                iter_callback=callback,
            )
            x = self.physical(z)[:, 0]
        finally:
            for spec in self.specs:
                self.params[spec.name].frozen = False
        jac = None
        if final_jacobian:
            jac = np.asarray(trace[-1].jacobian) / self.scales[free][None, :]
        extras = {"objective": [float(t.objective) for t in trace], "log": log.getvalue()}
        return x, OptimizeResult(x=x, jac=jac, extras=extras)

    def simulate(self, x: np.ndarray, which: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Reported positions and velocities of segments ``which``, each (n, L, 7)."""
        pos, vel = self.predict([self.candidate_of(np.asarray(x, float))], which)
        return pos[0], vel[0]

    def measured(self, which: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Measured positions and velocities of segments ``which``, each (n, L, 7)."""
        data = np.stack([self.trajectories[i].sensordata.data for i in which])
        return data[..., :7], data[..., 7:]
