"""Import and export timings for every interchange format at 1k and 10k claims, and arguebuf beside argmap.

Run:  python benchmarks/formats_bench.py            (arguebuf is optional: pip install -e '.[bench]')
The maps are generated: a thesis with reasons and objections three levels deep,
every fifth relation with a co-premise, every tenth one undercut, every claim with
one evidence anchor into a generated source text.  Times are the best of three runs.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap import rank
from argmap.anchor import make_anchor
from argmap.formats import aif, argdown, kialo, markdown, mermaid, sadface
from argmap.model import ArgMap, Claim, ClaimKind, Relation, RelationType, Source


def generated_map(size: int) -> ArgMap:
    """A map of ``size`` claims with linked premises, undercuts and one anchor per claim."""
    words = ["economy", "sanctions", "artillery", "shells", "tourism", "treaty", "alliance", "weapons", "oil", "labour"]
    texts = [f"Claim {n}: {words[n % 10]} and {words[(n * 7) % 10]} matter for reason {n}." for n in range(size)]
    source = "\n".join(texts) + "\n"
    claims: dict[str, Claim] = {}
    relations: dict[str, Relation] = {}
    at = 0
    last_rank: dict[str, str] = {}
    for n, text in enumerate(texts):
        anchor = make_anchor("src", source, at, at + len(text))
        at += len(text) + 1
        kind = ClaimKind.THESIS if n == 0 else ClaimKind.CLAIM
        claims[f"c{n}"] = Claim(kind=kind, text=text, evidence=(anchor,))
    n = 1
    while n < size:
        target = f"c{(n - 1) // 4}"
        premises = [f"c{n}"]
        if n % 5 == 0 and n + 1 < size:
            premises.append(f"c{n + 1}")
            n += 1
        rid = f"r{len(relations)}"
        relation_type = RelationType.SUPPORT if n % 3 else RelationType.ATTACK
        if len(relations) % 10 == 9:
            target, relation_type = f"r{len(relations) - 1}", RelationType.ATTACK
        value = rank.between(last_rank.get(target), None)
        last_rank[target] = value
        relations[rid] = Relation(type=relation_type, premises=tuple(premises), target=target, rank=value)
        n += 1
    return ArgMap(
        argmap=1, title=f"{size} claims", sources={"src": Source(title="generated")}, claims=claims, relations=relations
    )


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


def best(action: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    try:
        from arguebuf import load as arguebuf_load
    except ImportError:
        arguebuf_load = None
    print(f"{'format':<10} {'claims':>7} {'export s':>9} {'import s':>9} {'bytes':>10}")
    for size in (1_000, 10_000):
        argmap = generated_map(size)
        source_text = "".join(a.quote + "\n" for c in argmap.claims.values() for a in c.evidence)
        writers: dict[str, Callable[[], tuple[str, list[str]]]] = {
            "argdown": lambda m=argmap: argdown.write(m),
            "aif": lambda m=argmap: aif.write(m),
            "xaif": lambda m=argmap, t=source_text: aif.write_xaif(m, {"src": t}),
            "kialo": lambda m=argmap: kialo.write(m),
            "markdown": lambda m=argmap: markdown.write(m),
            "mermaid": lambda m=argmap: mermaid.write(m),
        }
        readers = {"argdown": argdown.read, "aif": aif.read, "xaif": aif.read, "kialo": kialo.read}
        for name, writer in writers.items():
            exported = writer()[0]
            export_s = best(writer)
            reader = readers.get(name)
            import_s = best(lambda r=reader, e=exported: r(e, "bench")) if reader else None
            cell = f"{import_s:9.3f}" if import_s is not None else f"{'–':>9}"
            print(f"{name:<10} {size:>7} {export_s:9.3f} {cell} {len(exported.encode()):>10}")
        document = as_sadface(argmap)
        print(
            f"{'sadface':<10} {size:>7} {'–':>9} {best(lambda d=document: sadface.read(d, 'bench')):9.3f} "
            f"{len(document.encode()):>10}"
        )
        print(compare_aif_load(argmap, arguebuf_load))


def compare_aif_load(argmap: ArgMap, arguebuf_load: object | None) -> str:
    """argmap and arguebuf loading the same AIF file (arguebuf skips its L/YA locution nodes)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        path.write_text(aif.write(argmap)[0], encoding="utf-8")
        ours = best(lambda: aif.read(path.read_bytes(), str(path)))
        line = f"AIF load, {len(argmap.claims)} claims, same file: argmap {ours:.3f} s"
        if arguebuf_load is None:
            return line + "; arguebuf not installed (pip install -e '.[bench]')"
        theirs = best(lambda: arguebuf_load.file(path))  # type: ignore[attr-defined]
        graph = arguebuf_load.file(path)  # type: ignore[attr-defined]
        return line + f"; arguebuf {theirs:.3f} s ({len(graph.atom_nodes)} atoms, {len(graph.edges)} edges)"


if __name__ == "__main__":
    main()
