"""Tasks: commands, rewards, terminations and success tests as small pure functions."""
