import json
import re
import textwrap
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import ExtractError
from dateline.extract import Extract, clean_scraped, decode, is_html, paragraphs, parse_header_date
from dateline.sources import RawInput

from .conftest import ARTICLE_HTML, CORPUS, SAMPLE

SCRAPED = """Monday, March 4

Leaders Meet in Vienna Over Ceasefire Talks

Leaders from both countries met in Vienna on Monday to discuss a ceasefire, officials said.

Leaders Meet in Vienna Over Ceasefire Talks
Leaders Meet in Vienna Over Ceasefire Talks

The talks will continue on Tuesday, according to the foreign ministry.
Share this:
Subscribe to our newsletter for daily updates

Also read: Ten Things You Did Not Know About Vienna

Leave a Reply

Your email address will not be published. Required fields are marked *
Name *
Email *
"""


def extract(settings, data: bytes, **kw):
    return Extract(settings)(RawInput(data=data, origin="test", **kw).document()).article


def test_scraped_text_keeps_headline_once_as_title(settings):
    article = extract(settings, SCRAPED.encode())
    assert article.title == "Leaders Meet in Vienna Over Ceasefire Talks"
    assert "Leaders Meet in Vienna Over Ceasefire Talks" not in article.text
    assert article.text.startswith("Leaders from both countries met in Vienna")


@pytest.mark.parametrize("boilerplate", ["Share this", "Subscribe", "Also read", "Leave a Reply", "Your email address", "Name *", "Monday, March 4"])
def test_scraped_text_drops_boilerplate(settings, boilerplate):
    assert boilerplate not in extract(settings, SCRAPED.encode()).text


def test_scraped_text_keeps_the_body(settings):
    text = extract(settings, SCRAPED.encode()).text
    assert "The talks will continue on Tuesday, according to the foreign ministry." in text
    assert text.count("\n\n") == 1


@pytest.mark.parametrize(
    "line, today, expected, precision",
    [
        ("Friday, May 24", date(2026, 11, 28), "2024-05-24", "low"),  # 2026 and 2025: May 24 is not a Friday
        ("Monday, March 4", date(2026, 11, 28), "2024-03-04", "low"),
        ("Friday, December 25", date(2026, 11, 28), "2020-12-25", "low"),  # the latest not after today
        ("Sunday, November 29", date(2026, 11, 28), "2020-11-29", "low"),  # 2026-11-29 is after today
        ("May 24", date(2026, 11, 28), "2026-05-24", "low"),
        ("Sept. 13, 2023", date(2026, 11, 28), "2023-09-13", "day"),
        ("13 September 2023", date(2026, 11, 28), "2023-09-13", "day"),
        ("Published: 2023-09-13 10:45", date(2026, 11, 28), "2023-09-13", "day"),
    ],
)
def test_header_date(line, today, expected, precision):
    published = parse_header_date(line, today)
    assert (published.value, published.precision, published.source) == (expected, precision, "header")


@pytest.mark.parametrize("line", ["Friday, February 30", "The talks were held in May", "Leaders meet in Vienna"])
def test_header_date_refuses_non_dates(line):
    assert parse_header_date(line, date(2026, 11, 28)) is None


def test_sample_article_title_body_and_date(settings):
    article = extract(settings, SAMPLE.read_bytes())
    assert article.title == "North Korea’s Kim Jong Un Tours Russian Fighter Jet Plant Amidst Arms Deal Speculations"
    assert "Tours Russian Fighter Jet Plant" not in article.text
    for boilerplate in ("Also read", "Leave a Reply", "email address", "Friday, May 24"):
        assert boilerplate not in article.text
    assert article.text.startswith("North Korea’s leader, Kim Jong Un, recently made a visit")
    assert article.text.endswith("surrounding the meeting.")
    assert (article.published.value, article.published.precision, article.published.source) == ("2024-05-24", "low", "header")


def test_html_goes_through_trafilatura(settings):
    article = extract(settings, ARTICLE_HTML.encode(), url="https://example.org/world/ministers")
    assert article.content_type == "html"
    assert article.title == "Ministers meet in Geneva"
    assert article.author == "Ana Reyes"
    assert (article.published.value, article.published.source) == ("2023-09-13", "metadata")
    assert "met in Geneva on Tuesday" in article.text
    assert "Subscribe" not in article.text and "Home" not in article.text


