"""The hierarchy in the batched simulator: a high level picks language motions, the learned
low-level skill (ONNX, through onnxruntime) executes them, a corrector may override at any moment.

Per control step and environment: the low level acts on its contract observation; when the
current motion is done (tool within tolerance and fingers in state, or its 2.5 s window over) the
high level chooses the next one from its observation; a correction, when one arrives, is parsed
and replaces the current motion at once, and the high level resumes after it. There is no
inverse kinematics anywhere at run time: every motion is executed by the learned skill.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Protocol

import numpy as np

from skillbridge.contract.command import (
    MOTION_DONE_POS_M,
    MOTION_DONE_ROT_RAD,
    MOTION_DONE_SPEED_M_S,
    MOTION_MIN_S,
    MOTION_WINDOW_S,
)
from skillbridge.contract.language import LanguageMotion
from skillbridge.policies.hierarchy.dataset import EventLog
from skillbridge.policies.hierarchy.observation import high_level_obs
from skillbridge.policies.hierarchy.oracle import oracle_tokens
from skillbridge.policies.hierarchy.tasks import task_kind, task_success
from skillbridge.policies.hierarchy.vocabulary import NUM_TOKENS, TOKENS
from skillbridge.sim.env import VecEnv
from skillbridge.sim.env_config import EnvConfig
from skillbridge.sim.randomization import RandomizationConfig, no_randomization
from skillbridge.sim.tasks.tabletop import TabletopConfig

PolicyFn = Callable[[np.ndarray], np.ndarray]
Embed = Callable[[list[str]], np.ndarray]


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


class Parse(Protocol):
    def __call__(self, text: str) -> LanguageMotion | str:
        """A motion, or the reason it was refused."""
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
    guided_s: float = 5.0
    """For this long after a correction, each high-level proposal is held for ``veto_window_s``
    before it runs, so the person who is correcting sees it and can replace it first."""
    veto_window_s: float = 0.4
    floor_after_correction_s: float = 1.0
    """After a correction, the high level resumes no sooner than this (the person who just spoke
    keeps the floor long enough to speak again, at the corrector's one-per-second pace)."""
    seed: int = 0
    nthread: int = 2
    tabletop: TabletopConfig = TabletopConfig()


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
        log: EventLog | None = None,
    ) -> None:
        self.cfg, self.low_level, self.chooser = cfg, low_level, chooser
        self.corrector, self.parse, self.log = corrector, parse, log
        self.env = make_env(cfg)
        self.rng = np.random.default_rng(cfg.seed + 17)
        self.tasks = tasks
        self._embed_cache = {t: e for t, e in zip(tasks, embed(tasks), strict=True)}
        n = self.env.num_envs
        self.bias = np.asarray(cfg.cube_bias_m)
        self.task_of = [""] * n
        self.episode_of = np.full(n, -1)
        self.t0 = np.zeros(n)
        self.motion_start = np.zeros(n)
        self.correcting = np.zeros(n, bool)
        self.last_correction = np.full(n, -1e9)
        self.held_token = np.full(n, -1)
        self.held_until = np.zeros(n)
        self.pending: list[tuple[float, int]] = []
        """(time the words arrive, environment) of corrections being spoken."""
        self.last_said = np.full(n, -1e9)
        self.motions = np.zeros(n, int)
        self.corrections = np.zeros(n, int)
        self.started = 0
        self._step = 0
        self._last_tool = np.zeros((n, 3))
        self.results: list[EpisodeResult] = []

    # --- observations ---------------------------------------------------------------------------
    def observations(self, ids: np.ndarray, biased: bool) -> np.ndarray:
        ph = self.env.physics
        tool_pos, tool_rot = (x[ids] for x in ph.tool_pose())
        cube_pos, cube_quat = (x[ids] for x in ph.cube_pose())
        if biased:
            cube_pos = cube_pos + self.bias
        return high_level_obs(
            tool_pos, tool_rot, ph.finger_pos()[ids], cube_pos, cube_quat, ph.pad_pos()[ids]
        )

    @property
    def time_s(self) -> float:
        return self._step * self.env.dt_s

    # --- episodes -------------------------------------------------------------------------------
    def _start(self, ids: np.ndarray) -> np.ndarray:
        """New episodes in ``ids`` while the quota lasts; returns the ids that got one."""
        ids = ids[: max(0, self.cfg.episodes - self.started)]
        if len(ids) == 0:
            return ids
        self.env.reset_envs(ids)
        for i in ids:
            self.task_of[i] = self.tasks[self.rng.integers(len(self.tasks))]
            self.episode_of[i] = self.started
            self.started += 1
        self.t0[ids] = self.time_s
        self.motions[ids] = 0
        self.corrections[ids] = 0
        self.correcting[ids] = False
        self.last_correction[ids] = -1e9
        self.held_token[ids] = -1
        self.pending = [p for p in self.pending if p[1] not in set(ids.tolist())]
        self._decide(ids)
        return ids

    def _finish(self, ids: np.ndarray, success: np.ndarray) -> None:
        for i, ok in zip(ids, success, strict=True):
            self.results.append(
                EpisodeResult(
                    self.task_of[i],
                    bool(ok),
                    self.time_s - self.t0[i],
                    int(self.motions[i]),
                    int(self.corrections[i]),
                )
            )
            if self.log is not None:
                self.log.episode_end(
                    int(self.episode_of[i]), self.task_of[i], bool(ok), self.time_s - self.t0[i]
                )
        self.episode_of[ids] = -1

    def run(self) -> list[EpisodeResult]:
        self._step = 0
        self.env.reset()
        self._start(np.arange(self.env.num_envs))
        obs = self.env.observations
        while len(self.results) < self.cfg.episodes:
            result = self.env.step(self.low_level(obs["actor"]))
            obs = result.obs
            self._step += 1
            self._deliver_corrections()
            self._release_held()
            active = self.episode_of >= 0
            done_now = self._check_episodes(active)
            active &= ~done_now
            elapsed = self.time_s - self.motion_start
            finished = (self._settled(result.info) & (elapsed >= self.cfg.min_motion_s)) | (
                elapsed >= self.cfg.window_s
            )
            floor = (self.time_s - self.last_correction) < self.cfg.floor_after_correction_s
            ready = np.flatnonzero(active & finished & ~floor & (self.held_token < 0))
            self.correcting[ready] = False
            if len(ready):
                self._decide(ready)
            obs = self.env.observations
        return self.results[: self.cfg.episodes]

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
        for kind in ("place", "lift"):
            rows = np.array([i for i in ids if task_kind(self.task_of[i]) == kind], int)
            if len(rows):
                ok[rows] = task_success(
                    kind,
                    cube_pos[rows],
                    ph.pad_pos()[rows],
                    half[rows],
                    ph.finger_pos()[rows],
                    tool_pos[rows],
                )
        timeout = (self.time_s - self.t0) >= self.cfg.max_episode_s
        done[ids] = ok[ids] | timeout[ids]
        finished = np.flatnonzero(done)
        if len(finished):
            self._finish(finished, ok[finished])
            self._start(finished)
        return done

    # --- decisions and corrections -------------------------------------------------------------
    def _decide(self, ids: np.ndarray) -> None:
        tasks = [self.task_of[i] for i in ids]
        emb = np.stack([self._embed_cache[t] for t in tasks])
        seen = self.observations(ids, biased=True)
        tokens = self.chooser.choose(tasks, emb, seen)
        guided = (self.time_s - self.last_correction[ids]) < self.cfg.guided_s
        self._command(ids[~guided], tokens[~guided])
        self.held_token[ids[guided]] = tokens[guided]
        self.held_until[ids[guided]] = self.time_s + self.cfg.veto_window_s
        for row, i in enumerate(ids):
            if self.log is not None:
                self.log.decision(
                    int(self.episode_of[i]),
                    self.time_s - self.t0[i],
                    tasks[row],
                    seen[row],
                    int(tokens[row]),
                )
            if self.corrector is not None:
                true_obs = self.observations(np.array([i]), biased=False)[0]
                if self.corrector.objects(
                    int(i), self.time_s, tasks[row], true_obs, int(tokens[row])
                ):
                    self.pending.append((self.time_s + self.cfg.reaction_s, int(i)))

    def _release_held(self) -> None:
        """Proposals held in guided mode run once their veto window passed uncorrected."""
        due = np.flatnonzero((self.held_token >= 0) & (self.held_until <= self.time_s))
        if len(due):
            self._command(due, self.held_token[due])
            self.held_token[due] = -1

    def _command(self, ids: np.ndarray, tokens: np.ndarray) -> None:
        if len(ids) == 0:
            return
        commands = np.array([TOKENS[t].to_command() for t in tokens])
        self.env.set_commands(ids, commands)
        self.motion_start[ids] = self.time_s
        self.motions[ids] += 1

    def _deliver_corrections(self) -> None:
        due = [p for p in self.pending if p[0] <= self.time_s]
        self.pending = [p for p in self.pending if p[0] > self.time_s]
        for _, i in due:
            if self.episode_of[i] < 0 or self.parse is None or self.corrector is None:
                continue
            true_obs = self.observations(np.array([i]), biased=False)[0]
            text = self.corrector.words(self.task_of[i], true_obs)
            parsed = self.parse(text)
            seen = self.observations(np.array([i]), biased=True)[0]
            if self.log is not None:
                self.log.correction(
                    int(self.episode_of[i]),
                    self.time_s - self.t0[i],
                    self.task_of[i],
                    seen,
                    text,
                    parsed,
                )
            if isinstance(parsed, str):
                continue  # refused: nothing changes
            self.held_token[i] = -1  # a held proposal is replaced by the correction
            self.env.set_commands(np.array([i]), np.array([parsed.to_command()]))
            self.motion_start[i] = self.time_s
            self.last_correction[i] = self.time_s
            self.correcting[i] = True
            self.corrections[i] += 1
            self.motions[i] += 1
