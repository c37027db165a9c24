"""`dateline bench`: throughput, memory and where the time goes, against spaCy's own nlp.pipe."""
from __future__ import annotations

import resource
import sys
import time
from importlib import resources

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
    started = time.perf_counter()
    texts: list[str] = []
    tokens = failed = events = 0
    for outcome in pipeline.stream(r.document() for r in raws):  # keep no parsed document alive
        if outcome.doc is None:
            failed += 1
            continue
        texts.append(outcome.doc.article.text)
        tokens += len(outcome.doc.spacy) if outcome.doc.spacy is not None else 0
        events += len(outcome.doc.events)
    total = time.perf_counter() - started
    del warm
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=pipeline.settings.batch_size):
        pass
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
    }
