"""A region of a page whose HTML the portal's server renders into the first
response and the live state refreshes (components/served.js)."""

from __future__ import annotations

import reflex as rx
from reflex_base.components.component import field
from reflex_base.vars.base import Var

_SCRIPT = rx.asset("served.js", shared=True)


class ServedHtml(rx.Component):
    """An element holding server-rendered HTML (see served.js for how it
    survives hydration and when it is replaced)."""

    library = _SCRIPT.importable_path
    tag = "ServedHtml"

    element: Var[str] = field(doc="The HTML element, e.g. div or span.")
    html: Var[str] = field(doc="The region's HTML from the live state.")
    version: Var[str] = field(doc="A digest of that HTML.")
    page: Var[str] = field(doc="The address (path and query) the state's HTML was rendered for.")
