"""``ModelOverrides``: measured physical parameters applied to the compiled model.

Calibration writes this versioned YAML file; the simulator (training, evaluation, the ROS sim
robot) reads it. Example::

    version: 1
    robot: franka_emika_panda
    joints:                      # per joint (names as in the contract)
      panda_joint1: {armature: 0.12, damping: 1.4, frictionloss: 0.3, offset_rad: 0.002}
    actuators:                   # per actuator; a key may be the actuator or the joint it drives
      panda_joint1: {kp: 4400.0, kv: 455.0}
    command_delay_s: 0.004
    randomization:               # optional: ranges for domain randomization, [low, high]
      joints: {panda_joint1: {damping: [1.2, 1.6]}}
      actuators: {panda_joint1: {kp: [4300.0, 4500.0]}}
      command_delay_s: [0.002, 0.006]
    provenance: {recording_sha256: ..., date: ...}   # free-form, kept verbatim

``offset_rad`` is an encoder zero offset: the robot reports ``q_true + offset`` and its servo
regulates that reading, so the override sets the actuator bias to ``-kp * offset`` and readers add
the offset to the simulated position (``reported_joint_offsets``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import mujoco
import numpy as np
import yaml

from skillbridge.sim.errors import OverridesError

OVERRIDES_VERSION = 1
JOINT_FIELDS = ("armature", "damping", "frictionloss", "offset_rad")
ACTUATOR_FIELDS = ("kp", "kv")
_TOP_LEVEL = {
    "version",
    "robot",
    "joints",
    "actuators",
    "command_delay_s",
    "randomization",
    "provenance",
}
_NONNEGATIVE = {"armature", "damping", "frictionloss", "kv"}
_POSITIVE = {"kp"}


@dataclasses.dataclass(frozen=True)
class ModelOverrides:
    """Validated overrides. Nested dicts map names to ``{field: value}``."""

    joints: Mapping[str, Mapping[str, float]] = dataclasses.field(default_factory=dict)
    actuators: Mapping[str, Mapping[str, float]] = dataclasses.field(default_factory=dict)
    command_delay_s: float = 0.0
    randomization: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    provenance: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    robot: str = "franka_emika_panda"
    version: int = OVERRIDES_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "robot": self.robot,
            "joints": {k: dict(v) for k, v in self.joints.items()},
            "actuators": {k: dict(v) for k, v in self.actuators.items()},
            "command_delay_s": self.command_delay_s,
            "randomization": _plain(self.randomization),
            "provenance": _plain(self.provenance),
        }

    def content_hash(self) -> str:
        """sha256 of the physical content (provenance excluded), for policy provenance."""
        body = self.to_dict()
        body.pop("provenance")
        return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()

    def save(self, path: str | Path) -> None:
        Path(path).write_text(yaml.safe_dump(self.to_dict(), sort_keys=False))

    def joint_value(self, joint: str, field: str, default: float) -> float:
        return float(self.joints.get(joint, {}).get(field, default))


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=float))


def load_overrides(path: str | Path, model: mujoco.MjModel | None = None) -> ModelOverrides:
    """Read and validate an overrides file (and, given a model, its names against the model).

    Raises:
        OverridesError: unreadable or malformed YAML, wrong version, unknown or negative fields,
            unknown joints or actuators. The message names the field and the file.
    """
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text())
    except FileNotFoundError as exc:
        raise OverridesError(f"overrides file {path} does not exist") from exc
    except yaml.YAMLError as exc:
        raise OverridesError(f"overrides file {path} is not valid YAML: {exc}") from exc
    try:
        overrides = overrides_from_dict(raw)
        if model is not None:
            validate_against_model(overrides, model)
    except OverridesError as exc:
        raise OverridesError(f"{path}: {exc}") from exc
    return overrides


def overrides_from_dict(raw: Any) -> ModelOverrides:
    """Validate a parsed overrides mapping. See ``load_overrides``."""
    if not isinstance(raw, dict):
        raise OverridesError("the top level must be a mapping with at least 'version: 1'")
    unknown = sorted(set(raw) - _TOP_LEVEL)
    if unknown:
        raise OverridesError(f"unknown top-level keys {unknown}; valid keys: {sorted(_TOP_LEVEL)}")
    if raw.get("version") != OVERRIDES_VERSION:
        raise OverridesError(
            f"version must be {OVERRIDES_VERSION}, got {raw.get('version')!r}; "
            "regenerate the file with `skillbridge calibrate fit`"
        )
    joints = _section(raw.get("joints") or {}, "joints", JOINT_FIELDS)
    actuators = _section(raw.get("actuators") or {}, "actuators", ACTUATOR_FIELDS)
    delay = _number(raw.get("command_delay_s", 0.0), "command_delay_s")
    if delay < 0:
        raise OverridesError(f"command_delay_s must be >= 0, got {delay}")
    randomization = raw.get("randomization") or {}
    _check_randomization(randomization)
    return ModelOverrides(
        joints=joints,
        actuators=actuators,
        command_delay_s=delay,
        randomization=randomization,
        provenance=raw.get("provenance") or {},
        robot=str(raw.get("robot", "franka_emika_panda")),
    )


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise OverridesError(f"{where} must be a finite number, got {value!r}")
    return float(value)


def _check_value(field: str, value: float, where: str) -> None:
    if field in _NONNEGATIVE and value < 0:
        raise OverridesError(f"{where} must be >= 0, got {value}")
    if field in _POSITIVE and value <= 0:
        raise OverridesError(f"{where} must be > 0, got {value}")


def _section(section: Any, name: str, fields: tuple[str, ...]) -> dict[str, dict[str, float]]:
    if not isinstance(section, dict):
        raise OverridesError(f"'{name}' must map names to {{field: value}}")
    out: dict[str, dict[str, float]] = {}
    for key, values in section.items():
        if not isinstance(values, dict):
            raise OverridesError(f"{name}.{key} must be a mapping of {list(fields)}")
        bad = sorted(set(values) - set(fields))
        if bad:
            raise OverridesError(
                f"{name}.{key}: unknown fields {bad}; valid fields: {list(fields)}"
            )
        out[str(key)] = {}
        for field, value in values.items():
            number = _number(value, f"{name}.{key}.{field}")
            _check_value(field, number, f"{name}.{key}.{field}")
            out[str(key)][field] = number
    return out


def _check_randomization(section: Any) -> None:
    if not isinstance(section, dict):
        raise OverridesError("'randomization' must be a mapping")
    for group, fields in (("joints", JOINT_FIELDS), ("actuators", ACTUATOR_FIELDS)):
        for key, ranges in (section.get(group) or {}).items():
            for field, bounds in ranges.items():
                where = f"randomization.{group}.{key}.{field}"
                if field not in fields:
                    raise OverridesError(f"{where}: unknown field; valid fields: {list(fields)}")
                _check_range(bounds, where, field)
    if "command_delay_s" in section:
        _check_range(section["command_delay_s"], "randomization.command_delay_s", "kv")


def _check_range(bounds: Any, where: str, field: str) -> None:
    if not isinstance(bounds, (list, tuple)) or len(bounds) != 2:
        raise OverridesError(f"{where} must be [low, high], got {bounds!r}")
    low, high = (_number(b, where) for b in bounds)
    if low > high:
        raise OverridesError(f"{where}: low {low} > high {high}")
    _check_value(field, low, where)


def actuator_for(model: mujoco.MjModel, key: str) -> int:
    """Actuator id of an actuator name, or of the actuator driving a joint of that name."""
    names = [model.actuator(i).name for i in range(model.nu)]
    if key in names:
        return names.index(key)
    for i in range(model.nu):
        if int(model.actuator_trntype[i]) == int(mujoco.mjtTrn.mjTRN_JOINT):
            if model.joint(int(model.actuator_trnid[i, 0])).name == key:
                return i
    driven = [
        model.joint(int(model.actuator_trnid[i, 0])).name
        for i in range(model.nu)
        if int(model.actuator_trntype[i]) == int(mujoco.mjtTrn.mjTRN_JOINT)
    ]
    raise OverridesError(
        f"unknown actuator {key!r}; valid: actuators {names} or the joints they drive {driven}"
    )


def validate_against_model(overrides: ModelOverrides, model: mujoco.MjModel) -> None:
    """Every joint and actuator named must exist in the model."""
    movable = (int(mujoco.mjtJoint.mjJNT_HINGE), int(mujoco.mjtJoint.mjJNT_SLIDE))
    joint_names = [
        model.joint(i).name for i in range(model.njnt) if int(model.jnt_type[i]) in movable
    ]
    groups = [
        ("joints", overrides.joints),
        ("randomization.joints", overrides.randomization.get("joints") or {}),
    ]
    for group, section in groups:
        unknown = sorted(set(section) - set(joint_names))
        if unknown:
            raise OverridesError(f"{group}: unknown joints {unknown}; valid joints: {joint_names}")
    for section in (overrides.actuators, overrides.randomization.get("actuators") or {}):
        for key in section:
            actuator_for(model, key)


def apply_overrides(model: mujoco.MjModel, overrides: ModelOverrides) -> None:
    """Write the overrides into a compiled model, in place."""
    validate_against_model(overrides, model)
    for joint, values in overrides.joints.items():
        dof = int(model.joint(joint).dofadr[0])
        for field in ("armature", "damping", "frictionloss"):
            if field in values:
                getattr(model, f"dof_{field}")[dof] = values[field]
    for key, values in overrides.actuators.items():
        act = actuator_for(model, key)
        if "kp" in values:
            model.actuator_gainprm[act, 0] = values["kp"]
            model.actuator_biasprm[act, 1] = -values["kp"]
        if "kv" in values:
            model.actuator_biasprm[act, 2] = -values["kv"]
    for joint, values in overrides.joints.items():
        offset = values.get("offset_rad", 0.0)
        servo = _actuator_of_joint(model, joint)
        if servo is not None:
            model.actuator_biasprm[servo, 0] = model.actuator_biasprm[servo, 1] * offset
    if overrides.command_delay_s > 0:
        longest = float(np.min(model.actuator_history[:, 0]) - 2) * model.opt.timestep
        if overrides.command_delay_s > longest:
            raise OverridesError(
                f"command_delay_s {overrides.command_delay_s} exceeds the scene's history of "
                f"{longest:.3f} s; raise SceneConfig.max_actuator_delay_s"
            )
    model.actuator_delay[:] = overrides.command_delay_s


def _actuator_of_joint(model: mujoco.MjModel, joint: str) -> int | None:
    try:
        return actuator_for(model, joint)
    except OverridesError:
        return None


def reported_joint_offsets(
    overrides: ModelOverrides | None, joint_names: tuple[str, ...]
) -> np.ndarray:
    """Encoder offsets to add to simulated positions, in ``joint_names`` order. Shape: (J,)."""
    if overrides is None:
        return np.zeros(len(joint_names))
    return np.array([overrides.joint_value(j, "offset_rad", 0.0) for j in joint_names])
