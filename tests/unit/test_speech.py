"""Speech out: valid WAV audio of plausible length in all five languages,
through the same engine the read-aloud endpoint and the kiosk use."""

from __future__ import annotations

import io
import wave

import pytest

from a11y.speech import speech

SAMPLES = {
    "zh": "欢迎使用海州市政务服务网。",
    "en": "Welcome to Haizhou citizen services.",
    "ja": "海州市の行政サービスへようこそ。",
    "ko": "하이저우시 민원 서비스에 오신 것을 환영합니다.",
    "fr": "Bienvenue sur les services publics de Haizhou.",
}


@pytest.mark.parametrize("locale", SAMPLES)
def test_speech_is_valid_audio_of_plausible_length(locale):
    audio = speech.synthesise(SAMPLES[locale], locale)
    with wave.open(io.BytesIO(audio)) as wav:
        seconds = wav.getnframes() / wav.getframerate()
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
    assert 0.8 < seconds < 15, seconds


def test_slower_speech_is_longer():
    def seconds(rate: int) -> float:
        with wave.open(io.BytesIO(speech.synthesise(SAMPLES["en"], "en", rate))) as wav:
            return wav.getnframes() / wav.getframerate()

    assert seconds(100) > seconds(250) * 1.4


def test_cached_prompts_are_reused_and_uncached_speech_is_not_kept():
    first = speech.synthesise("번호표를 뽑으세요.", "ko", cache=True)
    assert speech.synthesise("번호표를 뽑으세요.", "ko", cache=True) is first
    personal = speech.synthesise("A023번 고객님", "ko")
    assert ("A023번 고객님", "ko", 170) not in speech._cache
    assert personal
