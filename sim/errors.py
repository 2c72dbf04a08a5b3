"""The one exception base class of ``skillbridge.sim``."""

from __future__ import annotations


class SimError(Exception):
    """A simulation input was wrong; the message says what and what to do."""


class OverridesError(SimError):
    """A ModelOverrides file or object is invalid; the message names the field."""


class AssetError(SimError):
    """A robot asset that should ship with an installed package is missing."""
