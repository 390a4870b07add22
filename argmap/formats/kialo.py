"""Kialo discussion exports (plain text) both ways.

::

    Discussion Title: Should hate speech be illegal?

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas than to ban them.
    1.1.1. Pro: -> See 1.2.2.

Each claim's dotted path names its parent; ``Pro`` is support, ``Con`` attack;
``-> See <path>`` reuses the claim at that path (a second relation, not a copy).
Unnumbered lines continue the claim above.  Texts are Markdown: backslash escapes
are resolved on import and written on export.  Kialo is a tree of single claims:
linked premises and undercuts do not fit it and are written as plain pros and
cons, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from argmap.errors import ArgmapError
from argmap.formats import Conversion
from argmap.formats._build import MapBuilder, decode
from argmap.graph import MapGraph, run_nested
from argmap.model import ArgMap, ClaimKind, RelationType

_TITLE = re.compile(r"^Discussion Title:\s*(.*)$")
_CLAIM = re.compile(r"^((?:\d+\.)+)\s*(?:(Pro|Con):\s*)?(.*)$")
_SEE = re.compile(r"^->\s*See\s+((?:\d+\.)*\d+)\.?\s*$")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
MAX_DEPTH = 2_000
"""Levels written: Kialo numbers a claim by its whole path (``1.2.1.``), so each level lengthens every line below it.

