"""Spoken corrections, offline: speech to text (faster-whisper with models shipped in wheels),
segmentation (silero VAD), and test audio without a microphone (offline TTS plus synthetic noise).

Nothing here downloads at run time; nothing here imports torch or rclpy.
"""
