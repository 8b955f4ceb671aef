"""Budgets of the kiosk's speech. Understanding: every Korean phrasing the
templates expand to, on every screen that listens for it, spoken by espeak-ng
at several rates and pitches, in quiet and in pink noise, and what the kiosk
then does - right, right after one "네", wrong, asked, not understood
(tests/bench/kiosk_voice.py); also digits, and phrases no screen knows (any
action on them is wrong). Timing: end of speech to decision, offline and over
the websocket; first audio of a prompt; server memory with the Korean model.
Printed and saved, never asserted.

A held-out check with phrasings the templates were not built from runs
outside the suite: ``python -m tests.bench.heldout_kiosk_speech``."""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import time
from collections import defaultdict

import httpx
import psutil
import websockets

from kiosk.commands import SCREEN_INTENTS, phrases, sentences
from tests.bench.kiosk_voice import Voice, outcome, shares, speech

# Rates in words per minute, espeak-ng pitches, pink noise volumes.
VOICES = (Voice(120, 35), Voice(175, 65), Voice(145, 50, 0.02), Voice(160, 80, 0.04))
# What people say to a kiosk that is none of its commands (any action on them is wrong).
UNRELATED = ("오늘 날씨가 좋네요", "점심 먹었어요", "화장실이 어디예요", "우리 손자 전화번호", "잠깐만요", "음")
NUMBERS = ("이 공 이 육", "일 삼 오 칠", "영 팔 구", "사 육")
# Phrasings measured per command and screen besides its label: all of them by
# default; KIOSK_BENCH_SAMPLE=N takes N at random (fixed seed) on a slow machine.
SAMPLE = int(os.environ.get("KIOSK_BENCH_SAMPLE", "0"))


def _phrasings(screen: str) -> list[tuple[str, str]]:
    said = list(sentences("ko", screen))
    if not SAMPLE:
        return said
    first = {phrases("ko").first[intent] for intent in SCREEN_INTENTS[screen]}
    chosen = [pair for pair in said if pair[1] in first]
    for intent in SCREEN_INTENTS[screen]:
        others = [pair for pair in said if pair[0] == intent and pair[1] not in first]
        chosen += random.Random(f"{screen}{intent}").sample(others, min(SAMPLE, len(others)))
    return chosen


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def test_understanding(tmp_path, artifacts):
    results, by_voice, by_screen, misses, seconds = [], defaultdict(list), defaultdict(list), [], []
    index = 0
    for screen in SCREEN_INTENTS:
        if screen == "confirm":
            continue
        first = {intent: phrases("ko").first[intent] for intent in SCREEN_INTENTS[screen]}
        for intent, sentence in _phrasings(screen):
            # Every phrasing in one voice, taking turns; the screen's own labels in every voice.
            voices = VOICES if sentence == first[intent] else (VOICES[index % len(VOICES)],)
            index += 1
            for voice in voices:
                done = outcome(tmp_path, sentence, screen, intent, voice)
                results.append(done)
                by_voice[str(voice)].append(done)
                by_screen[screen].append(done)
                seconds.append(done.seconds)
                if done.kind not in ("right", "right_after_yes"):
                    misses.append({"screen": screen, "said": sentence, "meant": intent, "voice": str(voice), "heard": done.heard.text, "understood": done.heard.intent, "asked": done.heard.confirm, "outcome": done.kind})
    some = VOICES if not SAMPLE else VOICES[::2]
    numbers = [outcome(tmp_path, said, "track", "digits", voice, digits="".join(phrases("ko").digits[w] for w in said.split())) for said in NUMBERS for voice in some]
    unrelated = [outcome(tmp_path, said, screen, None, voice) for said in UNRELATED for screen in ("menu", "guides")[: 1 if SAMPLE else 2] for voice in some]
    figures = {
        "voices": [str(v) for v in VOICES],
        "sample_per_command": SAMPLE or "all",
        "commands": shares(results),
        "commands_by_voice": {voice: shares(done) for voice, done in by_voice.items()},
        "commands_by_screen": {screen: shares(done) for screen, done in by_screen.items()},
        "numbers_on_track": shares(numbers),
        "unrelated_phrases_on_menu_and_guides": shares(unrelated),
        "end_of_speech_to_decision_ms": {"p50": round(1000 * statistics.median(seconds), 1), "p95": round(1000 * _percentile(seconds, 0.95), 1)},
    }
    print(json.dumps({k: v for k, v in figures.items() if k != "commands_by_screen"}, indent=1, ensure_ascii=False))
    (artifacts / "bench-kiosk-understanding.json").write_text(json.dumps({**figures, "misses": misses}, indent=1, ensure_ascii=False))
    assert results


async def _utterance(url: str, pcm: bytes) -> float:
    """Seconds from the end of the utterance (the release) to the decision."""
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


def test_end_of_utterance_to_decision_prompt_audio_and_memory(kiosk, tmp_path, artifacts):
    url = kiosk.url.replace("http", "ws") + "/_kiosk/listen"
    pcm = speech(tmp_path, "번호표 주세요", Voice(140, 50))
    samples = [asyncio.run(_utterance(url, pcm)) for _ in range(30)]

    def first_byte(path: str) -> float:
        started = time.perf_counter()
        with httpx.stream("GET", kiosk.url + path, timeout=30) as response:
            next(response.iter_bytes())
        return time.perf_counter() - started

    uncached = first_byte("/_kiosk/prompt/guides?locale=ja&rate=133")
    cached = statistics.median(first_byte("/_kiosk/prompt/guides?locale=ja&rate=133") for _ in range(10))
    server = psutil.Process(kiosk.process.pid)
    processes = [server, *server.children(recursive=True)]
    figures = {
        "utterance_to_decision_p50_ms": round(statistics.median(samples) * 1000, 1),
        "utterance_to_decision_p95_ms": round(_percentile(samples, 0.95) * 1000, 1),
        "prompt_first_audio_uncached_ms": round(uncached * 1000, 1),
        "prompt_first_audio_cached_ms": round(cached * 1000, 1),
        "server_memory_with_korean_model_mb": round(sum(p.memory_info().rss for p in processes) / 2**20),
        "memory_by_process_mb": {f"{p.pid} {' '.join(p.cmdline()[:3])[:80]}": round(p.memory_info().rss / 2**20) for p in processes},
    }
    print(json.dumps(figures, indent=2))
    (artifacts / "bench-kiosk-speech.json").write_text(json.dumps(figures, indent=2))
    assert samples
