"""The correction experiment (the *Yell At Your Robot* / *RT-H* loop), measured in simulation.

Shifted setting: the high level's cube-pose estimate is biased (a miscalibrated camera) while the
simulated human sees the true scene. Measured, with ``episodes`` evaluation episodes each:

1. autonomous success of the base high level (shifted),
2. success with live corrections (the corrector speaks, the parser parses, the low level executes
   at once, the high level resumes),
3. autonomous success after fine-tuning on K correction episodes, for each K in ``k_values``
   (corrections collected in separate live-corrected episodes, then mixed with demonstrations),

plus the base high level in the unshifted setting for reference. Writes JSON and a PNG.

With ``--memory``, live corrections also run with the correction memory (``hierarchy.memory``)
on the same seed and corrector seed, and ``memory.json`` / ``memory.png`` compare corrections per
episode and success without and with it (``--memory-only`` runs just those two conditions;
``--memory-distances`` runs one with-memory condition per distance: the development sweep).
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
from skillbridge.hierarchy.memory import CorrectionMemory, MemoryConfig
from skillbridge.hierarchy.rollout import (
    EpisodeResult,
    HierarchyRollout,
    LogitChooser,
    RolloutConfig,
)
from skillbridge.hierarchy.runtime import OnnxHighLevel, default_encoder
from skillbridge.policies.errors import PolicyError
from skillbridge.policies.evaluate import OnnxPolicy
from skillbridge.sim.grasp import GraspName, named_grasp
from skillbridge.sim.scene import TRAINING_PHYSICS_DT_S, SceneConfig


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
    memory: bool = False
    """Also run live corrections with the correction memory (same seeds): ``memory.json``."""
    memory_only: bool = False
    """Run only live corrections without and with the memory (implies ``memory``)."""
    memory_distance: float = MemoryConfig().max_distance
    """The memory's recall distance (normalized feature units) for the evaluation."""
    memory_distances: tuple[float, ...] = ()
    """Development sweep: one with-memory condition per distance instead of
    ``memory_distance``. Run it on seeds other than the evaluation's."""
    grasp: GraspName = "trained"
    """Grasp physics: ``trained`` is the scene the shipped skill was trained and verified in;
    ``franka-hand`` the Franka Hand's 70 N grasp that keeps a grasp until asked to open
    (``sim.grasp.franka_hand_grasp``, docs/grasp.md), under which cubes slip less (the shipped
    skill was not trained in it; the carry skill of ``results/grasp_finetune/gate/`` was)."""
    physics_dt_s: float = TRAINING_PHYSICS_DT_S
    """Physics timestep of the rollouts (training's 4 ms; 2 ms holds cubes better, at twice the
    cost)."""

    def scene(self) -> SceneConfig:
        grasp = named_grasp(self.grasp)
        return SceneConfig(physics_dt_s=self.physics_dt_s, grasp=grasp)


def check_hand(low: OnnxPolicy, cfg: ExperimentConfig) -> None:
    """A skill whose contract holds the grasp until it is asked to open needs a hand that does:
    the rollouts map its actions in the simulator, which applies the hand's gate, not the
    file's."""
    if low.spec.grasp_gate_joint is not None and not cfg.scene().grasp.hold_until_opened:
        raise PolicyError(
            f"--low-level {cfg.low_level} holds its grasp until asked to open (its contract's "
            f"grasp gate), but --grasp {cfg.grasp} has no such hand: run it with --grasp "
            "franka-hand"
        )


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
    memory: CorrectionMemory | None = None,
) -> list[EpisodeResult]:
    rollout_cfg = RolloutConfig(
        episodes=episodes,
        num_envs=cfg.num_envs,
        seed=seed,
        cube_bias_m=cfg.cube_bias_m if shifted else (0.0, 0.0, 0.0),
        scene=cfg.scene(),
        progress=True,
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
        memory=memory,
    ).run()


def summarize(results: list[EpisodeResult]) -> dict:
    return {
        "episodes": len(results),
        "success_rate": float(np.mean([r.success for r in results])),
        "mean_duration_s": float(np.mean([r.duration_s for r in results])),
        "corrections_per_episode": float(np.mean([r.corrections for r in results])),
        "corrections_per_episode_median": float(np.median([r.corrections for r in results])),
    }


