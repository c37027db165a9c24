"""Actors: who — entity mentions resolved to knowledge-base actors with country, sector and office.

The cascade, per document:
1. match KB aliases (people, organisations, IGOs, country names, demonyms, capitals) with a PhraseMatcher;
2. merge them with spaCy's PERSON / ORG / NORP / GPE entities (a KB person or organisation wins an
   overlap; a longer spaCy ORG/PERSON wins over a country word inside it, e.g. "Bank of Japan");
3. read the title words around each person ("Russian President Vladimir Putin", "Peskov, the Kremlin
   spokesman") for country, sector and office;
4. turn role noun phrases ("U.S. officials", "top Russian military officials", "rebels") into group
   actors keyed by country and sector;
5. resolve in-document coreference: a surname ("Putin", "Kim") links to the full-name actor, a
   definite role phrase ("the North Korean leader") to the person whose country and sector match;
6. give a titled person outside the KB who is still without a country the only country its sentence
   (else paragraph) names — a weaker cue, so it comes last and never overrides a title or KB entry.

The knowledge base is data (src/dateline/data/actors-*.{tsv,jsonl}); `load_kb()` reads it once.
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import ConfigError, PipelineError
from .models import Actor, Document, Span
from .pipeline import Stage

DATA = resources.files("dateline") / "data"

ENTITY_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
POSSESSIVE = {"'s", "’s", "'", "’"}
# Tokens that may sit inside a title zone before a name without ending it.
TITLE_DEPS = {"compound", "amod", "nmod", "poss", "case", "punct", "nummod", "advmod", "cc", "conj", "det", "appos", "npadvmod"}


@dataclass(frozen=True)
class Entry:
    """One KB actor: a person or an organisation, with aliases and offices."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...] = ()
    offices: tuple[tuple[str, str | None, str | None], ...] = ()  # (title, start, end), ISO dates

    def office_on(self, date: str | None) -> str | None:
        """The office(s) held on `date` (YYYY-MM-DD, or a prefix); without a date, the latest ones."""
        if not self.offices:
            return None
        if date:
            # Compare on the shorter precision: a year-only "1989" end still covers "1989-05-01".
            held = [t for t, s, e in self.offices if (s is None or s[: len(date)] <= date[: len(s)]) and (e is None or date[: len(e)] <= e[: len(date)])]
            return "; ".join(held) or None
        current = [t for t, s, e in self.offices if e is None]
        return "; ".join(current) if current else self.offices[-1][0]


# Words for the state that make its armed men soldiers, whatever the noun ("regime fighters").
_STATE_WORDS = {"government", "regime", "state"}

# Offices whose holders the news call by surname alone: heads of state and of government.
_HEADS = ("President of", "Prime Minister of", "Chancellor of", "King of", "Queen of", "Emir of", "Sultan of", "Emperor of",
          "Supreme Leader of", "Premier of", "Taoiseach", "Military ruler of", "Interim President of", "Head of State of")


def _leads(entry: Entry, date: str | None) -> bool:
    """Whether a KB person is a head of state or government on `date` (or ever, without a date)."""
    titles = (entry.office_on(date) or "").split("; ") if date else [t for t, _, _ in entry.offices]
    return any(t and t.startswith(_HEADS) for t in titles if t)


@dataclass(frozen=True)
class Role:
    """A role noun or modifier from actors-roles.tsv."""

    term: str
    sector: str
    use: str  # head | modifier | both
    strength: int
    kind: str  # person | group | org


@dataclass
class KnowledgeBase:
    """Everything the actors stage knows, loaded from the data files."""

    entries: dict[str, Entry]
    country_names: dict[str, str]  # ISO alpha-3 -> display name
    aliases: dict[str, list[tuple[str, str]]]  # alias -> [(type, ref)]; type person|organization|name|demonym|capital
    roles: dict[str, Role]
    surnames: dict[str, list[str]]  # normalised last name -> KB person ids
    locative_preps: frozenset[str]
    motion_words: frozenset[str]


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t") if row and not row[0].startswith("#")]


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@lru_cache(maxsize=4)
def load_kb(data_dir: str | None = None) -> KnowledgeBase:
    """Read the actor KB and lexicons from `data_dir` (default: the package's data files), once per process."""
    base = Path(data_dir) if data_dir else Path(str(DATA))
    try:
        country_rows = _rows(base / "actors-countries.tsv")
        records = _jsonl(base / "actors-organizations.jsonl") + _jsonl(base / "actors-people.jsonl")
        role_rows = _rows(base / "actors-roles.tsv")
        loc_rows = _rows(base / "actors-locative.tsv")
    except (OSError, json.JSONDecodeError, csv.Error) as err:
        raise ConfigError(f"actor knowledge base in {base} cannot be read ({err}); reinstall dateline or fix the data file") from None

    aliases: dict[str, list[tuple[str, str]]] = {}
    country_names: dict[str, str] = {}
    for code, typ, alias in country_rows:
        if typ == "name":
            country_names.setdefault(code, alias)
        typ = "demonym" if typ in ("adjective", "people") else typ
        if (typ, code) not in aliases.setdefault(alias, []):
            aliases[alias].append((typ, code))
    entries: dict[str, Entry] = {}
    for rec in records:
        offices = tuple((o["title"], o.get("start"), o.get("end")) for o in rec.get("offices", []))
        entry = Entry(rec["id"], rec["name"], rec["kind"], rec.get("country"), rec.get("sector"), tuple(rec.get("aliases", [])), offices)
        entries[entry.id] = entry
        for alias in {entry.name, *entry.aliases}:
            kind = "person" if entry.kind == "person" else "organization"
            # A KB name outranks a country word spelled the same (e.g. "Vatican").
            aliases.setdefault(alias, []).insert(0, (kind, entry.id))
    roles = {r[0]: Role(r[0], r[1], r[2], int(r[3]), r[4]) for r in role_rows}
    surnames: dict[str, list[str]] = {}
    for entry in entries.values():
        if entry.kind == "person":
            for name in {entry.name, *entry.aliases}:
                key = _surname_key(name.split()[-1])
                if entry.id not in surnames.setdefault(key, []):
                    surnames[key].append(entry.id)
    preps = frozenset(w for w, t in loc_rows if t == "prep")
    motion = frozenset(w for w, t in loc_rows if t == "motion")
    return KnowledgeBase(entries, country_names, aliases, roles, surnames, preps, motion)


