"""News, notices and policy explanations: the list, filterable by kind, and
each article."""

from __future__ import annotations

import dataclasses
import math
from urllib.parse import urlencode

import reflex as rx

from clients import information
from clients.base import ClientError, NotFound, Unavailable
from components.links import locale_href, nav_link
from components.notices import LOADING, NOT_FOUND, READY, STALE, UNAVAILABLE, has_content, not_found_notice, remote_content, untranslated_notice
from components.page import page_frame
from frontend.formatting import date_text, number_text
from frontend.rich_text import markdown_to_html
from locales import HTML_LANG, N_, api_locale, gettext_for

PAGE_SIZE = 10
KINDS = (("news", N_("News")), ("notice", N_("Notices")), ("policy", N_("Policy explained")))


@dataclasses.dataclass
class ArticleCard:
    href: str
    kind: str
    title: str
    summary: str
    date: str
    iso_date: str
    department: str
    lang: str


@dataclasses.dataclass
class Link:
    label: str
    href: str
    current: bool = False


@dataclasses.dataclass
class ArticleView:
    title: str = ""
    kind: str = ""
    date: str = ""
    iso_date: str = ""
    department: str = ""
    body_html: str = ""
    related: list[Link] = dataclasses.field(default_factory=list)
    translated: bool = True
    lang: str = ""


def _lang(record_lang: str, locale: str) -> str:
    return HTML_LANG["zh"] if record_lang == "zh" else HTML_LANG.get(locale, "en")


class NewsState(rx.State):
    status: str = LOADING
    kind: str = ""
    articles: list[ArticleCard] = []
    pages: list[Link] = []

    @rx.event
    async def load(self, locale: str):
        query = self.router.url.query_parameters
        kind = str(query.get("kind", ""))
        self.kind = kind if kind in dict(KINDS) else ""
        try:
            page = max(1, min(1000, int(query.get("page", "1"))))
        except ValueError:
            page = 1
        self.status = LOADING
        yield
        try:
            result = await information.articles(api_locale(locale), kind=self.kind or None, page=page, size=PAGE_SIZE)
        except ClientError as error:
            self.status = UNAVAILABLE if isinstance(error, Unavailable) else READY
            return
        listing = result.value
        self.articles = [
            ArticleCard(
                href=locale_href(locale, f"news/{a.id}"),
                kind=a.kind,
                title=a.title,
                summary=a.summary,
                date=date_text(a.published, locale),
                iso_date=a.published.isoformat(),
                department=a.department.name,
                lang=_lang(a.lang, locale),
            )
            for a in listing.items
        ]
        count = max(1, math.ceil(listing.total / PAGE_SIZE))
        base = {"kind": self.kind} if self.kind else {}
        self.pages = (
            [Link(number_text(n, locale), locale_href(locale, "news") + "?" + urlencode({**base, "page": n}), n == page) for n in range(1, count + 1)]
            if count > 1
            else []
        )
        self.status = STALE if result.stale else READY


class ArticleState(rx.State):
    status: str = LOADING
    article: ArticleView = ArticleView()

    @rx.event
    async def load(self, locale: str):
        article_id = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        self.status = LOADING
        yield
        try:
            result = await information.article(api_locale(locale), article_id)
        except NotFound:
            self.status = NOT_FOUND
            return
        except Unavailable:
            self.status = UNAVAILABLE
            return
        a = result.value
        self.article = ArticleView(
            title=a.title,
            kind=a.kind,
            date=date_text(a.published, locale),
            iso_date=a.published.isoformat(),
            department=a.department.name,
            body_html=markdown_to_html(a.body),
            related=[Link(s.name, locale_href(locale, f"services/{s.id}")) for s in a.related_services],
            translated=a.lang != "zh" or locale == "zh",
            lang=_lang(a.lang, locale),
        )
        self.status = STALE if result.stale else READY


def kind_label(locale: str, kind: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.match(kind, *((code, _(label)) for code, label in KINDS), "")


def _kind_tabs(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    tabs = [("", _("All")), *((code, _(label)) for code, label in KINDS)]
    return rx.el.nav(
        rx.el.ul(
            *(
                rx.el.li(
                    nav_link(
                        label,
                        href=locale_href(locale, "news") + (f"?kind={code}" if code else ""),
                        aria_current=rx.cond(NewsState.kind == code, "page", None),
                    )
                )
                for code, label in tabs
            )
        ),
        aria_label=_("Kinds of article"),
        class_name="tabs",
    )


def _article_item(locale: str, card: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.article(
            rx.el.p(kind_label(locale, card.kind), " · ", rx.el.time(card.date, date_time=card.iso_date), class_name="meta"),
            rx.el.h2(nav_link(card.title, href=card.href), lang=card.lang, custom_attrs={"data-content": ""}),
            rx.el.p(card.summary, lang=card.lang, custom_attrs={"data-content": ""}),
        ),
        class_name="article-item",
    )


def news_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "news",
        rx.el.h1(_("News and notices")),
        rx.el.p(_("Announcements from the city government, and plain explanations of new policies."), class_name="lead"),
        _kind_tabs(locale),
        remote_content(
            locale,
            NewsState.status,
            rx.fragment(
                rx.el.ul(rx.foreach(NewsState.articles, lambda card: _article_item(locale, card)), class_name="article-list"),
                rx.cond(
                    NewsState.pages.length() > 0,
                    rx.el.nav(
                        rx.el.ul(rx.foreach(NewsState.pages, lambda link: rx.el.li(nav_link(link.label, href=link.href, aria_current=rx.cond(link.current, "page", None))))),
                        aria_label=_("Pages of results"),
                        class_name="pagination",
                    ),
                ),
            ),
            retry=NewsState.load(locale),
        ),
        trail=[(_("News and notices"), "news")],
    )


def article_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    article = ArticleState.article
    return page_frame(
        locale,
        "news/[article_id]",
        rx.el.h1(rx.cond(has_content(ArticleState.status), article.title, _("News and notices")), lang=article.lang),
        remote_content(
            locale,
            ArticleState.status,
            rx.el.article(
                rx.cond(article.translated, rx.fragment(), untranslated_notice(locale)),
                rx.el.p(kind_label(locale, article.kind), " · ", rx.el.time(article.date, date_time=article.iso_date), " · ", rx.el.span(article.department, lang=article.lang), class_name="meta"),
                rx.html(article.body_html, class_name="prose", lang=article.lang, custom_attrs={"data-content": ""}),
                rx.cond(
                    article.related.length() > 0,
                    rx.el.section(
                        rx.el.h2(_("Related services"), id="related-title"),
                        rx.el.ul(rx.foreach(article.related, lambda link: rx.el.li(nav_link(link.label, href=link.href))), class_name="link-list", lang=article.lang, custom_attrs={"data-content": ""}),
                        aria_labelledby="related-title",
                    ),
                ),
            ),
            retry=ArticleState.load(locale),
            not_found=not_found_notice(locale, _("We cannot find this article"), _("All news and notices"), "news"),
        ),
        trail=[(_("News and notices"), "news"), (article.title, "")],
    )


def news_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("News and notices")


def news_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("News, notices and policy explanations from Haizhou's government.")


def article_title(locale: str) -> rx.Var:
    _ = gettext_for(locale)
    return rx.cond(ArticleState.article.title != "", ArticleState.article.title, _("News and notices"))


def article_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("An announcement or policy explanation from Haizhou's government.")
