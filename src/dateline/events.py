"""Events: sentences -> PLOVER events (who did what to whom, where, when, and how sure the text is).

For each sentence of the spaCy parse:
1. find triggers: lemma sequences of the trigger lexicon whose part of speech and dependents fit;
2. drop triggers that are the content of another ("urged Israel to withdraw": the withdrawal is what
   is requested) and take the governing event's mode from them;
3. read the actor (subject, "by" agent, possessor) and the recipient (object, passive subject,
   "with"/"to"/"against" objects) off the parse and map them onto `doc.actors` by span overlap;
4. read the factuality from the cues around the trigger (negation, modals, conditionals,
   speculation and planning words, attribution, dates long before publication);
5. add the place (`eventloc.choose_locations`), the date (`eventdate.event_date`), the CAMEO code,
   quad class and intensity, a confidence and a stable id.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import classifier, embed, eventconf, eventgate, eventmerge, ontology, quotes
from .errors import PipelineError
from .eventdate import event_date, iso_date
from .eventloc import choose_locations, entity_of, occasion_nouns, pointed_location
from .models import Document, Event, EventActor, EventDate, EventLocation, Evidence, Span
from .pipeline import Stage

# Dependency labels through which a trigger is the content of the word above it.
_CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acomp", "attr", "oprd", "compound", "nsubjpass", "pcomp"}
# Clauses hanging off an argument that are not part of the argument's name.
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "mark", "parataxis"}
# Prepositions that introduce what a verbal event is about ("call for talks"), unlike circumstance ("after talks").
_CONTENT_PREPS = {"for", "on", "about", "of", "to", "over", "with", "into", "against", "in", "from"}
_RECIPIENT_PREPS = {"with", "to", "against", "on", "upon", "toward", "towards", "into", "between", "from", "for"}
_SKIP_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT"}
_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_EMPTY_VERBS = {"be", "have", "do", "become", "seem", "remain", "get"}
# Dependency labels that start a clause of its own.
_CLAUSE_EDGES = {"conj", "advcl", "ccomp", "parataxis"}
# Types whose recipient may be the target of the action they commit to or ask for.
_COMMISSIVE = {"AGREE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "CONCEDE"}
_TARGET_PREPS = {"to", "for", "with", "against", "on"}
# Types whose recipient is whoever is asked or told to act ("demanded that X ...").
_DIRECTIVE = {"REQUEST"}
# Verbs whose subject undergoes the event their object names ("faces sanctions", "suffered an attack").
_UNDERGO_VERBS = {"face", "suffer", "receive", "undergo", "endure", "escape", "survive", "avoid", "fear", "risk"}
# Types whose acts need no one on the receiving end (a walkout, a mobilisation).
_UNDIRECTED = {"PROTEST", "MOBILIZE"}
# Types that are speech acts: said by their own actor, they are asserted, not reported.
_SPEECH_ACTS = {"SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE"}
# Types whose two parties act together ("talks between A and B", "an agreement between A and B").
_MUTUAL = {"AGREE", "CONSULT", "COOPERATE"}
# Who stands on one's own side when named with one ("the ruling party and its allies").
_OWN_SIDE = {"ally", "supporter", "follower", "affiliate", "loyalist", "backer"}
# Cooperation that is diplomacy only between political actors: fans support a team, teachers cooperate, firms agree.
_DIPLOMATIC = {"SUPPORT", "COOPERATE", "CONSULT", "AGREE"}
# Types done by words or meetings: in a sentence about a game, a team's or a player's are play, not politics.
_SAID = {"ACCUSE", "AGREE", "CONSULT", "REJECT", "SUPPORT", "REQUEST", "THREATEN", "CONCEDE", "COOPERATE"}
# Fighting that two sides do to each other.
_FIGHT_VERBS = {"fight", "clash", "battle", "skirmish"}
# Verbs whose object a past participle then tells the lot of ("saw thousands killed", "left ten people wounded").
_RESULT_VERBS = {"see", "leave", "find"}
# Feelings an act comes "to" someone's ("to the public's surprise").
_FEELINGS = {"surprise", "dismay", "delight", "relief", "shock", "astonishment", "horror", "disappointment", "chagrin",
             "amazement", "joy", "consternation", "embarrassment", "annoyance", "satisfaction", "frustration", "anger"}
# Fights one side is killed in "with" the other ("were killed in clashes with the Peshmerga").
_FIGHT_NOUNS = {"clash", "fighting", "battle", "skirmish", "firefight", "gunfight", "gunbattle", "confrontation", "shootout", "combat"}
# Nouns through which someone owns an event ("claimed responsibility for the attack").
_CLAIM_NOUNS = {"responsibility", "credit", "blame"}
# Prepositions through which a thing is aimed at someone ("sanctions against Nigeria", "pressure on Iran").
_AIMED_PREPS = {"against", "on", "upon", "to", "toward", "towards", "for"}
_PATIENT_OF = {"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "REJECT"}
# What an attack does to whom it strikes ("an airstrike killed several militants").
_HARM_VERBS = {"kill", "injure", "wound", "hurt", "maim", "hit", "strike", "destroy", "damage", "target"}
# Verbs whose subject suffers what happens in the event they name ("killed in the airstrike", "died in clashes").
_SUFFER_VERBS = {"kill", "die", "perish", "injure", "wound", "hurt", "maim", "displace", "suffer", "lose", "disappear", "trap"}
# A currency after a country's name ("a one million US dollar reward").
_CURRENCY = re.compile(r"\s+(dollars?|euros?|pounds?|yuan|yen|rupees?|roubles?|rubles?|francs?|pesos?|riyals?|rials?|dinars?|lira|liras?)\b", re.I)
# Acts of stepping back that one is made to do oneself ("forced him to resign": _FORCE_VERBS make one do them; an order
# records who gave it: "ordered the rebels to withdraw" stays the orderer's, aimed at the rebels).
_SELF_ACTS = {"RETREAT"}
# Verbs whose object is made to do what their infinitive says ("ordered the network to shut down").
_CONTROL_VERBS = {"force", "compel", "oblige", "pressure", "pressurise", "pressurize", "coerce", "order", "instruct", "direct", "require"}
# Types whose act is imposed on, or granted to, a country named only as where it happens.
_IMPOSED = {"COERCE", "CONCEDE", "SANCTION", "AID"}
# Types whose act is words aimed at someone: "at" names its target ("criticism at the government").
_VERBAL = {"ACCUSE", "THREATEN"}
# Types whose "for" phrase names the charge or the offence ("sentenced for her murder").
_CHARGED = {"SANCTION", "COERCE", "ACCUSE"}
# Prepositions through which an adjective names whom it concerns ("critical of", "hostile to", "supportive of").
_ADJ_TARGET_PREPS = {"of", "to", "toward", "towards"}
_PLACE_PREPS = {"in", "at", "into", "inside", "to", "across", "near", "outside", "throughout"}
_PRONOUNS = {"it", "they", "he", "she", "we", "i"}
# A dateline: the town in capitals a story was filed from and its country, before a dash, at a paragraph's or a
# sentence's start ("MANILA, Philippines – Ahead of Easter ...", "BRASÍLIA, Brazil – Mr. Lula ...").
_DATELINE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][A-ZÀ-Þ.'’ -]{2,},\s*[A-Z][\w.'’ -]+?)\s*[—–-]{1,2}\s"
                       # a dateline in title case opens a line, or follows a wire credit ("Santos, Colombia -- On Thursday,
                       # police ...", "(local sources) -- New York City, NJ -- Sunday night, ...")
                       r"|(?:^|(?<=\n)|(?<=\) --\s)|(?<=\) —\s)|(?<=\) -\s))([A-Z][a-zà-ÿ'’.]+(?: [A-Z][a-zà-ÿ'’.]+){0,2},\s*[A-Z][a-zà-ÿA-Z]+(?: [A-Z][a-zà-ÿ]+){0,2})\s*[—–-]{1,2}\s"
                       # a city alone in capitals opens a line ("NAIROBI -- The internal report ...")
                       r"|(?:^|(?<=\n))([A-Z][A-ZÀ-Þ.'’]{2,}(?: [A-Z][A-ZÀ-Þ.'’]+){0,2})\s*[—–-]{1,2}\s")
# What a blockade stops ("block Iraqi trade"): blocking it is an embargo enforced, not a protest.
_CARGO = {"trade", "shipping", "shipment", "export", "import", "supply", "oil", "cargo", "goods", "port", "food", "fuel", "aid"}
# Verbs of promising, and the acts whose promise is a threat ("vowed to fight", "pledged to strike back").
_VOWS = {"vow", "pledge", "promise", "swear"}
_HOSTILE = {"ASSAULT", "COERCE", "SANCTION"}
# Verbs that voice a feeling about something ("expressed concern at", "voiced outrage over").
_FEELING_VERBS = {"express", "voice", "register", "convey", "share"}
# Who keeps order around a protest rather than joins it.
_ORDER_KEEPERS = {"government", "authority", "police", "policeman", "officer", "security", "force", "troop", "soldier", "army",
                  "military", "regime", "ministry", "administration", "guard", "riot"}
# What a trade embargo or ban stops: its target is the trade's other side ("an embargo on trade with Iraq").
_TRADED = _CARGO | {"flight", "commerce", "dealing", "transaction"}
# GeoNames codes of towns that seat no government a town's name could stand for (a capital, PPLC, or a state's or
# province's, PPLA, may: "Moscow said"); their names are places or parts of names ("University of California, Los
# Angeles"), never actors.
_SEATLESS = {"PPL", "PPLX", "PPLL", "PPLS", "PPLF", "PPLR", "PPLQ", "PPLH", "PPLW", "PPLA2", "PPLA3", "PPLA4"}
_PERSONAL = {"he", "she", "him", "her", "his", "hers"}
_NEUTER = {"it", "its"}
_PLURAL = {"they", "them", "their", "theirs"}
_FIRST = {"we", "us", "our"}
_SELF = {"i", "me", "my"}
# Verbs whose subject is the actor of a nominal event they take as object ("made a visit", "held talks").
_LIGHT_VERBS = {"make", "hold", "pay", "launch", "attend", "join", "conduct", "carry", "stage", "begin", "start", "continue", "resume", "open", "undertake",
                "sign", "reach", "announce", "lead", "mount", "organize", "organise", "call", "issue", "lodge", "file", "end", "complete", "have", "give",
                "speed", "step", "accelerate", "intensify", "expand", "escalate", "wage", "perform", "engage", "renew", "extend", "order",
                "grant", "offer", "deliver", "impose", "level", "express", "voice", "reiterate", "reaffirm", "pledge", "tweet",
                "lend", "throw", "declare", "introduce", "enforce", "increase", "boost", "strengthen", "deepen", "bolster", "implement",
                "reimpose", "reinstate", "institute"}  # "tweeted his support for", "voiced support", "lent its support",
# "declared a curfew", "introduced sanctions"
# Their regular inflections, for the verbs the lemmatiser gets wrong ("staged" -> "stag").
_LIGHT_FORMS = frozenset(form for v in _LIGHT_VERBS for form in (
    v + "s", v + "d" if v.endswith("e") else v + "ed", v[:-1] + "ing" if v.endswith("e") else v + "ing"))


@dataclass
class _Context:
    """What the events stage knows of one document while it codes it sentence by sentence."""

    mentions: list  # (start, end, actor) for every mention of doc.actors
    kinds: dict  # doc.actors id -> kind
    towns: set  # (start, end) of place mentions below country level
    seatless: set = field(default_factory=set)  # (start, end) of towns that seat no government: never actors
    datelines: list = field(default_factory=list)  # (start, end) of datelines ("MANILA, Philippines –"): no participants
    anaphors: list = field(default_factory=list)  # actor-less "the visit" mentions, for eventmerge
    notes: dict = field(default_factory=dict)  # event id -> what the trigger said, for the confidence model
    places: list = field(default_factory=list)  # (start, end, place) of every place mention, by start
    targets: set = field(default_factory=set)  # (type, recipient actor id) of the events coded so far
    judged: list = field(default_factory=list)  # (event id, noun lemma) of judgements of "the withdrawal", "the move"

    def __post_init__(self):
        self._order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i][0])
        self._starts = [self.mentions[i][0] for i in self._order]
        self.places.sort(key=lambda m: m[0])
        self._place_starts = [m[0] for m in self.places]

    def mentions_between(self, start: int, end: int) -> list:
        """The actor mentions overlapping [start, end), in their original order: what a sentence's lookups need,
        found by bisection so that a long article costs no more per sentence than a short one."""
        lo = bisect.bisect_left(self._starts, start - _LONGEST_MENTION)
        hi = bisect.bisect_left(self._starts, end)
        return [self.mentions[i] for i in sorted(self._order[lo:hi]) if self.mentions[i][1] > start]

    def place_mentions_between(self, start: int, end: int) -> list:
        """(start, end, place) of the place mentions inside [start, end)."""
        lo, hi = bisect.bisect_left(self._place_starts, start), bisect.bisect_left(self._place_starts, end)
        return [(s, e, p) for s, e, p in self.places[lo:hi] if e <= end]

    def places_between(self, start: int, end: int) -> list:
        """The places with a mention inside [start, end), each once."""
        return list({id(p): p for _, _, p in self.place_mentions_between(start, end)}.values())


@dataclass
class _Hit:
    trigger: ontology.Trigger
    tokens: list  # spaCy tokens of the trigger words
    head: object  # the syntactic head among them
    type: str = ""
    mode: str | None = None
    content: list = field(default_factory=list)  # hits this one governs
    guessed: bool = False  # the sentence classifier's type on a verb no trigger knows
    frame: bool = False  # found by a frame of speech (a naming, a directive), not by a trigger word
    targets: list = field(default_factory=list)  # tokens naming whom a judgement is aimed at ("said Trump was a liar")
    refusal: bool = False  # a meeting or an acceptance one says one will not make ("will not negotiate"): a REJECT made now

    @property
    def i(self) -> int:
        return self.head.i


class Events(Stage):
    """Code the events of a parsed document; reads doc.actors, doc.places and doc.timexes."""

    name = "events"
    requires = ("spacy", "actors", "places", "timexes")
    assigns = ("events",)
    option_defaults = {
        "min_confidence": (None, "Events whose confidence (the probability that they are fully correct) is below this are dropped; "
                                 "default: the threshold the confidence model was tuned for."),
        "rules_floor": (0.3, "Candidates whose rule score (trigger weight, arguments, classifier) is below this never reach the confidence model."),
        "calibration": ("confidence", "Confidence model (data/model-NAME.json or a .json path) that turns what the stage knows of an event into "
                                      "the probability that it is fully correct; 'none' keeps the rule score as confidence."),
        "model": ("plover", "Sentence classifier that weighs the rules' candidate types (data/model-NAME.npz); 'none' turns it off."),
        "model_weight": (0.5, "Share of the classifier's probability in an event's confidence."),
        "model_threshold": (0.4, "Classifier probability above which it codes a sentence where no trigger matched (with model_fallback)."),
        "model_fallback": (False, "Let the classifier code a sentence where no trigger matched, on its main verb. Off by default: on the "
                                  "gold's tune half none of the 13 events it coded was a gold event (`dateline eval classify` still reads "
                                  "such a text's type from the classifier)."),
        "model_compete": (False, "Let the classifier propose types the rules did not."),
        "one_per_clause": (True, "Keep the best event of each clause (others need an actor of their own)."),
        "clause_ratio": (0.9, "A second clause keeps its event when at least this share as confident as the best."),
        "merge": (True, "Merge the mentions of one happening in an article into one event."),
        "commitments": (False, "Code a stated commitment to a future act ('Russia said it will send troops') as an AGREE beside the "
                               "planned act, as PLOVER's gold standard records do. Off by default: the project's guide and gold code the "
                               "planned act alone (36 of 37 tune-half sentences with a planned act hold no AGREE), and readers judged "
                               "the AGREE a second coding of one happening."),
        "max_triggers": (32, "Most event candidates coded in one sentence (the first ones; a warning says when more were left): "
                             "each costs time in the sentence's length, so a run-on 'sentence' of hundreds of clauses stays linear."),
    }

    def __init__(self, settings):
        super().__init__(settings)
        self.lexicon = ontology.triggers()
        self.cues = ontology.factuality_cues()
        self.content = ontology.content_modes()
        self.statements = ontology.statement_frames()
        directive = ontology.directive_cues()
        self.speech_verbs = set(self.cues["reported"]["speech_verbs"])
        self.directive_verbs = set(directive["verbs"]) | self.speech_verbs
        self.directive_modals = set(directive["modals"])
        self.directive_weight = float(directive["weight"])
        self.appraisal = ontology.appraisal_cues()
        self.judgement = ontology.judgement_cues()
        self.instruments = ontology.instrument_modes()
        calibration = str(self.options["calibration"])
        self.calibrator = None if calibration.lower() in ("", "none", "off") else eventconf.load(calibration)
        if self.calibrator is not None and self.calibrator.embedding:
            embed.vectors(["warm-up"])  # load the embedding model now: a missing package fails here, not mid-batch
        floor = self.options["min_confidence"]
        self.min_confidence = float(floor) if floor is not None else self.calibrator.threshold if self.calibrator else 0.4
        self.rules_floor = float(self.options["rules_floor"])
        self.commitments = bool(self.options["commitments"])
        # The sentence classifier (data/model-plover.npz) weighs the rules' candidate types and, with
        # model_fallback, speaks when the rules find no trigger; "none" turns it off.
        model = str(self.options["model"])
        self.model = None if model.lower() in ("", "none", "off") else classifier.load(model)
        self.model_weight = float(self.options["model_weight"])
        self.model_threshold = float(self.options["model_threshold"])
        self.model_compete = bool(self.options["model_compete"])
        self.model_fallback = bool(self.options["model_fallback"])
        # Gold codings and most readers take one event per clause; extra candidates need their own actor.
        self.one_per_clause = bool(self.options["one_per_clause"])
        self.clause_ratio = float(self.options["clause_ratio"])
        self.merge = bool(self.options["merge"])
        self.max_triggers = int(self.options["max_triggers"])

    def __call__(self, doc: Document) -> Document:
        sdoc = doc.spacy
        if sdoc is None:
            raise PipelineError("the events stage needs the spaCy parse; run the annotate stage before events")
        if doc.article.language is None:
            # The extract stage found too few English function words (Spanish "sin embargo", however, read as an embargo):
            # the rules and the parse are English-only, so what they would code is noise.
            doc.warnings.append("no events coded: the text does not look like English, and the event rules read English only")
            doc.events = []
            doc._done.add("events")
            return doc
        ctx = _Context(
            mentions=[(m.start, m.end, actor) for actor in doc.actors for m in actor.mentions],
            kinds={a.id: a.kind for a in doc.actors},
            towns={(m.start, m.end) for p in doc.places if p.level not in ("country", None) for m in p.mentions},
            seatless={(m.start, m.end) for p in doc.places if p.feature_code in _SEATLESS for m in p.mentions},
            datelines=[m.span(next(g for g in (1, 2, 3) if m.group(g))) for m in _DATELINE.finditer(doc.article.text)],
            places=[(m.start, m.end, p) for p in doc.places for m in p.mentions],
        )
        sdoc.user_data["dateline_genders"] = _genders(doc)
        # Tokens the places stage read as a place ("captured Badme", which the entity recogniser calls an ORG).
        sdoc.user_data["dateline_place_tokens"] = {t.i for s, e, _ in ctx.places for t in (sdoc.char_span(s, e, alignment_mode="expand") or ())}
        sdoc.user_data["dateline_speakers"] = self._speakers(sdoc, ctx.mentions)
        events: list[Event] = []
        for sent in sdoc.sents:
            events.extend(self._sentence(doc, sent, ctx))
        events = _judged_doers(events, ctx.judged, ctx.kinds)
        events = eventmerge.merge(events, ctx.anaphors) if self.merge else events
        events = _local_countries(events, _setting(doc, ctx), ctx, sdoc)
        events = _sectors(events, sdoc, ctx.kinds)
        events = [_without_pair_words(e) for e in events]
        doc.events = self._calibrate(doc, events, ctx)
        doc._done.add("events")
        return doc

    def _speakers(self, sdoc, mentions) -> list[tuple[int, int, tuple]]:
        """(start, end, mention) for each stretch of text a known actor speaks (quotes.speeches)."""
        out = []
        for speech in quotes.speeches(sdoc, self.speech_verbs):
            if speech.subject.pos_ == "PRON":
                who = _refer(speech.subject, mentions) if speech.subject.lower_ not in _SELF | _FIRST else None
            else:
                found = _named_by(speech.subject, mentions) or [
                    m for c in speech.subject.children if c.dep_ == "appos" for m in _named_by(c, mentions)]  # "The minister, Bruno Rodriguez, wrote"
                # "Iranian President Hassan Rouhani said": the person, not the country that describes him.
                who = next((m for m in found if m[2].kind == "person"), found[0] if len(found) == 1 else None)
            if who is not None:
                out.append((speech.start, speech.end, who))
        return out

    # 1. triggers -------------------------------------------------------------------------------
    def _triggers(self, sent) -> list[_Hit]:
        hits, used = self._appraisals(sent)
        tokens = list(sent)
        for k, tok in enumerate(tokens):
            if tok.i in used or (tok.ent_type_ in _SKIP_ENTS and tok.pos_ == "PROPN") or tok.ent_type_ in ("DATE", "TIME") or _in_name(tok):
                continue
            keys = {tok.lemma_.lower(), tok.lower_}
            for key in keys:
                for trig in self.lexicon.get(key, ()):
                    span = self._match(tokens, k, trig)
                    if span is None:
                        continue
                    head = min(span, key=lambda t: _depth(t))
                    if not _pos_ok(tok if len(span) == 1 else head, trig.pos) or not self._cond_ok(head, trig):
                        continue
                    hits.append(_Hit(trig, span, head, trig.type, trig.mode))
                    used.update(t.i for t in span)
                    break
                else:
                    continue
                break
        hits.sort(key=lambda h: h.tokens[0].i)
        return hits + self._directives(sent, used) + self._judgements(sent, used)

    def _appraisal(self, verb, judged: list, near: bool = False) -> _Hit | None:
        """ACCUSE (disapprove) or SUPPORT on a verb of naming, when the words of the judgement are of one side only;
        None when they are of neither or of both. With `near`, only the judging words and their own modifiers count
        ("was a pathological liar", not "is concerned over the US and its allies' illegal presence")."""
        if near:
            heads = [t for j in judged for t in (j, *j.conjuncts)]
            tokens = heads + [g for t in heads for g in t.children if g.dep_ in ("amod", "compound", "advmod", "nmod")]
        else:
            tokens = [t for j in judged for t in j.subtree]
        words = {t.lemma_.lower() for t in tokens if t.pos_ in ("NOUN", "ADJ", "PROPN", "VERB")}
        negative, positive = words & self.appraisal["negative"], words & self.appraisal["positive"]
        if bool(negative) == bool(positive):
            return None
        etype, mode = ("ACCUSE", "disapprove") if negative else ("SUPPORT", None)
        trig = ontology.Trigger(lemmas=(verb.lemma_.lower(),), pos="V", type=etype, mode=mode, weight=self.appraisal["weight"])
        return _Hit(trig, [verb], verb, etype, mode, frame=True)

    def _glued_judgement(self, verb) -> tuple[list, list] | None:
        """The named thing and the judgement when the parser glued them into one phrase, the named noun a compound
        of the judging word: "called the order grave and sinister", "called the exiles criminals"."""
        words = self.appraisal["negative"] | self.appraisal["positive"]
        for c in verb.children:
            if c.dep_ in ("dobj", "oprd") and {t.lemma_.lower() for t in [c, *c.conjuncts]} & words:
                inner = [g for g in c.children if g.dep_ == "compound" and g.pos_ == "NOUN" and g.i < c.i]
                # (but "called Donald Trump a climate arsonist": an indefinite judgement names no one inside it)
                if inner and any(d.dep_ == "poss" or d.dep_ == "det" and d.lower_ not in ("a", "an") for d in c.children if d.i < inner[0].i):
                    return inner[:1], [c]
        return None

    def _appraisals(self, sent) -> tuple[list[_Hit], set[int]]:
        """Naming by a judgement ("called the investigation a witch hunt", "described the attack as cowardly"):
        ACCUSE or SUPPORT on the verb of naming, by the words of the judgement. Returns the hits and the tokens
        they use: the verb and the judgement, whose words are no event of their own ("calling it an aggression")."""
        hits, used = [], set()
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.appraisal["verbs"]:
                continue
            named = [c for c in tok.children if c.dep_ == "dobj"][:1]
            complements = [c for c in tok.children if c.dep_ == "oprd"]
            targets = []
            glued = self._glued_judgement(tok)
            if glued is not None:
                named, judged = glued
            elif not named and len(complements) > 1 and complements[0].pos_ == "PROPN":
                # "Biden called Donald Trump a climate arsonist", parsed with both nouns as complements: the first is
                # whom the judgement names.
                named, judged, targets = complements[:1], complements[1:], complements[:1]
            elif not named:
                continue
            else:
                judged = [c for c in tok.children if c.dep_ in ("oprd", "acomp") or c.dep_ == "dobj" and c.i > named[0].i]
            judged += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ in ("pobj", "pcomp")]
            judged += [c for c in named[0].children if c.dep_ == "acl" and c.pos_ == "ADJ"]  # 'calling it "null and void"'
            hit = self._appraisal(tok, judged)
            if hit is None:
                continue
            hit.targets = targets
            hits.append(hit)
            used.add(tok.i)
            used.update(t.i for j in judged for t in j.subtree)
        return hits, used

    @staticmethod
    def _match(tokens, k, trig):
        if len(trig.lemmas) == 1:
            return [tokens[k]]
        if k + len(trig.lemmas) > len(tokens):
            return None
        span = tokens[k:k + len(trig.lemmas)]
        for want, tok in zip(trig.lemmas, span):
            if want not in (tok.lemma_.lower(), tok.lower_):
                return None
        return span

    @staticmethod
    def _cond_ok(head, trig: ontology.Trigger) -> bool:
        if trig.obj is not None and not (_object_lemmas(head) & trig.obj):
            return False
        if trig.prep is not None and not ({c.lemma_.lower() for c in head.children if c.dep_ in ("prep", "prt", "agent", "dative")
                                          and not _when(c)} & trig.prep):
            return False  # "called on Iraq to ..." asks; "called Merkel on Tuesday" does not
        if trig.noprep is not None and ({c.lemma_.lower() for c in head.children if c.dep_ in ("prep", "dative")} | {
                g.lemma_.lower() for c in head.children if c.dep_ in ("advcl", "ccomp") for g in c.children if g.dep_ == "mark"}) & trig.noprep:
            return False  # "appealed to the UN", "appealed for the population to remain calm"
        if trig.agent is not None and not ({t.lemma_.lower() for s in _subjects(head) for t in s.subtree} & trig.agent):
            return False
        if trig.told and not any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in head.children):
            return False  # "ordered residents to leave" restricts them; "ordered the release of the journalists" frees them
        if trig.accused and not _others_accused(head):
            return False  # "claim they were retaliating", "claimed victory": no one else said to have done anything
        if trig.nocomp and (any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN") for c in head.children)
                            or sum(c.dep_ == "dobj" for c in head.children) > 1):
            return False  # 'declined to comment'; 'called the president a "national embarrassment"' names, it phones no one
        return True

    # 2. content ---------------------------------------------------------------------------------
    def _nest(self, hits: list[_Hit]) -> list[_Hit]:
        """Keep the top-level hits; a hit governed by another through a complement is its content."""
        for hit in hits:
            retyped = eventgate.figurative(hit.head, hit.type)
            if retyped:
                hit.type, hit.mode = retyped, "disapprove"
        by_token = {h.i: h for h in hits}
        top = []
        for hit in hits:
            governor = self._governor(hit, by_token)
            if governor is None:
                top.append(hit)
            else:
                governor.content.append(hit)
        for hit in top:
            if hit.type == "THREATEN" and hit.head.lemma_.lower() == "warn" and (any(
                    c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in hit.head.children) or any(
                    c.dep_ == "prep" and c.lower_ == "against" and any(g.tag_ == "VBG" for g in c.children) for c in hit.head.children)):
                # "warning people not to swim", "warned residents to stay inside", "warned its citizens against traveling
                # to Belgium": advice to do or not to do, a request, not a threat.
                hit.type, hit.mode = "REQUEST", None
            elif hit.type == "THREATEN" and hit.head.lemma_.lower() == "warn" and any(
                    c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lemma_.lower() in self.directive_modals for a in c.children)
                    for c in hit.head.children) and not any(c.dep_ in ("dobj", "dative") for c in hit.head.children):
                # "warned that civilians should be given more information": what someone should do, asked of them (but
                # "warned the officials that they should expect no help" tells them what awaits them).
                hit.type, hit.mode = "REQUEST", None
            if hit.type == "RETREAT" and hit.head.lemma_.lower() in ("withdraw", "retract", "drop") and any(
                    o.lemma_.lower() in _CLAIMS_WITHDRAWN for c in hit.head.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)):
                # "Bolivia withdrew its condemnations of Gambia", "dropped the charges": words or claims taken back
                # yield to the other side (CONCEDE), no forces pulled back.
                hit.type, hit.mode = "CONCEDE", None
            if hit.type == "RETREAT" and hit.head.lemma_.lower() in ("withdraw", "pull", "exit", "quit") and any(
                    c.dep_ == "prep" and c.lower_ in ("from", "of") and any(g.dep_ == "pobj" and g.lemma_.lower() in _ACCORDS for g in c.children)
                    for c in [*hit.head.children, *(p for t in hit.head.children if t.dep_ == "prt" for p in t.children)]):
                # "Trump withdrew the US from a nuclear treaty with Iran", "pulled out of the deal": relations cut back,
                # a SANCTION (PLOVER), not a retreat of forces.
                hit.type, hit.mode = "SANCTION", "withdraw"
            if hit.type in ("SANCTION", "CONCEDE") and hit.head.pos_ == "VERB" and hit.head.lemma_.lower() in _STOPPING and any(
                    c.dep_ == "dobj" and _fighting(c) for c in hit.head.children):
                # "Mozambican rebels suspended attacks on government forces", "would suspend all air strikes": fighting
                # stopped is a ceasefire (RETREAT), not relations cut nor a labour strike called off, and whom the
                # fighting was aimed at receives it.
                hit.type, hit.mode = "RETREAT", "ceasefire"
                hit.targets = hit.targets + [g for c in hit.head.children if c.dep_ == "dobj" for p in c.children
                                             if p.dep_ == "prep" and p.lower_ in ("on", "against") for g in p.children if g.dep_ == "pobj"]
            if hit.type == "ASSAULT" and hit.head.pos_ == "NOUN" and _ended(hit.head):
                # "announced he will end attacks against government forces": fighting stopped is a ceasefire (RETREAT).
                hit.type, hit.mode = "RETREAT", "ceasefire"
            if hit.type in ("SUPPORT", "AID", "COOPERATE") and hit.head.pos_ == "NOUN" and _ended(hit.head):
                # "Russia ended its support for the rebels", "declared an end to Russia's support for the militias": help
                # cut off is a SANCTION (discontinue), not help given.
                hit.type, hit.mode = "SANCTION", "discontinue"
            if hit.type == "CONSULT" and hit.head.lemma_.lower() == "host" and any(
                    c.dep_ == "dobj" and eventgate._counted(c).lemma_.lower() in ("refugee", "migrant", "asylum", "evacuee") for c in hit.head.children):
                # "China hosted 35,000 Afghan refugees": shelter given, aid (asylum), no meeting.
                hit.type, hit.mode = "AID", None
            if hit.type == "COERCE" and hit.head.pos_ == "VERB" and hit.head.lemma_.lower() in _SCATTER and _with_weapons(hit.head):
                # "police used batons and tear gas to disperse the crowd", "dispersed them with water cannon": force
                # used on a crowd is the crowd-control attack (docs/annotation.md), one happening with the weapon's.
                hit.type, hit.mode = "ASSAULT", "crowd-control"
            if hit.type == "SUPPORT" and hit.head.pos_ == "NOUN" and _in_money(hit.head):
                # "increased its support for Guinea to 100 million euros": support counted in money is aid.
                hit.type, hit.mode = "AID", None
            if hit.type == "PROTEST" and hit.mode == "obstruct" and (any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _CARGO for c in hit.head.children) or any(
                    c.dep_ in ("amod", "compound") and c.lemma_.lower() in ("naval", "economic", "military", "sea", "air") for c in hit.head.children)):
                # "block Iraqi trade", "a naval blockade": an embargo enforced, coercion, not a protest.
                hit.type, hit.mode = "COERCE", "restrict"
            if hit.type == "MOBILIZE" and any(c.dep_ == "prep" and c.lower_ == "behind" for c in hit.head.children):
                # "the party establishment mobilized behind Hillary Clinton": rallying to a side, no forces raised.
                hit.type, hit.mode = "SUPPORT", None
                hit.targets = hit.targets + [g for c in hit.head.children if c.dep_ == "prep" and c.lower_ == "behind"
                                             for g in c.children if g.dep_ == "pobj"]
            if hit.type == "SUPPORT" and hit.head.pos_ == "NOUN" and any(
                    c.dep_ in ("amod", "compound") and c.lemma_.lower() in _MATERIAL_SUPPORT for c in hit.head.children):
                # "gave air support to the militias", "military support": help in kind, not words of support.
                hit.type, hit.mode = "AID", None
            if hit.type == "AGREE" and hit.head.lemma_.lower() in _VOWS and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in ("support", "backing", "solidarity") for c in hit.head.children):
                # "vowed support for Azerbaijan", "pledged its backing": the support is given in the pledge.
                hit.type, hit.mode = "SUPPORT", None
            if hit.type == "AGREE" and hit.head.lemma_.lower() in _VOWS and any(
                    (c.type in _HOSTILE or c.type == "PROTEST" and c.mode == "obstruct") and not eventgate.other_sense(c.head, c.type, c.mode)
                    for c in _walk(hit.content)) and not _ends_harm(hit.head):
                # (nor "pledged to continue to fight corruption": a problem tackled)
                # (but "vowed to bring an end to the fighting", "pledged to stop the violence": a promise of peace)
                # "vowed to fight the US at any cost", "pledged to retaliate", "vowed they would block any attempt to
                # take the boy": a promise of harm or obstruction is a threat.
                hit.type, hit.mode = "THREATEN", None
            if hit.type == "COERCE" and hit.head.lemma_.lower() in ("ban", "outlaw") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in ("curfew", "lockdown", "restriction") for c in hit.head.children):
                # "Kunduz authorities banned the curfew": a restriction banned is lifted (CONCEDE, as "lifted the curfew")
                hit.type, hit.mode = "CONCEDE", None
            if hit.type == "ACCUSE" and hit.head.lemma_.lower() == "summon" and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _ENVOYS and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
                    for c in hit.head.children):
                # "Morocco has summoned its own envoy to Niue": one's own envoy called home is recalled (SANCTION), not
                # a foreign one reprimanded.
                hit.type, hit.mode = "SANCTION", "withdraw"
            if hit.type == "REJECT" and hit.head.lemma_.lower() in ("refuse", "decline") and any(
                    c.dep_ == "xcomp" and c.lemma_.lower() in ("eat", "drink") or c.dep_ == "dobj" and c.lemma_.lower() in ("food", "meal")
                    for c in hit.head.children):
                # "the prisoners refused to eat", "refused food": a hunger strike (PROTEST), no request rejected
                hit.type, hit.mode = "PROTEST", "hunger"
            if hit.type == "CONSULT" and hit.head.lemma_.lower() == "meet" and _met_with_weapons(hit.head):
                # "The demonstrators were met with pepper spray and tear gas by police", "were met by riot police using tear
                # gas": the crowd-control attack on them.
                hit.type, hit.mode = "ASSAULT", "crowd-control"
            if hit.type == "AGREE" and hit.head.lemma_.lower() == "agree" and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in _DECISIONS for c in hit.head.children if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children):
                # "The EU countries agreed with the decision taken by the Faroe government": approval (SUPPORT), no deal.
                hit.type, hit.mode = "SUPPORT", None
            if hit.type in ("CONSULT", "AGREE") and hit.head.pos_ == "VERB" and _refused(hit.head):
                # "Malaysian authorities have said they will not negotiate with the rebels", "said they would not accept a
                # cessation": a refusal stated (REJECT), not a negated meeting or agreement.
                hit.type, hit.mode, hit.refusal = "REJECT", "meet" if hit.type == "CONSULT" else None, True
            if hit.type == "PROTEST" and _protest_lodged(hit.head):
                # "China protested to Japan over the visit", "lodged a protest with the embassy": a complaint made to a
                # government or a body, disapproval (ACCUSE), not a demonstration.
                hit.type, hit.mode = "ACCUSE", "disapprove"
            crowd = _crowd_weapons_used(hit.head) if hit.type == "MOBILIZE" and hit.head.pos_ == "VERB" else []
            if crowd:
                # "The military deployed tear-gas and sound grenades to prevent protesters from reaching a rally": the
                # weapons used on a crowd, the crowd-control attack (ASSAULT) on it, not forces sent.
                hit.type, hit.mode = "ASSAULT", "crowd-control"
                hit.targets = hit.targets + crowd
            if hit.type == "ASSAULT" and hit.head.pos_ == "VERB" and hit.head.lemma_.lower() in ("burn", "torch", "set") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _PROTEST_FIRES for c in hit.head.children):
                # "Protesters then burned car tires in the plaza", "burned effigies of the president": the riot's own
                # fires, which harm no one (PROTEST).
                hit.type, hit.mode = "PROTEST", "riot"
            if hit.type == "COOPERATE" and hit.head.pos_ == "NOUN" and hit.head.lemma_.lower() in ("exercise", "drill") and _held_alone(hit.head):
                # "Lithuania's armed forces conducted military exercises near the border": forces shown by one side
                # (MOBILIZE); joint exercises, or exercises with someone, are cooperation.
                hit.type, hit.mode = "MOBILIZE", "troops"
            self._content_mode(hit)
            if not hit.mode and hit.type in self.instruments:
                hit.mode = _instrument(hit.head, self.instruments[hit.type])
        return top

    @staticmethod
    def _governor(hit: _Hit, by_token: dict) -> _Hit | None:
        """The trigger whose complement this one is; a purpose clause of the same type ("arrived ... to visit") also counts."""
        tok, loose = hit.head, False
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if tok.tag_ == "VBG" and first is not tok and first.dep_ == "advcl" and first.tag_ == "VBG":
            tok = first  # "detonated his belt, killing himself and wounding two soldiers": each participle tells the blast's toll
        if (tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) or tok.dep_ == "xcomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            # "led the push for South Pacific nations to agree": a for-to clause the parser hangs on the verb says
            # what the request its object names asks for.
            asked = next((by_token[c.i] for c in tok.head.children if c.dep_ == "dobj" and c.i in by_token
                          and by_token[c.i].type in _DIRECTIVE), None)
            if asked is not None:
                return asked
        while tok.head.i != tok.i and (tok.dep_ in _CONTENT_DEPS or tok.dep_ == "advcl" or _to_complement(tok)):
            if tok.dep_ == "prep" and tok.lower_ not in _CONTENT_PREPS:
                return None
            asked = tok.dep_ == "advcl" and tok.head.i in by_token and by_token[tok.head.i].type in _DIRECTIVE and (
                # ("called on Egypt on Tuesday to release them": the one called on, in a phrase, is asked it too)
                _bare_infinitive(tok) and any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in tok.head.children)
                # "calling for the chief of the agency to resign": a for-to clause says what is asked
                or any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))
            loose = loose or tok.dep_ == "advcl" and not asked
            if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CLAUSE_MARKS for c in tok.children):
                return None  # "the officer was killed ... while the attacker was killed by police": a clause of its own
            tok = tok.head
            if tok.i in by_token:
                gov = by_token[tok.i]
                if gov.trigger.accused:
                    return None  # "claimed that Ukrainian forces had shelled the bridge": the claim and the alleged deed
                # "asked the union, the teachers' federation, to end the strike": the parser's adverbial is what is asked.
                return gov if not loose or gov.type == hit.type else None
            if loose:
                # "launched a lawsuit against the police, alleging racial profiling": what the suit alleges is its content.
                made = next((by_token[c.i] for c in tok.children if c.dep_ == "dobj" and c.i in by_token), None)
                if made is not None and made.type == hit.type:
                    return made
        return None

    def _content_mode(self, hit: _Hit) -> None:
        if hit.mode:
            return
        # "killed in a car bomb explosion": an embedded trigger of the same type says how.
        same = None if hit.trigger.theme else next((inner for inner in _walk(hit.content) if inner.type == hit.type and inner.mode), None)
        if same is not None:
            hit.mode = same.mode
            return
        table = self.content.get(hit.type)
        if not table:
            return
        for inner in _walk(hit.content):
            mode = table.get(f"{inner.type}/{inner.mode}") or table.get(inner.type)
            if mode:
                hit.mode = mode
                return

    # 3-5. one sentence --------------------------------------------------------------------------
    def _calibrate(self, doc: Document, events: list[Event], ctx: "_Context") -> list[Event]:
        """Each event's confidence as the model's probability that it is fully correct (without a model, its rule
        score); those under min_confidence go. The feature vectors stay in the spaCy doc's user_data for
        scripts/train_confidence.py."""
        vectors = doc.spacy.user_data.setdefault("dateline_event_features", {})
        weighs_words = self.calibrator is not None and bool(self.calibrator.embedding)
        embedded = embed.vectors([eventconf.embedding_text(e) for e in events]) if weighs_words else [None] * len(events)
        out = []
        for event, vector in zip(events, embedded):
            x = vectors[event.id] = eventconf.features(event, doc.article.text, {**ctx.notes.get(event.id, {}), "rules": event.confidence}, ctx.kinds)
            p = round(self.calibrator.probability(x, vector), 3) if self.calibrator else event.confidence
            if p >= self.min_confidence:
                out.append(event.model_copy(update={"confidence": p}))
        return out

    def _sentence(self, doc: Document, sent, ctx: "_Context") -> list[Event]:
        hits = self._nest(self._triggers(sent))
        if len(hits) > self.max_triggers:
            doc.warnings.append(f"the sentence at character {sent.start_char} holds {len(hits)} event candidates; "
                                f"only its first {self.max_triggers} were coded (stage_options.events.max_triggers)")
            hits = hits[:self.max_triggers]
        probs = self.model.proba(sent.text) if self.model is not None else None
        if probs and ((not hits and self.model_fallback) or self.model_compete):
            # The classifier's type competes with the rules' candidates when it names a type they did not find.
            extra = self._fallback(sent, probs)
            hits = hits + [h for h in extra if h.type not in {k.type for k in _walk(hits)}]
        sentence = Span(start=sent.start_char, end=sent.end_char, text=sent.text)
        # The actor mentions a sentence's lookups can reach: its own, and those of the two sentences before it,
        # where a pronoun finds its antecedent (_refer).
        mentions, kinds, towns, notes = ctx.mentions_between(_reach(sent), sent.end_char), ctx.kinds, ctx.towns, ctx.notes
        near_places = ctx.places_between(sent.start_char, sent.end_char)
        framed = self._statement_scope(sent)
        out: list[Event] = []
        clauses: dict[int, int] = {}  # trigger start -> head of its clause
        for hit in hits:
            actor_toks, recipient_toks = _arguments(hit.head, hit.trigger.theme, hit.type)
            recipient_toks = hit.targets + [t for t in recipient_toks if t not in hit.targets]
            actor_toks, recipient_toks = ([m for t in toks for m in _named_members(t)] for toks in (actor_toks, recipient_toks))
            for inner in hit.content:
                if inner.type == hit.type and recipient_toks and _reason_of(inner.head, hit.head):
                    continue  # "criticized Biden for not denouncing the militia": what Biden failed to do is the reason, its target not his critics'
                if inner.type == hit.type:
                    more_actors, more_recipients = _arguments(inner.head, inner.trigger.theme, inner.type)
                    # "has been indicted in a bribery investigation": the outer act's passive subject undergoes it,
                    # and is not the inner one's actor.
                    actor_toks = actor_toks or [t for t in more_actors if not (t.dep_ == "nsubjpass" and t.head.i == hit.head.i)]
                    recipient_toks = recipient_toks + more_recipients
            if hit.type in ("SANCTION", "COERCE"):
                recipient_toks = [g for t in recipient_toks for g in (_trade_partners(t) or [t])]
            if hit.type in _HOSTILE:
                recipient_toks = [_holder(t) for t in recipient_toks]
            if actor_toks and all(eventgate.hazard(t) for t in actor_toks):
                continue  # "hurricanes striking US soil", "the virus attacks": a natural hazard acts on no one's behalf
            actors = _resolve(actor_toks, mentions, sent, nouns=True, etype=hit.type)
            victims = []
            if hit.head.pos_ == "NOUN" and hit.head.lemma_.lower() in _HARMS_TO_PEOPLE and hit.type in _HOSTILE:
                # "the Slepian shooting", "the Khashoggi murder": a person's name before a killing is its victim's (the
                # tagger may read the name as a nationality; the article tells it is a person).
                before = {c.idx for c in hit.head.children if c.dep_ in ("compound", "amod") and c.i < hit.head.i}
                surnames = {a.name.split()[-1] for _, _, a in ctx.mentions if a.kind == "person" and a.name}
                victims = [a for a in actors if a.start in before and (kinds.get(a.actor_id or "") == "person" or a.text in surnames)]
                actors = [a for a in actors if a not in victims]
            # A town named as a destination ("invited to Moscow") is a place, not the government it may stand for.
            # A news outlet is a recipient only of what befalls it ("beat a journalist") or of a request put to it
            # ("called on Fox News to fire Griffin"); else it is a cited source ("told Fox News").
            undergoes = hit.type in _HOSTILE or (hit.type in _DIRECTIVE and any(c.dep_ == "xcomp" for c in hit.head.children)) \
                or hit.mode == "release"  # "freed two journalists": the journalists are whom it befalls
            recipients = victims + [r for r in _resolve(recipient_toks, mentions, sent, nouns=True, etype=hit.type) if not _same_participant(r, actors) and eventgate.identifiable(r, sent.doc, kinds, harmed=undergoes)
                                    and not ((r.start, r.end) in towns and (_locative(sent.doc, r.start) or hit.type == "ASSAULT"))]
            # (nor is a town bombed or shelled: "an Angolan plane bombed Waku-Congo" happened there, to no one named;
            # nor the town whose streets a trigger names: "took to the streets of San Francisco", nor one whose parts are
            # named: "lifted a curfew for Jerusalem's Arab neighborhoods", "seized large areas of the West Bank")
            recipients = [r for r in recipients if not ((r.start, r.end) in towns and (_of_trigger(sent.doc, r, hit.tokens) or _owns_area(sent.doc, r)))]
            armed = {t.idx for t in actor_toks + recipient_toks if _force_member(t)}
            if armed:
                actors, recipients = ([p.model_copy(update={"sector": "MIL"}) if p.start in armed and p.sector in (None, "GOV") else p
                                       for p in side] for side in (actors, recipients))
            own = {a.country for a in actors if a.country}  # whose home a visit is in
            if hit.mode == "visit":
                # "visited Kenosha on a trip to the swing state of Wisconsin": a town or region visited at home, or
                # a place a common noun names, receives no one's visit; a town abroad stands for its country.
                recipients = [r for r in recipients if not ((r.start, r.end) in towns and own & {p.country3 for p in ctx.places_between(r.start, r.end)})
                              and not (r.actor_id is None and not r.country and _place_noun(sent.doc, r))]
            if hit.type == "THREATEN":
                # "threatened to stop talks if the United States goes ahead": the one whose conduct is the condition.
                recipients = recipients + [r for r in _resolve(_condition_subjects(hit.head), mentions, sent, nouns=False) if r not in actors and r not in recipients]
            if hit.type in _DIRECTIVE:
                # "demanded that China drop barriers": the one asked is the subject of what is asked.
                asked = [r for r in _resolve(_content_subjects(hit.head), mentions, sent, nouns=True) if r not in actors
                         and eventgate.identifiable(r, sent.doc, kinds)]
                recipients = asked + [r for r in recipients if r not in asked]
            if not recipients and hit.type == "ACCUSE" and hit.head.pos_ == "VERB" and hit.head.lemma_.lower() in _ALLEGE_VERBS:
                # "alleged that Salim plotted the attacks", "allege the attacks were plotted by Salim": the one said to
                # have done it is the accused.
                recipients = [r for r in _resolve(_alleged_doers(hit.head), mentions, sent, nouns=True) if r not in actors
                              and eventgate.identifiable(r, sent.doc, kinds)]
            if not recipients and hit.type in _DIRECTIVE:
                # "called for G7 action", "demanded Chinese cooperation", "urged Israel's withdrawal": the act asked for
                # names who is to do it.
                recipients = [r for r in _resolve(_requested_doers(hit.head), mentions, sent, nouns=False) if r not in actors]
            if not recipients and hit.type == "CONCEDE" and hit.head.lemma_.lower() == "plead":
                # "pleaded guilty at the Superior Court", "before Judge Urbanski": a plea is made to the court or judge.
                subjects = {t.i for c in hit.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
                courts = [g for c in hit.head.subtree if c.dep_ == "prep" and c.lower_ in ("at", "before", "in") and c.i not in subjects
                          for g in c.children if g.dep_ == "pobj" and (g.lemma_.lower() in _COURT_WORDS or any(
                              m.dep_ == "compound" and m.lemma_.lower() in _COURT_WORDS for m in g.children))]
                recipients = [r for r in _resolve(courts, mentions, sent, nouns=True) if not _same_participant(r, actors)]
            if not recipients and hit.type == "CONSULT" and hit.head.dep_ in ("xcomp", "advcl") and hit.head.head.lemma_.lower() in _CALL_IN:
                # "Tillerson called Lavrov to discuss Syria", "invited the envoys to talk": whom one calls or invites to talk
                recipients = [r for r in _resolve([c for c in hit.head.head.children if c.dep_ == "dobj"], mentions, sent, nouns=True)
                              if not _same_participant(r, actors) and eventgate.identifiable(r, sent.doc, kinds)]
            if not recipients and hit.mode == "investigate":
                # "opened fraud investigations into hundreds of banks", "launched an investigation into whether Credit Suisse
                # helped Belgians hide their accounts": whom an inquiry looks into.
                recipients = [r for r in _resolve(_looked_into(hit.head), mentions, sent, nouns=True) if not _same_participant(r, actors)
                              and eventgate.identifiable(r, sent.doc, kinds)]
            if not recipients and hit.type == "AID":
                # "providing 9 million euros in funds to assist Zimbabwe", "sent food to help North Korea": whom the aid
                # is given to help receives it.
                recipients = [r for r in _resolve(_helped(hit.head), mentions, sent, nouns=True) if not _same_participant(r, actors)
                              and eventgate.identifiable(r, sent.doc, kinds, harmed=True)]
            if hit.mode == "third-party":
                # "mediated a peace agreement between Japan and Russia", "mediated an end to the conflict between Israel
                # and Egypt": the sides between whom a mediator works receive it (the gold codes them all as recipients).
                sides = [r for r in _resolve(_mediated_sides(hit.head), mentions, sent, nouns=True) if not _same_participant(r, actors)]
                recipients = sides + [r for r in recipients if not any(_same_participant(r, [x]) for x in sides)]
            addressed = hit.type in _DIRECTIVE and any(c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN") for c in hit.head.children) \
                and any(c.dep_ == "xcomp" for c in hit.head.children)
            if not recipients and hit.type in _COMMISSIVE and not addressed:
                # "agreed to provide aid to Romania": whom a commitment or request concerns is the target of its content
                # (but "urged the graduates to keep good relations with civilians" asks the graduates, whoever they are).
                recipients = [r for r in _resolve(_content_targets(hit.head, hit.type), mentions, sent, nouns=True) if not _same_participant(r, actors)]
            trigger = Span(start=hit.tokens[0].idx, end=hit.tokens[-1].idx + len(hit.tokens[-1]), text=doc.article.text[hit.tokens[0].idx:hit.tokens[-1].idx + len(hit.tokens[-1])])
            located = choose_locations(sentence, trigger, near_places, sdoc=doc.spacy)
            location = located[0] if located else None
            if (hit.mode == "visit" and not recipients and location is not None and location[0].country3 and _governs_span(hit.head, location[1])
                    and location[0].country3 not in own and (location[0].level == "country" or location[0].feature_code == "PPLC")):
                # A visit abroad is received by the country visited, or by the capital that stands for its government
                # ("arrived in Amman"); a visit at home has no target, nor has a visit to another town ("a visit to
                # Thessaloniki": where, the guide's place).
                place, m = location
                recipients = [EventActor(text=m.text, name=place.name, country=place.country3, start=m.start, end=m.end)]
            if not recipients and hit.type in _IMPOSED:
                # PLOVER codes a country as the target of what is imposed on or granted to it when the text names
                # none ("lifted a curfew in Montenegro"); a town (a capital too) or a region is where the event
                # happened, never its target, and where one protests or meets is no one's ("rallied in Belgium").
                recipients = [r for r in _resolve(_place_args(hit.head), mentions, sent, nouns=False)
                              if r.country and r not in actors and kinds.get(r.actor_id) == "country" and (r.start, r.end) not in towns
                              and r.country not in own]
            # Precision first: participants must name someone, and PLOVER codes no actor-less event.
            # "The train from London arrived", "thousands of Venezuelans arrived in Brazil": no visit; "the Raqqa
            # battle": a town that seats no government acts for no one; "MANILA, Philippines – ... urged": where the
            # story was filed.
            placed = [a for a in actors if a.start is not None and _names_the_place(hit.head, sent.doc, a, hit.type) and any(
                s0 == a.start and (e0 == a.end or doc.article.text[e0:a.end] in ("'s", "’s")) and place.level in ("city", "admin2", "admin1", "site")
                for s0, e0, place in ctx.place_mentions_between(a.start, a.end))]  # ("Rio de Janeiro's student protest movement")
            actors = [a for a in actors if (eventgate.identifiable(a, sent.doc, kinds) or hit.type == "PROTEST" and _crowd(sent.doc, a))
                      and not (hit.mode == "visit" and ((a.start, a.end) in towns or _a_people(a, sent.doc)))
                      and (a.start, a.end) not in ctx.seatless and a not in placed
                      and not any(s <= a.start and a.end <= e for s, e in ctx.datelines)]
            if placed and not actors and hit.type in _MUTUAL and len(recipients) > 1:
                actors, recipients = recipients[:1], recipients[1:]  # "the Moscow talks between Iran and the US": the parties
            recipients = [r for r in recipients if eventgate.identifiable(r, sent.doc, kinds, harmed=undergoes)
                          or r.country and r.actor_id is None and hit.mode == "visit"]
            actors, recipients = ([_place_country(p, ctx, sent.doc) for p in role] for role in (actors, recipients))
            recipients = [r for k, r in enumerate(recipients) if (r.start, r.end, r.text) not in {(q.start, q.end, q.text) for q in recipients[:k]}]
            if hit.type not in _DONE_AT_HOME:
                recipients = _without_own_state(actors, recipients, kinds, ctx, sent.doc)
            state = actors and all(_of_the_state(a, sent.doc, kinds) for a in actors)
            if hit.type == "PROTEST" and hit.mode == "obstruct" and state:
                # "authorities have blocked lawyers from visiting him", "officials have blocked off an area of Dresden": the
                # state restricting, not a protest (and the town it closes is a place, not whom it restricts).
                hit.type, hit.mode = "COERCE", "restrict"
                recipients = [r for r in recipients if (r.start, r.end) not in towns or _aimed_at(sent.doc, r.start)]  # (a blockade "on Gaza")
            if hit.type in ("SANCTION", "CONCEDE") and hit.head.lemma_.lower() in ("suspend", "halt", "stop", "cancel") and state and any(
                    c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in _PROTEST_WORDS or c.lower_ == "in" and any(
                        g.lower_ == "sit" for g in c.children)) for c in hit.head.children):  # (the tokenizer splits "sit-in")
                # "police suspended a sit-in called by women's groups": the state stopping a protest bans it (COERCE);
                # protesters suspending their own is a concession.
                hit.type, hit.mode = "COERCE", "ban"
            if hit.type == "SANCTION" and hit.mode == "expel" and any(_private_people(r, sent.doc, kinds) for r in recipients) and all(
                    _private_people(r, sent.doc, kinds) or kinds.get(r.actor_id) == "country" for r in recipients):  # (sent "to Turkey")
                # "Singapore expelled 22 of its residents", "the expulsion of migrants": people made to leave are deported
                # (COERCE); expelling diplomats or a member state cuts relations (SANCTION).
                hit.type, hit.mode = "COERCE", "deport"
            if hit.type == "RETREAT" and hit.head.lemma_.lower() == "surrender" and actors and (not any(
                    _armed_force(a, sent.doc, kinds) for a in actors) or _to_the_law(hit.head)):
                # "the suspected gunman surrendered to police", "a defendant surrendered to authorities", "twenty NPA rebels
                # surrendered to the police": giving oneself up to the law is CONCEDE (the guide); only armed forces
                # surrendering in war retreat (disarm).
                hit.type, hit.mode = "CONCEDE", None
            if (hit.type == "MOBILIZE" and hit.head.lemma_.lower() in ("mobilize", "mobilise") and actors
                    and not any(c.dep_ == "dobj" for c in hit.head.children)
                    and all(_a_people(a, sent.doc) or _private_people(a, sent.doc, kinds) or kinds.get(a.actor_id) == "country"
                            and (root := _root(sent.doc, a)) is not None and root.tag_ in ("NNPS", "NNS") for a in actors)):
                # "Ecuadorians have mobilized to oppose a government": a people rallying is a protest, not forces raised.
                hit.type, hit.mode = "PROTEST", "demo"
            if hit.type == "PROTEST" and hit.head.lemma_.lower() == "protest" and hit.head.pos_ == "VERB" and actors and all(
                    kinds.get(a.actor_id) == "country" and not _a_people(a, sent.doc) or a.sector == "GOV"
                    or (root := _root(sent.doc, a)) is not None and root.lemma_.lower() in _DIPLOMATS for a in actors) and any(
                    c.dep_ == "dobj" for c in hit.head.children):
                # "China protested the visit of the Taiwanese president": a state's protest is a diplomatic one, an
                # accusation (ACCUSE), not a demonstration.
                hit.type, hit.mode = "ACCUSE", "disapprove"
            if hit.type == "ASSAULT" and hit.head.pos_ == "VERB" and hit.head.lemma_.lower() == "strike" and actors and all(
                    a.sector == "LAB" or eventgate.plain_forms(a.text.split()[-1].lower()) & _LABOUR_WORDS for a in actors) and not any(
                    c.dep_ == "dobj" and not any(t.text == "," for t in sent.doc[hit.head.i:c.i]) for c in hit.head.children):
                # "Workers in Quebec have announced they will strike": workers who strike walk out, whatever the parser
                # hangs on the verb past a comma ("strike ... over long hours, a lack of benefits"); but "the driver
                # struck a guard rail" hit it
                hit.type, hit.mode = "PROTEST", "strike"
            if hit.type == "PROTEST" and hit.mode == "strike" and hit.head.pos_ == "NOUN" and state and not any(
                    t.lemma_.lower() in _LABOUR_WORDS for t in sent):
                # "the government said it did not carry out the strike", "the army's strike on the village": a state's
                # strike is an attack, not a walkout (but "Indonesian workers will close their strike" is one).
                hit.type, hit.mode = "ASSAULT", None
            if hit.type == "COERCE" and hit.mode == "seize" and hit.head.lemma_.lower() in ("occupy", "seize") and actors and all(
                    (root := _root(sent.doc, a)) is not None and root.lemma_.lower() in _OCCUPIERS for a in actors):
                # "Protesters occupying a Russian consulate", "students occupied the university": a sit-in, not a
                # state's seizure.
                hit.type, hit.mode = "PROTEST", "obstruct"
            sides = hit.type == "ASSAULT" and len(actors) > 1 and not recipients and (
                hit.head.lemma_.lower() in _FIGHT_VERBS or all(_between(_token_at(sent.doc, a.start)) for a in actors))
            if ((hit.type in _MUTUAL or sides) and len(actors) > 1 and not recipients and hit.mode not in ("visit", "third-party")
                    and hit.head.lemma_.lower() not in _VOWS | {"offer"} and not any(
                        (t := _root(sent.doc, a)) is not None and t.lemma_.lower() in _OWN_SIDE
                        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children) for a in actors[1:])):
                # "Turkey and Libya signed an agreement", "A and B met", "Armenia and Azerbaijan fought a war": the
                # first-named party acts, the others receive (but "Macron and his foreign minister made visits" travel
                # together, "Kuwait and Ireland have vowed to deliver funds" promise side by side, and "the ruling party
                # and its allies agreed" are one side).
                actors, recipients = actors[:1], actors[1:]
            implied = not actors and bool(recipients) and not any((hit.type, r.actor_id) in ctx.targets for r in recipients if r.actor_id)
            if implied:
                actors = _legal_agent(hit, sent, ctx)
            if eventgate.is_question(sent, trigger.start) or eventgate.not_an_event(hit.head, hit.type, hit.mode, actors, recipients):
                continue
            if hit.type == "REQUEST" and _insisted_fact(hit.head):
                continue  # "China insists it is strictly enforcing all sanctions": a claim, no demand
            if hit.type == "SUPPORT" and _giving_purpose(hit.head):
                continue  # "provided 6.3 million euros to support projects": the gift is the event (AID), not its purpose
            if hit.mode == "visit" and actors and not recipients and location is None and not eventmerge.is_anaphor(hit.head):
                continue  # "arrived at about 20:00": a visit to no one and nowhere the text names ("Kim's visit" points back)
            if hit.frame and any(eventgate.media_outlet(t) for t in actor_toks):
                continue  # "Greek daily Kathimerini said Greece must ...": the outlet reports, it asks no one
            if hit.frame and hit.type in _DIRECTIVE:
                # "Johnson stated that Britain must leave": what one's own state must do is a stance, asked of no one.
                own = {a.country for a in actors if a.country}
                recipients = [r for r in recipients if not (r.country in own and kinds.get(r.actor_id) == "country")]
                if not recipients:
                    continue
            if actors and (hit.frame or any(t.lower_ in _FIRST | _SELF for t in actor_toks + recipient_toks) or hit.type in _DIPLOMATIC) \
                    and not eventgate.political(actors + recipients):
                continue  # a coach's praise of his players, a singer's "I attacked the song": no political actor on either side
            if hit.type in _SAID and not eventgate.political(actors) and eventgate.in_sport(sent):
                continue  # "the Bajans will oppose Antigua and Barbuda on June 2 followed by an away fixture": a match
            if hit.guessed and not recipients and hit.type not in _UNDIRECTED:
                continue  # the classifier's guess on a verb no trigger knows codes an act between two parties only ("died", "won")
            if not actors and not eventmerge.is_anaphor(hit.head):
                continue
            if location is not None and hit.mode != "visit":
                # "blamed Israel and the United States", "the government of Ukraine", "the Libyan ambassador to
                # Greece": a place that is a participant or describes one is not where the event happened (but
                # the country a visit goes to is both its recipient and its place).
                location = next((pm for pm in located if not _describes_participant(sent.doc, pm[1], actors + recipients)
                                 and not _envoy_post(_token_at(sent.doc, pm[1].start))
                                 and not _in_harm_judged(hit, pm[1]) and not _in_content(hit, pm[1])
                                 and (hit.type not in _WORDS_ONLY or hit.mode == "investigate"
                                      or _said_there(hit.head, _token_at(sent.doc, pm[1].start)))
                                 and (hit.type in _WORDS_ONLY or not _told_there(hit.head, _token_at(sent.doc, pm[1].start), self.speech_verbs))), None)
                if location is None and (hit.type in _ON_TARGET or hit.type == "RETREAT" and hit.mode == "withdraw") and not sides:
                    # "the Soviet Union invaded Afghanistan", "sent troops to Saudi Arabia", aid "to Samoa": a material act
                    # on a country happens there, so the country it targets is also its place (not a statement about one).
                    location = next((pm for pm in located if pm[0].level == "country" and any(
                        r.start is not None and r.start <= pm[1].start < r.end for r in recipients)), None)
            if hit.type == "COERCE" and (location is None or location[0].level in ("admin1", "country")):
                # "Palm Beach County in Florida issued an evacuation order", "Miami-Dade County imposed a curfew": a county
                # or a town that restricts does so at home.
                location = next(((place, Span(start=s0, end=e0, text=doc.article.text[s0:e0]))
                                 for a in actors if a.start is not None and a.actor_id is None
                                 for s0, e0, place in ctx.place_mentions_between(a.start, a.end)
                                 if place.level in ("city", "admin2") and (s0, e0) == (a.start, a.end)), location)
            if location is None and hit.mode != "visit":
                # "began attacking people there", "in other parts of the city": the place named before.
                location = pointed_location(hit.head, ctx.place_mentions_between(_reach(sent), sent.start_char), sent.doc)
            date = _narrative_date(event_date(sentence, trigger, doc.timexes, doc.article.published, head=hit.head, text=doc.article.text), doc, sent)
            factuality, cue_modal, cue = self._factuality(hit, sent, date, doc, mentions)
            if implied and actors and factuality == "historical" and not sent.start_char <= (actors[0].start or 0) < sent.end_char:
                continue  # a background conviction years back: the agency named nearby is not likely the one that acted
            if not actors:
                # "the visit", "his visit": no event of its own, but a mention of the happening it points back at. What
                # tells which one is what the noun phrase itself says ("the December 31 attack on the embassy"), not its
                # sentence ("the visit drew protests in Seoul").
                phrase = list(hit.head.subtree)
                lo, hi = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
                own_place = location if location is not None and lo <= location[1].start < hi else None
                own_date = date if date is not None and date.start is not None and lo <= date.start < hi else None
                ctx.anaphors.append(self._event(doc, hit.type, hit.mode, sentence, trigger, [], recipients, own_place, own_date, factuality, 0.0, cue))
                continue
            if hit.type == "REJECT" and hit.head.i in framed:
                continue  # "rejected accusations of genocide": denying a charge refuses nothing (the guide)
            confidence = hit.trigger.weight + (0.1 if actors else -0.15) + (0.05 if recipients else 0.0)
            if factuality != "asserted":
                confidence -= 0.05
            confidence = round(min(1.0, max(0.0, confidence)), 3)
            if confidence < self.rules_floor:
                continue
            event = self._event(doc, hit.type, hit.mode, sentence, trigger, actors, recipients, location, date, factuality, confidence, cue)
            notes[event.id] = {"weight": hit.trigger.weight, "fallback": hit.guessed, "noun": hit.head.pos_ in ("NOUN", "PROPN"),
                               "classifier": probs.get(hit.type, 0.0) if probs else 0.0, "main_clause": _main_clause(hit.head)}
            if hit.head.i in framed:
                event.contexts.append("statement")
            out.append(event)
            ctx.targets.update((event.type, r.actor_id) for r in event.recipients if r.actor_id)
            if hit.type in _JUDGING and not recipients:
                judged = _judged_happening(hit.head)
                if judged is not None:
                    ctx.judged.append((event.id, judged.lemma_.lower()))
            clauses[event.evidence.trigger.start] = _clause(hit.head).i
            if (hit.type in _HOSTILE and factuality == "hypothetical" and _on_condition(hit.head) and actors
                    and _agentive(actor_toks, mentions) and _speaker_is_actor(hit.head, mentions, sent)):
                # "North Korea said it would strike Guam if the drills continued": force promised on a condition by the
                # one who would use it is a threat, made now (PLOVER THREATEN); analysts saying what Russia would do
                # threaten no one.
                threat = self._event(doc, "THREATEN", None, sentence, trigger, actors, recipients, None, date, "asserted", round(confidence * 0.9, 3))
                notes[threat.id] = {**notes[event.id], "classifier": probs.get("THREATEN", 0.0) if probs else 0.0}
                out.append(threat)
            elif (cue_modal and hit.type not in ("AGREE", "REQUEST") and _agentive(actor_toks, mentions)
                  and _own_commitment(hit.head, actors, mentions, sent, self.cues)):
                # PLOVER codes a stated commitment to a future action as AGREE by the one who commits. The planned act
                # says so in its context (schemes that code commitments on their own read it there); only when asked
                # is the commitment an event of its own too.
                event.contexts.append("commitment")
                if not self.commitments:
                    continue
                outer, outer_cue = self._outer_factuality(hit, sent)
                agree = self._event(doc, "AGREE", None, sentence, trigger, actors, recipients, location, date, outer, round(confidence * 0.9, 3), outer_cue)
                notes[agree.id] = {**notes[event.id], "classifier": probs.get("AGREE", 0.0) if probs else 0.0}
                out.append(agree)
        out = _merge(_joined_acts(out, sent))
        if probs:
            w = self.model_weight
            out = [e.model_copy(update={"confidence": round((1 - w) * e.confidence + w * probs.get(e.type, 0.0), 3)}) for e in out]
        if self.one_per_clause and len(out) > 1:
            candidates = list(out)
            by_clause: dict[int, list[Event]] = {}
            for e in out:
                by_clause.setdefault(clauses.get(e.evidence.trigger.start, -1), []).append(e)
            # The best of each clause; a clause other than the best one's keeps its event only when that is
            # nearly as strong or has an actor of its own.
            heads = [_select(group) for group in by_clause.values()]
            heads.sort(key=lambda group: -group[0].confidence)
            out = list(heads[0])
            for group in heads[1:]:
                if (group[0].confidence >= self.clause_ratio * heads[0][0].confidence or _select(out + group) != out
                        or _distinct_claim(group[0], out)):
                    out.extend(group)
            out.sort(key=lambda e: e.evidence.trigger.start)
            out = _inherit_modes(out, clauses, candidates)
        return _each_state(out, sent, ctx)

    def _directives(self, sent, used: set[int]) -> list[_Hit]:
        """Statements that someone must or should act ("said that Sudan must return ..."): REQUEST on the verb of saying."""
        out = []
        for tok in sent:
            mandative = tok.lemma_.lower() in _MANDATIVE
            if tok.i in used or tok.pos_ != "VERB" or tok.lemma_.lower() not in self.directive_verbs and not mandative:
                continue
            if any(c.dep_ == "nsubj" and (c.like_num or c.lemma_.lower() in _SHARES or any(
                    g.like_num and g.nbor(1).lower_ == "of" for g in c.subtree if g.i + 1 < len(g.doc))) for c in tok.children):
                continue  # "a poll shows that 6 of 10 Americans believe the boy should go home": a share's opinion
            for c in tok.children:
                obliged = any(a.dep_ == "aux" and a.lemma_.lower() in self.directive_modals for a in c.children) or (
                    c.lemma_.lower() in ("need", "have") and any(g.dep_ == "xcomp" and g.tag_ == "VB" for g in c.children)
                    and not any(g.dep_ == "advmod" and g.lower_ == "yet" for g in c.children)) or (  # ("have yet to sign": not yet)
                    # "suggested residents wear masks", "insists that the budget include funding": the bare verb of a
                    # mandative clause asks it of its subject (but "suggested the crash was caused by" tells).
                    mandative and (c.tag_ == "VB" or c.tag_ == "VBP" and tok.tag_ == "VBD") and not any(a.dep_ == "aux" for a in c.children))
                subjects = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                if c.dep_ == "ccomp" and obliged and subjects and not any(g.lower_ in _FIRST | _SELF or _own_body(g) for g in subjects) and any(
                        g.pos_ in ("PROPN", "PRON") or g.ent_type_ in _ACTOR_ENTS or eventgate.names_someone(g) for g in subjects):
                    # (but "said the future peace of the Nordic countries must have one goal": a thing asked of no one)
                    # "must", "should", and "need to", "have to" ("said NATO allies need to stand by Turkey"); what
                    # "we must" do is the speaker's own course, asked of no one.
                    trig = ontology.Trigger(lemmas=(tok.lemma_.lower(),), pos="V", type="REQUEST", mode=None, weight=self.directive_weight)
                    out.append(_Hit(trig, [tok], tok, "REQUEST", None, frame=True))
                    break
        return out

    def _judgements(self, sent, used: set[int]) -> list[_Hit]:
        """Statements that someone is what a judgement calls them or did a wrong ("said Trump was a liar", "claimed
        the decision was illegal", "said the council broke the law"): ACCUSE (or SUPPORT) on the verb of saying,
        aimed at the complement's subject, or at whose the thing it names is."""
        out = []
        for tok in sent:
            if tok.i in used or tok.pos_ != "VERB" or tok.lemma_.lower() not in self.judgement["verbs"]:
                continue
            for c in tok.children:
                if c.dep_ != "ccomp" or c.i in used or any(g.dep_ == "neg" for g in c.children):
                    continue
                subjects = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")][:1]
                if not subjects or subjects[0].lower_ in _NEUTER | {"this", "that", "there"} | _FIRST | _SELF:
                    continue  # "said it was a mistake": what it is, no one named; "we lied": a confession
                subject = subjects[0]
                targets = [subject] if eventgate.names_someone(subject) and subject.pos_ != "PRON" or subject.lower_ in _PERSONAL | _PLURAL else [
                    g for g in _owners(subject) if eventgate.names_someone(g)]
                if not targets:
                    continue
                if c.lemma_.lower() == "be":
                    judged = [g for g in c.children if g.dep_ in ("attr", "acomp")]
                    hit = self._appraisal(tok, judged, near=True) if judged else None
                    if hit is not None and hit.type == "SUPPORT" and c.tag_ == "VBD":
                        continue  # "said he was very honest and brilliant": a eulogy or a memory, no backing of anyone
                else:
                    wrong = self.judgement["wrongs"].get(c.lemma_.lower())
                    objects = {g.lemma_.lower() for g in c.children if g.dep_ == "dobj"}
                    if wrong is None or (wrong and not objects & wrong):
                        continue
                    judged = [c]
                    trig = ontology.Trigger(lemmas=(tok.lemma_.lower(),), pos="V", type="ACCUSE", mode="disapprove", weight=self.judgement["weight"])
                    hit = _Hit(trig, [tok], tok, "ACCUSE", "disapprove", frame=True)
                if hit is None:
                    continue
                hit.targets = targets
                out.append(hit)
                used.add(tok.i)
                used.update(t.i for j in judged for t in j.subtree)
                break
        return out

    def _statement_scope(self, sent) -> set[int]:
        """Token indices of statement frames ('declined to comment', 'claimed responsibility for the attack'): the verb and its framed object."""
        out: set[int] = set()
        for tok in sent:
            objects = self.statements.get(tok.lemma_.lower())
            if not objects or tok.pos_ not in ("VERB", "AUX"):
                continue
            for c in tok.children:
                args = [c] if c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass") else [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else []
                for arg in args:
                    if arg.lemma_.lower() in objects:
                        out.add(tok.i)
                        out.update(t.i for t in arg.subtree)
        return out

    def candidates(self, sent) -> list[tuple[str, str | None, float]]:
        """The trigger candidates of a sentence before the precision gate, as (type, mode, rule weight): what its
        words are about even when no event is emitted (`dateline eval classify` reads a text's type from them)."""
        return self.reading(sent)[0]

    def reading(self, sent) -> tuple[list[tuple[str, str | None, float]], bool]:
        """The sentence's candidates (see `candidates`), and whether some words that look like an event's are used in
        another sense (`eventgate.other_sense`): those name no event, nor does what they govern ("declined to
        comment on the allegations": no accusation either), and a sentence so read tells no event, so no classifier
        guess should stand in for one."""
        hits = self._nest(self._triggers(sent))
        other = [h.head for h in hits if eventgate.other_sense(h.head, h.type, h.mode)]
        found = [(hit.type, hit.mode, hit.trigger.weight) for hit in hits
                 if not any(hit.head.i == o.i or o.is_ancestor(hit.head) for o in other)]
        return found, bool(other)

    def _fallback(self, sent, probs: dict[str, float]) -> list[_Hit]:
        """When no trigger matched: the classifier's type on the clause's main verb, if it is sure enough."""
        etype, p = max(probs.items(), key=lambda kv: kv[1])
        if p < self.model_threshold:
            return []
        head = sent.root
        # "X said (that) Y did Z": the reported clause carries the event.
        speech = set(self.cues["reported"]["speech_verbs"])
        while head.lemma_.lower() in speech:
            inner = [c for c in head.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
            if not inner:
                break
            head = inner[0]
        # A copula or bare auxiliary ("was", "were") names no action to hang the event on.
        if head.pos_ not in ("VERB", "NOUN") or head.lemma_.lower() in _EMPTY_VERBS:
            return []
        trig = ontology.Trigger(lemmas=(head.lemma_.lower(),), pos="A", type=etype, mode=None, weight=round(0.2 + 0.5 * p, 3))
        return [_Hit(trig, [head], head, etype, None, guessed=True)]

    def _event(self, doc, etype, mode, sentence, trigger, actors, recipients, location, date, factuality, confidence, cue=None) -> Event:
        cameo, quad, intensity = ontology.codes(etype, mode)
        loc = None
        if location is not None:
            place, m = location
            loc = EventLocation(name=place.name, geonameid=place.geonameid, lat=place.lat, lon=place.lon, country=place.country,
                                level=place.level, start=m.start, end=m.end)
        key = f"{doc.article.id}|{sentence.start}|{sentence.end}|{etype}|{trigger.start}"
        return Event(
            id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], type=etype, mode=mode, factuality=factuality,
            confidence=confidence, actors=actors, recipients=recipients, location=loc, date=date,
            evidence=Evidence(sentence=sentence.text, start=sentence.start, end=sentence.end, trigger=trigger,
                              cue=Evidence(sentence=sentence.text, start=sentence.start, end=sentence.end).span(*cue) if cue else None),
            cameo=cameo, quad_class=quad, intensity=intensity,
        )

    # 4. factuality ------------------------------------------------------------------------------
    def _factuality(self, hit: _Hit, sent, date, doc: Document, mentions) -> tuple[str, bool, tuple[int, int] | None]:
        """The factuality of the event, whether a future modal on the trigger states a commitment, and the article
        offsets of the words that decided the factuality (None when asserted)."""
        cues = self.cues
        found = _Cues()
        commitment = False
        head = hit.head
        if hit.trigger.negative and not any(tok.dep_ == "neg" for tok in head.children):
            found.add("negated", *hit.tokens)  # "were acquitted": no conviction
        for tok in head.children:
            lemma = tok.lemma_.lower()
            if tok.dep_ == "neg" and (hit.trigger.negative or any(c.lower_ == "until" and c.dep_ in ("prep", "mark") for c in head.children)):
                pass  # "didn't endorse her until July": she was endorsed, in July; "was not acquitted": convicted
            elif tok.dep_ == "neg" or (tok.dep_ == "det" and lemma in ("no", "neither")):
                found.add("negated", tok)
            elif tok.dep_ in ("nsubj", "nsubjpass") and (lemma in _NO_ONE or any(
                    g.dep_ == "det" and g.lemma_.lower() in ("no", "neither") for g in tok.children)):
                found.add("negated", tok)  # "None of the moderate Democrats have endorsed him", "No government has recognised it"
            if tok.dep_ == "ccomp" and tok.pos_ == "ADJ" and any(g.dep_ == "neg" for g in tok.children):
                found.add("negated", *(g for g in tok.children if g.dep_ == "neg"), tok)  # "found him not guilty": an acquittal
            if (tok.dep_ == "advcl" and hit.type not in _SPEECH_ACTS
                    and any(g.dep_ == "mark" and _condition_mark(g, cues) for g in tok.children)):
                # "If an amendment is proposed, the states ratify it"; a request made on a condition was still made.
                found.add("hypothetical", *(g for g in tok.children if g.dep_ == "mark" and _condition_mark(g, cues)))
            if tok.dep_ in ("amod", "advmod", "compound") and lemma in cues["speculated"]["modifiers"]:
                found.add("speculated", tok)
            if tok.dep_ in ("amod", "compound", "advmod") and lemma in cues["planned"]["modifiers"] and not (
                    lemma == "next" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)):
                found.add("planned", tok)  # (but "blocked the road next to the parliament": a place, no time ahead)
            if tok.dep_ == "det" and lemma in cues["hypothetical"]["dependents"]:
                found.add("hypothetical", tok)
            if tok.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ == "det" and g.lemma_.lower() in cues["hypothetical"]["dependents"] for g in tok.children):
                found.add("hypothetical", *(g for g in tok.children if g.dep_ == "det" and g.lemma_.lower() in cues["hypothetical"]["dependents"]))
            if tok.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN") and not (
                    tok.dep_ == "acl" and tok.head.i == head.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)) and not (
                    tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in ("aim", "direct", "target")
                    and any(c.dep_ == "prep" and c.lower_ in ("at", "against") for c in tok.children)):
                # (but "launched an offensive to try to prevent ...": what the act is for, not a plan for the act; nor
                # are "attacks aimed at the army" planned: they are what was aimed)
                sub = {t.lemma_.lower() for t in tok.subtree}
                if sub & set(cues["planned"]["governors"]) or sub & set(cues["planned"]["modals"]):
                    found.add("planned", next(t for t in tok.subtree if t.lemma_.lower() in sub & (set(cues["planned"]["governors"]) | set(cues["planned"]["modals"]))))
            if tok.dep_ == "prep":
                objs = {t.lemma_.lower() for t in tok.children}
                if objs & {"future"}:
                    found.add("planned", tok, *tok.children)
        # A trigger told as done ("had asked", "announced he asked") or under way ("announced the department was performing an
        # investigation") is no plan whatever governs it.
        verb = _clause_verb(head)
        between = [t for t in head.ancestors if t.i != verb.i and verb.is_ancestor(t)]  # "worked to arrange a meeting": arrange
        done = (_past(verb) or verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ == "VBD" and c.lemma_.lower() == "be" for c in verb.children)) and (
            verb.i == head.i or verb.lemma_.lower() not in cues["planned"]["governors"]) and not any(
            t.lemma_.lower() in cues["planned"]["governors"] for t in between)  # "announced a withdrawal" lies ahead
        if head.dep_ == "nsubj" and any(_be_to(c) for c in head.head.children):
            found.add("planned", head.head, *(a for c in head.head.children if _be_to(c) for a in c.children if a.dep_ == "aux"))  # "Talks were to continue Monday"
        # Walk up from the trigger: modals and markers until the first clause boundary, governors all the way.
        tok, clause, adjunct, prev = head, True, False, None
        via_conj = False  # reached the previous conjunct of the trigger's verb: a sibling, whose own words are not cues
        forced = False  # "tried to force him to resign": what one is made to do is no plan of one's own
        speech_above = _speech_above(head, cues)
        while True:
            verb = tok if tok.pos_ in ("VERB", "AUX") or tok.i == head.i else None
            if (verb is not None and prev is not None and prev.i == head.i and head.pos_ == "NOUN" and hit.type in _DIRECTIVE
                    and prev.dep_ in ("dobj", "nsubjpass") and tok.lemma_.lower() in _ANSWER_VERBS):
                verb = None  # "the administration's request will be reviewed": the answer lies ahead; the request was made
            if clause and verb is not None:
                for child in verb.children:
                    lemma = child.lemma_.lower()
                    if child.dep_ == "neg" and verb.i != head.i:
                        # "has not ruled out resigning", "did not exclude sanctions": what is not excluded may happen
                        found.add("speculated" if _phrasal(verb) in _EXCLUDE else "negated", child)
                    if child.dep_ == "aux":
                        if lemma in cues["speculated"]["modals"]:
                            found.add("speculated", child)
                        elif lemma in cues["planned"]["modals"]:
                            found.add("planned", child)
                            commitment = commitment or tok.i == head.i or tok.dep_ == "xcomp"
                        elif lemma in cues["hypothetical"]["modals"]:
                            if speech_above:
                                found.add("planned", child)
                                commitment = commitment or tok.i == head.i
                            else:
                                found.add("hypothetical", child)
                    if child.dep_ == "mark" and _condition_mark(child, cues):
                        found.add("hypothetical", child)
                    if child.dep_ == "advmod" and lemma in cues["speculated"]["modifiers"]:
                        found.add("speculated", child)  # "Allegedly, X pleaded with him"
            if clause and verb is not None and not done and _be_to(tok):
                found.add("planned", tok.head, *(c for c in tok.children if c.dep_ == "aux"))  # "is to be sentenced in June", "talks were to continue Monday"
            if tok.i != head.i and not adjunct and not via_conj:
                lemma = tok.lemma_.lower()
                if (lemma in cues["negation"]["governors"] or _phrasal(tok) in cues["negation"]["governors"]) and not (
                        _phrasal(tok) in _EXCLUDE and any(c.dep_ == "neg" for c in tok.children)) and not (
                        prev is not None and prev.dep_ == "advcl" and _bare_infinitive(prev)):
                    # "ruled out talks" (but not "did not rule out talks": above; nor what a refusal is for: "refused
                    # food to protest their detention" protests)
                    found.add("negated", tok)
                if (lemma in ("have", "be") and prev is not None and prev.dep_ == "xcomp"
                        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in tok.children)):
                    found.add("negated", *(c for c in tok.children if c.lower_ == "yet"))  # "have yet to sign": not signed
                if lemma in _BARS and prev is not None and (prev.i == head.i and prev.dep_ in ("dobj", "nsubjpass") or prev.dep_ == "prep" and prev.lower_ == "from"):
                    found.add("negated", tok)  # "was barred from holding rallies", "banned the march": kept from happening
                if lemma in cues["speculated"]["governors"]:
                    if prev is not None and prev.dep_ == "dobj" and prev.lemma_.lower() in _CLAIM_NOUNS:
                        found.add("reported", tok)  # "claimed responsibility for the attacks": its doer tells them
                    elif lemma == "claim" and prev is not None and _own_deed_claimed(tok, prev):
                        found.add("reported", tok)  # "Azerbaijan claimed to have killed 2,300 soldiers": its doer tells it
                    elif prev is not None and prev.i == head.i and head.pos_ == "NOUN" and hit.type in _DIRECTIVE and prev.dep_ == "dobj":
                        pass  # "is considering Russia's request for access": the request was made; its answer is weighed
                    else:
                        found.add("speculated", tok)
                # "announced his resignation": an announced thing is done; a plan is announced in a clause ("announced it would leave").
                done_by_saying = cues["planned"]["object_done"]
                announced = (lemma in done_by_saying["governors"] and prev is not None and prev.dep_ == "dobj"
                             and prev.lemma_.lower() in done_by_saying["nouns"])
                departed = lemma == "set" and any(c.dep_ == "prt" for c in tok.children)  # "set off on a march": under way
                causal = lemma == "due" and tok.pos_ == "ADP"  # "killed due to aerial bombardment": a cause, not "due to visit"
                if lemma in _FORCE_VERBS:
                    forced = True
                elif lemma in cues["planned"]["governors"] and forced and lemma in _ATTEMPTS:
                    found.add("speculated", tok)  # an attempt to force it: it may not happen
                elif lemma in ("try", "attempt") and _attempt_made(tok):
                    pass  # "tried to block the police", "is attempting to mediate": the attempt is the act, and it happened
                elif (lemma in ("call", "phone", "telephone") and hit.type == "CONSULT" and prev is not None and prev.dep_ == "xcomp"
                      and tok.tag_ == "VBD" and any(c.dep_ == "dobj" for c in tok.children)):
                    pass  # "Tillerson called Lavrov to discuss Syria": the call is the talk, and it was made
                elif lemma in cues["planned"]["governors"] and not done and not announced and not departed and not causal:
                    found.add("planned", tok)
                    if lemma in cues["commitment"]["governors"]:
                        commitment = True
            if tok.dep_ in ("nsubj", "csubj"):
                # What a clause says about its subject ("the visit raised concerns") does not qualify the subject, but an
                # event that nothing marks as known, told of by what it could do, is one that may happen ("warned that
                # US air strikes could do serious harm", "an attack would be a disaster").
                if tok.i == head.i and head.pos_ == "NOUN" and not any(
                        c.dep_ in ("poss", "nummod") or c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                        for c in head.children) and any(
                        c.dep_ == "aux" and c.lower_ in _MAY_WOULD for c in head.head.children):
                    # "an attack would be a disaster", "air strikes could do serious harm": what would follow; "an agreement
                    # may finally end the expulsions": a possibility (as the gold reads "may")
                    modals = [c for c in head.head.children if c.dep_ == "aux" and c.lower_ in _MAY_WOULD]
                    found.add("speculated" if all(c.lower_ == "may" for c in modals) else "hypothetical", *modals)
                said_to_be = [c for c in head.head.children if c.dep_ == "attr" and c.lemma_.lower() in cues["speculated"]["governors"]]
                if tok.i == head.i and said_to_be:
                    found.add("speculated", *said_to_be)  # "a suspension of exports was a real possibility", "a strike remains a risk"
                break
            if tok.dep_ == "relcl" and tok.head.lemma_.lower() in cues["speculated"]["governors"] and not any(
                    c.tag_ in ("WDT", "WP", "WRB") or c.lower_ == "that" for c in tok.children if c.dep_ != "mark"):
                found.add("speculated", tok.head)  # "an allegation he assaulted her": the content of the allegation, no relative clause
            if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ == "mark" for c in tok.children):
                # "will write to the commissioner asking for ...": a participle with no conjunction of its own happens
                # with its clause, in its future.
                for a in tok.head.children:
                    if a.dep_ == "aux" and a.lemma_.lower() in cues["planned"]["modals"]:
                        found.add("planned", a)
            if clause and verb is not None and (case := _in_case(verb)):
                found.add("hypothetical", *case)  # "deployed to clear the road in case they tried to block it"
            if clause and verb is not None and (claim := _claimed(verb, cues)) is not None:
                found.add("speculated", claim)  # "stemmed from allegations Trump tried to pressure ...", however it is parsed
            if tok.dep_ in ("ccomp", "parataxis", "relcl", "advcl", "conj") or tok.head.i == tok.i:
                clause = False
            if tok.dep_ == "conj" and _shared_frame(tok):
                # "demanded that the US investigate and prosecute officials": a verb joined to an embedded one, with no
                # subject of its own, is governed by what governs that one (which is its sibling, not its governor).
                prev, tok, via_conj = tok, tok.head, True
                continue
            if tok.dep_ == "conj" and verb is not None and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
                # "If countries detect, test, trace and mobilize their people": a condition set on the first of joined
                # verbs that share its subject holds for them all
                first = tok
                while first.dep_ == "conj" and first.head.i != first.i:
                    first = first.head
                if marks := [m for m in first.children if m.dep_ == "mark" and _condition_mark(m, cues)]:
                    found.add("hypothetical", *marks)
            if tok.head.i == tok.i or tok.dep_ in ("relcl", "conj") or tok.dep_ == "advcl" and not _purpose(tok):
                break  # (but "promised to move quickly to prosecute them": a purpose shares the fate of what it is for)
            if tok.dep_ == "pobj" and (tok.head.lower_ in cues["adjunct_preps"]["preps"] or tok.head.lower_ in ("to", "for") and tok.head.head.lemma_.lower() in _ANSWERS):
                # "announced the change despite criticism", "decided to pull out as a response to the NATO air strikes":
                # a circumstance or a cause, which nothing above it plans or denies.
                adjunct, clause = True, False
            prev, tok, via_conj = tok, tok.head, False
        now = _reference_day(doc)
        if (self._own_date(head, date) or (done and date is not None and date.derived_from == "explicit") or (
                # "Two years ago, Buhari won the election, pledging to end ...": a past its clause dates is its past too
                done and date is not None and date.derived_from == "relative" and now and date.value
                and _historical(date.value, now, cues["historical"]["years_before"], date.precision))) and now and date.value:
            if _historical(date.value, now, cues["historical"]["years_before"], date.precision):
                found.add("historical", (date.start, date.end) if date.start is not None else None)
                found.discard("planned")
        elif not self._own_date(head, date) and now and (
                told := _line_year(doc.article.text, head.idx) or (_paragraph_date(doc, head.idx) if done else None)):
            # "In 2008 ... Refusing to give up power, Mugabe agreed to power-sharing": a past event the text does not
            # date itself happened when the paragraph's last date before it says; and "1934 - Hitler demands ...", a
            # line of a this-day-in-history list, happened in the year that labels it, whatever the tense.
            if _historical(told, now, cues["historical"]["years_before"]):
                found.add("historical")  # the date is in an earlier sentence or a label: no cue in this one
        # "during his time as vice president, Biden called for ...", "had previously been jailed": a past era the text
        # names (but what someone claims was done before stays a claim: "claimed Houthis have attacked journalists previously")
        if "historical" not in found and "speculated" not in found and (era := _past_era(head)) is not None:
            found.add("historical", era)
        performed = hit.type in _SPEECH_ACTS and (_speaker_is_actor(head, mentions, sent) and not _told_past(head) or _own_voice(head))
        reported = ((None if performed else speech_above) or _source_phrase(sent, cues, head)
                    or _said_to(head, cues) or (hit.type not in _SPEECH_ACTS and quotes.quotation_at(doc.article.text, head.idx)))
        if reported:
            # What a source says happened is reported; a speech act its own speaker performs is asserted
            # ("Lula said Brazil supports Korea" is Brazil's support, said).
            found.add("reported", reported)
        if hit.refusal:
            # "said they would not accept a cessation of hostilities": the refusal is made in the saying, not a
            # negated or planned acceptance
            found.discard("negated")
            found.discard("planned")
            if not any(t.lower_ in ("if", "unless") for t in sent):
                found.discard("hypothetical")
        for value in cues["precedence"]:
            if value in found:
                return value, commitment and value == "planned", found.span(value)
        return "asserted", False, None

    @staticmethod
    def _own_date(head, date) -> bool:
        """Whether the date came from an expression attached to the trigger (not merely in its sentence)."""
        if date is None or date.derived_from not in ("explicit", "relative") or date.start is None:
            return False
        scope = head.head if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubj", "nsubjpass") else head
        return any(t.idx <= date.start < t.idx + len(t) for t in scope.subtree)

    def _outer_factuality(self, hit: _Hit, sent) -> tuple[str, tuple[int, int] | None]:
        """The factuality of a stated commitment, with the words that report it (as _factuality's)."""
        said = _speech_above(hit.head, self.cues) or _source_phrase(sent, self.cues, hit.head)
        return ("reported", _Cues.offsets(said)) if said else ("asserted", None)


