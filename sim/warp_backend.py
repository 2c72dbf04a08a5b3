"""The ``warp`` backend: MuJoCo Warp on a CUDA GPU or on Warp's CPU device.

Every array this backend hands out is a torch tensor that shares memory with a Warp array
(``wp.to_torch``): tasks read and write the simulation where it lives, with no host round trip.
Arrays have the shapes of the ``cpu`` backend (``mujoco.batch``: MuJoCo's field shapes with the
environment dimension first) in Warp's float32.

Domain randomization writes per-world model fields: the fields in ``RANDOMIZED_MODEL_FIELDS``
are given a leading world dimension when the model is put on the device (``put_model``'s
``batch_sizes``); the randomizer writes them through ``model_field`` exactly as it writes
``mujoco.batch``'s expanded fields, and ``commit`` propagates them (``set_const``).

On CUDA the substeps of ``step`` are recorded once into a CUDA graph and replayed (MuJoCo Warp's
own benchmarks and mjlab do the same): one launch per control step instead of hundreds of
kernels. Launches go on Warp's stream of the device, as in mjlab; the garbage collector is held
off during a capture (a stale graph finalized inside it would be recorded into the new one).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Iterator
from typing import Any

import mujoco
import numpy as np

from skillbridge.sim.errors import SimError

#: Model fields that domain randomization writes per environment (``DomainRandomizer``).
RANDOMIZED_MODEL_FIELDS = (
    "body_mass",
    "body_inertia",
    "dof_damping",
    "dof_armature",
    "dof_frictionloss",
    "actuator_gainprm",
    "actuator_biasprm",
    "actuator_delay",
    "geom_friction",
    "geom_size",
    "geom_rbound",
    "geom_aabb",
    # derived by set_const from the fields above
    "body_subtreemass",
    "body_invweight0",
    "dof_invweight0",
)


@dataclasses.dataclass(frozen=True)
class WarpConfig:
    """Sizes of MuJoCo Warp's preallocated contact and constraint buffers."""

    nconmax: int = 96
    """Contacts per world. C MuJoCo on this scene under the motion policy (32 environments, 600
    control steps, half of them picking the cube): peak 44. A world whose buffers overflow counts
    as a physics failure and is reset (``step``'s mask), never silently simulated with contacts
    missing."""
    njmax: int = 320
    """Constraint rows per world (elliptic cones: 3 or 4 rows a contact, plus joint limits). The
    same C MuJoCo run: p99 145, peak 185."""
    graph_capture: bool = True
    """CUDA only: replay the substeps as a captured CUDA graph."""


