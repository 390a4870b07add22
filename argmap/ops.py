"""Editing operations: one function per thing a person can do to a map.

Each function looks at a :class:`MapGraph`, checks that the request makes sense,
and returns the :class:`Edit` that would carry it out, without applying it.
Callers apply it with ``graph.apply(edit)`` and undo it with
``graph.apply(edit.inverse())``.  The TUI, the CLI and the merge all call these,
so a rule (no cycles, what a delete takes with it) lives in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap import dialogue, rank
from argmap.errors import OperationError
from argmap.graph import Change, Edit, MapGraph
from argmap.ids import slugify, unique_id
from argmap.model import FORMAT_VERSION, Anchor, ArgMap, Claim, ClaimKind, LeftOut, Relation, RelationType, Source
from argmap.schemes import get_scheme


def new_map(thesis: str, *, title: str = "", language: str = "en", thesis_id: str | None = None) -> ArgMap:
    """A map holding only its thesis."""
    if not thesis.strip():
        raise OperationError("a map needs a thesis: give its text")
    claim_id = thesis_id or slugify(thesis)
    return ArgMap(
        argmap=FORMAT_VERSION,
        title=title or thesis,
        language=language,
        claims={claim_id: Claim(kind=ClaimKind.THESIS, text=thesis.strip())},
    )


# Adding -------------------------------------------------------------------------------------


def add_claim(
    graph: MapGraph,
    target: str,
    text: str,
    relation_type: RelationType,
    *,
    kind: ClaimKind = ClaimKind.CLAIM,
    implicit: bool = False,
    claim_id: str | None = None,
) -> Edit:
    """A new claim that supports or attacks ``target`` (a claim, or a relation for an undercut)."""
    _require_node(graph, target)
    text = _require_text(text)
    new_id = _new_id(graph, claim_id or slugify(text))
    relation_id = unique_id(f"r-{new_id}", graph)
    relation = Relation(type=relation_type, premises=(new_id,), target=target, rank=_rank_after_last(graph, target))
    word = "objection" if relation_type.attacks else "reason"
    if target in graph.map.relations:
        word = "undercut" if relation_type.attacks else "backing"
    return Edit(
        f"add {word} {new_id!r}",
        (
            Change("claims", new_id, None, Claim(kind=kind, text=text, implicit=implicit)),
            Change("relations", relation_id, None, relation),
        ),
        select=new_id,
    )


def add_reason(graph: MapGraph, target: str, text: str, **options: Any) -> Edit:
    """A new claim supporting ``target``."""
    return add_claim(graph, target, text, RelationType.SUPPORT, **options)


def add_objection(graph: MapGraph, target: str, text: str, **options: Any) -> Edit:
    """A new claim attacking ``target``."""
    return add_claim(graph, target, text, RelationType.ATTACK, **options)


def add_undercut(graph: MapGraph, relation_id: str, text: str, **options: Any) -> Edit:
    """A new claim that grants a reason's premises but denies they lead to its target."""
    if relation_id not in graph.map.relations:
        raise OperationError(f"an undercut attacks an inference: {relation_id!r} is not a relation")
    return add_claim(graph, relation_id, text, RelationType.ATTACK, **options)


def add_co_premise(
    graph: MapGraph, relation_id: str, text: str, *, implicit: bool = False, claim_id: str | None = None
) -> Edit:
    """A new premise that works together with the premises of ``relation_id`` (linked premises)."""
    relation = _require_relation(graph, relation_id)
    text = _require_text(text)
    new_id = _new_id(graph, claim_id or slugify(text))
    return Edit(
        f"add co-premise {new_id!r}",
        (
            Change("claims", new_id, None, Claim(text=text, implicit=implicit)),
            Change(
                "relations",
                relation_id,
                relation,
                relation.model_copy(update={"premises": (*relation.premises, new_id)}),
            ),
        ),
        select=new_id,
    )


PASSAGE_ROLES = ("reason", "objection", "co-premise")
"""What a claim made from a passage can be to the selected claim (see :func:`add_from_passage`)."""


