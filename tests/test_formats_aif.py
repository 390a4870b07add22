"""AIF and xAIF: every corpus file imports; export then import gives the same map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from formats_support import CORPUS, ROOT, corpus
from hypothesis import HealthCheck, given, settings
from strategies import maps

from argmap import sources, store
from argmap.anchor import matches
from argmap.errors import ArgmapError
from argmap.formats import aif, xaif_layout
from argmap.model import ArgMap, RelationType

FILES = sorted(p.name for p in (CORPUS / "aif").glob("*.json")) or ["(corpus absent)"]
SEED_MAP = ROOT / "maps" / "partnership-of-convenience.argmap.json"


@pytest.mark.parametrize("name", FILES)
def test_every_corpus_file_imports(name: str) -> None:
    path = corpus("aif") / name
    raw = json.loads(path.read_text(encoding="utf-8"))
    nodes = raw["AIF"]["nodes"] if "AIF" in raw else raw["nodes"]
    conversion = aif.read(path.read_bytes(), str(path))
    argmap = conversion.map
    assert len(argmap.claims) == sum(n["type"] == "I" for n in nodes)
    edges = raw["AIF"]["edges"] if "AIF" in raw else raw["edges"]
    kinds = {str(n["nodeID"]): n["type"] for n in nodes}
    sources = {str(e["toID"]) for e in edges if kinds.get(str(e["fromID"])) == "I"}
    targets = {str(e["fromID"]) for e in edges if kinds.get(str(e["toID"])) in ("I", "RA", "CA")}
    usable = [nid for nid, kind in kinds.items() if kind in ("RA", "CA") and nid in sources and nid in targets]
    assert len(argmap.relations) == len(usable)
    for claim in argmap.claims.values():
        for anchor in claim.evidence:
            text = conversion.texts.get(anchor.source)
            if text is not None:
                assert matches(anchor, text)
    assert store.loads(store.dumps(argmap)).map == argmap


def test_linked_premises_undercuts_and_integer_ids(tmp_path: Path) -> None:
    nodeset = {
        "nodes": [
            {"nodeID": 1, "text": "Uniforms should be required.", "type": "I"},
            {"nodeID": 2, "text": "They reduce bullying.", "type": "I"},
            {"nodeID": 3, "text": "Bullying targets clothes.", "type": "I"},
            {"nodeID": 4, "text": "Default Inference", "type": "RA"},
            {"nodeID": 5, "text": "Bullying moves elsewhere.", "type": "I"},
            {"nodeID": 6, "text": "Default Conflict", "type": "CA"},
            {"nodeID": 7, "text": "They cost money.", "type": "I"},
            {"nodeID": 8, "text": "Default Conflict", "type": "CA"},
            {"nodeID": 9, "text": "Preference", "type": "PA"},
        ],
        "edges": [
            {"edgeID": 1, "fromID": 2, "toID": 4},
            {"edgeID": 2, "fromID": 3, "toID": 4},
            {"edgeID": 3, "fromID": 4, "toID": 1},
            {"edgeID": 4, "fromID": 5, "toID": 6},
            {"edgeID": 5, "fromID": 6, "toID": 4},
            {"edgeID": 6, "fromID": "7", "toID": "8"},
            {"edgeID": 7, "fromID": 8, "toID": 1},
        ],
        "locutions": [],
    }
    conversion = aif.read(json.dumps(nodeset))
    argmap = conversion.map
    by_text = {c.text: cid for cid, c in argmap.claims.items()}
    support = next(r for r in argmap.relations.values() if r.type is RelationType.SUPPORT)
    assert {argmap.claims[p].text for p in support.premises} == {"They reduce bullying.", "Bullying targets clothes."}
    undercut = next(r for r in argmap.relations.values() if r.premises == (by_text["Bullying moves elsewhere."],))
    assert undercut.type is RelationType.ATTACK and undercut.target in argmap.relations
    attack = next(r for r in argmap.relations.values() if r.premises == (by_text["They cost money."],))
    assert attack.target == by_text["Uniforms should be required."]
    assert argmap.claims[by_text["Uniforms should be required."]].kind.value == "thesis"
    assert any("preference" in w for w in conversion.warnings)


def test_xaif_spans_become_anchors_with_offsets_into_the_kept_text() -> None:
    path = corpus("aif") / "ova3-xaif-min.json"
    conversion = aif.read(path.read_bytes(), str(path))
    ((_source_id, text),) = conversion.texts.items()
    assert text == "A because B\n"
    anchors = {c.text: c.evidence for c in conversion.map.claims.values()}
    assert [(a.quote, a.start, a.end) for a in anchors["A"]] == [("A", 0, 1)]
    assert [(a.quote, a.start, a.end) for a in anchors["B"]] == [("B", 10, 11)]
    assert {conversion.map.speakers[a.speaker].name for a in anchors["A"]} == {"Participant Rachel"}


def test_locutions_without_offsets_keep_speakers_in_a_transcript() -> None:
    path = corpus("aif") / "us-2016-nodeset10609.json"
    conversion = aif.read(path.read_bytes(), str(path))
    transcript = conversion.texts["transcript"]
    speakers = {s.name for s in conversion.map.speakers.values()}
    assert "themastersb" in speakers
    for claim in conversion.map.claims.values():
        for anchor in claim.evidence:
            assert matches(anchor, transcript) and anchor.speaker in conversion.map.speakers


def test_the_dialogue_layer_is_kept() -> None:
    """us-2016-nodeset11116: no locution asserts a claim directly; a transition argues, another restates."""
    path = corpus("aif") / "us-2016-nodeset11116.json"
    argmap = aif.read(path.read_bytes(), str(path)).map
    assert len(argmap.locutions) == 4 and len(argmap.transitions) == 2
    (rephrase,) = argmap.rephrases.values()
    assert argmap.claims[rephrase.target].text and rephrase.premises[0] in argmap.claims
    acts = [act for transition in argmap.transitions.values() for act in transition.illocutions]
    assert sorted(act.kind for act in acts) == ["Arguing", "Restating"]
    restating = next(act for act in acts if act.kind == "Restating")
    assert restating.targets == tuple(argmap.rephrases)
    speakers = {argmap.speakers[loc.speaker].name for loc in argmap.locutions.values() if loc.speaker}
    assert speakers


def test_illocution_kinds_and_reported_speech_are_kept() -> None:
    path = corpus("aif") / "aifdb-nodeset6064-arguebuf.json"
    argmap = aif.read(path.read_bytes(), str(path)).map
    kinds = sorted(act.kind for locution in argmap.locutions.values() for act in locution.illocutions)
    assert kinds.count("Pure Questioning") == 1 and kinds.count("Popular Conceding") == 2
    lorem = corpus("aif") / "ova3-lorem-ipsum-aif.json"
    argmap = aif.read(lorem.read_bytes(), str(lorem)).map
    reported = [
        act
        for locution in argmap.locutions.values()
        for act in locution.illocutions
        if any(target in argmap.locutions for target in act.targets)
    ]
    assert len(reported) == 7 and {act.kind for act in reported} == {"Analysing"}


def test_dialogue_layer_survives_argmap_aif_argmap_exactly() -> None:
    for name in ("aifdb-nodeset6064-arguebuf.json", "qt30-nodeset23590.json", "ova3-xaif-min.json"):
        path = corpus("aif") / name
        conversion = aif.read(path.read_bytes(), str(path))
        for text, _ in (aif.write(conversion.map), aif.write_xaif(conversion.map, conversion.texts)):
            assert aif.read(text).map == conversion.map, name


def test_seed_map_exported_to_aif_and_imported_back_is_the_same_map() -> None:
    if not SEED_MAP.exists():
        pytest.skip("the seed map is not in this checkout")
    seed = store.load(SEED_MAP)
    text, _ = aif.write(seed)
    assert aif.read(text).map == seed
    article = sources.read_source_text(SEED_MAP, "article", seed.sources["article"])[0]
    xaif, _ = aif.write_xaif(seed, {"article": article})
    back = aif.read(xaif)
    assert back.map == seed
    assert back.texts == {"article": article}
    assert 'class="highlighted"' in json.loads(xaif)["text"]


def test_other_tools_see_plain_aif() -> None:
    if not SEED_MAP.exists():
        pytest.skip("the seed map is not in this checkout")
    document = json.loads(aif.write(store.load(SEED_MAP))[0])
    assert {n["type"] for n in document["nodes"]} == {"I", "RA", "CA", "L", "YA"}
    for edge in document["edges"]:
        assert {edge["fromID"], edge["toID"]} <= {n["nodeID"] for n in document["nodes"]}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_map_to_aif_to_map_is_the_same_map(argmap: ArgMap) -> None:
    text, _ = aif.write(argmap)
    assert aif.read(text).map == argmap


@pytest.mark.parametrize(
    "data",
    [b"", b"[]", b'{"nodes": 3}', b'{"AIF": {"nodes": "x"}}', b"\xff\xfe", b'{"nodes": [', b"null"],
)
def test_bad_aif_is_one_clean_error(data: bytes) -> None:
    with pytest.raises(ArgmapError):
        aif.read(data)


def test_ova_layout_places_every_node_and_a_large_graph_in_a_grid() -> None:
    nodes = [{"nodeID": f"n{n}", "text": "words " * n, "type": "I" if n % 2 else "RA"} for n in range(6)]
    edges = [{"fromID": f"n{n}", "toID": f"n{n + 1}"} for n in range(5)]
    section, warnings = xaif_layout.ova_section(nodes, edges)
    places = {(n["x"], n["y"]) for n in section["nodes"]}
    assert len(places) == 6 and not warnings
    assert [(e["fromID"], e["toID"]) for e in section["edges"]] == [(e["fromID"], e["toID"]) for e in edges]
    many = [{"nodeID": str(n), "text": "x", "type": "I"} for n in range(xaif_layout.LAYOUT_LIMIT + 1)]
    section, warnings = xaif_layout.ova_section(many, [])
    assert len({(n["x"], n["y"]) for n in section["nodes"]}) == len(many) and "grid" in warnings[0]
