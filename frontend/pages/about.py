"""The pages about the site itself: the accessibility statement (with the
keyboard shortcuts), contact details and privacy."""

from __future__ import annotations

import datetime as dt

import reflex as rx

from components.footer import EMAIL, hotline_link
from components.links import locale_href, nav_link, plain_link
from components.page import page_frame
from frontend.formatting import date_text
from locales import N_, gettext_for

STATEMENT_DATE = dt.date(2026, 11, 22)
ACCESSIBILITY_EMAIL = "accessibility@haizhou.gov.example"

# (keys, what they do)
SHORTCUTS = (
    ("Alt + Shift + A", N_("Open or close the accessibility settings")),
    ("Alt + Shift + E", N_("Switch senior mode on or off")),
    ("Alt + Shift + =", N_("Larger text")),
    ("Alt + Shift + -", N_("Smaller text")),
    ("Alt + Shift + C", N_("Change the colours (standard, yellow on black, black on white)")),
    ("Alt + Shift + R", N_("Read the page aloud")),
    ("Alt + Shift + S", N_("Stop reading aloud")),
    ("Alt + Shift + 0", N_("Reset all accessibility settings")),
    ("Tab / Shift + Tab", N_("Move to the next or previous link, button or field")),
    ("Enter / Space", N_("Follow a link, press a button, tick a box")),
    ("Escape", N_("Close the settings or the suggestions, stop reading")),
    ("↑ / ↓", N_("Move through search suggestions")),
)


def _section(title: str, section_id: str, *children) -> rx.Component:
    return rx.el.section(rx.el.h2(title, id=section_id), *children, aria_labelledby=section_id, class_name="section prose")


def accessibility_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "accessibility",
        rx.el.h1(_("Accessibility statement")),
        rx.el.p(
            _("This website is for everyone who lives, works or travels in Haizhou, including older people and people who use a screen reader, a keyboard, screen magnification or voice."),
            class_name="lead",
        ),
        _section(
            _("How you can use this site"),
            "use",
            rx.el.ul(
                rx.el.li(_("Senior mode: larger text, larger buttons and a simpler page, with the most-used tasks first.")),
                rx.el.li(_("Text size from 100% to 200%, and high-contrast colours: yellow on black, or black on white.")),
                rx.el.li(_("A large cursor, a reading guide line that follows the pointer, and a text-only view.")),
                rx.el.li(_("Read aloud: the whole page, sentence by sentence, or whatever you point at or move to.")),
                rx.el.li(_("Everything works with a keyboard alone and with screen readers.")),
                rx.el.li(_("Your settings are remembered on this device. Relatives can send you a link that switches senior mode on:"), " ", plain_link(locale_href(locale, "?elder=1"), href=locale_href(locale, "?elder=1"), custom_attrs={"translate": "no"})),
            ),
        ),
        _section(
            _("Keyboard shortcuts"),
            "shortcuts",
            rx.el.table(
                rx.el.thead(rx.el.tr(rx.el.th(_("Keys"), scope="col"), rx.el.th(_("What it does"), scope="col"))),
                rx.el.tbody(*(rx.el.tr(rx.el.td(rx.el.kbd(keys), custom_attrs={"translate": "no"}), rx.el.td(_(what))) for keys, what in SHORTCUTS)),
                class_name="table",
            ),
        ),
        _section(
            _("Standards we meet"),
            "standards",
            rx.el.ul(
                rx.el.li(_("Web Content Accessibility Guidelines (WCAG) 2.2, level AA.")),
                rx.el.li(_("GB/T 37668-2019, the Chinese national standard for the accessibility of web content.")),
                rx.el.li(_("The elder-friendly design specification for websites of the Ministry of Industry and Information Technology, with larger sizes than it requires.")),
            ),
        ),
        _section(
            _("How we test"),
            "testing",
            rx.el.ul(
                rx.el.li(_("Every page template is checked automatically with axe-core in all five languages, in standard, senior and high-contrast modes, with every change we make.")),
                rx.el.li(_("The main tasks are tested with a keyboard alone, and text size, spacing and button sizes are measured in senior mode.")),
                rx.el.li(_("Pages are checked at 320 pixels wide and at 200% text without sideways scrolling.")),
            ),
        ),
        _section(
            _("Known limitations"),
            "limits",
            rx.el.ul(
                rx.el.li(_("Some documents that departments attach, such as scanned PDF forms, may not be accessible. Call us and we will read them to you or send them in another format.")),
                rx.el.li(_("New content can appear in Chinese before it is translated. It is marked, and the hotline can help in your language.")),
                rx.el.li(_("When your browser has no voice for the page's language, the portal's own voice is used. It sounds mechanical, and it reads Japanese kanji poorly.")),
                rx.el.li(_("The site has not yet been reviewed by a panel of disabled users. That review is planned.")),
            ),
        ),
        _section(
            _("Report a problem"),
            "report",
            rx.el.p(_("If something on this site is hard to use, tell us. We reply within 5 working days.")),
            rx.el.ul(
                rx.el.li(hotline_link(locale)),
                rx.el.li(plain_link(ACCESSIBILITY_EMAIL, href=f"mailto:{ACCESSIBILITY_EMAIL}", custom_attrs={"translate": "no"})),
                rx.el.li(nav_link(_("Make a suggestion online"), href=locale_href(locale, "interact/suggestion"))),
            ),
        ),
        rx.el.p(_("This statement was prepared on %(date)s.") % {"date": date_text(STATEMENT_DATE, locale)}, class_name="meta"),
        trail=[(_("Accessibility statement"), "accessibility")],
    )


