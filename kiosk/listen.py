"""Speech in: the browser streams 16 kHz mono 16-bit PCM over a websocket while
the talk button is held; vosk recognises it against the current screen's
grammar, partial text goes back as it is heard, and on release the matched
decision is sent: act, or ask first (kiosk.commands.decide).

Two recognisers hear the same audio: one gives the best readings with their
scores (alternatives), the other its confidence in each word of the best one;
vosk gives either, not both from one recogniser.

On a dictation screen (``DICTATION_SCREENS``: the kiosk's question to the
assistant, the portal's voice search) the recogniser listens freely, without
a grammar, and the final message carries only the text.

Protocol (JSON text frames and binary audio frames):
  client -> {"locale": "ko", "screen": "menu", "choices": {"id": "label", ...}}
            (screen "confirm" while the kiosk waits for a yes or a no)
  server -> {"type": "ready"} | {"type": "unavailable"}
  client -> binary PCM frames ...
  server -> {"type": "partial", "text": "..."}   (as words are heard)
  client -> {"type": "end"}
  server -> {"type": "final", "text", "intent", "confirm", "question", "choice", "digits", "ms"}
            intent null: nothing understood; confirm true: ask "question"
            and act only on a yes or a touch
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field
from functools import cache

from starlette.websockets import WebSocket, WebSocketDisconnect

from kiosk.commands import Heard, decide, grammar
from kiosk.config import config
from kiosk.prompts import question_text

SAMPLE_RATE = 16000
MAX_UTTERANCE_SECONDS = 30
ALTERNATIVES = 5
DICTATION_SCREENS = {"ask", "search"}  # free speech: a question or a search, not a command
_load_lock = threading.Lock()


@cache
def _model(locale: str):
    from vosk import Model, SetLogLevel

    SetLogLevel(-1)
    return Model(str(config.models[locale]))


def model(locale: str):
    """The locale's speech model, loaded once per process (the Korean one takes seconds)."""
    with _load_lock:
        return _model(locale)


def voice_available(locale: str) -> bool:
    return locale in config.models


def _known(locale: str, word: str) -> bool:
    return model(locale).vosk_model_find_word(word) >= 0


def pieces(locale: str, word: str) -> list[str]:
    """A word as the model's words: itself when known, else split into the
    longest words of two characters or more that it knows (Korean: 도와주세요
    -> 도와주 세요). Raises ValueError when that cannot be done: vosk would
    silently drop the rest, and one-syllable words let it hear them anywhere."""
    if _known(locale, word):
        return [word]
    out, start = [], 0
    while start < len(word):
        for end in range(len(word), start + 1, -1):
            if _known(locale, word[start:end]):
                out.append(word[start:end])
                start = end
                break
        else:
            raise ValueError(f"{word!r}: {word[start]!r} is in no word of the {locale} speech model")
    return out


def recogniser_grammar(locale: str, screen: str, choices: dict[str, str]) -> list[str]:
    """The screen's phrases in the model's words. Choices (labels from the
    catalogue) may hold characters no word has: those bits are left out."""
    phrases = []
    for phrase in grammar(locale, screen, choices):
        words = []
        for word in phrase.split():
            try:
                words += pieces(locale, word)
            except ValueError:
                if phrase not in choices.values():
                    raise
        if words:
            phrases.append(" ".join(words))
    return list(dict.fromkeys(phrases))


@dataclass
class Recognisers:
    """The readings recogniser and the word-confidence recogniser of one utterance."""

    readings: object
    words: object | None  # None when dictating: the text is all that is wanted
    heard: list[str] = field(default_factory=list)  # finished segments, best reading
    confidences: list[float] = field(default_factory=list)

    def accept(self, chunk: bytes) -> str:
        """Feed audio; returns the text heard so far."""
        if self.words is not None and self.words.AcceptWaveform(chunk):
            self.confidences += [w["conf"] for w in json.loads(self.words.Result()).get("result", [])]
        if self.readings.AcceptWaveform(chunk):
            segment = next(iter(_readings(self.readings.Result())), ("", 0.0))[0]
            if segment:
                self.heard.append(segment)
            return " ".join(self.heard)
        return " ".join([*self.heard, json.loads(self.readings.PartialResult()).get("partial", "")]).strip()

    def finish(self) -> tuple[list[tuple[str, float]], list[float]]:
        """The utterance's readings (text, score; best first) and word confidences."""
        final = json.loads(self.words.FinalResult()).get("result", []) if self.words is not None else []
        confidences = self.confidences + [w["conf"] for w in final]
        readings = [(" ".join(filter(None, [*self.heard, text])), score) for text, score in _readings(self.readings.FinalResult())]
        return [r for r in readings if r[0]], confidences


