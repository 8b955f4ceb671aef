"""Applying online, one thing per step: conditions, name, identity document,
contact details, the request, the materials, then check and submit.

Nothing typed is lost: each step's fields are kept in the tab (forms.js), the
answers in the page's state, and a draft on the server after every step; an
expired session sends the user to log in and straight back here. Submitting
twice (double click, back and submit again, a retry after an outage) makes
one application: the request carries the same Idempotency-Key.
"""

from __future__ import annotations

import dataclasses
import uuid

import reflex as rx

from clients import accounts, applications, catalogue, certificates
from clients.base import ClientError, InvalidInput, NotFound, Unauthorised, Unavailable
from components.fields import choice_group, declaration_field, error_summary, field, personal_field
from components.links import locale_href, nav_link
from components.notices import notice, unavailable_notice
from components.page import page_frame
from components.records import instant_approval_note
from components.step_form import step_form
from components.stepper import stepper
from components.uploads import upload_field, uploaded_ids
from frontend import validation
from frontend.formatting import datetime_text
from frontend.personal import PersonalNumbers
from frontend.session import SessionEnded, api_token, keep_draft, login_url, token_refused
from locales import N_, api_locale, around, gettext_for

STEPS = (
    N_("Conditions"),
    N_("Your name"),
    N_("Identity document"),
    N_("Contact details"),
    N_("Your request"),
    N_("Documents"),
    N_("Check and send"),
)
CONDITIONS, NAME, IDENTITY, CONTACT, REQUEST, DOCUMENTS, REVIEW, DONE = range(8)
DELIVERY = (("hall", N_("Collect it at the hall")), ("post", N_("Send it by post")), ("electronic", N_("Electronic copy in my account")))
ID_TYPES = (("resident_id", N_("Chinese resident ID card")), ("passport", N_("Passport")))
PERSONAL = ("id_number", "phone")  # kept by PersonalNumbers, never in ``answers``
ANSWERS = ("name", "id_type", "address", "purpose", "delivery")  # (a submitted form also carries its fields by id)
# The number's form depends on the document chosen beside it: the browser checks
# that it is one of the two forms, the step's own check which one it must be.
ID_NUMBER = dataclasses.replace(
    validation.RESIDENT_ID, name="id-number", pattern=f"{validation.RESIDENT_ID.pattern}|{validation.PASSPORT.pattern}", check=""
)
PURPOSE = validation.text(2000)


@dataclasses.dataclass
class MaterialSlot:
    name: str
    field: str
    required: bool
    note: str
    on_file: str  # the e-certificate the city already holds for this material ("" when none): nothing to upload


@dataclasses.dataclass
class Receipt:
    number: str = ""
    track_href: str = ""
    instant: bool = False  # approved by rule in seconds (秒批)


