"""Where the time of the ``ros_loop`` benchmark goes: the same processes, with the node under test
timestamping the stages of each tick (not a benchmark: no target, not run by ``make bench``).

* ``latency``: a reading's way from the publisher's stamp to the subscriber, for the bare relay
  and the policy node on ``trigger: joint_states``: ``wake`` (stamp -> the node's callback
  starts), ``convert`` (message -> RobotState, bookkeeping), ``step`` (observation, onnxruntime,
  action mapping), ``safety`` (safety layer, command message), ``publish`` (rclpy publish call),
  ``deliver`` (publish returned -> the subscriber's callback), ``total``.
* ``period``: tick period error (|interval - period|) of the bare timer and the policy node on
  its timer, seen at three places: the callback starts, its publish returns, the subscriber's
  callback runs (what ``ros_loop`` reports).

The stages are wall-clock (latency) or monotonic (period) stamps taken in the subject process by
wrapping its callbacks; the wrapping costs a few µs per tick.

    python benchmarks/tools/ros_loop_breakdown.py latency [--seconds 10] [--rounds 3]
    python benchmarks/tools/ros_loop_breakdown.py period  [--seconds 10] [--rounds 3]
    python benchmarks/tools/ros_loop_breakdown.py latency --realtime 50   # as ros_loop --realtime
"""

from __future__ import annotations

import argparse
import atexit
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import ros_loop  # the benchmark's roles and helpers

RATE_HZ = 100.0
STAGES = ("entry", "step0", "step1", "pub0", "pub1")


# --- instrumented subjects (each runs in its own process) ----------------------------------------
def _save_on_exit(rows: list, out: Path) -> None:
    columns = 1 + len(STAGES)  # the reading's stamp, then the stages
    atexit.register(lambda: np.save(out, np.array(rows, dtype=np.int64).reshape(-1, columns)))


def _stamp_ns(msg) -> int:
    return msg.header.stamp.sec * 1_000_000_000 + msg.header.stamp.nanosec


def subject_policy(mode: str, out: Path, ros_args: list[str]) -> None:
    """The policy node with its tick's stages stamped: one row per tick, (reading stamp, *STAGES)
    in wall ns (latency) or monotonic ns (period)."""
    from skillbridge.ros_nodes import policy_node

    clock = time.time_ns if mode == "latency" else time.monotonic_ns
    rows: list[tuple[int, ...]] = []
    marks: dict[str, int] = {}
    _save_on_exit(rows, out)
    node_cls, runtime_cls = policy_node.PolicyNode, policy_node.PolicyRuntime
    entry_name = "_on_joint_states" if mode == "latency" else "tick"
    entry, step, publish = (
        getattr(node_cls, entry_name),
        runtime_cls.step,
        node_cls._publish_targets,
    )

    def stamped(self, *args) -> None:
        marks.clear()
        marks["entry"] = clock()
        entry(self, *args)
        if "pub1" in marks and self._state_msg is not None:
            rows.append((_stamp_ns(self._state_msg), *(marks.get(s, 0) for s in STAGES)))

    def stamped_reading(self, msg) -> None:
        stamped(self, msg)

    def stamped_tick(self) -> None:  # no argument: rclpy passes timer info to one that takes it
        stamped(self)

    def stamped_step(self, state):
        marks["step0"] = clock()
        try:
            return step(self, state)
        finally:
            marks["step1"] = clock()

    def stamped_publish(self, *args):
        marks["pub0"] = clock()
        publish(self, *args)
        marks["pub1"] = clock()

    setattr(node_cls, entry_name, stamped_reading if mode == "latency" else stamped_tick)
    runtime_cls.step = stamped_step
    node_cls._publish_targets = stamped_publish
    policy_node.main(ros_args)


def subject_bare(mode: str, out: Path, seconds: float) -> None:
    """The bare relay (latency) or bare timer (period), stamped like the policy node."""
    from rclpy.node import Node
    from sensor_msgs.msg import JointState

    rows: list[tuple[int, ...]] = []
    _save_on_exit(rows, out)

    def make():
        node = Node("bench_bare")
        pub = node.create_publisher(JointState, "joint_commands", 10)

        def relay(msg) -> None:
            t0 = time.time_ns()
            pub.publish(msg)
            rows.append((_stamp_ns(msg), t0, t0, t0, t0, time.time_ns()))

        def timer() -> None:
            t0 = time.monotonic_ns()
            msg = ros_loop._joint_state(time.time_ns())
            t1 = time.monotonic_ns()
            pub.publish(msg)
            rows.append((0, t0, t0, t0, t1, time.monotonic_ns()))

        if mode == "latency":
            node.create_subscription(JointState, "joint_states", relay, 10)
        else:
            node.create_timer(1.0 / RATE_HZ, timer)
        return node

    ros_loop._spin_role(make, seconds)


