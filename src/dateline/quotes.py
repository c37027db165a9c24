"""Who is speaking where: the quotations of an article and their speakers.

First-person words stand for whoever speaks them: "I thank John very much," wrote Trump; "we will not be
deterred," the ministry said. This module finds the stretches of text a named speaker speaks; the events
stage resolves "I" and "we" inside them.

- A quotation runs from an opening quotation mark to its closing one within a paragraph (straight quotes
  pair in order; a quotation left open at the paragraph's end runs to it, as news prose continues a quote
  into the next paragraph, which then opens with a quotation mark of its own).
- Its speaker is the subject of the nearest speech verb outside any quotation of its paragraph ("X said,
  "...", "...," wrote X); a quotation with none takes the speaker of the paragraph's other quotations when
  they have exactly one, or of the quotation the paragraph before left open.

An interview's answers are not read as the interviewee's speech: coded on the tune split, what people say of
their own lives in interviews ("I fought", "I refused to go") gave a dozen non-events for each event.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_NEAR = 120  # characters between a quotation and a speech verb that may introduce it


@dataclass(frozen=True)
class Speech:
    """A stretch of text [start, end) and who speaks it: the subject token of a speech verb."""

    start: int
    end: int
    subject: object


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def quotations(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """The quotations of the paragraph text[start:end] as (opening, closing + 1, closed)."""
    out, opening, curly = [], None, False
    for i in range(start, end):
        ch = text[i]
        if ch == '"':
            if opening is None:
                opening, curly = i, False
            elif not curly:
                out.append((opening, i + 1, True))
                opening = None
        elif ch == "“" and opening is None:
            opening, curly = i, True
        elif ch == "”" and opening is not None and curly:
            out.append((opening, i + 1, True))
            opening = None
    if opening is not None:
        out.append((opening, end, False))
    return out


def quotation_at(text: str, offset: int) -> tuple[int, int] | None:
    """The offsets of the opening quotation mark when an offset lies inside a quotation of its paragraph (paired as
    `quotations` pairs them, so a quotation's later sentences and a closing quote at a sentence's start read
    right), else None."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    for opening, closing, _ in quotations(text, start, len(text) if end < 0 else end):
        if opening < offset < closing:
            return opening, opening + 1
    return None


def _speech_subject(tok):
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


def _opens_between(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a quotation opens at an offset in [lo, hi) (starts sorted); never when hi <= lo."""
    return hi > lo and bisect.bisect_left(starts, hi) > bisect.bisect_left(starts, lo)


def speeches(sdoc, speech_verbs: set[str]) -> list[Speech]:
    """Every stretch of the document a speaker the text names speaks (see the module docstring)."""
    text = sdoc.text
    out: list[Speech] = []
    left_open: Speech | None = None
    for p0, p1 in paragraphs(text):
        quotes = quotations(text, p0, p1)
        if not quotes:
            left_open = None
            continue
        starts = [a for a, _, _ in quotes]  # quotations do not overlap, so the last one opened before i is the one

        def inside(i: int) -> bool:
            k = bisect.bisect_right(starts, i) - 1
            return k >= 0 and i < quotes[k][1]

        verbs = []
        span = sdoc.char_span(p0, p1, alignment_mode="expand")
        for tok in span if span is not None else []:
            if tok.lemma_.lower() in speech_verbs and tok.pos_ in ("VERB", "AUX") and not inside(tok.idx):
                subject = _speech_subject(tok)
                if subject is not None and not inside(subject.idx):
                    verbs.append((tok.idx, subject))
        at = [i for i, _ in verbs]  # in text order, as the tokens were read
        found: list[Speech | None] = []
        for a, b, _ in quotes:
            window = verbs[bisect.bisect_left(at, a - _NEAR):bisect.bisect_right(at, b + _NEAR)]
            near = [(a - i if i < a else i - b, subject) for i, subject in window if i < a or i >= b]
            # Another quotation between the verb and this one belongs to it first.
            near = [(d, s) for d, s in near if not _opens_between(starts, s.idx, a) and not _opens_between(starts, b, s.idx)]
            found.append(Speech(a, b, subject=min(near, key=lambda x: x[0])[1]) if near else None)
        own = {s.subject.i for s in found if s is not None}
        for (a, b, _), speech in zip(quotes, found):
            if speech is None and len(own) == 1:
                speech = Speech(a, b, subject=next(s.subject for s in found if s is not None))
            elif speech is None and left_open is not None and a == p0:
                speech = Speech(a, b, subject=left_open.subject)
            if speech is not None:
                out.append(speech)
        # A quotation left open at the paragraph's end goes on in the next one.
        left_open = out[-1] if not quotes[-1][2] and out and out[-1].start == quotes[-1][0] else None
    return out
