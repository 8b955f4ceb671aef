"""One application for a life event (一件事一次办): the bundles, what each
one does and saves (information pages, served as HTML: frontend/served.py),
and its joint application, which asks each question once, takes each document
once and ends with one receipt number.

The application follows the single one (apply.py): a step per page, answers
kept in the tab (forms.js) and as a server draft after every step, the same
Idempotency-Key for every retry, the server's field errors shown by the field.
The questions come from the bundle's data, so their fields are built here from
it rather than from the fixed fields of components/fields.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import reflex as rx
from babel.lists import format_list

from clients import accounts, bundles
from clients.applications import Applicant
from clients.base import ClientError, Conflict, InvalidInput, NotFound, Unauthorised, Unavailable
from components.fields import choice_group, declaration_field, error_messages, field, personal_field
from components.joint_records import JointView, joint_lines, joint_view
from components.links import locale_href, nav_link, plain_link
from components.notices import content_lang, notice, unavailable_notice
from components.page import page_frame
from components.step_form import step_form
from components.stepper import stepper
from components.uploads import upload_field, uploaded_ids
from frontend import validation
from frontend.formatting import datetime_text, number_text
from frontend.pages.apply import ID_NUMBER
from frontend.personal import PersonalNumbers
from frontend.records import load, load_record
from frontend.seo import Record, indexes
from frontend.served import PageRequest, Served, region, serves
from frontend.session import SessionEnded, api_token, keep_draft, login_url, token_refused
from frontend.views import inline, record_lang, render
from locales import N_, api_locale, around, babel_locale, gettext_for, ngettext_for

STEPS = (N_("About you"), N_("Your answers"), N_("Documents"), N_("Check and send"))
APPLICANT, ANSWERS, DOCUMENTS, REVIEW, DONE = range(5)
ID_TYPES = (("resident_id", N_("Chinese resident ID card")), ("passport", N_("Passport")))
PERSONAL = ("id_number", "phone")  # kept by PersonalNumbers, never in ``answers``


def _messages(locale: str) -> dict[str, str]:
    """The shared error messages and those only a joint application has."""
    _ = gettext_for(locale)
    return {
        **error_messages(locale),
        "date_in_future": _("This date cannot be in the future."),
        "unknown_question": _("This question is not part of this application. Reload the page and try again."),
        "unknown_material": _("This document is not part of this application. Reload the page and try again."),
    }


@dataclasses.dataclass
class Link:
    label: str
    href: str


@dataclasses.dataclass
class BundleCard:
    id: str = ""
    name: str = ""
    summary: str = ""
    href: str = ""
    services: str = ""  # "5 services in one application"
    lang: str = ""


@dataclasses.dataclass
class Saving:
    what: str
    separately: str
    together: str


@dataclasses.dataclass
class ChoiceView:
    value: str
    label: str


@dataclasses.dataclass
class QuestionView:
    id: str
    field: str  # the form field's name: q_<id>
    kind: str
    label: str
    hint: str
    required: bool
    max_length: int
    choices: list[ChoiceView]
    required_message: str  # the browser check's messages, naming the question
    too_long_message: str


@dataclasses.dataclass
class MaterialView:
    id: str
    field: str  # m_<id>
    name: str
    note: str
    required: bool
    used_by: str  # the member services that use it, as a list in words


@dataclasses.dataclass
class ReviewRow:
    label: str
    value: str


@dataclasses.dataclass
class ErrorItem:
    label: str
    code: str
    href: str


@dataclasses.dataclass
class BundleView:
    id: str = ""
    name: str = ""
    summary: str = ""
    lang: str = ""  # the html lang of its texts
    translated: bool = True
    services: list[Link] = dataclasses.field(default_factory=list)
    savings: list[Saving] = dataclasses.field(default_factory=list)
    questions: list[str] = dataclasses.field(default_factory=list)
    materials: list[str] = dataclasses.field(default_factory=list)
    apply_href: str = ""


def _services_text(locale: str, count: int) -> str:
    ngettext = ngettext_for(locale)
    return ngettext("%(count)s service in one application", "%(count)s services in one application", count) % {"count": number_text(count, locale)}


def _card(bundle: bundles.BundleSummary, locale: str) -> BundleCard:
    return BundleCard(bundle.id, bundle.name, bundle.summary, locale_href(locale, f"bundles/{bundle.id}"), _services_text(locale, len(bundle.services)), record_lang(bundle.lang, locale))


@serves("bundles")
async def bundles_content(request: PageRequest) -> Served:
    """Every joint service (frontend/served.py)."""
    locale = request.locale
    loaded = await load(bundles.bundles, locale)
    cards = [_card(b, locale) for b in loaded.value] if loaded.shown else []
    return Served(loaded.status, {"list": render("bundles.html", locale, status=loaded.status, bundles=cards, request=request)})


def _savings(detail: bundles.BundleDetail, locale: str) -> list[Saving]:
    _ = gettext_for(locale)
    ngettext = ngettext_for(locale)
    s = detail.savings
    visits = lambda n: ngettext("%(count)s visit", "%(count)s visits", n) % {"count": number_text(n, locale)}  # noqa: E731
    documents = lambda n: ngettext("%(count)s document", "%(count)s documents", n) % {"count": number_text(n, locale)}  # noqa: E731
    days = lambda n: ngettext("%(count)s working day", "%(count)s working days", n) % {"count": number_text(n, locale)}  # noqa: E731
    return [
        Saving(_("Visits to a hall"), visits(s.visits_separately), visits(s.visits_bundle)),
        Saving(_("Documents to hand in"), documents(s.materials_separately), documents(s.materials_bundle)),
        Saving(_("Promised time, one after another"), days(s.days_separately), days(s.days_bundle)),
    ]


def bundle_view(detail: bundles.BundleDetail, locale: str) -> BundleView:
    return BundleView(
        id=detail.id,
        name=detail.name,
        summary=detail.summary,
        lang=record_lang(detail.lang, locale),
        translated=detail.lang != "zh" or locale == "zh",
        services=[Link(s.name, locale_href(locale, f"services/{s.id}")) for s in detail.member_services],
        savings=_savings(detail, locale),
        questions=[q.label for q in detail.questions],
        materials=[m.name for m in detail.materials],
        apply_href=locale_href(locale, f"bundles/{detail.id}/apply"),
    )


@serves("bundles/[bundle_id]")
async def bundle_content(request: PageRequest) -> Served:
    """The joint service in the address: its member services, what it saves, what it asks (frontend/served.py)."""
    locale = request.locale
    _ = gettext_for(locale)
    loaded = await load_record(bundles.bundle, locale, request.params["bundle_id"])
    bundle = bundle_view(loaded.value, locale) if loaded.shown else None
    return Served(
        loaded.status,
        {
            "main": render("bundle.html", locale, status=loaded.status, bundle=bundle, request=request),
            "crumb": inline(bundle.name, locale, bundle.lang) if bundle else inline(_("Joint service"), locale),
        },
        title=bundle.name if bundle else _("Joint service"),
        description=bundle.summary if bundle else bundle_description(locale),
    )


@indexes("bundles/[bundle_id]")
async def bundle_index(locale: str) -> list[Record]:
    """Every joint service."""
    return [Record(b.id) for b in (await bundles.bundles(locale)).value]


class BundleApplyState(PersonalNumbers, rx.State):
    step: int = APPLICANT
    bundle_id: str = ""
    bundle_name: str = ""
    lang: str = ""
    questions: list[QuestionView] = []
    materials: list[MaterialView] = []
    answers: dict[str, str] = {}  # name, id_type and q_<id> answers (the personal numbers are kept apart)
    files: dict[str, str] = {}  # m_<id> -> the upload field's JSON value
    errors: dict[str, str] = {}
    error_items: list[ErrorItem] = []
    review: list[ReviewRow] = []
    problem: str = ""  # not_found, unavailable, draft_not_saved, already_sent, error
    restored_from: str = ""
    busy: bool = False
    ready: bool = False  # this state is for the joint service in the address (the form is enabled)
    idempotency_key: str = ""
    result: JointView = JointView()

    def _here(self) -> str:
        return self.router.url.path

    async def _token(self) -> str | None:
        return await api_token(self)

    @rx.event
    async def load(self, locale: str):
        bundle_id = self.router.url.path.rstrip("/").rsplit("/", 2)[-2]
        token = await self._token()
        if not token:
            yield rx.redirect(login_url(locale, self._here()))
            return
        if bundle_id != self.bundle_id:
            self.ready = False  # the form still shows nothing, or another joint service
            yield
        self.errors, self.error_items, self.problem, self.busy = {}, [], "", False
        fresh = bundle_id != self.bundle_id or self.step == DONE
        language = api_locale(locale)
        try:
            detail = (await bundles.bundle(language, bundle_id)).value
            profile = await accounts.me(language, token)
        except NotFound:
            self.problem = "not_found"
            return
        except Unauthorised as error:
            await token_refused(self)
            yield rx.redirect(login_url(locale, self._here(), expired=error.code == "token_expired"))
            return
        except ClientError:
            self.problem = "unavailable"
            return
        services = {s.id: s.name for s in detail.member_services}
        self.bundle_name, self.lang = detail.name, detail.lang
        _ = gettext_for(locale)
        yes_no = [ChoiceView("yes", _("Yes")), ChoiceView("no", _("No"))]
        self.questions = [
            QuestionView(
                q.id, f"q_{q.id}", q.kind, q.label, q.hint or "", q.required, q.max_length,
                yes_no if q.kind == "yes_no" else [ChoiceView(c.value, c.label) for c in q.choices],
                (_("Enter %(label)s.") if q.kind in ("text", "date") else _("Choose an answer: %(question)s")) % {"label": q.label, "question": q.label},
                _("%(label)s is too long.") % {"label": q.label},
            )
            for q in detail.questions
        ]
        self.materials = [
            MaterialView(m.id, f"m_{m.id}", m.name, m.note or "", m.required, format_list([services[s] for s in m.services], locale=babel_locale(locale)))
            for m in detail.materials
        ]
        if fresh:
            self.bundle_id = bundle_id
            self.step, self.files, self.restored_from = APPLICANT, {}, ""
            self.result = JointView()
            self.idempotency_key = str(uuid.uuid4())
            foreigner = profile.kind == "foreigner"
            self.answers = {"name": profile.name, "id_type": "passport" if foreigner else "resident_id"}
            self._forget_numbers()
            self._keep_answers({"id_number": (profile.passport_number if foreigner else profile.id_number) or "", "phone": (profile.phone or "").removeprefix("+86")})
            try:
                draft = await bundles.draft(language, bundle_id, token=token)
            except ClientError:
                draft = None
            if draft and isinstance(draft.data.get("answers"), dict):
                self._keep_answers({str(k): str(v) for k, v in draft.data["answers"].items()})
                self.files = {str(k): str(v) for k, v in (draft.data.get("files") or {}).items()}
                self.step = min(int(draft.data.get("step", APPLICANT)), REVIEW)
                self.idempotency_key = str(draft.data.get("key") or self.idempotency_key)
                self.restored_from = datetime_text(draft.updated_at, locale)
        self._refresh_review(locale)
        self.ready = True

    def _keep_answers(self, answers: dict[str, str]) -> None:
        """Record answers: the personal numbers kept apart (masked for the page), the rest in ``answers``."""
        known = {"name", "id_type", *(q.field for q in self.questions)}
        self.answers = {**self.answers, **{k: v for k, v in answers.items() if k in known}}
        document = "passport" if self.answers.get("id_type") == "passport" else "id_number"
        for name in PERSONAL:
            self._keep_number(name, document if name == "id_number" else "phone", answers.get(name, self._number(name)))

    def _refresh_review(self, locale: str) -> None:
        _ = gettext_for(locale)
        masked = self.masked
        rows = [ReviewRow(_("Full name"), self.answers.get("name", "")), ReviewRow(_("Document number"), masked.get("id_number", "")), ReviewRow(_("Phone number"), masked.get("phone", ""))]
        for q in self.questions:
            value = self.answers.get(q.field, "")
            if q.kind == "choice":
                value = next((c.label for c in q.choices if c.value == value), "")
            elif q.kind == "yes_no":
                value = {"yes": _("Yes"), "no": _("No")}.get(value, "")
            rows.append(ReviewRow(q.label, value or "—"))
        self.review = rows

    async def _save_draft(self, locale: str) -> None:
        """Keep the answers on the server; if that fails, they are still in the tab."""
        data = {"answers": {**self.answers, **self._numbers}, "files": dict(self.files), "step": self.step, "key": self.idempotency_key}
        await keep_draft(self, bundles.save_draft(api_locale(locale), self.bundle_id, data, token=await self._token()))

    def _question_error(self, q: QuestionView, value: str) -> str | None:
        if q.kind == "text":
            return validation.check(validation.text(q.max_length), value, required=q.required).error
        if not value:
            return "required" if q.required else None
        if q.kind == "date":
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                return "invalid_date"
            return "date_in_future" if day > dt.date.today() else None
        allowed = {c.value for c in q.choices} if q.kind == "choice" else {"yes", "no"}
        return None if value in allowed else "invalid_choice"

    def _validate(self, step: int, form: dict) -> tuple[dict[str, str], dict[str, str]]:
        """The step's errors, and its typed applicant answers as their rules normalise them."""
        value = {k: v.strip() if isinstance(v, str) else v for k, v in form.items()}
        errors: dict[str, str | None] = {}
        checked: dict[str, validation.Checked] = {}
        if step == APPLICANT:
            checked["name"] = validation.check(validation.NAME, value.get("name", ""))
            kind = value.get("id_type", "")
            errors["id_type"] = None if kind in dict(ID_TYPES) else "invalid_choice"
            number = validation.check(ID_NUMBER, self._number("id_number"))
            checked["id_number"] = number if number.error else validation.check(validation.PASSPORT if kind == "passport" else validation.RESIDENT_ID, number.value)
            checked["phone"] = validation.check(validation.PHONE, self._number("phone"))
        elif step == ANSWERS:
            for q in self.questions:
                errors[q.field] = self._question_error(q, str(value.get(q.field, "")))
        elif step == DOCUMENTS:
            for m in self.materials:
                if m.required and not uploaded_ids(str(value.get(m.field, ""))):
                    errors[m.field] = "required"
        elif step == REVIEW:
            errors["declaration"] = None if value.get("declaration") in ("on", True, "true") else "required"
        errors |= {name: result.error for name, result in checked.items()}
        return {k: v for k, v in errors.items() if v}, {name: result.value for name, result in checked.items()}

    def _show_errors(self, locale: str, errors: dict[str, str]) -> None:
        _ = gettext_for(locale)
        labels = {"name": _("Full name"), "id_type": _("Which document do you have?"), "id_number": _("Document number"), "phone": _("Phone number"), "declaration": _("Declaration")}
        labels |= {q.field: q.label for q in self.questions} | {m.field: m.name for m in self.materials}
        self.errors = errors
        self.error_items = [ErrorItem(labels.get(name, name), code, f"#bundle-{name}") for name, code in errors.items()]

    @rx.event
    async def next_step(self, locale: str, step: int, form: dict):
        if step != self.step:
            return  # a second click on a step already left behind
        if self.step == APPLICANT:
            self._keep_answers({"id_type": str(form.get("id_type", self.answers.get("id_type", ""))), **{n: self._submitted_number(form, n) for n in PERSONAL}})
        errors, typed = self._validate(self.step, form)
        self._show_errors(locale, errors)
        self._stop_editing(keep_open=list(errors))
        if errors:
            yield rx.set_focus("bundle-server-summary")
            return
        if self.step == DOCUMENTS:
            self.files = {m.field: str(form.get(m.field, "[]")) for m in self.materials}
        elif self.step != REVIEW:
            self._keep_answers({**{k: str(v).strip() for k, v in form.items()}, **typed})
        if self.step == REVIEW:
            yield BundleApplyState.send(locale)
            return
        self.step += 1
        self._refresh_review(locale)
        try:
            await self._save_draft(locale)
        except SessionEnded as ended:
            yield rx.redirect(login_url(locale, self._here(), expired=ended.expired))
            return
        yield rx.set_focus("bundle-step")

    @rx.event
    def back(self):
        self.errors, self.error_items = {}, []
        self._stop_editing()
        self.step = max(APPLICANT, self.step - 1)
        return rx.set_focus("bundle-step")

    @rx.event
    def go_to(self, step: int):
        self.errors, self.error_items = {}, []
        self._stop_editing()
        self.step = max(APPLICANT, min(step, REVIEW))
        return rx.set_focus("bundle-step")

    def _joint_form(self) -> bundles.JointApplicationForm:
        answers: dict[str, str | bool] = {}
        for q in self.questions:
            value = self.answers.get(q.field, "")
            if value:
                answers[q.id] = value == "yes" if q.kind == "yes_no" else value
        return bundles.JointApplicationForm(
            bundle_id=self.bundle_id,
            applicant=Applicant(
                name=self.answers.get("name", ""),
                id_type=self.answers.get("id_type", "resident_id"),
                id_number=self._number("id_number"),
                phone=self._number("phone"),
            ),
            answers=answers,
            uploads={m.id: ids[0] for m in self.materials if (ids := uploaded_ids(self.files.get(m.field, "[]")))},
            declaration=True,
        )

    @rx.event
    async def send(self, locale: str):
        if self.busy or self.step == DONE:
            return  # a second click queued behind the first: that one sent it
        self.busy, self.problem = True, ""
        yield
        try:
            joint = await bundles.submit(api_locale(locale), self._joint_form(), token=await self._token(), idempotency_key=self.idempotency_key)
        except Unauthorised as error:
            self.busy = False
            await token_refused(self)
            yield rx.redirect(login_url(locale, self._here(), expired=error.code == "token_expired"))
            return
        except InvalidInput as error:
            self.busy = False
            if not error.fields:  # the key came with other answers: this attempt was already sent (backend/idempotency.py)
                self.problem = "already_sent"
                yield rx.set_focus("bundle-problem")
                return
            fields = {}
            for name, code in error.fields.items():
                head, _dot, rest = name.partition(".")
                fields[{"answers": "q_", "uploads": "m_"}.get(head, "") + rest if head in ("answers", "uploads", "applicant") else name] = code
            self._show_errors(locale, fields)
            self._stop_editing(keep_open=list(fields))
            first = next(iter(fields), "")
            self.step = ANSWERS if first.startswith("q_") else DOCUMENTS if first.startswith("m_") else APPLICANT if first in ("name", "id_type", "id_number", "phone") else REVIEW
            yield rx.set_focus("bundle-server-summary")
            return
        except Conflict:
            # The key is another account's (a shared computer's stale tab): a new attempt gets a new key.
            self.busy = False
            self.idempotency_key = str(uuid.uuid4())
            self.problem = "error"
            yield rx.set_focus("bundle-problem")
            return
        except ClientError as error:
            self.busy = False
            self.problem = "unavailable" if isinstance(error, Unavailable) else "error"
            yield rx.set_focus("bundle-problem")
            return
        self.busy = False
        self.result = joint_view(joint, locale)
        self.step = DONE
        self._forget_numbers()
        yield rx.set_focus("bundle-step")


