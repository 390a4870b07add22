"""The seed map: the argument of the shipped Russia–North Korea article, anchored to its exact words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap import anchor, sources, store
from argmap.check import check_map
from argmap.graph import MapGraph
from argmap.model import ArgMap, ClaimKind, RelationType

MAPS = Path(__file__).resolve().parent.parent / "maps"
SEED = MAPS / "partnership-of-convenience.argmap.json"
SHARED_SEED = MAPS.parent.parent / "shared" / "seeds" / "russia-north-korea-2024-02.de.txt"


@pytest.fixture(scope="module")
def seed() -> ArgMap:
    return store.load(SEED)


@pytest.fixture(scope="module")
def article(seed: ArgMap) -> str:
    text, _ = sources.read_source_text(SEED, "article", seed.sources["article"])
    return text


def direct_claims(seed: ArgMap, target: str) -> set[str]:
    """The premises of every reason and objection of ``target``."""
    return {premise for _, relation in MapGraph(seed).children(target) for premise in relation.premises}


def test_the_seed_map_is_stored_canonically() -> None:
    assert store.dumps(store.load(SEED)) == SEED.read_bytes()


def test_the_thesis_and_its_shape(seed: ArgMap) -> None:
    assert seed.theses() == ["thesis"]
    assert seed.claims["thesis"].text == (
        "Russia's rapprochement with North Korea is a partnership of convenience, not an alliance."
    )
    assert seed.language == "en"
    assert len(seed.claims) >= 25
    kinds = {relation.type for _, relation in MapGraph(seed).children("thesis")}
    assert kinds == {RelationType.SUPPORT, RelationType.ATTACK}


def test_the_source_is_the_shipped_article_unchanged(seed: ArgMap) -> None:
    source = seed.sources["article"]
    assert (source.language, source.date, source.path) == ("de", "2024-02", "sources/russia-north-korea-2024-02.de.txt")
    text, sha256 = sources.read_source_text(SEED, "article", source)
    assert sha256 == source.sha256
    assert text.startswith(" date 2024-02 Rund 100 russische Staatsbürger")


def test_the_shipped_article_is_byte_identical_to_the_seed() -> None:
    if not SHARED_SEED.is_file():
        pytest.skip(f"the shared seed text is not beside the repository ({SHARED_SEED})")
    assert (MAPS / "sources" / "russia-north-korea-2024-02.de.txt").read_bytes() == SHARED_SEED.read_bytes()


def test_every_claim_but_the_thesis_is_anchored_to_its_exact_quote(seed: ArgMap, article: str) -> None:
    unanchored = [
        cid for cid, claim in seed.claims.items() if claim.kind is not ClaimKind.THESIS and not claim.evidence
    ]
    assert unanchored == []
    for cid, claim in seed.claims.items():
        for evidence in claim.evidence:
            assert evidence.source == "article", cid
            assert anchor.matches(evidence, article), f"{cid}: {evidence.quote[:40]!r} not at {evidence.start}"
            assert article[evidence.start - len(evidence.prefix) : evidence.start] == evidence.prefix, cid
            assert article[evidence.end : evidence.end + len(evidence.suffix)] == evidence.suffix, cid


def test_the_thesis_and_its_direct_reasons_and_objections_have_german_text(seed: ArgMap) -> None:
    direct = direct_claims(seed, "thesis") | {"thesis"}
    assert len(direct) >= 8
    missing = sorted(cid for cid in direct if not seed.claims[cid].translations.get("de"))
    assert missing == []
    untranslated = sorted(cid for cid, claim in seed.claims.items() if "de" not in claim.translations)
    assert untranslated == []


def test_it_uses_linked_premises_and_undercuts(seed: ArgMap) -> None:
    linked = [rid for rid, relation in seed.relations.items() if len(relation.premises) > 1]
    undercuts = [
        rid
        for rid, relation in seed.relations.items()
        if relation.type is RelationType.ATTACK and relation.target in seed.relations
    ]
    assert len(linked) >= 2
    assert len(undercuts) >= 1
    assert seed.relations["r-sanctions-rule-out-friendly-terms"].premises == (
        "sanctions-rule-out-friendly-terms",
        "no-sure-return",
    )
    assert seed.relations["r-contacts-understandable"].target == "r-intensified-contacts"


def test_the_article_reasons_and_counterpoints_are_all_there(seed: ArgMap) -> None:
    direct = direct_claims(seed, "thesis")
    assert {"keep-un-seat", "no-economic-complementarity", "no-exclusive-arms-supplier", "short-term-fix"} <= direct
    assert {"intensified-contacts", "recognised-donetsk-luhansk", "military-tech-need", "friendship-treaty-1961"} <= (
        direct
    )
    assert "labour-complementarity" in direct_claims(seed, "no-economic-complementarity")
    assert "russia-needs-arms" in direct_claims(seed, "no-exclusive-arms-supplier")
    assert seed.claims["trade-figures"].kind is ClaimKind.STATISTIC


def test_the_seed_map_checks_clean(seed: ArgMap) -> None:
    findings = check_map(seed, SEED)
    assert [f for f in findings if f.severity != "hint"] == []


def test_argmap_check_exits_0_on_the_seed_map() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(SEED)], capture_output=True, text=True, cwd=MAPS.parent
    )
    assert done.returncode == 0, done.stdout + done.stderr
