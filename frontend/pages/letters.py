"""Writing to the government (12345-style): a question, a complaint, a
suggestion or a letter to the mayor; then reading the reply with the ticket
number and access code."""

from __future__ import annotations

import dataclasses
import uuid

import reflex as rx

from clients import accounts, interaction
from clients.base import ClientError, InvalidInput, NotFound, RateLimited, Unavailable
from components.fields import choice_group, error_summary, field, personal_field
from components.links import locale_href, nav_link
from components.notices import notice, unavailable_notice
from components.page import page_frame
from components.records import status_label
from components.uploads import upload_field, uploaded_ids
from frontend import validation
from frontend.formatting import date_text
from frontend.personal import PersonalNumbers
from frontend.pages.me import LETTER_KINDS
from frontend.session import api_token
from locales import N_, api_locale, gettext_for

CATEGORIES = (
    ("social-security", N_("Social security and jobs")),
    ("healthcare", N_("Health and medical insurance")),
    ("education", N_("Education")),
    ("housing", N_("Housing")),
    ("transport", N_("Transport and roads")),
    ("environment", N_("Environment, noise and cleanliness")),
    ("public-safety", N_("Public safety")),
    ("business", N_("Business and the market")),
    ("other", N_("Something else")),
)
CONTACTS = (("sms", N_("By text message")), ("phone", N_("By phone call")), ("email", N_("By email")), ("none", N_("I do not need a reply")))
INTROS = {
    "consultation": N_("Ask about a service, a rule or what you need to do. The department responsible will answer, usually within 5 working days."),
    "complaint": N_("Tell us what went wrong, where and when. We pass it to the department responsible, which must reply within 10 working days."),
    "suggestion": N_("Share an idea to improve the city or its services. Every suggestion is read, and you will hear what happens to it."),
    "mailbox": N_("Write to the mayor about a matter of wider concern. Letters are read by the mayor's office and answered within 15 working days."),
}
FIELDS = ("category", "subject", "body", "contact", "name", "phone", "email", "attachments")
SUBJECT, BODY = validation.text(100), validation.text(5000)


@dataclasses.dataclass
class Sent:
    ticket: str = ""
    code: str = ""
    reply_href: str = ""


@dataclasses.dataclass
class LetterView:
    kind: str = ""
    subject: str = ""
    body: str = ""
    status: str = ""
    sent: str = ""
    reply: str = ""
    replied: str = ""


