"""Harm, pace and contact said in a trade's words, and harm words that only report (regular
expressions over ``units.normalize``-d text), added in the round that tuned on the retired frozen
set v7. ``safety_words`` joins them to its tables: ``HARM_PATTERNS`` and ``SPEED_PATTERNS`` are
read with the same negation, ``REPORTED_HARM`` is blanked with ``HARMLESS_USES``.

These tables only ever refuse or keep a request from being refused: nothing here widens a limit.
"""

from __future__ import annotations

from skillbridge.hierarchy.language.lexicon import whole_words as _w

PEOPLE_BY_ROLE = (
    r"(?:operator|picker|packer|worker|chef|cook|waiter|nurse|patient|person|guy|man|woman|lady|"
    r"kid|child|trainee|customer|visitor|driver|sailor|helper|human|people|intern)s?"
)
"""People named by their role ("the picker", "that nurse"), as the goal of a contact. Not the
people of ``safety_words._PEOPLE_AROUND`` ("colleague", "boss"): this table's words are correction
vocabulary (``spoken.domain_words``), and those must stay unclear in a transcript."""
CONTACT_HARM: tuple[str, ...] = (
    # a person by their role pushed, touched or moved: "shove the picker out of the way"
    _w(
        r"(?:touch|poke|prod|jab|tap|grab|pinch|nudg|push|shov|bump|brush|graz|knock|press|rub|"
        r"squeez|hit|ram|swat|elbow|tickl)\w* (?:(?:up )?(?:against|past|into) )?"
        r"(?:the|that|this|a|our|your|my|his|her|their) (?:\w+ )?" + PEOPLE_BY_ROLE
    ),  # fmt: skip
    # a touch given to a person: "give my wrist a squeeze", "give me a high five", "hug me"
    _w(
        r"give (?:me|him|her|them|us|(?:my|his|her|your|their|our) \w+) an? (?:\w+ )?"
        r"(?:squeeze|pinch|hug|high (?:five|5)|fist bump|handshake|pat|poke|prod|nudge|tap|push|"
        r"shove|bump|slap|tickle|punch|kick|shake|knock|squish)|"
        r"high ?(?:fives?|5)|fist ?bumps?|(?:hug|cuddle|tickle|pat) (?:me|him|her|them|us)|"
        r"shake (?:my|his|her|your|their) hands?|shake hands"
    ),  # fmt: skip
    # a thing worked until it gives: "squeeze the can until it crumples"
    _w(
        r"(?:until|till|til) (?:it|they|the \w+|something|anything) (?:crumple|dent|crunch|squish|"
        r"squash|crush|deform|flatten|split|burst|collapse|tear|rip|cave)\w*"
    ),  # fmt: skip
    # pressing a thing down into a mass: "tamp the grounds down", "mash it down"
    _w(
        r"tamp(?:s|ed|ing)?|"
        r"(?:mash|stamp|compress|compact)(?:es|s|ed|ing)? (?:(?:it|that|them|the \w+) )?down"
    ),
    # the gripper put into food or a liquid: "dip the claw in the sauce", "dunk it"
    _w(
        r"(?:dunk|submerg|immers|drench)\w*|"
        r"(?:dip|plunge|soak|lower)\w* (?:\w+ ){0,3}(?:into|in) (?:the |a |some |that )?(?:\w+ )?"
        r"(?:soup|water|sauce|oil|liquid|broth|coffee|tea|milk|batter|stew|fryer|"
        r"dough|paint|glue|acid|solvent)"
    ),  # fmt: skip
    # grazing a surface on the way: "skim the top of the crate", "scrape along the rim"
    _w(
        r"(?:skim|graz|scrap|scuff|kiss)\w* (?:along |over |across |against )?"
        r"(?:the|that|this|its|a) (?:\w+ )?(?:top|surface|edge|side|rim|lid|wall|face|bottom)s?"
    ),  # fmt: skip
    # pressed against a thing: "snug it up against the wall", "wedge the box against the rail"
    _w(
        r"(?:snug|wedge|jam|cram|butt|squash|squeez|tuck|pin|shov|push|press|mash|forc)\w* "
        r"(?:\w+ ){0,3}(?:up )?(?:hard |tight |firmly |flush )?against"
    ),  # fmt: skip
    # going on until something blocks: "lower until the tote stops you", "until you can't go on"
    _w(
        r"(?:until|till|til) (?:the \w+|it|something|anything|you|they) (?:stops?|blocks?|"
        r"resists?|pushes) (?:you|it|the arm|the gripper|back)|"
        r"(?:until|till|til) (?:you|it) (?:can ?not|can't|cannot|won't|will not) (?:go|move|get) "
        r"(?:any )?(?:further|farther|more|lower|down)|"
        r"(?:until|till|til) (?:you|it) (?:stall|bottom|jam)s?(?: out)?"
    ),  # fmt: skip
)
"""Contact the motion is for: with a person named by role, a touch given to a person, a thing
worked until it gives or pressed down, dipped, grazed, pressed against, or driven until blocked."""
TEMPO_PACE: tuple[str, ...] = (
    # a musician's tempo words for fast: "allegro, up a bit", "presto!", "double time"
    _w(
        r"presto|prestissimo|allegro|allegrissimo|allegretto|vivace|vivacissimo|accelerando|"
        r"stringendo|affrettando|con fuoco|(?:double|triple)[ -]time"
    ),  # fmt: skip
)
"""The pace asked for in a trade's words (tempo markings that mean fast)."""
NEGATED_PACE: tuple[str, ...] = (
    _w(
        r"(?:not|never|no need (?:for|of)|no call for|without) (?:at |with |on )?"
        r"(?:full|top|max|maximum) (?:speed|force|power|throttle|velocity)|"
        r"(?:not|never) (?:go|move|run) faster"
    ),  # fmt: skip
)
"""A top pace turned down ("no need for full speed, just back a little"): care, which keeps
the intent classifier from refusing on its own (as ``rules.NOT_AT`` keeps the words from it)."""
REPORTED_HARM = _w(
    # a harm verb in the past with its subject, or a passive: "we smashed it at the gig last
    # night", "yesterday it slammed into the bin", "the tomatoes got crushed in the delivery"
    r"(?:i|we|you|he|she|they|it|someone|somebody|(?:the|my|our|your|his|her|their) \w+) "
    r"(?:\w+ )?"
    r"(?:crashed|smashed|slammed|crushed|bashed|rammed|punched|whacked|squashed|knocked)|"
    r"(?:got|were|was|been) (?:\w+ )?(?:crashed|smashed|slammed|crushed|bashed|rammed|punched|"
    r"whacked|squashed|knocked)|"
    # a harm noun as the subject of what was heard or seen: "the crash you heard was a tray"
    r"(?:the|that|this) (?:crash|smash|bang|knock|slam|bump)(?:es|s)? (?:you|we|i) "
    r"(?:heard|saw|hear|see|noticed)|"
    # a harm noun said to have happened: "the forklift crash was on monday", "that smash happened"
    r"(?:crash|smash|collision|bump|bang)(?:es)? (?:(?:on|at|in|by|near|with) (?:the |a |that )?"
    r"(?:\w+ ){1,2})?(?:was|were|happened|occurred)\b|"
    # a harm verb in the past, then when: "they crushed it last night", "smashed it yesterday"
    r"(?:crashed|smashed|crushed|bashed|slammed|rammed|whacked) (?:\w+ ){0,2}(?:last|yesterday|"
    r"earlier|this (?:morning|afternoon|season)|on (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday))\b|"
    # a harm noun naming a thing, a reported event or a web button: "the crash cart", "the crash
    # landing was a drill", "smash that like button"
    r"crash (?:cart|trolley|pad|mat|helmet|barrier|landing|test|dummy|dummies|site|report)s?|"
    r"smash (?:that|the) (?:like|subscribe|follow) button|"
    # a lawyer's hedge, no safety function: "for the avoidance of doubt"
    r"for the avoidance of (?:any )?doubt|"
    # a joke's last line: "the punchline is coming"
    r"punch ?lines?"
)
"""Harm words that report what happened, or name a joke's part: no request of the arm (blanked
like ``safety_words.HARMLESS_USES``, whose words are no correction vocabulary either)."""
