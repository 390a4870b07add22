"""What the AIF peers read in argmap's AIF: arguebuf (the Python reader of AIFdb and OVA files) sees schemes by
AIFdb's names and reads argmap's export of every corpus file as it reads the original."""

from __future__ import annotations

import json

import arguebuf
import pytest
from arguebuf.model.scheme import Support, text2support

from argmap.formats import aif
from argmap.model import ArgMap, Claim, Relation
from argmap.schemes import all_schemes


def _one_inference(scheme: str) -> ArgMap:
    return ArgMap(
        argmap=1,
        claims={"a": Claim(text="A.", kind="thesis"), "b": Claim(text="B.")},
        relations={"r": Relation(type="support", premises=("b",), target="a", scheme=scheme)},
    )


def _arguebuf_scheme(document: str) -> object:
    graph = arguebuf.load.dict(json.loads(document))
    (scheme_node,) = graph.scheme_nodes.values()
    return scheme_node.scheme


@pytest.mark.parametrize(
    ("scheme_id", "expected"),
    [
        ("expert-opinion", Support.EXPERT_OPINION),
        ("analogy", Support.ANALOGY),
        ("witness-testimony", Support.WITNESS_TESTIMONY),
        ("cause-to-effect", Support.CAUSE_TO_EFFECT),
        ("practical-reasoning", Support.PRACTICAL_REASONING),
        ("negative-consequences", Support.NEGATIVE_CONSEQUENCES),
        ("position-to-know", Support.POSITION_TO_KNOW),  # a scheme argmap lacks keeps AIFdb's name
    ],
)
def test_arguebuf_reads_the_exported_scheme(scheme_id: str, expected: Support) -> None:
    document, _ = aif.write(_one_inference(scheme_id))
    assert _arguebuf_scheme(document) is expected


def test_every_shipped_scheme_has_a_name_arguebuf_knows() -> None:
    for scheme in all_schemes().values():
        assert scheme.aif in text2support, scheme.id
        document, _ = aif.write(_one_inference(scheme.id))
        assert _arguebuf_scheme(document) is text2support[scheme.aif]


@pytest.mark.parametrize(
    "name", ["Expert Opinion", "Argument From Expert Opinion", "ExpertOpinion", "argument from expert opinion"]
)
def test_import_reads_aifdb_scheme_names_and_variants(name: str) -> None:
    nodeset = {
        "nodes": [
            {"nodeID": "1", "text": "A.", "type": "I"},
            {"nodeID": "2", "text": "B.", "type": "I"},
            {"nodeID": "3", "text": name, "type": "RA"},
        ],
        "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "1"}],
        "locutions": [],
    }
    (relation,) = aif.read(json.dumps(nodeset)).map.relations.values()
    assert relation.scheme == "expert-opinion"
