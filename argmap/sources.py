"""Source texts: the one rule for which files a map may name, reading them safely, and registering new ones.

A map may come from a stranger, so a source's ``path`` is data, never a
permission.  The rule (docs/format.md): a source is a regular file inside the
map's folder or one of its subfolders, no larger than :data:`MAX_SOURCE_BYTES`.
An absolute path, ``..``, a symlink leading outside, a device, a FIFO, a
directory or a NUL in the path is refused with an error naming the source;
``check`` reports it and no command reads it.  A person who keeps texts
elsewhere names those folders in the environment variable
:data:`SOURCE_DIRS_SETTING`; a map can never widen the rule itself.

Importers never take a file name from the file they import: the texts they
recover are written beside the new map under names made from the map's name
(:func:`place_texts`).
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from argmap import store
from argmap.errors import ArgmapError
from argmap.ids import slugify
from argmap.model import ArgMap, Source

MAX_SOURCE_BYTES = 64 * 2**20
"""A source text larger than this is refused before it is read.

The longest texts argmap annotates are transcripts and reports of a few MB; 64 MiB
leaves ten times that, while ``/dev/zero`` or a runaway file cannot fill memory.
"""

SOURCE_DIRS_SETTING = "ARGMAP_SOURCE_DIRS"
"""Folders (separated by ``os.pathsep``) whose files any map on this machine may name as sources."""

OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_NOFOLLOW | os.O_CLOEXEC
"""A FIFO opens without waiting for a writer, a terminal is never adopted, a last-moment symlink is refused."""


class SourceRefused(ArgmapError):
    """A source the rule forbids: ``check`` reports it as ``source-refused`` and nothing reads it."""


@dataclass(frozen=True)
class TextFile:
    """A recovered source text to write: where, and its bytes."""

    path: Path
    data: bytes


def trusted_folders() -> tuple[Path, ...]:
    """The folders the person running argmap allowed beyond each map's own (:data:`SOURCE_DIRS_SETTING`)."""
    setting = os.environ.get(SOURCE_DIRS_SETTING, "")
    return tuple(Path(os.path.realpath(part)) for part in setting.split(os.pathsep) if part.strip())


def map_folder(map_path: str | os.PathLike[str]) -> Path:
    """The real folder of a map file: sources are named relative to it."""
    return Path(os.path.realpath(os.path.dirname(os.path.abspath(map_path))))


def path_problem(path: str) -> str | None:
    """Why a source path written in a map leaves the map's folder, judged from the text alone; None if it does not."""
    if "\0" in path:
        return "its path holds a NUL character"
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).anchor:
        return f"its path {path!r} is absolute"
    if ".." in PurePosixPath(path).parts or ".." in PureWindowsPath(path).parts:
        return f"its path {path!r} climbs out of the map's folder (..)"
    return None


def locate_source(map_path: str | os.PathLike[str], source_id: str, path: str) -> Path:
    """The real file a source's ``path`` names, if the rule allows it; :class:`SourceRefused` otherwise."""
    fix = f"keep the text in the map's folder, or name its folder in {SOURCE_DIRS_SETTING}"
    if "\0" in path:
        raise SourceRefused(f"source {source_id!r}: its path holds a NUL character", path=str(map_path), fix=fix)
    folder = map_folder(map_path)
    real = Path(os.path.realpath(folder / path))
    trusted = trusted_folders()
    if any(real.is_relative_to(root) for root in trusted):
        return real
    problem = path_problem(path)
    if problem is None and not real.is_relative_to(folder):
        problem = f"its path {path!r} is a symlink leading outside the map's folder"
    if problem is not None:
        raise SourceRefused(f"source {source_id!r}: {problem}", path=str(map_path), fix=fix)
    return real


