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
from typing import Any, Callable

import numpy as np
import sqlalchemy as sa

from .query import EventQuery, alpha2, decode_cursor, fts5_query, search_terms
from .store import Store, articles

# On PostgreSQL, articles whose ingested_at is this close to the newest one seen are looked at again: an article's
# time is taken before its transaction commits, so one committing late may carry an earlier time.
LATE_COMMIT = timedelta(minutes=2)
TERM_MEMORY = 64 << 20  # bytes of search terms' articles kept per snapshot
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
    ranks: dict[str, Any]  # per vocabulary: orders, JSON of its values
    whole: dict[str, np.ndarray] = field(default_factory=dict)
    orders: dict[str, Any] = field(default_factory=dict)  # event positions in each sort order, and by id
    index: dict[Any, tuple] = field(default_factory=dict)  # per column (or participant column and role): the events of each value
    memo: dict[Any, np.ndarray] = field(default_factory=dict)  # postings made on first use: a country's events, a search term's articles

    @property
    def size(self) -> int:
        return len(self.arrays["article"])

    def __getattr__(self, name: str) -> np.ndarray:
        arrays = self.__dict__.get("arrays") or {}
        if name not in arrays:
            raise AttributeError(name)
        return arrays[name]


@dataclass(frozen=True)
class _Filter:
    """One filter of a query, over the events of a snapshot (by their row numbers)."""

    size: int  # how many events it keeps: exact, but for a bounding box (the events within its latitudes)
    rows: Callable[[], np.ndarray]  # the events it keeps, each once, in no set order
    test: Callable[[np.ndarray], np.ndarray]  # which of the given events it keeps


