"""AIF JSON: AIFdb nodesets and OVA3's xAIF, both ways.

I-nodes are claims; an RA node is a support relation (all its incoming I-nodes
are linked premises), a CA node an attack; an RA or CA pointing at another RA
or CA is a relation on a relation (a CA onto an RA is an undercut).  Locutions
(L-nodes, anchored to I-nodes through YA nodes) give speakers and evidence: xAIF's
HTML spans become anchors with offsets into the plain text, which is kept as a
source; AIFdb locutions without offsets become anchors into a transcript built
from the locutions.  See docs/formats.md for the details and what is lost.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html import escape
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Any

from pydantic import ValidationError

from argmap.anchor import make_anchor
from argmap.errors import ArgmapError
from argmap.formats import Conversion
from argmap.formats._build import MapBuilder, one_line, parse_json, text_of
from argmap.formats.json_text import json_text
from argmap.formats.losses import kept_aside, not_kept
from argmap.formats.xaif_layout import ova_section
from argmap.graph import MapGraph
from argmap.ids import slugify
from argmap.model import (
    Anchor,
    ArgMap,
    Claim,
    Illocution,
    Locution,
    Relation,
    RelationType,
    Rephrase,
    Source,
    Speaker,
    Transition,
)
from argmap.schemes import aif_title, all_schemes, scheme_for_aif_name

SCHEME_TYPES = {"RA": RelationType.SUPPORT, "CA": RelationType.ATTACK}
IN_OWN_FIELDS = (
    "display titles",
    "earlier wordings",
    "basis kinds",
    "tags",
    "claim notes",
    "relation notes",
    "translations",
    "implicit marks",
    "base scores",
    "weights",
    "answers to critical questions",
    "description",
    "sources",
    "speakers",
)
"""Parts of a map AIF has no place for, which the export keeps in argmap's own ``argmap`` fields of nodes and file."""
IN_AIF = ("evidence", "schemes", "locutions", "transitions", "rephrases")
"""Parts of a map AIF writes in its own terms (evidence as locutions anchored in the text)."""
DEFAULT_TEXT = {
    RelationType.SUPPORT: "Default Inference",
    RelationType.ATTACK: "Default Conflict",
    RelationType.CONTRARY: "Default Conflict",
    RelationType.CONTRADICTORY: "Default Conflict",
}
_SPEAKER = re.compile(r"^\s*([^:\n]{1,80}?)\s*:\s*(.*)$", re.S)


# Reading ------------------------------------------------------------------------------------


def read(data: str | bytes, origin: str = "<stdin>") -> Conversion:
    """An AIFdb nodeset or an xAIF document as a map."""
    raw = parse_json(data, origin, "AIF JSON")
    html = ""
    if isinstance(raw, dict) and isinstance(raw.get("AIF"), dict):
        text = raw.get("text")
        if isinstance(text, dict):
            text = text.get("txt")
        html = text if isinstance(text, str) else ""
        raw = raw["AIF"]
    if not isinstance(raw, dict) or not isinstance(raw.get("nodes"), list):
        raise ArgmapError('not AIF JSON: there is no "nodes" list', path=origin, fix="is this an AIFdb or OVA file?")
    return _Reader(raw, html, origin).convert()


