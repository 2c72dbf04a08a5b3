"""The stable-baselines3 baseline both training benchmarks run: PPO on 8 gymnasium copies of the
motion task (DummyVecEnv + VecNormalize), 128x128 networks like ours, CPU."""

from __future__ import annotations

from stable_baselines3 import PPO
from stable_baselines3.common.env_util import make_vec_env
from stable_baselines3.common.vec_env import VecNormalize

from skillbridge.sim.gym_env import PandaGymEnv


def make_sb3_ppo(n_epochs: int, seed: int = 0) -> PPO:
    vec = VecNormalize(make_vec_env(PandaGymEnv, n_envs=8, seed=seed))
    return PPO(
        "MlpPolicy",
        vec,
        n_steps=256,
        batch_size=512,
        n_epochs=n_epochs,
        seed=seed,
        policy_kwargs={"net_arch": [128, 128]},
        device="cpu",
        verbose=0,
    )
