"""What a kiosk session holds, and how it is wiped for the next person."""

from __future__ import annotations

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
