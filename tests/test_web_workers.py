"""`dateline serve --workers N` on Linux: a worker that exits is started again after growing pauses, and workers that
keep failing to start stop the server with one clear line instead of a loop of new processes."""
from __future__ import annotations

import logging
import multiprocessing
import os
import re
import signal
import sys
import time

import pytest

from dateline.cli import main
from dateline.errors import DatelineError
from dateline.store import Store
from dateline.web import workers
from dateline.web.app import SETTINGS_ENV

from .worker_targets import exit_3, stay_up

pytestmark = pytest.mark.skipif(not workers.AVAILABLE, reason="needs SO_REUSEPORT")

MOST_STARTS = 12  # past this many starts a server restarts without end: the test fails rather than hangs


class Starts(list):
    """Stands in for `workers._start`: the processes started, in order; the first `up` stay up, the others exit 3."""

    def __init__(self, up: int = 0):
        super().__init__()
        self.up = up
        self.times = []

    def __call__(self, context, host, port):
        assert len(self) < MOST_STARTS, "workers restarted without end"
        process = context.Process(target=stay_up if len(self) < self.up else exit_3, args=(host, port))
        process.start()
        self.append(process)
        self.times.append(time.monotonic())
        return process


@pytest.mark.parametrize("count", [1, 3])
def test_workers_that_all_fail_to_start_stop_the_server_with_one_clear_line(monkeypatch, count):
    monkeypatch.setattr(workers, "RESTART_DELAY", 30.0)  # no slot starts a second worker before the last first one fails
    starts = Starts()
    monkeypatch.setattr(workers, "_start", starts)
    with pytest.raises(DatelineError) as error:
        workers.serve("127.0.0.1", 0, count)
    message = str(error.value)
    assert message.startswith("[E000] every web worker failed to start, the last with exit code 3; every worker is stopped.")
    assert "`dateline serve --workers 1`" in message and "\n" not in message
    assert len(starts) == count and [p.exitcode for p in starts] == [3] * count


def test_a_worker_that_keeps_failing_to_start_is_restarted_after_growing_pauses_then_given_up(monkeypatch, caplog):
    monkeypatch.setattr(workers, "RESTART_DELAY", 0.05)
    monkeypatch.setattr(workers, "MAX_RESTART_DELAY", 0.2)
    starts = Starts(up=1)  # worker 1 stays up; worker 2 exits at once, every time
    monkeypatch.setattr(workers, "_start", starts)
    with pytest.raises(DatelineError) as error:
        workers.serve("127.0.0.1", 0, 2)
    message = "[E000] web worker 2 of 2 failed to start 5 times in a row, the last time with exit code 3; "
    assert str(error.value).startswith(message)
    restarts = [r.getMessage() for r in caplog.records if r.name == "dateline.web"]
    assert all(m.startswith("web worker 2 ended with exit code 3 after ") for m in restarts), restarts
    pauses = [float(re.search(r"starting another in ([\d.]+) s$", m)[1]) for m in restarts]
    assert pauses == [0.05, 0.1, 0.2, 0.2]  # doubled up to the cap
    gaps = [later - earlier for earlier, later in zip(starts.times[1:], starts.times[2:])]  # between worker 2's starts
    assert all(gap >= pause for gap, pause in zip(gaps, pauses, strict=True))  # each pause is waited out
    assert len(starts) == 1 + workers.GIVE_UP_AFTER
    assert starts[0].exitcode == -signal.SIGTERM  # the worker that stayed up is stopped too


def test_pauses_double_up_to_the_cap_and_start_again_once_a_worker_stayed_up():
    pauses, pause = [], 0.0
    for ran in [1, 1, 1, 1, 1, 1, 1, 1, 61, 1, 1]:
        pause = workers._pause(pause, ran)
        pauses.append(pause)
    assert pauses == [0.5, 1, 2, 4, 8, 16, 30, 30, 0, 0.5, 1]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_during_a_pause_stops_every_worker(monkeypatch, sig):
    monkeypatch.setattr(workers, "RESTART_DELAY", 30.0)
    starts = Starts(up=1)
    monkeypatch.setattr(workers, "_start", starts)
    sent = []

    class SignalAsThePauseBegins(logging.Handler):
        def emit(self, record):
            sent.append(time.monotonic())
            os.kill(os.getpid(), sig)

    handler, before = SignalAsThePauseBegins(), signal.getsignal(sig)
    logging.getLogger("dateline.web").addHandler(handler)
    try:
        workers.serve("127.0.0.1", 0, 2)
    finally:
        logging.getLogger("dateline.web").removeHandler(handler)
    assert len(sent) == 1 and time.monotonic() - sent[0] < workers.RESTART_DELAY  # the pause was not waited out
    assert len(starts) == 2 and starts[0].exitcode == -signal.SIGTERM and starts[1].exitcode == 3
    assert signal.getsignal(sig) is before  # the caller's handler is back


def test_serve_says_in_one_line_why_it_stopped(monkeypatch, capsys, tmp_path, fresh_db):
    Store(fresh_db)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(SETTINGS_ENV, "")  # `serve` sets it for its workers; the test puts it back
    monkeypatch.setattr(sys, "argv", ["dateline", "serve", "--db", str(fresh_db), "--port", "0", "--workers", "2"])
    monkeypatch.setattr(workers, "RESTART_DELAY", 30.0)
    monkeypatch.setattr(workers, "_start", Starts())
    with pytest.raises(SystemExit) as exit:
        main()
    err = capsys.readouterr().err
    assert exit.value.code == 1 and "Traceback" not in err
    assert err.splitlines()[-1].startswith("dateline: error: [E000] every web worker failed to start, the last with exit code 3;")


def test_a_worker_that_cannot_start_says_why_in_one_line(monkeypatch, capfd, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "missing.db"))
    monkeypatch.delenv(SETTINGS_ENV, raising=False)
    process = multiprocessing.get_context("spawn").Process(target=workers._worker, args=("127.0.0.1", 0))
    process.start()
    process.join(60)
    assert process.exitcode == 1
    assert capfd.readouterr().err.splitlines() == [
        f"dateline: web worker: error: [E400] no store at {tmp_path / 'missing.db'}; check the --db path (or the `db` setting), "
        f"or create one with `dateline ingest … --db {tmp_path / 'missing.db'}`"]


def test_workers_build_their_app_from_the_settings_the_server_hands_down(monkeypatch, tmp_path, fresh_db):
    # The server was started with its own settings (--config, --db, --min-confidence): a worker keeps them, whatever
    # ./dateline.toml of the directory it runs in says.
    from dateline.settings import load_settings
    from dateline.web.app import app_from_env

    Store(fresh_db)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dateline.toml").write_text('db = "elsewhere.db"\n', encoding="utf-8")
    handed = load_settings(env={}, db=str(fresh_db), api_token="s3cret")
    monkeypatch.setenv(SETTINGS_ENV, handed.model_dump_json())
    app = app_from_env()
    assert app.state.settings == handed
    monkeypatch.setenv(SETTINGS_ENV, '{"db": 3, "nope": true}')
    with pytest.raises(DatelineError, match=f"{SETTINGS_ENV} holds no valid settings"):
        app_from_env()
