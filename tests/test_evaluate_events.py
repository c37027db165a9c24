import pytest

from dateline.errors import EvalError
from dateline.evaluate import classify, events, gold, pipeline_for
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
    ({"name": "Geneva", "country": None, "lat": None, "lon": None}, {"name": "Geneva", "country": "CH", "lat": None, "lon": None}, False),
])
def test_location_within_161_km_or_of_the_gold_names_reading(gold, system, ok):
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


@pytest.mark.parametrize("text,plover,cameo", [
    ("A refugee camp was attacked overnight.", ["ASSAULT"], ["material_conflict"]),  # no actor: no event, still an attack
    ("Was the embassy attacked by protesters?", ["ASSAULT"], ["material_conflict"]),  # a question: no event
    ("The weather was sunny.", [], ["statement"]),  # no candidate at all
    # No trigger: the classifier's type, as the stage's fallback would code it (off for emission by default).
    ("Thousands of teachers walked out of classrooms across Serbia on Monday.", ["PROTEST"], ["material_conflict"]),
    # Words read in another sense name no event, nor does what they govern, and no guess stands in: a no-comment is
    # CAMEO's statement.
    ("The governor's office declined to comment on the allegations against the mayor.", [], ["statement"]),
])
def test_classify_reads_a_text_whose_candidates_were_all_gated_from_its_strongest_candidate(text, plover, cameo):
    stages = pipeline_for(SETTINGS, classify.TARGET)
    doc = events.code_texts([(text, None)], SETTINGS, stages)[0]
    assert doc.events == []
    assert classify.labels_for(doc, "plover", stage=stages[-1]) == plover
    assert classify.labels_for(doc, "cameo-quad", stage=stages[-1]) == cameo
    assert classify.labels_for(doc, "plover") == []  # without the stage, events only


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


BASRA_IQ = {"name": "Basrah", "country": "IQ", "lat": 30.51, "lon": 47.78, "geonameid": 99532}
BASRA_PK = {"name": "Basra", "country": "PK", "lat": 32.37, "lon": 72.70, "geonameid": 1183212}  # a village of 1,000 people


@pytest.mark.parametrize("gold_location, system_location, ok", [
    ({"name": "Basra", "country": None, "lat": None, "lon": None}, BASRA_IQ, True),  # the gazetteer's own reading of the gold name
    ({"name": "Basra", "country": None, "lat": None, "lon": None}, BASRA_PK, False),  # mentioned as "Basra", placed in Pakistan
    ({"name": "Basra", "country": "IQ", "lat": None, "lon": None}, BASRA_PK, False),
    ({"name": "Basra", "country": None, "lat": None, "lon": None, "geonameid": 1183212}, BASRA_PK, True),  # gold says the village
    ({"name": "Europe Bridge", "country": None, "lat": None, "lon": None},  # not the continent the mention's word names
     {"name": "Europe", "country": None, "lat": 48.69, "lon": 9.14, "geonameid": 6255148}, False),
    ({"name": "Gaza", "country": None, "lat": 31.5, "lon": 34.47}, {"name": "Khan Yunis", "country": "PS", "lat": 31.34, "lon": 34.31}, True),
    ({"name": "Paris", "country": None, "lat": 48.85, "lon": 2.35}, {"name": "Brussels", "country": "BE", "lat": 50.85, "lon": 4.35}, False),
    # A state named outright is the state (its gazetteer entry has no population), never a town of the name.
    ({"name": "California", "country": "US"}, {"name": "California", "country": "US", "lat": 36.99, "lon": -119.03, "geonameid": 5332921}, True),
    ({"name": "California", "country": "US"}, {"name": "California", "country": "US", "lat": 38.30, "lon": -76.51, "geonameid": 4350049}, False),
    # "City, State" reads as the city in that state.
    ({"name": "Tulsa, Oklahoma", "country": "US"}, {"name": "Tulsa", "country": "US", "lat": 36.15, "lon": -95.99, "geonameid": 4553433}, True),
    ({"name": "Portland, Oregon", "country": "US"}, {"name": "Portland", "country": "US", "lat": 43.66, "lon": -70.26, "geonameid": 4975802}, False),
])
def test_location_matches_by_place_never_by_mention_text(gold_location, system_location, ok):
    text = "Bombs exploded in Basra and near the Europe Bridge on Monday."
    gold_location = {"lat": None, "lon": None, **gold_location}
    record = {"events": [_gold("ASSAULT", location=gold_location)]}
    start = text.index(gold_location["name"]) if gold_location["name"] in text else 0
    doc = _doc(_ev("ASSAULT", location=EventLocation(**system_location, start=start, end=start + len(system_location["name"]))))
    doc.article = Article(text=text)
    assert events.score([record], [doc])["location_accuracy"] == (1.0 if ok else 0.0)
    assert gold.location_right({**gold_location, "country": gold_location["country"]}, system_location) is ok


