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
    """Samples and writes per-environment model fields through a backend."""

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
        self._rng = np.random.default_rng(seed)
        self._bodies = np.array([model.body(b).id for b in _ARM_BODIES])
        self._dofs = np.array([model.joint(j).dofadr[0] for j in POLICY_JOINTS])
        self._acts = np.array([actuator_for(model, a) for a in ALL_ACTUATORS])
        self._cube_body = model.body(CUBE_BODY).id
        self._cube_geom = model.geom(CUBE_GEOM).id
        self.params = np.zeros((backend.num_envs, self.num_params), dtype=np.float32)

    def reseed(self, seed: int) -> None:
        self._rng = np.random.default_rng(seed)

    @property
    def num_params(self) -> int:
        """Columns of ``params``: masses, damping, armature, friction, kp, kv, geom friction,
        cube mass, cube size, delay."""
        return len(self._bodies) + 5 * len(self._dofs) + 4

    def _uniform(self, rng_range: Range, shape: tuple[int, ...], off: float = 1.0) -> np.ndarray:
        """Uniform draws in ``rng_range``; ``off`` everywhere when randomization is disabled."""
        if not self.config.enabled:
            return np.full(shape, off)
        return self._rng.uniform(*rng_range, size=shape)

    def _joint_values(self, field: str, nominal: np.ndarray, scale: Range, n: int) -> np.ndarray:
        """(n, J) values of a joint field: calibrated absolute range if given, else scaled."""
        values = nominal[None, :] * self._uniform(scale, (n, len(nominal)))
        ranges = self._overrides.randomization.get("joints") or {}
        for j, name in enumerate(POLICY_JOINTS):
            bounds = (ranges.get(name) or {}).get(field)
            if bounds is not None and self.config.enabled:
                values[:, j] = self._rng.uniform(*bounds, size=n)
        return values

    def _actuator_values(
        self, field: str, nominal: np.ndarray, scale: Range, n: int
    ) -> np.ndarray:
        values = nominal[None, :] * self._uniform(scale, (n, len(nominal)))
        ranges = self._overrides.randomization.get("actuators") or {}
        for key, fields in ranges.items():
            if field in fields and self.config.enabled:
                column = list(self._acts).index(actuator_for(self._model, key))
                values[:, column] = self._rng.uniform(*fields[field], size=n)
        return values

    def sample(self, env_ids: np.ndarray) -> None:
        """Draw new parameters for ``env_ids`` and write them; call ``backend.commit`` after."""
        ids = np.asarray(env_ids)
        n = len(ids)
        if n == 0:
            return
        m, cfg, be = self._model, self.config, self._backend
        mass_scale = self._uniform(cfg.link_mass_scale, (n, len(self._bodies)))
        body_mass, body_inertia = be.model_field("body_mass"), be.model_field("body_inertia")
        body_mass[np.ix_(ids, self._bodies)] = m.body_mass[self._bodies] * mass_scale
        body_inertia[np.ix_(ids, self._bodies)] = (
            m.body_inertia[self._bodies] * mass_scale[..., None]
        )

        damping = self._joint_values(
            "damping", m.dof_damping[self._dofs], cfg.joint_damping_scale, n
        )
        armature = self._joint_values(
            "armature", m.dof_armature[self._dofs], cfg.joint_armature_scale, n
        )
        frictionloss = self._joint_values(
            "frictionloss", m.dof_frictionloss[self._dofs], (1, 1), n
        )
        frictionloss += self._uniform(cfg.joint_frictionloss_add, (n, len(self._dofs)), off=0.0)
        be.model_field("dof_damping")[np.ix_(ids, self._dofs)] = damping
        be.model_field("dof_armature")[np.ix_(ids, self._dofs)] = armature
        be.model_field("dof_frictionloss")[np.ix_(ids, self._dofs)] = frictionloss

        kp = self._actuator_values(
            "kp", m.actuator_gainprm[self._acts, 0], cfg.actuator_kp_scale, n
        )
        kv = self._actuator_values(
            "kv", -m.actuator_biasprm[self._acts, 2], cfg.actuator_kv_scale, n
        )
        offset = np.divide(
            m.actuator_biasprm[self._acts, 0],
            m.actuator_biasprm[self._acts, 1],
            out=np.zeros(len(self._acts)),
            where=m.actuator_biasprm[self._acts, 1] != 0,
        )
        gain, bias = be.model_field("actuator_gainprm"), be.model_field("actuator_biasprm")
        gain[np.ix_(ids, self._acts, [0])] = kp[..., None]
        bias[np.ix_(ids, self._acts, [1])] = -kp[..., None]
        bias[np.ix_(ids, self._acts, [0])] = (-kp * offset)[..., None]
        bias[np.ix_(ids, self._acts, [2])] = -kv[..., None]

        friction_scale = self._uniform(cfg.geom_friction_scale, (n,))
        be.model_field("geom_friction")[ids, :, 0] = (
            m.geom_friction[None, :, 0] * friction_scale[:, None]
        )

        cube_mass = self._uniform(cfg.cube_mass_scale, (n,))
        cube_size = self._uniform(cfg.cube_size_scale, (n,))
        self._write_cube(ids, cube_mass, cube_size)

        delay_steps = self._sample_delay_steps(n)
        delay_s = self._overrides_delay(n) + delay_steps * self._control_period_s
        be.model_field("actuator_delay")[ids] = delay_s[:, None]

        self.params[ids] = np.concatenate(
            [
                mass_scale - 1.0,
                damping / np.maximum(m.dof_damping[self._dofs], 1e-6) - 1.0,
                armature / np.maximum(m.dof_armature[self._dofs], 1e-6) - 1.0,
                frictionloss,
                kp / m.actuator_gainprm[self._acts, 0] - 1.0,
                kv / np.maximum(-m.actuator_biasprm[self._acts, 2], 1e-6) - 1.0,
                friction_scale[:, None] - 1.0,
                np.log(cube_mass)[:, None],
                cube_size[:, None] - 1.0,
                delay_s[:, None] / 0.04,
            ],
            axis=1,
        )

    def _sample_delay_steps(self, n: int) -> np.ndarray:
        if not self.config.enabled:
            return np.zeros(n)
        low, high = self.config.action_delay_steps
        return self._rng.integers(low, high + 1, size=n).astype(np.float64)

    def _overrides_delay(self, n: int) -> np.ndarray:
        bounds = self._overrides.randomization.get("command_delay_s")
        if bounds is not None and self.config.enabled:
            return self._rng.uniform(*bounds, size=n)
        return np.full(n, self._overrides.command_delay_s)

    def _write_cube(self, ids: np.ndarray, mass_scale: np.ndarray, size_scale: np.ndarray) -> None:
        m, be = self._model, self._backend
        mass = m.body_mass[self._cube_body] * mass_scale
        half = m.geom_size[self._cube_geom, 0] * size_scale
        be.model_field("body_mass")[ids, self._cube_body] = mass
        be.model_field("body_inertia")[ids, self._cube_body] = (mass * (2 * half) ** 2 / 6)[
            :, None
        ]
        be.model_field("geom_size")[ids, self._cube_geom] = half[:, None]
        be.model_field("geom_rbound")[ids, self._cube_geom] = (
            m.geom_rbound[self._cube_geom] * size_scale
        )
        aabb = m.geom_aabb[self._cube_geom]
        be.model_field("geom_aabb")[ids, self._cube_geom] = aabb[None, :] * size_scale[:, None]

    def cube_half_size(self, env_ids: np.ndarray | slice = slice(None)) -> np.ndarray:
        """Current cube half edge of each environment, metres."""
        return self._backend.model_field("geom_size")[env_ids, self._cube_geom, 0]

    def push_forces(self, num_envs: int, dt_s: float) -> tuple[np.ndarray, np.ndarray]:
        """Which environments start a push this control step, and the force vectors (N, 3)."""
        cfg = self.config
        if not cfg.enabled or cfg.push_rate_hz <= 0:
            return np.zeros(num_envs, bool), np.zeros((num_envs, 3))
        start = self._rng.random(num_envs) < cfg.push_rate_hz * dt_s
        force = np.zeros((num_envs, 3))
        count = int(start.sum())
        if count:  # a few per hundred steps: draw forces only for those
            direction = self._rng.normal(size=(count, 3))
            direction /= np.linalg.norm(direction, axis=1, keepdims=True)
            force[start] = direction * self._rng.uniform(*cfg.push_force_n, size=count)[:, None]
        return start, force

    def joint_noise(self, shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        """Additive sensor noise for joint positions and velocities."""
        if not self.config.enabled:
            return np.zeros(shape), np.zeros(shape)
        return (
            self._rng.normal(scale=self.config.joint_pos_noise_rad, size=shape),
            self._rng.normal(scale=self.config.joint_vel_noise_rad_s, size=shape),
        )
