"""SQLite and PostgreSQL stores agree: the demo corpus ingested into each gives the same rows, the same
answer to every filter, the same search hits and byte-identical exports."""
from __future__ import annotations

import io
import itertools

import pytest

from dateline import exports
from dateline.ingest import ingest
from dateline.query import EventQuery
from dateline.store import Store

from .conftest import CORPUS, SAMPLE

SEARCHES = ["president", "Komsomolsk-on-Amur", "Russia's", '"prime minister"', "police protesters", "sanctions", "nuclear weapons",
            "Trump's", "U.S.", "co-operation", "Kim Jong Un", '"United Nations" Security', "zzzqqq"]


@pytest.fixture(scope="module")
def stores(pipeline_all, pg_server, tmp_path_factory):
    """Half the demo corpus (the sample and 24 records, to keep the suite quick) ingested, with every event the
    rules code, into a SQLite and a PostgreSQL store."""
    folder = tmp_path_factory.mktemp("backends")
    records = folder / "demo-half.jsonl"
    records.write_text("".join((CORPUS / "demo.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[:24]), encoding="utf-8")
    pair = {"sqlite": Store(folder / "demo.db"), "postgresql": Store(pg_server.new_store_url())}
    reports = {name: ingest([str(SAMPLE), str(records)], pipeline_all, store).as_dict() for name, store in pair.items()}
    assert reports["sqlite"] == reports["postgresql"] and reports["sqlite"]["stored"] == 25
    return pair


def every_filter(store: Store) -> list[dict]:
    """Filters built from what the store holds: each type, mode, factuality, sector and country, dates, a box, search."""
    events = list(store.query_events())
    values = lambda key: sorted({e[key] for e in events if e.get(key)})  # noqa: E731
    countries = sorted({a["country"] for e in events for a in e["actors"] + e["recipients"] if a.get("country")})
    sectors = sorted({a["sector"] for e in events for a in e["actors"] + e["recipients"] if a.get("sector")})
    dates = sorted(e["date"]["value"] for e in events if (e.get("date") or {}).get("value"))
    mid = dates[len(dates) // 2]
    return ([{"type": t} for t in values("type")] + [{"mode": m} for m in values("mode")] + [{"factuality": f} for f in values("factuality")]
            + [{"sector": s} for s in sectors] + [{"country": c} for c in countries] + [{"actor_country": c} for c in countries]
            + [{"recipient_country": c} for c in countries]
            + [{"since": mid}, {"until": mid}, {"since": mid[:4], "until": mid[:4]}, {"since": dates[0][:7], "until": mid[:7]}]
            + [{"bbox": "-30,20,60,75"}, {"bbox": "100,-50,-100,60"}, {"min_confidence": 0.3}, {"min_confidence": 0.6}]
            + [{"q": q} for q in SEARCHES] + [{"q": "president", "type": "CONSULT,REQUEST", "since": "2010"}]
            + [{"limit": 7, "offset": 30}, {"limit": 1000}])


def test_same_rows(stores):
    assert stores["sqlite"].counts() == stores["postgresql"].counts()
    assert stores["sqlite"].counts()["events"] > 80


def test_every_filter_gives_the_same_events_in_the_same_order(stores):
    filters = every_filter(stores["sqlite"])
    answered = 0
    for f in filters:
        query = EventQuery.parse(**f)
        ids = {name: [e["id"] for e in store.iter_events(query)] for name, store in stores.items()}
        assert ids["sqlite"] == ids["postgresql"], f
        answered += bool(ids["sqlite"])
    assert len(filters) > 60 and answered > 0.8 * len(filters)  # most filters find something, so agreement means something


def test_cursor_pages_agree(stores):
    pages = {}
    for name, store in stores.items():
        seen, cursor = [], None
        for _ in itertools.count():
            page = store.find_events(EventQuery.parse(limit=15, cursor=cursor, min_confidence=0.1))
            seen.append([e["id"] for e in page.events])
            cursor = page.next_cursor
            if not cursor:
                break
        pages[name] = seen
    assert pages["sqlite"] == pages["postgresql"] and len(pages["sqlite"]) > 2


@pytest.mark.parametrize("q", SEARCHES)
def test_search_finds_the_same_articles(stores, q):
    found = {name: {hit["id"] for hit in store.search(q, limit=100)} for name, store in stores.items()}
    assert found["sqlite"] == found["postgresql"]


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_exports_are_identical(stores, fmt):
    out = {}
    for name, store in stores.items():
        buffer = io.BytesIO() if exports.REGISTRY[fmt].binary else io.StringIO()
        assert exports.write(store.iter_events(EventQuery()), fmt, buffer) > 0
        out[name] = buffer.getvalue()
    assert out["sqlite"] == out["postgresql"]
