"""The one exception base class of ``skillbridge.contract``."""

from __future__ import annotations


class ContractError(ValueError):
    """The policy contract was violated; the message names what and says what to do."""