def test_extra_actors_and_recipients_cost_precision_not_recall():
    record = {"events": [_gold("ASSAULT", [("ISR", "MIL")], [("LBN", None)])]}
    clean = _doc(_ev("ASSAULT", [("ISR", "MIL")], [("LBN", None)]))
    extra = _doc(_ev("ASSAULT", [("ISR", "MIL"), ("USA", "GOV")], [("LBN", None), ("SYR", None)]))
    assert events.score([record], [clean])["precision"] == 1.0
    m = events.score([record], [extra])
    assert (m["precision"], m["recall"]) == (0.0, 1.0)


@pytest.mark.parametrize("etype,matched", [("AGREE", True), ("CONSULT", True), ("ASSAULT", False)])
def test_the_parties_of_a_symmetric_act_match_in_either_role(etype, matched):
    # GSR lists both sides of "The United States and Jordan have agreed" as sources; Dateline makes the
    # first-named the source and the other the target. An attack's roles are no convention.
    record = {"events": [_gold(etype, [("USA", None), ("JOR", None)])]}
    m = events.score([record], [_doc(_ev(etype, [("USA", None)], [("JOR", None)]))])
    assert (m["precision"], m["recall"]) == ((1.0, 1.0) if matched else (0.0, 0.0))


def test_sector_is_compared_on_the_matched_participant():
    record = {"events": [_gold("ASSAULT", [("ISR", "MIL")], [("LBN", "GOV")])]}
    # The right sectors, but each on the other participant: MIL on the recipient, GOV on the actor.
    crossed = _doc(_ev("ASSAULT", [("ISR", "GOV")], [("LBN", "MIL")]))
    assert events.score([record], [crossed])["sector_accuracy"] == 0.0
    assert events.score([record], [_doc(_ev("ASSAULT", [("ISR", "MIL")], [("LBN", "GOV")]))])["sector_accuracy"] == 1.0


def _gold_article(actors, recipients, location=None):
    """One article-level gold event on the text's first sentence."""
    return {"events": [{"type": "ASSAULT", "mode": None, "factuality": "asserted", "location": location, "date": None,
                        "actors": actors, "recipients": recipients, "evidence": [{"start": 0, "end": 20, "text": "x"}]}]}


@pytest.mark.parametrize("system_recipients, precision, extra", [
    ([EventActor(text="Lebanon", country="LBN")], 1.0, 0),
    ([EventActor(text="Lebanon", country="LBN"), EventActor(text="the United Nations", country="UNO")], 0.0, 1),
])
def test_gold_precision_counts_extra_participants_against_the_event(system_recipients, precision, extra):
    record = _gold_article([{"text": "Israel", "country": "ISR", "sector": "MIL"}], [{"text": "Lebanon", "country": "LBN", "sector": None}])
    event = Event(type="ASSAULT", factuality="asserted", confidence=0.9, actors=[EventActor(text="Israel", country="ISR", sector="MIL")],
                  recipients=system_recipients, evidence=Evidence(sentence="x", start=0, end=20))
    m = gold.score([record], [_doc(event)])
    assert (m["precision"], m["recall"], m["extra_participants"]) == (precision, 1.0, extra)


def test_gold_sector_is_the_matched_participants():
    record = _gold_article([{"text": "Israel", "country": "ISR", "sector": "MIL"}], [{"text": "Lebanon", "country": "LBN", "sector": "GOV"}])
    event = Event(type="ASSAULT", factuality="asserted", confidence=0.9, actors=[EventActor(text="Israel", country="ISR", sector="GOV")],
                  recipients=[EventActor(text="Lebanon", country="LBN", sector="MIL")], evidence=Evidence(sentence="x", start=0, end=20))
    assert gold.score([record], [_doc(event)])["sector_accuracy"] == 0.0


