"""Ingest: many inputs → the store, continuing past bad inputs and skipping what is already stored."""
from __future__ import annotations

import glob as globlib
import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .pipeline import Pipeline
from .settings import Settings
from .sources import RECORD_SUFFIXES, WARC_SUFFIXES, Failure, RawInput, is_feed, iter_inputs
from .store import Store


@dataclass
class IngestReport:
    processed: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"processed": self.processed, "stored": self.stored, "duplicates": self.duplicates, "failed": self.failed,
                "events": self.events, "failures": [{"origin": o, "reason": r} for o, r in self.failures],
                "warnings": [{"origin": o, "warning": w} for o, w in self.warnings]}


def ingest(specs: Iterable[str], pipeline: Pipeline, store: Store, on_item: Callable[[str, str], None] | None = None) -> IngestReport:
    """Code every input named by `specs` and store it; `on_item(origin, outcome)` is told of each input."""
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
                report.warnings.extend((raw.origin, w) for w in outcome.doc.warnings)
                report.events += len(outcome.doc.events)
                notify(raw.origin, "stored")
            else:
                report.duplicates += 1
                notify(raw.origin, "duplicate")
        batch.clear()

    for item in iter_inputs(specs, pipeline.settings):
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


COUNT_LIMIT = 200_000_000  # bytes read at most to count a file's records; past it the total is unknown


def count_inputs(specs: Iterable[str], settings: Settings) -> int | None:
    """How many inputs `ingest` will report for `specs` (records of JSON Lines files, files of directories and globs),
    counted without coding them; None when some cannot be counted ahead (stdin, URLs, feeds, WARC files)."""
    total = 0
    for spec in specs:
        if spec == "-" or spec.startswith(("http://", "https://")):
            return None
        path = Path(spec)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif not path.exists() and any(ch in spec for ch in "*?["):
            files = [Path(m) for m in sorted(globlib.glob(spec, recursive=True)) if Path(m).is_file()] or [path]
        else:
            files = [path]
        for file in files:
            count = _count_file(file, settings)
            if count is None:
                return None
            total += count
    return total


def _count_file(path: Path, settings: Settings) -> int | None:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return None
    try:
        if name.endswith(RECORD_SUFFIXES):
            lines = read = 0
            with (gzip.open if name.endswith(".gz") else open)(path, "rb") as fh:
                for line in fh:
                    read += len(line)
                    if read > COUNT_LIMIT:
                        return None
                    lines += bool(line.strip())
            return lines
        with open(path, "rb") as fh:
            return None if is_feed(fh.read(2048)) else 1
    except (OSError, EOFError, gzip.BadGzipFile):
        return 1  # unreadable: ingest reports it as one failure
