"""Exports: documents and stored events as JSON, JSON Lines, CSV, PLOVER JSON and GeoJSON; metric tables."""
from __future__ import annotations

import csv
import json
import re
from typing import IO, Iterable

from .eventdate import iso_date
from .models import Document

FORMATS = ["jsonl", "csv", "plover", "geojson"]

CSV_COLUMNS = ["id", "date", "date_precision", "date_derived_from", "date_timex", "date_earliest", "date_latest",
               "type", "mode", "factuality", "confidence", "cameo", "quad_class",
               "actor", "actor_country", "actor_sector", "recipient", "recipient_country", "recipient_sector",
               "location", "geonameid", "lat", "lon", "location_country", "sentence", "article_id", "url", "title"]


def document_json(doc: Document) -> dict:
    """The `dateline process` output object (its JSON Schema is schemas/process-output.schema.json)."""
    return doc.to_dict()


def people(group: list[dict]) -> str:
    return "; ".join(f"{a.get('name') or a.get('text')} ({a.get('country') or '?'})" for a in group)


def _first(group: list[dict], key: str) -> str | None:
    return group[0].get(key) if group else None


_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def export_date(ev: dict) -> dict:
    """The event's date, its value an ISO 8601 date or prefix; a TIMEX3 value that events stored before
    this rule still hold ("2020-W01") is written as eventdate.iso_date writes it, and kept as `timex`."""
    date = dict(ev.get("date") or {})
    value = date.get("value")
    if value and not _ISO.fullmatch(value):
        date["timex"] = date.get("timex") or value
        date["value"], date["precision"] = iso_date(value) or (None, "unknown")
    return date


def csv_row(ev: dict) -> dict:
    loc, date, art = ev.get("location") or {}, export_date(ev), ev.get("article") or {}
    return {
        "id": ev["id"], "date": date.get("value"), "date_precision": date.get("precision"), "date_derived_from": date.get("derived_from"),
        "date_timex": date.get("timex"), "date_earliest": date.get("earliest"), "date_latest": date.get("latest"),
        "type": ev["type"], "mode": ev.get("mode"),
        "factuality": ev["factuality"], "confidence": ev["confidence"], "cameo": ev.get("cameo"), "quad_class": ev.get("quad_class"),
        "actor": "; ".join(a.get("name") or a["text"] for a in ev["actors"]), "actor_country": _first(ev["actors"], "country"),
        "actor_sector": _first(ev["actors"], "sector"),
        "recipient": "; ".join(a.get("name") or a["text"] for a in ev["recipients"]), "recipient_country": _first(ev["recipients"], "country"),
        "recipient_sector": _first(ev["recipients"], "sector"),
        "location": loc.get("name"), "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "location_country": loc.get("country"), "sentence": ev["evidence"]["sentence"], "article_id": art.get("id"),
        "url": art.get("url"), "title": art.get("title"),
    }


def plover_record(ev: dict) -> dict:
    """An event in the PLOVER/POLECAT JSON layout."""
    loc, date, art = ev.get("location") or {}, export_date(ev), ev.get("article") or {}
    return {
        "id": ev["id"], "date": date.get("value"), "event_type": ev["type"], "mode": ev.get("mode") or "",
        "context": ev.get("contexts") or [], "factuality": ev["factuality"], "intensity": ev.get("intensity"),
        "actor": _first(ev["actors"], "name") or _first(ev["actors"], "text"), "actor_country": _first(ev["actors"], "country"),
        "actor_sector": _first(ev["actors"], "sector"),
        "recipient": _first(ev["recipients"], "name") or _first(ev["recipients"], "text"),
        "recipient_country": _first(ev["recipients"], "country"), "recipient_sector": _first(ev["recipients"], "sector"),
        "geo": {"placename": loc.get("name"), "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
                "country": loc.get("country")} if loc else None,
        "cameo": ev.get("cameo"), "quad_class": ev.get("quad_class"), "event_text": ev["evidence"]["sentence"],
        "story_id": art.get("id"), "url": art.get("url"), "publication_date": art.get("published"),
    }


def write(rows: Iterable[dict], fmt: str, out: IO[str]) -> int:
    """Write events in `fmt` to `out`; returns how many were written."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for ev in rows:
            writer.writerow(csv_row(ev))
            count += 1
    elif fmt == "geojson":
        features = []
        for ev in rows:
            loc = ev.get("location") or {}
            if loc.get("lat") is None:
                continue
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}, "properties": csv_row(ev)})
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
        count = len(features)
    else:
        convert = plover_record if fmt == "plover" else (lambda ev: ev)
        for ev in rows:
            out.write(json.dumps(convert(ev), ensure_ascii=False) + "\n")
            count += 1
    return count


def metrics_table(result: dict) -> str:
    """A readable table of an eval result."""
    split = f", split {result['split']}" if result.get("split", "all") != "all" else ""
    lines = [f"{result['task']} on {result['data']} ({result['records']} records{split})"]
    training = result.get("training_records")
    if result.get("in_sample"):
        lines.append(f"  IN-SAMPLE: {training} of these records were used to train a packaged model; not a result")
    elif training:
        lines.append(f"  left out {training} records a packaged model was trained on (--include-training scores them, in-sample)")
    cv = result.get("cross_validated")
    if cv:
        lines.append(f"  cross-validated figures from eval/BASELINE.json ({cv['split']}, {cv['date']}, {cv['code_version']}): {cv['command']}")
    if result["metrics"] is None:
        if cv:
            result = {**result, "metrics": {k: v for k, v in cv["metrics"].items() if not isinstance(v, dict)}}
        else:
            lines.append("  no record left to score")
            return "\n".join(lines)

    def walk(prefix: str, value) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                walk(f"{prefix}.{key}" if prefix else key, sub)
        elif isinstance(value, list):
            lines.append(f"  {prefix:<40} {json.dumps(value)[:200]}")
        elif isinstance(value, float):
            lines.append(f"  {prefix:<40} {value:.4f}")
        else:
            lines.append(f"  {prefix:<40} {'n/a' if value is None else value}")

    walk("", result["metrics"])
    return "\n".join(lines)
