"""The geo scorer: gold countries from the packaged GeoNames data, country-less gold points never dropped."""
from __future__ import annotations

import pytest

from dateline.evaluate.geo import GoldCountries, score
from dateline.gazetteer import Entry
from dateline.models import Article, Document


@pytest.mark.parametrize("top, country", [
    ({"name": "Basra", "geonameid": 99532, "lat": None, "lon": None, "country": None}, "IQ"),  # a town's id
    ({"name": "Basra", "geonameid": 1183212, "lat": None, "lon": None, "country": None}, "PK"),  # the Pakistani village's id
    ({"name": "Georgia", "geonameid": 614540, "lat": None, "lon": None, "country": None}, "GE"),  # a country's id
    ({"name": "Europe", "geonameid": 6255148, "lat": None, "lon": None, "country": None}, None),  # a continent's id: no country
    ({"name": "Asia", "geonameid": None, "lat": 29.8, "lon": 89.3, "country": None}, None),  # a continent's name, its point in China
    ({"name": "Pyongyang", "geonameid": None, "lat": 39.03, "lon": 125.75, "country": None}, "KP"),  # a point: the nearest town
    ({"name": "mid-Atlantic", "geonameid": None, "lat": 30.0, "lon": -40.0, "country": None}, None),  # no town within 100 km
    ({"name": "Somewhere", "geonameid": None, "lat": None, "lon": None, "country": None}, GoldCountries.UNKNOWN),
    ({"name": "Gaza", "geonameid": None, "lat": None, "lon": None, "country": "ps"}, "PS"),  # the record's own country
])
def test_gold_country_comes_from_the_record_or_packaged_geonames(top, country):
    assert GoldCountries().of(top) == country


class FixedStage:
    """A places stage that resolves every span to one given entry and recognises nothing."""

    def __init__(self, entry):
        self.entry = entry

    def resolve_spans(self, doc, spans):
        return [self.entry for _ in spans]

    def recognize(self, doc):
        return []


def _entry(country, lat=48.69, lon=9.14):
    return Entry(id=1, name="x", lat=lat, lon=lon, country=country, country3=None, admin1=None, feature_class="L",
                 feature_code="CONT", population=0, level="continent")


@pytest.mark.parametrize("system_country, right", [(None, 1.0), ("DE", 0.0)])
def test_a_country_less_gold_toponym_is_right_only_when_the_system_gives_no_country(system_country, right):
    record = {"id": "1", "text": "Europe", "toponyms": [{"start": 0, "end": 6, "name": "Europe", "geonameid": 6255148,
                                                          "lat": 48.69, "lon": 9.14, "country": None}]}
    metrics = score([record], [Document(article=Article(text="Europe"))], FixedStage(_entry(system_country)))
    assert metrics["resolution"]["country"] == right  # counted either way, never dropped
    assert metrics["resolution"]["country_unknown"] == 0


def test_an_unresolved_gold_toponym_counts_wrong():
    record = {"id": "1", "text": "Basra", "toponyms": [{"start": 0, "end": 5, "name": "Basra", "geonameid": 99532,
                                                         "lat": 30.51, "lon": 47.78, "country": None}]}
    metrics = score([record], [Document(article=Article(text="Basra"))], FixedStage(None))
    assert metrics["resolution"]["country"] == 0.0 and metrics["resolution"]["acc161"] == 0.0


def test_eval_harnesses_build_the_configured_pipeline_through_the_registry():
    from dateline import registry
    from dateline.errors import EvalError
    from dateline.evaluate import pipeline_for, stage_for
    from dateline.places import Places
    from dateline.settings import load_settings

    class SwappedPlaces(Places):
        name = "swapped-places"

    registry.register("swapped-places", SwappedPlaces)
    settings = load_settings(env={}, pipeline=["extract", "annotate", "times", "actors", "swapped-places", "events"])
    stages = pipeline_for(settings, "places")
    assert [s.name for s in stages] == ["annotate", "times", "actors", "swapped-places"]
    assert isinstance(stage_for(stages, "places"), SwappedPlaces)
    assert [s.name for s in pipeline_for(settings, "article", raw=True)] == ["extract"]
    with pytest.raises(EvalError, match="no stage that assigns places"):
        pipeline_for(load_settings(env={}, pipeline=["extract", "annotate"]), "places")
