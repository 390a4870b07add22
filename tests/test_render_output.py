"""Pictures through both Graphviz backends, the safety of what they contain, and size limits."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SEED_MAP
from render_maps import HOSTILE_TEXTS, classroom_map, grown_map, hostile_map

from argmap import store
from argmap.errors import ArgmapError
from argmap.render import RenderOptions, build_dot, render_file, render_map
from argmap.render.sanitize import sanitize_svg

needs_dot = pytest.mark.needs("dot")
BACKENDS = [pytest.param("system", marks=needs_dot), "wasm"]
SVG = "{http://www.w3.org/2000/svg}"


def svg_groups(svg: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g")}


def classes(group: ET.Element) -> set[str]:
    return set((group.get("class") or "").split())


@pytest.mark.parametrize("backend", BACKENDS)
def test_svg_has_one_node_per_claim_and_styled_edges(backend: str) -> None:
    argmap = classroom_map()
    groups = svg_groups(render_map(argmap, "svg", RenderOptions(quotes=True, numbers=True), backend=backend))
    claims = {gid.removeprefix("claim-") for gid, g in groups.items() if "claim" in classes(g)}
    assert claims == set(argmap.claims)
    assert "thesis" in classes(groups["claim-thesis"]) and "implicit" in classes(groups["claim-cannot-replace-europe"])

    def path_of(gid: str) -> ET.Element:
        return next(groups[gid].iter(f"{SVG}path"))

    support, attack = path_of("relation-r-no-complementarity"), path_of("relation-r-needs-shells")
    undercut = path_of("relation-r-sanctions-bind")
    assert support.get("stroke") == "#1a9641" and attack.get("stroke") == "#d7301f"
    assert undercut.get("stroke") == "#7b3294" and undercut.get("stroke-dasharray")
    assert support.get("stroke-dasharray") is None and attack.get("stroke-dasharray") is None
    assert "junction" in classes(groups["junction-r-sanctioned"])
    texts = " ".join(t.text or "" for t in groups["claim-no-complementarity"].iter(f"{SVG}text"))
    assert "The two economies have almost" in texts and "1.1" in texts


@pytest.mark.parametrize("backend", BACKENDS)
def test_seed_map_renders_with_every_claim(backend: str) -> None:
    if not SEED_MAP.exists():
        pytest.skip("the seed map is not in this checkout")
    argmap = store.load(SEED_MAP)
    groups = svg_groups(render_map(argmap, "svg", RenderOptions(legend=True), backend=backend))
    assert sum("claim" in classes(g) for g in groups.values()) == len(argmap.claims)


@needs_dot
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG\r\n\x1a\n"), ("pdf", b"%PDF-")])
@pytest.mark.parametrize("theme", ["classroom", "print", "high-contrast", "dark"])
def test_png_and_pdf_in_every_theme(tmp_path: Path, fmt: str, magic: bytes, theme: str) -> None:
    path = tmp_path / "map.argmap.json"
    store.save(classroom_map(), path)
    out = render_file(path, tmp_path / f"out.{fmt}", RenderOptions(theme=theme, legend=True), backend="system")
    data = out.read_bytes()
    assert data.startswith(magic) and len(data) > 5000


# Hostile texts -----------------------------------------------------------------------------------


@needs_dot
@pytest.mark.parametrize("html_labels", [True, False])
def test_hostile_texts_add_no_node_or_attribute(html_labels: bool) -> None:
    """Graphviz's own parse of the DOT has exactly the map's nodes, each with only our attributes."""
    argmap = hostile_map()
    dot = build_dot(argmap, RenderOptions(html_labels=html_labels, quotes=True, lang="de", title=argmap.title))
    done = subprocess.run(["dot", "-Tjson0"], input=dot.encode(), capture_output=True, check=True)
    graph = json.loads(done.stdout)
    nodes = {obj["name"]: obj for obj in graph["objects"]}
    assert set(nodes) == set(argmap.claims)
    allowed = {"id", "class", "style", "label", "fillcolor", "color", "penwidth", "fontsize", "margin", "fontname"}
    layout = {"height", "width", "pos", "_gvid", "shape", "fontcolor"}
    for name, node in nodes.items():
        assert set(node) - layout - {"name"} <= allowed, name
        assert node["id"] == f"claim-{name}"
    assert len(graph["edges"]) == len(argmap.relations)
    assert all(set(edge) >= {"tail", "head"} and "URL" not in edge and "href" not in edge for edge in graph["edges"])


@pytest.mark.parametrize("backend", BACKENDS)
def test_hostile_svg_shows_the_texts_and_carries_nothing_active(backend: str) -> None:
    argmap = hostile_map()
    svg = render_map(argmap, "svg", RenderOptions(quotes=True, title=argmap.title, legend=True), backend=backend)
    root = ET.fromstring(svg)
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"script", "foreignObject", "a", "iframe", "object"}
    for element in root.iter():
        for name, value in element.attrib.items():
            assert "javascript:" not in value.lower(), (element.tag, name)
            assert not name.removeprefix("{http://www.w3.org/1999/xlink}").lower().startswith("on")
            assert "href" not in name.lower()
    shown = "\n".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for text in ('a"]; x [label="pwn"]; "b', "<script>alert(1)</script>", "} digraph { evil -> node }"):
        assert text in shown, f"{text!r} is shown literally"
    assert '\\N \\G \\l \\n \\" all literal' in shown
    assert "&amp; &lt;" in shown, "entities in a text are shown, not decoded"
    one_line = shown.replace("\n", " ")
    assert 'The thesis "quoted" & <i>marked</i>' in one_line and "</title><script>x</script>" in shown
    assert len([g for g in root.iter(f"{SVG}g") if "claim" in (g.get("class") or "").split()]) == len(HOSTILE_TEXTS) + 1


def test_sanitizer_strips_active_content_and_keeps_the_drawing() -> None:
    dirty = b"""<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
