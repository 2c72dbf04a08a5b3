"""Commands that condition the low-level skill, and the tool targets they resolve to.

A command is one language motion as the skill executes it: a displacement of the tool centre
point in the base frame (``dx_m, dy_m, dz_m``), a change of heading about the base z axis
(``dyaw_rad``), and a gripper request (+1 open, -1 close, 0 keep). When a command starts, it is
resolved once against the measured tool pose into a ``MotionTarget`` that the observation then
tracks; training, evaluation and the ROS policy node all resolve it with ``resolve_target``.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from skillbridge.contract.arrays import Array, constant, device_of, like, namespace
from skillbridge.contract.errors import ContractError
from skillbridge.contract.rotations import rotz, yaw_of_matrix

#: Tool orientation with the gripper pointing straight down and heading 0 (x axis along base +x).
TOOL_DOWN = np.diag([1.0, -1.0, -1.0])
GRIPPER_OPEN = 1.0
GRIPPER_CLOSED = -1.0


@dataclasses.dataclass(frozen=True)
class MotionTarget:
    """Where the tool should be. Batched over the first axis; numpy arrays or torch tensors."""

    pos_m: Array
    """Shape: (N, 3). Base frame."""
    rot: Array
    """Shape: (N, 3, 3). Base frame; always gripper-down with some heading."""
    gripper: Array
    """Shape: (N,). +1 open, -1 closed."""

    @property
    def yaw_rad(self) -> Array:
        return yaw_of_matrix(self.rot)

    def take(self, rows: Array) -> MotionTarget:
        """The targets of some rows (index array or mask)."""
        return MotionTarget(self.pos_m[rows], self.rot[rows], self.gripper[rows])


def resolve_target(
    tool_pos_m: Array, tool_rot: Array, command: Array, previous_gripper: Array
) -> MotionTarget:
    """Turn commands into targets relative to the measured tool pose.

    Args:
        tool_pos_m: measured tool positions, (N, 3).
        tool_rot: measured tool orientations, (N, 3, 3).
        command: (N, 5) rows of ``dx_m, dy_m, dz_m, dyaw_rad, gripper``.
        previous_gripper: (N,) gripper target before this command (kept when gripper is 0).

    Returns:
        The targets (in ``tool_pos_m``'s namespace): position displaced, heading turned,
        orientation gripper-down.
    """
    xp = namespace(tool_pos_m, command)
    pos = xp.reshape(xp.asarray(tool_pos_m), (-1, 3))
    cmd = xp.asarray(like(pos, command), dtype=pos.dtype)
    cmd = xp.reshape(cmd, (-1, cmd.shape[-1]))
    if cmd.shape[-1] != 5 or (xp is np and not np.all(np.isfinite(cmd))):
        raise ContractError(
            f"commands must be finite rows of (dx_m, dy_m, dz_m, dyaw_rad, gripper), got shape "
            f"{tuple(cmd.shape)} with {int(xp.sum(~xp.isfinite(cmd)))} non-finite values"
        )
    yaw = yaw_of_matrix(xp.reshape(tool_rot, (-1, 3, 3))) + cmd[:, 3]
    rot = rotz(yaw) @ constant(pos, TOOL_DOWN)
    grip_request = xp.sign(cmd[:, 4])
    previous = xp.reshape(like(pos, previous_gripper), (-1,))
    gripper = xp.where(grip_request != 0, grip_request, previous)
    return MotionTarget(pos + cmd[:, :3], rot, gripper)


def hold_target(tool_pos_m: Array, tool_rot: Array, gripper: Array) -> MotionTarget:
    """A target that keeps the tool where it is (the ``stop`` motion, and the start of a run)."""
    xp = namespace(tool_pos_m)
    pos = xp.reshape(xp.asarray(tool_pos_m), (-1, 3))
    still = xp.zeros((pos.shape[0], 5), dtype=pos.dtype, device=device_of(pos))
    return resolve_target(pos, tool_rot, still, gripper)


#: When a language motion counts as complete (the hierarchy then picks the next one): the tool
#: within these of its target, the fingers in the requested state and the tool nearly still, or
#: the motion's window over. Tighter than the 1 cm / 5 degree success test so that a 1 cm motion
#: is actually executed before the next decision.
MOTION_DONE_POS_M = 0.005
MOTION_DONE_ROT_RAD = float(np.deg2rad(3.0))
MOTION_DONE_SPEED_M_S = 0.02
MOTION_MIN_S = 0.3
MOTION_WINDOW_S = 2.5

#: Commanded tool headings stay within +-this (joint 7's travel around the home pose, with
#: margin): the simulator flips, and the runtime clamps, rotations that would leave it.
MAX_ABS_TOOL_YAW_RAD = 1.2
