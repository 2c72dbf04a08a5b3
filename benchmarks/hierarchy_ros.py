"""The correction experiment's live corrections over ROS 2, one process per node (issue 17).

The sim robot node, the policy node and the skill manager run in separate processes, in the
setting of ``skillbridge hierarchy experiment``'s live-corrections condition: the high level's
cube estimate is 3 cm off (the skill manager's ``cube_bias_m``, a miscalibrated camera), the
simulated person sees the true scene, 50 s per episode, success = the cube rests on the pad and
the gripper has let go. Here the person is the project's ``SimulatedCorrector`` in this
process (``_ros_corrector.py``): it judges each decision the skill manager announces on
``language_events`` against the true scene it receives from the sim robot, and 0.3 s later
publishes its words on ``correction``; the skill manager parses them and overrides at once.

Baseline, in the same run: the in-process experiment (batched simulator, same seed, same
corrector seed) on ``--episodes`` episodes. Its episodes' layouts (cube position and heading,
pad position) are read from its recorded decisions and replayed over ROS through the sim
robot's parameters and ``reset_scene``, so the two conditions are paired episode by episode.
What still differs: the in-process episodes randomize the physics (cube size, friction, ...)
and start the arm at a random pose; the ROS sim robot is the nominal model and starts at home.

    nice -n 10 .venv/bin/python benchmarks/hierarchy_ros.py [--episodes 20] [--seed 1000]
        [--memory] [--quick] [--json benchmarks/results/hierarchy_ros.json]

``--memory``: both conditions keep the correction memory (``hierarchy.memory``) over the whole
run, one operator session: in process as ``hierarchy experiment --memory-only`` does, over ROS
through the skill manager's ``memory`` parameter.

Target: >= 85 % success over ROS. Exit status 1 when not met. ``--quick`` (2 episodes) takes
about two minutes on the shared 2-core machine: the graph's start and two episodes of up to 50 s.
"""

from __future__ import annotations

import dataclasses
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Result, parse_args, report
from _ros_corrector import Operator

from skillbridge.hierarchy.experiment import ExperimentConfig
from skillbridge.hierarchy.observation import OBS_NAMES
from skillbridge.hierarchy.rollout import RolloutConfig

ROOT = Path(__file__).resolve().parents[1]
LOW_LEVEL = ROOT / "models" / "motion.onnx"
HIGH_LEVEL = ROOT / "models" / "high_level.onnx"
EXPERIMENT = ExperimentConfig()
ROLLOUT = RolloutConfig()
TARGET = 0.85
COLUMN = {name: i for i, name in enumerate(OBS_NAMES)}


@dataclasses.dataclass(frozen=True)
class Layout:
    """Where one episode's objects start (base frame)."""

    cube_xy: tuple[float, float]
    cube_yaw_rad: float
    pad_xy: tuple[float, float]


def layout_of(obs: list[float], bias_m: tuple[float, float, float]) -> Layout:
    """The layout an episode's first decision saw, with the camera bias taken off. The cube's
    heading is seen modulo a quarter turn (sin/cos of 4 yaw); the task draws it within +-0.6 rad,
    inside the quarter turn's +-pi/4, so it comes back exactly."""
    c = COLUMN
    yaw = math.atan2(obs[c["cube_yaw4_sin"]], obs[c["cube_yaw4_cos"]]) / 4.0
    return Layout(
        (obs[c["cube_x"]] - bias_m[0], obs[c["cube_y"]] - bias_m[1]),
        yaw,
        (obs[c["pad_x"]], obs[c["pad_y"]]),
    )


def episodes_from_events(events: list[dict], bias_m: tuple[float, float, float]) -> list[dict]:
    """Per episode of an in-process session (by episode number): its layout (from the first
    decision), success, duration, high-level decisions and accepted corrections."""
    out: dict[int, dict] = {}
    for e in events:
        if "episode" not in e:
            continue
        row = out.setdefault(
            e["episode"], {"episode": e["episode"], "accepted": 0, "decisions": 0}
        )
        if e["type"] == "decision":
            row["decisions"] += 1
            row.setdefault("layout", layout_of(e["obs"], bias_m))
        elif e["type"] == "correction" and e["reply"] == "accepted":
            row["accepted"] += 1
        elif e["type"] == "episode_end":
            row["success"], row["duration_s"] = bool(e["success"]), float(e["duration_s"])
    return [out[k] for k in sorted(out) if "success" in out[k] and "layout" in out[k]]


