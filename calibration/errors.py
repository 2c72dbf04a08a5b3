"""The one exception base class of ``skillbridge.calibration``."""

from __future__ import annotations


class CalibrationError(Exception):
    """A calibration input or result was unusable; the message says what and what to do."""
