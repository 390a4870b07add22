"""The seed map: the argument of the shipped Russia–North Korea article, anchored to its exact words."""

from __future__ import annotations

import re
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
    assert seed.relations["r-labour-no-go-2"].target == "r-labour-complementarity"


def test_the_article_reasons_and_counterpoints_are_all_there(seed: ArgMap) -> None:
    direct = direct_claims(seed, "thesis")
    assert {"keep-un-seat", "not-a-reliable-partner", "no-exclusive-arms-supplier", "use-north-korea"} <= direct
    assert {"intensified-contacts", "within-limits", "friendship-treaty-1961"} <= direct
    assert "labour-complementarity" in direct_claims(seed, "labour-limits")
    assert "russia-needs-arms" in direct_claims(seed, "no-exclusive-arms-supplier")
    assert seed.claims["trade-figures"].kind is ClaimKind.STATISTIC


def test_the_economic_block_hangs_under_the_articles_own_head_claim(seed: ArgMap) -> None:
    """¶6: Russia does not regard North Korea as a reliable partner; complementarity is one reason of several."""
    assert seed.relations["r-not-a-reliable-partner"].premises == (
        "not-a-reliable-partner",
        "alliance-needs-real-cooperation",
    )
    assert seed.relations["r-not-a-reliable-partner"].target == "thesis"
    head = [relation.premises for _, relation in MapGraph(seed).children("not-a-reliable-partner")]
    assert head[0] == ("no-economic-complementarity",), "vor allem: the complementarity comes first"
    assert {p for premises in head for p in premises} == {
        "no-economic-complementarity",
        "north-korea-sanctioned",
        "payment-problems",
        "no-mutual-investment",
        "logistics-hinders-trade",
        "trade-fell",
        "north-korea-not-ready",
        "labour-limits",
    }
    complementarity = seed.claims["no-economic-complementarity"].text
    assert complementarity == "Above all, the two economies barely complement each other."


def test_concessions_are_granted_objections_not_answers(seed: ArgMap) -> None:
    """¶13 and ¶11: the article grants a point against itself; the map draws it as an objection it does not refute."""
    concessions = sorted(cid for cid, claim in seed.claims.items() if "concession" in claim.tags)
    assert concessions == ["labour-complementarity", "within-limits"]
    within = seed.relations["r-within-limits"]
    assert (within.type, within.premises, within.target) == (RelationType.ATTACK, ("within-limits",), "thesis")
    assert seed.relations["r-russia-needs-allies"].target == "within-limits"
    assert seed.relations["r-russia-needs-allies"].type is RelationType.SUPPORT
    assert direct_claims(seed, "within-limits") == {
        "russia-needs-allies",
        "recognised-donetsk-luhansk",
        "border-security",
        "military-tech-need",
    }
    attackers_of_concessions = [
        rid
        for rid, relation in seed.relations.items()
        if relation.type is RelationType.ATTACK and relation.target in concessions
    ]
    assert attackers_of_concessions == []
    assert seed.relations["r-arms-need-means-little"].target == "r-military-tech-need"


def test_the_restatement_is_the_thesis_and_the_outlook_a_note(seed: ArgMap) -> None:
    assert "short-term-fix" not in seed.claims and "long-term-weighing" not in seed.claims
    quotes = [evidence.quote for evidence in seed.claims["thesis"].evidence]
    assert any(quote.startswith("Sie ist eine kurzfristige potenzielle Lösung") for quote in quotes)
    outlook = "Langfristig wird Moskau seine Optionen sorgfältiger abwägen."
    assert outlook in seed.claims["thesis"].note
    anchored = [e.quote for claim in seed.claims.values() for e in claim.evidence]
    assert not any("Langfristig" in quote for quote in anchored)


