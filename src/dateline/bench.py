"""`dateline bench`: throughput, memory and where the time goes, against spaCy's own nlp.pipe."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from importlib import resources

from . import progress
from .annotate import load_nlp
from .pipeline import Pipeline
from .sources import Failure, iter_inputs


def default_inputs() -> list[str]:
    """The bundled benchmark corpus (351 Wikinews articles)."""
    return [str(resources.files("dateline.data").joinpath("corpus/articles.jsonl"))]


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bench(specs: list[str] | None, pipeline: Pipeline, limit: int | None = None, workers: int = 0) -> dict:
    """Run the whole pipeline over the inputs, then spaCy alone over the same texts; report both.

    With `workers` > 0 the pipeline runs in worker processes (after they have loaded their models);
    with more than one, a one-worker run over the same inputs comes first, for the speed-up.
    """
    raws = [r for r in iter_inputs(specs or default_inputs(), pipeline.settings) if not isinstance(r, Failure)]
    if limit:
        raws = raws[:limit]
    if workers > 0:
        runs = _pooled(raws, pipeline.settings, workers)
        run, one = runs[workers], runs[1]
        result = _summary(run, pipeline.settings, spacy_basis=one["seconds"])
        result.update(workers=workers, one_worker_articles_per_s=one["articles_per_s"],
                      speedup=round(run["articles_per_s"] / one["articles_per_s"], 3) if one["articles_per_s"] else None,
                      worker_peak_rss_mb=run["worker_peaks"], one_worker_peak_rss_mb=one["worker_peaks"], parent_peak_rss_mb=round(_peak_rss_mb(), 1),
                      machine_speedup=machine_speedup(workers))
        return result
    warm = pipeline.run([raws[0].document()]) if raws else []  # load every model before timing
    pipeline.timings.clear()
    progress.total("documents", len(raws), restart=True)  # the timed run
    started = time.perf_counter()
    run = _tally(pipeline.stream(r.document() for r in raws), lambda o: (o, len(o.doc.spacy) if o.doc and o.doc.spacy is not None else 0))
    run["seconds"] = time.perf_counter() - started
    run["timings"] = dict(pipeline.timings)
    del warm
    return _summary(run, pipeline.settings, spacy_basis=run["seconds"])


def _tally(results, unpack, run: dict | None = None) -> dict:
    """Texts, tokens, events, failures and place names of a run (added to `run`); keeps no parsed document alive."""
    run = run or {"texts": [], "names": [], "tokens": 0, "failed": 0, "events": 0, "seconds": 0.0}
    for item in results:
        progress.advance("documents")
        outcome, count = unpack(item)
        if outcome.doc is None:
            run["failed"] += 1
            continue
        run["texts"].append(outcome.doc.article.text)
        run["tokens"] += count
        run["events"] += len(outcome.doc.events)
        run["names"].extend(m.text for place in outcome.doc.places for m in place.mentions)
    return run


ROUNDS = 4  # slices of the inputs, each coded by one worker and then by all: both runs see the machine's same moments


def _pooled(raws: list, settings, workers: int) -> dict[int, dict]:
    """The inputs coded by one warm worker and by `workers` warm workers, interleaved slice by slice, so that
    whatever else the machine runs weighs on both alike; {number of workers: run}."""
    from .workers import WorkerPool

    counts = sorted({1, workers})
    pools = {n: WorkerPool(settings, n) for n in counts}
    runs: dict[int, dict] = {n: None for n in counts}
    try:
        for pool in pools.values():
            pool.start()
        progress.total("documents", len(raws) * len(counts), restart=True)  # the timed runs
        step = -(-len(raws) // ROUNDS) if raws else 1
        for first in range(0, len(raws), step):
            part = raws[first:first + step]
            size = max(1, min(settings.batch_size, -(-len(part) // workers)))  # enough batches for every worker
            for n, pool in pools.items():
                started = time.perf_counter()
                runs[n] = _tally(pool.map(part[i:i + size] for i in range(0, len(part), size)), lambda r: (r.outcome, r.tokens), runs[n])
                runs[n]["seconds"] += time.perf_counter() - started
    finally:
        for pool in pools.values():
            pool.close()
    for n, run in runs.items():
        run = runs[n] = run or _tally([], None)
        run["timings"] = dict(pools[n].timings)
        run["worker_peaks"] = sorted(round(p, 1) for p in pools[n].peaks.values())
        run["articles_per_s"] = round(len(run["texts"]) / run["seconds"], 3) if run["seconds"] else None
    return runs


def _burn(seconds: float) -> int:
    done, stop = 0, time.perf_counter() + seconds
    while time.perf_counter() < stop:
        done += sum(range(1000))
    return done


def machine_speedup(workers: int, seconds: float = 2.0) -> float:
    """What `workers` processes of plain Python arithmetic get done against one, now: the speed-up this machine
    has to give (a shared or busy machine gives less than its cores), to read the workers' own speed-up by."""
    import multiprocessing

    alone = _burn(seconds)
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        together = sum(pool.map(_burn, [seconds] * workers))
    return round(together / alone, 3) if alone else None


