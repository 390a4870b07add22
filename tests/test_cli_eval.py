"""``argmap eval``, ``schemes``, ``scheme`` and ``answer`` as a user runs them: real files, a real process."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from argmap import ops, store
from argmap.graph import MapGraph
from tests import in_process

ROOT = Path(__file__).resolve().parent.parent


def argmap(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment["PYTHONPATH"] = str(ROOT)
    environment.update(env or {})
    return in_process.run(*args, stdin=stdin, env=environment, cwd=ROOT, text=False)


@pytest.fixture
def map_path(tmp_path: Path) -> Path:
    """A thesis with a reason, an objection and a rebuttal of the objection."""
    graph = MapGraph(ops.new_map("Uniforms should be required.", thesis_id="thesis"))
    graph.apply(ops.add_reason(graph, "thesis", "Uniforms reduce bullying.", claim_id="bullying"))
    graph.apply(ops.add_objection(graph, "thesis", "Uniforms cost families money.", claim_id="cost"))
    graph.apply(ops.add_objection(graph, "cost", "Schools can subsidise them.", claim_id="subsidy"))
    graph.apply(ops.set_base_score(graph, "bullying", 0.8))
    path = tmp_path / "uniforms.argmap.json"
    store.save(graph.map, path)
    return path


def test_eval_text_lists_every_claim_and_the_verdict(map_path: Path):
    done = argmap("eval", str(map_path))
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    # cost is OUT (rebutted by subsidy): σ(cost) = 0.5 − 0.5 × 0.5 = 0.25;
    # σ(thesis) = c(0.5, va = 0.25, vs = 0.8) = 0.5 + 0.5 × 0.55 = 0.775
    assert "semantics: DF-QuAD strength from 0 to 1: a claim holds above 0.50 and falls below\n" in out
    assert "  verdict: holds (DF-QuAD strength 0.78)\n" in out
    assert "note:" not in out  # the grounded labels agree: the thesis is IN
    # by default only what bears on the thesis itself: the rebuttal of the objection is one level further down
    assert re.search(r"^  0\.80 +\+ reason  Uniforms reduce bullying\.  \[bullying\]$", out, re.M)
    assert re.search(r"^  0\.25 +− objection  Uniforms cost families money\.  \[cost\]$", out, re.M)
    assert "subsidy" not in out and "4 claims in all; argmap eval --all lists every one" in out
    every = argmap("eval", str(map_path), "--all").stdout.decode()
    assert re.search(r"^0\.50 +− rebuttal  Schools can subsidise them\.  \[subsidy\]$", every, re.M)
    assert "\x1b[" not in out + every
    assert done.stderr == b""


def test_eval_says_plainly_when_labels_and_strength_disagree(map_path: Path):
    graph = MapGraph(store.load(map_path))
    graph.apply(ops.delete_claim(graph, "subsidy"))  # the objection now stands unanswered
    store.save(graph.map, map_path)
    gradual = argmap("eval", str(map_path)).stdout.decode()
    # σ(cost) = 0.5, σ(thesis) = 0.5 + 0.5 × (0.8 − 0.5) = 0.65; grounded: cost is IN, so the thesis is OUT
    assert "  verdict: holds (DF-QuAD strength 0.65)\n" in gradual
    assert "  note: the grounded labels say it falls (OUT): there, an objection that stands defeats a claim" in gradual
    labels = argmap("eval", str(map_path), "--semantics", "grounded").stdout.decode()
    assert "  verdict: falls (grounded labels OUT)\n" in labels
    assert "  note: the DF-QuAD strength says it holds (0.65)" in labels
    assert re.search(r"^  IN +− objection  Uniforms cost families money\.  \[cost\]$", labels, re.M)
    assert "0.65" not in labels.replace("(0.65)", "")  # no strengths beside the labels


def test_eval_text_shows_a_linked_reason_as_one_argument(uniforms_path: Path):
    # the undercut 'markers' (IN) defeats the linked reason bullying & clothing: its header row is OUT,
    # its premises stay IN; inference 1 − 0.5 = 0.5 × min(0.5, 0.5) passes 0.25
    out = argmap("eval", str(uniforms_path), "--semantics", "grounded", "--all").stdout.decode()
    assert re.search(r"^OUT +\+ linked reason  \(these premises work only together\)$", out, re.M)
    assert re.search(r"^IN +& co-premise  Uniforms reduce bullying\.  \[bullying\]$", out, re.M)
    assert re.search(r"^IN +⊘ undercut  Bullying moves to other markers\.  \[markers\]$", out, re.M)
    strengths = argmap("eval", str(uniforms_path), "--all").stdout.decode()
    assert re.search(r"^0\.25 +\+ linked reason  \(these premises work only together\)$", strengths, re.M)


def test_eval_json_is_stable(map_path: Path):
    first = argmap("eval", str(map_path), "--format", "json")
    second = argmap("eval", str(map_path), "--format", "json")
    assert first.returncode == 0 and first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["semantics"] == "dfquad" and data["converged"] is True
    assert data["theses"] == [
        {
            "id": "thesis",
            "verdict": "holds",
            "label": "IN",
            "strength": 0.775,
            "second_opinion": {"semantics": "grounded", "verdict": "holds"},
        }
    ]
    assert data["claims"]["cost"] == {"label": "OUT", "strength": 0.25}
    assert list(data["claims"]) == sorted(data["claims"])
    assert data["warnings"] == []


def test_eval_semantics_choices(map_path: Path):
    preferred = argmap("eval", str(map_path), "--semantics", "preferred", "--all")
    assert preferred.returncode == 0
    assert "1 preferred extension: it accepts exactly the claims labelled IN" in preferred.stdout.decode()
    euler = json.loads(argmap("eval", str(map_path), "--semantics", "euler", "--format", "json").stdout)
    # Euler: σ(cost) = 1 − 0.75 / (1 + 0.5·e^−0.5) = 0.424522; E(thesis) = 0.8 − 0.424522 = 0.375478,
    # e^E = 1.455686; σ(thesis) = 1 − 0.75 / (1 + 0.727843) = 1 − 0.434067 = 0.565933
    assert euler["claims"]["thesis"]["strength"] == pytest.approx(0.565933, abs=1e-6)


def test_eval_reads_stdin(map_path: Path):
    done = argmap("eval", "-", "--format", "json", stdin=map_path.read_bytes())
    assert done.returncode == 0 and json.loads(done.stdout)["claims"]["bullying"]["strength"] == 0.8


COLOUR = re.compile(rb"\x1b\[[0-9;]*3[0-7]m")


def test_colour_only_without_no_color(map_path: Path):
    assert COLOUR.search(argmap("eval", str(map_path), env={"FORCE_COLOR": "1"}).stdout)
    assert not COLOUR.search(argmap("eval", str(map_path), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout)


def test_eval_lists_what_each_extension_adds(tmp_path: Path):
    graph = MapGraph(ops.new_map("A.", thesis_id="thesis"))
    graph.apply(ops.add_reason(graph, "thesis", "C.", claim_id="c"))
    graph.apply(ops.add_objection(graph, "thesis", "B.", claim_id="b"))
    graph.apply(ops.link_claim(graph, "thesis", "b", ops.RelationType.ATTACK))
    path = tmp_path / "standoff.argmap.json"
    store.save(graph.map, path)
    out = argmap("eval", str(path), "--semantics", "stable", "--all").stdout.decode()
    assert "2 stable extensions; each accepts the claims labelled IN, and besides:\n  1. b\n  2. thesis\n" in out
    assert re.search(r"^IN +\+ reason  C\.  \[c\]$", out, re.M)
    assert "  verdict: undecided (stable labels UNDEC)" in out


def test_non_convergence_shows_in_the_output(tmp_path: Path):
    graph = MapGraph(ops.new_map("A.", thesis_id="thesis"))
    graph.apply(ops.add_objection(graph, "thesis", "B.", claim_id="b"))
    graph.apply(ops.link_claim(graph, "thesis", "b", ops.RelationType.ATTACK))
    graph.apply(ops.set_base_score(graph, "thesis", 1.0))
    graph.apply(ops.set_base_score(graph, "b", 1.0))
    path = tmp_path / "cycle.argmap.json"
    store.save(graph.map, path)
    done = argmap("eval", str(path))
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "  verdict: undecided (DF-QuAD strength" in out
    assert "warning: dfquad strengths did not converge" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"{", "malformed JSON"), (b"", "empty"), (b'{"argmap": 1, "claims": 3}', "claims")],
)
def test_unreadable_map_is_one_line_and_exit_2(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.argmap.json"
    path.write_bytes(content)
    done = argmap("eval", str(path))
    assert done.returncode == 2
    assert done.stdout == b""
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1 and message in lines[0], lines


@pytest.mark.parametrize("semantics", ["dfquad", "grounded", "preferred"])
def test_an_id_that_is_both_a_claim_and_a_relation_is_one_line_and_exit_2(tmp_path: Path, semantics: str):
    """The evaluation numbers claims and relations in one namespace: a shared id used to end in an IndexError."""
    data = {
        "argmap": 1,
        "claims": {"t": {"kind": "thesis", "text": "T."}, "x": {"text": "X."}, "y": {"text": "Y."}},
        "relations": {
            "x": {"type": "attack", "premises": ["y"], "target": "t"},
            "r-x": {"type": "attack", "premises": ["x"], "target": "t"},
        },
    }
    path = tmp_path / "shared.argmap.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    done = argmap("eval", str(path), "--semantics", semantics)
    assert done.returncode == 2 and done.stdout == b""
    lines = done.stderr.decode().splitlines()
    assert lines == [
        f"argmap: {path}: 'x' is both a claim and a relation (rename one: claims and relations share one"
        " namespace; argmap check lists every such id)"
    ], lines


def test_missing_map_exit_2(tmp_path: Path):
    done = argmap("eval", str(tmp_path / "nothing.argmap.json"))
    assert done.returncode == 2 and len(done.stderr.decode().splitlines()) == 1


def test_schemes_listing_and_detail():
    listing = argmap("schemes")
    assert listing.returncode == 0
    assert listing.stdout.decode().count("\n") >= 10
    detail = argmap("schemes", "expert-opinion")
    assert "field [inference]" in detail.stdout.decode()
    data = json.loads(argmap("schemes", "--format", "json").stdout)
    assert {"id", "name", "description", "questions"} <= set(data[0])
    unknown = argmap("schemes", "astrology")
    assert unknown.returncode == 2 and b"unknown scheme" in unknown.stderr


def test_scheme_answer_and_objection_round_trip(map_path: Path):
    assert argmap("scheme", str(map_path), "bullying", "cause-to-effect").returncode == 0
    assert store.load(map_path).relations["r-bullying"].scheme == "cause-to-effect"
    shown = argmap("scheme", str(map_path), "r-bullying").stdout.decode()
    assert shown.count("open") == 3
    done = argmap("answer", str(map_path), "r-bullying", "causal-link", "Several school studies report it.")
    assert done.returncode == 0, done.stderr
    assert store.load(map_path).relations["r-bullying"].answers == {"causal-link": "Several school studies report it."}
    done = argmap("answer", str(map_path), "r-bullying", "interference", "--objection", "Bullying moves online.")
    assert done.returncode == 0, done.stderr
    after = store.load(map_path)
    assert after.claims["bullying-moves-online"].text == "Bullying moves online."
    assert after.relations["r-bullying-moves-online"].target == "r-bullying"
    assert after.relations["r-bullying"].answers["interference"] == "objection bullying-moves-online"
    # the undercut halves the reason: inference 0.5, passes 0.4; σ(thesis) = 0.5 + 0.5 × (0.4 − 0.25) = 0.575
    data = json.loads(argmap("eval", str(map_path), "--format", "json").stdout)
    assert data["claims"]["thesis"]["strength"] == pytest.approx(0.575)
    refused = argmap("answer", str(map_path), "r-bullying", "nonsense", "x")
    assert refused.returncode == 2 and b"no critical question" in refused.stderr
    assert argmap("scheme", str(map_path), "r-bullying", "--clear").returncode == 0
    assert store.load(map_path).relations["r-bullying"].scheme is None


def test_score_sets_base_scores_and_weights(map_path: Path):
    assert argmap("score", str(map_path), "subsidy", "0.2").returncode == 0
    assert argmap("score", str(map_path), "r-bullying", "0.5").returncode == 0
    saved = store.load(map_path)
    assert saved.claims["subsidy"].base_score == 0.2 and saved.relations["r-bullying"].weight == 0.5
    # σ(cost) = 0.5 − 0.5 × 0.2 = 0.4; r-bullying passes 0.5 × 0.8 = 0.4; σ(thesis) = 0.5 (0.4 against 0.4)
    data = json.loads(argmap("eval", str(map_path), "--format", "json").stdout)
    assert data["claims"]["cost"]["strength"] == pytest.approx(0.4)
    assert data["theses"][0] == {
        "id": "thesis",
        "verdict": "undecided",
        "label": "IN",
        "strength": 0.5,
        "second_opinion": {"semantics": "grounded", "verdict": "holds"},
    }
    assert argmap("score", str(map_path), "subsidy", "--clear").returncode == 0
    assert store.load(map_path).claims["subsidy"].base_score is None
    for bad in (["subsidy", "1.5"], ["subsidy"], ["nobody", "0.3"]):
        done = argmap("score", str(map_path), *bad)
        assert done.returncode == 2 and done.stderr
