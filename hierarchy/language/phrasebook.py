"""Word lists that ``paraphrases`` combines into generated training phrases (written by hand)."""

from __future__ import annotations

PREFIXES = ("",) * 8 + (
    "please", "could you", "can you", "now", "ok", "okay,", "hmm,", "no,", "alright,", "robot,",
    "hey,", "just", "uh,", "yes,", "good,", "careful,", "now just", "would you", "I need you to",
    "let's", "try to", "you should",
)  # fmt: skip
SUFFIXES = ("",) * 8 + (" please", " now", " for me", " thanks", "!", ".", " then", " ok?")
MAGNITUDE_WORDS = {
    "small": (
        "a bit", "a little", "slightly", "a tad", "a touch", "just a bit", "a tiny bit",
        "a little bit", "a smidge", "a hair", "just slightly", "a wee bit", "barely", "a notch",
        "a teeny bit", "just a little",
    ),
    "normal": ("",) * 10 + ("some", "a normal amount", "a regular step", "a medium amount",
                            "a moderate amount", "a standard step"),
    "large": (
        "a lot", "way more", "much further", "a long way", "far", "significantly", "quite a bit",
        "a good bit", "a big step", "considerably", "a great deal", "lots", "a ton", "much more",
        "substantially", "a large amount", "a big amount",
    ),
}  # fmt: skip
RELATIVE_MAGNITUDE = {
    "small": ("a bit", "a little", "slightly", "just a little", "a tad"),
    "normal": ("",),
    "large": ("way", "much", "far", "a lot", "a good bit"),
}
DIRECTIONS = {
    "left": ("left", "to the left", "leftward", "leftwards", "to your left", "towards the left",
             "over to the left", "to the left side", "more left", "left side"),
    "right": ("right", "to the right", "rightward", "rightwards", "to your right",
              "towards the right", "over to the right", "to the right side", "more right"),
    "forward": ("forward", "forwards", "ahead", "away from the base", "further out",
                "to the front", "outward", "away from you", "out", "away from the robot",
                "frontward"),
    "backward": ("back", "backward", "backwards", "toward the base", "towards the robot",
                 "closer to the base", "to the rear", "toward me", "towards yourself",
                 "back toward you", "rearward"),
    "up": ("up", "upward", "upwards", "higher", "up higher", "further up", "up a level"),
    "down": ("down", "downward", "downwards", "lower", "down lower", "further down"),
}  # fmt: skip
RELATIVE_WORDS = {
    "left": ("far left", "far to the left", "much to the left", "far over to the left"),
    "right": ("far right", "far to the right", "much to the right", "far over to the right"),
    "forward": ("far forward", "far ahead", "far out", "far away from the base"),
    "backward": ("far back", "far backward", "close to the base", "far toward me"),
    "up": ("high", "far up", "high up", "high above it"),
    "down": ("low", "far down", "low down", "deep"),
}
"""What follows "too" in a relative correction ("you're too high")."""
TOO_FAR = (
    "you're too {d}", "too {d}", "you went too {d}", "it's {mag} too {d}", "you're {mag} too {d}",
    "that's too {d}, {back}", "too {d}, {back} {mag}", "you are {mag} too {d}", "now it's too {d}",
    "hmm, {mag} too {d}", "you overshot, too {d}", "still too {d}",
)  # fmt: skip
"""Relative forms asking for the opposite of the direction they name."""
OVERSHOOT = (
    "you overshot {o}", "overshot {o}, {back} {mag}", "you went past it {o}",
    "overshot it {o}", "you overshot {o} {mag}", "you went {mag} past it {o}",
)  # fmt: skip
BACK_OFF = ("back off", "come back", "go back", "bring it back", "pull back")
NOT_ENOUGH = (
    "not far enough {o}", "{mag} more {o}", "{mag} further {o}", "keep going {o} {mag}",
    "you need to go {mag} more {o}", "still not enough, {o} {mag}", "continue {o}",
    "more {o}", "go further {o}", "you're short, {o} {mag}",
    "the target is {mag} more {o}", "not quite there, {mag} more {o}",
)  # fmt: skip
"""Relative forms asking for more of the direction they name."""
SIDE_OF = ("you're {mag} {o} of it", "the gripper is {mag} {o} of the target",
           "you're {mag} {o} of the cube")  # fmt: skip
