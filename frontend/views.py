"""HTML views of back-end content: the regions the portal's server renders
into information pages (frontend/served.py).

Jinja2 templates in ``frontend/templates/``, autoescaped: every value from
the API is text. Rich text reaches a template only as the output of
:func:`frontend.rich_text.markdown_to_html`. UI strings come from the gettext
catalogues (``_``, ``ngettext``; Babel extracts them from the templates).
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from components.footer import HOTLINE
from components.icons import icon_svg
from components.links import locale_href
from components.notices import NOT_FOUND, READY, STALE, UNAVAILABLE
from locales import HTML_LANG, translations


@cache
def _environment(locale: str) -> Environment:
    environment = Environment(
        loader=PackageLoader("frontend", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_gettext_translations(translations(locale), newstyle=True)
    environment.globals.update(
        locale=locale,
        lang=HTML_LANG[locale],
        zh_lang=HTML_LANG["zh"],
        hotline=HOTLINE,
        href=lambda path="": locale_href(locale, path),
        icon=lambda name: Markup(icon_svg(name)),
        READY=READY,
        STALE=STALE,
        NOT_FOUND=NOT_FOUND,
        UNAVAILABLE=UNAVAILABLE,
    )
    return environment


def render(template: str, locale: str, **context) -> Markup:
    """The template ``template`` (a file name in frontend/templates) rendered
    for ``locale`` with ``context``; raises jinja2's errors for a missing
    template or an undefined name."""
    return Markup(_environment(locale).get_template(template).render(**context))


def inline(text: str, locale: str, lang: str = "") -> Markup:
    """Text for a region within a line (a breadcrumb), marked with its own
    ``lang`` when it is not the page's language."""
    if lang and lang != HTML_LANG[locale]:
        return Markup('<span lang="{}">{}</span>').format(lang, text)
    return escape(text)


def record_lang(record_lang: str, locale: str) -> str:
    """The ``lang`` of a record's text on a page in ``locale``: Chinese when
    the record had no translation for it (the back end's ``lang`` is "zh")."""
    return HTML_LANG["zh"] if record_lang == "zh" else HTML_LANG[locale]
