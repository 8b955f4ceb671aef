"""WCAG 2.2 AA held on every page template, in every locale and mode (axe-core),
the elder-mode figures measured in the browser, and reflow at 320 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from a11y.audit import axe_violations, describe
from locales import LOCALES
from tests.browser.conftest import MODES, log_in_context, open_template, set_prefs


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_no_violation(browser: Browser, base_url, templates, locale, mode):
    context = browser.new_context(base_url=base_url)
    set_prefs(context, MODES[mode])
    log_in_context(context, base_url)
    page = context.new_page()
    found = {}
    for template in templates:
        open_template(page, template, locale)
        violations = axe_violations(page)
        if violations:
            found[template.name] = describe(violations)
    context.close()
    assert not found, "\n".join(f"{name}:\n{report}" for name, report in found.items())


MEASURE = """() => {
    const visible = (el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && !el.closest("[hidden], .visually-hidden, [aria-hidden=true]");
    };
    const px = (value) => parseFloat(value);
    const text = [...document.querySelectorAll("main p, main li, main dd, main dt, main label, main legend, main td, main th")]
        .filter((el) => visible(el) && el.textContent.trim());
    const small = text.filter((el) => px(getComputedStyle(el).fontSize) < 19.5).map((el) => `${el.tagName} ${getComputedStyle(el).fontSize} "${el.textContent.trim().slice(0, 30)}"`);
    const tight = text.filter((el) => {
        const style = getComputedStyle(el);
        return style.lineHeight !== "normal" && px(style.lineHeight) < 1.5 * px(style.fontSize) - 0.5;
    }).map((el) => `${el.tagName} ${getComputedStyle(el).lineHeight}/${getComputedStyle(el).fontSize}`);
    const headings = [...document.querySelectorAll("h1")].filter(visible).map((h) => px(getComputedStyle(h).fontSize));
    const targets = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")]
        .filter((el) => visible(el) && !el.closest(".skip-link"))
        .map((el) => {
            const box = (el.matches(".slot input") ? el.parentElement : el).getBoundingClientRect();
            return {w: box.width, h: box.height, what: `${el.tagName} ${(el.textContent || el.name || el.id).trim().slice(0, 30)}`};
        })
        .filter((t) => t.w < 59.5 || t.h < 59.5)
        .map((t) => `${t.what} ${Math.round(t.w)}x${Math.round(t.h)}`);
    const gaps = [];
    for (const p of document.querySelectorAll("main p + p")) {
        const before = p.previousElementSibling;
        if (!visible(p) || !visible(before)) continue;
        const gap = p.getBoundingClientRect().top - before.getBoundingClientRect().bottom;
        const line = px(getComputedStyle(before).lineHeight);
        if (gap < 1.3 * line - 0.5) gaps.push(`${Math.round(gap)} < 1.3 x ${line}`);
    }
    return {small, tight, largest_heading: Math.max(0, ...headings), targets, gaps};
}"""


@pytest.mark.parametrize("locale", ["zh", "en", "ko"])
def test_elder_mode_figures_on_every_template(browser: Browser, base_url, templates, locale):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    set_prefs(context, {"elder": True})
    log_in_context(context, base_url)
    page = context.new_page()
    problems = {}
    for template in templates:
        open_template(page, template, locale)
        figures = page.evaluate(MEASURE)
        wrong = {k: v for k, v in figures.items() if (k == "largest_heading" and v < 30) or (k != "largest_heading" and v)}
        if wrong:
            problems[template.name] = wrong
    context.close()
    assert not problems, problems


def test_elder_link_for_relatives(page, base_url):
    page.goto("/en/?elder=1")
    assert page.evaluate("document.documentElement.dataset.elder") == "true"
    page.goto("/en/services/")
    assert page.evaluate("document.documentElement.dataset.elder") == "true"  # remembered


def test_elder_home_is_one_column_of_large_tasks(browser: Browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    set_prefs(context, {"elder": True})
    page = context.new_page()
    page.goto("/zh/")
    tiles = page.locator(".elder-only .tile")
    assert 6 <= tiles.count() <= 8
    lefts = {round(box["x"]) for box in (tiles.nth(i).bounding_box() for i in range(tiles.count()))}
    assert len(lefts) == 1, "one column"
    call = page.locator("header a[href^='tel:']")  # the one-tap hotline heads every page in elder mode
    assert call.get_attribute("href") == "tel:12345"
    assert not page.locator(".standard-only").first.is_visible()
    assert page.evaluate("[...document.querySelectorAll('*')].filter(e => getComputedStyle(e).animationName !== 'none').length") == 0
    context.close()


@pytest.mark.parametrize(("mode", "scale"), [("default", 1), ("default", 2), ("elder", 1), ("elder", 2)])
def test_reflow_at_320_pixels(browser: Browser, base_url, templates, mode, scale):
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    set_prefs(context, {**MODES[mode], "textScale": scale})
    log_in_context(context, base_url)
    page = context.new_page()
    wide = {}
    for template in [t for t in templates if not t.name.startswith("kiosk")]:
        open_template(page, template, "fr")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 321:
            wide[template.name] = width
    context.close()
    assert not wide, wide


def test_text_spacing_overrides_lose_nothing(browser, base_url):
    """WCAG 1.4.12: with the user's spacing the text is still all there."""
    # The user's own stylesheet (an extension or bookmarklet) is not bound by the page's policy.
    context = browser.new_context(base_url=base_url, bypass_csp=True)
    page = context.new_page()
    page.goto("/fr/services/ps-id-card/")
    page.wait_for_selector("main .checklist")
    page.add_style_tag(content="* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }")
    clipped = page.evaluate(
        "[...document.querySelectorAll('main *')].filter(e => getComputedStyle(e).overflow === 'hidden' && e.scrollHeight > e.clientHeight + 1 && !e.closest('.visually-hidden')).length"
    )
    width, viewport = page.evaluate("document.documentElement.scrollWidth"), page.viewport_size["width"]
    context.close()
    assert clipped == 0
    assert width <= viewport + 1


