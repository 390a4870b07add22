"""Interchange with other argument tools: one module per format, found by name, extension or content.

Every importer has ``read(data, origin) -> Conversion`` and every exporter
``write(map) -> (text, warnings)``.  A warning names each thing a conversion
could not keep, so nothing is dropped silently.  Importers turn every bad input
into one :class:`~argmap.errors.ArgmapError`; see ``docs/formats.md`` for what
maps to what in each format.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePath
from typing import TYPE_CHECKING

from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.model import ArgMap

Reader = Callable[[str | bytes, str], "Conversion"]
Writer = Callable[["ArgMap"], tuple[str, list[str]]]


@dataclass
class Conversion:
    """An imported map, what the import could not keep, and source texts it recovered.

    ``texts`` maps a source id to the text its evidence anchors point into (from
    xAIF HTML, AIF locutions or SADFace resources); whoever saves the map writes
    each text to the source's ``path`` beside the map, so the anchors stay checkable.
    """

    map: ArgMap
    warnings: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Format:
    name: str
    title: str
    extensions: tuple[str, ...]
    read: Reader | None
    write: Writer | None


def _formats() -> dict[str, Format]:
    from argmap.formats import aif, argdown, kialo, markdown, mermaid, sadface

    table = [
        Format("argdown", "Argdown", (".argdown", ".ad"), argdown.read, argdown.write),
        Format("aif", "AIF JSON (AIFdb nodeset)", (".aif", ".aif.json"), aif.read, aif.write),
        Format("xaif", "xAIF (OVA3, with the source text)", (".xaif", ".xaif.json"), aif.read, aif.write_xaif),
        Format("sadface", "SADFace JSON", (".sadface", ".sadface.json"), sadface.read, None),
        Format("kialo", "Kialo discussion text", (".kialo", ".kialo.txt"), kialo.read, kialo.write),
        Format("markdown", "Markdown outline", (".md", ".markdown"), None, markdown.write),
        Format("mermaid", "Mermaid flowchart", (".mmd", ".mermaid"), None, mermaid.write),
    ]
    return {f.name: f for f in table}


@cache
def formats() -> dict[str, Format]:
    """Every format by name."""
    return _formats()


def able(*, reading: bool) -> list[Format]:
    """The formats argmap can read (or write), in the registry's order: what help and errors list."""
    return [f for f in formats().values() if (f.read if reading else f.write)]


def get(name: str, *, reading: bool) -> Format:
    """The format called ``name`` that can be read (or written); a clear error otherwise."""
    fmt = formats().get(name.lower())
    if fmt is None or (fmt.read if reading else fmt.write) is None:
        verb = "import from" if reading else "export to"
        raise ArgmapError(f"argmap cannot {verb} {name!r}", fix=f"one of: {names(reading=reading)}")
    return fmt


def names(*, reading: bool) -> str:
    """Their names, comma-separated, for a fix line."""
    return ", ".join(f.name for f in able(reading=reading))


def from_extension(path: str) -> str | None:
    """The format a file name's extension names, longest extension first (``x.aif.json``)."""
    name = PurePath(path).name.lower()
    matches = [(len(ext), f.name) for f in formats().values() for ext in f.extensions if name.endswith(ext)]
    return max(matches)[1] if matches else None


def sniff(data: str | bytes) -> str | None:
    """The format the content looks like, for files whose extension says nothing (``.json``, ``.txt``)."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")):
        try:
            raw = json.loads(text.lstrip("\ufeff"))
        except (ValueError, RecursionError):
            return "argdown" if head.startswith("[") and not head.startswith("[{") else None
        if isinstance(raw, dict):
            if isinstance(raw.get("AIF"), dict):
                return "xaif"
            if "nodes" in raw and "metadata" in raw:
                return "sadface"
            if "nodes" in raw:
                return "aif"
            if isinstance(raw.get("statements"), dict) and "arguments" in raw:
                return "argdown"  # the JSON that `argdown json` writes
        return None
    if head.startswith("Discussion Title:"):
        return "kialo"
    return "argdown" if head else None


def head_is_json(data: str | bytes) -> bool:
    if isinstance(data, bytes):
        return data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"
    return data[:64].lstrip("\ufeff \t\r\n")[:1] == "{"


def detect(path: str | None, data: str | bytes) -> str:
    """The format of an input: its content when that is clear, else its extension."""
    by_name = from_extension(path) if path and path != "-" else None
    by_content = sniff(data)
    if by_content in {"aif", "xaif", "sadface", "kialo"} or (by_content == "argdown" and head_is_json(data)):
        return by_content
    if by_name:
        return get(by_name, reading=True).name  # an extension of a format argmap only writes is refused
    if by_content:
        return by_content
    raise ArgmapError(
        "cannot tell the format of this input",
        path=path,
        fix=f"name it with --from ({names(reading=True)})",
    )


def read(name: str, data: str | bytes, origin: str = "<stdin>") -> Conversion:
    """Import ``data`` as format ``name``."""
    reader = get(name, reading=True).read
    assert reader is not None
    return reader(data, origin)


def write(name: str, argmap: ArgMap) -> tuple[str, list[str]]:
    """Export ``argmap`` as format ``name``: the text and what it could not keep."""
    writer = get(name, reading=False).write
    assert writer is not None
    refuse_dangling(argmap)
    return writer(argmap)


def refuse_dangling(argmap: ArgMap) -> None:
    """Exporters follow every relation: one naming a claim or relation that is not there is one clear error."""
    claims, relations = argmap.claims, argmap.relations
    premises = {premise for relation in relations.values() for premise in relation.premises}
    if premises <= claims.keys() and all(r.target in claims or r.target in relations for r in relations.values()):
        return  # every map but a broken one: no need to look for the first dangling id in order
    for rid, relation in relations.items():
        missing = next((p for p in relation.premises if p not in claims), None)
        if missing is None and relation.target not in claims and relation.target not in relations:
            missing = relation.target
        if missing is not None:
            raise ArgmapError(
                f"relation {rid!r} names {missing!r}, which is not in the map",
                fix="argmap check lists every dangling id; fix them, then export",
            )
