"""The diff report formatted for people (rich text) and for programs (JSON).

Colour is never the only cue: every line starts with a sign (``+`` added, ``-``
removed, ``~`` changed, ``>`` moved, ``^`` reordered) and a rewording marks
its removed words ``[-like this-]`` and added ones ``{+like this+}``, as
``git diff --word-diff`` does, so the report reads the same with NO_COLOR or
on paper.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

import orjson
from rich.text import Text

from argmap.diff import Entry, MapDiff, word_diff
from argmap.graph import TABLE_NOUNS
from argmap.model import ArgMap, Claim, Relation
from argmap.render.options import Mark
from argmap.render.words import words_for
from argmap.visible import visible

SIGNS = {
    "added": "+",
    "removed": "-",
    "reworded": "~",
    "changed": "~",
    "moved": ">",
    "reordered": "^",
    "evidence-added": "+",
    "evidence-removed": "-",
}
STYLES = {"+": "green", "-": "red", "~": "yellow", ">": "cyan", "^": "cyan"}


def render_text(entries: list[Entry]) -> Text:
    """One line per entry, signs and word-diff markers included, then a summary line."""
    out = Text()
    for entry in entries:
        sign = SIGNS[entry.action]
        line = Text(f"{sign} ", style=STYLES[sign])
        noun = TABLE_NOUNS[entry.table]
        subject = f"{noun} {entry.id}" if entry.id else noun
        line.append(visible(subject), style="bold")
        line.append(visible(_describe(entry, line)))
        out.append(line)
        out.append("\n")
    out.append(summary(entries) + "\n", style="dim")
    return out


def summary(entries: list[Entry]) -> str:
    if not entries:
        return "no changes"
    counts = Counter(entry.action for entry in entries)
    parts = ", ".join(f"{count} {action}" for action, count in sorted(counts.items()))
    return f"{len(entries)} change{'s' if len(entries) != 1 else ''}: {parts}"


def _describe(entry: Entry, line: Text) -> str:
    """The rest of the line after the subject; rewordings append their word diff to ``line``."""
    if entry.action == "added":
        return f": {_record_summary(entry.table, entry.after)}"
    if entry.action == "removed":
        return f": {_record_summary(entry.table, entry.before)}"
    if entry.action == "reworded":
        line.append(" reworded: ")
        for op, text in entry.words:
            if op == "=":
                line.append(visible(text))
            elif op == "-":
                line.append(f"[-{visible(text)}-]", style="red strike")
            else:
                line.append(f"{{+{visible(text)}+}}", style="green")
        return ""
    if entry.action == "moved":
        premises = ", ".join(entry.detail.get("premises", []))
        return f" ({premises}) moved: from {entry.before} to {entry.after}"
    if entry.action == "reordered":
        d = entry.detail
        return f" reordered under {d['target']}: position {d['from']} -> {d['to']} of {d['siblings']}"
    if entry.action in ("evidence-added", "evidence-removed"):
        anchor = entry.after if entry.action == "evidence-added" else entry.before
        verb = "evidence added" if entry.action == "evidence-added" else "evidence removed"
        return f" {verb}: {anchor['source']} {anchor['start']}-{anchor['end']} {_quote(anchor['quote'])}"
    return f" {entry.field}: {_value(entry.before)} -> {_value(entry.after)}"


def _record_summary(table: str, record: Any) -> str:
    if table == "claims":
        kind = record.get("kind", "claim")
        return f"{_quote(record['text'])}" + ("" if kind == "claim" else f" ({kind})")
    if table == "relations":
        return f"{record['type']} {', '.join(record['premises'])} -> {record['target']}"
    if table == "conflicts":
        return f"{record['table']} {record.get('id', '')} {record.get('field', '')}".rstrip()
    if table == "speakers":
        name: str = record["name"]
        return name
    return _value(record)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _value(value: Any) -> str:
    if value is None:
        return "(none)"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def render_json(entries: list[Entry], old: str, new: str) -> str:
    """A stable JSON document: the two labels, whether they are the same, and the entries in order."""
    document = {
        "old": old,
        "new": new,
        "same": not entries,
        "summary": dict(sorted(Counter(entry.action for entry in entries).items())),
        "changes": [entry.to_json() for entry in entries],
    }
    return (orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n").decode()


# The picture ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DiffPicture:
    """What ``argmap diff --format svg|png|pdf`` draws: a map, its marks, the rewordings and a title."""

    map: ArgMap
    marks: dict[str, Mark]
    rewordings: dict[str, tuple[tuple[str, str], ...]]
    title: str


def diff_picture(
    old: ArgMap, new: ArgMap, diff: MapDiff, *, whole: bool = False, lang: str | None = None
) -> DiffPicture:
    """The map to draw for a diff, how each changed claim or relation is marked, and a summary title.

    The picture is the new map plus what the old one had and lost, so a removed
    objection still shows where it stood, marked removed.  Unless ``whole``,
    only the changed claims are drawn, with the claims they bear on up to the
    thesis as context.
    """
    claims, relations = dict(new.claims), dict(new.relations)
    marks: dict[str, Mark] = {}
    rewordings: dict[str, tuple[tuple[str, str], ...]] = {}
    for change in diff.edit.changes:
        if change.table not in ("claims", "relations"):
            continue
        if change.before is None:
            marks[change.id] = "added"
        elif change.after is None:
            if isinstance(change.before, Claim):
                claims[change.id] = change.before
            elif isinstance(change.before, Relation):
                relations[change.id] = change.before
            marks[change.id] = "removed"
        elif change.table == "claims":
            marks[change.id] = "changed"
            before, after = change.before, change.after
            if isinstance(before, Claim) and isinstance(after, Claim) and before.text != after.text:
                rewordings[change.id] = word_diff(before.text, after.text)
        elif (
            isinstance(change.before, Relation)
            and isinstance(change.after, Relation)
            and change.before.target != change.after.target
        ):
            for premise in change.after.premises:
                marks.setdefault(premise, "moved")
    if not whole and marks:
        keep = _with_context(claims, relations, marks)
        claims = {cid: claim for cid, claim in claims.items() if cid in keep}
        between = {rid: r for rid, r in relations.items() if set(r.premises) <= keep}
        steps = {rid for rid, r in between.items() if r.target in claims}
        relations = {rid: r for rid, r in between.items() if rid in steps or r.target in steps}
    drawn = new.model_copy(update={"claims": claims, "relations": relations})
    words = words_for(lang)
    counts = Counter(mark for cid, mark in marks.items() if cid in new.claims or cid in old.claims)
    order: tuple[Mark, ...] = ("added", "removed", "changed", "moved")
    names = {**{mark: words[mark] for mark in order}, "changed": words["legend.changed"]}
    title = ", ".join(f"{counts[mark]} {names[mark]}" for mark in order if counts[mark])
    return DiffPicture(drawn, marks, rewordings, title or words["no changes"])


def _with_context(claims: dict[str, Claim], relations: dict[str, Relation], marks: dict[str, Mark]) -> set[str]:
    """The marked claims (and the ends of marked relations) with every claim above them up to the thesis."""
    above: dict[str, list[str]] = {}
    for relation in relations.values():
        target = relation.target
        while target in relations:  # an undercut bears on the claim its step concludes
            target = relations[target].target
        for premise in relation.premises:
            above.setdefault(premise, []).append(target)
            if relation.target in relations:
                above[premise] += list(relations[relation.target].premises)
    start = [cid for cid in marks if cid in claims]
    for rid in marks:
        if rid in relations:
            start += [*relations[rid].premises, relations[rid].target]
    keep: set[str] = set()
    stack = [cid for cid in start if cid in claims]
    while stack:
        cid = stack.pop()
        if cid in keep:
            continue
        keep.add(cid)
        stack.extend(parent for parent in above.get(cid, ()) if parent in claims)
    return keep