class ApplyState(PersonalNumbers, rx.State):
    step: int = CONDITIONS
    service_id: str = ""
    service_name: str = ""
    conditions: list[str] = []
    materials: list[MaterialSlot] = []
    answers: dict[str, str] = {}  # everything but the personal numbers
    files: dict[str, str] = {}  # material field -> the upload field's JSON value
    errors: dict[str, str] = {}
    problem: str = ""  # not_online, not_found, unavailable, draft_not_saved, certificate_not_valid, error
    _certificates: list[str] = []  # ids of the applicant's e-certificates this application refers to
    restored_from: str = ""
    busy: bool = False
    ready: bool = False  # this state is for the service in the address (the form is enabled)
    idempotency_key: str = ""
    receipt: Receipt = Receipt()

    def _here(self) -> str:
        return self.router.url.path

    async def _token(self) -> str:
        return await api_token(self)

    @rx.event
    async def load(self, locale: str):
        service_id = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        token = await self._token()
        if not token:
            yield rx.redirect(login_url(locale, self._here()))
            return
        if service_id != self.service_id:
            self.ready = False  # the form still shows nothing, or another service
            yield
        self.errors, self.problem, self.busy = {}, "", False
        fresh = service_id != self.service_id or self.step == DONE
        language = api_locale(locale)
        try:
            service = (await catalogue.service(language, service_id)).value
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
        if not service.online_application:
            self.problem = "not_online"
            return
        try:
            held = {c.kind.id: c for c in await certificates.my_certificates(language, token) if c.status == "valid"}
        except ClientError:
            held = {}  # without them, every material is uploaded as before
        self.service_name = service.name
        self.conditions = service.conditions
        self.materials = [
            MaterialSlot(m.name, f"material_{i}", m.required, m.note or "", held[m.certificate].kind.name if m.certificate in held else "")
            for i, m in enumerate(service.materials)
            if m.upload
        ]
        self._certificates = list(dict.fromkeys(held[m.certificate].id for m in service.materials if m.certificate in held))
        if fresh:
            self.service_id = service_id
            self.step, self.files, self.restored_from = CONDITIONS, {}, ""
            self.receipt = Receipt()
            self.idempotency_key = str(uuid.uuid4())
            foreigner = profile.kind == "foreigner"
            self.answers = {"name": profile.name, "id_type": "passport" if foreigner else "resident_id", "address": profile.address or ""}
            self._forget_numbers()
            self._keep_answers({"id_number": (profile.passport_number if foreigner else profile.id_number) or "", "phone": (profile.phone or "").removeprefix("+86")})
            try:
                draft = await applications.draft(language, service_id, token=token)
            except ClientError:
                draft = None
            if draft and isinstance(draft.data.get("answers"), dict):
                self._keep_answers({k: str(v) for k, v in draft.data["answers"].items()})
                self.files = {k: str(v) for k, v in (draft.data.get("files") or {}).items()}
                self.step = min(int(draft.data.get("step", CONDITIONS)), REVIEW)
                self.idempotency_key = str(draft.data.get("key") or self.idempotency_key)
                self.restored_from = datetime_text(draft.updated_at, locale)
        self.ready = True

    def _keep_answers(self, answers: dict[str, str]) -> None:
        """Record answers: the personal numbers kept apart (masked for the page),
        the rest in ``answers``; anything else (a form's fields by id) is dropped."""
        self.answers = {**self.answers, **{k: v for k, v in answers.items() if k in ANSWERS}}
        document = "passport" if self.answers.get("id_type") == "passport" else "id_number"
        for name in PERSONAL:
            value = answers.get(name, self._number(name))
            self._keep_number(name, document if name == "id_number" else "phone", value)

    async def _save_draft(self, locale: str) -> None:
        """Keep the answers on the server; if that fails, they are still in the tab."""
        draft = {"answers": {**self.answers, **self._numbers}, "files": dict(self.files), "step": self.step, "key": self.idempotency_key}
        await keep_draft(self, applications.save_draft(api_locale(locale), self.service_id, draft, token=await self._token()))

    def _validate(self, step: int, form: dict) -> tuple[dict[str, str], dict[str, str]]:
        """The step's errors, and its typed answers as their rules normalise them."""
        value = {k: str(v).strip() if isinstance(v, str) else v for k, v in form.items()}
        errors: dict[str, str | None] = {}
        checked: dict[str, validation.Checked] = {}
        if step == CONDITIONS:
            errors["eligible"] = None if value.get("eligible") in ("on", True, "true") else "required"
        elif step == NAME:
            checked["name"] = validation.check(validation.NAME, value.get("name", ""))
        elif step == IDENTITY:
            kind = value.get("id_type", "")
            errors["id_type"] = None if kind in dict(ID_TYPES) else "invalid_choice"
            number = validation.check(ID_NUMBER, self._number("id_number"))
            checked["id_number"] = number if number.error else validation.check(validation.PASSPORT if kind == "passport" else validation.RESIDENT_ID, number.value)
        elif step == CONTACT:
            checked["phone"] = validation.check(validation.PHONE, self._number("phone"))
            checked["address"] = validation.check(validation.ADDRESS, value.get("address", ""), required=False)
        elif step == REQUEST:
            checked["purpose"] = validation.check(PURPOSE, value.get("purpose", ""))
            errors["delivery"] = None if value.get("delivery") in dict(DELIVERY) else "invalid_choice"
        elif step == DOCUMENTS:
            for slot in self.materials:
                if slot.required and not slot.on_file and not uploaded_ids(str(value.get(slot.field, ""))):
                    errors[slot.field] = "required"
        elif step == REVIEW:
            errors["declaration"] = None if value.get("declaration") in ("on", True, "true") else "required"
        errors |= {name: result.error for name, result in checked.items()}
        return {k: v for k, v in errors.items() if v}, {name: result.value for name, result in checked.items()}

    @rx.event
    async def next_step(self, locale: str, step: int, form: dict):
        if step != self.step:
            return  # a second click on a step already left behind (double click, slow network)
        if self.step in (IDENTITY, CONTACT):
            self._keep_answers({"id_type": str(form.get("id_type", self.answers.get("id_type", ""))), **{n: self._submitted_number(form, n) for n in PERSONAL}})
        self.errors, typed = self._validate(self.step, form)
        self._stop_editing(keep_open=list(self.errors))
        if self.errors:
            yield rx.set_focus("apply-server-summary")
            return
        if self.step == DOCUMENTS:
            self.files = {slot.field: str(form.get(slot.field, "[]")) for slot in self.materials if not slot.on_file}
        elif self.step != CONDITIONS:
            self._keep_answers({**{k: str(v).strip() for k, v in form.items()}, **typed})
        if self.step == REVIEW:
            yield ApplyState.send(locale)
            return
        self.step += 1
        try:
            await self._save_draft(locale)
        except SessionEnded as ended:
            yield rx.redirect(login_url(locale, self._here(), expired=ended.expired))
            return
        yield rx.set_focus("apply-step")

    @rx.event
    def back(self):
        self.errors = {}
        self._stop_editing()
        self.step = max(CONDITIONS, self.step - 1)
        return rx.set_focus("apply-step")

    @rx.event
    def go_to(self, step: int):
        self.errors = {}
        self._stop_editing()
        self.step = max(CONDITIONS, min(step, REVIEW))
        return rx.set_focus("apply-step")

    @rx.event
    async def send(self, locale: str):
        if self.busy or self.step == DONE:
            return  # a second click queued behind the first: that one sent it
        self.busy, self.problem = True, ""
        yield
        form = applications.ApplicationForm(
            service_id=self.service_id,
            applicant=applications.Applicant(
                name=self.answers.get("name", ""),
                id_type=self.answers.get("id_type", "resident_id"),
                id_number=self._number("id_number"),
                phone=self._number("phone"),
                address=self.answers.get("address") or None,
            ),
            answers={"purpose": self.answers.get("purpose", ""), "delivery": self.answers.get("delivery", "")},
            uploads=[upload_id for value in self.files.values() for upload_id in uploaded_ids(value)],
            certificates=self._certificates,
            declaration=True,
        )
        try:
            application = await applications.submit(api_locale(locale), form, token=await self._token(), idempotency_key=self.idempotency_key)
        except Unauthorised as error:
            self.busy = False
            await token_refused(self)
            yield rx.redirect(login_url(locale, self._here(), expired=error.code == "token_expired"))
            return
        except InvalidInput as error:
            self.busy = False
            if "certificates" in error.fields:
                # A certificate expired or was withdrawn since the form opened: upload those documents instead.
                self.materials = [dataclasses.replace(slot, on_file="") for slot in self.materials]
                self._certificates, self.step, self.problem = [], DOCUMENTS, "certificate_not_valid"
                yield rx.set_focus("apply-problem")
                return
            fields = {name.removeprefix("applicant."): code for name, code in error.fields.items()}
            self.errors = fields
            self._stop_editing(keep_open=list(fields))
            first = next(iter(fields), "")
            self.step = {"name": NAME, "id_type": IDENTITY, "id_number": IDENTITY, "phone": CONTACT, "address": CONTACT}.get(
                first, REQUEST if first.startswith("answers") else DOCUMENTS if first == "uploads" else REVIEW
            )
            yield rx.set_focus("apply-server-summary")
            return
        except ClientError as error:
            self.busy = False
            self.problem = "unavailable" if isinstance(error, Unavailable) else "error"
            yield rx.set_focus("apply-problem")
            return
        self.busy = False
        self.receipt = Receipt(application.id, locale_href(locale, f"track?receipt={application.id}"), application.instant_approval)
        self.step = DONE
        self._forget_numbers()
        yield rx.set_focus("apply-step")


