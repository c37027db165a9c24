"""Sources: turn what the user names (files, directories, globs, stdin, URLs, JSON Lines, WARC) into raw inputs.

Every input yields either a `RawInput` or a `Failure` with a one-line reason, so a batch never stops
at a bad input.
"""
from __future__ import annotations

import glob as globlib
import gzip
import hashlib
import html
import io
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from .errors import FetchError, InputError
from .models import Document
from .settings import Settings

RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass
class RawInput:
    """The bytes of one input and what is known of it before extraction."""

    data: bytes
    origin: str  # path, URL or "<stdin>", with "#n" for a record inside a file
    url: str | None = None
    published: str | None = None  # caller-supplied publication date (YYYY-MM-DD)
    title: str | None = None  # caller-supplied title (JSON Lines records)
    text: str | None = None  # pre-extracted body text (JSON Lines records)
    content_type: str | None = None  # from HTTP or WARC headers
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    warnings: list[str] = field(default_factory=list)  # said while reading it; the document carries them on

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def document(self) -> Document:
        doc = Document(warnings=list(self.warnings))
        doc._raw = self
        return doc


@dataclass
class Failure:
    """An input that could not be read, with the reason."""

    origin: str
    reason: str


def iter_inputs(specs: Iterable[str], settings: Settings, stdin: io.BufferedReader | None = None) -> Iterator[RawInput | Failure]:
    """Expand each spec (path, directory, glob, '-', URL) into raw inputs or failures, in order."""
    for spec in specs:
        try:
            yield from _expand(spec, settings, stdin)
        except InputError as err:
            yield Failure(spec, str(err))


def _expand(spec: str, settings: Settings, stdin) -> Iterator[RawInput | Failure]:
    if spec == "-":
        data = (stdin or sys.stdin.buffer).read(settings.max_bytes + 1)
        raw = _checked(RawInput(data=data, origin="<stdin>"), settings)
        yield from (read_feed(raw, settings) if isinstance(raw, RawInput) and is_feed(raw.data) else [raw])
        return
    if spec.startswith(("http://", "https://")):
        try:
            raw = fetch(spec, settings)
        except InputError as err:
            yield Failure(spec, str(err))
            return
        yield from (read_feed(raw, settings) if is_feed(raw.data) else [raw])
        return
    path = Path(spec)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield from _from_file(child, settings)
        return
    if path.exists():
        yield from _from_file(path, settings)
        return
    if any(ch in spec for ch in "*?["):
        matches = sorted(globlib.glob(spec, recursive=True))
        if not matches:
            raise InputError(f"{spec}: the pattern matches no file; check the pattern and the working directory")
        for match in matches:
            if Path(match).is_file():
                yield from _from_file(Path(match), settings)
        return
    raise InputError(f"{spec}: no such file or directory; check the path")


def _from_file(path: Path, settings: Settings) -> Iterator[RawInput | Failure]:
    name = path.name.lower()
    if name.endswith(RECORD_SUFFIXES):
        yield from read_records(path, settings)
        return
    if name.endswith(WARC_SUFFIXES):
        yield from read_warc(path, settings)
        return
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield Failure(str(path), f"[E103] {path}: {size:,} bytes is over the {settings.max_bytes:,}-byte limit; raise max_bytes to accept it")
            return
        data = path.read_bytes()
    except OSError as err:
        yield Failure(str(path), f"[E100] {path}: cannot read ({err.strerror}); check permissions")
        return
    raw = _checked(RawInput(data=data, origin=str(path)), settings)
    yield from (read_feed(raw, settings) if isinstance(raw, RawInput) and is_feed(raw.data) else [raw])


def _checked(raw: RawInput, settings: Settings) -> RawInput | Failure:
    if len(raw.data) > settings.max_bytes:
        return Failure(raw.origin, f"[E103] {raw.origin}: over the {settings.max_bytes:,}-byte limit; raise max_bytes to accept it")
    if not raw.data.strip():
        return Failure(raw.origin, f"[E104] {raw.origin}: the input is empty; nothing to code")
    return raw


