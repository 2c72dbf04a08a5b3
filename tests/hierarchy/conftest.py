"""The committed low-level skill and high level (``models/``), shared by the hierarchy tests."""

from __future__ import annotations

from pathlib import Path

import pytest

MODELS = Path(__file__).resolve().parents[2] / "models"


@pytest.fixture(scope="session")
def low_level():
    from skillbridge.policies.evaluate import OnnxPolicy

    return OnnxPolicy(str(MODELS / "motion.onnx"))


@pytest.fixture(scope="session")
def high_level_path() -> Path:
    return MODELS / "high_level.onnx"


@pytest.fixture(scope="session")
def encoder():
    from skillbridge.hierarchy.runtime import default_encoder

    return default_encoder()
