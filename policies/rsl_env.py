"""The simulator through rsl_rl's ``VecEnv`` interface: torch observation groups on one device.

The ``cpu`` backend's numpy arrays become torch tensors without a copy (``torch.from_numpy``);
the ``warp`` backend's arrays already are tensors on the simulation's device. Either way the
learner and the environment share one device and no observation crosses to the host.
"""

from __future__ import annotations

from typing import Any

import torch
from rsl_rl.env import VecEnv as RslVecEnv
from tensordict import TensorDict

from skillbridge.sim.env import StepResult, VecEnv


def as_tensor(array: Any) -> torch.Tensor:
    """A torch view of an environment array (numpy for ``cpu``, a tensor already for ``warp``)."""
    return array if isinstance(array, torch.Tensor) else torch.from_numpy(array)


class RslEnv(RslVecEnv):
    """Adapter from ``skillbridge.sim.env.VecEnv`` to rsl_rl's environment interface.

    Observation groups (``obs_groups`` in the learner's config pick them): ``actor`` (what the
    robot's sensors give, through the contract) and ``critic`` (privileged). Time-limit
    truncations are reported as ``time_outs`` so PPO bootstraps them instead of treating them as
    terminal. Per-step task metrics travel in ``extras["metrics"]`` as device tensors (summed by
    the runner without a host round trip per step).
    """

    def __init__(self, env: VecEnv) -> None:
        self.env = env
        self.num_envs = env.num_envs
        self.num_actions = env.num_actions
        self.max_episode_length = env.max_episode_steps
        self.cfg = env.config
        self.device = torch.device(str(env.device))
        self._numpy = env.backend.__class__.__name__ == "CpuBatchBackend"

    @property
    def episode_length_buf(self) -> torch.Tensor:
        """Control steps into each episode, (num_envs,)."""
        return as_tensor(self.env.episode_step)

    @episode_length_buf.setter
    def episode_length_buf(self, value: torch.Tensor) -> None:
        self.env.episode_step[:] = value.numpy() if self._numpy else value

    def get_observations(self) -> TensorDict:
        return self._group(self.env.observations)

    def _group(self, obs: dict[str, Any]) -> TensorDict:
        return TensorDict(
            {name: as_tensor(value) for name, value in obs.items()},
            batch_size=[self.num_envs],
            device=self.device,
        )

    def step(self, actions: torch.Tensor) -> tuple[TensorDict, torch.Tensor, torch.Tensor, dict]:
        """Shapes: actions (num_envs, num_actions); rewards and dones (num_envs,)."""
        result = self.env.step(actions.numpy() if self._numpy else actions)
        return (*self.unpack(result), self.extras(result))

    def unpack(self, result: StepResult) -> tuple[TensorDict, torch.Tensor, torch.Tensor]:
        """Observations, float32 rewards and float dones of a step."""
        rewards = as_tensor(result.reward).float()
        dones = (as_tensor(result.terminated) | as_tensor(result.truncated)).float()
        return self._group(result.obs), rewards, dones

    def extras(self, result: StepResult) -> dict:
        info = result.info
        done = as_tensor(info["command_done"])
        success = as_tensor(info["command_success"]) & done
        ended = as_tensor(result.terminated) | as_tensor(result.truncated)
        return {
            "time_outs": as_tensor(result.truncated),
            "metrics": {
                "command_windows": done.sum(),
                "command_successes": success.sum(),
                "episodes": ended.sum(),
                "episode_return_sum": as_tensor(info["episode_return"]).sum(),
            },
        }
