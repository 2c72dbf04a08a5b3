"""The critic's privileged observation: what only the simulator knows.

Each term is a small function of the environment's arrays; ``critic_observation`` concatenates
them after the noise-free actor terms. Only the critic sees these, never the deployed actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skillbridge.contract.arrays import Array, namespace
from skillbridge.sim.tasks import motion

if TYPE_CHECKING:
    from skillbridge.sim.env import VecEnv

TABLE_FORCE_SCALE_N = 50.0
GRASP_FORCE_SCALE_N = 20.0


def tool_terms(env: VecEnv) -> list[Array]:
    """True tool position (3), orientation as two rotation-matrix columns (6), velocity (3)."""
    pos, rot = env.physics.tool_pose()
    return [pos, rot[:, :, 0], rot[:, :, 1], 0.2 * env.tool_vel]


def object_terms(env: VecEnv) -> list[Array]:
    """Cube position (3), relative to the tool (3), orientation (4), velocity (6); pad xy (2)."""
    cube_pos, cube_quat = env.physics.cube_pose()
    tool_pos, _ = env.physics.tool_pose()
    return [
        cube_pos,
        5.0 * (cube_pos - tool_pos),
        cube_quat,
        0.2 * env.physics.cube_vel(),
        env.physics.pad_pos()[:, :2],
    ]


def contact_terms(env: VecEnv) -> list[Array]:
    """Table and grasp contacts: found flags (2) and scaled net forces (6)."""
    table_found, table_force = env.physics.table_contact()
    grasp_found, grasp_force = env.physics.grasp_contact()
    xp = namespace(table_force)
    return [
        xp.astype(table_found[:, None], table_force.dtype),
        table_force / TABLE_FORCE_SCALE_N,
        xp.astype(grasp_found[:, None], grasp_force.dtype),
        grasp_force / GRASP_FORCE_SCALE_N,
    ]


def command_terms(env: VecEnv, rot_err: Array) -> list[Array]:
    """True remaining command error (3 + 3), finger error (1), time left in the window (1).
    ``rot_err``: the true rotation error (the caller has it already)."""
    tool_pos, _ = env.physics.tool_pose()
    finger = env.physics.finger_pos()
    finger_err = 1.0 - motion.finger_tracking_reward(env.target.gripper, finger)
    time_left = 1.0 - env.command_step / max(env.command_steps, 1)
    return [5.0 * (env.target.pos_m - tool_pos), rot_err, finger_err[:, None], time_left[:, None]]


def disturbance_terms(env: VecEnv) -> list[Array]:
    """The randomized physical parameters and the current push."""
    pushing = (env.push_steps_left > 0)[:, None]
    xp = namespace(env.push_force)
    return [
        env.randomizer.params,
        xp.astype(pushing, env.push_force.dtype),
        xp.where(pushing, env.push_force, 0.0) / 15.0,
    ]


def critic_observation(env: VecEnv, noise_free_actor: Array, true_rot_error: Array) -> Array:
    """(num_envs, critic_dim) float32: noise-free actor terms, then the privileged terms.
    ``true_rot_error``: rotation vector from the true tool orientation to the target, (N, 3)."""
    blocks = [
        *tool_terms(env),
        *object_terms(env),
        *contact_terms(env),
        *command_terms(env, true_rot_error),
        *disturbance_terms(env),
    ]
    xp = namespace(noise_free_actor)
    return xp.astype(xp.concat([noise_free_actor, *blocks], axis=1), xp.float32)
