"""The back end limits guessing per caller, and every call the portal makes
comes from the portal: so each event's calls name the person they are made
for, by the address their websocket came from (Reflex's ``client_ip``, which
honours ``trusted_proxy_hops`` behind a proxy)."""

from __future__ import annotations

from reflex.middleware import Middleware

from clients.base import END_USER


class ForwardEndUser(Middleware):
    """A Reflex middleware: sets ``clients.base.END_USER`` before each event is handled."""

    async def preprocess(self, app, state, event):
        END_USER.set(state.router.session.client_ip or None)
        return None