def contact_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "contact",
        rx.el.h1(_("Contact us")),
        _section(
            _("By phone"),
            "phone",
            rx.el.p(_("The 12345 city hotline answers every day, 24 hours. Say the language you speak and an interpreter for English, Japanese, Korean or French joins the call.")),
            hotline_link(locale),
        ),
        _section(
            _("Online"),
            "online",
            rx.el.ul(
                rx.el.li(nav_link(_("Ask a question, complain or suggest"), href=locale_href(locale, "interact"))),
                rx.el.li(plain_link(EMAIL, href=f"mailto:{EMAIL}", custom_attrs={"translate": "no"})),
            ),
        ),
        _section(
            _("In person"),
            "person",
            rx.el.p(_("Every service hall has staff to help, a priority window for older people and disabled people, and volunteers.")),
            nav_link(_("Find a service hall"), href=locale_href(locale, "halls")),
        ),
        trail=[(_("Contact us"), "contact")],
    )


def privacy_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "privacy",
        rx.el.h1(_("Privacy")),
        rx.el.p(_("We collect only what a service needs, use it only for that service, and keep it safe."), class_name="lead"),
        _section(
            _("What we collect"),
            "collect",
            rx.el.ul(
                rx.el.li(_("When you log in: your phone number, and your ID or passport number, to know who you are.")),
                rx.el.li(_("When you apply, book or write to us: what you enter in the form and the documents you upload.")),
                rx.el.li(_("On this device only: your accessibility settings, your language and what you are typing in a form, so nothing is lost.")),
            ),
        ),
        _section(
            _("How we protect it"),
            "protect",
            rx.el.ul(
                rx.el.li(_("ID and phone numbers are shown only in part on screen.")),
                rx.el.li(_("Our logs never record personal details.")),
                rx.el.li(_("Your session ends after a period without activity; log out on shared computers.")),
                rx.el.li(_("At community kiosks, everything is wiped when you finish or walk away.")),
            ),
        ),
        _section(
            _("Your rights"),
            "rights",
            rx.el.p(_("Under the Personal Information Protection Law you can ask to see, correct or delete your personal information. Call 12345 or write to us.")),
            plain_link(EMAIL, href=f"mailto:{EMAIL}", custom_attrs={"translate": "no"}),
        ),
        trail=[(_("Privacy"), "privacy")],
    )


def titled(message: str):
    """A page-title function for a static page."""

    def title(locale: str) -> str:
        _ = gettext_for(locale)
        return _(message)

    return title


ABOUT_PAGES = (
    ("accessibility", accessibility_page, N_("Accessibility statement"), N_("How this site works for everyone, the standards it meets, its keyboard shortcuts and how to report a problem.")),
    ("contact", contact_page, N_("Contact us"), N_("Phone, online and in-person help from Haizhou's government.")),
    ("privacy", privacy_page, N_("Privacy"), N_("What personal information we collect, why, and how we protect it.")),
)
