"""Fit results -> a ModelOverrides YAML (with randomization ranges and provenance) and a report.

Randomization ranges (what training samples from when ``EnvConfig.overrides_path`` points at
the file): each fitted value +- max(its 95 % half-width, ``k_sigma`` standard deviations,
``min_rel`` of the value), clipped to the parameter's bounds, which keep every quantity physical
(armature, damping, friction, kv >= 0; kp > 0): the range contains the reported interval. A
parameter the data could not identify gets its whole bound range. The command delay is written
as fitted (the lag from a command's stamp to when it acts; the simulator's actuators apply it in
whole physics steps, rounding up) with the range +- max(its 95 % half-width, ``k_sigma``
standard deviations, one physics step).

The report is a folder of PNG pages and an ``index.html`` that shows them with the parameter
table: recorded versus simulated joint positions before and after the fit (held-out segments
shaded), the position errors, the delay search, and the estimates with 95% intervals.
"""

from __future__ import annotations

import dataclasses
import datetime
import html
from collections.abc import Callable
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from skillbridge.calibration.fit import FitResult
from skillbridge.calibration.parameters import ACTUATOR_FIELDS
from skillbridge.calibration.timing import describe as describe_times
from skillbridge.calibration.uncertainty import randomization_ranges
from skillbridge.sim.overrides import ModelOverrides, load_overrides
from skillbridge.sim.scene import ARM_JOINTS, compile_scene

_KEY = {"offset": "offset_rad"}


def overrides_from_fit(
    result: FitResult, k_sigma: float = 2.0, min_rel: float = 0.05
) -> ModelOverrides:
    """The fitted overrides with a ``randomization`` block and ``provenance``."""
    ranges = randomization_ranges(result.estimates, k_sigma, min_rel)
    joints: dict[str, dict[str, list[float]]] = {}
    actuators: dict[str, dict[str, list[float]]] = {}
    for est in result.estimates:
        if est.field == "payload":
            continue
        group = actuators if est.field in ACTUATOR_FIELDS else joints
        group.setdefault(est.target, {})[_KEY.get(est.field, est.field)] = [
            float(v) for v in ranges[est.name]
        ]
    delay, dt = result.command_delay_s, result.physics_dt_s
    if result.delay is not None:
        delay_range = randomization_ranges((result.delay,), k_sigma, 0.0, dt)[result.delay.name]
    else:  # not fitted: one physics step either way
        delay_range = (max(0.0, delay - dt), delay + dt)
    randomization = {
        "joints": joints,
        "actuators": actuators,
        "command_delay_s": [float(v) for v in delay_range],
    }
    return dataclasses.replace(
        result.overrides, randomization=randomization, provenance=_provenance(result, k_sigma)
    )


def _provenance(result: FitResult, k_sigma: float) -> dict:
    traj = result.trajectory
    return {
        "tool": "skillbridge calibrate fit",
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "recording": traj.source,
        "recording_sha256": traj.sha256,
        "recording_duration_s": round(traj.duration_s, 3),
        "fitted": [e.name for e in result.estimates],
        "failed_on_bound": list(result.failed),
        "command_delay_steps": result.delay_steps,
        "physics_dt_s": result.physics_dt_s,
        "residual_cost_before": result.cost_before,
        "residual_cost_after": result.cost_after,
        "rms": {k: float(v) for k, v in result.rms.items()},
        "validation_improvement": result.validation_improvement,
        "ci95": {e.name: e.ci95 for e in result.estimates}
        | ({"command_delay_s": result.delay.ci95} if result.delay is not None else {}),
        "randomization_rule": (
            f"value +- max(95% half-width, {k_sigma} sigma, 5% of value), clipped to physical "
            "bounds; a parameter not identified or failed on its bound: its whole bound range; "
            f"delay +- max(95% half-width, {k_sigma} sigma, 1 physics step)"
        ),
        "payload_kg": result.payload_kg,
        "warnings": list(result.warnings),
        "fit_time_s": {"total": round(result.wall_time_s, 2)}
        | {k: round(v, 2) for k, v in result.stage_times_s.items()},
    }


def write_overrides(
    result: FitResult, path: str | Path, k_sigma: float = 2.0, min_rel: float = 0.05
) -> ModelOverrides:
    """Save the fitted overrides (version 1) and check that the simulator loads them."""
    overrides = overrides_from_fit(result, k_sigma, min_rel)
    overrides.save(path)
    load_overrides(path, compile_scene())
    return overrides


def parameter_rows(result: FitResult) -> list[list[str]]:
    """Table rows: name, unit, initial, fitted, 95% interval, identified."""
    rows = []
    for e in result.estimates:
        ci = f"+-{e.ci95:.3g}" if np.isfinite(e.ci95) else "unbounded"
        rows.append([e.name, e.unit, f"{e.initial:.4g}", f"{e.value:.4g}", ci, e.status])
    d = result.delay
    rows.append(
        [
            "command_delay",
            "s",
            "" if d is None else f"{d.initial:.4g}",
            f"{result.command_delay_s:.4g}",
            "not fitted" if d is None else f"+-{d.ci95:.3g}",
            "given" if d is None else d.status,
        ]
    )
    return rows


def _segment_times(result: FitResult) -> np.ndarray:
    """Sample times of every predicted sample. Shape: (S, L)."""
    t, seg = result.trajectory.times_s, result.segments
    return np.stack([t[s + 1 : s + seg.length + 1] for s in seg.starts])


def _shade_validation(ax: Axes, result: FitResult, times: np.ndarray) -> None:
    for i in np.flatnonzero(result.segments.validation):
        ax.axvspan(times[i, 0], times[i, -1], color="0.9", zorder=0)


