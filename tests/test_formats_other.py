"""SADFace import, Kialo both ways, Markdown and Mermaid export, and format detection."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from formats_support import corpus, structure
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from strategies import maps

from argmap import formats, ops
from argmap.anchor import matches
from argmap.errors import ArgmapError
from argmap.formats import aif, argdown, kialo, markdown, mermaid, sadface
from argmap.graph import MapGraph
from argmap.model import Anchor, ArgMap, Claim, Relation, RelationType, Source

KIALO = (
    "Discussion Title: Should school uniforms be required?\r\n"
    "\r\n"
    "1. School uniforms should be required.\r\n"
    "1.1. Pro: Uniforms reduce bullying over \\*brand\\* clothes.\r\n"
    "Children notice labels early.\r\n"
    "1.1.1. Con: Bullying moves to shoes and phones.\r\n"
    "1.1.2. Pro: -> See 1.2.1.\r\n"
    "1.2. Con: Uniforms cost families money.\r\n"
    "1.2.1. Con: Second-hand uniforms are cheap \\[see [shop](https://example.org)\\].\r\n"
)
BULLYING = "Uniforms reduce bullying over \\*brand\\* clothes.\nChildren notice labels early."
KIALO_FILES = Path(__file__).parent / "fixtures" / "kialo"
"""Kialo discussions written for these tests (Kialo's own users' content is not openly licensed)."""


def test_kialo_paths_sides_links_continuations_and_escapes() -> None:
    argmap = kialo.read(KIALO.encode()).map
    assert argmap.title == "Should school uniforms be required?"
    by_text = {c.text: cid for cid, c in argmap.claims.items()}
    assert BULLYING in by_text
    cheap = by_text["Second-hand uniforms are cheap \\[see [shop](https://example.org)\\]."]
    uses = sorted((r.type, r.target) for r in argmap.relations.values() if r.premises == (cheap,))
    assert uses == sorted(
        [
            (RelationType.ATTACK, by_text["Uniforms cost families money."]),
            (RelationType.SUPPORT, by_text[BULLYING]),
        ]
    )
    assert len(argmap.claims) == 5
    assert argmap.claims[by_text["School uniforms should be required."]].kind.value == "thesis"


def test_kialo_export_reads_back_the_same() -> None:
    argmap = kialo.read(KIALO).map
    text, warnings = kialo.write(argmap)
    assert text.startswith("Discussion Title: Should school uniforms be required?\n\n1. School")
    assert "-> See " in text and not warnings
    assert structure(kialo.read(text).map) == structure(argmap)


@pytest.mark.parametrize("name", sorted(p.name for p in KIALO_FILES.glob("*.kialo.txt")))
def test_kialo_files_come_back_exactly(name: str) -> None:
    """Import then export gives the file byte for byte (its Markdown as written), and importing that the same map."""
    original = (KIALO_FILES / name).read_text(encoding="utf-8")
    conversion = kialo.read(original)
    text, warnings = kialo.write(conversion.map)
    assert (text, warnings, conversion.warnings) == (original, [], [])
    assert kialo.read(text).map == conversion.map
    crlf = b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode()
    assert kialo.read(crlf).map == conversion.map


def test_kialo_markdown_passes_through_and_only_line_structure_is_escaped() -> None:
    graph = MapGraph(ops.new_map("Pro: [studies](https://x.org/a_b) show *x*", thesis_id="t", title="T *1*"))
    graph.apply(ops.add_reason(graph, "t", "-> See 1.", claim_id="see"))
    graph.apply(ops.add_objection(graph, "t", "Two lines:\n1.2. not a path\n1.5 million", claim_id="lines"))
    graph.apply(ops.add_reason(graph, "lines", "\\-> See 1.\n1\\.2. escaped already", claim_id="both"))
    text, warnings = kialo.write(graph.map)
    assert text.splitlines() == [
        "Discussion Title: T *1*",
        "",
        "1. Pro: [studies](https://x.org/a_b) show *x*",
        "1.1. Pro: \\-> See 1.",
        "1.2. Con: Two lines:",
        "1\\.2. not a path",
        "1.5 million",
        "1.2.1. Pro: \\-> See 1.",
        "1\\\\.2. escaped already",
    ]
    assert not warnings
    back = kialo.read(text).map
    assert {c.text for c in back.claims.values()} == {c.text for c in graph.map.claims.values()}
    assert structure(back) == structure(graph.map)


def test_kialo_export_says_where_the_title_came_from_or_lost_its_line_breaks() -> None:
    untitled = ops.new_map("Only a thesis", thesis_id="t").model_copy(update={"title": ""})
    text, warnings = kialo.write(untitled)
    assert text.startswith("Discussion Title: Only a thesis\n")
    assert warnings == ["the map has no title: the thesis is written as the discussion title"]
    two_lines = untitled.model_copy(update={"title": "Two\nlines"})
    text, warnings = kialo.write(two_lines)
    assert text.startswith("Discussion Title: Two lines\n")
    assert warnings == ["the title's line breaks became spaces: Kialo's title is one line"]


def test_kialo_lines_left_out_are_named() -> None:
    text = "Discussion Title: x\n\n1. A\n1.1. Pro: B\n1.2. Pro: -> See 1.1.\n1.1.1. Con: -> See 1.1.\n"
    conversion = kialo.read(text)
    assert len(conversion.map.relations) == 1
    assert conversion.warnings == [
        "claim 1.2 repeats an earlier line's pro or con: left out",
        "claim 1.1.1 links its own parent: left out",
    ]


KIALO_TOKENS = ["1", "1.", "2.", "12.", "\\", ".", " ", "\t", "\n", "-> See ", "->", "Pro: ", "Con:", "x", "[a](b)"]
"""Pieces of text that Kialo's line format could misread: paths, links, sides, escapes, line breaks."""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(KIALO_TOKENS), min_size=1, max_size=12).map("".join).filter(str.strip))
@example("x\n1. y")
@example("x\n1\\. y")
@example("x\n1\\\\.2. y")
@example("x\n\t 3.")
@example("x\n1.5 y")
@example("-> See 1.")
@example("\\-> See 1.2.")
@example("\\\\->See 3")
@example("Pro: x")
@example("x\n-> See 1.")
def test_kialo_escapes_exactly_what_import_removes(text: str) -> None:
    """Any text, however path- or link-like its lines, comes back as it was: only the line format's escapes."""
    graph = MapGraph(ops.new_map(text, thesis_id="t", title="T"))
    graph.apply(ops.add_reason(graph, "t", text, claim_id="r"))
    written, _ = kialo.write(graph.map)
    assert sorted(c.text for c in kialo.read(written).map.claims.values()) == [text.strip(), text.strip()]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Discussion Title: x\n\n1. A\n1.1.1. Pro: orphan\n", "no parent"),
        ("1. A\n1.1. Pro: -> See 9.9.\n", "points at no claim"),
        ("Discussion Title: x\n", "no claims"),
        ("hello\n1. A\n", "not a Kialo discussion"),
        ("1. A\n1.1. Pro: B\n1.1. Con: C\n", "stands twice"),
    ],
)
def test_bad_kialo_is_one_clean_error(text: str, message: str) -> None:
    with pytest.raises(ArgmapError, match=message):
        kialo.read(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_kialo_round_trip_keeps_the_structure_or_says_why_not(argmap: ArgMap) -> None:
    text, warnings = kialo.write(argmap)
    if not argmap.claims:
        assert warnings
        return
    back = kialo.read(text).map
    about_structure = [w for w in warnings if not w.startswith(("not kept:", "the map has no title"))]
    if not about_structure:
        assert structure(back) == structure(argmap)
    if any(len(r.premises) > 1 for r in argmap.relations.values()):
        assert any("linked" in w for w in warnings)


def test_sadface_corpus_imports() -> None:
    folder = corpus("sadface")
    example = sadface.read((folder / "basic_1-readme-example.json").read_bytes()).map
    assert example.title == "very important"
    assert len(example.claims) == 6 and len(example.relations) == 3
    assert {r.type for r in example.relations.values()} == {RelationType.SUPPORT, RelationType.ATTACK}
    hangback = sadface.read((folder / "hangback.json").read_bytes()).map
    assert len(hangback.claims) == 4 and hangback.theses()
    assert sadface.read((folder / "minimal.json").read_bytes()).map.claims == {}


def _atom(ident: str, text: str, quote: str, offset: int) -> dict:
    source = {"resource_id": "r1", "text": quote, "offset": offset, "length": len(quote)}
    return {"id": ident, "type": "atom", "text": text, "sources": [source]}


def test_sadface_atom_sources_become_anchors() -> None:
    content = "Uniforms help. They reduce bullying a lot."
    document = {
        "metadata": {"core": {"title": "t"}},
        "resources": [{"id": "r1", "content": content, "type": "text", "metadata": {"title": "Essay"}}],
        "nodes": [
            {
                "id": "a",
                "type": "atom",
                "text": "Uniforms help.",
                "sources": [{"resource_id": "r1", "text": "Uniforms help.", "offset": 0, "length": 14}],
            },
            {
                "id": "b",
                "type": "atom",
                "text": "They reduce bullying.",
                "sources": [{"resource_id": "r1", "text": "They reduce bullying", "offset": 15, "length": 20}],
            },
            {"id": "s", "type": "scheme", "name": "support"},
        ],
        "edges": [{"id": "e1", "source_id": "b", "target_id": "s"}, {"id": "e2", "source_id": "s", "target_id": "a"}],
    }
    conversion = sadface.read(json.dumps(document))
    ((sid, text),) = conversion.texts.items()
    assert text == content and conversion.map.sources[sid].title == "Essay"
    anchors = [a for c in conversion.map.claims.values() for a in c.evidence]
    assert sorted(a.quote for a in anchors) == ["They reduce bullying", "Uniforms help."]
    assert all(matches(a, content) for a in anchors)


def test_sadface_source_text_wins_over_its_offset_and_says_so() -> None:
    content = "If we wait, we should act. Later we should act again."
    later = content.rindex("we should act")
    atoms = [
        _atom("off-by-one", "Act now.", "we should act", content.index("we should act") + 1),
        _atom("nearest", "Act again.", "we should act", later - 3),
        _atom("exact", "Wait.", "If we wait", 0),
        _atom("absent", "Never.", "we never act", 5),
    ]
    document = {
        "metadata": {"core": {"title": "t"}},
        "resources": [{"id": "r1", "content": content, "type": "text"}],
        "nodes": atoms,
        "edges": [],
    }
    conversion = sadface.read(json.dumps(document))
    evidence = {cid: claim.evidence for cid, claim in conversion.map.claims.items()}
    assert [(a.quote, a.start) for a in evidence["off-by-one"]] == [("we should act", content.index("we should"))]
    assert [(a.quote, a.start) for a in evidence["nearest"]] == [("we should act", later)]
    assert [(a.quote, a.start) for a in evidence["exact"]] == [("If we wait", 0)]
    assert evidence["absent"] == ()
    assert all(matches(a, content) for anchors in evidence.values() for a in anchors)
    assert conversion.warnings == [
        "atom 'off-by-one': its source text 'we should act' is not at offset 13, where the resource has "
        "'e should act.': anchored where the text stands, at 12",
        f"atom 'nearest': its source text 'we should act' is not at offset {later - 3}, where the resource has "
        f"'er we should ': anchored where the text stands, at {later}",
        "atom 'absent': its source text 'we never act' is not in the resource: kept without an anchor",
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.text("ab .\n", min_size=1, max_size=30),
    st.text("ab .\n", min_size=1, max_size=6),
    st.one_of(st.none(), st.integers(-3, 40)),
    st.one_of(st.none(), st.integers(-3, 10)),
)
def test_sadface_anchors_stand_where_their_text_does(
    content: str, quote: str, offset: int | None, length: int | None
) -> None:
    """Whatever the offset and length say, an anchor is made only where the quote stands, and a moved one is named."""
    source = {"resource_id": "r1", "text": quote, "offset": offset, "length": length}
    document = {
        "metadata": {"core": {}},
        "resources": [{"id": "r1", "content": content}],
        "nodes": [{"id": "n", "type": "atom", "text": "N", "sources": [source]}],
    }
    conversion = sadface.read(json.dumps(document))
    evidence = conversion.map.claims["n"].evidence
    if quote not in content:
        assert evidence == () and any("is not in the resource" in w for w in conversion.warnings)
        return
    ((anchor,),) = [evidence]
    assert anchor.quote == quote and matches(anchor, content)
    if anchor.start != offset:
        assert any(w.startswith("atom 'n': its source text") for w in conversion.warnings)


def test_sadface_says_what_it_leaves_out() -> None:
    document = {
        "metadata": {"core": {"title": "t", "analyst_name": "A", "version": "0.2"}, "tool": {"x": 1}},
        "resources": [],
        "nodes": [
            {"id": "a", "type": "atom", "text": "A", "metadata": {"core": {"note": "kept?"}}},
            {"id": "b", "type": "atom", "text": "B"},
            {"id": "s", "type": "scheme", "name": "support"},
            {"id": "lonely", "type": "scheme", "name": "conflict"},
        ],
        "edges": [
            {"id": "e1", "source_id": "b", "target_id": "s"},
            {"id": "e2", "source_id": "s", "target_id": "a"},
            {"id": "e3", "source_id": "a", "target_id": "b"},
            {"id": "e4", "source_id": "b", "target_id": "nowhere"},
            {"id": "e5", "source_id": "a", "target_id": "lonely"},
        ],
    }
    conversion = sadface.read(json.dumps(document))
    assert len(conversion.map.relations) == 1
    assert conversion.warnings == [
        "1 edge(s) naming a node the file does not have were left out",
        "1 edge(s) not between an atom and a scheme were left out (argmap relates atoms through schemes)",
        "scheme 'lonely' has no conclusion: left out",
        "metadata not kept: analyst_name, tool.…",
        "metadata of 1 node(s) not kept ('a')",
    ]


def _small_map() -> ArgMap:
    graph = MapGraph(ops.new_map('Uniforms "should" be <b>required</b> #1', thesis_id="thesis", title="Uniforms"))
    graph.apply(ops.add_reason(graph, "thesis", "They reduce bullying.", claim_id="bullying"))
    graph.apply(ops.add_co_premise(graph, "r-bullying", "Bullying targets *clothes*.", claim_id="clothes"))
    graph.apply(ops.add_objection(graph, "thesis", "1. They cost money; end", claim_id="cost"))
    graph.apply(ops.add_undercut(graph, "r-cost", "Subsidies exist.", claim_id="subsidy"))
    return graph.map


def test_markdown_outline_nests_reasons_and_escapes_text() -> None:
    text, _ = markdown.write(_small_map())
    lines = text.splitlines()
    assert lines[0] == "# Uniforms"
    assert '- **Uniforms "should" be \\<b\\>required\\</b\\> #1**' in lines
    assert "  - **Pro** (these premises together):" in lines
    assert "    - Bullying targets \\*clothes\\*." in lines
    assert "  - **Con:** 1\\. They cost money; end" in lines
    assert "    - **Undercut:** Subsidies exist." in lines


def _map_with_line_breaks() -> ArgMap:
    graph = MapGraph(ops.new_map("Thesis line\nnext line\n\nNew paragraph", thesis_id="t", title="Two\nlines"))
    graph.apply(ops.add_reason(graph, "t", "Reason\n- no list\n# no heading\n1. no number", claim_id="r"))
    graph.apply(ops.add_co_premise(graph, "r-r", "Co\npremise", claim_id="co"))
    graph.apply(ops.add_objection(graph, "t", "Objection", claim_id="o"))
    quote = Anchor(source="s", quote="quoted\nacross lines", start=0, end=19)
    graph.apply(ops.add_source(graph, "s", Source(title="S")))
    graph.apply(ops.update_claim(graph, "o", "quote", evidence=(quote,), note="a note"))
    return graph.map


def test_markdown_keeps_line_breaks_as_hard_breaks_in_their_bullet() -> None:
    text, warnings = markdown.write(_map_with_line_breaks())
    html = MarkdownIt("commonmark").render(text)
    assert "<p><strong>Thesis line<br />\nnext line</strong></p>\n<p><strong>New paragraph</strong></p>" in html
    assert (
        "<li>Reason<br />\n- no list<br />\n# no heading<br />\n1. no number</li>\n<li>Co<br />\npremise</li>" in html
    )
    assert "<blockquote>\n<p>“quoted<br />\nacross lines”</p>\n</blockquote>" in html
    assert html.count("<ul>") == 3 and "<h1>Two lines</h1>" in html
    assert warnings == [
        "the title's line breaks became spaces: a Markdown heading is one line",
        "not kept: claim notes of 1 ('o'); sources (1) (the Markdown outline has no place for them)",
    ]


def _map_with_a_circle() -> ArgMap:
    """A thesis with a reason, and below no thesis a lone claim and two claims bearing on each other."""
    graph = MapGraph(ops.new_map("Thesis", thesis_id="t", title="x"))
    graph.apply(ops.add_reason(graph, "t", "Reason", claim_id="r"))
    circle = {
        "ab": Relation(type=RelationType.SUPPORT, premises=("a",), target="b"),
        "ba": Relation(type=RelationType.ATTACK, premises=("b",), target="a"),
    }
    claims = {"a": Claim(text="A"), "b": Claim(text="B"), "lone": Claim(text="Lone")}
    return graph.map.model_copy(
        update={"claims": {**graph.map.claims, **claims}, "relations": {**graph.map.relations, **circle}}
    )


def test_kialo_writes_claims_below_no_thesis_as_further_tops() -> None:
    argmap = _map_with_a_circle()
    text, warnings = kialo.write(argmap)
    assert text.splitlines()[2:] == [
        "1. Thesis",
        "1.1. Pro: Reason",
        "2. Lone",
        "3. A",
        "3.1. Con: B",
        "3.1.1. Pro: -> See 3.",
    ]
    assert warnings == [
        "2 claim(s) below no thesis written as further top-level claims ('a', 'lone'), which read back as theses"
    ]
    assert structure(kialo.read(text).map) == structure(argmap)


def test_markdown_writes_claims_below_no_thesis_too() -> None:
    text, warnings = markdown.write(_map_with_a_circle())
    assert text.split("\n\n")[2].splitlines() == [
        "- A",
        "  - **Con:** B",
        "    - **Pro:** A",
        "      - *(reasons shown above)*",
        "- Lone",
    ]
    assert not warnings


def test_mermaid_keeps_line_breaks_as_br_in_the_label() -> None:
    text, warnings = mermaid.write(_map_with_line_breaks())
    assert '"Thesis line<br>next line<br><br>New paragraph"' in text
    assert '"Reason<br>- no list<br>#35; no heading<br>1. no number"' in text
    assert text.startswith('---\ntitle: "Two lines"\n---\n')
    assert warnings == [
        "the title's line breaks became spaces: Mermaid's title is one line",
        "not kept: claim notes of 1 ('o'); evidence of 1 ('o'); sources (1) "
        "(the Mermaid flowchart has no place for them)",
    ]


def test_mermaid_labels_cannot_break_out_and_relations_are_drawn() -> None:
    text, _ = mermaid.write(_small_map())
    assert text.splitlines()[3] == "flowchart BT"
    for line in text.splitlines():
        for label in re.findall(r'"([^"]*)"', line):
            assert not set(label) & set('<>"`')
    assert "#quot;should#quot; be #lt;b#gt;required#lt;/b#gt; #35;1" in text
    assert text.count("-->|supports|") == 1 and text.count("-.->|undercuts|") == 1
    assert re.search(r"c\d+ --- r\d+", text)  # linked premises meet at a junction


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("x.argdown", "[A]: a", "argdown"),
        ("x.json", '{"nodes": [], "edges": []}', "aif"),
        ("x.json", '{"AIF": {"nodes": []}, "text": ""}', "xaif"),
        ("x.json", '{"metadata": {"core": {}}, "nodes": []}', "sadface"),
        ("x.txt", "Discussion Title: t\n\n1. A\n", "kialo"),
        ("-", "[A]: a\n  + [B]: b", "argdown"),
        ("x.aif.json", '{"nodes": []}', "aif"),
        ("x.json", '{"statements": {}, "arguments": {}, "relations": []}', "argdown"),
    ],
)
def test_format_from_extension_or_content(name: str, data: str, expected: str) -> None:
    assert formats.detect(name, data) == expected


