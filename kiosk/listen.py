"""Speech in: the browser streams 16 kHz mono 16-bit PCM over a websocket while
the talk button is held; vosk recognises it against the current screen's
grammar, partial text goes back as it is heard, and on release the matched
intent is sent to act on.

On a dictation screen (``DICTATION_SCREENS``: the kiosk's question to the
assistant, the portal's voice search) the recogniser listens freely, without
a grammar, and the final message carries only the text.

Protocol (JSON text frames and binary audio frames):
  client -> {"locale": "ko", "screen": "menu", "choices": {"id": "label", ...}}
  server -> {"type": "ready"} | {"type": "unavailable"}
  client -> binary PCM frames ...
  server -> {"type": "partial", "text": "..."}   (as words are heard)
  client -> {"type": "end"}
  server -> {"type": "final", "text", "intent", "choice", "digits", "ms"}
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from functools import cache

from starlette.websockets import WebSocket, WebSocketDisconnect

from kiosk.commands import Heard, best_reading, grammar, understand
from kiosk.config import config

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


def _pieces(locale: str, word: str) -> list[str]:
    """A word the model lacks, split into the longest words it knows
    (Korean compounds: 기본의료보험 -> 기본 의료 보험); unknown bits are dropped."""
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start + 1, -1):
            if _known(locale, word[start:end]):
                pieces.append(word[start:end])
                start = end
                break
        else:
            start += 1
    return pieces


def recogniser(locale: str, screen: str, choices: dict[str, str]):
    """A recogniser listening only for the screen's phrases. vosk silently drops
    words it does not know, so every phrase is reduced to words it knows."""
    from vosk import KaldiRecognizer

    phrases = []
    for phrase in grammar(locale, screen, choices):
        words = [piece for word in phrase.split() for piece in ([word] if _known(locale, word) else _pieces(locale, word))]
        if words:
            phrases.append(" ".join(words))
    rec = KaldiRecognizer(model(locale), SAMPLE_RATE, json.dumps([*dict.fromkeys(phrases), "[unk]"], ensure_ascii=False))
    rec.SetMaxAlternatives(ALTERNATIVES)
    return rec


def dictation_recogniser(locale: str):
    """A recogniser for free speech in the locale (no grammar)."""
    from vosk import KaldiRecognizer

    rec = KaldiRecognizer(model(locale), SAMPLE_RATE)
    rec.SetMaxAlternatives(1)
    return rec


def _readings(result: str) -> list[str]:
    """The texts of a result, best first, without the "[unk]" of noise."""
    return [" ".join(w for w in a["text"].split() if w != "[unk]") for a in json.loads(result).get("alternatives", [])]


def conclude(rec, heard: list[str], locale: str, screen: str, choices: dict[str, str]) -> Heard:
    """What the utterance meant, from the segments already heard and the recogniser's last readings."""
    readings = [" ".join(filter(None, [*heard, reading])) for reading in _readings(rec.FinalResult())]
    if screen in DICTATION_SCREENS:
        return Heard(text=next(iter(readings), " ".join(heard)))
    return understand(locale, screen, best_reading(locale, screen, readings), choices)


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
            rec = await asyncio.to_thread(dictation_recogniser, locale)
        else:
            rec = await asyncio.to_thread(recogniser, locale, screen, choices)
        await websocket.send_json({"type": "ready"})
        heard: list[str] = []
        last_partial = ""
        received = 0
        while True:
            message = await websocket.receive()
            if message.get("bytes") is not None:
                chunk = message["bytes"]
                received += len(chunk)
                if received > SAMPLE_RATE * 2 * MAX_UTTERANCE_SECONDS:
                    break
                if await asyncio.to_thread(rec.AcceptWaveform, chunk):
                    segment = next(iter(_readings(rec.Result())), "")
                    if segment:
                        heard.append(segment)
                    partial = " ".join(heard)
                else:
                    partial = " ".join([*heard, json.loads(rec.PartialResult()).get("partial", "")]).strip()
                if partial != last_partial:
                    last_partial = partial
                    await websocket.send_json({"type": "partial", "text": partial})
            elif message.get("text") is not None:
                if json.loads(message["text"]).get("type") == "end":
                    break
            else:
                return
        started = time.perf_counter()
        meaning = await asyncio.to_thread(conclude, rec, heard, locale, screen, choices)
        await websocket.send_json(
            {
                "type": "final",
                "text": meaning.text,
                "intent": meaning.intent,
                "choice": meaning.choice,
                "digits": meaning.digits,
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
