"""The in-memory counts (columns.EventColumns) against their SQL definition (browse.stats), on SQLite and PostgreSQL,
for many sets of filters, before and after more articles are stored."""
from __future__ import annotations

import json
import random

import pytest

from dateline import browse
from dateline.columns import EventColumns
from dateline.models import Article, Document, Event, EventActor, EventDate, EventLocation, Evidence, Published
from dateline.query import EventQuery
from dateline.store import Store

TYPES = [("ASSAULT", "firearms", 4), ("PROTEST", "demo", 3), ("CONSULT", "visit", 1), ("AID", None, 2), ("COERCE", "arrest", None)]
FACTS = ["asserted", "reported", "planned", "negated"]
COUNTRIES = ["RUS", "UKR", "USA", "CHN", "FRA", None]
SECTORS = ["GOV", "MIL", "CVL", None]
PLACES = [("Kyiv", 50.45, 30.52, "UA"), ("Moscow", 55.75, 37.62, "RU"), ("Fiji", -17.7, 179.9, "FJ"), ("Suva", -18.1, -179.5, "FJ"),
          (None, 10.0, 10.0, None), ("Paris", 48.86, 2.35, "FR")]
DATES = ["2024-03-05", "2024-03-06", "2024-03", "2024", "2025-01-31", "2025-02-01", "2025-02", None, "2023-12-31"]
WORDS = ["ceasefire", "talks", "sanctions", "grain", "drone"]


def _articles(seed: int, count: int, prefix: str) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for a in range(count):
        words = " ".join(rng.sample(WORDS, 2))
        text = f"Report {prefix}{a} on {words}."
        events = []
        for k in range(rng.randint(0, 4)):
            etype, mode, quad = rng.choice(TYPES)
            place = rng.choice(PLACES + [None])
            date = rng.choice(DATES)

            def people(n):
                return [EventActor(text=f"p{i}", country=rng.choice(COUNTRIES), sector=rng.choice(SECTORS)) for i in range(n)]

            events.append(Event(
                id=f"{prefix}{a}-{k}", type=etype, mode=mode, quad_class=quad, factuality=rng.choice(FACTS),
                confidence=rng.choice([0.2, 0.5, 0.8, 0.95]), actors=people(rng.randint(0, 2)), recipients=people(rng.randint(0, 2)),
                location=EventLocation(name=place[0] or "", lat=place[1], lon=place[2], country=place[3]) if place else None,
                date=EventDate(value=date, precision="day" if date and len(date) == 10 else "unknown") if date else None,
                evidence=Evidence(sentence=text, start=0, end=len(text))))
        docs.append(Document(article=Article(id=f"{prefix}{a}", text=text, title=f"T{a}",
                                             published=Published(value="2025-01-01", precision="day", source="caller")), events=events))
    return docs


def _queries(seed: int, count: int) -> list[dict]:
    """Varied sets of filters: every filter alone and random combinations of two or three."""
    single = [{}, {"type": "ASSAULT"}, {"type": "PROTEST,AID"}, {"mode": "visit"}, {"factuality": "reported"}, {"country": "RUS"},
              {"country": "UKR"}, {"country": "FRA"}, {"actor_country": "USA"}, {"recipient_country": "CHN"}, {"sector": "MIL"},
              {"sector": "GOV,CVL"}, {"since": "2024-03-06"}, {"since": "2025-02"}, {"until": "2024-03"}, {"since": "2024", "until": "2024-12-31"},
              {"bbox": "20,40,45,60"}, {"bbox": "170,-30,-170,0"}, {"min_confidence": "0.5"}, {"q": "ceasefire"}, {"q": "grain drone"},
              {"country": "JPN"}, {"type": "MOBILIZE"}]
    rng = random.Random(seed)
    combos = []
    while len(combos) < count:
        combo = {}
        for part in rng.sample(single[1:], rng.randint(2, 3)):
            combo.update(part)
        try:
            EventQuery.parse(**combo)
        except Exception:
            continue  # e.g. since after until
        combos.append(combo)
    return single + combos


def _same(store: Store, columns: EventColumns, queries: list[dict]) -> None:
    for given in queries:
        query = EventQuery.parse(**given)
        expected = browse.stats(store, query, top=5)
        assert columns.stats(query, top=5) == expected == json.loads(columns.stats_json(query, top=5)), given


def test_counts_from_the_columns_equal_the_sql_counts(store_url):
    store = Store(store_url)
    for doc in _articles(1, 40, "a"):
        store.save(doc)
    columns = EventColumns(store)
    queries = _queries(2, 40)
    _same(store, columns, queries)
    for doc in _articles(3, 15, "b") + _articles(1, 5, "a"):  # more articles, and some stored again (kept once)
        store.save(doc)
    _same(store, columns, queries)
    _same(store, EventColumns(store), queries[:10])  # a fresh copy reads the same store whole


def test_an_empty_store_counts_nothing(fresh_db):
    answer = EventColumns(Store(fresh_db)).stats(EventQuery.parse(country="RUS"))
    assert answer == {"total": 0, "articles": 0, "by_day": [], "by_type": [], "by_quad_class": [], "by_country_pair": [], "by_place": []}


