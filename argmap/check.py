"""Validation and lint: what is broken in a map (errors), suspicious (warnings), or missing (hints).

Every finding names the record it is about, so the CLI can print it, the TUI
can jump to it, and ``--format json`` can feed other tools.  Errors and warnings
make ``argmap check`` exit 1; hints do not.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Literal, NamedTuple

from argmap import anchor as anchors
from argmap import ops
from argmap.compact import CompactMap, MapView
from argmap.dialogue import dangling
from argmap.errors import ArgmapError
from argmap.finding_codes import FindingCode
from argmap.graph import DIALOGUE_TABLES, Change, Edit, MapGraph, strongly_connected
from argmap.heap import gc_paused
from argmap.model import ArgMap, ClaimKind, RelationType
from argmap.schemes import open_questions, unknown_schemes
from argmap.sources import SourceRefused, read_source_text
from argmap.store import DuplicateKey

Severity = Literal["error", "warning", "hint"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "hint")


class Finding(NamedTuple):
    """One thing ``check`` noticed; ``subject`` is the claim, relation or source id it concerns.

    A named tuple, not a frozen dataclass: a frozen dataclass sets each field through
    ``object.__setattr__``, which doubled the cost of 100,000 hints.
    """

    severity: Severity
    code: FindingCode
    message: str
    subject: str | None = None
    fix: str | None = None
    conflict: str | None = None
    """For a ``merge-conflict`` finding, the conflict's id (what ``argmap resolve`` and the editor settle)."""

    def as_dict(self) -> dict[str, str | None]:
        """The finding as a JSON report writes it: ``conflict`` only on a merge-conflict finding."""
        fields = self._asdict()
        if self.conflict is None:
            del fields["conflict"]
        return fields


HINT_GROUPS: dict[FindingCode, str] = {
    FindingCode.NO_EVIDENCE: "claims are not anchored to a passage",
    FindingCode.OPEN_QUESTION: "critical questions are not answered",
}
"""How a group of hints of one code is summed up: "1,234 claims are not anchored to a passage"."""


def hint_summary(code: FindingCode, count: int) -> str:
    """One line for ``count`` hints of ``code``, for a report that does not list them one by one."""
    return f"{count:,} {HINT_GROUPS.get(code, f'{code} hints')}"


def check_map(
    argmap: ArgMap | CompactMap,
    map_path: str | os.PathLike[str] | None = None,
    duplicates: Iterable[DuplicateKey] = (),
) -> list[Finding]:
    """Every finding for a map, errors first; source texts are read relative to ``map_path``.

    A :class:`~argmap.compact.CompactMap` (of data with no conflicts) gives what its full map would.
    """
    with gc_paused():
        scan = _scan_relations(argmap)
        findings = [
            *(_conflict_findings(argmap) if isinstance(argmap, ArgMap) else ()),
            *_duplicate_findings(argmap, duplicates),
            *_reference_findings(argmap, scan.unusual),
            *(_argument_findings(argmap) if isinstance(argmap, ArgMap) else ()),
            *_structure_findings(argmap, scan),
            *_evidence_findings(argmap, map_path),
            *_scheme_findings(argmap if isinstance(argmap, ArgMap) else argmap.schemed),
        ]
    order = {severity: n for n, severity in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: order[f.severity])
    return findings


def shape_findings(argmap: MapView) -> set[Finding]:
    """Every error and warning about the map's shape alone: dangling and duplicate ids,
    circular support, claims cut off from the thesis, no thesis.

    Two versions of a map compare by it, so a merge or a resolve can tell whether it
    broke something neither version had broken; it reads no source text.
    """
    with gc_paused():
        scan = _scan_relations(argmap)
        found = (
            *_duplicate_findings(argmap, ()),
            *_reference_findings(argmap, scan.unusual),
            *(_argument_findings(argmap) if isinstance(argmap, ArgMap) else ()),
            *_structure_findings(argmap, scan),
        )
        return {finding for finding in found if finding.severity != "hint"}


def support_cycles(argmap: MapView) -> list[list[str]]:
    """The groups of claims that support each other in a circle (each group sorted)."""
    return _support_cycles(_scan_relations(argmap).supported_by)


