"""``argmap diff --format svg|png``: the map drawn with its changes marked."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

from argmap import ops, store
from argmap.graph import MapGraph
from argmap.model import ArgMap
from tests import in_process

ROOT = Path(__file__).resolve().parent.parent


def argmap(*args: str) -> subprocess.CompletedProcess[bytes]:
    return in_process.run(*args, cwd=ROOT, text=False)


def two_versions(tmp_path: Path, uniforms_map: ArgMap) -> tuple[Path, Path]:
    old, new = tmp_path / "old.argmap.json", tmp_path / "new.argmap.json"
    store.save(uniforms_map, old)
    graph = MapGraph(uniforms_map.model_copy(deep=True))
    graph.apply(ops.edit_text(graph, "cost", "Uniforms are expensive."))
    graph.apply(ops.add_reason(graph, "thesis", "Uniforms save time.", claim_id="time"))
    graph.apply(ops.delete_claim(graph, "markers"))
    graph.apply(ops.move_claim(graph, "subsidy", "thesis"))
    store.save(graph.map, new)
    return old, new


def node_text(svg: str, claim_id: str) -> str:
    match = re.search(rf'<g id="claim-{re.escape(claim_id)}"[^>]*>(.*?)</g>', svg, re.S)
    assert match, claim_id
    return " ".join(re.findall(r">([^<]+)</text>", match.group(1)))


def test_svg_marks_each_change_in_words(tmp_path: Path, uniforms_map: ArgMap) -> None:
    old, new = two_versions(tmp_path, uniforms_map)
    out = tmp_path / "changes.svg"
    result = argmap("diff", str(old), str(new), "--format", "svg", "-o", str(out))
    assert result.returncode == 1, result.stderr
    svg = html.unescape(out.read_text())
    assert node_text(svg, "cost").startswith("CHANGED")
    assert node_text(svg, "time").startswith("ADDED")
    assert node_text(svg, "markers").startswith("REMOVED"), "a removed claim is still drawn where it stood"
    assert node_text(svg, "subsidy").startswith("MOVED")
    assert not re.search(r"ADDED|REMOVED|CHANGED|MOVED", node_text(svg, "bullying"))
    assert re.search(r'class="edge relation undercut removed"', svg)
    assert "<script" not in svg


def test_png_of_a_diff(tmp_path: Path, uniforms_map: ArgMap) -> None:
    old, new = two_versions(tmp_path, uniforms_map)
    result = argmap("diff", str(old), str(new), "--format", "png")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(b"\x89PNG")


def test_same_map_draws_no_marks(tmp_path: Path, uniforms_map: ArgMap) -> None:
    path = tmp_path / "m.argmap.json"
    store.save(uniforms_map, path)
    result = argmap("diff", str(path), str(path), "--format", "svg")
    assert result.returncode == 0
    assert not re.search(rb"ADDED|REMOVED|CHANGED|MOVED", result.stdout)


def test_rewording_struck_and_underlined_removed_greyed_title_and_region(tmp_path: Path, uniforms_map: ArgMap) -> None:
    graph = MapGraph(uniforms_map)
    graph.apply(ops.add_reason(graph, "thesis", "Uniforms look smart.", claim_id="smart"))  # in both, unchanged
    old, new = two_versions(tmp_path, graph.map)
    out = tmp_path / "changes.svg"
    result = argmap("diff", str(old), str(new), "--format", "svg", "--legend", "-o", str(out))
    assert result.returncode == 1, result.stderr
    svg = html.unescape(out.read_text())
    cost = re.search(r'<g id="claim-cost".*?</g>', svg, re.S)
    assert cost is not None
    assert 'text-decoration="line-through"' in cost.group(0) and 'text-decoration="underline"' in cost.group(0)
    markers = re.search(r'<g id="claim-markers".*?</g>', svg, re.S)
    assert markers is not None and 'text-decoration="line-through"' in markers.group(0)
    assert "stroke-dasharray" not in markers.group(0), "a removed claim's frame is solid: dashes mean implicit"
    assert "#1a9641" not in re.search(r'<g id="claim-time".*?</g>', svg, re.S).group(0), "added is not support green"
    assert re.search(r">\d added, \d removed, \d reworded, \d moved<", svg), "a summary on top"
    whole = html.unescape(argmap("diff", str(old), str(new), "--format", "svg", "--whole").stdout.decode())
    drawn = set(re.findall(r'<g id="claim-([^"]+)"', svg))
    assert "smart" in set(re.findall(r'<g id="claim-([^"]+)"', whole))
    assert "smart" not in drawn and "thesis" in drawn, "by default only the changes and their context"


def test_diff_as_a_fitted_pdf_in_german(tmp_path: Path, uniforms_map: ArgMap) -> None:
    old, new = two_versions(tmp_path, uniforms_map)
    out = tmp_path / "changes.pdf"
    result = argmap("diff", str(old), str(new), "--format", "pdf", "--fit", "slide", "--lang", "de", "-o", str(out))
    assert result.returncode == 1, result.stderr
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF-") and re.search(rb"/MediaBox \[\s*0 0 960 540", pdf)
