"""``skillbridge bringup sim|robot|calibration``: the launch files' graph in ONE process.

The same nodes with the same parameter files as ``launch/*.launch.py``, on rclpy's events
executor (``--threads N`` > 1: the multi-threaded one, see ``BringupConfig.threads``);
lifecycle nodes are driven configure -> activate (activation waits for ``joint_states``);
Ctrl-C deactivates them (they hold) and shuts down cleanly. For machines without
``ros2 launch``: this is what the tests and the demo use.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import tyro
import yaml

from skillbridge.ros_nodes.errors import RosNodeError


@dataclasses.dataclass(frozen=True)
class NodeEntry:
    """One node of a bringup: its name, class (``module:Class``) and parameter files."""

    name: str
    target: str
    params: tuple[str, ...]
    executable: str
    """The console script (``ros2 run skillbridge <executable>``) the launch files start."""


SIM_ROBOT = NodeEntry(
    "sim_robot",
    "skillbridge.ros_nodes.sim_robot_node:SimRobotNode",
    ("sim_robot.yaml",),
    "sim_robot_node",
)
POLICY = NodeEntry(
    "policy_node", "skillbridge.ros_nodes.policy_node:PolicyNode", ("policy.yaml",), "policy_node"
)
SKILL_MANAGER = NodeEntry(
    "skill_manager",
    "skillbridge.ros_nodes.skill_manager_node:SkillManagerNode",
    ("skill_manager.yaml",),
    "skill_manager_node",
)
RECORDER = NodeEntry(
    "recorder",
    "skillbridge.ros_nodes.recorder_node:RecorderNode",
    ("recorder.yaml",),
    "recorder_node",
)
EXCITATION = NodeEntry(
    "excitation",
    "skillbridge.ros_nodes.excitation_node:ExcitationNode",
    ("excitation.yaml",),
    "excitation_node",
)

#: Nodes of each bringup, in start order (the launch files start the same ones).
MODES: dict[str, tuple[NodeEntry, ...]] = {
    "sim": (SIM_ROBOT, POLICY, SKILL_MANAGER, RECORDER),
    "robot": (POLICY, SKILL_MANAGER, RECORDER),
    "calibration": (SIM_ROBOT, EXCITATION, RECORDER),
}


@dataclasses.dataclass(frozen=True)
class BringupConfig:
    """Start a skillbridge graph in one process (what ``ros2 launch skillbridge <mode>.launch.py``
    starts on a machine with a full ROS 2 install)."""

    mode: tyro.conf.Positional[Literal["sim", "robot", "calibration"]] = "sim"
    """sim: MuJoCo robot + policy + skill manager + recorder; robot: the same without the
    simulator (an external driver publishes joint_states); calibration: simulator + excitation
    + recorder."""
    policy_path: str | None = None
    """Override ``policy_node.policy_path``."""
    allow_unverified: bool = False
    """Run a policy without a passing verification report (simulation only)."""
    task: str | None = None
    """Start the skill manager with this task."""
    record: bool = True
    """Include the recorder."""
    param: tuple[str, ...] = ()
    """Extra parameters ``node.name=value`` (YAML values), e.g. ``sim_robot.cube_xy=[0.5,0.1]``."""
    driver_config: str | None = None
    """A parameter file read after each node's own (as ``robot.launch.py driver_config:=``):
    the driver's joint names and command interface, e.g. config/franka_ros2.yaml."""
    params_dir: str | None = None
    """Folder of the parameter files; default: the package's ``config/``."""
    duration_s: float = 0.0
    """Stop after this long (0: run until Ctrl-C)."""
    sim_time: bool = False
    """calibration: the simulator is the clock (it publishes ``/clock``, the excitation and the
    recorder run with ``use_sim_time``), so load slows the run instead of shifting its timing."""
    stop_when_done: bool = False
    """calibration: stop (and finalize the recording) once the excitation has played to the
    end; exit 1 if it cannot start."""
    threads: int = 1
    """Executor threads. 1 (default): rclpy's events executor, every callback on one thread.
    More: rclpy's multi-threaded executor; measured here, its dispatch loop spins holding the
    GIL while a ready callback's group is busy and starves the worker threads (the sim-time
    calibration graph ran at a real-time factor of 0.01-0.03 with 4 threads)."""


def config_dir(override: str | None = None) -> Path:
    """The parameter files: ``override``, the source tree's ``config/``, or the installed share."""
    candidates = [
        Path(override) if override else None,
        Path(os.environ["SKILLBRIDGE_CONFIG_DIR"])
        if "SKILLBRIDGE_CONFIG_DIR" in os.environ
        else None,
        Path(__file__).resolve().parents[1] / "config",
        Path(sys.prefix) / "share" / "skillbridge" / "config",
    ]
    for path in candidates:
        if path is not None and (path / "policy.yaml").is_file():
            return path
    raise RosNodeError(f"no parameter files found in {[str(c) for c in candidates if c]}")


