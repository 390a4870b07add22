"""What an export could not keep, said exactly: which parts of the map, and how many of each.

Every exporter that writes only part of a map names what it left out, from one list,
so the warnings read the same in every format and none is forgotten.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from argmap.model import ArgMap, Claim, Relation

SHOWN_IDS = 3
"""How many ids a warning names before it says how many more there are."""

CLAIM_PARTS: dict[str, Callable[[Claim], bool]] = {
    "display titles": lambda c: bool(c.title),
    "earlier wordings": lambda c: bool(c.variants),
    "basis kinds": lambda c: c.kind.is_basis,
    "implicit marks": lambda c: c.implicit,
    "claim notes": lambda c: bool(c.note),
    "tags": lambda c: bool(c.tags),
    "translations": lambda c: bool(c.translations),
    "evidence": lambda c: bool(c.evidence),
    "base scores": lambda c: c.base_score is not None,
}
RELATION_PARTS: dict[str, Callable[[Relation], bool]] = {
    "relation notes": lambda r: bool(r.note),
    "schemes": lambda r: r.scheme is not None,
    "weights": lambda r: r.weight is not None,
    "answers to critical questions": lambda r: bool(r.answers),
}
TABLES = ("arguments", "sources", "speakers", "locutions", "transitions", "rephrases")
"""The map's tables besides claims and relations: an export that leaves one out names how many records it had."""
PARTS = ("description", *CLAIM_PARTS, *RELATION_PARTS, *TABLES)
"""Every part of a map an export may leave out, in the order warnings name them."""


def not_kept(argmap: ArgMap, kept: Collection[str], target: str) -> list[str]:
    """One warning naming each part of ``PARTS`` that ``argmap`` has and ``target`` does not keep, with the ids."""
    unknown = set(kept) - set(PARTS)
    assert not unknown, f"not parts of a map: {unknown}"
    found: list[str] = []
    for part in PARTS:
        holders = [] if part in kept else _holders(argmap, part)
        if not holders:
            continue
        if part == "description":
            found.append("the description")
        elif part in TABLES:
            found.append(f"{part} ({len(holders)})")
        else:
            found += _counted(part, holders)
    return [f"not kept: {'; '.join(found)} ({target} has no place for them)"] if found else []


def kept_aside(argmap: ArgMap, parts: Sequence[str], where: str) -> list[str]:
    """One warning naming which of ``parts`` (in that order) the map has and the target keeps only ``where``:
    a place of argmap's own that the target's other tools ignore."""
    unknown = set(parts) - set(PARTS)
    assert not unknown, f"not parts of a map: {unknown}"
    found = [f"{part} ({count})" for part in parts if (count := len(_holders(argmap, part)))]
    return [f"kept only in {where}: {', '.join(found)}"] if found else []


def _holders(argmap: ArgMap, part: str) -> list[str]:
    """The ids of the records that have ``part`` (the map itself for its description, every record of a table)."""
    if part == "description":
        return ["map"] if argmap.description else []
    if part in CLAIM_PARTS:
        claim_has = CLAIM_PARTS[part]
        return [cid for cid, claim in argmap.claims.items() if claim_has(claim)]
    if part in RELATION_PARTS:
        relation_has = RELATION_PARTS[part]
        return [rid for rid, relation in argmap.relations.items() if relation_has(relation)]
    records: Mapping[str, object] = getattr(argmap, part)
    return list(records)


def named(ids: list[str]) -> str:
    """A few ids in full and how many more: ``'a', 'b', 'c' and 4 more``."""
    shown = ", ".join(repr(i) for i in sorted(ids)[:SHOWN_IDS])
    return shown + (f" and {len(ids) - SHOWN_IDS} more" if len(ids) > SHOWN_IDS else "")


def _counted(part: str, ids: list[str]) -> list[str]:
    return [f"{part} of {len(ids)} ({named(ids)})"] if ids else []
