"""The benefits finder (政策计算器): a few questions for a resident or a
business, every one skippable, and the services and policies likely to apply,
each with its reasons in plain words, its guide and what to check.

Layout: one page with every question for the chosen audience, because it is
short (six or four questions) and people answer it faster when they can see
all of it and skip freely. In senior mode the same form shows one question at
a time (CSS hides the others) with large Previous / Skip / Next buttons, so
the page never asks for more than one thing at once; the answers stay in the
form either way. Nothing is stored: the check keeps no record, and a
logged-in person's details are filled in only when they ask for it.
"""

from __future__ import annotations

import dataclasses

import reflex as rx
from babel.lists import format_list

from clients import benefits
from clients.base import ClientError, InvalidInput, Unauthorised
from components.fields import choice_group, error_summary, field
from components.links import locale_href, nav_link
from components.notices import content_lang, notice, unavailable_notice
from components.page import page_frame
from frontend import validation
from frontend.session import api_token, login_url, token_refused
from locales import N_, api_locale, babel_locale, gettext_for

# (name, question, options or None for a number) per audience, in the order asked.
RESIDENT = (
    ("age", N_("How old are you?"), None),
    (
        "residence",
        N_("Where is your household registration?"),
        (
            ("hukou", N_("I have a Haizhou hukou")),
            ("residence_card", N_("I have a Haizhou residence card")),
            ("permanent_resident", N_("I have a foreigner's permanent residence ID card and live in Haizhou")),
            ("foreigner", N_("I am a foreign national living in Haizhou")),
            ("elsewhere", N_("None of these")),
        ),
    ),
    ("household", N_("Who do you live with?"), (("alone", N_("I live alone")), ("with_family", N_("With family")))),
    (
        "income",
        N_("What is your household's income per person?"),
        (
            ("subsistence", N_("Below the minimum living standard (1,150 yuan a month)")),
            ("low", N_("Low (up to about 3,000 yuan a month)")),
            ("middle", N_("Middle")),
            ("high", N_("High")),
        ),
    ),
    ("disability", N_("Do you have a disability certificate?"), (("yes", N_("Yes")), ("no", N_("No")))),
    (
        "children",
        N_("How old is your youngest child?"),
        (
            ("none", N_("I have no children under 18")),
            ("under_3", N_("Under 3")),
            ("age_3_to_5", N_("3 to 5")),
            ("age_6_to_15", N_("6 to 15")),
            ("age_16_to_17", N_("16 or 17")),
        ),
    ),
)
BUSINESS = (
    (
        "size",
        N_("How many people work in the business?"),
        (("micro", N_("Fewer than 10")), ("small", N_("10 to 99")), ("medium", N_("100 to 299")), ("large", N_("300 or more"))),
    ),
    (
        "industry",
        N_("What does the business do?"),
        (
            ("catering", N_("Food and drink")),
            ("retail", N_("Shop or trade")),
            ("manufacturing", N_("Manufacturing")),
            ("technology", N_("Technology")),
            ("services", N_("Other services")),
            ("other", N_("Something else")),
        ),
    ),
    ("years", N_("How many years has it been running?"), None),
    ("location", N_("Where does it trade?"), (("haizhou", N_("In Haizhou")), ("elsewhere", N_("Elsewhere")))),
)
QUESTIONS = {"resident": RESIDENT, "business": BUSINESS}
NUMBER_LIMITS = {"age": 130, "years": 200}
WHOLE_NUMBER = validation.FieldRule("whole-number", "invalid_format", drop=f"[{validation.SPACE}]", pattern="[0-9]{1,3}")


@dataclasses.dataclass
class ResultView:
    name: str
    href: str
    likely: bool
    reasons: str  # the reasons, as one list in words
    skipped: list[str]  # the questions skipped that it depends on
    check: str
    lang: str


