"""Event dates: the date an event happened, from the time expressions near it or the publication date.

Not a stage: a helper the events stage calls with what the times stage produced.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import get_args

from .models import EventDate, Published, Span, Timex

# How precise a TIMEX3 calendar value is, from its shape (checked in order).
_PRECISION = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"), "second"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"), "minute"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}"), "hour"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}(T(MO|MI|AF|EV|NI|DT))?$"), "day"),
    (re.compile(r"^\d{4}-W\d{2}(-WE)?$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}-(Q[1-4]|H[12])$"), "quarter"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
]
_EVENT_PRECISIONS = set(get_args(EventDate.model_fields["precision"].annotation))


def precision_of(value: str) -> str | None:
    """The precision of a calendar TIMEX3 value ("2023-09" → "month"); None when it names no calendar time."""
    for pattern, precision in _PRECISION:
        if pattern.match(value):
            return precision
    return None


_AMOUNT = re.compile(r"^P(\d+)([DWMY])$")
_LINK = re.compile(r"^\s+(after|before)\s+$", re.I)


def _moved(value: str, amount: int, unit: str, sign: int) -> str | None:
    """A day or month value moved by an amount of days, weeks, months or years; None for other shapes."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2]), int(m[3] or 1)
    try:
        if unit in ("D", "W"):
            if not m[3]:
                return None
            return (date(y, mo, d) + sign * timedelta(days=amount * (7 if unit == "W" else 1))).isoformat()
        months = y * 12 + mo - 1 + sign * amount * (12 if unit == "Y" else 1)
        y, mo = divmod(months, 12)
        return f"{y:04d}-{mo + 1:02d}" + (f"-{d:02d}" if m[3] and d <= 28 else "")
    except (ValueError, OverflowError):
        return None


def _anchored(sentence: Span, timexes: list[Timex]) -> list[Timex]:
    """'two days after Sept. 13' read as one date: durations tied by after/before to a dated expression."""
    out = []
    for dur in timexes:
        amount = _AMOUNT.match(dur.value) if dur.type == "DURATION" else None
        if not amount:
            continue
        for t in timexes:
            if t.start <= dur.end or not precision_of(t.value):
                continue
            between = sentence.text[dur.end - sentence.start:t.start - sentence.start]
            link = _LINK.match(between)
            if link:
                sign = 1 if link[1].lower() == "after" else -1
                moved = _moved(t.value, int(amount[1]), amount[2], sign)
                if moved:
                    out.append(Timex(start=dur.start, end=t.end, text=dur.text, type="DATE", value=moved, anchor=t.value))
                break
    return out


def _gap(a: Span | Timex, b: Span) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def event_date(
    sentence: Span,
    trigger: Span,
    timexes: list[Timex],
    published: Published,
    *,
    max_gap: int | None = None,
) -> EventDate | None:
    """The event's date: the calendar expression of its sentence nearest the trigger, else the publication date.

    "Two days after Sept. 13" counts as one expression dated Sept. 15. Only DATE and TIME expressions with a calendar value count (not durations, sets or PAST_REF-style
    words); `max_gap` limits how far from the trigger (in characters) one may be. `derived_from` says
    whether the value was written out ("explicit"), resolved against the publication date ("relative")
    or is the publication date itself ("publication"). None when nothing dates the event.
    """
    candidates = [
        t for t in timexes
        if t.type in ("DATE", "TIME") and sentence.start <= t.start and t.end <= sentence.end and precision_of(t.value)
    ]
    anchored = _anchored(sentence, [t for t in timexes if sentence.start <= t.start and t.end <= sentence.end])
    candidates = [t for t in candidates if not any(a.start <= t.start and t.end <= a.end for a in anchored)] + anchored
    if max_gap is not None:
        candidates = [t for t in candidates if _gap(t, trigger) <= max_gap]
    if candidates:
        # Nearest first; at equal distance the expression after the trigger ("arrived on Friday") wins.
        best = min(candidates, key=lambda t: (_gap(t, trigger), t.start < trigger.start))
        return EventDate(
            value=best.value,
            precision=precision_of(best.value),
            derived_from="relative" if best.anchor else "explicit",
            start=best.start,
            end=best.end,
        )
    if published.value:
        precision = published.precision if published.precision in _EVENT_PRECISIONS and published.precision != "none" else "day"
        return EventDate(value=published.value, precision=precision, derived_from="publication")
    return None
