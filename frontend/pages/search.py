"""Unified search over services, news and guides, with suggestions as you type
(ARIA combobox), pinyin and fuzzy matching, and help when nothing matches."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

import reflex as rx

from clients import catalogue, information
from clients.base import ClientError, Unavailable
from components.audio import PCM_WORKLET
from components.footer import hotline_link
from components.icons import icon
from components.links import get_form, locale_href, nav_link
from components.notices import LOADING, READY, UNAVAILABLE, remote_content
from components.page import page_frame
from frontend.formatting import number_text
from frontend.pages.assistant import assistant_href
from locales import HTML_LANG, N_, api_locale, around, gettext_for, ngettext_for

KIND_LABELS = {"service": N_("Service"), "article": N_("News and policy"), "guide": N_("Guide for foreign residents")}
KIND_PATHS = {"service": "services", "article": "news", "guide": "expat"}


@dataclasses.dataclass
class ResultView:
    id: str
    kind: str
    title: str
    summary: str
    href: str
    lang: str


@dataclasses.dataclass
class LinkView:
    label: str
    href: str
    lang: str


def _lang(record_lang: str, locale: str) -> str:
    return HTML_LANG["zh"] if record_lang == "zh" else HTML_LANG.get(locale, "en")


def result_href(locale: str, kind: str, record_id: str) -> str:
    return locale_href(locale, f"{KIND_PATHS[kind]}/{record_id}")


def results_text(count: int, locale: str) -> str:
    """The heading of the results ("1 result", "3 results"), in the locale's plural forms."""
    ngettext = ngettext_for(locale)
    return ngettext("%(count)s result", "%(count)s results", count) % {"count": number_text(count, locale)}


class SearchState(rx.State):
    status: str = LOADING
    query: str = ""
    results: list[ResultView] = []
    count_text: str = ""
    did_you_mean: LinkView = LinkView("", "", "")
    popular: list[LinkView] = []
    nearest: list[LinkView] = []  # when nothing matched: the services nearest the query
    ask_href: str = ""  # the assistant, asked the same question
    suggestions: list[ResultView] = []

    @rx.event
    async def load(self, locale: str):
        self.query = str(self.router.url.query_parameters.get("q", "")).strip()[:100]
        self.status = LOADING
        self.suggestions = []
        yield
        language = api_locale(locale)
        try:
            popular = await catalogue.services(language, size=6)
            self.popular = [LinkView(s.name, locale_href(locale, f"services/{s.id}"), _lang(s.lang, locale)) for s in popular.value.items]
            if self.query:
                found = await information.search(language, self.query)
                self.results = [
                    ResultView(r.id, r.kind, r.title, r.summary, result_href(locale, r.kind, r.id), _lang(r.lang, locale)) for r in found.results
                ]
                term = found.did_you_mean or ""
                self.did_you_mean = LinkView(term, locale_href(locale, "search") + "?" + urlencode({"q": term}), HTML_LANG.get(locale, "en"))
                self.nearest = [LinkView(r.title, result_href(locale, r.kind, r.id), _lang(r.lang, locale)) for r in found.nearest]
                self.ask_href = assistant_href(locale, self.query)
            else:
                self.results, self.nearest = [], []
        except ClientError as error:
            self.status = UNAVAILABLE if isinstance(error, Unavailable) else READY
            return
        self.count_text = results_text(len(self.results), locale)
        self.status = READY

    @rx.event
    async def suggest(self, locale: str, text: str):
        text = text.strip()[:100]
        if len(text) < 1:
            self.suggestions = []
            return
        try:
            found = await information.suggest(api_locale(locale), text)
        except ClientError:
            self.suggestions = []
            return
        self.suggestions = [ResultView(s.id, s.kind, s.title, "", result_href(locale, s.kind, s.id), _lang(s.lang, locale)) for s in found]


