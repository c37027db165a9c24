"""Places: find the toponyms of an article and resolve each to a gazetteer entry.

Recognition (`Places.recognize`):
1. spaCy's GPE, LOC and FAC entities, trimmed of "the" and possessives, and stretched over the longest
   gazetteer name that starts with them ("Komsomolsk" -> "Komsomolsk-on-Amur", "Vostochny" -> "Vostochny cosmodrome");
2. ORG and PERSON entities only when the whole entity is a well-known place (spaCy's small model often
   mislabels cities), never when it is a longer name ("Manchester United");
3. demonyms used as modifiers ("Japanese counterparts") as mentions of their country, not demonyms used as
   nouns ("the Russians");
4. capitalised word sequences outside any entity that name a country, region, water, site or large city.

Resolution (`Places.resolve_spans`) ranks each name's candidates by feature class and population, the
document's country context (other toponyms, actors), containment ("Paris, Texas") and distance to the
other places; an unknown name gives None and leaves the others alone.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from . import gazetteer as gz
from .models import Document, Place, Span
from .pipeline import Stage

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_LEAD = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,4}$")
# What joins a name to the place it is in: "the Guildhall School of Music in London", "Mount Chaambi, Kasserine".
_LOCATED_BY = re.compile(r"^(?:\s*,\s*|\s+(?:in|near|at|outside)\s+(?:the\s+)?)$")
_DIRECTION = re.compile(r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower)")
_SHARED_NOUN = re.compile(r"\s+(?:and|or|&)\s+(?:North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower)\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")
_SPEAKING_TOWN = 100_000  # a town this big may speak for its government ("Moscow said"); a smaller one is a person
_IN_TOWN_KM = 30  # how far from a town a place its possessive names may lie ("Jerusalem's Old City")
_POSSESSIVE_GAP = re.compile(r"^['’]s?\s+((?:[a-z]+\s+)*)$")
_IN_GAP = re.compile(r"^\s+in\s+(?:the\s+)?$")
_PART_OF_GAP = re.compile(r"^\s+(?:area|region|village|town|part|suburbs?|outskirts|quarter|neighbou?rhood)\s+of\s+(?:the\s+)?$")
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_NAME_GOES_ON = re.compile(r"^ ([A-Z][a-z]+)\b(?!['’])")
_STATE_CODE = re.compile(r"^[A-Z]{2}$|^[A-Z]\.[A-Z]\.$")


@dataclass(frozen=True)
class Weights:
    """Feature weights of the candidate ranking (set by hand, checked on GeoWebNews and GeoVirus)."""

    country: float = 5.5
    continent: float = 5.0
    admin1: float = 4.0
    curated: float = 4.5  # regions, waters and sites from the curated file
    admin2: float = 3.0
    city_log_pop: float = 0.7
    fame: float = 0.0  # per decade of the town's count of alternate names (how widely it is known)
    capital: float = 1.0
    alternate: float = -1.25  # the name is only one of the place's alternate names
    context_any: float = 1.0
    context_share: float = 1.0
    context_country: float = 1.0
    admin_context: float = 0.8
    clear_margin: float = 1.0  # prior margin over every other country's reading for a name to vote for its country
    sibling_admin1: float = 1.5  # a first-level region when other names of the document are regions of its country ("Texas, Georgia and Ohio")
    contained: float = 6.0
    near: float = 0.8
    borderless: float = 1.0  # a place of no country (sea, continent, multi-country region) when the document has country context
    small_country_admin1: float = 1.0  # per decade of population below 10 million: the sheadings of the Isle of Man
    actor: float = 0.5  # country-context vote of an actor, per mention


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    import json
    from importlib import resources

    data = json.loads(resources.files("dateline.data").joinpath("places-recognition.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def _is_modifier_word(name: str) -> bool:
    """Whether a name is only a common modifier ("Western", "Central") that news rarely uses as a place name alone."""
    return gz.normalize(name) in _cues()["common_modifiers"]


@lru_cache(maxsize=1)
def demonyms() -> dict[str, int]:
    """Normalised demonym -> geonameid of its place (countries file plus the demonyms file)."""
    table: dict[str, int] = {}
    for row in gz._tsv("places-countries.tsv"):
        for demonym in filter(None, row["demonym"].split(",")):  # "Bosnian,Herzegovinian"
            # The first country keeps a shared demonym ("Norwegian": Norway, not Svalbard and Jan Mayen).
            table.setdefault(gz.normalize(demonym), int(row["geonameid"]))
    for row in gz._tsv("places-demonyms.tsv"):
        target = row["geonameid"]  # a GeoNames id, or the name of a curated region GeoNames lacks
        table[gz.normalize(row["name"])] = int(target) if target.lstrip("-").isdigit() else gz.curated_id(target)
    return table


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


class Places(Stage):
    name = "places"
    requires = ("spacy",)
    assigns = ("places",)
    option_defaults = {
        "weights": ({}, "Overrides of the candidate-ranking weights (fields of places.Weights)."),
        "modifiers": (True, "Count country adjectives used as modifiers ('Japanese counterparts') as mentions of the country."),
        "min_scan_population": (200_000, "Smallest population of a place found by scanning capitalised words the model missed."),
        "infer": (True, "Place names the gazetteer lacks at the document place that contains them (level 'inferred')."),
        "outside_unknown": (True, "A town named inside a region or country where no town of that name is known ('Largo, Scotland') is unknown there, not the namesake abroad."),
        "weak_population": (20_000, "Towns below this population in a country the article is not about yield to the inferred main place."),
        "focus_population": (100_000, "Towns below this population abroad yield too when the article is local news of one other country."),
        "local_focus": (3, "How many towns of one country, and none elsewhere, make an article local news of that country."),
        "named_after": (True, "A town named only inside a longer name ('Cambridge Analytica') takes its best-known reading, whatever the article's country."),
        "org_countries": (True, "Count a country or region named inside an organisation name as a mention of it."),
        "facilities": (True, "Take facilities the model finds (schools, hospitals, bases, bridges) as toponyms even when the gazetteer lacks them."),
        "framed_names": (True, "Take names the text frames as places ('the village of X', 'X district') as toponyms even when the gazetteer lacks them."),
        "context_towns": (True, "Accept towns the model mislabelled when the context says they are places."),
        "min_context_population": (5_000, "Smallest population of such a town."),
        "context_kind": (2, "How loosely such a town may match its name (0: main name, 1: also curated aliases, 2: also GeoNames alternate names)."),
    }

    def __init__(self, settings):
        super().__init__(settings)
        self.weights = Weights(**self.options["weights"])
        self.modifiers = bool(self.options["modifiers"])
        self.min_scan_population = int(self.options["min_scan_population"])
        self.infer = bool(self.options["infer"])
        self.weak_population = int(self.options["weak_population"])
        self.outside_unknown = bool(self.options["outside_unknown"])
        self.named_after = bool(self.options["named_after"])
        self.focus_population = int(self.options["focus_population"])
        self.local_focus = int(self.options["local_focus"])
        self.org_countries = bool(self.options["org_countries"])
        self.context_towns = bool(self.options["context_towns"])
        self.framed_names = bool(self.options["framed_names"])
        self.facilities = bool(self.options["facilities"])
        self.min_context_population = int(self.options["min_context_population"])
        self.context_kind = int(self.options["context_kind"])
        self._gaz = None
        self._country_pops: dict[str, int] = {}

    @property
    def gaz(self) -> gz.Gazetteer:
        if self._gaz is None:
            self._gaz = gz.open_gazetteer(self.settings.gazetteer)
        return self._gaz

    def __call__(self, doc: Document) -> Document:
        spans = self.recognize(doc)
        resolved = self.resolve_spans(doc, spans)
        doc.places = self._group(spans, resolved)
        return doc

    # ------------------------------------------------------------ recognition

    def recognize(self, doc: Document) -> list[Span]:
        """Toponym mentions in the article, in text order, not overlapping."""
        sdoc = doc.spacy
        if sdoc is None:
            return []
        text = doc.article.text
        found: list[tuple[int, int]] = []
        taken = [False] * (len(text) + 1)

        def add(start: int, end: int) -> None:
            # A token that swallowed its possessive ("Korea’s") keeps it out of the mention.
            if end - start > 2 and text[end - 2:end] in ("'s", "’s"):
                end -= 2
            if end <= start or any(taken[start:end]):
                return
            for i in range(start, end):
                taken[i] = True
            found.append((start, end))

        ents = list(sdoc.ents)
        doubtful: list[tuple[int, int]] = []
        maybe: list[tuple[int, int, int]] = []  # other entities that name a known place: start, end, end token
        for ent in ents:
            label = ent.label_
            parts = self._listed_places(ent) or self._shared_noun_places(ent)
            if parts:
                for part in parts:
                    add(part.start_char, part.end_char)
                continue
            if label == "NORP" and gz.normalize(ent.text) in demonyms():
                if self.modifiers and self._is_modifier(ent):
                    add(ent.start_char, ent.end_char)
            elif label in _PLACE_LABELS or label in ("ORG", "PERSON", "NORP", "PRODUCT"):
                span = self._trim(ent)
                if span is None:
                    continue
                start_tok, end_tok = span
                end_tok = self._extend(sdoc, start_tok, end_tok)
                name = sdoc[start_tok:end_tok].text
                if _is_modifier_word(name):
                    continue  # "Western countries", "Central bank": a modifier, not a place
                if len(name.strip(". ")) < 2:
                    continue  # "the intersection of 9th and L": a letter names a street, not a place to geocode
                cands = self.gaz.candidates(name)
                if label in _PLACE_LABELS:
                    if label == "FAC" and not cands and not (self.facilities and _facility_name(sdoc[start_tok:end_tok])):
                        continue
                    if end_tok > ent.end or not self._is_organisation_like(sdoc, start_tok, end_tok, cands):
                        add(sdoc[start_tok].idx, sdoc[end_tok - 1].idx + len(sdoc[end_tok - 1].text))
                elif end_tok > ent.end or (end_tok == ent.end and (self._strong(cands, name) or self._after_locative(sdoc, start_tok, cands))):
                    # ORG/PERSON only when the entity is the place name (or a longer place name starting there).
                    if sdoc[start_tok:ent.end].text == name or end_tok > ent.end:
                        add(sdoc[start_tok].idx, sdoc[end_tok - 1].idx + len(sdoc[end_tok - 1].text))
                elif cands and label != "ORG":  # clubs and firms named after their town stay organisations
                    doubtful.append((sdoc[start_tok].idx, sdoc[end_tok - 1].idx + len(sdoc[end_tok - 1].text)))
                if cands and end_tok == ent.end and sdoc[start_tok:end_tok].text == name and end_tok - start_tok <= 3:
                    maybe.append((sdoc[start_tok].idx, sdoc[end_tok - 1].idx + len(sdoc[end_tok - 1].text), end_tok))
                if label == "ORG" and self.org_countries:
                    self._country_in_org(sdoc, start_tok, ent.end, add)
                if label == "ORG" and self.facilities:
                    self._facility_in_org(sdoc, start_tok, ent.end, add)
        # One sense per discourse: a name taken as a place once is a place wherever spaCy doubted it.
        accepted = {gz.normalize(text[s:e]) for s, e in found}
        for s, e in doubtful:
            if gz.normalize(text[s:e]) in accepted:
                add(s, e)
        context: set[str] = set()
        towns: set[tuple[int, int]] = set()  # accepted by context: its own PERSON label is no evidence of a person

        def add_town(start: int, end: int) -> None:
            towns.add((start, end))
            add(start, end)

        if self.context_towns:
            context = self._context_countries(doc, found)
            self._add_context_towns(sdoc, context, maybe, add_town)
        self._dateline(sdoc, add)
        framed: set[tuple[int, int]] = set()
        if self.framed_names:
            self._framed(sdoc, lambda s, e: (framed.add((s, e)), add(s, e)))
        # A place by its form: kept even where the model's PERSON label says otherwise.
        self._place_compounds(sdoc, lambda s, e: (framed.add((s, e)), add(s, e)))
        self._facility_towns(sdoc, lambda s, e: (framed.add((s, e)), add(s, e)))
        if self.modifiers:
            self._hyphen_compounds(sdoc, add)
            self._demonym_tokens(sdoc, add)
        self._scan(sdoc, add, {i for e in ents for i in range(e.start, e.end)}, context, add_town)
        found = self._drop_people(sdoc, found, framed, towns)
        found = self._drop_diseases(text, found)
        found.sort()
        return [Span(start=s, end=e, text=text[s:e]) for s, e in found]

    def _dateline(self, sdoc, add) -> None:
        """The capitalised place that opens a news story ("OKLAHOMA CITY (AP) -", "SOUTH WAZIRISTAN, April 5")."""
        caps = 0
        while caps < min(len(sdoc), 4) and sdoc[caps].is_alpha and sdoc[caps].text.isupper() and len(sdoc[caps].text) > 1:
            caps += 1
        for stop in range(caps, 0, -1):
            cands = self._candidates(sdoc[0:stop].text)
            if cands and cands[0].kind <= 1 and cands[0].level in ("city", "admin1", "admin2", "country", "region"):
                add(sdoc[0].idx, sdoc[stop - 1].idx + len(sdoc[stop - 1].text))
                return

    def _listed_places(self, ent) -> list:
        """The places of an entity that is a list of them ("Kharkiv, Bakhmut and Avdiivka", which the model may call
        one organisation): every item a name the gazetteer knows as it is written, none a person's."""
        if len(ent) < 3 or not any(t.text == "," or t.dep_ == "cc" for t in ent):
            return []
        parts, start = [], ent.start
        for t in list(ent) + [None]:
            if t is None or t.text == "," or t.lower_ in ("and", "or"):
                end = t.i if t is not None else ent.end
                if end > start:
                    parts.append(ent.doc[start:end])
                start = end + 1
        if len(parts) < 2:
            return []
        for part in parts:
            cands = self.gaz.candidates(part.text)
            if not cands or cands[0].kind > 1 or not part.text[:1].isupper() or _is_modifier_word(part.text):
                return []  # "North and South Korea" shares its noun: no list of places
        return parts

    def _shared_noun_places(self, ent) -> list:
        """"North and South Korea": the first compass word, which stands for "North Korea", and "South Korea",
        when both are places the gazetteer knows as written."""
        m = re.fullmatch(rf"(?:the\s+)?({_DIRECTION.pattern})(\s+(?:and|or|&)\s+)({_DIRECTION.pattern})\s+(.+)", ent.text)
        if not m or not all(self.gaz.candidates(f"{d} {m.group(4)}") for d in (m.group(1), m.group(3))):
            return []
        first = ent.doc.char_span(ent.start_char + m.start(1), ent.start_char + m.end(1))
        second = ent.doc.char_span(ent.start_char + m.start(3), ent.end_char)
        return [first, second] if first is not None and second is not None else []

    def _facility_towns(self, sdoc, add) -> None:
        """A town named before a facility noun is where the facility is ("the strike on Kramatorsk railway station",
        "Zaporizhzhia nuclear plant"), whatever label the model gave it: a town of the gazetteer by its main name,
        of `weak_population` people at least."""
        facilities = _cues()["facility_nouns"]
        for tok in sdoc:
            if tok.dep_ != "compound" or not tok.text[:1].isupper() or tok.text.isupper() or tok.is_stop or tok.is_sent_start:
                continue
            if tok.i + 1 >= len(sdoc) or not sdoc[tok.i + 1].text.islower():
                continue  # the facility's own proper name ("Windsor Castle", "Plum Island Animal Disease Center") is another matter
            head = tok.head
            while head.dep_ == "compound" and head.head.i != head.i and head.i < head.head.i:
                head = head.head
            if head.lower_ not in facilities or head.i <= tok.i:
                continue
            cands = self.gaz.candidates(tok.text)
            if cands and cands[0].kind == 0 and cands[0].level == "city" and cands[0].population >= self.weak_population:
                add(tok.idx, tok.idx + len(tok.text))

    def _place_compounds(self, sdoc, add) -> None:
        """A known name before "-based", "-born", "-bound" is a place whatever label the model gave it ("the
        Kent-based outfit", "a Damascus-bound convoy")."""
        suffixes = _cues()["place_compound_words"]
        for tok in sdoc[2:]:
            hyphen = tok.nbor(-1)
            if tok.lower_ not in suffixes or hyphen.text not in ("-", "‐") or hyphen.whitespace_ or hyphen.nbor(-1).whitespace_:
                continue
            end = hyphen.i
            for start in range(max(0, end - 3), end):
                name = sdoc[start:end]
                if not all(t.text[:1].isupper() and not t.is_stop for t in name):
                    continue  # "The Kent-based outfit" names Kent
                cands = self.gaz.candidates(name.text)
                if cands and cands[0].kind <= 1:
                    add(name.start_char, name.end_char)
                    break

    def _hyphen_compounds(self, sdoc, add) -> None:
        """Both places of a hyphenated compound led by a demonym or combining form ("Russo-Ukrainian war",
        "Sino-US talks", "Austro-Hungarian"), whatever label the model gave the whole."""
        table = demonyms()
        for tok in sdoc[:-2]:
            nxt, other = tok.nbor(1), tok.nbor(2)
            if nxt.text != "-" or nxt.whitespace_ or tok.whitespace_ or gz.normalize(tok.text) not in table or not tok.text[:1].isupper():
                continue
            second = gz.normalize(other.text) in table or any(
                e.level == "country" and e.kind <= 1 for e in self.gaz.candidates(other.text))
            if second and other.text[:1].isupper():
                add(tok.idx, tok.idx + len(tok.text))
                add(other.idx, other.idx + len(other.text))

    def _demonym_tokens(self, sdoc, add) -> None:
        """One-word demonyms modifying a noun that the model gave no NORP label ("the prominent Slovak architect",
        "Danish wave energy developer"); languages stay languages ("English teacher")."""
        table = demonyms()
        for tok in sdoc:
            if tok.ent_type_ in ("NORP", "LANGUAGE") or not tok.text[:1].isupper() or gz.normalize(tok.text) not in table:
                continue
            if self._is_modifier(sdoc[tok.i:tok.i + 1]):
                add(tok.idx, tok.idx + len(tok.text))

    def _context_countries(self, doc: Document, found) -> set[str]:
        """The countries the document is about so far: those of the names found and of its actors."""
        text = doc.article.text
        context: set[str] = set()
        for s, e in found:
            cands = self._candidates(text[s:e])
            if cands and cands[0].country and cands[0].kind <= 1:
                context.add(cands[0].country)
        for actor in doc.actors:
            if actor.country and len(actor.country) == 3:
                cc = self.gaz.alpha2(actor.country)
                if cc:
                    context.add(cc)
        return context

    def _context_town(self, root, cands, context: set[str], strict: bool = False) -> bool:
        """A town of a country the document is about, in a place's slot: what is attacked, captured or gone to (an
        object), not the subject that acts ("BA reckons"). `strict` for a word no entity backs: its main name and
        a town of some size ("the U.S.' War on Terror" is no town in West Virginia)."""
        if root.dep_ not in ("pobj", "dobj", "conj", "appos"):
            return False
        if root.dep_ == "dobj" and root.head.lemma_.lower() in _cues()["place_object_verbs"] and root.ent_type_ != "PERSON":
            # "captured Badme": what is captured or shelled is a place, in whichever country the gazetteer has it
            # (but "police captured Smith": a person).
            return any(c.level == "city" and c.kind <= 1 for c in cands)
        kind, population = (0, self.weak_population) if strict else (self.context_kind, self.min_context_population)
        return any(c.level == "city" and c.kind <= kind and c.country in context and c.population >= population for c in cands)

    def _add_context_towns(self, sdoc, context: set[str], maybe, add) -> None:
        """Entities the model gave another label ("captured Jaffna", "the Manbij campaign") that name a town of a
        country the document is about, or that a place noun follows ("Makhmur district")."""
        text = sdoc.text  # built anew on every access
        nouns = _cues()["place_nouns"]
        for s, e, end_tok in maybe:
            cands = self._candidates(text[s:e])  # abbreviations match only their aliases ("BA" is no town)
            if not any(c.level == "city" for c in cands):
                continue
            if end_tok < len(sdoc) and sdoc[end_tok].lower_ in nouns:
                add(s, e)
                continue
            first = sdoc.char_span(s, e, alignment_mode="expand")[0]
            if first.i > 0 and sdoc[first.i - 1].lower_ == "the":
                continue  # "with the Alliance": a town's name takes no article
            if self._context_town(sdoc[end_tok - 1], cands, context):
                add(s, e)

    @staticmethod
    def _framed(sdoc, add) -> None:
        """Names the text frames as places, known to the gazetteer or not: "the village of Tamthil", "the towns of
        Palmyra and Quaryatayn", "Makhmur district". Unknown ones resolve to the document place that holds them."""
        cues = _cues()
        frame, suffix = cues["frame_nouns"], cues["suffix_nouns"]
        n = len(sdoc)
        for tok in sdoc:
            i = tok.i
            if tok.lower_ == "of" and 0 < i < n - 1 and sdoc[i - 1].lower_ in frame and sdoc[i - 1].pos_ == "NOUN":
                j = i + 1
                while j < n:
                    end = _name_end(sdoc, j)
                    if end == j:
                        break
                    add(sdoc[j].idx, sdoc[end - 1].idx + len(sdoc[end - 1].text))
                    # "the towns of Palmyra and Quaryatayn", "the villages of Tamthil, Ashmi and Dutu"
                    if end + 1 < n and sdoc[end].lower_ in (",", "and"):
                        j = end + 1 + (sdoc[end + 1].lower_ == "and")
                    else:
                        break
            elif tok.lower_.endswith("s") and tok.lower_[:-1] in suffix and tok.pos_ == "NOUN" and i > 2 and tok.text.islower():
                # "the Jumla and Diwan villages": a list of names before a plural suffix noun
                names, end = [], i
                while end > 0:
                    start = end
                    while start > 0 and _name_word(sdoc[start - 1]) and end - start < 3:
                        start -= 1
                    if start == end or not sdoc[start].text[:1].isupper() or sdoc[start].is_sent_start:
                        break
                    names.append((start, end))
                    if start >= 2 and sdoc[start - 1].lower_ in ("and", ","):
                        end = start - 1 - (sdoc[start - 2].text == "," and sdoc[start - 1].lower_ == "and")
                    else:
                        break
                if len(names) >= 2 and not any(_is_modifier_word(sdoc[a:b].text) for a, b in names):  # not "the Eastern and Northern regions"
                    for start, end in names:
                        add(sdoc[start].idx, sdoc[end - 1].idx + len(sdoc[end - 1].text))
            elif tok.lower_ in suffix and tok.pos_ == "NOUN" and i > 0 and tok.text.islower():
                start = i
                while start > 0 and _name_word(sdoc[start - 1]) and i - start < 4:
                    start -= 1
                while start < i and sdoc[start].text.lower() in cues["name_particles"]:
                    start += 1
                if start < i and sdoc[start].text[:1].isupper() and not sdoc[start].is_sent_start:
                    add(sdoc[start].idx, sdoc[i - 1].idx + len(sdoc[i - 1].text))
                    # Whose possessive holds it is a place too: "Donetsk's Kirovsky district".
                    if start >= 2 and sdoc[start - 1].text in ("'s", "’s"):
                        owner = start - 1
                        while owner > 0 and _name_word(sdoc[owner - 1]) and start - 1 - owner < 3:
                            owner -= 1
                        if owner < start - 1 and not sdoc[owner].is_sent_start:
                            add(sdoc[owner].idx, sdoc[start - 2].idx + len(sdoc[start - 2].text))

    def _facility_in_org(self, sdoc, start: int, end: int, add) -> None:
        """An organisation-labelled name that is a facility ("Al-Shifa Hospital"), and a known place the model
        swallowed into it after "in" or "at" ("the Bardo Museum in Tunis")."""
        facility_nouns = _cues()["facility_nouns"]
        stop = end
        for k in range(start + 1, end - 1):
            if sdoc[k].lower_ in ("in", "at", "near") and sdoc[k + 1].text[:1].isupper():
                tail = sdoc[k + 1:end]
                if self.gaz.candidates(tail.text):
                    add(tail.start_char, tail.end_char)
                stop = k
                break
        if stop - start >= 2 and sdoc[stop - 1].lower_ in facility_nouns and sdoc[start].text[:1].isupper():
            add(sdoc[start].idx, sdoc[stop - 1].idx + len(sdoc[stop - 1].text))

    def _country_in_org(self, sdoc, start: int, end: int, add) -> None:
        """Countries and first-level regions named inside an organisation ("Zimbabwe Electoral Commission", "the US
        Federal Reserve", "the Nigerian Army"): a metonymic mention of that country or region. A town inside an
        organisation's name is not ("Manchester United", "The Washington Post")."""
        i = start
        while i < end:
            matched = 0
            for stop in range(min(end, i + 4), i, -1):
                toks = sdoc[i:stop]
                if not toks[0].text[:1].isupper() or not toks[-1].text[:1].isupper():
                    continue
                name = toks.text
                if _is_modifier_word(name):
                    continue
                key = gz.normalize(name)
                if key in demonyms():
                    # A demonym inside an organisation's name modifies it ("the Russian Foreign Ministry").
                    if stop < end:
                        add(toks.start_char, toks.end_char)
                        matched = stop - i
                        break
                    continue
                cands = self.gaz.candidates(name)
                if self._org_place(cands, name):
                    add(toks.start_char, toks.end_char)
                    matched = stop - i
                    break
                if cands and stop - i > 1 and cands[0].kind == 0:
                    matched = stop - i  # the longest name here is a town ("St. Paul"): not "Paul" inside it
                    break
            i += matched or 1

    def _org_place(self, cands, name: str) -> bool:
        """Whether a name inside an organisation's name is first of all a country or first-level region."""
        if not cands:
            return False
        top = cands[0]
        if top.level == "country":
            return top.kind <= 1
        if top.level == "region" and top.curated and " " in name:
            return top.kind == 0  # a curated news region of two words or more ("Niger Delta Development Commission")
        if top.level == "admin1":
            # A region that shares its name with a big city ("New York", "Washington") is the city in an
            # organisation's name (The Washington Post), and a town is not a place there.
            if any(e.level == "city" and e.population >= self.min_scan_population for e in cands if e.kind <= 1):
                return False
            # Abbreviations ("BC", "NSW") only when they are curated aliases written in capitals.
            return top.kind == 0 or (top.kind == 1 and name.isupper())
        return False

    @staticmethod
    def _drop_diseases(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Names of diseases, not places: "West Nile virus", "Lassa fever", "Ebola". One sense per discourse: once the
        text names a disease so ("Marburg virus"), the name alone is the disease too ("imported Marburg"), unless a
        region follows it as a place's ("monkeys imported to Reston, Virginia")."""
        cues = _cues()
        diseases = set(cues["disease_names"])
        # Where a disease noun follows a word ("... virus") and where a disease name and a hyphen precede one
        # ("Ebola-..."): one pass over the text, not one per name (a long article names hundreds of places).
        before_noun = [m.start() for m in re.finditer(r"(?<=\w)[\s-]+([A-Za-z]+)", text) if m.group(1).lower() in cues["disease_nouns"]]
        after_name = [m.end() for m in re.finditer(r"([A-Za-z]+)-", text) if m.group(1).lower() in cues["disease_names"]]
        for name in {text[s:e] for s, e in found}:
            starts = [end - len(name) for end in before_noun if text.endswith(name, 0, end)]
            starts += [start for start in after_name if text.startswith(name, start) and not _word_char(text, start + len(name))]
            for start in starts:
                if _word_char(text, start - 1) or re.search(r"[A-Z][a-z]+ $", text[max(0, start - 20):start]):
                    continue  # inside a longer name: "West Nile virus" says nothing of the Nile
                diseases.add(gz.normalize(name))
                break
        return [(s, e) for s, e in found if gz.normalize(text[s:e]) not in diseases or text[e:e + 1] == ","]

    def _drop_people(self, sdoc, found: list[tuple[int, int]], framed: set[tuple[int, int]] = frozenset(),
                     towns: set[tuple[int, int]] = frozenset()) -> list[tuple[int, int]]:
        """One sense per discourse for people: a one-word name that the document also uses as a person's name
        ("Dewly Nelson ... Nelson says") is that person, unless it is a country or region, follows "in" or is
        framed as a place ("the village of Tamthil")."""
        votes: Counter = Counter()  # > 0: the word is used more often for a person than as a place
        full_names: set[str] = set()
        speakers: set[str] = set()
        for ent in sdoc.ents:
            if ent.label_ == "PERSON" and (ent.start_char, ent.end_char) not in towns:
                for t in ent:
                    if t.is_alpha and t.text[:1].isupper():
                        # A full name ("Yulia Skripal") says more than a lone word the model may have mislabelled.
                        votes[gz.normalize(t.text)] += 2 if len(ent) > 1 else 1
                        if len(ent) > 1:
                            full_names.add(gz.normalize(t.text))
            elif ent.label_ in _PLACE_LABELS and len(ent) == 1:
                votes[gz.normalize(ent.text)] -= 1
        people = {w for w, n in votes.items() if n > 0}
        # A lone name that speaks or feels ("Noma said", "Guhdar is worried") is a person, unless the gazetteer
        # knows it as a big place, which may speak for its government ("Moscow said").
        person_verbs = _cues()["person_verbs"]
        for tok in sdoc:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.text[:1].isupper() and tok.head.lemma_.lower() in person_verbs \
                    and not any(c.dep_ == "compound" for c in tok.children):
                cands = self.gaz.candidates(tok.text)
                if not cands or all(c.level == "city" and c.population < _SPEAKING_TOWN for c in cands):
                    speakers.add(gz.normalize(tok.text))
        people |= speakers
        if not people and not full_names:
            return found
        text = sdoc.text  # built anew on every access
        # A word of a person's full name that the gazetteer does not know is that person wherever the model calls
        # it a place ("Yulia Skripal ... Yulia said", "President Muhammadu Buhari ... Buhari is"), however often.
        people |= {w for w in full_names if not self.gaz.candidates(w)}
        protected: set[str] = set()
        cued: set[tuple[int, int]] = set(framed)
        for s, e in found:
            name = text[s:e]
            key = gz.normalize(name)
            if key in people:
                span = sdoc.char_span(s, e, alignment_mode="expand")
                cands = self.gaz.candidates(name)
                if cands and cands[0].level in ("country", "continent") and cands[0].kind <= 1 and key not in full_names:
                    protected.add(key)  # "Jordan" the model called a person; "Chad Johnson ... Chad said" is the player
                elif key in demonyms() and key not in full_names:
                    protected.add(key)  # "Slovak architect" the model called a person; "John French" stays one
                elif key not in full_names and self._strong(cands, name):
                    protected.add(key)  # a big city the model called a person, with no full name to back it
                elif span is not None and self._after_locative(sdoc, span.start, cands):
                    cued.add((s, e))
                    if key not in full_names and key not in speakers:
                        protected.add(key)  # "in Kherson" once: a place in every mention
        kept = []
        for s, e in found:
            name = text[s:e]
            key = gz.normalize(name)
            if key in people and key not in protected and (s, e) not in cued and " " not in name.strip():
                continue
            kept.append((s, e))
        return kept

    @staticmethod
    def _trim(ent) -> tuple[int, int] | None:
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        numbered_road = end - start >= 2 and doc[start].lower_ in _cues()["road_words"] and doc[end - 1].like_num
        while end > start and (doc[end - 1].is_punct or (doc[end - 1].like_num and not numbered_road) or doc[end - 1].is_space
                               or doc[end - 1].text in ("'s", "’s")):
            end -= 1
        if end <= start:
            return None
        return start, end

    def _extend(self, sdoc, start: int, end: int) -> int:
        """The end of the longest gazetteer name that starts at `start` and covers at least [start, end)."""
        best = end
        limit = min(len(sdoc), end + 5)
        for stop in range(end + 1, limit + 1):
            tok = sdoc[stop - 1]
            if tok.is_space or tok.is_sent_start:
                break
            if tok.is_punct and tok.text not in ("-", "‐"):
                break
            if tok.text not in ("-", "‐") and self.gaz.candidates(sdoc[start:stop].text):  # never end on a hyphen ("London-based")
                best = stop
        return best

    def _strong(self, cands, name: str) -> bool:
        """A mislabelled entity counts as a place only if the name is first of all a big place."""
        if not cands or not name[:1].isupper():
            return False
        top = cands[0]
        if top.level in ("country", "continent", "admin1") or top.curated:
            return True
        if any(e.curated and e.kind <= 1 and e.level in ("site", "water", "region") for e in cands):
            return True  # a news site, sea or region named outright ("the White House said"), over namesake hamlets
        return top.level == "city" and top.population >= self.min_scan_population

    @staticmethod
    def _is_organisation_like(sdoc, start: int, end: int, cands) -> bool:
        """A GPE that heads a longer organisation name ("Manchester United") is not a place."""
        if end < len(sdoc):
            nxt = sdoc[end]
            if nxt.ent_type_ == "ORG" and nxt.ent_iob_ == "I":
                return True
        return False

    @staticmethod
    def _is_modifier(ent) -> bool:
        last = ent[-1]
        doc = last.doc
        if last.i + 2 < len(doc) and doc[last.i + 1].text in ("-", "‐") and doc[last.i + 2].pos_ in ("VERB", "ADJ"):
            return True  # "Russian-backed", "Saudi-led": a hyphenated modifier
        while last.dep_ == "conj" and last.head.i < last.i:
            last = last.head  # "Japanese and South Korean counterparts": the first conjunct carries the head
        if last.tag_ in ("NNS", "NNPS"):
            return False
        if last.pos_ == "ADJ" or last.dep_ in ("amod", "compound", "nmod"):
            return last.head.i != last.i and last.head.pos_ in ("NOUN", "PROPN") and last.head.i > last.i
        return False

    def _scan(self, sdoc, add, in_entity: set[int], context: set[str] = frozenset(), add_town=None) -> None:
        """Capitalised sequences outside entities that the gazetteer knows as a country, region, water, site or big
        city, or as a town of a country the document is about in a place's slot ("shelled Donetsk")."""
        n = len(sdoc)
        i = 0
        while i < n:
            tok = sdoc[i]
            if i in in_entity or not tok.text[:1].isupper() or tok.is_stop:
                i += 1
                continue
            matched = 0
            for stop in range(min(n, i + 5), i, -1):
                if any(j in in_entity for j in range(i, stop)):
                    continue
                last = sdoc[stop - 1]
                if not (last.text[:1].isupper() or last.is_alpha and last.text.islower() and stop - i > 1):
                    continue
                name = sdoc[i:stop].text
                if _is_modifier_word(name):
                    continue
                cands = self.gaz.candidates(name)
                if cands and (self._scan_worthy(cands) or self._after_locative(sdoc, i, cands)):
                    if stop - i == 1 and cands[0].curated and cands[0].level in ("water", "region", "site") \
                            and _inside_longer_name(sdoc, i, stop):
                        continue  # "The Weather Channel", "Gulf Air": a word of a longer name, not the sea
                    add(tok.idx, last.idx + len(last.text))
                    matched = stop - i
                    break
                if cands and add_town and tok.pos_ == "PROPN" and _standalone(sdoc, i, stop) \
                        and self._context_town(last, self._candidates(name), context, strict=True):
                    add_town(tok.idx, last.idx + len(last.text))
                    matched = stop - i
                    break
            i += matched or 1

    @staticmethod
    def _after_locative(sdoc, i: int, cands) -> bool:
        """A proper noun after "in"/"near" or "the towns of" that the gazetteer knows as a town is a place, however small."""
        tok = sdoc[i]
        # A name the model tagged otherwise ("from Bakhmut" as an adverb), but no acronym ("from IP addresses").
        named = tok.pos_ == "PROPN" or (tok.ent_type_ and tok.text[:1].isupper() and not tok.text.isupper())
        if i == 0 or not named or not cands or cands[0].kind > 1:
            return False
        if i + 1 < len(sdoc) and sdoc[i + 1].text in ("'s", "’s") and tok.ent_type_ in ("PERSON", "ORG"):
            return False  # "at Zara's headquarters": the locative is the headquarters', and Zara a firm
        cues = _cues()
        prev = sdoc[i - 1]
        if prev.lower_ in cues["locative_preps"]:
            return True
        if i >= 2 and prev.pos_ == "ADJ" and prev.text.islower() and sdoc[i - 2].lower_ in cues["locative_preps"]:
            return True  # "in highland Latakia", "in northern Idlib"
        if prev.lower_ in ("to", "from") and prev.head.lemma_.lower() in cues["motion_verbs"]:
            return True  # "travelling to Cirencester", "fled from Aleppo"
        return prev.lower_ == "of" and i >= 2 and sdoc[i - 2].lower_ in cues["place_nouns"]

    def _scan_worthy(self, cands) -> bool:
        top = cands[0]
        if top.kind > 1:
            return False
        if top.level in ("country", "continent") or top.curated:
            return True
        if top.level == "admin1":
            return top.kind == 0  # abbreviations ("Miss.", "Man.") are words too often
        return top.level == "city" and top.population >= self.min_scan_population * 5

    # ------------------------------------------------------------ resolution

    def resolve_spans(self, doc: Document, spans: list[Span]) -> list[gz.Entry | None]:
        """The gazetteer entry of each span (None when unknown), ranked with the whole document as context."""
        text = doc.article.text
        names = [self._name_of(text, s) for s in spans]
        cand_lists = [self._division_named(self._candidates(n), n, text[s.end:s.end + 16]) for n, s in zip(names, spans)]
        w = self.weights
        # 1. containment: what the text says holds each name ("Paris, Texas", "Lebanon's Tripoli", "X in Lebanon").
        inside, in_town = self._containment(text, spans, names, cand_lists)
        # 2. country context from actors and from names whose reading is clear.
        votes: Counter = Counter()
        for actor in doc.actors:
            if actor.country and len(actor.country) == 3:
                cc = self.gaz.alpha2(actor.country)
                if cc:
                    votes[cc] += w.actor * max(1, len(actor.mentions))
        for cands in cand_lists:
            cc = self._clear_country(cands)
            if cc:
                votes[cc] += 1
        # An organisation named after a town ("Cambridge Analytica", "the Venice Commission") takes the town's
        # best-known reading: the name is its own, and the article's country says nothing of where it began.
        keys = [gz.normalize(n) for n in names]
        named_after = self._only_in_names(text, spans, keys, cand_lists) if self.named_after else set()
        # 3. first pass without distances; its readings become the context of a second pass, each name
        #    leaving out its own vote, with distances to the first pass's places.
        first = [self._best(c, votes, inside[i], None, names[i]) for i, c in enumerate(cand_lists)]
        votes = Counter(votes)
        for e in first:
            if e is not None and e.country and e.kind <= 1:  # an alternate name's reading is too weak to vouch
                votes[e.country] += 1
        own = [Counter({e.country: 1}) if e is not None and e.country and e.kind <= 1 else Counter() for e in first]
        # Other names' first readings: a name must not vouch for itself through its own mentions.
        others = {(k, e.id): e for k, e in zip(keys, first) if e is not None and e.level in ("city", "admin1", "admin2", "site")}
        final = [
            self._best(c, votes - own[i], inside[i], [e for (k, _), e in others.items() if k != keys[i]], names[i])
            if keys[i] not in named_after else self._best(c, Counter(), None, None, names[i])
            for i, c in enumerate(cand_lists)
        ]
        for i, j in in_town.items():
            town, e = final[j], final[i]
            if town is not None and town.level == "city" and e is not None and e.level in ("city", "site", "admin2") \
                    and gz.haversine(town.lat, town.lon, e.lat, e.lon) > _IN_TOWN_KM:
                final[i] = _inferred_at(town, names[i])  # a namesake elsewhere is not the town's own quarter
        for i in range(len(spans) - 1):
            # "the Ghat area of Doda district": a part of a place is in that place's country; a namesake abroad is not it.
            host, e = final[i + 1], final[i]
            if (e is not None and host is not None and host.level != "continent" and e.country != host.country
                    and _PART_OF_GAP.match(text[spans[i].end:spans[i + 1].start])):
                final[i] = _inferred_at(host, names[i])
        if self.infer:
            if self.outside_unknown:
                final = self._drop_outside(spans, text, cand_lists, final)
            final = self._infer(names, self._drop_weak(keys, final, named_after), spans, text)
            final = self._locate_embedded(names, cand_lists, final, spans, text)
        return final

    def _containment(self, text: str, spans: list[Span], names: list[str], cand_lists):
        """What holds each name, by the text's own words: (country, admin1 or None) per span, or None; and the
        names a town's possessive holds ("Jerusalem's Old City"), by span index, with the town's index."""
        # "Paris, Texas", "Long Beach, CA": the second name narrows the first.
        inside: list[tuple[str | None, str | None] | None] = [None] * len(spans)
        for i in range(len(spans) - 1):
            gap = text[spans[i].end:spans[i + 1].start]
            if gap.strip() == "," and len(gap) <= 3:
                outer = cand_lists[i + 1]
                state = self._state_code(names[i + 1])
                if state:
                    inside[i] = ("US", state)
                elif outer and outer[0].level in ("country", "admin1"):
                    inside[i] = (outer[0].country, outer[0].admin1 if outer[0].level == "admin1" else None)
        # "Lebanon's Tripoli", "Ukraine's eastern city of Kharkiv": a country or region's possessive holds the name.
        frame = _cues()["possessive_frame_words"]
        in_town: dict[int, int] = {}  # name -> the town whose possessive holds it ("Jerusalem's Old City")
        for j in range(len(spans) - 1):
            gap = text[spans[j].end:spans[j + 1].start]
            words = _POSSESSIVE_GAP.match(gap)
            if inside[j + 1] is not None or not words or any(w not in frame for w in words.group(1).split()):
                continue
            if cand_lists[j] and cand_lists[j][0].level == "city":
                in_town[j + 1] = j
            inside[j + 1] = _holder(cand_lists[j], cand_lists[j + 1])
        # "Tripoli and Sidon in Lebanon", "Kharkiv in Ukraine": a country or region after "in" holds the names
        # before it, back over the list they form.
        for j in range(1, len(spans)):
            if not _IN_GAP.match(text[spans[j - 1].end:spans[j].start]):
                continue
            i = j - 1
            while i >= 0 and inside[i] is None:
                if not self.gaz.candidates(names[i]):
                    break  # read through a place inside it: "Madison Square Garden in New York" is no Madison County
                inside[i] = _holder(cand_lists[j], cand_lists[i])
                if i == 0 or not _LIST_GAP.match(text[spans[i - 1].end:spans[i].start]):
                    break
                i -= 1
        for i, s in enumerate(spans):
            if inside[i] is None:
                tail = re.match(r",\s*([A-Z]{2}|[A-Z]\.[A-Z]\.)\b", text[s.end:s.end + 8])
                if tail and self._state_code(tail.group(1)):
                    inside[i] = ("US", self._state_code(tail.group(1)))
        return inside, in_town

    @staticmethod
    def _only_in_names(text: str, spans: list[Span], keys: list[str], cand_lists) -> set[str]:
        """Keys of town names the text uses only as the first word of a longer name ("Cambridge Analytica")."""
        inside: dict[str, bool] = {}
        for key, span, cands in zip(keys, spans, cand_lists):
            follows = _NAME_GOES_ON.match(text[span.end:span.end + 40])
            bare = follows is None or follows.group(1).lower() in _cues()["name_continuations"] \
                or text[span.start:span.end].isupper()  # "LONDON The Latest": a dateline, then the story
            town = bool(cands) and all(e.level in ("city", "admin2") for e in cands) and len({e.country for e in cands}) > 1
            inside[key] = inside.get(key, True) and town and not bare
        return {k for k, v in inside.items() if v}

    def _locate_embedded(self, names: list[str], cand_lists, resolved: list[gz.Entry | None], spans: list[Span],
                         text: str) -> list[gz.Entry | None]:
        """A name read only through a place inside it ("Madison Square Garden") that the text locates elsewhere
        ("... in New York") stands at that place, as an inferred name, not at the place its name contains."""
        out = list(resolved)
        order = sorted(range(len(spans)), key=lambda k: spans[k].start)
        for pos, i in enumerate(order[:-1]):
            e, j = resolved[i], order[pos + 1]
            if e is None or e.level == "inferred" or not cand_lists[i] or self.gaz.candidates(names[i]):
                continue  # unknown, already placed, or the name itself is in the gazetteer
            if e.level == "country" or e.curated:
                continue  # "US Federal Reserve in Washington" is still a mention of the US
            host = self._followed_by(spans[i], spans[j], text, resolved[j])
            if host is not None and host.id != e.id and host.level != "inferred" and not _within(host, e) and not _within(e, host):
                out[i] = _inferred_at(host, names[i])
        return out

    @staticmethod
    def _division_named(cands, name: str, after: str) -> tuple[gz.Entry, ...]:
        """Only the divisions among the readings of a name the text calls a division ("the Rostov region",
        "Kandahar province", "Kherson oblast"), when it has such readings; a news region of the name stays."""
        words = name.split()
        nxt = re.match(r"\s+([A-Za-z]+)", after)
        # A longer name says it itself ("Kandahar province"); a one-word name is told by the next word.
        word = words[-1].lower() if len(words) > 1 else nxt.group(1).lower() if nxt else ""
        cues = _cues()
        level = "admin1" if word in cues["admin1_words"] else "admin2" if word in cues["admin2_words"] else None
        if level is None or any(e.level == "region" for e in cands):
            return cands
        division = tuple(e for e in cands if e.level == level)
        return division or cands

    def _clear_country(self, cands) -> str | None:
        """The country a name is in whatever its reading: its only country, a country's own name, or the country of
        a reading whose prior beats every reading elsewhere by a clear margin (Birmingham, England over Alabama)."""
        if not cands or all(e.kind > 1 for e in cands):
            return None  # a name known only as some place's alternate name vouches for no country ("Kirovsky district")
        if cands[0].level == "country" or len({e.country for e in cands}) == 1:
            return cands[0].country
        priors = [(self._prior(e), e.country) for e in cands]
        best, cc = max(priors, key=lambda p: p[0])
        rival = max((p for p, c in priors if c != cc), default=-1e9)
        return cc if cc and best - rival > self.weights.clear_margin else None

    @staticmethod
    def _drop_outside(spans: list[Span], text: str, cand_lists, resolved: list[gz.Entry | None]) -> list[gz.Entry | None]:
        """Forget the reading of a town named inside a region or country where the gazetteer knows no town of that
        name ("Largo, Scotland" has only Largo, Florida): it is a place the gazetteer lacks, inferred in that region."""
        out = list(resolved)
        for i in range(len(spans) - 1):
            e = resolved[i]
            if e is None or e.level not in ("city", "site", "admin2"):
                continue
            if not all(_comma_joined(text, spans, j) == (j == i) for j in (i - 1, i, i + 1)):
                continue  # "X, Y" alone, not a list ("Copenhagen, Hamburg and Mannheim"; "Saipan, Guam, Alaska")
            if gz.normalize(text[spans[i + 1].start:spans[i + 1].end]) in demonyms():
                continue  # "a tournament at Basel, Iranian Grand Master ...": an adjective after the comma names no region
            regions = [o for o in cand_lists[i + 1] if o.kind <= 1 and o.level in ("country", "admin1")]
            if regions and not any(c.country == o.country and (o.level == "country" or c.admin1 == o.admin1)
                                   for c in cand_lists[i] for o in regions):
                out[i] = None
        return out

    def _drop_weak(self, keys: list[str], resolved: list[gz.Entry | None], named_after: set[str] = frozenset()) -> list[gz.Entry | None]:
        """Forget readings that are only a small town abroad ("Chartres" in an article set in New Orleans): a town
        matched by an alternate name or smaller than `weak_population`, in a country no other name of the document
        is in. A town an organisation is named after ("the Venice Commission") is no place of the story and stays."""
        out = list(resolved)
        for i, e in enumerate(resolved):
            if e is None or e.level not in ("city", "site") or e.curated or keys[i] in named_after:
                continue
            if any(o is not None and o.country == e.country and keys[j] != keys[i] for j, o in enumerate(resolved)):
                continue
            if (e.kind < 2 or e.population >= self.focus_population and gz.normalize(e.name) in keys[i].split()) \
                    and e.population >= self.weak_population:
                # (a big city named with a word of its own name, "Gaza City" for Gaza, is no weak reading, as "Jin" or
                # "Julia", old names of other cities, would be)
                # A bigger town abroad still yields when every other place is local news of one country (a
                # "Delft police station" among Khayelitsha, Cape Town and the Western Cape is a place of theirs).
                others = {o.id: o for j, o in enumerate(resolved) if o is not None and keys[j] != keys[i]}
                if not (self.focus_population > e.population and len(others) >= self.local_focus
                        and len({o.country for o in others.values()}) == 1
                        and any(o.level in _LOCAL_LEVELS and o.level != "admin1" for o in others.values())):
                    continue
            if any(o is not None and keys[j] != keys[i] for j, o in enumerate(resolved)):
                out[i] = None
        return out

    def _infer(self, names: list[str], resolved: list[gz.Entry | None], spans: list[Span] | None = None,
               text: str = "") -> list[gz.Entry | None]:
        """Unknown names placed at the document place that most likely contains them, marked level "inferred".

        A name followed by a place the document resolved ("the Guildhall School of Music in London", "Mount
        Chaambi, Kasserine") is there; a name that contains one ("Suffolk County", "Cavan Town Hall") is in or near
        it; any other unknown name (a street, a school, a district) is most likely in the place the article is
        about: its most mentioned town or region, else its most mentioned country.
        """
        if all(e is not None for e in resolved) or not any(e is not None for e in resolved):
            return resolved
        known: dict[str, gz.Entry] = {}
        counts: Counter = Counter()
        first: dict[int, int] = {}
        by_id: dict[int, gz.Entry] = {}
        table = demonyms()
        for i, (name, e) in enumerate(zip(names, resolved)):
            if e is None:
                continue
            if gz.normalize(name) not in table:  # "French" names France, yet the French Quarter is not in France
                known.setdefault(gz.normalize(name), e)
            known.setdefault(gz.normalize(e.name), e)
            counts[e.id] += 1
            first.setdefault(e.id, i)
            by_id[e.id] = e
        container = self._container(counts, first, by_id)
        main = by_id[container] if container is not None else None
        out = list(resolved)
        hosts = list(resolved)  # the place each name stands at, an unknown name's too ("Cellardyke in Fife, Scotland")
        order = sorted(range(len(names)), key=lambda k: spans[k].start) if spans else list(range(len(names)))
        after = {order[k]: order[k + 1] for k in range(len(order) - 1)}
        for i in reversed(order):  # right to left: a name's location is named after it
            if resolved[i] is not None or gz.normalize(names[i]) in _cues()["bloc_words"]:
                continue  # "the West", "Western governments", "Arab solidarity": a bloc of countries, not a place here
            host = self._followed_by(spans[i], spans[after[i]], text, hosts[after[i]]) if spans and i in after else None
            if host is not None and main is not None and main.level in _LOCAL_LEVELS and _within(main, host):
                host = main  # "Fort Detrick, Maryland" in an article about Frederick: the article's town, not the state's middle
            if host is None:
                host = self._contained_place(names[i], known)
            if host is None:
                host = main
            if host is not None:
                hosts[i] = host
                out[i] = _inferred_at(host, names[i])
        return out

    @staticmethod
    def _followed_by(span: Span, nxt: Span, text: str, host: gz.Entry | None) -> gz.Entry | None:
        """The place `host` named by the next span `nxt` when it gives span's location ("X in London", "X, Kasserine")."""
        if host is None or host.level == "continent" or nxt.start < span.end or not _LOCATED_BY.match(text[span.end:nxt.start]):
            return None
        if "," in text[span.end:nxt.start] and host.level not in ("country", "admin1", "admin2", "region") and not re.match(r"\s*(?:[,.;:)]|$)", text[nxt.end:nxt.end + 2]):
            return None  # "Beyond Madinaty, Liverpool have...": a town after a comma is the place only when the phrase ends there
        return host

    @staticmethod
    def _container(counts: Counter, first: dict[int, int], by_id: dict[int, gz.Entry]) -> int | None:
        """The place the article is about: its main country, that country's main region, and that region's main town."""
        cc_w: Counter = Counter()
        for i, n in counts.items():
            if by_id[i].country:
                cc_w[by_id[i].country] += n
        if not cc_w:
            return None
        cc = max(cc_w, key=lambda c: (cc_w[c], -min(first[i] for i in by_id if by_id[i].country == c)))
        inside = [i for i in counts if by_id[i].country == cc]
        a1_w: Counter = Counter()
        for i in inside:
            if by_id[i].admin1 and by_id[i].level in _LOCAL_LEVELS:
                a1_w[by_id[i].admin1] += counts[i]
        if a1_w:
            a1 = max(a1_w, key=lambda a: (a1_w[a], -min(first[i] for i in inside if by_id[i].admin1 == a)))
            local = [i for i in inside if by_id[i].admin1 == a1 and by_id[i].level in _LOCAL_LEVELS]
            towns = [i for i in local if by_id[i].level in ("city", "site", "admin2")]
            pool = towns or local
        else:
            pool = [i for i in inside if by_id[i].level in _LOCAL_LEVELS] or [i for i in inside if by_id[i].level == "country"] or inside
        return max(pool, key=lambda i: (counts[i], -first[i]))

    @staticmethod
    def _contained_place(name: str, known: dict[str, gz.Entry]) -> gz.Entry | None:
        """The document place whose name is the longest part of `name` ("Cavan" in "Cavan County Council")."""
        words = gz.normalize(name).split()
        modifiers = _cues()["common_modifiers"]
        for length in range(len(words) - 1, 0, -1):
            for start in range(len(words) - length + 1):
                sub = " ".join(words[start:start + length])
                if sub in known and sub not in modifiers and known[sub].country:
                    return known[sub]  # a country-less place contains nothing ("Pacific Northwest" is not at sea)
        return None

    @staticmethod
    def _name_of(text: str, span: Span) -> str:
        """The name a mention stands for: its text, or, for the first of two compass words that share a noun
        ("North and South Korea"), the word with that noun ("North Korea")."""
        name = text[span.start:span.end]
        if _DIRECTION.fullmatch(name):
            shared = _SHARED_NOUN.match(text[span.end:span.end + 60])
            if shared:
                return f"{name} {shared.group(1)}"
        return name

    def _candidates(self, name: str) -> tuple[gz.Entry, ...]:
        gid = demonyms().get(gz.normalize(name))
        if gid is not None:
            # A demonym names its country, not the hamlet that happens to share the word ("Canadian", Texas).
            entry = self.gaz.get(gid)
            return (entry,) if entry else ()
        if _is_modifier_word(name):
            return ()  # "Western", "Central": a common modifier, not Western Province (Zambia) or Centre (Cameroon)
        cands = self.gaz.candidates(name)
        named = {e.country for e in cands if e.level == "country" and e.kind <= 1}
        if named:
            # A country's own name ("Mexico") is that country, not a place that has it only as an alternate
            # name (Mexico City) nor its namesake region inside it (the State of Mexico); places named so
            # outright elsewhere (Georgia, the US state) stay candidates.
            cands = tuple(e for e in cands if e.kind <= 1 and (e.level == "country" or e.country not in named))
        if any(e.level == "admin2" for e in cands):
            cands = _without_namesake_counties(cands)
        if cands and _ACRONYM.match(name):
            # "SA", "WA", "N.B.": an abbreviation names only what is written that way or listed as its alias,
            # not a hamlet whose name or alternate name happens to be the same letters (Siá, Cyprus; Wa, Ghana).
            cands = tuple(e for e in cands if e.kind == 1 or (e.kind == 0 and e.name.isupper()) or e.level == "country" and e.kind == 0)
        if cands:
            return cands
        stripped = _POSSESSIVE.sub("", name).strip()
        if stripped != name:
            cands = self.gaz.candidates(stripped)
            if cands:
                return cands
        if any(noun in gz.normalize(stripped) for noun in _cues()["mission_nouns"]):
            # The country a mission's name gives is the one it represents, not where it is ("British Embassy
            # Tokyo" is in Tokyo); only a town in the name says where, else the text around it does.
            return self._embedded(stripped, abroad=True)
        return self._embedded(stripped) or self._demonym_led(stripped)

    def _demonym_led(self, name: str) -> tuple[gz.Entry, ...]:
        """The continent or multi-country region whose demonym opens a longer name ("European Commission", "African
        National Congress"): the name stands for that place, not for the article's own town where an unknown name
        is inferred. A country's demonym does not ("British International School" in Cairo is in Cairo)."""
        words = name.split()
        for length in (2, 1):
            if len(words) > length:
                gid = demonyms().get(gz.normalize(" ".join(words[:length])))
                if gid is not None:
                    entry = self.gaz.get(gid)
                    return (entry,) if entry is not None and entry.country is None else ()
        return ()

    def _embedded(self, name: str, abroad: bool = False) -> tuple[gz.Entry, ...]:
        """Candidates of the longest well-known place name inside a longer name ("Dubai World Cup", "Colorado State").

        `abroad` is for a diplomatic mission's name: the country it names is the one it represents, so only a town
        in it counts, wherever it stands ("British Embassy Tokyo")."""
        words = name.split()
        for length in range(len(words) - 1, 0, -1):
            for start in range(len(words) - length + 1):
                sub = words[start:start + length]
                if not sub[0][:1].isupper() or _is_modifier_word(" ".join(sub)):
                    continue
                if length == 1 and 0 < start and words[start - 1].lower() not in ("of", "in", "at") \
                        and not _is_modifier_word(words[start - 1]) and not abroad:
                    continue  # one word inside a name is its place only first, after "of" or a modifier ("Western Kasai"), not "Kendale Lakes School"
                cands = self.gaz.candidates(" ".join(sub))
                if abroad:
                    cands = tuple(e for e in cands if e.level not in ("country", "continent"))
                elif cands and cands[0].level == "continent" and start > 0:
                    continue  # a continent inside a name does not locate it ("SM Mall of Asia" is in Manila)
                if cands and self._strong(cands, sub[0]) and (cands[0].kind == 0 or self._org_place(cands, " ".join(sub))):
                    return cands  # a main name, or a country's or region's news alias ("US Federal Reserve")
        return ()

    def _state_code(self, name: str) -> str | None:
        """The US state a postal code ("CA", "N.Y.") names, if it is one."""
        code = name.replace(".", "")
        return code if _STATE_CODE.match(name) and self.gaz.admin1("US", code) else None

    def _country_population(self, cc: str) -> int:
        pop = self._country_pops.get(cc)
        if pop is None:
            entry = self.gaz.country(cc)
            pop = self._country_pops[cc] = entry.population if entry else 0
        return pop

    def _prior(self, e: gz.Entry) -> float:
        w = self.weights
        if e.level == "country":
            s = w.country
        elif e.level == "continent":
            s = w.continent
        elif e.level == "admin1":
            s = w.admin1
            if w.small_country_admin1 and e.country:
                pop = self._country_population(e.country)
                if pop:
                    s -= w.small_country_admin1 * max(0.0, 7.0 - math.log10(pop))
        elif e.level == "admin2":
            s = w.admin2
        elif e.curated or e.level in ("region", "water", "site"):
            s = w.curated
        else:
            s = w.city_log_pop * math.log10(e.population + 10) + w.fame * math.log10(1 + e.fame)
            if e.feature_code == "PPLC" and e.kind <= 1:
                s += w.capital  # not by a former name GeoNames keeps (Salisbury, Harare's until 1982, is first an English town)
        if e.kind > 1:
            s += w.alternate
        return s

    def _best(self, cands, votes: Counter, inside, spatial, name: str) -> gz.Entry | None:
        if not cands:
            return None
        w = self.weights
        total = sum(votes.values()) or 1.0
        direct = bool(self.gaz.candidates(name))  # not a place name inside a longer one ("SM Mall of Asia")
        best, best_score = None, -1e9
        for e in cands:
            s = self._prior(e)
            if e.country is None and votes and w.borderless and direct:
                s += w.borderless  # no country to win context for: "the Middle East" against a hamlet of the document's country
            if e.country and votes.get(e.country):
                if e.level == "country":
                    s += w.context_country
                else:
                    s += w.context_any + w.context_share * votes[e.country] / total
            if inside is not None:
                cc, a1 = inside
                if e.country == cc and (a1 is None or e.admin1 == a1):
                    s += w.contained
            if spatial and e.level == "admin1" and any(o.level == "admin1" and o.country == e.country for o in spatial) \
                    and not any(c.country == e.country and (c.level == "country" or _metropolis(c)) for c in cands):
                s += w.sibling_admin1  # not over the region's own country ("Mexico") or a capital or metropolis of its name (Washington, New York)
            if spatial and e.level in ("city", "site", "admin1", "admin2"):
                if any(o.country == e.country and o.admin1 == e.admin1 and e.admin1 for o in spatial):
                    s += w.admin_context
                if any(gz.haversine(e.lat, e.lon, o.lat, o.lon) < 150 for o in spatial[:200]):
                    s += w.near
            if s > best_score:
                best, best_score = e, s
        return best

    # ------------------------------------------------------------ output

    def _group(self, spans: list[Span], resolved: list[gz.Entry | None]) -> list[Place]:
        places: dict[object, Place] = {}
        for span, entry in zip(spans, resolved):
            key = entry.id if entry is not None and entry.level != "inferred" else ("?", gz.normalize(span.text))
            place = places.get(key)
            if place is None:
                place = to_place(entry, span.text)
                places[key] = place
            place.mentions.append(span)
        return list(places.values())


def _facility_name(span) -> bool:
    """Whether a name the model calls a facility reads as one: it ends in a facility noun ("Al-Shifa Hospital",
    "Castello Road"), opens with one ("Fort Hood", "Camp Lejeune") or is a numbered road ("Route 58"); "Easter
    Vigil Mass" is not."""
    cues = _cues()
    if span[-1].lower_ in cues["facility_nouns"]:
        return True
    if len(span) >= 2 and span[0].lower_ in cues["facility_leads"] and span[1].text[:1].isupper():
        return True
    return len(span) >= 2 and span[0].lower_ in cues["road_words"] and span[-1].like_num


def _standalone(sdoc, start: int, stop: int) -> bool:
    """Whether tokens start..stop are a name of their own, not part of a longer capitalised one ("Toronto Star",
    "Hermione Granger", "the Budweiser Man of the Match") nor led by "the"."""
    before = sdoc[start - 1] if start > 0 else None
    after = sdoc[stop] if stop < len(sdoc) else None
    if before is not None and (before.lower_ == "the" or (before.text[:1].isupper() and not before.is_sent_start and before.is_alpha)):
        return False
    return not (after is not None and after.text[:1].isupper() and after.is_alpha)


def _inside_longer_name(sdoc, start: int, stop: int) -> bool:
    """Whether tokens start..stop sit inside a longer capitalised name: a proper noun or noun right before them
    (not a sentence's first word, nor "In" or "The"), or a proper noun right after."""
    before = sdoc[start - 1] if start > 0 else None
    after = sdoc[stop] if stop < len(sdoc) else None
    if before is not None and before.is_alpha and before.text[:1].isupper() and not before.is_sent_start \
            and before.pos_ in ("PROPN", "NOUN"):
        return True
    return after is not None and after.is_alpha and after.text[:1].isupper() and after.pos_ == "PROPN"


def _name_word(tok) -> bool:
    """A word of a proper name: capitalised and not a plain word of the sentence, or a name particle ("al", "-")."""
    if tok.text.lower() in _cues()["name_particles"]:
        return True
    return tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ") and not tok.is_stop and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")