class LetterState(PersonalNumbers, rx.State):
    kind: str = "consultation"
    name: str = ""
    email: str = ""
    service: str = ""
    errors: dict[str, str] = {}
    problem: str = ""
    busy: bool = False
    idempotency_key: str = ""
    sent: Sent = Sent()

    @rx.event
    async def load(self, locale: str, kind: str):
        self.kind = kind
        self.errors, self.problem, self.busy = {}, "", False
        self.sent = Sent()
        self._forget_numbers()
        self.idempotency_key = str(uuid.uuid4())
        self.service = str(self.router.url.query_parameters.get("service", ""))[:60]
        token = await api_token(self)
        if token:
            try:
                profile = await accounts.me(api_locale(locale), token)
                self.name = profile.name
                self._keep_number("phone", "phone", (profile.phone or "").removeprefix("+86"))
            except ClientError:
                pass

    @rx.event
    async def send(self, locale: str, form: dict):
        if self.busy:
            return
        values = {name: str(form.get(name, "")).strip() for name in FIELDS}
        self._keep_number("phone", "phone", self._submitted_number(form, "phone"))
        values["phone"] = self._number("phone")
        contact = values["contact"]
        # The contact chosen makes its field required; the rules check the rest (frontend/validation.py).
        checked = {
            name: validation.check(rule, values[name], required=required)
            for name, rule, required in (
                ("subject", SUBJECT, True),
                ("body", BODY, True),
                ("name", validation.NAME, False),
                ("phone", validation.PHONE, contact in ("sms", "phone")),
                ("email", validation.EMAIL, contact == "email"),
            )
        }
        errors = {
            "category": None if values["category"] in dict(CATEGORIES) else "invalid_choice",
            "contact": None if contact in dict(CONTACTS) else "invalid_choice",
            **{name: result.error for name, result in checked.items()},
        }
        self.errors = {k: v for k, v in errors.items() if v}
        self.name, self.email = values["name"], values["email"]
        self._stop_editing(keep_open=list(self.errors))
        if self.errors:
            yield rx.set_focus("letter-server-summary")
            return
        self.busy, self.problem = True, ""
        yield
        letter_form = interaction.LetterForm(
            kind=self.kind,
            category=values["category"],
            subject=checked["subject"].value,
            body=checked["body"].value,
            contact_preference=contact,
            name=checked["name"].value or None,
            phone=checked["phone"].value or None,
            email=checked["email"].value or None,
            locale=api_locale(locale),
            attachments=uploaded_ids(values["attachments"]),
        )
        token = await api_token(self)
        try:
            letter = await interaction.send_letter(api_locale(locale), letter_form, idempotency_key=self.idempotency_key, token=token)
        except InvalidInput as error:
            self.busy = False
            self.errors = {"contact" if name == "contact_preference" else name: code for name, code in error.fields.items()}
            self._stop_editing(keep_open=list(self.errors))
            yield rx.set_focus("letter-server-summary")
            return
        except ClientError as error:
            self.busy = False
            self.problem = "unavailable" if isinstance(error, Unavailable) else "error"
            yield rx.set_focus("letter-problem")
            return
        self.busy = False
        code = letter.access_code or ""
        self.sent = Sent(letter.id, code, locale_href(locale, f"interact/reply?ticket={letter.id}&code={code}"))
        self._forget_numbers()
        yield rx.set_focus("letter-sent")


def letter_page(locale: str, kind: str, title: str) -> rx.Component:
    _ = gettext_for(locale)
    labels = {
        "category": _("What is it about?"),
        "subject": _("Subject"),
        "body": _("Your message"),
        "attachments": _("Photos or documents"),
        "contact": _("How should we reply?"),
        "name": _("Your name"),
        "phone": _("Phone number"),
        "email": _("Email address"),
    }
    form = rx.el.form(
        error_summary(locale, "letter", LetterState.errors, labels),
        rx.el.div(
            rx.el.label(labels["category"], html_for="letter-category"),
            rx.el.p(id="letter-category-error", class_name="field-error", hidden=True),
            rx.el.select(
                rx.el.option(_("Choose a topic"), value=""),
                *(rx.el.option(_(label), value=code) for code, label in CATEGORIES),
                id="letter-category",
                name="category",
                required=True,
                aria_describedby="letter-category-error",
                custom_attrs={"data-error-required": _("Choose what your message is about.")},
            ),
            class_name="field",
        ),
        field(locale, "subject", labels["subject"], rule=SUBJECT, errors=LetterState.errors, form_id="letter", hint=_("In a few words, up to 100 characters.")),
        field(locale, "body", labels["body"], rule=BODY, errors=LetterState.errors, form_id="letter", kind="textarea", rows=8, hint=_("Say what happened, where and when, and what you would like us to do. Up to 5,000 characters.")),
        upload_field(locale, "attachments", labels["attachments"], form_id="letter", limit=3, hint=_("Optional. Up to 3 files: PDF, JPG or PNG, 5 MB each.")),
        choice_group(locale, "contact", labels["contact"], [(code, _(label)) for code, label in CONTACTS], errors=LetterState.errors, form_id="letter"),
        field(locale, "name", labels["name"], errors=LetterState.errors, form_id="letter", rule=validation.NAME, required=False, autocomplete="name", value=LetterState.name),
        personal_field(
            locale, "phone", labels["phone"], masked=LetterState.masked, unmasked=LetterState.unmasked, edit=LetterState.edit_number("phone", "letter-phone"),
            errors=LetterState.errors, form_id="letter", rule=validation.PHONE, required=False, kind="tel", autocomplete="tel", input_mode="tel",
            hint=_("Needed for a reply by text message or phone."),
        ),
        field(locale, "email", labels["email"], errors=LetterState.errors, form_id="letter", rule=validation.EMAIL, required=False, kind="email", autocomplete="email", value=LetterState.email, hint=_("Needed for a reply by email.")),
        rx.el.p(_("We use your contact details only to answer you. Your message may be published without your name if it is of general interest."), class_name="hint"),
        rx.el.button(rx.cond(LetterState.busy, _("Sending…"), _("Send")), type="submit", class_name="button", aria_disabled=LetterState.busy),
        on_submit=LetterState.send(locale),
        no_validate=True,
        custom_attrs=validation.form_attributes(**{"data-keep": f"letter-{kind}"}),
    )
    sent = rx.el.section(
        rx.el.h2(_("Your message has been sent")),
        rx.el.p(_("Ticket number"), class_name="meta"),
        rx.el.p(LetterState.sent.ticket, class_name="confirmation__number", custom_attrs={"translate": "no", "data-testid": "ticket-number"}),
        rx.el.p(_("Access code"), class_name="meta"),
        rx.el.p(LetterState.sent.code, class_name="confirmation__number", custom_attrs={"translate": "no", "data-testid": "access-code"}),
        rx.el.p(_("Keep both numbers: with them you can read the reply here, or ask about it on 12345.")),
        nav_link(_("Read the reply later"), href=LetterState.sent.reply_href),
        id="letter-sent",
        tab_index=-1,
        class_name="confirmation",
        custom_attrs={"data-forget-kept": f"letter-{kind}"},  # sent: the tab's copy of it goes (forms.js)
    )
    return page_frame(
        locale,
        f"interact/{kind}",
        rx.el.h1(title),
        rx.el.p(_(INTROS[kind]), class_name="lead"),
        rx.el.div(
            rx.cond(LetterState.problem == "unavailable", unavailable_notice(locale)),
            rx.cond(LetterState.problem == "error", notice(rx.el.p(_("Something went wrong. Please try again.")), tone="error")),
            id="letter-problem",
            tab_index=-1,
            role="alert",
        ),
        rx.cond(LetterState.sent.ticket != "", sent, form),
        trail=[(_("Contact the government"), "interact"), (title, f"interact/{kind}")],
    )


