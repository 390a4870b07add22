"""SADFace JSON import (Open-Argumentation/SADFace).

Atoms are claims; a scheme node (``support``/``inference`` or ``conflict``/``attack``)
with its incoming and outgoing edges is a relation, all of its incoming atoms
linked premises.  Atom ``sources`` become evidence anchors: when the resource's
text is in the file it is kept as a source and the anchor checked against it,
otherwise the anchor keeps the quote and the offsets the file gives.
"""

from __future__ import annotations

from typing import Any

from argmap.anchor import make_anchor, relocate
from argmap.errors import ArgmapError
from argmap.formats import Conversion
from argmap.formats._build import MapBuilder, one_line, parse_json, text_of
from argmap.formats.losses import named
from argmap.model import Anchor, RelationType, Source

SUPPORT = {"support", "inference", "ra", "default inference"}
ATTACK = {"conflict", "attack", "ca", "default conflict"}


def read(data: str | bytes, origin: str = "<stdin>") -> Conversion:
    raw = parse_json(data, origin, "SADFace JSON")
    if not isinstance(raw, dict) or not isinstance(raw.get("metadata", {}), dict):
        raise ArgmapError("not SADFace: expected an object with metadata, nodes and edges", path=origin)
    b = MapBuilder(origin)
    core = raw.get("metadata", {}).get("core", {})
    if not isinstance(core, dict):
        core = {}
    b.title = one_line(text_of(core.get("title")))
    b.description = text_of(core.get("description")).strip()
    nodes = {text_of(n.get("id")): n for n in _list(raw, "nodes") if text_of(n.get("id"))}
    resources = {text_of(r.get("id")): r for r in _list(raw, "resources") if text_of(r.get("id"))}
    incoming: dict[str, list[str]] = {}
    outgoing: dict[str, list[str]] = {}
    dangling = unlinked = 0
    for edge in _list(raw, "edges"):
        source, target = text_of(edge.get("source_id")), text_of(edge.get("target_id"))
        if source not in nodes or target not in nodes:
            dangling += 1
        elif (_kind(nodes[source]) == "atom") == (_kind(nodes[target]) == "atom"):
            unlinked += 1
        else:
            outgoing.setdefault(source, []).append(target)
            incoming.setdefault(target, []).append(source)
    if dangling:
        b.warn(f"{dangling} edge(s) naming a node the file does not have were left out")
    if unlinked:
        b.warn(
            f"{unlinked} edge(s) not between an atom and a scheme were left out (argmap relates atoms through schemes)"
        )
    ids: dict[str, str] = {}
    for nid, node in nodes.items():
        if _kind(node) == "atom":
            ids[nid] = b.add_claim(text_of(node.get("text")), wanted_id=nid)
    source_ids: dict[str, str] = {}
    for nid, node in nodes.items():
        if nid in ids:
            sources = node.get("sources")
            for source in sources if isinstance(sources, list) else []:
                if isinstance(source, dict):
                    anchor = _anchor(b, nid, source, resources, source_ids)
                    if anchor is not None:
                        b.add_anchor(ids[nid], anchor)
    for nid, node in nodes.items():
        kind = _kind(node)
        if kind == "atom":
            continue
        name = (text_of(node.get("name")) or kind).strip().lower()
        relation_type = (
            RelationType.ATTACK
            if name in ATTACK or kind in ATTACK
            else RelationType.SUPPORT
            if name in SUPPORT or kind in SUPPORT
            else None
        )
        premises = [ids[p] for p in incoming.get(nid, []) if p in ids]
        targets = [ids[t] for t in outgoing.get(nid, []) if t in ids]
        if relation_type is None:
            b.warn(f"scheme {name!r} is neither support nor conflict: read as support")
            relation_type = RelationType.SUPPORT
        if not premises or not targets:
            b.warn(f"scheme {nid!r} has no {'premise' if not premises else 'conclusion'}: left out")
        for target in targets:
            b.add_relation(relation_type, premises, target)
    namespaces = [f"{space}.…" for space in raw.get("metadata", {}) if space != "core"]
    dropped = sorted(k for k in core if k not in {"title", "description", "version"}) + namespaces
    if dropped:
        b.warn(f"metadata not kept: {', '.join(dropped)}")
    if "\n" in text_of(core.get("title")).strip():
        b.warn("the title's line breaks became spaces")
    with_metadata = [nid for nid, node in nodes.items() if node.get("metadata") not in (None, {}, {"core": {}})]
    if with_metadata:
        b.warn(f"metadata of {len(with_metadata)} node(s) not kept ({named(with_metadata)})")
    argmap, warnings, texts = b.finish()
    return Conversion(argmap, warnings, texts)


def _list(raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = raw.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _kind(node: dict[str, Any]) -> str:
    return text_of(node.get("type")).strip().lower()


def _anchor(
    b: MapBuilder, nid: str, source: dict[str, Any], resources: dict[str, Any], source_ids: dict[str, str]
) -> Anchor | None:
    quote = text_of(source.get("text"))
    offset, length = source.get("offset"), source.get("length")
    rid = text_of(source.get("resource_id"))
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        offset = None
    if not isinstance(length, int) or isinstance(length, bool) or length <= 0:
        length = len(quote) if quote else None
    resource = resources.get(rid) or {}
    content = text_of(resource.get("content"))
    if rid and rid not in source_ids:
        title = (
            one_line(
                text_of(
                    (resource.get("metadata") or {}).get("title") if isinstance(resource.get("metadata"), dict) else ""
                )
            )
            or rid
        )
        if content:
            source_ids[rid] = b.add_source(rid, content, title=title)
        else:
            sid = b.new_id(None, rid)
            b.sources[sid] = Source(title=title)
            source_ids[rid] = sid
    sid = source_ids.get(rid) or "sadface"
    if sid == "sadface" and sid not in b.sources:
        b.sources[sid] = Source(title="SADFace resource")
    if content and quote:
        return _anchor_by_text(b, nid, sid, content, quote, offset, length)
    if content and offset is not None and length and offset + length <= len(content):
        return make_anchor(sid, content, offset, offset + length)
    if not quote:
        b.warn(f"atom {nid!r}: a source without text or offsets was not kept")
        return None
    start = offset if offset is not None else 0
    if offset is None:
        b.warn("atom sources without offsets kept with offset 0")
    return Anchor(source=sid, quote=quote, start=start, end=start + len(quote))


def _anchor_by_text(
    b: MapBuilder, nid: str, sid: str, content: str, quote: str, offset: int | None, length: int | None
) -> Anchor | None:
    """The anchor of ``quote`` in the resource: at ``offset`` when it stands there, else its nearest occurrence.

    A source's text is what the analyst saw and copied; an offset is easily off by a
    character or counted in other units.  So the text wins, and a warning names the node.
    """
    if offset is not None and content[offset : offset + len(quote)] == quote:
        if length != len(quote):
            b.warn(f"atom {nid!r}: its source's length {length} disagrees with its text {quote!r}: the text wins")
        return make_anchor(sid, content, offset, offset + len(quote))
    guess = offset or 0
    found = relocate(Anchor(source=sid, quote=quote, start=guess, end=guess + len(quote)), content)
    if offset is None:
        said = "has no offset"
    else:
        said = f"is not at offset {offset}, where the resource has {content[offset : offset + (length or 1)]!r}"
    if found is None:
        b.warn(f"atom {nid!r}: its source text {quote!r} is not in the resource: kept without an anchor")
        return None
    b.warn(f"atom {nid!r}: its source text {quote!r} {said}: anchored where the text stands, at {found.start}")
    return found
