"""The least-squares problem on top of ``mujoco.sysid``: segments, residual, optimizer calls.

The recording is cut into segments of ``segment_s``; each becomes a ``sysid.SystemTrajectory``
whose initial state is the measured state at the segment start (multiple shooting: a bad guess
cannot drift for the whole recording). ``sysid.model_residual`` evaluates every finite-difference
column of the optimizer in one call per segment through two documented extension points:

- ``custom_rollout``: ``Replayer.run`` on a ``mujoco.batch.Batch``, one simulation per column,
  with the column's parameters written into per-simulation model fields;
- ``modify_residual``: measured minus simulated encoder readings, positions divided by
  ``pos_scale_rad`` and velocities by ``vel_scale_rad_s``.

``sysid.optimize`` then runs ``mujoco.minimize.least_squares`` (box-constrained Gauss-Newton /
Levenberg-Marquardt, Jacobian-scaled) from ``sysid.ParameterDict`` bounds. The command delay is
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
        priors = priors or {}
        self.prior_index = np.array([i for i, s in enumerate(specs) if s.name in priors], int)
        self.prior_mean = np.array([priors[specs[i].name][0] for i in self.prior_index])
        self.prior_sigma = np.array([priors[specs[i].name][1] for i in self.prior_index])
        self.history = history_periods(model, self.substeps)
        """Past commands each segment's control carries before its first replayed command."""
        self.trajectories = [self._segment(int(s)) for s in segments.starts]
        self.x_scale: str | float = "jac"
        self.active = np.flatnonzero(~segments.validation)
        """Segments the residual (and so the optimizer) uses; the training ones by default."""

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

    # --- sysid extension points ---------------------------------------------------------------
    def candidate(self, params: sysid.ParameterDict) -> tuple[ModelOverrides, float]:
        """A parameter dict -> (overrides, payload kg) for the simulator."""
        values = np.array([params[s.name].value[0] for s in self.specs]) * self.scales
        return self.candidate_of(values)

    def candidate_of(self, x: np.ndarray) -> tuple[ModelOverrides, float]:
        """Physical parameter values -> (overrides, payload kg)."""
        return to_overrides(self.specs, x, self.base.command_delay_s, self.base, self.model)

    def rollout(
        self,
        *,
        models: list[mujoco.MjModel],
        control_signal: list[sysid.TimeSeries],
        initial_states: list[np.ndarray],
        param_dicts: list[sysid.ParameterDict],
        **_: object,
    ) -> list[sysid.SystemTrajectory]:
        """``sysid.CustomRolloutFn``: one batch simulation per (column, segment)."""
        per_dict = len(models) // len(param_dicts)
        candidates = [self.candidate(param_dicts[i // per_dict]) for i in range(len(models))]
        pos, vel, _finger = self.replayer.run(
            candidates,
            list(initial_states),
            [ts.data[:, :-1] for ts in control_signal],
            self.traj.finger_m,
            self.substeps,
            self.history,
        )
        out = []
        for i, control in enumerate(control_signal):
            times = control.times[self.history :] + self.period_s
            data = np.hstack([pos[i], vel[i]])
            out.append(
                sysid.SystemTrajectory(
                    model=models[i],
                    control=control,
                    sensordata=sysid.TimeSeries(times, data),
                    initial_state=initial_states[i],
                    state=sysid.TimeSeries(times, np.column_stack([times, data])),
                )
            )
        return out

    def modify_residual(
        self,
        params: sysid.ParameterDict,
        predicted: sysid.TimeSeries,
        measured: sysid.TimeSeries,
        model: mujoco.MjModel,
        return_pred_all: bool,
        **_: object,
    ) -> tuple[np.ndarray, sysid.TimeSeries, sysid.TimeSeries]:
        """``sysid.ModifyResidualFn``: weighted measured-minus-simulated readings (L, 14)."""
        del params, model, return_pred_all
        return (measured.data - predicted.data) * self.weights, predicted, measured

    def residual_fn(
        self,
        x: np.ndarray,
        params: sysid.ParameterDict,
        return_pred_all: bool = False,
        **_: object,
    ) -> tuple[list[np.ndarray], list, list]:
        """``sysid`` residual function of the ``active`` segments: (residuals, preds, records)."""
        res, preds, records = [], [], []
        for i in self.active:
            r, p, m = sysid.model_residual(
                x,
                params,
                lambda _p: self.model,
                self.trajectories[i],
                modify_residual=self.modify_residual,
                custom_rollout=self.rollout,
                n_threads=1,
                return_pred_all=return_pred_all,
                resample_true=False,
            )
            res.append(r)
            preds.append(p)
            records.append(m)
        if len(self.prior_index):
            res.append(self.prior_rows(x, params))
        return res, preds, records

    def prior_rows(self, x: np.ndarray, params: sysid.ParameterDict) -> np.ndarray:
        """Prior residual rows ``(value - mean) / sigma`` for optimizer vector(s) ``x`` of the
        free parameters. Shape: (R,) or (R, n) for n finite-difference columns."""
        columns = x.reshape(x.shape[0], -1)
        out = np.empty((len(self.prior_index), columns.shape[1]))
        for c in range(columns.shape[1]):
            params.update_from_vector(columns[:, c])
            values = np.array([params[self.specs[i].name].value[0] for i in self.prior_index])
            out[:, c] = (
                values * self.scales[self.prior_index] - self.prior_mean
            ) / self.prior_sigma
        return out[:, 0] if x.ndim == 1 else out

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
        res, _, _ = self.residual_fn(np.asarray(x, float) / self.scales, self.params)
        return np.concatenate([np.ravel(v) for v in res])

    @property
    def num_prior_rows(self) -> int:
        return len(self.prior_index)

    def cost(self, x: np.ndarray) -> float:
        """0.5 * sum of squared residuals (active segments and priors) at ``x``."""
        r = self.residual(x)
        return 0.5 * float(r @ r)

    def costs(self, xs: list[np.ndarray]) -> np.ndarray:
        """``cost`` of several parameter vectors, simulated in one batch. Shape: (len(xs),)."""
        trajs = [self.trajectories[i] for i in self.active]
        cands = [self.candidate_of(x) for x in xs for _ in trajs]
        pos, vel, _ = self.replayer.run(
            cands,
            [t.initial_state for _ in xs for t in trajs],
            [t.control.data[:, :-1] for _ in xs for t in trajs],
            self.traj.finger_m,
            self.substeps,
            self.history,
        )
        measured = np.stack([t.sensordata.data for t in trajs])
        pred = np.concatenate([pos, vel], axis=-1).reshape(
            len(xs), len(trajs), *measured.shape[1:]
        )
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
    ) -> tuple[np.ndarray, OptimizeResult]:
        """``sysid.optimize`` from ``x0``; returns the optimum and the result.

        Args:
            x0: starting values of all parameters (the delay included when fitted), moved 1% off
                any bound. Shape: (P,).
            max_iters: optimizer iteration limit.
            fd_step: relative finite-difference step.
            on_iteration: called with (iteration, objective) after each iteration.
            free: which parameters to fit (the others stay at ``x0``); all by default.

        Returns:
            All parameters (P,), physical units, and the optimizer result: ``jac`` at the
            optimum with respect to the physical values of the free parameters (data rows,
            then prior rows), ``extras['objective']`` per iteration, ``extras['log']`` the
            optimizer's text log.
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
            opt_params, result = sysid.optimize(
                self.params,
                self.residual_fn,
                optimizer="mujoco",
                verbose=False,
                max_iters=max_iters,
                x_scale=self.x_scale,
                eps=fd_step,
                xtol=1e-6,
                output=log,
                iter_callback=callback,
            )
        finally:
            for spec in self.specs:
                self.params[spec.name].frozen = False
        result.extras["log"] = log.getvalue()
        result.jac = np.asarray(result.jac) / self.scales[free][None, :]
        x = np.array([opt_params[s.name].value[0] for s in self.specs]) * self.scales
        return x, result

    def simulate(self, x: np.ndarray, which: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Reported positions and velocities of segments ``which``, each (n, L, 7)."""
        cand = self.candidate_of(np.asarray(x, float))
        trajs = [self.trajectories[i] for i in which]
        pos, vel, _ = self.replayer.run(
            [cand] * len(trajs),
            [t.initial_state for t in trajs],
            [t.control.data[:, :-1] for t in trajs],
            self.traj.finger_m,
            self.substeps,
            self.history,
        )
        return pos, vel

    def measured(self, which: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Measured positions and velocities of segments ``which``, each (n, L, 7)."""
        data = np.stack([self.trajectories[i].sensordata.data for i in which])
        return data[..., :7], data[..., 7:]
