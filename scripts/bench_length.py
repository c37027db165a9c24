"""Cost of coding one document against its length, for texts of 1 KB to 200 KB in three shapes.

    PYTHONPATH=src python scripts/bench_length.py [--sizes 1,2,5,10,20,50,100,200] [--shapes sentence,article,runon] [--json]

Shapes: `sentence` is one ever longer sentence ('Russian officials met Chinese diplomats and the delegation
discussed trade with Iran and ...', the pattern of issue #11); `article` is an ever longer article of the
bundled corpus's own sentences; `runon` is the same text with its sentence ends removed (what a scrape
without punctuation gives). Each text is coded once by the whole pipeline in this process, with the time
budget off, after a warm-up; the table gives seconds, seconds per KB, that cost relative to 1 KB (which
must stay under 2), and the share of the slowest stage.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from importlib import resources

from dateline.pipeline import Pipeline
from dateline.settings import load_settings
from dateline.sources import RawInput


def _corpus_sentences() -> list[str]:
    lines = resources.files("dateline.data").joinpath("corpus/articles.jsonl").read_text(encoding="utf-8").splitlines()
    text = " ".join(json.loads(line)["text"] for line in lines[:120])
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s.strip()) <= 400]


def make(shape: str, size: int) -> str:
    """A text of about `size` bytes in the given shape."""
    if shape == "sentence":
        count = max(1, (size - 40) // 44)
        return "Russian officials met Chinese diplomats " + " and ".join(["the delegation discussed trade with Iran"] * count) + "."
    sentences = _corpus_sentences()
    out, total, i = [], 0, 0
    while total < size:
        sentence = sentences[i % len(sentences)]
        out.append(sentence)
        total += len(sentence) + 1
        i += 1
    text = " ".join(out)
    if shape == "runon":
        text = re.sub(r"[.!?]+(\s)", r"\1", text)
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,5,10,20,50,100,200", help="sizes in KB")
    parser.add_argument("--shapes", default="sentence,article,runon")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    settings = load_settings(env={}, today="2026-11-28", doc_timeout=0, stage_options={"events": {"min_confidence": 0.0}})
    pipeline = Pipeline(settings)
    pipeline.run([RawInput(data=make("article", 2000).encode(), origin="warm-up", text=make("article", 2000)).document()])
    rows = []
    for shape in args.shapes.split(","):
        base = None
        for kb in (int(k) for k in args.sizes.split(",")):
            text = make(shape, kb * 1000)
            pipeline.timings.clear()
            started = time.perf_counter()
            [outcome] = pipeline.run([RawInput(data=text.encode(), origin=f"{shape}-{kb}", text=text).document()])
            seconds = time.perf_counter() - started
            if outcome.error:
                print(f"{shape} {kb} KB failed: {outcome.error}", file=sys.stderr)
            per_kb = seconds / (len(text.encode()) / 1000)
            base = base or per_kb
            stage, spent = max(pipeline.timings.items(), key=lambda kv: kv[1])
            rows.append({"shape": shape, "kb": round(len(text.encode()) / 1000, 1), "seconds": round(seconds, 3),
                         "s_per_kb": round(per_kb, 4), "vs_1kb": round(per_kb / base, 2), "slowest_stage": stage,
                         "slowest_share": round(spent / sum(pipeline.timings.values()), 2),
                         "events": len(outcome.doc.events) if outcome.doc else None})
            if not args.json:
                r = rows[-1]
                print(f"{r['shape']:<9} {r['kb']:>7} KB {r['seconds']:>9.3f} s {r['s_per_kb']:>8.4f} s/KB  x{r['vs_1kb']:<5} "
                      f"{r['slowest_stage']} {r['slowest_share']:.0%}  events {r['events']}", flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
