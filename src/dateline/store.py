"""Store: articles, events and failures in SQLite (WAL, FTS5) or PostgreSQL through SQLAlchemy Core.

Writes are idempotent and transactional: an article is keyed by its content hash and written with
its events in one transaction, so re-ingesting stores nothing twice and a crash leaves no half-written
article. Each raw input is kept (compressed) so that any article can be re-coded later. Queries take
a validated `query.EventQuery`; full-text search is FTS5 on SQLite and a GIN-indexed tsvector on PostgreSQL,
with the same reading of what users type (query.search_terms).
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import zlib
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import sqlalchemy as sa
from sqlalchemy import event as sa_event

from .errors import QueryError, StoreError
from .models import Document
from .query import EventPage, EventQuery, alpha2, decode_cursor, encode_cursor, fts5_query, search_terms, shown

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
    sa.Column("factuality_cue", sa.String),  # the words that decided the factuality (migration 5)
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

# Answers of aggregate queries, from migration 4 until migration 5 dropped it (columns.EventColumns counts instead).
stats_cache = sa.Table(
    "stats_cache", metadata,
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("version", sa.String, nullable=False),
    sa.Column("body", sa.Text, nullable=False),  # the answer as JSON
    sa.Column("computed_at", sa.String, nullable=False),
)

schema_version = sa.Table("schema_version", metadata, sa.Column("version", sa.Integer, primary_key=True), sa.Column("applied_at", sa.String))


def _migration_1(conn: sa.Connection) -> None:
    metadata.create_all(conn, tables=[articles, raw_inputs, events, participants, failures])
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(article_id UNINDEXED, title, text, tokenize='porter unicode61')")


FTS_MANY = 1000  # matching articles from which a search walks events in order rather than by article

# PostgreSQL's full-text document of an article (stored as articles.tsv since migration 3). Its configuration
# is English stemming without stop words, as SQLite's FTS5 porter tokenizer reads text, so that both stores
# find the same articles ("Russia's" is the phrase russia + s on both).
PG_TS_CONFIG = "dateline_english"
PG_TSVECTOR = f"to_tsvector('{PG_TS_CONFIG}', coalesce(articles.title, '') || ' ' || articles.text)"


def _migration_2(conn: sa.Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("CREATE TEXT SEARCH DICTIONARY dateline_stem (TEMPLATE = snowball, Language = english)")
        conn.exec_driver_sql(f"CREATE TEXT SEARCH CONFIGURATION {PG_TS_CONFIG} (COPY = english)")
        conn.exec_driver_sql(f"ALTER TEXT SEARCH CONFIGURATION {PG_TS_CONFIG} ALTER MAPPING REPLACE english_stem WITH dateline_stem")
        conn.exec_driver_sql(f"CREATE INDEX articles_tsv ON articles USING GIN (({PG_TSVECTOR.replace('articles.', '')}))")


def _migration_3(conn: sa.Connection) -> None:
    if conn.dialect.name == "postgresql":
        # A stored tsvector: a phrase search rechecks its hits, and recomputing the vector of every hit's text took
        # five times as long as SQLite's FTS5 on the demo corpus.
        conn.exec_driver_sql(f"ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS ({PG_TSVECTOR.replace('articles.', '')}) STORED")
        conn.exec_driver_sql("DROP INDEX IF EXISTS articles_tsv")
        conn.exec_driver_sql("CREATE INDEX articles_tsv ON articles USING GIN (tsv)")
        # Queries order and page by date and id compared byte-wise (COLLATE "C"), which the default-collation index cannot serve.
        conn.exec_driver_sql('CREATE INDEX events_date_id_c ON events ((date COLLATE "C") DESC NULLS LAST, (id COLLATE "C"))')


def _migration_4(conn: sa.Connection) -> None:
    # Filtered pages in date or confidence order without sorting every match, and a table of precomputed
    # counts (scripts/bench_web.py, 1M events).
    for name, table, columns in (("ix_events_type_date", "events", "type, date"), ("ix_events_factuality_date", "events", "factuality, date"),
                                 ("ix_events_confidence", "events", "confidence"), ("ix_events_date_place", "events", "date, lat, lon"),
                                 ("ix_participants_event_role", "participants", "event_id, role, country, sector")):
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")
    stats_cache.create(conn, checkfirst=True)


def _migration_5(conn: sa.Connection) -> None:
    # The words that decided an event's factuality (evidence.cue in the event JSON), as a column for SQL users; and no
    # more table of precomputed counts: the server counts from columns.EventColumns, which never goes stale.
    stats_cache.drop(conn, checkfirst=True)
    if "factuality_cue" not in {c["name"] for c in sa.inspect(conn).get_columns("events")}:  # a new store has it from migration 1
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN factuality_cue VARCHAR")


# Each migration moves the schema one version up; append, never edit, once released.
MIGRATIONS = [_migration_1, _migration_2, _migration_3, _migration_4, _migration_5]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def store_url(location: str | Path) -> str:
    """The SQLAlchemy URL of a store path or URL; postgresql:// URLs get the psycopg (3) driver."""
    location = str(location)
    if "://" not in location:
        return f"sqlite:///{Path(location).expanduser()}"
    return re.sub(r"^postgres(?:ql)?://", "postgresql+psycopg://", location)


