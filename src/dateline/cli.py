"""The `dateline` command: a thin shell over the library; each flag maps onto a library argument."""
from __future__ import annotations

import json
import os
import sys
from importlib import resources

import click

from . import exports, progress
from .errors import DatelineError, one_line

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _settings(ctx: click.Context, **overrides):
    from .settings import load_settings, with_stage_option

    settings = load_settings(ctx.obj.get("config"), **overrides)
    floor = ctx.obj.get("min_confidence")
    return settings if floor is None else with_stage_option(settings, "events", "min_confidence", floor)


WORKERS_HELP = ("Worker processes that code the inputs (default: the `workers` setting, else the number of cores); "
                "0 codes in this process, without the hard stop of a runaway document.")


def _workers(settings) -> int:
    from .workers import default_workers

    return default_workers() if settings.workers is None else settings.workers


def _pipeline(settings):
    from .pipeline import Pipeline

    return Pipeline(settings)


@click.group(context_settings=CONTEXT)
@click.option("--config", type=click.Path(dir_okay=False), help="TOML settings file (default: ./dateline.toml if present).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0),
              help="Keep events whose confidence (the probability that they are fully correct) is at least this; "
                   "default: the threshold the confidence model was tuned for. 0 shows every event the rules code.")
@click.version_option(package_name="dateline")
@click.pass_context
def cli(ctx: click.Context, config: str | None, min_confidence: float | None) -> None:
    """Dateline turns news into event data: who did what to whom, where and when."""
    ctx.ensure_object(dict).update(config=config, min_confidence=min_confidence)


@cli.command(context_settings=CONTEXT)
@click.argument("input")
@click.option("--url", help="The article's URL (used for its date and site).")
@click.option("--published", help="Publication date YYYY-MM-DD (overrides what the page says).")
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True, help="Output format.")
@click.option("--indent", type=int, default=2, show_default=True, help="JSON indentation (0 for one line).")
@click.pass_context
def process(ctx, input, url, published, fmt, indent):
    """Code one INPUT (file, URL or - for stdin) and print it as JSON; stores nothing."""
    from .sources import Failure, iter_inputs

    settings = _settings(ctx)
    items = list(iter_inputs([input], settings))
    if not items:
        raise DatelineError(f"{input}: no input found; check the path")
    item = items[0]
    if isinstance(item, Failure):
        raise DatelineError(item.reason)
    if len(items) > 1:
        raise DatelineError(f"{input}: holds {len(items)} inputs; `process` codes one, use `dateline ingest` for many")
    item.url = url or item.url
    item.published = published or item.published
    doc = _pipeline(settings)(item.document())
    click.echo(json.dumps(exports.document_json(doc), ensure_ascii=False, indent=indent or None))


@cli.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help="Store path (default: the `db` setting, ./dateline.db).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--workers", type=click.IntRange(0), help=WORKERS_HELP)
@click.pass_context
def ingest(ctx, inputs, db, as_json, workers):
    """Code many INPUTS (files, directories, globs, URLs, JSON Lines, WARC, -) into the store."""
    from .ingest import count_inputs
    from .ingest import ingest as run_ingest
    from .store import Store

    settings = _settings(ctx, db=db, workers=workers)
    store = Store(settings.db)
    pipeline = _pipeline(settings)
    with progress.bar("ingest", total=count_inputs(inputs, settings)) as bar:
        report = run_ingest(inputs, pipeline, store, on_item=lambda origin, outcome: bar.advance(note=exports.clean_text(f"{outcome}: {origin[-50:]}")),
                            workers=_workers(settings))
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(f"processed {report.processed}, stored {report.stored}, duplicates skipped {report.duplicates}, "
                   f"failed {report.failed}, events {report.events} → {settings.db}")
        for origin, reason in report.failures:
            origin = one_line(origin)
            click.echo(f"  failed: {reason}" if origin in reason else f"  failed: {origin}: {reason}")
        for origin, warning in report.warnings:
            click.echo(f"  warning: {one_line(origin)}: {one_line(warning)}")
    sys.exit(1 if report.failed else 0)