class _Cues(dict):
    """Factuality values found for a trigger, each with the words that first cued it (spaCy tokens or article offsets)."""

    def add(self, value: str, *cue) -> None:
        self.setdefault(value, cue)

    def discard(self, value: str) -> None:
        self.pop(value, None)

    def span(self, value: str) -> tuple[int, int] | None:
        """Article offsets from the first to the last word that cued `value`."""
        found = [o for c in self.get(value, ()) if (o := self.offsets(c))]
        return (min(s for s, _ in found), max(e for _, e in found)) if found else None

    @staticmethod
    def offsets(cue) -> tuple[int, int] | None:
        """A cue's article offsets: a token's, offsets as given; None for anything else (a helper answering True)."""
        if isinstance(cue, tuple):
            return cue
        return (cue.idx, cue.idx + len(cue)) if hasattr(cue, "idx") else None


# Subjects that say no one did it.
_NO_ONE = {"none", "nobody", "neither", "no-one"}

# Verbs that exclude what they govern: negated, they leave it possible.
_EXCLUDE = {"rule out", "exclude"}


def _phrasal(verb) -> str:
    """A verb's lemma with its particle ("ruled out": "rule out")."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _reference_day(doc: Document) -> str | None:
    """The day an article is read from when weighing how long ago an event was: its publication date, else (a text
    with none) the latest day or month it dates anything by itself outside a sentence about the future, which it
    cannot have been written before: "In August 2003, clerics called for a boycott" is history in a text that
    reports a finding of February 15, 2006."""
    if doc.article.published.value:
        return doc.article.published.value
    cached = doc.spacy.user_data.get("dateline_reference_day", "")
    if cached != "":
        return cached
    days = []
    for t in doc.timexes:
        if t.type != "DATE" or t.anchor is not None or not _DAY_OR_MONTH.fullmatch(t.value):
            continue
        span = doc.spacy.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and not any(w.lower_ in _AHEAD_WORDS for w in span.sent):
            days.append(t.value)
    doc.spacy.user_data["dateline_reference_day"] = found = max(days) if days else None
    return found


_DAY_OR_MONTH = re.compile(r"\d{4}-\d{2}(-\d{2})?")
# Words of a sentence about what lies ahead, whose dates an undated text may have been written before.
_AHEAD_WORDS = {"will", "shall", "'ll", "scheduled", "expected", "planned", "next", "upcoming", "expire", "expires"}


def _historical(value: str, published: str, years: float, precision: str = "year") -> bool:
    """Whether an event date is background: a year or more before publication, or a whole earlier year ("last
    year", "in 2018" in an article of May 2019), which the text gives as no recent news's date. A season, quarter or
    half is written as its year too ("last fall" in June 1999 is "1998"), but it is no whole year: its time counts."""
    if precision == "year" and re.fullmatch(r"\d{4}", value) and published[:4].isdigit() and int(value) < int(published[:4]):
        return True
    return _years_before(value, published) >= years


def _years_before(value: str, published: str) -> float:
    """How many years an event date lies before the publication date, from the middle of the stretch the date
    names: "on Monday" (30 December) in an article of 1 January is days before, not a year; "in 2019" is half a
    year before 1 January 2020 and a year and a half before 1 December 2020."""
    def middle(iso: str) -> _dt.date | None:
        parts = iso.split("-")
        try:
            year = int(parts[0])
            month = int(parts[1]) if len(parts) > 1 else 7
            day = int(parts[2][:2]) if len(parts) > 2 else (15 if len(parts) > 1 else 1)
            return _dt.date(year, month, day)
        except (ValueError, IndexError):
            return None
    then, now = middle(value), middle(published)
    if then is None or now is None:
        return 0.0
    return (now - then).days / 365


# Parse helpers ---------------------------------------------------------------------------------

_YEAR_LABEL = re.compile(r"[ \t]*(\d{4})[ \t]*[-–—:][ \t]")


def _line_year(text: str, start: int) -> str | None:
    """The year labelling the line an offset is on, as in a this-day-in-history list ("1934 - Adolf Hitler ...")."""
    m = _YEAR_LABEL.match(text, text.rfind("\n", 0, start) + 1)
    return m.group(1) if m and m.end() <= start else None


# A word before a date that makes it the start or the end of a stretch of time, not when something happened.
_SPAN_START = re.compile(r"\b(?:since|until|till)\s+$", re.I)


def _paragraph_date(doc: Document, start: int) -> str | None:
    """The value of the last date expression before `start` in its sentence or the one before it, within its
    paragraph (a text date: YYYY, YYYY-MM, YYYY-MM-DD). Further back the story has often moved on: "In 1990,
    Milken pled guilty ... The charges included ... Trump granted Milken a pardon" is this year's pardon."""
    text = doc.article.text
    opening = own = text.rfind("\n\n", 0, start) + 1
    if doc.spacy is not None:
        starts = doc.spacy.user_data.get("dateline_sentence_starts")
        if starts is None:
            starts = doc.spacy.user_data["dateline_sentence_starts"] = [s.start_char for s in doc.spacy.sents]
        here = bisect.bisect_right(starts, start)
        if here >= 2:
            opening = max(opening, starts[here - 2])
        own = starts[here - 1] if here else 0
    values = [t.value for t in doc.timexes if t.type == "DATE" and opening <= t.start < start and t.value[:4].isdigit()
              and not _SPAN_START.search(text, max(0, t.start - 12), t.start)  # ("amendments issued since 1995": a stretch)
              and not (doc.spacy is not None and t.start < own and _told_aside(doc.spacy, t.start))]
    return values[-1] if values else None


def _told_aside(sdoc, start: int) -> bool:
    """Whether a date of the sentence before dates something told aside from its main clause: what a report says
    ("the reports indicated Trump paid $750 in taxes in 2016") or what a relative clause adds ("senior citizens, who
    voted heavily for Trump in 2016"). The story's own time has not gone back there."""
    tok = _token_at(sdoc, start)
    for _ in range(12):
        if tok is None or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("relcl", "ccomp", "acl"):
            return True
        tok = tok.head
    return False


def _narrative_date(date: EventDate | None, doc: Document, sent) -> EventDate | None:
    """A past event its sentence does not date happened when the story last said, in the sentence before it in its
    paragraph ("In March 2019 the court heard the case. The judge rejected the appeal.": 2019-03), as annotators
    date it; the date stays open when that sentence gives none or gives one after the publication."""
    if date is None or date.derived_from != "before-publication" or date.timex is not None:
        return date
    told = _paragraph_date(doc, sent.start_char)
    if not told or (date.latest and told > date.latest):
        return date
    value, precision = iso_date(told)
    return EventDate(value=value, precision=precision, derived_from="context", timex=told)


# Nouns naming a stretch of someone's life or office ("his time as vice president", "her tenure as governor").
_ERA_NOUNS = {"time", "tenure", "stint", "days", "term", "presidency", "premiership", "chairmanship", "reign", "rule", "youth",
              "childhood", "era", "administration", "government", "regime"}
# What makes a person's past self: "when he was eight", "when I was a student", "when she was growing up".
_LIFE_STAGES = {"child", "boy", "girl", "teenager", "student", "youngster", "kid", "young", "younger", "teen"}


# Adverbs that put a past act before the story's time ("once" the adverb, not the conjunction).
_EARLIER_WORDS = {"previously", "formerly", "once", "before"}


def _earlier_years(noun) -> bool:
    """Whether a noun names years gone by: "previous years", "earlier years", "the past two decades" (not "recent years",
    nor "the past two years", which reach into the news)."""
    lemma, before = noun.lemma_.lower(), {c.lower_ for c in noun.children if c.dep_ == "amod"}
    if noun.tag_ != "NNS":
        return False
    if lemma in ("decade", "century"):
        return bool(before & {"past", "previous", "earlier", "prior", "last"})
    return lemma == "year" and bool(before & {"previous", "earlier", "prior"})


def _past_era(head):
    """The word naming a past era that a past-tense event happened in, or None: a "during"/"under" phrase with a former
    or late office-holder ("during the martial law imposed by former President Marcos"), someone's time "as" an office
    ("during his time as Obama's vice president"), or a "when" clause of age or youth ("when I was eight", "when I was
    growing up"). "During his time in office, he has ..." is the present era and stays as it is. An event whose
    anniversary is marked ("on the 70th anniversary of Soviet invasions") and one done "in the past" are past too."""
    if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() == "anniversary":
        return head.head.head
    verb = head
    while verb.dep_ in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "acl", "relcl", "advcl") and verb.head.i != verb.i and verb.pos_ != "VERB":
        verb = verb.head
    perfect = verb.pos_ == "VERB" and verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    if verb.pos_ != "VERB" or verb.tag_ != "VBD" and not perfect and not any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children):
        return None  # only what the text tells as past
    clauses = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX") else [])
    for clause in clauses:
        for c in clause.children:
            if c.dep_ == "advmod" and c.tag_ == "RB" and c.lower_ in _EARLIER_WORDS:
                return c  # "threatened the network's franchise renewal before", "had previously been jailed"
            for p in [c] + ([d for d in c.children if d.dep_ == "prep"] if c.dep_ == "dobj" else []):
                if p.dep_ == "prep" and p.lower_ == "in" and any(g.dep_ == "pobj" and g.lemma_.lower() == "history" for g in p.children):
                    return p  # "has only impeached two Presidents in the history of the United States": a tally of the past
                if p.dep_ == "prep" and p.lower_ == "in" and any(g.dep_ == "pobj" and g.lower_ == "past" and not any(
                        d.dep_ in ("amod", "nummod", "compound", "npadvmod") for d in g.children) for g in p.children):
                    return p  # "which has been seized by the government in the past" (but "in the past week" is news)
                if p.dep_ == "prep" and p.lower_ in ("in", "over", "during") and any(g.dep_ == "pobj" and _earlier_years(g) for g in p.children):
                    return p  # "carried out exercises in previous years", "deported a thousand in the past two decades"
            if c.dep_ == "prep" and c.lower_ in ("during", "under"):
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    if any(t.dep_ == "amod" and t.lower_ in ("former", "late", "ex") for t in g.subtree):
                        return c  # (but not "an interview on The Late Show")
                    if g.lemma_.lower() in _ERA_NOUNS and any(p.dep_ == "prep" and p.lower_ == "as" for p in g.children):
                        return c
            if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "while") for m in c.children):
                if c.lemma_.lower() == "grow" and any(p.dep_ == "prt" and p.lower_ == "up" for p in c.children):
                    return c
                if c.lemma_.lower() == "be" and c.tag_ == "VBD" and any(
                        a.dep_ in ("attr", "acomp") and (a.like_num or a.lemma_.lower() in _LIFE_STAGES) for a in c.children):
                    return c
    return None


