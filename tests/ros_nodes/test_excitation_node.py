"""The excitation player: NPZ layout checks, and the node playing it within the safety limits."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest
from ros_helpers import change_state, wait_for

from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.excitation import PANDA_JOINTS, PANDA_LOWER, ExcitationTrajectory

HOME = (0.0, -0.785398, 0.0, -2.356194, 0.0, 1.570796, 0.785398)


def _write(path, times, names, targets, rate=50.0):
    np.savez(path, times_s=times, joint_names=np.array(names), targets_rad=targets, rate_hz=rate)
    return path


def test_trajectory_is_held_between_samples_and_checked(tmp_path):
    times = np.arange(5) * 0.02
    targets = np.outer(np.arange(5), np.ones(2)) * 0.1
    traj = ExcitationTrajectory.load(
        _write(tmp_path / "t.npz", times, ["panda_joint1", "panda_joint2"], targets)
    )
    np.testing.assert_allclose(traj.sample(0.03), [0.1, 0.1])  # sample 1 held until 0.04
    np.testing.assert_allclose(traj.sample(9.0), [0.4, 0.4])
    with pytest.raises(RosNodeError, match="skillbridge calibrate excite"):
        ExcitationTrajectory.load(_write(tmp_path / "bad.npz", times, ["panda_joint1"], targets))


FR3 = [*(f"fr3_joint{i}" for i in range(1, 8)), "fr3_finger_joint1"]


@pytest.mark.parametrize("driver", ["contract_names", "franka_trajectory"])
def test_excitation_node_plays_through_the_safety_layer(start_node, probe, tmp_path, driver):
    """Also through a driver of its own names and a joint_trajectory_controller of the arm."""
    from sensor_msgs.msg import JointState
    from std_msgs.msg import String
    from trajectory_msgs.msg import JointTrajectory

    franka = driver == "franka_trajectory"
    names = FR3 if franka else list(PANDA_JOINTS)
    interface = (
        {
            "driver_joint_names": FR3,
            "command_joints": FR3[:7],
            "command_output": "joint_trajectory",
        }
        if franka
        else {}
    )

    times = np.arange(100) * 0.02
    wave = 0.3 * np.sin(2 * np.pi * 1.0 * times)
    targets = np.column_stack([wave, np.full(100, -3.5)])  # joint4 beyond its lower limit
    path = _write(tmp_path / "exc.npz", times, ["panda_joint1", "panda_joint4"], targets)
    start_node(
        "skillbridge.ros_nodes.excitation_node",
        "excitation",
        {
            "trajectory_path": str(path),
            "safety.fade_in_s": 0.0,
            "safety.max_speed_rad_s": 50.0,
            **interface,
        },
    )
    commands = probe.collect(JointTrajectory if franka else JointState, "joint_commands")
    status = probe.collect(String, "excitation_status")
    pub = probe.publisher(JointState, "joint_states")
    q = [*HOME, 0.04]

    def publish() -> None:
        pub.publish(JointState(name=names, position=q, velocity=[0.0] * 8))

    assert change_state(probe, "excitation", "configure")
    for _ in range(300):
        publish()
        if change_state(probe, "excitation", "activate"):
            break
    for _ in range(250):  # 2.5 s of readings at ~100 Hz (the trajectory lasts 2 s)
        publish()
        time.sleep(0.01)
    if franka:
        a = np.array([m.points[0].positions for _, m in commands])
        assert list(commands[-1][1].joint_names) == FR3[:7]
    else:
        a = np.array([m.position for _, m in commands])
        assert list(commands[-1][1].name) == names
    assert len(a) > 40
    assert a[:, 0].max() > 0.2 and a[:, 0].min() < -0.2  # joint 1 follows the wave
    assert np.all(a[:, 3] >= PANDA_LOWER[3])  # joint 4 clipped to its limit, never beyond
    np.testing.assert_allclose(a[:, 1], HOME[1])  # unexcited joints hold their measured value
    done = wait_for(lambda: status and json.loads(status[-1][1].data)["done"], 5, "done")
    assert done
