"""The hierarchy in the batched simulator: a high level picks language motions, the learned
low-level skill (ONNX, through onnxruntime) executes them, a corrector may override at any moment.

Each simulated robot has its own ``Sequencer``, the same one the ROS skill manager runs: it
decides when the high level is asked, applies corrections, holds proposals in guided mode and
records the events. This module only drives the simulator: per control step the low level acts on
its contract observation; a motion is done when the tool is within tolerance with the fingers in
state and settled, or its 2.5 s window is over; the high level is asked in one batch for every
robot whose sequencer is ready; a simulated person's words are read by the same dialogue the
skill manager uses. There is no inverse kinematics anywhere at run time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Protocol

import numpy as np
from tqdm import tqdm

from skillbridge.contract.command import (
    MOTION_DONE_POS_M,
    MOTION_DONE_ROT_RAD,
    MOTION_DONE_SPEED_M_S,
    MOTION_MIN_S,
    MOTION_WINDOW_S,
)
from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.events import EventRecorder, Sink
from skillbridge.hierarchy.language.answers import Answer
from skillbridge.hierarchy.memory import CorrectionMemory
from skillbridge.hierarchy.observation import high_level_obs
from skillbridge.hierarchy.oracle import oracle_tokens
from skillbridge.hierarchy.sequencer import GuidedMode, Sequencer
from skillbridge.hierarchy.tasks import task_kind, task_success
from skillbridge.hierarchy.vocabulary import NUM_TOKENS, TOKENS, token_of
from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.randomization import RandomizationConfig, no_randomization
from skillbridge.sim.scene import TRAINING_PHYSICS_DT_S, SceneConfig
from skillbridge.sim.tasks.tabletop import TabletopConfig

PolicyFn = Callable[[np.ndarray], np.ndarray]
Embed = Callable[[list[str]], np.ndarray]
Parse = Callable[[str], Answer]
"""Text -> the language layer's typed answer (motion, motions, question or refusal)."""


class Chooser(Protocol):
    """A batched high level: tokens for (task embeddings (n, E), observations (n, OBS_DIM))."""

    def choose(self, tasks: list[str], embeddings: np.ndarray, obs: np.ndarray) -> np.ndarray: ...


@dataclasses.dataclass
class OracleChooser:
    """The scripted oracle, optionally taking a random motion with ``noise_prob`` (to visit the
    states a learned policy will visit; the label stays the oracle's)."""

    noise_prob: float = 0.0
    rng: np.random.Generator = dataclasses.field(default_factory=lambda: np.random.default_rng(0))

    def choose(self, tasks: list[str], embeddings: np.ndarray, obs: np.ndarray) -> np.ndarray:
        del embeddings
        tokens = oracle_tokens(obs, [task_kind(t) for t in tasks])
        noisy = self.rng.random(len(tokens)) < self.noise_prob
        tokens[noisy] = self.rng.integers(0, NUM_TOKENS, int(noisy.sum()))
        return tokens


@dataclasses.dataclass
class LogitChooser:
    """A learned high level given as ``logits_fn(embeddings, obs) -> (n, NUM_TOKENS)``."""

    logits_fn: Callable[[np.ndarray, np.ndarray], np.ndarray]

    def choose(self, tasks: list[str], embeddings: np.ndarray, obs: np.ndarray) -> np.ndarray:
        del tasks
        return np.argmax(self.logits_fn(embeddings, obs), axis=1)


class Corrector(Protocol):
    """Watches the true scene and the motions the high level picks."""

    def objects(
        self, env_id: int, t_s: float, task: str, true_obs: np.ndarray, chosen: int
    ) -> bool:
        """Whether the person will speak up about the motion just chosen."""
        ...

    def words(self, task: str, true_obs: np.ndarray) -> str:
        """What the person says, about the scene as it is when the words come out."""
        ...


@dataclasses.dataclass(frozen=True)
class RolloutConfig:
    """One batch of hierarchical episodes."""

    episodes: int = 100
    num_envs: int = 50
    max_episode_s: float = 50.0
    window_s: float = MOTION_WINDOW_S
    """A motion is done at the latest after this long (the low level's training window)."""
    min_motion_s: float = MOTION_MIN_S
    """Motions run at least this long before they can be reached (lets the arm start moving)."""
    cube_bias_m: tuple[float, float, float] = (0.0, 0.0, 0.0)
    """Error of the high level's cube estimate (a miscalibrated camera): the shifted setting."""
    randomize: bool = True
    reaction_s: float = 0.3
    """Delay from a wrong motion starting to the corrector's words arriving."""
    guided: GuidedMode = GuidedMode()
    seed: int = 0
    nthread: int = 2
    tabletop: TabletopConfig = TabletopConfig()
    scene: SceneConfig = SceneConfig(physics_dt_s=TRAINING_PHYSICS_DT_S)
    """Physics of the rollouts: the training scene unless told (e.g. ``franka_hand_grasp()``)."""
    progress: bool = False
    """A progress bar of finished episodes on stderr (the experiment's long runs)."""


