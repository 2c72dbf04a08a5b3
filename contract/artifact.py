"""The exported policy file: fixed tensor names, provenance keys, and its verification report.

A policy travels as one ONNX file (``obs`` -> ``action``, dynamic batch) whose metadata holds the
contract and its provenance. ``skillbridge verify`` writes a report next to it, bound to the
file's sha256; the robot side refuses a file without a matching, passing report unless told
otherwise. Standard library only, so the ROS policy node can check it without torch.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from skillbridge.contract.errors import ContractError

ONNX_INPUT = "obs"
ONNX_OUTPUT = "action"
PROVENANCE_PREFIX = "skillbridge.provenance."
REPORT_SUFFIX = ".verify.json"


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def report_path_for(policy_path: str | Path) -> Path:
    """Where ``skillbridge verify`` puts the report of a policy file: ``<file>.verify.json``."""
    p = Path(policy_path)
    return p.with_name(p.name + REPORT_SUFFIX)


@dataclasses.dataclass(frozen=True)
class ReportStatus:
    """Whether a policy file has a passing report that belongs to exactly these bytes."""

    ok: bool
    reason: str


def check_verification_report(policy_path: str | Path) -> ReportStatus:
    """Look for the report of ``policy_path`` and check that it passed and matches its hash."""
    report = report_path_for(policy_path)
    fix = f"run `skillbridge verify {policy_path}`"
    if not report.is_file():
        return ReportStatus(False, f"no verification report at {report}; {fix}")
    try:
        data = json.loads(report.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        return ReportStatus(False, f"verification report {report} is unreadable ({exc}); {fix}")
    actual = file_sha256(policy_path)
    if data.get("onnx_sha256") != actual:
        return ReportStatus(
            False,
            f"report {report} belongs to another file (sha256 {data.get('onnx_sha256')}, "
            f"this file is {actual}); the policy changed after verification: {fix}",
        )
    if not data.get("passed", False):
        failed = [c.get("name") for c in data.get("checks", []) if not c.get("passed")]
        return ReportStatus(False, f"verification failed for {policy_path}: {failed}")
    return ReportStatus(True, f"verified ({report.name}, sha256 {actual[:12]})")


def require_verified(policy_path: str | Path) -> None:
    """Raise ContractError unless the policy file has a matching, passing report."""
    status = check_verification_report(policy_path)
    if not status.ok:
        raise ContractError(status.reason)
