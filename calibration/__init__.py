"""skillbridge.calibration: system identification of the simulator from robot logs.

Recordings (ROS 2 MCAP bags, NPZ) -> aligned trajectories (``recording``), excitation
trajectories (``excitation``), the fit on top of ``mujoco.sysid`` (``fit``: ``fit_recording``,
``fit_trajectory``), the ModelOverrides YAML and report (``report``), synthetic logs with known
physics (``synthetic``), and the ``skillbridge calibrate`` commands (``cli``). Importing this
package imports nothing heavy; import the modules.
"""