def run_memory_comparison(
    cfg: ExperimentConfig, base: OnnxHighLevel, low: OnnxPolicy, parse
) -> dict:
    """Live corrections without and with the correction memory, same seeds (episodes and
    corrector): corrections per episode and success. Writes ``memory.json`` and ``memory.png``."""
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()

    def live(memory: CorrectionMemory | None, log: list[dict] | None = None) -> dict:
        corrector = SimulatedCorrector(CorrectorConfig(seed=cfg.seed))
        results = run(cfg, base, low, cfg.seed, cfg.episodes, corrector=corrector,
                      parse=parse, events=log, memory=memory)  # fmt: skip
        summary = summarize(results)
        if memory is not None:
            summary |= {"memory_entries": len(memory), "recalls": memory.recalls}
        return summary

    report: dict = {"config": dataclasses.asdict(cfg), "without_memory": live(None)}
    distances = cfg.memory_distances or (cfg.memory_distance,)
    report["with_memory"] = {}
    for distance in distances:
        log: list[dict] = []
        memory = CorrectionMemory(MemoryConfig(max_distance=distance))
        report["with_memory"][f"{distance:g}"] = live(memory, log)
        if not cfg.memory_distances:
            write_events(log, out / "memory_session.jsonl")
    report["wall_time_s"] = round(time.perf_counter() - start, 1)
    (out / "memory.json").write_text(json.dumps(report, indent=2) + "\n")
    plot_memory(report, out / "memory.png")
    return report


def run_experiment(cfg: ExperimentConfig) -> dict:
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    encoder = default_encoder()
    low, base = OnnxPolicy(cfg.low_level), OnnxHighLevel(cfg.high_level, encode=encoder)
    check_hand(low, cfg)
    parse = make_parse()
    if cfg.memory_only:
        return {"memory": run_memory_comparison(cfg, base, low, parse)}
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
    if cfg.memory:
        report["memory"] = run_memory_comparison(cfg, base, low, parse)
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


def plot_memory(report: dict, path: Path) -> None:
    """Success and corrections per episode, without and with the memory."""
    names = ["without memory"] + [f"memory, d={d}" for d in report["with_memory"]]
    rows = [report["without_memory"], *report["with_memory"].values()]
    fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3.6))
    x = np.arange(len(rows))
    left.bar(x, [100 * r["success_rate"] for r in rows], color="tab:green")
    left.set_ylabel("success rate (%)")
    left.set_ylim(0, 105)
    right.bar(x - 0.2, [r["corrections_per_episode"] for r in rows], 0.4, label="mean")
    right.bar(x + 0.2, [r["corrections_per_episode_median"] for r in rows], 0.4, label="median")
    right.set_ylabel("corrections per episode")
    right.legend()
    for ax in (left, right):
        ax.set_xticks(x, names, rotation=15)
        ax.grid(alpha=0.3, axis="y")
    fig.suptitle(f"Live corrections with a correction memory (seed {report['config']['seed']})")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def print_memory(report: dict) -> None:
    rows = [("without memory", report["without_memory"])]
    rows += [(f"memory, distance {d}", r) for d, r in report["with_memory"].items()]
    print(f"{'condition':<26}{'success':>9}{'corr/ep mean':>14}{'median':>8}{'recalls':>9}")
    for name, r in rows:
        print(
            f"{name:<26}{r['success_rate']:>8.0%}{r['corrections_per_episode']:>14.2f}"
            f"{r['corrections_per_episode_median']:>8.1f}{r.get('recalls', 0):>9}"
        )


def print_report(report: dict) -> None:
    if "live_corrections" not in report:
        print_memory(report["memory"])
        return
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
    if "memory" in report:
        print_memory(report["memory"])


def main(cfg: ExperimentConfig) -> int:
    report = run_experiment(cfg)
    print_report(report)
    return 0


if __name__ == "__main__":
    main(tyro.cli(ExperimentConfig))
