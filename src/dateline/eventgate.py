"""The precision gate of the events stage: what may be an actor, and which sentences code no event.

Not a stage: helpers the events stage calls. PLOVER codes no actor-less events, so a candidate keeps
only the participants that name someone (a known actor, a named person, organisation, country or
people, or a noun for people or institutions such as "police" or "protesters"), and a candidate left
without an actor is dropped. A news outlet the text cites as the source of a report ("according to
Al-Ahram", "told Fox News") is never a participant. Questions code no event, nor do candidates that
name no happening (`not_an_event`: generic present-tense acts, releases of statements, talks with the
press or with no one, support for no one, leaving a race, campaign rallies); a verb of force acting on
an idea is criticism (`figurative`). The word lists are data: data/events-gate.json.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import ontology, times
from .models import EventActor

_ACTOR_KINDS = {"person", "organization", "country", "group"}
_ENTITY_ACTORS = {"PERSON", "ORG", "NORP", "GPE"}
_MEDIA_SECTORS = {"MED", "JRN"}


@lru_cache(maxsize=1)
def _role_rows() -> tuple[list[str], ...]:
    """The rows of actors-roles.tsv: term, sector, use, strength, kind."""
    return tuple(line.split("\t") for line in ontology._read("actors-roles.tsv").splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    data = ontology._json("events-gate.json")
    rows = _role_rows()
    roles = {row[0] for row in rows}
    return {
        "agents": frozenset(data["agent_nouns"]) | frozenset(t for t in roles if " " not in t),
        "never": frozenset(data["never_actors"]),
        "bystanders": frozenset(data["bystanders"]),
        "non_entities": frozenset(data["non_actor_entities"]),
        "non_patients": frozenset(data["non_patients"]),
        "media": frozenset(data["media_nouns"]),
        "abstract": frozenset(data["abstract_objects"]),
        "campaign": frozenset(data["campaign_words"]),
        "vehicles": frozenset(data["vehicles"]),
        "show": frozenset(data["show_verbs"]),
        "contest": frozenset(data["contest_nouns"]),
        "political": frozenset(data["political_sectors"]),
        "hazards": frozenset(data["hazards"]),
        "unrest": frozenset(data["unrest"]),
        "writings": frozenset(data["writings"]),
        "laws": frozenset(data["laws"]),
        "aid": frozenset(data["aid_objects"]),
        "currency": frozenset(data["currencies"]),
        "ballots": frozenset(data["ballots"]),
        "people_suffixes": tuple(data["counted_people"]["suffixes"]),
        "not_people": frozenset(data["counted_people"]["not_people"]),
        "offices": frozenset(row[0] for row in rows if row[-1] == "person"),
        "political_roles": frozenset(row[0] for row in rows if row[1] in data["political_sectors"] and " " not in row[0]),
    }


@lru_cache(maxsize=1)
def role_sectors() -> dict[str, str]:
    """Sector of each one-word role noun that can head a participant (actors-roles.tsv, use head or both)."""
    return {row[0]: row[1] for row in _role_rows() if len(row) >= 3 and " " not in row[0] and row[2] in ("head", "both") and row[1] not in ("", "-")}


@lru_cache(maxsize=1)
def role_phrase_sectors() -> dict[str, str]:
    """Sector of each several-word role that can head a participant ("director general": GOV, where "general" alone is MIL)."""
    return {row[0]: row[1] for row in _role_rows() if len(row) >= 3 and " " in row[0] and row[2] in ("head", "both") and row[1] not in ("", "-")}


@lru_cache(maxsize=1)
def person_roles() -> frozenset[str]:
    """One-word titles held by one person ("president", "minister"; actors-roles.tsv kind person), and a councillor's."""
    return frozenset(row[0] for row in _role_rows() if len(row) >= 5 and " " not in row[0] and row[4] == "person") | {"councilor", "councillor"}


def _span(sdoc, start: int | None, end: int | None):
    if start is None or end is None:
        return None
    return sdoc.char_span(start, end, alignment_mode="expand")


def is_source(tok) -> bool:
    """Whether a token names the source a report is attributed to, not a doer ("according to TASS", "told Fox News")."""
    t = tok
    while t.dep_ in ("compound", "amod", "det", "poss", "conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
        return True
    if t.dep_ in ("dobj", "dative") and t.head.lemma_.lower() in ("tell", "inform", "brief") and not any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in t.head.children):
        return True  # (but "told South Sudan to withdraw" addresses an order to it)
    return t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.lemma_.lower() in ("quote", "report", "cite")


# Heads of the names of texts one signs or ratifies ("the African Convention on Refugees", "the Treaty of Rome").
_INSTRUMENTS = {"convention", "treaty", "protocol", "charter", "accord", "accords", "agreement", "pact", "covenant", "declaration"}


def identifiable(actor: EventActor, sdoc, kinds: dict[str, str], harmed: bool = False) -> bool:
    """Whether a participant names someone who can act (see the module docstring).

    `kinds` maps doc.actors ids to their kind; an actor found through them is someone unless its words
    are a date, a number, a product or a cited source. A news outlet or journalist is someone only as a subject
    ("told Fox News" cites a source), or, with `harmed`, as the one an attack or arrest befalls ("beat a journalist")
    or a request is put to ("called on Fox News to fire Griffin"); so are tourists, shoppers and passengers, who are
    in the news mostly as the ones harmed ("killed 21 tourists").
    """
    lex = _lexicon()
    span = _span(sdoc, actor.start, actor.end)
    if span is None or len(span) == 0:
        return bool(actor.actor_id and kinds.get(actor.actor_id) in _ACTOR_KINDS)
    root = _counted(span.root)
    if is_source(span.root) or (actor.sector in _MEDIA_SECTORS and root.dep_ not in ("nsubj", "nsubjpass") and not harmed):
        return False
    if not actor.actor_id and root.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("any", "every", "whichever", "no") for c in root.children):
        return False  # "any other country that wishes to join": whoever it may be; "no organization": no one
    if root.pos_ == "PRON":
        # "those angered by the slaying", "those who fled", "those responsible": people the clause picks out
        return bool(actor.actor_id) or those_who(root)
    if harmed and bare_count(root) and not actor.actor_id:
        return True  # "arrested three for trespassing", "five were killed": people counted, the noun left out
    if root.ent_type_ in lex["non_entities"] and not actor.actor_id:
        return False
    if root.ent_type_ in ("DATE", "TIME"):
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in ("body", "remains", "corpse", "ashes"):
        return False  # "returned the bodies of two soldiers": the dead are what is handed over, no one it is done to
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _SETTLEMENTS:
        return False  # "seized the village of Talbiseh", "the town of Goma": a place
    if root.dep_ in ("amod", "compound") and root.head.lemma_.lower() in ("border", "frontier") and root.head.dep_ == "pobj" \
            and root.head.head.lower_ in ("from", "near", "along", "across", "to", "at", "on", "by", "of"):
        return False  # "five kilometers from the Jordanian border": a landmark, no party
    if root.pos_ == "PROPN" and span.root.i == root.i and any(
            t.lemma_.lower() in _FACILITIES and t.text[:1].isupper() for t in (root, next((w for w in span if w.dep_ != "det"), root))):
        return False  # "stormed the Hotel Rumbura", "Bole Airport": a building, not someone
    if root.dep_ == "compound" and root.head.lemma_.lower() in _INSTRUMENTS and root.head.text[:1].isupper():
        return False  # "withdrew from the Paris Agreement": a text named after a place, no party
    if _landform(root, span):
        return False  # "withdraw bulldozers from the Jordan Valley", "a rally in Washington Square Park": a place's name
    if root.pos_ == "PROPN" and root.lemma_.lower() in _INSTRUMENTS:
        return False  # "signed the African Convention on Refugees", "ratified the Treaty": a text, not a party
    lemma = root.lemma_.lower()
    if (lemma in lex["vehicles"] or root.lower_ in lex["vehicles"]) and _craft(root):
        # "Russian aircraft", "government helicopters" stand for a state's forces; "the aircraft" for no one
        return bool(actor.country) or any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _ARMED_OWNERS for c in root.children)
    if lemma == "union" and root.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _UNIONS_OF_STATES for c in root.children):
        return False  # "a deal on a common currency and economic union": a union of economies, no trade union
    if root.dep_ in ("amod", "compound", "nmod") and root.head.lemma_.lower() in lex["laws"]:
        return False  # "Omani law allowed ...", "NATO guidelines call for ...": the law or the text, not the country
    if lemma in ("section", "article", "paragraph", "chapter") and any(
            c.dep_ == "compound" and c.lemma_.lower() in lex["laws"] for c in root.children):
        return False  # "California Penal Code Section 11414", "the Constitution's Article 5": a text of law, not someone
    if actor.actor_id and kinds.get(actor.actor_id) in _ACTOR_KINDS:
        return lemma not in lex["never"] or (harmed and root.pos_ == "PROPN" and kinds.get(actor.actor_id) == "organization")  # "Fox News" is asked
    if root.ent_type_ in _ENTITY_ACTORS:
        return True
    if lemma in lex["never"] or (lemma == "house" and root.text[:1].islower()):
        return False  # "bombed the house of a militant leader": a building; "the House" is a chamber
    if lemma == "state" and root.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in c.children) for c in root.children):
        return False  # "a state of emergency", "the state of the economy": a condition, not a country
    if root.pos_ == "PROPN" and not root.ent_type_ and root.text[:1].isupper() and plain_forms(root.lower_) & (
            lex["agents"] | set(role_sectors())):
        return True  # "(AFP) -- Gunmen abducted a woman": a plain noun the tagger took for a name after a wire credit
    return lemma in lex["agents"] or root.lower_ in lex["agents"] or _ist(root) or _leaders(root) or the_people(root) or harmed and (
        lemma in lex["bystanders"] or _counted_people(root, lex))


def plain_forms(word: str) -> set[str]:
    """A lower-cased word and the singulars it may be the plural of ("gunmen": gunman, "assailants": assailant)."""
    forms = {word, word[:-1] if word.endswith("s") else word}
    if word.endswith("men"):
        forms.add(word[:-3] + "man")
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return forms


# Problems one fights or combats, which are no one ("fight corruption", "combat the threat of extremism").
_PROBLEMS = {"threat", "extremism", "terrorism", "corruption", "crime", "poverty", "disease", "virus", "pandemic", "epidemic",
             "inflation", "trafficking", "smuggling", "radicalization", "radicalisation", "fraud", "racism", "hunger",
             "unemployment", "misinformation", "disinformation", "malaria", "cancer", "drought", "scourge", "menace", "spread"}
# What is named for riots without being one ("riot police").
_RIOT_GEAR = {"police", "policeman", "officer", "gear", "shield", "squad", "unit", "force", "control", "troop", "act", "helmet", "cop"}
# What states join in a union that is no trade union ("economic union", "a customs union").
_UNIONS_OF_STATES = {"economic", "monetary", "customs", "currency", "banking", "fiscal", "political", "energy", "postal", "transfer"}
# Settlements named by an of-phrase ("the village of Talbiseh").
_SETTLEMENTS = {"village", "town", "township", "hamlet", "neighbourhood", "neighborhood", "suburb", "island", "port"}
# Buildings and grounds whose names never stand for anyone ("the Hotel Rumbura", "Kabul Airport").
_FACILITIES = {"hotel", "airport", "stadium", "mosque", "temple", "synagogue", "cathedral", "hospital", "market", "mall",
               "station", "bridge", "square", "park", "prison", "jail", "museum", "palace", "cinema", "theatre", "theater", "arena"}
# Kinds of place whose names may begin with a country's or a town's ("the Jordan Valley", "the Gaza Strip").
_LANDFORMS = {"valley", "river", "strip", "sea", "delta", "basin", "heights", "gulf", "plateau", "mountain", "mountains", "peninsula",
              "lake", "bay", "desert", "square", "park", "island", "islands", "coast", "plain", "plains", "canal", "corridor",
              "highlands", "street", "avenue", "road", "bridge", "airport", "harbour", "harbor", "port", "province", "district", "region"}


def _landform(root, span) -> bool:
    """Whether a participant's words are only the first part of a place's name: the name goes on past them with a kind
    of place, title-cased ("the Jordan Valley", "Washington Square Park", "the Korean Peninsula")."""
    tok = root
    while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i and tok.head.i >= span.end:
        tok = tok.head
        if tok.lemma_.lower() in _LANDFORMS and tok.text[:1].isupper():
            return True
    return False


def _counted_people(root, lex) -> bool:
    """Whether a counted plural names people ("arrested 14 foreigners", "killed dozens of villagers"): a number counts
    it and its ending is a person's; a thing so ended is listed in events-gate.json ("destroyed 12 containers")."""
    lemma = root.lemma_.lower()
    counted = any(c.dep_ == "nummod" and (c.like_num or c.ent_type_ == "CARDINAL") for c in root.children) or (
        root.dep_ == "pobj" and root.head.lower_ == "of" and _counted(root.head.head) is root)
    return (counted and root.tag_ == "NNS" and root.ent_type_ not in ("MONEY", "QUANTITY", "PERCENT", "DATE", "TIME")
            and lemma.endswith(lex["people_suffixes"]) and lemma not in lex["not_people"] and lemma not in lex["never"]
            and lemma not in lex["abstract"] and lemma not in lex["vehicles"])


# Whose craft a vehicle may be named as: "government helicopters", "army jets", "regime warplanes".
_ARMED_OWNERS = {"government", "army", "military", "regime", "police", "rebel", "coalition", "navy", "enemy", "insurgent", "militia"}


def those_who(tok) -> bool:
    """"Those" (or "anyone") that a clause or a phrase picks out as people: "those angered by the slaying", "those who
    fled", "those responsible", "those under 19", "anyone wearing a niqab" (not "those that Russia voted to adopt", nor
    "those of the EU": things)."""
    return tok.lower_ in _PICKED_OUT and any(
        c.dep_ in ("acl", "amod") or c.dep_ == "prep" and c.lower_ in PEOPLE_PREPS
        or tok.lower_ == "those" and c.dep_ == "relcl" and any(w.lower_ in ("who", "whom") for w in c.children) for c in tok.children)


_PICKED_OUT = {"those", "anyone", "anybody", "everyone", "everybody"}
# "those under 19", "those over 65", "those in need", "anyone with a criminal record", "those without papers"
PEOPLE_PREPS = {"under", "over", "in", "with", "without", "aged"}


def hazard(tok) -> bool:
    """Whether a noun names a natural hazard ("three major hurricanes", "the virus", "Hurricane Harvey"; but the
    "President's Malaria Initiative" is a programme): no actor."""
    root = _counted(tok)
    return root.lemma_.lower() in _lexicon()["hazards"] or bool(_FLU_SUBTYPE.fullmatch(root.lower_)) or any(
        c.dep_ == "compound" and c.lemma_.lower() in _NAMED_STORMS for c in root.children)


