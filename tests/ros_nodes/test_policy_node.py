"""The policy node in its own process, driven over loopback DDS by a probe node."""

from __future__ import annotations

import json
import threading
import time

import numpy as np
import pytest
from ros_helpers import change_state, wait_for

from skillbridge.contract.language import LanguageMotion

MODULE = "skillbridge.ros_nodes.policy_node"


def _joint_state(names, positions, stamp=None):
    from sensor_msgs.msg import JointState

    msg = JointState()
    msg.name = list(names)
    msg.position = [float(p) for p in positions]
    msg.velocity = [0.0] * len(names)
    if stamp is not None:
        msg.header.stamp = stamp
    return msg


class StatePublisher:
    """Publishes joint_states at ~100 Hz from a thread; the reading can be swapped or paused."""

    def __init__(self, probe, names, positions, topic="joint_states") -> None:
        from sensor_msgs.msg import JointState

        self.pub = probe.publisher(JointState, topic)
        self.names, self.positions = list(names), np.asarray(positions, dtype=float)
        self.paused = False
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop:
            if not self.paused:
                self.pub.publish(_joint_state(self.names, self.positions))
            time.sleep(0.01)

    def close(self) -> None:
        self._stop = True
        self._thread.join(1.0)


def _latest_status(statuses):
    return json.loads(statuses[-1][1].data) if statuses else {}


def test_refuses_unverified_and_foreign_policies_with_clear_errors(
    start_node, probe, unverified_policy, foreign_policy, panda_spec
):
    from std_msgs.msg import String

    unverified = start_node(MODULE, "unverified_policy", {"policy_path": str(unverified_policy)})
    foreign = start_node(MODULE, "foreign_policy", {"policy_path": str(foreign_policy)})
    statuses = probe.collect(String, "skill_status")
    states = StatePublisher(probe, panda_spec.joint_names, panda_spec.default_joint_pos)
    try:
        assert not change_state(probe, "unverified_policy", "configure")
        assert change_state(probe, "foreign_policy", "configure")
        time.sleep(0.3)  # joint_states arrive
        assert not change_state(probe, "foreign_policy", "activate")
    finally:
        states.close()
    log = wait_for(lambda: "skillbridge verify" in unverified.log() and unverified.log(), 5, "log")
    assert "no verification report" in log
    foreign_log = foreign.log()
    assert "lacks contract joints ['wrist_roll_joint']" in foreign_log
    errors = [
        e
        for _, m in statuses
        for e in json.loads(m.data)["errors"]
        if json.loads(m.data)["node"] == "unverified_policy"
    ]
    assert any("skillbridge verify" in e for e in errors)


def test_shuffled_joint_order_gives_the_same_commands(
    start_node, probe, linear_policy, panda_spec
):
    """Two nodes, one fed the driver's order, one a shuffled order with an extra joint: every
    tick (one per reading) publishes the same targets."""
    from sensor_msgs.msg import JointState

    params = {
        "policy_path": str(linear_policy),
        "trigger": "joint_states",
        "safety.fade_in_s": 0.0,
        "safety.max_speed_rad_s": 100.0,
        "safety.finger_max_speed_m_s": 100.0,
    }
    for ns in ("/a", "/b"):
        start_node(MODULE, "policy_node", params, namespace=ns)
    commands = {ns: probe.collect(JointState, f"{ns}/joint_commands") for ns in ("/a", "/b")}
    rng = np.random.default_rng(1)
    q = np.array(panda_spec.default_joint_pos) + rng.normal(0, 0.05, 8)
    names = [*panda_spec.joint_names, "panda_finger_joint2"]
    values = np.append(q, 0.02)
    order = rng.permutation(len(names))
    pubs = {
        "/a": probe.publisher(JointState, "/a/joint_states"),
        "/b": probe.publisher(JointState, "/b/joint_states"),
    }
    deadline = time.monotonic() + 20
    for ns in pubs:  # configure, then publish until activation succeeds
        assert change_state(probe, f"{ns}/policy_node".lstrip("/"), "configure")
    for ns, pub in pubs.items():
        while True:
            pub.publish(_joint_state(names, values))
            time.sleep(0.05)
            if change_state(probe, f"{ns}/policy_node".lstrip("/"), "activate"):
                break
            assert time.monotonic() < deadline, "activation never succeeded"
    for ns in pubs:
        commands[ns].clear()
    for _ in range(30):
        pubs["/a"].publish(_joint_state(names, values))
        pubs["/b"].publish(_joint_state([names[i] for i in order], values[order]))
        time.sleep(0.03)
    wait_for(lambda: len(commands["/a"]) >= 30 and len(commands["/b"]) >= 30, 10, "30 commands")
    a = np.array([m.position for _, m in commands["/a"][-20:]])
    b = np.array([m.position for _, m in commands["/b"][-20:]])
    assert list(commands["/b"][-1][1].name) == list(panda_spec.joint_names)
    np.testing.assert_allclose(a, b, atol=1e-12)


