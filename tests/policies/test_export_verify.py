"""Export to ONNX with the contract inside, and the verification gate bound to the file hash."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
import torch

from skillbridge.contract import ContractError, PolicySpec
from skillbridge.contract.artifact import (
    check_verification_report,
    report_path_for,
    require_verified,
)
from skillbridge.policies.checkpoint import load_checkpoint
from skillbridge.policies.evaluate import OnnxPolicy
from skillbridge.policies.export import actor_from_checkpoint, export_onnx
from skillbridge.policies.verify import VerifyConfig, verify

SKILLBRIDGE = Path(sys.executable).with_name("skillbridge")
RELAXED = {"min_success": 0.0, "max_pos_err_mean_m": 10.0, "max_rot_err_mean_rad": 10.0}


@pytest.fixture(scope="module")
def exported(tiny_run, tmp_path_factory):
    return export_onnx(tiny_run, tmp_path_factory.mktemp("onnx") / "motion.onnx")


def test_onnx_is_checker_clean_with_fixed_names_and_dynamic_batch(exported):
    model = onnx.load(str(exported))
    onnx.checker.check_model(model, full_check=True)
    (inp,), (out,) = model.graph.input, model.graph.output
    assert inp.name == "obs" and out.name == "action"
    assert inp.type.tensor_type.shape.dim[0].dim_param == "batch"


def test_metadata_holds_contract_and_provenance(exported, tiny_run):
    policy = OnnxPolicy(str(exported))
    ckpt = load_checkpoint(tiny_run)
    assert policy.spec == PolicySpec.from_metadata(ckpt.spec_metadata)
    meta = policy.metadata
    assert meta["skillbridge.provenance.training_env_steps"] == str(ckpt.env_steps)
    assert meta["skillbridge.provenance.seed"] == "3"
    assert len(meta["skillbridge.provenance.config_sha256"]) == 64
    assert meta["skillbridge.provenance.overrides_sha256"] == "none"


def test_normalizer_is_baked_into_the_graph(exported, tiny_run):
    actor, spec = actor_from_checkpoint(load_checkpoint(tiny_run))
    assert float(actor.normalizer.count) > 0  # the trained statistics are not identity
    obs = np.random.default_rng(0).normal(size=(64, spec.obs_dim)).astype(np.float32)
    with torch.no_grad():
        expected = actor(torch.from_numpy(obs)).numpy()
    np.testing.assert_allclose(OnnxPolicy(str(exported))(obs), expected, atol=1e-5)


def test_verify_writes_a_report_bound_to_the_file(exported, tiny_run):
    report = verify(
        VerifyConfig(policy=str(exported), checkpoint=str(tiny_run), episodes=6, **RELAXED)
    )
    names = {c["name"]: c for c in report["checks"]}
    assert names["parity_random_obs"]["value"] <= 1e-5
    assert names["parity_recorded_obs"]["passed"]
    assert names["contract_round_trip"]["passed"]
    assert {"nominal_success_rate", "randomized_success_rate"} <= set(names)
    assert report["passed"]
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
    assert not status.ok and "belongs to another file" in status.reason
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
    report = json.loads(report_path_for(copy).read_text())
    assert report["passed"] is False
    assert not check_verification_report(copy).ok


def test_verify_without_checkpoint_says_how_to_run_parity(exported, tmp_path):
    copy = tmp_path / "m.onnx"
    copy.write_bytes(exported.read_bytes())
    report = verify(VerifyConfig(policy=str(copy), episodes=2, **RELAXED))
    parity = next(c for c in report["checks"] if c["name"] == "parity")
    assert not parity["passed"] and "--checkpoint" in parity["detail"]


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