def in_process(seed: int, episodes: int, memory: bool = False) -> tuple[list[dict], float]:
    """The experiment's live-corrections condition (same code path as ``skillbridge hierarchy
    experiment``), ``episodes`` episodes, with the correction memory kept over all of them if
    ``memory`` (one operator session): per-episode rows and the wall time."""
    from skillbridge.hierarchy.corrector import CorrectorConfig, SimulatedCorrector
    from skillbridge.hierarchy.experiment import make_parse, run
    from skillbridge.hierarchy.memory import CorrectionMemory, MemoryConfig
    from skillbridge.hierarchy.runtime import OnnxHighLevel, default_encoder
    from skillbridge.policies.evaluate import OnnxPolicy

    cfg = dataclasses.replace(EXPERIMENT, episodes=episodes, seed=seed)
    started = time.monotonic()
    high = OnnxHighLevel(str(HIGH_LEVEL), encode=default_encoder())
    events: list[dict] = []
    corrector = SimulatedCorrector(CorrectorConfig(seed=seed))
    kept = CorrectionMemory(MemoryConfig()) if memory else None
    run(cfg, high, OnnxPolicy(str(LOW_LEVEL)), seed, episodes, corrector=corrector,
        parse=make_parse(), events=events, memory=kept)  # fmt: skip
    return episodes_from_events(events, cfg.cube_bias_m), time.monotonic() - started


# --- over ROS 2 -------------------------------------------------------------------------------
def start_graph(logs: Path, memory: bool = False):
    """``skillbridge bringup sim`` without the recorder, one process per node, shifted; the
    skill manager keeps a correction memory for the whole run if ``memory``."""
    from skillbridge.ros_nodes.bringup import BringupConfig
    from skillbridge.ros_nodes.graph import NodeGraph

    bias = ", ".join(repr(float(v)) for v in EXPERIMENT.cube_bias_m)  # YAML doubles, not ints
    bringup = BringupConfig(
        mode="sim",
        policy_path=str(LOW_LEVEL),
        record=False,
        param=(
            "skill_manager.high_level=learned",
            f"skill_manager.high_level_path={HIGH_LEVEL}",
            f"skill_manager.cube_bias_m=[{bias}]",
            "skill_manager.corrections_path=''",
            f"skill_manager.memory={'true' if memory else 'false'}",
        ),
    )
    graph = NodeGraph()
    graph.start(bringup, logs)
    return graph


def wait_until(predicate, timeout_s: float, what: str, graph=None):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if graph is not None:
            graph.check_alive()
        value = predicate()
        if value is not None and value is not False:
            return value
        time.sleep(0.05)
    raise TimeoutError(f"timed out after {timeout_s:.0f} s waiting for {what}")


def placed(op: Operator) -> bool:
    """The in-process success test on what the operator sees (the scene's nominal cube)."""
    from skillbridge.hierarchy.tasks import task_kind, task_success
    from skillbridge.sim.scene import SceneConfig

    obs, poses, finger = op.snapshot()
    if obs is None or finger is None:
        return False
    cube, pad = poses["cube"].pos_m[None], poses["target_pad"].pos_m[None]
    half = np.array([SceneConfig().cube_half_size_m])
    tool = obs[None, :3]
    return bool(task_success(task_kind(EXPERIMENT.task), cube, pad, half, np.array([finger]),
                             tool)[0])  # fmt: skip