def search_box(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return get_form(
        rx.el.label(_("What are you looking for?"), html_for="search-q", class_name="label--large"),
        rx.el.p(_("Type a few words, in any of our languages. Pinyin works too, e.g. shebao."), id="search-q-hint", class_name="hint"),
        rx.el.div(
            rx.el.div(
                rx.el.input(
                    id="search-q",
                    name="q",
                    type="search",
                    default_value=SearchState.query,
                    key=SearchState.query,
                    role="combobox",
                    auto_complete="off",
                    aria_autocomplete="list",
                    aria_expanded="false",
                    aria_controls="search-suggestions",
                    aria_describedby="search-q-hint search-q-keys",
                    enter_key_hint="search",
                    on_change=SearchState.suggest(locale).debounce(200),
                ),
                rx.el.ul(
                    rx.foreach(
                        SearchState.suggestions,
                        lambda s, i: rx.el.li(
                            nav_link(s.title, href=s.href, tab_index=-1, lang=s.lang),
                            id="suggestion-" + i.to_string(),
                            role="option",
                            aria_selected="false",
                        ),
                    ),
                    id="search-suggestions",
                    role="listbox",
                    aria_label=_("Suggestions"),
                    hidden=True,
                    class_name="suggestions",
                ),
                class_name="combobox",
            ),
            rx.el.button(
                icon("mic"),
                rx.el.span(_("Search by voice"), class_name="visually-hidden"),
                type="button",
                hidden=True,  # voice_search.js shows it where a speech model exists for the locale
                aria_pressed="false",
                class_name="search-form__voice",
                custom_attrs={
                    "data-voice-search": "",
                    "data-worklet": PCM_WORKLET,
                    "data-field": "search-q",
                    "data-status": "search-voice-status",
                    "data-say-starting": _("Getting ready to listen…"),
                    "data-say-listening": _("Listening… press the microphone again when you have finished."),
                    "data-say-nothing": _("Nothing was heard. Please try again, or type your search."),
                    "data-say-failed": _("Voice search is not available right now. Please type your search."),
                    "data-say-no-microphone": _("The microphone is not working. Please type your search."),
                },
            ),
            rx.el.button(icon("search"), rx.el.span(_("Search")), type="submit"),
            class_name="search-form search-form--page",
        ),
        rx.el.p(id="search-voice-status", role="status", class_name="hint"),
        rx.el.p(
            _("Suggestions appear below the box as you type: use the up and down arrow keys to choose one, and Enter to open it."),
            class_name="visually-hidden",
            id="search-q-keys",
        ),
        action=locale_href(locale, "search"),
        role="search",
    )


def _result(locale: str, result: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.article(
            rx.el.p(
                rx.match(result.kind, *((kind, _(label)) for kind, label in KIND_LABELS.items()), ""),
                class_name="result__kind",
            ),
            rx.el.h3(nav_link(result.title, href=result.href)),
            rx.el.p(result.summary),
            lang=result.lang,
            custom_attrs={"data-content": ""},
        ),
        class_name="result",
    )


def _nothing_found(locale: str) -> rx.Component:
    """No result is never the end of the road: near services, the assistant, the hotline."""
    _ = gettext_for(locale)
    before, after = around(_("Did you mean %(term)s?"), "term")
    return rx.el.div(
        rx.el.h2(_("Nothing matched your search")),
        rx.cond(
            SearchState.did_you_mean.label != "",
            rx.el.p(
                before,
                nav_link(SearchState.did_you_mean.label, href=SearchState.did_you_mean.href, custom_attrs={"data-content": ""}),
                after,
            ),
        ),
        rx.cond(
            SearchState.nearest.length() > 0,
            rx.el.section(
                rx.el.h3(_("Services that may be close"), id="nearest-title"),
                rx.el.ul(
                    rx.foreach(SearchState.nearest, lambda link: rx.el.li(nav_link(link.label, href=link.href, lang=link.lang))),
                    class_name="link-list",
                    custom_attrs={"data-content": ""},
                ),
                aria_labelledby="nearest-title",
            ),
        ),
        rx.el.p(
            _("Describe what you need in your own words to the service assistant:"),
            " ",
            nav_link(icon("chat"), rx.el.span(_("Ask the assistant")), href=SearchState.ask_href, class_name="button button--secondary"),
        ),
        rx.el.ul(
            rx.el.li(_("Check the spelling, or use fewer or more general words.")),
            rx.el.li(_("Try the name of the document you need, such as “passport” or “residence permit”.")),
            rx.el.li(_("Browse services by life event or by who they are for."), " ", nav_link(_("Browse all services"), href=locale_href(locale, "services"))),
        ),
        rx.el.p(_("Or call us and we will help you find it:"), " ", hotline_link(locale)),
        class_name="notice notice--info",
    )


def _popular(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("Popular services"), id="popular-title"),
        rx.el.ul(
            rx.foreach(SearchState.popular, lambda link: rx.el.li(nav_link(link.label, href=link.href, lang=link.lang))),
            class_name="link-list",
            custom_attrs={"data-content": ""},
        ),
        aria_labelledby="popular-title",
    )


def search_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "search",
        rx.el.h1(_("Search")),
        search_box(locale),
        remote_content(
            locale,
            SearchState.status,
            rx.cond(
                SearchState.query == "",
                _popular(locale),
                rx.cond(
                    SearchState.results.length() > 0,
                    rx.el.section(
                        rx.el.h2(SearchState.count_text, id="results-title"),
                        rx.el.ol(rx.foreach(SearchState.results, lambda r: _result(locale, r)), class_name="results-list"),
                        aria_labelledby="results-title",
                    ),
                    rx.fragment(_nothing_found(locale), _popular(locale)),
                ),
            ),
            retry=SearchState.load(locale),
            announce=rx.cond(SearchState.query == "", "", SearchState.count_text),
        ),
        trail=[(_("Search"), "search")],
    )


def search_title(locale: str) -> rx.Var:
    """The query first, so tabs and history tell one search from another."""
    _ = gettext_for(locale)
    return rx.cond(SearchState.query != "", SearchState.query + " - " + _("Search"), _("Search"))


def search_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Search all government services, news and guides for foreign residents.")
