"""Extract: raw bytes → article (title, body text, publication date, author, site), boilerplate removed.

The cascade, in order:
1. Decode: refuse binary inputs (images, PDFs, archives); UTF-8, else the declared charset, else cp1252.
2. Detect HTML or plain text by content, never by file name.
3. HTML goes through trafilatura (body, title, author, site) and its date search (htmldate).
4. Plain text goes through our scraped-text cleaner: headline once as title, repeated headlines,
   teasers, share/subscribe lines and comment forms removed, a header date read.
5. The publication date is chosen: caller > page metadata or URL > text header; each records its
   source and precision.
6. The article id is a content hash of title and text, so the same article is stored once.
"""
from __future__ import annotations

import calendar
import hashlib
import json
import re
import unicodedata
from datetime import date
from functools import lru_cache
from importlib import resources

from .errors import ExtractError
from .models import Article, Document, Published
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
_TAIL = r"\s*(?:[,|\-–]?\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\.?\s*$"
HEADER_DATES = [
    re.compile(_PREFIX + _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?" + _TAIL, re.I),
    re.compile(_PREFIX + _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?" + _TAIL, re.I),
    re.compile(_PREFIX + r"(?P<year>\d{4})-(?P<monthnum>\d{1,2})-(?P<day>\d{1,2})" + _TAIL, re.I),
]


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[list[re.Pattern], list[re.Pattern]]:
    data = json.loads(resources.files("dateline.data").joinpath("boilerplate.json").read_text(encoding="utf-8"))
    return [re.compile(p, re.I) for p in data["cut"]], [re.compile(p, re.I) for p in data["drop"]]


def decode(data: bytes, origin: str) -> tuple[str, list[str]]:
    """Bytes → text, refusing binary input; returns the text and any warnings."""
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


def _is_headline(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 30 and len(line) <= 250 and not line.rstrip().endswith((".", ":", ";", ",")) or (
        2 <= len(words) <= 30 and line.rstrip().endswith("?")
    )


def clean_scraped(text: str, today: date) -> tuple[str | None, str, Published | None]:
    """Scraped plain text → (title, body, header date). Paragraphs in the body are separated by blank lines."""
    cut, drop = _boilerplate()
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    published = None
    title = None
    head_done = False
    kept: list[str] = []
    for line in lines:
        if not line:
            kept.append("")
            continue
        if any(p.search(line) for p in cut):
            break
        if any(p.search(line) for p in drop):
            continue
        if not head_done:
            if published is None and len(line) < 80:
                header = parse_header_date(line, today)
                if header:
                    published = header
                    continue
            head_done = True
            if _is_headline(line):
                title = line
                continue
        if title and _norm_line(line) == _norm_line(title):
            continue
        kept.append(line)
    # One line is one paragraph, except hard-wrapped lines, which end mid-sentence and are joined.
    paragraphs: list[str] = []
    joinable = False
    for line in kept:
        if not line:
            joinable = False
            continue
        if joinable and paragraphs:
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        joinable = not line.endswith(_SENTENCE_END)
    return title, "\n\n".join(paragraphs), published


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
    published = None
    if url and (m := _URL_DATE.search(url)):
        try:
            value = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            published = Published(value=value.isoformat(), precision="day", source="url", evidence=m.group(0).strip("/"))
        except ValueError:
            published = None
    if published is None and result.date:
        published = Published(value=result.date[:10], precision="day", source="metadata", evidence=result.date)
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
    """Share of the words in `text` (its first 3,000 characters) that are common English function words."""
    words = re.findall(r"[^\W\d_]+", text[:3000].lower())
    return sum(w in _function_words() for w in words) / len(words) if words else 0.0


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
            doc.warnings.extend(warnings)
            if is_html(decoded):
                kind = "html"
                title, text, published, author, site = _extract_html(decoded, raw.url)
            else:
                kind = "text"
                title, text, published = clean_scraped(decoded, self.today())
            if raw.title:
                title = raw.title
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
        if raw.published:
            try:
                date.fromisoformat(raw.published)
            except ValueError:
                raise ExtractError(f"{raw.origin}: publication date {raw.published!r} is not YYYY-MM-DD; fix it") from None
            published = Published(value=raw.published, precision="day", source="caller", evidence=raw.published)
        doc.article = Article(
            id=content_id(title, text),
            url=raw.url,
            title=title,
            text=text,
            published=published or Published(),
            author=author,
            site=site,
            language="en" if share >= ENGLISH_MIN_SHARE else None,
            origin=raw.origin,
            raw_sha256=raw.sha256,
            content_type=kind,
            fetched_at=raw.fetched_at,
        )
        return doc
