"""Language-event datasets: decisions and corrections recorded with their context.

A session is a JSON Lines file (the field's convention of episodes with a column of language
events, here one event per line):

* ``{"type": "session", "version": 1, "created": ..., "obs_names": [...], "tokens": [...]}``
* ``{"type": "decision", "episode": 3, "t_s": 4.2, "task": ..., "obs": [...], "token": 5}``:
  the high level chose a motion;
* ``{"type": "correction", "episode": 3, "t_s": 4.5, "task": ..., "obs": [...],
  "overridden": 5, "text": "a bit more to the left", "parsed": {...} | null,
  "refused": null | "reason"}``: a human said something; if accepted it replaced the motion;
* ``{"type": "episode_end", "episode": 3, "task": ..., "success": true, "duration_s": 21.3}``.

``obs`` is what the high level saw when the event happened (for corrections: the scene as the
high level saw it at that moment), so a correction is directly a training example. The ROS skill
manager publishes the same objects (``language_events`` topic) and the recorder stores them in
MCAP; ``read_events`` reads either form.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from skillbridge.contract.language import LanguageMotion
from skillbridge.policies.errors import PolicyError
from skillbridge.policies.hierarchy.observation import OBS_DIM, OBS_NAMES
from skillbridge.policies.hierarchy.vocabulary import TOKENS, token_name, token_of

DATASET_VERSION = 1


def session_header() -> dict[str, Any]:
    return {
        "type": "session",
        "version": DATASET_VERSION,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "obs_names": list(OBS_NAMES),
        "tokens": [token_name(i) for i in range(len(TOKENS))],
    }


def decision_record(
    episode: int, t_s: float, task: str, obs: np.ndarray, token: int
) -> dict[str, Any]:
    return {
        "type": "decision",
        "episode": episode,
        "t_s": round(t_s, 3),
        "task": task,
        "obs": _floats(obs),
        "token": token,
    }


def correction_record(
    episode: int,
    t_s: float,
    task: str,
    obs: np.ndarray | None,
    text: str,
    parsed: LanguageMotion | str,
    overridden: int | None,
) -> dict[str, Any]:
    accepted = isinstance(parsed, LanguageMotion)
    return {
        "type": "correction",
        "episode": episode,
        "t_s": round(t_s, 3),
        "task": task,
        "obs": None if obs is None else _floats(obs),
        "overridden": overridden,
        "text": text,
        "parsed": parsed.to_dict() if accepted else None,
        "refused": None if accepted else parsed,
    }


def episode_end_record(
    episode: int, task: str, success: bool | None, duration_s: float
) -> dict[str, Any]:
    return {
        "type": "episode_end",
        "episode": episode,
        "task": task,
        "success": success,
        "duration_s": round(duration_s, 3),
    }


class EventLog:
    """Collects events in memory; ``write`` saves them as a session file."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = [session_header()]
        self._last_token: dict[int, int] = {}

    def decision(self, episode: int, t_s: float, task: str, obs: np.ndarray, token: int) -> None:
        self._last_token[episode] = token
        self.events.append(decision_record(episode, t_s, task, obs, token))

    def correction(
        self,
        episode: int,
        t_s: float,
        task: str,
        obs: np.ndarray,
        text: str,
        parsed: LanguageMotion | str,
    ) -> None:
        self.events.append(
            correction_record(episode, t_s, task, obs, text, parsed, self._last_token.get(episode))
        )

    def episode_end(self, episode: int, task: str, success: bool, duration_s: float) -> None:
        self.events.append(episode_end_record(episode, task, success, duration_s))

    def write(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(e) + "\n" for e in self.events))
        return path


def _floats(obs: np.ndarray) -> list[float]:
    return [round(float(v), 6) for v in np.asarray(obs).reshape(-1)]


def read_events(path: str | Path) -> list[dict[str, Any]]:
    """Events of a session file (JSONL) or of an MCAP recording's ``language_events`` topic.

    Raises:
        PolicyError: unreadable file, a malformed line (its number is named), wrong version.
    """
    path = Path(path)
    if not path.is_file():
        raise PolicyError(f"session file {path} does not exist")
    if path.suffix == ".mcap":
        return _read_mcap(path)
    events = []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise PolicyError(
                f"{path}:{number} is not JSON ({exc}); fix or drop that line"
            ) from exc
    _check_header(path, events)
    return events


def _check_header(path: Path, events: list[dict[str, Any]]) -> None:
    header = next((e for e in events if e.get("type") == "session"), None)
    if header is None or header.get("version") != DATASET_VERSION:
        raise PolicyError(
            f"{path} is not a version-{DATASET_VERSION} language-event session (its first line "
            "must be the session header)"
        )
    if header.get("obs_names") != list(OBS_NAMES):
        raise PolicyError(f"{path} was recorded with another observation layout; re-record it")


def _read_mcap(path: Path) -> list[dict[str, Any]]:
    from mcap_ros2.reader import read_ros2_messages

    events = []
    for msg in read_ros2_messages(str(path), topics=None):
        if msg.channel.topic.endswith("language_events"):
            events.append(json.loads(msg.ros_msg.data))
    if not events:
        raise PolicyError(f"{path} has no 'language_events' messages; record that topic")
    _check_header(path, events)
    return events


@dataclasses.dataclass(frozen=True)
class CorrectionSamples:
    """Training examples from accepted corrections: what the high level saw -> what to do."""

    tasks: list[str]
    obs: np.ndarray
    """(n, OBS_DIM) float32."""
    tokens: np.ndarray
    """(n,) the corrected motion's token."""
    overridden: np.ndarray
    """(n,) the token the high level had chosen (-1 if unknown)."""


def correction_samples(events: Iterable[dict[str, Any]]) -> CorrectionSamples:
    tasks, obs, tokens, overridden = [], [], [], []
    for e in events:
        if e.get("type") != "correction" or e.get("parsed") is None or e.get("obs") is None:
            continue
        row = np.asarray(e["obs"], dtype=np.float32)
        if row.shape != (OBS_DIM,):
            raise PolicyError(f"a correction's obs has {row.size} values, expected {OBS_DIM}")
        tasks.append(e["task"])
        obs.append(row)
        tokens.append(token_of(LanguageMotion.from_dict(e["parsed"])))
        overridden.append(-1 if e.get("overridden") is None else int(e["overridden"]))
    return CorrectionSamples(
        tasks,
        np.array(obs, np.float32).reshape(-1, OBS_DIM),
        np.array(tokens, int),
        np.array(overridden, int),
    )