def _id(value: Any) -> str | None:
    """Node ids are strings in AIFdb and integers in some OVA files: one form for both."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | str):
        return str(value).strip() or None
    return None


def _records(raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = raw.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


class _Reader:
    def __init__(self, raw: dict[str, Any], html: str, origin: str) -> None:
        self.origin = origin
        self.builder = MapBuilder(origin)
        self.builder.title = PurePath(origin).name.split(".")[0] if origin not in ("-", "<stdin>") else ""
        self.nodes: dict[str, dict[str, Any]] = {}
        for node in _records(raw, "nodes"):
            nid = _id(node.get("nodeID"))
            if nid is not None and nid not in self.nodes:
                self.nodes[nid] = node
        self.types = {nid: text_of(node.get("type")).strip().upper() for nid, node in self.nodes.items()}
        self.outgoing: defaultdict[str, list[str]] = defaultdict(list)
        self.incoming: defaultdict[str, list[str]] = defaultdict(list)
        for edge in _records(raw, "edges"):
            source, target = _id(edge.get("fromID")), _id(edge.get("toID"))
            if source in self.nodes and target in self.nodes and target not in self.outgoing[source]:
                self.outgoing[source].append(target)
                self.incoming[target].append(source)
        self.locutions = {_id(loc.get("nodeID")): loc for loc in _records(raw, "locutions")}
        self.html = html
        self.ids: dict[str, str] = {}
        extension = raw.get("argmap")
        self.extension: dict[str, Any] = extension if isinstance(extension, dict) else {}
        self.people = {_id(p.get("participantID")): self.person(p) for p in _records(raw, "participants")}

    def person(self, participant: dict[str, Any]) -> str:
        """A participant's name; argmap's own export writes the speaker's exact name as the first name."""
        first, last = text_of(participant.get("firstname")), text_of(participant.get("surname"))
        return first if self.extension and not last else one_line(f"{first} {last}")

    def type_of(self, nid: str) -> str:
        return self.types[nid]

    def restore_map_fields(self) -> None:
        """What argmap's own export keeps in its ``argmap`` fields: title, sources, speakers."""
        extra = self.extension
        b = self.builder
        for key in ("title", "language", "description"):
            if isinstance(extra.get(key), str):
                setattr(b, key, extra[key])
        for table, model in (("sources", Source), ("speakers", Speaker)):
            records = extra.get(table)
            for rid, record in records.items() if isinstance(records, dict) else []:
                try:
                    getattr(b, table)[rid] = model.model_validate(record)
                except ValidationError:
                    b.warn(f"argmap {table[:-1]} {rid!r} in the file is not valid and was not kept")
        try:
            ArgMap.model_validate({"argmap": 1, "sources": b.sources, "speakers": b.speakers})
        except ValidationError:
            b.sources, b.speakers = {}, {}
            b.warn("argmap sources and speakers in the file have invalid ids and were not kept")

    def restore(self, nid: str, record: dict[str, Any], model: type[Claim] | type[Relation]) -> dict[str, Any]:
        """Fields of a claim or relation that argmap's export kept in the node's ``argmap`` field."""
        extra = self.nodes[nid].get("argmap")
        if not isinstance(extra, dict):
            return {}
        try:
            model.model_validate({**record, **extra})
        except (ValidationError, TypeError):
            self.builder.warn(f"argmap fields of node {nid!r} are not valid and were not kept")
            return {}
        return {k: v for k, v in extra.items() if k not in record}

    def convert(self) -> Conversion:
        b = self.builder
        if self.extension:
            b.trust_ids = True
            self.restore_map_fields()
        for nid in self.nodes:
            if self.type_of(nid) == "I":
                text = text_of(self.nodes[nid].get("text"))
                fields = self.restore(nid, {"text": text or "(no text)"}, Claim)
                self.ids[nid] = b.add_claim(text, wanted_id=nid, exact=bool(self.extension), **fields)
        schemes = [nid for nid in self.nodes if self.type_of(nid) in SCHEME_TYPES]
        for nid in schemes:
            premises = [self.ids[p] for p in self.incoming[nid] if self.type_of(p) == "I"]
            self.ids[nid] = b.reserve(nid, f"r {premises[0] if premises else nid}")
        for nid in schemes:
            self.add_relation(nid)
        self.reserve_dialogue()
        self.rephrases()
        anchors = self.locutions_to_evidence()
        self.dialogue(anchors)
        counts: defaultdict[str, int] = defaultdict(int)
        for nid in self.nodes:
            counts[self.type_of(nid)] += 1
        if counts["PA"]:
            b.warn(f"{counts['PA']} preference (PA) node(s) not kept: argmap has no preferences")
        unknown = sorted(t for t in counts if t not in {"I", "RA", "CA", "MA", "PA", "TA", "L", "YA"})
        if unknown:
            b.warn(f"node types not kept: {', '.join(unknown) or 'without a type'}")
        argmap, warnings, texts = b.finish(theses=not self.extension)
        return Conversion(argmap, warnings, texts)

    def add_relation(self, nid: str) -> None:
        b = self.builder
        kind = SCHEME_TYPES[self.type_of(nid)]
        premises = [self.ids[p] for p in self.incoming[nid] if self.type_of(p) == "I"]
        targets = [t for t in self.outgoing[nid] if t in self.ids]
        if not premises or not targets:
            b.warn(f"{self.type_of(nid)} node(s) without a premise or a conclusion were left out")
            return
        node = self.nodes[nid]
        scheme = one_line(text_of(node.get("scheme"))) or one_line(text_of(node.get("text")))
        if scheme.startswith("Default ") or scheme in {"RA", "CA"}:
            scheme = ""
        extra: dict[str, Any] = {"scheme": _scheme_id(scheme)} if scheme else {}
        own = node.get("argmap") if self.extension else None
        if isinstance(own, dict) and isinstance(own.get("scheme"), str):
            extra["scheme"] = own["scheme"]
        record = {"type": kind, "premises": premises, "target": self.ids[targets[0]], **extra}
        own = self.restore(nid, record, Relation)
        b.add_relation(kind, premises, self.ids[targets[0]], relation_id=self.ids[nid], **extra, **own)
        for other in targets[1:]:
            b.add_relation(kind, premises, self.ids[other], **extra)

    def is_own_evidence(self, nid: str) -> bool:
        """An L or YA node argmap's export wrote for a claim's evidence anchor, not for a locution of the map."""
        return bool(self.extension) and re.fullmatch(r"(L|YA):[0-9]+", nid) is not None

    def reserve_dialogue(self) -> None:
        """Ids for locutions, transitions and rephrases: the file's own in argmap's exports, else ``l-01``, ``ta-1``…"""
        for node_type, prefix in (("L", "l"), ("TA", "ta"), ("MA", "ma")):
            found = [nid for nid in self.nodes if self.type_of(nid) == node_type and not self.is_own_evidence(nid)]
            width = len(str(len(found)))
            for n, nid in enumerate(found, start=1):
                wanted = nid if self.extension else f"{prefix}-{n:0{width}d}"
                self.ids[nid] = self.builder.reserve(wanted, wanted)

    def rephrases(self) -> None:
        """MA nodes: a claim restating others."""
        b = self.builder
        for nid in self.nodes:
            if self.type_of(nid) != "MA":
                continue
            premises = [self.ids[s] for s in self.incoming[nid] if self.type_of(s) == "I"]
            targets = [self.ids[t] for t in self.outgoing[nid] if self.type_of(t) == "I"]
            if not premises or not targets:
                b.warn("rephrase (MA) node(s) without a claim on each side were left out")
                continue
            if len(targets) > 1:
                b.warn("rephrase (MA) node(s) with several restating claims were kept with the first")
            kind = one_line(text_of(self.nodes[nid].get("text"))) or "Default Rephrase"
            b.rephrases[self.ids[nid]] = Rephrase(kind=kind, premises=tuple(dict.fromkeys(premises)), target=targets[0])

    def dialogue(self, anchors: dict[str, Anchor]) -> None:
        """Locutions with their illocutions (YA nodes) and transitions (TA nodes), as the file has them."""
        b = self.builder
        acts: defaultdict[str, list[Illocution]] = defaultdict(list)
        for nid in self.nodes:
            if self.type_of(nid) == "YA" and not self.is_own_evidence(nid):
                self.illocution(nid, acts)
        for nid in self.nodes:
            kind = self.type_of(nid)
            if kind == "TA":
                b.transitions[self.ids[nid]] = Transition(
                    kind=one_line(text_of(self.nodes[nid].get("text"))) or "Default Transition",
                    follows=tuple(self.ids[s] for s in self.incoming[nid] if self.type_of(s) == "L"),
                    to=tuple(self.ids[s] for s in self.outgoing[nid] if self.type_of(s) == "L"),
                    illocutions=tuple(acts[nid]),
                )
            elif kind == "L" and not self.is_own_evidence(nid):
                b.locutions[self.ids[nid]] = self.locution(nid, anchors.get(nid), tuple(acts[nid]))

    def illocution(self, nid: str, acts: defaultdict[str, list[Illocution]]) -> None:
        """A YA node as an illocution of the locution or transition it comes from (drawn either way round)."""
        before, after = self.incoming[nid], self.outgoing[nid]
        if not any(self.type_of(s) in ("L", "TA") for s in before):
            before, after = after, before
        sources = [s for s in before if self.type_of(s) in ("L", "TA") and s in self.ids]
        if not sources:
            self.builder.warn("illocution (YA) node(s) with no locution or transition were left out")
            return
        if len(sources) > 1:
            self.builder.warn("illocution (YA) node(s) of several locutions were kept with the first")
        targets = tuple(self.ids[t] for t in after if t in self.ids)
        kind = one_line(text_of(self.nodes[nid].get("text"))) or "Asserting"
        acts[sources[0]].append(Illocution(kind=kind, targets=targets))

    def locution(self, nid: str, anchor: Anchor | None, acts: tuple[Illocution, ...]) -> Locution:
        node = self.nodes[nid]
        text = text_of(node.get("text"))
        own = node.get("argmap")
        if self.extension and isinstance(own, dict):
            try:
                return Locution.model_validate({**own, "text": text, "illocutions": acts})
            except ValidationError:
                self.builder.warn(f"argmap fields of node {nid!r} are not valid and were not kept")
        speaker, _ = self.speaker_and_quote(nid)
        entry = self.locutions.get(nid) or {}
        timestamp = text_of(node.get("timestamp")) or text_of(entry.get("timestamp"))
        return Locution(text=text, speaker=speaker, timestamp=timestamp, anchor=anchor, illocutions=acts)

    def speaker_and_quote(self, lid: str) -> tuple[str | None, str]:
        """Who said it and what: from the participant list, else from ``Name: text`` in the L-node."""
        text = text_of(self.nodes[lid].get("text"))
        locution = self.locutions.get(lid) or {}
        person = _id(locution.get("personID"))
        name = self.people.get(person) if person is not None else None
        if self.extension:  # argmap's own export: "Name: quote" exactly, or the bare quote
            said = text[len(name) + 2 :] if name and text.startswith(f"{name}: ") else text
            own = next((sid for sid, speaker in self.builder.speakers.items() if speaker.name == name), None)
            return own or (self.builder.add_speaker(name) if name else None), said
        match = _SPEAKER.match(text)
        said = text
        if match and (name is None or match.group(1) == name):
            name, said = match.group(1), match.group(2)
        elif match and name and match.group(2).startswith(name):  # "Analyst: Speaker : text"
            said = match.group(2)[len(name) :].lstrip(" :")
        if name is None and person is not None:
            name = f"person {person}"
        speaker = self.builder.add_speaker(name) if name else None
        return speaker, said.strip()

    def anchored_claims(self, lid: str) -> list[str]:
        """The claims an L-node asserts: L → YA → I."""
        found: list[str] = []
        for ya in self.outgoing[lid]:
            if self.type_of(ya) == "YA":
                found.extend(self.ids[i] for i in self.outgoing[ya] if self.type_of(i) == "I")
        for ya in self.incoming[lid]:  # some files draw the YA edge the other way round
            if self.type_of(ya) == "YA":
                found.extend(self.ids[i] for i in self.incoming[ya] if self.type_of(i) == "I")
        return list(dict.fromkeys(found))

    def locutions_to_evidence(self) -> dict[str, Anchor]:
        """Each L node that asserts claims gives them an evidence anchor; returns the anchor of each."""
        b = self.builder
        speaking = [lid for lid in self.nodes if self.type_of(lid) == "L" and self.anchored_claims(lid)]
        found: dict[str, Anchor] = {}
        if not speaking:
            return found
        spans = _Spans.parse(self.html) if self.html else None
        plain = spans.text if spans is not None else ""
        by_offsets = {lid for lid in speaking if self.offsets(lid) is not None}
        transcript: list[tuple[str, str | None, str]] = []
        source_id = None
        if plain:
            own = self.extension.get("text_source")
            if isinstance(own, str) and own in b.sources:
                source_id = own
                b.texts[own] = plain
            else:
                source_id = b.add_source("text", plain, title="OVA text")
        for lid in speaking:
            speaker, quote = self.speaker_and_quote(lid)
            claims = self.anchored_claims(lid)
            span = spans.spans.get(lid) if spans is not None else None
            if span is not None and source_id is not None and span[0] < span[1]:
                anchor = make_anchor(source_id, plain, span[0], span[1], speaker)
            elif lid in by_offsets:
                anchor = self.offset_anchor(lid, quote, speaker)
            else:
                transcript.append((lid, speaker, quote))
                continue
            found[lid] = anchor
            if self.is_own_evidence(lid) or not self.extension:  # argmap's claims carry their own evidence
                for claim in claims:
                    b.add_anchor(claim, anchor)
        if transcript:
            found |= self.transcript_evidence(transcript)
        return found

    def offsets(self, lid: str) -> tuple[int, int, str] | None:
        """Code-point offsets that argmap's own export writes into a locution."""
        loc = self.locutions.get(lid) or {}
        start, end, source = loc.get("start"), loc.get("end"), loc.get("source")
        if type(start) is not int or type(end) is not int or not isinstance(source, str):
            return None  # bool is an int too: only a true int is an offset
        if not 0 <= start < end or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,199}", source):
            return None
        return start, end, source

    def offset_anchor(self, lid: str, quote: str, speaker: str | None) -> Anchor:
        start, end, source = self.offsets(lid) or (0, 1, "text")
        if source not in self.builder.sources:
            self.builder.sources[source] = Source(title=source)
            self.builder.warn("sources named by locutions were recreated by id only (AIF keeps no source details)")
        if len(quote) != end - start:
            end = start + max(1, len(quote))
        context = (self.locutions.get(lid) or {}).get("argmap")
        context = context if isinstance(context, dict) else {}
        prefix, suffix = text_of(context.get("prefix")), text_of(context.get("suffix"))
        return Anchor(
            source=source, quote=quote or "?", prefix=prefix, suffix=suffix, start=start, end=end, speaker=speaker
        )

    def transcript_evidence(self, said: list[tuple[str, str | None, str]]) -> dict[str, Anchor]:
        """Locutions without offsets: a transcript of who said what, anchors into it."""
        b = self.builder
        lines: list[str] = []
        places: list[tuple[str, int, int, str | None]] = []
        at = 0
        for lid, speaker, quote in said:
            quote = quote or "…"
            prefix = f"{b.speakers[speaker].name}: " if speaker else ""
            lines.append(prefix + quote)
            start = at + len(prefix)
            places.append((lid, start, start + len(quote), speaker))
            at += len(prefix) + len(quote) + 1
        text = "\n".join(lines) + "\n"
        source_id = b.add_source("transcript", text, title="Transcript of the locutions")
        found = {}
        for lid, start, end, speaker in places:
            anchor = found[lid] = make_anchor(source_id, text, start, end, speaker)
            for claim in self.anchored_claims(lid):
                b.add_anchor(claim, anchor)
        b.warn("locutions had no text offsets: their words are kept as a transcript source")
        return found


