"""Helpers of the ROS tests (imported by name; pytest's ``conftest`` modules are not)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
SKILLBRIDGE = str(Path(sys.executable).with_name("skillbridge"))


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
        # Entities are created under the same lock: creating a subscription while spin_once
        # builds its wait set can kill this thread, and the probe then silently stops receiving.
        while self._running:
            with self.lock:
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


def wait_for(predicate: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll until ``predicate()`` is truthy; fail naming ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


# The state a successful transition ends in.
_TRANSITION_GOAL = {
    "configure": "inactive",
    "activate": "active",
    "deactivate": "inactive",
    "cleanup": "unconfigured",
}


def change_state(probe: Probe, node: str, transition: str) -> bool:
    """Drive a lifecycle transition (``configure``, ``activate`` ...) through its service.

    A service that has just come up can lose its first response (Fast DDS: "failed to send
    response (timeout)" while the client's reader is not matched yet; seen on a loaded
    machine); the transition itself ran, so then the node's state says whether it succeeded.
    """
    from lifecycle_msgs.srv import ChangeState, GetState

    request = ChangeState.Request()
    request.transition.label = transition
    try:
        return bool(probe.call(ChangeState, f"/{node}/change_state", request).success)
    except TimeoutError as exc:
        if "did not answer" not in str(exc):
            raise
    state = probe.call(GetState, f"/{node}/get_state", GetState.Request()).current_state
    return state.label == _TRANSITION_GOAL[transition]