def fix_anchors(graph: MapGraph, map_path: str | os.PathLike[str]) -> Edit:
    """The edit that re-anchors every quote that moved and records changed source hashes.

    A source's new hash is recorded only when all its quotes are found again, so a
    text that lost a quoted passage keeps reporting it.
    """
    argmap = graph.map
    texts = _source_texts(argmap, map_path)
    changes: list[Change] = []
    lost: set[str] = set()
    for claim_id, claim in argmap.claims.items():
        evidence = list(claim.evidence)
        for index, anchor in enumerate(claim.evidence):
            loaded = texts.get(anchor.source)
            if not isinstance(loaded, tuple) or anchors.matches(anchor, loaded[0]):
                continue
            moved = anchors.relocate(anchor, loaded[0])
            if moved is None:
                lost.add(anchor.source)
            else:
                evidence[index] = moved
        if tuple(evidence) != claim.evidence:
            changes.extend(ops.update_claim(graph, claim_id, "re-anchor", evidence=tuple(evidence)).changes)
    for source_id, source in argmap.sources.items():
        loaded = texts.get(source_id)
        if isinstance(loaded, tuple) and loaded[1] != source.sha256 and source_id not in lost:
            changes.extend(ops.update_source(graph, source_id, sha256=loaded[1]).changes)
    return Edit("re-anchor moved quotes", tuple(changes))


def _conflict_findings(argmap: ArgMap) -> Iterator[Finding]:
    """Unresolved merge conflicts (argmap merge records them in the map) are errors until settled."""
    if not argmap.conflicts:
        return
    from argmap.merge import conflict_findings  # the merge's code, imported only for a map that holds conflicts

    for subject, conflict, message in conflict_findings(argmap):
        fix = f"argmap resolve MAP {conflict} --ours|--theirs|--value JSON"
        yield Finding("error", FindingCode.MERGE_CONFLICT, message, subject, fix, conflict)


def _scheme_findings(argmap: ArgMap) -> Iterator[Finding]:
    """A relation that names a scheme invites its critical questions; an unanswered one is a hint."""
    for rid, scheme_id in unknown_schemes(argmap):
        yield Finding(
            "warning",
            FindingCode.UNKNOWN_SCHEME,
            f"relation {rid!r} names the unknown scheme {scheme_id!r}",
            rid,
            "argmap schemes lists the known ones",
        )
    for rid, scheme_id, question in open_questions(argmap):
        yield Finding(
            "hint",
            FindingCode.OPEN_QUESTION,
            f"{rid} ({scheme_id}): {question.text}",
            rid,
            f"argmap answer MAP {rid} {question.id} TEXT, or --objection to turn it into an objection",
        )


def _duplicate_findings(argmap: MapView, duplicates: Iterable[DuplicateKey]) -> Iterator[Finding]:
    for dup in duplicates:
        lines = ", ".join(map(str, dup.lines))
        yield Finding(
            "error",
            FindingCode.DUPLICATE_ID,
            f"{dup.key!r} stands twice in {dup.path} (lines {lines}); JSON readers keep only the last",
            dup.key,
            "rename or remove one of them",
        )
    for ident in sorted(argmap.claims.keys() & argmap.relations.keys()):
        yield Finding(
            "error",
            FindingCode.DUPLICATE_ID,
            f"{ident!r} is both a claim and a relation",
            ident,
            "rename one: claims and relations share one namespace",
        )
    if isinstance(argmap, ArgMap) and any(getattr(argmap, table) for table in DIALOGUE_TABLES):
        yield from _dialogue_duplicates(argmap)


def _dialogue_duplicates(argmap: ArgMap) -> Iterator[Finding]:
    """Ids the dialogue layer shares with a claim, a relation or another dialogue table (one namespace)."""
    tables = ("claims", "relations", *DIALOGUE_TABLES)
    seen: dict[str, str] = {}
    for table in tables:
        for ident in getattr(argmap, table):
            first = seen.setdefault(ident, table)
            if first != table and table in DIALOGUE_TABLES:
                yield Finding(
                    "error",
                    FindingCode.DUPLICATE_ID,
                    f"{ident!r} is in both {first} and {table}",
                    ident,
                    "rename one: claims, relations and the dialogue layer share one namespace",
                )


