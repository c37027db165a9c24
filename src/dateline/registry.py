"""The stage registry: stage names mapped to their classes, filled lazily in this one place."""
from __future__ import annotations

import importlib
from typing import Callable

from .errors import PipelineError

# Built-in stages, as import paths, so that nothing is imported until a stage is asked for.
BUILTIN: dict[str, str] = {
    "extract": "dateline.extract:Extract",
    "annotate": "dateline.annotate:Annotate",
    "actors": "dateline.actors:Actors",
    "places": "dateline.places:Places",
    "times": "dateline.times:Times",
    "events": "dateline.events:Events",
}

_custom: dict[str, Callable] = {}


def register(name: str, factory: Callable) -> None:
    """Register a stage class (or factory taking Settings) under `name`; a taken name is an error."""
    existing = _custom.get(name)
    if existing is not None and existing is not factory:
        raise PipelineError(f"stage name {name!r} is already registered to {existing!r}; choose another name")
    if name in BUILTIN and existing is None:
        raise PipelineError(f"stage name {name!r} is a built-in stage; choose another name")
    _custom[name] = factory


def names() -> list[str]:
    return sorted(set(BUILTIN) | set(_custom))


def get(name: str) -> Callable:
    """The factory registered under `name`."""
    if name in _custom:
        return _custom[name]
    if name not in BUILTIN:
        raise PipelineError(f"no stage named {name!r}; valid stages are: {', '.join(names())}")
    module, _, attr = BUILTIN[name].partition(":")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as err:
        raise PipelineError(f"stage {name!r} cannot be loaded from {BUILTIN[name]} ({err}); reinstall dateline") from None
