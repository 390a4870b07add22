"""Reading and writing map files: canonical JSON, format versions, atomic saves.

The file is the contract with git (docs/format.md): records keyed by id in sorted
order, fields in the models' order, defaults left out, 2-space indent, LF and a
trailing newline.  Saving an unedited map reproduces it byte for byte, so a
one-field edit is a one-line diff.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from argmap import canonical
from argmap.errors import ArgmapError
from argmap.heap import gc_paused
from argmap.model import FORMAT_VERSION, ArgMap
from argmap.reparse import parse_against

MAX_BYTES = 512 * 1024 * 1024
"""Every input argmap reads (a map, or a file to import) is refused above this, before it is parsed.

argmap is built for maps of up to 100,000 claims (docs/performance.md).  The most verbose
format it reads, AIF, takes about 1.5 KB per claim (a 100k-claim export is 139 MiB),
a map file about 0.8 KB; 512 MiB leaves room for three times that in any format.
Importing takes about seven times the input in memory (the 139 MiB AIF file of a
100k-claim map peaks at 970 MB), so a larger input would take gigabytes before any
error could be given: it gets one line instead.
"""

CANONICAL_LAYOUT = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
"""2-space indent and a trailing newline; the order of keys is the data's (see :mod:`argmap.canonical`)."""

MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""``MIGRATIONS[n]`` turns the raw data of format ``n`` into format ``n + 1``.

