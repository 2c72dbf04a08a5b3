"""Batch-1 policy latency: the exported graph (actor and action mapping) in onnxruntime (one
intra-op thread) against the same module in torch eager, same run.

Uses ``models/motion.onnx`` and its checkpoint when present, otherwise an actor of the default
architecture exported on the fly. Targets: onnxruntime p99 <= 100 us and >= 2x faster than torch
(p99 and p50).

    python benchmarks/inference_latency.py [--quick] [--json PATH]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, parse_args, report

from skillbridge.contract.artifact import ONNX_ACTION, ONNX_JOINT_POS, ONNX_OBS, ONNX_TARGETS
from skillbridge.policies.checkpoint import load_checkpoint
from skillbridge.policies.export import DeployedPolicy, actor_from_checkpoint, export_onnx
from skillbridge.policies.onnx_session import open_session
from skillbridge.policies.runner import Runner
from skillbridge.policies.train_config import RunnerConfig, TrainConfig
from skillbridge.sim.env_config import EnvConfig

ROOT = Path(__file__).resolve().parents[1]


def policy_files(workdir: Path) -> tuple[Path, Path, str]:
    onnx_path, ckpt = ROOT / "models" / "motion.onnx", ROOT / "models" / "motion_checkpoint.pt"
    if onnx_path.is_file() and ckpt.is_file():
        return onnx_path, ckpt, "models/motion.onnx"
    cfg = TrainConfig(
        env=EnvConfig(num_envs=8, nthread=1),
        runner=RunnerConfig(max_iterations=1, log_dir=str(workdir), progress=False),
    )
    run = Runner(cfg).train()
    return export_onnx(run, workdir / "motion.onnx"), run, "default architecture, 1 iteration"


def latencies_us(fn, obs: np.ndarray, n: int) -> np.ndarray:
    for i in range(200):
        fn(obs[i % len(obs)])
    out = np.empty(n)
    for i in range(n):
        start = time.perf_counter_ns()
        fn(obs[i % len(obs)])
        out[i] = (time.perf_counter_ns() - start) / 1e3
    return out


def main() -> int:
    args = parse_args(__doc__.splitlines()[0])
    n = 3000 if args.quick else 30000
    with tempfile.TemporaryDirectory() as tmp:
        onnx_path, ckpt, which = policy_files(Path(tmp))
        session = open_session(onnx_path, threads=1, what="policy")  # as the runtime opens it
        actor, spec = actor_from_checkpoint(load_checkpoint(ckpt))
        module = DeployedPolicy(actor, spec).eval()
        torch.set_num_threads(1)
        rng = np.random.default_rng(0)
        mean, std = actor.normalizer.mean.numpy(), np.sqrt(actor.normalizer.var.numpy())
        obs = (mean + std * rng.standard_normal((256, 1, spec.obs_dim))).astype(np.float32)
        joint_pos = np.asarray(spec.default_joint_pos, dtype=np.float32)[None]
        torch_obs = [torch.from_numpy(o) for o in obs]
        torch_pos = torch.from_numpy(joint_pos)

        def run_ort(o: np.ndarray) -> list[np.ndarray]:
            return session.run(
                [ONNX_ACTION, ONNX_TARGETS], {ONNX_OBS: o, ONNX_JOINT_POS: joint_pos}
            )

        idx = iter(range(10**9))

        def run_torch(_: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
            with torch.inference_mode():
                return module(torch_obs[next(idx) % len(torch_obs)], torch_pos)

        ort_us = latencies_us(run_ort, obs, n)
        torch_us = latencies_us(run_torch, obs, n)
    p = {
        name: (float(np.percentile(v, 50)), float(np.percentile(v, 99)))
        for name, v in (("ort", ort_us), ("torch", torch_us))
    }
    print(f"policy: {which}; {n} calls each")
    results = [
        Result(
            "onnxruntime p99 latency",
            p["ort"][1],
            "us",
            "target",
            100.0,
            100.0 / p["ort"][1],
            1.0,
            p["ort"][1] <= 100.0,
        ),
        Result(
            "onnxruntime vs torch eager, p99",
            p["ort"][1],
            "us",
            "torch eager p99",
            p["torch"][1],
            p["torch"][1] / p["ort"][1],
            2.0,
            p["torch"][1] / p["ort"][1] >= 2.0,
        ),
        Result(
            "onnxruntime vs torch eager, p50",
            p["ort"][0],
            "us",
            "torch eager p50",
            p["torch"][0],
            p["torch"][0] / p["ort"][0],
            2.0,
            p["torch"][0] / p["ort"][0] >= 2.0,
        ),
    ]
    return report("inference_latency", results, args.json, {"policy": which, "calls": n})


if __name__ == "__main__":
    sys.exit(main())
