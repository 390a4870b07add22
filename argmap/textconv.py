"""The outline git diffs: one claim per line with its id, so a change reads as a claim change.

git's textconv runs ``argmap textconv MAP`` on both versions of a map and diffs
the two outlines line by line.  The format is plain text, without colour, and
fully determined by the map (no terminal width, no dates), so the same map always
gives the same bytes:

    * [thesis] Russia's rapprochement with North Korea is a partnership of convenience.
      + [no-economic-complementarity] The two economies have almost nothing to offer each other.
          de: Die beiden Volkswirtschaften haben einander kaum etwas zu bieten.
          evidence article 2818-2871: "eine nahezu fehlende wirtschaftliche Komplementarität"
      - [objection-id] an objection
      & [co-premise] a premise linked with the one above

Signs: ``*`` a root, ``+`` support, ``-`` attack, ``x`` an undercut (attacks the
inference above it), ``~`` backing of an inference, ``&`` a linked co-premise.
Details of a claim (kind, tags, translations, evidence, notes…) and of its
relation (scheme, weight…) sit on their own lines below it, so changing one of
them changes one line.  Every field is one line: a newline in any text, key,
tag or name is written ``\n``, and control characters are shown visibly
(:func:`argmap.visible.visible`), so no text can fake a line in a reviewer's
diff or act on the terminal.  Beyond twelve levels the indentation stops
growing and lines carry their depth (``‹13›``), so the outline grows linearly.
"""

from __future__ import annotations

import json

from argmap.graph import MapGraph
from argmap.heap import gc_paused
from argmap.indent import depth_marker, indentation
from argmap.model import ArgMap, Argument, Claim, ClaimKind, Illocution, Relation, RelationType
from argmap.visible import visible

INDENT = "  "


def outline(argmap: ArgMap) -> str:
    """The whole map as outline text, ending with a newline."""
    with gc_paused():  # building the indexes of a large map would wake the cycle collector again and again
        return _outline(argmap)


def _outline(argmap: ArgMap) -> str:
    graph = MapGraph(argmap)
    lines = _header(argmap)
    printed: set[str] = set()
    walked: set[str] = set()
    roots = argmap.theses()
    parented = {premise for relation in argmap.relations.values() for premise in relation.premises}
    roots += sorted(cid for cid in argmap.claims if cid not in parented and cid not in roots)
    for heading, ids in (("", roots), ("not reachable from a root:", sorted(argmap.claims))):
        started = False
        for root in ids:
            if root in printed:
                continue
            if heading and not started:
                lines += ["", heading]
                started = True
            lines.append("")
            _tree(graph, root, lines, printed, walked)
    dangling = sorted(rid for rid in argmap.relations if rid not in walked)
    if dangling:
        lines += ["", "relations whose target is missing:"]
        for rid in dangling:
            relation = argmap.relations[rid]
            lines.append(f"{INDENT}[{rid}] {relation.type.value} {', '.join(relation.premises)} -> {relation.target}")
    for aid, argument in sorted(argmap.arguments.items()):
        lines += ["", *_argument_lines(aid, argument)]
    return "\n".join(lines) + "\n"


def _argument_lines(aid: str, argument: Argument) -> list[str]:
    """An argument as its title, description and numbered steps, one line each (a one-line diff per change)."""
    lines = [f"argument <{aid}>" + (f" {_one_line(argument.title)}" if argument.title else "")]
    fields = [("description", argument.description), ("tags", ", ".join(argument.tags))]
    fields += [("scheme", argument.scheme or ""), ("gist", argument.claim or ""), ("note", argument.note)]
    fields += [("also described", text) for text in argument.variants]
    fields += [("from the argument", ", ".join(argument.outgoing)), ("undercut by", ", ".join(argument.undercuts))]
    lines += [f"{INDENT}{name}: {_one_line(value)}" for name, value in fields if value]
    for number, step in enumerate(argument.steps, start=1):
        if step.inference:
            rules = f" {', '.join(map(_one_line, step.rules))}" if step.rules else ""
            uses = f" from {', '.join(map(str, step.uses))}" if step.uses else ""
            via = f" [{step.relation}]" if step.relation else ""
            lines.append(f"{INDENT}--{rules}{uses}{via} --")
        lines.append(f"{INDENT}({number}) {step.claim}")
    return lines


def _header(argmap: ArgMap) -> list[str]:
    lines = [f"title: {_one_line(argmap.title)}", f"language: {_one_line(argmap.language)}"]
    if argmap.description:
        lines.append(f"description: {_one_line(argmap.description)}")
    for sid, source in sorted(argmap.sources.items()):
        fields = source.model_dump(exclude_defaults=True, exclude={"left_out"})
        lines.append(f"source {sid}: " + "; ".join(f"{key} {_one_line(str(value))}" for key, value in fields.items()))
        for passage in source.left_out:  # one line each, so that leaving one out is a one-line diff
            why = f" ({_one_line(passage.reason)})" if passage.reason else ""
            lines.append(visible(f"{INDENT}left out {passage.start}-{passage.end}{why}: {_quoted(passage.quote)}"))
    for sid, speaker in sorted(argmap.speakers.items()):
        role = f" ({_one_line(speaker.role)})" if speaker.role else ""
        lines.append(f"speaker {sid}: {_one_line(speaker.name)}{role}")
    lines += _dialogue(argmap)
    for cid, conflict in sorted(argmap.conflicts.items()):
        lines.append(f"CONFLICT {_one_line(cid)} (unresolved)")
        for side in ("base", "ours", "theirs"):
            value = getattr(conflict, side)
            lines.append(f"{INDENT}{side}: {'(none)' if value is None else _json_text(value)}")
    return lines


