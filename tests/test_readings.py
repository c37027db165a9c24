"""Readings kept as labels without text: the key of what a reader saw, the export, and matching events coded again."""
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from dateline.errors import ConfigError
from dateline.evaluate import split_of
from dateline.evaluate.readings import event_key, load_labels

ROOT = Path(__file__).resolve().parents[1]


def _record(**kw):
    base = {"sentence": "Police  arrested two men in Lyon.", "type": "COERCE", "actors": ["Police [FRA/POL]"], "recipients": ["two men [/]"],
            "factuality": "asserted", "location": "Lyon (FR)", "confidence": 0.4, "date": "2020-01-02", "mode": "arrest", "default": False}
    return {**base, **kw}


def test_event_key_is_what_the_reader_judged():
    key = event_key(_record())
    # Confidence, date and mode are not part of the fully-correct verdict; spacing of the sentence is not either.
    assert event_key(_record(confidence=0.9, date=None, mode=None, sentence="Police arrested two men in Lyon.")) == key
    for changed in ({"actors": ["Police [/POL]"]}, {"recipients": []}, {"factuality": "reported"}, {"location": None}, {"type": "ASSAULT"}):
        assert event_key(_record(**changed)) != key


def test_labels_file_errors_are_one_line(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_labels(tmp_path / "none.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article": "a"\n')
    with pytest.raises(ConfigError, match="not JSON Lines"):
        load_labels(bad)
    short = tmp_path / "short.jsonl"
    short.write_text(json.dumps({"article": "a", "file": "f.jsonl"}) + "\n")
    with pytest.raises(ConfigError, match="lacks fully_correct, key"):
        load_labels(short)


def _ids(half: str, n: int) -> list[str]:
    return [i for i in (f"doc-{k}" for k in range(200)) if split_of(i) == half][:n]


def test_export_keeps_tune_half_records_with_two_readers_and_no_text(tmp_path):
    tune, held = _ids("tune", 1)[0], _ids("held", 1)[0]
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "time-tbaq.jsonl").write_text("".join(json.dumps({"id": i, "text": "Secret words of the article."}) + "\n" for i in (tune, held)))
    reading = tmp_path / "audit99"
    reading.mkdir()
    events = [_record(), _record(type="ASSAULT")]
    (reading / "dump.jsonl").write_text("".join(json.dumps({"id": i, "text": "Secret words of the article.", "events": events}) + "\n" for i in (tune, held)))
    for name, fc in (("R1", [True, False]), ("R2", [True, True])):
        (reading / f"{name}.jsonl").write_text("".join(json.dumps({"article": i, "n": n, "real": True, "type_ok": True, "fully_correct": fc[n]}) + "\n"
                                                       for i in (tune, held) for n in range(2)))
        (reading / f"{name}-missed.jsonl").write_text("")
    lone = tmp_path / "audit98"
    lone.mkdir()
    (lone / "dump.jsonl").write_text(json.dumps({"id": tune, "events": events}) + "\n")
    (lone / "R1.jsonl").write_text(json.dumps({"article": tune, "n": 0, "fully_correct": True}) + "\n")
    out = tmp_path / "labels.jsonl"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "export_readings.py"), "--readings", str(reading), str(lone),
                          "--dev", str(dev), "--out", str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "1 verdict files, not two" in run.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["article"], r["file"], r["key"], r["fully_correct"]) for r in rows] == [
        (tune, "time-tbaq.jsonl", event_key(events[0]), [True, True]), (tune, "time-tbaq.jsonl", event_key(events[1]), [False, True])]
    assert "Secret" not in out.read_text() and "Lyon" not in out.read_text()
    # The held half is written only when asked for, to check a model on, and then alone.
    held_out = tmp_path / "labels-held.jsonl"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "export_readings.py"), "--readings", str(reading), "--half", "held",
                          "--dev", str(dev), "--out", str(held_out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert {json.loads(line)["article"] for line in held_out.read_text().splitlines()} == {held}


def test_trainer_labels_the_events_still_coded_as_they_were_read(tmp_path):
    spec = importlib.util.spec_from_file_location("train_confidence", ROOT / "scripts" / "train_confidence.py")
    tc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tc)
    import dateline
    from dateline.evaluate.readings import event_record
    from dateline.pipeline import Pipeline
    from dateline.settings import load_settings

    text = ("The foreign minister of Japan met his Chinese counterpart in Beijing on Monday, the ministry said. "
            "Police in Osaka arrested three protesters outside the parliament building on Tuesday.")
    aid = _ids("tune", 1)[0]
    (tmp_path / "geo-geovirus.jsonl").write_text(json.dumps({"id": aid, "text": text, "dct": "2021-03-04"}) + "\n")
    pipeline = Pipeline(load_settings(stage_options={"events": {"calibration": "none", "min_confidence": 0.0}}))
    coded = [event_record(e, 1.0) for e in dateline.process(text, published="2021-03-04", pipeline=pipeline).events]
    assert len(coded) >= 2
    labels = [{"article": aid, "file": "geo-geovirus.jsonl", "key": event_key(coded[0]), "fully_correct": [True, True]},
              {"article": aid, "file": "geo-geovirus.jsonl", "key": event_key(coded[1]), "fully_correct": [True, False]},
              {"article": aid, "file": "geo-geovirus.jsonl", "key": event_key({**coded[1], "actors": []}), "fully_correct": [True, True]}]
    x, y, ids, texts, gone = tc.reading_dataset(labels, tmp_path)
    assert list(y) == [1.0, 0.0] and ids == [aid, aid] and gone == 1  # both readers must agree; a changed event has no verdict
    assert x.shape == (2, len(tc.eventconf.FEATURES))
    assert [t.split(". ", 1)[1] in text for t in texts] == [True, True]  # each embedded text ends with its event's sentence
    assert tc.auc(np.array([0.9, 0.2, 0.5, 0.5]), np.array([1.0, 0.0, 1.0, 0.0])) == pytest.approx(0.875)  # one tie of four pairs
    with pytest.raises(SystemExit, match="dev file"):
        tc.reading_dataset(labels, tmp_path / "nowhere")
