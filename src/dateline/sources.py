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
import ipaddress
import json
import os
import re
import socket
import stat
import sys
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .errors import ConfigError, FetchError, InputError
from .models import Document, iso_date
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
        for child in walk(path):
            yield from [child] if isinstance(child, Failure) else from_file(child, settings)
        return
    if os.path.lexists(path):
        yield from from_file(path, settings)
        return
    if any(ch in spec for ch in "*?["):
        matches = sorted(globlib.glob(spec, recursive=True))
        if not matches:
            raise InputError(f"{spec}: the pattern matches no file; check the pattern and the working directory")
        for match in matches:
            if not Path(match).is_dir():
                yield from from_file(Path(match), settings)
        return
    raise InputError(f"{spec}: no such file or directory; check the path")


def walk(directory: Path) -> Iterator[Path | Failure]:
    """The files under a directory, sorted, hidden ones left out; a directory that cannot be listed is a failure."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as err:
        yield Failure(str(directory), f"[E100] {directory}: cannot list this directory ({err.strerror}); check its permissions")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(Path(entry.path))
        else:
            yield Path(entry.path)


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; a device, FIFO or socket is refused before any read (it could never end)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror}); check the path and its permissions") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = ("a directory" if stat.S_ISDIR(mode) else "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
        raise InputError(f"{path}: is {kind}, not a regular file; pass files, or pipe the data in with -")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def from_file(path: Path, settings: Settings) -> Iterator[RawInput | Failure]:
    """One file's inputs: its records (JSON Lines, WARC), the entries of a feed, or the file itself."""
    name = path.name.lower()
    try:
        with open_regular(path) as fh:
            if name.endswith(RECORD_SUFFIXES):
                yield from read_records(fh, str(path), settings)
                return
            if name.endswith(WARC_SUFFIXES):
                yield from read_warc(fh, str(path), settings)
                return
            data = fh.read(settings.max_bytes + 1)
    except InputError as err:
        yield Failure(str(path), str(err))
        return
    except OSError as err:
        yield Failure(str(path), f"[E100] {path}: cannot read ({err.strerror or err}); check the file")
        return
    raw = _checked(RawInput(data=data, origin=str(path)), settings)
    yield from (read_feed(raw, settings) if isinstance(raw, RawInput) and is_feed(raw.data) else [raw])


def _checked(raw: RawInput, settings: Settings) -> RawInput | Failure:
    if len(raw.data) > settings.max_bytes:
        return Failure(raw.origin, f"[E103] {raw.origin}: over the {settings.max_bytes:,}-byte limit; raise max_bytes to accept it")
    if not raw.data.strip():
        return Failure(raw.origin, f"[E104] {raw.origin}: the input is empty; nothing to code")
    return raw


