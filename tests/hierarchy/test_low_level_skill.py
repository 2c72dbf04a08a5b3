"""The committed low-level skill does what the hierarchy relies on: pick the cube and keep it.

Runs ``models/motion.onnx`` through onnxruntime in the batched simulator with the language
motions the high level uses: over the cube, down, close, up, and a carry sideways.
"""

from __future__ import annotations

import numpy as np

from skillbridge.contract.rotations import quat_wxyz_to_matrix, yaw_of_matrix
from skillbridge.hierarchy.observation import relative_cube_yaw
from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.randomization import RandomizationConfig


def test_the_skill_picks_and_carries_the_cube(low_level):
    n = 8
    env = VecEnv(
        EnvConfig(
            task="tabletop",
            num_envs=n,
            seed=21,
            grasped_start_prob=0.0,
            randomization=RandomizationConfig(push_rate_hz=0.0),
            episode_length_s=60.0,
        )
    )
    obs = env.reset()
    ids = np.arange(n)

    def run(command_of, steps=125):
        nonlocal obs
        env.set_commands(ids, command_of())
        for _ in range(steps):
            obs = env.step(low_level(obs["actor"])).obs

    def toward_cube(height_m):
        cube, _ = env.physics.cube_pose()
        tool, _ = env.physics.tool_pose()
        cmd = np.zeros((n, 5))
        cmd[:, :2] = (cube - tool)[:, :2]
        cmd[:, 2] = cube[:, 2] + height_m - tool[:, 2]
        return cmd

    def align_yaw():
        _, cube_quat = env.physics.cube_pose()
        _, tool_rot = env.physics.tool_pose()
        cube_yaw = yaw_of_matrix(quat_wxyz_to_matrix(cube_quat))
        cmd = np.zeros((n, 5))
        cmd[:, 3] = relative_cube_yaw(cube_yaw, yaw_of_matrix(tool_rot))
        return cmd

    def constant(dx=0.0, dz=0.0, gripper=0.0):
        return lambda: np.tile([dx, 0.0, dz, 0.0, gripper], (n, 1))

    run(align_yaw)
    run(lambda: toward_cube(0.15))
    run(lambda: toward_cube(0.05))
    run(lambda: toward_cube(0.003))
    run(constant(gripper=-1.0))
    run(constant(dz=0.08))
    run(constant(dx=0.06))
    cube, _ = env.physics.cube_pose()
    tool, _ = env.physics.tool_pose()
    held = (cube[:, 2] > 0.07) & (np.linalg.norm(cube - tool, axis=1) < 0.03)
    assert held.mean() >= 0.75, held
