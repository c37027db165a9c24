"""Feedback on long work: progress bars with totals on a terminal (a real pseudo-terminal), a notice before the
first gazetteer build, and a demo that says what it stored and fits the terminal."""
from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import sqlite3
import struct
import subprocess
import sys
import termios
import threading

import pytest
from rich.cells import cell_len

from .conftest import CORPUS

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|[\r\x1b]")


def on_terminal(*args, cwd=None, env=None, timeout=900) -> tuple[int, str, str]:
    """Run `dateline ARGS` with stderr on a pseudo-terminal 120 columns wide; returns (status, stdout, what the terminal showed)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    shown: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    full_env = {**os.environ, "TERM": "xterm-256color", **(env or {})}
    full_env.pop("COLUMNS", None)
    proc = subprocess.run([sys.executable, "-m", "dateline", *map(str, args)], stdout=subprocess.PIPE, stderr=slave,
                          stdin=subprocess.DEVNULL, cwd=cwd, env=full_env, timeout=timeout)
    os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    return proc.returncode, proc.stdout.decode(), ANSI.sub("\n", b"".join(shown).decode("utf-8", "replace"))


def few_records(tmp_path, n: int):
    path = tmp_path / "few.jsonl"
    path.write_text("".join((CORPUS / "demo.jsonl").read_text().splitlines(keepends=True)[:n]))
    return path


@pytest.mark.slow
def test_ingest_bar_has_a_total(tmp_path):
    status, _, shown = on_terminal("ingest", few_records(tmp_path, 3), "--db", tmp_path / "t.db")
    assert status == 0
    assert "ingest" in shown and re.search(r"\b[0-3]/3\b", shown), shown[-2000:]


def test_ingest_total_counts_records_files_and_failures(tmp_path, settings):
    from dateline.ingest import count_inputs

    records = few_records(tmp_path, 4)
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text("text")
    (folder / "b.html").write_text("<html></html>")
    assert count_inputs([str(records), str(folder), str(tmp_path / "missing.txt")], settings) == 4 + 2 + 1
    assert count_inputs([str(records), "https://example.org/feed"], settings) is None
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')
    assert count_inputs([str(feed)], settings) is None  # a feed's entries are known only once it is read


@pytest.mark.slow
def test_eval_bar_has_a_total(tmp_path):
    data = tmp_path / "extract.jsonl"
    page = "<html><body><article><h1>Talks</h1><p>" + "The ministers met in Geneva on Tuesday to discuss sanctions. " * 5 + "</p></article></body></html>"
    data.write_text("".join(json.dumps({"id": f"r{n}", "html": page, "gold": {"text": "The ministers met in Geneva"}}) + "\n" for n in range(4)))
    status, out, shown = on_terminal("eval", "extract", "--data", data)
    assert status == 0 and "extract on" in out
    assert "eval extract" in shown and re.search(r"\b[0-4]/4\b", shown), shown[-2000:]


@pytest.mark.slow
def test_bench_bar_has_a_total():
    status, out, shown = on_terminal("bench", "--limit", "3")
    assert status == 0 and "articles 3" in out
    assert "bench" in shown and re.search(r"\b[0-3]/3\b", shown), shown[-2000:]


@pytest.mark.slow
def test_gazetteer_build_bar_and_first_build_notice(tmp_path):
    status, out, shown = on_terminal("gazetteer", "build", "--path", tmp_path / "g.sqlite")
    assert status == 0 and "gazetteer index written" in out
    assert "gazetteer build" in shown and re.search(r"\b[0-3]/3\b", shown), shown[-2000:]
    story = tmp_path / "story.txt"
    story.write_text("Ministers meet\n\nThe foreign ministers of France and Germany met in Geneva on Tuesday, officials said.\n")
    fresh = tmp_path / "fresh.sqlite"
    done = subprocess.run([sys.executable, "-m", "dateline", "process", story], capture_output=True, text=True,
                          env={**os.environ, "DATELINE_GAZETTEER": str(fresh)})
    assert done.returncode == 0 and fresh.exists()
    notices = [line for line in done.stderr.splitlines() if "gazetteer" in line]
    assert notices == [f"dateline: building the offline gazetteer index at {fresh} (once, about 30 s)"]
    again = subprocess.run([sys.executable, "-m", "dateline", "process", story], capture_output=True, text=True,
                           env={**os.environ, "DATELINE_GAZETTEER": str(fresh)})
    assert again.returncode == 0 and "gazetteer" not in again.stderr  # only before the first build


@pytest.mark.slow
def test_demo_says_what_it_stored_and_fits_the_terminal(tmp_path):
    env = {**os.environ, "COLUMNS": "80"}
    done = subprocess.run([sys.executable, "-m", "dateline", "demo"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "dateline.db") as conn:
        articles, events = (conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles", "events"))
        # The table shows at most three events of each article, forty in all.
        shown = min(40, sum(min(3, n) for (n,) in conn.execute("select count(*) from events group by article_id")))
        kinds = {t for (t,) in conn.execute("select distinct type from events")}
    lines = done.stdout.splitlines()
    said = " ".join(" ".join(lines[:8]).split())  # the summary and the title, as wrapped to 80 columns
    assert said.startswith(f"processed 50 inputs: stored {articles} articles with {events} events, 0 duplicates skipped, 0 failed → dateline.db")
    assert f"{shown} of {events} events, from" in said
    assert max(cell_len(line) for line in lines) <= 80 and "…" not in done.stdout
    header = next(line for line in lines if "who → whom" in line)
    assert kinds and any(t in done.stdout for t in kinds) and "article" not in header and "factuality" not in header  # narrow: fewer columns
    wide = subprocess.run([sys.executable, "-m", "dateline", "demo"], cwd=tmp_path, capture_output=True, text=True, env={**env, "COLUMNS": "160"})
    assert wide.stdout.splitlines()[:2] == [
        "processed 50 inputs: stored 0 articles with 0 events, 50 duplicates skipped, 0 failed → dateline.db",
        f"dateline.db now holds {articles} articles and {events} events"]  # what a second run stored: nothing new
    assert max(cell_len(line) for line in wide.stdout.splitlines()) <= 160 and "…" not in wide.stdout
    assert any("article" in line and "factuality" in line for line in wide.stdout.splitlines())


def test_events_table_never_shows_markup_or_control_characters():
    from rich.console import Console

    from dateline.exports import events_table

    ev = {"id": "e", "type": "PROTEST", "mode": None, "factuality": "asserted", "actors": [{"text": "[bold red]x[/] \x1b[2J", "country": None}],
          "recipients": [], "location": None, "date": None, "article": {"id": "a", "title": "[link=http://evil]click[/link]"}}
    console = Console(width=140, record=True, file=open(os.devnull, "w"))
    console.print(events_table([ev], 140))
    text = console.export_text()
    assert "[bold red]x[/]" in text and "[link=http://evil]click[/link]" in text and "\x1b" not in text
