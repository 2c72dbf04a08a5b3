"""The correction experiment (the *Yell At Your Robot* / *RT-H* loop), measured in simulation.

Shifted setting: the high level's cube-pose estimate is biased (a miscalibrated camera) while the
simulated human sees the true scene. Measured, with ``episodes`` evaluation episodes each:

1. autonomous success of the base high level (shifted),
2. success with live corrections (the corrector speaks, the parser parses, the low level executes
   at once, the high level resumes),
3. autonomous success after fine-tuning on K correction episodes, for each K in ``k_values``
   (corrections collected in separate live-corrected episodes, then mixed with demonstrations),

plus the base high level in the unshifted setting for reference. Writes JSON and a PNG.
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import tyro

from skillbridge.hierarchy.corrector import CorrectorConfig, SimulatedCorrector
from skillbridge.hierarchy.events import write_events
from skillbridge.hierarchy.finetune import FinetuneConfig, finetune
from skillbridge.hierarchy.rollout import (
    EpisodeResult,
    HierarchyRollout,
    LogitChooser,
    RolloutConfig,
)
from skillbridge.hierarchy.runtime import OnnxHighLevel, default_encoder
from skillbridge.policies.evaluate import OnnxPolicy


@dataclasses.dataclass(frozen=True)
class ExperimentConfig:
    """Live corrections and learning from them, on a shifted task distribution."""

    low_level: str = "models/motion.onnx"
    high_level: str = "models/high_level.onnx"
    out_dir: str = "results/hierarchy"
    episodes: int = 100
    k_values: tuple[int, ...] = (10, 30)
    task: str = "put the cube on the pad"
    cube_bias_m: tuple[float, float, float] = (0.0, 0.03, 0.0)
    """The high level's cube estimate is off by this (3 cm to the left): the shift."""
    num_envs: int = 50
    seed: int = 1000


def make_parse():
    """The skill manager's reading of a correction (the dialogue, with its parser), as a
    function of the text: the simulated person types, so full confidence and no context."""
    from skillbridge.hierarchy.language.conversation import Dialogue
    from skillbridge.hierarchy.language.dialogue import LanguageConfig
    from skillbridge.hierarchy.language.parser import default_parser

    dialogue = Dialogue(LanguageConfig(), default_parser())
    return dialogue.hear


def run(
    cfg: ExperimentConfig,
    high: OnnxHighLevel,
    low: OnnxPolicy,
    seed: int,
    episodes: int,
    *,
    shifted: bool = True,
    corrector: SimulatedCorrector | None = None,
    parse=None,
    events: list[dict] | None = None,
) -> list[EpisodeResult]:
    rollout_cfg = RolloutConfig(
        episodes=episodes,
        num_envs=cfg.num_envs,
        seed=seed,
        cube_bias_m=cfg.cube_bias_m if shifted else (0.0, 0.0, 0.0),
    )
    return HierarchyRollout(
        rollout_cfg,
        low,
        LogitChooser(high.logits),
        high.embed,
        [cfg.task],
        corrector=corrector,
        parse=parse,
        events=None if events is None else events.append,
    ).run()


def summarize(results: list[EpisodeResult]) -> dict:
    return {
        "episodes": len(results),
        "success_rate": float(np.mean([r.success for r in results])),
        "mean_duration_s": float(np.mean([r.duration_s for r in results])),
        "corrections_per_episode": float(np.mean([r.corrections for r in results])),
    }


