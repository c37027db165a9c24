"""Event confidence: the probability that a coded event is fully correct (right type, actor, recipient,
factuality and place), from a logistic model over what the events stage knows about it and over the sentence
embedding (dateline.embed) of the event's roles and sentence.

Not a stage: the events stage calls `Calibrator.probability` on each merged event. The model
(data/model-confidence.json) is fitted by `scripts/train_confidence.py` on the tune split of the
project's gold (eval/gold/events.jsonl) and records the articles it was fitted on and the threshold
chosen there; the held split is never used to fit it.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import embed
from .errors import ConfigError
from .models import Event

EMBEDDING_MODEL = embed.MODEL_ID

FEATURES = (
    "rules", "trigger_weight", "fallback", "classifier", "noun_trigger",
    "actor_known", "actor_entity", "actor_noun", "actor_pronoun", "several_actors",
    "recipient", "recipient_known", "asserted", "reported", "unreal", "historical",
    "mentions", "quoted", "sentence_length", "position", "location", "dated", "verbal",
    "recipient_missing", "location_country", "main_clause", "physical",
)
# Types whose events mostly have someone on the receiving end: one without a recipient has likely missed it.
_DIRECTED = {"ASSAULT", "ACCUSE", "COERCE", "REQUEST", "SANCTION", "THREATEN", "REJECT", "SUPPORT", "AID", "CONSULT", "AGREE", "CONCEDE"}
# Physical acts done to someone somewhere (PLOVER's material types other than yielding and sanctions, which are
# mostly decisions announced): their attacker or arresting force is often unnamed in the sentence, and the place
# counts, so they are fully correct far less often than what someone says (3 of 43 ASSAULT candidates on tune).
_PHYSICAL = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "AID", "COOPERATE"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our"}
_KNOWN = {"person", "organization", "country", "group"}
_UNREAL = {"planned", "speculated", "hypothetical", "negated"}
_QUOTES = "\"“”"


def features(event: Event, text: str, notes: dict, kinds: dict[str, str]) -> list[float]:
    """The feature vector of one event (in FEATURES order); `notes` holds what the stage knew of its trigger."""
    actors, recipients = event.actors, event.recipients
    before = text[event.evidence.start:event.evidence.trigger.start] if event.evidence.trigger else ""
    words = max(1, len(event.evidence.sentence.split()))
    values = {
        "rules": notes.get("rules", event.confidence),
        "trigger_weight": notes.get("weight", 0.5),
        "fallback": float(notes.get("fallback", False)),
        "classifier": notes.get("classifier", 0.0),
        "noun_trigger": float(notes.get("noun", False)),
        "actor_known": float(any(kinds.get(a.actor_id or "") in _KNOWN for a in actors)),
        "actor_entity": float(any(a.actor_id is None and a.text[:1].isupper() for a in actors)),
        "actor_noun": float(all(a.actor_id is None and not a.text[:1].isupper() for a in actors)),
        "actor_pronoun": float(any(a.text.lower() in _PRONOUNS for a in actors)),
        "several_actors": float(len(actors) > 1),
        "recipient": float(bool(recipients)),
        "recipient_known": float(any(kinds.get(r.actor_id or "") in _KNOWN for r in recipients)),
        "asserted": float(event.factuality == "asserted"),
        "reported": float(event.factuality == "reported"),
        "unreal": float(event.factuality in _UNREAL),
        "historical": float(event.factuality == "historical"),
        "mentions": math.log1p(len(event.mentions)),
        "quoted": float(sum(before.count(q) for q in _QUOTES) % 2 == 1),
        "sentence_length": min(words, 80) / 40.0,
        "position": event.evidence.start / max(1, len(text)),
        "location": float(event.location is not None),
        "dated": float(event.date is not None and event.date.derived_from in ("explicit", "relative")),
        "verbal": float(event.quad_class in (1, 3)),
        "recipient_missing": float(not recipients and event.type in _DIRECTED),
        "location_country": float(event.location is not None and event.location.level == "country"),
        "main_clause": float(notes.get("main_clause", False)),
        "physical": float(event.type in _PHYSICAL),
    }
    return [float(values[name]) for name in FEATURES]


@dataclass(frozen=True)
class Calibrator:
    """A fitted logistic model: weights by feature name, the intercept and the chosen threshold."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    trained_on: tuple[str, ...] = ()
    # Weights over the unit-length sentence embedding of `embedding_text(event)` (dateline.embed); empty: none used.
    embedding: tuple[float, ...] = ()

    def probability(self, x: list[float], vector=None) -> float:
        """`x` in FEATURES order; `vector` the event's embedding, needed when the model weighs one."""
        z = self.intercept + sum(self.weights.get(name, 0.0) * v for name, v in zip(FEATURES, x))
        if self.embedding:
            z += float(sum(w * v for w, v in zip(self.embedding, vector)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self, **extra) -> str:
        data = {"features": list(FEATURES), "weights": self.weights, "intercept": self.intercept, "threshold": self.threshold}
        if self.embedding:
            data["embedding"] = {"model": EMBEDDING_MODEL, "weights": list(self.embedding)}
        return json.dumps({**data, "trained_on": list(self.trained_on), **extra}, indent=1)


def embedding_text(event: Event) -> str:
    """What the model embeds of an event: who did it, its trigger and to whom, then the sentence that says so. The
    roles ahead of the sentence let the embedding weigh how they fit what the sentence says."""
    roles = " ".join(filter(None, (", ".join(a.text for a in event.actors),
                                   event.evidence.trigger.text if event.evidence.trigger else "",
                                   ", ".join(r.text for r in event.recipients))))
    return f"{roles}. {event.evidence.sentence}"


def load(name: str = "confidence") -> Calibrator:
    """The packaged model data/model-NAME.json, or a model file at the path NAME."""
    path = Path(name)
    try:
        if path.suffix == ".json" and path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
        else:
            data = json.loads(resources.files("dateline").joinpath("data", f"model-{name}.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"confidence model {name!r} not found; give a packaged name ('confidence') or a .json file, "
                          "or train one with scripts/train_confidence.py") from None
    except json.JSONDecodeError as err:
        raise ConfigError(f"confidence model {name!r} is not valid JSON ({err.msg}); retrain it with scripts/train_confidence.py") from None
    unknown = set(data.get("weights", {})) - set(FEATURES)
    if unknown:
        raise ConfigError(f"confidence model {name!r} has features this version does not compute ({', '.join(sorted(unknown))}); retrain it")
    embedding = data.get("embedding") or {}
    if embedding and (embedding.get("model") != EMBEDDING_MODEL or len(embedding.get("weights", ())) != embed.DIMENSIONS):
        raise ConfigError(f"confidence model {name!r} weighs embeddings of {embedding.get('model')!r} with "
                          f"{len(embedding.get('weights', ()))} dimensions, not {EMBEDDING_MODEL!r} with {embed.DIMENSIONS}; retrain it")
    return Calibrator(weights=data["weights"], intercept=float(data["intercept"]), threshold=float(data["threshold"]),
                      trained_on=tuple(data.get("trained_on", ())), embedding=tuple(float(w) for w in embedding.get("weights", ())))
