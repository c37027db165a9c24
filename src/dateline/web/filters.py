"""The seam between the web app and the event query layer.

Everything the app asks of a query goes through the three names below: `parse` (user strings → a
validated filter, or a one-line QueryError), `page` (one page of matching events and the cursor of the
next) and `matching` (the matching events as a subquery, for aggregates). They stand in for
`dateline.query` until it lands, and then become thin calls into it.
"""
from __future__ import annotations

import base64
import json
import re
from typing import Any, Mapping

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict

from .. import ontology
from ..errors import DatelineError
from ..store import Store, articles, events, participants


class QueryError(DatelineError):
    code = "E410"


FIELDS = ("type", "mode", "factuality", "actor_country", "recipient_country", "country", "sector", "since", "until",
          "bbox", "q", "min_confidence")
SORTS = ("-date", "date", "-confidence", "confidence")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class EventFilter(BaseModel):
    model_config = ConfigDict(frozen=True)

    type: str | None = None
    mode: str | None = None
    factuality: str | None = None
    actor_country: str | None = None
    recipient_country: str | None = None
    country: str | None = None
    sector: str | None = None
    since: str | None = None
    until: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    min_confidence: float | None = None

    def params(self) -> dict[str, str]:
        """The filter as query-string parameters (for links that keep it)."""
        out = {}
        for name in FIELDS:
            value = getattr(self, name)
            if value is not None:
                out[name] = ",".join(f"{v:g}" for v in value) if name == "bbox" else str(value)
        return out


def _country(value: str, name: str) -> str:
    import pycountry

    code = value.strip().upper()
    found = pycountry.countries.get(alpha_3=code) if len(code) == 3 else pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if found is None:
        raise QueryError(f"{name} {value!r} is not an ISO 3166 country code; give an alpha-3 (RUS) or alpha-2 (RU) code")
    return found.alpha_3


def parse(params: Mapping[str, str]) -> EventFilter:
    """A validated filter from user strings (query parameters); unknown or bad values raise QueryError."""
    values: dict[str, Any] = {}
    for name in FIELDS:
        raw = (params.get(name) or "").strip()
        if not raw:
            continue
        if name == "type":
            if raw.upper() not in ontology.types():
                raise QueryError(f"type {raw!r} is not a PLOVER event type; valid types: {', '.join(ontology.types())}")
            values[name] = raw.upper()
        elif name == "factuality":
            valid = list(ontology.plover()["factuality"])
            if raw.lower() not in valid:
                raise QueryError(f"factuality {raw!r} is unknown; valid values: {', '.join(valid)}")
            values[name] = raw.lower()
        elif name == "sector":
            valid = list(ontology.plover()["sectors"])
            if raw.upper() not in valid:
                raise QueryError(f"sector {raw!r} is not a PLOVER sector code; valid codes: {', '.join(valid)}")
            values[name] = raw.upper()
        elif name.endswith("country"):
            values[name] = _country(raw, name)
        elif name in ("since", "until"):
            if not _DATE.fullmatch(raw):
                raise QueryError(f"{name} {raw!r} is not an ISO 8601 date; write YYYY-MM-DD, YYYY-MM or YYYY")
            values[name] = raw
        elif name == "bbox":
            try:
                box = tuple(float(part) for part in raw.split(","))
            except ValueError:
                box = ()
            if len(box) != 4 or not (-180 <= box[0] <= box[2] <= 180 and -90 <= box[1] <= box[3] <= 90):
                raise QueryError(f"bbox {raw!r} is not west,south,east,north in degrees (e.g. 30,44,41,53)")
            values[name] = box
        elif name == "min_confidence":
            try:
                floor = float(raw)
            except ValueError:
                floor = -1.0
            if not 0 <= floor <= 1:
                raise QueryError(f"min_confidence {raw!r} is not a number from 0 to 1")
            values[name] = floor
        else:
            values[name] = raw
    return EventFilter(**values)


