"""Which learner to keep: the project's own PPO runner (pipelined) against rsl-rl-lib's PPO, both
training the motion skill on this machine's CPU backend, interleaved in one process.

The two runners take turns one iteration at a time, so both see the same machine conditions;
each is charged only its own iterations' wall time. Every ``EVAL_EVERY`` iterations each is
evaluated with the verification protocol (200 single-command episodes, randomization on,
deterministic actor; evaluation time not charged). Decision rule (issue 14): keep our PPO only if
rsl_rl reaches 95 % more than 20 % slower.

    python benchmarks/learner_choice.py [--quick] [--json benchmarks/results/learner_choice.json]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, parse_args, report

from skillbridge.policies import learner, runner
from skillbridge.policies.evaluate import EvalConfig, evaluate
from skillbridge.policies.train_config import RunnerConfig, TrainConfig

TARGET_SUCCESS = 0.95
EVAL_EVERY = 25


def _policy(kind: str, r) -> object:
    if kind == "rsl_rl":
        return r.act
    return lambda o: r.actor(torch.from_numpy(o)).numpy()


def main() -> int:
    args = parse_args(__doc__.splitlines()[0])
    budget_s = 60.0 if args.quick else 15 * 60.0
    episodes = 50 if args.quick else 200
    runners = {}
    threads = {"ours": 1, "rsl_rl": 1}
    for kind, module in (("ours", runner), ("rsl_rl", learner)):
        cfg = TrainConfig(
            runner=RunnerConfig(
                log_dir="/tmp/skillbridge-bench",
                run_name=f"choice_{kind}",
                progress=False,
                max_iterations=10**6,
                torch_threads=threads[kind],
            )
        )
        runners[kind] = module.Runner(cfg)
    curves: dict[str, list] = {k: [] for k in runners}
    reached: dict[str, float | None] = dict.fromkeys(runners)
    while any(reached[k] is None and runners[k].wall_time_s < budget_s for k in runners):
        for kind, r in runners.items():
            if reached[kind] is not None or r.wall_time_s >= budget_s:
                continue
            torch.set_num_threads(threads[kind])
            r.learn_once()
            if r.iteration % EVAL_EVERY:
                continue
            with torch.no_grad():
                res = evaluate(_policy(kind, r), r.env.spec, EvalConfig(episodes=episodes))
            curves[kind].append((r.wall_time_s, r.env_steps, res.success_rate))
            print(
                f"  {kind:7s} {r.wall_time_s / 60:5.2f} min {r.env_steps / 1e6:5.2f} M steps "
                f"success {res.success_rate:.1%}",
                flush=True,
            )
            if res.success_rate >= TARGET_SUCCESS:
                reached[kind] = r.wall_time_s
    minutes = {k: (v / 60.0 if v is not None else float("inf")) for k, v in reached.items()}
    if not np.isfinite(minutes["ours"]) and not np.isfinite(minutes["rsl_rl"]):
        ratio, keep = float("nan"), "undecided (neither reached 95 % in the budget)"
    else:
        ratio = minutes["ours"] / minutes["rsl_rl"] if np.isfinite(minutes["rsl_rl"]) else 0.0
        keep = "rsl_rl" if ratio >= 1 / 1.2 else "ours"
    print(f"minutes to 95 %: {minutes}; keep {keep}")
    results = [
        Result(
            "rsl_rl minutes to 95% motion success",
            minutes["rsl_rl"],
            "min",
            "project PPO (pipelined) minutes",
            minutes["ours"],
            ratio,
            1 / 1.2,
            ratio >= 1 / 1.2,
        )
    ]
    extra = {"curves": curves, "torch_threads": threads, "keep": keep, "time": time.time()}
    return report("learner_choice", results, args.json, extra)


if __name__ == "__main__":
    sys.exit(main())
