"""Text normalization, spelled-out numbers and sizes with units for the correction parser.

``normalize`` lower-cases, expands contractions and splits text into space-separated tokens
(numbers, words, clause punctuation). ``read_sizes`` finds sizes such as ``3 cm``, ``2.5mm``,
``ten degrees``, ``half a centimetre``, ``a quarter turn`` or ``0.2 rad``, and numbers given
without a unit (which the parser refuses: it never guesses a unit).
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata

LENGTH_UNITS_M: dict[str, float] = {
    **dict.fromkeys(("mm", "millimeter", "millimeters", "millimetre", "millimetres"), 0.001),
    **dict.fromkeys(("cm", "cms", "centimeter", "centimeters", "centimetre", "centimetres"), 0.01),
    **dict.fromkeys(("dm", "decimeter", "decimeters", "decimetre", "decimetres"), 0.1),
    **dict.fromkeys(("m", "meter", "meters", "metre", "metres"), 1.0),
    **dict.fromkeys(("inch", "inches"), 0.0254),
    **dict.fromkeys(("ft", "foot", "feet"), 0.3048),
    **dict.fromkeys(("yd", "yds", "yard", "yards"), 0.9144),
}
ANGLE_UNITS_RAD: dict[str, float] = {
    **dict.fromkeys(("deg", "degs", "degree", "degrees"), math.pi / 180.0),
    **dict.fromkeys(("rad", "rads", "radian", "radians"), 1.0),
    **dict.fromkeys(("turn", "turns", "revolution", "revolutions"), 2.0 * math.pi),
}
_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1.0 / 3.0, "fourth": 0.25, "fifth": 0.2,
              "sixth": 1.0 / 6.0, "eighth": 0.125, "tenth": 0.1,
              "twelfth": 1.0 / 12.0}  # fmt: skip
"""Fractions said as words; like "one" they are numbers only before a unit ("the third one",
"an eighth of a turn" = 45 degrees)."""
PUNCTUATION = frozenset(",.;:!?")
_CHARS = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_CONTRACTIONS = (
    ("won't", "will not"),
    ("can't", "can not"),
    ("cannot", "can not"),
    ("n't", " not"),
    ("let's", "let us"),
    ("'re", " are"),
    ("'m", " am"),
    ("'s", " is"),
    ("'ll", " will"),
    ("'ve", " have"),
    ("'d", " would"),
)
_POSSESSIVE = re.compile(
    r"\b(?!(?:it|that|there|here|what|where|who|he|she|this)'s)(\w+)'s "
    r"(?=(?:own )?(?:(?:left|right)\b(?! of\b)|(?:side|base|perspective|view)\b))"
)
"""A possessive, not "is": "the robot's left" is the robot's own left ("the cube's to the left",
"the gripper's right of it", "it's left" are "is")."""
_SPELLINGS = (
    (r"(?<![\w.])-\s*(?=\.?\d)", " minus "),
    (r"(\d)\s*[°º]", r"\1 deg "),
    (r"\b(\d+|" + "|".join(_ONES[1:]) + r")\s*½", r"\1 and a half"),  # "2½", "two ½"
    (r"½", " half a "),
    (r"¼", " a quarter "),
    (r"[°º]", " deg "),
    # a mixed number, "2 1/2 cm": the whole and the fraction are one size
    (r"(\d+) +(\d+)\s*/\s*(\d+)", lambda m: f"{int(m[1]) + int(m[2]) / max(int(m[3]), 1):.6g}"),
    (r"(\d+)\s*/\s*(\d+)", lambda m: f"{int(m[1]) / max(int(m[2]), 1):.6g}"),
    (r"(\d),(\d)(?!\d\d)", r"\1.\2"),
    (r"(\d)([a-z])", r"\1 \2"),
    (r"\b([cm])\.\s?m\b\.?", r"\1m"),  # "C.M.", "m. m." as a recognizer spells cm, mm
    (r"\be[\s-]?stops?\b", "estop"),
    (r"\b(counter|anti)[\s-]?clock[\s-]?wise\b", r"\1clockwise"),
    (r"\bclock[\s-]wise\b", "clockwise"),
    (r"\b(left|right|up|down|back|out)wards?\b", r"\1"),
    (r"\b(left|right)er\b", r"more \1"),  # "a bit lefter"
    (r"\b(?:no|not) (?:more|further|farther) than\b", "at most"),  # a cap, not "no" + "than"
    (r"\bforwards\b", "forward"),
    (r"\bover[\s-](rotat|turn|shot|shoot|did|done)", r"over\1"),
    (r"\b(a )?(full|whole|complete|entire) (turn|circle|rotation|revolution)\b", " 1 turn "),
    (r"\bturn (it |the \w+ )?(all the way )?around\b", "turn 180 deg"),
)
_NEEDS_UNIT = frozenset(("one", "a", "an", "another", *_FRACTIONS))
"""Words that are numbers only before a unit ("the left one", "halfway" stay words)."""
_UNIT_WORDS = frozenset(LENGTH_UNITS_M) | frozenset(ANGLE_UNITS_RAD)


@dataclasses.dataclass(frozen=True)
class Size:
    """One size read from text: ``value`` in metres (``length``) or radians (``angle``)."""

    value: float
    kind: str
    """``length`` or ``angle``."""
    text: str
    """The words it was read from, e.g. ``3 cm``."""


def _fold_accents(text: str) -> str:
    """Latin letters without their accents ("rápido" -> "rapido", "voilà" -> "voila"); signs
    such as the degree sign and "½" are kept (only combining marks are dropped)."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


