"""Domain randomization: per-environment physical parameters, resampled at every reset.

Ranges are relative to the nominal model, which is the scene with a ``ModelOverrides`` file
applied: a calibrated robot moves the centre of every range. Where the overrides file carries its
own ``randomization`` block (ranges derived from calibration uncertainty), those absolute ranges
replace the default relative ones for the parameters they name.

The sampled values are exposed to the critic (``params``), never to the actor.
"""

from __future__ import annotations

import dataclasses

import mujoco
import numpy as np

from skillbridge.contract.arrays import Array, device_of, like, namespace
from skillbridge.sim.arrays import make_random
from skillbridge.sim.backend import PhysicsBackend
from skillbridge.sim.overrides import ModelOverrides, actuator_for
from skillbridge.sim.scene import ALL_ACTUATORS, CUBE_BODY, CUBE_GEOM, HAND_BODY, POLICY_JOINTS

Range = tuple[float, float]
_ARM_BODIES = tuple(f"panda_link{i}" for i in range(1, 8)) + (HAND_BODY,)


@dataclasses.dataclass(frozen=True)
class RandomizationConfig:
    """What is randomized and by how much. Scales multiply the nominal value."""

    enabled: bool = True
    link_mass_scale: Range = (0.85, 1.15)
    joint_damping_scale: Range = (0.7, 1.3)
    joint_armature_scale: Range = (0.8, 1.2)
    joint_frictionloss_add: Range = (0.0, 0.3)
    """Added to the nominal dry friction, N m (N for the fingers)."""
    actuator_kp_scale: Range = (0.9, 1.1)
    actuator_kv_scale: Range = (0.8, 1.2)
    geom_friction_scale: Range = (0.7, 1.3)
    cube_mass_scale: Range = (0.5, 2.0)
    cube_size_scale: Range = (0.85, 1.15)
    action_delay_steps: tuple[int, int] = (0, 2)
    """Whole control periods of command delay, added to the overrides' ``command_delay_s``."""
    joint_pos_noise_rad: float = 2e-4
    """Encoder noise: about twice the Panda's joint resolution. Noise reaches the servo targets
    through the delta action mapping; 1e-3 rad made the arm shake a held cube loose."""
    joint_vel_noise_rad_s: float = 0.01
    push_force_n: Range = (0.0, 15.0)
    push_rate_hz: float = 0.2
    """Expected pushes per second per environment, each lasting ``push_duration_s``."""
    push_duration_s: float = 0.1


def no_randomization() -> RandomizationConfig:
    """Nominal physics, no noise, no pushes, no delay beyond the overrides' own."""
    return RandomizationConfig(enabled=False)


