"""Training throughput: environment steps per second including learning, on 2 cores.

Baselines in the same run:
  (a) pure stepping of the same environment configuration with random actions: the learning
      overhead. Target: learning adds at most 50% to the pure stepping time, i.e. training runs
      at >= 1/1.5 of the pure stepping rate.
  (b) stable-baselines3 PPO on the same task through the gymnasium wrapper (DummyVecEnv of 8
      environments, VecNormalize, the same 128x128 networks, CPU). Target: at least 5x.

    python benchmarks/train_throughput.py [--quick] [--json PATH]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, parse_args, report
from _sb3 import make_sb3_ppo

from skillbridge.policies.runner import Runner
from skillbridge.policies.train_config import RunnerConfig, TrainConfig
from skillbridge.sim.env import VecEnv


def pure_stepping_rate(cfg: TrainConfig, budget_s: float) -> float:
    env = VecEnv(cfg.env)
    env.reset()
    rng = np.random.default_rng(0)
    actions = rng.normal(0.0, 0.5, size=(32, env.num_envs, env.num_actions))
    env.step(actions[0])
    start, steps, i = time.perf_counter(), 0, 0
    while time.perf_counter() - start < budget_s:
        env.step(actions[i % 32])
        steps += env.num_envs
        i += 1
    return steps / (time.perf_counter() - start)


def training_rate(cfg: TrainConfig, budget_s: float) -> float:
    runner = Runner(cfg)
    runner.learn_once()  # warm-up (allocations, first normalizer update)
    start, steps = time.perf_counter(), 0
    while time.perf_counter() - start < budget_s:
        runner.learn_once()
        steps += runner.storage.num_envs * runner.storage.num_steps
    return steps / (time.perf_counter() - start)


def sb3_rate(budget_s: float) -> float:
    model = make_sb3_ppo(n_epochs=3)
    model.learn(total_timesteps=2048)  # warm-up
    steps = 0
    start = time.perf_counter()
    while time.perf_counter() - start < budget_s:
        model.learn(total_timesteps=2048, reset_num_timesteps=False)
        steps += 2048
    return steps / (time.perf_counter() - start)


def main() -> int:
    args = parse_args(__doc__.splitlines()[0])
    budget = 10.0 if args.quick else 60.0
    cfg = TrainConfig(
        runner=RunnerConfig(
            log_dir="/tmp/skillbridge-bench", run_name="throughput", progress=False
        )
    )
    pure = pure_stepping_rate(cfg, budget)
    train = training_rate(cfg, budget)
    torch.set_num_threads(2)
    sb3 = sb3_rate(budget)
    overhead = pure / train - 1.0
    results = [
        Result(
            "training steps/s vs pure stepping",
            train,
            "1/s",
            "pure env stepping",
            pure,
            train / pure,
            1 / 1.5,
            train / pure >= 1 / 1.5,
        ),
        Result(
            "training steps/s vs SB3 PPO",
            train,
            "1/s",
            "stable-baselines3 PPO",
            sb3,
            train / sb3,
            5.0,
            train / sb3 >= 5.0,
        ),
    ]
    print(f"learning overhead: +{overhead:.0%} over pure stepping (target <= +50%)")
    extra = {
        "learning_overhead": overhead,
        "config": {
            "num_envs": cfg.env.num_envs,
            "steps_per_env": cfg.ppo.num_steps_per_env,
            "epochs": cfg.ppo.num_learning_epochs,
            "minibatches": cfg.ppo.num_minibatches,
            "hidden": list(cfg.ppo.actor_hidden),
            "torch_threads": cfg.runner.torch_threads,
            "physics_dt_s": cfg.env.scene.physics_dt_s,
            "budget_s": budget,
        },
    }
    return report("train_throughput", results, args.json, extra)


if __name__ == "__main__":
    sys.exit(main())
