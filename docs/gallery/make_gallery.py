"""Draw the gallery: the seed map as a slide deck and an A4 handout (PDF, with PNG previews),
and in every theme, whole and as a one-level overview (SVG).

Two more PNGs show a raw picture: the classroom overview and one focused branch.

Run from the repository root with the system Graphviz installed:

    python3 dev.py python docs/gallery/make_gallery.py     # or: .venv/bin/python docs/gallery/make_gallery.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from argmap import store  # noqa: E402
from argmap.model import ArgMap  # noqa: E402
from argmap.render import THEMES, RenderOptions, render_map  # noqa: E402
from argmap.render.fit import MEDIA  # noqa: E402
from argmap.render.output import join_pdf, render_pages  # noqa: E402

SEED = ROOT / "maps" / "partnership-of-convenience.argmap.json"
HERE = Path(__file__).resolve().parent


def fitted(argmap: ArgMap, name: str, fit: str, **looks: bool) -> None:
    """``name``.pdf with every page, and ``name``-pNN.png previews of its first two pages."""
    options = RenderOptions(fit=fit, wrap=MEDIA[fit].wrap, **looks)
    (HERE / f"{name}.pdf").write_bytes(join_pdf(render_pages(argmap, "pdf", options, backend="system")))
    for number, png in enumerate(render_pages(argmap, "png", options, backend="system")[:2], 1):
        (HERE / f"{name}-p{number}.png").write_bytes(png)


def main() -> None:
    argmap = store.load(SEED)
    title = argmap.title
    fitted(argmap, "seed-deck-slide", "slide", numbers=True)
    fitted(argmap, "seed-handout-a4", "a4", numbers=True, legend=True)
    for theme in THEMES:
        full = RenderOptions(theme=theme, legend=True, numbers=True, title=title)
        (HERE / f"seed-{theme}.svg").write_bytes(render_map(argmap, "svg", full, backend="system"))
        overview = RenderOptions(theme=theme, legend=True, numbers=True, depth=1, title=title)
        (HERE / f"seed-overview-{theme}.svg").write_bytes(render_map(argmap, "svg", overview, backend="system"))
    overview = RenderOptions(legend=True, numbers=True, depth=1, title=title)
    (HERE / "seed-overview-classroom.png").write_bytes(render_map(argmap, "png", overview, backend="system"))
    german = RenderOptions(lang="de", quotes=True, title="Russland und Nordkorea: Zweckpartnerschaft, kein Bündnis")
    (HERE / "seed-de-quotes.svg").write_bytes(render_map(argmap, "svg", german, backend="system"))
    pip_only = RenderOptions(legend=True, numbers=True, title=f"{title} (pip only: WebAssembly Graphviz)")
    (HERE / "seed-classroom-pip-only.svg").write_bytes(render_map(argmap, "svg", pip_only, backend="wasm"))
    focus = RenderOptions(focus="no-economic-complementarity", numbers=True, quotes=True, legend=True)
    (HERE / "seed-focus-economy.png").write_bytes(render_map(argmap, "png", focus, backend="system"))
    for path in sorted(HERE.glob("seed-*")):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