class DomainRandomizer:
    """Samples and writes per-environment model fields through a backend, in its arrays (numpy on
    ``cpu``, torch on the device of ``warp``): the same spec gives the same distributions on both
    (a test compares them)."""

    def __init__(
        self,
        model: mujoco.MjModel,
        backend: PhysicsBackend,
        config: RandomizationConfig,
        *,
        control_period_s: float,
        overrides: ModelOverrides | None = None,
        seed: int = 0,
    ) -> None:
        self.config = config
        self._model = model
        self._backend = backend
        self._control_period_s = control_period_s
        self._overrides = overrides or ModelOverrides()
        ref = backend.state("qpos")
        self._xp = namespace(ref)
        self._rng = make_random(seed, ref)
        bodies = [model.body(b).id for b in _ARM_BODIES]
        dofs = [model.joint(j).dofadr[0] for j in POLICY_JOINTS]
        self._act_ids = [actuator_for(model, a) for a in ALL_ACTUATORS]
        self._cube_body = model.body(CUBE_BODY).id
        self._cube_geom = model.geom(CUBE_GEOM).id
        self._bodies, self._dofs, self._acts = (
            like(ref, i) for i in (bodies, dofs, self._act_ids)
        )
        self._nominal = _Nominal.of(
            model, bodies, dofs, self._act_ids, (self._cube_body, self._cube_geom), ref
        )
        self._ref = ref
        self.params = self._full((backend.num_envs, self.num_params), 0.0, self._xp.float32)

    def _full(self, shape: tuple[int, ...] | int, value: float, dtype=None) -> Array:
        """A constant array in the backend's namespace, dtype (default: its float) and device."""
        dtype = dtype or self._ref.dtype
        return self._xp.full(shape, value, dtype=dtype, device=device_of(self._ref))

    def reseed(self, seed: int) -> None:
        self._rng.reseed(seed)

    @property
    def num_params(self) -> int:
        """Columns of ``params``: masses, damping, armature, friction, kp, kv, geom friction,
        cube mass, cube size, delay."""
        return len(_ARM_BODIES) + 5 * len(POLICY_JOINTS) + 4

    def _uniform(self, rng_range: Range, shape: tuple[int, ...], off: float = 1.0) -> Array:
        """Uniform draws in ``rng_range``; ``off`` everywhere when randomization is disabled."""
        if not self.config.enabled:
            return self._full(shape, off)
        return self._rng.uniform(*rng_range, shape)

    def _joint_values(self, field: str, nominal: Array, scale: Range, n: int) -> Array:
        """(n, J) values of a joint field: calibrated absolute range if given, else scaled."""
        values = nominal[None, :] * self._uniform(scale, (n, nominal.shape[0]))
        ranges = self._overrides.randomization.get("joints") or {}
        for j, name in enumerate(POLICY_JOINTS):
            bounds = (ranges.get(name) or {}).get(field)
            if bounds is not None and self.config.enabled:
                low, high = bounds
                values[:, j] = self._rng.uniform(low, high, n)
        return values

    def _actuator_values(self, field: str, nominal: Array, scale: Range, n: int) -> Array:
        values = nominal[None, :] * self._uniform(scale, (n, nominal.shape[0]))
        ranges = self._overrides.randomization.get("actuators") or {}
        for key, fields in ranges.items():
            if field in fields and self.config.enabled:
                column = self._act_ids.index(actuator_for(self._model, key))
                low, high = fields[field]
                values[:, column] = self._rng.uniform(low, high, n)
        return values

    def sample(self, env_ids: Array) -> None:
        """Draw new parameters for ``env_ids`` and write them; call ``backend.commit`` after."""
        ids = env_ids
        n = len(ids)
        if n == 0:
            return
        xp, cfg, be, nom = self._xp, self.config, self._backend, self._nominal
        rows = ids[:, None]
        mass_scale = self._uniform(cfg.link_mass_scale, (n, nom.body_mass.shape[0]))
        be.model_field("body_mass")[rows, self._bodies[None, :]] = nom.body_mass * mass_scale
        be.model_field("body_inertia")[rows, self._bodies[None, :]] = (
            nom.body_inertia * mass_scale[..., None]
        )

        damping = self._joint_values("damping", nom.damping, cfg.joint_damping_scale, n)
        armature = self._joint_values("armature", nom.armature, cfg.joint_armature_scale, n)
        frictionloss = self._joint_values("frictionloss", nom.frictionloss, (1, 1), n)
        frictionloss = frictionloss + self._uniform(
            cfg.joint_frictionloss_add, (n, nom.damping.shape[0]), off=0.0
        )
        be.model_field("dof_damping")[rows, self._dofs[None, :]] = damping
        be.model_field("dof_armature")[rows, self._dofs[None, :]] = armature
        be.model_field("dof_frictionloss")[rows, self._dofs[None, :]] = frictionloss

        kp = self._actuator_values("kp", nom.kp, cfg.actuator_kp_scale, n)
        kv = self._actuator_values("kv", nom.kv, cfg.actuator_kv_scale, n)
        gain, bias = be.model_field("actuator_gainprm"), be.model_field("actuator_biasprm")
        acts = self._acts[None, :]
        gain[rows, acts, 0] = kp
        bias[rows, acts, 1] = -kp
        bias[rows, acts, 0] = -kp * nom.servo_offset
        bias[rows, acts, 2] = -kv

        friction_scale = self._uniform(cfg.geom_friction_scale, (n,))
        be.model_field("geom_friction")[ids, :, 0] = (
            nom.geom_friction[None, :] * friction_scale[:, None]
        )

        cube_mass = self._uniform(cfg.cube_mass_scale, (n,))
        cube_size = self._uniform(cfg.cube_size_scale, (n,))
        self._write_cube(ids, cube_mass, cube_size)

        delay_steps = self._sample_delay_steps(n)
        delay_s = self._overrides_delay(n) + delay_steps * self._control_period_s
        be.model_field("actuator_delay")[ids] = delay_s[:, None]

        self.params[ids] = xp.astype(
            xp.concat(
                [
                    mass_scale - 1.0,
                    damping / nom.damping_floor - 1.0,
                    armature / nom.armature_floor - 1.0,
                    frictionloss,
                    kp / nom.kp - 1.0,
                    kv / nom.kv_floor - 1.0,
                    friction_scale[:, None] - 1.0,
                    xp.log(cube_mass)[:, None],
                    cube_size[:, None] - 1.0,
                    delay_s[:, None] / 0.04,
                ],
                axis=1,
            ),
            self.params.dtype,
        )

    def _sample_delay_steps(self, n: int) -> Array:
        if not self.config.enabled:
            return self._full(n, 0.0)
        low, high = self.config.action_delay_steps
        return self._xp.astype(self._rng.integers(low, high + 1, n), self._ref.dtype)

    def _overrides_delay(self, n: int) -> Array:
        bounds = self._overrides.randomization.get("command_delay_s")
        if bounds is not None and self.config.enabled:
            low, high = bounds
            return self._rng.uniform(low, high, n)
        return self._full(n, self._overrides.command_delay_s)

    def _write_cube(self, ids: Array, mass_scale: Array, size_scale: Array) -> None:
        be, nom, cube_body, cube_geom = (
            self._backend,
            self._nominal,
            self._cube_body,
            self._cube_geom,
        )
        mass = nom.cube_mass * mass_scale
        half = nom.cube_half * size_scale
        be.model_field("body_mass")[ids, cube_body] = mass
        be.model_field("body_inertia")[ids, cube_body] = (mass * (2 * half) ** 2 / 6)[:, None]
        be.model_field("geom_size")[ids, cube_geom] = half[:, None]
        be.model_field("geom_rbound")[ids, cube_geom] = nom.cube_rbound * size_scale
        be.model_field("geom_aabb")[ids, cube_geom] = nom.cube_aabb[None, :] * size_scale[:, None]

    def cube_half_size(self, env_ids: Array | slice = slice(None)) -> Array:
        """Current cube half edge of each environment, metres."""
        return self._backend.model_field("geom_size")[env_ids, self._cube_geom, 0]

    def push_forces(self, num_envs: int, dt_s: float) -> tuple[Array, Array]:
        """Which environments start a push this control step, and the force vectors (N, 3)."""
        cfg = self.config
        if not cfg.enabled or cfg.push_rate_hz <= 0:
            zeros = self._full((num_envs, 3), 0.0)
            return zeros[:, 0] > 0, zeros
        start = self._rng.random(num_envs) < cfg.push_rate_hz * dt_s
        direction = self._rng.normal(1.0, (num_envs, 3))
        direction = direction / self._xp.linalg.vector_norm(direction, axis=1, keepdims=True)
        force = direction * self._rng.uniform(*cfg.push_force_n, num_envs)[:, None]
        return start, force

    def joint_noise(self, shape: tuple[int, ...]) -> tuple[Array, Array]:
        """Additive sensor noise for joint positions and velocities."""
        if not self.config.enabled:
            zeros = self._full(shape, 0.0)
            return zeros, zeros
        return (
            self._rng.normal(self.config.joint_pos_noise_rad, shape),
            self._rng.normal(self.config.joint_vel_noise_rad_s, shape),
        )


