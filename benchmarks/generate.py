"""Deterministic generated maps of any size, shaped like real ones, for the benchmarks.

A map of ``size`` claims grows the way real debates do: most claims hang a few
levels below the thesis, some claims gather hundreds of reasons (bushy), a few
runs of claims each answer the one before (chains up to 2,000 deep), some claims
bear on several others (a graph, not a tree), reasons with linked premises, and
undercuts.  Texts are sentence-like, some long, some German with umlauts; many
claims carry translations, tags and notes.  Evidence anchors quote generated
source texts written beside the map, at the right offsets, so ``check`` does its
real quote check.  Every support runs from a newer claim to an older one, so the
map has no circular support, and every claim reaches a thesis: ``argmap check``
finds nothing but hints (claims without evidence).

    python -m benchmarks.generate 10000 -o /tmp/gen      # writes /tmp/gen/gen-10000.argmap.json

The same ``size`` and ``seed`` always give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path

from argmap import rank, store
from argmap.anchor import make_anchor
from argmap.ids import slugify, unique_id
from argmap.model import (
    FORMAT_VERSION,
    Anchor,
    ArgMap,
    Claim,
    ClaimKind,
    Relation,
    RelationType,
    Source,
    Speaker,
)


def _words(text: str) -> list[str]:
    return text.split()


ENGLISH = _words("""
the government economy trade sanctions alliance partner border weapons ammunition grain oil energy market
price treaty summit minister president army navy missile satellite technology labour export import debt
budget growth inflation currency bank region neighbour security threat pressure interest influence
history memory promise agreement conflict war peace crisis reform election parliament court law
rights freedom press media public opinion survey study report expert analyst data evidence figure
cost benefit risk chance reason doubt claim argument position view decision policy strategy goal
long short rapid slow strong weak new old cheap costly open secret official formal direct indirect
supports undermines shows suggests proves weakens strengthens limits changes ignores overlooks explains
because although while since unless whereas therefore however moreover instead meanwhile nevertheless
every many few most some several no other each both either neither only even still already never
""")
GERMAN = _words("""
die der das und nicht für über unter während gegenüber trotz wegen zwischen ohne gegen
Bündnis Zusammenarbeit Wirtschaft Größe Öl Ärger Übergang Verhältnis Führung Regierung Grenze
Waffen Munition Getreide Sanktionen Verbündete Nachbarn Sicherheit Bedrohung Einfluss Geschichte
Gespräche Vertrag Gipfel Minister Präsident Streitkräfte Raketen Technologie Schulden Wachstum
natürlich möglich schwierig günstig mächtig unabhängig wirtschaftlich militärisch politisch öffentlich
zunächst später kaum häufig völlig ungewöhnlich glaubwürdig fraglich überraschend nüchtern
zeigt bedeutet schwächt stärkt begrenzt verändert übersieht erklärt fürchtet erhält liefert prüft
""")
FRENCH = _words("""
le la les des une alliance économie commerce sanctions frontière armes énergie marché prix traité
sommet ministre président armée sécurité menace intérêt influence histoire accord conflit guerre
paix crise réforme élection opinion étude rapport preuve coût bénéfice risque raison décision
fragile évident déjà très moins plus peut-être également où à ça être été
""")
TAGS = ["economy", "military", "history", "diplomacy", "sanctions", "energy", "media", "law", "überblick", "key"]
SCHEMES = {
    "expert-opinion": ["expertise", "field", "asserted"],
    "witness-testimony": ["position", "honesty"],
    "popular-opinion": ["group", "reasons"],
    "analogy": ["differences", "base-case"],
}
BASIS_KINDS = [kind for kind in ClaimKind if kind.is_basis]


@dataclass
class Shape:
    """How a generated map is put together: probabilities per new claim and per relation."""

    theses_per: int = 25_000
    """One more thesis per this many claims (real maps have one; very large ones a few)."""
    chains: float = 4.0
    """Expected number of deep chains (each claim answering the one before) in a map of any size."""
    chain_length: tuple[int, int] | None = None
    """Claims per chain; by default from 1/200 to 1/50 of the map (500 to 2,000 at 100k claims)."""
    max_depth: int = 12
    """Claims attached near the newest ones stop going deeper here: real arguments are wide, not deep."""
    hub_chance: float = 0.01
    to_hub: float = 0.25
    to_any: float = 0.30
    recent_window: int = 60
    undercut: float = 0.04
    co_premise: float = 0.07
    attack: float = 0.3
    shared: float = 0.03
    """Extra relations from an existing claim, as a fraction of the claims: the map becomes a graph."""
    long_text: float = 0.04
    german_text: float = 0.08
    implicit: float = 0.12
    evidence: float = 0.6
    second_anchor: float = 0.15
    translation_de: float = 0.3
    translation_fr: float = 0.05
    tags: float = 0.15
    note: float = 0.05
    base_score: float = 0.05
    basis_kind: float = 0.15
    scheme: float = 0.05
    weight: float = 0.05
    claims_per_source: int = 10_000
    filler_per_quote: float = 0.5
    """Chance of one more sentence of unquoted text before each quote: about half of a source is quoted."""


@dataclass
class _Draft:
    """A relation being built: premises may still grow (linked premises)."""

    type: RelationType
    premises: list[str]
    target: str
    scheme: str | None = None
    answers: dict[str, str] = field(default_factory=dict)
    weight: float | None = None


class _Writer:
    """Random sentences and texts from a seeded generator."""

    def __init__(self, rng: random.Random, shape: Shape) -> None:
        self.rng = rng
        self.shape = shape

    def sentence(self, words: list[str], low: int, high: int) -> str:
        rng = self.rng
        picked = [rng.choice(words) for _ in range(rng.randint(low, high))]
        if rng.random() < 0.15:
            picked.insert(rng.randrange(len(picked)), str(rng.randint(2, 2024)))
        if rng.random() < 0.05:
            at = rng.randrange(len(picked))
            picked[at] = f"„{picked[at]}“" if words is GERMAN else f'"{picked[at]}"'
        text = " ".join(picked)
        return text[0].upper() + text[1:] + rng.choice(".....!?")

    def english(self) -> str:
        if self.rng.random() < self.shape.long_text:
            return " ".join(self.sentence(ENGLISH, 8, 30) for _ in range(self.rng.randint(4, 12)))
        return self.sentence(ENGLISH, 6, 28)


def generate(size: int, seed: int = 1, shape: Shape | None = None) -> tuple[ArgMap, dict[str, str]]:
    """A map of ``size`` claims and the texts of its sources, by source path."""
    if size < 1:
        raise ValueError("a map needs at least one claim")
    shape = shape or Shape()
    rng = random.Random(f"argmap-benchmark-{size}-{seed}")
    write = _Writer(rng, shape)
    theses = max(1, size // shape.theses_per)
    order: list[str] = []
    texts: dict[str, str] = {}
    taken: set[str] = set()
    drafts: dict[str, _Draft] = {}
    draft_ids: list[str] = []
    hubs: list[str] = []
    depth: dict[str, int] = {}
    chain_left = 0
    chain_start = shape.chains / size
    chain_length = shape.chain_length or (max(5, size // 200), max(20, size // 50))

    def new_claim(text: str) -> str:
        ident = unique_id(slugify(text), taken)
        taken.add(ident)
        order.append(ident)
        texts[ident] = text
        return ident

    def new_relation(draft: _Draft) -> None:
        ident = unique_id(f"r-{draft.premises[0]}", taken)
        taken.add(ident)
        drafts[ident] = draft
        draft_ids.append(ident)

    for _ in range(theses):
        depth[new_claim(write.sentence(ENGLISH, 8, 16))] = 0
    while len(order) < size:
        text = write.sentence(GERMAN, 6, 24) if rng.random() < shape.german_text else write.english()
        roll = rng.random()
        chained = bool(chain_left) or roll < chain_start
        if chain_left:
            chain_left -= 1
            target = order[-1]
        elif chained:
            chain_left = rng.randint(*chain_length)
            target = order[-1]
        elif hubs and roll < shape.to_hub:
            target = rng.choice(hubs)
        elif roll < shape.to_hub + shape.to_any:
            target = rng.choice(order)
        else:
            target = order[-rng.randint(1, min(shape.recent_window, len(order)))]
            if depth[target] >= shape.max_depth:
                target = rng.choice(order)
        kind_roll = rng.random()
        claim_id = new_claim(text)
        depth[claim_id] = depth[target] + 1
        if rng.random() < shape.hub_chance:
            hubs.append(claim_id)
        if chained:
            kind_roll = 1.0
        if draft_ids and kind_roll < shape.co_premise:
            linked = drafts[draft_ids[-rng.randint(1, min(20, len(draft_ids)))]]
            if len(linked.premises) < 3:
                linked.premises.append(claim_id)
                depth[claim_id] = depth[linked.premises[0]]
                continue
        if draft_ids and kind_roll < shape.co_premise + shape.undercut:
            undercut = rng.choice(draft_ids)
            new_relation(_Draft(RelationType.ATTACK, [claim_id], undercut))
            depth[claim_id] = depth[drafts[undercut].premises[0]] + 1
            continue
        kind = RelationType.ATTACK if rng.random() < shape.attack else RelationType.SUPPORT
        draft = _Draft(kind, [claim_id], target)
        if rng.random() < shape.scheme:
            draft.scheme = rng.choice(sorted(SCHEMES))
            answered = SCHEMES[draft.scheme][: rng.randint(0, 2)]
            draft.answers = {question: write.sentence(ENGLISH, 4, 12) for question in answered}
        if rng.random() < shape.weight:
            draft.weight = round(rng.random(), 2)
        new_relation(draft)

    position = {ident: n for n, ident in enumerate(order)}
    single = {(d.premises[0], d.target) for d in drafts.values() if len(d.premises) == 1}
    for _ in range(int(size * shape.shared)):
        if len(order) <= theses:
            break
        premise_at = rng.randrange(theses, len(order))
        target = order[rng.randrange(0, premise_at)]
        if (order[premise_at], target) in single:
            continue
        single.add((order[premise_at], target))
        kind = RelationType.ATTACK if rng.random() < shape.attack else RelationType.SUPPORT
        new_relation(_Draft(kind, [order[premise_at]], target))
    assert all(position[p] > position.get(d.target, -1) for d in drafts.values() for p in d.premises)

    sources, source_texts, evidence = _sources_and_anchors(rng, write, order[theses:], shape)
    claims = {
        ident: _claim(rng, write, texts[ident], n < theses, evidence.get(ident, ()), shape)
        for n, ident in enumerate(order)
    }
    relations = _relations(drafts)
    argmap = ArgMap(
        argmap=FORMAT_VERSION,
        title=f"Generated map of {size} claims",
        language="en",
        description=f"Generated by benchmarks/generate.py (seed {seed}): realistic shapes for measuring argmap.",
        sources=sources,
        speakers={"moderator": Speaker(name="Die Moderatorin", role="moderator"), "guest": Speaker(name="Jörg Müller")},
        claims=claims,
        relations=relations,
    )
    return argmap, source_texts


def _sources_and_anchors(
    rng: random.Random, write: _Writer, claim_ids: list[str], shape: Shape
) -> tuple[dict[str, Source], dict[str, str], dict[str, tuple[Anchor, ...]]]:
    """Source texts made of quoted sentences and filler, and each quoting claim's anchors into them."""
    count = 1 + len(claim_ids) // shape.claims_per_source
    pieces: list[list[str]] = [[] for _ in range(count)]
    lengths = [0] * count
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for ident in claim_ids:
        if rng.random() >= shape.evidence:
            continue
        for _ in range(2 if rng.random() < shape.second_anchor else 1):
            which = rng.randrange(count)
            while rng.random() < shape.filler_per_quote:
                filler = write.sentence(GERMAN, 5, 30) + (" " if rng.random() < 0.9 else "\n\n")
                pieces[which].append(filler)
                lengths[which] += len(filler)
            quote = write.sentence(GERMAN, 4, 25)
            spans.setdefault(ident, []).append((which, lengths[which], lengths[which] + len(quote)))
            pieces[which].append(quote + " ")
            lengths[which] += len(quote) + 1
    source_ids = [f"text-{n + 1}" for n in range(count)]
    joined = ["".join(parts) + "\n" for parts in pieces]
    sources = {
        source_ids[n]: Source(
            title=f"Generated source text {n + 1}",
            author="Benchmark-Generator für Größenmessungen",
            date="2024-02",
            language="de",
            path=f"sources/{source_ids[n]}.de.txt",
            sha256=hashlib.sha256(joined[n].encode()).hexdigest(),
        )
        for n in range(count)
    }
    evidence = {
        ident: tuple(
            make_anchor(
                source_ids[which],
                joined[which],
                start,
                end,
                speaker=rng.choice(["moderator", "guest"]) if rng.random() < 0.05 else None,
            )
            for which, start, end in found
        )
        for ident, found in spans.items()
    }
    texts = {sources[source_id].path: text for source_id, text in zip(source_ids, joined, strict=True)}
    return sources, texts, evidence


