"""Speech parts on real audio: offline TTS, noise, silero VAD, whisper (tiny.en) and the pipeline."""

from __future__ import annotations

import numpy as np
import pytest
from speech_helpers import LEFT, silence

from skillbridge.hierarchy.errors import SpeechError
from skillbridge.hierarchy.speech.audio import SAMPLE_RATE_HZ, mix_at_snr, read_wav, rms
from skillbridge.hierarchy.speech.noise import make_noise
from skillbridge.hierarchy.speech.pipeline import VoicePipeline
from skillbridge.hierarchy.speech.segment import VadConfig, segments_of
from skillbridge.hierarchy.speech.stt import SttConfig, Transcriber
from skillbridge.hierarchy.speech.tts import Utterance, synthesize


@pytest.fixture(scope="module")
def tiny() -> Transcriber:
    return Transcriber(SttConfig("tiny.en"))


def test_piper_voice_is_deterministic_and_rate_shortens_it():
    a = synthesize(LEFT, Utterance("joe", 1.0))
    assert np.array_equal(a, synthesize(LEFT, Utterance("joe", 1.0)))
    fast = synthesize(LEFT, Utterance("joe", 1.3))
    assert 0.6 < fast.size / a.size < 0.9  # 1.3x faster speech: about 1/1.3 the samples
    assert 0.85 < float(np.max(np.abs(a))) <= 0.9


def test_espeak_voices_speak_and_bad_voices_are_named():
    for voice in ("espeak-f", "espeak-m"):
        audio = synthesize("move left", Utterance(voice, 1.0))
        assert 0.3 < audio.size / SAMPLE_RATE_HZ < 3.0
    with pytest.raises(SpeechError, match="valid voices"):
        synthesize("left", Utterance("nobody"))


def test_noise_is_seeded_and_mixed_at_the_asked_snr():
    for kind in ("fan", "workshop"):
        a, b = make_noise(kind, 16000, seed=3), make_noise(kind, 16000, seed=3)
        assert np.array_equal(a, b) and rms(a) == pytest.approx(0.1, rel=0.01)
    speech = synthesize(LEFT)
    noise = make_noise("fan", speech.size, seed=1)
    mixed = mix_at_snr(speech, noise, 10.0)
    snr = 20 * np.log10(rms(speech) / rms(mixed - speech))
    assert snr == pytest.approx(10.0, abs=0.3)


def test_vad_cuts_two_utterances_where_they_are(two_utterances):
    audio, spans = two_utterances
    noisy = mix_at_snr(audio, make_noise("fan", audio.size, seed=2), 20.0)
    found = list(segments_of(noisy))
    assert len(found) == 2
    for seg, (start, end) in zip(found, spans, strict=True):
        assert start - 0.1 <= seg.start_s <= end and start <= seg.end_s <= end + 0.15
        assert seg.detected_s - seg.end_s == pytest.approx(0.3, abs=0.04)  # end_silence_ms


def test_vad_ignores_noise_without_speech():
    noise = make_noise("workshop", 3 * SAMPLE_RATE_HZ, seed=5)
    assert list(segments_of(np.concatenate([noise, silence(1.0)]), VadConfig())) == []


def test_whisper_tiny_hears_a_correction_in_fan_noise(tiny):
    speech = synthesize(LEFT)
    heard = tiny.transcribe(mix_at_snr(speech, make_noise("fan", speech.size, 4), 15.0))
    assert "left" in heard.text.lower()
    assert 0.5 < heard.confidence <= 1.0
    assert tiny.transcribe(silence(1.0)).confidence < 0.5


def test_pipeline_transcribes_each_utterance_of_a_wav_file(two_utterances_wav):
    spoken = VoicePipeline(SttConfig("tiny.en")).wav(two_utterances_wav)
    assert [s.transcript.text.lower().strip(".!") for s in spoken][1].endswith("stop")
    assert "left" in spoken[0].transcript.text.lower()
    heard = spoken[0].heard()
    assert heard.source == "voice" and heard.confidence == pytest.approx(
        spoken[0].transcript.confidence, abs=1e-4
    )
    assert read_wav(two_utterances_wav).size > 4 * SAMPLE_RATE_HZ


def test_unknown_model_is_named():
    with pytest.raises(SpeechError, match="valid models"):
        Transcriber(SttConfig("large-v9"))


@pytest.mark.slow
def test_whisper_base_joins_its_wheels_and_hears_the_correction(tmp_path, monkeypatch):
    monkeypatch.setenv("SKILLBRIDGE_CACHE", str(tmp_path))
    base = Transcriber(SttConfig("base"))
    assert (tmp_path / "whisper-base-ct2" / "model.bin").stat().st_size > 100e6
    assert "left" in base.transcribe(synthesize(LEFT)).text.lower()
