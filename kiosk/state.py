"""What a kiosk session holds, how it is wiped for the next person, and how a
screen's state has the kiosk speak."""

from __future__ import annotations

import json

import reflex as rx


class KioskState(rx.State):
    """The parent of every kiosk screen's state, so one event can wipe them all."""

    @rx.event
    async def wipe(self):
        """Forget everything this session held, then let the browser clear its
        storage and return to the attract screen (kiosk.js)."""
        for state_class in KioskState.get_substates():
            (await self.get_state(state_class)).reset()
        return rx.call_script("window.kiosk && window.kiosk.wiped()")


def say(text: str) -> rx.event.EventSpec:
    """Speak ``text`` and show it as the caption. Synthesised uncached, since
    it may be personal (a queue number, a booking)."""
    return rx.call_script(f"window.kiosk && window.kiosk.say({json.dumps(text, ensure_ascii=False)})")


def speak_prompt(key: str) -> rx.event.EventSpec:
    """Speak one of the fixed sentences of kiosk/prompts.py, with its caption."""
    return rx.call_script(f"window.kiosk && window.kiosk.speakPrompt({json.dumps(key)})")
