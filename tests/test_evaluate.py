"""Evaluation: hand-computed strengths, classic frameworks for the extensions, and monotonicity properties."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.evaluate as evaluation
from argmap import ops, store
from argmap.errors import ArgmapError
from argmap.evaluate import (
    Framework,
    dfquad,
    dfquad_aggregate,
    dfquad_combine,
    euler,
    evaluate,
    extensions,
    framework,
    grounded,
    strengths,
)
from argmap.graph import MapGraph
from argmap.model import ArgMap, Claim, ClaimKind, Conflict, Relation, RelationType

SEED_MAP = Path(__file__).resolve().parent.parent / "maps" / "partnership-of-convenience.argmap.json"


def build(claims: dict[str, float | None], relations: dict[str, tuple[str, list[str], str] | tuple]) -> ArgMap:
    """A map from ``{claim: base score}`` and ``{relation: (type, premises, target[, weight])}``; 't' is the thesis."""
    return ArgMap(
        argmap=1,
        claims={
            cid: Claim(kind=ClaimKind.THESIS if cid == "t" else ClaimKind.CLAIM, text=f"claim {cid}", base_score=score)
            for cid, score in claims.items()
        },
        relations={
            rid: Relation(
                type=RelationType(spec[0]),
                premises=tuple(spec[1]),
                target=spec[2],
                weight=spec[3] if len(spec) > 3 else None,
            )
            for rid, spec in relations.items()
        },
    )


def labels(argmap: ArgMap, semantics: str = "grounded") -> dict[str, str]:
    return {cid: s.label for cid, s in evaluate(argmap, semantics).claims.items()}


def strength(argmap: ArgMap, claim: str, semantics: str = "dfquad") -> float:
    return evaluate(argmap, semantics).claims[claim].strength


# Formulas, by hand --------------------------------------------------------------------------


def test_dfquad_aggregation():
    # F(∅) = 0;  F(0.5, 0.5) = 1 − (0.5 × 0.5) = 0.75;  F(0.2, 0.5) = 1 − 0.8 × 0.5 = 0.6;  any 1 gives 1.
    assert dfquad_aggregate([]) == 0.0
    assert dfquad_aggregate([0.5, 0.5]) == pytest.approx(0.75)
    assert dfquad_aggregate([0.2, 0.5]) == pytest.approx(0.6)
    assert dfquad_aggregate([0.3, 1.0]) == pytest.approx(1.0)


def test_dfquad_combination():
    # attack wins: τ − τ·(va − vs) = 0.5 − 0.5 × (0.75 − 0.5) = 0.375
    assert dfquad_combine(0.5, 0.75, 0.5) == pytest.approx(0.375)
    # support wins: τ + (1 − τ)·(vs − va) = 0.4 + 0.6 × (0.6 − 0.2) = 0.64
    assert dfquad_combine(0.4, 0.2, 0.6) == pytest.approx(0.64)
    # a tie leaves the base
    assert dfquad_combine(0.7, 0.3, 0.3) == pytest.approx(0.7)
    # both together: attackers 0.5, 0.5 → 0.75; supporter 0.6 → 0.6; 0.5 − 0.5 × 0.15 = 0.425
    assert dfquad(0.5, [0.5, 0.5], [0.6]) == pytest.approx(0.425)


def test_euler():
    # no arguments: E = 0, 1 − (1 − 0.25) / (1 + 0.5) = 1 − 0.75 / 1.5 = 0.5: the base
    assert euler(0.5, [], []) == pytest.approx(0.5)
    # one supporter of 0.5: E = 0.5, e^0.5 = 1.648721; 1 − 0.75 / (1 + 0.824361) = 1 − 0.411102 = 0.588898
    assert euler(0.5, [], [0.5]) == pytest.approx(0.588898, abs=1e-6)
    # one attacker of 0.5: E = −0.5, e^−0.5 = 0.606531; 1 − 0.75 / (1 + 0.303265) = 1 − 0.575478 = 0.424522
    assert euler(0.5, [0.5], []) == pytest.approx(0.424522, abs=1e-6)
    # base 1 cannot move, base 0 neither
    assert euler(1.0, [1.0, 1.0], []) == 1.0
    assert euler(0.0, [], [1.0]) == 0.0
    # a huge sum does not overflow
    assert euler(0.5, [], [1.0] * 2000) == pytest.approx(1.0)


def test_reason_and_objection_on_a_map():
    # t (0.5) gets a reason a (0.8) and an objection b (0.5): va = 0.5, vs = 0.8, σ = 0.5 + 0.5 × 0.3 = 0.65
    argmap = build({"t": None, "a": 0.8, "b": None}, {"ra": ("support", ["a"], "t"), "rb": ("attack", ["b"], "t")})
    assert strength(argmap, "t") == pytest.approx(0.65)
    # Euler: E = 0.8 − 0.5 = 0.3, e^0.3 = 1.349859; 1 − 0.75 / (1 + 0.674929) = 1 − 0.447780 = 0.552220
    assert strength(argmap, "t", "euler") == pytest.approx(0.552220, abs=1e-6)
    result = evaluate(argmap)
    assert result.theses[0].verdict == "holds"
    assert labels(argmap) == {"t": "OUT", "a": "IN", "b": "IN"}
    assert result.badges() == {"t": "OUT 0.65", "a": "IN 0.80", "b": "IN 0.50"}


def test_linked_premises_count_as_their_weakest():
    # a (0.8) and b (0.6) support t only together: the reason passes min(0.8, 0.6) = 0.6; σ = 0.5 + 0.5 × 0.6 = 0.8
    argmap = build({"t": None, "a": 0.8, "b": 0.6}, {"r": ("support", ["a", "b"], "t")})
    assert strength(argmap, "t") == pytest.approx(0.8)


def test_weight_scales_what_a_relation_passes_on():
    # weight 0.5 × premise 0.8 = 0.4; σ = 0.5 + 0.5 × 0.4 = 0.7
    argmap = build({"t": None, "a": 0.8}, {"r": ("support", ["a"], "t", 0.5)})
    assert strength(argmap, "t") == pytest.approx(0.7)
    # weight 0 switches the relation off: the base stays
    argmap = build({"t": None, "a": 0.8}, {"r": ("support", ["a"], "t", 0.0)})
    assert strength(argmap, "t") == pytest.approx(0.5)


def test_undercut_weakens_the_inference_not_the_claim():
    # a (0.8) supports t through r; u (0.5) undercuts r.
    # inference(r) = 1 − 1 × 0.5 = 0.5; r passes 0.5 × 0.8 = 0.4; σ(t) = 0.5 + 0.5 × 0.4 = 0.7 (0.9 without u)
    argmap = build({"t": None, "a": 0.8, "u": None}, {"r": ("support", ["a"], "t"), "ru": ("attack", ["u"], "r")})
    result = evaluate(argmap)
    assert result.claims["t"].strength == pytest.approx(0.7)
    assert result.claims["a"].strength == pytest.approx(0.8)
    assert result.relations["r"].strength == pytest.approx(0.4)
    # labels: the undercut defeats the inference, while the premise and the thesis stay IN
    assert result.relations["r"].label == "OUT"
    assert result.claims["a"].label == "IN"
    assert result.claims["t"].label == "IN"


def test_backing_raises_the_inference():
    # r (weight 0.5) from a (0.8) to t, backed by b (0.5): inference = 0.5 + 0.5 × 0.5 = 0.75;
    # r passes 0.75 × 0.8 = 0.6; σ(t) = 0.5 + 0.5 × 0.6 = 0.8
    argmap = build({"t": None, "a": 0.8, "b": None}, {"r": ("support", ["a"], "t", 0.5), "rb": ("support", ["b"], "r")})
    result = evaluate(argmap)
    assert result.relations["r"].inference == pytest.approx(0.75)
    assert result.claims["t"].strength == pytest.approx(0.8)


def test_gradual_verdicts():
    # alone: 0.5, undecided; one objection of 0.5: 0.25, falls; one reason of 0.5: 0.75, holds
    assert evaluate(build({"t": None}, {})).theses[0].verdict == "undecided"
    attacked = build({"t": None, "a": None}, {"r": ("attack", ["a"], "t")})
    assert evaluate(attacked).theses[0].verdict == "falls"
    assert evaluate(attacked, "grounded").theses[0].verdict == "falls"
    supported = build({"t": None, "a": None}, {"r": ("support", ["a"], "t")})
    assert evaluate(supported).theses[0].verdict == "holds"
    # grounded ignores support: the thesis is IN, and IN holds
    assert evaluate(build({"t": None}, {}), "grounded").theses[0].verdict == "holds"


def test_undercut_of_an_attack_saves_the_target():
    # b attacks t; u undercuts that attack: the attack relation is OUT, so t is IN although b is IN
    argmap = build({"t": None, "b": None, "u": None}, {"rb": ("attack", ["b"], "t"), "ru": ("attack", ["u"], "rb")})
    assert labels(argmap) == {"t": "IN", "b": "IN", "u": "IN"}
    # strengths: inference(rb) = 0.5, rb passes 0.25; σ(t) = 0.5 − 0.5 × 0.25 = 0.375
    assert strength(argmap, "t") == pytest.approx(0.375)


def test_rebuttal_is_an_attack_on_an_attacker():
    # a attacks t, b attacks a: b IN, a OUT, t IN.  σ(a) = 0.5 − 0.25 = 0.25; σ(t) = 0.5 − 0.5 × 0.25 = 0.375
    argmap = build({"t": None, "a": None, "b": None}, {"ra": ("attack", ["a"], "t"), "rb": ("attack", ["b"], "a")})
    assert labels(argmap) == {"t": "IN", "a": "OUT", "b": "IN"}
    assert strength(argmap, "a") == pytest.approx(0.25)
    assert strength(argmap, "t") == pytest.approx(0.375)


def test_a_linked_attack_needs_all_its_premises():
    # p1 and p2 attack t together; q defeats p2, so the linked attack falls and t stands
    argmap = build(
        {"t": None, "p1": None, "p2": None, "q": None},
        {"r": ("attack", ["p1", "p2"], "t"), "rq": ("attack", ["q"], "p2")},
    )
    assert labels(argmap) == {"t": "IN", "p1": "IN", "p2": "OUT", "q": "IN"}
    # without q the linked attack stands and t is OUT
    argmap = build({"t": None, "p1": None, "p2": None}, {"r": ("attack", ["p1", "p2"], "t")})
    assert labels(argmap)["t"] == "OUT"


def test_supports_do_not_change_labels():
    argmap = build({"t": None, "a": None, "b": None}, {"ra": ("support", ["a"], "t"), "rb": ("attack", ["b"], "a")})
    assert labels(argmap) == {"t": "IN", "a": "OUT", "b": "IN"}


# Classic frameworks -------------------------------------------------------------------------


def test_chain():
    # c attacks b attacks a: c IN, b OUT, a IN; one preferred and one stable extension {a, c}
    argmap = build({"a": None, "b": None, "c": None}, {"rb": ("attack", ["b"], "a"), "rc": ("attack", ["c"], "b")})
    assert labels(argmap) == {"a": "IN", "b": "OUT", "c": "IN"}
    for semantics in ("preferred", "stable"):
        result = evaluate(argmap, semantics)
        assert result.extensions == (frozenset({"a", "c"}),)
        assert {c: s.label for c, s in result.claims.items()} == {"a": "IN", "b": "OUT", "c": "IN"}


def test_odd_cycle_is_undecided():
    argmap = build(
        {"a": None, "b": None, "c": None},
        {"ra": ("attack", ["a"], "b"), "rb": ("attack", ["b"], "c"), "rc": ("attack", ["c"], "a")},
    )
    assert set(labels(argmap).values()) == {"UNDEC"}
    preferred = evaluate(argmap, "preferred")
    assert preferred.extensions == (frozenset(),)
    assert set(s.label for s in preferred.claims.values()) == {"UNDEC"}
    stable = evaluate(argmap, "stable")
    assert stable.extensions == ()
    assert any("no stable extension" in w for w in stable.warnings)
    # DF-QuAD settles on the symmetric fixpoint σ = 0.5 − 0.5σ, so σ = 1/3
    assert strength(argmap, "a") == pytest.approx(1 / 3, abs=1e-5)


def test_even_cycle():
    argmap = build({"t": None, "b": None}, {"rt": ("attack", ["t"], "b"), "rb": ("attack", ["b"], "t")})
    assert labels(argmap) == {"t": "UNDEC", "b": "UNDEC"}
    for semantics in ("preferred", "stable"):
        result = evaluate(argmap, semantics)
        assert result.extensions == (frozenset({"b"}), frozenset({"t"}))
        assert result.claims["t"].label == "UNDEC"
        assert result.theses[0].verdict == "undecided"
        assert not result.warnings


def test_self_attack():
    argmap = build({"a": None, "b": None}, {"ra": ("attack", ["a"], "a"), "rb": ("attack", ["a"], "b")})
    assert labels(argmap) == {"a": "UNDEC", "b": "UNDEC"}
    assert evaluate(argmap, "preferred").extensions == (frozenset(),)
    assert evaluate(argmap, "stable").extensions == ()


def test_grounded_is_inside_every_preferred_extension():
    # a 2-cycle b⇄c plus an unattacked d attacking c: grounded IN {d, b}; one preferred {b, d}
    argmap = build(
        {"b": None, "c": None, "d": None},
        {"rb": ("attack", ["b"], "c"), "rc": ("attack", ["c"], "b"), "rd": ("attack", ["d"], "c")},
    )
    assert labels(argmap) == {"b": "IN", "c": "OUT", "d": "IN"}
    assert evaluate(argmap, "preferred").extensions == (frozenset({"b", "d"}),)


def test_extension_search_has_a_budget():
    # 14 independent 2-cycles: 3^14 complete labellings, far beyond the budget
    claims = {f"{side}{i}": None for i in range(14) for side in "xy"}
    relations = {}
    for i in range(14):
        relations[f"rx{i}"] = ("attack", [f"x{i}"], f"y{i}")
        relations[f"ry{i}"] = ("attack", [f"y{i}"], f"x{i}")
    argmap = build(claims, relations)
    fw = framework(argmap)
    with pytest.raises(ArgmapError, match="exponential"):
        extensions(fw, "preferred", grounded(fw))


# Cycles and convergence ---------------------------------------------------------------------


def test_non_convergence_is_reported():
    # two claims of base 1 attacking each other: the rounds go 1,1 → 0,0 → 1,1 … and never settle
    argmap = build({"t": 1.0, "b": 1.0}, {"rt": ("attack", ["t"], "b"), "rb": ("attack", ["b"], "t")})
    result = evaluate(argmap)
    assert result.converged is False
    assert any("did not converge" in w for w in result.warnings)
    assert result.theses[0].verdict == "undecided"
    weighed = strengths(argmap)
    assert set(weighed.unsettled) == {"t", "b", "rt", "rb"}


def test_euler_cycle_converges_and_says_so():
    # Euler on the same 2-cycle with base 0.5: σ = 1 − 0.75 / (1 + 0.5·e^(−σ)), fixpoint 0.433575 (found by bisection)
    argmap = build({"t": None, "b": None}, {"rt": ("attack", ["t"], "b"), "rb": ("attack", ["b"], "t")})
    result = evaluate(argmap, "euler")
    assert result.converged
    sigma = result.claims["t"].strength
    assert sigma == pytest.approx(1 - 0.75 / (1 + 0.5 * math.exp(-sigma)), abs=1e-5)
    assert sigma == pytest.approx(0.433575, abs=1e-5)


def test_dangling_relation_is_left_out_with_a_warning():
    argmap = build({"t": None}, {"r": ("support", ["ghost"], "t")})
    result = evaluate(argmap)
    assert result.claims["t"].strength == 0.5
    assert any("'r'" in w for w in result.warnings)


def test_unresolved_merge_conflicts_are_mentioned():
    argmap = build({"t": None}, {})
    argmap.conflicts["claims.t.text"] = Conflict(table="claims", id="t", field="text", ours="A", theirs="B")
    assert any("1 unresolved merge conflict" in w for w in evaluate(argmap).warnings)


def test_unknown_semantics_is_refused():
    with pytest.raises(ArgmapError, match="unknown semantics"):
        evaluate(build({"t": None}, {}), "magic")  # type: ignore[arg-type]


# Properties ---------------------------------------------------------------------------------

scores = st.one_of(st.none(), st.floats(0.0, 1.0))


@st.composite
def acyclic_maps(draw: st.DrawFn) -> ArgMap:
    """Random DAG maps: claim i only bears on claims (or relations) made before it; linked premises, undercuts."""
    size = draw(st.integers(1, 7))
    claims = {f"c{i}": draw(scores) for i in range(size)}
    relations: dict[str, tuple] = {}
    for i in range(1, size):
        for _ in range(draw(st.integers(1, 2))):
            targets = [f"c{j}" for j in range(i)] + [r for r in relations if int(r.split("-")[1]) < i]
            target = draw(st.sampled_from(targets))
            extra = draw(st.sets(st.integers(0, size - 1).filter(lambda j, i=i: j > i), max_size=1))
            premises = [f"c{i}", *(f"c{j}" for j in extra)]
            kind = draw(st.sampled_from(["support", "attack"]))
            weight = draw(st.one_of(st.none(), st.floats(0.0, 1.0)))
            relations[f"r-{max(int(p[1:]) for p in premises)}-{len(relations)}"] = (kind, premises, target, weight)
    return build(claims, relations)


@settings(max_examples=150, deadline=None)
@given(acyclic_maps(), st.data(), scores, st.sampled_from(["support", "attack"]))
def test_adding_a_supporter_never_lowers_and_an_attacker_never_raises(argmap, data, score, kind):
    claim = data.draw(st.sampled_from(sorted(argmap.claims)))
    before = strengths(argmap).values[claim]
    grown = argmap.model_copy(deep=True)
    grown.claims["new"] = Claim(text="new", base_score=score)
    grown.relations["r-new"] = Relation(type=RelationType(kind), premises=("new",), target=claim)
    after = strengths(grown).values[claim]
    if kind == "support":
        assert after >= before - 1e-12
    else:
        assert after <= before + 1e-12


@settings(max_examples=100, deadline=None)
@given(acyclic_maps())
def test_acyclic_maps_settle_in_one_pass_with_strengths_in_range(argmap):
    for method in ("dfquad", "euler"):
        weighed = strengths(argmap, method)
        assert weighed.converged and weighed.rounds == 0
        assert all(0.0 <= v <= 1.0 for v in weighed.values.values())


# The seed map -------------------------------------------------------------------------------


@pytest.mark.skipif(not SEED_MAP.exists(), reason="the seed map is not in this checkout yet")
@pytest.mark.parametrize("semantics", ["grounded", "preferred", "stable", "dfquad", "euler"])
def test_seed_map_evaluates_without_warnings(semantics):
    argmap = store.load(SEED_MAP)
    result = evaluate(argmap, semantics)
    assert result.warnings == ()
    assert result.converged
    assert set(result.claims) == set(argmap.claims)
    assert [v.thesis for v in result.theses] == ["thesis"]


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    names = [f"a{i}" for i in range(draw(st.integers(1, 7)))]
    pairs = draw(st.sets(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=14))
    return Framework(tuple(names), {n: frozenset(b for b, a in pairs if a == n) for n in names})


def brute_force(fw: Framework) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    """Preferred and stable extensions straight from Dung's definitions, by trying every subset."""
    args = fw.arguments
    subsets = [frozenset(a for i, a in enumerate(args) if mask >> i & 1) for mask in range(1 << len(args))]

    def attacks(s: frozenset[str], a: str) -> bool:
        return bool(fw.attackers[a] & s)

    conflict_free = [s for s in subsets if not any(attacks(s, a) for a in s)]
    admissible = [s for s in conflict_free if all(attacks(s, b) for a in s for b in fw.attackers[a])]
    preferred = {s for s in admissible if not any(s < t for t in admissible)}
    stable = {s for s in conflict_free if all(attacks(s, a) for a in args if a not in s)}
    return preferred, stable