@dataclasses.dataclass(frozen=True)
class EpisodeResult:
    task: str
    success: bool
    duration_s: float
    motions: int
    corrections: int


def make_env(cfg: RolloutConfig) -> VecEnv:
    dr = RandomizationConfig(push_rate_hz=0.0) if cfg.randomize else no_randomization()
    return VecEnv(
        EnvConfig(
            task="tabletop",
            num_envs=min(cfg.num_envs, cfg.episodes),
            nthread=cfg.nthread,
            randomization=dr,
            seed=cfg.seed,
            episode_length_s=cfg.max_episode_s + 5.0,
            grasped_start_prob=0.0,
            tabletop=cfg.tabletop,
            scene=cfg.scene,
        )
    )


class HierarchyRollout:
    """Runs ``cfg.episodes`` hierarchical episodes over a batched environment."""

    def __init__(
        self,
        cfg: RolloutConfig,
        low_level: PolicyFn,
        chooser: Chooser,
        embed: Embed,
        tasks: list[str],
        corrector: Corrector | None = None,
        parse: Parse | None = None,
        events: Sink | None = None,
        memory: CorrectionMemory | None = None,
    ) -> None:
        """Args: ``events`` receives every sequencer's event records (e.g. a list's append);
        ``memory``: one correction memory for the whole batch (one operator session: what is
        learned on one simulated robot is recalled on all)."""
        self.cfg, self.low_level, self.chooser = cfg, low_level, chooser
        self.corrector, self.parse = corrector, parse
        self.env = make_env(cfg)
        self.rng = np.random.default_rng(cfg.seed + 17)
        self.tasks = tasks
        self._embed_cache = dict(zip(tasks, embed(tasks), strict=True))
        n = self.env.num_envs
        sinks = [events] if events is not None else []
        self.sequencers = [
            Sequencer(cfg.guided, cfg.window_s, EventRecorder(sinks, header=i == 0), memory)
            for i in range(n)
        ]
        self.memory = memory
        self.bias = np.asarray(cfg.cube_bias_m)
        self.episode_of = np.full(n, -1)
        self.pending: list[tuple[float, int]] = []
        """(time the words arrive, environment) of corrections being spoken."""
        self.started = 0
        self._step = 0
        self._last_tool = np.zeros((n, 3))
        self.results: list[EpisodeResult] = []

    # --- observations ---------------------------------------------------------------------------
    def observations(self, ids: np.ndarray, biased: bool) -> np.ndarray:
        ph = self.env.physics
        tool_pos, tool_rot = (x[ids] for x in ph.tool_pose())
        cube_pos, cube_quat = (x[ids] for x in ph.cube_pose())
        if biased:  # what the high level sees: the shift, less what the memory learned of it
            cube_pos = cube_pos + self.bias
            if self.memory is not None:
                cube_pos = cube_pos - self.memory.seen_offset("cube")
        return high_level_obs(
            tool_pos, tool_rot, ph.finger_pos()[ids], cube_pos, cube_quat, ph.pad_pos()[ids]
        )

    @property
    def time_s(self) -> float:
        return self._step * self.env.dt_s

    # --- episodes -------------------------------------------------------------------------------
    def _start(self, ids: np.ndarray) -> None:
        """New episodes in ``ids`` while the quota lasts."""
        ids = ids[: max(0, self.cfg.episodes - self.started)]
        if len(ids) == 0:
            return
        self.env.reset_envs(ids)
        for i in ids:
            seq = self.sequencers[i]
            seq.recorder.episode = self.started
            seq.start_task(self.tasks[self.rng.integers(len(self.tasks))], self.time_s)
            self.episode_of[i] = self.started
            self.started += 1
        dropped = set(ids.tolist())
        self.pending = [p for p in self.pending if p[1] not in dropped]

    def _finish(self, ids: np.ndarray, success: np.ndarray) -> None:
        for i, ok in zip(ids, success, strict=True):
            seq = self.sequencers[i]
            self.results.append(
                EpisodeResult(
                    seq.task, bool(ok), seq.t_s(self.time_s), seq.motions, seq.corrections
                )
            )
            seq.end_task(self.time_s, bool(ok))
        self.episode_of[ids] = -1

    def run(self) -> list[EpisodeResult]:
        self._step = 0
        self.env.reset()
        self._start(np.arange(self.env.num_envs))
        obs = self.env.observations
        bar = tqdm(
            total=self.cfg.episodes, desc="episodes", unit="ep", disable=not self.cfg.progress
        )
        while len(self.results) < self.cfg.episodes:
            result = self.env.step(self.low_level(obs["actor"]))
            self._step += 1
            self._deliver_corrections()
            active = self.episode_of >= 0
            active &= ~self._check_episodes(active)
            self._finish_motions(active, result.info)
            self._decide(np.flatnonzero(active))
            obs = self.env.observations
            if (done := min(len(self.results), self.cfg.episodes)) > bar.n:
                bar.update(done - bar.n)
        bar.close()
        return self.results[: self.cfg.episodes]

    def _finish_motions(self, active: np.ndarray, info: dict) -> None:
        """End each running motion that is reached (settled after its minimum time) or whose
        window passed; send what the sequencer has next (a compound's queued motion)."""
        settled = self._settled(info)
        now = self.time_s
        for i in map(int, np.flatnonzero(active)):
            seq = self.sequencers[i]
            if seq.running is None:
                continue
            elapsed = now - seq.running.sent_s
            if settled[i] and elapsed >= self.cfg.min_motion_s:
                self._command(i, seq.finished("reached", now))
            elif elapsed >= self.cfg.window_s:
                self._command(i, seq.finished("timeout", now))

    def _settled(self, info: dict) -> np.ndarray:
        """Tool at its target (tight tolerance), fingers in state, tool nearly still."""
        tool_pos, _ = self.env.physics.tool_pose()
        speed = np.linalg.norm(tool_pos - self._last_tool, axis=1) / self.env.dt_s
        self._last_tool = tool_pos.copy()
        return (
            (info["pos_err_m"] <= MOTION_DONE_POS_M)
            & (info["rot_err_rad"] <= MOTION_DONE_ROT_RAD)
            & info["fingers_ok"]
            & (speed <= MOTION_DONE_SPEED_M_S)
        )

    def _check_episodes(self, active: np.ndarray) -> np.ndarray:
        ph = self.env.physics
        ids = np.flatnonzero(active)
        done = np.zeros(self.env.num_envs, bool)
        if len(ids) == 0:
            return done
        cube_pos, _ = ph.cube_pose()
        half = self.env.randomizer.cube_half_size()
        tool_pos, _ = ph.tool_pose()
        ok = np.zeros(self.env.num_envs, bool)
        tasks = [self.sequencers[i].task for i in range(self.env.num_envs)]
        for kind in ("place", "lift"):
            rows = np.array([i for i in ids if task_kind(tasks[i]) == kind], int)
            if len(rows):
                ok[rows] = task_success(
                    kind,
                    cube_pos[rows],
                    ph.pad_pos()[rows],
                    half[rows],
                    ph.finger_pos()[rows],
                    tool_pos[rows],
                )
        elapsed = np.array([self.sequencers[i].t_s(self.time_s) for i in range(len(tasks))])
        done[ids] = ok[ids] | (elapsed[ids] >= self.cfg.max_episode_s)
        finished = np.flatnonzero(done)
        if len(finished):
            self._finish(finished, ok[finished])
            self._start(finished)
        return done

    # --- decisions and corrections -------------------------------------------------------------
    def _decide(self, active: np.ndarray) -> None:
        """Release held proposals that are due; ask the high level, in one batch, for every
        robot whose sequencer is ready."""
        now = self.time_s
        for i in active:
            self._command(i, self.sequencers[i].release(now))
        ready = np.array([i for i in active if self.sequencers[i].ready_for_proposal(now)], int)
        if len(ready) == 0:
            return
        tasks = [self.sequencers[i].task for i in ready]
        emb = np.stack([self._embed_cache[t] for t in tasks])
        seen = self.observations(ready, biased=True)
        tokens = self.chooser.choose(tasks, emb, seen)
        for row, i in enumerate(ready):
            seq = self.sequencers[i]
            self._command(i, seq.propose(TOKENS[tokens[row]], now, seen[row]))
            if self.corrector is None or seq.proposal is None:
                continue
            proposed = token_of(seq.proposal.motion)  # the memory may have changed the choice
            true_obs = self.observations(np.array([i]), biased=False)[0]
            if self.corrector.objects(int(i), now, tasks[row], true_obs, proposed):
                self.pending.append((now + self.cfg.reaction_s, int(i)))

    def _command(self, i: int, motion: LanguageMotion | None) -> None:
        if motion is not None:
            self.env.set_commands(np.array([i]), np.array([motion.to_command()]))

    def _deliver_corrections(self) -> None:
        now = self.time_s
        due = [p for p in self.pending if p[0] <= now]
        self.pending = [p for p in self.pending if p[0] > now]
        for _, i in due:
            if self.episode_of[i] < 0 or self.parse is None or self.corrector is None:
                continue
            seq = self.sequencers[i]
            true_obs = self.observations(np.array([i]), biased=False)[0]
            text = self.corrector.words(seq.task, true_obs)
            seen = self.observations(np.array([i]), biased=True)[0]
            _, motion = seq.correct(text, self.parse(text), now, seen)
            self._command(i, motion)
