"""Rotation conversions, in one place. numpy only; every function is batched over leading axes
except ``rotation_error_single`` (one rotation as a row-major 9-sequence, for the policy node's
tick).

MuJoCo quaternions are ``wxyz``; ROS messages are ``xyzw``. Names say which.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def quat_wxyz_to_xyzw(quat_wxyz: np.ndarray) -> np.ndarray:
    """Reorder MuJoCo ``wxyz`` to ROS ``xyzw``. Shape: (..., 4)."""
    q = np.asarray(quat_wxyz)
    return np.concatenate([q[..., 1:4], q[..., 0:1]], axis=-1)


def quat_xyzw_to_wxyz(quat_xyzw: np.ndarray) -> np.ndarray:
    """Reorder ROS ``xyzw`` to MuJoCo ``wxyz``. Shape: (..., 4)."""
    q = np.asarray(quat_xyzw)
    return np.concatenate([q[..., 3:4], q[..., 0:3]], axis=-1)


def quat_wxyz_to_matrix(quat_wxyz: np.ndarray) -> np.ndarray:
    """Rotation matrices of unit quaternions. Shape: (..., 4) -> (..., 3, 3)."""
    q = np.asarray(quat_wxyz, dtype=np.float64)
    q = q / np.linalg.norm(q, axis=-1, keepdims=True)
    w, x, y, z = q[..., 0], q[..., 1], q[..., 2], q[..., 3]
    rows = [
        [1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
        [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
        [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)],
    ]
    return np.stack([np.stack(r, axis=-1) for r in rows], axis=-2)


def matrix_to_quat_wxyz(rot: np.ndarray) -> np.ndarray:
    """Unit quaternions (w >= 0) of rotation matrices. Shape: (..., 3, 3) -> (..., 4)."""
    r = np.asarray(rot, dtype=np.float64)
    trace = r[..., 0, 0] + r[..., 1, 1] + r[..., 2, 2]
    if np.all(trace > -0.5):
        # Every rotation is below ~140 degrees: the w-branch is well conditioned (the fast path).
        w2 = np.sqrt(1.0 + trace)  # 2w
        q = np.stack(
            [
                0.5 * w2,
                (r[..., 2, 1] - r[..., 1, 2]) / (2 * w2),
                (r[..., 0, 2] - r[..., 2, 0]) / (2 * w2),
                (r[..., 1, 0] - r[..., 0, 1]) / (2 * w2),
            ],
            axis=-1,
        )
        return q / np.linalg.norm(q, axis=-1, keepdims=True)
    return _matrix_to_quat_any(r)


def _matrix_to_quat_any(r: np.ndarray) -> np.ndarray:
    """Branch on the largest quaternion component: stable for every rotation."""
    m00, m01, m02 = r[..., 0, 0], r[..., 0, 1], r[..., 0, 2]
    m10, m11, m12 = r[..., 1, 0], r[..., 1, 1], r[..., 1, 2]
    m20, m21, m22 = r[..., 2, 0], r[..., 2, 1], r[..., 2, 2]
    # 2|q_i| for each component; the largest gives the best-conditioned formula.
    two_abs = np.sqrt(
        np.maximum(
            0.0,
            np.stack(
                [
                    1 + m00 + m11 + m22,
                    1 + m00 - m11 - m22,
                    1 - m00 + m11 - m22,
                    1 - m00 - m11 + m22,
                ],
                -1,
            ),
        )
    )
    # Row i: 4 q_i q, i.e. the quaternion scaled by 4 q_i, from the off-diagonal terms.
    scaled = np.stack(
        [
            np.stack([two_abs[..., 0] ** 2, m21 - m12, m02 - m20, m10 - m01], -1),
            np.stack([m21 - m12, two_abs[..., 1] ** 2, m10 + m01, m02 + m20], -1),
            np.stack([m02 - m20, m10 + m01, two_abs[..., 2] ** 2, m12 + m21], -1),
            np.stack([m10 - m01, m20 + m02, m21 + m12, two_abs[..., 3] ** 2], -1),
        ],
        -2,
    )
    candidates = scaled / (2.0 * np.maximum(two_abs[..., None], 0.1))
    best = np.argmax(two_abs, axis=-1)
    q = np.take_along_axis(candidates, best[..., None, None], axis=-2)[..., 0, :]
    q = q * np.where(q[..., :1] < 0, -1.0, 1.0)
    return q / np.linalg.norm(q, axis=-1, keepdims=True)


def axis_angle_to_matrix(axis: np.ndarray, angle_rad: np.ndarray) -> np.ndarray:
    """Rodrigues: axis: (3,) or (..., 3) unit vectors; angle_rad: (...) -> (..., 3, 3)."""
    a = np.asarray(axis, dtype=np.float64)
    th = np.asarray(angle_rad, dtype=np.float64)
    a = np.broadcast_to(a, (*th.shape, 3))
    x, y, z = a[..., 0], a[..., 1], a[..., 2]
    c, s = np.cos(th), np.sin(th)
    t = 1 - c
    rows = [
        [t * x * x + c, t * x * y - s * z, t * x * z + s * y],
        [t * x * y + s * z, t * y * y + c, t * y * z - s * x],
        [t * x * z - s * y, t * y * z + s * x, t * z * z + c],
    ]
    return np.stack([np.stack(r, axis=-1) for r in rows], axis=-2)


def rotz(yaw_rad: np.ndarray) -> np.ndarray:
    """Rotation about +z. Shape: (...) -> (..., 3, 3)."""
    return axis_angle_to_matrix(np.array([0.0, 0.0, 1.0]), yaw_rad)


def matrix_to_rotvec(rot: np.ndarray) -> np.ndarray:
    """Rotation vectors (axis * angle, angle in [0, pi]). (..., 3, 3) -> (..., 3).

    The axis comes from the skew-symmetric part (2 sin(angle) axis), the angle from atan2 of
    its norm and the trace. The skew part vanishes towards pi as well as towards zero: its axis
    loses about 1e-16 / sin(angle) of accuracy, so rows within ~5e-5 rad of pi (rare: checked
    with one ``any``) take the axis from the symmetric part instead.
    """
    r = np.asarray(rot, dtype=np.float64)
    skew, two_sin, cos = _skew_sin_cos(r)
    angle = np.arctan2(0.5 * two_sin, cos)
    # angle / (2 sin(angle)) -> 1/2 as the angle -> 0
    factor = np.where(two_sin > 1e-12, angle / np.maximum(two_sin, 1e-300), 0.5)
    vec = skew * factor[..., None]
    near_pi = (two_sin < 1e-4) & (cos < 0.0)
    if np.any(near_pi):
        vec[near_pi] = _rotvec_near_pi(r[near_pi], cos[near_pi], angle[near_pi], skew[near_pi])
    return vec


def _skew_sin_cos(r: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of rotation matrices (..., 3, 3): the skew-symmetric part as a vector, 2 sin(angle) axis
    (..., 3); its norm 2 sin(angle); and cos(angle) from the trace."""
    skew = np.stack(
        [r[..., 2, 1] - r[..., 1, 2], r[..., 0, 2] - r[..., 2, 0], r[..., 1, 0] - r[..., 0, 1]],
        axis=-1,
    )
    two_sin = np.sqrt(np.einsum("...i,...i->...", skew, skew))
    cos = 0.5 * (r[..., 0, 0] + r[..., 1, 1] + r[..., 2, 2] - 1.0)
    return skew, two_sin, cos