@settings(max_examples=300, deadline=None)
@given(frameworks())
def test_extensions_agree_with_the_definitions(fw: Framework):
    preferred, stable = brute_force(fw)
    ins = lambda labellings: {frozenset(a for a, v in lab.items() if v == "IN") for lab in labellings}  # noqa: E731
    assert ins(extensions(fw, "preferred")) == preferred
    assert ins(extensions(fw, "stable")) == stable
    # the grounded extension is the intersection of all complete ones, so it lies inside every preferred one
    ground = {a for a, v in grounded(fw).items() if v == "IN"}
    assert all(ground <= s for s in preferred)


def test_search_step_budget(monkeypatch: pytest.MonkeyPatch):
    # five independent 2-cycles need a few hundred steps; with a budget of 10 the search must stop and say why
    claims = {f"{side}{i}": None for i in range(5) for side in "xy"}
    relations = {
        f"r{side}{i}": ("attack", [f"{side}{i}"], f"{'y' if side == 'x' else 'x'}{i}")
        for i in range(5)
        for side in "xy"
    }
    fw = framework(build(claims, relations))
    assert len(extensions(fw, "stable")) == 32
    monkeypatch.setattr(evaluation, "SEARCH_BUDGET", 10)
    with pytest.raises(ArgmapError, match="gave up after 10 steps"):
        extensions(fw, "stable")