def _name_end(sdoc, j: int) -> int:
    """The end (exclusive) of the capitalised name starting at token j, at most four words; j when none starts there."""
    if not (sdoc[j].text[:1].isupper() and _name_word(sdoc[j])):
        return j
    end = j + 1
    while end < len(sdoc) and end - j < 6 and _name_word(sdoc[end]):
        end += 1
    while end > j + 1 and sdoc[end - 1].text.lower() in _cues()["name_particles"]:
        end -= 1  # a trailing particle or hyphen belongs to the next word, not this name
    return end


def _metropolis(e: gz.Entry) -> bool:
    """A capital or a city of a million people: what its name means by default, even beside a list of regions."""
    return e.level == "city" and (e.feature_code == "PPLC" or e.population >= 1_000_000)


def _without_namesake_counties(cands: tuple[gz.Entry, ...]) -> tuple[gz.Entry, ...]:
    """Drop a county or district named after a town of the same name in it ("Paris" the département, "Orange" the
    Australian shire): the name is the town's; a county the text names outright ("Orange County") has its own name."""
    towns = [e for e in cands if e.level == "city"]
    return tuple(e for e in cands if e.level != "admin2" or not any(
        t.country == e.country and t.admin1 == e.admin1 and gz.haversine(t.lat, t.lon, e.lat, e.lon) < 100 for t in towns))


