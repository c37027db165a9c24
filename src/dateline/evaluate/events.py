"""`dateline eval events`: coded events (type, actors, recipients, place, date, factuality) against gold.

A system event matches a gold event of the same type whose actor and recipient countries agree (each
gold country is among the system's countries of that role; a category code IGO, NGO or IMG matches any
system actor of that kind); recall is the share of gold events matched. Precision counts a matched event
as right only when each of its actors and recipients is a gold participant of that role (same country or
category, or the same words): an extra one costs. Over matched pairs: accuracy of mode, sector (of the
system participant matched to each gold one), location (`gold.location_right`: the same GeoNames id, within
161 km of the gold point, or of the gazetteer's own reading of the gold name; never by mention text) and
factuality.

Symmetric acts (AGREE, CONSULT, COOPERATE) are scored by their parties, whichever role each is in: PLOVER's
GSR lists both sides of "The United States and Jordan have agreed ..." as sources, where Dateline, as its
annotation guide says, makes the first-named side the source and the other the target. Who "acts" in a
mutual act is a coding convention, like DEMAND for REQUEST, not a fact of the text. (The article-level gold,
written by that guide, is scored by `gold.score`, roles as written.)
"""
from __future__ import annotations

from functools import lru_cache

from .. import ontology
from ..errors import EvalError
from ..models import Article, Document, Published
from ..settings import Settings, with_stage_option
from . import gold, pipeline_for, tally

TARGET = "events"
CATEGORIES = {"IGO", "NGO", "IMG", "ISM"}
SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}  # mutual acts: scored by their parties, in either role


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


def _same_participant(g: dict, s: dict) -> bool:
    """Whether a system participant is this gold one: the gold country (or category) is its country, or their words match."""
    return bool(g.get("country")) and _country_match(g["country"], [s]) or gold.participant_match({"text": g.get("text")}, s)


def _extras(g: dict, s: dict) -> int:
    """The system event's actors and recipients that are no gold participant of their role (of either role, for a
    symmetric act)."""
    if s["type"] in SYMMETRIC:
        parties = (g.get("actors") or []) + (g.get("recipients") or [])
        return sum(not any(_same_participant(x, y) for x in parties) for y in s["actors"] + s["recipients"])
    return sum(not any(_same_participant(x, y) for x in g.get(role) or []) for role in ("actors", "recipients") for y in s[role])


def _roles_agree(g: dict, s: dict) -> bool:
    """Every gold actor's and recipient's country is found in the system event's role; for a symmetric act, among
    all its parties, whichever role each is in."""
    if s["type"] in SYMMETRIC:
        parties = s["actors"] + s["recipients"]
        return _agree((g.get("actors") or []) + (g.get("recipients") or []), parties)
    return _agree(g.get("actors", []), s["actors"]) and _agree(g.get("recipients", []), s["recipients"])


def _sectors(g: dict, s: dict) -> list[bool]:
    """For each gold participant with a sector, whether the system participant matched to it has that sector."""
    out = []
    for role in ("actors", "recipients"):
        for x in g.get(role) or []:
            if x.get("sector"):
                y = next((y for y in s[role] if _same_participant(x, y)), None)
                out.append(y is not None and _sector(y.get("sector")) == _sector(x["sector"]))
    return out


def _mode_ok(gold: str, system: str | None) -> bool:
    return ontology.canonical_mode(gold) == ontology.canonical_mode(system)


def _sector(code: str | None) -> str | None:
    return code[:3].upper() if code else None


def score(records: list[dict], docs: list[Document]) -> dict:
    """The events metrics of FORMATS.md for gold records and the documents the system made of their texts."""
    tp = fp = fn = clean = 0
    counts = {k: [0, 0] for k in ("mode", "sector", "location", "date", "factuality")}
    actor_hits = actor_total = 0
    for record, doc in zip(records, docs):
        system = [e.model_dump(mode="json") for e in sorted(doc.events, key=lambda e: -e.confidence)]
        golds = list(record.get("events") or [])
        found = {(a.get("country") or "").upper() for e in system for a in e["actors"] + e["recipients"]}
        all_sys = [a for e in system for a in e["actors"] + e["recipients"]]
        for g in golds:
            for a in g.get("actors", []) + g.get("recipients", []):
                if a.get("country"):
                    actor_total += 1
                    actor_hits += _country_match(a["country"], all_sys) if a["country"].upper() in CATEGORIES else a["country"].upper() in found
        unmatched = list(range(len(golds)))
        for s in system:
            match = next((i for i in unmatched if golds[i]["type"] == s["type"] and _roles_agree(golds[i], s)), None)
            if match is None:
                fp += 1
                continue
            unmatched.remove(match)
            tp += 1
            g = golds[match]
            clean += not _extras(g, s)
            if g.get("mode"):
                tally(counts["mode"], _mode_ok(g["mode"], s["mode"]))
            for ok in _sectors(g, s):
                tally(counts["sector"], ok)
            if g.get("location"):
                tally(counts["location"], gold.location_right(g["location"], s["location"]))
            if g.get("date"):
                tally(counts["date"], bool(s["date"]) and s["date"]["value"] == g["date"])
            if g.get("factuality"):
                tally(counts["factuality"], s["factuality"] == g["factuality"])
        fn += len(unmatched)
    p = clean / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
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