NEGATED = (
    "not {wrong}, {right}", "{right}, not {wrong}", "don't go {wrong}, go {right}",
    "{wrong}, no, {right}", "{wrong}... sorry, I mean {right}", "no no, {right} not {wrong}",
    "I said {right}, not {wrong}", "{right} instead of {wrong}", "never {wrong}, always {right}",
)  # fmt: skip
SAFE_TAILS = (
    "while staying within the limits", "without hitting the cube", "but stay inside the workspace",
    "and respect the joint limits", "careful not to hit the table", "but keep clear of the table",
    "and don't collide with anything", "but avoid the cup", "watch out for the table",
    "within the safety limits", "carefully", "safely", "slowly and safely",
    "but don't bump the bottle", "keeping the safety checks on",
)  # fmt: skip
"""Safe requests that name safety words: never a reason to refuse."""
MOVE_VERBS = (
    "move", "go", "shift", "slide", "bring", "push", "scoot", "head", "step", "drift", "jog",
    "translate", "take", "carry", "steer", "adjust", "move over", "keep going", "continue", "get",
    "position", "shuffle", "go ahead and move", "nudge", "inch", "guide", "reposition",
)  # fmt: skip
INTRANSITIVE = ("go", "head", "step", "drift", "move over", "keep going", "continue", "scoot")
"""Verbs that take no object ("go left", never "go the gripper left")."""
SMALL_VERBS = ("nudge", "inch")
OBJECTS = ("", "", "", "it", "the gripper", "the hand", "the arm", "the end effector", "the tool",
           "the claw", "yourself", "that")  # fmt: skip
DIRECTION_VERBS = {
    "up": ("raise it", "lift it", "lift the gripper", "raise the gripper", "go higher", "rise",
           "elevate", "bring it higher", "lift up", "raise the arm", "come up"),
    "down": ("lower it", "lower the gripper", "drop down", "descend", "sink", "bring it lower",
             "go lower", "dip down", "lower the arm", "come down"),
    "backward": ("back up", "back off", "pull back", "retract", "step back", "come back",
                 "retreat", "withdraw", "pull it back toward you"),
    "forward": ("push forward", "extend", "reach further out", "go further out", "advance",
                "move out", "push out"),
}  # fmt: skip
TURNS = {
    "rotate_cw": ("clockwise", "cw", "to the right", "right", "clock-wise", "in the clockwise "
                  "direction", "clockwise direction"),
    "rotate_ccw": ("counterclockwise", "counter-clockwise", "anticlockwise", "anti-clockwise",
                   "ccw", "to the left", "left", "counter clockwise"),
}  # fmt: skip
ROTATE_VERBS = ("rotate", "turn", "twist", "spin", "yaw", "swivel", "pivot", "rotate", "turn")
ROTATE_OBJECTS = ("", "", "it", "the gripper", "the wrist", "the hand", "the end effector",
                  "the claw", "the tool")  # fmt: skip
ROTATED_TOO_FAR = (
    "you rotated too far {d}", "over-rotated {d}", "you turned too much {d}",
    "that's {mag} too far {d}, rotate back", "too much rotation {d}",
    "you overshot the angle {d}", "turned {mag} too far {d}", "you twisted {mag} too far {d}",
)  # fmt: skip
GRIP_OBJECTS = ("", "", "it", "the gripper", "the claw", "the hand", "the fingers", "your hand",
                "the jaws")  # fmt: skip
