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
