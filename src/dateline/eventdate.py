"""Event dates: the date an event happened, from the time expressions near it or the publication date.

Not a stage: a helper the events stage calls with what the times stage produced.
"""
from __future__ import annotations

import re

from .models import EventDate, Published, Span, Timex

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PRECISION = {4: "year", 7: "month", 10: "day"}


def event_date(sentence: Span, trigger: Span, timexes: list[Timex], published: Published) -> EventDate | None:
    """The event's date: a dated expression in its sentence (nearest the trigger), else the publication date."""
    candidates = [t for t in timexes if t.type == "DATE" and sentence.start <= t.start and t.end <= sentence.end and _DATE.match(t.value)]
    if candidates:
        best = min(candidates, key=lambda t: abs(t.start - trigger.start))
        derived = "relative" if best.anchor else "explicit"
        return EventDate(value=best.value, precision=_PRECISION[len(best.value)], derived_from=derived, start=best.start, end=best.end)
    if published.value:
        return EventDate(value=published.value, precision="day", derived_from="publication")
    return None