def place(op: Operator, graph, layout: Layout) -> np.ndarray:
    """Hold the high level, stop the policy node, put the scene at ``layout``, start the policy
    node again (it takes the arm from where it now is). Returns the cube position seen after."""
    op.trigger("pause")  # its stop reaches the still-active policy node
    time.sleep(0.3)
    op.lifecycle("policy_node", "deactivate")
    op.set_parameters("sim_robot", {"cube_xy": [float(v) for v in layout.cube_xy],
                                    "pad_xy": [float(v) for v in layout.pad_xy],
                                    "cube_yaw_rad": float(layout.cube_yaw_rad)})  # fmt: skip
    op.trigger("reset_scene")

    def arrived():
        _, poses, _ = op.snapshot()
        cube = poses.get("cube")
        near = cube is not None and np.linalg.norm(cube.pos_m[:2] - layout.cube_xy) < 0.005
        return cube.pos_m.copy() if near and cube is not None else None

    seen = wait_until(arrived, 10.0, "the cube at its new place", graph)
    time.sleep(0.3)  # the policy node's newest joint_states are the reset arm's
    op.lifecycle("policy_node", "activate")
    return seen


def ros_episode(op: Operator, graph, index: int, layout: Layout) -> dict:
    cube_seen = place(op, graph, layout)
    skipped_before = float(op.sim_diagnostics.get("skipped_s", 0.0))
    op.begin(EXPERIMENT.task)
    time.sleep(0.3)  # the task reaches the skill manager before it resumes
    op.trigger("resume")
    start = time.monotonic()
    success = False
    while time.monotonic() - start < ROLLOUT.max_episode_s:
        graph.check_alive()
        if placed(op):
            success = True
            break
        time.sleep(0.05)
    duration = time.monotonic() - start
    log = op.end()
    skipped = float(op.sim_diagnostics.get("skipped_s", 0.0)) - skipped_before
    return {"episode": index, **episode_counts(log), "success": success,
            "duration_s": round(duration, 2), "layout": dataclasses.asdict(layout),
            "cube_seen_xyz": _rounded(cube_seen), "final": final_scene(op),
            "sim_skipped_s": round(skipped, 3),
            "load_1min": round(os.getloadavg()[0], 2)}  # fmt: skip


def _rounded(values) -> list[float]:
    return [round(float(v), 4) for v in values]


def final_scene(op: Operator) -> dict:
    """Where things ended (to read a failure: never grasped, dropped, not released ...)."""
    obs, poses, finger = op.snapshot()
    return {
        "cube_xyz": _rounded(poses["cube"].pos_m),
        "pad_xy": _rounded(poses["target_pad"].pos_m[:2]),
        "tool_xyz": None if obs is None else _rounded(obs[:3]),
        "finger_m": None if finger is None else round(finger, 4),
    }


def episode_counts(log) -> dict:
    """Corrections sent and what became of them; reply latency (published -> feedback seen)."""
    replies = list(log.replies)
    latencies, unanswered = [], 0
    for sent_s, text in log.sent:
        match = next((i for i, (_, r) in enumerate(replies) if r.get("text") == text), None)
        if match is None:
            unanswered += 1
            continue
        latencies.append(replies.pop(match)[0] - sent_s)
    kinds = [r.get("reply") for _, r in log.replies]
    return {
        "decisions": log.decisions,
        "objections": log.objections,
        "corrections_sent": len(log.sent),
        "accepted": kinds.count("accepted"),
        "refused": kinds.count("refused"),
        "questions": kinds.count("question"),
        "unanswered": unanswered,
        "reply_latency_ms": [round(1e3 * v, 1) for v in latencies],
        "motions": log.motions,
    }


