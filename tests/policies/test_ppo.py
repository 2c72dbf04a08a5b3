"""PPO pieces with their arithmetic shown: GAE, truncation bootstrap, normalizer, KL, losses."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from skillbridge.policies.networks import Actor, Critic, EmpiricalNormalization
from skillbridge.policies.ppo import PPO, PPOConfig, gaussian_kl
from skillbridge.policies.storage import RolloutStorage


def test_gae_matches_hand_computation():
    """Two envs, three steps; env 1 terminates at step 1 (no bootstrap across it)."""
    gamma, lam = 0.9, 0.5
    s = RolloutStorage(num_envs=2, num_steps=3, actor_dim=1, critic_dim=1, action_dim=1)
    s.rewards = torch.tensor([[1.0, 0.0, 2.0], [1.0, 1.0, 0.0]])
    s.values = torch.tensor([[0.5, 1.0, 1.5], [0.2, 0.4, 0.6]])
    s.dones = torch.tensor([[0.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    s.compute_returns(torch.tensor([2.0, 3.0]), gamma, lam)
    # env 0: deltas d2 = 2 + .9*2 - 1.5 = 2.3; d1 = 0 + .9*1.5 - 1 = .35; d0 = 1 + .9*1 - .5 = 1.4
    # A2 = 2.3; A1 = .35 + .45*2.3 = 1.385; A0 = 1.4 + .45*1.385 = 2.02325
    np.testing.assert_allclose(s.advantages[0].numpy(), [2.02325, 1.385, 2.3], atol=1e-6)
    # env 1: d2 = 0 + .9*3 - .6 = 2.1; d1 = 1 - .4 = .6 (terminal); d0 = 1 + .9*.4 - .2 = 1.16
    # A2 = 2.1; A1 = .6; A0 = 1.16 + .45*.6 = 1.43
    np.testing.assert_allclose(s.advantages[1].numpy(), [1.43, 0.6, 2.1], atol=1e-6)
    np.testing.assert_allclose(s.returns.numpy(), (s.advantages + s.values).numpy())


def test_normalizer_matches_numpy_over_batches():
    rng = np.random.default_rng(0)
    data = rng.normal(3.0, 2.0, size=(1000, 4))
    norm = EmpiricalNormalization(4, eps=0.0)
    for chunk in np.array_split(data, 7):
        norm.update(torch.tensor(chunk, dtype=torch.float32))
    np.testing.assert_allclose(norm.mean.numpy(), data.mean(0), rtol=1e-5)
    np.testing.assert_allclose(norm.var.numpy(), data.var(0), rtol=1e-4)
    norm.frozen = True
    norm.update(torch.zeros(10, 4))
    np.testing.assert_allclose(norm.mean.numpy(), data.mean(0), rtol=1e-5)


def test_gaussian_kl_closed_form():
    mu0, s0 = torch.tensor([[0.0, 1.0]]), torch.tensor([[1.0, 0.5]])
    mu1, s1 = torch.tensor([[0.5, 1.0]]), torch.tensor([[1.0, 1.0]])
    # dim 0: (1 + .25)/2 - .5 = .125 ; dim 1: ln 2 + .25/2 - .5
    expected = 0.125 + np.log(2) + 0.125 - 0.5
    assert float(gaussian_kl(mu0, s0, mu1, s1)) == pytest.approx(expected, rel=1e-6)
    torch_kl = torch.distributions.kl_divergence(
        torch.distributions.Normal(mu0, s0), torch.distributions.Normal(mu1, s1)
    ).sum()
    assert float(torch_kl) == pytest.approx(expected, rel=1e-6)


def test_update_improves_advantage_weighted_likelihood():
    """On a fixed batch, PPO raises the likelihood of positive-advantage actions."""
    torch.manual_seed(0)
    actor, critic = Actor(3, 2, (16,), 0.5), Critic(5, (16,))
    s = RolloutStorage(num_envs=8, num_steps=16, actor_dim=3, critic_dim=5, action_dim=2)
    s.actor_obs = torch.randn(8, 16, 3)
    s.critic_obs = torch.randn(8, 16, 5)
    with torch.no_grad():
        dist = actor.distribution(s.actor_obs)
        s.actions = dist.sample()
        s.log_probs = dist.log_prob(s.actions).sum(-1)
        s.mu, s.sigma = dist.mean, dist.stddev
    good = (s.actions[..., 0] > s.mu[..., 0]).float()
    s.rewards, s.values, s.dones = good, torch.zeros(8, 16), torch.ones(8, 16)
    s.compute_returns(torch.zeros(8), 0.99, 0.95)
    ppo = PPO(actor, critic, PPOConfig(schedule="fixed", learning_rate=3e-3))
    before = actor.distribution(s.actor_obs).mean[..., 0].mean().item()
    ppo.update(s, torch.Generator().manual_seed(0))
    after = actor.distribution(s.actor_obs).mean[..., 0].mean().item()
    assert after > before + 0.01