def test_unknown_formats_are_refused_with_the_choices() -> None:
    with pytest.raises(ArgmapError, match="one of"):
        formats.get("markdown", reading=True)
    with pytest.raises(ArgmapError, match="cannot tell"):
        formats.detect("x.bin", b"")


def test_relation_kinds_titles_and_arguments_are_kept_or_named() -> None:
    """Contrary and contradictory relations, display titles and arguments (from Argdown) in the three exports."""
    text = (
        "===\nmodel:\n  mode: strict\n===\n\n[H1]: Epidemics cause it.\n  -> [H2]: Examinations cause it.\n\n"
        "[H2]\n  >< [H3]: Nothing causes it.\n  + <A>: An argument.\n"
    )
    argmap = argdown.read(text).map
    lost = "not kept: display titles of 3 ('h1', 'h2', 'h3'); arguments (1) (the {} has no place for them)"
    written, warnings = kialo.write(argmap)
    assert "1.1. Con: Examinations cause it.\n1.1.1. Con: Epidemics cause it." in written
    assert warnings[0] == (
        "2 contrary or contradictory relation(s) written as Con ('r-h1', 'r-h2'): Kialo has only Pro and Con"
    )
    written, warnings = markdown.write(argmap)
    assert "  - **Contradictory:** Examinations cause it.\n    - **Contrary:** Epidemics cause it." in written
    assert warnings == [lost.format("Markdown outline")]
    written, warnings = mermaid.write(argmap)
    assert "|is contrary to|" in written and "|contradicts|" in written
    assert warnings == [lost.format("Mermaid flowchart")]


