"""``skillbridge calibrate demo``: the calibration round trip through ROS 2 in one command.

1. ``skillbridge calibrate excite`` writes the excitation (``excitation.npz``);
2. a "real robot" ModelOverrides file with known values (``truth.yaml``: the demo truth of
   ``calibration_compare.py`` for the fitted joints and fields, or ``--truth FILE``);
3. the calibration graph, each node in its own process as ``ros2 launch skillbridge
   calibration.launch.py use_sim:=true`` starts it, with the parameters ``skillbridge bringup
   calibration --sim-time`` would give it: the sim robot loaded with ``truth.yaml`` is the clock
   (``/clock``, lockstep with the 50 Hz excitation), the excitation node plays the NPZ through the
   safety layer, the recorder writes ``recording.mcap``; stopped once the excitation has played
   to the end;
4. ``skillbridge calibrate fit recording.mcap --out fitted.yaml``;
5. a table of truth versus fitted values (also ``summary.json``).

This module drives the calibration package through its command line and reads the files it
writes; it imports neither ``calibration`` nor ``sim``.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from skillbridge.ros_nodes.bringup import BringupConfig
from skillbridge.ros_nodes.calibration_compare import (
    DEMO_DELAY_S,
    Row,
    compare,
    demo_truth,
    format_table,
)
from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.excitation import PANDA_JOINTS
from skillbridge.ros_nodes.graph import NodeGraph
from skillbridge.ros_nodes.side_node import SideNode

ARM_JOINTS = PANDA_JOINTS[:7]
EXCITATION_RATE_HZ = 50.0
"""``skillbridge calibrate excite``'s default rate: the lockstep period is one sample."""


@dataclasses.dataclass(frozen=True)
class CalibrationDemoConfig:
    """Excite the simulated robot (with known "real robot" physics) through the ROS runtime,
    record, fit, and compare the fitted values with the known ones."""

    out_dir: str = "calibration_demo"
    """Folder for excitation.npz, truth.yaml, recording.mcap, fitted.yaml, logs, summary.json."""
    duration_s: float = 30.0
    """Excitation length (30 s identifies 7 joints x 4 parameters and the delay)."""
    joints: tuple[str, ...] = ARM_JOINTS
    """Joints to excite and fit."""
    params: str = "armature,damping,frictionloss,kp"
    """Fields to fit (``skillbridge calibrate fit --params``); the truth changes only these."""
    truth: str | None = None
    """Your own "real robot" ModelOverrides file instead of the demo truth."""
    delay_s: float = DEMO_DELAY_S
    """Command delay of the demo truth."""
    sim_time: bool = True
    """Run on the simulator's clock with lockstep (exact, load-independent timing); False: on
    the wall clock like a real robot, where transport and scheduling latency add to the fitted
    delay and CPU load blurs it."""
    real_time_factor: float = 1.0
    """Upper bound on the simulation's speed (on the simulated clock load only slows it)."""
    fade_in_s: float = 0.5
    """The excitation node's fade-in from the measured pose."""
    tolerance: float = 0.10
    """Relative error allowed per parameter (the delay: one physics step)."""
    timeout_s: float = 900.0
    """Wall-clock limit for the recording."""
    nthread: int = 2
    """Threads of the fit."""
    report: bool = False
    """Also write the fit's report (``report/index.html``)."""
    seed: int = 0
    """Seed of the excitation."""


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "skillbridge.cli.main", *args]


def _run(argv: list[str], log: Path, what: str) -> str:
    """Run a command to completion, its output kept in ``log``; fail naming ``what``."""
    done = subprocess.run(argv, check=False, capture_output=True, text=True)
    log.write_text(done.stdout + done.stderr)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-5:])
        raise RosNodeError(f"{what} failed (exit {done.returncode}, log {log}):\n{tail}")
    return done.stdout


class _Watcher(SideNode):
    """An rclpy node in this process: the excitation's status and the sim robot's timing."""

    def __init__(self) -> None:
        from diagnostic_msgs.msg import DiagnosticArray
        from std_msgs.msg import String

        super().__init__("calibration_demo")
        self.status: dict[str, Any] = {}
        self.timing: dict[str, str] = {}
        self.timing_received = 0.0
        self.node.create_subscription(String, "excitation_status", self._on_status, 10)
        self.node.create_subscription(DiagnosticArray, "/diagnostics", self._on_diagnostics, 10)

    def _on_status(self, msg: Any) -> None:
        self.status = json.loads(msg.data)

    def _on_diagnostics(self, msg: Any) -> None:
        for status in msg.status:
            if status.name.endswith("/sim_robot"):
                self.timing = {kv.key: kv.value for kv in status.values}
                self.timing_received = time.monotonic()


def _bringup(cfg: CalibrationDemoConfig, out: Path) -> BringupConfig:
    lockstep = 1.0 / EXCITATION_RATE_HZ if cfg.sim_time else 0.0
    return BringupConfig(
        mode="calibration",
        sim_time=cfg.sim_time,
        param=(
            f"sim_robot.overrides_path={out / 'truth.yaml'}",
            f"sim_robot.lockstep_period_s={lockstep}",
            f"sim_robot.real_time_factor={cfg.real_time_factor}",
            "sim_robot.cube_xy=[1.0, 0.65]",  # on the table, out of the arm's reach
            f"excitation.trajectory_path={out / 'excitation.npz'}",
            f"excitation.safety.fade_in_s={cfg.fade_in_s}",
            f"recorder.path={out / 'recording.mcap'}",
            "recorder.topics=[joint_states, joint_commands, excitation_status, /diagnostics]",
        ),
    )


