"""Layering: the import contracts of pyproject.toml hold, and light packages stay light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_contract_import_pulls_no_heavy_package():
    code = (
        "import sys, skillbridge.contract;"
        "heavy = {'mujoco', 'torch', 'rclpy', 'onnxruntime'} & set(sys.modules);"
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_type_checker_sees_every_layer():
    """setup.py's layers, the Makefile's link tree for mypy and mypy's packages agree: a new
    layer that one of them misses would go unchecked."""
    import ast
    import re
    import tomllib

    setup = ast.parse((ROOT / "setup.py").read_text())
    layers = next(
        ast.literal_eval(node.value)
        for node in setup.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "LAYERS"
    )
    makefile = re.search(r"^LAYERS := (.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert makefile is not None and makefile.group(1).split() == layers
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    assert mypy["packages"] == [f"skillbridge.{layer}" for layer in layers]