class ReplyState(rx.State):
    outcome: str = ""  # "", found, not_found, invalid, too_many_attempts, unavailable
    ticket: str = ""
    code: str = ""
    letter: LetterView = LetterView()

    async def _read(self, locale: str, typed_ticket: str, typed_code: str):
        ticket, code = validation.check(validation.TICKET, typed_ticket), validation.check(validation.ACCESS_CODE, typed_code)
        self.ticket = typed_ticket if ticket.error else ticket.value
        self.code = typed_code if code.error else code.value
        if ticket.error or code.error:
            self.outcome = "invalid"
            return rx.set_focus("reply-outcome")
        ticket, code = ticket.value, code.value
        try:
            letter = await interaction.read_letter(api_locale(locale), ticket, access_code=code)
        except NotFound:
            self.outcome = "not_found"
            return rx.set_focus("reply-outcome")
        except RateLimited:
            self.outcome = "too_many_attempts"
            return rx.set_focus("reply-outcome")
        except ClientError as error:
            self.outcome = "unavailable" if isinstance(error, Unavailable) else "not_found"
            return rx.set_focus("reply-outcome")
        self.letter = LetterView(
            kind=letter.kind,
            subject=letter.subject,
            body=letter.body,
            status=letter.status,
            sent=date_text(letter.created_at.date(), locale),
            reply=letter.reply or "",
            replied=date_text(letter.replied_at.date(), locale) if letter.replied_at else "",
        )
        self.outcome = "found"
        return rx.set_focus("reply-outcome")

    @rx.event
    async def load(self, locale: str):
        query = self.router.url.query_parameters
        self.outcome = ""
        ticket, code = str(query.get("ticket", "")), str(query.get("code", ""))
        if ticket.strip():
            return await self._read(locale, ticket, code)

    @rx.event
    async def read(self, locale: str, form: dict):
        return await self._read(locale, str(form.get("ticket", "")), str(form.get("code", "")))