def _lines(fh: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of a stream, each read with at most `limit` bytes in memory; None for a longer line, which is skipped."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # stream past the rest of the line without keeping it
                line = fh.readline(1 << 20)
            yield None
            continue
        yield line


def read_records(fh: BinaryIO, name: str, settings: Settings) -> Iterator[RawInput | Failure]:
    """JSON Lines records with `text` (or `html`), and optional `title`, `url`, `published`; gzip by content.

    Lines are read as they stream (decompressed on the fly), none longer than `max_bytes`; each bad record
    is a failure of its own and the rest of the file goes on.
    """
    number = 0
    try:
        stream = gzip.GzipFile(fileobj=fh) if fh.peek(2)[:2] == b"\x1f\x8b" else fh
        for number, line in enumerate(_lines(stream, settings.max_bytes), 1):
            origin = f"{name}#{number}"
            if line is None:
                yield Failure(origin, f"[E103] {origin}: the line is over the {settings.max_bytes:,}-byte limit; raise max_bytes to accept it")
            elif line.strip():
                yield _record(line, origin, settings)
    except (OSError, EOFError, zlib.error) as err:
        where = f" after line {number}" if number else ""
        yield Failure(name, f"[E100] {name}: the file is truncated or corrupt{where} ({err}); records before it were read")


RECORD_FIELDS = {"text": "text", "html": "text", "title": "text", "url": "URL", "published": "date", "date": "date", "dct": "date"}


def _record(line: bytes, origin: str, settings: Settings) -> RawInput | Failure:
    """One JSON Lines record as a raw input, each field checked for its type; a Failure says which field is wrong."""
    def bad(why: str) -> Failure:
        return Failure(origin, f"[E105] {origin}: {why}; fix the record")

    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as err:
        return bad(f"not UTF-8 (byte {err.start})")
    except json.JSONDecodeError as err:
        return bad(f"not a JSON object ({err.msg})")
    if not isinstance(record, dict):
        return bad(f"a record must be a JSON object, not {type(record).__name__}")
    for key, kind in RECORD_FIELDS.items():
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return bad(f"`{key}` must be a {'string' if kind != 'date' else 'date string'}, not {_json_type(value)}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as err:
            return bad(f"`{key}` holds a lone surrogate ({value[err.start]!r} at character {err.start}), which is not text")
    body = record.get("html") or record.get("text")
    if not body or not body.strip():
        return bad("a record needs a non-empty `text` or `html` field")
    url = record.get("url")
    if url is not None and not re.match(r"https?://[^\s/]+", url):
        return bad(f"`url` {url[:60]!r} is not an http(s) URL")
    published = next((record[k] for k in ("published", "date", "dct") if record.get(k)), None)
    if published is not None:
        try:
            published = iso_date(published, "`published`")
        except ValueError as err:
            return bad(str(err))
    return _checked(RawInput(data=body.encode("utf-8"), origin=origin, url=url, published=published, title=record.get("title"),
                             text=None if record.get("html") else body), settings)


def _json_type(value) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def read_warc(fh: BinaryIO, name: str, settings: Settings) -> Iterator[RawInput | Failure]:
    """HTTP response records of a WARC/ARC file whose payload is HTML or text.

    A record whose block is shorter than its Content-Length (a cut archive) is not an input: the file
    fails, naming the last complete record, after the complete ones.
    """
    from warcio.archiveiterator import ArchiveIterator

    last = None
    try:
        compressed = fh.peek(2)[:2] == b"\x1f\x8b"
        probe = gzip.GzipFile(fileobj=io.BytesIO(fh.peek(65536))) if compressed else None
        try:
            start = probe.read(16) if probe else fh.peek(16)[:16]
        except (OSError, EOFError, zlib.error):
            start = b"WARC/"  # a first member longer than the probe: let the reader judge it
        if not start.startswith((b"WARC/", b"filedesc://")):
            yield Failure(name, f"[E100] {name}: not a WARC/ARC file (it does not start with a WARC record); check the file")
            return
        # warcio ends silently, or yields a short record, at a cut gzip member: find where the whole members end first
        whole_to, cut = _gzip_whole_to(fh) if compressed else (None, None)
        records = ArchiveIterator(fh, arc2warc=True)
        for number, record in enumerate(records, 1):
            if cut and records.offset >= whole_to:  # the record starts in the cut member
                raise EOFError(cut)
            block = record.content_stream().read(settings.max_bytes + 1)
            while record.raw_stream.read(1 << 16):  # to the end of the block, to see that it is all there
                pass
            if record.rec_headers.get_header("Content-Length") is None:
                raise EOFError(f"record #{number} has no Content-Length: its header is cut or damaged")
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise EOFError(f"record #{number} is cut {record.raw_stream.limit:,} bytes before its end")
            uri = record.rec_headers.get_header("WARC-Target-URI")
            last = f"#{number}" + (f" ({uri})" if uri else "")
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if ctype and not any(t in ctype for t in ("html", "text", "xml")):
                continue
            status = record.http_headers.get_statuscode() if record.http_headers else "200"
            if status and not str(status).startswith("2"):
                continue
            yield _checked(RawInput(data=block, origin=f"{name}#{number}", url=uri, content_type=ctype or None), settings)
        if cut:
            raise EOFError(cut)
        fh.seek(records.offset)  # warcio also ends silently inside a cut record header: what it left must be blank
        if fh.read(4096).strip():
            raise EOFError(f"the archive ends inside the header of the record after {last or 'its start'}")
    except Exception as err:  # warcio raises what it meets (ArchiveLoadFailed, AttributeError...) on a damaged file
        after = f"the last complete record is {last}" if last else "no record is complete"
        yield Failure(name, f"[E107] {name}: the archive is truncated or corrupt ({err}); {after}; fetch the archive again")


def _gzip_whole_to(fh: BinaryIO) -> tuple[int, str | None]:
    """Where the last whole gzip member of a file ends, and what is wrong after it (None: the file is whole).

    Reads the file once, keeping nothing, and rewinds it.
    """
    end = pos = 0
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        while chunk := fh.read(1 << 16):
            pos += len(chunk)
            data = chunk
            while data:
                inflater.decompress(data, 1 << 20)
                if inflater.eof:
                    data = inflater.unused_data
                    end = pos - len(data)
                    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
                else:
                    data = inflater.unconsumed_tail
    except zlib.error as err:
        return end, f"the gzip data is damaged after byte {end:,}: {err}"
    finally:
        fh.seek(0)
    return end, None if end == pos else f"the gzip data is cut {pos - end:,} bytes into a record"


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


# --- Fetching: every connection goes through the address policy, under one deadline and a size cap.

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_REDIRECTS = (301, 302, 303, 307, 308)


class _Refused(FetchError):
    """A connection the address policy forbids."""


class _Deadline(FetchError):
    """The whole-fetch deadline passed."""


def public_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for a globally routable unicast address; IPv4 carried inside IPv6 (mapped, 6to4, Teredo, NAT64) is judged as IPv4."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return public_address(embedded)
    return ip.is_global and not ip.is_multicast and not ip.is_reserved


def resolve(host: str, port: int, settings: Settings) -> list[str]:
    """The addresses to connect to for `host`, after the policy: every address the name resolves to must be public.

    The name is resolved the way the connection would resolve it (getaddrinfo), so every spelling of an
    address (2130706433, 127.1, 0x7f.1, ::ffff:127.0.0.1) is judged by what it means, not how it is written.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"cannot resolve host {host!r} ({err}); check the URL and the network") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not settings.allow_private_addresses:
        allowed = _networks(settings.allowed_networks)
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if not public_address(ip) and not any(ip.version == net.version and ip in net for net in allowed):
                raise _Refused(f"host {host!r} resolves to {address}, a loopback, private, link-local, multicast or reserved address; "
                               "refused so that no input can reach internal services (allow it with allowed_networks or allow_private_addresses)")
    return addresses


def _networks(specs: tuple[str, ...]) -> list:
    try:
        return [ipaddress.ip_network(spec, strict=False) for spec in specs]
    except ValueError as err:
        raise ConfigError(f"allowed_networks: {err}; write networks as CIDR, e.g. 10.1.0.0/16") from None


class _Stream:
    """A socket stream whose every read and write ends by the fetch's deadline."""

    def __init__(self, stream, deadline: float):
        self._stream, self._deadline = stream, deadline

    def _timeout(self, timeout: float | None) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise _Deadline("the server took longer than the whole-fetch deadline")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._timeout(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._timeout(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, self._timeout(timeout)), self._deadline)

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class _PolicyBackend:
    """httpcore's network backend, connecting only to addresses the policy allows and to the very address it checked.

    Connecting to the checked IP (TLS still verifies the host name) leaves no second lookup that DNS
    rebinding could answer differently.
    """

    def __init__(self, settings: Settings, deadline: float):
        import httpcore

        self._backend, self._settings, self._deadline = httpcore.SyncBackend(), settings, deadline

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None, socket_options=None):
        import httpcore

        addresses = resolve(host, port, self._settings)
        last: Exception | None = None
        for address in addresses:
            left = self._deadline - time.monotonic()
            if left <= 0:
                raise _Deadline("the deadline passed while connecting")
            try:
                stream = self._backend.connect_tcp(address, port, min(timeout or left, left), local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                last = err
                continue
            return _Stream(stream, self._deadline)
        raise last or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, *args, **kwargs):
        raise _Refused("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def fetch(url: str, settings: Settings) -> RawInput:
    """GET an http(s) URL: address policy on every connection (redirects included), one deadline for the whole
    fetch, a redirect limit, and `max_bytes` enforced on the decompressed body as it streams; raises FetchError."""
    import httpcore

    deadline = time.monotonic() + settings.http_deadline
    timeouts = {"connect": settings.http_timeout, "read": settings.http_timeout, "write": settings.http_timeout, "pool": settings.http_timeout}
    current = url
    try:
        with httpcore.ConnectionPool(network_backend=_PolicyBackend(settings, deadline), retries=0) as pool:
            for _ in range(settings.max_redirects + 1):
                target = httpx_url(current)
                headers = [(b"Host", target.netloc), (b"User-Agent", settings.user_agent.encode("latin-1", "replace")),
                           (b"Accept", b"text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"), (b"Accept-Encoding", b"gzip, deflate")]
                with pool.stream("GET", httpcore.URL(scheme=target.raw_scheme, host=target.raw_host, port=target.port, target=target.raw_path), headers=headers, extensions={"timeout": timeouts}) as response:
                    status = response.status
                    head = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in response.headers}
                    if status in _REDIRECTS and head.get("location"):
                        current = _redirect(current, head["location"])
                        continue
                    if status >= 400:
                        raise FetchError(f"{url}: the server answered HTTP {status}; check the URL")
                    data = _read_body(response.iter_stream(), head.get("content-encoding", "identity"), url, settings)
                    return RawInput(data=data, origin=url, url=current, content_type=head.get("content-type"))
            raise FetchError(f"{url}: more than {settings.max_redirects} redirects; check the URL or raise max_redirects")
    except _Refused as err:
        raise FetchError(f"{url}: {err.message}") from None
    except (_Deadline, httpcore.TimeoutException) as err:
        if isinstance(err, _Deadline) or time.monotonic() >= deadline - 0.1:  # the last read's timeout was the deadline's
            raise FetchError(f"{url}: not complete within {settings.http_deadline:g} s; the server is too slow, "
                             "try again later or raise http_deadline") from None
        raise FetchError(f"{url}: no answer within {settings.http_timeout:g} s; try again later or raise http_timeout") from None
    except (httpcore.ConnectError, httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol, httpcore.LocalProtocolError) as err:
        raise FetchError(f"{url}: cannot connect ({type(err).__name__}: {err}); check the URL and the network") from None


def httpx_url(url: str):
    """The URL parsed by httpx (which normalises hosts to IDNA); refuses anything but http and https."""
    import httpx

    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, UnicodeError) as err:
        raise FetchError(f"{url}: not a valid URL ({err}); check it") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchError(f"{url}: only http and https URLs with a host are fetched")
    return parsed


