"""The information side as people meet it: every page in every locale, the
catalogue's filters in the URL, the service guide, search with suggestions,
news, halls, the expat zone, missing translations and hostile content."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from backend import models
from locales import HTML_LANG, LOCALES, gettext_for
from tests.browser.conftest import api_get, log_in_context, open_template


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_in_every_locale(browser, base_url, templates, locale):
    """Each page: its language, a unique translated title, a description, one
    h1, landmarks and breadcrumbs; no error in the console."""
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    titles = {}
    problems = []
    for template in templates:
        open_template(page, template, locale)
        name = template.name
        if not template.name.startswith("kiosk attract"):
            if page.locator("html").get_attribute("lang") != HTML_LANG[locale]:
                problems.append(f"{name}: lang")
        if page.locator("h1").count() != 1:
            problems.append(f"{name}: {page.locator('h1').count()} h1")
        if page.get_by_role("main").count() != 1:
            problems.append(f"{name}: main landmark")
        description = page.locator("meta[name=description]")
        if description.count() != 1 or not description.get_attribute("content"):
            problems.append(f"{name}: description")
        if not template.name.startswith("kiosk") and template.name != "home":
            if page.get_by_role("navigation", name=gettext_for(locale)("Breadcrumb")).count() != 1:
                problems.append(f"{name}: breadcrumbs")
            if page.get_by_role("banner").count() != 1 or page.get_by_role("contentinfo").count() != 1:
                problems.append(f"{name}: header or footer landmark")
        titles.setdefault(page.title(), []).append(name)
    context.close()
    duplicates = {title: names for title, names in titles.items() if len(names) > 1 and not all(n.startswith("kiosk") for n in names)}
    assert not problems, problems
    assert not duplicates, duplicates
    assert not errors, errors


def test_catalogue_filters_live_in_the_url(page: Page, base_url):
    _ = gettext_for("en")
    page.goto("/en/services/")
    page.wait_for_selector("[data-testid=result-count]")
    total = int(page.get_by_test_id("result-count").inner_text())
    page.get_by_label(_("Who it is for")).select_option("business")
    page.get_by_label(_("Online")).check()
    page.get_by_role("button", name=_("Show services")).click()
    page.wait_for_url(re.compile(r"audience=business.*mode=online|mode=online.*audience=business"))
    page.wait_for_selector("[data-testid=result-count]")
    expected = api_get(base_url, "/services?audience=business&mode=online&locale=en")["total"]
    expect(page.get_by_test_id("result-count")).to_have_text(str(expected))
    assert expected < total
    expect(page.get_by_label(_("Who it is for"))).to_have_value("business")  # the form shows the URL's choice
    page.go_back()
    page.wait_for_url(re.compile(r"/en/services/$"))
    expect(page.get_by_test_id("result-count")).to_have_text(str(total))


def test_catalogue_pages(page: Page, base_url):
    _ = gettext_for("zh")
    page.goto("/zh/services/")
    pagination = page.get_by_role("navigation", name=_("Pages of results"))
    expect(pagination).to_be_visible()
    first = page.locator(".service-item h3").first.inner_text()
    pagination.get_by_role("link", name="2").click()
    page.wait_for_url(re.compile(r"page=2"))
    expect(page.locator(".service-item h3").first).not_to_have_text(first)
    expect(pagination.get_by_role("link", name="2")).to_have_attribute("aria-current", "page")


def test_service_guide(page: Page, base_url):
    _ = gettext_for("fr")
    detail = api_get(base_url, "/services/ps-id-card?locale=fr")
    page.goto("/fr/services/ps-id-card/")
    expect(page.locator("h1")).to_have_text(detail["name"])
    for heading in (_("Who can apply"), _("Conditions"), _("What to bring"), _("Fees"), _("Where and when"), _("Legal basis")):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    checklist = page.locator(".checklist input[type=checkbox]")
    assert checklist.count() == len(detail["materials"])
    checklist.first.check()
    expect(checklist.first).to_be_checked()
    reviewed = dt.date.fromisoformat(detail["last_reviewed"])
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    expect(page.locator(".meta").last).to_contain_text(f"{reviewed.day} {months[reviewed.month - 1]} {reviewed.year}")
    if float(detail["fee_cny"]):
        expect(page.locator("main")).to_contain_text("CNY")  # Babel's French form: 20,00 CNY
    for hall in detail["halls"]:
        expect(page.get_by_role("link", name=hall["name"])).to_have_attribute("href", f"/fr/halls/{hall['id']}/")
    expect(page.get_by_role("link", name=_("Ask a question"))).to_be_visible()


def test_header_search_leads_to_results(page: Page):
    _ = gettext_for("zh")
    page.goto("/zh/halls/")
    page.locator("#site-search").fill("shebao")
    page.locator("#site-search").press("Enter")
    page.wait_for_url(re.compile(r"/zh/search/\?q=shebao"))
    expect(page.locator(".results-list .result").first).to_be_visible()
    assert "hrss-social-insurance-enrolment" in page.locator(".results-list").inner_html()


def test_suggestions_by_keyboard_alone(page: Page):
    page.goto("/en/search/")
    box = page.get_by_role("combobox")
    box.focus()
    page.keyboard.type("passp", delay=60)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    expect(box).to_be_focused()
    target = page.locator(f"#{active} a").get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    page.goto("/en/search/")
    page.get_by_role("combobox").fill("passp")
    expect(page.get_by_role("listbox")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("combobox")).to_have_attribute("aria-expanded", "false")


def test_nothing_found_helps(page: Page):
    _ = gettext_for("ja")
    page.goto("/ja/search/?q=zzqqxx")
    expect(page.get_by_role("heading", name=_("Nothing matched your search"))).to_be_visible()
    expect(page.get_by_role("heading", name=_("Popular services"))).to_be_visible()
    expect(page.locator("main a[href='tel:12345']")).to_be_visible()


def test_news_by_kind_with_dates_in_the_locale(page: Page, base_url):
    _ = gettext_for("ko")
    notices = api_get(base_url, "/articles?kind=notice&locale=ko")["items"]
    page.goto("/ko/news/")
    page.get_by_role("link", name=_("Notices"), exact=True).click()
    page.wait_for_url(re.compile(r"kind=notice"))
    expect(page.locator(".article-item h2").first).to_have_text(notices[0]["title"])
    published = dt.date.fromisoformat(notices[0]["published"])
    expect(page.locator(".article-item time").first).to_have_text(f"{published.year}년 {published.month}월 {published.day}일")
    page.locator(".article-item h2 a").first.click()
    expect(page.locator("h1")).to_have_text(notices[0]["title"])


def test_halls_show_the_queue_and_the_way_to_book(page: Page, base_url):
    _ = gettext_for("en")
    hall = api_get(base_url, "/halls/city-centre?locale=en")
    page.goto("/en/halls/city-centre/")
    expect(page.get_by_test_id("waiting")).to_have_text(str(hall["waiting"]))
    expect(page.get_by_role("link", name=_("Book a visit"))).to_have_attribute("href", "/en/book/?hall=city-centre")
    expect(page.get_by_role("heading", name=_("Accessibility and help"))).to_be_visible()


def test_expat_zone(page: Page, base_url):
    _ = gettext_for("fr")
    guides = api_get(base_url, "/expat-guides?locale=fr")
    page.goto("/fr/expat/")
    emergency = page.get_by_role("region", name=_("Emergency numbers"))
    first_heading = page.locator("main h2").first.inner_text()
    assert first_heading == _("Emergency numbers")  # numbers up front
    for number in ("110", "119", "120"):
        expect(emergency.locator(f"a[href='tel:{number}']")).to_be_visible()
    outdated = [g for g in guides if dt.date.today() - dt.date.fromisoformat(g["last_reviewed"]) > dt.timedelta(days=365)]
    assert outdated, "the seed keeps one guide unreviewed for over a year"
    expect(page.locator(".outdated")).to_have_count(len(outdated))
    page.get_by_role("link", name=outdated[0]["title"]).click()
    expect(page.locator(".outdated")).to_be_visible()


def test_untranslated_content_is_shown_in_chinese_and_says_so(page: Page, portal_db):
    with Session(portal_db) as session:
        source = session.get(models.Service, "ps-id-card")
        data = {**source.data, "id": "test-chinese-only", "summary": {"zh": "这项服务的说明还没有翻译。"}}
        session.merge(models.Service(id="test-chinese-only", department=source.department, mode=source.mode,
                                     online_application=False, appointment=False, popularity=0, data=data))
        session.commit()
    _ = gettext_for("en")
    page.goto("/en/services/test-chinese-only/")
    expect(page.get_by_text(_("This information has not been translated into your language yet, so it is shown in Chinese. Call 12345 for help in your language."))).to_be_visible()
    expect(page.locator("h1")).to_have_attribute("lang", "zh-CN")
    expect(page.locator("main [data-content][lang='zh-CN']").first).to_contain_text("这项服务的说明还没有翻译。")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_content_can_never_run_as_code(page: Page, portal_db):
    hostile = "<script>window.__owned = 1; alert(1)</script><img src=x onerror=\"window.__owned = 1\">"
    with Session(portal_db) as session:
        source = session.exec(select(models.Article)).first()
        body = {code: f"## {hostile}\n\n{hostile}" for code in ("zh", "en", "ja", "ko", "fr")}
        title = {code: hostile for code in ("zh", "en", "ja", "ko", "fr")}
        session.merge(models.Article(id="test-hostile", kind="news", published=source.published, data={**source.data, "id": "test-hostile", "title": title, "body": body}))
        session.commit()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("/en/news/test-hostile/")
    expect(page.locator("h1")).to_have_text(hostile)
    expect(page.locator(".prose")).to_contain_text("<script>")
    page.wait_for_timeout(500)
    assert not dialogs
    assert page.evaluate("window.__owned") is None
    assert page.locator(".prose script, .prose img").count() == 0
