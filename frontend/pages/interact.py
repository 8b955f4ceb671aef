"""The interaction hub (互动交流): ask, complain, suggest, write to the mayor,
rate a service, or read a reply."""

from __future__ import annotations

import reflex as rx

from components.footer import hotline_link
from components.icons import icon
from components.links import locale_href, nav_link
from components.page import page_frame
from locales import N_, gettext_for

# (path below the locale, icon, title, description)
ENTRIES = (
    ("interact/consultation", "chat", N_("Ask a question"), N_("Not sure what you need or how a service works? Ask and a department will answer.")),
    ("interact/complaint", "shield", N_("Make a complaint"), N_("Tell us when a service, an office or a member of staff let you down.")),
    ("interact/suggestion", "document", N_("Make a suggestion"), N_("An idea to make the city or its services better.")),
    ("interact/mailbox", "landmark", N_("Write to the mayor"), N_("The mayor's mailbox, for matters of wider concern to the city.")),
    ("me", "heart", N_("Rate a service"), N_("Rate a finished application or appointment on ease, speed and attitude.")),
    ("interact/reply", "clock", N_("Read a reply"), N_("Use your ticket number and access code to read the answer.")),
)


def interact_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "interact",
        rx.el.h1(_("Contact the government")),
        rx.el.p(
            _("Like the 12345 hotline, online: every message gets a ticket number, and a department replies within the time it promises."),
            class_name="lead",
        ),
        rx.el.ul(
            *(
                rx.el.li(
                    rx.el.div(
                        icon(icon_name),
                        rx.el.h2(nav_link(_(title), href=locale_href(locale, path), class_name="card__link")),
                        rx.el.p(_(description)),
                        class_name="card",
                    )
                )
                for path, icon_name, title, description in ENTRIES
            ),
            class_name="card-grid",
        ),
        rx.el.section(
            rx.el.h2(_("Prefer to talk?"), id="talk-title"),
            rx.el.p(_("Call the hotline at any time. Interpreters for English, Japanese, Korean and French are available.")),
            hotline_link(locale),
            aria_labelledby="talk-title",
            class_name="section",
        ),
        trail=[(_("Contact the government"), "interact")],
    )


def interact_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Contact the government")


def interact_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Ask a question, complain, suggest, write to the mayor or rate a service.")