def _scheme_id(name: str) -> str:
    """The argmap scheme an AIF name means (``Expert Opinion``, ``Argument From Expert Opinion``: ``expert-opinion``);
    a scheme argmap lacks keeps its name as a slug (``Position To Know``: ``position-to-know``)."""
    known = scheme_for_aif_name(name)
    if known is not None:
        return known
    words = re.sub(r"(?i)^(argument|inference)\s+(from|by)\s+", "", name)
    return slugify(words, 8)


def _scheme_names(scheme_id: str) -> tuple[str, str]:
    """The node text and the ``scheme`` AIF tools read for a scheme id: Walton's title and AIFdb's name for
    the schemes argmap knows, the id's words in AIFdb's capitalisation (``Position To Know``) for others."""
    scheme = all_schemes().get(scheme_id)
    if scheme is not None:
        return aif_title(scheme), scheme.aif
    name = " ".join(word.capitalize() for word in scheme_id.split("-"))
    return name, name


class _Spans(HTMLParser):
    """OVA's HTML text: the plain text, and where each ``<span id="node…">`` stands in it."""

    BREAKS = frozenset({"br", "p", "div", "li", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.open: list[tuple[str | None, int]] = []
        self.spans: dict[str, tuple[int, int]] = {}

    @classmethod
    def parse(cls, html: str) -> _Spans:
        spans = cls()
        spans.feed(html)
        spans.close()
        return spans

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BREAKS and self.length:
            self.add("\n")
        if tag == "span":
            ident = dict(attrs).get("id") or ""
            self.open.append((ident[4:] if ident.startswith("node") else None, self.length))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.open:
            node, start = self.open.pop()
            if node and node not in self.spans:
                self.spans[node] = (start, self.length)

    def handle_data(self, data: str) -> None:
        self.add(data)


# Writing ------------------------------------------------------------------------------------


def write(argmap: ArgMap) -> tuple[str, list[str]]:
    """The map as an AIFdb nodeset (``nodes``, ``edges``, ``locutions``, ``participants``)."""
    document, warnings = _nodeset(argmap, html_texts=None)
    return json_text(document, indent=True, source=argmap), warnings


def write_xaif(argmap: ArgMap, texts: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """The map as OVA3 xAIF; with the text of its source, locutions become highlighted spans."""
    nodeset, warnings = _nodeset(argmap, html_texts=texts or {})
    html = nodeset.pop("text", "")
    layout, more = ova_section(nodeset["nodes"], nodeset["edges"])
    document = {
        "AIF": {**nodeset, "schemefulfillments": [], "descriptorfulfillments": []},
        "text": html,
        "OVA": {"firstname": "", "surname": "", "url": "", **layout},
    }
    warnings += more
    return json_text(document, indent=False, source=argmap), warnings  # compact, as OVA writes it


def _nodeset(argmap: ArgMap, html_texts: dict[str, str] | None) -> tuple[dict[str, Any], list[str]]:
    graph = MapGraph(argmap)
    warnings = _losses(argmap)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": f"E:{len(edges) + 1}", "fromID": source, "toID": target, "formEdgeID": None})

    spoken = {(target, said.anchor) for said in argmap.locutions.values() for target in _asserted(said)}
    for cid, claim in sorted(argmap.claims.items()):
        nodes.append({"nodeID": cid, "text": claim.text, "type": "I"})
        # A claim whose evidence a locution carries keeps its own list, so the order of its anchors survives.
        carried = any((cid, anchor) in spoken for anchor in claim.evidence)
        own = claim.model_dump(
            mode="json", exclude_defaults=True, exclude={"text"} if carried else {"text", "evidence"}
        )
        if own:
            nodes[-1]["argmap"] = own
    for rid, relation in _relations_in_order(graph):
        title, scheme_name = _scheme_names(relation.scheme) if relation.scheme else (DEFAULT_TEXT[relation.type],) * 2
        node: dict[str, Any] = {
            "nodeID": rid,
            "text": title,
            "type": "RA" if relation.type is RelationType.SUPPORT else "CA",
            "scheme": scheme_name,
        }
        node["argmap"] = relation.model_dump(
            mode="json", exclude_defaults=True, exclude={"type", "premises", "target", "scheme"}
        ) | {"rank": relation.rank}
        if relation.scheme and _scheme_id(scheme_name) != relation.scheme:
            node["argmap"]["scheme"] = relation.scheme  # an id no AIF name leads back to
        nodes.append(node)
        for premise in relation.premises:
            edge(premise, rid)
        edge(rid, relation.target)
    for mid, rephrase in sorted(argmap.rephrases.items()):
        nodes.append({"nodeID": mid, "text": rephrase.kind, "type": "MA", "scheme": rephrase.kind})
        for premise in rephrase.premises:
            edge(premise, mid)
        edge(mid, rephrase.target)
    people = {sid: str(n) for n, sid in enumerate(sorted(argmap.speakers), start=1)}
    participants = [
        {"participantID": n, "firstname": argmap.speakers[sid].name, "surname": ""} for sid, n in people.items()
    ]
    locutions: list[dict[str, Any]] = []
    html_source = _html_source(argmap, html_texts, warnings)
    spans: list[tuple[int, int, str]] = []

    def locution_entry(lid: str, speaker: str | None, anchor: Anchor | None, timestamp: str = "") -> None:
        entry: dict[str, Any] = {"nodeID": lid, "personID": people.get(speaker or "")}
        if timestamp:
            entry["timestamp"] = timestamp
        if anchor is not None:
            entry.update({"start": anchor.start, "end": anchor.end, "source": anchor.source})
            if anchor.prefix or anchor.suffix:
                entry["argmap"] = {"prefix": anchor.prefix, "suffix": anchor.suffix}
            if html_source is not None and anchor.source == html_source[0]:
                spans.append((anchor.start, anchor.end, lid))
        locutions.append(entry)

    def illocutions(owner: str, acts: tuple[Illocution, ...]) -> None:
        for n, act in enumerate(acts, start=1):
            yid = f"YA:{owner}:{n}"
            nodes.append({"nodeID": yid, "text": act.kind, "type": "YA", "scheme": act.kind})
            edge(owner, yid)
            for target in act.targets:
                edge(yid, target)

    for lid, said in sorted(argmap.locutions.items()):
        node = {"nodeID": lid, "text": said.text, "type": "L"}
        if said.timestamp:
            node["timestamp"] = said.timestamp
        nodes.append(
            node | {"argmap": said.model_dump(mode="json", exclude_defaults=True, exclude={"text", "illocutions"})}
        )
        illocutions(lid, said.illocutions)
        locution_entry(lid, said.speaker, said.anchor, said.timestamp)
    for tid, transition in sorted(argmap.transitions.items()):
        nodes.append({"nodeID": tid, "text": transition.kind, "type": "TA", "scheme": transition.kind})
        for lid in transition.follows:
            edge(lid, tid)
        for lid in transition.to:
            edge(tid, lid)
        illocutions(tid, transition.illocutions)
    for cid, claim in sorted(argmap.claims.items()):
        for anchor in claim.evidence:
            if (cid, anchor) in spoken:
                continue  # the locution that says it stands in the file already
            lid, yid = f"L:{len(locutions) + 1}", f"YA:{len(locutions) + 1}"
            speaker = argmap.speakers.get(anchor.speaker) if anchor.speaker else None
            text = f"{speaker.name}: {anchor.quote}" if speaker else anchor.quote
            nodes.append({"nodeID": lid, "text": text, "type": "L"})
            nodes.append({"nodeID": yid, "text": "Asserting", "type": "YA"})
            edge(lid, yid)
            edge(yid, cid)
            locution_entry(lid, anchor.speaker, anchor)
    document: dict[str, Any] = {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants}
    document["argmap"] = argmap.model_dump(
        mode="json", exclude_defaults=True, include={"title", "language", "description", "sources", "speakers"}
    ) | {"format": argmap.argmap}
    if html_source is not None:
        document["text"] = _html(html_source[1], spans, warnings)
        document["argmap"]["text_source"] = html_source[0]
    return document, warnings


def _asserted(locution: Locution) -> list[str]:
    """The ids a locution with a place in a text bears on: its anchor is their evidence too."""
    if locution.anchor is None:
        return []
    return [target for act in locution.illocutions for target in act.targets]


def _relations_in_order(graph: MapGraph) -> list[tuple[str, Any]]:
    """Relations target by target in sibling order, so an import gives them back their order."""
    ordered: list[tuple[str, Any]] = []
    for target in sorted({r.target for r in graph.map.relations.values()}):
        ordered.extend(graph.children(target))
    return ordered


def _html_source(argmap: ArgMap, texts: dict[str, str] | None, warnings: list[str]) -> tuple[str, str] | None:
    if texts is None:
        return None
    used = sorted({a.source for c in argmap.claims.values() for a in c.evidence})
    usable = [sid for sid in used if sid in texts]
    if not usable:
        if used:
            warnings.append("the source text was not available: xAIF carries no highlighted text")
        return None
    if len(usable) > 1 or len(used) > 1:
        warnings.append(f"xAIF holds one text: only source {usable[0]!r} is highlighted")
    return usable[0], texts[usable[0]]


def _html(text: str, spans: list[tuple[int, int, str]], warnings: list[str]) -> str:
    """The text as OVA HTML: escaped, newlines as <br>, each locution's passage in its span."""
    out: list[str] = []
    at = 0
    skipped = 0
    for start, end, lid in sorted(spans):
        if start < at or end > len(text) or "\n" in text[start:end]:
            skipped += 1
            continue
        out.append(_escape(text[at:start]))
        out.append(f'<span id="node{lid}" class="highlighted">{_escape(text[start:end])}</span>')
        at = end
    out.append(_escape(text[at:]))
    if skipped:
        warnings.append(f"{skipped} overlapping or multi-line passage(s) not highlighted (OVA cannot show them)")
    return "".join(out)


def _escape(text: str) -> str:
    return escape(text, quote=False).replace("\n", "<br>")


def _losses(argmap: ArgMap) -> list[str]:
    """What other AIF tools will not see (argmap keeps it in its own ``argmap`` fields), and what is lost."""
    warnings = kept_aside(argmap, IN_OWN_FIELDS, "argmap's own 'argmap' fields, which other AIF tools ignore")
    return warnings + not_kept(argmap, (*IN_OWN_FIELDS, *IN_AIF), "AIF")
