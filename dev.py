#!/usr/bin/env python3
"""The README's two commands: set up a local environment in .venv, then run argmap or its tests.

    python3 dev.py edit [MAP]       open the editor (default: a working copy of the seed map)
    python3 dev.py test [ARGS…]     run the whole test suite (ARGS go to pytest)
    python3 dev.py lint             ruff check, ruff format --check and mypy, as CI runs them
    python3 dev.py argmap ARGS…     run any argmap command

Only Python 3.11+ is needed: the first run creates .venv and installs argmap with
its test tools into it; later runs reinstall only when pyproject.toml changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".argmap-installed"
SEED_MAP = ROOT / "maps" / "partnership-of-convenience.argmap.json"
ARGDOWN_CLI = ROOT / ".cache" / "argdown-cli"
WORKING_COPY = ROOT / ".cache" / "seed-map"
"""Where ``dev.py edit`` opens the seed map: the committed one stays as the tests expect it."""
ARGDOWN_VERSION = "1.7.5"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment() -> Path:
    """Create .venv and install argmap[test] into it unless it is already up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by any python3
        sys.exit(f"dev.py: argmap needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    python = venv_python()
    if python.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return python
    print("dev.py: setting up .venv with argmap and its test tools (the first time takes a minute)…", flush=True)
    if not python.exists():
        try:
            venv.create(VENV, with_pip=True)
        except Exception as error:  # ensurepip missing on some Linux distributions
            sys.exit(f"dev.py: cannot create .venv ({error}); on Debian/Ubuntu: apt install python3-venv")
    quiet = [] if os.environ.get("CI") else ["--quiet"]
    subprocess.run(
        [python, "-m", "pip", "install", *quiet, "--disable-pip-version-check", "-e", f"{ROOT}[test]"], check=True
    )
    STAMP.write_text(wanted)
    return python


def ensure_argdown_cli() -> None:
    """Argdown's own CLI checks argmap's Argdown export; it comes from npm, when npm is here."""
    if (ARGDOWN_CLI / "node_modules" / ".bin" / "argdown").exists() or not shutil.which("npm"):
        return
    print(f"dev.py: installing @argdown/cli {ARGDOWN_VERSION} into .cache/ for the Argdown tests…", flush=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(ARGDOWN_CLI),
            "--no-audit",
            "--no-fund",
            "--silent",
            f"@argdown/cli@{ARGDOWN_VERSION}",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def working_copy() -> Path:
    """The seed map with its sources, copied once into .cache/ (git-ignored); edits there last between runs."""
    copy = WORKING_COPY / SEED_MAP.name
    if not copy.exists():
        shutil.copytree(SEED_MAP.parent, WORKING_COPY, dirs_exist_ok=True)
        print(f"dev.py: editing a copy of the seed map in {WORKING_COPY.relative_to(ROOT)}/ (delete it to start over)")
    return copy


def lint(python: Path) -> int:
    """The checks CI runs before the tests; each runs even if one before it failed, so one run shows all."""
    tools = python.parent
    checks: list[list[str | Path]] = [
        [tools / "ruff", "check", "."],
        [tools / "ruff", "format", "--check", "."],
        [tools / "mypy"],  # what and how strictly: [tool.mypy] in pyproject.toml
    ]
    failed = [check for check in checks if subprocess.call(check, cwd=ROOT) != 0]
    for check in failed:
        print(f"dev.py lint: {' '.join([Path(check[0]).name, *map(str, check[1:])])} failed", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if command not in {"edit", "test", "lint", "argmap"}:
        print(__doc__.strip())
        return 0 if command in {"help", "-h", "--help"} else 2
    python = ensure_environment()
    if command == "test":
        ensure_argdown_cli()
        workers = [] if any(arg.startswith("-n") for arg in rest) else ["-n", "auto"]
        return subprocess.call([python, "-m", "pytest", *workers, *rest], cwd=ROOT)
    if command == "lint":
        return lint(python)
    if command == "edit":
        return subprocess.call([python, "-m", "argmap", "edit", *(rest or [str(working_copy())])], cwd=ROOT)
    return subprocess.call([python, "-m", "argmap", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
