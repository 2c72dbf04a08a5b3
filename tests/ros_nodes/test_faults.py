"""Fault injection into the running sim stack (issue 19 item 2): every node in its own process
over loopback DDS, faults injected as they happen on a robot cell (SIGKILL, a stalled process,
malformed messages, a hostile terminal), and the behaviour observed on the topics.

Each test records what it observed through ``fault_record`` (``benchmarks/faults.py`` runs these
tests and writes the records to JSON; docs/faults.md has the table) before it asserts.
"""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from ros_helpers import SKILLBRIDGE, change_state, wait_for
from test_session import MOTION_POLICY

from skillbridge.contract.language import LanguageMotion

NAMES = [*(f"panda_joint{i}" for i in range(1, 8)), "panda_finger_joint1"]
HOME = [0.0, -0.785398, 0.0, -2.356194, 0.0, 1.570796, 0.785398, 0.04]
HUGE = "x" * 100_000
HELD_RAD = 1e-3
"""Joint commands while held stay within this of the held target."""
HELD_WINDOW_S = 0.4
"""Held commands are looked for in the last this-many seconds before the watchdog deactivates
(``safety.deactivate_after_s`` 0.5 s after the last reading, less the 60 ms before holding)."""
REST_RAD_S = 2e-4
"""A joint slower than this is at rest: it would move 0.4 mrad (HELD_RAD / 2.5) in 2 s."""
needs_motion_policy = pytest.mark.skipif(
    not MOTION_POLICY.is_file(), reason="needs the committed models/motion.onnx"
)


@pytest.fixture()
def fault_record(request):
    """``record(fault, expected, observed, passed)``: appended as one JSON line to
    ``$SKILLBRIDGE_FAULTS_JSONL`` when set (the benchmark's run), else only kept on the test."""
    path = os.environ.get("SKILLBRIDGE_FAULTS_JSONL")

    def record(fault: str, expected: str, observed: dict, passed: bool) -> None:
        row = {"fault": fault, "expected": expected, "observed": observed, "pass": bool(passed),
               "test": request.node.name}  # fmt: skip
        if path:
            with open(path, "a") as f:
                f.write(json.dumps(row) + "\n")

    return record


# --- observation helpers ----------------------------------------------------------------------
def _positions(commands, since: float, until: float = math.inf) -> np.ndarray:
    return np.array([m.position for t, m in list(commands) if since <= t <= until]).reshape(-1, 8)


def _last_status(statuses) -> dict:
    return json.loads(statuses[-1][1].data) if statuses else {}


def _first_status_time(statuses, since: float, predicate) -> float | None:
    for t, msg in list(statuses):
        if t >= since and predicate(json.loads(msg.data)):
            return t
    return None


def _diagnostic_text(diagnostics, node: str, since: float = 0.0) -> str:
    """Every message and value of ``node``'s /diagnostics statuses received since ``since``."""
    parts = []
    for t, array in list(diagnostics):
        for status in array.status:
            if t >= since and node in status.name:
                parts.append(status.message)
                parts += [f"{kv.key}={kv.value}" for kv in status.values]
    return "\n".join(parts)


def _fresh_diagnostic(diagnostics, node: str, since: float, *needles: str) -> str | None:
    """The first of ``node``'s /diagnostics statuses received since ``since`` whose message and
    values contain every needle (the errors list keeps old errors: a needle such as
    ``lifecycle=inactive`` tells a new status from an old one)."""
    for t, array in list(diagnostics):
        for status in array.status:
            if t < since or node not in status.name:
                continue
            text = "\n".join([status.message, *(f"{kv.key}={kv.value}" for kv in status.values)])
            if all(n in text for n in needles):
                return status.message
    return None