def test_perhaps_the_most_important_reason_is_marked(seed: ArgMap) -> None:
    """¶16: by its quote, its place first among the thesis's reasons, and the only full weight among them."""
    assert seed.claims["keep-un-seat"].evidence[0].quote.startswith("Der vielleicht wichtigste Grund ist jedoch")
    reasons = [(rid, r) for rid, r in MapGraph(seed).children("thesis") if r.type is RelationType.SUPPORT]
    assert reasons[0][0] == "r-keep-un-seat"
    assert reasons[0][1].weight is None
    assert all(r.weight is not None and r.weight < 1 for _, r in reasons[1:])


def test_paraphrases_keep_the_hedges_of_their_quotes(seed: ArgMap) -> None:
    text = {cid: claim.text for cid, claim in seed.claims.items()}
    assert "prefers" in text["stable-regions-only"]
    assert "too much" in text["no-alienating-unsc"]
    assert "apparently" in text["grain-talks-stalled"]
    assert "markedly" not in text["intensified-contacts"]
    assert "resumed" in text["one-rail-crossing"] and "reopened" not in text["one-rail-crossing"]
    assert "renewal of North Korea's power lines" in text["stalled-projects"]
    assert "largely" in text["stalled-projects"]
    for cid in ("contacts-understandable", "relations-deteriorated", "within-limits"):
        assert "alliance" not in text[cid], f"{cid}: an inferential tail its quote does not have"
    quotes = " ".join(e.quote for e in seed.claims["labour-complementarity"].evidence)
    assert "Nordkorea angesichts seiner wirtschaftlichen und beschäftigungspolitischen Probleme" in quotes


def test_german_wording_of_the_claims_the_reader_corrected(seed: ArgMap) -> None:
    german = {cid: claim.translations["de"] for cid, claim in seed.claims.items()}
    assert "unter aktuellem Druck" in german["pressing-motives"]
    assert "nicht zu sehr" in german["no-alienating-unsc"]
    assert "an seiner Peripherie" in german["russia-needs-arms"]
    assert "Erneuerung nordkoreanischer Stromleitungen" in german["stalled-projects"]
    assert "erholte sich" in german["great-power-ambition"]
    assert "lieber" in german["stable-regions-only"]
    assert "wieder aufgenommen" in german["one-rail-crossing"]
    assert "Grundlage" not in german["no-economic-complementarity"]


def test_the_reading_notes_name_every_claim_and_only_claims_of_the_map(seed: ArgMap, article: str) -> None:
    """docs/seed-map.md walks the article paragraph by paragraph; it must stay in step with the map."""
    reading = (MAPS.parent / "docs" / "seed-map.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z0-9][a-z0-9-]*)`", reading))
    ids = set(seed.claims) | set(seed.relations)
    assert set(seed.claims) - named == set()
    assert {name for name in named if "-" in name} - ids - {"seed-map", "left-out"} == set()
    left_out = re.findall(r"^\| ¶(\d+) \| „([^“]+)…“ \| left out: ", reading, flags=re.MULTILINE)
    passages = [passage.quote for passage in seed.sources["article"].left_out]
    assert len(left_out) == len(passages) == 7
    for _, first_words in left_out:
        assert article.count(first_words) >= 1, first_words
        assert any(quote.startswith(first_words) for quote in passages), f"{first_words!r} is not left out in the map"


def test_the_shipped_coverage_report_is_current() -> None:
    """maps/ ships the seed map's ``argmap coverage --open`` report: every sentence anchored or left out on purpose."""
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "coverage", str(SEED), "--open"], capture_output=True, text=True, cwd=MAPS
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (MAPS / "partnership-of-convenience.coverage.txt").read_text(encoding="utf-8")
    assert "100 % covered" in done.stdout and "0 open" in done.stdout


def test_the_seed_map_checks_clean(seed: ArgMap) -> None:
    findings = check_map(seed, SEED)
    assert [f for f in findings if f.severity != "hint"] == []


def test_argmap_check_exits_0_on_the_seed_map() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(SEED)], capture_output=True, text=True, cwd=MAPS.parent
    )
    assert done.returncode == 0, done.stdout + done.stderr
