"""What the kiosk does with a spoken Korean phrase, as the benchmark and the
held-out check measure it: espeak-ng speaks it (rate, pitch, optional pink
noise), the kiosk's own recognisers hear it in 100 ms frames as the browser
sends them, and its own decision acts, asks or gives up. When it asks, the
person answers: "네" when the question is right, "아니요" when it is wrong.

Outcomes: right (acted as meant), right_after_yes (asked, then acted on the
answer), wrong (did something not meant), asked (a question that ended in
nothing done), not_understood (said what can be said)."""

from __future__ import annotations

import hashlib
import subprocess
import time
import wave
from dataclasses import dataclass
from pathlib import Path

from kiosk.commands import Heard
from kiosk.listen import Recognisers, conclude, recognisers

FRAME = 3200  # 100 ms of 16 kHz 16-bit mono


@dataclass(frozen=True)
class Voice:
    """How espeak-ng says it: words per minute, pitch (0-99), pink noise volume (0: quiet)."""

    rate: int
    pitch: int
    noise: float = 0.0

    def __str__(self) -> str:
        return f"{self.rate}wpm-p{self.pitch}" + (f"-noise{self.noise}" if self.noise else "")


def speech(folder: Path, text: str, voice: Voice, espeak_voice: str = "ko") -> bytes:
    """16 kHz mono PCM of ``text``, with 0.3 s of silence before and 0.6 s after (cached in ``folder``)."""
    key = hashlib.sha1(f"{espeak_voice}|{text}|{voice}".encode()).hexdigest()[:16]
    out = folder / f"{key}.wav"
    if not out.exists():
        raw, clean = folder / f"{key}-raw.wav", folder / f"{key}-clean.wav"
        subprocess.run(["espeak-ng", "-v", espeak_voice, "-s", str(voice.rate), "-p", str(voice.pitch), "-w", str(raw), text], check=True, capture_output=True)
        subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(clean), "pad", "0.3", "0.6"], check=True)
        if voice.noise:
            with wave.open(str(clean)) as audio:
                seconds = audio.getnframes() / audio.getframerate()
            noise = folder / f"{key}-noise.wav"
            subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(noise), "synth", str(seconds), "pinknoise", "vol", str(voice.noise)], check=True)
            subprocess.run(["sox", "-m", str(clean), str(noise), str(out)], check=True)
        else:
            clean.rename(out)
    with wave.open(str(out)) as audio:
        return audio.readframes(audio.getnframes())


_made: dict[tuple[str, str], Recognisers] = {}


def hear(pcm: bytes, screen: str, locale: str = "ko") -> tuple[Heard, float]:
    """The kiosk's decision on the audio, and the seconds from the end of the
    audio to the decision. The recognisers of a screen are made once and reused
    (vosk resets them after the final result); the kiosk makes them per utterance."""
    if (locale, screen) not in _made:
        _made[locale, screen] = recognisers(locale, screen, {})
    made = _made[locale, screen]
    rec = Recognisers(made.readings, made.words)
    for start in range(0, len(pcm), FRAME):
        rec.accept(pcm[start : start + FRAME])
    started = time.perf_counter()
    heard = conclude(rec, locale, screen, {})
    return heard, time.perf_counter() - started


@dataclass(frozen=True)
class Outcome:
    kind: str  # right, right_after_yes, wrong, asked, not_understood
    heard: Heard
    seconds: float


def outcome(folder: Path, text: str, screen: str, meant: str | None, voice: Voice, digits: str = "") -> Outcome:
    """What the kiosk does when ``text`` is said on ``screen`` meaning ``meant``
    (None: the phrase means nothing there, and any action is wrong)."""
    heard, seconds = hear(speech(folder, text, voice), screen)

    def right(h: Heard) -> bool:
        return meant is not None and h.intent == meant and (meant != "digits" or h.digits == digits)

    if heard.intent is None:
        return Outcome("not_understood", heard, seconds)
    if not heard.confirm:
        return Outcome("right" if right(heard) else "wrong", heard, seconds)
    answer, _ = hear(speech(folder, "네" if right(heard) else "아니요", voice), "confirm")
    if answer.intent == "yes" and not answer.confirm:
        return Outcome("right_after_yes" if right(heard) else "wrong", heard, seconds)
    return Outcome("asked", heard, seconds)


def shares(outcomes: list[Outcome]) -> dict[str, float]:
    """Per cent of each kind, and right in all (at once or after one yes)."""
    total = len(outcomes) or 1
    kinds = ("right", "right_after_yes", "wrong", "asked", "not_understood")
    figures = {kind: round(100 * sum(o.kind == kind for o in outcomes) / total, 1) for kind in kinds}
    figures["right_in_all"] = round(figures["right"] + figures["right_after_yes"], 1)
    figures["questions_asked"] = round(100 * sum(o.heard.confirm for o in outcomes) / total, 1)
    figures["utterances"] = len(outcomes)
    return figures
