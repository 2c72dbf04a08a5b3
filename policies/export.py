"""Export a trained actor to ONNX with its normalizer baked in and its contract inside.

The graph maps ``obs`` (batch, obs_dim) and ``joint_pos`` (batch, J; the measured policy joints)
to ``action`` (batch, A), the deterministic mean of the actor after its frozen empirical
normalizer, and to ``joint_targets`` (batch, J): ``contract.action_to_joint_targets`` traced from
the very function the simulator runs on its tensors during training, so the action's clip and
scale live in one definition and the file alone turns readings into targets. Metadata holds the
serialized ``PolicySpec`` and its hash (``skillbridge.contract.*``) and the provenance
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

from skillbridge.contract import PolicySpec, action_to_joint_targets
from skillbridge.contract.artifact import (
    ONNX_ACTION,
    ONNX_JOINT_POS,
    ONNX_OBS,
    ONNX_TARGETS,
    PROVENANCE_PREFIX,
    file_sha256,
)
from skillbridge.policies.checkpoint import Checkpoint, find_checkpoint, load_checkpoint
from skillbridge.policies.errors import PolicyError
from skillbridge.policies.networks import Actor
from skillbridge.policies.train_config import config_hash, train_config_from_json

OPSET = 18


class DeployedPolicy(nn.Module):
    """What runs on the robot: the actor's mean, then the contract's action mapping."""

    def __init__(self, actor_mean: nn.Module, spec: PolicySpec) -> None:
        """Args: a module mapping observations (B, obs_dim) to the mean action (B, A), and the
        contract whose mapping turns actions into joint targets."""
        super().__init__()
        self.actor_mean = actor_mean
        self.spec = spec

    def forward(
        self, obs: torch.Tensor, joint_pos: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        action = self.actor_mean(obs)
        request = None
        if self.spec.grasp_gate_joint is not None:  # the gate reads the request from the obs
            request = obs[:, self.spec.gripper_request_column()]
        return action, action_to_joint_targets(action, joint_pos, self.spec, request)


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


def export_onnx(
    run_or_checkpoint: str | Path, out_path: str | Path, hold_until_opened: bool = False
) -> Path:
    """Export the actor of a run (latest checkpoint) or of a checkpoint file.

    Args:
        hold_until_opened: add the hand's grasp gate (``PolicySpec.grasp_gate_joint``, the
            gripper joint) to the file's contract and graph, for a skill trained without it that
            runs on a hand that keeps its grasp until asked to open. The only change to the
            checkpoint's contract an export may make; the provenance records it.

    Returns:
        The written ONNX path. The model passes ``onnx.checker.check_model(full_check=True)``.
    """
    ckpt_path = find_checkpoint(run_or_checkpoint)
    ckpt = load_checkpoint(ckpt_path)
    actor, spec = actor_from_checkpoint(ckpt)
    facts = provenance(ckpt, ckpt_path)
    gate = "trained with it" if spec.grasp_gate_joint else "none"
    if hold_until_opened and spec.grasp_gate_joint is None:
        spec = spec.with_grasp_gate()
        gate = "added at export"
    facts[PROVENANCE_PREFIX + "grasp_gate"] = gate
    return write_policy(actor, spec, out_path, facts)


def write_policy(
    actor_mean: nn.Module, spec: PolicySpec, out_path: str | Path, provenance: dict[str, str]
) -> Path:
    """Write ``DeployedPolicy(actor_mean, spec)`` as ONNX with the contract and ``provenance``
    (``skillbridge.provenance.*`` keys) in its metadata; checked with onnx's full checker."""
    module = DeployedPolicy(actor_mean, spec).eval()
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    example = (torch.zeros(2, spec.obs_dim), torch.zeros(2, spec.num_joints))
    batch = torch.export.Dim("batch")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module,
            example,
            str(out),
            input_names=[ONNX_OBS, ONNX_JOINT_POS],
            output_names=[ONNX_ACTION, ONNX_TARGETS],
            dynamic_shapes=({0: batch}, {0: batch}),
            dynamo=True,
            opset_version=OPSET,
            verbose=False,
            external_data=False,
        )
    model = onnx.load(str(out))
    metadata = {**spec.to_metadata(), **provenance}
    del model.metadata_props[:]
    for key, value in sorted(metadata.items()):
        model.metadata_props.add(key=key, value=value)
    model.producer_name = "skillbridge"
    model.doc_string = (
        f"skillbridge {spec.robot} motion skill: {ONNX_OBS} (batch, {spec.obs_dim}), "
        f"{ONNX_JOINT_POS} (batch, {spec.num_joints}) -> {ONNX_ACTION} (batch, "
        f"{spec.action_dim}), {ONNX_TARGETS} (batch, {spec.num_joints})"
    )
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, str(out))
    _check_io(out, spec)
    return out


def _check_io(path: Path, spec: PolicySpec) -> None:
    model = onnx.load(str(path))

    def signature(values) -> list[tuple[str, list]]:
        return [
            (v.name, [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim])
            for v in values
        ]

    expected_in = [
        (ONNX_OBS, ["batch", spec.obs_dim]),
        (ONNX_JOINT_POS, ["batch", spec.num_joints]),
    ]
    expected_out = [
        (ONNX_ACTION, ["batch", spec.action_dim]),
        (ONNX_TARGETS, ["batch", spec.num_joints]),
    ]
    inputs, outputs = signature(model.graph.input), signature(model.graph.output)
    if inputs != expected_in or outputs != expected_out:
        raise PolicyError(f"exported graph has unexpected inputs {inputs} / outputs {outputs}")
