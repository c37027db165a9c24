"""`dateline eval TASK --data FILE`: score the pipeline on the evaluation formats of FORMATS.md.

Each task lives in its own module exposing `evaluate(records, settings, scheme=None) -> dict`, which
returns exactly the `metrics` keys that FORMATS.md gives for the task (None where the file cannot
support a metric).
"""
from __future__ import annotations

import gzip
import hashlib
import importlib
import json
from pathlib import Path
from typing import Iterator

from .. import progress
from ..errors import EvalError
from ..settings import Settings

TASKS: dict[str, str] = {
    "extract": "dateline.evaluate.extract",
    "geo": "dateline.evaluate.geo",
    "time": "dateline.evaluate.time",
    "classify": "dateline.evaluate.classify",
    "events": "dateline.evaluate.events",
    "eventloc": "dateline.evaluate.eventloc",
}


def read_records(path: str | Path) -> Iterator[dict]:
    """Records of a JSON Lines file (plain or .gz); a broken line is an EvalError naming it."""
    path = Path(path)
    if not path.exists():
        raise EvalError(f"evaluation file {path} does not exist; pass --data with a JSON Lines file")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                raise EvalError(f"{path} line {number} is not JSON ({err.msg}); fix or remove that line") from None


SPLITS = ("all", "tune", "held")


def split_of(record_id: str) -> str:
    """The split a record belongs to, by one rule for every task and file: 'held' when the MD5 of its id is odd.

    Rules, thresholds and models are tuned on 'tune' records only; 'held' records are scored, never read for errors.
    """
    return "held" if int(hashlib.md5(str(record_id).encode("utf-8")).hexdigest(), 16) % 2 else "tune"


def run(task: str, data: str | Path, settings: Settings, scheme: str | None = None, limit: int | None = None,
        split: str = "all") -> dict:
    """Score `task` on the file `data` (only the records of `split`); returns {task, data, split, records, metrics}."""
    if task not in TASKS:
        raise EvalError(f"unknown eval task {task!r}; valid tasks are: {', '.join(TASKS)}")
    if split not in SPLITS:
        raise EvalError(f"unknown split {split!r}; valid splits are: {', '.join(SPLITS)}")
    records = list(read_records(data))
    if split != "all":
        records = [r for r in records if split_of(r.get("id", "")) == split]
    if limit:
        records = records[:limit]
    module = importlib.import_module(TASKS[task])
    progress.total("documents", len(records))
    metrics = module.evaluate(records, settings, scheme=scheme)
    return {"task": task, "data": str(data), "split": split, "records": len(records), "metrics": metrics}


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def tally(cell: list[int], ok: bool) -> None:
    """Count one verdict into a [right, total] cell."""
    cell[0] += int(ok)
    cell[1] += 1