# Measures a political actor may back or praise: "hailed the agreement", "voiced support for the inquiry".
_MEASURES = {"plan", "proposal", "agreement", "deal", "decision", "bill", "law", "resolution", "move", "measure", "initiative",
             "inquiry", "investigation", "reform", "policy", "treaty", "accord", "ceasefire", "truce", "process", "referendum",
             "sanction", "ban", "amendment", "legislation", "pact", "pipeline", "project", "strategy", "programme", "program"}


def _backs_a_measure(head) -> bool:
    """Whether a support word's object, or its "for" object, or (for a noun) its own "for" object, is a measure."""
    verb = head.head if head.pos_ == "NOUN" and head.dep_ == "dobj" else head
    objects = [c for t in (head, verb) for c in t.children if c.dep_ == "dobj"]
    objects += [g for t in (head, verb) for c in t.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "behind")
                for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in _MEASURES for o in objects)


# Influenza A subtypes ("H5N1", "H1N1"): a virus, never an actor.
_FLU_SUBTYPE = re.compile(r"h\d{1,2}n\d{1,2}")


def trade_partners(tok) -> list:
    """The other side a trade or a flow is with, to or from, when the words name it ("trade with Iraq", "flights to
    Qatar"): a name, not the goods."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "from") for g in c.children
            if g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ in ("GPE", "NORP", "ORG"))]


# What an inquiry looks into when it suspects no one: a death, a disease, a mishap and its cause.
_MISHAPS = {"death", "outbreak", "illness", "disease", "cause", "source", "fire", "crash", "accident", "collapse", "spread",
            "contamination", "infection", "spill", "derailment", "malfunction"}  # (not "the case against him", "the leak")
# Civilians an agency sends out to look, treat or repair, not forces.
_CIVILIANS = {"investigator", "inspector", "expert", "scientist", "doctor", "nurse", "medic", "epidemiologist", "personnel", "staff",
              "volunteer", "worker", "specialist", "technician", "engineer", "official", "team", "researcher", "veterinarian", "crew"}


def _civil_team(tok) -> bool:
    """Whether a deployed object is civilians ("a team of ten investigators", "personnel"), with no force word on it
    ("military personnel", "a police team", "an army medical team" are forces)."""
    root = _counted(tok)
    if root.lemma_.lower() == "team":
        members = [g for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        root = _counted(members[0]) if members else root
    words = {t.lemma_.lower() for t in tok.subtree}
    return root.lemma_.lower() in _CIVILIANS and not words & (_FORCE_POSTS | _lexicon()["vehicles"] | {"troop", "soldier", "marine", "combat"})


def bare_count(tok) -> bool:
    """Whether a number stands alone as a verb's object or passive subject, the noun it counts left out ("arrested
    three", "five were killed"): people, if the act befalls them."""
    return tok.pos_ == "NUM" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB"


def _counted(root):
    """The noun a quantity counts ("thousands of workers", "dozens of protesters"), else the token itself."""
    if root.like_num or root.ent_type_ in ("CARDINAL", "QUANTITY") or root.lemma_.lower() in ("dozen", "hundred", "thousand", "million", "score", "number", "group", "crowd"):
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return root


def _patients(verb) -> list:
    """What a verb acts on: its object, its passive subject, or what it acts against ("fight against the virus")."""
    # "set fire to the church", "opened fire on protesters": the fire is aimed at someone, not what is acted on.
    def aimed(prep) -> bool:
        return prep.dep_ == "prep" and prep.lower_ in ("to", "on", "at") and any(
            g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in prep.children)

    at_someone = any(aimed(c) for c in verb.children)
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and not at_someone and not any(aimed(p) for p in c.children)] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children if g.dep_ == "pobj"]


def _of_agreement(tok) -> bool:
    """"a memorandum of understanding", "a letter of intent", "an accession document": a document that is itself an agreement."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in _AGREEING for g in c.children if g.dep_ == "pobj")
               or c.dep_ == "compound" and c.lemma_.lower() in _AGREEING for c in tok.children)


# What makes a document an agreement: "a memorandum of understanding", "an accession document", "documents of accession".
_AGREEING = {"understanding", "intent", "agreement", "cooperation", "accession", "ratification"}


def names_someone(tok) -> bool:
    """Whether a noun names an actor by itself: a name, a pronoun or a noun for people or institutions."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in _ENTITY_ACTORS:
        return True
    root = _counted(tok)
    if root.lemma_.lower() in _ACTIVITY_OR_BODY and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in root.children):
        return False  # "banning assembly of five or more persons", "freedom of assembly": the act of assembling, no body
    lex = _lexicon()
    return root.lemma_.lower() in lex["agents"] or root.lower_ in lex["agents"] or _ist(root) or _leaders(root) or the_people(root)


# Nouns of a body that, with nothing to single one out, name the activity instead.
_ACTIVITY_OR_BODY = {"assembly"}


def the_people(tok) -> bool:
    """"The affected", "the displaced", "the wounded": people named by what befell them, an adjective or a participle
    with "the" standing as a noun."""
    return tok.lower_ in _PEOPLE_ADJECTIVES and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "dative") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


_PEOPLE_ADJECTIVES = {"affected", "displaced", "injured", "wounded", "poor", "elderly", "homeless", "sick", "needy", "disabled",
                      "unemployed", "vulnerable", "bereaved", "stranded", "evacuated", "detained", "accused"}