def _when(prep) -> bool:
    """Whether a preposition only tells a time ("on Tuesday", "in March")."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


def _in_name(tok) -> bool:
    """Whether a capitalised word is part of a proper name the tagger left unlabelled ("Florida Highway Patrol",
    "Counter-Strike: Global Offensive"): a title-case word, not the sentence's first, joined to another proper noun."""
    if not tok.is_title or tok.i == tok.sent.start or tok.pos_ not in ("PROPN", "NOUN"):
        return False
    neighbours = [c for c in tok.children if c.dep_ in ("compound", "flat")] + ([tok.head] if tok.dep_ in ("compound", "flat") else [])
    near = [tok.doc[i] for i in (tok.i - 1, tok.i + 1) if tok.sent.start <= i < tok.sent.end]
    return any(n.pos_ == "PROPN" and n.is_title for n in neighbours) or any(n.text == "-" for n in near[:1])


def _depth(tok, most: int = 60) -> int:
    """How deep the token hangs in the parse, counted up to `most` (a chain of conjuncts can be as deep as the sentence is long)."""
    depth = 0
    while tok.head.i != tok.i and depth < most:
        tok = tok.head
        depth += 1
    return depth


def _pos_ok(tok, pos: str) -> bool:
    if pos == "V":
        return tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT")
    if pos == "N":
        return tok.pos_ in ("NOUN", "PROPN")
    return True


def _instrument(head, table: dict[str, str]) -> str | None:
    """The mode of the instrument word nearest the trigger within its clause (a noun trigger's clause is its verb's)."""
    scope = head.head if head.pos_ in ("NOUN", "PROPN") and head.head.pos_ in ("VERB", "AUX") else head
    skip = {t.i for c in scope.children if c.dep_ in ("conj", "ccomp", "parataxis", "advcl", "relcl") for t in c.subtree}
    found = [(abs(t.i - head.i), table[t.lemma_.lower()]) for t in scope.subtree if t.i not in skip and t.lemma_.lower() in table]
    return min(found)[1] if found else None


def _condition_mark(mark, cues) -> bool:
    """Whether a subordinating word sets a condition: "if", "unless" ...; but "thousands if not tens of thousands"
    is a guess at a number, no condition."""
    if mark.lemma_.lower() not in cues["hypothetical"]["markers"]:
        return False
    doc = mark.doc
    return not (mark.i + 2 < len(doc) and doc[mark.i + 1].lower_ in ("not", "n't") and doc[mark.i + 2].pos_ not in ("VERB", "AUX", "PRON", "ADP"))


def _main_clause(head) -> bool:
    """Whether a trigger is what its sentence asserts: the main verb, or a noun argument of it ("launched an attack")."""
    return head.dep_ == "ROOT" or (head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
                                   and head.head.dep_ == "ROOT")


def _clause(tok):
    """The head of the clause a trigger stands in (coordinated, adverbial and reported clauses are their own; a relative clause restates its noun)."""
    while tok.head.i != tok.i and tok.dep_ not in _CLAUSE_EDGES:
        tok = tok.head
    return tok


# Bodies an "it" reported by their own subject stands for ("The Bush administration said it rejects ...").
_INSTITUTIONS = {"administration", "government", "ministry", "department", "council", "committee", "commission", "court",
                 "parliament", "army", "military", "agency", "cabinet", "regime", "junta", "legislature", "senate", "alliance"}


def _helped(head) -> list:
    """The objects of a purpose clause of helping on an act of giving ("sent food to help North Korea"), whether the
    parser hangs it on the verb or on what is given ("funds to assist Zimbabwe")."""
    hosts = [head] + [c for c in head.children if c.dep_ in ("dobj", "prep")] + [g for c in head.children if c.dep_ == "prep" for g in c.children]
    return [o for h in hosts for v in h.children if v.dep_ in ("advcl", "xcomp", "acl", "relcl") and v.pos_ == "VERB"
            and v.lemma_.lower() in _HELP_VERBS and any(a.lower_ == "to" for a in v.children if a.dep_ == "aux")
            for o in v.children if o.dep_ == "dobj"]


