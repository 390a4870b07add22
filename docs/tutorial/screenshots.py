"""Re-create the screenshots of docs/tutorial.md by doing the tutorial's steps with Pilot.

    /work/venv/bin/python docs/tutorial/screenshots.py

Works in a temporary folder and writes the SVGs beside this script.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from argmap.tui.app import ArgmapApp  # noqa: E402

PARAGRAPH = (
    "Some parents argue that school uniforms should be required.\n"
    "They say uniforms reduce bullying, because children are no longer judged by their clothes.\n"
    "Others answer that uniforms cost families money they do not have.\n"
)
SIZE = (110, 34)


async def tutorial(folder: Path) -> None:
    os.chdir(folder)  # the status line then shows the short path a user would type
    text = Path("uniforms.en.txt")
    text.write_text(PARAGRAPH, encoding="utf-8")
    app = ArgmapApp(Path("uniforms.argmap.json"), add_source=text, keymap_file=Path("~/.config/argmap/keymap.toml"))
    async with app.run_test(size=SIZE) as pilot:

        async def shot(name: str) -> None:
            await pilot.pause(0.4)
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.save_screenshot(f"{name}.svg", str(HERE))

        await pilot.pause()
        await pilot.press(*"School uniforms should be required.")
        await shot("01-thesis")
        await pilot.press("enter")
        await shot("02-new-map")
        await pilot.press("a", *"Uniforms reduce bullying.")
        await shot("03-add-reason")
        await pilot.press("enter")
        await pilot.press("tab", "tab", "down", *["right"] * 9, *["shift+right"] * 24)
        await shot("04-select-passage")
        await pilot.press("x", "shift+tab", "shift+tab", "up", "o", *"Uniforms cost families money.", "enter")
        await pilot.press("tab", "tab", "down", "home", *["right"] * 19, *["shift+right"] * 28, "x")
        await pilot.press("shift+tab", "shift+tab", "up", "u", *"Bullying moves to other markers.", "enter")
        await pilot.press("ctrl+s")
        await shot("05-map")
        await pilot.press("f1")
        await shot("06-help")
    for claim_id, claim in app.document.map.claims.items():
        print(claim_id, [anchor.quote for anchor in claim.evidence])


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(tutorial(Path(folder)))
    print(f"screenshots written to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
