"""Event location: which place mentions say where an event happened.

Not a stage: a helper the events stage (and `dateline eval eventloc`) calls with what the places
stage produced. First version: the place mentions of the event's sentence nearest the trigger.
"""
from __future__ import annotations

from .models import Place, Span


def choose_locations(sentence: Span, trigger: Span, places: list[Place]) -> list[tuple[Place, Span]]:
    """(place, mention) pairs in `sentence` that locate the event at `trigger`, best first."""
    found = [
        (place, m)
        for place in places
        for m in place.mentions
        if sentence.start <= m.start and m.end <= sentence.end
    ]
    found.sort(key=lambda pm: abs(pm[1].start - trigger.start))
    return found[:1]
