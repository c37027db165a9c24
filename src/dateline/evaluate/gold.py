"""Scoring against article-level gold (`eval/gold/events.jsonl`): every codable event of whole articles, with evidence.

The matching rule: a system event matches a gold event of the **same PLOVER type** whose evidence (its
sentence or any sentence that mentions the same happening) **overlaps the system event's sentence**; pairs
are taken one to one, the system's most confident events first, each taking, of the unmatched gold events it may
match, the one it is fully correct on, else the one whose actor it has right, else the one with the most fields
right, else the first (one sentence may hold several gold events of one type: "Bahrain and Kosovo recognized
Israel"). A second system event on a happening
already matched is a false positive: one happening is one event. Precision counts a matched event as
right only when every actor and recipient it names is a gold participant of that role: an extra one costs
(`extra_participants` counts them); recall is the share of gold events matched.

Over matched pairs, each field is right when:
- actor / recipient: every gold participant is matched by a system one and every system one matches a gold
  one (a duplicate of the same participant is no extra). Two participants match when their spans in the
  text overlap, when one's words contain the other's ("Kim" in "Kim Jong Un"), when the system actor's name
  is the name gold gives a pronoun, or when both give the same country and the same sector;
- factuality: the same value;
- location: both empty, or the same place by `location_right`: the same GeoNames id, or the same country and
  the system's point within 161 km of the gold point, or of a prominent gazetteer reading of the gold name,
  looked up on its own (never the system's choice), or that reading itself (a country or a state named outright:
  "California" is the state); a gold name the gazetteer cannot read is never right
  (the mention's text proves nothing: gold "Europe Bridge" is not the system's "Europe");
- date (scored only where gold has one): the same ISO value;
- sector (scored only where gold gives one): the system participant matched to each gold one has its sector.

An emitted event is **fully correct** when it matches and its actor, recipient, factuality and location
are right (the audit's definition). Type precision is taken over the system events whose sentence holds
some gold event (a wrong type there), leaving out events on sentences with no gold event at all.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import haversine
from . import tally

UNREAL = ("speculated", "planned", "hypothetical")
CATEGORIES = {"IGO", "NGO", "IMG"}
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall((text or "").lower()) if w not in ("the", "a", "an", "s")]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _kind(country: str | None) -> str | None:
    """IGO/NGO/IMG for a category code or an organisation code that is no ISO country ('UNO', 'EU')."""
    if not country:
        return None
    country = country.upper()
    if country in CATEGORIES:
        return country
    return None if re.fullmatch(r"[A-Z]{3}", country) and country not in ("UNO",) else "IGO"


def _same_country(g: str | None, s: str | None) -> bool:
    if not g or not s:
        return False
    g, s = g.upper(), s.upper()
    if g in CATEGORIES:
        return _kind(s) == g or (g == "IGO" and s == "UNO")
    return g == s


def participant_match(g: dict, s: dict) -> bool:
    """Whether a system participant is the gold one (see the module docstring)."""
    if g.get("start") is not None and s.get("start") is not None and g["start"] < s["end"] and s["start"] < g["end"]:
        return True
    gw, sw = _words(g.get("text")), _words(s.get("text"))
    names = [_words(s.get("name"))] if s.get("name") else []
    if gw and sw and (_contains(gw, sw) or _contains(sw, gw)) and not _pronoun(sw):
        return True
    if g.get("name") and any(n and (_contains(n, _words(g["name"])) or _contains(_words(g["name"]), n)) for n in names + [sw]):
        return True
    for n in names:
        if gw and n and (_contains(n, gw) or _contains(gw, n)) and not _pronoun(gw):
            return True
    return (_same_country(g.get("country"), s.get("country")) and bool(g.get("sector")) and bool(s.get("sector"))
            and g["sector"][:3].upper() == s["sector"][:3].upper())


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their", "our"}


def _pronoun(words: list[str]) -> bool:
    return len(words) == 1 and words[0] in _PRONOUNS


def extra_participants(gold_event: dict, system_event: dict) -> int:
    """How many of the system event's actors and recipients match no gold participant of their role."""
    return sum(not any(participant_match(g, s) for g in gold_event.get(role) or []) for role in ("actors", "recipients")
               for s in system_event.get(role) or [])


def sector_verdicts(gold_event: dict, system_event: dict) -> list[bool]:
    """For each gold participant with a sector: whether the system participant matched to it has that sector
    (False when none is matched); never another participant's sector."""
    out = []
    for role in ("actors", "recipients"):
        for g in gold_event.get(role) or []:
            if g.get("sector"):
                s = next((s for s in system_event.get(role) or [] if participant_match(g, s)), None)
                out.append(s is not None and (s.get("sector") or "")[:3].upper() == g["sector"][:3].upper())
    return out


