"""Feedback on long work: progress bars and one-line notices on stderr.

Library code says what it got done on a named channel (`advance("parse")` for each document spaCy parsed,
`advance("gazetteer")` for each step of an index build) and how much there is (`total(...)`); a command that
shows a bar opens one with `bar(...)`, listening to one channel or fed by its own calls. Bars are drawn only
on a terminal (never into a pipe or a log); notices always print, one line each, above any bar.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)


class Bar:
    """An open progress bar: `advance` it, set its `total`, add a short note after it."""

    def __init__(self, progress: Progress, task: TaskID, channel: str | None):
        self.progress, self.task, self.channel = progress, task, channel

    @property
    def console(self) -> Console:
        return self.progress.console

    def advance(self, n: int = 1, note: str | None = None) -> None:
        fields = {} if note is None else {"note": note}
        self.progress.update(self.task, advance=n, **fields)

    def total(self, total: int | None, restart: bool = False) -> None:
        """Set how much there is to do; `restart` counts from zero again (a timed run after a warm-up)."""
        self.progress.update(self.task, total=total, **({"completed": 0} if restart else {}))

    @property
    def completed(self) -> float:
        return self.progress.tasks[self.task].completed


_ACTIVE: ContextVar[Bar | None] = ContextVar("dateline_progress_bar", default=None)


def advance(channel: str, n: int = 1) -> None:
    """Library code: `n` more units of `channel`'s work are done (moves the open bar when it listens to it)."""
    bar = _ACTIVE.get()
    if bar is not None and bar.channel == channel:
        bar.advance(n)


def total(channel: str, n: int | None, restart: bool = False) -> None:
    """Library code: `channel`'s work has `n` units (sets the open bar's total when it listens to it)."""
    bar = _ACTIVE.get()
    if bar is not None and bar.channel == channel:
        bar.total(n, restart=restart)


def notice(message: str) -> None:
    """One line for the user on stderr, printed above the open bar if there is one."""
    bar = _ACTIVE.get()
    console = bar.console if bar is not None else Console(stderr=True)
    console.print(message, markup=False, highlight=False, soft_wrap=True)


@contextmanager
def bar(label: str, total: int | None = None, channel: str | None = None) -> Iterator[Bar]:
    """A progress bar on stderr for the work inside the block: done/total, elapsed and remaining time, and a
    note (the last item); `channel` lets library code move it. Nothing is drawn when stderr is not a terminal."""
    console = Console(stderr=True)
    columns = [SpinnerColumn(), TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("eta"), TimeRemainingColumn(), TextColumn("{task.fields[note]}", markup=False)]
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        opened = Bar(progress, progress.add_task(label, total=total, note=""), channel)
        token = _ACTIVE.set(opened)
        try:
            yield opened
        finally:
            _ACTIVE.reset(token)
