"""The pipeline: stages assembled from settings, run over documents with per-document error isolation."""
from __future__ import annotations

import signal
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar, Iterable, Iterator

from . import registry
from .errors import ConfigError, DatelineError, PipelineError
from .models import Document
from .settings import Settings


class Stage:
    """A pipeline stage: a callable `Document -> Document` that declares what it requires and assigns.

    Subclasses set `name`, `requires` and `assigns`, implement `__call__`, and may override `pipe`
    for batches. Stages never import each other; they meet only in the data model.
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    # The stage's own settings (`stage_options.NAME.OPTION`), each declared once: name -> (default, help).
    option_defaults: ClassVar[dict[str, tuple[Any, str]]] = {}

    def __init__(self, settings: Settings):
        self.settings = settings
        given = dict(settings.stage_options.get(self.name, {}))
        unknown = sorted(set(given) - set(self.option_defaults))
        if unknown:
            valid = ", ".join(self.option_defaults) or "none"
            raise ConfigError(f"stage {self.name} has no option {', '.join(unknown)}; its options are: {valid}")
        self.options = {key: default for key, (default, _) in self.option_defaults.items()} | given

    def __call__(self, doc: Document) -> Document:
        raise NotImplementedError

    def pipe(self, docs: list[Document]) -> list[Document]:
        return [self(doc) for doc in docs]


@dataclass
class Outcome:
    """One input's result: the document, or the one-line reason it failed."""

    doc: Document | None
    error: str | None = None
    origin: str | None = None


def unmet_requirements(stages: list[type[Stage] | Stage], start: Iterable[str] = ("raw",)) -> list[tuple[str, str]]:
    """(stage, requirement) pairs that no earlier stage assigns."""
    have = set(start)
    unmet = []
    for stage in stages:
        for req in stage.requires:
            if req not in have:
                unmet.append((stage.name, req))
        have.update(stage.assigns)
    return unmet


class Pipeline:
    """The assembled stages; build once per process (loading models is the expensive part)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.stage_classes = [registry.get(name) for name in settings.pipeline]
        unmet = unmet_requirements(self.stage_classes)
        if unmet:
            detail = "; ".join(f"{s} requires {r}" for s, r in unmet)
            raise PipelineError(f"pipeline {', '.join(settings.pipeline)} has unmet requirements ({detail}); add the stages that assign them")
        self._stages: list[Stage] | None = None
        self.timings: dict[str, float] = defaultdict(float)

    @property
    def stages(self) -> list[Stage]:
        if self._stages is None:
            self._stages = [cls(self.settings) for cls in self.stage_classes]
        return self._stages

    def describe(self) -> list[dict]:
        """Stage name, class, requires and assigns, in order, for `dateline stages`."""
        return [
            {"name": cls.name, "class": f"{cls.__module__}.{cls.__qualname__}", "requires": list(cls.requires), "assigns": list(cls.assigns),
             "options": {key: {"default": default, "help": help_text} for key, (default, help_text) in cls.option_defaults.items()}}
            for cls in self.stage_classes
        ]

    def __call__(self, doc: Document) -> Document:
        outcome = self.run([doc])[0]
        if outcome.error:
            raise PipelineError(outcome.error)
        return outcome.doc

    def run(self, docs: list[Document]) -> list[Outcome]:
        """Run every stage over a batch; a document that fails in a stage, or runs past its time budget
        (`doc_timeout`), is dropped with its reason and the others go on."""
        outcomes = [Outcome(doc, None, _origin(doc)) for doc in docs]
        spent = [0.0] * len(outcomes)  # pipeline seconds each document has used so far
        budget = self.settings.doc_timeout if self.settings.doc_timeout > 0 else None
        for stage in self.stages:
            live = [i for i, o in enumerate(outcomes) if o.error is None]
            if not live:
                break
            started = time.perf_counter()
            if type(stage).pipe is not Stage.pipe:  # a batched stage: each document pays for its share of the text
                docs_in = [outcomes[i].doc for i in live]
                try:
                    with _alarm(None if budget is None else min(budget - spent[i] for i in live) * len(live)):
                        results = stage.pipe(docs_in)
                except (Exception, _OverBudget):
                    pass  # retried one by one below, so that one bad or slow document cannot sink its batch
                else:
                    # A batched stage's time is not measured per document; it grows with the text, so each document is
                    # charged its part of the batch's characters: a short article beside a very long one is not charged
                    # for the long one's parse (evenly shared, it was, and ran over its own budget).
                    elapsed = time.perf_counter() - started
                    results = list(results)
                    sizes = [len(doc.article.text or "") + 1 for doc in results]
                    total = sum(sizes)
                    for i, doc, size in zip(live, results, sizes):
                        outcomes[i].doc = doc
                        spent[i] += elapsed * size / total
                        if budget is not None and spent[i] > budget:
                            outcomes[i].error = _over_budget(budget, stage.name)
                    live = []
            for i in live:
                self._run_one(stage, outcomes[i], spent, i, budget)
            self.timings[stage.name] += time.perf_counter() - started
        for o in outcomes:
            if o.error:
                o.doc = None
        return outcomes

    @staticmethod
    def _run_one(stage: Stage, outcome: Outcome, spent: list[float], i: int, budget: float | None) -> None:
        started = time.perf_counter()
        try:
            with _alarm(None if budget is None else budget - spent[i]):
                outcome.doc = stage(outcome.doc)
        except _OverBudget:
            outcome.error = _over_budget(budget, stage.name)
        except DatelineError as err:
            outcome.error = str(err)
        except Exception as err:  # a bug in a stage: report it as one line, keep going
            outcome.error = f"[E301] stage {stage.name} failed on this input: {type(err).__name__}: {err}"
        finally:
            spent[i] += time.perf_counter() - started

    def stream(self, docs: Iterable[Document], batch_size: int | None = None) -> Iterator[Outcome]:
        """Run over any number of documents, batch by batch."""
        size = batch_size or self.settings.batch_size
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self.run(batch)
                batch = []
        if batch:
            yield from self.run(batch)


class _OverBudget(BaseException):
    """A document ran out of its time budget (a BaseException, so that no stage's own `except Exception` swallows it)."""


def _over_budget(budget: float | None, stage: str) -> str:
    return (f"[E302] coding took more than the {budget:g}-second budget per document (stopped in stage {stage}); "
            "the text is too long or unusual: split it, or raise doc_timeout")


@contextmanager
def _alarm(seconds: float | None):
    """Raise _OverBudget in this thread after `seconds`; a no-op without a limit, off the main thread or without SIGALRM."""
    if seconds is None or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    if seconds <= 0:
        raise _OverBudget()

    def ring(signum, frame):
        raise _OverBudget()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _origin(doc: Document) -> str | None:
    raw = doc.raw
    return getattr(raw, "origin", None) or doc.article.origin
