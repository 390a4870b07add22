"""The open document without a terminal: undo, redo, the unsaved mark, saving and recovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import ops, store
from argmap.document import Document, read_recovery, recovery_path, write_recovery
from argmap.errors import ArgmapError
from argmap.tui.keymap import keymap_path, load_keymap


def test_undo_redo_and_the_unsaved_mark(uniforms_path: Path) -> None:
    document = Document.open(uniforms_path)
    original = store.dumps(document.map)
    assert not document.dirty and not document.can_undo
    document.apply(ops.add_reason(document.graph, "thesis", "Time saved."), where=["cursor"])
    document.apply(ops.edit_text(document.graph, "cost", "Dear."))
    assert document.dirty
    assert document.undo().edit.label == "edit 'cost'"
    step = document.undo()
    assert step is not None and step.where == ["cursor"]
    assert store.dumps(document.map) == original and not document.dirty
    assert document.undo() is None
    document.redo()
    assert "time-saved" in document.map.claims and document.dirty
    document.save()
    assert not document.dirty
    document.undo()
    assert document.dirty, "undoing past the save makes the file and the map differ again"
    document.redo()
    assert not document.dirty


def test_a_new_edit_drops_the_redo_stack_and_empty_edits_are_not_kept(uniforms_path: Path) -> None:
    document = Document.open(uniforms_path)
    document.apply(ops.add_reason(document.graph, "thesis", "One."))
    document.undo()
    assert document.can_redo
    document.apply(ops.add_reason(document.graph, "thesis", "Two."))
    assert not document.can_redo
    assert not document.apply(ops.edit_text(document.graph, "cost", "Uniforms cost families money."))
    assert document.undo() is not None and document.undo() is None


def test_save_is_canonical_and_removes_the_recovery_file(uniforms_path: Path) -> None:
    document = Document.open(uniforms_path)
    document.apply(ops.add_objection(document.graph, "cost", "Cheap."))
    write_recovery(document.unsaved_edit(), document.recovery_path)
    assert document.recovery_path.exists()
    document.save()
    assert not document.recovery_path.exists()
    assert uniforms_path.read_bytes() == store.dumps(store.load(uniforms_path))


def test_recovery_is_offered_only_when_it_differs_and_restores_as_one_undoable_edit(uniforms_path: Path) -> None:
    assert recovery_path(uniforms_path).name == "uniforms.argmap.json.recover"
    crashed = Document.open(uniforms_path)
    crashed.apply(ops.add_objection(crashed.graph, "cost", "Cheap."))
    crashed.apply(ops.set_tags(crashed.graph, "thesis", ["school"]))
    write_recovery(crashed.unsaved_edit(), crashed.recovery_path)

    reopened = Document.open(uniforms_path)
    kept = reopened.pending_recovery()
    assert kept is not None
    reopened.restore(kept)
    assert reopened.dirty and store.dumps(reopened.map) == store.dumps(crashed.map)
    reopened.undo()
    assert store.dumps(reopened.map) == uniforms_path.read_bytes()

    write_recovery(Document.open(uniforms_path).unsaved_edit(), recovery_path(uniforms_path))
    assert Document.open(uniforms_path).pending_recovery() is None, "identical work is not offered"


def test_the_recovery_file_holds_only_what_changed_since_the_save(uniforms_path: Path) -> None:
    document = Document.open(uniforms_path)
    document.apply(ops.edit_text(document.graph, "cost", "Uniforms are dear."))
    document.save()
    document.apply(ops.add_objection(document.graph, "cost", "Cheap."))
    document.apply(ops.set_tags(document.graph, "thesis", ["school"]))
    document.undo()
    write_recovery(document.unsaved_edit(), document.recovery_path)
    kept = read_recovery(document.recovery_path)
    assert {(c.table, c.id) for c in kept.changes} == {("claims", "cheap"), ("relations", "r-cheap")}
    assert all(c.before is None for c in kept.changes)
    document.undo()
    document.undo()
    assert document.unsaved_edit().changes[0].after.text == "Uniforms cost families money."
    document.redo()
    assert not document.unsaved_edit().changes, "back where it was saved: nothing to recover"


def test_recovered_records_go_over_a_file_that_changed_since_and_leave_the_rest(uniforms_path: Path) -> None:
    crashed = Document.open(uniforms_path)
    crashed.apply(ops.edit_text(crashed.graph, "cost", "Uniforms are dear."))
    write_recovery(crashed.unsaved_edit(), crashed.recovery_path)
    elsewhere = Document.open(uniforms_path)
    elsewhere.apply(ops.edit_text(elsewhere.graph, "subsidy", "Councils pay."))
    elsewhere.apply(ops.edit_text(elsewhere.graph, "cost", "Uniforms cost a lot."))
    store.save(elsewhere.map, uniforms_path)

    reopened = Document.open(uniforms_path)
    kept = reopened.pending_recovery()
    assert kept is not None
    reopened.restore(kept)
    assert reopened.map.claims["cost"].text == "Uniforms are dear."
    assert reopened.map.claims["subsidy"].text == "Councils pay."


def test_an_unreadable_recovery_file_is_not_offered_but_moved_aside_with_a_word(uniforms_path: Path) -> None:
    broken = '{"argmap-recovery": 1, "changes": [{"table": "claims"}]}'
    recovery_path(uniforms_path).write_text(broken)
    document = Document.open(uniforms_path)
    assert document.pending_recovery() is None
    kept = recovery_path(uniforms_path).with_name(recovery_path(uniforms_path).name + ".unreadable")
    assert not recovery_path(uniforms_path).exists() and kept.read_text() == broken
    assert document.recovery_set_aside is not None and f"moved aside to {kept}" in document.recovery_set_aside
    recovery_path(uniforms_path).write_text(broken)
    Document.open(uniforms_path).pending_recovery()
    assert kept.with_name(kept.name + "-2").read_text() == broken, "an earlier one set aside is kept"


def test_snapshot_is_untouched_by_later_edits(uniforms_path: Path) -> None:
    document = Document.open(uniforms_path)
    snapshot = document.snapshot()
    document.apply(ops.add_reason(document.graph, "thesis", "Later."))
    assert "later" not in snapshot.claims and "later" in document.map.claims


def test_keymap_file(tmp_path: Path) -> None:
    assert keymap_path({"XDG_CONFIG_HOME": "/cfg"}) == Path("/cfg/argmap/keymap.toml")
    assert keymap_path({"HOME": "/home/u"}) == Path("/home/u/.config/argmap/keymap.toml")
    assert load_keymap(tmp_path / "missing.toml", {"save"}) == {}
    good = tmp_path / "keymap.toml"
    good.write_text('save = "ctrl+s, f2"\n')
    assert load_keymap(good, {"save"}) == {"save": "ctrl+s,f2"}
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('sav = "f2"\n')
    with pytest.raises(ArgmapError, match="unknown binding 'sav'"):
        load_keymap(unknown, {"save"})
    broken = tmp_path / "broken.toml"
    broken.write_text("save = \n")
    with pytest.raises(ArgmapError, match="not valid TOML"):
        load_keymap(broken, {"save"})
