"""A Markdown outline of a map, for READMEs and wikis: one nested bullet per reason or objection."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from argmap.graph import MapGraph, run_nested
from argmap.indent import depth_marker, indentation
from argmap.model import ArgMap, Relation, RelationType

MARKERS = {RelationType.SUPPORT: "Pro", RelationType.ATTACK: "Con"}


def escape(text: str) -> str:
    """Text that Markdown shows literally: its punctuation escaped, lines joined."""
    text = re.sub(r"([\\`*_\[\]<>|~&])", r"\\\1", " ".join(text.split()))
    text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return re.sub(r"^([#+\-=])", r"\\\1", text)


def write(argmap: ArgMap) -> tuple[str, list[str]]:
    graph = MapGraph(argmap)
    out: list[str] = [f"# {escape(argmap.title)}", ""] if argmap.title else []
    if argmap.description:
        out += [escape(argmap.description), ""]
    shown: set[str] = set()

    def claim_line(cid: str) -> str:
        claim = argmap.claims[cid]
        extra = " *(implicit)*" if claim.implicit else ""
        kind = f" \\[{claim.kind.value}\\]" if claim.kind.is_basis else ""
        return f"{escape(claim.text)}{kind}{extra}"

    def quotes(cid: str, indent: str) -> None:
        for anchor in argmap.claims[cid].evidence:
            out.append(f"{indent}  > “{escape(anchor.quote)}”")

    # Both walks yield the walks they would call, and run_nested runs them: chains are deeper than
    # Python's recursion limit.

    def relation(rid: str, rel: Relation, depth: int) -> Iterator[Iterator[Any]]:
        indent = indentation(depth, "  ") + "- " + depth_marker(depth)
        marker = MARKERS[rel.type]
        if rel.target in argmap.relations:
            marker = "Undercut" if rel.type is RelationType.ATTACK else "Backing"
        if len(rel.premises) == 1:
            premise = rel.premises[0]
            out.append(f"{indent}**{marker}:** {claim_line(premise)}")
            quotes(premise, indentation(depth, "  "))
            yield expand(premise, depth + 1)
        else:
            out.append(f"{indent}**{marker}** (these premises together):")
            for premise in rel.premises:
                out.append(f"{indentation(depth + 1, '  ')}- {depth_marker(depth + 1)}{claim_line(premise)}")
                quotes(premise, indentation(depth + 1, "  "))
                yield expand(premise, depth + 2)
        for child_id, child in graph.children(rid):
            yield relation(child_id, child, depth + 1)

    def expand(cid: str, depth: int) -> Iterator[Iterator[Any]]:
        if cid in shown:
            if graph.children(cid):
                out.append(f"{indentation(depth, '  ')}- *(reasons shown above)*")
            return
        shown.add(cid)
        for rid, rel in graph.children(cid):
            yield relation(rid, rel, depth)

    roots = argmap.theses() or sorted(set(argmap.claims) - {p for r in argmap.relations.values() for p in r.premises})
    for root in roots:
        out.append(f"- **{claim_line(root)}**")
        quotes(root, "")
        run_nested(expand(root, 1))
        out.append("")
    rest = sorted(set(argmap.claims) - shown - set(roots))
    unplaced = [cid for cid in rest if not graph.parents(cid)]
    for cid in unplaced:
        out.append(f"- {claim_line(cid)}")
    warnings = []
    if any(c.note or c.translations for c in argmap.claims.values()):
        warnings.append("not shown: notes and translations")
    return "\n".join(out).rstrip("\n") + "\n", warnings
