"""Event dates: the calendar expression nearest the trigger, else the publication date."""
from __future__ import annotations

import pytest

from dateline.eventdate import event_date, precision_of
from dateline.models import Published, Span, Timex
from dateline.times import tag

PUBLISHED = Published(value="2023-09-15", precision="day", source="metadata")


def spans(text: str, trigger: str) -> tuple[Span, Span]:
    start = text.index(trigger)
    return Span(start=0, end=len(text), text=text), Span(start=start, end=start + len(trigger), text=trigger)


@pytest.mark.parametrize(
    "value, precision",
    [("2023-09-15", "day"), ("2023-09-15TNI", "day"), ("2023-09-15T10:35", "minute"), ("2023-W37", "week"),
     ("2023-09", "month"), ("2023-SU", "season"), ("2023-Q3", "quarter"), ("2023", "year"), ("199", "decade"),
     ("19", "century"), ("P3D", None), ("PRESENT_REF", None), ("XXXX-WXX-5", None)],
)
def test_precision_follows_the_value_shape(value, precision):
    assert precision_of(value) == precision


@pytest.mark.parametrize(
    "text, trigger, value, derived",
    [
        ("Kim arrived in Russia on Tuesday.", "arrived", "2023-09-12", "relative"),
        ("Putin visited Pyongyang in July 2000.", "visited", "2000-07", "explicit"),
        ("Peskov said on Thursday that Kim left on Sunday.", "left", "2023-09-10", "relative"),
        ("Peskov said on Thursday that Kim left on Sunday.", "said", "2023-09-14", "relative"),
        ("Lavrov is expected to visit Pyongyang in October.", "visit", "2023-10", "relative"),
    ],
)
def test_event_takes_the_nearest_dated_expression_of_its_sentence(text, trigger, value, derived):
    sentence, trig = spans(text, trigger)
    date = event_date(sentence, trig, tag(text, "2023-09-15"), PUBLISHED)
    assert (date.value, date.derived_from) == (value, derived)
    assert text[date.start:date.end] in text


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The visit would extend for several more days.", "extend"),
        ("Russia has faced isolation in recent years.", "faced"),
        ("Kim met Putin.", "met"),
    ],
)
def test_event_without_calendar_expression_falls_back_to_publication(text, trigger):
    sentence, trig = spans(text, trigger)
    date = event_date(sentence, trig, tag(text, "2023-09-15"), PUBLISHED)
    assert (date.value, date.precision, date.derived_from) == ("2023-09-15", "day", "publication")


def test_expressions_outside_the_sentence_do_not_date_the_event():
    text = "Kim arrived on Tuesday. He met Putin."
    sentence = Span(start=24, end=len(text), text=text[24:])
    trigger = Span(start=27, end=30, text="met")
    assert event_date(sentence, trigger, tag(text, "2023-09-15"), PUBLISHED).derived_from == "publication"


def test_max_gap_ignores_far_expressions():
    text = "On Tuesday, after a long journey through the far east and many stops, Kim finally arrived."
    sentence, trig = spans(text, "arrived")
    assert event_date(sentence, trig, tag(text, "2023-09-15"), PUBLISHED, max_gap=20).derived_from == "publication"


@pytest.mark.parametrize(
    "text, value",
    [
        ("Kim arrived two days after Sept. 13, 2023.", "2023-09-15"),
        ("The troops left three weeks before July 20, 2001.", "2001-06-29"),
        ("The plant opened two years after July 2000.", "2002-07"),
    ],
)
def test_duration_after_a_dated_expression_dates_the_event(text, value):
    sentence, trig = spans(text, text.split()[1])
    date = event_date(sentence, trig, tag(text, "2023-09-15"), PUBLISHED)
    assert (date.value, date.derived_from) == (value, "relative")


def test_duration_after_an_undated_event_is_not_a_date():
    text = "Just two days after his meeting with Putin, Kim's train arrived in Komsomolsk-on-Amur."
    sentence, trig = spans(text, "arrived")
    assert event_date(sentence, trig, tag(text, "2023-09-15"), PUBLISHED).derived_from == "publication"


def test_no_date_at_all_gives_none():
    text = "Kim met Putin."
    sentence, trig = spans(text, "met")
    assert event_date(sentence, trig, [], Published()) is None
