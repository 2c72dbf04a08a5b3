"""Rotation conversions, in one place. Batched over leading axes, on numpy arrays or torch tensors
(``skillbridge.contract.arrays``).

MuJoCo quaternions are ``wxyz``; ROS messages are ``xyzw``. Names say which. Conversions off the
hot path (quaternions from matrices, Euler angles) are scipy's ``Rotation``'s, in the layers that
may import scipy; what is here runs every control step.
"""

from __future__ import annotations

import numpy as np

from skillbridge.contract.arrays import Array, Namespace, constant, like, namespace


def quat_wxyz_to_xyzw(quat_wxyz: Array) -> Array:
    """Reorder MuJoCo ``wxyz`` to ROS ``xyzw``. Shape: (..., 4)."""
    xp = namespace(quat_wxyz)
    q = xp.asarray(quat_wxyz)
    return xp.concat([q[..., 1:4], q[..., 0:1]], axis=-1)


def quat_xyzw_to_wxyz(quat_xyzw: Array) -> Array:
    """Reorder ROS ``xyzw`` to MuJoCo ``wxyz``. Shape: (..., 4)."""
    xp = namespace(quat_xyzw)
    q = xp.asarray(quat_xyzw)
    return xp.concat([q[..., 3:4], q[..., 0:3]], axis=-1)


def _matrix(xp: Namespace, rows: list[list[Array]]) -> Array:
    """(..., 3, 3) from nine (...) arrays given as rows."""
    return xp.stack([xp.stack(r, axis=-1) for r in rows], axis=-2)


