"""Acceptance: the canonical sample article, through the whole pipeline, as a user first tries it."""
import math

import pytest

from dateline.sources import RawInput

from .conftest import SAMPLE

KOMSOMOLSK = (50.55, 137.01)


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def coded(pipeline_all):
    """The sample with every event the rules code (no confidence threshold)."""
    return pipeline_all(RawInput(data=SAMPLE.read_bytes(), origin=str(SAMPLE)).document())


def test_title_and_body(coded):
    assert coded.article.title.startswith("North Korea’s Kim Jong Un Tours Russian Fighter Jet Plant")
    assert "Tours Russian Fighter Jet Plant" not in coded.article.text
    assert "Leave a Reply" not in coded.article.text and "Also read" not in coded.article.text


def test_kim_visits_the_plant_in_komsomolsk(coded):
    visits = [
        e for e in coded.events
        if e.type == "CONSULT" and any(a.country == "PRK" for a in e.actors)
        and e.location and e.location.lat is not None and km(e.location.lat, e.location.lon, *KOMSOMOLSK) <= 50
    ]
    assert visits, [(e.type, [a.country for a in e.actors], e.location) for e in coded.events]
    assert any(e.mode == "visit" and e.factuality in ("asserted", "reported") for e in visits)


def test_arms_deal_speculation_is_not_coded_as_fact(coded):
    deals = [e for e in coded.events if e.type in ("AGREE", "COOPERATE", "AID") and "arms" in e.evidence.sentence.lower()]
    assert deals and all(e.factuality != "asserted" for e in deals)


def test_every_span_indexes_the_text(coded):
    text = coded.article.text
    for group in (coded.actors, coded.places):
        for item in group:
            assert all(text[m.start:m.end] == m.text for m in item.mentions)
    for t in coded.timexes:
        assert text[t.start:t.end] == t.text
    for e in coded.events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.sentence
        assert e.evidence.trigger is None or text[e.evidence.trigger.start:e.evidence.trigger.end] == e.evidence.trigger.text


def test_kims_visit_is_one_event_with_its_mentions(coded):
    told = [e for e in coded.events if e.type == "CONSULT" and e.mode == "visit" and e.factuality in ("asserted", "reported")
            and any("Kim" in a.text for a in e.actors)]
    assert len(told) == 1, [(e.evidence.sentence[:60], e.factuality) for e in told]
    sentences = [told[0].evidence.sentence] + [m.sentence for m in told[0].mentions]
    assert any("arrived in the Russian industrial city of Komsomolsk-on-Amur" in s for s in sentences)
    assert any(s.startswith("Kim Jong Un’s visit to Russia") for s in sentences)


def test_background_and_plans_keep_their_factuality(coded):
    by_sentence = {e.evidence.sentence: e for e in coded.events if e.type == "CONSULT"}
    putin_2000 = next(e for s, e in by_sentence.items() if "July 2000" in s)
    lavrov = next(e for s, e in by_sentence.items() if "Lavrov" in s)
    assert putin_2000.factuality == "historical" and putin_2000.date.value == "2000-07"
    assert lavrov.factuality == "planned"


def test_no_event_lacks_an_actor(coded, pipeline):
    assert all(e.actors for e in coded.events)
    default = pipeline(RawInput(data=SAMPLE.read_bytes(), origin=str(SAMPLE)).document())
    assert all(e.actors for e in default.events) and len(default.events) < len(coded.events)