def role_right(gold: list[dict], system: list[dict]) -> bool:
    """Every gold participant found and every system participant a gold one."""
    return all(any(participant_match(g, s) for s in system) for g in gold) and \
        all(any(participant_match(g, s) for g in gold) for s in system)


# A reading of a gold name is prominent when its population is at least this share of the largest reading's.
PROMINENT = 0.1
BIG_CITY = 100_000  # a town that shares a country's or a state's name counts as a reading of it only from this size
PLACE_KM = 161.0


@lru_cache(maxsize=4096)
def gold_readings(name: str, country: str | None) -> tuple[tuple[float, float], ...]:
    """Points of the gazetteer's prominent readings of a gold place name (in the gold country, when given), looked
    up on their own, whatever the system chose: "Basra" is Basrah in Iraq, never a Pakistani village of 1,000 people."""
    return tuple((e.lat, e.lon) for e in _prominent_readings(name, country))


@lru_cache(maxsize=4096)
def _prominent_readings(name: str, country: str | None) -> tuple:
    """The gazetteer entries a gold name prominently reads as: the most populous places of that name and those
    within a tenth of its population, and any country or first-level region of that name ("California" is the
    state, whose gazetteer entry carries no population, before the towns). "Tulsa, Oklahoma" reads as Tulsa
    in Oklahoma when the whole name reads as nothing."""
    from ..gazetteer import open_gazetteer

    gazetteer = open_gazetteer()
    readings = [e for e in gazetteer.candidates(name) if not country or (e.country or "").upper() == country.upper()]
    if not readings and "," in name:
        place, _, region = (part.strip() for part in name.partition(","))
        regions = {e.admin1 for e in gazetteer.candidates(region) if e.level == "admin1" and e.admin1}
        readings = [e for e in gazetteer.candidates(place) if (not country or (e.country or "").upper() == country.upper())
                    and (not regions or e.admin1 in regions)]
    regions = [e for e in readings if e.level in ("country", "admin1")]
    if regions:
        # A country or a state named outright is that; a town of the name counts only as a city in its own right
        # ("Washington" is the state or the capital, never Washington, Pennsylvania).
        readings = regions + [e for e in readings if e not in regions and e.population >= BIG_CITY]
    largest = max((e.population for e in readings), default=0)
    if largest:
        readings = regions + [e for e in readings if e not in regions and e.population >= PROMINENT * largest]
    return tuple(readings[:3])


@lru_cache(maxsize=4096)
def _geonames_point(geonameid: int) -> tuple[float, float] | None:
    from ..gazetteer import open_gazetteer

    entry = open_gazetteer().get(int(geonameid))
    return (entry.lat, entry.lon) if entry else None


def location_right(gold: dict | None, system: dict | None) -> bool:
    """Both empty, or the system's place is the gold one: the same GeoNames id, or (in the gold country, when given)
    within 161 km of the gold point, of the gold id's point, or else of a prominent gazetteer reading of the gold name.
    A gold name the gazetteer cannot read is never right: the mention's text alone proves nothing."""
    if not gold or not (gold.get("name") or gold.get("lat") is not None or gold.get("geonameid")):
        return system is None
    if system is None:
        return False
    if gold.get("geonameid") and system.get("geonameid") == gold["geonameid"]:
        return True
    if gold.get("country") and (system.get("country") or "").upper() != gold["country"].upper():
        return False
    if system.get("lat") is None:
        return False
    if gold.get("lat") is not None:
        points = ((gold["lat"], gold["lon"]),)
    elif gold.get("geonameid") and _geonames_point(gold["geonameid"]):
        points = (_geonames_point(gold["geonameid"]),)
    else:
        readings = _prominent_readings(gold.get("name") or "", gold.get("country"))
        if system.get("geonameid") and any(e.id == system["geonameid"] for e in readings):
            return True  # the region itself, whose centre may lie far from any of its towns
        points = tuple((e.lat, e.lon) for e in readings)
    return any(haversine(lat, lon, system["lat"], system["lon"]) <= PLACE_KM for lat, lon in points)


def _overlaps(spans: list[dict], start: int, end: int) -> bool:
    return any(sp["start"] < end and start < sp["end"] for sp in spans)


