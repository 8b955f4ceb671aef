"""Serve the production build on one port: the compiled frontend, Reflex's
backend and the portal's routes (``make build`` makes the build first).

Starting from an existing build takes seconds, so tests can restart the
server with another configuration without rebuilding.

This is Reflex's production server (Granian, as ``reflex run --env prod``
starts it) with the settings a public service needs:

- ``PORTAL_WORKERS`` backend processes: 1 by default; with ``PORTAL_REDIS_URL``
  (page state in Redis, shared by all) as many as the machine has cores.
  Several workers without Redis are refused: each would hold its own sessions.
- a worker that dies is started again, instead of the whole server stopping;
- each worker holds up to ``PORTAL_MAX_CONNECTIONS`` requests and websockets
  at once (Granian's default, 1024 shared by the workers, would leave page
  sessions beyond that waiting to connect).
"""

from __future__ import annotations

import os

from reflex_base import constants
from reflex_base.environment import environment


def worker_count() -> int:
    """``PORTAL_WORKERS``, else 1, or the number of cores when Redis is configured."""
    shared_state = bool(os.environ.get("PORTAL_REDIS_URL"))
    workers = int(os.environ.get("PORTAL_WORKERS") or (os.cpu_count() or 1 if shared_state else 1))
    if workers > 1 and not shared_state:
        raise SystemExit("PORTAL_WORKERS above 1 needs PORTAL_REDIS_URL: the workers must share page state")
    return workers


def main() -> None:
    import multiprocessing

    from granian.constants import Interfaces
    from granian.log import LogLevels
    from granian.server import Server
    from reflex.utils import exec as reflex_exec

    port = int(os.environ.get("PORT", "3000"))
    host = os.environ.get("HOST", "0.0.0.0")
    workers = worker_count()
    environment.REFLEX_ENV_MODE.set(constants.Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)
    environment.REFLEX_MOUNT_FRONTEND_COMPILED_APP.set(True)

    # As Reflex's own production start: workers forked from a supervisor that
    # has imported the app share its memory pages.
    if (start_method := reflex_exec._backend_start_method()) is not None:
        multiprocessing.set_start_method(start_method, force=True)
        if start_method == "fork" and not reflex_exec._preload_for_fork(None):
            multiprocessing.set_start_method("spawn", force=True)

    Server(
        target=reflex_exec.get_app_instance_from_file(),
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        workers=workers,
        respawn_failed_workers=True,
        backlog=2048,
        backpressure=int(os.environ.get("PORTAL_MAX_CONNECTIONS", "5000")),
        log_level=LogLevels.warning,
    ).serve()


if __name__ == "__main__":
    main()
