"""The ``skillbridge`` command line: one entry point, a group per layer, imported lazily."""
