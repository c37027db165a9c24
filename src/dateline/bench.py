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


def bench(specs: list[str] | None, pipeline: Pipeline, limit: int | None = None) -> dict:
    """Run the whole pipeline over the inputs, then spaCy alone over the same texts; report both."""
    raws = [r for r in iter_inputs(specs or default_inputs(), pipeline.settings) if not isinstance(r, Failure)]
    if limit:
        raws = raws[:limit]
    nlp = load_nlp(pipeline.settings.spacy_model)
    warm = pipeline.run([raws[0].document()]) if raws else []  # load every model before timing
    pipeline.timings.clear()
    progress.total("documents", len(raws), restart=True)  # the timed run
    started = time.perf_counter()
    texts: list[str] = []
    tokens = failed = events = 0
    names: list[str] = []
    for outcome in pipeline.stream(r.document() for r in raws):  # keep no parsed document alive
        if outcome.doc is None:
            failed += 1
            continue
        texts.append(outcome.doc.article.text)
        tokens += len(outcome.doc.spacy) if outcome.doc.spacy is not None else 0
        events += len(outcome.doc.events)
        names.extend(m.text for place in outcome.doc.places for m in place.mentions)
    total = time.perf_counter() - started
    del warm
    progress.total("documents", len(texts), restart=True)  # spaCy alone on the same texts
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=pipeline.settings.batch_size):
        progress.advance("documents")
    spacy_time = time.perf_counter() - started
    timings = dict(pipeline.timings)
    stage_total = sum(timings.values()) or 1.0
    return {
        "articles": len(texts),
        "failed": failed,
        "seconds": round(total, 3),
        "articles_per_s": round(len(texts) / total, 3) if total else None,
        "tokens_per_s": round(tokens / total, 1) if total else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "spacy_seconds": round(spacy_time, 3),
        "spacy_ratio": round(total / spacy_time, 3) if spacy_time else None,
        "stages": {name: round(t / stage_total, 4) for name, t in timings.items()},
        "events": events,
        "gazetteer": gazetteer_cost(names, pipeline.settings.gazetteer),
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
