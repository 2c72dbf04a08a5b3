"""Fixtures of the language tests: the real ONNX encoder folder (built once if missing) and a
parser on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillbridge.hierarchy.language.encoder import ensure_encoder
from skillbridge.hierarchy.language.parser import Parser


@pytest.fixture(scope="session")
def encoder_folder() -> Path:
    """The cached encoder folder; the first run on a fresh machine exports it (~10 s)."""
    return ensure_encoder()


@pytest.fixture(scope="module")
def parser(encoder_folder) -> Parser:
    """The parser on the real encoder (a module overrides it where it needs another)."""
    return Parser(encoder_folder)
