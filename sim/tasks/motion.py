"""Task ``motion``: the low-level skill. Track one language motion after another.

The command is a displacement of the tool centre point in the base frame (dx, dy, dz in metres,
dyaw in radians) plus a gripper request. It is resolved against the tool pose when it starts
(``skillbridge.contract.resolve_target``) and resampled every ``command_period_s`` so one policy
learns to chain motions. Success of a command: at the end of its window the tool is within
``success_pos_m`` / ``success_rot_rad`` of the target and the fingers have reached their state.

Rewards, terminations and the success test are small pure functions of arrays.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from skillbridge.contract import GRIPPER_OPEN, MotionTarget, PolicySpec
from skillbridge.contract.arrays import Array, constant, namespace
from skillbridge.contract.rotations import rotation_angle
from skillbridge.sim.arrays import Random
from skillbridge.sim.scene import FINGER_OPEN_M


@dataclasses.dataclass(frozen=True)
class MotionCommandConfig:
    """How commands are drawn."""

    command_period_s: float = 2.5
    translate_axis_prob: float = 0.45
    """A move along one base axis (the language motions forward/back/left/right/up/down)."""
    translate_free_prob: float = 0.15
    """A move in a random 3-D direction (chained corrections)."""
    rotate_prob: float = 0.15
    gripper_prob: float = 0.2
    """Open or close, holding the pose. The remainder of the probability mass is ``stop``."""
    distance_m: tuple[float, float] = (0.005, 0.15)
    angle_rad: tuple[float, float] = (0.05, 0.8)


@dataclasses.dataclass(frozen=True)
class MotionRewardConfig:
    """Weights (per second: rewards are multiplied by the control period) and kernel widths."""

    pos_coarse: float = 1.0
    pos_coarse_std_m: float = 0.1
    pos_fine: float = 2.0
    pos_fine_std_m: float = 0.01
    rot_coarse: float = 1.0
    rot_coarse_std_rad: float = 0.3
    rot_fine: float = 2.0
    rot_fine_std_rad: float = 0.05
    finger: float = 0.5
    finger_command: float = -0.5
    """Per unit of (finger action - requested state)^2: a close request means a full squeeze,
    not a finger held wherever the cube stopped it (a weak grip drops the cube when lifting)."""
    precision: float = 2.0
    """Bonus while the tool is inside the success tolerance (position and orientation)."""
    action_rate: float = -0.05
    joint_vel: float = -0.002
    joint_limit: float = -5.0
    joint_limit_margin: float = 0.05
    """Fraction of each joint's range, at both ends, that is penalized."""
    table_contact: float = -2.0
    hold: float = 1.0
    """While the gripper is asked to stay closed and holds the cube: keeping it is worth more
    than tracking a little faster without it (otherwise a policy learns to drop the cube to
    move faster)."""
    path_deviation: float = -30.0
    """Per metre the tool strays from the straight segment between the command's start and
    target: motions go straight, as a person watching expects."""
    slip: float = 0.0
    """Per m/s of the held cube's motion in the tool frame (``MotionStep.slip_m_s``). A cube
    carried through lateral moves ratchets along the pads about a millimetre per move while the
    policy dithers the wrist (docs/grasp.md); ``hold`` only sees the drop at the end of it. Off
    in the shipped skill; the carry fine-tune sets it."""


@dataclasses.dataclass(frozen=True)
class SuccessTolerance:
    pos_m: float = 0.01
    rot_rad: float = float(np.deg2rad(5.0))
    finger_open_min_m: float = 0.035
    """An open request is reached when each finger is open at least this far."""
    finger_closed_max_m: float = 0.032
    """A close request is reached when each finger is inside this and nearly still."""
    finger_still_m_s: float = 0.01


def tracking_errors(target: MotionTarget, tool_pos: Array, tool_rot: Array) -> tuple[Array, Array]:
    """Position error norm (m) and rotation error angle (rad), each (N,)."""
    xp = namespace(tool_pos)
    pos_err = xp.linalg.vector_norm(target.pos_m - tool_pos, axis=-1)
    return pos_err, rotation_angle(target.rot, tool_rot)


def finger_reached(
    gripper_target: Array, finger_pos: Array, finger_vel: Array, tol: SuccessTolerance
) -> Array:
    """Whether the fingers are in the requested state, (N,) bool."""
    xp = namespace(finger_pos)
    opened = finger_pos >= tol.finger_open_min_m
    closed = (finger_pos <= tol.finger_closed_max_m) & (xp.abs(finger_vel) <= tol.finger_still_m_s)
    return xp.where(gripper_target > 0, opened, closed)


def command_success(
    pos_err: Array, rot_err: Array, fingers_ok: Array, tol: SuccessTolerance
) -> Array:
    return (pos_err <= tol.pos_m) & (rot_err <= tol.rot_rad) & fingers_ok


