"""Links inside the portal: every page lives under its locale.

``rx.el.a`` is React Router's ``Link`` in Reflex 0.10 (client-side navigation).
Links the browser must follow itself - to another language (a new document
with its own ``<html lang>``), to an in-page target (focus moves there), to
``tel:`` and ``mailto:`` - are plain anchors. So are links to the pages the
server renders with their content (frontend/served.py): the page arrives
whole as a document, also when no script runs or the live connection is
blocked, which a client-side navigation would leave waiting for its content.
"""

from __future__ import annotations

import reflex as rx
from reflex.vars.base import Var, VarData
from reflex_base.utils.imports import ImportVar
from reflex_components_core.el.elements.inline import A
from reflex_components_core.react_router.dom import ReactRouterLink

_ROUTER_LOCATION = VarData(
    imports={"react-router": [ImportVar(tag="useLocation")]},
    hooks={"const routerLocation = useLocation();": None},
)
# The current path below the locale ("services/42"), read from the router, for
# pages whose path has a parameter: right when prerendered and after navigation.
CURRENT_PATH = Var('routerLocation.pathname.replace(/^\\/[a-z]{2,3}\\/?/, "")', _var_data=_ROUTER_LOCATION).to(str)
# The address in the browser, path and query ("/en/services/?page=2").
HERE = Var("(routerLocation.pathname + routerLocation.search)", _var_data=_ROUTER_LOCATION).to(str)


def locale_href(locale: str, path: str | rx.Var = "") -> str | rx.Var:
    """The URL of ``path`` (no leading slash, ``""`` for home, may end in a
    query) in ``locale``. Paths end in a slash, as the prerendered pages do, so
    a document request is served without a redirect."""
    if isinstance(path, Var):
        return f"/{locale}/" + path
    route, question, query = path.partition("?")
    route = f"/{locale}/{route}/" if route else f"/{locale}/"
    return route + question + query


# First path segments below the locale ("" for home, "services") of the pages
# the server renders with their content; frontend/served.py registers them.
DOCUMENT_SECTIONS: set[str] = set()


def is_document(href: str) -> bool:
    """Whether ``href`` (``/en/services/?page=2``) is a page the server renders with its content."""
    parts = href.split("?", 1)[0].split("#", 1)[0].strip("/").split("/")
    return (parts[1] if len(parts) > 1 else "") in DOCUMENT_SECTIONS


def nav_link(*children, href: str | rx.Var, **props) -> rx.Component:
    """A link to another page of the portal: followed without reloading,
    unless the server renders that page with its content (see above)."""
    if isinstance(href, str) and is_document(href):
        return plain_link(*children, href=href, **props)
    return ReactRouterLink.create(*children, to=href, **props)


def plain_link(*children, href: str | rx.Var, **props) -> rx.Component:
    """A link the browser follows itself (see the module docstring)."""
    return A.create(*children, href=href, **props)


def get_form(*children, action: str | rx.Var, **props) -> rx.Component:
    """A form the browser submits itself: it loads ``action`` with the fields
    as its query, so the result can be shared and the back button works.
    (Reflex's form prevents the browser's submit unless told otherwise.)"""
    return rx.el.form(*children, action=action, method="get", on_submit=None, **props)
