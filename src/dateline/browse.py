"""Read-only lookups for browsing a store: one event with its article, articles, actors, places and the
aggregate counts behind the dashboard's charts. The HTTP API and the dashboard call these; they hold
no SQL of their own.
"""
from __future__ import annotations

import json

import sqlalchemy as sa

from .errors import StoreError
from .query import EventQuery
from .store import Store, articles, events, participants

# The fields of a query that filter (the others page and order).
FILTERS = {"type", "mode", "factuality", "country", "actor_country", "recipient_country", "sector", "since", "until", "bbox",
           "min_confidence", "q", "fts"}

_ARTICLE_META = (articles.c.id, articles.c.url, articles.c.title, articles.c.published, articles.c.site)


def _meta(row) -> dict:
    return {"id": row.id, "url": row.url, "title": row.title, "published": row.published, "site": row.site}


def event(store: Store, event_id: str) -> dict | None:
    """One event with its evidence spans, its article and the article's other events; None when unknown."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(events.c.event, events.c.article_id).where(events.c.id == event_id)).first()
        if row is None:
            return None
        art = conn.execute(sa.select(*_ARTICLE_META).where(articles.c.id == row.article_id)).first()
        others = conn.execute(sa.select(events.c.event).where(events.c.article_id == row.article_id, events.c.id != event_id)
                              .order_by(events.c.id)).scalars().all()
    out = json.loads(row.event)
    out["article"] = _meta(art)
    out["article_events"] = [_summary(json.loads(o)) for o in others]
    return out


def _summary(ev: dict) -> dict:
    trigger = ev["evidence"].get("trigger") or {}
    return {"id": ev["id"], "type": ev["type"], "mode": ev.get("mode"), "factuality": ev["factuality"],
            "confidence": ev["confidence"], "trigger": trigger.get("text"), "sentence": ev["evidence"]["sentence"],
            "date": (ev.get("date") or {}).get("value")}


def articles_page(store: Store, q: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """Articles, newest first (best match first with a full-text `q`), each with its number of events and,
    for a search, a snippet whose matches are wrapped in \\x02 and \\x03."""
    counts = sa.select(events.c.article_id, sa.func.count().label("n")).group_by(events.c.article_id).subquery()
    cols = [*_ARTICLE_META, sa.func.coalesce(counts.c.n, 0).label("events")]
    if q:
        phrase = '"' + q.replace('"', '""') + '"'
        fts = sa.text("SELECT article_id, snippet(articles_fts, 2, char(2), char(3), '…', 16) AS snippet, rank FROM articles_fts "
                      "WHERE articles_fts MATCH :q").bindparams(q=phrase).columns(sa.column("article_id"), sa.column("snippet"), sa.column("rank")).subquery()
        stmt = (sa.select(*cols, fts.c.snippet).join(fts, fts.c.article_id == articles.c.id)
                .outerjoin(counts, counts.c.article_id == articles.c.id).order_by(fts.c.rank))
    else:
        stmt = (sa.select(*cols, sa.null().label("snippet")).outerjoin(counts, counts.c.article_id == articles.c.id)
                .order_by(articles.c.published.desc(), articles.c.id))
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(stmt.limit(limit).offset(offset)).all()
    except sa.exc.OperationalError as err:
        raise StoreError(f"search {q!r} failed ({err.orig})") from None
    return [{**_meta(r), "events": r.events, **({"snippet": r.snippet} if q else {})} for r in rows]


def article(store: Store, article_id: str) -> dict | None:
    """An article with its text and every event coded from it (with their evidence spans); None when unknown."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(*_ARTICLE_META, articles.c.text, articles.c.author, articles.c.ingested_at)
                           .where(articles.c.id == article_id)).first()
        if row is None:
            return None
        evs = conn.execute(sa.select(events.c.event).where(events.c.article_id == article_id).order_by(events.c.id)).scalars().all()
    return {**_meta(row), "author": row.author, "ingested_at": row.ingested_at, "text": row.text,
            "events": [json.loads(e) for e in evs]}


