"""The skill hierarchy: high-level policy, hierarchical controller, corrections."""
