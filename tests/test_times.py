"""The times stage: recognition and TIMEX3 normalization, tense, publication-date reconciliation."""
from __future__ import annotations

from datetime import date
from importlib import resources

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from dateline.annotate import Annotate
from dateline.models import Article, Document, Published, Timex
from dateline.settings import load_settings
from dateline.times import Times, is_valid_value, lexicon, reconcile, tag


@pytest.fixture(scope="module")
def run_stage():
    """A function that runs annotate + times over a text with a publication date (spaCy loaded once)."""
    stage_settings = load_settings(env={})
    annotate, times = Annotate(stage_settings), Times(stage_settings)

    def run(text: str, dct: str | None, precision: str = "day", source: str = "caller", evidence: str | None = None) -> Document:
        published = Published(value=dct, precision=precision, source=source, evidence=evidence) if dct else Published()
        return times(annotate(Document(article=Article(text=text, published=published))))

    return run


def only(timexes: list[Timex], text: str) -> Timex:
    found = [t for t in timexes if t.text == text]
    assert found, f"{text!r} not among {[t.text for t in timexes]}"
    return found[0]


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The vote was held on Sept. 13, 2023, in Geneva.", "Sept. 13, 2023", "2023-09-13"),
        ("The vote was held on 13 September 2023.", "13 September 2023", "2023-09-13"),
        ("The vote was held on 2023-09-13.", "2023-09-13", "2023-09-13"),
        ("His first visit was in July 2000.", "July 2000", "2000-07"),
        ("They met in mid-February 2021.", "mid-February 2021", "2021-02"),
        ("Q3 2023 revenue rose 4%.", "Q3 2023", "2023-Q3"),
        ("Profit in H1 2022 fell.", "H1 2022", "2022-H1"),
        ("The meeting is on March 3, 1998 at 10 a.m.", "10 a.m.", "1998-03-03T10:00"),
        ("Prices rose through the 1990s.", "the 1990s", "199"),
        ("Sales fell in the third quarter of 1990.", "the third quarter of 1990", "1990-Q3"),
        ("Profit rose in fiscal 1998.", "fiscal 1998", "1998"),
        ("It opened in the summer of 1998.", "the summer of 1998", "1998-SU"),
        ("It was built in the 20th century.", "the 20th century", "19"),
        ("He was born in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ],
)
def test_tag_normalizes_absolute_dates(text, expr, value):
    assert only(tag(text, "2023-09-15"), expr).value == value


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Rebels attacked the town yesterday.", "yesterday", "2023-09-14"),
        ("Talks resume today.", "today", "2023-09-15"),
        ("Talks will resume tomorrow.", "tomorrow", "2023-09-16"),
        ("The ministers met last week.", "last week", "2023-W36"),
        ("The ministers will meet next month.", "next month", "2023-10"),
        ("The plant opened a year ago.", "a year ago", "2022-09"),
        ("The plant opened two years ago.", "two years ago", "2021"),
        ("Exports grew this year.", "this year", "2023"),
        ("Exports fell last year.", "last year", "2022"),
        ("The deal closed last fall.", "last fall", "2022-FA"),
        ("The dividend is payable Dec. 15.", "Dec. 15", "2023-12-15"),
        ("By mid afternoon, the shelling had stopped.", "mid afternoon", "2023-09-15TAF"),
        ("The talks started in mid-February.", "mid-February", "2023-02"),
        ("He has been held since Monday.", "Monday", "2023-09-11"),
        ("The attack came Thursday at 3:30 p.m.", "3:30 p.m.", "2023-09-14T15:30"),
        ("The blast occurred at 10:35 a.m. (0735 GMT) Wednesday, toppling a building.", "10:35 a.m.", "2023-09-13T10:35"),
        ("The vote is set for mid-March.", "mid-March", "2024-03"),
        # a month with no year, in a sentence set in an earlier year, is that year's (not a year named as a modifier)
        ("After denying the rumours in the summer of 2004, the mayor resigned in mid-August.", "mid-August", "2004-08"),
        ("The 2004 law was repealed in August.", "August", "2023-08"),
    ],
)
def test_tag_resolves_relative_expressions_against_the_publication_date(text, expr, value):
    timex = only(tag(text, "2023-09-15"), expr)
    assert timex.value == value
    assert timex.anchor == "2023-09-15"


