"""`dateline eval eventloc`: which place mentions say where each gold event trigger happened.

Places come from the places stage (recognition and resolution) and the choice from
`eventloc.choose_locations`; the score is token-level precision / recall / F1 of the chosen spans
against the gold location spans, over all events.
"""
from __future__ import annotations

from ..eventloc import choose_locations
from ..models import Span
from ..settings import Settings
from . import pipeline_for, prf, stage_for
from .geo import parse

TARGET = "places"


def _tokens(sdoc, spans: list[tuple[int, int]]) -> set[int]:
    return {t.i for t in sdoc if not t.is_punct and not t.is_space and any(s < t.idx + len(t) and t.idx < e for s, e in spans)}


def evaluate(records: list[dict], settings: Settings, scheme: str | None = None, stages: list | None = None) -> dict:
    """Token-level precision, recall and F1 of the chosen event locations."""
    stages = stages if stages is not None else pipeline_for(settings, TARGET)
    docs = parse(records, stages, fields=("text", "events"))
    stage = stage_for(stages, TARGET)
    tp = fp = fn = 0
    for rec, doc in zip(records, docs):
        stage(doc)
        sdoc = doc.spacy
        for event in rec["events"]:
            t = event["trigger"]
            trigger = Span(start=t["start"], end=t["end"], text=rec["text"][t["start"]:t["end"]])
            sent = sdoc.char_span(t["start"], t["end"], alignment_mode="expand")
            if sent is not None and len(sent):
                s = sent[0].sent
                sentence = Span(start=s.start_char, end=s.end_char, text=s.text)
            else:
                sentence = Span(start=0, end=len(rec["text"]), text=rec["text"])
            chosen = choose_locations(sentence, trigger, doc.places, sdoc=sdoc)
            system = _tokens(sdoc, [(m.start, m.end) for _, m in chosen])
            gold = _tokens(sdoc, [(loc["start"], loc["end"]) for loc in event["locations"]])
            tp += len(system & gold)
            fp += len(system - gold)
            fn += len(gold - system)
    p, r, f = prf(tp, fp, fn)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
