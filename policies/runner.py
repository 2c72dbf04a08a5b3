"""The training loop: collect -> update -> log -> checkpoint, with resume and seeds.

The learner runs on the environment's device: the ``cpu`` backend's numpy arrays become torch
tensors without a copy (``torch.from_numpy``), the ``warp`` backend's already are tensors on its
device (a GPU: observations, rewards and actions never cross to the host during a rollout; the
episode statistics are summed there and read once per iteration).
"""

from __future__ import annotations

import collections
import copy
import dataclasses
import random
import threading
import time
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from skillbridge.policies import distributed
from skillbridge.policies.checkpoint import Checkpoint, load_checkpoint
from skillbridge.policies.logs import TrainingLog, plot_training_curves
from skillbridge.policies.networks import Actor, Critic
from skillbridge.policies.ppo import PPO, UpdateStats
from skillbridge.policies.storage import RolloutStorage
from skillbridge.policies.train_config import TrainConfig, config_hash, config_to_json
from skillbridge.sim.env import VecEnv


@dataclasses.dataclass
class IterationTiming:
    collect_s: float = 0.0
    learn_s: float = 0.0
    env_s: float = 0.0
    """Time inside ``env.step`` (the pure stepping part of collection)."""


class Runner:
    """Owns the environment, the learner and the logs of one training run."""

    def __init__(self, config: TrainConfig, rank: int = 0, world_size: int = 1) -> None:
        self.config, self.rank, self.world_size = config, rank, world_size
        rc = config.runner
        torch.set_num_threads(rc.torch_threads)
        seed = rc.seed + 1000 * rank
        _seed_everything(seed)
        env_cfg = dataclasses.replace(config.env, seed=seed, device=_rank_device(config, rank))
        self.env = VecEnv(env_cfg)
        self.device = torch.device(str(self.env.device))
        self._numpy_env = self.env.xp is np
        self.critic_group = "actor" if rc.symmetric else "critic"
        self.obs = self._tensors(self.env.reset())
        dims = {k: v.shape[1] for k, v in self.obs.items()}
        p = config.ppo
        self.actor = Actor(
            dims["actor"], self.env.num_actions, p.actor_hidden, p.init_noise_std, p.activation
        ).to(self.device)
        self.critic = Critic(dims[self.critic_group], p.critic_hidden, p.activation).to(
            self.device
        )
        self.ppo = PPO(self.actor, self.critic, p)

        def storage() -> RolloutStorage:
            return RolloutStorage(
                self.env.num_envs,
                p.num_steps_per_env,
                dims["actor"],
                dims[self.critic_group],
                self.env.num_actions,
                self.device,
            )

        self.storage = storage()
        # Pipelined mode: the behaviour actor collects while the learner updates ``self.actor``.
        self._spare: RolloutStorage = storage()
        self._ready: RolloutStorage | None = None
        self.behaviour = copy.deepcopy(self.actor)
        self.generator = torch.Generator(device=self.device).manual_seed(seed)
        self.iteration, self.env_steps, self.wall_time_s = 0, 0, 0.0
        self.run_dir = Path(rc.log_dir) / rc.run_name
        if rc.resume:
            self._resume(rc.resume)
        distributed.broadcast_module(self.actor)
        distributed.broadcast_module(self.critic)
        self.behaviour.load_state_dict(self.actor.state_dict())
        self.log = TrainingLog(self.run_dir, enabled=rank == 0)
        self._returns: collections.deque[tuple[float, float]] = collections.deque(maxlen=50)
        self._windows: collections.deque[tuple[float, float]] = collections.deque()
        self._sums = self._zero_sums()
        self.timing = IterationTiming()

    def _tensors(self, obs: dict) -> dict[str, torch.Tensor]:
        return {k: _as_tensor(v) for k, v in obs.items()}

    def act(self, actor_obs: np.ndarray) -> np.ndarray:
        """The deterministic (deployment) action for actor observations (B, obs_dim), as numpy
        (B, action_dim): for evaluations during training."""
        with torch.no_grad():
            obs = torch.as_tensor(actor_obs, device=self.device)
            return self.actor(obs).cpu().numpy()

    # --- data collection ----------------------------------------------------------------------
    @torch.inference_mode()
    def collect(self, storage: RolloutStorage, actor: Actor) -> None:
        """Fill ``storage`` with one rollout of ``actor`` (the behaviour policy)."""
        storage.clear()
        storage.truncations.clear()
        start, env_time = time.perf_counter(), 0.0
        sigma = torch.exp(actor.log_std).expand(self.env.num_envs, -1)
        for step in range(storage.num_steps):
            actor_obs, critic_obs = self.obs["actor"], self.obs[self.critic_group]
            mu = actor(actor_obs)
            actions = mu + sigma * torch.randn_like(mu)
            t0 = time.perf_counter()
            result = self.env.step(actions.numpy() if self._numpy_env else actions)
            env_time += time.perf_counter() - t0
            truncated = torch.nonzero(_as_tensor(result.truncated))[:, 0]
            if len(truncated):
                done_ids = _as_tensor(result.info["done_ids"])
                rows = torch.searchsorted(done_ids, truncated)
                final = _as_tensor(result.info[f"final_{self.critic_group}_obs"])[rows]
                storage.truncations.append((step, truncated, final.clone()))
            dones = _as_tensor(result.terminated) | _as_tensor(result.truncated)
            storage.add(
                actor_obs=actor_obs,
                critic_obs=critic_obs,
                actions=actions,
                mu=mu,
                rewards=_as_tensor(result.reward).float(),
                dones=dones.float(),
            )
            self._track(result)
            self.obs = self._tensors(result.obs)
        storage.sigma[:] = sigma[:, None, :]
        behaviour = torch.distributions.Normal(storage.mu, storage.sigma)
        storage.log_probs = behaviour.log_prob(storage.actions).sum(-1)
        storage.last_critic_obs = self.obs[self.critic_group].clone()
        self.timing.collect_s = time.perf_counter() - start
        self.timing.env_s = env_time

    @torch.inference_mode()
    def _prepare(self, storage: RolloutStorage) -> None:
        """Values (one batched pass), truncation bootstraps and GAE, with the current critic."""
        gamma = self.config.ppo.gamma
        # The KL that steers the learning rate is measured from the policy as it is now (in
        # pipelined mode the behaviour policy is one update older; that lag is not this
        # update's step size). The importance ratios keep the behaviour's log-probabilities.
        storage.mu = self.actor(
            storage.actor_obs.reshape(-1, storage.actor_obs.shape[-1])
        ).reshape(storage.mu.shape)
        storage.sigma = torch.exp(self.actor.log_std).expand_as(storage.mu).clone()
        flat = storage.critic_obs.reshape(-1, storage.critic_obs.shape[-1])
        storage.values = self.critic(flat).reshape(storage.values.shape)
        for step, ids, final_obs in storage.truncations:
            # A time limit is not a terminal: bootstrap from the value of the final state.
            storage.rewards[ids, step] += gamma * self.critic(final_obs)
        last_values = self.critic(storage.last_critic_obs)
        storage.compute_returns(last_values, gamma, self.config.ppo.lam)

    def _zero_sums(self) -> torch.Tensor:
        """Episode returns, episodes, command successes, command windows: summed on the env's
        device during a rollout, read once per iteration."""
        return torch.zeros(4, dtype=torch.float64, device=self.device)

    def _track(self, result) -> None:
        info = result.info
        done = _as_tensor(info["command_done"])
        success = _as_tensor(info["command_success"]) & done
        self._sums += torch.stack(
            [
                _as_tensor(info["episode_return"]).double().sum(),
                torch.tensor(len(info["episode_return"]), device=self.device).double(),
                success.double().sum(),
                done.double().sum(),
            ]
        )

    def _fold_sums(self) -> None:
        """Move this iteration's sums (all ranks) into the rolling windows."""
        returns, episodes, successes, windows = distributed.all_sum(self._sums).tolist()
        self._sums = self._zero_sums()
        if episodes:
            self._returns.append((returns, episodes))
        self._windows.append((successes, windows))
        while sum(n for _, n in self._windows) - self._windows[0][1] >= (
            self.config.runner.success_window
        ):
            self._windows.popleft()

    # --- learning -------------------------------------------------------------------------------
    def _learn(self, storage: RolloutStorage) -> UpdateStats:
        start = time.perf_counter()
        self._prepare(storage)
        stats = self.ppo.update(storage, self.generator)
        # Normalizers absorb this rollout after the update, so the update saw the statistics the
        # rollout was collected with.
        distributed.update_normalizer(self.actor.normalizer, storage.actor_obs)
        distributed.update_normalizer(self.critic.normalizer, storage.critic_obs)
        self.timing.learn_s = time.perf_counter() - start
        return stats

    def learn_once(self) -> dict[str, float]:
        """One collection and one update; in pipelined mode they run at the same time."""
        start = time.perf_counter()
        if not self.config.runner.pipelined:
            self.collect(self.storage, self.actor)
            stats = self._learn(self.storage)
        else:
            stats = self._pipelined_iteration()
        self._fold_sums()
        self.iteration += 1
        steps = self.storage.num_envs * self.storage.num_steps * self.world_size
        self.env_steps += steps
        elapsed = time.perf_counter() - start
        self.wall_time_s += elapsed
        return self._scalars(stats, steps, elapsed)

    def _pipelined_iteration(self) -> UpdateStats:
        """Learn from the previous rollout in a thread while collecting the next one with the
        previous policy (one update of policy lag; PPO's ratio corrects for it)."""
        ready = self._ready
        if ready is None:  # the very first rollout: nothing to learn from yet
            self.collect(self.storage, self.behaviour)
            ready = self.storage
        box: dict[str, UpdateStats] = {}
        learner = threading.Thread(target=lambda: box.update(stats=self._learn(ready)))
        learner.start()
        self.collect(self._spare, self.behaviour)
        learner.join()
        self.behaviour.load_state_dict(self.actor.state_dict())
        self.storage = ready  # the rollout that was learned from (for inspection)
        self._ready, self._spare = self._spare, ready
        return box["stats"]

    def _scalars(self, stats: UpdateStats, steps: int, elapsed: float) -> dict[str, float]:
        returns = sum(r for r, _ in self._returns) / max(1.0, sum(n for _, n in self._returns))
        return {
            "episode/return_mean": returns,
            "episode/command_success": self.success_rate(),
            "loss/value": stats.value_loss,
            "loss/surrogate": stats.surrogate_loss,
            "policy/entropy": stats.entropy,
            "policy/kl": stats.kl,
            "policy/learning_rate": stats.learning_rate,
            "policy/action_std": stats.action_std,
            "perf/steps_per_s": steps / elapsed,
            "perf/collect_s": self.timing.collect_s,
            "perf/learn_s": self.timing.learn_s,
            "perf/env_s": self.timing.env_s,
            "perf/wall_time_s": self.wall_time_s,
        }

    def success_rate(self) -> float:
        """Command success over (about) the last ``success_window`` command windows, all ranks."""
        windows = sum(n for _, n in self._windows)
        return sum(s for s, _ in self._windows) / windows if windows else 0.0

    def _window_full(self) -> bool:
        return sum(n for _, n in self._windows) >= self.config.runner.success_window

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

    # --- persistence ----------------------------------------------------------------------------
    def checkpoint(self) -> Checkpoint:
        return Checkpoint(
            actor=self.actor.state_dict(),
            critic=self.critic.state_dict(),
            optimizer=self.ppo.optimizer.state_dict(),
            iteration=self.iteration,
            env_steps=self.env_steps,
            learning_rate=self.ppo.learning_rate,
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
        self.ppo.optimizer.load_state_dict(ckpt.optimizer)
        self.ppo.learning_rate = ckpt.learning_rate
        self.iteration, self.env_steps = ckpt.iteration, ckpt.env_steps
        self.wall_time_s = ckpt.wall_time_s
        self.env.seed(self.config.runner.seed + 7919 * ckpt.iteration + 1000 * self.rank)
        self.obs = self._tensors(self.env.reset())

    def _write_config(self) -> None:
        if self.rank != 0:
            return
        self.run_dir.mkdir(parents=True, exist_ok=True)
        (self.run_dir / "config.json").write_text(config_to_json(self.config) + "\n")
        (self.run_dir / "config.sha256").write_text(config_hash(self.config) + "\n")


def _as_tensor(array) -> torch.Tensor:
    """A torch view of an environment array (numpy on ``cpu``; already a tensor on ``warp``)."""
    return array if isinstance(array, torch.Tensor) else torch.from_numpy(np.asarray(array))


def _rank_device(config: TrainConfig, rank: int) -> str:
    """Each data-parallel rank on a GPU simulates and learns on its own device (``cuda:RANK``
    within its node); CPU ranks share the host."""
    device = config.env.device
    if device.startswith("cuda") and distributed.active():
        return f"cuda:{distributed.local_rank()}"
    return device


def _seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)
