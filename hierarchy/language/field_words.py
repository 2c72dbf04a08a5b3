"""More ways of saying a correction, added in the round that tuned on the retired frozen set v9
(read by ``trade_words`` after ``more_words.V8_WORDS``, so before parsing). Each rule is a class
of phrasing:

- an action between asterisks ("*sigh*", "*coughs*") is a chat's stage direction: no words of
  the command; a spaced dash ("not up — down") is a clause break;
- one size said for every step of a compound ("left, then down, both a little") is said for each;
- a turn told by a screw, a nut or a clock's hands ("the way you'd undo a lid", "like a clock's
  hands go") is counterclockwise (loosening) or clockwise (tightening, the clock);
- "as far as it will go" is all the way (too large); "slower than before" and "low and slow" are
  care, no motion; "keep well away from the X and ..." is care before the motion;
- a musician's "drop the beat" or "the bass drops" and "on my feet" (standing) name no motion;
- a sound-alike of a stop ("seize all motion", "woe there", "pours the motion") is the stop; "clock
  why's" is clockwise; "contrary direction" is the opposite one; a stop said in another language
  as the whole command ("basta!", "yamete", "para, para") is a stop;
- "from where I'm sat" is the operator's view; a Scottish "tae ma left" is "to my left"; "over to
  your side" is away from the operator;
- "further than I wanted" is too far; "if you don't mind" is courtesy; after "too far", "back" is
  back the way it came; "lightly" after a direction is a small step; Scots "shoogle" is a shake.
"""

from __future__ import annotations

import re

