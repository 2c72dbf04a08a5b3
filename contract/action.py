"""Action mapping: policy action -> joint position targets, clipped to the joint limits."""

from __future__ import annotations

import numpy as np

from skillbridge.contract.errors import ContractError
from skillbridge.contract.spec import PolicySpec


def action_to_joint_targets(
    action: np.ndarray, measured_pos: np.ndarray, spec: PolicySpec
) -> np.ndarray:
    """Joint position targets in ``spec.joint_names`` order.

    ``delta`` joints: measured position + scale * action. ``absolute`` joints: default position +
    scale * action. Actions are clipped to +-``action_clip`` first, targets to the joint limits.

    Args:
        action: (N, A) or (A,).
        measured_pos: measured positions of the policy joints in spec order, same batch shape.
        spec: the policy contract.

    Raises:
        ContractError: wrong shape or non-finite action.
    """
    a = np.asarray(action, dtype=np.float64)
    if a.shape[-1:] != (spec.action_dim,):
        raise ContractError(f"action must have shape (..., {spec.action_dim}), got {a.shape}")
    if not np.all(np.isfinite(a)):
        raise ContractError("action contains NaN or Inf; hold the previous targets instead")
    a = np.clip(a, -spec.action_clip, spec.action_clip)
    arrays = spec.arrays
    base = np.where(
        arrays.delta_action, np.asarray(measured_pos, np.float64), arrays.default_joint_pos
    )
    targets = base + arrays.action_scale * a
    return np.clip(targets, arrays.joint_pos_lower, arrays.joint_pos_upper)
