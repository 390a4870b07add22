"""Maps for the rendering tests, built with the editing operations as a user would."""

from __future__ import annotations

from argmap import ops
from argmap.anchor import find_quote
from argmap.graph import MapGraph
from argmap.model import ArgMap, ClaimKind, RelationType, Source

ARTICLE = (
    "Schließlich ist auch Nordkorea mit Sanktionen belegt, und es gibt einfach zu viele Schwierigkeiten "
    "bei der Bezahlung von Waren und Dienstleistungen, einen Mangel an potenziellen gegenseitigen "
    "Investitionen, unzureichende Logistikrouten und vor allem eine nahezu fehlende wirtschaftliche "
    "Komplementarität. So ist der bilaterale Handel trotz verbesserter Beziehungen sogar zurückgegangen. "
    "Zum einen braucht Russland Waffen – nicht nur für den Feldzug in der Ukraine."
)


def classroom_map() -> ArgMap:
    """A small map with every element of the visual vocabulary.

    Thesis; reasons and objections; a basis kind (statistic); an implicit
    premise; linked premises; an undercut of one inference; a rebuttal; a
    claim that supports two targets; evidence quotes and German translations.
    """
    argmap = ops.new_map(
        "Russia's rapprochement with North Korea is a partnership of convenience, not an alliance.",
        title="Russia and North Korea",
        thesis_id="thesis",
    )
    graph = MapGraph(argmap)

    def do(edit):
        graph.apply(edit)
        return edit.select

    graph.apply(ops.add_source(graph, "article", Source(title="Article", language="de")))
    econ = do(
        ops.add_reason(
            graph, "thesis", "The two economies have almost nothing to offer each other.", claim_id="no-complementarity"
        )
    )
    do(
        ops.add_reason(
            graph,
            econ,
            "Bilateral trade has even fallen despite the better relations.",
            kind=ClaimKind.STATISTIC,
            claim_id="trade-fell",
        )
    )
    weapons = do(
        ops.add_objection(
            graph, "thesis", "Russia needs North Korean shells for its war in Ukraine.", claim_id="needs-shells"
        )
    )
    do(
        ops.add_objection(
            graph,
            weapons,
            "Buying shells is a transaction, not a commitment to defend each other.",
            claim_id="transaction",
        )
    )
    do(
        ops.add_reason(
            graph, "thesis", "North Korea is itself under sanctions.", kind=ClaimKind.EVENT, claim_id="sanctioned"
        )
    )
    do(
        ops.add_co_premise(
            graph,
            "r-sanctioned",
            "A sanctioned partner cannot replace Europe as a buyer of Russian energy.",
            implicit=True,
            claim_id="cannot-replace-europe",
        )
    )
    do(
        ops.add_undercut(
            graph,
            "r-sanctioned",
            "Sanctions can push the sanctioned closer together.",
            claim_id="sanctions-bind",
        )
    )
    do(ops.link_claim(graph, "trade-fell", "needs-shells", RelationType.ATTACK))
    graph.apply(
        ops.set_translation(graph, "thesis", "de", "Russlands Annäherung an Nordkorea ist eine Zweckpartnerschaft.")
    )
    graph.apply(
        ops.set_translation(graph, econ, "de", "Die beiden Volkswirtschaften haben einander kaum etwa zu bieten.")
    )
    graph.apply(
        ops.attach_evidence(
            graph, econ, find_quote("article", ARTICLE, "eine nahezu fehlende wirtschaftliche Komplementarität")
        )
    )
    graph.apply(
        ops.attach_evidence(
            graph,
            "trade-fell",
            find_quote(
                "article", ARTICLE, "So ist der bilaterale Handel trotz verbesserter Beziehungen sogar zurückgegangen."
            ),
        )
    )
    graph.apply(
        ops.attach_evidence(graph, weapons, find_quote("article", ARTICLE, "Zum einen braucht Russland Waffen"))
    )
    return graph.map


HOSTILE_TEXTS = {
    "dot-syntax": 'a"]; x [label="pwn"]; "b',
    "backslashes": "ends with a backslash \\",
    "escapes": '\\N \\G \\l \\n \\" all literal',
    "html": "<b>bold?</b> <br/> <table> & &amp; &lt;",
    "script": "<script>alert(1)</script>",
    "link": "javascript:alert(document.cookie)",
    "braces": "} digraph { evil -> node }",
    "control": "bell\x07 tab\t newline\n end",
}


def hostile_map() -> ArgMap:
    """A map whose every text tries to break out of its label."""
    argmap = ops.new_map(
        'The thesis "quoted" & <i>marked</i> \\', title="</title><script>x</script>", thesis_id="thesis"
    )
    graph = MapGraph(argmap)
    for claim_id, text in HOSTILE_TEXTS.items():
        graph.apply(ops.add_reason(graph, "thesis", text, claim_id=claim_id))
    graph.apply(ops.set_translation(graph, "script", "de", '"><script>alert("de")</script>'))
    graph.apply(ops.add_source(graph, "article", Source(title="Hostile")))
    quote = find_quote("article", 'x <img src="javascript:alert(1)"> y', '<img src="javascript:alert(1)">')
    graph.apply(ops.attach_evidence(graph, "html", quote))
    return graph.map


def grown_map(claims: int, fan_out: int = 4) -> ArgMap:
    """A tree of ``claims`` claims, ``fan_out`` reasons or objections per claim (for size tests)."""
    argmap = ops.new_map("Root thesis of a generated map.", thesis_id="thesis")
    graph = MapGraph(argmap)
    frontier = ["thesis"]
    made = 1
    while made < claims:
        parent = frontier.pop(0)
        for n in range(fan_out):
            if made >= claims:
                break
            text = f"Generated claim number {made} with a few words of text."
            edit = ops.add_claim(
                graph, parent, text, RelationType.ATTACK if n % 3 == 2 else RelationType.SUPPORT, claim_id=f"c{made}"
            )
            graph.apply(edit)
            frontier.append(edit.select)
            made += 1
    return graph.map
