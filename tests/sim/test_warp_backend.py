"""The ``warp`` backend on Warp's CPU device: the same environment, parity with C MuJoCo, the same
randomization distributions.

Kernels compile once per machine into Warp's kernel cache (about a minute the first time; the
test run points the cache into the checkout, see tests/conftest.py).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch
from scipy import stats

from skillbridge.sim.backend import CpuBatchBackend
from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.overrides import ModelOverrides, load_overrides
from skillbridge.sim.randomization import DomainRandomizer, RandomizationConfig, no_randomization
from skillbridge.sim.scene import TRAINING_PHYSICS_DT_S, SceneConfig, compile_scene
from skillbridge.sim.warp_backend import WarpBackend

STATE_FIELDS = ("qpos", "qvel", "ctrl", "mocap_pos", "history")


@pytest.fixture(scope="module")
def warp_env():
    env = VecEnv(EnvConfig(num_envs=4, backend="warp", device="cpu", seed=3))
    env.reset()
    return env


def test_observations_rewards_and_resets_are_device_tensors(warp_env):
    env = warp_env
    obs = env.observations
    assert isinstance(obs["actor"], torch.Tensor) and obs["actor"].dtype == torch.float32
    assert obs["actor"].shape == (4, env.spec.obs_dim)
    assert obs["critic"].shape == (4, env.obs_dims["critic"])
    actions = torch.zeros(4, 8)
    actions[1, 3] = float("nan")
    result = env.step(actions)
    assert isinstance(result.reward, torch.Tensor) and result.reward.shape == (4,)
    assert int(result.info["nonfinite_actions"]) == 1
    assert result.terminated.tolist() == [False, True, False, False]
    assert int(env.episode_step[1]) == 0 and int(env.episode_step[0]) == 1
    assert torch.isfinite(result.obs["actor"]).all() and torch.isfinite(result.obs["critic"]).all()


def test_a_world_whose_physics_fails_is_reset_alone(warp_env):
    env = warp_env
    env.step(torch.zeros(4, 8))
    env.physics.qvel[2, 0] = float("nan")
    result = env.step(torch.zeros(4, 8))
    assert int(result.info["physics_failures"]) == 1
    assert bool(result.terminated[2]) and int(env.episode_step[2]) == 0
    assert torch.isfinite(env.physics.qvel).all()


def _matched_envs() -> tuple[VecEnv, VecEnv]:
    """A cpu and a warp environment with randomization off, the warp one started from the cpu
    one's reset state (arm, cube, pad, servo targets and their delay buffers)."""
    cfg = EnvConfig(
        num_envs=2,
        task="tabletop",
        randomization=no_randomization(),
        grasped_start_prob=0.0,
        seed=7,
    )
    cpu = VecEnv(cfg)
    warp = VecEnv(dataclasses.replace(cfg, backend="warp", device="cpu"))
    cpu.reset()
    warp.reset()
    ids = np.arange(2)
    half = cpu.randomizer.cube_half_size(ids)  # the far corner of the table: free space
    cpu.physics.write_cube(ids, np.column_stack([[0.95, 0.95], [0.6, 0.6], half]), np.eye(4)[:2])
    cpu.physics.commit(ids)
    for field in STATE_FIELDS:
        warp.backend.state(field)[:] = torch.from_numpy(cpu.backend.state(field))
    warp.physics.commit(torch.arange(2))
    warp.target.pos_m[:] = torch.from_numpy(cpu.target.pos_m)
    warp.target.rot[:] = torch.from_numpy(cpu.target.rot)
    warp.target.gripper[:] = torch.from_numpy(cpu.target.gripper)
    warp.reset_envs(torch.zeros(0, dtype=torch.int64))  # observe the copied state
    return cpu, warp


def test_free_space_trajectories_agree_with_c_mujoco_within_a_milliradian():
    """The same action sequence for 2 s (100 control periods, 500 physics steps of 4 ms): the
    joints of Warp (float32) and C MuJoCo (float64) stay within 1e-3 rad."""
    cpu, warp = _matched_envs()
    t = np.arange(100) * cpu.dt_s
    phase = np.arange(8) * 0.7
    actions = 0.6 * np.sin(2 * np.pi * 0.8 * t[:, None] + phase)[:, None, :].repeat(2, 1)
    actions[..., -1] = 1.0  # fingers stay open
    start = cpu.physics.joint_pos()[:, :7].copy()
    worst = 0.0
    for a in actions:
        cpu.step(a)
        warp.step(torch.from_numpy(a).float())
        gap = np.abs(warp.physics.joint_pos().numpy() - cpu.physics.joint_pos())
        worst = max(worst, float(gap[:, :7].max()))
    moved = np.abs(cpu.physics.joint_pos()[:, :7] - start).max()
    assert moved > 0.05, "the arm must actually move for the comparison to mean anything"
    assert worst < 1e-3, f"C and Warp joint positions drifted {worst:.2e} rad apart"


def test_one_randomization_spec_gives_the_same_distributions_on_both_backends(tmp_path):
    """The same config and calibrated overrides (with their own absolute ranges) drawn on 400
    worlds per backend: every randomized parameter passes a two-sample KS test and the ranges
    written through the model fields match."""
    path = tmp_path / "overrides.yaml"
    ModelOverrides(
        joints={"panda_joint2": {"damping": 3.0}},
        randomization={"joints": {"panda_joint4": {"armature": [0.05, 0.09]}}},
    ).save(path)
    overrides = load_overrides(path)
    model = compile_scene(SceneConfig(physics_dt_s=TRAINING_PHYSICS_DT_S), overrides)
    config = RandomizationConfig()
    n = 400
    draws = {}
    for name, backend in {
        "cpu": CpuBatchBackend(model, n, nthread=1),
        "warp": WarpBackend(model, n, "cpu"),
    }.items():
        randomizer = DomainRandomizer(
            model, backend, config, control_period_s=0.02, overrides=overrides, seed=11
        )
        ids = np.arange(n) if name == "cpu" else torch.arange(n)
        randomizer.sample(ids)
        params = randomizer.params
        draws[name] = (
            np.asarray(params.numpy() if name == "warp" else params, dtype=np.float64),
            np.asarray(
                backend.model_field("dof_armature")[:, model.joint("panda_joint4").dofadr[0]]
            ),
        )
    cpu_params, warp_params = draws["cpu"][0], draws["warp"][0]
    varying = np.flatnonzero(cpu_params.std(axis=0) > 0)
    assert len(varying) > 30
    p_values = [stats.ks_2samp(cpu_params[:, c], warp_params[:, c]).pvalue for c in varying]
    # 40-odd tests at once: a Bonferroni bound keeps the false alarm rate near 1 %.
    assert min(p_values) > 0.01 / len(varying), f"distributions differ: min p {min(p_values):.2e}"
    for armature in (draws["cpu"][1], draws["warp"][1]):
        assert armature.min() >= 0.05 - 1e-6 and armature.max() <= 0.09 + 1e-6
