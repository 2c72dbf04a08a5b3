"""Small real policy files for runtime and ROS tests, written by the real export path.

``action = obs @ weight + bias``: an ``nn.Linear`` exported by ``skillbridge.policies.export``
(the contract's action mapping traced into the graph, the contract in the metadata), and
(optionally) a verification report bound to the file's sha256 in the format ``skillbridge
verify`` keeps. Exports are cached per process by content (a few seconds each).
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import tempfile
from pathlib import Path

import numpy as np
import torch

from skillbridge.contract import PolicySpec
from skillbridge.contract.artifact import file_sha256, keep_report
from skillbridge.policies.export import write_policy

_CACHE = Path(tempfile.mkdtemp(prefix="skillbridge-test-policies-"))


def write_linear_policy(
    path: Path,
    spec: PolicySpec,
    *,
    bias: np.ndarray | float = 0.0,
    weight: np.ndarray | None = None,
    verified: bool = True,
) -> Path:
    """Write ``action = obs @ weight + bias`` with ``spec`` in its metadata (and a report)."""
    w = np.zeros((spec.obs_dim, spec.action_dim)) if weight is None else np.asarray(weight)
    b = np.broadcast_to(np.asarray(bias, dtype=np.float64), (spec.action_dim,))
    key = hashlib.sha256(
        spec.content_hash().encode()
        + w.astype(np.float32).tobytes()
        + b.astype(np.float32).tobytes()
    ).hexdigest()[:24]
    cached = _CACHE / f"{key}.onnx"
    if not cached.is_file():
        linear = torch.nn.Linear(spec.obs_dim, spec.action_dim)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(w.T.astype(np.float32)))
            linear.bias.copy_(torch.from_numpy(b.astype(np.float32)))
        write_policy(linear, spec, cached, {})
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, path)
    if verified:
        write_report(path, spec, passed=True)
    return path


def write_report(path: Path, spec: PolicySpec, *, passed: bool, full: bool = True) -> Path:
    """A verification report for exactly these bytes, kept as ``skillbridge verify`` keeps it
    (it replaces earlier ones: a test fixture says what the file's status is)."""
    report = {
        "policy": str(path),
        "onnx_sha256": file_sha256(path),
        "contract_sha256": spec.content_hash(),
        "passed": passed,
        "full": full,
        "checks": [{"name": "test_fixture", "passed": passed, "value": 0.0, "threshold": 0.0}],
    }
    return keep_report(path, report, force=True)


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
