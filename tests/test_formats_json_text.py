"""json_text writes what json.dumps(ensure_ascii=False) writes, from orjson or, where they differ, from json."""

from __future__ import annotations

import json
import typing
from typing import Any

import pytest
from pydantic import BaseModel

from argmap.formats import aif
from argmap.formats.json_text import FLOAT_FIELDS, json_text
from argmap.model import ArgMap, Claim, Relation, RelationType
from argmap.visible import JSON_SAFE, LINES, visible, visible_json

EVERY_CHARACTER = "".join(chr(n) for n in range(0x110000) if not 0xD800 <= n < 0xE000)

DOCUMENTS: list[Any] = [
    {"nodes": [{"nodeID": "a", "text": EVERY_CHARACTER, "type": "I"}], "edges": [], "empty": {}, "none": None},
    [[], [{}], {"deep": [[[1, 2.5, -0.0, True, False, 0.0001, 0.99]]]}],
    {"large": [1e15, 123456789.125, 1.5e-3]},
    {"a text like a small float": "0.00001 and 1e-5"},
    {"beyond 64 bits": 2**70, "negative": -(2**70)},
    {"lone surrogate": "\ud800"},
    {"nested": json.loads("[" * 300 + "]" * 300)},
    "just a string",
    {"\u2028": "\u2029\x7f\x85\u202e"},
]
SMALL_FLOATS = {"small floats": [1e-5, 1e-7, 5.091353315393651e-06, 0.0001, 0.00012], "huge": [1e16, 1e300]}


def _map(base_score: float | None = None, weight: float | None = None) -> ArgMap:
    claims = {"a": Claim(text="A", base_score=base_score), "b": Claim(text="B")}
    relation = Relation(type=RelationType.SUPPORT, premises=("b",), target="a", weight=weight)
    return ArgMap(argmap=1, title="t", claims=claims, relations={"r-b": relation})


def _json(document: Any, indent: bool) -> str:
    layout: dict[str, Any] = {"indent": 2} if indent else {"separators": (",", ":")}
    return json.dumps(document, ensure_ascii=False, **layout) + "\n"


@pytest.mark.parametrize("indent", [True, False])
@pytest.mark.parametrize("document", DOCUMENTS, ids=range(len(DOCUMENTS)))
def test_json_text_is_what_json_writes(document: Any, indent: bool) -> None:
    assert json_text(document, indent=indent, source=_map(0.5, 1.0)) == _json(document, indent)


@pytest.mark.parametrize("indent", [True, False])
@pytest.mark.parametrize(("base_score", "weight"), [(1e-5, None), (None, 2.5e-7)])
def test_a_map_with_a_float_orjson_writes_otherwise_is_written_by_json(
    base_score: float | None, weight: float | None, indent: bool
) -> None:
    assert json_text(SMALL_FLOATS, indent=indent, source=_map(base_score, weight)) == _json(SMALL_FLOATS, indent)


def test_aif_export_writes_a_small_score_as_json_does() -> None:
    text, _ = aif.write(_map(base_score=1e-05, weight=3e-7))
    assert '"base_score": 1e-05' in text and '"weight": 3e-07' in text


def test_the_float_fields_are_every_float_a_map_holds() -> None:
    """json_text looks for floats orjson writes otherwise only in FLOAT_FIELDS: the models have no other."""
    found: set[tuple[str, str]] = set()
    pending: list[type[BaseModel]] = [ArgMap]
    seen: set[type[BaseModel]] = set()
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            kinds = _types(field.annotation)
            if float in kinds:
                found.add((model.__name__, name))
            pending += [kind for kind in kinds if isinstance(kind, type) and issubclass(kind, BaseModel)]
    assert {table: _types(ArgMap.model_fields[table].annotation) & {Claim, Relation} for table in FLOAT_FIELDS} == {
        "claims": {Claim},
        "relations": {Relation},
    }
    assert found == {("Claim", FLOAT_FIELDS["claims"]), ("Relation", FLOAT_FIELDS["relations"])}


def _types(annotation: Any) -> set[Any]:
    """Every type an annotation names, through unions, containers and Annotated."""
    kinds = {annotation}
    for argument in typing.get_args(annotation):
        kinds |= _types(argument)
    origin = typing.get_origin(annotation)
    return kinds | ({origin} if origin is not None else set())


def test_exports_to_stdout_show_every_character_as_the_tables_say() -> None:
    """visible_json and visible(keep_newlines=True) replace only what they find, as a translation would."""
    text = EVERY_CHARACTER + "\n\t a line\n"
    assert visible_json(text) == text.translate(JSON_SAFE)
    assert visible(text, keep_newlines=True) == text.translate(LINES)
    assert visible("a\u202eb\x1b[2Jc\nd\x7f", keep_newlines=True) == "a\\u202eb\u241b[2Jc\nd\u2421"
