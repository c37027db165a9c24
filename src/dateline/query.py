"""Queries over stored events: one validated set of filters for the CLI, the HTTP API and the exports.

`EventQuery.parse(**user_values)` turns what a user typed (strings, or lists of strings for the
filters that take several values) into a frozen, normalised query, or raises a one-line `QueryError`
that says which filter is wrong, why, and what would be valid. `Store.find_events(query)` runs it and
returns an `EventPage` (events and a cursor for the next page); `Store.iter_events(query)` streams every
match for exports.

Rules, in the order the filters are listed on `EventQuery`:

- `type`, `mode`, `factuality`, `sector`: one value or several (a list, or comma-separated); any of them
  matches. Each is checked against the PLOVER ontology (data/plover.json), case-insensitively.
- `country`, `actor_country`, `recipient_country`: ISO 3166 alpha-2 or alpha-3 code, a country name
  ("Russia", "North Korea") or an organisation code of the actor knowledge base (UNO, EU, NATO);
  stored as alpha-3. `country` matches an actor, a recipient or the event's location.
- `since`, `until`: ISO 8601 dates or prefixes (2020-07-01, 2020-07, 2020; a time part is ignored).
  An event matches when its date overlaps the range: `since 2020-07-15` keeps an event dated `2020-07`.
  Events without a date are left out of a dated query.
- `bbox`: min_lon,min_lat,max_lon,max_lat (GeoJSON order); min_lon > max_lon crosses the antimeridian.
- `min_confidence`: 0 to 1, compared with the stored (final) confidence.
- `q`: words and "quoted phrases", all of which must occur in the article (title or text); hyphens,
  apostrophes and other punctuation are text, never syntax. `fts=True` passes `q` as raw syntax of the
  backend (SQLite FTS5 MATCH, PostgreSQL to_tsquery).
- `limit`: 1 or more; none means every match; above MAX_LIMIT it reads as none. `offset` skips that many
  matches; `cursor` (from the previous page) continues after it; not both.
Events come newest first (by date, undated last), then by id.
"""
from __future__ import annotations

import base64
import calendar
import binascii
import difflib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import ontology
from .errors import QueryError

MAX_LIMIT = 1_000_000_000  # a larger limit than any store holds reads as "no limit"
MAX_Q_CHARS = 1000
SHOWN_CHARS = 60  # user text echoed in an error is cut to this


