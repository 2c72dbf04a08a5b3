"""Confidence intervals, identifiability warnings and randomization ranges of a fit.

Two covariances, both computed in relative units (each parameter scaled by its magnitude):

- Gauss-Newton, ``s^2 (J^T J)^-1`` with the noise variance ``s^2`` estimated from the residual:
  right for white residuals of a correct model (``blocks`` not given);
- block sandwich (``blocks`` given: a block id per data row, e.g. consecutive time windows of
  the segments): ``B^-1 M B^-1`` with ``B = J^T J`` and the meat ``M = c * sum_b g_b g_b^T``,
  ``g_b = J_b^T r_b`` the gradient contribution of block b and ``c = n_b / (n_b - 1)``. Residuals
  correlated within a block (model mismatch that persists over a motion) and blocks that pull
  the parameters different ways widen it; white residuals give back the Gauss-Newton one.

Prior rows (``prior_rows``, the last rows of the residual, ``(value - mean) / sigma``) enter
``B`` and add their expected ``J_p^T J_p`` to the meat: a parameter the data do not load keeps
its prior's standard deviation.

Quantiles are Student-t. Gauss-Newton: ``M - P`` degrees of freedom. Block sandwich: each
parameter's variance is the sum of a part estimated from the ``n_b`` block gradients (``n_b - 1``
degrees of freedom) and a part from the priors, which is known, not estimated; its degrees of
freedom are Welch-Satterthwaite's, ``(v_data + v_prior)^2 (n_b - 1) / v_data^2``. A parameter the
data determine keeps ``n_b - 1``; one its prior determines tends to the normal quantile (1.96),
not to the quantile of a few blocks (12.7 for two) applied to the prior's own width.

The inverse goes through an eigen-decomposition of ``B``: eigenvalues below ``NULL_TOL`` of the
largest are numerically zero (directions the data do not determine at all), and the parameters
in them get infinite variances. (``sysid.calculate_intervals`` inverts round-off-sized, even
negative, eigenvalues in its covariance and reads the wrong eigenvector when deciding which
parameters an undetermined direction involves; it is not used.) 95% half-widths are Student-t
quantiles times the standard deviations.

A parameter is flagged when its 95% half-width exceeds ``REL_TOL`` of its magnitude (or of a
per-field floor for values near zero), when it ends within ``BOUND_TOL`` of its bound's span from
a bound (a failed estimate: the bound, not the data, decided the value), or when it takes part in a
near-singular direction (an eigenvector along which the relative standard deviation exceeds
``REL_TOL``); pairs whose Jacobian columns are parallel beyond ``COLLINEAR_TOL`` (cosine) are
named: their effects on the trajectories cannot be told apart (joint damping and servo kv).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import scipy.stats

from skillbridge.calibration.parameters import ABS_FLOOR, ParamSpec

REL_TOL = 0.5
BOUND_TOL = 0.01
"""An estimate this close to a bound (fraction of the bound span) is a failed estimate."""


def on_bound(value: float, spec: ParamSpec) -> bool:
    """``value`` is within ``BOUND_TOL`` of ``spec``'s bound span from one of its bounds."""
    return bool(
        min(value - spec.lower, spec.upper - value) <= BOUND_TOL * (spec.upper - spec.lower)
    )


COLLINEAR_TOL = 0.995
NULL_TOL = 1e-10


@dataclasses.dataclass(frozen=True)
class Estimate:
    """One fitted scalar. ``ci95`` is the 95% half-width (inf: not identifiable).

    ``at_bound``: the value ended within ``BOUND_TOL`` of the bound span from a bound; the fit
    failed for this parameter (never ``identified``; its interval describes the bound).
    """

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
    dof: float = np.inf
    """Degrees of freedom of the interval's Student-t quantile."""

    @property
    def status(self) -> str:
        """``"yes"`` (identified), ``"NO"`` (not identifiable) or ``"FAILED (on bound)"``."""
        if self.at_bound:
            return "FAILED (on bound)"
        return "yes" if self.identified else "NO"

    @property
    def relative_ci95(self) -> float:
        return self.ci95 / max(abs(self.value), ABS_FLOOR[self.field])


def _scale(specs: tuple[ParamSpec, ...], x: np.ndarray) -> np.ndarray:
    return np.array([max(abs(v), ABS_FLOOR[s.field]) for s, v in zip(specs, x, strict=True)])