def _problem(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.div(
        rx.match(
            ApplyState.problem,
            ("unavailable", unavailable_notice(locale, ApplyState.send(locale))),
            ("draft_not_saved", notice(rx.el.p(_("We could not save your draft on the server just now. Your answers are kept on this device; carry on.")), tone="warning")),
            ("certificate_not_valid", notice(rx.el.p(_("One of your e-certificates is no longer valid, so we cannot use it for this application. Please upload those documents instead.")), tone="warning")),
            ("not_online", notice(rx.el.p(_("This service cannot be applied for online. See the service guide for where to apply.")), tone="warning")),
            ("not_found", notice(rx.el.p(_("We cannot find this service.")), tone="warning")),
            ("error", notice(rx.el.p(_("Something went wrong. Your answers are kept. Please try again.")), tone="error")),
            rx.fragment(),
        ),
        id="apply-problem",
        tab_index=-1,
        role="alert",
    )


def _labels(locale: str) -> dict[str, str]:
    _ = gettext_for(locale)
    return {
        "eligible": _("I meet these conditions"),
        "name": _("Full name"),
        "id_type": _("Which document do you have?"),
        "id_number": _("Document number"),
        "phone": _("Phone number"),
        "address": _("Address"),
        "purpose": _("What do you need?"),
        "delivery": _("How would you like to receive the result?"),
        "declaration": _("Declaration"),
    }


def _form(locale: str, step: int, *children, keep: bool = True) -> rx.Component:
    return step_form(
        locale,
        error_summary(locale, "apply", ApplyState.errors, _labels(locale)),
        *children,
        form_id="apply",
        record=ApplyState.service_id,
        step=step,
        ready=ApplyState.ready,
        busy=ApplyState.busy,
        back=ApplyState.back if step > CONDITIONS else None,
        submit=ApplyState.next_step(locale, step),
        review=step == REVIEW,
        keep=keep,
    )


def _steps(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    labels = _labels(locale)
    errors = ApplyState.errors
    answers = ApplyState.answers
    review_row = lambda label, value: rx.el.div(rx.el.dt(label), rx.el.dd(value, custom_attrs={"data-content": ""}))  # noqa: E731
    return rx.match(
        ApplyState.step,
        (
            CONDITIONS,
            _form(
                locale,
                CONDITIONS,
                rx.el.h2(_("Can you apply?")),
                rx.el.ul(rx.foreach(ApplyState.conditions, lambda c: rx.el.li(c)), custom_attrs={"data-content": ""}),
                rx.el.div(
                    rx.el.p(id="apply-eligible-error", class_name="field-error", hidden=True),
                    rx.el.div(
                        rx.el.input(type="checkbox", id="apply-eligible", name="eligible", required=True, aria_describedby="apply-eligible-error", custom_attrs={"data-error-required": _("Confirm that you meet the conditions, or call 12345 if you are not sure.")}),
                        rx.el.label(labels["eligible"], html_for="apply-eligible"),
                        class_name="choice",
                    ),
                    class_name="field",
                ),
            ),
        ),
        (NAME, _form(locale, NAME, field(locale, "name", labels["name"], rule=validation.NAME, errors=errors, form_id="apply", autocomplete="name", value=answers["name"], hint=_("As written on your ID card or passport.")))),
        (
            IDENTITY,
            _form(
                locale,
                IDENTITY,
                choice_group(locale, "id_type", labels["id_type"], [(c, _(l)) for c, l in ID_TYPES], errors=errors, form_id="apply", value=answers["id_type"]),
                personal_field(
                    locale, "id_number", labels["id_number"], masked=ApplyState.masked, unmasked=ApplyState.unmasked, edit=ApplyState.edit_number("id_number", "apply-id_number"),
                    errors=errors, form_id="apply", rule=ID_NUMBER, autocomplete="off",
                    hint=_("A resident ID has 18 characters; the last can be X. A passport number has 5 to 9 letters and digits."),
                ),
            ),
        ),
        (
            CONTACT,
            _form(
                locale,
                CONTACT,
                personal_field(
                    locale, "phone", labels["phone"], masked=ApplyState.masked, unmasked=ApplyState.unmasked, edit=ApplyState.edit_number("phone", "apply-phone"),
                    errors=errors, form_id="apply", rule=validation.PHONE, kind="tel", autocomplete="tel", input_mode="tel",
                ),
                field(locale, "address", labels["address"], errors=errors, form_id="apply", rule=validation.ADDRESS, required=False, autocomplete="street-address", value=answers["address"], hint=_("Needed only if the result is sent by post.")),
            ),
        ),
        (
            REQUEST,
            _form(
                locale,
                REQUEST,
                field(locale, "purpose", labels["purpose"], rule=PURPOSE, errors=errors, form_id="apply", kind="textarea", rows=6, value=answers["purpose"], hint=_("In your own words. Up to 2,000 characters.")),
                choice_group(locale, "delivery", labels["delivery"], [(c, _(l)) for c, l in DELIVERY], errors=errors, form_id="apply", value=answers["delivery"]),
            ),
        ),
        (
            DOCUMENTS,
            _form(
                locale,
                DOCUMENTS,
                rx.el.h2(_("Add your documents")),
                rx.el.p(_("Take a clear photo or scan of each document. PDF, JPG or PNG, up to 5 MB each."), class_name="hint"),
                rx.foreach(
                    ApplyState.materials,
                    lambda m: rx.cond(
                        m.on_file != "",
                        rx.el.div(
                            rx.el.h3(m.name, class_name="label--large", custom_attrs={"data-content": ""}),
                            rx.el.p(
                                rx.el.span(_("We already have this"), class_name="material--on-file"),
                                " — ",
                                _("your e-certificate:"),
                                " ",
                                rx.el.span(m.on_file, custom_attrs={"data-content": ""}),
                                ". ",
                                _("Nothing to upload."),
                            ),
                            class_name="field",
                            custom_attrs={"data-testid": "material-on-file"},
                        ),
                        rx.el.div(
                            rx.el.p(rx.cond(errors.get(m.field, "").to(str) != "", _("Add this document."), ""), id="apply-" + m.field + "-server-error", class_name="field-error", hidden=errors.get(m.field, "").to(str) == ""),
                            upload_field(locale, m.field, m.name, form_id="apply", limit=3, required=m.required, hint=m.note, value=ApplyState.files.get(m.field, "[]").to(str)),
                        ),
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
                    review_row(labels["name"], answers["name"]),
                    review_row(labels["id_number"], ApplyState.masked["id_number"]),
                    review_row(labels["phone"], ApplyState.masked["phone"]),
                    review_row(labels["address"], answers["address"]),
                    review_row(labels["purpose"], answers["purpose"]),
                    class_name="facts facts--grid",
                ),
                rx.el.button(_("Change my answers"), type="button", class_name="button button--secondary", on_click=ApplyState.go_to(NAME)),
                declaration_field(locale, "apply"),
                keep=False,
            ),
        ),
        rx.el.section(
            rx.cond(
                ApplyState.receipt.instant,
                rx.fragment(rx.el.h2(_("Your application has been approved")), instant_approval_note(locale)),
                rx.el.h2(_("Your application has been sent")),
            ),
            rx.el.p(_("Receipt number"), class_name="meta"),
            rx.el.p(ApplyState.receipt.number, class_name="confirmation__number", custom_attrs={"translate": "no", "data-testid": "receipt-number"}),
            rx.cond(
                ApplyState.receipt.instant,
                rx.el.p(_("Keep this number. The result is in your account.")),
                rx.el.p(_("Keep this number. We will tell you by text message when the department accepts your application and when it is done.")),
            ),
            rx.el.div(
                nav_link(_("Follow its progress"), href=ApplyState.receipt.track_href, class_name="button"),
                nav_link(_("Go to my account"), href=locale_href(locale, "me"), class_name="button button--secondary"),
                class_name="actions",
            ),
            class_name="confirmation",
            custom_attrs={"data-forget-kept": "apply-" + ApplyState.service_id + "-"},  # sent: the tab's copies go (forms.js)
        ),
    )


def apply_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    before, after = around(_("Apply online: %(service)s"), "service")
    return page_frame(
        locale,
        "apply/[service_id]",
        rx.el.h1(
            rx.cond(
                ApplyState.service_name != "",
                rx.fragment(before, rx.el.span(ApplyState.service_name, custom_attrs={"data-content": ""}), after),
                _("Apply online"),
            )
        ),
        rx.cond(
            ApplyState.restored_from != "",
            notice(rx.el.p(_("We kept your unfinished application. You can carry on where you stopped."), " (", ApplyState.restored_from, ")"), tone="info"),
        ),
        rx.el.div(rx.cond(ApplyState.step < DONE, stepper(locale, [_(s) for s in STEPS], ApplyState.step)), id="apply-step", tab_index=-1),
        _problem(locale),
        rx.cond((ApplyState.problem == "not_online") | (ApplyState.problem == "not_found"), rx.fragment(), _steps(locale)),
        trail=[(_("Services"), "services"), (_("Apply online"), "")],
    )


def apply_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Apply online")


def apply_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Apply for a service online, step by step, and get a receipt number.")