def _summary(run: dict, settings, spacy_basis: float) -> dict:
    """The figures of a run, with spaCy's own nlp.pipe over the same texts in this process for scale
    (`spacy_ratio`: `spacy_basis`, the pipeline's seconds in one process, over spaCy's)."""
    nlp = load_nlp(settings.spacy_model)
    progress.total("documents", len(run["texts"]), restart=True)  # spaCy alone on the same texts
    started = time.perf_counter()
    for _ in nlp.pipe(run["texts"], batch_size=settings.batch_size):
        progress.advance("documents")
    spacy_time = time.perf_counter() - started
    total = run["seconds"]
    stage_total = sum(run["timings"].values()) or 1.0
    peaks = run.get("worker_peaks")
    return {
        "articles": len(run["texts"]),
        "failed": run["failed"],
        "seconds": round(total, 3),
        "articles_per_s": round(len(run["texts"]) / total, 3) if total else None,
        "tokens_per_s": round(run["tokens"] / total, 1) if total else None,
        "peak_rss_mb": max(peaks) if peaks else round(_peak_rss_mb(), 1),
        "spacy_seconds": round(spacy_time, 3),
        "spacy_ratio": round(spacy_basis / spacy_time, 3) if spacy_time else None,
        "stages": {name: round(t / stage_total, 4) for name, t in run["timings"].items()},
        "events": run["events"],
        "gazetteer": gazetteer_cost(run["names"], settings.gazetteer),
    }


# Run in a fresh interpreter so that the index's memory is not hidden in the pipeline's peak.
_GAZETTEER_PROBE = """
import json, resource, sys, time
from dateline import gazetteer
names = json.load(sys.stdin)

def rss_mb():
    try:  # the resident set now (Linux); elsewhere the peak, which only grows here
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)

before = rss_mb()
gaz = gazetteer.open_gazetteer(sys.argv[1] or None)
gaz.candidates("warm up")
unique = list(dict.fromkeys(gazetteer.normalize(n) for n in names))
started = time.perf_counter()
for key in unique:
    gaz.lookup(key)
cold = time.perf_counter() - started
started = time.perf_counter()
for name in names:
    gaz.candidates(name)
warm = time.perf_counter() - started
after = rss_mb()
print(json.dumps({"file_mb": round(gaz.path.stat().st_size / 2**20, 1), "memory_mb": round(after - before, 1),
                  "names": len(names), "lookup_us": round(1e6 * cold / max(1, len(unique)), 1),
                  "cached_lookup_us": round(1e6 * warm / max(1, len(names)), 1)}))
"""


def gazetteer_cost(names: list[str], path: str | None) -> dict | None:
    """Size on disk, memory and lookup time of the gazetteer index, for the place names a run found."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(resources.files("dateline").parent), os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, "-c", _GAZETTEER_PROBE, str(path or "")], input=json.dumps(names),
                          capture_output=True, text=True, env=env, timeout=600)
    return json.loads(done.stdout) if done.returncode == 0 else None
