"""A scripted (non-learned) motion controller: damped least-squares IK with integral action.

It reads only what the actor reads (reported joint positions and the command target, through the
contract), so it is a fair baseline and a stage demo of the contract; the learned skill
replaces it.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from skillbridge.contract import MotionTarget, PolicySpec, RobotState, tool_pose
from skillbridge.contract.rotations import rotation_error


@dataclasses.dataclass(frozen=True)
class ScriptedGains:
    pos_gain: float = 8.0
    """1/s: commanded tool speed per metre of error."""
    rot_gain: float = 4.0
    integral_gain: float = 4.0
    """1/s^2: removes the steady sag of the position servos under gravity."""
    damping: float = 0.05
    max_joint_step_rad: float = 0.08


def tool_jacobian(spec: PolicySpec, arm_pos: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Geometric 6x7 Jacobian of the tool (linear; angular) by central differences, (N, 6, 7)."""
    n, names = arm_pos.shape[0], spec.joint_names
    jac = np.zeros((n, 6, 7))
    _, rot0 = tool_pose(spec.kinematics, arm_pos, names)
    for j in range(7):
        plus, minus = arm_pos.copy(), arm_pos.copy()
        plus[:, j] += eps
        minus[:, j] -= eps
        p_plus, r_plus = tool_pose(spec.kinematics, plus, names)
        p_minus, r_minus = tool_pose(spec.kinematics, minus, names)
        jac[:, :3, j] = (p_plus - p_minus) / (2 * eps)
        jac[:, 3:, j] = rotation_error(r_plus, r_minus) / (2 * eps)
    del rot0
    return jac


class ScriptedMotionController:
    """Actions (N, 8) that drive the tool to its ``MotionTarget``."""

    def __init__(
        self, spec: PolicySpec, num_envs: int, gains: ScriptedGains | None = None
    ) -> None:
        self.spec = spec
        self.gains = gains or ScriptedGains()
        self._integral = np.zeros((num_envs, 3))

    def reset(self, env_ids: np.ndarray | None = None) -> None:
        if env_ids is None:
            self._integral[:] = 0.0
        else:
            self._integral[env_ids] = 0.0

    def act(self, state: RobotState, target: MotionTarget) -> np.ndarray:
        g, spec = self.gains, self.spec
        pos, _ = state.select(spec.joint_names)
        pos = np.atleast_2d(pos)
        tool_pos, tool_rot = tool_pose(spec.kinematics, pos, spec.joint_names)
        pos_err = target.pos_m - tool_pos
        rot_err = rotation_error(target.rot, tool_rot)
        dt = spec.control_period_s
        self._integral = np.clip(self._integral + pos_err * dt, -0.05, 0.05)
        twist = np.concatenate(
            [g.pos_gain * pos_err + g.integral_gain * self._integral, g.rot_gain * rot_err], axis=1
        )
        jac = tool_jacobian(spec, pos)
        jjt = jac @ np.swapaxes(jac, 1, 2) + g.damping**2 * np.eye(6)
        qdot = np.einsum("nji,nj->ni", jac, np.linalg.solve(jjt, twist[..., None])[..., 0])
        # Joint step this period; the servo tracks measured + step (a "delta" action).
        step = np.clip(qdot * dt * 5.0, -g.max_joint_step_rad, g.max_joint_step_rad)
        scale = np.asarray(spec.action_scale[:7])
        action = np.zeros((pos.shape[0], spec.action_dim))
        action[:, :7] = step / scale
        action[:, 7] = np.where(target.gripper > 0, 1.0, -1.0)
        return np.clip(action, -spec.action_clip, spec.action_clip)
