"""More words of a trade, another language or a way of speaking that stand for correction words,
added in the round that tuned on the retired frozen set v8 (read by ``trade_words`` after its own
table, so before parsing). Each rule is a class of phrasing:

- the small sizes of an Arabic, Russian, Korean, Spanish, German or Hindi speaker ("shwaya",
  "nemnogo", "jogeum", "un poco", "ein bisschen", "thoda") are "a little"; their openers and
  courtesy ("inshallah", "davai", "yalla", "pozhaluysta", "juseyo") carry no motion;
- a livestreamer's, coach's or parent's vocative ("..., chat", "coach, ...", "robot, ...") names
  no motion, and a parent naming themself ("daddy's right") means the speaker's side;
- a progressive report with a particle ("the chat is blowing up", "is heating up") or "right
  now" after one ("is exploding right now") names no direction; "X is behind me;" only says
  where a thing is;
- a repeat said another way ("replay that", "again, same thing", "do that again, but a lot")
  is "again"; "return it to where it was" undoes the last motion;
- a size taken back and given again ("not three cm, just one"), a unit said after the number
  ("left 7, centimetres I mean") or a limit stressed ("not one millimetre more") is one size;
- a size taken back before the command ("not by a lot. move left") is a small step; a restart
  ("..., okay no, just climb a bit") keeps only the last command;
- "bite down" said to the claw closes it; a pilot's "bank left" is a roll (no such motion); the
  trade's farthest place ("to cruising altitude") is all the way; letters drawn out ("a biiit")
  are one; a recognizer's "at touch" is "a touch", "the other weigh" is "the other way".
"""

from __future__ import annotations

import re

