"""The JSON Schema in docs/ is generated from the models and must not drift from them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from argmap.schema import schema_text

ROOT = Path(__file__).resolve().parent.parent
DOCS_SCHEMA = ROOT / "docs" / "argmap.schema.json"


def test_docs_schema_matches_the_models() -> None:
    assert DOCS_SCHEMA.read_text() == schema_text(), (
        "docs/argmap.schema.json is out of date: regenerate it with `argmap schema > docs/argmap.schema.json`"
    )


def test_argmap_schema_prints_it() -> None:
    result = subprocess.run([sys.executable, "-m", "argmap", "schema"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["required"] == ["argmap"]
    assert set(schema["$defs"]) >= {"Claim", "Relation", "Source", "Anchor", "Speaker", "ClaimKind"}