def add_from_passage(
    graph: MapGraph, target: str, role: str, text: str, anchor: Anchor, *, translation: str | None = None
) -> Edit:
    """A new reason, objection (to claim ``target``) or co-premise (of relation ``target``) anchored to a passage.

    ``translation`` names a language in which the passage's own wording becomes the
    claim's translation: the claim is paraphrased in the map's language, the quote
    stays as the text in the source's.
    """
    if role not in PASSAGE_ROLES:
        raise OperationError(f"a claim from a passage is a {', '.join(PASSAGE_ROLES)}, not {role!r}")
    if anchor.source not in graph.map.sources:
        raise OperationError(f"no source {anchor.source!r}")
    makers: dict[str, Callable[[MapGraph, str, str], Edit]] = {
        "reason": add_reason,
        "objection": add_objection,
        "co-premise": add_co_premise,
    }
    edit = makers[role](graph, target, text)
    extra: dict[str, Any] = {"evidence": [anchor.model_dump()]}
    if translation:
        extra["translations"] = {translation: " ".join(anchor.quote.split())}
    changes = tuple(
        Change(c.table, c.id, None, Claim.model_validate({**c.after.model_dump(), **extra}))
        if c.table == "claims" and c.before is None and isinstance(c.after, Claim)
        else c
        for c in edit.changes
    )
    return Edit(f"{edit.label} from a passage", changes, select=edit.select)


def link_claim(graph: MapGraph, claim_id: str, target: str, relation_type: RelationType) -> Edit:
    """Make an existing claim also a reason or objection of ``target``: maps are graphs."""
    _require_claim(graph, claim_id)
    _require_node(graph, target)
    if claim_id == target:
        raise OperationError(f"{claim_id!r} cannot be a reason or objection of itself")
    for _, relation in graph.parents(claim_id):
        if relation.target == target and relation.premises == (claim_id,):
            raise OperationError(f"{claim_id!r} already bears on {target!r}")
    if relation_type is RelationType.SUPPORT and graph.lies_below(target, {claim_id}):
        raise OperationError(f"linking {claim_id!r} under {target!r} would make a claim support itself")
    relation_id = unique_id(f"r-{claim_id}", graph)
    relation = Relation(type=relation_type, premises=(claim_id,), target=target, rank=_rank_after_last(graph, target))
    return Edit(
        f"link {claim_id!r} to {target!r}", (Change("relations", relation_id, None, relation),), select=claim_id
    )


def add_source(graph: MapGraph, source_id: str, source: Source) -> Edit:
    """Register a document the map annotates."""
    if source_id in graph.map.sources:
        raise OperationError(f"there is already a source {source_id!r}")
    same = next((sid for sid, known in graph.map.sources.items() if source.path and known.path == source.path), None)
    if same is not None:
        raise OperationError(f"{source.path} is already a source of this map ({same!r})")
    return Edit(f"add source {source_id!r}", (Change("sources", source_id, None, source),))


# Changing -----------------------------------------------------------------------------------


def update_claim(graph: MapGraph, claim_id: str, label: str, **fields: Any) -> Edit:
    """Replace some fields of a claim; the shared step of every claim edit."""
    claim = _require_claim(graph, claim_id)
    updated = Claim.model_validate({**claim.model_dump(), **fields})
    changes = () if updated == claim else (Change("claims", claim_id, claim, updated),)
    return Edit(label, changes, select=claim_id)


def edit_text(graph: MapGraph, claim_id: str, text: str) -> Edit:
    return update_claim(graph, claim_id, f"edit {claim_id!r}", text=_require_text(text))


def set_kind(graph: MapGraph, claim_id: str, kind: ClaimKind | str) -> Edit:
    try:
        kind = ClaimKind(kind)
    except ValueError:
        raise OperationError(f"unknown kind {kind!r}; one of: {', '.join(k.value for k in ClaimKind)}") from None
    if kind is ClaimKind.THESIS and graph.parents(claim_id):
        raise OperationError(f"{claim_id!r} is a reason or objection; a thesis has no parent (move or unlink it first)")
    return update_claim(graph, claim_id, f"set kind of {claim_id!r}", kind=kind)


def set_tags(graph: MapGraph, claim_id: str, tags: list[str] | tuple[str, ...]) -> Edit:
    cleaned = tuple(dict.fromkeys(tag.strip().lstrip("#") for tag in tags if tag.strip().lstrip("#")))
    return update_claim(graph, claim_id, f"set tags of {claim_id!r}", tags=cleaned)


