"""The "real robot" of the calibration round trip and the comparison of a fit with it (no ROS, no
simulator: ModelOverrides files are read as plain YAML).

``demo_truth`` writes known physics for the simulated robot to play; ``compare`` sets the
overrides file ``skillbridge calibrate fit`` wrote against it, parameter by parameter, with the
fit's 95% intervals; ``format_table`` prints the result.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from typing import Any

#: Known physics of the demo's "real robot": the calibration benchmark's truth
#: (``calibration.synthetic.random_truth(ARM_JOINTS, ..., seed=1)``), rounded. Nominal values
#: of the scene: armature 0.1 kg m^2, damping 1 N m s/rad, frictionloss 0, offset 0,
#: kp 4500/4500/3500/3500/2000/2000/2000 N m/rad.
DEMO_TRUTH: dict[str, dict[str, float]] = {
    "panda_joint1": {"armature": 0.1268, "damping": 3.876, "frictionloss": 0.1721,
                     "offset": 0.01795, "kp": 4077.0},
    "panda_joint2": {"armature": 0.1742, "damping": 2.523, "frictionloss": 0.3748,
                     "offset": -0.01890, "kp": 5070.0},
    "panda_joint3": {"armature": 0.09946, "damping": 3.471, "frictionloss": 0.2516,
                     "offset": -0.00186, "kp": 2860.0},
    "panda_joint4": {"armature": 0.08052, "damping": 2.156, "frictionloss": 0.4752,
                     "offset": -0.00878, "kp": 3474.0},
    "panda_joint5": {"armature": 0.1942, "damping": 3.312, "frictionloss": 0.3706,
                     "offset": -0.00892, "kp": 1661.0},
    "panda_joint6": {"armature": 0.1274, "damping": 1.790, "frictionloss": 0.4117,
                     "offset": 0.01107, "kp": 2113.0},
    "panda_joint7": {"armature": 0.05594, "damping": 2.821, "frictionloss": 0.3297,
                     "offset": -0.01751, "kp": 2141.0},
}  # fmt: skip
DEMO_DELAY_S = 0.0125
"""6.25 physics steps of 2 ms: MuJoCo applies ceil() = 7."""
JOINT_KEYS = {"armature": "armature", "damping": "damping", "frictionloss": "frictionloss"}
JOINT_KEYS["offset"] = "offset_rad"
ACTUATOR_KEYS = {"kp": "kp", "kv": "kv"}


def demo_truth(
    joints: Sequence[str], fields: Sequence[str], delay_s: float = DEMO_DELAY_S
) -> dict[str, Any]:
    """A ModelOverrides document (version 1) that changes exactly ``fields`` of ``joints``.

    Fields that are not fitted keep their nominal values, so the fit's model can match.

    Raises:
        ValueError: a joint or field without a demo value (the message lists the valid ones).
    """
    unknown = sorted(set(joints) - set(DEMO_TRUTH))
    bad = sorted(set(fields) - set(JOINT_KEYS) - {"kp"})
    if unknown or bad:
        raise ValueError(
            f"no demo truth for joints {unknown} / fields {bad}; joints: {list(DEMO_TRUTH)}, "
            f"fields: {[*JOINT_KEYS, 'kp']} (or give your own overrides file)"
        )
    doc: dict[str, Any] = {"version": 1, "robot": "franka_emika_panda", "joints": {}}
    doc["actuators"] = {}
    for joint in joints:
        for field in fields:
            group, key = _location(field)
            doc[group].setdefault(joint, {})[key] = DEMO_TRUTH[joint][field]
    doc["command_delay_s"] = delay_s
    return doc


def _location(field: str) -> tuple[str, str]:
    """Section and key of a fitted field in a ModelOverrides document."""
    if field in ACTUATOR_KEYS:
        return "actuators", ACTUATOR_KEYS[field]
    return "joints", JOINT_KEYS.get(field, field)


@dataclasses.dataclass(frozen=True)
class Row:
    """One recovered quantity."""

    name: str
    """``joint.field`` as the fit names it, or ``command_delay_s``."""
    truth: float
    """NaN when the truth file does not set it (then it was the nominal value)."""
    fitted: float
    ci95: float
    """Half-width of the fit's 95% interval (NaN when the fit did not report one)."""
    tolerance: str
    ok: bool | None
    """None when there is no truth to judge against."""

    @property
    def rel_error(self) -> float:
        return abs(self.fitted - self.truth) / abs(self.truth) if self.truth else math.nan


def _value(doc: Mapping[str, Any], name: str) -> float:
    joint, _, field = name.rpartition(".")
    group, key = _location(field)
    value = (doc.get(group) or {}).get(joint, {}).get(key)
    return math.nan if value is None else float(value)


def compare(
    truth: Mapping[str, Any], fitted: Mapping[str, Any], rel_tolerance: float = 0.10
) -> list[Row]:
    """Every fitted parameter and the delay against the truth.

    Args:
        truth: the "real robot" ModelOverrides document.
        fitted: the document ``skillbridge calibrate fit`` wrote (with its provenance).
        rel_tolerance: relative error allowed for every parameter; the delay must be within
            one physics step.
    """
    provenance = fitted.get("provenance") or {}
    ci95 = provenance.get("ci95") or {}
    rows = []
    for name in provenance.get("fitted") or []:
        t, f = _value(truth, name), _value(fitted, name)
        ok = bool(abs(f - t) <= rel_tolerance * abs(t)) if math.isfinite(t) else None
        tol = f"{rel_tolerance:.0%}" if ok is not None else "no truth"
        rows.append(Row(name, t, f, float(ci95.get(name, math.nan)), tol, ok))
    dt = float(provenance.get("physics_dt_s", 0.002))
    # The simulated robot's MuJoCo actuators act a delay in ((k - 1) dt, k dt] as k whole steps:
    # its lag, which is what the fit measures and reports, is k dt (12.5 ms acts as 14 ms).
    t = math.ceil(float(truth.get("command_delay_s", 0.0)) / dt - 1e-6) * dt
    f = float(fitted.get("command_delay_s", 0.0))
    ci = float(ci95.get("command_delay_s", math.nan))
    rows.append(Row("command_delay_s", max(t, 0.0), f, ci, f"{dt * 1e3:g} ms", abs(f - t) <= dt))
    return rows


_VERDICT = {True: "yes", False: "NO", None: "-"}


def format_table(rows: Sequence[Row]) -> str:
    """parameter, truth, fitted, relative error, 95% interval, within tolerance."""
    head = ("parameter", "truth", "fitted", "rel. error", "95% CI", "within tolerance")
    widths = (28, 11, 11, 11, 12, 16)
    lines = ["".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
    for r in rows:
        cells = (
            r.name,
            f"{r.truth:.5g}" if math.isfinite(r.truth) else "nominal",
            f"{r.fitted:.5g}",
            f"{100 * r.rel_error:.2g}%" if math.isfinite(r.rel_error) else "-",
            f"+-{r.ci95:.3g}",
            f"{_VERDICT[r.ok]} ({r.tolerance})",
        )
        lines.append("".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
    return "\n".join(lines)
