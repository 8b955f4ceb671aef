"""What a kiosk session holds, and how a screen's state has the kiosk speak or
print. The idle reset and every exit wipe all of it, and every other state of
the tab, through the session's end (frontend/session.py, components/session.js)."""

from __future__ import annotations

import reflex as rx


class KioskState(rx.State):
    """The parent of every kiosk screen's state. Its cue is what the screen
    asks kiosk.js to do once: ``say`` a text (shown as the caption), speak a
    ``prompt`` of kiosk/prompts.py, or ``print``. The server sends no script
    (the page's policy allows none): the cue is an element of the frame
    (kiosk/layout.py) that kiosk.js acts on when it appears, and each new cue
    has a new key, so it appears afresh."""

    cue_kind: str = ""  # say | prompt | print
    cue_text: str = ""  # what to say, or the prompt's key
    cue_count: int = 0

    def _cue(self, kind: str, text: str = "") -> None:
        self.cue_kind, self.cue_text, self.cue_count = kind, text, self.cue_count + 1

    def _say(self, text: str) -> None:
        """Speak ``text`` and show it as the caption. Synthesised uncached, since
        it may be personal (a queue number, a booking)."""
        self._cue("say", text)

    def _speak_prompt(self, key: str) -> None:
        """Speak one of the fixed sentences of kiosk/prompts.py, with its caption."""
        self._cue("prompt", key)

    def _print(self) -> None:
        """Print the screen with the browser (when no printer device answered)."""
        self._cue("print")