def finger_tracking_reward(gripper_target: Array, finger_pos: Array) -> Array:
    """1 when the finger is at the requested end of its travel, falling linearly."""
    xp = namespace(finger_pos)
    goal = xp.where(gripper_target > 0, FINGER_OPEN_M, 0.0)
    return 1.0 - xp.clip(xp.abs(finger_pos - goal) / FINGER_OPEN_M, 0.0, 1.0)


def joint_limit_penalty(q: Array, lower: Array, upper: Array, margin: float) -> Array:
    """Sum over joints of how far (in rad) each is inside the margin band at its limits."""
    xp = namespace(q)
    band = margin * (upper - lower)
    below = xp.clip(lower + band - q, 0.0, None)
    above = xp.clip(q - (upper - band), 0.0, None)
    return xp.sum(below + above, axis=-1)


@dataclasses.dataclass(frozen=True)
class MotionStep:
    """What the motion rewards look at after one control step. Arrays are (N, ...)."""

    pos_err: Array
    """(N,) metres."""
    rot_err: Array
    """(N,) radians."""
    gripper_target: Array
    joint_pos: Array
    """(N, 8) true positions, the finger last."""
    joint_vel: Array
    action: Array
    last_action: Array
    table_contact: Array
    """(N,) bool."""
    path_dev: Array
    """(N,) metres from the start-target segment."""
    holding: Array
    """(N,) bool: fingers closed on the cube (grasp contact, cube centre within 3 cm of the
    tool centre point)."""
    slip_m_s: Array
    """(N,) speed of the cube's centre in the tool frame over the last control period, where the
    cube was held at both its ends (0 elsewhere)."""


def motion_reward(
    step: MotionStep, cfg: MotionRewardConfig, spec: PolicySpec, tol: SuccessTolerance
) -> tuple[Array, dict[str, Array]]:
    """The reward (N,) and its terms, each (N,), weighted and multiplied by the control period."""
    xp = namespace(step.pos_err)
    q = step.joint_pos
    lower = constant(q, spec.arrays.joint_pos_lower)
    upper = constant(q, spec.arrays.joint_pos_upper)
    limit = joint_limit_penalty(q, lower, upper, cfg.joint_limit_margin)
    dtype = step.pos_err.dtype
    within = (step.pos_err <= tol.pos_m) & (step.rot_err <= tol.rot_rad)
    holding = (step.gripper_target < 0) & step.holding

    def kernel(err: Array, std: float) -> Array:
        return xp.exp(-xp.square(err / std))

    terms = {
        "pos_coarse": cfg.pos_coarse * kernel(step.pos_err, cfg.pos_coarse_std_m),
        "pos_fine": cfg.pos_fine * kernel(step.pos_err, cfg.pos_fine_std_m),
        "rot_coarse": cfg.rot_coarse * kernel(step.rot_err, cfg.rot_coarse_std_rad),
        "rot_fine": cfg.rot_fine * kernel(step.rot_err, cfg.rot_fine_std_rad),
        "finger": cfg.finger * finger_tracking_reward(step.gripper_target, q[:, -1]),
        "finger_command": cfg.finger_command
        * xp.square(xp.clip(step.action[:, -1], -1.0, 1.0) - step.gripper_target),
        "precision": cfg.precision * xp.astype(within, dtype),
        "action_rate": cfg.action_rate
        * xp.sum(xp.square(step.action - step.last_action), axis=-1),
        "joint_vel": cfg.joint_vel * xp.sum(xp.square(step.joint_vel[:, :7]), axis=-1),
        "joint_limit": cfg.joint_limit * limit,
        "table_contact": cfg.table_contact * xp.astype(step.table_contact, dtype),
        "path_deviation": cfg.path_deviation * step.path_dev,
        "hold": cfg.hold * xp.astype(holding, dtype),
        "slip": cfg.slip * step.slip_m_s,
    }
    weighted = xp.stack(list(terms.values())) * spec.control_period_s
    return xp.sum(weighted, axis=0), dict(zip(terms, weighted, strict=True))


def in_tool_frame(point: Array, tool_pos: Array, tool_rot: Array) -> Array:
    """Points (N, 3) in the tool frame: ``R^T (point - tool)``, with ``tool_rot``'s columns the
    tool axes in the world (N, 3, 3)."""
    xp = namespace(point)
    return xp.sum(tool_rot * (point - tool_pos)[:, :, None], axis=1)