class Store:
    """A Dateline store: `Store("dateline.db")` or an SQLAlchemy URL (`postgresql://user@host/db`).

    `create=False` is for reading: a store that does not exist yet is an error instead of a new empty one."""

    def __init__(self, location: str | Path, create: bool = True):
        location = str(location)
        url = store_url(location)
        self.location = _hide_password(location)
        if url.startswith("sqlite:///") and not url.endswith(":memory:"):
            path = Path(url[len("sqlite:///"):])
            if not create and not path.is_file():
                raise StoreError(f"no store at {path}; check the --db path (or the `db` setting), or create one with `dateline ingest … --db {path}`")
            _check_sqlite(path, location)
            if not path.exists():
                _create_sqlite(path, location)
        try:
            self.engine = _engine(url)
        except ModuleNotFoundError as err:
            raise StoreError(f"the store {_hide_password(location)} needs the {err.name} driver, which is not installed; "
                             "install it with `pip install 'dateline[postgres]'`") from None
        except sa.exc.ArgumentError as err:
            raise StoreError(f"{shown(_hide_password(location))} is not a store path or database URL ({err})") from None
        if self.engine.dialect.driver == "psycopg":
            sa_event.listen(self.engine, "connect", _postgres_text)
        sa_event.listen(self.engine, "handle_error", self._on_error)
        where = self.engine.url.render_as_string(hide_password=True)
        try:
            if not create and not sa.inspect(self.engine).has_table(schema_version.name):
                raise StoreError(f"{where} holds no Dateline store; check the --db path, or create one with `dateline ingest`")
            self.migrate()
        except sa.exc.OperationalError as err:
            if self.engine.dialect.name != "sqlite":
                raise StoreError(f"cannot connect to the store at {where} ({_first_line(err.orig)}); check the URL and that the server runs") from None
            raise StoreError(f"cannot open the store at {location} ({err.orig}); is it a Dateline SQLite file?") from None
        except sa.exc.DatabaseError as err:
            raise StoreError(f"cannot open the store at {where} ({_first_line(err.orig)}); is it a Dateline store?") from None

    def _on_error(self, context) -> None:
        """Any database error that means a damaged file becomes one clear line, for reads and writes alike."""
        code = getattr(context.original_exception, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise StoreError(f"the store at {self.location} is damaged ({context.original_exception}); "
                             "restore it from a backup, or ingest into a new store") from None

    def migrate(self) -> int:
        """Apply pending migrations under the store's write lock (so that concurrent first runs create the schema once); returns the schema version."""
        return _migrate(self.engine, self.location)

    def has_raw(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(raw_inputs.c.sha256).where(raw_inputs.c.sha256 == sha256)).first() is not None

    def save(self, doc: Document) -> bool:
        """Write an article with its events in one transaction; False when it was already stored.

        The article row is inserted with ON CONFLICT DO NOTHING, so processes writing the same article at
        once store it once: whichever inserts it writes its events, the others write nothing.
        """
        art = doc.article
        with self.engine.begin() as conn:
            inserted = conn.execute(self._insert(articles).values(
                id=art.id, url=art.url, title=art.title, text=art.text, published=art.published.value,
                published_precision=art.published.precision, published_source=art.published.source,
                author=art.author, site=art.site, origin=art.origin, raw_sha256=art.raw_sha256,
                ingested_at=_now(), document=doc.to_json(),
            ).on_conflict_do_nothing(index_elements=[articles.c.id]).returning(articles.c.id)).first() is not None
            if inserted:
                if conn.dialect.name == "sqlite":
                    conn.exec_driver_sql("INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)", (art.id, art.title or "", art.text))
                for ev in doc.events:
                    self._insert_event(conn, art.id, ev)
            raw = doc.raw
            if raw is not None:
                conn.execute(self._insert(raw_inputs).values(
                    sha256=raw.sha256, article_id=art.id, origin=raw.origin, url=raw.url, data=zlib.compress(raw.data),
                ).on_conflict_do_nothing(index_elements=[raw_inputs.c.sha256]))
            if art.origin:
                conn.execute(failures.delete().where(failures.c.origin == art.origin))
            return inserted

    def _insert(self, table: sa.Table):
        """The dialect's INSERT, which has ON CONFLICT (SQLite and PostgreSQL)."""
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    @staticmethod
    def _insert_event(conn: sa.Connection, article_id: str, ev) -> None:
        loc = ev.location
        conn.execute(events.insert().values(
            id=ev.id, article_id=article_id, type=ev.type, mode=ev.mode, factuality=ev.factuality, confidence=ev.confidence,
            date=ev.date.value if ev.date else None, date_precision=ev.date.precision if ev.date else None,
            location=loc.name if loc else None, geonameid=loc.geonameid if loc else None, lat=loc.lat if loc else None,
            lon=loc.lon if loc else None, location_country=loc.country if loc else None, sentence=ev.evidence.sentence,
            cameo=ev.cameo, quad_class=ev.quad_class, event=ev.model_dump_json(), factuality_cue=ev.evidence.cue.text if ev.evidence.cue else None,
        ))
        rows = [{"event_id": ev.id, "role": role, "name": a.name or a.text, "country": a.country, "sector": a.sector}
                for role, group in (("actor", ev.actors), ("recipient", ev.recipients)) for a in group]
        if rows:
            conn.execute(participants.insert(), rows)

    def record_failure(self, origin: str, reason: str) -> None:
        """Remember that an input failed (one row per input, however often it is retried, by however many processes)."""
        now = _now()
        stmt = self._insert(failures).values(origin=origin, reason=reason, attempts=1, first_seen=now, last_seen=now)
        with self.engine.begin() as conn:
            conn.execute(stmt.on_conflict_do_update(index_elements=[failures.c.origin],
                                                    set_={"reason": reason, "attempts": failures.c.attempts + 1, "last_seen": now}))

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

    def find_events(self, query: EventQuery) -> EventPage:
        """One page of the events matching `query` (at most query.limit) and the cursor to the next page."""
        rows = list(self._run(query, extra=1 if query.limit else 0))
        more = query.limit is not None and len(rows) > query.limit
        rows = rows[:query.limit] if query.limit else rows
        return EventPage(events=rows, next_cursor=encode_cursor(rows[-1], query.sort) if more and rows else None)

    def find_events_json(self, query: EventQuery, page: list[str] | None = None) -> tuple[list[str], str | None]:
        """`find_events` as JSON text: each event's stored JSON with its article spliced in, never decoded (a page of
        events costs a third of the time), and the cursor to the next page. `page`: the ids of the page's events
        and the next one, in order, when the caller knows them (columns.EventColumns.page)."""
        if page is None:
            rows = list(self._rows(query, extra=1 if query.limit else 0))
        else:
            found = {row[5]: row for row in self._rows_by_id(page)}
            rows = [found[i] for i in page if i in found]
        more = query.limit is not None and len(rows) > query.limit
        rows = rows[:query.limit] if query.limit else rows
        texts = [row[0][:row[0].rindex("}")] + ',"article":' + json.dumps({"id": row[1], "url": row[2], "title": row[3], "published": row[4]},
                                                                            ensure_ascii=False, separators=(",", ":")) + "}" for row in rows]
        last = rows[-1] if more and rows else None
        cursor = encode_cursor({"id": last[5], "date": {"value": last[6]}, "confidence": last[7]}, query.sort) if last else None
        return texts, cursor

    def _rows_by_id(self, ids: list[str]) -> list[tuple]:
        """The rows `_rows` gives, of the events `ids` (in no set order), through the driver's own cursor: its statement
        is kept prepared, and a page is read in a fraction of the time SQLAlchemy's statement building takes."""
        mark = "?" if self.engine.dialect.name == "sqlite" else "%s"
        rows: list[tuple] = []
        with self.engine.connect() as conn:
            cursor = conn.connection.dbapi_connection.cursor()
            try:
                for chunk in range(0, len(ids), 500):
                    part = ids[chunk:chunk + 500]
                    cursor.execute(_BY_ID_SQL.format(marks=",".join([mark] * len(part))), part)
                    rows += cursor.fetchall()
            except conn.dialect.loaded_dbapi.Error as err:
                raise StoreError(f"query failed ({_first_line(err)})") from None
            finally:
                cursor.close()
        return rows

    def iter_events(self, query: EventQuery) -> Iterator[dict]:
        """Every event matching `query` (up to its limit), streamed, for exports."""
        return self._run(query)

    def query_events(self, **filters: Any) -> Iterator[dict]:
        """Events matching filters given as user values (see EventQuery); a QueryError when one is invalid."""
        return self.iter_events(EventQuery.parse(**filters))

    def _run(self, query: EventQuery, extra: int = 0) -> Iterator[dict]:
        for row in self._rows(query, extra):
            event = json.loads(row[0])
            event["article"] = {"id": row[1], "url": row[2], "title": row[3], "published": row[4]}
            yield event

    def _rows(self, query: EventQuery, extra: int = 0, ids: list[str] | None = None) -> Iterator[tuple]:
        """(event JSON, article id, url, title, published, event id, date, confidence) of each event `query` matches
        (of the events `ids`, when given)."""
        stmt = self._select(query).add_columns(events.c.id, events.c.date, events.c.confidence)
        if ids is not None:
            stmt = stmt.where(events.c.id.in_(ids))
        if query.limit:
            stmt = stmt.limit(query.limit + extra)
        if query.offset:
            stmt = stmt.offset(query.offset)
        try:
            with self.engine.connect() as conn:
                yield from conn.execute(stmt)
        except sa.exc.DBAPIError as err:
            if query.q and query.fts:
                raise self._bad_syntax(query.q, err.orig) from None
            raise StoreError(f"query failed ({_first_line(err.orig)})") from None

    @property
    def _fts_name(self) -> str:
        return "PostgreSQL tsquery" if self.engine.dialect.name == "postgresql" else "SQLite FTS5"

    def _bad_syntax(self, q: str, err: BaseException | None) -> QueryError:
        return QueryError(f"q: {shown(q)} is not valid {self._fts_name} syntax ({_first_line(err)}); "
                          "drop the raw-syntax option to search for the words as typed")

    def _text(self, column):
        """A text column compared byte-wise on both backends (PostgreSQL's locale collations order punctuation differently)."""
        return column.collate("C") if self.engine.dialect.name == "postgresql" else column

    def _select(self, query: EventQuery) -> sa.Select:
        date, event_id = self._text(events.c.date), self._text(events.c.id)
        stmt = (sa.select(events.c.event, articles.c.id, articles.c.url, articles.c.title, articles.c.published)
                # An outer join keeps events the outer loop on SQLite, so an index gives the order and LIMIT stops early.
                .join(articles, articles.c.id == events.c.article_id, isouter=True))
        for column, values in ((events.c.type, query.type), (events.c.mode, query.mode), (events.c.factuality, query.factuality)):
            if values:
                stmt = stmt.where(column.in_(values))
        if query.sector:
            stmt = stmt.where(_takes_part(participants.c.sector.in_(query.sector)))
        if query.country:
            place = alpha2(query.country)
            stmt = stmt.where(sa.or_(_takes_part(participants.c.country == query.country),
                                     *([events.c.location_country == place] if place else [])))
        for role, code in (("actor", query.actor_country), ("recipient", query.recipient_country)):
            if code:
                stmt = stmt.where(_takes_part(participants.c.role == role, participants.c.country == code))
        if query.since:
            # Dates are ISO prefixes (2020, 2020-07, 2020-07-15): one overlaps the range when it ends on or after `since`.
            # The plain range first lets the date index serve the query in order.
            since = query.since.isoformat()
            stmt = stmt.where(date >= since[:4], sa.or_(date >= since, date == since[:4], date == since[:7]))
        if query.until:
            stmt = stmt.where(date <= query.until.isoformat())
        if query.bbox:
            west, south, east, north = query.bbox
            lon = events.c.lon.between(west, east) if west <= east else sa.or_(events.c.lon >= west, events.c.lon <= east)
            stmt = stmt.where(events.c.lat.between(south, north), lon)
        if query.min_confidence is not None:
            stmt = stmt.where(events.c.confidence >= query.min_confidence)
        if query.q:
            stmt = stmt.where(self._matches(query.q, query.fts))
        key = events.c.confidence if query.sort.endswith("confidence") else date
        descending = query.sort.startswith("-")
        if query.cursor:
            after, after_id = decode_cursor(query.cursor)
            if after is None:
                stmt = stmt.where(key.is_(None), event_id > after_id)
            else:
                beyond = key < after if descending else key > after
                stmt = stmt.where(sa.or_(beyond, sa.and_(key == after, event_id > after_id), key.is_(None)))
        return stmt.order_by((key.desc() if descending else key.asc()).nulls_last(), event_id)

    def event_ids(self, query: EventQuery) -> sa.Select:
        """The ids of every event matching `query`'s filters (its page, cursor and order aside), for aggregates."""
        whole = query.model_copy(update={"limit": None, "offset": 0, "cursor": None})
        return self._select(whole).with_only_columns(events.c.id).order_by(None)

    def _matches(self, q: str, raw: bool):
        """The condition that an event's article matches search text `q` (raw: the backend's own syntax)."""
        if self.engine.dialect.name == "postgresql":
            return _PG_TSV.op("@@")(_tsquery(q, raw))
        expr = q if raw else fts5_query(search_terms(q))
        match = sa.text("SELECT article_id FROM articles_fts WHERE articles_fts MATCH :q").bindparams(q=expr)
        # Few matching articles: fetch their events by article. Many: walk the events in order and test each
        # (`|| ''` keeps SQLite off the article index), so a first page stops early instead of sorting them all.
        try:
            with self.engine.connect() as conn:
                many = conn.exec_driver_sql("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
                                            (expr, FTS_MANY)).scalar() >= FTS_MANY
        except sa.exc.DBAPIError:
            many = False  # a bad raw expression is reported by the query itself
        return (events.c.article_id.concat("") if many else events.c.article_id).in_(match)

    def article_ids_matching(self, q: str, fts: bool = False, rowids: bool = False) -> list:
        """The ids of the articles that match search text `q` (read as EventQuery reads it; fts: the backend's syntax);
        rowids: on SQLite, the rowids of their full-text rows instead (numbers: far quicker to read by the thousand)."""
        try:
            with self.engine.connect() as conn:
                if self.engine.dialect.name == "postgresql":
                    return list(conn.execute(sa.select(articles.c.id).where(_PG_TSV.op("@@")(_tsquery(q, fts)))).scalars())
                # The driver's own rows: a common word matches tens of thousands of articles.
                column = "rowid" if rowids else "article_id"
                cursor = conn.connection.dbapi_connection.execute(f"SELECT {column} FROM articles_fts WHERE articles_fts MATCH ?",
                                                                  (q if fts else fts5_query(search_terms(q)),))
                return [row[0] for row in cursor]
        except sa.exc.DBAPIError as err:
            raise self._bad_syntax(q, err.orig) from None
        except sqlite3.Error as err:
            raise self._bad_syntax(q, err) from None

    def search(self, q: str, limit: int = 20, fts: bool = False) -> list[dict[str, Any]]:
        """Articles matching search text `q` (read as EventQuery reads it), best first, with a snippet marked [like this]."""
        query = EventQuery.parse(q=q, fts=fts, limit=limit)
        if self.engine.dialect.name == "postgresql":
            tsquery = _tsquery(query.q, query.fts)
            snippet = sa.func.ts_headline(_ENGLISH, articles.c.text, tsquery, "StartSel=[, StopSel=], MaxWords=14, MinWords=6")
            stmt = (sa.select(articles.c.id, articles.c.title, snippet).where(_PG_TSV.op("@@")(tsquery))
                    .order_by(sa.func.ts_rank(_PG_TSV, tsquery).desc(), self._text(articles.c.id)).limit(query.limit))
        else:
            stmt = sa.text("SELECT article_id, title, snippet(articles_fts, 2, '[', ']', '…', 12) FROM articles_fts "
                           "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n").bindparams(q=query.q if query.fts else fts5_query(search_terms(query.q)), n=query.limit)
        try:
            with self.engine.connect() as conn:
                return [{"id": r[0], "title": r[1], "snippet": r[2]} for r in conn.execute(stmt)]
        except sa.exc.DBAPIError as err:
            raise self._bad_syntax(q, err.orig) from None


_ENGLISH = sa.literal_column(f"'{PG_TS_CONFIG}'::regconfig")
_BY_ID_SQL = ("SELECT events.event, articles.id, articles.url, articles.title, articles.published, events.id, events.date, events.confidence "
              "FROM events LEFT OUTER JOIN articles ON articles.id = events.article_id WHERE events.id IN ({marks})")
_PG_TSV = sa.literal_column("articles.tsv")  # the stored tsvector (migration 3), not in the table metadata: PostgreSQL only


def _tsquery(q: str, raw: bool):
    """PostgreSQL's reading of search text: each word or "phrase" a phraseto_tsquery, all required; raw: to_tsquery."""
    if raw:
        return sa.func.to_tsquery(_ENGLISH, q)
    terms = [sa.func.phraseto_tsquery(_ENGLISH, t) for t in search_terms(q)]
    tsquery = terms[0]
    for term in terms[1:]:
        tsquery = tsquery.op("&&")(term)
    return tsquery


def _takes_part(*conditions) -> sa.Exists:
    """That one of the event's participants meets `conditions` (a correlated EXISTS: an index probe per event).

    SQLite is told to probe by event (migration 4's index): left to itself, with no statistics, it probed by
    country and read every participant of that country for each event (25 s for `country=RUS` on 1M events).
    """
    sub = sa.select(sa.literal(1)).select_from(participants).where(participants.c.event_id == events.c.id, *conditions)
    return sub.with_hint(participants, "INDEXED BY ix_participants_event_role", "sqlite").exists()


def _first_line(err: BaseException | None) -> str:
    """The first line of a driver's error, cut (PostgreSQL's syntax errors quote the whole query)."""
    line = str(err).strip().splitlines()[0] if err is not None and str(err).strip() else type(err).__name__
    return line if len(line) <= 100 else line[:100] + "…"


def _hide_password(location: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", location)


@lru_cache(maxsize=1)
def _nul_free_dumpers() -> tuple[type, type]:
    from psycopg.types.string import StrBinaryDumper, StrDumperUnknown

    class Text(StrDumperUnknown):
        def dump(self, obj: str):
            return super().dump(obj.replace("\x00", "\ufffd"))

    class Binary(StrBinaryDumper):
        def dump(self, obj: str):
            return super().dump(obj.replace("\x00", "\ufffd"))

    return Text, Binary


def _postgres_text(dbapi_conn, _record) -> None:
    """PostgreSQL's text cannot hold NUL, which article text may: U+FFFD takes its place (one character for one,
    so evidence offsets still point at the same words; the stored Document JSON keeps the original)."""
    for dumper in _nul_free_dumpers():
        dbapi_conn.adapters.register_dumper(str, dumper)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")  # first: the pragmas below may wait for another writer
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26
QUICK_CHECK_BYTES = 128 * 2**20  # quick_check reads every page: on open only below this size
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_sqlite(path: Path, location: str) -> None:
    """Refuse, before anything is written to it, a store file that is empty, not SQLite, not ours, newer than us or damaged.

    The checks read the file only (a read-only connection), so a file that is refused is left as it was;
    SQLite's quick_check reads every page, so it runs only while the file is small enough for that to be cheap.
    """
    if not path.parent.exists():
        raise StoreError(f"store directory {path.parent} does not exist; create it or choose another --db path")
    if not path.exists():
        return
    if not path.is_file():
        raise StoreError(f"{location} is not a regular file; choose another --db path")
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as err:
        raise StoreError(f"cannot read the store at {location} ({err.strerror}); check its permissions") from None
    if not head:
        raise StoreError(f"the store at {location} is an empty file (0 bytes), not a Dateline store: it may have been truncated; "
                         "restore it from a backup, or remove it to start a new store")
    if head != _SQLITE_MAGIC:
        raise StoreError(f"{location} is not an SQLite database (it does not start with the SQLite header); "
                         "is it a Dateline store? choose another --db path")
    damaged = (f"the store at {location} is damaged ({{}}); restore it from a backup, or ingest into a new store")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        try:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if names:
                missing = {t.name for t in (schema_version, articles, raw_inputs, events, participants, failures)} - names
                if missing:
                    raise StoreError(f"{location} is an SQLite database but not a Dateline store (it lacks the table(s) "
                                     f"{', '.join(sorted(missing))}); choose another --db path")
                version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0
                if version > len(MIGRATIONS):
                    raise StoreError(f"the store at {location} has schema version {version}, newer than this Dateline knows "
                                     f"({len(MIGRATIONS)}); upgrade Dateline")
            if path.stat().st_size <= QUICK_CHECK_BYTES:
                result = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
                if result != ["ok"]:
                    raise StoreError(damaged.format("quick_check: " + "; ".join(result)[:200]))
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        raise StoreError(damaged.format(err)) from None


def _engine(url: str) -> sa.Engine:
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        sa_event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _migrate(engine: sa.Engine, location: str) -> int:
    with engine.begin() as conn:
        _lock(conn)
        names = set(sa.inspect(conn).get_table_names())
        if names and "schema_version" not in names:
            raise StoreError(f"{location} is a database but not a Dateline store (no schema_version table; it holds "
                             f"{', '.join(sorted(names)[:5])}); choose another --db path")
        schema_version.create(conn, checkfirst=True)
        current = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0
        if current > len(MIGRATIONS):
            raise StoreError(f"the store at {location} has schema version {current}, newer than this Dateline knows "
                             f"({len(MIGRATIONS)}); upgrade Dateline")
        for version, migration in enumerate(MIGRATIONS[current:], current + 1):
            migration(conn)
            conn.execute(schema_version.insert().values(version=version, applied_at=_now()))
        return len(MIGRATIONS)


def _create_sqlite(path: Path, location: str) -> None:
    """Create a new store whole, then link it into place: no process ever sees a half-made store file, so an
    empty file at a store's path always means a damaged store, and processes starting together on a new
    path end up sharing whichever store was linked first."""
    scratch = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        engine = _engine(f"sqlite:///{scratch}")
        try:
            _migrate(engine, location)
        finally:
            engine.dispose()
        try:
            os.link(scratch, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(scratch, path)
    except (OSError, sa.exc.DatabaseError) as err:
        raise StoreError(f"cannot create the store at {location} ({err}); check the directory's permissions and free space") from None
    finally:
        for leftover in (scratch, scratch.with_name(scratch.name + "-wal"), scratch.with_name(scratch.name + "-shm")):
            leftover.unlink(missing_ok=True)


def _lock(conn: sa.Connection) -> None:
    """Take the store's write lock for this transaction: migrations run one process at a time."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7031946)")  # any fixed key: Dateline's migration lock
