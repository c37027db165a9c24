"""Hostile inputs through the real `dateline` command: hostile servers, hostile files, damaged stores,
concurrent writers, kills at random moments and pathological text.

Each case asserts its outcome: the exit status, a one-line reason, the failure row in the store, and
that the other inputs of the same batch were stored. Most batches run the `extract` stage alone (what
is under test is reading, fetching and storing, not the language models), in one process; the cases
about coding time and worker processes run the whole pipeline.
"""
from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

import pytest

from .conftest import ARTICLE_HTML, CORPUS, SAMPLE, answer

DATELINE = [sys.executable, "-m", "dateline"]
BODY = ("The foreign ministers of France and Germany met in Geneva on Tuesday to discuss sanctions against Iran, officials said. "
        "The talks lasted three hours and both ministers agreed to meet again next month in Berlin.")
MAX_BYTES = 200_000


def run(*args, env: dict | None = None, timeout: float = 300, preexec=None, prefix=(), **kw) -> subprocess.CompletedProcess:
    """The CLI as a user runs it; `env` adds DATELINE_* settings (default: the extract stage alone, in this process)."""
    full = {**os.environ, "DATELINE_TODAY": "2026-11-28", "DATELINE_PIPELINE": "extract", "DATELINE_WORKERS": "0", **(env or {})}
    return subprocess.run([*prefix, *DATELINE, *map(str, args)], capture_output=True, text=True, env=full, timeout=timeout, **kw)


