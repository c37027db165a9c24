"""Event dates: the date an event happened, from the time expressions near it or the publication date.

Not a stage: a helper the events stage calls with what the times stage produced.
"""
from __future__ import annotations

import re
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

    Only DATE and TIME expressions with a calendar value count (not durations, sets or PAST_REF-style
    words); `max_gap` limits how far from the trigger (in characters) one may be. `derived_from` says
    whether the value was written out ("explicit"), resolved against the publication date ("relative")
    or is the publication date itself ("publication"). None when nothing dates the event.
    """
    candidates = [
        t for t in timexes
        if t.type in ("DATE", "TIME") and sentence.start <= t.start and t.end <= sentence.end and precision_of(t.value)
    ]
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
