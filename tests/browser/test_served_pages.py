"""Information pages arrive as HTML (frontend/served.py, frontend/page_server.py).

For every kind of information page in every locale: the first response
carries the content in its language, its own title and description, its
canonical address and its alternates; a browser with JavaScript off and one
whose live connection is blocked both show it. A change of content reaches
the page without a rebuild once the cache's lifetime has passed; the live
state replaces a copy that is out of date and leaves a current one alone.
And robots.txt and the sitemaps.

The portal is restarted for this module with a short cache lifetime
(``PORTAL_CACHE_SECONDS``), on the same build and database."""

from __future__ import annotations

import html
import re
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session

from backend import models
from frontend.rich_text import markdown_to_html
from locales import HTML_LANG, LOCALES, gettext_for
from tests.browser.conftest import HYDRATED, api_get, log_in_context

CACHE_SECONDS = 2
GUIDE = "ee-visa-extension"
HALL = "city-centre"
EXPAT_GUIDE = "visas"


@pytest.fixture(scope="module", autouse=True)
def short_cache(portal):
    portal.stop()
    portal.start(PORTAL_CACHE_SECONDS=str(CACHE_SECONDS))
    yield portal
    portal.stop()
    portal.start()


@dataclass(frozen=True)
class Kind:
    """An information page at a real address, what its h1 says and a piece
    of its content from the back end (each in the page's locale)."""

    name: str
    path: str
    heading: str
    text: str
    title: str  # what the <title> starts with


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def kinds(base_url: str, locale: str) -> list[Kind]:
    _ = gettext_for(locale)
    q = f"locale={locale}"
    services = api_get(base_url, f"/services?size=10&{q}")["items"]
    guide = api_get(base_url, f"/services/{GUIDE}?{q}")
    articles = api_get(base_url, f"/articles?size=10&{q}")["items"]
    article = api_get(base_url, f"/articles/{articles[0]['id']}?{q}")
    halls = api_get(base_url, f"/halls?{q}")
    hall = api_get(base_url, f"/halls/{HALL}?{q}")
    guides = api_get(base_url, f"/expat-guides?{q}")
    expat_guide = api_get(base_url, f"/expat-guides/{EXPAT_GUIDE}?{q}")
    popular = api_get(base_url, f"/services?size=8&{q}")["items"]
    body = " ".join(_text(markdown_to_html(article["body"])).split())[:40]
    return [
        Kind("home", f"/{locale}/", _("Haizhou Citizen Services"), popular[0]["name"], _("Haizhou Citizen Services")),
        Kind("service catalogue", f"/{locale}/services/", _("Services"), services[0]["name"], _("Services")),
        Kind("service guide", f"/{locale}/services/{GUIDE}/", guide["name"], guide["summary"], guide["name"]),
        Kind("news", f"/{locale}/news/", _("News and notices"), articles[0]["title"], _("News and notices")),
        Kind("article", f"/{locale}/news/{article['id']}/", article["title"], body, article["title"]),
        Kind("halls", f"/{locale}/halls/", _("Service halls"), halls[0]["address"], _("Service halls")),
        Kind("hall", f"/{locale}/halls/{HALL}/", hall["name"], hall["transport"], hall["name"]),
        Kind("expat zone", f"/{locale}/expat/", _("Living in Haizhou: help for foreign residents and visitors"), guides[0]["title"], _("Foreign residents")),
        Kind("expat guide", f"/{locale}/expat/{EXPAT_GUIDE}/", expat_guide["title"], expat_guide["summary"], expat_guide["title"]),
    ]


