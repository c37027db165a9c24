"""Event location: which place mentions say where an event happened.

Not a stage: a helper the events stage (and `dateline eval eventloc`) calls with what the places stage
produced. Each mention in the event's sentence gets a score from the parse (weights and cue lists in
data/places-eventloc.json):

1. a mention that is a modifier ("U.S.-led", "Pakistani authorities") or part of an organisation's name is
   dropped (not an organisation the model reads into a place's own name: "the Saipatae-Yaha Road"); a place
   naming the thing where it happened ("in Syria's conflict", "a Hong Kong hotel") or an event the trigger's
   is part of ("since the launch of the Mosul operation") is a weaker cue;
2. a locative preposition ("killed in Homs") raises it, more when the preposition hangs on the trigger; a
   place after "the town of" takes the preposition of "the town"; a reference point ("south of Baghdad",
   "the capital of X") and a non-locative preposition ("from Libreville") lower it; a place after an event
   noun's "of" ("to break the siege of Homs") raises it;
3. the place a capturing, patrolling or shelling verb acts on ("captured Kabul", "patrolled the streets of
   Mogadishu") raises it, above a fronted region ("In the province of Damascus, ... shelled the settlements
   of Arbin");
4. a place reached from the trigger only through another clause ("to protest ... in Bahrain", "who
   lived in Assam") is lowered, less for a clause saying when it happened ("when a bomb exploded in X"), and so
   is a place the event was reported from ("according to a statement from the ministry in Abu Dhabi"); an event told
   in a "where" clause of a place ("flew to Aleppo, where rebels attacked a checkpoint") happened there;
5. the best mention wins if its score clears the threshold, with the places in parallel slots of the same
   event ("Palmyra and Quaryatayn", "a policeman in Yala and another in Pattani"); each chosen span is cut to
   the name ("Hama province" -> "Hama").
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .models import Place, Span

NEAREST = 16  # place mentions scored per event: the ones nearest its trigger


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("dateline.data").joinpath("places-eventloc.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in _data().items() if isinstance(v, list)}


@lru_cache(maxsize=1)
def occasion_nouns() -> frozenset[str]:
    """Nouns of events and of places something can happen at or during ("a summit", "a rally", "a hall")."""
    lists = _lists()
    return lists["event_nouns"] | lists["place_nouns"]


def _weights() -> dict[str, float]:
    return _data()["weights"]


def choose_locations(sentence: Span, trigger: Span, places: list[Place], sdoc=None) -> list[tuple[Place, Span]]:
    """(place, mention) pairs in `sentence` that locate the event at `trigger`, best first (empty when none does).

    `sdoc` is the spaCy Doc over the article text; without it only the text is used (nearest mention).
    The returned mention is cut to the place name ("Hama province" -> "Hama").
    """
    found = [(place, m) for place in places for m in place.mentions if sentence.start <= m.start and m.end <= sentence.end]
    found = [(p, m) for p, m in found if not (m.start < trigger.end and trigger.start < m.end)]
    if not found:
        return []
    # The nearest mentions only: far ones lose on distance anyway, and scoring every mention for every event
    # of a sentence would cost its length squared (600 clauses of "... discussed trade with Iran and ...").
    found.sort(key=lambda pm: abs(pm[1].start - trigger.start))
    found = found[:NEAREST]
    if sdoc is None:
        return found[:1]
    trig = sdoc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    trig_root = trig.root if trig is not None and len(trig) else None
    scored = []
    for place, m in found:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span) or _inside_organisation(span):
            continue
        root = _anchor(span.root)
        score = _score(root, trig_root, place)
        if score is not None:
            scored.append((score, place, m, root, span))
    if not scored:
        return []
    scored.sort(key=lambda x: -x[0])
    best_score, best_place, best_m, best_root, best_span = scored[0]
    if best_score < _weights()["threshold"]:
        return []
    chosen = [(best_place, _trim(best_m, best_span))]
    best_keys = _parallel_keys(best_root, trig_root)
    for score, place, m, root, span in scored[1:]:
        if score >= _weights()["threshold"] and _parallel(best_keys, _parallel_keys(root, trig_root)):
            chosen.append((place, _trim(m, span)))
    return chosen


def _score(root, trig, place: Place) -> float | None:
    """How strongly the mention whose syntactic head is `root` says where the event at `trig` happened; None
    when it cannot (a modifier naming no place of the event)."""
    w, lists = _weights(), _lists()
    if root.dep_ in ("compound", "amod", "poss") and root.head.lower_ in lists["place_nouns"] and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
            for c in root.head.children):
        return None  # "into the Marrakesh suburb of Tizi Ouzou": the place the phrase names is the suburb
    if _is_modifier(root):
        # A place naming the thing where it happened ("in Syria's conflict", "outside the UN's Baghdad
        # headquarters", "marched on a Hong Kong hotel") is the location, a weaker cue than the place itself.
        if root.dep_ in ("poss", "compound") and root.pos_ == "PROPN" and root.head.pos_ == "NOUN" \
                and root.head.lower_ not in lists["place_nouns"] and trig is not None and _locates(root.head, trig):
            return w["modifier"] - w["distance"] * abs(root.i - trig.i)
        # An event named by its place ("killed since the launch of the Mosul operation", "wounded in the
        # Manbij campaign") happened there, wherever the noun stands in the trigger's clauses; a country
        # naming it is mostly its actor ("the U.S. invasion"), as is any place naming the trigger itself.
        if root.dep_ in ("poss", "compound") and root.pos_ == "PROPN" and trig is not None \
                and place.level not in ("country", "continent") and root.head.i != trig.i \
                and root.head.lemma_.lower() in lists["event_nouns"] and _dominates(trig, root.head):
            return w["modifier"] - w["distance"] * abs(root.i - trig.i) - _clause_penalty(root, trig)
        return None
    if trig is not None and _where_clause_of(root, trig):
        # "visiting Kenosha, where riots broke out after a police shooting": what the clause tells happened there
        return w["locative"] + w["dominated"] - w["distance"] * abs(root.i - trig.i)
    if trig is not None and place.level not in ("country", "continent") and _origin_of_subject(root, trig):
        return None  # (a country one comes from is mostly where one acts: "refugees from across Lebanon demonstrated in this camp")
    score = 0.0
    noun = _place_noun_head(root)
    if noun.i == root.i and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ == "capital" \
            and place.level not in ("country", "continent"):
        noun = root.head.head  # "in the Tunisian capital of Tunis": the capital is the city named, no reference point
    prep = _governing_prep(noun)
    kind = _prep_kind(prep, trig) if prep is not None else None
    if kind in (None, "of_other") and trig is not None and _object_of(root, trig):
        score += w["object"]  # "captured Kabul", "shelled the settlements of Arbin": the place acted on
    elif prep is not None:
        score += w[kind]
        if kind == "locative" and trig is not None and prep.head.i == trig.i:
            score += w["on_trigger"]
        if _container(root, noun):
            score -= w["container"]
    elif noun.dep_ in ("nsubj", "nsubjpass") or noun.dep_ == "dobj" and place.level in ("country", "continent"):
        score += w["actor"]  # an actor or a target named by its place ("Russia said"), not where it happened
    if trig is not None:
        if _dominates(trig, root):
            score += w["dominated"]
        score -= w["distance"] * abs(root.i - trig.i)
        score -= _clause_penalty(root, trig)
        if _reported_from(root, trig):
            score -= w["speech"]
    return score


def _prep_kind(prep, trig=None) -> str:
    """'locative', 'non_locative', 'reference', 'event_of', 'of_other' or 'neutral': what a preposition says of the place it
    governs in the event at `trig`."""
    lists = _lists()
    word = prep.lower_
    if word in lists["directional"]:
        # "marched to the city offices", not "a ship en route to Kenya"
        return "locative" if trig is not None and (prep.head.i == trig.i or _gone_to_do(prep.head, trig)) else "neutral"
    if word == "of":
        if prep.head.lower_ in lists["reference_heads"]:
            return "reference"
        # "killed ... to break the siege of Homs": the place of the event noun the trigger's event is part of
        # (not of the trigger itself: "the blockade of Serbia" is aimed at Serbia)
        event = prep.head.lemma_.lower() in lists["event_nouns"] and (trig is None or prep.head.i != trig.i)
        return "event_of" if event else "of_other"
    if word in lists["locative"]:
        return "locative"
    if word == "from" and trig is not None and trig.lemma_.lower() in lists["leaving_verbs"] and (
            prep.head.i == trig.i or prep.head.dep_ == "prt" and prep.head.head.i == trig.i or prep.head.head.i == trig.i and prep.head.dep_ == "dobj"):
        return "locative"  # "withdrew from Georgia", "pulled out of" (a particle), "withdrew its troops from Iraq"
    if word in lists["non_locative"]:
        return "non_locative"
    return "neutral"


def _gone_to_do(verb, trig) -> bool:
    """Whether the trigger is what someone went somewhere to do: "flew to Washington to appeal", "travelled to Beijing
    for talks"."""
    if verb.lemma_.lower() not in _lists()["travel_verbs"] or trig.i == verb.i:
        return False
    if trig.head.i == verb.i and trig.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children):
        return True
    return trig.dep_ == "pobj" and trig.head.lower_ == "for" and trig.head.head.i == verb.i


