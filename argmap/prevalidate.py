"""A fast, conservative test that parsed map data passes the models' validation.

Building pydantic models of a 100,000-claim map takes twice as long as parsing
its JSON.  A read-only command that needs few of the records (``diff`` of two
versions needs only the records that differ) checks the parsed data with
:func:`accepts` instead, and builds models only of what it uses.

:func:`accepts` says True only for data that the models accept as they are:
exact JSON types (a float field takes a float, not an integer or a string), no
unknown fields, the same limits and patterns.  Anything else, a merge conflict
included, gets False, and the caller validates with the models, whose verdict
and error messages are then the only ones anyone sees.  So the fast path may
be stricter than the models, never more lenient (``tests/test_prevalidate.py``
feeds both the same bad records).
"""

from __future__ import annotations

import re
import string
from operator import itemgetter
from typing import Any

from argmap.graph import DIALOGUE_TABLES
from argmap.model import ArgMap, ClaimKind, RelationType

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,199}")
_RANK_BYTES = (string.ascii_letters + string.digits + "\n").encode()
_ID_BYTES = (string.ascii_letters + string.digits + "._~-\n").encode()
_ID_START = frozenset(string.ascii_letters + string.digits)
_RANK = re.compile(r"[0-9A-Za-z]+")
_SHA256 = re.compile(r"(?:[0-9a-f]{64})?")
_KINDS = frozenset(kind.value for kind in ClaimKind)
_TYPES = frozenset(kind.value for kind in RelationType)
_MAP_FIELDS = frozenset(ArgMap.model_fields)
_CLAIM_FIELDS = frozenset({"kind", "text", "implicit", "tags", "translations", "evidence", "base_score", "note"})
_ANCHOR_FIELDS = frozenset({"source", "quote", "prefix", "suffix", "start", "end", "speaker"})
_RELATION_FIELDS = frozenset({"type", "premises", "target", "rank", "scheme", "answers", "weight", "note"})
_SOURCE_FIELDS = frozenset({"title", "author", "date", "language", "url", "path", "sha256", "note", "left_out"})
_LEFT_OUT_FIELDS = frozenset({"quote", "prefix", "suffix", "start", "end", "reason"})
_SPEAKER_FIELDS = frozenset({"name", "role"})
_TEXT_FIELDS = {"title", "language", "description"}


def accepts(raw: dict[str, Any]) -> bool:
    """True when ``raw`` (parsed JSON of the current format) surely validates as an :class:`ArgMap` unchanged."""
    if not raw.keys() <= _MAP_FIELDS or type(raw.get("argmap")) is not int or raw["argmap"] != 1:
        return False
    if any(type(raw[name]) is not str for name in _TEXT_FIELDS & raw.keys()):
        return False
    if raw.get("conflicts") or raw.get("arguments") or any(raw.get(name) for name in DIALOGUE_TABLES):
        # rare tables: the models check them
        return False
    tables = {name: raw.get(name, {}) for name in ("sources", "speakers", "claims", "relations", "conflicts")}
    if any(type(table) is not dict for table in tables.values()):
        return False
    ids: list[object] = []  # checked at the end in one pass of the pattern
    for table in tables.values():
        ids.extend(table)
    if not all(map(_source, tables["sources"].values())) or not all(map(_speaker, tables["speakers"].values())):
        return False
    for claim in tables["claims"].values():
        if type(claim) is not dict or ((len(claim) != 1 or type(claim.get("text")) is not str) and not _claim(claim)):
            return False
    ranks: list[str] = []
    for relation in tables["relations"].values():  # the common shapes inline: a call per record cost more
        if type(relation) is not dict:
            return False
        kind, premises, target = relation.get("type"), relation.get("premises"), relation.get("target")
        if type(kind) is not str or kind not in _TYPES or type(premises) is not list or not premises:
            return False
        ids.append(target)  # its type is checked with the ids
        ids.extend(premises)
        size = len(relation)
        if size == 4 and type(rank := relation.get("rank")) is str:
            ranks.append(rank)
        elif size != 3 and not _relation_more(relation):
            return False
    return _all_ids(ids) and _all_ranks(ranks)


