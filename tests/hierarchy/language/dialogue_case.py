"""What the skill manager hears: ``said`` runs ``dialogue.interpret`` as the node calls it."""

from __future__ import annotations

from skillbridge.hierarchy.language.answers import Refusal
from skillbridge.hierarchy.language.dialogue import LanguageConfig, interpret


def said(parser, text, previous=None, confidence=1.0, **config):
    """``interpret(text)`` after ``previous``, at ``confidence``, with ``LanguageConfig(**config)``."""
    return interpret(text, previous, confidence, LanguageConfig(**config), parser)


def refused_as_unsafe(answer) -> bool:
    """Whether the answer is the safety refusal (not a question, not out of vocabulary)."""
    return isinstance(answer, Refusal) and answer.kind == "unsafe"
