"""The portal's page families. Each is compiled once per locale."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import reflex as rx

from frontend.pages import about, apply, assistant, benefits, booking, bundles, certificates, expat, halls, home, interact, joint_progress, letters, login, me, news, rate, search, service_guide, services, track
from frontend.served import ServedState, content_for, served_title


@dataclass(frozen=True)
class PageSpec:
    """A page family: its path below the locale and how to build it for one.
    An information page registers its content (frontend/served.py): the
    server renders it into the first response and ServedState loads it."""

    path: str  # "" for home; "[name]" segments are path parameters
    render: Callable[[str], rx.Component]
    title: Callable[[str], str | rx.Var] | None  # None: titled by its record (frontend/served.py)
    description: Callable[[str], str] | None  # None: described by its record
    on_load: Callable[[str], Any] | None = None
    query: tuple[str, ...] = ()  # query parameters that make another page of it (filters, page numbers)

    @property
    def is_dynamic(self) -> bool:
        return "[" in self.path

    @property
    def is_served(self) -> bool:
        return content_for(self.path) is not None

    def page_title(self, locale: str) -> str | rx.Var:
        """A record page's title is its record's: the server's, then the live state's."""
        return self.title(locale) if self.title else served_title()

    def load_event(self, locale: str) -> Any:
        if self.is_served:
            return ServedState.load(self.path, locale)
        return self.on_load(locale) if self.on_load else None


PAGES: tuple[PageSpec, ...] = (
    PageSpec("", home.home_page, home.home_title, home.home_description),
    PageSpec("services", services.services_page, services.services_title, services.services_description, query=services.QUERY),
    PageSpec("services/[service_id]", service_guide.guide_page, None, None),
    PageSpec("search", search.search_page, search.search_title, search.search_description, search.SearchState.load, query=("q",)),
    PageSpec("assistant", assistant.assistant_page, assistant.assistant_title, assistant.assistant_description, assistant.AssistantState.load),
    PageSpec("news", news.news_page, news.news_title, news.news_description, query=news.QUERY),
    PageSpec("news/[article_id]", news.article_page, None, None),
    PageSpec("halls", halls.halls_page, halls.halls_title, halls.halls_description),
    PageSpec("halls/[hall_id]", halls.hall_page, None, None),
    PageSpec("expat", expat.expat_page, expat.expat_title, expat.expat_description),
    PageSpec("expat/[guide_id]", expat.expat_guide_page, None, None),
    PageSpec("interact", interact.interact_page, interact.interact_title, interact.interact_description),
    *(
        PageSpec(f"interact/{kind}", letters.letter_render(kind), letters.letter_title(kind), letters.letter_description, lambda locale, kind=kind: letters.LetterState.load(locale, kind))
        for kind, _title in letters.KIND_TITLES
    ),
    PageSpec("interact/reply", letters.reply_page, letters.reply_title, letters.reply_description, letters.ReplyState.load),
    *(PageSpec(path, login.login_page(path, form), login.login_title, login.login_description, login.LoginState.load) for path, form in login.LOGIN_PAGES),
    PageSpec("me", me.me_page, me.me_title, me.me_description, lambda locale: [me.MeState.load(locale), joint_progress.MyJointApplicationsState.load(locale)]),
    PageSpec("me/certificates", certificates.certificates_page, certificates.certificates_title, certificates.certificates_description, certificates.CertificatesState.load),
    PageSpec("verify/[token]", certificates.verify_page, certificates.verify_title, certificates.verify_description, certificates.VerifyState.load),
    PageSpec("track", track.track_page, track.track_title, track.track_description, track.TrackState.load),
    PageSpec("book", booking.booking_page, booking.booking_title, booking.booking_description, booking.BookingState.load),
    PageSpec("apply/[service_id]", apply.apply_page, apply.apply_title, apply.apply_description, apply.ApplyState.load),
    PageSpec("bundles", bundles.bundles_page, bundles.bundles_title, bundles.bundles_description),
    PageSpec("bundles/[bundle_id]", bundles.bundle_page, None, None),
    PageSpec("bundles/[bundle_id]/apply", bundles.bundle_apply_page, bundles.bundle_apply_title, bundles.bundle_apply_description, bundles.BundleApplyState.load),
    PageSpec("benefits", benefits.benefits_page, benefits.benefits_title, benefits.benefits_description, benefits.BenefitsState.load),
    PageSpec("rate", rate.rate_page, rate.rate_title, rate.rate_description, rate.RateState.load),
    *(PageSpec(path, render, about.titled(title), about.titled(description)) for path, render, title, description in about.ABOUT_PAGES),
)
