"""Rotation conversions: rotation vectors over the whole range, including the ends."""

from __future__ import annotations

import numpy as np
import pytest

from skillbridge.contract.rotations import (
    axis_angle_to_matrix,
    matrix_to_quat_wxyz,
    matrix_to_rotvec,
    rotation_angle,
    rotation_error,
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


def test_rotvec_agrees_with_the_quaternion_route_and_keeps_batch_shape():
    rng = np.random.default_rng(2)
    rot = axis_angle_to_matrix(_random_axes(rng, 24), rng.uniform(0, np.pi, 24))
    quat = matrix_to_quat_wxyz(rot)
    half = np.arctan2(np.linalg.norm(quat[:, 1:], axis=1), quat[:, 0])
    expected = quat[:, 1:] / np.sin(half)[:, None] * (2 * half)[:, None]
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
