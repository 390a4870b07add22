"""Helpers the interchange tests share: comparing maps by structure, and finding other tools."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from argmap.model import ArgMap

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ARGDOWN_CLI_DIR = ROOT / ".cache" / "argdown-cli"


def structure(argmap: ArgMap) -> tuple[frozenset, frozenset]:
    """A map as texts only: its claims, and each relation as (type, premise texts, target).

    Ids differ between formats; this is what a conversion must keep.  A target that
    is a relation (an undercut) is described by that relation's own structure.
    """

    def relation(rid: str, depth: int = 0) -> tuple:
        r = argmap.relations[rid]
        premises = tuple(sorted(argmap.claims[p].text for p in r.premises))
        if r.target in argmap.claims:
            target: object = argmap.claims[r.target].text
        elif depth < 20:
            target = relation(r.target, depth + 1)
        else:
            target = "…"
        return (r.type.value, premises, target)

    claims = frozenset(c.text for c in argmap.claims.values())
    return claims, frozenset(relation(rid) for rid in argmap.relations)


def argdown_cli() -> str | None:
    """The ``argdown`` command: $ARGDOWN_CLI, the repo's .cache install, or one on PATH."""
    candidates = [os.environ.get("ARGDOWN_CLI", ""), str(ARGDOWN_CLI_DIR / "node_modules" / ".bin" / "argdown")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("argdown")
