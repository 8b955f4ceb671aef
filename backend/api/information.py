"""News, notices and policy explanations; the expat guides; search."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import func
from sqlmodel import select

from backend import models
from backend.api.catalogue import Named
from backend.api.deps import LocaleQuery, Page, SessionDep, Size
from backend.errors import not_found
from backend.localize import localize, text

router = APIRouter(tags=["information"])

ArticleKind = Literal["news", "notice", "policy"]
GuideId = Literal["visas", "work-permits", "tax", "healthcare", "housing", "schooling", "emergencies"]
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


class EmergencyNumberOut(BaseModel):
    number: str
    label: str


class GuideSummary(BaseModel):
    id: GuideId
    title: str
    summary: str
    last_reviewed: dt.date
    lang: str


class GuideDetail(GuideSummary):
    body: str
    emergency_numbers: list[EmergencyNumberOut]
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
    nearest: list[SearchResult] = Field(description="When nothing matched: the services that look most like the query")


class Suggestion(BaseModel):
    kind: SearchKind
    id: str
    title: str
    lang: str


async def _named(session, table, ids: list[str], locale: str) -> list[Named]:
    named = []
    for record_id in ids:
        record = await session.get(table, record_id)
        if record is not None:
            name = record.data["name"]
            named.append(Named(id=record.id, name=text(name, locale), lang=locale if name.get(locale) else "zh"))
    return named


async def _article_summary(session, article: models.Article, locale: str) -> dict:
    data = localize(article.data, locale)
    return {
        "id": article.id,
        "kind": article.kind,
        "published": article.published,
        "title": data["title"],
        "summary": data["summary"],
        "department": (await _named(session, models.Department, [data["department"]], data["lang"]))[0],
        "lang": data["lang"],
    }


@router.get("/articles", response_model=ArticlePage)
async def list_articles(session: SessionDep, locale: LocaleQuery = "zh", kind: ArticleKind | None = None, page: Page = 1, size: Size = 10) -> ArticlePage:
    """Newest first."""
    query = select(models.Article)
    count = select(func.count()).select_from(models.Article)
    if kind:
        query = query.where(models.Article.kind == kind)
        count = count.where(models.Article.kind == kind)
    rows = await session.exec(query.order_by(models.Article.published.desc(), models.Article.id).offset((page - 1) * size).limit(size))
    return ArticlePage(
        items=[ArticleSummary(**await _article_summary(session, a, locale)) for a in rows], total=(await session.exec(count)).one(), page=page, size=size
    )


@router.get("/articles/{article_id}", response_model=ArticleDetail)
async def get_article(article_id: Annotated[str, Path(max_length=80)], session: SessionDep, locale: LocaleQuery = "zh") -> ArticleDetail:
    article = await session.get(models.Article, article_id)
    if article is None:
        raise not_found("article")
    summary = await _article_summary(session, article, locale)
    data = localize(article.data, locale)
    return ArticleDetail(**summary, body=data["body"], related_services=await _named(session, models.Service, data["related_services"], summary["lang"]))


@router.get("/expat-guides", response_model=list[GuideSummary])
async def list_guides(session: SessionDep, locale: LocaleQuery = "zh") -> list[GuideSummary]:
    rows = await session.exec(select(models.ExpatGuide).order_by(models.ExpatGuide.position))
    return [GuideSummary(**{k: v for k, v in localize(g.data, locale).items() if k in GuideSummary.model_fields}) for g in rows]


@router.get("/expat-guides/{guide_id}", response_model=GuideDetail)
async def get_guide(guide_id: GuideId, session: SessionDep, locale: LocaleQuery = "zh") -> GuideDetail:
    guide = await session.get(models.ExpatGuide, guide_id)
    if guide is None:
        raise not_found("guide")
    data = localize(guide.data, locale)
    return GuideDetail(
        **{k: v for k, v in data.items() if k in GuideSummary.model_fields},
        body=data["body"],
        emergency_numbers=[EmergencyNumberOut(**n) for n in data["emergency_numbers"]],
        related_services=await _named(session, models.Service, data["related_services"], data["lang"]),
    )


Query_ = Annotated[str, Query(min_length=1, max_length=100)]

# Search and suggestions rank in memory and touch no database: plain functions,
# which FastAPI runs in its thread pool, so ranking never holds up the event loop.


def _result(hit) -> SearchResult:
    return SearchResult(kind=hit.kind, id=hit.id, title=hit.title, summary=hit.summary, lang=hit.lang, score=hit.score)


@router.get("/search", response_model=SearchResults)
async def search(
    request: Request,
    q: Query_,
    locale: LocaleQuery = "zh",
    kind: Annotated[list[SearchKind] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
) -> SearchResults:
    """Services, articles and guides ranked for the query (BM25 over analysed
    text, the locale's lexicon, typos, pinyin and initials). When nothing
    matches: a spelling suggestion and the services nearest the query."""
    index = request.app.state.search_index
    hits = index.search(q, locale, kinds=kind or ("service", "article", "guide"), limit=limit)
    return SearchResults(
        query=q,
        results=[_result(hit) for hit in hits],
        did_you_mean=None if hits else index.did_you_mean(q, locale),
        nearest=[] if hits else [_result(hit) for hit in index.nearest(q, locale)],
    )


@router.get("/search/suggest", response_model=list[Suggestion])
async def suggest(request: Request, q: Query_, locale: LocaleQuery = "zh", limit: Annotated[int, Query(ge=1, le=10)] = 8) -> list[Suggestion]:
    """Suggestions as the user types (the last word may be unfinished)."""
    hits = request.app.state.search_index.search(q, locale, limit=limit, prefix=True)
    return [Suggestion(kind=h.kind, id=h.id, title=h.title, lang=h.lang) for h in hits]
