"""Event dates: ISO 8601 values, the expression that hangs on the event, open dates around the publication date."""
from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from dateline.annotate import Annotate
from dateline.eventdate import event_date, iso_date, precision_of
from dateline.exports import csv_row, date_range, plover_record
from dateline.models import Article, Document, Published, Span
from dateline.settings import load_settings
from dateline.times import Times, tag

PUBLISHED = Published(value="2023-09-15", precision="day", source="metadata")
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def spans(text: str, trigger: str) -> tuple[Span, Span]:
    start = text.index(trigger)
    return Span(start=0, end=len(text), text=text), Span(start=start, end=start + len(trigger), text=trigger)


@pytest.fixture(scope="module")
def date_of():
    """A function that dates the event at `trigger` in `text` with the real parse (head=True) or without it."""
    stage_settings = load_settings(env={})
    annotate, times = Annotate(stage_settings), Times(stage_settings)

    def run(text: str, trigger: str, dct: str = "2023-09-13", head: bool = True):
        published = Published(value=dct, precision="day", source="caller")
        doc = times(annotate(Document(article=Article(text=text, published=published))))
        start = text.index(trigger)
        tokens = [t for t in doc.spacy if start <= t.idx < start + len(trigger)]
        root = doc.spacy[tokens[0].i:tokens[-1].i + 1].root
        sent = root.sent
        sentence = Span(start=sent.start_char, end=sent.end_char, text=sent.text)
        return event_date(sentence, Span(start=start, end=start + len(trigger), text=trigger), doc.timexes,
                          doc.article.published, head=root if head else None, text=text)

    return run


@pytest.mark.parametrize(
    "value, precision",
    [("2023-09-15", "day"), ("2023-09-15TNI", "day"), ("2023-09-15T10:35", "minute"), ("2023-W37", "week"),
     ("2023-09", "month"), ("2023-SU", "season"), ("2023-Q3", "quarter"), ("2023-H1", "half"), ("2023", "year"),
     ("199", "decade"), ("19", "century"), ("P3D", None), ("PRESENT_REF", None), ("XXXX-WXX-5", None)],
)
def test_precision_follows_the_value_shape(value, precision):
    assert precision_of(value) == precision


@pytest.mark.parametrize(
    "timex, value, precision",
    [
        ("2020-07-10", "2020-07-10", "day"),
        ("2020-07-10TNI", "2020-07-10", "day"),  # a part of the day is its day
        ("2020-07-10T10:35", "2020-07-10", "day"),
        ("2020-W10", "2020-03", "week"),  # 2 to 8 March
        ("2020-W14", "2020", "week"),  # 30 March to 5 April: no month holds it
        ("2020-W01", "2020", "week"),  # 30 December 2019 to 5 January 2020: the year of its Thursday, as ISO 8601 says
        ("2020-W14-WE", "2020-04", "week"),  # the weekend, 4 and 5 April
        ("2020-07", "2020-07", "month"),
        ("2020-SU", "2020", "season"),
        ("2020-Q3", "2020", "quarter"),
        ("2020-H1", "2020", "half"),
        ("2020", "2020", "year"),
        ("202", "2020", "decade"),  # no ISO prefix holds a decade: its first year, as Wikidata writes it
        ("19", "1900", "century"),  # the twentieth century
        ("XXXX-WXX-5", None, None),
        ("PAST_REF", None, None),
        ("P3D", None, None),
    ],
)
def test_iso_date_writes_timex3_values_as_iso_8601_dates_or_prefixes(timex, value, precision):
    assert iso_date(timex) == ((value, precision) if value else None)


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2026])
def test_a_week_is_the_month_or_year_that_holds_it(year):
    for week in range(1, date(year, 12, 28).isocalendar()[1] + 1):
        value, _ = iso_date(f"{year}-W{week:02d}")
        monday, sunday = date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
        if len(value) == 7:
            assert monday.strftime("%Y-%m") == sunday.strftime("%Y-%m") == value
        elif monday.year == sunday.year:
            assert value == str(year) and monday.month != sunday.month
        else:
            assert value == str(year) and date.fromisocalendar(year, week, 4).year == year


time_words = st.lists(st.sampled_from(["on", "Friday", "last", "week", "the", "1990s", "summer", "of", "2019", "in", "March",
                                       "third", "quarter", "night", "Tuesday", "next", "20th", "century", "this", "year",
                                       "weekend", "10:35", "a.m.", "early", "2000s", "winter", "H1", "2022", "ago", "two"]),
                      max_size=10).map(" ".join)