@pytest.mark.parametrize(
    "text, expr, type_, value",
    [
        ("The fighting lasted three days.", "three days", "DURATION", "P3D"),
        ("The visit will extend for several more days.", "several more days", "DURATION", "PXD"),
        ("Prices rose in the past two months.", "the past two months", "DURATION", "P2M"),
        ("He signed a two-year contract.", "two-year", "DURATION", "P2Y"),
        ("The rivalry has lasted for decades.", "decades", "DURATION", "PXY"),
        ("They left their third day-long meeting.", "day-long", "DURATION", "P1D"),
        ("He was held for two and a half years.", "two and a half years", "DURATION", "P2Y6M"),
        ("The government's decades-long battle goes on.", "decades-long", "DURATION", "PXY"),
        ("The rate is the lowest in two decades.", "two decades", "DURATION", "P20Y"),
        ("The talks took a minute and a half.", "a minute and a half", "DURATION", "PT1M30S"),
        ("The summit is held every year.", "every year", "SET", "P1Y"),
        ("The paper is published daily.", "daily", "SET", "P1D"),
        ("The airline runs four flights a week.", "a week", "SET", "P1W"),
        ("The talks are now stalled.", "now", "DATE", "PRESENT_REF"),
        ("Such raids were common in the past.", "the past", "DATE", "PAST_REF"),
        ("They may meet again in the future.", "the future", "DATE", "FUTURE_REF"),
        ("Attacks have grown in recent years.", "recent years", "DATE", "PAST_REF"),
    ],
)
def test_tag_normalizes_durations_sets_and_vague_references(text, expr, type_, value):
    timex = only(tag(text, "2023-09-15"), expr)
    assert (timex.type, timex.value) == (type_, value)


@pytest.mark.parametrize(
    "text",
    [
        "Gonzalez said on CBS's ''60 Minutes'' that he would go.",
        "Baker said on ABC-TV's This Week With David Brinkley that the war was over.",
        "The poster showed Gary Cooper from the film High Noon.",
        "This is VOA Today.",
        "Prime Minister Theresa May said the vote would go ahead.",
        "Guitarist Brian May played the anthem.",
    ],
)
def test_tag_skips_time_words_inside_titles(text):
    assert tag(text, "2023-09-15") == []


@pytest.mark.parametrize("text, expr", [("Now, he says, it is over.", "Now"), ("He said: \"Today we begin.\"", "Today"),
                                        ("TALKS RESUME TODAY", "TODAY")])
def test_tag_keeps_capitalized_time_words_that_open_a_sentence(text, expr):
    assert expr in [t.text for t in tag(text, "2023-09-15")]


@pytest.mark.parametrize(
    "text, years",
    [
        ("Sales rose in 2014-2015.", [("2014", "2014"), ("2015", "2015")]),
        ("The 1997-98 season was bad.", [("1997", "1997"), ("98", "1998")]),
        ("The 2014\u201315 budget and fiscal 1999/00.", [("2014", "2014"), ("15", "2015"), ("fiscal 1999", "1999"), ("00", "2000")]),
        ("He served from 1990 to 1995.", [("1990", "1990"), ("1995", "1995")]),
    ],
)
def test_tag_reads_each_year_of_a_range_as_a_date(text, years):
    assert [(t.text, t.value) for t in tag(text, "2023-09-15") if t.type == "DATE"] == years


@pytest.mark.parametrize(
    "text",
    [
        "He lives at 1600 Pennsylvania Ave. in Washington.",
        "The council passed Resolution 1199 on the crisis.",
        "US Airways Flight 1549 landed on the Hudson.",
        "Claims under Section 1983 and Article 2010 of the treaty.",
        "Route 1776 was closed and he was in Room 1205.",
        "The army sent 1500 troops; some 1800 homes burned.",
        "The 1200-1500 troops left. He paid $1995. Call 555-1987.",
    ],
)
def test_tag_does_not_read_labels_addresses_or_counts_as_years(text):
    assert not [t.text for t in tag(text, "2023-09-15") if t.type == "DATE"]


@pytest.mark.parametrize(
    "text, expr",
    [("Leaders of the 1992 protests have moved.", "1992"), ("In 1998 companies grew.", "1998"),
     ("In 1990 Congress Street was paved.", "1990"), ("The 1990 World Cup was held.", "1990")],
)
def test_tag_keeps_years_that_modify_nouns(text, expr):
    assert only(tag(text, "2023-09-15"), expr).value == expr