def _leaders(tok) -> bool:
    """"The Russian leadership", "the Hamas leadership": a leadership qualified by whose it is names its leaders ("resign
    the leadership of the party", "his leadership" name a post or a quality)."""
    return tok.lemma_.lower() == "leadership" and any(c.dep_ in ("amod", "compound") for c in tok.children) and not any(
        c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


# Nouns in -ist that name no one.
_NOT_PEOPLE_IST = {"list", "playlist", "checklist", "wishlist", "shortlist", "blacklist", "whitelist", "wrist", "twist", "mist",
                   "fist", "gist", "tourist"}


def _ist(tok) -> bool:
    """A common noun for people by its ending: "pacifists", "nationalists", "Islamists", "separatists"."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and len(lemma) > 5 and lemma.endswith("ist") and lemma not in _NOT_PEOPLE_IST


_CLAUSE_END = re.compile(r"[.!?](?=[\s\"'”’»)]|$)|\n")


def doc_text(sdoc) -> str:
    """The parsed text, built once per document: spaCy's Doc.text rebuilds it from every token on each call."""
    text = sdoc.user_data.get("dateline_text")
    if text is None:
        text = sdoc.user_data["dateline_text"] = sdoc.text
    return text


def is_question(sent, trigger_start: int) -> bool:
    """Whether the trigger stands in a question: its clause or its sentence ends in '?', or a quoted stretch holding it does."""
    text = sent.text.rstrip(" \"'”’»)")
    if text.endswith("?"):
        return True
    offset = trigger_start - sent.start_char
    rest = sent.text[offset:]
    # The parser may run a question into its answer ("Did X ever support you?\n\nYes."): the clause holding the
    # trigger ends at its first end mark or line break.
    end = _CLAUSE_END.search(rest)
    if end and end.group().startswith("?"):
        return True
    for quote in ("\"", "”", "’"):
        end = rest.find(quote)
        if end > 0 and rest[:end].rstrip().endswith("?"):
            return True
    # "asked Councilman Solorio, "does the city ever look at ...?" Solorio responded, ...": the words the trigger
    # introduces are a question, though the parser ran it into its answer.
    after = doc_text(sent.doc)[trigger_start:trigger_start + 600]  # (the sentence splitter may have cut the quotation)
    opened = re.match(r"[^\"“.?!]{0,80}?[,:]\s*[\"“]", after)
    if opened:
        close = re.search(r"[\"”]", after[opened.end():])
        if close and after[opened.end():opened.end() + close.start()].rstrip().endswith("?"):
            return True
    return False


# Verbs of saying through which a statement that someone should act is a REQUEST (events-statements.json).
_SAYING = {"say", "tell", "state", "add", "write", "note", "declare", "insist", "argue", "explain", "claim"}
# Verbs of force that also mean carrying something out ("execute a ruling").
_CARRY_OUT = {"execute", "enforce", "implement"}
# Types of material acts: told in the simple present without a date, they describe what usually happens.
_MATERIAL = {"AID", "COOPERATE", "CONCEDE", "RETREAT", "ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "CONSULT"}


def media_outlet(tok) -> bool:
    """Whether a noun names a news outlet or a journalist ("Greek daily Kathimerini", "the newspaper", "state TV")."""
    lex = _lexicon()
    words = {tok.lemma_.lower()} | {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "appos", "nmod")}
    return bool(words & (lex["media"] | {"daily", "weekly", "tabloid", "news", "tv", "television", "radio"}))


# Words that set a sentence in a game: "an away fixture", "the qualifier", "the striker scored".
_SPORT = {"fixture", "fixtures", "qualifier", "qualifiers", "kick-off", "kickoff", "squad", "striker", "goalkeeper",
          "midfielder", "defender", "innings", "wicket", "touchdown", "quarterfinal", "quarter-final", "semifinal",
          "semi-final", "playoff", "playoffs", "play-off", "tournament", "league", "championship", "olympics", "medal",
          "scored", "goals", "match", "matches", "teammate", "teammates", "coach", "referee", "stadium", "season"}


def in_sport(sent) -> bool:
    """Whether a sentence is about a game: it has one of the words of sport as a common noun or verb (not inside a name:
    "the Anti-Defamation League")."""
    return any(t.lower_ in _SPORT and t.pos_ != "PROPN" and t.ent_type_ not in ("ORG", "FAC", "WORK_OF_ART") for t in sent)


def political(participants: list) -> bool:
    """Whether any participant is a political actor: of a political sector, or a state or a person or body the
    knowledge base places in one."""
    lex = _lexicon()
    return any(p.sector in lex["political"] or (p.country and p.actor_id) or _political_role(p.text, lex) for p in participants)


def _political_role(text: str, lex: dict) -> bool:
    """Whether a participant's words end in a political role noun, before the sectors are read ("African leaders",
    "the two governments", "Iraqi officials")."""
    words = (text or "").split()
    roles = role_sectors()
    return bool(words) and any(roles.get(form) in lex["political"] for form in plain_forms(words[-1].lower()))


def other_sense(head, etype: str, mode: str | None = None, actors: list | None = None) -> bool:
    """Whether a trigger's words are used in a sense that is no event of its type, whoever takes part: "the party
    has declined" (a fall), "declined to comment" (no comment), "released many kinds of games" (a product),
    "teachers striking" (a labour strike), "storm to the title" (a race). The classify task reads a text's type
    from candidates that pass this test. `actors` None: not known yet (an armed actor's strike is an attack)."""
    lemma = head.lemma_.lower()
    if etype in ("ASSAULT", "ACCUSE") and head.pos_ == "VERB" and lemma in ("fight", "combat", "tackle", "battle", "counter") and any(
            c.dep_ == "dobj" and _counted(c).lemma_.lower() in _PROBLEMS for c in head.children):
        return True  # "must come together to fight this threat of domestic extremism", "to combat corruption": a problem tackled, no one struck or accused
    if etype == "PROTEST" and lemma == "riot" and (head.dep_ in ("compound", "amod", "nmod") and head.head.lemma_.lower() in _RIOT_GEAR or any(
            c.dep_ == "dobj" and c.lemma_.lower() in _RIOT_GEAR for c in head.children)):
        # "riot police", "riot gear" (parsed too as a verb with its object: "deployed cannons and riot police"): what
        # the police are equipped for, no riot
        return True
    if etype == "REJECT" and head.pos_ == "VERB" and lemma == "decline" and not any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass") for c in head.children):
        return True  # "the party has declined since 1933": one declines something or to do it
    if etype == "REJECT" and head.pos_ == "VERB" and lemma == "decline" and _measured(head):
        return True  # "the population declined an average of 11 people a day", "declined 3 percent": a fall by so much
    if etype == "REJECT" and lemma in ("decline", "refuse") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in ("use", "call") and any(
                g.dep_ in ("dobj", "oprd") and (g.lemma_.lower() in _WORDING or any(
                    m.dep_ in ("compound", "amod", "det") and m.lemma_.lower() in _WORDING for m in g.children)) for g in c.children)
            for c in head.children):
        return True  # "declined to use the word blockade": a choice of words, no one's demand rejected
    if etype == "REQUEST" and lemma == "ask" and (head.tag_ == "VBN" and head.dep_ in ("advcl", "ROOT") and not any(
            c.dep_ == "agent" or c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children) or any(c.dep_ == "xcomp" and c.lemma_.lower() in _COMMENT for c in head.children)):
        return True  # "Asked to comment on Castro's announcement, a spokesman said": a reporter's question
    if etype == "REQUEST" and lemma == "call" and any(c.dep_ == "dobj" and c.lower_ == "time" for c in head.children):
        return True  # "calling time on his political career": an ending, no call for anything
    if etype == "REQUEST" and lemma in ("ask", "request") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in ("identify", "name", "quote", "disclose") and any(a.dep_ == "auxpass" for a in c.children)
            for c in head.children):
        return True  # "The person asked not to be identified": a source's anonymity, nothing asked of anyone
    if etype == "CONSULT" and lemma == "meet" and any(c.dep_ == "dobj" and _counted(c).lemma_.lower() in _STANDARDS for c in head.children):
        return True  # "tried hard to meet the standards": a bar reached, no one met
    if etype == "RETREAT" and lemma in ("retreat", "back") and any(
            g.dep_ == "pobj" and _counted(g).lemma_.lower() in _lexicon()["abstract"] | _STANCES
            for c in head.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children):
        return True  # "the department retreated from its position": a stance changed, no forces withdrawn
    if etype == "RETREAT" and lemma in ("retreat", "withdraw", "back", "pull") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _ARENAS
            for c in head.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children):
        return True  # "will not retreat from the world", "withdrew from public life": a stance or a life, no forces
    if etype == "REQUEST" and lemma == "insist" and any(c.dep_ == "ccomp" and _indicative(c) for c in head.children):
        return True  # "insisted that NATO was the best tool": a claim held to, asked of no one
    if etype == "REJECT" and lemma in ("decline", "refuse") and any(c.dep_ == "xcomp" and (c.lemma_.lower() in _WITHHELD or (
            c.lemma_.lower() in ("give", "provide", "offer", "make", "issue") and any(
                g.dep_ == "dobj" and _counted(g).lemma_.lower() in _DETAILS for g in c.children))) for c in head.children):
        # "declined to elaborate", "refused to comment", "declined to give a breakdown", "declined to make any
        # announcements": no one's demand rejected
        return True
    if etype == "ASSAULT" and lemma == "fire" and any(c.dep_ == "dobj" and names_someone(c) for c in head.children):
        return True  # "the president fired the minister at a cabinet meeting": a dismissal
    if (etype == "ASSAULT" and head.pos_ == "VERB" and lemma in _INTRANSITIVE_SENSES and not _patients(head)
            and not any(a.sector in _ARMED for a in actors or ())):
        return True  # "teachers striking in West Virginia", "Sutton would storm to the title"
    if etype == "PROTEST" and head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in _ENDING:
        return True  # "officials ended their boycott", "the union called off the strike": a protest ending, not one held
    if etype == "ASSAULT" and lemma in ("fight", "battle", "struggle") and head.pos_ == "VERB" and any(
            c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and not any(
                t.lemma_.lower() in _ARMS for t in head.sent)
            or c.dep_ == "prep" and c.lower_ in ("in", "through") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in ("court", "courts", "tribunal", "parliament", "congress", "media", "election")
                for g in c.children) for c in head.children):
        return True  # "have fought to keep the boy", "is fighting in the courts": an effort or a lawsuit, no combat
    if etype == "ASSAULT" and lemma in _CONTESTS and not any(t.lemma_.lower() in _ARMS for t in head.sent) and any(
            c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() not in _GROUND
                                                            for g in c.children)
            or head.pos_ == "NOUN" and c.dep_ == "acl" and c.lemma_.lower() not in _TAKING and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in head.children) and not any(
            c.dep_ == "prep" and c.lower_ in ("against", "with", "between") or c.dep_ == "dobj" for c in head.children):
        return True  # "their fight for safer mining practices", "fighting for custody", "the battle to secure his return": a cause, no combat
    if etype == "SANCTION" and mode == "discontinue" and any(
            c.dep_ in ("dobj", "nsubjpass") and _counted(c).lemma_.lower() in _BUSINESS and not trade_partners(c) for c in head.children):
        return True  # "suspended work on a plant", "suspending arbitrage trading": a firm's own business ("trade with Georgia" is a tie cut)
    if etype == "MOBILIZE" and head.pos_ == "NOUN" and any(
            g.dep_ == "pobj" and not names_someone(_counted(g)) and _counted(g).lemma_.lower() not in _lexicon()["vehicles"] | _ARMS
            for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
        return True  # "the mobilization of 12 million doses of Tamiflu", "the deployment of resources": things, no forces
    if etype == "REQUEST" and lemma == "count" and not any(c.dep_ in ("xcomp", "advcl") or c.dep_ == "prep" and any(
            g.dep_ == "pobj" and any(x.dep_ == "acl" for x in g.children) for g in c.children) for c in head.children):
        return True  # "officials are counting on compensation": an expectation; "I count on Turkey to act" asks
    if etype == "REQUEST" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("anonymity", "confidentiality") for c in head.children):
        return True  # "both officials requested anonymity": how a source is quoted
    if etype == "ASSAULT" and lemma in _CONTESTS and _trade_talk(head.sent):
        return True  # "China vowed to fight the U.S. 'at any cost' after Trump proposed tariffs": a trade fight
    if etype == "ASSAULT" and head.pos_ == "NOUN" and lemma in _CONTESTS and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in _UNARMED for c in head.children):
        return True  # "a legal battle", "the trade war", "a custody fight": a contest without arms
    if etype == "ASSAULT" and lemma in _CONTESTS and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _FORUMS for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "against", "in")
            for g in c.children):
        return True  # "a months-long battle with the courts", "fought the ruling in court": a lawsuit, no combat
    if etype == "ACCUSE" and lemma == "designate" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _lexicon()["offices"] for c in head.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children):
        return True  # "designated Wiranto as the nation's security minister": an appointment, no charge
    if etype == "ACCUSE" and lemma == "charge" and any(
            g.dep_ in ("pcomp", "pobj") and _gerund_lemmas(g) & _DUTIES for c in head.children if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children):
        return True  # "charged the inspectors with verifying ...", "charged with the task of": a duty given, no crime
    if etype == "AGREE" and lemma == "agree" and head.pos_ == "VERB" and _alone(head):
        return True  # "the governor agreed, saying only this group could have done it": sharing a view, no agreement
    if etype == "AGREE" and lemma == "deal" and head.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lemma_.lower() in ("great", "good") for c in head.children):
        return True  # "has given the Islamic Trust a great deal of autonomy": a quantity, no deal
    if etype == "AGREE" and lemma == "agree" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _VIEWS for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children):
        return True  # "the court didn't agree with Amazon's stance": sharing or not a view, no agreement made
    if etype == "ASSAULT" and _accident(head.sent):
        return True  # "was driving erratically ... struck a motorcycle", "struck a guard rail and flipped": a crash
    if etype == "MOBILIZE" and head.pos_ == "VERB" and lemma in ("deploy", "reinforce"):
        objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        if objects and all(_counted(o).lemma_.lower() in _DEVICES | _lexicon()["non_patients"] | _lexicon()["abstract"] for o in objects):
            return True  # "deployed a camera", "deployed all the necessary preparations", "reinforce customer service": no forces
        if objects and all(_civil_team(o) for o in objects):
            return True  # "the FDA deployed a team of ten investigators", "WHO has deployed personnel": no forces
    if etype == "COERCE" and head.pos_ == "NOUN" and lemma == "arrest" and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in _BODILY for c in head.children):
        return True  # "had a cardiac arrest": the heart stopping, no one arrested
    if etype == "ASSAULT" and head.pos_ == "NOUN" and lemma == "attack" and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in _BODILY | _AILMENTS for c in head.children):
        return True  # "a heart attack", "an asthma attack", "a panic attack": an illness, no one's blow
    if etype == "COERCE" and lemma == "occupy":
        occupied = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] + ([head.head] if head.dep_ == "acl" else [])
        if occupied and all(_counted(o).lemma_.lower() in _lexicon()["vehicles"] | _SEATS for o in occupied):
            return True  # "the first vehicle, occupied by a male adult driver": someone in a car or a seat, no seizure
    if etype == "RETREAT" and lemma == "withdraw" and any(
            c.dep_ == "dobj" and _counted(c).lemma_.lower() in _MONEY for c in head.children):
        return True  # "continued withdrawing her monthly pension": money taken out, no retreat
    if head.pos_ == "NOUN" and head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN" and (
            etype in ("ASSAULT", "MOBILIZE") and head.head.lemma_.lower() in _UNITS
            or head.head.lemma_.lower() in _PROVISIONS | _TEXTS):
        return True  # "Army air assault forces", "attack helicopters": a kind of unit; "an economic cooperation plan": a kind of text
    if etype == "COERCE" and lemma == "seize" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _CHANCES | _lexicon()["non_patients"] for c in head.children):
        return True  # "seize the initiative", "seized the opportunity": no one's goods or land taken
    if etype == "ASSAULT" and head.tag_ == "VBG" and (head.dep_ == "amod" or lemma == "detonate" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("cord", "wire", "fuse", "cap") for c in head.children)):
        return True  # "detonating cord" (however parsed), "a firing range": a thing named by what it does
    if etype == "PROTEST" and mode == "obstruct" and head.pos_ == "VERB" and any(
            c.dep_ == "dobj" and _counted(c).lemma_.lower() in _lexicon()["abstract"] | _DEALS for c in head.children):
        return True  # "filed a lawsuit to block a tender offer": a bid or a plan stopped, no one's way blocked
    if etype == "REQUEST" and lemma == "call" and any(c.dep_ == "nsubj" and _counted(c).lemma_.lower() in _PROVISIONS for c in head.children):
        return True  # "the company's strategy calls for a narrow focus", "the plan calls for": what a text provides
    if etype == "RETREAT" and lemma in ("resign", "step", "quit") and any(
            g.dep_ == "pobj" and _counted(g).lemma_.lower() in _COMPANY_POSTS for c in head.children
            if c.dep_ == "prep" and c.lower_ in ("as", "from") for g in c.children):
        return True  # "resigned as general manager", "stepped down as chief executive": a company's staff change
    if etype == "COERCE" and lemma == "occupy" and any(
            c.dep_ in ("dobj", "nsubjpass") and _counted(c).lemma_.lower() in _POSTS for c in head.children):
        return True  # "he has never occupied any public office", "occupies the presidency": holding a post, no seizure
    if etype == "ASSAULT" and lemma in _WINS and _in_contest(head):
        return True  # "Labour beat the Conservatives in the vote", "defeated him in the final": a win, not a blow
    if _power_granted(head):
        return True  # "gives prosecutors broad authority to seize assets", "has the power to veto": a power, not its use
    if etype == "SANCTION" and head.pos_ == "VERB" and lemma == "sanction" and any(
            c.dep_ in ("dobj", "nsubjpass") and _counted(c).lemma_.lower() in _lexicon()["abstract"] | _PROVISIONS | _UNDERTAKINGS
            for c in head.children):
        return True  # "London finally sanctioned the governor's efforts", "sanctioned the plan": approved, no penalty
    if etype == "ASSAULT" and head.pos_ == "NOUN" and head.dep_ in ("compound", "amod") and head.head.lemma_.lower() in _TALLIES:
        return True  # "a 10-for-27 shooting line", "shooting percentage", "a shooting guard": a sport's tally
    if etype == "RETREAT" and head.pos_ == "NOUN" and lemma == "release" and head.dep_ == "nsubj" and head.head.lemma_.lower() in _SAYING:
        return True  # "the DOJ release states that ...": a press release speaking, no one freed
    if etype == "ACCUSE" and lemma == "complain" and any(
            c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "about" and any(
                g.dep_ == "pobj" and _counted(g).lemma_.lower() in _lexicon()["hazards"] | _NUISANCES for g in c.children))
            for c in head.children):
        return True  # "complained of symptoms", "complaining about the smoke": an ailment or a nuisance, no one blamed
    if etype == "THREATEN" and lemma == "warn" and any(
            g.dep_ == "pobj" and _counted(g).lemma_.lower() in _lexicon()["hazards"] | _NUISANCES | _PERILS
            for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "against") for g in c.children):
        return True  # "warning of travel to Congo", "warned of the spread of the virus": advice, no threat
    if etype in ("ASSAULT", "COERCE") and mode not in ("seize", "confiscate"):
        struck = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        if struck and all(_counted(o).lemma_.lower() in _ANIMALS for o in struck):
            return True  # "workers rounded up the goats", "culled 6,500 hogs": animals, no one's person
    if etype == "RETREAT" and mode == "release":
        objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] or (
            [head.head] if head.dep_ == "acl" and head.tag_ == "VBN" else []) or (  # "the latest data released by the agency"
            [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            if head.pos_ == "NOUN" else [])  # "calls for the release of racial data"
        # "a video which was released by ISIS fighters": what the relative pronoun stands for
        objects = [head.head if o.lower_ in ("which", "that") and head.dep_ == "relcl" else o for o in objects]
        if objects and all((o.ent_type_ in ("PRODUCT", "WORK_OF_ART", "ORG", "LAW", "EVENT") or not names_someone(o))
                           and o.lemma_.lower() not in _PENALTIES for o in objects):
            return True  # "released Red Hat Enterprise Linux", "released many kinds of games": a thing, not a prisoner
    return False


_OWN_POSSESSIVES = {"our", "my"}  # the warner's own words ("our targets"); "their economy would suffer" foretells


def _menaces(warn) -> bool:
    """Whether a warning threatens: of a harm the warner would do ("warned of consequences", "warned of retaliation"),
    or that the warner (a pronoun or the warner's own words) will or would act ("warned that it would strike back")."""
    subjectless = [c for c in warn.children if c.dep_ == "ccomp" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    warned = [warn] + [c for c in warn.children if c.dep_ in ("dobj", "dative") and not any(
        k.i > c.i for k in subjectless)]  # "warned the US of consequences" (but "warned the perpetrators of the attack may be ..." is a clause's subject)
    if len(warned) > 1 and any(c.dep_ == "prep" and c.lower_ == "against" for t in warned for c in t.children):
        return True  # "warned Russia against an invasion of Ukraine": deterring someone from an act
    if any(g.dep_ == "pobj" and _counted(g).lemma_.lower() in _MENACES
           for t in warned for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "against") for g in c.children):
        return True
    own = {t.lemma_.lower() for c in warn.children if c.dep_ == "nsubj" for t in c.subtree}
    for clause in (c for c in warn.children if c.dep_ in ("ccomp", "conj") and c.pos_ in ("VERB", "AUX")):
        subjects = [g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")]
        modal = any(a.dep_ == "aux" and a.lemma_.lower() in ("will", "would", "shall", "could", "might", "may") for a in clause.children)
        if modal and clause.lemma_.lower() not in _CONSEQUENCES and any(
                s.pos_ == "PRON" and s.lower_ not in ("there", "this", "that") or s.lemma_.lower() in own
                or any(g.dep_ == "poss" and g.lower_ in _OWN_POSSESSIVES for g in s.children) for s in subjects):
            # ("we warn the Saudis that our targets will keep expanding": the warner's own side acts)
            return True  # (but "warned that it may lead to a full-scale civil war" foretells what a course will bring)
        if any(_counted(s).lemma_.lower() in _THREAT_WORDS and not (_definite(s) and any(g.dep_ == "dobj" for g in clause.children))
               for s in subjects):
            # "warning Saddam Hussein that the threat of force is real", "warned that measures would follow" (but "warned
            # that the measures may hinder Albanian efforts": what measures already taken will do, a forecast)
            return True
    return False


def _definite(noun) -> bool:
    """Whether a noun phrase names something already known ("the measures", "its sanctions"), not one to come."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this", "that") or c.dep_ == "poss" for c in noun.children)


# What a course of events does when a warning foretells it ("it may lead to civil war"): no act of the warner's.
_CONSEQUENCES = {"lead", "cause", "result", "spark", "trigger", "spiral", "spread", "provoke", "plunge", "fuel", "worsen", "destabilize",
                 "destabilise", "undermine", "jeopardize", "jeopardise", "threaten", "harm", "damage", "hurt"}


# What a warning names when it threatens the warner's own harm.
_MENACES = {"consequence", "retaliation", "response", "reprisal", "action", "measure", "sanction", "war", "attack", "strike",
            "force", "punishment", "revenge", "escalation", "countermeasure", "retribution", "repercussion"}
_THREAT_WORDS = _MENACES | {"threat"}  # what a warned-of clause's subject may be when it threatens


def _defused(head, actors: list) -> bool:
    """Whether a detonation is the disposal of an explosive by the state ("troops detonated a car bomb that had been
    abandoned", "UN officials detonated the last mines at a ceremony"), not an attack."""
    if head.lemma_.lower() not in ("detonate", "explode", "blow") or not actors:
        return False
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(_counted(o).lemma_.lower() in _EXPLOSIVES for o in objects) and all(
        a.sector in STATE_SECTORS or a.sector == "IGO" for a in actors)


_EXPLOSIVES = {"bomb", "mine", "landmine", "device", "explosive", "ordnance", "shell", "grenade", "ied", "munition", "charge"}
# Sectors of the state's own organs (the events stage reads them too).
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# What one can agree or disagree with without an agreement: a view, not a party.
_VIEWS = {"stance", "view", "position", "argument", "assessment", "opinion", "claim", "analysis", "conclusion", "reasoning",
          "interpretation", "statement", "idea", "sentiment", "notion", "premise", "approach", "characterization", "characterisation"}


def _power_granted(head) -> bool:
    """Whether a verb is what a power or a right allows ("the authority to seek to freeze or seize assets")."""
    tok = head
    for _ in range(4):
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in _POWERS and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return True
        if tok.dep_ not in ("conj", "xcomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# Powers and rights: what they allow one to do has not been done ("the authority to seize assets").
_POWERS = {"authority", "power", "right", "ability", "capacity", "mandate", "permission", "freedom", "license", "licence",
           "authorization", "authorisation", "means", "jurisdiction", "discretion"}
# What one retreats from only in a figure of speech.
_ARENAS = {"world", "stage", "spotlight", "limelight", "life", "politics", "view", "scene", "society", "fray", "mainstream"}
# What one approves when one "sanctions" it, besides plans and provisions.
_UNDERTAKINGS = {"effort", "project", "construction", "building", "use", "expansion", "change", "sale", "purchase", "request",
                 "marriage", "union", "transfer", "scheme", "venture", "undertaking", "expedition", "mission", "work"}
# Deeds one may be blamed for, by "attributed the bombing to the rebels".
_DEEDS = {"attack", "attacks", "bombing", "blast", "explosion", "killing", "murder", "shooting", "assassination", "abduction",
          "kidnapping", "massacre", "raid", "strike", "airstrike", "shelling", "crash", "fire", "violence", "unrest", "leak",
          "hack", "cyberattack", "poisoning", "incident", "crime"}
# Those one beats in a game or a contest.
_CONTESTANTS = {"player", "team", "opponent", "champion", "rival", "contender", "competitor", "side", "squad", "club", "record",
                "challenger", "incumbent", "favourite", "favorite", "seed", "runner"}
# What a sport's scorer counts: "shooting" before it is no gunfire.
_TALLIES = {"line", "percentage", "guard", "slump", "streak", "performance", "touch", "form", "range", "stats", "statistics",
            "drill", "practice", "session", "display", "accuracy", "average", "record", "night", "clinic", "efficiency"}
# Nuisances and dangers one complains of or warns about without blaming anyone.
_NUISANCES = {"smoke", "noise", "smell", "odour", "odor", "pain", "heat", "cold", "weather", "traffic", "pollution", "symptom",
              "ash", "dust", "fume", "headache", "illness", "sickness", "fatigue", "condition", "delay", "shortage", "cost", "price"}
_PERILS = {"travel", "trip", "danger", "risk", "spread", "scam", "fraud", "contamination", "infection", "exposure"}
_ANIMALS = {"animal", "goat", "sheep", "cattle", "cow", "bull", "horse", "donkey", "camel", "pig", "hog", "boar", "swine", "dog",
            "cat", "bird", "chicken", "poultry", "duck", "goose", "turkey", "livestock", "deer", "elephant", "rhino", "lion",
            "tiger", "bear", "wolf", "monkey", "rat", "mouse", "mosquito", "fish", "shark", "whale", "dolphin", "seal", "piglet",
            "calf", "lamb", "herd", "flock"}


# Objects that are the doer: harm done to them is done to no one else.
_REFLEXIVES = {"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself", "oneself"}


_QUANTIFIERS = {"many", "most", "some", "few", "several", "plenty", "lot", "lots", "number", "majority"}


def _quantified(subject) -> bool:
    """A subject that counts some of a kind of people, none named ("many doctors", "plenty of experts", "a lot of voters")."""
    counted = _counted(subject) if subject.lemma_.lower() not in ("plenty", "lot", "lots", "majority") else next(
        (g for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), subject)
    if counted.pos_ != "NOUN" or counted.tag_ != "NNS" or counted.ent_type_:
        return False
    return subject.lemma_.lower() in _QUANTIFIERS or any(
        c.dep_ in ("amod", "det") and c.lower_ in _QUANTIFIERS for c in counted.children)


# Money one may withdraw from an account.
_SAVINGS = {"money", "cash", "fund", "funds", "savings", "deposit", "deposits"}
# Participles that count the toll of one attack.
_TOLLS = {"kill", "wound", "injure", "leave"}
# Social ills a government "fights" or "combats" by policy, not by force against anyone.
_ILLS = {"insecurity", "corruption", "poverty", "crime", "inflation", "hunger", "unemployment", "extremism", "terrorism", "racism",
         "discrimination", "injustice", "impunity", "illiteracy", "trafficking", "smuggling", "fraud", "pollution", "misinformation",
         "disinformation", "radicalization", "radicalisation", "malnutrition", "inequality", "homelessness"}


# Prepositions placing something beside a force ("near an army patrol"), and verbs that strike one ("ambushed a convoy").
_BESIDE = {"near", "beside", "by", "at", "on", "against", "behind", "outside", "alongside", "past", "toward", "towards"}
_STRUCK_AT = {"attack", "ambush", "hit", "target", "strike", "bomb", "shell", "fire", "ram", "stop", "block", "intercept"}


# Words that make "demand" a market's: its size, its trend or whose buying it is.
_MARKET_WORDS = {"increase", "increased", "increasing", "grow", "growing", "rise", "rising", "strong", "high", "higher", "low", "lower",
                 "weak", "weaker", "significant", "huge", "global", "domestic", "consumer", "market", "fall", "falling", "decline",
                 "declining", "soar", "soaring", "surge", "surging", "robust", "sluggish", "heavy", "big", "great", "greater",
                 "stronger", "energy", "oil", "export", "import", "seasonal", "overall", "customer", "pent"}
# What a market's demand is for ("demand for its products", "demand for oil").
_GOODS = {"product", "good", "oil", "gas", "energy", "commodity", "export", "import", "steel", "coal", "housing", "credit", "car",
          "vehicle", "electricity", "fuel", "grain", "wheat", "rice", "ticket", "tourism", "metal", "copper", "gold", "currency",
          "bond", "share", "item", "device", "chip", "crop", "apartment", "home", "property"}
# What is said and heard, not done: "shot down rumours".
_HEARSAY = {"rumor", "rumour", "speculation", "suggestion", "theory", "talk", "report", "story", "claim", "idea"}


def within_reach(tok):
    """The words before a pronoun that it may point back at: those of its own sentence and of the one before."""
    start = tok.sent.start if tok.sent.start == 0 else tok.doc[tok.sent.start - 1].sent.start
    return tok.doc[start:tok.i]


def _a_thing_referred_to(pron) -> bool:
    """Whether "it" or "them" stands for a thing: the nearest noun of its number before it, in its sentence or the
    one before, names no one ("obtained the Telegram messages and released them")."""
    if pron.lower_ not in ("it", "them"):
        return False
    tag = "NNS" if pron.lower_ == "them" else "NN"
    nouns = [t for t in within_reach(pron) if t.tag_ in (tag, "NNP" if tag == "NN" else "NNPS") and t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")]
    return bool(nouns) and nouns[-1].pos_ == "NOUN" and not nouns[-1].ent_type_ and not names_someone(nouns[-1])


def _by_the_constitution(head) -> bool:
    """Whether a trigger is in a present-tense clause (or a clause joined to one) that tells what a constitution or a
    charter has happen: "Under the U.S. Constitution, the House impeaches the official and then the impeachment trial
    is conducted in the Senate". A new law's effect ("Under the new law, Russia bans foreign NGOs") is news."""
    verb = head
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children) and any(
                c.dep_ == "prep" and c.lower_ == "under" and any(g.dep_ == "pobj" and g.lemma_.lower() in _CHARTERS for g in c.children)
                for c in verb.children):
            return True
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


_CHARTERS = {"constitution", "charter", "statute"}
_PERMITS = {"allow", "enable", "permit", "let", "authorize", "authorise", "empower", "require", "oblige", "force"}


# What a legislature votes on: passing or throwing one out is no event.
_LAWS_VOTED = {"bill", "law", "legislation", "motion", "amendment", "budget", "draft"}
# Types that can be a stance held as well as an act done.
_HELD_TYPES = {"SUPPORT", "REJECT", "AGREE", "CONCEDE", "REQUEST", "ACCUSE", "COOPERATE"}
_POLL_SHARES = {"percent", "%", "percentage", "proportion"}


def _poll_share(head) -> bool:
    """Whether the clause of `head` has a share of people for its subject ("58.5 percent of the population are willing
    to ...", "a majority of respondents backed ..."): what a poll or a count found, no one's act."""
    tok = head
    for _ in range(5):
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:  # the nearest clause with a subject decides
            if subject.lemma_.lower() in _POLL_SHARES or subject.lower_ == "cent" or any(
                    c.lower_ in _POLL_SHARES or c.lower_ == "cent" for c in subject.children if c.dep_ in ("compound", "nummod")):
                return True
            return subject.lemma_.lower() in ("majority", "minority") and any(
                g.lemma_.lower() in ("respondent", "poll", "survey") for c in subject.children if c.dep_ == "prep" for g in c.children)
        if tok.head.i == tok.i or tok.dep_ in ("relcl", "advcl", "conj", "parataxis"):
            return False
        tok = tok.head
    return False


def _braced_for(noun) -> bool:
    """Whether a named attack is what its clause's subject braces itself for ("is bracing for an attack", "prepared
    themselves for a cyber attack"), with no doer of its own named ("by", a possessor): the subject awaits it.
    ("The army is preparing for an attack on the city" may be its own attack, and stays.)"""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "for" or any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "by" for c in noun.children):
        return False
    verb = noun.head.head
    lemma = verb.lemma_.lower()
    return lemma in ("brace", "steel") or lemma in ("prepare", "ready", "gird") and any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in verb.children)


# Adverbs telling how widely an opinion is held ("largely support"): a population's view, not an act.
_SHARE_ADVERBS = {"largely", "broadly", "overwhelmingly", "mostly", "generally", "widely", "mainly"}
# What a designation brands someone as when it accuses ("designated the group as a terrorist organization").
_BRANDS = {"terrorist", "terror", "terrorism", "extremist", "sponsor", "enemy", "threat", "violator", "manipulator", "criminal",
           "hostile", "rogue", "concern", "agent", "spy", "foreign", "undesirable", "traitor", "separatist", "illegal"}


# What a standing agreement does as its term runs ("the deal expires", "the treaty remains in force").
_TERMS_RUN = {"expire", "lapse", "run", "remain", "stay", "cover", "last", "allow", "require", "provide", "include", "apply"}


def _let_by_a_text(head, lex) -> bool:
    """Whether a trigger tells what a law or an agreement lets or makes someone do, as it stands ("The new law allows the
    Prime Minister to recall his cabinet for talks", "The agreement does not allow the Army Corps to use force to
    disperse the homeless"): the text's content, no happening."""
    tok = head
    for _ in range(5):
        if tok.head.i == tok.i or tok.dep_ not in ("xcomp", "ccomp", "advcl", "prep", "pobj", "dobj", "pcomp", "acl"):
            return False
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _PERMITS:
            return (tok.tag_ in ("VBZ", "VBP") or tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ != "to" for c in tok.children)) and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in lex["laws"] | _ACCORD_TEXTS for c in tok.children)
    return False


