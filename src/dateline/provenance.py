"""Training provenance: which records a packaged model learned from, so that no score is taken on them unawares.

A record is known by the hash of its text (`text_id`), so the same sentence is recognised in any file that
carries it (the PLOVER gold sentences appear in the classify and the events files, and many CAMEO examples
with them). A model states what it learned from in a `trained_on` attribute: `model-plover.npz` holds the
text hashes of its training records (written by scripts/train_events.py), `model-confidence.json` the ids of
the gold articles it was fitted on (written by scripts/train_confidence.py).
"""
from __future__ import annotations

import hashlib


def text_id(text: str) -> str:
    """The id of a text: the first 20 hex digits of the SHA-256 of its words joined by single spaces."""
    return hashlib.sha256(" ".join((text or "").split()).encode("utf-8")).hexdigest()[:20]


def trained_on(stages) -> frozenset[str]:
    """The ids every model held by these stage objects was trained on (an attribute's `trained_on`, if any)."""
    ids: set[str] = set()
    for stage in stages:
        for value in vars(stage).values():
            ids.update(getattr(value, "trained_on", None) or ())
    return frozenset(ids)


def is_training(record: dict, ids: frozenset[str]) -> bool:
    """Whether a model learned from this record: its text's hash or its own id is among `ids`."""
    if not ids:
        return False
    text = record.get("text") if isinstance(record.get("text"), str) else record.get("html")
    return (isinstance(text, str) and text_id(text) in ids) or str(record.get("id")) in ids
