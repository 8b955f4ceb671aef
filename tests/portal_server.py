"""Builds the production frontend once and serves it for the browser tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build(env: dict[str, str], cwd: Path = ROOT) -> None:
    """The production build: every page prerendered for every locale."""
    subprocess.run([str(BIN / "reflex"), "export", "--frontend-only", "--no-zip"], cwd=cwd, env=env, check=True)


class PortalServer:
    """``python -m frontend.serve`` on a port, started and stopped by the tests."""

    def __init__(self, port: int, env: dict[str, str], log: Path, cwd: Path = ROOT):
        self.port = port
        self.env = {**env, "PYTHONPATH": str(ROOT)}
        self.log = log
        self.cwd = cwd  # the app to serve: the portal, or another Reflex app for comparison
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    def start(self, ready_path: str = "/zh/", **extra_env: str) -> None:
        env = {**self.env, **extra_env}
        log = self.log.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "frontend.serve"], cwd=self.cwd, env=env, stdout=log, stderr=log, start_new_session=True
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the portal server exited; see {self.log}")
            try:
                # Ready when the page answers and the embedded API has been built (its search index takes seconds).
                if httpx.get(f"{self.url}{ready_path}", timeout=2).status_code == 200 and httpx.get(f"{self.url}/api/v1/health", timeout=5).status_code < 500:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.stop()  # never leave a half-started server for the next test to meet
        raise RuntimeError(f"the portal server did not answer within 180 s; see {self.log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None


class ReferenceApi:
    """The reference API run alone (``python -m backend``), to stop and start."""

    def __init__(self, env: dict[str, str], data_dir: str):
        self.port = free_port()
        self.env = {**env, "BACKEND_PORT": str(self.port), "PORTAL_DATA_DIR": data_dir}
        self.url = f"http://127.0.0.1:{self.port}/api/v1"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "backend"], cwd=ROOT, env=self.env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _attempt in range(200):
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the reference API did not start")

    def stop(self) -> None:
        if self.process:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
            self.process = None