def _redirect(current: str, location: str) -> str:
    import httpx

    try:
        target = str(httpx.URL(current).join(location))
    except (httpx.InvalidURL, UnicodeError) as err:
        raise FetchError(f"{current}: redirects to an invalid URL ({err}); check the URL") from None
    if not target.startswith(("http://", "https://")):
        raise FetchError(f"{current}: redirects to {target!r}, which is not an http(s) URL; refused")
    return target


def _read_body(chunks: Iterable[bytes], encoding: str, url: str, settings: Settings) -> bytes:
    """The body, decompressed as it arrives, refused as soon as it passes `max_bytes` (so a gzip bomb never inflates)."""
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    elif encoding == "deflate":
        inflater = zlib.decompressobj()
    elif encoding in ("identity", ""):
        inflater = None
    else:
        raise FetchError(f"{url}: the server sent content encoded as {encoding!r}, which Dateline does not read")
    out, size, limit = [], 0, settings.max_bytes
    for chunk in chunks:
        if inflater is not None:
            try:  # inflate at most one byte past the limit: a chunk that would give more is refused below
                chunk = inflater.decompress(chunk, limit - size + 1)
            except zlib.error as err:
                raise FetchError(f"{url}: the compressed response is corrupt ({err}); try again later") from None
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url}: the response is over the {limit:,}-byte limit; raise max_bytes to accept it")
        out.append(chunk)
    return b"".join(out)
