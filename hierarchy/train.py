"""``skillbridge train high-level``: behaviour cloning of the high level from the scripted oracle.

Demonstrations are collected in the batched simulator with the *learned* low-level skill executing
every motion (so the states are the ones the high level will meet), with random motions mixed in
(the label stays the oracle's: the clone learns to recover). The result: ``high_level.onnx`` (its
spec inside), ``high_level.pt`` (weights, for fine-tuning) and ``high_level_demos.npz`` (the
demonstrations, mixed into every fine-tuning run).
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import numpy as np
import tyro

from skillbridge.contract.artifact import require_verified
from skillbridge.hierarchy.model import (
    BCConfig,
    Examples,
    HighLevelNet,
    accuracy,
    export_high_level,
    save_weights,
    train_supervised,
)
from skillbridge.hierarchy.oracle import oracle_tokens
from skillbridge.hierarchy.rollout import (
    HierarchyRollout,
    OracleChooser,
    RolloutConfig,
)
from skillbridge.hierarchy.runtime import default_encoder
from skillbridge.hierarchy.spec import HighLevelSpec
from skillbridge.hierarchy.tasks import TRAIN_PHRASES, task_kind
from skillbridge.policies.evaluate import OnnxPolicy
from skillbridge.sim.grasp import GraspName, named_grasp
from skillbridge.sim.scene import TRAINING_PHYSICS_DT_S, SceneConfig


@dataclasses.dataclass(frozen=True)
class HighLevelTrainConfig:
    """Collect oracle demonstrations with the learned low level and clone them."""

    low_level: str = "models/motion.onnx"
    """The verified low-level skill that executes every motion."""
    out: str = "models/high_level.onnx"
    demo_episodes: int = 300
    noise_prob: float = 0.25
    """Share of demonstration decisions replaced by a random motion (labels stay the oracle's)."""
    num_envs: int = 50
    seed: int = 0
    allow_unverified: bool = False
    grasp: GraspName = "trained"
    """Grasp physics the demonstrations run in (as ``hierarchy experiment --grasp``): the
    states a high level meets depend on how the hand holds the cube."""
    bc: BCConfig = BCConfig()

    def scene(self) -> SceneConfig:
        """The rollouts' scene: training's physics step, this grasp."""
        grasp = named_grasp(self.grasp)
        return SceneConfig(physics_dt_s=TRAINING_PHYSICS_DT_S, grasp=grasp)


@dataclasses.dataclass(frozen=True)
class Demonstrations:
    tasks: list[str]
    obs: np.ndarray
    tokens: np.ndarray

    def save(self, path: Path) -> None:
        np.savez_compressed(path, tasks=np.array(self.tasks), obs=self.obs, tokens=self.tokens)

    @classmethod
    def load(cls, path: str | Path) -> Demonstrations:
        data = np.load(Path(path), allow_pickle=False)
        return cls([str(t) for t in data["tasks"]], data["obs"], data["tokens"])


def collect_demonstrations(
    low_level: OnnxPolicy,
    episodes: int,
    noise_prob: float,
    num_envs: int,
    seed: int,
    scene: SceneConfig | None = None,
) -> tuple[Demonstrations, float]:
    """Oracle-driven episodes; every decision's observation labelled with the oracle's token.

    Returns the demonstrations and the success rate of the (noisy) demonstrator."""
    tasks = [t for phrases in TRAIN_PHRASES.values() for t in phrases]
    events: list[dict] = []
    rollout = HierarchyRollout(
        RolloutConfig(
            episodes=episodes,
            num_envs=num_envs,
            seed=seed,
            scene=scene or SceneConfig(physics_dt_s=TRAINING_PHYSICS_DT_S),
        ),
        low_level,
        OracleChooser(noise_prob, np.random.default_rng(seed)),
        _zero_embed,
        tasks,
        events=events.append,
    )
    results = rollout.run()
    decisions = [e for e in events if e["type"] == "decision"]
    obs = np.array([e["obs"] for e in decisions], np.float32)
    texts = [e["task"] for e in decisions]
    labels = oracle_tokens(obs, [task_kind(t) for t in texts])
    return Demonstrations(texts, obs, labels), float(np.mean([r.success for r in results]))


def _zero_embed(texts: list[str]) -> np.ndarray:
    # The oracle reads the task kind, not the embedding: no encoder needed to collect.
    return np.zeros((len(texts), 384), np.float32)


def examples(demos: Demonstrations, embed) -> Examples:
    table = {
        t: e
        for t, e in zip(sorted(set(demos.tasks)), embed(sorted(set(demos.tasks))), strict=True)
    }
    emb = np.stack([table[t] for t in demos.tasks]).astype(np.float32)
    return Examples(emb, demos.obs, demos.tokens)


def train_high_level(cfg: HighLevelTrainConfig) -> dict:
    if not cfg.allow_unverified:
        require_verified(cfg.low_level)
    low_level = OnnxPolicy(cfg.low_level)
    start = time.perf_counter()
    demos, demo_success = collect_demonstrations(
        low_level, cfg.demo_episodes, cfg.noise_prob, cfg.num_envs, cfg.seed, cfg.scene()
    )
    collect_s = time.perf_counter() - start
    encoder = default_encoder()
    data = examples(demos, encoder)
    model = HighLevelNet(data.embeddings.shape[1])
    model.fit_normalization(data.obs)
    holdout = np.random.default_rng(cfg.seed).random(len(data)) < 0.1
    train = Examples(data.embeddings[~holdout], data.obs[~holdout], data.tokens[~holdout])
    val = Examples(data.embeddings[holdout], data.obs[holdout], data.tokens[holdout])
    losses = train_supervised(model, train, cfg.bc)
    out = Path(cfg.out)
    spec = HighLevelSpec.current(low_level.spec, data.embeddings.shape[1])
    export_high_level(model, spec, out)
    save_weights(model, out.with_suffix(".pt"))
    demos.save(out.with_name(out.stem + "_demos.npz"))
    summary = {
        "demonstrations": len(data),
        "demo_episodes": cfg.demo_episodes,
        "grasp": cfg.grasp,
        "demonstrator_success": demo_success,
        "collect_s": round(collect_s, 1),
        "train_accuracy": accuracy(model, train),
        "validation_accuracy": accuracy(model, val),
        "final_loss": losses[-1],
        "out": str(out),
    }
    out.with_name(out.stem + "_training.json").write_text(json.dumps(summary, indent=2) + "\n")
    return summary


def main(cfg: HighLevelTrainConfig) -> int:
    summary = train_high_level(cfg)
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    main(tyro.cli(HighLevelTrainConfig))
