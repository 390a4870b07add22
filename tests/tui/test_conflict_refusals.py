"""The editor settles conflicts with the same core function as ``argmap resolve``: a side that would break
the map is refused in the dialog, and the other side settles it (issue 14, item 7)."""

from __future__ import annotations

from pathlib import Path

from argmap import ops, store
from argmap.merge import merge_maps
from argmap.tui.screens.conflicts import ConflictScreen
from argmap.tui.screens.editor import EditorScreen
from tests.diffmerge_helpers import edited, sample_map
from tests.tui.helpers import SIZE, editor_app


async def test_crossing_moves_refuse_theirs_and_settle_with_ours(tmp_path: Path) -> None:
    base = sample_map()
    ours = edited(base, lambda g: ops.move_claim(g, "no-complementarity", "shells"))
    theirs = edited(base, lambda g: ops.move_claim(g, "shells", "no-complementarity"))
    path = tmp_path / "merged.argmap.json"
    store.save(merge_maps(base, ours, theirs).map, path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("C")
        dialog = app.screen
        assert isinstance(dialog, ConflictScreen) and dialog.conflict_id == "relations.r-shells"
        await pilot.press("t")
        assert app.screen is dialog, "taking theirs would make circular support: refused"
        assert "circular support" in str(dialog.query_one("#conflict-error").render())
        assert app.document.map.relations["r-shells"].target == "thesis"
        await pilot.press("o")
        assert isinstance(app.screen, EditorScreen)
        assert app.document.map.conflicts == {}
