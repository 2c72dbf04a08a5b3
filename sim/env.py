"""The batched environment: backend stepping, domain randomization, commands, observation groups.

Observation groups (rsl_rl style, picked by the learner's config):

* ``actor``: built by the contract (``build_actor_obs``) from what the robot's sensors report,
  with sensor noise in training. Shape: (num_envs, spec.obs_dim).
* ``critic``: the actor terms without noise, plus privileged simulator state (true tool pose and
  velocity, cube pose, contact forces, the randomized physical parameters, the remaining command
  error). Shape: (num_envs, critic_dim).

Finished environments reset automatically inside ``step``; the critic observation of their final
state is returned in ``info["final_critic_obs"]`` so that learners bootstrap truncated episodes.

Arrays are the backend's: numpy float64 on ``cpu``, torch float32 tensors on the device of
``warp`` (a GPU, or Warp's CPU device). The task code below is written once for both.
"""

from __future__ import annotations

import copy
import dataclasses

import numpy as np

from skillbridge.contract import (
    MotionTarget,
    ObservationHistory,
    PolicySpec,
    RobotState,
    action_to_joint_targets,
    build_actor_obs,
    hold_target,
    observation_frames,
    resolve_target,
    stack_actor_obs,
    tool_pose,
)
from skillbridge.contract.arrays import Array, constant, device_of, like, namespace
from skillbridge.contract.arrays import copy as array_copy
from skillbridge.contract.rotations import rotation_error, yaw_of_matrix
from skillbridge.sim.arrays import make_random
from skillbridge.sim.backend import make_backend
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.errors import SimError
from skillbridge.sim.observations import critic_observation
from skillbridge.sim.overrides import load_overrides
from skillbridge.sim.physics import PandaPhysics
from skillbridge.sim.randomization import DomainRandomizer
from skillbridge.sim.resets import sample_arm_starts, sample_cube_away_from
from skillbridge.sim.robot import panda_policy_spec
from skillbridge.sim.scene import FINGER_OPEN_M, compile_scene
from skillbridge.sim.tasks import motion, tabletop

# An episode ends when the tool leaves this box (base frame): the arm is flailing.
_WORKSPACE_CENTRE_M = np.array([0.5, 0.0, 0.3])
_WORKSPACE_HALF_M = np.array([0.6, 0.7, 0.6])


@dataclasses.dataclass
class StepResult:
    """What ``VecEnv.step`` returns. Arrays have the environment dimension first."""

    obs: dict[str, Array]
    reward: Array
    """Shape: (num_envs,)."""
    terminated: Array
    """Shape: (num_envs,) bool; a failure state (no bootstrapping)."""
    truncated: Array
    """Shape: (num_envs,) bool; the time limit (bootstrap from the final state's value)."""
    info: dict


