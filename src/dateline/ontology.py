"""The PLOVER ontology and the tables around it, loaded from the data files in `dateline/data/`.

Types and modes (plover.json), event trigger lexicon (events-triggers.tsv), factuality cues
(events-factuality.json), content modes (events-content.json), CAMEO codes and intensities
(mappings-cameo.tsv), ACLED event and sub-event types (mappings-acled.json) and the mappings onto other
classification schemes (mappings-schemes.json).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from .errors import ConfigError


def _read(name: str) -> str:
    try:
        return resources.files("dateline").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"data file {name} is missing from the dateline package; reinstall dateline") from None


def _json(name: str) -> dict:
    try:
        return json.loads(_read(name))
    except json.JSONDecodeError as err:
        raise ConfigError(f"data file {name} is not valid JSON ({err.msg}, line {err.lineno}); fix the file") from None


def _tsv(name: str) -> list[dict]:
    """Rows of a tab-separated file with a header line; '#' lines are comments."""
    lines = [line for line in _read(name).splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ConfigError(f"data file {name}: row {number} ({line!r}) has {len(cells)} cells, the header has {len(header)}; fix the row")
        rows.append(dict(zip(header, cells)))
    return rows


@lru_cache(maxsize=1)
def plover() -> dict:
    """The PLOVER types (definition, quad class, modes), factuality values and sector codes."""
    return _json("plover.json")


def types() -> list[str]:
    return list(plover()["types"])


def modes(event_type: str) -> list[str]:
    return list(plover()["types"][event_type]["modes"])


def check_type(event_type: str, mode: str | None, where: str) -> None:
    """Raise ConfigError when a data file names a type or mode that PLOVER does not have."""
    known = plover()["types"]
    if event_type not in known:
        raise ConfigError(f"{where}: unknown PLOVER type {event_type!r}; valid types are: {', '.join(known)}")
    if mode and mode not in known[event_type]["modes"]:
        raise ConfigError(f"{where}: unknown mode {mode!r} for {event_type}; valid modes are: {', '.join(known[event_type]['modes']) or 'none'}")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma sequence that denotes an event of `type` (and `mode`)."""

    lemmas: tuple[str, ...]
    pos: str  # "V", "N" or "A"
    type: str
    mode: str | None
    obj: frozenset[str] | None = None
    prep: frozenset[str] | None = None
    agent: frozenset[str] | None = None
    nocomp: bool = False
    accused: bool = False  # the trigger's clause says someone else did something ("claims Mahan flies fighters to Syria")
    told: bool = False  # the trigger has an infinitive complement: what its object is made to do ("ordered residents to leave")
    noprep: frozenset[str] | None = None
    theme: bool = False  # the direct object is the thing given, not the recipient
    negative: bool = False  # the words deny the event: "acquitted" is a conviction that did not happen
    weight: float = 0.5

    @property
    def conditional(self) -> bool:
        return bool(self.obj or self.prep or self.agent or self.nocomp or self.told or self.noprep or self.accused)


def _parse_cond(cond: str, where: str) -> dict:
    out: dict = {}
    for part in filter(None, (p.strip() for p in cond.split(";"))):
        if part in ("nocomp", "told", "theme", "negative", "accused"):
            out[part] = True
            continue
        key, sep, values = part.partition("=")
        if not sep or key not in ("obj", "prep", "noprep", "agent"):
            raise ConfigError(f"{where}: condition {part!r} is not one of obj=…, prep=…, noprep=…, agent=…, nocomp, told, accused, theme, negative; fix the row")
        out[key] = frozenset(v.strip().lower() for v in values.split("|") if v.strip())
    return out


@lru_cache(maxsize=1)
def triggers() -> dict[str, list[Trigger]]:
    """The trigger lexicon indexed by first lemma; each list is in matching order (longest, conditional, heaviest first)."""
    index: dict[str, list[Trigger]] = {}
    for number, row in enumerate(_tsv("events-triggers.tsv"), 2):
        where = f"events-triggers.tsv row {number}"
        mode = row["mode"] or None
        check_type(row["type"], mode, where)
        if row["pos"] not in ("V", "N", "A"):
            raise ConfigError(f"{where}: pos {row['pos']!r} must be V, N or A")
        trig = Trigger(
            lemmas=tuple(row["pattern"].lower().split()), pos=row["pos"], type=row["type"], mode=mode,
            weight=float(row["weight"]), **_parse_cond(row["cond"], where),
        )
        index.setdefault(trig.lemmas[0], []).append(trig)
    for entries in index.values():
        entries.sort(key=lambda t: (-len(t.lemmas), not t.conditional, -t.weight))
    return index