<script>alert(2)</script>
<g id="keep"><a xlink:href="javascript:alert(3)"><text>label</text></a>
<use href="#keep"/><image href="https://example.org/x.png"/><foreignObject><p>html</p></foreignObject>
<rect style="fill: url(https://example.org/f.svg#p)" fill="url(#grad)"/></g>
</svg>"""
    clean = sanitize_svg(dirty)
    root = ET.fromstring(clean)
    assert b"script" not in clean and b"javascript" not in clean and b"example.org" not in clean
    assert b"onload" not in clean and b"foreignObject" not in clean and b"DOCTYPE" not in clean
    assert root.find(f".//{SVG}use").get("href") == "#keep"
    assert root.find(f".//{SVG}rect").get("fill") == "url(#grad)"
    assert "label" in "".join(root.itertext())
    with pytest.raises(ArgmapError, match="does not parse"):
        sanitize_svg(b"<svg><script></svg>")
    plain = b'<svg xmlns="http://www.w3.org/2000/svg"><!-- a --><text>safe</text></svg>'
    assert sanitize_svg(plain) is plain, "Graphviz's usual output passes unchanged"


# Backends and limits ------------------------------------------------------------------------------


def test_png_without_system_graphviz_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ArgmapError) as caught:
        render_map(classroom_map(), "png")
    assert "apt install graphviz" in str(caught.value) and "brew install graphviz" in str(caught.value)
    assert "\n" not in str(caught.value)
    with pytest.raises(ArgmapError, match="`dot` is not on PATH"):
        render_map(classroom_map(), "svg", backend="system")
    assert render_map(classroom_map(), "svg").startswith(b"<?xml"), "auto falls back to WebAssembly for SVG"


def test_wasm_backend_is_never_asked_for_what_it_lacks() -> None:
    from argmap.render.backends import WasmGraphviz

    with pytest.raises(ArgmapError, match="PDF needs the system Graphviz"):
        WasmGraphviz().render("digraph { a }", "pdf")


def test_backend_choice_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_GRAPHVIZ", "carrier-pigeon")
    with pytest.raises(ArgmapError, match="ARGMAP_GRAPHVIZ='carrier-pigeon'"):
        render_map(classroom_map(), "svg")
    monkeypatch.setenv("ARGMAP_GRAPHVIZ", "wasm")
    assert render_map(classroom_map(), "svg") == render_map(classroom_map(), "svg", backend="wasm")
    with pytest.raises(ArgmapError, match="PNG needs the system Graphviz"):
        render_map(classroom_map(), "png")


def test_large_maps_warn_and_huge_pngs_are_refused() -> None:
    warnings: list[str] = []
    big = grown_map(1001)
    render_map(big, "dot", warn=warnings.append)
    assert warnings == ["1001 claims will not read as one picture; try --focus ID and --depth N"]
    with pytest.raises(ArgmapError, match="1001 claims make a PNG too large"):
        render_map(big, "png", warn=None)
    warnings.clear()
    render_map(big, "dot", RenderOptions(depth=2), warn=warnings.append)
    assert warnings == [], "a part of the map is fine"


def test_render_file_writes_beside_the_map_by_default(tmp_path: Path) -> None:
    path = tmp_path / "nk.argmap.json"
    store.save(classroom_map(), path)
    out = render_file(path, options=RenderOptions(theme="dark"))
    assert out == tmp_path / "nk.svg" and out.read_bytes().startswith(b"<?xml")
    assert render_file(path, tmp_path / "nk.dot").read_text().startswith("digraph argmap {")
    with pytest.raises(ArgmapError, match="cannot tell the format"):
        render_file(path, tmp_path / "nk.gif")


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_very_wide_picture_warns_even_with_few_claims(backend: str) -> None:
    warnings: list[str] = []
    wide = grown_map(120, fan_out=119)
    render_map(wide, "svg", RenderOptions(), backend=backend, warn=warnings.append)
    assert len(warnings) == 1 and "m wide; try --direction LR" in warnings[0]
    warnings.clear()
    render_map(classroom_map(), "svg", RenderOptions(), backend=backend, warn=warnings.append)
    assert warnings == []
