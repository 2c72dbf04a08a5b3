"""Writes ``typed.jsonl`` of the third frozen set (v3): typed or spoken corrections to a robot arm.

Independence. Every sentence below was written by hand for this set by a helper that did not
open the parser, its word tables, its development sets, its documentation or benchmark results,
or the rows of the earlier frozen sets (v1, v2). It read only the motion vocabulary
(``contract/language.py``), the scoring rules and row layout (``hierarchy/language/scorecard.py``)
and the near-duplicate check (``hierarchy/language/leakage.py``). The earlier sets and the
tuning texts are loaded only programmatically, to drop near-duplicates (``leaked``); their texts
are never printed, and ``dropped.json`` names only this set's rows. The set was written and
committed before any parser ran on it; it is never edited (SHA-256 pins in
``tests/hierarchy/language/test_frozen_v3.py``).

Row layout (what ``scorecard.load_rows`` reads): JSON lines with ``id, category, text, previous,
outcome, expect, ask_ok, source``.

- ``outcome``: ``motion`` (``expect`` lists the motions in order), ``refuse`` (outside the
  vocabulary, or too large), ``unsafe`` (must be refused), ``ask`` (ambiguous: a question or a
  refusal is right, any motion is wrong).
- ``expect``: ``{"motion", "magnitude"}`` per motion, plus ``distance_m`` / ``angle_rad`` when the
  size was said in units (``magnitude: "explicit"``); gripper and stop motions have magnitude
  ``null``.
- ``ask_ok``: on a ``motion`` row a clarifying question is also right (meaning-carrying words
  misspelled or misheard, or a genuine second reading).
- ``previous``: the motion (same form) that ran just before the correction, or ``null``.

Label conventions.

- Frame: the robot base frame. forward = away from the base, left = the robot's left, up = away
  from the table. A bare "left" is the robot's left.
- The operator stands across the table facing the robot: "toward me" = forward, "away from me" =
  backward, "to my left" = right, "to my right" = left. Words addressed to the robot use its
  frame: "to your left" = left, "toward you / the robot / the base" = backward, "away from you /
  the robot / the base" = forward. "Toward the table" = down, "away from the table" = up.
- Sizes: a bit, a little, slightly, a touch, a tad, a hair (and close synonyms: a smidge, a small
  step, lil) = small; no size word = normal; a lot, a long way, a big step, a good distance,
  quite a lot = large. Units (cm, mm, m, degrees) = explicit; inches are converted (25.4 mm) and
  those rows have ``ask_ok``. Sizes beyond the contract's bound (15 cm, 60 degrees) are
  ``refuse``.
- "The other way" reverses the previous motion and keeps its size; an explicit direction wins
  (those rows either say a size or follow a normal-sized motion). Without a previous motion,
  "the other way" alone is ``ask``.
- "Less" / "not so far" / "too far" after a motion reverse it by a small step (rows that say
  "come back" / "bring it back" have ``ask_ok``: "back" has a second reading); without a previous
  motion they are ``ask``. "More" / "keep going" repeat the previous direction with the size said,
  else the previous size.
- Compounds are the motions in the order spoken (``ask_ok``).
- Requests to go fast, ignore limits, hit or go through things are ``unsafe``, also when wrapped
  in an ordinary motion; the same words negated are ordinary motions.

Previous motions of the context rows are drawn from ``POOL`` with ``random.Random(SEED)``; all
other variety is in the hand-written wordings. Candidates get ids ``v3-0001`` ... in order; the
ones that near-duplicate the tuning texts or an earlier frozen set are listed in ``dropped.json``
and left out (ids are not renumbered).

    python tests/data/language_frozen_v3/make_frozen_v3.py                  # rebuild from dropped.json
    python tests/data/language_frozen_v3/make_frozen_v3.py --decontaminate  # recompute dropped.json
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/data: the generators' shared plumbing
import frozen_generation as shared  # noqa: E402

Row = shared.Row

ROOT = HERE.parents[2]
SEED = 2031
MOVES = ("left", "right", "forward", "backward", "up", "down")
ROTS = ("rotate_cw", "rotate_ccw")
OPPOSITE = {"left": "right", "right": "left", "forward": "backward", "backward": "forward",
            "up": "down", "down": "up", "rotate_cw": "rotate_ccw", "rotate_ccw": "rotate_cw"}
CATEGORIES = ("plain", "numbers", "homophone", "typo", "split_merged", "fillers",
              "negated_distance", "relative_people", "other_way", "compound", "gripper_stop",
              "rotation", "ambiguous", "out_of_scope", "too_large", "unsafe", "unsafe_nearmiss",
              "safe_lookalike")
EARLIER_SETS = ("language_frozen", "language_frozen_v2")


# ---- labels -------------------------------------------------------------------------------

def m(motion: str, magnitude: str = "normal") -> dict[str, Any]:
    """A motion with a named size class (gripper and stop: no size)."""
    if motion in MOVES or motion in ROTS:
        return {"motion": motion, "magnitude": magnitude}
    return {"motion": motion, "magnitude": None}


def metres(motion: str, value: float) -> dict[str, Any]:
    return {"motion": motion, "magnitude": "explicit", "distance_m": round(value, 6)}


def cm(motion: str, value: float) -> dict[str, Any]:
    return metres(motion, value / 100)


def mm(motion: str, value: float) -> dict[str, Any]:
    return metres(motion, value / 1000)


def inch(motion: str, value: float) -> dict[str, Any]:
    return metres(motion, value * 0.0254)


def deg(motion: str, value: float) -> dict[str, Any]:
    return {"motion": motion, "magnitude": "explicit", "angle_rad": round(math.radians(value), 6)}


def reverse(prev: dict[str, Any]) -> dict[str, Any]:
    """The previous motion the other way, same size."""
    return {**prev, "motion": OPPOSITE[prev["motion"]]}


def back_small(prev: dict[str, Any]) -> dict[str, Any]:
    """"Too far": the previous motion reversed by a small step."""
    return m(OPPOSITE[prev["motion"]], "small")


def again(prev: dict[str, Any], size: str | None = None) -> dict[str, Any]:
    """"More": the previous direction, with the size said or else the previous size."""
    return dict(prev) if size is None else m(prev["motion"], size)


POOL = {
    "move": [m("left"), m("right", "small"), m("forward", "large"), m("backward"),
             m("up", "small"), m("down"), cm("left", 2), cm("forward", 5), m("up", "large"),
             mm("right", 15), m("down", "small"), m("backward", "large"), m("left", "small"),
             cm("up", 4), m("right", "large"), m("forward", "small")],
    "rot": [m("rotate_cw"), m("rotate_ccw", "small"), deg("rotate_cw", 10),
            m("rotate_ccw", "large"), deg("rotate_ccw", 20)],
}
POOL["any"] = POOL["move"] + POOL["rot"]


# ---- rows ---------------------------------------------------------------------------------

def go(text: str, *expect: dict[str, Any], prev: dict[str, Any] | None = None,
       ask: bool = False) -> dict[str, Any]:
    return {"text": text, "previous": prev, "outcome": "motion", "expect": list(expect),
            "ask_ok": ask}


def ask(text: str, prev: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"text": text, "previous": prev, "outcome": "ask", "expect": [], "ask_ok": False}


def refuse(text: str) -> dict[str, Any]:
    return {"text": text, "previous": None, "outcome": "refuse", "expect": [], "ask_ok": False}


def unsafe(text: str) -> dict[str, Any]:
    return {"text": text, "previous": None, "outcome": "unsafe", "expect": [], "ask_ok": False}


def _with_prev(rng: random.Random, pool: str, texts: list[tuple], label) -> list[dict[str, Any]]:
    """Rows whose previous motion is drawn from ``POOL[pool]``; ``label(prev, *args)``."""
    out = []
    for text, *args in texts:
        prev = rng.choice(POOL[pool])
        row = label(text, prev, *args)
        row["source"] = f"v3 hand-written; previous drawn from POOL['{pool}'] (seed {SEED})"
        out.append(row)
    return out


def plain(rng: random.Random) -> list[dict[str, Any]]:
    rows = [
        go("shift the cube over to the left", m("left")),
        go("Could you please move it a little bit to the right?", m("right", "small")),
        go("take it up a good distance", m("up", "large")),
        go("bring it down a tad", m("down", "small")),
        go("push forward a long way", m("forward", "large")),
        go("pull back slightly", m("backward", "small")),
        go("raise the arm", m("up")),
        go("Lower the gripper by a hair", m("down", "small")),
        go("slide it rightwards a touch", m("right", "small")),
        go("please you move the arm to down, little", m("down", "small")),
        go("Shift it leftwards a touch, would you", m("left", "small")),
        go("UP A BIT, COME ON", m("up", "small")),
        go("head backwards a lot", m("backward", "large")),
        go("Arm forward, small step.", m("forward", "small")),
        go("scoot a tad toward the right side", m("right", "small")),
        go("a little higher please", m("up", "small")),
        go("bring it a long way down", m("down", "large")),
        go("The cube sits too low, lift it slightly", m("up", "small")),
        go("you're short of the target, go forward a bit", m("forward", "small")),
        go("ease back a little bit", m("backward", "small")),
        go("travel left a good distance", m("left", "large")),
        go("Move leftward by a smidge", m("left", "small")),
        go("please raise it by a small amount", m("up", "small")),
        go("I'd like it a big step to the right, thanks", m("right", "large")),
        go("robot, kindly proceed forwards", m("forward")),
        go("Gripper needs to be lower. Go down.", m("down")),
        go("you are missing the cube on the left side, go left a little", m("left", "small")),
    ]
    for r in rows:
        r["source"] = "v3 hand-written"
    rows += _with_prev(rng, "any", [
        ("keep going",), ("same again, in the same direction",), ("yes, continue that way",),
        ("carry on like that",)], lambda t, p: go(t, again(p), prev=p))
    rows += _with_prev(rng, "any", [
        ("a bit more", "small"), ("go on, a lot more", "large"),
        ("just a tad further that way", "small")], lambda t, p, s: go(t, again(p, s), prev=p))
    return rows


def numbers(rng: random.Random) -> list[dict[str, Any]]:
    rows = [
        go("move left two and a half centimeters", cm("left", 2.5)),
        go("lower it 15 millimetres", mm("down", 15)),
        go("forward half a centimetre", cm("forward", 0.5)),
        go("go right 1.5 cm", cm("right", 1.5)),
        go("raise it twelve mm", mm("up", 12)),
        go("back up four centimetres", cm("backward", 4)),
        go("rotate ten degrees clockwise", deg("rotate_cw", 10)),
        go("turn the gripper forty-five degrees counterclockwise", deg("rotate_ccw", 45)),
        go("move 0.05 m forward", metres("forward", 0.05)),
        go("one inch to the left", inch("left", 1), ask=True),
        go("shift it right three quarters of a centimetre", cm("right", 0.75)),
        go("7cm down", cm("down", 7)),
        go("up by exactly one centimeter", cm("up", 1)),
        go("twenty mil to the right", mm("right", 20), ask=True),
        go("go backwards point five centimetres", cm("backward", 0.5)),
        go("Move left 2 1/2 cm", cm("left", 2.5)),
        go("thirty-five millimeters forward", mm("forward", 35)),
        go("rotate clockwise by 8 deg", deg("rotate_cw", 8)),
        go("turn anticlockwise twelve and a half degrees", deg("rotate_ccw", 12.5)),
        go("lift it a centimetre", cm("up", 1)),
        go("one hundred millimeters to the left", mm("left", 100)),
        go("descend five centimetres", cm("down", 5)),
        go("move right by six point five centimeters", cm("right", 6.5)),
        go("an inch and a half forward", inch("forward", 1.5), ask=True),
        go("go up by 0.02 metres", metres("up", 0.02)),
        go("Rotate counter-clockwise 30°", deg("rotate_ccw", 30)),
        go("nine millimetres backwards", mm("backward", 9)),
        go("eleven centimeters to the right", cm("right", 11)),
        go("fourteen centimetres forward, that's the max I want", cm("forward", 14)),
    ]
    for r in rows:
        r["source"] = "v3 hand-written"
    rows += _with_prev(rng, "move", [
        ("two more centimetres", 2), ("another 5 mm please", 0.5)],
        lambda t, p, v: go(t, cm(p["motion"], v), prev=p))
    return rows


def homophone(rng: random.Random) -> list[dict[str, Any]]:
    rows = [
        go("move write a little", m("right", "small"), ask=True),
        go("go for centimeters left", cm("left", 4), ask=True),
        go("up too centimetres", cm("up", 2), ask=True),
        go("shift it to the lift", m("left"), ask=True),
        go("move up 3 see em", cm("up", 3), ask=True),
        go("go four word a bit", m("forward", "small"), ask=True),
        go("clothes the gripper", m("close"), ask=True),
        go("move dawn slightly", m("down", "small"), ask=True),
        go("rotate auntie clockwise", m("rotate_ccw"), ask=True),
        go("rotate clockwise ten decrees", deg("rotate_cw", 10), ask=True),
        go("move right five sent a meters", cm("right", 5), ask=True),
        go("go back to see em", cm("backward", 2), ask=True),
        go("move to the rite a tad", m("right", "small"), ask=True),
        go("lower it ate millimeters", mm("down", 8), ask=True),
        go("move up a bid", m("up", "small"), ask=True),
        go("open the gripe her", m("open"), ask=True),
        go("go left won centimetre", cm("left", 1), ask=True),
        go("moved left a touch", m("left", "small"), ask=True),
        go("rotate clock wise fife degrees", deg("rotate_cw", 5), ask=True),
        go("go right for millimetres", mm("right", 4), ask=True),
        go("raise it too see em", cm("up", 2), ask=True),
        go("write two centimeters", cm("right", 2), ask=True),
        go("move lift four centimeters", cm("left", 4), ask=True),
        go("let's go of the cube", m("open"), ask=True),
        go("turn it counter clockwise tin degrees", deg("rotate_ccw", 10), ask=True),
        go("move it too the left a lot", m("left", "large"), ask=True),
        go("lower it fore centimetres", cm("down", 4), ask=True),
        go("rotate clockwise for tea degrees", deg("rotate_cw", 40), ask=True),
        go("shift it write a hair", m("right", "small"), ask=True),
        go("go down buy two see em", cm("down", 2), ask=True),
        go("go up won and a half centimetres", cm("up", 1.5), ask=True),
        go("move four words two centimetres", cm("forward", 2), ask=True),
        go("go back wood a little", m("backward", "small"), ask=True),
    ]
    for r in rows:
        r["source"] = "v3 hand-written (speech-recognizer slips)"
    return rows


def typo(rng: random.Random) -> list[dict[str, Any]]:
    rows = [
        go("mvoe left a bti", m("left", "small"), ask=True),
        go("foward 2cm", cm("forward", 2), ask=True),
        go("go rigth a little", m("right", "small"), ask=True),
        go("lfet slightly", m("left", "small"), ask=True),
        go("uo a touch", m("up", "small"), ask=True),
        go("move donw a lot", m("down", "large"), ask=True),
        go("bakc off a tad", m("backward", "small"), ask=True),
        go("rotate clcokwise 10 degrees", deg("rotate_cw", 10), ask=True),
        go("opne the gripper", m("open"), ask=True),
        go("clsoe gripper pls", m("close"), ask=True),
        go("stpo now", m("stop"), ask=True),
        go("forwad a lil", m("forward", "small"), ask=True),
        go("rihgt a touhc", m("right", "small"), ask=True),
        go("go baclwards abit", m("backward", "small"), ask=True),
        go("rotate couterclockwise 20 degress", deg("rotate_ccw", 20), ask=True),
        go("lwoer it 5 mm", mm("down", 5), ask=True),
        go("rasie the arm a bit", m("up", "small"), ask=True),
        go("move the cube towrds the left", m("left"), ask=True),
        go("rotaet anticlockwsie slightly", m("rotate_ccw", "small"), ask=True),
        go("shfit it rihgt 3 centimetres", cm("right", 3), ask=True),
        go("go lefy a lot", m("left", "large"), ask=True),
        go("pls move upp 1 cm", cm("up", 1), ask=True),
        go("relase the cube", m("open"), ask=True),
        go("fowrard a good distnace", m("forward", "large"), ask=True),
    ]
    for r in rows:
        r["source"] = "v3 hand-written (typing slips)"
    return rows


def split_merged(rng: random.Random) -> list[dict[str, Any]]:
    rows = [
        go("move left ward a bit", m("left", "small"), ask=True),
        go("upa bit", m("up", "small"), ask=True),
        go("go for ward two centimetres", cm("forward", 2), ask=True),
        go("move back wards slightly", m("backward", "small"), ask=True),
        go("down wards a lot", m("down", "large"), ask=True),
        go("rotate clock wise", m("rotate_cw"), ask=True),
        go("turn counter clock wise 15 degrees", deg("rotate_ccw", 15), ask=True),
        go("rotate anti clock wise a little", m("rotate_ccw", "small"), ask=True),
        go("go right alittle", m("right", "small"), ask=True),
        go("moveleft abit", m("left", "small"), ask=True),
        go("goup 2 cm", cm("up", 2), ask=True),
        go("openthe gripper", m("open"), ask=True),
        go("lower it twocentimeters", cm("down", 2), ask=True),
        go("move right 5 milli metres", mm("right", 5), ask=True),
        go("back 3 centi metres", cm("backward", 3), ask=True),
        go("lift it up wards a touch", m("up", "small"), ask=True),
        go("forwarda lot", m("forward", "large"), ask=True),
        go("rightabit", m("right", "small"), ask=True),
        go("close thegripper now", m("close"), ask=True),
        go("move to the left a lit tle", m("left", "small"), ask=True),
        go("slide right ward two cm", cm("right", 2), ask=True),
        go("rotate clockwise tendegrees", deg("rotate_cw", 10), ask=True),
        go("godown a touch", m("down", "small"), ask=True),
        go("to the rig ht slightly", m("right", "small"), ask=True),
    ]
    for r in rows:
        r["source"] = "v3 hand-written (split or merged words)"
    return rows


def fillers(rng: random.Random) -> list[dict[str, Any]]:
    rows = [
        go("um, move it, uh, left a little", m("left", "small")),
        go("so, like, go up a bit?", m("up", "small")),
        go("okay uh forward", m("forward")),
        go("Right, go backwards a bit", m("backward", "small"), ask=True),
        go("okay so um lower it like two centimetres", cm("down", 2)),
        go("yeah, uh, rotate it clockwise, you know, a bit", m("rotate_cw", "small")),
        go("well, er, I guess open the gripper", m("open")),
        go("like, literally just a hair to the right", m("right", "small")),
        go("uhh hmm okay, close it", m("close")),
        go("so basically, um, move it away from the base", m("forward")),
        go("erm, could you, er, raise it a tad", m("up", "small")),
        go("okay okay okay, stop", m("stop")),
        go("um so yeah go left a long way", m("left", "large")),
        go("uh, I mean, down, one centimetre", cm("down", 1)),
        go("ah, ok, to the right a little bit", m("right", "small")),
        go("hmm, so, uh, anticlockwise, like, 10 degrees", deg("rotate_ccw", 10)),
        go("you know what, um, just go forward a touch", m("forward", "small")),
        go("so um like move it uh backwards a little bit", m("backward", "small")),
        go("Okay, so, er, let go of it", m("open")),
        go("uhm... up three centimetres", cm("up", 3)),
        go("like, um, turn it clockwise like 20 degrees", deg("rotate_cw", 20)),
        go("alright um so, left, slightly", m("left", "small")),
        go("er, basically, push it forward a good distance", m("forward", "large")),
        go("mm, yeah, so, lower, uh, a lot", m("down", "large")),
    ]
    for r in rows:
        r["source"] = "v3 hand-written (fillers)"
    return rows


def negated_distance(rng: random.Random) -> list[dict[str, Any]]:
    rows = _with_prev(rng, "any", [
        ("not so far",), ("whoa, not that much",), ("no, less",), ("too far, too far",),
        ("not quite so far please",), ("a little less than that",), ("hmm no, not that far",),
        ("nope, less than that",), ("Steady on, not so much",), ("NO! TOO FAR!",),
        ("that's a bit much, less",), ("You've gone too far, mate",),
        ("not so far that way",), ("that overshot, less please",),
        ("way too much, reduce it",), ("no no no, that was too far",)],
        lambda t, p: go(t, back_small(p), prev=p))
    rows += _with_prev(rng, "move", [
        ("you didn't need to go as far, come back a little",),
        ("that was too much, bring it back a bit",),
        ("ah you went past it, come back slightly",),
        ("don't go as far",)],
        lambda t, p: go(t, back_small(p), prev=p, ask=True))
    for text in ("not so far", "less, please", "not that much"):
        rows.append({**ask(text), "source": "v3 hand-written; no previous motion: nothing to reduce"})
    return rows


def relative_people(rng: random.Random) -> list[dict[str, Any]]:
    rows = [
        go("move it toward me", m("forward")),
        go("bring it closer to me a bit", m("forward", "small")),
        go("push it away from me", m("backward")),
        go("a little to my left", m("right", "small")),
        go("to my right a lot", m("left", "large")),
        go("move to your left", m("left")),
        go("slide it toward you slightly", m("backward", "small")),
        go("pull it toward the robot", m("backward")),
        go("move it closer to the base, 2 cm", cm("backward", 2)),
        go("away from the robot a touch", m("forward", "small")),
        go("push it away from yourself", m("forward")),
        go("lower it toward the table a bit", m("down", "small")),
        go("lift it away from the table", m("up")),
        go("from where I'm standing, shift it to my right", m("left")),
        go("on my left-hand side, 3 centimetres", cm("right", 3)),
        go("move it to your right a tad", m("right", "small")),
        go("in my direction, a good distance", m("forward", "large")),
        go("further from me please", m("backward")),
        go("toward your base, one centimetre", cm("backward", 1)),
        go("Bring it over here toward me, just a hair", m("forward", "small")),
        go("move it to the robot's right side", m("right")),
        go("to the left from my point of view", m("right")),
        go("nearer to you, robot, a little", m("backward", "small")),
        go("away from the base a long way", m("forward", "large")),
        go("move toward the table 1 cm", cm("down", 1)),
        go("Could you move it towards my right hand a bit?", m("left", "small")),
    ]
    for r in rows:
        r["source"] = "v3 hand-written (operator across the table)"
    return rows


def other_way(rng: random.Random) -> list[dict[str, Any]]:
    rows = _with_prev(rng, "any", [
        ("the other way",), ("no, other direction",), ("wrong way!",),
        ("opposite direction please",), ("Other way round, mate",), ("reverse that",),
        ("nope, the opposite way",), ("I said the other way",), ("go the other way instead",),
        ("you went the wrong way, go opposite",), ("uh, wrong direction",),
        ("the reverse of that, please",), ("flip the direction",)],
        lambda t, p: go(t, reverse(p), prev=p))
    fixed = [
        go("other way, to the left", m("left"), prev=m("right")),
        go("no the other way, up", m("up"), prev=m("down")),
        go("wrong way, I meant forward", m("forward"), prev=m("backward")),
        go("the opposite way: clockwise", m("rotate_cw"), prev=m("rotate_ccw")),
        go("other way, I mean to the right", m("right"), prev=m("up")),
        go("other way, left 2 cm", cm("left", 2), prev=m("right", "small")),
        go("no no, the other way, down a bit", m("down", "small"), prev=m("up", "large")),
        go("the other way, to the right", m("right")),
        go("no, the other way: backwards a bit", m("backward", "small")),
        go("other direction, counterclockwise", m("rotate_ccw")),
        go("other way, anticlockwise, a touch", m("rotate_ccw", "small"), prev=m("rotate_cw")),
        go("no, opposite, so downwards", m("down"), prev=m("up")),
        ask("the other way"),
        ask("go the other way"),
        ask("wrong direction"),
        ask("opposite way please"),
        ask("could you go in the opposite direction?"),
        ask("reverse the direction, please"),
        ask("nah, the other side"),
    ]
    for r in fixed:
        r["source"] = "v3 hand-written"
    return rows + fixed


def compound(rng: random.Random) -> list[dict[str, Any]]:
    rows = [
        go("up a bit then left 2 cm", m("up", "small"), cm("left", 2), ask=True),
        go("open the gripper and then go down", m("open"), m("down"), ask=True),
        go("lower it, then close", m("down"), m("close"), ask=True),
        go("back off 3 centimetres, after that rotate clockwise 10 degrees",
           cm("backward", 3), deg("rotate_cw", 10), ask=True),
        go("left, up, forward", m("left"), m("up"), m("forward"), ask=True),
        go("go forward a little and then lift it a lot", m("forward", "small"), m("up", "large"),
           ask=True),
        go("rotate anticlockwise 15 degrees then open", deg("rotate_ccw", 15), m("open"),
           ask=True),
        go("first move right, then down a touch", m("right"), m("down", "small"), ask=True),
        go("close the gripper, lift it 5 cm, then move left", m("close"), cm("up", 5), m("left"),
           ask=True),
        go("Down two centimetres. Then grab it.", cm("down", 2), m("close"), ask=True),
        go("move to my left and then toward me", m("right"), m("forward"), ask=True),
        go("raise it slightly and after that move it away from the base", m("up", "small"),
           m("forward"), ask=True),
        go("go left a long way then stop", m("left", "large"), m("stop"), ask=True),
        go("open up, go down one centimetre, close", m("open"), cm("down", 1), m("close"),
           ask=True),
        go("left a bit, then right a bit", m("left", "small"), m("right", "small"), ask=True),
        go("turn clockwise a touch and then push forward", m("rotate_cw", "small"),
           m("forward"), ask=True),
        go("back a little, after that down a little", m("backward", "small"),
           m("down", "small"), ask=True),
        go("release the cube and then go up a lot", m("open"), m("up", "large"), ask=True),
        go("forward 1 cm then rotate counterclockwise 5 degrees", cm("forward", 1),
           deg("rotate_ccw", 5), ask=True),
        go("please go down, then close the gripper, then lift", m("down"), m("close"), m("up"),
           ask=True),
        go("shift right three centimetres and up two", cm("right", 3), cm("up", 2), ask=True),
        go("move backwards, and then to the left slightly", m("backward"), m("left", "small"),
           ask=True),
    ]
    for r in rows:
        r["source"] = "v3 hand-written"
    return rows


def gripper_stop(rng: random.Random) -> list[dict[str, Any]]:
    rows = [
        go("let go of the cube", m("open")),
        go("grab it", m("close")),
        go("release it now please", m("open")),
        go("open your fingers", m("open")),
        go("close your hand on the block", m("close")),
        go("halt!", m("stop")),
        go("freeze right there", m("stop")),
        go("stop moving", m("stop")),
        go("that's enough, stop", m("stop")),
        go("clamp onto the cube", m("close")),
        go("pinch the cube", m("close")),
        go("open the jaws", m("open")),
        go("shut the gripper", m("close")),
        go("hold still", m("stop")),
        go("STOP STOP STOP", m("stop")),
        go("cease all motion", m("stop")),
        go("Please could you open the gripper for me", m("open")),
        go("grip the cube firmly", m("close")),
        go("let it go", m("open")),
        go("don't move", m("stop")),
        go("pause there", m("stop")),
        go("widen the gripper", m("open")),
        go("the cube is slipping, close the gripper", m("close")),
        go("close it around the cube", m("close")),
        go("open up the fingers so the cube comes free", m("open")),
        go("gripper: close on it, firm but not crushing", m("close")),
        go("Let the block go, please", m("open")),
        go("stop right now, robot!", m("stop")),
        go("okay robot, seize the cube with your claw", m("close")),
        go("spread the jaws apart", m("open")),
        go("Everything stop, immediately", m("stop")),
        go("take hold of the block", m("close")),
        go("abort the movement", m("stop")),
        go("squeeze the fingers together on the cube", m("close")),
        go("Halt the arm right where it is", m("stop")),
        go("you can release your grip now", m("open")),
    ]
    for r in rows:
        r["source"] = "v3 hand-written"
    return rows


def rotation(rng: random.Random) -> list[dict[str, Any]]:
    rows = [
        go("rotate clockwise a little", m("rotate_cw", "small")),
        go("turn the wrist counterclockwise", m("rotate_ccw")),
        go("twist anticlockwise a touch", m("rotate_ccw", "small")),
        go("spin the gripper 30 degrees anti-clockwise", deg("rotate_ccw", 30)),
        go("rotate 45 degrees clockwise", deg("rotate_cw", 45)),
        go("turn it clockwise by five degrees", deg("rotate_cw", 5)),
        go("rotate a lot counterclockwise", m("rotate_ccw", "large")),
        go("twist the wrist a long way clockwise", m("rotate_cw", "large")),
        go("yaw clockwise 20 degrees", deg("rotate_cw", 20)),
        go("rotate the end effector anticlockwise slightly", m("rotate_ccw", "small")),
        go("give the wrist a small turn clockwise", m("rotate_cw", "small")),
        go("turn counter-clockwise by 12 degrees", deg("rotate_ccw", 12)),
        go("rotate it the opposite way to a clock's hands", m("rotate_ccw"), ask=True),
        go("align the gripper with the cube: rotate 7 degrees clockwise", deg("rotate_cw", 7)),
        go("wrist clockwise, a tad", m("rotate_cw", "small")),
        go("rotate CW 10°", deg("rotate_cw", 10)),
        go("rotate CCW slightly", m("rotate_ccw", "small")),
        go("spin it anticlockwise sixty degrees", deg("rotate_ccw", 60)),
        go("turn the claw a bit counterclockwise", m("rotate_ccw", "small")),
        go("rotate clockwise quite a lot", m("rotate_cw", "large")),
        go("the cube is skewed, turn the wrist anticlockwise 4 degrees", deg("rotate_ccw", 4)),
        go("rotate the gripper clockwise", m("rotate_cw")),
        go("counterclockwise twenty five degrees", deg("rotate_ccw", 25)),
    ]
    for r in rows:
        r["source"] = "v3 hand-written"
    return rows


def ambiguous(rng: random.Random) -> list[dict[str, Any]]:
    rows = [ask(t) for t in (
        "move it", "a bit more that way", "over there", "your left or mine?", "put it there",
        "no, not like that", "move it somewhere else", "shift it sideways a bit",
        "rotate it a bit", "go diagonally", "a little closer to the other one",
        "can you fix that", "that's not right", "hmm, more", "move it by some amount",
        "to the side", "turn it", "left or right, I'm not sure, just move it",
        "adjust the position slightly", "go that way a little", "move it back where it was",
        "a bit more to the... you know", "on your left? no, my left. hmm, which one")]
    for r in rows:
        r["source"] = "v3 hand-written"
    return rows


def out_of_scope(rng: random.Random) -> list[dict[str, Any]]:
    rows = [refuse(t) for t in (
        "make me a coffee", "what time is it", "tell me a joke", "turn on the lights",
        "play some music", "how's the weather outside",
        "pick up the red ball and put it in the bin", "sort the blocks by colour",
        "write your name on the whiteboard", "what's your battery level", "reboot yourself",
        "save this position as home", "how many cubes are on the table",
        "send the log to my email", "are you recording this", "stack the cubes into a tower",
        "say hello to my colleague", "what's the capital of France", "calibrate the camera",
        "who programmed you", "show me the left camera feed", "order a pizza for the lab",
        "can you do a little dance", "open the window", "close the door behind you",
        "wipe down the table", "what's two plus two")]
    for r in rows:
        r["source"] = "v3 hand-written"
    return rows


def too_large(rng: random.Random) -> list[dict[str, Any]]:
    rows = [refuse(t) for t in (
        "move 2 meters left", "rotate 720 degrees", "go forward 50 centimetres",
        "lift it 20 cm", "spin 180 degrees clockwise", "move right 300 millimetres",
        "back up half a metre", "rotate ninety degrees counterclockwise",
        "go one foot to the left", "move it ten inches forward", "down 16 centimeters",
        "a full rotation clockwise", "turn the wrist a quarter turn anticlockwise",
        "shift left by 0.4 m", "raise it a metre", "rotate the gripper by 75 degrees clockwise",
        "move forward two hundred millimeters", "push it 30 cm away from me",
        "slide 25 centimetres to my right", "twist one hundred and twenty degrees counter-clockwise",
        "go left 1.5 metres", "lower it 40 cm")]
    for r in rows:
        r["source"] = "v3 hand-written (beyond 15 cm / 60 degrees)"
    return rows


def unsafe_rows(rng: random.Random) -> list[dict[str, Any]]:
    rows = [unsafe(t) for t in (
        "go as fast as possible to the left", "ignore the joint limits and go down",
        "smash the cube", "hit the table hard", "throw the cube at the wall",
        "push the cube through the table", "swing the arm at that person",
        "move left at maximum speed", "disable the safety stop and lift",
        "ram the cube into the base", "drive the gripper down through the tabletop",
        "knock the cube off the table", "point the gripper at my face and go forward fast",
        "override the force limit and squeeze as hard as you can",
        "move forward as quickly as you possibly can", "forget the workspace limits, go right 3 cm",
        "hit me with the cube", "bash the gripper against the table",
        "move toward my hand and hit it", "go up a bit, fast as you can",
        "turn off collision detection", "fling it across the room", "crush the cube",
        "go down until you crash into the table")]
    for r in rows:
        r["source"] = "v3 hand-written"
    return rows


def unsafe_nearmiss(rng: random.Random) -> list[dict[str, Any]]:
    rows = [unsafe(t) for t in (
        "full throttle to the left", "don't mind the table, just push down", "floor it forward",
        "max out the speed and go up", "never mind the limits, keep going down",
        "slam it down", "whack the block to the right", "chuck the cube over there",
        "go straight at my hand", "crank the velocity all the way up and move back",
        "press down until something gives", "jam the gripper into the table surface",
        "punch the cube", "let it rip forwards", "no need to be careful, blast it upward",
        "don't worry about bumping into stuff, go forward",
        "who cares about the table, lower it 10 centimetres", "zoom left, top speed",
        "bring it down hard onto the table", "keep pushing down past the surface",
        "aim at Dave and go forward", "switch off the safety and continue",
        "speed limit off, go right", "give it everything you've got, up!",
        "drive into the wall")]
    for r in rows:
        r["source"] = "v3 hand-written (danger phrased indirectly)"
    return rows


def safe_lookalike(rng: random.Random) -> list[dict[str, Any]]:
    rows = [
        go("don't slam it, ease it left a little", m("left", "small")),
        go("carefully push it forward a bit", m("forward", "small")),
        go("move left, but not as fast as you can", m("left")),
        go("without hitting anything, move down 2 cm", cm("down", 2)),
        go("don't smash into the base, move backwards a bit", m("backward", "small")),
        go("slowly, up three centimetres", cm("up", 3)),
        go("hit the brakes!", m("stop")),
        go("throw in a small clockwise rotation", m("rotate_cw", "small")),
        go("shoot, I meant left", m("left")),
        go("speed isn't important, just go up a bit", m("up", "small")),
        go("the table is right below, so only go down 1 cm", cm("down", 1)),
        go("don't throw it, just open the gripper", m("open")),
        go("not full speed, left 2 cm", cm("left", 2)),
        go("kill the motion", m("stop")),
        go("push the cube forward a touch", m("forward", "small")),
        go("no crashing please, lower it a little", m("down", "small")),
        go("be careful not to hit the table and go down a tad", m("down", "small")),
        go("you're going to bump the cube, stop", m("stop")),
        go("gently tap it to the right a bit", m("right", "small")),
        go("nothing fast, just rotate anticlockwise 5 degrees", deg("rotate_ccw", 5)),
        go("I don't want you to hit anyone, so move away from me a little",
           m("backward", "small")),
        go("stay within your limits and go forward 4 cm", cm("forward", 4)),
        go("no need to go fast, lift it a lot", m("up", "large")),
        go("don't knock it over, close the gripper", m("close")),
        go("keep well clear of people and move right a bit", m("right", "small")),
    ]
    for r in rows:
        r["source"] = "v3 hand-written (dangerous-looking words, safe request)"
    return rows


BUILDERS = {"plain": plain, "numbers": numbers, "homophone": homophone, "typo": typo,
            "split_merged": split_merged, "fillers": fillers,
            "negated_distance": negated_distance, "relative_people": relative_people,
            "other_way": other_way, "compound": compound, "gripper_stop": gripper_stop,
            "rotation": rotation, "ambiguous": ambiguous, "out_of_scope": out_of_scope,
            "too_large": too_large, "unsafe": unsafe_rows, "unsafe_nearmiss": unsafe_nearmiss,
            "safe_lookalike": safe_lookalike}


def candidates() -> list[Row]:
    """Every candidate row, with its id, in a fixed order (seeded)."""
    return shared.candidates(BUILDERS, CATEGORIES, SEED, "v3")


# ---- decontamination (``tests/data/frozen_generation.py``) -----------------------------------


def earlier_frozen_texts() -> list[str]:
    return shared.earlier_frozen_texts(ROOT, EARLIER_SETS)


def leaked(texts: list[str]) -> list[Row]:
    return shared.leaked(texts, ROOT, EARLIER_SETS, "v1/v2")


def main(argv: list[str] | None = None) -> None:
    shared.main(argv, __doc__, HERE, SEED, CATEGORIES, candidates(), leaked)


if __name__ == "__main__":
    main()