# Agreements that, once made, stand as texts ("the agreement allows ...").
_ACCORD_TEXTS = {"agreement", "deal", "treaty", "accord", "pact", "convention", "protocol", "memorandum"}


# Broad camps of opinion: criticism aimed at one of them, unspecified, is commentary, not an accusation of anyone.
_CAMPS = {"critic", "opponent", "detractor", "naysayer", "skeptic", "sceptic", "doubter", "enemy", "hater"}


def _at_a_camp(verb) -> bool:
    """Whether a verb of criticism is aimed only at a broad camp with nothing to single it out ("railed against critics",
    "attacked his opponents" are; "attacked opponents of the reform", "the critics who wrote the letter" are not)."""
    targets = [g for c in verb.children if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("against", "at", "on")
               for g in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])]
    return bool(targets) and all(
        t.lemma_.lower() in _CAMPS and t.tag_ == "NNS" and not any(
            c.dep_ in ("compound", "amod", "prep", "relcl", "acl", "appos") or c.dep_ == "det" and c.lower_ in ("the", "these", "those")
            for c in t.children) for t in targets)


_ONE_DAY = {"today", "tonight", "yesterday"}


@lru_cache(maxsize=1)
def _day_words() -> frozenset[str]:
    """Words that name one day or month: the times lexicon's months and full weekday names, and "today"."""
    lex = times.lexicon()
    return frozenset(lex["months"]) | frozenset(w for w in lex["weekdays"] if w.endswith("day")) | _ONE_DAY


def _dated(verb) -> bool:
    """Whether a present-tense verb's clause names the day it happened ("Trump meets Pena Nieto ... July 7, 2017", "holds
    talks ... on April 24, 2018", "accepts the demands on Friday"): a caption's or a headline's present, told of one
    occasion, not a habit ("meets every Friday")."""
    skip = {t.i for c in verb.children if c.dep_ in ("advcl", "relcl", "ccomp", "conj") for t in c.subtree}
    words = [t for t in verb.subtree if t.i not in skip]
    if any(t.lower_ in ("every", "each", "usually", "often", "always") for t in words):
        return False
    return any(t.ent_type_ == "DATE" and (t.lower_.rstrip(".") in _day_words() or t.like_num and len(t.text) == 4)
               for t in words)


