"""Draw the gallery: the seed map in every theme, whole and as a one-level overview (SVG).

Two PNGs show what a projector gets: the classroom overview and one focused branch.

Run from the repository root with the system Graphviz installed:

    python docs/gallery/make_gallery.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from argmap import store  # noqa: E402
from argmap.render import THEMES, RenderOptions, render_map  # noqa: E402

SEED = ROOT / "maps" / "partnership-of-convenience.argmap.json"
HERE = Path(__file__).resolve().parent


def main() -> None:
    argmap = store.load(SEED)
    title = argmap.title
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
