"""The one exception base class of ``skillbridge.hierarchy`` (the parser's older errors still
derive from ``PolicyError``, from before the hierarchy had a folder of its own)."""

from __future__ import annotations


class HierarchyError(Exception):
    """The language hierarchy could not do what was asked; the message says what to do."""


class SpeechError(HierarchyError):
    """Speech to text, segmentation or synthesis could not run; the message says what to do."""
