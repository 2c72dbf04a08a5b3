"""The ONNX sentence encoder: built from an empty cache, and equal to the torch pipeline."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import numpy as np
import pytest

from skillbridge.hierarchy.language.encoder import (
    EMBED_DIM,
    EncoderError,
    OnnxSentenceEncoder,
    encoder_dir,
    ensure_encoder,
    is_complete,
)

SENTENCES = [
    "move a bit to the left",
    "stop",
    "overshot forward, back off a little",
    "rotate the gripper thirty degrees clockwise, then wait for me to check the result",
    "let go",
    "disable the collision checks",
    "Grab it!",
    "you're too far left",
    "a",
    "two centimetres to the right please, and be careful with the cup on the table " * 3,
]


def test_onnx_matches_torch_encoder(encoder_folder):
    """Same tokens, same weights, same pooling: max abs difference <= 1e-5 on a padded batch."""
    from skillbridge.hierarchy.language.torch_encoder import TorchSentenceEncoder

    reference = TorchSentenceEncoder().encode(SENTENCES)
    onnx = OnnxSentenceEncoder(encoder_folder).encode(SENTENCES)
    assert onnx.shape == reference.shape == (len(SENTENCES), EMBED_DIM)
    assert float(np.max(np.abs(onnx - reference))) <= 1e-5
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)


def test_batch_padding_does_not_change_embeddings(encoder_folder):
    encoder = OnnxSentenceEncoder(encoder_folder)
    alone = np.stack([encoder.encode([s])[0] for s in SENTENCES[:4]])
    assert float(np.max(np.abs(encoder.encode(SENTENCES[:4]) - alone))) <= 1e-5


def test_encoder_builds_from_an_empty_cache(tmp_path):
    """What a fresh clone does on first use: export in a subprocess (torch), then reuse."""
    start = time.perf_counter()
    folder = ensure_encoder(tmp_path)
    built_s = time.perf_counter() - start
    try:
        assert is_complete(folder) and folder == encoder_dir(tmp_path)
        assert (folder / "encoder.onnx").stat().st_size > 80e6
        start = time.perf_counter()
        assert ensure_encoder(tmp_path) == folder  # cached: no second build
        assert time.perf_counter() - start < 0.5
        assert built_s < 120
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_incomplete_folder_is_refused_with_a_fix(tmp_path):
    with pytest.raises(EncoderError, match="ensure_encoder"):
        OnnxSentenceEncoder(tmp_path)


def test_export_command_line_reuses_a_complete_folder(encoder_folder):
    cmd = [sys.executable, "-m", "skillbridge.hierarchy.language.torch_encoder"]
    done = subprocess.run(
        [*cmd, "--cache", str(encoder_folder.parent)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert str(encoder_folder) in done.stdout
