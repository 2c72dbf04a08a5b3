"""The batched environment: shapes, autoreset, bad actions, randomization, delays, gymnasium."""

from __future__ import annotations

import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

from skillbridge.contract import tool_pose
from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.gym_env import PandaGymEnv
from skillbridge.sim.randomization import RandomizationConfig, no_randomization
from skillbridge.sim.scene import FINGER_OPEN_M
from skillbridge.sim.tasks.motion import MotionRewardConfig


@pytest.fixture(scope="module")
def env():
    e = VecEnv(EnvConfig(num_envs=8, seed=1))
    e.reset()
    return e


def test_observation_groups_and_shapes(env):
    obs = env.observations
    assert obs["actor"].shape == (8, env.spec.obs_dim)
    assert obs["critic"].shape[0] == 8
    assert obs["critic"].shape[1] > obs["actor"].shape[1] + env.randomizer.num_params
    assert obs["actor"].dtype == np.float32
    result = env.step(np.zeros((8, 8)))
    assert result.reward.shape == result.terminated.shape == result.truncated.shape == (8,)


def test_wrong_action_shape_names_the_expected_shape(env):
    with pytest.raises(ValueError, match=r"\(8, 8\)"):
        env.step(np.zeros((8, 7)))


def test_nan_actions_reset_only_their_env_and_are_counted(env):
    for _ in range(3):
        env.step(np.zeros((8, 8)))
    steps_before = env.episode_step.copy()
    actions = np.zeros((8, 8))
    actions[2, 4] = np.nan
    actions[5, 0] = np.inf
    result = env.step(actions)
    assert result.info["nonfinite_actions"] == 2
    assert result.terminated[[2, 5]].all() and not result.terminated[[0, 1, 3, 4, 6, 7]].any()
    assert env.episode_step[2] == 0 and env.episode_step[5] == 0
    assert (env.episode_step[[0, 1, 3]] == steps_before[[0, 1, 3]] + 1).all()
    assert np.all(np.isfinite(result.obs["actor"])) and np.all(np.isfinite(result.obs["critic"]))


def test_time_limit_truncates_and_returns_final_critic_obs():
    e = VecEnv(EnvConfig(num_envs=2, episode_length_s=0.1, seed=0))
    e.reset()
    for _ in range(4):
        result = e.step(np.zeros((2, 8)))
        assert not result.truncated.any()
    result = e.step(np.zeros((2, 8)))
    assert result.truncated.all() and not result.terminated.any()
    assert result.info["final_critic_obs"].shape == (2, e.obs_dims["critic"])
    assert (e.episode_step == 0).all()


def test_randomization_gives_each_env_its_own_physics():
    e = VecEnv(EnvConfig(num_envs=16, seed=2))
    e.reset()
    damping = e.backend.model_field("dof_damping")
    assert np.unique(damping[:, e.physics._qvel_idx[0]]).size == 16
    params = e.randomizer.params
    assert np.all(np.std(params, axis=0)[: e.randomizer.num_params - 1] >= 0)
    assert np.std(params[:, 0]) > 0
    plain = VecEnv(EnvConfig(num_envs=4, randomization=no_randomization()))
    plain.reset()
    np.testing.assert_array_equal(
        plain.backend.model_field("dof_damping")[0], plain.model.dof_damping
    )


def test_action_delay_holds_the_old_command():
    """With a two-period delay the arm keeps still for two periods after a step command."""
    dr = RandomizationConfig(
        link_mass_scale=(1, 1),
        joint_damping_scale=(1, 1),
        joint_armature_scale=(1, 1),
        joint_frictionloss_add=(0, 0),
        actuator_kp_scale=(1, 1),
        actuator_kv_scale=(1, 1),
        geom_friction_scale=(1, 1),
        cube_mass_scale=(1, 1),
        cube_size_scale=(1, 1),
        action_delay_steps=(2, 2),
        joint_pos_noise_rad=0.0,
        joint_vel_noise_rad_s=0.0,
        push_rate_hz=0.0,
    )
    delayed = VecEnv(
        EnvConfig(task="tabletop", num_envs=1, randomization=dr, seed=4, grasped_start_prob=0.0)
    )
    prompt = VecEnv(
        EnvConfig(
            task="tabletop",
            num_envs=1,
            randomization=no_randomization(),
            seed=4,
            grasped_start_prob=0.0,
        )
    )
    moves = {}
    for name, e in (("delayed", delayed), ("prompt", prompt)):
        e.reset()
        q0 = e.physics.joint_pos()[0, 0]
        action = np.zeros((1, 8))
        action[0, 0] = 1.0
        action[0, 7] = 1.0
        trace = []
        for _ in range(3):
            e.step(action)
            trace.append(e.physics.joint_pos()[0, 0] - q0)
        moves[name] = trace
    assert abs(moves["delayed"][0]) < 2e-3 and abs(moves["delayed"][1]) < 2e-3
    assert moves["prompt"][0] > 5e-3
    assert moves["delayed"][2] > 5e-3


