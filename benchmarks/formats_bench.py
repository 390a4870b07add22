"""Import and export of every interchange format, and arguebuf loading the same AIF file as argmap.

Measured by ``python -m benchmarks.run`` (see ``benchmarks/README.md``) on the
generated maps.  SADFace has no exporter in argmap, so its import reads the map
converted here.  arguebuf is optional (``pip install -e '.[bench]'``); without
it the comparison is reported as skipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from argmap import sources
from argmap.formats import aif, read, write
from argmap.model import ArgMap
from benchmarks.registry import Floor, Measurement, Skip, Workload

EXPORTS = ("argdown", "aif", "kialo", "markdown", "mermaid")
IMPORTS = ("argdown", "aif", "xaif", "kialo", "sadface")


def as_sadface(argmap: ArgMap) -> str:
    """The same map as SADFace JSON (argmap has no SADFace export), to time the import."""
    nodes = [{"id": cid, "type": "atom", "text": c.text, "sources": []} for cid, c in argmap.claims.items()]
    edges = []
    for rid, relation in argmap.relations.items():
        if relation.target not in argmap.claims:
            continue
        nodes.append(
            {"id": rid, "type": "scheme", "name": "support" if relation.type.value == "support" else "conflict"}
        )
        edges += [{"id": f"{rid}-{p}", "source_id": p, "target_id": rid} for p in relation.premises]
        edges.append({"id": f"{rid}-t", "source_id": rid, "target_id": relation.target})
    return json.dumps({"metadata": {"core": {"title": argmap.title}}, "resources": [], "nodes": nodes, "edges": edges})


def source_texts(workload: Workload) -> dict[str, str]:
    """The generated map's source texts, which XAIF embeds."""
    return {sid: sources.read_source_text(workload.map_path, sid, s)[0] for sid, s in workload.argmap.sources.items()}


def exported(name: str, workload: Workload) -> str:
    """The generated map in format ``name``, as an import reads it."""
    if name == "sadface":
        return as_sadface(workload.argmap)
    if name == "xaif":
        return aif.write_xaif(workload.argmap, source_texts(workload))[0]
    return write(name, workload.argmap)[0]


@dataclass(frozen=True)
class AifFile:
    path: Path


def aif_file(workload: Workload) -> AifFile:
    path = workload.scratch / "bench.json"
    path.write_text(aif.write(workload.argmap)[0], encoding="utf-8")
    return AifFile(path)


def arguebuf_file(workload: Workload) -> AifFile:
    try:
        import arguebuf  # noqa: F401
    except ImportError as missing:
        raise Skip("arguebuf not installed (pip install -e '.[bench]')") from missing
    return aif_file(workload)


def arguebuf_load(state: AifFile) -> object:
    from arguebuf import load

    return load.file(state.path)


MEASUREMENTS = [
    *(
        Measurement(
            f"export {name}",
            partial(write, name),
            lambda workload: workload.argmap,
            description=f"argmap.formats.write({name!r}, map) on the loaded map",
        )
        for name in EXPORTS
    ),
    Measurement(
        "export xaif",
        lambda state: aif.write_xaif(*state),
        lambda workload: (workload.argmap, source_texts(workload)),
        description="aif.write_xaif(map, source texts): AIF with the source texts and locutions",
    ),
    *(
        Measurement(
            f"import {name}",
            partial(read, name, origin="bench"),
            partial(exported, name),
            description=f"argmap.formats.read({name!r}, text) on the generated map written in that format",
        )
        for name in IMPORTS
    ),
    Measurement(
        "AIF load, argmap vs arguebuf",
        lambda state: aif.read(state.path.read_bytes(), str(state.path)),
        arguebuf_file,
        floor=Floor("arguebuf load.file", arguebuf_load, arguebuf_file),
        description="reading the same AIF file from disk: argmap's AIF import against arguebuf's "
        "load.file (which skips AIF's L/YA locution nodes); ratio < 1 means argmap is faster",
    ),
]
