"""Serve the production build on one port: the compiled frontend, Reflex's
backend and the portal's routes (``make build`` makes the build first).

Starting from an existing build takes seconds, so tests can restart the
server with another configuration without rebuilding.
"""

from __future__ import annotations

import os

from reflex_base import constants
from reflex_base.environment import environment


def main() -> None:
    port = int(os.environ.get("PORT", "3000"))
    host = os.environ.get("HOST", "0.0.0.0")
    environment.REFLEX_ENV_MODE.set(constants.Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)

    from reflex.utils import exec as reflex_exec

    reflex_exec.run_backend_prod(host, port, constants.LogLevel.WARNING, mount_frontend_compiled_app=True)


if __name__ == "__main__":
    main()
