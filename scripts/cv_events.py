"""Cross-validated pipeline figures for the files the event classifier learned from.

Each record is coded by the full pipeline with the fold model that did not see it (fold models and
folds.json from `scripts/train_events.py --folds K --out DIR`); records outside folds.json (files the
classifier never saw) use the packaged model. Prints the same metrics as `dateline eval classify|events`.
    .venv/bin/python scripts/cv_events.py --folds-dir /tmp/folds --data ../shared/eval/dev/classify-plover-gsr.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline import classifier  # noqa: E402
from dateline.evaluate import classify, events, pipeline_for  # noqa: E402
from dateline.settings import load_settings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--folds-dir", required=True)
    ap.add_argument("--limit", type=int, default=0, help="every n-th record so that the sample spans the file")
    ap.add_argument("--lead", action="append", default=[], help="classify module setting, e.g. LEAD_WEIGHT=0.5")
    ap.add_argument("--confusion", action="store_true")
    ap.add_argument("--option", action="append", default=[], help="events stage option key=value")
    args = ap.parse_args()
    with open(args.data, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    if args.limit and args.limit < len(records):
        step = len(records) / args.limit
        records = [records[int(k * step)] for k in range(args.limit)]
    folds = json.loads((Path(args.folds_dir) / "folds.json").read_text())
    settings = events.all_candidates(load_settings())
    *stages, evs = pipeline_for(settings, events.TARGET)
    for opt in args.option:
        key, _, value = opt.partition("=")
        setattr(evs, key, type(getattr(evs, key))(value) if not isinstance(getattr(evs, key), bool) else value == "1")
    packaged = evs.model
    t0 = time.time()
    for opt in args.lead:
        key, _, value = opt.partition("=")
        setattr(classify, key, type(getattr(classify, key))(value))
    is_events = "events" in records[0]
    docs = events.code_texts([(r["text"], r.get("dct")) for r in records], settings, stages=stages)
    predicted = []
    for record, doc in zip(records, docs):
        fold = folds.get(record["id"])
        evs.model = packaged if fold is None else classifier.load(str(Path(args.folds_dir) / f"fold{fold}.npz"))
        evs(doc)
        if not is_events:  # the label is read with the same fold model, the events stage's candidates included
            predicted.append(classify.labels_for(doc, record["scheme"], evs.model, evs))
    seen = sum(r["id"] in folds for r in records)
    print(f"{len(records)} records ({seen} cross-validated) in {time.time() - t0:.0f}s", file=sys.stderr)
    if is_events:
        metrics = events.score(records, docs)
    else:
        metrics = classify.score([r["labels"] for r in records], predicted)
        confusion = metrics.pop("confusion", None)
        if args.confusion:
            for g, row in confusion.items():
                print(g, sorted(row.items(), key=lambda kv: -kv[1])[:5], file=sys.stderr)
        metrics["per_label"] = {k: round(v["f1"], 3) for k, v in metrics["per_label"].items()}
    print(json.dumps(metrics, indent=1))


if __name__ == "__main__":
    main()
