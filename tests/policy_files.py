"""Small real policy files for runtime and ROS tests: ONNX graphs built with ``onnx.helper``.

``action = obs @ weight + bias``: a real onnxruntime session with the contract in its metadata,
the same tensor names as ``skillbridge export``, and (optionally) a verification report bound to
the file's sha256 in the format ``skillbridge verify`` writes.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from skillbridge.contract import PolicySpec
from skillbridge.contract.artifact import ONNX_INPUT, ONNX_OUTPUT, file_sha256, report_path_for


def write_linear_policy(
    path: Path,
    spec: PolicySpec,
    *,
    bias: np.ndarray | float = 0.0,
    weight: np.ndarray | None = None,
    verified: bool = True,
) -> Path:
    """Write ``action = obs @ weight + bias`` with ``spec`` in its metadata (and a report)."""
    w = np.zeros((spec.obs_dim, spec.action_dim)) if weight is None else weight
    b = np.broadcast_to(np.asarray(bias, dtype=np.float64), (spec.action_dim,))
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", [ONNX_INPUT, "w"], ["xw"]),
            helper.make_node("Add", ["xw", "b"], [ONNX_OUTPUT]),
        ],
        "linear_policy",
        [helper.make_tensor_value_info(ONNX_INPUT, TensorProto.FLOAT, ["batch", spec.obs_dim])],
        [
            helper.make_tensor_value_info(
                ONNX_OUTPUT, TensorProto.FLOAT, ["batch", spec.action_dim]
            )
        ],
        initializer=[
            numpy_helper.from_array(w.astype(np.float32), "w"),
            numpy_helper.from_array(b.astype(np.float32), "b"),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    model.ir_version = 10
    helper.set_model_props(model, spec.to_metadata())
    onnx.save(model, str(path))
    if verified:
        write_report(path, spec, passed=True)
    return path


def write_report(path: Path, spec: PolicySpec, *, passed: bool) -> Path:
    """A verification report for exactly these bytes (the layout of ``skillbridge verify``)."""
    report = {
        "policy": str(path),
        "onnx_sha256": file_sha256(path),
        "contract_sha256": spec.content_hash(),
        "passed": passed,
        "checks": [{"name": "test_fixture", "passed": passed, "value": 0.0, "threshold": 0.0}],
    }
    out = report_path_for(path)
    out.write_text(json.dumps(report, indent=2))
    return out


def spec_without_joint(spec: PolicySpec, joint: str, replacement: str) -> PolicySpec:
    """The same contract with one joint renamed (a robot that lacks it)."""
    names = tuple(replacement if n == joint else n for n in spec.joint_names)
    links = tuple(
        dataclasses.replace(
            link, joint_name=replacement if link.joint_name == joint else link.joint_name
        )
        for link in spec.kinematics.links
    )
    chain = dataclasses.replace(spec.kinematics, links=links)
    return dataclasses.replace(spec, joint_names=names, kinematics=chain)
