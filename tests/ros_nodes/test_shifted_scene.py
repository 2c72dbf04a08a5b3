"""The correction experiment's scene over ROS: the sim robot places and turns the cube where its
parameters say (at start-up and at ``reset_scene``), and the skill manager's ``cube_bias_m``
shifts the cube the high level sees, and records, by exactly the bias."""

from __future__ import annotations

import json
import math
import time

import numpy as np
import pytest
from ros_helpers import ROOT, wait_for

from skillbridge.hierarchy.observation import OBS_NAMES

HIGH_LEVEL = ROOT / "models" / "high_level.onnx"
COLUMN = {name: i for i, name in enumerate(OBS_NAMES)}


def _yaw_of(msg) -> float:
    q = msg.pose.orientation  # a turn about +z: (0, 0, sin(yaw/2), cos(yaw/2))
    return 2.0 * math.atan2(q.z, q.w)


def test_reset_scene_places_and_turns_the_cube(start_node, probe):
    from geometry_msgs.msg import PoseStamped
    from rcl_interfaces.srv import SetParameters
    from rclpy.parameter import Parameter
    from std_srvs.srv import Trigger

    poses = probe.collect(PoseStamped, "objects/cube/pose")
    start_node(
        "skillbridge.ros_nodes.sim_robot_node",
        "sim_robot",
        {"cube_xy": [0.45, -0.1], "cube_yaw_rad": 0.3},
    )
    first = wait_for(lambda: poses and poses[-1][1], 30, "the cube's pose")
    assert (first.pose.position.x, first.pose.position.y) == pytest.approx((0.45, -0.1), abs=1e-3)
    assert _yaw_of(first) == pytest.approx(0.3, abs=1e-3)

    request = SetParameters.Request()
    values = {"cube_xy": [0.55, 0.12], "cube_yaw_rad": -0.5}
    request.parameters = [Parameter(k, value=v).to_parameter_msg() for k, v in values.items()]
    assert all(r.successful for r in probe.call(SetParameters, "/sim_robot/set_parameters",
                                                request).results)  # fmt: skip
    assert probe.call(Trigger, "reset_scene", Trigger.Request()).success
    moved = wait_for(
        lambda: poses and abs(poses[-1][1].pose.position.x - 0.55) < 1e-3 and poses[-1][1],
        10,
        "the cube at its new place",
    )
    assert moved.pose.position.y == pytest.approx(0.12, abs=1e-3)
    assert _yaw_of(moved) == pytest.approx(-0.5, abs=1e-3)


@pytest.mark.skipif(not HIGH_LEVEL.is_file(), reason="models/high_level.onnx is needed")
def test_the_skill_manager_sees_the_cube_shifted_by_its_bias(start_node, probe):
    """A correction is recorded with what the high level saw: the true cube plus the bias (the
    pad is unbiased); the quarter-turn heading features are the cube's own."""
    from std_msgs.msg import String

    from skillbridge.ros_nodes.messages import EVENTS_QOS

    events: list = []
    with probe.lock:
        probe.node.create_subscription(
            String, "language_events", lambda m: events.append(json.loads(m.data)), EVENTS_QOS
        )
    start_node(
        "skillbridge.ros_nodes.sim_robot_node",
        "sim_robot",
        {"cube_xy": [0.5, 0.1], "cube_yaw_rad": 0.2, "pad_xy": [0.45, -0.15]},
    )
    start_node(
        "skillbridge.ros_nodes.skill_manager_node",
        "skill_manager",
        {
            "high_level": "learned",
            "high_level_path": str(HIGH_LEVEL),
            "task": "put the cube on the pad",
            "cube_bias_m": [0.0, 0.03, -0.01],
        },
    )
    say = probe.publisher(String, "correction")

    def recorded():
        say.publish(String(data="move left a little"))
        time.sleep(0.5)
        return next((e for e in list(events) if e["type"] == "correction" and e["obs"]), None)

    event = wait_for(recorded, 60, "a correction recorded with the high level's view")
    obs, c = event["obs"], COLUMN
    assert obs[c["cube_x"]] == pytest.approx(0.5, abs=1e-3)
    assert obs[c["cube_y"]] == pytest.approx(0.1 + 0.03, abs=1e-3)
    assert obs[c["cube_z"]] == pytest.approx(0.025 - 0.01, abs=1e-3)  # resting: half its size
    assert (obs[c["pad_x"]], obs[c["pad_y"]]) == pytest.approx((0.45, -0.15), abs=1e-3)
    heading = math.atan2(obs[c["cube_yaw4_sin"]], obs[c["cube_yaw4_cos"]]) / 4
    assert heading == pytest.approx(0.2, abs=1e-3)
    tool = np.array(obs[0:3])
    assert obs[c["cube_rel_y"]] == pytest.approx(0.13 - tool[1], abs=1e-3)


def test_a_bias_that_is_not_three_numbers_is_refused(start_node):
    manager = start_node(
        "skillbridge.ros_nodes.skill_manager_node", "skill_manager", {"cube_bias_m": [0.0, 0.03]}
    )
    wait_for(lambda: manager.proc.poll() is not None, 60, "the skill manager to exit")
    assert manager.proc.returncode != 0
    assert "cube_bias_m takes three finite numbers [x, y, z]" in manager.log()
