"""What ``argmap eval`` prints, byte for byte, against golden files; and the strengths against their definition.

The evaluation and its report were rewritten for speed more than once; these
tests hold them to what they printed before.  The map below has every part the
evaluation reads: base scores, weights, ranks, a linked reason, an undercut and
a backing, a rebuttal, an even cycle of objections, an odd one broken from
outside, a cycle of supports, a relation onto nothing, a second thesis, a chain
deeper than the indentation cap, a claim linked to nothing and control
characters in a text.  Each semantics is printed three ways (default, ``--all``,
JSON) through the command.  Regenerate with UPDATE_GOLDEN=1 after a deliberate
change, and look at the diff.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings

from argmap import store
from argmap.compact import CompactMap, records
from argmap.evaluate import SEMANTICS, Gradual, dfquad, euler, strengths
from argmap.model import ArgMap, RelationType
from tests import in_process
from tests.test_evaluate import acyclic_maps

GOLDEN = Path(__file__).parent / "golden"
SEED = Path(__file__).resolve().parent.parent / "maps" / "partnership-of-convenience.argmap.json"


def _every_part() -> dict[str, Any]:
    claims: dict[str, dict[str, Any]] = {
        "t": {"kind": "thesis", "text": "Cities should close their centres to cars."},
        "t2": {"kind": "thesis", "text": "Parking should be free.", "base_score": 0.3},
        "air": {"text": "The air gets cleaner.", "base_score": 0.8},
        "noise": {"text": "Streets get quieter."},
        "studies": {"kind": "statistic", "text": "Studies of twelve cities agree."},
        "trade": {"text": "Shops lose customers."},
        "survey": {"text": "A survey found more people on foot.", "base_score": 0.7},
        "biased": {"text": "The council paid for the survey."},
        "deliveries": {"text": "Deliveries still need access."},
        "permits": {"text": "Permits let deliveries in.", "base_score": 0.9},
        "windows": {"text": "Delivery windows are short."},
        "a": {"text": "Drivers will go round."},
        "b": {"text": "Going round costs more than it saves."},
        "x": {"text": "Fares will rise."},
        "y": {"text": "Fares are fixed by law."},
        "z": {"text": "The law is being changed."},
        "k": {"text": "The change was voted down."},
        "s1": {"text": "Free parking fills the shops."},
        "s2": {"text": "Full shops pay for the parking."},
        "lonely": {"text": "A note\nwith a break \x1b[2J and an escape."},
    }
    relations: dict[str, dict[str, Any]] = {
        "r-air": {"type": "support", "premises": ["air"], "target": "t", "rank": "a"},
        "r-noise": {"type": "support", "premises": ["noise"], "target": "t", "weight": 0.5, "rank": "b"},
        "r-studies": {"type": "support", "premises": ["studies"], "target": "r-air"},
        "r-trade": {"type": "attack", "premises": ["trade"], "target": "t", "rank": "c"},
        "r-survey": {"type": "attack", "premises": ["survey"], "target": "trade"},
        "r-biased": {"type": "attack", "premises": ["biased"], "target": "r-survey"},
        "r-deliveries": {"type": "attack", "premises": ["deliveries"], "target": "t", "weight": 0.8, "rank": "d"},
        "r-linked": {"type": "support", "premises": ["permits", "windows"], "target": "t", "rank": "e"},
        "r-permits": {"type": "attack", "premises": ["permits"], "target": "deliveries"},
        "r-a": {"type": "attack", "premises": ["a"], "target": "b"},
        "r-b": {"type": "attack", "premises": ["b"], "target": "a"},
        "r-b-t2": {"type": "attack", "premises": ["b"], "target": "t2"},
        "r-x": {"type": "attack", "premises": ["x"], "target": "y"},
        "r-y": {"type": "contrary", "premises": ["y"], "target": "z"},
        "r-z": {"type": "attack", "premises": ["z"], "target": "x"},
        "r-k": {"type": "attack", "premises": ["k"], "target": "x"},
        "r-x-t": {"type": "attack", "premises": ["x"], "target": "t"},
        "r-s1": {"type": "support", "premises": ["s1"], "target": "s2"},
        "r-s2": {"type": "support", "premises": ["s2"], "target": "s1"},
        "r-s2-t2": {"type": "support", "premises": ["s2"], "target": "t2"},
        "r-ghost": {"type": "support", "premises": ["ghost"], "target": "t"},
    }
    previous = "t2"
    for level in range(1, 15):
        claims[f"chain-{level:02}"] = {"text": f"Objection at level {level}."}
        relations[f"r-chain-{level:02}"] = {"type": "attack", "premises": [f"chain-{level:02}"], "target": previous}
        previous = f"chain-{level:02}"
    return {"argmap": 1, "title": "Closing the centre to cars", "claims": claims, "relations": relations}


def _printed(path: Path) -> str:
    """Every semantics, each printed by default, with --all and as JSON, in one text."""
    parts = []
    for semantics in SEMANTICS:
        for extra in ((), ("--all",), ("--format", "json")):
            done = in_process.run("eval", str(path), "--semantics", semantics, *extra)
            assert done.returncode == 0, done.stderr
            parts.append(f"$ argmap eval --semantics {semantics} {' '.join(extra)}".rstrip() + "\n" + done.stdout)
    return "\n".join(parts)


def _matches_golden(text: str, name: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8")


def test_every_part_of_a_map_is_evaluated_and_printed_as_before(tmp_path: Path) -> None:
    path = tmp_path / "cars.argmap.json"
    path.write_bytes(orjson.dumps(_every_part(), option=store.CANONICAL_LAYOUT))
    assert isinstance(records(store.read_data(path)), CompactMap)  # the command's fast path
    _matches_golden(_printed(path), "eval-every-part.txt")


@pytest.mark.skipif(not SEED.exists(), reason="the seed map is not in this checkout")
def test_the_seed_map_is_evaluated_and_printed_as_before() -> None:
    parts = []
    for semantics in ("dfquad", "grounded"):
        for extra in ((), ("--all",)):
            done = in_process.run("eval", str(SEED), "--semantics", semantics, *extra)
            assert done.returncode == 0, done.stderr
            parts.append(done.stdout)
    _matches_golden("\n".join(parts), "eval-seed.txt")


def _by_definition(argmap: ArgMap, method: Gradual) -> dict[str, float]:
    """Strengths of an acyclic map straight from the module's definition, each node from its inputs, recursively.

    The same arithmetic in the same order as the evaluation (attackers and
    supporters in relation id order), so the numbers must be equal, not close.
    """
    bearing: dict[str, tuple[list[str], list[str]]] = {}
    for rid in sorted(argmap.relations):  # acyclic_maps names nothing missing: every relation is usable
        relation = argmap.relations[rid]
        against, for_ = bearing.setdefault(relation.target, ([], []))
        (for_ if relation.type is RelationType.SUPPORT else against).append(rid)
    found: dict[str, float] = {}

    def strength(node: str) -> float:
        if node not in found:
            against, for_ = bearing.get(node, ([], []))
            attackers, supporters = [strength(r) for r in against], [strength(r) for r in for_]
            if node in argmap.claims:
                base = argmap.claims[node].base_score
                base = 0.5 if base is None else base
                combine = {"dfquad": dfquad, "euler": euler}[method]
                found[node] = combine(base, attackers, supporters) if against or for_ else base
            else:
                relation = argmap.relations[node]
                weight = 1.0 if relation.weight is None else relation.weight
                passed = dfquad(weight, attackers, supporters) if against or for_ else weight
                found[node] = passed * min(strength(p) for p in relation.premises)
        return found[node]

    return {node: strength(node) for node in [*argmap.claims, *sorted(argmap.relations)]}


@settings(max_examples=150, deadline=None)
@given(acyclic_maps())
def test_strengths_of_an_acyclic_map_are_those_of_the_definition(argmap: ArgMap) -> None:
    for method in ("dfquad", "euler"):
        assert strengths(argmap, method).values == _by_definition(argmap, method)
