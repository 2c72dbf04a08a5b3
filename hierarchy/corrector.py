"""A simulated human corrector: watches the true scene and says what the robot should do instead.

It knows the right next motion (the oracle on the *true* scene) and speaks when the motion the
robot just started asks for something else, at most once per ``min_interval_s``. Its words come
from its own phrasing bank (``corrector_phrases.json``), written separately from the parser's
training phrases: plain commands with magnitude words, explicit distances, and relative
descriptions of the error ("you're a bit too far left"). Every phrase goes through the real
parser, so a misunderstanding is possible, as with a person.
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import numpy as np

from skillbridge.contract.language import ROTATIONS, TRANSLATIONS, LanguageMotion
from skillbridge.hierarchy.oracle import oracle_motion
from skillbridge.hierarchy.tasks import task_kind
from skillbridge.hierarchy.vocabulary import same_intent, token_of

PHRASES_PATH = Path(__file__).with_name("corrector_phrases.json")


@dataclasses.dataclass(frozen=True)
class CorrectorConfig:
    min_interval_s: float = 1.0
    explicit_prob: float = 0.2
    """Share of corrections given as an explicit distance or angle."""
    relative_prob: float = 0.3
    """Share given as a description of the error ("you're too far left")."""
    seed: int = 0


class SimulatedCorrector:
    """Implements ``controller.Corrector``."""

    def __init__(self, cfg: CorrectorConfig | None = None, phrases: Path = PHRASES_PATH) -> None:
        self.cfg = cfg or CorrectorConfig()
        self.bank = json.loads(phrases.read_text())
        self.rng = np.random.default_rng(self.cfg.seed)
        self.last_said: dict[int, float] = {}
        self.spoken = 0

    def objects(
        self, env_id: int, t_s: float, task: str, true_obs: np.ndarray, chosen: int
    ) -> bool:
        """Speak up when the chosen motion is not what the task needs now (rate limited)."""
        right = oracle_motion(true_obs, task_kind(task))
        if same_intent(token_of(right), chosen):
            return False
        if t_s - self.last_said.get(env_id, -math.inf) < self.cfg.min_interval_s:
            return False
        self.last_said[env_id] = t_s
        self.spoken += 1
        return True

    def words(self, task: str, true_obs: np.ndarray) -> str:
        """The right next motion for the scene as it is now, in the corrector's words."""
        return self.phrase(oracle_motion(true_obs, task_kind(task)))

    def phrase(self, motion: LanguageMotion) -> str:
        """Natural words for a motion."""
        pick = self.rng.random()
        if motion.motion in TRANSLATIONS and pick < self.cfg.explicit_prob:
            return self._explicit_translation(motion)
        if motion.motion in ROTATIONS and pick < self.cfg.explicit_prob:
            return self._explicit_rotation(motion)
        relative = self.bank["relative"].get(motion.motion, {})
        if motion.magnitude in relative and pick < self.cfg.explicit_prob + self.cfg.relative_prob:
            return self._choice(relative[motion.magnitude])
        cell = self.bank["templates"][motion.motion]
        return self._choice(cell[motion.magnitude] if isinstance(cell, dict) else cell)

    def _explicit_translation(self, motion: LanguageMotion) -> str:
        template = self._choice(self.bank["explicit"]["translate"])
        direction = self._choice(self.bank["direction_words"][motion.motion])
        cm = motion.distance_m * 100 if motion.distance_m else 1.0
        return template.format(direction=direction, cm=_number(cm), mm=_number(cm * 10))

    def _explicit_rotation(self, motion: LanguageMotion) -> str:
        template = self._choice(self.bank["explicit"]["rotate"])
        direction = self._choice(self.bank["rot_direction_words"][motion.motion])
        deg = math.degrees(motion.angle_rad or 0.0)
        return template.format(rot_direction=direction, deg=_number(deg))

    def _choice(self, options: list[str]) -> str:
        return options[int(self.rng.integers(len(options)))]


def _number(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 1e-6 else f"{value:.1f}"


__all__ = ["CorrectorConfig", "SimulatedCorrector"]
