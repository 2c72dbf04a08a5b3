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
MORE_PACE: tuple[str, ...] = (
    # a pilot's or a clerk's words for fast: "afterburners!", "expedite the descent", "hasten"
    _w(
        r"after ?burners?|(?:full|max|maximum|military) (?:thrust|power)|firewall (?:it|the \w+)|"
        r"expedit\w*|hasten\w*|post ?haste|with (?:all )?(?:haste|dispatch)|double quick"
    ),  # fmt: skip
    # "quickly" in another language: Korean "ppalli", Russian "bystro", Japanese "hayaku"
    _w(
        r"p?palli|bbal?li|bystr(?:o|ee|eye)|skoree|hayaku|isoide|schnell(?:er)?|"
        r"r[aá]pido|rapidamente|deprisa|vite|jaldi|yalla yalla|sari[ʿ']?an"
    ),  # fmt: skip
)
"""Fast in a pilot's or a clerk's words, or "quickly" in another language."""
