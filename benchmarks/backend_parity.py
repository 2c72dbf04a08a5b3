"""Sim-to-sim: the shipped motion policy on MuJoCo Warp against C MuJoCo, in one run.

1. Closed-loop success of ``models/motion.onnx`` with the verification protocol (200
   single-command episodes, nominal and randomized) on the ``cpu`` backend (the baseline) and on
   the ``warp`` backend (Warp's CPU device here, ``--device cuda:0`` on a GPU). Target: within 3
   points of each other (the ratio column is 1 - |difference|, target 0.97).
2. Free-space trajectory parity under one action sequence over 2 s (the test's measurement, at
   more worlds): largest joint-position gap. Target: <= 1e-3 rad.

    python benchmarks/backend_parity.py [--quick] [--device cpu] [--json PATH]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, parse_args, report

from skillbridge.policies.evaluate import EvalConfig, OnnxPolicy, evaluate
from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.randomization import no_randomization

POLICY = "models/motion.onnx"
STATE_FIELDS = ("qpos", "qvel", "ctrl", "mocap_pos", "history")


def success_rates(device: str, episodes: int) -> dict[str, dict[str, float]]:
    policy = OnnxPolicy(POLICY)
    out: dict[str, dict[str, float]] = {}
    for backend in ("cpu", "warp"):
        for randomize in (False, True):
            cfg = EvalConfig(
                episodes=episodes,
                randomize=randomize,
                backend=backend,
                device=device if backend == "warp" else "cpu",
            )
            result = evaluate(policy, policy.spec, cfg)
            name = f"{backend}_{'randomized' if randomize else 'nominal'}"
            out[name] = dataclasses.asdict(result)
            print(f"  {name}: success {result.success_rate:.1%}", flush=True)
    return out


def trajectory_gap(device: str, num_envs: int, steps: int) -> float:
    """Largest |q_warp - q_cpu| of the arm joints under one sinusoidal action sequence, from one
    start state (the cpu env's reset, copied into the warp env), cube out of reach."""
    cfg = EnvConfig(
        num_envs=num_envs,
        task="tabletop",
        randomization=no_randomization(),
        grasped_start_prob=0.0,
        seed=11,
    )
    cpu = VecEnv(cfg)
    warp = VecEnv(dataclasses.replace(cfg, backend="warp", device=device))
    cpu.reset()
    warp.reset()
    ids = np.arange(num_envs)
    far = np.column_stack(
        [np.full(num_envs, 0.95), np.full(num_envs, 0.6), cpu.randomizer.cube_half_size(ids)]
    )
    cpu.physics.write_cube(ids, far, np.tile([1.0, 0, 0, 0], (num_envs, 1)))
    cpu.physics.commit(ids)
    for field in STATE_FIELDS:
        warp.backend.state(field)[:] = torch.from_numpy(cpu.backend.state(field))
    warp.physics.commit(torch.arange(num_envs, device=warp.device))
    for name in ("pos_m", "rot", "gripper"):
        getattr(warp.target, name)[:] = torch.from_numpy(getattr(cpu.target, name))
    warp.reset_envs(torch.zeros(0, dtype=torch.int64, device=warp.device))
    t = np.arange(steps) * cpu.dt_s
    phase = np.random.default_rng(0).uniform(0, 2 * np.pi, (num_envs, 8))
    worst = 0.0
    for k in range(steps):
        a = 0.6 * np.sin(2 * np.pi * 0.8 * t[k] + phase)
        a[:, -1] = 1.0
        cpu.step(a)
        warp.step(torch.from_numpy(a).float().to(warp.device))
        gap = np.abs(warp.physics.joint_pos().cpu().numpy() - cpu.physics.joint_pos())[:, :7]
        worst = max(worst, float(gap.max()))
    return worst


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--device", default="cpu", help="warp device: cpu or cuda:N")


def main() -> int:
    args = parse_args(__doc__.splitlines()[0], _add_arguments)
    episodes = 20 if args.quick else 200
    rates = success_rates(args.device, episodes)
    gap = trajectory_gap(args.device, 4 if args.quick else 32, 100)
    print(f"trajectory gap over 2 s: {gap:.2e} rad")
    results = []
    for condition in ("nominal", "randomized"):
        warp, cpu = (rates[f"{b}_{condition}"]["success_rate"] for b in ("warp", "cpu"))
        agreement = 1.0 - abs(warp - cpu)  # 0.97: within 3 points
        results.append(
            Result(
                f"warp success, {condition}",
                warp,
                "",
                "cpu backend success",
                cpu,
                agreement,
                0.97,
                agreement >= 0.97,
            )
        )
    results.append(
        Result(
            "free-space joint gap over 2 s",
            gap,
            "rad",
            "tolerance",
            1e-3,
            1e-3 / gap,
            1.0,
            gap <= 1e-3,
        )  # fmt: skip
    )
    extra = {"device": args.device, "policy": POLICY, "evaluation": rates}
    return report("backend_parity", results, args.json, extra)


if __name__ == "__main__":
    sys.exit(main())
