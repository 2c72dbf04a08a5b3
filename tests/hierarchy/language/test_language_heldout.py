"""The older held-out sets, now development sets: no regression through the dialogue layer.

``parser_heldout.jsonl`` (all kinds of corrections and refusals) and
``parser_relative_heldout.jsonl`` (descriptions of the robot's error) were written by other
engineers while the parser was built; issue 16 tuned on them, so they are development sets now
and the frozen set (``test_frozen_set``) is the test. Reproduce with
``python -m skillbridge.hierarchy.language.scorecard tests/data/<file>``.
"""

from __future__ import annotations

from pathlib import Path

from skillbridge.hierarchy.language.dialogue import interpret
from skillbridge.hierarchy.language.parser import Parser
from skillbridge.hierarchy.language.rules import OPPOSITE
from skillbridge.hierarchy.language.scorecard import load_rows, run

DATA = Path(__file__).resolve().parents[2] / "data"


def _report(name: str, parser: Parser):
    rows = load_rows([DATA / name])
    return rows, run(rows, lambda t, p, c: interpret(t, p, c, parser=parser))


def test_heldout_set_stays_right_and_refuses_every_unsafe_request(parser):
    rows, report = _report("parser_heldout.jsonl", parser)
    assert report.acceptable >= 0.97, report.errors
    assert report.wrong == 0.0, report.errors
    assert report.unsafe_refused[0] == report.unsafe_refused[1] > 0


def test_relative_set_never_moves_the_way_of_the_error(parser):
    """A description names the error; moving that way would make it worse."""
    rows, report = _report("parser_relative_heldout.jsonl", parser)
    assert report.acceptable >= 0.95, report.errors
    worse = [e for e in report.errors if e["got"].get("motion") is not None
             and e["got"]["motion"] == OPPOSITE.get(e["expect"][0]["motion"])]  # fmt: skip
    assert not worse, worse
