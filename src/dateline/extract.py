"""Extract: raw bytes → article (title, body text, publication date, author, site), boilerplate removed.

The cascade, in order:
1. Decode: refuse binary inputs (images, PDFs, archives); UTF-8, else the declared charset, else cp1252.
2. Detect HTML or plain text by content, never by file name.
3. HTML goes through trafilatura (body, title, author, site) and its date search (htmldate).
4. Plain text goes through our scraped-text cleaner: hard-wrapped lines joined into paragraphs
   (lists, tables and headings kept apart), headline once as title (only when it stands apart as
   one), repeated headlines, teasers, share/subscribe lines and comment forms removed, a header date read.
5. The publication date is chosen: caller > a date in the URL (/2022/05/10/, for every kind of input) >
   page metadata > a text header (a date line around the headline, or a "Published: …" line; "Updated: …"
   only when nothing else says); each records its source and precision.
6. The article id is a content hash of title and text, so the same article is stored once.
"""
from __future__ import annotations

import calendar
import codecs
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import NamedTuple

from .errors import ExtractError
from .models import Article, Document, Published, iso_date
from .pipeline import Stage

MAGIC = [
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
]

_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(p|div|article|meta|title)[\s>]", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:]+)""", re.I)
ENGLISH_MIN_SHARE = 0.12  # English news runs at 0.3-0.45; other languages below 0.05
ENGLISH_MIN_WORDS = 20  # below this a text is too short for the share to tell its language
_SENTENCE_END = tuple(".!?:;\"'”’)»*")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|$|[^0-9])")

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
WEEKDAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_PREFIX = r"^(?:(?:published|posted|updated|last updated|date)\s*(?:on)?\s*:?\s*)?"
_TAIL = r"\s*(?:[,|\-–]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\.?\s*$"
HEADER_DATES = [
    re.compile(_PREFIX + _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?" + _TAIL, re.I),
    re.compile(_PREFIX + _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?" + _TAIL, re.I),
    re.compile(_PREFIX + r"(?P<year>\d{4})-(?P<monthnum>\d{1,2})-(?P<day>\d{1,2})" + _TAIL, re.I),
]


_BOILERPLATE_CHARS = 300  # the longest paragraph a boilerplate pattern may remove


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[list[re.Pattern], list[re.Pattern]]:
    data = json.loads(resources.files("dateline.data").joinpath("boilerplate.json").read_text(encoding="utf-8"))
    return [re.compile(p, re.I) for p in data["cut"]], [re.compile(p, re.I) for p in data["drop"]]


_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
# C0 controls but tab and newline, DEL, C1 controls, bidirectional embeddings, overrides and isolates, stray BOMs.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


# Terminal escape sequences whole (CSI such as ESC[31m, OSC such as ESC]0;title BEL), not just their ESC.
_ESCAPES = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?|\x9b[0-?]*[ -/]*[@-~]|\x1b[@-Z\\\\-_]")


def strip_controls(text: str) -> str:
    """Text without control characters that could hide, reorder or inject what a reader sees; newlines and tabs stay."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def decode(data: bytes, origin: str) -> tuple[str, list[str]]:
    """Bytes → text, refusing binary input; returns the text and any warnings."""
    for bom, encoding in _BOMS:  # UTF-16/32 hold NUL bytes by design: read them before the binary check
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError as err:
                raise ExtractError(f"{origin}: the input starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                                   f"(byte {err.start}); convert it to UTF-8") from None
    head = data[:16]
    for magic, what in MAGIC:
        if head.startswith(magic):
            raise ExtractError(f"{origin}: the input is {what}, not a news article; pass HTML or plain text")
    if b"\x00" in data[:8192]:
        raise ExtractError(f"{origin}: the input is binary (it holds NUL bytes), not a news article; pass HTML or plain text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        utf8_error = err
    declared = _CHARSET.search(data[:4096])
    for encoding in ([declared.group(1).decode("ascii", "ignore")] if declared else []) + ["cp1252"]:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        control = sum(1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f")
        if control > 0.01 * min(len(text), 8192):
            break
        return text, [f"input is not valid UTF-8 (byte {utf8_error.start}); decoded as {encoding}"]
    raise ExtractError(f"{origin}: the input is not valid UTF-8 and no other encoding reads it as text; convert it to UTF-8")


def is_html(text: str) -> bool:
    """True when the text looks like an HTML page (by its content, not its name)."""
    return bool(_HTML_SNIFF.search(text[:4096].encode("utf-8", "ignore")))


def _norm_line(line: str) -> str:
    line = unicodedata.normalize("NFKC", line).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", line).strip().lower()


def parse_header_date(line: str, today: date) -> Published | None:
    """A dateline such as 'Friday, May 24' or 'May 24, 2023' → Published(source='header'), or None.

    A date without a year takes the latest year not after `today` on which that day falls on the
    given weekday (or, with no weekday, the latest such date not after today), with precision 'low'.
    """
    for pattern in HEADER_DATES:
        match = pattern.match(line.strip())
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["monthnum"]) if groups.get("monthnum") else MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        weekday = WEEKDAYS.get((groups.get("weekday") or "").lower().rstrip("."))
        if groups.get("year"):
            try:
                value = date(int(groups["year"]), month, day)
            except ValueError:
                return None
            return Published(value=value.isoformat(), precision="day", source="header", evidence=line.strip())
        for year in range(today.year, today.year - 40, -1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate <= today and (weekday is None or candidate.weekday() == weekday):
                return Published(value=candidate.isoformat(), precision="low", source="header", evidence=line.strip())
        return None
    return None


HEADER_PARAGRAPHS = 4  # a bare date line among this many first paragraphs (around the headline) dates the text
_LABELLED_DATE = re.compile(r"^(?:(?P<published>(?:first\s+)?published|posted)|(?P<updated>(?:last\s+)?updated))\b", re.I)


def header_date(kept: list["Paragraph"], today: date) -> tuple[Published | None, list["Paragraph"]]:
    """The publication date a scraped text prints, and its paragraphs without the date lines.

    A date line counts among the first paragraphs, before or after the headline, or anywhere when it is
    labelled "Published:"/"Posted:"; a labelled publication date wins over a bare one, and an "Updated: …"
    line dates the text only when nothing else does. Every date line found is removed from the body.
    """
    found: list[tuple[int, int, Published]] = []
    for number, paragraph in enumerate(kept):
        label = _LABELLED_DATE.match(paragraph.text)
        if (number >= HEADER_PARAGRAPHS and not label) or len(paragraph.text) > 100:
            continue
        if published := parse_header_date(paragraph.text, today):
            rank = 2 if label and label.group("updated") else 0 if label else 1
            found.append((rank, number, published))
    if not found:
        return None, kept
    drop = {number for _, number, _ in found}
    return min(found, key=lambda f: f[:2])[2], [p for number, p in enumerate(kept) if number not in drop]


def url_date(url: str | None) -> Published | None:
    """The date a URL's path carries (/2022/05/10/ or /2022-05-10-), or None."""
    if not url or not (m := _URL_DATE.search(url)):
        return None
    try:
        value = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return Published(value=value.isoformat(), precision="day", source="url", evidence=m.group(0).strip("/"))


def _is_headline(line: str) -> bool:
    words = line.split()
    # A sentence may end inside its closing quotation mark or bracket: 'He said, "We condemn it."'
    end = line.rstrip().rstrip("\"'”’)]")
    return 2 <= len(words) <= 30 and len(line) <= 250 and not end.endswith((".", ":", ";", ",")) or (
        2 <= len(words) <= 30 and line.rstrip().endswith("?")
    )


# Words title case leaves in lower case (articles, conjunctions, short prepositions), and words a
# headline never ends on: a first line ending on one is a sentence cut short, not a title.
_MINOR_WORDS = frozenset("a an the and but or nor for so yet as at by in of off on per to up via vs from into onto with over than out amid upon".split())
_DANGLING_WORDS = frozenset("a an the and but or nor of to with from by at as than into onto his her its their our your my whose".split())
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_LIST_ITEM = re.compile(r"^(?:[-*+•·‣▪◦●]\s|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s)")
_TABLE_ROW = re.compile(r"\t|\S {3,}\S|\|.*\|")
_RULE_LINE = re.compile(r"^[\W_]{3,}$")
_MIN_WRAP, _MAX_WRAP = 40, 160  # columns at which text is hard-wrapped
_SLACK = 3  # columns a wrapped line may run past the width measured, which can fall short of the real one


def _title_case(line: str) -> bool:
    """Whether every word but the minor ones starts with a capital ('Leaders Meet in Vienna Over Ceasefire Talks')."""
    words = [w for w in _TITLE_WORD.findall(line) if w.lower() not in _MINOR_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


@dataclass(frozen=True)
class _Line:
    text: str  # stripped
    width: int  # columns, indentation included
    indent: int


@dataclass
class Paragraph:
    """A paragraph of plain text, with how it ended: at a blank line, or at a line break the writer made."""

    text: str
    blank_after: bool = False
    hard_break: bool = False  # a line break the writer made: not a wrap in hard-wrapped text, or any in unwrapped text
    may_wrap: bool = False  # in text wrapped with evened-out lines, its last line is as wide as wrapped ones


def _lines(text: str) -> list[_Line | None]:
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        raw = raw.rstrip().expandtabs(8)
        stripped = raw.lstrip()
        lines.append(_Line(stripped, len(raw), len(raw) - len(stripped)) if stripped else None)
    return lines


def _structural(line: _Line) -> bool:
    """A table row or a rule line (----, * * *): never part of a wrapped paragraph."""
    return bool(_TABLE_ROW.search(line.text) or _RULE_LINE.match(line.text))


class _Wrap(NamedTuple):
    width: int  # the widest a wrapped line runs, in columns
    greedy: bool  # every line holds as many words as fit (mail clients, textwrap), not evened out (typesetting, fmt)


def _wrapping(lines: list[_Line | None]) -> _Wrap | None:
    """How the text was hard-wrapped, or None when its lines were not wrapped.

    A line broken because the next word did not fit puts the width between the line's own width and
    that plus the next word: in greedily wrapped text nearly all line breaks agree on one column. A
    wrapper that evens out its lines breaks short of that column, but its lines still fill a narrow
    band below the widest. Either way few lines run past the width.
    """
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if a and b and not _structural(a) and not _structural(b)]
    if not pairs:
        return None
    present = [line for line in lines if line]
    starts = [0] * (_MAX_WRAP + 2)
    for a, b in pairs:
        if a.width <= _MAX_WRAP:
            starts[a.width] += 1
            starts[min(a.width + len(b.text.split()[0]), _MAX_WRAP) + 1] -= 1
    agreeing = list(accumulate(starts))
    width = max(range(_MIN_WRAP, _MAX_WRAP + 1), key=lambda column: (agreeing[column], -column))
    widths = sorted((a.width for a, _ in pairs if a is not present[0]), reverse=True)  # a headline has any width
    for _ in range(len(widths) // 10 + 1):  # the widest but for an overlong line or two (a URL)
        if len(widths) > 1 and widths[0] > widths[1] + 10:
            widths.pop(0)
    widest = widths[0] if widths else width
    greedy = agreeing[width] >= 0.9 * len(pairs) and widest <= width
    width = max(width, widest)
    filled = sum(0.75 * width <= w <= width for w in widths) / len(pairs)
    overlong = sum(line.width > width + 10 for line in present) / len(present)
    if _MIN_WRAP <= width <= _MAX_WRAP and (agreeing[width] >= 0.5 * len(pairs) or filled >= 0.7) and overlong <= 0.1:
        return _Wrap(width, greedy)
    return None


def _continues(line: _Line, following: _Line, wrap: _Wrap | None, opens: bool) -> bool:
    """Whether the break between two lines is a wrap inside a paragraph rather than one the writer made.

    `opens`: `line` is the first line of its paragraph, so it may be a heading.
    """
    if _structural(line) or _structural(following):
        return False
    if line.text.split()[-1].lower() in _DANGLING_WORDS and not _LIST_ITEM.match(following.text):
        return True  # no sentence or heading ends on 'the' or 'of'
    ends_sentence = line.text.endswith(_SENTENCE_END)
    if following.indent > line.indent and ends_sentence:
        return False  # an indented first line opens a paragraph
    if wrap and line.width <= wrap.width + _SLACK and wrap.width < line.width + 1 + len(following.text.split()[0]):
        return True  # the next word did not fit, whatever it is
    if _LIST_ITEM.match(following.text) or ends_sentence or (wrap and line.width > wrap.width + _SLACK):
        return False
    if wrap and not wrap.greedy and line.width >= 0.8 * wrap.width and not (opens and _title_case(line.text)):
        return True  # evened-out lines break short of the width, but not mid-sentence on purpose
    return following.text[:1].islower() and line.width >= (0.6 * wrap.width if wrap else 40)


def paragraphs(text: str) -> list[Paragraph]:
    """Plain text → its paragraphs: hard-wrapped lines joined; blank lines, list items, table rows and headings kept apart."""
    lines = _lines(text)
    wrap = _wrapping(lines)
    # Without wrapping, a line runs as long as its paragraph, often past any wrap width: each line break is meant.
    unwrapped = wrap is None and any(line and line.width > _MAX_WRAP for line in lines)
    found: list[Paragraph] = []
    current: list[_Line] = []
    for line, following in zip(lines, lines[1:] + [None]):
        if line is None:
            continue
        current.append(line)
        if following is not None and _continues(line, following, wrap, opens=len(current) == 1):
            continue
        joined = current[0].text
        for part in current[1:]:
            joined += part.text if re.search(r"[^\s-]-+$", joined) else " " + part.text
        may_wrap = wrap is not None and not wrap.greedy and 0.8 * wrap.width <= line.width <= wrap.width + _SLACK
        hard_break = following is not None and (wrap is not None or unwrapped)
        found.append(Paragraph(joined, blank_after=following is None, hard_break=hard_break, may_wrap=may_wrap))
        current = []
    return found


class Scraped(NamedTuple):
    """What the scraped-text cleaner found: title, body, header date and warnings."""

    title: str | None
    text: str  # paragraphs separated by blank lines
    published: Published | None
    warnings: list[str]


def clean_scraped(text: str, today: date, title: str | None = None) -> Scraped:
    """Scraped plain text → its title, body, header date and warnings; `title` is one known from elsewhere.

    Hard-wrapped lines are joined into paragraphs first. The first paragraph is the headline only when
    it stands apart as one: a blank line or a deliberate line break after it, title case, a repeat in
    the body, or the known title. A headline whose sentence seems to go on is kept but warned about.
    """
    cut, drop = _boilerplate()
    kept: list[Paragraph] = []
    for paragraph in paragraphs(text):
        # Boilerplate is a short line; a long paragraph that ends "... All rights reserved." (an article scraped
        # onto one line) is the article itself.
        short = len(paragraph.text) <= _BOILERPLATE_CHARS
        if short and any(p.search(paragraph.text) for p in cut):
            break
        if not (short and any(p.search(paragraph.text) for p in drop)):
            kept.append(paragraph)
    published, kept = header_date(kept, today)
    warnings: list[str] = []
    headline = None
    if kept and _is_headline(kept[0].text):
        first, following = kept[0], kept[1:]
        key = _norm_line(first.text)
        repeated = any(_norm_line(p.text) == key for p in following) or key == _norm_line(title or "")
        if repeated or first.blank_after or first.hard_break or _title_case(first.text):
            headline, kept = first.text, following
            if not repeated and following and _cut_short(first, following[0]):
                warnings.append(
                    f"the first line was taken as the title ({first.text!r}), but the text after it may continue its sentence "
                    f"({following[0].text[:40]!r}...): if the first line starts the lead sentence, that sentence is cut in two and its "
                    "start is missing from the body; put the real title, if any, on a line of its own followed by a blank line"
                )
    repeats = {_norm_line(t) for t in (headline, title) if t}
    body = [p.text for p in kept if _norm_line(p.text) not in repeats]
    return Scraped(title or headline, "\n\n".join(body), published, warnings)


def _cut_short(headline: Paragraph, following: Paragraph) -> bool:
    """Whether a headline may be a sentence cut off by a line break, the next paragraph its rest."""
    last = headline.text.split()[-1].lower()
    return (
        following.text[:1].islower()
        or last in _DANGLING_WORDS
        # right above the text: 'Leaders Met in' / 'Vienna on Monday...', or a line as wide as the wrapped ones
        or (not headline.blank_after and (last in _function_words() or headline.may_wrap))
    )


def _extract_html(html: str, url: str | None) -> tuple[str | None, str, Published | None, str | None, str | None]:
    import trafilatura

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    if result is None:
        return None, "", None, None, None
    title = clean_title(result.title, html, result.sitename)
    lines = [line.strip() for line in (result.text or "").split("\n")]
    if lines and title and _norm_line(lines[0]) == _norm_line(title):
        lines = lines[1:]
    body = "\n\n".join(line for line in lines if line)
    published = Published(value=result.date[:10], precision="day", source="metadata", evidence=result.date) if result.date else None
    return title, body, published, result.author or None, result.sitename or result.hostname or None


_TITLE_SEPARATORS = re.compile(r"\s+(?:[|·›»–—-]|::)\s+")
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")


def clean_title(title: str | None, html: str, site: str | None) -> str | None:
    """The headline without the site name that <title> usually carries, preferring a matching <h1>."""
    import html as htmllib

    headings = [" ".join(htmllib.unescape(_TAGS.sub(" ", h)).split()) for h in _H1.findall(html[:500_000])]
    headings = [h for h in headings if 2 <= len(h) <= 300]
    if not title or "<" in title or not re.search(r"\w", title):
        return headings[0] if headings else None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) == 1:
        return title
    for heading in headings:
        if _norm_line(heading) in (_norm_line(p) for p in parts) or _norm_line(title).startswith(_norm_line(heading)):
            return heading
    site_norm = _norm_line(site or "")
    if site_norm and (_norm_line(parts[-1]) == site_norm or site_norm in _norm_line(parts[-1])):
        return title[: title.rfind(parts[-1])].rstrip(" |·›»–—-:")
    if len(parts[-1].split()) <= 4 and len(parts[0].split()) >= 3:
        return title[: title.rfind(parts[-1])].rstrip(" |·›»–—-:")
    return title


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    text = resources.files("dateline.data").joinpath("english-function-words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def english_share(text: str) -> float:
    """Share of the words in `text` (its first 3,000 characters) that are common English function words; 1.0 for a
    text of fewer than ENGLISH_MIN_WORDS words, too short to tell ("Israeli jets strike Hezbollah targets")."""
    words = re.findall(r"[^\W\d_]+", text[:3000].lower())
    if len(words) < ENGLISH_MIN_WORDS:
        return 1.0
    return sum(w in _function_words() for w in words) / len(words)


def content_id(title: str | None, text: str) -> str:
    """The article key: a hash of its normalised title and text."""
    basis = (_norm_line(title or "") + "\n" + re.sub(r"\s+", " ", text).strip()).encode("utf-8")
    return hashlib.sha256(basis).hexdigest()[:24]


class Extract(Stage):
    name = "extract"
    requires = ("raw",)
    assigns = ("article",)

    def today(self) -> date:
        return date.fromisoformat(self.settings.today) if self.settings.today else date.today()

    def __call__(self, doc: Document) -> Document:
        raw = doc.raw
        if raw is None:  # a Document built from text: keep its article, give it an id
            article = doc.article
            if not article.id:
                article.id = content_id(article.title, article.text)
            return doc
        published = None
        author = site = None
        if raw.text is not None:  # a JSON Lines record with body text already extracted
            title, text, kind = raw.title, raw.text.strip(), "record"
            text = "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())
        else:
            decoded, warnings = decode(raw.data, raw.origin)
            decoded = _ESCAPES.sub("", decoded)  # whole, before an HTML parser drops the ESC and leaves the rest ("[2J")
            doc.warnings.extend(warnings)
            if is_html(decoded):
                kind = "html"
                title, text, published, author, site = _extract_html(decoded, raw.url)
            else:
                kind = "text"
                title, text, published, cleaned = clean_scraped(decoded, self.today(), raw.title)
                doc.warnings.extend(cleaned)
            if raw.title:
                title = raw.title
        text, title = strip_controls(text), strip_controls(title) if title else title
        if len(text) < self.settings.min_text_chars:
            where = "after boilerplate removal " if kind == "html" else ""
            raise ExtractError(
                f"{raw.origin}: no article found: {len(text)} characters of body text {where}(fewer than {self.settings.min_text_chars}); "
                "is it an index, error or empty page?"
            )
        share = english_share(text)
        if share < ENGLISH_MIN_SHARE:
            doc.warnings.append(
                f"the text does not look like English ({share:.0%} common English words); Dateline's models are English-only, expect poor results"
            )
        published = url_date(raw.url) or published
        if raw.published:
            try:
                value = iso_date(raw.published, "publication date")
            except ValueError as err:
                raise ExtractError(f"{raw.origin}: {err}") from None
            published = Published(value=value, precision="day", source="caller", evidence=raw.published)
        doc.article = Article(
            id=content_id(title, text),
            url=raw.url,
            title=title,
            text=text,
            published=published or Published(),
            author=strip_controls(author) if author else author,
            site=strip_controls(site) if site else site,
            language="en" if share >= ENGLISH_MIN_SHARE else None,
            origin=raw.origin,
            raw_sha256=raw.sha256,
            content_type=kind,
            fetched_at=raw.fetched_at,
        )
        return doc