@pytest.mark.skipif(not SEED_MAP.exists(), reason="the seed map is not in this checkout yet")
def test_seed_map_numbers_quoted_in_docs_evaluation():
    """docs/evaluation.md works these numbers through by hand; when the seed map changes, update the page."""
    argmap = store.load(SEED_MAP)
    result = evaluate(argmap)
    assert (len(argmap.claims), len(argmap.relations)) == (60, 61)
    labels = [s.label for s in result.claims.values()]
    assert (labels.count("IN"), labels.count("OUT"), labels.count("UNDEC")) == (59, 1, 0)
    # the label and the number disagree: the granted concession defeats the thesis, the strengths outweigh it
    assert (result.theses[0].verdict, result.claims["thesis"].label) == ("holds", "OUT")
    assert result.claims["thesis"].strength == pytest.approx(0.542, abs=5e-4)
    assert [evaluate(argmap, s).theses[0].verdict for s in ("grounded", "preferred", "stable")] == ["falls"] * 3
    assert result.relations["r-within-limits"].label == "IN"
    assert round(result.claims["within-limits"].strength, 2) == 0.88
    assert result.relations["r-military-tech-need"].strength == pytest.approx(0.0625 * 0.9375)
    assert result.claims["labour-no-go"].strength == pytest.approx(0.75)
    assert result.claims["labour-complementarity"].strength == pytest.approx(0.75)
    assert result.relations["r-labour-complementarity"].strength == pytest.approx(0.1875)
    assert result.relations["r-labour-complementarity"].label == "OUT"
    assert result.claims["labour-limits"].strength == pytest.approx(0.78125)
    assert result.claims["relations-deteriorated"].strength == pytest.approx(0.96875)
    assert result.relations["r-friendship-treaty-1961"].inference == pytest.approx(0.03125)
    assert result.relations["r-friendship-treaty-1961"].strength == pytest.approx(0.015625)
    assert result.relations["r-friendship-treaty-1961"].label == "OUT"
    assert result.claims["friendship-treaty-1961"].label == "IN"
    assert result.claims["not-a-reliable-partner"].strength == pytest.approx(1.0, abs=5e-3)
    assert result.relations["r-not-a-reliable-partner"].strength == pytest.approx(0.4, abs=5e-3)
    assert round(evaluate(argmap, "euler").claims["thesis"].strength, 2) == 0.80
    # the classroom experiments: stronger premises barely move the thesis, a concession counted half does
    graph = MapGraph(argmap)  # edits the loaded map in place; nothing above reads it again
    graph.apply(ops.set_base_score(graph, "russia-needs-allies", 0.9))
    assert round(evaluate(graph.map).claims["thesis"].strength, 2) == 0.54
    graph.apply(ops.set_base_score(graph, "alliance-needs-real-cooperation", 0.9))
    assert round(evaluate(graph.map).claims["thesis"].strength, 2) == 0.54
    graph.apply(ops.set_weight(graph, "r-within-limits", 0.5))
    assert round(evaluate(graph.map).claims["thesis"].strength, 2) == 0.71