def set_translation(graph: MapGraph, claim_id: str, language: str, text: str | None) -> Edit:
    """Set (or with ``None`` or blank text, remove) a claim's text in another language."""
    claim = _require_claim(graph, claim_id)
    language = language.strip()
    if not language:
        raise OperationError("a translation needs a language code, such as 'de'")
    translations = dict(claim.translations)
    if text and text.strip():
        translations[language] = text.strip()
    else:
        translations.pop(language, None)
    return update_claim(
        graph, claim_id, f"set {language} translation of {claim_id!r}", translations=dict(sorted(translations.items()))
    )


def set_note(graph: MapGraph, claim_id: str, note: str) -> Edit:
    return update_claim(graph, claim_id, f"set note of {claim_id!r}", note=note.strip())


def set_implicit(graph: MapGraph, claim_id: str, implicit: bool) -> Edit:
    return update_claim(
        graph, claim_id, f"mark {claim_id!r} {'implicit' if implicit else 'explicit'}", implicit=implicit
    )


def set_base_score(graph: MapGraph, claim_id: str, score: float | None) -> Edit:
    return update_claim(graph, claim_id, f"set base score of {claim_id!r}", base_score=_unit(score, "base score"))


def update_relation(graph: MapGraph, relation_id: str, label: str, **fields: Any) -> Edit:
    """Replace some fields of a relation."""
    relation = _require_relation(graph, relation_id)
    updated = Relation.model_validate({**relation.model_dump(), **fields})
    changes = () if updated == relation else (Change("relations", relation_id, relation, updated),)
    return Edit(label, changes, select=relation.premises[0])


def set_relation_type(graph: MapGraph, relation_id: str, relation_type: RelationType) -> Edit:
    return update_relation(graph, relation_id, f"make {relation_id!r} {relation_type.value}", type=relation_type)


def set_weight(graph: MapGraph, relation_id: str, weight: float | None) -> Edit:
    return update_relation(graph, relation_id, f"set weight of {relation_id!r}", weight=_unit(weight, "weight"))


def set_scheme(graph: MapGraph, relation_id: str, scheme: str | None) -> Edit:
    """Name the scheme of a relation (``None`` or empty clears it), refusing schemes argmap does not know."""
    if scheme:
        get_scheme(scheme)
    return update_relation(graph, relation_id, f"set scheme of {relation_id!r}", scheme=scheme or None)


def answer_question(graph: MapGraph, relation_id: str, question_id: str, text: str | None) -> Edit:
    """Record (or with blank text, remove) the answer to one of the relation's critical questions."""
    relation = _relation_with_scheme(graph, relation_id)
    get_scheme(relation.scheme or "").question(question_id)
    answers = dict(relation.answers)
    if text and text.strip():
        answers[question_id] = text.strip()
    else:
        answers.pop(question_id, None)
    return update_relation(
        graph, relation_id, f"answer {question_id!r} of {relation_id!r}", answers=dict(sorted(answers.items()))
    )


def question_to_objection(graph: MapGraph, relation_id: str, question_id: str, text: str | None = None) -> Edit:
    """Turn a critical question into a claim that attacks the argument, and note it as the answer.

    A question about the inference becomes an undercut of the relation; one
    about a premise becomes an objection to that premise when there is just
    one (with linked premises it is not known which, so it undercuts).  The
    new claim's text is ``text`` (its id made from it, as for any new claim),
    or else the question itself for the user to reword.
    """
    relation = _relation_with_scheme(graph, relation_id)
    scheme = get_scheme(relation.scheme or "")
    question = scheme.question(question_id)
    given = text.strip() if text else ""
    wording = given or f"Critical question ({scheme.name}): {question.text}"
    claim_id = None if given else f"{relation_id.removeprefix('r-')}-{question_id}"
    if question.challenges == "premise" and len(relation.premises) == 1:
        added = add_objection(graph, relation.premises[0], wording, claim_id=claim_id)
    else:
        added = add_undercut(graph, relation_id, wording, claim_id=claim_id)
    (new_id,) = added.added("claims")
    noted = update_relation(
        graph,
        relation_id,
        "note answer",
        answers=dict(sorted({**relation.answers, question_id: f"objection {new_id}"}.items())),
    )
    return Edit(
        f"turn question {question_id!r} of {relation_id!r} into objection {new_id!r}",
        added.changes + noted.changes,
        select=new_id,
    )