def test_audit_dump_draws_the_same_articles_and_flags_the_default_events(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    data = tmp_path / "articles.jsonl"
    texts = ["Police arrested three protesters in Minsk on Monday, the interior ministry said.",
             "The weather in Oslo was mild on Tuesday and many people went for a walk in the park.",
             "Russia expelled two British diplomats on Friday, the foreign ministry in Moscow said."]
    data.write_text("".join(json.dumps({"id": f"a{k}", "text": t}) + "\n" for k, t in enumerate(texts)))
    script = Path(__file__).resolve().parents[1] / "scripts" / "audit_dump.py"
    runs = []
    for name in ("one.jsonl", "two.jsonl"):
        out = tmp_path / name
        subprocess.run([sys.executable, str(script), "--data", str(data), "--n", "2", "--seed", "3", "--out", str(out)],
                       check=True, capture_output=True)
        runs.append([json.loads(line) for line in out.read_text().splitlines()])
    assert [r["id"] for r in runs[0]] == [r["id"] for r in runs[1]] and len(runs[0]) == 2
    threshold = __import__("dateline.eventconf", fromlist=["load"]).load().threshold
    for record in runs[0]:
        assert all(e["default"] == (e["confidence"] >= threshold) and e["sentence"] in record["text"] for e in record["events"])


def test_audit_dump_records_an_article_it_cannot_code_and_goes_on(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    data = tmp_path / "articles.jsonl"
    data.write_text(json.dumps({"id": "empty", "text": "   "}) + "\n" + json.dumps(
        {"id": "full", "text": "Russia expelled two British diplomats on Friday, the foreign ministry in Moscow said."}) + "\n")
    out = tmp_path / "out.jsonl"
    script = Path(__file__).resolve().parents[1] / "scripts" / "audit_dump.py"
    done = subprocess.run([sys.executable, str(script), "--data", str(data), "--n", "2", "--out", str(out)], capture_output=True, text=True)
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "error" in records["empty"] and "error" not in records["full"]


def test_audit_dump_draws_from_one_half_an_html_language_and_no_earlier_reading(tmp_path):
    import gzip
    import json
    import subprocess
    import sys
    from pathlib import Path

    from dateline.evaluate import split_of

    page = "<html lang='{}'><body><p>Russia expelled two British diplomats on Friday, the foreign ministry in Moscow said.</p></body></html>"
    records = [{"id": f"p{k}", "html": page.format("en" if k % 3 else "de")} for k in range(12)]
    data = tmp_path / "pages.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in records)
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text(json.dumps({"id": "p1", "events": []}) + "\n")
    out = tmp_path / "out.jsonl"
    script = Path(__file__).resolve().parents[1] / "scripts" / "audit_dump.py"
    subprocess.run([sys.executable, str(script), "--data", str(data), "--split", "held", "--lang", "en", "--exclude", str(earlier),
                    "--n", "12", "--out", str(out)], check=True, capture_output=True)
    drawn = {json.loads(line)["id"] for line in out.read_text().splitlines()}
    expected = {f"p{k}" for k in range(12) if k % 3 and k != 1 and split_of(f"p{k}") == "held"}
    assert drawn == expected and expected  # English, held, never read before; coded from their HTML


def test_gold_matching_pairs_each_event_with_the_gold_event_of_its_own_participants():
    """One sentence, two gold events of one type (Chile and Peru each recognised Palau): the system's events match
    them by who did it, whatever order either comes in, and both are fully correct."""
    def gold_event(actor):
        return {"type": "SUPPORT", "mode": None, "factuality": "asserted", "location": None, "date": None,
                "actors": [{"text": actor, "country": None, "sector": "GOV"}], "recipients": [{"text": "Palau", "country": "PLW", "sector": None}],
                "evidence": [{"start": 0, "end": 40, "text": "x"}]}

    def event(actor, confidence):
        return Event(type="SUPPORT", factuality="asserted", confidence=confidence, actors=[EventActor(text=actor, start=0, end=5)],
                     recipients=[EventActor(text="Palau", country="PLW")], evidence=Evidence(sentence="x", start=0, end=40))

    record = {"events": [gold_event("Chile"), gold_event("Peru")]}
    m = gold.score([record], [_doc(event("Peru", 0.9), event("Chile", 0.8))])
    assert (m["fully_correct"], m["recall_type_actor"], m["actor_accuracy"]) == (1.0, 1.0, 1.0)


def test_a_commitment_told_as_a_planned_act_is_its_schemes_own_category():
    """One event, the planned act; PLOVER's text label reads the commitment as AGREE and CAMEO's as intent to cooperate."""
    promised = _ev("MOBILIZE", factuality="planned", confidence=0.9)
    promised.contexts.append("commitment")
    assert classify.labels_for(_doc(promised), "plover") == ["AGREE"]
    assert classify.labels_for(_doc(promised), "cameo-quad") == ["verbal_cooperation"]
    assert classify.labels_for(_doc(_ev("MOBILIZE", factuality="planned", confidence=0.9)), "plover") == ["MOBILIZE"]
