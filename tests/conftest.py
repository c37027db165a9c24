"""Shared fixtures: settings, a loaded pipeline, a fresh store, and a real HTTP server on localhost."""
from __future__ import annotations

import http.server
import os
import threading
from importlib import resources
from pathlib import Path

import pytest

from dateline.settings import load_settings

CORPUS = Path(str(resources.files("dateline.data").joinpath("corpus")))
SAMPLE = CORPUS / "kim-komsomolsk-scraped.txt"


@pytest.fixture
def settings():
    return load_settings(env={}, today="2026-11-28", allow_private_addresses=True)


@pytest.fixture(scope="session")
def pipeline():
    from dateline.pipeline import Pipeline

    return Pipeline(load_settings(env={}, today="2026-11-28"))


@pytest.fixture(scope="session")
def pipeline_all():
    """The pipeline with no confidence threshold: every event the rules code, for tests of how they code it."""
    from dateline.pipeline import Pipeline

    return Pipeline(load_settings(env={}, today="2026-11-28", stage_options={"events": {"min_confidence": 0.0}}))


@pytest.fixture
def fresh_db(tmp_path):
    return tmp_path / "test.db"


ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Ministers meet in Geneva | World Wire</title>
<meta property="og:title" content="Ministers meet in Geneva">
<meta property="article:published_time" content="2023-09-13T08:00:00Z">
<meta name="author" content="Ana Reyes"><meta property="og:site_name" content="World Wire"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministers meet in Geneva</h1>
<p>The foreign ministers of France and Germany met in Geneva on Tuesday to discuss sanctions against Iran, officials said.</p>
<p>The talks lasted three hours and both ministers agreed to meet again next month in Berlin.</p>
<p>Protesters gathered outside the venue, demanding an end to the war, police said.</p></article>
<footer>Subscribe to our newsletter. Copyright 2023 World Wire.</footer></body></html>"""

PAGES = {
    "/article.html": (200, "text/html; charset=utf-8", ARTICLE_HTML.encode()),
    "/plain.txt": (200, "text/plain", SAMPLE.read_bytes() if SAMPLE.exists() else b""),
    "/missing": (404, "text/html", b"<html><body>Not found</body></html>"),
    "/broken": (500, "text/html", b"<html><body>Server error</body></html>"),
    "/nav-only.html": (200, "text/html", b"<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>"),
    "/huge.html": (200, "text/html", b"<html><body><p>" + b"word " * 5_000_000 + b"</p></body></html>"),
}


LONG_ENTRY = " ".join(["Rebels attacked an army post near Goma on Monday, local officials said."] * 14)


def feed(base: str) -> bytes:
    """An RSS feed with one full-text entry and one entry that links to /article.html."""
    return f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>World Wire</title><link>{base}/</link><description>News</description>
<item><title>Rebels attack army post</title><link>{base}/rebels</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{LONG_ENTRY}</p>]]></content:encoded></item>
<item><title>Ministers meet in Geneva</title><link>{base}/article.html</link><pubDate>Wed, 13 Sep 2023 08:00:00 GMT</pubDate>
<description>Short teaser.</description></item>
<item><title>Gone</title><link>{base}/missing</link><description>Teaser.</description></item>
</channel></rss>""".encode()


def answer(handler: http.server.BaseHTTPRequestHandler, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
    """Send one whole response; a client that has gone away is no error."""
    handler.send_response(status)
    for key, value in headers:
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    try:
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/feed.xml":
            body = feed(f"http://127.0.0.1:{self.server.server_address[1]}")
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        status, ctype, body = PAGES.get(self.path, (404, "text/plain", b"no such page"))
        answer(self, status, [("Content-Type", ctype)], body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def http_server():
    """A real HTTP server on 127.0.0.1 serving PAGES; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session (tests/pgserver.py); skipped where none can start, except in CI."""
    from .pgserver import PostgresServer, Unavailable

    try:
        server = PostgresServer()
    except Unavailable as why:
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"PostgreSQL store tests: {why}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A location for a new store on each backend: a SQLite file, then a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    server = request.getfixturevalue("pg_server")
    url = server.new_store_url()
    yield url
    server.drop_store(url)