def not_an_event(head, etype: str, mode: str | None, actors: list, recipients: list) -> bool:
    """Candidates that name no happening: generic or habitual statements ("The people collaborate in their own
    community"), acts on things that cannot undergo them ("released a statement", "released findings", "offer
    flights"), and talks with no one to talk to ("X discussed climate change")."""
    lex = _lexicon()
    if other_sense(head, etype, mode, actors):
        return True
    if etype == "AGREE" and head.lemma_.lower() == "commit" and head.dep_ == "acomp" and head.head.lemma_.lower() in ("be", "remain", "stay") \
            and head.head.tag_ in ("VBZ", "VBP"):
        return True  # "India is committed to investing", "Russia remains committed to the ceasefire": a stance held, no pledge made
    if etype == "ACCUSE" and head.pos_ == "VERB" and _at_a_camp(head):
        return True  # "Trump railed against critics during his first campaign rally": commentary on a broad camp (the guide)
    if etype == "SUPPORT" and head.pos_ == "VERB" and head.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "advmod" and c.lower_ in _SHARE_ADVERBS for c in head.children):
        return True  # "Lithuanians largely support Russia's intervention": an opinion held, no support given
    if etype == "ACCUSE" and head.lemma_.lower() == "designate" and not any(
            t.lemma_.lower() in _BRANDS for c in head.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree):
        return True  # "designate Monaco as an official European city": a status given, not a terrorist or an enemy named
    if mode == "release" and head.pos_ == "VERB" and not any(c.dep_ in ("dobj", "nsubjpass") for c in head.children) and any(
            _counted(g).lemma_.lower() in lex["non_patients"] | {"publication"} for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"):
        return True  # "released for publication for the first time documents showing ...": papers, however parsed
    if mode == "release" and head.tag_ == "VBN" and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in head.children):
        before = head.doc[head.i - 2] if head.i >= 2 and head.doc[head.i - 1].text == "," else head.doc[head.i - 1] if head.i else None
        if before is not None and before.pos_ == "NOUN" and _counted(before).lemma_.lower() in lex["non_patients"]:
            return True  # "according to the report, released by the committee": the participle tells of the report
    if etype == "CONSULT" and mode == "visit" and head.pos_ == "VERB" and head.lemma_.lower() in ("arrive", "come") and not any(
            c.dep_ in ("prep", "dobj") or c.dep_ == "advmod" and c.lower_ in ("here", "there", "home", "back") for c in head.children):
        return True  # "police believe he was dead for six days before police arrived": arriving nowhere named visits no one
    if etype in ("AGREE", "COOPERATE") and head.pos_ == "NOUN" and head.dep_ == "nsubj" and head.head.lemma_.lower() in _TERMS_RUN:
        return True  # "Bulgaria's association agreement with the EU expires tomorrow": a standing text running its course
    if etype in ("ASSAULT", "COERCE", "THREATEN") and _braced_for(head):
        return True  # "Kiribati has been preparing itself for a cyber attack": whoever braces is the target, its doer unnamed
    if etype in _HELD_TYPES and _poll_share(head):
        return True  # "58.5 percent of the population are willing to make concessions": an opinion poll's finding
    if etype in ("REJECT", "AGREE", "SUPPORT") and actors and all(a.sector == "LEG" for a in actors) and head.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _LAWS_VOTED for c in head.children):
        return True  # "Namibia's parliament rejected the bill by 90 votes to none": a vote on a law (the guide codes none)
    permit = head.head if head.dep_ in ("ccomp", "xcomp") else None
    if (permit is not None and permit.lemma_.lower() in _PERMITS and permit.dep_ in ("relcl", "acl")
            and permit.head.lemma_.lower() in lex["laws"]):
        # "a law that would have allowed China to extradite suspects", "an amendment to allow the government to
        # extradite anyone": what a law would let someone do is its content, no happening.
        return True
    if _let_by_a_text(head, lex):
        return True
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # ("to arrest and detain anyone": both are what is allowed)
    allowed_by = first.head if first.dep_ in ("ccomp", "xcomp") else None
    if allowed_by is not None and allowed_by.lemma_.lower() in _PERMITS and allowed_by.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "nsubj" and (c.lower_ in ("it", "this") or c.lemma_.lower() in lex["laws"]) for c in allowed_by.children):
        # "It allows authorities to arrest and detain anyone they want": the power a law gives, no arrest
        return True
    if (head.pos_ == "VERB" and head.tag_ in ("VBZ", "VBP") and etype in _MATERIAL and head.dep_ not in ("advcl", "relcl")
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in head.children) and not _dated(head)):
        return True
    verb = _verb_of(head)
    if etype != "THREATEN" and _ability(verb) and not (
            etype in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE") and verb.dep_ == "ccomp"
            or any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in verb.children)):
        # "the agency can impose sanctions on members", "it currently can prosecute war crimes": a power, no happening
        # (but "Iran said it can strike Israel if attacked" warns: force one says one can use is a threat)
        return True
    if _by_the_constitution(head):
        return True  # "Under the Constitution, the House impeaches the official": what the law has happen, no happening
    if (verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and (etype in _MATERIAL | {"PROTEST"} or not names_someone(verb.head) and any(
                c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in verb.children))):
        # "a former prisoner who leads anti-Orange protests", "the safari resorts that Kenya offers": a description of
        # someone or something, not a happening ("critics who blame him" still accuse).
        return True
    if etype == "RETREAT" and head.lemma_.lower() == "withdraw" and (any(
            c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "MONEY" or _counted(c).lemma_.lower() in lex["currency"] | _SAVINGS)
            for c in head.children) or any(
            g.lemma_.lower() in ("account", "bank", "atm") for c in head.children if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children if g.dep_ == "pobj")):
        return True  # "withdrew $1,273.80 from her bank account": money taken out, no one withdrawn
    if etype == "ASSAULT" and head.pos_ == "VERB" and head.lemma_.lower() == "shoot" and any(
            c.dep_ == "prt" and c.lower_ == "down" for c in head.children) and any(
            c.dep_ in ("dobj", "nsubjpass") and _counted(c).lemma_.lower() in lex["abstract"] | _HEARSAY for c in head.children):
        return True  # "shot down rumours of a V8", "shot down the proposal": words denied, no aircraft downed
    partners = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    if etype == "CONSULT" and head.pos_ == "VERB" and head.lemma_.lower() in ("speak", "talk") and partners and not any(
            names_someone(g) for g in partners):
        return True  # "a spokesman, speaking with customary anonymity": how one spoke, not with whom
    if (etype == "AGREE" and head.lemma_.lower() == "agree" and head.tag_ in ("VBP", "VBZ") and not any(
            c.dep_ in ("aux", "dobj", "xcomp") or c.dep_ == "prep" and c.lower_ in ("to", "on", "upon") for c in head.children)):
        return True  # "both Nelson and Banks agree, ... has been a process": a view they share, no agreement made
    if (head.pos_ == "VERB" and head.tag_ == "VBN" and head.dep_ == "relcl" and etype in _MATERIAL
            and any(c.dep_ == "advmod" and c.lower_ == "where" for c in head.children)
            and [(c.dep_, c.tag_) for c in head.children if c.dep_ in ("aux", "auxpass")] in ([("auxpass", "VBZ")], [("auxpass", "VBP")])):
        return True  # "the police station, where migrants are also detained": what a place is for, no happening
    if (head.pos_ == "VERB" and head.tag_ == "VBN" and etype in _MATERIAL and head.dep_ not in ("advcl", "relcl")
            and [(c.dep_, c.tag_) for c in head.children if c.dep_ in ("aux", "auxpass")] in ([("auxpass", "VBZ")], [("auxpass", "VBP")])
            and not any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in _TOLLS for c in head.children)):
        # (but "two malls are bombed by rebels, killing six": a headline's present, with the toll of one attack)
        return True  # "these seats are often occupied by ...", "aid is delivered by the agency": what usually happens
    if etype == "SUPPORT" and head.pos_ == "VERB" and head.lemma_.lower() in ("recognize", "recognise") and (
            head.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in head.children)
            or head.tag_ == "VBN" and [(c.dep_, c.tag_) for c in head.children if c.dep_ in ("aux", "auxpass")] in ([("auxpass", "VBZ")], [("auxpass", "VBP")])):
        return True  # "it still recognizes the monarch as head of state", "which is recognized only by Turkey": a standing status
    if etype == "PROTEST" and mode == "strike" and head.pos_ == "NOUN" and any(
            c.dep_ in ("compound", "amod") and (c.lemma_.lower() in _NOT_LABOUR or c.lemma_.lower() in lex["hazards"]) for c in head.children):
        return True  # "intense lightning strikes", "drone strikes", "a precision strike": no one stopped work
    if etype == "PROTEST" and head.pos_ == "VERB" and head.lemma_.lower() in lex["show"] and any(c.dep_ in ("dobj", "ccomp") for c in head.children):
        return True  # "demonstrated a shocking ignorance", "sought to demonstrate that ...", "rallied support": showing, no protest
    if etype == "PROTEST" and head.pos_ == "NOUN" and head.dep_ == "compound" and head.head.pos_ == "NOUN" \
            and head.head.lemma_.lower() not in _PROTEST_HEADS:
        return True  # "the demonstration phase", "protest leaders": a kind of thing, no protest that took place
    if etype == "PROTEST" and head.pos_ == "NOUN" and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in lex["campaign"] for c in head.children):
        return True  # "a campaign rally", "political rallies": an election event
    if etype == "PROTEST" and head.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for c in head.children):
        return True  # "a demonstration of Batman: Arkham VR": a showing of a thing
    if etype == "PROTEST" and head.pos_ == "NOUN" and head.lemma_.lower() == "rally" and actors and all(
            _is_person(head.doc, a) and (a.sector == "GOV" or _spoken_at(head)) for a in actors):
        return True  # "Trump held his first indoor rally", "Gorka also spoke in the rally": a ruler's or a speaker's rally
    if etype == "PROTEST" and head.pos_ == "NOUN" and head.tag_ == "NN" and head.lemma_.lower() in ("protester", "protestor", "demonstrator") and (
            head.dep_ == "compound" and head.head.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)):
        return True  # "said protester Yusef Serkalmi", "the demonstrator, Ali Hassan, said": who someone is, no protest told
    if etype == "MOBILIZE" and any(c.dep_ == "dobj" and "security" in {c.lemma_.lower(), *(g.lemma_.lower() for g in c.children if g.dep_ == "compound")}
                                   for c in head.children) and not political(actors) and not any(
            _words(a.text) & _STATE_WORDS for a in actors):
        return True  # "the company tightened security on its servers": guarding property, no force raised
    if etype in ("ASSAULT", "COERCE") and head.pos_ == "VERB" and head.lemma_.lower() == "disperse" and not any(
            c.dep_ in ("dobj", "auxpass", "nsubjpass", "agent") for c in head.children):
        return True  # "Protesters dispersed after two hours": a crowd that went home, no one dispersing it
    if etype == "ASSAULT" and _defused(head, actors):
        return True
    if head.pos_ == "VERB" and head.tag_ == "VBP" and not any(c.dep_ in ("aux", "auxpass") for c in head.children) and any(
            _quantified(c) for c in head.children if c.dep_ == "nsubj") and not any(
            c.dep_ in ("dobj", "dative") and (c.pos_ == "PROPN" or c.ent_type_ or any(
                d.dep_ == "poss" or d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)) for c in head.children):
        # "plenty of health experts recommend vitamin D", "many doctors urge parents to ...": what some of a kind do (but
        # "many aid workers urge the government to ..." asks someone in particular).
        return True
    if etype == "REQUEST" and head.pos_ == "NOUN" and head.lemma_.lower() == "demand" and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in _MARKET_WORDS
            or c.dep_ == "prep" and c.lower_ == "for" and any(_counted(g).lemma_.lower() in _GOODS for g in c.children if g.dep_ == "pobj")
            for c in head.children):
        # "a significant increased demand for biological solutions", "consumer demand", "European demand for its
        # products": a market's, asked of no one
        return True
    if etype == "CONCEDE" and head.lemma_.lower() in ("meet", "accept") and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "demand" and not any(d.dep_ == "poss" or d.dep_ == "prep" and d.lower_ in ("of", "by", "from")
                                                                        or d.dep_ == "det" and d.lower_ in ("the", "their", "his", "her", "its")
                                                                        for d in c.children) for c in head.children):
        return True  # "to meet those increasing demands": a market's demand, no one's claim yielded to
    if etype == "ASSAULT" and head.pos_ == "VERB" and head.lemma_.lower() == "kill" and (objects := [
            o for c in head.children if c.dep_ in ("dobj", "nsubjpass") for o in (c, *c.conjuncts)]) and all(
            o.pos_ == "NOUN" and not o.like_num and o.ent_type_ not in ("CARDINAL", "QUANTITY") and not names_someone(o)
            and not names_someone(_counted(o)) and _counted(o).lemma_.lower() not in lex["bystanders"] for o in objects):
        return True  # "suggested to kill modules and imports", "the senate killed the bill": things, no one killed
    if etype == "REQUEST" and head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ in ("on", "upon") and not any(
            c.dep_ in ("poss", "compound", "amod", "det") or c.dep_ == "prep" and c.lower_ in ("of", "by", "from") for c in head.children):
        return True  # "will organise transport on request", "available upon request": as asked, whoever asks
    if etype == "COERCE" and mode == "restrict" and head.pos_ == "VERB" and head.lemma_.lower() in ("shut", "close") and head.dep_ != "xcomp" and not any(
            c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in head.children):
        return True  # "16 hospitals that have shut down", "schools closed on Monday": what closed restricts no one
    if etype == "MOBILIZE" and head.pos_ == "NOUN" and (
            head.dep_ == "pobj" and head.head.lower_ in _BESIDE or head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in _STRUCK_AT):
        return True  # "a car bomb detonated near an army patrol", "ambushed a police convoy": a target or a landmark, no deployment
    if etype == "ASSAULT" and head.pos_ == "VERB" and not any(c.dep_ == "prt" for c in head.children) and any(
            c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in head.children):
        return True  # "shot himself in the head", "tried to kill herself": harm to oneself assaults no one ("blew himself up" may)
    if etype == "THREATEN" and head.lemma_.lower() == "warn" and head.pos_ == "VERB" and not _menaces(head):
        return True  # "warned that the sector is facing mass job cuts", "warns of further surges": a forecast, no threat
    if actors and all(_company(p, head.doc) for p in actors + recipients):
        return True  # "Dataproducts Inc. filed a lawsuit to block a tender offer by DPC Acquisition Partners": business
    if etype == "SUPPORT" and not recipients and not (political(actors) and _backs_a_measure(head)):
        # support goes to someone: "support for all hardware" names no one; but a political actor backing a measure
        # ("hailed the agreement", "voiced support for the inquiry") is PLOVER's SUPPORT of a policy.
        return True
    if etype == "AID" and not recipients and not (head.pos_ == "VERB" and any(
            _counted(c).lemma_.lower() in lex["aid"] | lex["currency"] or c.ent_type_ == "MONEY" for c in head.children if c.dep_ in ("dobj", "nsubjpass"))):
        # Aid goes to someone: "provided a free alternative", "an asylum claim backlog" name no one; "sent
        # humanitarian aid", "pledged $1 billion in assistance", "gave 40 million kroner" say what was given, enough to code it.
        return True
    if etype == "RETREAT" and mode == "withdraw" and head.pos_ == "VERB" and not any(
            c.dep_ in ("dobj", "prt", "nsubjpass") or c.dep_ == "prep" and c.lower_ in ("from", "to", "into") for c in head.children):
        return True  # "Gammon withdrew due to health reasons": leaving a race or a contest; a retreat says what or whence
    if etype in ("RETREAT", "SANCTION") and any(t.lemma_.lower() in lex["contest"] for c in head.children if c.dep_ in ("dobj", "prep")
                                  for t in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])):
        return True  # "withdrew from the race", "ended his bid", "suspended their campaigns": leaving a contest
    if etype == "AGREE" and head.lemma_.lower() == "offer" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ("reward", "bounty")
                                                     for c in head.children):
        return True  # "is offering a $500,000 reward for information": a bounty for tips, no agreement with anyone
    if etype == "REQUEST" and head.lemma_.lower() == "ask" and _QUESTION_QUOTED.search(head.doc[max(0, head.i - 40):head.i].text):
        return True  # '"Can he keep himself out of court?" he asked.': asking a question, no request
    if etype == "ASSAULT" and mode == "beat" and any(
            c.dep_ in ("dobj", "nsubjpass") and (_counted(c).lemma_.lower() in _CONTESTANTS | lex["contest"]) for c in head.children):
        return True  # "the program that beat the best human player", "beat the champion": won a game, hurt no one
    if etype == "ACCUSE" and head.lemma_.lower() == "attribute" and not (recipients and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _DEEDS for c in head.children)):
        return True  # "attributed the rise to inflation", "the decrease to the exclusion of British sales": a cause, no one blamed
    if etype == "REQUEST" and head.lemma_.lower() == "encourage" and not (
            any(c.dep_ == "dobj" and names_someone(c) for c in head.children) and any(c.dep_ == "xcomp" for c in head.children)):
        return True  # "founded to encourage interest", "encouraged to explore outlets": no one urged to act
    if etype == "REQUEST" and head.lemma_.lower() == "ask" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("question", "query") for c in head.children):
        return True  # "asked Mr Malone five questions": an interview, no request
    if etype == "REQUEST" and head.lemma_.lower() == "advise" and not political(actors + recipients):
        return True  # "doctors advised the patient to rest": counsel, not a political demand
    if etype == "AID" and actors and not political(actors) and not any(a.actor_id for a in actors) and not any(
            "rescue" in a.text.lower() or _singulars(a.text) & lex["political_roles"] for a in actors):
        return True  # "fishermen rescued 700 asylum seekers", "she and her friends gave him money": private help (guide:
        # AID needs an institution's rescue or delivery)
    if etype == "CONSULT" and mode == "visit" and actors and not political(actors) and not any(
            r.sector in lex["political"] and not _place_named(head.doc, r) for r in recipients):
        return True  # a team's, a church group's or a plane's trip is no visit between actors (unless to meet one)
    if etype == "REQUEST" and head.lemma_.lower() == "ask" and any(
            c.dep_ == "prep" and c.lower_ in ("about", "whether")
            or c.dep_ in ("ccomp", "advcl") and next(iter(c.subtree)).lower_ in _QUESTION_WORDS for c in head.children):
        return True  # "asked about sustainability", "I'm asked when I'm going to do it": a question, no request
    if etype == "REQUEST" and head.lemma_.lower() in _SAYING and not recipients:
        return True  # "we should definitely add ...", said: an opinion on what ought to be, asked of no one
    if head.lemma_.lower() == "oppose" and head.pos_ == "VERB" and all(
            _counted(o).lemma_.lower() in lex["ballots"] for o in head.children if o.dep_ in ("dobj", "nsubjpass")):
        return True  # "opposed both articles of impeachment", "with 194 Republicans opposing": a vote
    if _liked(head):
        return True  # "likes dropping bombs on people": a taste, no happening
    if verb.tag_ in ("VBZ", "VBP") and any(c.dep_ == "mark" and c.lower_ in ("until", "unless", "once") for c in verb.children):
        return True  # "to strangle Iraq until it retreats from Kuwait": a condition not yet met
    if _imagined(head):
        return True  # "the perception that the U.S. wants to destroy Iraq", "fears that ...": a belief, no happening
    if _imperative(verb):
        return True  # "All Iraqis, fight them with all the power you have": a call, coded as the speaker's request if at all
    if _forbidden(verb):
        return True  # "families cannot be held in detention for more than 20 days", "would not be allowed to arrest": a rule
    if any(c.dep_ == "mark" and c.lower_ == "whether" for v in _clause_chain(verb) for c in v.children):
        return True  # "would not say whether or not he supported court packing": a question left open
    if any(c.dep_ == "advmod" and c.lemma_.lower() in _HABITUAL for c in _verb_of(head).children):
        return True  # "lawmakers traditionally don't meet on Fridays", "are often occupied by": what usually happens
    if etype == "ACCUSE" and mode == "investigate" and not recipients:
        return True  # "investigating the possibility of an electrical fault": an inquiry into what happened, into no one
    if etype == "ACCUSE" and mode == "investigate" and any(
            _counted(o).lemma_.lower() in _MISHAPS for o in [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
            + [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("into", "of") for g in c.children if g.dep_ == "pobj"]):
        return True  # "investigating an outbreak of an unidentified illness", "continues to investigate the soldier's death": no wrongdoer
    if etype == "CONSULT" and mode == "visit" and any(c.lower_ in ("home", "back") and c.dep_ in ("advmod", "npadvmod", "prt") for c in head.children):
        return True  # "arriving back home": a return home is no visit
    if etype == "THREATEN" and head.pos_ == "VERB" and head.lemma_.lower() == "threaten" and any(
            c.dep_ == "dobj" and _counted(c).lemma_.lower() in _GOODS_AT_RISK for c in head.children):
        return True  # "Israel's treatment of the Palestinians threatens the peace of the region": a risk, no one threatened
    if etype in ("ASSAULT", "COERCE") and head.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lower_ in ("themselves", "himself", "herself", "itself") for c in head.children):
        return True  # "police officers barricaded themselves in the station": done to oneself, no one coerced
    if etype == "CONSULT" and mode == "host" and any(
            c.dep_ == "dobj" and _counted(c).lemma_.lower() in _SPECTATORS | _SHOWS for c in head.children):
        return True  # "Jordan will host hundreds of thousands of supporters rallying": a crowd, no one consulted
    if _asked_whether(head):
        return True  # 'Asked if the court may also ban Valls, Goulard replied': a reporter's question
    if etype == "ASSAULT" and head.dep_ in ("advcl", "conj") and head.head.lemma_.lower() in _ACCIDENTS:
        return True  # "Rana Plaza collapsed near Dhaka, killing more than 1,100", "the ferry capsized, killing 40": an accident
    if head.pos_ == "NOUN" and head.dep_ == "compound" and head.head.lemma_.lower() in _VEHICLES:
        return True  # "was in his patrol car", "a rescue helicopter": a kind of vehicle, no act
    if etype == "CONSULT" and mode == "visit" and any(c.dep_ == "nsubj" and _counted(c).lemma_.lower() in _FREIGHT for c in head.children):
        return True  # "a shipment of U.S. military hardware has arrived in Somalia", "an aid convoy arrived": goods, no visitor
    if etype == "RETREAT" and mode == "release":
        if head.pos_ == "NOUN" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("press", "news", "media") for c in head.children):
            return True  # "a press release"
    if etype == "ASSAULT" and head.lemma_.lower() in _CARRY_OUT and any(
            _counted(c).lemma_.lower() in lex["abstract"] or not names_someone(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass")):
        return True  # "execute the ruling", "executed a planned shutdown": doing as told or planned, not killing
    if etype == "COERCE" and mode == "martial-law":
        words = {t.lemma_.lower() for t in head.sent} | {t.lower_ for t in head.sent}
        objects = [t for t in head.subtree if t.dep_ in ("dobj", "oprd", "pobj", "nsubjpass")]
        if any(t.lemma_.lower() == "emergency" for t in head.subtree) and (words & lex["hazards"] or not words & lex["unrest"]):
            return True  # "declared a state of emergency in anticipation of Dorian": a disaster response, no coercion
        if any(o.lemma_.lower() == "law" and not any(c.lower_ == "martial" for c in o.children) for o in objects):
            return True  # "imposed a law mandating ...": legislation, not martial law
    if etype in ("ASSAULT", "COERCE") and head.pos_ == "VERB" and any(
            _counted(o).lemma_.lower() in lex["hazards"] | _ILLS for o in _patients(head)):
        # "fighting fires", "fight the pandemic", "have arrested cholera", "to fight insecurity", "combat corruption": a
        # hazard or a social ill, no one attacked or held
        return True
    if etype == "THREATEN" and head.lemma_.lower() == "warn" and any(
            _counted(g).lemma_.lower() in lex["hazards"] or any(m.lemma_.lower() in lex["hazards"] for m in g.children if m.dep_ in ("compound", "amod"))
            for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "against") for g in c.children if g.dep_ == "pobj"):
        return True  # "warned of flash floods", "warn about malaria": a warning of a hazard, no threat
    if etype == "THREATEN" and head.lemma_.lower() == "warn" and any(
            hazard(g) or any(m.lemma_.lower() in lex["hazards"] for m in g.children if m.dep_ in ("compound", "amod"))
            for c in head.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in ("nsubj", "nsubjpass")):
        return True  # "warned that cholera could get out of hand", "a new strain could appear": a forecast, no threat
    if etype == "ASSAULT" and head.lemma_.lower() in _WEAPONS and head.pos_ == "NOUN" and head.head.lemma_.lower() not in _WEAPON_USE:
        return True  # "a two-stage cryogenic rocket", "an Austrian mortar manufacturer": a weapon, not its firing
    if head.lemma_.lower() == "call" and etype not in ("RETREAT", "CONCEDE") and any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children):
        return True  # "called off its search": a cancellation, no call for anything (but "called off its mission" withdraws)
    if etype in ("ASSAULT", "COERCE") and head.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in head.children):
        # "ordered the killing of over 300,000 pigs", "the culling of poultry": what the act is done to is no one
        done_to = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if done_to and all(_counted(o).lemma_.lower() in lex["non_patients"] for o in done_to):
            return True
    if etype in ("RETREAT", "ASSAULT", "COERCE", "AID", "AGREE") and head.pos_ == "VERB":
        objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] or ([head.head] if head.dep_ == "acl" else [])
        if objects and all(_counted(o).lemma_.lower() in lex["non_patients"] and not _of_agreement(o)
                           and not (etype == "AID" and _counted(o).lemma_.lower() in lex["aid"]) for o in objects):
            return True  # "seized food" took no one; "sent food to North Korea" is aid
        if mode == "release" and objects and all(_a_thing_referred_to(o) for o in objects):
            return True  # "obtained the messages and released them publicly": things, and only people are released
    if etype == "CONSULT" and head.tag_ == "NN" and head.lemma_.lower() in ("talk", "lecture", "speech") and not recipients:
        return True  # "in his live-streamed talk at the Atlantic Council": a speech to an audience, no one consulted
    if etype == "CONSULT" and actors and all(a.sector in _MEDIA_SECTORS for a in actors):
        return True  # "the BBC spoke with the minister": an interview, no consultation
    if etype == "CONSULT" and head.lemma_.lower() in ("conference", "briefing") and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("press", "news", "media") for c in head.children) and not (
            {r.country for r in recipients if r.country} - {a.country for a in actors if a.country}):
        # "revealed in a televised press conference with the chief medical officer": a government speaking to the press
        # together; a joint news conference with a foreign leader ("speaking at a joint news conference with the French
        # president") tells that they met.
        return True
    if etype == "RETREAT" and head.lemma_.lower() in ("release", "free") and not _frees_someone(head, recipients):
        return True  # "NOAA released its Winter Outlook", "a new year-month release": a product or a report, no one freed
    if etype == "AGREE" and head.lemma_.lower() == "agree" and any(c.dep_ == "ccomp" for c in head.children) and not any(
            c.dep_ in ("prep", "xcomp") and (c.dep_ == "xcomp" or c.lower_ in ("to", "with", "on")) for c in head.children):
        return True  # "a judge agreed the book may have contained classified material": an opinion shared, no agreement
    if etype == "CONSULT":
        # Talking to the press is no consultation ("With Wikinews, X discussed ...", "told reporters").
        recipients = [r for r in recipients if r.sector not in _MEDIA_SECTORS and not (_words(r.text) & lex["media"])]
    if etype == "CONSULT" and not recipients and len(actors) < 2 and mode == "third-party" and any(
            c.dep_ == "dobj" and any(d.dep_ in ("det", "poss") for d in c.children) for c in head.children):
        # "Russia brokered a cease-fire agreement": a mediation happened, though the sentence names no side (but
        # "precedent for the President mediating international disputes" is a kind of act, no happening)
        return False
    if etype == "CONSULT" and not recipients and len(actors) < 2 and mode != "visit":
        # (a body of states meets among its members: "G7 was scheduled to meet this weekend"; its summit named by a
        # noun is mostly the occasion of another meeting: "speak with Hu at the APEC summit")
        plural = any(a.start is not None and a.text.lower().endswith("s") or a.sector == "IGO" and head.pos_ == "VERB" for a in actors)
        return not plural and not _with_party(head)
    return False


