"""Initial states: arm configurations around the ready pose, cube placements, grasped starts.

Rejection sampling is batched: every environment draws a fixed number of candidates at once and
keeps its first acceptable one, so a GPU never waits on a host check of which rows passed.
"""

from __future__ import annotations

import numpy as np

from skillbridge.contract import PolicySpec, tool_pose
from skillbridge.contract.arrays import Array, constant, namespace
from skillbridge.contract.rotations import yaw_of_matrix
from skillbridge.sim.arrays import Random
from skillbridge.sim.scene import FINGER_OPEN_M, HOME_ARM_QPOS_RAD, POLICY_JOINTS

#: Per-joint spread (rad) of start configurations around the ready pose.
ARM_START_SPREAD_RAD = np.array([0.5, 0.35, 0.3, 0.45, 0.3, 0.35, 0.6])
MAX_START_TILT_RAD = np.deg2rad(30.0)
_HOME = np.asarray(HOME_ARM_QPOS_RAD)


def first_accepted(ok: Array, candidates: Array, fallback: Array) -> Array:
    """Per row, the first candidate whose ``ok`` is set, else ``fallback``.

    Args:
        ok: (n, tries) bool.
        candidates: (n, tries, d).
        fallback: (d,) or (n, d).
    """
    xp = namespace(ok)
    first = xp.argmax(xp.astype(ok, xp.int32), axis=1)
    chosen = xp.take_along_axis(candidates, first[:, None, None], axis=1)[:, 0]
    return xp.where(xp.any(ok, axis=1)[:, None], chosen, fallback)


def sample_arm_starts(
    rng: Random, n: int, spec: PolicySpec, margin_m: float = 0.03, spread: float = 1.0
) -> Array:
    """Arm joint positions (n, 7) whose tool lies inside the workspace, pointing roughly down.

    Rejection sampling around the ready pose; rows that never pass keep the ready pose.
    """
    # One batched draw of candidates per environment; about a third pass, so 16 nearly always do.
    tries = 16
    draw = rng.uniform(-1.0, 1.0, (n, tries, 7))
    xp = namespace(draw)
    lower = constant(draw, spec.arrays.joint_pos_lower)[:7] + 0.05
    upper = constant(draw, spec.arrays.joint_pos_upper)[:7] - 0.05
    home = constant(draw, _HOME)
    cand = xp.clip(home + draw * constant(draw, ARM_START_SPREAD_RAD) * spread, lower, upper)
    q = xp.concat([cand, xp.full_like(cand[..., :1], FINGER_OPEN_M)], axis=-1)
    pos, rot = tool_pose(spec.kinematics, q, POLICY_JOINTS)
    tilt = xp.acos(xp.clip(-rot[..., 2, 2], -1.0, 1.0))
    lo = constant(draw, spec.arrays.workspace_min_m) + margin_m
    hi = constant(draw, spec.arrays.workspace_max_m) - margin_m
    ok = xp.all((pos >= lo) & (pos <= hi), axis=-1) & (tilt <= MAX_START_TILT_RAD)
    ok = ok & (xp.abs(yaw_of_matrix(rot)) < 1.0)
    return first_accepted(ok, cand, home)


def uniform_xy(
    rng: Random, shape: tuple[int, ...], x_range: tuple[float, float], y_range: tuple[float, float]
) -> Array:
    """Points uniform in a rectangle, (*shape, 2)."""
    x, y = rng.uniform(*x_range, shape), rng.uniform(*y_range, shape)
    return namespace(x).stack([x, y], axis=-1)


def sample_cube_away_from(
    rng: Random,
    tool_xy: Array,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    min_distance_m: float = 0.1,
    tries: int = 16,
) -> Array:
    """Cube xy positions on the table at least ``min_distance_m`` from the tool, (n, 2).

    At most about a third of the area is ever too close, so one of 16 candidates passes unless
    about 1e-8 bad luck strikes (then the last candidate is kept)."""
    n = tool_xy.shape[0]
    cand = uniform_xy(rng, (n, tries), x_range, y_range)
    xp = namespace(cand)
    far = xp.linalg.vector_norm(cand - tool_xy[:, None, :], axis=-1) >= min_distance_m
    return first_accepted(far, cand, cand[:, -1])
