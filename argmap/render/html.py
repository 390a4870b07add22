"""A map as one self-contained, interactive HTML page for the classroom (``render --format html``).

The page holds everything it needs and fetches nothing: the diagram as inline
SVG (the same Graphviz layout, themes and sanitizing as ``render``; one
drawing per language when the map has translations), the page's own CSS and
script from ``argmap/render/page/``, and the map's data as JSON in a
``<script type="application/json">`` block.  The script puts every piece of
map text into the page as text, never as markup, and a Content-Security-Policy
allows only this page's own script and style, by their hashes.

Source texts are read here, by the rule of :mod:`argmap.sources`, and embedded
already cut into passages: the page never names a local file.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files
from itertools import pairwise
from pathlib import Path
from typing import Any

from argmap.anchor import matches, relocate
from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.model import ArgMap, ClaimKind
from argmap.numbering import claim_numbers
from argmap.outline import kind_label, outline
from argmap.render.options import RenderOptions
from argmap.render.output import render_map
from argmap.render.view import roots_of
from argmap.sources import read_source_text

COLLAPSE_ABOVE = 150
"""A map with more claims than this opens collapsed to its theses and their direct reasons and objections."""
MAX_LANGUAGES = 4
"""Drawings per page at most (the map's language and its most used translations): each is a Graphviz layout."""

Warn = Callable[[str], None]
_SVG_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_SVG_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SVG_TAG = re.compile(r"<svg\b[^>]*>")
_POINTS = re.compile(r'(\s(?:width|height)="[0-9.]+)pt"')
_ID = re.compile(r'(\sid=")')
_JSON_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@cache
def asset(name: str) -> str:
    """One of the page's own files (``page.js``, ``page.css``), shipped as package data."""
    return files("argmap.render").joinpath("page", name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` block: ``<``, ``>`` and ``&`` written as escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda found: _JSON_UNSAFE[found.group()], text)


def inline_svg(svg: bytes, prefix: str) -> str:
    """Graphviz's SVG ready to sit inside the page.

    The XML prologue and DOCTYPE go (the DOCTYPE names a URL), so do comments;
    sizes become CSS pixels (one unit of the drawing, one pixel at zoom 1), and
    every id gets ``prefix`` so the drawings of several languages can share the
    page.  Graphviz writes ``<`` in text as ``&lt;`` and :func:`sanitize_svg`
    let no element through that could hold ``</script``, so a drawing can also
    wait as the text of a non-script ``<script type="image/svg+xml">`` block:
    the browser skims over it instead of building thousands of hidden elements.
    """
    text = _SVG_COMMENT.sub("", _SVG_PROLOGUE.sub("", svg.decode("utf-8"), count=1))
    if "</script" in text.lower():
        raise ArgmapError("Graphviz wrote SVG holding '</script'; not putting it in a page")
    text = _SVG_TAG.sub(lambda tag: _POINTS.sub(r'\1"', tag.group()), text, count=1)
    return _ID.sub(rf"\1{prefix}", text)


def languages(argmap: ArgMap, chosen: str | None) -> list[str]:
    """The languages the page offers: the map's own, the one asked for, the most used translations."""
    counts = Counter(lang for claim in argmap.claims.values() for lang in claim.translations)
    offered = [argmap.language]
    if chosen and chosen not in offered:
        offered.append(chosen)
    for lang, _ in counts.most_common():
        if len(offered) >= MAX_LANGUAGES:
            break
        if lang not in offered:
            offered.append(lang)
    return offered


def passages(text: str, anchors: Iterable[tuple[str, int, int]]) -> list[tuple[str, list[str]]]:
    """The text cut where quotes begin and end: (piece, ids of the claims quoting it, shortest quote first).

    ``anchors`` are (claim id, start, end) in the text's characters; cutting
    here, in Python's characters, keeps the offsets right whatever the page's
    script counts in.
    """
    spans = sorted({(start, end, cid) for cid, start, end in anchors if 0 <= start < end <= len(text)})
    cuts = sorted({0, len(text), *(start for start, _, _ in spans), *(end for _, end, _ in spans)})
    pieces: list[tuple[str, list[str]]] = []
    active: list[tuple[int, int, str]] = []
    at = 0
    for left, right in pairwise(cuts):
        while at < len(spans) and spans[at][0] <= left:
            active.append(spans[at])
            at += 1
        active = [span for span in active if span[1] > left]
        quoting = [cid for _, _, cid in sorted(active, key=lambda span: (span[1] - span[0], span[2]))]
        pieces.append((text[left:right], list(dict.fromkeys(quoting))))
    return pieces


def source_texts(argmap: ArgMap, map_path: str | Path | None, warn: Warn | None) -> dict[str, dict[str, Any]]:
    """Each source's title and its text cut into passages; a text the rule refuses is left out, with why."""
    anchors: dict[str, list[tuple[str, Any]]] = {}
    for cid, claim in argmap.claims.items():
        for anchor in claim.evidence:
            anchors.setdefault(anchor.source, []).append((cid, anchor))
    out: dict[str, dict[str, Any]] = {}
    for sid, source in argmap.sources.items():
        entry: dict[str, Any] = {"title": source.title or sid, "language": source.language, "passages": []}
        out[sid] = entry
        if map_path is None or not source.path:
            entry["missing"] = "the map names no text file for this source"
            continue
        try:
            text, _ = read_source_text(map_path, sid, source)
        except ArgmapError as error:
            entry["missing"] = str(error)
            if warn is not None:
                warn(f"the page shows no text for source {sid!r}: {error}")
            continue
        placed: list[tuple[str, int, int]] = []
        for cid, anchor in anchors.get(sid, []):
            found = anchor if matches(anchor, text) else relocate(anchor, text)
            if found is not None:
                placed.append((cid, found.start, found.end))
        entry["passages"] = passages(text, placed)
    return out


def page_data(
    argmap: ArgMap, options: RenderOptions, map_path: str | Path | None, offered: list[str], warn: Warn | None
) -> dict[str, Any]:
    """Everything the page's script reads: claims, relations, reading order, sources, languages."""
    graph = MapGraph(argmap)
    numbers = claim_numbers(graph) if options.numbers else {}
    claims = {
        cid: {
            "text": claim.text,
            "translations": claim.translations,
            "kind": kind_label(claim),
            "thesis": claim.kind is ClaimKind.THESIS,
            "implicit": claim.implicit,
            "tags": list(claim.tags),
            "note": claim.note,
            "number": numbers.get(cid, ""),
            "badge": options.badges.get(cid, ""),
            "strength": options.strengths.get(cid),
            "quotes": [{"source": anchor.source, "quote": anchor.quote} for anchor in claim.evidence],
        }
        for cid, claim in argmap.claims.items()
    }
    relations = {
        rid: {"type": relation.type.value, "premises": list(relation.premises), "target": relation.target}
        for rid, relation in argmap.relations.items()
    }
    order = list(dict.fromkeys(row.claim_id for row in outline(graph) if row.claim_id in argmap.claims))
    roots = roots_of(argmap, graph)
    collapsed: list[str] = []
    if len(argmap.claims) > COLLAPSE_ABOVE:
        for root in roots:
            for _, relation in graph.children(root):
                collapsed += [p for p in relation.premises if graph.children(p) and p not in collapsed]
    return {
        "title": argmap.title,
        "language": argmap.language,
        "languages": offered,
        "lang": options.lang or argmap.language,
        "claims": claims,
        "relations": relations,
        "order": order,
        "roots": roots,
        "collapsed": collapsed,
        "sources": source_texts(argmap, map_path, warn),
    }


def render_html(
    argmap: ArgMap,
    options: RenderOptions | None = None,
    *,
    map_path: str | Path | None = None,
    backend: str | None = None,
    force: bool = False,
    warn: Warn | None = None,
) -> bytes:
    """The page of ``argmap``; ``map_path`` locates its source texts (without it the page shows none)."""
    options = options or RenderOptions()
    if options.fit:
        raise ArgmapError("the HTML page pans and zooms one drawing; --fit makes pages", fix="drop --fit")
    offered = languages(argmap, options.lang)
    data = page_data(argmap, options, map_path, offered, warn)
    drawings: list[str] = []
    for index, lang in enumerate(offered):
        looks = dataclasses.replace(options, lang=None if lang == argmap.language else lang)
        svg = render_map(argmap, "svg", looks, backend=backend, force=force, warn=warn if index == 0 else None)
        drawing = inline_svg(svg, f"d{index}-")
        if lang != data["lang"]:
            drawing = f'<script type="image/svg+xml">{drawing}</script>'
        drawings.append(f'<div class="drawing" data-index="{index}" data-prefix="d{index}-">{drawing}</div>')
    script, style = asset("page.js"), asset("page.css")
    policy = (
        f"default-src 'none'; script-src {csp_hash(script)}; style-src {csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    title = html.escape(argmap.title or "argument map")
    page = PAGE.format(
        policy=html.escape(policy),
        title=title,
        theme=html.escape(options.theme),
        style=style,
        drawings="\n".join(drawings),
        data=script_json(data),
        script=script,
    )
    return page.encode("utf-8")


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body class="theme-{theme}">
<header id="toolbar">
<h1 id="map-title"></h1>
<button type="button" id="fit" title="fit the map to the window (0)">Fit</button>
<button type="button" id="zoom-out" title="zoom out (-)">−</button>
<button type="button" id="zoom-in" title="zoom in (+)">+</button>
<button type="button" id="step" title="build the argument up (s; then space, →, ←)">Step through</button>
<span id="step-status"></span>
<label id="lang-label" hidden>Language <select id="lang"></select></label>
<span id="help">click a claim · drag to pan · wheel or +/− to zoom · arrows move · enter folds</span>
</header>
<main>
<div id="viewport" tabindex="0"><div id="stage" class="waiting">
{drawings}
</div></div>
<aside id="panel">
<section id="details" hidden>
<p id="detail-meta"></p>
<p id="detail-text"></p>
<dl id="detail-list"></dl>
</section>
<p id="details-empty">Click a claim to see its text, its quote and where it stands in the source.</p>
<section id="sources"></section>
</aside>
</main>
<script type="application/json" id="map-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""
"""The page; its only holes are escaped text, the JSON block, the sanitized SVG and argmap's own CSS and script."""
