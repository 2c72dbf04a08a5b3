"""Asymmetric proximal policy optimization: the actor and the critic read different observations.

Clipped surrogate, GAE, (optionally clipped) value loss, entropy bonus, an adaptive learning rate
on a KL target, gradient clipping and mini-batch epochs. Time-limit truncations bootstrap from the
value of the final state (handled by the runner when storing rewards), they are not terminals.
"""

from __future__ import annotations

import dataclasses

import torch

from skillbridge.policies import distributed
from skillbridge.policies.networks import Actor, Critic
from skillbridge.policies.storage import RolloutStorage


@dataclasses.dataclass(frozen=True)
class PPOConfig:
    """PPO hyperparameters."""

    num_steps_per_env: int = 24
    """Transitions per environment per rollout."""
    num_learning_epochs: int = 3
    num_minibatches: int = 2
    learning_rate: float = 1e-3
    schedule: str = "adaptive"
    """``adaptive``: scale the learning rate to keep the KL near ``desired_kl``; ``fixed``."""
    desired_kl: float = 0.01
    gamma: float = 0.99
    lam: float = 0.95
    clip_param: float = 0.2
    value_loss_coef: float = 1.0
    clip_value_loss: bool = True
    entropy_coef: float = 0.003
    max_grad_norm: float = 1.0
    actor_hidden: tuple[int, ...] = (128, 128)
    critic_hidden: tuple[int, ...] = (128, 128)
    activation: str = "elu"
    init_noise_std: float = 0.6


@dataclasses.dataclass
class UpdateStats:
    value_loss: float
    surrogate_loss: float
    entropy: float
    kl: float
    learning_rate: float
    action_std: float


def gaussian_kl(mu0, sigma0, mu1, sigma1) -> torch.Tensor:
    """KL(N0 || N1) summed over action dimensions, per sample."""
    return torch.sum(
        torch.log(sigma1 / sigma0)
        + (sigma0.square() + (mu0 - mu1).square()) / (2 * sigma1.square())
        - 0.5,
        dim=-1,
    )


class PPO:
    """Owns the actor, the critic and their optimizer; ``update`` consumes a filled storage."""

    def __init__(self, actor: Actor, critic: Critic, config: PPOConfig) -> None:
        self.actor, self.critic, self.config = actor, critic, config
        self.learning_rate = config.learning_rate
        self.parameters = [*actor.parameters(), *critic.parameters()]
        self.optimizer = torch.optim.Adam(self.parameters, lr=self.learning_rate, fused=True)

    def _adapt_learning_rate(self, kl: float) -> None:
        if self.config.schedule != "adaptive":
            return
        if kl > 2.0 * self.config.desired_kl:
            self.learning_rate = max(1e-5, self.learning_rate / 1.5)
        elif 0.0 < kl < 0.5 * self.config.desired_kl:
            self.learning_rate = min(1e-2, self.learning_rate * 1.5)
        for group in self.optimizer.param_groups:
            group["lr"] = self.learning_rate

    def _losses(self, batch: dict[str, torch.Tensor]):
        cfg = self.config
        dist = self.actor.distribution(batch["actor_obs"])
        log_prob = dist.log_prob(batch["actions"]).sum(-1)
        entropy = dist.entropy().sum(-1).mean()
        kl = gaussian_kl(batch["mu"], batch["sigma"], dist.mean, dist.stddev).mean()
        ratio = torch.exp(log_prob - batch["log_probs"])
        adv = batch["advantages"]
        surrogate = -torch.min(
            ratio * adv, ratio.clamp(1 - cfg.clip_param, 1 + cfg.clip_param) * adv
        )
        value = self.critic(batch["critic_obs"])
        value_loss = (value - batch["returns"]).square()
        if cfg.clip_value_loss:
            clipped = batch["values"] + (value - batch["values"]).clamp(
                -cfg.clip_param, cfg.clip_param
            )
            value_loss = torch.max(value_loss, (clipped - batch["returns"]).square())
        return surrogate.mean(), value_loss.mean(), entropy, kl

    def update(self, storage: RolloutStorage, generator: torch.Generator) -> UpdateStats:
        cfg = self.config
        adv = storage.advantages
        storage.advantages = (adv - adv.mean()) / (adv.std() + 1e-8)
        totals = {"surrogate": 0.0, "value": 0.0, "entropy": 0.0, "kl": 0.0}
        n = 0
        for _ in range(cfg.num_learning_epochs):
            for batch in storage.minibatches(cfg.num_minibatches, generator):
                surrogate, value_loss, entropy, kl = self._losses(batch)
                kl_mean = distributed.all_mean(kl)
                self._adapt_learning_rate(kl_mean)
                loss = surrogate + cfg.value_loss_coef * value_loss - cfg.entropy_coef * entropy
                self.optimizer.zero_grad()
                loss.backward()
                distributed.average_gradients(self.parameters)
                torch.nn.utils.clip_grad_norm_(self.parameters, cfg.max_grad_norm)
                self.optimizer.step()
                for key, val in zip(
                    totals, (surrogate, value_loss, entropy, kl_mean), strict=True
                ):
                    totals[key] += float(val.detach()) if torch.is_tensor(val) else float(val)
                n += 1
        return UpdateStats(
            value_loss=totals["value"] / n,
            surrogate_loss=totals["surrogate"] / n,
            entropy=totals["entropy"] / n,
            kl=totals["kl"] / n,
            learning_rate=self.learning_rate,
            action_std=float(torch.exp(self.actor.log_std.detach()).mean()),
        )