def _relative_eigen(
    specs: tuple[ParamSpec, ...], x: np.ndarray, jac: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Eigenvalues (ascending) and eigenvectors of the relative Gauss-Newton Hessian, and the
    scales. Relative: column j of J multiplied by max(|x_j|, floor_j)."""
    scale = _scale(specs, x)
    scaled = jac * scale[None, :]
    lam, vecs = np.linalg.eigh(scaled.T @ scaled)
    return lam, vecs, scale


def _covariance(
    lam: np.ndarray, vecs: np.ndarray, scale: np.ndarray, meat_rel: np.ndarray | float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Physical covariance, per-parameter variances and the relative covariance.

    ``meat_rel``: the sandwich's meat in relative units, or the scalar s^2 (Gauss-Newton).
    Directions with eigenvalues below ``NULL_TOL`` of the largest are numerically zero: no
    amount of data of this kind determines them, whatever the noise estimate says (noise-free
    data give s^2 ~ 0). Parameters with a share >= 0.3 of that subspace get an infinite
    variance; the subspace is left out of the (pseudo-inverse) covariance.
    """
    null = lam <= NULL_TOL * max(lam.max(), 1e-300)
    keep = vecs[:, ~null]
    inverse = (keep / lam[~null]) @ keep.T
    if np.ndim(meat_rel) == 0:
        cov_rel = float(meat_rel) * inverse
    else:
        cov_rel = inverse @ meat_rel @ inverse
    var_rel = np.diag(cov_rel).copy()
    var_rel[np.linalg.norm(vecs[:, null], axis=1) >= 0.3] = np.inf
    return cov_rel * np.outer(scale, scale), var_rel * scale**2, cov_rel


def _poorly_determined(
    specs: tuple[ParamSpec, ...], lam: np.ndarray, vecs: np.ndarray, cov_rel: np.ndarray
) -> tuple[int, list[str]]:
    """Number of directions whose relative standard deviation exceeds ``REL_TOL`` (or that
    are numerically null), and the parameters with a share >= 0.3 of that subspace."""
    null = lam <= NULL_TOL * max(lam.max(), 1e-300)
    w, u = np.linalg.eigh(cov_rel)
    poor_cov = np.sqrt(np.clip(w, 0.0, None)) > REL_TOL
    directions = np.hstack([vecs[:, null], u[:, poor_cov]])
    share = np.linalg.norm(directions, axis=1) if directions.size else np.zeros(len(specs))
    count = int(null.sum() + poor_cov.sum())
    return count, [specs[j].name for j in np.flatnonzero(share >= 0.3)]


def _meat(
    jac_rel: np.ndarray, residual: np.ndarray, blocks: np.ndarray, prior_rows: int
) -> tuple[np.ndarray, np.ndarray, int]:
    """Block-sandwich meat in relative units, split into its data part (estimated from the
    blocks) and its prior part (known), and the number of data blocks."""
    data = len(residual) - prior_rows
    ids, inverse = np.unique(blocks, return_inverse=True)
    grads = np.zeros((len(ids), jac_rel.shape[1]))
    np.add.at(grads, inverse, jac_rel[:data] * residual[:data, None])
    nb = len(ids)
    prior = jac_rel[data:]
    return grads.T @ grads * (nb / max(nb - 1, 1)), prior.T @ prior, nb


def satterthwaite_dof(var_data: np.ndarray, var_prior: np.ndarray, blocks: int) -> np.ndarray:
    """Degrees of freedom of each variance ``var_data + var_prior`` whose data part is estimated
    from ``blocks`` blocks (``blocks - 1`` degrees of freedom) and whose prior part is known:
    ``blocks - 1`` without a prior, infinite where the data part is zero."""
    base = max(blocks - 1, 1)
    total = var_data + var_prior
    with np.errstate(divide="ignore", invalid="ignore"):
        dof = np.where(
            var_data > 0, total**2 * base / np.where(var_data > 0, var_data, 1) ** 2, np.inf
        )
    return np.where(np.isfinite(total), np.maximum(dof, base), base)


def assess(
    specs: tuple[ParamSpec, ...],
    x: np.ndarray,
    residual: np.ndarray,
    jac: np.ndarray,
    x0: np.ndarray,
    *,
    blocks: np.ndarray | None = None,
    prior_rows: int = 0,
) -> tuple[tuple[Estimate, ...], np.ndarray, tuple[str, ...]]:
    """Estimates with intervals, their correlation matrix, and warnings in words.

    Args:
        specs: the fitted parameters.
        x: optimum. Shape: (P,).
        residual: weighted residual at the optimum, data rows then ``prior_rows`` prior rows.
            Shape: (M,).
        jac: Jacobian of the residual at the optimum. Shape: (M, P).
        x0: starting point. Shape: (P,).
        blocks: block id of each data row (block sandwich); None: Gauss-Newton.
            Shape: (M - prior_rows,).
        prior_rows: prior rows at the end of ``residual`` and ``jac``.
    """
    lam, vecs, scale = _relative_eigen(specs, x, jac)
    if blocks is None:
        dof = np.full(len(x), float(max(residual.size - len(x), 1)))
        meat: np.ndarray | float = float(residual @ residual) / dof[0]
    else:
        data_meat, prior_meat, nb = _meat(
            jac * scale[None, :], residual, np.asarray(blocks), prior_rows
        )
        meat = data_meat + prior_meat
        var_data = _covariance(lam, vecs, scale, data_meat)[1]
        var_prior = _covariance(lam, vecs, scale, prior_meat)[1]
        dof = satterthwaite_dof(var_data, var_prior, nb)
    cov, var, cov_rel = _covariance(lam, vecs, scale, meat)
    std = np.sqrt(np.clip(var, 0.0, None))
    half = scipy.stats.t.ppf(0.975, dof) * std
    cov_std = np.sqrt(np.clip(np.diag(cov), 0.0, None))
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = np.nan_to_num(cov / np.outer(cov_std, cov_std))
    warnings: list[str] = []
    estimates = []
    count, in_singular = _poorly_determined(specs, lam, vecs, cov_rel)
    for i, s in enumerate(specs):
        at_bound = on_bound(x[i], s)
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
            float(dof[i]),
        )
        ok = np.isfinite(est.ci95) and est.relative_ci95 <= REL_TOL and not at_bound
        ok = ok and s.name not in in_singular
        estimates.append(dataclasses.replace(est, identified=bool(ok)))
        if at_bound:
            warnings.append(
                f"{s.name} = {x[i]:.4g} {s.unit} ended on its bound [{s.lower:.4g}, "
                f"{s.upper:.4g}] (within {BOUND_TOL:.0%} of the range): the fit FAILED for it; "
                "the bound, not the data, set the value (a model mismatch or a parameter the "
                "recording does not excite); do not use it"
            )
        elif not np.isfinite(est.ci95) or est.relative_ci95 > REL_TOL:
            warnings.append(
                f"{s.name} is not identifiable from this recording: 95% interval "
                f"+-{est.ci95:.3g} {s.unit} around {x[i]:.4g}; excite that joint more or "
                "leave the parameter out"
            )
    if count:
        warnings.append(
            f"{count} combination(s) of parameters are near-singular (relative uncertainty "
            f"over {REL_TOL:.0%}), involving {', '.join(in_singular)}: these trade off against "
            "each other or are not excited"
        )
    warnings.extend(_collinear_pairs(specs, jac))
    return tuple(estimates), corr, tuple(warnings)