def _all_ids(values: list[Any]) -> bool:
    """Whether every value is an id (the pattern of :data:`argmap.model.Id`), in a few passes over them all.

    A match per value cost a tenth of a second at 100,000 claims.  Here: joined by newlines
    (which fails on anything but strings), no byte outside the alphabet and no newline of their
    own; each 1 to 200 characters, starting with a letter or digit.
    """
    if not values:
        return True
    try:
        joined = "\n".join(values)
    except TypeError:
        return False
    if joined.encode().translate(None, _ID_BYTES) or joined.count("\n") != len(values) - 1:
        return False
    lengths = list(map(len, values))
    return min(lengths) > 0 and max(lengths) <= 200 and set(map(itemgetter(0), values)) <= _ID_START


def _all_ranks(values: list[str]) -> bool:
    """Whether every value is a rank (letters and digits), as :func:`_all_ids` checks ids."""
    if not values:
        return True
    joined = "\n".join(values)
    return (
        not joined.encode().translate(None, _RANK_BYTES)
        and joined.count("\n") == len(values) - 1
        and min(map(len, values)) > 0
    )


def _is_id(value: object) -> bool:
    return type(value) is str and _ID.fullmatch(value) is not None


def _is_text(value: object) -> bool:
    return type(value) is str


def _is_texts(value: object) -> bool:
    return type(value) is list and all(map(_is_text, value))


def _is_text_dict(value: object) -> bool:
    return type(value) is dict and all(map(_is_text, value.values()))


def _is_share(value: object) -> bool:
    """A float from 0 to 1, or null: what ``base_score`` and ``weight`` hold (an integer is left to the models)."""
    return value is None or (type(value) is float and 0.0 <= value <= 1.0)


def _claim(record: object) -> bool:
    if type(record) is not dict or type(record.get("text")) is not str or not record.keys() <= _CLAIM_FIELDS:
        return False
    if len(record) == 1:
        return True  # the text alone: most claims of an imported debate
    get = record.get
    return (
        type(kind := get("kind", "claim")) is str
        and kind in _KINDS
        and type(get("implicit", False)) is bool
        and _is_texts(get("tags", []))
        and _is_text_dict(get("translations", {}))
        and type(get("note", "")) is str
        and _is_share(get("base_score"))
        and type(evidence := get("evidence", [])) is list
        and all(map(_anchor, evidence))
    )


def _anchor(record: object) -> bool:
    if type(record) is not dict or not record.keys() <= _ANCHOR_FIELDS:
        return False
    get = record.get
    start, end = get("start"), get("end")
    quote = get("quote")
    return (
        _is_id(get("source"))
        and type(quote) is str
        and quote != ""
        and type(start) is int
        and type(end) is int
        and start >= 0
        and end >= 0
        and type(get("prefix", "")) is str
        and type(get("suffix", "")) is str
        and ((speaker := get("speaker")) is None or _is_id(speaker))
    )


def _relation_more(record: dict[str, Any]) -> bool:
    """A relation's fields beyond type, premises, target (checked by the caller)."""
    get = record.get
    rank = get("rank", "m")
    return (
        record.keys() <= _RELATION_FIELDS
        and type(rank) is str
        and _RANK.fullmatch(rank) is not None
        and ((scheme := get("scheme")) is None or type(scheme) is str)
        and _is_text_dict(get("answers", {}))
        and _is_share(get("weight"))
        and type(get("note", "")) is str
    )


def _source(record: object) -> bool:
    if type(record) is not dict or not record.keys() <= _SOURCE_FIELDS:
        return False
    texts = [value for key, value in record.items() if key != "left_out"]
    left_out = record.get("left_out", [])
    return (
        all(map(_is_text, texts))
        and _SHA256.fullmatch(record.get("sha256", "")) is not None
        and type(left_out) is list
        and all(map(_left_out, left_out))
    )


def _left_out(record: object) -> bool:
    """A passage left out of the map: like an anchor, with a reason instead of a source."""
    if type(record) is not dict or not record.keys() <= _LEFT_OUT_FIELDS:
        return False
    get = record.get
    quote, start, end = get("quote"), get("start"), get("end")
    return (
        type(quote) is str
        and quote != ""
        and type(start) is int
        and type(end) is int
        and start >= 0
        and end >= 0
        and all(type(get(name, "")) is str for name in ("prefix", "suffix", "reason"))
    )


def _speaker(record: object) -> bool:
    return (
        type(record) is dict
        and record.keys() <= _SPEAKER_FIELDS
        and "name" in record
        and all(map(_is_text, record.values()))
    )