# --- orchestration -------------------------------------------------------------------------------
def run(
    kind: str,
    mode: str,
    seconds: float,
    folder: Path,
    policy: Path,
    unverified: bool,
    params=(),
    realtime: int = 0,
):
    """One case (``ros_loop.run_case``): the subject's stage rows and the subscriber's rows
    after the warm-up. ``realtime``: every process's SCHED_FIFO priority (0: off)."""
    stages = folder / f"stages_{time.monotonic_ns()}.npy"
    me = [sys.executable, __file__, "--subject", kind, "--mode", mode, "--out", str(stages)]
    if kind == "policy":
        trigger = "joint_states" if mode == "latency" else "timer"
        argv = ros_loop._policy_argv(policy, unverified, RATE_HZ, trigger, realtime)
        argv += [x for p in params for x in ("-p", p)]
        subject = [*me, "--", *argv[argv.index("--ros-args") :]]
    else:
        subject = [*me, "--seconds", str(ros_loop.WARMUP_S + seconds + 3)]
        subject += ["--realtime", str(realtime)]
    arrivals = ros_loop.run_case(subject, RATE_HZ, seconds, folder, realtime)
    if not stages.is_file():
        tail = (folder / "subject.log").read_text()[-2000:]
        raise RuntimeError(f"the {kind} case wrote no stages; its log ends:\n{tail}")
    return np.load(stages), arrivals


def latency_stages(rows: np.ndarray, sub: np.ndarray) -> dict[str, np.ndarray]:
    """Per reading, ms. Rows and arrivals are joined on the reading's stamp (the subscriber
    keeps it as float64; both sides round it the same way)."""
    arrival = {float(stamp): float(wall) for _, wall, stamp in sub}
    joined = [(*r, arrival[float(r[0])]) for r in rows if float(r[0]) in arrival]
    a = np.array(joined, dtype=np.float64)
    stamp, entry, step0, step1, pub0, pub1, arrived = a.T

    def ms(x: np.ndarray) -> np.ndarray:
        return x * 1e-6

    return {
        "wake": ms(entry - stamp),
        "convert": ms(step0 - entry),
        "step": ms(step1 - step0),
        "safety": ms(pub0 - step1),
        "publish": ms(pub1 - pub0),
        "deliver": ms(arrived - pub1),
        "total": ms(arrived - stamp),
    }


def period_stages(rows: np.ndarray, sub: np.ndarray) -> dict[str, np.ndarray]:
    """Period error at the callback's start, after its publish, at the subscriber, ms."""
    period = 1.0 / RATE_HZ
    t = rows.astype(np.float64) * 1e-9
    t = t[(t[:, 1] >= sub[0, 0]) & (t[:, 1] <= sub[-1, 0])]

    def err(x: np.ndarray) -> np.ndarray:
        return np.abs(np.diff(x) - period) * 1e3

    return {"callback": err(t[:, 1]), "published": err(t[:, 5]), "arrived": err(sub[:, 0])}


def main() -> int:
    if "--subject" in sys.argv:
        split = sys.argv.index("--") if "--" in sys.argv else len(sys.argv)
        p = argparse.ArgumentParser()
        p.add_argument("--subject", choices=("policy", "bare"))
        p.add_argument("--mode", choices=("latency", "period"))
        p.add_argument("--out", type=Path)
        p.add_argument("--seconds", type=float, default=10.0)
        p.add_argument("--realtime", type=int, default=0)
        a = p.parse_args(sys.argv[1:split])
        ros_loop.raise_priority(a.realtime)
        if a.subject == "policy":
            subject_policy(a.mode, a.out, sys.argv[split + 1 :])
        else:
            subject_bare(a.mode, a.out, a.seconds)
        return 0
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mode", choices=("latency", "period"), help="which ros_loop case to break down")
    p.add_argument("--seconds", type=float, default=10.0, help="per case and round")
    p.add_argument("--rounds", type=int, default=3, help="alternating rounds of bare, policy")
    p.add_argument(
        "--param", action="append", default=[], metavar="NAME:=VALUE",
        help="extra policy_node parameter, e.g. prewarm_s:=0.0 (repeatable)",
    )  # fmt: skip
    p.add_argument(
        "--realtime", type=int, default=0, metavar="PRIORITY",
        help="every process under SCHED_FIFO at this priority, as ros_loop --realtime",
    )  # fmt: skip
    args = p.parse_args()
    stages = latency_stages if args.mode == "latency" else period_stages
    pooled: dict[str, dict[str, list[np.ndarray]]] = {"bare": {}, "policy": {}}
    with tempfile.TemporaryDirectory() as tmp:
        policy, unverified = ros_loop._policy_file(Path(tmp))
        for _ in range(args.rounds):
            for kind, series in pooled.items():
                case = run(
                    kind,
                    args.mode,
                    args.seconds,
                    Path(tmp),
                    policy,
                    unverified,
                    args.param,
                    args.realtime,
                )
                for name, x in stages(*case).items():
                    series.setdefault(name, []).append(x)
    bare = "bare relay" if args.mode == "latency" else "bare timer"
    print(f"\n{args.mode} at {RATE_HZ:.0f} Hz, {args.rounds} x {args.seconds:.0f} s per case (ms)")
    print(f"{'stage':10s} {bare + ' p50':>16s} {'p99':>8s} {'policy p50':>12s} {'p99':>8s}")
    for name in pooled["policy"]:
        b, q = (np.concatenate(pooled[k][name]) for k in ("bare", "policy"))
        bp, qp = np.percentile(b, [50, 99]), np.percentile(q, [50, 99])
        print(f"{name:10s} {bp[0]:16.3f} {bp[1]:8.3f} {qp[0]:12.3f} {qp[1]:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
