"""Dateline turns news into event data: who did what to whom, where and when, with the sentence that says so.

    import dateline
    doc = dateline.process(text_or_html, url=..., published="2023-09-15")
    doc.events, doc.to_json()
"""
from __future__ import annotations

from functools import lru_cache

from .errors import DatelineError
from .models import Article, Document, Event, Published
from .pipeline import Pipeline
from .settings import Settings, load_settings

__all__ = ["process", "load", "Document", "Event", "Article", "Settings", "DatelineError", "Pipeline"]
__version__ = "0.1.0"


def load(config: str | None = None, **overrides) -> Pipeline:
    """A pipeline configured from defaults < dateline.toml (or `config`) < DATELINE_* env < overrides."""
    return Pipeline(load_settings(config, **overrides))


@lru_cache(maxsize=2)
def _default_pipeline() -> Pipeline:
    return load()


def process(text_or_html: str | bytes, url: str | None = None, published: str | None = None, pipeline: Pipeline | None = None) -> Document:
    """Code one article (HTML or plain text) and return its Document; raises DatelineError on bad input."""
    from .sources import RawInput

    data = text_or_html.encode("utf-8") if isinstance(text_or_html, str) else text_or_html
    raw = RawInput(data=data, origin=url or "<string>", url=url, published=published)
    return (pipeline or _default_pipeline())(raw.document())
