"""The JSON API: read endpoints over the store and a token-guarded ingest endpoint."""
from __future__ import annotations

import hashlib
import hmac
import io
import json
import threading
from typing import Callable, Literal

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .. import browse, exports
from ..query import EventQuery, alpha2
from ..sources import RawInput, iter_inputs
from .app import ApiError

router = APIRouter(prefix="/api")
_pipeline_lock = threading.Lock()


FILTERS = ("type", "mode", "factuality", "country", "actor_country", "recipient_country", "sector", "since", "until", "bbox",
           "min_confidence", "q")


async def event_filters(
    type: str | None = Query(None, description="PLOVER event types (any of, comma-separated), e.g. CONSULT,AID."),
    mode: str | None = Query(None, description="PLOVER modes (any of), e.g. visit."),
    factuality: str | None = Query(None, description="asserted, reported, speculated, planned, hypothetical, negated or historical (any of)."),
    country: str | None = Query(None, description="Country of an actor, a recipient or the place: alpha-3, alpha-2 or name."),
    actor_country: str | None = Query(None, description="Country of an actor."),
    recipient_country: str | None = Query(None, description="Country of a recipient."),
    sector: str | None = Query(None, description="PLOVER sectors of an actor or recipient (any of), e.g. MIL."),
    since: str | None = Query(None, description="Events on or after this ISO 8601 date or prefix (2020-07-01, 2020-07, 2020)."),
    until: str | None = Query(None, description="Events on or before this date."),
    bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat in degrees."),
    min_confidence: str | None = Query(None, description="Lowest confidence, 0 to 1."),
    q: str | None = Query(None, description="Words and \"quoted phrases\" that must all occur in the article."),
) -> dict[str, str]:
    """The filters as given (checked by the query layer: a bad one answers 422 with its one-line message)."""
    given = {name: value for name, value in locals().items() if value not in (None, "")}
    EventQuery.parse(**given)
    return given


def store(request: Request):
    return request.app.state.store


@router.get("/events", summary="Events matching the filters, newest first, one page at a time")
async def list_events(request: Request, given: dict = Depends(event_filters),
                      limit: int = Query(50, ge=1, le=1000), cursor: str | None = Query(None, description="next_cursor of the previous page."),
                      sort: Literal["-date", "date", "-confidence", "confidence"] = "-date",
                      format: Literal["json", "csv", "geojson"] = "json"):
    query = EventQuery.parse(**given, limit=limit, cursor=cursor, sort=sort)
    return await _from_columns(request, lambda: _events_response(request.app, query, format))


def _events_response(app, query: EventQuery, format: str) -> Response:
    texts, next_cursor = events_page(app, query)
    if format == "json":  # the stored JSON of each event, spliced, not decoded and encoded again
        return Response(f'{{"events":[{",".join(texts)}],"count":{len(texts)},"next_cursor":{json.dumps(next_cursor)}}}',
                        media_type="application/json")
    out = io.StringIO()
    exports.write([json.loads(t) for t in texts], format, out)
    headers = {"x-next-cursor": next_cursor} if next_cursor else {}
    media = "text/csv; charset=utf-8" if format == "csv" else "application/geo+json"
    return Response(out.getvalue(), media_type=media, headers=headers)


async def _from_columns(request: Request, respond: Callable[[], Response]) -> Response:
    """`respond()`, an answer from the app's columns, made right here (a few milliseconds of CPU, for which a hop to a
    thread would cost more than it saves) once the columns are loaded and up to date; until then they load in a thread
    (seconds, at start or after an ingest), so that the server keeps answering its other routes meanwhile.

    The answer carries an ETag made of the store's version and the URL: a client that sends it back in If-None-Match
    gets 304 Not Modified, without the answer being made, until something new is stored."""
    columns = request.app.state.columns
    if not columns.loaded or columns.stale():
        # Loading, or bringing them up to date after an ingest (seconds on a million events), goes to a thread: the
        # request waits for fresh columns, the worker's other routes do not.
        await run_in_threadpool(columns.current)
    version_and_url = f"{columns.version()} {request.url.path}?{request.url.query}".encode()
    etag = f'"{hashlib.blake2b(version_and_url, digest_size=16).hexdigest()}"'
    headers = {"etag": etag, "cache-control": "no-cache"}  # no-cache: keep it, but ask each time
    sent = request.headers.get("if-none-match", "")
    if sent.strip() == "*" or etag in (tag.strip().removeprefix("W/") for tag in sent.split(",")):
        return Response(status_code=304, headers=headers)
    response = respond()
    response.headers.update(headers)
    return response


