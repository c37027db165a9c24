"""Several server processes on one port, each accepting on a listening socket of its own (SO_REUSEPORT).

uvicorn's own workers share one listening socket, and whichever is idle first accepts every connection waiting: 20
keep-alive clients that connect at once all landed on one of two workers in about half the benchmark's runs, which
then served at half the machine's speed. With a socket each, the kernel spreads connections among the workers by
their addresses.

Each worker has a slot of its own, and a worker that exits is started again in its slot:
1. at once if it had stayed up STABLE_AFTER seconds;
2. otherwise after a pause of RESTART_DELAY, doubled for each further such exit in a row up to MAX_RESTART_DELAY,
   so that a worker that keeps crashing does not become a loop of new processes;
3. not at all when workers fail to start (exit within START_WINDOW seconds) GIVE_UP_AFTER times in a row in one
   slot, or in every slot with none up since: the server then stops every worker and raises a DatelineError that
   names the last exit code.
Each restart is logged (logger `dateline.web`), and a worker that a DatelineError stops prints it in one line.
SIGINT or SIGTERM stops them all, during a pause too.
"""
from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess

import uvicorn

from ..errors import DatelineError, InputError

# Where the platform has no SO_REUSEPORT (Windows), `dateline serve` keeps uvicorn's shared socket.
AVAILABLE = hasattr(socket, "SO_REUSEPORT")

RESTART_DELAY = 0.5  # seconds before restarting a worker that exited early; doubled for each next one in a row
MAX_RESTART_DELAY = 30.0
STABLE_AFTER = 60.0  # a worker up this long ran well: its slot restarts it at once and its pauses start again
START_WINDOW = 10.0  # a worker that exits sooner failed to start
GIVE_UP_AFTER = 5  # failed starts in a row in one slot
POLL = 0.5  # the longest wait before SIGINT or SIGTERM is seen

log = logging.getLogger("dateline.web")


@dataclass
class _Slot:
    """Where one worker runs: its process (None during a pause) and how the ones before it ended."""

    number: int
    process: BaseProcess | None = None
    started: float = 0.0
    delay: float = 0.0  # the pause before the slot's latest restart
    due: float = 0.0  # when that pause ends
    failed_starts: int = 0  # workers in a row that exited within START_WINDOW


def serve(host: str, port: int, workers: int) -> None:
    """Serve `dateline.web.app:app_from_env` from `workers` processes on host:port until SIGINT or SIGTERM.

    Raises DatelineError when workers keep failing to start (see the module's docstring)."""
    held = _socket(host, port)  # bound, never listening: it holds the port (and finds it, for port 0) and reports a taken one
    port = held.getsockname()[1]
    context = multiprocessing.get_context("spawn")
    stopping = []
    handlers = {sig: signal.signal(sig, lambda *_: stopping.append(True)) for sig in (signal.SIGINT, signal.SIGTERM)}
    slots = [_Slot(number) for number in range(1, workers + 1)]
    try:
        while not stopping:
            now = time.monotonic()
            for slot in slots:
                if slot.process is None and slot.due <= now:
                    slot.process, slot.started = _start(context, host, port), now
            pauses = [slot.due - now for slot in slots if slot.process is None]
            ended = wait([slot.process.sentinel for slot in slots if slot.process], timeout=min([POLL, *pauses]))
            for slot in slots:
                if slot.process and slot.process.sentinel in ended and not stopping:
                    _ended(slot, slots, time.monotonic())
    finally:
        for slot in slots:
            if slot.process:
                slot.process.terminate()
        for slot in slots:
            if slot.process:
                slot.process.join(30)
        held.close()
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def _ended(slot: _Slot, slots: list[_Slot], now: float) -> None:
    """Schedule the restart in the slot whose worker has exited, or raise when workers keep failing to start."""
    slot.process.join()
    code, slot.process = slot.process.exitcode, None
    ran = now - slot.started
    slot.failed_starts = slot.failed_starts + 1 if ran < START_WINDOW else 0
    slot.delay = _pause(slot.delay, ran)
    slot.due = now + slot.delay
    if slot.failed_starts >= GIVE_UP_AFTER:
        raise _gave_up(f"web worker {slot.number} of {len(slots)} failed to start {slot.failed_starts} times in a row, "
                       f"the last time {_how(code)}")
    if all(_failing(other, now) for other in slots):
        raise _gave_up(f"every web worker failed to start, the last {_how(code)}")
    log.warning("web worker %d ended %s after %.1f s; starting another %s", slot.number, _how(code), ran,
                f"in {slot.delay:g} s" if slot.delay else "now")


def _pause(previous: float, ran: float) -> float:
    """Seconds to wait before restarting a worker that ran `ran` seconds, in a slot whose last pause was `previous`."""
    if ran >= STABLE_AFTER:
        return 0.0
    return min(max(2 * previous, RESTART_DELAY), MAX_RESTART_DELAY)


def _failing(slot: _Slot, now: float) -> bool:
    """Whether the slot's last worker failed to start and no worker has been up there START_WINDOW seconds since."""
    return slot.failed_starts > 0 and (slot.process is None or now - slot.started < START_WINDOW)


def _how(code: int) -> str:
    """How a process ended, from its exit code (negative: the signal that stopped it)."""
    return f"with exit code {code}" if code >= 0 else f"on signal {-code} ({signal.strsignal(-code) or 'unknown'})"


def _gave_up(what: str) -> DatelineError:
    return DatelineError(f"{what}; every worker is stopped. Fix what stops them (their error is printed above; "
                         "`dateline serve --workers 1` shows it on its own), then start the server again")


def _start(context, host: str, port: int):
    process = context.Process(target=_worker, args=(host, port), name="dateline-web")
    process.start()
    return process


def _worker(host: str, port: int) -> None:
    try:
        sock = _socket(host, port)
        sock.listen(2048)
        config = uvicorn.Config("dateline.web.app:app_from_env", factory=True, log_level="warning")
        uvicorn.Server(config).run(sockets=[sock])
    except DatelineError as err:  # the server reports the exit; this line says why, as the CLI would
        print(f"dateline: web worker: error: {err}", file=sys.stderr)
        sys.exit(1)


def _socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port} ({err.strerror}); pick another --port or stop what uses it") from None
    return sock