def test_nan_and_stale_readings_hold_then_deactivate_and_estop_latches(
    start_node, probe, linear_policy, panda_spec
):
    from diagnostic_msgs.msg import DiagnosticArray
    from sensor_msgs.msg import JointState
    from std_msgs.msg import String
    from std_srvs.srv import Trigger

    node = start_node(
        MODULE,
        "policy_node",
        {
            "policy_path": str(linear_policy),
            "autostart": True,
            "safety.fade_in_s": 0.2,
            "safety.deactivate_after_s": 0.5,
            "diagnostics_period_s": 0.2,
        },
    )
    commands = probe.collect(JointState, "joint_commands")
    statuses = probe.collect(String, "skill_status")
    diagnostics = probe.collect(DiagnosticArray, "/diagnostics")
    q = np.array(panda_spec.default_joint_pos)
    states = StatePublisher(probe, panda_spec.joint_names, q)
    try:
        wait_for(lambda: _latest_status(statuses).get("safety") == "running", 20, "running")
        # NaN in one joint: hold the last safe target, report it
        nan_q = q.copy()
        nan_q[3] = np.nan
        states.positions = nan_q
        wait_for(
            lambda: "nonfinite_observation" in _latest_status(statuses).get("hold_reasons", []),
            5,
            "a NaN hold",
        )
        # commands already in flight when the hold was reported may predate it: judge later ones
        reported = time.monotonic()
        time.sleep(0.4)
        held = [m.position for t, m in list(commands) if t > reported + 0.1]
        assert len(held) >= 5, f"only {len(held)} commands in 0.3 s while holding"
        np.testing.assert_array_equal(held[0], held[-1])
        assert np.all(np.isfinite(held))
        states.positions = q
        wait_for(lambda: _latest_status(statuses).get("safety") == "running", 5, "recovery")
        # e-stop latches while readings keep coming; reset clears it
        assert probe.call(Trigger, "estop", Trigger.Request()).success
        time.sleep(0.3)
        status = _latest_status(statuses)
        assert status["estop"] and status["safety"] == "estop"
        latched = [m.position for _, m in commands[-10:]]
        np.testing.assert_array_equal(latched[0], latched[-1])
        assert probe.call(Trigger, "reset_estop", Trigger.Request()).success
        wait_for(lambda: not _latest_status(statuses).get("estop"), 5, "e-stop cleared")
        # stale readings: hold, then deactivate
        states.paused = True
        wait_for(
            lambda: "stale_state" in _latest_status(statuses).get("hold_reasons", []), 5, "hold"
        )
        status = wait_for(
            lambda: (
                _latest_status(statuses).get("lifecycle") == "inactive"
                and _latest_status(statuses)
            ),
            5,
            "deactivation",
        )
        assert any("stale" in e for e in status["errors"])
    finally:
        states.close()
    keys = {v.key: v.value for v in diagnostics[-1][1].status[0].values}
    for key in ("tick_period_p50_ms", "tick_period_p99_ms", "inference_p99_ms", "safety_state"):
        assert key in keys
    assert int(keys["held_ticks_nonfinite_observation"]) > 0
    assert keys["command_output"] == "joint_state"
    assert node.stop() == 0


def test_skill_command_starts_a_motion_and_reports_progress(
    start_node, probe, linear_policy, panda_spec
):
    from std_msgs.msg import String

    start_node(MODULE, "policy_node", {"policy_path": str(linear_policy), "autostart": True})
    statuses = probe.collect(String, "skill_status")
    states = StatePublisher(probe, panda_spec.joint_names, panda_spec.default_joint_pos)
    cmd = probe.publisher(String, "skill_command")
    try:
        wait_for(lambda: _latest_status(statuses).get("lifecycle") == "active", 20, "active")
        motion = LanguageMotion.of("up", "normal")
        cmd.publish(String(data=motion.to_json()))
        status = wait_for(
            lambda: (
                _latest_status(statuses).get("motion") == motion.to_dict()
                and _latest_status(statuses)
            ),
            5,
            "the motion in skill_status",
        )
        assert status["sequence"] == 1 and status["outcome"] == "running"
        assert status["pos_err_m"] == pytest.approx(0.03, abs=0.01)  # the arm is held still
        done = wait_for(
            lambda: _latest_status(statuses).get("done") and _latest_status(statuses), 5, "done"
        )
        assert done["outcome"] == "timeout"  # a static arm cannot reach it: the window ends
        cmd.publish(String(data='{"motion": "fly"}'))
        wait_for(
            lambda: any("fly" in e for e in _latest_status(statuses).get("errors", [])),
            5,
            "the bad command reported",
        )
    finally:
        states.close()


FR3 = [*(f"fr3_joint{i}" for i in range(1, 8)), "fr3_finger_joint1"]


@pytest.mark.parametrize("output", ["joint_state", "forward_command", "joint_trajectory"])
def test_each_command_output_reaches_a_controller_stand_in(
    start_node, probe, linear_policy, panda_spec, output
):
    """A driver with its own joint names (franka_ros2's) and each ros2_control command interface:
    the stand-in controller (a subscriber in the test process) receives the node's targets under
    the driver's names, for the arm joints it commands, in its order."""
    from sensor_msgs.msg import JointState
    from std_msgs.msg import Float64MultiArray
    from trajectory_msgs.msg import JointTrajectory

    arm = FR3[:7]
    params = {
        "policy_path": str(linear_policy),
        "autostart": True,
        "driver_joint_names": FR3,
        "command_joints": arm,
        "command_output": output,
    }
    start_node(MODULE, f"policy_{output}", params)
    msg_type = {
        "joint_state": JointState,
        "forward_command": Float64MultiArray,
        "joint_trajectory": JointTrajectory,
    }[output]
    commands = probe.collect(msg_type, "joint_commands")
    states = StatePublisher(probe, FR3, panda_spec.default_joint_pos)
    try:
        wait_for(lambda: len(commands) >= 5, 20, f"{output} commands")
    finally:
        states.close()
    msg = commands[-1][1]
    home = np.array(panda_spec.default_joint_pos[:7])
    if output == "joint_state":
        assert list(msg.name) == arm
        values = np.array(msg.position)
    elif output == "forward_command":
        values = np.array(msg.data)
    else:
        assert list(msg.joint_names) == arm and len(msg.points) == 1
        values = np.array(msg.points[0].positions)
    assert values.shape == (7,)
    np.testing.assert_allclose(values, home, atol=0.05)  # held near the driver's reading
