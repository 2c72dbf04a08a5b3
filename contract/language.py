"""Language motions: the vocabulary shared by the high level, the human and the low-level skill.

Frame: the robot base frame. ``forward`` = +x (away from the base), ``left`` = +y, ``up`` = +z.
Rotations turn the gripper about the vertical, seen from above (counterclockwise = +yaw).

Magnitudes map to these displacements (the low-level skill executes them as commands):

=========  ===========  ==========
magnitude  translation  rotation
=========  ===========  ==========
small      1 cm         5 degrees
normal     3 cm         15 degrees
large      8 cm         45 degrees
=========  ===========  ==========

An explicit distance or angle ("3 cm", "10 degrees") replaces the table. One motion may move at
most ``MAX_DISTANCE_M`` / ``MAX_ANGLE_RAD``; larger requests are refused, never clipped.
"""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any

from skillbridge.contract.errors import ContractError

TRANSLATIONS: dict[str, tuple[float, float, float]] = {
    "forward": (1.0, 0.0, 0.0),
    "backward": (-1.0, 0.0, 0.0),
    "left": (0.0, 1.0, 0.0),
    "right": (0.0, -1.0, 0.0),
    "up": (0.0, 0.0, 1.0),
    "down": (0.0, 0.0, -1.0),
}
ROTATIONS: dict[str, float] = {"rotate_ccw": 1.0, "rotate_cw": -1.0}
GRIPPER_MOTIONS: dict[str, float] = {"open": 1.0, "close": -1.0}
MOTIONS: tuple[str, ...] = (*TRANSLATIONS, *ROTATIONS, *GRIPPER_MOTIONS, "stop")
MAGNITUDES: tuple[str, ...] = ("small", "normal", "large")
DISTANCE_M: dict[str, float] = {"small": 0.01, "normal": 0.03, "large": 0.08}
ANGLE_RAD: dict[str, float] = {
    k: math.radians(v) for k, v in {"small": 5.0, "normal": 15.0, "large": 45.0}.items()
}
MAX_DISTANCE_M = 0.15
MAX_ANGLE_RAD = math.radians(60.0)


@dataclasses.dataclass(frozen=True)
class LanguageMotion:
    """One motion: a verb of ``MOTIONS``, a magnitude, and (for moves) its size."""

    motion: str
    magnitude: str | None = None
    """small / normal / large, or ``explicit`` when the size was given in units."""
    distance_m: float | None = None
    angle_rad: float | None = None

    def __post_init__(self) -> None:
        if self.motion not in MOTIONS:
            raise ContractError(f"unknown motion {self.motion!r}; valid motions: {list(MOTIONS)}")
        if self.motion in TRANSLATIONS:
            self._check_size(self.distance_m, MAX_DISTANCE_M, "distance_m", "m")
        elif self.motion in ROTATIONS:
            self._check_size(self.angle_rad, MAX_ANGLE_RAD, "angle_rad", "rad")

    def _check_size(self, value: float | None, limit: float, name: str, unit: str) -> None:
        if value is None or not math.isfinite(value) or value <= 0:
            raise ContractError(f"motion {self.motion!r} needs a positive {name}, got {value!r}")
        if value > limit * (1 + 1e-6):  # tolerance: JSON rounds sizes to 6 decimals
            raise ContractError(
                f"{self.motion} by {value:.3f} {unit} exceeds the per-motion bound of {limit:.3f} "
                f"{unit}; split it into several motions"
            )

    @classmethod
    def of(cls, motion: str, magnitude: str = "normal") -> LanguageMotion:
        """A motion with a named magnitude (ignored by open/close/stop)."""
        if motion in TRANSLATIONS:
            _check_magnitude(magnitude)
            return cls(motion, magnitude, distance_m=DISTANCE_M[magnitude])
        if motion in ROTATIONS:
            _check_magnitude(magnitude)
            return cls(motion, magnitude, angle_rad=ANGLE_RAD[magnitude])
        return cls(motion)

    def to_command(self) -> tuple[float, float, float, float, float]:
        """The skill command ``(dx_m, dy_m, dz_m, dyaw_rad, gripper)``."""
        if self.motion in TRANSLATIONS:
            d = self.distance_m or 0.0
            x, y, z = TRANSLATIONS[self.motion]
            return (d * x, d * y, d * z, 0.0, 0.0)
        if self.motion in ROTATIONS:
            return (0.0, 0.0, 0.0, ROTATIONS[self.motion] * (self.angle_rad or 0.0), 0.0)
        if self.motion in GRIPPER_MOTIONS:
            return (0.0, 0.0, 0.0, 0.0, GRIPPER_MOTIONS[self.motion])
        return (0.0, 0.0, 0.0, 0.0, 0.0)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``skillbridge parse --json`` and the ``skill_command`` topic."""
        out: dict[str, Any] = {"motion": self.motion, "magnitude": self.magnitude}
        if self.distance_m is not None:
            out["distance_m"] = round(self.distance_m, 6)
        if self.angle_rad is not None:
            out["angle_rad"] = round(self.angle_rad, 6)
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LanguageMotion:
        """A motion from its JSON object. A named magnitude without a size takes the table's
        size; with a size, the two must agree (``explicit`` takes any size within bounds).

        Raises:
            ContractError: not an object with ``motion``, an unknown magnitude, a non-numeric
                size, or a magnitude that contradicts the size (both named).
        """
        if not isinstance(data, dict) or "motion" not in data:
            raise ContractError(
                f"a language motion is a JSON object with a 'motion' key, got {data!r}"
            )
        motion, magnitude = data["motion"], data.get("magnitude")
        distance, angle = _size(data, "distance_m"), _size(data, "angle_rad")
        if magnitude is not None and magnitude != "explicit":
            _check_magnitude(magnitude)
            if motion in TRANSLATIONS:
                distance = _agree(motion, magnitude, "distance_m", distance, DISTANCE_M)
            elif motion in ROTATIONS:
                angle = _agree(motion, magnitude, "angle_rad", angle, ANGLE_RAD)
        return cls(motion, magnitude, distance, angle)

    @classmethod
    def from_json(cls, text: str) -> LanguageMotion:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ContractError(f"skill command is not JSON: {text[:80]!r} ({exc})") from exc
        return cls.from_dict(data)

    def describe(self) -> str:
        """Human-readable, e.g. ``left 1.0 cm``."""
        if self.distance_m is not None:
            return f"{self.motion} {self.distance_m * 100:.1f} cm"
        if self.angle_rad is not None:
            return f"{self.motion} {math.degrees(self.angle_rad):.0f} deg"
        return self.motion


def _check_magnitude(magnitude: str) -> None:
    if magnitude not in MAGNITUDES:
        raise ContractError(f"unknown magnitude {magnitude!r}; valid: {[*MAGNITUDES, 'explicit']}")


def _size(data: dict[str, Any], key: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ContractError(f"{key} must be a number, got {value!r}")
    return float(value)


def _agree(
    motion: str, magnitude: str, key: str, given: float | None, table: dict[str, float]
) -> float:
    """The size a named magnitude stands for, checked against a size given with it."""
    meant = table[magnitude]
    if given is not None and not math.isclose(given, meant, rel_tol=1e-4):
        raise ContractError(
            f"{motion}: magnitude {magnitude!r} means {key} {meant:.6g} but {given:.6g} was "
            f"given; send the magnitude alone, or the size with magnitude 'explicit'"
        )
    return meant