_MATCHERS: dict[int, tuple[object, object, dict[int, str]]] = {}


def _matcher(vocab, kb: KnowledgeBase):
    """A PhraseMatcher over every KB alias, built once per spaCy vocab."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1], cached[2]
    import spacy
    from spacy.matcher import PhraseMatcher

    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    matcher = PhraseMatcher(vocab, attr="ORTH")
    keys: dict[int, str] = {}
    names = list(kb.aliases)
    for alias, pattern in zip(names, tokenizer.pipe(names)):
        key = vocab.strings.add("ACTOR::" + alias)
        keys[key] = alias
        matcher.add("ACTOR::" + alias, [pattern])
    _MATCHERS[id(vocab)] = (vocab, matcher, keys)
    return matcher, keys


def _surname_key(word: str) -> str:
    """A last name folded for lookup: "al-Bashir", "El Bashir" and "Bashir" meet."""
    word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    return re.sub(r"^(al|el|al-|el-)(?=-)|^(al|el)-", "", word).strip("-")


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


@dataclass
class _Candidate:
    """A stretch of tokens that names something, with what the KB or spaCy says it is."""

    start: int  # token indices, end exclusive
    end: int
    typ: str  # person | organization | name | demonym | capital | PERSON | ORG | NORP | GPE
    ref: str | None = None  # KB id or country code


@dataclass
class _Reading:
    """What the words around a name or role noun say: country, sector, office and the tokens used."""

    country: str | None = None
    sector: str | None = None
    strength: int = 0
    office: str | None = None
    role: Role | None = None
    tokens: set[int] = field(default_factory=set)
    countries: list[tuple[str, int, int]] = field(default_factory=list)  # (code, token start, token end)
    start: int | None = None  # first token of the phrase's mention (no determiner or possessor)


class Actors(Stage):
    """Fill `doc.actors`: people, organisations, countries and groups, each with every mention."""

    name = "actors"
    requires = ("spacy", "published")
    assigns = ("actors",)
    option_defaults = {"data_dir": (None, "Folder of knowledge-base files (actors-*.tsv/jsonl) to use instead of the packaged ones.")}

    def __init__(self, settings):
        super().__init__(settings)
        self.kb = load_kb(self.options["data_dir"])

    def __call__(self, doc: Document) -> Document:
        sdoc = doc.spacy
        if sdoc is None:
            raise PipelineError("the actors stage needs the spaCy parse; put the annotate stage before actors")
        doc.actors = _DocumentActors(self.kb, sdoc, doc.article.published.value).run()
        return doc


class _DocumentActors:
    """The actors of one spaCy doc; a fresh instance per document."""

    def __init__(self, kb: KnowledgeBase, sdoc, date: str | None):
        self.kb, self.sdoc, self.date = kb, sdoc, date
        self.actors: dict[str, Actor] = {}
        self.cand_at: dict[int, _Candidate] = {}  # token index -> candidate covering it
        self.used: set[int] = set()  # tokens already read as title/role words of an actor
        self.title_tokens: set[int] = set()  # tokens read as the title of a named person
        self.role_countries: set[int] = set()  # country words read as part of an unnamed office ("the Chancellor of Germany")
        self.inner_at: dict[int, _Candidate] = {}  # country words inside a longer name, for reading only

    # -- registry -------------------------------------------------------------------------------
    def _mention(self, actor: Actor, start: int, end: int) -> None:
        """Add the token span [start, end) as a mention of `actor` (registered on first use)."""
        if start >= end:
            return
        span = self.sdoc[start:end]
        known = self.actors.setdefault(actor.id, actor)
        if all((m.start, m.end) != (span.start_char, span.end_char) for m in known.mentions):
            known.mentions.append(Span(start=span.start_char, end=span.end_char, text=span.text))

    def _kb_actor(self, entry_id: str) -> Actor:
        if entry_id in self.actors:
            return self.actors[entry_id]
        e = self.kb.entries[entry_id]
        kind = e.kind if e.kind in ("person", "organization", "group") else "other"
        return Actor(id=e.id, name=e.name, kind=kind, country=e.country, sector=e.sector, office=e.office_on(self.date))

    def _country_actor(self, code: str) -> Actor:
        key = f"country:{code}"
        return self.actors.get(key) or Actor(id=key, name=self.kb.country_names.get(code, code), kind="country", country=code)

    def _group_actor(self, code: str | None, sector: str, name: str) -> Actor:
        key = f"group:{code or '-'}:{sector}"
        return self.actors.get(key) or Actor(id=key, name=name, kind="group", country=code, sector=sector)

    # -- the cascade ----------------------------------------------------------------------------
    def run(self) -> list[Actor]:
        candidates = self._candidates()  # 1-2
        for c in candidates:
            for i in range(c.start, c.end):
                self.cand_at[i] = c
        pending_people: list[tuple[_Candidate, _Reading]] = []
        for c in candidates:
            self._resolve(c, pending_people)
        self._persons(pending_people)  # 3, 5 (names)
        self._roles()  # 4, 5 (role phrases)
        self._context_countries()  # 6
        actors = [a for a in self.actors.values() if a.mentions]
        for a in actors:
            a.mentions.sort(key=lambda m: m.start)
        return sorted(actors, key=lambda a: a.mentions[0].start)

    def _candidates(self) -> list[_Candidate]:
        """KB alias matches merged with spaCy entities, without overlaps."""
        from spacy.util import filter_spans

        matcher, keys = _matcher(self.sdoc.vocab, self.kb)
        kb_spans = []
        for key, start, end in matcher(self.sdoc):
            span = self.sdoc[start:end]
            span.label_ = keys[key]
            kb_spans.append(span)
        kb_spans = filter_spans(kb_spans)
        out: list[_Candidate] = []
        taken: set[int] = set()
        ents = [self._trim(e) for e in self.sdoc.ents if e.label_ in ENTITY_LABELS]
        # spaCy often tags a title as ORG ("US National Security Advisor" before a name): not a name.
        ents = [e for e in ents if e is not None and not self._is_title(e)]
        # spaCy may also tag a people as a person ("Bosnian Serbs"): a "name" made of country words only is none.
        country_words = {i for span in kb_spans if self.kb.aliases[span.label_][0][0] in ("name", "demonym")
                         for i in range(span.start, span.end)}
        ents = [e for e in ents if not (e.label_ == "PERSON" and all(t.i in country_words for t in e if not t.is_punct))]
        # Nor is a "person" whose last word names a building or a place ("the President Hotel" tagged "Hotel").
        ents = [e for e in ents if not (e.label_ == "PERSON" and e[-1].lower_ in _NOT_NAMES)]
        # Nor are letters after a name ("Judge Neil Ford QC", "John Smith MP"), which spaCy may tag as a person of their own.
        ents = [e for e in ents if not (e.label_ == "PERSON" and all(t.text.rstrip(".") in _POST_NOMINALS for t in e))]
        # Nor is a lone word capitalised only because it opens the sentence, before a role noun ("Riot police
        # deployed"): a kind of the role, no one's name ("the Bush administration" keeps its Bush).
        ents = [e for e in ents if not (e.label_ == "PERSON" and len(e) == 1 and e.start == e.sent.start
                                        and e.root.dep_ == "compound" and self._role_at(e.root.head) is not None)]
        big_ents = [e for e in ents if e.label_ in ("ORG", "PERSON")]
        for span in kb_spans:
            typ, ref = self.kb.aliases[span.label_][0]
            if typ == "person" and any(e.label_ == "PERSON" and e.start <= span.start and span.end <= e.end and (e.end - e.start) > (span.end - span.start)
                                       for e in big_ents):
                continue  # "Mohammed Munir" is someone else than the KB's Munir: a longer name is its own person
            if typ in ("name", "demonym", "capital"):
                # A country word inside a longer unknown name ("Bank of Japan") belongs to that name.
                # So does one after "New" ("New Mexico", "New South Wales", "New England"): another place's name.
                if any(e.start <= span.start and span.end <= e.end and (e.end - e.start) > (span.end - span.start) for e in big_ents) or (
                        span.start > 0 and self.sdoc[span.start - 1].text == "New") or any(
                        e.start < span.start and span.end <= e.end and self.sdoc[e.start].text == "New" for e in self.sdoc.ents):
                    inner = _Candidate(span.start, span.end, typ, ref)
                    self.inner_at.update({i: inner for i in range(span.start, span.end)})
                    continue
            out.append(_Candidate(span.start, span.end, typ, ref))
            taken.update(range(span.start, span.end))
        for e in ents:
            if taken.isdisjoint(range(e.start, e.end)):
                out.append(_Candidate(e.start, e.end, e.label_))
                taken.update(range(e.start, e.end))
        taken |= {i for e in self.sdoc.ents for i in range(e.start, e.end)}
        for start, end in self._titled_names(taken):
            out.append(_Candidate(start, end, "PERSON"))
        out.extend(self._missed_names(out, taken))
        return sorted(out, key=lambda c: c.start)

    def _missed_names(self, found: list[_Candidate], taken: set[int]) -> list[_Candidate]:
        """Further mentions of a name the entity recogniser tagged elsewhere in the article but not here ("Mark Rathbun
        ... Rathbun requested donations", the second tagged a common noun): the same capitalised words, standing alone
        (no capitalised word of a longer name beside them), of a person's full name or surname or an organisation's
        name. A word the article also writes in lower case ("Bush", "bush") is a word, not the name."""
        lowered = {t.lower_ for t in self.sdoc if t.text.islower()}
        names: dict[tuple[str, ...], str] = {}
        for c in found:
            words = tuple(t.text for t in self.sdoc[c.start:c.end])
            if not all(w[:1].isupper() for w in words):
                continue
            if c.typ in ("PERSON", "person"):
                names.setdefault(words, "PERSON")
                if len(words) > 1 and words[-1].isalpha():
                    names.setdefault(words[-1:], "PERSON")
            elif c.typ == "ORG" and len(words) > 1:
                names.setdefault(words, "ORG")
        names = {w: label for w, label in names.items() if not (len(w) == 1 and w[0].lower() in lowered)}
        at: dict[str, list[int]] = {}
        for t in self.sdoc:
            at.setdefault(t.text, []).append(t.i)
        out: list[_Candidate] = []
        for words in sorted(names, key=len, reverse=True):
            n = len(words)
            for i in at.get(words[0], ()):
                span = self.sdoc[i:i + n]
                if tuple(t.text for t in span) != words or any(t.i in taken for t in span) or not all(t.pos_ in ("PROPN", "NOUN") for t in span):
                    continue
                before = self.sdoc[i - 1] if i > 0 else None
                after = self.sdoc[i + n] if i + n < len(self.sdoc) else None
                if any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() for t in (before, after)):
                    continue  # ("Greg Rathbun" is someone else)
                out.append(_Candidate(i, i + n, names[words]))
                taken.update(range(i, i + n))
        return out

    def _titled_names(self, taken: set[int]) -> list[tuple[int, int]]:
        """Names the entity recogniser missed after a capitalised person title: "Governor Ana Ruiz apologized" (spaCy's
        small model tags no PERSON there). The name is one to three capitalised proper nouns the title hangs on, none
        of them a role, a place word or part of another entity."""
        out = []
        for t in self.sdoc:
            role = self._role_at(t)
            if role is None or role.kind != "person" or not t.text[:1].isupper() or t.dep_ != "compound" or t.i in taken:
                continue
            head = t.head
            run = list(self.sdoc[t.i + 1: head.i + 1])
            if not 1 <= len(run) <= 3 or head.i <= t.i:
                continue
            if all(u.pos_ == "PROPN" and u.is_title and u.is_alpha and u.i not in taken and self._role_at(u) is None
                   and u.lower_ not in _NOT_NAMES for u in run) and all(u.head.i == head.i for u in run[:-1]):
                out.append((run[0].i, head.i + 1))
                taken.update(u.i for u in run)
        return out

    def _is_title(self, span) -> bool:
        """An ORG entity that ends in a person role and runs into a name, e.g. "Kremlin Spokesman Peskov"."""
        if span.label_ != "ORG" or span.end >= len(self.sdoc):
            return False
        role = self._role_at(span[-1])
        nxt = self.sdoc[span.end]
        return role is not None and role.kind == "person" and nxt.ent_type_ == "PERSON"

    def _trim(self, span):
        """The entity without a leading determiner, a trailing possessive or a trailing conjunction ("Burkina Faso
        and" before another country), and cut at a line break (a name never runs across one: "Wales Online\n\n- Piers
        Morgan" is a site's name, then a headline); None if nothing is left."""
        start, end = span.start, span.end
        breaks = [t.i for t in span if "\n" in t.text or "\n" in t.whitespace_]
        if breaks:
            cut = breaks[0]
            end = cut if "\n" in self.sdoc[cut].text else cut + 1
        while start < end and self.sdoc[start].lower_ in ("the", "a", "an"):
            start += 1
        while end > start and (self.sdoc[end - 1].text in POSSESSIVE or self.sdoc[end - 1].pos_ == "CCONJ" or self.sdoc[end - 1].text == ","):
            end -= 1
        if start >= end:
            return None
        trimmed = self.sdoc[start:end]
        trimmed.label_ = span.label_
        return trimmed

    def _resolve(self, c: _Candidate, pending_people: list) -> None:
        if c.typ == "person":
            reading = self._read_title(c)
            if c.end - c.start == 1 and reading.role is None and not self._full_name_in_doc(c.ref) and not self._leader_by_surname(c):
                # A bare surname ("Munir") is the KB's person only when the article names that person in full or
                # titles them; otherwise a person of that name, if the model says it is one, else nothing.
                if self.sdoc[c.start].ent_type_ == "PERSON":
                    pending_people.append((_Candidate(c.start, c.end, "PERSON"), reading))
                return
            pending_people.append((c, reading))
        elif c.typ == "PERSON":
            if any(t.is_alpha and t.is_title or t.is_upper for t in self.sdoc[c.start:c.end]):
                pending_people.append((c, self._read_title(c)))
        elif c.typ == "organization":
            self._mention(self._kb_actor(c.ref), c.start, c.end)
        elif c.typ == "name":
            if not self._modifies_actor(c):
                self._mention(self._country_actor(c.ref), c.start, c.end)
        elif c.typ == "capital":
            if self._agentive(self.sdoc[c.start:c.end].root):
                self._mention(self._group_actor(c.ref, "GOV", f"{self.kb.country_names.get(c.ref, c.ref)} government"), c.start, c.end)
            else:
                # "talks in Moscow", "a Vienna suburb": a place in the country, not its government acting.
                self._mention(self._country_actor(c.ref), c.start, c.end)
        elif c.typ == "demonym":
            self._demonym(c)
        elif c.typ == "ORG":
            self._unknown_org(c)
        elif c.typ == "NORP":
            root = self.sdoc[c.start:c.end].root
            if root.pos_ in ("NOUN", "PROPN") and root.dep_ not in ("amod", "compound"):
                name = self.sdoc[c.start:c.end].text
                role = self._role_at(root)  # "Republicans", "a Democrat": a party's members
                self._mention(self.actors.get(f"group:{_slug(name)}") or Actor(id=f"group:{_slug(name)}", name=name, kind="group",
                                                                               sector=role.sector if role else None), c.start, c.end)

    def _leader_by_surname(self, c: _Candidate) -> bool:
        """Whether a bare surname is the head of state or government the news call by it ("Putin condemned the
        attack", "Trump threatened Iran"): the one KB person of that surname holding such an office on the article's
        date (at any time, when it has none), and no one else of that name in the article ("Mike Johnson ... Johnson")."""
        word = self.sdoc[c.start].text
        if any(other.typ == "PERSON" and other.end - other.start > 1 and self.sdoc[other.end - 1].text == word
               for other in self.cand_at.values()):
            return False
        leaders = {entry_id for entry_id in self.kb.surnames.get(_surname_key(word), ())
                   if _leads(self.kb.entries[entry_id], self.date)}
        return leaders == {c.ref}

    def _full_name_in_doc(self, entry_id: str) -> bool:
        """True when a multi-word name or alias of this KB person occurs in the document."""
        return any(cand.typ == "person" and cand.ref == entry_id and cand.end - cand.start > 1 for cand in self.cand_at.values())

    def _demonym(self, c: _Candidate) -> None:
        """A demonym modifying a role or a name is read with it; otherwise it mentions its country."""
        if not self._modifies_actor(c):
            self._mention(self._country_actor(c.ref), c.start, c.end)

    def _modifies_actor(self, c: _Candidate) -> bool:
        """True when a country word is an adjectival modifier of a role noun or a name ("U.S. officials")."""
        token = self.sdoc[c.start:c.end].root
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        if token.dep_ not in ("amod", "compound", "nmod") or token.head is token:
            return False
        noun = token.head
        while True:
            cand = self.cand_at.get(noun.i)
            role = self._role_at(noun)
            if (role is not None and role.sector != "-") or noun.ent_type_ == "PERSON" or (cand is not None and cand.typ in ("person", "PERSON")):
                return True
            if noun.dep_ != "compound" or noun.head is noun:
                return False
            noun = noun.head

    def _is_head_role(self, token) -> bool:
        """A role noun heading its phrase ("fighter" in "fighter jet" is not)."""
        return self._role_at(token) is not None and token.dep_ != "compound" 

    def _unknown_org(self, c: _Candidate) -> None:
        span = self.sdoc[c.start:c.end]
        reading = self._read_tokens(range(c.start, c.end))
        for t in span:
            role = self._role_at(t)
            if role is not None and role.strength >= reading.strength:
                reading.sector, reading.strength = role.sector, role.strength
        if reading.country is None:
            # "Ivory Coast's Supreme Court", "the Supreme Court of Kenya"
            outside = [t.i for ch in span.root.children if ch.dep_ == "poss" or (ch.dep_ == "prep" and ch.lower_ == "of") for t in ch.subtree]
            reading.country = self._read_tokens([i for i in outside if not c.start <= i < c.end]).country
        if reading.country is None and reading.sector is None and len(span) < 2:
            # A lone unknown word tagged ORG is too often a place or product, unless the article has named the body in
            # full before ("Ford Motor Company ... an investigation of Ford's practices").
            short = span.text
            named = [a for a in self.actors.values() if a.kind == "organization" and a.name.startswith(short + " ") and a.mentions]
            if len(named) == 1:
                self._mention(named[0], c.start, c.end)
            return
        actor = Actor(id=f"org:{_slug(span.text)}", name=span.text, kind="organization", country=reading.country, sector=reading.sector)
        self._mention(self.actors.get(actor.id, actor), c.start, c.end)

    # -- reading the words around names and roles ------------------------------------------------
    def _country_of(self, token) -> tuple[str, int, int] | None:
        """The country a token names or implies (country word, demonym, capital or KB organisation)."""
        c = self.inner_at.get(token.i) or self.cand_at.get(token.i)
        if c is None:
            return None
        if c.typ in ("name", "demonym", "capital"):
            return c.ref, c.start, c.end
        if c.typ == "organization":
            country = self.kb.entries[c.ref].country
            return (country, c.start, c.end) if country else None
        return None

    def _read_tokens(self, indices) -> _Reading:
        reading = _Reading()
        for i in indices:
            found = self._country_of(self.sdoc[i])
            if found and all(found[1] != s for _, s, _ in reading.countries):
                reading.countries.append(found)
        if reading.countries:
            reading.country = reading.countries[0][0]
        return reading

    def _role_at(self, token) -> Role | None:
        """The role a noun names, trying multiword terms ending at it first ("foreign minister")."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        roles = self.kb.roles
        heads = {token.lemma_.lower(), token.lower_}
        if token.pos_ == "PROPN" and token.lower_.endswith("s"):
            heads.add(token.lower_[:-1])  # capitalised plurals ("Rebels") keep their -s as lemma
        for width in (3, 2):
            if token.i - width + 1 < 0:
                continue
            prefix = " ".join(t.lower_ for t in self.sdoc[token.i - width + 1 : token.i])
            for h in heads:
                role = roles.get(f"{prefix} {h}")
                if role and role.use in ("head", "both"):
                    return role
        if token.lemma_.lower() in _STANCE_ROLES and any(c.dep_ == "amod" and c.lower_ in _DEGREES for c in token.children):
            return None  # "drew strong opposition from business groups": a stance, not the opposition
        for h in heads:
            role = roles.get(h)
            if role and role.use in ("head", "both"):
                return role
        return None

    def _modifier_role(self, token) -> Role | None:
        role = self.kb.roles.get(token.lower_) or self.kb.roles.get(token.lemma_.lower())
        return role if role and role.use in ("modifier", "both") else None

    def _read_phrase(self, head, stop: int | None = None) -> _Reading:
        """Country, sector and office from a role head, its left modifiers and an "of X" complement."""
        role = self._role_at(head)
        left = [t for t in head.subtree if t.i < head.i and (stop is None or t.i >= stop)]
        # Only the contiguous run of modifiers just before the head belongs to its title.
        run: list = []
        for t in reversed(left):
            if run and t.i != run[-1].i - 1:
                break
            run.append(t)
        run.reverse()
        indices = [t.i for t in run] + [head.i]
        reading = self._read_tokens(indices)
        if not reading.countries:
            # "the president of Russia", "rebels in Darfur", "refugees from Liberia"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "throughout") and child.i > head.i:
                    pobj = [t for t in child.children if t.dep_ == "pobj"]
                    if pobj:
                        found = self._read_tokens(range(pobj[0].left_edge.i, pobj[0].i + 1))
                        if found.countries:
                            reading.countries, reading.country = found.countries[:1], found.country
                            indices.append(child.i)
                            break
        reading.role = role
        if role and role.sector != "-":
            reading.sector, reading.strength = role.sector, role.strength
        for t in run:
            mod = self._modifier_role(t)
            if mod and mod.sector == "CVL" and reading.sector == "GOV":
                continue  # "Myanmar's civilian president", "a civilian government": the state's, run by civilians
            if mod and mod.strength > reading.strength:
                reading.sector, reading.strength = mod.sector, mod.strength
            elif reading.sector in ("REB", "UAF") and t.lower_ in _STATE_WORDS and not (
                    t.i >= 2 and self.sdoc[t.i - 1].text == "-" and self.sdoc[t.i - 2].lower_ in ("pro", "anti")):
                # "regime fighters", "government militiamen": the state's armed men, no rebels ("pro-government
                # militiamen" are a militia on its side)
                reading.sector = "MIL"
        words = [t for t in run if t.dep_ not in ("det", "poss", "case", "punct") and t.i not in {i for _, s, e in reading.countries for i in range(s, e)}]
        first = words[0].i if words else head.i
        reading.office = self.sdoc[first : head.i + 1].text if role else None
        reading.tokens = set(indices)
        reading.start = next((t.i for t in run if t.dep_ not in ("det", "poss", "case", "punct", "advmod") and t.i not in _poss_tokens(run)), head.i)
        return reading

    def _read_title(self, c: _Candidate) -> _Reading:
        """The title words before a name ("Russian President") or in an appositive ("Peskov, the Kremlin spokesman")."""
        span = self.sdoc[c.start:c.end]
        root = span.root
        zone_start = c.start
        while zone_start > 0:
            t = self.sdoc[zone_start - 1]
            if t.dep_ not in TITLE_DEPS or t.dep_ in ("det", "punct") or not (zone_start - 1 < t.head.i < c.end or t.head.i >= zone_start):
                break
            if t.i in self.cand_at and self.cand_at[t.i].typ in ("person", "PERSON"):
                break
            zone_start -= 1
        if zone_start < c.start and zone_start > 1 and self.sdoc[zone_start - 1].text in POSSESSIVE:
            # "Zambia's president X": take in the possessor of the title.
            owner = self.sdoc[zone_start - 1].head
            if owner.dep_ == "poss" and zone_start <= owner.head.i < c.end and owner.i < zone_start - 1:
                zone_start = owner.left_edge.i
        if zone_start < c.start:
            heads = [t for t in self.sdoc[zone_start:c.start] if self._role_at(t)]
            if heads:
                reading = self._read_phrase(heads[-1], stop=zone_start)
            else:
                reading = self._read_tokens(range(zone_start, c.start))
            if reading.country is None:
                # "Zambia's president X": the possessor hangs on the name, outside the role noun's subtree.
                found = self._read_tokens(range(zone_start, c.start))
                reading.countries, reading.country = found.countries, found.country
            if reading.country is None:
                self._of_country(root, reading)
            reading.tokens |= set(range(zone_start, c.start))
            if any(t.lower_ in _FORMER for t in self.sdoc[zone_start:c.start]):
                # "Former Serbian police chief X": still Serbian, but no longer of the police (the guide codes a former
                # office holder with no office now without a sector).
                reading.sector, reading.strength = None, 0
            return reading
        appos = None
        if root.dep_ == "appos" and self._role_at(root.head):
            appos = root.head
        else:
            appos = next((ch for ch in root.children if ch.dep_ == "appos" and self._role_at(ch)), None)
        if appos is not None:
            reading = self._read_phrase(appos)
            reading.tokens.add(appos.i)
            return reading
        reading = _Reading()
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < c.start:
            # "invited US historian Bruce Gilley": a country word on the noun the name stands beside gives the person's
            # country, though the noun is no office.
            found = self._read_tokens([t.i for t in root.head.children if t.dep_ in ("compound", "amod") and t.i < root.head.i])
            reading.countries, reading.country = found.countries, found.country
            if reading.country:
                return reading
        self._of_country(root, reading)
        return reading

    def _of_country(self, root, reading: _Reading) -> None:
        """Read "X of Zambia" / "King Hassan of Morocco": a country name in an "of" phrase on the name itself."""
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i > root.i:
                pobj = next((t for t in child.children if t.dep_ == "pobj"), None)
                cand = self.cand_at.get(pobj.i) if pobj is not None else None
                # Only a country name: "Smith of Reuters" or "Mary of Teck" say nothing about a country.
                if cand is not None and cand.typ == "name":
                    reading.countries, reading.country = [(cand.ref, cand.start, cand.end)], cand.ref
                    reading.tokens.add(child.i)
                return

    def _agentive(self, token) -> bool:
        """True when a capital stands for its government: it acts ("Moscow said"), owns ("Moscow's aid") or is addressed
        ("warnings to Moscow"), and is not a location ("in Moscow", "a visit to Moscow")."""
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        if token.dep_ in ("nsubj", "nsubjpass", "poss", "dobj"):
            return True
        if token.dep_ == "pobj":
            prep = token.head
            if prep.lower_ in self.kb.locative_preps:
                return False
            if prep.lower_ in ("to", "from", "toward", "towards", "for") and prep.head.lemma_.lower() in self.kb.motion_words:
                return False
            return prep.lower_ in ("by", "with", "between", "against", "to", "from", "toward", "towards", "on", "for")
        return False

    # -- people ------------------------------------------------------------------------------------
    def _persons(self, pending: list[tuple[_Candidate, _Reading]]) -> None:
        """Register people: KB matches, full names, then short names linked to a full name."""
        later: list[tuple[_Candidate, _Reading]] = []
        for c, reading in pending:
            if c.typ == "person":
                actor = self._kb_actor(c.ref)
                if reading.country and actor.country and reading.country != actor.country:
                    # "Oman's King Salman": the words tie the name to another country than the knowledge base's
                    # namesake has; a person of that name there, not the one the knowledge base knows.
                    self._unknown_person(_Candidate(c.start, c.end, "PERSON"), reading)
                    continue
                self._person_mention(actor, c, reading)
            elif c.end - c.start > 1:
                self._unknown_person(c, reading)
            else:
                later.append((c, reading))
        # Short names wait until every full name is known, so that "Kim" can link to "Kim Jong Un".
        for c, reading in later:
            self._unknown_person(c, reading)

    def _person_mention(self, actor: Actor, c: _Candidate, reading: _Reading) -> None:
        self._mention(actor, c.start, c.end)
        self.used |= reading.tokens
        self.title_tokens |= reading.tokens

    def _context_countries(self) -> None:
        """A titled person outside the KB still without a country takes the only country its sentence names
        ("Judge X opened investigations against Chilean officials"), else the only one of its paragraph.
        A weaker cue than a title, so it runs last and never overrides one; words of another person's title
        ("... to South African leader de Klerk") are that person's, not context."""
        text = None  # spaCy rebuilds Doc.text on every access: build it once, and only when needed
        for actor in self.actors.values():
            if actor.kind != "person" or actor.country is not None or actor.sector is None or actor.id in self.kb.entries:
                continue
            first = actor.mentions[0]
            token = self.sdoc.char_span(first.start, first.end, alignment_mode="expand")[0]
            sent = token.sent
            text = text if text is not None else self.sdoc.text
            para_start = text.rfind("\n", 0, sent.start_char) + 1
            para_end = text.find("\n", sent.end_char)
            para_end = len(text) if para_end < 0 else para_end
            for lo, hi in ((sent.start_char, sent.end_char), (para_start, para_end)):
                # Not a country inside another name ("after United States Drug Enforcement Agency officials arrested
                # ..."): that is the organisation's, and says nothing of whom the governor serves.
                codes = self._countries_between(lo, hi, inner=False)
                if codes:
                    # Nor is the only country one that another office's words name ("The senator met the Chancellor of
                    # Germany"): it is that office's, and says nothing of the senator's.
                    if len(codes) == 1 and self._countries_between(lo, hi, inner=False, skip=self.role_countries):
                        actor.country = codes.pop()
                    break

    def _countries_between(self, lo: int, hi: int, inner: bool = True, skip: set[int] = frozenset()) -> set[str]:
        """Country codes named by country words, demonyms and capitals between two character offsets (with `inner`,
        also those inside a longer name), but for those in a named person's title or at the token indices `skip`."""
        codes = set()
        for table in (self.cand_at, self.inner_at) if inner else (self.cand_at,):
            for i, cand in table.items():
                t = self.sdoc[i]
                if cand.typ in ("name", "demonym", "capital") and lo <= t.idx < hi and i not in self.title_tokens and i not in skip:
                    codes.add(cand.ref)
        return codes

    def _unknown_person(self, c: _Candidate, reading: _Reading) -> None:
        span = self.sdoc[c.start:c.end]
        words = [t.text for t in span if t.text not in POSSESSIVE]
        match = self._name_match(words)
        if match is None and reading.role is not None and len(words) == 1:
            # "President Ortega" may be the KB's office holder; "President Luis Ortega" is someone else the KB lacks.
            match = self._kb_by_surname(words[-1], reading)
        if match is not None:
            self._person_mention(match, c, reading)
            return
        name = " ".join(words)
        key = f"person:{_slug(name)}"
        actor = self.actors.get(key) or Actor(id=key, name=name, kind="person", country=reading.country, sector=reading.sector, office=reading.office)
        if actor.country is None and reading.country:
            actor.country = reading.country
        if actor.sector is None and reading.sector:
            actor.sector, actor.office = reading.sector, reading.office
        self._person_mention(actor, c, reading)

    def _kb_by_surname(self, surname: str, reading: _Reading):
        """The one KB person with this surname whose office fits the title ("President Bush"), if exactly one."""
        fits = []
        for entry_id in self.kb.surnames.get(_surname_key(surname), ()):
            entry = self.kb.entries[entry_id]
            if reading.country and entry.country != reading.country:
                continue
            titles = " ".join(t for t, _, _ in entry.offices).lower()
            if reading.role.term.split()[-1] in titles:
                fits.append(entry_id)
        if self.date and len(fits) > 1:
            fits = [f for f in fits if self.kb.entries[f].office_on(self.date)] or fits
        if len(set(fits)) > 1 and len({self.kb.entries[f].country for f in fits}) == 1:
            # Several namesakes of one country, none singled out by the date ("President Bush"): the latest holder,
            # as office_on does without a date; the country and sector are right either way.
            fits = [max(fits, key=lambda f: max((s or "" for _, s, _ in self.kb.entries[f].offices), default=""))]
        return self._kb_actor(fits[0]) if len(set(fits)) == 1 else None

    def _name_match(self, words: list[str]):
        """A person already found whose name (or KB alias) contains `words` as whole tokens."""
        best = None
        for actor in self.actors.values():
            if actor.kind != "person":
                continue
            names = [actor.name]
            entry = self.kb.entries.get(actor.id)
            if entry:
                names += list(entry.aliases)
            for n in names:
                tokens = re.split(r"[\s-]+", n)
                if words != tokens and _contains(tokens, re.split(r"[\s-]+", " ".join(words))):
                    if best is None or len(best.mentions) < len(actor.mentions):
                        best = actor
                    break
        return best

    # -- role phrases ------------------------------------------------------------------------------
    def _roles(self) -> None:
        """Role noun phrases not read as titles: groups ("U.S. officials") or a known person ("the leader")."""
        for token in self.sdoc:
            if token.i in self.used or token.i in self.cand_at or not self._is_head_role(token):
                continue
            role = self._role_at(token)
            if any(ch.dep_ == "appos" and ch.i in self.cand_at for ch in token.children):
                continue
            reading = self._read_phrase(token)
            if reading.sector is None:
                continue
            start = reading.start if reading.start is not None else token.i
            plural = token.tag_ in ("NNS", "NNPS")
            if role.kind != "person" and any(self.cand_at.get(t.i) and self.cand_at[t.i].typ in ("organization", "ORG") for t in token.lefts):
                continue  # "the TASS news agency" is TASS itself
            after = self.cand_at.get(token.i + 1)
            if role.kind != "person" and after is not None and after.start == token.i + 1 and after.typ in ("organization", "ORG"):
                continue  # "the rebel Free Syrian Army" is the army itself, however the parser hangs "rebel"
            if role.kind == "person" and not plural:
                self._person_role(token, reading, start)
                continue
            if not reading.countries and ((role.kind == "org" and " " not in role.term) or reading.strength < 2):
                continue  # "the authority", "tennis courts", "a firm": too vague to be an actor without a country
            codes = reading.countries or [(None, start, start)]
            for code, s, e in codes:
                name = self.sdoc[start : token.i + 1].text
                actor = self._group_actor(code, reading.sector, name)
                if len(codes) > 1:
                    self._mention(actor, s, e)
                else:
                    self._mention(actor, start, token.i + 1)
            self.used |= reading.tokens

    def _countryless_earlier(self, actor: Actor, token) -> bool:
        """True for a titled person outside the KB with no country, named in an earlier sentence than `token`:
        a later "the Zambian leader" may then be that person."""
        if actor.country is not None or actor.sector is None or actor.id in self.kb.entries or not actor.mentions:
            return False
        return all(m.end <= token.sent.start_char for m in actor.mentions)

    def _person_role(self, token, reading: _Reading, start: int) -> None:
        """A singular person role ("the North Korean leader"): the matching person, else a new actor if a country is known.
        What one is "as" is first a person named in the same sentence."""
        best, best_score = None, 0
        word = token.lemma_.lower()
        for actor in self.actors.values():
            if actor.kind != "person" or actor.sector != reading.sector and not (reading.strength <= 1 and actor.sector):
                continue
            if actor.id.startswith("role:-:"):
                continue  # an office the article never tied to a country or a name stands for no one else
            if reading.country and actor.country != reading.country and not self._countryless_earlier(actor, token):
                continue
            if not reading.country and reading.role and reading.role.term in ("official", "authority"):
                continue
            score = 1 + (word in (actor.office or "").lower()) * 2 + (actor.sector == reading.sector)
            first_before = actor.mentions and actor.mentions[0].start < token.idx
            score += 1 if first_before else 0
            # "John Kerry in his time as US Secretary of State": what one is "as" is someone named in the same sentence
            # before anyone earlier (but "X chastised the minister" is someone else than X).
            if token.head.lower_ == "as" and any(token.sent.start_char <= m.start < token.sent.end_char for m in actor.mentions):
                score += 3
            if score > best_score:
                best, best_score = actor, score
        if best is not None and (reading.country or best_score >= 4):
            if best.country is None and reading.country:
                best.country = reading.country  # "President X ... the Zambian leader": the phrase tells X's country
            self._mention(best, start, token.i + 1)
            self.used |= reading.tokens
            self.role_countries |= {i for _, s, e in reading.countries for i in range(s, e)}
            return
        if reading.country or (reading.strength >= 2 and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)):
            # "the Zambian leader"; "the opposition leader", "the foreign minister": a definite office that names a
            # side even when the article does not say whose (not a title before a name: "Assistant Secretary ... Sambur").
            name = self.sdoc[start : token.i + 1].text
            key = f"role:{reading.country or '-'}:{_slug(reading.office or word)}"
            actor = self.actors.get(key) or Actor(id=key, name=name, kind="person", country=reading.country, sector=reading.sector, office=reading.office)
            self._mention(actor, start, token.i + 1)
            self.used |= reading.tokens
            self.role_countries |= {i for _, s, e in reading.countries for i in range(s, e)}


# Capitalised words after a title that make it a place, a building or a body, not a person ("King Street", "President
# Hotel"); not those that are also surnames (Park, Hall, Church, House).
_POST_NOMINALS = {"QC", "KC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "DBE", "Jr", "Sr", "PhD", "MD", "Esq", "SC", "SAN"}
_NOT_NAMES = {"street", "road", "avenue", "square", "palace", "university", "college", "school", "hospital", "airport",
              "station", "center", "centre", "hotel", "building", "district", "county", "city", "province", "republic",
              "kingdom", "office", "council", "committee", "party", "court", "ministry", "department", "agency", "army",
              "navy", "forces"}

# Words that make a title one held before: the country stays, the sector goes.
_FORMER = {"former", "ex", "ex-", "onetime", "one-time", "erstwhile"}

# Role nouns that also name a stance, and the degree words that make them one ("strong opposition").
_STANCE_ROLES = {"opposition", "resistance"}
_DEGREES = {"strong", "fierce", "stiff", "growing", "widespread", "vocal", "firm", "bitter", "little", "much", "considerable",
            "mounting", "broad", "stubborn", "staunch", "vehement", "strenuous", "initial", "public"}


def _poss_tokens(run) -> set[int]:
    """Indices of a possessor phrase ("Russia ’s") inside a modifier run."""
    out: set[int] = set()
    for t in run:
        if t.dep_ == "poss":
            out |= {x.i for x in t.subtree}
    return out


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))
