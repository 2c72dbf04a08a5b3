"""Action mapping: policy action -> joint position targets, clipped to the joint limits.

The one definition of the action's clip and scale: the simulator applies it to the actions it is
given during training, and export traces it into the policy's ONNX graph, which the verification
gate and the robot run.
"""

from __future__ import annotations

import numpy as np

from skillbridge.contract.arrays import Array, constant, like, namespace
from skillbridge.contract.errors import ContractError
from skillbridge.contract.spec import PolicySpec


def action_to_joint_targets(
    action: Array, measured_pos: Array, spec: PolicySpec, gripper_request: Array | None = None
) -> Array:
    """Joint position targets in ``spec.joint_names`` order, in ``action``'s namespace.

    ``delta`` joints: measured position + scale * action. ``absolute`` joints: default position +
    scale * action. Actions are clipped to +-``action_clip`` first, targets to the joint limits.
    With ``spec.grasp_gate_joint`` set, that joint's target is its lower limit (closed) wherever
    the gripper request is negative (close).

    Args:
        action: (N, A) or (A,).
        measured_pos: measured positions of the policy joints in spec order, same batch shape.
        spec: the policy contract.
        gripper_request: the current gripper request (+1 open, -1 close), (N,) or scalar; needed
            only when the contract has a grasp gate.

    Raises:
        ContractError: wrong shape, a non-finite numpy action (device tensors are not checked
            here: the simulator replaces non-finite rows before it maps them), or a grasp gate
            without ``gripper_request``.
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
    lower = constant(a, arrays.joint_pos_lower)
    targets = xp.clip(targets, lower, constant(a, arrays.joint_pos_upper))
    if spec.grasp_gate_joint is None:
        return targets
    if gripper_request is None:
        raise ContractError(
            f"this contract holds {spec.grasp_gate_joint} closed while the gripper is asked to "
            "close; pass gripper_request (the command's gripper value, +1 open / -1 close)"
        )
    request = xp.asarray(like(a, gripper_request), dtype=a.dtype)
    closing = xp.reshape(request < 0, (*request.shape, 1)) & constant(a, arrays.grasp_gated)
    return xp.where(closing, lower, targets)