def _insisted_fact(head) -> bool:
    """Whether "insist" holds to a fact ("insists it is enforcing the sanctions", "insisted he had done nothing wrong")
    rather than demands a deed ("insisted that Israel withdraw", "insists the talks must resume", "insisted on talks")."""
    if head.lemma_.lower() != "insist" or any(c.dep_ == "prep" and c.lower_ == "on" for c in head.children):
        return False
    said = [c for c in head.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    return bool(said) and all(v.tag_ != "VB" and not any(a.dep_ == "aux" and a.lower_ in _DEMAND_MODALS for a in v.children) for v in said)


_DEMAND_MODALS = {"should", "must", "would", "will", "shall", "to", "need"}


def _giving_purpose(head) -> bool:
    """Whether a verb of helping is what a gift is for ("provided 6.3 million euros to support projects", "donated
    ventilators to help Ethiopia"): the gift is the event, its purpose no support of its own."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in _HELP_VERBS or not any(a.dep_ == "aux" and a.lower_ == "to" for a in head.children):
        return False
    host = head
    for _ in range(3):
        if host.head.i == host.i:
            return False
        host = host.head
        if host.pos_ == "VERB":
            return host.lemma_.lower() in _GIVING
    return False


_COURT_WORDS = {"court", "tribunal", "judge", "magistrate", "justice"}
_HELP_VERBS = {"help", "assist", "aid", "support", "relieve", "feed"}
_GIVING = {"provide", "give", "donate", "grant", "allocate", "send", "contribute", "deliver", "disburse", "earmark"}


def _earlier_undergoers(tok):
    """For "them" as an object, the people an act before it was done to, when the sentence before it or its own
    clauses name a plural of people as an object ("Police detained three journalists. A court later released them",
    "arrested 12 activists and later freed them"): objects carry on as objects, not the subject who acted on them."""
    if tok.lower_ != "them" or tok.dep_ not in ("dobj", "dative"):
        return None
    found = None
    for t in eventgate.within_reach(tok):
        if (t.tag_ == "NNS" and t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ == "VERB"
                and eventgate.names_someone(t) and not t.ent_type_):
            found = t
    return found


def _antecedent(tok):
    """For a personal pronoun subject ("Hungary said it will ..."), the subject of the verb that reports it; for the
    object of a participle after a verb's own object ("condemned the attacks, calling them ..."), that object."""
    if tok.pos_ == "PRON" and tok.dep_ == "dobj" and tok.head.dep_ == "advcl" and tok.head.tag_ == "VBG":
        # "condemned the attacks, calling them an atrocious crime": them is what the main verb acted on.
        acted_on = next((c for c in tok.head.head.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
        if acted_on is not None:
            return acted_on
    if tok.pos_ != "PRON" or tok.lower_ not in _PRONOUNS:
        return tok
    verb = tok.head
    for _ in range(4):
        if verb.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or verb.head.i == verb.i:
            break
        verb = verb.head
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
        if subj:
            return subj[0]
    return tok


_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_TITLES = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "sir": "m", "lady": "f", "madam": "f"}


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given names borne almost only by one gender (data/people-genders.tsv), lower-case and unaccented."""
    return {name: gender for name, gender in (line.split("\t") for line in ontology._read("people-genders.tsv").splitlines()
                                             if line and not line.startswith("#") and line != "name\tgender")}


def name_gender(name: str) -> str | None:
    """'m' or 'f' when a person's given name is borne almost only by one gender ("Saad Hariri": 'm'), else None.
    Only the first word counts, and only when a second follows: a lone word may be a surname ("Kim said")."""
    words = [w for w in re.split(r"[\s.]+", name) if w]
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    first = unicodedata.normalize("NFKD", words[0]).encode("ascii", "ignore").decode().lower()
    return _given_names().get(first)


def _genders(doc: Document) -> dict[str, str]:
    """The gender of each person the article names, 'm' or 'f', where it is plain: a title before a mention
    ("Mrs. May"), or the first he/she-pronoun after a mention that is its clause's subject, with no other person
    named in between ("Tsikhanouskaya spoke about her husband"); failing those, a given name borne almost only by
    one gender ("Saad Hariri"). The knowledge base holds no gender; without one, he/she may stand for any person."""
    sdoc, votes = doc.spacy, {}
    people = sorted(((m.start, m.end, a) for a in doc.actors if a.kind == "person" for m in a.mentions), key=lambda p: p[0])
    starts = [s for s, _, _ in people]
    for start, end, actor in people:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tally = votes.setdefault(actor.id, Counter())
        if span.start > 0 and sdoc[span.start - 1].lower_ in _TITLES:
            tally[_TITLES[sdoc[span.start - 1].lower_]] += 2
        if span.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        # The rest of its sentence, then the first word of the next one ("Tsikhanouskaya arrived. She spoke") when
        # no other person was named since the sentence before (else "Putin greeted them. She urged" may be hers).
        after = list(sdoc[span.end:span.sent.end])
        before = sdoc[span.sent.start - 1].sent.start_char if span.sent.start > 0 else span.sent.start_char
        since = people[bisect.bisect_left(starts, before):bisect.bisect_left(starts, start)]
        if span.sent.end < len(sdoc) and not any(other.id != actor.id for _, _, other in since):
            after.append(sdoc[span.sent.end])
        for tok in after:
            k = bisect.bisect_left(starts, tok.idx)
            if tok.ent_type_ == "PERSON" or (k < len(starts) and starts[k] < tok.idx + len(tok)):
                break  # another person named first: the pronoun may be theirs
            word = tok.lower_
            if tok.head.i == span.root.head.i and tok.dep_ in ("dobj", "dative"):
                continue  # "Macron greeted her": an object of the subject's own verb is someone else
            if word in _MALE or word in _FEMALE:
                tally["m" if word in _MALE else "f"] += 1
                break
    for actor in doc.actors:
        # A given name of one gender counts as much as a title.
        guess = name_gender(actor.name) or next((g for m in actor.mentions for g in [name_gender(m.text)] if g), None) \
            if actor.kind == "person" else None
        if guess:
            votes.setdefault(actor.id, Counter())[guess] += 2
    return {k: ("m" if c["m"] > c["f"] else "f") for k, c in votes.items() if c["m"] != c["f"]}


def _compatible(pronoun: str, actor, text: str, genders: dict | None = None) -> bool:
    """Whether a pronoun can stand for an actor: he/she for people (of that gender, where the article tells it),
    it for states and organisations, they for groups."""
    if pronoun in _PERSONAL:
        known = (genders or {}).get(actor.id)
        return actor.kind == "person" and not (known == "f" and pronoun in _MALE or known == "m" and pronoun in _FEMALE)
    if pronoun in _NEUTER:
        # "it" is not "the Cuban people", "the workers", "the police" (plural groups); a state or an organisation is
        # "it" whatever its name ends in ("the United States said it", "Cyprus said it", "the United Nations said it").
        if actor.kind in ("country", "organization"):
            return True
        return actor.kind in ("group", "other") and not text.lower().endswith("s") and not (
            actor.kind == "group" and text.lower().split()[-1:] in (["people"], ["police"], ["staff"]))
    if pronoun in _PLURAL:
        return actor.kind != "person" or text.lower().endswith("s")
    return False


def _refer(tok, mentions, prefer=None):
    """The doc.actors mention a third-person pronoun stands for: the reporting subject if compatible, else the nearest one before it."""
    word = tok.lower_
    if word not in _PERSONAL | _NEUTER | _PLURAL | _FIRST | _SELF:
        return None
    text = _doc_text(tok.doc)
    genders = tok.doc.user_data.get("dateline_genders")
    # "'He called on the faithful to pray,' said Dunne, a spokesman": inside a quotation, "he" is never its speaker.
    speaker = None if word in _FIRST | _SELF else next(
        (who[2].id for start, end, who in tok.doc.user_data.get("dateline_speakers", ()) if start <= tok.idx < end), None)
    if speaker is not None:
        mentions = [m for m in mentions if m[2].id != speaker]
    if prefer is not None and prefer.i != tok.i:
        # "The government of Japan said it ...": Japan; "Ramirez, under pressure from Castro, said he ...": not Castro.
        aside = {t.idx for c in prefer.children if c.dep_ == "prep" and c.lower_ != "of" for t in c.subtree}
        ranges = [(s, e) for s, e in _extent(prefer) if s not in aside]
        for start, end, actor in mentions:
            if any(s < end and start < e for s, e in ranges) and (
                    (word in _SELF) == (actor.kind == "person") if word in _FIRST | _SELF else _compatible(word, actor, text[start:end], genders)):
                return start, end, actor
    if word in _FIRST | _SELF:
        # "I" is whoever speaks, "we" the speaker's side when that is an organisation or a state ("we will not be
        # deterred," read the coalition's statement); a person's "we" may be anyone with them.
        spoken = next((who for start, end, who in tok.doc.user_data.get("dateline_speakers", ()) if start <= tok.idx < end), None)
        if spoken is not None and (word in _SELF) == (spoken[2].kind == "person"):
            return spoken
        return None
    # Within the sentence and the two before it (a pronoun rarely reaches further in news prose).
    sent = tok.sent
    floor = sent.start_char
    for _ in range(2):
        k = sent.start - 1
        if k < 0:
            break
        sent = tok.doc[k].sent
        floor = sent.start_char
    best = None
    here = tok.sent.start_char
    starts = [t.idx for t in tok.doc[sent.start:tok.sent.end] if t.is_sent_start]
    # "Japan attacked them": an object pronoun never stands for its own clause's subject (that would be "themselves").
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    bound = [(t.idx, t.idx + len(t)) for c in verb.children if c.dep_ == "nsubj" for t in [c, *(g for g in c.children if g.dep_ in ("compound", "flat"))]
             ] if tok.dep_ in ("dobj", "dative", "pobj") else []  # "Thomas' sister pleaded with him": him may be Thomas
    for start, end, actor in mentions:
        if any(s < end and start < e for s, e in bound):
            continue
        if word in _PLURAL and (_locative(tok.doc, start) or _area_of(_token_at(tok.doc, start))):
            continue  # "On the outskirts of Jerusalem, they rallied", "in Kabul": a town named as where is not who
        if floor <= start and end <= tok.idx and _compatible(word, actor, text[start:end], genders) and (
                start >= here or word in _PERSONAL or _subject_at(tok.doc, start, end)):
            # The nearest sentence first (a pronoun mostly carries on from the one before), and in it, for a subject
            # pronoun, a clause's subject before what it acts on ("Mitsotakis met Trump, where he denounced ..."),
            # then the nearest. Only "she" looks past that for a woman the article names: a person of unknown gender
            # in the news is far more often a man ("Tsikhanouskaya ... the president, Lukashenko. She asked").
            told = word in _PERSONAL and actor.id in (genders or {})
            rank = (told and word in _FEMALE, bisect.bisect_right(starts, start),
                    word in _PERSONAL and tok.dep_ in ("nsubj", "nsubjpass") and _subject_at(tok.doc, start, end), told, end, -start)
            if best is None or rank > best_rank:
                best, best_rank = (start, end, actor), rank
    if best is not None and word in _PERSONAL:
        for ent in tok.doc.ents:
            if (ent.label_ == "PERSON" and floor <= ent.start_char and ent.end_char <= tok.idx
                    and not any(s < ent.end_char and ent.start_char < e and a.kind == "person" for s, e, a in mentions)
                    and name_gender(ent.text) != ("f" if word in _MALE else "m")):
                rank = (False, bisect.bisect_right(starts, ent.start_char),
                        tok.dep_ in ("nsubj", "nsubjpass") and _subject_at(tok.doc, ent.start_char, ent.end_char), False)
                if rank[:3] > best_rank[:3]:
                    # "Gonzalez, under duress from the Castro regime, has indicated he ...": a person the knowledge
                    # base does not hold is the likelier one meant; who that is, the events stage cannot say.
                    return None
    if best is not None:
        span = tok.doc.char_span(best[0], best[1], alignment_mode="expand")
        if span is not None and len(span) and eventgate.is_source(span.root):
            # "According to Al-Ahram, they called for ...": the outlet cited is not whom the pronoun means.
            return None
        if word in _PERSONAL and any(best[1] <= e.start_char and e.end_char <= tok.idx and e.label_ == "PERSON"
                                     and not any(s < e.end_char and e.start_char < t for s, t, _ in mentions)
                                     and name_gender(e.text) != ("f" if word in _MALE else "m") for e in tok.doc.ents):
            # "Lukashenko ... Tsikhanouskaya spoke. She asked for support": a person named after the known one, whom
            # the knowledge base does not hold, may be the one meant, unless the name is of the other gender.
            return None
        after = span.end if span is not None and len(span) else tok.i
        if word in _PERSONAL and tok.dep_ in ("nsubj", "nsubjpass") and any(
                t.tag_ == "NN" and t.lemma_.lower() in _PERSON_NOUNS and t.dep_ != "compound"
                and t.lemma_.lower() not in (_MALE_NOUNS if word in _FEMALE else _FEMALE_NOUNS if word in _MALE else ())
                and not any(s <= t.idx < e and a.kind == "person" for s, e, a in mentions) for t in tok.doc[after:tok.i]):
            # "Francis will welcome eight adults, including a Nigerian migrant hailed as a hero. In preparing for his
            # baptism, he asked ...": a person described after the known one may be the one meant.
            return None
        if word in _PLURAL and any(t.tag_ in ("NNS", "NNPS") and t.dep_ != "compound" and eventgate.names_someone(t)
                                   and not any(s <= t.idx < e for s, e, _ in mentions) for t in tok.doc[after:tok.i]):
            # "Police found twelve people ... The department arrested them": a plural group named after the known
            # one, whom the knowledge base does not hold, may be the one meant.
            return None
    return best


def _be_to(tok) -> bool:
    """Whether a token is the to-infinitive that 'be' takes to tell what is arranged ("is to visit", "were to continue")."""
    return (tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and tok.lemma_.lower() != "blame")  # ("were to blame": were responsible, nothing arranged)


def _subject_at(sdoc, start: int, end: int) -> bool:
    """Whether the mention at these offsets is (in) the subject of its clause: "it" or "they" reaching back past its
    own sentence stands for an earlier subject ("Russia denied it. It said ..."), not for what an earlier sentence
    acted on ("The cyclone hit Bangladesh. Officials said it killed nine": "it" is the cyclone, no actor)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    while tok.dep_ in ("compound", "poss", "amod", "appos", "conj", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass", "csubj")


def _condition_subjects(head) -> list:
    """Subjects of the if/unless clauses under a threat or of what it threatens."""
    verbs = [head] + [c for c in head.children if c.dep_ in ("xcomp", "ccomp")]
    return [g for v in verbs for c in v.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
            for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]


def _content_subjects(head) -> list:
    """Subjects of the clauses a trigger reports or asks for ("demanded that the US cancel ...")."""
    # "demanded that the boy be returned to him": the boy undergoes what is asked, he is not the one asked.
    # (but "demanded the withdrawal of Serb forces, diplomats said": the source's clause, which the parser may hang below)
    return [g for c in head.children if c.dep_ == "ccomp" and c.lemma_.lower() not in eventgate._SAYING | {"report", "quote"} for g in c.children if g.dep_ == "nsubj"]


# Verbs of alleging, whose clause names the deed and its doer.
_ALLEGE_VERBS = {"allege", "claim", "charge", "contend", "assert"}


def _alleged_doers(head) -> list:
    """Who a clause of alleging says did it: its subject, or the agent of a passive ("the attacks were plotted by X")."""
    out = []
    if head.dep_ == "amod" and any(c.dep_ == "nsubj" for c in head.children) and eventgate.names_someone(head.head) and head.head.pos_ != "PRON":
        # "Iraq alleged Ritter was a spy", parsed as if "alleged" qualified Ritter: the noun it hangs on is the clause's subject.
        out.append(head.head)
    for c in head.children:
        if c.dep_ != "ccomp" or c.i < head.i:
            continue  # (a clause before the verb is what someone else said or did: "after X questioned whether ..., Y alleged")
        if any(g.dep_ == "nsubjpass" for g in c.children):
            out += [g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        else:
            out += [g for g in c.children if g.dep_ == "nsubj" and eventgate.names_someone(g) and g.pos_ != "PRON"]
    return out


_OWN_WORDS = {"its", "their", "his", "her", "our", "my", "own"}


def _others_accused(head) -> bool:
    """Whether a clause of claiming names as the doer of what it tells someone other than the claimant: not a
    pronoun ("claim they were retaliating") nor the claimant's own ("claimed its forces had killed fifty")."""
    own = {t.lemma_.lower() for s in _subjects(head) for t in s.subtree}
    return any(d.pos_ != "PRON" and d.lemma_.lower() not in own and not any(t.lower_ in _OWN_WORDS for t in d.subtree)
               and d.head.lemma_.lower() not in _TELLING for d in _alleged_doers(head))


# What a source tells is no deed of its own: "claims FSB sources have ascribed the explosion to terrorists", "claiming an
# anonymous source described an apartment used as a depot".
_TELLING = {"say", "tell", "describe", "ascribe", "attribute", "report", "confirm", "state", "announce", "claim", "reveal",
            "write", "add", "believe", "think", "suggest", "indicate", "show", "explain"}


def _trade_partners(tok) -> list:
    """Who an embargo or a ban on trade aims at is the trade's other side: "an embargo on trade with Iraq", "banned
    flights to Qatar" (a country or someone the words name, not the goods)."""
    return eventgate.trade_partners(tok) if tok.lemma_.lower() in _TRADED else []


def _place_args(head) -> list:
    """Objects of the locative prepositions of a trigger's phrase (a noun trigger's verb included)."""
    scopes = [head]
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass", "attr", "compound"):
        scopes.append(head.head)
    out = []
    for scope in scopes:
        for c in scope.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                out.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ in ("dobj", "nsubjpass") and scope.i != head.i:
                continue
            elif c.dep_ in ("dobj",):
                # "fired shells at targets in Jericho": the place of the object.
                out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS for g in p.children if g.dep_ == "pobj")
    return out


def _requested_doers(head) -> list:
    """The actor words modifying the act a request asks for, its object or for-object ("called for G7 action",
    "demanded Chinese cooperation", "urged Israel's withdrawal"): who is asked to do it."""
    if head.pos_ != "VERB":
        return []
    acts = [c for c in head.children if c.dep_ == "dobj"] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    # But "demanded Lopez's return", "asked for the boy's release": whom the thing is done to is not the one asked.
    return [m for a in acts if a.pos_ == "NOUN" and a.lemma_.lower() not in _UNDERGONE for m in a.children
            if m.dep_ in ("compound", "amod", "poss") and m.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") and m.i < a.i]


_PERMIT_VERBS = {"allow", "let", "permit", "enable", "authorize", "authorise"}


# Nouns for what is known or said about something, whose on/about-phrase names their topic, not a target.
_KNOWLEDGE = {"information", "intelligence", "data", "evidence", "detail", "view", "idea", "opinion", "knowledge", "finding",
              "experience", "expertise", "insight", "assessment", "analysis", "update", "briefing", "note"}


def _content_targets(head, etype: str = "") -> list:
    """Objects (the indirect one alone when there is one) and to/for/with-objects of the clauses a trigger governs
    (its content), two levels deep."""
    # ("threatened on Sunday to kill X": an infinitive the parser hangs as an adverbial clause is the content too)
    out, frontier = [], [c for c in head.children if c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and head.pos_ == "VERB" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and not any(a.dep_ in ("mark", "nsubj") for a in c.children)]
    if head.pos_ == "NOUN" and etype not in _DIRECTIVE:
        # "the Republicans' refusal to consider Obama's nomination", "a pledge to give Ukraine tanks": a noun's
        # infinitive is its content as a verb's is (but "an appeal for $42 million to assist victims" asks donors,
        # not the victims the money is for).
        frontier += [c for c in head.children if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX")
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    for _ in range(2):
        nxt = []
        for verb in frontier:
            if any(c.dep_ == "auxpass" for c in verb.children):
                continue  # "insisting the boy be turned over to his father": whom it would be done for is not the one asked
            # "agreed to give inspectors access to the palaces": the one given to is the target, not what is given.
            given = "dative" if any(c.dep_ == "dative" for c in verb.children) else "dobj"
            allowed = [g for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
            if verb.lemma_.lower() in _PERMIT_VERBS | {"help", "assist", "enable"} and allowed:
                # "refusing to allow the patients to leave for hospitals in Egypt": the one (not) let do it, not where to;
                # "promised to help the Czech Republic build a pipeline": the one helped.
                out.extend(allowed)
                continue
            for c in verb.children:
                if c.dep_ == given and (verb.lemma_.lower() in _CREATE_VERBS or verb.lemma_.lower() == "join" and c.lemma_.lower() == "force"):
                    continue  # "agreed to form a Joint Economic Commission": what is set up is made, not acted on ("join forces": together)
                if c.dep_ == given and verb.lemma_.lower() in _MOVING_VERBS and eventgate._counted(c).lemma_.lower() in _MOVED_FORCES:
                    continue  # "pledged to deploy more police", "agreed to withdraw troops": the forces moved are one's own, no one acted on
                if c.dep_ == given and c.lemma_.lower() in _KNOWLEDGE:
                    # "agreed to share information on North Korea": what is shared, and what it is about, are no one (but
                    # "intelligence with Syria" goes to Syria)
                    out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in _TARGET_PREPS - {"on"} for g in p.children if g.dep_ == "pobj")
                    continue
                if c.dep_ == given:
                    out.append(c)
                    out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in _TARGET_PREPS for g in p.children if g.dep_ == "pobj")
                elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                    out.extend(g for g in c.children if g.dep_ == "pobj")
                elif c.dep_ in ("xcomp", "ccomp", "conj"):
                    nxt.append(c)
        frontier = nxt
    return out


# Nouns for the forces that a word before an act of force names as its doer ("the police shooting", "an army raid").
_FORCES = {"police", "army", "military", "rebel", "militant", "insurgent", "troop", "soldier", "militia", "guerrilla", "government",
           "security", "regime", "coalition", "navy"}

# Nouns for strife in a place, which belongs to no side ("Syria's conflict", "the country's unrest").
_STRIFE = {"conflict", "war", "unrest", "violence", "insurgency", "turmoil", "crisis", "fighting", "bloodshed", "chaos", "instability"}

# Agreements between states one may withdraw from.
_ACCORDS = {"treaty", "agreement", "deal", "accord", "pact", "convention", "protocol", "accords"}
# Truces, which are made with the other side.
_TRUCES = {"ceasefire", "cease-fire", "truce", "armistice"}


def _truce_parties(noun) -> list:
    """The other side of a truce or accord one agrees to, asks for or breaks: its with-object, or the sides a
    between-phrase names ("agreed to a ceasefire with the Ansar Allah group", "pushing for a ceasefire between the
    Afghan government and the Taliban")."""
    if noun.lemma_.lower() not in _ACCORDS | _TRUCES and noun.lower_ not in _TRUCES:
        return []
    out = []
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in ("with", "between"):
            for g in p.children:
                if g.dep_ == "pobj":
                    out.extend([g, *g.conjuncts] if p.lower_ == "between" else [g])
    return out

# Verbs that move forces, and the forces they move (one's own, never the target of a pledge to move them).
_MOVING_VERBS = {"deploy", "send", "withdraw", "pull", "station", "dispatch", "move", "mobilize", "mobilise", "recall", "redeploy",
                 "bring", "reduce", "increase", "boost", "cut"}
_MOVED_FORCES = {"troop", "soldier", "police", "force", "policeman", "officer", "unit", "personnel", "peacekeeper", "marine",
                 "army", "warship", "ship", "jet", "aircraft", "reinforcement"}
# Verbs of setting something up: their object is the thing made.
_CREATE_VERBS = {"form", "create", "establish", "set", "found", "build", "launch", "draft", "write", "open"}


# Pronouns for people ("they were captured"), and words for a portion of something ("much of Liberia").
_PEOPLE_PRONOUNS = {"he", "she", "they", "him", "her", "them", "we", "us"}
_PORTIONS = {"much", "most", "part", "parts", "half", "some", "all", "swath", "swathe", "chunk", "area", "large"}


def _walk(hits):
    for hit in hits:
        yield hit
        yield from _walk(hit.content)


def _object_lemmas(head) -> set[str]:
    out = set()
    for c in head.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative", "compound", "amod") or (c.dep_ == "ccomp" and c.pos_ == "ADJ"):
            out.add(c.lemma_.lower())  # a small clause's adjective too ("found Fields guilty")
            if c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ in ("GPE", "LOC", "FAC") or c.pos_ == "PROPN" and c.i in c.doc.user_data.get("dateline_place_tokens", ())):
                out.add("@place")  # "captured Badme": a place by its name (the triggers' "obj=@place")
            elif c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lower_ in _PEOPLE_PRONOUNS):
                out.add("@person")  # "captured Ahmed Khan", "they were captured by Turkish soldiers": someone ("obj=@person")
            elif c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "MONEY" or c.lemma_.lower() in eventgate._lexicon()["currency"]):
                out.add("@money")  # "lent $1 billion", "gave 350 million euros": a sum ("obj=@money")
            out.update(g.lemma_.lower() for g in c.children if g.dep_ in ("compound", "amod"))
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("of", "including"):
                    # ("threw things, including Molotov cocktails": what the things were)
                    out.update(g.lemma_.lower() for g in p.children if g.dep_ == "pobj")
                    out.update(m.lemma_.lower() for g in p.children if g.dep_ == "pobj" for m in g.children if m.dep_ == "compound")
                    if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _PORTIONS and any(
                            g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC") or g.i in g.doc.user_data.get("dateline_place_tokens", ()))
                            for g in p.children):
                        out.add("@place")  # "had captured much of Liberia", "seized parts of Idlib": a place, in part
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "including"):
            out.update(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
    if head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
        out.add(head.head.lemma_.lower())
    return out


def _passive_subjects(verb) -> list:
    """The passive subjects of a verb, but a relative pronoun ("which was banned")."""
    return [c for c in verb.children if c.dep_ == "nsubjpass" and c.lemma_.lower() not in ("which", "that")]


def _stranded_subject(verb) -> list:
    """A subject the parser hung on a fronted phrase: in "On Friday in Pakistan, Mohammed Waseem, brother of X, was
    sentenced", Waseem is read as a conjunct (or an apposition) of Pakistan and the verb is left with no subject. A
    name joined to the fronted place or day without "and", whose words run up to the verb's auxiliaries, is its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for c in verb.children):
        return []
    for p in verb.children:
        if p.dep_ != "prep" or p.i > verb.i:
            continue
        for t in p.subtree:
            if (t.dep_ in ("conj", "appos") and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG") and t.head.dep_ == "pobj"
                    and t.head.ent_type_ in ("GPE", "LOC", "FAC", "DATE") and verb.doc[t.left_edge.i - 1].text == ","
                    and not any(c.dep_ == "cc" for c in t.head.children)
                    and all(w.is_punct or w.dep_ in ("aux", "auxpass", "neg", "advmod") or t.head.left_edge.i <= w.i <= t.head.right_edge.i
                            for w in verb.doc[t.right_edge.i + 1:verb.i])):
                return [t]
    return []


def _harm_antecedent(verb):
    """What a relative clause of harm is about: its noun, but for "an attack on the parliament and the shrine of
    Khomeini that killed 17 people", hung by the parser on the last noun of the attack's phrase, the attack (a shrine
    kills no one, nor does its namesake)."""
    ante = verb.head
    if verb.lemma_.lower() not in _HARM_VERBS or eventgate.names_someone(ante):
        return ante
    up = ante
    while up.dep_ in ("pobj", "prep", "conj") and up.head.i != up.i:
        up = up.head
        if up.pos_ == "NOUN" and up.lemma_.lower() in _HARMS:
            return up
    return ante


def _subjects(tok) -> list:
    """Subjects of a verb, inherited through xcomp, conj and relative clauses when it has none of its own."""
    seen, came_by = 0, None
    active = tok.tag_ in ("VBD", "VBZ", "VBP")
    while tok is not None and seen < 6:
        seen += 1
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in ("from", "into") and not any(c.dep_ == "nsubj" for c in tok.children):
            # "the party was banned from holding rallies (by the ministry)": the party would hold them; a by-phrase
            # the parser hangs on the gerund is the ban's agent
            passive = _passive_subjects(tok.head.head)
            if passive:
                return passive
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        # "Three men from north west London robbed ...", London parsed as a second subject: a name that goes on the first
        # subject's phrase is its place of origin, not a doer beside it
        subj = [c for c in subj if not (c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "LOC") and any(
            o.i < c.i and o.right_edge.i == c.left_edge.i - 1 and any(t.dep_ == "prep" and t.lower_ in ("from", "of", "in") for t in o.subtree)
            for o in subj))]
        # "On Monday in Kabul, Ashraf Ghani, the president, met ...", Kabul parsed as the subject (its preposition left with
        # no object) and Ghani as its conjunct: the place is where, the name after it acts
        subj = [next((c for c in s0.children if c.dep_ == "conj" and c.ent_type_ in ("PERSON", "ORG")), s0)
                if s0.ent_type_ in ("GPE", "LOC") and s0.i > 0 and s0.doc[s0.i - 1].dep_ == "prep"
                and not any(c.dep_ == "pobj" for c in s0.doc[s0.i - 1].children) and not any(c.dep_ == "cc" for c in s0.children)
                else s0 for s0 in subj]
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not subj and not agents:
            # "The US has been encouraging allies", the subject hung on the auxiliary: it is the verb's
            subj = [g for c in tok.children if c.dep_ == "aux" and c.i < tok.i for g in c.children if g.dep_ == "nsubj"]
        if not subj and not agents and seen == 1 and not any(c.dep_ == "auxpass" for c in tok.children):
            subj = _stranded_subject(tok)
        if subj or agents:
            return [s for s in subj if s.lemma_.lower() not in ("which", "that")] + agents or ([_harm_antecedent(tok)] if tok.dep_ == "relcl" else [])
        if came_by == "conj" and tok.pos_ == "VERB" and active:
            # "Putin was briefed, and flew to Magnitogorsk": an active verb joined to a passive one shares its subject
            # (but "was arrested and charged" is undergone twice)
            passive = _passive_subjects(tok)
            if passive:
                return passive
        if tok.dep_ == "relcl":
            return [_harm_antecedent(tok)]
        if (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in _CROWD_DOINGS and tok.i > 0
                and tok.doc[tok.i - 1].dep_ in ("pobj", "dobj") and tok.doc[tok.i - 1].lemma_.lower() in _OCCUPIERS | {"people", "protester"}):
            return [tok.doc[tok.i - 1]]  # "fired rubber bullets at demonstrators demanding an end to the violence": they demand it
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in _HARM_VERBS and tok.head.lemma_.lower() in _COMMENTING | {"say", "tell", "add"}:
            return []  # "Turkish police say two cars detonated ..., killing at least 43", parsed as if the saying killed: not the speaker
        if tok.dep_ == "advcl" and any(c.dep_ == "nsubjpass" for c in tok.children):
            return []  # "Germany is on edge after a church in Berlin was bombed": a passive clause of its own names no bomber
        if tok.dep_ in ("xcomp", "conj", "advcl", "acomp") and tok.head.i != tok.i:
            came_by = tok.dep_
            tok = tok.head  # "is critical of X": the subject of the copula
            if came_by == "xcomp" and tok.lemma_.lower() in _CAUSATIVES:
                # "prompting the crowd to retreat and protest", "forced thousands to flee": whom the cause moves acts
                # (a cause denied moves no one: "A red notice doesn't force countries to arrest")
                moved = [c for c in tok.children if c.dep_ == "dobj"]
                if moved:
                    return [] if any(c.dep_ == "neg" for c in tok.children) else moved
            if came_by == "xcomp" and not any(c.dep_ in ("nsubj", "csubj", "agent") for c in tok.children):
                # "G7 was scheduled to meet", "the rebels were forced to withdraw": the passive's subject does the infinitive.
                passive = _passive_subjects(tok)
                if passive:
                    return passive
            continue
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in ("by", "in") and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "responded by spraying water cannon", "joined fellow Democrats in calling for": the clause's subject does it
            continue
        if (tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in _DOING_PREPS and tok.head.dep_ == "prep"
                and tok.head.head.pos_ == "VERB" and tok.head.head.lemma_.lower() not in _IMPUTING):
            # "Waseem confessed to killing his sister", "was jailed for attacking": the one who confesses or is jailed did it;
            # "accused Iran of attacking", "thanked Qatar for mediating": the one accused or thanked
            verb = tok.head.head
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
            if objects:
                return objects if tok.head.lower_ in ("of", "for") else []
            passive = _passive_subjects(verb)
            if passive:
                return passive
            came_by, tok = "pcomp", verb
            continue
        if tok.dep_ == "acl" and tok.head.i != tok.i:
            if came_by == "advcl" and tok.lemma_.lower() in _HEDGES:
                # "destroyed the house of a man believed to be the commander, killing him": the parser hangs the
                # participle clause on the hedge; it tells what the main clause's subject did.
                verb = tok.head
                while verb.head.i != verb.i and not (verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("acl", "relcl", "xcomp")):
                    verb = verb.head
                return _subjects(verb) if verb.pos_ in ("VERB", "AUX") else []
            if tok.head.lemma_.lower() in _INVITATIONS:
                return _invitees(tok.head)
            if tok.head.lemma_.lower() in _INTENTIONS:
                # "Russia's plan to withdraw", "announced plans to withdraw", "made an attempt to seize": whoever
                # has the intention does its infinitive.
                noun = tok.head
                owners = [c for c in noun.children if c.dep_ == "poss"]
                if owners or noun.dep_ != "dobj":
                    return owners
                return _subjects(noun.head)
            if tok.tag_ == "VBN" and tok.head.pos_ == "PRON":
                return []  # "those killed", "those wrongfully imprisoned": who underwent it, not who did it
            return [tok.head]
        return []
    return []


# Prepositions through which a verb's gerund tells what its subject (or object) did ("confessed to killing", "jailed for attacking");
# "after meeting", "before leaving" tell when, and are left to the clause.
_DOING_PREPS = {"to", "of", "for", "about"}
# Verbs that impute an act ("accused of helping", "denied attacking"): what they say was done is theirs to claim, not
# a doing of the one they speak of.
_IMPUTING = {"accuse", "suspect", "charge", "allege", "indict", "blame", "deny", "prosecute", "investigate", "try", "clear", "acquit"}

# Verbs that move their object to act ("prompted the crowd to protest"): the object does the infinitive.
_CAUSATIVES = {"prompt", "spur", "force", "cause", "lead", "drive", "compel", "provoke", "trigger", "push", "inspire", "move", "galvanize",
               "galvanise"}
# What a crowd is doing in a participle that follows it ("demonstrators demanding", "protesters chanting").
_CROWD_DOINGS = {"demand", "chant", "call", "protest", "shout", "wave", "carry", "hold", "seek", "urge", "denounce", "condemn"}

# Participles that hedge a description ("a man believed to be the commander", "a group said to be behind it").
_HEDGES = {"believe", "say", "think", "describe", "report", "know", "identify", "suspect", "allege", "consider", "understand"}

# Nouns whose infinitive is done by the one who has them ("announced plans to withdraw").
_INTENTIONS = {"plan", "decision", "intention", "intent", "bid", "effort", "attempt", "promise", "pledge", "offer", "threat", "readiness",
               "commitment", "vow", "determination", "refusal", "failure", "right", "move", "step", "proposal"}

# Nouns whose infinitive is done by the one invited or asked, never by who invites ("Kim's invitation to visit").
_INVITATIONS = {"invitation", "invite", "request", "call", "appeal", "plea", "order", "summons"}
# Nouns for what one asks or puts forward: the one who asks owns them, not what they are for.
_ASKED = _INVITATIONS | {"demand", "proposal", "bid", "offer", "ultimatum"}


def _invitees(noun) -> list:
    """Who an invitation or a request is addressed to: its to-object ("an invitation to Putin to visit"), else the
    one who accepts or turns it down ("Putin accepted Kim's invitation to visit"); else no one the text names."""
    named = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    if named:
        return named
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in _ANSWER_VERBS:
        return _subjects(noun.head) if noun.dep_ == "dobj" else [g for c in noun.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return []


_ON_TARGET = {"ASSAULT", "AID", "MOBILIZE", "COERCE"}  # material acts that happen where their target is
# Things done to someone by another: their owner is not whom a request for them asks ("demand Gonzalez's return").
_MAY_WOULD = {"could", "would", "might", "may"}
_MATERIAL_SUPPORT = {"air", "military", "logistical", "logistic", "financial", "material", "naval", "artillery", "fire",
                     "technical", "intelligence", "budget", "budgetary", "humanitarian"}
_MALE_NOUNS = {"man", "boy", "father", "son", "husband", "brother", "uncle", "nephew", "priest"}
_FEMALE_NOUNS = {"woman", "girl", "mother", "daughter", "wife", "sister", "aunt", "niece"}
# Nouns for one person, who may be whom a later he or she means.
_PERSON_NOUNS = {"man", "woman", "boy", "girl", "teenager", "youth", "child", "father", "mother", "son", "daughter", "husband",
                 "wife", "brother", "sister", "uncle", "aunt", "cousin", "victim", "suspect", "prisoner", "detainee", "hostage",
                 "inmate", "defendant", "migrant", "refugee", "doctor", "nurse", "lawyer", "priest", "farmer", "driver",
                 "passenger", "witness", "journalist", "reporter", "activist", "protester", "student", "worker", "resident",
                 "villager", "teacher", "pilot", "soldier", "officer", "survivor", "gunman", "attacker"}
_SHARES = {"majority", "minority", "most", "percent", "half", "third", "quarter", "plurality", "many", "few"}
# Types whose "from" is where someone comes from or leaves, not who acts ("withdrawal from Syria", "troops from Chad",
# "imports from China").
_FROM_ORIGIN = {"RETREAT", "MOBILIZE", "COOPERATE"}
# Nouns of leaving something, whose "from" is what is left ("his resignation from the cabinet", "defection from the party").
_LEAVINGS = {"withdrawal", "exit", "departure", "escape", "defection", "resignation", "separation", "independence", "secession",
             "expulsion", "retreat", "pullout", "flight", "ouster", "dismissal", "removal", "suspension", "exclusion", "ban"}
_UNDERGONE = {"return", "release", "extradition", "reunion", "repatriation", "arrest", "visa", "asylum", "protection",
              "freedom", "rescue", "evacuation", "deportation", "trial", "punishment", "execution", "prosecution",
              "removal", "transfer", "custody", "safety", "pardon", "clemency", "reinstatement"}
# Nouns for a struggle one wages, the act itself when it is a verb's object ("fighting an armed campaign").
# Nouns for a fight between two sides, in which someone falls ("killed in clashes with gunmen").
_BATTLES = {"clash", "fighting", "fight", "battle", "skirmish", "confrontation", "gunfight", "firefight", "shootout", "gunbattle",
            "exchange", "encounter"}
_STRUGGLES = {"campaign", "war", "battle", "insurgency", "struggle", "fight", "jihad", "offensive", "crusade"}
_WAGING = {"fight", "wage", "launch", "conduct", "lead", "mount", "step", "intensify", "escalate", "begin", "start", "continue"}
# Verbs whose object may be told by a bare participle ("want Wilson charged", "keep him detained").
_SMALL_CLAUSE_VERBS = {"want", "wish", "need", "like", "prefer", "leave", "keep"}
# Verbs of looking into an act someone else did ("identified a suspect in the attack").
_INQUIRY_VERBS = {"identify", "investigate", "question", "arrest", "detain", "charge", "suspect", "name", "implicate", "probe",
                  "interrogate", "convict", "sentence", "indict", "prosecute", "try", "seek", "hunt", "catch", "capture", "find"}
# Nouns of something made: their of-object is what is made ("the creation of a force").
_FOUNDINGS = {"creation", "establishment", "formation", "founding", "setup", "building", "construction"}
# Nouns of harm done to someone: their of-object is the victim, not the one to blame.
_HARMS = {"bombing", "attack", "killing", "murder", "shooting", "assault", "invasion", "occupation", "massacre", "assassination",
          "abduction", "kidnapping", "arrest", "detention", "execution", "airstrike", "raid", "shelling", "stabbing", "torture",
          "beating", "slaying", "bombardment", "blast", "explosion", "persecution", "imprisonment", "poisoning",
          "death", "disappearance", "drowning", "injury", "suicide", "mistreatment", "maltreatment", "abuse", "treatment"}  # "investigating the deaths of two people": victims
# Harms done to one person, whose name before them is the victim's ("the Slepian shooting", "the Khashoggi murder").
_HARMS_TO_PEOPLE = {"shooting", "murder", "killing", "assassination", "stabbing", "kidnapping", "abduction", "beating", "slaying",
                    "poisoning", "execution", "torture", "lynching", "rape"}
# Measures against someone: who is behind them is the one condemned or backed ("condemned the US sanctions against Iran":
# the US), but the one they hit is whom lifting them relieves ("lifted a blockade on Palestinian lorries").
_MEASURES = {"sanction", "embargo", "tariff", "blockade", "crackdown"}
_RELIEF = {"RETREAT", "CONCEDE", "AID"}
# Curbs laid on someone, which one can impose, ease or lift ("a travel ban on Chadian citizens").
_CURBS = {"ban", "restriction", "curfew", "lockdown", "limit", "limitation", "restraint", "travel-ban", "boycott", "quota", "duty"}
# Types of acts done to a measure that name whom it lies on.
_ON_MEASURES = {"CONCEDE", "RETREAT", "SANCTION", "COERCE"}


def _measure_targets(noun) -> list:
    """Whom a measure lies on: its on/upon/against object, or that of the participle that lays it ("the ban imposed on
    Chad"), when it names someone."""
    preps = [p for p in noun.children if p.dep_ == "prep" and p.lower_ in ("on", "upon", "against")]
    preps += [p for v in noun.children if v.dep_ == "acl" and v.tag_ == "VBN" and v.lemma_.lower() in _IMPOSING
              for p in v.children if p.dep_ == "prep" and p.lower_ in ("on", "upon", "against")]
    return [g for p in preps for g in p.children if g.dep_ == "pobj" and (g.ent_type_ in _ACTOR_ENTS or eventgate.names_someone(eventgate._counted(g)))]


# Texts by which someone acts ("a decree banning ...", "an order closing ...").
_DECREES = {"decree", "order", "directive", "proclamation", "law", "bill", "regulation", "resolution", "ruling", "edict"}
_WRITE_VERBS = {"write", "send", "appeal", "turn", "speak", "talk", "cable", "telephone", "phone", "call", "e-mail", "email"}
_MESSAGES = {"message", "statement", "letter", "tweet", "post", "note", "video", "communique", "editorial", "speech",
             "advertisement", "ad", "article", "column", "op-ed", "broadcast", "leaflet", "petition", "report"}
# Things said or put to someone: "the claim from Berlin" is Berlin's, "an offer from Kyiv" Kyiv's.
_SAID_THINGS = _MESSAGES | {"claim", "proposal", "request", "offer", "demand", "plan", "call", "appeal", "invitation", "accusation",
                            "allegation", "criticism", "warning", "threat", "suggestion", "initiative", "bid", "ultimatum", "complaint"}
# Nouns for one side of a relation, whose country word names the other side ("a US ally", "Russia's neighbours").
_RELATIONAL = {"ally", "partner", "enemy", "rival", "adversary", "foe", "neighbour", "neighbor", "proxy", "client", "friend"}


def _other_party(tok) -> bool:
    """A relation noun whose country word names the other side: "a US ally", "a Russian proxy" is not the US or Russia (but
    "NATO allies" are NATO's members, and "their common Israeli enemy" is Israel)."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _RELATIONAL and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "GPE" for c in tok.children)


# Verbs that make someone do something, and verbs of trying to.
_FORCE_VERBS = {"force", "compel", "coerce", "pressure", "pressurise", "pressurize"}
_ATTEMPTS = {"try", "attempt", "seek"}
# Verbs that keep what they act on, or what they keep someone "from", from happening.
_BARS = {"bar", "ban", "prevent", "prohibit", "forbid"}
# What is put to someone, whose "to" names the addressee, not a destination ("an invitation to Moscow" is one).
_ADDRESSED = _MESSAGES | {"request", "demand", "appeal", "plea", "complaint", "ultimatum", "petition"}
# Verbs whose clause, with a bare verb, says what someone should do ("suggested that residents wear masks").
_MANDATIVE = {"suggest", "recommend", "propose", "advocate", "insist", "demand", "urge", "ask", "request", "advise", "require"}
# Verbs that lay a deed on someone: "blamed the bombing on the rebels", "attributed the attack to the PKK".
_ATTRIBUTE_VERBS = {"blame", "attribute", "pin", "ascribe"}
# A state's envoys, whom it recalls or expels, and the verbs of calling one home.
_ENVOYS = {"ambassador", "envoy", "diplomat", "emissary", "representative", "attache", "consul"}
_RECALLS = {"recall", "withdraw", "pull", "summon"}
# Verbs that put a weapon to use: "the police used water cannons and tear gas against protesters".
_WIELD = {"use", "fire", "deploy", "throw", "launch", "employ", "lob", "spray", "shoot", "aim", "hurl"}  # "shot at soldiers"

_ANSWER_VERBS = {"accept", "receive", "take", "welcome", "decline", "reject", "refuse", "turn", "heed", "answer", "ignore",
                 "consider", "review", "weigh", "study", "examine", "grant", "deny", "approve", "dismiss"}


def _victims(verbs) -> list:
    """Those the harm verbs tell of as harmed: their passive subjects ("were killed"), or who died."""
    return [c for v in verbs for c in v.children if c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and v.lemma_.lower() in ("die", "perish")]


def _participle_subjects(verb) -> list:
    """Someone the parser makes the subject of a participle clause a verb takes ("killing 12 fighters hiding inside")."""
    return [g for c in verb.children if c.dep_ == "ccomp" and c.tag_ == "VBG" for g in c.children
            if g.dep_ == "nsubj" and eventgate.names_someone(g)]


def _bare_infinitive(tok) -> bool:
    """Whether a clause is a to-infinitive with no subject or subordinator of its own ("... to end the strike")."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)


def _to_complement(tok) -> bool:
    """Whether a clause is the to-infinitive a noun takes: "refusal to apologise", "calls to resign"."""
    return tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _reason_of(tok, head) -> bool:
    """Whether a token hangs from `head` through a "for" phrase: the reason one is blamed, praised or thanked."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ == "for" and tok.head.i == head.i:
            return True
        tok = tok.head
    return False


def _arguments(head, theme: bool = False, etype: str = "") -> tuple[list, list]:
    """Tokens heading the actor and the recipient arguments of a trigger."""
    actors, recipients = [], []
    if head.pos_ in ("NOUN", "PROPN"):
        # "a mediation mission between Syria and Arafat": a trigger modifying a noun shares that noun's arguments.
        noun = head.head if head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") else head
        children = list(head.children) + ([c for c in noun.children if c.i != head.i] if noun is not head else [])
        # "Libya's release of the nurses", "the hostages' release", "upon her release": whom a release or return
        # frees undergoes it; a possessor is the one freed unless someone else is ("of the nurses"), or it is a state.
        freed = etype in ("RETREAT", "COOPERATE") and head.lemma_.lower() in _UNDERGONE
        of_objects = any(c.dep_ == "prep" and c.lower_ == "of" for c in children)
        forces, sources = [], []
        for c in children:
            if c.dep_ == "prep" and c.lower_ == "of" and (etype in _PATIENT_OF or freed):
                # "the invasion of South Lebanon", "the suppression of the protests": of-objects undergo the action.
                recipients.extend(g for g in c.children if g.dep_ == "pobj")
                continue
            if c.dep_ == "poss" and freed and not of_objects and c.ent_type_ not in ("GPE", "ORG", "NORP") and (
                    c.pos_ == "PRON" or c.ent_type_ == "PERSON" or eventgate.names_someone(c)):
                recipients.append(c)
                continue
            if c.dep_ == "poss" and etype in _PATIENT_OF and etype != "ACCUSE" and not any(_to_complement(g) for g in head.children):
                continue  # "Russia's sanctions", "Gaza's bombardment": the possessor may as well be the target ("Japan's refusal to apologise" refuses)
            if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and (c.ent_type_ in _ACTOR_ENTS) and not _names_target(c, head)):
                actors.append(c)
            elif c.dep_ in ("compound", "amod") and c.pos_ == "NOUN" and c.lemma_.lower() in _FORCES and etype in _HOSTILE:
                forces.append(c)  # "the police shooting of Jacob Blake", "an army raid": the force does it
            elif c.dep_ == "prep" and c.lower_ == "by":
                actors.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ == "from" and etype not in _FROM_ORIGIN and head.lemma_.lower() not in _UNDERGONE | _LEAVINGS:
                sources.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in _RECIPIENT_PREPS:
                recipients.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _IMPOSING:
                # "sanctions placed on Russia by the EU", "the embargo imposed against Iraq": the participle's
                # target receives, its agent acts.
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("on", "upon", "against"):
                        recipients.extend(g for g in p.children if g.dep_ == "pobj")
                    elif p.dep_ == "agent":
                        actors.extend(g for g in p.children if g.dep_ == "pobj")
        actors = actors or forces  # (but "the Israeli police torture": the named state's, which _resolve reads with its force)
        if etype in _HOSTILE:
            # "attacks targeting army posts", "attacks aimed at the army", "carried out attacks, mainly targeting the
            # government": whom the acts are aimed at
            aims = [c for c in children if c.dep_ == "acl" and c.lemma_.lower() in ("target", "aim", "direct")]
            if noun.dep_ == "dobj":
                aims += [v for v in noun.head.children if v.dep_ == "advcl" and v.tag_ == "VBG" and v.lemma_.lower() == "target"]
            recipients.extend(g for v in aims for c in v.children
                              for g in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("at", "against") else []))
        if actors:
            recipients.extend(sources)  # "Russia's demands from Ukraine": asked of Ukraine
        else:
            # "missile attacks from Azerbaijan", "condemnation from the Pope", "requests for leniency from his lawyers":
            # an act comes from whoever does it (but a withdrawal "from Lebanon" leaves a place, troops "from" a country
            # come from there).
            actors = [g for g in sources if eventgate.names_someone(g)]
            recipients.extend(g for g in sources if g not in actors)
            carrier = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _MESSAGES else noun
            if not actors and carrier.dep_ == "nsubj" and carrier.head.lemma_.lower() == "come" and etype not in _FROM_ORIGIN:
                # "Condemnation came from the Pope", "Statements of condemnation have come from the OIC": whom it came from
                actors = [g for c in carrier.head.children if c.dep_ == "prep" and c.lower_ == "from"
                          for g in c.children if g.dep_ == "pobj" and eventgate.names_someone(g)]
        if noun.dep_ == "pobj" and _undergoer_frame(noun.head):
            # "Abqaiq was the target of an attack", "Mahan has been the subject of US sanctions", "Turkey is under EU
            # sanctions", "came under attack from rebels": the clause's subject undergoes it, and who does it comes
            # "from" somewhere; "police placed him under arrest": the object undergoes it, the subject does it.
            verb = noun.head.head if noun.head.lower_ in ("under", "in") else noun.head.head.head
            attackers = [g for c in children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i != noun.head.head.i]
            subjects = _subjects(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"]
            recipients = objects or subjects
            actors = actors or attackers or (subjects if objects else [])
        cause = noun.head.head if noun.head.lower_ == "to" and noun.head.head.lower_ in ("due", "owing") else noun.head
        if etype == "ASSAULT" and noun.dep_ == "pobj" and cause.lower_ in ("during", "in", "amid", "by", "due", "owing") and not recipients \
                and cause.head.lemma_.lower() in _HARM_VERBS | _SUFFER_VERBS:
            # "three civilians were killed during the regime's rocket shelling", "died in an Israeli air strike", "were
            # killed due to aerial bombardment": those killed in the attack are whom it struck.
            recipients.extend(_victims([cause.head]))
        if etype == "ASSAULT" and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _HARM_VERBS and not recipients:
            # "An airstrike by the coalition killed several militants", "the blast injured 12 people": whom the attack
            # killed or hurt is whom it struck.
            recipients.extend(c for c in noun.head.children if c.dep_ == "dobj")
        wielded = noun
        while wielded.dep_ == "conj" and wielded.head.i != wielded.i:
            wielded = wielded.head
        if etype == "ASSAULT" and wielded.dep_ == "dobj" and wielded.head.lemma_.lower() in _WIELD and not actors:
            verb = wielded.head
            actors = _subjects(verb)
            recipients = recipients + [g for c in [*verb.children, *wielded.children] if c.dep_ == "prep" and c.lower_ in ("against", "at", "on")
                                       for g in c.children if g.dep_ == "pobj" and g not in recipients]
            if not recipients:
                # "used teargas in an attempt to disperse protesters", "fired tear gas to break up the crowd": whom
                # the force was used to scatter.
                recipients = [g for t in verb.subtree if t.lemma_.lower() in _SCATTER and t.pos_ == "VERB" and t.i > wielded.i
                              for g in t.children if g.dep_ == "dobj" and eventgate.names_someone(g)][:1]
        if etype in _DIRECTIVE and noun.lemma_.lower() in _INVITATIONS and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _ANSWER_VERBS:
            # "Britain is considering Russia's request for access to X", "Putin accepted Kim's invitation": whoever weighs
            # or answers a request is the one it was made to (what it seeks access to is not).
            recipients = _invitees(noun) or recipients
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _UNDERGO_VERBS:
            # "Russia is facing sanctions": the subject undergoes the event; who does it is not said here.
            return [], recipients + _subjects(noun.head)
        if (noun.dep_ == "appos" and noun.head.dep_ in ("dative", "dobj") and _light(noun.head.head)
                and noun.head.head.pos_ == "VERB"):
            # "granted Stanton a full pardon", parsed as if the pardon were Stanton's apposition: the light verb's
            # subject acts and its first object receives.
            return actors or _subjects(noun.head.head), recipients + [noun.head]
        slot = _counter(noun)
        if not actors and slot.dep_ in ("dobj", "attr", "nsubjpass") and _light(slot.head) and not any(
                c.dep_ == "oprd" for c in slot.head.children):  # (but "called the arrests a tragedy" names them, makes none)
            # ("launched hundreds of airstrikes", "carried out a series of raids": the count stands in the verb's object)
            actors.extend(_subjects(slot.head))
            # "granted X a pardon", "gave Y an apology": the light verb's indirect object receives the event;
            # "issued criticism at the government", "made threats against Iran": so does whom it is aimed at.
            recipients.extend(c for c in slot.head.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP")
            recipients.extend(g for c in slot.head.children if c.dep_ == "dative" and c.pos_ == "ADP" for g in c.children if g.dep_ == "pobj")  # "paid tribute to"
            recipients.extend(g for c in slot.head.children if c.dep_ == "prep" and (
                c.lower_ in _AIMED_PREPS or c.lower_ == "at" and etype in _VERBAL or c.lower_ == "with" and _made_with(noun, etype))
                              for g in c.children if g.dep_ == "pobj" and eventgate.names_someone(g))
        if (not actors and noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("in", "on", "for", "at", "during") and not (noun.head.lower_ == "during" and etype in _HOSTILE)
                and not _undergoer_frame(noun.head) and not (noun.pos_ == "NOUN" and eventgate.names_someone(noun))):
            # (but "sprayed tear gas at the protesters": people, not what the subject was engaged in)
            verb = noun.head.head
            if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
                verb = verb.head  # "may be interested in an agreement": the one interested
            elif verb.pos_ == "NOUN" and verb.lemma_.lower() in _CLAIM_NOUNS and verb.dep_ == "dobj":
                verb = verb.head  # "claimed responsibility for the attack": the one who claims it
            if verb.pos_ in ("VERB", "AUX") and noun.head.lower_ == "for" and etype == "ACCUSE":
                # "was ousted for sexual harassment allegations": the one ousted is the accused; who accused is not said.
                recipients.extend(_subjects(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"])
            elif verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in _SUFFER_VERBS | _FEELING_VERBS and not (
                    verb.lemma_.lower() in _COMMENTING and noun.head.lower_ == "on") and not (
                    verb.lemma_.lower() in _INQUIRY_VERBS and noun.head.lower_ == "in"):
                # (nor "did not comment on the attacks": one who speaks of an act is not its doer; nor "identified a
                # person of interest in the attack", "arrested two men in the bombing": who looks into it)
                # (but "expressed grave concern at their detention": the one concerned is not the one who detains)
                # "were engaged in ethnic cleansing": an adjectival passive's subject is the one engaged; but who
                # was killed or died in an airstrike suffered it.
                doers = _subjects(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"]
                if etype in _HOSTILE and verb.lemma_.lower() in _HARM_VERBS | _VICTIM_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
                    # "a priest was burned to death in an attack blamed on rebels": who was harmed in an attack suffered it
                    recipients.extend(d for d in doers if d.dep_ == "nsubjpass")
                    doers = []
                if etype == "PROTEST" and noun.head.lower_ == "during":
                    # "was arrested during abortion protests": a protester; "the government strengthened security
                    # during the rally", "police were deployed during the strike": those who keep order are none.
                    # Only who undergoes the verb took part ("was arrested during the protests"): who acts during a protest
                    # ("was investigating the deaths during the protests", "took weapons during the protests") may be anyone.
                    doers = [d for d in doers if d.lemma_.lower() not in _ORDER_KEEPERS and d.dep_ == "nsubjpass" and d.head.i == verb.i]
                actors.extend(doers)
                if etype in _HOSTILE and not recipients and verb.pos_ == "VERB":
                    # "captured two soldiers in an ambush": whom the verb's act took is the one ambushed.
                    recipients.extend(c for c in verb.children if c.dep_ == "dobj" and eventgate.names_someone(c))
        if not actors and etype in _MUTUAL and not (freed and recipients):
            # "arms agreements between Russia and North Korea", "the trilateral meeting of Cyprus, Greece and Israel":
            # the first party acts, the others receive ("the extradition of Martinelli" is his, undergone).
            actors, recipients = _parties(children, recipients, ("between", "of"))
        elif not actors and etype == "ASSAULT" and head.lemma_.lower() in _FIGHT_NOUNS:
            # "a gun battle between the army and drug hitmen", "clashes between police and protesters": two sides,
            # the first named acts as the first party of a mutual act does ("a clash between two governments" names
            # no two sides).
            sides, others = _parties(children, recipients, ("between",))
            if sides and others:
                actors, recipients = sides, others
        return actors, recipients
    if etype in ("ASSAULT", "COERCE") and head.tag_ == "VBD" and not any(c.dep_ in ("dobj", "dative", "cc", "aux") for c in head.children) and any(
            c.dep_ == "conj" and c.tag_ == "VBN" and any(a.dep_ == "auxpass" for a in c.children)
            and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
            and not any(t.dep_ == "cc" or t.lower_ in (",", ";") for t in head.doc[head.i + 1:c.i]) for c in head.children):
        # "A Turkish soldier shot in the chest was evacuated": with no "and" before the passive that follows, the parser's
        # past tense is a participle qualifying its "subject", who was shot; the shooter is not named.
        return [], [c for c in head.children if c.dep_ == "nsubj"]
    if (head.tag_ == "VBN" and head.dep_ in ("pcomp", "conj") and (head if head.dep_ == "pcomp" else head.head).head.lower_ == "with"
            and any(c.dep_ == "nsubj" for c in head.children) and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in head.children)):
        # "with 1,462 Palestinians killed and 11,000 injured": an absolute clause; its subject undergoes the act.
        return [], [c for c in head.children if c.dep_ == "nsubj"]
    if (head.tag_ == "VBN" and head.dep_ == "conj" and any(c.dep_ == "auxpass" for c in head.head.children)
            and any(c.dep_ == "nsubj" for c in head.children) and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in head.children)):
        # "Twenty rebels were captured and 16 police killed": the auxiliary of the first passive is left out of the
        # second; its subject undergoes the act too.
        return [], [c for c in head.children if c.dep_ == "nsubj"]
    if (head.dep_ == "ROOT" and head.tag_ in ("VBN", "VBD") and head.lemma_.lower() in _ONLY_TRANSITIVE
            and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in head.children)
            and not any(c.dep_ in ("dobj", "dative", "aux", "auxpass", "cc", "conj", "ccomp", "xcomp", "prt", "attr", "oprd") for c in head.children)):
        # "Saudi Arabia accused of helping terrorism", "Opposition leader detained in Minsk": a headline's passive with its
        # auxiliary left out (these verbs take an object whenever they are active); its subject undergoes the act.
        return [], [c for c in head.children if c.dep_ == "nsubj"]
    shared = head.dep_ == "conj" and head.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) and any(
        c.dep_ == "auxpass" for c in head.children)
    passive = any(c.dep_ == "nsubjpass" for c in head.children) or shared or (
        # "if Kopp were indicted and convicted": a participle joined to a passive one is passive too
        head.dep_ == "conj" and head.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in head.children)
        and any(c.dep_ == "auxpass" for c in head.head.children))
    if passive and not any(c.dep_ == "nsubjpass" for c in head.children):
        # ("The suspect was wearing a vest and was shot by a police officer": the subject both clauses share undergoes it)
        recipients.extend(c for c in head.head.children if c.dep_ == "nsubjpass" or shared and c.dep_ == "nsubj")
    if passive and not any(c.dep_ == "agent" for c in head.children):
        # "he was arrested and questioned by police": a by-agent after the last of joined participles is all of
        # theirs; one inside the first ("interrogated by an attorney and then arrested") is its own.
        actors.extend(g for v in head.conjuncts if v.tag_ == "VBN" and v.i > head.i for c in v.children if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj")
    if passive and not any(c.dep_ == "agent" for v in [head, *head.conjuncts] for c in v.children):
        # "was banned from holding rallies by the ministry": the parser hangs the agent of the passive on the gerund
        # of its complement; a name there (not a means: "by planting bombs") is who banned.
        actors.extend(g for p in head.children if p.dep_ == "prep" and p.lower_ in ("from", "into")
                      for v in p.children if v.dep_ == "pcomp" and v.tag_ == "VBG"
                      for c in v.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                      for g in c.children if g.dep_ == "pobj" and g.pos_ != "PRON" and eventgate.names_someone(g))
    if any(c.dep_ == "auxpass" for c in head.children):
        recipients.extend(_stranded_subject(head))
    if passive and etype == "ASSAULT" and head.lemma_.lower() in _HARM_VERBS and not any(c.dep_ == "agent" for c in head.children):
        # "was killed in clashes with Syrian regime troops", "were killed while fighting against armed groups": whoever
        # the fallen fought with killed them
        fights = [t for t in head.subtree if t.dep_ in ("pobj", "pcomp") and t.lemma_.lower() in _BATTLES
                  and t.head.lower_ in ("in", "during", "amid")
                  and all(a.pos_ not in ("VERB", "AUX") for a in t.ancestors if a.i != head.i and head.is_ancestor(a))]
        fights += [v for v in head.children if v.dep_ == "advcl" and v.lemma_.lower() in ("fight", "battle", "clash")]
        actors.extend(g for f in fights for p in f.children if p.dep_ == "prep" and p.lower_ in ("with", "against")
                      for g in p.children if g.dep_ == "pobj" and eventgate.names_someone(g))
    for c in head.children:
        if c.dep_ == "nsubjpass" and theme and etype in ("MOBILIZE", "RETREAT", "AID"):
            recipients.extend(_given_to(c))  # "The Nigerien troops were sent to the area by China": what is sent, no one sent to
        elif c.dep_ == "nsubjpass":
            recipients.append(c)
            if not eventgate.names_someone(c) and etype in _JUDGING | _VERBAL:
                # "a plan backed by the Red Cross was rejected by Johnson", "Germany's proposal was rejected": as for an
                # object, the owner or the agent of the thing judged is the target.
                recipients.extend(_owners(c))
        elif c.dep_ == "agent":
            actors.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "dobj" and any(g.dep_ in ("amod", "advmod") and g.lower_ in _PLACE_PREPS | {"beside", "opposite", "outside"}
                                      and g.i == c.left_edge.i for g in c.children):
            continue  # "protested outside parliament", parsed as if "outside" described the parliament: where, not against whom
        elif c.dep_ == "dobj" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].dep_ == "dobj" and c.doc[c.i + 1].head.i == head.i:
            continue  # "sentenced two people smugglers": the parser's two objects are one noun phrase, named by the last
        elif c.dep_ == "dative" and c.pos_ == "ADP":
            recipients.extend(g for g in c.children if g.dep_ == "pobj")  # "providing intelligence to Macedonia"
        elif c.dep_ == "dobj" and c.lemma_.lower() in _STRUGGLES and etype in ("ASSAULT", "COERCE") and head.lemma_.lower() in _WAGING:
            # "has been fighting an armed campaign against Turkish security forces", "waged a war on the cartels":
            # the struggle is the act itself; whom it is against receives it.
            recipients.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in ("against", "on") for g in p.children if g.dep_ == "pobj")
        elif c.dep_ == "dobj" and etype in _ON_MEASURES and c.lemma_.lower() in _MEASURES | _CURBS and (lain_on := _measure_targets(c)):
            # "eased key restrictions on millions of foreign workers", "lifted sanctions imposed on Eritrea": whom the
            # measure lies on receives what is done to it.
            recipients.extend(lain_on)
        elif c.dep_ == "dative" or (c.dep_ == "dobj" and not theme):
            recipients.append(c)
            if not eventgate.names_someone(c) and etype in _DIRECTIVE and c.lemma_.lower() in _UNDERGONE:
                pass  # "to demand Gonzalez's return": the boy is returned, his return is asked of someone else
            elif not eventgate.names_someone(c) and etype in _VERBAL and c.lemma_.lower() in _HARMS:
                # "condemned the bombings of the U.S. embassies": whose the bombing is ("Russia's attack", "the
                # attack by rebels") is accused; what or whom it struck ("of the embassies") is its victim.
                recipients.extend([g for g in c.children if g.dep_ == "poss"] + [
                    g for p in c.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.children if g.dep_ == "pobj"] + [
                    g for v in c.children if v.dep_ == "acl" and v.tag_ == "VBN"  # "the attacks carried out by the Islamic State"
                    for p in v.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"])
            elif not eventgate.names_someone(c) and head.lemma_.lower() in _WIELD and any(p.dep_ == "prep" and p.lower_ in ("at", "on") for p in c.children):
                # "fired warning shots at Serb forces", "launched rockets on the town": whom the shots are aimed at
                recipients.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in ("at", "on") for g in p.children if g.dep_ == "pobj")
            elif not eventgate.names_someone(c):
                # "threatened the network's franchise", "condemned the act of the NTC": the owner of the thing is the
                # target; "shared evidence with the U.S.": so is whom it goes to. "attacked the recognition of the
                # territory by the President": a by-phrase the parser hangs on an active verb after its object is
                # the object's agent (a means names no one: "by letter").
                recipients.extend(_owners(c) + _given_to(c) + [
                    g for p in head.children if p.dep_ == "prep" and p.lower_ == "by" and p.i > c.i and not passive
                    for g in p.children if g.dep_ == "pobj" and g.pos_ != "PRON" and eventgate.names_someone(g)])
        elif c.dep_ == "dobj" and theme and etype in _COMMISSIVE | _DIRECTIVE:
            recipients.extend(_owners(c))
        elif c.dep_ == "dobj" and theme and etype == "AID" and eventgate.names_someone(c) and any(
                p.dep_ == "prep" and p.lower_ == "with" for p in head.children):
            recipients.append(c)  # "provided the Lebanese Armed Forces with aircraft": whom one provides with something
        elif c.dep_ == "dobj" and theme:
            recipients.extend(_given_to(c))
        elif c.dep_ == "prep" and (c.lower_ in _RECIPIENT_PREPS or c.lower_ == "at" and (etype in _VERBAL or head.lemma_.lower() in _WIELD)
                                   or c.lower_ in _ADJ_TARGET_PREPS and head.pos_ == "ADJ"):
            # "critical of worshippers", "lashed out at the press": an adjective's of-object and a verbal attack's
            # at-object are its target.
            addressed = [d for d in head.children if d.dep_ == "dobj" and eventgate.names_someone(d)] + [
                g for p in head.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj" and eventgate.names_someone(g)]
            if c.lower_ == "for" and (etype in _CHARGED or addressed):
                # "was sentenced for her murder", "arrested for spreading rumours": the charge, no participant; nor is
                # the reason one is thanked, praised or apologised to for ("thanked John for his service", "apologized
                # to Brazil for one of its gunboats intercepting a ship").
                continue
            if c.lower_ == "with" and c.doc[c.i - 1].lower_ in ("together", "along", "jointly", "alongside"):
                continue  # "provide support together with other partners", "sent troops along with Chad": who joins in, not who receives
            if c.lower_ == "against" and etype in ("SUPPORT", "AID") and addressed:
                continue  # "defended Iraq and Libya against Western criticism": what the one defended is defended from
            if c.lower_ == "into" and etype in ("RETREAT", "CONSULT", "MOBILIZE"):
                continue  # "allowed the team into the country", "flew into Moscow", "mobilized his workers into an army": no participant
            if c.lower_ == "from" and etype in ("PROTEST", "MOBILIZE"):
                continue  # "marched from the SEC to the stock exchange", "deployed troops from Kabul": where they set out
            if c.lower_ == "at" and etype in _UNDIRECTED:
                continue  # "deployed hundreds of officers at U.S. colleges", "rallied at the parliament": where, not whom
            if c.lower_ == "to" and any(g.dep_ == "pobj" and g.lemma_.lower() in _FEELINGS for g in c.children):
                continue  # "to the public's surprise, prosecutors filed a new charge": whose feeling, no party to the act
            for g in c.children:
                if g.dep_ == "pobj" and c.lower_ == "for" and g.tag_ == "NN" and not any(d.dep_ in ("det", "poss") for d in g.children):
                    continue  # "endorsed Biden for president": an office, no one
                if g.dep_ == "pobj" and c.lower_ == "to" and _subjects_own(g, head):
                    continue  # "summoned a senior Indian diplomat to its Foreign Ministry": the subject's own, where it happens
                if (g.dep_ == "pobj" and c.lower_ == "with" and c.i > 0 and c.doc[c.i - 1].text == ","
                        and any(d.dep_ == "acl" and d.tag_ in ("VBG", "VBN") for d in g.children)):
                    continue  # "banned the airline, with officials saying ...": a circumstance, no party
                if g.dep_ == "pobj" and c.lower_ == "with" and g.lemma_.lower() in _COMPLICITY:
                    continue  # "beat detainees with the knowledge of senior officers", "with the help of": who stands behind, not who receives
                if g.dep_ == "pobj":
                    # "asked for Bolton's resignation": the owner of what is asked for or acted on; "agreed to US
                    # mediation": the one a name before it says it comes from (_resolve reads it there). But "asked
                    # for the boy's return", "a visa for his client": whom the thing is done to is not the one asked.
                    named = _named_modifier(g) and not (c.lower_ == "against" and etype in _DIPLOMATIC)  # "against the Houthi rebellion": the foe
                    if not (eventgate.names_someone(g) or named) and g.lemma_.lower() in _UNDERGONE:
                        continue
                    recipients.extend([g] if eventgate.names_someone(g) or named or eventgate.those_who(g) else _owners(g) + _truce_parties(g))
        elif c.dep_ == "ccomp" and c.pos_ == "ADJ":
            # "found Fields guilty": the one the small clause is about.
            recipients.extend(g for g in c.children if g.dep_ == "nsubj")
        elif c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            # "appealed for the population to remain calm": the one asked is the subject of the for-clause.
            recipients.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
        elif c.dep_ == "prt":
            for p in c.children:
                if p.dep_ == "pobj":
                    recipients.append(p)
    if (not passive and head.pos_ == "VERB" and not any(c.dep_ in ("dobj", "dative") for c in head.children)
            and not any(c.dep_ == "prep" and c.lower_ in _RECIPIENT_PREPS for c in head.children)):
        # "shot and killed a man", "arrested and questioned three journalists": joined verbs share the object that
        # follows the last of them.
        later = []
        for v in sorted(head.conjuncts, key=lambda t: t.i):
            if v.i < head.i:
                continue
            if v.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
                break  # "..., and Israeli soldiers went in and killed two activists": a clause of its own, and its verbs
            later.append(v)
        if later:
            recipients.extend(c for c in later[-1].children if c.dep_ == "dobj" and eventgate.names_someone(c))
    if (etype == "PROTEST" and head.pos_ == "VERB" and head.dep_ == "acl" and head.head.dep_ in ("ROOT", "appos")
            and head.sent.root.pos_ not in ("VERB", "AUX") and head.head.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ == "agent" for c in head.children)):
        # "Up to 20,000 people protested across the country", read by the parser as a noun the verb qualifies: no one
        # is protested by others, and a sentence with no other verb tells what its noun did.
        actors.append(head.head)
    elif _passive_aside(head):
        # "Scarpa was arrested in France, accused of drug trafficking": a passive participle set beside a clause
        # befalls that clause's subject; who accused him is not said.
        actors = [a for a in actors if a.dep_ == "agent" or a.head.dep_ == "agent"]
        recipients.extend(c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    elif head.dep_ == "acl" and (head.tag_ == "VBN" or head.tag_ == "VBD" and head.head.dep_ in ("nsubj", "nsubjpass", "dobj") and not any(
            c.dep_ in ("nsubj", "aux", "dobj", "dative", "ccomp", "xcomp", "advcl") for c in head.children)) \
            and head.head.pos_ in ("NOUN", "PROPN"):
        # "three men convicted of espionage", "protesters arrested on Friday": the noun a participle qualifies
        # undergoes the event; who did it is only its by-agent (also where the tagger reads the participle as a past
        # tense: "an Israeli soldier shot in the stomach").
        recipients.append(head.head)
    elif (head.tag_ == "VBN" or head.tag_ == "VBD" and head.head.lemma_.lower() in _SMALL_CLAUSE_VERBS) and head.dep_ in (
            "ccomp", "oprd", "xcomp") and not any(c.dep_ in ("aux", "auxpass") for c in head.children):
        # ("they want Wilson charged with murder": the participle read as a past tense)
        # "saw thousands of Ndebele killed", "found him murdered": a participle's small-clause subject undergoes it.
        recipients.extend(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
    elif not passive and not actors:
        if any(c.dep_ == "auxpass" for c in head.children):
            # "Avenatti is to be sentenced", "expects to be released": the inherited subject undergoes the event.
            recipients.extend(_subjects(head))
        else:
            actors.extend(_subjects(head))
    if not actors and passive:
        # "was condemned in a joint statement by Egypt", "were killed amid artillery shelling by government forces": the
        # by-agent of the act in which it was done.
        actors.extend(g for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "through", "via", "amid", "during")
                      for n in c.children if n.dep_ == "pobj" and (n.pos_ == "NOUN" or n.tag_ == "VBG")
                      for b in n.children if b.dep_ == "prep" and b.lower_ == "by" for g in b.children if g.dep_ == "pobj")
    if not actors and passive and etype == "ASSAULT":
        # "30 fighters were killed in clashes with the Peshmerga": the other side of the fight is who killed them.
        actors.extend(g for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "amid")
                      for n in c.children if n.dep_ == "pobj" and n.lemma_.lower() in _FIGHT_NOUNS
                      for w in n.children if w.dep_ == "prep" and w.lower_ == "with" for g in w.children if g.dep_ == "pobj")
    if not actors and passive and etype in _MUTUAL:
        # "a memorandum was signed between Cyprus, Greece and Israel"
        actors, recipients = _parties(list(head.children), recipients, ("between",))
    if not actors and passive and head.dep_ == "xcomp":
        actors.extend(_subjects(head.head))
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in _FORCE_VERBS and etype in _SELF_ACTS:
        # "tried to force him to resign", "forced the rebels to retreat": the one made to step back is who steps back.
        made = [c for c in head.head.children if c.dep_ == "dobj" and eventgate.names_someone(c)]
        if made:
            actors, recipients = made, [r for r in recipients if r.i not in {m.i for m in made}]
    elif not recipients and head.dep_ == "xcomp" and head.head.lemma_.lower() in _CONTROL_VERBS:
        # "ordered the network to shut down": the one made to act undergoes it.
        recipients.extend(c for c in head.head.children if c.dep_ == "dobj" and eventgate.names_someone(c))
    if (not recipients and etype in _SPEECH_ACTS and head.dep_ == "advcl" and head.tag_ == "VBG"
            and head.head.lemma_.lower() in _WRITE_VERBS):
        # "wrote to the attorney general, demanding that the boy be returned": whom one wrote to is the one asked.
        recipients = _sent_to(head.head) + [c for c in head.head.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    if etype == "ACCUSE" and head.pos_ == "VERB" and head.lemma_.lower() in _ATTRIBUTE_VERBS:
        # "blamed the bombing on Houthi rebels", "attributed the attack to the PKK": whom the deed is laid on.
        recipients.extend(g for t in (head, *[c for c in head.children if c.dep_ == "dobj"]) for c in t.children
                          if c.dep_ == "prep" and c.lower_ in ("on", "to", "upon") for g in c.children
                          if g.dep_ == "pobj" and eventgate.names_someone(g) and g not in recipients)
    if etype == "ASSAULT" and head.pos_ == "VERB" and not any(c.dep_ in ("dobj", "nsubjpass") for c in head.children):
        # "killing up to 12 fighters hiding inside": the parser makes the killed the subject of a participle clause.
        recipients.extend(_participle_subjects(head))
    if etype == "ASSAULT" and head.pos_ == "VERB" and not any(eventgate.names_someone(r) and r.pos_ != "PRON" for r in recipients):
        # "bombed a house in Rafah, killing 12 fighters": whom the strike killed is whom it struck.
        for c in head.children:
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in _HARM_VERBS and not any(
                    g.dep_ in ("nsubj", "mark") for g in c.children):
                for v in [c, *(v for v in c.conjuncts if v.tag_ == "VBG" and v.lemma_.lower() in _HARM_VERBS)]:
                    recipients.extend(g for g in v.children if g.dep_ == "dobj" and eventgate.names_someone(g))  # "killing X and wounding Y"
                recipients.extend(_participle_subjects(c))
        # "30 militiamen were killed when Kurdish fighters attacked a security centre", "a policeman was killed when
        # assailants ... stabbed him": whom the attack killed, told in the clause it explains, is whom it struck.
        clause = head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        harmed = clause.head
        if (clause.dep_ == "advcl" and harmed.lemma_.lower() in _HARM_VERBS | _SUFFER_VERBS and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "after") for c in clause.children)):
            victims = _victims([harmed, *harmed.conjuncts])
            if victims:
                recipients = [r for r in recipients if r.pos_ != "PRON"] + victims
    envoys = [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in _ENVOYS]
    if etype == "SANCTION" and head.pos_ == "VERB" and envoys and head.lemma_.lower() in _RECALLS:
        # "recalled its ambassador to Beijing", "its envoy from China": the state the envoy leaves is the target,
        # not the envoy; none named, no target. (An envoy expelled stands for the state that sent him.)
        recipients = [g for t in (head, *envoys) for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "from", "in")
                      for g in c.children if g.dep_ == "pobj"]
    text = _carrier(head) if head.dep_ in ("acl", "pcomp") and head.tag_ == "VBG" else None
    if text is not None and (text.lemma_.lower() in _DECREES or etype in _SPEECH_ACTS):
        # "signed a government decree banning anyone wearing a niqab", "posted a message on Twitter blaming Iran": who
        # issued or sent the text acts by it, and whom a letter was sent to is asked ("sent a letter to Peru requesting").
        issued = text.head
        if text.dep_ == "dobj" and issued.pos_ == "VERB":
            actors = _subjects(issued)
            if etype in _SPEECH_ACTS and not any(eventgate.names_someone(_partitive(r)) for r in recipients):
                recipients = _sent_to(issued) + recipients
        elif text.dep_ == "nsubjpass" or text.dep_ == "pobj":
            actors = []
    if head.pos_ == "VERB" and any(r.tag_ == "NNS" and any(c.dep_ == "nummod" for c in r.children) for r in recipients):
        # "detained eight people for spreading rumours, including the doctor Li Wenliang": a person named among the
        # counted people it befell, though the parser hung "including" on another verb of the clause, is its recipient
        # too (but "officials pressured Trump not to commute ..., including LaHood" names officials).
        subjects = {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        named = [g for t in head.subtree if t.dep_ == "prep" and t.lower_ == "including" and t.i not in subjects
                 and t.head.i != head.i and t.head not in recipients and t.head.pos_ == "VERB"
                 for g in t.children if g.dep_ == "pobj" and any(x.ent_type_ == "PERSON" for x in g.subtree)]
        recipients = recipients + [g for n in named for g in (n, *n.conjuncts) if g not in recipients]
    if (not recipients and head.pos_ == "VERB" and head.tag_ in ("VBD", "VBN") and head.dep_ == "amod"
            and head.head.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in head.children)):
        # "McArthur murdered gay men", parsed as if "murdered" described the men: a verb with a subject of its own is
        # finite, and the noun it was hung on is its object.
        recipients = [head.head]
    if actors and head.pos_ == "VERB":
        # "had visited Yasser Arafat, along with nine other Brazilian deputies", "Macron, together with Merkel, met
        # Putin": whoever acts with the subject acts too.
        withs = [w for c in head.children if c.dep_ == "prep" and c.lower_ == "along" for w in c.children if w.dep_ == "prep" and w.lower_ == "with"]
        withs += [w for a in actors for w in a.children if w.dep_ == "prep" and w.lower_ == "with"
                  and any(m.lower_ in ("together", "along") for m in w.children if m.dep_ == "advmod")]
        actors = actors + [g for w in withs for g in w.children if g.dep_ == "pobj" and eventgate.names_someone(g) and g not in actors]
    if (head.tag_ in ("VBN", "VBD") and head.dep_ in ("advcl", "ccomp", "xcomp", "oprd") and head.head.lemma_.lower() in _RESULT_VERBS
            and any(c.dep_ == "nsubj" for c in head.head.children) and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in head.children)
            and (head.tag_ == "VBN" or not any(c.dep_ == "mark" for c in head.children))):
        # "the massacres saw thousands of Ndebele killed", "the raid left ten people wounded": a past participle after
        # its subject tells what the subject underwent; who did it is not said there (a form the tagger reads as a past
        # tense too: "the raids saw thousands of people detained").
        undergoers = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if undergoers:
            actors, recipients = [a for a in actors if a not in undergoers], recipients + [u for u in undergoers if u not in recipients]
    return actors, recipients


def _sent_to(verb) -> list:
    """The objects of a verb's "to" ("wrote to the attorney general", "sent a letter to Peru")."""
    return [g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]


def _carrier(participle):
    """The text a participle says what it does ("a decree banning ...", "a statement condemning ..."), also when the
    parser hung it on a place the text went out on ("a message on Twitter blaming ..."); None for anything else."""
    noun = participle.head.head if participle.dep_ == "pcomp" else participle.head
    if noun.lemma_.lower() in _DECREES | _MESSAGES:
        return noun
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.lemma_.lower() in _MESSAGES:
        return noun.head.head
    return None


def _root(sdoc, participant: EventActor):
    """The head word of a participant's words in the parse, or None when it has no place in the text."""
    span = sdoc.char_span(participant.start, participant.end, alignment_mode="expand") if participant.start is not None else None
    return span.root if span is not None and len(span) else None


def _nationals(participant: EventActor, sdoc) -> bool:
    """Whether a participant is a people named by its plural, as _a_people reads it ("Greeks", "thousands of Syrians"),
    or one the tagger left unlabelled ("Palauans", "Hongkongers")."""
    root = _root(sdoc, participant)
    if root is None or not root.text[:1].isupper():
        return False
    return _a_people(participant, sdoc) or root.tag_ in ("NNPS", "NNS") and root.ent_type_ not in ("ORG", "GPE", "FAC", "LOC") and (
        bool(participant.country) and (root.tag_ == "NNPS" or root.lower_.endswith("ers")) or root.lower_.endswith(("ans", "ese", "is")))


def _people_word(participant: EventActor, sdoc) -> bool:
    """Whether a participant is named by a people's word ("the Tunisians", "a Palestinian"): persons of a nation,
    not its state or its army."""
    root = _root(sdoc, participant)
    return root is not None and root.ent_type_ == "NORP" and root.pos_ in ("NOUN", "PROPN")


def _a_people(participant: EventActor, sdoc) -> bool:
    """Whether a participant is a people named by its plural ("Venezuelans", "Russians"): people who travel or
    migrate, not the state that visits."""
    root = _root(sdoc, participant)
    return root is not None and root.tag_ in ("NNPS", "NNS") and root.ent_type_ == "NORP"


# Nouns that count or group the acts a light verb makes ("launched hundreds of airstrikes", "a wave of arrests").
_COUNTS = {"hundred", "dozen", "thousand", "score", "series", "wave", "spate", "string", "number", "round", "barrage", "volley",
           "salvo", "flurry", "raft", "couple", "handful", "campaign"}


# Places a party holds, which an attack on them strikes ("attacked army positions", "an offensive against DPP strongholds").
_HOLDINGS = {"stronghold", "position", "base", "camp", "outpost", "headquarters", "checkpoint", "barracks", "post", "convoy",
             "garrison", "bastion", "enclave", "redoubt", "hideout", "hideouts", "installation", "facility", "office", "offices"}


def _holder(tok):
    """The party whose holding a word names ("army" in "army positions", "the DPP" in "DPP strongholds", "police" in
    "the country's police headquarters"), or the word itself when it names no holding or no holder."""
    if tok.lemma_.lower() not in _HOLDINGS and tok.lower_ not in _HOLDINGS:
        return tok

    def someone(c) -> bool:
        return c.ent_type_ in ("ORG", "NORP", "GPE") or c.pos_ in ("NOUN", "PROPN") and eventgate.names_someone(c)

    owners = [c for c in tok.children if c.dep_ in ("compound", "poss", "amod") and c.i < tok.i and someone(c)]
    # "raided its offices": the body the pronoun stands for
    owners = owners or [c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")]
    # "the offices of the authorities", "a training camp belonging to a Free Syrian Army force"
    owners = owners or [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj" and someone(g)]
    owners = owners or [g for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() == "belong" for p in c.children
                        if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj" and someone(g)]
    return owners[-1] if owners else tok


# Verbs of speaking about something, whose subject is not the doer of what is spoken of.
_COMMENTING = {"comment", "speak", "talk", "write", "report", "remark", "elaborate", "testify", "reflect", "brief", "tweet", "post"}
# What is done to victims, beside the verbs of harm: who underwent it in an attack suffered the attack.
_VICTIM_VERBS = {"burn", "shoot", "stab", "beat", "torture", "kidnap", "abduct", "behead", "execute", "rape", "lynch", "murder", "slay"}
# Participles that say on whom a measure is laid ("sanctions imposed on Iran").
_IMPOSING = {"place", "impose", "levy", "slap", "put", "lay", "enforce", "launch", "wage", "direct", "aim"}
# What force is used to do to a crowd.
_SCATTER = {"disperse", "scatter", "repel", "clear", "break", "push", "drive", "evict", "remove"}
# Verbs that are active only with an object: without one (and without an auxiliary), a headline's passive.
_ONLY_TRANSITIVE = {"accuse", "charge", "indict", "arrest", "detain", "jail", "imprison", "sentence", "convict", "expel", "deport",
                    "extradite", "sanction", "kidnap", "abduct", "execute", "summon", "ban"}


def _attempt_made(verb) -> bool:
    """Whether a verb of trying tells an attempt made or under way ("tried to", "were trying to", "has attempted to"),
    not one to come ("will try to", "plans to attempt")."""
    if verb.dep_ == "xcomp" or any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children):
        return False
    return verb.tag_ == "VBD" or verb.tag_ in ("VBG", "VBN") and any(
        c.dep_ == "aux" and c.lemma_.lower() in ("be", "have") for c in verb.children)


def _subject_start(verb) -> int | None:
    """The index of the first word of the subject of `verb`'s clause (None without a subject): the words just before it
    open the clause, whatever the parser hangs them on."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0].left_edge.i if subjects else None


def _claimed(verb, cues):
    """The noun of allegation or suspicion right before the clause of `verb` when the clause is its content with no
    "that" ("allegations Trump tried to pressure Ukraine", which the parser may hang anywhere), else None."""
    left = _subject_start(verb)
    if left is None or any(c.dep_ == "mark" for c in verb.children):
        return None
    before = verb.doc[left - 1] if left >= 1 else None
    if before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in cues["speculated"]["governors"] and before.i not in {
            t.i for t in verb.subtree}:
        return before
    return None


def _in_case(verb) -> list:
    """The words "in case" when they open the clause of `verb` ("stayed in the capital in case the rebels attacked"),
    however the parser hangs them (a preposition of the verb, the head of its clause, or a compound of its subject)."""
    left = _subject_start(verb)
    if left is None:
        return []
    doc = verb.doc
    if doc[left].lower_ == "case" and left >= 1 and doc[left - 1].lower_ == "in":
        return [doc[left - 1], doc[left]]
    if left >= 2 and doc[left - 1].lower_ == "case" and doc[left - 2].lower_ == "in":
        return [doc[left - 2], doc[left - 1]]
    return []


# Weapons of crowd control (docs/annotation.md: their use on a crowd is ASSAULT, crowd-control).
_CROWD_WEAPONS = {"gas", "teargas", "cannon", "baton", "truncheon", "bullet", "pellet", "spray", "grenade", "canister", "shot", "club"}


def _crowd_weapon(tok) -> bool:
    """Whether a word names a weapon of crowd control ("tear gas", "water cannon", "rubber bullets")."""
    return tok.lemma_.lower() in _CROWD_WEAPONS or tok.lower_ == "teargas"


def _with_weapons(verb) -> bool:
    """Whether a crowd is scattered with weapons of crowd control the sentence names: in the verb's own "with" phrase
    ("dispersed them with tear gas") or as what the clause it serves uses ("used tear gas in an attempt to disperse",
    "dropped tear gas to disperse the crowd")."""
    armed = _crowd_weapon
    if any(c.dep_ == "prep" and c.lower_ == "with" and any(armed(g) for g in c.children if g.dep_ == "pobj") for c in verb.children):
        return True
    tok = verb
    for _ in range(4):  # disperse <- (acl) attempt <- (pobj) in <- (prep) used
        if tok.dep_ not in ("advcl", "xcomp", "acl", "pobj", "prep") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ == "VERB":
            return any(armed(o) for c in tok.children if c.dep_ in ("dobj", "npadvmod") for o in (c, *c.conjuncts))
    return False


def _of_the_state(participant: EventActor, sdoc, kinds: dict) -> bool:
    """Whether a participant is the state or one of its arms: a state sector, a country standing for its state, or
    words for an arm of the state ("authorities", "officials", "the army", "riot police")."""
    if participant.sector in eventgate.STATE_SECTORS or kinds.get(participant.actor_id) == "country" and not _a_people(participant, sdoc):
        return True
    if any(w in participant.text.lower() for w in ("authorit", "official", "police", "government", "ministry")):
        return True
    root = _root(sdoc, participant)
    return root is not None and root.pos_ == "NOUN" and eventgate.role_sectors().get(root.lemma_.lower()) in eventgate.STATE_SECTORS


def _names_the_place(head, sdoc, participant: EventActor, etype: str = "") -> bool:
    """Whether a town before an event noun says where it happened ("the Stockholm riots", "the Kabul bombing"), not
    who did it: a town stands for its government only where it acts ("Moscow said")."""
    tok = _token_at(sdoc, participant.end - 1) if participant.end else None
    if tok is not None and tok.lower_ in ("'s", "’s") and tok.i > 0:
        tok = tok.doc[tok.i - 1]
    if tok is not None and tok.dep_ == "poss" and etype == "PROTEST" and (tok.head.i == head.i or head.dep_ == "compound" and head.head.i == tok.head.i):
        return True  # "Amman's annual march", "Rio de Janeiro's student protest movement": a town's protest is held there (but "Kiev's offensive" is the state's)
    if tok is None or tok.dep_ != "compound" or tok.head.pos_ != "NOUN":
        return False
    # (and "the Kabul bombing killed 20 people": the town of the attack that killed them; "16 police killed in the
    # Helmand battle": the province of the battle they fell in)
    return tok.head.i == head.i or tok.head.dep_ == "nsubj" and tok.head.head.i == head.i or (
        tok.head.dep_ == "pobj" and tok.head.head.head.i == head.i and tok.head.lemma_.lower() in _FIGHTING | _BATTLES)


# Nouns of fighting, which stopping makes a ceasefire.
_FIGHTING = {"attack", "fighting", "offensive", "hostility", "strike", "airstrike", "shelling", "raid", "bombing", "bombardment",
             "assault", "combat", "violence"}
# Nouns of answering: what they answer had happened ("in retaliation for the attack", "a response to the air strikes").
_ANSWERS = {"response", "retaliation", "reaction", "reply", "revenge", "answer", "reprisal"}
# Words that make a strike a walkout wherever they stand in its sentence.
_LABOUR_WORDS = {"worker", "union", "employee", "staff", "labour", "labor", "wage", "pay", "salary", "walkout", "miner", "teacher",
                 "nurse", "doctor", "driver", "docker", "picket", "employer", "workforce"}
# Claims and words that can be taken back: withdrawing one concedes.
_CLAIMS_WITHDRAWN = {"condemnation", "criticism", "complaint", "objection", "accusation", "allegation", "charge", "lawsuit", "suit",
                     "claim", "demand", "veto", "threat", "ultimatum", "protest", "opposition", "reservation"}
# Who speaks for a state: their protest is a diplomatic one.
_DIPLOMATS = {"government", "ministry", "embassy", "minister", "president", "premier", "spokesman", "spokeswoman", "spokesperson",
              "ambassador", "envoy", "diplomat", "official", "administration", "kremlin", "chancellor", "country", "nation"}
# Words for armed forces, whose surrender in war is a retreat.
_ARMED = _FORCES | {"fighter", "militant", "rebel", "insurgent", "guerrilla", "troop", "soldier", "commander", "unit", "battalion",
                    "brigade", "garrison", "division", "regiment", "militiaman", "jihadist"}


def _armed_force(participant: EventActor, sdoc, kinds: dict) -> bool:
    """Whether a participant is an armed force: a state, a military or rebel sector, or words for fighters."""
    if kinds.get(participant.actor_id) == "country" or participant.sector in ("MIL", "REB"):
        return True
    root = _root(sdoc, participant)
    return root is not None and root.lemma_.lower() in _ARMED


# Verbs and nouns that end what they take ("ended its support", "an end to the aid").
_ENDING = {"end", "halt", "stop", "terminate", "cease", "discontinue", "withdraw", "cut", "freeze", "scrap", "abandon"}
# Verbs that stop something for good or for a while.
_STOPPING = _ENDING | {"suspend", "pause"}
# Nouns for an end put to something ("an end to the fighting", "bring an end to").
_END_NOUNS = {"end", "halt", "stop", "cessation"}


# Words for protests, which the state may stop ("suspended a sit-in", "halted the march").
_PROTEST_WORDS = {"protest", "sit", "sit-in", "rally", "march", "demonstration", "vigil", "strike", "walkout", "blockade", "boycott", "occupation"}


# What someone decided, which one agrees with by approving it.
_DECISIONS = {"decision", "move", "ruling", "verdict", "step", "choice", "policy", "measure", "action", "initiative"}


def _met_with_weapons(meet) -> bool:
    """Whether a meeting is a crowd met with force: weapons of crowd control in its "with" phrase, or used by its agent
    ("were met by riot police using tear gas", "met by police firing rubber bullets")."""
    def armed(tok) -> bool:
        return _crowd_weapon(tok) or any(_crowd_weapon(k) for k in tok.conjuncts)
    for c in meet.children:
        if c.dep_ == "prep" and c.lower_ == "with" and any(armed(g) for g in c.children if g.dep_ == "pobj"):
            return True
        if c.dep_ == "advcl" and c.tag_ == "VBG" and any(o.dep_ == "dobj" and armed(o) for o in c.children):
            return True  # (the parser hangs "using tear gas" on the verb)
        if c.dep_ == "agent":
            for g in c.children:
                if any(v.dep_ in ("acl", "relcl") and any(o.dep_ == "dobj" and armed(o) for o in v.children) for v in g.children):
                    return True
                if any(p.dep_ == "prep" and p.lower_ == "with" and any(armed(o) for o in p.children) for p in g.children):
                    return True
    return False


# Who enforces the law: a surrender to them gives oneself up to justice.
_THE_LAW = {"police", "policeman", "policemen", "authority", "authorities", "court", "prosecutor", "prosecutors", "sheriff",
            "marshal", "marshals", "fbi", "interpol"}


def _to_the_law(verb) -> bool:
    """Whether a surrender is made to the police or the judicial authorities ("surrendered to the police")."""
    return any(g.dep_ == "pobj" and g.lemma_.lower() in _THE_LAW for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
               for g in c.children)


# Verbs that bring someone to a talk: their object is whom the talk is with.
_CALL_IN = {"call", "phone", "telephone", "ring", "invite", "summon", "meet", "visit", "host", "receive"}


def _looked_into(head) -> list:
    """Who an inquiry is into: the object of "into" on the inquiry or on the verb that opens it ("opened investigations
    into hundreds of banks", however the parser hangs it), or the subject of an into-whether clause ("into whether the
    bank helped ...")."""
    holders = [head] + ([head.head] if head.dep_ in ("dobj", "nsubjpass") else [])
    out = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ != "into":
                continue
            for g in prep.children:
                if g.dep_ == "pobj":
                    out.append(g)
                elif g.dep_ == "pcomp":
                    out.extend(c for c in g.children if c.dep_ in ("nsubj", "nsubjpass"))
    # (an inquiry into a thing, "into the legality of techniques used against detainees", "into an allegation by the
    # LPC", looks into no one it names)
    return [t for t in out if eventgate.names_someone(t)]


def _subjects_own(noun, verb) -> bool:
    """Whether a noun is its verb's subject's own, by a possessive pronoun ("Pakistan summoned the envoy to its foreign
    ministry"; "Kim invited Moon to his residence")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
    owner = next((c.lower_ for c in noun.children if c.dep_ == "poss"), None)
    if subject is None or owner is None:
        return False
    plural = subject.tag_ in ("NNS", "NNPS")
    person = subject.ent_type_ == "PERSON"
    return (owner == "its" and not plural and not person or owner == "their" and plural
            or owner in ("his", "her") and not plural and (person or subject.pos_ == "NOUN"))


def _own_deed_claimed(claim, clause) -> bool:
    """Whether a claim's content is the claimant's own deed: "claimed to have killed", "UNITA claimed that they had
    attacked the air base" (but "Russia claimed that Ukrainian forces attacked" alleges another's)."""
    if clause.dep_ == "xcomp":
        return True
    if clause.dep_ != "ccomp":
        return False
    claimants = [c for c in claim.children if c.dep_ == "nsubj"]
    doers = [c for c in clause.children if c.dep_ == "nsubj"]
    return bool(claimants and doers) and (doers[0].lower_ in _PRONOUNS or doers[0].lower_ == claimants[0].lower_)


def _refused(verb) -> bool:
    """Whether a verb says what someone will not do: "will not negotiate", "would not accept", "won't meet" (but not a
    hope or a forecast in a clause of its own: "talks will not resume before May" has no one refusing). Not accepting
    is declining in any tense ("the union did not accept the offer"), but not being unable to ("could not accept") or
    not yet having done so. "It" refuses when the verb is one only someone can do ("Hungary says it will not accept
    returned asylum seekers"); otherwise it may be a thing ("it will not meet the deadline")."""
    lemma = verb.lemma_.lower()
    auxes = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
    return any(c.dep_ == "neg" for c in verb.children) and (
        auxes & {"will", "would"} or lemma == "accept" and not auxes & {"can", "could", "be"}) and any(
        c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON", "NOUN") and (c.lower_ not in ("it", "this", "that") or lemma in _ONLY_SOMEONE)
        for c in verb.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("before", "until") or c.lower_ == "yet" for c in verb.children)


# Verbs of meeting and agreeing that only someone does: their "it" is a state or a body, not a thing.
_ONLY_SOMEONE = {"accept", "agree", "negotiate", "recognize", "recognise", "sign"}


# Bodies a complaint is lodged with, besides named ones.
_COMPLAINED_TO = {"government", "embassy", "ministry", "authorities", "council", "envoy", "ambassador", "commission", "court",
                  "tribunal", "organization", "body", "mission", "consulate"}


def _protest_lodged(head) -> bool:
    """Whether a protest trigger is a complaint made to someone ("protested to the United Nations", "lodged a strong
    protest with Beijing"), not a demonstration."""
    def addressee(prep) -> bool:
        return any(g.dep_ == "pobj" and (g.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or g.lemma_.lower() in _COMPLAINED_TO)
                   for g in prep.children)
    if head.lemma_.lower() != "protest":
        return False
    if head.pos_ == "VERB":
        return any(c.dep_ == "prep" and c.lower_ == "to" and addressee(c) for c in head.children)
    lodged = head.dep_ == "dobj" and head.head.lemma_.lower() in ("lodge", "file", "deliver", "submit", "register", "send", "issue")
    return lodged or any(c.dep_ == "prep" and c.lower_ in ("to", "with") and addressee(c)
                         for c in (*head.children, *(head.head.children if lodged else ())))


# What a speaker calls his own side by ("his country needs to strengthen its defences": the speaker's own course).
_OWN_BODIES = {"country", "government", "nation", "state", "people", "party", "side", "army", "administration", "city", "region"}


def _own_body(noun) -> bool:
    return noun.lemma_.lower() in _OWN_BODIES and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their", "our", "my") for c in noun.children)


def _crowd_weapons_used(verb) -> list:
    """The people a verb of sending puts crowd-control weapons to use on: its object is tear gas, water cannon, rubber
    bullets or stun grenades, and a purpose clause or an "on"/"at"/"against" phrase names whom they are for
    ("deployed tear-gas to prevent protesters from reaching a rally"; none in "deployed water cannons to the square")."""
    def weapon(noun) -> bool:
        words = [t for t in noun.subtree if t.i <= noun.i] + list(noun.conjuncts)
        return any(_crowd_weapon(t) and t.lemma_.lower() not in ("shot", "club", "grenade") or t.lemma_.lower() == "grenade" and any(
            c.lemma_.lower() in ("stun", "sound", "smoke", "flash", "tear") for c in t.children) for t in words)

    if not any(c.dep_ == "dobj" and weapon(c) for c in verb.children):
        return []
    aimed = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against") for g in c.children if g.dep_ == "pobj"]
    aimed += [g for c in verb.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "dobj"]
    return [g for g in aimed if eventgate.names_someone(eventgate._counted(g))]


def _fighting(noun) -> bool:
    """Whether a noun names fighting: an attack, a raid, or a strike made with arms ("air strikes", not a walkout)."""
    lemma = noun.lemma_.lower()
    return lemma in _FIGHTING and (lemma != "strike" or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in _FORCE_WORDS | {"aerial", "airstrike"} for c in noun.children))


def _held_alone(noun) -> bool:
    """Whether an exercise is held by one side alone: not joint, with no partner named ("with", "between") on it or on
    the verb that holds it, and that verb's subject one party ("China and Russia held exercises" is joint)."""
    if any(c.lower_ in ("joint", "combined", "multinational", "bilateral", "trilateral") for c in noun.subtree):
        return False
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    for t in (noun, verb) if verb is not None else (noun,):
        if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "alongside") for c in t.children):
            return False
    subjects = [c for c in (verb.children if verb is not None else ()) if c.dep_ in ("nsubj", "nsubjpass")]
    # ("the two countries held exercises": parties in the plural)
    return not any(s.conjuncts or s.tag_ == "NNS" and s.lemma_.lower() in _PARTY_PLURALS for s in subjects)


# What a crowd burns as protest, harming no one.
_PROTEST_FIRES = {"tire", "tyre", "effigy", "flag", "rubbish", "trash", "garbage", "bin", "barricade", "banner", "poster", "portrait"}
_PARTY_PLURALS = {"country", "nation", "ally", "state", "navy", "government", "partner", "member", "side"}


def _ended(noun) -> bool:
    """Whether a noun is what a verb of ending ends ("ended its support") or what an end is put to ("an end to X's support")."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in _ENDING:
        return True
    return noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN" and (
        noun.head.lower_ == "to" and noun.head.head.lemma_.lower() in _END_NOUNS
        or noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ("suspension", "cessation", "halt", "end"))  # "a suspension of attacks"


def _in_money(noun) -> bool:
    """Whether a noun's clause counts it in money: a sum in the subtree of the verb that takes it ("increased its
    support for Guinea to 100 million euros", "support worth $5 million")."""
    scope = noun.head if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB" else noun
    currency = eventgate._lexicon()["currency"]
    return any(t.ent_type_ == "MONEY" or t.lemma_.lower() in currency for t in scope.subtree)


def _private_people(participant: EventActor, sdoc, kinds: dict) -> bool:
    """Whether a participant is private people by the noun that names them ("residents", "migrants", "workers"): not
    a state, an office, an organisation or a named person."""
    if participant.actor_id is not None and kinds.get(participant.actor_id) != "group" or participant.sector in eventgate.STATE_SECTORS:
        return False
    root = _root(sdoc, participant)
    if root is None or root.pos_ != "NOUN":
        return False
    head = root.lemma_.lower()
    sector = eventgate.role_sectors().get(head) or _PEOPLE.get(head)
    return sector is not None and sector not in eventgate.STATE_SECTORS | {"IGO", "NGO"}


def _ends_harm(vow) -> bool:
    """Whether what a vow promises is to end harm: a verb of ending, or an end put to something ("vowed to bring an
    end to the fighting", "pledged to stop the violence")."""
    for c in vow.children:
        if c.dep_ in ("xcomp", "ccomp") and (c.lemma_.lower() in _ENDING or any(
                g.dep_ == "dobj" and g.lemma_.lower() in _END_NOUNS for g in c.children)):
            return True
    return False


def _shared_frame(verb) -> bool:
    """Whether a verb joined to another shares that one's place in a larger clause ("demanded that the US investigate
    and prosecute them", "agreed to release the prisoners and withdraw"): both verbs, no subject of its own, and the
    first embedded as a complement."""
    first = verb.head
    base = {"VB", "VBP"}  # (the tagger reads a subjunctive as VBP: "demanded that the US investigate")
    return (verb.pos_ == "VERB" and first.pos_ == "VERB" and first.dep_ in ("ccomp", "xcomp")
            and (verb.tag_ == first.tag_ or verb.tag_ in base and first.tag_ in base)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children))  # ("refused to arrest him and released him": not)


