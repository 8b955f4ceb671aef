"""The not-found page. Reflex has one 404 page for the whole app, so it
carries the page in every language and shows the one of the address's first
segment (``/fr/...`` in French), the default language otherwise."""

from __future__ import annotations

import json

import reflex as rx
from reflex.vars.base import Var, VarData
from reflex_base.utils.imports import ImportVar

from components.links import locale_href, nav_link
from components.notices import notice
from components.page import page_frame
from locales import DEFAULT_LOCALE, build_locales, gettext_for

_ROUTER = VarData(imports={"react-router": [ImportVar(tag="useLocation")]}, hooks={"const routerLocation = useLocation();": None})
PATH_LOCALE = Var('routerLocation.pathname.split("/")[1]', _var_data=_ROUTER).to(str)


def _in(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "[missing]",
        rx.el.h1(_title(locale)),
        notice(
            rx.el.p(_("It may have been moved or withdrawn. Check the address, or search for what you need.")),
            nav_link(_("Home"), href=locale_href(locale)),
            tone="warning",
        ),
    )


def not_found_page() -> rx.Component:
    others = [(code, _in(code)) for code in build_locales() if code != DEFAULT_LOCALE]
    return rx.match(PATH_LOCALE, *others, _in(DEFAULT_LOCALE))


def _title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("We cannot find this page")


def not_found_title() -> Var:
    """The page title in the address's language."""
    titles = {code: _title(code) for code in build_locales()}
    table, default = json.dumps(titles, ensure_ascii=False), json.dumps(titles[DEFAULT_LOCALE], ensure_ascii=False)
    return Var(f'({table}[routerLocation.pathname.split("/")[1]] ?? {default})', _var_data=_ROUTER).to(str)