@st.composite
def any_maps(draw: st.DrawFn) -> ArgMap:
    """Maps with anything in them: cycles, self-attacks, undercut chains, dangling and self-referring relations."""
    claims = {f"c{i}": draw(scores) for i in range(draw(st.integers(1, 5)))}
    names = [*claims, "ghost"]
    relations: dict[str, tuple] = {}
    for k in range(draw(st.integers(0, 8))):
        premises = draw(st.lists(st.sampled_from(names), min_size=1, max_size=2))
        target = draw(st.sampled_from([*names, *relations, f"r{k}"]))
        kind = draw(st.sampled_from(["support", "attack"]))
        relations[f"r{k}"] = (kind, premises, target, draw(st.one_of(st.none(), st.floats(0.0, 1.0))))
    return build(claims, relations)


@settings(max_examples=120, deadline=None)
@given(any_maps(), st.sampled_from(["grounded", "preferred", "stable", "dfquad", "euler"]))
def test_any_map_evaluates_to_a_result_in_range(argmap, semantics):
    result = evaluate(argmap, semantics)
    assert set(result.claims) == set(argmap.claims)
    assert all(0.0 <= s.strength <= 1.0 for s in result.claims.values())
    assert all(s.label in ("IN", "OUT", "UNDEC") for s in result.claims.values())
    assert result.converged == (not any("did not converge" in w for w in result.warnings))
    json.dumps(result.to_json())


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_maps(), acyclic_maps()))
def test_labels_follow_the_grounded_labelling_of_the_framework(argmap):
    """The evaluation labels along the strengths' dependency order; the definition is the framework's least fixpoint."""
    expected = grounded(framework(argmap))
    result = evaluate(argmap, "grounded")
    got = {aid: standing.label for aid, standing in (*result.claims.items(), *result.relations.items())}
    assert got == expected