def _purpose(verb) -> bool:
    """Whether a verb is a bare infinitive of purpose hung on another verb ("move quickly to prosecute them"), with no
    subject or conjunction of its own."""
    return verb.dep_ == "advcl" and _bare_infinitive(verb)


# People who side with someone without being them ("supporters of the government").
_FOLLOWERS = {"supporter", "follower", "loyalist", "sympathizer", "sympathiser", "backer", "fan", "voter", "admirer", "partisan",
              "opponent", "critic", "foe", "enemy", "adversary", "detractor"}
# Bodies that are not the state, which a country word before them only places ("a Kenya NGO", "a Kenyan party").
_PRIVATE_BODIES = {"ngo", "ngos", "charity", "company", "firm", "union", "association", "party", "organisation",
                   "organization", "newspaper", "broadcaster", "movement", "foundation", "institute", "university", "church", "club"}


def _counter(noun):
    """The noun that stands in a light verb's place for an act it counts: "hundreds" in "launched hundreds of
    airstrikes"; the noun itself when nothing counts it (the inverse of eventgate._counted, which finds the counted noun)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _COUNTS and noun.head.head.pos_ in ("NOUN", "NUM"):
        return noun.head.head
    return noun


def _light(verb) -> bool:
    """Whether a verb is a light verb, by its lemma or, where the lemmatiser errs ("staged" -> "stag"), by its form."""
    return verb.lemma_.lower() in _LIGHT_VERBS or verb.lower_ in _LIGHT_FORMS


def _between(tok) -> bool:
    """Whether a participant is one of the sides a "between" phrase names ("killed in clashes between Serb police
    and ethnic Albanians")."""
    if tok is None:
        return False
    while tok.dep_ in ("conj", "compound", "amod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "between"


# Parts of a place: a town whose parts a sentence names is where something happened, not who underwent it.
_AREAS = {"neighborhood", "neighbourhood", "street", "area", "district", "part", "suburb", "outskirts", "quarter", "territory",
          "square", "road", "centre", "center"}


def _area_of(tok) -> bool:
    """Whether a word names the place a part of which a phrase names ("the outskirts of Jerusalem")."""
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
        tok.head.head.lemma_.lower() in _AREAS or tok.head.head.lower_ in _AREAS)  # (the lemmatiser's "outskirt")


def _owns_area(sdoc, participant: EventActor) -> bool:
    """Whether a place participant is named as the whole a part of which is meant ("Jerusalem's Arab neighborhoods",
    "the streets of the capital Bratislava", "large areas of the West Bank")."""
    tok = _root(sdoc, participant)
    if tok is None:
        return False
    while tok.dep_ == "appos" and tok.head.i != tok.i and tok.head.lemma_.lower() in _PLACE_NOUNS:
        tok = tok.head  # "the capital Bratislava"
    if tok.dep_ == "poss":
        return tok.head.lemma_.lower() in _AREAS or tok.head.lower_ in _AREAS
    return _area_of(tok)


def _of_trigger(sdoc, participant: EventActor, tokens) -> bool:
    """Whether a participant is the of-object of a word inside a several-word trigger ("the streets of San Francisco"
    in "took to the streets of San Francisco")."""
    tok = _token_at(sdoc, participant.start) if participant.start is not None else None
    if tok is None or len(tokens) < 2:
        return False
    while tok.dep_ in ("compound", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i in {t.i for t in tokens}


# Who occupies a building or a square in protest.
_OCCUPIERS = {"protester", "protestor", "demonstrator", "activist", "student", "worker", "striker", "crowd", "supporter", "youth"}


def _made_with(noun, etype: str) -> bool:
    """Whether an act a light verb makes is made with another party, whom a "with" phrase names: a ceasefire, a truce,
    an agreement, talks ("signed a cease-fire with the government of Malawi", "held talks with Iran")."""
    return etype in _MUTUAL or etype == "RETREAT" and (noun.lemma_.lower() in ("ceasefire", "truce", "armistice")
                                                       or "cease" in noun.doc[noun.left_edge.i:noun.i].text.lower())


def _passive_aside(verb) -> bool:
    """Whether a verb is a past participle standing alone beside its clause, with no subject, auxiliary or
    conjunction of its own ("was arrested, accused of drug trafficking", "Charged with fraud, he resigned")."""
    # (and with a conjunction of condition or time: "faces ten years in prison if convicted": he would be convicted)
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") or c.dep_ == "mark" and c.lower_ not in _REDUCED_MARKS for c in verb.children)


# Conjunctions that open an adverbial clause with an act of its own, never the content of the clause above it.
_CLAUSE_MARKS = {"while", "whereas", "although", "though", "because", "since", "after", "before", "when", "as", "until", "once"}
# Conjunctions that may stand before a past participle with its subject and auxiliary left out ("if convicted").
_REDUCED_MARKS = {"if", "unless", "once", "when", "whether", "until", "after", "before", "while", "though", "although"}


def _mediated_sides(head) -> list:
    """The sides a mediation names: those of a "between" phrase on the verb ("mediated between Japan and Russia") or
    anywhere in what it mediates, outside clauses of its own ("brokered a ceasefire between the army and the rebels",
    "mediated an end to the conflict between Israel and Egypt")."""
    def walk(tok):
        for c in tok.children:
            if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj", "appos"):
                continue
            if c.dep_ == "prep" and c.lower_ == "between":
                return [t for g in c.children if g.dep_ == "pobj" for t in (g, *g.conjuncts) if eventgate.names_someone(t)]
            found = walk(c) if c.dep_ in ("dobj", "prep", "pobj", "compound", "amod") else []
            if found:
                return found
        return []
    return walk(head)


def _parties(children, recipients: list, preps: tuple[str, ...]) -> tuple[list, list]:
    """For a mutual act, the parties its "between" (or a noun's "of") phrase names: the first acts, the others receive.
    Only parties that name someone ("a meeting of the board" is one); ([], recipients) when there are none."""
    for c in children:
        if c.dep_ == "prep" and c.lower_ in preps:
            named = [g for g in c.children if g.dep_ == "pobj" and eventgate.names_someone(g)]
            if named:
                first = named[0]
                rest = [r for r in recipients if r.i != first.i]
                return [first], rest + [g for g in first.conjuncts if g.i > first.i and g not in rest]
    return [], recipients


# Nouns whose of-object is what someone undergoes ("the target of an attack").
_UNDERGOER_NOUNS = {"target", "victim", "subject", "object", "focus"}


_HELD = {"custody", "detention", "jail", "prison"}  # where one is held: its subject ("X is in custody") undergoes it


# Attacks one may have been "in" as one of those struck (a battle or a clash has two sides in it).
_STRUCK_IN = {"shooting", "attack", "bombing", "blast", "explosion", "ambush", "massacre", "raid", "airstrike", "stabbing"}


def _undergoer_frame(prep) -> bool:
    """Whether a noun trigger's preposition makes the clause's subject undergo it: "under (sanctions)", or "of"
    after "target", "victim" or "subject" said of someone ("was the target of an attack")."""
    if prep.dep_ != "prep":
        return False
    if prep.lower_ == "under" or prep.lower_ in ("in", "into") and any(g.dep_ == "pobj" and g.lemma_.lower() in _HELD for g in prep.children):
        # "is in custody", "remain in detention", "held him in custody", "took 17 people into custody"
        return prep.head.pos_ in ("VERB", "AUX")
    if prep.lower_ == "in" and prep.head.lemma_.lower() == "be" and any(g.dep_ == "pobj" and g.lemma_.lower() in _STRUCK_IN for g in prep.children):
        return True  # "people who were in a school shooting", "was in the bombing": there when it struck, not its doer
    frame = prep.head
    return (prep.lower_ == "of" and frame.lemma_.lower() in _UNDERGOER_NOUNS and frame.dep_ in ("attr", "dobj", "oprd")
            and frame.head.pos_ in ("VERB", "AUX"))


def _place_country(participant: EventActor, ctx: _Context, sdoc=None) -> EventActor:
    """A participant without a country takes that of the places named inside it ("Darfur rebels", "a Gaza family");
    but a person's name the gazetteer also reads as a place ("Tom", a Siberian river) names no country."""
    if participant.country or participant.start is None:
        return participant
    root = _root(sdoc, participant) if sdoc is not None else None
    if root is not None and _other_party(root):
        return participant  # "a fellow US ally": not the United States'
    if root is not None:
        # "The bomber, Ahmad Salem, from a village near Nablus": the place one is said to come from
        # (one person: "troops from Lebanon" may be leaving it)
        nouns = [root, *(c for c in root.children if c.dep_ == "appos")] + ([root.head] if root.dep_ == "appos" else [])
        one = any(n.ent_type_ == "PERSON" for n in nouns) or root.tag_ == "NN"
        origins = [g for n in nouns if one for c in n.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.subtree]
        codes = {p.country3 for t in origins for _, _, p in ctx.place_mentions_between(t.idx, t.idx + len(t)) if p.country3}
        if len(codes) == 1:
            return participant.model_copy(update={"country": codes.pop()})
    if root is not None and root.ent_type_ == "PERSON":
        return participant
    text = _doc_text(sdoc) if sdoc is not None else None
    codes = {p.country3 for s, e, p in ctx.place_mentions_between(participant.start, participant.end)
             if p.country3 and not (text is not None and text[s:e].lower() in _STATELESS_PEOPLES)}
    return participant.model_copy(update={"country": codes.pop()}) if len(codes) == 1 else participant


# Peoples of several states: "Kurdish fighters" may be Syrian, Iraqi, Turkish or Iranian; the words name no one country
# (the place where they act or the story's setting may, later).
_STATELESS_PEOPLES = {"kurdish", "kurd", "kurds", "tamil", "tamils", "basque", "basques", "baloch", "balochi", "baluch", "pashtun",
                      "pashtuns", "berber", "berbers", "amazigh", "uyghur", "uighur", "uyghurs", "rohingya", "sahrawi", "druze",
                      "yazidi", "yezidi", "assyrian", "turkmen", "arab", "arabs", "hmong", "roma"}


def _setting(doc: Document, ctx: _Context) -> str | None:
    """The country an article is set in (ISO alpha-3), when it is plain: that of its dateline ("MANILA,
    Philippines -"), else the country of most of its place mentions, when it has two or more, at least half of
    them and twice as many as the next one."""
    if ctx.datelines and ctx.datelines[0][0] < 200:
        start, end = ctx.datelines[0]
        codes = {p.country3 for p in ctx.places_between(start, end) if p.country3}
        if len(codes) == 1:
            return codes.pop()
    counts = Counter(p.country3 for _, _, p in ctx.places if p.country3 and p.level != "inferred")
    ranked = counts.most_common(2)
    if not ranked:
        return None
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n * 2 >= sum(counts.values()) and n >= 2 * second else None


# Participants that are no one country's: "neighbouring countries", "the international community", "world leaders".
_STATELESS_WORDS = {"country", "nation", "state", "world", "international", "foreign", "global", "community", "ally", "member",
                    "un", "united", "european", "western", "arab", "african", "asian", "diplomat", "embassy", "envoy", "ambassador",
                    "tourist", "migrant", "refugee", "visitor", "foreigner", "expatriate", "exile", "immigrant",
                    "peacekeeper", "peacekeeping"}
# Types done on the ground: their unnamed doers and targets are where the event happened.
_ON_THE_GROUND = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID"}


def _local_countries(events: list[Event], setting: str | None, ctx: _Context, sdoc) -> list[Event]:
    """Participants that name no country ("police", "the government", "protesters", "James Lee") take the country
    where they act: that of the event's place for what is done on the ground ("police arrested him in Miami"), else
    the country the article is set in, else (a story of two countries) the one country its sentence and the one
    before it name places in. Annotators and readers code them so ("police" in a story set in Leeds: GBR); a
    participant that may be anyone's ("neighbouring countries", "foreign diplomats") keeps none."""
    out = []
    for event in events:
        event = _shared_modifier_country(event, sdoc)
        local = event.location.country if event.type in _ON_THE_GROUND and event.location is not None else None
        local = _alpha3(local) if local else setting
        # Near the sentence, a role or a group is mostly of the country named there; a person by name is as often a
        # foreigner the story is about (a Cuban father's letter to Washington).
        nearby = _nearby_country(event, ctx, sdoc) if local is None else None
        if local is None and nearby is None:
            out.append(event)
            continue
        roles = []
        for role in (event.actors, event.recipients):
            roles.append([p.model_copy(update={"country": local or nearby}) if p.country is None and not _stateless(p) and (
                local or not _named_person(p, sdoc, ctx.kinds)) else p for p in role])
        out.append(event if roles == [event.actors, event.recipients] else event.model_copy(update={"actors": roles[0], "recipients": roles[1]}))
    return out


# What a state does to its own country or people as well as to others: "imposed a curfew in Cizre", "banned Ugandan
# candidates" (PLOVER aims them at the country); _without_own_state leaves their recipients alone.
_DONE_AT_HOME = _IMPOSED | _HOSTILE | {"THREATEN", "MOBILIZE"}


def _without_own_state(actors: list[EventActor], recipients: list[EventActor], kinds: dict, ctx: _Context, sdoc) -> list[EventActor]:
    """The recipients but the actors' own state: "Goencz signed Budapest's accession document", "Cerar said Slovenia
    had to endorse the statement". A state's own officials (their country given by the text or the knowledge base,
    not guessed for a bare role) acting for it do not act on the state or its capital; its people ("urged Iraqis")
    are still addressed, its government named as such may be criticised by its own politicians, and an opposition
    figure may accuse the state."""
    if not actors or not all(a.country and a.actor_id and not a.actor_id.startswith("role:")
                             and (a.sector in eventgate.STATE_SECTORS or kinds.get(a.actor_id) == "country") for a in actors):
        return recipients
    own = {a.country for a in actors}
    if len(own) != 1:
        return recipients
    return [r for r in recipients if not (r.country in own and not _nationality(r, sdoc) and (
        kinds.get(r.actor_id) == "country" or any(p.level == "city" for p in ctx.places_between(r.start, r.end))))]


def _nationality(p: EventActor, sdoc) -> bool:
    """Whether a participant is named by a nationality word ("Iraqis", "Ugandan" of "Ugandan opposition candidates"):
    people of a nation, not its state."""
    root = _root(sdoc, p)
    return root is not None and root.ent_type_ == "NORP"


def _named_person(p: EventActor, sdoc, kinds: dict) -> bool:
    """Whether a participant is a person named by name ("Gonzalez", "Juan Miguel"), not by a role."""
    if kinds.get(p.actor_id or "") == "person":
        return True
    root = _root(sdoc, p)
    return root is not None and (root.ent_type_ == "PERSON" or root.pos_ == "PROPN" and not root.ent_type_)


def _shared_modifier_country(event: Event, sdoc) -> Event:
    """A bare noun joined to a participant whose modifier names its country shares that modifier: "commends the
    Lebanese government and people" (the Lebanese people), "Iraqi soldiers and police"."""
    if sdoc is None:
        return event
    roles = []
    for role in (event.actors, event.recipients):
        updated = []
        for p in role:
            tok = _token_at(sdoc, p.start) if p.country is None and p.start is not None else None
            head = tok.head if tok is not None and tok.dep_ == "conj" and tok.head.i < tok.i and tok.pos_ == "NOUN" else None
            if head is not None and p.end is not None and p.end <= tok.idx + len(tok) + 1 and not any(
                    c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in tok.children):
                owner = next((o for o in role if o.country and o.start is not None and o.end is not None
                              and o.start <= head.idx < o.end and any(c.dep_ in ("amod", "compound") and c.i < head.i and c.idx >= o.start
                                                                       for c in head.children)), None)
                if owner is not None:
                    p = p.model_copy(update={"country": owner.country})
            updated.append(p)
        roles.append(updated)
    if roles == [event.actors, event.recipients]:
        return event
    return event.model_copy(update={"actors": roles[0], "recipients": roles[1]})


def _nearby_country(event: Event, ctx: _Context, sdoc) -> str | None:
    """The one country the places of an event's sentence and of the sentence before it belong to, if one."""
    tok = _token_at(sdoc, event.evidence.start)
    if tok is None:
        return None
    sent = tok.sent
    begin = sdoc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    codes = {p.country3 for p in ctx.places_between(begin, sent.end_char) if p.country3 and p.level != "inferred"}
    return codes.pop() if len(codes) == 1 else None


# Acts of arms: a state that does them acts through its military.
_ARMED_ACTS = {"ASSAULT", "MOBILIZE"}


def _sectors(events: list[Event], sdoc, kinds: dict) -> list[Event]:
    """Participants with no sector take the one their words tell: a country standing for its state is its
    government ("Russia said": GOV), or its military where it fights or deploys (MIL), as PLOVER and the gold code
    it; a plain noun phrase takes the sector of its head role ("the government": GOV, "government forces": MIL,
    "residents": CVL) from actors-roles.tsv."""
    roles = eventgate.role_sectors()
    defendants, charged = _defendants(events, sdoc, kinds)
    out = []
    for event in events:
        updated = []
        for role in (event.actors, event.recipients):
            new = []
            for p in role:
                sector = p.sector
                if sector is None and kinds.get(p.actor_id or "") == "country" and not _people_word(p, sdoc):
                    sector = "MIL" if event.type in _ARMED_ACTS else "GOV"
                elif (sector is None or kinds.get(p.actor_id or "") in ("person", None) and sector not in ("CRM", "JUD", "COP")) and (
                        _person_key(p, sdoc, kinds) in defendants or p in charged.get(event.id, ())):
                    # (a defendant is CRM whatever office he holds or held: "the former president, Joseph Chojnacki,
                    # pleaded guilty", "Rod Blagojevich, the former governor", as the guide and the gold code them)
                    sector = "CRM"
                elif sector is None and (p.actor_id is None or kinds.get(p.actor_id) == "organization"):
                    root = _root(sdoc, p)  # (an organisation the knowledge base does not know has no sector of its own)
                    head = root.lemma_.lower() if root is not None else ""
                    phrase = eventgate.role_phrase_sectors().get(f"{sdoc[root.i - 1].lower_} {head}") if (
                        root is not None and root.i > 0 and sdoc[root.i - 1].idx >= p.start) else None
                    if phrase:
                        sector = phrase  # "the Director General": the title of two words, not "General" alone
                    elif root is not None and root.pos_ == "NOUN":
                        sector = _qualified_sector(root, roles.get(head) or _BODIES.get(head) or _PEOPLE.get(head))
                    elif root is not None and root.pos_ == "PROPN" and not root.ent_type_ and (
                            plain := sorted(eventgate.plain_forms(root.lower_) & set(roles))):
                        sector = roles[plain[0]]  # "(AFP) -- Gunmen abducted ...": a plain noun tagged as a name
                    elif root is not None and (eventgate.those_who(root) or eventgate.the_people(root)):
                        sector = _qualified_sector(root, "CVL")  # "those under 19", "anyone wearing a niqab", "the affected"
                    elif root is not None and root.pos_ == "PROPN" and (roles.get(head) in _NAMED_SECTORS or head in _NAMED_BODIES):
                        # A body's own name ending in what it is: "the Philippine Sports Commission", "the U.K.
                        # Foreign and Commonwealth Office", "the Brooklyn District Attorney".
                        sector = roles.get(head) if roles.get(head) in _NAMED_SECTORS else _NAMED_BODIES[head]
                if sector in eventgate.STATE_SECTORS and kinds.get(p.actor_id or "") == "person" and _former(sdoc, p):
                    sector = None  # "former premier Matteo Renzi lauded ...": no office now (the guide), whatever he once held
                if event.type == "PROTEST" and role is event.actors and sector in (None, "GOV") and _nationals(p, sdoc):
                    sector = "CVL"  # "Palauans took to the streets", "Greeks have protested": a people marches, not its state
                if event.type == "ASSAULT" and role is event.actors and sector in (None, "CVL") and (
                        (root := _root(sdoc, p)) is not None and root.lemma_.lower() in _PLAIN_PEOPLE):
                    sector = "UAF"  # "a man approached and attacked them", "two men shot dead five people": unidentified attackers
                new.append(p if sector == p.sector else p.model_copy(update={"sector": sector}))
            updated.append(new)
        out.append(event if updated == [event.actors, event.recipients] else event.model_copy(update={"actors": updated[0], "recipients": updated[1]}))
    return out


_PAIR_WORDS = re.compile(r"(?:(?:the\s+)?(?:two|both)|their(?:\s+two)?)\s+(?:countries|nations|sides|governments|states|leaders|parties|presidents)", re.I)


def _without_pair_words(event: Event) -> Event:
    """An event without "the two countries" as a participant beside two others it names: the words point back at them
    ("Cuba and Saint Vincent agreed to allow more participation by the two countries"), no third party."""
    named = [p for p in event.actors + event.recipients if not _PAIR_WORDS.fullmatch(p.text.strip())]
    if len(named) < 2 or len(named) == len(event.actors) + len(event.recipients):
        return event
    keep = [p for p in event.recipients if not _PAIR_WORDS.fullmatch(p.text.strip())]
    actors = [p for p in event.actors if not _PAIR_WORDS.fullmatch(p.text.strip())]
    if not actors:
        return event
    if event.type in _MUTUAL and len(actors) > 1 and not keep and event.mode not in ("visit", "third-party"):
        actors, keep = actors[:1], actors[1:]  # as for "Turkey and Libya signed an agreement": the first named acts
    return event.model_copy(update={"actors": actors, "recipients": keep})


def _former(sdoc, participant: EventActor) -> bool:
    """Whether a person is told as a former office holder where named: "former premier Matteo Renzi", "Ruud
    Lubbers, a former president of the commission", "ex-president X" (not "the former minister's successor X")."""
    root = _root(sdoc, participant)
    if root is None:
        return False
    titles = [root] + [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    owned = {t.i for h in titles for c in h.subtree if c.dep_ == "poss" for t in c.subtree}
    return any(t.lower_ in ("former", "ex", "ex-", "onetime", "one-time") and t.i not in owned
               for h in titles for t in h.subtree if t.i < h.i)


# Sectors a body's proper name may take from the role word it ends in (not CVL, BUS, MED...: "the Citizen" is a paper).
_NAMED_SECTORS = {"GOV", "LEG", "JUD", "COP", "MIL"}
# Words for public bodies that are not roles the actors stage reads (they would make an actor of every "office"),
# but give a participant already found its sector: "the commission", "the town's council", "the prime minister's
# office"; in a name, "the Brooklyn District Attorney" too (a prosecutor, where a plain "attorney" is anyone's lawyer).
_BODIES = {"commission": "GOV", "council": "GOV", "office": "GOV", "embassy": "GOV", "assembly": "LEG", "enforcement": "COP"}
_NAMED_BODIES = {**_BODIES, "attorney": "JUD", "house": "LEG"}  # "the House", "the House of Commons" (the White House is known)
# Plain words for people, and a broadcaster, as the guide codes them where nothing else tells who they are:
# civilians ("a 36-year-old Cheltenham man", "the population", "passengers") and a business ("the network").
_PEOPLE = {"man": "CVL", "woman": "CVL", "person": "CVL", "population": "CVL", "family": "CVL", "passenger": "CVL",
           "victim": "CVL", "public": "CVL", "patient": "CVL", "voter": "CVL", "child": "CVL", "girl": "CVL", "boy": "CVL",
           "rioter": "CVL", "local": "CVL", "network": "BUS", "national": "CVL", "expatriate": "CVL", "supporter": "CVL", "follower": "CVL",
           "sympathizer": "CVL", "sympathiser": "CVL",
           "banker": "BUS", "financier": "BUS", "tycoon": "BUS", "billionaire": "BUS", "millionaire": "BUS", "mogul": "BUS", "entrepreneur": "BUS",
           # a bare count of people in a crowd ("Thousands blocked a highway")
           "dozen": "CVL", "hundred": "CVL", "thousand": "CVL", "million": "CVL"}


# Words that say only that someone is a person: who attacks under them is an unidentified attacker (UAF), as the gold
# codes "a man approached and attacked a group".
_PLAIN_PEOPLE = {"man", "woman", "person", "individual", "youth", "assailant", "attacker", "gunman"}


def _person_key(p: EventActor, sdoc, kinds: dict) -> str | None:
    """Who a person participant is, across an article's events: its knowledge-base id, else its last name for a
    name the parse reads as a person's ("Michael Avenatti", then "Avenatti"); None for anything else."""
    if p.actor_id:
        return p.actor_id if kinds.get(p.actor_id) == "person" else None
    root = _root(sdoc, p)
    if root is None or root.pos_ != "PROPN" or root.ent_type_ != "PERSON":
        return None
    return "name:" + root.text.lower()


def _defendants(events: list[Event], sdoc, kinds: dict) -> tuple[set[str], dict[str, list[EventActor]]]:
    """The persons an article tells were charged, convicted or sentenced, pleaded guilty or were pardoned, and by event
    id, every participant such an event charges or convicts ("charged the landlord"). Suspects, defendants and
    convicts are CRM (the guide), a named one in every event of the article, so "Avenatti intended to appeal" codes
    the convicted lawyer as one too."""
    keys, charged = set(), {}
    for event in events:
        word = _token_at(sdoc, event.evidence.trigger.start) if event.evidence.trigger else None
        lemma = word.lemma_.lower() if word is not None else ""
        if event.type == "SANCTION" and event.mode == "convict" or event.type == "ACCUSE" and lemma in _CHARGES:
            people = event.recipients  # an allegation in general is anyone's: "the ambassador alleged Mahan had..."
        elif event.type == "RETREAT" and lemma in ("pardon", "commute"):
            people = event.recipients  # whom a pardon or a commuted sentence frees was convicted
        elif event.type == "CONCEDE" and lemma == "plead":
            people = event.actors
        else:
            continue
        keys.update(k for k in (_person_key(p, sdoc, kinds) for p in people) if k)
        charged[event.id] = people
    return keys, charged


_CHARGED_WITH = {"suspect", "accuse", "charge", "convict", "want"}
_SUSPECTS = {"suspect", "defendant", "convict", "fugitive", "kidnapper", "hijacker", "robber", "murderer", "killer"}


# Nouns for someone's rank in a force, which serves the force that owns it.
_RANKS = {"officer", "commander", "chief", "official", "spokesman", "spokesperson", "head"}


def _qualified_sector(root, sector: str | None) -> str | None:
    """A role's sector as its words qualify it: "two people suspected of stealing meat" are criminals (CRM), not
    civilians; "religious leaders" are clergy (REL), not a government."""
    if sector in (None, "CVL") and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _CHARGED_WITH for c in root.children):
        return "CRM"
    if sector is None and root.lemma_.lower() in _SUSPECTS:
        return "CRM"  # "arrested two suspects": those suspected of a crime, as the guide codes them (not a role the
        # actors stage reads, which would make every "a suspect" in a sentence about the law someone who acts)
    if sector in ("GOV", "ELI") and any(c.dep_ == "amod" and c.lower_ in ("religious", "church", "clerical") for c in root.children):
        return "REL"
    if sector in ("COP", "GOV") and root.lemma_.lower() in _RANKS and any(
            c.dep_ in ("poss", "compound") and c.lemma_.lower() in ("army", "military", "navy", "force") for c in root.children):
        return "MIL"  # "the Nigerian Army's commanding officer", "army officers": the army's, not the police's
    return sector


@lru_cache(maxsize=512)
def _alpha3(alpha2: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2.upper())
    return found.alpha_3 if found else None


def _stateless(participant: EventActor) -> bool:
    words = {w.strip(".,'’").lower() for w in participant.text.split()}
    lemmas = {w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") else w for w in words}
    return bool((words | lemmas) & _STATELESS_WORDS)


# How a word may hang below a participant's head and still describe it: "Congo's president", "the government
# of Ukraine", "the ambassador to Greece", "the California lawyer". A locative ("police in London") is left out:
# where a participant is, the event may be too.
_DESCRIBING_DEPS = {"poss", "compound", "amod", "nmod", "appos", "pobj", "conj", "npadvmod"}
_DESCRIBING_PREPS = {"of", "to", "from", "for"}


def _describes_participant(sdoc, mention: Span, participants: list[EventActor]) -> bool:
    """Whether a place mention is one of the participants or a word describing one."""
    spans = [(p.start, p.end) for p in participants if p.start is not None and p.end is not None]
    if any(mention.start < e and s < mention.end for s, e in spans):
        return True
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(8):
        if tok.dep_ == "prep" and tok.lower_ not in _DESCRIBING_PREPS or tok.dep_ not in _DESCRIBING_DEPS | {"prep"}:
            return False
        tok = tok.head
        if any(s <= tok.idx < e for s, e in spans):
            return True
    return False


def _same_participant(r: EventActor, actors: list[EventActor]) -> bool:
    """Whether a recipient is one of the actors again (the same actor, or the same words)."""
    key = (r.name or r.text).lower().rstrip("s")
    return any(r == a or (r.actor_id and r.actor_id == a.actor_id) or key == (a.name or a.text).lower().rstrip("s") for a in actors)


# Statements that judge a happening: whoever did it is their recipient ("criticized the withdrawal").
_JUDGING = {"ACCUSE", "REJECT", "SUPPORT"}
# Nouns that point back at a happening the article told, and the types of event they can name; None: any act
# but words ("the move", "the step").
_HAPPENINGS = {
    "withdrawal": {"RETREAT"}, "pullout": {"RETREAT"}, "operation": {"ASSAULT", "MOBILIZE"}, "offensive": {"ASSAULT"},
    "attack": {"ASSAULT"}, "raid": {"ASSAULT", "COERCE"}, "bombing": {"ASSAULT"}, "shelling": {"ASSAULT"},
    "incursion": {"ASSAULT"}, "invasion": {"ASSAULT"}, "airstrike": {"ASSAULT"}, "strike": {"ASSAULT"}, "deployment": {"MOBILIZE"},
    "ban": {"SANCTION", "COERCE"}, "embargo": {"SANCTION"}, "sanction": {"SANCTION"}, "expulsion": {"SANCTION", "COERCE"},
    "suspension": {"SANCTION"}, "crackdown": {"COERCE", "ASSAULT"}, "move": None, "step": None, "measure": None,
}
# ("the decision" is left out: it is most often a ruling or a choice the article tells without an event of its own,
# and the nearest event coded before it is then someone else's.)
# Words, not acts: no "move" or "step" is one of these.
_WORDS = {"ACCUSE", "SUPPORT", "REQUEST", "THREATEN", "CONSULT", "PROTEST", "REJECT"}


def _judged_happening(head):
    """The bare definite noun a judgement is about when it points back at a happening ("criticized the move",
    "the operation was condemned"), or None when it names its own doer ("Turkey's operation", "the move by Ankara")
    or names none at all."""
    if head.pos_ in ("NOUN", "PROPN"):
        things = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "against", "to") for g in c.children if g.dep_ == "pobj"]
    elif any(c.dep_ == "nsubjpass" for c in head.children):
        things = [c for c in head.children if c.dep_ == "nsubjpass"]
    else:
        things = [c for c in head.children if c.dep_ == "dobj"]
    for thing in things:
        if thing.lemma_.lower() not in _HAPPENINGS or thing.tag_ != "NN":
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in thing.children):
            continue
        if any(c.dep_ in ("poss", "compound", "acl", "relcl", "amod") or c.dep_ == "prep" and c.lower_ in ("of", "by", "from", "to")
               for c in thing.children):
            continue  # "the Turkish operation", "the decision to leave", "the move by Ankara", "the ban on imports": said here
        return thing
    return None


