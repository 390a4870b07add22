"""Walkers over claims must not recurse per level: real and generated maps have chains thousands deep."""

from __future__ import annotations

import sys

import pytest

from argmap.formats import kialo, markdown, read, write
from argmap.formats._build import MapBuilder
from argmap.indent import MAX_LEVELS
from argmap.model import ArgMap, Claim, ClaimKind, Relation, RelationType

DEPTH = 5_000


@pytest.fixture(scope="module")
def chain() -> ArgMap:
    """A thesis with one reason, which has one reason, … ``DEPTH`` levels down."""
    assert sys.getrecursionlimit() < DEPTH, "the chain must be deeper than the recursion limit to test anything"
    claims = {"c0": Claim(kind=ClaimKind.THESIS, text="Level 0")}
    relations = {}
    for level in range(1, DEPTH + 1):
        claims[f"c{level}"] = Claim(text=f"Level {level}")
        kind = RelationType.SUPPORT if level % 2 else RelationType.ATTACK
        relations[f"r{level}"] = Relation(type=kind, premises=(f"c{level}",), target=f"c{level - 1}")
    return ArgMap(argmap=1, title="A deep chain", claims=claims, relations=relations)


def test_kialo_export_and_import_of_a_deep_chain(chain: ArgMap) -> None:
    """Kialo numbers claims by their path: the export stops at kialo.MAX_DEPTH levels, and says so."""
    assert sys.getrecursionlimit() < kialo.MAX_DEPTH < DEPTH
    text, warnings = write("kialo", chain)
    lines = text.splitlines()
    assert lines[-1].startswith("1." * (kialo.MAX_DEPTH + 1)) and lines[-1].endswith(f"Level {kialo.MAX_DEPTH}")
    assert len(warnings) == 1 and f"down to {kialo.MAX_DEPTH} levels" in warnings[0]
    assert warnings[0].startswith(f"{DEPTH - kialo.MAX_DEPTH} claim(s) not written")
    back = read("kialo", text, "deep.kialo").map
    assert len(back.claims) == kialo.MAX_DEPTH + 1 and len(back.relations) == kialo.MAX_DEPTH
    kept = [f"Level {level}" for level in range(kialo.MAX_DEPTH + 1)]
    assert sorted(claim.text for claim in back.claims.values()) == sorted(kept)


def test_markdown_export_of_a_deep_chain(chain: ArgMap) -> None:
    """Indentation stops growing at MAX_LEVELS; deeper items carry their depth."""
    text, _ = markdown.write(chain)
    deepest = text.splitlines()[-1]
    assert deepest == "  " * MAX_LEVELS + f"- ‹{DEPTH}› **{'Pro' if DEPTH % 2 else 'Con'}:** Level {DEPTH}"


def test_importers_resolve_a_deep_chain_of_undercuts() -> None:
    """Each relation attacks the one before: resolving whether it bears on a claim follows the whole chain."""
    builder = MapBuilder("deep")
    thesis = builder.add_claim("The thesis", wanted_id="thesis")
    previous = builder.add_relation(RelationType.SUPPORT, [builder.add_claim("Reason", wanted_id="reason")], thesis)
    assert previous is not None
    for level in range(DEPTH):
        premise = builder.add_claim(f"Objection {level}", wanted_id=f"objection-{level}")
        relation = builder.add_relation(RelationType.ATTACK, [premise], previous)
        assert relation is not None
        previous = relation
    one, other = builder.reserve("cycle-one", ""), builder.reserve("cycle-other", "")
    builder.add_relation(RelationType.ATTACK, [builder.add_claim("First of a cycle")], other, relation_id=one)
    builder.add_relation(RelationType.ATTACK, [builder.add_claim("Second of a cycle")], one, relation_id=other)
    dangling = builder.add_relation(RelationType.ATTACK, [builder.add_claim("Dangling")], "nowhere")
    argmap, warnings, _ = builder.finish()
    assert len(argmap.relations) == DEPTH + 1
    assert {one, other, dangling}.isdisjoint(argmap.relations)
    assert warnings == ["3 relation(s) pointing at nothing were left out"]
