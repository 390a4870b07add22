"""JSON text of an export, written by orjson with the very bytes the standard library's ``json`` would write.

The exports were first written with ``json.dumps(..., ensure_ascii=False)``, whose
indented form is pure Python: 40 s of a 100,000-claim AIF export.  orjson writes
the same text (same escapes, same layout) about fifty times faster, except for
floats below 1e-4 (``1e-7``, ``0.00001`` where ``json`` writes ``1e-07``,
``1e-05``) and for what it refuses (integers beyond 64 bits, more than 255
levels of nesting).  Output that may hold such a float, and data orjson
refuses, are written by ``json`` as before, so an export's bytes never depend on
which writer ran.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

_SMALL_FLOAT = re.compile(rb"[0-9]e-|0\.0000")
"""How orjson writes a float below 1e-4 (the text of a string may match too: then ``json`` writes it all)."""


def json_text(document: Any, *, indent: bool) -> str:
    """``document`` as ``json.dumps(document, ensure_ascii=False)`` writes it, with a final newline:
    ``indent=True`` two spaces a level, else compact (``separators=(",", ":")``)."""
    try:
        data = orjson.dumps(document, option=orjson.OPT_INDENT_2 if indent else 0)
    except orjson.JSONEncodeError:
        data = None
    if data is None or _SMALL_FLOAT.search(data):
        layout: dict[str, Any] = {"indent": 2} if indent else {"separators": (",", ":")}
        return json.dumps(document, ensure_ascii=False, **layout) + "\n"
    return data.decode("utf-8") + "\n"
