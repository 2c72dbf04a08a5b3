"""The fit's batched replay agrees with the simulator: fields, delays, offsets, trajectories."""

from __future__ import annotations

import copy
import dataclasses

import mujoco
import numpy as np
import pytest

from skillbridge.calibration.fit import FitOptions, _build
from skillbridge.calibration.problem import (
    Problem,
    delay_of_steps,
    history_periods,
    steps_of_delay,
)
from skillbridge.calibration.recording import align
from skillbridge.calibration.replay import (
    WRITTEN_FIELDS,
    ArmIndex,
    ModelWriter,
    Replayer,
    initial_state,
    replay_model,
)
from skillbridge.calibration.synthetic import synthesize
from skillbridge.sim.overrides import ModelOverrides, apply_overrides
from skillbridge.sim.scene import ARM_JOINTS, compile_scene

TRUTH = ModelOverrides(
    joints={
        "panda_joint2": {"armature": 0.2, "damping": 3.0, "frictionloss": 0.3, "offset_rad": 0.01},
        "panda_joint6": {"offset_rad": -0.02, "damping": 2.0},
    },
    actuators={"panda_joint2": {"kp": 4000.0, "kv": 400.0}, "panda_actuator6": {"kp": 2200.0}},
    command_delay_s=0.009,
)


def _array_fields(model: mujoco.MjModel) -> dict[str, np.ndarray]:
    return {
        name: getattr(model, name).copy()
        for name in dir(model)
        if not name.startswith("_") and isinstance(getattr(model, name), np.ndarray)
    }


def test_writer_touches_exactly_what_apply_overrides_writes():
    model = replay_model()
    before = _array_fields(model)
    reference = copy.copy(model)
    apply_overrides(reference, TRUTH)
    changed = {n for n, v in _array_fields(reference).items() if not np.array_equal(v, before[n])}
    assert changed <= set(WRITTEN_FIELDS), changed - set(WRITTEN_FIELDS)
    fields = ModelWriter(model).fields(TRUTH)
    for name in WRITTEN_FIELDS:
        np.testing.assert_array_equal(fields[name], getattr(reference, name), err_msg=name)
    scene = compile_scene(overrides=TRUTH)
    for name in WRITTEN_FIELDS:
        np.testing.assert_array_equal(fields[name], getattr(scene, name), err_msg=name)


@pytest.mark.parametrize("steps", [0, 1, 2, 5, 7])
def test_delay_of_steps_makes_mujoco_apply_exactly_that_many_steps(steps):
    model = replay_model()
    idx = ArmIndex.of(model)
    model.actuator_delay[:] = delay_of_steps(steps, model.opt.timestep)
    assert steps_of_delay(model.actuator_delay[0], model.opt.timestep) == steps
    q0 = np.array([0.0, -0.785, 0.0, -2.356, 0.0, 1.571, 0.785])
    data = mujoco.MjData(model)
    state = initial_state(
        model,
        position_rad=q0,
        velocity_rad_s=np.zeros(7),
        past_commands_rad=q0[None],
        finger_m=0.04,
        substeps=10,
    )
    mujoco.mj_setState(model, data, state, mujoco.mjtState.mjSTATE_FULLPHYSICS)
    act, gain = idx.ctrl[6], model.actuator_gainprm[idx.ctrl[6], 0]
    data.ctrl[idx.ctrl] = q0
    applied = []
    for k in range(20):
        if k == 3:
            data.ctrl[act] = q0[6] + 1e-3
        mujoco.mj_forward(model, data)  # force = kp * (applied ctrl) + bias(q, qdot)
        bias = model.actuator_biasprm[act]
        q, v = data.qpos[idx.qpos[6]], data.qvel[idx.dof[6]]
        applied.append((data.actuator_force[act] - bias[1] * q - bias[2] * v) / gain - q0[6])
        mujoco.mj_step(model, data)
    first = int(np.argmax(np.array(applied) > 5e-4))
    assert first - 3 == steps


def test_replay_reproduces_the_generator(excitation):
    """Independent paths: ``synthesize`` (plain mj_step on compile_scene, contacts on) and the
    fit's batch replay from a recorded mid-log state, with offsets, delay and friction."""
    traj = align(synthesize(excitation, TRUTH), ARM_JOINTS)
    model = replay_model()
    start, length = 200, 150
    state = initial_state(
        model,
        position_rad=traj.position_rad[start],
        velocity_rad_s=traj.velocity_rad_s[start],
        past_commands_rad=traj.command_rad[start - 5 : start],
        finger_m=traj.finger_m,
        substeps=10,
    )
    pos, vel, failed = Replayer(model, nthread=2).run(
        [(TRUTH, 0.0), (ModelOverrides(), 0.0)],
        [state, state],
        [traj.command_rad[start : start + length]] * 2,
        traj.finger_m,
        10,
    )
    assert not failed.any()
    measured = traj.position_rad[start + 1 : start + length + 1]
    np.testing.assert_allclose(pos[0], measured, atol=1e-7)
    np.testing.assert_allclose(
        vel[0], traj.velocity_rad_s[start + 1 : start + length + 1], atol=1e-5
    )
    assert np.abs(pos[1] - measured).max() > 1e-3  # the nominal model is visibly off


def test_payload_adds_mass_at_the_hand():
    model = replay_model()
    hand = model.body("panda_hand").id
    fields = ModelWriter(model).fields(ModelOverrides(), payload_kg=0.5)
    assert fields["body_mass"][hand] == pytest.approx(model.body_mass[hand] + 0.5)
    others = np.delete(np.arange(model.nbody), hand)
    np.testing.assert_array_equal(fields["body_mass"][others], model.body_mass[others])


def test_first_segment_starts_once_the_command_history_is_recorded(excitation):
    """A log that begins mid-motion (here: commands recorded from 2 s on, as when a recorder
    or an excitation starts while the robot holds another target): what was commanded before
    the first recorded command is unknown, so the first segment starts ``history_periods``
    samples in and replays exactly; starting at sample 0 would guess that history."""
    raw = synthesize(excitation, TRUTH)
    keep = raw.commands.times_s >= 2.0
    late_start = dataclasses.replace(
        raw,
        commands=dataclasses.replace(
            raw.commands,
            times_s=raw.commands.times_s[keep],
            position=raw.commands.position[keep],
            velocity=raw.commands.velocity[keep],
        ),
    )
    traj = align(late_start, ARM_JOINTS)
    options = FitOptions(fields=("armature",), joints=("panda_joint2",), initial=TRUTH)
    problem, _ = _build(traj, options)
    first = history_periods(problem.model, problem.substeps)
    assert first == 6  # 42 history samples of 2 ms -> ceil(42 / 10) + 1 periods of 20 ms
    assert problem.segments.starts[0] == first
    steps = steps_of_delay(TRUTH.command_delay_s, problem.dt_s)
    every = np.arange(len(problem.segments.starts))
    pos, _ = problem.simulate(problem.x0, steps, every)
    np.testing.assert_allclose(pos, problem.measured(every)[0], atol=1e-7)

    guessed = dataclasses.replace(problem.segments, starts=problem.segments.starts - first)
    blind = Problem(
        traj=traj, model=problem.model, specs=problem.specs, base=TRUTH, segments=guessed,
        weights=problem.weights, nthread=2,
    )  # fmt: skip
    pos, _ = blind.simulate(blind.x0, steps, every[:1])
    assert np.abs(pos - blind.measured(every[:1])[0]).max() > 1e-5
