"""Real-time scheduling for a control process: every thread under ``SCHED_FIFO``.

A ROS 2 node's callbacks run on its executor thread, but a reading reaches that thread through
the DDS middleware's receive threads and a command leaves through them too, so the whole
process is raised, not one thread (ros2_control's controller manager does the same for its
update loop at priority 50). Threads created later inherit the policy of the thread that
creates them.
"""

from __future__ import annotations

import os

from skillbridge.ros_nodes.errors import RosNodeError

MAX_PRIORITY = 99
_HAS_SCHEDULER = hasattr(os, "sched_setscheduler")  # Linux; not macOS
HOW_TO_ALLOW = (
    "run as root, or give the user an rtprio limit (/etc/security/limits.conf: "
    "'<user> - rtprio 98', then log in again), or set realtime_priority to 0"
)


def _thread_ids(pid: int | str = "self") -> list[int]:
    return [int(tid) for tid in os.listdir(f"/proc/{pid}/task")]


def check_priority(priority: int) -> None:
    """Raises RosNodeError for a priority outside 0 (off) .. 99."""
    if not 0 <= priority <= MAX_PRIORITY:
        raise RosNodeError(
            f"realtime_priority must be 0 (the default scheduler) or 1..{MAX_PRIORITY} "
            f"(SCHED_FIFO), got {priority}"
        )


def set_process_priority(priority: int) -> int:
    """Put every thread of this process under ``SCHED_FIFO`` at ``priority`` (0: back to the
    default scheduler). Returns how many threads were changed.

    Raises:
        RosNodeError: the priority is out of range, the platform has no SCHED_FIFO, or the
            process may not use it (what to do is in the message).
    """
    check_priority(priority)
    if not _HAS_SCHEDULER or not os.path.isdir("/proc/self/task"):
        raise RosNodeError("realtime_priority needs Linux (SCHED_FIFO); set it to 0")
    policy = os.SCHED_FIFO if priority > 0 else os.SCHED_OTHER
    changed = 0
    for tid in _thread_ids():
        try:
            os.sched_setscheduler(tid, policy, os.sched_param(priority))
        except ProcessLookupError:  # the thread ended meanwhile
            continue
        except PermissionError as exc:
            raise RosNodeError(
                f"SCHED_FIFO priority {priority} was refused ({exc.strerror}): {HOW_TO_ALLOW}"
            ) from exc
        changed += 1
    return changed


def thread_policies(pid: int | str = "self") -> dict[int, tuple[int, int]]:
    """Each thread's (scheduling policy, priority) of process ``pid`` (this one by default), by
    thread id."""
    out = {}
    for tid in _thread_ids(pid):
        try:
            out[tid] = (os.sched_getscheduler(tid), os.sched_getparam(tid).sched_priority)
        except ProcessLookupError:
            continue
    return out
