"""Assembles the portal: every page family in every locale, one Reflex app."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx
from reflex.vars.base import Var, VarData
from reflex_base.utils.imports import ImportVar

import a11y
import components
from components.problems import backend_exception_handler
import kiosk
from components.header import portal_name
from frontend.end_user import ForwardEndUser
from frontend.pages import PAGES
from frontend.pages.not_found import not_found_page, not_found_title
from frontend.server import portal_routes, reference_api_built, with_security_headers
from kiosk.screens import KIOSK_SCREENS, attract_page, kiosk_not_found_page
from locales import HTML_LANG, build_locales, gettext_for

# <html lang> follows the first path segment, both in the prerendered HTML and
# after client-side navigation (Reflex's html_lang is one value for the app).
_LANG_BY_LOCALE = ",".join(f'"{code}":"{tag}"' for code, tag in HTML_LANG.items())
HTML_LANG_FROM_PATH = Var(
    f'({{{_LANG_BY_LOCALE}}})[useLocation().pathname.split("/")[1]] ?? "{HTML_LANG["zh"]}"',
    _var_data=VarData(imports={"react-router": [ImportVar(tag="useLocation")]}),
)



def page_component(render: Callable[[str], rx.Component], locale: str) -> Callable[[], rx.Component]:
    """The page ``render`` builds for ``locale``, as a callable whose module is
    the render function's own plus the locale. Reflex writes a page's memoized
    components to a module named after the page's source, so each page in
    each locale gets its own small bundle instead of every page loading the
    components of all pages in all locales."""

    def page() -> rx.Component:
        return render(locale)

    page.__module__ = f"{render.__module__}.{locale}"
    return page


app = rx.App(
    stylesheets=[*components.stylesheets(), *a11y.stylesheets(), *kiosk.stylesheets()],
    head_components=[*a11y.head_components(), *components.head_components(), *kiosk.head_components()],
    html_custom_attrs={"lang": HTML_LANG_FROM_PATH},
    # Reflex's default toaster, connection overlay and error boundary speak
    # English only and pull in extra bundles; the pages bring their own notices.
    toaster=None,
    app_wraps={},
    # An event that fails is told in the page, in its language (never alert()).
    backend_exception_handler=backend_exception_handler,
    # The portal's routes around Reflex's, then the security headers around everything.
    api_transformer=[portal_routes(PAGES), with_security_headers],
)
app.register_lifespan_task(reference_api_built)
app.add_middleware(ForwardEndUser())

for spec in PAGES:
    for locale in build_locales():
        title = spec.page_title(locale)
        app.add_page(
            page_component(spec.render, locale),
            route=f"/{locale}/{spec.path}",
            # Home is titled by the portal's name alone; every other page by its own name first.
            title=title + f" - {portal_name(locale)}" if spec.path and isinstance(title, str) else title,
            description=spec.description(locale) if spec.description else None,
            on_load=spec.load_event(locale),
        )

# The kiosk: the attract screen, then each screen in each locale (see kiosk/).
app.add_page(
    attract_page(),
    route="/kiosk",
    title="海州市政务服务 自助终端 · Haizhou self-service kiosk",
    description="海州市政务服务自助终端：触摸或语音办事。Haizhou citizen services kiosk: use touch or voice.",
)
for path, render, on_load in KIOSK_SCREENS:
    for locale in build_locales():
        _ = gettext_for(locale)
        app.add_page(
            page_component(render, locale),
            route=f"/{locale}/kiosk/{path}",
            title=_("Haizhou Citizen Services · Self-service"),
            description=_("Self-service kiosk of the Haizhou citizen services: touch the screen or hold the talk button and speak."),
            on_load=on_load(locale) if on_load else None,
        )

# One "not found" page serves the whole app. Below a kiosk (/{locale}/kiosk/...)
# it keeps the kiosk's frame, bar and idle timer; elsewhere it is the portal's,
# in the address's language.
_KIOSK_LOCALE = Var(
    '(routerLocation.pathname.match(/^\\/([a-z]{2,3})\\/kiosk(\\/|$)/) || [])[1] || ""',
    _var_data=VarData(
        imports={"react-router": [ImportVar(tag="useLocation")]},
        hooks={"const routerLocation = useLocation();": None},
    ),
).to(str)
app.add_page(
    rx.match(
        _KIOSK_LOCALE,
        *((locale, kiosk_not_found_page(locale)) for locale in build_locales()),
        not_found_page(),
    ),
    route="404",
    title=not_found_title(),
)
