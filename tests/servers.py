"""Real servers the suite starts for itself, on free ports in temporary
folders: Debian's ``redis-server`` and ``nginx`` (see DEBIAN_PACKAGES in the
Makefile)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from tests.portal_server import ROOT, free_port


def _wait_for_port(port: int, process: subprocess.Popen, what: str, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on {port} within {timeout} s")


def _stop(process: subprocess.Popen | None) -> None:
    if process and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class RedisServer:
    """``redis-server`` on loopback, without persistence, in ``folder``."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        executable = shutil.which("redis-server") or "/usr/bin/redis-server"
        log = self.folder / "redis.log"
        self.process = subprocess.Popen(
            [executable, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder), "--save", "", "--appendonly", "no",
             "--logfile", str(log)],
            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        _wait_for_port(self.port, self.process, "redis-server", log)

    def stop(self) -> None:
        _stop(self.process)
        self.process = None


NGINX_CONF = """\
{user}
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
{site}
}}
"""


class Nginx:
    """nginx from a temporary prefix, listening on ``port`` as ``site`` (the
    contents of an ``http`` block) says."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.site = ""
        self.process: subprocess.Popen | None = None

    def start(self, site: str | None = None) -> None:
        """Start with ``site``, or again with the last one."""
        site = self.site = site or self.site
        executable = shutil.which("nginx") or "/usr/sbin/nginx"
        conf = self.folder / "nginx.conf"
        # Started by root, nginx's workers would otherwise run as nobody, who cannot write the temp folders.
        user = "user root;" if os.geteuid() == 0 else ""
        conf.write_text(NGINX_CONF.format(user=user, folder=self.folder, site=site))
        self.process = subprocess.Popen(
            [executable, "-p", str(self.folder), "-c", str(conf), "-e", str(self.folder / "error.log")],
            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        _wait_for_port(self.port, self.process, "nginx", self.folder / "error.log")

    def stop(self) -> None:
        _stop(self.process)
        self.process = None


def readme_nginx_site(upstream_port: int, listen_port: int) -> str:
    """The README's nginx example, pointed at this test's servers."""
    block = re.search(r"```nginx\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert block, "the README shows an nginx configuration"
    site = block.group(1)
    assert "listen 80;" in site and "proxy_pass http://127.0.0.1:8080;" in site
    return site.replace("listen 80;", f"listen 127.0.0.1:{listen_port};").replace("127.0.0.1:8080", f"127.0.0.1:{upstream_port}")