def record(cfg: CalibrationDemoConfig, out: Path) -> dict[str, Any]:
    """Steps 3: play the excitation against the simulated robot and record it.

    Returns:
        The sim robot's timing report (``/diagnostics`` values) at the end and the wall time.
    """
    (out / "recording.mcap").unlink(missing_ok=True)
    logs = out / "logs"
    logs.mkdir(exist_ok=True)
    start = time.monotonic()
    watcher, graph = _Watcher(), NodeGraph()
    try:
        graph.start(_bringup(cfg, out), logs)
        while not watcher.status.get("done"):
            watcher.spin(0.2)
            graph.check_alive()
            if watcher.status.get("errors") and watcher.status.get("lifecycle") != "active":
                raise RosNodeError(f"excitation node: {watcher.status['errors'][0]}")
            if time.monotonic() - start > cfg.timeout_s:
                raise RosNodeError(
                    f"the excitation did not finish within {cfg.timeout_s:.0f} s "
                    f"(progress {watcher.status.get('progress', 0):.0%}); logs in {logs}"
                )
        done = time.monotonic()
        while watcher.timing_received < done + 0.5 and time.monotonic() < done + 5.0:
            watcher.spin(0.1)  # let the robot settle; a timing report that covers the end
        graph.stop(("recorder", "excitation", "sim_robot"))
    finally:
        graph.stop(tuple(graph.procs))
        watcher.close()
    if not (out / "recording.mcap").is_file():
        raise RosNodeError(f"the recorder wrote no {out / 'recording.mcap'}; see {logs}")
    return {"sim_robot": watcher.timing, "wall_time_s": round(time.monotonic() - start, 1)}


def _fields(params: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in params.split(",") if p.strip())


def _timing_line(timing: dict[str, Any]) -> str:
    sim = timing.get("sim_robot") or {}
    line = (
        f"recording ({sim.get('clock', '?')} clock): {sim.get('sim_time_s', '?')} s simulated in "
        f"{timing['wall_time_s']} s wall (real-time factor {sim.get('real_time_factor', '?')}); "
        f"{sim.get('commands', '?')} commands"
    )
    if sim.get("clock") == "wall":
        return line + (
            f", stamp-to-effect latency p50 {float(sim.get('command_age_p50_ms', 'nan')):.2f} / "
            f"p99 {float(sim.get('command_age_p99_ms', 'nan')):.2f} ms (adds to the fitted "
            "delay); "
            f"catch-up skips {sim.get('catch_up_skips', '?')} ({sim.get('skipped_s', '?')} s)"
        )
    return line + (
        f", late {sim.get('late_commands', '?')} (max {sim.get('max_late_ms', '?')} ms), "
        f"lockstep waits {sim.get('lockstep_waits', '?')}, timeouts "
        f"{sim.get('lockstep_timeouts', '?')}"
    )


def run_demo(cfg: CalibrationDemoConfig) -> int:
    """CLI entry of ``skillbridge calibrate demo``; exit 1 when a value misses its tolerance."""
    out = Path(cfg.out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    fields = _fields(cfg.params)
    if cfg.truth:
        shutil.copyfile(cfg.truth, out / "truth.yaml")
    else:
        try:
            truth = demo_truth(cfg.joints, fields, cfg.delay_s)
        except ValueError as exc:
            raise RosNodeError(str(exc)) from exc
        (out / "truth.yaml").write_text(yaml.safe_dump(truth, sort_keys=False))
    excite = ["calibrate", "excite", "--out", str(out / "excitation.npz")]
    excite += ["--duration-s", str(cfg.duration_s), "--seed", str(cfg.seed)]
    excite += ["--rate-hz", str(EXCITATION_RATE_HZ), "--joints", *cfg.joints]
    # The prediction of what this excitation identifies goes to excite.log; the demo keeps its
    # length rather than letting excite lengthen it.
    excite += ["--params", ",".join(fields), "--max-duration-s", str(cfg.duration_s)]
    _run(_cli(*excite), out / "excite.log", "skillbridge calibrate excite")
    print(
        f"excitation: {cfg.duration_s:g} s of {', '.join(cfg.joints)}; recording ...", flush=True
    )
    timing = record(cfg, out)
    print(_timing_line(timing), flush=True)
    fit = ["calibrate", "fit", str(out / "recording.mcap"), "--out", str(out / "fitted.yaml")]
    fit += ["--params", ",".join(fields), "--joints", ",".join(cfg.joints), "--quiet"]
    fit += ["--nthread", str(cfg.nthread)]
    fit += ["--report-dir", str(out / "report")] if cfg.report else []
    fit_start = time.monotonic()
    fit_out = _run(_cli(*fit), out / "fit.log", "skillbridge calibrate fit")
    fit_s = time.monotonic() - fit_start
    for line in fit_out.splitlines():
        if line.startswith(("held-out", "warning:")):
            print(f"fit: {line}")
    truth_doc = yaml.safe_load((out / "truth.yaml").read_text())
    rows = compare(truth_doc, yaml.safe_load((out / "fitted.yaml").read_text()), cfg.tolerance)
    print(format_table(rows))
    print(f"fit: {fit_s:.1f} s (log {out / 'fit.log'}); files in {out}")
    _write_summary(out, rows, timing, fit_s)
    missed = [r.name for r in rows if r.ok is False]
    if missed:
        print(f"outside tolerance: {', '.join(missed)}")
    return 1 if missed else 0


def _write_summary(out: Path, rows: list[Row], timing: dict[str, Any], fit_s: float) -> None:
    summary = {
        "rows": [dataclasses.asdict(r) | {"rel_error": r.rel_error} for r in rows],
        "recording": timing,
        "fit_wall_time_s": round(fit_s, 1),
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2, default=str) + "\n")