def _comma_joined(text: str, spans: list[Span], i: int) -> bool:
    """Whether span i and the next one are joined by a comma alone ("Fife, Scotland")."""
    if i < 0 or i + 1 >= len(spans):
        return False
    gap = text[spans[i].end:spans[i + 1].start]
    return gap.strip() == "," and len(gap) <= 3


def _inferred_at(host: gz.Entry, name: str) -> gz.Entry:
    """An entry for a name the gazetteer lacks, standing at the place `host` that holds it (level "inferred")."""
    return replace(host, id=0, name=name, feature_class=None, feature_code=None, level="inferred", kind=3, curated=False)


def _holder(outer_cands, cands) -> tuple[str | None, str | None] | None:
    """(country, admin1 or None) of the first country or region reading of a holding name that holds a reading of
    the held one ("Athens in Georgia": the state, since Georgia the country holds no Athens); None when none does."""
    for o in outer_cands:
        if o.level in ("country", "admin1") and o.kind <= 1 and any(
                c.country == o.country and (o.level == "country" or c.admin1 == o.admin1) for c in cands):
            return o.country, o.admin1 if o.level == "admin1" else None
    return None


def _within(inner: gz.Entry, outer: gz.Entry) -> bool:
    """Whether `inner` lies inside the country or first-level region `outer` and is more local than it."""
    if outer.level == "country":
        return inner.country == outer.country and inner.level != "country"
    if outer.level == "admin1":
        return inner.country == outer.country and inner.admin1 == outer.admin1 and inner.level != "admin1"
    return False


def to_place(entry: gz.Entry | None, surface: str) -> Place:
    """A models.Place for a gazetteer entry (or an unresolved name)."""
    if entry is None:
        return Place(name=surface)
    return Place(
        name=entry.name,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country,
        country3=entry.country3,
        admin1=entry.admin1,
        feature_class=entry.feature_class,
        feature_code=entry.feature_code,
        level=entry.level if entry.level in _LEVELS else None,
        # An inferred place is only the place the article is about, standing in for a name the gazetteer lacks.
        score=INFERRED_SCORE if entry.level == "inferred" else None,
    )


INFERRED_SCORE = 0.1
_LEVELS = {"continent", "country", "admin1", "admin2", "city", "site", "region", "water", "inferred"}
# Levels of a place an unknown name may lie in (the article's town or region, before its country).
_LOCAL_LEVELS = {"city", "site", "admin2", "admin1"}
