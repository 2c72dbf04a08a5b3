"""skillbridge.policies (see ARCHITECTURE.md)."""