def _anchor(tok):
    """The token standing for the place in the parse: a name the parser glued to a date ("captured Kabul
    September 27" parsed as a compound of "September") stands where the date does."""
    if tok.dep_ == "compound" and tok.head.ent_type_ in ("DATE", "TIME") and tok.ent_type_ not in ("DATE", "TIME"):
        return tok.head
    return tok


def _place_noun_head(tok):
    """The noun a name specifies ("the town of Sheykler", "the settlements of Arbin", "in the centre of
    Florencia"), through coordination ("the towns of Palmyra and Qaryatayn"): a place noun, or a noun that is
    itself where something is ("in", "near", "on" it); the token itself otherwise ("the commander of X")."""
    nouns = _lists()["place_nouns"]
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("conj", "appos") and cur.head.i != cur.i and cur.head.i < cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ in ("NOUN", "PROPN"):
            head = cur.head.head
            if head.lower_ in _lists()["reference_heads"]:
                break  # "north of Baghdad": a reference point, not the place the noun is
            if head.lemma_.lower() in nouns:
                return head
            prep = _governing_prep(head)
            if prep is not None and prep.lower_ in _lists()["locative"]:
                return head
        break
    return tok


def _container(tok, noun) -> bool:
    """Whether the place only contains the named place where it happened: it hangs ("in", "near", "of", or
    in apposition) on a noun that has a name of its own ("Sadr City in eastern Baghdad", "the Thantho
    district of Yala province", "Balata refugee camp near Nablus", "in Makhmur district, northern Iraq")."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "appos":
        head = cur.head
    elif cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in _lists()["nesting"]:
        head = cur.head.head
    else:
        return False
    if head.i == noun.i and noun.i != tok.i:
        return False  # "the town of X": X names the noun it hangs on
    if head.pos_ == "PROPN" and head.ent_type_ not in ("DATE", "TIME"):
        return True
    if head.pos_ != "NOUN":
        return False
    return any(c.i not in (cur.i, cur.head.i) and (c.dep_ == "compound" and c.pos_ == "PROPN"
                                 or c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children))
               for c in head.children)


def _clause_penalty(tok, trig) -> float:
    """What crossing clause boundaries between the place and the trigger costs: a place in another clause
    ("to protest ... in Bahrain", "who lived in Assam") is seldom where the event happened, less seldom when
    that clause says when it happened ("killed when a bomb exploded in X")."""
    w, lists = _weights(), _lists()
    above = {t.i for t in _ancestors(trig)}
    penalty = 0.0
    for t in _ancestors(tok)[1:]:
        if t.i in above:
            break
        if t.dep_ in lists["clause_deps"] and t.pos_ in ("VERB", "AUX"):
            temporal = any(c.dep_ == "mark" and c.lower_ in lists["temporal_marks"] for c in t.children)
            penalty += w["temporal_clause"] if temporal else w["clause"]
    return penalty


def _reported_from(tok, trig) -> bool:
    """Whether the place is where the event was reported, not where it happened: it hangs on a reporting verb
    in a branch of its own ("the ministry said in a statement issued in Kabul") or on "according to"
    ("according to a statement from the ministry in Abu Dhabi")."""
    lists = _lists()
    above = {t.i for t in _ancestors(trig)}
    for t in _ancestors(tok)[1:]:
        # a reporting verb above the trigger is no evidence: the parser hangs the reported event's own place
        # on it too ("reported fighting at Todee, saying rebels had captured ...")
        if t.i in above:
            return False
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lists["reporting_verbs"] or t.lower_ == "according":
            return True
    return False


def _where_clause_of(tok, trig) -> bool:
    """Whether the trigger stands in a "where" clause of the place (or of a name in apposition to it): "flew to
    Aleppo, where rebels attacked a checkpoint", "visiting Kenosha, Wisconsin, where riots broke out"."""
    if tok.dep_ == "appos":
        return False  # the clause tells of the name the apposition describes ("Kenosha, Wisconsin, where")
    heads = {tok.i} | {c.i for c in tok.children if c.dep_ == "appos"}
    for t in _ancestors(trig):
        if t.dep_ == "relcl" and t.head.i in heads:
            return any(c.dep_ == "advmod" and c.lower_ == "where" for c in t.children)
    return False