def recognisers(locale: str, screen: str, choices: dict[str, str]) -> Recognisers:
    """Recognisers listening only for the screen's phrases."""
    from vosk import KaldiRecognizer

    phrases = json.dumps(recogniser_grammar(locale, screen, choices), ensure_ascii=False)
    readings = KaldiRecognizer(model(locale), SAMPLE_RATE, phrases)
    readings.SetMaxAlternatives(ALTERNATIVES)
    words = KaldiRecognizer(model(locale), SAMPLE_RATE, phrases)
    words.SetWords(True)
    return Recognisers(readings, words)


def dictation_recognisers(locale: str) -> Recognisers:
    """A recogniser for free speech in the locale (no grammar)."""
    from vosk import KaldiRecognizer

    readings = KaldiRecognizer(model(locale), SAMPLE_RATE)
    readings.SetMaxAlternatives(1)
    return Recognisers(readings, None)


def _readings(result: str) -> list[tuple[str, float]]:
    return [(a["text"], a.get("confidence", 0.0)) for a in json.loads(result).get("alternatives", [])]


def conclude(rec: Recognisers, locale: str, screen: str, choices: dict[str, str]) -> Heard:
    """The kiosk's decision on the utterance heard so far."""
    readings, confidences = rec.finish()
    if screen in DICTATION_SCREENS:
        best = next(iter(readings), ("", 0.0))[0]
        return Heard(text=" ".join(w for w in best.split() if w != "[unk]"))
    return decide(locale, screen, readings, confidences, choices)


async def listen(websocket: WebSocket) -> None:
    await websocket.accept()
    try:
        hello = json.loads(await websocket.receive_text())
        locale, screen = str(hello.get("locale", "")), str(hello.get("screen", ""))
        choices = {str(k): str(v)[:80] for k, v in dict(hello.get("choices") or {}).items()}
        if not voice_available(locale):
            await websocket.send_json({"type": "unavailable"})
            return
        if screen in DICTATION_SCREENS:
            rec = await asyncio.to_thread(dictation_recognisers, locale)
        else:
            rec = await asyncio.to_thread(recognisers, locale, screen, choices)
        await websocket.send_json({"type": "ready"})
        last_partial = ""
        received = 0
        while True:
            message = await websocket.receive()
            if message.get("bytes") is not None:
                chunk = message["bytes"]
                received += len(chunk)
                if received > SAMPLE_RATE * 2 * MAX_UTTERANCE_SECONDS:
                    break
                partial = await asyncio.to_thread(rec.accept, chunk)
                if partial != last_partial:
                    last_partial = partial
                    await websocket.send_json({"type": "partial", "text": partial})
            elif message.get("text") is not None:
                if json.loads(message["text"]).get("type") == "end":
                    break
            else:
                return
        started = time.perf_counter()
        heard = await asyncio.to_thread(conclude, rec, locale, screen, choices)
        await websocket.send_json(
            {
                "type": "final",
                "text": heard.text,
                "intent": heard.intent,
                "confirm": heard.confirm,
                "question": question_text(locale, screen, heard, choices) if heard.confirm else "",
                "choice": heard.choice,
                "digits": heard.digits,
                "ms": round((time.perf_counter() - started) * 1000, 1),
            }
        )
    except (WebSocketDisconnect, json.JSONDecodeError, ValueError):
        return
    finally:
        try:
            await websocket.close()
        except RuntimeError:
            pass
