"""The high level's output space: every language motion with a named magnitude, as tokens.

27 tokens: six translations and two rotations, each small / normal / large, then open, close and
stop. A token is an index into ``TOKENS``; ``token_of`` maps any language motion (including an
explicit distance from a human) to the nearest token, so corrections become training labels.
"""

from __future__ import annotations

import math

from skillbridge.contract.language import (
    ANGLE_RAD,
    DISTANCE_M,
    MAGNITUDES,
    ROTATIONS,
    TRANSLATIONS,
    LanguageMotion,
)

TOKENS: tuple[LanguageMotion, ...] = (
    *(LanguageMotion.of(m, mag) for m in TRANSLATIONS for mag in MAGNITUDES),
    *(LanguageMotion.of(m, mag) for m in ROTATIONS for mag in MAGNITUDES),
    LanguageMotion.of("open"),
    LanguageMotion.of("close"),
    LanguageMotion.of("stop"),
)
NUM_TOKENS = len(TOKENS)
_INDEX = {(t.motion, t.magnitude): i for i, t in enumerate(TOKENS)}


def token_name(index: int) -> str:
    lm = TOKENS[index]
    return lm.motion if lm.magnitude is None else f"{lm.motion}:{lm.magnitude}"


def nearest_magnitude(size: float, table: dict[str, float]) -> str:
    """The named magnitude whose size is closest on a log scale (3 cm and 1 cm differ by 3x)."""
    return min(table, key=lambda m: abs(math.log(max(size, 1e-6) / table[m])))


def token_of(motion: LanguageMotion) -> int:
    """Token of a motion; explicit sizes snap to the nearest named magnitude."""
    if motion.motion in TRANSLATIONS:
        magnitude = motion.magnitude
        if magnitude not in DISTANCE_M:
            magnitude = nearest_magnitude(motion.distance_m or 0.0, DISTANCE_M)
        return _INDEX[(motion.motion, magnitude)]
    if motion.motion in ROTATIONS:
        magnitude = motion.magnitude
        if magnitude not in ANGLE_RAD:
            magnitude = nearest_magnitude(motion.angle_rad or 0.0, ANGLE_RAD)
        return _INDEX[(motion.motion, magnitude)]
    return _INDEX[(motion.motion, None)]


def same_intent(a: int, b: int) -> bool:
    """Whether two tokens ask for the same motion (magnitudes may differ)."""
    return TOKENS[a].motion == TOKENS[b].motion
