"""SCHED_FIFO for a control process (``realtime_priority``): real scheduler calls, each in a
process of its own so the test process keeps its scheduling."""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
import textwrap

import pytest
from ros_helpers import change_state, wait_for

from skillbridge.ros_nodes.errors import RosNodeError
from skillbridge.ros_nodes.realtime import check_priority, thread_policies

MODULE = "skillbridge.ros_nodes.policy_node"
PRIORITY = 10


def _fifo_allowed() -> bool:
    """Tried, not inferred (root in a container may lack CAP_SYS_NICE): this thread goes under
    SCHED_FIFO and straight back."""
    try:
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(PRIORITY))
    except PermissionError:
        return False
    os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(0))
    return True


needs_fifo = pytest.mark.skipif(
    not _fifo_allowed(),
    reason="SCHED_FIFO is not permitted here (needs CAP_SYS_NICE or an rtprio limit >= 10)",
)


def _thread_policies(pid: int) -> set[tuple[int, int]]:
    return set(thread_policies(pid).values())


@pytest.mark.parametrize("priority", [-1, 100])
def test_priority_out_of_range_is_refused_with_the_valid_range(priority):
    with pytest.raises(RosNodeError, match=r"0 \(the default scheduler\) or 1\.\.99"):
        check_priority(priority)


SCRIPT = textwrap.dedent(
    """
    import os, threading
    from skillbridge.ros_nodes.realtime import set_process_priority, thread_policies

    started = threading.Event()
    threading.Thread(target=lambda: (started.set(), threading.Event().wait(5)), daemon=True).start()
    started.wait()
    changed = set_process_priority({priority})
    later = []
    t = threading.Thread(target=lambda: later.append(os.sched_getscheduler(0)))
    t.start(); t.join()
    fifo = set(thread_policies().values()) == {{(os.SCHED_FIFO, {priority})}}
    set_process_priority(0)
    other = set(thread_policies().values()) == {{(os.SCHED_OTHER, 0)}}
    print(changed, fifo, later == [os.SCHED_FIFO], other)
    """
)


@needs_fifo
def test_every_thread_is_raised_new_threads_inherit_and_zero_restores():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(priority=PRIORITY)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "True", "True", "True"]


def _without_realtime_permission() -> None:
    """In the child before exec: no rtprio limit, and (for root) no CAP_SYS_NICE after exec."""
    resource.setrlimit(resource.RLIMIT_RTPRIO, (0, 0))
    if os.geteuid() == 0:
        pr_capbset_drop, cap_sys_nice = 24, 23  # linux/prctl.h, linux/capability.h
        if ctypes.CDLL(None, use_errno=True).prctl(pr_capbset_drop, cap_sys_nice, 0, 0, 0):
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP, CAP_SYS_NICE)")


def test_a_process_without_permission_gets_an_error_that_says_what_to_do():
    script = "from skillbridge.ros_nodes.realtime import set_process_priority\n"
    script += f"set_process_priority({PRIORITY})"
    try:
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            preexec_fn=_without_realtime_permission,
        )
    except subprocess.SubprocessError as exc:  # root without CAP_SETPCAP cannot drop it
        pytest.skip(f"cannot start a process without realtime permission here: {exc}")
    assert done.returncode != 0
    assert "RosNodeError: SCHED_FIFO priority 10 was refused" in done.stderr
    assert "rtprio" in done.stderr and "realtime_priority to 0" in done.stderr


@needs_fifo
def test_policy_node_raises_its_process_at_configure_and_restores_at_cleanup(
    start_node, probe, linear_policy
):
    from diagnostic_msgs.msg import DiagnosticArray

    params = {
        "policy_path": str(linear_policy),
        "realtime_priority": PRIORITY,
        "diagnostics_period_s": 0.1,
    }
    node = start_node(MODULE, "rt_policy", params)
    bad = start_node(MODULE, "bad_rt_policy", {**params, "realtime_priority": 120})
    diagnostics = probe.collect(DiagnosticArray, "/diagnostics")
    pid = node.proc.pid
    wait_for(lambda: len(os.listdir(f"/proc/{pid}/task")) > 1, 20, "the node's threads")
    assert _thread_policies(pid) == {(os.SCHED_OTHER, 0)}
    assert change_state(probe, "rt_policy", "configure")
    assert _thread_policies(pid) == {(os.SCHED_FIFO, PRIORITY)}

    def reported():
        for _, array in list(diagnostics):
            status = array.status[0]
            if status.name.endswith("/rt_policy"):
                return {v.key: v.value for v in status.values}.get("realtime_priority")
        return None

    assert wait_for(reported, 5, "rt_policy's diagnostics") == str(PRIORITY)
    assert change_state(probe, "rt_policy", "cleanup")
    assert _thread_policies(pid) == {(os.SCHED_OTHER, 0)}
    assert not change_state(probe, "bad_rt_policy", "configure")
    assert "realtime_priority must be 0" in wait_for(bad.log, 5, "bad_rt_policy's log")
    assert _thread_policies(bad.proc.pid) == {(os.SCHED_OTHER, 0)}