@cli.command(context_settings=CONTEXT)
@click.option("--db", help="Store path or database URL (default: the `db` setting, ./dateline.db); it must exist.")
@click.option("--type", "type_", help="PLOVER event type(s), comma-separated, e.g. CONSULT or CONSULT,AID.")
@click.option("--mode", help="PLOVER mode(s), e.g. visit.")
@click.option("--factuality", help="asserted, reported, speculated, planned, hypothetical, negated or historical (comma-separated for several).")
@click.option("--country", help="Country of an actor, a recipient or the location: ISO alpha-2 (RU), alpha-3 (RUS) or name (Russia).")
@click.option("--actor-country", help="Country of an actor (code or name).")
@click.option("--recipient-country", help="Country of a recipient (code or name).")
@click.option("--sector", help="PLOVER sector(s) of an actor or recipient, e.g. GOV,MIL.")
@click.option("--since", help="Events on or after this ISO 8601 date or prefix (2020-07-01, 2020-07, 2020).")
@click.option("--until", help="Events on or before this ISO 8601 date or prefix.")
@click.option("--bbox", help="Events located inside min_lon,min_lat,max_lon,max_lat.")
@click.option("--min-confidence", type=float, help="Events whose confidence is at least this (0 to 1).")
@click.option("--q", help='Words and "quoted phrases" that must all occur in the article; punctuation is text.')
@click.option("--fts", is_flag=True, help="Read --q as raw full-text syntax (SQLite FTS5 MATCH, PostgreSQL to_tsquery).")
@click.option("--limit", type=int, help="At most this many events (1 or more; default: all); prints the --cursor of the next page.")
@click.option("--offset", type=int, help="Skip this many events.")
@click.option("--cursor", help="Continue after the page that printed this cursor.")
@click.option("--format", "fmt", type=click.Choice(exports.FORMATS), default="jsonl", show_default=True,
              help="Export format (docs/formats.md): " + "; ".join(f"{f.name}: {f.help}" for f in exports.REGISTRY.values()) + ".")
@click.pass_context
def events(ctx, db, fmt, type_, **filters):
    """Query stored events (newest first) and export them."""
    from .query import EventQuery
    from .store import Store

    settings = _settings(ctx, db=db)
    if filters["min_confidence"] is None:
        filters["min_confidence"] = ctx.obj.get("min_confidence")
    query = EventQuery.parse(type=type_, **filters)
    store = Store(settings.db, create=False)

    def notice(message: str) -> None:  # what an export leaves out, said on stderr
        click.echo(message, err=True)

    if query.limit is None:
        exports.write(store.iter_events(query), fmt, sys.stdout, notice=notice)
        return
    page = store.find_events(query)
    exports.write(page.events, fmt, sys.stdout, notice=notice)
    if page.next_cursor:
        click.echo(f"more events: continue with --cursor {page.next_cursor}", err=True)


