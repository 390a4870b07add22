"""Every editor action, driven by its default key through Pilot, and undoing each one.

Each test opens the real app on a real map file, presses the keys of docs/editor.md,
checks what changed in the map, then undoes and checks the map is byte for byte
what it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap import ops, store
from argmap.anchor import make_anchor
from argmap.graph import MapGraph
from argmap.model import ArgMap, ClaimKind, RelationType
from argmap.tui import claim_picker
from argmap.tui.app import ArgmapApp
from argmap.tui.live_check import Checked
from argmap.tui.screens.choices import ChoiceScreen, ConfirmDeleteScreen, QuitScreen
from argmap.tui.screens.editor import EditorScreen
from argmap.tui.screens.panels import FindingsScreen, HelpScreen
from argmap.tui.widgets.details import DetailsPane
from argmap.tui.widgets.prompt_bar import PromptBar
from tests.tui.helpers import SIZE, SOURCE_TEXT, editor_app, open_editor, select, write_uniforms


def children_of(argmap: ArgMap, target: str) -> list[tuple[str, str]]:
    return sorted((rel.premises[0], rel.type.value) for rel in argmap.relations.values() if rel.target == target)


Check = Callable[[ArgMap], None]


def added_below(target: str, text: str, kind: RelationType) -> Check:
    def check(argmap: ArgMap) -> None:
        new = [cid for cid, claim in argmap.claims.items() if claim.text == text]
        assert len(new) == 1
        assert (new[0], kind.value) in children_of(argmap, target)

    return check


def co_premise(argmap: ArgMap) -> None:
    assert argmap.relations["r-bullying"].premises == ("bullying", "clothing", "time-saved")


def edited(claim: str, text: str) -> Check:
    def check(argmap: ArgMap) -> None:
        assert argmap.claims[claim].text == text

    return check


EDITS: list[tuple[str, str, list[str], Check]] = [
    ("reason a", "thesis", ["a", *"Time saved.", "enter"], added_below("thesis", "Time saved.", RelationType.SUPPORT)),
    ("objection o", "cost", ["o", *"Cheap.", "enter"], added_below("cost", "Cheap.", RelationType.ATTACK)),
    ("undercut u", "cost", ["u", *"Irrelevant.", "enter"], added_below("r-cost", "Irrelevant.", RelationType.ATTACK)),
    ("co-premise p", "bullying", ["p", *"Time saved.", "enter"], co_premise),
    ("edit enter", "cost", ["enter", "ctrl+a", "ctrl+k", *"Dear.", "enter"], edited("cost", "Dear.")),
    ("edit e", "subsidy", ["e", "end", *" fully", "enter"], edited("subsidy", "Schools can subsidise them. fully")),
    (
        "tags t",
        "cost",
        ["t", *"eco, fam", "enter"],
        lambda m: (m.claims["cost"].tags == ("eco", "fam")) or pytest.fail("tags"),
    ),
    (
        "kind k",
        "subsidy",
        ["k", "down", "down", "enter"],
        lambda m: (m.claims["subsidy"].kind is ClaimKind.STATISTIC) or pytest.fail("kind"),
    ),
    ("implicit i", "clothing", ["i"], lambda m: m.claims["clothing"].implicit or pytest.fail("implicit")),
    (
        "note ctrl+n",
        "cost",
        ["ctrl+n", *"check", "enter"],
        lambda m: (m.claims["cost"].note == "check") or pytest.fail("note"),
    ),
    (
        "translation T",
        "cost",
        ["T", *"de", "enter", *"Teuer.", "enter"],
        lambda m: (m.claims["cost"].translations == {"de": "Teuer."}) or pytest.fail("translation"),
    ),
    (
        "reorder shift+up",
        "cost",
        ["shift+up"],
        lambda m: (m.relations["r-cost"].rank < m.relations["r-bullying"].rank) or pytest.fail("order"),
    ),
    (
        "reorder shift+down",
        "bullying",
        ["shift+down"],
        lambda m: (m.relations["r-cost"].rank < m.relations["r-bullying"].rank) or pytest.fail("order"),
    ),
    (
        "delete d",
        "cost",
        ["d", "up", "enter"],
        lambda m: ("cost" not in m.claims and "subsidy" not in m.claims) or pytest.fail("delete"),
    ),
    (
        "delete key",
        "subsidy",
        ["delete", "up", "enter"],
        lambda m: ("subsidy" not in m.claims and "cost" in m.claims) or pytest.fail("delete"),
    ),
    (
        "move m",
        "subsidy",
        ["m", *"bullying", "enter"],
        lambda m: (m.relations["r-subsidy"].target == "bullying") or pytest.fail("move"),
    ),
    (
        "unlink U, the whole group",
        "clothing",
        ["U", "up", "enter"],
        lambda m: ("r-bullying" not in m.relations and {"bullying", "clothing"} <= m.claims.keys()) or pytest.fail("U"),
    ),
    (
        "unlink U, a single premise",
        "subsidy",
        ["U"],
        lambda m: ("r-subsidy" not in m.relations and "subsidy" in m.claims) or pytest.fail("U"),
    ),
    (
        "move m, a linked group",
        "clothing",
        ["m", "enter", *"families", "enter"],
        lambda m: (m.relations["r-bullying"].target == "cost") or pytest.fail("move group"),
    ),
    (
        "move m, one premise out of its group",
        "clothing",
        ["m", "down", "enter", *"families", "enter"],
        lambda m: (
            (
                m.relations["r-bullying"].premises == ("bullying",)
                and [r.target for r in m.relations.values() if r.premises == ("clothing",)] == ["cost"]
            )
            or pytest.fail("move alone")
        ),
    ),
    (
        "link l",
        "cost",
        ["l", *"markers", "enter", "down", "enter"],
        lambda m: (("markers", "attack") in children_of(m, "cost")) or pytest.fail("link"),
    ),
]


@pytest.mark.parametrize(("name", "claim", "keys", "check"), EDITS, ids=[e[0] for e in EDITS])
async def test_edit_and_undo(tmp_path: Path, name: str, claim: str, keys: list[str], check: Check) -> None:
    path = write_uniforms(tmp_path)
    original = path.read_bytes()
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, claim)
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen), f"{name}: a dialog is still open"
        check(app.document.map)
        assert app.document.dirty
        await pilot.press("ctrl+z")
        assert store.dumps(app.document.map) == original
        assert not app.document.dirty
        await pilot.press("ctrl+y")
        check(app.document.map)
    assert path.read_bytes() == original, "nothing is written without ctrl+s"


async def test_added_claim_is_selected_and_escape_cancels(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        await pilot.press("o", *"Too dear.", "enter")
        assert screen.argument_tree.current is not None and screen.argument_tree.current.claim == "too-dear"
        await pilot.press("o", *"never mind", "escape")
        assert "never-mind" not in app.document.map.claims
        assert screen.argument_tree.current.claim == "too-dear"
        await pilot.press("ctrl+z")
        assert screen.argument_tree.current is not None and screen.argument_tree.current.claim == "cost"


async def test_delete_confirmation_says_what_goes_and_can_keep(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        await pilot.press("d")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDeleteScreen)
        assert "Schools can subsidise them." in dialog.body and "1 claim" in dialog.body
        await pilot.press("enter")  # the highlighted answer is "Keep it"
        assert "cost" in app.document.map.claims and not app.document.dirty


def placed_twice(path: Path) -> bytes:
    """``subsidy`` also supports the thesis, and has two passages as evidence; the map saved, its bytes returned."""
    graph = MapGraph(store.load(path))
    graph.apply(ops.link_claim(graph, "subsidy", "thesis", RelationType.SUPPORT))
    for start, end in ((0, 4), (5, 12)):
        anchor = make_anchor("uniforms", SOURCE_TEXT, start, end)
        graph.apply(ops.attach_evidence(graph, "subsidy", anchor))
    store.save(graph.map, path)
    return path.read_bytes()


async def test_delete_of_a_claim_placed_twice_offers_to_remove_it_from_here_only(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    original = placed_twice(path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        assert screen.argument_tree.reveal("subsidy", via="r-subsidy") is not None
        await pilot.press("d")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDeleteScreen)
        assert "also placed under 1 other claim" in dialog.body and "School uniforms should be required." in dialog.body
        await pilot.press("up", "up", "enter")
        assert "r-subsidy" not in app.document.map.relations and "subsidy" in app.document.map.claims
        await pilot.press("ctrl+z")
        assert store.dumps(app.document.map) == original


async def test_remove_from_here_keeps_the_claim_elsewhere_and_undoes(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    original = placed_twice(path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        assert screen.argument_tree.reveal("subsidy", via="r-subsidy") is not None
        await pilot.press("D")
        assert [rel.target for _, rel in app.document.graph.parents("subsidy")] == ["thesis"]
        await pilot.press("D")  # now its only place: refused, with the way out
        assert any("bears on nothing else" in n.message for n in app._notifications)
        await pilot.press("ctrl+z")
        assert store.dumps(app.document.map) == original


async def test_detach_evidence_asks_which_when_there_are_several_and_undoes(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    original = placed_twice(path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "subsidy")
        await pilot.press("X")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")
        assert [a.quote for a in app.document.map.claims["subsidy"].evidence] == ["Some"]
        await pilot.press("X")  # one left: detached at once
        assert app.document.map.claims["subsidy"].evidence == ()
        await pilot.press("ctrl+z", "ctrl+z")
        assert store.dumps(app.document.map) == original


async def test_move_refuses_a_cycle_with_a_notification(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        await pilot.press("m")
        assert screen.query_one(PromptBar).is_open
        await pilot.press(*"subsidy", "enter")
        await pilot.pause()
        assert app.document.map.relations["r-cost"].target == "thesis"
        assert any("cycle" in n.message for n in app._notifications)


async def test_claim_choice_lists_filters_walks_and_gives_the_details_back(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "subsidy")
        pane = screen.query_one(DetailsPane)
        await pilot.press("m")
        listed = pane.text.splitlines()
        assert len(listed) == 5 and not any("subsidy" in line for line in listed), "every claim but the moved one"
        await pilot.press(*"bully")
        await pilot.pause()
        assert pane.text.splitlines() == [
            "Uniforms reduce bullying.  bullying",
            "Bullying often targets clothing.  clothing",
            "Bullying moves to other markers.  markers",
        ]
        await pilot.press("down", "down", "down", "up")  # stops at the last
        assert pane.chosen == "clothing"
        screen.flagged = {"subsidy": (("hint", "a new finding"),)}
        screen.refresh_details()  # as when a live check ends meanwhile
        assert pane.chosen == "clothing" and "markers" in pane.text, "the list stays"
        await pilot.press(*"zzz")
        await pilot.pause()
        assert pane.chosen is None and "no claim matches" in pane.text
        await pilot.press("enter")
        assert not screen.query_one(PromptBar).is_open and not app.document.dirty
        assert "Schools can subsidise them." in pane.text, "the details are back"
        await pilot.press("m", "escape")
        assert not app.document.dirty and "Schools can subsidise them." in pane.text


async def test_claims_to_pick_are_listed_and_found_in_the_display_language(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        screen.apply(lambda: ops.set_translation(app.document.graph, "cost", "de", "Uniformen kosten Geld."))
        select(screen, "subsidy")
        await pilot.press("L", "m", *"kosten")
        await pilot.pause()
        assert screen.query_one(DetailsPane).text.splitlines() == ["Uniformen kosten Geld.  cost"]


async def test_on_a_large_map_asking_for_a_claim_indexes_the_claims_in_a_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claim_picker, "INDEX_AHEAD_FROM", 0)  # as if the map were large
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "subsidy")
        assert app.document.needs_claim_index(None)
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.document.needs_claim_index(None)
        await pilot.press(*"marker")
        await pilot.pause()
        assert screen.query_one(DetailsPane).chosen == "markers"


async def test_a_click_on_a_listed_claim_picks_it(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "subsidy")
        await pilot.press("m", *"bully")
        await pilot.pause()
        pane = screen.query_one(DetailsPane)
        top, left = pane.content_region.y - pane.region.y, pane.content_region.x - pane.region.x
        assert await pilot.click(DetailsPane, offset=(left + 2, top + 2))  # the third line
        await pilot.pause()
        assert app.document.map.relations["r-subsidy"].target == "markers"


async def test_attach_selected_passage_then_jump_both_ways(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        await pilot.press("tab", "tab")
        assert screen.source_area.has_focus
        await pilot.press("down", "down", "end", "left", *["shift+left"] * 11)  # "do not have"
        await pilot.press("shift+tab", "shift+tab")
        assert screen.argument_tree.has_focus
        await pilot.press("x")
        assert screen.source_area.selected_span() is None, "the attached passage is no longer selected"
        anchor = app.document.map.claims["cost"].evidence[0]
        assert anchor.quote == "do not have"
        assert anchor.start == path.parent.joinpath("uniforms.en.txt").read_text().index("do not have")
        from argmap.check import check_map

        assert not [f for f in check_map(app.document.map, path) if f.subject == "cost"]
        select(screen, "thesis")
        await pilot.press("tab", "tab", "down", "down", "end", *["left"] * 5, "g")
        assert screen.argument_tree.current is not None and screen.argument_tree.current.claim == "cost"
        await pilot.press("g")
        assert screen.source_area.has_focus
        assert screen.source_area.selected_text == "do not have"
        await pilot.press("ctrl+z")
        assert app.document.map.claims["cost"].evidence == ()


async def test_search_next_and_previous(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        await pilot.press("slash", *"bullying", "enter")
        assert screen.argument_tree.current is not None and screen.argument_tree.current.claim == "bullying"
        await pilot.press("n")  # down the tree: the undercut of the linked group hangs below its first premise
        assert screen.argument_tree.current.claim == "markers"
        await pilot.press("n")
        assert screen.argument_tree.current.claim == "clothing"
        await pilot.press("N", "N")
        assert screen.argument_tree.current.claim == "bullying"


async def test_the_search_and_the_claim_finder_agree(tmp_path: Path) -> None:
    """``/`` and the picker of ``m`` and ``l`` are one implementation: same matches, in any display language."""
    path = write_uniforms(tmp_path)
    graph = MapGraph(store.load(path))
    graph.apply(ops.set_translation(graph, "cost", "de", "Uniformen kosten Familien Geld."))
    store.save(graph.map, path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        picker = screen.query_one(claim_picker.ClaimPicker)
        for language_switches, query in ((0, "uniforms"), (0, "kosten"), (1, "kosten"), (1, "uniform"), (0, "subsid")):
            for _ in range(language_switches):
                await pilot.press("L")
            await pilot.press("slash", *query, "enter")
            listed = picker.candidates(app.document, None, screen.argument_tree.language)(query, 1_000)
            assert set(screen.search_matches) == {cid for cid, _ in listed}, (query, screen.argument_tree.language)
            for _ in range(language_switches):
                await pilot.press("L")


async def test_save_writes_atomically_and_clears_the_unsaved_mark(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        await pilot.press("o", *"Too dear.", "enter")
        assert "unsaved" in str(screen.query_one("#status").render())
        await pilot.press("ctrl+s")
        assert "too-dear" in store.load(path).claims
        assert not app.document.dirty
        assert "unsaved" not in str(screen.query_one("#status").render())
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


async def test_tab_moves_focus_between_tree_details_and_source(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        assert screen.argument_tree.has_focus
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "details"
        await pilot.press("tab")
        assert screen.source_area.has_focus
        await pilot.press("tab")
        assert screen.argument_tree.has_focus


@pytest.mark.parametrize("key", ["f1", "question_mark"])
async def test_help_lists_every_binding(tmp_path: Path, key: str) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        await pilot.press(key)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = {ident: keys for keys, _, ident in help_screen.rows}
        for ident, expected in {
            "add-reason": "a",
            "add-objection": "o",
            "add-undercut": "u",
            "add-co-premise": "p",
            "link": "l",
            "edit-text": "enter, e",
            "edit-tags": "t",
            "edit-kind": "k",
            "delete": "d, delete",
            "move": "m",
            "reorder-up": "shift+up",
            "reorder-down": "shift+down",
            "search": "slash",
            "search-next": "n",
            "search-previous": "N",
            "attach": "x",
            "detach": "X",
            "remove-placement": "D",
            "unlink": "U",
            "render": "r",
            "render-html": "R",
            "save": "ctrl+s",
            "undo": "ctrl+z",
            "redo": "ctrl+y",
            "help": "f1, question_mark",
            "quit": "q",
            "command-palette": "ctrl+p",
        }.items():
            assert keys[ident] == expected, ident
        await pilot.press("escape")
        assert isinstance(app.screen, EditorScreen)


async def test_command_palette_runs_an_action(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        await pilot.press("ctrl+p", *"Objection")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Palette.", "enter")
        await pilot.pause()
        assert ("palette", "attack") in children_of(app.document.map, "cost")


async def test_quit_asks_when_unsaved_and_can_save(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        await pilot.press("o", *"Too dear.", "enter", "q")
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("q", "up", "up", "enter")
        await pilot.pause()
    assert "too-dear" in store.load(path).claims


async def test_quit_without_changes_does_not_ask(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0, "q on an unchanged map quits at once"
        assert not any(isinstance(screen, QuitScreen) for screen in app.screen_stack), "without asking"


async def test_findings_panel_counts_and_jumps_to_the_claim(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.findings is not None and len(screen.findings) > 0
        assert f"{len(screen.findings)} findings" in str(screen.query_one("#status").render())
        await pilot.press("c")
        panel = app.screen
        assert isinstance(panel, FindingsScreen)
        subject = next(subject for _, _, _, subject, _ in panel.findings if subject in app.document.map.claims)
        index = next(i for i, row in enumerate(panel.findings) if row[3] == subject)
        await pilot.press(*["down"] * index, "enter")
        assert screen.argument_tree.current is not None and screen.argument_tree.current.claim == subject


async def test_display_language_switch_shows_translations(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        await pilot.press("T", *"de", "enter", *"Teuer.", "enter", "L")
        assert screen.argument_tree.language == "de"
        assert "Teuer." in str(screen.argument_tree.cursor_node.label)
        await pilot.press("L")
        assert screen.argument_tree.language is None
        assert "Uniforms cost families money." in str(screen.argument_tree.cursor_node.label)


@pytest.mark.parametrize(("key", "name"), [("r", "uniforms.svg"), ("R", "uniforms.html")])
async def test_render_writes_the_picture_beside_the_map_and_says_where(tmp_path: Path, key: str, name: str) -> None:
    """``r`` draws the SVG, ``R`` the classroom page, each of the map as it is now, unsaved edits included."""
    path = write_uniforms(tmp_path)
    app = editor_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        await pilot.press("o", *"Unsaved too.", "enter", key)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = tmp_path / name
        assert any(f"rendered {written}" in n.message for n in app._notifications)
    picture = written.read_text(encoding="utf-8")
    assert "Unsaved too." in picture
    if key == "r":
        assert picture.lstrip().startswith(("<?xml", "<svg"))
    else:
        assert picture.lstrip().lower().startswith("<!doctype html") and "Content-Security-Policy" in picture
        assert "school uniforms should be required" in picture.lower()  # the source text is in the page


async def test_choose_between_several_sources(tmp_path: Path) -> None:
    path = write_uniforms(tmp_path)
    other = tmp_path / "letter.en.txt"
    other.write_text("Dear editor, uniforms are a good idea.\n", encoding="utf-8")
    app = ArgmapApp(path, add_source=other, keymap_file=tmp_path / "none.toml")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        assert screen.source_id == "letter"  # the first in id order
        assert screen.source_text == "Dear editor, uniforms are a good idea.\n"
        await pilot.press("s")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")
        assert screen.source_id == "uniforms"
        assert screen.source_text is not None and screen.source_text.startswith("Some parents")
        await pilot.press("s", "up", "enter")
        assert screen.source_id == "letter"


async def test_ctrl_q_asks_like_q(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "cost")
        await pilot.press("i", "ctrl+q")
        assert isinstance(app.screen, QuitScreen)


async def test_clicking_away_from_the_prompt_cancels_it(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        await pilot.press("o", *"half")
        await pilot.click("#tree")
        await pilot.press("a", *"Whole.", "enter")
        assert "whole" in app.document.map.claims and "half" not in app.document.map.claims


async def test_a_check_that_ends_while_the_editor_closes_is_dropped(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        await pilot.pause(0.5)  # the live check starts after a pause in typing
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen.findings
        assert shown is not None and all(message != "late" for _, _, message, _, _ in shown)
        tree = screen.argument_tree
        assert "cost" not in tree.flagged
        about = dict(screen.flagged)
    checked = Checked([("error", "dangling-id", "late", "cost", None)], {"cost": (("error", "late"),)}, {"cost"}, {})
    screen.show_findings(checked, app.document.revision)  # its widgets are gone: nothing to show it in
    assert screen.findings is shown, "the late check is dropped, not taken over"
    assert screen.flagged == about and "cost" not in tree.flagged


async def test_reordering_that_cannot_move_says_why(tmp_path: Path) -> None:
    app = editor_app(write_uniforms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(pilot)
        select(screen, "clothing")
        await pilot.press("shift+up")
        assert "its linked group moves as one and is already first" in screen.message
        assert not app.document.dirty
