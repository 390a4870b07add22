"""The JSON Schema of the map format, generated from the models."""

from __future__ import annotations

import json

from argmap.model import ArgMap


def schema_text() -> str:
    """The schema as stable, indented JSON text (it is kept in docs/ and diffed by a test)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **ArgMap.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
