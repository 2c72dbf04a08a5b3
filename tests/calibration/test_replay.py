"""The fit's batched replay agrees with the simulator: fields, delays, offsets, trajectories."""

from __future__ import annotations

import copy
import dataclasses

import mujoco
import numpy as np
import pytest

from skillbridge.calibration.fit import FitOptions, build_problem
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
    delayed_controls,
    initial_state,
    replay_model,
    state_at,
)
from skillbridge.calibration.synthetic import synthesize
from skillbridge.sim.overrides import ModelOverrides, apply_overrides
from skillbridge.sim.scene import ARM_JOINTS, CUBE_BODY, build_scene_spec, compile_scene

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
    state = state_at(model, traj, start, history=5, substeps=10)
    # MuJoCo's delay of 9 ms acts as ceil(9 / 2) = 5 steps: a lag of 10 ms in the replay's terms
    lag = dataclasses.replace(TRUTH, command_delay_s=5 * model.opt.timestep)
    pos, vel, failed = Replayer(model, nthread=2).run(
        [(lag, 0.0), (ModelOverrides(), 0.0)],
        [state, state],
        [traj.command_rad[start - 5 : start + length]] * 2,
        traj.finger_m,
        10,
        history=5,
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
    # MuJoCo's 9 ms act as 5 steps: the replay's lag of 10 ms
    lag = dataclasses.replace(TRUTH, command_delay_s=0.010)
    options = FitOptions(
        fields=("armature",), joints=("panda_joint2",), initial=lag, fit_delay=False
    )
    problem, _ = build_problem(traj, options)
    first = history_periods(problem.model, problem.substeps)
    assert first == 6  # 42 history samples of 2 ms -> ceil(42 / 10) + 1 periods of 20 ms
    assert problem.segments.starts[0] == first
    every = np.arange(len(problem.segments.starts))
    pos, _ = problem.simulate(problem.x0, every)
    np.testing.assert_allclose(pos, problem.measured(every)[0], atol=1e-7)

    guessed = dataclasses.replace(problem.segments, starts=problem.segments.starts - first)
    blind = Problem(
        traj=traj, model=problem.model, specs=problem.specs, base=lag, segments=guessed,
        weights=problem.weights, nthread=2,
    )  # fmt: skip
    pos, _ = blind.simulate(blind.x0, every[:1])
    assert np.abs(pos - blind.measured(every[:1])[0]).max() > 1e-5


def test_delayed_controls_blend_a_switch_by_the_fraction_of_the_step_after_it():
    """Commands every 20 ms (10 steps of 2 ms), two rows of history; delays 3 ms and 4.5 ms."""
    commands = np.array([[0.0], [0.0], [1.0], [2.0]])  # row 2 is stamped t = 0
    got = delayed_controls(commands, 2, np.array([0.003, 0.0045]), 0.02, 0.002, 14)[..., 0]
    # 3 ms: step [2, 4) ms sees command 1 from 3 ms on, half the step
    np.testing.assert_allclose(got[0, :3], [0.0, 0.5, 1.0])
    # 4.5 ms: step [4, 6) ms has it for 1.5 of 2 ms; command 2 from 24.5 ms, in step [24, 26)
    np.testing.assert_allclose(got[1, :4], [0.0, 0.0, 0.75, 1.0])
    np.testing.assert_allclose(got[1, 11:14], [1.0, 1.75, 2.0])


def test_a_whole_step_delay_replays_mujocos_delay_and_a_fraction_lies_between(excitation):
    """4 steps of lag in the replay reproduce MuJoCo's actuator delay of 4 steps (synthesize);
    a lag of 4.5 steps lands between the replays at 4 and 5 steps, near their mean."""
    truth = dataclasses.replace(TRUTH, command_delay_s=delay_of_steps(4, 0.002))
    traj = align(synthesize(excitation, truth), ARM_JOINTS)
    model = replay_model()
    start, length, history = 200, 150, 5
    state = state_at(model, traj, start, history, substeps=10)
    lags = [dataclasses.replace(truth, command_delay_s=d) for d in (0.008, 0.009, 0.010)]
    pos, _, failed = Replayer(model, nthread=2).run(
        [(lag, 0.0) for lag in lags],
        [state] * 3,
        [traj.command_rad[start - history : start + length]] * 3,
        traj.finger_m,
        10,
        history=history,
    )
    assert not failed.any()
    np.testing.assert_allclose(
        pos[0], traj.position_rad[start + 1 : start + length + 1], atol=1e-7
    )
    spread = np.abs(pos[2] - pos[0]).max()
    assert spread > 1e-4
    assert np.abs(pos[1] - 0.5 * (pos[0] + pos[2])).max() < 0.1 * spread


def test_the_replay_model_moves_exactly_like_the_scene_with_contacts_off(excitation):
    """The replay model leaves out sensors and the geoms (and meshes) of the world and of bodies
    with explicit inertials; every mass property and every replayed sample stay the same, to
    the bit, as with the whole scene."""
    spec = build_scene_spec()
    spec.option.disableflags |= int(mujoco.mjtDisableBit.mjDSBL_CONTACT)
    spec.body(CUBE_BODY).gravcomp = 1.0
    whole = spec.compile()
    model = replay_model()
    assert model.ngeom < whole.ngeom // 4 and model.nmesh == 0
    for name in ("body_mass", "body_inertia", "body_ipos", "body_iquat", "dof_M0", "qpos0"):
        np.testing.assert_array_equal(getattr(model, name), getattr(whole, name), err_msg=name)
    traj = align(synthesize(excitation, TRUTH), ARM_JOINTS)
    start, length, history = 200, 150, 5
    runs = []
    for m in (whole, model):
        state = state_at(m, traj, start, history, substeps=10)
        runs.append(
            Replayer(m, nthread=2).run(
                [(TRUTH, 0.3), (ModelOverrides(), 0.0)],
                [state, state],
                [traj.command_rad[start - history : start + length]] * 2,
                traj.finger_m,
                10,
                history=history,
            )
        )
    for got, expected in zip(runs[1], runs[0], strict=True):
        np.testing.assert_array_equal(got, expected)
