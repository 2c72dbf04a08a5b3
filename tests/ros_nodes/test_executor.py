"""The executor a node process spins on: a timer on the simulated clock runs once per instant,
even when ``/clock`` updates arrive faster than the executor serves them (under load they do).

Real rclpy, real DDS over loopback; publisher and timer node share this process because the
property under test is the executor's dispatch, not the transport.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from builtin_interfaces.msg import Time
from rclpy.parameter import Parameter
from rosgraph_msgs.msg import Clock

from skillbridge.ros_nodes.process import make_executor, uses_sim_time

PERIOD_NS = 20_000_000
CLOCK_STEP_NS = 2_000_000


@pytest.fixture()
def context(ros_env):
    import rclpy

    ctx = rclpy.Context()
    rclpy.init(context=ctx)
    yield ctx
    ctx.try_shutdown()


def _clock(ns: int) -> Clock:
    return Clock(clock=Time(sec=ns // 1_000_000_000, nanosec=ns % 1_000_000_000))


def _spin_for(executor, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        executor.spin_once(timeout_sec=0.01)


def test_a_sim_time_timer_runs_once_per_instant_when_clock_updates_pile_up(context):
    import rclpy

    source = rclpy.create_node("clock_source", context=context)
    clock_pub = source.create_publisher(Clock, "/clock", 10)
    node = rclpy.create_node(
        "ticker", context=context, parameter_overrides=[Parameter("use_sim_time", value=True)]
    )
    assert uses_sim_time([source, node]) and not uses_sim_time([source])
    executor = make_executor(sim_time=True, context=context)
    executor.add_node(node)
    sim_ns = 1_000_000_000
    clock_pub.publish(_clock(sim_ns))
    _spin_for(executor, 1.0)  # discovery, and the node's clock on simulated time
    calls: list[int] = []
    node.create_timer(PERIOD_NS / 1e9, lambda: calls.append(node.get_clock().now().nanoseconds))
    for i in range(1500):  # 3 s of simulated time; the executor serves every third update
        sim_ns += CLOCK_STEP_NS
        clock_pub.publish(_clock(sim_ns))
        if i % 3 == 0:
            executor.spin_once(timeout_sec=0.001)
    _spin_for(executor, 0.5)
    executor.shutdown()
    node.destroy_node()
    source.destroy_node()
    gaps = np.diff(calls)
    assert len(calls) >= 100, f"the timer ran {len(calls)} times over 150 periods"
    assert (gaps > 0).all(), f"{int((gaps <= 0).sum())} calls repeated a clock instant"