def _rotvec_near_pi(
    r: np.ndarray, cos: np.ndarray, angle: np.ndarray, skew: np.ndarray
) -> np.ndarray:
    """(R + R^T) / 2 - cos I = (1 - cos) axis axis^T: the column of its largest diagonal entry
    is the axis up to sign (well conditioned: 1 - cos ~ 2 here); the skew part gives the sign."""
    sym = 0.5 * (r + np.swapaxes(r, -1, -2)) - cos[:, None, None] * np.eye(3)
    diag = np.diagonal(sym, axis1=-2, axis2=-1)
    best = np.argmax(diag, axis=-1)
    column = np.take_along_axis(sym, best[:, None, None], axis=-1)[..., 0]
    axis = column / np.linalg.norm(column, axis=-1, keepdims=True)
    sign = np.where(np.einsum("ni,ni->n", axis, skew) < 0, -1.0, 1.0)
    return axis * (sign * angle)[:, None]


def rotation_error(target_rot: np.ndarray, rot: np.ndarray) -> np.ndarray:
    """Rotation vector taking ``rot`` to ``target_rot``, both in the base frame. (..., 3, 3)
    -> (..., 3)."""
    return matrix_to_rotvec(np.asarray(target_rot) @ np.swapaxes(rot, -1, -2))


def rotation_error_single(target_rot: Sequence[float], rot: Sequence[float]) -> list[float] | None:
    """``rotation_error`` of one pair of rotations given as row-major 9-sequences, in plain
    Python floats. None within ~5e-5 rad of pi, where the axis must come from the symmetric
    part: the caller then uses ``rotation_error``."""
    t0, t1, t2, t3, t4, t5, t6, t7, t8 = target_rot
    r0, r1, r2, r3, r4, r5, r6, r7, r8 = rot
    # e = target_rot @ rot.T, each entry summed in k order
    e00, e11, e22 = (
        t0 * r0 + t1 * r1 + t2 * r2,
        t3 * r3 + t4 * r4 + t5 * r5,
        t6 * r6 + t7 * r7 + t8 * r8,
    )
    skew = [
        (t6 * r3 + t7 * r4 + t8 * r5) - (t3 * r6 + t4 * r7 + t5 * r8),  # e21 - e12
        (t0 * r6 + t1 * r7 + t2 * r8) - (t6 * r0 + t7 * r1 + t8 * r2),  # e02 - e20
        (t3 * r0 + t4 * r1 + t5 * r2) - (t0 * r3 + t1 * r4 + t2 * r5),  # e10 - e01
    ]
    two_sin = math.sqrt(skew[0] * skew[0] + skew[1] * skew[1] + skew[2] * skew[2])
    cos = 0.5 * (e00 + e11 + e22 - 1.0)
    if two_sin < 1e-4 and cos < 0.0:
        return None
    angle = math.atan2(0.5 * two_sin, cos)
    factor = angle / two_sin if two_sin > 1e-12 else 0.5
    return [factor * v for v in skew]


def rotation_angle(target_rot: np.ndarray, rot: np.ndarray) -> np.ndarray:
    """Angle (rad, [0, pi]) of the rotation taking ``rot`` to ``target_rot``: the norm of
    ``rotation_error`` without its axis. (..., 3, 3) -> (...)."""
    _, two_sin, cos = _skew_sin_cos(np.asarray(target_rot) @ np.swapaxes(rot, -1, -2))
    return np.arctan2(0.5 * two_sin, cos)


def yaw_of_matrix(rot: np.ndarray) -> np.ndarray:
    """Heading (rad) of a frame's x axis projected on the base xy plane. (..., 3, 3) -> (...)."""
    r = np.asarray(rot)
    return np.arctan2(r[..., 1, 0], r[..., 0, 0])


def wrap_angle(angle_rad: np.ndarray) -> np.ndarray:
    """Wrap angles to [-pi, pi)."""
    return (np.asarray(angle_rad) + np.pi) % (2 * np.pi) - np.pi