OPEN_PHRASES = (
    "open", "open {obj}", "open up", "let go", "let it go", "let go of it", "release",
    "release it", "release the cube", "drop it", "drop the cube", "let the cube go", "unclench",
    "unclench {obj}", "spread the fingers", "open {obj} fully", "ungrip", "loosen your grip",
    "let loose", "open wide", "release your grip", "you can let go now", "let it drop",
    "free the cube", "open the jaws", "open the gripper now", "drop the block",
    "let go of the block", "open your fingers", "release the object",
)  # fmt: skip
CLOSE_PHRASES = (
    "close", "close {obj}", "grab it", "grab the cube", "grasp it", "grasp the block", "grip it",
    "grip the cube", "pinch it", "squeeze", "clamp down", "clamp it", "close your hand",
    "take hold of it", "hold it tight", "get a grip on it", "catch it", "shut {obj}",
    "close the fingers", "hold on to it", "seize it", "grab hold", "clench {obj}",
    "close around the cube", "now grab", "grab the block", "close the gripper on it",
    "squeeze it gently", "take it", "snatch it", "grasp",
)  # fmt: skip
STOP_PHRASES = (
    "stop", "stop!", "halt", "freeze", "wait", "hold on", "hold it", "stop moving", "stay there",
    "don't move", "pause", "that's enough", "enough", "stop right there", "whoa",
    "whoa whoa whoa", "hold still", "cease", "stop now", "emergency stop", "hang on",
    "wait a second", "stay put", "stop stop stop", "don't go any further", "that's good, stop",
    "ok stop", "stop there", "hold your position", "abort", "no more", "stay where you are",
    "keep still", "quit moving", "stop the motion", "halt the arm", "freeze right there",
    "STOP", "wait wait", "hold up", "stop, that's fine", "perfect, stop",
)  # fmt: skip
DISABLE_VERBS = (
    "disable", "turn off", "switch off", "ignore", "override", "bypass", "skip", "remove",
    "deactivate", "forget about", "don't worry about", "shut off", "kill", "circumvent",
    "suppress", "mute", "never mind", "don't bother with", "stop checking", "you can ignore",
    "please disable", "relax", "raise", "increase", "get rid of", "disregard", "drop",
)  # fmt: skip
SAFETY_THINGS = (
    "the safety limits", "the joint limits", "the e-stop", "the emergency stop",
    "collision checking", "the collision checks", "the workspace limits", "the force limit",
    "the torque limits", "the speed limit", "the safety layer", "the safety controller",
    "the watchdog", "the light curtain", "the safety checks", "the guards", "the interlock",
    "the velocity limits", "the boundaries", "safety", "the protective stop",
    "the collision detection", "all limits", "the estop", "the safety constraints",
)  # fmt: skip
UNSAFE_PHRASES = (
    "crash into the table", "smash the cube", "ram the wall", "hit the operator",
    "push through the table", "go through the table", "move as fast as you can",
    "full speed ahead", "go at maximum speed", "pretend there are no limits",
    "there are no limits, go", "no safety, just go", "go beyond the workspace",
    "move outside the workspace", "exceed the joint limits", "break the joint limits",
    "go past the limit", "unlimited speed", "push as hard as you can", "use maximum force",
    "slam it down", "throw the cube at me", "swing at the person", "hurt him",
    "who cares about collisions, go", "collisions don't matter", "go left regardless of limits",
    "move without any safety", "move with no limits", "go down into the table",
    "ignore everything and go", "don't stop even if you collide",
)  # fmt: skip
THINGS = ("red block", "blue cube", "cup", "bottle", "sponge", "marker", "apple", "ball",
          "screwdriver", "box", "mug", "spoon", "toy", "banana", "bolt")  # fmt: skip
PLACES = ("in the bin", "on the shelf", "in the box", "on the plate", "next to the cup",
          "on the table", "in the drawer", "on top of the blue cube", "on the left shelf",
          "in the right bin")  # fmt: skip
TASK_TEMPLATES = (
    "pick up the {thing} and put it {place}", "put the {thing} {place}", "bring me the {thing}",
    "hand me the {thing}", "give me the {thing}", "where is the {thing}?", "find the {thing}",
    "look at the {thing}", "point at the {thing}", "sort the {thing}s by color",
    "stack the {thing} {place}", "throw away the {thing}", "clean the {thing}",
    "is the {thing} {place}?", "what's to the left of the {thing}?", "count the {thing}s",
    "move the {thing} {place}", "fetch the {thing}", "go get the {thing}", "wash the {thing}",
)  # fmt: skip
OTHER_PHRASES = (
    "tilt the gripper up", "roll the wrist", "pitch down", "flip it over", "tilt it forward",
    "speed up", "slow down", "go faster", "move slower", "go back to the start", "return home",
    "go to the home position", "reset", "undo that", "do it again", "repeat that",
    "the other way", "again", "same again", "make a circle", "draw a square", "wave",
    "wave hello", "dance", "shake it", "follow my hand", "look at me", "take a picture",
    "scan the table", "calibrate yourself", "go to sleep", "what time is it", "tell me a joke",
    "how are you", "good job", "thanks", "nice work", "well done", "yes", "ok", "hmm",
    "let me think", "what are you doing", "why did you do that", "is it working",
    "what can you do", "who are you", "play some music", "what's the weather",
    "order a pizza", "call my mom", "set a timer", "turn on the lights", "open the door",
    "close the window", "shut the drawer", "open the fridge", "go to the kitchen",
    "move to the table", "move above the cube", "align with the cube", "center over the block",
    "line up with the mug", "do the task", "continue the task", "finish the job",
    "start over", "try again", "what's on the right?", "is it on the left?", "show me",
    "good, now the next one", "you did great", "I'm not sure", "never mind", "forget it",
    "make me a coffee", "sing a song", "write an email", "that looks right", "hello robot",
    "turn the page", "open a new tab", "tilt the camera down", "roll over", "bow",
)  # fmt: skip
SALAD = ("banana", "purple", "sky", "quantum", "jelly", "window", "sings", "tomorrow", "because",
         "elephant", "of", "the", "softly", "green", "ideas", "sleep", "furiously", "pancake",
         "river", "seven", "mirror", "cloud", "whisper", "orange", "dinosaur", "carpet", "jazz",
         "potato", "democracy", "spoon", "melody", "yesterday")  # fmt: skip
