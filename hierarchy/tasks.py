"""The tasks the high level is asked to do, their phrasings, and their success tests.

Two task kinds on the tabletop scene, each with several phrasings (the high level reads the text
through sentence embeddings, so it must follow the meaning, not one string). The last phrasing of
each kind is held out of training.
"""

from __future__ import annotations

import numpy as np

TASK_PHRASES: dict[str, tuple[str, ...]] = {
    "place": (
        "put the cube on the pad",
        "place the red cube on the green pad",
        "move the block onto the target pad",
        "set the cube down on the green circle",
        "carry the red block over to the pad and leave it there",
    ),
    "lift": (
        "pick up the cube",
        "lift the red block",
        "grab the cube and raise it",
        "hold the red cube up in the air",
    ),
}
HELD_OUT = {kind: phrases[-1] for kind, phrases in TASK_PHRASES.items()}
TRAIN_PHRASES = {kind: phrases[:-1] for kind, phrases in TASK_PHRASES.items()}
LIFT_HEIGHT_M = 0.09


def task_kind(text: str) -> str:
    """The kind of a known phrasing (training and evaluation only; the learned high level reads
    the embedding, never this lookup)."""
    for kind, phrases in TASK_PHRASES.items():
        if text in phrases:
            return kind
    raise KeyError(
        f"unknown task text {text!r}; known: {sorted(p for v in TASK_PHRASES.values() for p in v)}"
    )


def task_success(
    kind: str,
    cube_pos: np.ndarray,
    pad_pos: np.ndarray,
    cube_half: np.ndarray,
    finger_m: np.ndarray,
    tool_pos: np.ndarray,
    pad_radius_m: float = 0.05,
) -> np.ndarray:
    """Success per environment, (N,) bool.

    ``place``: the cube rests on the table inside the pad and the fingers have let go.
    ``lift``: the cube is held between the fingers at least ``LIFT_HEIGHT_M`` up.
    """
    if kind == "place":
        inside = np.linalg.norm(cube_pos[:, :2] - pad_pos[:, :2], axis=1) <= pad_radius_m
        resting = np.abs(cube_pos[:, 2] - cube_half) <= 0.01
        released = finger_m > cube_half + 0.004
        return inside & resting & released
    held = np.linalg.norm(cube_pos - tool_pos, axis=1) < 0.03
    return held & (cube_pos[:, 2] >= LIFT_HEIGHT_M)
