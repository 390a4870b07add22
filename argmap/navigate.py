"""Where an editor takes its reader: search matches in reading order, the claim a finding is about.

Pure functions of the map (no Textual), so the editor's ``/`` search, its claim
finder and its findings panel agree and are tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.model import ArgMap, Conflict


def in_reading_order(found: Iterable[str], order: list[str]) -> list[str]:
    """Search matches (from the claim finder, in map order) in the order the reader meets them."""
    wanted = set(found)
    return [claim for claim in order if claim in wanted]


def claim_of(argmap: ArgMap, subject: str | None) -> str | None:
    """The claim a finding is about: its subject, or for a relation its first premise."""
    if subject is None:
        return None
    if subject in argmap.claims:
        return subject
    relation = argmap.relations.get(subject)
    return relation.premises[0] if relation is not None and relation.premises else None


def conflicted_records(argmap: ArgMap) -> set[str]:
    """Claims and relations with an unresolved merge conflict (an editor marks them)."""
    return {conflict.id for conflict in argmap.conflicts.values() if conflict.id}


def next_conflict(conflicts: Mapping[str, Conflict]) -> str:
    """The conflict to settle next: the first in id order, those on the map's own fields last."""
    return min(conflicts, key=lambda cid: (conflicts[cid].table == "map", cid))
