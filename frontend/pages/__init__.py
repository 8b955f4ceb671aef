"""The portal's page families. Each is compiled once per locale."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import reflex as rx

from frontend.pages import about, apply, benefits, booking, bundles, joint_progress, expat, halls, home, interact, letters, login, me, news, rate, search, service_guide, services, track


@dataclass(frozen=True)
class PageSpec:
    """A page family: its path below the locale and how to build it for one."""

    path: str  # "" for home; "[name]" segments are path parameters
    render: Callable[[str], rx.Component]
    title: Callable[[str], str | rx.Var]  # a Var for pages titled by their content
    description: Callable[[str], str]
    on_load: Callable[[str], Any] | None = None

    @property
    def is_dynamic(self) -> bool:
        return "[" in self.path


PAGES: tuple[PageSpec, ...] = (
    PageSpec("", home.home_page, home.home_title, home.home_description, home.HomeState.load),
    PageSpec("services", services.services_page, services.services_title, services.services_description, services.ServicesState.load),
    PageSpec(
        "services/[service_id]", service_guide.guide_page, service_guide.guide_title, service_guide.guide_description,
        lambda locale: [service_guide.GuideState.load(locale), bundles.GuideBundlesState.load(locale)],
    ),
    PageSpec("search", search.search_page, search.search_title, search.search_description, search.SearchState.load),
    PageSpec("news", news.news_page, news.news_title, news.news_description, news.NewsState.load),
    PageSpec("news/[article_id]", news.article_page, news.article_title, news.article_description, news.ArticleState.load),
    PageSpec("halls", halls.halls_page, halls.halls_title, halls.halls_description, halls.HallsState.load),
    PageSpec("halls/[hall_id]", halls.hall_page, halls.hall_title, halls.hall_description, halls.HallState.load),
    PageSpec("expat", expat.expat_page, expat.expat_title, expat.expat_description, expat.ExpatState.load),
    PageSpec("expat/[guide_id]", expat.expat_guide_page, expat.expat_guide_title, expat.expat_guide_description, expat.ExpatGuideState.load),
    PageSpec("interact", interact.interact_page, interact.interact_title, interact.interact_description),
    *(
        PageSpec(f"interact/{kind}", letters.letter_render(kind), letters.letter_title(kind), letters.letter_description, lambda locale, kind=kind: letters.LetterState.load(locale, kind))
        for kind, _title in letters.KIND_TITLES
    ),
    PageSpec("interact/reply", letters.reply_page, letters.reply_title, letters.reply_description, letters.ReplyState.load),
    *(PageSpec(path, login.login_page(path, form), login.login_title, login.login_description, login.LoginState.load) for path, form in login.LOGIN_PAGES),
    PageSpec("me", me.me_page, me.me_title, me.me_description, lambda locale: [me.MeState.load(locale), joint_progress.MyJointApplicationsState.load(locale)]),
    PageSpec("track", track.track_page, track.track_title, track.track_description, track.TrackState.load),
    PageSpec("book", booking.booking_page, booking.booking_title, booking.booking_description, booking.BookingState.load),
    PageSpec("apply/[service_id]", apply.apply_page, apply.apply_title, apply.apply_description, apply.ApplyState.load),
    PageSpec("bundles", bundles.bundles_page, bundles.bundles_title, bundles.bundles_description, bundles.BundlesState.load),
    PageSpec("bundles/[bundle_id]", bundles.bundle_page, bundles.bundle_title, bundles.bundle_description, bundles.BundleState.load),
    PageSpec("bundles/[bundle_id]/apply", bundles.bundle_apply_page, bundles.bundle_apply_title, bundles.bundle_apply_description, bundles.BundleApplyState.load),
    PageSpec("benefits", benefits.benefits_page, benefits.benefits_title, benefits.benefits_description, benefits.BenefitsState.load),
    PageSpec("rate", rate.rate_page, rate.rate_title, rate.rate_description, rate.RateState.load),
    *(PageSpec(path, render, about.titled(title), about.titled(description)) for path, render, title, description in about.ABOUT_PAGES),
)
