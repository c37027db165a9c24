"""Write the labels of the readings (eval/readings/labels.jsonl) from their dumps and the readers' verdicts.

    .venv/bin/python scripts/export_readings.py --readings /work/audit2[0-7] --dev ../shared/eval/dev --out eval/readings/labels.jsonl

Each reading directory holds `dump.jsonl` (scripts/audit_dump.py) and one verdict file per reader
(`NAME.jsonl`, one line per event: article, n, real, fully_correct, ...; the brief is in eval/readings/BRIEF.md).
A reading with other than two readers is refused. Only records of the tune half of their dev file
(`dateline.evaluate.split_of`) are written, so that no model fitted on the labels learns from a held record;
`--half held` writes the others instead, to check a fitted model on (scripts/train_confidence.py --validate),
never to fit one. Each label names the dev file its article is in, and no text of it (dateline.evaluate.readings).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.evaluate import read_records, split_of  # noqa: E402
from dateline.evaluate.readings import event_key  # noqa: E402

# Dev files whose articles the readings drew.
DEV_FILES = ("time-tbaq.jsonl", "geo-geowebnews.jsonl", "geo-geovirus.jsonl", "eventloc-halterman2019.jsonl", "extract-trafilatura.jsonl.gz",
             "classify-cameo-quad-train.jsonl", "classify-plover-synthetic.jsonl")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--readings", nargs="+", required=True, help="reading directories (dump.jsonl and two verdict files each)")
    ap.add_argument("--dev", default="../shared/eval/dev", help="the directory of the dev files the readings drew from")
    ap.add_argument("--half", choices=("tune", "held"), default="tune", help="the half of the dev files whose records are written")
    ap.add_argument("--out", default=str(ROOT / "eval" / "readings" / "labels.jsonl"))
    args = ap.parse_args()
    home = {}
    for name in DEV_FILES:
        path = Path(args.dev) / name
        if path.exists():
            for record in read_records(path):
                home.setdefault(str(record.get("id")), name)
    rows, skipped = [], {"other half": 0, "no dev file": 0}
    for directory in map(Path, args.readings):
        readers = sorted(p for p in directory.glob("*.jsonl") if p.name != "dump.jsonl" and not p.stem.endswith("-missed"))
        if len(readers) != 2:
            print(f"{directory}: {len(readers)} verdict files, not two; skipped", file=sys.stderr)
            continue
        verdicts = [{(v["article"], v["n"]): v for v in read_records(p)} for p in readers]
        for article in read_records(directory / "dump.jsonl"):
            aid = str(article["id"])
            for n, event in enumerate(article.get("events", [])):
                said = [v.get((aid, n)) for v in verdicts]
                if any(s is None for s in said):
                    continue
                if split_of(aid) != args.half:
                    skipped["other half"] += 1
                    continue
                if aid not in home:
                    skipped["no dev file"] += 1
                    continue
                rows.append({"reading": directory.name, "article": aid, "file": home[aid], "key": event_key(event),
                             "real": [bool(s.get("real")) and bool(s.get("type_ok")) for s in said],
                             "fully_correct": [bool(s.get("fully_correct")) for s in said]})
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    both = sum(all(r["fully_correct"]) for r in rows)
    print(f"{len(rows)} judged events of {len({r['article'] for r in rows})} articles ({both} fully correct by both readers); "
          f"left out: {skipped['other half']} of records of the other half, {skipped['no dev file']} of articles in no dev file; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
