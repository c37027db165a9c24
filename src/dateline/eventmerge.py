"""One event per happening in an article: mentions of the same happening merge into one event.

Not a stage: the events stage calls `merge` on the events of a whole document. Two events tell the
same happening when they have the same type, compatible actors (a shared actor, or the words of one
inside the other's: "Kim" and "Kim Jong Un"; or a state and a government actor of it, when their targets are
shared too: "Britain blames Russia" and "Theresa May has blamed the Russian government"), compatible recipients, places and dates (no two
different modes, no places in two countries or over 100 km apart, no explicit dates over a week apart), and the same kind of factuality: what
happened (asserted or reported), what happened long ago (historical), and each kind of what did not
(yet) happen (planned, speculated, hypothetical, negated) stay apart, so a planned visit never merges
with the visit that happened. The merged event keeps the first sentence that tells the happening as
its evidence, the others as `mentions`, the union of the actors, the first telling's recipients (a
later one's when it has none), the first place and the most precise date; asserted wins over reported.

An actor-less noun that points back at a happening ("the visit", "his visit", "this summit") is no
event of its own, but is a mention of the last event of its type and kind before it whose target, place,
date and mode agree with what the noun itself says (one of them in the noun's place first); when its own
sentence tells such an event, it is already told there.
"""
from __future__ import annotations

import re
from datetime import date

from .gazetteer import haversine
from .models import Event, EventActor
from .quotes import quotations

_POINTS = {"city", "site", "admin2", "inferred"}  # places precise enough to tell two happenings apart by distance
_NEAR_KM = 100.0  # two places further apart than this are two happenings
_SPAN_DAYS = 7  # mentions of one happening dated further apart than this are two happenings
_KIND = {"asserted": "real", "reported": "real"}
_ANAPHORIC = {"the", "this", "that", "these", "those", "his", "her", "its", "their", "our"}
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "we", "us", "i", "me", "you", "his", "its", "their"}


_SAYINGS = {"REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN"}
# Modes that may tell one act: "Britain blames Russia" (disapprove) and "Britain accuses Russia of the poisoning" (allege);
# "the department arrested them" and "they were taken into its custody" (detain).
_SAME_ACT = [{"allege", "disapprove"}, {"arrest", "detain"}]


def _kind(event: Event) -> str:
    return _KIND.get(event.factuality, event.factuality)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", (text or "").lower()) if len(w) > 1}


def _same(a: EventActor, b: EventActor) -> bool:
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    wa, wb = _words(a.name or a.text), _words(b.name or b.text)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _compatible_roles(a: list[EventActor], b: list[EventActor], required: bool) -> bool:
    """Actors must share someone; recipients must not name two different people or organisations, nor two sets of
    countries with nothing in common."""
    if not a or not b:
        return not required
    if any(_same(x, y) for x in a for y in b):
        return True
    if required:
        return False
    if any(map(_named, a)) and any(map(_named, b)):
        return False  # "pardoned Stanton" and "pardoned Kerik" are two pardons
    ca, cb = {x.country for x in a if x.country}, {y.country for y in b if y.country}
    return not (ca and cb) or bool(ca & cb)


def _speaks_for(a: list[EventActor], b: list[EventActor]) -> bool:
    """Whether one side is a state and the other its government acting for it ("Britain blames Russia" and "Theresa
    May has blamed the Russian government"): one happening when they also share its target, or target a state
    and its government."""
    def state(xs):
        return {x.country for x in xs if (x.actor_id or "").startswith("country:")}

    def government(xs):
        return {x.country for x in xs if x.country and x.sector == "GOV"}

    return bool(state(a) & government(b) or state(b) & government(a))


def _named(x: EventActor) -> bool:
    """A participant named by a proper name other than a country's ("Milken", "Angela Stanton")."""
    return x.text[:1].isupper() and not (x.actor_id or "").startswith("country:") and x.text.lower() not in _ANAPHORIC


def _dated(event: Event) -> str | None:
    d = event.date
    return d.value if d is not None and d.derived_from in ("explicit", "relative") and d.value else None


def same_happening(a: Event, b: Event) -> bool:
    """Whether two events of one article tell the same happening (see the module docstring)."""
    if a.type != b.type or _kind(a) != _kind(b):
        return False
    said = a.type in _SAYINGS and bool(a.recipients or b.recipients)
    if not _compatible_roles(a.recipients, b.recipients, required=said) and not (said and _speaks_for(a.recipients, b.recipients)):
        # Two things one side said or asked are one only when said to the same party: "Russia urged travellers to watch
        # their luggage" and "Britain is considering Russia's request for access" are two requests.
        return False
    if not _compatible_roles(a.actors, b.actors, required=True) and not (
            _speaks_for(a.actors, b.actors) and (_compatible_roles(a.recipients, b.recipients, required=True)
                                                 or _speaks_for(a.recipients, b.recipients))):
        return False
    if a.mode != b.mode and {a.mode, b.mode} not in _SAME_ACT and not (
            None in (a.mode, b.mode) and a.evidence.start == b.evidence.start and a.type in ("ASSAULT", "COERCE")):
        return False  # (but "shot him and killed him": one attack, its mode told by one verb of the sentence)
    if a.type in _SAYINGS:
        # "called Trump a 'climate arsonist'" and "called Trump a 'national embarrassment'": two things said are two
        # statements, though the same speaker aimed both at the same man.
        said_a, said_b = _quoted(a.evidence.sentence), _quoted(b.evidence.sentence)
        if said_a and said_b and not said_a & said_b:
            return False
    return _where_and_when_agree(a, b)