def read_records(path: Path, settings: Settings) -> Iterator[RawInput | Failure]:
    """JSON Lines records with `text` (or `html`), and optional `title`, `url`, `published`, `id`."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                origin = f"{path}#{number}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    yield Failure(origin, f"[E105] {origin}: not a JSON object ({err.msg}); fix the line")
                    continue
                if not isinstance(record, dict) or not (record.get("text") or record.get("html")):
                    yield Failure(origin, f"[E105] {origin}: a record needs a non-empty `text` or `html` field")
                    continue
                body = record.get("html") or record["text"]
                published = record.get("published") or record.get("date") or record.get("dct")
                yield _checked(
                    RawInput(
                        data=str(body).encode("utf-8"),
                        origin=origin,
                        url=record.get("url"),
                        published=str(published)[:10] if published else None,
                        title=record.get("title"),
                        text=None if record.get("html") else str(body),
                    ),
                    settings,
                )
    except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile) as err:
        yield Failure(str(path), f"[E100] {path}: cannot read as UTF-8 JSON Lines ({err}); check the file")


def read_warc(path: Path, settings: Settings) -> Iterator[RawInput | Failure]:
    """HTTP response records of a WARC/ARC file whose payload is HTML or text."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with (gzip.open if _is_gzip(path) else open)(path, "rb") as fh:
            head = fh.read(16)
        if not head.startswith((b"WARC/", b"filedesc://")):
            yield Failure(str(path), f"[E100] {path}: not a WARC/ARC file (it does not start with a WARC record); check the file")
            return
        with open(path, "rb") as fh:
            for number, record in enumerate(ArchiveIterator(fh, arc2warc=True), 1):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if ctype and not any(t in ctype for t in ("html", "text", "xml")):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                status = record.http_headers.get_statuscode() if record.http_headers else "200"
                origin = f"{path}#{number}"
                if status and not str(status).startswith("2"):
                    continue
                data = record.content_stream().read(settings.max_bytes + 1)
                yield _checked(RawInput(data=data, origin=origin, url=url, content_type=ctype or None), settings)
    except (OSError, EOFError, ArchiveLoadFailed) as err:
        yield Failure(str(path), f"[E100] {path}: not a readable WARC/ARC file ({err}); check the file")


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


_FEED_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def is_feed(data: bytes) -> bool:
    """True for an RSS or Atom document (by content)."""
    head = data[:2048]
    return bool(_FEED_SNIFF.search(head)) and b"<html" not in head.lower()


def read_feed(raw: RawInput, settings: Settings) -> Iterator[RawInput | Failure]:
    """The entries of an RSS/Atom feed: entries with at least `feed_full_text_chars` characters of text (or no link)
    as they are, the others fetched from their links; when a link cannot be fetched, the text the feed carries, with a warning."""
    import feedparser

    feed = feedparser.parse(raw.data)
    if not feed.entries:
        yield Failure(raw.origin, f"[E106] {raw.origin}: the feed has no entries; check the feed URL")
        return
    for number, entry in enumerate(feed.entries, 1):
        link = entry.get("link")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
        content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        origin = link or f"{raw.origin}#{number}"

        def carried(warning: str | None = None) -> RawInput | Failure:
            page = f"<html><head><title>{html.escape(entry.get('title') or '')}</title></head><body><article>{content}</article></body></html>"
            item = RawInput(data=page.encode("utf-8"), origin=origin, url=link, published=published, title=entry.get("title"),
                            warnings=[warning] if warning else [])
            return _checked(item, settings)

        if len(re.sub(r"<[^>]+>", "", content)) >= settings.feed_full_text_chars or not link:
            yield carried() if content.strip() else Failure(origin, f"[E106] {origin}: the feed entry has neither text nor a link")
            continue
        try:
            page = fetch(link, settings)
        except InputError as err:
            chars = len(re.sub(r"<[^>]+>", "", content).strip())
            if chars < settings.min_text_chars:  # a teaser is no article: the fetch's reason is the one to give
                yield Failure(origin, str(err))
                continue
            yield carried(f"the link could not be fetched ({err}); coded from the {chars} characters of text the feed carries")
            continue
        page.published, page.title = published, entry.get("title")
        yield _checked(page, settings)


def fetch(url: str, settings: Settings) -> RawInput:
    """GET a URL with timeouts, a redirect limit and a size cap; raises FetchError with the reason."""
    import httpx

    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"}
    try:
        with httpx.Client(follow_redirects=True, max_redirects=settings.max_redirects, timeout=settings.http_timeout, headers=headers) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"{url}: the server answered HTTP {response.status_code} {response.reason_phrase}; check the URL")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > settings.max_bytes:
                        raise FetchError(f"{url}: the response is over the {settings.max_bytes:,}-byte limit; raise max_bytes to accept it")
                    chunks.append(chunk)
                return RawInput(
                    data=b"".join(chunks), origin=url, url=str(response.url), content_type=response.headers.get("content-type")
                )
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {settings.max_redirects} redirects; check the URL or raise max_redirects") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: no answer within {settings.http_timeout:g} s; try again later or raise http_timeout") from None
    except httpx.HTTPError as err:
        raise FetchError(f"{url}: cannot connect ({type(err).__name__}: {err}); check the URL and the network") from None
