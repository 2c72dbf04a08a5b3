"""Rotation conversions: rotation vectors over the whole range, including the ends."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from scipy.spatial.transform import Rotation

from skillbridge.contract.rotations import (
    axis_angle_to_matrix,
    matrix_to_rotvec,
    quat_wxyz_to_matrix,
    rotation_angle,
    rotation_error,
    rotz,
    yaw_of_matrix,
)


def _random_axes(rng: np.random.Generator, n: int) -> np.ndarray:
    axes = rng.normal(size=(n, 3))
    return axes / np.linalg.norm(axes, axis=1, keepdims=True)


@pytest.mark.parametrize(
    "angles",
    [
        np.zeros(50),
        np.full(50, 1e-9),
        np.linspace(0.0, np.pi, 50),
        np.full(50, 2.0 * np.pi / 3.0),
        np.pi - np.logspace(-12, -2, 50),
    ],
    ids=["zero", "tiny", "sweep", "120deg", "near-pi"],
)
def test_rotvec_recovers_axis_times_angle(angles):
    axes = _random_axes(np.random.default_rng(0), len(angles))
    rotvec = matrix_to_rotvec(axis_angle_to_matrix(axes, angles))
    np.testing.assert_allclose(rotvec, axes * angles[:, None], atol=1e-10)


def test_rotvec_at_exactly_pi_gives_the_axis_up_to_sign():
    axes = _random_axes(np.random.default_rng(1), 20)
    rotvec = matrix_to_rotvec(axis_angle_to_matrix(axes, np.full(20, np.pi)))
    np.testing.assert_allclose(np.abs(np.sum(rotvec * axes, axis=1)), np.pi, atol=1e-10)
    np.testing.assert_allclose(np.linalg.norm(rotvec, axis=1), np.pi, atol=1e-10)


def test_rotvec_agrees_with_scipy_and_keeps_batch_shape():
    rng = np.random.default_rng(2)
    rot = axis_angle_to_matrix(_random_axes(rng, 24), rng.uniform(0, np.pi, 24))
    expected = Rotation.from_matrix(rot).as_rotvec()
    np.testing.assert_allclose(matrix_to_rotvec(rot), expected, atol=1e-10)
    assert matrix_to_rotvec(rot.reshape(2, 3, 4, 3, 3)).shape == (2, 3, 4, 3)
    assert matrix_to_rotvec(np.eye(3)).shape == (3,)


def test_rotation_angle_is_the_norm_of_the_rotation_error():
    rng = np.random.default_rng(3)
    a = axis_angle_to_matrix(_random_axes(rng, 100), rng.uniform(0, np.pi, 100))
    b = axis_angle_to_matrix(_random_axes(rng, 100), rng.uniform(0, np.pi, 100))
    error = rotation_error(a, b)
    np.testing.assert_allclose(rotation_angle(a, b), np.linalg.norm(error, axis=1), atol=1e-12)
    # The error rotation takes b to a.
    np.testing.assert_allclose(
        axis_angle_to_matrix(
            error / np.linalg.norm(error, axis=1, keepdims=True), np.linalg.norm(error, axis=1)
        )
        @ b,
        a,
        atol=1e-10,
    )


def test_quaternions_and_headings_agree_with_scipy():
    rng = np.random.default_rng(4)
    quat_xyzw = Rotation.random(30, random_state=5).as_quat()
    quat_wxyz = np.concatenate([quat_xyzw[:, 3:], quat_xyzw[:, :3]], axis=1)
    np.testing.assert_allclose(
        quat_wxyz_to_matrix(quat_wxyz), Rotation.from_quat(quat_xyzw).as_matrix(), atol=1e-12
    )
    yaw = rng.uniform(-np.pi, np.pi, 30)
    np.testing.assert_allclose(
        rotz(yaw), Rotation.from_euler("z", yaw[:, None]).as_matrix(), atol=1e-12
    )
    np.testing.assert_allclose(yaw_of_matrix(rotz(yaw)), yaw, atol=1e-12)


def test_torch_tensors_give_the_numpy_results_near_pi_included():
    """The same functions on torch tensors (the GPU backend's namespace): float64 to 1e-12, and
    the near-pi branch selected per row without a host check."""
    rng = np.random.default_rng(6)
    angles = np.concatenate([rng.uniform(0, np.pi, 40), np.pi - np.logspace(-9, -5, 8)])
    rot = axis_angle_to_matrix(_random_axes(rng, len(angles)), angles)
    other = axis_angle_to_matrix(_random_axes(rng, len(angles)), rng.uniform(0, 3, len(angles)))
    for fn in (matrix_to_rotvec, yaw_of_matrix):
        got = fn(torch.from_numpy(rot))
        assert isinstance(got, torch.Tensor)
        np.testing.assert_allclose(got.numpy(), fn(rot), atol=1e-12)
    got = rotation_error(torch.from_numpy(other), torch.from_numpy(rot)).numpy()
    np.testing.assert_allclose(got, rotation_error(other, rot), atol=1e-12)
    got = rotation_angle(torch.from_numpy(other), torch.from_numpy(rot)).numpy()
    np.testing.assert_allclose(got, rotation_angle(other, rot), atol=1e-12)
