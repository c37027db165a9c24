"""Store: articles, events and failures in SQLite (WAL, FTS5) through SQLAlchemy Core.

Writes are idempotent and transactional: an article is keyed by its content hash and written with
its events in one transaction, so re-ingesting stores nothing twice and a crash leaves no half-written
article. Each raw input is kept (compressed) so that any article can be re-coded later.
"""
from __future__ import annotations

import json
import zlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import sqlalchemy as sa
from sqlalchemy import event as sa_event

from .errors import StoreError
from .models import Document

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("url", sa.String),
    sa.Column("title", sa.String),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", sa.String),
    sa.Column("published_precision", sa.String),
    sa.Column("published_source", sa.String),
    sa.Column("author", sa.String),
    sa.Column("site", sa.String),
    sa.Column("origin", sa.String),
    sa.Column("raw_sha256", sa.String),
    sa.Column("ingested_at", sa.String, nullable=False),
    sa.Column("document", sa.Text, nullable=False),  # the whole Document as JSON
)

raw_inputs = sa.Table(
    "raw_inputs", metadata,
    sa.Column("sha256", sa.String, primary_key=True),
    sa.Column("article_id", sa.String, sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("origin", sa.String),
    sa.Column("url", sa.String),
    sa.Column("data", sa.LargeBinary, nullable=False),  # zlib-compressed bytes
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("article_id", sa.String, sa.ForeignKey("articles.id"), nullable=False, index=True),
    sa.Column("type", sa.String, nullable=False, index=True),
    sa.Column("mode", sa.String),
    sa.Column("factuality", sa.String, index=True),
    sa.Column("confidence", sa.Float),
    sa.Column("date", sa.String, index=True),
    sa.Column("date_precision", sa.String),
    sa.Column("location", sa.String),
    sa.Column("geonameid", sa.Integer),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("location_country", sa.String),
    sa.Column("sentence", sa.Text),
    sa.Column("cameo", sa.String),
    sa.Column("quad_class", sa.Integer),
    sa.Column("event", sa.Text, nullable=False),  # the Event as JSON
)

participants = sa.Table(
    "participants", metadata,
    sa.Column("event_id", sa.String, sa.ForeignKey("events.id"), nullable=False, index=True),
    sa.Column("role", sa.String, nullable=False),  # actor | recipient
    sa.Column("name", sa.String),
    sa.Column("country", sa.String, index=True),
    sa.Column("sector", sa.String),
)

failures = sa.Table(
    "failures", metadata,
    sa.Column("origin", sa.String, primary_key=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=1),
    sa.Column("first_seen", sa.String, nullable=False),
    sa.Column("last_seen", sa.String, nullable=False),
)

schema_version = sa.Table("schema_version", metadata, sa.Column("version", sa.Integer, primary_key=True), sa.Column("applied_at", sa.String))


def _migration_1(conn: sa.Connection) -> None:
    metadata.create_all(conn, tables=[articles, raw_inputs, events, participants, failures])
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(article_id UNINDEXED, title, text, tokenize='porter unicode61')")


# Each migration moves the schema one version up; append, never edit, once released.
MIGRATIONS = [_migration_1]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A Dateline store; `Store("dateline.db")` or an SQLAlchemy URL."""

    def __init__(self, location: str | Path):
        location = str(location)
        url = location if "://" in location else f"sqlite:///{Path(location).expanduser()}"
        if url.startswith("sqlite:///") and not url.endswith(":memory:"):
            parent = Path(url[len("sqlite:///"):]).parent
            if not parent.exists():
                raise StoreError(f"store directory {parent} does not exist; create it or choose another --db path")
        self.engine = sa.create_engine(url)
        if self.engine.dialect.name == "sqlite":
            sa_event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            self.migrate()
        except sa.exc.DatabaseError as err:
            raise StoreError(f"cannot open the store at {location} ({err.orig}); is it a Dateline SQLite file?") from None

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version."""
        with self.engine.begin() as conn:
            schema_version.create(conn, checkfirst=True)
            current = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0
            for version, migration in enumerate(MIGRATIONS[current:], current + 1):
                migration(conn)
                conn.execute(schema_version.insert().values(version=version, applied_at=_now()))
            return len(MIGRATIONS)

    def has_raw(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(raw_inputs.c.sha256).where(raw_inputs.c.sha256 == sha256)).first() is not None

    def save(self, doc: Document) -> bool:
        """Write an article with its events in one transaction; False when it was already stored."""
        art = doc.article
        with self.engine.begin() as conn:
            exists = conn.execute(sa.select(articles.c.id).where(articles.c.id == art.id)).first() is not None
            raw = doc.raw
            if not exists:
                conn.execute(articles.insert().values(
                    id=art.id, url=art.url, title=art.title, text=art.text, published=art.published.value,
                    published_precision=art.published.precision, published_source=art.published.source,
                    author=art.author, site=art.site, origin=art.origin, raw_sha256=art.raw_sha256,
                    ingested_at=_now(), document=doc.to_json(),
                ))
                if conn.dialect.name == "sqlite":
                    conn.exec_driver_sql("INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)", (art.id, art.title or "", art.text))
                for ev in doc.events:
                    self._insert_event(conn, art.id, ev)
            if raw is not None and conn.execute(sa.select(raw_inputs.c.sha256).where(raw_inputs.c.sha256 == raw.sha256)).first() is None:
                conn.execute(raw_inputs.insert().values(sha256=raw.sha256, article_id=art.id, origin=raw.origin, url=raw.url, data=zlib.compress(raw.data)))
            if art.origin:
                conn.execute(failures.delete().where(failures.c.origin == art.origin))
            return not exists

    @staticmethod
    def _insert_event(conn: sa.Connection, article_id: str, ev) -> None:
        loc = ev.location
        conn.execute(events.insert().values(
            id=ev.id, article_id=article_id, type=ev.type, mode=ev.mode, factuality=ev.factuality, confidence=ev.confidence,
            date=ev.date.value if ev.date else None, date_precision=ev.date.precision if ev.date else None,
            location=loc.name if loc else None, geonameid=loc.geonameid if loc else None, lat=loc.lat if loc else None,
            lon=loc.lon if loc else None, location_country=loc.country if loc else None, sentence=ev.evidence.sentence,
            cameo=ev.cameo, quad_class=ev.quad_class, event=ev.model_dump_json(),
        ))
        rows = [{"event_id": ev.id, "role": role, "name": a.name or a.text, "country": a.country, "sector": a.sector}
                for role, group in (("actor", ev.actors), ("recipient", ev.recipients)) for a in group]
        if rows:
            conn.execute(participants.insert(), rows)

    def record_failure(self, origin: str, reason: str) -> None:
        """Remember that an input failed (one row per input, however often it is retried)."""
        now = _now()
        with self.engine.begin() as conn:
            row = conn.execute(sa.select(failures.c.attempts).where(failures.c.origin == origin)).first()
            if row:
                conn.execute(failures.update().where(failures.c.origin == origin).values(reason=reason, attempts=row[0] + 1, last_seen=now))
            else:
                conn.execute(failures.insert().values(origin=origin, reason=reason, attempts=1, first_seen=now, last_seen=now))

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() for t in (articles, raw_inputs, events, participants, failures)}

    def failures(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(sa.select(failures).order_by(failures.c.origin))]

    def article(self, article_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles.c.document).where(articles.c.id == article_id)).first()
        return Document.model_validate_json(row[0]) if row else None

    def raw(self, article_id: str) -> bytes | None:
        """The raw input an article was coded from."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(raw_inputs.c.data).where(raw_inputs.c.article_id == article_id)).first()
        return zlib.decompress(row[0]) if row else None

    def query_events(self, type: str | None = None, country: str | None = None, since: str | None = None, until: str | None = None,
                     factuality: str | None = None, q: str | None = None, limit: int | None = None) -> Iterator[dict]:
        """Stored events matching every given filter, newest first, each with its article's id, url and title."""
        stmt = (sa.select(events.c.event, articles.c.id, articles.c.url, articles.c.title, articles.c.published)
                .join(articles, articles.c.id == events.c.article_id))
        if type:
            stmt = stmt.where(events.c.type == type.upper())
        if factuality:
            stmt = stmt.where(events.c.factuality == factuality.lower())
        if since:
            stmt = stmt.where(events.c.date >= since)
        if until:
            stmt = stmt.where(events.c.date <= until + "\uffff")
        if country:
            sub = sa.select(participants.c.event_id).where(participants.c.country == country.upper())
            stmt = stmt.where(sa.or_(events.c.id.in_(sub), events.c.location_country == _alpha2(country)))
        if q:
            stmt = stmt.where(events.c.article_id.in_(sa.text("SELECT article_id FROM articles_fts WHERE articles_fts MATCH :q").bindparams(q=q)))
        stmt = stmt.order_by(events.c.date.desc(), events.c.id)
        if limit:
            stmt = stmt.limit(limit)
        try:
            with self.engine.connect() as conn:
                for row in conn.execute(stmt):
                    event = json.loads(row[0])
                    event["article"] = {"id": row[1], "url": row[2], "title": row[3], "published": row[4]}
                    yield event
        except sa.exc.OperationalError as err:
            if q:
                raise StoreError(f"search text {q!r} is not a valid full-text query ({err.orig}); quote phrases with \"…\"") from None
            raise StoreError(f"query failed ({err.orig})") from None

    def search(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching a full-text query, best first, with a highlighted snippet."""
        sql = ("SELECT article_id, title, snippet(articles_fts, 2, '[', ']', '…', 12) FROM articles_fts "
               "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
        try:
            with self.engine.connect() as conn:
                return [{"id": r[0], "title": r[1], "snippet": r[2]} for r in conn.exec_driver_sql(sql, (q, limit))]
        except sa.exc.OperationalError as err:
            raise StoreError(f"search text {q!r} is not a valid full-text query ({err.orig}); quote phrases with \"…\"") from None


def _alpha2(code: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_3=code.upper()) if len(code) == 3 else None
    return found.alpha_2 if found else None


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()
