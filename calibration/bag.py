"""ROS 2 MCAP bags of ``sensor_msgs/msg/JointState`` (no ROS install: ``mcap_ros2``).

The message definition travels in the bag (MCAP ``ros2msg`` schema); ``JOINT_STATE_MSGDEF`` is the
one place the text of ``sensor_msgs/msg/JointState`` (with ``std_msgs/Header`` and
``builtin_interfaces/Time``) is written down.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from mcap.exceptions import McapError
from mcap.reader import make_reader
from mcap_ros2.decoder import DecoderFactory
from mcap_ros2.writer import Writer

from skillbridge.calibration.errors import CalibrationError
from skillbridge.calibration.samples import JointSamples, RawRecording

JOINT_STATE_TYPE = "sensor_msgs/msg/JointState"
JOINT_STATE_MSGDEF = """\
# This is a message that holds data to describe the state of a set of torque controlled joints.
std_msgs/Header header

string[] name
float64[] position
float64[] velocity
float64[] effort

================================================================================
MSG: std_msgs/Header
# Standard metadata for higher-level stamped data types.
builtin_interfaces/Time stamp
string frame_id

================================================================================
MSG: builtin_interfaces/Time
# This message communicates ROS Time defined here:
# https://design.ros2.org/articles/clock_and_time.html
int32 sec
uint32 nanosec
"""


def bag_topics(path: str | Path) -> dict[str, str]:
    """Topic name -> message type of every channel in an MCAP file."""
    try:
        with open(path, "rb") as stream:
            summary = make_reader(stream).get_summary()
    except (OSError, McapError) as exc:
        raise CalibrationError(f"cannot read MCAP file {path}: {exc}") from exc
    if summary is None:
        raise CalibrationError(f"{path} has no MCAP summary; re-index it with `mcap recover`")
    schemas = summary.schemas
    return {
        ch.topic: schemas[ch.schema_id].name if ch.schema_id in schemas else "?"
        for ch in summary.channels.values()
    }


def resolve_topic(topics: dict[str, str], wanted: str, path: str | Path) -> str:
    """The bag topic named ``wanted``: exact match first, else the one topic ending in it.

    ``wanted`` may carry a namespace (``/panda/joint_states``) or be a bare suffix
    (``joint_states``); a leading slash is optional.

    Raises:
        CalibrationError: no topic, or several topics, match; the message lists the bag's topics.
    """
    bare = wanted.strip("/")
    exact = [t for t in topics if t.strip("/") == bare]
    matches = exact or [t for t in topics if t.strip("/").endswith("/" + bare)]
    listing = ", ".join(f"{t} ({ty})" for t, ty in sorted(topics.items())) or "none"
    if not matches:
        raise CalibrationError(
            f"{path} has no topic {wanted!r}; its topics are: {listing}. "
            "Record it, or name the right topic (--states-topic / --commands-topic)"
        )
    if len(matches) > 1:
        raise CalibrationError(
            f"{path}: topic {wanted!r} is ambiguous, it matches {sorted(matches)}; "
            "give the full name (--states-topic / --commands-topic)"
        )
    if topics[matches[0]] != JOINT_STATE_TYPE:
        raise CalibrationError(
            f"{path}: topic {matches[0]} carries {topics[matches[0]]}, expected {JOINT_STATE_TYPE}"
        )
    return matches[0]


def _read_topic(
    path: Path, topic: str, time_source: str
) -> tuple[list[int], list[tuple[list[str], list[float], list[float]]]]:
    """Stamps (integer ns) and (names, positions, velocities) of every message of a topic."""
    rows: list[tuple[list[str], list[float], list[float]]] = []
    header_ns: list[int] = []
    log_ns: list[int] = []
    with path.open("rb") as f:
        reader = make_reader(f, decoder_factories=[DecoderFactory()])
        for _, _, record, msg in reader.iter_decoded_messages(topics=[topic]):
            rows.append((list(msg.name), list(msg.position), list(msg.velocity)))
            stamp = msg.header.stamp
            header_ns.append(int(stamp.sec) * 1_000_000_000 + int(stamp.nanosec))
            log_ns.append(int(record.log_time))
    if not rows:
        raise CalibrationError(f"{path}: topic {topic} has no messages; record the log again")
    use_header = time_source == "header" or (
        time_source == "auto" and any(s != 0 for s in header_ns)
    )
    return (header_ns if use_header else log_ns), rows


def _stack(
    rows: list[tuple[list[str], list[float], list[float]]], times: np.ndarray, where: str
) -> JointSamples:
    """Messages -> (N, J) arrays; a joint absent from a message is NaN there (caught later)."""
    names: list[str] = []
    for row_names, _, _ in rows:
        names.extend(n for n in row_names if n not in names)
    column = {n: i for i, n in enumerate(names)}
    pos = np.full((len(rows), len(names)), np.nan)
    has_vel = all(len(v) == len(n) and len(n) > 0 for n, _, v in rows)
    vel = np.full((len(rows), len(names) if has_vel else 0), np.nan)
    for k, (row_names, row_pos, row_vel) in enumerate(rows):
        if len(row_pos) != len(row_names):
            raise CalibrationError(
                f"{where}: message {k} has {len(row_names)} names but {len(row_pos)} positions; "
                "every JointState must give one position per name"
            )
        idx = [column[n] for n in row_names]
        pos[k, idx] = row_pos
        if has_vel:
            vel[k, idx] = row_vel
    return JointSamples(times, tuple(names), pos, vel)


def read_bag(
    path: str | Path,
    states_topic: str = "joint_states",
    commands_topic: str = "joint_commands",
    time_source: str = "auto",
) -> RawRecording:
    """Read the joint states and joint commands of a ROS 2 MCAP bag.

    Args:
        path: the ``.mcap`` file.
        states_topic: topic (or suffix) of the measured ``JointState`` stream.
        commands_topic: topic (or suffix) of the commanded ``JointState`` stream.
        time_source: ``header`` (message stamps), ``log`` (recorder receive time), or ``auto``
            (header stamps unless they are all zero).

    Raises:
        CalibrationError: unreadable file, missing or ambiguous topic, malformed messages.
    """
    path = Path(path)
    if time_source not in ("auto", "header", "log"):
        raise CalibrationError(f"time_source must be auto, header or log, got {time_source!r}")
    topics = bag_topics(path)
    names = tuple(resolve_topic(topics, t, path) for t in (states_topic, commands_topic))
    (state_ns, state_rows), (command_ns, command_rows) = (
        _read_topic(path, name, time_source) for name in names
    )
    origin = min(state_ns[0], command_ns[0])  # exact integer arithmetic before going to float

    def seconds(ns: list[int]) -> np.ndarray:
        return np.array([n - origin for n in ns], dtype=float) * 1e-9

    states = _stack(state_rows, seconds(state_ns), f"{path}:{names[0]}")
    commands = _stack(command_rows, seconds(command_ns), f"{path}:{names[1]}")
    return RawRecording(states, commands, str(path), file_sha256(path))


def file_sha256(path: str | Path) -> str:
    """Hex sha256 of a file's bytes (the recording's identity in provenance)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _messages(samples: JointSamples, origin_ns: int) -> Iterator[tuple[int, dict]]:
    for k, t in enumerate(samples.times_s):
        ns = origin_ns + int(round(t * 1e9))
        message = {
            "header": {
                "stamp": {"sec": ns // 1_000_000_000, "nanosec": ns % 1_000_000_000},
                "frame_id": "",
            },
            "name": list(samples.names),
            "position": [float(v) for v in samples.position[k]],
            "velocity": [float(v) for v in samples.velocity[k]] if samples.has_velocity else [],
            "effort": [],
        }
        yield ns, message


def write_bag(
    recording: RawRecording,
    path: str | Path,
    states_topic: str = "/joint_states",
    commands_topic: str = "/joint_commands",
    origin_ns: int = 1_700_000_000_000_000_000,
) -> None:
    """Write a recording as a ROS 2 MCAP bag (CDR-encoded ``sensor_msgs/msg/JointState``).

    Messages are written in time order across both topics; header stamps and log times are
    ``origin_ns`` (epoch nanoseconds) plus the recording's times.
    """
    if min(recording.states.times_s.min(), recording.commands.times_s.min()) < 0:
        raise CalibrationError("recording times must be >= 0 (relative to origin_ns)")
    pairs = ((recording.states, states_topic), (recording.commands, commands_topic))
    streams = [
        (ns, topic, msg) for samples, topic in pairs for ns, msg in _messages(samples, origin_ns)
    ]
    streams.sort(key=lambda item: item[0])
    with open(path, "wb") as stream:
        writer = Writer(stream)
        schema = writer.register_msgdef(JOINT_STATE_TYPE, JOINT_STATE_MSGDEF)
        for seq, (ns, topic, msg) in enumerate(streams):
            writer.write_message(topic, schema, msg, log_time=ns, publish_time=ns, sequence=seq)
        writer.finish()


__all__ = [
    "JOINT_STATE_MSGDEF",
    "JOINT_STATE_TYPE",
    "bag_topics",
    "file_sha256",
    "read_bag",
    "resolve_topic",
    "write_bag",
]
