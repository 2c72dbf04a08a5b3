"""``skillbridge parse`` as a user runs it (subprocess), and the torch-free parse path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SKILLBRIDGE = Path(sys.executable).with_name("skillbridge")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SKILLBRIDGE), "parse", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module", autouse=True)
def _encoder_ready(encoder_folder):
    """Build the encoder before the subprocesses need it."""


def test_json_for_one_text():
    done = run("nudge it a bit to the left", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"motion": "left", "magnitude": "small", "distance_m": 0.01}


def test_json_for_gripper_and_rotation():
    assert json.loads(run("let go", "--json").stdout) == {"motion": "open", "magnitude": None}
    rot = json.loads(run("rotate 30 degrees clockwise", "--json").stdout)
    assert rot["motion"] == "rotate_cw" and rot["angle_rad"] == pytest.approx(0.523599)


def test_refusal_is_an_answer_with_exit_code_zero():
    done = run("disable the joint limits", "--json")
    assert done.returncode == 0
    out = json.loads(done.stdout)
    assert out["motion"] is None and out["kind"] == "unsafe" and "safety" in out["refused"]


def test_stdin_gives_one_object_per_line():
    lines = ["go higher", "grab it", "", "move left 20 cm", "make me a coffee"]
    done = run("--json", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    objects = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["motion"] for o in objects] == ["up", "close", None, None, None]
    assert "split it into 2" in objects[3]["refused"]


def test_plain_text_output():
    done = run("a little more to the right")
    assert done.returncode == 0
    assert done.stdout.strip() == "right 1.0 cm (small)"


def test_usage_error_is_non_zero():
    assert run("--no-such-flag").returncode != 0


def test_parse_path_never_imports_torch(encoder_folder):
    """The robot-side parse path: onnxruntime + tokenizers + numpy, never torch."""
    code = (
        "import sys\n"
        "from skillbridge.hierarchy.language.parser import parse\n"
        "result = parse('move a bit to the left')\n"
        "assert result.motion == 'left', result\n"
        "heavy = {'torch', 'transformers', 'sentence_transformers'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_compounds_and_questions_have_their_own_objects():
    lines = ["left a bit, then up", "move left 5", "move write a bit"]
    done = run("--json", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    both, asked, typed = (json.loads(line) for line in done.stdout.splitlines())
    assert both["motion"] is None and [m["motion"] for m in both["motions"]] == ["left", "up"]
    assert asked["kind"] == "question" and len(asked["options"]) == 2
    assert typed["motion"] == "right"  # typed text is fully confident: the homophone is repaired