def _relation_with_scheme(graph: MapGraph, relation_id: str) -> Relation:
    relation = graph.map.relations.get(relation_id)
    if relation is None:
        raise OperationError(f"no relation {relation_id!r} in this map")
    if not relation.scheme:
        raise OperationError(
            f"relation {relation_id!r} names no scheme, so it has no critical questions",
            fix=f"set one first: argmap scheme MAP {relation_id} SCHEME",
        )
    return relation


def attach_evidence(graph: MapGraph, claim_id: str, anchor: Anchor) -> Edit:
    """Anchor a claim to a passage of one of the map's sources."""
    claim = _require_claim(graph, claim_id)
    if anchor.source not in graph.map.sources:
        raise OperationError(f"unknown source {anchor.source!r}; add it first")
    if anchor in claim.evidence:
        raise OperationError(f"{claim_id!r} already has this passage as evidence")
    return update_claim(graph, claim_id, f"attach evidence to {claim_id!r}", evidence=(*claim.evidence, anchor))


def detach_evidence(graph: MapGraph, claim_id: str, index: int) -> Edit:
    """Remove the ``index``-th evidence anchor of a claim."""
    claim = _require_claim(graph, claim_id)
    if not 0 <= index < len(claim.evidence):
        raise OperationError(f"{claim_id!r} has no evidence number {index + 1}")
    evidence = claim.evidence[:index] + claim.evidence[index + 1 :]
    return update_claim(graph, claim_id, f"detach evidence from {claim_id!r}", evidence=evidence)


def update_source(graph: MapGraph, source_id: str, **fields: Any) -> Edit:
    source = graph.map.sources.get(source_id)
    if source is None:
        raise OperationError(f"no source {source_id!r}")
    updated = Source.model_validate({**source.model_dump(), **fields})
    changes = () if updated == source else (Change("sources", source_id, source, updated),)
    return Edit(f"update source {source_id!r}", changes)


def leave_out(graph: MapGraph, anchor: Anchor, reason: str = "") -> Edit:
    """Mark the anchored passage as deliberately left out of the map, on its source (see ``argmap coverage``)."""
    source = graph.map.sources.get(anchor.source)
    if source is None:
        raise OperationError(f"no source {anchor.source!r}")
    passage = LeftOut(**anchor.model_dump(exclude={"source", "speaker"}), reason=reason.strip())
    if any((kept.start, kept.end) == (passage.start, passage.end) for kept in source.left_out):
        raise OperationError(f"{passage.start}–{passage.end} of {anchor.source!r} is already left out")
    left_out = tuple(sorted((*source.left_out, passage), key=lambda kept: (kept.start, kept.end)))
    return update_source(graph, anchor.source, left_out=left_out)


def take_back_left_out(graph: MapGraph, source_id: str, index: int) -> Edit:
    """Count a left-out passage (by its place in the source's list) as part of the text to map again."""
    source = graph.map.sources.get(source_id)
    if source is None:
        raise OperationError(f"no source {source_id!r}")
    if not 0 <= index < len(source.left_out):
        raise OperationError(f"source {source_id!r} has no left-out passage number {index + 1}")
    return update_source(graph, source_id, left_out=source.left_out[:index] + source.left_out[index + 1 :])


# Structure ----------------------------------------------------------------------------------


