"""``TrainConfig``: one dataclass for ``skillbridge train motion`` (flags come from it)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import TYPE_CHECKING, Any, TypeVar

from skillbridge.policies.ppo import PPOConfig
from skillbridge.sim.env_config import EnvConfig

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

C = TypeVar("C")


@dataclasses.dataclass(frozen=True)
class RunnerConfig:
    """The training loop: length, logging, checkpoints, seeds."""

    max_iterations: int = 1500
    time_budget_min: float | None = None
    """Stop after this much wall time (minutes), even before ``max_iterations``."""
    stop_at_success: float | None = None
    """Stop once the rolling command success rate reaches this (e.g. 0.97)."""
    success_window: int = 2000
    """Command windows in the rolling success rate."""
    save_interval: int = 50
    log_dir: str = "runs"
    run_name: str = "motion"
    resume: str | None = None
    """A run folder or checkpoint file to continue from."""
    seed: int = 1
    symmetric: bool = False
    """Ablation: the critic reads the actor observations (no privileged information)."""
    pipelined: bool = True
    """Learn from the previous rollout while collecting the next one (one update of policy lag):
    on 2 cores the update then hides in the physics threads' idle time."""
    torch_threads: int = 1
    """torch intra-op threads for the update. One: the MLPs are small, and with two OpenMP
    threads a loaded 2-core machine slowed updates by 100x (spin-waiting)."""
    progress: bool = True


@dataclasses.dataclass(frozen=True)
class TrainConfig:
    """Train the language-motion-conditioned low-level skill with asymmetric PPO."""

    env: EnvConfig = EnvConfig(num_envs=128)
    ppo: PPOConfig = PPOConfig()
    runner: RunnerConfig = RunnerConfig()


def config_to_json(cfg: DataclassInstance) -> str:
    return json.dumps(dataclasses.asdict(cfg), sort_keys=True, indent=2)


def config_hash(cfg: DataclassInstance) -> str:
    return hashlib.sha256(config_to_json(cfg).encode()).hexdigest()


def train_config_from_json(text: str) -> TrainConfig:
    """Rebuild a TrainConfig saved by ``config_to_json`` (nested dataclasses, tuples)."""
    return _build(TrainConfig, json.loads(text))


def _build(cls: type[C], values: dict[str, Any]) -> C:
    """Build a (nested) config dataclass from plain JSON values; every field has a default."""
    defaults = cls()
    kwargs: dict[str, Any] = {}
    for name, value in values.items():
        current = getattr(defaults, name)
        if dataclasses.is_dataclass(current):
            kwargs[name] = _build(type(current), value)
        elif isinstance(value, list):
            kwargs[name] = _as_tuple(value)
        else:
            kwargs[name] = value
    return cls(**kwargs)


def _as_tuple(value: list[Any]) -> tuple[Any, ...]:
    return tuple(_as_tuple(v) if isinstance(v, list) else v for v in value)
