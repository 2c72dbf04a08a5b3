"""Data-parallel training over processes with ``torch.distributed`` (gloo on CPU, NCCL on GPU).

Each rank steps its own environments; gradients are averaged with all-reduce and normalizer
statistics are merged from every rank's batch, so parameters stay identical on all ranks.
Start with ``torchrun --nproc-per-node N -m skillbridge.policies.train_entry ...``.
"""

from __future__ import annotations

import os

import torch
import torch.distributed as dist
from torch import nn

from skillbridge.policies.networks import EmpiricalNormalization


def init_from_env() -> tuple[int, int]:
    """Join the process group torchrun describes (if any). Returns (rank, world_size)."""
    if "WORLD_SIZE" not in os.environ or int(os.environ["WORLD_SIZE"]) <= 1:
        return 0, 1
    if not dist.is_initialized():
        backend = "nccl" if torch.cuda.is_available() else "gloo"
        dist.init_process_group(backend=backend)
    return dist.get_rank(), dist.get_world_size()


def active() -> bool:
    return dist.is_available() and dist.is_initialized() and dist.get_world_size() > 1


def broadcast_module(module: nn.Module) -> None:
    """Copy rank 0's parameters and buffers to every rank."""
    if not active():
        return
    for tensor in [*module.parameters(), *module.buffers()]:
        dist.broadcast(tensor.data, src=0)


def average_gradients(parameters: list[nn.Parameter]) -> None:
    """All-reduce and average gradients (one flat buffer: one collective per step)."""
    if not active():
        return
    grads = [p.grad for p in parameters if p.grad is not None]
    flat = torch.cat([g.reshape(-1) for g in grads])
    dist.all_reduce(flat, op=dist.ReduceOp.SUM)
    flat /= dist.get_world_size()
    offset = 0
    for g in grads:
        g.copy_(flat[offset : offset + g.numel()].view_as(g))
        offset += g.numel()


def update_normalizer(normalizer: EmpiricalNormalization, batch: torch.Tensor) -> None:
    """Fold this rank's batch, merged with every other rank's, into the running statistics."""
    if not active():
        normalizer.update(batch)
        return
    x = batch.reshape(-1, batch.shape[-1]).to(torch.float64)
    moments = torch.cat(
        [torch.tensor([float(x.shape[0])], dtype=torch.float64), x.sum(0), x.square().sum(0)]
    )
    dist.all_reduce(moments, op=dist.ReduceOp.SUM)
    n = moments[0]
    mean = moments[1 : 1 + x.shape[1]] / n
    var = (moments[1 + x.shape[1] :] / n - mean.square()).clamp_min(0.0)
    normalizer.update_from_moments(n, mean, var)


def all_mean(value: float) -> float:
    """Average a scalar over ranks (for logging and the adaptive learning rate)."""
    if not active():
        return value
    t = torch.tensor([value], dtype=torch.float64)
    dist.all_reduce(t, op=dist.ReduceOp.SUM)
    return float(t.item() / dist.get_world_size())
