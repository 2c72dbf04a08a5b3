"""The policy node's control tick, in process: what a tick publishes, in each driver interface
(the node's callbacks are called directly, as its executor would; nothing a test reads goes over
DDS here: the cross-process tests are in test_policy_node.py)."""

from __future__ import annotations

import numpy as np
import pytest
from rclpy.parameter import Parameter
from sensor_msgs.msg import JointState
from std_msgs.msg import Float64MultiArray
from trajectory_msgs.msg import JointTrajectory

from skillbridge.ros_nodes.policy_node import PolicyNode

NAMES = [*(f"panda_joint{i}" for i in range(1, 8)), "panda_finger_joint1"]
FR3 = [*(f"fr3_joint{i}" for i in range(1, 8)), "fr3_finger_joint1"]
HOME = [0.0, -0.785398, 0.0, -2.356194, 0.0, 1.570796, 0.785398, 0.04]


@pytest.fixture()
def make_node(ros_env, linear_policy):
    import rclpy

    made = []

    def make(**extra) -> PolicyNode:
        context = rclpy.Context()
        rclpy.init(context=context)
        params = {"policy_path": str(linear_policy), "safety.fade_in_s": 0.0, **extra}
        node = PolicyNode(
            context=context,
            parameter_overrides=[Parameter(k, value=v) for k, v in params.items()],
        )
        made.append((node, context))
        return node

    yield make
    for node, context in made:
        node.destroy_node()
        context.try_shutdown()


def _reading(positions: list[float], names: list[str] = NAMES) -> JointState:
    msg = JointState(name=names, position=positions, velocity=[0.0] * len(names))
    msg.header.stamp.sec = 1
    return msg


def _active(node: PolicyNode, names: list[str] = NAMES) -> list:
    node.trigger_configure()
    node._on_joint_states(_reading(HOME, names))
    node.trigger_activate()
    assert node.lifecycle_state == "active", node.last_error
    sent: list = []
    node._cmd_pub.publish = sent.append
    return sent


def test_a_tick_publishes_the_runtime_targets_through_the_safety_layer(make_node):
    node = make_node()
    sent = _active(node)
    moved = [q + 0.01 for q in HOME[:7]] + [HOME[7]]
    node._on_joint_states(_reading(moved))
    expected = node.runtime.step(node._state)[0]  # what the tick's own step will compute
    node.runtime.reset(node._state, 0.0)
    node.tick()
    assert isinstance(sent[-1], JointState) and list(sent[-1].name) == NAMES
    np.testing.assert_allclose(sent[-1].position, node.safety.last_target)
    assert node.safety.limited_ticks or np.allclose(sent[-1].position, expected, atol=1e-6)
    assert sent[-1].header.stamp.sec == 1  # the reading's stamp


def test_a_reading_that_cannot_be_computed_is_held_by_the_tick(make_node):
    node = make_node()
    _active(node)
    held = node.safety.last_target
    node._on_joint_states(_reading([float("nan"), *HOME[1:]]))  # no error in the callback
    node.tick()
    assert "nonfinite_observation" in node._hold_reasons
    np.testing.assert_allclose(node.safety.last_target, held)


def test_driver_joint_names_map_readings_in_and_commands_out(make_node):
    """A franka_ros2-style driver: its own names in joint_states, the commands under them, and
    a forward command controller of the arm joints only, listed in its own order."""
    arm_reversed = FR3[6::-1]
    node = make_node(
        driver_joint_names=FR3, command_joints=arm_reversed, command_output="forward_command"
    )
    sent = _active(node, FR3)
    node.tick()
    msg = sent[-1]
    assert isinstance(msg, Float64MultiArray) and len(msg.data) == 7
    np.testing.assert_allclose(msg.data, node.safety.last_target[6::-1])
    node._on_joint_states(_reading(HOME, NAMES))  # the contract's names: not this driver
    assert "fr3_joint1" in node._errors[-1]


def test_a_trajectory_controller_gets_one_point_a_control_period_ahead(make_node):
    node = make_node(command_output="joint_trajectory")
    sent = _active(node)
    node.tick()
    msg = sent[-1]
    assert isinstance(msg, JointTrajectory) and list(msg.joint_names) == NAMES
    (point,) = msg.points
    np.testing.assert_allclose(point.positions, node.safety.last_target)
    period_ns = point.time_from_start.sec * 10**9 + point.time_from_start.nanosec
    assert period_ns == pytest.approx(node.safety.period_s * 1e9)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"driver_joint_names": FR3[:7]}, "7 names but the policy has 8"),
        ({"command_joints": ["fr3_joint1"]}, "unknown: ['fr3_joint1']"),
        ({"command_output": "effort"}, "valid: ['joint_state'"),
    ],
)
def test_a_wrong_driver_interface_fails_configure_with_the_reason(make_node, params, message):
    node = make_node(**params)
    node.trigger_configure()
    assert node.lifecycle_state == "unconfigured"
    assert message in node.last_error


def test_a_tick_queued_before_deactivate_does_nothing(make_node):
    """deactivate destroys the timer, but a tick the executor had already taken still runs (the
    node crashed on it once, in the SafetyLayer, between two episodes of hierarchy_ros)."""
    node = make_node()
    sent = _active(node)
    node.trigger_deactivate()
    assert node.lifecycle_state == "inactive"
    held = len(sent)
    node.tick()  # must neither raise nor command the arm
    assert len(sent) == held
