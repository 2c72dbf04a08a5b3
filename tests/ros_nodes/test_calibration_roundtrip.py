"""Calibration end to end through ROS 2: the excitation and recorder nodes against the sim robot
(loaded with a "real robot" overrides file), each in its own process on the simulator's clock,
then ``skillbridge calibrate fit`` on the recording recovers that file's values.

Acceptance (short version of ``skillbridge calibrate demo``): armature, damping and kp of three
joints within 10%, the command delay within one physics step; the recording's stamps are exact
ticks of the simulated clock and no command took effect late, whatever the machine's load.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time

import numpy as np
import pytest
import yaml
from ros_helpers import SKILLBRIDGE, wait_for

from skillbridge.ros_nodes.recording import read_recording

JOINTS = ("panda_joint1", "panda_joint2", "panda_joint3")
FIELDS = ("armature", "damping", "kp")
MS = 1_000_000


def _stamps_ns(path, topic: str) -> np.ndarray:
    return np.array(
        [
            m.header.stamp.sec * 1_000_000_000 + m.header.stamp.nanosec
            for t, _, m in read_recording(path)
            if t == topic
        ]
    )


@pytest.fixture(scope="module")
def demo(ros_env, tmp_path_factory):
    out = tmp_path_factory.mktemp("calibration") / "demo"
    argv = [SKILLBRIDGE, "calibrate", "demo", "--duration-s", "10", "--joints", *JOINTS,
            "--params", ",".join(FIELDS), "--out-dir", str(out)]  # fmt: skip
    start = time.monotonic()
    done = subprocess.run(argv, env=ros_env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    return out, done.stdout, time.monotonic() - start


def test_fit_recovers_the_real_robots_values(demo):
    out, stdout, _ = demo
    truth = yaml.safe_load((out / "truth.yaml").read_text())
    fitted = yaml.safe_load((out / "fitted.yaml").read_text())
    for joint in JOINTS:
        for field in FIELDS:
            group = "actuators" if field == "kp" else "joints"
            expected, got = truth[group][joint][field], fitted[group][joint][field]
            assert abs(got - expected) <= 0.10 * expected, (joint, field, expected, got)
    assert abs(fitted["command_delay_s"] - truth["command_delay_s"]) <= 0.002  # one step
    assert fitted["provenance"]["command_delay_steps"] == 7  # ceil(12.5 ms / 2 ms)
    assert "outside tolerance" not in stdout and stdout.count("yes (") == len(JOINTS) * 3 + 1


def test_the_recording_runs_on_exact_ticks_of_the_simulated_clock(demo):
    out, _, _ = demo
    states = _stamps_ns(out / "recording.mcap", "/joint_states")
    commands = _stamps_ns(out / "recording.mcap", "/joint_commands")
    assert len(commands) > 500  # 10 s at 50 Hz, plus the fade-in
    assert set(np.diff(states)) == {10 * MS}  # every 10 ms of simulated time, none missing
    assert set(np.diff(commands)) == {20 * MS}
    assert set(commands % (10 * MS)) == {0}  # each command on a state tick
    timing = json.loads((out / "summary.json").read_text())["recording"]["sim_robot"]
    assert timing["clock"] == "simulated"
    assert int(timing["late_commands"]) == 0 and int(timing["lockstep_timeouts"]) == 0


def test_bringup_calibration_on_sim_time_stops_by_itself(ros_env, tmp_path):
    """The one-process graph (``skillbridge bringup calibration``) on the simulator's clock with
    lockstep: it plays a short excitation, stops when it is done and finalizes the recording."""
    npz, mcap = tmp_path / "excitation.npz", tmp_path / "bringup.mcap"
    times = np.arange(101) / 50.0  # 2 s at 50 Hz: a 1 Hz wave on joint 1
    np.savez(npz, times_s=times, joint_names=np.array(["panda_joint1"]),
             targets_rad=0.1 * np.sin(2 * np.pi * times)[:, None], rate_hz=50.0)  # fmt: skip
    argv = [SKILLBRIDGE, "bringup", "calibration", "--sim-time", "--stop-when-done", "--param",
            f"excitation.trajectory_path={npz}", f"recorder.path={mcap}",
            "sim_robot.lockstep_period_s=0.02", "excitation.safety.fade_in_s=0.2",
            "recorder.topics=[joint_states, joint_commands, /diagnostics]"]  # fmt: skip
    log = tmp_path / "bringup.log"
    with log.open("w") as stream:
        proc = subprocess.Popen(argv, env=ros_env, stdout=stream, stderr=subprocess.STDOUT)
        try:
            assert proc.wait(180) == 0, log.read_text()
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
                proc.wait(10)
    wait_for(lambda: "excitation played to the end" in log.read_text(), 1, "the end message")
    commands = _stamps_ns(mcap, "/joint_commands")
    assert len(commands) >= 100 and set(np.diff(commands)) == {20 * MS}
    assert set(np.diff(_stamps_ns(mcap, "/joint_states"))) == {10 * MS}
