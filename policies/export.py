"""Export a trained actor to ONNX with its normalizer baked in and its contract inside.

The graph maps ``obs`` (batch, obs_dim) to ``action`` (batch, action_dim): the deterministic
mean of the actor, with the frozen empirical normalizer as the first operations. Metadata holds
the serialized ``PolicySpec`` and its hash (``skillbridge.contract.*``) and the provenance
(``skillbridge.provenance.*``: git commit, config hash, seed, training steps, the hash of the
``ModelOverrides`` the policy was trained around).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import warnings
from pathlib import Path

import onnx
import torch
from torch import nn

from skillbridge.contract import PolicySpec
from skillbridge.contract.artifact import ONNX_INPUT, ONNX_OUTPUT, PROVENANCE_PREFIX, file_sha256
from skillbridge.policies.checkpoint import Checkpoint, find_checkpoint, load_checkpoint
from skillbridge.policies.errors import PolicyError
from skillbridge.policies.networks import Actor
from skillbridge.policies.train_config import config_hash, train_config_from_json

OPSET = 18


class DeployedActor(nn.Module):
    """Normalizer + MLP mean: what runs on the robot."""

    def __init__(self, actor: Actor) -> None:
        super().__init__()
        self.normalizer = actor.normalizer
        self.net = actor.net

    def forward(self, obs: torch.Tensor) -> torch.Tensor:
        return self.net(self.normalizer(obs))


def actor_from_checkpoint(ckpt: Checkpoint) -> tuple[Actor, PolicySpec]:
    """Rebuild the trained actor (eval mode, frozen normalizer) and its contract."""
    spec = PolicySpec.from_metadata(ckpt.spec_metadata)
    ppo = train_config_from_json(ckpt.config_json).ppo
    actor = Actor(
        spec.obs_dim, spec.action_dim, ppo.actor_hidden, ppo.init_noise_std, ppo.activation
    )
    actor.load_state_dict(ckpt.actor)
    actor.normalizer.frozen = True
    return actor.eval(), spec


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent,
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent,
        )
    except OSError:
        return "unknown"
    commit = out.stdout.strip() or "unknown"
    return commit + ("-dirty" if dirty.stdout.strip() else "")


def provenance(ckpt: Checkpoint, checkpoint_path: Path) -> dict[str, str]:
    config = train_config_from_json(ckpt.config_json)
    values = {
        "git_commit": git_commit(),
        "config_sha256": config_hash(config),
        "seed": str(ckpt.seed),
        "training_env_steps": str(ckpt.env_steps),
        "training_iterations": str(ckpt.iteration),
        "training_wall_time_s": f"{ckpt.wall_time_s:.1f}",
        "overrides_sha256": ckpt.overrides_hash or "none",
        "asymmetric_critic": str(not ckpt.symmetric).lower(),
        "checkpoint_sha256": file_sha256(checkpoint_path),
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "torch_version": torch.__version__,
    }
    return {PROVENANCE_PREFIX + k: v for k, v in values.items()}


def export_onnx(run_or_checkpoint: str | Path, out_path: str | Path) -> Path:
    """Export the actor of a run (latest checkpoint) or of a checkpoint file.

    Returns:
        The written ONNX path. The model passes ``onnx.checker.check_model(full_check=True)``.
    """
    ckpt_path = find_checkpoint(run_or_checkpoint)
    ckpt = load_checkpoint(ckpt_path)
    actor, spec = actor_from_checkpoint(ckpt)
    module = DeployedActor(actor).eval()
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    example = torch.zeros(2, spec.obs_dim)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module,
            (example,),
            str(out),
            input_names=[ONNX_INPUT],
            output_names=[ONNX_OUTPUT],
            dynamic_shapes=({0: torch.export.Dim("batch")},),
            dynamo=True,
            opset_version=OPSET,
            verbose=False,
            external_data=False,
        )
    model = onnx.load(str(out))
    metadata = {**spec.to_metadata(), **provenance(ckpt, ckpt_path)}
    del model.metadata_props[:]
    for key, value in sorted(metadata.items()):
        model.metadata_props.add(key=key, value=value)
    model.producer_name = "skillbridge"
    model.doc_string = (
        f"skillbridge {spec.robot} motion skill: {ONNX_INPUT} (batch, "
        f"{spec.obs_dim}) -> {ONNX_OUTPUT} (batch, {spec.action_dim})"
    )
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, str(out))
    _check_io(out, spec)
    return out


def _check_io(path: Path, spec: PolicySpec) -> None:
    model = onnx.load(str(path))
    inputs = [
        (i.name, [d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim])
        for i in model.graph.input
    ]
    outputs = [
        (o.name, [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim])
        for o in model.graph.output
    ]
    if inputs != [(ONNX_INPUT, ["batch", spec.obs_dim])] or outputs != [
        (ONNX_OUTPUT, ["batch", spec.action_dim])
    ]:
        raise PolicyError(f"exported graph has unexpected inputs {inputs} / outputs {outputs}")