def _judged_doers(events: list[Event], judged: list[tuple[str, str]], kinds: dict) -> list[Event]:
    """A judgement of "the withdrawal" or "the move" takes as recipient the actors of the happening it points
    back at: the nearest earlier event of a kind the noun can name, by others than the judge (a state defending
    what its own troops did judges no one else)."""
    if not judged:
        return events
    wanted = dict(judged)
    ordered = sorted(events, key=lambda e: e.evidence.start)
    out = []
    for event in events:
        lemma = wanted.get(event.id)
        if lemma is not None and not event.recipients:
            named = _HAPPENINGS[lemma]
            own = {(a.actor_id or a.text.lower()) for a in event.actors} | {
                a.country for a in event.actors if a.country and kinds.get(a.actor_id or "") == "country"}
            before = [e for e in ordered if e.evidence.start < event.evidence.start and e.actors
                      and (e.type in named if named else e.type not in _WORDS)
                      and e.factuality not in ("negated", "hypothetical", "speculated")]
            source = before[-1] if before else None
            if source is not None and not own & ({(a.actor_id or a.text.lower()) for a in source.actors} | {a.country for a in source.actors}):
                event = event.model_copy(update={"recipients": [a.model_copy() for a in source.actors]})
        out.append(event)
    return out


def _given_to(thing) -> list:
    """Whom a thing goes to by a phrase the parser hung on it ("shared evidence with the U.S.", "sent troops to
    Saudi Arabia", "sent food for the refugees", "prohibited travel for those under 19"): the objects of its "to",
    "with" or "for" that name someone."""
    return [g for p in thing.children if p.dep_ == "prep" and p.lower_ in ("to", "with", "for")
            for g in p.children if g.dep_ == "pobj" and (eventgate.names_someone(g) or eventgate.those_who(g))]