def _frees_someone(head, recipients: list) -> bool:
    """Whether a release names whom it frees: a recipient the actors stage knows ("freed Mandela"), or the verb's object
    ("released two hostages"), the noun's possessor or "of" object ("his release", "the release of the prisoners") as
    a word for people, or nothing at all ("were released on Monday"); a thing released ("its Winter Outlook", which
    the entity recogniser calls a person, "a new release" of software) frees no one."""
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] if head.pos_ == "VERB" else []
    if objects and all(o.pos_ == "PROPN" and any(c.dep_ == "poss" and c.lower_ == "its" for c in o.children) for o in objects):
        return False  # "released its U.S. Winter Outlook": an organisation's named product, whatever the recogniser says
    if any(r.actor_id for r in recipients):
        return True

    def someone(tok) -> bool:
        tok = _counted(tok)
        return tok.pos_ == "PRON" or tok.pos_ != "PROPN" and names_someone(tok)

    if head.pos_ == "VERB":
        return not objects or any(someone(o) for o in objects)
    owners = [c for c in head.children if c.dep_ == "poss"] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(someone(o) for o in owners)


_WEAPONS = {"rocket", "mortar", "artillery", "missile", "drone", "grenade", "weapon"}  # weapon nouns the lexicon reads as their use
# Verbs that use a weapon named by a noun ("fired rockets", "mortars hit the base", "rockets rained on").
_WEAPON_USE = {"fire", "launch", "hit", "strike", "land", "explode", "rain", "pound", "use", "lob", "shoot", "target", "kill", "wound", "spray", "deploy", "employ"}

# Nouns a protest word may name a kind of while still telling a protest ("a protest march", "a protest vote").
_PROTEST_HEADS = {"march", "rally", "action", "strike", "vote", "camp", "sit-in", "demonstration", "protest", "gathering", "movement"}

# Words of trade, and of arms: a fight in a sentence of the first without the second is a trade fight.
_TRADE = {"trade", "tariff", "protectionism", "export", "import", "dumping"}
_ARMS = {"troop", "soldier", "army", "military", "militant", "rebel", "missile", "bomb", "gun", "shell", "weapon", "rocket",
         "airstrike", "kill", "wound", "casualty", "dead", "attack", "fighter", "police"}


def _trade_talk(sent) -> bool:
    """Whether a sentence talks of trade and not of arms."""
    lemmas = {t.lemma_.lower() for t in sent}
    return bool(lemmas & _TRADE) and not lemmas & _ARMS


# Words for a warplane that also name people: "a suicide bomber", "rebel fighters".
_CREW_OR_CRAFT = {"fighter", "bomber"}
_CRAFT_WORDS = {"jet", "stealth", "strategic", "heavy", "supersonic", "long-range", "nuclear-capable", "squadron"}
_BOMBER_PEOPLE = {"suicide", "truck", "car", "would-be", "alleged", "suspected", "convicted", "marathon", "shoe", "underwear"}
_FLIGHT_VERBS = {"fly", "intercept", "scramble", "escort", "overfly", "circle", "buzz", "take", "land", "crash", "drop",
                 "shoot", "patrol", "refuel"}