def delete_claim(graph: MapGraph, claim_id: str) -> Edit:
    """Delete a claim with everything that only hangs from it.

    Goes with it: its relations, the reasons and objections below it that bear on
    nothing else, and undercuts of removed relations.  A linked co-premise stays,
    its relation keeps the other premises.  ``edit.removed("claims")`` says what goes.
    """
    _require_claim(graph, claim_id)
    claims, relations = graph.map.claims, graph.map.relations
    gone: set[str] = set()
    pending = [claim_id]
    while pending:
        while pending:
            node = pending.pop()
            if node in gone:
                continue
            gone.add(node)
            pending.extend(rid for rid, _ in graph.children(node))
            if node in claims:
                pending.extend(rid for rid, rel in graph.parents(node) if all(p in gone for p in rel.premises))
        orphans = {
            premise
            for rid in gone
            if rid in relations
            for premise in relations[rid].premises
            if premise not in gone
            and claims[premise].kind is not ClaimKind.THESIS
            and all(parent in gone for parent, _ in graph.parents(premise))
        }
        pending.extend(sorted(orphans))
    changes: list[Change] = []
    for rid in sorted(gone & relations.keys()):
        changes.append(Change("relations", rid, relations[rid], None))
    for rid in sorted({rid for node in gone & claims.keys() for rid, _ in graph.parents(node)} - gone):
        relation = relations[rid]
        kept = tuple(p for p in relation.premises if p not in gone)
        changes.append(Change("relations", rid, relation, relation.model_copy(update={"premises": kept})))
    for cid in sorted(gone & claims.keys()):
        changes.append(Change("claims", cid, claims[cid], None))
    changes += dialogue.forget(graph.map, gone)
    changes += _arguments_without(graph, gone)
    return Edit(f"delete {claim_id!r}", tuple(changes))


def delete_relation(graph: MapGraph, relation_id: str) -> Edit:
    """Remove one relation (unlink), with the undercuts and backings aimed at it.

    Its premises stay in the map as claims of their own: one that bore on nothing
    else is then cut off from the thesis, which ``check`` reports.
    """
    _require_relation(graph, relation_id)
    doomed = [relation_id]
    for rid in doomed:
        doomed.extend(child for child, _ in graph.children(rid) if child not in doomed)
    relations = graph.map.relations
    changes = [Change("relations", rid, relations[rid], None) for rid in doomed]
    changes += dialogue.forget(graph.map, set(doomed))
    return Edit(f"delete {relation_id!r}", (*changes, *_arguments_without(graph, set(doomed))))


def _arguments_without(graph: MapGraph, gone: set[str]) -> list[Change]:
    """The arguments naming deleted claims or relations, without them (they would dangle)."""
    return [
        Change("arguments", aid, argument, argument.without(gone))
        for aid, argument in sorted(graph.map.arguments.items())
        if not gone.isdisjoint(argument.names())
    ]


def remove_placement(graph: MapGraph, claim_id: str, relation_id: str) -> Edit:
    """Take a claim out of one place where it bears on something, keeping it where else it does.

    Out of a linked group, the group keeps its other premises; a relation left
    without premises goes, with the undercuts aimed at it.  Refused for a claim's
    only place: it would be cut off from the thesis (delete or move it instead).
    """
    claim = _require_claim(graph, claim_id)
    relation = _require_relation(graph, relation_id)
    if claim_id not in relation.premises:
        raise OperationError(f"{claim_id!r} is not a premise of {relation_id!r}")
    if claim.kind is not ClaimKind.THESIS and all(rid == relation_id for rid, _ in graph.parents(claim_id)):
        raise OperationError(
            f"{claim_id!r} bears on nothing else: taken from here it would be cut off; delete or move it instead"
        )
    label = f"remove {claim_id!r} from {relation_id!r}"
    if len(relation.premises) == 1:
        return Edit(label, delete_relation(graph, relation_id).changes, select=relation.target)
    kept = tuple(premise for premise in relation.premises if premise != claim_id)
    change = Change("relations", relation_id, relation, relation.model_copy(update={"premises": kept}))
    return Edit(label, (change,), select=kept[0])


def move_claim(graph: MapGraph, claim_id: str, new_target: str, *, via: str | None = None, alone: bool = False) -> Edit:
    """Hang a claim, with its subtree, under another claim (or relation).

    ``via`` names which of the claim's relations moves when it has several.  A
    linked premise moves with its co-premises (they are one reason), unless
    ``alone``: then it leaves the group and bears on ``new_target`` in the same way
    on its own, and the group keeps its other premises.
    """
    claim = _require_claim(graph, claim_id)
    _require_node(graph, new_target)
    if claim.kind is ClaimKind.THESIS:
        raise OperationError(f"{claim_id!r} is a thesis, the root of the map; change its kind to move it")
    relation_id = via or _only_parent(graph, claim_id)
    relation = _require_relation(graph, relation_id)
    if claim_id not in relation.premises:
        raise OperationError(f"{claim_id!r} is not a premise of {relation_id!r}")
    if alone and len(relation.premises) > 1:
        return _move_out_of_group(graph, claim_id, relation_id, new_target)
    if relation.target == new_target:
        return Edit(f"move {claim_id!r}", (), select=claim_id)
    if graph.lies_below(new_target, {*relation.premises, relation_id}):
        raise OperationError(f"cannot move {claim_id!r} under {new_target!r}: it is part of what moves (a cycle)")
    moved = relation.model_copy(update={"target": new_target, "rank": _rank_after_last(graph, new_target)})
    return Edit(
        f"move {claim_id!r} under {new_target!r}", (Change("relations", relation_id, relation, moved),), select=claim_id
    )


