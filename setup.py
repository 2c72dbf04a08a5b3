"""ament_python setup for skillbridge.

Each top-level folder is a Python package installed under the ``skillbridge`` namespace
(``sim/`` is imported as ``skillbridge.sim``), so nothing generic lands in site-packages.
Dependencies are pinned in requirements.txt (the one place); see the Makefile.
"""

from __future__ import annotations

from glob import glob

from setuptools import setup

PACKAGE = "skillbridge"
LAYERS = ["contract", "sim", "policies", "hierarchy", "calibration", "ros_nodes", "cli"]


def _subpackages(layer: str) -> list[str]:
    """Dotted names of a layer folder and its sub-folders that hold an __init__.py."""
    return [
        path[: -len("/__init__.py")].replace("/", ".")
        for path in sorted(glob(f"{layer}/**/__init__.py", recursive=True))
    ]


# ``skillbridge`` itself is an implicit namespace package: only its layers have folders.
packages: list[str] = []
package_dir: dict[str, str] = {}
for layer in LAYERS:
    for sub in _subpackages(layer):
        packages.append(f"{PACKAGE}.{sub}")
        package_dir[f"{PACKAGE}.{sub}"] = sub.replace(".", "/")

setup(
    name=PACKAGE,
    version="0.1.0",
    packages=packages,
    package_dir=package_dir,
    package_data={
        f"{PACKAGE}.hierarchy.language": ["*.npz"],
        f"{PACKAGE}.hierarchy": ["*.json"],
    },
    data_files=[
        ("share/ament_index/resource_index/packages", [f"resource/{PACKAGE}"]),
        (f"share/{PACKAGE}", ["package.xml"]),
        (f"share/{PACKAGE}/launch", glob("launch/*.launch.py")),
        (f"share/{PACKAGE}/config", glob("config/*.yaml")),
    ],
    install_requires=["setuptools"],
    zip_safe=True,
    maintainer="skillbridge team",
    maintainer_email="team@skillbridge.dev",
    description="Sim-to-real control stack: RL skills, language hierarchy, ONNX, ROS 2.",
    license="Apache-2.0",
    python_requires=">=3.11",
    entry_points={
        "console_scripts": [
            "skillbridge = skillbridge.cli.main:main",
            "policy_node = skillbridge.ros_nodes.policy_node:main",
            "skill_manager_node = skillbridge.ros_nodes.skill_manager_node:main",
            "sim_robot_node = skillbridge.ros_nodes.sim_robot_node:main",
            "recorder_node = skillbridge.ros_nodes.recorder_node:main",
            "excitation_node = skillbridge.ros_nodes.excitation_node:main",
            "voice_node = skillbridge.ros_nodes.voice_node:main",
        ],
    },
)