def test_argdown_and_aif_name_the_tables_they_cannot_keep() -> None:
    """Argdown once dropped a debate's locutions and AIF a map's arguments without a word (both found after the
    dialogue layer and the arguments table landed side by side)."""
    path = corpus("aif") / "us-2016-nodeset10609.json"
    debate = aif.read(path.read_bytes(), str(path)).map
    assert debate.locutions
    _, warnings = argdown.write(debate)
    assert [w for w in warnings if w.startswith("not kept: locutions (")], warnings
    reconstructed = argdown.read("<A>: An argument.\n\n(1) [P]: A premise.\n----\n(2) [C]: A conclusion.\n").map
    assert reconstructed.arguments
    _, warnings = aif.write(reconstructed)
    assert "not kept: arguments (1) (AIF has no place for them)" in warnings


def _corpus_maps() -> list[tuple[str, ArgMap]]:
    """Every corpus file argmap imports (Argdown, AIF, xAIF, SADFace), as maps."""
    found = []
    for kind in ("argdown", "aif", "sadface"):
        for path in sorted(corpus(kind).iterdir()):
            if path.suffix not in {".json", ".argdown"} or ".generated-" in path.name:
                continue
            data = path.read_bytes()
            try:
                found.append((path.name, formats.read(formats.detect(str(path), data), data, str(path)).map))
            except ArgmapError:
                continue  # the files the peers themselves reject; test_formats_argdown checks the error
    return found