# ------------------------------------------------------------------ rendering


def bundles_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "bundles",
        rx.el.h1(_("Joint services for life events")),
        rx.el.p(_("When something big happens in your life, one application covers every service it involves: each question is asked once, each document handed in once."), class_name="lead"),
        region(locale, "list"),
        trail=[(_("Joint services"), "bundles")],
    )


def bundle_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "bundles/[bundle_id]",
        region(locale, "main"),
        trail=[(_("Joint services"), "bundles"), (region(locale, "crumb", "span"), "")],
    )


def _problem(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.div(
        rx.match(
            BundleApplyState.problem,
            ("unavailable", unavailable_notice(locale, BundleApplyState.send(locale))),
            ("draft_not_saved", notice(rx.el.p(_("We could not save your draft on the server just now. Your answers are kept on this device; carry on.")), tone="warning")),
            ("not_found", notice(rx.el.p(_("We cannot find this joint service")), tone="warning")),
            ("error", notice(rx.el.p(_("Something went wrong. Your answers are kept. Please try again.")), tone="error")),
            (
                "already_sent",
                notice(
                    rx.el.p(_("This application was already sent, with the answers you gave before. Check it in your account; to change it, call 12345.")),
                    rx.el.p(nav_link(_("Go to my account"), href=locale_href(locale, "me"))),
                    tone="warning",
                ),
            ),
            rx.fragment(),
        ),
        id="bundle-problem",
        tab_index=-1,
        role="alert",
    )


def _error_summary(locale: str) -> rx.Component:
    """The browser check's summary (filled by forms.js) and the server's, whose items link to their fields."""
    _ = gettext_for(locale)
    messages = _messages(locale)
    return rx.fragment(
        rx.el.div(
            rx.el.h2(_("There is a problem"), class_name="error-summary__title"),
            rx.el.ul(),
            role="alert",
            tab_index=-1,
            hidden=True,
            class_name="error-summary",
            custom_attrs={"data-error-summary": ""},
        ),
        rx.cond(
            BundleApplyState.error_items.length() > 0,
            rx.el.div(
                rx.el.h2(_("There is a problem"), class_name="error-summary__title"),
                rx.el.ul(
                    rx.foreach(
                        BundleApplyState.error_items,
                        lambda item: rx.el.li(plain_link(item.label, ": ", rx.match(item.code, *messages.items(), messages["invalid"]), href=item.href)),
                    )
                ),
                id="bundle-server-summary",
                role="alert",
                tab_index=-1,
                class_name="error-summary",
            ),
        ),
    )


def _server_error(locale: str, name: rx.Var) -> rx.Component:
    messages = _messages(locale)
    code = BundleApplyState.errors.get(name, "").to(str)
    return rx.el.p(
        rx.cond(code != "", rx.match(code, *messages.items(), messages["invalid"]), ""),
        id="bundle-" + name + "-server-error",
        class_name="field-error",
        hidden=code == "",
    )


def _question(locale: str, q: rx.Var) -> rx.Component:
    """One question from the bundle's data: a text, date, choice or yes/no field, its hint and both error slots."""
    _ = gettext_for(locale)
    field_id = "bundle-" + q.field
    value = BundleApplyState.answers.get(q.field, "").to(str)
    invalid = BundleApplyState.errors.get(q.field, "").to(str) != ""
    described = field_id + "-hint " + field_id + "-error " + field_id + "-server-error"
    optional = rx.cond(q.required, rx.fragment(), rx.el.span(" ", _("(optional)"), class_name="optional"))
    hint = rx.el.p(q.hint, id=field_id + "-hint", class_name="hint", hidden=q.hint == "")
    checks = {"data-error-required": q.required_message, "data-error-too-long": q.too_long_message}
    options = rx.foreach(
        q.choices,
        lambda c: rx.el.div(
            rx.el.input(type="radio", id=field_id + "-" + c.value, name=q.field, value=c.value, required=q.required, default_checked=value == c.value, aria_describedby=described, custom_attrs={"data-error-required": q.required_message}),
            rx.el.label(c.label, html_for=field_id + "-" + c.value),
            class_name="choice",
        ),
    )
    return rx.cond(
        (q.kind == "choice") | (q.kind == "yes_no"),
        rx.el.fieldset(
            rx.el.legend(q.label, optional),
            hint,
            rx.el.p(id=field_id + "-error", class_name="field-error", hidden=True),
            _server_error(locale, q.field),
            options,
            id=field_id,
            custom_attrs={"tabIndex": "-1"},  # a fieldset has no tab_index prop; the error summary focuses the group
            class_name=rx.cond(invalid, "field--error", ""),
        ),
        rx.el.div(
            rx.el.label(q.label, optional, html_for=field_id),
            hint,
            rx.el.p(id=field_id + "-error", class_name="field-error", hidden=True),
            _server_error(locale, q.field),
            rx.el.input(
                type=rx.cond(q.kind == "date", "date", "text"),
                id=field_id,
                name=q.field,
                required=q.required,
                default_value=value,
                aria_describedby=described,
                aria_invalid=rx.cond(invalid, "true", None),
                custom_attrs={**checks, "data-normalise": "NFC", "data-max-length": q.max_length.to(str)},
            ),
            class_name=rx.cond(invalid, "field field--error", "field"),
        ),
    )


def _form(locale: str, step: int, *children, keep: bool = True) -> rx.Component:
    return step_form(
        locale,
        _error_summary(locale),
        *children,
        form_id="bundle",
        record=BundleApplyState.bundle_id,
        step=step,
        ready=BundleApplyState.ready,
        busy=BundleApplyState.busy,
        back=BundleApplyState.back if step > APPLICANT else None,
        submit=BundleApplyState.next_step(locale, step),
        review=step == REVIEW,
        keep=keep,
    )


def _steps(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    errors = BundleApplyState.errors
    answers = BundleApplyState.answers
    lang = content_lang(locale, BundleApplyState.lang)
    return rx.match(
        BundleApplyState.step,
        (
            APPLICANT,
            _form(
                locale,
                APPLICANT,
                rx.el.p(_("We fill in what your account already holds. Check it and correct anything that has changed."), class_name="hint"),
                field(locale, "name", _("Full name"), rule=validation.NAME, errors=errors, form_id="bundle", autocomplete="name", value=answers["name"]),
                choice_group(locale, "id_type", _("Which document do you have?"), [(c, _(l)) for c, l in ID_TYPES], errors=errors, form_id="bundle", value=answers["id_type"]),
                personal_field(
                    locale, "id_number", _("Document number"), masked=BundleApplyState.masked, unmasked=BundleApplyState.unmasked, edit=BundleApplyState.edit_number("id_number", "bundle-id_number"),
                    errors=errors, form_id="bundle", rule=ID_NUMBER, autocomplete="off",
                    hint=_("A resident ID has 18 characters; the last can be X. A passport number has 5 to 9 letters and digits."),
                ),
                personal_field(
                    locale, "phone", _("Phone number"), masked=BundleApplyState.masked, unmasked=BundleApplyState.unmasked, edit=BundleApplyState.edit_number("phone", "bundle-phone"),
                    errors=errors, form_id="bundle", rule=validation.PHONE, kind="tel", autocomplete="tel", input_mode="tel",
                ),
            ),
        ),
        (
            ANSWERS,
            _form(
                locale,
                ANSWERS,
                rx.el.p(_("Each question is asked once; your answer goes to every service that needs it."), class_name="hint"),
                rx.el.div(rx.foreach(BundleApplyState.questions, lambda q: _question(locale, q)), lang=lang),
            ),
        ),
        (
            DOCUMENTS,
            _form(
                locale,
                DOCUMENTS,
                rx.el.h2(_("Add your documents")),
                rx.el.p(_("Each document is handed in once and shared with every service that needs it. PDF, JPG or PNG, up to 5 MB each."), class_name="hint"),
                rx.foreach(
                    BundleApplyState.materials,
                    lambda m: rx.el.div(
                        _server_error(locale, m.field),
                        upload_field(locale, m.field, m.name, form_id="bundle", limit=1, required=m.required, hint=rx.cond(m.note != "", m.note + " ", "") + _("Used for:") + " " + m.used_by, value=BundleApplyState.files.get(m.field, "[]").to(str)),
                        lang=lang,
                    ),
                ),
            ),
        ),
        (
            REVIEW,
            _form(
                locale,
                REVIEW,
                rx.el.h2(_("Check your answers")),
                rx.el.dl(
                    rx.foreach(BundleApplyState.review, lambda row: rx.el.div(rx.el.dt(row.label), rx.el.dd(row.value, custom_attrs={"data-content": ""}))),
                    class_name="facts facts--grid",
                ),
                rx.el.button(_("Change my answers"), type="button", class_name="button button--secondary", on_click=BundleApplyState.go_to(ANSWERS)),
                declaration_field(locale, "bundle"),
                keep=False,
            ),
        ),
        rx.el.section(
            rx.el.h2(_("Your joint application has been sent")),
            rx.el.p(_("Receipt number"), class_name="meta"),
            rx.el.p(BundleApplyState.result.receipt, class_name="confirmation__number", custom_attrs={"translate": "no", "data-testid": "receipt-number"}),
            rx.el.p(_("One number for every service below. Each department deals with its part; follow each one here, in tracking or in your account.")),
            joint_lines(locale, BundleApplyState.result.lines),
            rx.el.div(
                nav_link(_("Follow its progress"), href=BundleApplyState.result.track_href, class_name="button"),
                nav_link(_("Go to my account"), href=locale_href(locale, "me"), class_name="button button--secondary"),
                class_name="actions",
            ),
            class_name="confirmation",
            custom_attrs={"data-forget-kept": "bundle-" + BundleApplyState.bundle_id + "-"},  # sent: the tab's copies go (forms.js)
        ),
    )


def bundle_apply_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    before, after = around(_("Joint application: %(bundle)s"), "bundle")
    return page_frame(
        locale,
        "bundles/[bundle_id]/apply",
        rx.el.h1(
            rx.cond(
                BundleApplyState.bundle_name != "",
                rx.fragment(before, rx.el.span(BundleApplyState.bundle_name, lang=content_lang(locale, BundleApplyState.lang), custom_attrs={"data-content": ""}), after),
                _("Joint application"),
            )
        ),
        rx.cond(
            BundleApplyState.restored_from != "",
            notice(rx.el.p(_("We kept your unfinished application. You can carry on where you stopped."), " (", BundleApplyState.restored_from, ")"), tone="info"),
        ),
        rx.el.div(rx.cond(BundleApplyState.step < DONE, stepper(locale, [_(s) for s in STEPS], BundleApplyState.step)), id="bundle-step", tab_index=-1),
        _problem(locale),
        rx.cond(BundleApplyState.problem == "not_found", rx.fragment(), _steps(locale)),
        trail=[(_("Joint services"), "bundles"), (_("Joint application"), "")],
    )


def bundles_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Joint services for life events")


def bundles_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("One application for every service a life event involves: a birth, a death, starting a business, retiring.")


def bundle_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("The services a joint application covers, what it saves you, and what it asks.")


def bundle_apply_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Joint application")


def bundle_apply_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Apply for every service of a life event at once and get one receipt number.")

