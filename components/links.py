"""Links inside the portal: every page lives under its locale.

``rx.el.a`` is React Router's ``Link`` in Reflex 0.10 (client-side navigation).
Links the browser must follow itself - to another language (a new document
with its own ``<html lang>``), to an in-page target (focus moves there), to
``tel:`` and ``mailto:`` - are plain anchors.
"""

from __future__ import annotations

import reflex as rx
from reflex.vars.base import Var, VarData
from reflex_base.utils.imports import ImportVar
from reflex_components_core.el.elements.inline import A
from reflex_components_core.react_router.dom import ReactRouterLink

# The current path below the locale ("services/42"), read from the router, for
# pages whose path has a parameter: right when prerendered and after navigation.
CURRENT_PATH = Var(
    'routerLocation.pathname.replace(/^\\/[a-z]{2,3}\\/?/, "")',
    _var_data=VarData(
        imports={"react-router": [ImportVar(tag="useLocation")]},
        hooks={"const routerLocation = useLocation();": None},
    ),
).to(str)


def locale_href(locale: str, path: str | rx.Var = "") -> str | rx.Var:
    """The URL of ``path`` (no leading slash, ``""`` for home, may end in a
    query) in ``locale``. Paths end in a slash, as the prerendered pages do, so
    a document request is served without a redirect."""
    if isinstance(path, Var):
        return f"/{locale}/" + path
    route, question, query = path.partition("?")
    route = f"/{locale}/{route}/" if route else f"/{locale}/"
    return route + question + query


def nav_link(*children, href: str | rx.Var, **props) -> rx.Component:
    """A link to another page of the portal, followed without reloading."""
    return ReactRouterLink.create(*children, to=href, **props)


def plain_link(*children, href: str | rx.Var, **props) -> rx.Component:
    """A link the browser follows itself (see the module docstring)."""
    return A.create(*children, href=href, **props)


def get_form(*children, action: str | rx.Var, **props) -> rx.Component:
    """A form the browser submits itself: it loads ``action`` with the fields
    as its query, so the result can be shared and the back button works.
    (Reflex's form prevents the browser's submit unless told otherwise.)"""
    return rx.el.form(*children, action=action, method="get", on_submit=None, **props)
