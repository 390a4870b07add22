"""The few words a diagram adds to the map's own text, in the languages a class may want.

``--lang de`` shows the claims' German translations; the kind labels, the
legend and the "more below" notes follow, so a German class sees no English.
A language without an entry here falls back to English.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "thesis": "thesis",
    "claim": "claim",
    "expert-opinion": "expert opinion",
    "statistic": "statistic",
    "quote": "quote",
    "event": "event",
    "publication": "publication",
    "common-knowledge": "common knowledge",
    "definition": "definition",
    "personal-experience": "personal experience",
    "implicit": "implicit",
    "more below": "… {n} more below",
    "continued": "… {n} more below, p. {page}",
    "see": "see {where}",
    "page": "p. {page}",
    "page of": "p. {page} of {pages}",
    "continued from": "continued from p. {page}",
    "part": "part {part} of {parts}",
    "Legend": "Legend",
    "Thesis": "Thesis",
    "Claim": "Claim",
    "Implicit premise": "Implicit premise",
    "Basis": "Basis (statistic, event…)",
    "supports": "supports",
    "objects to": "objects to",
    "undercuts": "undercuts: attacks the step",
    "linked": "linked premises: only together",
    "added": "added",
    "removed": "removed",
    "changed": "changed",
    "moved": "moved",
}

GERMAN: dict[str, str] = {
    "thesis": "These",
    "claim": "Aussage",
    "expert-opinion": "Expertenmeinung",
    "statistic": "Statistik",
    "quote": "Zitat",
    "event": "Ereignis",
    "publication": "Veröffentlichung",
    "common-knowledge": "Allgemeinwissen",
    "definition": "Definition",
    "personal-experience": "eigene Erfahrung",
    "implicit": "implizit",
    "more below": "… {n} weitere darunter",
    "continued": "… {n} weitere darunter, S. {page}",
    "see": "siehe {where}",
    "page": "S. {page}",
    "page of": "S. {page} von {pages}",
    "continued from": "Fortsetzung von S. {page}",
    "part": "Teil {part} von {parts}",
    "Legend": "Legende",
    "Thesis": "These",
    "Claim": "Aussage",
    "Implicit premise": "Unausgesprochene Prämisse",
    "Basis": "Beleg (Statistik, Ereignis …)",
    "supports": "stützt",
    "objects to": "spricht dagegen",
    "undercuts": "untergräbt den Schluss",
    "linked": "verbundene Prämissen: nur zusammen",
    "added": "neu",
    "removed": "entfernt",
    "changed": "geändert",
    "moved": "verschoben",
}

LANGUAGES = {"en": ENGLISH, "de": GERMAN}


def words_for(lang: str | None) -> dict[str, str]:
    """The words for ``lang`` (``de-AT`` uses ``de``), English when there are none."""
    if not lang:
        return ENGLISH
    return LANGUAGES.get(lang.lower().split("-")[0].split("_")[0], ENGLISH)
