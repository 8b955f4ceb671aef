"""Measure what a first visit to a page costs: bytes on the wire (compressed,
as Chromium received them) and the number of requests, through the DevTools
protocol."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Transfer:
    url: str
    requests: int
    bytes: int

    @property
    def kilobytes(self) -> float:
        return round(self.bytes / 1024, 1)


def first_visit(browser, url: str, wait_for: str | None = None) -> Transfer:
    """A cold visit in a fresh context (empty cache), until the network is idle."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes: dict[str, int] = {}
    cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
    page.goto(url, wait_until="networkidle")
    if wait_for:
        page.wait_for_selector(wait_for)
    page.wait_for_timeout(500)
    context.close()
    return Transfer(url=url, requests=len(sizes), bytes=sum(sizes.values()))


# Chrome DevTools' "Slow 4G" and a mid-range phone's CPU.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8, "uploadThroughput": 750 * 1024 / 8}
CPU_SLOWDOWN = 4


def time_to_selector(browser, url: str, selector: str) -> dict:
    """A cold visit on a slow connection and CPU: milliseconds from the start
    of navigation until ``selector`` is on screen, and until the load event."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.add_init_script(
        f"""new MutationObserver((_, observer) => {{
            if (document.querySelector({selector!r})) {{ window.__seen = performance.now(); observer.disconnect(); }}
        }}).observe(document, {{childList: true, subtree: true}});"""
    )
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_selector(selector)
    figures = page.evaluate("() => ({selector_ms: Math.round(window.__seen ?? performance.now()), load_ms: Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd)})")
    context.close()
    return figures
