"""The high level's observation: one definition, used in the batched simulator and on ROS.

What the high level sees of the scene (base frame): the tool position and heading, the finger
opening, the cube's position and heading (modulo 90 degrees: a cube looks the same turned by a
quarter), the pad's position, and the relative vectors the decisions depend on. numpy only.
"""

from __future__ import annotations

import numpy as np

from skillbridge.contract.command import MAX_ABS_TOOL_YAW_RAD
from skillbridge.contract.rotations import quat_wxyz_to_matrix, wrap_angle, yaw_of_matrix

OBS_NAMES: tuple[str, ...] = (
    "tool_x",
    "tool_y",
    "tool_z",
    "tool_yaw_sin",
    "tool_yaw_cos",
    "finger_open",
    "cube_x",
    "cube_y",
    "cube_z",
    "cube_yaw4_sin",
    "cube_yaw4_cos",
    "pad_x",
    "pad_y",
    "cube_rel_x",
    "cube_rel_y",
    "cube_rel_z",
    "pad_rel_x",
    "pad_rel_y",
    "cube_rel_yaw",
)
OBS_DIM = len(OBS_NAMES)
FINGER_OPEN_M = 0.04
QUARTER_TURN = np.pi / 2


def relative_cube_yaw(
    cube_yaw_rad: np.ndarray,
    tool_yaw_rad: np.ndarray,
    max_abs_tool_yaw: float = MAX_ABS_TOOL_YAW_RAD,
) -> np.ndarray:
    """Turn (rad) that aligns the gripper with a pair of cube faces: the nearest one (within
    +-pi/4), unless it would take the heading past +-``max_abs_tool_yaw`` (where rotations are
    refused); then the alignment a quarter turn the other way, which is always reachable."""
    nearest = (wrap_angle(cube_yaw_rad - tool_yaw_rad) + QUARTER_TURN / 2) % QUARTER_TURN - (
        QUARTER_TURN / 2
    )
    other = nearest - np.sign(nearest) * QUARTER_TURN
    beyond = np.abs(tool_yaw_rad + nearest) > max_abs_tool_yaw
    return np.where(beyond, other, nearest)


def high_level_obs(
    tool_pos: np.ndarray,
    tool_rot: np.ndarray,
    finger_m: np.ndarray,
    cube_pos: np.ndarray,
    cube_quat_wxyz: np.ndarray,
    pad_pos: np.ndarray,
) -> np.ndarray:
    """Observation rows, (N, OBS_DIM) float32. Inputs are batched: (N, 3), (N, 3, 3), (N,),
    (N, 3), (N, 4) (MuJoCo order), (N, 3); all in the robot base frame."""
    tool_pos = np.atleast_2d(tool_pos)
    tool_yaw = yaw_of_matrix(np.reshape(tool_rot, (-1, 3, 3)))
    cube_pos = np.atleast_2d(cube_pos)
    cube_yaw = yaw_of_matrix(quat_wxyz_to_matrix(np.atleast_2d(cube_quat_wxyz)))
    pad = np.atleast_2d(pad_pos)
    rel_yaw = relative_cube_yaw(cube_yaw, tool_yaw)
    columns = [
        tool_pos,
        np.sin(tool_yaw)[:, None],
        np.cos(tool_yaw)[:, None],
        (np.reshape(finger_m, (-1, 1)) / FINGER_OPEN_M),
        cube_pos,
        np.sin(4 * cube_yaw)[:, None],
        np.cos(4 * cube_yaw)[:, None],
        pad[:, :2],
        cube_pos - tool_pos,
        pad[:, :2] - cube_pos[:, :2],
        rel_yaw[:, None],
    ]
    return np.concatenate(columns, axis=1).astype(np.float32)
