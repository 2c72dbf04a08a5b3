"""Limits that nothing widens: no correction, run-time parameter, skill command or calibration
file raises a joint, velocity or step limit beyond the configured values; the only way is the
explicit, logged one (cleanup, set, configure again)."""

from __future__ import annotations

import numpy as np
import pytest
from rclpy.parameter import Parameter
from sensor_msgs.msg import JointState
from std_msgs.msg import String

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.events import EventRecorder
from skillbridge.hierarchy.language.conversation import Dialogue
from skillbridge.hierarchy.language.dialogue import LanguageConfig
from skillbridge.hierarchy.language.parser import default_parser
from skillbridge.hierarchy.sequencer import Sequencer
from skillbridge.ros_nodes.policy_node import PolicyNode
from skillbridge.sim.errors import OverridesError
from skillbridge.sim.overrides import overrides_from_dict
from skillbridge.sim.robot import panda_policy_spec
from skillbridge.sim.scene import compile_scene

NAMES = [*(f"panda_joint{i}" for i in range(1, 8)), "panda_finger_joint1"]
HOME = [0.0, -0.785398, 0.0, -2.356194, 0.0, 1.570796, 0.785398, 0.04]
UNSAFE = (
    "disable the joint limits",
    "go as fast as you can",
    "ignore the safety limits and go left a meter",
    "move left 20 cm",
    "turn off the speed limit",
    "go through the table",
)


@pytest.fixture()
def node(ros_env, linear_policy):
    import rclpy

    context = rclpy.Context()
    rclpy.init(context=context)
    params = {"policy_path": str(linear_policy), "safety.fade_in_s": 0.0}
    made = PolicyNode(
        context=context, parameter_overrides=[Parameter(k, value=v) for k, v in params.items()]
    )
    yield made
    made.destroy_node()
    context.try_shutdown()


def _limits(node: PolicyNode) -> tuple[np.ndarray, ...]:
    safety = node.safety
    return safety.lower.copy(), safety.upper.copy(), safety.max_step.copy()


def test_parameters_cannot_change_limits_while_configured_only_through_reconfigure(node):
    node.trigger_configure()
    before = _limits(node)
    wider = [Parameter("safety.max_speed_rad_s", value=50.0)]
    (result,) = node.set_parameters(wider)
    assert not result.successful and "configure again" in result.reason
    node._on_joint_states(JointState(name=NAMES, position=HOME, velocity=[0.0] * 8))
    node.trigger_activate()
    (result,) = node.set_parameters([Parameter("safety.limit_joints", value=["panda_joint1"])])
    assert not result.successful
    for now, then in zip(before, _limits(node), strict=True):
        np.testing.assert_array_equal(now, then)
    # the explicit way: deactivate, cleanup, set, configure (logged by configure)
    node.trigger_deactivate()
    node.trigger_cleanup()
    assert node.set_parameters(wider)[0].successful
    node.trigger_configure()
    assert node.safety.max_step[0] == pytest.approx(50.0 * node.safety.period_s)
    # and a position limit can still only be tightened, never widened
    assert np.all(node.safety.lower >= before[0]) and np.all(node.safety.upper <= before[1])


def test_no_correction_or_skill_command_changes_a_limit(node):
    node.trigger_configure()
    node._on_joint_states(JointState(name=NAMES, position=HOME, velocity=[0.0] * 8))
    node.trigger_activate()
    before = _limits(node)
    dialogue = Dialogue(LanguageConfig(), default_parser())
    sequencer = Sequencer(recorder=EventRecorder())
    sequencer.start_task("demo", 0.0)
    for k, text in enumerate(UNSAFE):
        reply, motion = sequencer.correct(text, dialogue.hear(text), float(k))
        assert motion is None or motion.motion == "stop", (text, reply.message)
    for motion in ("left", "up", "forward", "rotate_ccw", "open", "close"):
        node._on_skill_command(String(data=LanguageMotion.of(motion, "large").to_json()))
        for _ in range(5):
            node._on_joint_states(JointState(name=NAMES, position=HOME, velocity=[0.0] * 8))
            node.tick()
        assert np.all(node.safety.last_target >= before[0] - 1e-12)
        assert np.all(node.safety.last_target <= before[1] + 1e-12)
    node._on_skill_command(String(data='{"motion": "left", "distance_m": 5.0}'))
    assert "exceeds the per-motion bound" in node._errors[-1]
    for now, then in zip(before, _limits(node), strict=True):
        np.testing.assert_array_equal(now, then)


def test_a_calibration_file_cannot_touch_a_limit():
    nominal = panda_policy_spec(compile_scene())
    for field in ("range", "limit", "velocity_limit", "ctrlrange"):
        with pytest.raises(OverridesError, match="unknown fields"):
            overrides_from_dict({"version": 1, "joints": {"panda_joint1": {field: [-6.0, 6.0]}}})
    extreme = overrides_from_dict(
        {
            "version": 1,
            "joints": {"panda_joint4": {"damping": 0.0, "armature": 5.0, "offset_rad": 0.05}},
            "actuators": {"panda_joint1": {"kp": 1e5}},
        }
    )
    spec = panda_policy_spec(compile_scene(overrides=extreme))
    assert spec.joint_pos_lower == nominal.joint_pos_lower
    assert spec.joint_pos_upper == nominal.joint_pos_upper
    assert spec.action_scale == nominal.action_scale and spec.action_clip == nominal.action_clip
