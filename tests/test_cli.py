"""The `dateline` command, run as a user runs it: a real process, a real store."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ARTICLE_HTML, CORPUS, SAMPLE

DATELINE = [sys.executable, "-m", "dateline"]
COMMANDS = ["process", "ingest", "events", "eval", "bench", "stages", "demo", "gazetteer", "gazetteer build", "gazetteer import"]


def run(*args, cwd=None, check=False, timeout=600):
    env = {**os.environ, "DATELINE_TODAY": "2026-11-28", "DATELINE_ALLOW_PRIVATE_ADDRESSES": "1"}  # the test server is on 127.0.0.1
    result = subprocess.run([*DATELINE, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)
    if check and result.returncode:
        raise AssertionError(result.stderr)
    return result


def counts(db) -> dict:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles", "raw_inputs", "events", "failures")}


@pytest.mark.parametrize("command", [None, *COMMANDS])
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help(command, flag):
    result = run(*(command.split() if command else []), flag)
    assert result.returncode == 0 and "Usage:" in result.stdout


def test_every_command_is_in_the_readme():
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    assert [c for c in COMMANDS if f"dateline {c}" not in readme] == []


def test_stages_reports_the_pipeline():
    result = run("stages")
    assert result.returncode == 0 and "all requirements met" in result.stdout
    bad = subprocess.run([*DATELINE, "stages"], capture_output=True, text=True, env={**os.environ, "DATELINE_PIPELINE": "extract,events"})
    assert bad.returncode == 1 and "unmet: events requires spacy" in bad.stdout


def test_process_prints_the_contract(tmp_path):
    result = run("process", SAMPLE, check=True)
    out = json.loads(result.stdout)
    assert set(out) >= {"article", "actors", "places", "events"}
    article = out["article"]
    assert set(article) >= {"id", "url", "title", "text", "published"}
    assert set(article["published"]) >= {"value", "precision", "source"}
    text = article["text"]
    for group in ("actors", "places"):
        for item in out[group]:
            for m in item["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
    for ev in out["events"]:
        assert set(ev) >= {"type", "mode", "factuality", "confidence", "actors", "recipients", "location", "date", "evidence"}
        assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["sentence"]
    assert not (tmp_path / "dateline.db").exists()


def test_process_output_validates_against_the_published_schema():
    from dateline.schema import process_output_schema

    published = json.loads((Path(__file__).parent.parent / "schemas" / "process-output.schema.json").read_text())
    assert published == process_output_schema(), "schemas/process-output.schema.json is stale: regenerate it from dateline.schema"


def test_process_flags_override(tmp_path):
    page = tmp_path / "page.bin"  # no .html: detection is by content
    page.write_text(ARTICLE_HTML)
    out = json.loads(run("process", page, "--published", "2022-02-02", "--url", "https://example.org/x", check=True).stdout)
    assert out["article"]["published"] == {"value": "2022-02-02", "precision": "day", "source": "caller", "evidence": "2022-02-02"}
    assert out["article"]["url"] == "https://example.org/x" and out["article"]["title"] == "Ministers meet in Geneva"


@pytest.mark.parametrize(
    "content, reason",
    [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"), (b"%PDF-1.4\n...", "PDF"), (None, "no such file")],
)
def test_process_bad_input_is_one_line(tmp_path, content, reason):
    path = tmp_path / "input"
    if content is not None:
        path.write_bytes(content)
    result = run("process", path)
    assert result.returncode == 1
    assert reason in result.stderr and len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.mark.slow
def test_ingest_bad_inputs_continue_and_are_recorded(tmp_path, http_server):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(SAMPLE.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (inputs / "doc.pdf").write_bytes(b"%PDF-1.5\n" + bytes(range(256)) * 4)
    (inputs / "latin1.txt").write_bytes(("Caf\xe9 owners in Z\xfcrich protested against new taxes on Monday, police said. " * 3).encode("latin-1"))
    (inputs / "huge.html").write_bytes(b"<html><body><p>" + b"word " * 4_000_000 + b"</p></body></html>")
    (inputs / "nav.html").write_bytes(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    db = tmp_path / "t.db"
    urls = [f"{http_server}/article.html", f"{http_server}/missing", f"{http_server}/broken", "http://127.0.0.1:9/unreachable"]
    result = run("ingest", inputs, tmp_path / "nope.txt", *urls, "--db", db, "--json")
    assert result.returncode == 1, result.stderr
    summary = json.loads(result.stdout)
    reasons = {f["origin"].rsplit("/", 1)[-1]: f["reason"] for f in summary["failures"]}
    assert summary["stored"] == 3 and summary["failed"] == 9, summary
    for origin, needle in [("empty.txt", "empty"), ("image.png", "PNG"), ("doc.pdf", "PDF"), ("huge.html", "limit"),
                           ("nav.html", "no article"), ("nope.txt", "no such file"), ("missing", "404"), ("broken", "500"),
                           ("unreachable", "cannot connect")]:
        assert needle in reasons[origin], (origin, reasons)
    assert all("\n" not in r for r in reasons.values())
    warnings = {w["origin"].rsplit("/", 1)[-1]: w["warning"] for w in summary["warnings"]}
    assert "not valid UTF-8" in warnings["latin1.txt"]
    assert counts(db)["failures"] == 9 and counts(db)["articles"] == 3


@pytest.mark.slow
def test_ingest_twice_stores_once_and_events_export(tmp_path):
    db = tmp_path / "t.db"
    data = tmp_path / "few.jsonl"
    data.write_text("".join((CORPUS / "demo.jsonl").read_text().splitlines(keepends=True)[:6]))
    # Every candidate is stored (--min-confidence 0) so that the type filter below has events of several types.
    first = json.loads(run("--min-confidence", "0", "ingest", data, SAMPLE, "--db", db, "--json", check=True).stdout)
    before = counts(db)
    second = json.loads(run("--min-confidence", "0", "ingest", data, SAMPLE, "--db", db, "--json", check=True).stdout)
    assert first["stored"] == 7 and second["stored"] == 0 and second["duplicates"] == 7
    assert counts(db) == before and before["events"] > 0
    jsonl = [json.loads(line) for line in run("events", "--db", db, check=True).stdout.splitlines()]
    assert len(jsonl) == before["events"]
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db, "--format", "csv", check=True).stdout)))
    assert len(rows) == before["events"] and {r["id"] for r in rows} == {e["id"] for e in jsonl}
    consult = [json.loads(line) for line in run("events", "--db", db, "--type", "CONSULT", "--format", "plover", check=True).stdout.splitlines()]
    assert consult and all(e["event"] == ["CONSULT"] for e in consult)
    assert run("events", "--db", db, "--q", '"unbalanced', check=True).stdout == run("events", "--db", db, "--q", "unbalanced", check=True).stdout
    bad = run("events", "--db", db, "--q", '"unbalanced', "--fts")
    assert bad.returncode == 1 and "is not valid SQLite FTS5 syntax" in bad.stderr


@pytest.mark.slow
def test_sigkill_halfway_then_rerun_stores_each_article_once(tmp_path):
    db = tmp_path / "kill.db"
    data = tmp_path / "many.jsonl"
    records = (CORPUS / "articles.jsonl").read_text().splitlines(keepends=True)[:40]
    data.write_text("".join(records))
    env = {**os.environ, "DATELINE_BATCH_SIZE": "2"}
    proc = subprocess.Popen([*DATELINE, "ingest", str(data), "--db", str(db)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if not db.exists():  # connecting first would create an empty file, which is no store
            continue
        try:
            stored = counts(db)["articles"]
        except sqlite3.Error:
            continue
        if stored >= 6:
            break
    assert proc.poll() is None, "ingest finished before it could be killed; use more records"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = counts(db)["articles"]
    assert 0 < partial < len(records)
    result = run("ingest", data, "--db", db, "--json", check=True)
    assert json.loads(result.stdout)["duplicates"] >= partial
    after = counts(db)
    assert after["articles"] == after["raw_inputs"] == len(records)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from events where article_id not in (select id from articles)").fetchone()[0] == 0
        per_article = dict(conn.execute("select article_id, count(*) from events group by article_id").fetchall())
    fresh = tmp_path / "fresh.db"
    run("ingest", data, "--db", fresh, check=True)
    with sqlite3.connect(fresh) as conn:
        assert dict(conn.execute("select article_id, count(*) from events group by article_id").fetchall()) == per_article


@pytest.mark.slow
def test_bench_json_keys():
    out = json.loads(run("bench", "--limit", "5", "--json", check=True).stdout)
    assert set(out) >= {"articles", "articles_per_s", "tokens_per_s", "peak_rss_mb", "spacy_ratio", "stages"}
    assert out["articles"] == 5 and out["articles_per_s"] > 0 and out["spacy_ratio"] > 0
    assert set(out["stages"]) == {"extract", "annotate", "actors", "places", "times", "events"}
    assert abs(sum(out["stages"].values()) - 1) < 0.01
    gaz = out["gazetteer"]
    assert gaz["file_mb"] > 1 and gaz["memory_mb"] >= 0 and gaz["names"] > 0 and gaz["lookup_us"] > 0


def test_gazetteer_import_from_a_dump(tmp_path):
    import zipfile

    fixtures = Path(__file__).parent / "fixtures" / "geonames"
    for name in ("allCountries", "alternateNamesV2"):
        with zipfile.ZipFile(tmp_path / f"{name}.zip", "w") as zf:
            zf.write(fixtures / f"{name}.txt", f"{name}.txt")
    out = tmp_path / "full.sqlite"
    result = run("gazetteer", "import", tmp_path / "allCountries.zip", tmp_path / "alternateNamesV2.zip", "--out", out, check=True)
    assert out.exists() and str(out) in result.stdout
    missing = run("gazetteer", "import", tmp_path / "nope.zip", "--out", tmp_path / "x.sqlite")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr and len(missing.stderr.strip().splitlines()) == 1


def test_process_reads_stdin():
    env = {**os.environ, "DATELINE_TODAY": "2026-11-28"}
    result = subprocess.run([*DATELINE, "process", "-", "--published", "2023-09-15"], input=SAMPLE.read_bytes(), capture_output=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["article"]["origin"] == "<stdin>" and out["article"]["published"]["value"] == "2023-09-15"


def test_config_file_and_flags(tmp_path):
    (tmp_path / "dateline.toml").write_text('db = "from-config.db"\n')
    data = tmp_path / "one.jsonl"
    data.write_text(json.dumps({"text": SAMPLE.read_text(encoding="utf-8"), "title": "T"}) + "\n")
    run("ingest", data, cwd=tmp_path, check=True)
    assert (tmp_path / "from-config.db").exists()
    run("ingest", data, "--db", "flag.db", cwd=tmp_path, check=True)
    assert (tmp_path / "flag.db").exists()
    bad = run("--config", tmp_path / "missing.toml", "stages")
    assert bad.returncode == 1 and "does not exist" in bad.stderr


def test_an_error_carries_one_code(tmp_path):
    path = tmp_path / "x.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run("process", path)
    assert result.stderr.count("[E") == 1 and "[E102]" in result.stderr


def test_min_confidence_shows_more_or_fewer_events():
    def coded(*flags):
        return json.loads(run(*flags, "process", SAMPLE, check=True).stdout)["events"]

    every, default = coded("--min-confidence", "0"), coded()
    assert len(every) > len(default)
    floor = json.loads((Path(__file__).parent.parent / "src" / "dateline" / "data" / "model-confidence.json").read_text())["threshold"]
    assert all(e["confidence"] >= floor for e in default)
    assert {e["id"] for e in default} <= {e["id"] for e in every}
    assert run("--min-confidence", "2", "process", SAMPLE).returncode != 0


def test_eval_help_points_to_files_that_ship():
    root = Path(__file__).parent.parent
    help_text = run("eval", "--help", check=True).stdout
    for path in ("eval/FORMATS.md", "docs/evaluation.md", "eval/examples/geo.jsonl"):
        assert path in help_text and (root / path).exists()


def test_eval_on_an_example_file_prints_figures_and_json():
    root = Path(__file__).parent.parent
    table = run("eval", "time", "--data", root / "eval/examples/time.jsonl", check=True).stdout
    assert "time on" in table and "value_f1" in table and "left out" not in table
    result = json.loads(run("eval", "time", "--data", root / "eval/examples/time.jsonl", "--json", check=True).stdout)
    assert (result["records"], result["training_records"], result["in_sample"]) == (2, 0, False)
    assert set(result["metrics"]) == {"strict_f1", "relaxed_f1", "type_accuracy", "value_f1"}
