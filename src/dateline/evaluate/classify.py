"""`dateline eval classify`: the event type of a text, in one of the schemes plover, cameo-quad, acled, police.

The pipeline codes the text with its own ontology (PLOVER); its events are mapped onto the scheme by
`ontology.to_scheme`. Single-label schemes take the text's main event: the type with the most
confidence summed over its events, earlier sentences weighing more (headlines and leads carry the
story); multi-label schemes (police) take the labels of all events. A text of a single-label scheme
whose candidates the events stage's precision gate all dropped (no actor named, a question, ...) still
has a type: the classify task asks what a text is about, not which events the default output keeps, so
such a text takes its strongest candidate before the gate (`text_reading`), scored as the stage scores
candidates. The figures measure the event pipeline only; for a scheme with raw-text cues (police),
`text_cues` gives the same F1s with the labels the wording alone adds, a separate figure.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .. import classifier, ontology
from ..errors import EvalError
from ..models import Document
from ..settings import Settings
from . import pipeline_for, prf, stage_for
from .events import all_candidates, code_texts

TARGET = "events"
NONE = "(none)"
LEAD_WEIGHT = 1.0
LEAD_CHARS = 400


def main_events(doc: Document, model=None) -> list:
    """The document's events, best first: events of the strongest type lead, then by confidence.

    A type's strength is its events' confidence, earlier sentences weighing more, plus the sentence
    classifier's probability for it on the document's lead (its first sentences), which tells what the
    story as a whole is about when several of its sentences code different events.
    """
    if not doc.events:
        return []
    starts = sorted({e.evidence.start for e in doc.events})
    rank = {start: i for i, start in enumerate(starts)}
    by_type: dict[str, float] = defaultdict(float)
    for e in doc.events:
        by_type[e.type] += e.confidence / (1.0 + 0.5 * rank[e.evidence.start])
    if LEAD_WEIGHT and len(starts) > 1:
        model = model or classifier.load("plover")
        probs = model.proba(doc.article.text[:LEAD_CHARS])
        for etype in by_type:
            by_type[etype] += LEAD_WEIGHT * probs.get(etype, 0.0)
    return sorted(doc.events, key=lambda e: (-by_type[e.type], -e.confidence))


@dataclass(frozen=True)
class Reading:
    """A text's type read from an events-stage candidate that no event was kept for (enough of an event for to_scheme)."""

    type: str
    mode: str | None
    factuality: str = "asserted"
    contexts: tuple = ()


def text_reading(doc: Document, stage) -> Reading | None:
    """The strongest of the events stage's candidates before its gate (`Events.candidates`), None without any.

    Each candidate is scored as the stage scores one: its rule weight blended with the sentence classifier's
    probability for its type (the stage's `model_weight`), earlier sentences weighing more, as in `main_events`.
    """
    candidates, model = getattr(stage, "candidates", None), getattr(stage, "model", None)
    if doc.spacy is None or candidates is None:
        return None  # a swapped events stage that cannot tell its candidates
    # Events.reading also tells whether the words were read in another sense; a stage without it only has candidates.
    read = getattr(stage, "reading", None) or (lambda sent: (candidates(sent), False))
    share = getattr(stage, "model_weight", 0.0) if model is not None else 0.0
    best, reading = -1.0, None
    guess, guessed = -1.0, None
    for rank, sent in enumerate(doc.spacy.sents):
        found, otherwise = read(sent)
        probs = model.proba(sent.text) if model is not None else {}
        for etype, mode, weight in found:
            strength = ((1 - share) * weight + share * probs.get(etype, 0.0)) / (1.0 + 0.5 * rank)
            if strength > best:
                best, reading = strength, Reading(etype, mode)
        if not found and probs and not otherwise:
            # No trigger in the sentence: the classifier's type, when it is sure enough (the stage's model_threshold),
            # as the stage's fallback would code it (weight 0.2 + 0.5 p); not where the words were read in another
            # sense ("declined to comment" is no event, and CAMEO's statement).
            etype, p = max(probs.items(), key=lambda kv: kv[1])
            strength = ((1 - share) * (0.2 + 0.5 * p) + share * p) / (1.0 + 0.5 * rank)
            if p >= getattr(stage, "model_threshold", 1.0) and strength > guess:
                guess, guessed = strength, Reading(etype, None)
    return reading or guessed


