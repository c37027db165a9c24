"""The FastAPI app: the JSON API under /api, the dashboard's pages, static assets and OpenAPI at /docs.

Every error leaves as one JSON shape, `{"error": {"status", "code", "message"}}` (pages answer the same
message as an HTML page when the browser asks for HTML); no traceback reaches a client. Every response
carries a Content-Security-Policy that allows scripts only from this server, and no inline script.
"""
from __future__ import annotations

import logging
import os
import threading
import uuid
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, DatelineError, InputError, QueryError
from ..settings import Settings
from ..store import Store

log = logging.getLogger("dateline.web")

HERE = Path(str(resources.files("dateline.web")))
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI sets style attributes in its markup; scripts stay 'self' only.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "too_large", 415: "unsupported_media_type", 422: "invalid", 500: "internal", 503: "unavailable"}


class ApiError(Exception):
    """An error to answer with `status` and a one-line message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


class Guard:
    """ASGI middleware: security headers on every response, and a cap on request bodies."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await _send_json(send, 413, f"the request body is over the {self.max_body:,}-byte limit; send less")
        body, more = [], True
        while more:  # read the whole (capped) body first, so an oversized one is refused before any work
            message = await receive()
            if message["type"] != "http.request":
                break
            body.append(message.get("body", b""))
            more = message.get("more_body", False)
            if sum(map(len, body)) > self.max_body:
                return await _send_json(send, 413, f"the request body is over the {self.max_body:,}-byte limit; send less")
        replay = [{"type": "http.request", "body": b"".join(body), "more_body": False}]

        async def replayed_receive():
            return replay.pop() if replay else await receive()

        csp = (DOCS_CSP if scope["path"] == "/docs" else CSP).encode()

        async def secured_send(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                headers += [(b"content-security-policy", csp), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, replayed_receive, secured_send)


async def _send_json(send, status: int, message: str) -> None:
    response = JSONResponse(_body(status, message), status_code=status)
    response.headers["content-security-policy"] = CSP
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


def _body(status: int, message: str) -> dict:
    return {"error": {"status": status, "code": CODES.get(status, "error"), "message": message}}


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The app over the store that `settings.db` names (or `store`)."""
    from ..columns import EventColumns
    from . import api, pages

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # The columns behind the counts load before the first visitor asks (seconds on a million events).
        threading.Thread(target=app.state.columns.current, daemon=True, name="load-columns").start()
        yield

    app = FastAPI(title="Dateline", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Events from news: who did what to whom, where and when, with the sentence that says so.")
    app.state.settings = settings
    app.state.store = store or Store(settings.db, create=False)
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescapes .html templates
    app.state.pipeline = None
    app.state.columns = EventColumns(app.state.store)

    def error_response(request: Request, status: int, message: str):
        if _wants_html(request):
            return app.state.templates.TemplateResponse(request, "error.html", {"status": status, "message": message}, status_code=status)
        return JSONResponse(_body(status, message), status_code=status)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, err: ApiError):
        return error_response(request, err.status, err.message)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, err: QueryError):
        return error_response(request, 422, str(err))

    @app.exception_handler(InputError)
    async def input_error(request: Request, err: InputError):
        return error_response(request, 422, str(err))

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, err: DatelineError):
        return error_response(request, 400 if err.code.startswith("E4") else 500, str(err))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, err: RequestValidationError):
        first = err.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "body", "path"))
        return error_response(request, 422, f"{where or 'request'}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException):
        message = err.detail if isinstance(err.detail, str) and err.status_code != 404 else f"nothing at {request.url.path}"
        return error_response(request, err.status_code, message)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, err: Exception):
        ref = uuid.uuid4().hex[:12]
        log.exception("internal error %s on %s %s", ref, request.method, request.url.path)
        return error_response(request, 500, f"internal error (reference {ref}); the server log has the details")

    app.add_middleware(Guard, max_body=settings.max_bytes + 16_384)  # an input of max_bytes and its JSON envelope
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


# The settings `dateline serve --workers N` hands its server processes, as JSON.
SETTINGS_ENV = "DATELINE_SERVE_SETTINGS"


def app_from_env() -> FastAPI:
    """The app for a server process that builds its own (`dateline serve --workers N`): the settings the parent
    handed down in DATELINE_SERVE_SETTINGS, else settings from ./dateline.toml and the environment."""
    from ..settings import load_settings

    handed = os.environ.get(SETTINGS_ENV)
    if handed:
        try:
            return create_app(Settings.model_validate_json(handed))
        except ValidationError as err:
            raise ConfigError(f"{SETTINGS_ENV} holds no valid settings ({err.errors()[0]['msg']}); unset it, "
                              "or start the server with `dateline serve`") from None
    return create_app(load_settings())