class BenefitsState(rx.State):
    audience: str = "resident"
    current: int = 0  # the question shown in senior mode
    answers: dict[str, str] = {}
    errors: dict[str, str] = {}
    results: list[ResultView] = []
    checked: bool = False
    problem: str = ""  # unavailable, error
    prefilled: str = ""  # "", done, nothing (the account holds none of the answers)

    @rx.event
    def load(self):
        self.current, self.errors, self.results, self.checked, self.problem, self.prefilled = 0, {}, [], False, "", ""

    @rx.event
    def choose(self, audience: str):
        if audience in QUESTIONS:
            self.audience, self.current, self.errors, self.results, self.checked = audience, 0, {}, [], False

    @rx.event
    def move(self, by: int):
        self.current = max(0, min(self.current + by, len(QUESTIONS[self.audience]) - 1))
        return rx.set_focus("benefits-question")

    @rx.event
    async def use_my_account(self, locale: str):
        token = await api_token(self)
        if not token:
            return rx.redirect(login_url(locale, self.router.url.path))
        try:
            held = await benefits.prefill(api_locale(locale), token)
        except Unauthorised as error:
            await token_refused(self)
            return rx.redirect(login_url(locale, self.router.url.path, expired=error.code == "token_expired"))
        except ClientError:
            self.problem = "unavailable"
            return
        filled = {k: str(v) for k, v in {"age": held.age, "residence": held.residence}.items() if v is not None}
        self.audience = "resident"
        self.answers = {**self.answers, **filled}
        self.prefilled = "done" if filled else "nothing"

    def _parse(self, form: dict) -> tuple[dict, dict[str, str]]:
        answers: dict = {}
        errors: dict[str, str] = {}
        for name, _question, options in QUESTIONS[self.audience]:
            value = str(form.get(name, "")).strip()
            if options is None:
                checked = validation.check(WHOLE_NUMBER, value, required=False)
                if checked.error:
                    errors[name] = checked.error
                elif checked.value:
                    if int(checked.value) > NUMBER_LIMITS[name]:
                        errors[name] = "out_of_range"
                    else:
                        answers[name] = int(checked.value)
            elif not value:
                continue
            elif value in dict(options):
                answers[name] = value == "yes" if name == "disability" else value
            else:
                errors[name] = "invalid_choice"
        return answers, errors

    @rx.event
    async def check(self, locale: str, form: dict):
        self.answers = {k: str(v) for k, v in form.items()}
        answers, self.errors = self._parse(form)
        if self.errors:
            self.current = next(i for i, (name, _q, _o) in enumerate(QUESTIONS[self.audience]) if name in self.errors)
            return rx.set_focus("benefits-server-summary")
        request = benefits.BenefitsCheck(audience=self.audience, **{self.audience: answers})
        try:
            found = await benefits.check(api_locale(locale), request)
        except InvalidInput as error:
            self.errors = {name.partition(".")[2]: code for name, code in error.fields.items()}
            return rx.set_focus("benefits-server-summary")
        except ClientError:
            self.problem = "unavailable"
            return rx.set_focus("benefits-results")
        _ = gettext_for(locale)
        words = {name: _(question) for name, question, _o in QUESTIONS[self.audience]}
        self.results = [
            ResultView(
                name=b.target.name,
                href=locale_href(locale, f"{'services' if b.target.kind == 'service' else 'news'}/{b.target.id}"),
                likely=b.match == "likely",
                reasons=format_list(b.reasons, locale=babel_locale(locale)),
                skipped=[words[s] for s in b.skipped],
                check=b.check,
                lang=b.target.lang,
            )
            for b in found.results
        ]
        self.problem, self.checked = "", True
        return rx.set_focus("benefits-results")


def _question(locale: str, index: int, name: str, question: str, options) -> rx.Component:
    _ = gettext_for(locale)
    errors = BenefitsState.errors
    value = BenefitsState.answers.get(name, "").to(str)
    control = (
        field(locale, name, _(question), rule=WHOLE_NUMBER, errors=errors, form_id="benefits", required=False, input_mode="numeric", value=value, format_message=_("Enter a whole number."))
        if options is None
        else choice_group(locale, name, _(question), [(code, _(label)) for code, label in options], errors=errors, form_id="benefits", value=value, required=False)
    )
    return rx.el.div(
        control,
        class_name=rx.cond(BenefitsState.current == index, "one-per-page__item is-current", "one-per-page__item"),
        key=name + value,
    )


def _questions(locale: str, audience: str) -> rx.Component:
    _ = gettext_for(locale)
    questions = QUESTIONS[audience]
    last = len(questions) - 1
    return rx.el.form(
        error_summary(locale, "benefits", BenefitsState.errors, {name: _(question) for name, question, _o in questions}),
        rx.el.p(
            rx.match(BenefitsState.current, *((i, _("Question %(number)s of %(total)s") % {"number": i + 1, "total": len(questions)}) for i in range(len(questions))), ""),
            id="benefits-question",
            tab_index=-1,
            class_name="elder-only stepper__now",
        ),
        rx.el.div(*(_question(locale, i, name, question, options) for i, (name, question, options) in enumerate(questions)), class_name="one-per-page"),
        rx.el.div(
            rx.cond(BenefitsState.current > 0, rx.el.button(_("Previous question"), type="button", class_name="button button--secondary", on_click=BenefitsState.move(-1))),
            rx.cond(
                BenefitsState.current < last,
                rx.fragment(
                    rx.el.button(_("Skip this question"), type="button", class_name="button button--secondary", on_click=BenefitsState.move(1)),
                    rx.el.button(_("Next question"), type="button", class_name="button", on_click=BenefitsState.move(1)),
                ),
            ),
            class_name="form-actions elder-only",
        ),
        rx.el.div(
            rx.el.button(_("See what may apply"), type="submit", class_name="button", custom_attrs={"data-testid": "benefits-check"}),
            class_name="form-actions",
        ),
        on_submit=BenefitsState.check(locale),
        no_validate=True,
        custom_attrs=validation.form_attributes(),
        key=audience,
    )


