"""The training loop on rsl_rl's PPO: collect -> update -> log -> checkpoint, on the env's device.

rsl-rl-lib is the learner behind Isaac Lab, mjlab and MuJoCo Playground's torch path. This module
keeps what is ours: the configuration as dataclasses (``TrainConfig``), the progress bar and
logs (TensorBoard, CSV, PNG), checkpoints that load with ``weights_only=True``, stopping on a
success rate or a time budget, and data-parallel ranks (NCCL on GPUs, gloo on CPUs) through
``torch.distributed``. Actor and critic read different observation groups (asymmetric) chosen by
``obs_groups``; each has its own empirical normalizer, exported with the actor.
"""

from __future__ import annotations

import collections
import dataclasses
import random
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch
from rsl_rl.algorithms import PPO
from rsl_rl.models import MLPModel
from rsl_rl.modules.distribution import GaussianDistribution
from tensordict import TensorDict
from tqdm import tqdm

from skillbridge.policies.checkpoint import Checkpoint, load_checkpoint
from skillbridge.policies.logs import TrainingLog, plot_training_curves
from skillbridge.policies.rsl_env import RslEnv
from skillbridge.policies.train_config import TrainConfig, config_hash, config_to_json
from skillbridge.sim.env import VecEnv


def rsl_config(cfg: TrainConfig, world_size: int = 1, rank: int = 0) -> dict[str, Any]:
    """rsl_rl's configuration dictionary for ``cfg`` (classes passed as objects, not names)."""
    p = cfg.ppo
    critic_group = "actor" if cfg.runner.symmetric else "critic"
    multi = {"global_rank": rank, "local_rank": rank, "world_size": world_size}
    return {
        "num_steps_per_env": p.num_steps_per_env,
        "obs_groups": {"actor": ["actor"], "critic": [critic_group]},
        "multi_gpu": multi if world_size > 1 else None,
        "algorithm": {
            "class_name": PPO,
            "num_learning_epochs": p.num_learning_epochs,
            "num_mini_batches": p.num_minibatches,
            "learning_rate": p.learning_rate,
            "schedule": p.schedule,
            "desired_kl": p.desired_kl,
            "gamma": p.gamma,
            "lam": p.lam,
            "clip_param": p.clip_param,
            "value_loss_coef": p.value_loss_coef,
            "use_clipped_value_loss": p.clip_value_loss,
            "entropy_coef": p.entropy_coef,
            "max_grad_norm": p.max_grad_norm,
        },
        "actor": actor_model_config(cfg),
        "critic": {
            "class_name": MLPModel,
            "hidden_dims": list(p.critic_hidden),
            "activation": p.activation,
            "obs_normalization": True,
        },
    }


class HoldingStartGaussian(GaussianDistribution):
    """rsl_rl's Gaussian with a state-independent std, whose MLP starts with a near-zero last
    layer: the first actions are near zero, which in the contract's ``delta`` action mode holds
    the measured pose (the arm does not flail before it has learned anything)."""

    def init_mlp_weights(self, mlp: torch.nn.Module) -> None:
        last = [m for m in mlp.modules() if isinstance(m, torch.nn.Linear)][-1]
        torch.nn.init.uniform_(last.weight, -1e-3, 1e-3)
        torch.nn.init.zeros_(last.bias)


def actor_model_config(cfg: TrainConfig) -> dict[str, Any]:
    """The actor's rsl_rl model: normalizer -> MLP -> Gaussian with a learned std per action."""
    p = cfg.ppo
    return {
        "class_name": MLPModel,
        "hidden_dims": list(p.actor_hidden),
        "activation": p.activation,
        "obs_normalization": True,
        "distribution_cfg": {
            "class_name": HoldingStartGaussian,
            "init_std": p.init_noise_std,
            "std_type": "log",
        },
    }


