"""Ingest: many inputs → the store, continuing past bad inputs and skipping what is already stored.

The parent process reads the inputs (files, URLs, feeds) and writes the store; the coding runs in
the pipeline in this process (`workers=0`) or in worker processes (`workers.WorkerPool`).
"""
from __future__ import annotations

import glob as globlib
import gzip
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .pipeline import Outcome, Pipeline
from .settings import Settings
from .sources import RECORD_SUFFIXES, WARC_SUFFIXES, Failure, RawInput, is_feed, iter_inputs, open_regular, walk
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


def ingest(specs: Iterable[str], pipeline: Pipeline, store: Store, on_item: Callable[[str, str], None] | None = None,
           workers: int = 0) -> IngestReport:
    """Code every input named by `specs` and store it; `on_item(origin, outcome)` is told of each input.

    `workers` > 0 codes in that many worker processes (the pipeline object is then only read for its
    settings); 0 codes in this process.
    """
    report = IngestReport()
    notify = on_item or (lambda origin, outcome: None)
    size = pipeline.settings.batch_size
    queued: set[str] = set()  # sha256 of inputs sent for coding and not yet stored

    def fail(origin: str, reason: str) -> None:
        report.failed += 1
        report.failures.append((origin, reason))
        store.record_failure(origin, reason)
        notify(origin, "failed")

    def batches() -> Iterator[list[RawInput]]:
        batch: list[RawInput] = []
        for item in iter_inputs(specs, pipeline.settings):
            report.processed += 1
            if isinstance(item, Failure):
                fail(item.origin, item.reason)
                continue
            if item.sha256 in queued or store.has_raw(item.sha256):
                report.duplicates += 1
                notify(item.origin, "duplicate")
                continue
            queued.add(item.sha256)
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def keep(raw: RawInput, outcome: Outcome) -> None:
        queued.discard(raw.sha256)
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

    if workers > 0:
        from .workers import WorkerPool

        with WorkerPool(pipeline.settings, workers) as pool:
            for result in pool.map(batches()):
                keep(result.raw, result.outcome)
    else:
        for batch in batches():
            for raw, outcome in zip(batch, pipeline.run([raw.document() for raw in batch])):
                keep(raw, outcome)
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
            files = list(walk(path))  # as ingest walks it: a directory it cannot list is one failure
        elif not path.exists() and any(ch in spec for ch in "*?["):
            files = [Path(m) for m in sorted(globlib.glob(spec, recursive=True)) if not Path(m).is_dir()] or [path]
        else:
            files = [path]
        for file in files:
            count = 1 if isinstance(file, Failure) else _count_file(file, settings)
            if count is None:
                return None
            total += count
    return total


def _count_file(path: Path, settings: Settings) -> int | None:
    """A file's inputs, read as ingest reads it (a regular file only, no line longer than max_bytes held), or None."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return None
    try:
        with open_regular(path) as fh:
            if not name.endswith(RECORD_SUFFIXES):
                return None if is_feed(fh.read(2048)) else 1
            stream = gzip.GzipFile(fileobj=fh) if fh.peek(2)[:2] == b"\x1f\x8b" else fh
            lines = read = 0
            while line := stream.readline(settings.max_bytes + 1):
                read += len(line)
                if read > COUNT_LIMIT or (len(line) > settings.max_bytes and not line.endswith(b"\n")):
                    return None  # too much to count ahead, or a line ingest will skip: the total is unknown
                lines += bool(line.strip())
            return lines
    except (InputError, OSError, EOFError, zlib.error):
        return 1  # unreadable: ingest reports it as one failure
