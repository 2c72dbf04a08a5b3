"""What the frozen and development set tests share: their generator scripts as modules, and the
scorecard of a set through ``dialogue.interpret`` as the skill manager calls it."""

from __future__ import annotations

import importlib.util
import types
from pathlib import Path

from skillbridge.hierarchy.language.scorecard import Report, run


def load_script(path: Path) -> types.ModuleType:
    """The generator script at ``path`` (not a package module) imported as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(rows: list[dict], encoder_folder: Path) -> Report:
    """``scorecard.run`` of ``rows`` through ``dialogue.interpret`` with the shipped parser."""
    from skillbridge.hierarchy.language.dialogue import interpret
    from skillbridge.hierarchy.language.parser import Parser

    parser = Parser(encoder_folder)
    return run(rows, lambda t, p, c: interpret(t, p, c, parser=parser))
