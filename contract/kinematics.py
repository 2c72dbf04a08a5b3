"""Forward kinematics of the spec's serial chain (numpy): the tool pose from joint positions.

The robot side computes the tool centre point exactly as the simulator's site, from the same
chain parameters that travel in the contract; a test checks it against MuJoCo to 1e-9 m. Each
link is a fixed homogeneous transform followed (for joint links) by a rotation about its axis;
all joint rotations are built in one vectorized pass, then multiplied down the chain, so a batch
of one costs a few tens of microseconds (the policy node's tick) and a batch of 64 barely more.
"""

from __future__ import annotations

import functools

import numpy as np

from skillbridge.contract.rotations import quat_wxyz_to_matrix
from skillbridge.contract.spec import KinematicChain


def _homogeneous(rot: np.ndarray, pos: np.ndarray) -> np.ndarray:
    out = np.eye(4)
    out[:3, :3] = rot
    out[:3, 3] = pos
    return out


@functools.lru_cache(maxsize=16)
def _chain_arrays(
    chain: KinematicChain,
) -> tuple[np.ndarray, tuple[str | None, ...], np.ndarray, np.ndarray]:
    """Fixed link transforms (L, 4, 4), joint names per link, unit axes (L, 3), tool (4, 4)."""
    fixed = np.stack(
        [
            _homogeneous(quat_wxyz_to_matrix(np.asarray(link.quat_wxyz)), np.asarray(link.pos_m))
            for link in chain.links
        ]
    )
    axes = np.array([link.axis for link in chain.links], dtype=np.float64)
    axes /= np.linalg.norm(axes, axis=1, keepdims=True)
    tool = _homogeneous(
        quat_wxyz_to_matrix(np.asarray(chain.tool_quat_wxyz)),
        np.asarray(chain.tool_pos_m, dtype=np.float64),
    )
    return fixed, tuple(link.joint_name for link in chain.links), axes, tool


def _joint_rotations(axes: np.ndarray, angles: np.ndarray) -> np.ndarray:
    """Homogeneous rotations about fixed unit axes (K, 3) by angles (..., K) -> (..., K, 4, 4)."""
    c, s = np.cos(angles), np.sin(angles)
    t = 1.0 - c
    x, y, z = axes[:, 0], axes[:, 1], axes[:, 2]
    out = np.zeros((*angles.shape, 4, 4))
    out[..., 0, 0] = t * x * x + c
    out[..., 0, 1] = t * x * y - s * z
    out[..., 0, 2] = t * x * z + s * y
    out[..., 1, 0] = t * x * y + s * z
    out[..., 1, 1] = t * y * y + c
    out[..., 1, 2] = t * y * z - s * x
    out[..., 2, 0] = t * x * z - s * y
    out[..., 2, 1] = t * y * z + s * x
    out[..., 2, 2] = t * z * z + c
    out[..., 3, 3] = 1.0
    return out


def tool_pose(
    chain: KinematicChain, joint_pos_rad: np.ndarray, joint_names: tuple[str, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """Tool centre point pose in the base frame.

    Args:
        chain: the kinematic chain of the contract.
        joint_pos_rad: joint positions, shape (..., J), labelled by ``joint_names``.
        joint_names: names of the columns of ``joint_pos_rad``; must include the chain's joints.

    Returns:
        ``(pos_m, rot)``: shapes (..., 3) and (..., 3, 3).
    """
    q = np.asarray(joint_pos_rad, dtype=np.float64)
    fixed, link_joints, axes, tool = _chain_arrays(chain)
    column = {name: i for i, name in enumerate(joint_names)}
    joint_links = [i for i, name in enumerate(link_joints) if name is not None]
    angles = q[..., [column[link_joints[i]] for i in joint_links]]
    # Each joint link's local transform: fixed offset, then the joint's rotation.
    local = fixed[joint_links] @ _joint_rotations(axes[joint_links], angles)
    pose = np.broadcast_to(np.eye(4), (*q.shape[:-1], 4, 4))
    k = 0
    for i, name in enumerate(link_joints):
        if name is None:
            pose = pose @ fixed[i]
        else:
            pose = pose @ local[..., k, :, :]
            k += 1
    pose = pose @ tool
    return pose[..., :3, 3], pose[..., :3, :3]
