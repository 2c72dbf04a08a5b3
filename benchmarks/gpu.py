"""GPU benchmark: MuJoCo Warp against C MuJoCo on one machine, in one run.

Measures, with domain randomization on:
  1. environment steps/s (physics + observations + rewards + resets) of task ``motion`` on the
     ``warp`` backend at 1024, 4096 and 16384 worlds, and on the ``cpu`` backend on every core of
     the same machine (the baseline of each ratio);
  2. training to 95 % motion success (the verification protocol: 200 single-command episodes,
     randomization on, deterministic actor; evaluation time not charged), asymmetric PPO on the
     env's device, for both backends; training throughput (env steps/s including learning).

Targets on one H100: >= 1M env-steps/s at 4096+ worlds; 95 % within 2 minutes of training wall
time from a warm kernel cache (kernels are compiled and CUDA graphs captured before timing);
>= 20x the cpu backend's training throughput. ``--quick --device cpu`` runs the same code path on
Warp's CPU device with small sizes (a smoke test, not a measurement of anything).

    python benchmarks/gpu.py --device cuda:0 --json benchmarks/results/gpu.json
    python benchmarks/gpu.py --quick --device cpu
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, parse_args, report

from skillbridge.policies.evaluate import EvalConfig, evaluate
from skillbridge.policies.ppo import PPOConfig
from skillbridge.policies.runner import Runner
from skillbridge.policies.train_config import RunnerConfig, TrainConfig
from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig

TARGET_SUCCESS = 0.95


@dataclasses.dataclass(frozen=True)
class Plan:
    """Sizes and budgets of one run."""

    worlds: tuple[int, ...]
    cpu_envs: int
    env_steps: int
    """Timed control steps per world count (after warm-up)."""
    warp_train_envs: int
    train_budget_s: float
    """Training wall time allowed per backend before giving up on 95 %."""
    eval_every: int
    episodes: int


FULL = Plan((1024, 4096, 16384), 256, 200, 4096, 150.0, 10, 200)
QUICK = Plan((16, 32), 16, 5, 16, 6.0, 2, 10)


def _sync(device: str) -> None:
    if device.startswith("cuda"):
        torch.cuda.synchronize()


def env_rate(backend: str, device: str, num_envs: int, steps: int) -> dict:
    """Env steps/s under random actions, after a warm-up (kernel compile, graph capture)."""
    cfg = EnvConfig(
        num_envs=num_envs,
        backend=backend,
        device=device,
        nthread=os.cpu_count() or 1,
        final_observations=False,
    )
    start = time.perf_counter()
    env = VecEnv(cfg)
    env.reset()
    gen = torch.Generator(device=device if backend == "warp" else "cpu").manual_seed(0)

    def actions():
        a = torch.randn(num_envs, env.num_actions, generator=gen, device=gen.device) * 0.5
        return a if backend == "warp" else a.numpy()

    for _ in range(3):
        env.step(actions())
    _sync(device)
    warm_s = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(steps):
        env.step(actions())
    _sync(device)
    elapsed = time.perf_counter() - start
    return {"envs": num_envs, "steps_per_s": steps * num_envs / elapsed, "warmup_s": warm_s}


def train_to_success(backend: str, device: str, num_envs: int, plan: Plan) -> dict:
    """PPO on the env's device until the evaluation reaches 95 % or the budget runs out."""
    large = num_envs >= 1024
    cfg = TrainConfig(
        env=EnvConfig(
            num_envs=num_envs, backend=backend, device=device, nthread=os.cpu_count() or 1
        ),
        ppo=PPOConfig(num_learning_epochs=5, num_minibatches=4) if large else PPOConfig(),
        runner=RunnerConfig(
            log_dir="/tmp/skillbridge-bench",
            run_name=f"gpu_bench_{backend}",
            progress=False,
            max_iterations=10**6,
            torch_threads=os.cpu_count() or 1,
        ),
    )
    runner = Runner(cfg)
    runner.learn_once()  # warm-up: kernels, CUDA graph, allocations (not charged)
    _sync(device)
    runner.wall_time_s, runner.env_steps = 0.0, 0
    eval_cfg = EvalConfig(
        episodes=plan.episodes,
        num_envs=plan.episodes,
        backend=backend,
        device=device,
        nthread=os.cpu_count() or 1,
    )
    curve, success = [], 0.0
    while runner.wall_time_s < plan.train_budget_s:
        runner.learn_once()
        if runner.iteration % plan.eval_every:
            continue
        _sync(device)
        success = evaluate(runner.act, runner.env.spec, eval_cfg).success_rate
        curve.append((runner.wall_time_s, runner.env_steps, success))
        print(f"  {backend}: {runner.wall_time_s:6.1f} s  success {success:.1%}", flush=True)
        if success >= TARGET_SUCCESS:
            break
    return {
        "envs": num_envs,
        "wall_s": runner.wall_time_s,
        "env_steps": runner.env_steps,
        "train_steps_per_s": runner.env_steps / max(runner.wall_time_s, 1e-9),
        "success": success,
        "reached": success >= TARGET_SUCCESS,
        "curve": curve,
    }


