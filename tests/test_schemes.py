"""Argument schemes: the shipped data, open questions, answers, and questions turned into objections."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from argmap import ops
from argmap.errors import OperationError
from argmap.graph import MapGraph
from argmap.ops import answer_question, question_to_objection, set_scheme
from argmap.schemes import (
    all_schemes,
    get_scheme,
    open_questions,
    question_status,
    relation_of,
    unknown_schemes,
)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture
def graph() -> MapGraph:
    """A thesis with one reason (an expert's word) and one linked reason."""
    graph = MapGraph(ops.new_map("Russia and North Korea are partners of convenience.", thesis_id="thesis"))
    graph.apply(ops.add_reason(graph, "thesis", "An analyst says the ties are transactional.", claim_id="analyst"))
    graph.apply(ops.add_reason(graph, "thesis", "Their economies do not complement each other.", claim_id="economy"))
    graph.apply(ops.add_co_premise(graph, "r-economy", "Alliances need economic ties.", claim_id="ties"))
    return graph


def test_at_least_ten_schemes_with_stable_ids():
    schemes = all_schemes()
    assert len(schemes) >= 10
    for wanted in (
        "expert-opinion",
        "analogy",
        "example",
        "cause-to-effect",
        "correlation-to-cause",
        "sign",
        "positive-consequences",
        "negative-consequences",
        "practical-reasoning",
        "witness-testimony",
        "popular-opinion",
    ):
        assert wanted in schemes
    for scheme in schemes.values():
        assert SLUG.match(scheme.id) and scheme.name and scheme.description and scheme.pattern
        ids = [q.id for q in scheme.questions]
        assert len(ids) >= 3 and len(set(ids)) == len(ids), scheme.id
        assert all(SLUG.match(qid) for qid in ids)
        assert all(q.challenges in ("premise", "inference") and q.text.endswith("?") for q in scheme.questions)


def test_data_ships_in_the_package():
    raw = json.loads(resources.files("argmap").joinpath("schemes.json").read_text(encoding="utf-8"))
    assert [entry["id"] for entry in raw["schemes"]] == list(all_schemes())


def test_open_questions_until_answered(graph: MapGraph):
    assert open_questions(graph.map) == []
    graph.apply(set_scheme(graph, "r-analyst", "expert-opinion"))
    expert = get_scheme("expert-opinion")
    assert [(rid, sid, q.id) for rid, sid, q in open_questions(graph.map)] == [
        ("r-analyst", "expert-opinion", q.id) for q in expert.questions
    ]
    graph.apply(answer_question(graph, "r-analyst", "field", "She heads a Korea studies centre."))
    assert graph.map.relations["r-analyst"].answers == {"field": "She heads a Korea studies centre."}
    assert "field" not in [q.id for _, _, q in open_questions(graph.map)]
    status = question_status(graph.map.relations["r-analyst"])
    assert [(q.id, a) for q, a in status][:2] == [("expertise", None), ("field", "She heads a Korea studies centre.")]
    graph.apply(answer_question(graph, "r-analyst", "field", ""))
    assert graph.map.relations["r-analyst"].answers == {}


def test_unknown_scheme_and_question_are_refused(graph: MapGraph):
    with pytest.raises(OperationError, match="unknown scheme"):
        set_scheme(graph, "r-analyst", "astrology")
    with pytest.raises(OperationError, match="names no scheme"):
        answer_question(graph, "r-analyst", "field", "x")
    graph.apply(set_scheme(graph, "r-analyst", "expert-opinion"))
    with pytest.raises(OperationError, match="no critical question 'nonsense'"):
        answer_question(graph, "r-analyst", "nonsense", "x")


def test_unknown_schemes_are_listed(graph: MapGraph):
    graph.apply(ops.update_relation(graph, "r-analyst", "a scheme from elsewhere", scheme="astrology"))
    assert unknown_schemes(graph.map) == [("r-analyst", "astrology")]
    assert open_questions(graph.map) == []


def test_inference_question_becomes_an_undercut(graph: MapGraph):
    graph.apply(set_scheme(graph, "r-analyst", "expert-opinion"))
    edit = question_to_objection(graph, "r-analyst", "consistency")
    graph.apply(edit)
    new = edit.select
    assert new == "analyst-consistency"
    assert "other experts" in graph.map.claims[new].text
    (_, relation) = graph.parents(new)[0]
    assert relation.type.value == "attack" and relation.target == "r-analyst"
    assert graph.map.relations["r-analyst"].answers == {"consistency": f"objection {new}"}
    assert "consistency" not in [q.id for _, _, q in open_questions(graph.map)]
    graph.apply(edit.inverse())
    assert new not in graph.map.claims and graph.map.relations["r-analyst"].answers == {}


def test_premise_question_becomes_an_objection_to_a_single_premise(graph: MapGraph):
    graph.apply(set_scheme(graph, "r-analyst", "expert-opinion"))
    edit = question_to_objection(graph, "r-analyst", "asserted", "The quote is taken out of context.")
    graph.apply(edit)
    assert edit.select == "quote-taken-out-context"
    (_, relation) = graph.parents(edit.select)[0]
    assert relation.target == "analyst"
    assert graph.map.claims[edit.select].text == "The quote is taken out of context."


def test_premise_question_with_linked_premises_undercuts(graph: MapGraph):
    graph.apply(set_scheme(graph, "r-economy", "cause-to-effect"))
    edit = question_to_objection(graph, "r-economy", "cause-present")
    graph.apply(edit)
    (_, relation) = graph.parents(edit.select)[0]
    assert relation.target == "r-economy"


def test_relation_of_accepts_a_claim_with_one_relation(graph: MapGraph):
    assert relation_of(graph, "analyst") == "r-analyst"
    assert relation_of(graph, "r-economy") == "r-economy"
    with pytest.raises(OperationError, match="premise of no relation"):
        relation_of(graph, "thesis")
    with pytest.raises(OperationError, match="no relation or claim"):
        relation_of(graph, "nothing")