def events_page(app, query: EventQuery) -> tuple[list[str], str | None]:
    """The page of events `query` asks for, each as JSON text, and the cursor to the next page: which events, from the
    app's columnar copy of the store (any filters in milliseconds); their stored JSON, from the store."""
    return app.state.store.find_events_json(query, page=app.state.columns.page(query))


@router.get("/events/{event_id}", summary="One event with its evidence spans, its article and the article's other events")
def get_event(event_id: str, st=Depends(store)):
    found = browse.event(st, event_id)
    if found is None:
        raise ApiError(404, f"no event {event_id!r} in this store")
    return found


@router.get("/articles", summary="Articles, newest first, or matching a full-text search")
def list_articles(q: str | None = None, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0), st=Depends(store)):
    rows = browse.articles_page(st, q=q or None, limit=limit, offset=offset)
    for row in rows:
        if row.get("snippet"):
            row["snippet"] = row["snippet"].replace("\x02", "").replace("\x03", "")
    return {"articles": rows, "count": len(rows), "offset": offset}


@router.get("/articles/{article_id}", summary="One article with its text and its events")
def get_article(article_id: str, st=Depends(store)):
    found = browse.article(st, article_id)
    if found is None:
        raise ApiError(404, f"no article {article_id!r} in this store")
    return found


@router.get("/actors", summary="Actors by the number of events they take part in")
def list_actors(q: str | None = None, country: str | None = None, limit: int = Query(100, ge=1, le=1000), st=Depends(store)):
    code = EventQuery.parse(country=country).country if country else None
    return {"actors": browse.actors(st, q=q or None, country=code, limit=limit)}


@router.get("/places", summary="Places by the number of events that happened there")
def list_places(country: str | None = None, limit: int = Query(100, ge=1, le=1000), st=Depends(store)):
    code = alpha2(EventQuery.parse(country=country).country) if country else None
    return {"places": browse.places(st, country=code, limit=limit)}


@router.get("/stats", summary="Counts of the matching events by day and quad class, type, quad class, country pair and place")
async def get_stats(request: Request, given: dict = Depends(event_filters), top: int = Query(50, ge=1, le=500)):
    return await _from_columns(request, lambda: Response(stats_json(request.app, given, top), media_type="application/json"))


def stats_json(app, given: dict, top: int) -> str:
    """The counts for the filters `given` as JSON, from the app's columnar copy of the store (columns.EventColumns)."""
    return app.state.columns.stats_json(EventQuery.parse(**given), top=top)


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="An HTML page.")
    url: str | None = Field(None, description="A URL to fetch (under the same fetch policy as `dateline ingest`), or the page's URL when text or html is given.")
    title: str | None = None
    published: str | None = Field(None, description="Publication date YYYY-MM-DD.")

    @model_validator(mode="after")
    def _one_body(self):
        if bool(self.text) + bool(self.html) > 1 or not (self.text or self.html or self.url):
            raise ValueError("give one of text or html (optionally with url), or a url alone")
        if self.url and not self.url.lower().startswith(("http://", "https://")):
            raise ValueError("url must be an http:// or https:// address")
        return self


def _authorised(request: Request, authorization: str | None = Header(None, description="Bearer TOKEN")) -> None:
    token = request.app.state.settings.api_token
    if not token:
        raise ApiError(403, "writes are disabled on this server; set the api_token setting (DATELINE_API_TOKEN) to enable them")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "a valid bearer token is required (header `Authorization: Bearer TOKEN`)")


@router.post("/ingest", summary="Code one article (text, HTML or a URL) and store it", dependencies=[Depends(_authorised)])
async def ingest(body: IngestRequest, request: Request):
    return JSONResponse(await run_in_threadpool(_ingest, request.app, body))


def _ingest(app, body: IngestRequest) -> dict:
    from ..ingest import ingest_inputs

    settings = app.state.settings
    if body.text or body.html:
        content = body.text or body.html
        items = [RawInput(data=content.encode("utf-8"), origin=body.url or "api", url=body.url, published=body.published,
                          title=body.title, text=body.text)]
    else:
        items = iter_inputs([body.url], settings)
    with _pipeline_lock:  # one pipeline per app, loaded on the first write; spaCy is not shared across threads
        if app.state.pipeline is None:
            from ..pipeline import Pipeline

            app.state.pipeline = Pipeline(settings)
        report = ingest_inputs(items, app.state.pipeline, app.state.store)
    if report.failed and not report.stored:
        raise ApiError(422, report.failures[0][1])
    return report.as_dict()
