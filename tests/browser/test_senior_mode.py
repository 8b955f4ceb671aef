"""Senior mode and text size as people meet them: saved preferences hold on
every page and after client-side navigation, the senior phone home opens on
its tasks behind a compact header, and no label breaks inside a word."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from a11y.audit import axe_violations, describe
from locales import LOCALES, gettext_for
from tests.browser.conftest import HYDRATED, SETTLED, log_in_context, open_template, set_prefs

# What the toolbar saves, and the <html> attributes each choice must leave.
PREFERENCE_SETS = {
    "text size alone": ({"textScale": 2}, {"data-text-scale": "2"}),
    "every preference": (
        {"elder": True, "textScale": 1.5, "contrast": "yellow-black", "cursor": True, "guide": True, "textOnly": True},
        {
            "data-elder": "true",
            "data-text-scale": "1.5",
            "data-contrast": "yellow-black",
            "data-cursor": "large",
            "data-guide": "true",
            "data-text-only": "true",
        },
    ),
}

ROOT_STATE = """() => ({
    ...Object.fromEntries([...document.documentElement.attributes].map((a) => [a.name, a.value])),
    "--text-scale": document.documentElement.style.getPropertyValue("--text-scale").trim(),
})"""


def _missing(page: Page, expected: dict[str, str]) -> dict[str, tuple[str | None, str]]:
    page.wait_for_function(SETTLED)
    state = page.evaluate(ROOT_STATE)
    wanted = {**expected, "--text-scale": expected.get("data-text-scale", "1")}
    return {name: (state.get(name), value) for name, value in wanted.items() if state.get(name) != value}


@pytest.mark.parametrize("preferences", PREFERENCE_SETS)
def test_saved_preferences_survive_every_template_and_navigation(browser: Browser, base_url, templates, preferences):
    """Each template in turn (locales in rotation) keeps every saved choice once
    React has taken the page over, hydrates without a mismatch, and keeps them
    after a client-side navigation to another page."""
    saved, expected = PREFERENCE_SETS[preferences]
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    set_prefs(context, saved)
    log_in_context(context, base_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)[:120]))
    lost = {}
    for index, template in enumerate(templates):
        locale = LOCALES[index % len(LOCALES)]
        open_template(page, template, locale)
        if missing := _missing(page, expected):
            lost[f"{template.name} ({locale}) after load"] = missing
        link = page.locator("nav.primary-nav a[href$='/services/']")
        if link.count():
            link.click()
            page.wait_for_url("**/services/")
            if missing := _missing(page, expected):
                lost[f"{template.name} ({locale}) after navigating to services"] = missing
    context.close()
    assert not lost, lost
    assert not errors, f"hydration or script errors: {errors}"


def test_preferences_come_back_when_the_document_is_rendered_afresh(page: Page):
    """React renders <html> too; when it renders the document afresh (say after a
    browser extension rewrote the page) it strips every attribute it did not
    write. The saved choices return at once."""
    set_prefs(page.context, {"elder": True, "textScale": 2, "contrast": "black-white"})
    page.goto("/fr/benefits/")
    page.wait_for_function(HYDRATED)
    page.evaluate("() => { for (const a of [...document.documentElement.attributes]) if (a.name !== 'lang') document.documentElement.removeAttribute(a.name); }")
    assert _missing(page, {"data-elder": "true", "data-text-scale": "2", "data-contrast": "black-white"}) == {}


# ---- the senior phone home: a compact header, then the tasks

PHONE = {"width": 390, "height": 844}

FIRST_SCREEN = """() => {
    const visible = (el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden" && !el.closest(".visually-hidden");
    };
    const controls = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea")]
        .filter((el) => visible(el) && !el.closest(".skip-link"));
    const describe = (el) => ({
        what: el.matches(".masthead__name") ? "portal name" : el.matches("[data-menu-toggle]") ? "menu"
            : el.matches("a[href^='tel:']") ? "hotline" : el.matches("input[type=search]") ? "search box"
            : el.matches("form[role=search] button") ? "search button" : el.closest("main .tile") ? "task"
            : `${el.tagName} ${(el.textContent || el.name || "").trim().slice(0, 20)}`,
        top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom,
        width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height,
    });
    return controls.map(describe).filter((c) => c.top < innerHeight);
}"""
HEADER_ALLOWED = {"portal name", "search box", "search button", "menu", "hotline"}


def _senior_phone(browser: Browser, base_url: str, **prefs):
    context = browser.new_context(base_url=base_url, viewport=PHONE, is_mobile=True, has_touch=True)
    set_prefs(context, {"elder": True, **prefs})
    return context


def _open(page: Page, path: str) -> None:
    page.goto(path)
    page.wait_for_function(SETTLED)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("locale", LOCALES)
def test_senior_phone_home_opens_on_its_tasks(browser: Browser, base_url, locale):
    """At 390 x 844 the first screen is a compact header (portal name, one
    search, the menu button, the hotline) and then at least four large tasks."""
    context = _senior_phone(browser, base_url)
    page = context.new_page()
    _open(page, f"/{locale}/")
    controls = page.evaluate(FIRST_SCREEN)
    context.close()
    tasks = [c for c in controls if c["what"] == "task"]
    before = [c["what"] for c in controls if c["what"] != "task" and (not tasks or c["top"] < tasks[0]["top"])]
    assert set(before) <= HEADER_ALLOWED, f"before the tasks: {before}"
    assert before.count("search box") == 1 and "menu" in before and "hotline" in before, before
    whole = [t for t in tasks if t["bottom"] <= PHONE["height"]]
    assert len(whole) >= 4, f"{len(whole)} whole tasks on the first screen: {tasks}"
    assert all(t["width"] >= 60 and t["height"] >= 60 for t in whole)


def _axe(page: Page) -> str:
    violations = axe_violations(page)
    return describe(violations) if violations else ""


@pytest.mark.parametrize("locale", LOCALES)
def test_senior_phone_menu_is_a_disclosure(browser: Browser, base_url, locale):
    """The menu button discloses the navigation, the languages and the
    settings; by keyboard; Escape closes it and focus returns; axe-clean open and closed."""
    _ = gettext_for(locale)
    context = _senior_phone(browser, base_url)
    page = context.new_page()
    _open(page, f"/{locale}/")
    menu = page.get_by_role("button", name=_("Menu"))
    panel = page.locator(f"#{menu.get_attribute('aria-controls')}")
    navigation = page.get_by_role("navigation", name=_("Main menu"))
    languages = page.get_by_test_id("language-switcher")
    expect(menu).to_have_attribute("aria-expanded", "false")
    for hidden in (navigation, languages, page.get_by_test_id("elder-toggle")):
        expect(hidden).to_be_hidden()
    problems = {"closed": _axe(page)}

    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    for shown in (navigation, languages, page.get_by_test_id("elder-toggle"), page.get_by_test_id("a11y-toolbar-toggle")):
        expect(shown).to_be_visible()
        assert panel.evaluate("(panel, el) => panel.contains(el)", shown.element_handle())
    page.keyboard.press("Tab")  # what the menu shows comes next
    assert page.evaluate("(id) => !!document.activeElement.closest('#' + id)", menu.get_attribute("aria-controls"))
    problems["open"] = _axe(page)

    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(navigation).to_be_hidden()
    page.keyboard.press("Space")
    expect(menu).to_have_attribute("aria-expanded", "true")
    context.close()
    assert not any(problems.values()), problems


def test_senior_phone_menu_works_on_every_page(browser: Browser, base_url, templates):
    _ = gettext_for("fr")
    context = _senior_phone(browser, base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    failing = {}
    for template in [t for t in templates if not t.name.startswith("kiosk")]:
        open_template(page, template, "fr")
        page.wait_for_function(SETTLED)
        menu = page.get_by_role("button", name=_("Menu"))
        navigation = page.get_by_role("navigation", name=_("Main menu"))
        if not menu.is_visible() or navigation.is_visible():
            failing[template.name] = "no menu button, or the navigation is not behind it"
            continue
        menu.click()
        if not navigation.is_visible():
            failing[template.name] = "the menu does not open"
    # A link in the menu leads on, and the next page starts with the menu closed.
    page.get_by_role("link", name=_("Service halls")).click()
    page.wait_for_url("**/fr/halls/")
    expect(page.get_by_role("button", name=_("Menu"))).to_have_attribute("aria-expanded", "false")
    context.close()
    assert not failing, failing


# ---- words break only between words

WORD_BREAKS = """() => {
    // The most a line can give a control: the screen less 16 px margins, less the control's own padding and border.
    const room = (el) => {
        const style = getComputedStyle(el.closest("button, a, legend") || el);
        const inset = ["paddingLeft", "paddingRight", "borderLeftWidth", "borderRightWidth"].reduce((sum, side) => sum + parseFloat(style[side]), 0);
        return document.documentElement.clientWidth - 32 - inset;
    };
    const labels = [...document.querySelectorAll("header, main :is(button, .button, .tile, .tabs)")];
    const broken = [];
    const probe = document.createElement("span");
    probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap;left:0;top:0";
    document.body.append(probe);
    for (const label of labels) {
        const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode;
            const parent = node.parentElement;
            if (!parent || !parent.checkVisibility() || parent.closest(".visually-hidden")) continue;
            const lang = (parent.closest("[lang]")?.getAttribute("lang") || "zh").split("-")[0];
            // Chinese and Japanese lines break between any two characters, as their type always has (Japanese
            // labels keep their phrases whole where the browser can find them): Latin words and numbers in them still may not.
            for (const part of new Intl.Segmenter(lang, {granularity: "word"}).segment(node.textContent)) {
                if (!part.isWordLike || /[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]/u.test(part.segment)) continue;
                const range = document.createRange();
                range.setStart(node, part.index);
                range.setEnd(node, part.index + part.segment.length);
                const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
                if (lines.size < 2) continue;
                const style = getComputedStyle(parent);
                probe.style.font = style.font;
                probe.style.letterSpacing = style.letterSpacing;
                probe.textContent = part.segment;
                const width = probe.getBoundingClientRect().width;
                if (width <= room(parent)) broken.push(`${part.segment} (${Math.round(width)} px) in "${node.textContent.trim().slice(0, 40)}"`);
            }
        }
    }
    probe.remove();
    return broken;
}"""


@pytest.mark.parametrize("locale", LOCALES)
def test_words_break_only_between_words_at_320_pixels(browser: Browser, base_url, locale):
    """Senior mode, 200 % text, 320 px: no word in the header, the menu, the
    toolbar or a button is cut in two if a line of the screen could hold it."""
    _ = gettext_for(locale)
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    set_prefs(context, {"elder": True, "textScale": 2})
    page = context.new_page()
    broken = {}
    for path in ("", "login/", "services/ps-id-card/"):
        _open(page, f"/{locale}/{path}")
        menu = page.get_by_role("button", name=_("Menu"))
        if menu.is_visible():  # the settings, languages and navigation are behind it
            menu.click()
        page.get_by_test_id("a11y-toolbar-toggle").click()
        expect(page.locator("#a11y-toolbar")).to_be_visible()
        if found := page.evaluate(WORD_BREAKS):
            broken[path or "home"] = found
        assert page.evaluate("document.documentElement.scrollWidth") <= 321, f"{path}: wider than the screen"
    context.close()
    assert not broken, broken
