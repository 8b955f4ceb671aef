"""News, notices and policy explanations; the expat guides; search."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from clients.base import Cached, Endpoint, api_client
from clients.catalogue import Named

ArticleKind = Literal["news", "notice", "policy"]
SearchKind = Literal["service", "article", "guide"]


class ArticleSummary(BaseModel):
    id: str
    kind: ArticleKind
    published: dt.date
    title: str
    summary: str
    department: Named
    lang: str


class ArticleDetail(ArticleSummary):
    body: str
    related_services: list[Named]


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    total: int
    page: int
    size: int


class EmergencyNumber(BaseModel):
    number: str
    label: str


class GuideSummary(BaseModel):
    id: str
    title: str
    summary: str
    last_reviewed: dt.date
    lang: str


class GuideDetail(GuideSummary):
    body: str
    emergency_numbers: list[EmergencyNumber]
    related_services: list[Named]


class SearchResult(BaseModel):
    kind: SearchKind
    id: str
    title: str
    summary: str
    lang: str
    score: float


class SearchResults(BaseModel):
    query: str
    results: list[SearchResult]
    did_you_mean: str | None
    nearest: list[SearchResult]  # when nothing matched: the services nearest the query


class Suggestion(BaseModel):
    kind: SearchKind
    id: str
    title: str
    lang: str


ARTICLES = Endpoint("GET", "/articles", ArticlePage)
ARTICLE = Endpoint("GET", "/articles/{article_id}", ArticleDetail)
GUIDES = Endpoint("GET", "/expat-guides", list[GuideSummary])
GUIDE = Endpoint("GET", "/expat-guides/{guide_id}", GuideDetail)
SEARCH = Endpoint("GET", "/search", SearchResults)
SUGGEST = Endpoint("GET", "/search/suggest", list[Suggestion])


async def articles(locale: str, *, kind: str | None = None, page: int = 1, size: int = 10) -> Cached[ArticlePage]:
    params = {"kind": kind, "page": page, "size": size}
    return await api_client().read_cached(ARTICLES, locale=locale, params={k: v for k, v in params.items() if v is not None})


async def article(locale: str, article_id: str) -> Cached[ArticleDetail]:
    return await api_client().read_cached(ARTICLE, locale=locale, path={"article_id": article_id})


async def guides(locale: str) -> Cached[list[GuideSummary]]:
    return await api_client().read_cached(GUIDES, locale=locale)


async def guide(locale: str, guide_id: str) -> Cached[GuideDetail]:
    return await api_client().read_cached(GUIDE, locale=locale, path={"guide_id": guide_id})


async def search(locale: str, query: str, *, kinds: list[str] | None = None, limit: int = 20) -> SearchResults:
    return await api_client().call(SEARCH, locale=locale, params={"q": query, "kind": kinds, "limit": limit})


async def suggest(locale: str, query: str, *, limit: int = 8) -> list[Suggestion]:
    return await api_client().call(SUGGEST, locale=locale, params={"q": query, "limit": limit})
