"""Predict, before a robot plays it, which parameters an excitation can identify.

The nominal robot (the scene at the initial overrides) plays the excitation in the project's
simulator (``synthesize``); the fitter's own problem is built on that log (``build_problem``),
and the Jacobian of the simulated joint positions with respect to each requested parameter, at
its nominal value, gives the Gauss-Newton covariance the fit would report for a residual level
``residual_rad``:

    Cov = sigma^2 (J^T J)^-1,   sigma = residual_rad * sqrt(correlation samples)

``residual_rad`` is the position misfit fits reach on robots the fitter never saw (the coverage
study's held-out RMS after the fit, 1.8-2.9e-5 rad), not the encoder noise, because model
mismatch, not noise, limits real fits. Such residuals are correlated in time, so one sample in
``correlation_s`` counts as independent. Velocities are not used: a robot's velocity readings are
differentiated positions and add no information the positions lack.

A parameter is predicted identifiable when its predicted 95 % half-width is within the
precision asked of its field (``DEFAULT_PRECISION``: the issue's targets where it sets one) and
it is not part of a pair whose effects cannot be told apart (Jacobian columns parallel beyond
``COLLINEAR_TOL``). ``plan_excitation`` lengthens the excitation until every requested parameter
is predicted identifiable, or says which to drop at the longest length allowed.

The prediction is a necessary condition, not a sufficient one: it assumes the fitter's model is
the robot's. The coverage study (docs/calibration.md) measures how fits do when it is not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import scipy.stats

from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.excitation import Excitation, ExcitationConfig, generate_excitation
from skillbridge.calibration.fit import FitOptions, build_problem
from skillbridge.calibration.parameters import ABS_FLOOR, ParamSpec
from skillbridge.calibration.recording import align
from skillbridge.calibration.synthetic import synthesize
from skillbridge.calibration.uncertainty import COLLINEAR_TOL, NULL_TOL
from skillbridge.contract import PolicySpec
from skillbridge.sim.scene import ARM_JOINTS, FINGER_JOINT

#: Precision asked of each field: (value, relative?). Relative values are fractions of the
#: parameter's magnitude; absolute ones are in the field's unit.
DEFAULT_PRECISION: dict[str, tuple[float, bool]] = {
    "kp": (0.05, True),
    "armature": (0.25, True),
    "damping": (0.5, True),
    "frictionloss": (0.5, True),
    "kv": (0.5, True),
    "payload": (0.25, True),
    "offset": (0.002, False),
    "delay": (0.002, False),
}

#: Held-out position RMS after the fit on robots the fitter never saw (coverage study, 20
#: robots: 1.8-2.9e-5 rad); the upper end.
DEFAULT_RESIDUAL_RAD = 3e-5


@dataclasses.dataclass(frozen=True)
class PredictedParameter:
    """One requested parameter's predicted 95 % half-width and verdict."""

    name: str
    field: str
    unit: str
    nominal: float
    ci95: float
    required: float
    """The half-width asked for, in the parameter's unit."""
    collinear_with: tuple[str, ...]

    @property
    def identifiable(self) -> bool:
        return bool(self.ci95 <= self.required) and not self.collinear_with


@dataclasses.dataclass(frozen=True)
class Prediction:
    """What one excitation is predicted to identify."""

    duration_s: float
    parameters: tuple[PredictedParameter, ...]
    drop: tuple[str, ...]
    """Leave these out (at their nominal values) and the rest are predicted identifiable."""

    @property
    def unidentifiable(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parameters if not p.identifiable)

    def table(self) -> str:
        """One line per parameter: nominal, predicted and required half-width, verdict."""
        lines = [
            f"{'parameter':<26} {'nominal':>10} {'pred. 95%':>10} {'required':>10}  verdict",
        ]
        for p in self.parameters:
            verdict = "yes" if p.identifiable else "NO"
            if p.collinear_with:
                verdict += f" (cannot be told from {', '.join(p.collinear_with)})"
            lines.append(
                f"{p.name:<26} {p.nominal:>10.4g} {p.ci95:>10.3g} {p.required:>10.3g}  {verdict}"
                f"  [{p.unit}]"
            )
        if self.drop:
            lines.append(
                f"not all identifiable in {self.duration_s:.0f} s; leave out "
                f"{', '.join(self.drop)} (held at their nominal values) and the rest are"
            )
        return "\n".join(lines)


