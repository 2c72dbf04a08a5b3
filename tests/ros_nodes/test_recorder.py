"""The recorder in its own process: a finalized file on shutdown, a readable one when killed."""

from __future__ import annotations

import signal
import time

from ros_helpers import wait_for

from skillbridge.ros_nodes.recording import read_recording, recover


def _publishers(probe):
    from sensor_msgs.msg import JointState
    from std_msgs.msg import String

    return probe.publisher(JointState, "joint_states"), probe.publisher(String, "task")


def _matched(publishers) -> None:
    """Wait until DDS has matched the recorder's subscriptions to the probe's publishers (a
    fixed 0.3 s was too short on a loaded machine: none of the messages was recorded)."""
    wait_for(lambda: all(p.get_subscription_count() > 0 for p in publishers), 20, "matching")
    time.sleep(0.1)  # matched on the publisher's side; the subscriber's side follows


def _publish(publishers, seconds: float) -> int:
    from sensor_msgs.msg import JointState
    from std_msgs.msg import String

    states, task = publishers
    sent, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        states.publish(JointState(name=["panda_joint1"], position=[float(sent)]))
        sent += 1
        time.sleep(0.01)
    task.publish(String(data="stack the cube"))
    return sent


def test_a_killed_recording_keeps_its_flushed_messages(start_node, probe, tmp_path):
    path = tmp_path / "killed.mcap"
    recorder = start_node(
        "skillbridge.ros_nodes.recorder_node",
        "recorder",
        {"path": str(path), "flush_period_s": 0.2, "topics": ["joint_states", "task"]},
    )
    publishers = _publishers(probe)
    wait_for(lambda: "recording /task" in recorder.log(), 20, "the recorder to subscribe")
    _matched(publishers)
    sent = _publish(publishers, 1.5)
    time.sleep(0.6)  # > flush period: everything above is on disk
    recorder.stop(signal.SIGKILL)
    positions = [m.position[0] for t, _, m in read_recording(path) if t == "/joint_states"]
    assert len(positions) >= 0.8 * sent, f"{len(positions)} of {sent} messages survived"
    assert positions == sorted(positions)  # in order, no duplicates
    count = recover(path, tmp_path / "recovered.mcap")
    from mcap.reader import make_reader
    from mcap_ros2.decoder import DecoderFactory

    with (tmp_path / "recovered.mcap").open("rb") as f:
        reader = make_reader(f, decoder_factories=[DecoderFactory()])
        assert len(list(reader.iter_decoded_messages())) == count


def test_shutdown_finalizes_a_standard_mcap(start_node, probe, tmp_path):
    from mcap.reader import make_reader

    path = tmp_path / "clean.mcap"
    recorder = start_node(
        "skillbridge.ros_nodes.recorder_node",
        "recorder",
        {"path": str(path), "topics": ["joint_states", "task"]},
    )
    publishers = _publishers(probe)
    wait_for(lambda: "recording /task" in recorder.log(), 20, "the recorder to subscribe")
    _matched(publishers)
    sent = _publish(publishers, 0.5)
    time.sleep(0.3)
    assert recorder.stop(signal.SIGINT) == 0
    with path.open("rb") as f:
        summary = make_reader(f).get_summary()
    assert summary is not None and summary.statistics.message_count >= sent
    schemas = {s.name for s in summary.schemas.values()}
    assert schemas == {"sensor_msgs/msg/JointState", "std_msgs/msg/String"}


def test_the_graphs_own_topics_are_recorded_from_the_publishers_first_message(
    start_node, probe, tmp_path
):
    """The recorder subscribes to the skillbridge topics before anyone publishes them, so a node
    that starts later loses nothing to the recorder's discovery poll (here 30 s: never)."""
    from std_msgs.msg import String

    path = tmp_path / "early.mcap"
    recorder = start_node(
        "skillbridge.ros_nodes.recorder_node",
        "recorder",
        {"path": str(path), "discovery_period_s": 30.0, "topics": ["skill_status", "correction"]},
    )
    wait_for(lambda: "recording /skill_status" in recorder.log(), 20, "the recorder to start")
    status = probe.publisher(String, "skill_status")
    wait_for(lambda: status.get_subscription_count() >= 1, 10, "the recorder to match")
    status.publish(String(data='{"first": true}'))
    # delivered (reliable QoS: the recorder acknowledged it), not a fixed wait under load
    from rclpy.duration import Duration

    assert status.wait_for_all_acked(Duration(seconds=10))
    time.sleep(0.3)  # the recorder writes what it received
    assert recorder.stop(signal.SIGINT) == 0
    recorded = [(t, m) for t, _, m in read_recording(path)]
    assert [(t, m.data) for t, m in recorded] == [("/skill_status", '{"first": true}')]


def test_a_known_topic_published_with_another_type_is_reported(start_node, probe, tmp_path):
    from sensor_msgs.msg import JointState

    recorder = start_node(
        "skillbridge.ros_nodes.recorder_node",
        "recorder",
        {"path": str(tmp_path / "wrong.mcap"), "discovery_period_s": 0.2, "topics": ["task"]},
    )
    wait_for(lambda: "recording /task" in recorder.log(), 20, "the recorder to start")
    probe.publisher(JointState, "task")
    wait_for(
        lambda: (
            "not recording /task: it is published as ['sensor_msgs/msg/JointState']"
            in recorder.log()
        ),
        10,
        "the type mismatch to be reported",
    )
    assert recorder.stop(signal.SIGINT) == 0