class EventColumns:
    """The columnar copy of one store; `stats(query)` answers as `browse.stats(store, query)` does."""

    def __init__(self, store: Store):
        self.store = store
        self.sqlite = store.engine.dialect.name == "sqlite"
        self.lock = threading.Lock()
        self.loaded = False  # True once every event stored when the copy was made has been loaded
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

    def stale(self) -> bool:
        """Whether articles were stored since the arrays were last brought up to date (one small query; nothing loads)."""
        with self.store.engine.connect() as conn:
            return self._changed(conn)

    def _changed(self, conn: sa.Connection) -> bool:
        if self.sqlite:
            return conn.exec_driver_sql("SELECT max(rowid) FROM articles").scalar() != self.mark
        count, newest = conn.execute(sa.select(sa.func.count(), sa.func.max(articles.c.ingested_at))).one()
        return (count, newest) != (len(self.vocab["article"].values) - 1, self.mark)

    def current(self) -> _Snapshot:
        """The arrays with every event stored so far."""
        with self.lock:
            with self.store.engine.connect() as conn:
                if self._changed(conn):
                    self._load(conn)
                    if not self.sqlite and conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar() != len(self.vocab["article"].values) - 1:
                        self._reset()  # an article committed later than the margin allows: read everything again
                        self._load(conn)
            self.loaded = True
            return self.snapshot

    def version(self) -> str:
        """The store's version, as of now: the number of articles and the newest one's rowid (SQLite) or time of
        ingest (PostgreSQL). It changes whenever an article is stored, as the columns do."""
        self.current()
        return f"{len(self.vocab['article'].values) - 1}.{self.mark}"

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
        """The snapshot of these arrays: the combined key of date, type and quad class, the events of each value of each
        filtered column, the four sort orders, and the counts over every event."""
        v = self.vocab
        sizes = {name: len(vocab.values) for name, vocab in v.items()}
        # Date, quad class and type in one number, type last: the charts' sums then run along memory.
        arrays["key"] = (arrays["date"].astype(np.intp) * sizes["quad"] + arrays["quad"]) * sizes["type"] + arrays["type"]
        for name in ("article", "place"):  # counted by np.bincount, which would copy any other integer type to intp first
            arrays[name] = arrays[name].astype(np.intp, copy=False)
        # Each event's first country pair beside it (-1: none), the others apart: most events have one pair at most.
        pair_event = arrays["pair_event"]
        first = np.ones(len(pair_event), dtype=bool)
        first[1:] = pair_event[1:] != pair_event[:-1]
        arrays["pair1"] = np.full(len(arrays["article"]), -1, dtype=np.intp)
        arrays["pair1"][pair_event[first]] = arrays["pair_key"][first]
        arrays["extra_event"], arrays["extra_key"] = pair_event[~first], arrays["pair_key"][~first]
        ranks = {name: v[name].rank() for name in ("date", "type", "quad", "country")}
        ranks["place"] = v["place"].rank(key=_place_order)
        # The by-day chart's items: (date, quad class) codes of the dates known to the day, in date then quad class order,
        # and each item's JSON up to its count.
        days = [(d, q) for d, q in np.ndindex(sizes["date"], sizes["quad"]) if v["date"].values[d] is not None and len(v["date"].values[d]) == 10]
        days.sort(key=lambda dq: (ranks["date"][dq[0]], ranks["quad"][dq[1]]))
        ranks["days"] = np.array([d * sizes["quad"] + q for d, q in days], dtype=np.int64)
        ranks["day_items"] = [(v["date"].values[d], v["quad"].values[q]) for d, q in days]
        ranks["day_json"] = [f'{{"day":{json.dumps(day)},"quad_class":{json.dumps(quad)},"n":' for day, quad in ranks["day_items"]]
        snapshot = _Snapshot(arrays=arrays, sizes=sizes, ranks=ranks)
        n = snapshot.size
        # The events of each value, as a slice of one array: by column, and by participant country (any role, actor,
        # recipient) and sector, each event once per value.
        for name in ("type", "mode", "factuality", "date", "place_country", "article"):
            snapshot.index[name] = _postings(arrays[name], np.arange(n, dtype=np.int32), sizes[name])
        role = arrays["p_role"]
        for column, people in (("country", None), ("country", _ROLES["actor"]), ("country", _ROLES["recipient"]), ("sector", None)):
            chosen = slice(None) if people is None else role == people
            snapshot.index[column, people] = _postings(arrays["p_" + column][chosen], arrays["p_event"][chosen], sizes[column])
        # The events of a country: those with a participant of that country, or a place in it.
        place_start, places = snapshot.index["place_country"][1], snapshot.index["place_country"][0]
        in_place = [(code, places[place_start[p]:place_start[p + 1]]) for code, country in enumerate(v["country"].values[:sizes["country"]])
                    if country and (p := v["place_country"].codes.get(alpha2(country), sizes["place_country"])) < sizes["place_country"]]
        snapshot.index["country", "or_place"] = _postings(
            np.concatenate([arrays["p_country"], *(np.full(len(rows), code, dtype=np.int32) for code, rows in in_place)]),
            np.concatenate([arrays["p_event"], *(rows for _, rows in in_place)]), sizes["country"])
        for name in ("confidence", "lat"):  # by value, NaN last
            by_value = np.argsort(arrays[name], kind="stable").astype(np.int32)
            snapshot.index[name] = (by_value, arrays[name][by_value])
        by_id = np.argsort(arrays["id"], kind="stable")
        snapshot.orders.update(ids=arrays["id"][by_id], by_id=by_id.astype(np.int32), position={})
        id_rank = _inverse(by_id)
        for sort in ("-date", "date", "-confidence", "confidence"):
            if sort.endswith("date"):
                key, missing = ranks["date"][arrays["date"]].astype(np.float64), arrays["date"] == 0
            else:
                key, missing = np.nan_to_num(arrays["confidence"]), np.isnan(arrays["confidence"])
            order = np.lexsort((id_rank, -key if sort.startswith("-") else key, missing)).astype(np.int32)
            snapshot.orders[sort] = order
            snapshot.orders["position"][sort] = _inverse(order)
        snapshot.whole.update(_tally(snapshot, np.arange(n, dtype=np.int32)))
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
        rows = self._matching(s, query)
        if rows is None:
            counts = s.whole
        elif len(rows) * 2 > s.size:  # most events match: every event's counts minus the others'
            rest = np.ones(s.size, dtype=bool)
            rest[rows] = False
            rest = _tally(s, np.flatnonzero(rest))
            counts = {name: s.whole[name] - rest[name] for name in rest}
        else:
            counts = _tally(s, rows)
        return self._answer(s, counts, top, days_as_json)

    def page(self, query: EventQuery) -> list[str] | None:
        """The ids of the events on `query`'s page and the one after it (up to limit + 1), in its order, as
        Store.find_events pages them; None when the copy cannot tell (an offset, or a cursor naming no event).

        When the filters together keep many events, the page is among the first in the sort order: the order is read
        in growing steps, each tested against the filters. Otherwise the events that the narrowest filter keeps are
        tested against the others, and the first of them in the sort order taken."""
        s = self.current()
        if query.offset:
            return None
        order, position = s.orders[query.sort], s.orders["position"][query.sort]
        start = 0
        if query.cursor:
            _, after_id = decode_cursor(query.cursor)
            at = np.searchsorted(s.orders["ids"], after_id)
            if at >= s.size or s.orders["ids"][at] != after_id:
                return None
            start = int(position[s.orders["by_id"][at]]) + 1
        filters = self._filters(s, query)
        wanted = query.limit + 1 if query.limit else s.size
        if not filters:
            return s.id[order[start:start + wanted]].tolist()
        share = float(np.prod([f.size / max(s.size, 1) for f in filters]))  # of the events, if the filters were independent
        if wanted * 2 < share * filters[0].size:
            found, step, count, walked = [], max(256, int(2 * wanted / share)), 0, start
            while walked < s.size and count < wanted and walked - start < filters[0].size:
                chunk = order[walked:walked + step]
                for f in filters:
                    chunk = chunk[f.test(chunk)]
                found.append(chunk)
                count += len(chunk)
                walked, step = walked + step, step * 2
            if count >= wanted or walked >= s.size:
                return s.id[np.concatenate(found)[:wanted]].tolist() if found else []
            # The filters go together less than they seemed to (a date range read in date order): as for narrow ones.
        at = position[self._narrowed(filters)]
        at = at[at >= start]
        if len(at) > wanted:
            at = np.partition(at, wanted - 1)[:wanted]
        return s.id[order[np.sort(at)]].tolist()

    def _answer(self, s: _Snapshot, counts: dict[str, np.ndarray], top: int, days_as_json: bool) -> dict:
        v, sizes, ranks = self.vocab, s.sizes, s.ranks
        cube = counts["cube"].reshape(sizes["date"] * sizes["quad"], sizes["type"])
        types, quads, countries, places = (v[name].values for name in ("type", "quad", "country", "place"))
        by_day = cube.sum(axis=1)
        by_type = cube.sum(axis=0)
        by_quad = by_day.reshape(sizes["date"], sizes["quad"]).sum(axis=0)
        by_day = by_day[ranks["days"]]
        shown = np.flatnonzero(by_day)
        shown, by_day = shown.tolist(), by_day[shown].tolist()
        pairs = counts["pairs"]
        pair_codes = _top(pairs, np.flatnonzero(pairs), top, lambda k: (ranks["country"][k % sizes["country"]], ranks["country"][k // sizes["country"]]))
        place_codes = np.flatnonzero(counts["places"])
        place_codes = _top(counts["places"], place_codes[place_codes > 0], top, lambda k: (ranks["place"][k],))
        if days_as_json:
            day_json = ranks["day_json"]
            days: Any = ",".join([f"{day_json[i]}{n}}}" for i, n in zip(shown, by_day)])
        else:
            days = [{"day": ranks["day_items"][i][0], "quad_class": ranks["day_items"][i][1], "n": n} for i, n in zip(shown, by_day)]
        return {
            "total": int(by_quad.sum()), "articles": int(np.count_nonzero(counts["articles"])), "by_day": days,
            "by_type": [{"type": types[t], "n": int(by_type[t])} for t in sorted(np.flatnonzero(by_type).tolist(), key=lambda t: (-by_type[t], types[t]))],
            "by_quad_class": [{"quad_class": quads[q], "n": int(by_quad[q])} for q in sorted(np.flatnonzero(by_quad).tolist(), key=lambda q: ranks["quad"][q])],
            "by_country_pair": [{"actor_country": countries[k // sizes["country"]], "recipient_country": countries[k % sizes["country"]], "n": int(pairs[k])}
                                for k in pair_codes.tolist()],
            "by_place": [{"name": places[k][0], "lat": places[k][1], "lon": places[k][2], "country": places[k][3], "n": int(counts["places"][k])}
                         for k in place_codes.tolist()],
        }

    def _matching(self, s: _Snapshot, query: EventQuery) -> np.ndarray | None:
        """The events (rows) that match the query's filters, each once, in no set order (None: every event)."""
        filters = self._filters(s, query)
        return self._narrowed(filters) if filters else None

    @staticmethod
    def _narrowed(filters: list[_Filter]) -> np.ndarray:
        """The events the first (narrowest) filter keeps, tested against the others in turn."""
        rows = filters[0].rows()
        for f in filters[1:]:
            if not len(rows):
                break
            rows = rows[f.test(rows)]
        return rows

    def _filters(self, s: _Snapshot, query: EventQuery) -> list[_Filter]:
        """The query's filters, narrowest first."""
        v, n = self.vocab, s.size
        out = []
        for name, wanted in (("type", query.type), ("mode", query.mode), ("factuality", query.factuality)):
            if wanted:
                out.append(_coded(s, name, [v[name].codes[x] for x in wanted if x in v[name].codes]))
        if query.since or query.until:
            out.append(_coded(s, "date", np.flatnonzero(_date_table(v["date"].values[:s.sizes["date"]], query))))
        if query.country:
            out.append(_listed(self._country_events(s, query.country), n))
        for role, code in (("actor", query.actor_country), ("recipient", query.recipient_country)):
            if code:
                out.append(_listed(self._taking_part(s, "country", [code], _ROLES[role]), n))
        if query.sector:
            out.append(_listed(self._taking_part(s, "sector", query.sector), n))
        if query.min_confidence is not None:
            by_value, values = s.index["confidence"]
            low, high = np.searchsorted(values, query.min_confidence, side="left"), np.searchsorted(values, np.inf, side="right")
            out.append(_Filter(int(high - low), lambda: by_value[low:high], lambda at: s.confidence[at] >= query.min_confidence))
        if query.bbox:
            west, south, east, north = query.bbox

            def inside(at, lat_known=False):
                lon = s.lon[at]
                keep = (lon >= west) & (lon <= east) if west <= east else (lon >= west) | (lon <= east)
                if not lat_known:
                    lat = s.lat[at]
                    keep &= (lat >= south) & (lat <= north)
                return keep
            by_value, values = s.index["lat"]
            low, high = np.searchsorted(values, south, side="left"), np.searchsorted(values, north, side="right")
            out.append(_Filter(int(high - low), lambda: (lambda at: at[inside(at, True)])(by_value[low:high]), inside))
        if query.q:
            out.append(_coded(s, "article", self._matching_articles(s, query)))
        return sorted(out, key=lambda f: f.size)

    def _country_events(self, s: _Snapshot, country: str) -> np.ndarray:
        """The events with a participant of this country or a place in it, each once, in order."""
        if self.vocab["country"].codes.get(country, s.sizes["country"]) < s.sizes["country"]:
            return self._taking_part(s, "country", [country], "or_place")
        place = self.vocab["place_country"].codes.get(alpha2(country), s.sizes["place_country"]) if alpha2(country) else s.sizes["place_country"]
        return _coded(s, "place_country", [place]).rows()

    def _matching_articles(self, s: _Snapshot, query: EventQuery) -> np.ndarray:
        """The codes of the loaded articles that match the query's search text, each once.

        Each term's articles are kept per snapshot (a term → articles index, at most TERM_MEMORY bytes, the least
        recently used dropped first), so a common word costs its full-text search once; the terms' articles are then
        intersected (FTS5 and tsquery both require every term)."""
        terms = [query.q] if query.fts else search_terms(query.q)
        found = None
        for term in terms:
            key = ("term", query.fts, term)
            with self.lock:
                codes = s.memo.pop(key, None)
                if codes is not None:
                    s.memo[key] = codes  # now the most recently used
            if codes is None:
                codes = self._search(term if query.fts else fts5_query([term]), query.fts)
                with self.lock:
                    s.memo[key] = codes
                    terms_held = [k for k in s.memo if k[0] == "term"]
                    while sum(s.memo[k].nbytes for k in terms_held) > TERM_MEMORY and len(terms_held) > 1:
                        del s.memo[terms_held.pop(0)]
            found = codes if found is None else np.intersect1d(found, codes, assume_unique=True)
        return found if found is not None else np.zeros(0, dtype=np.int32)

    def _search(self, expression: str, fts: bool) -> np.ndarray:
        """The codes of the loaded articles matching one full-text expression, sorted, each once."""
        if self.sqlite:
            rowids = np.array(self.store.article_ids_matching(expression, fts=True, rowids=True), dtype=np.int64)
            codes = self.fts_article[rowids[rowids < len(self.fts_article)]]
        else:
            known = self.vocab["article"].codes
            codes = np.array([known.get(a, 0) for a in self.store.article_ids_matching(expression, fts=True)], dtype=np.int64)
        codes = np.unique(codes.astype(np.int32))
        return codes[codes > 0]

    def _taking_part(self, s: _Snapshot, column: str, values, role: int | str | None = None) -> np.ndarray:
        """The events with a participant whose `column` (country or sector) is one of `values` (in this role; "or_place":
        or placed in that country), each once, in order."""
        rows, start = s.index[column, role]
        codes = [c for value in values if (c := self.vocab[column].codes.get(value, s.sizes[column])) < s.sizes[column]]
        parts = [rows[start[c]:start[c + 1]] for c in codes]
        return parts[0] if len(parts) == 1 else np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int32)


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


def _tally(s: _Snapshot, rows: np.ndarray) -> dict[str, np.ndarray]:
    """Counts of the events `rows` by date × type × quad class, article, place and country pair."""
    sizes = s.sizes
    if len(rows) > 4096:  # read in order, the columns come from memory about twice as fast: more than the sort costs
        rows = np.sort(rows)
    if len(rows) and rows[-1] - rows[0] + 1 == len(rows):  # every event between two (a date range): a slice, not a copy
        rows = slice(int(rows[0]), int(rows[-1]) + 1)

    def pick(column):
        return column[rows] if isinstance(rows, slice) else np.take(column, rows)  # take: twice as fast as indexing
    pairs = pick(s.pair1)
    pairs = pairs[pairs >= 0]
    if len(s.extra_event):
        chosen = np.zeros(s.size, dtype=bool)
        chosen[rows] = True
        pairs = np.concatenate([pairs, s.extra_key[chosen[s.extra_event]]])
    return {"cube": np.bincount(pick(s.key), minlength=sizes["date"] * sizes["quad"] * sizes["type"]),
            "articles": np.bincount(pick(s.article), minlength=sizes["article"]),
            "places": np.bincount(pick(s.place), minlength=sizes["place"]),
            "pairs": np.bincount(pairs, minlength=sizes["country"] ** 2)}


def _top(counts: np.ndarray, codes: np.ndarray, top: int, ties: Callable[[np.ndarray], tuple]) -> np.ndarray:
    """The `top` codes with the largest counts, in that order, equal counts in the order of the keys `ties` gives (the
    most significant last); only the codes whose count can reach the top are sorted."""
    if len(codes) > top:
        codes = codes[counts[codes] >= np.partition(counts[codes], len(codes) - top)[len(codes) - top]]
    return codes[np.lexsort((*ties(codes), -counts[codes]))][:top]


def _postings(codes: np.ndarray, rows: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows, start): the distinct `rows` of each code c, in order, as rows[start[c]:start[c + 1]] (codes below `size`)."""
    n = int(rows.max(initial=-1)) + 1
    keys = np.unique(codes.astype(np.int64) * n + rows) if n else np.zeros(0, dtype=np.int64)
    by_code = (keys % n if n else keys).astype(np.int32)
    start = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // n if n else keys, minlength=size)[:size], out=start[1:])
    return by_code, start


def _coded(s: _Snapshot, name: str, codes) -> _Filter:
    """The filter keeping the events whose column `name` holds one of `codes`."""
    by_code, start = s.index[name]
    codes = np.asarray(codes, dtype=np.int64)
    codes = codes[codes < s.sizes[name]]
    first, last = start[codes], start[codes + 1]
    table = np.zeros(s.sizes[name], dtype=bool)
    table[codes] = True
    column = s.arrays[name]
    return _Filter(int((last - first).sum()), lambda: by_code[_ranges(first, last)], lambda at: table[column[at]])


def _listed(rows: np.ndarray, n: int) -> _Filter:
    """The filter keeping the events `rows` (distinct, in order) of the n."""
    def test(at):
        if len(at) * 16 < len(rows):  # a few events: looked up
            found = np.searchsorted(rows, at)
            return rows[np.minimum(found, len(rows) - 1)] == at
        kept = np.zeros(n, dtype=bool)
        kept[rows] = True
        return kept[at]
    return _Filter(len(rows), lambda: rows, test)


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
    out = np.empty(len(order), dtype=np.int32)
    out[order] = np.arange(len(order), dtype=np.int32)
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
