"""Environment steps per second of task ``motion`` (64 environments, 2 threads).

Baselines in the same run:
  (a) raw ``mujoco.batch.Batch`` stepping of the same model with the same substeps and the same
      workload: it starts from the environment's reset states and replays the servo targets the
      environment produced (so contacts and motions match): the physics limit. Target: the
      environment reaches at least 60% of it.
  (b) ``gymnasium.vector.SyncVectorEnv`` over the gymnasium wrapper: the usual per-environment
      baseline. Target: at least 4x.

    python benchmarks/sim_throughput.py [--quick] [--json benchmarks/results/sim_throughput.json]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import gymnasium as gym
import numpy as np
from mujoco.batch import Batch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, parse_args, report

from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.gym_env import PandaGymEnv

NUM_ENVS = 64
NTHREAD = 2


def _timed(step, budget_s: float, per_call: int) -> float:
    step()  # warm-up
    start, calls = time.perf_counter(), 0
    while time.perf_counter() - start < budget_s:
        step()
        calls += 1
    return calls * per_call / (time.perf_counter() - start)


def env_rate(budget_s: float) -> tuple[float, VecEnv, dict[str, np.ndarray], list[np.ndarray]]:
    """Steps/s of the environment under random actions; also its start state and servo targets."""
    env = VecEnv(EnvConfig(num_envs=NUM_ENVS, nthread=NTHREAD, seed=0))
    env.reset()
    start = {f: env.backend.state(f).copy() for f in ("qpos", "qvel", "ctrl", "mocap_pos")}
    rng = np.random.default_rng(0)
    actions = rng.uniform(-1, 1, size=(64, NUM_ENVS, env.num_actions))
    ctrl_log: list[np.ndarray] = []
    i = iter(range(10**12))

    def step() -> None:
        env.step(actions[next(i) % 64])
        ctrl_log.append(env.physics.ctrl.copy())

    return _timed(step, budget_s, NUM_ENVS), env, start, ctrl_log


def raw_batch_rate(env: VecEnv, start: dict, ctrl_log: list[np.ndarray], budget_s: float) -> float:
    batch = Batch(env.model, NUM_ENVS, NTHREAD)
    for field, value in start.items():
        batch.bind(field)[:] = value
    ctrl = batch.bind("ctrl")
    i = iter(range(10**12))

    def step() -> None:
        ctrl[:] = ctrl_log[next(i) % len(ctrl_log)]
        batch.step(nstep=env.substeps)

    return _timed(step, budget_s, NUM_ENVS)


def sync_vector_rate(budget_s: float) -> float:
    vec = gym.vector.SyncVectorEnv([lambda: PandaGymEnv(EnvConfig()) for _ in range(NUM_ENVS)])
    vec.reset(seed=0)
    rng = np.random.default_rng(0)
    actions = rng.uniform(-1, 1, size=(NUM_ENVS, 8)).astype(np.float32)
    return _timed(lambda: vec.step(actions), budget_s, NUM_ENVS)


def main() -> int:
    args = parse_args(__doc__.splitlines()[0])
    budget = 5.0 if args.quick else 30.0
    rate, env, start, ctrl_log = env_rate(budget)
    raw = raw_batch_rate(env, start, ctrl_log, budget)
    sync = sync_vector_rate(budget / 2)
    results = [
        Result(
            "motion env steps/s vs raw Batch",
            rate,
            "1/s",
            "raw mujoco.batch.Batch",
            raw,
            rate / raw,
            0.6,
            rate / raw >= 0.6,
        ),
        Result(
            "motion env steps/s vs SyncVectorEnv",
            rate,
            "1/s",
            "gymnasium SyncVectorEnv",
            sync,
            rate / sync,
            4.0,
            rate / sync >= 4.0,
        ),
    ]
    extra = {
        "config": {
            "num_envs": NUM_ENVS,
            "nthread": NTHREAD,
            "substeps": env.substeps,
            "physics_dt_s": env.model.opt.timestep,
            "budget_s": budget,
        }
    }
    return report("sim_throughput", results, args.json, extra)


if __name__ == "__main__":
    sys.exit(main())
