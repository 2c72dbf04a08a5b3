"""``build_actor_obs``: the one definition of the actor observation.

Training (batched, on numpy arrays or device tensors), the verification gate and the ROS policy
node (a batch of one) all call this function. Noise and randomization are applied by the caller
in training only.
"""

from __future__ import annotations

import numpy as np

from skillbridge.contract.arrays import Array, constant, like, namespace
from skillbridge.contract.command import MotionTarget
from skillbridge.contract.errors import ContractError
from skillbridge.contract.kinematics import tool_pose
from skillbridge.contract.rotations import rotation_error
from skillbridge.contract.spec import PolicySpec
from skillbridge.contract.state import RobotState


class NonFiniteObservationError(ContractError):
    """A sensor reading or action was NaN or infinite; the caller must hold, not act on it."""


class ObservationHistory:
    """Frames of the terms that stack history, newest first. One per environment batch.

    The buffers are made at the first ``push``, in the namespace and on the device of the frames.
    """

    def __init__(self, spec: PolicySpec, num_envs: int) -> None:
        self._sizes = {
            t.name: (t.history, t.size) for t in spec.observation_terms if t.history > 1
        }
        self._frames: dict[str, Array] = {}
        self._fresh: Array = np.ones(num_envs, dtype=bool)

    def reset(self, env_ids: Array | None = None) -> None:
        """Forget the past of some environments: their next frame fills the whole history."""
        if env_ids is None:
            self._fresh[:] = True
        else:
            self._fresh[like(self._fresh, env_ids)] = True

    def push(self, name: str, frame: Array) -> Array:
        """Add the current frame of a term; return its stacked history, (N, history * size)."""
        xp = namespace(frame)
        fresh = self._fresh = like(frame, self._fresh)
        buf = self._frames.get(name)
        if buf is None:
            buf = xp.zeros((frame.shape[0], *self._sizes[name]), dtype=frame.dtype)
            buf = like(frame, buf)
        buf = xp.concat([frame[:, None, :], buf[:, :-1]], axis=1)
        buf = xp.where(fresh[:, None, None], frame[:, None, :], buf)
        self._frames[name] = buf
        return xp.reshape(buf, (buf.shape[0], -1))

    def end_frame(self) -> None:
        self._fresh[:] = False


def observation_frames(
    state: RobotState,
    target: MotionTarget,
    last_action: Array,
    spec: PolicySpec,
    *,
    tool: tuple[Array, Array] | None = None,
) -> dict[str, Array]:
    """Raw (unscaled) value of every known term, each (N, size), in the state's namespace.

    ``tool`` may pass ``tool_pose`` of exactly these joint positions when the caller already has
    it (the simulator does); it is computed here otherwise. numpy readings are checked for
    NaN/Inf here; device tensors are not (a check would stall the device's queue every step):
    the simulator resets environments whose physics failed before it observes them.
    """
    pos, vel = state.select(spec.joint_names)
    xp = namespace(pos)
    pos, vel = xp.reshape(pos, (-1, pos.shape[-1])), xp.reshape(vel, (-1, vel.shape[-1]))
    action = xp.asarray(like(pos, last_action), dtype=pos.dtype)
    action = xp.reshape(action, (-1, action.shape[-1]))
    if xp is np:
        _check_finite(pos, vel, action, spec)
    tool_pos, tool_rot = tool or tool_pose(spec.kinematics, pos, spec.joint_names)
    rot_error = rotation_error(like(pos, target.rot), tool_rot)
    gripper = xp.asarray(like(pos, target.gripper), dtype=pos.dtype)
    return {
        "joint_pos_rel": pos - constant(pos, spec.arrays.default_joint_pos),
        "joint_vel": vel,
        "last_action": action,
        "target_pos_error_b": like(pos, target.pos_m) - tool_pos,
        "target_rot_error_b": rot_error,
        "gripper_target": xp.reshape(gripper, (-1, 1)),
        "tool_pos_b": tool_pos,
        "tool_rot_b": xp.concat([tool_rot[..., :, 0], tool_rot[..., :, 1]], axis=-1),
    }


def _check_finite(pos: np.ndarray, vel: np.ndarray, action: np.ndarray, spec: PolicySpec) -> None:
    if not (np.isfinite(pos).all() and np.isfinite(vel).all()):
        bad = ~(np.isfinite(pos) & np.isfinite(vel))
        joints = [spec.joint_names[j] for j in np.flatnonzero(bad.any(axis=0))]
        raise NonFiniteObservationError(f"non-finite joint readings for {joints}")
    if not np.all(np.isfinite(action)):
        raise NonFiniteObservationError("non-finite values in the last action")


def build_actor_obs(
    state: RobotState,
    target: MotionTarget,
    last_action: Array,
    spec: PolicySpec,
    *,
    history: ObservationHistory | None = None,
    tool: tuple[Array, Array] | None = None,
) -> Array:
    """The actor observation, float32, shape (N, spec.obs_dim), in the state's namespace.

    Args:
        state: joint readings (any joint order, extra joints ignored), shape (N, J) or (J,).
        target: the resolved command target, batch N.
        last_action: the previous policy action, (N, A) or (A,).
        spec: the policy contract.
        history: required when a term stacks history; updated in place.
        tool: optional precomputed ``tool_pose`` of the same joint positions.

    Raises:
        ContractError: a policy joint is missing from ``state`` (named in the message).
        NonFiniteObservationError: NaN/Inf in numpy readings or the last action.
    """
    frames = observation_frames(state, target, last_action, spec, tool=tool)
    return stack_actor_obs(frames, spec, history=history)


def stack_actor_obs(
    frames: dict[str, Array],
    spec: PolicySpec,
    *,
    history: ObservationHistory | None = None,
) -> Array:
    """Scale, clip and stack the raw frames of ``observation_frames`` in the spec's term order
    (with history), float32 (N, spec.obs_dim). ``build_actor_obs`` is the two in one call."""
    terms, arrays = spec.observation_terms, spec.arrays
    first = frames[terms[0].name]
    xp = namespace(first)
    current = xp.concat([frames[t.name] for t in terms], axis=-1)
    clip = constant(current, arrays.obs_clip)
    current = xp.clip(current * constant(current, arrays.obs_scale), -clip, clip)
    if all(t.history == 1 for t in terms):
        return xp.astype(current, xp.float32)
    if history is None:
        name = next(t.name for t in terms if t.history > 1)
        raise ContractError(f"term {name!r} stacks history; pass an ObservationHistory")
    blocks, start = [], 0
    for term in terms:
        frame = current[:, start : start + term.size]
        start += term.size
        blocks.append(history.push(term.name, frame) if term.history > 1 else frame)
    history.end_frame()
    return xp.astype(xp.concat(blocks, axis=-1), xp.float32)
