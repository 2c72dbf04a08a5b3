"""Shared fixtures. Tests use the real parts: real MuJoCo models, real sessions, real nodes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# MuJoCo Warp's kernels compile once per checkout into this cache (about a minute on two cores),
# not once per test process; subprocesses inherit it.
os.environ.setdefault("WARP_CACHE_PATH", str(Path(__file__).resolve().parents[1] / ".cache/warp"))

from skillbridge.sim.robot import panda_policy_spec
from skillbridge.sim.scene import compile_scene


@pytest.fixture(scope="session")
def panda_model():
    """The compiled tabletop scene (nominal physics)."""
    return compile_scene()


@pytest.fixture(scope="session")
def panda_spec(panda_model):
    """The motion skill's contract read off the scene."""
    return panda_policy_spec(panda_model)