def normalize(text: str) -> str:
    """Lower-case tokens separated by single spaces: words, numbers, clause punctuation.

    Example: ``"You're 3cm too far left!"`` -> ``"you are 3 cm too far left !"``.
    """
    t = _fold_accents(unicodedata.normalize("NFC", text).translate(_CHARS)).lower()
    t = _POSSESSIVE.sub(r"\1 ", t)
    for short, long in _CONTRACTIONS:
        t = t.replace(short, long)
    for pattern, repl in _SPELLINGS:
        t = re.sub(pattern, repl, t)
    t = t.replace("-", " ")
    tokens = re.findall(r"\d+(?:\.\d+)?|\.\d+|[a-z]+|[,.;:!?]", t)
    return " ".join(_spelled_numbers(tokens))


def _spelled_numbers(tokens: list[str]) -> list[str]:
    """Replace spelled-out numbers by digits ("twenty five" -> "25", "half a" -> "0.5").

    "one" and "a"/"an" become numbers only before a unit word, so "the left one" stays words.
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        value, used = _read_number(tokens, i)
        if used:
            out.append(f"{value:.9g}")  # "a sixth of a turn" stays within the 60 degree bound
            i += used
        else:
            out.append(tokens[i])
            i += 1
    return out


def _is_unit(tokens: list[str], j: int) -> bool:
    return j < len(tokens) and (tokens[j] in _UNIT_WORDS or tokens[j] == "more")


def _read_number(tokens: list[str], i: int) -> tuple[float, int]:
    """The number starting at ``tokens[i]`` and how many tokens it spans (0: none)."""
    value, j = _read_integer(tokens, i)
    if j == i:
        value, j = _read_article_number(tokens, i)
        if j == i:
            return 0.0, 0
    if tokens[j : j + 2] in (["and", "a"], ["and", "an"]) and tokens[j + 2 : j + 3] in (
        ["half"],
        ["quarter"],
        ["third"],
    ):  # "six and a quarter cm": 6.25 cm
        value, j = value + _FRACTIONS[tokens[j + 2]], j + 3
    elif j > i and j < len(tokens) and tokens[j].rstrip("s") in _FRACTIONS:
        value, j = value * _FRACTIONS[tokens[j].rstrip("s")], j + 1  # "three quarters of a cm"
        if tokens[j : j + 2] in (["of", "a"], ["of", "an"]):
            j += 2
    elif j + 1 < len(tokens) and tokens[j] == "point" and tokens[j + 1] in _ONES[:10]:
        value, j = float(f"{int(value)}.{_ONES.index(tokens[j + 1])}"), j + 2
    if value < 1 and tokens[j : j + 2] in (["of", "a"], ["of", "an"]) and _is_unit(tokens, j + 2):
        j += 2  # "point eight of a centimetre": 0.8 cm
    if tokens[i] in _NEEDS_UNIT and not _is_unit(tokens, j):
        return 0.0, 0
    return value, j - i


def _read_integer(tokens: list[str], i: int) -> tuple[float, int]:
    t = tokens[i]
    if re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", t):
        return float(t), i + 1
    if t == "point" and i + 1 < len(tokens) and tokens[i + 1] in _ONES[:10]:
        return float(f"0.{_ONES.index(tokens[i + 1])}"), i + 2  # "point five cm": 0.5 cm
    if t in _TENS:
        value, j = float(_TENS[t]), i + 1
        if j < len(tokens) and tokens[j] in _ONES[1:10]:
            value, j = value + _ONES.index(tokens[j]), j + 1
        return value, j
    if t in _ONES or (t in ("a", "an") and tokens[i + 1 : i + 2] == ["hundred"]):
        value, j = float(_ONES.index(t)) if t in _ONES else 1.0, i + 1  # "a hundred": 100
        if j < len(tokens) and tokens[j] == "hundred":
            value, j = value * 100.0, j + 1
            k = j + 1 if tokens[j : j + 1] == ["and"] else j  # "one hundred and twenty"
            rest, end = _read_integer(tokens, k) if k < len(tokens) else (0.0, k)
            if end > k and rest < 100 and tokens[k] not in ("zero", "hundred"):
                value, j = value + rest, end
        return value, j
    return 0.0, i


def _read_article_number(tokens: list[str], i: int) -> tuple[float, int]:
    """ "half a", "a half", "a quarter", "a couple of", "a few", "a"/"an" (before a unit)."""
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if t in _FRACTIONS:  # "half a", "half of a", "quarter of an"
        after = tokens[i + 2 : i + 3]
        return _FRACTIONS[t], i + (3 if nxt == "of" and after in (["a"], ["an"]) else
                                   2 if nxt in ("a", "an", "of") else 1)  # fmt: skip
    if t in ("a", "an", "another"):  # "another centimeter": one more
        return _after_article(tokens, i)
    return 0.0, i


def _after_article(tokens: list[str], i: int) -> tuple[float, int]:
    """The number an article at ``tokens[i]`` opens: "a quarter of a", "a couple of", "a few",
    "a single", else one."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    of = 3 if tokens[i + 2 : i + 3] == ["of"] else 2
    if nxt in _FRACTIONS:  # "a quarter of a turn": the second "a" is no second number
        return _FRACTIONS[nxt], i + of + (tokens[i + of : i + of + 1] in (["a"], ["an"]))
    if nxt == "couple":
        return 2.0, i + of
    if nxt == "few" and _is_unit(tokens, i + 2):
        return 3.0, i + 2
    return 1.0, i + (2 if nxt == "single" else 1)  # "a single centimetre"


