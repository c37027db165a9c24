"""Write eval/BASELINE.json: every current figure of Dateline with its split, command, date and code version.

Run from the repo root (`make baseline`):
    .venv/bin/python scripts/baseline.py [--dev DIR] [--only golden|gold|dev|cv]

Sections (each entry records its own command, date and code version, so an entry kept from an earlier run
says when and on what code it was measured):
- golden: the fixed slices that the CI check (tests/test_golden.py) re-scores on every `make test`: the
  first GOLD_SLICE articles of the held split of eval/gold and each example file in eval/examples;
- gold: the project's own article-level gold, held split, default output and every candidate;
- dev: every dev file in DIR (default $DATELINE_EVAL_DEV or ../shared/eval/dev), tune and held splits; a file
  that is absent keeps its previous entries (CI has no ../shared);
- cv: cross-validated figures for the dev files the sentence classifier learned from (their held split has
  nothing left to score once its training records are left out): fold models from scripts/train_events.py,
  scored by scripts/cv_events.py.
The figures section of docs/evaluation.md is rewritten from the same data.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.evaluate import run  # noqa: E402
from dateline.settings import load_settings, with_stage_option  # noqa: E402

OUT = ROOT / "eval" / "BASELINE.json"
DOC = ROOT / "docs" / "evaluation.md"
BEGIN, END = "<!-- figures: written by scripts/baseline.py from eval/BASELINE.json; do not edit by hand -->", "<!-- end figures -->"
GOLD = "eval/gold/events.jsonl"
GOLD_SLICE = 60
EXAMPLES = ROOT / "eval" / "examples"
DEV_DEFAULT = os.environ.get("DATELINE_EVAL_DEV", str(ROOT.parent / "shared" / "eval" / "dev"))
# Figures must not move with the clock: every run takes this date as today.
TODAY = "2026-12-01"
CV_FILES = ("classify-plover-gsr.jsonl", "events-plover-gsr.jsonl")
CV_FOLDS = 5
# The figures the CI check holds to their baseline (higher is better), by task.
HEADLINE = {
    "extract": ("f1", "title_accuracy", "date_accuracy"),
    "geo": ("resolution.acc161", "resolution.exact", "resolution.country", "end_to_end.f1", "end_to_end.acc161"),
    "time": ("strict_f1", "relaxed_f1", "type_accuracy", "value_f1"),
    "classify": ("micro_f1", "macro_f1"),
    "events": ("precision", "recall", "f1", "fully_correct", "type_precision", "actor_country_accuracy", "actor_accuracy",
               "recipient_accuracy", "factuality_accuracy", "location_accuracy", "date_accuracy"),
    "eventloc": ("precision", "recall", "f1"),
}


def task_of(name: str) -> str:
    """The task of an evaluation file, from its name's first word (geo-geovirus.jsonl -> geo)."""
    return name.split("-")[0].split(".")[0]


