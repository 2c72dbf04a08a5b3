"""The verification gate: ``skillbridge verify motion.onnx`` (non-zero exit on any failure).

Checks, recorded in a JSON report bound to the file's sha256 (kept in ``<file>.verify.json``):

1. parity: the file in onnxruntime against the trained torch actor and the contract's action
   mapping, on random and on recorded inputs (max abs difference <= 1e-5); ``skipped`` without
   ``--checkpoint`` (the run is then partial),
2. contract: the spec in the file's metadata round-trips, its hash matches, and it equals the
   simulator's contract,
3. closed loop: the file run by ``PolicyRuntime`` behind the ``SafetyLayer``, ticked as the
   policy node ticks, against the simulator (either backend), randomization off and on, and
   optionally around a ``ModelOverrides`` file: success rate and tracking errors.

The simulator is the one the file was trained for: a file trained around a ``ModelOverrides``
file (a calibrated robot; its hash is in the provenance) is checked, in every step, against the
scene with that file applied, which ``--overrides-path`` must give. A file trained on the nominal
scene is checked against it, and ``--overrides-path`` adds a condition on that other robot (whose
servo gains may differ from the contract's, as a real robot's may).

A run is *full* when it checked parity and evaluated both conditions with at least
``FULL_EPISODES`` episodes. Reports accumulate: a partial or failing run never removes a passing
full report for the same bytes (``--force`` keeps only the new run), and the policy node accepts
a file whose best full report passed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Literal

import numpy as np
import torch
import tyro

from skillbridge.contract import PolicySpec
from skillbridge.contract.artifact import (
    ONNX_ACTION,
    ONNX_JOINT_POS,
    ONNX_OBS,
    ONNX_TARGETS,
    PROVENANCE_PREFIX,
    best_report,
    check_verification_report,
    file_sha256,
    keep_report,
    read_reports,
    report_path_for,
)
from skillbridge.policies.checkpoint import load_checkpoint
from skillbridge.policies.errors import PolicyError
from skillbridge.policies.evaluate import EvalConfig, EvalResult, evaluate_runtime
from skillbridge.policies.export import DeployedPolicy, actor_from_checkpoint
from skillbridge.policies.runtime import load_session
from skillbridge.sim.grasp import GraspConfig
from skillbridge.sim.overrides import load_overrides
from skillbridge.sim.robot import panda_policy_spec
from skillbridge.sim.scene import SceneConfig, compile_scene


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
    """The ModelOverrides file the policy was trained around (required then: every check runs on
    that scene); for a policy trained on the nominal scene, another robot to evaluate it on."""
    seed: int = 20261122
    force: bool = False
    """Keep only this run's report, dropping earlier ones (e.g. to revoke a pass)."""
    backend: Literal["cpu", "warp"] = "cpu"
    """Simulator of the closed-loop evaluation: ``cpu`` (C MuJoCo) or ``warp`` (MuJoCo Warp)."""
    device: str = "cpu"
    """Device of the ``warp`` backend: ``cpu`` (Warp's CPU device) or ``cuda:N``."""
    grasp: GraspConfig = GraspConfig()
    """Grasp physics of the simulator the file is checked against (contract and closed loop);
    the default is the shipped one (see ``sim.grasp``)."""


@dataclasses.dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    value: float | str
    threshold: float | str
    detail: str = ""


FULL_EPISODES = 200
"""A run that evaluates fewer episodes per condition is partial."""


def trained_around(cfg: VerifyConfig, metadata: dict[str, str]) -> str | None:
    """The ModelOverrides file the policy (its ONNX ``metadata``) was trained around (None: the
    nominal scene).

    Raises:
        PolicyError: the file was trained around overrides and ``--overrides-path`` is missing or
            holds other values.
    """
    trained = metadata.get(PROVENANCE_PREFIX + "overrides_sha256", "none")
    if trained in ("", "none"):
        return None
    if cfg.overrides_path is None:
        raise PolicyError(
            f"{cfg.policy} was trained around a ModelOverrides file (content hash "
            f"{trained[:16]}): give it with --overrides-path FILE (the fit's overrides.yaml), the "
            "scene every check must run on"
        )
    given = load_overrides(cfg.overrides_path).content_hash()
    if given != trained:
        raise PolicyError(
            f"--overrides-path {cfg.overrides_path} (content hash {given[:16]}) is not the file "
            f"{cfg.policy} was trained around ({trained[:16]}); give that file"
        )
    return cfg.overrides_path


