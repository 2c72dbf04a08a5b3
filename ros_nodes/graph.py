"""Start a bringup's nodes as separate processes, the way ``ros2 launch`` does.

One process per node keeps each node's timers free of the others' Python work: the one-process
``skillbridge bringup`` shares one interpreter (and its lock) between the simulator, the policy
loop and the recorder, which on two loaded cores ran the simulated robot at a quarter of real
time. The demos start the same plan (``bringup.plan``) this way.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from skillbridge.ros_nodes.bringup import RECORDER, BringupConfig, plan
from skillbridge.ros_nodes.errors import RosNodeError


def nested_parameters(params: dict[str, Any]) -> dict[str, Any]:
    """Dotted parameter names -> the nested mapping of a ROS 2 parameter file."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        *path, leaf = key.split(".")
        node = out
        for part in path:
            node = node.setdefault(part, {})
        node[leaf] = list(value) if isinstance(value, tuple) else value
    return out


class NodeGraph:
    """The nodes of a bringup plan, one process each (as ``ros2 launch`` starts them), with
    parameter files written from the plan."""

    def __init__(self) -> None:
        self.procs: dict[str, tuple[subprocess.Popen, Path]] = {}

    def start(
        self, bringup: BringupConfig, folder: Path, only: tuple[str, ...] | None = None
    ) -> None:
        """Start the plan's nodes (``only`` these, by node name, if given)."""
        entries = [e for e in plan(bringup) if only is None or e[0].name in only]
        entries.sort(key=lambda item: item[0] is not RECORDER)  # the recorder listens first
        for entry, params in entries:
            params_file = folder / f"{entry.name}.params.yaml"
            params_file.write_text(
                yaml.safe_dump({entry.name: {"ros__parameters": nested_parameters(params)}})
            )
            module = entry.target.partition(":")[0]
            argv = [sys.executable, "-m", module, "--ros-args", "-r", f"__node:={entry.name}"]
            log = folder / f"{entry.name}.log"
            with log.open("w") as out:
                argv += ["--params-file", str(params_file)]
                proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT)
            self.procs[entry.name] = (proc, log)

    def check_alive(self) -> None:
        for name, (proc, log) in self.procs.items():
            if proc.poll() is not None:
                tail = "\n".join(log.read_text().strip().splitlines()[-5:])
                raise RosNodeError(f"{name} exited ({proc.returncode}); log {log}:\n{tail}")

    def stop(self, order: tuple[str, ...]) -> None:
        """SIGINT each node in ``order`` and wait for it (killed after 15 s)."""
        for name in order:
            proc, _ = self.procs[name]
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
                try:
                    proc.wait(15.0)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