def _fields(g: dict, s: dict) -> dict[str, bool]:
    """Per-field verdicts of system event `s` (as JSON) against gold event `g` of the same type."""
    f = {
        "actor": role_right(g.get("actors") or [], s["actors"]),
        "recipient": role_right(g.get("recipients") or [], s["recipients"]),
        "factuality": s["factuality"] == g.get("factuality"),
        "location": location_right(g.get("location"), s["location"]),
    }
    if g.get("date"):
        f["date"] = bool(s.get("date")) and (s["date"] or {}).get("value") == g["date"]
    if g.get("mode"):
        f["mode"] = s.get("mode") == g["mode"]
    sectors = sector_verdicts(g, s)
    if sectors:
        f["sector"] = all(sectors)
    return f


def _correct(f: dict[str, bool]) -> bool:
    """Fully correct: actor, recipient, factuality and place right (the type is right by the match)."""
    return f["actor"] and f["recipient"] and f["factuality"] and f["location"]


def judge(record: dict, doc) -> list[dict]:
    """Each system event of one article judged against its gold: {event, gold (the matched gold event or None),
    typed (its sentence holds a gold event), type_ok, and the per-field verdicts}; most confident first."""
    gold = list(record.get("events") or [])
    free = list(range(len(gold)))
    out = []
    for event in sorted(doc.events, key=lambda e: -e.confidence):
        s = event.model_dump(mode="json")
        spans = _system_spans(s)
        row = {"event": event, "gold": None, "typed": False, "type_ok": False, "correct": False, "extra": 0, "fields": {}}
        if any(_overlaps(g["evidence"], a, b) for g in gold for a, b in spans):
            row["typed"] = True
            row["type_ok"] = any(g["type"] == s["type"] and _overlaps(g["evidence"], a, b) for g in gold for a, b in spans)
        fitting = [i for i in free if gold[i]["type"] == s["type"] and any(_overlaps(gold[i]["evidence"], a, b) for a, b in spans)]
        if fitting:
            # Of the gold events it may match, the one its participants and place agree with: "Bahrain and Kosovo
            # recognized Israel" holds two gold events, and the system's Kosovo event is Kosovo's, not the first.
            verdicts = {i: _fields(gold[i], s) for i in fitting}
            k = max(fitting, key=lambda i: (_correct(verdicts[i]), verdicts[i]["actor"], sum(verdicts[i].values()), -fitting.index(i)))
            free.remove(k)
            g = row["gold"] = gold[k]
            f = row["fields"] = verdicts[k]
            row["extra"] = extra_participants(g, s)
            row["correct"] = _correct(f)
        out.append(row)
    return out


def score(records: list[dict], docs: list) -> dict:
    """The gold metrics for records of eval/gold and the documents the system made of their texts."""
    emitted = matched = clean = gold_total = found = extra = 0
    typed = typed_right = fully = 0
    fields = {k: [0, 0] for k in ("actor", "recipient", "factuality", "location", "date", "mode", "sector")}
    confident = [0, 0]
    unreal_as_asserted = empty_articles = empty_events = 0
    for record, doc in zip(records, docs):
        gold = list(record.get("events") or [])
        gold_total += len(gold)
        rows = judge(record, doc)
        emitted += len(rows)
        if not gold:
            empty_articles += 1
            empty_events += len(rows)
        for row in rows:
            typed += row["typed"]
            typed_right += row["type_ok"]
            fully += row["correct"]
            if row["gold"] is not None:
                matched += 1
                clean += not row["extra"]
                extra += row["extra"]
                found += row["fields"]["actor"]
                for key, ok in row["fields"].items():
                    tally(fields[key], ok)
                if row["gold"].get("factuality") in UNREAL and row["event"].factuality in ("asserted", "reported"):
                    unreal_as_asserted += 1
            if row["event"].confidence >= 0.8:
                tally(confident, row["correct"])
    precision = clean / emitted if emitted else 0.0
    recall = matched / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics = {
        "precision": precision, "recall": recall, "f1": f1, "extra_participants": extra,
        "recall_type_actor": found / gold_total if gold_total else None,
        "type_precision": typed_right / typed if typed else None,
        "fully_correct": fully / emitted if emitted else None,
        "events": emitted, "gold_events": gold_total,
        "events_per_empty_article": empty_events / empty_articles if empty_articles else None,
        "empty_articles": empty_articles,
        "unreal_emitted_as_asserted": unreal_as_asserted,
        "fully_correct_at_0_8": confident[0] / confident[1] if confident[1] else None,
        "events_at_0_8": confident[1],
    }
    for key, (hit, total) in fields.items():
        metrics[f"{key}_accuracy"] = hit / total if total else None
    return metrics


def _system_spans(s: dict) -> list[tuple[int, int]]:
    """The sentence spans of a system event: its evidence and any merged mentions."""
    ev = s["evidence"]
    return [(ev["start"], ev["end"])] + [(m["start"], m["end"]) for m in s.get("mentions") or []]
