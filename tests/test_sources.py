import io
import json

import pytest

from dateline.sources import Failure, RawInput, iter_inputs

from .conftest import SAMPLE


def expand(specs, settings, **kw):
    return list(iter_inputs(specs, settings, **kw))


def test_file_directory_and_glob(tmp_path, settings):
    (tmp_path / "a.txt").write_text("first article text " * 5)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>second</p></body></html>")
    (tmp_path / ".hidden").write_text("ignored")
    assert [r.origin for r in expand([str(tmp_path / "a.txt")], settings)] == [str(tmp_path / "a.txt")]
    assert sorted(r.origin for r in expand([str(tmp_path)], settings)) == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.html")]
    assert [r.origin for r in expand([str(tmp_path / "**" / "*.html")], settings)] == [str(tmp_path / "sub" / "b.html")]


def test_stdin(settings):
    [raw] = expand(["-"], settings, stdin=io.BytesIO(b"Some article text from a pipe."))
    assert raw.origin == "<stdin>" and raw.data.startswith(b"Some article")


def test_json_lines_records(tmp_path, settings):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "Body one.", "title": "One", "url": "https://x.org/1", "published": "2020-05-01"}),
        "not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Body two."}),
    ]) + "\n")
    items = expand([str(path)], settings)
    assert [type(i) for i in items] == [RawInput, Failure, Failure, RawInput]
    assert (items[0].title, items[0].url, items[0].published, items[0].text) == ("One", "https://x.org/1", "2020-05-01", "Body one.")
    assert "line" in items[1].reason or "JSON" in items[1].reason
    assert "`text`" in items[2].reason


@pytest.mark.parametrize(
    "spec, reason",
    [("/no/such/file.html", "no such file"), ("/no/such/*.html", "matches no file")],
)
def test_missing_inputs_fail_with_reason(settings, spec, reason):
    [failure] = expand([spec], settings)
    assert isinstance(failure, Failure) and reason in failure.reason


def test_empty_and_oversized_files(tmp_path, settings):
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "big.html").write_bytes(b"<p>" + b"x" * (settings.max_bytes + 10))
    failures = {f.origin.rsplit("/", 1)[-1]: f.reason for f in expand([str(tmp_path)], settings)}
    assert "empty" in failures["empty.txt"]
    assert "limit" in failures["big.html"]


def test_a_bad_input_does_not_stop_the_rest(tmp_path, settings):
    good = tmp_path / "good.txt"
    good.write_bytes(SAMPLE.read_bytes())
    items = expand(["/no/such/file", str(good)], settings)
    assert isinstance(items[0], Failure) and isinstance(items[1], RawInput)


def test_url_fetch(http_server, settings):
    [raw] = expand([f"{http_server}/article.html"], settings)
    assert isinstance(raw, RawInput) and b"Geneva" in raw.data and raw.url.endswith("/article.html")


@pytest.mark.parametrize(
    "path, reason",
    [("/missing", "HTTP 404"), ("/broken", "HTTP 500"), ("/loop", "redirects"), ("/huge.html", "limit")],
)
def test_url_failures(http_server, settings, path, reason):
    [failure] = expand([f"{http_server}{path}"], settings)
    assert isinstance(failure, Failure) and reason in failure.reason
    assert "\n" not in failure.reason


def test_unreachable_url(settings):
    import socket

    with socket.socket() as sock:  # a port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    [failure] = expand([f"http://127.0.0.1:{port}/x"], settings)
    assert isinstance(failure, Failure) and "cannot connect" in failure.reason


def test_warc_response_records(tmp_path, settings):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from .conftest import ARTICLE_HTML

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, status, ctype, body in [
            ("https://example.org/a.html", "200 OK", "text/html; charset=utf-8", ARTICLE_HTML.encode()),
            ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG...."),
            ("https://example.org/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))
    items = expand([str(path)], settings)
    assert [(type(i).__name__, i.url) for i in items] == [("RawInput", "https://example.org/a.html")]
    assert b"Geneva" in items[0].data


def test_broken_warc_is_a_failure(tmp_path, settings):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a warc file at all\r\n\r\n")
    items = expand([str(path)], settings)
    assert len(items) == 1 and isinstance(items[0], Failure) and "WARC" in items[0].reason


def test_rss_feed_url_gives_its_entries(http_server, settings):
    from dateline.extract import Extract

    items = expand([f"{http_server}/feed.xml"], settings)
    assert [type(i).__name__ for i in items] == ["RawInput", "RawInput", "Failure"]
    full, fetched, gone = items
    assert (full.url, full.published, full.title) == (f"{http_server}/rebels", "2024-03-04", "Rebels attack army post")
    article = Extract(settings)(full.document()).article
    assert article.text.startswith("Rebels attacked an army post near Goma") and article.published.value == "2024-03-04"
    assert fetched.url.endswith("/article.html") and b"Geneva" in fetched.data and fetched.published == "2023-09-13"
    assert "HTTP 404" in gone.reason


def test_feed_file_is_detected_by_content(tmp_path, settings):
    from .conftest import feed

    path = tmp_path / "news.txt"
    path.write_bytes(feed("http://127.0.0.1:9"))
    items = expand([str(path)], settings)
    assert isinstance(items[0], RawInput) and items[0].title == "Rebels attack army post"
    assert all(isinstance(i, Failure) and "cannot connect" in i.reason for i in items[1:])