def plot(rates: dict, training: dict, path: Path) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    worlds = [r["envs"] for r in rates["warp"]]
    left.plot(worlds, [r["steps_per_s"] for r in rates["warp"]], "o-", label="warp")
    left.axhline(rates["cpu"]["steps_per_s"], color="gray", ls="--", label="cpu backend")
    left.set(xscale="log", yscale="log", xlabel="worlds", ylabel="env steps / s")
    left.set_title("motion task, randomization on")
    left.legend()
    for name, run in training.items():
        if run["curve"]:
            t, _, s = zip(*run["curve"], strict=True)
            right.plot(t, s, "o-", label=name)
    right.axhline(TARGET_SUCCESS, color="gray", ls=":")
    right.set(xlabel="training wall time (s)", ylabel="evaluation success", ylim=(0, 1))
    right.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--device", default="cuda:0", help="warp device: cuda:N or cpu")
    parser.add_argument("--png", type=Path, default=None, help="plot (default: next to --json)")


def main() -> int:
    args = parse_args(__doc__.splitlines()[0], _add_arguments)
    plan = QUICK if args.quick else FULL
    device = args.device
    rates = {
        "warp": [env_rate("warp", device, n, plan.env_steps) for n in plan.worlds],
        "cpu": env_rate("cpu", "cpu", plan.cpu_envs, plan.env_steps),
    }
    for r in rates["warp"]:
        print(f"warp {r['envs']:6d} worlds: {r['steps_per_s']:12,.0f} env steps/s")
    print(f"cpu  {plan.cpu_envs:6d} envs:   {rates['cpu']['steps_per_s']:12,.0f} env steps/s")
    training = {
        "warp": train_to_success("warp", device, plan.warp_train_envs, plan),
        "cpu": train_to_success("cpu", "cpu", plan.cpu_envs, plan),
    }
    cpu_rate = rates["cpu"]["steps_per_s"]
    results = [
        Result(
            f"warp env steps/s, {r['envs']} worlds",
            r["steps_per_s"],
            "1/s",
            "cpu backend, all cores",
            cpu_rate,
            r["steps_per_s"] / cpu_rate,
            1e6,
            r["envs"] >= 4096 and r["steps_per_s"] >= 1e6,
        )
        for r in rates["warp"]
    ]
    warp_run, cpu_run = training["warp"], training["cpu"]
    minutes = warp_run["wall_s"] / 60 if warp_run["reached"] else float("inf")
    cpu_minutes = cpu_run["wall_s"] / 60 if cpu_run["reached"] else float("inf")
    results.append(
        Result(
            "warp minutes to 95% motion success",
            minutes,
            "min",
            "cpu backend minutes",
            cpu_minutes,
            cpu_minutes / minutes if warp_run["reached"] else 0.0,
            2.0,
            minutes <= 2.0,
        )
    )
    ratio = warp_run["train_steps_per_s"] / max(cpu_run["train_steps_per_s"], 1e-9)
    results.append(
        Result(
            "warp training env steps/s",
            warp_run["train_steps_per_s"],
            "1/s",
            "cpu backend training",
            cpu_run["train_steps_per_s"],
            ratio,
            20.0,
            ratio >= 20.0,
        )
    )
    gpu = torch.cuda.get_device_name(0) if device.startswith("cuda") else "none (Warp CPU device)"
    png = args.png or (args.json.with_suffix(".png") if args.json else None)
    if png is not None:
        plot(rates, training, png)
    extra = {"device": device, "gpu": gpu, "plan": dataclasses.asdict(plan), "rates": rates}
    return report("gpu", results, args.json, {**extra, "training": training})


if __name__ == "__main__":
    sys.exit(main())
