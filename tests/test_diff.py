"""The semantic diff: what it reports, that it applies, and the ``argmap diff`` command."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from argmap import ops, store
from argmap.diff import apply_diff, describe, diff_maps, word_diff
from argmap.diffview import render_json, render_text
from argmap.errors import ArgmapError
from argmap.model import Anchor, ClaimKind, RelationType
from tests import in_process
from tests.diffmerge_helpers import edited, sample_map

ROOT = Path(__file__).resolve().parent.parent


def actions(old, new) -> list[tuple[str, str, str]]:
    return [(e.action, e.id, e.field) for e in describe(diff_maps(old, new), old, new)]


def test_identical_maps_have_an_empty_diff():
    base = sample_map()
    diff = diff_maps(base, sample_map())
    assert not diff
    assert describe(diff, base, base) == []


def test_rewording_is_a_word_diff():
    base = sample_map()
    new = edited(base, lambda g: ops.edit_text(g, "shells", "Russia urgently needs artillery shells for its war."))
    (entry,) = describe(diff_maps(base, new), base, new)
    assert entry.action == "reworded"
    assert entry.words == (
        ("=", "Russia "),
        ("+", "urgently "),
        ("=", "needs"),
        ("+", " artillery"),
        ("=", " shells for its war."),
    )


def test_word_diff_rebuilds_both_texts():
    runs = word_diff("a quick brown fox", "a slow brown dog, really")
    assert "".join(t for op, t in runs if op != "+") == "a quick brown fox"
    assert "".join(t for op, t in runs if op != "-") == "a slow brown dog, really"


def test_added_and_removed_claims_and_relations():
    base = sample_map()
    new = edited(
        base,
        lambda g: ops.add_reason(g, "treaty", "The treaty has no teeth.", claim_id="no-teeth"),
        lambda g: ops.delete_claim(g, "only-shells"),
    )
    assert actions(base, new) == [
        ("added", "no-teeth", ""),
        ("removed", "only-shells", ""),
        ("added", "r-no-teeth", ""),
        ("removed", "r-only-shells", ""),
    ]


def test_field_changes_of_claims_and_relations():
    base = sample_map()
    anchor = Anchor(source="article", quote="Granaten", start=100, end=108)
    new = edited(
        base,
        lambda g: ops.set_kind(g, "stocks", ClaimKind.STATISTIC),
        lambda g: ops.set_tags(g, "shells", ["military"]),
        lambda g: ops.set_translation(g, "shells", "de", "Russland braucht Granaten."),
        lambda g: ops.set_note(g, "treaty", "signed June 2024"),
        lambda g: ops.set_base_score(g, "treaty", 0.8),
        lambda g: ops.attach_evidence(g, "shells", anchor),
        lambda g: ops.detach_evidence(g, "no-complementarity", 0),
        lambda g: ops.set_relation_type(g, "r-treaty", RelationType.SUPPORT),
        lambda g: ops.set_weight(g, "r-shells", 0.5),
        lambda g: ops.set_scheme(g, "r-shells", "practical-reasoning"),
        lambda g: ops.update_source(g, "article", title="The article"),
    )
    old_title = base.model_copy(update={"title": "Old title"})
    assert actions(old_title, new) == [
        ("changed", "", "title"),
        ("changed", "article", "title"),
        ("evidence-removed", "no-complementarity", "evidence"),
        ("changed", "shells", "tags"),
        ("changed", "shells", "translations"),
        ("evidence-added", "shells", "evidence"),
        ("changed", "stocks", "kind"),
        ("changed", "treaty", "base_score"),
        ("changed", "treaty", "note"),
        ("changed", "r-shells", "scheme"),
        ("changed", "r-shells", "weight"),
        ("changed", "r-treaty", "type"),
    ]


def test_moves_and_reordering():
    base = sample_map()
    moved = edited(base, lambda g: ops.move_claim(g, "treaty", "shells", via="r-treaty"))
    (entry,) = describe(diff_maps(base, moved), base, moved)
    assert (entry.action, entry.id, entry.before, entry.after) == ("moved", "r-treaty", "thesis", "shells")
    assert entry.detail == {"premises": ["treaty"]}
    reordered = edited(base, lambda g: ops.reorder(g, "r-treaty", -2))
    (entry,) = describe(diff_maps(base, reordered), base, reordered)
    assert entry.action == "reordered"
    assert entry.detail == {"target": "thesis", "from": 3, "to": 1, "siblings": 3}


def test_apply_diff_gives_the_new_map_and_leaves_the_old_one():
    base = sample_map()
    new = edited(
        base,
        lambda g: ops.delete_claim(g, "treaty"),
        lambda g: ops.move_claim(g, "no-complementarity", "shells"),
        lambda g: ops.edit_text(g, "thesis", "A new thesis."),
    ).model_copy(update={"description": "now described"})
    before = store.dumps(base)
    assert apply_diff(base, diff_maps(base, new)) == new
    assert store.dumps(base) == before
    with pytest.raises(ArgmapError, match="does not apply"):
        apply_diff(new, diff_maps(base, new))


def test_text_report_marks_changes_without_colour():
    base = sample_map()
    new = edited(
        base,
        lambda g: ops.edit_text(g, "shells", "Russia needs many shells."),
        lambda g: ops.delete_claim(g, "only-shells"),
    )
    assert render_text(describe(diff_maps(base, new), base, new)).plain == (
        '- claim only-shells: "Shells alone do not make an alliance."\n'
        "~ claim shells reworded: Russia needs {+many +}shells[- for its war-].\n"
        "- relation r-only-shells: attack only-shells -> r-shells\n"
        "3 changes: 2 removed, 1 reworded\n"
    )


def test_json_report_is_stable_and_complete():
    base = sample_map()
    new = edited(base, lambda g: ops.reorder(g, "r-treaty", -1))
    entries = describe(diff_maps(base, new), base, new)
    document = json.loads(render_json(entries, "a", "b"))
    assert document["same"] is False
    assert document["summary"] == {"reordered": 1}
    assert document["changes"][0]["detail"] == {"target": "thesis", "from": 3, "to": 2, "siblings": 3}
    assert render_json(entries, "a", "b") == render_json(describe(diff_maps(base, new), base, new), "a", "b")


def argmap_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return in_process.run(*args, cwd=cwd, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})


def test_diff_command_exit_codes_and_formats(tmp_path: Path):
    base = sample_map()
    store.save(base, tmp_path / "old.argmap.json")
    store.save(
        edited(base, lambda g: ops.edit_text(g, "treaty", "They signed a treaty.")), tmp_path / "new.argmap.json"
    )
    same = argmap_cli("diff", "old.argmap.json", "old.argmap.json", cwd=tmp_path)
    assert (same.returncode, same.stdout) == (0, "no changes\n")
    different = argmap_cli("diff", "old.argmap.json", "new.argmap.json", cwd=tmp_path)
    assert different.returncode == 1
    assert "~ claim treaty reworded: They signed a [-mutual defence -]treaty." in different.stdout
    as_json = argmap_cli("diff", "old.argmap.json", "new.argmap.json", "--format", "json", "-o", "d.json", cwd=tmp_path)
    assert as_json.returncode == 1
    assert json.loads((tmp_path / "d.json").read_text())["summary"] == {"reworded": 1}
    missing = argmap_cli("diff", "old.argmap.json", "nope.argmap.json", cwd=tmp_path)
    assert missing.returncode == 2
    assert "nope.argmap.json: no such file" in missing.stderr
    drawing = argmap_cli("diff", "old.argmap.json", "new.argmap.json", "--format", "svg", cwd=tmp_path)
    assert drawing.returncode == 1 and drawing.stdout.lstrip().startswith("<?xml"), "tests/test_diff_picture.py"


def test_diff_command_reads_git_revisions(tmp_path: Path):
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("config", "user.name", "Test")
    git("config", "user.email", "test@example.org")
    base = sample_map()
    store.save(base, tmp_path / "m.argmap.json")
    git("add", ".")
    git("commit", "-qm", "one")
    store.save(edited(base, lambda g: ops.delete_claim(g, "treaty")), tmp_path / "m.argmap.json")
    result = argmap_cli("diff", "HEAD:m.argmap.json", "m.argmap.json", cwd=tmp_path)
    assert result.returncode == 1
    assert '- claim treaty: "They signed a mutual defence treaty."' in result.stdout
    bad = argmap_cli("diff", "HEAD~5:m.argmap.json", "m.argmap.json", cwd=tmp_path)
    assert bad.returncode == 2
    assert "git cannot show it" in bad.stderr