def quat_wxyz_to_matrix(quat_wxyz: Array) -> Array:
    """Rotation matrices of unit quaternions. Shape: (..., 4) -> (..., 3, 3)."""
    xp = namespace(quat_wxyz)
    q = xp.asarray(quat_wxyz)
    if xp is np:
        q = q.astype(np.float64)
    q = q / xp.linalg.vector_norm(q, axis=-1, keepdims=True)
    w, x, y, z = q[..., 0], q[..., 1], q[..., 2], q[..., 3]
    return _matrix(
        xp,
        [
            [1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
            [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
            [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)],
        ],
    )


def axis_angle_to_matrix(axis: Array, angle_rad: Array) -> Array:
    """Rodrigues: axis: (3,) or (..., 3) unit vectors; angle_rad: (...) -> (..., 3, 3)."""
    xp = namespace(axis, angle_rad)
    th = xp.asarray(angle_rad)
    a = xp.broadcast_to(like(th, axis), (*th.shape, 3))
    x, y, z = a[..., 0], a[..., 1], a[..., 2]
    c, s = xp.cos(th), xp.sin(th)
    t = 1 - c
    return _matrix(
        xp,
        [
            [t * x * x + c, t * x * y - s * z, t * x * z + s * y],
            [t * x * y + s * z, t * y * y + c, t * y * z - s * x],
            [t * x * z - s * y, t * y * z + s * x, t * z * z + c],
        ],
    )


def rotz(yaw_rad: Array) -> Array:
    """Rotation about +z. Shape: (...) -> (..., 3, 3)."""
    xp = namespace(yaw_rad)
    yaw = xp.asarray(yaw_rad)
    c, s = xp.cos(yaw), xp.sin(yaw)
    zero, one = xp.zeros_like(c), xp.ones_like(c)
    return _matrix(xp, [[c, -s, zero], [s, c, zero], [zero, zero, one]])


def matrix_to_rotvec(rot: Array) -> Array:
    """Rotation vectors (axis * angle, angle in [0, pi]). (..., 3, 3) -> (..., 3).

    The axis comes from the skew-symmetric part (2 sin(angle) axis), the angle from atan2 of
    its norm and the trace. The skew part vanishes towards pi as well as towards zero: its axis
    loses about 1e-16 / sin(angle) of accuracy, so rows within ~5e-5 rad of pi take the axis
    from the symmetric part instead (numpy: only when a row needs it, checked with one ``any``;
    torch: always, selected with ``where``, so a GPU loop never waits on the check).
    """
    xp = namespace(rot)
    skew, two_sin, cos = _skew_sin_cos(xp, rot)
    angle = xp.atan2(0.5 * two_sin, cos)
    # angle / (2 sin(angle)) -> 1/2 as the angle -> 0
    factor = xp.where(two_sin > 1e-12, angle / xp.clip(two_sin, 1e-300, None), 0.5)
    vec = skew * factor[..., None]
    near_pi = (two_sin < 1e-4) & (cos < 0.0)
    if xp is np and not np.any(near_pi):
        return vec
    return xp.where(near_pi[..., None], _rotvec_near_pi(xp, rot, cos, angle, skew), vec)


def _skew_sin_cos(xp: Namespace, r: Array) -> tuple[Array, Array, Array]:
    """Of rotation matrices (..., 3, 3): the skew-symmetric part as a vector, 2 sin(angle) axis
    (..., 3); its norm 2 sin(angle); and cos(angle) from the trace."""
    skew = xp.stack(
        [r[..., 2, 1] - r[..., 1, 2], r[..., 0, 2] - r[..., 2, 0], r[..., 1, 0] - r[..., 0, 1]],
        axis=-1,
    )
    two_sin = xp.sqrt(xp.sum(skew * skew, axis=-1))
    cos = 0.5 * (r[..., 0, 0] + r[..., 1, 1] + r[..., 2, 2] - 1.0)
    return skew, two_sin, cos


def _rotvec_near_pi(xp: Namespace, r: Array, cos: Array, angle: Array, skew: Array) -> Array:
    """(R + R^T) / 2 - cos I = (1 - cos) axis axis^T: the column of its largest diagonal entry
    is the axis up to sign (well conditioned: 1 - cos ~ 2 here); the skew part gives the sign."""
    eye = constant(r, np.eye(3))
    sym = 0.5 * (r + xp.matrix_transpose(r)) - cos[..., None, None] * eye
    diag = xp.stack([sym[..., 0, 0], sym[..., 1, 1], sym[..., 2, 2]], axis=-1)
    best = xp.argmax(diag, axis=-1)
    column = xp.take_along_axis(sym, best[..., None, None], axis=-1)[..., 0]
    axis = column / xp.clip(xp.linalg.vector_norm(column, axis=-1, keepdims=True), 1e-300, None)
    sign = xp.where(xp.sum(axis * skew, axis=-1) < 0, -1.0, 1.0)
    return axis * (sign * angle)[..., None]


def rotation_error(target_rot: Array, rot: Array) -> Array:
    """Rotation vector taking ``rot`` to ``target_rot``, both in the base frame. (..., 3, 3)
    -> (..., 3)."""
    xp = namespace(target_rot, rot)
    return matrix_to_rotvec(target_rot @ xp.matrix_transpose(rot))


def rotation_angle(target_rot: Array, rot: Array) -> Array:
    """Angle (rad, [0, pi]) of the rotation taking ``rot`` to ``target_rot``: the norm of
    ``rotation_error`` without its axis. (..., 3, 3) -> (...)."""
    xp = namespace(target_rot, rot)
    _, two_sin, cos = _skew_sin_cos(xp, target_rot @ xp.matrix_transpose(rot))
    return xp.atan2(0.5 * two_sin, cos)


def yaw_of_matrix(rot: Array) -> Array:
    """Heading (rad) of a frame's x axis projected on the base xy plane. (..., 3, 3) -> (...)."""
    xp = namespace(rot)
    return xp.atan2(rot[..., 1, 0], rot[..., 0, 0])


def wrap_angle(angle_rad: Array) -> Array:
    """Wrap angles to [-pi, pi)."""
    return (angle_rad + np.pi) % (2 * np.pi) - np.pi
