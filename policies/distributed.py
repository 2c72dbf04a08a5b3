"""Data-parallel training over processes with ``torch.distributed`` (gloo on CPU, NCCL on GPU).

Each rank steps its own environments (on a GPU: ``cuda:LOCAL_RANK``); gradients are averaged
with all-reduce and normalizer statistics are merged from every rank's batch, so parameters stay
identical on all ranks. Start with ``torchrun --nproc-per-node N --no-python skillbridge train
motion ...`` (add ``--backend warp --device cuda`` for one GPU per rank).
"""

from __future__ import annotations

import os

import torch
import torch.distributed as dist
from torch import nn

from skillbridge.policies.networks import EmpiricalNormalization


def init_from_env(device: str = "cpu") -> tuple[int, int]:
    """Join the process group torchrun describes (if any): NCCL when the ranks train on CUDA
    devices, gloo otherwise. Returns (rank, world_size)."""
    if "WORLD_SIZE" not in os.environ or int(os.environ["WORLD_SIZE"]) <= 1:
        return 0, 1
    if not dist.is_initialized():
        cuda = device.startswith("cuda")
        if cuda:
            torch.cuda.set_device(local_rank())
        dist.init_process_group(backend="nccl" if cuda else "gloo")
    return dist.get_rank(), dist.get_world_size()


def local_rank() -> int:
    """This process's rank within its node (torchrun's ``LOCAL_RANK``)."""
    return int(os.environ.get("LOCAL_RANK", "0"))


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
    count = torch.tensor([float(x.shape[0])], dtype=torch.float64, device=x.device)
    moments = torch.cat([count, x.sum(0), x.square().sum(0)])
    dist.all_reduce(moments, op=dist.ReduceOp.SUM)
    n = moments[0]
    mean = moments[1 : 1 + x.shape[1]] / n
    var = (moments[1 + x.shape[1] :] / n - mean.square()).clamp_min(0.0)
    normalizer.update_from_moments(n, mean, var)


def all_mean(value: torch.Tensor) -> float:
    """Average a scalar tensor over ranks (for logging and the adaptive learning rate)."""
    if not active():
        return float(value.detach())
    t = value.detach().to(torch.float64).reshape(1)
    dist.all_reduce(t, op=dist.ReduceOp.SUM)
    return float(t.item() / dist.get_world_size())


def all_sum(values: torch.Tensor) -> torch.Tensor:
    """Sum a tensor over ranks, then bring it to the host."""
    if active():
        values = values.clone()
        dist.all_reduce(values, op=dist.ReduceOp.SUM)
    return values.cpu()