@cli.command(context_settings=CONTEXT)
@click.option("--db", help="Store path (default: ./dateline.db).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Server processes.")
@click.pass_context
def serve(ctx, db, host, port, workers):
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard over a store."""
    import uvicorn

    from .web import create_app

    from .store import Store

    settings = _settings(ctx, db=db)
    store = Store(settings.db, create=False)
    click.echo(f"serving {settings.db} on http://{host}:{port}/ (writes {'enabled' if settings.api_token else 'disabled: no api_token'})", err=True)
    if workers == 1:
        uvicorn.run(create_app(settings, store=store), host=host, port=port, log_level="warning")
        return
    # Each worker builds its app from the environment: the parent's settings whole (its --config, --db and
    # --min-confidence too), not only what a worker would read from ./dateline.toml and DATELINE_* variables.
    from .web.app import SETTINGS_ENV

    os.environ[SETTINGS_ENV] = settings.model_dump_json()
    from .web import workers as processes

    if processes.AVAILABLE:  # a listening socket per worker: connections spread among them
        processes.serve(host, port, workers)
    else:
        # A worker loading a million events' columns may hold the GIL for seconds at a time: not a hung worker.
        uvicorn.run("dateline.web.app:app_from_env", factory=True, host=host, port=port, workers=workers, log_level="warning",
                    timeout_worker_healthcheck=60)


@cli.command("eval", context_settings=CONTEXT)
@click.argument("task", type=click.Choice(["extract", "geo", "time", "classify", "events", "eventloc"]))
@click.option("--data", required=True, type=click.Path(), help="Evaluation file (JSON Lines, optionally .gz).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--scheme", help="Label scheme for classify (plover, cameo-quad, acled, police); default: the records'.")
@click.option("--limit", type=int, help="Score only the first N records.")
@click.option("--split", type=click.Choice(["all", "tune", "held"]), default="all", show_default=True,
              help="Score only this split of the records: 'held' when the MD5 of a record's id is odd, else 'tune'.")
@click.option("--include-training", is_flag=True,
              help="Also score the records a packaged model was trained on (left out by default); the result is marked in-sample.")
@click.pass_context
def eval_(ctx, task, data, as_json, scheme, limit, split, include_training):
    """Score the pipeline on an evaluation file (--data) of TASK's format.

    The formats are described in eval/FORMATS.md and docs/evaluation.md; eval/examples/ holds a tiny file
    per task (e.g. `dateline eval geo --data eval/examples/geo.jsonl`).
    """
    from .evaluate import run

    with progress.bar(f"eval {task}", channel="documents"):
        result = run(task, data, _settings(ctx), scheme=scheme, limit=limit, split=split, include_training=include_training)
    click.echo(json.dumps(result, indent=2) if as_json else exports.metrics_table(result))


@cli.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1)
@click.option("--limit", type=int, help="Use only the first N inputs.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--workers", type=click.IntRange(0), help=WORKERS_HELP + " Above 1, one worker is measured too, for the speed-up.")
@click.pass_context
def bench(ctx, inputs, limit, as_json, workers):
    """Measure throughput, memory and per-stage time (default input: the bundled 351-article corpus)."""
    from .bench import bench as run_bench

    settings = _settings(ctx, workers=workers)
    with progress.bar("bench", channel="documents"):
        result = run_bench(list(inputs) or None, _pipeline(settings), limit=limit, workers=_workers(settings))
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"articles {result['articles']} ({result['failed']} failed) in {result['seconds']} s: "
               f"{result['articles_per_s']} articles/s, {result['tokens_per_s']} tokens/s, peak RSS {result['peak_rss_mb']} MB")
    if result.get("workers"):
        click.echo(f"{result['workers']} worker(s): {result['articles_per_s']} articles/s; one worker, same inputs: "
                   f"{result['one_worker_articles_per_s']} articles/s; speed-up {result['speedup']}; "
                   f"peak RSS per worker {', '.join(map(str, result['worker_peak_rss_mb']))} MB; "
                   f"the machine's own speed-up for {result['workers']} processes of plain arithmetic now: {result['machine_speedup']}")
    click.echo(f"spaCy nlp.pipe alone: {result['spacy_seconds']} s; pipeline (one process) / spaCy = {result['spacy_ratio']}")
    for name, share in result["stages"].items():
        click.echo(f"  {name:<10} {share:7.1%}")
    gaz = result.get("gazetteer")
    if gaz:
        click.echo(f"gazetteer index: {gaz['file_mb']} MB on disk, {gaz['memory_mb']} MB of memory; "
                   f"{gaz['names']} place names looked up in {gaz['lookup_us']} us each ({gaz['cached_lookup_us']} us cached)")


@cli.command(context_settings=CONTEXT)
@click.pass_context
def stages(ctx):
    """Show the assembled pipeline: each stage with what it requires and assigns."""
    from . import registry
    from .pipeline import unmet_requirements

    settings = _settings(ctx)
    classes = [registry.get(name) for name in settings.pipeline]
    unmet = unmet_requirements(classes)
    for i, cls in enumerate(classes, 1):
        click.echo(f"{i}. {cls.name:<9} requires {', '.join(cls.requires) or '-':<30} assigns {', '.join(cls.assigns)}")
        for key, (default, help_text) in getattr(cls, "option_defaults", {}).items():
            click.echo(f"     stage_options.{cls.name}.{key} = {default!r}: {help_text}")
    if unmet:
        for stage, req in unmet:
            click.echo(f"unmet: {stage} requires {req}, which no earlier stage assigns")
        sys.exit(1)
    click.echo("all requirements met")


@cli.command(context_settings=CONTEXT)
@click.option("--db", default="dateline.db", show_default=True, help="Store to ingest the demo corpus into.")
@click.option("--limit", type=int, default=40, show_default=True, help="Rows of the events table to print.")
@click.pass_context
def demo(ctx, db, limit):
    """Ingest the bundled sample corpus into ./dateline.db and print the events found."""
    from rich.console import Console
    from rich.text import Text

    from .ingest import count_inputs
    from .ingest import ingest as run_ingest
    from .store import Store

    settings = _settings(ctx, db=db)
    corpus = resources.files("dateline.data").joinpath("corpus")
    inputs = [str(corpus.joinpath("kim-komsomolsk-scraped.txt")), str(corpus.joinpath("demo.jsonl"))]
    store = Store(settings.db)
    with progress.bar("demo", total=count_inputs(inputs, settings)) as bar:
        report = run_ingest(inputs, _pipeline(settings), store, on_item=lambda origin, outcome: bar.advance(note=exports.clean_text(f"{outcome}: {origin[-40:]}")))
    console = Console()
    held = store.counts()
    console.print(Text(f"processed {report.processed} inputs: stored {report.stored} articles with {report.events} events, "
                       f"{report.duplicates} duplicates skipped, {report.failed} failed → {settings.db}"))
    if held["articles"] != report.stored:
        console.print(Text(f"{settings.db} now holds {held['articles']} articles and {held['events']} events"))
    console.print(exports.events_table(list(store.query_events()), console.width, limit, f"dateline events --db {settings.db}"))


@cli.group(context_settings=CONTEXT)
def gazetteer():
    """Build or replace the offline GeoNames index the places stage uses."""


@gazetteer.command("build", context_settings=CONTEXT)
@click.option("--path", type=click.Path(dir_okay=False), help="Where to write the index (default: the user cache).")
def gazetteer_build(path):
    """Build the index from the GeoNames data that the installed packages ship."""
    from .gazetteer import build_index

    with progress.bar("gazetteer build", channel="gazetteer"):
        written = build_index(path)
    click.echo(f"gazetteer index written to {written}")


@gazetteer.command("import", context_settings=CONTEXT)
@click.argument("all_countries", type=click.Path(dir_okay=False))
@click.argument("alternate_names", required=False, type=click.Path(dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), help="Where to write the index (default: the user cache).")
def gazetteer_import(all_countries, alternate_names, out):
    """Build the index from a full GeoNames dump (allCountries.zip [alternateNamesV2.zip])."""
    from .gazetteer import import_geonames

    path = import_geonames(all_countries, alternate_names, out)
    click.echo(f"gazetteer index written to {path}; set `gazetteer = \"{path}\"` in dateline.toml (or DATELINE_GAZETTEER) to use it")


def main() -> None:
    """Console entry point: one clear line, never a traceback, for any Dateline error."""
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("dateline: aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except DatelineError as err:
        click.echo(f"dateline: error: {err}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("dateline: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as err:  # a bug: still one line, with the way to the full traceback
        if os.environ.get("DATELINE_DEBUG"):
            raise
        click.echo(f"dateline: internal error: {type(err).__name__}: {err} (rerun with DATELINE_DEBUG=1 for the traceback and report it)", err=True)
        sys.exit(70)