@pytest.mark.parametrize(
    "text, expr, value",
    [("The index is near its record high of Aug. 6.", "Aug. 6", "1997-08-06"),
     ("The index is near its record high of June 20.", "June 20", "1998-06-20"),
     ("The index is near its record high of Dec. 6.", "Dec. 6", "1997-12-06")],
)
def test_tag_places_a_tenseless_day_month_in_the_past_unless_it_is_within_five_months_ahead(text, expr, value):
    assert only(tag(text, "1998-02-06"), expr).value == value


@pytest.mark.parametrize(
    "text, word",
    [
        ("Average daily volume was 133 million shares.", "daily"),
        ("Qantas plans daily flights to Bombay.", "daily"),
        ("He is confident about future earnings.", "future"),
        ("That is important to the future of our peoples.", "future"),
    ],
)
def test_tag_skips_frequency_adjectives_and_futures_that_name_things(text, word):
    assert not [t for t in tag(text, "2023-09-15") if word in t.text]


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("He was shot to death last Oct. 23 at his home.", "Oct. 23", "1998-10-23"),
        ("In March, the firm received a bid. The following month, it put itself up for sale.", "The following month", "1999-04"),
        ("There were sell programs in past years, too.", "past years", "PAST_REF"),
    ],
)
def test_tag_reads_days_after_month_words_and_months_named_before(text, expr, value):
    assert only(tag(text, "1999-04-19"), expr).value == value


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Third-quarter profit rose to $5 million from $4 million a year earlier.", "a year earlier", "1988-Q3"),
        ("Third-quarter profit rose 9%. For the nine months, profit rose to $9 million from $8 million a year earlier.",
         "a year earlier", "1988"),
        ("Third-quarter profit rose 9%. In the first nine months, net was $3 million, against a loss in the 1988 period.",
         "the 1988 period", "1988"),
    ],
)
def test_tag_compares_with_the_reporting_period_under_discussion(text, expr, value):
    assert only(tag(text, "1989-10-26"), expr).value == value