def labels_for(doc: Document, scheme: str, model=None, stage=None) -> list[str]:
    """The scheme's labels for a coded document: from its events, or for a single-label scheme, when it has none,
    from the events stage's strongest candidate (`text_reading`; only when `stage` is given)."""
    events = main_events(doc, model)
    if not events and stage is not None and ontology.scheme_mappings().get(scheme, {}).get("kind") == "single":
        reading = text_reading(doc, stage)
        events = [reading] if reading else []
    return ontology.to_scheme(events, scheme)


def with_text_cues(labels: list[str], doc: Document, scheme: str) -> list[str]:
    """The labels with those the raw wording adds (`ontology.text_cues`); for the separate `text_cues` figure."""
    return sorted(set(labels) | set(ontology.text_cues(doc.article.text, scheme)))


def score(gold: list[list[str]], predicted: list[list[str]]) -> dict:
    """Micro, macro and weighted F1, per-label precision / recall / F1 / support, and the confusion matrix."""
    labels = sorted({l for ls in gold for l in ls})
    tp, fp, fn = Counter(), Counter(), Counter()
    confusion: dict[str, Counter] = defaultdict(Counter)
    for g, p in zip(gold, predicted):
        g, p = set(g), set(p)
        for label in p & g:
            tp[label] += 1
        for label in p - g:
            fp[label] += 1
        for label in g - p:
            fn[label] += 1
        if len(g) <= 1 and len(p) <= 1:
            confusion[next(iter(g), NONE)][next(iter(p), NONE)] += 1
    per_label = {}
    for label in labels:
        p_, r_, f_ = prf(tp[label], fp[label], fn[label])
        per_label[label] = {"precision": p_, "recall": r_, "f1": f_, "support": tp[label] + fn[label]}
    micro = prf(sum(tp[l] for l in labels), sum(fp[l] for l in labels), sum(fn[l] for l in labels))[2]
    macro = sum(v["f1"] for v in per_label.values()) / len(per_label) if per_label else 0.0
    support = sum(v["support"] for v in per_label.values())
    weighted = sum(v["f1"] * v["support"] for v in per_label.values()) / support if support else 0.0
    return {"micro_f1": micro, "macro_f1": macro, "weighted_f1": weighted, "per_label": per_label,
            "confusion": {g: dict(row) for g, row in sorted(confusion.items())}}


def task_settings(settings: Settings, records: list[dict]) -> Settings:
    """Every record is an event: score how the candidates are typed, with the confidence threshold off."""
    return all_candidates(settings)


def evaluate(records: list[dict], settings: Settings, scheme: str | None = None, stages: list | None = None) -> dict:
    """Code each record's text with the pipeline, map its events onto the scheme and score the labels."""
    known = ontology.schemes()
    for number, record in enumerate(records, 1):
        name = scheme or record.get("scheme")
        if name not in known:
            raise EvalError(f"record {number} ({record.get('id')}) has scheme {name!r}; valid schemes are: {', '.join(known)} (or pass --scheme)")
        if "text" not in record or not isinstance(record.get("labels"), list):
            raise EvalError(f"record {number} ({record.get('id')}) lacks 'text' or a 'labels' list; this is not a classify file (see FORMATS.md)")
    settings = all_candidates(settings)
    stages = stages if stages is not None else pipeline_for(settings, TARGET)
    docs = code_texts([(r["text"], r.get("dct")) for r in records], settings, stages)
    events = stage_for(stages, TARGET)
    model = getattr(events, "model", None)
    names = [scheme or r["scheme"] for r in records]
    predicted = [labels_for(doc, name, model, events) for name, doc in zip(names, docs)]
    gold = [r["labels"] for r in records]
    metrics = score(gold, predicted)
    if any(ontology.scheme_mappings().get(name, {}).get("text_cues") for name in set(names)):
        cued = score(gold, [with_text_cues(p, doc, name) for p, doc, name in zip(predicted, docs, names)])
        metrics["text_cues"] = {key: cued[key] for key in ("micro_f1", "macro_f1", "weighted_f1")}
    return metrics
