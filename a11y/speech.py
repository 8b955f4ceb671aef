"""Speech synthesis on the server: pyttsx3 driving espeak-ng, for read-aloud
when the browser has no voice for the page's language, and for the kiosk.

pyttsx3 keeps only the last of several ``save_to_file`` calls in one
``runAndWait``, and its engine belongs to the thread that made it: so one
worker thread synthesises one utterance per run. Fixed prompts may be cached
by content; anything that could hold personal data is synthesised uncached.
What the engine is given is the text as a11y.spoken prepares it for the
locale's voice (kana for Japanese, Mandarin read from pinyin...).
"""

from __future__ import annotations

import asyncio
import io
import os
import tempfile
import threading
import wave
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

from a11y.spoken import VOICES, utterance

DEFAULT_RATE = 170  # words per minute; espeak-ng's own default is 175
MAX_CHARACTERS = 2000
_CACHE_SIZE = 512


class SpeechFailed(RuntimeError):
    pass


def _frames(audio: bytes) -> int:
    """How many audio frames a WAV file holds (0 when it is empty or broken)."""
    try:
        with wave.open(io.BytesIO(audio)) as wav:
            return wav.getnframes()
    except (wave.Error, EOFError):
        return 0


class SpeechEngine:
    def __init__(self) -> None:
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="speech")
        self._local = threading.local()
        self._cache: OrderedDict[tuple, bytes] = OrderedDict()
        self._cache_lock = threading.Lock()

    def _engine(self):
        engine = getattr(self._local, "engine", None)
        if engine is None:
            import pyttsx3

            engine = self._local.engine = pyttsx3.init()
        return engine

    def _render(self, text: str, locale: str, rate: int) -> bytes:
        engine = self._engine()
        # pyttsx3 queues property changes and its espeak driver may start the
        # utterance before it applies them, yet applies queued ones (its own
        # defaults among them) later: set them on the driver at once and queue them too.
        driver = engine.proxy._driver
        for name, value in (("voice", VOICES[locale]), ("rate", rate)):
            driver.setProperty(name, value)
            engine.setProperty(name, value)
        handle, path = tempfile.mkstemp(suffix=".wav", prefix="speech-")
        os.close(handle)
        try:
            # espeak-ng now and then finishes a run without writing the file: try again.
            for _attempt in range(3):
                engine.save_to_file(utterance(text, locale), path)
                engine.runAndWait()
                with open(path, "rb") as fp:
                    audio = fp.read()
                if _frames(audio):
                    return audio
            raise SpeechFailed(f"no audio for {len(text)} characters in {locale}")
        finally:
            os.unlink(path)

    def synthesise(self, text: str, locale: str, rate: int = DEFAULT_RATE, cache: bool = False) -> bytes:
        """WAV audio of ``text`` in ``locale`` (blocking; see :meth:`speak`)."""
        if locale not in VOICES:
            raise ValueError(f"no voice for {locale!r}")
        text = text.strip()[:MAX_CHARACTERS]
        rate = max(80, min(300, int(rate)))
        key = (text, locale, rate)
        if cache:
            with self._cache_lock:
                if key in self._cache:
                    self._cache.move_to_end(key)
                    return self._cache[key]
        audio = self._worker.submit(self._render, text, locale, rate).result()
        if cache:
            with self._cache_lock:
                self._cache[key] = audio
                while len(self._cache) > _CACHE_SIZE:
                    self._cache.popitem(last=False)
        return audio

    async def speak(self, text: str, locale: str, rate: int = DEFAULT_RATE, cache: bool = False) -> bytes:
        return await asyncio.to_thread(self.synthesise, text, locale, rate, cache)


speech = SpeechEngine()
