"""Fitted pages (`render --fit`), measured from the SVG as a reader meets them: size, text, references."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SEED_MAP
from render_maps import classroom_map

from argmap import store
from argmap.model import ArgMap
from argmap.render import RenderOptions
from argmap.render.fit import MEDIA, MIN_TEXT, SLIDE_PIXELS_PER_POINT
from argmap.render.output import render_pages
from benchmarks.generate import generate

needs_dot = pytest.mark.needs("dot")
SVG = "{http://www.w3.org/2000/svg}"
_SCALE = re.compile(r"scale\(([0-9.]+)")
_PAGE_REF = re.compile(r"p\. (\d+)")


@dataclass
class Page:
    width: float
    height: float
    smallest_text: float
    """Points on the medium."""
    full: set[str]
    """Claims drawn in full (not as a stub)."""
    references: list[tuple[str, int]]
    """(claim id, page) for every "see …, p. N" stub and "… more below, p. N" note."""


def read_page(svg: bytes) -> Page:
    root = ET.fromstring(svg)
    width, height = (float(root.get(side, "0").removesuffix("pt")) for side in ("width", "height"))
    graph = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "graph")
    found = _SCALE.search(graph.get("transform", ""))
    scale = float(found.group(1)) if found else 1.0
    sizes = [float(t.get("font-size", "14")) for t in root.iter(f"{SVG}text") if (t.text or "").strip()]
    full: set[str] = set()
    references: list[tuple[str, int]] = []
    for group in root.iter(f"{SVG}g"):
        classes = (group.get("class") or "").split()
        if "claim" not in classes:
            continue
        cid = (group.get("id") or "").removeprefix("claim-")
        if "stub" not in classes:
            full.add(cid)
        text = " ".join(t.text or "" for t in group.iter(f"{SVG}text"))
        references += [(cid, int(page)) for page in _PAGE_REF.findall(text)]
    return Page(width, height, min(sizes) * scale, full, references)


def check_pages(argmap: ArgMap, fit: str, pictures: list[bytes]) -> list[Page]:
    medium = MEDIA[fit]
    pages = [read_page(svg) for svg in pictures]
    for number, page in enumerate(pages, 1):
        assert page.width == pytest.approx(medium.width, abs=1.5), f"p. {number} is not as wide as a {fit}"
        assert page.height == pytest.approx(medium.height, abs=1.5), f"p. {number} is not as high as a {fit}"
        assert page.smallest_text >= MIN_TEXT - 0.05, f"p. {number}: text of {page.smallest_text:.1f} pt"
    assert set().union(*(page.full for page in pages)) == set(argmap.claims), "every claim in full on some page"
    for number, page in enumerate(pages, 1):
        for cid, target in page.references:
            assert 1 <= target <= len(pages) and target != number, (number, cid, target)
            assert cid in pages[target - 1].full, f"p. {number} sends {cid} to p. {target}, which does not draw it"
    return pages


@needs_dot
@pytest.mark.parametrize(("fit", "lang", "legend"), [("slide", None, False), ("a4", None, False), ("a4", "de", True)])
def test_seed_map_fits_slides_and_pages(fit: str, lang: str | None, legend: bool) -> None:
    if not SEED_MAP.exists():
        pytest.skip("the seed map is not in this checkout")
    argmap = store.load(SEED_MAP)
    options = RenderOptions(fit=fit, numbers=True, wrap=MEDIA[fit].wrap, lang=lang, legend=legend, theme="print")
    pictures = render_pages(argmap, "svg", options)
    pages = check_pages(argmap, fit, pictures)
    assert 1 < len(pages) < len(argmap.claims) / 2, "split, but not into a page per claim"
    if fit == "slide":
        smallest = min(page.smallest_text for page in pages) * SLIDE_PIXELS_PER_POINT
        assert smallest >= 18, f"{smallest:.1f} px on a 1920-px slide"


@needs_dot
@pytest.mark.slow  # about 20 s each: Graphviz lays out every page of a 300-claim map
@pytest.mark.parametrize("fit", ["slide", "a4"])
def test_generated_300_claim_map_fits(fit: str) -> None:
    argmap, _ = generate(300)
    check_pages(argmap, fit, render_pages(argmap, "svg", RenderOptions(fit=fit, wrap=MEDIA[fit].wrap)))


@needs_dot
def test_small_map_is_one_page_of_the_medium() -> None:
    argmap = classroom_map()
    pages = check_pages(argmap, "slide", render_pages(argmap, "svg", RenderOptions(fit="slide", wrap=26)))
    assert len(pages) == 1 and pages[0].references == []


def test_pip_only_pages_fit_too() -> None:
    argmap = classroom_map()
    check_pages(argmap, "a4", render_pages(argmap, "svg", RenderOptions(fit="a4", wrap=24), backend="wasm"))


@needs_dot
def test_cli_writes_one_pdf_of_a4_pages_by_default_and_numbered_svgs(tmp_path: Path) -> None:
    if not SEED_MAP.exists():
        pytest.skip("the seed map is not in this checkout")
    argmap = [sys.executable, "-m", "argmap", "render", str(SEED_MAP)]
    done = subprocess.run([*argmap, "-o", str(tmp_path / "handout.pdf")], capture_output=True, text=True, check=True)
    pdf = (tmp_path / "handout.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    pages = re.findall(rb"/MediaBox \[\s*0 0 ([0-9.]+) ([0-9.]+)", pdf)
    assert len(pages) > 1 and "pages" in done.stdout
    assert all(abs(float(w) - 595.28) < 1.5 and abs(float(h) - 841.89) < 1.5 for w, h in pages), pages[:3]
    done = subprocess.run(
        [*argmap, "--fit", "slide", "-o", str(tmp_path / "slide.svg")], capture_output=True, text=True, check=True
    )
    written = sorted(p.name for p in tmp_path.glob("slide*.svg"))
    assert written[0] == "slide-01.svg" and len(written) > 1 and "slide.svg" not in written
    assert "pages on a slide" in done.stderr


@needs_dot
def test_a_claim_used_twice_is_a_see_stub_or_with_repeat_drawn_twice() -> None:
    if not SEED_MAP.exists():
        pytest.skip("the seed map is not in this checkout")
    argmap = store.load(SEED_MAP)
    options = RenderOptions(fit="slide", numbers=True, wrap=MEDIA["slide"].wrap)
    once = [read_page(svg) for svg in render_pages(argmap, "svg", options)]
    twice = [read_page(svg) for svg in render_pages(argmap, "svg", options, repeat=True)]
    drawn_once = sum(len(page.full) for page in once)
    stubs_once = sum(len(page.references) for page in once)
    assert stubs_once > 0
    assert sum(len(page.full) for page in twice) > drawn_once, "with repeat, claims reached again are drawn in full"


@needs_dot
def test_cli_writes_pages_into_a_directory(tmp_path: Path) -> None:
    if not SEED_MAP.exists():
        pytest.skip("the seed map is not in this checkout")
    command = [sys.executable, "-m", "argmap", "render", str(SEED_MAP), "--fit", "slide", "-d", str(tmp_path)]
    subprocess.run([*command, "--format", "png"], capture_output=True, check=True)
    pages = sorted(tmp_path.glob("partnership-of-convenience-*.png"))
    assert len(pages) > 1 and pages[0].name == "partnership-of-convenience-01.png"
    assert pages[0].read_bytes()[16:24] == (1920).to_bytes(4, "big") + (1080).to_bytes(4, "big"), "1920×1080"