def run_experiment(cfg: ExperimentConfig) -> dict:
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    encoder = default_encoder()
    low, base = OnnxPolicy(cfg.low_level), OnnxHighLevel(cfg.high_level, encode=encoder)
    parse = make_parse()
    start = time.perf_counter()
    report: dict = {"config": dataclasses.asdict(cfg)}
    report["base_unshifted"] = summarize(
        run(cfg, base, low, cfg.seed, cfg.episodes, shifted=False)
    )
    report["base_shifted"] = summarize(run(cfg, base, low, cfg.seed, cfg.episodes))
    live_log: list[dict] = []
    corrector = SimulatedCorrector(CorrectorConfig(seed=cfg.seed))
    live = run(
        cfg, base, low, cfg.seed, cfg.episodes, corrector=corrector, parse=parse, events=live_log
    )
    report["live_corrections"] = summarize(live)
    write_events(live_log, out / "live_session.jsonl")
    # Correction episodes for fine-tuning: separate seeds from every evaluation.
    train_log: list[dict] = []
    run(
        cfg,
        base,
        low,
        cfg.seed + 1,
        max(cfg.k_values),
        corrector=SimulatedCorrector(CorrectorConfig(seed=cfg.seed + 1)),
        parse=parse,
        events=train_log,
    )
    report["finetuned"] = {}
    for k in cfg.k_values:
        session = write_events(_first_episodes(train_log, k), out / f"corrections_k{k}.jsonl")
        tuned_path = out / f"high_level_k{k}.onnx"
        tuning = finetune(
            FinetuneConfig(
                sessions=(str(session),), base=cfg.high_level, out=str(tuned_path), seed=cfg.seed
            ),
            embed=encoder,
        )
        tuned = OnnxHighLevel(str(tuned_path), encode=encoder)
        result = summarize(run(cfg, tuned, low, cfg.seed + 2, cfg.episodes))
        report["finetuned"][str(k)] = {
            **result,
            "corrections_used": tuning["corrections"],
            "agreement_before": tuning["agreement_before"],
            "agreement_after": tuning["agreement_after"],
        }
    report["wall_time_s"] = round(time.perf_counter() - start, 1)
    (out / "experiment.json").write_text(json.dumps(report, indent=2) + "\n")
    plot(report, out / "success_vs_k.png")
    return report


def _first_episodes(events: list[dict], k: int) -> list[dict]:
    """The session header and the events of the first ``k`` episodes."""
    keep = set(sorted({e["episode"] for e in events if "episode" in e})[:k])
    return [events[0]] + [e for e in events[1:] if e.get("episode") in keep]


def plot(report: dict, path: Path) -> None:
    ks = [0, *sorted(int(k) for k in report["finetuned"])]
    autonomous = [report["base_shifted"]["success_rate"]] + [
        report["finetuned"][str(k)]["success_rate"] for k in ks[1:]
    ]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(ks, [100 * s for s in autonomous], "o-", label="autonomous (shifted)")
    ax.axhline(
        100 * report["live_corrections"]["success_rate"],
        color="tab:green",
        ls="--",
        label="with live corrections",
    )
    ax.axhline(
        100 * report["base_unshifted"]["success_rate"],
        color="gray",
        ls=":",
        label="base, unshifted",
    )
    ax.set_xlabel("correction episodes used for fine-tuning (K)")
    ax.set_ylabel("success rate (%)")
    ax.set_ylim(0, 105)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    ax.set_title("Learning from language corrections (simulation)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def print_report(report: dict) -> None:
    rows = [
        ("base, unshifted", report["base_unshifted"]),
        ("base, shifted", report["base_shifted"]),
        ("live corrections, shifted", report["live_corrections"]),
    ]
    rows += [(f"fine-tuned K={k}, shifted", r) for k, r in report["finetuned"].items()]
    print(f"{'condition':<30}{'success':>9}{'corrections/ep':>16}{'duration':>10}")
    for name, r in rows:
        print(
            f"{name:<30}{r['success_rate']:>8.0%}{r['corrections_per_episode']:>16.2f}"
            f"{r['mean_duration_s']:>9.1f}s"
        )


def main(cfg: ExperimentConfig) -> int:
    report = run_experiment(cfg)
    print_report(report)
    return 0


if __name__ == "__main__":
    main(tyro.cli(ExperimentConfig))