def distance_to_segment(point: Array, start: Array, end: Array) -> Array:
    """Distance of points (N, 3) from the segments start -> end (N, 3), (N,)."""
    xp = namespace(point)
    seg = end - start
    length2 = xp.sum(seg * seg, axis=1)
    along = xp.sum((point - start) * seg, axis=1) / xp.clip(length2, 1e-12, None)
    t = xp.where(length2 > 1e-12, along, 0.0)
    closest = start + xp.clip(t, 0.0, 1.0)[:, None] * seg
    return xp.linalg.vector_norm(point - closest, axis=1)


PICK_STAGES = 5


def pick_commands(rng: Random, stage: Array, tool_pos: Array, cube_pos: Array) -> Array:
    """The pick primitive, one command per stage, rows (n, 5) for environments at ``stage``:
    0 over the cube at 10-20 cm, 1 down to 3-6 cm above it, 2 down to its centre, 3 close,
    4 lift 5-15 cm. Translations also close the remaining xy offset to the cube."""
    xp = namespace(tool_pos)
    n = tool_pos.shape[0]
    above = xp.where(
        stage == 0,
        rng.uniform(0.10, 0.20, n),
        xp.where(stage == 1, rng.uniform(0.03, 0.06, n), rng.uniform(0.0, 0.004, n)),
    )
    approach = stage <= 2
    zero = xp.zeros_like(above)
    dxy = xp.where(approach[:, None], (cube_pos - tool_pos)[:, :2], 0.0)
    dz = xp.where(
        approach,
        cube_pos[:, 2] + above - tool_pos[:, 2],
        xp.where(stage == 4, rng.uniform(0.05, 0.15, n), zero),
    )
    gripper = xp.where(stage == 3, -1.0, zero)
    return xp.concat([dxy, dz[:, None], zero[:, None], gripper[:, None]], axis=1)


def sample_commands(
    rng: Random,
    *,
    cfg: MotionCommandConfig,
    tool_pos: Array,
    gripper: Array,
    workspace_min: Array,
    workspace_max: Array,
) -> Array:
    """Draw one command per row, keeping each target inside the workspace box.

    Args:
        tool_pos: current tool positions, (n, 3).
        gripper: current gripper targets, (n,); a gripper command requests the other state.
        workspace_min, workspace_max: corners of the box, (3,) in ``tool_pos``'s namespace.

    Returns:
        (n, 5) commands ``dx_m, dy_m, dz_m, dyaw_rad, gripper``.
    """
    xp = namespace(tool_pos)
    n = tool_pos.shape[0]
    kind = rng.categorical(_kind_probs(cfg), n)
    distance = rng.uniform(*cfg.distance_m, n)
    axes = constant(tool_pos, _AXES)[rng.integers(0, 3, n)]
    axis_dirs = axes * rng.signs((n, 1))
    free_dirs = rng.normal(1.0, (n, 3))
    free_dirs = free_dirs / xp.linalg.vector_norm(free_dirs, axis=1, keepdims=True)
    direction = xp.where((kind == 0)[:, None], axis_dirs, free_dirs)
    step = direction * distance[:, None]
    # Shrink or mirror steps that would leave the workspace: targets stay reachable.
    target = tool_pos + step
    outside = xp.any((target < workspace_min) | (target > workspace_max), axis=1)
    target = xp.where(outside[:, None], tool_pos - step, target)
    target = xp.clip(target, workspace_min, workspace_max)
    move = xp.where((kind <= 1)[:, None], target - tool_pos, 0.0)
    turn = rng.uniform(*cfg.angle_rad, n) * rng.signs(n)
    turn = xp.where(kind == 2, turn, 0.0)
    toggle = xp.where(kind == 3, -xp.sign(gripper + 1e-9), 0.0)
    return xp.concat([move, turn[:, None], toggle[:, None]], axis=1)


_AXES = np.eye(3)


def _kind_probs(cfg: MotionCommandConfig) -> np.ndarray:
    probs = [cfg.translate_axis_prob, cfg.translate_free_prob, cfg.rotate_prob, cfg.gripper_prob]
    return np.array([*probs, max(0.0, 1.0 - sum(probs))]) / max(1.0, sum(probs))


def limit_yaw(command: Array, tool_yaw: Array, max_abs_yaw: float) -> Array:
    """Flip rotation commands whose target heading would leave +-max_abs_yaw (joint 7 travel)."""
    xp = namespace(command)
    flip = xp.abs(tool_yaw + command[:, 3]) > max_abs_yaw
    yaw = xp.where(flip, -command[:, 3], command[:, 3])
    return xp.concat([command[:, :3], yaw[:, None], command[:, 4:]], axis=1)


def initial_gripper(rng: Random, n: int, open_prob: float = 0.7) -> Array:
    xp_draw = rng.random(n)
    return namespace(xp_draw).where(xp_draw < open_prob, GRIPPER_OPEN, -GRIPPER_OPEN)