Deeper chains would make the export grow with the square of their depth (a
50,000-deep chain: gigabytes); down to this depth a line is at most about 4 KB.
"""


def read(data: str | bytes, origin: str = "<stdin>") -> Conversion:
    """A Kialo discussion export as a map."""
    text = decode(data, origin)
    lines = text.split("\n")
    b = MapBuilder(origin)
    entries: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not entries and not b.title:
            title = _TITLE.match(line.strip())
            if title:
                b.title = _unescape(title.group(1).strip())
                continue
        match = _CLAIM.match(line.strip())
        if match:
            path = match.group(1).rstrip(".")
            entries.append({"path": path, "side": match.group(2), "lines": [match.group(3)], "line": number})
        elif entries:
            entries[-1]["lines"].append(line)
        elif line.strip():
            raise ArgmapError(
                "not a Kialo discussion: expected 'Discussion Title: …' or a numbered claim such as '1. …'",
                path=origin,
                line=number,
            )
    if not entries:
        raise ArgmapError("no claims: a Kialo discussion starts with the thesis '1. …'", path=origin)
    claims: dict[str, str] = {}
    links: dict[str, str] = {}
    for entry in entries:
        path = entry["path"]
        if path in claims or path in links:
            raise ArgmapError(f"the path {path} stands twice", path=origin, line=entry["line"])
        body = "\n".join(entry["lines"]).strip()
        see = _SEE.match(body)
        if see:
            links[path] = see.group(1)
            continue
        claims[path] = b.add_claim(_unescape(body))
    for entry in entries:
        path = entry["path"]
        parent = path.rpartition(".")[0]
        if not parent:
            continue
        if parent not in claims:
            raise ArgmapError(
                f"claim {path} has no parent {parent}" + (" (the parent is a '-> See' link)" if parent else ""),
                path=origin,
                line=entry["line"],
            )
        side = entry["side"]
        if side is None:
            b.warn(f"claim {path} says neither Pro nor Con: read as Pro")
        relation_type = RelationType.ATTACK if side == "Con" else RelationType.SUPPORT
        premise = claims.get(path)
        if premise is None:
            seen = links[path]
            premise = claims.get(seen)
            if premise is None:
                raise ArgmapError(f"'-> See {seen}' points at no claim", path=origin, line=entry["line"])
        b.add_relation(relation_type, [premise], claims[parent])
    argmap, warnings, texts = b.finish()
    roots = [claims[e["path"]] for e in entries if "." not in e["path"] and e["path"] in claims]
    for root in roots:
        if argmap.claims[root].kind is ClaimKind.CLAIM:
            argmap.claims[root] = argmap.claims[root].model_copy(update={"kind": ClaimKind.THESIS})
    return Conversion(argmap, warnings, texts)


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


def _escape(text: str) -> str:
    """Markdown escapes for Kialo, plus whatever would read as a path or a link on a line."""
    escaped = re.sub(r"([\\*_\[\]`#<>])", r"\\\1", text)
    out = []
    for line in escaped.split("\n"):
        if re.match(r"^\s*(?:\d+\.)+\s", line) or re.match(r"^\s*\d+\.$", line):
            line = re.sub(r"\.", r"\\.", line, count=1)
        if line.lstrip().startswith("->"):
            line = line.replace("->", r"\->", 1)
        if _TITLE.match(line):
            line = line.replace(":", r"\:", 1)
        out.append(line)
    return "\n".join(out)


def write(argmap: ArgMap) -> tuple[str, list[str]]:
    """The map as a Kialo discussion export: the thesis as ``1.``, everything below by path."""
    graph = MapGraph(argmap)
    warnings: list[str] = []
    roots = argmap.theses() or sorted(set(argmap.claims) - {p for r in argmap.relations.values() for p in r.premises})
    if not roots and argmap.claims:
        roots = [sorted(argmap.claims)[0]]
    if len(roots) > 1:
        warnings.append(f"Kialo has one thesis: {len(roots)} theses written as 1., 2., …")
    title = argmap.title or (argmap.claims[roots[0]].text if roots else "")
    out = [f"Discussion Title: {_escape(' '.join(title.split()))}", ""]
    placed: dict[str, str] = {}
    undercuts = 0
    linked = sum(len(relation.premises) > 1 for relation in argmap.relations.values())

    counters: dict[str, int] = {}

    def child_path(path: str) -> str:
        counters[path] = counters.get(path, 0) + 1
        return f"{path}{counters[path]}."

    too_deep = 0

    def visit(node: str, path: str, depth: int) -> Iterator[Iterator[Any]]:
        """Write what bears on ``node`` below ``path``; yields the visits of the premises (see run_nested)."""
        nonlocal undercuts, too_deep
        if depth > MAX_DEPTH:
            too_deep += bool(graph.children(node))
            return
        for rid, relation in graph.children(node):
            side = "Pro" if relation.type is RelationType.SUPPORT else "Con"
            for premise in relation.premises:
                child = child_path(path)
                if premise in placed:
                    out.append(f"{child} {side}: -> See {placed[premise]}")
                    continue
                placed[premise] = child
                out.append(f"{child} {side}: {_escape(argmap.claims[premise].text)}")
                yield visit(premise, child, depth + 1)
            if graph.children(rid):
                undercuts += len(graph.children(rid))
                yield visit(rid, placed[relation.premises[-1]], depth + 1)

    for index, root in enumerate(roots, start=1):
        placed[root] = f"{index}."
        out.append(f"{index}. {_escape(argmap.claims[root].text)}")
        run_nested(visit(root, f"{index}.", 1))
    if not argmap.claims:
        warnings.append("the map has no claims: Kialo needs at least the thesis")
    missing = len(set(argmap.claims) - set(placed))
    if linked:
        warnings.append(f"{linked} linked relation(s) written as separate pros/cons: Kialo has no linked premises")
    if undercuts:
        warnings.append(f"{undercuts} relation(s) onto relations written under the last premise instead")
    if missing and too_deep:
        warnings.append(
            f"{missing} claim(s) not written: Kialo numbers claims by their path, "
            f"which argmap writes down to {MAX_DEPTH} levels below the thesis"
        )
    elif missing:
        warnings.append(f"{missing} claim(s) not below any thesis were not written")
    if any(c.evidence or c.note or c.tags or c.translations for c in argmap.claims.values()):
        warnings.append("not kept: evidence, notes, tags and translations (Kialo text has only the claims)")
    return "\n".join(out) + "\n", warnings