def test_a_bad_raw_search_is_a_query_error(fresh_db):
    from dateline.errors import QueryError

    with pytest.raises(QueryError, match="not valid SQLite FTS5 syntax"):
        EventColumns(Store(fresh_db)).stats(EventQuery.parse(q='"unbalanced', fts=True))


def _walk(store: Store, columns: EventColumns, given: dict, sort: str) -> int:
    """Walk every page of `given` in `sort` order both ways; returns how many events were seen."""
    cursor, seen = None, 0
    while True:
        query = EventQuery.parse(**given, sort=sort, limit=7, cursor=cursor)
        ids = columns.page(query)
        assert ids == [e["id"] for e in store._run(query, extra=1)], (given, sort, cursor)
        texts, cursor = store.find_events_json(query, page=ids)
        assert (texts, cursor) == store.find_events_json(query)
        seen += len(texts)
        if not cursor:
            return seen


@pytest.mark.parametrize("sort", ["-date", "date", "-confidence", "confidence"])
def test_pages_from_the_columns_equal_the_sql_pages(store_url, sort):
    store = Store(store_url)
    for doc in _articles(1, 40, "a"):
        store.save(doc)
    columns = EventColumns(store)
    queries = _queries(4, 8)
    assert sum(_walk(store, columns, given, sort) for given in queries) > 500
    for doc in _articles(6, 10, "c"):  # more articles: their events come after the others in the copy, not in date order
        store.save(doc)
    for given in queries[:8]:
        _walk(store, columns, given, sort)


def test_a_page_the_columns_cannot_tell_is_left_to_sql(fresh_db):
    store = Store(fresh_db)
    for doc in _articles(1, 10, "a"):
        store.save(doc)
    columns = EventColumns(store)
    from dateline.query import encode_cursor

    assert columns.page(EventQuery.parse(offset=3, limit=2)) is None
    assert columns.page(EventQuery.parse(limit=2, cursor=encode_cursor({"id": "no-such-event", "date": {"value": "2024"}}))) is None


@pytest.mark.parametrize("limit", [1, 3, 20])
def test_pages_walked_in_order_or_narrowed_equal_the_sql_pages(fresh_db, limit, monkeypatch):
    """Short pages of common filters are found by walking the sort order (falling back when the filters go with
    the order, as a late `since` read in date order); rare ones from the narrowest filter's events: both as SQL pages."""
    store = Store(fresh_db)
    for doc in _articles(1, 60, "a"):
        store.save(doc)
    columns = EventColumns(store)
    narrowed = []
    real = EventColumns._narrowed
    monkeypatch.setattr(EventColumns, "_narrowed", staticmethod(lambda filters: narrowed.append(1) or real(filters)))
    pages = 0
    for given in _queries(5, 20):
        for sort in ("-date", "date", "-confidence", "confidence"):
            query = EventQuery.parse(**given, sort=sort, limit=limit)
            assert columns.page(query) == [e["id"] for e in store._run(query, extra=1)], (given, sort)
            pages += 1
    assert 0 < len(narrowed) < pages  # both ways were taken


@pytest.mark.parametrize("top", [1, 2, 3, 50])
def test_the_top_places_and_pairs_keep_ties_in_order(fresh_db, top):
    store = Store(fresh_db)
    for doc in _articles(7, 30, "a"):
        store.save(doc)
    columns = EventColumns(store)
    for given in [{}, {"type": "ASSAULT"}, {"country": "RUS"}, {"q": "talks"}]:
        query = EventQuery.parse(**given)
        assert columns.stats(query, top=top) == browse.stats(store, query, top=top), given


def test_search_terms_kept_within_their_memory_and_never_stale(fresh_db, monkeypatch):
    """With room for one search term's articles, answers stay exact; after new articles, a term searches again."""
    import dateline.columns

    monkeypatch.setattr(dateline.columns, "TERM_MEMORY", 1)
    store = Store(fresh_db)
    for doc in _articles(8, 30, "a"):
        store.save(doc)
    columns = EventColumns(store)
    queries = [{"q": "ceasefire"}, {"q": "grain drone"}, {"q": "talks", "type": "ASSAULT"}, {"q": "ceasefire"}, {"q": '"grain" OR talks'}]
    for round in range(2):
        for given in queries:
            query = EventQuery.parse(**given, fts='"' in given["q"])
            assert columns.stats(query, top=5) == browse.stats(store, query, top=5), given
        assert sum(1 for key in columns.current().memo if key[0] == "term") == 1
        for doc in _articles(9, 10, "b"):
            store.save(doc)


def test_stale_says_whether_articles_came_since_the_last_load_without_loading(fresh_db):
    store = Store(fresh_db)
    for doc in _articles(10, 5, "a"):
        store.save(doc)
    columns = EventColumns(store)
    assert columns.stale()  # nothing loaded yet
    loaded = len(columns.current().id)
    assert not columns.stale()
    for doc in _articles(11, 3, "b"):
        store.save(doc)
    assert columns.stale() and len(columns.snapshot.id) == loaded  # said so, loaded nothing
    assert len(columns.current().id) > loaded and not columns.stale()
