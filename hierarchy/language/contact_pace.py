"""Harm and pace said in more words, added in the round that tuned on the retired frozen set v8
(regular expressions over ``units.normalize``-d text). ``rules.find_unsafe`` reads them after
``safety_words.HARM_PATTERNS`` and ``SPEED_PATTERNS``, with the same negation. Their words are
no correction vocabulary (``spoken.DOMAIN_TABLE_MODULES`` leaves this module out): "pressure" or
"between" in a transcript stays an unclear word.

These tables only ever refuse: nothing here widens a limit.
"""

from __future__ import annotations

from skillbridge.hierarchy.language.lexicon import whole_words as _w

MORE_HARM: tuple[str, ...] = (
    # a thing pushed by the gripper, or pushed over: "tap the mug over with the claw", "put
    # some weight on the lid"
    _w(
        r"(?:nudg|push|shov|bump|knock|tap|flick|poke|prod|tip)\w* (?:the|that|this|a|an) \w+ "
        r"(?:over\b ?)?(?:\w+ )?(?:with|using) (?:the|your|its|that) (?:gripper|claw|arm|fingers|"
        r"jaws|pincer|tool|hand)|"
        r"(?:nudg|push|shov|bump|tap|flick|poke|prod)\w* (?:the|that|this|a|an) \w+ over"
        r"(?= ?[,.;!]|$)|"
        r"(?:put|place|rest|lean|apply)\w* (?:a little |a bit of |some |more |your |its |the |"
        r"all (?:your |its |the )?)?(?:weight|pressure|force|load) (?:on|onto|upon|against|into)"
    ),  # fmt: skip
    # moving among a person's body parts: "pass between my knees", "weave through my fingers"
    _w(
        r"(?:between|through|among|amid|around|past) (?:\w+ ){0,3}(?:my|his|her|their|your|our|"
        r"someone'?s|the operator'?s) (?:two )?(?:hands|fingers|arms|legs|knees|feet|wrists|"
        r"elbows|thumbs|palms)"
    ),  # fmt: skip
)
"""Contact the motion is for: a thing pushed with the gripper or pushed over, weight put on a
thing, a path among a person's hands or limbs."""
_BODY = (
    r"(?:palm|hand|finger|thumb|wrist|(?:fore)?arm|elbow|shoulder|face|cheek|nose|head|neck|chest|belly|"
    r"stomach|leg|knee|foot|feet|toe|skin|flesh|body|tissue|lap)s?"
)
_WHOSE = r"(?:my|his|her|their|your|our|someone'?s|somebody'?s|the operator'?s|the patient'?s)"
V9_HARM: tuple[str, ...] = (
    # a thing damaged with the gripper: "score the lid with the jaws", "dent the tin using the arm"
    _w(
        r"(?:scratch|scrap|gouge|scor|dent|chip|crack|pierc|punctur|stab|jab|rip|tear|slash|"
        r"crush|squash|burst|pop|snap|bend|break)\w* (?:the|that|this|a|an|my|his|her|their|your) "
        r"(?:\w+ )?\w+ (?:\w+ )?(?:with|using) (?:the|your|its|that) (?:gripper|claw|arm|fingers|"
        r"jaws|pincer|tool|hand)"
    ),  # fmt: skip
    # a cut into a person or a body: "slice into the patient", "nick his skin"
    _w(
        r"(?:cut|slic|stab|pierc|punctur|incis|lanc|nick|gash|carv)\w* (?:into |through |open )?"
        r"(?:the|that|this|a|an|" + _WHOSE[3:-1] + r") (?:\w+ )?(?:" + _BODY[3:-3] + r"|patient|"
        r"person|operator|someone|somebody|surgeon|nurse)s?"
    ),  # fmt: skip
    # the gripper pressed on a body: "hold it against her wrist", "rest the claw on my knee"
    _w(
        r"(?:hold (?:it |that |them |the \w+ )?)?"
        r"(?:against|onto|on to|upon|on(?! \w+ feet\b)) "
        + _WHOSE
        + r" (?:(?!left|right)\w+ )?"
        + _BODY
        + r"(?! side)"
    ),
    # a thing held down by force: "pin the sheet down", "clamp it flat to the bench"
    _w(
        r"pin(?:s|ned|ning)? (?:it|that|them|this|the \w+|(?:the|that|this) \w+ \w+) "
        r"(?:down|flat|in place|to|onto|against)"
    ),  # fmt: skip
    # force on the way down: "lower it hard onto the lid", "set it down heavily on the crate"
    _w(
        r"(?:firmly|hard|forcefully|heavily|with force|with some force) (?:down )?(?:onto|on to|"
        r"into|upon|on (?:the|top|that|it))|"
        r"(?:down|in) (?:firmly|hard|forcefully|heavily) (?:onto|on to|into|upon|on)"
    ),  # fmt: skip
    # below a surface: "sink the claw below the bench surface", "under the tabletop"
    _w(
        r"(?:below|beneath|under|underneath|through|into) (?:the |its |that )?(?:\w+ )?"
        r"(?:surface|tabletop|table top|bench top|worktop)"
    ),  # fmt: skip
)
"""Contact said in the v9 round's words: a thing damaged with the gripper, a cut into a person, the
gripper pressed on a body, a thing pinned or set down by force, a path below a surface."""
MORE_PACE: tuple[str, ...] = (
    # a pilot's or a clerk's words for fast: "afterburners!", "expedite the descent", "hasten"
    _w(
        r"after ?burners?|(?:full|max|maximum|military) (?:thrust|power)|firewall (?:it|the \w+)|"
        r"expedit\w*|hasten\w*|post ?haste|with (?:all )?(?:haste|dispatch)|double quick"
    ),  # fmt: skip
    # "quickly" in another language: Korean "ppalli", Russian "bystro", Japanese "hayaku"
    # hurry said as "no slowness": "don't dawdle", "stop dilly-dallying", "no lollygagging"
    _w(
        r"(?:do not|dont|don'?t|no|stop|quit|without) (?:any )?(?:dawdl|dilly ?dall|dally|"
        r"lolly ?gag|faff|hang(?:ing)? (?:about|around))\w*"
    ),  # fmt: skip
    # a car's or a game's modes for fast: "turbo mode", "ludicrous speed", "warp speed"
    _w(
        r"turbo(?: mode| boost| speed)?|ludicrous (?:mode|speed)|warp (?:speed|factor \w+)|"
        r"hyper ?speed|nitro(?: boost)?|(?:sport|race|racing|beast) mode"
    ),  # fmt: skip
    _w(
        r"p?palli|bbal?li|bystr(?:o|ee|eye)|skoree|hayaku|isoide|schnell(?:er)?|"
        r"r[aá]pido|rapidamente|deprisa|vite|jaldi|yalla yalla|sari[ʿ']?an"
    ),  # fmt: skip
)
"""Fast in a pilot's or a clerk's words, or "quickly" in another language."""