def _quoted(sentence: str) -> set[str]:
    """The words a sentence quotes (each closed quotation of 2 to 200 characters, as `quotes.quotations` pairs the
    marks), lower-cased."""
    text = sentence or ""
    return {" ".join(text[opening + 1:closing - 1].lower().split()) for opening, closing, closed in quotations(text, 0, len(text))
            if closed and 2 <= closing - opening - 2 <= 200}


def _where_and_when_agree(a: Event, b: Event) -> bool:
    """No places in two countries or over 100 km apart, and no explicit dates that cannot be one happening."""
    la, lb = a.location, b.location
    if la and lb and la.country and lb.country and la.country != lb.country:
        return False
    if la and lb and la.level in _POINTS and lb.level in _POINTS and None not in (la.lat, lb.lat) and haversine(la.lat, la.lon, lb.lat, lb.lon) > _NEAR_KM:
        return False
    return _dates_agree(_dated(a), _dated(b))


def _dates_agree(da: str | None, db: str | None) -> bool:
    """No two dates that cannot be one happening: days over a week apart, or months or years that differ."""
    if not da or not db:
        return True
    if len(da) == len(db) == 10:
        try:
            return abs((date.fromisoformat(da) - date.fromisoformat(db)).days) <= _SPAN_DAYS
        except ValueError:
            return da == db
    n = min(len(da), len(db))
    return da[:n] == db[:n]


def _union(a: list[EventActor], b: list[EventActor]) -> list[EventActor]:
    """The participants of `a`, then those of `b` that are no one of them (a state is its government: "Britain" adds
    nothing to "Theresa May")."""
    out = list(a)
    for x in b:
        if not any(_same(x, y) for y in out) and not _speaks_for([x], out):
            out.append(x)
    return out


def _combine(first: Event, other: Event) -> Event:
    """`first` (the earlier telling) with `other` folded in as a mention."""
    update: dict = {
        "mentions": sorted(first.mentions + [other.evidence] + other.mentions, key=lambda ev: ev.start),
        "actors": _union(first.actors, other.actors),
        # The first telling's targets stand; a later one only fills them in when it has none.
        "recipients": first.recipients or other.recipients,
        "confidence": max(first.confidence, other.confidence),
    }
    if first.factuality == "reported" and other.factuality == "asserted":
        update["factuality"] = "asserted"
        update["evidence"] = first.evidence.model_copy(update={"cue": None})  # what said it was reported no longer decides
    if first.location is None and other.location is not None:
        update["location"] = other.location
    if other.date is not None and (first.date is None or (_dated(other) and not _dated(first))
                                   or (_dated(other) and _dated(first) and len(other.date.value) > len(first.date.value))):
        update["date"] = other.date
    if first.mode is None and other.mode is not None:
        update["mode"] = other.mode
    return first.model_copy(update=update)


def is_anaphor(head) -> bool:
    """Whether a noun trigger points back at a known happening ("the visit", "his visit", "Kim's visit")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any((c.dep_ == "det" and c.lower_ in _ANAPHORIC) or c.dep_ == "poss" for c in head.children)


def merge(events: list[Event], anaphors: list[Event] = ()) -> list[Event]:
    """The events with each happening told once (in text order), anaphoric mentions attached to their happening."""
    out: list[Event] = []
    for event in sorted(events, key=lambda e: e.evidence.start):
        k = next((i for i, kept in enumerate(out) if same_happening(kept, event)), None)
        if k is None:
            out.append(event)
        else:
            out[k] = _combine(out[k], event)
    for mention in sorted(anaphors, key=lambda e: e.evidence.start):
        before = [i for i, kept in enumerate(out) if kept.type == mention.type and kept.evidence.start <= mention.evidence.start
                  and _kind(kept) == _kind(mention)]
        if not before:
            continue
        nearest = max(before, key=lambda i: out[i].evidence.start)
        if out[nearest].evidence.start == mention.evidence.start:
            continue  # "Saudi Arabia extended curfews ...; previously, the curfew was ...": told in that very sentence
        fitting = [i for i in before if _fits(mention, out[i])]
        if not fitting:
            continue  # "the December 31 attack on the embassy" after "killed Soleimani": another attack, told by its own words
        k = max(fitting, key=lambda i: (_same_place(mention, out[i]), out[i].evidence.start))
        if all(m.start != mention.evidence.start for m in out[k].mentions):
            out[k] = out[k].model_copy(update={"mentions": sorted(out[k].mentions + [mention.evidence], key=lambda ev: ev.start)})
    return out


def _fits(mention: Event, event: Event) -> bool:
    """Whether what an anaphoric noun says of its happening (whom it targets, where, when, how) can be said of `event`:
    "the police killing of Rayshard Brooks in Atlanta" is not the clearing of Lafayette Square before it."""
    told = [x for x in mention.recipients if x.text.lower() not in _PRONOUNS]  # "the crackdown on him": whoever he is
    if told and event.recipients and not any(_same(x, y) for x in told for y in event.recipients):
        return False
    if mention.mode and event.mode and mention.mode != event.mode and {mention.mode, event.mode} not in _SAME_ACT:
        return False
    return _where_and_when_agree(mention, event)


def _same_place(mention: Event, event: Event) -> bool:
    """Whether an anaphoric noun names the very place its candidate happening has ("the attack at the hall")."""
    la, lb = mention.location, event.location
    return bool(la and lb and (la.geonameid and la.geonameid == lb.geonameid or la.name == lb.name))
