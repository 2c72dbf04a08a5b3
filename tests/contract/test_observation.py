"""build_actor_obs and the action mapping: by name, identical in sim and on a hand-built state."""

from __future__ import annotations

import dataclasses

import mujoco
import numpy as np
import pytest
import torch

from skillbridge.contract import (
    ContractError,
    NonFiniteObservationError,
    ObservationHistory,
    RobotState,
    action_to_joint_targets,
    build_actor_obs,
    hold_target,
    resolve_target,
    tool_pose,
)
from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.randomization import no_randomization
from skillbridge.sim.scene import POLICY_JOINTS, TCP_SITE, home_qpos


def test_forward_kinematics_matches_mujoco_site(panda_model, panda_spec):
    data = mujoco.MjData(panda_model)
    rng = np.random.default_rng(3)
    for _ in range(25):
        data.qpos[:] = home_qpos(panda_model)
        for name in POLICY_JOINTS[:7]:
            data.joint(name).qpos = rng.uniform(*panda_model.joint(name).range)
        mujoco.mj_kinematics(panda_model, data)
        q = np.array([data.joint(n).qpos[0] for n in POLICY_JOINTS])
        pos, rot = tool_pose(panda_spec.kinematics, q, POLICY_JOINTS)
        np.testing.assert_allclose(pos, data.site(TCP_SITE).xpos, atol=1e-9)
        np.testing.assert_allclose(rot.ravel(), data.site(TCP_SITE).xmat, atol=1e-9)


def test_sim_and_hand_built_state_give_identical_observations():
    env = VecEnv(EnvConfig(num_envs=4, randomization=no_randomization(), seed=5))
    env.reset()
    for _ in range(7):
        env.step(np.random.default_rng(0).uniform(-0.5, 0.5, (4, 8)))
    sim_obs = env.observations["actor"]
    q, qd = env.physics.joint_pos(), env.physics.joint_vel()
    for i in range(4):
        # What a ROS driver would publish: its own joint order, plus joints the policy ignores.
        order = [7, 3, 0, 6, 1, 5, 2, 4]
        names = [POLICY_JOINTS[j] for j in order] + ["panda_finger_joint2"]
        pos = {n: q[i, j] for n, j in zip(names, order, strict=False)}
        vel = {n: qd[i, j] for n, j in zip(names, order, strict=False)}
        pos["panda_finger_joint2"] = vel["panda_finger_joint2"] = 0.0
        state = RobotState.from_mapping(pos, vel)
        target = env.target.take(np.array([i]))
        hand_built = build_actor_obs(state, target, env.last_action[i], env.spec)
        np.testing.assert_array_equal(hand_built[0], sim_obs[i])


def test_missing_joint_is_named(panda_spec):
    state = RobotState(POLICY_JOINTS[:-1], np.zeros(7), np.zeros(7))
    target = hold_target(np.zeros((1, 3)), np.eye(3)[None], np.ones(1))
    with pytest.raises(ContractError, match="panda_finger_joint1"):
        build_actor_obs(state, target, np.zeros(8), panda_spec)


def test_nan_reading_is_reported_with_the_joint(panda_spec):
    pos = np.array(panda_spec.default_joint_pos)
    pos[2] = np.nan
    state = RobotState(POLICY_JOINTS, pos, np.zeros(8))
    target = hold_target(np.zeros((1, 3)), np.eye(3)[None], np.ones(1))
    with pytest.raises(NonFiniteObservationError, match="panda_joint3"):
        build_actor_obs(state, target, np.zeros(8), panda_spec)


def test_duplicate_joint_names_are_refused():
    with pytest.raises(ContractError, match="repeat"):
        RobotState(("a", "a"), np.zeros(2), np.zeros(2))


def test_observation_layout_and_scaling(panda_spec):
    q = np.array(panda_spec.default_joint_pos) + 0.1
    state = RobotState(POLICY_JOINTS, q, np.full(8, 2.0))
    pos, rot = tool_pose(panda_spec.kinematics, q, POLICY_JOINTS)
    target = resolve_target(pos[None], rot[None], np.array([[0.1, 0, 0, 0, -1]]), np.ones(1))
    obs = build_actor_obs(state, target, np.full(8, 0.5), panda_spec)[0]
    widths = [t.width for t in panda_spec.observation_terms]
    blocks = np.split(obs, np.cumsum(widths)[:-1])
    np.testing.assert_allclose(blocks[0], 0.1, atol=1e-6)  # joint_pos_rel
    np.testing.assert_allclose(blocks[1], 2.0 * 0.2, atol=1e-6)  # joint_vel * scale
    np.testing.assert_allclose(blocks[2], 0.5)  # last_action
    np.testing.assert_allclose(blocks[3], [0.5, 0.0, 0.0], atol=1e-6)  # 0.1 m * 5 / m
    assert blocks[5][0] == -1.0  # gripper_target closed
    np.testing.assert_allclose(blocks[6], pos, atol=1e-6)  # tool_pos_b
    np.testing.assert_allclose(blocks[7], np.concatenate([rot[:, 0], rot[:, 1]]), atol=1e-6)