def _argument_findings(argmap: ArgMap) -> Iterator[Finding]:
    """Arguments naming claims or relations that are not in the map (a step, the gist, a relation)."""
    claims, relations = argmap.claims, argmap.relations
    for aid, argument in argmap.arguments.items():
        named = [("claim", step.claim) for step in argument.steps]
        named += [("relation", step.relation) for step in argument.steps if step.relation is not None]
        named += [("claim", argument.claim)] if argument.claim is not None else []
        named += [("relation", rid) for rid in (*argument.outgoing, *argument.undercuts)]
        for what, ident in named:
            if ident not in (claims if what == "claim" else relations):
                yield Finding(
                    "error",
                    FindingCode.DANGLING_ID,
                    f"argument {aid!r} names {what} {ident!r}, which is not in the map",
                    aid,
                    f"add the {what} or remove it from the argument",
                )


def _reference_findings(argmap: MapView, unusual: list[str]) -> Iterator[Finding]:
    """Dangling ids, self-relations, duplicate premises among the ``unusual`` relations; bad claims and anchors."""
    claims, relations = argmap.claims, argmap.relations
    for rid in unusual:
        relation = relations[rid]
        for premise in relation.premises:
            if premise not in claims:
                yield Finding(
                    "error",
                    FindingCode.DANGLING_ID,
                    f"relation {rid!r} has premise {premise!r}, which is not a claim",
                    rid,
                    "add the claim or remove it from the premises",
                )
        if relation.target not in claims and relation.target not in relations:
            yield Finding(
                "error",
                FindingCode.DANGLING_ID,
                f"relation {rid!r} targets {relation.target!r}, which is neither a claim nor a relation",
                rid,
                "point it at an existing claim or delete the relation",
            )
        if relation.target == rid or relation.target in relation.premises:
            yield Finding(
                "error",
                FindingCode.SELF_RELATION,
                f"relation {rid!r} makes {relation.target!r} bear on itself",
                rid,
                "delete the relation or change its target",
            )
        if len(set(relation.premises)) != len(relation.premises):
            yield Finding("error", FindingCode.DUPLICATE_PREMISE, f"relation {rid!r} lists a premise twice", rid)
    sources, speakers = argmap.sources, argmap.speakers
    for cid, claim in claims.items():
        if not claim.text.strip():
            yield Finding("error", FindingCode.EMPTY_TEXT, f"claim {cid!r} has no text", cid, "write the statement")
        for anchor in claim.evidence:
            if (
                anchor.source in sources
                and (anchor.speaker is None or anchor.speaker in speakers)
                and anchor.end > anchor.start
            ):
                continue
            if anchor.source not in argmap.sources:
                yield Finding(
                    "error",
                    FindingCode.DANGLING_ID,
                    f"evidence of {cid!r} names source {anchor.source!r}, which the map does not list",
                    cid,
                    "add the source or detach the evidence",
                )
            if anchor.speaker is not None and anchor.speaker not in argmap.speakers:
                yield Finding(
                    "error",
                    FindingCode.DANGLING_ID,
                    f"evidence of {cid!r} names speaker {anchor.speaker!r}, who is not among the map's speakers",
                    cid,
                    "add the speaker",
                )
            if anchor.end <= anchor.start:
                yield Finding(
                    "error",
                    FindingCode.BAD_OFFSETS,
                    f"evidence of {cid!r} ends ({anchor.end}) before it starts ({anchor.start})",
                    cid,
                    "argmap check --fix re-anchors it",
                )
    if isinstance(argmap, ArgMap) and any(getattr(argmap, table) for table in DIALOGUE_TABLES):
        yield from _dialogue_findings(argmap)


