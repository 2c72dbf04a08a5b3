"""Actor and critic networks, and the running observation normalizer.

The actor is a Gaussian MLP with a learned, state-independent log standard deviation; deployment
uses its mean. Actor and critic have separate empirical normalizers (frozen for export), so the
critic can read a different observation group (the privileged one) than the actor.
"""

from __future__ import annotations

import torch
from torch import nn


class EmpiricalNormalization(nn.Module):
    """Running mean / variance of observations; ``(x - mean) / (std + eps)``.

    Statistics are merged with the parallel (Chan et al.) update, so several ranks can combine
    their batch statistics into identical running values (see ``update_from_moments``).
    """

    mean: torch.Tensor  # buffers (saved with the weights, moved with the module)
    var: torch.Tensor
    count: torch.Tensor

    def __init__(self, size: int, eps: float = 1e-2) -> None:
        super().__init__()
        self.eps = eps
        self.register_buffer("mean", torch.zeros(size))
        self.register_buffer("var", torch.ones(size))
        self.register_buffer("count", torch.zeros((), dtype=torch.float64))
        self.frozen = False

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return (x - self.mean) / (torch.sqrt(self.var) + self.eps)

    @torch.no_grad()
    def update(self, x: torch.Tensor) -> None:
        """Fold a batch (B, size) into the running statistics (no-op when frozen)."""
        if self.frozen or x.shape[0] == 0:
            return
        x = x.reshape(-1, x.shape[-1])
        var, mean = torch.var_mean(x, dim=0, correction=0)  # batch moments in float32 ...
        count = torch.tensor(float(x.shape[0]), dtype=torch.float64, device=x.device)
        self.update_from_moments(count, mean.double(), var.double())  # ... merged in float64

    @torch.no_grad()
    def update_from_moments(
        self, count: torch.Tensor, mean: torch.Tensor, var: torch.Tensor
    ) -> None:
        """Merge a batch given by its count, mean and (population) variance."""
        if self.frozen:
            return
        total = self.count + count
        delta = mean - self.mean.to(torch.float64)
        new_mean = self.mean.to(torch.float64) + delta * count / total
        m2 = self.var.to(torch.float64) * self.count + var * count
        m2 = m2 + delta.square() * self.count * count / total
        self.mean.copy_(new_mean.to(self.mean.dtype))
        self.var.copy_((m2 / total).to(self.var.dtype))
        self.count.copy_(total)


def mlp(
    in_dim: int, hidden: tuple[int, ...], out_dim: int, activation: str = "elu"
) -> nn.Sequential:
    """Fully connected layers with the given activation between them."""
    act = {"elu": nn.ELU, "relu": nn.ReLU, "tanh": nn.Tanh}[activation]
    layers: list[nn.Module] = []
    dims = (in_dim, *hidden)
    for a, b in zip(dims[:-1], dims[1:], strict=True):
        layers += [nn.Linear(a, b), act()]
    layers.append(nn.Linear(dims[-1], out_dim))
    return nn.Sequential(*layers)


class Actor(nn.Module):
    """Gaussian policy: normalizer -> MLP -> mean; learned log std per action."""

    def __init__(
        self,
        obs_dim: int,
        action_dim: int,
        hidden: tuple[int, ...],
        init_std: float,
        activation: str = "elu",
    ) -> None:
        super().__init__()
        self.normalizer = EmpiricalNormalization(obs_dim)
        self.net = mlp(obs_dim, hidden, action_dim, activation)
        self.log_std = nn.Parameter(
            torch.full((action_dim,), float(torch.log(torch.tensor(init_std))))
        )
        # Small last layer: initial actions near zero (hold the measured pose).
        last = self.net[-1]
        assert isinstance(last, nn.Linear)
        nn.init.uniform_(last.weight, -1e-3, 1e-3)
        nn.init.zeros_(last.bias)

    def forward(self, obs: torch.Tensor) -> torch.Tensor:
        """The deterministic (deployment) action: the mean. Shape: (B, action_dim)."""
        return self.net(self.normalizer(obs))

    def distribution(self, obs: torch.Tensor) -> torch.distributions.Normal:
        mean = self.forward(obs)
        return torch.distributions.Normal(mean, torch.exp(self.log_std).expand_as(mean))


class Critic(nn.Module):
    """Value function: normalizer -> MLP -> scalar. Shape: (B,)."""

    def __init__(self, obs_dim: int, hidden: tuple[int, ...], activation: str = "elu") -> None:
        super().__init__()
        self.normalizer = EmpiricalNormalization(obs_dim)
        self.net = mlp(obs_dim, hidden, 1, activation)

    def forward(self, obs: torch.Tensor) -> torch.Tensor:
        return self.net(self.normalizer(obs)).squeeze(-1)
