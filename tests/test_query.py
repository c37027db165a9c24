"""The query layer: filters validated from what users type, run the same on SQLite and PostgreSQL, and the
`dateline events` command that uses them."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from dateline.errors import QueryError, StoreError
from dateline.models import Article, Document, Event, EventActor, EventDate, EventLocation, Evidence, Published
from dateline.query import MAX_LIMIT, EventQuery, search_terms
from dateline.sources import RawInput
from dateline.store import Store

from .test_cli import run


def article(key: str, text: str, events: list[dict]) -> Document:
    """A stored-to-be article whose events are given as a few fields each."""
    raw = RawInput(data=text.encode(), origin=f"{key}.txt")
    doc = raw.document()
    doc.article = Article(id=f"art-{key}", text=text, title=f"Title {key}", origin=raw.origin, raw_sha256=raw.sha256,
                          published=Published(value="2024-05-24", precision="day", source="caller"))
    for i, spec in enumerate(events):
        loc = spec.get("location")
        doc.events.append(Event(
            id=f"{key}{i}", type=spec["type"], mode=spec.get("mode"), factuality=spec.get("factuality", "asserted"),
            confidence=spec.get("confidence", 0.5),
            actors=[EventActor(text=n, country=c, sector=s) for n, c, s in spec.get("actors", [])],
            recipients=[EventActor(text=n, country=c, sector=s) for n, c, s in spec.get("recipients", [])],
            location=EventLocation(name=loc[0], lat=loc[1], lon=loc[2], country=loc[3]) if loc else None,
            date=EventDate(value=spec.get("date"), precision="day"), evidence=Evidence(sentence=text, start=0, end=len(text)),
        ))
    return doc


CORPUS = [
    article("minsk", "Police arrested protesters in Minsk on Sunday.", [
        {"type": "COERCE", "mode": "arrest", "confidence": 0.8, "date": "2020-08-16", "location": ("Minsk", 53.9, 27.57, "BY"),
         "actors": [("Police", "BLR", "COP")], "recipients": [("protesters", "BLR", "CVL")]}]),
    article("kim", "Kim Jong Un toured a plant in Komsomolsk-on-Amur, Russia's far east, and met \"the Russian side\".", [
        {"type": "CONSULT", "mode": "visit", "factuality": "reported", "confidence": 0.3, "date": "2023-09",
         "location": ("Komsomolsk-on-Amur", 50.55, 137.0, "RU"), "actors": [("Kim Jong Un", "PRK", "GOV")],
         "recipients": [("Vladimir Putin", "RUS", "GOV")]},
        {"type": "AGREE", "factuality": "speculated", "confidence": 0.2, "actors": [("Kim Jong Un", "PRK", "GOV")],
         "recipients": [("Russia", "RUS", None)]}]),
    article("strike", "A U.S. drone strike in Baghdad killed Qassem Soleimani.", [
        {"type": "ASSAULT", "mode": "drone", "confidence": 0.6, "date": "2020-01-03", "location": ("Baghdad", 33.34, 44.4, "IQ"),
         "actors": [("U.S. forces", "USA", "MIL")], "recipients": [("Qassem Soleimani", "IRN", "MIL")]}]),
    article("fiji", "Fiji's government and the United Nations agreed on cyclone aid in Suva in 2019.", [
        {"type": "AID", "confidence": 0.45, "date": "2019", "location": ("Suva", -18.14, 178.44, "FJ"),
         "actors": [("the United Nations", "UNO", "IGO")], "recipients": [("Fiji's government", "FJI", "GOV")]}]),
    article("samoa", "Samoan police detained a smuggler in Apia on 2 July 2020.", [
        {"type": "COERCE", "mode": "detain", "confidence": 0.7, "date": "2020-07-02", "location": ("Apia", -13.83, -171.76, "WS"),
         "actors": [("Samoan police", "WSM", "COP")], "recipients": [("a smuggler", None, "CRM")]}]),
]
ALL = ["kim0", "minsk0", "samoa0", "strike0", "fiji0", "kim1"]  # newest first, undated last


@pytest.fixture
def corpus_store(store_url):
    store = Store(store_url)
    for doc in CORPUS:
        store.save(doc)
    return store


def ids(store: Store, **filters) -> list[str]:
    return [e["id"] for e in store.query_events(**filters)]


@pytest.mark.parametrize("filters, expected", [
    ({}, ALL),
    ({"type": "coerce"}, ["minsk0", "samoa0"]),
    ({"type": "CONSULT,agree"}, ["kim0", "kim1"]),
    ({"type": ["AID", "ASSAULT"]}, ["strike0", "fiji0"]),
    ({"mode": "visit"}, ["kim0"]),
    ({"type": "COERCE", "mode": "detain"}, ["samoa0"]),
    ({"factuality": "speculated,reported"}, ["kim0", "kim1"]),
    ({"country": "US"}, ["strike0"]),
    ({"country": "USA"}, ["strike0"]),
    ({"country": "united states"}, ["strike0"]),
    ({"country": "Iraq"}, ["strike0"]),  # the location's country only
    ({"country": "RU"}, ["kim0", "kim1"]),
    ({"country": "UNO"}, ["fiji0"]),
    ({"actor_country": "North Korea"}, ["kim0", "kim1"]),
    ({"recipient_country": "PRK"}, []),
    ({"recipient_country": "IRN"}, ["strike0"]),
    ({"sector": "MIL"}, ["strike0"]),
    ({"sector": "crm,IGO"}, ["samoa0", "fiji0"]),
    ({"since": "2020-07-01"}, ["kim0", "minsk0", "samoa0"]),
    ({"since": "2020-07-01", "until": "2020-07-31"}, ["samoa0"]),
    ({"since": "2020-07", "until": "2020-07"}, ["samoa0"]),
    ({"since": "2023-09-15"}, ["kim0"]),  # a month-precise date overlaps a day in it
    ({"until": "2019-06-30"}, ["fiji0"]),
    ({"since": "2019-06", "until": "2020-01"}, ["strike0", "fiji0"]),
    ({"until": "2020"}, ["minsk0", "samoa0", "strike0", "fiji0"]),
    ({"since": "2020-08-16T00:00:00Z"}, ["kim0", "minsk0"]),
    ({"bbox": "20,40,50,60"}, ["minsk0"]),
    ({"bbox": "170,-20,-170,-10"}, ["samoa0", "fiji0"]),  # across the antimeridian
    ({"bbox": [-180, -90, 180, 90]}, ALL[:5]),
    ({"min_confidence": 0.6}, ["minsk0", "samoa0", "strike0"]),
    ({"min_confidence": "0.45", "type": "AID"}, ["fiji0"]),
    ({"q": "Minsk"}, ["minsk0"]),
    ({"q": "Komsomolsk-on-Amur"}, ["kim0", "kim1"]),
    ({"q": "Russia's"}, ["kim0", "kim1"]),
    ({"q": '"the Russian side"'}, ["kim0", "kim1"]),
    ({"q": '"Russian side'}, ["kim0", "kim1"]),  # an unbalanced quote is text
    ({"q": "drone Baghdad"}, ["strike0"]),
    ({"q": "drone Minsk"}, []),
    ({"q": '"side Russian"'}, []),  # a quoted phrase keeps its order
    ({"q": "police", "country": "WSM"}, ["samoa0"]),
    ({"q": "drone OR Minsk", "fts": False}, []),  # OR is a word here, not an operator
    ({"limit": 2}, ALL[:2]),
    ({"limit": 2, "offset": 3}, ALL[3:5]),
    ({"limit": MAX_LIMIT * 10}, ALL),
])
def test_each_filter(corpus_store, filters, expected):
    assert ids(corpus_store, **filters) == expected


def test_rows_carry_their_article(corpus_store):
    [row] = corpus_store.query_events(country="BLR")
    assert row["article"] == {"id": "art-minsk", "url": None, "title": "Title minsk", "published": "2024-05-24"}
    assert row["confidence"] == 0.8 and row["location"]["name"] == "Minsk"


def test_cursor_pages_through_every_event_once(corpus_store):
    seen, cursor = [], None
    for _ in range(10):
        page = corpus_store.find_events(EventQuery.parse(limit=2, cursor=cursor))
        seen += [e["id"] for e in page.events]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == ALL
    filtered = corpus_store.find_events(EventQuery.parse(limit=1, type="COERCE"))
    assert [e["id"] for e in filtered.events] == ["minsk0"]
    assert [e["id"] for e in corpus_store.find_events(EventQuery.parse(limit=5, type="COERCE", cursor=filtered.next_cursor)).events] == ["samoa0"]


def test_raw_search_syntax(corpus_store):
    assert ids(corpus_store, q="drone OR Minsk" if corpus_store.engine.dialect.name == "sqlite" else "drone | minsk", fts=True) == ["minsk0", "strike0"]
    with pytest.raises(QueryError, match="is not valid .* syntax") as err:
        ids(corpus_store, q="(Russia " + "x" * 500, fts=True)
    assert len(str(err.value)) < 300 and "x" * 100 not in str(err.value)


def test_search_articles_with_snippets(corpus_store):
    [hit] = corpus_store.search("Komsomolsk-on-Amur")
    assert hit["id"] == "art-kim" and "[Komsomolsk" in hit["snippet"]
    assert [h["id"] for h in corpus_store.search("police")] and corpus_store.search("Vienna") == []


def test_reading_refuses_a_store_that_does_not_exist(tmp_path):
    with pytest.raises(StoreError, match="no store at .*typo.db"):
        Store(tmp_path / "typo.db", create=False)
    assert not (tmp_path / "typo.db").exists()
    (tmp_path / "empty.db").touch()  # an empty file is a damaged store, never taken for a new one (issue #11)
    with pytest.raises(StoreError, match=r"empty file \(0 bytes\), not a Dateline store"):
        Store(tmp_path / "empty.db", create=False)
    Store(tmp_path / "made.db")
    assert Store(tmp_path / "made.db", create=False).counts()["events"] == 0


def test_postgres_without_its_driver_is_one_clear_line(tmp_path):
    """psycopg hidden from the import system, as on an install without the postgres extra."""
    code = ("import sys\nclass Hide:\n    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] == 'psycopg': raise ModuleNotFoundError(\"No module named 'psycopg'\", name='psycopg')\n"
            "sys.meta_path.insert(0, Hide())\nsys.argv = ['dateline', 'events', '--db', 'postgresql://u:secret@localhost/x']\n"
            "from dateline.cli import main\nmain()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "needs the psycopg driver" in result.stderr and "pip install 'dateline[postgres]'" in result.stderr
    assert "secret" not in result.stderr


def test_an_unreachable_postgres_server_is_one_clear_line(tmp_path):
    with pytest.raises(StoreError, match="cannot connect to the store") as err:
        Store(f"postgresql://dateline:secret@/x?host={tmp_path}&port=1", create=False)
    assert "secret" not in str(err.value)


# What users type: validation without a store --------------------------------------------------------

@pytest.mark.parametrize("typed, code", [("US", "USA"), ("us", "USA"), ("USA", "USA"), ("United States", "USA"), ("Russia", "RUS"),
                                         ("RU", "RUS"), ("north  korea", "PRK"), ("DE", "DEU"), ("Germany", "DEU"), ("UNO", "UNO"),
                                         ("nato", "NATO"), ("Côte d'Ivoire", "CIV")])
def test_countries_are_normalised(typed, code):
    assert EventQuery.parse(country=typed).country == code
    assert EventQuery.parse(actor_country=typed).actor_country == code


@pytest.mark.parametrize("filters, message", [
    ({"country": "XX"}, r"country: 'XX' is not a known country .*; closest valid codes: XKX \(Kosovo\)"),
    ({"country": "ZZZ"}, r"country: 'ZZZ' is not a known .*closest valid codes: Z"),
    ({"recipient_country": "Atlantis"}, r"recipient_country: 'Atlantis' is not a known .*closest valid codes"),
    ({"type": "FOO"}, r"type: 'FOO' is not a PLOVER type; valid: AGREE, CONSULT"),
    ({"type": "CONSLUT"}, r"type: 'CONSLUT' is not a PLOVER type; closest: CONSULT"),
    ({"mode": "vist"}, r"mode: 'vist' is not a PLOVER mode; closest: visit"),
    ({"type": "ASSAULT", "mode": "visit"}, r"mode: 'visit' is not a mode of ASSAULT; its modes: firearms"),
    ({"factuality": "certain"}, r"factuality: 'certain' is not a PLOVER factuality value"),
    ({"sector": "ARMY"}, r"sector: 'ARMY' is not a PLOVER sector"),
    ({"since": "2020/07/01"}, r"since: '2020/07/01' is not an ISO 8601 date; write YYYY-MM-DD, YYYY-MM or YYYY \(e.g. 2020-07-01\)"),
    ({"until": "July 2020"}, r"until: 'July 2020' is not an ISO 8601 date"),
    ({"since": "2020-13"}, r"since: '2020-13' is not a valid date \(month must be in 1..12\)"),
    ({"since": "2021-02-29"}, r"since: '2021-02-29' is not a valid date"),
    ({"since": "2021", "until": "2020"}, r"since 2021-01-01 is after until 2020-12-31; swap them"),
    ({"limit": 0}, r"limit: 0 is not a limit; give 1 or more"),
    ({"limit": -1}, r"limit: -1 is not a limit"),
    ({"limit": "ten"}, r"limit: 'ten' is not a whole number"),
    ({"offset": -3}, r"offset: -3: input should be greater than or equal to 0"),
    ({"min_confidence": 1.5}, r"min_confidence: 1.5: input should be less than or equal to 1"),
    ({"bbox": "1,2,3"}, r"bbox: '1,2,3' is not four numbers"),
    ({"bbox": "0,50,10,40"}, r"min_lat <= max_lat"),
    ({"bbox": "0,0,200,10"}, r"longitudes must lie in -180..180"),
    ({"q": "?!"}, r"q: search text '\?!' has no words to search for"),
    ({"cursor": "not-a-cursor"}, r"cursor: 'not-a-cursor' is not a cursor this store returned"),
    ({"cursor": "WyIyMDIwIiwiYSJd", "offset": 2}, r"offset and cursor: give one, not both"),
    ({"colour": "red"}, r"colour: unknown filter; valid filters are: type, mode"),
])
def test_invalid_filters_are_one_line_errors(filters, message):
    with pytest.raises(QueryError, match=message) as err:
        EventQuery.parse(**filters)
    assert "\n" not in str(err.value) and str(err.value).startswith("[E410] ")


def test_a_huge_query_is_cut_in_its_error():
    with pytest.raises(QueryError) as err:
        EventQuery.parse(q="word " * 10_000)
    assert "at most 1,000" in str(err.value) and len(str(err.value)) < 200


def test_dates_are_read_as_dates():
    query = EventQuery.parse(since="2020-02", until="2020-02")
    assert (query.since, query.until) == (date(2020, 2, 1), date(2020, 2, 29))
    assert EventQuery.parse(until="2019").until == date(2019, 12, 31)
    assert EventQuery.parse(limit=MAX_LIMIT + 1).limit is None and EventQuery.parse(limit="25").limit == 25


@pytest.mark.parametrize("typed, terms", [
    ("Komsomolsk-on-Amur", ["Komsomolsk-on-Amur"]), ("Russia's jets", ["Russia's", "jets"]),
    ('"arms deal" Kim', ["arms deal", "Kim"]), ('“arms  deal”', ["arms deal"]), ('say "hi', ["say", "hi"]),
    ("NOT AND OR", ["NOT", "AND", "OR"]), ("* - ()", []), ('a"b', ['a"b']),
])
def test_search_terms_are_text(typed, terms):
    assert search_terms(typed) == terms


# The command ----------------------------------------------------------------------------------------

@pytest.fixture
def corpus_db(tmp_path):
    db = tmp_path / "c.db"
    store = Store(db)
    for doc in CORPUS:
        store.save(doc)
    return db


def listed(result) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line)["id"] for line in result.stdout.splitlines()]


@pytest.mark.parametrize("args, expected", [
    (["--country", "US"], ["strike0"]),
    (["--country", "ws"], ["samoa0"]),
    (["--since", "2020-07-01", "--until", "2020-07"], ["samoa0"]),
    (["--min-confidence", "0.6", "--type", "COERCE"], ["minsk0", "samoa0"]),
    (["--q", "Komsomolsk-on-Amur", "--sector", "GOV"], ["kim0", "kim1"]),
    (["--q", "Russia's"], ["kim0", "kim1"]),
    (["--limit", "99999999999999999999999"], ALL),
    (["--bbox", "170,-20,-170,-10", "--offset", "1"], ["fiji0"]),
])
def test_events_command_filters(corpus_db, args, expected):
    assert listed(run("events", "--db", corpus_db, *args)) == expected


def test_events_command_global_min_confidence_filters_too(corpus_db):
    assert listed(run("--min-confidence", "0.7", "events", "--db", corpus_db)) == ["minsk0", "samoa0"]


@pytest.mark.parametrize("args, message", [
    (["--country", "XX"], "country: 'XX' is not a known country or organisation code; closest valid codes: XKX"),
    (["--country", "ZZZ"], "country: 'ZZZ' is not a known country or organisation code; closest valid codes:"),
    (["--type", "FOO"], "type: 'FOO' is not a PLOVER type"),
    (["--since", "2020/07/01"], "since: '2020/07/01' is not an ISO 8601 date"),
    (["--limit", "0"], "limit: 0 is not a limit"),
    (["--limit", "-1"], "limit: -1 is not a limit"),
    (["--q", "(Russia", "--fts"], "q: '(Russia' is not valid SQLite FTS5 syntax"),
])
def test_events_command_refuses_bad_filters(corpus_db, args, message):
    result = run("events", "--db", corpus_db, *args)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(f"dateline: error: [E410] {message}") and result.stderr.count("\n") == 1


def test_events_command_refuses_a_missing_store(tmp_path):
    result = run("events", "--db", "typo.db", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == "" and "no store at typo.db" in result.stderr
    assert not (tmp_path / "typo.db").exists()


def test_events_command_prints_the_next_cursor(corpus_db):
    first = run("events", "--db", corpus_db, "--limit", "4")
    assert listed(first) == ALL[:4]
    cursor = first.stderr.strip().rsplit(" ", 1)[1]
    assert first.stderr.startswith("more events: continue with --cursor ")
    last = run("events", "--db", corpus_db, "--limit", "4", "--cursor", cursor)
    assert listed(last) == ALL[4:] and last.stderr == ""


def test_text_with_nul_characters_is_stored_on_both_backends(store_url):
    """JSON Lines input can carry \\u0000; PostgreSQL text cannot hold it, so it becomes U+FFFD there."""
    store = Store(store_url)
    doc = article("nul", "Police arrested protesters in Minsk.\x00 Later they were freed.", [{"type": "COERCE", "actors": [("Police", "BLR", "COP")]}])
    assert store.save(doc) is True
    [row] = store.query_events(q="Minsk")
    assert row["evidence"]["sentence"] == doc.article.text
    assert store.article("art-nul").article.text == doc.article.text


def test_reading_refuses_a_location_without_a_store_on_both_backends(store_url):
    with pytest.raises(StoreError, match="no store at|holds no Dateline store"):
        Store(store_url, create=False)
    Store(store_url).save(CORPUS[0])
    assert [e["id"] for e in Store(store_url, create=False).query_events()] == ["minsk0"]
