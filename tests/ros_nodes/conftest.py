"""ROS test plumbing: an isolated DDS domain per test session, nodes in separate processes, a probe
node in the test process, and real policy files.

Every process started here gets this session's random ``ROS_DOMAIN_ID`` and
``ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST``, so parallel test runs on one machine never cross.
"""

from __future__ import annotations

import os
import random
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from policy_files import spec_without_joint, write_linear_policy
from ros_helpers import PYTHON, SKILLBRIDGE, NodeProcess, Probe


@pytest.fixture(scope="session")
def ros_env() -> Iterator[dict[str, str]]:
    """This session's isolated ROS environment (also applied to the test process itself)."""
    env = {
        "ROS_DOMAIN_ID": str(random.SystemRandom().randint(1, 200)),
        "ROS_AUTOMATIC_DISCOVERY_RANGE": "LOCALHOST",
        "PYTHONUNBUFFERED": "1",
        "RCUTILS_LOGGING_BUFFERED_STREAM": "0",
    }
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    yield {**os.environ, **env}
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed ROS test shows the log of every node it started (only the test's own assertion
    otherwise: a fresh-clone CI failure left nothing else to read)."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        for process in getattr(item, "started_nodes", []):
            report.sections.append((f"node log {process.log_path.name}", _tail(process.log())))


def _tail(text: str, lines: int = 60) -> str:
    kept = text.splitlines()[-lines:]
    return "\n".join(kept) if kept else "(empty)"


@pytest.fixture()
def start_node(ros_env, tmp_path, request) -> Iterator[Callable[..., NodeProcess]]:
    """``start_node(module, node_name, params, namespace="")`` -> NodeProcess (stopped after).

    A node started again under the same name logs to a new file (``name.2.log``)."""
    started: list[NodeProcess] = []
    request.node.started_nodes = started

    def start(module: str, name: str, params: dict[str, Any], namespace: str = "") -> NodeProcess:
        stem = f"{name}{namespace.replace('/', '_')}"
        params_file = tmp_path / f"{stem}.yaml"
        params_file.write_text(yaml.safe_dump({"/**": {"ros__parameters": params}}))
        argv = [PYTHON, "-m", module, "--ros-args", "-r", f"__node:={name}"]
        if namespace:
            argv += ["-r", f"__ns:={namespace}"]
        argv += ["--params-file", str(params_file)]
        runs = sum(p.log_path.name.split(".")[0] == stem for p in started)
        log = tmp_path / (f"{stem}.log" if runs == 0 else f"{stem}.{runs + 1}.log")
        process = NodeProcess(argv, ros_env, log, tmp_path)
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


@pytest.fixture()
def probe(ros_env) -> Iterator[Probe]:
    p = Probe()
    yield p
    p.close()


@pytest.fixture(scope="session")
def policy_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("policies")


@pytest.fixture(scope="session")
def linear_policy(policy_dir, panda_spec) -> Path:
    """A verified linear policy with small random weights (contracting: a steady state exists)."""
    rng = np.random.default_rng(0)
    weight = rng.normal(0.0, 0.05, (panda_spec.obs_dim, panda_spec.action_dim))
    return write_linear_policy(policy_dir / "linear.onnx", panda_spec, weight=weight)


@pytest.fixture(scope="session")
def unverified_policy(policy_dir, panda_spec) -> Path:
    return write_linear_policy(policy_dir / "unverified.onnx", panda_spec, verified=False)


@pytest.fixture(scope="session")
def foreign_policy(policy_dir, panda_spec) -> Path:
    """A verified policy for a robot with a joint this robot lacks (``panda_joint7`` renamed)."""
    spec = spec_without_joint(panda_spec, "panda_joint7", "wrist_roll_joint")
    return write_linear_policy(policy_dir / "foreign.onnx", spec)


@pytest.fixture(scope="session")
def tiny_policy(policy_dir, ros_env) -> Path:
    """A really exported and verified policy: 2 PPO iterations on 8 environments, exported with
    ``skillbridge export`` and verified in a full run with relaxed thresholds (the report binds
    its hash)."""
    run_dir, onnx = policy_dir / "runs", policy_dir / "tiny.onnx"
    steps = [
        ["train", "motion", "--runner.max-iterations", "2", "--env.num-envs", "8",
         "--runner.log-dir", str(run_dir), "--runner.no-progress", "--runner.torch-threads", "1",
         "--env.nthread", "1"],
        ["export", str(run_dir / "motion"), "--out", str(onnx)],
        ["verify", str(onnx), "--checkpoint", str(run_dir / "motion"), "--min-success", "0",
         "--max-pos-err-mean-m", "10", "--max-rot-err-mean-rad", "10"],
    ]  # fmt: skip
    for args in steps:
        done = subprocess.run([SKILLBRIDGE, *args], capture_output=True, text=True, env=ros_env)
        assert done.returncode == 0, f"skillbridge {args[0]} failed:\n{done.stdout}{done.stderr}"
    return onnx
