"""Helpers of the speech tests (imported by name; pytest's ``conftest`` modules are not)."""

from __future__ import annotations

import numpy as np

from skillbridge.hierarchy.speech.audio import SAMPLE_RATE_HZ

LEFT = "move the gripper a little to the left"
STOP = "now stop"


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE_HZ), np.float32)