def _named_modifier(tok) -> bool:
    """Whether a thing is qualified by a name that can act ("US mediation", "Chinese pressure")."""
    return any(c.dep_ in ("compound", "amod") and c.ent_type_ in _ACTOR_ENTS for c in tok.children)


def _owners(tok) -> list:
    """Who a thing belongs to: its possessor or of-object ("the network's franchise", "the act of the NTC")."""
    out = [c for c in tok.children if c.dep_ == "poss"]
    if tok.lemma_.lower() in _SAID_THINGS - _MESSAGES:
        # "an Afghan government offer of a ceasefire", "a US peace proposal": the one named before what it put forward
        # (not before a message: "a police post" is a guard post)
        out += [c for c in tok.children if c.dep_ == "compound" and (c.ent_type_ in _ACTOR_ENTS or eventgate.names_someone(c))]
    if tok.lemma_.lower() not in _FOUNDINGS and not (tok.lemma_.lower() in _NAMINGS and out):
        # ("the creation of a force": what is made owns nothing; "Obama's nomination of Merrick Garland": the one named
        # is Obama's choice, no owner)
        out += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    # "the proposal by the EU", "the claim from Berlin": the one it comes from, when that names someone; but a
    # withdrawal "from Lebanon" leaves a place.
    out += [g for c in tok.children if c.dep_ in ("prep", "agent") and (c.lower_ == "by" or c.lower_ == "from" and tok.lemma_.lower() in _SAID_THINGS)
            for g in c.children if g.dep_ == "pobj" and eventgate.names_someone(g) and g not in out]
    # "the proposal made by Germany", "the sanctions imposed by the EU": the agent of the participle that qualifies it.
    out += [g for v in tok.children if v.dep_ == "acl" and v.tag_ == "VBN" for c in v.children if c.dep_ == "agent"
            for g in c.children if g.dep_ == "pobj" and g.pos_ != "PRON" and eventgate.names_someone(g) and g not in out]
    return out


def _extent(tok) -> list[tuple[int, int]]:
    """Character ranges of an argument's words, without the clauses hanging off it."""
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ in _CLAUSE_DEPS:
            skip.update(t.i for t in c.subtree)
    words = [t for t in tok.subtree if t.i not in skip]
    return [(t.idx, t.idx + len(t)) for t in words]


_LONGEST_MENTION = 300  # characters: how far before a span an overlapping actor mention can start


def _reach(sent) -> int:
    """Where the sentence two before this one starts: as far back as a pronoun looks for its antecedent (_refer)."""
    for _ in range(2):
        if sent.start == 0:
            break
        sent = sent.doc[sent.start - 1].sent
    return sent.start_char


_doc_text = eventgate.doc_text


def _heads(tok) -> list[list]:
    """The participants an argument names, each as its head and the appositions that name it again:
    "Putin and Xi" is two, "North Korea's leader, Kim Jong Un" one."""
    groups, todo, seen = [], [tok], set()
    while todo:
        t = todo.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        named = _described(t)  # ("the country of Georgia": Georgia)
        group = [named] + [c for c in t.children if c.dep_ == "appos" and _next_to(t, c)]
        seen.update(c.i for c in group)
        if not _title_of_conjunct(t) and not (t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.lemma_.lower() in _SUFFERINGS):
            # ("before the boy's death and President Trump offered ...": a death the parser joins to the subject acts not)
            groups.append(group)
        # Conjuncts of the head are more participants; those of an apposition name the same one again
        # ("Friedler, formerly the president and chief executive officer of ...").
        todo.extend(c for c in t.children if c.dep_ == "conj")
        # "detained eight people, including ophthalmologist Li Wenliang": those singled out take part too.
        todo.extend(g for c in t.children if c.dep_ == "prep" and c.lower_ in ("including", "notably") for g in c.children if g.dep_ == "pobj")
    return groups


# What befalls someone, which acts on no one: a subject of these is no actor, nor is whose it is.
_SUFFERINGS = {"death", "demise", "injury", "illness", "suffering", "disappearance", "plight", "funeral"}


def _title_of_conjunct(tok) -> bool:
    """Whether a capitalised title with no name of its own is the first of a named person's titles: "State Councilor
    and Foreign Minister Wang Yi" is one person."""
    persons = eventgate.person_roles()
    return (tok.pos_ == "PROPN" and tok.lemma_.lower() in persons and not any(c.dep_ == "det" for c in tok.children)
            and any(c.dep_ == "conj" and c.ent_type_ == "PERSON" and any(g.dep_ == "compound" and g.lemma_.lower() in persons for g in c.children)
                    for c in tok.children))


def _next_to(head, appos) -> bool:
    """Whether an apposition stands by its head, after a comma, a dash or a bracket ("Russia's leader, Vladimir
    Putin") or right after it ("the shipyard Wartsila"): one the parser hung on a head far away, across a
    conjunct ("The Finnish government and creditors of the shipyard Wartsila Marine Industries"), names it not."""
    before = appos.doc[appos.left_edge.i - 1] if appos.left_edge.i > 0 else None
    if before is None or before.is_punct:
        return True
    joined = {t.i for c in head.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return before.i in {t.i for t in head.subtree} - joined


def _named_by(tok, mentions) -> list:
    """The actor mentions overlapping a head's own name (`_core`): "Iranian President Hassan Rouhani" gives Iran's
    and Rouhani's mentions."""
    core = _core(tok)
    lo = min(tok.doc[i].idx for i in core)
    hi = max(tok.doc[i].idx + len(tok.doc[i]) for i in core)
    return [(s, e, a) for s, e, a in mentions if s < hi and lo < e]


def _core(tok) -> set[int]:
    """Token indices of a head's own name: the word and its compounds ("Kim Jong Un", "Defence Agency")."""
    core, todo = {tok.i}, [tok]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ in ("compound", "flat", "nmod") and c.i not in core and (c.pos_ == "PROPN" or t.pos_ == "PROPN" or c.ent_type_):
                core.add(c.i)
                todo.append(c)
    return core


def _modifier_tokens(tok) -> list:
    """The words that qualify a head without being its name: adjectives, possessors, compounds and of/from phrases."""
    out = []
    for c in tok.children:
        if c.dep_ == "amod" and c.pos_ == "VERB" and any(g.dep_ == "nsubj" for g in c.children):
            continue  # "McArthur murdered gay men": a verb the parser hung on its object, not a word about it
        if c.dep_ == "amod" and c.lower_ in ("dead", "alive") and c.i > 0 and c.doc[c.i - 1].pos_ == "VERB":
            continue  # "shot dead two leaders": what the shooting left them, not a word about them
        if c.dep_ in ("amod", "compound", "poss", "nmod", "nummod", "det"):
            out.extend(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in ("of", "from"):
            out.extend(c.subtree)
    return out


def _resolve(arg_toks, mentions, sent, nouns: bool, etype: str = "") -> list[EventActor]:
    """EventActors for the argument tokens: for each head the argument names (itself, conjuncts, appositions), the
    doc.actors mention of its own name (a pronoun stands for its antecedent), else its named entity, else (when
    `nouns`) the noun phrase itself. Actors named only in a head's modifiers ("the ambassador to China", "a Cheltenham
    man") are not participants; they lend their country to a head that has none."""
    out: list[EventActor] = []
    seen: set = set()
    text = _doc_text(sent.doc)

    def add(start, end, actor, country=None):
        if actor.id in seen:
            return
        seen.add(actor.id)
        out.append(EventActor(text=text[start:end], name=actor.name, country=actor.country or country, sector=actor.sector,
                              actor_id=actor.id, start=start, end=end))

    def country_of(tokens) -> str | None:
        chars = [(t.idx, t.idx + len(t)) for t in tokens]
        codes = {a.country for s, e, a in mentions if a.country and any(s < ce and cs < e for cs, ce in chars)}
        if not codes:
            for t in tokens:
                if t.dep_ == "poss" and t.pos_ == "PRON":
                    ref = _refer(t, mentions)
                    if ref is not None and ref[2].country:
                        codes.add(ref[2].country)
        return codes.pop() if len(codes) == 1 else None

    for arg in arg_toks:
        for group in _heads(arg):
            if len(group) > 1:
                # One participant named twice ("North Korea's leader, Kim Jong Un"): its proper name if it has one.
                named = [t for t in group if t.pos_ == "PROPN" or t.ent_type_ in _ACTOR_ENTS]
                named.sort(key=lambda t: t.ent_type_ == "NORP")  # "a Republican, Mark Amodei": the person, not his party
                group = named[:1] or group[:1]
            tok = _partitive(group[0])
            if tok.tag_ in ("WP", "WDT") and tok.dep_ == "nsubjpass" and tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
                # "Clark, who is now suspended by the mayor": the one the relative clause is about undergoes it (but
                # "a brilliant person who devoted his life to fight for ..." describes someone; it tells no act)
                tok = tok.head.head
            elif tok.tag_ in ("WP", "WDT") and tok.dep_ == "dobj":
                # "the prisoners that the court sentenced", "the fighters, whom European states refused to repatriate":
                # the object of a relative clause (or of a verb it governs) is the one the clause is about.
                verb = tok.head
                while verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i:
                    verb = verb.head
                if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                    tok = verb.head
            if tok.pos_ == "NOUN" and tok.i + 1 < len(sent.doc) and tok.whitespace_ and any(
                    s0 == sent.doc[tok.i + 1].idx and a.kind == "organization" for s0, _, a in mentions):
                continue  # "The rebel Free Syrian Army threatened": the word before the name describes it, however parsed
            if tok.pos_ != "PRON" and (tok.like_num or tok.lemma_.lower() in _QUANTITIES):
                tok = eventgate._counted(tok)  # "hundreds of supporters of Park": the supporters
            if tok.pos_ == "PRON" and _antecedent(tok) is tok:
                tok = _earlier_undergoers(tok) or tok  # "Police detained three journalists. A court later released them"
            if tok.pos_ == "PRON" and not eventgate.those_who(tok):
                ante = _antecedent(tok)
                if ante.i != tok.i and tok.dep_ == ante.dep_ == "dobj" and not ante.ent_type_ and not eventgate.names_someone(ante):
                    continue  # "calling them a crime", them the attacks: a thing, no one
                if (tok.lower_ in _PLURAL and ante.i != tok.i and ante.tag_ == "NNS" and eventgate.names_someone(ante)
                        and not any(s <= ante.idx < e for s, e, _ in mentions)):
                    # "Local British councillors said they seized ...": they are the councillors, not the country
                    # that describes them.
                    tok = ante
                elif (tok.lower_ == "it" and ante.i != tok.i and ante.lemma_.lower() in _INSTITUTIONS and ante.tag_ == "NN"
                      and not any(ante.left_edge.idx <= s < ante.right_edge.idx + len(ante.right_edge) for s, _, _ in mentions)):
                    # "at a summit in Madrid, Spain, the alliance announced it would accept ...": the institution that
                    # says "it", which names no one the knowledge base knows, not a country named nearer
                    tok = ante
                elif tok.lower_ in _PLURAL and ante.i != tok.i and (len(members := _named_members(ante)) > 1 or ante.conjuncts and ante.pos_ == "PROPN"):
                    # "Greece and Chad said they had reached a deal", "the leaders of Mexico, Canada and the United
                    # States said they would begin talks": they are all the parties named together
                    for named in _resolve(members, mentions, sent, nouns, etype):
                        key = named.actor_id or (named.start, named.end)
                        if key not in seen:
                            seen.add(key)
                            out.append(named)
                    continue
                else:
                    found = _refer(tok, mentions, prefer=ante)
                    if found is not None:
                        add(*found)
                        continue
                    # "The Bush administration said it rejects the proposals": a subject the knowledge base does not
                    # know, that names someone and agrees with the pronoun, is what the reported pronoun stands for.
                    if ante is tok or tok.lower_ != "it" or ante.lemma_.lower() not in _INSTITUTIONS or ante.tag_ != "NN":
                        continue
                    tok = ante
            if (tok.lemma_.lower() in ("country", "nation") and tok.tag_ == "NN"
                    and [c.lower_ for c in tok.children] == ["the"]):
                # "The office of France's president said that the country would pledge ...": the country last named.
                reach = _reach(sent)
                named = [(s, e, a) for s, e, a in mentions if a.kind == "country" and e <= tok.idx and s >= reach]
                if named:
                    add(*max(named, key=lambda m: m[0]))
                continue
            mods = _modifier_tokens(tok)
            found = _named_by(tok, mentions)
            if (found and (tok.pos_ == "NOUN" and eventgate.names_someone(tok) and tok.lemma_.lower() not in _PLACE_NOUNS
                           or tok.lower_ in _PRIVATE_BODIES)  # "a leading Kenya NGO", "a Kenyan opposition party"
                    and all(a.kind == "country" for _, _, a in found)
                    and not any(s <= tok.idx < e for s, e, _ in found)):
                # "a Tongan national", "a Swiss banker": a country word before a noun for people tells where they are
                # from; the person is the participant (the parser may read the word as part of a name).
                found = []
            if (tok.dep_ == "compound" and tok.ent_type_ == "PERSON" and tok.head.lemma_.lower() in _HARMS - _HARMS_TO_PEOPLE
                    and all(a.kind == "person" and not a.country for _, _, a in found)):
                continue  # "the Gukurahundi massacres": a name the harm is known by, not whoever did it
            lead = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i
                    and not any(s <= c.idx < e for s, e, _ in found)]
            if found and lead and tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "NORP", "LOC") and all(a.kind == "country" for _, _, a in found):
                # "SOS Children's Villages Sudan", "Air France": an organisation whose name ends in its country's (the
                # tagger reads "South Lebanon" as a place).
                start = min(t.idx for c in lead for t in c.subtree)
                end = tok.idx + len(tok)
                if (start, end) not in seen:
                    seen.add((start, end))
                    out.append(EventActor(text=text[start:end], start=start, end=end, country=found[0][2].country))
                continue
            if _other_party(tok):
                # "a fellow US ally": the state named is the other party, not this one
                found, mods = [], [t for t in mods if not (t.dep_ == "compound" and t.pos_ == "PROPN")]
            if not found and eventgate.names_someone(tok):
                # "Hungarian and Romanian officials": the actors stage reads one group per country word of a role phrase.
                # (not the words of a clause below it: in "accused Western governments of encouraging the migration
                # of Muslims" the group is what the charge is about)
                clausal = {u.i for c in tok.subtree if c.dep_ in ("pcomp", "acl", "relcl", "advcl", "ccomp", "xcomp") for u in c.subtree}
                if tok.lemma_.lower() in _FOLLOWERS:
                    # "supporters of Thailand's current government clashed": the supporters, not the government
                    clausal |= {u.i for c in tok.children if c.dep_ == "prep" for u in c.subtree}
                chars = [(t.idx, t.idx + len(t)) for t in mods if t.dep_ != "prep" and t.i not in clausal]
                found = [(s, e, a) for s, e, a in mentions if a.kind == "group" and any(s < ce and cs < e for cs, ce in chars)]
            elif not found:
                # A thing is no participant, but whoever it belongs to or is aimed at is: "rejected an Indian proposal",
                # "threatened further action against Russia", "restrictions against German goods".
                owners = mods + [t for c in tok.children if c.dep_ == "prep" and c.lower_ in _AIMED_PREPS | {"by"} for t in c.subtree]
                if tok.lemma_.lower() in _UNDERGONE | _FOUNDINGS:
                    # "demand Gonzalez's return", "asked for the release of the hostages": who is returned or released
                    # undergoes it; only a by-agent takes part (nor is what is made: "demanded the formation of a
                    # unity government").
                    owners = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for t in c.subtree]
                elif tok.lemma_.lower() in _ASKED:
                    # "refused the U.S.'s demand for bin Laden's extradition", "backed France's call for talks with Iran":
                    # the one who asks; what a request is for, and whom it is put to, are its content.
                    content = {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "to") for t in c.subtree}
                    owners = [t for t in owners if t.i not in content]
                elif tok.lemma_.lower() in _STRIFE and not any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children):
                    # "Syria's conflict has killed 500,000", "the country's unrest": where the strife is, not who fights
                    # (but "Russia's war on Ukraine" is waged by Russia)
                    owners = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for t in c.subtree]
                elif tok.lemma_.lower() in _NAMINGS and any(c.dep_ == "poss" for c in tok.children):
                    # "refused to consider Obama's nomination of Merrick Garland", "rejected Trump's appointment of
                    # Barrett to the court": the one who names is judged; whom and where to are what is judged.
                    owners = [t for c in tok.children if c.dep_ == "poss" for t in c.subtree]
                elif tok.lemma_.lower() in _HARMS or tok.lemma_.lower() in _MEASURES and etype not in _RELIEF:
                    # "the bombings of the U.S. embassies", "Russia's attack on Ukraine": who did the harm, not its victims.
                    struck = {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ != "by" for t in c.subtree}
                    owners = [t for t in owners if t.i not in struck]
                # "a request by the boy's father": an owner that is a person of no name of its own is the participant,
                # not whoever it belongs to in turn.
                people = [t for t in owners if t.dep_ in ("poss", "pobj") and tok.i in (t.head.i, t.head.head.i)
                          and t.pos_ == "NOUN" and not t.ent_type_ and eventgate.names_someone(t) and not _named_by(t, mentions)]
                if people:
                    inner = {u.i for t in people for u in t.subtree}
                    owners = [t for t in owners if t.i not in inner]
                    for person in _resolve(people, mentions, sent, nouns, etype):
                        if person.start is None or (person.start, person.end) not in seen:
                            seen.add((person.start, person.end))
                            out.append(person)
                # ("restrictions on the use of the Russian language": a language is no one's)
                owners = [t for t in owners if not (t.dep_ in ("amod", "compound") and t.head.lemma_.lower() in _TONGUES)]
                chars = [(t.idx, t.idx + len(t)) for t in owners]
                found = [(s, e, a) for s, e, a in mentions if any(s < ce and cs < e for cs, ce in chars)]
                if people and not found:
                    continue
            # "an anti-Houthi coalition" is not the Houthis, nor a "pro-government" one the government, nor is a
            # "US dollar" reward the United States'.
            found = [(s, e, a) for s, e, a in found if not text[max(0, s - 5):s].lower().endswith(("anti-", "pro-"))
                     and not _CURRENCY.match(text, e) and not _BACKER.match(text, e)]
            if found:
                modifiers = country_of(mods)
                kinds = {a.kind for _, _, a in found}
                for start, end, actor in found:
                    if actor.kind == "country" and kinds - {"country"} and not _listed_at(sent.doc, start, end):
                        # "the Kenyan President Kenyatta": the person, who carries the country (but "assistance from
                        # Canada and the Peruvian government" is asked of both)
                        continue
                    if any(s0 <= start and end <= e0 and (s0, e0) != (start, end) for s0, e0, _ in found):
                        continue  # "European Community foreign ministers": the body is named within the group that acts
                    if (actor.kind == "organization" and not _listed_at(sent.doc, start, end)
                            and any(a.kind == "person" and s0 >= end for s0, _, a in found)):
                        # "Senate Majority Leader Mitch McConnell", "Hamas leader Ismail Haniyeh": the body names the
                        # person's office; the person is the one participant
                        continue
                    if modifiers and actor.kind == "organization" and actor.country and actor.country != modifiers:
                        actor = actor.model_copy(update={"country": modifiers})  # "the Belarusian KGB" is Belarus's
                    add(start, end, actor, modifiers)
                continue
            e = entity_of(tok) if tok.ent_type_ in _ACTOR_ENTS else None
            if e is not None:
                if e.text not in seen:
                    seen.add(e.text)
                    out.append(EventActor(text=e.text, start=e.start_char, end=e.end_char, country=country_of(mods)))
                continue
            if nouns and (tok.pos_ in ("NOUN", "PROPN") or eventgate.those_who(tok) or eventgate.the_people(tok)
                          or eventgate.bare_count(tok)):
                words = sorted({t.i for t in mods if t.dep_ != "prep" and t.i < tok.i} | _core(tok))
                if tok.pos_ == "PRON":
                    # "those responsible for the attack": the words that say who they are
                    # (but not what a clause of the act says they may not do: "anyone wearing a niqab from entering ...")
                    words = sorted({tok.i} | {t.i for c in tok.children if c.dep_ in ("acl", "relcl", "amod") for t in c.subtree
                                              if not any(p.dep_ == "prep" and p.lower_ == "from" and p.head.i == c.i and t in p.subtree for p in c.children)}
                                   | {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in eventgate.PEOPLE_PREPS for t in c.subtree})
                start, end = sent.doc[words[0]].idx, sent.doc[words[-1]].idx + len(sent.doc[words[-1]])
                if end - start < 80 and (start, end) not in seen:
                    seen.add((start, end))
                    out.append(EventActor(text=text[start:end], start=start, end=end, country=country_of(mods)))
    return out