def test_corpus_maps_keep_every_claim_in_kialo_markdown_and_mermaid() -> None:
    """Every claim of every corpus map is in each export: Kialo reads back with the same claims (and relations when
    no warning says otherwise), a CommonMark reader finds each text in the Markdown, each claim is a Mermaid node.

    Before issue 17, Markdown left out 43 of the 47 claims of the Argdown veggie debate (all in circles of
    contradictions, below no thesis) without a word, and Kialo wrote 4 of them."""
    maps = _corpus_maps()
    assert len(maps) > 30
    reader = MarkdownIt("commonmark", {"maxNesting": 1000})  # its default 20 cuts deep outlines short
    for name, argmap in maps:
        text, warnings = kialo.write(argmap)
        if argmap.claims:
            back = kialo.read(text).map
            assert structure(back)[0] == structure(argmap)[0], name
            if not any(("linked" in w or "onto relations" in w or "contrary" in w) for w in warnings):
                assert structure(back) == structure(argmap), name
        shown = html.unescape(re.sub(r"<[^>]+>", "", reader.render(markdown.write(argmap)[0])))
        assert all(" ".join(c.text.split()) in " ".join(shown.split()) for c in argmap.claims.values()), name
        labels = set(re.findall(r'"([^"]*)"', mermaid.write(argmap)[0]))
        assert all(mermaid.label(c.text).strip('"') in labels for c in argmap.claims.values()), name
