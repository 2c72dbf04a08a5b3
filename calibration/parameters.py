"""What the fit can identify, its bounds, and how a parameter vector becomes ``ModelOverrides``.

Parameter names read ``<joint>.<field>`` (``panda_joint2.damping``); the payload is
``panda_hand.payload``. Fields:

============  =========  ==========  =========================================================
field         target     unit        meaning (as ``sim/overrides.py`` applies it)
============  =========  ==========  =========================================================
armature      joint      kg m^2      rotor inertia added to the joint
damping       joint      N m s/rad   passive viscous damping
frictionloss  joint      N m         dry (Coulomb) friction
offset        joint      rad         encoder zero offset: reported q = true q + offset
kp            actuator   N m/rad     servo stiffness
kv            actuator   N m s/rad   servo damping (collinear with ``damping``: asked for
                                     both, the fit keeps kv, see ``one_viscous_term``)
payload       hand       kg          point mass at the hand's centre of mass
delay         command    s           command delay (``command_delay_s``, continuous: see
                                     ``replay.delayed_controls``)
============  =========  ==========  =========================================================

The delay is not a per-joint field: ``delay_spec`` makes its one parameter, searched on the
physics-step grid before the fit refines it (see ``fit.py``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import mujoco
import numpy as np

from skillbridge.calibration.errors import CalibrationError
from skillbridge.sim.overrides import ModelOverrides, actuator_for
from skillbridge.sim.scene import ARM_JOINTS, HAND_BODY

JOINT_FIELDS = ("armature", "damping", "frictionloss", "offset")
ACTUATOR_FIELDS = ("kp", "kv")
ALL_FIELDS = (*JOINT_FIELDS, *ACTUATOR_FIELDS, "payload")
DEFAULT_FIELDS = ("armature", "damping", "frictionloss", "kp", "offset")
#: Fields that set where the arm settles (fitted first, see ``fit.py``).
STATIC_FIELDS = ("kp", "offset", "payload")
UNITS = {
    "armature": "kg m^2",
    "damping": "N m s/rad",
    "frictionloss": "N m",
    "offset": "rad",
    "kp": "N m/rad",
    "kv": "N m s/rad",
    "payload": "kg",
    "delay": "s",
}
#: Scale below which a value counts as "near zero" when judging relative uncertainty.
ABS_FLOOR = {
    "armature": 0.01,
    "damping": 0.1,
    "frictionloss": 0.05,
    "offset": 0.005,
    "kp": 10.0,
    "kv": 1.0,
    "payload": 0.05,
    "delay": 0.002,
}
_OVERRIDE_KEY = {"armature": "armature", "damping": "damping", "frictionloss": "frictionloss"}
_OVERRIDE_KEY |= {"offset": "offset_rad", "kp": "kp", "kv": "kv"}


@dataclasses.dataclass(frozen=True)
class ParamSpec:
    """One scalar the fit adjusts, with its starting value and box bounds (physical units)."""

    field: str
    target: str
    initial: float
    lower: float
    upper: float

    @property
    def name(self) -> str:
        return f"{self.target}.{self.field}"

    @property
    def unit(self) -> str:
        return UNITS[self.field]


def parse_fields(text: str | tuple[str, ...]) -> tuple[str, ...]:
    """``"damping,armature"`` -> ``("damping", "armature")``, validated."""
    items = text.split(",") if isinstance(text, str) else list(text)
    fields = tuple(dict.fromkeys(i.strip() for i in items if i.strip()))
    bad = [f for f in fields if f not in ALL_FIELDS]
    if bad or not fields:
        raise CalibrationError(f"unknown parameters {bad or [text]}; valid: {list(ALL_FIELDS)}")
    return fields


def one_viscous_term(fields: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """The fields to fit, with servo ``kv`` dropped when joint ``damping`` is asked for too, and
    the reason in words (None when nothing was dropped).

    The position servo's ``kv`` and the joint's ``damping`` both give a torque ``-c * qd`` on the
    same joint (MuJoCo's servo damps the joint velocity, not the error's), so a recording
    determines only their sum: fitting both gives a singular direction and values that trade off
    at random. The fit keeps ``kv`` at its set value (the user sets the joint impedance gains)
    and lets ``damping`` carry the rest of the sum, which is what a simulator with that ``kv``
    needs.
    """
    if "kv" in fields and "damping" in fields:
        note = (
            "kv and damping both damp the joint velocity, so the recording determines only "
            "their sum: kv was kept at its set value and damping fitted as the rest of the sum"
        )
        return tuple(f for f in fields if f != "kv"), note
    return fields, None


_BOUNDS = {
    "armature": lambda n: (0.1 * n, max(10 * n, 0.5)),
    "damping": lambda n: (0.0, max(20 * n, 10.0)),
    "frictionloss": lambda n: (0.0, 5.0),
    "offset": lambda n: (-0.05, 0.05),
    "kp": lambda n: (0.3 * n, 3.0 * n),
    "kv": lambda n: (0.2 * n, 3.0 * n),
    "payload": lambda n: (0.0, 3.0),
}
"""Box bounds of each field given its nominal value (physical units)."""


def _nominal(model: mujoco.MjModel, field: str, target: str) -> float:
    if field in ("armature", "damping", "frictionloss"):
        return float(getattr(model, f"dof_{field}")[model.joint(target).dofadr[0]])
    act = actuator_for(model, target) if field in ACTUATOR_FIELDS + ("offset",) else -1
    if field == "offset":
        bias = model.actuator_biasprm[act]
        return float(bias[0] / bias[1]) if bias[1] != 0 else 0.0
    if field == "kp":
        return float(model.actuator_gainprm[act, 0])
    if field == "kv":
        return float(-model.actuator_biasprm[act, 2])
    return 0.0


DELAY_TARGET = "command"


def delay_spec(initial_s: float, max_delay_s: float) -> ParamSpec:
    """The command delay as a parameter: ``command.delay``, bounds [0, ``max_delay_s``]."""
    return ParamSpec("delay", DELAY_TARGET, float(initial_s), 0.0, float(max_delay_s))


def param_specs(
    model: mujoco.MjModel, fields: tuple[str, ...], joints: tuple[str, ...]
) -> tuple[ParamSpec, ...]:
    """The scalar parameters for ``fields`` x ``joints``, starting at the model's values.

    Starting points sitting on a bound (friction 0, payload 0) are moved 1% into the box so that
    finite differences see both sides.
    """
    unknown = [j for j in joints if j not in ARM_JOINTS]
    if unknown:
        raise CalibrationError(f"cannot fit joints {unknown}; valid: {list(ARM_JOINTS)}")
    specs = []
    for field in fields:
        targets = (HAND_BODY,) if field == "payload" else joints
        for target in targets:
            nominal = _nominal(model, field, target)
            lower, upper = _BOUNDS[field](nominal)
            start = float(np.clip(nominal, lower + 0.01 * (upper - lower), upper))
            specs.append(ParamSpec(field, target, start, lower, upper))
    return tuple(specs)


def to_overrides(
    specs: tuple[ParamSpec, ...],
    values: np.ndarray,
    delay_s: float,
    base: ModelOverrides,
    model: mujoco.MjModel,
) -> tuple[ModelOverrides, float]:
    """Merge fitted values into ``base`` overrides; returns them and the payload mass (kg).

    Actuator entries keep the key ``base`` used for that actuator (actuator or joint name).
    A ``delay`` spec's value replaces ``delay_s``.
    """
    joints = {k: dict(v) for k, v in base.joints.items()}
    actuators = {k: dict(v) for k, v in base.actuators.items()}
    act_keys = {actuator_for(model, k): k for k in actuators}
    payload = 0.0
    for spec, value in zip(specs, np.asarray(values, float), strict=True):
        if spec.field == "payload":
            payload = float(value)
        elif spec.field == "delay":
            delay_s = float(value)
        elif spec.field in ACTUATOR_FIELDS:
            key = act_keys.setdefault(actuator_for(model, spec.target), spec.target)
            actuators.setdefault(key, {})[_OVERRIDE_KEY[spec.field]] = float(value)
        else:
            joints.setdefault(spec.target, {})[_OVERRIDE_KEY[spec.field]] = float(value)
    return (
        dataclasses.replace(
            base, joints=joints, actuators=actuators, command_delay_s=float(delay_s)
        ),
        payload,
    )


def values_by_name(specs: tuple[ParamSpec, ...], values: np.ndarray) -> Mapping[str, float]:
    return {s.name: float(v) for s, v in zip(specs, values, strict=True)}
