"""Publication dates: the URL's date for every kind of input, and header dates around the headline and in
"Published: …"/"Updated: …" lines of scraped text."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dateline.extract import Extract
from dateline.sources import RawInput, iter_inputs

BODY = ("The foreign ministers of France and Germany met in Geneva to discuss sanctions against Iran, officials said.\n\n"
        "The talks lasted three hours and both ministers agreed to meet again next month in Berlin.\n")
URL = "https://news.example.org/world/2022/05/10/ministers-meet-in-geneva"


def published(settings, data: str, **kw):
    article = Extract(settings)(RawInput(data=data.encode(), origin="test", **kw).document()).article
    return article.published.value, article.published.source, article


def test_url_date_applies_to_plain_text(settings):
    assert published(settings, "Ministers meet in Geneva\n\n" + BODY, url=URL)[:2] == ("2022-05-10", "url")


def test_url_date_beats_a_header_date_but_not_the_caller(settings):
    text = "Ministers meet in Geneva\n\nMay 3, 2022\n\n" + BODY
    assert published(settings, text, url=URL)[:2] == ("2022-05-10", "url")
    assert published(settings, text, url=URL, published="2022-05-11")[:2] == ("2022-05-11", "caller")


def test_url_date_applies_to_json_lines_records(settings, tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"title": "Ministers meet", "text": BODY, "url": URL}) + "\n"
                    + json.dumps({"title": "Ministers meet", "text": BODY, "url": URL, "published": "2022-05-12"}) + "\n")
    raws = list(iter_inputs([str(path)], settings))
    dates = [Extract(settings)(raw.document()).article.published for raw in raws]
    assert [(d.value, d.source) for d in dates] == [("2022-05-10", "url"), ("2022-05-12", "caller")]


@pytest.mark.parametrize("url", ["https://example.org/2022/13/40/x", "https://example.org/story/20220510", None])
def test_no_url_date_from_urls_without_a_valid_one(settings, url):
    assert published(settings, "Ministers meet in Geneva\n\n" + BODY, url=url)[:2] == (None, "none")


@pytest.mark.parametrize("text, expected", [
    ("Ministers Meet In Geneva\n\nTuesday, May 10, 2022\n\n" + BODY, "2022-05-10"),  # after the headline
    ("Ministers Meet In Geneva\n\nBy Ana Reyes\n\nMay 10, 2022 at 10:15 a.m. EDT\n\n" + BODY, "2022-05-10"),  # after a byline
    ("May 10, 2022\n\nMinisters Meet In Geneva\n\n" + BODY, "2022-05-10"),  # before the headline, as before
    ("Ministers Meet In Geneva\n\nPublished: May 10, 2022\n\n" + BODY, "2022-05-10"),
    ("Ministers Meet In Geneva\n\nUpdated: May 12, 2022 14:05\n\nPublished: May 10, 2022\n\n" + BODY, "2022-05-10"),
    ("Ministers Meet In Geneva\n\nUpdated: May 12, 2022\n\n" + BODY, "2022-05-12"),  # an update, when nothing else says
    ("Ministers Meet In Geneva\n\n" + BODY + "\nPosted on 10 May 2022\n", "2022-05-10"),  # a labelled line anywhere
])
def test_header_dates_around_the_headline_and_in_labelled_lines(settings, text, expected):
    value, source, article = published(settings, text)
    assert (value, source) == (expected, "header")
    assert article.title == "Ministers Meet In Geneva" and "2022" not in article.text  # date lines leave the body


def test_a_date_deep_in_the_body_is_not_a_header(settings):
    text = "Ministers Meet In Geneva\n\n" + BODY + "\nOne\n\nTwo\n\nThree\n\nMay 10, 2022\n"
    assert published(settings, text)[:2] == (None, "none")


def test_process_url_flag_dates_plain_text(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Ministers meet in Geneva\n\n" + BODY)
    done = subprocess.run([sys.executable, "-m", "dateline", "process", str(path), "--url", URL], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["article"]["published"]["value"] == "2022-05-10"


SHORT_ENTRY = ("Rebels attacked an army post near Goma on Monday, local officials said. "
               "Three soldiers were wounded in the attack, the army said in a statement.")  # full text, under 800 characters


def _short_feed(link_base: str) -> bytes:
    items = "".join(f"""<item><title>Rebels attack post {n}</title><link>{link_base}/story-{n}</link>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><description><![CDATA[<p>{SHORT_ENTRY} Report {n}.</p>]]></description></item>"""
                    for n in range(3))
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>{link_base}/</link>
<description>News</description>{items}</channel></rss>""".encode()


def test_offline_feed_with_short_full_text_entries_is_coded_with_warnings(tmp_path):
    """Links that cannot be fetched (nothing listens on port 9): each entry is coded from the feed's own text."""
    path = tmp_path / "feed.xml"
    path.write_bytes(_short_feed("http://127.0.0.1:9"))
    db = tmp_path / "feed.db"
    done = subprocess.run([sys.executable, "-m", "dateline", "ingest", str(path), "--db", str(db), "--json"], capture_output=True, text=True)
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["stored"] == 3 and report["failed"] == 0
    warnings = [w["warning"] for w in report["warnings"]]
    assert len(warnings) == 3 and all("could not be fetched" in w and "coded from the" in w for w in warnings)


def test_feed_full_text_threshold_is_a_setting(settings, http_server):
    from dateline.settings import load_settings

    feed = RawInput(data=_short_feed(http_server), origin="feed.xml")
    from dateline.sources import read_feed

    fetched = list(read_feed(feed, settings))  # default 800: short entries are fetched; the server has no /story-n
    assert all(isinstance(i, RawInput) and "HTTP 404" in i.warnings[0] for i in fetched) and len(fetched) == 3
    low = load_settings(env={}, today="2026-11-28", feed_full_text_chars=100)
    kept = list(read_feed(feed, low))
    assert [type(i).__name__ for i in kept] == ["RawInput"] * 3 and all(not i.warnings for i in kept)
    assert all(SHORT_ENTRY.encode() in i.data for i in kept)
    env = load_settings(env={"DATELINE_FEED_FULL_TEXT_CHARS": "100"})
    assert env.feed_full_text_chars == 100
