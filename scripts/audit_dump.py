"""Dump every event Dateline codes on a random sample of articles, for reading one by one.

An audit in the sense of issue #9: draw articles nobody tuned on, code them, and have a reader judge each
event against its sentence (real event of its type, actor, recipient, factuality, place, date, fully
correct, coded twice). This script does the drawing and the coding; the reading is a person's (or two
people's, independently, to measure agreement). Each output line is one article: its text and every event
with `default` (kept by the packaged confidence threshold) or not (shown only with --min-confidence 0).

    .venv/bin/python scripts/audit_dump.py --data ../shared/eval/dev/geo-geowebnews.jsonl --n 26 --seed 9 --out /tmp/audit.jsonl

The input is any JSONL file (gzipped or not) with a `text` or an `html` field (optionally `id`, `url`, and `dct`:
the publication date); articles are drawn with `random.Random(seed).sample`, so the same command draws the same
articles. `--split held` keeps the records of a dev file's held half (`dateline.evaluate.split_of`), `--lang en`
the HTML pages whose <html lang> says English, and `--exclude` drops the ids of earlier dumps, so that a reading
draws texts no reading has used. The sixteenth reading, for example:

    .venv/bin/python scripts/audit_dump.py --data ../shared/eval/dev/eventloc-halterman2019.jsonl --split held \
        --exclude /work/audit1[2-5]/dump.jsonl --n 45 --seed 25 --out sentences.jsonl
    .venv/bin/python scripts/audit_dump.py --data ../shared/eval/dev/extract-trafilatura.jsonl.gz --lang en \
        --exclude /work/audit1[2-5]/dump.jsonl --n 15 --seed 26 --out pages.jsonl

An article the pipeline cannot code (an empty page) is written with its one-line `error` and no events, and the
others are still coded.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import dateline  # noqa: E402
from dateline import eventconf  # noqa: E402
from dateline.errors import DatelineError  # noqa: E402
from dateline.evaluate import read_records, split_of  # noqa: E402
from dateline.evaluate.readings import event_record  # noqa: E402
from dateline.pipeline import Pipeline  # noqa: E402
from dateline.settings import load_settings  # noqa: E402


_LANG = re.compile(r"<html[^>]*\blang=[\"']?([a-zA-Z-]+)")


def _in_language(record: dict, lang: str) -> bool:
    """Whether an HTML record's <html lang> names the language (a text record has none to say)."""
    m = _LANG.search(record.get("html", "")[:3000])
    return bool(m) and m.group(1).lower().startswith(lang.lower())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="JSONL with a 'text' field per line")
    ap.add_argument("--n", type=int, default=25, help="articles to draw")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--out", required=True)
    ap.add_argument("--split", choices=("tune", "held"), help="only the records of this half of the file (by the hash of their id)")
    ap.add_argument("--lang", help="only HTML pages whose <html lang> is this language (e.g. en)")
    ap.add_argument("--exclude", nargs="*", default=[], help="dumps of earlier readings whose ids are not drawn again")
    args = ap.parse_args()
    records = list(read_records(args.data))
    used = {r.get("id") for path in args.exclude for r in read_records(path)}
    records = [r for r in records if r.get("id") not in used and (args.split is None or split_of(r.get("id", "")) == args.split)
               and (args.lang is None or _in_language(r, args.lang))]
    drawn = random.Random(args.seed).sample(records, min(args.n, len(records)))
    threshold = eventconf.load().threshold
    pipeline = Pipeline(load_settings(stage_options={"events": {"min_confidence": 0.0}}))
    with open(args.out, "w", encoding="utf-8") as out:
        for number, record in enumerate(drawn, 1):
            try:
                doc = dateline.process(record["text"] if "text" in record else record["html"], url=record.get("url"),
                                       published=record.get("dct"), pipeline=pipeline)
            except DatelineError as err:
                # One bad article (an empty page, say) is recorded and skipped; the others are still coded.
                out.write(json.dumps({"id": record.get("id", number), "error": str(err), "events": []}, ensure_ascii=False) + "\n")
                print(f"{record.get('id', number)}: not coded: {err}", file=sys.stderr)
                continue
            events = [event_record(e, threshold) for e in sorted(doc.events, key=lambda e: e.evidence.start)]
            out.write(json.dumps({"id": record.get("id", number), "title": doc.article.title, "dct": record.get("dct"),
                                  "text": doc.article.text, "events": events}, ensure_ascii=False) + "\n")
            print(f"{record.get('id', number)}: {len(events)} events, {sum(e['default'] for e in events)} kept by default", file=sys.stderr)


if __name__ == "__main__":
    main()