def _collinear_pairs(specs: tuple[ParamSpec, ...], jac: np.ndarray) -> list[str]:
    """Pairs whose Jacobian columns are nearly parallel: their effects on the recorded
    trajectories are (almost) indistinguishable, whatever the noise."""
    norms = np.linalg.norm(jac, axis=0)
    unit = jac / np.where(norms > 0, norms, 1.0)[None, :]
    cos = unit.T @ unit
    out = []
    for i in range(len(specs)):
        for j in range(i + 1, len(specs)):
            if abs(cos[i, j]) > COLLINEAR_TOL:
                out.append(
                    f"{specs[i].name} and {specs[j].name} change the trajectories almost "
                    f"identically (cosine {cos[i, j]:+.4f}): only a combination of the two is "
                    "determined; fit one of them"
                )
    return out


def randomization_ranges(
    estimates: tuple[Estimate, ...],
    k_sigma: float = 2.0,
    min_rel: float = 0.05,
    min_abs: float = 0.0,
) -> dict[str, tuple[float, float]]:
    """Domain-randomization range per estimate: value +- max(its 95 % half-width, k * sigma,
    min_rel * |value|, min_abs).

    The range always contains the reported 95 % interval: with few independent blocks the
    interval's Student-t quantile is far above 2 (12.7 for two blocks), and a range of 2 sigma
    would randomize around the estimate more narrowly than the fit's own uncertainty. Ranges are
    clipped to the parameter's bounds (which keep every physical quantity valid: non-negative
    armature, damping, friction and kv, positive kp). A parameter that is not identified
    (infinite interval) or failed on its bound gets its full bound range.
    """
    out = {}
    for e in estimates:
        known = np.isfinite(e.std) and np.isfinite(e.ci95) and not e.at_bound
        half = max(e.ci95, k_sigma * e.std) if known else np.inf
        half = max(half, min_rel * abs(e.value), min_abs)
        out[e.name] = (max(e.value - half, e.lower), min(e.value + half, e.upper))
    return out
