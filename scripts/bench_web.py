"""Load benchmark of `dateline serve`: a store of synthetic events, then concurrent clients against the API.

    python scripts/bench_web.py generate --db /tmp/bench.db --events 1000000
    python scripts/bench_web.py run --db /tmp/bench.db --clients 20 --seconds 30

`generate` writes articles and events shaped like the pipeline's (valid `Event` JSON, participants, places,
dates over two years, full-text rows) through the store's own schema, with a fixed seed. `run` starts
`dateline serve` on a free port, warms nothing up, and has N clients (asyncio, keep-alive HTTP/1.1, each
sending its next request as soon as the last answered) pick at random among `--sets` distinct filter sets
(default 900: the hand-picked EVENT_QUERIES and STATS_QUERIES, then random combinations of one to three
filters; two event pages for each count) for the given time, so that no cache of repeated requests can make
it fast; it prints each request kind's count, p50, p95 and p99 in milliseconds, the throughput and the load
average, and `--json` the same as one object. Speed is measured here, never in the test suite.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

TYPES = ["AGREE", "CONSULT", "SUPPORT", "REQUEST", "COOPERATE", "AID", "RETREAT", "CONCEDE", "REJECT", "ACCUSE", "THREATEN",
         "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "REQUEST": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2, "CONCEDE": 2,
        "REJECT": 3, "ACCUSE": 3, "THREATEN": 3, "PROTEST": 3, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
FACTUALITY = ["asserted", "reported", "speculated", "planned", "hypothetical", "negated", "historical"]
FACT_WEIGHTS = [40, 35, 8, 8, 3, 3, 3]
SECTORS = ["GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "CVL", "BUS", "IGO", "NGO", "MED"]
START = date(2024, 1, 1)
DAYS = 730

# Filters that a dashboard sends, each alone: the first page of events and the charts' counts.
EVENT_QUERIES = [
    {}, {"type": "ASSAULT"}, {"country": "RUS"}, {"actor_country": "USA", "recipient_country": "CHN"},
    {"factuality": "asserted", "since": "2025-03-01", "until": "2025-03-31"}, {"bbox": "20,40,45,60"},
    {"type": "CONSULT", "country": "FRA"}, {"min_confidence": "0.8", "type": "PROTEST"}, {"sector": "MIL", "since": "2025-06"},
    {"q": "sanctions"}, {"q": "ceasefire talks"}, {"country": "SYR", "sort": "-confidence"},
]
STATS_QUERIES = [{}, {"type": "ASSAULT"}, {"country": "RUS"}, {"since": "2025-01-01", "until": "2025-06-30"},
                 {"factuality": "asserted"}, {"actor_country": "USA"}]
BOXES = ["20,40,45,60", "-10,35,30,60", "30,10,60,40", "-125,25,-65,50", "100,-10,150,40", "170,-50,-170,0"]


def filter_sets(rng: random.Random, count: int, fixed: list[dict], sort: bool) -> list[dict]:
    """`fixed`, then random distinct combinations of one to three filters, up to `count` sets: so that no answer
    can be served from a cache of repeated requests."""
    codes = [c[0] for c in _countries()[:30]]
    months = [(START + timedelta(days=30 * i)).isoformat()[:7] for i in range(DAYS // 30)]
    makers = [
        lambda: {"type": ",".join(rng.sample(TYPES, rng.choice([1, 1, 2])))},
        lambda: {"factuality": rng.choice(FACTUALITY)},
        lambda: {"country": rng.choice(codes)},
        lambda: {"actor_country": rng.choice(codes)},
        lambda: {"recipient_country": rng.choice(codes)},
        lambda: {"sector": rng.choice(SECTORS)},
        lambda: (lambda i, n: {"since": months[i], "until": months[min(i + n, len(months) - 1)]})(rng.randrange(len(months)), rng.choice([0, 1, 3, 6])),
        lambda: {"since": rng.choice(months)},
        lambda: {"bbox": rng.choice(BOXES)},
        lambda: {"min_confidence": rng.choice(["0.3", "0.5", "0.7", "0.9"])},
        lambda: {"q": " ".join(rng.sample(WORDS[:30], rng.choice([1, 1, 2])))},
    ]
    out, seen = list(fixed), {json.dumps(f, sort_keys=True) for f in fixed}
    while len(out) < count:
        combo = {}
        for make in rng.sample(makers, rng.choice([1, 2, 2, 3])):
            part = make()
            if not combo.keys() & part.keys():  # two date ranges would contradict each other
                combo.update(part)
        if sort and rng.random() < 0.3:
            combo["sort"] = rng.choice(["date", "-confidence", "confidence"])
        key = json.dumps(combo, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(combo)
    return out


def _countries() -> list[tuple[str, str, float, float]]:
    """About 60 countries (alpha-3, alpha-2, lat, lon), most frequent first."""
    import pycountry

    wanted = ["USA", "RUS", "CHN", "UKR", "GBR", "FRA", "DEU", "ISR", "IRN", "SYR", "IND", "PAK", "TUR", "JPN", "PRK", "KOR",
              "SAU", "EGY", "IRQ", "AFG", "BRA", "MEX", "NGA", "ZAF", "ETH", "SDN", "YEM", "LBN", "VEN", "COL", "CAN", "AUS",
              "ITA", "ESP", "POL", "BLR", "GEO", "ARM", "AZE", "KAZ", "MMR", "THA", "VNM", "PHL", "IDN", "MYS", "KEN", "SOM",
              "LBY", "TUN", "DZA", "MAR", "QAT", "ARE", "JOR", "CUB", "ARG", "CHL", "PER", "NZL"]
    out, rng = [], random.Random(7)
    for code in wanted:
        c = pycountry.countries.get(alpha_3=code)
        out.append((code, c.alpha_2, rng.uniform(-35, 60), rng.uniform(-120, 140)))
    return out


# News words, most frequent first (Zipf-distributed in the texts, so a search matches a realistic share of articles).
WORDS = ("said officials government minister talks city police troops border president forces election parliament sanctions "
         "protest strike missile aid convoy refugees summit treaty negotiations arrest court ruling embassy envoy drone "
         "shelling offensive withdrawal agreement grain exports pipeline gas oil prices inflation coalition opposition rally "
         "journalists hospital village port ceasefire").split()
FILLER = [f"w{i}" for i in range(5000)]


def generate(db: str, n_events: int, per_article: int = 10, seed: int = 1) -> None:
    from dateline.store import Store

    if Path(db).exists():
        sys.exit(f"{db} exists; remove it or pick another path")
    Store(db)  # the schema, by the store's own migrations
    rng = random.Random(seed)
    countries = _countries()
    weights = [1 / (i + 1) ** 0.9 for i in range(len(countries))]
    places = [(f"Place {i}", 1_000_000 + i, round(c[2] + rng.uniform(-4, 4), 4), round(c[3] + rng.uniform(-6, 6), 4), c[1])
              for i in range(3000) for c in [rng.choices(countries, weights)[0]]]
    filler_weights = [1 / (i + 1) for i in range(len(FILLER))]
    word_weights = [1 / (i + 1) ** 1.1 for i in range(len(WORDS))]
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    started = time.time()
    n_articles = (n_events + per_article - 1) // per_article
    made = 0
    for a in range(n_articles):
        day = START + timedelta(days=rng.randrange(DAYS))
        text = " ".join(rng.choices(FILLER, filler_weights, k=50) + rng.choices(WORDS, word_weights, k=10))
        art_id = f"a{a:08d}"
        conn.execute("INSERT INTO articles (id, url, title, text, published, published_precision, published_source, origin, ingested_at, document) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?)",
                     (art_id, f"https://news.example/{a}", f"Synthetic article {a}: {' '.join(rng.choices(WORDS, word_weights, k=5))}", text,
                      day.isoformat(), "day", "metadata", f"synthetic#{a}", "2026-01-01T00:00:00+00:00", "{}"))
        conn.execute("INSERT INTO articles_fts (article_id, title, text) VALUES (?,?,?)", (art_id, "", text))
        ev_rows, part_rows = [], []
        for k in range(min(per_article, n_events - made)):
            made += 1
            etype = rng.choice(TYPES)
            fact = rng.choices(FACTUALITY, FACT_WEIGHTS)[0]
            ev_day = None if rng.random() < 0.05 else (day - timedelta(days=rng.randrange(3))).isoformat()
            actor_c, recip_c = rng.choices(countries, weights, k=2)
            place = rng.choice(places) if rng.random() < 0.8 else None
            conf = round(rng.random(), 3)
            sentence = f"{actor_c[0]} officials {etype.lower()} {recip_c[0]} near {place[0] if place else 'the border'}."
            ev_id = f"{art_id}-{k}"
            actors = [{"text": f"{actor_c[0]} officials", "name": f"{actor_c[0]} government", "country": actor_c[0], "sector": rng.choice(SECTORS)}]
            recipients = [{"text": recip_c[0], "name": f"{recip_c[0]} government", "country": recip_c[0], "sector": rng.choice(SECTORS)}]
            location = ({"name": place[0], "geonameid": place[1], "lat": place[2], "lon": place[3], "country": place[4], "level": "city"}
                        if place else None)
            event = {"id": ev_id, "type": etype, "mode": None, "contexts": [], "factuality": fact, "confidence": conf,
                     "actors": actors, "recipients": recipients, "location": location,
                     "date": {"value": ev_day, "precision": "day" if ev_day else "unknown", "derived_from": "explicit" if ev_day else "before-publication"},
                     "evidence": {"sentence": sentence, "start": 0, "end": len(sentence), "trigger": None, "actors": [], "recipients": [],
                                  "location": None, "date": None},
                     "mentions": [], "cameo": "190", "quad_class": QUAD[etype], "intensity": None}
            ev_rows.append((ev_id, art_id, etype, None, fact, conf, ev_day, "day" if ev_day else "unknown",
                            place[0] if place else None, place[1] if place else None, place[2] if place else None,
                            place[3] if place else None, place[4] if place else None, sentence, "190", QUAD[etype], json.dumps(event)))
            part_rows += [(ev_id, "actor", actors[0]["name"], actor_c[0], actors[0]["sector"]),
                          (ev_id, "recipient", recipients[0]["name"], recip_c[0], recipients[0]["sector"])]
        conn.executemany("INSERT INTO events (id, article_id, type, mode, factuality, confidence, date, date_precision, location, geonameid, "
                         "lat, lon, location_country, sentence, cameo, quad_class, event) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", ev_rows)
        conn.executemany("INSERT INTO participants (event_id, role, name, country, sector) VALUES (?,?,?,?,?)", part_rows)
        if a % 10_000 == 0:
            conn.commit()
            print(f"\r{made:,} events", end="", file=sys.stderr, flush=True)
    conn.commit()
    conn.close()
    print(f"\r{made:,} events in {n_articles:,} articles written to {db} in {time.time() - started:.0f} s", file=sys.stderr)


async def _get(reader, writer, path: str) -> int:
    """Send one keep-alive GET and read its answer exactly (Content-Length); returns the status."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\nAccept: application/json\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
    await reader.readexactly(length)
    return int(head.split(b" ", 2)[1])