@pytest.mark.parametrize(
    "text, expr",
    [
        ("Troops arrived on Friday.", "Friday"),
        ("Troops arrived in October.", "October"),
        ("The talks ended after three days.", "three days"),
        ("Friday's vote was postponed.", "Friday"),
        ("The firm reported a third-quarter loss.", "third-quarter"),
    ],
)
def test_tag_spans_leave_out_prepositions_and_possessives(text, expr):
    assert expr in [t.text for t in tag(text, "2023-09-15")]


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Troops arrived on Friday.", "Friday", "XXXX-WXX-5"),
        ("The minister will visit in October.", "October", "XXXX-10"),
        ("Rebels attacked the town yesterday.", "yesterday", "XXXX-XX-XX"),
        ("The ministers met last week.", "last week", "XXXX-WXX"),
        ("His first visit was in July 2000.", "July 2000", "2000-07"),
        ("They met in mid-February 2021.", "mid-February 2021", "2021-02"),
        ("The meeting is on March 3, 1998 at 10 a.m.", "10 a.m.", "1998-03-03T10:00"),
    ],
)
def test_tag_without_publication_date_gives_underspecified_values(text, expr, value):
    assert only(tag(text, None), expr).value == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("The delegation arrived on Friday.", "2023-09-08"),
        ("The delegation will arrive on Friday.", "2023-09-15"),
        ("The delegation is expected to arrive on Friday.", "2023-09-15"),
        ("The delegation plans to arrive on Monday.", "2023-09-18"),
        ("The delegation arrived on Monday.", "2023-09-11"),
        ("The delegation arrived on Wednesday.", "2023-09-13"),
        # a present-tense weekday is the nearest one: "meet Friday" two days ahead, "as of Monday" two days back
        ("He and the prime minister meet separately Friday with the envoy.", "2023-09-15"),
        ("The following are the latest figures as of Monday.", "2023-09-11"),
    ],
)
def test_stage_reads_weekday_direction_from_the_parse(run_stage, text, value):
    # 2023-09-13 is a Wednesday: a past-tense Friday is the last one, a future one the next.
    doc = run_stage(text, "2023-09-13")
    assert [t.value for t in doc.timexes if t.type == "DATE"] == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        ("The minister visited Paris in October.", "2022-10"),
        ("The minister is expected to visit Paris in October.", "2023-10"),
        ("The minister visited Paris in March.", "2023-03"),
        ("The October accession will enable the three to attend.", "2023-10"),
        ("The March accession was a success.", "2023-03"),
    ],
)
def test_stage_places_bare_months_by_tense(run_stage, text, value):
    doc = run_stage(text, "2023-09-13")
    assert [t.value for t in doc.timexes] == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        ("The group might come to the U.S. as soon as Tuesday, Castro said.", "2023-09-19"),
        ("The company must pay down the loan by February.", "2024-02"),
        ("Officials said the accession was planned for early March.", "2024-03"),
        ("Final guidelines to be published in November will decide the case.", "2023-11"),
        ("The alliance has decided to admit the three countries in March.", "2024-03"),
        ("The rebels had left the town by Monday.", "2023-09-11"),
        ("The shares are to resume trading in Paris on Tuesday.", "2023-09-19"),
        ("A vote is expected Tuesday.", "2023-09-19"),
        ("Officials postponed until Tuesday any action on the permit.", "2023-09-19"),
        ("The agency gave the relatives until Monday to sign the paper.", "2023-09-18"),
    ],
)
def test_stage_reads_forward_cues_and_infinitives_as_future(run_stage, text, value):
    doc = run_stage(text, "2023-09-13")
    assert [t.value for t in doc.timexes if t.type == "DATE"] == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        # a future in the past ('were to', 'was due to') is an arrangement still ahead of the report: the next Monday
        ("Talks were to continue Monday.", "2023-09-18"),
        ("The envoy was to arrive on Monday, officials said.", "2023-09-18"),
        ("The minister was due to arrive on Monday.", "2023-09-18"),
        ("The minister will arrive on Monday.", "2023-09-18"),
        # 'last' and 'next' count strictly back and forward from the publication day, whatever the tense
        ("The minister arrived last Wednesday.", "2023-09-06"),
        ("The minister will arrive next Wednesday.", "2023-09-20"),
        ("The minister arrived last Friday.", "2023-09-08"),
        ("The minister will arrive next Friday.", "2023-09-15"),
        # a past-tense weekday that is the publication day's own is that day (TimeML, HeidelTime)
        ("The minister arrived on Wednesday.", "2023-09-13"),
        ("The minister will arrive on Wednesday.", "2023-09-13"),
    ],
)
def test_stage_counts_weekdays_from_the_publication_day_in_both_directions(run_stage, text, value):
    # 2023-09-13 is a Wednesday.
    doc = run_stage(text, "2023-09-13")
    assert [t.value for t in doc.timexes if t.type == "DATE"] == [value]


@pytest.mark.parametrize(
    "text, expr",
    [
        ("On Tuesday March 3 people were killed in the blast.", "Tuesday"),
        ("By Friday June 4 children had been found.", "Friday"),
    ],
)
def test_a_weekday_keeps_its_week_when_the_number_after_a_month_counts_things(text, expr):
    # 2023-09-12 is a Tuesday; March 3 and June 4, 2023 fall on neither Tuesday nor Friday: '3 people' is a count, not a day.
    timex = only(tag(text, "2023-09-12"), expr)
    assert abs((date.fromisoformat(timex.value) - date(2023, 9, 12)).days) <= 7


@pytest.mark.parametrize(
    "text, value",
    [
        ("He arrived on Tuesday, March 3.", "2023-03-03"),  # a comma closes the date: the text says March 3
        ("On Tuesday, September 5 people were killed.", "2023-09-05"),  # September 5, 2023 is a Tuesday: the date reading holds
    ],
)
def test_a_weekday_with_a_month_and_day_is_that_date_when_nothing_makes_the_day_a_count(text, value):
    assert [t.value for t in tag(text, "2023-09-12")] == [value]


def test_stage_dates_the_sample_article_relative_to_its_publication_date(run_stage):
    text = resources.files("dateline.data").joinpath("corpus").joinpath("kim-komsomolsk-scraped.txt").read_text(encoding="utf-8")
    doc = run_stage(text, "2023-09-15")
    values = {t.text: t.value for t in doc.timexes}
    assert values["Friday"] == "2023-09-15"
    assert values["Tuesday"] == "2023-09-12"
    assert values["Sunday"] == "2023-09-10"
    assert values["Thursday"] == "2023-09-14"
    assert values["October"] == "2023-10"
    assert values["July 2000"] == "2000-07"
    assert values["two days"] == "P2D"
    assert values["several more days"] == "PXD"


