import pytest

from dateline.errors import EvalError
from dateline.evaluate import classify, events
from dateline.models import Article, Document, Event, EventActor, EventLocation, Evidence
from dateline.settings import load_settings

SETTINGS = load_settings(env={}, today="2023-09-20", stage_options={"events": {"min_confidence": 0.0}})
EVENTS_KEYS = {"precision", "recall", "f1", "actor_country_accuracy", "mode_accuracy", "sector_accuracy",
               "location_accuracy", "date_accuracy", "factuality_accuracy"}


def _doc(*evs):
    doc = Document(article=Article(text="x"))
    doc.events = list(evs)
    return doc


def _ev(etype, actors=(), recipients=(), mode=None, factuality="asserted", location=None, confidence=0.5):
    return Event(type=etype, mode=mode, factuality=factuality, confidence=confidence, location=location,
                 actors=[EventActor(text=c, country=c, sector=s) for c, s in actors],
                 recipients=[EventActor(text=c, country=c, sector=s) for c, s in recipients],
                 evidence=Evidence(sentence="x", start=0, end=1))


def _gold(etype, actors=(), recipients=(), mode=None, factuality=None, location=None):
    return {"type": etype, "mode": mode, "factuality": factuality, "location": location, "date": None,
            "actors": [{"text": c, "country": c, "sector": s} for c, s in actors],
            "recipients": [{"text": c, "country": c, "sector": s} for c, s in recipients]}


def test_events_score_matches_type_and_countries():
    records = [
        {"events": [_gold("CONSULT", [("PRK", "GOV")], [("RUS", None)], mode="visit", factuality="asserted")]},
        {"events": [_gold("ASSAULT", [("ISR", "MIL")], [("LBN", None)])]},
        {"events": [_gold("AGREE", [("IGO", None)])]},
    ]
    docs = [
        _doc(_ev("CONSULT", [("PRK", "GOV")], [("RUS", None)], mode="visit", factuality="reported")),
        _doc(_ev("ASSAULT", [("SYR", "MIL")], [("LBN", None)])),  # wrong actor country: no match
        _doc(_ev("AGREE", [("UNO", "IGO")]), _ev("SUPPORT", [("FRA", None)])),
    ]
    m = events.score(records, docs)
    assert set(m) == EVENTS_KEYS
    assert m["precision"] == pytest.approx(2 / 4)
    assert m["recall"] == pytest.approx(2 / 3)
    assert m["mode_accuracy"] == 1.0
    assert m["factuality_accuracy"] == 0.0
    assert m["sector_accuracy"] == 1.0
    assert m["actor_country_accuracy"] == pytest.approx(4 / 5)  # ISR is missing
    assert m["date_accuracy"] is None and m["location_accuracy"] is None


@pytest.mark.parametrize("gold,system,ok", [
    ({"name": "Gaza", "country": "PS", "lat": 31.5, "lon": 34.47}, {"name": "Gaza City", "country": "PS", "lat": 31.52, "lon": 34.45}, True),
    ({"name": "Gaza", "country": "PS", "lat": 31.5, "lon": 34.47}, {"name": "Amman", "country": "JO", "lat": 31.95, "lon": 35.93}, False),
    ({"name": "Geneva", "country": None, "lat": None, "lon": None}, {"name": "Geneva", "country": "CH", "lat": 46.2, "lon": 6.15}, True),
])
def test_location_within_50_km_or_same_name(gold, system, ok):
    record = {"events": [_gold("CONSULT", location=gold)]}
    doc = _doc(_ev("CONSULT", location=EventLocation(**system)))
    assert events.score([record], [doc])["location_accuracy"] == (1.0 if ok else 0.0)


def test_classify_score_gives_micro_macro_weighted_and_confusion():
    gold = [["A"], ["A"], ["B"], ["B"]]
    predicted = [["A"], ["B"], ["B"], []]
    m = classify.score(gold, predicted)
    assert m["per_label"]["A"] == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3), "support": 2}
    assert m["per_label"]["B"]["precision"] == 0.5
    assert m["micro_f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert m["confusion"]["B"]["(none)"] == 1


def test_classify_multilabel_empty_gold_counts_false_positives():
    m = classify.score([[], ["ARREST", "ANY_ACTION"]], [["ANY_ACTION"], ["ARREST", "ANY_ACTION"]])
    assert m["per_label"]["ANY_ACTION"]["precision"] == 0.5
    assert m["per_label"]["ARREST"]["f1"] == 1.0


def test_classify_main_event_prefers_strongest_type():
    doc = _doc(_ev("ASSAULT", confidence=0.5), _ev("CONSULT", confidence=0.9))
    assert classify.labels_for(doc, "plover") == ["CONSULT"]
    assert classify.labels_for(_doc(), "cameo-quad") == ["statement"]


def test_classify_main_event_leans_on_the_lead_between_close_types():
    text = "Rebels shelled the town and killed twelve civilians. Later the two sides held talks."
    doc = Document(article=Article(text=text))
    doc.events = [
        Event(type="CONSULT", factuality="asserted", confidence=0.55, evidence=Evidence(sentence="x", start=0, end=10)),
        Event(type="ASSAULT", factuality="asserted", confidence=0.5, evidence=Evidence(sentence="y", start=53, end=80)),
    ]
    assert classify.labels_for(doc, "plover") == ["ASSAULT"]


@pytest.mark.parametrize("module,record", [
    (classify, {"id": "1", "text": "x", "scheme": "nope", "labels": []}),
    (classify, {"id": "1", "text": "x", "scheme": "plover"}),
    (events, {"id": "1", "text": "x"}),
])
def test_bad_records_are_eval_errors(module, record):
    with pytest.raises(EvalError):
        module.evaluate([record], SETTINGS)


def test_end_to_end_on_hand_made_records():
    records = [{"id": "1", "text": "Israeli jets bombed targets in Lebanon on Monday.", "scheme": "cameo-quad", "labels": ["material_conflict"]},
               {"id": "2", "text": "The weather was sunny.", "scheme": "cameo-quad", "labels": ["statement"]}]
    m = classify.evaluate(records, SETTINGS)
    assert m["micro_f1"] == 1.0


@pytest.mark.parametrize("gold_name, ok", [
    ("Basra", True),  # the gazetteer's name is Basrah; the text wrote Basra
    ("town of Basra", True),  # a gold name that frames the mention
    ("Baghdad", False),
])
def test_location_without_coordinates_matches_the_mention_as_written(gold_name, ok):
    text = "Bombs exploded in Basra on Monday."
    start = text.index("Basra")
    record = {"events": [_gold("ASSAULT", location={"name": gold_name, "country": None, "lat": None, "lon": None})]}
    doc = _doc(_ev("ASSAULT", location=EventLocation(name="Basrah", country="IQ", start=start, end=start + 5)))
    doc.article = Article(text=text)
    assert events.score([record], [doc])["location_accuracy"] == (1.0 if ok else 0.0)
