"""The textconv outline git diffs: stable, one claim per line, details on their own lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from argmap import ops, store
from argmap.merge import merge_maps
from argmap.model import ClaimKind
from argmap.textconv import outline
from tests.diffmerge_helpers import edited, sample_map

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = """\
title: Russia and North Korea
language: en
source article: title Article; language de

* [thesis] Russia's rapprochement with North Korea is a partnership of convenience, not an alliance.
  + [no-complementarity] The two economies have almost nothing to offer each other.
      evidence article 10-51: "fehlende wirtschaftliche Komplementarität"
    - [treaty] They signed a mutual defence treaty.
        relation: r-treaty-2
  + [shells] Russia needs shells for its war.
  & [stocks] North Korea has large stocks of shells.
    x [only-shells] Shells alone do not make an alliance.  (on [r-shells])
  - [treaty] (see above)
"""


def test_outline_of_every_structure():
    assert outline(sample_map()) == EXPECTED


def test_a_one_field_edit_changes_one_line():
    base = sample_map()
    changed = edited(
        base,
        lambda g: ops.set_kind(g, "stocks", ClaimKind.STATISTIC),
        lambda g: ops.set_translation(g, "stocks", "de", "Nordkorea hat große Bestände."),
    )
    before, after = outline(base).splitlines(), outline(changed).splitlines()
    assert [line for line in after if line not in before] == [
        "      kind: statistic",
        "      de: Nordkorea hat große Bestände.",
    ]
    assert [line for line in before if line not in after] == []


def test_conflicts_and_unreachable_claims_are_listed():
    base = sample_map()
    conflicted = merge_maps(
        base,
        edited(base, lambda g: ops.edit_text(g, "shells", "ours\nwith a newline")),
        edited(base, lambda g: ops.edit_text(g, "shells", "theirs")),
    ).map
    orphaned = edited(conflicted, lambda g: ops.update_relation(g, "r-shells", "cycle", target="only-shells"))
    text = outline(orphaned)
    assert 'CONFLICT claims.shells.text (unresolved)\n  base: "Russia needs shells for its war."\n' in text
    assert '  ours: "ours\\nwith a newline"\n  theirs: "theirs"\n' in text
    assert "not reachable from a root:" in text
    assert outline(orphaned) == text


def test_textconv_command_and_its_fallback(tmp_path: Path):
    path = tmp_path / "m.argmap.json"
    store.save(sample_map(), path)
    run = [sys.executable, "-m", "argmap", "textconv"]
    env = {"PYTHONPATH": str(ROOT)}
    done = subprocess.run([*run, str(path)], capture_output=True, text=True, env=env)
    assert (done.returncode, done.stdout) == (0, EXPECTED)
    path.write_text("<<<<<<< ours\n{}\n>>>>>>> theirs\n")
    fallback = subprocess.run([*run, str(path)], capture_output=True, text=True, env=env)
    assert fallback.returncode == 0
    assert fallback.stdout == "<<<<<<< ours\n{}\n>>>>>>> theirs\n"
    assert "showing the file as it is" in fallback.stderr