def _claim(
    rng: random.Random, write: _Writer, text: str, thesis: bool, evidence: tuple[Anchor, ...], shape: Shape
) -> Claim:
    translations = {}
    if rng.random() < shape.translation_de:
        translations["de"] = write.sentence(GERMAN, 6, 24)
    if rng.random() < shape.translation_fr:
        translations["fr"] = write.sentence(FRENCH, 6, 24)
    if thesis:
        kind = ClaimKind.THESIS
    else:
        kind = rng.choice(BASIS_KINDS) if rng.random() < shape.basis_kind else ClaimKind.CLAIM
    return Claim(
        kind=kind,
        text=text,
        implicit=not thesis and not evidence and rng.random() < shape.implicit / (1 - shape.evidence),
        tags=tuple(sorted(rng.sample(TAGS, rng.randint(1, 3)))) if rng.random() < shape.tags else (),
        translations=translations,
        evidence=evidence,
        base_score=round(rng.random(), 2) if rng.random() < shape.base_score else None,
        note=write.sentence(ENGLISH, 5, 20) if rng.random() < shape.note else "",
    )


def _relations(drafts: dict[str, _Draft]) -> dict[str, Relation]:
    """The relations with sibling ranks spread evenly, as a reorder would leave them."""
    siblings: dict[str, list[str]] = {}
    for ident, draft in drafts.items():
        siblings.setdefault(draft.target, []).append(ident)
    ranks: dict[str, str] = {}
    for children in siblings.values():
        ranks.update(zip(children, [rank.FIRST] if len(children) == 1 else rank.spread(len(children)), strict=True))
    return {
        ident: Relation(
            type=draft.type,
            premises=tuple(draft.premises),
            target=draft.target,
            rank=ranks[ident],
            scheme=draft.scheme,
            answers=draft.answers,
            weight=draft.weight,
        )
        for ident, draft in drafts.items()
    }


def fingerprint() -> str:
    """Changes whenever this generator does, so cached maps are made again."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def write_map(size: int, directory: Path, seed: int = 1, name: str | None = None) -> Path:
    """Generate a map and write it with its source texts into ``directory``; returns the map's path."""
    argmap, texts = generate(size, seed)
    directory.mkdir(parents=True, exist_ok=True)
    for relative, text in texts.items():
        (directory / relative).parent.mkdir(parents=True, exist_ok=True)
        (directory / relative).write_bytes(text.encode())
    path = directory / (name or f"gen-{size}.argmap.json")
    store.save(argmap, path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int, help="how many claims")
    parser.add_argument("-o", "--output", type=Path, default=Path("."), help="the folder to write into")
    parser.add_argument("--seed", type=int, default=1, help="another seed gives another map of the same shape")
    args = parser.parse_args(argv)
    print(write_map(args.size, args.output, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
