"""``build_actor_obs``: the one definition of the actor observation.

Training (batched), the sim-to-sim evaluation of the ONNX file and the ROS policy node (a batch of
one) all call this function. Noise and randomization are applied by the caller in training only.
"""

from __future__ import annotations

import numpy as np

from skillbridge.contract.command import MotionTarget
from skillbridge.contract.errors import ContractError
from skillbridge.contract.kinematics import tool_pose
from skillbridge.contract.rotations import rotation_error
from skillbridge.contract.spec import PolicySpec
from skillbridge.contract.state import RobotState


class NonFiniteObservationError(ContractError):
    """A sensor reading or action was NaN or infinite; the caller must hold, not act on it."""


class ObservationHistory:
    """Frames of the terms that stack history, newest first. One per environment batch."""

    def __init__(self, spec: PolicySpec, num_envs: int) -> None:
        self._spec = spec
        self._frames = {
            t.name: np.zeros((num_envs, t.history, t.size))
            for t in spec.observation_terms
            if t.history > 1
        }
        self._fresh = np.ones(num_envs, dtype=bool)

    def reset(self, env_ids: np.ndarray | None = None) -> None:
        """Forget the past of some environments: their next frame fills the whole history."""
        if env_ids is None:
            self._fresh[:] = True
        else:
            self._fresh[env_ids] = True

    def push(self, name: str, frame: np.ndarray) -> np.ndarray:
        """Add the current frame of a term; return its stacked history, (N, history * size)."""
        buf = self._frames[name]
        buf[:, 1:] = buf[:, :-1]
        buf[:, 0] = frame
        buf[self._fresh] = frame[self._fresh, None, :]
        return buf.reshape(buf.shape[0], -1)

    def end_frame(self) -> None:
        self._fresh[:] = False


def observation_frames(
    state: RobotState,
    target: MotionTarget,
    last_action: np.ndarray,
    spec: PolicySpec,
    *,
    tool: tuple[np.ndarray, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Raw (unscaled) value of every known term, each (N, size).

    ``tool`` may pass ``tool_pose`` of exactly these joint positions when the caller already has
    it (the simulator does); it is computed here otherwise.
    """
    pos, vel = state.select(spec.joint_names)
    pos, vel = np.atleast_2d(pos), np.atleast_2d(vel)
    if not (np.isfinite(pos).all() and np.isfinite(vel).all()):
        bad = ~(np.isfinite(pos) & np.isfinite(vel))
        joints = [spec.joint_names[j] for j in np.flatnonzero(bad.any(axis=0))]
        raise NonFiniteObservationError(f"non-finite joint readings for {joints}")
    action = np.atleast_2d(np.asarray(last_action, dtype=np.float64))
    if not np.all(np.isfinite(action)):
        raise NonFiniteObservationError("non-finite values in the last action")
    tool_pos, tool_rot = tool or tool_pose(spec.kinematics, pos, spec.joint_names)
    rot_error = rotation_error(target.rot, tool_rot)
    return {
        "joint_pos_rel": pos - spec.arrays.default_joint_pos,
        "joint_vel": vel,
        "last_action": action,
        "target_pos_error_b": target.pos_m - tool_pos,
        "target_rot_error_b": rot_error,
        "gripper_target": np.asarray(target.gripper, dtype=np.float64).reshape(-1, 1),
        "tool_pos_b": tool_pos,
        "tool_rot_b": np.concatenate([tool_rot[..., :, 0], tool_rot[..., :, 1]], axis=-1),
    }


def build_actor_obs(
    state: RobotState,
    target: MotionTarget,
    last_action: np.ndarray,
    spec: PolicySpec,
    *,
    history: ObservationHistory | None = None,
    tool: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """The actor observation, float32, shape (N, spec.obs_dim).

    Args:
        state: joint readings (any joint order, extra joints ignored), shape (N, J) or (J,).
        target: the resolved command target, batch N.
        last_action: the previous policy action, (N, A) or (A,).
        spec: the policy contract.
        history: required when a term stacks history; updated in place.
        tool: optional precomputed ``tool_pose`` of the same joint positions.

    Raises:
        ContractError: a policy joint is missing from ``state`` (named in the message).
        NonFiniteObservationError: NaN/Inf in the readings or the last action.
    """
    frames = observation_frames(state, target, last_action, spec, tool=tool)
    return stack_actor_obs(frames, spec, history=history)


def stack_actor_obs(
    frames: dict[str, np.ndarray],
    spec: PolicySpec,
    *,
    history: ObservationHistory | None = None,
) -> np.ndarray:
    """Scale, clip and stack the raw frames of ``observation_frames`` in the spec's term order
    (with history), float32 (N, spec.obs_dim). ``build_actor_obs`` is the two in one call."""
    terms, arrays = spec.observation_terms, spec.arrays
    current = np.concatenate([frames[t.name] for t in terms], axis=-1)
    current = np.clip(current * arrays.obs_scale, -arrays.obs_clip, arrays.obs_clip)
    if all(t.history == 1 for t in terms):
        return current.astype(np.float32)
    if history is None:
        name = next(t.name for t in terms if t.history > 1)
        raise ContractError(f"term {name!r} stacks history; pass an ObservationHistory")
    blocks, start = [], 0
    for term in terms:
        frame = current[:, start : start + term.size]
        start += term.size
        blocks.append(history.push(term.name, frame) if term.history > 1 else frame)
    history.end_frame()
    return np.concatenate(blocks, axis=-1).astype(np.float32)