def test_grasped_start_carries_the_cube():
    e = VecEnv(
        EnvConfig(
            task="tabletop",
            num_envs=8,
            grasped_start_prob=1.0,
            randomization=no_randomization(),
            seed=3,
        )
    )
    e.reset()
    cube0, _ = e.physics.cube_pose()
    lifted = cube0[:, 2] > 0.1
    e.set_commands(np.arange(8), np.tile([0.0, 0.0, 0.05, 0.0, 0.0], (8, 1)))
    action = np.zeros((8, 8))
    action[:, 7] = -1.0
    for _ in range(40):
        e.step(action)
    cube1, _ = e.physics.cube_pose()
    assert lifted.any()
    assert np.all(cube1[lifted, 2] > 0.05)
    assert np.all(e.physics.finger_pos()[lifted] < FINGER_OPEN_M - 0.005)


def test_slip_term_reads_the_held_cube_moving_in_the_hand():
    """The slip term is the cube's speed in the tool frame while it is held: near 0 for a cube
    that stays between the pads, and the speed of a cube moved along them."""
    rewards = MotionRewardConfig(slip=-100.0)
    e = VecEnv(
        EnvConfig(
            task="tabletop",
            num_envs=4,
            grasped_start_prob=1.0,
            randomization=no_randomization(),
            seed=3,
            rewards=rewards,
        )
    )
    e.reset()
    e.set_commands(np.arange(4), np.zeros((4, 5)))
    action = np.zeros((4, 8))
    action[:, 7] = -1.0
    for _ in range(10):
        info = e.step(action).info
    still = info["reward_terms"]["slip"] / e.spec.control_period_s / rewards.slip
    held = np.asarray(e.prev_holding)
    assert held.all() and np.all(still < 0.01), still
    pos, quat = e.physics.cube_pose()
    _, tool_rot = e.physics.tool_pose()
    shift = 0.002 * np.asarray(tool_rot)[0, :, 2]  # 2 mm along the tool's approach axis
    e.physics.write_cube(np.array([0]), np.asarray(pos)[0] + shift, np.asarray(quat)[0])
    e.physics.commit(np.array([0]))
    info = e.step(action).info
    speed = info["reward_terms"]["slip"] / e.spec.control_period_s / rewards.slip
    assert speed[0] > 0.5 * 0.002 / e.dt_s, speed
    assert np.all(speed[1:] < 0.01), speed


def test_gymnasium_checker_passes():
    check_env(PandaGymEnv(), skip_render_check=True)


def test_seeded_envs_are_reproducible():
    runs = []
    for _ in range(2):
        e = VecEnv(EnvConfig(num_envs=3, seed=11))
        obs = e.reset()["critic"].copy()
        for _ in range(5):
            obs = e.step(np.full((3, 8), 0.3)).obs["critic"]
        runs.append(obs)
    np.testing.assert_array_equal(runs[0], runs[1])


def test_tool_pose_from_mujoco_matches_contract_kinematics_after_steps_and_resets():
    e = VecEnv(EnvConfig(num_envs=6, episode_length_s=0.2, seed=4))
    e.reset()
    rng = np.random.default_rng(0)
    resets = 0
    for _ in range(25):
        resets += len(e.step(rng.uniform(-1, 1, size=(6, 8))).info["done_ids"])
        pos, rot = e.physics.tool_pose()
        fk_pos, fk_rot = tool_pose(e.spec.kinematics, e.physics.joint_pos(), e.spec.joint_names)
        np.testing.assert_allclose(pos, fk_pos, atol=1e-9)
        np.testing.assert_allclose(rot, fk_rot, atol=1e-9)
    assert resets >= 6  # the check covered freshly reset environments


def test_critic_sees_the_true_tool_velocity():
    e = VecEnv(EnvConfig(num_envs=4, seed=5, randomization=no_randomization()))
    e.reset()
    before, _ = e.physics.tool_pose()
    before = before.copy()
    actions = np.zeros((4, 8))
    actions[:, 0] = 1.0  # swing joint 1
    e.step(actions)
    after, _ = e.physics.tool_pose()
    velocity = (after - before) / e.dt_s
    assert np.all(np.linalg.norm(velocity, axis=1) > 0.01)
    np.testing.assert_allclose(e.tool_vel, velocity, atol=1e-12)
    critic = e.observations["critic"]
    start = e._critic_actor_spec.obs_dim + 9  # noise-free actor terms, tool position, two axes
    np.testing.assert_allclose(critic[:, start : start + 3], 0.2 * velocity, rtol=1e-5, atol=1e-6)
