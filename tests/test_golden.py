"""The golden corpus: fixed slices of the project's gold and of every example file, re-scored on each run, must
stay within the tolerance of the figures in eval/BASELINE.json (`make baseline` rewrites them)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate import run
from dateline.settings import load_settings, with_stage_option

ROOT = Path(__file__).resolve().parents[1]
BASELINE = json.loads((ROOT / "eval" / "BASELINE.json").read_text(encoding="utf-8"))


def figure(metrics: dict | None, key: str):
    for part in key.split("."):
        metrics = (metrics or {}).get(part)
    return metrics


def shortfalls(entry: dict, metrics: dict | None) -> list[str]:
    """The headline figures of an entry that fall more than the tolerance below their baseline."""
    out = []
    for key in BASELINE["headline"][entry["task"]]:
        base, now = figure(entry["metrics"], key), figure(metrics, key)
        if base is not None and (now is None or now < base - BASELINE["tolerance"]):
            out.append(f"{key}: {now} < baseline {base}")
    return out


def test_every_example_file_is_in_the_golden_corpus():
    golden = {e["data"] for e in BASELINE["golden"]}
    assert {f"eval/examples/{p.name}" for p in (ROOT / "eval" / "examples").glob("*.jsonl")} <= golden
    assert any(e["data"] == "eval/gold/events.jsonl" and e["split"] == "held" for e in BASELINE["golden"])


@pytest.mark.parametrize("entry", BASELINE["golden"], ids=lambda e: e["data"])
def test_golden_figures_hold(entry):
    settings = load_settings(env={}, today=BASELINE["today"])
    if entry.get("min_confidence") is not None:
        settings = with_stage_option(settings, "events", "min_confidence", entry["min_confidence"])
    result = run(entry["task"], ROOT / entry["data"], settings, split=entry["split"], limit=entry["limit"])
    assert result["records"] == entry["records"]
    assert not shortfalls(entry, result["metrics"]), f"{entry['command']} fell below eval/BASELINE.json"


def test_a_figure_below_its_baseline_is_a_shortfall():
    entry = next(e for e in BASELINE["golden"] if e["task"] == "geo")
    lowered = json.loads(json.dumps(entry["metrics"]))
    lowered["resolution"]["acc161"] -= 0.03
    assert shortfalls(entry, lowered) == [f"resolution.acc161: {lowered['resolution']['acc161']} < baseline {entry['metrics']['resolution']['acc161']}"]
    lowered["resolution"]["acc161"] += 0.015
    assert shortfalls(entry, lowered) == []