def test_stage_fills_timexes_and_marks_them_done(run_stage):
    doc = run_stage("Rebels attacked the town on Tuesday.", "2023-09-15")
    assert doc.timexes[0].value == "2023-09-12"
    assert "timexes" in doc._done


@pytest.mark.parametrize(
    "value",
    ["2023-09-13", "2023-09", "2023", "199", "19", "2023-W36", "2023-W36-WE", "2023-Q3", "2023-H1", "1998-SU",
     "2023-09-13T10:35", "2023-09-13TNI", "XXXX-WXX-5", "XXXX-10", "XXXX-XX-XX", "P3D", "PXD", "PT1M30S", "P2Y6M",
     "PT5H", "P1E", "PXY", "PRESENT_REF", "PAST_REF", "FUTURE_REF", "XXXX-WXX-2TNI"],
)
def test_validator_accepts_timex3_values(value):
    assert is_valid_value(value)


@pytest.mark.parametrize("value", ["", "P", "PT", "2023-13-1", "Friday", "2023/09/13", "P3", "XX", "NOW", "2023-W3"])
def test_validator_rejects_malformed_values(value):
    assert not is_valid_value(value)


def _time_words() -> list[str]:
    lex = lexicon()
    words = list(lex["months"]) + list(lex["weekdays"]) + list(lex["numbers"]) + list(lex["units"]) + list(lex["seasons"])
    words += [k for k in lex["vague_refs"]] + ["the", "last", "next", "this", "ago", "earlier", "later", "of", "a", "every", "in",
                                               "on", "1990", "2023", "13", "31", "Sept.", "Q3", "quarter", "third", "1/2",
                                               "'80s", "1990s", "10:35", "p.m.", ",", ".", "-", "year-ago", "fiscal", "and"]
    return words


time_like = st.lists(st.sampled_from(_time_words()), max_size=14).map(" ".join)
dcts = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=12))


@hsettings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=200), time_like), dct=dcts)
def test_tag_never_raises_and_returns_valid_values(text, dct):
    for timex in tag(text, dct):
        assert is_valid_value(timex.value)
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text


@pytest.mark.parametrize("text", ["", " ", "\x00\x00", "Sept. 31, 2023", "Feb. 30", "9999-99-99", "the 99th century", "13/45/2023"])
def test_tag_ignores_impossible_dates(text):
    assert all(is_valid_value(t.value) for t in tag(text, "2023-09-15"))


def _body(*values: str) -> list[Timex]:
    return [Timex(start=i, end=i + 1, text="x", type="DATE", value=v) for i, v in enumerate(values)]


@pytest.mark.parametrize(
    "value, evidence, body, moved",
    [
        ("2024-05-24", "May 24", ("2023-09-13", "2023-09-15", "2023-09-12"), "2023-05-24"),
        ("2017-09-15", "Friday, September 15", ("2023-09-13",), "2023-09-15"),
        # the header's day falls just after the body's dates, across a year end
        ("2019-01-02", "Tuesday, January 2", ("2023-12-30", "2023-12-31"), "2024-01-02"),
    ],
)
def test_reconcile_moves_a_low_precision_header_date_to_the_year_of_the_body(value, evidence, body, moved):
    published = Published(value=value, precision="low", source="header", evidence=evidence)
    chosen, warnings = reconcile(published, _body(*body))
    assert chosen.value == moved
    assert (chosen.source, chosen.precision) == ("header", "low")
    assert "dated expressions" in chosen.evidence
    assert len(warnings) == 1 and moved in warnings[0]


def test_reconcile_keeps_a_guessed_year_that_agrees_with_the_header_weekday():
    # 2024-05-24 is a Friday; of the years around 2023 only 2024 puts May 24 on a Friday.
    published = Published(value="2024-05-24", precision="low", source="header", evidence="Friday, May 24")
    chosen, warnings = reconcile(published, _body("2023-09-13", "2023-09-15", "2023-09-12"))
    assert chosen == published
    assert len(warnings) == 1 and "2023" in warnings[0]


