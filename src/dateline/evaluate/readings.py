"""Readings: events a person judged one by one, kept as labels that carry no text of the articles.

A reading (issue #9's audit) draws dev articles nobody tuned on, codes them (scripts/audit_dump.py) and has
two readers judge every event against its sentence. `eval/readings/labels.jsonl` keeps, for each judged event
of a record in the tune half of its dev file, the article's id and file, a hash of what the reader saw
(`event_key`: the sentence, type, participants, factuality and place) and both readers' verdicts. The dev
files stay out of the repository: whoever has them can code the articles again, and an event the code still
codes exactly as it was read gets the readers' verdicts (scripts/train_confidence.py fits the confidence
model on such events beside the gold's). An event the rules have changed since has no verdict and is left out.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..errors import ConfigError


def _participants(role) -> list[str]:
    return [f"{a.text} [{a.country or ''}/{a.sector or ''}]" for a in role]


def event_record(event, threshold: float) -> dict:
    """An event as a reader sees it in a reading's dump (scripts/audit_dump.py)."""
    e = event
    return {
        "id": e.id, "default": e.confidence >= threshold, "confidence": e.confidence, "type": e.type, "mode": e.mode,
        "actors": _participants(e.actors), "recipients": _participants(e.recipients), "factuality": e.factuality,
        "location": f"{e.location.name} ({e.location.country})" if e.location else None,
        "date": e.date.value if e.date else None, "trigger": e.evidence.trigger.text if e.evidence.trigger else None,
        "sentence": e.evidence.sentence, "mentions": [m.sentence for m in e.mentions],
    }


def event_key(record: dict) -> str:
    """The hash of what a reader judged of an event record: its sentence, type, participants, factuality and place
    (not its confidence, date or mode, which the fully-correct verdict does not weigh)."""
    seen = [" ".join(record["sentence"].split()), record["type"], record["actors"], record["recipients"],
            record["factuality"], record["location"]]
    return hashlib.sha256(json.dumps(seen, ensure_ascii=False).encode("utf-8")).hexdigest()[:24]


def load_labels(path: str | Path) -> list[dict]:
    """The labels of a readings file; a clear error when it is missing or malformed."""
    try:
        with open(path, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
    except FileNotFoundError:
        raise ConfigError(f"readings file {path} not found; give the labels file (eval/readings/labels.jsonl) or 'none'") from None
    except json.JSONDecodeError as err:
        raise ConfigError(f"readings file {path} is not JSON Lines (line {err.lineno}: {err.msg}); rebuild it with scripts/export_readings.py") from None
    for row in rows:
        missing = {"article", "file", "key", "fully_correct"} - set(row)
        if missing:
            raise ConfigError(f"readings file {path}: a label lacks {', '.join(sorted(missing))}; rebuild it with scripts/export_readings.py")
    return rows