def _one(pattern: str, page: str) -> list[str]:
    return re.findall(pattern, page, re.S)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_first_response_carries_the_content(base_url, locale):
    problems = []
    for kind in kinds(base_url, locale):
        response = httpx.get(base_url + kind.path, timeout=30)
        page = response.text
        text = " ".join(_text(page).split())
        headings = [" ".join(_text(h).split()) for h in _one(r"<h1\b[^>]*>(.*?)</h1>", page)]
        titles = [_text(t) for t in _one(r"<title>(.*?)</title>", page)]
        descriptions = _one(r'<meta name="description" content="([^"]*)"', page) + _one(r'<meta content="([^"]*)" name="description"', page)
        canonical = _one(r'<link rel="canonical" href="([^"]*)"', page)
        alternates = dict(_one(r'<link rel="alternate" hreflang="([^"]*)" href="([^"]*)"', page))
        checks = {
            "status": response.status_code == 200,
            "lang": f'<html lang="{HTML_LANG[locale]}"' in page,
            "h1": headings == [" ".join(kind.heading.split())],
            "content": " ".join(kind.text.split()) in text,
            "title": len(titles) == 1 and titles[0].startswith(kind.title),
            "description": len(descriptions) == 1 and descriptions[0].strip() != "",
            "canonical": canonical == [base_url + kind.path],
            "alternates": set(alternates) == {*(HTML_LANG[code] for code in LOCALES), "x-default"}
            and alternates[HTML_LANG[locale]] == base_url + kind.path
            and all(href.startswith(base_url + "/") for href in alternates.values()),
        }
        problems += [f"{kind.name}: {check}" for check, ok in checks.items() if not ok]
    assert not problems, problems


def test_a_record_page_is_described_by_its_record(base_url):
    guide = api_get(base_url, f"/services/{GUIDE}?locale=fr")
    page = httpx.get(f"{base_url}/fr/services/{GUIDE}/").text
    assert html.unescape(_one(r'<meta name="description" content="([^"]*)"', page)[0]) == guide["summary"]
    assert html.unescape(_one(r"<title>(.*?)</title>", page)[0]) == f"{guide['name']} - {gettext_for('fr')('Haizhou Citizen Services')}"


def test_a_missing_record_is_a_404_page_in_the_language_of_the_address(base_url):
    _ = gettext_for("ja")
    for path, what in (("services", "We cannot find this service"), ("news", "We cannot find this article"), ("halls", "We cannot find this hall"), ("expat", "We cannot find this guide")):
        response = httpx.get(f"{base_url}/ja/{path}/no-such-record/")
        assert response.status_code == 404
        assert _(what) in html.unescape(response.text)
        assert '<html lang="ja"' in response.text


def test_a_list_page_keeps_its_filters_and_page_in_the_canonical_address(base_url):
    page = httpx.get(f"{base_url}/en/services/?audience=resident&page=2&utm_source=mail").text
    assert _one(r'<link rel="canonical" href="([^"]*)"', page) == [f"{base_url}/en/services/?audience=resident&amp;page=2"]
    assert 'aria-current="page">2</a>' in page


def _shows(page: Page, kind: Kind) -> None:
    page.goto(kind.path)
    expect(page.locator("h1")).to_have_text(kind.heading)
    expect(page.locator("main")).to_contain_text(" ".join(kind.text.split()))
    expect(page).to_have_title(re.compile("^" + re.escape(kind.title)))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_information_page_reads_without_javascript(browser: Browser, base_url, locale):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    for kind in kinds(base_url, locale):
        _shows(page, kind)
    context.close()


def block_live_connection(page) -> list[str]:
    """Refuse the page's live connection, whether socket.io opens it as a
    websocket (the build's own scheme, frontend/same_origin.py) or by polling;
    returns the addresses refused."""
    blocked: list[str] = []
    page.route("**/_event/**", lambda route: (blocked.append(route.request.url), route.abort()))
    page.route_web_socket(re.compile(r"/_event"), lambda ws: (blocked.append(ws.url), ws.close()))
    return blocked


