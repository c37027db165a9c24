"""The dashboard's counts from an in-memory, columnar copy of the stored events' filterable fields.

`browse.stats` counts with SQL, which on a million events re-scans every match for each new set of filters
(4 to 11 s). `EventColumns` keeps, for each stored event, the fields that the filters and the charts read
(article, type, mode, factuality, quad class, confidence, date, place and its country) and, for each
participant, its event, role, country and sector, as numpy arrays. A filter is then a boolean mask and a chart
a bincount, so any set of filters, free text included, is counted in milliseconds, with the same answers as
`browse.stats` (tests/test_columns.py compares the two on SQLite and PostgreSQL, before and after more ingests).

Rollup tables kept by the writer were the other way: they cannot count distinct articles, nor events whose
participants have several countries or sectors without counting them twice, nor free text, a bounding box or a
confidence threshold, so those queries would still have scanned. The copy follows the store instead: before each
count it loads the articles stored since its last look (SQLite: by rowid; PostgreSQL: by ingested_at, with a
margin for transactions that commit late, checked against the number of articles), so it never answers from a
stale copy. Events are kept in date order, so that the counts read memory in order. A count costs time in
proportion to the smaller of the matching and the other events: above half, it is the whole minus the rest.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import sqlalchemy as sa

from .query import EventQuery, alpha2, decode_cursor
from .store import Store, articles

# On PostgreSQL, articles whose ingested_at is this close to the newest one seen are looked at again: an article's
# time is taken before its transaction commits, so one committing late may carry an earlier time.
LATE_COMMIT = timedelta(minutes=2)
_ROLES = {"actor": 1, "recipient": 2}
_EVENT_SQL = ("SELECT id, article_id, type, mode, factuality, quad_class, confidence, date, lat, lon, location, location_country "
              "FROM events{where}")
_PEOPLE_SQL = "SELECT event_id, role, country, sector FROM participants{where}"


class _Vocab:
    """Values (strings, numbers or tuples) as dense integer codes; code 0 is None. Append-only, so codes never change."""

    def __init__(self):
        self.values: list = [None]
        self.codes: dict = {None: 0}

    def encode(self, column) -> np.ndarray:
        """The codes of a column of values, new values taking new codes in the order they come."""
        for value in dict.fromkeys(column):
            if value not in self.codes:
                self.codes[value] = len(self.values)
                self.values.append(value)
        return np.fromiter(map(self.codes.__getitem__, column), dtype=np.int32, count=len(column))

    def lookup(self, wanted) -> np.ndarray:
        """A table over codes, True at the codes of `wanted` values (values never seen have no code)."""
        table = np.zeros(len(self.values), dtype=bool)
        table[[self.codes[v] for v in wanted if v in self.codes]] = True
        return table

    def rank(self, key=None) -> np.ndarray:
        """For each code, its place in the order of the values (None first)."""
        order = sorted(range(len(self.values)), key=lambda c: _null_first(self.values[c]) if key is None else key(self.values[c]))
        ranks = np.empty(len(order), dtype=np.int64)
        ranks[order] = np.arange(len(order))
        return ranks


_EVENT_FIELDS = ("article", "type", "mode", "factuality", "quad", "confidence", "date", "lat", "lon", "place", "place_country")
_FLOATS = {"confidence", "lat", "lon"}
_SMALL = {"type", "mode", "factuality", "quad", "place_country", "p_role", "p_country", "p_sector"}  # int16: less memory to read


@dataclass(frozen=True, eq=False)
class _Snapshot:
    """The arrays at one moment: one row per event, per participant and per (event, actor country, recipient country);
    `whole` holds the counts over every event, from which a query matching most events subtracts the others."""

    arrays: dict[str, np.ndarray]
    sizes: dict[str, int]  # vocabulary sizes when the arrays were built
    ranks: dict[str, Any]  # per vocabulary: orders, slices of the participants, JSON of its values
    whole: dict[str, np.ndarray] = field(default_factory=dict)
    orders: dict[str, np.ndarray] = field(default_factory=dict)  # event positions in each sort order, made when first asked

    @property
    def size(self) -> int:
        return len(self.arrays["article"])

    def __getattr__(self, name: str) -> np.ndarray:
        arrays = self.__dict__.get("arrays") or {}
        if name not in arrays:
            raise AttributeError(name)
        return arrays[name]


class EventColumns:
    """The columnar copy of one store; `stats(query)` answers as `browse.stats(store, query)` does."""

    def __init__(self, store: Store):
        self.store = store
        self.sqlite = store.engine.dialect.name == "sqlite"
        self.lock = threading.Lock()
        self._reset()

    def _reset(self) -> None:
        self.vocab = {name: _Vocab() for name in ("article", "type", "mode", "factuality", "quad", "date", "place", "place_country", "country", "sector")}
        self.mark: Any = None  # SQLite: the largest article rowid loaded; PostgreSQL: the newest ingested_at
        self.fts_article = np.zeros(1, dtype=np.int64)  # SQLite: the article code of each full-text row (by its rowid)
        empty = {name: np.zeros(0, dtype=np.float64 if name in _FLOATS else np.int16 if name in _SMALL else np.int32)
                 for name in (*_EVENT_FIELDS, "p_event", "p_role", "p_country", "p_sector", "pair_event", "pair_key", "key")}
        empty["id"] = np.zeros(0, dtype=object)
        self.snapshot = self._finish(empty)

    # Loading ---------------------------------------------------------------------------------------------------

    def current(self) -> _Snapshot:
        """The arrays with every event stored so far."""
        with self.lock:
            with self.store.engine.connect() as conn:
                if self.sqlite:
                    changed = conn.exec_driver_sql("SELECT max(rowid) FROM articles").scalar() != self.mark
                else:
                    count, newest = conn.execute(sa.select(sa.func.count(), sa.func.max(articles.c.ingested_at))).one()
                    changed = (count, newest) != (len(self.vocab["article"].values) - 1, self.mark)
                if changed:
                    self._load(conn)
                    if not self.sqlite and conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar() != len(self.vocab["article"].values) - 1:
                        self._reset()  # an article committed later than the margin allows: read everything again
                        self._load(conn)
            return self.snapshot

    def _load(self, conn: sa.Connection) -> None:
        """Append the events of the articles stored since the last load."""
        if self.sqlite:
            fts = _fetch(conn, "SELECT rowid, article_id FROM articles_fts WHERE rowid >= {p}", [len(self.fts_article)])
            scope, param = "SELECT id FROM articles WHERE rowid > {p}", self.mark
            found = _fetch(conn, "SELECT rowid, id FROM articles" + (" WHERE rowid > {p}" if self.mark else ""), [self.mark] if self.mark else [])
        else:
            param = (datetime.fromisoformat(self.mark) - LATE_COMMIT).isoformat() if self.mark else None
            scope = "SELECT id FROM articles WHERE ingested_at >= {p}"
            found = _fetch(conn, "SELECT ingested_at, id FROM articles" + (" WHERE ingested_at >= {p}" if param else ""), [param] if param else [])
        mark = max((r[0] for r in found), default=self.mark)
        new = {r[1] for r in found} - self.vocab["article"].codes.keys()
        if new:
            where = (" WHERE article_id IN (" + scope + ")", [param]) if self.mark else ("", [])
            rows = [r for r in _fetch(conn, _EVENT_SQL.format(where=where[0]), where[1]) if r[1] in new]
            people_where = (" WHERE event_id IN (SELECT id FROM events" + where[0] + ")", where[1]) if self.mark else ("", [])
            people = _fetch(conn, _PEOPLE_SQL.format(where=people_where[0]), people_where[1])
            self._append(rows, people)
            self.vocab["article"].encode(sorted(new))  # the articles without events
        if self.sqlite:
            self._add_fts(fts)
        self.mark = mark

    def _add_fts(self, rows: list[tuple[int, str]]) -> None:
        """Record the article code of each full-text row (rowid, article id), so that a search's matches are read as
        numbers, not ids. The rows were read before the articles, so each one's article is known."""
        if rows:
            codes = self.vocab["article"].codes
            grown = np.zeros(max(r[0] for r in rows) + 1, dtype=np.int64)
            grown[:len(self.fts_article)] = self.fts_article
            grown[[r[0] for r in rows]] = [codes.get(r[1], 0) for r in rows]
            self.fts_article = grown

    def _append(self, rows: list, people: list) -> None:
        """Add events (rows of _EVENT_SQL) and their participants (rows of _PEOPLE_SQL) to the arrays."""
        v, old = self.vocab, self.snapshot.arrays
        n = len(rows)
        ids, article, etype, mode, factuality, quad, confidence, date, lat, lon, location, place_country = zip(*rows) if rows else [()] * 12
        located = [(loc, la, lo, c) if la is not None else None for loc, la, lo, c in zip(location, lat, lon, place_country)]
        new = {"type": v["type"].encode(etype), "mode": v["mode"].encode(mode),
               "factuality": v["factuality"].encode(factuality), "quad": v["quad"].encode(quad), "date": v["date"].encode(date),
               "place": v["place"].encode(located), "place_country": v["place_country"].encode(place_country)}
        for name, column in (("confidence", confidence), ("lat", lat), ("lon", lon)):
            new[name] = np.fromiter((np.nan if x is None else x for x in column), dtype=np.float64, count=n)
        # Events in date order (a first load), and articles numbered in that order, so that counting reads memory in order.
        order = np.argsort(v["date"].rank()[new["date"]], kind="stable")
        new = {name: column[order] for name, column in new.items()}
        new["article"] = v["article"].encode([article[i] for i in order.tolist()])
        new["id"] = np.array(ids, dtype=object)[order] if n else np.zeros(0, dtype=object)
        index = dict(zip(new["id"].tolist(), range(self.snapshot.size, self.snapshot.size + n)))
        people = [r for r in people if r[0] in index]
        p_ids, p_role, p_country, p_sector = zip(*people) if people else [()] * 4
        new["p_event"] = np.fromiter(map(index.__getitem__, p_ids), dtype=np.int32, count=len(people))
        new["p_role"] = np.fromiter((_ROLES.get(r, 0) for r in p_role), dtype=np.int32, count=len(people))
        new["p_country"] = v["country"].encode(p_country)
        new["p_sector"] = v["sector"].encode(p_sector)
        new["pair_event"], pair_actor, pair_recipient = _pairs(new["p_event"], new["p_role"], new["p_country"])  # by event
        grown = {name: np.concatenate([old[name], new[name].astype(old[name].dtype)]) for name in new}
        grown["pair_key"] = np.concatenate([old["pair_key"] // self.snapshot.sizes["country"] * len(v["country"].values)
                                            + old["pair_key"] % self.snapshot.sizes["country"] if len(old["pair_key"]) else old["pair_key"],
                                            pair_actor * len(v["country"].values) + pair_recipient])
        self.snapshot = self._finish(grown)

    def _finish(self, arrays: dict[str, np.ndarray]) -> _Snapshot:
        """The snapshot of these arrays: the combined key of date, type and quad class, orders, and counts over every event."""
        v = self.vocab
        sizes = {name: len(vocab.values) for name, vocab in v.items()}
        arrays["key"] = (arrays["date"].astype(np.int64) * sizes["type"] + arrays["type"]) * sizes["quad"] + arrays["quad"]
        # Each event's first country pair beside it (-1: none), the others apart: most events have one pair at most.
        pair_event = arrays["pair_event"]
        first = np.ones(len(pair_event), dtype=bool)
        first[1:] = pair_event[1:] != pair_event[:-1]
        arrays["pair1"] = np.full(len(arrays["article"]), -1, dtype=np.int64)
        arrays["pair1"][pair_event[first]] = arrays["pair_key"][first]
        arrays["extra_event"], arrays["extra_key"] = pair_event[~first], arrays["pair_key"][~first]
        ranks = {name: v[name].rank() for name in ("date", "type", "quad", "country")}
        ranks["place"] = v["place"].rank(key=_place_order)
        ranks["day"] = np.array([d is not None and len(d) == 10 for d in v["date"].values], dtype=bool)  # dated to the day
        ranks["day_json"] = [json.dumps(d) for d in v["date"].values]
        ranks["quad_json"] = [json.dumps(q) for q in v["quad"].values]
        # Participants by country and by sector: those of one country or sector are a slice.
        for column in ("country", "sector"):
            ranks["by_" + column] = np.argsort(arrays["p_" + column], kind="stable")
            ranks[column + "_start"] = np.searchsorted(arrays["p_" + column][ranks["by_" + column]], np.arange(sizes[column] + 1))
        snapshot = _Snapshot(arrays=arrays, sizes=sizes, ranks=ranks)
        snapshot.whole.update(_tally(snapshot, np.ones(snapshot.size, dtype=bool)))
        return snapshot

    # Counting --------------------------------------------------------------------------------------------------

    def stats(self, query: EventQuery, top: int = 50) -> dict:
        """The counts `browse.stats(store, query, top)` gives, from the arrays."""
        return self._stats(query, top, days_as_json=False)

    def stats_json(self, query: EventQuery, top: int = 50) -> str:
        """`stats` as JSON text, its thousands of daily counts written straight from the arrays."""
        answer = self._stats(query, top, days_as_json=True)
        days = answer.pop("by_day")
        rest = json.dumps(answer, ensure_ascii=False, separators=(",", ":"))
        return f'{rest[:-1]},"by_day":[{days}]}}'

    def _stats(self, query: EventQuery, top: int, days_as_json: bool) -> dict:
        s = self.current()
        mask = self._mask(s, query)
        if mask is None:
            counts = s.whole
        elif np.count_nonzero(mask) * 2 > s.size:  # most events match: every event's counts minus the others'
            rest = _tally(s, ~mask)
            counts = {name: s.whole[name] - rest[name] for name in rest}
        else:
            counts = _tally(s, mask)
        return self._answer(s, counts, top, days_as_json)

    def page(self, query: EventQuery) -> list[str] | None:
        """The ids of the events on `query`'s page and the one after it (up to limit + 1), in its order, as
        Store.find_events pages them; None when the copy cannot tell (an offset, or a cursor naming no event)."""
        s = self.current()
        if query.offset:
            return None
        order = self._order(s, query.sort)
        start = 0
        if query.cursor:
            _, after_id = decode_cursor(query.cursor)
            at = np.searchsorted(s.orders["ids"], after_id)
            if at >= s.size or s.orders["ids"][at] != after_id:
                return None
            start = int(s.orders["position"][query.sort][s.orders["by_id"][at]]) + 1
        mask = self._mask(s, query)
        wanted = query.limit + 1 if query.limit else s.size
        if mask is None:
            return s.id[order[start:start + wanted]].tolist()
        found, step = [], 1024
        while start < s.size and sum(map(len, found)) < wanted:  # a page of a common filter is in the first steps
            chunk = order[start:start + step]
            found.append(chunk[mask[chunk]])
            start, step = start + step, step * 2
        return s.id[np.concatenate(found)[:wanted]].tolist() if found else []

    def _order(self, s: _Snapshot, sort: str) -> np.ndarray:
        """Event positions in the order of `sort` (its key, None last, then id), made on first use for each snapshot."""
        with self.lock:
            if "ids" not in s.orders:
                by_id = np.argsort(s.id, kind="stable")
                s.orders.update(by_id=by_id, ids=s.id[by_id], id_rank=_inverse(by_id), position={})
            if sort not in s.orders:
                if sort.endswith("date"):
                    key, missing = s.ranks["date"][s.date].astype(np.float64), s.date == 0
                else:
                    key, missing = np.nan_to_num(s.confidence), np.isnan(s.confidence)
                order = np.lexsort((s.orders["id_rank"], -key if sort.startswith("-") else key, missing))
                s.orders[sort] = order
                s.orders["position"][sort] = _inverse(order)
            return s.orders[sort]

    def _answer(self, s: _Snapshot, counts: dict[str, np.ndarray], top: int, days_as_json: bool) -> dict:
        v, sizes, ranks = self.vocab, s.sizes, s.ranks
        cube = counts["cube"].reshape(sizes["date"], sizes["type"], sizes["quad"])
        dates, types, quads, countries, places = (v[name].values for name in ("date", "type", "quad", "country", "place"))
        by_day = cube.sum(axis=1)
        by_day[~ranks["day"]] = 0
        day_codes, quad_codes = np.nonzero(by_day)
        order = np.lexsort((ranks["quad"][quad_codes], ranks["date"][day_codes]))
        by_type = cube.sum(axis=(0, 2))
        by_quad = cube.sum(axis=(0, 1))
        pairs = counts["pairs"]
        pair_codes = np.flatnonzero(pairs)
        pair_codes = pair_codes[np.lexsort((ranks["country"][pair_codes % sizes["country"]], ranks["country"][pair_codes // sizes["country"]],
                                            -pairs[pair_codes]))][:top]
        place_codes = np.flatnonzero(counts["places"])
        place_codes = place_codes[place_codes > 0]
        place_codes = place_codes[np.lexsort((ranks["place"][place_codes], -counts["places"][place_codes]))][:top]
        return {
            "total": int(by_quad.sum()), "articles": int(np.count_nonzero(counts["articles"])),
            "by_day": _days_json(s, day_codes[order], quad_codes[order], by_day) if days_as_json else
            [{"day": dates[d], "quad_class": quads[q], "n": int(by_day[d, q])} for d, q in zip(day_codes[order].tolist(), quad_codes[order].tolist())],
            "by_type": [{"type": types[t], "n": int(by_type[t])} for t in sorted(np.flatnonzero(by_type).tolist(), key=lambda t: (-by_type[t], types[t]))],
            "by_quad_class": [{"quad_class": quads[q], "n": int(by_quad[q])} for q in sorted(np.flatnonzero(by_quad).tolist(), key=lambda q: ranks["quad"][q])],
            "by_country_pair": [{"actor_country": countries[k // sizes["country"]], "recipient_country": countries[k % sizes["country"]], "n": int(pairs[k])}
                                for k in pair_codes.tolist()],
            "by_place": [{"name": places[k][0], "lat": places[k][1], "lon": places[k][2], "country": places[k][3], "n": int(counts["places"][k])}
                         for k in place_codes.tolist()],
        }

    def _mask(self, s: _Snapshot, query: EventQuery) -> np.ndarray | None:
        """The events that match the query's filters (None: every event).

        Participant filters come first, read from their country's or sector's slice of the participants; once few
        events are left, each further filter is tested on those alone."""
        v = self.vocab
        full: list[np.ndarray] = []  # masks over every event
        if query.sector:
            full.append(self._taking_part(s, "sector", query.sector))
        if query.country:
            place = v["place_country"].codes.get(alpha2(query.country), -1) if alpha2(query.country) else -1
            full.append(self._taking_part(s, "country", [query.country]) | (s.place_country == place))
        for role, code in (("actor", query.actor_country), ("recipient", query.recipient_country)):
            if code:
                full.append(self._taking_part(s, "country", [code], _ROLES[role]))
        tests = [lambda at, m=m: m if at is None else m[at] for m in full]  # each: the test of the events `at` (None: all)
        for name, wanted in (("type", query.type), ("mode", query.mode), ("factuality", query.factuality)):
            if wanted:
                tests.append(lambda at, t=v[name].lookup(wanted), c=s.arrays[name]: t[c if at is None else c[at]])
        if query.since or query.until:
            tests.append(lambda at, t=_date_table(v["date"].values[:s.sizes["date"]], query): t[s.date if at is None else s.date[at]])
        if query.min_confidence is not None:
            tests.append(lambda at: (s.confidence if at is None else s.confidence[at]) >= query.min_confidence)
        if query.bbox:
            west, south, east, north = query.bbox

            def inside(at):
                lat, lon = (s.lat, s.lon) if at is None else (s.lat[at], s.lon[at])
                return (lat >= south) & (lat <= north) & ((lon >= west) & (lon <= east) if west <= east else (lon >= west) | (lon <= east))
            tests.append(inside)
        if query.q:
            matched = np.zeros(len(v["article"].values), dtype=bool)
            matched[self._matching_articles(query)] = True
            matched[0] = False
            tests.append(lambda at: matched[s.article if at is None else s.article[at]])
        mask, rows = None, None
        for test in tests:
            if rows is not None:
                rows = rows[test(rows)]
                continue
            mask = test(None) if mask is None else mask & test(None)
            if np.count_nonzero(mask) * 8 < s.size:
                rows = np.flatnonzero(mask)
        if rows is not None:
            mask = np.zeros(s.size, dtype=bool)
            mask[rows] = True
        return mask

    def _matching_articles(self, query: EventQuery) -> np.ndarray:
        """The codes of the articles that match the query's search text (0 for an article not loaded yet)."""
        if self.sqlite:
            rowids = np.array(self.store.article_ids_matching(query.q, query.fts, rowids=True), dtype=np.int64)
            return self.fts_article[rowids[rowids < len(self.fts_article)]]
        codes = self.vocab["article"].codes
        return np.array([codes.get(a, 0) for a in self.store.article_ids_matching(query.q, query.fts)], dtype=np.int64)

    def _taking_part(self, s: _Snapshot, column: str, values, role: int | None = None) -> np.ndarray:
        """The events with a participant whose `column` (country or sector) is one of `values` (in this role), read from
        the participants of those values alone."""
        chosen = [s.ranks["by_" + column][s.ranks[column + "_start"][c]:s.ranks[column + "_start"][c + 1]]
                  for value in values if (c := self.vocab[column].codes.get(value, s.sizes[column])) < s.sizes[column]]
        chosen = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int64)
        if role is not None:
            chosen = chosen[s.p_role[chosen] == role]
        out = np.zeros(s.size, dtype=bool)
        out[s.p_event[chosen]] = True
        return out


def _days_json(s: _Snapshot, day_codes: np.ndarray, quad_codes: np.ndarray, by_day: np.ndarray) -> str:
    """The items of the by-day counts as JSON text (each day and quad class written as JSON once per snapshot)."""
    day, quad = s.ranks["day_json"], s.ranks["quad_json"]
    return ",".join([f'{{"day":{day[d]},"quad_class":{quad[q]},"n":{n}}}'
                     for d, q, n in zip(day_codes.tolist(), quad_codes.tolist(), by_day[day_codes, quad_codes].tolist())])


def _fetch(conn: sa.Connection, sql: str, params: list) -> list[tuple]:
    """Rows of `sql` (its parameters written {p}) through the driver's own cursor: a million rows in seconds, not minutes."""
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql.replace("{p}", "?" if conn.dialect.name == "sqlite" else "%s"), params)
        rows = []
        while batch := cursor.fetchmany(20_000):  # in batches: the server's other threads get the GIL in between
            rows += batch
        return rows
    finally:
        cursor.close()


def _tally(s: _Snapshot, mask: np.ndarray) -> dict[str, np.ndarray]:
    """Counts of the events in `mask` by date × type × quad class, article, place and country pair."""
    sizes = s.sizes
    rows = np.flatnonzero(mask)
    pairs = s.pair1[rows]
    pairs = np.concatenate([pairs[pairs >= 0], s.extra_key[mask[s.extra_event]]])
    return {"cube": np.bincount(s.key[rows], minlength=sizes["date"] * sizes["type"] * sizes["quad"]),
            "articles": np.bincount(s.article[rows], minlength=sizes["article"]),
            "places": np.bincount(s.place[rows], minlength=sizes["place"]),
            "pairs": np.bincount(pairs, minlength=sizes["country"] ** 2)}


def _pairs(event: np.ndarray, role: np.ndarray, country: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(event, actor country, recipient country) for every distinct pair of an event's actor and recipient countries."""
    size = int(country.max(initial=0)) + 1

    def side(r):
        keys = np.unique(event[(role == r) & (country > 0)].astype(np.int64) * size + country[(role == r) & (country > 0)])
        return keys // size, keys % size

    a_event, a_country = side(_ROLES["actor"])
    r_event, r_country = side(_ROLES["recipient"])
    first, last = np.searchsorted(r_event, a_event, "left"), np.searchsorted(r_event, a_event, "right")
    repeat = last - first
    which = np.repeat(np.arange(len(a_event)), repeat)
    return a_event[which].astype(np.int32), a_country[which], r_country[_ranges(first, last)]


def _inverse(order: np.ndarray) -> np.ndarray:
    """The inverse of a permutation: where each element stands in `order`."""
    out = np.empty(len(order), dtype=np.int64)
    out[order] = np.arange(len(order))
    return out


def _ranges(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """The indices first[0]..last[0]-1, first[1]..last[1]-1, … in one array."""
    repeat = last - first
    return np.repeat(first, repeat) + np.arange(repeat.sum()) - np.repeat(np.cumsum(repeat) - repeat, repeat)


def _date_table(dates: list, query: EventQuery) -> np.ndarray:
    """For each date code, whether that date overlaps the query's since..until (as Store._select compares them)."""
    out = np.zeros(len(dates), dtype=bool)
    since = query.since.isoformat() if query.since else None
    until = query.until.isoformat() if query.until else None
    for code, d in enumerate(dates):
        if d is not None:
            out[code] = (not since or (d >= since[:4] and (d >= since or d == since[:4] or d == since[:7]))) and (not until or d <= until)
    return out


def _null_first(value) -> tuple:
    """An order in which None comes first (as ORDER BY … NULLS FIRST)."""
    return (value is not None, value if value is not None else 0)


def _place_order(place: tuple | None) -> tuple:
    """The order of places among equal counts: by name, lat, lon and country, None first (as browse.stats orders them)."""
    if place is None:
        return (False,)
    name, lat, lon, country = place
    return (True, *_null_first(name), lat, lon, *_null_first(country))
