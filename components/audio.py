"""The audio worklet that turns the microphone's input into 16-bit PCM for
the speech-in socket (``/_kiosk/listen``), shared by the kiosk's talk button
and the portal's voice search. A file of this origin, since the pages' policy
allows no script from a ``blob:`` address."""

from __future__ import annotations

import reflex as rx

PCM_WORKLET = rx.asset("pcm-worklet.js", shared=True)
