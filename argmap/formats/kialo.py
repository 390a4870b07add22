"""Kialo discussion exports (plain text) both ways.

::

    Discussion Title: Should hate speech be illegal?

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas than to ban them.
    1.1.1. Pro: -> See 1.2.2.

Each claim's dotted path names its parent; ``Pro`` is support, ``Con`` attack;
``-> See <path>`` reuses the claim at that path (a second relation, not a copy).
Unnumbered lines continue the claim above.  Texts are Kialo's Markdown (links,
emphasis, backslash escapes) and pass through as written both ways, so Kialo shows
markup as markup.  Only what the line structure needs is escaped: a continuation
line that would read as a numbered claim (``1\\.2. …``) and a claim that would read
as a ``-> See`` link (``\\-> See 1.2.``); import removes exactly those escapes.
Kialo is a tree of single claims: linked premises and undercuts do not fit it and
are written as plain pros and cons, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from argmap.errors import ArgmapError
from argmap.formats import Conversion
from argmap.formats._build import MapBuilder, decode
from argmap.formats.losses import named, not_kept
from argmap.graph import MapGraph, run_nested
from argmap.model import ArgMap, ClaimKind, RelationType

_TITLE = re.compile(r"^Discussion Title:\s*(.*)$")
_CLAIM = re.compile(r"^((?:\d+\.)+)(?:[ \t]+|$)(.*)$")
"""A numbered line: the path, then at least one space (``1.5 million`` continues a claim, it is no path)."""
_SIDE = re.compile(r"^(Pro|Con):[ \t]*(.*)$")
_SEE = re.compile(r"^->\s*See\s+((?:\d+\.)*\d+)\.?\s*$")
_ESCAPED_PATH = re.compile(r"^(\s*\d+)(\\+)(\..*)$")
"""A line whose first dot carries backslashes: ``1\\.2. …`` is a continuation line, not the path 1.2."""
_ESCAPED_SEE = re.compile(r"^(\\+)(->.*)$", re.DOTALL)
OPPOSED = (RelationType.CONTRARY, RelationType.CONTRADICTORY)
"""Relation kinds Kialo has no word for: written as Con, which reads back as an attack."""
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
                b.title = title.group(1).strip()
                continue
        match = _CLAIM.match(line.lstrip())
        if match:
            path, rest = match.group(1).rstrip("."), match.group(2)
            side = _SIDE.match(rest) if "." in path else None  # a thesis has no side: "1. Pro: x" is its text
            first = side.group(2) if side else rest
            entries.append({"path": path, "side": side.group(1) if side else None, "lines": [first], "line": number})
        elif entries:
            entries[-1]["lines"].append(_unescape_line(line))
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
        claims[path] = b.add_claim(_unescape_see(body))
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
        if b.add_relation(relation_type, [premise], claims[parent]) is None:
            again = "links its own parent" if premise == claims[parent] else "repeats an earlier line's pro or con"
            b.warn(f"claim {path} {again}: left out")
    argmap, warnings, texts = b.finish()
    roots = [claims[e["path"]] for e in entries if "." not in e["path"] and e["path"] in claims]
    for root in roots:
        if argmap.claims[root].kind is ClaimKind.CLAIM:
            argmap.claims[root] = argmap.claims[root].model_copy(update={"kind": ClaimKind.THESIS})
    return Conversion(argmap, warnings, texts)


def _reads_as_path(line: str) -> bool:
    return _CLAIM.match(line.lstrip()) is not None


def _unescape_line(line: str) -> str:
    """A continuation line with one backslash less before its first dot, when that is how export wrote it."""
    escaped = _ESCAPED_PATH.match(line)
    if escaped and _reads_as_path(escaped.group(1) + escaped.group(3)):
        return escaped.group(1) + escaped.group(2)[1:] + escaped.group(3)
    return line


def _unescape_see(body: str) -> str:
    escaped = _ESCAPED_SEE.match(body)
    return body[1:] if escaped and _SEE.match(escaped.group(2)) else body


def _escape(text: str) -> str:
    """A claim's text as Kialo's text format needs it: its Markdown as written, its line structure kept.

    One backslash more before the first dot of a continuation line that would read as
    a numbered claim (or already carries such backslashes), and before a text that
    would read as a ``-> See`` link: exactly what :func:`read` removes again.
    """
    escaped = _ESCAPED_SEE.match(text)
    if _SEE.match(escaped.group(2) if escaped else text):
        text = "\\" + text
    first, *rest = text.split("\n")
    return "\n".join([first, *(_escape_line(line) for line in rest)])


def _escape_line(line: str) -> str:
    escaped = _ESCAPED_PATH.match(line)
    if escaped and _reads_as_path(escaped.group(1) + escaped.group(3)):
        return escaped.group(1) + "\\" + escaped.group(2) + escaped.group(3)
    if _reads_as_path(line):
        digits = re.match(r"\s*\d+", line)
        assert digits is not None
        return line[: digits.end()] + "\\" + line[digits.end() :]
    return line


def _title(argmap: ArgMap, roots: list[str]) -> tuple[str, list[str]]:
    """The discussion title (one line; the thesis when the map has none) and what was changed to make it."""
    if not argmap.title:
        thesis = argmap.claims[roots[0]].text if roots else ""
        return " ".join(thesis.split()), ["the map has no title: the thesis is written as the discussion title"]
    if "\n" in argmap.title.strip():
        return " ".join(argmap.title.split()), ["the title's line breaks became spaces: Kialo's title is one line"]
    return argmap.title.strip(), []


def write(argmap: ArgMap) -> tuple[str, list[str]]:
    """The map as a Kialo discussion export: the thesis as ``1.``, everything below by path."""
    graph = MapGraph(argmap)
    warnings: list[str] = []
    premises = {p for r in argmap.relations.values() for p in r.premises}
    roots = argmap.theses() or sorted(set(argmap.claims) - premises)
    if not roots and argmap.claims:
        roots = [sorted(argmap.claims)[0]]
    if len(roots) > 1:
        warnings.append(f"Kialo has one thesis: {len(roots)} theses written as 1., 2., …")
    title, about_title = _title(argmap, roots)
    out = [f"Discussion Title: {title}", ""]
    placed: dict[str, str] = {}
    undercuts: list[str] = []
    linked = [rid for rid, relation in argmap.relations.items() if len(relation.premises) > 1]
    opposed = [rid for rid, relation in argmap.relations.items() if relation.type in OPPOSED]

    counters: dict[str, int] = {}

    def child_path(path: str) -> str:
        counters[path] = counters.get(path, 0) + 1
        return f"{path}{counters[path]}."

    def visit(node: str, path: str, depth: int) -> Iterator[Iterator[Any]]:
        """Write what bears on ``node`` below ``path``; yields the visits of the premises (see run_nested)."""
        if depth > MAX_DEPTH:
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
                undercuts.extend(child for child, _ in graph.children(rid))
                yield visit(rid, placed[relation.premises[-1]], depth + 1)

    tops: list[str] = []

    def write_tops(claims: list[str]) -> None:
        for top in claims:
            if top in placed:  # written already, below a top before it (claims in a circle)
                continue
            tops.append(top)
            path = placed[top] = f"{len(tops)}."
            out.append(f"{path} {_escape(argmap.claims[top].text)}")
            run_nested(visit(top, path, 1))

    write_tops(roots)
    written_further: list[str] = []
    if len(placed) < len(argmap.claims):
        # Claims below no thesis (alone, or in a circle of claims bearing on each other) become further tops;
        # claims below a thesis but deeper than MAX_DEPTH stay unwritten.
        below_roots = set(roots).union(premise for root in roots for _, _, premise in graph.walk(root))
        written = len(tops)
        write_tops(sorted(set(argmap.claims) - below_roots, key=lambda cid: (cid in premises, cid)))
        written_further = tops[written:]
    if not argmap.claims:
        warnings.append("the map has no claims: Kialo needs at least the thesis")
    if written_further:
        warnings.append(
            f"{len(written_further)} claim(s) below no thesis written as further top-level claims "
            f"({named(written_further)}), which read back as theses"
        )
    missing = len(set(argmap.claims) - set(placed))
    if linked:
        warnings.append(
            f"{len(linked)} linked relation(s) written as separate pros/cons ({named(linked)}): "
            "Kialo has no linked premises"
        )
    if opposed:
        warnings.append(
            f"{len(opposed)} contrary or contradictory relation(s) written as Con ({named(opposed)}): "
            "Kialo has only Pro and Con"
        )
    if undercuts:
        warnings.append(
            f"{len(undercuts)} relation(s) onto relations written under the last premise instead ({named(undercuts)})"
        )
    if missing:
        warnings.append(
            f"{missing} claim(s) not written: Kialo numbers claims by their path, "
            f"which argmap writes down to {MAX_DEPTH} levels below the thesis"
        )
    warnings += not_kept(argmap, (), "Kialo's text") + about_title
    return "\n".join(out) + "\n", warnings