class WarpBackend:
    """MuJoCo Warp worlds of one model behind the ``PhysicsBackend`` protocol."""

    def __init__(
        self,
        model: mujoco.MjModel,
        num_envs: int,
        device: str = "cpu",
        config: WarpConfig = WarpConfig(),
    ) -> None:
        import mujoco_warp as mjw
        import torch
        import warp as wp

        self._wp, self._mjw, self._torch = wp, mjw, torch
        wp.config.log_level = wp.LOG_WARNING  # no banner, no line per kernel module loaded
        wp.init()
        try:
            self._wp_device = wp.get_device(device)
        except (RuntimeError, ValueError) as exc:
            raise SimError(
                f"Warp device {device!r} is not available ({exc}); use 'cpu' (Warp's CPU device) "
                "or a CUDA device such as 'cuda:0' on a machine with an NVIDIA GPU"
            ) from exc
        self.model, self.num_envs, self.config = model, num_envs, config
        self._template = mujoco.MjData(model)
        mujoco.mj_forward(model, self._template)
        with wp.ScopedDevice(self._wp_device):
            batched = {f: num_envs for f in RANDOMIZED_MODEL_FIELDS}
            self._m = mjw.put_model(model, batch_sizes=batched)
            self._d = mjw.put_data(
                model, self._template, nworld=num_envs, nconmax=config.nconmax,
                njmax=config.njmax,
            )  # fmt: skip
        self.device = torch.device(str(self._wp_device))
        self._views: dict[tuple[str, str], Any] = {}
        self._graph: tuple[int, Any] | None = None  # (substeps, the captured graph)
        kinds = mjw.OverflowType
        # A world whose contact or constraint buffers overflowed lost contacts: it has failed
        # (the environment resets it). Solver iteration limits are not failures.
        self._buffer_overflow = int(
            kinds.NEFC
            | kinds.NJMAX_NNZ
            | kinds.BROADPHASE
            | kinds.NARROWPHASE
            | kinds.CCD
            | kinds.NVMAX
            | kinds.EPA_HORIZON
        )

    # --- arrays -------------------------------------------------------------------------------
    def _view(self, owner: str, field: str, template_shape: tuple[int, ...]) -> Any:
        key = (owner, field)
        view = self._views.get(key)
        if view is None:
            source = getattr(self._d if owner == "data" else self._m, field, None)
            if source is None:
                raise SimError(f"MuJoCo Warp has no {owner} field {field!r}")
            view = self._wp.to_torch(source).reshape(source.shape[0], *template_shape)
            self._views[key] = view
        return view

    def state(self, field: str) -> Any:
        return self._view("data", field, np.shape(getattr(self._template, field)))

    def output(self, field: str) -> Any:
        return self.state(field)

    def model_field(self, field: str) -> Any:
        if field not in RANDOMIZED_MODEL_FIELDS:
            raise SimError(
                f"model field {field!r} is shared by every world on the warp backend; the "
                f"per-world fields are {list(RANDOMIZED_MODEL_FIELDS)}"
            )
        return self._view("model", field, np.shape(getattr(self.model, field)))

    # --- lifecycle ----------------------------------------------------------------------------
    def reset(self, env_ids: Any) -> None:
        mask = self._torch.zeros(self.num_envs, dtype=self._torch.bool, device=self.device)
        mask[env_ids] = True
        with self._on_device():
            self._mjw.reset_data(self._m, self._d, reset=self._wp.from_torch(mask))

    def commit(self, env_ids: Any) -> None:
        """Propagate model-field writes (``set_const``: subtree masses, bounds, inverse weights)
        and run the forward pass. MuJoCo Warp computes both for every world at once; for the
        worlds that were not reset this recomputes the same positions and velocities."""
        if len(env_ids) == 0:
            return
        with self._on_device():
            self._mjw.set_const(self._m, self._d)
            self._mjw.forward(self._m, self._d)

    @contextlib.contextmanager
    def _on_device(self) -> Iterator[None]:
        with self._wp.ScopedDevice(self._wp_device):
            yield

    def _graphs_usable(self) -> bool:
        """CUDA graphs with conditional nodes (the solver's loop) need a 12.4+ driver and Warp's
        memory pool."""
        if not (self._wp_device.is_cuda and self.config.graph_capture):
            return False
        driver = self._wp.get_cuda_driver_version()
        return bool(
            driver is not None
            and tuple(driver) >= (12, 4)
            and self._wp.is_mempool_enabled(self._wp_device)
        )

    def step(self, nsubsteps: int) -> Any:
        with self._on_device():
            if self._graphs_usable():
                self._replay(nsubsteps)
            else:
                for _ in range(nsubsteps):
                    self._mjw.step(self._m, self._d)
        qpos, qvel = self.state("qpos"), self.state("qvel")
        finite = self._torch.isfinite(qpos).all(dim=1) & self._torch.isfinite(qvel).all(dim=1)
        overflowed = (self._view("data", "overflow", ()) & self._buffer_overflow) != 0
        return ~finite | overflowed

    def _replay(self, nsubsteps: int) -> None:
        if self._graph is None or self._graph[0] != nsubsteps:
            for _ in range(nsubsteps):  # compile every kernel before the capture
                self._mjw.step(self._m, self._d)
            enabled = gc.isenabled()
            gc.disable()
            try:
                with self._wp.ScopedCapture() as capture:
                    for _ in range(nsubsteps):
                        self._mjw.step(self._m, self._d)
            finally:
                if enabled:
                    gc.enable()
            self._graph = (nsubsteps, capture.graph)
        self._wp.capture_launch(self._graph[1])