def test_reconcile_keeps_a_precise_date_but_warns_when_the_body_disagrees():
    published = Published(value="2024-05-24", precision="day", source="metadata")
    chosen, warnings = reconcile(published, _body("2023-09-13", "2023-09-15"))
    assert chosen.value == "2024-05-24"
    assert len(warnings) == 1


@pytest.mark.parametrize("body", [("2023-09-13", "2023-09-12"), ("2000-07",), ()])
def test_reconcile_is_silent_when_the_body_agrees_or_says_nothing_recent(body):
    published = Published(value="2023-09-15", precision="day", source="metadata")
    assert reconcile(published, _body(*body)) == (published, [])


def test_stage_moves_a_guessed_header_year_and_reads_relative_dates_again(run_stage):
    text = "Kim Jong Un arrived in Russia on Sept. 13, 2023. He toured an aircraft plant on Thursday and will leave on Sunday."
    doc = run_stage(text, "2017-09-15", precision="low", source="header", evidence="Friday, September 15")
    published = doc.article.published
    assert (published.value, published.source, published.precision) == ("2023-09-15", "header", "low")
    values = {t.text: t.value for t in doc.timexes}
    assert values["Thursday"] == "2023-09-14"
    assert values["Sunday"] == "2023-09-17"
    assert any("2023-09-15" in w for w in doc.warnings)


def test_stage_keeps_a_precise_publication_date_and_warns(run_stage):
    text = "The talks opened on Sept. 13, 2023. Troops withdrew on Sept. 15, 2023. Fighting resumed on Thursday."
    doc = run_stage(text, "2019-05-24")
    assert doc.article.published.value == "2019-05-24"
    assert any("2023" in w for w in doc.warnings)


def test_stage_warns_when_body_dates_contradict_the_publication_date(run_stage):
    text = "The talks opened on Sept. 13, 2023. Troops withdrew on Sept. 15, 2023. The summit ended Sept. 16, 2023."
    doc = run_stage(text, "2019-05-24", precision="low")
    assert any("2023" in w for w in doc.warnings)


def test_tempeval_scores_count_strict_relaxed_type_and_value():
    from dateline.evaluate.time import score

    gold = [
        {"start": 0, "end": 6, "type": "DATE", "value": "2023-09-15"},
        {"start": 10, "end": 20, "type": "DURATION", "value": "P3D"},
        {"start": 30, "end": 35, "type": "DATE", "value": "2023"},
    ]
    system = [
        {"start": 0, "end": 6, "type": "DATE", "value": "2023-09-15"},  # exact, right value
        {"start": 12, "end": 20, "type": "DATE", "value": "P3D"},  # overlap, wrong type, right value
        {"start": 40, "end": 45, "type": "DATE", "value": "2022"},  # spurious
    ]
    scores = score([(gold, system)])
    assert scores["strict_f1"] == pytest.approx(1 / 3)
    assert scores["relaxed_f1"] == pytest.approx(2 / 3)
    assert scores["type_accuracy"] == pytest.approx(1 / 2)
    assert scores["value_f1"] == pytest.approx(2 / 3)


def test_tempeval_pairs_each_gold_timex_with_one_system_timex():
    from dateline.evaluate.time import score

    gold = [{"start": 0, "end": 20, "type": "DATE", "value": "2023"}]
    system = [{"start": 0, "end": 5, "type": "DATE", "value": "2023"}, {"start": 6, "end": 20, "type": "DATE", "value": "2023"}]
    scores = score([(gold, system)])
    assert (scores["relaxed_precision"], scores["relaxed_recall"]) == (0.5, 1.0)


def test_eval_time_rejects_records_without_timexes():
    from dateline.errors import EvalError
    from dateline.evaluate.time import evaluate

    with pytest.raises(EvalError):
        evaluate([{"id": "x", "text": "On Friday.", "dct": "2023-09-15"}], load_settings(env={}))


def test_a_country_s_own_day_is_the_us_holiday_only_by_its_proper_name(run_stage):
    doc = run_stage("Tsikhanouskaya asked voters to vote at the polls, not before election day.", "2020-08-03")
    assert not [t for t in doc.timexes if "election" in t.text.lower()]
    doc = run_stage("Voters across the United States go to the polls on Election Day.", "2020-08-03")
    assert only(doc.timexes, "Election Day").value == "2020-11-03"
