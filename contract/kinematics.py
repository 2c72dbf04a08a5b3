"""Forward kinematics of the spec's serial chain: the tool pose from joint positions (numpy arrays
or torch tensors, ``skillbridge.contract.arrays``).

The robot side computes the tool centre point exactly as the simulator's site, from the same
chain parameters that travel in the contract; a test checks it against MuJoCo to 1e-9 m. Each
link is a fixed transform followed (for joint links) by a rotation about its axis. The chain is
folded once (fixed links merged, Rodrigues' terms premultiplied); a call builds every joint
rotation in one vectorized pass and multiplies 3x3 rotations down the chain: ~20 numpy calls
whatever the batch, so the environment's 64 and the policy node's one both cost tens of µs.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from skillbridge.contract.arrays import Array, constant, namespace
from skillbridge.contract.rotations import quat_wxyz_to_matrix
from skillbridge.contract.spec import KinematicChain


@dataclasses.dataclass(frozen=True)
class _ChainPlan:
    """The chain folded for fast evaluation.

    Fixed links are merged into the next joint link (or the tool). Joint link k then moves the
    frame by ``offset_pos[k]`` and rotates it by ``F + sin(q) K1 + (1 - cos(q)) K2``: Rodrigues'
    formula premultiplied by the link's fixed rotation F (K1 = F skew(axis), K2 = F skew(axis)^2).
    """

    joint_names: tuple[str, ...]
    offset_pos: np.ndarray
    """(K + 1, 3): translation of each joint link, then of the tool."""
    fixed_rot: np.ndarray
    """(K, 3, 3): F of each joint link."""
    fixed_k1: np.ndarray
    """(K, 3, 3)."""
    fixed_k2: np.ndarray
    """(K, 3, 3)."""
    tool_rot: np.ndarray
    """(3, 3): fixed rotation from the last joint link to the tool."""
    _columns: dict[tuple[str, ...], np.ndarray] = dataclasses.field(default_factory=dict)

    def columns(self, joint_names: tuple[str, ...]) -> np.ndarray:
        """Column of each chain joint in a joint vector labelled ``joint_names`` (cached: a
        control loop asks with the same names every step)."""
        found = self._columns.get(joint_names)
        if found is None:
            column = {name: i for i, name in enumerate(joint_names)}
            found = np.array([column[name] for name in self.joint_names], dtype=np.int64)
            self._columns[joint_names] = found
        return found


_PLANS: dict[int, tuple[KinematicChain, _ChainPlan]] = {}


def _plan(chain: KinematicChain) -> _ChainPlan:
    # Keyed by identity (hashing the frozen chain costs more than the kinematics of a small
    # batch); the chain is kept alive in the entry so its id cannot be reused.
    entry = _PLANS.get(id(chain))
    if entry is not None and entry[0] is chain:
        return entry[1]
    plan = _make_plan(chain)
    if len(_PLANS) > 64:
        _PLANS.clear()
    _PLANS[id(chain)] = (chain, plan)
    return plan


def _make_plan(chain: KinematicChain) -> _ChainPlan:
    names, offset_pos, fixed_rot, fixed_k1, fixed_k2 = [], [], [], [], []
    # Pending fixed transform (rotation, translation) since the last joint link.
    pend_rot, pend_pos = np.eye(3), np.zeros(3)
    for link in chain.links:
        rot = quat_wxyz_to_matrix(np.asarray(link.quat_wxyz, dtype=np.float64))
        pos = np.asarray(link.pos_m, dtype=np.float64)
        if link.joint_name is None:
            pend_pos, pend_rot = pend_pos + pend_rot @ pos, pend_rot @ rot
            continue
        axis = np.asarray(link.axis, dtype=np.float64)
        axis = axis / np.linalg.norm(axis)
        skew = np.array(
            [[0.0, -axis[2], axis[1]], [axis[2], 0.0, -axis[0]], [-axis[1], axis[0], 0.0]]
        )
        fixed = pend_rot @ rot
        names.append(link.joint_name)
        offset_pos.append(pend_pos + pend_rot @ pos)
        fixed_rot.append(fixed)
        fixed_k1.append(fixed @ skew)
        fixed_k2.append(fixed @ skew @ skew)
        pend_rot, pend_pos = np.eye(3), np.zeros(3)
    tool_rot = quat_wxyz_to_matrix(np.asarray(chain.tool_quat_wxyz, dtype=np.float64))
    offset_pos.append(pend_pos + pend_rot @ np.asarray(chain.tool_pos_m, dtype=np.float64))
    return _ChainPlan(
        tuple(names),
        np.array(offset_pos),
        np.array(fixed_rot),
        np.array(fixed_k1),
        np.array(fixed_k2),
        pend_rot @ tool_rot,
    )


def tool_pose(
    chain: KinematicChain, joint_pos_rad: Array, joint_names: tuple[str, ...]
) -> tuple[Array, Array]:
    """Tool centre point pose in the base frame.

    Args:
        chain: the kinematic chain of the contract.
        joint_pos_rad: joint positions, shape (..., J), labelled by ``joint_names``.
        joint_names: names of the columns of ``joint_pos_rad``; must include the chain's joints.

    Returns:
        ``(pos_m, rot)``: shapes (..., 3) and (..., 3, 3), in ``joint_pos_rad``'s namespace.
    """
    xp = namespace(joint_pos_rad)
    q = xp.asarray(joint_pos_rad)
    if xp is np:
        q = q.astype(np.float64, copy=False)
    plan = _plan(chain)
    angles = q[..., constant(q, plan.columns(joint_names))]
    s = xp.sin(angles)[..., None, None]
    t = (1.0 - xp.cos(angles))[..., None, None]
    # Each joint link's local rotation (fixed rotation, then the joint's): (..., K, 3, 3).
    local = (
        constant(q, plan.fixed_rot)
        + s * constant(q, plan.fixed_k1)
        + t * constant(q, plan.fixed_k2)
    )
    offsets = constant(q, plan.offset_pos)
    pos = xp.broadcast_to(offsets[0], (*q.shape[:-1], 3))
    rot = local[..., 0, :, :]
    for k in range(1, len(plan.joint_names)):
        pos = pos + rot @ offsets[k]
        rot = rot @ local[..., k, :, :]
    pos = pos + rot @ offsets[-1]
    return pos, rot @ constant(q, plan.tool_rot)


Rot9 = tuple[float, float, float, float, float, float, float, float, float]
"""A 3x3 rotation as a row-major 9-tuple (plain Python floats)."""


class SingleChainPose:
    """``tool_pose`` of one robot in plain Python floats (no numpy call per evaluation).

    The same folded chain as ``tool_pose`` and the same products in the same order, unrolled over
    row-major 9-tuples (a list comprehension is a function call in Python 3.11: the nested ones
    took 23 µs a pose warm, this 8); ``tests/contract/test_kinematics.py`` holds the two equal.
    The policy node's tick computes one pose per period after the CPU has idled, when each
    numpy call costs several times its warm time.
    """

    def __init__(self, chain: KinematicChain, joint_names: tuple[str, ...]) -> None:
        """Args: the contract's chain and the names labelling the joint vector passed to
        ``__call__`` (must include the chain's joints)."""
        plan = _plan(chain)
        column = {name: i for i, name in enumerate(joint_names)}
        self._columns = [column[name] for name in plan.joint_names]
        self._offsets = [tuple(v) for v in plan.offset_pos.tolist()]
        # Per joint link, the 9 (fixed, sin term, 1 - cos term) triples of its local rotation.
        self._links = [
            tuple(zip(f.ravel().tolist(), k1.ravel().tolist(), k2.ravel().tolist(), strict=True))
            for f, k1, k2 in zip(plan.fixed_rot, plan.fixed_k1, plan.fixed_k2, strict=True)
        ]
        self._tool_rot = tuple(plan.tool_rot.ravel().tolist())

    def __call__(self, q: list[float]) -> tuple[list[float], Rot9]:
        """Tool position [x, y, z] and rotation (row-major 9-tuple) of joint positions ``q``."""
        x, y, z = self._offsets[0]
        rot: Rot9 | None = None
        for k, column in enumerate(self._columns):
            s, t = math.sin(q[column]), 1.0 - math.cos(q[column])
            local = tuple([f + s * k1 + t * k2 for f, k1, k2 in self._links[k]])
            if rot is None:
                rot = local
                continue
            x, y, z = _add_rotated(x, y, z, rot, self._offsets[k])
            rot = matmul9(rot, local)
        assert rot is not None, "a kinematic chain has at least one joint"
        x, y, z = _add_rotated(x, y, z, rot, self._offsets[-1])
        return [x, y, z], matmul9(rot, self._tool_rot)


def _add_rotated(
    x: float, y: float, z: float, r: Rot9, v: tuple[float, float, float]
) -> tuple[float, float, float]:
    """(x, y, z) + r @ v."""
    return (
        x + r[0] * v[0] + r[1] * v[1] + r[2] * v[2],
        y + r[3] * v[0] + r[4] * v[1] + r[5] * v[2],
        z + r[6] * v[0] + r[7] * v[1] + r[8] * v[2],
    )


def matmul9(a: Rot9, b: Rot9) -> Rot9:
    """a @ b of row-major 9-tuples, each entry summed in k order (as numpy's 3x3 matmul)."""
    a0, a1, a2, a3, a4, a5, a6, a7, a8 = a
    b0, b1, b2, b3, b4, b5, b6, b7, b8 = b
    return (
        a0 * b0 + a1 * b3 + a2 * b6, a0 * b1 + a1 * b4 + a2 * b7, a0 * b2 + a1 * b5 + a2 * b8,
        a3 * b0 + a4 * b3 + a5 * b6, a3 * b1 + a4 * b4 + a5 * b7, a3 * b2 + a4 * b5 + a5 * b8,
        a6 * b0 + a7 * b3 + a8 * b6, a6 * b1 + a7 * b4 + a8 * b7, a6 * b2 + a7 * b5 + a8 * b8,
    )  # fmt: skip
