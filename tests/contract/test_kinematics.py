"""The one-robot forward kinematics and rotation error of the policy node's tick (plain Python
floats) against the batched numpy definitions that training uses."""

from __future__ import annotations

import numpy as np

from skillbridge.contract.kinematics import SingleChainPose, tool_pose
from skillbridge.contract.rotations import rotation_error, rotation_error_single
from skillbridge.sim.scene import POLICY_JOINTS


def _random_rotation(rng) -> np.ndarray:
    q, r = np.linalg.qr(rng.normal(size=(3, 3)))
    q = q * np.sign(np.diag(r))
    return q if np.linalg.det(q) > 0 else -q


def test_the_single_chain_pose_equals_tool_pose(panda_spec):
    """Joint angles over the whole circle, the joints in a shuffled order with an extra one."""
    rng = np.random.default_rng(11)
    names = (*POLICY_JOINTS[::-1], "some_other_joint")
    pose = SingleChainPose(panda_spec.kinematics, names)
    for _ in range(300):
        q = rng.uniform(-np.pi, np.pi, len(names))
        pos, rot = tool_pose(panda_spec.kinematics, q, names)
        got_pos, got_rot = pose(q.tolist())
        np.testing.assert_allclose(got_pos, pos, rtol=0, atol=1e-15)
        np.testing.assert_allclose(np.reshape(got_rot, (3, 3)), rot, rtol=0, atol=1e-15)


def test_the_single_rotation_error_equals_the_batched_one_away_from_pi():
    rng = np.random.default_rng(12)
    for _ in range(300):
        target, rot = _random_rotation(rng), _random_rotation(rng)
        got = rotation_error_single(target.ravel().tolist(), rot.ravel().tolist())
        expected = rotation_error(target, rot)
        if got is None:  # within ~5e-5 rad of pi: the batched branch decides the axis
            assert np.linalg.norm(expected) > np.pi - 1e-3
            continue
        np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)
    assert rotation_error_single(np.eye(3).ravel().tolist(), np.eye(3).ravel().tolist()) == [
        0.0, 0.0, 0.0,
    ]  # fmt: skip
    half_turn = np.diag([1.0, -1.0, -1.0])
    assert rotation_error_single(half_turn.ravel().tolist(), np.eye(3).ravel().tolist()) is None
