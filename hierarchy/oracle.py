"""The scripted oracle of ``tabletop``: the next language motion from the high-level observation.

It demonstrates for behaviour cloning and, fed the *true* scene, plays the human who corrects the
robot in the experiment. Memoryless: every decision follows from the observation, so it recovers
from any state (a failed grasp, a dropped cube, a human's correction):

* not holding: open a closed gripper; turn to the cube's faces; go up before moving sideways
  when low; move over the cube one axis at a time; go down to the grasp height; close;
* holding: lift to the carry height; move over the pad; go down to the place height; open;
* done (cube resting on the pad, gripper open): go up, then stop.

Distances snap to the vocabulary's magnitudes (1, 3, 8 cm; 5, 15, 45 degrees): the largest that
does not overshoot by more than the tolerance.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from skillbridge.contract.language import ANGLE_RAD, DISTANCE_M, LanguageMotion
from skillbridge.hierarchy.observation import OBS_NAMES
from skillbridge.hierarchy.vocabulary import token_of

_COL = {name: i for i, name in enumerate(OBS_NAMES)}


@dataclasses.dataclass(frozen=True)
class OracleConfig:
    xy_tol_m: float = 0.006
    z_tol_m: float = 0.008
    yaw_tol_rad: float = float(np.deg2rad(6.0))
    carry_z_m: float = 0.12
    """Tool height for moving sideways (clear of the cube and the table)."""
    safe_low_z_m: float = 0.09
    """Below this, go up before a sideways move of more than ``relocate_m``."""
    relocate_m: float = 0.02
    grasp_z_offset_m: float = 0.003
    """Tool height above the cube centre when closing."""
    place_z_m: float = 0.036
    """Tool height at which a carried cube is released (cube bottom just above the table)."""
    holding_xy_m: float = 0.02
    """A held cube's centre is within this of the tool axis..."""
    holding_z_m: tuple[float, float] = (-0.045, 0.015)
    """...and this far below / above the tool centre point (a grasp near the cube's top edge
    lets it hang 2-3 cm low)."""
    finger_closed: float = 0.8
    """Finger opening fraction below which the gripper counts as closed."""
    finger_empty: float = 0.25
    """A closed gripper opened less than this holds nothing (the smallest cube keeps it at 0.5)."""
    pad_radius_m: float = 0.05
    pad_aim_m: float = 0.012
    """How close to the pad centre the cube is carried before descending."""


def _magnitude_move(
    motion: str, error: float, table: dict[str, float], tol: float
) -> LanguageMotion:
    """The largest named step not overshooting ``error`` by more than ``tol``."""
    fitting = [m for m, size in table.items() if size <= abs(error) + tol]
    magnitude = (
        max(fitting, key=lambda m: table[m]) if fitting else min(table, key=lambda m: table[m])
    )
    return LanguageMotion.of(motion, magnitude)


def _translate(axis: str, error: float, cfg: OracleConfig) -> LanguageMotion:
    names = {"x": ("forward", "backward"), "y": ("left", "right"), "z": ("up", "down")}[axis]
    motion = names[0] if error > 0 else names[1]
    # Never overshoot downwards: below the target are the cube and the table.
    tol = 0.0 if motion == "down" else cfg.xy_tol_m
    return _magnitude_move(motion, error, DISTANCE_M, tol)


def _sideways(dx: float, dy: float, cfg: OracleConfig) -> LanguageMotion:
    return _translate("x", dx, cfg) if abs(dx) >= abs(dy) else _translate("y", dy, cfg)


def oracle_motion(
    obs: np.ndarray, task: str = "place", cfg: OracleConfig | None = None
) -> LanguageMotion:
    """The oracle's next motion for one observation row (OBS_DIM,).

    Args:
        obs: the high-level observation.
        task: ``place`` (cube onto the pad) or ``lift`` (pick the cube up and hold it high).
    """
    cfg = cfg or OracleConfig()
    o = {name: float(obs[i]) for name, i in _COL.items()}
    closed = o["finger_open"] < cfg.finger_closed
    cube_rel = np.array([o["cube_rel_x"], o["cube_rel_y"], o["cube_rel_z"]])
    holding = (
        closed
        and o["finger_open"] > cfg.finger_empty
        and np.hypot(cube_rel[0], cube_rel[1]) < cfg.holding_xy_m
        and cfg.holding_z_m[0] < cube_rel[2] < cfg.holding_z_m[1]
        and o["cube_z"] > 0.02
    )
    if holding:
        return _lift(o, cfg) if task == "lift" else _carry(o, cfg)
    on_pad = np.hypot(o["pad_rel_x"], o["pad_rel_y"]) <= cfg.pad_radius_m - 0.01
    if on_pad and not closed and o["cube_z"] < 0.04:
        return _retreat(o, cfg)
    if closed:
        return LanguageMotion.of("open")
    return _approach(o, cfg)


def _retreat(o: dict[str, float], cfg: OracleConfig) -> LanguageMotion:
    if o["tool_z"] < cfg.carry_z_m - cfg.z_tol_m:
        return _translate("z", cfg.carry_z_m - o["tool_z"], cfg)
    return LanguageMotion.of("stop")


def _approach(o: dict[str, float], cfg: OracleConfig) -> LanguageMotion:
    if abs(o["cube_rel_yaw"]) > cfg.yaw_tol_rad:
        turn = "rotate_ccw" if o["cube_rel_yaw"] > 0 else "rotate_cw"
        return _magnitude_move(turn, o["cube_rel_yaw"], ANGLE_RAD, np.deg2rad(3.0))
    dx, dy = o["cube_rel_x"], o["cube_rel_y"]
    off = max(abs(dx), abs(dy))
    if off > cfg.xy_tol_m:
        if off > cfg.relocate_m and o["tool_z"] < cfg.safe_low_z_m:
            return _translate("z", cfg.carry_z_m - o["tool_z"], cfg)
        return _sideways(dx, dy, cfg)
    dz = o["cube_rel_z"] + cfg.grasp_z_offset_m
    if dz < -cfg.z_tol_m:
        return _translate("z", dz, cfg)
    if dz > cfg.z_tol_m:
        return _translate("z", dz, cfg)
    return LanguageMotion.of("close")


def _carry(o: dict[str, float], cfg: OracleConfig) -> LanguageMotion:
    dx, dy = o["pad_rel_x"], o["pad_rel_y"]
    if max(abs(dx), abs(dy)) > cfg.pad_aim_m:
        if o["tool_z"] < cfg.carry_z_m - cfg.z_tol_m:
            return _translate("z", cfg.carry_z_m - o["tool_z"], cfg)
        return _sideways(dx, dy, cfg)
    dz = cfg.place_z_m - o["tool_z"]
    if dz < -cfg.z_tol_m:
        return _translate("z", dz, cfg)
    return LanguageMotion.of("open")


def _lift(o: dict[str, float], cfg: OracleConfig) -> LanguageMotion:
    if o["tool_z"] < cfg.carry_z_m - cfg.z_tol_m:
        return _translate("z", cfg.carry_z_m - o["tool_z"], cfg)
    return LanguageMotion.of("stop")


def oracle_tokens(
    obs: np.ndarray, tasks: list[str] | str = "place", cfg: OracleConfig | None = None
) -> np.ndarray:
    """Oracle tokens for a batch of observation rows, (N,) int."""
    rows = np.atleast_2d(obs)
    kinds = [tasks] * len(rows) if isinstance(tasks, str) else tasks
    return np.array([token_of(oracle_motion(r, k, cfg)) for r, k in zip(rows, kinds, strict=True)])
