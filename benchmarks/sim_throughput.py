"""Environment steps per second of task ``motion`` (64 environments, 2 threads).

Baselines in the same run:
  (a) raw ``mujoco.batch.Batch`` stepping of the same model with the same substeps and the same
      workload: it starts from the environment's reset states and replays the servo targets the
      environment produced (so contacts and motions match): the physics limit. The two are timed
      in alternating chunks of 100 steps, so that both see the same machine conditions. Target:
      the environment reaches at least 60% of it.
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


def env_and_raw_rates(budget_s: float, chunk_steps: int = 100) -> tuple[float, float, VecEnv]:
    """Steps/s of the environment under random actions, and of raw ``Batch`` stepping replaying
    the servo targets the environment produced, measured in alternating chunks.

    Interleaving exposes both to the same machine conditions: on this shared 2-core machine the
    speed of one process drifts by 10% over tens of seconds, which sequential runs would charge
    to whichever measurement ran in the slow phase.
    """
    env = VecEnv(EnvConfig(num_envs=NUM_ENVS, nthread=NTHREAD, seed=0))
    env.reset()
    batch = Batch(env.model, NUM_ENVS, NTHREAD)
    for field in ("qpos", "qvel", "ctrl", "mocap_pos"):
        batch.bind(field)[:] = env.backend.state(field)
    raw_ctrl = batch.bind("ctrl")
    rng = np.random.default_rng(0)
    actions = rng.uniform(-1, 1, size=(64, NUM_ENVS, env.num_actions))
    ctrl_log = np.empty((chunk_steps, *env.physics.ctrl.shape))
    env_s = raw_s = 0.0
    steps = 0
    env.step(actions[0])  # warm-up of both
    batch.step(nstep=env.substeps)
    while env_s + raw_s < 2 * budget_s:
        start = time.perf_counter()
        for k in range(chunk_steps):
            env.step(actions[(steps + k) % 64])
            ctrl_log[k] = env.physics.ctrl
        env_s += time.perf_counter() - start
        start = time.perf_counter()
        for k in range(chunk_steps):
            raw_ctrl[:] = ctrl_log[k]
            batch.step(nstep=env.substeps)
        raw_s += time.perf_counter() - start
        steps += chunk_steps
    return steps * NUM_ENVS / env_s, steps * NUM_ENVS / raw_s, env


def _timed(step, budget_s: float, per_call: int) -> float:
    step()  # warm-up
    start, calls = time.perf_counter(), 0
    while time.perf_counter() - start < budget_s:
        step()
        calls += 1
    return calls * per_call / (time.perf_counter() - start)


def sync_vector_rate(budget_s: float) -> float:
    vec = gym.vector.SyncVectorEnv([lambda: PandaGymEnv(EnvConfig()) for _ in range(NUM_ENVS)])
    vec.reset(seed=0)
    rng = np.random.default_rng(0)
    actions = rng.uniform(-1, 1, size=(NUM_ENVS, 8)).astype(np.float32)
    return _timed(lambda: vec.step(actions), budget_s, NUM_ENVS)


def main() -> int:
    args = parse_args(__doc__.splitlines()[0])
    budget = 5.0 if args.quick else 30.0
    rate, raw, env = env_and_raw_rates(budget)
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
            "interleaved_chunk_steps": 100,
            "budget_s": budget,
        }
    }
    return report("sim_throughput", results, args.json, extra)


if __name__ == "__main__":
    sys.exit(main())
