"""Session recordings written for tests: language event records in an MCAP, as the recorder
writes them (std_msgs/String on /language_events, one JSON record per message)."""

from __future__ import annotations

import json
from pathlib import Path


def write_events_mcap(path: Path, records: list[dict]) -> Path:
    from mcap_ros2.writer import Writer

    with path.open("wb") as f:
        writer = Writer(f)
        schema = writer.register_msgdef("std_msgs/msg/String", "string data")
        for i, record in enumerate(records):
            writer.write_message("/language_events", schema, {"data": json.dumps(record)}, i, i)
        writer.finish()
    return path