def over_ros(
    layouts: list[Layout], seed: int, memory: bool = False
) -> tuple[list[dict], float, str, str]:
    """Every layout as one episode over ROS 2; rows, wall time, the node logs' folder and why
    the run stopped early ('' when it did not: a node died, a service did not answer)."""
    from skillbridge.hierarchy.corrector import CorrectorConfig, SimulatedCorrector
    from skillbridge.ros_nodes.demo import ros_environment
    from skillbridge.ros_nodes.errors import RosNodeError

    env = ros_environment()
    os.environ.update({k: env[k] for k in ("ROS_DOMAIN_ID", "ROS_AUTOMATIC_DISCOVERY_RANGE")})
    logs = Path(tempfile.mkdtemp(prefix="hierarchy_ros_"))
    started = time.monotonic()
    graph = start_graph(logs, memory)
    op = Operator(str(HIGH_LEVEL), SimulatedCorrector(CorrectorConfig(seed=seed)),
                  ROLLOUT.reaction_s)  # fmt: skip
    rows: list[dict] = []
    aborted = ""
    try:
        print(f"starting sim robot, policy node and skill manager (logs in {logs}/)", flush=True)
        wait_until(lambda: op.policy_lifecycle == "active" and op.snapshot()[0] is not None,
                   180.0, "the policy node active and the scene seen", graph)  # fmt: skip
        for i, layout in enumerate(layouts):
            rows.append(ros_episode(op, graph, i, layout))
            r = rows[-1]
            print(f"ROS episode {i + 1}/{len(layouts)}: {'success' if r['success'] else 'FAIL'} "
                  f"in {r['duration_s']:.1f} s, {r['corrections_sent']} corrections sent, "
                  f"{r['accepted']} accepted, {r['unanswered']} unanswered, "
                  f"load {r['load_1min']}", flush=True)  # fmt: skip
    except (RosNodeError, RuntimeError, TimeoutError) as exc:
        aborted = f"stopped before episode {len(rows) + 1}: {exc}"
        print(f"ROS run {aborted} (node logs in {logs}/)", file=sys.stderr, flush=True)
    finally:
        op.close()
        graph.stop(("skill_manager", "policy_node", "sim_robot"))
    return rows, time.monotonic() - started, str(logs), aborted


# --- report -------------------------------------------------------------------------------------
def summary(rows: list[dict]) -> dict:
    out = {
        "episodes": len(rows),
        "success_rate": float(np.mean([r["success"] for r in rows])),
        "mean_duration_s": float(np.mean([r["duration_s"] for r in rows])),
        "accepted_corrections_per_episode": float(np.mean([r["accepted"] for r in rows])),
        "decisions_per_episode": float(np.mean([r["decisions"] for r in rows])),
        "seconds_per_decision": float(
            sum(r["duration_s"] for r in rows) / max(1, sum(r["decisions"] for r in rows))
        ),
    }
    if rows and "corrections_sent" in rows[0]:
        latency = [v for r in rows for v in r["reply_latency_ms"]]
        out |= {
            "corrections_sent": int(sum(r["corrections_sent"] for r in rows)),
            "unanswered": int(sum(r["unanswered"] for r in rows)),
            "refused": int(sum(r["refused"] for r in rows)),
            "questions": int(sum(r["questions"] for r in rows)),
            "reply_latency_ms_p50": float(np.percentile(latency, 50)) if latency else None,
            "reply_latency_ms_p99": float(np.percentile(latency, 99)) if latency else None,
            "sim_skipped_s": float(sum(r["sim_skipped_s"] for r in rows)),
        }
    return out


def plot(ros: list[dict], base: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.8))
    rates = [100 * summary(base)["success_rate"], 100 * summary(ros)["success_rate"]]
    left.bar([0, 1], rates, color=["tab:gray", "tab:green"])
    left.axhline(100 * TARGET, color="tab:red", ls="--", label="target 85 %")
    left.set_xticks([0, 1], ["in-process", "over ROS 2"])
    left.set_ylabel("success rate (%)")
    left.set_ylim(0, 105)
    left.legend(loc="lower right")
    x = np.arange(len(ros))
    for rows, offset, name in ((base, -0.2, "in-process"), (ros, 0.2, "over ROS 2")):
        ok = np.array([r["success"] for r in rows])
        d = np.array([r["duration_s"] for r in rows])
        bars = right.bar(x + offset, d, 0.4, label=name)
        for bar, good in zip(bars, ok, strict=True):
            bar.set_hatch("" if good else "//")
    right.axhline(ROLLOUT.max_episode_s, color="k", lw=0.8)
    right.set_xticks(x, [str(i + 1) for i in x])
    right.set_xlabel("episode (same layout in both; hatched: failed)")
    right.set_ylabel("duration (s)")
    right.legend(loc="lower right", fontsize=8)
    fig.suptitle("Live corrections on the shifted task: in-process vs over ROS 2")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def git_commit() -> dict:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                              check=False).stdout.strip()  # fmt: skip

    return {"commit": git("rev-parse", "HEAD"), "dirty": git("status", "--porcelain", "-uno")}


