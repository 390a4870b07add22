"""The lazily loaded tree stays equal to the map after any edit and its undo.

The tree only holds what has been opened, and after each edit it patches the
lines that changed.  This test opens everything, makes edits of every kind,
undoes them, and after each step compares every loaded line's children with
what the map says they are.
"""

from __future__ import annotations

from pathlib import Path

from argmap import ops
from argmap.model import RelationType
from argmap.tui.screens.editor import EditorScreen
from argmap.tui.widgets.argument_tree import ArgumentTree, child_refs, claim_label, top_refs
from tests.tui.helpers import SIZE, editor_app, write_uniforms


def assert_in_step(tree: ArgumentTree) -> None:
    graph = tree.graph
    assert [node.data for node in tree.root.children] == top_refs(graph)
    for node in tree.loaded_nodes():
        assert node.data is not None
        assert str(node.label) == str(claim_label(graph, node.data, tree.language, node.data.claim in tree.flagged))
        if getattr(node, "_loaded", True):
            assert [child.data for child in node.children] == child_refs(graph, node.data), node.data


async def test_tree_follows_every_kind_of_edit_and_undo(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        tree = screen.tree
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
            await pilot.pause()
            assert_in_step(tree)
        for _ in steps:
            screen.action_undo()
            await pilot.pause()
            assert_in_step(tree)
        for _ in steps:
            screen.action_redo()
            await pilot.pause()
            assert_in_step(tree)