# One curve of a per-joint figure: legend label, matplotlib style, line width, and the values of
# segment s, joint j.
Curve = tuple[str, str, float, Callable[[int, int], np.ndarray]]


def _plot_per_joint(
    result: FitResult, path: Path, curves: list[Curve], unit: str, title: str
) -> None:
    """One panel per arm joint, every segment's curves on the segment's times, held-out
    segments shaded."""
    times = _segment_times(result)
    fig = Figure(figsize=(12, 14))
    axes = fig.subplots(len(ARM_JOINTS), 1, sharex=True)
    for j, ax in enumerate(axes):
        _shade_validation(ax, result, times)
        for s in range(times.shape[0]):
            for label, style, width, values in curves:
                ax.plot(times[s], values(s, j), style, lw=width, label=label if s == 0 else "_")
        ax.set_ylabel(f"{ARM_JOINTS[j]}\n[{unit}]", fontsize=8)
    axes[0].legend(loc="upper right", ncol=len(curves), fontsize=8)
    axes[0].set_title(title)
    axes[-1].set_xlabel("time [s]")
    fig.tight_layout()
    fig.savefig(path, dpi=80)


def _plot_trajectories(result: FitResult, path: Path) -> None:
    measured, before, after = result.measured, result.predicted_before, result.predicted_after
    curves: list[Curve] = [
        ("recorded", "k", 1.2, lambda s, j: measured[s, :, j]),
        ("before", "C3", 0.8, lambda s, j: before[s, :, j]),
        ("after", "C0--", 0.8, lambda s, j: after[s, :, j]),
    ]
    title = "joint positions: recorded vs simulated (grey: held-out segments)"
    _plot_per_joint(result, path, curves, "rad", title)


def _plot_errors(result: FitResult, path: Path) -> None:
    measured, before, after = result.measured, result.predicted_before, result.predicted_after
    curves: list[Curve] = [
        ("before", "C3", 0.8, lambda s, j: 1e3 * (before[s, :, j] - measured[s, :, j])),
        ("after", "C0", 0.8, lambda s, j: 1e3 * (after[s, :, j] - measured[s, :, j])),
    ]
    _plot_per_joint(result, path, curves, "mrad", "position error, simulated - recorded")


def _plot_parameters(result: FitResult, path: Path) -> None:
    rows = parameter_rows(result)
    fig = Figure(figsize=(12, 3 + 0.28 * len(rows)))
    ax_table, ax_delay = fig.subplots(2, 1, gridspec_kw={"height_ratios": [len(rows), 8]})
    ax_table.axis("off")
    table = ax_table.table(
        cellText=rows,
        colLabels=["parameter", "unit", "initial", "fitted", "95% interval", "identified"],
        loc="center",
    )
    table.auto_set_font_size(False)
    table.set_fontsize(8)
    for label, costs, style in (
        ("at the starting parameters", result.delay_scan, "C3.-"),
        ("after a short fit (profile)", result.delay_profile, "C0o-"),
    ):
        if costs:
            k, c = np.array(costs).T
            ax_delay.semilogy(k, c, style, label=label)
    ax_delay.axvline(result.command_delay_s / result.physics_dt_s, color="k", lw=0.8)
    ax_delay.set_xlabel("command delay [physics steps]")
    ax_delay.set_ylabel("cost")
    ax_delay.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=80)


def write_report(result: FitResult, out_dir: str | Path) -> Path:
    """Write the PNG pages and ``index.html`` into ``out_dir``; returns the HTML path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pages = {
        "trajectories.png": _plot_trajectories,
        "errors.png": _plot_errors,
        "parameters.png": _plot_parameters,
    }
    for name, plot in pages.items():
        plot(result, out / name)
    index = out / "index.html"
    index.write_text(_html(result, list(pages)))
    return index


def _failed_html(result: FitResult) -> str:
    if not result.failed:
        return ""
    names = ", ".join(html.escape(n) for n in result.failed)
    return (
        f"<p><b>The fit FAILED for {len(result.failed)} parameter(s)</b>, which ended on their "
        f"bounds: {names}. Their values are the bounds', not measurements.</p>"
    )


def _html(result: FitResult, pages: list[str]) -> str:
    head = ["parameter", "unit", "initial", "fitted", "95% interval", "identified"]
    table = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
        for row in parameter_rows(result)
    )
    rms = "".join(f"<tr><td>{k}</td><td>{v:.3e}</td></tr>" for k, v in sorted(result.rms.items()))
    warnings = "".join(f"<li>{html.escape(w)}</li>" for w in result.warnings) or "<li>none</li>"
    images = "".join(f'<p><img src="{p}" style="max-width:100%"></p>' for p in pages)
    traj = result.trajectory
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>skillbridge calibration report</title>
<style>body{{font-family:sans-serif;max-width:1200px;margin:auto}}
td,th{{border:1px solid #ccc;padding:2px 6px;font-size:13px}}table{{border-collapse:collapse}}
</style></head><body>
<h1>Calibration report</h1>
<p>Recording <code>{html.escape(traj.source)}</code> (sha256 {traj.sha256[:16]}...,
{traj.duration_s:.1f} s at {traj.rate_hz:g} Hz). Fit time {result.wall_time_s:.1f} s
({html.escape(describe_times(result.stage_times_s))}),
{result.iterations} optimizer iterations. Held-out position error improved
{result.validation_improvement:.1f}x.</p>
{_failed_html(result)}
<h2>Parameters</h2><table><tr>{"".join(f"<th>{h}</th>" for h in head)}</tr>{table}</table>
<h2>Trajectory errors (RMS; rad, rad/s)</h2><table>{rms}</table>
<h2>Warnings</h2><ul>{warnings}</ul>
<h2>Pages</h2>{images}
</body></html>
"""
