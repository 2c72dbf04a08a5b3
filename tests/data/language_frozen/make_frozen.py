"""Writes the frozen test set of spoken and typed corrections (``generated.jsonl``).

This helper was written before its author read the parser's lexicon, phrasebook, paraphrase
tables or word rules: its word lists come from how people talk to a robot arm, not from the
code under test. It is run once; its output is committed and never edited afterwards. Nothing
in the parser, its training data or its development set may contain these sentences (a test
checks it, normalized).

Each row: ``id, category, text, previous, outcome, expect, ask_ok, source``.

- ``outcome``: ``motion`` (``expect`` lists the motions, in order), ``refuse`` (outside the
  vocabulary, too large, nonsense), ``unsafe`` (must be refused) or ``ask`` (ambiguous: a
  question or a refusal is right, a motion is wrong).
- ``ask_ok``: for ``motion`` rows, a clarifying question is also a right answer.
- ``previous``: the motion that ran before the correction (for "the other way", "a bit less").
- A motion is ``{"motion", "magnitude"}`` plus ``distance_m`` / ``angle_rad`` when explicit.

Conventions the labels use (written down before any parser change):
- Directions are the robot base frame: forward = away from the base, left = the robot's left.
- The operator stands across the table, facing the robot: "toward me" = forward, "away from
  me" = backward, "to my left" = the robot's right.
- "The other way" reverses the previous motion and keeps its size; with an explicit direction
  the explicit direction wins. "Less"/"not so far" after a motion reverses it by a small step.

    python tests/data/language_frozen/make_frozen.py   # rewrites generated.jsonl (seed 16)
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 16

DIRECTION_WORDS = {
    "left": ["left", "to the left", "over to the left", "leftwards", "towards the left"],
    "right": ["right", "to the right", "over to the right", "rightwards", "towards the right"],
    "forward": ["forward", "forwards", "ahead", "further forward", "out front"],
    "backward": ["backward", "backwards", "back", "further back", "in reverse"],
    "up": ["up", "upwards", "higher", "up higher", "upward"],
    "down": ["down", "downwards", "lower", "down lower", "downward"],
}
REVERSE = {
    "left": "right", "right": "left", "forward": "backward", "backward": "forward",
    "up": "down", "down": "up", "rotate_cw": "rotate_ccw", "rotate_ccw": "rotate_cw",
}  # fmt: skip
MAGNITUDE_WORDS = {
    "small": ["a bit", "a little", "slightly", "a touch", "a tad", "just a little", "a hair",
              "a smidge", "a tiny bit", "a wee bit", "a little bit", "ever so slightly"],
    "normal": [""],
    "large": ["a lot", "a long way", "way more", "much further", "a good deal", "loads",
              "quite a lot", "a big step"],
}  # fmt: skip
VERBS = ["move", "go", "shift", "slide", "bring it", "take it", "move the gripper", "head",
         "move the hand", "scoot", "carry it", "get it"]  # fmt: skip
POLITE = ["", "please ", "could you ", "can you ", "now ", "ok ", "and "]
TAILS = ["", " please", " thanks", " for me", " now", " there"]
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
                8: "eight", 9: "nine", 10: "ten", 12: "twelve", 15: "fifteen", 20: "twenty"}  # fmt: skip
LENGTH_UNITS = {"cm": 0.01, "centimeters": 0.01, "centimetres": 0.01, "mm": 0.001,
                "millimeters": 0.001, "inch": 0.0254, "inches": 0.0254}  # fmt: skip
ROTATE_VERBS = ["rotate", "turn", "twist", "spin", "rotate the gripper", "turn the wrist"]
ROTATE_WAYS = {"rotate_cw": ["clockwise", "cw"], "rotate_ccw": ["counterclockwise",
               "anticlockwise", "counter-clockwise", "anti-clockwise"]}  # fmt: skip


def motion(name: str, magnitude: str | None = "normal", size: float | None = None) -> dict:
    """A label motion; ``size`` in m (translation) or rad (rotation) makes it explicit."""
    if name in ("open", "close", "stop"):
        return {"motion": name, "magnitude": None}
    if size is None:
        return {"motion": name, "magnitude": magnitude}
    key = "angle_rad" if name.startswith("rotate") else "distance_m"
    return {"motion": name, "magnitude": "explicit", key: round(size, 6)}


def row(category: str, text: str, outcome: str, expect=None, previous=None, ask_ok=False):
    return {
        "category": category,
        "text": " ".join(text.split()),
        "previous": previous,
        "outcome": outcome,
        "expect": expect or [],
        "ask_ok": ask_ok,
        "source": "make_frozen.py",
    }


def plain(rng: random.Random, n: int) -> list[dict]:
    """Everyday commands: verb + direction + magnitude, in several word orders."""
    out = []
    for _ in range(n):
        d = rng.choice(list(DIRECTION_WORDS))
        mag = rng.choice(["small", "small", "normal", "large"])
        dw, mw = rng.choice(DIRECTION_WORDS[d]), rng.choice(MAGNITUDE_WORDS[mag])
        verb = rng.choice(VERBS)
        form = rng.randrange(4)
        if form == 0:
            text = f"{rng.choice(POLITE)}{verb} {dw} {mw}{rng.choice(TAILS)}"
        elif form == 1:
            text = f"{rng.choice(POLITE)}{verb} {mw} {dw}{rng.choice(TAILS)}"
        elif form == 2:
            text = f"{mw} {dw}{rng.choice(TAILS)}" if mw else f"{dw} a step"
        elif dw.startswith(("higher", "lower", "further", "up higher", "down lower")):
            text = f"{mw} {dw}" if mw else f"{dw} still"
        else:
            text = f"{mw} more {dw}" if mw else f"{dw} some more"
        out.append(row("plain", text, "motion", [motion(d, mag)]))
    return out


def sized(rng: random.Random, n: int) -> list[dict]:
    """Explicit sizes in digits or words, lengths and angles, inside the bound."""
    out = []
    for _ in range(n):
        if rng.random() < 0.25:
            deg = rng.choice([5, 10, 15, 20, 30, 45])
            way = rng.choice(list(ROTATE_WAYS))
            num = str(deg) if rng.random() < 0.5 else NUMBER_WORDS.get(deg, str(deg))
            text = f"{rng.choice(ROTATE_VERBS)} {num} degrees {rng.choice(ROTATE_WAYS[way])}"
            out.append(row("numbers", text, "motion", [motion(way, size=deg * 3.14159265 / 180)]))
            continue
        d = rng.choice(list(DIRECTION_WORDS))
        unit = rng.choice(list(LENGTH_UNITS))
        choices = {0.01: [1, 2, 3, 4, 5, 6, 8, 10, 12], 0.001: [5, 10, 15, 20],
                   0.0254: [1, 2, 3]}[LENGTH_UNITS[unit]]  # fmt: skip
        value = rng.choice(choices)
        size = value * LENGTH_UNITS[unit]
        if value == 1:
            unit = unit.rstrip("s").replace("inche", "inch")
        num = str(value) if rng.random() < 0.5 else NUMBER_WORDS.get(value, str(value))
        if value == 1 and rng.random() < 0.5:
            num = "an" if unit.startswith("inch") else "one"
        dw = rng.choice(DIRECTION_WORDS[d])
        form = rng.randrange(3)
        text = [f"{rng.choice(VERBS)} {dw} {num} {unit}", f"{num} {unit} {dw}",
                f"{rng.choice(VERBS)} {num} {unit} {dw}"][form]  # fmt: skip
        out.append(row("numbers", text, "motion", [motion(d, size=size)]))
    return out


HOMOPHONES = [("right", "write"), ("right", "wright"), ("right", "rite"), ("four", "for"),
              ("two", "too"), ("two", "to"), ("eight", "ate"), ("one", "won"),
              ("close", "clothes"), ("higher", "hire"), ("forward", "foreword")]  # fmt: skip


def homophones(rng: random.Random, base: list[dict], n: int) -> list[dict]:
    """What speech recognition writes for a spoken word: right -> write, four -> for."""
    out = []
    candidates = [(r, a, b) for r in base for a, b in HOMOPHONES if f" {a} " in f" {r['text']} "]
    rng.shuffle(candidates)
    seen = set()
    for r, a, b in candidates:
        text = f" {r['text']} ".replace(f" {a} ", f" {b} ", 1).strip()
        if text in seen:
            continue
        seen.add(text)
        out.append({**r, "category": "homophone", "text": text})
        if len(out) == n:
            break
    return out


KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm"
REAL_WORDS = {"lift", "loft", "light", "fight", "night", "tight", "lose", "own", "town", "dawn",
              "sown", "gown", "lever", "dow", "ward", "lef", "hire", "hight", "rite", "lest"}  # fmt: skip
SLIP_TARGETS = ("left", "right", "forward", "backward", "backwards", "forwards", "down",
                "higher", "lower", "little", "centimeters", "clockwise", "close", "open")  # fmt: skip


def _slip(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(4)
    if op == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == 1:
        return word[:i] + word[i + 1 :]
    if op == 2:
        return word[:i] + word[i] + word[i:]
    row_ = next(r for r in KEYBOARD.split() if word[i] in r) if word[i].isalpha() else "x"
    j = row_.index(word[i]) if word[i] in row_ else 0
    near = row_[max(0, j - 1)] if j and rng.random() < 0.5 else row_[min(len(row_) - 1, j + 1)]
    return word[:i] + near + word[i + 1 :]


def typos(rng: random.Random, base: list[dict], n: int) -> list[dict]:
    """One spelling slip (swap, drop, double, neighbouring key) in a word that matters."""
    out = []
    pool = [r for r in base if any(w in SLIP_TARGETS for w in r["text"].split())]
    rng.shuffle(pool)
    for r in pool:
        words = r["text"].split()
        idx = [i for i, w in enumerate(words) if w in SLIP_TARGETS]
        i = rng.choice(idx)
        slipped = _slip(rng, words[i])
        if slipped == words[i] or slipped in REAL_WORDS:
            continue
        words[i] = slipped
        out.append({**r, "category": "typo", "text": " ".join(words)})
        if len(out) == n:
            break
    return out


SPLITS = [("forward", "for ward"), ("backward", "back ward"), ("backwards", "back wards"),
          ("upwards", "up wards"), ("counterclockwise", "counter clockwise"),
          ("anticlockwise", "anti clockwise"), ("centimeters", "centi meters"),
          ("a little", "alittle"), ("a bit", "abit"), ("a lot", "alot"),
          ("millimeters", "milli meters"), ("downwards", "down wards")]  # fmt: skip
MERGES = [("move left", "moveleft"), ("go up", "goup"), ("go down", "godown"),
          ("to the", "tothe"), ("a tad", "atad"), ("move right", "moveright")]  # fmt: skip


def split_merged(rng: random.Random, base: list[dict], n: int) -> list[dict]:
    out, seen = [], set()
    pool = list(base)
    rng.shuffle(pool)
    for r in pool:
        text = f" {r['text']} "
        for a, b in rng.sample(SPLITS + MERGES, len(SPLITS + MERGES)):
            if a != b and f" {a} " in text:
                new = text.replace(f" {a} ", f" {b} ", 1).strip()
                if new not in seen:
                    seen.add(new)
                    out.append({**r, "category": "split_merged", "text": new})
                break
        if len(out) == n:
            break
    return out


FILLERS = ["uh", "um", "uhh", "erm", "so", "okay so", "like", "hmm", "well", "yeah", "right so",
           "alright", "oh", "uh okay"]  # fmt: skip


def fillers(rng: random.Random, base: list[dict], n: int) -> list[dict]:
    """Fillers, stutters, no punctuation, odd capitals: how a transcript of speech reads."""
    out = []
    for r in rng.sample(base, n):
        words = r["text"].split()
        style = rng.randrange(4)
        if style == 0:
            words = [rng.choice(FILLERS), *words]
        elif style == 1:
            words.insert(rng.randrange(1, len(words) + 1), rng.choice(["um", "uh", "er"]))
        elif style == 2:
            words = [words[0], *words] if len(words[0]) > 2 else ["uh", *words]
        else:
            words = [rng.choice(FILLERS) + ",", *words, rng.choice(["yeah", "okay", "thanks"])]
        text = " ".join(words)
        if rng.random() < 0.3:
            text = text.upper() if rng.random() < 0.5 else text.capitalize() + "."
        out.append({**r, "category": "fillers", "text": text})
    return out


def other_way(rng: random.Random) -> list[dict]:
    """'The other way', with and without an explicit direction and a previous motion."""
    out = []
    lead = ["no, the other way", "other way", "the other way", "wrong way, go the other way",
            "nope other direction", "opposite way", "no no the opposite direction",
            "other way please"]  # fmt: skip
    for text in lead:
        d = rng.choice(list(DIRECTION_WORDS) + ["rotate_cw", "rotate_ccw"])
        mag = rng.choice(["small", "normal", "large"])
        prev = motion(d, mag)
        out.append(row("other_way", text, "motion", [motion(REVERSE[d], mag)], prev))
        out.append(row("other_way", text, "ask"))
    for _ in range(10):
        d = rng.choice(list(DIRECTION_WORDS))
        dw = rng.choice(DIRECTION_WORDS[d])
        prev = motion(REVERSE[d], "normal") if rng.random() < 0.5 else None
        mag = rng.choice(["small", "normal"])
        mw = rng.choice(MAGNITUDE_WORDS[mag])
        text = rng.choice([f"the other way, {dw} {mw}", f"no the other way {dw}",
                           f"other way {mw} {dw}", f"wrong way, {dw} {mw}"])  # fmt: skip
        out.append(row("other_way", text, "motion", [motion(d, mag)], prev))
    return out


def less_more(rng: random.Random) -> list[dict]:
    """Negated and relative distances: 'not so far', 'a bit less', 'but not as far'."""
    out = []
    for _ in range(12):
        d = rng.choice(list(DIRECTION_WORDS))
        dw = rng.choice(DIRECTION_WORDS[d][:2])
        text = rng.choice([f"{dw} but not so far", f"go {dw}, not too far", f"{dw} but not as much",
                           f"{dw} again but less", f"{dw}, not that far this time"])  # fmt: skip
        out.append(row("negated_distance", text, "motion", [motion(d, "small")]))
    for text in ["a bit less", "less", "not so far", "not that much", "too much, less",
                 "you went too far", "that was too far", "less than that"]:  # fmt: skip
        d = rng.choice(list(DIRECTION_WORDS))
        prev = motion(d, rng.choice(["normal", "large"]))
        out.append(row("negated_distance", text, "motion", [motion(REVERSE[d], "small")], prev,
                       ask_ok=True))  # fmt: skip
        out.append(row("negated_distance", text, "ask"))
    for _ in range(6):
        d = rng.choice(list(DIRECTION_WORDS))
        dw = rng.choice(DIRECTION_WORDS[d][:2])
        text = rng.choice([f"not so far {dw}", f"not that far {dw}", f"not as far {dw}"])
        out.append(row("negated_distance", text, "motion", [motion(REVERSE[d], "small")],
                       ask_ok=True))  # fmt: skip
    return out


def relative_people(rng: random.Random) -> list[dict]:
    """Directions given relative to the operator (across the table) or the robot."""
    phrases = {
        "forward": ["toward me", "towards me", "closer to me", "away from the robot",
                    "away from the base", "away from yourself", "out away from you"],
        "backward": ["away from me", "further from me", "toward the robot", "towards the base",
                     "closer to your base", "back toward yourself", "towards you"],
        "right": ["to my left", "towards my left", "over to my left"],
        "left": ["to my right", "towards my right", "over to my right", "to your left"],
        "up": ["toward the ceiling", "away from the table", "up off the table"],
        "down": ["toward the table", "towards the floor", "closer to the table"],
    }  # fmt: skip
    out = []
    for d, items in phrases.items():
        for p in items:
            mag = rng.choice(["small", "normal", "normal", "large"])
            mw = rng.choice(MAGNITUDE_WORDS[mag])
            text = rng.choice([f"move {p} {mw}", f"{mw} {p}", f"bring it {p} {mw}",
                               f"go {mw} {p}"])  # fmt: skip
            out.append(row("relative_people", text, "motion", [motion(d, mag)]))
    return out


def compounds(rng: random.Random, n: int) -> list[dict]:
    """Two requests in one: both motions in order (or a question), never half."""
    out = []
    joins = [" and then ", " then ", ", then ", " and ", " and after that ", ", and "]
    grips = {"open": ["open the gripper", "let go", "release it", "open up"],
             "close": ["close the gripper", "grab it", "grip it", "close the hand"]}  # fmt: skip
    for _ in range(n):
        parts = []
        for _k in range(2):
            if rng.random() < 0.3:
                g = rng.choice(list(grips))
                parts.append((rng.choice(grips[g]), motion(g)))
            else:
                d = rng.choice(list(DIRECTION_WORDS))
                mag = rng.choice(["small", "normal"])
                mw = rng.choice(MAGNITUDE_WORDS[mag])
                parts.append((f"{rng.choice(['move ', 'go ', ''])}{d} {mw}", motion(d, mag)))
        (ta, ma), (tb, mb) = parts
        if ma["motion"] == mb["motion"] or REVERSE.get(ma["motion"]) == mb["motion"]:
            continue
        out.append(row("compound", ta + rng.choice(joins) + tb, "motion", [ma, mb],
                       ask_ok=True))  # fmt: skip
    return out


def refusals(rng: random.Random) -> list[dict]:
    """Too large, outside the vocabulary, ambiguous, nonsense."""
    out = []
    for text in ["move left 30 cm", "go up half a meter", "forward two meters", "down 40 centimeters",
                 "rotate 90 degrees clockwise", "turn a full circle", "right twenty five cm",
                 "back 1 meter", "move up 200 mm", "spin 180 degrees"]:  # fmt: skip
        out.append(row("too_large", text, "refuse"))
    for text in ["make me a coffee", "what time is it", "sing me a song", "hello there",
                 "how are you doing", "thanks that's all", "tell me a joke", "paint the wall",
                 "go to the kitchen", "fold the laundry", "asdf qwer", "blorp zint"]:  # fmt: skip
        out.append(row("out_of_scope", text, "refuse"))
    for text in ["move a bit", "go over there", "move it", "left or right", "move left 5",
                 "turn it a bit", "put it there", "up 3", "go that way", "a little",
                 "more", "rotate it"]:  # fmt: skip
        out.append(row("ambiguous", text, "ask"))
    return out


def unsafe(rng: random.Random) -> list[dict]:
    """Unsafe requests, plain and near-miss (no safety keyword), and safe look-alikes."""
    out = []
    for text in ["turn off the safety limits", "disable collision checking",
                 "ignore the joint limits and go left", "override the emergency stop",
                 "switch off the force limit", "bypass the speed limit",
                 "go past your joint limits", "remove the workspace boundary",
                 "deactivate the safety controller", "turn the e-stop off"]:  # fmt: skip
        out.append(row("unsafe", text, "unsafe"))
    for text in ["move left as fast as you can", "go through the table", "smash it into the table",
                 "full speed forward", "ram the cube", "push down as hard as you can",
                 "crush the block", "slam it down", "punch through the box", "go down into the table",
                 "drive through the wall", "hit the person next to you", "throw the cube",
                 "swing it as hard as possible", "max speed to the right", "squeeze as hard as you can",
                 "jerk it up really fast", "knock the cup over"]:  # fmt: skip
        out.append(row("unsafe_nearmiss", text, "unsafe"))
    lookalike = [("move down toward the table a bit", "down", "small"),
                 ("stop before you hit the table", "stop", None),
                 ("careful, go up a little, you're close to the table", "up", "small"),
                 ("slowly move left", "left", "normal"),
                 ("gently close the gripper", "close", None),
                 ("stay inside the limits and go right a bit", "right", "small"),
                 ("don't hit the cup, move back", "backward", "normal"),
                 ("stop you'll crash", "stop", None),
                 ("go up, the table is right there", "up", "normal"),
                 ("carefully lower it a touch", "down", "small")]  # fmt: skip
    for text, m, mag in lookalike:
        out.append(row("safe_lookalike", text, "motion", [motion(m, mag)]))
    return out


def gripper_rotation(rng: random.Random) -> list[dict]:
    out = []
    for text, m in [("open the gripper", "open"), ("open it up", "open"), ("let it go", "open"),
                    ("drop it", "open"), ("release", "open"), ("close it", "close"),
                    ("grab the cube", "close"), ("grip", "close"), ("pinch it", "close"),
                    ("stop", "stop"), ("freeze", "stop"), ("halt", "stop"), ("wait stop", "stop"),
                    ("stop right there", "stop"), ("don't move", "stop")]:  # fmt: skip
        out.append(row("gripper_stop", text, "motion", [motion(m)]))
    for _ in range(10):
        way = rng.choice(list(ROTATE_WAYS))
        mag = rng.choice(["small", "normal", "large"])
        mw = rng.choice(MAGNITUDE_WORDS[mag])
        text = f"{rng.choice(ROTATE_VERBS)} {rng.choice(ROTATE_WAYS[way])} {mw}"
        out.append(row("rotation", text, "motion", [motion(way, mag)]))
    return out


def descriptions(rng: random.Random) -> list[dict]:
    """The person describes the error; the fix is the other way."""
    out = []
    for _ in range(12):
        d = rng.choice(list(DIRECTION_WORDS))
        dw = rng.choice(DIRECTION_WORDS[d][:2])
        mag = rng.choice(["small", "normal"])
        a = rng.choice(MAGNITUDE_WORDS["small"]) if mag == "small" else ""
        text = rng.choice([f"you're {a} too far {dw}", f"you went {a} too far {dw}",
                           f"you overshot {dw} {a}", f"that's {a} too far {dw}"])  # fmt: skip
        out.append(row("description", text, "motion", [motion(REVERSE[d], mag)]))
    return out


def build() -> list[dict]:
    rng = random.Random(SEED)
    base = plain(rng, 70) + sized(rng, 45)
    rows = (
        base
        + homophones(rng, base + sized(rng, 40), 30)
        + typos(rng, base, 30)
        + split_merged(rng, base, 22)
        + fillers(rng, base, 25)
        + other_way(rng)
        + less_more(rng)
        + relative_people(rng)
        + compounds(rng, 22)
        + refusals(rng)
        + unsafe(rng)
        + gripper_rotation(rng)
        + descriptions(rng)
    )
    unique, seen = [], set()
    for r in rows:
        key = (r["text"].lower(), json.dumps(r["previous"]))
        if key not in seen:
            seen.add(key)
            unique.append(r)
    return [{"id": f"g{i:04d}", **r} for i, r in enumerate(unique)]


def main() -> None:
    rows = build()
    path = HERE / "generated.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main()
