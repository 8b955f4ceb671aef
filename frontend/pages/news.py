"""News, notices and policy explanations: the list, filterable by kind, and
each article. Both arrive as HTML (frontend/served.py)."""

from __future__ import annotations

import dataclasses
import math
from urllib.parse import urlencode

import reflex as rx
from markupsafe import Markup

from clients import information
from components.links import locale_href
from components.page import page_frame
from frontend.formatting import date_text, number_text
from frontend.records import load, load_record
from frontend.rich_text import markdown_to_html
from frontend.seo import Record, indexes
from frontend.served import PageRequest, Served, region, serves
from frontend.views import inline, record_lang, render
from locales import N_, gettext_for

PAGE_SIZE = 10
KINDS = (("news", N_("News")), ("notice", N_("Notices")), ("policy", N_("Policy explained")))
QUERY = ("kind", "page")


@dataclasses.dataclass
class ArticleCard:
    href: str
    kind: str
    title: str
    summary: str
    date: str
    iso_date: str
    lang: str


@dataclasses.dataclass
class Link:
    label: str
    href: str
    current: bool = False


@dataclasses.dataclass
class ArticleView:
    title: str
    summary: str
    kind: str
    date: str
    iso_date: str
    department: str
    body_html: Markup
    related: list[Link]
    translated: bool
    lang: str


def kind_label(kind: str, locale: str) -> str:
    _ = gettext_for(locale)
    return _(dict(KINDS)[kind])


def article_view(article: information.ArticleDetail, locale: str) -> ArticleView:
    return ArticleView(
        title=article.title,
        summary=article.summary,
        kind=kind_label(article.kind, locale),
        date=date_text(article.published, locale),
        iso_date=article.published.isoformat(),
        department=article.department.name,
        body_html=markdown_to_html(article.body),
        related=[Link(s.name, locale_href(locale, f"services/{s.id}")) for s in article.related_services],
        translated=article.lang != "zh" or locale == "zh",
        lang=record_lang(article.lang, locale),
    )


@serves("news")
async def news_content(request: PageRequest) -> Served:
    """The list of one kind of article (``?kind=``), one page (``?page=``)."""
    locale = request.locale
    _ = gettext_for(locale)
    kind = request.query.get("kind", "")
    kind = kind if kind in dict(KINDS) else ""
    page = request.page_number
    loaded = await load(lambda language: information.articles(language, kind=kind or None, page=page, size=PAGE_SIZE), locale)
    articles, pages = [], []
    if loaded.shown:
        listing = loaded.value
        articles = [
            ArticleCard(
                href=locale_href(locale, f"news/{a.id}"),
                kind=kind_label(a.kind, locale),
                title=a.title,
                summary=a.summary,
                date=date_text(a.published, locale),
                iso_date=a.published.isoformat(),
                lang=record_lang(a.lang, locale),
            )
            for a in listing.items
        ]
        count = max(1, math.ceil(listing.total / PAGE_SIZE))
        base = {"kind": kind} if kind else {}
        if count > 1:
            pages = [Link(number_text(n, locale), locale_href(locale, "news") + "?" + urlencode({**base, "page": n}), n == page) for n in range(1, count + 1)]
    tabs = [
        Link(label, locale_href(locale, "news") + (f"?kind={code}" if code else ""), code == kind)
        for code, label in (("", _("All")), *((code, _(label)) for code, label in KINDS))
    ]
    html = render("news.html", locale, status=loaded.status, tabs=tabs, articles=articles, pages=pages, request=request)
    return Served(loaded.status, {"list": html})


@serves("news/[article_id]")
async def article_content(request: PageRequest) -> Served:
    """The article in the address."""
    locale = request.locale
    _ = gettext_for(locale)
    loaded = await load_record(information.article, locale, request.params["article_id"])
    article = article_view(loaded.value, locale) if loaded.shown else None
    return Served(
        loaded.status,
        {
            "main": render("article.html", locale, status=loaded.status, article=article, request=request),
            "crumb": inline(article.title, locale, article.lang) if article else inline(_("News and notices"), locale),
        },
        title=article.title if article else _("News and notices"),
        description=article.summary if article else _("An announcement or policy explanation from Haizhou's government."),
    )


@indexes("news/[article_id]")
async def article_index(locale: str) -> list[Record]:
    """Every article, newest first, with its date."""
    records, page = [], 1
    while True:
        listing = (await information.articles(locale, page=page, size=50)).value
        records += [Record(a.id, a.published) for a in listing.items]
        if page * 50 >= listing.total:
            return records
        page += 1


def news_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "news",
        rx.el.h1(_("News and notices")),
        rx.el.p(_("Announcements from the city government, and plain explanations of new policies."), class_name="lead"),
        region(locale, "list"),
        trail=[(_("News and notices"), "news")],
    )


def article_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "news/[article_id]",
        region(locale, "main"),
        trail=[(_("News and notices"), "news"), (region(locale, "crumb", "span"), "")],
    )


def news_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("News and notices")


def news_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("News, notices and policy explanations from Haizhou's government.")