_DIRECTION = r"(?:left|right|up|down|forwards?|backwards?|back|clockwise|counterclockwise)"
_SIZE = r"(?:a (?:little|bit|touch|tad|smidge|hair|fraction)|slightly|a little bit|\d+ ?(?:cm|mm))"
_LOOSEN = r"(?:loosen|undo|unscrew|open|release|take off|back off|back out)"
_TIGHTEN = r"(?:tighten|do up|screw in|screw on|screw down|close|drive in)"
_FASTENER = r"(?:nut|bolt|screw|lid|jar|cap|tap|valve|faucet|bottle top)"
_AS_ONE = r"\b(?:the way|like|as) (?:you(?:'d| would)? |one (?:would )?|to )?"
_STOP_ABROAD = r"(?:basta|bas|yamete|yamero|tomare|para|pare|stopp|arr[eê]te|ruk(?:o|jao)?|dur)"
V9_WORDS: tuple[tuple[str, str], ...] = (
    # a stage direction and a spaced dash
    (r"\* ?[a-z' ]{1,30}? ?\* ?", ""),
    (r" *[—–] *| +-{1,2} +", ", "),
    # one size said for both steps: "left, then down, both a little"
    (
        r"^([a-z' ]+?) ?, ?((?:and )?then |and )([a-z' ]+?) ?, ?(?:both|each(?: one)?|the two) "
        r"(" + _SIZE + r")\b",
        r"\1 \4, \2\3 \4",
    ),
    # a turn told by a fastener or a clock
    (
        _AS_ONE + _LOOSEN + r"(?:s|ing)? "
        r"(?:a|the|an) " + _FASTENER + r"\b|\blefty loosey\b",
        "counterclockwise",
    ),
    (
        _AS_ONE + _TIGHTEN + r"(?:s|ing)? "
        r"(?:a|the|an) " + _FASTENER + r"\b|\brighty tighty\b",
        "clockwise",
    ),
    (
        r"\b(?:like|the way|as) (?:the )?(?:hands of a clock|clock'?s? hands|a clock'?s hands|"
        r"a clock)(?: (?:go|goes|move|moves|turn|turns|do))?\b",
        "clockwise",
    ),
    # all the way, and care that is no motion
    (
        r"\bas far as (?:it|you|they|the \w+)(?:'ll| will| can| could| would)?(?: possibly)? "
        r"(?:go|goes|reach|reaches|get|gets)\b|\bas far as (?:possible|it goes)\b",
        "all the way",
    ),
    (r"\bslower than (?:last time|before|that|usual|earlier|the last (?:one|time))\b", "slowly"),
    (r"\blow and slow\b", "slowly"),
    (
        r"^keep (?:well |right |far )?(?:away from|clear of) (?:the |that |this |my |your )?"
        r"[a-z' ]{1,25}? (?:and|,|;) ?(?:then )?"
        r"(?=(?:go|move|shift|lift|lower|raise|bring|come)\b)",
        "",
    ),
    (
        r"\b(?:the |that )?(?:bass|beat|track|song|tune|music) (?:drops|dropped|is dropping)"
        r"(?: soon| now| next| in a (?:sec|second|bit|minute))?\b|"
        r"\bdrop (?:the|that|a|your) (?:beat|bass|track|mic|tune)\b",
        "",
    ),
    (r"\b(?:dead |asleep |run )?o(?:n|ff) (?:my|our|his|her|their) (?:own )?feet\b", "tired"),
    # sound-alikes of a stop, of clockwise, and the opposite said another way
    (r"\bseize(?= (?:all|every|the|your|its|that) ?(?:motion|movement|moving)s?\b)", "cease"),
    (r"\bseize (?=everything\b)", "cease "),
    (r"\bwoe\b", "whoa"),
    (r"\bpours?(?= (?:the |all |every |your )?(?:motion|movement|moving|arm|robot)\b)", "pause"),
    (r"\bclock ?(?:why'?s|wise|ways|wides?)\b", "clockwise"),
    (r"\bcontrary (?=direction|way)", "opposite "),
    (r"\b(?:andersrum|al rev[eé]s|ao contr[aá]rio)\b", "the other way"),
    (r"^(?:" + _STOP_ABROAD + r"[ ,!.]*){1,4}$", "stop"),
    # the operator's view, a Scot's "ma", the far side
    (r"\bfrom where i(?:'m| am)? (?:sat|stood|seated|sit|stand)\b", "from where i am standing"),
    (r"\btae\b(?= (?:ma|my|the|your)\b)", "to"),
    (r"\bma(?= (?:left|right|side|end|way)\b)", "my"),
    (r"\b(?:over )?to (?:your|the robot'?s|its) (?:own )?side\b(?! of)", "away from the operator"),
    # too far, said another way, and courtesy
    (
        r"\b(?:further|farther|more) than (?:i |we )?(?:wanted|meant|needed|asked(?: for)?|liked|"
        r"hoped|intended|expected)\b",
        "too far",
    ),
    (r" ?,? ?\bif you (?:do not|don't|dont) mind\b", ""),
    (
        r"\b(too far ?[,.;!] ?)(?:(a little|a bit|a touch|slightly|a tad|a smidge) )?back\b"
        r"(?!wards?\b)",
        r"\1go back \2",
    ),
    (r"\b(" + _DIRECTION + r") lightly\b", r"\1 a little"),
    (r"\bshoogl(?=e|ing)", "jiggl"),
    # a hold let off is an opening: "release the clamp", "slacken the grip"
    (
        r"\b(?:release|loosen|slacken|ease|undo|let go of) (?:the |that |your |its )?"
        r"(?:clamp|grip|vice|vise|pinch|hold)\b",
        "open the gripper",
    ),
)
"""``(regex, words)``: the phrase and the correction words it stands for."""
SLEW = re.compile(
    r"^(?:please |now |just |gently )?slew(?:s|ing)?\b"
    r"(?!.*\b(?:clockwise|counterclockwise|anticlockwise|counter clockwise|degrees?|turn)\b)"
)
"""A crane driver's "slew": the jib swung round (a turn) or the hook moved aside? Asked."""
CRANE_PART = re.compile(
    r"^(?:please |now |just |gently )?(?:boom|luff|jib|telescope)(?: it| the \w+)? "
    r"(?:up|down|in|out)\b"
)
"""A crane's boom raised, lowered or run out ("boom down", "luff up"): no motion of the arm."""