def _result(locale: str, r: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.article(
            rx.el.h3(nav_link(r.name, href=r.href), lang=content_lang(locale, r.lang), custom_attrs={"data-content": ""}),
            rx.el.p(rx.el.strong(rx.cond(r.likely, _("Likely to apply"), _("May apply"))), class_name="badge-line"),
            rx.el.p(_("Because:"), " ", rx.el.span(r.reasons, custom_attrs={"data-content": ""})),
            rx.cond(
                r.skipped.length() > 0,
                rx.fragment(rx.el.p(_("Answer these questions to be more certain:")), rx.el.ul(rx.foreach(r.skipped, lambda q: rx.el.li(q)))),
            ),
            rx.el.p(rx.el.strong(_("What to check:")), " ", rx.el.span(r.check, custom_attrs={"data-content": ""})),
            class_name="record",
            custom_attrs={"data-testid": "benefit"},
        )
    )


def benefits_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    audience_button = lambda code, label: rx.el.button(  # noqa: E731
        label,
        type="button",
        class_name=rx.cond(BenefitsState.audience == code, "button", "button button--secondary"),
        aria_pressed=rx.cond(BenefitsState.audience == code, "true", "false"),
        on_click=BenefitsState.choose(code),
    )
    return page_frame(
        locale,
        "benefits",
        rx.el.h1(_("Benefits finder")),
        rx.el.p(_("Answer a few questions to see which allowances, services and policies are likely to apply to you. Skip any question you prefer not to answer."), class_name="lead"),
        notice(rx.el.p(_("Nothing you answer here is stored. The check keeps no record, and your answers are gone when you leave this page.")), tone="info"),
        rx.el.div(
            rx.el.p(_("Who is it for?"), id="benefits-audience"),
            rx.el.div(audience_button("resident", _("For me and my household")), audience_button("business", _("For my business")), class_name="actions", role="group", aria_labelledby="benefits-audience"),
        ),
        rx.cond(
            BenefitsState.audience == "resident",
            rx.el.div(
                rx.el.button(_("Fill in from my account"), type="button", class_name="button button--secondary", on_click=BenefitsState.use_my_account(locale)),
                rx.el.p(_("Only with your permission: your age from your ID number, and whether you live here as a foreign national. Nothing else."), class_name="hint"),
                rx.el.div(
                    rx.match(
                        BenefitsState.prefilled,
                        ("done", rx.el.p(_("Filled in from your account. Check the answers below."))),
                        ("nothing", rx.el.p(_("Your account holds none of these answers."))),
                        rx.fragment(),
                    ),
                    role="status",
                ),
            ),
        ),
        rx.cond(BenefitsState.audience == "resident", _questions(locale, "resident"), _questions(locale, "business")),
        rx.el.section(
            rx.cond(
                BenefitsState.problem == "unavailable",
                unavailable_notice(locale),
                rx.cond(
                    BenefitsState.checked,
                    rx.fragment(
                        rx.el.h2(_("What may apply to you")),
                        rx.cond(
                            BenefitsState.results.length() > 0,
                            rx.el.ul(rx.foreach(BenefitsState.results, lambda r: _result(locale, r)), class_name="record-list"),
                            rx.el.p(_("Nothing matched your answers. That does not mean there is nothing for you: call 12345 or browse the services.")),
                        ),
                        rx.el.p(_("This is a guide, not a decision: the department decides when you apply."), class_name="hint"),
                    ),
                ),
            ),
            id="benefits-results",
            tab_index=-1,
            aria_live="polite",
        ),
        trail=[(_("Benefits finder"), "benefits")],
    )


def benefits_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Benefits finder")


def benefits_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("A few questions, and the allowances, services and policies likely to apply to you or your business, with the reasons.")
