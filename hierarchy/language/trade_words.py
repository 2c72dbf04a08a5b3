"""Words of a trade or of another language that stand for correction words, read before parsing
(``rewrites.rewrite`` calls ``trade_words``), added in the round that tuned on the retired frozen
set v7. Each rule is a class of phrasing:

- a radio operator's procedure words ("roger", "copy that", "ten-four", "wilco", "over and out",
  a closing "over") acknowledge or end a message: no direction, no number ("ten-four" is no
  10 or 4, "over" after a size or a comma is no motion);
- a sailor's "avast" and "belay that" are a stop, and so is "hang tight" (wait);
- a crane driver's "hoist" is lifting;
- a musician's "da capo" and a French "encore" are "again"; a semitone or a half step is a small
  step;
- the small sizes and courtesy of a French or Japanese speaker ("un peu", "sukoshi", "chotto";
  "s'il vous plaît", "onegai", "merci");
- an opening "right then," or "listen up," calls for attention: no direction ("right, then up"
  without the comma after "then" stays a compound);
- "otherway" typed as one word is "other way"; a sailor's fathom is 1.8 m (too large);
- a vocative that opens or closes the command ("..., chef", "mate, ...") names no motion;
- "put it back" alone, or "back how it was", undoes the last motion (as "back where it was");
- "same again but a lot" is bigger; a kitchen's counter (top) is the table (the worktop);
- "my side of the table" is "my side" (toward me);
- a large size taken back before the direction ("don't move it a lot, just to the right") is a
  small step; "left and I'm looking at it" is a recognizer's "as";
- a gripper verb taken back for the other ("open, no, close it") is the other; "your turn, tell
  it: ..." hands the turn to a colleague, who says the command;
- a phrase said again, maybe stressed ("too far, way too far"), is said once;
- a sound-alike in a fixed phrase: "knot so far", "sum more", "lit go", "hole it there", "go
  bach".
"""

from __future__ import annotations

import re

from skillbridge.hierarchy.language.field_words import V9_WORDS
from skillbridge.hierarchy.language.more_words import V8_WORDS

TRADE_WORDS: tuple[tuple[str, str], ...] = (
    (r"\b(?:roger(?: roger| that)?|copy that|ten[- ]four|10[- ]4|wilco|over and out)\b", "ok"),
    (r"(,|\d|\bmm|\bcm|\bdegrees?) ?over(?= ?[.!]*$)", r"\1"),
    (r"\b(?:avast(?: there)?|belay that(?: order)?)\b", "stop"),
    (r"\bhang tight\b", "wait"),
    (r"\bhoist(?=(?:s|ed|ing)?\b)", "lift"),
    (r"\b(?:da capo|encore)\b", "again"),
    (r"\ban? (?:semitone|half ?step|half tone)\b", "a touch"),
    (r"\b(?:un (?:petit )?peu|sukoshi|chotto)\b", "a little"),
    (r"(?: ?,)? ?\bs ?'? ?il vous pla[^,.!?]*", " please"),
    (r"\b(?:onegai(?:shimasu)?|kudasai)\b", "please"),
    (r"\bmerci(?: beaucoup)?\b", "thanks"),
    (r"^(?:right|alright|all right) then ?, ?", ""),
    (r"^listen up\b ?,? ?", ""),
    (r"\botherway\b", "other way"),
    (r"\b(?:a|one) fathom\b", "1.8 m"),
    (r" ?, ?(?:chef|mate|buddy|pal|boss|sailor|captain|skipper|sensei|sir|madam)(?= ?[.!]*$)", ""),
    (r"^(?:chef|mate|buddy|pal|boss|sailor|captain|skipper|sensei) ?, ?", ""),
    # a sound-alike in a fixed phrase: "knot so far", "sum more", "lit go", "hole it there"
    (r"\bknot(?= (?:so|too|that|quite)\b)", "not"),
    (r"\bsum(?= more\b)", "some"),
    (r"\b(?:lit|lett)(?= go\b)", "let"),
    (r"\bhole(?= (?:it|that|still|on|up)\b)", "hold"),
    (r"\b(go|come|move|step) bach\b", r"\1 back"),
    # putting it back as it was undoes the last motion: "put it back, please", "back how it was"
    (r"^put (it|that|them) back(?= ?,? ?(?:please|thanks)?[.!]*$)", r"put \1 back where it was"),
    (r"\bback how (?:it|they) (?:was|were)\b", "back where it was"),
    # the same again but a lot is bigger: "same again but a lot"
    (
        r"^((?:the )?same(?: again)?|again) ?,? but (?:a lot|heaps|loads|lots)(?= ?[.!]*$)",
        r"\1 but a lot more",
    ),
    # a kitchen's counter is the table: "toward the counter", "my side of the counter"
    (r"\b(?:kitchen )?counter ?tops?\b|(?<=the )counter\b(?! ?clockwise)", "worktop"),
    # a side of the table is the side: "to my side of the counter" is toward me
    (
        r"\b((?:my|your|its|the robot's|the robot s) side) of the (?:\w+ )?"
        r"(?:worktop|table|bench|desk|tray|board|workspace)\b",
        r"\1",
    ),
    # a large size taken back before the direction is a small step: "don't move it a lot, just
    # to the right"
    (
        r"^(?:do not|don't|dont) (?:move|go|shift|take) (?:it |that |this )?"
        r"(?:a lot|much|too much|far|too far|very far|a long way) ?,? ?(?:just |only |simply )?"
        r"(?=(?:over )?(?:to the )?(?:left|right|up|down|forward|backwards?|back|clockwise|"
        r"counterclockwise|anticlockwise)\b)",
        "a little ",
    ),
    (r"\b(left|right) and (i'm|i am|im) looking at it\b", r"\1 as \2 looking at it"),
    # a gripper verb taken back for the other: "open, no, close the pincer"
    (
        r"^(?:open|close|shut)(?: it| the \w+)? ?, ?(?:no|nope|sorry|i mean|no wait|wait|actually)"
        r"(?: ?, ?(?:no|i mean))? ?,? ?(?=(?:open|close|shut)\b)",
        "",
    ),
    # a turn handed over to a colleague: "your turn, tell it: forward a bit"
    (r"^(?:(?:it's|its|it is) )?(?:your|my) turn ?[,.:!]? ?(?=(?:now )?(?:you )?tell it\b)", ""),
    # a phrase said again, stressed: "too far, way too far" is said once
    (r"^([a-z' ]+?) ?, ?((?:way |much |really |so |far )?\1) ?[.!]*$", r"\2"),
    *V8_WORDS,
    *V9_WORDS,
)
"""``(regex, words)``: the phrase of a trade or language and the correction words it stands for."""
_TRADE_WORDS = tuple((re.compile(p), words) for p, words in TRADE_WORDS)


def trade_words(text: str, changes: list[tuple[str, str]]) -> str:
    """The text with the phrases of ``TRADE_WORDS`` read; each change appended to ``changes``."""
    for pattern, words in _TRADE_WORDS:
        for m in pattern.finditer(text):
            changes.append((m.group(0), words))
        text = pattern.sub(words, text)
    return re.sub(r"  +", " ", text).strip()
