"""Fetching the official vosk models: the real download and unpacking code,
run against archives made here and served on loopback (no internet here)."""

from __future__ import annotations

import threading
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosk import config, models


@pytest.fixture
def mirror(tmp_path, monkeypatch):
    """A folder served over HTTP on loopback, standing in for the model downloads."""
    folder = tmp_path / "mirror"
    folder.mkdir()
    handler = partial(SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("PORTAL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PORTAL_VOSK_MODELS_URL", f"http://127.0.0.1:{server.server_port}")
    yield folder
    server.shutdown()


def _archive(folder, name: str, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(folder / f"{name}.zip", "w") as zipped:
        for member, content in members.items():
            zipped.writestr(member, content)


def test_fetch_unpacks_each_model_where_the_kiosk_finds_it(mirror):
    for name in models.OFFICIAL_MODELS.values():
        _archive(mirror, name, {f"{name}/conf/model.conf": b"--min-active=200\n", f"{name}/am/final.mdl": b"weights"})
    assert models.main([]) == 0
    for locale in models.OFFICIAL_MODELS:
        assert (models.models_dir() / locale / "am" / "final.mdl").read_bytes() == b"weights"
    found = config.load_config().models
    assert set(found) == {"ko", *models.OFFICIAL_MODELS}
    assert found["ja"] == models.models_dir() / "ja"


def test_an_operator_named_folder_wins(mirror, tmp_path, monkeypatch):
    name = models.OFFICIAL_MODELS["fr"]
    _archive(mirror, name, {f"{name}/conf/model.conf": b""})
    assert models.main(["fr"]) == 0
    own = tmp_path / "own-fr"
    (own / "conf").mkdir(parents=True)
    monkeypatch.setenv("PORTAL_VOSK_MODEL_FR", str(own))
    assert config.load_config().models["fr"] == own


@pytest.mark.parametrize(
    "members",
    [
        {"../escape/conf/model.conf": b""},  # would write outside the models folder
        {"a/conf/model.conf": b"", "b/conf/model.conf": b""},  # not one model
        {"vosk-model-small-ja-0.22/README": b"no conf folder"},  # not a model at all
    ],
)
def test_a_bad_archive_is_refused_and_leaves_nothing(mirror, members):
    _archive(mirror, models.OFFICIAL_MODELS["ja"], members)
    assert models.main(["ja"]) == 1
    assert "ja" not in models.fetched_models()
    assert not (models.models_dir().parent / "escape").exists()


def test_a_missing_download_or_locale_is_an_error(mirror):
    assert models.main(["en"]) == 1  # nothing served for it
    assert models.main(["ko"]) == 2  # Korean comes from its package