NONSENSE_PHRASES = (
    "asdf", "qwerty", "lorem ipsum dolor sit amet", "blorp", "zzzz", "?!?!", "...",
    "hmm hmm hmm", "bloop bleep", "fnord", "wibble wobble", "colorless green ideas sleep "
    "furiously", "the the the", "xyz", "aaaaa", "jkl;", "lalala", "banana phone",
    "purple monkey dishwasher", "12345", "!!!", "skibidi bop", "glorp the fizzwick",
    "flibber the jabberwock", "zxcvbnm", "blah blah blah", "meep", "gobbledygook",
)  # fmt: skip
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen")  # fmt: skip
ANGLE_WORDS = ("zero", "five", "ten", "fifteen", "twenty", "twenty-five", "thirty",
               "thirty-five", "forty", "forty-five", "fifty", "fifty-five", "sixty")  # fmt: skip

# Descriptions of the robot's error ("you drifted right", "a tad low", "you're short of it"):
# the motion asked for undoes the displacement described (see ``relative``).
DESCRIBE_PREFIXES = ("",) * 10 + (
    "hmm,", "no,", "ok,", "careful,", "uh,", "hey,", "robot,", "not quite,", "nope,", "oops,",
    "looks like", "I think", "no no,", "hmm, no,",
)  # fmt: skip
"""Lead-ins that keep a description a description (no "please"/"could you" frames)."""
DESCRIBE_SUFFIXES = ("",) * 10 + (
    ", fix it", ", fix that", ", correct it", ", adjust", ".", "!", " now", " still",
    ", can you fix that?",
)  # fmt: skip
DESCRIBE_MAGNITUDE = {
    "small": ("a bit", "a little", "slightly", "a tad", "a touch", "just a little", "a hair",
              "a little bit", "a tiny bit", "just slightly"),
    "normal": ("",),
    "large": ("way", "a lot", "much", "far", "quite a bit", "a good bit", "a long way"),
}  # fmt: skip
DESCRIBE_SUBJECTS = (
    "you're", "you are", "it's", "it is", "the gripper is", "the hand is", "the claw is",
    "you're still", "it's still", "now you're", "it looks", "it's sitting", "you seem",
    "the tool is", "we're", "the end effector is", "you've ended up",
)  # fmt: skip
DISPLACED = {
    "left": ("left", "to the left", "off to the left", "on the left side", "over to the left",
             "too far left", "too far to the left", "too much to the left", "left of the target",
             "to the left of the cube", "left of where it should be", "to the left of center",
             "left of it", "to the left of where it needs to be", "further left than needed"),
    "right": ("right of it", "to the right", "off to the right", "on the right side",
              "over to the right", "too far right", "too far to the right",
              "too much to the right",
              "right of the target", "to the right of the cube", "right of where it should be",
              "to the right of center", "to the right of the mark", "further right than needed"),
    "forward": ("too far forward", "too far out", "ahead of the target", "in front of it",
                "in front of the cube", "past the target", "too far ahead", "beyond the cube",
                "past it", "beyond where it should be", "ahead of where it should be",
                "too far from the base", "further out than it should be"),
    "backward": ("too far back", "behind the target", "behind it", "short of the target",
                 "short of it", "too close to the base", "too far back toward the base",
                 "behind where it should be", "short", "not far enough out"),
    "up": ("high", "too high", "above the target", "above where it should be", "up too high",
           "higher than it should be", "above it", "too far up"),
    "down": ("low", "too low", "below the target", "below where it should be", "under it",
             "lower than it should be", "too deep", "beneath it", "too far down", "down too low",
             "underneath the target"),
}  # fmt: skip
"""Where the gripper is, relative to the goal (``you're {mag} {place}``)."""
PAST_VERBS = {
    "side": ("drifted", "went", "moved", "slid", "shifted", "wandered", "crept", "veered",
             "strayed", "leaned", "swung", "ended up", "got"),
    "forward": ("went", "moved", "drifted", "pushed", "reached", "slid", "leaned", "ended up"),
    "backward": ("went", "moved", "drifted", "pulled", "slid", "leaned", "came"),
    "up": ("went", "moved", "drifted", "came", "rose", "climbed", "ended up"),
    "down": ("went", "moved", "drifted", "came", "dropped", "sank", "dipped", "ended up"),
}  # fmt: skip
PAST_WAYS = {
    "left": ("left", "to the left", "over to the left", "off to the left", "too far left"),
    "right": ("right", "to the right", "over to the right", "off to the right", "too far right"),
    "forward": ("forward", "out", "ahead", "too far forward", "out too far", "too far out"),
    "backward": ("back", "backward", "back too far", "too far back", "toward the base"),
    "up": ("up", "upward", "too high", "up too far", "too far up"),
    "down": ("down", "downward", "too low", "down too far", "too deep"),
}  # fmt: skip
PAST_TEMPLATES = (
    "you {verb} {mag} {way}", "you've {verb} {mag} {way}", "{verb} {mag} {way}",
    "you {verb} {way} {mag}", "looks like you {verb} {mag} {way}", "it {verb} {mag} {way}",
    "you {verb} {way} {mag} too much", "the gripper {verb} {mag} {way}",
    "you have {verb} {mag} {way}", "you {verb} {mag} too far {way}",
)  # fmt: skip
"""What the robot did (templates with "too" take only ways without it)."""
PAST_ACTIONS = {
    "backward": ("you pulled back {mag} too much", "you backed off {mag} too much",
                 "you retracted {mag} too far", "you backed up {mag} too far",
                 "you pulled it in {mag} too far", "you came back {mag} too far"),
    "forward": ("you reached out {mag} too far", "you pushed out {mag} too much",
                "you extended {mag} too far", "you're reaching out {mag} too much",
                "reaching out {mag} too much", "you stretched out {mag} too far"),
    "up": ("you lifted it {mag} too high", "you raised it {mag} too much",
           "you raised the gripper {mag} too far", "you lifted {mag} too much"),
    "down": ("you lowered it {mag} too much", "you dropped {mag} too far",
             "you lowered the gripper {mag} too far", "you dipped {mag} too deep"),
}  # fmt: skip
"""Motions that went too far ("you pulled back too much" -> forward)."""
SHORTFALLS = (
    "you're {mag} short", "you're {mag} short of it", "{mag} short of the target",
    "almost there, {mag} short", "you stopped {mag} short", "you came up {mag} short",
    "you fell {mag} short of the cube", "still {mag} short", "you're {mag} short of the block",
    "not quite there", "not far enough", "you didn't go far enough", "you're not there yet",
    "you undershot", "you undershot the target", "you haven't reached it yet", "nearly there",
    "not quite far enough", "still not far enough", "you're not quite at the target",
    "you're too far from the target", "you didn't reach it", "you almost reached it",
)  # fmt: skip
"""Not far enough along the approach: forward."""
OVERSHOOTS = (
    "you went {mag} past it", "you're {mag} past the target", "that's {mag} past the cube",
    "you're {mag} beyond it", "you overshot", "you overshot the target", "you overshot it {mag}",
    "you're reaching {mag} too far", "you went {mag} too far", "you've gone {mag} too far",
    "you overextended", "that's {mag} too far", "you're overshooting", "{mag} past the target",
    "you reached {mag} too far", "you're {mag} over the target, too far", "too far, you missed it",
    "you went beyond the target", "you've gone past the mark",
)  # fmt: skip
"""Beyond the goal along the approach: backward."""
GOAL_PLACES = {
    "left": ("the cube is {mag} to your left", "the target is {mag} left of you",
             "it's {mag} to your left", "the block is {mag} further left",
             "the target is {mag} more to the left", "the goal is {mag} on your left"),
    "right": ("the cube is {mag} to your right", "the target is {mag} right of you",
              "it's {mag} to your right", "the block is {mag} further right",
              "the target is {mag} more to the right", "the goal is {mag} on your right"),
    "forward": ("the target is {mag} further out", "the cube is {mag} ahead of you",
                "the target is {mag} in front of you", "the block is {mag} further forward"),
    "backward": ("the target is {mag} behind you", "the cube is {mag} closer to the base",
                 "the block is {mag} further back"),
    "up": ("the target is {mag} above you", "the cube is {mag} higher",
           "the goal is {mag} higher up"),
    "down": ("the target is {mag} below you", "the cube is {mag} lower",
             "the block is {mag} beneath you", "the goal is {mag} further down"),
}  # fmt: skip
"""Where the goal is, seen from the robot: the motion goes that way."""
ROTATED_STATE = (
    "the wrist is rotated {mag} too far {d}", "you're twisted {mag} {d}", "you turned {mag} {d}",
    "you've turned {mag} too far {d}", "you over-rotated {mag} {d}", "you spun {mag} too far {d}",
    "the gripper is turned {mag} too far {d}", "you twisted it {mag} too much {d}",
)  # fmt: skip
"""Rotation errors ("you turned a bit too far clockwise" -> counterclockwise)."""