# Nouns of naming someone to a post, or of choosing or weighing a party, whose "of" and "to" objects are the one
# named or chosen and the post ("the Air Force's exclusive consideration of Boeing": the Air Force is defended).
_NAMINGS = {"nomination", "appointment", "selection", "designation", "choice", "pick", "nominee", "appointee", "consideration",
            "endorsement", "hiring", "firing", "dismissal"}
# Nouns for someone's part in another's act ("with the knowledge of senior officers", "with the help of Russia").
_COMPLICITY = {"knowledge", "consent", "approval", "help", "support", "backing", "blessing", "assistance", "permission",
               "complicity", "collusion", "connivance", "acquiescence"}
# Nouns for a language, which a people's name before them names ("the Russian language", "Kurdish-language media").
_TONGUES = {"language", "dialect", "tongue", "alphabet", "script"}


def _listed_at(sdoc, start: int, end: int) -> bool:
    """Whether the name between two character offsets is a member of a list ("Canada and the Peruvian government"),
    not a word qualifying one ("Bosnian Croat and Moslem forces")."""
    words = [t for t in sdoc if start <= t.idx < end]
    root = next((t for t in words if not start <= t.head.idx < end or t.head.i == t.i), None)
    return root is not None and (root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children))


def _names_target(modifier, head) -> bool:
    """Whether a name before an event noun qualifies the thing struck, not the one who acts: a place followed by
    another noun of the phrase ("the Alabama clinic bombing", "the Nairobi embassy attack"); "a Russian missile
    attack", "the U.S. air strikes" name the force by its arms. A name after "anti-" or "pro-" is what the event is
    against or for ("an anti-Israel protest", "a pro-democracy march"), never who does it."""
    if _stance_prefixed(modifier):
        return True
    if modifier.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    between = [t for t in head.doc[modifier.i + 1:head.i] if t.pos_ == "NOUN" and t.dep_ == "compound"]
    return any(t.lemma_.lower() not in _FORCE_WORDS for t in between)


def _stance_prefixed(tok) -> bool:
    """Whether a word is the object of an "anti-" or "pro-" prefix, written joined ("anti-Israel") or split by the
    tokenizer ("anti", "-", "Israel")."""
    if tok.lower_.startswith(("anti-", "pro-")):
        return True
    doc = tok.doc

    def prefix(i: int) -> bool:
        return 0 <= i and i + 1 < len(doc) and doc[i].lower_ in ("anti", "pro") and doc[i + 1].text == "-"

    return prefix(tok.i) or prefix(tok.i - 1) or prefix(tok.i - 2)


_FORCE_WORDS = {"air", "missile", "rocket", "drone", "bomb", "car", "suicide", "artillery", "mortar", "terror", "terrorist",
                "military", "army", "police", "navy", "naval", "militant", "rebel", "guerrilla", "border", "tank", "gunship"}


# Acts done in words alone: where they happened is where they were said, which a place in the sentence tells only from
# the clause that says them.
_WORDS_ONLY = {"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN"}


def _said_there(head, tok) -> bool:
    """Whether a place hangs, by a preposition of place or time, on the clause a verbal act is told in ("sued in
    Austria", "In Cyprus, the party hailed the pipeline", "refused, at a tournament in Basel, to play", "railed
    against rioters during his rally in Tulsa"), not on a participant ("countries, among them the United Kingdom,
    warned the WHO"), another clause ("the Supreme Court, which rejected ..., as supporters gathered in D.C.") or
    a thing named ("the occupation of China", "in the history of the United States")."""
    if tok is None:
        return False
    chain = _clause_chain(head)
    clause = {t.i for t in chain}
    # "Speaking in Brasilia, Lula said ...": a participle of the saying clause says where it was said; so does the
    # place of whom it was said to or of ("sued the company in Austria").
    # ("while campaigning in Michigan, Biden called ...", but not "after leaving Paris")
    clause |= {c.i for t in chain for c in t.children if c.dep_ == "advcl" and c.tag_ == "VBG"
               and not any(m.dep_ == "mark" and m.lower_ not in ("while", "when") for m in c.children)}
    clause |= {c.i for c in head.children if c.dep_ == "dobj" and eventgate.names_someone(c)}
    # and so does the place of whoever says it ("Officials in Mexico are asking citizens", "religious leaders in Buffalo
    # condemned the shooting").
    clause |= {c.i for t in chain for c in t.children if c.dep_ in ("nsubj", "nsubjpass")}
    nouns = _occasions()
    cur = tok
    for _ in range(8):
        while cur.dep_ in ("conj", "appos", "compound") and cur.head.i != cur.i:
            cur = cur.head
        if cur.dep_ != "pobj" or cur.head.dep_ not in ("prep", "agent"):
            return False
        prep, above = cur.head, cur.head.head
        if prep.lower_ not in _SAID_AT_PREPS:
            return False
        if above.i in clause:
            return True
        if above.pos_ in ("NOUN", "PROPN") and (above.lemma_.lower() in nouns or above.ent_type_ in ("FAC", "EVENT")):
            cur = above  # "at a tournament in Basel", "during his rally in Tulsa": the occasion's place
            continue
        return False
    return False


def _told_there(head, tok, speech_verbs) -> bool:
    """Whether a place belongs to the clause that reports an act, not to the act ("'The forces killed the insurgent,'
    Akhundzada told reporters at his base in Balkh", "Police arrested three men, the minister said in Kabul"):
    where it was told, which is not where it happened."""
    if tok is None:
        return False
    top = head
    while top.dep_ in ("ccomp", "conj") and top.head.i != top.i:
        top = top.head
    tellers = [top] if top.i != head.i else []
    tellers += [c for c in head.children if c.dep_ == "parataxis"]
    own = {t.i for t in head.subtree}
    return any(v.lemma_.lower() in speech_verbs and tok.i not in own and tok in v.subtree for v in tellers)


def _clause_chain(head) -> list:
    """The trigger and the words above it in its own clause chain, up to the root: its verb, the verb that governs it
    as a complement, an infinitive of purpose or a participle, and so on ("said in Brasilia that Brazil supports
    Korea" says it there); not through a relative, a coordinate or a subordinate clause ("after ..", "when ..")."""
    out, cur = [head], head
    for _ in range(12):
        if cur.dep_ == "conj" and cur.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            pass  # "opened proceedings at its headquarters in Switzerland and charged Liverpool": one subject, one place
        elif cur.head.i == cur.i or cur.pos_ == "VERB" and (cur.dep_ in ("relcl", "conj", "parataxis", "appos", "acl") or cur.dep_ == "advcl" and any(
                c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" for c in cur.children)):
            break  # (but "demonstrated in Sanaa to demand ...", "demonstrated in Beslan, calling for ...": said there)
        cur = cur.head
        out.append(cur)
    return out


# Occasions at which things are said ("at a summit in Sochi", "during an interview in Paris").
_OCCASIONS = {"summit", "meeting", "conference", "session", "hearing", "speech", "interview", "tournament", "ceremony", "visit",
              "trip", "talks", "forum", "gathering", "briefing", "debate", "event", "court", "parliament", "assembly", "congress",
              "convention", "rally", "funeral", "celebration", "festival", "parade", "match", "game", "tour", "stop", "appearance",
              "statement", "communique", "address", "sermon", "mass", "service", "headquarters", "office", "embassy", "residence",
              "palace", "ministry", "street", "square", "cathedral", "church", "mosque", "hall"}


@lru_cache(maxsize=1)
def _occasions() -> frozenset[str]:
    """The occasions above with the places-stage nouns of events and places, joined once rather than per place."""
    return occasion_nouns() | _OCCASIONS


# Prepositions by which a place says where (or during what) something was said.
_SAID_AT_PREPS = {"in", "at", "on", "inside", "outside", "during", "near"}


def _in_content(hit: _Hit, mention: Span) -> bool:
    """Whether a place lies in what a speech act is about ("agreed to hand them over for trial in the Netherlands",
    "called for talks in Geneva"): where the agreed or asked-for thing would happen, not where it was agreed."""
    if hit.type not in _SPEECH_ACTS | {"SANCTION"}:
        return False
    content = {t.i for c in hit.head.children if c.dep_ == "prep" and c.lower_ == "for" for t in c.subtree}
    if hit.type in _SPEECH_ACTS:
        content |= {t.i for c in hit.head.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree}
        # "hailed the agreements as the dawn of a new Middle East": what it was called, no place it happened
        content |= {t.i for c in hit.head.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree}
    if hit.type in ("SUPPORT", "ACCUSE", "REJECT") and hit.head.pos_ == "VERB" and hit.mode != "investigate":
        # "to defend NATO's potential involvement in Kosovo", "condemned the bombing in Kabul": where the thing backed or
        # condemned is, not where it was said (but an inquiry into "an outbreak in Congo" goes on there)
        content |= {t.i for c in hit.head.children if c.dep_ == "dobj" and not eventgate.names_someone(c) for t in c.subtree}
    if hit.type in ("ACCUSE", "SANCTION"):
        # "accuses Russia of involvement in the poisoning ... in Salisbury", "blamed Iran over the attack in Riyadh",
        # "charged him with the shooting of a doctor in Ancaster", "sanctioned Iran over plots against dissidents in
        # Denmark": where the deed charged happened, not where the charge or the penalty was made.
        content |= {t.i for c in hit.head.children if c.dep_ == "prep" and c.lower_ in ("of", "over", "with") for t in c.subtree}
    return any(t.i in content for t in hit.head.sent if mention.start <= t.idx < mention.end)


# "the Russian-backed offensive", "Iranian-funded militias": the backer, not who acts.
_BACKER = re.compile(r"-(?:backed|sponsored|supported|funded|armed|financed|trained|allied|aligned|brokered|mediated)\b", re.I)


def _partitive(tok):
    """The people a part is taken from: "two of the boy's cousins", "some of the protesters", "one of his aides" (a
    definite or possessed group after "of"); "thousands of workers" stays as it is."""
    if tok.like_num or tok.lower_ in _PARTS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PRON") and (g.pos_ == "PRON" or any(
                            d.dep_ == "poss" or (d.dep_ == "det" and d.lower_ in ("the", "these", "those")) for d in g.children)):
                        return g
    return tok


# What each state does by its own decision, so that several named together still do it separately.
_UNILATERAL = {"SUPPORT", "COERCE", "SANCTION", "REJECT", "AID", "RETREAT", "MOBILIZE"}
# Words that make an act of several one joint act.
_JOINT = {"jointly", "joint", "together", "both", "collectively", "united", "unanimously"}


def _each_state(events: list[Event], sent, ctx: "_Context") -> list[Event]:
    """Several states named as doing what each does by its own decision ("Bahrain and Kosovo recognized Israel",
    "Algeria and Morocco imposed bans", "Germany and France expelled diplomats") do it separately: one event each,
    as the annotation guide codes separate acts; a joint act ("jointly", "together", "both") stays one."""
    out = []
    for event in events:
        states = [a for a in event.actors if ctx.kinds.get(a.actor_id or "") == "country"]
        trigger = event.evidence.trigger.text.lower() if event.evidence.trigger else ""
        if (event.type not in _UNILATERAL or len(event.actors) < 2 or len(states) < len(event.actors)
                or any(t.lower_ in _JOINT for t in sent) or trigger.startswith(("veto", "vote", "abstain"))
                or event.type in ("SUPPORT", "REJECT") and event.factuality == "reported"):
            # ("Russia and China vetoed": one vote of a body; "Wang said China and Russia welcome the talks": one
            # statement, said for both)
            out.append(event)
            continue
        for actor in event.actors:
            one = event.model_copy(update={"actors": [actor], "id": hashlib.sha1(f"{event.id}|{actor.actor_id}".encode()).hexdigest()[:16]})
            ctx.notes[one.id] = ctx.notes.get(event.id, {})
            out.append(one)
    return out


def _named_members(tok) -> list:
    """The named members of a group an argument speaks of ("the Gulf nations of Bahrain and Oman", "two members of
    the alliance, Poland and Lithuania", "several countries including Algeria and Morocco"): those names, which act;
    the group noun itself names no one in particular. Otherwise the argument itself."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in _GROUP_NOUNS | _FORCE_GROUPS:
        return [tok]
    heads = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "including", "like") for g in c.children if g.dep_ == "pobj"]
    heads += [c for c in tok.children if c.dep_ == "appos"]
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > 0 and c.doc[c.i - 1].lower_ == "such"
              for g in c.children if g.dep_ == "pobj"]
    for head in heads:
        named = [n for n in (_named_in(t, listed=bool(head.conjuncts)) for t in (head, *head.conjuncts)) if n is not None]
        if len(named) >= 2 and head.dep_ == "pobj":
            # ("the leaders of Mexico, Canada, and the United States", the last hung on "leaders" by the parser)
            named += [c for c in tok.conjuncts if c.pos_ == "PROPN" and c.ent_type_ == "GPE" and c.i > head.i]
        if len(named) >= 2 or named and not head.conjuncts:
            return named
    return [tok]


def _named_in(tok, listed: bool):
    """The name a member of a group is given: a proper noun the tagger calls a name, or, in a list of members, one it
    left unlabelled ("Burkina Faso and Tuvalu") or the name a description carries ("Ghana and the Pacific island
    nation of Tuvalu"). None for a common noun ("the sides of the island of Cyprus" are no Cyprus)."""
    if listed:
        tok = _described(tok)
    return tok if tok.pos_ == "PROPN" and (tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or listed and not tok.ent_type_) else None


def _described(tok):
    """The state a description names ("the Pacific island nation of Tuvalu", "the country of Georgia"): its name,
    which is the participant; otherwise the token itself."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _STATE_NOUNS:
        return tok
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj" and g.pos_ == "PROPN"), tok)


_STATE_NOUNS = {"nation", "country", "state", "kingdom", "republic"}


# Plural nouns for groups whose named members act for them, and for the people several named states send to act for
# them ("the delegations of Cyprus, Greece and Israel met", "the foreign ministers of France and Germany").
# Plural forces whose of-phrase names the states they serve ("the navies of China, India and Russia"): each state's force.
_FORCE_GROUPS = {"navy", "army", "military", "force", "troop"}


def _force_member(tok) -> bool:
    """Whether a name is one of the states whose forces an argument speaks of ("with the navies of China and Russia")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.tag_ == "NNS" and tok.head.head.lemma_.lower() in _FORCE_GROUPS


_GROUP_NOUNS = {"nation", "country", "state", "member", "government", "leader", "neighbour", "neighbor", "ally", "power", "party", "side",
                "delegation", "minister", "representative", "envoy", "official", "diplomat", "president"}

def _crowd(sdoc, participant: EventActor) -> bool:
    """Whether a participant is a bare count of people ("Thousands blocked a highway", "Hundreds marched"): who
    protests in numbers is a crowd, though the count names no one."""
    root = _root(sdoc, participant)
    return root is not None and root.lower_ in _QUANTITIES and not any(c.dep_ == "prep" for c in root.children)


_QUANTITIES = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "score", "scores"}
_PARTS = {"some", "many", "most", "several", "few", "all", "both", "each", "none", "one", "any", "half"}


def _governs_span(head, span: Span) -> bool:
    """Whether a mention lies in the trigger's phrase (or, for "made a visit", in its verb's)."""
    scope = head.head if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "attr") else head
    return any(t.idx <= span.start < t.idx + len(t) for t in scope.subtree)


def _agentive(arg_toks, mentions) -> bool:
    """Whether an argument names someone who can commit to something (an actor, not "any exports")."""
    for tok in arg_toks:
        if tok.ent_type_ in _ACTOR_ENTS or tok.pos_ == "PRON":
            return True
        if any(s <= tok.idx < e for s, e, _ in mentions):
            return True
    return False


def _past(verb) -> bool:
    """Whether a verb tells what is done: a past tense ("asked") or a perfect ("had asked", "has asked")."""
    return verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _told_past(head) -> bool:
    """Whether a trigger's clause tells a past act ("announced he had asked for Bolton's resignation"), not one the
    saying performs ("said Brazil supports Korea", and in the past tense of reported speech "said Thursday it
    commended Gambia")."""
    verb = _clause_verb(head)
    if not _past(verb):
        return False
    return not (verb.tag_ == "VBD" and verb.dep_ == "ccomp" and verb.head.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children)
                and any(c.dep_ == "nsubj" and c.lower_ in ("it", "he", "she", "they", "we", "i") for c in verb.children))


def _own_voice(head) -> bool:
    """Whether a state's or a body's speech act is told by its own voice: "The Philippines called on Nepal to avoid
    violations, its foreign minister said" (the minister's "its" is the state that acts; backshifted, not a past told)."""
    verb = _clause_verb(head)
    if verb.tag_ != "VBD" or verb.dep_ != "ccomp" or any(c.dep_ == "aux" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(c.pos_ == "PROPN" for c in subjects) and any(
        s.lemma_.lower() in _VOICES and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in s.children) for s in speakers)


def _speaker_is_actor(head, mentions, sent) -> bool:
    """Whether the one who says the trigger's clause is its actor or speaks for the actor's country."""
    tok = head
    while tok.head.i != tok.i and tok.dep_ in ("ccomp", "xcomp", "conj", "parataxis"):
        tok = tok.head
    speakers = [c for c in tok.children if c.dep_ == "nsubj"] if tok.i != head.i else []
    if not speakers:
        return False
    actor_toks, _ = _arguments(head)
    said, actors = _resolve(speakers, mentions, sent, nouns=True), _resolve(actor_toks, mentions, sent, nouns=True)
    bodies = speakers + [g for s in speakers for p in s.children if p.dep_ == "prep" and p.lower_ in ("for", "of") for g in p.children if g.dep_ == "pobj"]
    if any(s.lemma_.lower() == a.lemma_.lower() and s.pos_ in ("NOUN", "PROPN") for s in bodies for a in actor_toks):
        # '"The U.S. Embassy strongly condemns the attack," the embassy said', '"The ministry condemns ...," a spokesman
        # for the ministry said': the same body, named again
        return True
    if any(a.actor_id and a.actor_id == s.actor_id or a.country and a.country == s.country for a in actors for s in said):
        return True
    # "Government spokesman Maaten Mashaba said that South Africa supports ...": a government's spokesman of no other
    # country speaks for the state that acts.
    titles = {t.lemma_.lower() for s in speakers for t in s.subtree if t.i < s.i or t.head.i == s.i}
    return bool(titles & _SPOKES) and "government" in titles and not any(s.country for s in said) and any(
        a.country and (a.actor_id or "").startswith("country:") for a in actors)


_SPOKES = {"spokesman", "spokeswoman", "spokesperson"}
# Who speaks for a state or a body ("its foreign minister said").
_VOICES = _SPOKES | {"minister", "president", "ambassador", "envoy", "leader", "official", "chief", "head", "secretary", "premier"}


# Common nouns for places: "the swing state", "the city" are where, not who.
_PLACE_NOUNS = {"state", "city", "town", "village", "region", "province", "county", "district", "capital", "area", "island", "country"}


def _place_noun(sdoc, participant: EventActor) -> bool:
    """Whether a participant's words are a common noun for a place ("the swing state")."""
    root = _root(sdoc, participant)
    return root is not None and root.pos_ == "NOUN" and root.lemma_.lower() in _PLACE_NOUNS


def _token_at(sdoc, start: int):
    """The token at a character offset, or None."""
    span = sdoc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _on_condition(head) -> bool:
    """Whether an act is promised on a condition: an "if" or "unless" clause hangs on its verb ("would strike Guam if
    the drills continue")."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children) for c in verb.children)


def _envoy_post(tok) -> bool:
    """Whether a word is where an envoy is posted ("its ambassador to Beijing", "recalled its envoy to Riyadh")."""
    if tok is None or tok.dep_ != "pobj" or tok.head.lower_ not in ("to", "from"):
        return False
    holder = tok.head.head
    return holder.lemma_.lower() in _ENVOYS or holder.lemma_.lower() in _RECALLS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _ENVOYS for c in holder.children)


def _aimed_at(sdoc, start: int) -> bool:
    """Whether the word at an offset is what an act is aimed at by a preposition ("a blockade on Gaza", "against Mosul")."""
    tok = _token_at(sdoc, start)
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against")


def _locative(sdoc, start: int) -> bool:
    """Whether the word at a character offset is the object of a place preposition ("to Moscow", "in Kabul")."""
    tok = _token_at(sdoc, start)
    while tok is not None and tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:
        tok = tok.head
    if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.lemma_.lower() in _SAID_THINGS:
        return False  # "the claim from Berlin", "a letter from Kyiv": who sent it
    if _envoy_post(tok):
        return False  # "its ambassador to Beijing": the state he is sent to
    if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "to" and (tok.head.head.lemma_.lower() in _ADDRESSED or any(
            c.dep_ == "dobj" and c.lemma_.lower() in _ADDRESSED for c in tok.head.head.children)):
        return False  # "no request by the administration to Oregon", "sent a letter to Kyiv": whom it was put to
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS | {"from"}


def _own_commitment(head, actors: list[EventActor], mentions, sent, cues) -> bool:
    """Whether a future act is a commitment of its actor (PLOVER's AGREE): under a verb of promising ("Russia pledged
    to send"), told by the narrator ("Finland will give Tanzania a grant"), or said by the actor itself or someone
    speaking for its country ("Russia said it will send"), or by a speaker nobody is named as ("..., diplomatic sources
    said"); someone else's announcement is not ("Putin announced that Kim would visit")."""
    speech = set(cues["reported"]["speech_verbs"])
    promise = set(cues["commitment"]["governors"])
    tok = head
    while tok.head.i != tok.i and tok.dep_ in ("ccomp", "xcomp", "conj", "advcl", "acomp"):
        tok = tok.head
        lemma = tok.lemma_.lower()
        if lemma in promise:
            return True
        if lemma in speech:
            speakers = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            said = _resolve(speakers, mentions, sent, nouns=True)
            if any(a.actor_id and a.actor_id == s.actor_id or a.text == s.text or a.country and a.country == s.country for a in actors for s in said):
                return True
            # A speaker nobody is named as ("diplomatic sources", "a statement by the ministry") tells the plan as the narrator would.
            return not any(s.actor_id or s.country for s in said) and not any(c.pos_ in ("PROPN", "PRON") or c.ent_type_ in _ACTOR_ENTS for c in speakers)
    return True


def _speech_above(head, cues):
    """The speech verb whose report the trigger sits in ("X said that ..."), or None."""
    speech = set(cues["reported"]["speech_verbs"])
    tok = head
    while tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in speech:
            return tok.head
        tok = tok.head
    # "which, the statement said, European nations have refused": a speech verb set off inside the trigger's clause.
    aside = next((c for c in _clause_verb(head).children if c.dep_ == "parataxis" and c.lemma_.lower() in speech
                  and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
    if aside is not None:
        return aside
    # "…, the semi-official ILNA news agency reported on Saturday." parsed as an apposition the verb qualifies: a
    # source and its speech verb that close the sentence after a comma.
    tail = next((t for t in head.sent if t.i > head.i and t.dep_ == "acl" and t.lemma_.lower() in speech and t.head.dep_ == "appos"
                 and t.head.left_edge.i > 0 and t.doc[t.head.left_edge.i - 1].text == ","
                 and t.right_edge.i >= t.sent.end - 2 and not any(c.dep_ in ("dobj", "ccomp") for c in t.children)), None)
    if tail is not None:
        return tail
    closing = _closing_attribution(head, speech)
    if closing is not None:
        return closing
    # "…, officials said." parses with the speech verb as a parataxis/ccomp child of the root ("…, citing X" has no speaker).
    if head.i == tok.i or head.head.i == tok.i:
        # ("withdrew the challenge after tests revealed ..." is an adverbial clause with its own conjunction: no report)
        return next((c for c in tok.children if c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_.lower() in speech and c.i > head.i
                     and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                     and not (c.dep_ == "advcl" and any(g.dep_ == "mark" for g in c.children))), None)
    return None


def _closing_attribution(head, speech):
    """The speech verb of a closing "…, Defence Minister Sergei Shoigu said on Monday." that the parser left without
    its speaker (the name hung on a place before it, the verb a conjunct of the root): after the sentence's last comma
    and past the trigger, only a speaker's words (no verb), then a past or present speech verb with nothing said after
    it but when and where."""
    sent = head.sent
    verb = next((t for t in reversed(sent) if t.lemma_.lower() in speech and t.tag_ in ("VBD", "VBZ")), None)
    if verb is None or verb.i <= head.i or any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubj") for c in verb.children):
        return None
    comma = next((t for t in reversed(sent.doc[head.i:verb.i]) if t.text == ","), None)
    if comma is None or comma.i <= head.i:
        return None
    words = sent.doc[comma.i + 1:verb.i]
    if not len(words) or not any(t.pos_ in ("PROPN", "NOUN") for t in words) or any(t.pos_ in ("VERB", "AUX", "PRON") for t in words):
        return None
    after = sent.doc[verb.i + 1:sent.end]
    return verb if all(t.is_punct or t.dep_ in ("prep", "pobj", "npadvmod", "det", "amod", "compound", "advmod") for t in after) else None


def _clause_verb(head):
    """The verb whose tense tells the trigger's: the trigger itself, the verb above a noun trigger ("was the target of
    an attack"), or the verb an infinitive or gerund trigger depends on ("started supporting")."""
    tok = head
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ not in ("VBG", "VB") or tok.head.i == tok.i:
            return tok
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("xcomp",) and not (
                tok.tag_ == "VBG" and tok.dep_ == "advcl" and not any(c.dep_ in ("mark", "nsubj") for c in tok.children)):
            return tok  # (but "won the election, pledging to end the violence": a bare participle's tense is its clause's)
        tok = tok.head
    return tok


def _said_to(head, cues):
    """The speech verb when the trigger is what someone 'is said to' or 'was reported to' have done, else None."""
    speech = set(cues["reported"]["speech_verbs"])
    tok = head
    while tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
        if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return None  # "The attack was claimed by the Houthis, but Saudi Arabia has alleged ...": a clause of its own
        tok = tok.head
        if tok.lemma_.lower() in speech and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            return tok
    return None


def _source_phrase(sent, cues, head=None) -> tuple[int, int] | None:
    """The article offsets of the first phrase of the sentence that names the source of a report ("according to
    the ministry", "reportedly"), as whole words, or None. "According to" followed (after an optional article)
    by a relative or a document's terms names no source ("an agreement, according to which ..."), nor does a phrase
    inside a relative clause the trigger at `head` is not in ("apologized to Duterte, which the President accepted
    according to a statement": the acceptance is reported, the apology told)."""
    text = sent.text.lower()
    not_sources = "|".join(map(re.escape, cues["reported"]["not_sources"]))
    for phrase in cues["reported"]["phrases"]:
        for found in re.finditer(rf"\b{re.escape(phrase)}\b(?!\s+(?:(?:the|this|that|its|their)\s+)?(?:{not_sources})\b)", text):
            word = sent.doc.char_span(sent.start_char + found.start(), sent.start_char + found.end(), alignment_mode="expand")
            if word is not None and len(word) == 1 and word[0].head.pos_ == "ADJ" and word[0].head.dep_ == "amod":
                continue  # "cleared reportedly peaceful protesters": what is reported is that they were peaceful
            if word is not None and head is not None and _in_other_relative(word[0], head):
                continue
            return sent.start_char + found.start(), sent.start_char + found.end()
    return None


def _in_other_relative(tok, head) -> bool:
    """Whether a word stands in a relative clause that does not hold the trigger at `head`."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.dep_ == "relcl":
            return t.i != head.i and not t.is_ancestor(head)
    return False


# Agentless passives of the law's acts ("Nuiry was arrested Thursday", "nine men were jailed"): the sectors
# of who does them, when the article names such an agency elsewhere.
_LEGAL_AGENTS = {("COERCE", "arrest"): ("COP",), ("COERCE", "detain"): ("COP",), ("SANCTION", "convict"): ("JUD",)}
_CHARGES = {"charge", "indict", "prosecute"}
_REPEATED = {"time", "times", "repeatedly", "often", "frequently", "twice", "regularly", "again"}
_CONVICTORS = {"court", "judge", "jury", "tribunal", "justice", "magistrate", "magistrates"}  # who convicts and sentences
_CHARGERS = {"prosecutor", "prosecutors", "prosecution", "police", "attorney", "attorneys", "office", "department"}
_LEGAL_REACH = 1000  # characters around the sentence where the agency must be named


def _in_harm_judged(hit: _Hit, mention) -> bool:
    """Whether a place is where a harm happened that the event only judges: "condemned the bombings of the U.S.
    embassies in Kenya and Tanzania" happened wherever the one condemning was, not in Kenya."""
    if hit.type not in ("ACCUSE", "SUPPORT", "REJECT", "THREATEN", "REQUEST"):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _HARMS and c.left_edge.idx <= mention.start < c.right_edge.idx + len(c.right_edge)
               for c in hit.head.children)


def _describing(sdoc, start: int, end: int) -> bool:
    """Whether a mention only describes someone else: "a former commissioner of the New York police"."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ == "of"


def _words_of(actor) -> set[str]:
    return {w.lower().strip(".,") for w in (actor.name or "").split()} | {w.lower().strip(".,") for m in actor.mentions for w in m.text.split()}


def _legal_agent(hit: _Hit, sent, ctx: "_Context") -> list[EventActor]:
    """The agency an agentless passive of an arrest, a charge or a sentence leaves implied, when the article names
    one (docs/annotation.md section 10): the police for an arrest, a court or judge for a conviction or a sentence,
    the police or the prosecution for a charge; the nearest mention before the sentence, else the first after."""
    head = hit.head
    if head.pos_ != "VERB" or not any(c.dep_ == "nsubjpass" for c in head.children) or any(c.dep_ == "agent" for c in head.children):
        return []
    if any(c.dep_ == "prep" and c.lower_ == "since" or c.dep_ in ("npadvmod", "advmod") and c.lemma_.lower() in _REPEATED
           for c in head.children):
        return []  # "had been arrested in several states since 1990", "arrested more than a dozen times": a record, no one act
    sectors = _LEGAL_AGENTS.get((hit.type, hit.mode))
    if hit.type == "ACCUSE" and head.lemma_.lower() in _CHARGES:
        sectors = ("COP", "JUD")
    if not sectors:
        return []
    words = _CONVICTORS if hit.type == "SANCTION" else _CHARGERS if hit.type == "ACCUSE" else None
    if hit.type == "SANCTION":
        # "was convicted in state court", "sentenced in a federal court in Manhattan": the court the sentence names.
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.lemma_.lower() in _CONVICTORS:
                        name = [t for t in g.subtree if t.i <= g.i and t.dep_ in ("compound", "amod", "nmod") or t.i == g.i]
                        start, end = name[0].idx, g.idx + len(g)
                        return [EventActor(text=_doc_text(sent.doc)[start:end], sector="JUD", start=start, end=end)]
    lo, hi = sent.start_char - _LEGAL_REACH, sent.end_char + _LEGAL_REACH
    # An agency of another country than the one the sentence places the act in did not do it ("Italian police" named
    # before "was arrested in California").
    where = {p.country3 for p in ctx.places_between(sent.start_char, sent.end_char) if p.country3}
    found = [(s, e, a) for s, e, a in ctx.mentions_between(lo, hi) if lo <= s < hi and a.sector in sectors and a.kind != "country"
             and not (sent.start_char <= s < sent.end_char) and (words is None or _words_of(a) & words)
             and not _describing(sent.doc, s, e) and not (a.kind == "person" and hit.type == "COERCE")
             and not (where and a.country and a.country not in where)]
    # (an arrest is the force's act, not its chief's: "two people have been arrested ... police chief Joseph Nandi said")
    before = [m for m in found if m[1] <= sent.start_char]
    pick = max(before, key=lambda m: m[0]) if before else min(found, key=lambda m: m[0], default=None)
    if pick is None:
        return []
    s, e, actor = pick
    text = _doc_text(sent.doc)
    return [EventActor(text=text[s:e], name=actor.name, country=actor.country, sector=actor.sector, actor_id=actor.id, start=s, end=e)]


def _inherit_modes(kept: list[Event], clauses: dict[int, int], candidates: list[Event]) -> list[Event]:
    """A kept event without a mode takes it from a dropped candidate of its type in its own clause ("a car bomb killed five": explosives)."""
    out = []
    for e in kept:
        clause = clauses.get(e.evidence.trigger.start)
        if e.mode is None:
            donor = max((c for c in candidates if c.type == e.type and c.mode and c not in kept and clauses.get(c.evidence.trigger.start) == clause),
                        key=lambda c: c.confidence, default=None)
            if donor is not None:
                cameo, quad, intensity = ontology.codes(e.type, donor.mode)
                e = e.model_copy(update={"mode": donor.mode, "cameo": cameo, "quad_class": quad, "intensity": intensity})
        out.append(e)
    return out


_UNREAL = ("speculated", "hypothetical")


def _distinct_claim(event: Event, kept: list[Event]) -> bool:
    """A clause that speculates about (or supposes) an event of another type is a claim of its own worth keeping:
    analysts want 'fear of an arms deal' recorded as a speculated deal beside the visit that caused it."""
    if event.factuality in _UNREAL and all(k.type != event.type for k in kept):
        return True
    # ... and so is the claim that tells it ("Russia claimed that Ukrainian forces had shelled the bridge"): who says
    # the deed was done accuses its doers.
    accused = {r.actor_id or r.text for r in event.recipients}
    return event.type == "ACCUSE" and event.mode == "allege" and any(
        k.factuality in _UNREAL and accused & {a.actor_id or a.text for a in k.actors} for k in kept)


def _select(events: list[Event]) -> list[Event]:
    """The best event of a sentence, plus others only with clear evidence: an actor of their own, not the best's."""
    ranked = sorted(events, key=lambda e: -e.confidence)
    best = ranked[0]
    kept = [best]
    for e in ranked[1:]:
        if any(k.evidence.trigger == e.evidence.trigger and "AGREE" in (k.type, e.type) for k in kept):
            # The commitment read off a future modal goes with the planned action it states.
            kept.append(e)
            continue
        own = {a.actor_id or a.text for a in e.actors}
        taken = {a.actor_id or a.text for k in kept for a in k.actors}
        if own and not own & taken and all(k.type != e.type for k in kept) and e.confidence >= 0.8 * best.confidence:
            kept.append(e)
    return sorted(kept, key=lambda e: e.evidence.trigger.start if e.evidence.trigger else 0)


def _joined_acts(events: list[Event], sent) -> list[Event]:
    """Joined verbs of one type that share one object tell one act ("shot and killed a man", "arrested and questioned
    three journalists"): one event, the first, which takes the place, recipients and mode it lacks from the others.
    Verbs with objects of their own ("withdrew troops and freed prisoners") are separate acts."""
    heads = {}
    for event in events:
        if event.evidence.trigger is not None:
            span = sent.doc.char_span(event.evidence.trigger.start, event.evidence.trigger.end, alignment_mode="expand")
            if span is not None and len(span):
                heads[event.id] = span.root
    out: list[Event] = []
    for event in events:
        head = heads.get(event.id)
        first = next((k for k, e in enumerate(out) if e.type == event.type and head is not None and heads.get(e.id) is not None
                      and head.dep_ == "conj" and head.pos_ == "VERB" and heads[e.id] in head.ancestors
                      and not any(c.dep_ in ("dobj", "dative") for c in heads[e.id].children)  # one object: one act
                      and {a.text for a in e.actors} == {a.text for a in event.actors}), None)
        if first is None:
            out.append(event)
            continue
        kept = out[first]
        recipients = kept.recipients + [r for r in event.recipients if r.text not in {q.text for q in kept.recipients}]
        out[first] = kept.model_copy(update={**_lacking(kept, event), "recipients": recipients,
                                             "confidence": max(kept.confidence, event.confidence)})
    return out


def _lacking(better: Event, other: Event) -> dict:
    """What `better` takes from another mention of its act: the actors, recipients, place and mode it has none of."""
    update = {}
    if not better.actors and other.actors:
        update["actors"] = other.actors
    if not better.recipients and other.recipients:
        update["recipients"] = other.recipients
    if better.location is None and other.location is not None:
        update["location"] = other.location
    if better.mode is None and other.mode:
        update["mode"] = other.mode
        update["cameo"], update["quad_class"], update["intensity"] = ontology.codes(better.type, other.mode)
    return update


def _merge(events: list[Event]) -> list[Event]:
    """One event per type and trigger: a stated commitment and an explicit AGREE on one word are one event."""
    kept: dict[tuple, Event] = {}
    for event in events:
        key = (event.type, event.evidence.trigger.start if event.evidence.trigger else event.evidence.start)
        prior = kept.get(key)
        if prior is None:
            kept[key] = event
            continue
        better, other = (prior, event) if prior.confidence >= event.confidence else (event, prior)
        kept[key] = better.model_copy(update=_lacking(better, other))
    return list(kept.values())