def main() -> int:
    def add(parser) -> None:
        parser.add_argument("--episodes", type=int, default=20, help="episodes per condition")
        parser.add_argument("--seed", type=int, default=EXPERIMENT.seed,
                            help="the experiment's seed (episodes and corrector)")  # fmt: skip
        parser.add_argument("--memory", action="store_true",
                            help="both conditions keep the correction memory over the run "
                                 "(skill manager memory:=true; one operator session)")  # fmt: skip

    args = parse_args(__doc__.splitlines()[0], add)
    episodes = 2 if args.quick else args.episodes
    if episodes < 1:
        print(f"--episodes {episodes}: give at least 1", file=sys.stderr)
        return 2
    for path in (LOW_LEVEL, HIGH_LEVEL):
        if not path.is_file():
            print(f"{path} is missing: train and export it first (see README)", file=sys.stderr)
            return 2
    load_before = os.getloadavg()
    print(f"in-process live corrections, {episodes} episodes, seed {args.seed} ...", flush=True)
    base, base_wall = in_process(args.seed, episodes, args.memory)
    print(f"in-process: {sum(r['success'] for r in base)}/{len(base)} in {base_wall:.0f} s",
          flush=True)  # fmt: skip
    ros, ros_wall, logs, aborted = over_ros([r["layout"] for r in base], args.seed, args.memory)
    if not ros:
        print(f"no episode ran over ROS: {aborted}", file=sys.stderr)
        return 1
    base = base[: len(ros)]  # paired episodes only
    for r in base:
        r["layout"] = dataclasses.asdict(r["layout"])
    s_ros, s_base = summary(ros), summary(base)
    ratio = s_ros["success_rate"] / s_base["success_rate"] if s_base["success_rate"] else 0.0
    result = Result("ros2 live-corrections success (target >= 85 %)",
                    100 * s_ros["success_rate"], "%", "in-process, same layouts+seed",
                    100 * s_base["success_rate"], ratio, 100 * TARGET,
                    s_ros["success_rate"] >= TARGET and not aborted)  # fmt: skip
    both = [(a["success"], b["success"]) for a, b in zip(base, ros, strict=True)]
    extra = {
        "config": {"episodes": episodes, "seed": args.seed, "task": EXPERIMENT.task,
                   "cube_bias_m": list(EXPERIMENT.cube_bias_m),
                   "max_episode_s": ROLLOUT.max_episode_s, "reaction_s": ROLLOUT.reaction_s,
                   "quick": args.quick, "memory": args.memory},
        "git": git_commit(),
        "load_avg_before": [round(v, 2) for v in load_before],
        "load_avg_after": [round(v, 2) for v in os.getloadavg()],
        "wall_s": {"in_process": round(base_wall, 1), "ros": round(ros_wall, 1)},
        "node_logs": logs,
        "aborted": aborted,
        "over_ros": s_ros,
        "in_process": s_base,
        "paired": {"both": both.count((True, True)), "ros_only": both.count((False, True)),
                   "in_process_only": both.count((True, False)),
                   "neither": both.count((False, False))},
        "episodes_ros": ros,
        "episodes_in_process": base,
    }  # fmt: skip
    print(f"\nover ROS 2: {s_ros}\nin-process: {s_base}\npaired: {extra['paired']}")
    code = report("hierarchy_ros", [result], args.json, extra)
    if args.json is not None:
        plot(ros, base, args.json.with_suffix(".png"))
        print(f"wrote {args.json.with_suffix('.png')}")
    return code


if __name__ == "__main__":
    sys.exit(main())
