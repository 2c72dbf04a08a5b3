"""Export to ONNX with the contract inside, and the verification gate bound to the file hash."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
import torch

from skillbridge.contract import ContractError, PolicySpec, action_to_joint_targets
from skillbridge.contract.artifact import (
    check_verification_report,
    read_reports,
    report_path_for,
    require_verified,
)
from skillbridge.policies.checkpoint import load_checkpoint
from skillbridge.policies.errors import PolicyError
from skillbridge.policies.evaluate import OnnxPolicy
from skillbridge.policies.export import actor_from_checkpoint, export_onnx, write_policy
from skillbridge.policies.runner import Runner
from skillbridge.policies.runtime import load_session
from skillbridge.policies.verify import VerifyConfig, contract_check, parity_checks, verify
from skillbridge.sim.grasp import GraspConfig, franka_hand_grasp

SKILLBRIDGE = Path(sys.executable).with_name("skillbridge")
RELAXED = {"min_success": 0.0, "max_pos_err_mean_m": 10.0, "max_rot_err_mean_rad": 10.0}


@pytest.fixture(scope="module")
def exported(tiny_run, tmp_path_factory):
    return export_onnx(tiny_run, tmp_path_factory.mktemp("onnx") / "motion.onnx")


def test_onnx_is_checker_clean_with_fixed_names_and_dynamic_batch(exported):
    model = onnx.load(str(exported))
    onnx.checker.check_model(model, full_check=True)
    assert [i.name for i in model.graph.input] == ["obs", "joint_pos"]
    assert [o.name for o in model.graph.output] == ["action", "joint_targets"]
    assert all(v.type.tensor_type.shape.dim[0].dim_param == "batch" for v in model.graph.input)


def test_metadata_holds_contract_and_provenance(exported, tiny_run):
    policy = OnnxPolicy(str(exported))
    ckpt = load_checkpoint(tiny_run)
    assert policy.spec == PolicySpec.from_metadata(ckpt.spec_metadata)
    meta = policy.metadata
    assert meta["skillbridge.provenance.training_env_steps"] == str(ckpt.env_steps)
    assert meta["skillbridge.provenance.seed"] == "3"
    assert len(meta["skillbridge.provenance.config_sha256"]) == 64
    assert meta["skillbridge.provenance.overrides_sha256"] == "none"


def test_normalizer_and_action_mapping_are_baked_into_the_graph(exported, tiny_run):
    """The file's action is the trained actor's mean after its normalizer; its targets are the
    contract's action mapping (the function the simulator ran in training) of that action."""
    actor, spec = actor_from_checkpoint(load_checkpoint(tiny_run))
    assert float(actor.normalizer.count) > 0  # the trained statistics are not identity
    rng = np.random.default_rng(0)
    obs = rng.normal(size=(64, spec.obs_dim)).astype(np.float32)
    joint_pos = rng.uniform(spec.joint_pos_lower, spec.joint_pos_upper, (64, 8)).astype(np.float32)
    with torch.no_grad():
        expected = actor(torch.from_numpy(obs)).numpy()
    session = load_session(exported)[0]
    action, targets = session.run(None, {"obs": obs, "joint_pos": joint_pos})
    np.testing.assert_allclose(action, expected, atol=1e-5)
    mapped = action_to_joint_targets(action.astype(np.float64), joint_pos.astype(np.float64), spec)
    np.testing.assert_allclose(targets, mapped, atol=1e-6)


def test_verify_keeps_a_full_report_bound_to_the_file(exported, tiny_run):
    report = verify(VerifyConfig(policy=str(exported), checkpoint=str(tiny_run), **RELAXED))
    names = {c["name"]: c for c in report["checks"]}
    assert names["parity_random_inputs"]["value"] <= 1e-5
    assert names["parity_recorded_inputs"]["passed"]
    assert names["contract_round_trip"]["passed"]
    assert {"nominal_success_rate", "randomized_success_rate"} <= set(names)
    assert report["passed"] and report["full"]
    assert check_verification_report(exported).ok
    require_verified(exported)