@hsettings(max_examples=200, deadline=None)
@given(text=time_words, dct=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_every_calendar_value_the_tagger_gives_is_written_as_an_iso_date_or_prefix(text, dct):
    for timex in tag(text, dct.isoformat()):
        written = iso_date(timex.value)
        if written:
            value, _ = written
            assert ISO.match(value), (timex, value)
            date.fromisoformat(value + "-01-01"[len(value) - 4:])  # a real month and day


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
    date_ = event_date(sentence, trig, tag(text, "2023-09-15"), PUBLISHED)
    assert (date_.value, date_.derived_from) == (value, derived)
    assert text[date_.start:date_.end] in text


@pytest.mark.parametrize(
    "text, trigger, value, precision, timex",
    [
        ("The court sentenced him in the 1990s.", "sentenced", "1990", "decade", "199"),
        ("The ministers met last week.", "met", "2023-09", "week", "2023-W36"),
        ("Rebels attacked the town on Tuesday night.", "attacked", "2023-09-12", "day", "2023-09-12TNI"),
        ("The plant opened in the summer of 2019.", "opened", "2019", "season", "2019-SU"),
    ],
)
def test_event_dates_are_iso_with_the_timex3_value_beside_them(text, trigger, value, precision, timex):
    sentence, trig = spans(text, trigger)
    date_ = event_date(sentence, trig, tag(text, "2023-09-15"), PUBLISHED)
    assert (date_.value, date_.precision, date_.timex) == (value, precision, timex)


@pytest.mark.parametrize("head", [True, False])
@pytest.mark.parametrize(
    "text, trigger, derived",
    [
        # a past event the sentence does not date: open, no later than the publication (a 1990s sentencing is not today's)
        ("He was sentenced to life in prison.", "sentenced", "before-publication"),
        ("Kim met Putin.", "met", "before-publication"),
        ("Russia has sent troops to the border.", "sent", "before-publication"),  # a perfect says only 'before now'
        ("Rebels may have attacked the city.", "attacked", "before-publication"),
        # planned, expected, possible: open, no earlier than the publication
        ("Lavrov will visit Pyongyang.", "visit", "after-publication"),
        ("Talks were to continue.", "continue", "after-publication"),
        ("The minister is due to arrive.", "arrive", "after-publication"),
        ("Rebels could attack the city.", "attack", "after-publication"),
        ("The visit would extend for several more days.", "extend", "after-publication"),
        # news of the publication day
        ("Kim has just arrived in Russia.", "arrived", "publication"),
    ],
)
def test_an_undated_event_takes_the_publication_date_only_when_the_text_ties_it_there(date_of, text, trigger, derived, head):
    date_ = date_of(text, trigger, head=head)
    assert date_.derived_from == derived
    if derived == "publication":
        assert (date_.value, date_.precision) == ("2023-09-13", "day")
    else:
        assert (date_.value, date_.precision) == (None, "unknown")
        assert (date_.latest if derived == "before-publication" else date_.earliest) == "2023-09-13"


@pytest.mark.parametrize(
    "text, trigger, value, derived, timex",
    [
        ("The army now controls the town.", "controls", "2023-09-13", "relative", "PRESENT_REF"),
        ("The army recently captured the town.", "captured", None, "before-publication", "PAST_REF"),
        ("The planned visit was cancelled.", "visit", None, "after-publication", None),
        ("The current government attacked the rebels.", "attacked", None, "before-publication", None),  # 'current' names the government
    ],
)
def test_the_parse_reads_vague_expressions_and_planned_nouns(date_of, text, trigger, value, derived, timex):
    date_ = date_of(text, trigger)
    assert (date_.value, date_.derived_from, date_.timex) == (value, derived, timex)


@pytest.mark.parametrize(
    "text, trigger, value",
    [
        # the date of the clause above, not of a noun in another clause ('the assassination in January')
        ("On Monday, Fars reported Iran issued arrest warrants over the assassination of Soleimani in January and "
         "demanded his arrest.", "demanded", "2023-09-11"),
        # what was said is dated on its own; the saying by the expression on it
        ("Peskov said on Thursday that Kim left on Sunday.", "said", "2023-09-07"),
        ("Peskov said on Thursday that Kim left on Sunday.", "left", "2023-09-10"),
        ("Kim arrived on Tuesday and met Putin on Wednesday.", "met", "2023-09-13"),
        ("Kim arrived on Tuesday and met Putin on Wednesday.", "arrived", "2023-09-12"),
        ("Kim's visit, which began on Tuesday, ended.", "visit", "2023-09-12"),
        # a more precise expression on the event refines a vaguer one
        ("Mr Key promoted the campaign on Waitangi Day - February 6 - this year.", "promoted", "2023-02-06"),
        # an end point is no date of the event: the extension happened on Thursday
        ("On Thursday, the mayor extended the lockdown to May 1.", "extended", "2023-09-07"),
        ("The mayor extended the lockdown to May 1 on Thursday.", "extended", "2023-09-07"),
        # a future in the past: the next Monday after the publication day (a Wednesday)
        ("Talks were to continue Monday.", "continue", "2023-09-18"),
    ],
)
def test_the_expression_that_hangs_on_the_event_dates_it(date_of, text, trigger, value):
    assert date_of(text, trigger).value == value


@pytest.mark.parametrize("text,trigger", [
    ("The minister, who arrived in Paris on Monday, criticised the French government.", "criticised"),
    ("Erdogan attacked the proclamation of the Golan Heights by Donald Trump, which was made on Monday.", "attacked"),
])
def test_a_relative_clause_about_another_noun_dates_its_own_happening(date_of, text, trigger):
    assert date_of(text, trigger).value is None


def test_an_end_point_alone_leaves_the_date_open(date_of):
    date_ = date_of("The mayor extended the lockdown until Friday.", "extended")
    assert (date_.value, date_.derived_from) == (None, "before-publication")


@pytest.mark.parametrize("text,trigger,value", [
    ("Militants have shelled two villages since the envoy was expelled from the talks on Feb. 20.", "shelled", None),  # after it
    ("Rebels have attacked the town three times since March.", "attacked", None),
    ("Since the ceasefire collapsed, rebels attacked the town on March 3.", "attacked", "2023-03-03"),
    ("Mahan has been the subject of United States sanctions since 2011.", "sanctions", "2011"),  # a state dated by its start
])
def test_a_since_expression_bounds_repeated_acts_but_does_not_date_them(date_of, text, trigger, value):
    assert date_of(text, trigger).value == value


def test_expressions_outside_the_sentence_do_not_date_the_event():
    text = "Kim arrived on Tuesday. He met Putin."
    sentence = Span(start=24, end=len(text), text=text[24:])
    trigger = Span(start=27, end=30, text="met")
    assert event_date(sentence, trigger, tag(text, "2023-09-15"), PUBLISHED).derived_from == "before-publication"


def test_max_gap_ignores_far_expressions():
    text = "On Tuesday, after a long journey through the far east and many stops, Kim finally arrived."
    sentence, trig = spans(text, "arrived")
    assert event_date(sentence, trig, tag(text, "2023-09-15"), PUBLISHED, max_gap=20).derived_from == "before-publication"


@pytest.mark.parametrize(
    "text, value",
    [
        ("Kim arrived two days after Sept. 13, 2023.", "2023-09-15"),
        ("The troops left three weeks before July 20, 2001.", "2001-06-29"),
        ("The plant opened two years after July 2000.", "2002-07"),
        ("The plant opened one year after Jan. 30, 2001.", "2002-01-30"),  # a day kept when the month has it
    ],
)
def test_duration_after_a_dated_expression_dates_the_event(text, value):
    sentence, trig = spans(text, text.split()[1])
    date_ = event_date(sentence, trig, tag(text, "2023-09-15"), PUBLISHED)
    assert (date_.value, date_.derived_from) == (value, "relative")


def test_duration_after_an_undated_event_is_not_a_date():
    text = "Just two days after his meeting with Putin, Kim's train arrived in Komsomolsk-on-Amur."
    sentence, trig = spans(text, "arrived")
    assert event_date(sentence, trig, tag(text, "2023-09-15"), PUBLISHED).derived_from == "before-publication"


def test_no_date_at_all_gives_none():
    text = "Kim met Putin."
    sentence, trig = spans(text, "met")
    assert event_date(sentence, trig, [], Published()) is None


def _stored_event(date_: dict | None) -> dict:
    return {"id": "e1", "type": "CONSULT", "mode": None, "factuality": "asserted", "confidence": 0.9, "actors": [],
            "recipients": [], "location": None, "date": date_, "evidence": {"sentence": "Kim met Putin.", "start": 0, "end": 14},
            "article": {"id": "a1", "url": None, "title": None, "published": "2020-01-03"}}


@pytest.mark.parametrize(
    "stored, value, precision, timex",
    [
        ({"value": "2023-09", "precision": "week", "derived_from": "relative", "timex": "2023-W36"}, "2023-09", "week", "2023-W36"),
        ({"value": None, "precision": "unknown", "derived_from": "before-publication", "latest": "2020-01-03"}, None, "unknown", None),
        # events stored before dates were written as ISO 8601 are exported as ISO all the same
        ({"value": "2020-W01", "precision": "week", "derived_from": "relative"}, "2020", "week", "2020-W01"),
        ({"value": "2020-07-10TNI", "precision": "day", "derived_from": "relative"}, "2020-07-10", "day", "2020-07-10TNI"),
        ({"value": "202", "precision": "decade", "derived_from": "explicit"}, "2020", "decade", "202"),
    ],
)
def test_exports_write_every_date_as_iso_with_its_precision_and_timex(stored, value, precision, timex):
    row = csv_row(_stored_event(stored))
    assert (row["date"], row["date_precision"], row["date_timex"], row["date_derived_from"]) == (value, precision, timex, stored["derived_from"])
    assert row["date_latest"] == stored.get("latest")
    record = plover_record(_stored_event(stored))
    # PLOVER's date is a day (YYYY-MM-DD): the first the date covers, else the open date's bound; the ISO value stays beside it
    assert record["date"] == (date_range(value)[0] if value else stored.get("latest")) and record["dateline"]["date"]["value"] == value


def test_exports_leave_the_date_columns_empty_without_a_date():
    row = csv_row(_stored_event(None))
    assert [row[k] for k in ("date", "date_precision", "date_timex", "date_earliest", "date_latest")] == [None] * 5


def test_timex_spans_are_kept_for_the_evidence(date_of):
    text = "Rebels attacked the town on Tuesday night."
    date_ = date_of(text, "attacked")
    assert text[date_.start:date_.end] == "Tuesday night"


@pytest.mark.parametrize("text,trigger,words", [
    ('Bolsonaro opposed the statement: "It evokes a mentality out of place in the 21st century."', "opposed", None),
    ('Bolsonaro opposed the statement on Monday: "It is out of place in the 21st century."', "opposed", "Monday"),
    ('"Russia attacked the town in 2019," Lavrov said.', "attacked", "2019"),  # the trigger is in the quotation too
    ('"We will win," Putin said.\n\nBolsonaro opposed the statement: "It is out of place in the 21st century."', "opposed", None),
])
def test_a_date_in_a_quotation_apart_from_the_trigger_does_not_date_it(date_of, text, trigger, words):
    found = date_of(text, trigger)
    source = text[found.start:found.end] if found is not None and found.start is not None else None
    assert (words is None and source is None) or (words is not None and source is not None and words in source), found


def test_the_date_of_the_deed_charged_is_not_the_date_of_the_charge():
    import dateline
    from dateline.pipeline import Pipeline
    from dateline.settings import load_settings

    pipeline = Pipeline(load_settings(stage_options={"events": {"min_confidence": 0.0}}))
    doc = dateline.process("Canadian police charged James Kopp with attempted murder in the 1995 shooting of a doctor in Ontario.",
                           published="2000-01-24", pipeline=pipeline)
    [event] = [e for e in doc.events if e.type == "ACCUSE"]
    assert event.factuality == "asserted" and event.date.value != "1995"
    doc = dateline.process("Canadian police charged James Kopp on Monday with attempted murder in the 1995 shooting of a doctor.",
                           published="2000-01-26", pipeline=pipeline)
    assert [e.date.value for e in doc.events if e.type == "ACCUSE"] == ["2000-01-24"]


def _dates(pipeline, text, published="2020-01-15"):
    import dateline

    return {e.evidence.trigger.text: e.date for e in dateline.process(text, pipeline=pipeline, published=published).events}


def test_an_undated_past_event_takes_the_date_the_story_gave_just_before(pipeline_all):
    dates = _dates(pipeline_all, "In March 2019 the regional court heard the case against the former mayor. "
                                 "The judge rejected his appeal and ordered his release.")
    assert (dates["rejected"].value, dates["rejected"].precision, dates["rejected"].derived_from) == ("2019-03", "month", "context")


@pytest.mark.parametrize("text", [
    # a new paragraph: the story may have moved on
    "In March 2019 the regional court heard the case against the former mayor.\n\nThe judge rejected his appeal.",
    # the date before it is after the publication: no past event happened then
    "The regional court will hear the case against the former mayor in June. The judge rejected his appeal.",
    # the date before it starts a stretch of time: the story is not back there
    "The mayor has ruled the city since 1995. The judge rejected his appeal.",
])
def test_the_story_date_stays_open_across_a_paragraph_or_from_the_future(pipeline_all, text):
    date = _dates(pipeline_all, text)["rejected"]
    assert (date.value, date.derived_from) == (None, "before-publication")
