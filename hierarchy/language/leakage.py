"""Keeps test utterances out of everything the parser is tuned or trained on.

``tuning_texts()`` gathers every text used for tuning or training: the intent classifier's
generated training and dev phrases, the upper-case tables of the phrase and word-rule modules,
the simulated corrector's phrases and the development sets (retired frozen sets included).
``near_duplicates`` finds texts that equal one of them after normalization (lowercase, letters
and digits only) or come within a fuzzy ratio (rapidfuzz, Levenshtein-based) of one.
"""

from __future__ import annotations

import importlib
import json
import re
import types
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

NEAR_DUPLICATE = 92.0
"""rapidfuzz ``fuzz.ratio`` (0-100) at or above which two normalized texts are the same."""
TABLE_MODULES = (
    "lexicon", "safety_words", "paraphrases", "phrasebook", "speech_text", "dialogue", "previous",
    "conversation", "spoken", "units", "relative", "rules", "reframe", "carry_on", "rewrites",
    "asking", "hazards", "trade_words", "more_words", "contact_pace", "field_words",
)  # fmt: skip
"""Modules of ``skillbridge.hierarchy.language`` whose upper-case constants are word tables."""
DEV_SET_PATTERNS = ("language_dev*.jsonl", "parser_*heldout*.jsonl")
"""The development sets in ``tests/data/``: typed and spoken (``tests/data/make_dev_asr.py``)
sentences the parser is tuned on. Every one counts as tuning data: a new development set named
this way is covered by the leakage tests without being listed anywhere."""
RETIRED_FROZEN_SETS = (
    "language_frozen_v2/typed.jsonl", "language_frozen_v2/asr.jsonl",
    "language_frozen_v3/typed.jsonl", "language_frozen_v3/asr.jsonl",
    "language_frozen_v4/typed.jsonl", "language_frozen_v4/asr.jsonl",
    "language_frozen_v5/typed.jsonl", "language_frozen_v5/asr.jsonl",
    "language_frozen_v6/typed.jsonl", "language_frozen_v6/asr.jsonl",
    "language_frozen_v7/typed.jsonl", "language_frozen_v7/asr.jsonl",
    "language_frozen_v8/typed.jsonl", "language_frozen_v8/asr.jsonl",
    "language_frozen_v9/typed.jsonl", "language_frozen_v9/asr.jsonl",
)  # fmt: skip
"""Frozen sets retired to development (under ``tests/data/``): tuned on since, so tuning data.
v2 was retired on 2026-12-07, when no other unseen set was left to tune on; a frozen v3,
written independently, measures that round. v3 was retired on 2026-12-07 in turn, after it had
measured that round; a frozen v4, written independently, measures the round that tunes on v3.
v4 was retired on 2026-12-08 after measuring two rounds; a frozen v5, written independently,
measures the round that tunes on v4. v5 was retired on 2026-12-08 in turn, after it had measured
that round; a frozen v6, written independently, measures the round that tunes on v5. v6 was
retired on 2026-12-08 likewise, and a frozen v7 measures the round that tunes on it; then v7,
and a frozen v8 measures the round on v7; then v8 (2026-12-08), and a frozen v9 measures the
round on v8; then v9 (2026-12-08), and a frozen v10 measures the round on v9. A later frozen
set is checked against them too."""
MIN_WORDS = 3
"""Texts shorter than this ("stop", "up", "other way") are the vocabulary itself: exempt, on
either side of a comparison. (Exempt only as the text checked, a pair was judged by the order of
the check: v7's "otherway please" passed against v1's "other way please" when v7 was frozen,
and failed v1's check once v7 had been retired to the tuning texts.)"""


def normalized(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [s for v in value for s in _strings(v)]
    return []


def module_tables(module: types.ModuleType, skip: frozenset[str] = frozenset()) -> list[str]:
    """Every string in a module's upper-case constants (tables of words and phrases), but those
    named in ``skip``."""
    return [
        s
        for name, v in vars(module).items()
        if name.isupper() and name not in skip
        for s in _strings(v)
    ]


def development_sets(root: Path) -> list[Path]:
    """Every development set under ``root/tests/data`` (``DEV_SET_PATTERNS`` and the retired
    frozen sets, ``RETIRED_FROZEN_SETS``)."""
    data = root / "tests" / "data"
    found = [p for pattern in DEV_SET_PATTERNS for p in sorted(data.glob(pattern))]
    return found + [data / name for name in RETIRED_FROZEN_SETS]


def tuning_texts(root: Path) -> list[str]:
    """Every text the parser was tuned or trained on (``root`` is the repository root)."""
    from skillbridge.hierarchy.language import paraphrases
    from skillbridge.hierarchy.language.train import TrainConfig

    cfg = TrainConfig()
    texts = [e.text for e in paraphrases.generate(cfg.seed, cfg.n_phrases)]
    texts += [e.text for e in paraphrases.generate(cfg.seed + 1, cfg.n_phrases // 3)]
    for name in TABLE_MODULES:
        texts += module_tables(importlib.import_module(f"skillbridge.hierarchy.language.{name}"))
    corrector = root / "hierarchy" / "corrector_phrases.json"
    texts += _strings(json.loads(corrector.read_text()))
    for path in development_sets(root):
        texts += [json.loads(x)["text"] for x in path.read_text().splitlines() if x.strip()]
    return texts


def near_duplicates(texts: Sequence[str], corpus: Iterable[str]) -> list[tuple[int, str, float]]:
    """``(index into texts, corpus text, score)`` for each text that near-duplicates the corpus."""
    from rapidfuzz import fuzz, process

    choices = sorted(t for t in {normalized(t) for t in corpus} if len(t.split()) >= MIN_WORDS)
    hits = []
    for i, text in enumerate(texts):
        norm = normalized(text)
        if len(norm.split()) < MIN_WORDS:
            continue
        found = process.extractOne(norm, choices, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE)
        if found is not None:
            hits.append((i, found[0], float(found[1])))
    return hits
