"""The verification gate: ``skillbridge verify motion.onnx`` (non-zero exit on any failure).

Checks, each recorded in a JSON report bound to the file's sha256 (``<file>.verify.json``):

1. parity: onnxruntime vs the trained torch actor on random and on recorded observations
   (max abs difference <= 1e-5),
2. contract: the spec in the file's metadata round-trips, its hash matches, and it equals the
   simulator's contract,
3. closed loop: evaluation in CPU MuJoCo driven through onnxruntime (not torch), randomization off
   and on, and optionally around a ``ModelOverrides`` file: success rate and tracking errors
   against thresholds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Literal

import numpy as np
import torch
import tyro

from skillbridge.contract import PolicySpec
from skillbridge.contract.artifact import file_sha256, report_path_for
from skillbridge.policies.checkpoint import load_checkpoint
from skillbridge.policies.evaluate import (
    EvalConfig,
    EvalResult,
    OnnxPolicy,
    evaluate,
    record_observations,
)
from skillbridge.policies.export import actor_from_checkpoint
from skillbridge.sim.robot import panda_policy_spec
from skillbridge.sim.scene import compile_scene


@dataclasses.dataclass(frozen=True)
class VerifyConfig:
    """Verify an exported policy; writes ``<policy>.verify.json`` next to it."""

    policy: tyro.conf.Positional[str]
    """The ONNX file."""
    checkpoint: str | None = None
    """The run folder or checkpoint it was exported from (for the torch parity check)."""
    episodes: int = 200
    """Closed-loop evaluation episodes per condition."""
    min_success: float = 0.95
    max_pos_err_mean_m: float = 0.01
    max_rot_err_mean_rad: float = float(np.deg2rad(5.0))
    parity_tol: float = 1e-5
    overrides_path: str | None = None
    """Also evaluate around this ModelOverrides file (a calibrated or a different robot)."""
    seed: int = 20261122
    backend: Literal["cpu", "warp"] = "cpu"
    """Simulator of the closed-loop evaluation: ``cpu`` (C MuJoCo) or ``warp`` (MuJoCo Warp)."""
    device: str = "cpu"
    """Device of the ``warp`` backend: ``cpu`` (Warp's CPU device) or ``cuda:N``."""


@dataclasses.dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    value: float | str
    threshold: float | str
    detail: str = ""


def parity_checks(policy: OnnxPolicy, checkpoint: str | None, cfg: VerifyConfig) -> list[Check]:
    if checkpoint is None:
        return [
            Check(
                "parity",
                False,
                "not run",
                cfg.parity_tol,
                "pass --checkpoint RUN (the run or .pt the file was exported from)",
            )
        ]
    actor, spec = actor_from_checkpoint(load_checkpoint(checkpoint))
    if spec.content_hash() != policy.spec.content_hash():
        return [
            Check(
                "parity",
                False,
                "contract differs",
                cfg.parity_tol,
                f"checkpoint {checkpoint} has another contract than the ONNX file",
            )
        ]
    # Random observations where the policy lives: +-2 sigma of its training statistics.
    rng = np.random.default_rng(cfg.seed)
    mean = actor.normalizer.mean.numpy()
    std = np.sqrt(actor.normalizer.var.numpy())
    random_obs = (mean + 2.0 * std * rng.standard_normal((2048, spec.obs_dim))).astype(np.float32)
    recorded = record_observations(policy, steps=150).astype(np.float32)
    checks = []
    for name, obs in (("parity_random_obs", random_obs), ("parity_recorded_obs", recorded)):
        with torch.no_grad():
            reference = actor(torch.from_numpy(obs)).numpy()
        diff = float(np.max(np.abs(policy(obs) - reference)))
        checks.append(
            Check(name, diff <= cfg.parity_tol, diff, cfg.parity_tol, f"{len(obs)} observations")
        )
    return checks


def contract_check(policy: OnnxPolicy) -> Check:
    again = PolicySpec.from_metadata(policy.spec.to_metadata())
    sim_spec = panda_policy_spec(compile_scene())
    same = again == policy.spec and policy.spec.content_hash() == sim_spec.content_hash()
    detail = "file contract == simulator contract" if same else "differs from the simulator's"
    return Check(
        "contract_round_trip",
        same,
        policy.spec.content_hash()[:16],
        sim_spec.content_hash()[:16],
        detail,
    )


def closed_loop_checks(policy: OnnxPolicy, cfg: VerifyConfig) -> tuple[list[Check], dict]:
    base = EvalConfig(
        episodes=cfg.episodes, seed=cfg.seed, backend=cfg.backend, device=cfg.device
    )
    conditions = {
        "nominal": dataclasses.replace(base, randomize=False),
        "randomized": base,
    }
    if cfg.overrides_path:
        conditions["overrides"] = dataclasses.replace(base, overrides_path=cfg.overrides_path)
    checks, results = [], {}
    for name, eval_cfg in conditions.items():
        result: EvalResult = evaluate(policy, policy.spec, eval_cfg)
        results[name] = dataclasses.asdict(result)
        checks += [
            Check(
                f"{name}_success_rate",
                result.success_rate >= cfg.min_success,
                result.success_rate,
                cfg.min_success,
                f"{result.episodes} episodes",
            ),
            Check(
                f"{name}_pos_err_mean_m",
                result.pos_err_mean_m <= cfg.max_pos_err_mean_m,
                result.pos_err_mean_m,
                cfg.max_pos_err_mean_m,
            ),
            Check(
                f"{name}_rot_err_mean_rad",
                result.rot_err_mean_rad <= cfg.max_rot_err_mean_rad,
                result.rot_err_mean_rad,
                cfg.max_rot_err_mean_rad,
            ),
        ]
    return checks, results


def verify(cfg: VerifyConfig) -> dict:
    """Run every check and write the report; returns it."""
    policy = OnnxPolicy(cfg.policy)
    checks = parity_checks(policy, cfg.checkpoint, cfg)
    checks.append(contract_check(policy))
    loop_checks, evaluation = closed_loop_checks(policy, cfg)
    checks += loop_checks
    report = {
        "policy": str(cfg.policy),
        "onnx_sha256": file_sha256(cfg.policy),
        "contract_sha256": policy.spec.content_hash(),
        "passed": all(c.passed for c in checks),
        "checks": [dataclasses.asdict(c) for c in checks],
        "evaluation": evaluation,
        "settings": dataclasses.asdict(cfg),
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    report_path_for(cfg.policy).write_text(json.dumps(report, indent=2) + "\n")
    return report


def print_report(report: dict) -> None:
    print(f"{'check':<34}{'value':>16}{'threshold':>14}  result")
    for c in report["checks"]:
        value = c["value"] if isinstance(c["value"], str) else f"{c['value']:.4g}"
        threshold = c["threshold"] if isinstance(c["threshold"], str) else f"{c['threshold']:.4g}"
        print(
            f"{c['name']:<34}{value:>16}{threshold:>14}  {'pass' if c['passed'] else 'FAIL'}"
            f"  {c['detail']}"
        )
    verdict = "PASSED" if report["passed"] else "FAILED"
    print(
        f"{verdict}: report {report_path_for(report['policy'])} (sha256 "
        f"{report['onnx_sha256'][:12]})"
    )


def run_verify(cfg: VerifyConfig) -> int:
    report = verify(cfg)
    print_report(report)
    return 0 if report["passed"] else 1
