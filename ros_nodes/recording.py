"""Session recordings as MCAP files in the ``ros2`` profile (no ROS install needed to read them).

Messages are stored exactly as they travelled (CDR bytes from a raw subscription) with
``ros2msg`` schemas built from the installed ``.msg`` files, as rosbag2 stores them, so any MCAP
tool and ``mcap_ros2.reader`` read them. Writes go into zstd chunks that are closed and flushed
every ``flush_period_s``: a recorder killed without warning leaves a file whose complete chunks
``read_recording`` (a streaming, non-strict reader) still returns; ``recover`` rewrites such a
file with a summary and index. No rclpy here.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from mcap.exceptions import McapError
from mcap.records import Channel, Message, Schema
from mcap.stream_reader import StreamReader
from mcap.writer import CompressionType, Writer
from mcap_ros2.decoder import DecoderFactory

from skillbridge.ros_nodes.errors import RosNodeError

PRIMITIVES = {
    "bool", "byte", "char", "float32", "float64", "int8", "uint8", "int16", "uint16", "int32",
    "uint32", "int64", "uint64", "string", "wstring",
}  # fmt: skip
SEPARATOR = "=" * 80
LIBRARY = "skillbridge recorder"


def _share_dirs() -> list[Path]:
    prefixes = [p for p in os.environ.get("AMENT_PREFIX_PATH", "").split(os.pathsep) if p]
    return [Path(p) / "share" for p in [*prefixes, sys.prefix]]


def msg_file(package: str, name: str) -> Path:
    """The installed ``.msg`` file of ``package/msg/name``.

    Raises:
        RosNodeError: no such file under ``$AMENT_PREFIX_PATH`` or this Python's prefix.
    """
    for share in _share_dirs():
        path = share / package / "msg" / f"{name}.msg"
        if path.is_file():
            return path
    raise RosNodeError(
        f"no definition of {package}/msg/{name} under {[str(s) for s in _share_dirs()]}; "
        f"install the message package (e.g. ros-kilted-{package.replace('_', '-')})"
    )


def _dependencies(package: str, text: str) -> list[tuple[str, str]]:
    """(package, name) of the non-primitive field types of a definition."""
    deps = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or "=" in line.split()[0] or len(line.split()) < 2:
            continue
        base = re.sub(r"\[.*\]$", "", line.split()[0])
        base = re.sub(r"<=\d+$", "", base)
        if base in PRIMITIVES:
            continue
        if "/" in base:
            parts = base.split("/")
            deps.append((parts[0], parts[-1]))
        elif base == "Header":
            deps.append(("std_msgs", "Header"))
        else:
            deps.append((package, base))
    return deps


def message_definition(type_name: str) -> str:
    """The ``ros2msg`` schema text of a type (``sensor_msgs/msg/JointState``): the type's own
    definition followed by every nested type, each after a separator and ``MSG: pkg/Name``."""
    package, _, name = type_name.split("/")
    main = msg_file(package, name).read_text()
    parts, seen = [main], {(package, name)}
    queue = _dependencies(package, main)
    while queue:
        dep = queue.pop(0)
        if dep in seen:
            continue
        seen.add(dep)
        text = msg_file(*dep).read_text()
        parts.append(f"{SEPARATOR}\nMSG: {dep[0]}/{dep[1]}\n{text}")
        queue += _dependencies(dep[0], text)
    return "\n".join(parts)


class McapRecorder:
    """Writes raw CDR messages of typed topics into one MCAP file."""

    def __init__(
        self, path: str | Path, chunk_size: int = 256 * 1024, flush_period_s: float = 1.0
    ) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file: IO[bytes] = self.path.open("wb")
        self._writer = Writer(self._file, chunk_size=chunk_size, compression=CompressionType.ZSTD)
        self._writer.start(profile="ros2", library=LIBRARY)
        self._channels: dict[str, int] = {}
        self._schemas: dict[str, int] = {}
        self.flush_period_s = flush_period_s
        self._last_flush = time.monotonic()
        self.counts: dict[str, int] = {}
        self.finished = False

    def add_topic(self, topic: str, type_name: str) -> None:
        """Register a channel (``type_name`` like ``sensor_msgs/msg/JointState``)."""
        if topic in self._channels:
            return
        if type_name not in self._schemas:
            definition = message_definition(type_name).encode()
            self._schemas[type_name] = self._writer.register_schema(
                type_name, "ros2msg", definition
            )
        self._channels[topic] = self._writer.register_channel(
            topic, "cdr", self._schemas[type_name], {"offered_qos_profiles": ""}
        )
        self.counts[topic] = 0

    def write(self, topic: str, cdr: bytes, log_time_ns: int | None = None) -> None:
        """Append one serialized message; flushes a chunk every ``flush_period_s``."""
        now = time.time_ns() if log_time_ns is None else log_time_ns
        count = self.counts[topic]
        self._writer.add_message(self._channels[topic], now, cdr, now, sequence=count)
        self.counts[topic] = count + 1
        self.maybe_flush()

    def maybe_flush(self) -> None:
        if time.monotonic() - self._last_flush >= self.flush_period_s:
            self.flush()

    def flush(self) -> None:
        """Close the open chunk and push it to the file (survives a SIGKILL from here on)."""
        if not self.finished:
            self._writer.flush()
            self._last_flush = time.monotonic()

    def finish(self) -> None:
        """Write the summary and index and close the file."""
        if not self.finished:
            self._writer.finish()
            self._file.close()
            self.finished = True


def read_recording(path: str | Path) -> Iterator[tuple[str, int, Any]]:
    """``(topic, log_time_ns, decoded message)`` of every complete record, in file order.

    Streams the file without needing its summary, so a recording whose writer was killed reads
    up to its last complete chunk (the truncated tail is skipped).
    """
    factory = DecoderFactory()
    schemas: dict[int, Schema] = {}
    channels: dict[int, Channel] = {}
    with Path(path).open("rb") as f:
        records = StreamReader(f, skip_magic=False).records
        try:
            for record in records:
                if isinstance(record, Schema):
                    schemas[record.id] = record
                elif isinstance(record, Channel):
                    channels[record.id] = record
                elif isinstance(record, Message):
                    channel = channels[record.channel_id]
                    decode = factory.decoder_for(
                        channel.message_encoding, schemas.get(channel.schema_id)
                    )
                    if decode is None:
                        continue
                    yield channel.topic, record.log_time, decode(record.data)
        except (McapError, EOFError, ValueError, KeyError):
            return  # truncated or damaged tail: everything before it was returned


def recover(path: str | Path, out: str | Path) -> int:
    """Rewrite a (possibly truncated) recording as a complete, indexed MCAP file.

    Returns:
        The number of messages recovered.
    """
    with Path(path).open("rb") as f:
        records = list(_complete_records(f))
    schemas = {r.id: r for r in records if isinstance(r, Schema)}
    channels = {r.id: r for r in records if isinstance(r, Channel)}
    with Path(out).open("wb") as f:
        writer = Writer(f, compression=CompressionType.ZSTD)
        writer.start(profile="ros2", library=LIBRARY)
        schema_ids = {
            k: writer.register_schema(s.name, s.encoding, s.data) for k, s in schemas.items()
        }
        channel_ids = {
            k: writer.register_channel(c.topic, c.message_encoding, schema_ids[c.schema_id])
            for k, c in channels.items()
        }
        count = 0
        for r in records:
            if isinstance(r, Message) and r.channel_id in channel_ids:
                writer.add_message(
                    channel_ids[r.channel_id], r.log_time, r.data, r.publish_time, r.sequence
                )
                count += 1
        writer.finish()
    return count


def _complete_records(f: IO[bytes]) -> Iterator[Any]:
    try:
        yield from StreamReader(f, skip_magic=False).records
    except (McapError, EOFError, ValueError):
        return
