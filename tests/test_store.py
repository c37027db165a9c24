import json
import sqlite3

import pytest

from dateline.errors import StoreError
from dateline.models import Article, Document, Event, EventActor, EventDate, EventLocation, Evidence, Published, Span
from dateline.sources import RawInput
from dateline.store import MIGRATIONS, Store


def make_doc(text="Police arrested protesters in Minsk on Sunday.", events=1, origin="a.txt") -> Document:
    raw = RawInput(data=text.encode(), origin=origin)
    doc = raw.document()
    doc.article = Article(id=f"id-{hash(text) & 0xffff}", text=text, title="T", origin=origin, raw_sha256=raw.sha256,
                          published=Published(value="2020-08-16", precision="day", source="caller"))
    for i in range(events):
        doc.events.append(Event(
            id=f"{doc.article.id}-{i}", type="COERCE", mode="arrest", factuality="asserted", confidence=0.8,
            actors=[EventActor(text="Police", country="BLR", sector="COP")], recipients=[EventActor(text="protesters", country="BLR", sector="CVL")],
            location=EventLocation(name="Minsk", geonameid=625144, lat=53.9, lon=27.57, country="BY"),
            date=EventDate(value="2020-08-16", precision="day"), evidence=Evidence(sentence=text, start=0, end=len(text)),
        ))
    return doc


def test_schema_is_versioned(fresh_db):
    store = Store(fresh_db)
    assert store.migrate() == len(MIGRATIONS)
    with sqlite3.connect(fresh_db) as conn:
        assert conn.execute("select max(version) from schema_version").fetchone()[0] == len(MIGRATIONS)
        assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_a_version_4_store_gains_the_factuality_cue_column(fresh_db):
    store = Store(fresh_db)
    store.save(_doc_with_cue("c1"))
    with sqlite3.connect(fresh_db) as conn:  # back to the schema of version 4: no factuality_cue column
        conn.execute("ALTER TABLE events DROP COLUMN factuality_cue")
        conn.execute("DELETE FROM schema_version WHERE version = 5")
    store = Store(fresh_db)
    assert store.migrate() == len(MIGRATIONS)
    with sqlite3.connect(fresh_db) as conn:
        assert conn.execute("SELECT count(*), count(factuality_cue) FROM events").fetchone() == (1, 0)
    doc = _doc_with_cue("c2", "Another article, whose event keeps its cue.")
    store.save(doc)
    with sqlite3.connect(fresh_db) as conn:
        assert conn.execute("SELECT factuality_cue FROM events WHERE article_id = ?", (doc.article.id,)).fetchone() == ("due to",)
    assert next(store.query_events(factuality="planned"))["evidence"]["cue"]["text"] == "due to"


def _doc_with_cue(article_id: str, text: str = "Minsk.") -> Document:
    """An article whose one event is planned, with the cue "due to"."""
    sentence = "Talks are due to resume in Minsk."
    return Document(article=Article(id=article_id, text=text + " " + sentence), events=[Event(
        id=article_id + "-e", type="CONSULT", factuality="planned",
        evidence=Evidence(sentence=sentence, start=len(text) + 1, end=len(text) + 1 + len(sentence),
                          cue=Span(start=len(text) + 11, end=len(text) + 17, text="due to")))])


def test_saving_twice_stores_once(store_url):
    store = Store(store_url)
    assert store.save(make_doc()) is True
    assert store.save(make_doc()) is False
    assert store.counts() == {"articles": 1, "raw_inputs": 1, "events": 1, "participants": 2, "failures": 0}
    assert Store(store_url).counts()["articles"] == 1  # reopening keeps everything


def test_a_failed_write_leaves_nothing_behind(store_url):
    store = Store(store_url)
    doc = make_doc(events=2)
    doc.events[1].id = doc.events[0].id  # the second insert violates the primary key mid-transaction
    with pytest.raises(Exception):
        store.save(doc)
    assert store.counts() == {"articles": 0, "raw_inputs": 0, "events": 0, "participants": 0, "failures": 0}


def test_raw_input_is_kept_for_recoding(store_url):
    store = Store(store_url)
    doc = make_doc()
    store.save(doc)
    assert store.raw(doc.article.id) == doc.article.text.encode()
    assert store.has_raw(doc.raw.sha256)
    assert store.article(doc.article.id).events[0].type == "COERCE"


def test_failures_are_recorded_once_per_input(store_url):
    store = Store(store_url)
    store.record_failure("bad.png", "[E102] a PNG image")
    store.record_failure("bad.png", "[E102] a PNG image")
    [row] = store.failures()
    assert (row["origin"], row["attempts"]) == ("bad.png", 2)
    doc = make_doc(origin="bad.png")  # the input was fixed and now succeeds
    store.save(doc)
    assert store.failures() == []


@pytest.mark.parametrize(
    "filters, count",
    [({}, 2), ({"type": "coerce"}, 2), ({"type": "ASSAULT"}, 0), ({"country": "BLR"}, 2), ({"country": "USA"}, 0),
     ({"since": "2020-08-16", "until": "2020-08-16"}, 2), ({"since": "2020-08-17"}, 0), ({"factuality": "asserted"}, 2),
     ({"q": "Minsk"}, 1), ({"q": "protesters"}, 2), ({"q": "Vienna"}, 0)],
)
def test_query_filters(store_url, filters, count):
    store = Store(store_url)
    store.save(make_doc())
    store.save(make_doc("Police detained protesters in Grodno.", origin="b.txt"))
    rows = list(store.query_events(**filters))
    assert len(rows) == count
    assert all(r["article"]["title"] == "T" for r in rows)


def test_bad_search_syntax_is_a_clear_error(fresh_db):
    store = Store(fresh_db)
    store.save(make_doc())
    with pytest.raises(StoreError, match="not valid SQLite FTS5 syntax"):
        list(store.query_events(q='"unbalanced', fts=True))
    assert store.search("Minsk")[0]["snippet"].count("[Minsk]") == 1


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store(path)


@pytest.mark.parametrize("filters", [{}, {"type": "ASSAULT"}, {"country": "RUS", "sort": "-confidence"}, {"since": "2024-03", "sort": "date"},
                                     {"q": "talks", "sort": "confidence"}])
def test_pages_as_json_text_equal_the_decoded_pages(store_url, filters):
    from dateline.query import EventQuery

    from .test_columns import _articles

    store = Store(store_url)
    for doc in _articles(5, 30, "j"):
        store.save(doc)
    cursor = None
    while True:
        query = EventQuery.parse(**filters, limit=4, cursor=cursor)
        texts, cursor = store.find_events_json(query)
        page = store.find_events(query)
        assert [json.loads(t) for t in texts] == page.events and cursor == page.next_cursor
        if not cursor:
            break
