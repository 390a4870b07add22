"""The DOT writer: golden files, determinism, the visual vocabulary, selection and numbering."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from render_maps import classroom_map, grown_map

from argmap import store
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.render import RenderOptions, build_dot
from argmap.render.dot import clean, html_text, plain_label, quoted, shorten, wrap
from argmap.render.view import select

GOLDEN = Path(__file__).parent / "golden"
needs_dot = pytest.mark.needs("dot")

CASES = {
    "classroom": RenderOptions(),
    "handout-print": RenderOptions(theme="print", numbers=True, quotes=True, legend=True, title="Russia & North Korea"),
    "german-dark-lr": RenderOptions(theme="dark", lang="de", direction="LR"),
    "plain-high-contrast": RenderOptions(theme="high-contrast", html_labels=False, numbers=True, quotes=True),
    "focus-depth": RenderOptions(focus="needs-shells", depth=1, numbers=True),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_dot_matches_golden_file(name: str) -> None:
    """Regenerate with UPDATE_GOLDEN=1 after a deliberate change, and look at the diff."""
    dot = build_dot(classroom_map(), CASES[name])
    path = GOLDEN / f"render-{name}.dot"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(dot, encoding="utf-8", newline="\n")
    assert dot == path.read_text(encoding="utf-8")


def test_same_map_same_bytes_whatever_the_order_of_its_records(tmp_path: Path) -> None:
    argmap = classroom_map()
    data = json.loads(store.dumps(argmap))
    for table in ("claims", "relations"):
        data[table] = dict(reversed(list(data[table].items())))
    shuffled = store.loads(json.dumps(data).encode(), "shuffled").map
    options = CASES["handout-print"]
    assert build_dot(shuffled, options) == build_dot(argmap, options) == build_dot(argmap, options)


def test_one_node_per_claim_and_relation_kinds_as_edge_classes() -> None:
    dot = build_dot(classroom_map())
    node_ids = re.findall(r'id="claim-([^"]+)"', dot)
    assert sorted(node_ids) == sorted(classroom_map().claims)
    classes = dict(re.findall(r'id="relation-([^"]+?)", class="relation (\w+)"', dot))
    assert classes == {
        "r-no-complementarity": "support",
        "r-needs-shells": "attack",
        "r-sanctioned": "support",
        "r-trade-fell": "support",
        "r-transaction": "attack",
        "r-trade-fell-2": "attack",
        "r-sanctions-bind": "undercut",
    }


def test_visual_vocabulary_does_not_rest_on_colour() -> None:
    dot = build_dot(classroom_map(), RenderOptions(theme="print"))

    def line(ident: str) -> str:
        return next(text for text in dot.splitlines() if f'id="{ident}"' in text)

    assert 'arrowhead="normal"' in line("relation-r-no-complementarity")
    assert 'arrowhead="tee"' in line("relation-r-needs-shells") and 'style="bold"' in line("relation-r-needs-shells")
    undercut = line("relation-r-sanctions-bind")
    assert 'style="dashed"' in undercut and 'arrowhead="tee"' in undercut
    assert '-> "r-sanctioned"' in undercut, "an undercut points at the inference's junction"
    assert "dashed" in line("claim-cannot-replace-europe")
    assert "rounded" not in line("claim-trade-fell").split("label=")[0], "a basis has square corners"
    assert "STATISTIC" in line("claim-trade-fell")
    assert 'penwidth="2.2"' in line("claim-thesis") and "<B>" in line("claim-thesis")
    colours = set(re.findall(r'(?:color|fillcolor)="([^"]+)"', dot))
    assert colours <= {"black", "white", "#eeeeee", "#444444"}, "print is black and white"


def test_linked_premises_meet_in_one_junction_before_the_arrow() -> None:
    dot = build_dot(classroom_map())
    assert '"sanctioned" -> "r-sanctioned"' in dot
    assert '"cannot-replace-europe" -> "r-sanctioned"' in dot
    assert dot.count('-> "thesis"') == 3, "two single reasons and one arrow for the linked pair"
    assert 'id="junction-r-sanctioned", class="junction support linked attacked"' in dot


def test_translations_numbers_quotes_title_legend_and_badges() -> None:
    dot = build_dot(
        classroom_map(),
        RenderOptions(
            lang="de", numbers=True, quotes=True, title="Title here", legend=True, badges={"thesis": "strength 0.73"}
        ),
    )
    assert "Zweckpartnerschaft" in dot
    assert "Buying shells is a" in dot, "no German text: falls back to the map's own"
    assert ">1.1<" in dot and ">1.2.1<" in dot and "1.3a · EREIGNIS" in dot and "1.3b · IMPLIZIT" in dot
    assert "Legende" in dot and "spricht dagegen" in dot, "the diagram's own words follow the language"
    assert "“eine nahezu fehlende<BR/>wirtschaftliche" in dot
    assert "<TD>Title here</TD>" in dot, "the title heads the label that holds the key"
    assert "subgraph cluster_legend" not in dot, "the key is no part of the layout"
    assert "strength 0.73" in dot


def test_focus_and_depth_select_a_part_and_say_what_is_hidden() -> None:
    argmap = classroom_map()
    graph = MapGraph(argmap)
    view = select(argmap, graph, focus="thesis", depth=1)
    assert set(view.claims) == {"thesis", "no-complementarity", "needs-shells", "sanctioned", "cannot-replace-europe"}
    assert view.hidden_below == {"no-complementarity": 1, "needs-shells": 2, "sanctioned": 1}, (
        "the undercut of the step from the linked premises counts as hidden below them"
    )
    assert "… 2 more below" in build_dot(argmap, RenderOptions(depth=1))
    focused = select(argmap, graph, focus="needs-shells")
    assert set(focused.claims) == {"needs-shells", "transaction", "trade-fell"}
    assert select(argmap, graph, depth=0).claims == ("thesis",)
    with pytest.raises(ArgmapError, match="no claim or relation"):
        select(argmap, graph, focus="nope")
    with pytest.raises(ArgmapError, match="--depth"):
        select(argmap, graph, depth=-1)


def test_long_rows_of_leaf_reasons_are_staggered() -> None:
    dot = build_dot(grown_map(6, fan_out=5))
    assert 'minlen="2"' in dot and 'minlen="3"' in dot
    assert "minlen" not in build_dot(grown_map(3, fan_out=2))


def test_unknown_theme_is_a_clean_error() -> None:
    with pytest.raises(ArgmapError, match="unknown theme 'neon'; one of: classroom, print, high-contrast, dark"):
        build_dot(classroom_map(), RenderOptions(theme="neon"))


def test_escapers() -> None:
    assert quoted('a"b\\c&d') == '"a\\"b\\\\c&amp;d"'
    assert plain_label(["one", 'two "x"']) == '"one\\ntwo \\"x\\""'
    assert html_text('<b>&"\\N') == "&lt;b&gt;&amp;&quot;\\\\N"
    assert clean("a\x00b\nc\ud800d") == "a b c d"
    assert wrap("word " * 10, 12) == ["word word", "word word", "word word", "word word", "word word"]
    assert shorten("x" * 200).endswith(" …") and len(shorten("x" * 200)) <= 112


@needs_dot
@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_dot_is_valid_graphviz(name: str) -> None:
    done = subprocess.run(
        ["dot", "-Tcanon"], input=(GOLDEN / f"render-{name}.dot").read_bytes(), capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    assert b"Warning" not in done.stderr and b"Error" not in done.stderr, done.stderr.decode()


def test_dangling_ids_and_cycles_draw_without_invented_nodes() -> None:
    """A map that `argmap check` would flag still draws, leaving out what points nowhere."""
    data = json.loads(store.dumps(classroom_map()))
    data["relations"]["r-ghost"] = {"type": "support", "premises": ["ghost"], "target": "thesis"}
    data["relations"]["r-nowhere"] = {"type": "attack", "premises": ["transaction"], "target": "nowhere"}
    data["relations"]["r-loop"] = {"type": "support", "premises": ["thesis"], "target": "trade-fell"}
    argmap = store.loads(json.dumps(data).encode(), "flawed").map
    for options in (RenderOptions(numbers=True), RenderOptions(depth=2, numbers=True)):
        dot = build_dot(argmap, options)
        declared = set(re.findall(r'^  "([^"]+)" \[', dot, re.MULTILINE))
        used = set(re.findall(r'^  "([^"]+)" -> "([^"]+)"', dot, re.MULTILINE))
        assert {end for edge in used for end in edge} <= declared
        assert "ghost" not in dot and "nowhere" not in dot
    assert '"thesis" -> "trade-fell"' in build_dot(argmap)
