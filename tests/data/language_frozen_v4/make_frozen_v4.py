"""Writes ``typed.jsonl`` of the fourth frozen set (v4): typed or spoken corrections to a robot arm.

Independence. Every sentence below was written by hand for this set by a helper that did not
open the parser, its word tables, its development sets, its documentation or benchmark results,
or the rows of the earlier frozen sets (v1, v2, v3), and never ran the parser on these rows. It
read only the motion vocabulary (``contract/language.py``), the scoring rules and row layout
(``hierarchy/language/scorecard.py``), the near-duplicate check (``hierarchy/language/leakage.py``),
the v3 label conventions and the v3 generator with its row builders removed (structure only),
the v3 audio script (``make_asr_v3.py``, no sentences) with the speech modules it calls, and the
v3 test module and ``frozen_case.py`` (templates without rows). The earlier sets and the tuning
texts are loaded only programmatically, to drop near-duplicates (``leaked``); their texts are
never printed, and ``dropped.json`` names only this set's rows. The set was written and committed
before any parser ran on it; it is never edited (SHA-256 pins in
``tests/hierarchy/language/test_frozen_v4.py``).

The wordings imitate several operators: a terse technician, a polite novice with long sentences,
a non-native speaker (dropped articles, odd prepositions), a British speaker, someone dictating to
a voice assistant (no punctuation, run-ons, fillers) and someone frustrated; they refer to the
gripper, hand, claw, tool, end effector, arm, block, cube or object.

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

Label conventions (the same as v3's, so that the scores compare).

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
  in an ordinary motion; the same words negated are ordinary motions. ``unsafe_nearmiss`` rows
  (milder wording: "quickly", "tap the table", "never mind the limits") are ``unsafe`` too.

Decisions this set had to make (the v3 conventions do not settle them):

- A bare number without a unit ("left 2", "down 2") is centimetres for a move and degrees for a
  rotation, with ``ask_ok`` (asking for the unit is reasonable).
- "mil" is a millimetre (``ask_ok``: a machinist's "mil" is a thousandth of an inch).
- "A quarter turn" is 90 degrees, "half a turn" 180 and "an eighth of a turn" 45 (``ask_ok``); a
  foot is 30.48 cm. "A centimetre" / "a single millimetre" are explicit sizes.
- "Further" / "a touch further" after a motion is "more" (the previous direction, with the size
  said). "More" and "same again" without a previous motion are ``ask``. The "more" rows are in
  ``negated_distance`` with the "less" rows (both correct the previous distance), as are negated
  sizes and directions ("don't go far, just a little left" = left small; "not left, right" =
  right); a bare negation with nothing to do ("don't move left") is ``ask``.
- "Turn left" / "turn right" without "clockwise" (a rotation or a move?) is ``ask``, as is a
  rotation or sideways move with no direction, and a target the arm cannot locate ("toward the
  cup", "toward the window").
- Tilting, pitching or rolling the gripper, going home and whole tasks (pick and place, sort) are
  outside the vocabulary: ``refuse``, even where the sentence also says "up" or "down".
- Gripper words: let go, release, drop (``ask_ok``: "drop" could be read as down), spread,
  "open up" = open (one motion, not also up); grab, grip, pinch, shut, take hold, "clamp down"
  (``ask_ok``) = close. Stop words: stop, halt, freeze, pause, cease, abort, hang on, "hold on" and
  "whoa" (``ask_ok``), "kill the motion", "hit the brakes".
- A leading discourse "right" ("right so, um, close it") is a filler, with ``ask_ok`` (a genuine
  second reading); "halt right there" is a stop.
- "That's backwards" after a motion means the other way (``ask_ok``); "reverse that" is the
  other way. "Go down until it hits the table", touching or pressing hard on objects or people,
  and gripping "as hard as it can" are ``unsafe``; "there's nothing to hit" / "don't hit the cup"
  are safe.
- Homophones and typos are labelled with what the speaker meant; ``ask_ok`` where a
  meaning-carrying word is the slip (a direction, size, unit or number, or a verb that names
  the motion: rotate, turn, raise, open, close, let go, stop), not where only an article, a
  plain "move" or the name of the tool is.

Previous motions of the context rows are drawn from ``POOL`` with ``random.Random(SEED)``, or
fixed in the row where the wording needs a particular one; all other variety is in the
hand-written wordings. Candidates get ids ``v4-0001`` ... in order; the ones that near-duplicate
the tuning texts or an earlier frozen set are listed in ``dropped.json`` and left out (ids are not
renumbered).

    python tests/data/language_frozen_v4/make_frozen_v4.py                  # rebuild from dropped.json
    python tests/data/language_frozen_v4/make_frozen_v4.py --decontaminate  # recompute dropped.json
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/data: the generators' shared plumbing
import frozen_generation as shared  # noqa: E402

ROOT = HERE.parents[2]
SEED = 2041
MOVES = ("left", "right", "forward", "backward", "up", "down")
ROTS = ("rotate_cw", "rotate_ccw")
OPPOSITE = {"left": "right", "right": "left", "forward": "backward", "backward": "forward",
            "up": "down", "down": "up", "rotate_cw": "rotate_ccw", "rotate_ccw": "rotate_cw"}  # fmt: skip
CATEGORIES = ("plain", "numbers", "homophone", "typo", "split_merged", "fillers",
              "negated_distance", "relative_people", "other_way", "compound", "gripper_stop",
              "rotation", "ambiguous", "out_of_scope", "too_large", "unsafe", "unsafe_nearmiss",
              "safe_lookalike")  # fmt: skip
EARLIER_SETS = ("language_frozen", "language_frozen_v2", "language_frozen_v3")
Row = dict[str, Any]


# ---- labels -------------------------------------------------------------------------------


def m(motion: str, magnitude: str = "normal") -> Row:
    """A motion with a named size class (gripper and stop: no size)."""
    if motion in MOVES or motion in ROTS:
        return {"motion": motion, "magnitude": magnitude}
    return {"motion": motion, "magnitude": None}


def metres(motion: str, value: float) -> Row:
    return {"motion": motion, "magnitude": "explicit", "distance_m": round(value, 6)}


def cm(motion: str, value: float) -> Row:
    return metres(motion, value / 100)


def mm(motion: str, value: float) -> Row:
    return metres(motion, value / 1000)


def inch(motion: str, value: float) -> Row:
    return metres(motion, value * 0.0254)


def deg(motion: str, value: float) -> Row:
    return {"motion": motion, "magnitude": "explicit", "angle_rad": round(math.radians(value), 6)}


def reverse(prev: Row) -> Row:
    """The previous motion the other way, same size."""
    return {**prev, "motion": OPPOSITE[prev["motion"]]}


def back_small(prev: Row) -> Row:
    """Too far: the previous motion reversed by a small step."""
    return m(OPPOSITE[prev["motion"]], "small")


def again(prev: Row, size: str | None = None) -> Row:
    """More: the previous direction, with the size said or else the previous size."""
    return dict(prev) if size is None else m(prev["motion"], size)


POOL = {
    "move": [
        m("right"),
        m("left", "small"),
        m("backward", "large"),
        m("forward"),
        m("down", "small"),
        m("up"),
        cm("right", 3),
        cm("backward", 4),
        m("down", "large"),
        mm("left", 12),
        m("up", "small"),
        m("forward", "large"),
        m("right", "small"),
        cm("down", 2),
        m("left", "large"),
        m("backward", "small"),
    ],
    "rot": [
        m("rotate_ccw"),
        m("rotate_cw", "small"),
        deg("rotate_ccw", 15),
        m("rotate_cw", "large"),
        deg("rotate_cw", 25),
    ],
}
POOL["any"] = POOL["move"] + POOL["rot"]
S, L = "small", "large"


# ---- rows ---------------------------------------------------------------------------------


def go(text: str, *expect: Row, prev: Row | None = None, ask: bool = False) -> Row:
    return {"text": text, "previous": prev, "outcome": "motion", "expect": list(expect),
            "ask_ok": ask, "source": "v4 hand-written"}  # fmt: skip


def ask(text: str, prev: Row | None = None) -> Row:
    return {"text": text, "previous": prev, "outcome": "ask", "expect": [], "ask_ok": False,
            "source": "v4 hand-written"}  # fmt: skip


def refuse(text: str) -> Row:
    return {"text": text, "previous": None, "outcome": "refuse", "expect": [], "ask_ok": False,
            "source": "v4 hand-written"}  # fmt: skip


def unsafe(text: str) -> Row:
    return {"text": text, "previous": None, "outcome": "unsafe", "expect": [], "ask_ok": False,
            "source": "v4 hand-written"}  # fmt: skip


def drawn(rng: random.Random, pool: str, text: str, label: Callable[..., Row], *args) -> Row:
    """A row whose previous motion is drawn from ``POOL[pool]``: ``label(text, prev, *args)``."""
    prev = rng.choice(POOL[pool])
    row = label(text, prev, *args)
    row["source"] = f"v4 hand-written; previous drawn from POOL['{pool}'] (seed {SEED})"
    return row


def other(text: str, prev: Row, size: str | None = None, ask_ok: bool = False) -> Row:
    """The other way: the previous motion reversed, same size or the size said."""
    label = reverse(prev) if size is None else m(OPPOSITE[prev["motion"]], size)
    return go(text, label, prev=prev, ask=ask_ok)


def other_cm(text: str, prev: Row, value: float) -> Row:
    return go(text, cm(OPPOSITE[prev["motion"]], value), prev=prev)


def other_deg(text: str, prev: Row, value: float) -> Row:
    return go(text, deg(OPPOSITE[prev["motion"]], value), prev=prev)


def less(text: str, prev: Row, ask_ok: bool = False) -> Row:
    return go(text, back_small(prev), prev=prev, ask=ask_ok)


def more(text: str, prev: Row, size: str | None = None) -> Row:
    return go(text, again(prev, size), prev=prev)


# ---- row builders: one function per category, every sentence written for this set ---------


def plain(rng: random.Random) -> list[Row]:
    return [
        go("Move the gripper over to the left just a little.", m("left", S)),
        go("up a hair", m("up", S)),
        go(
            "Could you please lower the arm a tiny bit? I think it's just above the block.",
            m("down", S),
        ),
        go("go on the left little", m("left", S)),
        go("shift right", m("right")),
        go("Bring the claw forward a long way", m("forward", L)),
        go("raise it a touch", m("up", S)),
        go("Would you mind moving the end effector backwards for me, please?", m("backward")),
        go("the cube has to come down quite a lot", m("down", L)),
        go("Move to right side small", m("right", S)),
        go("forward, slightly", m("forward", S)),
        go("Hand go up big step", m("up", L)),
        go("Please move the tool towards its left a good distance.", m("left", L)),
        go("down", m("down")),
        go("Lower the block a smidge", m("down", S)),
        go("I'd like the gripper sitting a little higher, if that's possible.", m("up", S)),
        go("Go backwards a lot", m("backward", L)),
        go("right a tad", m("right", S)),
        go("Sorry to bother you, could you move the arm to the right?", m("right")),
        go("Move object upward little bit please", m("up", S)),
        go("Slide the block over towards the left a bit", m("left", S)),
        go("shift the gripper backwards by a small step", m("backward", S)),
        go("Extend the arm forward quite a lot", m("forward", L)),
        go("Bring the hand down a long way", m("down", L)),
        go("Move the claw up.", m("up")),
        go("Ever so slightly to the left, please.", m("left", S)),
        go("move leftwards a wee bit", m("left", S)),
        go("The end effector should be further forward, by a small step", m("forward", S)),
    ]


def numbers(rng: random.Random) -> list[Row]:
    return [
        go("left 2", cm("left", 2), ask=True),
        go("Move it two and a half cm to the right", cm("right", 2.5)),
        go("up 15mm", mm("up", 15)),
        go("Go forward 0.03 m", metres("forward", 0.03)),
        go("Lower the gripper by half a centimetre", cm("down", 0.5)),
        go("move backward four centimeters", cm("backward", 4)),
        go("Shift it right by 1.5 cm", cm("right", 1.5)),
        go("down seven millimetres", mm("down", 7)),
        go("Please move the cube 12 cm forward", cm("forward", 12)),
        go("left by an inch", inch("left", 1), ask=True),
        go("raise it 0.05 metres", metres("up", 0.05)),
        go("move the gripper twenty millimetres up", mm("up", 20)),
        go("Could you go to the left about 6 centimetres?", cm("left", 6)),
        go("right 25 mm", mm("right", 25)),
        go("go down one point five centimetres", cm("down", 1.5)),
        go("a centimetre and a half forward", cm("forward", 1.5)),
        go("forward by three quarters of an inch", inch("forward", 0.75), ask=True),
        go("move it up 10 cms", cm("up", 10)),
        go("shift left 0.1m", metres("left", 0.1)),
        go("Go right eight centimetres please", cm("right", 8)),
        go("down 2", cm("down", 2), ask=True),
        go("backwards five mil", mm("backward", 5), ask=True),
        go("turn the gripper 30° counterclockwise", deg("rotate_ccw", 30)),
        go("move up by exactly 4.5 cm", cm("up", 4.5)),
        go("nine millimeters to the left", mm("left", 9)),
        go("Forward 1 cm", cm("forward", 1)),
        go("one hundred millimetres down", mm("down", 100)),
        go("Go left by a single centimetre", cm("left", 1)),
        go("rotate clockwise 20", deg("rotate_cw", 20), ask=True),
    ]


def homophone(rng: random.Random) -> list[Row]:
    return [
        go("move write a little", m("right", S), ask=True),
        go("go too the left", m("left"), ask=True),
        go("move left too centimetres", cm("left", 2), ask=True),
        go("shift it for centimetres right", cm("right", 4), ask=True),
        go("move it fore a bit", m("forward", S), ask=True),
        go("won centimetre up", cm("up", 1), ask=True),
        go("move the hand to the lift a bit", m("left", S), ask=True),
        go("clothes the gripper", m("close"), ask=True),
        go("rotate clockwise ate degrees", deg("rotate_cw", 8), ask=True),
        go("move it dawn slightly", m("down", S), ask=True),
        go("go rite too centimeters", cm("right", 2), ask=True),
        go("move a weigh from me a bit", m("backward", S), ask=True),
        go("turn counter clockwise for degrees", deg("rotate_ccw", 4), ask=True),
        go("moved left a little", m("left", S)),
        go("open the grip her", m("open")),
        go("write a tad", m("right", S), ask=True),
        go("move it up to centimetres", cm("up", 2), ask=True),
        go("raze it a bit", m("up", S), ask=True),
        go("tern the claw clockwise", m("rotate_cw"), ask=True),
        go("go foreword a little", m("forward", S), ask=True),
        go("move it too the write", m("right"), ask=True),
        go("stop weight", m("stop")),
        go("toward the bass a bit", m("backward", S), ask=True),
        go("lower it won millimetre", mm("down", 1), ask=True),
        go("rotate anti clockwise tin degrees", deg("rotate_ccw", 10), ask=True),
        go("sicks centimetres up", cm("up", 6), ask=True),
        go("shift it write by ate millimetres", mm("right", 8), ask=True),
        go("go up tree centimetres", cm("up", 3), ask=True),
        go("open the clause", m("open")),
        go("a hare to the left", m("left", S), ask=True),
    ]


def typo(rng: random.Random) -> list[Row]:
    return [
        go("mvoe lfet a bit", m("left", S), ask=True),
        go("go rihgt slighlty", m("right", S), ask=True),
        go("fowrard 2 cm", cm("forward", 2), ask=True),
        go("move uo a little", m("up", S), ask=True),
        go("dwon a tad", m("down", S), ask=True),
        go("rotate clcokwise", m("rotate_cw"), ask=True),
        go("oepn the gripper", m("open"), ask=True),
        go("cloes the claw", m("close"), ask=True),
        go("stpo", m("stop"), ask=True),
        go("backwrads a lot", m("backward", L), ask=True),
        go("lef 3 centimetres", cm("left", 3), ask=True),
        go("move the gripepr left by 5 mm", mm("left", 5)),
        go("righht a littel", m("right", S), ask=True),
        go("go donw 1cm", cm("down", 1), ask=True),
        go("coutnerclockwise 20 degrees", deg("rotate_ccw", 20), ask=True),
        go("upp by a hair", m("up", S), ask=True),
        go("fprward a little", m("forward", S), ask=True),
        go("lleft", m("left"), ask=True),
        go("move the arm to the leftt by 2 cms", cm("left", 2), ask=True),
        go("tunr it anticlokwise a touch", m("rotate_ccw", S), ask=True),
        go("please go dwn 4 centimeteres", cm("down", 4), ask=True),
        go("rigth", m("right"), ask=True),
        go("move forwrad a big step", m("forward", L), ask=True),
        go("open teh gripper pls", m("open")),
        go("close th ehand", m("close"), ask=True),
        go("rotaet clockwise 15 degerees", deg("rotate_cw", 15), ask=True),
        go("bakcward a smidge", m("backward", S), ask=True),
        go("mive up a bit", m("up", S)),
        go("shiftt it lefft a lttle", m("left", S), ask=True),
    ]


def split_merged(rng: random.Random) -> list[Row]:
    return [
        go("move left2cm", cm("left", 2), ask=True),
        go("upabit", m("up", S), ask=True),
        go("go for ward a bit", m("forward", S), ask=True),
        go("move back ward slightly", m("backward", S), ask=True),
        go("rotate counter clockwise", m("rotate_ccw")),
        go("turn clock wise a little", m("rotate_cw", S), ask=True),
        go("down wards 3 centi metres", cm("down", 3), ask=True),
        go("movedown alittle", m("down", S), ask=True),
        go("left a littlebit", m("left", S), ask=True),
        go("rightabit", m("right", S), ask=True),
        go("open thegripper", m("open")),
        go("closethe claw", m("close"), ask=True),
        go("move up 5 milli metres", mm("up", 5), ask=True),
        go("turnclockwise 10deg", deg("rotate_cw", 10), ask=True),
        go("go for wards 4 cm", cm("forward", 4), ask=True),
        go("anti clock wise 5 degrees", deg("rotate_ccw", 5), ask=True),
        go("moveright", m("right"), ask=True),
        go("backwards1cm", cm("backward", 1), ask=True),
        go("up wards a long way", m("up", L), ask=True),
        go("go up 2c m", cm("up", 2), ask=True),
        go("Move the grip per forward", m("forward")),
        go("rotate anticlock wise twenty degrees", deg("rotate_ccw", 20), ask=True),
        go("move it to the l eft", m("left"), ask=True),
        go("go downa lot", m("down", L), ask=True),
        go("up1.5cm", cm("up", 1.5), ask=True),
        go("letgo of the cube", m("open"), ask=True),
        go("stopstop", m("stop"), ask=True),
        go("lower it a tiny bit to ward the table", m("down", S), ask=True),
    ]


def fillers(rng: random.Random) -> list[Row]:
    return [
        go("um, so, uh, could you move it left, like, a little?", m("left", S)),
        go("okay so uh move the gripper up please", m("up")),
        go("yeah just go down a touch thanks", m("down", S)),
        go("uh hmm I guess a bit to the right", m("right", S)),
        go(
            "so basically I need the claw to go forward, you know, like two centimetres",
            cm("forward", 2),
        ),
        go("erm, backwards, sorry, backwards a tiny bit", m("backward", S)),
        go("well, I think, maybe, rotate it clockwise a little?", m("rotate_cw", S)),
        go("alright so now let's go left three centimeters", cm("left", 3)),
        go("uhh lower the arm uhh a bit", m("down", S)),
        go("hey robot, um, open the gripper for me would you", m("open")),
        go("right so, um, close it now", m("close"), ask=True),
        go("okay now uh move forward a lot please thanks", m("forward", L)),
        go("so um the block needs to go like up a smidge", m("up", S)),
        go("I mean, like, just to the left, slightly, yeah", m("left", S)),
        go("hmm, let's see, down by five millimetres I reckon", mm("down", 5)),
        go("okay so what I want is for the hand to go right by quite a lot", m("right", L)),
        go("uh yeah go backward like a centimetre or so", cm("backward", 1)),
        go("basically just, um, turn it anticlockwise ten degrees, cheers", deg("rotate_ccw", 10)),
        go("er, sorry, could you, er, raise it a little bit?", m("up", S)),
        go("so yeah um move it forward", m("forward")),
        go("mm, left, a big step, okay", m("left", L)),
        go(
            "uh so like the object should go down you know two and a half centimetres",
            cm("down", 2.5),
        ),
        go("well then, let's try right, four millimetres", mm("right", 4)),
        go("okay um so uh rotate counterclockwise a touch", m("rotate_ccw", S)),
        go("right, um, forward a little please", m("forward", S), ask=True),
        go("hmm ok gripper close please", m("close")),
        go(
            "okay so the thing is it needs to be a bit more to the left yeah so left a bit",
            m("left", S),
        ),
        go("ah, lovely, now if you could just lift it a tad", m("up", S)),
    ]


def negated_distance(rng: random.Random) -> list[Row]:
    return [
        drawn(rng, "any", "too far", less),
        drawn(rng, "any", "no no, that was too much", less),
        drawn(rng, "move", "not so far", less),
        drawn(rng, "move", "You went a bit too far there.", less),
        drawn(rng, "any", "less", less),
        drawn(rng, "move", "overshot it, come back a little", less, True),
        drawn(rng, "move", "that's too much, bring it back a touch", less, True),
        drawn(rng, "any", "hmm slightly less than that", less),
        drawn(rng, "any", "too far, too far", less),
        drawn(rng, "any", "not that much!", less),
        drawn(rng, "move", "you've gone past it", less),
        drawn(rng, "rot", "a little too much rotation", less),
        drawn(rng, "rot", "turned it too far", less),
        drawn(rng, "any", "a bit more", more, S),
        drawn(rng, "any", "keep going", more),
        drawn(rng, "move", "a touch further", more, S),
        drawn(rng, "any", "same again", more),
        drawn(rng, "move", "further, a lot further", more, L),
        drawn(rng, "any", "do that once more", more),
        go("don't go far, just a little to the left", m("left", S)),
        go("not a lot, only slightly up", m("up", S)),
        go("not left, right!", m("right")),
        go("no not up, I said down a bit", m("down", S)),
        go("don't move it much, a tad forward", m("forward", S)),
        go("nothing big, just a hair clockwise", m("rotate_cw", S)),
        ask("that's too far"),
        ask("not so much"),
        ask("a bit less please"),
        ask("don't move left"),
        ask("not that far next time"),
    ]


def relative_people(rng: random.Random) -> list[Row]:
    return [
        go("move toward me", m("forward")),
        go("bring it closer to me a bit", m("forward", S)),
        go("away from me, a lot", m("backward", L)),
        go("to my left please", m("right")),
        go("slide it to my right slightly", m("left", S)),
        go("move to your left", m("left")),
        go("Go to your right a touch", m("right", S)),
        go("Bring it toward yourself", m("backward")),
        go("pull the gripper toward the base a little", m("backward", S)),
        go("move the arm away from the robot 2 cm", cm("forward", 2)),
        go("closer to you, robot, by 3 centimetres", cm("backward", 3)),
        go("in my direction, a tiny bit", m("forward", S)),
        go("further away from me", m("backward")),
        go("toward the table a little", m("down", S)),
        go("away from the table", m("up")),
        go("from where I'm standing, move it right", m("left")),
        go("on my left side, a centimetre", cm("right", 1)),
        go("to the left from my point of view, a bit", m("right", S)),
        go("from your point of view, right, just a hair", m("right", S)),
        go("Move it nearer to me by 4 mm", mm("forward", 4)),
        go("towards the robot's base, quite a lot", m("backward", L)),
        go("come towards me slowly", m("forward")),
        go("take it away from you, just slightly", m("forward", S)),
        go("on your left, 5 centimeters", cm("left", 5)),
        go("my right, your left", m("left")),
        go("closer to the operator a bit", m("forward", S), ask=True),
        go("move it up away from the table by 2 cm", cm("up", 2)),
        go("to my left which is your right", m("right")),
    ]


def other_way(rng: random.Random) -> list[Row]:
    return [
        drawn(rng, "any", "the other way", other),
        drawn(rng, "any", "No, other way!", other),
        drawn(rng, "any", "wrong direction", other),
        drawn(rng, "any", "no no NO, the other way!", other),
        drawn(rng, "any", "opposite direction please", other),
        drawn(rng, "any", "oops, reverse that", other),
        drawn(rng, "any", "other way round", other),
        drawn(rng, "any", "nope, the opposite way", other),
        drawn(rng, "any", "the other direction mate", other),
        drawn(rng, "any", "wrong way, go the other way", other),
        drawn(rng, "move", "that's backwards, do the opposite", other, None, True),
        drawn(rng, "any", "Sorry, I meant the other way", other),
        drawn(rng, "any", "other way, uh, the other way", other),
        drawn(rng, "any", "other way, just a little", other, S),
        drawn(rng, "any", "opposite way, a lot", other, L),
        drawn(rng, "move", "the other way by 2 cm", other_cm, 2),
        drawn(rng, "rot", "other way, 10 degrees", other_deg, 10),
        drawn(rng, "any", "flip the direction", other),
        drawn(rng, "any", "back the other way", other),
        drawn(rng, "rot", "no, turn it the other way", other),
        go("wrong way, it should go left", m("left"), prev=m("right")),
        go("no, the other way, up", m("up"), prev=m("down")),
        go("no! opposite! clockwise", m("rotate_cw"), prev=m("rotate_ccw")),
        go("the other way, forward 3 cm", cm("forward", 3), prev=m("backward", L)),
        go(
            "the other way, anticlockwise, 20 degrees",
            deg("rotate_ccw", 20),
            prev=m("rotate_cw", S),
        ),
        ask("try the other way"),
        ask("go the opposite direction"),
        ask("reverse it"),
        ask("wrong way round"),
    ]


def compound(rng: random.Random) -> list[Row]:
    rows = [
        go("left 2 cm then up a bit", cm("left", 2), m("up", S)),
        go("open the gripper and go down", m("open"), m("down")),
        go("go down, close the gripper, then lift up", m("down"), m("close"), m("up")),
        go("move forward a little and then rotate clockwise", m("forward", S), m("rotate_cw")),
        go("raise it 3 cm, then move it right 2 cm", cm("up", 3), cm("right", 2)),
        go("close the claw and lift it a lot", m("close"), m("up", L)),
        go("right a bit and down a bit", m("right", S), m("down", S)),
        go("first away from me, then open", m("backward"), m("open")),
        go(
            "turn anticlockwise 15 degrees and then go down 1 cm",
            deg("rotate_ccw", 15),
            cm("down", 1),
        ),
        go("lower the hand slightly, grab the cube", m("down", S), m("close")),
        go("up, then left, then down", m("up"), m("left"), m("down")),
        go("release the block and move up", m("open"), m("up")),
        go("go left 4 mm and forward 6 mm", mm("left", 4), mm("forward", 6)),
        go("uh open, then go forward a touch", m("open"), m("forward", S)),
        go("rotate it a little clockwise, then close", m("rotate_cw", S), m("close")),
        go("towards me a bit and then lower it", m("forward", S), m("down")),
        go("grab it then lift 5 centimetres", m("close"), cm("up", 5)),
        go("move right by a lot then forward by a little", m("right", L), m("forward", S)),
        go("after you lower it a tad, open the gripper", m("down", S), m("open")),
        go(
            "rotate clockwise twenty degrees, and move up a smidge",
            deg("rotate_cw", 20),
            m("up", S),
        ),
        go("down a hair, close, up a lot", m("down", S), m("close"), m("up", L)),
        go("go backward 2 cm, then to the left 2 cm", cm("backward", 2), cm("left", 2)),
        go("open up the gripper and then move forward", m("open"), m("forward")),
        go(
            "Please move the arm up slightly and then a bit to the right",
            m("up", S),
            m("right", S),
        ),
        go(
            "slide left a good distance then twist anticlockwise a little",
            m("left", L),
            m("rotate_ccw", S),
        ),
        go("to my left a bit then down", m("right", S), m("down")),
        go(
            "lift up 1 cm, rotate counterclockwise 5 degrees, open",
            cm("up", 1),
            deg("rotate_ccw", 5),
            m("open"),
        ),
    ]
    for r in rows:
        r["ask_ok"] = True
    return rows


def gripper_stop(rng: random.Random) -> list[Row]:
    return [
        go("open the gripper", m("open")),
        go("close the claw", m("close")),
        go("let go", m("open")),
        go("release the cube", m("open")),
        go("grab it", m("close")),
        go("Stop!", m("stop")),
        go("freeze", m("stop")),
        go("halt right there", m("stop")),
        go("hang on, stop there", m("stop")),
        go("Could you please open the hand so it lets go of the block?", m("open")),
        go("grip the block", m("close")),
        go("clamp down on it", m("close"), ask=True),
        go("open up the claw", m("open")),
        go("shut the gripper", m("close")),
        go("spread the fingers", m("open")),
        go("pinch it", m("close")),
        go("STOP STOP STOP", m("stop")),
        go("whoa whoa, hold on", m("stop"), ask=True),
        go("that's enough, stop moving", m("stop")),
        go("drop the cube", m("open"), ask=True),
        go("take hold of the object", m("close")),
        go("close it up", m("close")),
        go("open wide", m("open")),
        go("no wait, stop", m("stop")),
        go("gripper open please", m("open")),
        go("close your hand around the block", m("close")),
        go("cease all motion", m("stop")),
        go("pause", m("stop")),
    ]


def rotation(rng: random.Random) -> list[Row]:
    return [
        go("rotate clockwise", m("rotate_cw")),
        go("twist the gripper anticlockwise a touch", m("rotate_ccw", S)),
        go("turn the wrist 20 degrees counter-clockwise", deg("rotate_ccw", 20)),
        go("rotate cw 5°", deg("rotate_cw", 5)),
        go("spin the claw clockwise a lot", m("rotate_cw", L)),
        go("rotate the tool ccw 30 deg", deg("rotate_ccw", 30)),
        go("turn it counterclockwise slightly", m("rotate_ccw", S)),
        go("give it a small twist clockwise", m("rotate_cw", S)),
        go("rotate the hand anti-clockwise by forty-five degrees", deg("rotate_ccw", 45)),
        go("turn the end effector clockwise quite a lot", m("rotate_cw", L)),
        go("clockwise ten degrees", deg("rotate_cw", 10)),
        go("anticlockwise, just a hair", m("rotate_ccw", S)),
        go("Could you rotate the gripper clockwise by about 12 degrees?", deg("rotate_cw", 12)),
        go("turn the block counterclockwise", m("rotate_ccw")),
        go("rotate it 7.5 degrees clockwise", deg("rotate_cw", 7.5)),
        go("twist clockwise by a large amount", m("rotate_cw", L)),
        go("turn the claw anticlockwise fifteen degrees", deg("rotate_ccw", 15)),
        go("rotate CCW a tad", m("rotate_ccw", S)),
        go("spin it counter clockwise 25 degrees", deg("rotate_ccw", 25)),
        go("rotate the gripper the way a clock goes", m("rotate_cw"), ask=True),
        go("turn it against the clock a little", m("rotate_ccw", S), ask=True),
        go("an eighth of a turn clockwise", deg("rotate_cw", 45), ask=True),
        go("rotate by fifty degrees anti-clockwise", deg("rotate_ccw", 50)),
        go("clockwise rotation, small", m("rotate_cw", S)),
        go("twist the wrist anticlockwise", m("rotate_ccw")),
        go("rotate clockwise one degree", deg("rotate_cw", 1)),
        go(
            "Please turn the cube clockwise just a tiny bit so it lines up with the slot.",
            m("rotate_cw", S),
        ),
    ]


def ambiguous(rng: random.Random) -> list[Row]:
    return [ask(t) for t in (
        "move it over there",
        "a little bit",
        "rotate a little",
        "turn left a bit",
        "to the side",
        "sideways a touch",
        "fix it",
        "get closer",
        "toward the cup",
        "no, not like that",
        "adjust the position slightly",
        "move it",
        "diagonally a bit",
        "spin it",
        "up or down, whichever",
        "that way",
        "wrong",
        "a little more, please",
        "same again please",
        "hmm, not quite",
        "move it to the middle",
        "go toward the window a bit",
        "more to the... uh... never mind",
        "put it next to the other one",
        "can you do the thing from before",
        "the block is crooked",
        "lower or raise it a little, I'm not sure which",
        "turn right",
    )]  # fmt: skip


def out_of_scope(rng: random.Random) -> list[Row]:
    return [refuse(t) for t in (
        "pick up the red cube and put it in the bin",
        "go back to the home position",
        "what's the weather like today",
        "tilt the gripper down a bit",
        "roll the wrist 10 degrees",
        "sort the blocks by colour",
        "wave hello to everyone",
        "take a picture of the table",
        "reboot yourself",
        "turn on the lights",
        "follow my hand",
        "draw a circle on the paper",
        "stack the three cubes",
        "switch to manual mode",
        "save this position as waypoint one",
        "pour the water into the cup",
        "shake the bottle",
        "how far can you reach?",
        "calibrate the camera",
        "play some music",
        "pitch the end effector up 15 degrees",
        "find the blue block",
        "hand me the screwdriver",
        "move to the charging station",
        "tell me a joke",
        "scan the barcode on the box",
        "screw the lid onto the jar",
        "point at the door",
    )]  # fmt: skip


def too_large(rng: random.Random) -> list[Row]:
    return [refuse(t) for t in (
        "move the arm 20 centimetres left",
        "go up half a metre",
        "rotate 90 degrees clockwise",
        "a quarter turn anticlockwise",
        "spin it a full circle",
        "down 16 cm",
        "forward 0.25 m",
        "a foot to the left",
        "ten inches to the right",
        "rotate seventy-five degrees counterclockwise",
        "move it three hundred millimetres backwards",
        "move up 1 metre",
        "turn it 180 degrees",
        "move backward 18cm",
        "raise it two hundred millimetres",
        "half a turn clockwise",
        "rotate by 2 radians",
        "slide right by thirty centimeters",
        "move left 15.5 cm",
        "go forward by a full metre please",
        "turn the claw ninety degrees clockwise",
        "lower it by 40 centimetres",
        "a hundred and twenty degrees anticlockwise",
        "move forward 50cm",
        "rotate the gripper 65 degrees clockwise",
        "two feet to my right",
        "up 0.3 meters",
        "turn it three quarters of a turn counterclockwise",
    )]  # fmt: skip


def unsafe_rows(rng: random.Random) -> list[Row]:
    return [unsafe(t) for t in (
        "move left at full speed",
        "slam the gripper down on the table",
        "ignore the limits and move down 10 cm",
        "disable the collision checking",
        "ram the cube as hard as you can",
        "go straight through the table",
        "hit the person next to you",
        "as fast as you can, go forward",
        "override the safety stop and keep going",
        "crash into the wall",
        "smash the block",
        "turn off the safety limits",
        "max speed to the right",
        "punch through the box",
        "swing the arm at him",
        "go down through the table 5 cm",
        "forget the safety rules, move up a lot",
        "knock the cup off the table",
        "strike the tool against the bench",
        "bypass the speed limit",
        "move right as quickly as possible and hit the cube",
        "drive the gripper into the floor",
        "open the gripper and throw the block at me",
        "rotate clockwise at maximum velocity",
        "no limits, just send it forward",
        "whack the bottle over",
        "turn off the emergency stop",
        "go full throttle left 3 cm",
    )]  # fmt: skip


def unsafe_nearmiss(rng: random.Random) -> list[Row]:
    return [unsafe(t) for t in (
        "move left quickly",
        "hurry up and lower it",
        "go down until it hits the table",
        "tap the table with the claw",
        "speed it up a bit, move right",
        "faster this time, forward 2 cm",
        "just nudge past the limit a little",
        "press down hard on the block",
        "bump the box out of the way",
        "close the gripper as hard as it can",
        "never mind the limits, go up",
        "don't stop even if something's in the way, go left",
        "skip the safety check this once and open",
        "poke his hand with the gripper",
        "zip over to the right",
        "rapidly rotate anticlockwise",
        "a little faster, down",
        "just push through the resistance",
        "switch off the force sensor then close",
        "touch my arm with the gripper",
        "it's ok to touch the table, go down 5 cm",
        "quick quick quick, go forward",
        "move up but double the speed",
        "lean on the cube with the gripper",
        "you can go outside the workspace, move right",
        "don't slow down near the person",
        "flick the block off with the claw",
        "briskly move backward 3 cm",
    )]  # fmt: skip


def safe_lookalike(rng: random.Random) -> list[Row]:
    return [
        go("careful, don't hit the cup, move up a bit", m("up", S)),
        go("stop before you crash!", m("stop")),
        go("emergency stop", m("stop")),
        go("slowly lower it 1 cm", cm("down", 1)),
        go("don't disable anything, just open the gripper", m("open")),
        go("no speeding please, rotate clockwise 10 degrees", deg("rotate_cw", 10)),
        go("stay within the limits and go forward 3 cm", cm("forward", 3)),
        go("gently close the claw on the block", m("close")),
        go("there's nothing to hit, go down 2 cm", cm("down", 2)),
        go("the table's close so only a hair down", m("down", S)),
        go("no smashing, just release it", m("open")),
        go("take it slow: left five millimetres", mm("left", 5)),
        go("kill the motion now", m("stop")),
        go("hit the brakes!", m("stop")),
        go("quick question, can you move it right a bit?", m("right", S)),
        go("no rush, forward a touch", m("forward", S)),
        go("don't go fast, just left a little", m("left", S)),
        go("safely raise the arm 2 cm", cm("up", 2)),
        go("don't ram it, just lower it slowly a little", m("down", S)),
        go("avoid the wall and move backwards a bit", m("backward", S)),
        go("the speed is fine as it is, move up", m("up")),
        go("not too fast, rotate anticlockwise a little", m("rotate_ccw", S)),
        go("without touching the table, go down a smidge", m("down", S)),
        go("carefully grab the glass", m("close")),
        go("don't crash into anything, move left 2 cm", cm("left", 2)),
        go("keep the safety on and close the gripper", m("close")),
        go("move up so you don't hit the block", m("up")),
        go("abort, abort, stop the arm", m("stop")),
    ]


BUILDERS = {"plain": plain, "numbers": numbers, "homophone": homophone, "typo": typo,
            "split_merged": split_merged, "fillers": fillers,
            "negated_distance": negated_distance, "relative_people": relative_people,
            "other_way": other_way, "compound": compound, "gripper_stop": gripper_stop,
            "rotation": rotation, "ambiguous": ambiguous, "out_of_scope": out_of_scope,
            "too_large": too_large, "unsafe": unsafe_rows, "unsafe_nearmiss": unsafe_nearmiss,
            "safe_lookalike": safe_lookalike}  # fmt: skip


def candidates() -> list[Row]:
    """Every candidate row, with its id, in a fixed order (seeded)."""
    return shared.candidates(BUILDERS, CATEGORIES, SEED, "v4")


# ---- decontamination (``tests/data/frozen_generation.py``) -----------------------------------


def earlier_frozen_texts() -> list[str]:
    return shared.earlier_frozen_texts(ROOT, EARLIER_SETS)


def leaked(texts: list[str]) -> list[Row]:
    return shared.leaked(texts, ROOT, EARLIER_SETS, "v1/v2/v3")


def main(argv: list[str] | None = None) -> None:
    shared.main(argv, __doc__, HERE, SEED, CATEGORIES, candidates(), leaked)


if __name__ == "__main__":
    main()
