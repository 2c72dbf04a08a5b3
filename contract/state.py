"""What the robot's sensors report: joint positions and velocities, by joint name."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from skillbridge.contract.arrays import Array, constant, is_torch
from skillbridge.contract.errors import ContractError

# Column indices by (state joint names, requested names): a control loop asks the same question
# every step.
_INDICES: dict[tuple[tuple[str, ...], tuple[str, ...]], np.ndarray] = {}


@dataclasses.dataclass(frozen=True)
class RobotState:
    """Joint readings of one robot (shape (J,)) or of a batch of robots (shape (N, J)).

    ``joint_names`` label the last axis. A driver may publish joints in any order and more joints
    than a policy uses; consumers select the joints they need by name with ``select``.
    """

    joint_names: tuple[str, ...]
    joint_pos_rad: Array
    """Shape: (J,) or (num_envs, J). Prismatic (finger) joints in metres. numpy (float64) or a
    torch tensor (kept in its own dtype and device)."""
    joint_vel_rad_s: Array
    """Shape: like ``joint_pos_rad``. Prismatic joints in m/s."""

    def __post_init__(self) -> None:
        names = tuple(self.joint_names)
        object.__setattr__(self, "joint_names", names)
        if len(set(names)) != len(names):
            duplicates = sorted({n for n in names if names.count(n) > 1})
            raise ContractError(f"joint names repeat in the robot state: {duplicates}")
        pos, vel = self.joint_pos_rad, self.joint_vel_rad_s
        if not is_torch(pos):
            pos = np.asarray(pos, dtype=np.float64)
            vel = np.asarray(vel, dtype=np.float64)
        if tuple(pos.shape) != tuple(vel.shape) or tuple(pos.shape[-1:]) != (len(names),):
            raise ContractError(
                f"robot state shapes disagree: {len(names)} names, positions "
                f"{tuple(pos.shape)}, velocities {tuple(vel.shape)}; both must be "
                f"(..., {len(names)})"
            )
        object.__setattr__(self, "joint_pos_rad", pos)
        object.__setattr__(self, "joint_vel_rad_s", vel)

    @classmethod
    def from_mapping(
        cls, positions: dict[str, float], velocities: dict[str, float] | None = None
    ) -> RobotState:
        """One robot's state from ``{joint_name: value}``; velocities default to zero."""
        names = tuple(positions)
        vel = velocities or {}
        return cls(
            names,
            np.array([positions[n] for n in names]),
            np.array([vel.get(n, 0.0) for n in names]),
        )

    def indices_of(self, names: Sequence[str]) -> np.ndarray:
        """Column of each requested joint. Raises ContractError naming every missing joint."""
        key = (self.joint_names, tuple(names))
        found = _INDICES.get(key)
        if found is None:
            found = self._find_indices(key[1])
            if len(_INDICES) > 256:
                _INDICES.clear()
            _INDICES[key] = found
        return found

    def _find_indices(self, names: tuple[str, ...]) -> np.ndarray:
        index = {n: i for i, n in enumerate(self.joint_names)}
        missing = [n for n in names if n not in index]
        if missing:
            raise ContractError(
                f"joints {missing} are missing from the robot state "
                f"(it has {list(self.joint_names)}); "
                "check the driver's joint names against the policy contract"
            )
        found = np.array([index[n] for n in names], dtype=np.int64)
        found.flags.writeable = False
        return found

    def select(self, names: Sequence[str]) -> tuple[Array, Array]:
        """Positions and velocities of ``names``, in that order. Shapes: (..., len(names))."""
        idx = constant(self.joint_pos_rad, self.indices_of(names))
        return self.joint_pos_rad[..., idx], self.joint_vel_rad_s[..., idx]
