"""Parsing a map file against another version of it that is already parsed: only the bytes that differ.

``argmap diff`` reads two versions of one map, which share almost every byte.
Parsing the second one whole costs as much as the first; here its parsed data
is put together from the first version's records wherever the bytes are the
same, and only the records (or the map's own fields) whose bytes differ are
parsed.

What comes out is then proven, not trusted: writing it back in the canonical
layout must give the second file's bytes exactly.  As ``orjson.loads`` of what
``orjson.dumps`` writes gives back the same value, the data is then what a full
parse would have given, and the file is in the canonical layout (so it has no
key twice).  Anything else (a file laid out by hand, bad JSON, an older
format) gives None, and the caller parses the file whole, with the full
parse's errors.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any

import orjson

RECORD_LINE = b'\n    "'
"""The start of a line that names a record of a table (indented twice)."""
TABLE_END = b"\n  }"
"""The line that closes a table (a trailing comma may follow)."""


class Reparsed:
    """The second version's data, and what of it was parsed anew (the rest is the first version's)."""

    __slots__ = ("fresh", "raw")

    def __init__(self, raw: dict[str, Any], fresh: dict[str, Any]) -> None:
        self.raw = raw
        self.fresh = fresh
        """The map's own fields, and of each table only the records parsed here (a table parsed whole, whole):
        all that a check of the first version's data did not already see."""


def parse_against(data: bytes, base_data: bytes, base_raw: dict[str, Any], layout: int) -> Reparsed | None:
    """``data`` parsed by reusing ``base_raw`` (the parse of ``base_data``, in the canonical layout), or None.

    ``layout`` is the orjson option the canonical layout is written with.
    """
    if not data.startswith(b"{\n") or not data.endswith(b"\n}\n"):
        return None
    base = _Bytes(base_data)
    size = min(len(data), len(base_data))
    first = _shared_prefix(data, 0, base, 0, size)
    tail = len(base_data) - _shared_suffix(data, len(data), base, len(base_data), size - first)
    base_starts = _field_starts(base_data, base_raw)
    if base_starts is None:
        return None
    starts = _moved_starts(data, base_starts, first, tail, len(data) - len(base_data))
    if starts is None:
        return None
    raw: dict[str, Any] = {}
    fresh: dict[str, Any] = {}
    spans = zip(_spans(data, starts), _spans(base_data, list(base_starts.values())), strict=True)
    for name, ((start, end), (base_start, base_end)) in zip(base_raw, spans, strict=True):
        base_value = base_raw[name]
        if end - start == base_end - base_start and base.equal(data, start, base_start, end - start):
            raw[name] = base_value
            if type(base_value) is not dict:
                fresh[name] = base_value
            continue
        patched = None
        if type(base_value) is dict:
            patched = _patch_table(data, start, end, base, base_start, base_end, base_value)
        if patched is not None:
            raw[name], fresh[name] = patched
            continue
        try:  # the whole field, and any field added after it
            parsed = orjson.loads(b"{" + data[start:end] + b"}")
        except orjson.JSONDecodeError:
            return None
        raw.update(parsed)
        fresh.update(parsed)
    try:
        if orjson.dumps(raw, option=layout) != data:
            return None
    except TypeError:
        return None
    return Reparsed(raw, fresh)


class _Bytes:
    """The base version's bytes, compared with the other version's without copying either."""

    __slots__ = ("data", "view")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.view = memoryview(data)

    def equal(self, other: bytes, other_at: int, at: int, size: int) -> bool:
        """Whether ``size`` bytes from ``at`` here are those from ``other_at`` in ``other`` (one memory compare)."""
        return other.startswith(self.view[at : at + size], other_at)


def _shared_prefix(data: bytes, start: int, base: _Bytes, base_start: int, size: int) -> int:
    """How many bytes from ``start`` in ``data`` and ``base_start`` in the base are the same (at most ``size``)."""
    return _shared(lambda i, j: base.equal(data, start + i, base_start + i, j - i), size)


