"""A map's records as light tuples, for a command that reads a large map once (``argmap check``).

Building the pydantic models of a 100,000-claim map takes three times as long as
parsing it.  Once :func:`argmap.prevalidate.accepts` has vouched for the parsed
data, a check needs of most records only a few fields: :func:`compact_map` gives
each claim and relation a tuple of those, and builds models only where a check
needs more (claims with evidence, whose anchors are matched against their
source; relations naming a scheme, whose critical questions are looked up; the
few sources and speakers).  :class:`MapView` is what the checks read, which a
full :class:`~argmap.model.ArgMap` is too, so both give the same findings
(``tests/test_compact.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from argmap.model import Anchor, ArgMap, Claim, ClaimKind, Relation, RelationType, Source, Speaker
from argmap.store import MapData

_KINDS = {kind.value: kind for kind in ClaimKind}
_TYPES = {kind.value: kind for kind in RelationType}


class ClaimView(Protocol):
    """What the checks read of a claim."""

    @property
    def kind(self) -> ClaimKind: ...
    @property
    def text(self) -> str: ...
    @property
    def implicit(self) -> bool: ...
    @property
    def evidence(self) -> Sequence[Anchor]: ...


class RelationView(Protocol):
    """What the checks read of a relation."""

    @property
    def type(self) -> RelationType: ...
    @property
    def premises(self) -> Sequence[str]: ...
    @property
    def target(self) -> str: ...


class MapView(Protocol):
    """What the checks read of a map: an :class:`ArgMap` or a :class:`CompactMap`."""

    @property
    def claims(self) -> Mapping[str, ClaimView]: ...
    @property
    def relations(self) -> Mapping[str, RelationView]: ...
    @property
    def sources(self) -> Mapping[str, Source]: ...
    @property
    def speakers(self) -> Mapping[str, Speaker]: ...


class CompactClaim(NamedTuple):
    """A claim without evidence (the checks read nothing else of it)."""

    kind: ClaimKind
    text: str
    implicit: bool
    evidence: tuple[Anchor, ...] = ()


class CompactRelation(NamedTuple):
    """A relation that names no scheme."""

    type: RelationType
    premises: Sequence[str]
    target: str


@dataclass(frozen=True)
class CompactMap:
    """A map whose claims and relations are tuples where the checks need no more; see the module's docstring."""

    claims: dict[str, Claim | CompactClaim]
    relations: dict[str, Relation | CompactRelation]
    sources: dict[str, Source]
    speakers: dict[str, Speaker]
    schemed: ArgMap
    """The relations that name a scheme, as a map of their own: what the scheme checks read."""


def compact_map(raw: dict[str, Any]) -> CompactMap:
    """The records of parsed map data that :func:`argmap.prevalidate.accepts` vouched for (it must have)."""
    claims: dict[str, Claim | CompactClaim] = {}
    for cid, claim in raw.get("claims", {}).items():
        if "evidence" in claim:
            claims[cid] = Claim.model_validate(claim)
        else:
            claims[cid] = CompactClaim(_KINDS[claim.get("kind", "claim")], claim["text"], claim.get("implicit", False))
    relations: dict[str, Relation | CompactRelation] = {}
    schemed: dict[str, Relation] = {}
    for rid, relation in raw.get("relations", {}).items():
        if relation.get("scheme"):
            relations[rid] = schemed[rid] = Relation.model_validate(relation)
        else:
            relations[rid] = CompactRelation(_TYPES[relation["type"]], relation["premises"], relation["target"])
    return CompactMap(
        claims,
        relations,
        {sid: Source.model_validate(source) for sid, source in raw.get("sources", {}).items()},
        {sid: Speaker.model_validate(speaker) for sid, speaker in raw.get("speakers", {}).items()},
        ArgMap(argmap=1, relations=schemed),
    )


def records(data: MapData) -> ArgMap | CompactMap:
    """The map of a file read with ``store.loads_data``: compact where the fast check vouched for it, else models."""
    return compact_map(data.raw) if data.accepted else data.build()
