"""A Markdown outline of a map, for READMEs and wikis: one nested bullet per reason or objection.

Texts are escaped so that Markdown shows them literally, and their line breaks stay
Markdown's way: a hard break (two spaces at the end of the line) between lines, a
blank line between paragraphs, continuation lines indented into their list item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from argmap.formats.losses import not_kept
from argmap.graph import MapGraph, run_nested
from argmap.indent import depth_marker, indentation
from argmap.model import ArgMap, Relation, RelationType

MARKERS = {
    RelationType.SUPPORT: "Pro",
    RelationType.ATTACK: "Con",
    RelationType.CONTRARY: "Contrary",
    RelationType.CONTRADICTORY: "Contradictory",
}
HARD_BREAK = "  "
"""Two spaces before a line's end: CommonMark's hard line break, which keeps a claim's line break in its bullet."""
KEPT = ("description", "basis kinds", "implicit marks", "evidence")
"""The parts of a map the outline shows (evidence as its quotes); see :mod:`argmap.formats.losses`."""


_PUNCTUATION = re.compile(r"([\\`*_\[\]<>|~&])")
_NUMBERED = re.compile(r"^(\d+)([.)])")
_BLOCK_START = re.compile(r"^([#+\-=])")


def escape(line: str) -> str:
    """One line of text that Markdown shows literally: its punctuation and line-start markers escaped."""
    line = " ".join(line.split())
    if _PUNCTUATION.search(line):  # each pass only where it can match: most lines need none
        line = _PUNCTUATION.sub(r"\\\1", line)
    if line[:1].isdecimal():
        line = _NUMBERED.sub(r"\1\\\2", line)
    return _BLOCK_START.sub(r"\\\1", line) if line[:1] in ("#", "+", "-", "=") else line


def paragraphs(text: str, *, indent: str, wrap: str = "", after: str = "") -> str:
    """``text`` as Markdown inline content whose line breaks stay, each continuation line starting with ``indent``.

    Lines of a paragraph are joined by hard breaks; an empty line stays an empty line
    (a new paragraph, within the same list item or quote).  ``wrap`` goes around each
    paragraph (``**`` for bold, which cannot span paragraphs); ``after`` ends the text.
    """
    if not text.strip():
        return after.strip()
    if "\n" not in text:  # most texts: one line, no paragraphs to split
        return wrap + escape(text) + after + wrap
    groups: list[list[str]] = [[]]
    for line in text.strip().split("\n"):
        if line.strip():
            groups[-1].append(escape(line))
        elif groups[-1]:
            groups.append([])
    blank = "\n" + indent.rstrip() + "\n" + indent
    groups[-1][-1] += after
    return blank.join(wrap + (HARD_BREAK + "\n" + indent).join(group) + wrap for group in groups)


def write(argmap: ArgMap) -> tuple[str, list[str]]:
    graph = MapGraph(argmap)
    warnings: list[str] = []
    out: list[str] = []
    if argmap.title:
        out += [f"# {escape(argmap.title)}", ""]
        if "\n" in argmap.title.strip():
            warnings.append("the title's line breaks became spaces: a Markdown heading is one line")
    if argmap.description.strip():
        out += [paragraphs(argmap.description, indent=""), ""]
    shown: set[str] = set()

    def claim_line(cid: str, indent: str, wrap: str = "") -> str:
        """The claim's text and marks; ``indent`` starts its continuation lines (the bullet's content column)."""
        claim = argmap.claims[cid]
        extra = " *(implicit)*" if claim.implicit else ""
        kind = f" \\[{claim.kind.value}\\]" if claim.kind.is_basis else ""
        if wrap:
            return paragraphs(claim.text, indent=indent, wrap=wrap) + kind + extra
        return paragraphs(claim.text, indent=indent, after=kind + extra)

    def quotes(cid: str, indent: str) -> None:
        for anchor in argmap.claims[cid].evidence:
            out.append(f"{indent}  > “{paragraphs(anchor.quote, indent=indent + '  > ', after='”')}")

    # Both walks yield the walks they would call, and run_nested runs them: chains are deeper than
    # Python's recursion limit.

    def relation(rid: str, rel: Relation, depth: int) -> Iterator[Iterator[Any]]:
        indent = indentation(depth, "  ") + "- " + depth_marker(depth)
        content = indentation(depth + 1, "  ")
        marker = MARKERS[rel.type]
        if rel.target in argmap.relations:
            marker = "Undercut" if rel.type.attacks else "Backing"
        if len(rel.premises) == 1:
            premise = rel.premises[0]
            out.append(f"{indent}**{marker}:** {claim_line(premise, content)}")
            quotes(premise, indentation(depth, "  "))
            yield expand(premise, depth + 1)
        else:
            out.append(f"{indent}**{marker}** (these premises together):")
            for premise in rel.premises:
                line = claim_line(premise, indentation(depth + 2, "  "))
                out.append(f"{indentation(depth + 1, '  ')}- {depth_marker(depth + 1)}{line}")
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
        out.append(f"- {claim_line(root, '  ', wrap='**')}")
        quotes(root, "")
        run_nested(expand(root, 1))
        out.append("")
    for cid in sorted(set(argmap.claims) - set(roots)):
        if cid not in shown:  # below no thesis: on its own, or in a circle of claims that bear on each other
            out.append(f"- {claim_line(cid, '  ')}")
            quotes(cid, "")
            run_nested(expand(cid, 1))
    warnings += not_kept(argmap, KEPT, "the Markdown outline")
    return "\n".join(out).rstrip("\n") + "\n", warnings