def _dialogue(argmap: ArgMap) -> list[str]:
    """The dialogue layer, one line per locution, transition and rephrase, so that each change is one line."""

    def acts(illocutions: tuple[Illocution, ...]) -> str:
        return "".join(f" [{_one_line(i.kind)} {', '.join(i.targets) or '-'}]" for i in illocutions)

    lines = []
    for lid, locution in sorted(argmap.locutions.items()):
        who = f" {locution.speaker}" if locution.speaker else ""
        when = f" at {_one_line(locution.timestamp)}" if locution.timestamp else ""
        lines.append(f"locution {lid}{who}{when}: {_quoted(locution.text)}{acts(locution.illocutions)}")
    for tid, transition in sorted(argmap.transitions.items()):
        steps = f"{', '.join(transition.follows) or '-'} -> {', '.join(transition.to) or '-'}"
        lines.append(f"transition {tid} ({_one_line(transition.kind)}): {steps}{acts(transition.illocutions)}")
    for rid, rephrase in sorted(argmap.rephrases.items()):
        lines.append(
            f"rephrase {rid} ({_one_line(rephrase.kind)}): {', '.join(rephrase.premises)} -> {rephrase.target}"
        )
    return lines


def _tree(graph: MapGraph, root: str, lines: list[str], printed: set[str], walked: set[str]) -> None:
    argmap = graph.map
    printed.add(root)
    lines.append(f"* [{root}] {_one_line(argmap.claims[root].text)}")
    lines += _claim_details(argmap.claims[root], 1)
    groups: dict[int, Relation] = {}
    for depth, rid, premise in graph.walk(root):
        relation = argmap.relations[rid]
        groups[depth] = relation
        first, last = premise == relation.premises[0], premise == relation.premises[-1]
        sign = _sign(argmap, relation) if first else "&"
        indent = indentation(depth, INDENT) + depth_marker(depth)
        above = groups.get(depth - 1)
        on = f"  (on [{relation.target}])" if first and above and len(above.premises) > 1 else ""
        claim = argmap.claims.get(premise)
        if claim is None:
            lines.append(f"{indent}{sign} [{premise}] (missing claim){on}")
        elif premise in printed:
            lines.append(f"{indent}{sign} [{premise}] (see above){on}")
        else:
            printed.add(premise)
            lines.append(f"{indent}{sign} [{premise}] {_one_line(claim.text)}{on}")
            lines += _claim_details(claim, depth + 1)
        if last and rid not in walked:
            walked.add(rid)
            lines += _relation_details(rid, relation, depth + 1)


def _sign(argmap: ArgMap, relation: Relation) -> str:
    on_relation = relation.target in argmap.relations
    if relation.type is RelationType.SUPPORT:
        return "~" if on_relation else "+"
    return "x" if on_relation else "-"


def _claim_details(claim: Claim, depth: int) -> list[str]:
    indent = indentation(depth, INDENT) + INDENT
    lines = []
    if claim.title:
        lines.append(f"{indent}title: {_one_line(claim.title)}")
    lines += [f"{indent}also worded: {_one_line(text)}" for text in claim.variants]
    if claim.kind not in (ClaimKind.CLAIM, ClaimKind.THESIS):
        lines.append(f"{indent}kind: {claim.kind.value}")
    if claim.implicit:
        lines.append(f"{indent}implicit")
    if claim.tags:
        lines.append(f"{indent}tags: {', '.join(_one_line(tag) for tag in claim.tags)}")
    if claim.base_score is not None:
        lines.append(f"{indent}base score: {claim.base_score}")
    for language, text in sorted(claim.translations.items()):
        lines.append(f"{indent}{_one_line(language)}: {_one_line(text)}")
    for anchor in claim.evidence:
        speaker = f" ({anchor.speaker})" if anchor.speaker else ""
        lines.append(f"{indent}evidence {anchor.source} {anchor.start}-{anchor.end}{speaker}: {_quoted(anchor.quote)}")
    if claim.note:
        lines.append(f"{indent}note: {_one_line(claim.note)}")
    return lines


def _relation_details(rid: str, relation: Relation, depth: int) -> list[str]:
    indent = indentation(depth, INDENT) + INDENT
    lines = []
    if rid != f"r-{relation.premises[0]}":
        lines.append(f"{indent}relation: {rid}")
    if relation.scheme:
        lines.append(f"{indent}scheme: {_one_line(relation.scheme)}")
    for question, answer in sorted(relation.answers.items()):
        lines.append(f"{indent}answer {_one_line(question)}: {_one_line(answer)}")
    if relation.weight is not None:
        lines.append(f"{indent}weight: {relation.weight}")
    if relation.note:
        lines.append(f"{indent}relation note: {_one_line(relation.note)}")
    return lines


def _one_line(text: str) -> str:
    """A field on one line: backslashes doubled, CR and LF written ``\\r`` ``\\n``, other controls shown visibly."""
    return visible(text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n"))


def _quoted(text: str) -> str:
    return '"' + _one_line(text).replace('"', '\\"') + '"'


def _json_text(value: object) -> str:
    return visible(json.dumps(value, ensure_ascii=False, sort_keys=True))
