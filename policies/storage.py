"""Rollout storage (preallocated, environment dimension first) and generalized advantages."""

from __future__ import annotations

import torch


class RolloutStorage:
    """One rollout of ``num_steps`` transitions of ``num_envs`` environments.

    Every buffer has shape (num_envs, num_steps, ...). ``rewards`` already include the
    bootstrapped value of the final state of time-limit truncations (see ``add``).
    """

    def __init__(
        self,
        num_envs: int,
        num_steps: int,
        actor_dim: int,
        critic_dim: int,
        action_dim: int,
        device: torch.device | str = "cpu",
    ) -> None:
        shape = (num_envs, num_steps)
        self.num_envs, self.num_steps, self.device = num_envs, num_steps, torch.device(device)

        def zeros(*size: int) -> torch.Tensor:
            return torch.zeros(size, device=self.device)

        self.actor_obs = zeros(*shape, actor_dim)
        self.critic_obs = zeros(*shape, critic_dim)
        self.actions = zeros(*shape, action_dim)
        self.log_probs = zeros(*shape)
        self.mu = zeros(*shape, action_dim)
        self.sigma = zeros(*shape, action_dim)
        self.values = zeros(*shape)
        self.rewards = zeros(*shape)
        self.dones = zeros(*shape)
        self.advantages = zeros(*shape)
        self.returns = zeros(*shape)
        self.truncations: list[tuple[int, torch.Tensor, torch.Tensor]] = []
        """(step, env ids, final critic observations) of time-limit truncations."""
        self.last_critic_obs = zeros(num_envs, critic_dim)
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
        gae = torch.zeros(self.num_envs, device=self.device)
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
        order = torch.randperm(total, generator=generator, device=self.device)
        size = total // num_minibatches
        for i in range(num_minibatches):
            idx = order[i * size : (i + 1) * size]
            yield {name: tensor[idx] for name, tensor in flat.items()}