Format 1 is the first; a change to the format adds its migration here and bumps
:data:`argmap.model.FORMAT_VERSION`.
"""


@dataclass(frozen=True)
class DuplicateKey:
    """A key that stands twice in one JSON object: JSON parsers keep only the last."""

    path: str
    key: str
    lines: tuple[int, ...]


@dataclass
class MapFile:
    """A map as read from disk, with what the reading noticed."""

    map: ArgMap
    path: str
    duplicates: list[DuplicateKey] = field(default_factory=list)
    migrated_from: int | None = None
    kept: canonical.KeptForm | None = None
    """The parsed records worth reusing when this map is saved: pass it to :func:`save` (:mod:`argmap.canonical`)."""


def dumps(argmap: ArgMap, kept: canonical.KeptForm | None = None) -> bytes:
    """The canonical bytes of a map; ``kept`` (its file's :attr:`MapFile.kept`) makes them about 5× faster."""
    with gc_paused():
        return orjson.dumps(canonical.map_data(argmap, kept), option=CANONICAL_LAYOUT)


def loads(data: bytes, origin: str = "<stdin>", *, keep_form: bool = True) -> MapFile:
    """Parse and validate map bytes; every failure is one :class:`ArgmapError`.

    ``keep_form=False`` for a command that will not save the map: it skips what makes saving fast.
    """
    return validate(parse(data, origin), data, origin, keep_form=keep_form)


def parse(data: bytes, origin: str) -> dict[str, Any]:
    """The first half of :func:`loads`: the JSON of a map, not yet validated.

    Split off so that an editor can show the top of a large map while the rest
    is validated (:class:`argmap.document.Opening`).
    """
    if not data or data.isspace():  # not strip(), which copies a large file to find its first character
        raise ArgmapError(
            "the file is empty, not a map", path=origin, fix="create one with: argmap new MAP --thesis TEXT"
        )
    with gc_paused():
        raw = _parse(data, origin)
    if not isinstance(raw, dict) or "argmap" not in raw:
        raise ArgmapError(
            'not an argmap map: there is no "argmap" format version at the top',
            path=origin,
            line=1,
            fix="is this the right file? maps are *.argmap.json files written by argmap",
        )
    return raw


def validate(raw: dict[str, Any], data: bytes, origin: str, *, keep_form: bool = True) -> MapFile:
    """The second half of :func:`loads`: migrate, find duplicate keys in ``data``, validate."""
    with gc_paused():
        raw, migrated_from, duplicates, _ = _migrated(raw, data, origin)
        argmap = _validated(raw, data, origin)
        kept = canonical.remember(argmap, raw) if keep_form else None
    return MapFile(argmap, origin, duplicates, migrated_from, kept)


@dataclass
class MapData:
    """A map file parsed and found valid, its records not built yet: what a read-only command may need less of.

    ``raw`` is the parsed (and migrated) JSON, which the models accept; building a
    record of it with the models (``Claim.model_validate``) gives the record a full
    load would hold.
    """

    raw: dict[str, Any]
    path: str
    duplicates: list[DuplicateKey] = field(default_factory=list)
    accepted: bool = False
    """Whether :func:`argmap.prevalidate.accepts` vouched for every record (else the models validated them):
    the records may then be read without building models (:mod:`argmap.compact`)."""
    vouched: bytes | None = field(default=None, repr=False)
    """The file's bytes when they are in the canonical layout and :func:`argmap.prevalidate.accepts` vouched for
    every record: another version read against them (``loads_data(..., like=)``) parses and checks only the
    records whose bytes differ."""

    def build(self) -> ArgMap:
        """The whole map as models, as :func:`load` gives it (without what saving keeps)."""
        with gc_paused():
            return ArgMap.model_validate(self.raw)


def loads_data(data: bytes, origin: str = "<stdin>", like: MapData | None = None) -> MapData:
    """Parse and check map bytes with the same verdict and errors as :func:`loads`, building no models if it can.

    :func:`argmap.prevalidate.accepts` checks the data; whatever it does not vouch
    for is validated by the models, so an error is always theirs.  ``like`` is
    another version of the same map, already read: the records whose bytes are the
    same as there are taken from it (:mod:`argmap.reparse`), the others parsed and
    checked.
    """
    from argmap.prevalidate import accepts

    if like is not None and like.vouched is not None:
        with gc_paused():
            reparsed = parse_against(data, like.vouched, like.raw, CANONICAL_LAYOUT)
            version = None if reparsed is None else reparsed.raw.get("argmap")
            if reparsed is not None and type(version) is int and version == FORMAT_VERSION:
                vouched = accepts(reparsed.fresh)
                if not vouched:
                    _validated(reparsed.raw, data, origin)
                return MapData(reparsed.raw, origin, [], vouched, data if vouched else None)
    raw = parse(data, origin)
    with gc_paused():
        raw, _, duplicates, canonical_layout = _migrated(raw, data, origin)
        vouched = accepts(raw)
        if not vouched:
            _validated(raw, data, origin)
    return MapData(raw, origin, duplicates, vouched, data if vouched and canonical_layout else None)


def read_data(path: str | os.PathLike[str], like: MapData | None = None) -> MapData:
    """:func:`loads_data` of a file; a file with duplicate ids is refused, as :func:`load` refuses it."""
    data = loads_data(read_bytes(path), str(path), like)
    _refuse_duplicates(data.duplicates, data.path)
    return data


def _migrated(
    raw: dict[str, Any], data: bytes, origin: str
) -> tuple[dict[str, Any], int | None, list[DuplicateKey], bool]:
    """The data in the current format, the version it came in (None if current), the keys that stand twice,
    and whether ``data`` is the data written in the canonical layout (so no key stands twice)."""
    raw, migrated_from = _migrate(raw, origin)
    try:  # the bytes written are dropped at once: on a large map they are as large as the file
        canonical_layout = orjson.dumps(raw, option=CANONICAL_LAYOUT) == data and migrated_from is None
    except TypeError:  # orjson reads 1,024 levels of nesting but writes only 255; no map comes near
        raise ArgmapError("JSON nested too deeply to be a map", path=origin, fix="is this the right file?") from None
    return raw, migrated_from, [] if canonical_layout else _find_duplicates(data), canonical_layout


def _validated(raw: dict[str, Any], data: bytes, origin: str) -> ArgMap:
    try:
        return ArgMap.model_validate(raw)
    except ValidationError as error:
        raise _schema_error(error, data, origin) from None


def read_bytes(path: str | os.PathLike[str], noun: str = "map file") -> bytes:
    """A map file's (or another input's) bytes; anything but a readable regular file within the limit is an error.

    Opened without waiting: a FIFO or a device named as the map is refused at once, never read from.
    """
    origin = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise ArgmapError("no such file", path=origin, fix="check the path, or create a map with: argmap new") from None
    except IsADirectoryError:
        raise ArgmapError(f"is a directory, not a {noun}", path=origin, fix="name a *.argmap.json file") from None
    except PermissionError:
        raise ArgmapError("permission denied", path=origin) from None
    except OSError as error:
        raise ArgmapError(f"cannot read: {error.strerror}", path=origin) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ArgmapError(f"is {file_kind(info.st_mode)}, not a {noun}", path=origin, fix=f"name a {noun}")
        check_size(info.st_size, origin)
        data = read_bounded(fd, MAX_BYTES, info.st_size)
        check_size(len(data), origin)
        return data
    except OSError as error:
        raise ArgmapError(f"cannot read: {error.strerror}", path=origin) from None
    finally:
        os.close(fd)


def read_bounded(fd: int, limit: int, expected: int = 1 << 20) -> bytes:
    """What an open file holds, but never more than ``limit + 1`` bytes: a file that grows cannot fill memory.

    ``expected`` is the size the file said it had: read in one piece when it is right, nothing is copied.
    """
    chunks, size = [], 0
    while chunk := os.read(fd, min(max(expected + 1 - size, 1 << 20), limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for an error message."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_size(size: int, origin: str | None) -> None:
    """Refuse an input larger than :data:`MAX_BYTES` with one clear error."""
    if size > MAX_BYTES:
        raise ArgmapError(
            f"the input is {-(-size // 2**20):,} MiB; argmap reads inputs up to {MAX_BYTES // 2**20} MiB",
            path=origin,
            fix="is this the right file?",
        )


def read(path: str | os.PathLike[str], *, keep_form: bool = True) -> MapFile:
    """Read a map file; duplicate ids are reported, not fatal (``check`` lists them)."""
    return loads(read_bytes(path), str(path), keep_form=keep_form)


def unique(mapfile: MapFile) -> ArgMap:
    """The map of a file fit for use: one with a duplicate id is refused because it is ambiguous."""
    _refuse_duplicates(mapfile.duplicates, mapfile.path)
    return mapfile.map


def _refuse_duplicates(duplicates: list[DuplicateKey], path: str) -> None:
    if duplicates:
        dup = duplicates[0]
        raise ArgmapError(
            f"{dup.path} has the key {dup.key!r} twice",
            path=path,
            line=dup.lines[-1],
            fix="give one of them another id; argmap check lists every duplicate",
        )


def load(path: str | os.PathLike[str]) -> ArgMap:
    """Read a map for use; a file with duplicate ids is refused because it is ambiguous.

    A command that saves the map again reads it with :func:`read` and passes the file's ``kept`` to :func:`save`.
    """
    return unique(read(path, keep_form=False))


def load_for_reading(spec: str) -> ArgMap:
    """A map for a command that only reads it: a file (refused with duplicate ids, as :func:`load`) or - for stdin.

    What saving would need is not kept (0.1 s at 100,000 claims).
    """
    if spec == "-":
        return loads(sys.stdin.buffer.read(), "<stdin>", keep_form=False).map
    return load(spec)


def data_for_reading(spec: str) -> MapData:
    """:func:`load_for_reading`'s map as :class:`MapData`, its records not built: a file, or - for stdin."""
    if spec == "-":
        return loads_data(sys.stdin.buffer.read(), "<stdin>")
    return read_data(spec)


def save(argmap: ArgMap, path: str | os.PathLike[str], kept: canonical.KeptForm | None = None) -> None:
    """Write a map atomically: a crash leaves the old file or the new one, never a torn one.

    ``kept``: what the read of this map kept (:attr:`MapFile.kept`), which makes saving a large map fast.
    """
    write_atomic(Path(path), dumps(argmap, kept))


STALE_TEMP_SECONDS = 60
"""A temp file of a save untouched this long belongs to a save that was killed: the next save removes it.

A save writes its temp file without pause and renames it at once, so a live
save's file is never this old; a killed one's would otherwise stay for good.
"""


def write_atomic(target: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename over the target, fsync the folder; stale temp files go.

    A target that is a stream (``/dev/null``, a FIFO, a terminal) is written into, not renamed
    over: a rename would put a regular file in the device's place (as root, in ``/dev`` itself).
    """
    if _is_stream(target):
        _write_stream(target, data)
        return
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ArgmapError(
            f"cannot write here: the folder {folder} does not exist",
            path=str(target),
            fix="create the folder first, or write somewhere else",
        )
    remove_stale_temps(folder, target.name)
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise ArgmapError(f"cannot write here: no permission to write in {folder}", path=str(target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _is_stream(target: Path) -> bool:
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_stream(target: Path, data: bytes) -> None:
    try:
        with open(target, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise ArgmapError(f"cannot write here: {error.strerror}", path=str(target)) from None


def remove_stale_temps(folder: Path, name: str) -> None:
    """Delete the temp files killed saves of ``name`` left: only our own pattern, only regular files, only old ones."""
    pattern = re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}\.tmp")
    deadline = time.time() - STALE_TEMP_SECONDS
    try:
        entries = os.scandir(folder)
    except OSError:
        return
    with entries:
        for entry in entries:
            if not pattern.fullmatch(entry.name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < deadline:
                    os.unlink(entry.path)
            except OSError:
                continue


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _parse(data: bytes, origin: str) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as bad:
            line = data.count(b"\n", 0, bad.start) + 1
            raise ArgmapError(
                f"not UTF-8 text (byte {bad.start})",
                path=origin,
                line=line,
                fix="a map is a UTF-8 JSON file; is this the right file?",
            ) from None
        reason = error.msg.split(":")[0]
        raise ArgmapError(
            f"malformed JSON: {reason}",
            path=origin,
            line=error.lineno,
            column=error.colno,
            fix="the file may be truncated or hand-edited; git diff shows what changed",
        ) from None


def _migrate(raw: dict[str, Any], origin: str) -> tuple[dict[str, Any], int | None]:
    version = raw["argmap"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ArgmapError(f'the format version "argmap" must be a whole number, not {version!r}', path=origin, line=2)
    if version > FORMAT_VERSION:
        raise ArgmapError(
            f"written by a newer argmap (format {version}; this argmap reads up to {FORMAT_VERSION})",
            path=origin,
            fix="upgrade argmap: pip install -U argmap",
        )
    if version == FORMAT_VERSION:
        return raw, None
    start = version
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ArgmapError(
                f"format version {version} is not one argmap ever wrote",
                path=origin,
                line=2,
                fix=f"the current format is {FORMAT_VERSION}",
            )
        raw = step(raw)
        version += 1
        raw["argmap"] = version
    return raw, start


def _schema_error(error: ValidationError, data: bytes, origin: str) -> ArgmapError:
    """The most telling problem: a misspelt field also makes the real one 'missing', so name it first."""
    problems = sorted(error.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
    first = problems[0]
    loc = [str(part) for part in first["loc"]]
    where = ".".join(loc) or "the top level"
    message = first["msg"]
    fix = "see docs/format.md or `argmap schema` for the format"
    if first["type"] == "extra_forbidden":
        message = "unknown field"
        missing = [str(p["loc"][-1]) for p in problems if p["type"] == "missing" and p["loc"][:-1] == first["loc"][:-1]]
        if missing:
            fix = f"did you mean {missing[0]!r}?"
    elif first["type"] == "missing":
        message = "required field missing"
    return ArgmapError(f"at {where}: {message}", path=origin, line=_line_of(data, loc), fix=fix)


def _line_of(data: bytes, loc: list[str]) -> int | None:
    """The line of the deepest key of ``loc`` found in order in the text: good enough to jump to."""
    at = 0
    found = None
    for key in loc:
        position = data.find(f'"{key}"'.encode(), at)
        if position < 0:
            break
        at = found = position
    return None if found is None else data.count(b"\n", 0, found) + 1


def _find_duplicates(data: bytes) -> list[DuplicateKey]:
    """The slow, exact path for files not in canonical layout: parse again keeping every pair."""
    seen: list[tuple[int, str]] = []

    def keep_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            keys = [key for key, _ in pairs]
            seen.extend((id(obj), key) for key in dict.fromkeys(k for k in keys if keys.count(k) > 1))
        return obj

    root = json.loads(data, object_pairs_hook=keep_pairs)
    if not seen:
        return []
    paths = {ident: path for ident, path in _object_paths(root, "")}
    text = data.decode("utf-8")
    found = []
    for ident, key in seen:
        pattern = re.compile(re.escape(json.dumps(key)) + r"\s*:")
        lines = tuple(text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text))
        found.append(DuplicateKey(paths.get(ident, "") or "the top level", key, lines))
    return found


def _object_paths(node: Any, path: str) -> Iterator[tuple[int, str]]:
    if isinstance(node, dict):
        yield id(node), path
        for key, value in node.items():
            yield from _object_paths(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _object_paths(value, f"{path}[{index}]")