def read_file(location: Path, label: str, *, origin: str | None = None, fix: str | None = None) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_SOURCE_BYTES`, read without blocking or following a link.

    ``label`` names the file in errors ("source 'article'"); anything but a regular
    file is :class:`SourceRefused`, a missing or unreadable one a plain :class:`ArgmapError`.
    """
    try:
        fd = os.open(location, OPEN_FLAGS)
    except FileNotFoundError:
        raise ArgmapError(f"{label}: no such file {location}", path=origin, fix=fix) from None
    except OSError as error:
        raise ArgmapError(f"{label}: cannot read {location}: {error.strerror}", path=origin, fix=fix) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = store.file_kind(info.st_mode)
            raise SourceRefused(f"{label}: {location} is {kind}, not a text file", path=origin, fix=fix)
        data = b"" if info.st_size > MAX_SOURCE_BYTES else store.read_bounded(fd, MAX_SOURCE_BYTES)
        if info.st_size > MAX_SOURCE_BYTES or len(data) > MAX_SOURCE_BYTES:
            raise SourceRefused(f"{label}: {location} is larger than {_limit()}", path=origin, fix=fix)
        return data
    except OSError as error:
        raise ArgmapError(f"{label}: cannot read {location}: {error.strerror}", path=origin, fix=fix) from None
    finally:
        os.close(fd)


def read_source_text(map_path: str | os.PathLike[str], source_id: str, source: Source) -> tuple[str, str]:
    """A source's text (UTF-8, newlines untouched so offsets hold) and the SHA-256 of its bytes."""
    if not source.path:
        raise ArgmapError(
            f"source {source_id!r} has no local text",
            path=str(map_path),
            fix="set its path to a text file beside the map",
        )
    location = locate_source(map_path, source_id, source.path)
    data = read_file(
        location,
        f"source {source_id!r}",
        origin=str(map_path),
        fix="restore the file or correct the source's path",
    )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArgmapError(
            f"source {source_id!r}: {location} is not UTF-8 (byte {error.start})",
            path=str(map_path),
            fix="convert it to UTF-8",
        ) from None
    return text, hashlib.sha256(data).hexdigest()


def describe_source(
    map_path: str | os.PathLike[str], text_path: str | os.PathLike[str], *, title: str = "", language: str = ""
) -> tuple[str, Source]:
    """A source id and record for a local text file, its path relative to the map; the file must obey the rule."""
    location = Path(text_path)
    relative = Path(os.path.relpath(os.path.realpath(location), map_folder(map_path))).as_posix()
    try:
        real = locate_source(map_path, "new", relative)
    except SourceRefused:
        raise SourceRefused(
            f"{location} is outside the map's folder",
            fix=f"copy it beside the map, or name its folder in {SOURCE_DIRS_SETTING}",
        ) from None
    data = read_file(real, str(location), fix="check the path")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArgmapError(f"{location} is not UTF-8 text (byte {error.start})", fix="convert it to UTF-8") from None
    stem = location.name.split(".")[0]
    suffixes = location.name.split(".")[1:-1]
    guessed_language = suffixes[-1] if suffixes and len(suffixes[-1]) == 2 else ""
    source = Source(
        title=title or stem.replace("-", " "),
        language=language or guessed_language,
        path=relative,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return slugify(stem, max_words=3), source


def place_texts(
    argmap: ArgMap, texts: dict[str, str], map_path: str | os.PathLike[str] | None
) -> tuple[ArgMap, list[TextFile], list[str]]:
    """Where an import's recovered texts go: beside the map, named after it, never where the imported file said.

    Each recovered text becomes ``<map name>.<source id>.txt`` beside ``map_path``;
    a different file already there is left alone and the text gets the next free
    name (``…-2.txt``).  A path the imported file gave to a source without a
    recovered text is kept only when it obeys the rule.  With no ``map_path`` (the
    map goes to stdout) recovered texts are not placed and their paths are empty.
    Returns the map with its sources' paths set, the files to write, and warnings.
    """
    folder = map_folder(map_path) if map_path is not None else None
    stem = _map_stem(map_path) if map_path is not None else ""
    sources: dict[str, Source] = {}
    files: list[TextFile] = []
    warnings: list[str] = []
    taken: set[str] = set()
    for source_id, source in argmap.sources.items():
        if source_id not in texts:
            problem = path_problem(source.path) if source.path else None
            if problem is not None:
                warnings.append(f"source {source_id!r}: {problem}; the path was left out")
                source = source.model_copy(update={"path": ""})
            sources[source_id] = source
            continue
        data = texts[source_id].encode("utf-8")
        if folder is None:
            sources[source_id] = source.model_copy(update={"path": ""})
            continue
        name = _free_name(folder, f"{stem}.{source_id}", data, taken)
        taken.add(name)
        files.append(TextFile(folder / name, data))
        sources[source_id] = source.model_copy(update={"path": name, "sha256": hashlib.sha256(data).hexdigest()})
        if name != f"{stem}.{source_id}.txt":
            warnings.append(f"{stem}.{source_id}.txt holds another text; source {source_id!r} was written to {name}")
    return argmap.model_copy(update={"sources": sources}), files, warnings


def _free_name(folder: Path, base: str, data: bytes, taken: set[str]) -> str:
    """``base.txt`` unless a different file (or anything but a regular file) is already there; then ``base-2.txt``…"""
    number = 1
    while True:
        name = f"{base}.txt" if number == 1 else f"{base}-{number}.txt"
        if name not in taken and _holds(folder / name, data):
            return name
        number += 1


def _holds(place: Path, data: bytes) -> bool:
    """Whether ``data`` can be written at ``place``: nothing is there, or a regular file with these very bytes."""
    try:
        info = place.lstat()
    except FileNotFoundError:
        return True
    if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
        return False
    try:
        return read_file(place, str(place)) == data
    except ArgmapError:
        return False


def _map_stem(map_path: str | os.PathLike[str]) -> str:
    name = Path(map_path).name
    return name.removesuffix(".argmap.json") if name.endswith(".argmap.json") else Path(name).stem


def _limit() -> str:
    return f"{MAX_SOURCE_BYTES // 2**20} MiB"
