"""Links inside the portal: every page lives under its locale.

``rx.el.a`` is React Router's ``Link`` in Reflex 0.10 (client-side navigation).
Links the browser must follow itself - to another language (a new document
with its own ``<html lang>``), to an in-page target (focus moves there), to
``tel:`` and ``mailto:`` - are plain anchors.
"""

from __future__ import annotations

import reflex as rx
from reflex_components_core.el.elements.inline import A
from reflex_components_core.react_router.dom import ReactRouterLink


def locale_href(locale: str, path: str = "") -> str:
    """The URL of ``path`` (no leading slash, ``""`` for home) in ``locale``."""
    return f"/{locale}/{path}" if path else f"/{locale}/"


def nav_link(*children, href: str | rx.Var, **props) -> rx.Component:
    """A link to another page of the portal, followed without reloading."""
    return ReactRouterLink.create(*children, to=href, **props)


def plain_link(*children, href: str | rx.Var, **props) -> rx.Component:
    """A link the browser follows itself (see the module docstring)."""
    return A.create(*children, href=href, **props)
