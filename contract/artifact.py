"""The exported policy file: fixed tensor names, provenance keys, and its verification reports.

A policy travels as one ONNX file whose metadata holds the contract and its provenance. The graph
maps the actor observation and the measured joint positions to the raw action (the next
observation's ``last_action``) and to the joint targets: the contract's action mapping
(``action_to_joint_targets``: clip, scale, offset, joint limits) is traced into the graph at
export from the same function training runs, so scale and clip live in one definition.

``skillbridge verify`` keeps its reports next to the file (``<file>.verify.json``), each bound to
the file's sha256. A run appends its report: a weaker or partial run never removes a passing one
(``--force`` keeps only the new run). The robot side accepts a file whose best full report for its
exact bytes passed. Standard library only, so the ROS policy node checks it without torch.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from skillbridge.contract.errors import ContractError

ONNX_OBS = "obs"
"""Input: actor observation, float32 (batch, obs_dim)."""
ONNX_JOINT_POS = "joint_pos"
"""Input: measured positions of the policy joints in contract order, float32 (batch, J)."""
ONNX_ACTION = "action"
"""Output: the raw action, float32 (batch, A): the next step's ``last_action``."""
ONNX_TARGETS = "joint_targets"
"""Output: joint position targets in contract order, float32 (batch, J), within the limits."""
PROVENANCE_PREFIX = "skillbridge.provenance."
REPORT_SUFFIX = ".verify.json"
REPORTS_SCHEMA = 2


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def report_path_for(policy_path: str | Path) -> Path:
    """Where ``skillbridge verify`` keeps the reports of a policy file: ``<file>.verify.json``."""
    p = Path(policy_path)
    return p.with_name(p.name + REPORT_SUFFIX)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename: a
    reader sees the old file or the new one, never half of either."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates the file 0600: a robot-side node running as another user could then
        # not read the report it needs. Keep the old file's mode, or the umask's for a new one.
        os.fchmod(fd, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "w") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_reports(policy_path: str | Path) -> list[dict[str, Any]]:
    """Every report kept for a policy file (any sha256), oldest first.

    Raises:
        ContractError: the report file exists but is unreadable or not in this format.
    """
    path = report_path_for(policy_path)
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise ContractError(
            f"verification reports {path} are unreadable ({exc}); run `skillbridge verify "
            f"{policy_path} --force` to write them anew"
        ) from exc
    if not isinstance(data, dict) or data.get("schema") != REPORTS_SCHEMA:
        raise ContractError(
            f"{path} is not a skillbridge report file of schema {REPORTS_SCHEMA}; run "
            f"`skillbridge verify {policy_path} --force` to write it anew"
        )
    return list(data.get("reports", []))


def keep_report(policy_path: str | Path, report: dict[str, Any], force: bool = False) -> Path:
    """Add a run's report to the file's reports (atomically). ``force`` keeps only this one."""
    path = report_path_for(policy_path)
    reports = [] if force else read_reports(policy_path)
    reports.append(report)
    text = json.dumps({"schema": REPORTS_SCHEMA, "reports": reports}, indent=2) + "\n"
    write_atomically(path, text)
    return path


def best_report(reports: list[dict[str, Any]], sha256: str) -> dict[str, Any] | None:
    """The report that decides for these bytes: among the full runs for ``sha256`` a passing one
    (the newest), else the newest full run; None without a full run."""
    full = [r for r in reports if r.get("onnx_sha256") == sha256 and r.get("full")]
    passing = [r for r in full if r.get("passed")]
    deciding = passing or full
    return deciding[-1] if deciding else None


@dataclasses.dataclass(frozen=True)
class ReportStatus:
    """Whether a policy file's best full report for exactly these bytes passed."""

    ok: bool
    reason: str


def check_verification_report(policy_path: str | Path) -> ReportStatus:
    """The decision of ``require_verified``, as a status with the reason."""
    fix = f"run `skillbridge verify {policy_path} --checkpoint RUN`"
    try:
        reports = read_reports(policy_path)
    except ContractError as exc:
        return ReportStatus(False, str(exc))
    if not reports:
        return ReportStatus(
            False, f"no verification report at {report_path_for(policy_path)}; {fix}"
        )
    actual = file_sha256(policy_path)
    best = best_report(reports, actual)
    if best is None:
        if not any(r.get("onnx_sha256") == actual for r in reports):
            return ReportStatus(
                False,
                f"the reports in {report_path_for(policy_path)} belong to other bytes (this file "
                f"is sha256 {actual[:12]}); the policy changed after verification: {fix}",
            )
        return ReportStatus(
            False, f"{policy_path} has only partial verification runs (no full run); {fix}"
        )
    if not best.get("passed"):
        failed = [c.get("name") for c in best.get("checks", []) if not c.get("passed")]
        return ReportStatus(False, f"verification failed for {policy_path}: {failed}")
    return ReportStatus(
        True, f"verified ({report_path_for(policy_path).name}, sha256 {actual[:12]})"
    )


def require_verified(policy_path: str | Path) -> None:
    """Raise ContractError unless the file's best full report for its bytes passed."""
    status = check_verification_report(policy_path)
    if not status.ok:
        raise ContractError(status.reason)