def code_version() -> str:
    """The commit (git describe), with -dirty when the code (src/, scripts/) differs from it; docs and data files do not count."""
    try:
        commit = subprocess.run(["git", "describe", "--always"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        changed = subprocess.run(["git", "status", "--porcelain", "--", "src", "scripts"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("-dirty" if changed.strip() else "")


def command(task: str, data: str, split: str = "all", limit: int | None = None, min_confidence: float | None = None) -> str:
    parts = [f"DATELINE_TODAY={TODAY} dateline"] + ([f"--min-confidence {min_confidence:g}"] if min_confidence is not None else []) + ["eval", task, "--data", data]
    parts += [f"--split {split}"] if split != "all" else []
    parts += [f"--limit {limit}"] if limit else []
    return " ".join(parts)


def measure(task: str, path: str, shown: str, split: str = "all", limit: int | None = None, min_confidence: float | None = None) -> dict:
    """One `dateline eval` run as a baseline entry."""
    settings = load_settings(env={}, today=TODAY)
    if min_confidence is not None:
        settings = with_stage_option(settings, "events", "min_confidence", min_confidence)
    started = time.perf_counter()
    result = run(task, path, settings, split=split, limit=limit)
    metrics = result["metrics"]
    if metrics:
        metrics.pop("confusion", None)
    print(f"{command(task, shown, split, limit, min_confidence)}: {result['records']} records "
          f"({result['training_records']} training records left out) in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return {"task": task, "data": shown, "split": split, "limit": limit, "min_confidence": min_confidence,
            "command": command(task, shown, split, limit, min_confidence), "records": result["records"],
            "training_records_left_out": result["training_records"], "metrics": metrics,
            "date": datetime.date.today().isoformat(), "code_version": code_version()}


def golden() -> list[dict]:
    entries = [measure("events", str(ROOT / GOLD), GOLD, split="held", limit=GOLD_SLICE)]
    for path in sorted(EXAMPLES.glob("*.jsonl")):
        entries.append(measure(task_of(path.name), str(path), f"eval/examples/{path.name}"))
    return entries


def gold() -> list[dict]:
    return [measure("events", str(ROOT / GOLD), GOLD, split="held"),
            measure("events", str(ROOT / GOLD), GOLD, split="held", min_confidence=0.0)]


def dev(directory: Path, previous: list[dict]) -> list[dict]:
    entries = []
    present = set()
    for path in sorted(directory.glob("*.jsonl*")) if directory.is_dir() else []:
        present.add(path.name)
        for split in ("tune", "held"):
            entries.append(measure(task_of(path.name), str(path), f"$DEV/{path.name}", split=split))
    kept = [e for e in previous if Path(e["data"]).name not in present]
    if kept:
        print(f"kept {len(kept)} earlier entries of dev files absent from {directory}", file=sys.stderr)
    return kept + entries


def cross_validated(directory: Path, previous: list[dict]) -> list[dict]:
    files = [directory / name for name in CV_FILES if (directory / name).exists()]
    if not files:
        return previous
    entries = [e for e in previous if Path(e["data"]).name not in {f.name for f in files}]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DATELINE_EVAL_DEV": str(directory)}
    with tempfile.TemporaryDirectory() as folds:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "train_events.py"), "--folds", str(CV_FOLDS), "--out", folds], env=env, check=True)
        for path in files:
            out = subprocess.run([sys.executable, str(ROOT / "scripts" / "cv_events.py"), "--folds-dir", folds, "--data", str(path)],
                                 env=env, check=True, capture_output=True, text=True).stdout
            entries.append({"task": task_of(path.name), "data": f"$DEV/{path.name}", "split": f"{CV_FOLDS}-fold cross-validation",
                            "command": f"python scripts/train_events.py --folds {CV_FOLDS} --out FOLDS && "
                                       f"python scripts/cv_events.py --folds-dir FOLDS --data $DEV/{path.name}",
                            "metrics": json.loads(out), "date": datetime.date.today().isoformat(), "code_version": code_version()})
    return entries


def _figure(metrics: dict | None, key: str):
    for part in key.split("."):
        metrics = (metrics or {}).get(part)
    return metrics


def _cell(value) -> str:
    return "n/a" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


SECTIONS = (("gold", "The project's gold (eval/gold/events.jsonl), held split"),
            ("dev", "Dev files (../shared/eval/dev), tune and held splits"),
            ("cv", "Cross-validated (the files the sentence classifier learned from)"),
            ("golden", "Golden slices (held to these figures by tests/test_golden.py)"))


def render(baseline: dict) -> str:
    """The figures of BASELINE.json as Markdown tables, one per section."""
    out = []
    for key, title in SECTIONS:
        entries = baseline.get(key) or []
        out += [f"### {title}", ""]
        if not entries:
            out += ["(none measured yet: run `make baseline` with the dev files present)", ""]
            continue
        out += ["| data | split | records | training records left out | figures | measured |", "|---|---|---|---|---|---|"]
        for e in entries:
            keys = HEADLINE[e["task"]] + (("events", "extra_participants") if e["task"] == "events" and "fully_correct" in (e["metrics"] or {}) else ())
            if e["task"] == "classify" and (e["metrics"] or {}).get("text_cues"):
                keys += ("text_cues.micro_f1", "text_cues.macro_f1")
            if e["task"] == "geo":
                keys += ("resolution.median_km", "resolution.auc")
            figures = ", ".join(f"{k} {_cell(_figure(e['metrics'], k))}" for k in keys if _figure(e["metrics"], k) is not None) or "no record left to score"
            split = e["split"] + (f", first {e['limit']}" if e.get("limit") else "") + (f", min-confidence {e['min_confidence']:g}" if e.get("min_confidence") is not None else "")
            out.append(f"| `{e['data']}` ({e['task']}) | {split} | {e.get('records', 'all')} | {e.get('training_records_left_out', '')} | {figures} | "
                       f"{e['date']}, {e['code_version']}: `{e['command']}` |")
        out.append("")
    return "\n".join(out)


def write_doc(baseline: dict) -> None:
    text = DOC.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    DOC.write_text(f"{head}{BEGIN}\n{render(baseline)}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", default=DEV_DEFAULT, help="directory of the dev evaluation files (default: %(default)s)")
    ap.add_argument("--only", choices=("golden", "gold", "dev", "cv"), action="append", help="regenerate only these sections")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    out = Path(args.out)
    baseline = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    sections = args.only or ["golden", "gold", "dev", "cv"]
    directory = Path(args.dev)
    if "golden" in sections:
        baseline["golden"] = golden()
    if "gold" in sections:
        baseline["gold"] = gold()
    if "dev" in sections:
        baseline["dev"] = dev(directory, baseline.get("dev", []))
    if "cv" in sections:
        baseline["cv"] = cross_validated(directory, baseline.get("cv", []))
    baseline = {"about": "Dateline's current figures; regenerate with `make baseline` (scripts/baseline.py). $DEV is the dev "
                         "evaluation directory (../shared/eval/dev). Only held, cross-validated or example figures are results; "
                         "records a packaged model was trained on are left out of every score.",
                "today": TODAY, "headline": {task: list(keys) for task, keys in HEADLINE.items()}, "tolerance": 0.02,
                **{key: baseline.get(key, []) for key in ("golden", "gold", "dev", "cv")}}
    out.write_text(json.dumps(baseline, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if out == OUT:
        write_doc(baseline)
    print(f"wrote {out}" + (f" and the figures of {DOC}" if out == OUT else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
