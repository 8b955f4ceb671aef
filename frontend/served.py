"""Information pages arrive as HTML, and the live state keeps them current.

A page family that shows back-end content (home, the catalogue and each
service guide, news and each article, halls and each hall, the expat zone and
each guide) registers a *content function* with :func:`serves`. It loads what
the page shows and renders it to HTML regions (frontend/views.py). That one
function is used twice:

- for a document request, the portal's server (frontend/page_server.py) puts
  the regions into the page's prerendered template, so the first response
  carries the content, its title and description;
- in the browser, :class:`ServedState` runs it again on load and holds the
  same HTML; a region (components/served.js) changes only when its content
  changed since the page was served.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import unquote
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

import reflex as rx
from reflex.vars.base import Var

from components.header import portal_name
from components.links import DOCUMENT_SECTIONS, HERE
from components.served import ServedHtml
from locales import gettext_for


@dataclass(frozen=True)
class PageRequest:
    """What a content function is asked for: the locale, the path's
    parameters (``{"service_id": "ps-id-card"}``), the query, and the
    address's path as the browser has it (``/en/services/ps-id-card/``)."""

    locale: str
    params: Mapping[str, str] = field(default_factory=dict)
    query: Mapping[str, str] = field(default_factory=dict)
    path: str = ""

    @property
    def page_number(self) -> int:
        """The page of a list asked for (``?page=``), 1 to 1000; 1 when it is not a number."""
        try:
            return max(1, min(1000, int(self.query.get("page", "1"))))
        except ValueError:
            return 1


@dataclass(frozen=True)
class Served:
    """A page's content: its status (components/notices.py: ready, stale,
    not found, unavailable), its regions by name (HTML), and, for a page about
    one record, that record's title and description ("" keeps the page's own)."""

    status: str
    regions: Mapping[str, str]
    title: str = ""
    description: str = ""


ContentFunction = Callable[[PageRequest], Awaitable[Served]]
_CONTENT: dict[str, ContentFunction] = {}
_PARAM = re.compile(r"\[(\w+)\]")


def serves(path: str) -> Callable[[ContentFunction], ContentFunction]:
    """Register the content function of the page family at ``path`` (below the
    locale, ``[name]`` for a parameter, as in frontend/pages/__init__.py)."""

    def register(function: ContentFunction) -> ContentFunction:
        _CONTENT[path] = function
        DOCUMENT_SECTIONS.add(path.split("/", 1)[0])
        return function

    return register


def content_for(path: str) -> ContentFunction | None:
    """The content function registered for ``path``, if the page is served."""
    return _CONTENT.get(path)


def path_values(path: str, address: str) -> dict[str, str]:
    """The values of ``path``'s parameters in ``address``:
    ``{"service_id": "ps-id-card"}`` for ``services/[service_id]`` and
    ``/en/services/ps-id-card/``."""
    pattern = "/[^/]+/" + _PARAM.sub(lambda match: f"(?P<{match.group(1)}>[^/]+)", re.escape(path).replace("\\[", "[").replace("\\]", "]")) + "/?"
    found = re.fullmatch(pattern, address)
    return {name: unquote(value) for name, value in found.groupdict().items()} if found else {}


def digest(html: str) -> str:
    """A short digest of a region's HTML: its version."""
    return hashlib.sha256(html.encode("utf-8")).hexdigest()[:16]


def page_title(title: str, locale: str) -> str:
    """A record page's full title: the record's, then the portal's name."""
    return f"{title} - {portal_name(locale)}"


@dataclass
class Region:
    html: str = ""
    version: str = ""


class ServedState(rx.State):
    """The live copy of the information page on show: its regions, and the
    address (path and query) they were rendered for."""

    page: str = ""
    title: str = ""
    regions: dict[str, Region] = {}

    @rx.event
    async def load(self, path: str, locale: str):
        """On load: render the page's content again, as the server did."""
        url = self.router.url
        query = {key: str(value) for key, value in url.query_parameters.items()}
        served = await _CONTENT[path](PageRequest(locale, path_values(path, url.path), query, url.path))
        self.regions = {name: Region(html, digest(html)) for name, html in served.regions.items()}
        self.title = page_title(served.title, locale) if served.title else ""
        self.page = url.path + (f"?{url.query}" if url.query else "")


def region(locale: str, name: str, element: str = "div", **props) -> rx.Component:
    """Where the region ``name`` of the page goes: the server fills it in the
    first response, the live state when the content changes. Empty, it says
    that its content is loading (theme.css)."""
    _ = gettext_for(locale)
    content = ServedState.regions[name]
    custom_attrs = {"data-region": name, "data-loading": _("Loading…"), **props.pop("custom_attrs", {})}
    return ServedHtml.create(element=element, html=content.html, version=content.version, page=ServedState.page, custom_attrs=custom_attrs, **props)


def served_title() -> Var:
    """The title of a record page: the live state's, once it holds this page;
    until then React leaves the title the server sent (a title element whose
    content is ``undefined`` keeps its text)."""
    return rx.cond(ServedState.page == HERE, ServedState.title, Var(_js_expr="undefined"))
