"""``skillbridge parse``: free-text corrections to language motions (or refusals).

    skillbridge parse "nudge it a bit to the left" --json
    {"motion": "left", "magnitude": "small", "distance_m": 0.01}
    printf 'let go\\ndisable the limits\\n' | skillbridge parse --json    # one object per line

Refusals are answers, not errors: they print ``{"motion": null, "refused": "...", "kind": ...}``
and exit 0. Only usage errors exit non-zero. The parser (ONNX encoder + classifier) is loaded
once per process, so a stream of lines pays the start-up once.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import TextIO

import tyro

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.language.parser import Parser, ParseResult

__all__ = ["ParseConfig", "parse"]


@dataclasses.dataclass(frozen=True)
class ParseConfig:
    """Parse a correction ("a bit more to the left") into one language motion, or refuse it."""

    text: tyro.conf.Positional[str | None] = None
    """The correction. Without it, one correction per line is read from standard input."""
    json: bool = False
    """Print one JSON object per correction (the ``skill_command`` topic's format)."""


def format_result(result: ParseResult, as_json: bool) -> str:
    """One output line for a parse result."""
    if as_json:
        return json.dumps(result.to_dict())
    if isinstance(result, LanguageMotion):
        size = f" ({result.magnitude})" if result.magnitude else ""
        return f"{result.describe()}{size}"
    return f"refused ({result.kind}): {result.reason}"


def parse(cfg: ParseConfig, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run the command: parse ``cfg.text``, or every line of standard input.

    Returns:
        0 (refusals included).
    """
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    parser = Parser()
    if cfg.text is not None:
        print(format_result(parser.parse(cfg.text), cfg.json), file=stdout)
        return 0
    for line in stdin:
        print(format_result(parser.parse(line.rstrip("\r\n")), cfg.json), file=stdout, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(parse(tyro.cli(ParseConfig)))