# A line that starts with ? : ; ! » (or the last three digits of a number) is what
# ordinary spaces give French text in a narrow column; the no-break spaces in the
# catalogues and the content keep them with the word before.
LINE_STARTS = """() => {
  const marks = '?:;!»';
  const range = document.createRange();
  const top = (node, i) => { range.setStart(node, i); range.setEnd(node, i + 1); const r = range.getClientRects(); return r.length ? r[0].top : null; };
  const lastTop = (el) => { const r = el && el.nodeType === 1 ? el.getClientRects() : []; return r.length ? r[r.length - 1].top : null; };
  const found = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    if (node.parentElement.closest('.visually-hidden, [hidden]')) continue;
    for (let i = 0; i < text.length; i++) {
      const digits = /\\d/.test(text[i]) && /\\d[\\s\\u202f]$/.test(text.slice(0, i));
      if (!marks.includes(text[i]) && !digits) continue;
      let j = i - 1;
      while (j >= 0 && /\\s/.test(text[j])) j--;
      // Only a space that allows a break counts: a word too long for the line may still be cut
      // anywhere (overflow-wrap), and that is the layout's business, not the typography's.
      if (!/[ \\t\\n]/.test(text.slice(j + 1, i))) continue;
      const before = j >= 0 ? top(node, j) : lastTop(node.previousSibling);
      const here = top(node, i);
      if (before !== null && here !== null && here > before + 1) found.push(text.slice(Math.max(0, i - 25), i + 5));
    }
  }
  return found;
}"""


def test_french_punctuation_stays_with_its_word(browser: Browser, base_url, templates):
    """At 320 px and 200 % text, no French line starts with ? : ; ! » or splits a number."""
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    set_prefs(context, {"textScale": 2})
    log_in_context(context, base_url)
    page = context.new_page()
    found = {}
    for template in [t for t in templates if not t.name.startswith("kiosk")]:
        open_template(page, template, "fr")
        starts = page.evaluate(LINE_STARTS)
        if starts:
            found[template.name] = starts
    context.close()
    assert not found, found
