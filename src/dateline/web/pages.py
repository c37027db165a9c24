"""The dashboard's pages, rendered on the server with autoescaping Jinja2 templates (no inline script:
the charts' code lives in static/js and reads its data from the JSON API)."""
from __future__ import annotations

import json
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from .. import browse, ontology
from ..query import EventQuery
from .api import event_filters, events_page, stats_json, store
from .app import ApiError

router = APIRouter(include_in_schema=False)

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# Which highlight wins where spans overlap: the trigger, then who, whom, where and when, then the factuality's cue.
ROLES = ("trigger", "actor", "recipient", "location", "date", "cue")


def segments(text: str, offset: int, spans: list[tuple[int, int, str, str | None]]) -> list[dict]:
    """`text` (which starts at article offset `offset`) cut into runs, each with the role of the span over it
    (the first of ROLES wins an overlap) and that span's link; runs outside every span have role None."""
    inside = [(max(s, offset) - offset, min(e, offset + len(text)) - offset, role, link) for s, e, role, link in spans
              if s is not None and e is not None and s < offset + len(text) and e > offset]
    cuts = sorted({0, len(text), *(b for s, e, *_ in inside for b in (s, e))})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        over = [(ROLES.index(role), role, link) for s, e, role, link in inside if s <= start and end <= e]
        _, role, link = min(over) if over else (0, None, None)
        if out and out[-1]["role"] == role and out[-1]["link"] == link:
            out[-1]["text"] += text[start:end]
        else:
            out.append({"text": text[start:end], "role": role, "link": link})
    return out


def event_spans(ev: dict, link: str | None = None) -> list[tuple[int, int, str, str | None]]:
    evidence = ev["evidence"]
    spans = [(t["start"], t["end"], "trigger", link) for t in [evidence.get("trigger")] if t]
    for role in ("actor", "recipient"):
        spans += [(s["start"], s["end"], role, link) for s in evidence.get(role + "s") or []]
    spans += [(s["start"], s["end"], role, link) for role in ("location", "date", "cue") for s in [evidence.get(role)] if s]
    return spans


def safe_url(url: str | None) -> str | None:
    """The URL when it is a web address a link may point to; None for javascript:, data: and the like."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _render(request: Request, name: str, **context) -> HTMLResponse:
    context.setdefault("quads", QUADS)
    return request.app.state.templates.TemplateResponse(request, name, context)


def _form(given: dict) -> dict:
    return {"values": given, "types": ontology.types(), "factualities": list(ontology.plover()["factuality"]),
            "sectors": list(ontology.plover()["sectors"])}


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, given: dict = Depends(event_filters), st=Depends(store)):
    counts = json.loads(stats_json(request.app, given, top=200))  # the charts ask for the same counts
    return _render(request, "overview.html", form=_form(given), stats=counts, query=urlencode(given))


@router.get("/events", response_class=HTMLResponse)
def events_table(request: Request, given: dict = Depends(event_filters), st=Depends(store),
                 sort: str = "-date", cursor: str | None = None, limit: int = Query(50, ge=1, le=500)):
    texts, next_cursor = events_page(request.app, EventQuery.parse(**given, sort=sort, cursor=cursor, limit=limit))
    rows, params = [json.loads(t) for t in texts], given
    return _render(request, "events.html", form=_form(given), rows=rows, sort=sort, params=params,
                   sort_link=lambda key: "/events?" + urlencode({**params, "sort": key}),
                   next_link="/events?" + urlencode({**params, "sort": sort, "cursor": next_cursor}) if next_cursor else None,
                   first_link="/events?" + urlencode({**params, "sort": sort}) if cursor else None,
                   export=urlencode(params))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, st=Depends(store)):
    ev = browse.event(st, event_id)
    if ev is None:
        raise ApiError(404, f"no event {event_id!r} in this store")
    evidence = ev["evidence"]
    return _render(request, "event.html", ev=ev, runs=segments(evidence["sentence"], evidence["start"], event_spans(ev)),
                   source=safe_url(ev["article"]["url"]))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, st=Depends(store)):
    art = browse.article(st, article_id)
    if art is None:
        raise ApiError(404, f"no article {article_id!r} in this store")
    spans = [span for ev in art["events"] for span in event_spans(ev, link=f"/events/{ev['id']}")]
    return _render(request, "article.html", art=art, runs=segments(art["text"], 0, spans), source=safe_url(art["url"]))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "", st=Depends(store)):
    results = browse.articles_page(st, q=q.strip(), limit=50) if q.strip() else []
    for row in results:
        row["runs"] = _marked(row.get("snippet") or "")
    return _render(request, "search.html", q=q, results=results, events_link="/events?" + urlencode({"q": q}))


def _marked(snippet: str) -> list[dict]:
    """A search snippet with its \\x02…\\x03 matches as runs with role "match"."""
    runs, role = [], None
    for part in snippet.replace("\x03", "\x02").split("\x02"):
        if part:
            runs.append({"text": part, "role": role, "link": None})
        role = None if role else "match"
    return runs


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    return _render(request, "docs.html")
