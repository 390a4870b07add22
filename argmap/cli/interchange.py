"""``argmap import`` and ``argmap export``: maps from and to other argument tools' formats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap import formats, sources, store
from argmap.cli.common import Subcommands, add_command, err_console
from argmap.errors import ArgmapError
from argmap.formats import aif
from argmap.graph import DIALOGUE_TABLES
from argmap.model import ArgMap
from argmap.visible import visible, visible_json

JSON_FORMATS = {"aif", "xaif"}
"""Exports that are JSON: on stdout only escapes JSON reads back as the same text are added."""


def format_list(*, reading: bool) -> str:
    """The formats import reads (or export writes), one a line with its extensions, from the registry."""
    able = formats.able(reading=reading)
    name, title = max(len(f.name) for f in able), max(len(f.title) for f in able)
    return "\n".join(f"  {f.name:<{name}}  {f.title:<{title}}  {' '.join(f.extensions)}" for f in able)


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "import",
        "make a map from another argument tool's file (formats below)",
        f"""\
The format comes from the content or the extension; --from names it.  Warnings
(what the map could not keep) go to stderr.  Source texts recovered from the
file (xAIF text, AIF locutions, SADFace resources) are written beside MAP as
MAP-NAME.SOURCE-ID.txt so that the evidence anchors can be checked; a file of
that name holding another text is never overwritten (the next free name is
taken).  Paths named in the imported file are never written to.

formats (--from):
{format_list(reading=True)}

examples:
  argmap import debate.argdown -o debate.argmap.json
  argmap import nodeset6390.json --from aif -o microtext.argmap.json
  cat discussion.txt | argmap import - --from kialo > discussion.argmap.json
""",
    )
    parser.add_argument("file", metavar="FILE", help="the file to import, or - for stdin")
    parser.add_argument("--from", dest="fmt", metavar="FMT", help="its format (default: from content or extension)")
    parser.add_argument("-o", "--output", metavar="MAP", help="the map to write (default: stdout)")
    parser.add_argument("--force", action="store_true", help="overwrite MAP if it exists (never a source text)")
    parser.set_defaults(run=run_import)

    parser = add_command(
        subparsers,
        "export",
        "write a map in another tool's format (formats below)",
        f"""\
The format comes from --to or from the extension of -o.  Warnings (what the
format cannot hold) go to stderr.  On stdout, control characters in the map's
texts are shown visibly (as \\u escapes in JSON, which read back the same); -o
writes them exactly.

formats (--to):
{format_list(reading=False)}

examples:
  argmap export maps/partnership-of-convenience.argmap.json --to argdown -o nk.argdown
  argmap export debate.argmap.json --to mermaid >> README.md
  argmap export debate.argmap.json -o debate.xaif.json
""",
    )
    parser.add_argument("map", metavar="MAP", help="the map to export, or - for stdin")
    parser.add_argument("--to", dest="fmt", metavar="FMT", help="the format (default: from the extension of -o)")
    parser.add_argument("-o", "--output", metavar="FILE", help="the file to write (default: stdout)")
    parser.set_defaults(run=run_export)


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        err_console().print(f"argmap: warning: {visible(warning)}", markup=False, highlight=False, soft_wrap=True)


def _read_input(name: str) -> bytes:
    if name == "-":
        data = sys.stdin.buffer.read(store.MAX_BYTES + 1)
        store.check_size(len(data), "<stdin>")
        return data
    return store.read_bytes(name, "file to import")


def run_import(args: argparse.Namespace) -> int:
    data = _read_input(args.file)
    fmt = formats.get(args.fmt, reading=True).name if args.fmt else formats.detect(args.file, data)
    conversion = formats.read(fmt, data, args.file)
    output = args.output or "-"
    if output == "-":
        argmap, _, placing = sources.place_texts(conversion.map, conversion.texts, None)
        sys.stdout.write(visible_json(store.dumps(argmap).decode("utf-8")))
        sys.stdout.flush()
        conversion.warnings.extend(placing)
        if conversion.texts:
            conversion.warnings.append("source texts not written (the map went to stdout); anchors keep their quotes")
        _warn(conversion.warnings)
        return 0
    target = Path(output)
    if target.exists() and not args.force:
        raise ArgmapError("already exists", path=output, fix="choose another name, or pass --force to overwrite")
    argmap, files, placing = sources.place_texts(conversion.map, conversion.texts, target)
    for text_file in files:
        try:
            store.write_atomic(text_file.path, text_file.data)
        except OSError as error:
            raise ArgmapError(f"cannot write the source text: {error.strerror}", path=str(text_file.path)) from None
    conversion.warnings.extend(placing)
    store.save(argmap, target)
    _warn(conversion.warnings)
    err_console().print(
        f"imported {fmt}: {len(argmap.claims)} claims, {len(argmap.relations)} relations{_dialogue_counts(argmap)}"
        f" → {target}",
        markup=False,
        highlight=False,
    )
    return 0


def run_export(args: argparse.Namespace) -> int:
    output = args.output or "-"
    if args.fmt:
        fmt = formats.get(args.fmt, reading=False).name
    else:
        guessed = formats.from_extension(output) if output != "-" else None
        if guessed is None:
            raise ArgmapError("which format?", fix=f"name it with --to ({formats.names(reading=False)})")
        fmt = formats.get(guessed, reading=False).name
    argmap = store.load_for_reading(args.map)
    try:
        formats.refuse_dangling(argmap)
    except ArgmapError as error:
        error.path = args.map
        raise
    if fmt == "xaif":
        texts, unread = {}, []
        for source_id, source in argmap.sources.items():
            if source.path and args.map != "-":
                try:
                    texts[source_id] = sources.read_source_text(args.map, source_id, source)[0]
                except ArgmapError as error:
                    unread.append(f"not embedded: {error.message}")
        text, warnings = aif.write_xaif(argmap, texts)
        warnings = unread + warnings
    else:
        text, warnings = formats.write(fmt, argmap)
    if output == "-":
        sys.stdout.write(visible_json(text) if fmt in JSON_FORMATS else visible(text, keep_newlines=True))
        sys.stdout.flush()
    else:
        store.write_atomic(Path(output), text.encode("utf-8"))
    _warn(warnings)
    return 0


def _dialogue_counts(argmap: ArgMap) -> str:
    """``, 4 locutions, 1 transitions`` when the import kept a dialogue layer, else nothing."""
    return "".join(f", {len(getattr(argmap, table))} {table}" for table in DIALOGUE_TABLES if getattr(argmap, table))
