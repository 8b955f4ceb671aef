"""Configuration of the reference back end, from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    token_ttl_minutes: int
    upload_max_bytes: int
    slot_days: int
    # Connections each worker keeps to the database, and how long a request
    # waits for one (or, on SQLite, for the write lock) before a 503.
    db_pool_size: int = 10
    db_timeout_seconds: float = 3.0
    api_docs: bool = False  # the interactive docs at /docs (they load their script from a CDN)
    # Peers whose X-Forwarded-For names the real caller (attempt limits count per caller):
    # the portal calling in process, or a proxy on this machine.
    trusted_proxies: tuple[str, ...] = ("127.0.0.1", "::1")

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"


def load_settings() -> Settings:
    """``PORTAL_DATA_DIR`` (default ``data/``) holds the SQLite file and uploads;
    ``PORTAL_DATABASE_URL`` points at another database, e.g. PostgreSQL
    (``postgresql+psycopg://user:password@host/name``); ``PORTAL_DB_POOL_SIZE``
    and ``PORTAL_DB_TIMEOUT_SECONDS`` size the connection pool."""
    data_dir = Path(os.environ.get("PORTAL_DATA_DIR", ROOT / "data")).resolve()
    return Settings(
        data_dir=data_dir,
        database_url=os.environ.get("PORTAL_DATABASE_URL", f"sqlite:///{data_dir / 'portal.db'}"),
        token_ttl_minutes=int(os.environ.get("PORTAL_TOKEN_TTL_MINUTES", "30")),
        upload_max_bytes=int(os.environ.get("PORTAL_UPLOAD_MAX_BYTES", str(5 * 1024 * 1024))),
        slot_days=int(os.environ.get("PORTAL_SLOT_DAYS", "14")),
        db_pool_size=int(os.environ.get("PORTAL_DB_POOL_SIZE", "10")),
        db_timeout_seconds=float(os.environ.get("PORTAL_DB_TIMEOUT_SECONDS", "3")),
        api_docs=os.environ.get("PORTAL_API_DOCS") == "1",
        trusted_proxies=tuple(p.strip() for p in os.environ.get("PORTAL_TRUSTED_PROXIES", "127.0.0.1,::1").split(",") if p.strip()),
    )
