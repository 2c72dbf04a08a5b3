"""One way to open an ONNX file in onnxruntime: CPU, a fixed intra-op thread count, sequential.

Fixed threads give predictable latency on a shared robot PC; onnxruntime raises its own untyped
errors, which become the caller's error type with the file named. numpy-free, torch-free.
"""

from __future__ import annotations

from pathlib import Path

import onnxruntime as ort


def open_session(
    path: str | Path, threads: int = 1, error: type[Exception] = RuntimeError, what: str = "ONNX"
) -> ort.InferenceSession:
    """An ``InferenceSession`` on the CPU provider with ``threads`` intra-op threads.

    Raises:
        error: onnxruntime could not load the file (the message names it and ``what`` it is).
    """
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    try:
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own untyped errors
        raise error(f"cannot load {what} {path}: {exc}") from exc
