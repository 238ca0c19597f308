"""The explorer page in a real headless Chromium, over a loopback uvicorn server."""

from __future__ import annotations

import importlib.util
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.server import serve

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
SHOTS = Path("/tmp")

pytestmark = [
    pytest.mark.network,
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="the Python package playwright is not installed",
    ),
    pytest.mark.skipif(
        CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("uvicorn") is None, reason="uvicorn (the [web] extra) is not installed"
    ),
]

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def base_url(sample_db: Path) -> Iterator[str]:
    """The app on a free loopback port, served by uvicorn in a thread, for this module."""
    with serve(sample_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chrome = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chrome
        chrome.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that records dialogs, console errors and requests leaving the loopback server."""
    context = browser.new_context(viewport={"width": 1440, "height": 1100})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.outside = []  # type: ignore[attr-defined]

    def on_dialog(dialog: Any) -> None:
        pg.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))  # type: ignore[attr-defined]
    pg.on("request", lambda req: req.url.startswith(base_url) or pg.outside.append(req.url))  # type: ignore[attr-defined]
    yield pg
    context.close()


def _wait_nodes(page: Any, ok: Any, timeout: float = 10.0) -> int:
    """Poll the number of drawn nodes until ``ok(count)`` (the page's CSP forbids wait_for_function's eval)."""
    deadline = time.monotonic() + timeout
    while True:
        count = int(page.locator("#graph .node").count())
        if ok(count) or time.monotonic() > deadline:
            assert ok(count), f"{count} nodes drawn"
            return count
        page.wait_for_timeout(100)


def _search_and_pick(page: Any, base_url: str, text: str) -> None:
    page.goto(base_url + "/")
    page.fill("#q", text)
    page.wait_for_selector("#suggest li.sg-actor")
    page.keyboard.press("Enter")
    page.wait_for_selector("#graph .node")


def test_search_draws_the_network_and_an_edge_shows_its_evidence(page: Any, base_url: str) -> None:
    _search_and_pick(page, base_url, "Assad")
    _wait_nodes(page, lambda n: n >= 4)
    labels = page.locator("#graph .node-label").all_text_contents()
    assert {"Russia", "Vladimir Putin", "Bashar al-Assad", "Iran"} <= set(labels)
    assert "Bashar al-Assad" in page.locator("#profile .actor-name").inner_text()
    assert page.locator("#event-list .event-item").count() == 3
    page.wait_for_timeout(1200)  # let the layout settle for the screenshot
    page.screenshot(path=str(SHOTS / "patronage_web_network.png"), full_page=True)

    page.locator("#edge-list button", has_text="harbours").first.click()
    sentence = page.locator("#evidence-sentence")
    sentence.wait_for()
    assert sentence.inner_text() == "Russia granted Assad asylum after the fall of Damascus."
    marks = sentence.locator("mark").all_text_contents()
    assert marks == ["Russia", "Assad"]
    assert page.locator("#evidence-title").inner_text() == "Moscow shelters a fallen ruler"
    assert page.locator("#evidence a[href='https://example.org/asylum']").count() == 1
    page.screenshot(path=str(SHOTS / "patronage_web_evidence.png"), full_page=True)
    assert page.dialogs == [] and page.errors == [] and page.outside == []


def test_clicking_a_drawn_edge_shows_evidence(page: Any, base_url: str) -> None:
    _search_and_pick(page, base_url, "Snowden")
    page.wait_for_timeout(900)
    page.locator("#graph path.edge-hit").first.click(force=True)
    page.locator("#evidence-sentence").wait_for()
    assert (
        page.locator("#evidence-sentence").inner_text() == "Russia gave Snowden temporary asylum on Thursday."
    )


def test_hostile_article_renders_as_text(page: Any, base_url: str) -> None:
    _search_and_pick(page, base_url, "Iran")
    page.locator("#edge-list button", has_text="AID").first.click()
    sentence = page.locator("#evidence-sentence")
    sentence.wait_for()
    assert "<script>alert(1)</script>" in sentence.inner_text()
    assert "<img src=x onerror=alert(2)>" in sentence.inner_text()
    assert "<script>alert(1)</script>" in page.locator("#evidence-title").inner_text()
    assert page.locator("#evidence-sentence mark.hl-trigger").inner_text() == "sent"
    # no element was made from the data, and the javascript: url did not become a link
    assert page.locator("#evidence script, #evidence img, #evidence a").count() == 0
    page.fill("#q", "onerror")
    page.wait_for_selector("#suggest li.sg-sentence")
    assert "<img src=x onerror=alert(2)>" in page.locator("#suggest .sg-snippet").first.inner_text()
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / "patronage_web_hostile.png"), full_page=True)
    assert page.dialogs == []
    assert page.errors == []


def test_time_slider_filters_the_graph(page: Any, base_url: str) -> None:
    _search_and_pick(page, base_url, "Russia")
    _wait_nodes(page, lambda n: n >= 3)
    # the first month of the data: only the 2013 asylum of Snowden is known then
    page.eval_on_selector("#asof", "el => { el.value = '0'; el.dispatchEvent(new Event('input')); }")
    _wait_nodes(page, lambda n: n == 2)
    assert set(page.locator("#graph .node-label").all_text_contents()) == {"Russia", "Edward Snowden"}
    assert page.locator("#asof-label").inner_text() == "as of Aug 2013"
    page.click("#asof-reset")
    _wait_nodes(page, lambda n: n >= 3)
    assert page.dialogs == []
