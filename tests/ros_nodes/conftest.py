"""ROS test plumbing: an isolated DDS domain per test session, nodes in separate processes, a probe
node in the test process, and real policy files.

Every process started here gets this session's random ``ROS_DOMAIN_ID`` and
``ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST``, so parallel test runs on one machine never cross.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from policy_files import spec_without_joint, write_linear_policy

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
SKILLBRIDGE = str(Path(sys.executable).with_name("skillbridge"))


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


class NodeProcess:
    """A node started as ``python -m MODULE`` with a parameter file; its log is kept."""

    def __init__(self, argv: list[str], env: dict[str, str], log: Path, cwd: Path) -> None:
        self.log_path = log
        self._log = log.open("w")
        self.proc = subprocess.Popen(
            argv, env=env, cwd=cwd, stdout=self._log, stderr=subprocess.STDOUT
        )

    def log(self) -> str:
        return self.log_path.read_text()

    def stop(self, sig: int = signal.SIGINT, timeout: float = 10.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()
        return self.proc.returncode


@pytest.fixture()
def start_node(ros_env, tmp_path) -> Iterator[Callable[..., NodeProcess]]:
    """``start_node(module, node_name, params, namespace="")`` -> NodeProcess (stopped after)."""
    started: list[NodeProcess] = []

    def start(module: str, name: str, params: dict[str, Any], namespace: str = "") -> NodeProcess:
        params_file = tmp_path / f"{name}{namespace.replace('/', '_')}.yaml"
        params_file.write_text(yaml.safe_dump({"/**": {"ros__parameters": params}}))
        argv = [PYTHON, "-m", module, "--ros-args", "-r", f"__node:={name}"]
        if namespace:
            argv += ["-r", f"__ns:={namespace}"]
        argv += ["--params-file", str(params_file)]
        log = tmp_path / f"{name}{namespace.replace('/', '_')}.log"
        process = NodeProcess(argv, ros_env, log, tmp_path)
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


class Probe:
    """An rclpy node in the test process, spun in a background thread."""

    def __init__(self) -> None:
        import rclpy
        from rclpy.executors import SingleThreadedExecutor

        self.context = rclpy.Context()
        rclpy.init(context=self.context)
        self.node = rclpy.create_node(f"probe_{os.getpid()}", context=self.context)
        self.executor = SingleThreadedExecutor(context=self.context)
        self.executor.add_node(self.node)
        self.lock = threading.Lock()
        self._thread = threading.Thread(target=self._spin, daemon=True)
        self._running = True
        self._thread.start()

    def _spin(self) -> None:
        while self._running:
            self.executor.spin_once(timeout_sec=0.02)

    def collect(self, msg_type: type, topic: str) -> list:
        """Subscribe and return the (growing) list of ``(receive_time_s, msg)``."""
        received: list = []
        with self.lock:
            self.node.create_subscription(
                msg_type, topic, lambda m: received.append((time.monotonic(), m)), 100
            )
        return received

    def publisher(self, msg_type: type, topic: str):
        with self.lock:
            return self.node.create_publisher(msg_type, topic, 10)

    def call(self, srv_type: type, name: str, request: Any, timeout: float = 10.0) -> Any:
        with self.lock:
            client = self.node.create_client(srv_type, name)
        if not client.wait_for_service(timeout_sec=timeout):
            raise TimeoutError(f"service {name} not available")
        future = client.call_async(request)
        deadline = time.monotonic() + timeout
        while not future.done() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not future.done():
            raise TimeoutError(f"service {name} did not answer")
        return future.result()

    def close(self) -> None:
        self._running = False
        self._thread.join(2.0)
        self.executor.shutdown()
        self.node.destroy_node()
        self.context.try_shutdown()


@pytest.fixture()
def probe(ros_env) -> Iterator[Probe]:
    p = Probe()
    yield p
    p.close()


def wait_for(predicate: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll until ``predicate()`` is truthy; fail naming ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def change_state(probe: Probe, node: str, transition: str) -> bool:
    """Drive a lifecycle transition (``configure``, ``activate`` ...) through its service."""
    from lifecycle_msgs.srv import ChangeState

    request = ChangeState.Request()
    request.transition.label = transition
    return bool(probe.call(ChangeState, f"/{node}/change_state", request).success)


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
    ``skillbridge export`` and verified with relaxed thresholds (the report binds its hash)."""
    run_dir, onnx = policy_dir / "runs", policy_dir / "tiny.onnx"
    steps = [
        ["train", "motion", "--runner.max-iterations", "2", "--env.num-envs", "8",
         "--runner.log-dir", str(run_dir), "--runner.no-progress", "--runner.torch-threads", "1",
         "--env.nthread", "1"],
        ["export", str(run_dir / "motion"), "--out", str(onnx)],
        ["verify", str(onnx), "--checkpoint", str(run_dir / "motion"), "--min-success", "0",
         "--max-pos-err-mean-m", "10", "--max-rot-err-mean-rad", "10", "--episodes", "10"],
    ]  # fmt: skip
    for args in steps:
        done = subprocess.run([SKILLBRIDGE, *args], capture_output=True, text=True, env=ros_env)
        assert done.returncode == 0, f"skillbridge {args[0]} failed:\n{done.stdout}{done.stderr}"
    return onnx