def _place_named(sdoc, participant) -> bool:
    """Whether a participant is named by a place ("visit Pyongyang"), not by who it is ("his Chinese counterpart")."""
    span = _span(sdoc, participant.start, participant.end)
    return span is not None and len(span) > 0 and span.root.ent_type_ in ("GPE", "LOC", "FAC")


def _gerund_lemmas(tok) -> set[str]:
    """The lemmas a word may have, a gerund the parser left as a noun included ("with verifying": verify)."""
    word = tok.lower_
    out = {tok.lemma_.lower(), word}
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        out |= {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 2 and stem[-1] == stem[-2] else set())
    return out


def _craft(root) -> bool:
    """Whether a vehicle word names the craft: always, but for a word that may name its crew or other people ("bomber",
    "fighter"), only with a craft's modifier ("B-52 bombers", "stealth fighters") or a verb of flight ("fighters
    intercepted a plane", "a bomber was shot down"); "a suicide bomber killed", "fighters attacked the base" are people."""
    if root.lemma_.lower() not in _CREW_OR_CRAFT and root.lower_ not in _CREW_OR_CRAFT:
        return True
    if any(c.dep_ in ("compound", "amod", "nummod") and (c.lower_ in _CRAFT_WORDS or any(ch.isdigit() for ch in c.text))
           for c in root.children):
        return True
    if any(c.dep_ in ("compound", "amod") and c.lower_ in _BOMBER_PEOPLE for c in root.children):
        return False  # "shot two suicide truck bombers", "a would-be bomber": people, whatever the verb
    return root.dep_ in ("nsubj", "nsubjpass", "dobj") and root.head.lemma_.lower() in _FLIGHT_VERBS


# What one is "charged with" when it is a duty and not a crime.
_DUTIES = {"task", "duty", "responsibility", "mission", "job", "role", "oversight", "supervision", "mandate", "verify",
           "oversee", "monitor", "supervise", "investigate", "draft", "implement", "ensure", "protect", "coordinate",
           "review", "prepare", "develop", "design", "evaluate", "assess", "enforce", "negotiate", "guard", "maintain",
           "restore", "rebuild", "examine", "inspect", "determine", "study", "advise", "rewrite", "reform", "regulate",
           "administer", "safeguard"}  # not "running", "leading", "organizing": a ring, a gang, a plot
_BODILY = {"cardiac", "heart", "respiratory", "pulmonary", "cardiopulmonary", "cardiorespiratory"}
_AILMENTS = {"asthma", "panic", "anxiety", "epileptic", "seizure", "migraine", "gout", "allergy", "allergic"}
_SEATS = {"car", "truck", "bus", "van", "taxi", "cab", "seat", "room", "bed", "apartment", "flat", "carriage", "cabin"}
_MONEY = {"money", "cash", "pension", "fund", "saving", "savings", "deposit", "payment", "salary", "benefit", "sum", "amount"}
# Nouns a force word may name a kind of ("air assault forces", "attack helicopters", "strike group").
_UNITS = {"force", "troop", "unit", "team", "rifle", "helicopter", "aircraft", "plane", "jet", "ship", "vessel", "vehicle",
          "craft", "brigade", "battalion", "squad", "division", "group", "weapon", "dog", "boat", "submarine", "capability",
          "capacity", "training", "exercise", "drill", "course", "school", "academy", "package", "kit"}
_TEXTS = {"agreement", "pact", "accord", "memorandum", "statement", "document", "declaration", "communique", "charter"}
_CHANCES = {"initiative", "opportunity", "moment", "momentum", "chance", "lead", "spotlight", "headlines", "day"}
# Texts and schemes that "call for" what they provide, asking no one.
_PROVISIONS = {"strategy", "plan", "agreement", "deal", "budget", "programme", "program", "policy", "bill", "law",
               "treaty", "framework", "roadmap", "scheme", "initiative", "rule", "regulation", "legislation", "constitution",
               "accord", "blueprint", "design", "model", "forecast", "recipe"}
_WORDING = {"word", "term", "phrase", "name", "label", "expression", "language"}
_STANDARDS = {"standard", "requirement", "criterion", "criteria", "target", "goal", "deadline", "expectation", "need",
              "condition", "obligation", "quota", "threshold", "cost", "benchmark", "demand", "challenge", "duty", "responsibility",
              "commitment", "promise", "mandate"}
_STANCES = {"stance", "pledge", "promise", "commitment", "claim", "assertion", "demand", "plan", "idea", "view", "line"}


def _indicative(clause) -> bool:
    """Whether a that-clause states what is, not what should be: no modal or need/have-to, a verb in the indicative
    ("insisted that NATO was the best tool"; not "insisted that he must leave", "insisted that Malta needed to stand")."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS | {"would", "will", "to"} for c in clause.children):
        return False
    if clause.lemma_.lower() in ("need", "have", "ought"):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "do" for c in clause.children):
        return True  # "insist the majority of Americans don't understand": do-support is indicative
    return clause.tag_ in ("VBD", "VBZ", "VBP")


_DEALS = {"offer", "bid", "merger", "takeover", "sale", "acquisition", "purchase", "transaction", "listing"}
# Posts in a company: leaving one is business as usual.
_COMPANY_POSTS = {"manager", "executive", "ceo", "chairman", "chairwoman", "director", "officer", "partner", "editor",
                  "coach", "treasurer", "vice-president", "board"}
# Things deployed that are no forces.
_DEVICES = {"camera", "preparation", "resource", "measure", "tool", "technique", "method", "sensor", "probe", "robot",
            "parachute", "airbag", "boom", "barrier", "net", "pump", "generator", "sandbag", "volunteer", "service", "commitment"}
# Words of a road or rail crash; arms words or a deliberate act make it an attack again.
_CRASH = {"crash", "collide", "collision", "accident", "erratically", "overturn", "derail", "skid", "swerve", "flip"}
_TOLL = {"police", "kill", "wound", "dead", "casualty"}  # words a crash report shares with an attack's
_DELIBERATE = {"deliberately", "intentionally", "ram", "terror", "terrorist", "terrorism", "attacker", "assailant"}


def _accident(sent) -> bool:
    """Whether a sentence tells a road or rail crash, not an attack."""
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    return bool(lemmas & _CRASH) and not lemmas & ((_ARMS - _TOLL) | _DELIBERATE)


def _is_person(sdoc, actor: EventActor) -> bool:
    """Whether a participant is one named person."""
    if (actor.actor_id or "").startswith("person:"):
        return True
    span = _span(sdoc, actor.start, actor.end)
    return span is not None and len(span) > 0 and span.root.ent_type_ == "PERSON"


_BELIEFS = {"perception", "belief", "idea", "notion", "impression", "fear", "suspicion", "assumption", "myth", "rumor",
            "rumour", "speculation", "theory", "hope", "dream", "fantasy"}


def _imagined(head) -> bool:
    """Whether a trigger is in what a belief noun holds ("the perception that the U.S. wants to destroy Iraq")."""
    tok = _verb_of(head)
    for _ in range(4):
        if tok.dep_ in ("acl", "ccomp") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in _BELIEFS:
            return True
        if tok.dep_ not in ("xcomp", "ccomp", "acl", "advcl") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _imperative(verb) -> bool:
    """Whether a clause is an imperative: a bare verb heading its sentence with no subject or auxiliary."""
    return (verb.pos_ == "VERB" and verb.tag_ == "VB" and verb.dep_ == "ROOT"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "csubj", "expl") for c in verb.children))


def _clause_chain(verb, depth: int = 2) -> list:
    """A verb and the verbs it is the complement of, up to `depth` levels ("whether it was used to kill": used, kill)."""
    out = [verb]
    while depth and verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
        out.append(verb)
        depth -= 1
    return out


_CORPORATE = re.compile(r"\b(?:Inc|Corp|Co|PLC|plc|Ltd|LLC|LLP|AG|SA|S\.A|NV|N\.V|GmbH|Holdings|Partners|Corporation|Company)\.?$")


def _company(participant, sdoc=None) -> bool:
    """Whether a participant is a company named as one ("Dataproducts Inc.", "DPC Acquisition Partners"), or by the
    short name of one the article names so ("Kellogg" after "Kellogg Co."); "US employers" or "investors" are a
    social group whose complaint about a policy may be news."""
    name = (participant.name or participant.text or "").strip()
    if _CORPORATE.search(name):
        return True
    return sdoc is not None and _strip_the(participant.text or "") in _companies(sdoc)


# Words that begin many company names without naming one ("General Mills Inc.": not "General").
_GENERIC_FIRST = {"general", "national", "american", "united", "first", "new", "international", "global", "british", "royal",
                  "standard", "western", "eastern", "northern", "southern", "central", "federal", "pacific", "atlantic", "great",
                  "the", "state", "public", "city", "old", "big", "bank", "china", "japan", "us", "u.s."}
_COMPANY_NAME = re.compile(r"\b((?:[A-Z][\w&'.\-]*\s+){0,4}?[A-Z][\w&'.\-]*),?\s+(?:Inc|Corp|Co|Cos|PLC|plc|Ltd|LLC|LLP|AG|SA|NV|GmbH|Holdings|Corporation|Company)\b")


def _strip_the(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text.strip())


def _companies(sdoc) -> frozenset[str]:
    """Names the article gives companies, without their corporate ending, and their first word when it is a name
    of its own ("Kellogg Co.": Kellogg; "McCaw Cellular Communications Inc.": McCaw, not "General" of General Mills)."""
    found = sdoc.user_data.get("dateline_companies")
    if found is None:
        names = set()
        for m in _COMPANY_NAME.finditer(sdoc.text):
            full = m.group(1).strip()
            names.add(full)
            first = full.split()[0].strip(".,")
            if first.lower() not in _GENERIC_FIRST and len(first) > 1:
                names.add(first)
        found = sdoc.user_data["dateline_companies"] = frozenset(names)
    return found


def _spoken_at(noun) -> bool:
    """Whether a noun is where someone spoke: "spoke in the rally", "announced it at a rally"."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("in", "at") and prep.head.lemma_.lower() in _SPEAKING


_SPEAKING = {"speak", "say", "announce", "address", "tell", "declare", "appear", "vow", "promise", "pledge", "claim", "repeat"}


_MODALS = {"can", "could", "may", "might", "must", "shall", "should", "ca"}


def _forbidden(verb) -> bool:
    """Whether a clause says what may not be done: a negated modal passive ("cannot be held", "may not be detained"),
    or the act under a negated permission ("would not be allowed to arrest people")."""
    def negated_modal(v) -> bool:
        kids = list(v.children)
        return any(c.dep_ == "neg" for c in kids) and any(c.dep_ == "aux" and c.lower_ in _MODALS | {"would"} for c in kids)

    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children) and negated_modal(verb):
        return True
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("must", "shall") for c in verb.children) and any(
            c.dep_ == "nsubjpass" and any(d.dep_ == "det" and d.lower_ in ("any", "every", "all", "each", "no") for d in c.children)
            for c in verb.children):
        return True  # "any decision to expel Sinn Fein must be agreed jointly": a rule for whatever may come
    permission = verb.head
    return (verb.dep_ == "xcomp" and permission.lemma_.lower() in ("allow", "permit", "authorize", "authorise")
            and any(c.dep_ == "auxpass" for c in permission.children) and negated_modal(permission))


def _alone(verb) -> bool:
    """Whether one party agrees with nothing named: no object, clause, partner or matter ("X agreed, saying ...")."""
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "conj", "nsubjpass") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and not all(g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj") for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and subjects[0].tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in subjects[0].children)


# Verbs of winning that are blows only outside a vote, a race or a game.
_WINS = {"beat", "defeat", "trounce", "thrash", "rout", "crush", "edge", "outvote"}
_VOTES = {"vote", "poll", "ballot", "referendum", "election", "primary", "race", "runoff", "run-off", "final",
          "semifinal", "semi-final", "round", "match", "game", "contest", "tournament", "league", "cup", "championship"}
_AMOUNTS = {"average", "percent", "per cent", "%", "point", "bit", "lot", "fraction", "third", "quarter", "half", "tenth"}


def _amount(tok) -> bool:
    """Whether a noun phrase is an amount: "an average of 11", "3 percent", "a third", "$2 million" (not "3 offers")."""
    return tok.like_num or tok.ent_type_ in ("PERCENT", "QUANTITY", "MONEY") or tok.lemma_.lower() in _AMOUNTS


def _measured(verb) -> bool:
    """Whether what a verb takes is an amount it changes by ("declined an average of 11", "fell by 3 percent")."""
    objects = [c for c in verb.children if c.dep_ == "dobj" or c.dep_ == "npadvmod" and c.ent_type_ not in ("DATE", "TIME")]
    by = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("by", "to", "from") for g in c.children if g.dep_ == "pobj"]
    return bool(objects or by) and all(_amount(o) for o in objects + by)


# A quoted question just before its verb of asking and the asker ('"... out of court?" he asked').
_QUESTION_QUOTED = re.compile(r"\?\s*(?:[\"”’']|'')+\s*,?(?:\s*[\w.'-]+){0,5}\s*$")
_SCORE = re.compile(r"\b\d{1,3}[-–]\d{1,3}\b")


def _in_contest(verb) -> bool:
    """Whether a verb of winning is set in a vote, a race or a game: "beat X in the parliamentary vote", "beat the
    Athletics 6-3" (a score)."""
    if any(_SCORE.fullmatch(t.text) or t.like_num and t.nbor(1).text in ("-", "–") and t.nbor(2).like_num
           for t in verb.subtree if t.i + 2 < len(t.doc)):
        return True
    for c in verb.subtree:
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "during", "for") and c.head.i == verb.i:
            for g in c.children:
                if g.dep_ == "pobj" and (g.lemma_.lower() in _VOTES or any(
                        m.dep_ in ("compound", "amod") and m.lemma_.lower() in _VOTES for m in g.children)):
                    return True
    return False


# Verbs that end what their object names.
_ENDING = {"end", "lift", "suspend", "halt", "stop", "abandon", "drop", "cancel", "conclude"}
# Nouns of a contest that words before them can make unarmed ("a legal battle", "the trade war").
_CONTESTS = {"battle", "fight", "war", "struggle", "showdown"}  # nouns, and the verbs fight and battle
# What a battle is fought "to" do on the ground ("the battle to retake Mosul").
_TAKING = {"capture", "retake", "recapture", "take", "seize", "liberate", "control", "hold", "defend", "drive", "oust", "expel",
           "clear", "free", "storm", "encircle", "besiege", "crush", "defeat", "repel", "push", "break"}