def _flatten(values: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, Mapping):
            out.update(_flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def node_parameters(node: str, files: Sequence[Path]) -> dict[str, Any]:
    """Parameters of one node from ROS 2 parameter files (``/**`` and ``node`` sections, later
    files win), flattened to dotted names."""
    params: dict[str, Any] = {}
    for path in files:
        try:
            data = yaml.safe_load(path.read_text()) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise RosNodeError(f"cannot read parameter file {path}: {exc}") from exc
        for section in ("/**", node, f"/{node}"):
            block = (data.get(section) or {}).get("ros__parameters") or {}
            params.update(_flatten(block))
    return params


def parse_overrides(items: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``node.name=value`` strings -> ``{node: {name: value}}`` (values parsed as YAML)."""
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        key, sep, value = item.partition("=")
        node, dot, name = key.partition(".")
        if not (sep and dot and name):
            raise RosNodeError(
                f"--param {item!r}: write node.name=value, e.g. policy_node.rate_hz=100"
            )
        out.setdefault(node, {})[name] = yaml.safe_load(value)
    return out


def plan(cfg: BringupConfig) -> list[tuple[NodeEntry, dict[str, Any]]]:
    """The nodes to start and their parameters (files, then command-line overrides)."""
    folder = config_dir(cfg.params_dir)
    overrides = parse_overrides(cfg.param)
    if cfg.policy_path is not None:
        overrides.setdefault("policy_node", {})["policy_path"] = cfg.policy_path
    if cfg.allow_unverified:
        overrides.setdefault("policy_node", {})["allow_unverified"] = True
    if cfg.task is not None:
        overrides.setdefault("skill_manager", {})["task"] = cfg.task
    for flag, value in (("--sim-time", cfg.sim_time), ("--stop-when-done", cfg.stop_when_done)):
        if value and cfg.mode != "calibration":
            raise RosNodeError(
                f"{flag} applies to bringup calibration only (the policy and skill manager "
                "nodes keep wall-clock time)"
            )
    driver_files = [Path(cfg.driver_config)] if cfg.driver_config else []
    if driver_files and not driver_files[0].is_file():
        raise RosNodeError(f"--driver-config {cfg.driver_config}: no such file")
    out = []
    for entry in MODES[cfg.mode]:
        if entry is RECORDER and not cfg.record:
            continue
        files = [folder / f for f in entry.params]
        params = node_parameters(entry.name, [*files, *driver_files])
        if cfg.sim_time:
            params.update(
                {"publish_clock": True} if entry is SIM_ROBOT else {"use_sim_time": True}
            )
        params.update(overrides.get(entry.name, {}))
        if entry in (POLICY, EXCITATION):
            params["autostart"] = True
        out.append((entry, params))
    unknown = sorted(set(overrides) - {e.name for e, _ in out})
    if unknown:
        raise RosNodeError(f"--param for nodes {unknown} not in bringup {cfg.mode!r}")
    return out


def _build(entry: NodeEntry, params: dict[str, Any]):
    from rclpy.parameter import Parameter

    module, _, cls = entry.target.partition(":")
    node_type = getattr(importlib.import_module(module), cls)
    overrides = [Parameter(k, value=v) for k, v in params.items()]
    return node_type(entry.name, parameter_overrides=overrides)


def run_bringup(cfg: BringupConfig) -> int:
    """Start the graph; return when stopped (Ctrl-C, SIGTERM or ``duration_s``)."""
    import rclpy
    from rclpy.signals import SignalHandlerOptions

    from skillbridge.ros_nodes.process import (
        StopFlag,
        make_executor,
        shut_down,
        spin_until_stopped,
    )

    entries = plan(cfg)
    rclpy.init(signal_handler_options=SignalHandlerOptions.NO)
    stop = StopFlag()
    stop.install()
    nodes = []
    executor = make_executor(cfg.threads, sim_time=cfg.sim_time)
    try:
        for entry, params in entries:
            nodes.append(_build(entry, params))
            executor.add_node(nodes[-1])
        names = ", ".join(e.name for e, _ in entries)
        print(f"skillbridge bringup {cfg.mode}: {names} (Ctrl-C to stop)", flush=True)
        end = time.monotonic() + cfg.duration_s if cfg.duration_s > 0 else None
        done = _ExcitationDone(nodes, entries) if cfg.stop_when_done else None
        spin_until_stopped(executor, _Deadline(stop, end, done))
    finally:
        shut_down(nodes, executor)
    print("skillbridge bringup: stopped", flush=True)
    if done is not None and done.failed:
        print(f"skillbridge bringup: error: excitation did not start: {done.failed}", flush=True)
        return 1
    return 0


class _ExcitationDone:
    """Trips ``margin_s`` after the excitation node has played to the end, or when its autostart
    failed (``failed`` then holds its error)."""

    def __init__(
        self, nodes: Sequence[Any], entries: Sequence[Any], margin_s: float = 0.5
    ) -> None:
        self._node = next(n for n, (e, _) in zip(nodes, entries, strict=True) if e is EXCITATION)
        self._margin_s = margin_s
        self._end: float | None = None
        self.failed = ""

    def __call__(self) -> bool:
        if self._node.autostart_failed:
            self.failed = self._node.last_error or "configure failed"
            return True
        if self._end is None and self._node.progress >= 1.0:
            self._end = time.monotonic() + self._margin_s
            print("skillbridge bringup: excitation played to the end", flush=True)
        return self._end is not None and time.monotonic() >= self._end


class _Deadline:
    """A stop flag that also trips at a deadline or when ``done()`` says so."""

    def __init__(self, stop: Any, end: float | None, done: Any = None) -> None:
        self._stop, self._end, self._done = stop, end, done

    @property
    def stopped(self) -> bool:
        return (
            self._stop.stopped
            or (self._end is not None and time.monotonic() >= self._end)
            or (self._done is not None and self._done())
        )


def bringup(cfg: BringupConfig) -> int:
    """CLI entry of ``skillbridge bringup``."""
    return run_bringup(cfg)
