"""skillbridge.calibration (see ARCHITECTURE.md)."""
