"""Task ``tabletop``: pick the cube and place it on the target pad.

The high-level policy of the skill hierarchy works on this task: it sees the tool pose, the finger
state and the object and pad poses, and issues language motions that the low-level skill
executes. This module places the objects, exposes their poses, and decides success.
"""

from __future__ import annotations

import dataclasses

import numpy as np


@dataclasses.dataclass(frozen=True)
class TabletopConfig:
    cube_x_m: tuple[float, float] = (0.40, 0.62)
    cube_y_m: tuple[float, float] = (-0.22, 0.22)
    pad_x_m: tuple[float, float] = (0.40, 0.62)
    pad_y_m: tuple[float, float] = (-0.25, 0.25)
    min_cube_pad_distance_m: float = 0.12
    cube_yaw_rad: tuple[float, float] = (-0.6, 0.6)
    pad_radius_m: float = 0.05
    place_height_tolerance_m: float = 0.01
    """The cube counts as placed when resting within this of the table (not held in the air)."""


def sample_layout(
    rng: np.random.Generator, n: int, cfg: TabletopConfig
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cube xy, cube yaw and pad xy for n episodes, with the pad away from the cube."""
    cube = np.column_stack([rng.uniform(*cfg.cube_x_m, n), rng.uniform(*cfg.cube_y_m, n)])
    pad = np.column_stack([rng.uniform(*cfg.pad_x_m, n), rng.uniform(*cfg.pad_y_m, n)])
    for _ in range(50):
        close = np.linalg.norm(pad - cube, axis=1) < cfg.min_cube_pad_distance_m
        if not close.any():
            break
        k = int(close.sum())
        pad[close] = np.column_stack([rng.uniform(*cfg.pad_x_m, k), rng.uniform(*cfg.pad_y_m, k)])
    yaw = rng.uniform(*cfg.cube_yaw_rad, n)
    return cube, yaw, pad


def yaw_quat_wxyz(yaw_rad: np.ndarray) -> np.ndarray:
    """Quaternions of rotations about +z, (n,) -> (n, 4)."""
    half = 0.5 * np.asarray(yaw_rad)
    return np.column_stack([np.cos(half), np.zeros_like(half), np.zeros_like(half), np.sin(half)])


def cube_on_pad(
    cube_pos: np.ndarray,
    pad_pos: np.ndarray,
    cube_half: np.ndarray,
    finger_open: np.ndarray,
    cfg: TabletopConfig,
) -> np.ndarray:
    """Success: the cube rests on the table inside the pad and the gripper has let go, (N,)."""
    inside = np.linalg.norm(cube_pos[:, :2] - pad_pos[:, :2], axis=1) <= cfg.pad_radius_m
    resting = np.abs(cube_pos[:, 2] - cube_half) <= cfg.place_height_tolerance_m
    return inside & resting & finger_open
