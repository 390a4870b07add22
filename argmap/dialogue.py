"""The dialogue layer: what was said (locutions), how the sayings follow each other (transitions), what they do
(illocutions) and which claims restate others (rephrases), as AIF's L, TA, YA and MA nodes record a debate.

The records live in the map's ``locutions``, ``transitions`` and ``rephrases`` tables
(:mod:`argmap.model`).  Here is what they point at, for ``check`` (dangling ids) and
``merge`` (references to deleted or renamed records), in one place.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from argmap.graph import Change
from argmap.model import Anchor, ArgMap, Illocution, Locution, Rephrase, Transition

DialogueRecord = Locution | Transition | Rephrase

ILLOCUTION_TARGETS: tuple[str, ...] = ("claims", "relations", "locutions", "transitions", "rephrases")
"""What an illocution may bear on: a claim (asserting), a relation (arguing), a rephrase (restating), a locution
(reported speech, an analyst's reading)."""

Reference = tuple[tuple[str, ...], str, str]
"""The tables an id may live in, the id, and the field that holds it (for messages)."""


def references(record: DialogueRecord) -> list[Reference]:
    """Every id a dialogue record points at."""
    refs: list[Reference] = []
    if isinstance(record, Rephrase):
        refs += [(("claims",), p, "premises") for p in record.premises]
        return [*refs, (("claims",), record.target, "target")]
    if isinstance(record, Locution):
        if record.speaker:
            refs.append((("speakers",), record.speaker, "speaker"))
        if record.anchor is not None:
            refs.append((("sources",), record.anchor.source, "anchor"))
            if record.anchor.speaker:
                refs.append((("speakers",), record.anchor.speaker, "anchor"))
    else:
        refs += [(("locutions",), lid, "follows") for lid in record.follows]
        refs += [(("locutions",), lid, "to") for lid in record.to]
    refs += [(ILLOCUTION_TARGETS, ident, "illocutions") for i in record.illocutions for ident in i.targets]
    return refs


def dangling(argmap: ArgMap) -> Iterator[tuple[str, str, str, str]]:
    """``(table, record id, field, missing id)`` for each reference of the dialogue layer to nothing."""
    for table in ("locutions", "transitions", "rephrases"):
        records: Mapping[str, DialogueRecord] = getattr(argmap, table)
        for ident, record in sorted(records.items()):
            for tables, target, field in references(record):
                if not any(target in getattr(argmap, name) for name in tables):
                    yield table, ident, field, target


def renamed(
    record: DialogueRecord, names: Mapping[str, str], kind: Literal["nodes", "sources", "speakers"]
) -> DialogueRecord:
    """The record with every reference of ``kind`` renamed by ``names`` (a merge renaming colliding ids)."""

    def new(ident: str) -> str:
        return names.get(ident, ident)

    def illocutions(items: tuple[Illocution, ...]) -> tuple[Illocution, ...]:
        return tuple(i.model_copy(update={"targets": tuple(map(new, i.targets))}) for i in items)

    if kind == "nodes":
        if isinstance(record, Rephrase):
            return record.model_copy(
                update={"premises": tuple(map(new, record.premises)), "target": new(record.target)}
            )
        update: dict[str, object] = {"illocutions": illocutions(record.illocutions)}
        if isinstance(record, Transition):
            update |= {"follows": tuple(map(new, record.follows)), "to": tuple(map(new, record.to))}
        return record.model_copy(update=update)
    if not isinstance(record, Locution):
        return record
    anchor: Anchor | None = record.anchor
    if kind == "speakers":
        if anchor is not None and anchor.speaker:
            anchor = anchor.model_copy(update={"speaker": new(anchor.speaker)})
        speaker = new(record.speaker) if record.speaker else None
        return record.model_copy(update={"speaker": speaker, "anchor": anchor})
    if anchor is not None:
        anchor = anchor.model_copy(update={"source": new(anchor.source)})
    return record.model_copy(update={"anchor": anchor})


def forget(argmap: ArgMap, gone: set[str]) -> list[Change]:
    """What deleting the claims and relations in ``gone`` does to the dialogue layer: a rephrase of a deleted
    claim goes (or loses that premise), illocutions stop naming what went; the locutions themselves stay."""
    if not (argmap.locutions or argmap.transitions or argmap.rephrases):
        return []
    changes: list[Change] = []
    gone = set(gone)
    for ident, rephrase in sorted(argmap.rephrases.items()):
        kept = tuple(p for p in rephrase.premises if p not in gone)
        if rephrase.target in gone or not kept:
            gone.add(ident)
            changes.append(Change("rephrases", ident, rephrase, None))
        elif kept != rephrase.premises:
            changes.append(Change("rephrases", ident, rephrase, rephrase.model_copy(update={"premises": kept})))
    for table in ("locutions", "transitions"):
        records: Mapping[str, Locution | Transition] = getattr(argmap, table)
        for ident, record in sorted(records.items()):
            acts = tuple(
                act.model_copy(update={"targets": tuple(t for t in act.targets if t not in gone)})
                for act in record.illocutions
            )
            if acts != record.illocutions:
                changes.append(Change(table, ident, record, record.model_copy(update={"illocutions": acts})))
    return changes
