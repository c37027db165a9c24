"""The dashboard in a real browser: Debian's headless Chromium driven by Playwright, against a real
uvicorn server over a store built from the bundled corpus. Screenshots of each page land in
build/browser/ (at 1280 px and 390 px wide)."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from dateline.settings import load_settings
from dateline.web import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = Path(__file__).resolve().parent.parent / "build" / "browser"
WIDTHS = {"desktop": 1280, "phone": 390}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(web_store):
    import uvicorn

    settings = load_settings(env={}, db=str(web_store.engine.url.database))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(settings, store=web_store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "headless Chromium is missing: `apt-get install -y chromium` (make test does it)"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(params=list(WIDTHS))
def page(request, browser):
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda err: tab.problems.append(f"page error: {err}"))
    tab.on("console", lambda msg: tab.problems.append(f"console {msg.type}: {msg.text}") if msg.type in ("error", "warning") else None)
    tab.on("dialog", lambda dialog: (tab.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.width_name = request.param
    yield tab
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(OUTPUT / f"{name}-{page.width_name}.png"), full_page=True)


def fits_width(page) -> bool:
    """No page-level horizontal scrolling (wide tables scroll inside their own box)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_filter_by_country_open_an_event_and_see_its_evidence(server, page):
    page.goto(server + "/")
    page.wait_for_selector("#charts[data-ready=true]", timeout=15_000)
    assert page.locator("#map svg circle.dot").count() > 0
    assert page.locator("#timeline svg rect.bar").count() > 0
    assert page.locator("#network svg path.edge").count() > 0
    assert fits_width(page)
    shot(page, "overview")

    page.fill("input[name=country]", "RUS")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("#charts[data-ready=true]", timeout=15_000)
    assert "country=RUS" in page.url
    total = page.locator(".counts strong").first.inner_text()

    page.click("text=List these events")
    page.wait_for_url("**/events?*country=RUS*")
    rows = page.locator("table.events tbody tr")
    assert rows.count() > 0 and "RUS" in rows.first.inner_text() or "Russia" in rows.first.inner_text()
    assert rows.count() == min(int(total.replace(",", "")), 50)
    shot(page, "events")

    page.locator("a.event-link").first.focus()
    page.keyboard.press("Enter")  # keyboard navigation reaches the event page
    page.wait_for_url("**/events/*")
    evidence = page.locator("#evidence")
    assert evidence.locator("mark.hl-trigger").count() == 1
    assert evidence.locator("mark.hl-actor").count() >= 1
    trigger = evidence.locator("mark.hl-trigger").inner_text()
    assert trigger and trigger in evidence.inner_text()
    assert fits_width(page)
    shot(page, "event")

    page.click(".facts a[href^='/articles/']")
    page.wait_for_url("**/articles/*")
    assert page.locator("#article-text a.hl-trigger").count() >= 1
    shot(page, "article")
    assert page.problems == []


def test_payload_pages_render_inert(server, page):
    page.goto(server + "/")
    assert page.evaluate("window.__xss") is None
    for path, name in (("/events/xss-event", "xss-event"), ("/articles/xss-article", "xss-article"), ("/events?q=rebel", "xss-events"),
                       ("/search?q=rebel", "xss-search")):
        page.goto(server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None, path
        assert page.locator("main img, main svg[onload], main script").count() == 0, path
        assert "<script>window.__xss=1</script>" in page.locator("main").inner_text(), path
        assert page.locator("a[href^='javascript:']").count() == 0, path
        shot(page, name)
    assert page.problems == []


def test_search_and_docs_pages(server, page):
    page.goto(server + "/search")
    page.fill("#q", "Komsomolsk-on-Amur")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("ol.results li").count() >= 1
    assert page.locator("ol.results mark.hl-match").count() >= 1
    shot(page, "search")
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1
    shot(page, "docs")
    assert [p for p in page.problems if "Content Security Policy" in p] == []
