"""skillbridge.ros_nodes (see ARCHITECTURE.md)."""
