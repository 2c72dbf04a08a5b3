"""The one exception base class of ``skillbridge.ros_nodes``."""

from __future__ import annotations


class RosNodeError(Exception):
    """A node's parameters, inputs or transitions were wrong; the message says what and what to
    do."""