def _move_out_of_group(graph: MapGraph, claim_id: str, relation_id: str, new_target: str) -> Edit:
    relation = graph.map.relations[relation_id]
    if graph.lies_below(new_target, {claim_id}):
        raise OperationError(f"cannot move {claim_id!r} under {new_target!r}: it lies below it (a cycle)")
    kept = tuple(premise for premise in relation.premises if premise != claim_id)
    own_id = unique_id(f"r-{claim_id}", graph)
    own = Relation(
        type=relation.type, premises=(claim_id,), target=new_target, rank=_rank_after_last(graph, new_target)
    )
    changes = (
        Change("relations", relation_id, relation, relation.model_copy(update={"premises": kept})),
        Change("relations", own_id, None, own),
    )
    return Edit(f"move {claim_id!r} out of its group under {new_target!r}", changes, select=claim_id)


def reorder(graph: MapGraph, relation_id: str, offset: int) -> Edit:
    """Move a reason or objection ``offset`` places among its siblings (negative: up)."""
    relation = _require_relation(graph, relation_id)
    siblings = [rid for rid, _ in graph.children(relation.target)]
    old = siblings.index(relation_id)
    new = max(0, min(len(siblings) - 1, old + offset))
    label = f"move {relation.premises[0]!r} {'up' if offset < 0 else 'down'}"
    if new == old:
        return Edit(label, (), select=relation.premises[0])
    siblings.remove(relation_id)
    siblings.insert(new, relation_id)
    relations = graph.map.relations
    lo = relations[siblings[new - 1]].rank if new > 0 else None
    hi = relations[siblings[new + 1]].rank if new + 1 < len(siblings) else None
    if lo is None or hi is None or lo < hi:
        new_ranks = {relation_id: rank.between(lo, hi)}
    else:
        new_ranks = dict(zip(siblings, rank.spread(len(siblings)), strict=True))
    changes = tuple(
        Change("relations", rid, relations[rid], relations[rid].model_copy(update={"rank": value}))
        for rid, value in new_ranks.items()
        if relations[rid].rank != value
    )
    return Edit(label, changes, select=relation.premises[0])


# Helpers ------------------------------------------------------------------------------------


def _require_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise OperationError("a claim needs some text")
    return text


def _require_claim(graph: MapGraph, claim_id: str) -> Claim:
    claim = graph.map.claims.get(claim_id)
    if claim is None:
        raise OperationError(f"no claim {claim_id!r} in this map")
    return claim


def _require_relation(graph: MapGraph, relation_id: str) -> Relation:
    relation = graph.map.relations.get(relation_id)
    if relation is None:
        raise OperationError(f"no relation {relation_id!r} in this map")
    return relation


def _require_node(graph: MapGraph, ident: str) -> None:
    if not graph.taken(ident):
        raise OperationError(f"no claim or relation {ident!r} in this map")


def _new_id(graph: MapGraph, wanted: str) -> str:
    return unique_id(wanted, graph)


def _only_parent(graph: MapGraph, claim_id: str) -> str:
    parents = graph.parents(claim_id)
    if len(parents) != 1:
        where = ", ".join(rid for rid, _ in parents) or "nothing"
        raise OperationError(f"{claim_id!r} bears on {where}; say which relation moves")
    return parents[0][0]


def _rank_after_last(graph: MapGraph, target: str) -> str:
    children = graph.children(target)
    return rank.between(children[-1][1].rank, None) if children else rank.FIRST


def _unit(value: float | None, what: str) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise OperationError(f"a {what} lies between 0 and 1, not {value}")
    return value
