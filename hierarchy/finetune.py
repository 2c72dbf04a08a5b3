"""``skillbridge finetune-high-level``: learn from recorded corrections.

Each accepted correction is an example (what the high level saw -> the motion the human asked
for). Fine-tuning mixes them with the original demonstrations at a fixed ratio (DAgger-style:
``correction_share`` of every batch comes from corrections, the rest from demonstrations, so the
high level learns the fix without forgetting the task), exports a new ONNX file and reports what
changed: agreement with the corrections before and after, and agreement with the demonstrations.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import tyro

from skillbridge.hierarchy.events import correction_samples, read_events
from skillbridge.hierarchy.model import (
    BCConfig,
    Examples,
    accuracy,
    export_high_level,
    load_weights,
    save_weights,
    train_supervised,
)
from skillbridge.hierarchy.runtime import OnnxHighLevel, default_encoder
from skillbridge.hierarchy.train import Demonstrations, examples
from skillbridge.policies.errors import PolicyError


@dataclasses.dataclass(frozen=True)
class FinetuneConfig:
    """Fine-tune a high level on correction sessions mixed with its demonstrations."""

    sessions: tuple[str, ...]
    """Session files (JSONL from the simulator or the skill manager, or MCAP recordings)."""
    base: str = "models/high_level.onnx"
    """The high level to start from; its ``.pt`` weights and ``_demos.npz`` sit beside it."""
    out: str = "high_level_finetuned.onnx"
    correction_share: float = 0.5
    """Fraction of every batch drawn from corrections (the rest from demonstrations)."""
    epochs: int = 20
    learning_rate: float = 5e-4
    seed: int = 0


def _paths(base: Path) -> tuple[Path, Path]:
    weights, demos = base.with_suffix(".pt"), base.with_name(base.stem + "_demos.npz")
    for path in (weights, demos):
        if not path.is_file():
            raise PolicyError(
                f"{path} is missing: fine-tuning needs the base high level's weights "
                "and demonstrations (written by `skillbridge train high-level`)"
            )
    return weights, demos


def finetune(cfg: FinetuneConfig, embed=None) -> dict:
    base = Path(cfg.base)
    weights, demos_path = _paths(base)
    embed = embed or default_encoder()
    events = [e for path in cfg.sessions for e in read_events(path)]
    corrections = correction_samples(events)
    if len(corrections.tokens) == 0:
        raise PolicyError(f"no accepted corrections in {list(cfg.sessions)}; nothing to learn")
    demos = examples(Demonstrations.load(demos_path), embed)
    fixes = examples(Demonstrations(corrections.tasks, corrections.obs, corrections.tokens), embed)
    model = load_weights(weights, demos.embeddings.shape[1])
    before = {"corrections": accuracy(model, fixes), "demonstrations": accuracy(model, demos)}
    mixed = _mix(demos, fixes, cfg.correction_share)
    train_supervised(
        model, mixed, BCConfig(epochs=cfg.epochs, learning_rate=cfg.learning_rate, seed=cfg.seed)
    )
    after = {"corrections": accuracy(model, fixes), "demonstrations": accuracy(model, demos)}
    out = Path(cfg.out)
    spec = OnnxHighLevel(str(base), encode=embed).spec
    export_high_level(model, spec, out)
    save_weights(model, out.with_suffix(".pt"))
    Demonstrations.load(demos_path).save(out.with_name(out.stem + "_demos.npz"))
    report = {
        "sessions": list(cfg.sessions),
        "corrections": int(len(corrections.tokens)),
        "demonstrations": int(len(demos)),
        "correction_share": cfg.correction_share,
        "agreement_before": before,
        "agreement_after": after,
        "out": str(out),
    }
    out.with_name(out.stem + "_finetune.json").write_text(json.dumps(report, indent=2) + "\n")
    return report


def _mix(demos: Examples, fixes: Examples, share: float) -> Examples:
    """One dataset whose sampling weights give corrections ``share`` of every batch."""
    weights = np.concatenate(
        [np.full(len(demos), (1 - share) / len(demos)), np.full(len(fixes), share / len(fixes))]
    )
    return Examples(
        np.concatenate([demos.embeddings, fixes.embeddings]),
        np.concatenate([demos.obs, fixes.obs]),
        np.concatenate([demos.tokens, fixes.tokens]),
        weights,
    )


def main(cfg: FinetuneConfig) -> int:
    report = finetune(cfg)
    b, a = report["agreement_before"], report["agreement_after"]
    print(f"{report['corrections']} corrections, {report['demonstrations']} demonstrations")
    print(f"agreement with corrections:    {b['corrections']:.1%} -> {a['corrections']:.1%}")
    print(f"agreement with demonstrations: {b['demonstrations']:.1%} -> {a['demonstrations']:.1%}")
    print(f"wrote {report['out']}")
    return 0


if __name__ == "__main__":
    main(tyro.cli(FinetuneConfig))
