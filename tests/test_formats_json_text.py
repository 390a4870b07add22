"""json_text writes what json.dumps(ensure_ascii=False) writes, from orjson or, where they differ, from json."""

from __future__ import annotations

import json
from typing import Any

import pytest

from argmap.formats.json_text import json_text
from argmap.visible import JSON_SAFE, LINES, visible, visible_json

EVERY_CHARACTER = "".join(chr(n) for n in range(0x110000) if not 0xD800 <= n < 0xE000)

DOCUMENTS: list[Any] = [
    {"nodes": [{"nodeID": "a", "text": EVERY_CHARACTER, "type": "I"}], "edges": [], "empty": {}, "none": None},
    [[], [{}], {"deep": [[[1, 2.5, -0.0, True, False]]]}],
    {"small floats": [1e-5, 1e-7, 5.091353315393651e-06, 0.0001, 0.00012], "large": [1e16, 1e22, 1.5e300]},
    {"a text like a small float": "0.00001 and 1e-5"},
    {"beyond 64 bits": 2**70, "negative": -(2**70)},
    {"lone surrogate": "\ud800"},
    {"nested": json.loads("[" * 300 + "]" * 300)},
    "just a string",
    {"\u2028": "\u2029\x7f\x85\u202e"},
]


@pytest.mark.parametrize("indent", [True, False])
@pytest.mark.parametrize("document", DOCUMENTS, ids=range(len(DOCUMENTS)))
def test_json_text_is_what_json_writes(document: Any, indent: bool) -> None:
    layout: dict[str, Any] = {"indent": 2} if indent else {"separators": (",", ":")}
    assert json_text(document, indent=indent) == json.dumps(document, ensure_ascii=False, **layout) + "\n"


def test_exports_to_stdout_show_every_character_as_the_tables_say() -> None:
    """visible_json and visible(keep_newlines=True) replace only what they find, as a translation would."""
    text = EVERY_CHARACTER + "\n\t a line\n"
    assert visible_json(text) == text.translate(JSON_SAFE)
    assert visible(text, keep_newlines=True) == text.translate(LINES)
    assert visible("a\u202eb\x1b[2Jc\nd\x7f", keep_newlines=True) == "a\\u202eb\u241b[2Jc\nd\u2421"
