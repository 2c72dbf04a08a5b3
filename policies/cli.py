"""``skillbridge train motion``, ``skillbridge export``, ``skillbridge verify``."""

from __future__ import annotations

import dataclasses
import logging

import tyro

from skillbridge.policies import distributed
from skillbridge.policies.train_config import TrainConfig
from skillbridge.policies.verify import VerifyConfig, run_verify

__all__ = ["ExportConfig", "TrainConfig", "VerifyConfig", "export", "train_motion", "verify"]


@dataclasses.dataclass(frozen=True)
class ExportConfig:
    """Export a run's actor to ONNX with its contract and provenance inside."""

    run: tyro.conf.Positional[str]
    """A run folder (its latest checkpoint) or a checkpoint file."""
    out: str = "motion.onnx"
    hold_until_opened: bool = False
    """Add the hand's grasp gate to the file (docs/grasp.md): the gripper stays closed while
    close is requested, whatever the skill's finger action. For a skill trained without it that
    runs on such a hand; verify it with ``--grasp.hold-until-opened``."""


def train_motion(cfg: TrainConfig) -> int:
    """Train the motion skill. Data-parallel: ``torchrun --nproc-per-node N --no-python
    skillbridge train motion ...`` (gloo on CPU)."""
    from skillbridge.policies.runner import Runner

    rank, world = distributed.init_from_env(cfg.env.device)
    run_dir = Runner(cfg, rank, world).train()
    if rank == 0:
        print(
            f"run folder: {run_dir}  (curves: {run_dir / 'training_curves.png'}, "
            f"TensorBoard: {run_dir / 'tensorboard'})"
        )
        print(f"next: skillbridge export {run_dir} --out motion.onnx")
    return 0


def export(cfg: ExportConfig) -> int:
    from skillbridge.policies.export import export_onnx

    logging.getLogger("torch.onnx").setLevel(logging.ERROR)
    path = export_onnx(cfg.run, cfg.out, hold_until_opened=cfg.hold_until_opened)
    print(f"wrote {path}; next: skillbridge verify {path} --checkpoint {cfg.run}")
    return 0


def verify(cfg: VerifyConfig) -> int:
    return run_verify(cfg)
