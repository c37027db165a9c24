"""The JSON Schema of `dateline process` output, generated from the data model."""
from __future__ import annotations

from .models import Document

SCHEMA_ID = "https://dateline.invalid/schemas/process-output.schema.json"


def process_output_schema() -> dict:
    schema = Document.model_json_schema(mode="serialization")
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Dateline process output"
    schema["description"] = ("One coded article: `article`, `actors`, `places`, `timexes`, `events`, `warnings`. "
                             "Character offsets (start inclusive, end exclusive) index `article.text`.")
    return schema