def _dialogue_findings(argmap: ArgMap) -> Iterator[Finding]:
    """References of the dialogue layer (locutions, transitions, rephrases) to records that are not there."""
    for table, ident, field, missing in dangling(argmap):
        yield Finding(
            "error",
            FindingCode.DANGLING_ID,
            f"{table[:-1]} {ident!r} names {missing!r} in its {field}, which is not in the map",
            ident,
            f"add {missing!r} or remove it from {ident!r}'s {field}",
        )


def _structure_findings(argmap: MapView, scan: _RelationScan) -> Iterator[Finding]:
    claims = argmap.claims
    thesis = ClaimKind.THESIS  # an enum member looked up once, not per claim
    theses = [cid for cid, claim in claims.items() if claim.kind is thesis]
    if claims and not theses:
        yield Finding("error", FindingCode.NO_THESIS, "the map has no thesis", None, "set a claim's kind to thesis")
    for cycle in _support_cycles(scan.supported_by):
        path = " → ".join([*cycle, cycle[0]])
        yield Finding(
            "warning",
            FindingCode.CIRCULAR_SUPPORT,
            f"circular support: {path}",
            cycle[0],
            "one of these reasons should not support the next",
        )
    reached = _reachable_from(theses, scan.below) & claims.keys()
    for cid in sorted(claims.keys() - reached):
        yield Finding(
            "warning",
            FindingCode.UNREACHABLE,
            f"claim {cid!r} has no path to a thesis",
            cid,
            "link it as a reason or objection, or delete it",
        )
    unanchored = [
        cid for cid, claim in claims.items() if not claim.evidence and not claim.implicit and claim.kind is not thesis
    ]
    for cid in sorted(unanchored):
        yield Finding(
            "hint",
            FindingCode.NO_EVIDENCE,
            f"claim {cid!r} is not anchored to a passage",
            cid,
            "attach a quote with x in the editor, or mark it implicit",
        )


def _support_cycles(supported_by: dict[str, list[str]]) -> list[list[str]]:
    """Cycles of claims each supporting the next (Tarjan's SCC, iterative for deep maps).

    Claims that support nothing cannot be on a cycle, nor can claims that support
    only such claims: peeling them off first leaves Tarjan's algorithm nothing to
    do in the usual map, which has no cycle at all.
    """
    edges = _on_support_cycles(supported_by)
    cycles = [
        component
        for component in strongly_connected(edges)
        if len(component) > 1 or component[0] in edges.get(component[0], ())
    ]
    return sorted(cycles)


class _RelationScan(NamedTuple):
    """What one pass over the relations finds for the reference, cycle and reachability checks."""

    below: dict[str, list[str]]
    """For each claim or relation, what lies directly below it: the premises of the relations bearing on it,
    and those of these relations that are themselves attacked (undercut)."""
    supported_by: dict[str, list[str]]
    """For each claim, the premises of the relations supporting it."""
    unusual: list[str]
    """Relations out of the common case (one existing premise, an existing target, nothing bearing on
    itself): the only ones the reference checks need to look at."""


def _scan_relations(argmap: MapView) -> _RelationScan:
    claims, relations, support = argmap.claims, argmap.relations, RelationType.SUPPORT
    below: defaultdict[str, list[str]] = defaultdict(list)
    supported_by: defaultdict[str, list[str]] = defaultdict(list)
    unusual: list[str] = []
    for rid, relation in relations.items():
        premises, target = relation.premises, relation.target
        on_claim = target in claims
        below[target].extend(premises)
        if on_claim and relation.type is support:
            supported_by[target].extend(premises)
        if not (
            len(premises) == 1
            and premises[0] in claims
            and (on_claim or target in relations)
            and target != rid
            and target != premises[0]
        ):
            unusual.append(rid)
    for rid in [target for target in below if target in relations]:
        below[relations[rid].target].append(rid)
    return _RelationScan(below, supported_by, unusual)


