"""Recordings: real MCAP bags and NPZ files -> aligned trajectories; malformed inputs fail clearly."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from skillbridge.calibration.bag import read_bag, write_bag
from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.recording import (
    align,
    command_phase,
    load_trajectory,
    read_npz,
    save_npz,
)
from skillbridge.calibration.samples import JointSamples, RawRecording
from skillbridge.sim.scene import ARM_JOINTS


def _column(samples: JointSamples, joint: str) -> np.ndarray:
    return samples.position[:, samples.names.index(joint)]


def test_bag_round_trip_matches_joints_by_name(raw_log, bag_path):
    back = read_bag(bag_path)
    assert back.states.names == raw_log.states.names != ARM_JOINTS  # shuffled order survives
    np.testing.assert_allclose(back.states.times_s, raw_log.states.times_s, atol=1e-9)
    np.testing.assert_array_equal(back.states.position, raw_log.states.position)
    np.testing.assert_array_equal(back.commands.position, raw_log.commands.position)
    assert len(back.sha256) == 64
    order = ARM_JOINTS[::-1]
    traj = align(back, order, rate_hz=50.0)
    assert traj.joint_names == order
    np.testing.assert_allclose(traj.command_rad[:, 0], _column(raw_log.commands, order[0]))
    np.testing.assert_allclose(traj.position_rad[:, 2], _column(raw_log.states, order[2]))
    assert traj.times_s[0] == 0.0 and np.allclose(np.diff(traj.times_s), 0.02)


def test_namespaced_topics_match_by_suffix_or_by_name(raw_log, tmp_path):
    path = tmp_path / "ns.mcap"
    write_bag(raw_log, path, "/panda/joint_states", "/panda/joint_commands")
    assert read_bag(path).states.names == raw_log.states.names
    explicit = read_bag(
        path, states_topic="panda/joint_states", commands_topic="/panda/joint_commands"
    )
    assert explicit.commands.names == raw_log.commands.names


def test_missing_topic_lists_the_topics_the_bag_has(raw_log, tmp_path):
    path = tmp_path / "renamed.mcap"
    write_bag(raw_log, path, "/joint_states", "/arm/position_targets")
    with pytest.raises(CalibrationError, match="no topic 'joint_commands'") as err:
        read_bag(path)
    assert "/arm/position_targets (sensor_msgs/msg/JointState)" in str(err.value)
    assert "--commands-topic" in str(err.value)


def _drop_joint(samples: JointSamples, joint: str) -> JointSamples:
    keep = [i for i, n in enumerate(samples.names) if n != joint]
    velocity = samples.velocity[:, keep] if samples.has_velocity else samples.velocity
    return JointSamples(
        samples.times_s, tuple(samples.names[i] for i in keep), samples.position[:, keep], velocity
    )


def test_missing_joint_is_named_with_the_joints_present(raw_log):
    raw = dataclasses.replace(raw_log, states=_drop_joint(raw_log.states, "panda_joint4"))
    with pytest.raises(CalibrationError, match="joint_states has no joint 'panda_joint4'") as err:
        align(raw, ARM_JOINTS)
    assert "panda_joint7" in str(err.value) and "joints present" in str(err.value)


def _first_samples(raw: RawRecording, n: int) -> RawRecording:
    def cut(s: JointSamples) -> JointSamples:
        return JointSamples(s.times_s[:n], s.names, s.position[:n], s.velocity[:n])

    return dataclasses.replace(raw, states=cut(raw.states), commands=cut(raw.commands))


def test_too_short_says_how_long_to_record(raw_log):
    with pytest.raises(CalibrationError, match=r"only 1\.98 s.*at least 4\.0 s"):
        align(_first_samples(raw_log, 100), ARM_JOINTS)


def test_too_still_is_refused(raw_log):
    held = raw_log.commands.position[:1].repeat(len(raw_log.commands.times_s), axis=0)
    commands = dataclasses.replace(raw_log.commands, position=held)
    with pytest.raises(CalibrationError, match="too still to identify anything"):
        align(dataclasses.replace(raw_log, commands=commands), ARM_JOINTS)


def test_nan_sample_names_joint_and_time(raw_log):
    position = raw_log.states.position.copy()
    position[250, raw_log.states.names.index("panda_joint2")] = np.nan
    states = dataclasses.replace(raw_log.states, position=position)
    with pytest.raises(CalibrationError, match=r"position of panda_joint2 is nan at sample 250"):
        align(dataclasses.replace(raw_log, states=states), ARM_JOINTS)


def test_timestamps_going_backwards_are_refused(raw_log):
    times = raw_log.states.times_s.copy()
    times[300] = times[298]
    states = dataclasses.replace(raw_log.states, times_s=times)
    with pytest.raises(CalibrationError, match="do not increase at sample 300.*--time-source"):
        align(dataclasses.replace(raw_log, states=states), ARM_JOINTS)


def test_npz_round_trip_and_missing_velocities(raw_log, tmp_path):
    path = tmp_path / "log.npz"
    save_npz(raw_log, path)
    back = read_npz(path)
    np.testing.assert_array_equal(back.states.position, raw_log.states.position)
    assert back.commands.names == raw_log.commands.names
    traj = load_trajectory(path, ARM_JOINTS)
    assert not traj.velocity_from_positions
    no_vel = dataclasses.replace(
        raw_log,
        states=dataclasses.replace(
            raw_log.states, velocity=np.zeros((len(back.states.times_s), 0))
        ),
    )
    derived = align(no_vel, ARM_JOINTS)
    assert derived.velocity_from_positions
    assert np.abs(derived.velocity_rad_s - traj.velocity_rad_s).max() < 0.05


def test_npz_without_required_keys_says_which(tmp_path):
    path = tmp_path / "bad.npz"
    np.savez(path, state_times_s=np.arange(3.0))
    with pytest.raises(CalibrationError, match="lacks.*command_times_s"):
        read_npz(path)


def test_unknown_file_type_is_refused(tmp_path):
    path = tmp_path / "log.bag"
    path.write_bytes(b"ros1")
    with pytest.raises(CalibrationError, match=r"\.mcap.*\.npz"):
        load_trajectory(path, ARM_JOINTS)


def test_jittered_command_stamps_keep_one_command_per_grid_time(raw_log):
    """A wall-clock controller ticks with jitter and its own phase: commands stamped up to 5 ms
    either side of the 50 Hz ticks, which sit 7 ms after the states' grid. The grid follows the
    commands' phase and takes each tick's command, as for the exact log."""
    rng = np.random.default_rng(0)
    times = raw_log.commands.times_s
    shifted = times + 0.007
    jittered = shifted + rng.uniform(-0.005, 0.005, len(times))
    exact = align(_with_command_times(raw_log, shifted), ARM_JOINTS)
    traj = align(_with_command_times(raw_log, jittered), ARM_JOINTS)
    start = jittered[0] + command_phase(jittered, jittered[0], 0.02)  # the first grid time
    skip = int(round((start - shifted[0]) / 0.02))  # whole ticks after the exact log's start
    assert abs(start - shifted[0] - 0.02 * skip) < 0.001  # on the ticks (jitter averages out)
    n = len(traj.times_s)
    assert skip in (0, 1) and n >= len(exact.times_s) - 2
    np.testing.assert_array_equal(traj.command_rad, exact.command_rad[skip : skip + n])
    assert command_phase(shifted, 0.0, 0.02) == pytest.approx(0.007)
    assert command_phase(times, 0.0, 0.02) == 0.0  # on the grid: no shift at all


def _with_command_times(raw, times):
    return dataclasses.replace(raw, commands=dataclasses.replace(raw.commands, times_s=times))
