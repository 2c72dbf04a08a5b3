"""Verification reports: kept atomically, never weakened by a partial or failing run, and the
robot side's decision from the best full report of the file's exact bytes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from skillbridge.contract import ContractError
from skillbridge.contract.artifact import (
    check_verification_report,
    file_sha256,
    keep_report,
    read_reports,
    report_path_for,
    require_verified,
    write_atomically,
)


@pytest.fixture()
def policy(tmp_path) -> Path:
    path = tmp_path / "motion.onnx"
    path.write_bytes(b"the policy's bytes")
    return path


def _report(path: Path, *, passed: bool, full: bool, sha: str | None = None) -> dict:
    checks = [{"name": "randomized_success_rate", "passed": passed}]
    return {
        "onnx_sha256": sha or file_sha256(path),
        "passed": passed,
        "full": full,
        "checks": checks,
    }


def test_no_report_and_foreign_reports_are_refused_with_the_command(policy):
    assert "skillbridge verify" in check_verification_report(policy).reason
    keep_report(policy, _report(policy, passed=True, full=True, sha="0" * 64))
    status = check_verification_report(policy)
    assert not status.ok and "changed after verification" in status.reason


def test_a_partial_or_failing_run_never_removes_a_passing_full_report(policy):
    keep_report(policy, _report(policy, passed=True, full=True))
    require_verified(policy)
    keep_report(policy, _report(policy, passed=True, full=False))  # e.g. no --checkpoint
    keep_report(policy, _report(policy, passed=False, full=False))
    keep_report(policy, _report(policy, passed=False, full=True))  # a failing full run too
    assert len(read_reports(policy)) == 4
    require_verified(policy)  # the best full report still decides


def test_force_keeps_only_the_new_run(policy):
    keep_report(policy, _report(policy, passed=True, full=True))
    keep_report(policy, _report(policy, passed=False, full=True), force=True)
    assert len(read_reports(policy)) == 1
    status = check_verification_report(policy)
    assert not status.ok and "verification failed" in status.reason


def test_partial_runs_alone_do_not_clear_a_file(policy):
    keep_report(policy, _report(policy, passed=True, full=False))
    status = check_verification_report(policy)
    assert not status.ok and "only partial" in status.reason


def test_a_failed_write_leaves_the_previous_reports_whole(policy):
    keep_report(policy, _report(policy, passed=True, full=True))
    before = report_path_for(policy).read_text()
    with pytest.raises(TypeError):
        keep_report(policy, {**_report(policy, passed=True, full=True), "bad": object()})
    assert report_path_for(policy).read_text() == before
    assert list(policy.parent.glob("*.tmp")) == []
    require_verified(policy)


def test_an_unreadable_report_file_is_an_error_that_says_what_to_run(policy):
    report_path_for(policy).write_text("{not json")
    with pytest.raises(ContractError, match="--force"):
        read_reports(policy)
    report_path_for(policy).write_text(json.dumps({"passed": True}))  # the old single-report form
    assert "--force" in check_verification_report(policy).reason


def test_an_atomic_write_keeps_the_file_readable_by_others(tmp_path: Path) -> None:
    # mkstemp's 0600 would hide a report from a node running as another user
    fresh = tmp_path / "fresh.json"
    old_mask = os.umask(0o022)
    try:
        write_atomically(fresh, "{}")
    finally:
        os.umask(old_mask)
    assert fresh.stat().st_mode & 0o777 == 0o644
    kept = tmp_path / "kept.json"
    kept.write_text("{}")
    kept.chmod(0o640)
    write_atomically(kept, '{"a": 1}')
    assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text() == '{"a": 1}'
