"""Action mapping: policy action -> joint position targets, clipped to the joint limits.

``SingleRobotAction`` is the same mapping for one robot in plain Python floats (the policy node's
tick; a test holds the two equal).
"""

from __future__ import annotations

import math

import numpy as np

from skillbridge.contract.arrays import Array, constant, like, namespace
from skillbridge.contract.errors import ContractError
from skillbridge.contract.spec import PolicySpec


def action_to_joint_targets(action: Array, measured_pos: Array, spec: PolicySpec) -> Array:
    """Joint position targets in ``spec.joint_names`` order, in ``action``'s namespace.

    ``delta`` joints: measured position + scale * action. ``absolute`` joints: default position +
    scale * action. Actions are clipped to +-``action_clip`` first, targets to the joint limits.

    Args:
        action: (N, A) or (A,).
        measured_pos: measured positions of the policy joints in spec order, same batch shape.
        spec: the policy contract.

    Raises:
        ContractError: wrong shape, or a non-finite numpy action (device tensors are not checked
            here: the simulator replaces non-finite rows before it maps them).
    """
    xp = namespace(action)
    a = xp.asarray(action, dtype=np.float64) if xp is np else action
    if tuple(a.shape[-1:]) != (spec.action_dim,):
        raise ContractError(
            f"action must have shape (..., {spec.action_dim}), got {tuple(a.shape)}"
        )
    if xp is np and not np.all(np.isfinite(a)):
        raise ContractError("action contains NaN or Inf; hold the previous targets instead")
    a = xp.clip(a, -spec.action_clip, spec.action_clip)
    arrays = spec.arrays
    measured = xp.asarray(like(a, measured_pos), dtype=a.dtype)
    base = xp.where(
        constant(a, arrays.delta_action), measured, constant(a, arrays.default_joint_pos)
    )
    targets = base + constant(a, arrays.action_scale) * a
    return xp.clip(
        targets, constant(a, arrays.joint_pos_lower), constant(a, arrays.joint_pos_upper)
    )


class SingleRobotAction:
    """``action_to_joint_targets`` of one robot without numpy calls per joint: the policy node
    maps one action per period after the CPU has idled, when numpy's per-call machinery costs
    several times its warm time."""

    def __init__(self, spec: PolicySpec) -> None:
        arrays = spec.arrays
        self._dim, self._clip = spec.action_dim, float(spec.action_clip)
        self._joints = list(
            zip(
                arrays.delta_action.tolist(),
                arrays.default_joint_pos.tolist(),
                arrays.action_scale.tolist(),
                arrays.joint_pos_lower.tolist(),
                arrays.joint_pos_upper.tolist(),
                strict=True,
            )
        )

    def __call__(self, action: np.ndarray, measured_pos: np.ndarray) -> np.ndarray:
        """Targets (J,) of ``action`` (A,) or (1, A) and the measured positions (J,).

        Raises:
            ContractError: wrong shape or non-finite action (as ``action_to_joint_targets``).
        """
        a = np.ravel(action).tolist()
        if len(a) != self._dim:
            shape = np.shape(action)
            raise ContractError(
                f"action must have shape ({self._dim},) or (1, {self._dim}), got {shape}"
            )
        return self.of_floats(a, np.ravel(measured_pos).tolist())

    def of_floats(self, action: list[float], measured_pos: list[float]) -> np.ndarray:
        """``__call__`` on plain floats: the action (A) and the measured positions (J).

        Raises:
            ContractError: non-finite action.
        """
        if not all(map(math.isfinite, action)):
            raise ContractError("action contains NaN or Inf; hold the previous targets instead")
        clip, targets = self._clip, []
        for raw, measured, (delta, default, scale, lower, upper) in zip(
            action, measured_pos, self._joints, strict=True
        ):
            # Clipped by comparisons (min/max calls cost more than the arithmetic here).
            a = raw if -clip <= raw <= clip else (clip if raw > clip else -clip)
            target = (measured if delta else default) + scale * a
            targets.append(
                target if lower <= target <= upper else (upper if target > upper else lower)
            )
        return np.array(targets)
