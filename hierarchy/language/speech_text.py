"""Repairs what speech recognition and hurried typing do to a correction, before it is parsed.

``clean(text, operator_side)`` returns the repaired text and the list of changes:

- fillers and stutters go ("uh", "um", "can can you", "down a bit down a bit");
- homophones that recognizers write for the vocabulary ("write"/"wright"/"rite" -> right,
  "clothes" -> close, "hire" -> higher, "for"/"to"/"too"/"ate"/"won" -> a number before a unit);
- words split or merged by the recognizer or the keyboard ("for ward", "centi meters",
  "alittle", "moveleft"): a token that is no known word is split into two known words, and two
  tokens whose concatenation is a vocabulary word are merged;
- spelling slips of vocabulary words ("lfet", "rigth", "dwon"): an unknown token within one edit
  (two for long words; optimal string alignment, rapidfuzz) of exactly one vocabulary word;
- frame phrases and size sound-alikes (``reframe``: "right, so ...", "closer to the table",
  "a bet" for "a bit", "not 5 cm, 2 cm");
- directions relative to the operator ("toward me", "to my left", "left as I see it") become
  robot-frame directions for the operator's position (``OPERATOR_SIDES``; default: across the
  table, facing the robot).

"Known words" are the word pieces of the sentence encoder's vocabulary (30k, shipped with the
encoder) plus ``VOCABULARY``. Nothing here decides safety: the parser reads safety words from
the text before and after repair, and refuses if either asks to weaken safety.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re

from skillbridge.hierarchy.language import more_words
from skillbridge.hierarchy.language.reframe import reframe, writing_verb
from skillbridge.hierarchy.language.units import ANGLE_UNITS_RAD, LENGTH_UNITS_M

FILLERS = frozenset(("uh", "uhh", "uhm", "um", "umm", "erm", "er", "err", "hmm", "hm", "mmm",
                     "ah", "eh"))  # fmt: skip
COURTESY_WORDS = frozenset((
    "grateful", "appreciate", "possible", "mind", "bother", "kindly", "kind", "think", "reckon",
    "guess", "suppose", "wonder", "sure", "look", "cheers", "thank", "aye", "och", "yep",
    "yeah", "yup", "huh", "alright", "hey", "wow", "gosh", "own",
))  # fmt: skip
"""Words of courtesy, hedging, discourse and emphasis ("I'd be grateful if you could", "do you
think", "let's see", "sure look", "your own left"): they carry no motion, so a transcript with
them is not asked back for them (``spoken.unclear_words``); never read as a motion."""
HOMOPHONES = {"write": "right", "wright": "right", "rite": "right", "writes": "right",
              "clothes": "close", "clothe": "close", "hire": "higher", "foreword": "forward",
              "fore": "forward", "lefty": "left", "dawn": "down", "lore": "lower",
              "raze": "raise", "rays": "raise", "bite": "bit", "allot": "a lot", "fare": "fair",
              "weight": "wait", "paws": "pause", "ford": "forward", "lil": "little",
              "hare": "hair", **more_words.SOUND_ALIKES}  # fmt: skip
"""Words a recognizer writes for a vocabulary word, whatever follows."""
NUMBER_HOMOPHONES = {"for": "four", "fore": "four", "to": "two", "too": "two", "ate": "eight",
                     "won": "one", "tree": "three", "free": "three", "sex": "six", "tin": "ten",
                     "tan": "ten", "sicks": "six", "fife": "five"}  # fmt: skip
"""Words a recognizer writes for a number; replaced only right before a unit (or before "more"
and a unit: "won more centimeter")."""
SPLIT_HOMOPHONES = {("oh", "pen"): "open", ("grip", "her"): "gripper", ("grip", "or"): "gripper",
                    ("for", "word"): "forward", ("four", "ward"): "forward",
                    ("back", "words"): "backwards", ("oh", "pin"): "open",
                    ("low", "her"): "lower", ("high", "her"): "higher",
                    ("clock", "like"): "clockwise"}  # fmt: skip
"""Two known words a recognizer writes for one vocabulary word (the merge rule only joins
tokens of which one is no known word)."""
SPELLED_UNIT = re.compile(r"\b([cm])\s?\.\s?m\b\.?")
"""A unit spelled out letter by letter ("C.M.", "m. m."): one word, so that the second "m" is
no repeated word."""
_SLOT = ("the", "your", "my")
SLOT_SOUNDALIKES = {"lift": "left", "luck": "left"}
"""Words recognizers write for a direction, replaced only in a direction's place: after "to
the/your/my" ("slide it to the lift"; "lift it" stays) or right after a verb of sideways motion
("go luck a bit"), "lift" only with no object after it ("scoot lift 2 cm"; "go lift the cup"
stays). Not "light" -> right: on
the development transcripts that turned a garbled unsafe request into a motion question."""
SIZED_SOUNDALIKES = {"ride": "right"}
"""Words recognizers write for a direction, replaced only right before a size ("ride a little";
"we ride the bus" stays)."""
SIDEWAYS_VERBS = frozenset(("move", "scoot", "slide", "shift", "nudge", "go", "come", "step"))
"""Verbs after which "lift" cannot be a second verb: it is the direction ("move lift a bit")."""
LIFT_OBJECTS = frozenset(("it", "the", "that", "this", "them", "up", "your", "my", "him", "her",
                          "a", "an"))  # fmt: skip
"""After "go lift" these make "lift" a verb ("go lift the cup", "go lift it up"), except "a"
before a size ("move lift a bit")."""
_SIZE_NOUNS = frozenset(("bit", "little", "tad", "touch", "smidge", "hair", "few", "couple"))
HALF_TAIL = (("½",), ("and", "a", "half"), ("in", "a", "half"), ("an", "a", "half"))
"""What may stand between a number and its unit: "to ½ cm", "to in a half centimeter" (a
recognizer's "two and a half"); "in"/"an" for "and" are repaired there only."""
CENTI_SOUNDALIKES = frozenset(("sent", "cent", "senti"))
"""First halves recognizers write for "centi-" before "meter" ("sent the meter", "down a sent a
meter"): with an optional "a"/"the" between, the two or three words are one "centimeter"."""
VOCABULARY = frozenset((
    "left", "right", "forward", "forwards", "backward", "backwards", "back", "up", "down",
    "upward", "upwards", "downward", "downwards", "higher", "lower", "raise", "lift", "drop",
    "ahead", "toward", "towards", "move", "shift", "slide", "push", "pull", "bring", "nudge",
    "scoot", "rotate", "turn", "twist", "spin", "clockwise", "counterclockwise", "anticlockwise",
    "open", "close", "release", "grab", "grip", "gripper", "claw", "stop", "halt", "freeze",
    "little", "bit", "tad", "touch", "smidge", "slightly", "tiny", "lot", "much", "more", "less",
    "further", "farther", "please", "again", "other", "opposite", "direction", "degrees",
    "centimeter", "centimeters", "centimetre", "centimetres", "millimeter", "millimeters",
    "millimetre", "millimetres", "inch", "inches", "meter", "meters", "metre", "metres",
))  # fmt: skip
"""Words of the correction vocabulary that slips and splits are repaired towards."""
SPLIT_PARTS = VOCABULARY | {"a", "to", "the", "go", "it", "me", "my", "by", "get", "come", "let"}
"""A merged token splits only into two of these ("alittle", "moveleft", "tothe", "goup")."""
UNIT_WORDS = frozenset(LENGTH_UNITS_M) | frozenset(ANGLE_UNITS_RAD)
NUMBER_UNITS = UNIT_WORDS - {"turn", "turns", "revolution", "revolutions", "m", "in"}
"""Units before which "to"/"for" are numbers ("to cm"); not "turn" ("have to turn")."""
OPERATOR_SIDES = {
    "across": ("forward", "backward", "right", "left"),
    "behind": ("backward", "forward", "left", "right"),
    "left": ("left", "right", "forward", "backward"),
    "right": ("right", "left", "backward", "forward"),
}
"""Where the operator stands -> robot-frame directions of (toward me, away from me, my left, my
right). ``across``: on the far side of the table facing the robot (+x, looking along -x), so
"toward me" is forward and the operator's left is the robot's right. ``behind``: at the robot's
base looking where it looks. ``left``/``right``: at the robot's left (+y) or right (-y) side,
facing it."""
_MY_SIDE = (
    r"(?:me|my (?:body|side|end)(?: of the table)?|the operator|"
    r"where i(?:'m| am| stand| sit)(?: standing| sitting)?(?= |$|[,.!?]))"
)
_WAY_VERBS = ("bring", "come", "move", "slide", "shift", "nudge", "send", "pull", "swing", "scoot")
"""Verbs before "my way" = toward me ("bring it my way"; "do it my way" is no direction)."""
_TOWARD_ME = (
    r"\b(?:back )?(?:toward|towards|closer to|nearer to|nearer|near|close to|over to|to) "
    + _MY_SIDE
    + r"(?!\w)|\bin my direction\b|"
    + "(?:"
    + "|".join(f"(?<=\\b{v} {o})" for v in _WAY_VERBS for o in ("", "it ", "that ", "them "))
    + r")my way\b"
)
_AWAY_FROM_ME = r"\b(?:away|further|farther) from " + _MY_SIDE + r"(?!\w)"
VIEWPOINT = re.compile(
    r",? *\b(?:as i(?:'m| am)? (?:see|seeing|look at|looking at) it|the way i (?:see|look at) it|"
    r"(?<!away )(?<!further )(?<!farther )"
    r"from where i(?:'m| am)? (?:am|stand|sit|standing|sitting)|"
    r"from my (?:side|view|point of view|perspective|end|position|vantage point|viewpoint|"
    r"standpoint|angle)|(?:in|from) my view)\b *,?"
)
"""Words that put "left"/"right" in the operator's frame ("to the left as I see it" = "to my
left")."""
NOT_TOO = frozenset(("the", "a", "an", "my", "your", "its", "his", "her", "their", "our"))
"""A determiner never follows the adverb "too" or a number: before one, "too"/"two" is "to"
("too the left", "two the left")."""
DEGREE_WORDS = frozenset(("far", "much", "high", "low", "little", "fast"))
"""Before these "two" is "too" ("two far left")."""


@dataclasses.dataclass(frozen=True)
class Change:
    """One repair: ``before`` became ``after`` (``kind``: filler, repeat, homophone, number,
    split, merge, slip, frame (``reframe``), operator), or ``unsure``: ``before`` is a slip of
    one of the ``|``-separated words in ``after``, equally near (left unchanged)."""

    kind: str
    before: str
    after: str


@dataclasses.dataclass(frozen=True)
class Cleaned:
    text: str
    changes: tuple[Change, ...]

    def changed(self, *kinds: str) -> list[Change]:
        return [c for c in self.changes if c.kind in kinds]


@functools.lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Whole-word pieces of the encoder's WordPiece vocabulary, plus ``VOCABULARY``."""
    from skillbridge.hierarchy.language.encoder import ensure_encoder

    vocab = json.loads((ensure_encoder() / "tokenizer.json").read_text())["model"]["vocab"]
    words = {w for w in vocab if w.isalpha() and not w.startswith("##")}
    return frozenset(words | VOCABULARY | UNIT_WORDS)


def clean(text: str, operator_side: str = "across") -> Cleaned:
    """Repair a correction's words (see the module docstring)."""
    changes: list[Change] = []
    text = SPELLED_UNIT.sub(r"\1m", text.lower().replace("’", "'"))
    tokens = re.findall(r"\d+(?:\.\d+)?|[a-z]+|[^\sa-z0-9]", text)
    tokens = _drop_fillers(tokens, changes)
    tokens = _centimeters(tokens, changes)
    tokens = _homophones(tokens, changes)
    tokens = _merge_split(tokens, changes)
    tokens = _slips(tokens, changes)
    out, framed = reframe(_join(tokens))
    changes += [Change("frame", before, after) for before, after in framed]
    out = _operator_frame(out, operator_side, changes)
    return Cleaned(out, tuple(changes))


def _join(tokens: list[str]) -> str:
    text = re.sub(r" ([,.;:!?])", r"\1", " ".join(tokens))
    return re.sub(r" ?([-'/]) ?", r"\1", text)


def _drop_fillers(tokens: list[str], changes: list[Change]) -> list[str]:
    kept = []
    for t in tokens:
        if t in FILLERS:
            changes.append(Change("filler", t, ""))
        else:
            kept.append(t)
    for n in (3, 2, 1):  # "down a bit down a bit", "can can you"
        i = 0
        while i + 2 * n <= len(kept):
            if kept[i : i + n] == kept[i + n : i + 2 * n] and any(
                w.isalpha() for w in kept[i : i + n]
            ):
                changes.append(Change("repeat", " ".join(kept[i : i + n]), ""))
                del kept[i + n : i + 2 * n]
            else:
                i += 1
    return kept


def _unit_after(tokens: list[str], i: int) -> tuple[str, tuple[str, ...]]:
    """The word after a possible number at ``i`` (skipping "more" or a half: "to ½ cm") and
    the half that was skipped."""
    j = i + 1
    if tokens[j : j + 1] == ["more"]:
        j += 1
    for tail in HALF_TAIL:
        if tuple(tokens[j : j + len(tail)]) == tail:
            return (tokens[j + len(tail)] if j + len(tail) < len(tokens) else ""), tail
    return (tokens[j] if j < len(tokens) else ""), ()


def _before_size(tokens: list[str], i: int) -> bool:
    """ "a little", "a bit", "slightly" ... right after ``tokens[i]``."""
    nxt, size = (tokens[i + 1 : i + 3] + ["", ""])[:2]
    return nxt in ("slightly", "more") or (nxt in ("a", "an") and size in _SIZE_NOUNS)


def _lift_is_left(tokens: list[str], i: int) -> bool:
    if tokens[max(0, i - 2) : i] in (["to", w] for w in _SLOT):
        return True
    nxt, size = (tokens[i + 1 : i + 3] + ["", ""])[:2]
    sized = nxt in ("a", "an") and (size in _SIZE_NOUNS or size in NUMBER_UNITS)
    no_verb = tokens[i] != "lift" or nxt not in LIFT_OBJECTS or sized  # "luck" is never a verb
    return i > 0 and tokens[i - 1] in SIDEWAYS_VERBS and no_verb


def _homophones(tokens: list[str], changes: list[Change]) -> list[str]:
    out = list(tokens)
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        after, half = _unit_after(tokens, i)
        if half and half[0] in ("in", "an") and (t in NUMBER_HOMOPHONES or t.isdigit()):
            if after in NUMBER_UNITS:  # "to in a half centimeter": two and a half
                out[i + 1] = "and"
                changes.append(Change("number", half[0], "and"))
        if t in NUMBER_HOMOPHONES and after in NUMBER_UNITS:
            out[i] = NUMBER_HOMOPHONES[t]
            changes.append(Change("number", t, out[i]))
        elif t in SLOT_SOUNDALIKES and _lift_is_left(tokens, i):
            out[i] = SLOT_SOUNDALIKES[t]
            changes.append(Change("homophone", t, out[i]))
        elif t in SIZED_SOUNDALIKES and _before_size(tokens, i):
            out[i] = SIZED_SOUNDALIKES[t]
            changes.append(Change("homophone", t, out[i]))
        elif t in ("too", "two") and nxt in NOT_TOO:
            out[i] = "to"
            changes.append(Change("homophone", t, "to"))
        elif t == "two" and nxt in DEGREE_WORDS:
            out[i] = "too"
            changes.append(Change("homophone", t, "too"))
        elif t in HOMOPHONES and not (t in ("write", "writes") and writing_verb(tokens, i)):
            out[i] = HOMOPHONES[t]
            changes.append(Change("homophone", t, out[i]))
    return out


def _merge_split(tokens: list[str], changes: list[Change]) -> list[str]:
    known = known_words()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (t, nxt) in SPLIT_HOMOPHONES:
            changes.append(Change("merge", f"{t} {nxt}", SPLIT_HOMOPHONES[t, nxt]))
            out.append(SPLIT_HOMOPHONES[t, nxt])
            i += 2
            continue
        joined = t + nxt
        if (
            nxt
            and joined in VOCABULARY
            and len(joined) >= 6
            and (t not in known or nxt not in known or nxt in ("ward", "wards", "wise"))
        ):
            changes.append(Change("merge", f"{t} {nxt}", joined))
            out.append(joined)
            i += 2
            continue
        parts = _split_word(t) if t.isalpha() and t not in known else None
        if parts:
            changes.append(Change("split", t, " ".join(parts)))
            out.extend(parts)
        else:
            out.append(t)
        i += 1
    return out


def _centimeters(tokens: list[str], changes: list[Change]) -> list[str]:
    """ "sent the meter" -> "a centimeter", "two sent a meters" -> "two centimeters"."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if (centi := _centimeter(tokens, i)) is None:
            out.append(tokens[i])
            i += 1
            continue
        changes.append(Change("merge", " ".join(tokens[i : i + centi[1]]), centi[0]))
        counted = out and (out[-1] in COUNT_WORDS or out[-1] in NUMBER_HOMOPHONES
                           or out[-1][0].isdigit())  # fmt: skip
        out.extend(([] if counted else ["a"]) + [centi[0]])  # "sent the meter": one
        i += centi[1]
    return out


def _centimeter(tokens: list[str], i: int) -> tuple[str, int] | None:
    """ "sent the meter" -> ("centimeter", 3) (``CENTI_SOUNDALIKES``), or None."""
    if tokens[i] not in CENTI_SOUNDALIKES:
        return None
    j = i + 2 if tokens[i + 1 : i + 2] in (["a"], ["the"]) else i + 1
    meter = tokens[j] if j < len(tokens) else ""
    if meter not in ("meter", "meters", "metre", "metres"):
        return None
    return "centi" + meter, j + 1 - i


COUNT_WORDS = frozenset(
    "a an one two three four five six seven eight nine ten twenty few couple several".split()
)
"""Words that already count the centimeters a repaired "sent the meter" names."""


def _split_word(word: str) -> tuple[str, ...] | None:
    """Two known words that make ``word`` ("alittle"), else three ("leftalittle",
    "upabit"); every part one of ``SPLIT_PARTS``."""
    if (two := _split_word_two(word)) is not None:
        return two
    three = [(word[:j], *pair) for j in range(2, len(word) - 1) if word[:j] in SPLIT_PARTS
             for pair in [_split_word_two(word[j:])] if pair]  # fmt: skip
    return max(three, key=lambda p: min(map(len, p))) if three else None


def _split_word_two(word: str) -> tuple[str, str] | None:
    splits = [(word[:k], word[k:]) for k in range(1, len(word))
              if word[:k] in SPLIT_PARTS and word[k:] in SPLIT_PARTS]  # fmt: skip
    return max(splits, key=lambda p: min(len(p[0]), len(p[1]))) if splits else None


def _slips(tokens: list[str], changes: list[Change]) -> list[str]:
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extract

    known = known_words()
    out = list(tokens)
    for i, t in enumerate(tokens):
        if len(t) < 3 or not t.isalpha() or t in known:
            continue
        limit = 2 if len(t) >= 7 else 1
        found = extract(t, VOCABULARY, scorer=OSA.distance, score_cutoff=limit, limit=3)
        best = sorted(w for w, d, _ in found if d == min(d for _, d, _ in found)) if found else []
        if len(best) > 1:  # a slip rarely hits the first letter: "foward" is forward, not toward
            best = [w for w in best if w[0] == t[0]]
        if {"left", "lift"} <= set(best) and _lift_is_left([*out[:i], "lift", *out[i + 1 :]], i):
            best = ["left"]  # "go lft": in a direction's place
        if len(best) == 1:
            out[i] = best[0]
            changes.append(Change("slip", t, best[0]))
        elif best:  # equally near: the dialogue asks which ("lft": left or lift)
            changes.append(Change("unsure", t, "|".join(best)))
    return out


def _operator_frame(text: str, side: str, changes: list[Change]) -> str:
    if side not in OPERATOR_SIDES:
        raise ValueError(f"unknown operator side {side!r}; valid: {list(OPERATOR_SIDES)}")
    toward, away, my_left, my_right = OPERATOR_SIDES[side]
    if (view := VIEWPOINT.search(text)) is not None:
        changes.append(Change("operator", view.group(0).strip(" ,"), ""))
        text = (text[: view.start()] + " " + text[view.end() :]).strip(" ,")
        text = re.sub(r"\b(?:the )?(?<!my )(left|right)\b", r"my \1", text)
    for pattern, direction in ((_TOWARD_ME, toward), (_AWAY_FROM_ME, away),
                               (r"\bmy left\b", f"the {my_left}"),
                               (r"\bmy right\b", f"the {my_right}")):  # fmt: skip
        for m in re.finditer(pattern, text):
            changes.append(Change("operator", m.group(0), direction))
        text = re.sub(pattern, direction, text)
    return text
