"""What the AIF peers read in argmap's AIF: arguebuf (the Python reader of AIFdb and OVA files) sees schemes by
AIFdb's names and reads argmap's export of every corpus file as it reads the original."""

from __future__ import annotations

import json
import subprocess
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import arguebuf
import pytest
from arguebuf.model.scheme import Support, text2support
from formats_support import CORPUS, ROOT, corpus

from argmap import sources, store
from argmap.formats import aif
from argmap.model import ArgMap, Claim, Relation
from argmap.schemes import all_schemes
from tests.tools import require_tool


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


FILES = sorted(p.name for p in (CORPUS / "aif").glob("*.json")) or ["(corpus absent)"]


def _arguebuf_reading(document: dict[str, Any], *, dialogue: bool) -> tuple[Counter[str], Counter[str]]:
    """What arguebuf reads, independent of node ids (argmap renames AIFdb's counters): each atom by its text,
    each scheme node by its scheme with the atoms on either side, and every edge between them.

    ``dialogue``: arguebuf's ``reconstruct_dialog``, which walks the L, YA and TA nodes to link claims
    that a dialogue connects; xAIF has no such reading.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # arguebuf warns about every edge to an L, YA or TA node
        if "AIF" in document:
            graph = arguebuf.load.xaif(document)
        else:
            graph = arguebuf.load.aif(json.loads(json.dumps(document)), reconstruct_dialog=dialogue)

    def own(node: Any) -> str:
        return f"I {node.plain_text}" if node.id in graph.atom_nodes else f"S {node.scheme}"

    label = {}
    for nid, node in graph.nodes.items():
        around = ""
        if nid in graph.scheme_nodes:
            before = sorted(own(e.source) for e in graph.edges.values() if e.target.id == nid)
            after = sorted(own(e.target) for e in graph.edges.values() if e.source.id == nid)
            around = f" {before} -> {after}"
        label[nid] = own(node) + around
    edges = Counter(f"{label[e.source.id]} => {label[e.target.id]}" for e in graph.edges.values())
    return Counter(label.values()), edges


def _dialogue_layer(document: dict[str, Any]) -> tuple[Counter[str], ...]:
    """What arguebuf's plain reading skips: the count of each node type (L, YA, TA, MA…), the illocution
    names of the YA nodes, the texts of the L nodes, and the edges between node types (L>YA, YA>L, TA>YA…)."""
    nodeset = document.get("AIF", document)
    types = {str(n["nodeID"]): n["type"] for n in nodeset["nodes"]}
    return (
        Counter(types.values()),
        Counter(n["text"] for n in nodeset["nodes"] if n["type"] == "YA"),
        Counter(n["text"] for n in nodeset["nodes"] if n["type"] == "L"),
        Counter(f"{types[str(e['fromID'])]}>{types[str(e['toID'])]}" for e in nodeset["edges"]),
    )


def _with_string_ids(document: dict[str, Any]) -> dict[str, Any]:
    """The ids as AIFdb writes them, strings: arguebuf drops every edge of a file with integer ids
    (ova3-lorem-ipsum-aif), which would make its reading of the original, not of argmap's export, the odd one."""
    nodeset = document.get("AIF", document)
    for node in nodeset["nodes"]:
        node["nodeID"] = str(node["nodeID"])
    for edge in nodeset["edges"]:
        edge["fromID"], edge["toID"] = str(edge["fromID"]), str(edge["toID"])
    return document


@pytest.mark.parametrize("name", FILES)
def test_arguebuf_reads_argmaps_export_of_every_corpus_file_as_the_original(name: str) -> None:
    path = corpus("aif") / name
    original = _with_string_ids(json.loads(path.read_text(encoding="utf-8")))
    conversion = aif.read(path.read_bytes(), str(path))
    if "AIF" in original:
        exported, _ = aif.write_xaif(conversion.map, conversion.texts)
    else:
        exported, _ = aif.write(conversion.map)
    back = json.loads(exported)
    assert _arguebuf_reading(back, dialogue=False) == _arguebuf_reading(original, dialogue=False)
    if "AIF" not in original:
        assert _arguebuf_reading(back, dialogue=True) == _arguebuf_reading(original, dialogue=True)
    assert _dialogue_layer(back) == _dialogue_layer(original)


OVA3_LOADER = Path(__file__).with_name("ova3_loader.js")
SEED_MAP = ROOT / "maps" / "partnership-of-convenience.argmap.json"


def _ova3_opens(path: Path, *, dialogical: bool) -> subprocess.CompletedProcess[str]:
    command = [require_tool("node"), str(OVA3_LOADER), str(path), *(["plus"] if dialogical else [])]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("dialogical", [False, True])
def test_ova3_opens_argmaps_xaif_of_the_seed_map(tmp_path: Path, dialogical: bool) -> None:
    seed = store.load(SEED_MAP)
    article = sources.read_source_text(SEED_MAP, "article", seed.sources["article"])[0]
    document = json.loads(aif.write_xaif(seed, {"article": article})[0])
    path = tmp_path / "seed.xaif.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    done = _ova3_opens(path, dialogical=dialogical)
    assert done.returncode == 0, done.stderr
    opened = json.loads(done.stdout)
    kinds = {"I", "RA", "CA", "MA", "EN"}
    loaded = {n["nodeID"] for n in document["AIF"]["nodes"] if dialogical or n["type"] in kinds}
    shown = {n["nodeID"] for n in document["OVA"]["nodes"] if n["visible"]}
    assert set(opened["drawn"]) == loaded & shown and loaded - shown <= {
        n["nodeID"] for n in document["AIF"]["nodes"] if n["type"] == "YA"
    }
    assert len({tuple(place) for place in opened["drawn"].values()}) == len(opened["drawn"])  # no two on one spot
    wanted = {(e["fromID"], e["toID"]) for e in document["AIF"]["edges"] if {e["fromID"], e["toID"]} <= loaded}
    assert {tuple(edge) for edge in opened["edges"]} == wanted
    assert opened["text"] and len(opened["people"]) == len(seed.speakers)


def test_the_ova3_loader_check_refuses_an_empty_layout_as_ova3_does(tmp_path: Path) -> None:
    """The layout section argmap wrote before: OVA3 fails on it (Array.reduce of an empty OVA.nodes)."""
    path = tmp_path / "empty-layout.xaif.json"
    document = json.loads((corpus("aif") / "ova3-xaif-min.json").read_text(encoding="utf-8"))
    own = _ova3_opens(corpus("aif") / "ova3-xaif-min.json", dialogical=True)
    assert own.returncode == 0, own.stderr
    document["OVA"] |= {"nodes": [], "edges": []}
    path.write_text(json.dumps(document), encoding="utf-8")
    done = _ova3_opens(path, dialogical=False)
    assert done.returncode == 1 and "TypeError" in done.stderr
