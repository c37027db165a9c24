"""`dateline eval geo`: toponym resolution (gold spans given) and end-to-end recognition + resolution.

Resolution runs `Places.resolve_spans` on the gold spans, the same ranking the stage uses. A toponym the
system leaves unresolved counts as wrong, with the largest possible error (20,039 km) in the median and AUC.
Gold `country` is taken from the record, else from the gold geonameid's gazetteer entry, else from the
gazetteer town nearest the gold point (within 100 km); toponyms with none of these (oceans, continents) are not
counted, nor are those the index knows by their name as a place of no country (a continent, sea or region spanning
countries, curated without its GeoNames id) lying near the gold point: the nearest town would give the Korean
Peninsula or North Africa a country that the place itself does not have.
"""
from __future__ import annotations

import math
import statistics

from ..errors import EvalError
from ..gazetteer import haversine
from ..gazetteer import normalize as gz_normalize
from ..models import Article, Document, Span
from ..places import demonyms
from ..settings import Settings
from . import pipeline_for, prf, stage_for

TARGET = "places"

MAX_KM = 20039.0
# How far a gold point may lie from the index's point of a borderless place of the same name (continents are wide).
BORDERLESS_KM = 2500.0
_BORDERLESS = {"continent", "water", "region"}


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


class _Countries:
    """Gold countries for toponyms that give only an id or a point."""

    def __init__(self, gaz):
        self.gaz = gaz
        self._grid: dict[tuple[int, int], list[tuple[float, float, str]]] | None = None

    def of(self, top: dict) -> str | None:
        if top.get("country"):
            return top["country"]
        if top.get("geonameid"):
            entry = self.gaz.get(int(top["geonameid"]))
            if entry is not None:
                return entry.country
        if top.get("lat") is not None:
            if self.borderless(top.get("name") or "", top["lat"], top["lon"]):
                return None
            return self.nearest(top["lat"], top["lon"])
        return None

    def borderless(self, name: str, lat: float, lon: float) -> bool:
        """Whether the index knows `name` as a place of no country (continent, sea, multi-country region) near the point."""
        gid = demonyms().get(gz_normalize(name))  # "North American", "Asian"
        entries = list(self.gaz.candidates(name))
        if gid is not None:
            entry = self.gaz.get(gid)
            entries += [entry] if entry else []
        return any(e.country is None and e.kind <= 1 and e.level in _BORDERLESS and haversine(lat, lon, e.lat, e.lon) <= BORDERLESS_KM
                   for e in entries)

    def nearest(self, lat: float, lon: float) -> str | None:
        if self._grid is None:
            self._grid = {}
            for plat, plon, cc in self.gaz._con().execute("SELECT lat, lon, cc FROM place WHERE level = 'city' AND cc IS NOT NULL"):
                self._grid.setdefault((int(plat // 1), int(plon // 1)), []).append((plat, plon, cc))
        best, best_km = None, 100.0
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for plat, plon, cc in self._grid.get((int(lat // 1) + dy, int(lon // 1) + dx), ()):
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
    countries = _Countries(stage.gaz)
    errors: list[float] = []
    exact = exact_n = country_ok = country_n = 0
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
            if cc:
                country_n += 1
                country_ok += bool(entry and entry.country == cc)
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
            "median_km": round(statistics.median(errors), 1) if errors else None,
            "auc": round(auc(errors), 4) if len(errors) > 1 else None,
        },
        "end_to_end": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "acc161": _ratio(e2e_hits, e2e_n)},
    }


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None