def _origin_of_subject(tok, trig) -> bool:
    """Whether the place is where the trigger's doer comes from: it hangs on a "from" phrase of the trigger's subject
    or of a name standing beside it ("The bomber, Ahmad Salem, from a village near Nablus, blew himself up at a bus
    stop in Hadera": Hadera)."""
    subjects = {c.i for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")}
    subjects |= {a.i for s in list(subjects) for a in trig.doc[s].children if a.dep_ == "appos"}
    for t in _ancestors(tok)[1:]:
        if t.dep_ == "prep" and t.lower_ == "from" and t.head.i in subjects:
            return True
        if t.i == trig.i:
            return False
    return False


def _ancestors(tok) -> list:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 60:
        out.append(out[-1].head)
    return out


def _locates(noun, trig) -> bool:
    """Whether a noun is where the event at the trigger happened: the object of a locative preposition under the
    trigger, or the object of a trigger verb that takes the place acted on."""
    prep = _governing_prep(noun)
    if prep is not None:
        return _prep_kind(prep, trig) == "locative" and _dominates(trig, prep)
    return _object_of(noun, trig)


def _object_of(tok, trig) -> bool:
    """Whether the place is the object of a trigger verb that takes the place acted on ("captured Goma, ... and
    Uvira", "shelled the settlements of Arbin"; the subject of its passive: "Seoul was captured")."""
    if trig.lemma_.lower() not in _lists()["object_verbs"]:
        return False
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("dobj", "nsubjpass") and cur.head.i == trig.i:
            return True
        if cur.dep_ in ("conj", "appos") and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ == "NOUN" \
                and cur.head.head.lower_ not in _lists()["reference_heads"]:
            cur = cur.head.head  # "the settlements of Arbin", "the streets of Jerusalem": a part of the place
        else:
            return False
    return False


def _is_modifier(tok) -> bool:
    """A place word modifying a noun ("Pakistani authorities", "U.S.-led offensive") names no location."""
    if tok.dep_ in ("amod", "compound", "poss", "npadvmod", "nmod") and tok.head.i > tok.i:
        # "Sinjar town", "Makhmur district": a place name naming the place noun it modifies is the location.
        return not (tok.dep_ in ("compound", "nmod") and tok.head.lower_ in _lists()["place_nouns"])
    return tok.pos_ == "ADJ"


def entity_of(tok):
    """The named entity the token is part of, or None; found from the token's IOB tags, not by a walk over
    every entity of the document."""
    if tok.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _inside_organisation(span) -> bool:
    """A place named inside an organisation's name ("the Zimbabwe Electoral Commission") is no location; an
    organisation the model reads into the place's own name ("the Saipatae-Yaha Road", "Aathmail of Nuwakot
    district") is still the place."""
    inside = span[0] if span[0].ent_iob_ in ("B", "I") else span[-1]
    ent = entity_of(inside)
    if ent is None or inside.ent_type_ != "ORG":
        return False
    if ent[-1].lemma_.lower() in _lists()["place_nouns"] or ent[-1].lemma_.lower() in _lists()["facility_nouns"]:
        return False
    # "the White House" read as an organisation is still the place: its article is no part of a name
    return any(not (span.start <= t.i < span.end) and not t.is_punct and t.tag_ != "DT" for t in ent)


def _governing_prep(tok):
    """The preposition whose object the token (or the noun it is coordinated with) is; a particle the
    parser split from its object counts ("captured off Mogadishu")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pobj":
            return cur.head
        if cur.dep_ in ("conj", "appos", "compound") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "pcomp":
            return cur.head
        if cur.dep_ in ("npadvmod", "dobj") and cur.i > 0:
            before = cur.doc[cur.left_edge.i - 1] if cur.left_edge.i > 0 else None
            if before is not None and before.dep_ == "prt" and before.head.i == cur.head.i and before.lower_ in _lists()["locative"]:
                return before
        break
    return None


def _dominates(head, tok) -> bool:
    return any(t.i == head.i for t in _ancestors(tok))


def _conj_root(tok):
    """The first of the conjuncts the token belongs to ("Arbin, Hawsh Nasri, Bakhariya and ...": Arbin)."""
    cur = tok
    for _ in range(30):
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur


def _parallel_keys(root, trig) -> set:
    """Where the place stands in a coordination: two places sharing a key fill parallel slots of one event
    ("shelled Arbin, Hawsh Nasri, Bakhariya and a plant in Jobar", "shot a policeman in Yala and another
    policeman in Pattani", "in X and in Y"). Keys are the first conjuncts of the place, of the noun it names,
    of its preposition and of the noun that preposition hangs on (not the trigger: "killed in X and wounded in
    Y" are two events); a place containing another has none of its keys."""
    noun = _place_noun_head(root)
    if _container(root, noun):
        return {-1 - root.i}
    keys = {_conj_root(root).i, _conj_root(noun).i}
    prep = _governing_prep(noun)
    # only a place that is the preposition's object, not one naming it ("in the Baghdad neighbourhood of X")
    if prep is not None and prep.lower_ in _lists()["locative"] and _conj_root(noun).head.i == prep.i:
        keys.add(_conj_root(prep).i)
        head = prep.head
        if trig is not None and head.i == trig.i:
            keys.add("on_trigger")
        elif trig is not None and head.dep_ == "conj" and head.head.i == trig.i and head.pos_ in ("NOUN", "PROPN"):
            # the parser's reading of a gapped clause ("shot a teacher in X and another teacher in Y": the
            # second teacher a conjunct of "shot"): the same event again, elsewhere
            keys.add("gapped")
        elif head.pos_ in ("NOUN", "PRON") and head.lemma_.lower() not in _lists()["place_nouns"] \
                and (trig is None or _conj_root(head).i != _conj_root(trig).i):
            # a thing or person the event befell there, not a place holding it ("the cities of Palmyra and
            # Qaryatayn in the Homs province")
            keys.add(_conj_root(head).i)
    return keys


def _parallel(a: set, b: set) -> bool:
    """Whether two places with these keys fill parallel slots; a gapped clause parallels the trigger's own
    locative, not another gapped one."""
    plain = {k for k in a & b if isinstance(k, int)}
    return bool(plain) or ("on_trigger" in a and "gapped" in b) or ("gapped" in a and "on_trigger" in b)


def _trim(m: Span, span) -> Span:
    """The mention cut to the name: trailing common nouns go ("Hama province", "Heathrow airport"), unless what
    is left is an adjective naming no place ("Lebanese-Israeli border")."""
    end = len(span)
    while end > 1 and span[end - 1].is_lower and span[end - 1].is_alpha:
        end -= 1
    # an adjective the model calls a place is its name ("northern Aleppo province" tagged ADJ)
    left = span[end - 1]
    if end == len(span) or left.pos_ == "ADJ" and left.ent_type_ not in ("GPE", "LOC", "FAC") or left.is_punct:
        return m
    stop = span[end - 1].idx + len(span[end - 1]) - m.start
    return Span(start=m.start, end=m.start + stop, text=m.text[:stop])


def pointed_location(trig, earlier: list[tuple[int, int, Place]], sdoc) -> tuple[Place, Span] | None:
    """The place a word of the trigger's clause points back at, when the sentence names none: "there" ("began
    attacking people there") or a definite place noun ("in other parts of the city", "arrived at the scene")
    names the nearest place mentioned before it that can be such a place (a town for "the city", anything for
    "there"). `earlier` holds (start, end, place) of the place mentions before the trigger's sentence, within the
    reach of a pronoun. None when nothing points back or nothing fits."""
    if trig is None:
        return None
    levels = _pointer(trig)
    if levels is None:
        return None
    for start, end, place in sorted(earlier, key=lambda m: -m[0]):
        if levels and place.level not in levels and not ("city" in levels and place.country3 in _CITY_STATES):
            continue  # (but "the city" may be Hong Kong or Singapore, which the gazetteer reads as countries)
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or _is_modifier(span.root) or _inside_organisation(span):
            continue  # "a Cheltenham man", "the Zimbabwe Electoral Commission": no place anything happened at
        return place, Span(start=start, end=end, text=span.text)
    return None


# Cities that are countries or territories of their own in the gazetteer.
_CITY_STATES = {"HKG", "SGP", "MAC", "MCO", "VAT", "GIB"}


def _pointer(trig) -> tuple[str, ...] | None:
    """The levels of place a pointing word on the trigger may name (empty: any), or None when there is none. The
    word hangs on the trigger or on the verb whose object the trigger is ("held a rally there")."""
    heads = {trig.i}
    if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
        heads.add(trig.head.i)
    nouns = _data()["pointing_nouns"]
    for tok in trig.doc[trig.sent.start:trig.sent.end]:
        if tok.lower_ == "there" and tok.dep_ == "advmod" and tok.head.i in heads:
            return ()
        levels = nouns.get(tok.lemma_.lower())
        if levels is None or tok.tag_ != "NN" or tok.dep_ != "pobj" or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            continue
        if any(c.dep_ in ("compound", "amod", "nmod", "poss") and (c.pos_ == "PROPN" or c.ent_type_) or c.dep_ == "prep" for c in tok.children):
            continue  # "the Hong Kong hotel", "the city of Homs": a name of its own, which choose_locations reads
        prep = tok.head
        if prep.lower_ == "of" and prep.head.dep_ == "pobj":
            prep = prep.head.head  # "in other parts of the city", "on the streets of the capital"
        if prep.dep_ == "prep" and prep.lower_ in _lists()["locative"] and prep.head.i in heads:
            return tuple(levels)
    return None
