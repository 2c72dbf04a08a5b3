"""Checkpoints: state dicts and plain metadata only, loaded with ``weights_only=True``.

Loading never unpickles arbitrary objects: configs travel as JSON strings, the contract as its
flat string metadata.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import torch

from skillbridge.policies.errors import PolicyError


@dataclasses.dataclass
class Checkpoint:
    actor: dict
    critic: dict
    optimizer: dict
    iteration: int
    env_steps: int
    learning_rate: float
    config_json: str
    spec_metadata: dict[str, str]
    seed: int
    overrides_hash: str
    wall_time_s: float
    symmetric: bool

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        torch.save(dataclasses.asdict(self), tmp)
        tmp.replace(path)  # atomic: a crash never leaves a half-written checkpoint


def find_checkpoint(path: str | Path) -> Path:
    """A checkpoint file, or the latest one in a run folder."""
    p = Path(path)
    if p.is_file():
        return p
    candidate = p / "checkpoints" / "latest.pt"
    if candidate.is_file():
        return candidate
    raise PolicyError(
        f"no checkpoint at {p} (looked for the file itself and {candidate}); pass a run folder "
        "made by `skillbridge train` or a .pt file"
    )


def load_checkpoint(path: str | Path) -> Checkpoint:
    file = find_checkpoint(path)
    try:
        data = torch.load(file, map_location="cpu", weights_only=True)
    except Exception as exc:
        raise PolicyError(f"cannot load checkpoint {file}: {exc}") from exc
    fields = {f.name for f in dataclasses.fields(Checkpoint)}
    missing = sorted(fields - set(data))
    if missing:
        raise PolicyError(
            f"checkpoint {file} lacks fields {missing}; it was not written by skillbridge train"
        )
    return Checkpoint(**{k: data[k] for k in fields})
