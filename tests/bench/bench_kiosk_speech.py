"""Budgets of the kiosk's speech: recognition accuracy of every Korean command
phrase synthesised by espeak-ng at two speech rates (target 95%), digits too;
end of utterance to action (server side, over the websocket); first audio of
a cached and of an uncached prompt; memory of the server with the Korean
model loaded. Printed and saved, never asserted."""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import time
import wave
from pathlib import Path

import httpx
import psutil
import websockets

from kiosk.commands import SCREEN_INTENTS, Heard, phrases
from kiosk.listen import conclude, recogniser

RATES = (120, 170)


def _pcm(folder: Path, text: str, rate: int) -> bytes:
    raw, out = folder / "raw.wav", folder / "out.wav"
    subprocess.run(["espeak-ng", "-v", "ko", "-s", str(rate), "-w", str(raw), text], check=True, capture_output=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(out), "pad", "0.3", "0.6"], check=True)
    with wave.open(str(out)) as audio:
        return audio.readframes(audio.getnframes())


def _understood(pcm: bytes, screen: str) -> Heard:
    """The meaning the kiosk's websocket would send for this audio (same recogniser, same decision)."""
    rec = recogniser("ko", screen, {})
    rec.AcceptWaveform(pcm)
    return conclude(rec, [], "ko", screen, {})


def test_recognition_accuracy(tmp_path, artifacts):
    """Every phrase of every command, on every screen that listens for it."""
    data = phrases("ko")
    audio = {
        (text, rate): _pcm(tmp_path, text, rate)
        for text in {p for said in data.intents.values() for p in said}
        | {w for words in data.digits.values() for w in words}
        for rate in RATES
    }
    right = total = 0
    misses = []
    for screen, intents in SCREEN_INTENTS.items():
        for intent in intents:
            for phrase in data.intents[intent]:
                for rate in RATES:
                    meaning = _understood(audio[phrase, rate], screen)
                    total += 1
                    if meaning.intent == intent:
                        right += 1
                    else:
                        misses.append(
                            {
                                "screen": screen,
                                "said": phrase,
                                "rate": rate,
                                "heard": meaning.text,
                                "understood": meaning.intent,
                            }
                        )
    digits_right = digits_total = 0
    for digit, words in data.digits.items():
        for word in words:
            for rate in RATES:
                meaning = _understood(audio[word, rate], "track")
                digits_total += 1
                digits_right += meaning.digits == digit
    figures = {
        "rates_wpm": RATES,
        "commands_right": right,
        "commands_total": total,
        "command_accuracy_percent": round(100 * right / total, 1),
        "digit_words_right": digits_right,
        "digit_words_total": digits_total,
        "digit_accuracy_percent": round(100 * digits_right / digits_total, 1),
        "misses": misses,
    }
    print(json.dumps({k: v for k, v in figures.items() if k != "misses"}, indent=2))
    (artifacts / "bench-kiosk-recognition.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    assert total > 0


async def _utterance(url: str, pcm: bytes) -> float:
    """Seconds from the end of the utterance (the release) to the matched intent."""
    async with websockets.connect(url) as socket:
        await socket.send(json.dumps({"locale": "ko", "screen": "menu", "choices": {}}))
        assert json.loads(await socket.recv())["type"] == "ready"
        for start in range(0, len(pcm), 3200):  # 100 ms frames, as the browser sends them
            await socket.send(pcm[start : start + 3200])
        while True:  # let the partial results of the last frames arrive
            try:
                await asyncio.wait_for(socket.recv(), 0.2)
            except TimeoutError:
                break
        released = time.perf_counter()
        await socket.send(json.dumps({"type": "end"}))
        while True:
            message = json.loads(await socket.recv())
            if message["type"] == "final":
                return time.perf_counter() - released


def test_end_of_utterance_to_action_prompt_audio_and_memory(kiosk, tmp_path, artifacts):
    url = kiosk.url.replace("http", "ws") + "/_kiosk/listen"
    pcm = _pcm(tmp_path, "번호표", 140)
    samples = [asyncio.run(_utterance(url, pcm)) for _ in range(30)]
    ordered = sorted(samples)

    def first_byte(path: str) -> float:
        started = time.perf_counter()
        with httpx.stream("GET", kiosk.url + path, timeout=30) as response:
            next(response.iter_bytes())
        return time.perf_counter() - started

    uncached = first_byte("/_kiosk/prompt/guides?locale=ko&rate=133")
    cached = statistics.median(first_byte("/_kiosk/prompt/guides?locale=ko&rate=133") for _ in range(10))
    server = psutil.Process(kiosk.process.pid)
    rss = sum(p.memory_info().rss for p in [server, *server.children(recursive=True)])
    figures = {
        "utterance_to_intent_p50_ms": round(statistics.median(ordered) * 1000, 1),
        "utterance_to_intent_p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 1),
        "prompt_first_audio_uncached_ms": round(uncached * 1000, 1),
        "prompt_first_audio_cached_ms": round(cached * 1000, 1),
        "server_memory_with_korean_model_mb": round(rss / 2**20),
    }
    print(json.dumps(figures, indent=2))
    (artifacts / "bench-kiosk-speech.json").write_text(json.dumps(figures, indent=2))
    assert samples
