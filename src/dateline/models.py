"""The data model: one set of pydantic models for the library, the store, the CLI and the exports.

A `Document` travels through the pipeline; each stage fills its own fields. Character offsets
(`start`, `end`) always index `Document.article.text`, start inclusive, end exclusive.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

# "unknown": an event date the text leaves open (eventdate.event_date); "low": a header date whose year was guessed.
Precision = Literal["low", "second", "minute", "hour", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "unknown", "none"]
DateSource = Literal["metadata", "url", "header", "caller", "text", "none"]
Factuality = Literal["asserted", "reported", "speculated", "planned", "hypothetical", "negated", "historical"]
# "inferred": a name the gazetteer lacks, placed at the document place that most likely contains it.
Level = Literal["continent", "country", "admin1", "admin2", "city", "site", "region", "water", "inferred"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A stretch of the article text."""

    start: int
    end: int
    text: str


class Published(Model):
    """The publication date, with where it came from and how precise it is."""

    value: str | None = None  # ISO date (YYYY-MM-DD), or None when nothing says
    precision: Precision = "none"
    source: DateSource = "none"
    evidence: str | None = None  # the string the date was read from


class Article(Model):
    id: str = ""  # content hash of title + text
    url: str | None = None
    title: str | None = None
    text: str = ""
    published: Published = Field(default_factory=Published)
    author: str | None = None
    site: str | None = None
    language: str | None = "en"
    origin: str | None = None  # path or URL the raw input came from
    raw_sha256: str | None = None
    content_type: str | None = None  # "html" or "text"
    fetched_at: datetime | None = None


class Actor(Model):
    """Who: an entity resolved to a knowledge-base entry (or a plain country/sector reading)."""

    id: str  # KB id, or a synthetic id such as "country:RUS"
    name: str
    kind: Literal["person", "organization", "country", "group", "other"] = "other"
    country: str | None = None  # ISO 3166 alpha-3 or IGO code
    sector: str | None = None  # PLOVER sector code
    office: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class Place(Model):
    """Where: a toponym resolved to a gazetteer entry; unresolved names keep geonameid None."""

    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    country3: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    level: Level | None = None
    score: float | None = None
    mentions: list[Span] = Field(default_factory=list)


class Timex(Model):
    """When: a time expression normalised to a TIMEX3 value."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    anchor: str | None = None  # what a relative value was resolved against


class EventActor(Model):
    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None
    start: int | None = None
    end: int | None = None


class EventLocation(Model):
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    level: Level | None = None
    start: int | None = None
    end: int | None = None


class EventDate(Model):
    """When an event happened, as an ISO 8601 date or a prefix of one (rules in eventdate.iso_date).

    `value` is YYYY-MM-DD, YYYY-MM or YYYY, or None when the text leaves the date open: a past event it does
    not date ("before-publication", no later than `latest`) or a planned one ("after-publication", no earlier
    than `earliest`); `precision` is how long a stretch of time the text names ("unknown" when open);
    `timex` is the TIMEX3 value the date was read from; start/end span the expression. `derived_from` "context":
    the event's sentence gives no date, and the value is the last one the story gave before it in its paragraph.
    """

    value: str | None = None
    precision: Precision = "day"
    derived_from: Literal["explicit", "relative", "context", "publication", "before-publication", "after-publication"] = "explicit"
    timex: str | None = None
    earliest: str | None = None
    latest: str | None = None
    start: int | None = None
    end: int | None = None


class Evidence(Model):
    """The sentence an event was read from, and the spans in it of the trigger and of each argument."""

    sentence: str
    start: int  # sentence span in the article text
    end: int
    trigger: Span | None = None
    actors: list[Span] = Field(default_factory=list)
    recipients: list[Span] = Field(default_factory=list)
    location: Span | None = None
    date: Span | None = None
    cue: Span | None = None  # the words that decided the event's factuality ("is due to", "allegedly"); None when asserted

    def span(self, start: int | None, end: int | None) -> Span | None:
        """The Span for article offsets start..end when they fall inside this sentence."""
        if start is None or end is None or not (self.start <= start < end <= self.end):
            return None
        return Span(start=start, end=end, text=self.sentence[start - self.start:end - self.start])


class Event(Model):
    """What: one coded event with the words that support it."""

    id: str = ""
    type: str  # one of the 16 PLOVER types
    mode: str | None = None
    contexts: list[str] = Field(default_factory=list)
    factuality: Factuality = "asserted"
    confidence: float = 0.5
    actors: list[EventActor] = Field(default_factory=list)
    recipients: list[EventActor] = Field(default_factory=list)
    location: EventLocation | None = None
    date: EventDate | None = None
    evidence: Evidence
    mentions: list[Evidence] = Field(default_factory=list)  # other sentences of the article that tell the same happening
    cameo: str | None = None
    quad_class: int | None = None
    intensity: float | None = None

    @model_validator(mode="after")
    def _evidence_spans(self) -> "Event":
        # The evidence lists every argument's span, derived from the arguments so they cannot disagree.
        ev = self.evidence
        ev.actors = [s for a in self.actors if (s := ev.span(a.start, a.end))]
        ev.recipients = [s for a in self.recipients if (s := ev.span(a.start, a.end))]
        ev.location = ev.span(self.location.start, self.location.end) if self.location else None
        ev.date = ev.span(self.date.start, self.date.end) if self.date else None
        return self


class Document(Model):
    """An article and everything the pipeline found in it."""

    article: Article = Field(default_factory=Article)
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    _raw: Any = PrivateAttr(default=None)  # sources.RawInput the article came from
    _spacy: Any = PrivateAttr(default=None)  # spacy.tokens.Doc over article.text
    _done: set = PrivateAttr(default_factory=set)  # fields assigned so far (for requires checks)

    @property
    def raw(self):
        return self._raw

    @property
    def spacy(self):
        return self._spacy

    def to_json(self, **kwargs) -> str:
        return self.model_dump_json(**kwargs)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")


def iso_date(value: Any, what: str = "date") -> str:
    """A calendar date given in any ISO 8601 form ('2023-09-15', '20230915', '2023-W37-5', '2023-09-15T08:00:00Z')
    as YYYY-MM-DD; raises ValueError with a one-line reason for anything else."""
    from datetime import date

    if not isinstance(value, str):
        raise ValueError(f"{what} must be a string such as 2023-09-15, not {type(value).__name__}")
    text = value.strip()
    for parse in (date.fromisoformat, lambda v: datetime.fromisoformat(v.replace("z", "Z")).date()):
        try:
            return parse(text).isoformat()
        except ValueError:
            continue
    shown = text if len(text) <= 40 else text[:40] + "…"
    raise ValueError(f"{what} {shown!r} is not an ISO 8601 date; write it as YYYY-MM-DD")
