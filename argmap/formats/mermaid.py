"""A Mermaid flowchart of a map, for READMEs and wikis that render Mermaid.

Node ids are generated (``c0``, ``r0``…), never taken from the map, and every
label is a quoted string with Mermaid's entity codes for the characters that
would end it or be read as markup, so no claim text can change the diagram.
A claim's line breaks become ``<br>``, Mermaid's own line break in a label.
"""

from __future__ import annotations

from argmap.formats.losses import not_kept
from argmap.graph import MapGraph
from argmap.model import ArgMap, ClaimKind, RelationType

COLOURS = {
    RelationType.SUPPORT: "#04c93f",
    RelationType.ATTACK: "#c93504",
    RelationType.CONTRARY: "#c93504",
    RelationType.CONTRADICTORY: "#c93504",
}
UNDERCUT = "#8b3fc9"
_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;", "%": "#37;"}
"""``%`` too: Mermaid reads a ``%%{init: …}%%`` directive anywhere in the text, even inside a quoted label."""


LINE_BREAK = "<br>"
"""Mermaid's line break in a label; the only markup argmap writes into one (no claim text can, see ``_ENTITIES``)."""


def label(text: str) -> str:
    """A claim text as a Mermaid label: quoted, with entity codes, its line breaks as ``<br>``."""
    lines = [" ".join(line.split()) for line in text.strip().split("\n")]
    return '"' + LINE_BREAK.join("".join(_ENTITIES.get(ch, ch) for ch in line) for line in lines) + '"'


def write(argmap: ArgMap) -> tuple[str, list[str]]:
    graph = MapGraph(argmap)
    names = {cid: f"c{n}" for n, cid in enumerate(sorted(argmap.claims))}
    targeted = {r.target for r in argmap.relations.values()}
    out = ["flowchart BT"]
    warnings: list[str] = []
    if argmap.title:
        out.insert(0, f"---\ntitle: {label(' '.join(argmap.title.split()))}\n---")
        if "\n" in argmap.title.strip():
            warnings.append("the title's line breaks became spaces: Mermaid's title is one line")
    for cid in sorted(argmap.claims):
        claim = argmap.claims[cid]
        shape = ("[[", "]]") if claim.kind is ClaimKind.THESIS else ("(", ")")
        out.append(f"  {names[cid]}{shape[0]}{label(claim.text)}{shape[1]}")
    junctions: dict[str, str] = {}
    for n, (rid, relation) in enumerate(sorted(argmap.relations.items())):
        if len(relation.premises) > 1 or rid in targeted:
            junctions[rid] = f"r{n}"
            out.append(f"  {junctions[rid]}(( ))")
    edges: list[str] = []
    styles: list[str] = []

    def edge(line: str, colour: str, dashed: bool = False) -> None:
        styles.append(f"  linkStyle {len(edges)} stroke:{colour}" + (",stroke-dasharray:5" if dashed else ""))
        edges.append(line)

    for target in sorted(targeted):
        for rid, relation in graph.children(target):
            undercut = relation.target in argmap.relations
            colour = UNDERCUT if undercut and relation.type.attacks else COLOURS[relation.type]
            word = "undercuts" if undercut and relation.type.attacks else relation.type.verb
            goal = junctions[relation.target] if undercut else names[relation.target]
            arrow = "-.->" if undercut else "-->"
            if rid in junctions:
                for premise in relation.premises:
                    edge(f"  {names[premise]} --- {junctions[rid]}", colour, undercut)
                edge(f"  {junctions[rid]} {arrow}|{word}| {goal}", colour, undercut)
            else:
                edge(f"  {names[relation.premises[0]]} {arrow}|{word}| {goal}", colour, undercut)
    out += edges + styles
    out.append("  classDef thesis font-weight:bold")
    theses = [names[cid] for cid in argmap.theses()]
    if theses:
        out.append(f"  class {','.join(theses)} thesis")
    return "\n".join(out) + "\n", warnings + not_kept(argmap, (), "the Mermaid flowchart")