@dataclasses.dataclass(frozen=True)
class IdentifiabilityConfig:
    """How the prediction is made."""

    residual_rad: float = DEFAULT_RESIDUAL_RAD
    """Position misfit the fit is expected to leave (see the module docstring)."""
    correlation_s: float = 0.2
    """One residual sample in this window counts as independent (correlated misfit). On the
    coverage study's development robots (seeds 2000-2003, 10 s logs) the block-sandwich
    variance with 1 s windows was a median 9.4 times the white Gauss-Newton one: about ten
    50 Hz samples, 0.2 s."""
    fd_step: float = 1e-4
    """Relative finite-difference step of the Jacobian (of max(|value|, floor))."""
    precision: dict[str, tuple[float, bool]] = dataclasses.field(
        default_factory=lambda: dict(DEFAULT_PRECISION)
    )


def _required(spec: ParamSpec, precision: dict[str, tuple[float, bool]]) -> float:
    value, relative = precision[spec.field]
    return value * max(abs(spec.initial), ABS_FLOOR.get(spec.field, 0.0)) if relative else value


def _jacobian(problem, specs: tuple[ParamSpec, ...], step: float) -> np.ndarray:
    """d(simulated positions)/d(parameter), central differences, on the segments the fit
    uses (the training ones): all 2P simulations of all segments in one batch. (M, P)."""
    x0 = problem.x0
    points, widths = [], []
    for j, spec in enumerate(specs):
        h = step * max(abs(spec.initial), ABS_FLOOR.get(spec.field, 1e-3))
        lo = max(spec.lower, x0[j] - h)
        hi = min(spec.upper, x0[j] + h)
        if hi <= lo:
            raise CalibrationError(f"{spec.name}: nominal value sits on a zero-width bound")
        plus, minus = x0.copy(), x0.copy()
        plus[j], minus[j] = hi, lo
        points += [plus, minus]
        widths.append(hi - lo)
    pos, _ = problem.predict([problem.candidate_of(x) for x in points], problem.active)
    return np.column_stack(
        [np.ravel(pos[2 * j] - pos[2 * j + 1]) / width for j, width in enumerate(widths)]
    )


def _collinear(specs: tuple[ParamSpec, ...], jac: np.ndarray) -> list[tuple[str, ...]]:
    norms = np.linalg.norm(jac, axis=0)
    unit = jac / np.where(norms > 0, norms, 1.0)
    cos = np.abs(unit.T @ unit)
    out: list[tuple[str, ...]] = []
    for i in range(len(specs)):
        out.append(
            tuple(
                specs[k].name
                for k in range(len(specs))
                if k != i and (cos[i, k] > COLLINEAR_TOL or norms[i] == 0)
            )
        )
    return out


def _assess(
    specs: tuple[ParamSpec, ...], jac: np.ndarray, cfg: IdentifiabilityConfig, rate_hz: float
) -> tuple[PredictedParameter, ...]:
    """Predicted half-widths and verdicts of ``specs`` from position sensitivities ``jac``."""
    per_block = max(1, int(round(cfg.correlation_s * rate_hz)))
    sigma = cfg.residual_rad * np.sqrt(per_block)
    independent = jac.shape[0] / 7.0 / per_block
    scale = np.array([max(abs(s.initial), ABS_FLOOR.get(s.field, 1e-3)) for s in specs])
    scaled = jac * scale[None, :]
    lam, vecs = np.linalg.eigh(scaled.T @ scaled)
    null = lam <= lam.max() * NULL_TOL
    inv = np.where(null, 0.0, 1.0 / np.where(null, 1.0, lam))
    var = np.sum((vecs**2) * inv[None, :], axis=1) * sigma**2 * scale**2
    # A parameter with a real share of a direction the data do not see at all is undetermined;
    # round-off shares (1e-8) of other parameters in that direction are not.
    var[np.any(np.abs(vecs[:, null]) > 0.1, axis=1)] = np.inf
    t = float(scipy.stats.t.ppf(0.975, max(1.0, independent - len(specs))))
    return tuple(
        PredictedParameter(
            name=s.name,
            field=s.field,
            unit=s.unit,
            nominal=float(s.initial),
            ci95=float(t * np.sqrt(v)),
            required=_required(s, cfg.precision),
            collinear_with=c,
        )
        for s, v, c in zip(specs, var, _collinear(specs, jac), strict=True)
    )


