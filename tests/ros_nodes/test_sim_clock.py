"""The sim robot's simulated clock (lockstep gate, command timing, exact stamps), the bringup's
``--sim-time`` plan, and the excitation's sampling on clock ticks: plain code, no processes."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from skillbridge.ros_nodes.bringup import BringupConfig, plan
from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.excitation import ExcitationTrajectory
from skillbridge.ros_nodes.messages import ns_to_stamp, stamp_to_ns
from skillbridge.ros_nodes.sim_clock import (
    CommandTiming,
    LockstepGate,
    steps_per_period,
    to_ns,
)
from skillbridge.ros_nodes.sim_robot_node import SimRobotConfig

MS = 1_000_000


def test_lockstep_holds_each_control_instant_until_its_command():
    gate = LockstepGate(period_ns=20 * MS, timeout_s=2.0)
    assert gate.may_advance(0, wall_s=0.0)  # not engaged before the first command
    gate.on_command(20 * MS)
    assert gate.next_ns == 40 * MS
    assert gate.may_advance(20 * MS, 0.0) and gate.may_advance(30 * MS, 0.0)
    assert not gate.may_advance(40 * MS, 0.0)  # 40 ms is a control instant: wait
    assert not gate.may_advance(40 * MS, 1.9)
    gate.on_command(30 * MS)  # a stale command does not release the instant
    assert not gate.may_advance(40 * MS, 1.95)
    gate.on_command(40 * MS)
    assert gate.may_advance(40 * MS, 1.96) and gate.next_ns == 60 * MS
    assert (gate.waits, gate.timeouts) == (3, 0)


def test_lockstep_times_out_and_disengages_until_the_next_command():
    gate = LockstepGate(period_ns=20 * MS, timeout_s=2.0)
    gate.on_command(0)
    assert not gate.may_advance(20 * MS, 10.0)
    assert not gate.may_advance(20 * MS, 12.0)  # 2 s of wall clock: one more tick to deliver
    assert gate.may_advance(20 * MS, 12.002)  # still nothing: step on, counted
    assert gate.timeouts == 1 and gate.next_ns is None
    assert gate.may_advance(40 * MS, 12.0)  # disengaged: free running
    gate.on_command(50 * MS)
    assert not gate.may_advance(70 * MS, 12.0)  # re-engaged by the next command


def test_a_command_delivered_after_the_gates_own_stall_is_no_timeout():
    """This process stalled past the deadline: the first tick after it still waits, and the
    command that arrived meanwhile releases the instant."""
    gate = LockstepGate(period_ns=20 * MS, timeout_s=2.0)
    gate.on_command(0)
    assert not gate.may_advance(20 * MS, 10.0)
    assert not gate.may_advance(20 * MS, 13.0)  # the first tick after a 3 s stall
    gate.on_command(20 * MS)
    assert gate.may_advance(20 * MS, 13.002) and gate.timeouts == 0


def test_without_a_lockstep_period_the_gate_never_waits():
    gate = LockstepGate(period_ns=0, timeout_s=1.0)
    gate.on_command(10 * MS)
    assert all(gate.may_advance(t * MS, 0.0) for t in range(0, 100, 10))


def test_command_timing_counts_late_commands_and_the_worst_lateness():
    timing = CommandTiming()
    timing.note(stamp_ns=20 * MS, now_ns=20 * MS)  # on time
    timing.note(stamp_ns=40 * MS, now_ns=50 * MS)  # 10 ms late
    timing.note(stamp_ns=60 * MS, now_ns=62 * MS)
    assert (timing.commands, timing.late, timing.max_late_ns) == (3, 2, 10 * MS)
    assert timing.ages_s.summary().max == pytest.approx(0.010)


def test_stamps_are_exact_nanoseconds():
    for ns in (0, 10 * MS, 1_999_999_999, 12_340 * MS, 3 * 10**9 + 1):
        stamp = ns_to_stamp(ns)
        assert stamp_to_ns(stamp) == ns and 0 <= stamp.nanosec < 10**9
    assert to_ns(0.002) * 6 == 12 * MS  # physics steps add up without rounding drift


def test_periods_must_be_whole_multiples():
    assert steps_per_period(0.01, 0.002, "publish period") == 5
    assert steps_per_period(0.02, 0.01, "lockstep_period_s") == 2
    with pytest.raises(RosNodeError, match="lockstep_period_s .15 ms. must be a whole multiple"):
        steps_per_period(0.015, 0.01, "lockstep_period_s")


def test_sim_robot_config_checks_the_lockstep():
    SimRobotConfig(publish_clock=True, lockstep_period_s=0.02).check()
    with pytest.raises(RosNodeError, match="publish_clock: true"):
        SimRobotConfig(lockstep_period_s=0.02).check()
    with pytest.raises(RosNodeError, match="whole multiple"):
        SimRobotConfig(publish_clock=True, lockstep_period_s=0.025).check()


def test_excitation_samples_fall_due_exactly_on_clock_ticks(tmp_path):
    times = np.arange(6) / 50.0
    path = tmp_path / "t.npz"
    np.savez(path, times_s=times, joint_names=np.array(["panda_joint1"]),
             targets_rad=np.arange(6.0)[:, None], rate_hz=50.0)  # fmt: skip
    traj = ExcitationTrajectory.load(path)
    assert traj.sample(3 / 50)[0] == 3.0
    assert traj.sample(0.0599999999)[0] == 3.0  # a tick computed a hair early: still due
    assert traj.sample(0.0599)[0] == 2.0


def test_bringup_sim_time_makes_the_simulator_the_clock():
    cfg = BringupConfig(mode="calibration", sim_time=True, stop_when_done=True)
    params = {entry.name: p for entry, p in plan(cfg)}
    assert params["sim_robot"]["publish_clock"] is True
    assert "use_sim_time" not in params["sim_robot"]
    assert params["excitation"]["use_sim_time"] and params["recorder"]["use_sim_time"]
    override = dataclasses.replace(cfg, param=("sim_robot.publish_clock=false",))
    assert {e.name: p for e, p in plan(override)}["sim_robot"]["publish_clock"] is False
    with pytest.raises(RosNodeError, match="--sim-time applies to bringup calibration only"):
        plan(BringupConfig(mode="sim", sim_time=True))
    with pytest.raises(RosNodeError, match="--stop-when-done"):
        plan(BringupConfig(mode="robot", stop_when_done=True))
