"""The learned high level: an MLP over (task embedding, observation) -> token logits.

Trained by behaviour cloning from the oracle, fine-tuned on corrections mixed with the original
demonstrations, exported to ONNX with its ``HighLevelSpec`` (observation normalization baked in).
"""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

import numpy as np
import onnx
import torch
from torch import nn

from skillbridge.hierarchy.observation import OBS_DIM
from skillbridge.hierarchy.spec import (
    INPUT_EMBEDDING,
    INPUT_OBS,
    OUTPUT_LOGITS,
    HighLevelSpec,
)
from skillbridge.hierarchy.vocabulary import NUM_TOKENS


class HighLevelNet(nn.Module):
    """logits = MLP([embedding, (obs - mean) / std])."""

    obs_mean: torch.Tensor  # buffers
    obs_std: torch.Tensor

    def __init__(self, embedding_dim: int = 384, hidden: tuple[int, ...] = (256, 256)) -> None:
        super().__init__()
        self.register_buffer("obs_mean", torch.zeros(OBS_DIM))
        self.register_buffer("obs_std", torch.ones(OBS_DIM))
        layers: list[nn.Module] = []
        dims = (embedding_dim + OBS_DIM, *hidden)
        for a, b in zip(dims[:-1], dims[1:], strict=True):
            layers += [nn.Linear(a, b), nn.ELU()]
        layers.append(nn.Linear(dims[-1], NUM_TOKENS))
        self.net = nn.Sequential(*layers)

    def forward(self, task_embedding: torch.Tensor, obs: torch.Tensor) -> torch.Tensor:
        x = torch.cat([task_embedding, (obs - self.obs_mean) / self.obs_std], dim=-1)
        return self.net(x)

    def fit_normalization(self, obs: np.ndarray) -> None:
        self.obs_mean.copy_(torch.as_tensor(obs.mean(0), dtype=torch.float32))
        self.obs_std.copy_(torch.as_tensor(obs.std(0) + 1e-3, dtype=torch.float32))


@dataclasses.dataclass(frozen=True)
class BCConfig:
    epochs: int = 60
    batch_size: int = 256
    learning_rate: float = 1e-3
    weight_decay: float = 1e-4
    seed: int = 0


@dataclasses.dataclass(frozen=True)
class Examples:
    """Supervised examples: task embeddings (n, E), observations (n, OBS_DIM), tokens (n,)."""

    embeddings: np.ndarray
    obs: np.ndarray
    tokens: np.ndarray
    weights: np.ndarray | None = None
    """Per-example sampling weight (fine-tuning upweights corrections); None: uniform."""

    def __len__(self) -> int:
        return len(self.tokens)


def train_supervised(model: HighLevelNet, data: Examples, cfg: BCConfig) -> list[float]:
    """Cross-entropy training; returns the mean loss per epoch."""
    torch.manual_seed(cfg.seed)
    generator = torch.Generator().manual_seed(cfg.seed)
    emb = torch.as_tensor(data.embeddings, dtype=torch.float32)
    obs = torch.as_tensor(data.obs, dtype=torch.float32)
    tokens = torch.as_tensor(data.tokens, dtype=torch.long)
    weights = None if data.weights is None else torch.as_tensor(data.weights, dtype=torch.float)
    opt = torch.optim.AdamW(
        model.parameters(), lr=cfg.learning_rate, weight_decay=cfg.weight_decay
    )
    losses = []
    n = len(tokens)
    for _ in range(cfg.epochs):
        if weights is None:
            order = torch.randperm(n, generator=generator)
        else:
            order = torch.multinomial(weights, n, replacement=True, generator=generator)
        total = 0.0
        for start in range(0, n, cfg.batch_size):
            idx = order[start : start + cfg.batch_size]
            loss = nn.functional.cross_entropy(model(emb[idx], obs[idx]), tokens[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss.detach()) * len(idx)
        losses.append(total / n)
    return losses


@torch.no_grad()
def accuracy(model: HighLevelNet, data: Examples) -> float:
    if len(data) == 0:
        return float("nan")
    logits = model(
        torch.as_tensor(data.embeddings, dtype=torch.float32),
        torch.as_tensor(data.obs, dtype=torch.float32),
    )
    return float((logits.argmax(1).numpy() == data.tokens).mean())


def export_high_level(model: HighLevelNet, spec: HighLevelSpec, path: str | Path) -> Path:
    """ONNX with dynamic batch, the spec in the metadata, checker-clean."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    model = model.eval()
    example = (torch.zeros(2, spec.embedding_dim), torch.zeros(2, OBS_DIM))
    batch = torch.export.Dim("batch")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            example,
            str(path),
            input_names=[INPUT_EMBEDDING, INPUT_OBS],
            output_names=[OUTPUT_LOGITS],
            dynamo=True,
            opset_version=18,
            dynamic_shapes=({0: batch}, {0: batch}),
            verbose=False,
            external_data=False,
        )
    proto = onnx.load(str(path))
    del proto.metadata_props[:]
    for key, value in sorted(spec.to_metadata().items()):
        proto.metadata_props.add(key=key, value=value)
    proto.producer_name = "skillbridge"
    onnx.checker.check_model(proto, full_check=True)
    onnx.save(proto, str(path))
    return path


def save_weights(model: HighLevelNet, path: str | Path) -> None:
    torch.save(model.state_dict(), Path(path))


def load_weights(path: str | Path, embedding_dim: int = 384) -> HighLevelNet:
    model = HighLevelNet(embedding_dim)
    model.load_state_dict(torch.load(Path(path), map_location="cpu", weights_only=True))
    return model