@pytest.mark.parametrize("locale", LOCALES)
def test_a_reader_who_is_not_signed_in_fetches_none_of_the_app(browser: Browser, base_url, locale):
    """Each kind of information page reads, and its plain-script controls
    work, while not one of the app's modules is fetched (frontend/page_server.py)."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    modules: list[str] = []
    page.on("request", lambda request: modules.append(request.url) if re.search(r"/assets/[^?]+\.js", request.url) else None)
    for kind in kinds(base_url, locale):
        _shows(page, kind)
        page.wait_for_load_state("networkidle")
    page.get_by_test_id("elder-toggle").click()
    expect(page.locator("html")).to_have_attribute("data-elder", "true")
    assert not modules, modules[:3]
    page.locator("#site-search").fill(kinds(base_url, locale)[2].heading)
    page.locator("#site-search").press("Enter")
    expect(page).to_have_url(re.compile(f"/{locale}/search/"))
    page.wait_for_function(HYDRATED)  # search is interactive: there the app runs
    assert modules
    context.close()


@pytest.mark.parametrize("locale", LOCALES)
def test_every_information_page_reads_when_the_live_connection_is_blocked(browser: Browser, base_url, locale):
    """Signed in, the page runs the app (it may show the person's own
    things); with its connection refused the content is all there."""
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    blocked = block_live_connection(page)
    for kind in kinds(base_url, locale):
        _shows(page, kind)
        expect(page.locator("[data-region]:empty")).to_have_count(0)  # nothing left waiting for the live state
    assert blocked, "the page never tried its live connection"
    context.close()


def test_links_between_information_pages_work_without_the_live_connection(browser: Browser, base_url):
    _ = gettext_for("ko")
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    block_live_connection(page)
    page.goto("/ko/")
    page.get_by_role("navigation", name=_("Main menu")).get_by_role("link", name=_("Service halls")).click()
    expect(page.locator(".hall-card")).to_have_count(len(api_get(base_url, "/halls?locale=ko")))
    page.locator(".hall-card a").first.click()
    expect(page.locator("main dl")).to_be_visible()
    page.get_by_role("navigation", name=_("Breadcrumb")).get_by_role("link", name=_("Service halls")).click()
    expect(page).to_have_url(re.compile(r"/ko/halls/$"))
    context.close()


def test_the_guide_is_usable_without_javascript(browser: Browser, base_url):
    """Its checklist ticks and its questions open, with no script at all."""
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/en/services/{GUIDE}/")
    box = page.locator(".checklist input[type=checkbox]").first
    box.check()
    expect(box).to_be_checked()
    question = page.locator("details.faq").first
    question.locator("summary").click()
    expect(question.locator("p")).to_be_visible()
    context.close()


def _change_summary(portal_db, service_id: str, locale: str, summary: str) -> str:
    with Session(portal_db) as session:
        service = session.get(models.Service, service_id)
        before = service.data["summary"][locale]
        service.data = {**service.data, "summary": {**service.data["summary"], locale: summary}}
        session.add(service)
        session.commit()
    return before


def test_a_content_change_reaches_the_page_without_a_rebuild(page: Page, base_url, portal_db):
    path = f"/en/services/{GUIDE}/"
    page.goto(path)
    expect(page.locator("main")).not_to_contain_text("Revised while the portal was running.")
    before = _change_summary(portal_db, GUIDE, "en", "Revised while the portal was running.")
    try:
        time.sleep(CACHE_SECONDS + 0.5)  # past the portal's cache lifetime
        assert "Revised while the portal was running." in httpx.get(base_url + path).text
        page.goto(path)
        expect(page.locator("main .lead")).to_have_text("Revised while the portal was running.")
        assert "Revised while the portal was running." in html.unescape(_one(r'<meta name="description" content="([^"]*)"', httpx.get(base_url + path).text)[0])
    finally:
        _change_summary(portal_db, GUIDE, "en", before)
        time.sleep(CACHE_SECONDS + 0.5)  # no later test is served the revised copy


# When Back brings the guide again, before the app runs, make it look like an
# older copy from the browser's cache.
OLD_COPY = """document.addEventListener("DOMContentLoaded", () => {
    if (performance.getEntriesByType("navigation")[0].type !== "back_forward") return;
    const region = document.querySelector("[data-region=main]");
    region.setAttribute("data-version", "an-older-copy");
    region.querySelector("h1").textContent = "An older copy";
    window.olderCopyShown = true;
});"""


def test_the_live_state_replaces_a_copy_that_is_out_of_date(browser: Browser, base_url):
    """A page that Back brings again may be the browser's old copy: for a
    reader who is not signed in too, the app then starts and renders it again."""
    guide = api_get(base_url, f"/services/{GUIDE}?locale=en")
    context = browser.new_context(base_url=base_url)
    context.add_init_script(OLD_COPY)
    page = context.new_page()
    page.goto(f"/en/services/{GUIDE}/")
    expect(page.locator("h1")).to_have_text(guide["name"])
    page.goto("/en/news/")
    page.go_back(wait_until="domcontentloaded")
    assert page.evaluate("() => window.olderCopyShown === true")
    expect(page.locator("h1")).to_have_text(guide["name"], timeout=30_000)
    expect(page.locator("main .checklist")).to_be_visible()
    context.close()


def test_the_live_state_leaves_a_current_page_alone(browser: Browser, base_url):
    """The served guide stays the same nodes once the live state has the
    same content: a tick made before it arrived stays, an open question stays
    open. (Signed in: there the app runs from the first load.)"""
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    context.add_init_script(
        """document.addEventListener("DOMContentLoaded", () => {
            window.servedHeading = document.querySelector("main h1");
            document.querySelector(".checklist input").checked = true;
            document.querySelector("details.faq").open = true;
        });"""
    )
    page = context.new_page()
    updates: list[str] = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda frame: updates.append(str(frame))))
    page.goto(f"/en/services/{GUIDE}/", wait_until="domcontentloaded")
    deadline = time.monotonic() + 30
    while not any("served_state" in update and GUIDE in update for update in updates) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert any("served_state" in update for update in updates), "the live state never arrived"
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.servedHeading === document.querySelector('main h1')")
    expect(page.locator(".checklist input").first).to_be_checked()
    expect(page.locator("details.faq").first).to_have_attribute("open", "")
    context.close()


def test_robots_and_sitemaps(base_url):
    robots = httpx.get(f"{base_url}/robots.txt")
    assert robots.status_code == 200 and robots.headers["content-type"].startswith("text/plain")
    assert f"Sitemap: {base_url}/sitemap.xml" in robots.text
    for private in ("/*/me/", "/*/apply/", "/*/track/", "/api/", "/kiosk/"):
        assert f"Disallow: {private}" in robots.text
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    index = ElementTree.fromstring(httpx.get(f"{base_url}/sitemap.xml").content)
    sitemaps = [loc.text for loc in index.findall("s:sitemap/s:loc", namespace)]
    assert sitemaps == [f"{base_url}/sitemap-{locale}.xml" for locale in LOCALES]
    services = api_get(base_url, "/services?size=50")
    articles = api_get(base_url, "/articles?size=50")
    for locale in LOCALES:
        urlset = ElementTree.fromstring(httpx.get(f"{base_url}/sitemap-{locale}.xml").content)
        urls = {url.find("s:loc", namespace).text: url for url in urlset.findall("s:url", namespace)}
        expected = [f"{base_url}/{locale}/", f"{base_url}/{locale}/expat/{EXPAT_GUIDE}/", f"{base_url}/{locale}/halls/{HALL}/"]
        expected += [f"{base_url}/{locale}/services/{s['id']}/" for s in services["items"]]
        expected += [f"{base_url}/{locale}/news/{a['id']}/" for a in articles["items"]]
        assert not [url for url in expected if url not in urls], locale
        assert not [url for url in urls if re.search(r"/(me|apply|login|track|rate|book|kiosk)/", url)]
        article = urls[f"{base_url}/{locale}/news/{articles['items'][0]['id']}/"]
        assert article.find("s:lastmod", namespace).text == articles["items"][0]["published"]
        links = {link.get("hreflang"): link.get("href") for link in urls[f"{base_url}/{locale}/services/{GUIDE}/"].findall("x:link", namespace)}
        assert links == {**{HTML_LANG[code]: f"{base_url}/{code}/services/{GUIDE}/" for code in LOCALES}, "x-default": f"{base_url}/"}
