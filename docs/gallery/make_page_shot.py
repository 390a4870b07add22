"""Photograph the classroom page: the seed map as HTML, in German, half-way through a step-through lesson.

Writes docs/gallery/seed-page.png
(1920x1080, what a projector shows).  Needs Debian's chromium and the
playwright package (``pip install -e '.[test]'``); run from the repository root:

    python docs/gallery/make_page_shot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from argmap import store  # noqa: E402
from argmap.render import RenderOptions  # noqa: E402
from argmap.render.html import render_html  # noqa: E402

SEED = ROOT / "maps" / "partnership-of-convenience.argmap.json"
HERE = Path(__file__).resolve().parent
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
STEPS = 9
"""Claims revealed before the picture is taken: the thesis and its first reasons, with one quote selected."""


def main() -> None:
    page_bytes = render_html(store.load(SEED), RenderOptions(numbers=True), map_path=SEED)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_path = Path(folder) / "seed.html"
        page_path.write_bytes(page_bytes)
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-ready]")
        page.select_option("#lang", "de")
        page.keyboard.press("s")
        for _ in range(STEPS - 1):
            page.keyboard.press("Space")
        page.screenshot(path=str(HERE / "seed-page.png"))
        browser.close()


if __name__ == "__main__":
    main()
