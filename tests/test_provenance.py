"""Training provenance: packaged models say what they learned from, and `dateline eval` leaves it out of the score."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from dateline import classifier, eventconf
from dateline.evaluate import run, split_of
from dateline.provenance import is_training, text_id
from dateline.settings import load_settings

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold" / "events.jsonl"
TRAINED = "Israeli jets bombed targets in southern Lebanon on Monday."
UNSEEN = "The foreign ministers of Japan and South Korea met in Tokyo to discuss trade."


def test_text_id_is_the_hash_of_the_words():
    assert text_id("Troops  left\nthe city. ") == text_id("Troops left the city.")
    assert text_id("Troops left the city.") != text_id("Troops left the town.")
    assert len(text_id("x")) == 20


def test_packaged_models_state_what_they_were_trained_on():
    plover = classifier.load("plover")
    assert len(plover.trained_on) > 4000 and all(len(i) == 20 for i in plover.trained_on)
    calibrator = eventconf.load()
    assert calibrator.trained_on and all(split_of(i) == "tune" for i in calibrator.trained_on)


def test_a_record_is_training_by_its_text_or_its_id():
    ids = frozenset({text_id(TRAINED), "wn-1"})
    assert is_training({"id": "a", "text": f"  {TRAINED}"}, ids)
    assert is_training({"id": "wn-1", "text": "other"}, ids)
    assert not is_training({"id": "b", "text": UNSEEN}, ids)


@pytest.fixture
def model_trained_on_one(tmp_path):
    """The packaged classifier's weights, stated as trained on the text TRAINED only."""
    path = tmp_path / "model.npz"
    with np.load(resources.files("dateline").joinpath("data", "model-plover.npz")) as arrays:
        np.savez(path, **{k: arrays[k] for k in arrays.files if k != "trained_on"}, trained_on=np.array([text_id(TRAINED)]))
    return path


def test_eval_leaves_training_records_out_and_marks_in_sample(tmp_path, model_trained_on_one):
    data = tmp_path / "classify.jsonl"
    data.write_text("".join(json.dumps({"id": str(i), "text": t, "scheme": "plover", "labels": [label]}) + "\n"
                            for i, (t, label) in enumerate([(TRAINED, "ASSAULT"), (UNSEEN, "CONSULT")])))
    settings = load_settings(env={}, stage_options={"events": {"model": str(model_trained_on_one)}})
    held = run("classify", data, settings)
    assert (held["records"], held["training_records"], held["in_sample"]) == (1, 1, False)
    both = run("classify", data, settings, include_training=True)
    assert (both["records"], both["training_records"], both["in_sample"]) == (2, 1, True)


def test_gold_eval_leaves_out_the_articles_the_confidence_model_was_fitted_on():
    result = run("events", GOLD, load_settings(env={}), limit=1)
    gold_ids = {json.loads(line)["id"] for line in GOLD.read_text(encoding="utf-8").splitlines()}
    fitted = set(eventconf.load().trained_on) & gold_ids  # the others are the readings' dev articles
    assert result["training_records"] == len(fitted) >= 40
    assert result["records"] == 1 and not result["in_sample"]


@pytest.mark.parametrize("result, shown", [
    ({"training_records": 3, "in_sample": True, "metrics": {"f1": 0.9}}, "IN-SAMPLE: 3 of these records"),
    ({"training_records": 3, "in_sample": False, "metrics": {"f1": 0.5}}, "left out 3 records a packaged model was trained on"),
    ({"training_records": 3, "in_sample": False, "metrics": None}, "no record left to score"),
])
def test_the_table_says_what_was_left_out_or_in_sample(result, shown):
    from dateline.exports import metrics_table

    assert shown in metrics_table({"task": "classify", "data": "f.jsonl", "split": "all", "records": 2, **result})


def test_a_file_with_no_record_left_shows_its_cross_validated_figure(tmp_path, monkeypatch):
    from dateline import evaluate
    from dateline.exports import metrics_table

    baseline = tmp_path / "BASELINE.json"
    baseline.write_text(json.dumps({"cv": [{"task": "classify", "data": "$DEV/gsr.jsonl", "split": "5-fold cross-validation",
                                            "metrics": {"macro_f1": 0.71}, "command": "python scripts/cv_events.py", "date": "2026-12-03",
                                            "code_version": "abc"}]}))
    monkeypatch.setattr(evaluate, "BASELINE", baseline)
    cv = evaluate.cross_validated("classify", "/elsewhere/gsr.jsonl")
    assert cv["metrics"] == {"macro_f1": 0.71} and evaluate.cross_validated("events", "gsr.jsonl") is None
    table = metrics_table({"task": "classify", "data": "gsr.jsonl", "split": "all", "records": 0, "training_records": 322,
                           "in_sample": False, "metrics": None, "cross_validated": cv})
    assert "left out 322" in table and "cross-validated" in table and "macro_f1" in table and "0.7100" in table
