"""The lazily loaded tree stays equal to the map after any edit and its undo.

The tree only holds what has been opened, and after each edit it patches the
lines that changed.  This test opens everything, makes edits of every kind,
undoes them, and after each step compares every loaded line's children with
what the map says they are.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from argmap import ops
from argmap.model import RelationType
from argmap.tui.app import ArgmapApp
from argmap.tui.screens.editor import EditorScreen
from argmap.tui.widgets.argument_tree import ArgumentTree, child_refs, claim_label, top_refs
from tests.tui.helpers import SIZE, editor_app, write_uniforms


def assert_in_step(tree: ArgumentTree) -> None:
    graph = tree.graph
    assert [node.data for node in tree.root.children] == top_refs(graph)
    for node in tree.loaded_nodes():
        assert node.data is not None
        assert str(node.label) == str(claim_label(graph, node.data, tree.language, node.data.claim in tree.flagged))
        if tree.filled(node):
            assert [child.data for child in node.children] == child_refs(graph, node.data), node.data


def on_screen(app: ArgmapApp, tree: ArgumentTree) -> list[str]:
    """The tree's lines as the terminal shows them."""
    region = tree.content_region
    strips = app.screen._compositor.render_strips()
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


async def assert_painted(pilot: Pilot, tree: ArgumentTree) -> None:
    """What the tree repainted after a change is what a repaint of every line shows."""
    await pilot.pause()
    painted = on_screen(pilot.app, tree)
    tree.refresh()
    await pilot.pause()
    assert painted == on_screen(pilot.app, tree)


async def test_tree_follows_every_kind_of_edit_and_undo(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        tree = screen.argument_tree
        for claim in ("subsidy", "markers", "clothing"):
            tree.reveal(claim)
            tree.fill(tree.cursor_node)
            tree.cursor_node.expand()
        graph = app.document.graph
        steps = [
            lambda: ops.add_reason(graph, "subsidy", "Grants exist.", claim_id="grants"),
            lambda: ops.add_undercut(graph, "r-cost", "Money is no argument.", claim_id="money"),
            lambda: ops.add_co_premise(graph, "r-subsidy", "Budgets allow it.", claim_id="budgets"),
            lambda: ops.link_claim(graph, "markers", "cost", RelationType.ATTACK),
            lambda: ops.move_claim(graph, "subsidy", "bullying"),
            lambda: ops.reorder(graph, "r-cost", -1),
            lambda: ops.edit_text(graph, "cost", "Uniforms are dear."),
            lambda: ops.set_kind(graph, "grants", "statistic"),
            lambda: ops.delete_claim(graph, "bullying"),
            lambda: ops.add_claim(graph, "thesis", "Loose end.", RelationType.SUPPORT, claim_id="loose"),
            lambda: ops.delete_claim(graph, "thesis"),
        ]
        for step in steps:
            assert screen.apply(step) is not None
            await assert_painted(pilot, tree)
            assert_in_step(tree)
        for _ in steps:
            screen.action_undo()
            await assert_painted(pilot, tree)
            assert_in_step(tree)
        for _ in steps:
            screen.action_redo()
            await assert_painted(pilot, tree)
            assert_in_step(tree)


async def editor_on(pilot: Pilot, claim: str) -> tuple[EditorScreen, ArgumentTree]:
    """The editor with the tree focused and its cursor on ``claim``."""
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, EditorScreen)
    screen.argument_tree.reveal(claim)
    screen.argument_tree.focus()
    await pilot.pause()
    return screen, screen.argument_tree


async def test_a_click_after_lines_moved_down_selects_the_line_clicked(tmp_path: Path) -> None:
    """Drawn lines are reused when a claim is added above them; their line numbers must follow."""
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        _, tree = await editor_on(pilot, "cost")
        cost_line = tree.cursor_line
        tree.reveal("bullying")
        await pilot.press("o", *"Not in our school.", "enter")  # a line above cost's
        await pilot.pause()
        new = tree.cursor_node
        assert new is not None and new.data is not None
        assert app.document.map.claims[new.data.claim].text == "Not in our school."
        cost_node = next(node for node in tree.loaded_nodes() if node.data and node.data.claim == "cost")
        assert cost_node.line > cost_line, "the line moved down"
        top = tree.content_region.y - tree.region.y
        left = tree.content_region.x - tree.region.x
        assert await pilot.click(type(tree), offset=(left + 12, top + cost_node.line - int(tree.scroll_y)))
        await pilot.pause()
        assert tree.cursor_node is cost_node


async def test_the_tree_keeps_its_look_while_the_prompt_asks_and_loses_it_when_left(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen, tree = await editor_on(pilot, "cost")
        await pilot.press("o")
        await pilot.pause()
        assert app.focused is not tree and tree.has_focus, "typing goes to the prompt; the tree still looks focused"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is tree and tree.has_focus
        await pilot.press("o", "shift+tab")  # leaving the prompt for the source pane cancels it
        await pilot.pause()
        assert app.focused is screen.source_area and not tree.has_focus
