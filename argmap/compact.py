"""A map's records as light tuples, for a command that reads a large map once (``argmap check``, ``argmap eval``).

Building the pydantic models of a 100,000-claim map takes three times as long as
parsing it.  Once :func:`argmap.prevalidate.accepts` has vouched for the parsed
data, a check needs of most records only a few fields: :func:`compact_map` gives
each claim and relation a tuple of those, and builds models only where a check
needs more (claims with evidence, whose anchors are matched against their
source; relations naming a scheme, whose critical questions are looked up; the
few sources and speakers).  :class:`MapView` is what the checks and the
evaluation read, which a full :class:`~argmap.model.ArgMap` is too, so both give
the same findings and the same evaluation (``tests/test_compact.py``,
``tests/test_eval_compact.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from argmap.heap import gc_paused
from argmap.model import Anchor, ArgMap, Claim, ClaimKind, Relation, RelationType, Source, Speaker
from argmap.store import MapData

_KINDS = {kind.value: kind for kind in ClaimKind}
_TYPES = {kind.value: kind for kind in RelationType}


class ClaimView(Protocol):
    """What the checks and the evaluation read of a claim."""

    @property
    def kind(self) -> ClaimKind: ...
    @property
    def text(self) -> str: ...
    @property
    def implicit(self) -> bool: ...
    @property
    def evidence(self) -> Sequence[Anchor]: ...
    @property
    def base_score(self) -> float | None: ...


class RelationView(Protocol):
    """What the checks and the evaluation read of a relation."""

    @property
    def type(self) -> RelationType: ...
    @property
    def premises(self) -> Sequence[str]: ...
    @property
    def target(self) -> str: ...
    @property
    def rank(self) -> str: ...
    @property
    def weight(self) -> float | None: ...


class MapView(Protocol):
    """What the checks and the evaluation read of a map: an :class:`ArgMap` or a :class:`CompactMap`."""

    @property
    def title(self) -> str: ...

    @property
    def claims(self) -> Mapping[str, ClaimView]: ...
    @property
    def relations(self) -> Mapping[str, RelationView]: ...
    @property
    def sources(self) -> Mapping[str, Source]: ...
    @property
    def speakers(self) -> Mapping[str, Speaker]: ...
    @property
    def conflicts(self) -> Mapping[str, object]: ...
    def theses(self) -> list[str]: ...


class CompactClaim(NamedTuple):
    """A claim without evidence (the checks and the evaluation read nothing else of it)."""

    kind: ClaimKind
    text: str
    implicit: bool
    base_score: float | None
    evidence: tuple[Anchor, ...] = ()


class CompactRelation(NamedTuple):
    """A relation that names no scheme."""

    type: RelationType
    premises: Sequence[str]
    target: str
    rank: str
    weight: float | None


@dataclass(frozen=True)
class CompactMap:
    """A map whose claims and relations are tuples where the checks need no more; see the module's docstring."""

    title: str
    claims: dict[str, Claim | CompactClaim]
    relations: dict[str, Relation | CompactRelation]
    sources: dict[str, Source]
    speakers: dict[str, Speaker]
    schemed: ArgMap
    """The relations that name a scheme, as a map of their own: what the scheme checks read."""
    raw: dict[str, Any]
    """The parsed data the records come from: a claim's full model is built from it on request (:func:`claim_model`)."""
    conflicts: Mapping[str, object] = field(default_factory=dict)
    """Always empty: data with merge conflicts is read as models."""

    def theses(self) -> list[str]:
        """The thesis ids in order, as :meth:`ArgMap.theses` gives them."""
        return sorted(cid for cid, claim in self.claims.items() if claim.kind is ClaimKind.THESIS)


def compact_map(raw: dict[str, Any]) -> CompactMap:
    """The records of parsed map data that :func:`argmap.prevalidate.accepts` vouched for (it must have)."""
    claims: dict[str, Claim | CompactClaim] = {}
    plain = ClaimKind.CLAIM
    for cid, claim in raw.get("claims", {}).items():
        if len(claim) == 1:  # the text alone: most claims of an imported debate
            claims[cid] = CompactClaim(plain, claim["text"], False, None)
        elif "evidence" in claim:
            claims[cid] = Claim.model_validate(claim)
        else:
            kind = _KINDS[claim.get("kind", "claim")]
            claims[cid] = CompactClaim(kind, claim["text"], claim.get("implicit", False), claim.get("base_score"))
    relations: dict[str, Relation | CompactRelation] = {}
    schemed: dict[str, Relation] = {}
    for rid, relation in raw.get("relations", {}).items():
        if relation.get("scheme"):
            relations[rid] = schemed[rid] = Relation.model_validate(relation)
        else:
            relations[rid] = CompactRelation(
                _TYPES[relation["type"]],
                relation["premises"],
                relation["target"],
                relation.get("rank", "m"),
                relation.get("weight"),
            )
    return CompactMap(
        raw.get("title", ""),
        claims,
        relations,
        {sid: Source.model_validate(source) for sid, source in raw.get("sources", {}).items()},
        {sid: Speaker.model_validate(speaker) for sid, speaker in raw.get("speakers", {}).items()},
        ArgMap(argmap=1, relations=schemed),
        raw,
    )


def records(data: MapData) -> ArgMap | CompactMap:
    """The map of a file read with ``store.loads_data``: compact where the fast check vouched for it, else models."""
    return compact_map(data.raw) if data.accepted else data.build()


def claim_model(argmap: ArgMap | CompactMap, claim_id: str) -> Claim | None:
    """A claim as its full model (None if the map has no such claim): built from the data for a compact map."""
    if isinstance(argmap, ArgMap):
        return argmap.claims.get(claim_id)
    claim = argmap.claims.get(claim_id)
    if claim is None or isinstance(claim, Claim):
        return claim
    return Claim.model_validate(argmap.raw["claims"][claim_id])


def full_map(argmap: ArgMap | CompactMap) -> ArgMap:
    """The whole map as models (what an outline walks): built from the data for a compact map."""
    if isinstance(argmap, ArgMap):
        return argmap
    with gc_paused():
        return ArgMap.model_validate(argmap.raw)
