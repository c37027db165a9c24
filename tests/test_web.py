"""The HTTP API and the dashboard's pages, against a real store built by ingesting the bundled corpus."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.settings import load_settings
from dateline.store import Store
from dateline.web import create_app

from .web_fixtures import XSS_IMG, XSS_SCRIPT, XSS_URL

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(web_store):
    settings = load_settings(env={}, today="2026-11-28", db=str(web_store.engine.url.database), api_token=TOKEN,
                             stage_options={"events": {"min_confidence": 0.0}})
    return TestClient(create_app(settings, store=web_store), raise_server_exceptions=False)


@pytest.fixture
def fresh_client(fresh_db):
    """An app over an empty store of its own, writes enabled, with a small body limit."""
    settings = load_settings(env={}, today="2026-11-28", db=str(fresh_db), api_token=TOKEN, max_bytes=20_000,
                             stage_options={"events": {"min_confidence": 0.0}})
    return TestClient(create_app(settings, store=Store(fresh_db)), raise_server_exceptions=False)


def all_events(client, **params) -> list[dict]:
    """Every matching event, walking the cursor pages."""
    out, cursor = [], None
    while True:
        query = {**params, "limit": 7, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=query).json()
        out += body["events"]
        cursor = body["next_cursor"]
        if not cursor:
            return out


def overlaps(value: str, since: str, until: str) -> bool:
    """Whether an ISO date or prefix (2020, 2020-03, 2020-03-05) overlaps since..until."""
    return bool(value) and value + "-99"[: 10 - len(value)] >= since and value <= until


def assert_error(response, status: int) -> dict:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and "\n" not in body["error"]["message"]
    assert "Traceback" not in response.text
    return body["error"]


def test_the_store_holds_the_corpus(client):
    stats = client.get("/api/stats").json()
    assert stats["articles"] > 30 and stats["total"] > 50


@pytest.mark.parametrize("sort", ["-date", "date", "-confidence", "confidence"])
def test_cursor_pages_cover_every_event_once_in_order(client, sort):
    events = all_events(client, sort=sort)
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids)) == client.get("/api/stats").json()["total"]
    key = "date" if sort.endswith("date") else "confidence"
    values = [(e.get(key) or {}).get("value") if key == "date" else e[key] for e in events]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=sort.startswith("-"))


@pytest.mark.parametrize("params, check", [
    ({"type": "consult"}, lambda e: e["type"] == "CONSULT"),
    ({"factuality": "planned"}, lambda e: e["factuality"] == "planned"),
    ({"actor_country": "RUS"}, lambda e: any(a["country"] == "RUS" for a in e["actors"])),
    ({"actor_country": "ru"}, lambda e: any(a["country"] == "RUS" for a in e["actors"])),
    ({"recipient_country": "USA"}, lambda e: any(a["country"] == "USA" for a in e["recipients"])),
    ({"country": "PRK"}, lambda e: any(a["country"] == "PRK" for a in e["actors"] + e["recipients"]) or (e["location"] or {}).get("country") == "KP"),
    ({"sector": "MIL"}, lambda e: any(a["sector"] == "MIL" for a in e["actors"] + e["recipients"])),
    ({"since": "2020-01-01", "until": "2020-06"}, lambda e: overlaps(e["date"]["value"], "2020-01-01", "2020-06-30")),
    ({"bbox": "30,40,60,60"}, lambda e: 30 <= e["location"]["lon"] <= 60 and 40 <= e["location"]["lat"] <= 60),
    ({"min_confidence": "0.5"}, lambda e: e["confidence"] >= 0.5),
])
def test_each_filter_keeps_only_matching_events(client, params, check):
    events = all_events(client, **params)
    assert events, f"no event for {params}: the corpus should hold some"
    assert all(check(e) for e in events)
    assert len(events) == client.get("/api/stats", params=params).json()["total"]
    assert len(events) < client.get("/api/stats").json()["total"]


def test_text_search_keeps_events_of_matching_articles(client):
    events = all_events(client, q="Komsomolsk-on-Amur")
    assert events
    for article_id in {e["article"]["id"] for e in events}:
        assert "Komsomolsk-on-Amur" in client.get(f"/api/articles/{article_id}").json()["text"]


@pytest.mark.parametrize("params, words", [
    ({"type": "FOO"}, "not a PLOVER type"),
    ({"country": "XX"}, "not a known country"),
    ({"since": "2020/07/01"}, "ISO 8601"),
    ({"bbox": "1,2,3"}, "min_lon,min_lat,max_lon,max_lat"),
    ({"min_confidence": "2"}, "min_confidence"),
    ({"limit": "0"}, "limit"),
    ({"limit": "abc"}, "limit"),
    ({"cursor": "garbage"}, "cursor"),
    ({"cursor": "WyIyMDIwLTAxLTAxIiwiYSJd", "sort": "-confidence"}, "another order"),
    ({"format": "xml"}, "format"),
])
def test_bad_parameters_answer_one_line_422(client, params, words):
    error = assert_error(client.get("/api/events", params=params), 422)
    assert error["code"] == "invalid" and words in error["message"]


def test_csv_and_geojson_exports_parse_back(client):
    listed = client.get("/api/events", params={"limit": 40}).json()["events"]
    response = client.get("/api/events", params={"limit": 40, "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in rows] == [e["id"] for e in listed]
    geo = client.get("/api/events", params={"limit": 40, "format": "geojson"}).json()
    located = [e["id"] for e in listed if (e["location"] or {}).get("lat") is not None]
    assert geo["type"] == "FeatureCollection" and [f["properties"]["id"] for f in geo["features"]] == located


def test_event_detail_has_its_spans_article_and_siblings(client):
    events = all_events(client)
    ev = next(e for e in events if e["evidence"]["actors"] and e["evidence"].get("trigger"))
    detail = client.get(f"/api/events/{ev['id']}").json()
    article = client.get(f"/api/articles/{detail['article']['id']}").json()
    text = article["text"]
    for span in [detail["evidence"]["trigger"], *detail["evidence"]["actors"], *detail["evidence"]["recipients"]]:
        assert text[span["start"]:span["end"]] == span["text"]
    siblings = {e["id"] for e in article["events"]} - {ev["id"]}
    assert {o["id"] for o in detail["article_events"]} == siblings


def test_missing_things_answer_404_in_the_one_shape(client):
    assert_error(client.get("/api/events/nope"), 404)
    assert_error(client.get("/api/articles/nope"), 404)
    assert assert_error(client.get("/api/no-such-endpoint"), 404)["code"] == "not_found"
    assert_error(client.post("/api/events"), 405)


def test_an_html_page_error_is_a_page_and_a_json_client_gets_json(client):
    page = client.get("/events/nope", headers={"accept": "text/html"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html") and "no event" in page.text
    assert_error(client.get("/events/nope", headers={"accept": "application/json"}), 404)


def test_an_internal_error_shows_no_traceback(client, monkeypatch):
    from dateline import browse

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail /home/user/db")

    monkeypatch.setattr(browse, "event", broken)
    error = assert_error(client.get("/api/events/any"), 500)
    assert "secret" not in error["message"] and "reference" in error["message"]


def test_articles_search_actors_and_places(client):
    found = client.get("/api/articles", params={"q": "Komsomolsk-on-Amur"}).json()["articles"]
    assert found and all("Komsomolsk" in a["snippet"] for a in found)
    assert client.get("/api/articles", params={"q": "Russia's"}).status_code == 200
    actors = client.get("/api/actors", params={"limit": 500}).json()["actors"]
    assert actors == sorted(actors, key=lambda a: -a["events"])[:len(actors)] and any(a["name"] == "Kim Jong Un" for a in actors)
    assert all(a["country"] == "PRK" for a in client.get("/api/actors", params={"country": "KP"}).json()["actors"])
    places = client.get("/api/places").json()["places"]
    assert places and all(p["lat"] is not None or p["geonameid"] is None for p in places)


def test_stats_counts_agree_with_the_events(client):
    params = {"country": "RUS"}
    stats = client.get("/api/stats", params=params).json()
    events = all_events(client, **params)
    assert sum(t["n"] for t in stats["by_type"]) == stats["total"] == len(events)
    assert sum(q["n"] for q in stats["by_quad_class"]) == stats["total"]
    day_dated = [e for e in events if len((e["date"] or {}).get("value") or "") == 10]
    assert sum(d["n"] for d in stats["by_day"]) == len(day_dated)
    for pair in stats["by_country_pair"]:
        both = [e for e in events if any(a["country"] == pair["actor_country"] for a in e["actors"])
                and any(r["country"] == pair["recipient_country"] for r in e["recipients"])]
        assert pair["n"] == len(both)


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline, self.handlers, self.hrefs = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not attrs.get("src"):
            self.inline.append(tag)
        self.handlers += [name for name in attrs if name.startswith("on")]
        if "href" in attrs:
            self.hrefs.append(attrs["href"])


PAGES = ["/", "/events", "/events?country=RUS&sort=-confidence", "/events/xss-event", "/articles/xss-article", "/search?q=rebel", "/docs"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_carry_a_csp_and_no_inline_script(client, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    parsed = _Scripts()
    parsed.feed(response.text)
    assert parsed.inline == [] and parsed.handlers == []
    assert not any(h.lower().startswith("javascript:") for h in parsed.hrefs)


@pytest.mark.parametrize("path", ["/events/xss-event", "/articles/xss-article", "/events?q=rebel", "/search?q=rebel"])
def test_payloads_are_escaped_on_every_page(client, path):
    html = client.get(path).text
    assert XSS_SCRIPT not in html and XSS_IMG not in html and "<svg onload" not in html
    assert "&lt;script&gt;" in html
    assert f'href="{XSS_URL}' not in html


def test_event_page_marks_each_argument(client):
    html = client.get("/events/xss-event").text
    evidence = html.split('id="evidence">')[1].split("</blockquote>")[0]
    assert re.search(r'<mark class="hl hl-trigger">attacked</mark>', evidence)
    assert '<mark class="hl hl-actor">&lt;b&gt;rebel&lt;/b&gt; commander' in evidence
    assert '<mark class="hl hl-location">&lt;svg onload=alert(1)&gt;</mark>' in evidence
    assert "CAMEO" in html and "0.90" in html


def test_event_page_shows_the_factuality_and_marks_its_cue(client):
    from html import escape

    cued = [e for e in all_events(client) if e["evidence"].get("cue") and e["factuality"] != "asserted"]
    assert cued and all(not e["evidence"].get("cue") for e in all_events(client, factuality="asserted"))
    for ev in cued[:5]:
        cue = client.get(f"/api/events/{ev['id']}").json()["evidence"]["cue"]
        sentence = ev["evidence"]["sentence"]
        assert sentence[cue["start"] - ev["evidence"]["start"]:cue["end"] - ev["evidence"]["start"]] == cue["text"]
        html = client.get(f"/events/{ev['id']}").text
        assert f'{ev["factuality"]}</span> — cue: <q class="cue">{escape(cue["text"], quote=False)}</q>' in html
        evidence = html.split('id="evidence">')[1].split("</blockquote>")[0]
        marked = re.findall(r'<mark class="hl hl-(\w+)">([^<]*)</mark>', evidence)
        # The cue is marked where no argument covers it (a historical event's cue is its date, marked as the date).
        assert any(role == "cue" for role, _ in marked) or any(
            role in ("trigger", "actor", "recipient", "location", "date") and escape(cue["text"], quote=False) in text for role, text in marked)


def test_serving_a_missing_store_is_an_error(tmp_path):
    from dateline.errors import StoreError

    with pytest.raises(StoreError, match="no store at"):
        create_app(load_settings(env={}, db=str(tmp_path / "typo.db")))
    assert not (tmp_path / "typo.db").exists()


def test_writes_are_disabled_without_a_token(web_store):
    settings = load_settings(env={}, db=str(web_store.engine.url.database))
    client = TestClient(create_app(settings, store=web_store), raise_server_exceptions=False)
    assert "api_token" in assert_error(client.post("/api/ingest", json={"text": "x"}), 403)["message"]


def test_ingest_needs_the_right_token_and_bounded_bodies(fresh_client):
    assert_error(fresh_client.post("/api/ingest", json={"text": "x"}), 401)
    assert_error(fresh_client.post("/api/ingest", json={"text": "x"}, headers={"authorization": "Bearer wrong"}), 401)
    big = {"text": "word " * 10_000}
    assert_error(fresh_client.post("/api/ingest", json=big, headers={"authorization": f"Bearer {TOKEN}"}), 413)
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert_error(fresh_client.post("/api/ingest", json={"text": "a", "html": "b"}, headers=auth), 422)
    assert_error(fresh_client.post("/api/ingest", json={"url": "file:///etc/passwd"}, headers=auth), 422)
    assert_error(fresh_client.post("/api/ingest", content=b"not json", headers={**auth, "content-type": "application/json"}), 422)


def test_ingest_text_then_read_it_back(fresh_client):
    from .conftest import SAMPLE

    auth = {"authorization": f"Bearer {TOKEN}"}
    text = SAMPLE.read_text(encoding="utf-8")
    assert fresh_client.get("/api/stats").json()["total"] == 0
    report = fresh_client.post("/api/ingest", json={"text": text[:15_000], "published": "2023-09-15"}, headers=auth).json()
    assert report["stored"] == 1 and report["events"] > 0
    article = fresh_client.get(f"/api/articles/{report['articles'][0]}").json()
    assert article["published"] == "2023-09-15" and len(article["events"]) == report["events"]
    assert fresh_client.get("/api/stats").json()["total"] == report["events"]  # the cached counts saw the new events
    again = fresh_client.post("/api/ingest", json={"text": text[:15_000], "published": "2023-09-15"}, headers=auth).json()
    assert again["stored"] == 0 and again["duplicates"] == 1


def test_ingest_a_url_goes_through_the_fetch_path(fresh_client, fresh_db, http_server):
    auth = {"authorization": f"Bearer {TOKEN}"}
    # The CLI's fetch policy: a loopback server is refused unless a setting allows private addresses.
    error = assert_error(fresh_client.post("/api/ingest", json={"url": f"{http_server}/article.html"}, headers=auth), 422)
    assert "loopback" in error["message"] and "allow_private_addresses" in error["message"]
    settings = load_settings(env={}, today="2026-11-28", db=str(fresh_db), api_token=TOKEN, allow_private_addresses=True,
                             stage_options={"events": {"min_confidence": 0.0}})
    allowed = TestClient(create_app(settings, store=Store(fresh_db)), raise_server_exceptions=False)
    error = assert_error(allowed.post("/api/ingest", json={"url": f"{http_server}/missing"}, headers=auth), 422)
    assert "404" in error["message"]
    report = allowed.post("/api/ingest", json={"url": f"{http_server}/article.html"}, headers=auth).json()
    assert report["stored"] == 1
    assert allowed.get(f"/api/articles/{report['articles'][0]}").json()["title"] == "Ministers meet in Geneva"


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ["/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}", "/api/actors",
                 "/api/places", "/api/stats", "/api/ingest"]:
        assert path in paths
    assert "/" not in paths


def test_a_search_matching_many_articles_finds_the_same_events(client, monkeypatch):
    from dateline import store as store_module

    few = all_events(client, q="said")
    monkeypatch.setattr(store_module, "FTS_MANY", 1)  # walk events in order instead of fetching them by article
    assert few and all_events(client, q="said") == few


def test_events_and_stats_answer_the_same_while_the_columns_load_and_after(web_store):
    """Until the columns are loaded, answers are made in a thread (the server keeps answering); after, in the request."""
    app = create_app(load_settings(env={}, today="2026-11-28", db=str(web_store.engine.url.database)), store=web_store)
    client = TestClient(app, raise_server_exceptions=False)  # not entered: the lifespan's loading thread does not start
    paths = ["/api/events?country=RUS&limit=5", "/api/stats?type=ASSAULT", "/api/events?q=said&format=csv"]
    assert not app.state.columns.loaded
    loading = [client.get(path) for path in paths]
    assert app.state.columns.loaded
    loaded = [client.get(path) for path in paths]
    assert [(r.status_code, r.content) for r in loading] == [(r.status_code, r.content) for r in loaded]
    assert all(r.status_code == 200 for r in loaded)


def _sockets(port: int, state: str, pid: int | None = None) -> int:
    """How many TCP sockets on local `port` are in `state` ("01" established, "0A" listening), of process `pid` if
    given (Linux /proc)."""
    inodes = None
    if pid is not None:
        inodes = set()
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == state and (inodes is None or fields[9] in inodes):
                count += 1
    return count


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux /proc")
def test_workers_share_connections_that_arrive_at_once(web_store):
    """Sixteen keep-alive clients connecting at the same moment are spread over both workers (each has its own listening
    socket), not all taken by whichever worker was idle first."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(web_store.engine.url.database), "--port", str(port),
                               "--workers", "2"], env=env, stderr=subprocess.DEVNULL)
    clients = []
    try:
        deadline = time.time() + 30
        while _sockets(port, "0A") < 2 and time.time() < deadline:  # both workers listening
            time.sleep(0.1)
        children = [int(p) for p in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()]
        assert _sockets(port, "0A") == 2  # two listening sockets, one in each worker
        assert sorted(_sockets(port, "0A", pid) for pid in children if _sockets(port, "0A", pid)) == [1, 1]
        clients = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(16)]
        for sock in clients:
            sock.sendall(b"GET /api/stats HTTP/1.1\r\nHost: t\r\n\r\n")
        for sock in clients:
            assert sock.recv(12).startswith(b"HTTP/1.1 200")
        held = [n for pid in children if (n := _sockets(port, "01", pid))]
        assert len(held) == 2 and sum(held) == 16, held
    finally:
        for sock in clients:
            sock.close()
        server.terminate()
        assert server.wait(30) == 0 or server.returncode == -15


@pytest.mark.parametrize("path", ["/api/stats?country=RUS", "/api/events?type=ASSAULT&limit=3", "/api/events?format=csv&limit=2"])
def test_answers_carry_an_etag_that_holds_until_something_new_is_stored(fresh_db, path):
    from .test_columns import _articles

    store = Store(fresh_db)
    for doc in _articles(1, 20, "a"):
        store.save(doc)
    client = TestClient(create_app(load_settings(env={}, db=str(fresh_db)), store=store), raise_server_exceptions=False)
    first = client.get(path)
    etag = first.headers["etag"]
    assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
    assert client.get(path).headers["etag"] == etag  # the same answer, the same tag
    unchanged = client.get(path, headers={"if-none-match": f'"other", W/{etag}'})
    assert unchanged.status_code == 304 and unchanged.content == b"" and unchanged.headers["etag"] == etag
    other = client.get(path + "&since=2024", headers={"if-none-match": etag})  # another question: another tag
    assert other.status_code == 200 and other.headers["etag"] != etag
    for doc in _articles(2, 5, "b"):
        store.save(doc)
    changed = client.get(path, headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag and changed.content