def test_history_stacks_newest_first(panda_spec):
    terms = tuple(
        dataclasses.replace(t, history=2) if t.name == "joint_vel" else t
        for t in panda_spec.observation_terms
    )
    spec = dataclasses.replace(panda_spec, observation_terms=terms)
    history = ObservationHistory(spec, 1)
    target = hold_target(np.zeros((1, 3)), np.eye(3)[None], np.ones(1))
    q = np.array(spec.default_joint_pos)
    first = build_actor_obs(
        RobotState(POLICY_JOINTS, q, np.full(8, 1.0)), target, np.zeros(8), spec, history=history
    )
    second = build_actor_obs(
        RobotState(POLICY_JOINTS, q, np.full(8, 2.0)), target, np.zeros(8), spec, history=history
    )
    vel_start = 8
    np.testing.assert_allclose(first[0, vel_start : vel_start + 16], 0.2)  # filled at reset
    np.testing.assert_allclose(second[0, vel_start : vel_start + 8], 0.4)
    np.testing.assert_allclose(second[0, vel_start + 8 : vel_start + 16], 0.2)


def test_action_mapping_delta_absolute_and_limits(panda_spec):
    measured = np.array(panda_spec.default_joint_pos)
    targets = action_to_joint_targets(np.array([1, 0, 0, 0, 0, 0, 0, -1.0]), measured, panda_spec)
    assert targets[0] == pytest.approx(measured[0] + 0.1)  # delta: measured + 0.1 rad
    assert targets[7] == pytest.approx(0.0)  # absolute finger: 0.02 - 0.02
    far = measured.copy()
    far[3] = panda_spec.joint_pos_upper[3]
    clipped = action_to_joint_targets(np.array([0, 0, 0, 5.0, 0, 0, 0, 0]), far, panda_spec)
    assert clipped[3] == panda_spec.joint_pos_upper[3]


def test_action_mapping_rejects_bad_shape_and_nan(panda_spec):
    q = np.array(panda_spec.default_joint_pos)
    with pytest.raises(ContractError, match=r"\(\.\.\., 8\)"):
        action_to_joint_targets(np.zeros(7), q, panda_spec)
    with pytest.raises(ContractError, match="NaN"):
        action_to_joint_targets(np.full(8, np.nan), q, panda_spec)


def test_commands_resolve_relative_to_the_tool(panda_spec):
    q = np.array(panda_spec.default_joint_pos)
    pos, rot = tool_pose(panda_spec.kinematics, q, POLICY_JOINTS)
    target = resolve_target(
        pos[None], rot[None], np.array([[0, 0.01, 0, np.pi / 2, 0]]), np.ones(1)
    )
    np.testing.assert_allclose(target.pos_m[0], pos + [0, 0.01, 0])
    assert target.yaw_rad[0] == pytest.approx(np.pi / 2, abs=1e-6)
    assert target.gripper[0] == 1.0
    with pytest.raises(ContractError, match="non-finite"):
        resolve_target(pos[None], rot[None], np.array([[np.nan, 0, 0, 0, 0]]), np.ones(1))


def _random_rotation(rng) -> np.ndarray:
    q, r = np.linalg.qr(rng.normal(size=(3, 3)))
    q = q * np.sign(np.diag(r))
    return q if np.linalg.det(q) > 0 else -q


def test_torch_tensors_get_the_numpy_observation_and_targets(panda_spec):
    """The warp backend runs the contract on torch tensors: random joint states (shuffled order,
    an extra joint), targets in every direction including half a turn away, wide velocities (the
    clip) and actions beyond the action clip give numpy's values (float64: to 1e-9)."""
    rng = np.random.default_rng(7)
    n = 64
    lower, upper = np.array(panda_spec.joint_pos_lower), np.array(panda_spec.joint_pos_upper)
    order = rng.permutation(len(POLICY_JOINTS))
    names = (*(POLICY_JOINTS[i] for i in order), "some_other_joint")
    q = rng.uniform(lower - 0.1, upper + 0.1, (n, 8))
    vel = rng.normal(scale=10.0, size=q.shape)
    extra = np.full((n, 1), 0.3)
    state = RobotState(names, np.hstack([q[:, order], extra]), np.hstack([vel[:, order], extra]))
    rot = np.stack([_random_rotation(rng) for _ in range(n)])
    pos, tool_rot = tool_pose(panda_spec.kinematics, q, POLICY_JOINTS)
    rot[0] = tool_rot[0] @ np.diag([1.0, -1.0, -1.0])  # half a turn: the near-pi branch
    target = hold_target(rng.uniform(-1, 1, (n, 3)), rot, rng.choice([-1.0, 1.0], n))
    action = rng.normal(scale=2.0, size=(n, panda_spec.action_dim))
    expected = build_actor_obs(state, target, action, panda_spec)

    def t(x):
        return torch.from_numpy(np.ascontiguousarray(x))

    state_t = RobotState(names, t(state.joint_pos_rad), t(state.joint_vel_rad_s))
    target_t = type(target)(t(target.pos_m), t(target.rot), t(target.gripper))
    got = build_actor_obs(state_t, target_t, t(action), panda_spec)
    assert isinstance(got, torch.Tensor) and got.dtype == torch.float32
    np.testing.assert_allclose(got.numpy(), expected, rtol=0, atol=1e-6)
    np.testing.assert_allclose(
        action_to_joint_targets(t(action), t(q), panda_spec).numpy(),
        action_to_joint_targets(action, q, panda_spec),
        rtol=0,
        atol=1e-12,
    )
