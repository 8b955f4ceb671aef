"""A throwaway PostgreSQL server for the test session: Debian's binaries,
a cluster in a temporary folder, on a free port of 127.0.0.1.

PostgreSQL refuses to run as root: as root, the cluster belongs to the
``postgres`` system user Debian's package creates, and its commands run as
that user (``runuser``); anyone else runs them as themselves.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg

from tests.portal_server import free_port


def postgres_bin() -> Path:
    """The newest of Debian's PostgreSQL versions (``/usr/lib/postgresql/N/bin``), or ``PORTAL_PG_BIN``."""
    if os.environ.get("PORTAL_PG_BIN"):
        return Path(os.environ["PORTAL_PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: `make system-deps` installs Debian's postgresql package")
    return Path(found[-1]).parent


class PostgresServer:
    """``start()`` makes and starts the cluster (trust authentication, no
    durability: it is thrown away); ``create_database(name)`` gives a
    SQLAlchemy URL; ``stop()`` stops it and removes every file."""

    def __init__(self):
        self.bin = postgres_bin()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="portal-postgres-"))
        self.data = self.folder / "data"
        self.owner = pwd.getpwnam("postgres") if os.geteuid() == 0 else None

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.owner else []
        subprocess.run([*prefix, *command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=self.folder)

    def start(self) -> None:
        if self.owner:
            os.chown(self.folder, self.owner.pw_uid, self.owner.pw_gid)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.folder / "server.log"), "-w", "-t", "120", "start")

    def admin_url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new, empty database; its URL as users write ``PORTAL_DATABASE_URL``."""
        with psycopg.connect(self.admin_url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
