"""Confidence intervals, identifiability warnings and randomization ranges of a fit.

The covariance comes from ``sysid.calculate_intervals``: the Gauss-Newton covariance
``s^2 (J^T J)^-1`` at the optimum, with the noise variance ``s^2`` estimated from the residual
(eigen-decomposed, numerically zero eigenvalues floored). The 95% half-widths are Student-t
quantiles times the square roots of its diagonal. (sysid's own half-widths drop eigenvector
components by comparing them with the largest entry of the wrong eigenvector, which makes them
far too small for strongly correlated pairs such as damping and kp; they are not used.)
Directions the data cannot see (near-zero eigenvalues of J^T J) give huge intervals.

A parameter is flagged when its 95% half-width exceeds ``REL_TOL`` of its magnitude (or of a
per-field floor for values near zero), when it ends on a bound, or when it belongs to a
near-singular direction: an eigenvector of the relative Fisher matrix along which the relative
standard deviation exceeds ``REL_TOL``; the message names the parameters that move together.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import scipy.stats

from skillbridge.calibration._sysid import sysid
from skillbridge.calibration.parameters import ABS_FLOOR, ParamSpec

REL_TOL = 0.5
CORRELATION_TOL = 0.98


@dataclasses.dataclass(frozen=True)
class Estimate:
    """One fitted scalar. ``ci95`` is the 95% half-width (inf: not identifiable)."""

    name: str
    field: str
    target: str
    unit: str
    initial: float
    value: float
    lower: float
    upper: float
    ci95: float
    std: float
    at_bound: bool
    identified: bool

    @property
    def relative_ci95(self) -> float:
        return self.ci95 / max(abs(self.value), ABS_FLOOR[self.field])


def _scale(specs: tuple[ParamSpec, ...], x: np.ndarray) -> np.ndarray:
    return np.array([max(abs(v), ABS_FLOOR[s.field]) for s, v in zip(specs, x, strict=True)])


def _singular_directions(
    specs: tuple[ParamSpec, ...], x: np.ndarray, jac: np.ndarray, s2: float
) -> list[tuple[float, list[tuple[str, float]]]]:
    """(relative std, [(name, weight)...]) of each poorly determined direction."""
    scaled = jac * _scale(specs, x)[None, :]
    lam, vecs = np.linalg.eigh(scaled.T @ scaled)
    out = []
    for i in np.argsort(lam):
        rel_std = np.sqrt(s2 / lam[i]) if lam[i] > 0 else np.inf
        if rel_std <= REL_TOL:
            break
        members = [(specs[j].name, float(vecs[j, i])) for j in np.argsort(-np.abs(vecs[:, i]))]
        out.append((float(rel_std), [(n, w) for n, w in members if abs(w) >= 0.3]))
    return out


def assess(
    specs: tuple[ParamSpec, ...],
    x: np.ndarray,
    residual: np.ndarray,
    jac: np.ndarray,
    x0: np.ndarray,
) -> tuple[tuple[Estimate, ...], np.ndarray, tuple[str, ...]]:
    """Estimates with intervals, their correlation matrix, and warnings in words.

    Args:
        specs: the fitted parameters.
        x: optimum. Shape: (P,).
        residual: weighted residual at the optimum. Shape: (M,).
        jac: Jacobian of the residual at the optimum. Shape: (M, P).
        x0: starting point. Shape: (P,).
    """
    cov, _ = sysid.calculate_intervals([residual], jac)
    dof = max(residual.size - len(x), 1)
    s2 = float(residual @ residual) / dof
    std = np.sqrt(np.clip(np.diag(cov), 0.0, None))
    half = scipy.stats.t.ppf(0.975, dof) * std
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = cov / np.outer(std, std)
    corr = np.nan_to_num(corr)
    warnings: list[str] = []
    estimates = []
    singular = _singular_directions(specs, x, jac, s2)
    in_singular = {name for _, members in singular for name, _ in members}
    for i, s in enumerate(specs):
        span = s.upper - s.lower
        at_bound = bool(min(x[i] - s.lower, s.upper - x[i]) <= 1e-4 * span)
        est = Estimate(
            s.name,
            s.field,
            s.target,
            s.unit,
            float(x0[i]),
            float(x[i]),
            s.lower,
            s.upper,
            float(half[i]),
            float(std[i]),
            at_bound,
            True,
        )
        ok = np.isfinite(est.ci95) and est.relative_ci95 <= REL_TOL and not at_bound
        ok = ok and s.name not in in_singular
        estimates.append(dataclasses.replace(est, identified=bool(ok)))
        if at_bound:
            warnings.append(
                f"{s.name} = {x[i]:.4g} {s.unit} ended on its bound [{s.lower:.4g}, "
                f"{s.upper:.4g}]: the data push it further; treat the value as unreliable"
            )
        elif not np.isfinite(est.ci95) or est.relative_ci95 > REL_TOL:
            warnings.append(
                f"{s.name} is not identifiable from this recording: 95% interval "
                f"+-{est.ci95:.3g} {s.unit} around {x[i]:.4g}; excite that joint more or "
                "leave the parameter out"
            )
    for rel_std, members in singular:
        combo = " ".join(f"{w:+.2f}*{n}" for n, w in members)
        warnings.append(
            f"near-singular direction {combo}: the data fix this combination only to "
            f"+-{100 * rel_std:.0f}% (relative); these parameters trade off against each other"
        )
    for i in range(len(specs)):
        for j in range(i + 1, len(specs)):
            if abs(corr[i, j]) > CORRELATION_TOL:
                warnings.append(
                    f"{specs[i].name} and {specs[j].name} are correlated "
                    f"(rho = {corr[i, j]:+.3f}): only their combination is well determined"
                )
    return tuple(estimates), corr, tuple(warnings)


def randomization_ranges(
    estimates: tuple[Estimate, ...], k_sigma: float = 2.0, min_rel: float = 0.05
) -> dict[str, tuple[float, float]]:
    """Domain-randomization range per estimate: value +- max(k * sigma, min_rel * |value|).

    Ranges are clipped to the parameter's bounds (which keep every physical quantity valid:
    non-negative armature, damping, friction and kv, positive kp). A parameter that is not
    identified (infinite interval) gets its full bound range.
    """
    out = {}
    for e in estimates:
        half = k_sigma * e.std if np.isfinite(e.std) else np.inf
        half = max(half, min_rel * abs(e.value))
        out[e.name] = (max(e.value - half, e.lower), min(e.value + half, e.upper))
    return out