@dataclasses.dataclass(frozen=True)
class _Nominal:
    """The nominal (overridden) model values the randomizer scales, in the backend's arrays."""

    body_mass: Array
    body_inertia: Array
    damping: Array
    armature: Array
    frictionloss: Array
    kp: Array
    kv: Array
    servo_offset: Array
    """Position offset of each servo's bias (biasprm[0] / biasprm[1]), zero where undefined."""
    damping_floor: Array
    armature_floor: Array
    kv_floor: Array
    geom_friction: Array
    cube_mass: float
    cube_half: float
    cube_rbound: float
    cube_aabb: Array

    @classmethod
    def of(cls, m: mujoco.MjModel, bodies, dofs, acts, cube, ref) -> _Nominal:
        """Args: the model, body / dof / actuator ids, the cube's (body, geom) ids, and an array
        of the backend (namespace, device, dtype)."""
        cube_body, cube_geom = cube
        bias = m.actuator_biasprm[acts]
        offset = np.divide(bias[:, 0], bias[:, 1], out=np.zeros(len(acts)), where=bias[:, 1] != 0)
        kv = -bias[:, 2]
        return cls(
            body_mass=like(ref, m.body_mass[bodies]),
            body_inertia=like(ref, m.body_inertia[bodies]),
            damping=like(ref, m.dof_damping[dofs]),
            armature=like(ref, m.dof_armature[dofs]),
            frictionloss=like(ref, m.dof_frictionloss[dofs]),
            kp=like(ref, m.actuator_gainprm[acts, 0]),
            kv=like(ref, kv),
            servo_offset=like(ref, offset),
            damping_floor=like(ref, np.maximum(m.dof_damping[dofs], 1e-6)),
            armature_floor=like(ref, np.maximum(m.dof_armature[dofs], 1e-6)),
            kv_floor=like(ref, np.maximum(kv, 1e-6)),
            geom_friction=like(ref, m.geom_friction[:, 0]),
            cube_mass=float(m.body_mass[cube_body]),
            cube_half=float(m.geom_size[cube_geom, 0]),
            cube_rbound=float(m.geom_rbound[cube_geom]),
            cube_aabb=like(ref, m.geom_aabb[cube_geom]),
        )
