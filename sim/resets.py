"""Initial states: arm configurations around the ready pose, cube placements, grasped starts."""

from __future__ import annotations

import numpy as np

from skillbridge.contract import PolicySpec, tool_pose
from skillbridge.contract.rotations import yaw_of_matrix
from skillbridge.sim.scene import FINGER_OPEN_M, HOME_ARM_QPOS_RAD, POLICY_JOINTS

#: Per-joint spread (rad) of start configurations around the ready pose.
ARM_START_SPREAD_RAD = np.array([0.5, 0.35, 0.3, 0.45, 0.3, 0.35, 0.6])
MAX_START_TILT_RAD = np.deg2rad(30.0)


def sample_arm_starts(
    rng: np.random.Generator, n: int, spec: PolicySpec, margin_m: float = 0.03, spread: float = 1.0
) -> np.ndarray:
    """Arm joint positions (n, 7) whose tool lies inside the workspace, pointing roughly down.

    Rejection sampling around the ready pose; rows that never pass keep the ready pose.
    """
    lower = np.asarray(spec.joint_pos_lower[:7]) + 0.05
    upper = np.asarray(spec.joint_pos_upper[:7]) - 0.05
    home = np.asarray(HOME_ARM_QPOS_RAD)
    lo = np.asarray(spec.workspace_min_m) + margin_m
    hi = np.asarray(spec.workspace_max_m) - margin_m
    # One batched draw of candidates per environment; about a third pass, so 16 nearly always do.
    tries = 16
    cand = home + rng.uniform(-1, 1, size=(n, tries, 7)) * ARM_START_SPREAD_RAD * spread
    cand = np.clip(cand, lower, upper)
    q = np.concatenate([cand, np.full((n, tries, 1), FINGER_OPEN_M)], axis=-1)
    pos, rot = tool_pose(spec.kinematics, q, POLICY_JOINTS)
    tilt = np.arccos(np.clip(-rot[..., 2, 2], -1.0, 1.0))
    ok = np.all((pos >= lo) & (pos <= hi), axis=-1) & (tilt <= MAX_START_TILT_RAD)
    ok &= np.abs(yaw_of_matrix(rot)) < 1.0
    first = np.argmax(ok, axis=1)
    chosen = cand[np.arange(n), first]
    return np.where(ok.any(axis=1)[:, None], chosen, home)


def sample_cube_away_from(
    rng: np.random.Generator,
    tool_xy: np.ndarray,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    min_distance_m: float = 0.1,
) -> np.ndarray:
    """Cube xy positions on the table at least ``min_distance_m`` from the tool, (n, 2)."""
    n = tool_xy.shape[0]
    xy = np.column_stack([rng.uniform(*x_range, n), rng.uniform(*y_range, n)])
    for _ in range(30):
        near = np.linalg.norm(xy - tool_xy, axis=1) < min_distance_m
        if not near.any():
            break
        k = int(near.sum())
        xy[near] = np.column_stack([rng.uniform(*x_range, k), rng.uniform(*y_range, k)])
    return xy