def _on_support_cycles(supported_by: dict[str, list[str]]) -> dict[str, list[str]]:
    """The support edges (premise → targets) among claims that may lie on a cycle.

    A claim on a cycle both supports and is supported: the claims that are both are found
    with set operations, and only the support among them is peeled (Kahn's algorithm: a
    claim that supports none of the rest cannot lie on a cycle, nor can its premises once
    they support nothing else).
    """
    core = supported_by.keys() & set(chain.from_iterable(supported_by.values()))
    inner = {target: [premise for premise in supported_by[target] if premise in core] for target in core}
    remaining = Counter(chain.from_iterable(inner.values()))
    peel = [node for node in inner if node not in remaining]
    while peel:
        for premise in inner[peel.pop()]:
            left = remaining[premise] - 1
            remaining[premise] = left
            if not left:
                peel.append(premise)
    edges: defaultdict[str, list[str]] = defaultdict(list)
    left_over = remaining.get  # not Counter's own lookup, which calls a Python method for every missing claim
    for target, premises in inner.items():
        if left_over(target):
            for premise in premises:
                if left_over(premise):
                    edges[premise].append(target)
    return edges


def _reachable_from(theses: list[str], below: dict[str, list[str]]) -> set[str]:
    """Claims (and undercut relations) with a path to a thesis: walked down level by level.

    Each level is gathered and compared with what was reached in whole sets, which cost
    less than a test per claim at 100,000 claims.
    """
    reached = set(theses)
    level: set[str] | list[str] = theses
    under = below.get
    while level:
        found: set[str] = set()
        gather = found.update
        for node in level:
            gather(under(node, ()))
        found -= reached
        reached |= found
        level = found
    return reached


def _source_texts(argmap: MapView, map_path: str | os.PathLike[str] | None) -> dict[str, tuple[str, str] | ArgmapError]:
    """Each source's (text, sha256), or the error reading it; sources without a path are left out."""
    if map_path is None:
        return {}
    texts: dict[str, tuple[str, str] | ArgmapError] = {}
    for source_id, source in argmap.sources.items():
        if source.path:
            try:
                texts[source_id] = read_source_text(Path(map_path), source_id, source)
            except ArgmapError as error:
                texts[source_id] = error
    return texts


def _evidence_findings(argmap: MapView, map_path: str | os.PathLike[str] | None) -> Iterator[Finding]:
    texts = _source_texts(argmap, map_path)
    for source_id, loaded in texts.items():
        if isinstance(loaded, SourceRefused):
            yield Finding("error", FindingCode.SOURCE_REFUSED, loaded.message, source_id, loaded.fix)
        elif isinstance(loaded, ArgmapError):
            yield Finding("error", FindingCode.SOURCE_MISSING, loaded.message, source_id, loaded.fix)
        elif argmap.sources[source_id].sha256 and loaded[1] != argmap.sources[source_id].sha256:
            yield Finding(
                "warning",
                FindingCode.SOURCE_CHANGED,
                f"the text of source {source_id!r} changed since it was annotated (SHA-256 differs)",
                source_id,
                "argmap check --fix re-anchors the quotes and records the new hash",
            )
    quoted = {source_id: loaded[0] for source_id, loaded in texts.items() if isinstance(loaded, tuple)}
    mismatched = {
        cid
        for cid, claim in argmap.claims.items()
        for anchor in claim.evidence
        if anchor.source in quoted and quoted[anchor.source][anchor.start : anchor.end] != anchor.quote
    }
    for cid in sorted(mismatched):
        claim = argmap.claims[cid]
        for number, anchor in enumerate(claim.evidence, start=1):
            text = quoted.get(anchor.source)
            if text is None or anchors.matches(anchor, text):
                continue
            moved = anchors.relocate(anchor, text)
            if moved is None:
                yield Finding(
                    "error",
                    FindingCode.QUOTE_MISSING,
                    f"evidence {number} of {cid!r} quotes text no longer in "
                    f"source {anchor.source!r}: {anchor.quote[:50]!r}",
                    cid,
                    "re-attach a passage in the editor, or detach this evidence",
                )
            else:
                yield Finding(
                    "error",
                    FindingCode.QUOTE_MOVED,
                    f"evidence {number} of {cid!r} no longer matches at "
                    f"{anchor.start}–{anchor.end}; the quote now stands at {moved.start}–{moved.end}",
                    cid,
                    "argmap check --fix re-anchors it",
                )
