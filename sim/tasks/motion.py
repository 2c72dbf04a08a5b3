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
from skillbridge.contract.rotations import rotation_angle
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


@dataclasses.dataclass(frozen=True)
class SuccessTolerance:
    pos_m: float = 0.01
    rot_rad: float = float(np.deg2rad(5.0))
    finger_open_min_m: float = 0.035
    """An open request is reached when each finger is open at least this far."""
    finger_closed_max_m: float = 0.032
    """A close request is reached when each finger is inside this and nearly still."""
    finger_still_m_s: float = 0.01


def tracking_errors(
    target: MotionTarget, tool_pos: np.ndarray, tool_rot: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Position error norm (m) and rotation error angle (rad), each (N,)."""
    pos_err = np.linalg.norm(target.pos_m - tool_pos, axis=-1)
    return pos_err, rotation_angle(target.rot, tool_rot)


def finger_reached(
    gripper_target: np.ndarray,
    finger_pos: np.ndarray,
    finger_vel: np.ndarray,
    tol: SuccessTolerance,
) -> np.ndarray:
    """Whether the fingers are in the requested state, (N,) bool."""
    opened = finger_pos >= tol.finger_open_min_m
    closed = (finger_pos <= tol.finger_closed_max_m) & (np.abs(finger_vel) <= tol.finger_still_m_s)
    return np.where(gripper_target > 0, opened, closed)


def command_success(
    pos_err: np.ndarray, rot_err: np.ndarray, fingers_ok: np.ndarray, tol: SuccessTolerance
) -> np.ndarray:
    return (pos_err <= tol.pos_m) & (rot_err <= tol.rot_rad) & fingers_ok


def finger_tracking_reward(gripper_target: np.ndarray, finger_pos: np.ndarray) -> np.ndarray:
    """1 when the finger is at the requested end of its travel, falling linearly."""
    goal = np.where(gripper_target > 0, FINGER_OPEN_M, 0.0)
    return 1.0 - np.clip(np.abs(finger_pos - goal) / FINGER_OPEN_M, 0.0, 1.0)


def joint_limit_penalty(
    q: np.ndarray, lower: np.ndarray, upper: np.ndarray, margin: float
) -> np.ndarray:
    """Sum over joints of how far (in rad) each is inside the margin band at its limits."""
    band = margin * (upper - lower)
    below = np.clip(lower + band - q, 0.0, None)
    above = np.clip(q - (upper - band), 0.0, None)
    return np.sum(below + above, axis=-1)


@dataclasses.dataclass(frozen=True)
class MotionStep:
    """What the motion rewards look at after one control step. Arrays are (N, ...)."""

    pos_err: np.ndarray
    """(N,) metres."""
    rot_err: np.ndarray
    """(N,) radians."""
    gripper_target: np.ndarray
    joint_pos: np.ndarray
    """(N, 8) true positions, the finger last."""
    joint_vel: np.ndarray
    action: np.ndarray
    last_action: np.ndarray
    table_contact: np.ndarray
    """(N,) bool."""
    path_dev: np.ndarray
    """(N,) metres from the start-target segment."""
    holding: np.ndarray
    """(N,) bool: fingers closed on the cube (grasp contact, cube centre within 3 cm of the
    tool centre point)."""


def motion_reward(
    step: MotionStep, cfg: MotionRewardConfig, spec: PolicySpec, tol: SuccessTolerance
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The reward (N,) and its terms, each (N,), weighted and multiplied by the control period."""
    lower, upper = spec.arrays.joint_pos_lower, spec.arrays.joint_pos_upper
    limit = joint_limit_penalty(step.joint_pos, lower, upper, cfg.joint_limit_margin)
    terms = {
        "pos_coarse": cfg.pos_coarse * np.exp(-np.square(step.pos_err / cfg.pos_coarse_std_m)),
        "pos_fine": cfg.pos_fine * np.exp(-np.square(step.pos_err / cfg.pos_fine_std_m)),
        "rot_coarse": cfg.rot_coarse * np.exp(-np.square(step.rot_err / cfg.rot_coarse_std_rad)),
        "rot_fine": cfg.rot_fine * np.exp(-np.square(step.rot_err / cfg.rot_fine_std_rad)),
        "finger": cfg.finger * finger_tracking_reward(step.gripper_target, step.joint_pos[:, -1]),
        "finger_command": cfg.finger_command
        * np.square(np.clip(step.action[:, -1], -1.0, 1.0) - step.gripper_target),
        "precision": cfg.precision * ((step.pos_err <= tol.pos_m) & (step.rot_err <= tol.rot_rad)),
        "action_rate": cfg.action_rate * np.sum(np.square(step.action - step.last_action), -1),
        "joint_vel": cfg.joint_vel * np.sum(np.square(step.joint_vel[:, :7]), axis=-1),
        "joint_limit": cfg.joint_limit * limit,
        "table_contact": cfg.table_contact * step.table_contact.astype(np.float64),
        "path_deviation": cfg.path_deviation * step.path_dev,
        "hold": cfg.hold * ((step.gripper_target < 0) & step.holding),
    }
    weighted = np.stack(list(terms.values())) * spec.control_period_s
    return weighted.sum(axis=0), dict(zip(terms, weighted, strict=True))


def distance_to_segment(point: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Distance of points (N, 3) from the segments start -> end (N, 3), (N,)."""
    seg = end - start
    length2 = np.sum(seg * seg, axis=1)
    t = np.where(
        length2 > 1e-12, np.sum((point - start) * seg, axis=1) / np.maximum(length2, 1e-12), 0.0
    )
    closest = start + np.clip(t, 0.0, 1.0)[:, None] * seg
    return np.linalg.norm(point - closest, axis=1)


PICK_STAGES = 5


def pick_commands(
    rng: np.random.Generator, stage: np.ndarray, tool_pos: np.ndarray, cube_pos: np.ndarray
) -> np.ndarray:
    """The pick primitive, one command per stage, rows (n, 5) for environments at ``stage``:
    0 over the cube at 10-20 cm, 1 down to 3-6 cm above it, 2 down to its centre, 3 close,
    4 lift 5-15 cm. Translations also close the remaining xy offset to the cube."""
    n = len(stage)
    heights = {
        0: rng.uniform(0.10, 0.20, n),
        1: rng.uniform(0.03, 0.06, n),
        2: rng.uniform(0.0, 0.004, n),
    }
    cmd = np.zeros((n, 5))
    for k, above in heights.items():
        rows = stage == k
        cmd[rows, :2] = (cube_pos - tool_pos)[rows, :2]
        cmd[rows, 2] = (cube_pos[:, 2] + above - tool_pos[:, 2])[rows]
    cmd[stage == 3, 4] = -1.0
    lift = stage == 4
    cmd[lift, 2] = rng.uniform(0.05, 0.15, int(lift.sum()))
    return cmd


def sample_commands(
    rng: np.random.Generator,
    *,
    cfg: MotionCommandConfig,
    tool_pos: np.ndarray,
    gripper: np.ndarray,
    workspace_min: np.ndarray,
    workspace_max: np.ndarray,
) -> np.ndarray:
    """Draw one command per row, keeping each target inside the workspace box.

    Args:
        tool_pos: current tool positions, (n, 3).
        gripper: current gripper targets, (n,); a gripper command requests the other state.

    Returns:
        (n, 5) commands ``dx_m, dy_m, dz_m, dyaw_rad, gripper``.
    """
    n = tool_pos.shape[0]
    cmd = np.zeros((n, 5))
    kind = rng.choice(5, size=n, p=_kind_probs(cfg))
    distance = rng.uniform(*cfg.distance_m, size=n)
    axis_dirs = np.eye(3)[rng.integers(0, 3, size=n)] * rng.choice([-1.0, 1.0], size=(n, 1))
    free_dirs = rng.normal(size=(n, 3))
    free_dirs /= np.linalg.norm(free_dirs, axis=1, keepdims=True)
    direction = np.where((kind == 0)[:, None], axis_dirs, free_dirs)
    moving = kind <= 1
    step = direction * distance[:, None]
    # Shrink or mirror steps that would leave the workspace: targets stay reachable.
    target = tool_pos + step
    outside = np.any((target < workspace_min) | (target > workspace_max), axis=1)
    target = np.where(outside[:, None], tool_pos - step, target)
    target = np.clip(target, workspace_min, workspace_max)
    cmd[moving, :3] = (target - tool_pos)[moving]
    rotating = kind == 2
    cmd[rotating, 3] = rng.uniform(*cfg.angle_rad, size=int(rotating.sum())) * rng.choice(
        [-1.0, 1.0], size=int(rotating.sum())
    )
    toggling = kind == 3
    cmd[toggling, 4] = -np.sign(gripper[toggling] + 1e-9)
    return cmd


def _kind_probs(cfg: MotionCommandConfig) -> np.ndarray:
    probs = [cfg.translate_axis_prob, cfg.translate_free_prob, cfg.rotate_prob, cfg.gripper_prob]
    return np.array([*probs, max(0.0, 1.0 - sum(probs))]) / max(1.0, sum(probs))


def limit_yaw(command: np.ndarray, tool_yaw: np.ndarray, max_abs_yaw: float) -> np.ndarray:
    """Flip rotation commands whose target heading would leave +-max_abs_yaw (joint 7 travel)."""
    out = command.copy()
    target_yaw = tool_yaw + out[:, 3]
    flip = np.abs(target_yaw) > max_abs_yaw
    out[flip, 3] = -out[flip, 3]
    return out


def initial_gripper(rng: np.random.Generator, n: int, open_prob: float = 0.7) -> np.ndarray:
    return np.where(rng.random(n) < open_prob, GRIPPER_OPEN, -GRIPPER_OPEN)
