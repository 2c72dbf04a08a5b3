"""The policy node's control tick, in process: on the timer the work of a reading is done when it
arrives and the tick only filters and publishes it; the reports keep coming whatever the ticks'
rhythm (nothing goes over DDS that a test reads: the node's callbacks are called directly, as
its executor would)."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest
from rclpy.parameter import Parameter
from sensor_msgs.msg import JointState

from skillbridge.ros_nodes.policy_node import PolicyNode
from skillbridge.ros_nodes.timing import RollingSamples

NAMES = [*(f"panda_joint{i}" for i in range(1, 8)), "panda_finger_joint1"]
HOME = [0.0, -0.785398, 0.0, -2.356194, 0.0, 1.570796, 0.785398, 0.04]


@pytest.fixture()
def node(ros_env, linear_policy):
    import rclpy

    context = rclpy.Context()
    rclpy.init(context=context)
    params = {
        "policy_path": str(linear_policy), "trigger": "timer", "prewarm_s": 0.0,
        "safety.fade_in_s": 0.0,
    }  # fmt: skip
    node = PolicyNode(
        context=context, parameter_overrides=[Parameter(k, value=v) for k, v in params.items()]
    )
    yield node
    node.destroy_node()
    context.try_shutdown()


def _reading(positions: list[float]) -> JointState:
    msg = JointState(name=NAMES, position=positions, velocity=[0.0] * len(NAMES))
    msg.header.stamp.sec = 1
    return msg


def _count_inferences(node: PolicyNode) -> list[int]:
    runtime, calls = node.runtime, [0]
    infer = runtime._infer

    def counted(*args):
        calls[0] += 1
        return infer(*args)

    runtime._infer = counted
    return calls


def test_a_control_tick_publishes_what_was_computed_when_the_reading_arrived(node):
    node.trigger_configure()
    node._on_joint_states(_reading(HOME))
    node.trigger_activate()
    assert node.lifecycle_state == "active"
    sent: list[JointState] = []
    node._cmd_pub.publish = sent.append
    calls = _count_inferences(node)

    moved = [q + 0.01 for q in HOME[:7]] + [HOME[7]]
    node._on_joint_states(_reading(moved))
    assert calls[0] == 1  # computed on arrival
    expected = node.runtime._rehearsed.result[0]
    node.inference_s = RollingSamples()
    held = node.runtime._rehearsed  # what the arrival's computation took, made recognizable
    node.runtime._rehearsed = dataclasses.replace(held, seconds=0.123)
    node.tick()
    assert calls[0] == 1  # the tick reused it
    assert node.inference_s.summary().max == pytest.approx(0.123)  # and reports its time
    np.testing.assert_allclose(sent[-1].position, node.safety.last_target)
    assert node.safety.limited_ticks or np.allclose(sent[-1].position, expected)

    node.tick()  # no newer reading: the last action changed, so this tick computes
    assert calls[0] == 2


def test_a_reading_that_cannot_be_computed_is_held_by_the_tick(node):
    node.trigger_configure()
    node._on_joint_states(_reading(HOME))
    node.trigger_activate()
    held = node.safety.last_target
    node._on_joint_states(_reading([float("nan"), *HOME[1:]]))  # no error in the callback
    node.tick()
    assert "nonfinite_observation" in node._hold_reasons
    np.testing.assert_allclose(node.safety.last_target, held)


def test_status_keeps_coming_when_ticks_outrun_the_warm_up(node):
    """Readings every 10 ms arm a warm-up (which sends the reports) that never gets to run here
    (nothing spins the executor): the ticks then send the status themselves."""
    node.set_parameters(
        [Parameter("trigger", value="joint_states"), Parameter("prewarm_s", value=0.0015)]
    )
    node.trigger_configure()
    node._on_joint_states(_reading(HOME))
    node.trigger_activate()
    statuses: list = []
    node._status_pub.publish = statuses.append
    for _ in range(40):
        node._on_joint_states(_reading(HOME))
        time.sleep(0.01)
    assert node.ticks == 40 and node._warm_timer is not None  # armed, never fired
    assert len(statuses) >= 2
