"""Ingest: many inputs → the store, continuing past bad inputs and skipping what is already stored."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from .pipeline import Pipeline
from .sources import Failure, RawInput, iter_inputs
from .store import Store


@dataclass
class IngestReport:
    processed: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    articles: list[str] = field(default_factory=list)  # ids of the articles stored
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"processed": self.processed, "stored": self.stored, "duplicates": self.duplicates, "failed": self.failed,
                "events": self.events, "articles": self.articles, "failures": [{"origin": o, "reason": r} for o, r in self.failures],
                "warnings": [{"origin": o, "warning": w} for o, w in self.warnings]}


def ingest(specs: Iterable[str], pipeline: Pipeline, store: Store, on_item: Callable[[str, str], None] | None = None) -> IngestReport:
    """Code every input named by `specs` and store it; `on_item(origin, outcome)` is told of each input."""
    return ingest_inputs(iter_inputs(specs, pipeline.settings), pipeline, store, on_item)


def ingest_inputs(items: Iterable[RawInput | Failure], pipeline: Pipeline, store: Store,
                  on_item: Callable[[str, str], None] | None = None) -> IngestReport:
    """Code raw inputs (failures are recorded as such) and store them."""
    report = IngestReport()
    notify = on_item or (lambda origin, outcome: None)
    batch: list[RawInput] = []

    def fail(origin: str, reason: str) -> None:
        report.failed += 1
        report.failures.append((origin, reason))
        store.record_failure(origin, reason)
        notify(origin, "failed")

    def flush() -> None:
        for raw, outcome in zip(batch, pipeline.run([raw.document() for raw in batch])):
            if outcome.error:
                fail(raw.origin, outcome.error)
            elif store.save(outcome.doc):
                report.stored += 1
                report.articles.append(outcome.doc.article.id)
                report.warnings.extend((raw.origin, w) for w in outcome.doc.warnings)
                report.events += len(outcome.doc.events)
                notify(raw.origin, "stored")
            else:
                report.duplicates += 1
                notify(raw.origin, "duplicate")
        batch.clear()

    for item in items:
        report.processed += 1
        if isinstance(item, Failure):
            fail(item.origin, item.reason)
            continue
        if store.has_raw(item.sha256) or any(b.sha256 == item.sha256 for b in batch):
            report.duplicates += 1
            notify(item.origin, "duplicate")
            continue
        batch.append(item)
        if len(batch) >= pipeline.settings.batch_size:
            flush()
    flush()
    return report