def reply_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    letter = ReplyState.letter
    return page_frame(
        locale,
        "interact/reply",
        rx.el.h1(_("Read a reply")),
        rx.el.form(
            rx.el.div(
                rx.el.label(_("Ticket number"), html_for="reply-ticket"),
                rx.el.p(id="reply-ticket-error", class_name="field-error", hidden=True),
                rx.el.input(id="reply-ticket", name="ticket", input_mode="numeric", required=True, default_value=ReplyState.ticket, key=ReplyState.ticket, aria_describedby="reply-ticket-error", custom_attrs={"data-error-required": _("Enter the 14-digit ticket number."), "data-error-format": _("Enter the 14-digit ticket number."), "data-error-invalid-characters": _("Enter the 14-digit ticket number."), **validation.TICKET.attributes()}),
                class_name="field",
            ),
            rx.el.div(
                rx.el.label(_("Access code"), html_for="reply-code"),
                rx.el.p(id="reply-code-error", class_name="field-error", hidden=True),
                rx.el.input(id="reply-code", name="code", input_mode="numeric", required=True, auto_complete="off", default_value=ReplyState.code, key=ReplyState.code, aria_describedby="reply-code-error", custom_attrs={"data-error-required": _("Enter the 6-digit access code."), "data-error-format": _("Enter the 6-digit access code."), "data-error-invalid-characters": _("Enter the 6-digit access code."), **validation.ACCESS_CODE.attributes()}),
                class_name="field",
            ),
            rx.el.button(_("Show my message and the reply"), type="submit", class_name="button"),
            on_submit=ReplyState.read(locale),
            no_validate=True,
            custom_attrs=validation.form_attributes(),
        ),
        rx.el.div(
            rx.match(
                ReplyState.outcome,
                (
                    "found",
                    rx.el.article(
                        rx.el.h2(letter.subject, custom_attrs={"data-content": ""}),
                        rx.el.p(rx.match(letter.kind, *((c, _(l)) for c, l in LETTER_KINDS.items()), ""), " · ", letter.sent, " · ", status_label(locale, letter.status), class_name="meta"),
                        rx.el.p(letter.body, custom_attrs={"data-content": ""}),
                        rx.cond(
                            letter.reply != "",
                            rx.el.div(rx.el.h3(_("Reply"), " · ", letter.replied), rx.el.p(letter.reply, custom_attrs={"data-content": ""}), class_name="reply"),
                            rx.el.p(_("There is no reply yet. The department will answer within the time it promises.")),
                        ),
                        class_name="record",
                    ),
                ),
                ("invalid", notice(rx.el.p(_("Enter the 14-digit ticket number and the 6-digit access code you were given.")), tone="warning")),
                ("not_found", notice(rx.el.p(_("We cannot find a message with these numbers. Check them, or call 12345.")), tone="warning")),
                ("too_many_attempts", notice(rx.el.p(_("Too many wrong attempts. Please wait a few minutes and try again, or call 12345.")), tone="warning")),
                ("unavailable", unavailable_notice(locale)),
                rx.fragment(),
            ),
            id="reply-outcome",
            tab_index=-1,
            aria_live="polite",
        ),
        trail=[(_("Contact the government"), "interact"), (_("Read a reply"), "interact/reply")],
    )


# The four kinds of letter: (kind, title) - each its own page.
KIND_TITLES = (
    ("consultation", N_("Ask a question")),
    ("complaint", N_("Make a complaint")),
    ("suggestion", N_("Make a suggestion")),
    ("mailbox", N_("Write to the mayor")),
)


def letter_title(kind: str):
    def title(locale: str) -> str:
        _ = gettext_for(locale)
        return _(dict(KIND_TITLES)[kind])

    return title


def letter_render(kind: str):
    def render(locale: str) -> rx.Component:
        return letter_page(locale, kind, letter_title(kind)(locale))

    return render


def letter_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Write to the government: you get a ticket number and a reply within the promised time.")


def reply_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Read a reply")


def reply_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Read the reply to your question, complaint, suggestion or letter.")
