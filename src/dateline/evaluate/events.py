"""`dateline eval events`: coded events (type, actors, recipients, place, date, factuality) against gold.

A system event matches a gold event of the same type whose actor and recipient countries agree (each
gold country is among the system's countries of that role; a category code IGO, NGO or IMG matches any
system actor of that kind). Over matched pairs: accuracy of mode, sector, location (within 50 km, or
the same name and country when gold has no coordinates), date and factuality.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import ontology
from ..errors import EvalError
from ..gazetteer import haversine
from ..models import Article, Document, Published
from ..settings import Settings, with_stage_option
from . import gold, pipeline_for, prf, tally

TARGET = "events"
CATEGORIES = {"IGO", "NGO", "IMG", "ISM"}


def all_candidates(settings: Settings) -> Settings:
    """The settings with the events stage's confidence threshold off, unless the user set one: sentence-level files
    (classify, and events files in FORMATS.md's shape) score how events are typed and argued, every record being
    an event, not which ones a precision-first default would emit."""
    if "min_confidence" in settings.stage_options.get("events", {}):
        return settings
    return with_stage_option(settings, "events", "min_confidence", 0.0)


def is_article_gold(records: list[dict]) -> bool:
    """Whether the records are article-level gold (eval/gold: events with evidence), scored by `gold.score`."""
    return any("evidence" in e for r in records for e in r.get("events") or [])


def task_settings(settings: Settings, records: list[dict]) -> Settings:
    """Article-level gold scores the output as emitted, threshold included; sentence-level files every candidate."""
    return settings if is_article_gold(records) else all_candidates(settings)


def code_texts(items: list[tuple[str, str | None]], settings: Settings, stages: list | None = None, batch: int = 64) -> list[Document]:
    """Run the pipeline from annotate to events over (text, publication date) pairs; returns the documents in order."""
    stages = stages if stages is not None else pipeline_for(settings, TARGET)
    out: list[Document] = []
    for i in range(0, len(items), batch):
        docs = [
            Document(article=Article(id=f"eval-{i + k}", text=text, published=Published(value=dct, precision="day", source="caller") if dct else Published()))
            for k, (text, dct) in enumerate(items[i:i + batch])
        ]
        for stage in stages:
            docs = stage.pipe(docs)
        out.extend(docs)
    return out


@lru_cache(maxsize=1)
def _iso3() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def _kind_of(actor) -> set[str]:
    """Category codes an actor belongs to (IGO for an organisation of states, NGO, IMG)."""
    kinds = set()
    for code in (actor.get("country"), actor.get("sector")):
        if code:
            code = code.upper()
            if code in CATEGORIES:
                kinds.add(code)
    country = (actor.get("country") or "").upper()
    if country and country not in _iso3() and country not in CATEGORIES:
        kinds.add("IGO")
    return kinds


def _country_match(gold: str, system: list[dict]) -> bool:
    gold = gold.upper()
    if gold in CATEGORIES:
        return any(gold in _kind_of(a) for a in system)
    return any((a.get("country") or "").upper() == gold for a in system)


def _agree(gold_role: list[dict], sys_role: list[dict]) -> bool:
    return all(_country_match(g["country"], sys_role) for g in gold_role if g.get("country"))


def _location_ok(gold: dict, system: dict | None, text: str = "") -> bool:
    """Within 50 km; without gold coordinates, the same name, as the gazetteer gives it or as the text wrote the
    mention the system chose (gold "Basra" is the system's "Basrah" mentioned as "Basra"; gold "town of Rafah" its "Rafah")."""
    if system is None:
        return False
    if gold.get("lat") is not None and system.get("lat") is not None:
        return haversine(gold["lat"], gold["lon"], system["lat"], system["lon"]) <= 50.0
    name = (gold.get("name") or "").lower()
    surface = text[system["start"]:system["end"]].lower() if system.get("start") is not None and system.get("end") else ""
    same_name = name == (system.get("name") or "").lower() or bool(surface) and (
        name == surface or re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", name) is not None)
    same_country = not gold.get("country") or (gold["country"] or "").upper() == (system.get("country") or "").upper()
    return same_name and same_country


def _mode_ok(gold: str, system: str | None) -> bool:
    return ontology.canonical_mode(gold) == ontology.canonical_mode(system)


def _sector(code: str | None) -> str | None:
    return code[:3].upper() if code else None


def score(records: list[dict], docs: list[Document]) -> dict:
    """The events metrics of FORMATS.md for gold records and the documents the system made of their texts."""
    tp = fp = fn = 0
    counts = {k: [0, 0] for k in ("mode", "sector", "location", "date", "factuality")}
    actor_hits = actor_total = 0
    for record, doc in zip(records, docs):
        system = [e.model_dump(mode="json") for e in sorted(doc.events, key=lambda e: -e.confidence)]
        gold = list(record.get("events") or [])
        found = {(a.get("country") or "").upper() for e in system for a in e["actors"] + e["recipients"]}
        all_sys = [a for e in system for a in e["actors"] + e["recipients"]]
        for g in gold:
            for a in g.get("actors", []) + g.get("recipients", []):
                if a.get("country"):
                    actor_total += 1
                    actor_hits += _country_match(a["country"], all_sys) if a["country"].upper() in CATEGORIES else a["country"].upper() in found
        unmatched = list(range(len(gold)))
        for s in system:
            match = next((i for i in unmatched if gold[i]["type"] == s["type"]
                          and _agree(gold[i].get("actors", []), s["actors"]) and _agree(gold[i].get("recipients", []), s["recipients"])), None)
            if match is None:
                fp += 1
                continue
            unmatched.remove(match)
            tp += 1
            g = gold[match]
            if g.get("mode"):
                tally(counts["mode"], _mode_ok(g["mode"], s["mode"]))
            for role in ("actors", "recipients"):
                sys_sectors = {_sector(a.get("sector")) for a in s[role]}
                for a in g.get(role, []):
                    if a.get("sector"):
                        tally(counts["sector"], _sector(a["sector"]) in sys_sectors)
            if g.get("location"):
                tally(counts["location"], _location_ok(g["location"], s["location"], doc.article.text))
            if g.get("date"):
                tally(counts["date"], bool(s["date"]) and s["date"]["value"] == g["date"])
            if g.get("factuality"):
                tally(counts["factuality"], s["factuality"] == g["factuality"])
        fn += len(unmatched)
    p, r, f = prf(tp, fp, fn)
    metrics = {"precision": p, "recall": r, "f1": f,
               "actor_country_accuracy": actor_hits / actor_total if actor_total else None}
    for key, (hit, total) in counts.items():
        metrics[f"{key}_accuracy"] = hit / total if total else None
    return metrics


def evaluate(records: list[dict], settings: Settings, scheme: str | None = None, stages: list | None = None) -> dict:
    """Code each record's text with the pipeline and score its events against the gold events."""
    for number, record in enumerate(records, 1):
        if "text" not in record or not isinstance(record.get("events"), list):
            raise EvalError(f"record {number} ({record.get('id')}) lacks 'text' or an 'events' list; this is not an events file (see eval/FORMATS.md)")
    scorer = gold.score if is_article_gold(records) else score
    settings = task_settings(settings, records) if stages is None else settings
    return scorer(records, code_texts([(r["text"], r.get("dct")) for r in records], settings, stages))
