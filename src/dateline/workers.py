"""Worker processes: batches of raw inputs coded in child processes, so that every core works and a
document that runs away (past its time budget, or stuck where no signal reaches) is killed without
losing the rest of its batch.

Each worker builds the pipeline once and codes one batch at a time; inside it, `Pipeline.run` holds
each document to `doc_timeout`. The parent holds each batch to a hard deadline as well: a worker
that misses it is killed (SIGKILL), a new one takes its place, and the batch is coded again one
document per task, so that only the document that cannot finish fails.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Iterable, Iterator

from .errors import PipelineError
from .models import Document
from .pipeline import Outcome, Pipeline
from .settings import Settings
from .sources import RawInput

GRACE = 10.0  # seconds past the batch's budget before the parent kills a worker
STARTUP = 300.0  # seconds a worker may take to load its models
WARM_TEXT = ("The foreign ministers of France and Germany met in Geneva on Tuesday to discuss sanctions against Iran, "
             "officials said. Protesters gathered outside the venue.")


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


@dataclass
class Result:
    """One input's outcome from a worker, with what the benchmark reads."""

    raw: RawInput
    outcome: Outcome
    tokens: int = 0


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when the parent dies (even by SIGKILL), so no orphan codes on."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _serve(settings: dict, conn, parent: int) -> None:
    """A worker's life: build and warm the pipeline, then code each batch it is sent until told to stop."""
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the kernel could be asked to say so
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # one core per worker: no oversubscription
        os.environ.setdefault(name, "1")
    try:
        pipeline = Pipeline(Settings(**settings))
        pipeline.run([RawInput(data=WARM_TEXT.encode(), origin="<warm-up>").document()])
        pipeline.timings.clear()
    except Exception as err:  # a configuration error: the parent reports it as one line
        conn.send(("error", str(err)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        outcomes = pipeline.run([raw.document() for raw in batch])
        sent = [(o.doc.to_json() if o.doc else None, o.error, len(o.doc.spacy) if o.doc is not None and o.doc.spacy is not None else 0)
                for o in outcomes]
        conn.send(("done", sent, dict(pipeline.timings), _peak_rss_mb()))
        pipeline.timings.clear()


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: object
    ready: bool = False
    batch: list[RawInput] | None = None
    alone: bool = False  # the batch is one document being retried after a kill
    deadline: float = 0.0
    peak_rss_mb: float = 0.0


@dataclass
class WorkerPool:
    """`size` worker processes coding batches; use as a context manager so that every worker is stopped."""

    settings: Settings
    size: int
    timings: dict[str, float] = field(default_factory=dict)
    peaks: dict[int, float] = field(default_factory=dict)  # worker pid -> peak RSS (MB)
    killed: int = 0

    def __post_init__(self):
        self._context = multiprocessing.get_context("spawn")  # a fresh interpreter: no threads or locks inherited
        self._workers: list[_Worker] = []

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self, count: int | None = None) -> None:
        """Start workers (all of them by default) and wait until each has warmed its pipeline."""
        while len(self._workers) < (count or self.size):
            self._spawn()
        while not all(w.ready for w in self._workers):
            self._wait(1.0, [])

    def close(self) -> None:
        for worker in self._workers:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        for worker in self._workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self._workers.clear()

    def map(self, batches: Iterable[list[RawInput]]) -> Iterator[Result]:
        """Code every batch; yields each input's result as soon as its batch is done (batches may finish out of order)."""
        pending = iter(batches)
        retry: deque[list[RawInput]] = deque()
        exhausted = False
        while True:
            done: list[Result] = []
            idle = [w for w in self._workers if w.ready and w.batch is None]
            while not exhausted or retry:
                if not idle and len(self._workers) >= self.size:
                    break
                batch, alone = (retry.popleft(), True) if retry else (next(pending, None), False)
                if batch is None:
                    exhausted = True
                    continue
                if not batch:
                    continue
                worker = idle.pop() if idle else self._spawn()
                self._assign(worker, batch, alone)
            if exhausted and not retry and all(w.batch is None for w in self._workers):
                return
            self._wait(1.0, done, retry)
            yield from done

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(self.settings.model_dump(), child, os.getpid()), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent, deadline=time.monotonic() + STARTUP)
        self._workers.append(worker)
        return worker

    def _assign(self, worker: _Worker, batch: list[RawInput], alone: bool) -> None:
        worker.batch, worker.alone = batch, alone
        if worker.ready:
            self._send(worker)

    def _send(self, worker: _Worker) -> None:
        budget = self.settings.doc_timeout if self.settings.doc_timeout > 0 else None
        worker.deadline = time.monotonic() + (budget * (len(worker.batch) + 1) + GRACE if budget else float("inf"))
        worker.conn.send(worker.batch)

    def _wait(self, timeout: float, done: list[Result], retry: deque | None = None) -> None:
        """Take what the workers have sent; kill and replace a worker past its deadline or dead, retrying its batch."""
        ready = wait([w.conn for w in self._workers] + [w.process.sentinel for w in self._workers], timeout)
        for worker in list(self._workers):
            if worker.conn in ready:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    message = None
                if message is not None:
                    self._take(worker, message, done)
                    continue
            if worker.process.sentinel in ready or not worker.process.is_alive():
                self._lost(worker, f"the worker coding it died ({_exit_reason(worker.process.exitcode)})", done, retry)
            elif (worker.batch is not None or not worker.ready) and time.monotonic() > worker.deadline:
                worker.process.kill()
                worker.process.join()
                self.killed += 1
                self._lost(worker, f"it ran past its {self.settings.doc_timeout:g}-second budget where it could not be stopped, and was killed",
                           done, retry)

    def _take(self, worker: _Worker, message: tuple, done: list[Result]) -> None:
        kind = message[0]
        if kind == "error":
            self.close()
            raise PipelineError(message[1])
        if kind == "ready":
            worker.ready = True
            if worker.batch is not None:
                self._send(worker)
            return
        _, sent, timings, peak = message
        for name, seconds in timings.items():
            self.timings[name] = self.timings.get(name, 0.0) + seconds
        worker.peak_rss_mb = peak
        self.peaks[worker.process.pid] = peak
        for raw, (doc_json, error, tokens) in zip(worker.batch, sent):
            doc = None
            if doc_json is not None:
                doc = Document.model_validate_json(doc_json)
                doc._raw = raw
            done.append(Result(raw, Outcome(doc, error, raw.origin), tokens))
        worker.batch = None

    def _lost(self, worker: _Worker, why: str, done: list[Result], retry: deque | None) -> None:
        """A worker is gone: its batch is retried one document at a time; a document alone that kills its worker fails."""
        self._workers.remove(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        if not worker.ready:
            self.close()
            raise PipelineError(f"a worker process died while starting ({_exit_reason(worker.process.exitcode)}); "
                                "check the free memory, or run with --workers 0")
        if worker.batch is None:
            return
        if worker.alone or retry is None:
            for raw in worker.batch:
                done.append(Result(raw, Outcome(None, f"[E303] coding this input stopped: {why}; split the text or raise doc_timeout", raw.origin)))
        else:
            retry.extend([raw] for raw in worker.batch)


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"
