"""`dateline eval TASK --data FILE`: score the pipeline on the evaluation formats of eval/FORMATS.md.

Each task lives in its own module exposing `TARGET` (the document field the task scores, e.g. "places")
and `evaluate(records, settings, scheme=None, stages=None) -> dict`, which returns exactly the `metrics`
keys that FORMATS.md gives for the task (None where the file cannot support a metric). The stages come
from the configured pipeline through the registry (`pipeline_for`), as for every other command, so a
swapped stage is the stage evaluated. A module may define `task_settings(settings, records)` to adjust
the settings its pipeline is built with.

Records a packaged model was trained on (`dateline.provenance`) are left out of the score unless the
caller includes them, and then the result is marked in-sample.
"""
from __future__ import annotations

import gzip
import hashlib
import importlib
import json
from pathlib import Path
from typing import Iterator

from .. import progress, provenance, registry
from ..errors import DatelineError, EvalError
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


def pipeline_for(settings: Settings, target: str, raw: bool = False) -> list:
    """The configured pipeline's stage objects that turn a record into `target`: from the first stage (or the
    first that does not read raw input, unless `raw`) to the last stage that assigns `target`."""
    classes = [registry.get(name) for name in settings.pipeline]
    if not raw:
        classes = [cls for cls in classes if "raw" not in cls.requires]
    last = max((i for i, cls in enumerate(classes) if target in cls.assigns), default=None)
    if last is None:
        raise EvalError(f"the pipeline ({', '.join(settings.pipeline)}) has no stage that assigns {target}; "
                        "add one to the `pipeline` setting to evaluate it")
    stages = []
    for cls in classes[:last + 1]:
        try:
            stages.append(cls(settings))
        except DatelineError as err:
            raise EvalError(f"the {cls.name} stage cannot be loaded ({err}); the evaluation needs it") from None
    return stages


def stage_for(stages: list, target: str):
    """The last of `stages` that assigns `target`."""
    return next(s for s in reversed(stages) if target in s.assigns)


def run(task: str, data: str | Path, settings: Settings, scheme: str | None = None, limit: int | None = None,
        split: str = "all", include_training: bool = False) -> dict:
    """Score `task` on the file `data` (only the records of `split`); returns {task, data, split, records,
    training_records (left out, or scored when `include_training`), in_sample, metrics}."""
    if task not in TASKS:
        raise EvalError(f"unknown eval task {task!r}; valid tasks are: {', '.join(TASKS)}")
    if split not in SPLITS:
        raise EvalError(f"unknown split {split!r}; valid splits are: {', '.join(SPLITS)}")
    records = list(read_records(data))
    if split != "all":
        records = [r for r in records if split_of(r.get("id", "")) == split]
    module = importlib.import_module(TASKS[task])
    task_settings = getattr(module, "task_settings", None)
    settings = task_settings(settings, records) if task_settings else settings
    stages = pipeline_for(settings, module.TARGET, raw=getattr(module, "RAW", False))
    trained = provenance.trained_on(stages)
    if include_training:
        records = records[:limit] if limit else records
        training = sum(provenance.is_training(r, trained) for r in records)
    else:
        training = sum(provenance.is_training(r, trained) for r in records)
        records = [r for r in records if not provenance.is_training(r, trained)]
        records = records[:limit] if limit else records
    progress.total("documents", len(records))
    metrics = module.evaluate(records, settings, scheme=scheme, stages=stages) if records else None
    result = {"task": task, "data": str(data), "split": split, "records": len(records), "training_records": training,
              "in_sample": bool(include_training and training), "metrics": metrics}
    if training and not include_training:
        cv = cross_validated(task, data)
        if cv:
            result["cross_validated"] = cv
    return result


# The baseline of a source checkout (eval/BASELINE.json beside src/); an installed package has none.
BASELINE = Path(__file__).resolve().parents[3] / "eval" / "BASELINE.json"


def cross_validated(task: str, data: str | Path) -> dict | None:
    """The cross-validated baseline entry of a file of this name and task ({split, metrics, command, date,
    code_version}), for a file whose records a packaged model was trained on; None when there is none."""
    try:
        entries = json.loads(BASELINE.read_text(encoding="utf-8")).get("cv", [])
    except (OSError, ValueError):
        return None
    name = Path(data).name
    return next(({k: e.get(k) for k in ("split", "metrics", "command", "date", "code_version")}
                 for e in entries if e.get("task") == task and Path(e.get("data", "")).name == name), None)


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
