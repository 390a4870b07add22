"""What argmap asks of git: file versions (``REV:path``), driver registration, a line-merge fallback.

The diff and merge cores know nothing of git; the commands call this module to
fetch their inputs and to register themselves as git's drivers for map files.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from argmap import store
from argmap.errors import ArgmapError
from argmap.model import ArgMap

ATTRIBUTES_LINE = "*.argmap.json diff=argmap merge=argmap"


def _git(*args: str, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True)
    except FileNotFoundError:
        raise ArgmapError("git is not installed (or not on PATH)", fix="install git") from None
    if check and done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise ArgmapError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done


def load_version(spec: str) -> ArgMap:
    """A map from a file, or from git when ``spec`` is ``REV:path`` (``HEAD~1:maps/x.argmap.json``)."""
    if spec == "-":
        return store.loads(sys.stdin.buffer.read(), "<stdin>").map
    if os.path.exists(spec) or ":" not in spec:
        return store.load(spec)
    return store.loads(_show(spec), spec).map


def load_version_data(spec: str, like: store.MapData | None = None) -> store.MapData:
    """:func:`load_version` for a read-only command: the map checked, its records not built (``store.MapData``).

    ``like``: another version of the map, already read; what the two share is not parsed twice.
    """
    if spec == "-":
        return store.loads_data(sys.stdin.buffer.read(), "<stdin>", like)
    if os.path.exists(spec) or ":" not in spec:
        return store.read_data(spec, like)
    return store.loads_data(_show(spec), spec, like)


def _show(spec: str) -> bytes:
    if spec.startswith("-"):
        raise ArgmapError(
            "a revision cannot begin with '-'", path=spec, fix="write REV:path, e.g. HEAD~1:maps/nk.argmap.json"
        )
    done = _git("show", "--end-of-options", spec, "--", check=False)
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip().splitlines()
        raise ArgmapError(
            f"git cannot show it: {reason[-1] if reason else 'unknown revision or path'}",
            path=spec,
            fix="write REV:path with the path from the repository root, or REV:./path relative to here",
        )
    return done.stdout


def command_prefix() -> str:
    """How git should call this argmap: this very interpreter, so a venv install works outside the venv."""
    return f"{shlex.quote(sys.executable)} -m argmap"


def driver_config() -> dict[str, str]:
    """The git configuration docs/git.md describes, with the commands pointing at this interpreter."""
    prefix = command_prefix()
    return {
        "diff.argmap.textconv": f"{prefix} textconv",
        "diff.argmap.cachetextconv": "true",
        "merge.argmap.name": "argmap semantic merge",
        "merge.argmap.driver": f"{prefix} merge-driver %O %A %B %L %P",
    }


def setup(*, global_: bool = False, disable: bool = False, cwd: Path | None = None) -> list[str]:
    """Register (or with ``disable`` unregister) the drivers; idempotent.  Returns what it did."""
    scope = "--global" if global_ else "--local"
    if global_:
        attributes = _global_attributes(cwd)
    else:
        top = _git("rev-parse", "--show-toplevel", cwd=cwd, check=False)
        if top.returncode != 0:
            raise ArgmapError("not inside a git repository", fix="run it in your repository, or pass --global")
        attributes = Path(top.stdout.decode().strip()) / ".gitattributes"
    done: list[str] = []
    if disable:
        for section in ("diff.argmap", "merge.argmap"):
            if _git("config", scope, "--remove-section", section, cwd=cwd, check=False).returncode == 0:
                done.append(f"removed git config {section} ({scope[2:]})")
        if _edit_attributes(attributes, add=False):
            done.append(f"removed the argmap line from {attributes}")
        return done
    for key, value in driver_config().items():
        current = _git("config", scope, "--get", key, cwd=cwd, check=False).stdout.decode().strip()
        if current != value:
            _git("config", scope, key, value, cwd=cwd)
            done.append(f"git config {scope} {key} {shlex.quote(value)}")
    if _edit_attributes(attributes, add=True):
        done.append(f"added '{ATTRIBUTES_LINE}' to {attributes}")
    return done


def _global_attributes(cwd: Path | None) -> Path:
    configured = _git("config", "--global", "--get", "core.attributesFile", cwd=cwd, check=False)
    if configured.returncode == 0 and configured.stdout.strip():
        return Path(os.path.expanduser(configured.stdout.decode().strip()))
    config_home = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(config_home) / "git" / "attributes"


def _edit_attributes(path: Path, *, add: bool) -> bool:
    """Add or remove the argmap line; True if the file changed."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.splitlines()
    present = ATTRIBUTES_LINE in (line.strip() for line in lines)
    if add == present:
        return False
    if add:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = text + ("" if not text or text.endswith("\n") else "\n") + ATTRIBUTES_LINE + "\n"
    else:
        kept = [line for line in lines if line.strip() != ATTRIBUTES_LINE]
        new = "\n".join(kept) + "\n" if kept else ""
    store.write_atomic(path, new.encode("utf-8"))
    return True


def line_merge(base: str, ours: str, theirs: str, marker_size: str, name: str) -> int:
    """git's own line merge into ``ours`` with conflict markers: the fallback for unreadable maps."""
    done = _git(
        "merge-file",
        f"--marker-size={marker_size}",
        "-L",
        f"ours:{name}",
        "-L",
        f"base:{name}",
        "-L",
        f"theirs:{name}",
        ours,
        base,
        theirs,
        check=False,
    )
    return done.returncode
