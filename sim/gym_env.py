"""A gymnasium wrapper of one environment (for gymnasium tooling and per-environment baselines).

The batched ``VecEnv`` is the fast path; this wrapper runs a batch of one. Observations are one
group (``actor`` by default), actions are Box(-clip, clip, (8,)).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import gymnasium as gym
import numpy as np

from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig


class PandaGymEnv(gym.Env):
    """One Panda environment with the gymnasium API."""

    metadata = {"render_modes": []}

    def __init__(self, config: EnvConfig | None = None, obs_group: str = "actor") -> None:
        cfg = dataclasses.replace(config or EnvConfig(), num_envs=1, nthread=1)
        self._env = VecEnv(cfg)
        self._group = obs_group
        self.observation_space = self._observation_space(obs_group)
        clip = self._env.spec.action_clip
        self.action_space = gym.spaces.Box(-clip, clip, (self._env.num_actions,), np.float32)

    def _observation_space(self, group: str) -> gym.spaces.Box:
        if group != "actor":
            dim = self._env.obs_dims[group]
            return gym.spaces.Box(-np.inf, np.inf, (dim,), np.float32)
        # The contract clips every actor term, so the actor space is bounded.
        bound = np.concatenate(
            [np.full(t.width, t.clip) for t in self._env.spec.observation_terms]
        )
        return gym.spaces.Box(
            -bound.astype(np.float32), bound.astype(np.float32), dtype=np.float32
        )

    @property
    def vec_env(self) -> VecEnv:
        return self._env

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        if seed is not None:
            self._env.seed(seed)
        obs = self._env.reset()
        return obs[self._group][0], {}

    def step(self, action: np.ndarray) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        result = self._env.step(np.asarray(action, dtype=np.float64).reshape(1, -1))
        terminated, truncated = bool(result.terminated[0]), bool(result.truncated[0])
        info = {
            "command_success": bool(result.info["command_success"][0]),
            "command_done": bool(result.info["command_done"][0]),
        }
        obs = result.obs[self._group][0]
        if terminated or truncated:
            # The batch already reset itself; gymnasium expects the final observation here.
            obs = result.info[f"final_{self._group}_obs"][0]
        return obs, float(result.reward[0]), terminated, truncated, info
