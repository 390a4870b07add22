"""A map split into pages that each fit the medium readably: an overview, then one page per branch.

The first page holds as much of the map as fits from the top (at best all of
it; at least the thesis with its direct reasons and objections).  Every claim
cut off there gets a page of its own ("… 5 more below, p. 3"), which again
holds as much below it as fits, and so on, depth first, so a branch's pages
follow each other.  A branch page shows the claim it answers as a small stub
on top ("continued from p. 1").  A claim that bears on several others is
drawn in full once; in its other places it is a "see 1.2a, p. 4" stub.  A
claim with more direct answers than one page holds gets several pages
("part 2 of 3").

Planning asks ``fits(views)`` which of some candidate pages are readable; the
caller lays them out (all at once) to answer, so this module stays free of
Graphviz.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection
from dataclasses import dataclass

from argmap.graph import MapGraph
from argmap.model import ArgMap
from argmap.render.view import View, gather, roots_of
from argmap.render.words import words_for

DEPTHS = (None, 4, 3, 2, 1)
"""How deep a page tries to reach below its top claims, deepest first (None: everything)."""

Fits = Callable[[list[View]], list[bool]]
WIDEST_PAGE = 888
"""Planning writes this for every page number, at least as wide as the real ones will be."""


@dataclass
class _Task:
    """A page still to plan: the claims at its top, the step they answer, and the page that sent here."""

    roots: list[str]
    context: str | None
    parent: int | None
    only: list[str] | None = None
    part: tuple[int, int] | None = None


def plan(
    argmap: ArgMap,
    graph: MapGraph,
    fits: Fits,
    *,
    lang: str | None = None,
    roots: list[str] | None = None,
    repeat: bool = False,
    progress: Callable[[int], None] | None = None,
) -> list[View]:
    """The pages, in order, with their cross-references ("p. N") filled in.

    ``repeat`` draws a claim in full in every place it is used instead of a
    "see" stub after its first.  ``progress`` hears the number of pages
    planned so far (a large map takes a while).
    """
    words = words_for(lang)
    placeholder = " · ".join(
        (
            words["page of"].format(page=WIDEST_PAGE, pages=WIDEST_PAGE),
            words["continued from"].format(page=WIDEST_PAGE),
            words["part"].format(part=88, parts=88),
        )
    )

    def fits_as_drawn(views: list[View]) -> list[bool]:
        """Which pages fit with their page numbers written in (as wide as they will be)."""
        drawn = [
            dataclasses.replace(
                view,
                heading=placeholder,
                stubs=dict.fromkeys(view.stubs, WIDEST_PAGE),
                continued=dict.fromkeys(view.hidden_below, WIDEST_PAGE),
            )
            for view in views
        ]
        return fits(drawn)

    home: dict[str, int] = {}  # claim → the page where it is drawn with what hangs below it
    stop: dict[str, int] = {} if repeat else home  # claims that become stubs when reached again
    views: list[View] = []
    parents: list[int | None] = []
    parts: list[tuple[int, int] | None] = []
    tasks = [_Task(roots if roots is not None else roots_of(argmap, graph), None, None)]
    while tasks:
        task = tasks.pop()
        fresh = [cid for cid in task.roots if cid not in home]
        if not fresh:
            continue
        view, fitted = _fitting_view(argmap, graph, task, fresh, stop.keys(), fits_as_drawn)
        answers = [rid for node in [*fresh, *filter(None, [task.context])] for rid, _ in graph.children(node)]
        if fitted or len(answers) <= 1:
            pieces = [(view, task)]
        else:  # more direct answers than one page holds: deal them over pages that follow each other
            pieces = _parts(argmap, graph, task, fresh, answers, stop.keys(), fits_as_drawn)
        later: list[_Task] = []
        for page, piece in pieces:
            later += _add_page(page, piece, views, parents, parts, home)
        if progress is not None:
            progress(len(views))
        tasks.extend(reversed(later))
    return _numbered(views, parents, parts, home, words)


def _add_page(
    view: View,
    task: _Task,
    views: list[View],
    parents: list[int | None],
    parts: list[tuple[int, int] | None],
    home: dict[str, int],
) -> list[_Task]:
    """Append a page; returns the pages still to make for what it cuts off."""
    index = len(views)
    views.append(view)
    parents.append(task.parent)
    parts.append(task.part)
    cut = [cid for cid in view.claims if cid in view.hidden_below]
    for cid in view.claims:
        if cid not in view.stubs and cid not in cut:
            home.setdefault(cid, index)
    later: list[_Task] = []
    grouped: dict[str | None, list[str]] = {}
    for cid in cut:
        grouped.setdefault(view.via.get(cid), []).append(cid)
    for step, group in grouped.items():
        if step is None:
            later.extend(_Task([cid], None, index) for cid in group)
        else:
            later.append(_Task(group, step, index))
    return later


def _fitting_view(
    argmap: ArgMap,
    graph: MapGraph,
    task: _Task,
    roots: list[str],
    stop: Collection[str],
    fits: Fits,
) -> tuple[View, bool]:
    """The deepest view below ``roots`` that fits and True, or their direct answers alone and False."""
    candidates: list[View] = []
    for depth in DEPTHS:
        view = gather(argmap, graph, roots, depth, stop=stop, only=task.only, context=task.context)
        if not candidates or view.claims != candidates[-1].claims:  # else the map is not that deep here
            candidates.append(view)
    for view, fitting in zip(candidates, fits(candidates), strict=True):
        if fitting:
            return view, True
    return candidates[-1], False


def _parts(
    argmap: ArgMap,
    graph: MapGraph,
    task: _Task,
    roots: list[str],
    answers: list[str],
    stop: Collection[str],
    fits: Fits,
) -> list[tuple[View, _Task]]:
    """The direct ``answers`` below ``roots`` dealt over as few pages as hold them readably, one level each."""
    sizes = [len(answers) // 2]
    while sizes[-1] > 1:
        sizes.append((sizes[-1] + 1) // 2)
    views = [gather(argmap, graph, roots, 1, stop=stop, only=answers[:size], context=task.context) for size in sizes]
    size = next((size for size, fitting in zip(sizes, fits(views), strict=True) if fitting), 1)
    pending = [answers[start : start + size] for start in range(0, len(answers), size)]
    done: list[tuple[View, list[str]]] = []
    while pending:
        chunk = pending.pop(0)
        view, fitted = _fitting_view(argmap, graph, _Task(roots, task.context, None, chunk), roots, stop, fits)
        if fitted or len(chunk) == 1:
            done.append((view, chunk))
        else:  # this part's answers are larger than the first part's: halve it again
            half = len(chunk) // 2
            pending[:0] = [chunk[:half], chunk[half:]]
    return [
        (view, _Task(roots, task.context, task.parent, only=chunk, part=(number, len(done))))
        for number, (view, chunk) in enumerate(done, 1)
    ]


def _numbered(
    views: list[View],
    parents: list[int | None],
    parts: list[tuple[int, int] | None],
    home: dict[str, int],
    words: dict[str, str],
) -> list[View]:
    """The views with page numbers: where each stub is drawn in full, where each cut claim goes on."""
    continued_at: dict[str, int] = {}
    for index, view in enumerate(views):
        for cid in view.roots:
            if parents[index] is not None:
                continued_at.setdefault(cid, index)
    done: list[View] = []
    for index, view in enumerate(views):
        parent, part = parents[index], parts[index]
        stubs = {}
        for cid in view.stubs:
            at = home.get(cid, parent if parent is not None else index)
            stubs[cid] = at + 1
        continued = {}
        for cid in view.hidden_below:
            if cid in view.stubs:
                continue
            page = continued_at.get(cid, home.get(cid))
            if page is not None and page != index:
                continued[cid] = page + 1
        heading = [words["page of"].format(page=index + 1, pages=len(views))] if len(views) > 1 else []
        if parent is not None:
            heading.append(words["continued from"].format(page=parent + 1))
        if part is not None:
            heading.append(words["part"].format(part=part[0], parts=part[1]))
        done.append(dataclasses.replace(view, stubs=stubs, continued=continued, heading=" · ".join(heading)))
    return done