_LENGTH = r"(?:cm|mm|centimet(?:er|re)s?|millimet(?:er|re)s?|inch(?:es)?|degrees?)"
_MOTION_WORD = (
    r"(?:climb|go|move|lift|lower|raise|turn|rotate|open|close|left|right|up|down|forward|back|"
    r"shift|slide|descend|come|stop)"
)
V8_WORDS: tuple[tuple[str, str], ...] = (
    # small sizes and courtesy of another language
    (
        r"\b(?:shwa?y(?:y?a)?|shwiy(?:y?a)|chwiy(?:y?a)|nemno(?:go|zhko)|chut[- ]chut|jogeum|"
        r"jogum|chogeum|un poco|poquito|ein bisschen|bisschen|thoda(?: sa)?)\b",
        "a little",
    ),
    (r"^(?:inshallah|insha'?allah|davai|davay|yalla|khalas|aigoo|eotteoke)\b ?,? ?", ""),
    (r" ?,? ?\b(?:inshallah|pozhaluy?sta|juseyo|habibi|shukran|spasibo)\b", ""),
    # a vocative: "..., chat", "coach, ...", "robot, ..."
    (r" ?, ?(?:chat|coach|folks|team|doc|kiddo|sweetie|honey)(?= ?[.!;]|$)", ""),
    (r"(?:^|(?<=; )|(?<=, ))(?:chat|coach|folks|guys|team|robot|kiddo) ?, ?(?=\w)", ""),
    (r"\b(?:daddy|mummy|mommy|mama|papa)(?:'s| s)(?= (?:left|right)\b)", "my"),
    # a report, not a direction: "the chat is blowing up", "is exploding right now"
    (
        r"\b(is|are|was|were|'s|'re|keeps?) (blowing|lighting|heating|filling|acting|piling|"
        r"warming|kicking|firing|booming|exploding|going crazy|going wild)(?: up| down)?"
        r"(?: right now)?\b",
        r"\1 \2",
    ),
    (r"\b(is|are|am|was|were|'s|'re|'m) (\w+ing) right now\b", r"\1 \2 now"),
    (
        r"^(?:the|a|my|our|that|this) [a-z' ]{1,30}? (?:is|are|'s) (?:right )?(?:behind|beside|"
        r"next to|in front of|near|by|with) (?:me|us|you) ?[;,.] ?",
        "",
    ),
    # a repeat or an undo said another way
    (r"^(?:replay|redo|rerun) (?:that|it|the last)(?: motion| move| one| step)?\b", "again"),
    (
        r"^(?:again ?, ?(?:the )?same(?: thing| again)?|(?:the )?same thing(?: again)?)"
        r"(?= ?[.!]*$)",
        "again",
    ),
    (
        r"^(?:do|try) (?:that|it|this) (?:again|once more) ?,? but (?:a lot|heaps|loads|lots)"
        r"(?= ?[.!]*$)",
        "again but a lot more",
    ),
    (
        r"\b(?:return|take|bring|move) (it|that|them) (?:back )?to (?:where|how) (?:it|they) "
        r"(?:was|were)(?: before)?\b",
        r"put \1 back where it was",
    ),
    # the robot's own side said again to be clear: "..., and to be clear I mean your left"
    (
        r" ?,? ?(?:and )?(?:for the avoidance of (?:any )?doubt|to be clear|just to be clear)?"
        r" ?,? ?i mean (?:the robot'?s|your|its) (?:own )?(?:left|right)\b",
        "",
    ),
    # one size, said twice or late: "not 3 cm, just 1", "left 7, cm i mean", "not 1 mm more"
    (
        r"^not (\w+) (" + _LENGTH + r") ?, ?(?:just|only|but|rather) (\w+)\b(?! " + _LENGTH + ")",
        r"\3 \2",
    ),
    (
        r"\b(\d+(?:\.\d+)?|\w+) ?, ?(" + _LENGTH + r") (?:i mean|i meant|that is|mind you)\b",
        r"\1 \2",
    ),
    (r"\bnot (?:one|a single|1) (?:\w+ )?(?:more|further|farther|extra)\b", "not more"),
    # a size taken back first, a restart that keeps the last command
    (
        r"^not (?:by )?(?:a lot|much|too much|far|a ton|loads) ?[.,;:] ?(?=(?:please |just |now )?"
        + _MOTION_WORD
        + r"\b)",
        "a little, ",
    ),
    (r"^.+?, ?(?:ok|okay|oh|no) no ?,? ?(?:just|only) (?=" + _MOTION_WORD + r"\b)", ""),
    # gripper, pilot, trade words
    (r"^bit(?:e)? down ?,? ?(?:the )?(claw|gripper|jaws|pincer|fingers)\b", r"close the \1"),
    (r"\bbank(?:s|ed|ing)?(?= (?:hard |gently |sharply )?(?:to the )?(?:left|right)\b)", "roll"),
    (
        r"\b(?:to )?cruising (?:altitude|height|level)|to the (?:stratosphere|moon|sky)\b",
        "all the way",
    ),
    # drawn out letters, and a recognizer's "at touch", "the other weigh"
    (r"\bbi{3,}t+\b|\bbit{3,}\b", "bit"),
    (r"\bli{2,}t+le+\b|\blit{3,}le+\b|\blittle{2,}\b", "little"),
    (r"\bti{2,}ny+\b|\btiny{2,}\b", "tiny"),
    (r"\bsma{2,}ll+\b|\bsmal{3,}\b", "small"),
    (r"\bso{3,}\b", "so"),
    (r"\bat (touch|bit|tad|smidge)\b", r"a \1"),
    (r"\b(other|wrong|this|that|same|opposite) weigh\b", r"\1 way"),
)
"""``(regex, words)``: the phrase and the correction words it stands for."""

SOUND_ALIKES = {"clime": "climb", "climes": "climb", "seas": "cease"}
"""Words a recognizer or a speller writes for a vocabulary word, whatever follows (joined to
``speech_text.HOMOPHONES``)."""
TASK = re.compile(
    r"^(?:please |now |can you |could you |robot,? )?(?P<verb>prune|trim|water|weed|rake|mow|"
    r"plant|harvest|read|recite|sing|cook|bake|fry|wash|sweep|mop|vacuum|iron|feed|paint|draw|"
    r"knit|sew|brew|fold|plate|garnish|season|dust|polish|tidy|sign|type|print|email|text) "
    r"(?:me |us )?(?:the|a|an|my|your|his|her|our|their|some|these|those|this|that|it|them)\b"
    r"(?P<particle> (?:up|in|out)\b)?"
)
"""A task of a trade that is no motion ("prune the hedge", "plate it up", "read me the list"):
refused, though a direction word may follow as the task's particle ("plate it up")."""
ADVANCE = re.compile(
    r"^(?:please |now |just )?advance\b(?!.*\b(?:left|right|up|down|forward|"
    r"backwards?|back|clockwise|counterclockwise|toward|towards)\b)"
)
"""A bare "advance": forward, or on along the last motion? Asked."""
NAMED_MOTION = re.compile(
    r"\b(?:left|right|up|down|forwards?|backwards?|back|clockwise|counterclockwise|anticlockwise|"
    r"higher|lower|stop|open|close|degrees?|cm|mm)\b"
)