def read_sizes(tokens: list[str]) -> tuple[list[Size], list[str], list[int]]:
    """Sizes with units, numbers without a unit, and the token indices the sizes used.

    Args:
        tokens: Output of ``normalize(text).split()``.

    Returns:
        ``(sizes, unitless, used)``: ``unitless`` holds numbers with no unit after them.
    """
    sizes: list[Size] = []
    unitless: list[str] = []
    used: list[int] = []
    for i, t in enumerate(tokens):
        if not re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", t):
            continue
        j = i + 1
        sign = -1.0 if i > 0 and tokens[i - 1] in ("minus", "negative") else 1.0
        if j < len(tokens) and tokens[j] in ("more", "extra", "additional"):
            j += 1
        unit = tokens[j] if j < len(tokens) else ""
        if unit == "in" and (j + 1 == len(tokens) or tokens[j + 1] in PUNCTUATION):
            unit = "inch"
        words = f"{'-' if sign < 0 else ''}{t} {tokens[j] if j < len(tokens) else ''}"
        value = float(t)
        if unit in _UNIT_WORDS and tokens[j + 1 : j + 4] == ["and", "a", "half"]:
            value, j = value + 0.5, j + 3  # "an inch and a half": the half follows the unit
            words += " and a half"
        if unit in LENGTH_UNITS_M:
            sizes.append(Size(sign * value * LENGTH_UNITS_M[unit], "length", words))
        elif unit in ANGLE_UNITS_RAD:
            sizes.append(Size(sign * value * ANGLE_UNITS_RAD[unit], "angle", words))
        else:
            unitless.append(t)
            continue
        used.extend(range(i, j + 1))
    return sizes, unitless, used
