"""Helpers the interchange tests share: comparing maps by structure, and finding other tools."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from argmap.model import ArgMap

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ARGMAP_CORPUS") or ROOT.parent / "shared" / "corpus")
"""The shared corpus beside the repository; ARGMAP_CORPUS points elsewhere (e.g. from a worktree)."""
ARGDOWN_CLI_DIR = ROOT / ".cache" / "argdown-cli"


def structure(argmap: ArgMap, *, flat: bool = False) -> tuple[frozenset, frozenset]:
    """A map as texts only: its claims, and each relation as (type, premise texts, target).

    Ids differ between formats; this is what a conversion must keep.  A target that
    is a relation (an undercut) is described by that relation's own structure.
    ``flat`` compares texts with whitespace runs as single spaces (Argdown joins lines).
    """

    def text(cid: str) -> str:
        return " ".join(argmap.claims[cid].text.split()) if flat else argmap.claims[cid].text

    def relation(rid: str, depth: int = 0) -> tuple:
        r = argmap.relations[rid]
        premises = tuple(sorted(text(p) for p in r.premises))
        if r.target in argmap.claims:
            target: object = text(r.target)
        elif depth < 20:
            target = relation(r.target, depth + 1)
        else:
            target = "…"
        return (r.type.value, premises, target)

    claims = frozenset(text(cid) for cid in argmap.claims)
    return claims, frozenset(relation(rid) for rid in argmap.relations)


def argdown_cli() -> str | None:
    """The ``argdown`` command: $ARGDOWN_CLI, the repo's .cache install, or one on PATH."""
    candidates = [os.environ.get("ARGDOWN_CLI", ""), str(ARGDOWN_CLI_DIR / "node_modules" / ".bin" / "argdown")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("argdown")


def corpus(kind: str) -> Path:
    import pytest

    folder = CORPUS / kind
    if not folder.is_dir():
        pytest.skip(f"the shared corpus is absent ({folder}): it lives beside the repository, not in it")
    return folder
