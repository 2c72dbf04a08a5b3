"""A tiny trained run shared by the policy tests (real env, real PPO, seconds not minutes)."""

from __future__ import annotations

import pytest

from skillbridge.policies.runner import Runner
from skillbridge.policies.train_config import RunnerConfig, TrainConfig
from skillbridge.sim.env_config import EnvConfig


def tiny_config(log_dir, iterations: int = 2, seed: int = 3, **runner) -> TrainConfig:
    return TrainConfig(
        env=EnvConfig(num_envs=8, nthread=1),
        runner=RunnerConfig(
            max_iterations=iterations,
            log_dir=str(log_dir),
            run_name="tiny",
            seed=seed,
            progress=False,
            torch_threads=1,
            **runner,
        ),
    )


@pytest.fixture(name="tiny_config")
def tiny_config_fixture():
    """The factory ``tiny_config(log_dir, iterations=2, seed=3, **runner)``."""
    return tiny_config


@pytest.fixture(scope="session")
def tiny_run(tmp_path_factory):
    """Run folder of a 2-iteration training run (checkpoint, config, logs)."""
    log_dir = tmp_path_factory.mktemp("runs")
    return Runner(tiny_config(log_dir)).train()
