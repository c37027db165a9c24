"""Several server processes on one port, each accepting on a listening socket of its own (SO_REUSEPORT).

uvicorn's own workers share one listening socket, and whichever is idle first accepts every connection waiting: 20
keep-alive clients that connect at once all landed on one of two workers in about half the benchmark's runs, which
then served at half the machine's speed. With a socket each, the kernel spreads connections among the workers by
their addresses. A worker that exits is started again; SIGINT or SIGTERM stops them all.
"""
from __future__ import annotations

import multiprocessing
import signal
import socket
from multiprocessing.connection import wait

import uvicorn

from ..errors import InputError

# Where the platform has no SO_REUSEPORT (Windows), `dateline serve` keeps uvicorn's shared socket.
AVAILABLE = hasattr(socket, "SO_REUSEPORT")


def serve(host: str, port: int, workers: int) -> None:
    """Serve `dateline.web.app:app_from_env` from `workers` processes on host:port until SIGINT or SIGTERM."""
    held = _socket(host, port)  # bound, never listening: it holds the port (and finds it, for port 0) and reports a taken one
    port = held.getsockname()[1]
    context = multiprocessing.get_context("spawn")
    stopping = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.append(True))
    running = [_start(context, host, port) for _ in range(workers)]
    try:
        while not stopping:
            for ended in wait([p.sentinel for p in running], timeout=0.5):
                if not stopping:
                    index = next(i for i, p in enumerate(running) if p.sentinel == ended)
                    running[index] = _start(context, host, port)
    finally:
        for process in running:
            process.terminate()
        for process in running:
            process.join(30)
        held.close()


def _start(context, host: str, port: int):
    process = context.Process(target=_worker, args=(host, port), name="dateline-web")
    process.start()
    return process


def _worker(host: str, port: int) -> None:
    sock = _socket(host, port)
    sock.listen(2048)
    config = uvicorn.Config("dateline.web.app:app_from_env", factory=True, log_level="warning")
    uvicorn.Server(config).run(sockets=[sock])


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
