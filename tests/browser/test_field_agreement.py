"""The browser's check of every field (components/forms.js) agrees with the
server's (frontend/validation.py, held against the API's in
tests/unit/test_field_rules.py): same normalisation, same count of
characters, same lengths, same allowed characters, value by value; and every
field people type into carries its rule from the one definition."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from frontend import validation as ui
from tests.browser.conftest import HYDRATED, log_in_context
from tests.field_corpus import FIELDS, kind, values


# The browser's verdict on each value, in a form built from the rule's own attributes.
BROWSER_VERDICTS = """([formAttrs, fieldAttrs, required, values]) => {
    const form = document.createElement("form");
    for (const [name, value] of Object.entries(formAttrs)) form.setAttribute(name, value);
    const input = document.createElement("input");
    input.name = "probe";
    input.required = required;
    for (const [name, value] of Object.entries(fieldAttrs)) input.setAttribute(name, value);
    form.append(input);
    document.body.append(form);
    const verdicts = values.map((value) => { input.value = value; return window.portalForms.problem(input); });
    form.remove();
    return verdicts;
}"""
BROWSER_KINDS = {None: "ok", "required": "required", "too-long": "too_long", "invalid-characters": "invalid_characters", "format": "format"}


@pytest.mark.parametrize("name", FIELDS)
def test_the_browser_and_the_server_agree_on_every_value(page: Page, name):
    field = FIELDS[name]
    page.goto("/en/track/")
    page.wait_for_function("() => window.portalForms")
    tried = values(field)
    # An <input> holds no line breaks: the browser strips them from what is typed or pasted.
    tried = [value for value in tried if "\n" not in value and "\r" not in value]
    verdicts = page.evaluate(BROWSER_VERDICTS, [ui.form_attributes(), field.rule.attributes(), field.required, tried])
    disagree = {}
    for value, verdict in zip(tried, verdicts, strict=True):
        browser, server = BROWSER_KINDS[verdict], kind(ui.check(field.rule, value, required=field.required).error)
        if browser == server or (field.browser_knows_less and browser == "ok" and server == "format"):
            continue
        disagree[value[:40]] = {"browser": browser, "server": server}
    assert not disagree, disagree


RULES = {field.rule.name: field.rule for field in FIELDS.values()}
FORMS = ("/{locale}/login/", "/{locale}/login/code/", "/{locale}/login/passport/", "/{locale}/track/", "/{locale}/interact/reply/", "/{locale}/interact/complaint/")
TYPED_FIELDS = "main form[data-check] :is(input:not([type=checkbox], [type=radio], [type=file], [type=hidden], [type=submit]), textarea)"


def test_every_typed_field_carries_its_rule(browser: Browser, base_url, templates):
    """Every field people type into on the forms carries the attributes of a
    rule as frontend/validation.py defines it, and its form the shared classes
    (``data-personal``, which keeps a number out of browser storage, is not a rule's)."""
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    rating = next(t.path for t in templates if t.name == "rating")
    wrong = {}
    seen = set()
    for path in (*FORMS, rating):
        page.goto(path.format(locale="fr"))
        page.wait_for_function(HYDRATED)
        page.wait_for_load_state("networkidle")
        # The account's numbers are shown masked: their Change buttons put the fields in the form.
        masked = page.locator("main form .field__masked")
        while left := masked.count():
            page.locator("main form .field__masked + button").first.click()
            expect(masked).to_have_count(left - 1)
        for found in page.locator(TYPED_FIELDS).evaluate_all(
            "(fields) => fields.map((f) => ({id: f.id, attrs: Object.fromEntries([...f.attributes].filter((a) => a.name.startsWith('data-') && !a.name.startsWith('data-error') && a.name !== 'data-personal').map((a) => [a.name, a.value])), form: Object.fromEntries([...f.form.attributes].filter((a) => ['data-check', 'data-space', 'data-invisible', 'data-control'].includes(a.name)).map((a) => [a.name, a.value]))}))"
        ):
            rule = RULES.get(found["attrs"].get("data-field-rule", ""))
            seen.add(found["attrs"].get("data-field-rule"))
            if rule is None or found["attrs"] != rule.attributes() or found["form"] != ui.form_attributes():
                wrong[f"{path} #{found['id']}"] = found
    context.close()
    assert not wrong, wrong
    assert {"mobile-cn", "password", "passport", "receipt", "ticket", "access-code", "text-100", "text-5000", "name", "phone", "email", "text-500"} <= seen
