"""Ingest the demo corpus into a SQLite store and a PostgreSQL store and compare them: row counts, the time
to write the coded articles, and the time of filtered queries in each (median of --repeat runs, one process).

    .venv/bin/python scripts/bench_store.py [--pg postgresql://user@host/db] [--min-confidence 0] [--repeat 30] [--copies 1]

Without --pg it starts a throw-away server from Debian's postgresql binaries (tests/pgserver.py). The
pipeline codes the corpus once; the same documents are then saved to both stores, so the write times
compare the stores alone. --copies N saves N copies of the corpus (each article with a new id), to see how
the query times grow with the store. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from dateline.pipeline import Pipeline  # noqa: E402
from dateline.query import EventQuery  # noqa: E402
from dateline.settings import load_settings  # noqa: E402
from dateline.sources import Failure, iter_inputs  # noqa: E402
from dateline.store import Store  # noqa: E402

QUERIES = {
    "all events": {},
    "type + country + since": {"type": "CONSULT,ASSAULT", "country": "USA", "since": "2010"},
    "full-text q": {"q": "president"},
    "q + factuality + min_confidence": {"q": "military", "factuality": "asserted,reported", "min_confidence": 0.2},
    "first page of 20": {"limit": 20},
}


def coded_documents(min_confidence: float | None):
    settings = load_settings(env={}, today="2026-11-28", **({"stage_options": {"events": {"min_confidence": min_confidence}}} if min_confidence is not None else {}))
    corpus = resources.files("dateline.data").joinpath("corpus")
    raws = [r for r in iter_inputs([str(corpus / "kim-komsomolsk-scraped.txt"), str(corpus / "demo.jsonl")], settings) if not isinstance(r, Failure)]
    return [outcome.doc for outcome in Pipeline(settings).run([r.document() for r in raws]) if not outcome.error]


def copy_of(doc, n: int):
    """The document as a new article (ids suffixed with -n); shallow, so the spaCy parse is not copied."""
    if n == 0:
        return doc
    article = doc.article.model_copy(update={"id": f"{doc.article.id}-{n}", "raw_sha256": None})
    return doc.model_copy(update={"article": article, "events": [ev.model_copy(update={"id": f"{ev.id}-{n}"}) for ev in doc.events]})


def measure(store: Store, docs, copies: int, repeat: int) -> dict:
    start = time.perf_counter()
    for n in range(copies):
        for doc in docs:
            store.save(copy_of(doc, n))
    written = time.perf_counter() - start
    result = {"counts": store.counts(), "write_s": round(written, 3), "queries_ms": {}, "matches": {}}
    for name, filters in QUERIES.items():
        query = EventQuery.parse(**filters)
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            rows = store.find_events(query).events
            times.append(time.perf_counter() - t)
        result["queries_ms"][name] = round(statistics.median(times) * 1000, 2)
        result["matches"][name] = len(rows)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", help="PostgreSQL URL of an empty database (default: start a throw-away server)")
    parser.add_argument("--min-confidence", type=float, default=0.0, help="events stage threshold while coding (default 0: every event)")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    docs = coded_documents(args.min_confidence)
    server = None
    if not args.pg:
        from tests.pgserver import PostgresServer

        server = PostgresServer()
        args.pg = server.new_store_url()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            out = {"articles_coded": len(docs), "copies": args.copies, "min_confidence": args.min_confidence, "repeat": args.repeat,
                   "sqlite": measure(Store(Path(tmp) / "bench.db"), docs, args.copies, args.repeat),
                   "postgresql": measure(Store(args.pg), docs, args.copies, args.repeat)}
    finally:
        if server:
            server.stop()
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
