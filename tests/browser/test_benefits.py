"""The benefits finder (政策计算器) in the browser: answers in two locales give
results with their reasons in plain words and their guide links; senior mode
asks one question at a time; pre-filling from the account only on request."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import Page, expect

from a11y.audit import axe_violations, describe
from backend.api.benefits import age_on
from tests.browser.conftest import HYDRATED, log_in_context, set_prefs


def _(locale: str):
    from locales import gettext_for

    return gettext_for(locale)


def test_a_resident_in_chinese_sees_the_reasons(page: Page):
    t = _("zh")
    page.goto("/zh/benefits/")
    page.wait_for_function(HYDRATED)
    expect(page.get_by_text(t("Nothing you answer here is stored. The check keeps no record, and your answers are gone when you leave this page."))).to_be_visible()
    page.get_by_label(t("How old are you?")).fill("82")
    page.get_by_label(t("I have a Haizhou hukou")).check()
    page.get_by_test_id("benefits-check").click()
    result = page.get_by_test_id("benefit").filter(has=page.get_by_role("link", name="高龄津贴申领"))
    expect(result).to_contain_text("您已年满80周岁")
    expect(result).to_contain_text("您具有本市户籍")
    expect(result).to_contain_text(t("Likely to apply"))
    expect(result.get_by_role("link", name="高龄津贴申领")).to_have_attribute("href", "/zh/services/ca-elderly-allowance/")
    # The senior bus card needs only age and residence too; a retirement pension is for under 71.
    expect(page.get_by_test_id("benefit").filter(has_text="老年人乘车优惠卡")).to_have_count(1)
    expect(page.get_by_test_id("benefit").filter(has_text="职工基本养老保险待遇申领")).to_have_count(0)
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_a_business_in_french_with_a_skipped_question(page: Page):
    t = _("fr")
    page.goto("/fr/benefits/")
    page.wait_for_function(HYDRATED)
    page.get_by_role("button", name=t("For my business")).click()
    page.get_by_label(t("Food and drink")).check()  # where it trades is skipped
    page.get_by_label(t("Fewer than 10")).check()
    page.get_by_test_id("benefits-check").click()
    relief = page.get_by_test_id("benefit").filter(has_text="votre entreprise est petite")
    expect(relief).to_contain_text(t("Likely to apply"))
    expect(relief.get_by_role("link")).to_have_attribute("href", "/fr/news/2026-10-small-business-tax-relief/")
    food = page.get_by_test_id("benefit").filter(has_text="vous vendez de la nourriture ou des boissons")
    expect(food).to_contain_text(t("May apply"))
    expect(food).to_contain_text(t("Answer these questions to be more certain:"))
    expect(food.get_by_role("listitem")).to_have_text([t("Where does it trade?")])  # the skipped question, named
    page.get_by_label(t("How many years has it been running?")).fill("-3")
    page.get_by_test_id("benefits-check").click()
    expect(page.locator("#benefits-server-summary, [data-error-summary]:not([hidden])").first).to_be_visible()


def test_senior_mode_asks_one_question_at_a_time(browser, base_url):
    t = _("ja")
    context = browser.new_context(base_url=base_url)
    set_prefs(context, {"elder": True})
    page = context.new_page()
    page.goto("/ja/benefits/")
    page.wait_for_function(HYDRATED)
    age = page.get_by_label(t("How old are you?"))
    expect(age).to_be_visible()
    expect(page.get_by_label(t("I have a Haizhou hukou"))).to_be_hidden()
    age.fill("65")
    skip = page.get_by_role("button", name=t("Skip this question"))
    box = skip.bounding_box()
    assert box["width"] >= 59 and box["height"] >= 59
    page.get_by_role("button", name=t("Next question")).click()
    expect(page.get_by_label(t("I have a Haizhou hukou"))).to_be_visible()
    expect(age).to_be_hidden()
    page.get_by_label(t("I have a Haizhou hukou")).check()
    page.keyboard.press("Tab")
    page.get_by_test_id("benefits-check").click()
    expect(page.get_by_test_id("benefit").filter(has_text="60歳以上である")).to_have_count(1)  # the hidden age answer was kept
    violations = axe_violations(page)
    assert not violations, describe(violations)
    context.close()


def test_prefill_from_the_account_only_on_request(browser, base_url):
    t = _("en")
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    page.goto("/en/benefits/")
    page.wait_for_function(HYDRATED)
    age = page.get_by_label(t("How old are you?"))
    expect(age).to_have_value("")
    page.get_by_role("button", name=t("Fill in from my account")).click()
    expect(page.get_by_text(t("Filled in from your account. Check the answers below."))).to_be_visible()
    expect(page.get_by_label(t("How old are you?"))).to_have_value(str(age_on(dt.date(1965, 3, 15), dt.date.today())))
    context.close()