def _shared_suffix(data: bytes, end: int, base: _Bytes, base_end: int, size: int) -> int:
    """How many bytes before ``end`` in ``data`` and ``base_end`` in the base are the same (at most ``size``)."""
    return _shared(lambda i, j: base.equal(data, end - j, base_end - j, j - i), size)


def _shared(equal: Callable[[int, int], bool], size: int) -> int:
    """The length of the run of equal bytes, where ``equal(i, j)`` compares bytes i to j of the run: halving."""
    if equal(0, size):
        return size
    low, high = 0, size  # bytes before low are equal; one from low to high differs
    while high - low > 1:
        middle = (low + high) // 2
        if equal(low, middle):
            low = middle
        else:
            high = middle
    return low


def _field_starts(data: bytes, raw: dict[str, Any]) -> dict[str, int] | None:
    """Where the line of each of the map's own fields starts, found in order; None if one is not found."""
    starts = {}
    at = 0
    for name in raw:
        at = data.find(_field_line(name), at)
        if at < 0:
            return None
        starts[name] = at
    return starts if starts and next(iter(starts.values())) == 1 else None


def _moved_starts(data: bytes, base: dict[str, int], first: int, tail: int, shift: int) -> list[int] | None:
    """The same fields' lines in ``data``: where the base had them before its first differing byte ``first``,
    shifted by ``shift`` from the shared tail on (``tail``), searched for only in between."""
    starts = []
    at = 0
    for name, start in base.items():
        line = _field_line(name)
        if start + len(line) <= first:
            found = start
        elif start >= tail:
            found = start + shift
        else:
            found = data.find(line, at)
            if found < 0:
                return None
        starts.append(found)
        at = found + 1
    return starts


def _field_line(name: str) -> bytes:
    """The start of the line of one of the map's own fields or tables (indented once)."""
    return b"\n  " + orjson.dumps(name) + b": "


def _spans(data: bytes, starts: list[int]) -> list[tuple[int, int]]:
    """Each field's lines from its name to its value's end, without the comma that may follow."""
    spans = []
    for start, following in zip(starts, [*starts[1:], len(data) - 2], strict=True):
        end = following - 1 if data[following - 1] == ord(",") else following
        spans.append((start + 1, end))
    return spans


def _patch_table(
    data: bytes, start: int, end: int, base: _Bytes, base_start: int, base_end: int, base_table: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """A table's records: the base's, with the run of records whose bytes differ parsed from ``data``.

    Returns the table and the records parsed; None when the difference is not within whole records.
    """
    size = min(end - start, base_end - base_start)
    first = _shared_prefix(data, start, base, base_start, size)
    tail = base_end - _shared_suffix(data, end, base, base_end, size - first)
    base_data = base.data
    run_start = base_data.rfind(RECORD_LINE, base_start, base_start + first)
    run_end = base_data.find(RECORD_LINE, tail, base_end)
    if run_end < 0:
        run_end = base_data.rfind(TABLE_END, base_start, base_end)
    if run_start < 0 or run_end < tail:
        return None
    new_start, new_end = run_start - base_start + start, run_end - base_end + end
    if new_end < new_start:
        return None
    try:
        records = orjson.loads(b"{" + data[new_start:new_end].removesuffix(b",") + b"}")
    except orjson.JSONDecodeError:
        return None
    ids = list(base_table)
    try:
        before = ids.index(_record_id(base_data, run_start))
        after = ids.index(_record_id(base_data, run_end)) if base_data.startswith(RECORD_LINE, run_end) else len(ids)
    except ValueError:
        return None
    items = base_table.items()
    table = dict(islice(items, before))
    table.update(records)
    table.update(islice(items, after, None))
    return table, records


def _record_id(data: bytes, line: int) -> str:
    """The id named on a record's line (ids hold no quotes or backslashes; anything else is no id)."""
    start = line + len(RECORD_LINE)
    return data[start : data.find(b'"', start)].decode("utf-8", "replace")