def test_date_in_url_is_used(settings):
    html = ARTICLE_HTML.replace('<meta property="article:published_time" content="2023-09-13T08:00:00Z">', "")
    article = extract(settings, html.encode(), url="https://example.org/2021/03/07/ministers-meet")
    assert (article.published.value, article.published.source) == ("2021-03-07", "url")


def test_caller_date_wins(settings):
    article = extract(settings, ARTICLE_HTML.encode(), published="2020-01-02")
    assert (article.published.value, article.published.source) == ("2020-01-02", "caller")



@pytest.mark.parametrize(
    "data, what",
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"hello\x00world" * 20, "binary"),
    ],
)
def test_binary_input_is_refused_with_reason(settings, data, what):
    with pytest.raises(ExtractError, match=what):
        extract(settings, data)


def test_invalid_utf8_is_decoded_with_a_warning():
    text, warnings = decode("Café talks in Zürich ended.".encode("cp1252"), "t")
    assert text == "Café talks in Zürich ended."
    assert "not valid UTF-8" in warnings[0]


def test_page_without_article_is_refused(settings):
    with pytest.raises(ExtractError, match="no article found"):
        extract(settings, b"<html><body><nav><a href='/'>Home</a></nav></body></html>")


def test_same_text_same_id(settings):
    assert extract(settings, SCRAPED.encode()).id == extract(settings, SCRAPED.replace("\n", "\r\n").encode()).id
    assert extract(settings, SCRAPED.encode()).id != extract(settings, SCRAPED.replace("Monday", "Tuesday", 2).encode()).id

def test_html_detected_by_content_not_name():
    assert is_html(ARTICLE_HTML)
    assert not is_html(SCRAPED)
    assert not is_html(SAMPLE.read_text(encoding="utf-8"))


def test_extract_evaluation_scores_tokens_snippets_title_and_date(settings):
    from dateline.evaluate.extract import evaluate

    records = [
        {"id": "a", "url": None, "html": ARTICLE_HTML,
         "gold": {"text": "The foreign ministers of France and Germany met in Geneva", "title": "Ministers meet in Geneva", "date": "2023-09-13", "author": None}},
        {"id": "b", "url": None, "html": ARTICLE_HTML,
         "gold": {"text": None, "title": "Wrong title", "date": "2020-01-01", "author": None,
                  "with": ["met in Geneva on Tuesday", "not in the page at all"], "without": ["Subscribe to our newsletter"]}},
    ]
    metrics = evaluate(records, settings)
    assert metrics["recall"] == 1.0 and 0.2 < metrics["precision"] < 0.5
    assert metrics["title_accuracy"] == 0.5 and metrics["date_accuracy"] == 0.5
    snippet_only = evaluate(records[1:], settings)
    assert (snippet_only["precision"], snippet_only["recall"]) == (1.0, 0.5)


@pytest.mark.parametrize(
    "title, html, site, expected",
    [
        ("Ministers meet in Geneva | World Wire", "", "World Wire", "Ministers meet in Geneva"),
        ("Warum Wien zu blöd ist - Helge.at", "", None, "Warum Wien zu blöd ist"),
        ("Section name | Ein langer Titel hier", "<h1>Ein langer Titel hier</h1>", None, "Ein langer Titel hier"),
        ("<br />", "<h1>Real headline</h1>", None, "Real headline"),
        ("Peace - the long road", "", None, "Peace - the long road"),  # a dash inside a headline stays
        ("One title", "", None, "One title"),
    ],
)
def test_title_drops_the_site_name(title, html, site, expected):
    from dateline.extract import clean_title

    assert clean_title(title, html, site) == expected


@pytest.mark.parametrize(
    "text, english",
    [
        (SCRAPED, True),
        ("Die Außenminister trafen sich am Dienstag in Genf, um über Sanktionen gegen den Iran zu sprechen. " * 3, False),
        ("Les ministres se sont réunis mardi à Genève pour discuter des sanctions contre l'Iran. " * 3, False),
    ],
)
def test_non_english_text_is_flagged(settings, text, english):
    doc = Extract(settings)(RawInput(data=text.encode(), origin="t").document())
    assert (doc.article.language == "en") is english
    assert any("does not look like English" in w for w in doc.warnings) is not english


# Plain-text layout: hard-wrapped lines are joined into paragraphs before the title is chosen.

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS_ARTICLES = CORPUS / "articles.jsonl"


