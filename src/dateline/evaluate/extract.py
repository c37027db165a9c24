"""Score article extraction: bag-of-tokens P/R/F1 against gold text, snippet checks, title and date accuracy."""
from __future__ import annotations

from collections import Counter

from .. import progress
from ..errors import DatelineError
from ..settings import Settings
from ..sources import RawInput
from . import pipeline_for, prf, stage_for

TARGET = "article"
RAW = True


def _tokens(text: str) -> Counter:
    return Counter(text.lower().split())


def _norm(value: str | None) -> str:
    return " ".join((value or "").split()).lower()


def evaluate(records: list[dict], settings: Settings, scheme: str | None = None, stages: list | None = None) -> dict:
    """Bag-of-tokens P/R/F1 (or snippet P/R/F1), title and date accuracy of the extract stage."""
    stage = stage_for(stages if stages is not None else pipeline_for(settings, TARGET, raw=True), TARGET)
    token_scores: list[tuple[float, float, float]] = []
    snip = Counter()
    titles = dates = title_hits = date_hits = 0
    for record in records:
        gold = record.get("gold") or {}
        raw = RawInput(data=(record.get("html") or "").encode("utf-8"), origin=record.get("id") or "record", url=record.get("url"))
        try:
            article = stage(raw.document()).article
            text, title, published = article.text, article.title, article.published.value
        except DatelineError:
            text, title, published = "", None, None
        progress.advance("documents")
        if gold.get("text") is not None:
            sys_tokens, gold_tokens = _tokens(text), _tokens(gold["text"])
            overlap = sum((sys_tokens & gold_tokens).values())
            token_scores.append(prf(overlap, sum(sys_tokens.values()) - overlap, sum(gold_tokens.values()) - overlap))
        body = _norm(text)
        for snippet in gold.get("with") or []:
            snip["tp" if _norm(snippet) in body else "fn"] += 1
        for snippet in gold.get("without") or []:
            snip["fp" if _norm(snippet) in body else "tn"] += 1
        if gold.get("title"):
            titles += 1
            title_hits += _norm(title) == _norm(gold["title"])
        if gold.get("date"):
            dates += 1
            date_hits += published == gold["date"]
    if token_scores:
        n = len(token_scores)
        precision, recall, f1 = (sum(s[i] for s in token_scores) / n for i in range(3))
    elif snip:
        precision, recall, f1 = prf(snip["tp"], snip["fp"], snip["fn"])
    else:
        precision = recall = f1 = None
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "title_accuracy": title_hits / titles if titles else None,
        "date_accuracy": date_hits / dates if dates else None,
    }
