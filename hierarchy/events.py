"""Language events: one schema for the simulator and the robot, in JSON Lines and in MCAP.

A session is a sequence of JSON objects (one per line in a ``.jsonl`` file; one per message on
the ``language_events`` topic, which the recorder writes to MCAP):

* ``{"type": "session", "version": 2, "created": ..., "obs_names": [...], "tokens": [...]}``
* ``{"type": "decision", "episode", "t_s", "task", "obs": [...], "token"}``: the high level
  chose a motion (with ``"recalled": {"proposed", "memory", "distance"}`` when the correction
  memory replaced its choice ``proposed`` by the stored correction number ``memory``);
* ``{"type": "correction", "episode", "t_s", "task", "obs", "overridden", "text", "confidence",
  "reply": "accepted" | "refused" | "question", "motion" (the first), "motions": [...],
  "refusal": {"kind", "reason"} | null, "question": text | null, "options": [...], "message",
  "replaced"}``: a person said something; accepted motions replaced what ran (``replaced``: the
  high level's motion they displaced, ``overridden``: its token);
* ``{"type": "operator", "episode", "t_s", "task", "action": "pause" | "resume" | "estop" |
  "estop_reset", "accepted", "message"}``: the stop, pause, e-stop and resume of a session;
* ``{"type": "memory", "episode", "t_s", "task", "obs", "overridden", "motion", "source":
  "correction" | "loaded"}``: an entry of the correction memory (``hierarchy.memory``), stored
  after a correction or loaded from an earlier session at the start;
* ``{"type": "seen_offset", "episode", "t_s", "task", "object", "offset_m": [x, y], "samples",
  "source": "grasp" | "loaded"}``: the memory's estimate of how far an object is seen from where
  it is, updated when a person asks the gripper to close (``hierarchy.memory.SeenOffset``);
* ``{"type": "episode_end", "episode", "task", "success", "duration_s"}``.

``obs`` is what the high level saw when the event happened, so an accepted correction is
directly a training example (``correction_samples``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from skillbridge.contract.language import LanguageMotion
from skillbridge.hierarchy.errors import HierarchyError
from skillbridge.hierarchy.observation import OBS_DIM, OBS_NAMES
from skillbridge.hierarchy.vocabulary import TOKENS, token_name, token_of

EVENTS_VERSION = 2
Record = dict[str, Any]
Sink = Callable[[Record], None]


def session_header() -> Record:
    return {
        "type": "session",
        "version": EVENTS_VERSION,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "obs_names": list(OBS_NAMES),
        "tokens": [token_name(i) for i in range(len(TOKENS))],
    }


def _floats(obs: np.ndarray | None) -> list[float] | None:
    if obs is None:
        return None
    return [round(float(v), 6) for v in np.asarray(obs).reshape(-1)]


class EventRecorder:
    """Emits the events of one session to its sinks (a list, a JSONL file, a topic)."""

    def __init__(self, sinks: Sequence[Sink] = (), header: bool = True) -> None:
        """Args: ``header``: emit the session header (once per session: robots of one
        simulated batch share a session and only the first recorder writes it)."""
        self.sinks = list(sinks)
        self.episode = 0
        self.last_token: int | None = None
        if header:
            self.emit(session_header())

    def emit(self, record: Record) -> None:
        for sink in self.sinks:
            sink(record)

    def _base(self, kind: str, t_s: float, task: str) -> Record:
        return {"type": kind, "episode": self.episode, "t_s": round(t_s, 3), "task": task}

    def decision(
        self,
        t_s: float,
        task: str,
        obs: np.ndarray | None,
        motion: LanguageMotion,
        recalled: Record | None = None,
    ) -> None:
        """Args: ``recalled``: how the correction memory changed the choice, if it did."""
        self.last_token = token_of(motion)
        record = {**self._base("decision", t_s, task), "obs": _floats(obs)}
        record["token"] = self.last_token
        if recalled is not None:
            record["recalled"] = recalled
        self.emit(record)

    def memory(self, t_s: float, entry: Record, source: str) -> None:
        """A correction-memory entry (``MemoryEntry.to_record()``): stored or loaded."""
        self.emit({**self._base("memory", t_s, entry["task"]), **entry, "source": source})

    def seen_offset(self, t_s: float, task: str, offset: Record, source: str) -> None:
        """A learned seen-minus-real object offset (``SeenOffset.to_record()``)."""
        self.emit({**self._base("seen_offset", t_s, task), **offset, "source": source})

    def correction(self, t_s: float, task: str, obs: np.ndarray | None, reply: Reply) -> None:
        self.emit(
            {
                **self._base("correction", t_s, task),
                "obs": _floats(obs),
                "overridden": self.last_token,
                **reply.to_dict(),
            }
        )

    def operator(self, t_s: float, task: str, action: str, accepted: bool, message: str) -> None:
        record = {"action": action, "accepted": accepted, "message": message}
        self.emit({**self._base("operator", t_s, task), **record})

    def end_episode(self, task: str, success: bool | None, duration_s: float) -> None:
        self.emit(
            {
                "type": "episode_end",
                "episode": self.episode,
                "task": task,
                "success": success,
                "duration_s": round(duration_s, 3),
            }
        )
        self.episode += 1
        self.last_token = None


class JsonlSink:
    """Appends each record as one line and flushes it (a crash loses nothing written)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("a", encoding="utf-8")

    def __call__(self, record: Record) -> None:
        self._file.write(json.dumps(record) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


@dataclasses.dataclass(frozen=True)
class Reply:
    """The sequencer's answer to one correction (what the console shows is ``message``)."""

    text: str
    kind: str
    """``accepted``, ``refused`` or ``question``."""
    message: str
    motions: tuple[LanguageMotion, ...] = ()
    refusal: tuple[str, str] | None = None
    """(kind, reason) of a refusal."""
    question: str | None = None
    """What the robot asks back, e.g. ``left by 3 cm or by 8 cm?``."""
    options: tuple[dict[str, Any], ...] = ()
    """The readings an answer to the question can pick (their ``to_dict()``)."""
    confidence: float = 1.0
    replaced: LanguageMotion | None = None
    """The high level's motion an accepted correction replaced (running or held), if any."""

    @property
    def accepted(self) -> bool:
        return self.kind == "accepted"

    def to_dict(self) -> Record:
        refusal = (
            None
            if self.refusal is None
            else dict(zip(("kind", "reason"), self.refusal, strict=True))
        )
        return {
            "text": self.text,
            "confidence": round(self.confidence, 4),
            "reply": self.kind,
            "motion": self.motions[0].to_dict() if self.motions else None,
            "motions": [m.to_dict() for m in self.motions],
            "refusal": refusal,
            "question": self.question,
            "options": list(self.options),
            "message": self.message,
            "replaced": None if self.replaced is None else self.replaced.to_dict(),
        }


def write_events(events: Iterable[Record], path: str | Path) -> Path:
    """A session file of ``events`` (e.g. an in-memory recorder's list)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(e) + "\n" for e in events))
    return path


def read_events(path: str | Path) -> list[Record]:
    """Events of a session file (JSONL) or of an MCAP recording's ``language_events`` topic.

    Raises:
        HierarchyError: unreadable file, a malformed line (its number is named), wrong version.
    """
    path = Path(path)
    if not path.is_file():
        raise HierarchyError(f"session file {path} does not exist")
    if path.suffix == ".mcap":
        events = _read_mcap(path)
    else:
        events = []
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if not line.strip():
                continue
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise HierarchyError(
                    f"{path}:{number} is not JSON ({exc}); fix or drop that line"
                ) from exc
    _check_header(path, events)
    return events


def _check_header(path: Path, events: list[Record]) -> None:
    header = next((e for e in events if e.get("type") == "session"), None)
    if header is None or header.get("version") != EVENTS_VERSION:
        raise HierarchyError(
            f"{path} is not a version-{EVENTS_VERSION} language-event session (its first "
            "record must be the session header); record it again with this skillbridge"
        )
    if header.get("obs_names") != list(OBS_NAMES):
        raise HierarchyError(f"{path} was recorded with another observation layout; re-record it")


def _read_mcap(path: Path) -> list[Record]:
    from mcap.reader import make_reader
    from mcap_ros2.decoder import DecoderFactory

    with path.open("rb") as f:
        reader = make_reader(f, decoder_factories=[DecoderFactory()])
        events = [
            json.loads(msg.data)
            for _, channel, _, msg in reader.iter_decoded_messages()
            if channel.topic.endswith("language_events")
        ]
    if not events:
        raise HierarchyError(f"{path} has no 'language_events' messages; record that topic")
    return events


@dataclasses.dataclass(frozen=True)
class CorrectionSamples:
    """Training examples from accepted corrections: what the high level saw -> what to do."""

    tasks: list[str]
    obs: np.ndarray
    """(n, OBS_DIM) float32."""
    tokens: np.ndarray
    """(n,) the corrected motion's token (a compound's first motion)."""
    overridden: np.ndarray
    """(n,) the token the high level had chosen (-1 if unknown)."""


def correction_samples(events: Iterable[Record]) -> CorrectionSamples:
    tasks, obs, tokens, overridden = [], [], [], []
    for e in events:
        if e.get("type") != "correction" or not e.get("motions") or e.get("obs") is None:
            continue
        row = np.asarray(e["obs"], dtype=np.float32)
        if row.shape != (OBS_DIM,):
            raise HierarchyError(f"a correction's obs has {row.size} values, expected {OBS_DIM}")
        tasks.append(e["task"])
        obs.append(row)
        tokens.append(token_of(LanguageMotion.from_dict(e["motions"][0])))
        overridden.append(-1 if e.get("overridden") is None else int(e["overridden"]))
    return CorrectionSamples(
        tasks,
        np.array(obs, np.float32).reshape(-1, OBS_DIM),
        np.array(tokens, int),
        np.array(overridden, int),
    )
