import json

import pytest

import dateline
from dateline.errors import DatelineError

from .conftest import ARTICLE_HTML, SAMPLE


def test_process_text_returns_a_coded_document(pipeline_all):
    # Every candidate: the default threshold may keep none of an article's events (precision first).
    doc = dateline.process(SAMPLE.read_text(encoding="utf-8"), published="2023-09-15", pipeline=pipeline_all)
    assert doc.article.published.source == "caller"
    assert doc.events and all(e.evidence.sentence in doc.article.text for e in doc.events)
    assert json.loads(doc.to_json())["article"]["id"] == doc.article.id
    default = dateline.process(SAMPLE.read_text(encoding="utf-8"), published="2023-09-15")
    assert {e.id for e in default.events} <= {e.id for e in doc.events}


def test_process_html_bytes_with_url():
    doc = dateline.process(ARTICLE_HTML.encode(), url="https://example.org/2023/09/13/geneva")
    assert doc.article.title == "Ministers meet in Geneva" and doc.article.url.endswith("/geneva")


def test_process_bad_input_raises_our_error():
    with pytest.raises(DatelineError, match="PNG"):
        dateline.process(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


def test_load_gives_a_configured_pipeline():
    pipeline = dateline.load(batch_size=3)
    assert pipeline.settings.batch_size == 3
    assert [s["name"] for s in pipeline.describe()] == ["extract", "annotate", "times", "actors", "places", "events"]