def actors(store: Store, q: str | None = None, country: str | None = None, limit: int = 100) -> list[dict]:
    """Actors by the number of events they take part in, with how often as actor and as recipient."""
    p = participants
    stmt = sa.select(p.c.name, p.c.country, p.c.sector, sa.func.count(sa.distinct(p.c.event_id)).label("events"),
                     sa.func.sum(sa.case((p.c.role == "actor", 1), else_=0)).label("as_actor"),
                     sa.func.sum(sa.case((p.c.role == "recipient", 1), else_=0)).label("as_recipient"))
    if q:
        stmt = stmt.where(p.c.name.ilike(f"%{q}%"))
    if country:
        stmt = stmt.where(p.c.country == country)
    stmt = stmt.group_by(p.c.name, p.c.country, p.c.sector).order_by(sa.desc("events"), p.c.name).limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def places(store: Store, country: str | None = None, limit: int = 100) -> list[dict]:
    """Places events happened at, by number of events."""
    e = events
    stmt = (sa.select(e.c.location.label("name"), e.c.geonameid, e.c.lat, e.c.lon, e.c.location_country.label("country"),
                      sa.func.count().label("events"))
            .where(e.c.location.is_not(None)))
    if country:
        stmt = stmt.where(e.c.location_country == country)
    stmt = stmt.group_by(e.c.location, e.c.geonameid, e.c.lat, e.c.lon, e.c.location_country).order_by(sa.desc("events"), e.c.location).limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def stats(store: Store, query: EventQuery, top: int = 50) -> dict:
    """Counts of the events that match `query`'s filters: in total, by day and quad class (events dated to the
    day), by type, by quad class, by actor-recipient country pair (the `top` largest) and by place (the `top`
    largest), with the number of articles they come from. This is the definition in SQL; the server counts with
    columns.EventColumns, which gives the same answers in milliseconds."""
    matching = store.event_ids(query)
    whole = query.model_dump(include=FILTERS) == EventQuery().model_dump(include=FILTERS)
    e, p = events, participants
    scope = sa.true() if whole else e.c.id.in_(matching)
    day = sa.func.substr(e.c.date, 1, 10)
    a, r = p.alias("a"), p.alias("r")
    pair = (sa.select(a.c.country.label("actor_country"), r.c.country.label("recipient_country"),
                      sa.func.count(sa.distinct(a.c.event_id)).label("n"))
            .join(r, (r.c.event_id == a.c.event_id) & (r.c.role == "recipient"))
            .where(a.c.role == "actor", a.c.country.is_not(None), r.c.country.is_not(None), *([] if whole else [a.c.event_id.in_(matching)]))
            .group_by(a.c.country, r.c.country).order_by(sa.desc("n"), store._text(a.c.country), store._text(r.c.country)).limit(top))
    with store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(e).where(scope)).scalar()
        by_day = conn.execute(sa.select(day.label("day"), e.c.quad_class, sa.func.count().label("n")).where(scope, sa.func.length(e.c.date) == 10)
                              .group_by(day, e.c.quad_class).order_by(store._text(day), e.c.quad_class.nulls_first())).all()
        by_type = conn.execute(sa.select(e.c.type, sa.func.count().label("n")).where(scope).group_by(e.c.type).order_by(sa.desc("n"), store._text(e.c.type))).all()
        by_quad = conn.execute(sa.select(e.c.quad_class, sa.func.count().label("n")).where(scope).group_by(e.c.quad_class).order_by(e.c.quad_class.nulls_first())).all()
        pairs = conn.execute(pair).all()
        where = conn.execute(sa.select(e.c.location, e.c.lat, e.c.lon, e.c.location_country, sa.func.count().label("n"))
                             .where(scope, e.c.lat.is_not(None)).group_by(e.c.location, e.c.lat, e.c.lon, e.c.location_country)
                             .order_by(sa.desc("n"), store._text(e.c.location).nulls_first(), e.c.lat, e.c.lon,
                                       store._text(e.c.location_country).nulls_first()).limit(top)).all()
        n_articles = conn.execute(sa.select(sa.func.count(sa.distinct(e.c.article_id))).where(scope)).scalar()
    return {
        "total": total, "articles": n_articles,
        "by_day": [{"day": d, "quad_class": q, "n": n} for d, q, n in by_day],
        "by_type": [{"type": t, "n": n} for t, n in by_type],
        "by_quad_class": [{"quad_class": q, "n": n} for q, n in by_quad],
        "by_country_pair": [{"actor_country": ac, "recipient_country": rc, "n": n} for ac, rc, n in pairs],
        "by_place": [{"name": nm, "lat": la, "lon": lo, "country": c, "n": n} for nm, la, lo, c, n in where],
    }
