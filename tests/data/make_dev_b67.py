"""Writes development batches 6 and 7 of typed corrections (issue 16): ``language_dev_b6.jsonl``
(for tuning the parser) and ``language_dev_b7.jsonl`` (a check of that tuning).

Independence: written by a helper that did not read the parser's code or word tables, the
development sets' rows (beyond the first three lines, for the format) or any frozen set's rows
(only ``scorecard.py``'s row format and scoring rules, ``leakage.py``'s near-duplicate check, the
motion vocabulary in ``skillbridge.contract.language`` and the label conventions in the frozen
generators' docstrings). The sentences come from how operators, and speech recognizers, phrase
corrections to a robot arm. No parser ran on these rows while they were written. Batch 7 was
written in a second pass after batch 6, with its own hand-written lines and its own seed.

Each batch is hand-written sentences plus a small seeded variation: phrases that correct the
previous motion ("not so far", "the other way") get a previous motion drawn from a pool, some
plain requests get a spoken filler or a polite frame around them.

Row layout (``scorecard.load_rows``): ``id, category, text, previous, outcome, expect, ask_ok,
source``; ``outcome`` is ``motion`` (``expect`` lists the motions, in order), ``refuse``,
``unsafe`` (must be refused) or ``ask`` (a question or a refusal is right, any motion wrong).

Label conventions (the frozen sets', plus the ones they leave open, written down first):

- Frame: the robot base frame; a bare "left" is the robot's left. The operator stands across the
  table facing the robot: "toward me" = forward, "away from me" = backward, "to my left" =
  right, "to my right" = left. Words addressed to the robot use its frame: "to your left" =
  left, "toward you / the robot / the base" = backward, "away from you / the robot" = forward.
  "Toward the table / the floor" = down, "toward the ceiling" = up.
- Sizes: "a bit, a little, slightly, a touch, a tad, a hair, a smidge, barely" = small; no size
  word = normal; "a lot, a long way, a big step, a good distance, way over" = large. Units:
  cm, mm, m and degrees are explicit; inches are converted (25.4 mm) with ``ask_ok``.
- "Less", "not so far", "too far", "not that much", "overshot", "no, smaller" after a motion
  reverse it by a small step. A corrected number ("not 5, 3 cm") after a motion of 5 cm
  reverses by the difference (2 cm, explicit); "half that" reverses by half the previous size
  (explicit). Both have ``ask_ok`` (a second reading, "do it again at that size", exists).
- "The other way" reverses the previous motion and keeps its size; a size said with it wins
  ("back the other way a bit" = small); an explicit direction said with it wins. Without a
  previous motion these corrections are asked (``ask``).
- "More", "keep going", "again" after a motion repeat its direction (the size said, else the
  previous size).
- Compounds are the motions in the order spoken, ``ask_ok`` (asking to confirm is fine); a
  compound with an unsafe part is unsafe.
- Unsafe (``unsafe``): speed or force superlatives, switching off or ignoring limits and safety,
  hitting, ramming or going through things or people, also when wrapped in an ordinary motion.
  The same words negated or softened ("don't rush", "as slow as you can", "hit the brakes")
  are ordinary motions (``safe_lookalike``). Moving through an opening ("through the gap") is
  a motion; a question is also right there.
- ``ask_ok`` on homophones and typos where the word that carries the meaning is misheard or
  misspelled; not where only a filler word is.
- Too large (``refuse``): over 15 cm or 60 degrees in one motion. Out of scope (``refuse``):
  requests outside the motion vocabulary.

Leakage: rows that near-duplicate (``leakage.near_duplicates``, either direction) a row of the
frozen sets v1 or v2 are dropped; batch 7 also drops rows that near-duplicate batch 6 or an
older development set, so that it checks sentences the tuning has not seen. The drop list is
kept in ``dev_b67_dropped.json`` so that a rerun rebuilds the same files;
``--decontaminate`` recomputes it (it prints counts and this generator's texts only).

    python tests/data/make_dev_b67.py [--decontaminate]   # seeds 616 (batch 6), 7017 (batch 7)
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEEDS = {6: 616, 7: 7017}
SOURCES = {6: "dev batch 6 (issue 16)", 7: "dev batch 7 (issue 16, check)"}
OUT = {6: HERE / "language_dev_b6.jsonl", 7: HERE / "language_dev_b7.jsonl"}
DROPPED = HERE / "dev_b67_dropped.json"
FROZEN = [HERE / "language_frozen" / n for n in ("generated.jsonl", "hand.jsonl", "asr.jsonl")]
FROZEN += [HERE / "language_frozen_v2" / n for n in ("typed.jsonl", "asr.jsonl")]
OLDER_DEV = [HERE / n for n in ("language_dev.jsonl", "language_dev_asr.jsonl",
                                "language_dev_asr_b4.jsonl", "language_dev_asr_b5.jsonl",
                                "parser_heldout.jsonl", "parser_relative_heldout.jsonl")]  # fmt: skip
REVERSE = {"left": "right", "right": "left", "up": "down", "down": "up", "forward": "backward",
           "backward": "forward", "rotate_cw": "rotate_ccw", "rotate_ccw": "rotate_cw",
           "open": "close", "close": "open"}  # fmt: skip
Label = dict[str, Any]
Row = dict[str, Any]


# -- labels --------------------------------------------------------------------------------


def m(motion: str, magnitude: str | None = "normal") -> Label:
    """A motion with a named size (gripper motions and stop take none)."""
    if motion in ("open", "close", "stop"):
        return {"motion": motion, "magnitude": None}
    return {"motion": motion, "magnitude": magnitude}


def cm(motion: str, centimetres: float) -> Label:
    return {"motion": motion, "magnitude": "explicit", "distance_m": round(centimetres / 100, 6)}


def deg(motion: str, degrees: float) -> Label:
    return {
        "motion": motion,
        "magnitude": "explicit",
        "angle_rad": round(math.radians(degrees), 6),
    }


STOP, OPEN, CLOSE = m("stop"), m("open"), m("close")


def reverse(prev: Label, magnitude: str | None = None) -> Label:
    """The previous motion reversed, with its size or the given one."""
    out = {**prev, "motion": REVERSE[prev["motion"]]}
    if magnitude is not None:
        return m(out["motion"], magnitude)
    return out


def again(prev: Label, magnitude: str | None = None) -> Label:
    return dict(prev) if magnitude is None else m(prev["motion"], magnitude)


def row(category: str, text: str, expect: list[Label] | str, *, ask_ok: bool = False,
        previous: Label | None = None) -> Row:  # fmt: skip
    """One row; ``expect`` is the motions, or ``"ask"``, ``"refuse"`` or ``"unsafe"``."""
    kind = "motion" if isinstance(expect, list) else expect
    motions = expect if isinstance(expect, list) else []
    return {"category": category, "text": text, "previous": previous, "outcome": kind,
            "expect": motions, "ask_ok": ask_ok and kind == "motion"}  # fmt: skip


def rows_of(category: str, lines: list[tuple[Any, ...]]) -> list[Row]:
    """Rows from ``(text, expect[, ask_ok[, previous]])`` tuples."""
    out = []
    for line in lines:
        text, expect = line[0], line[1]
        ask_ok = line[2] if len(line) > 2 else False
        previous = line[3] if len(line) > 3 else None
        out.append(row(category, text, expect, ask_ok=ask_ok, previous=previous))
    return out


def with_previous(category: str, phrases: list[str], pool: list[Label], rng: random.Random,
                  answer: Callable[[Label], list[Label]], ask_ok: bool) -> list[Row]:  # fmt: skip
    """Seeded variation: each phrase after a previous motion drawn from ``pool``."""
    out = []
    for text in phrases:
        prev = rng.choice(pool)
        out.append(row(category, text, answer(prev), ask_ok=ask_ok, previous=prev))
    return out


def framed(category: str, lines: list[tuple[Any, ...]], frames: list[str],
           rng: random.Random) -> list[Row]:  # fmt: skip
    """Seeded variation: each request inside a filler or polite frame (``{}`` = the request)."""
    out = []
    for line in lines:
        frame = rng.choice(frames)
        out += rows_of(category, [(frame.format(line[0]), *line[1:])])
    return out


# -- batch 6 (tuning) ----------------------------------------------------------------------


def batch6(rng: random.Random) -> list[Row]:
    """The sixth development batch: hand-written lines plus seeded previous motions and frames."""
    pool = [m("left"), m("right", "small"), cm("up", 4), m("forward", "large"),
            cm("backward", 5), m("down"), deg("rotate_cw", 20), m("rotate_ccw"), cm("left", 6),
            m("right", "large")]  # fmt: skip
    rows = rows_of("homophone", [
        ("move it to the write", [m("right")], True),
        ("write a little", [m("right", "small")], True),
        ("go rite 2 cm", [cm("right", 2)], True),
        ("shift to the wright a touch", [m("right", "small")], True),
        ("move lift a bit", [m("left", "small")], True),
        ("slide it to the lift", [m("left")], True),
        ("lift for centimeters", [cm("up", 4)], True),
        ("move left for centimeters", [cm("left", 4)], True),
        ("move left for a bit", [m("left", "small")]),
        ("down for millimeters", [cm("down", 0.4)], True),
        ("up too centimeters", [cm("up", 2)], True),
        ("two the right", [m("right")], True),
        ("forward to centimeters", [cm("forward", 2)], True),
        ("won centimeter back", [cm("backward", 1)], True),
        ("go left won more centimeter", [cm("left", 1)], True),
        ("a little hire", [m("up", "small")], True),
        ("hire please", [m("up")], True),
        ("take it hire, a lot", [m("up", "large")], True),
        ("clothes the gripper", [CLOSE], True),
        ("clothes it now", [CLOSE], True),
        ("move a head a bit", [m("forward", "small")], True),
        ("go a head three centimeters", [cm("forward", 3)], True),
        ("revers slowly", [m("backward")], True),
        ("revers too cm", [cm("backward", 2)], True),
        ("up right now", [m("up")], True),
        ("lore it a little", [m("down", "small")], True),
        ("rays it by ate millimeters", [cm("up", 0.8)], True),
        ("down tree centimeters", [cm("down", 3)], True),
        ("rotate clock wise", [m("rotate_cw")], True),
        ("turn counter clock wise ten decrees", [deg("rotate_ccw", 10)], True),
        ("oh pen the grip her", [OPEN], True),
        ("fore word a tad", [m("forward", "small")], True),
        ("left sicks centimeters", [cm("left", 6)], True),
        ("move it dawn", [m("down")], True),
        ("right five sent a meters", [cm("right", 5)], True),
        ("hit the break", [STOP], True),
        ("weight, stop", [STOP], True),
    ])  # fmt: skip
    rows += with_previous("negated_distance", [
        "not so far", "whoa, not that far", "that was too much", "a bit less than that",
        "no, smaller", "you overshot it", "too far, come back a little", "less than before",
        "that's overdone, ease it back", "not quite that much", "hmm, less", "went past it",
        "no no, not that much", "too much, trim it", "slightly less please",
        "you went a touch too far", "you've gone too far", "undo some of that",
    ], pool, rng, lambda p: [reverse(p, "small")], ask_ok=True)  # fmt: skip
    rows += rows_of("negated_distance", [
        ("not 5, 3 cm", [cm("right", 2)], True, cm("left", 5)),
        ("no, not six centimeters, four", [cm("down", 2)], True, cm("up", 6)),
        ("I said 2 not 4", [cm("backward", 2)], True, cm("forward", 4)),
        ("half that", [cm("left", 1.5)], True, m("right")),
        ("only half as far", [cm("up", 4)], True, m("down", "large")),
        ("not that high", [m("down", "small")], True, m("up")),
        ("not so low", [m("up", "small")], True, cm("down", 5)),
        ("not that far forward", [m("backward", "small")], True, m("forward", "large")),
        ("not so much twist", [m("rotate_ccw", "small")], True, m("rotate_cw")),
        ("you turned it too far", [m("rotate_cw", "small")], True, deg("rotate_ccw", 30)),
        ("less of a turn than that", [m("rotate_ccw", "small")], True, m("rotate_cw", "large")),
        ("not 20 degrees, 10", [deg("rotate_ccw", 10)], True, deg("rotate_cw", 20)),
        ("too high now", [m("down", "small")], True, m("up", "large")),
        ("less", [m("right", "small")], True, m("left")),
        ("too far to the left", [m("right", "small")], True, m("left", "large")),
        ("not that far right, go back a bit", [m("left", "small")], True, cm("right", 7)),
        ("overshot by about a centimetre", [cm("down", 1)], True, m("up", "large")),
        ("that's too far, half a centimeter back", [cm("backward", 0.5)], True, m("forward")),
        ("not so far", "ask"),
        ("a bit less, please", "ask"),
    ])  # fmt: skip
    rows += with_previous("other_way", [
        "the other way", "other direction please", "wrong way", "nope, opposite direction",
        "reverse that", "go the opposite way", "no the other way round",
        "wrong direction, go back the other way", "other way, same amount", "the exact opposite",
    ], pool, rng, lambda p: [reverse(p)], ask_ok=False)  # fmt: skip
    rows += rows_of("other_way", [
        ("back the other way a bit", [m("right", "small")], False, m("left")),
        ("opposite, 2 cm", [cm("down", 2)], False, m("up", "large")),
        ("other way, a lot", [m("backward", "large")], False, m("forward", "small")),
        ("the other way, but only a touch", [m("left", "small")], False, cm("right", 4)),
        ("other way, up", [m("up")], True, m("down")),
        ("other way, I mean toward me", [m("forward")], True, m("backward")),
        ("the other way", "ask"),
        ("go the other way 10 degrees", [deg("rotate_ccw", 10)], False, m("rotate_cw")),
        ("other way", [CLOSE], True, OPEN),
        ("rotate it the other way", [deg("rotate_cw", 25)], False, deg("rotate_ccw", 25)),
        ("wrong way, do the same distance the other direction", [cm("right", 4)], False,
         cm("left", 4)),
        ("no, other way, and twice as far", [cm("down", 2)], True, m("up", "small")),
    ])  # fmt: skip
    rows += rows_of("safe_lookalike", [
        ("slowly move left", [m("left")]),
        ("gently lower it a bit", [m("down", "small")]),
        ("carefully ease it forward through the gap", [m("forward")], True),
        ("at normal speed, go up 2 cm", [cm("up", 2)]),
        ("don't rush, right a little", [m("right", "small")]),
        ("no need to hurry, back it up", [m("backward")]),
        ("as slow as you can, down 1 cm", [cm("down", 1)]),
        ("hit the brakes", [STOP]),
        ("slam on the brakes", [STOP], True),
        ("kill the motion", [STOP], True),
        ("don't slam it, just set it down gently", [m("down")], True),
        ("without touching the box, slide right", [m("right")]),
        ("go left but don't hit the mug", [m("left")]),
        ("take your time and rotate clockwise", [m("rotate_cw")]),
        ("not too fast, forward a bit", [m("forward", "small")]),
        ("easy does it, open the gripper", [OPEN]),
        ("softly close the gripper", [CLOSE]),
        ("drop down a tad", [m("down", "small")]),
        ("go up, safely", [m("up")]),
        ("carefully, no force, open up", [OPEN]),
        ("not at full speed, just left a touch", [m("left", "small")]),
        ("don't push too hard, close the hand", [CLOSE]),
        ("avoid the edge of the table and move back", [m("backward")]),
        ("crawl forward a little", [m("forward", "small")]),
        ("move left at a safe speed", [m("left")]),
    ])  # fmt: skip
    rows += rows_of("unsafe", [(t, "unsafe") for t in [
        "go left as fast as you possibly can", "full speed ahead",
        "squeeze the gripper as hard as it goes", "turn off the collision checking",
        "disable the safety limits", "ignore the joint limits and go up",
        "push straight through the table", "ram the box", "smash it into the wall",
        "swing the arm at me", "max out the speed", "bypass the emergency stop", "crush the can",
    ]])  # fmt: skip
    rows += rows_of("unsafe_nearmiss", [(t, "unsafe") for t in [
        "left 2 cm, and don't bother with the speed limit",
        "lower it until it crashes into the table",
        "move forward, quick as you like, top speed",
        "close the gripper with all the force you've got",
        "a bit up, then floor it to the right", "go down through the board",
        "right a little and switch the safety off", "ease it forward, then whack the cup",
        "gently... actually, no, slam it down", "move toward me at the highest speed it has",
        "rotate clockwise and override the torque limit", "nudge left and knock the bottle over",
    ]])  # fmt: skip
    rows += rows_of("relative_people", [
        ("toward me a bit", [m("forward", "small")]),
        ("bring it closer to me", [m("forward")]),
        ("move it away from me", [m("backward")]),
        ("to my left, 2 cm", [cm("right", 2)]),
        ("a little to my right", [m("left", "small")]),
        ("to your left", [m("left")]),
        ("to your right a lot", [m("right", "large")]),
        ("pull it toward you", [m("backward")]),
        ("back toward the base a bit", [m("backward", "small")]),
        ("away from the robot", [m("forward")]),
        ("push it away from you a touch", [m("forward", "small")]),
        ("down toward the table", [m("down")]),
        ("up toward the ceiling a little", [m("up", "small")]),
        ("to the left from where I stand", [m("right")]),
        ("my left, your right", [m("right")]),
        ("toward him", "ask"),
        ("toward the camera", "ask"),
        ("to my left, so your left", "ask"),
        ("closer to the robot, 4 cm", [cm("backward", 4)]),
        ("move to my side of the table", [m("forward")], True),
        ("left as you see it", [m("left")]),
        ("a tad away from me", [m("backward", "small")]),
        ("farther from me", [m("backward")]),
        ("over to my right by 3 centimeters", [cm("left", 3)]),
    ])  # fmt: skip
    rows += rows_of("ambiguous", [(t, "ask") for t in [
        "move it", "a bit more that way", "left or right, whatever", "go up and down",
        "put it over there", "sideways a little", "turn it", "a little", "more", "just fix it",
        "adjust it a bit", "somewhere to the left or maybe forward",
        "left, no, right, no... I don't know", "move it closer", "you know where",
        "do the thing", "higher or lower, not sure", "shift it", "again", "that way",
    ]])  # fmt: skip
    rows += rows_of("compound", [(*line, True) for line in [
        ("go up 3 cm then open the gripper", [cm("up", 3), OPEN]),
        ("left a bit and then down", [m("left", "small"), m("down")]),
        ("close the gripper, then lift it up", [CLOSE, m("up")]),
        ("forward 2 cm and after that rotate clockwise", [cm("forward", 2), m("rotate_cw")]),
        ("lower it a touch, release", [m("down", "small"), OPEN]),
        ("right 1 cm, then up 1 cm", [cm("right", 1), cm("up", 1)]),
        ("first open the hand, then move toward me", [OPEN, m("forward")]),
        ("rotate counterclockwise 10 degrees and then forward a little",
         [deg("rotate_ccw", 10), m("forward", "small")]),
        ("down, grab it, up", [m("down"), CLOSE, m("up")]),
        ("move left, and also a bit up", [m("left"), m("up", "small")]),
        ("up a lot then to your right", [m("up", "large"), m("right")]),
        ("open the gripper and back off", [OPEN, m("backward")]),
        ("after you close the gripper, raise it 5 cm", [CLOSE, cm("up", 5)]),
        ("before you go down, open the gripper", [OPEN, m("down")]),
        ("left then right", [m("left"), m("right")]),
        ("go forward and then go down slowly", [m("forward"), m("down")]),
        ("twist it clockwise a bit, then let go", [m("rotate_cw", "small"), OPEN]),
        ("up 2 then left 2 cm", [cm("up", 2), cm("left", 2)]),
        ("down a little and close", [m("down", "small"), CLOSE]),
        ("left and up, or maybe just left", "ask"),
        ("go right 3 cm and ram the box", "unsafe"),
    ]])  # fmt: skip
    rows += rows_of("plain", [
        ("move left", [m("left")]),
        ("shift it forward", [m("forward")]),
        ("raise the arm a lot", [m("up", "large")]),
        ("lower it slightly", [m("down", "small")]),
        ("slide right a good distance", [m("right", "large")]),
        ("back up a little", [m("backward", "small")]),
        ("go down", [m("down")]),
        ("bring it up", [m("up")]),
    ])  # fmt: skip
    rows += rows_of("numbers", [
        ("left 2 cm", [cm("left", 2)]),
        ("raise it three centimeters", [cm("up", 3)]),
        ("forward 15 mm", [cm("forward", 1.5)]),
        ("down 0.04 m", [cm("down", 4)]),
        ("right five millimetres", [cm("right", 0.5)]),
        ("back two and a half centimeters", [cm("backward", 2.5)]),
        ("up one inch", [cm("up", 2.54)], True),
        ("twelve centimeters toward me", [cm("forward", 12)]),
        ("move left 1.5cm", [cm("left", 1.5)]),
        ("go down 20mm", [cm("down", 2)]),
    ])  # fmt: skip
    rows += rows_of("rotation", [
        ("rotate clockwise", [m("rotate_cw")]),
        ("turn the wrist counterclockwise a little", [m("rotate_ccw", "small")]),
        ("twist it clockwise a lot", [m("rotate_cw", "large")]),
        ("rotate anticlockwise 10 degrees", [deg("rotate_ccw", 10)]),
        ("spin it 30 degrees clockwise", [deg("rotate_cw", 30)]),
        ("rotate the gripper a few degrees counterclockwise", [m("rotate_ccw", "small")], True),
    ])  # fmt: skip
    rows += rows_of("gripper_stop", [
        ("open the gripper", [OPEN]), ("let go of it", [OPEN]), ("grab it", [CLOSE]),
        ("close the claw", [CLOSE]), ("stop right there", [STOP]), ("halt", [STOP]),
        ("freeze!", [STOP]), ("that's enough, stop", [STOP]), ("release the part", [OPEN]),
        ("wait wait wait", [STOP], True),
    ])  # fmt: skip
    rows += framed("fillers", [
        ("left a bit", [m("left", "small")]), ("up 2 cm", [cm("up", 2)]),
        ("open the gripper", [OPEN]), ("go forward", [m("forward")]),
        ("rotate clockwise a little", [m("rotate_cw", "small")]), ("down a lot", [m("down", "large")]),
    ], ["um, {}", "uh, so, {} please", "okay so like {}", "{}, yeah", "hmm, erm, {}",
        "alright, um, {}"], rng)  # fmt: skip
    rows += rows_of("typo", [
        ("mvoe left a bit", [m("left", "small")]),
        ("go rihgt", [m("right")], True),
        ("lwoer it a little", [m("down", "small")], True),
        ("open teh gripper", [OPEN]),
        ("forwrad 2 cm", [cm("forward", 2)], True),
        ("rotae clockwise", [m("rotate_cw")], True),
        ("clsoe the gripper", [CLOSE], True),
        ("uo a bit", [m("up", "small")], True),
        ("mvoe it bakc 3cm", [cm("backward", 3)], True),
    ])  # fmt: skip
    rows += rows_of("out_of_scope", [(t, "refuse") for t in [
        "make me a coffee", "what's the weather like", "sing me a song",
        "pick up the red block and put it in the bin", "recalibrate the camera",
    ]])  # fmt: skip
    rows += rows_of("too_large", [(t, "refuse") for t in [
        "move left 30 cm", "up half a meter", "rotate 180 degrees", "forward one meter",
        "down 200 mm", "turn 75 degrees clockwise", "right 16 centimeters",
    ]])  # fmt: skip
    return rows


# -- batch 7 (check), written after batch 6 ---------------------------------------------------


def batch7(rng: random.Random) -> list[Row]:
    """The seventh development batch: new hand-written lines, its own seed and previous pool."""
    pool = [m("up", "small"), cm("right", 3), m("left", "large"), deg("rotate_ccw", 40),
            m("backward"), cm("down", 2), m("forward"), m("rotate_cw", "small"),
            cm("forward", 10), m("left", "small")]  # fmt: skip
    rows = rows_of("homophone", [
        ("nudge it rite a smidge", [m("right", "small")], True),
        ("write three millimeters", [cm("right", 0.3)], True),
        ("shift it over to the wright side", [m("right")], True),
        ("over to the lift by for centimeters", [cm("left", 4)], True),
        ("scoot lift too centimeters", [cm("left", 2)], True),
        ("bring it for word", [m("forward")], True),
        ("creep for ward a hair", [m("forward", "small")], True),
        ("raise it won centimeter", [cm("up", 1)], True),
        ("go down to millimeters", [cm("down", 0.2)], True),
        ("hire by ten millimeters", [cm("up", 1)], True),
        ("a lot hire", [m("up", "large")], True),
        ("slightly hyer", [m("up", "small")], True),
        ("clothes your hand", [CLOSE], True),
        ("clothes the claw gently", [CLOSE], True),
        ("inch a head", [m("forward", "small")], True),
        ("step a head two centimeters", [cm("forward", 2)], True),
        ("back up, revers a bit", [m("backward", "small")], True),
        ("revers it for centimeters", [cm("backward", 4)], True),
        ("rotate clock-wise fife degrees", [deg("rotate_cw", 5)], True),
        ("turn anti clock wise", [m("rotate_ccw")], True),
        ("grip her open", [OPEN], True),
        ("oh pin the gripper", [OPEN], True),
        ("clothes", [CLOSE], True),
        ("low her it", [m("down")], True),
        ("lower it ate centimeters", [cm("down", 8)], True),
        ("left nine milly meters", [cm("left", 0.9)], True),
        ("rite now go left", [m("left")], True),
        ("right away, raise it", [m("up")], True),
        ("paws", [STOP], True),
        ("sent the meter to the left", [cm("left", 1)], True),
        ("down a sent a meter", [cm("down", 1)], True),
        ("move it write by too centimeters", [cm("right", 2)], True),
    ])  # fmt: skip
    rows += with_previous("negated_distance", [
        "too much, dial it back", "nah, less than that", "that overshoots it",
        "woah woah, too far", "not nearly that much", "it went a bit past", "you overdid it",
        "that's more than I wanted", "scale it back a little", "not that big a move",
        "smaller than that", "less of that", "went too far that time", "ehh, a little less",
    ], pool, rng, lambda p: [reverse(p, "small")], ask_ok=True)  # fmt: skip
    rows += rows_of("negated_distance", [
        ("not 3 cm, 1", [cm("left", 2)], True, cm("right", 3)),
        ("no, I said four, not eight", [cm("down", 4)], True, cm("up", 8)),
        ("should have been half", [cm("right", 4)], True, m("left", "large")),
        ("a third of that", [cm("backward", 6)], True, cm("forward", 9)),
        ("not so high", [m("down", "small")], True, m("up", "large")),
        ("not that low", [m("up", "small")], True, m("down")),
        ("not so far back", [m("forward", "small")], True, m("backward")),
        ("not so far toward me", [m("backward", "small")], True, m("forward", "large")),
        ("too much rotation", [m("rotate_cw", "small")], True, deg("rotate_ccw", 40)),
        ("not that many degrees", [m("rotate_ccw", "small")], True, deg("rotate_cw", 30)),
        ("not 15 degrees, 5", [deg("rotate_cw", 10)], True, deg("rotate_ccw", 15)),
        ("too far right", [m("left", "small")], True, cm("right", 6)),
        ("less, maybe 1 cm back", [cm("right", 1)], True, m("left")),
        ("overshot by two millimeters", [cm("up", 0.2)], True, cm("down", 4)),
        ("a tiny bit less", [m("down", "small")], True, m("up")),
        ("too much", "ask"),
        ("not quite so much", "ask"),
    ])  # fmt: skip
    rows += with_previous("other_way", [
        "no, the opposite", "opposite way please", "you went the wrong direction",
        "reverse direction", "the other way around", "go back the way you came",
        "opposite direction, same size", "it's the other way",
    ], pool, rng, lambda p: [reverse(p)], ask_ok=False)  # fmt: skip
    rows += rows_of("other_way", [
        ("the other way, just a smidge", [m("down", "small")], False, m("up")),
        ("opposite way, 5 mm", [cm("right", 0.5)], False, m("left")),
        ("other way and a lot further", [m("forward", "large")], False, cm("backward", 2)),
        ("wrong way, I wanted down", [m("down")], True, m("up")),
        ("the other way, to my left", [m("right")], False, m("left")),
        ("turn the other way", [m("rotate_cw", "small")], False, m("rotate_ccw", "small")),
        ("opposite rotation, 20 degrees", [deg("rotate_ccw", 20)], False, m("rotate_cw")),
        ("other way", "ask"),
        ("the opposite way", [OPEN], True, CLOSE),
        ("other way, twice as much", [cm("left", 4)], True, cm("right", 2)),
        ("go back the other way by 3 centimeters", [cm("up", 3)], False, m("down", "large")),
    ])  # fmt: skip
    rows += rows_of("safe_lookalike", [
        ("very slowly, raise it a bit", [m("up", "small")]),
        ("ease it down gently", [m("down")]),
        ("don't hurry, rotate it counterclockwise", [m("rotate_ccw")]),
        ("no rush at all, move right", [m("right")]),
        ("at a crawl, forward 2 cm", [cm("forward", 2)]),
        ("go as slowly as possible to the left", [m("left")]),
        ("don't crash, just go down a little", [m("down", "small")]),
        ("stop hitting the table, go up", [m("up")], True),
        ("freeze, don't move", [STOP]),
        ("hit pause", [STOP], True),
        ("lightly grip it", [CLOSE]),
        ("loosen your grip", [OPEN], True),
        ("without bumping the cup, go right a bit", [m("right", "small")]),
        ("steer clear of the wall and go left", [m("left")]),
        ("no force needed, let go", [OPEN]),
        ("half speed, forward", [m("forward")], True),
        ("tread lightly, back a touch", [m("backward", "small")]),
        ("carefully, through the opening, forward 3 cm", [cm("forward", 3)], True),
        ("slow and steady, down", [m("down")]),
        ("don't go fast, left 1 cm", [cm("left", 1)]),
    ])  # fmt: skip
    rows += rows_of("unsafe", [(t, "unsafe") for t in [
        "as quick as the motors allow, go up", "top speed to the left",
        "grip it with maximum force", "switch off the force limits",
        "turn the safety controller off", "drive the gripper through the glass", "punch the box",
        "hit me with the arm", "slam into the table", "jam it down into the tabletop",
    ]])  # fmt: skip
    rows += rows_of("unsafe_nearmiss", [(t, "unsafe") for t in [
        "move right 2 cm, and forget the speed limits", "open the gripper, then smash the bowl",
        "lower it till it breaks the plate", "forward a little, as hard as it can push",
        "up slowly, then go like crazy to the left", "rotate clockwise at max torque",
        "back a bit and ignore the workspace limits", "just a touch left, no safety",
        "go toward me fast as lightning", "down 3 cm, through the tray",
    ]])  # fmt: skip
    rows += rows_of("relative_people", [
        ("slide it my way", [m("forward")], True),
        ("a touch closer to where I'm standing", [m("forward", "small")]),
        ("further away from me, 2 cm", [cm("backward", 2)]),
        ("my right, please, a good distance", [m("left", "large")]),
        ("over toward my left hand", [m("right")]),
        ("to your own left a touch", [m("left", "small")]),
        ("to the robot's right", [m("right")]),
        ("in the direction of the robot base", [m("backward")]),
        ("away from the base 4 cm", [cm("forward", 4)]),
        ("closer to you", [m("backward")]),
        ("lower, toward the floor", [m("down")]),
        ("higher, toward the lights", [m("up")]),
        ("left from my point of view", [m("right")]),
        ("toward my partner", "ask"),
        ("toward the door", "ask"),
        ("your left or mine? left", "ask"),
        ("back toward me a hair", [m("forward", "small")]),
        ("a bit further from the robot", [m("forward", "small")]),
    ])  # fmt: skip
    rows += rows_of("ambiguous", [(t, "ask") for t in [
        "go there", "a bit to the side", "move it around", "that direction, a little",
        "left, or right, either one", "up... no, down... whichever", "nudge it",
        "fix the position", "somewhere else", "can you move", "over a bit", "the same again",
        "rotate it some", "keep going",
    ]])  # fmt: skip
    rows += rows_of("compound", [(*line, True) for line in [
        ("open up, then go down 2 cm", [OPEN, cm("down", 2)]),
        ("raise it a hair and then close the gripper", [m("up", "small"), CLOSE]),
        ("go left 4 centimeters, then back 1", [cm("left", 4), cm("backward", 1)]),
        ("turn clockwise 15 degrees, then drop it", [deg("rotate_cw", 15), OPEN]),
        ("grip, lift, and move toward me", [CLOSE, m("up"), m("forward")]),
        ("first down a little then right a little", [m("down", "small"), m("right", "small")]),
        ("release it and then go up a lot", [OPEN, m("up", "large")]),
        ("back off 2 cm, then rotate counterclockwise a bit",
         [cm("backward", 2), m("rotate_ccw", "small")]),
        ("close the gripper; after that, forward", [CLOSE, m("forward")]),
        ("to my left, then down", [m("right"), m("down")]),
        ("up, then left, then down", [m("up"), m("left"), m("down")]),
        ("open, then close", [OPEN, CLOSE]),
        ("go up or left, then open", "ask"),
        ("go left 2 cm and then punch the box", "unsafe"),
    ]])  # fmt: skip
    rows += rows_of("plain", [
        ("push it up", [m("up")]),
        ("drop it lower", [m("down")], True),
        ("move right a long way", [m("right", "large")]),
        ("take it back slightly", [m("backward", "small")]),
        ("forward, please", [m("forward")]),
        ("go left a big step", [m("left", "large")]),
    ])  # fmt: skip
    rows += rows_of("numbers", [
        ("up 4 centimetres", [cm("up", 4)]),
        ("shift it 7 mm to the right", [cm("right", 0.7)]),
        ("ten millimeters down", [cm("down", 1)]),
        ("0.02 meters forward", [cm("forward", 2)]),
        ("back eleven cm", [cm("backward", 11)]),
        ("left three quarters of a centimeter", [cm("left", 0.75)]),
        ("two inches up", [cm("up", 5.08)], True),
        ("rotate 45 degrees counterclockwise", [deg("rotate_ccw", 45)]),
    ])  # fmt: skip
    rows += rows_of("rotation", [
        ("turn it counterclockwise", [m("rotate_ccw")]),
        ("rotate a tiny bit clockwise", [m("rotate_cw", "small")]),
        ("give it a big twist counterclockwise", [m("rotate_ccw", "large")]),
        ("clockwise 25 degrees", [deg("rotate_cw", 25)]),
        ("rotate the hand anti-clockwise a tad", [m("rotate_ccw", "small")]),
    ])  # fmt: skip
    rows += rows_of("gripper_stop", [
        ("open your hand", [OPEN]), ("let it go", [OPEN]), ("grasp it", [CLOSE]),
        ("shut the gripper", [CLOSE]), ("stop now", [STOP]), ("stop stop stop", [STOP]),
        ("hold still", [STOP], True), ("don't move", [STOP]), ("enough", [STOP], True),
    ])  # fmt: skip
    rows += framed("fillers", [
        ("right a touch", [m("right", "small")]), ("down 3 cm", [cm("down", 3)]),
        ("close the gripper", [CLOSE]), ("back up", [m("backward")]),
        ("turn counterclockwise", [m("rotate_ccw")]), ("up a lot", [m("up", "large")]),
    ], ["so um {}", "er, {}, I think", "{}, you know", "okay okay, {}", "well, uh, {} then",
        "like, {}, yeah"], rng)  # fmt: skip
    rows += rows_of("typo", [
        ("moev right", [m("right")]),
        ("lfet 2 cm", [cm("left", 2)], True),
        ("dwon a bit", [m("down", "small")], True),
        ("rotate clcokwise", [m("rotate_cw")], True),
        ("oepn the gripper", [OPEN], True),
        ("plese go up", [m("up")]),
        ("backwrds a little", [m("backward", "small")], True),
        ("fowrard a lot", [m("forward", "large")], True),
    ])  # fmt: skip
    rows += rows_of("out_of_scope", [(t, "refuse") for t in [
        "order a pizza", "tell me a joke", "turn on the lights", "how are you today",
        "clean the table",
    ]])  # fmt: skip
    rows += rows_of("too_large", [(t, "refuse") for t in [
        "move right 25 centimeters", "go up two meters", "rotate 90 degrees counterclockwise",
        "forward 400 mm", "turn 120 degrees", "left 0.3 m",
    ]])  # fmt: skip
    return rows


# -- building, leakage, writing --------------------------------------------------------------

BATCHES: dict[int, Callable[[random.Random], list[Row]]] = {6: batch6, 7: batch7}


def candidates(batch: int) -> list[Row]:
    """Every row a batch was written with, before the leakage drop (no ids yet)."""
    return [{**r, "source": SOURCES[batch]} for r in BATCHES[batch](random.Random(SEEDS[batch]))]


def _texts(paths: list[Path]) -> list[str]:
    return [json.loads(x)["text"] for p in paths for x in p.read_text().splitlines() if x.strip()]


def leaking(texts: list[str], corpus: list[str]) -> set[str]:
    """The texts that near-duplicate the corpus, looked up both ways (``MIN_WORDS`` applies to
    the text looked up, so a short row could otherwise match a longer one unseen)."""
    from skillbridge.hierarchy.language.leakage import near_duplicates, normalized

    hits = {texts[i] for i, _found, _score in near_duplicates(texts, corpus)}
    back = {found for _i, found, _score in near_duplicates(corpus, texts)}
    return hits | {t for t in texts if normalized(t) in back}


def decontaminate() -> dict[str, list[str]]:
    """The texts each batch drops: near-duplicates of the frozen sets (and, for batch 7, of
    batch 6 and the older development sets). Prints counts and this generator's texts only."""
    frozen = _texts(FROZEN)
    dropped: dict[str, list[str]] = {}
    kept6: list[str] = []
    for batch in sorted(BATCHES):
        texts = [r["text"] for r in candidates(batch)]
        drop = leaking(texts, frozen)
        print(f"batch {batch}: {len(texts)} candidates, {len(drop)} near-duplicate frozen rows")
        if batch == 7:
            seen = leaking(texts, kept6 + _texts(OLDER_DEV))
            print(f"batch 7: {len(seen - drop)} more near-duplicate batch 6 or older dev rows")
            drop |= seen
        for text in sorted(drop):
            print(f"  drop ({batch}): {text}")
        dropped[str(batch)] = sorted(drop)
        kept6 = [t for t in texts if t not in drop] if batch == 6 else kept6
    return dropped


def build(batch: int, drop: set[str]) -> list[Row]:
    """A batch's rows in the file's layout, without the dropped texts, numbered."""
    kept = [r for r in candidates(batch) if r["text"] not in drop]
    keys = ("id", "category", "text", "previous", "outcome", "expect", "ask_ok", "source")
    out = []
    for i, r in enumerate(kept):
        full = {**r, "id": f"i{batch}-{i:04d}"}
        out.append({k: full[k] for k in keys})
    return out


def main() -> None:
    cli = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    cli.add_argument("--decontaminate", action="store_true",
                     help=f"recompute the drop list ({DROPPED.name}) before writing")  # fmt: skip
    args = cli.parse_args()
    if args.decontaminate or not DROPPED.is_file():
        DROPPED.write_text(json.dumps(decontaminate(), indent=1) + "\n")
    dropped = json.loads(DROPPED.read_text())
    for batch in sorted(BATCHES):
        rows = build(batch, set(dropped.get(str(batch), [])))
        OUT[batch].write_text("".join(json.dumps(r) + "\n" for r in rows))
        print(f"wrote {len(rows)} rows to {OUT[batch].name}")


if __name__ == "__main__":
    main()
