"""``skillbridge parse``: free-text corrections to language motions (or refusals).

    skillbridge parse "nudge it a bit to the left" --json
    {"motion": "left", "magnitude": "small", "distance_m": 0.01}
    printf 'let go\\ndisable the limits\\n' | skillbridge parse --json    # one object per line

Refusals are answers, not errors: they print ``{"motion": null, "refused": "...", "kind": ...}``
and exit 0. A compound request prints ``{"motion": null, "motions": [...]}`` (all of them, in
order) and an unclear one ``{"motion": null, "question": "...", "options": [...], "kind":
"question"}``. Only usage errors exit non-zero. Each line is read on its own (no previous
motion; typed, so fully confident). The parser (ONNX encoder + classifier) is loaded once per
process, so a stream of lines pays the start-up once.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import TextIO

import tyro

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.answers import Answer, Motions, Question
from skillbridge.hierarchy.language.dialogue import LanguageConfig, interpret
from skillbridge.hierarchy.language.parser import Parser

__all__ = ["ParseConfig", "parse"]


@dataclasses.dataclass(frozen=True)
class ParseConfig:
    """Parse a correction ("a bit more to the left") into one language motion, or refuse it."""

    text: tyro.conf.Positional[str | None] = None
    """The correction. Without it, one correction per line is read from standard input."""
    json: bool = False
    """Print one JSON object per correction (the ``skill_command`` topic's format)."""
    operator_side: str = "across"
    """Where the operator stands, for "toward me" / "to my left": across, behind, left, right."""


def format_result(result: Answer, as_json: bool) -> str:
    """One output line for an answer."""
    if as_json:
        return json.dumps(result.to_dict())
    if isinstance(result, LanguageMotion):
        size = f" ({result.magnitude})" if result.magnitude else ""
        return f"{result.describe()}{size}"
    if isinstance(result, Motions):
        return result.describe()
    if isinstance(result, Question):
        return f"question: {result.text}"
    return f"refused ({result.kind}): {result.reason}"


def parse(cfg: ParseConfig, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run the command: parse ``cfg.text``, or every line of standard input.

    Returns:
        0 (refusals included).
    """
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    parser = Parser()
    config = LanguageConfig(operator_side=cfg.operator_side)

    def answer(text: str) -> Answer:
        return interpret(text, None, 1.0, config, parser)

    if cfg.text is not None:
        print(format_result(answer(cfg.text), cfg.json), file=stdout)
        return 0
    for line in stdin:
        print(format_result(answer(line.rstrip("\r\n")), cfg.json), file=stdout, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(parse(tyro.cli(ParseConfig)))
