"""Event location: which place mentions say where an event happened.

Not a stage: a helper the events stage (and `dateline eval eventloc`) calls with what the places stage
produced. A mention counts when it sits in the event's sentence, is not a modifier ("U.S.-led",
"Pakistani authorities"), and is tied to the trigger by a locative preposition ("killed in Homs"), is the
place a capturing or shelling verb acts on ("captured Kabul"), or, failing that, is the place nearest the
trigger in its clause; a place naming the thing where it happened ("in Syria's conflict") is a weaker cue.
Places coordinated with the chosen one ("Palmyra and Quaryatayn") come along.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .models import Place, Span


@lru_cache(maxsize=1)
def _preps() -> tuple[frozenset[str], frozenset[str]]:
    data = _data()
    return frozenset(data["locative"]), frozenset(data["non_locative"])


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("dateline.data").joinpath("places-eventloc.json").read_text(encoding="utf-8"))


def _is_reference(prep) -> bool:
    """A place after "south of", "100 km west of", "capital of" is the reference point of another place, not the location."""
    return prep.lower_ == "of" and prep.head.lower_ in _data()["reference_heads"]


REFERENCE_PENALTY = 2.5
MODIFIER_SCORE = 1.0


def choose_locations(sentence: Span, trigger: Span, places: list[Place], sdoc=None) -> list[tuple[Place, Span]]:
    """(place, mention) pairs in `sentence` that locate the event at `trigger`, best first (empty when none does).

    `sdoc` is the spaCy Doc over the article text; without it only the text is used (nearest mention).
    """
    found = [(place, m) for place in places for m in place.mentions if sentence.start <= m.start and m.end <= sentence.end]
    found = [(p, m) for p, m in found if not (m.start < trigger.end and trigger.start < m.end)]
    if not found:
        return []
    if sdoc is None:
        found.sort(key=lambda pm: abs(pm[1].start - trigger.start))
        return found[:1]
    locative, non_locative = _preps()
    trig = sdoc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    trig_root = trig.root if trig is not None and len(trig) else None
    scored = []
    for place, m in found:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if _inside_organisation(span):
            continue
        score = 0.0
        if _is_modifier(root):
            # A place naming the thing where it happened ("in Syria's conflict", "outside the UN's Baghdad
            # headquarters", "Grozny's streets are patrolled") is the location, a weaker cue than the place itself.
            if MODIFIER_SCORE and root.dep_ in ("poss", "compound") and root.pos_ == "PROPN" and root.head.pos_ == "NOUN" \
                    and root.head.lower_ not in _data()["place_nouns"] and trig_root is not None and _locates(root.head, trig_root, locative):
                scored.append((MODIFIER_SCORE - 0.05 * abs(root.i - trig_root.i), place, m, root))
            continue
        prep = _governing_prep(root)
        if prep is not None:
            if _is_reference(prep):
                score -= REFERENCE_PENALTY
            elif prep.lower_ in locative:
                score += 3.0
            elif prep.lower_ in non_locative:
                score -= 2.0
        elif trig_root is not None and _object_of(root, trig_root):
            score += 3.0  # "captured Kabul", "shelled the settlements of Arbin": the place acted on
        elif root.dep_ in ("nsubj", "nsubjpass") or root.dep_ == "dobj" and place.level in ("country", "continent"):
            score -= 1.0  # an actor or a target named by its place ("Russia said"), not where it happened
        if trig_root is not None:
            if _dominates(trig_root, root):
                score += 1.0
            score -= 0.05 * abs(root.i - trig_root.i)
        scored.append((score, place, m, root))
    if not scored:
        return []
    scored.sort(key=lambda x: -x[0])
    best_score, best_place, best_m, best_root = scored[0]
    if best_score < 0:
        return []
    chosen = [(best_place, best_m)]
    for score, place, m, root in scored[1:]:
        if _coordinated(best_root, root):
            chosen.append((place, m))
    return chosen


def _locates(noun, trig, locative) -> bool:
    """Whether a noun is where the event at the trigger happened: the object of a locative preposition under the
    trigger, or the object of a trigger verb that takes the place acted on."""
    prep = _governing_prep(noun)
    if prep is not None:
        return prep.lower_ in locative and not _is_reference(prep) and _dominates(trig, prep)
    return _object_of(noun, trig)


def _object_of(tok, trig) -> bool:
    """Whether the place is the object of a trigger verb that takes the place acted on ("captured Goma, ... and
    Uvira", "shelled the settlements of Arbin"; the subject of its passive: "Seoul was captured")."""
    if trig.lemma_.lower() not in _data()["object_verbs"]:
        return False
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("dobj", "nsubjpass") and cur.head.i == trig.i:
            return True
        if cur.dep_ in ("conj", "appos") and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lemma_.lower() in _data()["place_nouns"]:
            cur = cur.head.head  # "the settlements of Arbin": the noun the place names
        else:
            return False
    return False


def _is_modifier(tok) -> bool:
    """A place word modifying a noun ("Pakistani authorities", "U.S.-led offensive") names no location."""
    if tok.dep_ in ("amod", "compound", "poss", "npadvmod", "nmod") and tok.head.i > tok.i:
        # "Sinjar town", "Makhmur district": a place name naming the place noun it modifies is the location.
        return not (tok.dep_ in ("compound", "nmod") and tok.head.lower_ in _data()["place_nouns"])
    return tok.pos_ == "ADJ"


def _inside_organisation(span) -> bool:
    """A country named inside an organisation's name ("the Zimbabwe Electoral Commission") is no location."""
    doc, first, last = span.doc, span[0], span[-1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (first.ent_iob_ == "I" and first.ent_type_ == "ORG") or (
        after is not None and after.ent_iob_ == "I" and after.ent_type_ == "ORG"
    )


def _governing_prep(tok):
    """The preposition whose object the token (or the noun it is coordinated with) is."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.dep_ in ("prep", "agent") or cur.dep_ == "pobj":
            return cur.head
        if cur.dep_ in ("conj", "appos", "compound") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "pcomp":
            return cur.head
        break
    return None


def _dominates(head, tok) -> bool:
    cur = tok
    for _ in range(40):
        if cur.i == head.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _coordinated(a, b) -> bool:
    return (b.dep_ == "conj" and b.head.i == a.i) or (a.dep_ == "conj" and a.head.i == b.i) or (
        a.dep_ == "conj" and b.dep_ == "conj" and a.head.i == b.head.i
    )