def _conditions(flt: EventFilter) -> list:
    cond = []
    if flt.type:
        cond.append(events.c.type == flt.type)
    if flt.mode:
        cond.append(events.c.mode == flt.mode)
    if flt.factuality:
        cond.append(events.c.factuality == flt.factuality)
    if flt.since:
        cond.append(events.c.date >= flt.since)
    if flt.until:
        cond.append(events.c.date <= flt.until + "\uffff")
    if flt.min_confidence is not None:
        cond.append(events.c.confidence >= flt.min_confidence)
    if flt.bbox:
        west, south, east, north = flt.bbox
        cond.append(events.c.lon.between(west, east) & events.c.lat.between(south, north))
    for role, code in (("actor", flt.actor_country), ("recipient", flt.recipient_country)):
        if code:
            cond.append(events.c.id.in_(sa.select(participants.c.event_id).where(participants.c.role == role, participants.c.country == code)))
    if flt.country:
        import pycountry

        alpha2 = pycountry.countries.get(alpha_3=flt.country).alpha_2
        cond.append(sa.or_(events.c.id.in_(sa.select(participants.c.event_id).where(participants.c.country == flt.country)),
                           events.c.location_country == alpha2))
    if flt.sector:
        cond.append(events.c.id.in_(sa.select(participants.c.event_id).where(participants.c.sector == flt.sector)))
    if flt.q:
        phrase = '"' + flt.q.replace('"', '""') + '"'
        cond.append(events.c.article_id.in_(sa.text("SELECT article_id FROM articles_fts WHERE articles_fts MATCH :q").bindparams(q=phrase)))
    return cond


def matching(flt: EventFilter):
    """The ids of the events that match, as a subquery."""
    return sa.select(events.c.id).where(*_conditions(flt))


def _cursor(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def _uncursor(cursor: str) -> list:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if isinstance(values, list) and len(values) == 2 and isinstance(values[1], str):
            return values
    except ValueError:
        pass
    raise QueryError("cursor is not one this server gave; start again without it")


def page(store: Store, flt: EventFilter, limit: int = 50, cursor: str | None = None, sort: str = "-date") -> tuple[list[dict], str | None]:
    """One page of matching events (each with its article's id, url, title, published) and the next page's cursor."""
    if sort not in SORTS:
        raise QueryError(f"sort {sort!r} is unknown; valid: {', '.join(SORTS)}")
    key = events.c.date if sort.endswith("date") else events.c.confidence
    desc = sort.startswith("-")
    stmt = (sa.select(events.c.event, key, events.c.id, articles.c.id, articles.c.url, articles.c.title, articles.c.published)
            .join(articles, articles.c.id == events.c.article_id).where(*_conditions(flt)))
    if cursor:
        last, last_id = _uncursor(cursor)
        after = (events.c.id < last_id) if desc else (events.c.id > last_id)
        if last is None:  # NULL keys come last going down and first going up
            stmt = stmt.where(sa.and_(key.is_(None), after) if desc else sa.or_(sa.and_(key.is_(None), after), key.is_not(None)))
        else:
            beyond = (key < last) if desc else (key > last)
            stmt = stmt.where(sa.or_(beyond, sa.and_(key == last, after), *([key.is_(None)] if desc else [])))
    order = (key.desc(), events.c.id.desc()) if desc else (key.asc(), events.c.id.asc())
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(stmt.order_by(*order).limit(limit + 1)).all()
    except sa.exc.OperationalError as err:
        raise QueryError(f"query failed ({err.orig})") from None
    out = []
    for row in rows[:limit]:
        event = json.loads(row[0])
        event["article"] = {"id": row[3], "url": row[4], "title": row[5], "published": row[6]}
        out.append(event)
    next_cursor = _cursor([rows[limit - 1][1], rows[limit - 1][2]]) if len(rows) > limit else None
    return out, next_cursor