# A firm's own activities: stopping one punishes no one.
_BUSINESS = {"trading", "trade", "work", "production", "output", "operation", "construction", "manufacturing", "sale", "dividend",
             "shipment", "delivery", "service", "services", "listing", "issuance", "buyback", "publication", "broadcast"}
# What a battle "for" may be fought over on the ground ("the battle for control of the city", "the fight for Hill 60").
_GROUND = {"control", "territory", "city", "town", "village", "hill", "border", "road", "bridge", "airport", "port", "base",
           "capital", "ridge", "district", "province", "region", "valley", "island", "pass", "crossing", "supremacy", "survival"}
# What easing a punishment acts on ("commuted the sentence", "quashed the conviction"): the convict is released from it.
_PENALTIES = {"sentence", "term", "penalty", "fine", "conviction", "verdict"}
_POSTS = {"office", "post", "position", "seat", "role", "job", "chair", "presidency", "premiership", "throne", "portfolio",
          "spot", "rank"}
_FORUMS = {"court", "courts", "judge", "judiciary", "tribunal", "regulator", "insurer"}
_UNARMED = {"legal", "court", "courtroom", "trade", "tariff", "political", "election", "electoral", "custody", "price",
            "budget", "ratings", "verbal", "bidding", "takeover", "culture", "tax", "patent", "copyright", "regulatory",
            "word", "propaganda", "currency", "diplomatic", "leadership", "succession", "boardroom"}
# Words before a storm's name ("Hurricane Harvey", "Typhoon Haiyan").
_NAMED_STORMS = {"hurricane", "typhoon", "cyclone", "storm", "tornado"}
# What a state of affairs may put at risk: "threatens" it tells a danger, not a threat anyone makes.
_GOODS_AT_RISK = {"peace", "stability", "security", "livelihood", "future", "existence", "economy", "recovery",
                  "survival", "environment", "democracy", "sovereignty", "unity", "integrity", "process"}
# Shows and games one hosts, which consult no one ("is hosting the games for the first time").
_SHOWS = {"game", "games", "tournament", "championship", "olympics", "olympic", "cup", "festival", "concert", "exhibition", "show",
          "match", "race", "marathon", "fair", "pageant", "contest", "competition", "programme", "program", "podcast", "broadcast",
          "party", "gala", "ceremony", "expo"}
# Crowds one hosts without consulting anyone.
_SPECTATORS = {"supporter", "protester", "demonstrator", "visitor", "tourist", "fan", "pilgrim", "spectator", "crowd", "participant",
               "hundred", "thousand", "million", "student", "athlete", "guest"}


def _asked_whether(head) -> bool:
    """Whether a trigger is in the question a participle of asking puts ("Asked if the court may ban him, she replied")."""
    tok = head
    while tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "advcl") and tok.head.lemma_.lower() == "ask" and tok.head.tag_ == "VBN" and any(
                c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in tok.children):
            return True
        tok = tok.head
    return False


# What befalls a building or a vehicle by accident, and kills without anyone attacking.
_ACCIDENTS = {"collapse", "crash", "capsize", "sink", "derail", "topple", "cave", "overturn", "flood"}
# Vehicles, which a trigger word before them only classifies ("patrol car", "attack helicopter").
_VEHICLES = {"car", "boat", "vessel", "ship", "vehicle", "plane", "aircraft", "helicopter", "truck", "van", "jeep", "bus", "craft", "drone"}
# What arrives without being a visitor: goods and the vehicles that carry them.
_FREIGHT = {"shipment", "consignment", "cargo", "delivery", "batch", "convoy", "hardware", "equipment", "supply", "aid", "weapon",
          "arm", "vaccine", "dose", "package", "container", "load", "parcel", "fuel", "grain", "food"}
# Adverbs that make a clause tell what is the norm, not a happening ("routinely beat detainees" reports real,
# repeated abuse, and stays).
_HABITUAL = {"traditionally", "usually", "often", "typically", "normally", "generally", "customarily", "habitually", "always",
             "consistently", "constantly", "invariably"}
# What one declines to do when one gives no comment ("refused to respond to a demand" rejects the demand).
_COMMENT = {"comment", "elaborate", "speculate", "discuss", "confirm", "answer", "specify", "disclose", "say"}
# What one declines to tell: a refusal to comment, no demand rejected ("declined to identify other bidders").
_WITHHELD = _COMMENT | {"identify", "name", "reveal", "detail", "describe", "estimate", "quantify", "interview", "divulge"}
# What one declines to give or provide when one only declines to tell ("declined to give a breakdown").
_DETAILS = {"breakdown", "detail", "figure", "number", "name", "estimate", "comment", "interview", "information", "reason",
            "explanation", "specific", "timetable", "date", "price", "amount", "source", "announcement", "statement"}
# Verbs of attack whose use without anyone attacked has another sense: a labour strike, storming to a win, the one to beat.
_INTRANSITIVE_SENSES = {"strike", "storm", "beat"}
_ARMED = {"MIL", "REB", "UAF", "IMG", "COP", "SPY", "CRM"}
_QUESTION_WORDS = {"when", "what", "why", "how", "who", "whom", "which", "where", "whether", "if"}

_TASTES = {"like", "love", "enjoy", "hate", "prefer", "relish", "dislike"}


# Words for the state's own people and bodies, whose sector the events stage fills in only after the gate.
_STATE_WORDS = {"government", "police", "army", "military", "authorities", "authority", "ministry", "troops", "forces", "officials",
                "administration", "state", "guard", "gendarmerie"}


def _ability(verb) -> bool:
    """Whether a clause tells what someone is able or allowed to do, in general: "can" with a plain verb and nothing
    that dates, negates or asks it ("can impose sanctions"; but "cannot" denies, and "could" speculates); or what one
    is eligible, able, free or entitled to do, now ("Waseem is eligible to appeal"; "was able to flee" did)."""
    holder = verb.head
    if verb.dep_ == "xcomp" and holder.lemma_.lower() in _CAPACITIES and not any(c.dep_ == "neg" for c in holder.children) and (
            any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in holder.children)  # "is entitled to"
            or holder.dep_ == "acomp" and holder.head.lemma_ == "be" and holder.head.tag_ in ("VBZ", "VBP")):  # "is eligible to"
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (verb.tag_ == "VB" and any(c.lower_ == "can" for c in aux) and len(aux) == 1 and not any(c.dep_ == "neg" for c in verb.children)
            and verb.dep_ not in ("relcl", "advcl") and not any(c.tag_ == "WRB" or c.dep_ == "mark" for c in verb.children))


_CAPACITIES = {"eligible", "able", "free", "entitled", "qualified", "empowered", "authorised", "authorized"}


def _verb_of(head):
    """The verb a trigger's clause turns on: the trigger itself, or the verb a noun trigger is the object of."""
    return head.head if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass") else head


def _liked(head) -> bool:
    """Whether the trigger is what someone likes or hates doing ("likes dropping bombs", "loves to fight")."""
    tok = head
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "ccomp", "dobj", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _TASTES:
            return True
    return False


# What strikes when it is no labour strike ("lightning strikes", "drone strikes", "a pre-emptive strike").
_NOT_LABOUR = {"lightning", "drone", "air", "missile", "rocket", "military", "precision", "pre-emptive", "preemptive", "surgical",
               "nuclear", "artillery", "retaliatory", "airstrike", "cruise", "bolt"}

# Verbs of force that only weapons do: never a verbal attack.
_ARMS_VERBS = {"shell", "bomb", "bombard", "pound", "strafe", "shoot", "rocket", "mortar", "airstrike", "blast", "torpedo", "napalm"}
_NOT_WORDS = _CARRY_OUT | _ARMS_VERBS  # verbs of force `figurative` never reads as words


def figurative(head, etype: str) -> str | None:
    """The type a verb of force really codes when it acts on an idea or a writing does it: 'attacked the proposal' and
    'the editorial attacked him' are ACCUSE, not ASSAULT."""
    lemma = head.lemma_.lower()
    if etype == "ASSAULT" and (lemma == "attack" and head.pos_ in ("NOUN", "VERB") or lemma == "fire" and head.pos_ == "VERB" and not any(
            c.dep_ == "dobj" for c in head.children)) and _verbal_attack(head):
        return "ACCUSE"  # "a blistering attack on the prime minister", "the senator fired back at critics": words, no shots
    if etype != "ASSAULT" or head.pos_ != "VERB" or lemma in _NOT_WORDS:
        return None  # "shelled the YPG's positions": guns hit places, whatever the word; only "attacked" may be words
    if any(c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" and g.lemma_.lower() in _STRIKING_ARMS for g in c.children)
           for c in head.children):
        return None  # "attacked their positions with heavy weapons": force, whatever was attacked
    lex = _lexicon()
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if objects and all(_counted(o).lemma_.lower() in lex["abstract"] and not _held_by_force(_counted(o)) for o in objects):
        return "ACCUSE"
    against = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children if g.dep_ == "pobj"]
    if not objects and against and all(_counted(g).lemma_.lower() in lex["abstract"] for g in against):
        return "ACCUSE"  # "fighting against good policies", "campaigned against the reform": opposition in words
    if objects and any(c.dep_ == "prep" and c.lower_ == "as" and not any(
            g.dep_ == "pobj" and any(v.dep_ in ("acl", "relcl") and v.pos_ == "VERB" for v in g.children) for g in c.children)
            for c in head.children):
        # "attacked Drudge as a fake news purveyor": calling someone something (but "attacks market stalls as a
        # conference convened": a time clause the parser reads as a phrase)
        return "ACCUSE"
    if objects and any(c.dep_ == "prep" and c.lower_ in ("for", "over") and any(
            g.dep_ == "pobj" and _counted(g).lemma_.lower() in lex["abstract"] for g in c.children) for c in head.children):
        return "ACCUSE"  # "Biden attacked Trump for the 'losers' comment": blamed for words or a policy, not struck
    if objects and any(c.dep_ == "prep" and c.lower_ in ("for", "over") and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
                       for c in head.children):
        return "ACCUSE"  # "attacked him for failing to enforce a court order": blamed for what one did or did not do
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    if (lemma == "attack" and objects and doers and all(t.ent_type_ == "PERSON" for t in objects + doers)
            and any(c.dep_ == "prep" and c.lower_ in ("for", "over") for c in [*head.children, *(g for o in objects for g in o.children)])):
        return "ACCUSE"  # "Biden attacked Trump for the alleged 'losers' comment": one named person blaming another for something
    subjects = doers or ([head.head] if head.dep_ == "relcl" else [])
    parties = subjects + [g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    if lemma == "clash" and any(p.ent_type_ == "PERSON" for p in parties):
        return "ACCUSE"  # "Kelly clashed with Kushner": a named person's clash is a row, not a fight
    if subjects and all(_counted(s).lemma_.lower() in lex["writings"] for s in subjects):
        return "ACCUSE"  # "an article in Freedom Magazine, which attacked defectors": words, not force
    return None


# Arms an attack is made with: with them it is force, not words.
_STRIKING_ARMS = {"weapon", "rocket", "mortar", "gun", "artillery", "bomb", "grenade", "missile", "shell", "tank", "knife", "machete",
                  "explosive", "drone", "rifle", "firearm", "gunfire", "fire", "bullet", "stone", "rock", "club", "sword", "axe"}


# Who is in the news for what they say: an attack by one of them on a person is words ("Other candidates have stepped up
# their attacks on Bloomberg"), as is one the words describe so ("a blistering attack on the prime minister").
_POLITICIANS = {"senator", "congressman", "congresswoman", "lawmaker", "legislator", "mp", "parliamentarian", "governor", "mayor",
                "minister", "premier", "chancellor", "president", "president-elect", "spokesman", "spokeswoman", "spokesperson",
                "secretary", "leader", "democrat", "republican", "tory", "conservative", "socialist", "deputy", "ambassador",
                "diplomat", "envoy", "negotiator", "counterpart"}
_ARMED_WORDS = {"rebel", "militant", "militia", "army", "military", "insurgent", "guerrilla", "terrorist", "gang", "jihadist", "cartel", "armed"}
_CONTENDERS = {"candidate", "rival", "challenger", "nominee", "contender", "opponent", "critic", "politician", "campaign",
               "frontrunner", "incumbent", "opposition"}
_VERBAL = {"verbal", "blistering", "scathing", "stinging", "withering", "rhetorical", "personal", "vitriolic", "sharp", "bitter",
           "thinly", "veiled", "political", "partisan", "public"}


_FORCE_POSTS = _ARMED_WORDS | {"police", "border", "security", "guard", "observation", "checkpoint", "navy", "naval", "air"}


def _held_by_force(tok) -> bool:
    """Whether a word that may name an idea names a position of armed men ("a police post", "an army position",
    "Islamic State positions": a group's named positions, with no "on" saying what they are a stance on)."""
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _FORCE_POSTS for c in tok.children) or (
        tok.lemma_.lower() == "position" and tok.tag_ == "NNS" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)
        and not any(c.dep_ == "prep" and c.lower_ in ("on", "about", "regarding", "over") for c in tok.children))


def _verbal_attack(head) -> bool:
    """Whether an "attack"/"attacked" is criticism: words describe it so, or a politician or candidate attacks a
    person or a politician with no weapon, victim or place of force named."""
    lex = _lexicon()
    speakers = _POLITICIANS | _CONTENDERS

    def politician(tok) -> bool:
        tok = _counted(tok)
        if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _ARMED_WORDS for c in tok.children):
            return False  # "the rebel leader", "a militia commander"
        return tok.lemma_.lower() in speakers or (tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN") and any(
            c.dep_ == "compound" and c.lemma_.lower() in speakers for c in tok.children)

    def someone(tok) -> bool:
        return tok.ent_type_ == "PERSON" or politician(tok) or tok.lemma_.lower() in lex["offices"]

    if head.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lemma_.lower() in _VERBAL for c in head.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children):
        return False  # "attacked him with a knife"
    if head.pos_ == "VERB":
        doers = [c for c in head.children if c.dep_ == "nsubj"]
        targets = [c for c in head.children if c.dep_ == "dobj"] or [
            g for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "upon") for g in c.children
            if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
    else:
        doers = [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if not doers and head.dep_ == "dobj":
            doers = [c for c in head.head.children if c.dep_ == "nsubj"]
        targets = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "against") for g in c.children if g.dep_ == "pobj"]
    return bool(doers and targets) and all(politician(d) for d in doers) and all(someone(_counted(t)) for t in targets)


def _with_party(head) -> bool:
    """Whether the trigger takes a 'with' or 'between' party other than the press ("met with", "talks between")."""
    media = _lexicon()["media"]
    return any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
               and not any(g.lemma_.lower() in media or g.lower_ in media for g in c.children) for c in head.children)


def _singulars(text: str) -> set[str]:
    """The words of a text and their singulars ("authorities": authority)."""
    return _words(text) | {w.lower()[:-3] + "y" for w in text.split() if w.lower().endswith("ies")}


def _words(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in text.split()} | {w.lower() for w in text.split()}
