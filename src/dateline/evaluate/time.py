"""`dateline eval time`: TempEval-3 scores of the times stage on the `time` format of FORMATS.md.

Strict span F1 counts exact (start, end) matches; relaxed span F1 counts overlapping ones, paired one
to one. Type accuracy is the share of relaxed matches with the gold type; value F1 counts relaxed
matches with the gold value, with precision over the system's timexes and recall over gold's.
"""
from __future__ import annotations

from ..errors import EvalError
from ..models import Article, Document, Published
from ..settings import Settings
from . import pipeline_for, prf

TARGET = "timexes"


def _pairs(gold: list[dict], system: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of overlapping gold and system timexes: exact spans first, then largest overlap."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if overlap > 0:
                exact = g["start"] == s["start"] and g["end"] == s["end"]
                candidates.append((not exact, -overlap, gi, si))
    used_g, used_s, pairs = set(), set(), []
    for _, _, gi, si in sorted(candidates):
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


def score(documents: list[tuple[list[dict], list[dict]]]) -> dict:
    """TempEval-3 counts and scores over (gold timexes, system timexes) pairs, one per document."""
    n_gold = n_sys = strict = relaxed = typed = valued = 0
    for gold, system in documents:
        n_gold += len(gold)
        n_sys += len(system)
        spans = {(s["start"], s["end"]) for s in system}
        strict += sum((g["start"], g["end"]) in spans for g in gold)
        pairs = _pairs(gold, system)
        relaxed += len(pairs)
        typed += sum(g["type"] == s["type"] for g, s in pairs)
        valued += sum(g["value"] == s["value"] for g, s in pairs)
    sp, sr, sf = prf(strict, n_sys - strict, n_gold - strict)
    rp, rr, rf = prf(relaxed, n_sys - relaxed, n_gold - relaxed)
    vp, vr, vf = prf(valued, n_sys - valued, n_gold - valued)
    return {
        "gold": n_gold, "system": n_sys,
        "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
        "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
        "type_accuracy": typed / relaxed if relaxed else 0.0,
        "value_precision": vp, "value_recall": vr, "value_f1": vf,
    }


def tag_records(records: list[dict], settings: Settings, stages: list | None = None) -> list[list[dict]]:
    """Run the pipeline up to the times stage over each record's text with its dct; the system timexes per record."""
    docs = []
    for number, rec in enumerate(records, 1):
        if not isinstance(rec.get("text"), str):
            raise EvalError(f"time record {number} ({rec.get('id')}) has no text; each record needs text, dct and timexes")
        dct = rec.get("dct")
        published = Published(value=dct, precision="day", source="caller") if dct else Published()
        docs.append(Document(article=Article(text=rec["text"], published=published)))
    for stage in stages if stages is not None else pipeline_for(settings, TARGET):
        docs = stage.pipe(docs)
    return [[t.model_dump() for t in doc.timexes] for doc in docs]


def evaluate(records: list[dict], settings: Settings, scheme: str | None = None, stages: list | None = None) -> dict:
    """Strict and relaxed span F1, type accuracy and value F1 of the times stage, as TempEval-3 scores them."""
    for number, rec in enumerate(records, 1):
        if not isinstance(rec.get("timexes"), list):
            raise EvalError(f"time record {number} ({rec.get('id')}) has no timexes list; see FORMATS.md, time")
    system = tag_records(records, settings, stages)
    scores = score([(rec["timexes"], sys) for rec, sys in zip(records, system)])
    return {key: scores[key] for key in ("strict_f1", "relaxed_f1", "type_accuracy", "value_f1")}
