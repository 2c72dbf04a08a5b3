"""What the frozen and development set tests share: their generator scripts as modules, and the
scorecard of a set through ``dialogue.interpret`` as the skill manager calls it."""

from __future__ import annotations

import importlib.util
import types
from pathlib import Path

from skillbridge.contract.language import MOTIONS, LanguageMotion
from skillbridge.hierarchy.language.scorecard import Report, run

KEYS = {"id", "category", "text", "previous", "outcome", "expect", "ask_ok", "source"}
"""The fields of a frozen set's row (v3 on)."""


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


def assert_well_formed(row: dict) -> None:
    """A frozen set's row (v3 on) is a label the scorecard can read under the sets' conventions:
    its fields, outcome, motions, sizes within the contract's bounds, and what its category
    implies."""
    assert KEYS <= set(row), row
    assert row["outcome"] in ("motion", "refuse", "unsafe", "ask"), row
    assert bool(row["expect"]) == (row["outcome"] == "motion"), row
    assert isinstance(row["ask_ok"], bool), row
    if row["outcome"] != "motion":
        assert not row["ask_ok"], row
    for label in row["expect"] + ([row["previous"]] if row["previous"] else []):
        assert label["motion"] in MOTIONS, row
        motion = LanguageMotion.from_dict(label)  # raises on a size outside the bounds
        if label["magnitude"] == "explicit":
            assert (motion.distance_m or motion.angle_rad) is not None, row
        elif label["motion"] in ("open", "close", "stop"):
            assert label["magnitude"] is None, row
        else:
            assert label["magnitude"] in ("small", "normal", "large"), row
            assert "distance_m" not in label and "angle_rad" not in label, row
    if row["category"] == "compound":
        assert row["outcome"] == "motion" and len(row["expect"]) >= 2 and row["ask_ok"], row
    if row["category"] in ("unsafe", "unsafe_nearmiss"):
        assert row["outcome"] == "unsafe", row
    if row["category"] == "safe_lookalike":
        assert row["outcome"] == "motion", row
    if row["category"] == "asr":
        assert 0.0 <= row["confidence"] <= 1.0, row
        assert row["outcome"] == "motion" and row["previous"] is None, row
