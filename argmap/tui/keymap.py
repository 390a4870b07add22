"""The user's key settings: ``keymap.toml`` in the config folder, binding id → keys.

Example (``~/.config/argmap/keymap.toml``)::

    # binding id = "key" or "key1,key2"
    add-reason = "a,plus"
    save = "ctrl+s,f2"

The ids are listed by the help screen (``f1``) and in ``docs/editor.md``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from argmap.errors import ArgmapError


def keymap_path(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/argmap/keymap.toml``, or ``~/.config/argmap/keymap.toml``."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".config")
    return Path(base) / "argmap" / "keymap.toml"


def load_keymap(path: Path, known_ids: set[str]) -> dict[str, str]:
    """Binding id → comma-separated keys; a missing file means no changes."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ArgmapError(f"cannot read the keymap: {error}", path=str(path)) from None
    except tomllib.TOMLDecodeError as error:
        raise ArgmapError(f"the keymap is not valid TOML: {error}", path=str(path)) from None
    keymap: dict[str, str] = {}
    for ident, keys in data.items():
        if ident not in known_ids:
            raise ArgmapError(
                f"the keymap names an unknown binding {ident!r}",
                path=str(path),
                fix="the help screen (f1) lists the binding ids",
            )
        if not isinstance(keys, str) or not keys.strip():
            raise ArgmapError(f'keys for {ident!r} must be a string such as "ctrl+s"', path=str(path))
        keymap[ident] = ",".join(key.strip() for key in keys.split(",") if key.strip())
    return keymap