def parity_checks(
    policy_path: str, checkpoint: str | None, cfg: VerifyConfig, around: str | None = None
) -> list[Check]:
    session, spec = load_session(policy_path)
    if checkpoint is None:
        detail = "no --checkpoint: pass the run or .pt the file was exported from to check it"
        return [Check("parity", True, "skipped", cfg.parity_tol, detail)]
    actor, actor_spec = actor_from_checkpoint(load_checkpoint(checkpoint))
    if spec.grasp_gate_joint is not None and actor_spec.grasp_gate_joint is None:
        actor_spec = actor_spec.with_grasp_gate()  # the one change an export may make
    if actor_spec.content_hash() != spec.content_hash():
        return [
            Check(
                "parity",
                False,
                "contract differs",
                cfg.parity_tol,
                f"checkpoint {checkpoint} has another contract than the ONNX file",
            )
        ]
    reference = DeployedPolicy(actor, spec).eval()
    # Random inputs where the policy lives: +-2 sigma of its training statistics, joints
    # anywhere in (and a little beyond) their limits.
    rng = np.random.default_rng(cfg.seed)
    mean, std = actor.normalizer.mean.numpy(), np.sqrt(actor.normalizer.var.numpy())
    lower, upper = spec.arrays.joint_pos_lower, spec.arrays.joint_pos_upper
    random = (
        (mean + 2.0 * std * rng.standard_normal((2048, spec.obs_dim))).astype(np.float32),
        rng.uniform(lower - 0.1, upper + 0.1, (2048, spec.num_joints)).astype(np.float32),
    )
    eval_cfg = EvalConfig(episodes=50, seed=cfg.seed + 1, grasp=cfg.grasp, overrides_path=around)
    recording = evaluate_runtime(policy_path, eval_cfg, record_steps=150)[1]
    checks = []
    for name, (obs, joint_pos) in (
        ("parity_random_inputs", random),
        ("parity_recorded_inputs", (recording.obs, recording.joint_pos)),
    ):
        with torch.no_grad():
            expected = reference(torch.from_numpy(obs), torch.from_numpy(joint_pos))
        got = session.run([ONNX_ACTION, ONNX_TARGETS], {ONNX_OBS: obs, ONNX_JOINT_POS: joint_pos})
        diff = max(
            float(np.max(np.abs(g - e.numpy()))) for g, e in zip(got, expected, strict=True)
        )
        checks.append(
            Check(name, diff <= cfg.parity_tol, diff, cfg.parity_tol, f"{len(obs)} inputs")
        )
    return checks


def contract_check(
    spec: PolicySpec, grasp: GraspConfig | None = None, around: str | None = None
) -> Check:
    again = PolicySpec.from_metadata(spec.to_metadata())
    overrides = load_overrides(around) if around else None
    scene = SceneConfig(grasp=grasp or GraspConfig())
    sim_spec = panda_policy_spec(
        compile_scene(scene, overrides), hold_until_opened=scene.grasp.hold_until_opened
    )
    same = again == spec and spec.content_hash() == sim_spec.content_hash()
    detail = "file contract == simulator contract" if same else "differs from the simulator's"
    return Check(
        "contract_round_trip", same, spec.content_hash()[:16], sim_spec.content_hash()[:16], detail
    )


def closed_loop_checks(cfg: VerifyConfig, around: str | None = None) -> tuple[list[Check], dict]:
    base = EvalConfig(
        episodes=cfg.episodes,
        seed=cfg.seed,
        backend=cfg.backend,
        device=cfg.device,
        grasp=cfg.grasp,
        overrides_path=around,
    )
    conditions = {
        "nominal": dataclasses.replace(base, randomize=False),
        "randomized": base,
    }
    if cfg.overrides_path and around is None:
        conditions["overrides"] = dataclasses.replace(
            base, overrides_path=cfg.overrides_path, perturbed_robot=True
        )
    checks, results = [], {}
    for name, eval_cfg in conditions.items():
        result: EvalResult = evaluate_runtime(cfg.policy, eval_cfg)[0]
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
    """Run every check and keep the report next to the file; returns it."""
    session, spec = load_session(cfg.policy)
    around = trained_around(cfg, dict(session.get_modelmeta().custom_metadata_map))
    checks = parity_checks(cfg.policy, cfg.checkpoint, cfg, around)
    checks.append(contract_check(spec, cfg.grasp, around))
    loop_checks, evaluation = closed_loop_checks(cfg, around)
    checks += loop_checks
    full = cfg.checkpoint is not None and cfg.episodes >= FULL_EPISODES
    sha = file_sha256(cfg.policy)
    earlier = best_report(read_reports(cfg.policy), sha) if not cfg.force else None
    report = {
        "policy": str(cfg.policy),
        "onnx_sha256": sha,
        "contract_sha256": spec.content_hash(),
        "passed": all(c.passed for c in checks),
        "full": full,
        "checks": [dataclasses.asdict(c) for c in checks],
        "evaluation": evaluation,
        "settings": dataclasses.asdict(cfg),
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    keep_report(cfg.policy, report, force=cfg.force)
    report["decision"] = check_verification_report(cfg.policy).reason
    report["earlier_pass_kept"] = bool(earlier and earlier.get("passed") and not report["passed"])
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
    kind = "full run" if report["full"] else "partial run (does not clear the file for a robot)"
    print(f"{verdict}, {kind}: kept in {report_path_for(report['policy'])}")
    if report["earlier_pass_kept"]:
        print(
            "an earlier full run of these bytes passed and is kept; --force records only this one"
        )
    print(f"robot side: {report['decision']}")


def run_verify(cfg: VerifyConfig) -> int:
    report = verify(cfg)
    print_report(report)
    return 0 if report["passed"] else 1