class VecEnv:
    """``num_envs`` Panda environments of one task, stepped together."""

    def __init__(self, config: EnvConfig) -> None:
        self.config = config
        cfg = config
        self.overrides = load_overrides(cfg.overrides_path) if cfg.overrides_path else None
        self.model = compile_scene(cfg.scene, self.overrides)
        self.spec = panda_policy_spec(
            self.model, cfg.contract, hold_until_opened=cfg.scene.grasp.hold_until_opened
        )
        self._critic_actor_spec = _without_history(self.spec)
        self.num_envs = cfg.num_envs
        self.num_actions = self.spec.action_dim
        self.dt_s = self.spec.control_period_s
        self.substeps = int(round(self.dt_s / self.model.opt.timestep))
        if abs(self.substeps * self.model.opt.timestep - self.dt_s) > 1e-9:
            raise SimError(
                f"control period {self.dt_s} s is not a multiple of the physics step "
                f"{self.model.opt.timestep} s; change one of them"
            )
        self.max_episode_steps = int(round(cfg.episode_length_s / self.dt_s))
        self.command_steps = int(round(cfg.commands.command_period_s / self.dt_s))
        self.backend = make_backend(
            cfg.backend, self.model, cfg.num_envs, nthread=cfg.nthread, device=cfg.device
        )
        self.physics = PandaPhysics(self.backend, self.spec, self.overrides)
        ref = self.physics.qpos
        self.xp, self.device, self.dtype = namespace(ref), device_of(ref), ref.dtype
        self.randomizer = DomainRandomizer(
            self.model,
            self.backend,
            cfg.randomization,
            control_period_s=self.dt_s,
            overrides=self.overrides,
            seed=cfg.seed + 1,
        )
        self.rng = make_random(cfg.seed, ref)
        n = cfg.num_envs
        self.history = ObservationHistory(self.spec, n)
        self.last_action = self._zeros((n, self.num_actions))
        self.episode_step = self._zeros(n, self.xp.int64)
        self.command_step = self._zeros(n, self.xp.int64)
        self.episode_return = self._zeros(n)
        self.push_steps_left = self._zeros(n, self.xp.int64)
        self.push_force = self._zeros((n, 3))
        self.prev_tool_pos = self._zeros((n, 3))
        self.tool_vel = self._zeros((n, 3))
        """True tool velocity over the last control period, m/s (zero after a reset)."""
        self.command_start = self._zeros((n, 3))
        self.prev_cube_in_tool = self._zeros((n, 3))
        self.prev_holding = self._zeros(n, self.xp.bool)
        """The cube's centre in the tool frame, and whether it was held, at the last control
        step: the slip term's reference (cleared at a reset)."""
        self.last_command = self._zeros((n, 5))
        """The command each environment is executing (dx_m, dy_m, dz_m, dyaw_rad, gripper)."""
        self.pick_stage = self._zeros(n, self.xp.int64) - 1
        eye = self.xp.broadcast_to(constant(ref, np.eye(3)), (n, 3, 3))
        self.target = MotionTarget(self._zeros((n, 3)), eye + 0.0, self._zeros(n) + 1.0)
        self._all = self.xp.arange(n, device=self.device)
        self._workspace = (
            constant(ref, self.spec.arrays.workspace_min_m),
            constant(ref, self.spec.arrays.workspace_max_m),
        )
        self._workspace_box = (
            like(ref, _WORKSPACE_CENTRE_M),
            like(ref, _WORKSPACE_HALF_M),
        )
        self._reported = self.physics.reported_state()
        self._obs: dict[str, Array] = {}

    def _zeros(self, shape: int | tuple[int, ...], dtype=None) -> Array:
        """Zeros of the backend's namespace, device and (default) float dtype."""
        return self.xp.zeros(shape, dtype=dtype or self.dtype, device=self.device)

    # --- sizes --------------------------------------------------------------------------------
    @property
    def obs_dims(self) -> dict[str, int]:
        return {k: v.shape[1] for k, v in self._observe().items()}

    @property
    def auto_commands(self) -> bool:
        return self.config.task == "motion"

    def seed(self, seed: int) -> None:
        """Reseed every random stream (commands, resets, randomization, noise)."""
        self.rng.reseed(seed)
        self.randomizer.reseed(seed + 1)

    # --- reset --------------------------------------------------------------------------------
    def reset(self) -> dict[str, Array]:
        """Reset every environment. Returns the observation groups."""
        self._reset_envs(self._all)
        self._obs = self._observe()
        return self._obs

    def reset_envs(self, env_ids: Array) -> None:
        """Start new episodes in some environments now (their observations are refreshed)."""
        self._reset_envs(like(self._all, env_ids))
        self._obs = self._observe()

    def _reset_envs(self, ids: Array) -> None:
        if len(ids) == 0:
            return
        xp, n, ph = self.xp, len(ids), self.physics
        self.backend.reset(ids)
        self.randomizer.sample(ids)
        arm = sample_arm_starts(self.rng, n, self.spec)
        grasped = self.rng.random(n) < self.config.grasped_start_prob
        pos = xp.concat([arm, xp.full_like(arm[:, :1], FINGER_OPEN_M)], axis=1)
        tool_pos, tool_rot = _fk(self.spec, pos)
        cube_half = self.randomizer.cube_half_size(ids)
        grasped = grasped & (tool_pos[:, 2] > cube_half + 0.01)
        finger = xp.where(grasped, cube_half, FINGER_OPEN_M)
        pos = xp.concat([arm, finger[:, None]], axis=1)
        ph.write_joint_state(ids, pos, xp.zeros_like(pos))
        pick = ~grasped & (self.rng.random(n) < self.config.pick_start_prob)
        pick = pick & self.auto_commands
        self.pick_stage[ids] = xp.where(pick, 0, -1)
        self._place_objects(ids, tool_pos, tool_rot, grasped, cube_half, pick)
        opened = motion.initial_gripper(self.rng, n, open_prob=1.0)
        gripper = xp.where(grasped, -1.0, opened)
        finger_target = xp.where(gripper > 0, FINGER_OPEN_M, 0.0)
        targets = xp.concat([arm + ph.offsets[:7], finger_target[:, None]], axis=1)
        ph.ctrl[ids[:, None], ph.ctrl_index[None, :]] = targets
        ph.hold_ctrl_history(ids, targets)
        ph.commit(ids)
        self._set_target(ids, hold_target(tool_pos, tool_rot, gripper))
        self.last_action[ids] = 0.0
        self.episode_step[ids] = 0
        self.command_step[ids] = 0
        self.episode_return[ids] = 0.0
        self.push_steps_left[ids] = 0
        self.prev_tool_pos[ids] = tool_pos
        self.tool_vel[ids] = 0.0
        self.command_start[ids] = tool_pos
        self.history.reset(ids)
        if self.auto_commands:
            self._new_commands(ids)

    def _place_objects(self, ids, tool_pos, tool_rot, grasped, cube_half, pick) -> None:
        ph, tcfg = self.physics, self.config.tabletop
        n = len(ids)
        cube_xy, cube_yaw, pad_xy = tabletop.sample_layout(self.rng, n, tcfg)
        if self.config.task == "motion":
            cube_xy = sample_cube_away_from(
                self.rng, tool_pos[:, :2], tcfg.cube_x_m, tcfg.cube_y_m
            )
        xp = self.xp
        cube_pos = xp.concat([cube_xy, cube_half[:, None]], axis=1)
        cube_pos = xp.where(grasped[:, None], tool_pos, cube_pos)
        jitter = xp.where(pick, self.rng.uniform(-0.07, 0.07, n), 0.0)
        cube_yaw = xp.where(grasped | pick, yaw_of_matrix(tool_rot) + jitter, cube_yaw)
        ph.write_cube(ids, cube_pos, tabletop.yaw_quat_wxyz(cube_yaw))
        ph.write_pad(ids, xp.concat([pad_xy, xp.zeros_like(pad_xy[:, :1])], axis=1))

    # --- commands -----------------------------------------------------------------------------
    def _set_target(self, ids: Array, target: MotionTarget) -> None:
        self.target.pos_m[ids] = target.pos_m
        self.target.rot[ids] = target.rot
        self.target.gripper[ids] = target.gripper

    def set_commands(self, env_ids: Array, commands: Array) -> None:
        """Start new commands (rows of dx_m, dy_m, dz_m, dyaw_rad, gripper) in some environments,
        resolved against their measured tool pose, exactly as the robot's policy node does."""
        ids = like(self._all, env_ids)
        commands = like(self.last_command, commands)
        reported = self.physics.reported_state()
        pos, _ = reported.select(self.spec.joint_names)
        tool_pos, tool_rot = _fk(self.spec, pos[ids])
        self._set_target(
            ids, resolve_target(tool_pos, tool_rot, commands, self.target.gripper[ids])
        )
        self.command_step[ids] = 0
        self.command_start[ids] = tool_pos
        self.last_command[ids] = commands

    def _new_commands(self, ids: Array) -> None:
        if len(ids) == 0:
            return
        xp = self.xp
        tool_pos, tool_rot = (x[ids] for x in self.physics.tool_pose())
        cmd = motion.sample_commands(
            self.rng,
            cfg=self.config.commands,
            tool_pos=tool_pos,
            gripper=self.target.gripper[ids],
            workspace_min=self._workspace[0],
            workspace_max=self._workspace[1],
        )
        cmd = motion.limit_yaw(cmd, yaw_of_matrix(tool_rot), self.config.max_abs_yaw_rad)
        stage = self.pick_stage[ids]
        picking = stage >= 0
        cube_pos, _ = self.physics.cube_pose()
        pick = motion.pick_commands(self.rng, stage, tool_pos, cube_pos[ids])
        cmd = xp.where(picking[:, None], pick, cmd)
        last = motion.PICK_STAGES - 1
        self.pick_stage[ids] = xp.where(picking & (stage < last), stage + 1, -1)
        self.set_commands(ids, cmd)

    # --- step ---------------------------------------------------------------------------------
    def step(self, actions: Array) -> StepResult:
        """Apply one action per environment for one control period.

        Args:
            actions: (num_envs, num_actions), in the backend's namespace (numpy for ``cpu``, a
                torch tensor on the backend's device for ``warp``). Non-finite rows terminate
                and reset only their environment (counted in ``info["nonfinite_actions"]``);
                they are never stepped.

        Raises:
            ValueError: ``actions`` has the wrong shape.
        """
        a, nonfinite = self._checked_actions(actions)
        pos, _ = self._reported.select(self.spec.joint_names)
        targets = action_to_joint_targets(a, pos, self.spec, self.target.gripper)
        return self._advance(targets, a, nonfinite)

    def step_joint_targets(self, targets: Array, actions: Array) -> StepResult:
        """One control period with servo targets chosen outside (a policy runtime under test,
        behind its safety layer); ``actions`` are the ones behind them (the observation's last
        action and the action-rate reward). Shapes: (num_envs, J), (num_envs, num_actions)."""
        a, nonfinite = self._checked_actions(actions)
        return self._advance(like(self.last_action, targets), a, nonfinite)

    @property
    def reported_state(self) -> RobotState:
        """The joint readings the last observation was built from (noise included in training):
        what a robot's driver would have published."""
        return self._reported

    def _checked_actions(self, actions: Array) -> tuple[Array, Array]:
        xp = self.xp
        a = xp.asarray(like(self.last_action, actions), dtype=self.dtype)
        if tuple(a.shape) != (self.num_envs, self.num_actions):
            raise ValueError(
                f"actions must have shape (num_envs, num_actions) = ({self.num_envs}, "
                f"{self.num_actions}), got {tuple(a.shape)}"
            )
        nonfinite = ~xp.all(xp.isfinite(a), axis=1)
        return xp.where(nonfinite[:, None], 0.0, a), nonfinite

    def _advance(self, targets: Array, a: Array, nonfinite: Array) -> StepResult:
        xp = self.xp
        self.physics.set_joint_targets(targets)
        self._apply_pushes()
        failed = self.physics.step(self.substeps)
        self.episode_step += 1
        self.command_step += 1
        reward, terms, tracking, window_done = self._evaluate(a)
        tool_pos, _ = self.physics.tool_pose()
        self.tool_vel = (tool_pos - self.prev_tool_pos) / self.dt_s
        self.prev_tool_pos = array_copy(tool_pos)
        centre, half = self._workspace_box
        escaped = xp.any(xp.abs(tool_pos - centre) > half, axis=1)
        terminated = failed | nonfinite | escaped
        truncated = (self.episode_step >= self.max_episode_steps) & ~terminated
        self.last_action = a
        self.episode_return += reward
        if self.auto_commands:
            self._new_commands(xp.nonzero(window_done & ~terminated & ~truncated)[0])
        done = xp.nonzero(terminated | truncated)[0]
        info = {
            "reward_terms": terms,
            "command_success": tracking["success"],
            "pos_err_m": tracking["pos_err_m"],
            "rot_err_rad": tracking["rot_err_rad"],
            "fingers_ok": tracking["fingers_ok"],
            "command_done": window_done,
            "nonfinite_actions": xp.sum(nonfinite),
            "physics_failures": xp.sum(failed),
            "episode_return": self.episode_return[done],
            "done_ids": done,
        }
        if len(done) and self.config.final_observations:
            final = self._observe(commit=False)
            info["final_actor_obs"] = final["actor"][done]
            info["final_critic_obs"] = final["critic"][done]
        self._reset_envs(done)
        self._obs = self._observe()
        return StepResult(self._obs, reward, terminated, truncated, info)

    def _apply_pushes(self) -> None:
        xp = self.xp
        start, force = self.randomizer.push_forces(self.num_envs, self.dt_s)
        start = start & (self.push_steps_left == 0)
        duration = max(1, int(round(self.randomizer.config.push_duration_s / self.dt_s)))
        self.push_steps_left = xp.where(start, duration, self.push_steps_left)
        self.push_force = xp.where(start[:, None], force, self.push_force)
        active = self.push_steps_left > 0
        self.physics.push_hand(xp.where(active[:, None], self.push_force, 0.0))
        self.push_steps_left = xp.where(active, self.push_steps_left - 1, self.push_steps_left)

    def _evaluate(self, action: Array):
        ph, cfg = self.physics, self.config
        tool_pos, tool_rot = ph.tool_pose()
        pos_err, rot_err = motion.tracking_errors(self.target, tool_pos, tool_rot)
        q, qd = ph.joint_pos(), ph.joint_vel()
        contact, _ = ph.table_contact()
        path_dev = motion.distance_to_segment(tool_pos, self.command_start, self.target.pos_m)
        grasping, _ = ph.grasp_contact()
        cube_pos, _ = ph.cube_pose()
        holding = grasping & (self.xp.linalg.vector_norm(cube_pos - tool_pos, axis=1) < 0.03)
        slip = self._cube_slip(cube_pos, tool_pos, tool_rot, holding)
        step = motion.MotionStep(
            pos_err,
            rot_err,
            self.target.gripper,
            q,
            qd,
            action,
            self.last_action,
            contact,
            path_dev,
            holding,
            slip,
        )
        reward, terms = motion.motion_reward(step, cfg.rewards, self.spec, cfg.success)
        fingers_ok = motion.finger_reached(self.target.gripper, q[:, -1], qd[:, -1], cfg.success)
        success = motion.command_success(pos_err, rot_err, fingers_ok, cfg.success)
        window_done = self.command_step >= self.command_steps
        tracking = {
            "success": success,
            "pos_err_m": pos_err,
            "rot_err_rad": rot_err,
            "fingers_ok": fingers_ok,
        }
        return reward, terms, tracking, window_done

    def _cube_slip(
        self, cube_pos: Array, tool_pos: Array, tool_rot: Array, holding: Array
    ) -> Array:
        """Speed (N,) of the cube's centre in the tool frame since the last control step, where it
        was held then and now (0 elsewhere); updates the reference."""
        xp = self.xp
        in_tool = motion.in_tool_frame(cube_pos, tool_pos, tool_rot)
        moved = xp.linalg.vector_norm(in_tool - self.prev_cube_in_tool, axis=1) / self.dt_s
        slip = xp.where(holding & self.prev_holding, moved, 0.0)
        self.prev_cube_in_tool = array_copy(in_tool)
        self.prev_holding = array_copy(holding)
        return slip

    # --- observations -------------------------------------------------------------------------
    def _observe(self, commit: bool = True) -> dict[str, Array]:
        """Actor (noisy sensor readings through the contract) and critic groups.

        ``commit=False`` observes final states before a reset without touching the history or the
        readings the next action is mapped against.
        """
        shape = (self.num_envs, self.spec.num_joints)
        pos_noise, vel_noise = self.randomizer.joint_noise(shape)
        reported = self.physics.reported_state(pos_noise, vel_noise)
        history = self.history if commit else copy.deepcopy(self.history)
        actor = build_actor_obs(
            reported, self.target, self.last_action, self.spec, history=history
        )
        if commit:
            self._reported = reported
        return {"actor": actor, "critic": self._critic()}

    def _critic(self) -> Array:
        true_tool = self.physics.tool_pose()
        # Without encoder offsets the reported noise-free joints are the true ones: reuse their
        # kinematics and rotation error.
        offsets = self.physics.has_offsets
        spec = self._critic_actor_spec
        frames = observation_frames(
            self.physics.reported_state(),
            self.target,
            self.last_action,
            spec,
            tool=None if offsets else true_tool,
        )
        true_rot_error = (
            rotation_error(self.target.rot, true_tool[1])
            if offsets
            else frames["target_rot_error_b"]
        )
        return critic_observation(self, stack_actor_obs(frames, spec), true_rot_error)

    @property
    def observations(self) -> dict[str, Array]:
        """The observation groups after the last ``reset``/``step``."""
        return self._obs


def _fk(spec: PolicySpec, joint_pos: Array) -> tuple[Array, Array]:
    return tool_pose(spec.kinematics, joint_pos, spec.joint_names)


def _without_history(spec: PolicySpec) -> PolicySpec:
    terms = tuple(dataclasses.replace(t, history=1) for t in spec.observation_terms)
    return dataclasses.replace(spec, observation_terms=terms)