def shown(text: Any) -> str:
    """User input as quoted in an error message: text repr'd and cut when long, other values as they print."""
    if not isinstance(text, str):
        return shown(str(text))[1:-1]
    return repr(text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…")


def _values(raw: Any) -> list[str]:
    """One value, a comma-separated string or a list of them → the non-empty values."""
    if raw is None:
        return []
    items = raw if isinstance(raw, (list, tuple, set)) else [raw]
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def _closest(word: str, choices: list[str], n: int = 3) -> list[str]:
    return difflib.get_close_matches(word, choices, n=n, cutoff=0.5)


def _one_of(field_name: str, raw: Any, valid: list[str], upper: bool) -> tuple[str, ...]:
    out = []
    for value in _values(raw):
        norm = value.upper() if upper else value.lower()
        if norm not in valid:
            near = _closest(norm, valid)
            hint = f"closest: {', '.join(near)}" if near else f"valid: {', '.join(valid)}"
            raise ValueError(f"{shown(value)} is not a PLOVER {field_name}; {hint}")
        out.append(norm)
    return tuple(dict.fromkeys(out))


# Countries ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Countries:
    lookup: dict[str, str]  # lower-case code or name -> code as stored (alpha-3 or a KB code)
    names: dict[str, str]  # code -> display name


def _data_lines(name: str) -> list[str]:
    return resources.files("dateline").joinpath("data", name).read_text(encoding="utf-8").splitlines()


@lru_cache(maxsize=1)
def _countries() -> _Countries:
    """Every way a user may name a country or an organisation the actor KB codes with its own code."""
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for c in pycountry.countries:
        names[c.alpha_3] = getattr(c, "common_name", None) or c.name
        codes[c.alpha_3.lower()] = codes[c.alpha_2.lower()] = c.alpha_3
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                by_name.setdefault(getattr(c, attr).lower(), c.alpha_3)
    for line in _data_lines("actors-countries.tsv"):
        cells = line.split("\t")
        if len(cells) == 3 and not line.startswith("#") and cells[1] == "name":
            by_name.setdefault(cells[2].lower(), cells[0])
            names.setdefault(cells[0], cells[2])
    for file in ("actors-organizations.jsonl", "actors-people.jsonl"):
        for line in _data_lines(file):
            if line.strip():
                rec = json.loads(line)
                code = rec.get("country")
                if code and code.lower() not in codes:  # an organisation's own code: UNO, EU, NATO
                    codes[code.lower()] = code
                    names.setdefault(code, rec["name"] if rec.get("kind") == "organization" else code)
    return _Countries(lookup={**by_name, **codes}, names=names)


def country_code(text: str) -> str:
    """The stored code (alpha-3, or a KB organisation code) for a code or name; ValueError naming the closest."""
    table = _countries()
    key = " ".join(text.split()).lower()
    if key in table.lookup:
        return table.lookup[key]
    code_like = re.fullmatch(r"[a-z]{2,3}", key) is not None
    pool = [k for k in table.lookup if (len(k) <= 3) == code_like] or list(table.lookup)
    near = list(dict.fromkeys(table.lookup[k] for k in difflib.get_close_matches(key, pool, n=6, cutoff=0.3)))[:3]
    hint = ("closest valid codes: " + ", ".join(f"{c} ({table.names.get(c, c)})" for c in near)) if near else \
        "give an ISO 3166 code (RUS or RU) or a country name (Russia)"
    raise ValueError(f"{shown(text)} is not a known country or organisation code; {hint}")


def alpha2(code: str) -> str | None:
    """The alpha-2 code of an alpha-3 country (locations are stored with GeoNames' alpha-2 codes)."""
    found = pycountry.countries.get(alpha_3=code)
    return found.alpha_2 if found else ("XK" if code == "XKX" else None)


# Dates --------------------------------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")


def date_range(text: str) -> tuple[date, date]:
    """First and last day of an ISO 8601 date or prefix (2020-07-01, 2020-07, 2020); ValueError otherwise."""
    m = _DATE.fullmatch(text.strip())
    if not m:
        digits = re.findall(r"\d+", text)
        example = "-".join(digits[:3]) if len(digits) == 3 and len(digits[0]) == 4 else "2020-07-01"
        raise ValueError(f"{shown(text)} is not an ISO 8601 date; write YYYY-MM-DD, YYYY-MM or YYYY (e.g. {example})")
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if day:
            first = last = date(year, month, day)
        elif month:
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError as err:
        raise ValueError(f"{shown(text)} is not a valid date ({err})") from None
    return first, last


# Full-text search ---------------------------------------------------------------------------------

_TERM = re.compile(r'["“”]([^"“”]*)["“”]?|(\S+)')


def search_terms(q: str) -> list[str]:
    """The words and "quoted phrases" of a search text, as text: every term must occur; punctuation is no syntax."""
    terms = []
    for m in _TERM.finditer(q):
        term = (m[1] if m[1] is not None else m[2]).strip()
        if re.search(r"\w", term):
            terms.append(" ".join(term.split()))
    return terms


def fts5_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression in which each term is a quoted phrase (its own quotes doubled)."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


# The query ----------------------------------------------------------------------------------------

class EventQuery(BaseModel):
    """Filters over stored events, validated and normalised; build it with `EventQuery.parse(...)`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: tuple[str, ...] = Field((), description="PLOVER event types (any of), e.g. CONSULT,AID.")
    mode: tuple[str, ...] = Field((), description="PLOVER modes (any of), e.g. visit.")
    factuality: tuple[str, ...] = Field((), description="Factuality values (any of): asserted, reported, speculated, planned, hypothetical, negated, historical.")
    country: str | None = Field(None, description="Country of an actor, a recipient or the location: alpha-2, alpha-3 or name.")
    actor_country: str | None = Field(None, description="Country of an actor: alpha-2, alpha-3 or name.")
    recipient_country: str | None = Field(None, description="Country of a recipient: alpha-2, alpha-3 or name.")
    sector: tuple[str, ...] = Field((), description="PLOVER sectors of an actor or recipient (any of), e.g. GOV,MIL.")
    since: date | None = Field(None, description="Events on or after this ISO 8601 date or prefix (2020-07-01, 2020-07, 2020).")
    until: date | None = Field(None, description="Events on or before this ISO 8601 date or prefix.")
    bbox: tuple[float, float, float, float] | None = Field(None, description="Location inside min_lon,min_lat,max_lon,max_lat.")
    min_confidence: float | None = Field(None, ge=0.0, le=1.0, description="Confidence at least this (0 to 1).")
    q: str | None = Field(None, description="Words and \"quoted phrases\" that must all occur in the article.")
    fts: bool = Field(False, description="Read q as raw full-text syntax (SQLite FTS5 or PostgreSQL tsquery).")
    limit: int | None = Field(None, description=f"At most this many events (1 or more; none or above {MAX_LIMIT:,}: all).")
    offset: int = Field(0, ge=0, description="Skip this many matches.")
    cursor: str | None = Field(None, description="Continue after the page that returned this cursor.")

    @classmethod
    def parse(cls, **values: Any) -> "EventQuery":
        """The query for these user values (None and "" mean unset); a QueryError of one line when one is invalid."""
        given = {k: v for k, v in values.items() if v is not None and v != "" and v != () and v != []}
        try:
            return cls(**given)
        except ValidationError as err:
            first = err.errors()[0]
            where = "".join(f"{part}: " for part in first["loc"])  # none for a rule across filters
            message = re.sub(r"^(Value|Assertion) error, ", "", first["msg"])
            if first["type"] == "extra_forbidden":
                message = f"unknown filter; valid filters are: {', '.join(cls.model_fields)}"
            elif first["type"] not in ("value_error", "assertion_error"):
                message = f"{shown(first.get('input'))}: {message[:1].lower()}{message[1:]}"
            raise QueryError(where + message) from None

    @field_validator("type", mode="before")
    @classmethod
    def _type(cls, raw):
        return _one_of("type", raw, ontology.types(), upper=True)

    @field_validator("mode", mode="before")
    @classmethod
    def _mode(cls, raw):
        every = sorted({m for t in ontology.types() for m in ontology.modes(t)})
        return _one_of("mode", raw, every, upper=False)

    @field_validator("factuality", mode="before")
    @classmethod
    def _factuality(cls, raw):
        return _one_of("factuality value", raw, list(ontology.plover()["factuality"]), upper=False)

    @field_validator("sector", mode="before")
    @classmethod
    def _sector(cls, raw):
        return _one_of("sector", raw, list(ontology.plover()["sectors"]), upper=True)

    @field_validator("country", "actor_country", "recipient_country", mode="before")
    @classmethod
    def _country(cls, raw):
        return country_code(str(raw))

    @field_validator("since", mode="before")
    @classmethod
    def _since(cls, raw):
        return raw if isinstance(raw, date) else date_range(str(raw))[0]

    @field_validator("until", mode="before")
    @classmethod
    def _until(cls, raw):
        return raw if isinstance(raw, date) else date_range(str(raw))[1]

    @field_validator("bbox", mode="before")
    @classmethod
    def _bbox(cls, raw):
        parts = _values(raw)
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise ValueError(f"{shown(','.join(parts))} is not four numbers min_lon,min_lat,max_lon,max_lat (e.g. 19.6,43.2,40.3,52.4)") from None
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise ValueError(f"{west},{south},{east},{north}: longitudes must lie in -180..180 and latitudes in -90..90 with min_lat <= max_lat")
        return west, south, east, north

    @field_validator("q", mode="before")
    @classmethod
    def _q(cls, raw):
        text = str(raw).strip()
        if len(text) > MAX_Q_CHARS:
            raise ValueError(f"search text of {len(text):,} characters ({shown(text)}); at most {MAX_Q_CHARS:,}")
        return text or None

    @field_validator("limit", mode="before")
    @classmethod
    def _limit(cls, raw):
        try:
            limit = int(str(raw).strip())
        except ValueError:
            raise ValueError(f"{shown(raw)} is not a whole number; give 1 or more, or no limit for every event") from None
        if limit < 1:
            raise ValueError(f"{limit} is not a limit; give 1 or more, or no limit for every event")
        return None if limit > MAX_LIMIT else limit

    @field_validator("cursor", mode="before")
    @classmethod
    def _cursor(cls, raw):
        decode_cursor(str(raw))
        return str(raw)

    @model_validator(mode="after")
    def _together(self):
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}; swap them")
        if self.cursor and self.offset:
            raise ValueError("offset and cursor: give one, not both")
        if len(self.type) == 1 and self.mode:
            own = ontology.modes(self.type[0])
            wrong = [m for m in self.mode if m not in own]
            if wrong:
                raise ValueError(f"mode: {wrong[0]!r} is not a mode of {self.type[0]}; its modes: {', '.join(own) or 'none'}")
        if self.q and not self.fts and not search_terms(self.q):
            raise ValueError(f"q: search text {shown(self.q)} has no words to search for")
        return self


@dataclass
class EventPage:
    """One page of events (each the stored event with its article's id, url, title and date) and the
    cursor that continues after it (None on the last page)."""

    events: list[dict] = field(default_factory=list)
    next_cursor: str | None = None


def encode_cursor(event: dict) -> str:
    """The cursor that continues after this event (its date and id, as the order sorts them)."""
    key = json.dumps([(event.get("date") or {}).get("value"), event["id"]], separators=(",", ":"))
    return base64.urlsafe_b64encode(key.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str | None, str]:
    """(date, id) of a cursor made by encode_cursor; ValueError for anything else."""
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if isinstance(value, list) and len(value) == 2 and isinstance(value[1], str) and (value[0] is None or isinstance(value[0], str)):
            return value[0], value[1]
    except (binascii.Error, ValueError, UnicodeDecodeError):
        pass
    raise ValueError(f"{shown(cursor)} is not a cursor this store returned; drop it to start from the first page")
