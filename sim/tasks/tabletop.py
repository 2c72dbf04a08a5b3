"""Task ``tabletop``: pick the cube and place it on the target pad.

The high-level policy of the skill hierarchy works on this task: it sees the tool pose, the finger
state and the object and pad poses, and issues language motions that the low-level skill
executes. This module places the objects, exposes their poses, and decides success.
"""

from __future__ import annotations

import dataclasses

from skillbridge.contract.arrays import Array, namespace
from skillbridge.sim.arrays import Random
from skillbridge.sim.resets import first_accepted, uniform_xy


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


def sample_layout(rng: Random, n: int, cfg: TabletopConfig) -> tuple[Array, Array, Array]:
    """Cube xy, cube yaw and pad xy for n episodes, with the pad away from the cube (the first of
    16 pad candidates that is; at most ~40 % of the pad area is too close)."""
    cube = uniform_xy(rng, (n,), cfg.cube_x_m, cfg.cube_y_m)
    pads = uniform_xy(rng, (n, 16), cfg.pad_x_m, cfg.pad_y_m)
    xp = namespace(pads)
    far = xp.linalg.vector_norm(pads - cube[:, None, :], axis=-1) >= cfg.min_cube_pad_distance_m
    pad = first_accepted(far, pads, pads[:, -1])
    yaw = rng.uniform(*cfg.cube_yaw_rad, n)
    return cube, yaw, pad


def yaw_quat_wxyz(yaw_rad: Array) -> Array:
    """Quaternions of rotations about +z, (n,) -> (n, 4)."""
    xp = namespace(yaw_rad)
    half = 0.5 * yaw_rad
    zero = xp.zeros_like(half)
    return xp.stack([xp.cos(half), zero, zero, xp.sin(half)], axis=-1)


def cube_on_pad(
    cube_pos: Array,
    pad_pos: Array,
    cube_half: Array,
    finger_open: Array,
    cfg: TabletopConfig,
) -> Array:
    """Success: the cube rests on the table inside the pad and the gripper has let go, (N,)."""
    xp = namespace(cube_pos)
    distance = xp.linalg.vector_norm(cube_pos[:, :2] - pad_pos[:, :2], axis=1)
    resting = xp.abs(cube_pos[:, 2] - cube_half) <= cfg.place_height_tolerance_m
    return (distance <= cfg.pad_radius_m) & resting & finger_open
