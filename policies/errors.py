"""The one exception base class of ``skillbridge.policies``."""

from __future__ import annotations


class PolicyError(Exception):
    """A policy input was wrong (config, checkpoint, ONNX file, report); the message says what
    and what to do."""


class VerificationError(PolicyError):
    """A policy file failed, or has no, verification."""