class Runner:
    """Owns the environment, rsl_rl's PPO and the logs of one training run."""

    def __init__(self, config: TrainConfig, rank: int = 0, world_size: int = 1) -> None:
        self.config, self.rank, self.world_size = config, rank, world_size
        rc = config.runner
        torch.set_num_threads(rc.torch_threads)
        seed = rc.seed + 1000 * rank
        _seed_everything(seed)
        env_cfg = dataclasses.replace(config.env, seed=seed, final_observations=False)
        self.env = VecEnv(env_cfg)
        self.vec = RslEnv(self.env)
        self.device = self.vec.device
        self.critic_group = "actor" if rc.symmetric else "critic"
        self.env.reset()
        self.obs = self.vec.get_observations()
        self._rsl_cfg = rsl_config(config, world_size, rank)
        self.alg: PPO = PPO.construct_algorithm(
            self.obs, self.vec, self._rsl_cfg, str(self.device)
        )
        self.actor, self.critic = self.alg.get_policy(), self.alg.critic
        self.iteration, self.env_steps, self.wall_time_s = 0, 0, 0.0
        self.run_dir = Path(rc.log_dir) / rc.run_name
        if rc.resume:
            self._resume(rc.resume)
        if world_size > 1:
            self.alg.broadcast_parameters()
        self.log = TrainingLog(self.run_dir, enabled=rank == 0)
        self._returns: collections.deque[tuple[float, float]] = collections.deque(maxlen=50)
        self._windows: collections.deque[tuple[float, float]] = collections.deque()
        self.timing = {"collect_s": 0.0, "learn_s": 0.0}

    # --- acting ----------------------------------------------------------------------------------
    @torch.inference_mode()
    def act(self, actor_obs: Any) -> np.ndarray:
        """The deterministic (deployment) action of the actor for actor observations (numpy or
        tensor, (B, obs_dim)) as numpy (B, action_dim): for evaluations during training."""
        obs = torch.as_tensor(actor_obs, device=self.device)
        group = TensorDict({"actor": obs}, batch_size=[obs.shape[0]], device=self.device)
        return self.actor(group).cpu().numpy()

    # --- one iteration ---------------------------------------------------------------------------
    def learn_once(self) -> dict[str, float]:
        """One collection and one PPO update."""
        start = time.perf_counter()
        totals = self._collect()
        collected = time.perf_counter()
        losses = self.alg.update()
        self.timing = {"collect_s": collected - start, "learn_s": time.perf_counter() - collected}
        self.iteration += 1
        steps = self.env.num_envs * self.config.ppo.num_steps_per_env * self.world_size
        self.env_steps += steps
        elapsed = time.perf_counter() - start
        self.wall_time_s += elapsed
        self._track(totals)
        return self._scalars(losses, steps, elapsed)

    @torch.inference_mode()
    def _collect(self) -> dict[str, torch.Tensor]:
        totals: dict[str, torch.Tensor] = {}
        obs = self.obs
        for _ in range(self.config.ppo.num_steps_per_env):
            actions = self.alg.act(obs)
            obs, rewards, dones, extras = self.vec.step(actions)
            self.alg.process_env_step(obs, rewards, dones, extras)
            for key, value in extras["metrics"].items():
                totals[key] = totals[key] + value if key in totals else value
        self.alg.compute_returns(obs)
        self.obs = obs
        return totals

    def _track(self, totals: dict[str, torch.Tensor]) -> None:
        """Fold an iteration's sums (one host read per iteration) into the rolling windows."""
        values = _all_sum(torch.stack([t.double() for t in totals.values()]))
        sums = dict(zip(totals, values.tolist(), strict=True))
        if sums["episodes"]:
            self._returns.append((sums["episode_return_sum"], sums["episodes"]))
        self._windows.append((sums["command_successes"], sums["command_windows"]))
        # Keep the last ``success_window`` command windows (whole iterations).
        while sum(n for _, n in self._windows) - self._windows[0][1] >= (
            self.config.runner.success_window
        ):
            self._windows.popleft()

    def success_rate(self) -> float:
        """Command success over (about) the last ``success_window`` command windows, all ranks."""
        windows = sum(n for _, n in self._windows)
        return sum(s for s, _ in self._windows) / windows if windows else 0.0

    def _window_full(self) -> bool:
        return sum(n for _, n in self._windows) >= self.config.runner.success_window

    def _scalars(self, losses: dict[str, float], steps: int, elapsed: float) -> dict[str, float]:
        returns = sum(r for r, _ in self._returns) / max(1.0, sum(n for _, n in self._returns))
        return {
            "episode/return_mean": returns,
            "episode/command_success": self.success_rate(),
            "loss/value": losses["value"],
            "loss/surrogate": losses["surrogate"],
            "policy/entropy": losses["entropy"],
            "policy/learning_rate": self.alg.learning_rate,
            "policy/action_std": float(self.actor.output_std.detach().mean()),
            "perf/steps_per_s": steps / elapsed,
            "perf/collect_s": self.timing["collect_s"],
            "perf/learn_s": self.timing["learn_s"],
            "perf/wall_time_s": self.wall_time_s,
        }

    # --- the loop --------------------------------------------------------------------------------
    def train(self) -> Path:
        rc = self.config.runner
        self._write_config()
        bar = tqdm(
            total=rc.max_iterations,
            initial=self.iteration,
            disable=not rc.progress or self.rank != 0,
            unit="it",
            dynamic_ncols=True,
        )
        while self.iteration < rc.max_iterations:
            scalars = self.learn_once()
            self.log.write(self.env_steps, scalars)
            bar.update(1)
            bar.set_postfix(
                steps_s=f"{scalars['perf/steps_per_s']:,.0f}",
                ret=f"{scalars['episode/return_mean']:.2f}",
                success=f"{scalars['episode/command_success']:.1%}",
            )
            if self.iteration % rc.save_interval == 0:
                self.save()
            if self._should_stop(scalars):
                break
        bar.close()
        self.save()
        self.log.close()
        if self.rank == 0:
            plot_training_curves(
                self.run_dir / "metrics.csv",
                self.run_dir / "training_curves.png",
                f"{rc.run_name}: asymmetric={not rc.symmetric}",
            )
        return self.run_dir

    def _should_stop(self, scalars: dict[str, float]) -> bool:
        rc = self.config.runner
        if rc.time_budget_min is not None and self.wall_time_s >= 60.0 * rc.time_budget_min:
            return True
        return bool(
            rc.stop_at_success is not None
            and self._window_full()
            and scalars["episode/command_success"] >= rc.stop_at_success
        )

    # --- persistence -----------------------------------------------------------------------------
    def checkpoint(self) -> Checkpoint:
        return Checkpoint(
            actor=self.actor.state_dict(),
            critic=self.critic.state_dict(),
            optimizer=self.alg.optimizer.state_dict(),
            iteration=self.iteration,
            env_steps=self.env_steps,
            learning_rate=self.alg.learning_rate,
            config_json=config_to_json(self.config),
            spec_metadata=self.env.spec.to_metadata(),
            seed=self.config.runner.seed,
            overrides_hash=self.env.overrides.content_hash() if self.env.overrides else "",
            wall_time_s=self.wall_time_s,
            symmetric=self.config.runner.symmetric,
        )

    def save(self) -> None:
        if self.rank != 0:
            return
        ckpt = self.checkpoint()
        folder = self.run_dir / "checkpoints"
        ckpt.save(folder / f"model_{self.iteration:05d}.pt")
        ckpt.save(folder / "latest.pt")

    def _resume(self, path: str) -> None:
        ckpt = load_checkpoint(path)
        self.actor.load_state_dict(ckpt.actor)
        self.critic.load_state_dict(ckpt.critic)
        self.alg.optimizer.load_state_dict(ckpt.optimizer)
        self.alg.learning_rate = ckpt.learning_rate
        self.iteration, self.env_steps = ckpt.iteration, ckpt.env_steps
        self.wall_time_s = ckpt.wall_time_s
        self.env.seed(self.config.runner.seed + 7919 * ckpt.iteration + 1000 * self.rank)
        self.env.reset()
        self.obs = self.vec.get_observations()

    def _write_config(self) -> None:
        if self.rank != 0:
            return
        self.run_dir.mkdir(parents=True, exist_ok=True)
        (self.run_dir / "config.json").write_text(config_to_json(self.config) + "\n")
        (self.run_dir / "config.sha256").write_text(config_hash(self.config) + "\n")


def _all_sum(values: torch.Tensor) -> torch.Tensor:
    """Sum over ranks (a no-op without torch.distributed), then to the host."""
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        torch.distributed.all_reduce(values)
    return values.cpu()


def _seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)