def test_a_circle_deeper_than_the_recursion_limit_is_searched_without_raising_it(monkeypatch: pytest.MonkeyPatch):
    """4,000 claims each objecting to the next, the last to the first: one tangle, two preferred positions."""
    size = 4_000
    assert sys.getrecursionlimit() < size
    monkeypatch.setattr(sys, "setrecursionlimit", lambda limit: pytest.fail("the search raised the recursion limit"))
    claims = {f"c{i:04}": None for i in range(size)}
    relations = {f"r{i:04}": ("attack", [f"c{i:04}"], f"c{(i + 1) % size:04}") for i in range(size)}
    result = evaluate(build(claims, relations), "preferred")
    assert result.extensions is not None and len(result.extensions) == 2
    assert {len(extension) for extension in result.extensions} == {size // 2}


def test_many_small_circles_in_a_large_map_are_solved_one_by_one():
    """A 5,000-claim chain of objections hanging under six independent standoffs: 2^6 positions, found at once."""
    claims: dict[str, float | None] = {"thesis": None}
    relations: dict[str, tuple] = {}
    for i in range(6):
        claims[f"a{i}"] = claims[f"b{i}"] = None
        relations[f"ra{i}"] = ("attack", [f"a{i}"], f"b{i}")
        relations[f"rb{i}"] = ("attack", [f"b{i}"], f"a{i}")
        relations[f"rt{i}"] = ("attack", [f"b{i}"], "thesis")
    previous = "thesis"
    for level in range(5_000):
        claims[f"c{level}"] = None
        relations[f"rc{level}"] = ("attack", [previous], f"c{level}")
        previous = f"c{level}"
    result = evaluate(build(claims, relations), "stable")
    assert result.extensions is not None and len(result.extensions) == 64
    assert result.claims["thesis"].label == "UNDEC"  # IN only in the position where every b is OUT
