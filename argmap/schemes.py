"""Argument schemes (after Walton) and their critical questions, shipped as data in ``schemes.json``.

A relation may name the scheme its inference follows (``relation.scheme``) and
answer the scheme's critical questions (``relation.answers``, by question id).
An unanswered question is a hint for ``check`` and can become an objection
(:func:`argmap.ops.question_to_objection`).  This module is the catalogue; the
editing operations on schemes are in :mod:`argmap.ops` with all the others.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from argmap.errors import OperationError
from argmap.graph import MapGraph
from argmap.model import ArgMap, Relation


@dataclass(frozen=True)
class Question:
    """A critical question; ``id`` is stable, relations store answers under it."""

    id: str
    text: str
    challenges: Literal["premise", "inference"]


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    aif: str
    """The name AIFdb's scheme list, OVA and arguebuf use (``Expert Opinion``)."""
    description: str
    pattern: tuple[str, ...]
    conclusion: str
    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        known = ", ".join(q.id for q in self.questions)
        raise OperationError(f"scheme {self.id!r} has no critical question {question_id!r}; it has: {known}")


@cache
def all_schemes() -> dict[str, Scheme]:
    """Every shipped scheme by id, in the order of the data file."""
    raw = json.loads(resources.files("argmap").joinpath("schemes.json").read_text(encoding="utf-8"))
    return {
        entry["id"]: Scheme(
            id=entry["id"],
            name=entry["name"],
            aif=entry["aif"],
            description=entry["description"],
            pattern=tuple(entry["pattern"]),
            conclusion=entry["conclusion"],
            questions=tuple(Question(q["id"], q["text"], q["challenges"]) for q in entry["questions"]),
        )
        for entry in raw["schemes"]
    }


def get_scheme(scheme_id: str) -> Scheme:
    scheme = all_schemes().get(scheme_id)
    if scheme is None:
        raise OperationError(f"unknown scheme {scheme_id!r}; one of: {', '.join(all_schemes())}")
    return scheme


def aif_title(scheme: Scheme) -> str:
    """The scheme's full title in AIFdb's capitalisation: ``Argument From Expert Opinion``."""
    return f"Argument From {scheme.aif}" if scheme.name.startswith("Argument from ") else scheme.aif


def scheme_for_aif_name(name: str) -> str | None:
    """The id of the scheme an AIF file names, whatever variant it writes, or None for a scheme argmap lacks.

    AIFdb writes ``Expert Opinion``, OVA sometimes ``Argument From Expert Opinion``,
    Araucaria ``ExpertOpinion``, AIFdb's older list ``From-analogy``; argmap's own id
    (``expert-opinion``) and Walton's title are accepted too.
    """
    return _aif_names().get(_name_key(name))


@cache
def _aif_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for scheme in all_schemes().values():
        for name in (scheme.id, scheme.name, scheme.aif):
            names[_name_key(name)] = scheme.id
    return names


def _name_key(name: str) -> str:
    """``Argument From Expert Opinion``, ``expert-opinion`` and ``ExpertOpinion`` all become ``expertopinion``."""
    bare = re.sub(r"(?i)^\s*(argument|inference)?[\s_-]*(from|by)[\s_-]+(an?\s+)?", "", name)
    return re.sub(r"[^0-9a-z]", "", bare.lower())


def open_questions(argmap: ArgMap) -> list[tuple[str, str, Question]]:
    """``(relation id, scheme id, question)`` for each critical question a relation leaves unanswered.

    Relations naming an unknown scheme are skipped here; :func:`unknown_schemes` lists them.
    """
    return [
        (rid, relation.scheme or "", question)
        for rid, relation in _with_scheme(argmap)
        for question, answer in question_status(relation)
        if answer is None
    ]


def question_status(relation: Relation) -> list[tuple[Question, str | None]]:
    """Each critical question of the relation's scheme with its answer, or None while it is open.

    Empty when the relation names no scheme or one argmap does not know.
    """
    scheme = all_schemes().get(relation.scheme or "")
    if scheme is None:
        return []
    return [(q, relation.answers.get(q.id, "").strip() or None) for q in scheme.questions]


def unknown_schemes(argmap: ArgMap) -> list[tuple[str, str]]:
    """``(relation id, scheme id)`` for relations naming a scheme argmap does not know."""
    schemes = all_schemes()
    return [
        (rid, relation.scheme)
        for rid, relation in _with_scheme(argmap)
        if relation.scheme is not None and relation.scheme not in schemes
    ]


def _with_scheme(argmap: ArgMap) -> list[tuple[str, Relation]]:
    """The relations that name a scheme, in id order: picked before sorting, since most name none."""
    return sorted((rid, relation) for rid, relation in argmap.relations.items() if relation.scheme)


def relation_of(graph: MapGraph, ident: str) -> str:
    """A relation id from a relation id, or from a claim that is the premise of exactly one relation."""
    if ident in graph.map.relations:
        return ident
    if ident in graph.map.claims:
        parents = graph.parents(ident)
        if len(parents) == 1:
            return parents[0][0]
        where = ", ".join(rid for rid, _ in parents) or "no relation"
        raise OperationError(f"claim {ident!r} is a premise of {where}; name the relation")
    raise OperationError(f"no relation or claim {ident!r} in this map")