def one_line_error(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def rows(db: Path | str, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(db, uri=str(db).startswith("file:")) as conn:
        return conn.execute(sql, params).fetchall()


def article(text: str = BODY, **fields) -> str:
    return json.dumps({"text": text, **fields})


def warc(path: Path, bodies: list[bytes], compress: bool) -> list[int]:
    """A WARC of response records; returns the offset where each record ends."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ends = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        for i, body in enumerate(bodies):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response", payload=io.BytesIO(body), http_headers=headers))
            ends.append(fh.tell())
    return ends


def page(n: int) -> bytes:
    return f"<html><head><title>Story {n}</title></head><body><article><p>{BODY} Story number {n}.</p></article></body></html>".encode()


# --- One batch of hostile files, ingested once; each case below checks one input's outcome.

FILE_CASES = {
    # name: (what the store must hold for it: "stored" or a substring of its one-line failure reason)
    "dev-zero": "is a device",
    "fifo": "FIFO",
    "link-to-dev-zero": "is a device",
    "dir/fifo-in-dir": "FIFO",
    "too-big.html": "over the 200,000-byte limit",
    "empty.txt": "empty",
    "image.png": "PNG",
    "bad\nname.png": "PNG",
    "records.jsonl#1": "lone surrogate",
    "records.jsonl#2": "`title` must be a string, not an object",
    "records.jsonl#3": "`url` must be a string, not a number",
    "records.jsonl#4": "`text` must be a string, not a list",
    "records.jsonl#5": "'15/09/2023' is not an ISO 8601 date",
    "records.jsonl#6": "`published` must be a date string, not a number",
    "records.jsonl#7": "is not an http(s) URL",
    "records.jsonl#8": "must be a JSON object, not list",
    "records.jsonl#9": "not a JSON object",
    "records.jsonl#10": "not UTF-8",
    "records.jsonl#11": "stored",
    "records.jsonl#12": "`html` must be a string",
    "records.jsonl#13": "non-empty `text` or `html`",
    "dates.jsonl#1": "stored",
    "dates.jsonl#2": "stored",
    "dates.jsonl#3": "stored",
    "controls.jsonl#1": "stored",
    "huge-line.jsonl.gz#1": "the line is over the 200,000-byte limit",
    "huge-line.jsonl.gz#2": "stored",
    "cut.jsonl.gz#1": "stored",
    "cut.jsonl.gz#2": "stored",
    "cut.jsonl.gz": "truncated or corrupt after line 2",
    "utf16le.txt": "stored",
    "utf16be.txt": "stored",
    "controls.html": "stored",
    "cut.warc#1": "stored",
    "cut.warc#2": "stored",
    "cut.warc": "the last complete record is #2 (https://example.org/1)",
    "cut.warc.gz#1": "stored",
    "cut.warc.gz": "the last complete record is #1 (https://example.org/0)",
    "mid-cut.warc": "record #1 is cut",
    "good.txt": "stored",
}


@pytest.fixture(scope="module")
def file_batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    src = root / "in"
    (src / "dir").mkdir(parents=True)
    os.mkfifo(src / "fifo")
    os.mkfifo(src / "dir" / "fifo-in-dir")
    (src / "link-to-dev-zero").symlink_to("/dev/zero")
    (src / "too-big.html").write_bytes(b"<html><body><p>" + b"word " * (MAX_BYTES // 4) + b"</p></body></html>")
    (src / "empty.txt").write_bytes(b"")
    (src / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (src / "bad\nname.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(255, -1, -1)))
    (src / "good.txt").write_bytes(SAMPLE.read_bytes())
    records = [
        '{"text": "' + BODY + ' \\ud800 broken"}',
        article(title={}), article(url=12345), json.dumps({"text": [BODY, BODY]}), article(BODY + " five", published="15/09/2023"),
        article(BODY + " six", published=20230915), article(BODY + " seven", url="javascript:alert(1)"), "[1, 2]", "{not json",
        None, article(BODY + " eleven", title="The good one"), json.dumps({"html": 5}), json.dumps({"text": "   "}),
    ]
    with open(src / "records.jsonl", "wb") as fh:
        for line in records:
            fh.write((line.encode() if line is not None else b'{"text": "caf\xe9 ' + BODY.encode() + b'"}') + b"\n")
    (src / "dates.jsonl").write_text("\n".join([
        article(BODY + " basic", published="20230915"), article(BODY + " week", published="2023-W37-5"),
        article(BODY + " stamp", published="2023-09-15T23:10:00+02:00")]) + "\n")
    (src / "controls.jsonl").write_text(article("Rebels\x1b[31m attacked\x07 an army\x00 post near \u202eGoma on Monday.\n\n"
                                                "Local\tofficials said the attack lasted two hours and ten soldiers died.") + "\n")
    with gzip.open(src / "huge-line.jsonl.gz", "wb") as fh:
        fh.write(b'{"text": "' + b"a" * (30 * 2**20) + b'"}\n' + article(BODY + " after the huge line").encode() + b"\n")
    whole = gzip.compress("".join(article(BODY + f" cut {i}" + (" filler" * 4000 if i == 2 else "")) + "\n" for i in range(3)).encode())
    (src / "cut.jsonl.gz").write_bytes(whole[: len(whole) - 40])
    text = SAMPLE.read_text(encoding="utf-8")
    (src / "utf16le.txt").write_bytes(b"\xff\xfe" + text.replace("recently", "lately").encode("utf-16-le"))
    (src / "utf16be.txt").write_bytes(b"\xfe\xff" + text.replace("recently", "not long ago").encode("utf-16-be"))
    (src / "controls.html").write_text(ARTICLE_HTML.replace("Ministers meet in Geneva", "Ministers\x1b]0;pwned\x07 meet \u202ein Geneva")
                                       .replace("The foreign ministers", "The foreign\x1b[2J ministers\x07"))
    ends = warc(src / "cut.warc", [page(1), page(2), page(3)], compress=False)
    (src / "cut.warc").write_bytes((src / "cut.warc").read_bytes()[: ends[1] + 300])
    ends = warc(src / "cut.warc.gz", [page(4), page(5)], compress=True)
    (src / "cut.warc.gz").write_bytes((src / "cut.warc.gz").read_bytes()[: ends[0] + (ends[1] - ends[0]) // 2])
    ends = warc(src / "mid-cut.warc", [page(6)], compress=False)
    (src / "mid-cut.warc").write_bytes((src / "mid-cut.warc").read_bytes()[: ends[0] - 60])
    db = root / "store.db"
    result = run("ingest", src, "/dev/zero", "--db", db, "--json", env={"DATELINE_MAX_BYTES": str(MAX_BYTES)}, timeout=120)
    return {"src": src, "db": db, "result": result, "summary": json.loads(result.stdout)}


def _origin(src: Path, name: str) -> str:
    return "/dev/zero" if name == "dev-zero" else str(src / name)


def test_hostile_batch_exits_1_and_stores_the_rest(file_batch):
    result, summary = file_batch["result"], file_batch["summary"]
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    failed = [n for n, want in FILE_CASES.items() if want != "stored"]
    stored = [n for n, want in FILE_CASES.items() if want == "stored"]
    assert summary["failed"] == len(failed) and summary["stored"] == len(stored), summary
    assert len(FILE_CASES) >= 40


@pytest.mark.parametrize("name", sorted(FILE_CASES))
def test_hostile_file(file_batch, name):
    src, db, summary = file_batch["src"], file_batch["db"], file_batch["summary"]
    origin = _origin(src, name)
    want = FILE_CASES[name]
    reasons = {f["origin"]: f["reason"] for f in summary["failures"]}
    if want == "stored":
        assert origin not in reasons, reasons.get(origin)
        assert rows(db, "select count(*) from articles where origin = ?", origin) == [(1,)]
        return
    assert want in reasons[origin], reasons[origin]
    assert "\n" not in reasons[origin] and "\x1b" not in reasons[origin]
    assert rows(db, "select reason from failures where origin = ?", origin) == [(reasons[origin],)]


def test_stored_text_has_no_control_characters_but_keeps_newlines_and_tabs(file_batch):
    db, src = file_batch["db"], file_batch["src"]
    [(text,)] = rows(db, "select text from articles where origin = ?", str(src / "controls.jsonl#1"))
    assert text.startswith("Rebels attacked an army post near Goma on Monday.\n\nLocal\tofficials")
    [(text,)] = rows(db, "select text from articles where origin = ?", str(src / "controls.html"))
    assert text.startswith("The foreign ministers of France") and "[2J" not in text
    [(title,)] = rows(db, "select title from articles where origin = ?", str(src / "controls.html"))
    assert title == "Ministers meet in Geneva"
    [(count,)] = rows(db, "select count(*) from articles where text glob '*[\x01-\x08\x0b-\x1f\x7f]*' or title glob '*[\x01-\x08\x1b\x7f]*'")
    assert count == 0


def test_record_dates_are_normalised_to_iso(file_batch):
    db, src = file_batch["db"], file_batch["src"]
    got = dict(rows(db, "select origin, published from articles where origin like ?", str(src / "dates.jsonl#%")))
    assert set(got.values()) == {"2023-09-15"} and len(got) == 3


def test_utf16_with_a_bom_is_decoded(file_batch):
    db, src = file_batch["db"], file_batch["src"]
    for name in ("utf16le.txt", "utf16be.txt"):
        [(text,)] = rows(db, "select text from articles where origin = ?", str(src / name))
        assert "Komsomolsk" in text and "\x00" not in text


def test_newline_in_a_file_name_stays_on_one_line(file_batch):
    src, db = file_batch["src"], file_batch["db"]
    plain = run("ingest", src / "bad\nname.png", "--db", db)
    assert plain.returncode == 1
    failed = [line for line in plain.stdout.splitlines() if line.startswith("  failed:")]
    assert len(failed) == 1 and "bad\\nname.png" in failed[0]
    single = run("process", src / "bad\nname.png")
    assert "bad\\nname.png" in one_line_error(single)


@pytest.mark.parametrize("spec, needle", [("/dev/zero", "is a device"), ("fifo", "FIFO")])
def test_process_refuses_devices_and_fifos_at_once(file_batch, spec, needle):
    path = spec if spec.startswith("/") else file_batch["src"] / spec
    result = run("process", path, timeout=60)
    assert result.returncode == 1 and needle in one_line_error(result)


def test_a_huge_compressed_line_is_refused_without_reading_it_into_memory(tmp_path):
    """A 1 MB .jsonl.gz holding a 1 GiB line: refused as it streams, the record after it stored, memory flat."""
    path = tmp_path / "bomb.jsonl.gz"
    with open(path, "wb") as fh:
        packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
        fh.write(packer.compress(b'{"text": "'))
        block = b"a" * 2**20
        for _ in range(1024):
            fh.write(packer.compress(block))
        fh.write(packer.compress(b'"}\n' + article(BODY + " after the bomb").encode() + b"\n") + packer.flush())
    assert path.stat().st_size < 2 * 2**20
    db = tmp_path / "t.db"
    probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
    result = run("ingest", path, "--db", db, "--json", prefix=(sys.executable, "-c", probe), timeout=300)
    *summary, peak_kb = result.stdout.strip().splitlines()
    summary = json.loads("\n".join(summary))
    assert result.returncode == 1 and summary["stored"] == 1 and summary["failed"] == 1
    assert "over the 10,000,000-byte limit" in summary["failures"][0]["reason"]
    assert int(peak_kb) < 400 * 1024, f"peak RSS {int(peak_kb) // 1024} MB"


def test_a_directory_that_cannot_be_entered_is_a_recorded_failure(tmp_path):
    base = Path(tempfile.mkdtemp(prefix="dateline-locked-"))
    try:
        (base / "in" / "locked").mkdir(parents=True)
        (base / "in" / "locked" / "hidden.txt").write_bytes(SAMPLE.read_bytes())
        (base / "in" / "open.txt").write_bytes(SAMPLE.read_bytes())
        (base / "in" / "locked").chmod(0)
        # root reads any directory: drop the capabilities that let it, keeping the user
        prefix = ("setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search") if os.geteuid() == 0 else ()
        db = base / "t.db"
        result = run("ingest", base / "in", "--db", db, "--json", prefix=prefix)
        summary = json.loads(result.stdout)
        assert result.returncode == 1 and summary["stored"] == 1 and summary["failed"] == 1, summary
        [failure] = summary["failures"]
        assert failure["origin"] == str(base / "in" / "locked") and "cannot list this directory (Permission denied)" in failure["reason"]
        assert rows(db, "select origin from failures") == [(str(base / "in" / "locked"),)]
    finally:
        (base / "in" / "locked").chmod(0o755)
        shutil.rmtree(base)


# --- Hostile servers: address policy, redirects, feeds, slow and bloated answers.

class _Hits:
    def __init__(self):
        self.paths: list[str] = []


def _serve(host: str, handler_factory) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer((host, 0), handler_factory)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def servers():
    """An 'internal' server on 127.0.0.1 (which must never be reached) and an 'outside' one on 127.0.0.2."""
    hits = _Hits()

    class Internal(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.paths.append(self.path)
            answer(self, 200, [("Content-Type", "text/html")], f"<html><body><article><p>SECRET internal data. {BODY}</p></article></body></html>".encode())

        def log_message(self, *args):
            pass

    internal = _serve("127.0.0.1", Internal)
    port = internal.server_address[1]
    secret = f"http://127.0.0.1:{port}/secret"

    class Outside(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            base = f"http://127.0.0.2:{self.server.server_address[1]}"
            routes = {
                "/to-loopback": (302, [("Location", secret)], b""),
                "/to-decimal": (302, [("Location", f"http://2130706433:{port}/secret")], b""),
                "/to-file": (302, [("Location", "file:///etc/passwd")], b""),
                "/article.html": (200, [("Content-Type", "text/html")], ARTICLE_HTML.encode()),
                "/feed.xml": (200, [("Content-Type", "application/rss+xml")], _feed(base, secret)),
                "/bomb": (200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], gzip.compress(b"<p>" + b"a" * (50 * 2**20))),
            }
            if self.path in ("/trickle-body", "/trickle-head"):
                return self._trickle(head=self.path == "/trickle-head")
            answer(self, *routes.get(self.path, (404, [], b"no")))

        def _trickle(self, head: bool):
            try:
                if head:
                    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X" * 100:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(1)
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(100):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(2)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    outside = _serve("127.0.0.2", Outside)
    yield {"port": port, "secret": secret, "outside": f"http://127.0.0.2:{outside.server_address[1]}", "hits": hits}
    internal.shutdown()
    outside.shutdown()


def _feed(base: str, secret: str) -> bytes:
    long_text = " ".join([BODY] * 8)
    return f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Outside</title><link>{base}/</link><description>News</description>
<item><title>Full text</title><link>{base}/full</link><content:encoded><![CDATA[<p>{long_text}</p>]]></content:encoded></item>
<item><title>Internal</title><link>{secret}-from-feed</link><description>Teaser.</description></item>
</channel></rss>""".encode()


# name: (URL template, expected outcome); {p} is the internal port, {o} the outside server
URL_CASES = {
    "loopback": ("http://127.0.0.1:{p}/secret", "127.0.0.1, a loopback, private"),
    "localhost": ("http://localhost:{p}/secret", "a loopback, private"),
    "decimal": ("http://2130706433:{p}/secret", "resolves to 127.0.0.1"),
    "short": ("http://127.1:{p}/secret", "resolves to 127.0.0.1"),
    "octal": ("http://0177.0.0.1:{p}/secret", "Invalid IPv4 address"),
    "hex": ("http://0x7f.0.0.1:{p}/secret", "resolves to 127.0.0.1"),
    "ipv6-loopback": ("http://[::1]:{p}/secret", "resolves to ::1"),
    "ipv4-mapped": ("http://[::ffff:127.0.0.1]:{p}/secret", "resolves to ::ffff:127.0.0.1"),
    "nat64": ("http://[64:ff9b::7f00:1]:{p}/secret", "resolves to 64:ff9b::7f00:1"),
    "6to4": ("http://[2002:7f00:1::1]:{p}/secret", "resolves to 2002:7f00:1::1"),
    "metadata": ("http://169.254.169.254/latest/meta-data/", "resolves to 169.254.169.254"),
    "private-10": ("http://10.0.0.1/", "resolves to 10.0.0.1"),
    "private-192": ("http://192.168.1.1/", "resolves to 192.168.1.1"),
    "cgnat": ("http://100.64.0.1/", "resolves to 100.64.0.1"),
    "unspecified": ("http://0.0.0.0:{p}/secret", "resolves to 0.0.0.0"),
    "multicast": ("http://224.0.0.1/", "resolves to 224.0.0.1"),
    "link-local-v6": ("http://[fe80::1]/", "resolves to fe80::1"),
    "redirect-to-loopback": ("{o}/to-loopback", "resolves to 127.0.0.1"),
    "redirect-to-decimal": ("{o}/to-decimal", "resolves to 127.0.0.1"),
    "redirect-to-file": ("{o}/to-file", "not an http(s) URL"),
    "gzip-bomb": ("{o}/bomb", "over the 10,000,000-byte limit"),
    "allowed-network": ("{o}/article.html", "stored"),
    "feed-entry-to-loopback": ("{secret}-from-feed", "resolves to 127.0.0.1"),
    "feed-full-text": ("{o}/full", "stored"),
}


@pytest.fixture(scope="module")
def url_batch(servers, tmp_path_factory):
    db = tmp_path_factory.mktemp("urls") / "urls.db"
    urls = [template.format(p=servers["port"], o=servers["outside"], secret=servers["secret"])
            for name, (template, _) in URL_CASES.items() if not name.startswith("feed-")]
    result = run("ingest", *urls, f"{servers['outside']}/feed.xml", "--db", db, "--json",
                 env={"DATELINE_ALLOWED_NETWORKS": "127.0.0.2/32", "DATELINE_HTTP_TIMEOUT": "5"}, timeout=120)
    return {"db": db, "result": result, "summary": json.loads(result.stdout), "internal_hits": list(servers["hits"].paths)}


@pytest.mark.parametrize("name", sorted(URL_CASES))
def test_hostile_url(servers, url_batch, name):
    template, want = URL_CASES[name]
    url = template.format(p=servers["port"], o=servers["outside"], secret=servers["secret"])
    reasons = {f["origin"]: f["reason"] for f in url_batch["summary"]["failures"]}
    if want == "stored":
        assert url not in reasons, reasons.get(url)
        assert rows(url_batch["db"], "select count(*) from articles where origin = ?", url) == [(1,)]
        return
    assert want in reasons[url] and "\n" not in reasons[url], reasons[url]
    assert rows(url_batch["db"], "select reason from failures where origin = ?", url) == [(reasons[url],)]


def test_no_request_reaches_the_internal_server_and_nothing_of_it_is_stored(servers, url_batch):
    assert url_batch["result"].returncode == 1
    assert url_batch["internal_hits"] == []
    assert rows(url_batch["db"], "select count(*) from articles where text like '%SECRET%'") == [(0,)]
    assert rows(url_batch["db"], "select count(*) from articles") == [(2,)]


def test_the_setting_lets_a_local_server_be_fetched(servers, tmp_path):
    result = run("ingest", servers["secret"], "--db", tmp_path / "t.db", env={"DATELINE_ALLOW_PRIVATE_ADDRESSES": "true"})
    assert result.returncode == 0 and servers["hits"].paths[-1:] == ["/secret"]


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-head"])
def test_a_slow_server_cannot_hold_a_fetch_past_its_deadline(servers, tmp_path, path):
    started = time.monotonic()
    result = run("ingest", servers["outside"] + path, servers["outside"] + "/article.html", "--db", tmp_path / "t.db", "--json",
                 env={"DATELINE_ALLOWED_NETWORKS": "127.0.0.2", "DATELINE_HTTP_DEADLINE": "3"}, timeout=60)
    elapsed = time.monotonic() - started
    summary = json.loads(result.stdout)
    assert result.returncode == 1 and summary["stored"] == 1
    [failure] = summary["failures"]
    assert "not complete within 3 s" in failure["reason"]
    assert elapsed < 30  # the server would go on for 200 s


# --- Stores that are empty, damaged or not ours: one line for every command, and nothing written.

@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("good")
    db, data = root / "good.db", root / "few.jsonl"
    data.write_text("".join((CORPUS / "articles.jsonl").read_text().splitlines(keepends=True)[:60]))
    run("ingest", data, "--db", db, check=True)
    return db


def _store(kind: str, tmp_path: Path, good: Path) -> Path:
    db = tmp_path / f"{kind}.db"
    if kind == "empty":
        db.write_bytes(b"")
    elif kind == "damaged":
        shutil.copy(good, db)
        data = bytearray(db.read_bytes())
        middle = len(data) // 2 // 4096 * 4096
        data[middle:middle + 8192] = random.Random(7).randbytes(8192)
        db.write_bytes(bytes(data))
    elif kind == "not-ours":
        with sqlite3.connect(db) as conn:
            conn.execute("create table customers (id integer primary key, name text)")
            conn.execute("insert into customers (name) values ('Ada')")
    elif kind == "not-sqlite":
        db.write_bytes(b"name,amount\nAda,12\n" * 100)
    elif kind == "newer":
        shutil.copy(good, db)
        with sqlite3.connect(db) as conn:
            conn.execute("insert into schema_version (version, applied_at) values (99, 'later')")
    return db


@pytest.mark.parametrize("kind, needle", [("empty", "empty file (0 bytes)"), ("damaged", "is damaged"), ("not-ours", "not a Dateline store"),
                                          ("not-sqlite", "not an SQLite database"), ("newer", "schema version 99")])
@pytest.mark.parametrize("command", [["ingest", str(SAMPLE)], ["events", "--format", "csv"], ["events", "--q", "Geneva"]])
def test_a_bad_store_is_one_line_for_every_command(tmp_path, good_store, kind, needle, command):
    db = _store(kind, tmp_path, good_store)
    before = db.read_bytes()
    result = run(*command, "--db", db)
    assert result.returncode == 1 and needle in one_line_error(result)
    assert result.stdout == ""
    assert db.read_bytes() == before


# --- Time: a document over its budget fails alone; a worker that cannot be stopped is killed, the batch kept.

@pytest.mark.slow
def test_a_document_over_its_time_budget_fails_and_the_batch_goes_on(tmp_path):
    long_text = " ".join(["Rebels attacked an army post near Goma on Monday and the army said it repelled them."] * 2500)
    data = tmp_path / "batch.jsonl"
    data.write_text("\n".join([article(BODY + " first"), article(long_text), article(BODY + " last")]) + "\n")
    db = tmp_path / "t.db"
    result = run("ingest", data, "--db", db, "--json", env={"DATELINE_PIPELINE": "extract,annotate,times,actors,places,events",
                                                          "DATELINE_DOC_TIMEOUT": "3", "DATELINE_WORKERS": "1"})
    summary = json.loads(result.stdout)
    assert result.returncode == 1 and summary["stored"] == 2 and summary["failed"] == 1, summary
    [failure] = summary["failures"]
    assert failure["origin"].endswith("#2") and "[E302]" in failure["reason"] and "3-second budget" in failure["reason"]
    assert rows(db, "select origin from failures") == [(failure["origin"],)]


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _stored(db: Path) -> int:
    try:
        return rows(f"file:{db}?mode=ro", "select count(*) from articles")[0][0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_a_worker_that_stops_responding_is_killed_and_its_batch_kept(tmp_path):
    """A worker frozen where no signal reaches it (SIGSTOP) stands for code that ignores the budget: the parent kills it
    at the hard deadline, starts another and codes its batch again, one document at a time."""
    data = tmp_path / "batch.jsonl"
    data.write_text("".join(article(BODY + f" number {i}") + "\n" for i in range(3000)))
    db = tmp_path / "t.db"
    env = {**os.environ, "DATELINE_TODAY": "2026-11-28", "DATELINE_PIPELINE": "extract", "DATELINE_WORKERS": "1",
           "DATELINE_DOC_TIMEOUT": "1", "DATELINE_BATCH_SIZE": "2"}
    proc = subprocess.Popen([*DATELINE, "ingest", str(data), "--db", str(db), "--json"], env=env, stdout=subprocess.PIPE, text=True)
    frozen = None
    deadline = time.time() + 120
    while frozen is None and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists() and _stored(db) >= 10:  # the worker is warm and coding
            workers = [c for c in _children(proc.pid) if "spawn_main" in Path(f"/proc/{c}/cmdline").read_text(errors="ignore")]
            frozen = workers[0]
            os.kill(frozen, signal.SIGSTOP)
    out, _ = proc.communicate(timeout=300)
    summary = json.loads(out)
    assert frozen is not None and not Path(f"/proc/{frozen}").exists()  # killed (and reaped)
    assert proc.returncode == 0 and summary["stored"] == 3000 and summary["failed"] == 0, summary


# --- Concurrent writers and kills at random moments: every article stored once, as one process stores it.

def _snapshot(db: Path) -> dict:
    return {
        "articles": sorted(rows(db, "select id, url, title, text, published, raw_sha256 from articles")),
        "raw": sorted(rows(db, "select sha256, article_id from raw_inputs")),
        "events": sorted(rows(db, "select id, article_id, type from events")),
        "participants": sorted(rows(db, "select event_id, role, name from participants")),
        "fts": sorted(rows(db, "select article_id from articles_fts")),
        "failures": sorted(rows(db, "select origin, reason from failures")),
    }


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    """Four overlapping inputs over 24 corpus articles and one bad record, and what one process stores from them."""
    root = tmp_path_factory.mktemp("shards")
    lines = (CORPUS / "articles.jsonl").read_text().splitlines(keepends=True)[:24]
    paths = []
    for k in range(4):
        path = root / f"shard{k}.jsonl"
        path.write_text("".join(lines[6 * k: 6 * k + 12]) + ("{broken\n" if k == 0 else ""))
        paths.append(path)
    reference = root / "one.db"
    run("ingest", *paths, "--db", reference)
    return {"paths": paths, "reference": _snapshot(reference)}


@pytest.mark.slow
def test_four_ingests_on_one_new_store_store_every_article_once(tmp_path, shards):
    reference = shards["reference"]
    assert len(reference["articles"]) == 24 and len(reference["failures"]) == 1
    env = {**os.environ, "DATELINE_TODAY": "2026-11-28", "DATELINE_PIPELINE": "extract", "DATELINE_WORKERS": "0"}
    for round_ in range(10):
        db = tmp_path / f"round{round_}.db"
        order = shards["paths"][round_ % 4:] + shards["paths"][:round_ % 4]
        procs = [subprocess.Popen([*DATELINE, "ingest", *map(str, order[k:] + order[:k]), "--db", str(db)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for k in range(4)]
        errors = [p.communicate(timeout=120)[1] for p in procs]
        assert [p.returncode for p in procs] == [1] * 4, errors  # 1: the bad record fails in each
        assert all("Traceback" not in e and "internal error" not in e for e in errors), errors
        assert _snapshot(db) == reference, f"round {round_}"
        [(attempts,)] = rows(db, "select attempts from failures")
        assert attempts == 4


@pytest.mark.slow
def test_four_ingests_with_the_whole_pipeline_match_one(tmp_path):
    lines = (CORPUS / "demo.jsonl").read_text().splitlines(keepends=True)[:8]
    paths = []
    for k in range(4):
        path = tmp_path / f"s{k}.jsonl"
        path.write_text("".join(lines[2 * k: 2 * k + 4]))
        paths.append(path)
    # Every candidate event (no confidence threshold), so that the stores hold events to compare.
    every = {"DATELINE_STAGE_OPTIONS": '{"events": {"min_confidence": 0}}'}
    full = {"DATELINE_PIPELINE": "extract,annotate,times,actors,places,events", **every}
    run("ingest", *paths, "--db", tmp_path / "one.db", env=full)
    env = {**os.environ, "DATELINE_TODAY": "2026-11-28", "DATELINE_WORKERS": "0", **every}
    procs = [subprocess.Popen([*DATELINE, "ingest", *map(str, paths[k:] + paths[:k]), "--db", str(tmp_path / "four.db")], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for k in range(4)]
    assert [p.wait(timeout=300) for p in procs] == [0] * 4
    one, four = _snapshot(tmp_path / "one.db"), _snapshot(tmp_path / "four.db")
    assert one == four and len(one["articles"]) == 8 and one["events"]


def _gone(pids: list[int], within: float = 20.0) -> bool:
    deadline = time.time() + within
    while time.time() < deadline:
        alive = [p for p in pids if Path(f"/proc/{p}").exists() and Path(f"/proc/{p}/stat").read_text().split()[2] != "Z"]
        if not alive:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_and_duplicates_nothing(tmp_path):
    # The corpus sixteen times over, each copy its own articles: an extract-only ingest of four copies took about 2 s
    # here, no longer than the latest kill moment, so a run could finish before its kill and the test fail by chance.
    copies = 16
    data = tmp_path / "many.jsonl"
    records = [json.loads(line) for line in (CORPUS / "articles.jsonl").read_text().splitlines()]
    data.write_text("".join(json.dumps({**r, "text": r["text"] + f" (Copy {k}.)"}) + "\n" for k in range(copies) for r in records))
    db = tmp_path / "kill.db"
    env = {**os.environ, "DATELINE_TODAY": "2026-11-28", "DATELINE_PIPELINE": "extract", "DATELINE_BATCH_SIZE": "4", "DATELINE_WORKERS": "2"}
    rng = random.Random(11)
    kills = 0
    for _ in range(4):
        proc = subprocess.Popen([*DATELINE, "ingest", str(data), "--db", str(db)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 2.0))
        children = _children(proc.pid)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        assert _gone(children), "a worker outlived its parent"
    assert kills >= 2
    final = run("ingest", data, "--db", db, env={"DATELINE_WORKERS": "2"}, timeout=300)
    assert final.returncode == 0, final.stderr
    fresh = tmp_path / "fresh.db"
    run("ingest", data, "--db", fresh, timeout=300)
    got, want = _snapshot(db), _snapshot(fresh)
    assert got == want and len(want["articles"]) == copies * len(records)
    assert rows(db, "select count(*) from events where article_id not in (select id from articles)") == [(0,)]
