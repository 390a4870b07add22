"""Pictures of the editor's main screens (pytest-textual-snapshot), from a fixed map at a fixed size.

Update them after an intended change of the layout with ``--snapshot-update``
and look at the SVGs in ``tests/tui/__snapshots__`` before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from argmap.tui.app import ArgmapApp

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tui"
SIZE = (120, 36)
SMALL = (80, 24)
"""The smallest terminal the editor is made for: the footer still shows help, save and quit, dialogs wrap."""


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> ArgmapApp:
    """The fixture map and keymap by relative paths, so the status line and help read the same everywhere."""
    monkeypatch.chdir(FIXTURES)
    return ArgmapApp(Path("uniforms.argmap.json"), keymap_file=Path("no-keymap.toml"))


async def settle(pilot: Pilot) -> None:
    """Wait until the live check has reported, so the finding count is in the picture."""
    await pilot.pause(0.4)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen(snap_compare, app: ArgmapApp) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        app.screen.argument_tree.reveal("subsidy")  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, app: ArgmapApp) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("f1")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_delete_confirmation(snap_compare, app: ArgmapApp) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        app.screen.argument_tree.reveal("cost")  # type: ignore[attr-defined]
        await pilot.press("d")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_move_pick(snap_compare, app: ArgmapApp) -> None:
    """Moving a claim: the candidates in the details pane, narrowed by what is typed, the second highlighted."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        app.screen.argument_tree.reveal("subsidy")  # type: ignore[attr-defined]
        await pilot.press("m", *"bull", "down")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_main_screen_at_80_by_24(snap_compare, app: ArgmapApp) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        app.screen.argument_tree.reveal("subsidy")  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


def test_help_screen_at_80_by_24(snap_compare, app: ArgmapApp) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("f1")

    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


def test_unlink_dialog_at_80_by_24(snap_compare, app: ArgmapApp) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        app.screen.argument_tree.reveal("clothing")  # type: ignore[attr-defined]
        await pilot.press("U")

    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


def test_delete_confirmation_at_80_by_24(snap_compare, app: ArgmapApp) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        app.screen.argument_tree.reveal("thesis")  # type: ignore[attr-defined]
        await pilot.press("d")

    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)
