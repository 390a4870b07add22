"""Registering source documents: the text a map annotates, with its hash."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from argmap.errors import ArgmapError
from argmap.ids import slugify
from argmap.model import Source


def describe_source(
    map_path: str | os.PathLike[str], text_path: str | os.PathLike[str], *, title: str = "", language: str = ""
) -> tuple[str, Source]:
    """A source id and record for a local text file, its path relative to the map."""
    location = Path(text_path)
    try:
        data = location.read_bytes()
    except OSError:
        raise ArgmapError(f"cannot read source text {location}", fix="check the path") from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArgmapError(f"{location} is not UTF-8 text (byte {error.start})", fix="convert it to UTF-8") from None
    stem = location.name.split(".")[0]
    suffixes = location.name.split(".")[1:-1]
    guessed_language = suffixes[-1] if suffixes and len(suffixes[-1]) == 2 else ""
    relative = os.path.relpath(location.resolve(), Path(map_path).resolve().parent)
    source = Source(
        title=title or stem.replace("-", " "),
        language=language or guessed_language,
        path=Path(relative).as_posix(),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return slugify(stem, max_words=3), source
