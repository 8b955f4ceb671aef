"""The kiosk's HTTP routes on the portal's port: its run-time settings,
spoken prompts (cached by content), the pinyin table of the name keyboard,
the speech-in websocket, and the device simulator."""

from __future__ import annotations

import os
import threading
from typing import Annotated

from fastapi import FastAPI, HTTPException, Path, Query, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from a11y.speech import speech
from kiosk import devices
from kiosk.config import config
from kiosk.device_simulator import create_simulator
from frontend.formatting import number_text
from kiosk import pinyin
from kiosk.listen import listen, model
from kiosk.prompts import prompt_keys, prompt_text
from locales import LOCALES, build_locales, ngettext_for

KIOSK_PROFILE = os.environ.get("PORTAL_PROFILE") == "kiosk"


async def prompt(
    key: Annotated[str, Path(max_length=40)],
    locale: Annotated[str, Query(pattern="^(zh|en|ja|ko|fr)$")],
    rate: Annotated[int, Query(ge=80, le=300)] = config.speech_rate,
) -> Response:
    """A screen's fixed sentence as speech: no personal data, so cached by content."""
    if key not in prompt_keys():
        raise HTTPException(404, "no such prompt")
    audio = await speech.speak(prompt_text(key, locale), locale, rate, cache=True)
    return Response(audio, media_type="audio/wav", headers={"Cache-Control": "public, max-age=86400"})


def countdown(locale: str, seconds: int) -> list[str]:
    """The idle warning's sentence for each number of seconds left, 0 to
    ``seconds``: one catalogue entry with its plural forms, so the number
    can stand where each language puts it."""
    ngettext = ngettext_for(locale)
    return [
        ngettext(
            "The screen will start again in %(count)s second, and everything you entered will be wiped.",
            "The screen will start again in %(count)s seconds, and everything you entered will be wiped.",
            n,
        )
        % {"count": number_text(n, locale)}
        for n in range(seconds + 1)
    ]


def kiosk_settings() -> dict:
    """The run-time settings the browser needs (the pages are prerendered once
    for every kiosk): timings in seconds, the slower speech rate in words per
    minute, and the countdown sentences of every locale."""
    return {
        "idle_seconds": config.idle_seconds,
        "warning_seconds": config.warning_seconds,
        "speech_rate": config.speech_rate,
        "countdown": {locale: countdown(locale, config.warning_seconds) for locale in build_locales()},
    }


async def pinyin_table() -> JSONResponse:
    """Toneless pinyin syllable -> its characters, most used first (kiosk/pinyin.py)."""
    table = await run_in_threadpool(pinyin.candidates)
    return JSONResponse(table, headers={"Cache-Control": "public, max-age=86400"})


def voices() -> dict[str, list[str]]:
    """The locales with a speech model here: the portal offers voice search only in those."""
    return {"locales": sorted(locale for locale in config.models if locale in LOCALES)}


def add_kiosk_routes(api: FastAPI) -> None:
    api.add_api_route("/_kiosk/settings", kiosk_settings, methods=["GET"], include_in_schema=False)
    api.add_api_route("/_kiosk/voices", voices, methods=["GET"], include_in_schema=False)
    api.add_api_route("/_kiosk/prompt/{key}", prompt, methods=["GET"], include_in_schema=False)
    api.add_api_route("/_kiosk/input/pinyin", pinyin_table, methods=["GET"], include_in_schema=False)
    api.add_api_websocket_route("/_kiosk/listen", listen)
    if devices.devices_enabled() and not config.device_bridge_url:
        simulator = create_simulator()
        devices.use_simulator(simulator)
        api.mount("/_devices", simulator)
    if KIOSK_PROFILE:
        # Load the speech models and the pinyin table now, so the first person is not kept waiting.
        for locale in config.models:
            if locale in LOCALES:
                threading.Thread(target=model, args=(locale,), daemon=True).start()
        threading.Thread(target=pinyin.candidates, daemon=True).start()