def paragraphs_of(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def hard_wrapped(paragraphs: list[str], width: int = 72) -> str:
    return "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in paragraphs) + "\n"


def wrapped_corpus() -> list[dict]:
    return [json.loads(line) for line in CORPUS_ARTICLES.read_text(encoding="utf-8").splitlines()]


def test_wrapped_text_keeps_paragraphs_lists_tables_and_headings():
    cleaned = clean_scraped((FIXTURES / "wrapped-wire.txt").read_text(encoding="utf-8"), date(2026, 11, 28))
    assert cleaned.title == "Armenia And Azerbaijan Extend Border Ceasefire After Vienna Talks"
    assert cleaned.published.value == "2024-03-04" and cleaned.warnings == []
    assert cleaned.text.split("\n\n") == [
        "VIENNA (Wire) - Foreign ministers from Armenia and Azerbaijan met in Vienna on Monday and agreed to extend the "
        "ceasefire along their border for another ninety days, the Austrian foreign ministry said in a statement after the talks.",
        "The two ministers also agreed to set up a joint commission on missing persons, which is to hold its first meeting "
        "in Geneva next month under the auspices of the International Committee of the Red Cross.",
        "The statement listed three points:",
        "- the ceasefire is extended to June 1, with monitors from the OSCE on both sides of the border",
        "- prisoners are to be exchanged within a month",
        "- talks resume in April",
        "Ceasefire violations reported since January:",
        "Month        Armenia   Azerbaijan",
        "January           14           11",
        "February           9           12",
        "Neither minister took questions from reporters. A spokesman for the Azerbaijani foreign ministry said the "
        'agreement was "a step forward" but warned that a peace treaty was still far off.',
    ]


LEAD = (
    "North Korean leader Kim Jong Un arrived on Friday in the Russian city of Komsomolsk-on-Amur to visit a military "
    "aviation factory, Russian agencies reported, days after his summit with Vladimir Putin."
)
SECOND = "The visit has raised concerns among Ukraine's allies, who fear an arms deal between the two countries."


@pytest.mark.parametrize("width", [60, 66, 72, 80])
@pytest.mark.parametrize("title", [None, "Kim visits Russian jet plant"])
def test_wrapped_lead_sentence_is_not_taken_as_title(settings, width, title):
    doc = Extract(settings)(RawInput(data=hard_wrapped([LEAD, SECOND], width).encode(), origin="t", title=title).document())
    assert doc.article.title == title
    assert doc.article.text.split("\n\n") == [LEAD, SECOND]
    assert doc.warnings == []


SHORT_BODY = ["Leaders met in Vienna on Monday.", "The talks went on."]


@pytest.mark.parametrize(
    "text, title, body",
    [
        ("Kim visits Russian jet plant\n\n" + hard_wrapped([LEAD, SECOND]), "Kim visits Russian jet plant", [LEAD, SECOND]),
        ("Kim visits Russian jet plant\n" + hard_wrapped([LEAD, SECOND]), "Kim visits Russian jet plant", [LEAD, SECOND]),
        ("Kim visits Russian jet plant\n" + LEAD + "\n" + SECOND + "\n", "Kim visits Russian jet plant", [LEAD, SECOND]),
        ("Leaders Meet in Vienna\n" + "\n".join(SHORT_BODY), "Leaders Meet in Vienna", SHORT_BODY),
        ("Leaders meet in Vienna\n" + SHORT_BODY[0] + "\nLeaders meet in Vienna\n" + SHORT_BODY[1], "Leaders meet in Vienna", SHORT_BODY),
    ],
    ids=["blank-line", "break-before-the-wrap-width", "one-paragraph-a-line", "title-case", "repeated"],
)
def test_first_line_that_stands_apart_is_the_title(text, title, body):
    cleaned = clean_scraped(text, date(2026, 11, 28))
    assert (cleaned.title, cleaned.text.split("\n\n"), cleaned.warnings) == (title, body, [])


def test_a_lone_line_ending_in_a_quoted_sentence_is_the_body():
    line = 'Iranian President Hassan Rouhani said on Monday, "We condemn the attack on the embassy."'
    cleaned = clean_scraped(line, date(2026, 11, 28))
    assert (cleaned.title, cleaned.text) == (None, line)


def test_first_line_that_does_not_stand_apart_stays_in_the_body():
    cleaned = clean_scraped("Leaders meet in Vienna\n" + "\n".join(SHORT_BODY), date(2026, 11, 28))
    assert cleaned.title is None
    assert cleaned.text.split("\n\n") == ["Leaders meet in Vienna", *SHORT_BODY]


@pytest.mark.parametrize(
    "text, swallowed",
    [
        ("Leaders From Both Countries Met in\nVienna on Monday to discuss a ceasefire, officials said.\n\n" + SECOND, "Vienna on Monday"),
        ("North Korean leader Kim Jong Un arrived in the\n\nRussian city of Komsomolsk-on-Amur on Friday.\n\n" + SECOND, "Russian city"),
        ("Kim Jong Un Tours Russian Fighter Jet Plant\n\nas speculation about an arms deal grows, officials said.\n\n" + SECOND, "as speculation"),
    ],
    ids=["title-case-cut-short", "ends-on-the", "lowercase-after-blank-line"],
)
def test_swallowed_first_sentence_is_a_warning(settings, text, swallowed):
    doc = Extract(settings)(RawInput(data=text.encode(), origin="t").document())
    assert doc.article.title is not None
    assert len(doc.warnings) == 1 and "taken as the title" in doc.warnings[0] and swallowed in doc.warnings[0]


@pytest.mark.parametrize(
    "text",
    [
        "Bread\nMilk\nEggs\nOlive oil\nSalt\n",
        "the rain in spring\nfalls on the hills\nand on the sea\n",
        "1. Ceasefire\n2. Prisoner exchange\n3. Talks in April\n",
        "Name | Country | Office\nPutin | Russia | President\nKim | North Korea | Leader\n",
    ],
    ids=["short-items", "poem", "numbered-list", "table"],
)
def test_short_lines_and_tables_are_not_joined(text):
    assert paragraphs(text) and [p.text for p in paragraphs(text)] == text.strip().split("\n")


def test_hyphen_at_a_wrap_joins_without_a_space():
    text = "Kim's bullet-proof train arrived in the far-eastern city of Komsomolsk-\non-Amur on Friday, where he was greeted with a welcoming ceremony, as\nreported by the Interfax agency.\n"
    assert "Komsomolsk-on-Amur" in paragraphs(text)[0].text


@pytest.mark.parametrize("article_id", ["wn-wsum-fb132e8654a4", "wn-wsum-cdc7e526f9e6", "wn-gum-61b93f2d6682", "wn-vat-5261d4485796"])
@pytest.mark.parametrize("with_title", [True, False])
def test_wrapped_corpus_article_comes_back_whole(settings, article_id, with_title):
    article = next(a for a in wrapped_corpus() if a["id"] == article_id)
    expected = paragraphs_of(article["text"])
    text = (article["title"] + "\n\n" if with_title else "") + hard_wrapped(expected)
    got = Extract(settings)(RawInput(data=text.encode(), origin="t").document()).article
    assert got.title == (article["title"] if with_title else None)
    assert paragraphs_of(got.text) == expected


def test_wrapped_corpus_scores_above_floor(settings):
    """All 351 bundled articles, wrapped at 72 columns, with and without a title line on top."""
    stage = Extract(settings)
    articles = wrapped_corpus()
    for with_title in (True, False):
        right = 0
        for article in articles:
            expected = paragraphs_of(article["text"])
            text = (article["title"] + "\n\n" if with_title else "") + hard_wrapped(expected)
            got = stage(RawInput(data=text.encode(), origin="t").document()).article
            right += got.title == (article["title"] if with_title else None) and paragraphs_of(got.text) == expected
        assert right / len(articles) >= 0.98, (with_title, right)


def test_an_article_scraped_onto_one_line_is_not_dropped_as_boilerplate():
    body = ("(CNN) — After a record drought that featured no major hurricane landfalls in the United States, 2017 roared "
            "to life. " * 6 + "™ & © 2018 Cable News Network, Inc., a Time Warner Company. All rights reserved.")
    cleaned = clean_scraped(body, date(2026, 11, 28))
    assert cleaned.text.startswith("(CNN) — After a record drought")
    # A short copyright line of its own is still dropped.
    assert "All rights reserved" not in clean_scraped("Lead sentence of the story is here.\n\n© 2018 CNN. All rights reserved.\n",
                                                      date(2026, 11, 28)).text
