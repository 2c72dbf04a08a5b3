"""E-stop and stop semantics across processes (ISO 13850: resetting an e-stop never restarts
motion by itself): sim robot, policy node (the committed skill) and skill manager in their own
processes over loopback DDS, driven as the console drives them."""

from __future__ import annotations

import json
import signal
import time

import numpy as np
import pytest
from ros_helpers import wait_for
from test_session import MOTION_POLICY

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.events import read_events

SEQUENCE = [LanguageMotion.of(m, "normal").to_json() for m in ("left", "right") * 20]


def _call(probe, name: str) -> str:
    from std_srvs.srv import Trigger

    response = probe.call(Trigger, name, Trigger.Request())
    return f"{response.success}: {response.message}"


def _positions(commands, since: float, until: float) -> np.ndarray:
    return np.array([m.position for t, m in commands if since <= t <= until]).reshape(-1, 8)


def _moved_since(commands, since: float, reference: np.ndarray) -> float:
    """The largest joint-command change since ``since`` from ``reference`` (0 without any)."""
    later = _positions(commands, since, time.monotonic())
    return float(np.abs(later - reference).max()) if len(later) else 0.0


@pytest.mark.skipif(not MOTION_POLICY.is_file(), reason="needs the committed models/motion.onnx")
def test_a_reset_never_restarts_motion_until_resume(start_node, probe, tmp_path):
    from sensor_msgs.msg import JointState
    from std_msgs.msg import String

    session = tmp_path / "session.mcap"
    recorder = start_node(
        "skillbridge.ros_nodes.recorder_node", "recorder", {"path": str(session)}
    )
    wait_for(lambda: "recording /language_events" in recorder.log(), 20, "the recorder")
    start_node("skillbridge.ros_nodes.sim_robot_node", "sim_robot", {"publish_rate_hz": 100.0})
    start_node(
        "skillbridge.ros_nodes.policy_node",
        "policy_node",
        {"policy_path": str(MOTION_POLICY), "autostart": True},
    )
    start_node(
        "skillbridge.ros_nodes.skill_manager_node",
        "skill_manager",
        {"rate_hz": 5.0, "high_level": "sequence", "sequence": SEQUENCE, "task": "demo"},
    )
    commands = probe.collect(JointState, "joint_commands")
    skills = probe.collect(String, "skill_command")
    feedback = probe.collect(String, "correction_feedback")
    statuses = probe.collect(String, "skill_manager_status")
    correction = probe.publisher(String, "correction")
    wait_for(lambda: len(skills) >= 2, 60, "the high level to send motions")

    assert _call(probe, "estop").startswith("True")
    latched = time.monotonic()
    wait_for(
        lambda: statuses and json.loads(statuses[-1][1].data)["estop"], 10, "the manager to latch"
    )
    sent_while_latched = len(skills)
    correction.publish(String(data="go up"))
    refused = wait_for(lambda: feedback and json.loads(feedback[-1][1].data), 10, "a reply")
    assert refused["reply"] == "refused" and "e-stop latched: not queued" in refused["message"]
    time.sleep(1.0)
    assert len(skills) == sent_while_latched, "the high level sent motions while latched"

    assert _call(probe, "reset_estop").startswith("True")
    reset = time.monotonic()
    time.sleep(3.0)
    after = _positions(commands, reset + 0.1, reset + 3.0)
    assert len(after) > 100  # the node keeps commanding (a hold, not silence)
    moved = np.abs(after - after[0]).max()
    assert moved <= 1e-3, f"joint commands moved {moved:.4f} rad after the reset, before resume"
    during = _positions(commands, latched + 0.1, reset)
    assert np.abs(during - after[0]).max() <= 1e-3  # the same pose as during the latch
    assert len(skills) == sent_while_latched
    status = json.loads(statuses[-1][1].data)
    assert status["hold"] == "estop" and not status["estop"]

    assert _call(probe, "release_hold").startswith("True")
    assert _call(probe, "resume").startswith("True")
    wait_for(lambda: len(skills) > sent_while_latched, 10, "the high level to continue")
    resumed = time.monotonic()
    wait_for(lambda: _moved_since(commands, resumed, after[0]) > 0.01, 15, "a motion again")

    # the session's MCAP holds the whole story, in order
    time.sleep(1.5)  # the recorder flushes every second
    assert recorder.stop(signal.SIGINT) == 0
    operator = [e for e in read_events(session) if e.get("type") == "operator"]
    story = [(e["action"], e["accepted"]) for e in operator]
    assert story == [("estop", True), ("estop_reset", True), ("resume", True)], story
    refusals = [e for e in read_events(session) if e.get("reply") == "refused"]
    assert any("e-stop latched" in e["message"] for e in refusals)


@pytest.mark.skipif(not MOTION_POLICY.is_file(), reason="needs the committed models/motion.onnx")
def test_a_stop_holds_without_a_latch_until_resume(start_node, probe):
    from sensor_msgs.msg import JointState
    from std_msgs.msg import String

    start_node("skillbridge.ros_nodes.sim_robot_node", "sim_robot", {"publish_rate_hz": 100.0})
    start_node(
        "skillbridge.ros_nodes.policy_node",
        "policy_node",
        {"policy_path": str(MOTION_POLICY), "autostart": True},
    )
    commands = probe.collect(JointState, "joint_commands")
    skill = probe.publisher(String, "skill_command")
    wait_for(lambda: len(commands) > 50, 60, "the policy node to command the arm")
    assert _call(probe, "hold").startswith("True")
    held = time.monotonic()
    skill.publish(String(data=LanguageMotion.of("up", "large").to_json()))
    time.sleep(2.0)
    assert np.ptp(_positions(commands, held + 0.1, held + 2.0), axis=0).max() <= 1e-3
    assert _call(probe, "release_hold").startswith("True")
    skill.publish(String(data=LanguageMotion.of("up", "large").to_json()))
    released = time.monotonic()
    reference = _positions(commands, held + 0.1, released)[-1]
    wait_for(lambda: _moved_since(commands, released, reference) > 0.01, 15, "a motion again")