@lru_cache(maxsize=1)
def factuality_cues() -> dict:
    """Cue lexicons for factuality (negation, modality, speculation, plans, reporting, history)."""
    return _json("events-factuality.json")


@lru_cache(maxsize=1)
def statement_frames() -> dict[str, set[str]]:
    """Verb lemma -> object lemmas that make it a statement frame (events-statements.json)."""
    data = _json("events-statements.json")
    return {k: set(v) for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def appraisal_cues() -> dict:
    """Verbs of naming and the words that make a name a judgement against or for (events-statements.json)."""
    data = _json("events-statements.json")["_appraisal"]
    return {"verbs": frozenset(data["verbs"]), "negative": frozenset(data["negative"]), "positive": frozenset(data["positive"]),
            "weight": float(data["weight"])}


@lru_cache(maxsize=1)
def judgement_cues() -> dict:
    """Verbs of saying and verbs of wrongdoing through which a statement judges someone (events-statements.json)."""
    data = _json("events-statements.json")["_judgement"]
    return {"verbs": frozenset(data["verbs"]), "wrongs": {k: frozenset(v) for k, v in data["wrongs"].items()}, "weight": float(data["weight"])}


@lru_cache(maxsize=1)
def directive_cues() -> dict:
    """Verbs of saying and modals of obligation that make a statement a request (events-statements.json)."""
    return _json("events-statements.json")["_directive"]


@lru_cache(maxsize=1)
def content_modes() -> dict:
    """Governing type -> embedded type (or type/mode) -> mode of the governing event."""
    data = _json("events-content.json")
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def instrument_modes() -> dict[str, dict[str, str]]:
    """Type -> instrument lemma -> mode (events-instruments.json)."""
    data = _json("events-instruments.json")
    out: dict[str, dict[str, str]] = {}
    for etype, modes in data.items():
        if etype.startswith("_"):
            continue
        for mode, lemmas in modes.items():
            check_type(etype, mode, "events-instruments.json")
            for lemma in lemmas:
                out.setdefault(etype, {})[lemma.lower()] = mode
    return out


@lru_cache(maxsize=1)
def cameo_table() -> dict[tuple[str, str | None], tuple[str, float]]:
    """(type, mode) -> (CAMEO code, intensity)."""
    table = {}
    for number, row in enumerate(_tsv("mappings-cameo.tsv"), 2):
        mode = row["mode"] or None
        check_type(row["type"], mode, f"mappings-cameo.tsv row {number}")
        table[(row["type"], mode)] = (row["cameo"], float(row["intensity"]))
    return table


def quad_class(cameo: str) -> int:
    """GDELT quad class of a CAMEO code: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def codes(event_type: str, mode: str | None) -> tuple[str | None, int | None, float | None]:
    """CAMEO code, quad class and intensity of a PLOVER type + mode (the type's default row when the mode has none)."""
    table = cameo_table()
    found = table.get((event_type, mode)) or table.get((event_type, None))
    if not found:
        return None, None, None
    cameo, intensity = found
    return cameo, quad_class(cameo), intensity


@lru_cache(maxsize=1)
def scheme_mappings() -> dict:
    return {k: v for k, v in _json("mappings-schemes.json").items() if not k.startswith("_")}


def schemes() -> list[str]:
    return [*scheme_mappings(), "acled"]


@dataclass(frozen=True)
class AcledLabel:
    """An event's ACLED reading: the sub-event label of ACLED-annotated snippets, and ACLED's own names."""

    code: str  # e.g. "AIR_STRIKE"; DIPLO and ATTRIB for diplomacy and blame, which ACLED files under Other
    sub_event_type: str  # e.g. "Air/drone strike"
    event_type: str  # e.g. "Explosions/Remote violence"
    disorder_type: str  # "Political violence", "Demonstrations" or "Strategic developments"


@lru_cache(maxsize=1)
def acled_table() -> dict:
    """mappings-acled.json, checked: every rule names a PLOVER type and mode and a known code, every code a sub-event type."""
    data = _json("mappings-acled.json")
    sub_to_type = {sub: (etype, info["disorder_type"]) for etype, info in data["event_types"].items() for sub in info["sub_event_types"]}
    for code, sub in data["codes"].items():
        if sub not in sub_to_type:
            raise ConfigError(f"mappings-acled.json: code {code} names {sub!r}, which is no ACLED sub-event type; fix the code")
    rules = []
    for number, rule in enumerate(data["rules"], 1):
        where = f"mappings-acled.json rule {number}"
        check_type(rule["type"], rule.get("mode"), where)
        if rule["code"] not in data["codes"]:
            raise ConfigError(f"{where}: unknown code {rule['code']!r}; valid codes are: {', '.join(data['codes'])}")
        rules.append({**rule, **{key: re.compile(r"\b(?:" + "|".join(rule[key]) + r")\b", re.I) if rule.get(key) else None
                                 for key in ("cues", "actor_cues")}})
    labels = {code: AcledLabel(code, sub, *sub_to_type[sub]) for code, sub in data["codes"].items()}
    return {"rules": rules, "labels": labels, "none": data["none"], "event_types": data["event_types"]}


def acled(event_type: str, mode: str | None = None, contexts: Iterable[str] = (), sentence: str = "",
          actor_sectors: Iterable[str | None] = (), recipient_sectors: Iterable[str | None] = (), actor_text: str = "") -> AcledLabel:
    """The ACLED event type and sub-event type of a PLOVER event: the first rule of mappings-acled.json that matches
    its type, mode, contexts, the cue words of its sentence and of its actors' names (`actor_text`) and its
    participants' sectors; else Strategic developments/Other."""
    table = acled_table()
    contexts, actors, recipients = set(contexts), set(actor_sectors), set(recipient_sectors)
    for rule in table["rules"]:
        if rule["type"] != event_type or ("mode" in rule and rule["mode"] != mode):
            continue
        if "contexts" in rule and not contexts & set(rule["contexts"]):
            continue
        if "actor_sectors" in rule and not actors & set(rule["actor_sectors"]):
            continue
        if "recipient_sectors" in rule and not recipients & set(rule["recipient_sectors"]):
            continue
        if rule["cues"] is not None and not rule["cues"].search(sentence):
            continue
        if rule["actor_cues"] is not None and not rule["actor_cues"].search(actor_text):
            continue
        return table["labels"][rule["code"]]
    return table["labels"][table["none"]]


def acled_of(event) -> AcledLabel:
    """`acled` for a models.Event."""
    return acled(event.type, event.mode, event.contexts, event.evidence.sentence,
                 [a.sector for a in event.actors], [a.sector for a in event.recipients], " ".join(a.text for a in event.actors))


def _lookup(labels: dict, event_type: str, mode: str | None):
    if mode and f"{event_type}/{mode}" in labels:
        return labels[f"{event_type}/{mode}"]
    return labels.get(event_type)


_WORD = re.compile(r"[\w-]+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def scheme_label(event_type: str, mode: str | None, scheme: str):
    """The label of one PLOVER type + mode in `scheme` (None when the scheme has no counterpart)."""
    mapping = _scheme(scheme)
    return _lookup(mapping["labels"], event_type, mode)


def _scheme(scheme: str) -> dict:
    mappings = scheme_mappings()
    if scheme not in mappings:
        raise ConfigError(f"unknown classification scheme {scheme!r}; valid schemes are: {', '.join(schemes())}")
    return mappings[scheme]


def to_scheme(events: Iterable, scheme: str) -> list[str]:
    """Labels of `scheme` for a text whose events are `events` (best first); single-label schemes give at most one.

    `events` are models.Event; for the police scheme an event counts only when its actor is the police
    (or its mode implies the police), FAIL comes from a negated police event or failure words in its sentence
    and KILL from killing words. Only events give labels here; `text_cues` gives what the raw wording adds.
    """
    events = list(events)
    if scheme == "acled":  # ACLED-annotated snippets: the label of the text's main event
        return [acled_of(events[0]).code if events else acled_table()["none"]]
    mapping = _scheme(scheme)
    if mapping["kind"] == "single":
        # A scheme may leave out what is only supposed or framed as a statement ("is considering sending aid" is a
        # CAMEO statement, not aid).
        skip_f, skip_c = set(mapping.get("skip_factuality", ())), set(mapping.get("skip_contexts", ()))
        refused = mapping.get("negated_labels", {})
        for event in events:
            if event.factuality == "negated" and event.type in refused and not skip_c & set(event.contexts or ()):
                return [refused[event.type]]  # CAMEO's REJECT: "will not lift the ban", "failed to reach agreement"
            if event.factuality in skip_f or skip_c & set(event.contexts or ()):
                continue
            # A scheme may code what the event's context says of it as its own category: a commitment told as a planned
            # act ("Russia said it will send troops") is PLOVER's AGREE and CAMEO's intent to cooperate.
            label = next((mapping["context_labels"][c] for c in event.contexts or () if c in mapping.get("context_labels", {})), None)
            label = label or _lookup(mapping["labels"], event.type, event.mode)
            if label:
                return [label]
        return [mapping["none"]] if mapping["none"] else []
    labels = set(_police(events, mapping))
    # Every specific police label is a police action against people.
    if labels:
        labels.add("ANY_ACTION")
    return sorted(labels)


def text_cues(text: str, scheme: str) -> list[str]:
    """Labels of `scheme` that the raw wording alone gives, without any event (the scheme's `text_cues` and
    `fail_phrases` in mappings-schemes.json): a separate figure, which does not measure the event pipeline.

    For the police scheme: police and their measures named lexically, since lower-cased text defeats NER
    ("killed in police firing" is KILL and FORCE), and the police failing to act, which is no event.
    A scheme without cues (acled, whose table lives in mappings-acled.json) gives none.
    """
    if scheme == "acled":
        return []
    mapping = _scheme(scheme)
    lowered = " ".join(text.lower().split())
    labels: set[str] = set()
    for pattern, found in _compiled_cues(mapping):
        if pattern.search(lowered):
            labels.update(found)
    if mapping.get("fail_phrases") and _police_failure(lowered, mapping):
        labels.update({"FAIL", "ANY_ACTION"})
    return sorted(labels)


def _compiled_cues(mapping: dict) -> list:
    return _compile_cues(tuple((c["pattern"], tuple(c["labels"])) for c in mapping.get("text_cues", ())))


@lru_cache(maxsize=8)
def _compile_cues(cues: tuple) -> list:
    return [(re.compile(pattern), labels) for pattern, labels in cues]


def _police_failure(text: str, mapping: dict) -> bool:
    """Whether a text that names the police says they failed to act ("total inaction on the part of the police"),
    which no event records: inaction is not an event."""
    lowered = " ".join(text.lower().split())
    return bool(_words(lowered) & set(mapping["actor_words"])) and any(p in lowered for p in mapping.get("fail_phrases", ()))


def _stem_hit(words: set[str], stems: list[str]) -> bool:
    """Whether a word begins with one of the stems ("killed" with "kill")."""
    return any(w.startswith(stem) for w in words for stem in stems)


def _police(events: list, mapping: dict) -> list[str]:
    actor_words = set(mapping["actor_words"])
    implied = set(mapping["implied"])
    labels: set[str] = set()
    for event in events:
        key = f"{event.type}/{event.mode}"
        actor_text = " ".join(a.text for a in event.actors)
        by_police = any(a.sector == "COP" for a in event.actors) or bool(_words(actor_text) & actor_words)
        if not (by_police or key in implied):
            continue
        sentence = _words(event.evidence.sentence)
        trigger = _words(event.evidence.trigger.text) if event.evidence.trigger else set()
        if event.factuality == "negated" or _stem_hit(sentence, mapping["fail_words"]):
            labels.update({"FAIL", "ANY_ACTION"})
            if event.factuality == "negated":
                continue
        found = _lookup(mapping["labels"], event.type, event.mode) or mapping["labels"].get("_default")
        if found:
            labels.update(found)
        # A death at police hands or in their custody ("died in police custody") is a killing by the police.
        if (event.type == "ASSAULT" or key in mapping.get("kill_keys", ())) and _stem_hit(trigger | sentence, mapping["kill_words"]):
            labels.update({"KILL", "ANY_ACTION"})
    return sorted(labels)


def canonical_mode(mode: str | None) -> str | None:
    """A mode in the current PLOVER spelling (older modes such as "strike-hun" become "hunger")."""
    if not mode:
        return None
    mode = mode.lower()
    return plover().get("mode_aliases", {}).get(mode, mode)