def _worst(params: tuple[PredictedParameter, ...]) -> int:
    """Index of the parameter furthest from its precision (collinear ones first)."""
    return int(
        np.argmax([p.ci95 / p.required * (10.0 if p.collinear_with else 1.0) for p in params])
    )


def _drops(
    specs: tuple[ParamSpec, ...], jac: np.ndarray, cfg: IdentifiabilityConfig, rate_hz: float
) -> tuple[str, ...]:
    """Parameters to leave out (held at their nominal values) so that the rest are predicted
    identifiable: greedily the one furthest from its precision, reassessed after each."""
    keep = list(range(len(specs)))
    dropped: list[str] = []
    while keep:
        params = _assess(tuple(specs[i] for i in keep), jac[:, keep], cfg, rate_hz)
        if all(p.identifiable for p in params):
            break
        worst = keep.pop(_worst(params))
        dropped.append(specs[worst].name)
    return tuple(dropped)


def predict(
    excitation: Excitation,
    options: FitOptions | None = None,
    config: IdentifiabilityConfig | None = None,
) -> Prediction:
    """Predict the half-widths a fit of this excitation, played by the nominal robot, reports,
    and what to leave out if some are not identifiable.

    Raises:
        CalibrationError: an excitation too short for the fit, or a field without a precision.
    """
    opts = options or FitOptions()
    cfg = config or IdentifiabilityConfig()
    missing = sorted(set(opts.fields) - set(cfg.precision))
    if missing:
        raise CalibrationError(f"no precision for fields {missing}; add them to `precision`")
    log = synthesize(excitation, opts.initial, scene=opts.scene)
    traj = align(log, ARM_JOINTS, opts.rate_hz, finger_joint=FINGER_JOINT)
    problem, specs = build_problem(traj, opts)
    jac = _jacobian(problem, specs, cfg.fd_step)
    params = _assess(specs, jac, cfg, opts.rate_hz)
    drops = () if all(p.identifiable for p in params) else _drops(specs, jac, cfg, opts.rate_hz)
    return Prediction(float(excitation.times_s[-1]), params, drops)


def plan_excitation(
    excite: ExcitationConfig,
    spec: PolicySpec,
    options: FitOptions | None = None,
    config: IdentifiabilityConfig | None = None,
    *,
    max_duration_s: float = 90.0,
    growth: float = 1.5,
    report: Callable[[Prediction], None] | None = None,
) -> tuple[Excitation, Prediction]:
    """The shortest excitation (from ``excite.duration_s``, times ``growth`` each try, up to
    ``max_duration_s``) whose requested parameters are all predicted identifiable, or the
    longest one tried; check ``Prediction.unidentifiable`` for what to drop.

    Raises:
        CalibrationError: bad lengths, or what ``generate_excitation``/``predict`` raise.
    """
    if max_duration_s < excite.duration_s or growth <= 1.0:
        raise CalibrationError(
            f"need max_duration_s >= duration_s ({max_duration_s} < {excite.duration_s}) and "
            f"growth > 1 (got {growth})"
        )
    duration = excite.duration_s
    while True:
        excitation = generate_excitation(dataclasses.replace(excite, duration_s=duration), spec)
        prediction = predict(excitation, options, config)
        if report is not None:
            report(prediction)
        if not prediction.unidentifiable or duration >= max_duration_s:
            return excitation, prediction
        duration = min(max_duration_s, duration * growth)