def test_a_changed_file_no_longer_matches_its_report(exported, tmp_path):
    copy = tmp_path / "motion.onnx"
    copy.write_bytes(exported.read_bytes())
    report_path_for(copy).write_text(report_path_for(exported).read_text())
    assert check_verification_report(copy).ok
    model = onnx.load(str(copy))
    model.metadata_props.add(key="edited", value="yes")
    onnx.save(model, str(copy))
    status = check_verification_report(copy)
    assert not status.ok and "changed after verification" in status.reason
    with pytest.raises(ContractError, match="skillbridge verify"):
        require_verified(copy)


def test_quality_gate_fails_an_untrained_policy_and_the_cli_exits_nonzero(
    exported, tiny_run, tmp_path
):
    copy = tmp_path / "weak.onnx"
    copy.write_bytes(exported.read_bytes())
    result = subprocess.run(
        [str(SKILLBRIDGE), "verify", str(copy), "--checkpoint", str(tiny_run), "--episodes", "6"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAIL" in result.stdout and "nominal_success_rate" in result.stdout
    (report,) = json.loads(report_path_for(copy).read_text())["reports"]
    assert report["passed"] is False
    assert not check_verification_report(copy).ok


def test_an_ordinary_verify_never_disables_a_deployed_file(exported, tiny_run, tmp_path):
    """The deployed file has a passing full report; `skillbridge verify FILE` without a
    checkpoint (parity skipped: partial) and a failing run with strict thresholds are kept beside
    it, and the robot side still accepts the file; only --force replaces the reports."""
    copy = tmp_path / "deployed.onnx"
    copy.write_bytes(exported.read_bytes())
    report_path_for(copy).write_text(report_path_for(exported).read_text())
    require_verified(copy)
    partial = verify(VerifyConfig(policy=str(copy), episodes=10, **RELAXED))
    parity = next(c for c in partial["checks"] if c["name"] == "parity")
    assert parity["value"] == "skipped" and parity["passed"] and "--checkpoint" in parity["detail"]
    assert partial["passed"] and not partial["full"]
    strict = verify(VerifyConfig(policy=str(copy), checkpoint=str(tiny_run), min_success=1.01))
    assert not strict["passed"] and strict["earlier_pass_kept"]
    assert len(read_reports(copy)) == 3
    require_verified(copy)
    verify(VerifyConfig(policy=str(copy), checkpoint=str(tiny_run), min_success=1.01, force=True))
    assert len(read_reports(copy)) == 1
    with pytest.raises(ContractError, match="verification failed"):
        require_verified(copy)


def test_onnx_without_contract_is_refused(tmp_path):
    model = onnx.helper.make_model(
        onnx.helper.make_graph(
            [onnx.helper.make_node("Identity", ["obs"], ["action"])],
            "g",
            [onnx.helper.make_tensor_value_info("obs", onnx.TensorProto.FLOAT, ["batch", 4])],
            [onnx.helper.make_tensor_value_info("action", onnx.TensorProto.FLOAT, ["batch", 4])],
        ),
        opset_imports=[onnx.helper.make_opsetid("", 18)],
        ir_version=10,
    )
    path = tmp_path / "plain.onnx"
    onnx.save(model, str(path))
    with pytest.raises(ContractError, match="skillbridge export"):
        OnnxPolicy(str(path))


def test_the_contract_check_follows_the_grasp_physics(exported):
    """The gripper gains are in the contract: a file trained under the shipped grasp passes
    against it and fails against the Franka-hand grasp."""
    _, spec = load_session(str(exported))
    assert contract_check(spec).passed
    assert not contract_check(spec, franka_hand_grasp()).passed


def _overrides_file(path: Path, kp_joint1: float) -> Path:
    """A calibrated robot: joint 1's servo gain and damping off nominal."""
    path.write_text(
        "version: 1\n"
        f"actuators: {{panda_joint1: {{kp: {kp_joint1}}}}}\n"
        "joints: {panda_joint1: {damping: 2.5}}\n"
    )
    return path


@pytest.fixture()
def calibrated(tiny_config, tmp_path_factory):
    """A file trained around an overrides file whose servo gain changes the contract."""
    folder = tmp_path_factory.mktemp("calibrated")
    overrides = _overrides_file(folder / "fitted.yaml", 4950.0)
    cfg = tiny_config(folder / "runs")
    cfg = dataclasses.replace(cfg, env=dataclasses.replace(cfg.env, overrides_path=str(overrides)))
    run = Runner(cfg).train()
    return export_onnx(run, folder / "calibrated.onnx"), run, overrides


def test_a_file_trained_around_overrides_is_verified_on_that_scene_only(calibrated, tmp_path):
    """Every check runs on the scene the file was trained for: without its overrides file, or
    with another one, the gate refuses in one line that says which file to give."""
    policy, run, overrides = calibrated
    cfg = VerifyConfig(policy=str(policy), checkpoint=str(run), episodes=4, **RELAXED)
    with pytest.raises(PolicyError, match="--overrides-path"):
        verify(cfg)
    other = _overrides_file(tmp_path / "other.yaml", 4000.0)
    with pytest.raises(PolicyError, match="is not the file"):
        verify(dataclasses.replace(cfg, overrides_path=str(other)))
    report = verify(dataclasses.replace(cfg, overrides_path=str(overrides)))
    names = {c["name"]: c for c in report["checks"]}
    assert names["contract_round_trip"]["passed"]  # kp 4950 is in the file and the scene
    assert names["parity_recorded_inputs"]["passed"]
    assert "overrides_success_rate" not in names  # the scene itself carries the overrides


def test_a_nominal_file_is_also_evaluated_on_another_robot(exported, tiny_run, tmp_path):
    """--overrides-path on a file trained on the nominal scene: a robot whose servo gains differ
    from the contract's is an extra condition, not a contract failure."""
    other = _overrides_file(tmp_path / "robot.yaml", 4000.0)
    cfg = VerifyConfig(
        policy=str(exported), checkpoint=str(tiny_run), episodes=4, overrides_path=str(other),
        **RELAXED,
    )  # fmt: skip
    names = {c["name"]: c for c in verify(cfg)["checks"]}
    assert names["contract_round_trip"]["passed"]
    assert "overrides_success_rate" in names


def test_the_grasp_gate_is_traced_into_the_graph(panda_spec, tmp_path):
    """A gated contract's file reads the request from its observation and holds the finger
    closed where it says close, as the simulator's mapping does."""
    spec = dataclasses.replace(panda_spec, grasp_gate_joint=panda_spec.joint_names[-1])
    torch.manual_seed(0)
    actor = torch.nn.Linear(spec.obs_dim, spec.action_dim)
    path = write_policy(actor, spec, tmp_path / "gated.onnx", {})
    rng = np.random.default_rng(1)
    obs = rng.normal(size=(64, spec.obs_dim)).astype(np.float32)
    request = rng.choice([-1.0, 1.0], 64)
    obs[:, spec.gripper_request_column()] = request
    joint_pos = rng.uniform(spec.joint_pos_lower, spec.joint_pos_upper, (64, 8)).astype(np.float32)
    action, targets = load_session(path)[0].run(None, {"obs": obs, "joint_pos": joint_pos})
    assert OnnxPolicy(str(path)).spec == spec
    mapped = action_to_joint_targets(
        action.astype(np.float64), joint_pos.astype(np.float64), spec, request
    )
    np.testing.assert_allclose(targets, mapped, atol=1e-6)
    assert np.all(targets[request < 0, 7] == 0.0)
    assert np.any(targets[request > 0, 7] > 0.0)


def test_an_export_can_add_the_hands_grasp_gate_and_parity_still_holds(tiny_run, tmp_path):
    """``--hold-until-opened`` adds the gate to a skill trained without it: the file's contract
    differs from the checkpoint's by that field only, the provenance says so, and the parity
    check accepts it (and nothing else)."""
    path = export_onnx(tiny_run, tmp_path / "gated.onnx", hold_until_opened=True)
    policy = OnnxPolicy(str(path))
    trained = PolicySpec.from_metadata(load_checkpoint(tiny_run).spec_metadata)
    assert trained.grasp_gate_joint is None
    assert policy.spec == dataclasses.replace(trained, grasp_gate_joint=trained.joint_names[-1])
    assert policy.metadata["skillbridge.provenance.grasp_gate"] == "added at export"
    with pytest.raises(PolicyError, match="grasp.hold-until-opened"):  # an ungated hand
        parity_checks(str(path), str(tiny_run), VerifyConfig(policy=str(path)))
    hand = dataclasses.replace(GraspConfig(), hold_until_opened=True)
    checks = parity_checks(str(path), str(tiny_run), VerifyConfig(policy=str(path), grasp=hand))
    assert [c.name for c in checks] == ["parity_random_inputs", "parity_recorded_inputs"]
    assert all(c.passed for c in checks)