async def _one(port: int, path: str) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        return await _get(reader, writer, path)
    finally:
        writer.close()


async def _client(port: int, requests: list[tuple[str, str]], deadline: float, results: dict, rng: random.Random) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline:
            kind, path = rng.choice(requests)
            sent = time.perf_counter()
            status = await _get(reader, writer, path)
            took = (time.perf_counter() - sent) * 1000
            results.setdefault(kind, []).append(took)
            results.setdefault("path:" + path, []).append(took)
            if status != 200:
                results.setdefault("errors", []).append(f"{status} {path}")
    finally:
        writer.close()


def _cpu_seconds(root: int) -> float:
    """CPU time (user + system) used so far by a process and its descendants alive now (Linux /proc)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))
    family, total = {root}, 0.0
    for _ in range(3):
        family |= {pid for pid, (ppid, _) in parents.items() if ppid in family}
    return sum(parents[pid][1] for pid in family if pid in parents)


def _percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


def run(db: str, clients: int, seconds: float, workers: int, only: str | None, sets: int) -> dict:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    log = open(Path(db).with_suffix(".serve.log"), "ab")  # a pipe nobody reads would block the server once full
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", db, "--port", str(port), "--workers", str(workers)],
                              env=env, stderr=log, stdout=subprocess.DEVNULL)
    try:
        for _ in range(1200):  # migrations may build indexes first
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        rng = random.Random(11)
        requests = []
        if only in (None, "events"):  # two event pages for each count, as in the first mix
            requests += [("events", "/api/events?" + urlencode({**q, "limit": 50})) for q in filter_sets(rng, sets * 2 // 3, EVENT_QUERIES, True)]
        if only in (None, "stats"):
            requests += [("stats", "/api/stats?" + urlencode(q)) for q in filter_sets(rng, sets - sets * 2 // 3, STATS_QUERIES, False)]
        first = {}
        for kind, path in requests[:len(EVENT_QUERIES)] + [r for r in requests if r[0] == "stats"][:len(STATS_QUERIES)]:
            # The first answer of the hand-picked requests, alone (the server may still be loading its columns).
            sent = time.perf_counter()
            asyncio.run(_one(port, path))
            first[path] = round((time.perf_counter() - sent) * 1000, 1)
        results: dict = {}

        async def main():
            deadline = time.perf_counter() + seconds
            await asyncio.gather(*(_client(port, requests, deadline, results, random.Random(i)) for i in range(clients)))

        started, cpu = time.perf_counter(), _cpu_seconds(server.pid)
        asyncio.run(main())
        elapsed, cpu = time.perf_counter() - started, _cpu_seconds(server.pid) - cpu
    finally:
        server.terminate()
        server.wait(30)
        log.close()
    out = {"db": db, "clients": clients, "seconds": round(elapsed, 1), "workers": workers, "errors": results.pop("errors", [])[:5],
           "first_answer_ms": first, "load_average": [round(x, 2) for x in os.getloadavg()]}
    paths = {key[5:]: results.pop(key) for key in list(results) if key.startswith("path:")}
    out["filter_sets"] = {kind: sum(1 for k, _ in requests if k == kind) for kind in ("events", "stats")}
    out["filter_sets_requested"] = len(paths)
    slowest = sorted(paths.items(), key=lambda kv: -max(kv[1]))[:10]
    out["slowest_requests_ms"] = {path: round(max(values), 1) for path, values in slowest}
    every = [v for values in results.values() for v in values]
    for kind, values in sorted(results.items()) + [("all", every)]:
        out[kind] = {"requests": len(values), "p50_ms": round(_percentile(values, 50), 1), "p95_ms": round(_percentile(values, 95), 1),
                     "p99_ms": round(_percentile(values, 99), 1), "max_ms": round(max(values), 1)}
    out["requests_per_s"] = round(len(every) / elapsed, 1)
    out["server_cpu_ms_per_request"] = round(cpu * 1000 / max(1, len(every)), 1)  # what the load of other processes changes least
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write a store of synthetic events")
    gen.add_argument("--db", required=True)
    gen.add_argument("--events", type=int, default=1_000_000)
    bench = sub.add_parser("run", help="serve the store and measure latencies under concurrent clients")
    bench.add_argument("--db", required=True)
    bench.add_argument("--clients", type=int, default=20)
    bench.add_argument("--seconds", type=float, default=30)
    bench.add_argument("--workers", type=int, default=2)
    bench.add_argument("--only", choices=["events", "stats"])
    bench.add_argument("--sets", type=int, default=900, help="distinct filter sets, two thirds for events (default 900)")
    bench.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.command == "generate":
        generate(args.db, args.events)
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run's `finally` stops the server
    result = run(args.db, args.clients, args.seconds, args.workers, args.only, args.sets)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['clients']} clients, {result['workers']} server workers, {result['seconds']} s: {result['requests_per_s']} requests/s; "
          f"load average after {result['load_average']}; server CPU {result['server_cpu_ms_per_request']} ms per request")
    print(f"  distinct filter sets: {result['filter_sets']}, of which requested: {result['filter_sets_requested']}")
    for kind in ("events", "stats", "all"):
        if kind in result:
            r = result[kind]
            print(f"  {kind:<7} {r['requests']:>6} requests  p50 {r['p50_ms']:>7} ms  p95 {r['p95_ms']:>7} ms  p99 {r['p99_ms']:>7} ms  max {r['max_ms']:>7} ms")
    print("  first answers alone before the run (ms):")
    for path, ms in result["first_answer_ms"].items():
        print(f"    {ms:>8}  {path}")
    print("  slowest answers during the run (ms):")
    for path, ms in result["slowest_requests_ms"].items():
        print(f"    {ms:>8}  {path}")
    for error in result["errors"]:
        print(f"  error: {error}")


if __name__ == "__main__":
    main()
