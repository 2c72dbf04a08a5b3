"""Rollout storage (preallocated, environment dimension first) and generalized advantages."""

from __future__ import annotations

import numpy as np
import torch


class RolloutStorage:
    """One rollout of ``num_steps`` transitions of ``num_envs`` environments.

    Every buffer has shape (num_envs, num_steps, ...). ``rewards`` already include the
    bootstrapped value of the final state of time-limit truncations (see ``add``).
    """

    def __init__(
        self, num_envs: int, num_steps: int, actor_dim: int, critic_dim: int, action_dim: int
    ) -> None:
        shape = (num_envs, num_steps)
        self.num_envs, self.num_steps = num_envs, num_steps
        self.actor_obs = torch.zeros((*shape, actor_dim))
        self.critic_obs = torch.zeros((*shape, critic_dim))
        self.actions = torch.zeros((*shape, action_dim))
        self.log_probs = torch.zeros(shape)
        self.mu = torch.zeros((*shape, action_dim))
        self.sigma = torch.zeros((*shape, action_dim))
        self.values = torch.zeros(shape)
        self.rewards = torch.zeros(shape)
        self.dones = torch.zeros(shape)
        self.advantages = torch.zeros(shape)
        self.returns = torch.zeros(shape)
        self.truncations: list[tuple[int, np.ndarray, torch.Tensor]] = []
        """(step, env ids, final critic observations) of time-limit truncations."""
        self.last_critic_obs = torch.zeros((num_envs, critic_dim))
        self.step = 0

    def add(self, **fields: torch.Tensor) -> None:
        """Store one transition; every field is (num_envs, ...)."""
        for name, value in fields.items():
            getattr(self, name)[:, self.step] = value
        self.step += 1

    def clear(self) -> None:
        self.step = 0

    def compute_returns(self, last_values: torch.Tensor, gamma: float, lam: float) -> None:
        """GAE(lambda). ``dones`` cut the recursion; truncations were bootstrapped in rewards."""
        gae = torch.zeros(self.num_envs)
        next_values = last_values
        for t in reversed(range(self.num_steps)):
            not_done = 1.0 - self.dones[:, t]
            delta = self.rewards[:, t] + gamma * next_values * not_done - self.values[:, t]
            gae = delta + gamma * lam * not_done * gae
            self.advantages[:, t] = gae
            next_values = self.values[:, t]
        self.returns = self.advantages + self.values

    def minibatches(self, num_minibatches: int, generator: torch.Generator):
        """Shuffled minibatches over all (env, step) samples, each a dict of flat tensors."""
        total = self.num_envs * self.num_steps
        flat = {
            name: getattr(self, name).reshape(total, *getattr(self, name).shape[2:])
            for name in (
                "actor_obs",
                "critic_obs",
                "actions",
                "log_probs",
                "mu",
                "sigma",
                "values",
                "advantages",
                "returns",
            )
        }
        order = torch.randperm(total, generator=generator)
        size = total // num_minibatches
        for i in range(num_minibatches):
            idx = order[i * size : (i + 1) * size]
            yield {name: tensor[idx] for name, tensor in flat.items()}
