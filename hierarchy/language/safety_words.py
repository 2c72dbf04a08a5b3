"""Words of safety, harm, speed, care and contact (regular expressions over ``units.normalize``-d
text): what the correction parser refuses, and what keeps a request from being refused.

These tables only ever refuse or ask: nothing here can widen a limit.
"""

from __future__ import annotations

from skillbridge.hierarchy.language.hazards import (
    CONTACT_HARM,
    NEGATED_PACE,
    REPORTED_HARM,
    TEMPO_PACE,
)
from skillbridge.hierarchy.language.lexicon import whole_words as _w

_SAFETY = _w(
    r"safety|safeties|safe mode|safeguards?|limits?|limiters?|limitations?|bounds?|boundar\w+|"
    r"constraints?|estop|emergency (?:stop|button|brake)|kill switch|stop button|collisions?|"
    r"collision \w+|avoidance|guards?|guardrails?|fences?|interlocks?|protective stop|"
    r"protections?|watchdog|brakes?|checks|checking|monitor\w*|sensors?|light curtain|"
    r"workspace|restrictions?|rules|warnings?|alarms?"
)
_SAFETY_STRICT = _SAFETY.replace(r"collisions?|", "").replace(r"warnings?|", "")
"""Safety nouns after "no"/"without": not bare "collisions" ("left, no collisions please")."""
_DISABLE = _w(
    r"disabl\w*|turn\w* off|switch\w* off|shut\w* off|deactivat\w*|ignor\w*|overrid\w*|overrode|"
    r"bypass\w*|skip\w*|remov\w*|releas\w*|suppress\w*|circumvent\w*|get around|work around|"
    r"defeat\w*|kill\w*|mute|silence|unlock|forget|disregard\w*|neglect\w*|violat\w*|break|"
    r"relax\w*|loosen\w*|weaken\w*|soften\w*|disengag\w*|neutrali[sz]\w*|cancel\w*|"
    r"breach|exceed\w*|cheat\w*|hack\w*|never mind|to hell with|get rid of|who cares about|"
    r"stop (?:checking|using|enforcing|monitoring|respecting|obeying|caring about|worrying about)|"
    r"not (?:check|care about|worry about|bother with|respect|obey|use|need|enforce|mind)"
)
DISABLE_VERBS = _DISABLE
"""Verbs that disable, bypass or exceed something (a regex of whole words)."""
SAFETY_NOUNS = _SAFETY
"""Names of safety functions (a regex of whole words)."""
UNSAFE_PATTERNS: tuple[str, ...] = (
    _DISABLE + r"(?: \w+){0,4} " + _SAFETY,
    _w(r"(?:turn|switch|shut) (?:it|them|that|this) off"),
    _w(r"(?:turn|switch|shut|power)\w*") + r" (?:\w+ ){0,3}" + _SAFETY + r" (?:off|down)\b",
    _w(r"no|without|past|beyond|outside|over|off|minus|free of|regardless of|despite")
    + r"(?: \w+){0,3} "
    + _SAFETY_STRICT,
    _w(r"(?:lift|rais|increas|drop|relax|loosen|extend|widen|expand|doubl|max)\w*")
    + r" (?:\w+ ){0,2}"
    + _w(r"limits?|bounds?|constraints?|safety \w+|workspace"),
    _w(
        r"as (?:fast|quick|quickly|hard|rapidly|forcefully|violently) as "
        r"(?:you (?:possibly |ever )?can|possible|u can|humanly possible)|"
        r"(?:full|top|max|maximum) (?:speed|force|power|throttle|torque|velocity|tilt|blast)|"
        r"at any cost|no matter what|whatever it takes|swing\w* at|"
        r"(?:collisions?|limits?|safety) (?:do not|does not) matter|recklessly|dangerously|"
        r"unsafe\w*|unlimited|limitless|unrestricted|"
        r"unconstrained|unchecked|unguarded|regardless"
    ),  # fmt: skip
    # the stop itself is a safety function: "disable the stop and go", "override your stop"
    _w(
        r"(?:disabl|deactivat|overrid|bypass|circumvent|defeat|sabotag)\w* "
        r"(?:the |your |its |that |any )?stops?|"
        r"(?:turn|switch|shut)\w* (?:the |your |its )?stops? off|"
        r"(?:turn|switch|shut)\w* off (?:the |your |its )?stops?"
    ),  # fmt: skip
    # the farthest the arm can go is the safety layer's limit, not a size
    _w(r"as (?:far|high|low|much) (?:\w+ )?as (?:you (?:possibly |ever )?can|it can|possible)"),
    # speed is not a correction: the skill's speed is its own, under the safety layer's limits
    _w(
        r"flat out|floor it|pedal to the metal|max(?:es|ed)? out|speed (?:it |this |that )?up|"
        r"(?:go|move|do it|run) faster|faster than|sprint\w*|zoom\w*"
    ),  # fmt: skip
    # collisions waved away: "don't worry about bumping into things", "who cares about the table"
    _w(
        r"(?:(?:do not|never|no need to|not) (?:worry|care|bother)(?:ing)? about|who cares about|"
        r"forget about|never mind about) (?:\w+ ){0,2}(?:(?:hitting|bumping|touching|crashing|"
        r"colliding|knocking|scraping|smashing|banging)|(?:the |any )?(?:table|wall|floor|"
        r"obstacles?|edges?|people|person|anyone|anybody|things|stuff|objects?))"
    ),  # fmt: skip
    # care is not optional either
    _w(
        r"(?:don'?t|do not|no need to|never mind|forget about|stop) "
        r"(?:bother(?:ing)? |worry(?:ing)? about )?(?:being |to be )?"
        r"(?:careful|gentle|cautious|safe|slow)\w*|careless\w*|"
        r"no need to be (?:careful|gentle|cautious|safe|slow)\w*"
    ),  # fmt: skip
)
"""Requests to disable, bypass or exceed a safety function."""
BODY_PARTS = (
    r"(?:face|head|eyes?|nose|mouth|ears?|neck|throat|chest|body|hands?|palms?|fingers?|thumbs?|"
    r"wrists?|arms?|elbows?|shoulders?|legs?|knees?|feet|foot|toes?|lap|sleeves?|skin)"
)
"""Parts of a person's body (and what they wear), as the goal of a contact."""
HARM_PATTERNS: tuple[str, ...] = (
    _w(
        r"(?:crash|smash|bash|punch|whack|crush|squash)(?:es|s|ed|ing)?|(?:ram|slam|stab)s?|"
        r"(?:rammed|ramming|slammed|slamming|stabbed|stabbing|collid\w*|attack\w*|hurt\w*|injur\w*|"
        r"harm(?:s|ed|ing|ful)?)|knock\w* (?:it|that|this|them|the \w+) (?:over|down|off)|"
        r"knock\w* (?:over|down|off) (?:it|that|this|them|the|a)|topple\w*|"
        r"tip\w* (?:it|that|this|them|the \w+) over|(?:fling|hurl)\w*|"
        r"(?:throw|throws|throwing|threw|thrown)(?! in (?:a|an|some|another|one)\b)"
    ),  # fmt: skip
    # "throw in a rotation" adds one (the phrasal verb), it throws nothing
    _w(
        r"hit (?:the |that |a )?(?:table|wall|person|human|operator|me|someone|somebody|people|"
        r"him|her|them|floor|camera|robot)"
    ),  # fmt: skip
    _w(r"throw\w* (?:it |that |the \w+ )?(?:at|toward|towards)"),
    # a motion aimed at a person's body or at a person: "go straight at my hand", "aim at Dave"
    _w(
        r"(?:at|into) (?:my|your|his|her|their|our|the operator is|a person is) (?:\w+ )?"
        r"(?:face|head|eyes?|hands?|fingers?|arms?|body|chest|neck|throat|legs?|feet|foot)|"
        r"(?:aim|point)\w* (?:\w+ ){0,3}at (?:me|him|her|them|us|someone|somebody|anyone|people|"
        r"a person|the operator|(?!(?:the|a|an|that|this|it|its|my|your|his|her|their|our|those|"
        r"these|some|left|right|up|down|forward|back|backward|center|centre|middle|target|zero)"
        r"\b)[a-z]+(?= (?:and|then|,)|$))|"
        r"(?:and|then) hit (?:it|them|that|this)"
    ),  # fmt: skip
    # contact with a person, or a load dropped on one: "touch my hand", "drop it on my foot"
    _w(
        r"(?:touch|poke|prod|jab|tap|grab|pinch|nudg|push|shov|bump|brush|graz|knock|press|"
        r"elbow|shoulder|rub)\w* (?:(?:up )?(?:against|past|into) )?(?:me|him|her|them|us|someone|"
        r"somebody|anyone|"
        r"people|a person|the operator|my|his|her|their|your (?:hand|arm|face|head|finger)s?)"
        r"(?! (?:to|for|about|into \w+ing)\b)|"  # "my boss is pushing me to finish": urging
        r"(?:drop|dump|let go|release|lower|put)\w* (?:\w+ ){0,3}(?:on|onto|over|above) (?:me|him|"
        r"her|them|us|someone|somebody|anyone|people|a person|the operator|(?:my|his|her|their|"
        r"your) (?:head|face|hands?|fingers?|arms?|feet|foot|toes?|legs?|lap))|"
        r"(?:toward|towards|to|near|up to) (?:my|your|his|her|their|the operator'?s?|someone'?s) "
        r"(?:face|head|eyes?|neck|throat)"
    ),  # fmt: skip
    # objects sent off the table: "push it off the edge"
    _w(
        r"(?:push|shove|sweep|slide|drop|throw|kick|nudge)\w* (?:it|that|this|them|the \w+) "
        r"(?:off|over) (?:the )?(?:edge|table|side|bench|desk)"
    ),  # fmt: skip
    # the arm or the jaws set on a person's body: "clamp down on my thumb", "lower the claw
    # onto the patient's arm", "rest it against her hand"
    _w(
        r"(?:clamp|close|clos|grip|squeez|pinch|bite|clench|shut|bring|set|lower|put|rest|lay|"
        r"place|land|lean|press|push)\w* (?:\w+ ){0,3}(?:on|onto|upon|around|against) "
        r"(?:me|him|her|them|us|(?:my|his|her|their|your|our|someone'?s|somebody'?s|"
        r"the (?:\w+ )?(?:operator|nurse|doctor|patient|surgeon|person|child|kid|worker|man|"
        r"woman)(?:'?s| is)?) (?:\w+ )?" + BODY_PARTS + r")"
    ),  # fmt: skip
    # contact given as a noun: "give the box a tap", "give it a firm push"
    _w(
        r"give (?:it|that|this|them|the \w+|\w+) an? (?:\w+ )?(?:bump|tap|knock|poke|prod|jab|"
        r"whack|smack|bash|thump|kick|shove|punch|slap|hit)|"
        r"(?:firm|hard|good|big|strong|solid|proper) (?:push|shove|press|squeeze)"
    ),  # fmt: skip
    # a thing pushed shut or open by the arm: "shove the door closed"
    _w(
        r"(?:push|shove|press|knock|kick|slam|bump|nudge|force)\w* "
        r"(?:it|that|this|them|the (?:\w+ ){1,2})(?:shut|closed|open)"
    ),  # fmt: skip
    # contact or pressure as the goal: "lower it till you feel the desk", "until it bumps the
    # tray", "lean on the box", "press down against the lid", "press the green button"; just
    # reaching, or touching "just" / "lightly", is care (``CARE_PATTERNS``)
    _w(
        r"(?:until|till|til|untill) (?:you|it|we|they|the \w+) (?:can |just |lightly |gently )?"
        r"(?:feel|touch|bump|hit|"
        r"contact|press|knock|tap|brush|graze|scrape|make contact|collide|crash|bang|meet)\w*|"
        r"(?:press|lean|bear|push|shove|squash)\w* (?:down |hard |firmly |your weight |"
        r"(?:all )?(?:its|the|your) weight )?(?:on|onto|upon|against|into) (?:it|that|this|them|"
        r"the|a|an|my|his|her|their|your|its|something|anything)\b|"
        r"(?:press|push|hit|tap|poke)\w* (?:\w+ )?(?:the|a|that|this) (?:\w+ )?(?:button|switch|"
        r"key|lever|pedal)s?"
    ),  # fmt: skip
    # contact kept up: "keep going down even after you touch the table"
    _w(
        r"even (?:after|when|once|though) (?:you|it|we|i|the \w+) (?:hit|collide|bump|crash|touch|"
        r"reach|contact|meet)\w*|(?:keep|kept|continue)\w* (?:going|pushing|pressing|moving|"
        r"driving)(?: \w+){0,3} (?:after|once|when) (?:you|it) (?:hit|touch|reach|contact)\w*"
    ),  # fmt: skip
    # the arm used on a person: "hit me with the arm", heard as "that's me with the arm"
    _w(
        r"(?:me|him|her|someone|somebody|the operator|people|a person) with (?:the|your|its|this) "
        r"(?:arm|gripper|robot|claw|fingers|tool)"
    ),  # fmt: skip
    _w(
        r"(?:through|into) (?:the |that |a )?(?:table|wall|floor|person|human|operator|glass|"
        r"window)"
    ),  # fmt: skip
    # hard surfaces and things to go through, objects to wreck
    _w(
        r"through (?:the |that |a |this |your )?(?!(?:the|that|a|this|your|gap|opening|hole|slot|"
        r"handle|loop|ring|door|doorway|middle|cent(?:er|re)|air|space|arch|tunnel|gate|window|"
        r"bars|rails)\b)[a-z]+|"
        r"into (?:the |that |a )?(?:table ?top|desk|bench|counter|worktop)|"
        r"(?:smack|pound|hammer|stomp|plow|plough|bulldoz|demolish|destroy|shatter|wreck)\w*|"
        r"break(?:s|ing)? (?:it|that|this|them|the \w+)|(?:till|until) (?:it|they|the \w+|"
        r"something|anything|(?:\w+ )?thing) (?:breaks?|cracks?|snaps?|shatters?|gives?|"
        r"gives way|bends?|buckles?|pops?)|"
        r"hit (?:it|that|this|them|the \w+) (?:hard|harder)|"
        r"even if (?:you|it|we|i) (?:hit|collide|bump|crash|smash|touch|scrape|knock)\w*|"
        r"(?:fine|ok|okay|alright|all right) to (?:hit|collide|bump|crash|touch|scrape|knock)\w*|"
        r"hit (?:the |that |a )?(?:mug|cup|glass|bottle|box|block|object|tray|plate|bowl)"
    ),  # fmt: skip
    *CONTACT_HARM,
)
"""Requests to hit something on purpose; ignored when negated ("so you don't hit the table")."""
SPEED_PATTERNS: tuple[str, ...] = (
    _w(r"as (?:fast|quick|quickly|rapid|rapidly|speedily|hard|forcefully|violently) as"),
    _w(
        r"(?:fast|quick|quickly|hard) as (?:possible|you can|it can|you (?:like|want|please)|"
        r"the \w+ (?:can|will))"
    ),  # fmt: skip
    _w(
        r"(?:wild|violent|aggressive|forceful|abrupt)ly|"
        r"with (?:full |all (?:the |your |its )?)?(?:force|strength|power|might)|"
        r"jerk\w*|yank\w*|hurry\w*|rush\w*|snappy|chop chop|on the double|pronto|"
        r"without (?:slowing|braking|stopping)|(?:down|into \w+|on(?:to)? \w+) hard|"
        r"hard (?:down|into|onto|against)|(?:keep|kept) pushing|"
        r"(?:double|triple|full) speed|(?:twice|\d+ times) (?:as fast|faster)|"
        r"(?:(?:a |one )?hundred|[1-9]\d\d)(?: percent| per cent)? (?:speed|power|force|throttle)"
    ),  # fmt: skip
    _w(r"(?:press|push|shove|squeeze|force)\w* (?:\w+ ){0,3}(?:harder|hard)"),
    # the gripper closed with force: "clamp it hard", "snap the claw shut hard", "grip harder"
    _w(
        r"(?:close|shut|grip|clamp|clench|grab|grasp|pinch|bite|snap|squeez)\w* (?:\w+ ){0,3}"
        r"(?:harder|hard|with (?:force|all)|tighter|tightest|"
        r"(?:really|very|super|extra|so|real|as|nice and|good and) tight\w*)"
    ),  # fmt: skip
    # a motion made sudden or thrown: "whip it over", "toss it right", "dash to the left"
    _w(
        r"(?:whip|toss|launch|catapult|slingshot|flick|thump|slam)(?:s|es|ed|ped|ping|ing)? "
        r"(?:it|that|this|them|the \w+)|"
        r"snap(?:s|ped|ping)? (?:it|that|this|them|the \w+)(?! (?:shut|closed?|open)\b)|"
        r"(?<!a )(?<!an )(?:dash|race|dart|shoot|zip|whizz?|hurtle|barrel|rocket|speed|sped)"
        r"(?:es|s|ed|ing|ped|ping|zes|zed|zing)? "
        r"(?:it |the \w+ )?(?:to|over|toward|towards|across|forward|back|backward|up|down|left|"
        r"right|in|out|away)|"
        r"explosive\w*|in a (?:flash|split second|heartbeat|jiffy)|"
        r"(?:quick|fast|swift|rapid) as (?:lightning|light|a flash|a bullet|you like)|"
        r"like (?:lightning|a flash|the wind|a shot)|"
        r"(?:really|very|super|so|extra|real|extremely) hard|hard as (?:you|it) can"
    ),  # fmt: skip
    _w(r"fastest|quickest|speediest|hardest"),
    # the pace itself asked for: "briskly", "rapidly rotate", "at speed", "go up quick". Plain
    # "quickly" is refused too: it may mean "promptly", but said with a motion it asks for the
    # motion's pace, and a wrong fast motion is worse than a refusal (the round on v5 decided it)
    _w(
        r"(?:rapid|brisk|swift|speedi|hasti|hurried|quick|snappi|zippi)ly|speedy|"
        r"at (?:high |great |full )?speed|"
        r"(?:at )?(?:a )?(?:fast|quick|brisk|rapid|high|swift) (?:pace|clip|rate|speed)|"
        r"quick quick|pick up (?:the |your )?(?:pace|speed)|get a move on|"
        r"(?<!a )quick(?! (?:question|check|look|note|one|word|thought|thing|favou?r|tip)\b)|"
        r"(?:quick|fast|speedi|snappi|swift|brisk|zippi|hasti)er"
    ),  # fmt: skip
    # idioms of pace or force: "give it some welly", "put your foot down", "look lively"
    _w(
        r"give it (?:some |the )?(?:welly|wellie|beans|gas|juice|stick|herbs|socks)|"
        r"put (?:your|the|its) foot down|(?:look|step) lively|hustle|like you mean it|"
        r"get (?:a wiggle|a shift|a shake|your skates) on|get cracking|shake a leg|"
        r"(?:get|be) rough|rough (?:with|on) (?:it|that|them|the \w+)"
    ),  # fmt: skip
    _w(
        r"(?:really|very|super|real|crazy|insanely|extremely|ultra|blazing|lightning|wicked)"
        r"(?: (?:really|very|super))* (?:fast|quick|quickly|rapid|rapidly|speedy|speedily)"
    ),  # fmt: skip
    _w(
        r"(?:highest|maximum|max|top|full|lightning|breakneck|blistering|ludicrous|warp|high|"
        r"insane|crazy|reckless) (?:possible )?(?:speed|velocity|pace|rate|force|power|torque|"
        r"throttle|acceleration)s?"
    ),  # fmt: skip
    *TEMPO_PACE,
    _w(
        r"let (?:it|her|him) rip|gun it|step on it|hit the gas|full blast|all out|"
        r"(?:hold|holding) nothing back|like a (?:bat|rocket|bullet)|full pelt|hell for leather|"
        r"like (?:crazy|mad|hell|a maniac)|(?:everything|all) (?:you|it|the arm|the robot) "
        r"(?:have got|has got|have|has|got)|give it (?:everything|all)(?= ?[,.!]|$)"
    ),  # fmt: skip
    _w(
        r"(?:crank|jack|ramp|bump|pump|turn|dial|push)\w* (?:up (?:the |your )?"
        r"(?:speed|velocity|force|power|torque|gains?|acceleration)|(?:the |your )?"
        r"(?:speed|velocity|force|power|torque|gains?|acceleration)(?: \w+){0,3} up)"
    ),  # fmt: skip
    _w(
        r"(?:speed|force|velocity|safety|limits?) (?:is|are) (?:no|not an?|not) "
        r"(?:object|issue|problem|concern)|(?:safety|limits?) (?:is|are) not important"
    ),  # fmt: skip
)
"""Requests for excessive speed or force (superlatives, intensified "fast", idioms); like harm,
ignored when negated ("not really fast") and overruled by a stop ("stop, that is too fast")."""
SPEAKERS_HURRY = _w(
    r"(?:i am|i'm|im|we are|we're|i was|we were|i have been|i've been) (?:\w+ )?(?:in a )?"
    r"(?:rush|hurry|rushed|hurried|rushing|hurrying)"
)
"""The speaker's own hurry ("I'm in a rush"): no pace asked of the arm when the same request
asks it for care ("I'm in a rush, but you go slowly"); without care it stays a request."""
SAFETY_REPORTED = _w(
    r"(?:estop|emergency stop|collisions?|stop button|guard|fence|light curtain|alarm|warning)"
    r"(?: \w+)? (?:is|was|are|were|has been|have been|got|'s) (?:\w+ )?(?:reset|cleared|clear|"
    r"over|earlier|before|resolved|fixed|sorted|gone|fine|ok|okay|rearmed|re-armed|back on|"
    r"working|released|done)"
)
"""A safety function reported as it is or was ("the e-stop is reset", "the collision was
earlier"): a report, no request to weaken it; only the classifier could refuse it for the name."""
_PEOPLE_AROUND = (
    r"(?:colleague|friend|boss|manager|supervisor|teacher|co-?worker|partner|assistant|nurse|"
    r"doctor|student|mate)"
)
HARMLESS_USES = _w(
    # a harm word in a noun compound: "a crash course", "a smash hit song", "rush hour"
    r"(?:crash|smash|punch|rush|hit) (?:course|hit|song|bowl|card|hour|list)s?|"
    # clocking in or out: "I punched in at eight", "punch out for lunch"
    r"punch(?:ed|es|ing)? (?:in|out)"
    r"(?= (?:my|the|a|for|at|early|late|today|yesterday)\b| ?[,.;:!?]|$)|"
    r"(?:my|the) time ?card|"
    # praise: "smashing job", "that was cracking"
    r"(?:smashing|cracking) (?:job|work|effort|stuff|result|idea|day|show|one|going)|"
    r"(?:that is|that was|it is|it was|you are|looking) (?:absolutely |just |really )?"
    r"(?:smashing|cracking)|"
    # idioms: "hit me with the next step" asks to be told, "break a leg" wishes luck
    r"hit (?:me|us) with (?:the |your |another |some |a )?(?:next |first |last )?"
    r"(?:step|instruction|one|question|idea|news|detail|number|command|move|update)s?|"
    r"break a leg|"
    # a harm word as the subject, a thing that is somewhere: "the hammer is on the bench"
    r"(?:the|that|this|my|your|our|his|her) (?:crash|smash|punch|hammer|rush|bump|knock|hit|"
    r"slam)(?:es|s)? (?:is|was|are|were|will|sits|lives|stays|has|had)|"
    # a person named, before or after who they are: "Ram, my colleague, says ..."
    r"\w+(?= , (?:my|our|the) " + _PEOPLE_AROUND + r" ,)|"
    r"(?:my|our|the) " + _PEOPLE_AROUND + r" \w+(?= (?:says|said|asks|asked|wants|thinks)\b)|"
    # someone else doing it to the speaker: "my boss keeps pushing me on deadlines"
    r"(?:he|she|they|someone|somebody|everyone|(?:my|his|her|their|our) (?!arm|robot|gripper|claw)"
    r"\w+) (?:keeps?|kept|is|are|was|were|has been|have been|always) \w+ing|" + REPORTED_HARM
)
"""Harm and pace words that ask nothing of the arm (blanked before ``HARM_PATTERNS`` and
``SPEED_PATTERNS`` are read): a noun compound, an idiom, praise, the word as the name of a thing
or a person, or someone else's act reported. Defeating a safety function is not blanked. Like
care words, they keep the intent classifier from refusing on its own (it knows the harm word,
not its use)."""
CARE_PATTERNS: tuple[str, ...] = (
    _w(
        r"slow\w*|gentl\w*|careful\w*|cautious\w*|calm\w*|steady|steadily|ordinary|usual|"
        r"normal|regular|moderate\w*|(?:take|taking) (?:your|its|my|the) time|"
        r"no (?:need to )?(?:rush|hurry)|(?:do not|never|not) (?:rush|hurry)|"
        r"no (?:speeding|racing|rushing|hurrying)(?: (?:needed|required|necessary))?|"
        r"not too (?:fast|quick\w*)|"
        r"unhurried\w*|leisurely|softly|lightly|delicately|(?:take|taking|with) care|"
        r"(?:a |at a )?safe (?:speed|pace|distance|velocity)|"
        r"(?:no need to|do not|never|not) (?:go |move |be |do it |too |so |that |very )*"
        r"(?:fast|quick|quickly|rapid|rapidly|speedy|brisk|briskly|swift|swiftly|hasty|hastily)"
        r"(?! enough)|"
        r"(?:speed|pace) (?:is|are) not (?:important|urgent|needed)|"
        # the pace as it is, kept: "the speed is fine as it is", "keep this pace"
        r"(?:speed|pace) (?:is|seems|looks) (?:fine|ok|okay|good|alright|all right)|"
        r"(?:at|keep|same) (?:the same|this|that|the current|your current|your) (?:speed|pace)"
    ),  # fmt: skip
    # keeping clear of things: "until you are just above the cube", "away from the wall"
    _w(
        r"(?:stay |keep )?clear (?:of )?(?:the|that|it)|just (?:above|over|short of|before)|"
        r"(?:almost|nearly|just about|barely) (?:touch|reach)\w*|"
        r"(?:until|till) (?:it|you|the \w+) (?:just|lightly|gently) (?:reach|meet)\w*|"
        r"(?:away|further|farther) from (?:the |that )?(?:wall|table|edge|obstacle|person|people|"
        r"cup|mug|glass|bottle|camera|box|block|floor|ground|surface)"
    ),  # fmt: skip
    *NEGATED_PACE,
)
"""Words asking for care or an ordinary pace ("slowly", "at a normal speed", "take your
time"): a request with them and no unsafe phrase is not refused on the classifier alone."""
CONTACT_PATTERNS: tuple[str, ...] = (
    _w(r"(?:touch|bump|brush|scrape|knock|nudge|hit|crash|collid|smash|bang)\w*"),
    _w(r"(?:get|gets|come|comes|reach|reaches) (?:to|into|near) (?:the )?(?:table|floor|wall)"),
)
"""Contact words: not harm by themselves, but negated they ask for care ("go up so you don't
touch the table"), which no classifier may read as a request to weaken safety."""
KEEPS_SAFETY = frozenset((
    "within", "inside", "respecting", "respect", "obeying", "obey", "keep", "keeping", "staying",
    "stay", "honor", "honoring", "safely", "avoid", "avoiding",
))  # fmt: skip
"""Words that turn a safety phrase into a request to keep it ("lower it within the limits")."""
