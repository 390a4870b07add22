"""JSON text of an export, written by orjson with the very bytes the standard library's ``json`` would write.

The exports were first written with ``json.dumps(..., ensure_ascii=False)``, whose
indented form is pure Python: 40 s of a 100,000-claim AIF export.  orjson writes
the same text (same escapes, same layout) about fifty times faster, except for
floats below 1e-4 (``1e-7``, ``0.00001`` where ``json`` writes ``1e-07``,
``1e-05``) and for what it refuses (integers beyond 64 bits, more than 255
levels of nesting, lone surrogates).  A document holding such a float, or data
orjson refuses, is written by ``json`` as before, so an export's bytes never
depend on which writer ran.

The floats are looked for in the map the document was made from, not in the
document or its text (a scan of 140 MB of JSON for a float's shape took 5 s):
the only floats of a map are the fields :data:`FLOAT_FIELDS` names
(``tests/test_formats_json_text.py`` checks that the models have no others).
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from argmap.model import ArgMap

FLOAT_FIELDS = {"claims": "base_score", "relations": "weight"}
"""The float fields of a map's records, by table: the only floats an export of a map holds."""

ORJSON_FLOATS = (1e-4, 1e16)
"""Floats in this range (and zero) orjson writes as ``json`` does (``repr``)."""


def json_text(document: Any, *, indent: bool, source: ArgMap) -> str:
    """``document`` as ``json.dumps(document, ensure_ascii=False)`` writes it, with a final newline:
    ``indent=True`` two spaces a level, else compact (``separators=(",", ":")``).

    ``source`` is the map the document holds the data of: its floats decide whether orjson may write it.
    """
    if _floats_alike(source):
        try:
            option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if indent else 0)
            return orjson.dumps(document, option=option).decode("utf-8")  # no copy to add the newline: 140 MB at 100k
        except orjson.JSONEncodeError:
            pass
    layout: dict[str, Any] = {"indent": 2} if indent else {"separators": (",", ":")}
    return json.dumps(document, ensure_ascii=False, **layout) + "\n"


def _floats_alike(argmap: ArgMap) -> bool:
    """Whether orjson writes every float of the map as ``json`` does."""
    low, high = ORJSON_FLOATS
    for table, name in FLOAT_FIELDS.items():
        for record in getattr(argmap, table).values():
            value = getattr(record, name)
            if value is not None and value != 0 and not low <= abs(value) < high:
                return False
    return True