def _reported(publish, predicate, timeout: float, what: str):
    """Publish until ``predicate()`` holds. A message is lost when it is sent before DDS matched
    the subscriber's side (seconds under load), or when a depth-1 subscription (the skill
    manager's joint_states and object poses) takes the sim robot's next message instead."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        publish()
        try:
            return wait_for(predicate, 1.0, what)
        except AssertionError:
            continue
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def _alive(*processes) -> bool:
    return all(p.proc.poll() is None for p in processes)


def _robot(start_node):
    return start_node(
        "skillbridge.ros_nodes.sim_robot_node", "sim_robot", {"publish_rate_hz": 100.0}
    )


def _policy(start_node, policy: Path, **params):
    return start_node(
        "skillbridge.ros_nodes.policy_node",
        "policy_node",
        {"policy_path": str(policy), "autostart": True, **params},
    )


def _active(statuses, since: float = 0.0) -> bool:
    return _first_status_time(statuses, since, lambda s: s["lifecycle"] == "active") is not None


# --- malformed messages -----------------------------------------------------------------------
#: (topic, message type name, payload builder name, what the node must say)
_JOINT_STATES = [
    ("wrong lengths", dict(name=NAMES, position=HOME[:3]), "has 8 names but 3 positions"),
    ("partial velocities", dict(name=NAMES, position=HOME, velocity=[0.0, 0.0]),
     "has 8 names but 2 velocities"),
    ("NaN", dict(name=NAMES, position=[math.nan] * 8), "non-finite positions"),
    ("unknown joint names", dict(name=[f"joint_{i}" for i in range(8)], position=HOME),
     "lacks contract joints"),
    ("a 100 kB joint name", dict(name=[HUGE], position=[0.0]), "(it has ['xxxxxxxxxx"),
]  # fmt: skip
_SKILL_COMMANDS = [
    ("not JSON", "go left!", "skill command is not JSON"),
    ("a JSON list", "[1, 2]", "a JSON object with a 'motion' key"),
    ("unknown motion", '{"motion": "teleport"}', "unknown motion 'teleport'"),
    ("NaN distance", '{"motion": "left", "distance_m": NaN}', "distance_m"),
    (
        "a list as the motion",
        '{"motion": ["left"], "magnitude": "small"}',
        "not a language motion",
    ),
    ("a 100 kB string", HUGE, "skill command is not JSON: 'xxxxxxxxxx"),
]
_STATUSES = [
    ("not JSON", "{{{", "skill_status: not JSON"),
    ("a JSON list", "[1]", "skill_status: not a policy node status object"),
    ("a text counter", '{"sequence": "many"}', "skill_status: not a policy node status object"),
]
_JOINT_COMMANDS = [
    ("wrong lengths", dict(name=NAMES, position=HOME[:3]), "with 3 positions for 8 joints"),
    ("NaN", dict(name=NAMES, position=[math.nan] * 8), "non-finite targets"),
    ("unknown joint names", dict(name=["wrist_9"], position=[0.1]), "unknown or non-commandable"),
    ("a 100 kB joint name", dict(name=[HUGE], position=[0.1]), "unknown or non-commandable"),
]


def _matched(publisher, timeout: float = 30.0) -> None:
    wait_for(lambda: publisher.get_subscription_count() > 0, timeout, publisher.topic_name)


def test_malformed_messages_on_every_subscribed_topic(
    start_node, probe, linear_policy, fault_record
):
    """Wrong lengths, NaN, unknown joint names and huge strings on joint_states, skill_command,
    skill_status, task, correction, the object poses and joint_commands: no node dies, each
    drop is reported naming its topic, and the stack still works afterwards."""
    from diagnostic_msgs.msg import DiagnosticArray
    from geometry_msgs.msg import PoseStamped
    from sensor_msgs.msg import JointState
    from std_msgs.msg import String

    robot = _robot(start_node)
    policy = _policy(start_node, linear_policy)
    manager = start_node("skillbridge.ros_nodes.skill_manager_node", "skill_manager", {})
    statuses = probe.collect(String, "skill_status")
    commands = probe.collect(JointState, "joint_commands")
    diagnostics = probe.collect(DiagnosticArray, "/diagnostics")
    feedback = probe.collect(String, "correction_feedback")
    pubs = {
        "joint_states": probe.publisher(JointState, "joint_states"),
        "skill_command": probe.publisher(String, "skill_command"),
        "skill_status": probe.publisher(String, "skill_status"),
        "task": probe.publisher(String, "task"),
        "correction": probe.publisher(String, "correction"),
        "cube": probe.publisher(PoseStamped, "objects/cube/pose"),
        "joint_commands": probe.publisher(JointState, "joint_commands"),
    }
    wait_for(lambda: _active(statuses), 60, "the policy node to activate")
    for publisher in pubs.values():
        _matched(publisher)
    time.sleep(0.2)
    errors: set[str] = set()

    def policy_errors() -> str:
        for _, msg in list(statuses):
            errors.update(json.loads(msg.data).get("errors", []))
        return "\n".join(errors)

    observed: dict[str, str] = {}
    for what, fields, says in _JOINT_STATES:
        pubs["joint_states"].publish(JointState(**fields))
        text = wait_for(lambda s=says: s in policy_errors() and policy_errors(), 10, says)
        observed[f"joint_states: {what}"] = next(e for e in text.split("\n") if says in e)[:100]
    for what, data, says in _SKILL_COMMANDS:
        pubs["skill_command"].publish(String(data=data))
        text = wait_for(lambda s=says: s in policy_errors() and policy_errors(), 10, says)
        observed[f"skill_command: {what}"] = next(e for e in text.split("\n") if says in e)[:100]
    nan_pose = PoseStamped()
    nan_pose.pose.position.x = math.nan
    manager_cases = [
        *((pubs["skill_status"], String(data=d), says) for _, d, says in _STATUSES),
        (pubs["task"], String(data=HUGE), "task: a task of 100000 characters"),
        (pubs["correction"], String(data='{"text": "left", "confidence": "high"}'),
         "correction: could not convert string to float: 'high'"),
        (pubs["cube"], nan_pose, "cube pose: non-finite position"),
        (pubs["joint_states"], JointState(name=NAMES, position=HOME[:3]),
         "joint_states: joint_states has 8 names but 3 positions"),
    ]  # fmt: skip
    robot_cases = [
        (pubs["joint_commands"], JointState(**fields), says) for _, fields, says in _JOINT_COMMANDS
    ]
    for node, cases in (("skill_manager", manager_cases), ("sim_robot", robot_cases)):
        for pub, msg, text in cases:
            _reported(
                lambda p=pub, m=msg: p.publish(m),
                lambda n=node, t=text: t in _diagnostic_text(diagnostics, n),
                20,
                f"{node}: {text}",
            )
        observed[f"{node} /diagnostics"] = " | ".join(t for *_, t in cases)[:300]
    pubs["correction"].publish(String(data=HUGE))
    too_long = wait_for(
        lambda: next(
            (r for _, m in list(feedback) if "too long" in (r := json.loads(m.data))["message"]),
            None,
        ),
        10,
        "the long correction's refusal",
    )
    # still working: the policy node still commands the arm and the parser still answers
    now = time.monotonic()
    wait_for(lambda: len(_positions(commands, now)) > 10, 10, "joint_commands after the faults")
    pubs["correction"].publish(String(data="a bit more to the left"))
    accepted = wait_for(
        lambda: next(
            (r for _, m in list(feedback) if (r := json.loads(m.data))["accepted"]), None
        ),
        20,
        "a correction accepted after the faults",
    )
    alive = _alive(robot, policy, manager)
    observed.update(
        {
            "all nodes alive": str(alive),
            "long correction": too_long["message"][:120],
            "after: correction": accepted["message"],
        }  # fmt: skip
    )
    fault_record(
        "malformed messages on every subscribed topic",
        "no node crashes; each dropped message is reported naming its topic (skill_status "
        "errors, /diagnostics); the stack still works",
        observed,
        alive,
    )
    assert alive, "a node died: " + policy.log()[-2000:] + manager.log()[-2000:]
    assert _last_status(statuses)["lifecycle"] == "active"


# --- the operator console ---------------------------------------------------------------------
def test_console_survives_control_characters_a_10_kb_line_and_eof(
    start_node, probe, ros_env, tmp_path, fault_record
):
    from std_msgs.msg import String

    manager = start_node("skillbridge.ros_nodes.skill_manager_node", "skill_manager", {})
    wait_for(lambda: "high level 'idle'" in manager.log(), 60, "the skill manager")
    console = subprocess.Popen(
        [SKILLBRIDGE, "correct"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, env=ros_env, cwd=tmp_path,
    )  # fmt: skip
    output: list[bytes] = []
    reader = threading.Thread(target=lambda: output.extend(iter(console.stdout.readline, b"")))
    reader.start()
    text = lambda: b"".join(output).decode(errors="replace")  # noqa: E731
    try:
        wait_for(lambda: "type a correction" in text(), 30, "the console to start")
        # the topics it shows, malformed
        for topic in ("skill_manager_status", "skill_status", "correction_feedback"):
            pub = probe.publisher(String, topic)
            wait_for(lambda p=pub: p.get_subscription_count() >= 1, 20, f"{topic} matched")
            for data in ("{{{", "[1]", '{"motion": {"motion": "up", "distance_m": "far"}}',
                         '{"task": "\\u001b[2J\\u0007wipe", "hold": 5}', HUGE):  # fmt: skip
                pub.publish(String(data=data))
        lines = [
            "\x1b[2J\x1b[31m\x07\x00a bit more to the left\x08\x7f",  # escapes, bell, NUL
            "\x03\x04\x1a",  # ^C ^D ^Z as bytes on a pipe
            "left " * 2000,  # a 10 kB line
            "{not json",
            '{"text": 5}',
        ]

        def type_line(line: str) -> None:
            console.stdin.write(line.encode() + b"\n")
            console.stdin.flush()
            time.sleep(0.2)

        for line in lines:
            type_line(line)
        # The console's correction publisher may not be matched to the skill manager yet (DDS
        # discovery takes seconds under load, and a correction sent before is lost): type the
        # long line again until its refusal comes back.
        _reported(lambda: type_line(lines[2]), lambda: "too long" in text(), 40, "the refusal")
        console.stdin.close()  # EOF
        code = console.wait(20)
    finally:
        if console.poll() is None:
            console.kill()
            console.wait()
        reader.join(5)
    out = text()
    passed = code == 0 and "bye" in out and "Traceback" not in out and _alive(manager)
    fault_record(
        "console: control characters, a 10 kB line, EOF, malformed status topics",
        "no crash; control characters dropped; the 10 kB correction refused as too long; EOF "
        "ends the console cleanly (exit 0)",
        {"exit_code": code, "said_bye": "bye" in out, "no_traceback": "Traceback" not in out,
         "refused_long_line": "too long" in out, "skill_manager_alive": _alive(manager)},
        passed,
    )  # fmt: skip
    assert passed, out[-3000:]
    assert "\x1b[2J" not in out and "\x07" not in out  # nothing from a topic drives the terminal


# --- the robot side goes away -----------------------------------------------------------------
def _held_window(commands, start: float, end: float) -> tuple[int, float]:
    """(number of commands, largest deviation from the first) in [start, end]."""
    held = _positions(commands, start, end)
    return len(held), float(np.abs(held - held[0]).max()) if len(held) else 0.0


def _moving(commands, since: float) -> bool:
    seen = _positions(commands, since)
    return len(seen) > 2 and float(np.abs(seen[-1] - seen[0]).max()) > 0.01


def _deactivated_after(statuses, since: float) -> float | None:
    return _first_status_time(statuses, since, lambda s: s["lifecycle"] == "inactive")


@needs_motion_policy
def test_robot_node_stalled_then_killed_mid_motion(start_node, probe, fault_record):
    """joint_states stop (the robot process stalled by SIGSTOP for 2 s: its DDS traffic stops),
    then the robot node is SIGKILLed mid-motion and started again. Each time the policy node
    holds its last target, says so on /diagnostics, deactivates after its watchdog
    (``safety.deactivate_after_s``, 0.5 s) and does not move again until activated."""
    from diagnostic_msgs.msg import DiagnosticArray
    from sensor_msgs.msg import JointState
    from std_msgs.msg import String

    robot = _robot(start_node)
    policy = _policy(start_node, MOTION_POLICY)
    statuses = probe.collect(String, "skill_status")
    commands = probe.collect(JointState, "joint_commands")
    diagnostics = probe.collect(DiagnosticArray, "/diagnostics")
    skill = probe.publisher(String, "skill_command")
    wait_for(lambda: _active(statuses), 60, "the policy node to activate")
    _matched(skill)

    def motion(since: float) -> None:
        skill.publish(String(data=LanguageMotion.of("left", "large").to_json()))
        wait_for(lambda: _moving(commands, since), 15, "the arm to move")

    for fault in ("stalled 2 s (SIGSTOP)", "killed (SIGKILL) and restarted"):
        start = time.monotonic()
        motion(start)
        if fault.startswith("stalled"):
            robot.proc.send_signal(signal.SIGSTOP)
        else:
            robot.stop(signal.SIGKILL)
        hit = time.monotonic()
        off = wait_for(lambda h=hit: _deactivated_after(statuses, h), 10, "the watchdog")
        # The watchdog fires 0.5 s after the last reading, and the hold starts 3 control periods
        # (60 ms) after it: anchor the window on the deactivation, not on the fault. On a loaded
        # machine the robot can be starved before the fault (seen: 0.27 s), and a window from the
        # fault onward was then empty.
        n_held, moved = _held_window(commands, off - HELD_WINDOW_S, off - 0.05)
        said = wait_for(
            lambda h=hit: _fresh_diagnostic(
                diagnostics, "policy_node", h, "stale", "lifecycle=inactive"
            ),
            5,
            "a stale-readings diagnostic",
        )
        if fault.startswith("stalled"):
            time.sleep(max(0.0, hit + 2.0 - time.monotonic()))
            robot.proc.send_signal(signal.SIGCONT)
        else:
            robot = _robot(start_node)
        back = time.monotonic()
        log = robot.log
        wait_for(lambda: "publishing joint_states" in log(), 30, "the robot")  # noqa: B023
        time.sleep(2.5)  # the robot publishes again; the policy node must stay put
        after = _positions(commands, back + 0.1)
        still_inactive = _last_status(statuses)["lifecycle"] == "inactive"
        assert change_state(probe, "policy_node", "activate"), policy.log()[-2000:]
        told = time.monotonic()
        motion(told)
        resumed = time.monotonic() - told
        observed = {
            "watchdog_deactivated_after_s": round(off - hit, 3),
            "held_commands": n_held,
            "held_max_change_rad": round(moved, 6),
            "diagnostic": said[:160],
            "commands_after_robot_back": len(after),
            "inactive_2.5s_after_robot_back": still_inactive,
            "moves_after_activate_s": round(resumed, 3),
        }
        passed = moved <= HELD_RAD and len(after) == 0 and still_inactive and off - hit < 2.0
        fault_record(
            f"sim robot node {fault} mid-motion",
            "policy node holds (joint_commands within 1 mrad), reports stale joint_states on "
            "/diagnostics, deactivates after its 0.5 s watchdog, sends nothing for 2.5 s after "
            "the robot "
            "is back, and moves again only after an explicit activate",
            observed,
            passed,
        )
        assert n_held >= 3 and moved <= HELD_RAD, observed
        assert off - hit < 2.0 and still_inactive and len(after) == 0, observed


def _arm_since(states, since: float) -> np.ndarray:
    """The seven arm joints of every joint_states message received since ``since``, (N, 7)."""
    return np.array(
        [[dict(zip(m.name, m.position, strict=True))[n] for n in NAMES[:7]]
         for t, m in list(states) if t >= since]
    ).reshape(-1, 7)  # fmt: skip


def _at_rest(states, window_s: float) -> bool:
    """Whether the arm moved less than HELD_RAD over the last ``window_s`` seconds and every
    joint's reported velocity in them is under REST_RAD_S. Positions alone mislead on a loaded
    machine: a simulation that falls behind the wall clock moves little in half a second of
    wall time while the arm is still settling (seen: at rest by position, then 5 mrad more)."""
    since = time.monotonic() - window_s
    recent = _arm_since(states, since)
    speeds = [max(abs(v) for n, v in zip(m.name, m.velocity, strict=True) if n in NAMES[:7])
              for t, m in list(states) if t >= since and len(m.velocity)]  # fmt: skip
    return (
        len(recent) > 10
        and float(np.ptp(recent, axis=0).max()) <= HELD_RAD
        and len(speeds) == len(recent)
        and max(speeds) <= REST_RAD_S
    )


# --- the nodes above the robot go away --------------------------------------------------------
def _manager(start_node, **params):
    return start_node("skillbridge.ros_nodes.skill_manager_node", "skill_manager", params)


_LEFT_RIGHT = [LanguageMotion.of(m, "large").to_json() for m in ("left", "right")]


@needs_motion_policy
def test_skill_manager_restarted_then_policy_node_killed(start_node, probe, fault_record):
    """The skill manager is SIGKILLed while a motion runs: the policy node finishes it; a
    restarted skill manager (no task: tasks are not persisted) duplicates nothing. Then the
    policy node is SIGKILLed mid-motion: the robot holds its last target and the skill manager
    reports the loss (skill_manager_status, /diagnostics) and sends nothing."""
    from diagnostic_msgs.msg import DiagnosticArray
    from sensor_msgs.msg import JointState
    from std_msgs.msg import String

    _robot(start_node)
    policy = _policy(start_node, MOTION_POLICY)
    statuses = probe.collect(String, "skill_status")
    skills = probe.collect(String, "skill_command")
    manager_statuses = probe.collect(String, "skill_manager_status")
    states = probe.collect(JointState, "joint_states")
    commands = probe.collect(JointState, "joint_commands")
    diagnostics = probe.collect(DiagnosticArray, "/diagnostics")
    # The skill manager starts its task at once: start it only when the probe hears the policy
    # node, or (discovery taking seconds on a loaded machine) both motions can run and finish
    # before the probe's subscription is matched, and no "running" status is ever seen.
    wait_for(lambda: _active(statuses), 60, "the policy node to activate")
    manager = _manager(start_node, high_level="sequence", sequence=_LEFT_RIGHT, task="demo")

    # 1. the skill manager dies while the first motion runs
    wait_for(
        lambda: any(json.loads(m.data)["outcome"] == "running" for _, m in list(statuses)),
        60,
        "the first motion to run",
    )
    manager.stop(signal.SIGKILL)
    killed = time.monotonic()
    sent_before = len(skills)
    time.sleep(0.1)
    running = _last_status(statuses)  # what the policy node runs (or just finished) at the kill
    done = wait_for(
        lambda: next(
            (s for t, m in list(statuses) if t > killed and (s := json.loads(m.data))["done"]
             and s["sequence"] == running["sequence"]),
            None,
        ),
        15,
        "the running motion to finish without its skill manager",
    )  # fmt: skip
    manager = _manager(start_node)
    restarted = time.monotonic()
    wait_for(
        lambda: any(t > restarted and json.loads(m.data)["policy_node"] == "ok"
                    for t, m in list(manager_statuses)),
        60,
        "the restarted skill manager to see the policy node",
    )  # fmt: skip
    time.sleep(2.0)
    new_commands = len(skills) - sent_before
    final_sequence = _last_status(statuses)["sequence"]
    passed = (
        done["outcome"] in ("reached", "timeout")
        and new_commands == 0
        and final_sequence == running["sequence"]
    )
    fault_record(
        "skill manager killed (SIGKILL) mid-motion and restarted",
        "the policy node finishes the running motion; the restarted skill manager sends "
        "nothing until given a task, so no motion runs twice",
        {"motion": running["motion"], "outcome": done["outcome"],
         "motion_elapsed_s": round(float(done["elapsed_s"] or 0.0), 3),
         "skill_commands_after_restart": new_commands,
         "policy_motion_counter": [running["sequence"], final_sequence]},
        passed,
    )  # fmt: skip
    assert passed, (done, new_commands, final_sequence)

    # 2. the policy node dies mid-motion
    skill = probe.publisher(String, "skill_command")
    _matched(skill)
    moved_from = time.monotonic()
    skill.publish(String(data=LanguageMotion.of("up", "large").to_json()))
    wait_for(lambda: _moving(commands, moved_from), 15, "the arm to move up")
    policy.stop(signal.SIGKILL)
    killed = time.monotonic()
    lost = wait_for(
        lambda: _first_status_time(manager_statuses, killed, lambda s: s["policy_node"] == "lost"),
        10,
        "the skill manager to report the policy node lost",
    )
    said = wait_for(
        lambda: _fresh_diagnostic(diagnostics, "skill_manager", killed, "policy_node=lost"),
        5,
        "the loss on /diagnostics",
    )
    sent = len(skills)
    # The arm runs on to the last target and stays there; how long it takes depends on how far
    # the target led the arm and on the simulation keeping real time (the machine is loaded).
    wait_for(lambda: _at_rest(states, 0.5), 8, "the arm to come to rest")
    rested = time.monotonic()
    time.sleep(1.5)
    settled = _arm_since(states, rested - 0.5)
    drift = float(np.ptp(settled, axis=0).max())
    # the policy node is dead: the last command received is the last it sent (one taken before
    # the kill could be a tick or more older, up to 0.05 rad away at the speed limit)
    last_command = np.array(commands[-1][1].position)
    offset = float(np.abs(settled[-1] - last_command[:7]).max())
    passed = drift <= HELD_RAD and offset < 0.05 and len(skills) == sent
    fault_record(
        "policy node killed (SIGKILL) mid-motion",
        "the robot comes to rest at the last target and stays (joint_states within 1 mrad for "
        "2 s, near the last command); the skill manager reports policy_node: lost and sends "
        "nothing",
        {"reported_lost_after_s": round(lost - killed, 3),
         "diagnostic": said[:160],
         "at_rest_after_s": round(rested - killed, 3),
         "joint_states_drift_rad_over_2s_at_rest": round(drift, 6),
         "distance_to_last_command_rad": round(offset, 4),
         "skill_commands_after_loss": len(skills) - sent},
        passed,
    )  # fmt: skip
    assert passed, (drift, offset, len(skills) - sent, len(settled))


# --- the recorder is killed -------------------------------------------------------------------
def test_recorder_killed_leaves_a_recoverable_mcap(start_node, probe, tmp_path, fault_record):
    """SIGKILL the recorder of a running robot (joint_states at 100 Hz, the default flush
    period): the file has no footer, yet the mcap library's reader reads it up to the last
    flushed chunk, at most the last second is lost, and ``recover`` rewrites it into a complete
    file that ``make_reader`` indexes."""
    from mcap.exceptions import McapError
    from mcap.reader import NonSeekingReader, make_reader
    from mcap_ros2.decoder import DecoderFactory

    from skillbridge.ros_nodes.recorder_node import RecorderConfig
    from skillbridge.ros_nodes.recording import read_recording, recover

    path = tmp_path / "killed.mcap"
    _robot(start_node)
    recorder = start_node("skillbridge.ros_nodes.recorder_node", "recorder", {"path": str(path)})
    wait_for(
        lambda: path.is_file() and any(t == "/joint_states" for t, _, _ in read_recording(path)),
        60,
        "a flushed chunk of joint_states",
    )
    time.sleep(2.3)  # mid-way between flushes, probably
    killed_ns = time.time_ns()
    recorder.stop(signal.SIGKILL)
    with path.open("rb") as f:  # the indexed reader needs the footer a killed writer never wrote
        try:
            indexed = make_reader(f).get_summary() is not None
        except McapError:
            indexed = False
    stamps = []
    with path.open("rb") as f:  # the mcap library's linear reader, as `mcap recover` reads
        reader = NonSeekingReader(f, decoder_factories=[DecoderFactory()])
        try:
            # in file order: sorting by log time would read to the end first, and the end is cut
            for _, channel, message, _ in reader.iter_decoded_messages(log_time_order=False):
                if channel.topic == "/joint_states":
                    stamps.append(message.log_time)
        except (McapError, EOFError):
            pass  # the chunk being written when the recorder died: cut off, the only loss
    lost_s = (killed_ns - stamps[-1]) / 1e9
    gaps_s = float(np.diff(stamps).max()) / 1e9
    recovered = recover(path, tmp_path / "recovered.mcap")
    with (tmp_path / "recovered.mcap").open("rb") as f:
        reader = make_reader(f, decoder_factories=[DecoderFactory()])
        summary = reader.get_summary()
        decoded = sum(1 for _ in reader.iter_decoded_messages())
    period = RecorderConfig().flush_period_s
    # a lost chunk in the middle would leave a gap of a flush period (0.5 s)
    passed = lost_s <= 1.0 and decoded == recovered and summary is not None and gaps_s < 0.4
    fault_record(
        "recorder node killed (SIGKILL)",
        "the footer-less MCAP reads with the mcap library's stream reader and rewrites "
        "(recover) into an indexed file; at most the last second is lost",
        {"flush_period_s": period,
         "indexed_reader_on_killed_file": "summary" if indexed else "none (no footer)",
         "joint_states_read": len(stamps),
         "lost_last_s": round(lost_s, 3), "largest_gap_s": round(gaps_s, 4),
         "recovered_messages": recovered, "recovered_file_indexed": summary is not None},
        passed,
    )  # fmt: skip
    assert passed, (lost_s, gaps_s, decoded, recovered)
