"""Quotation marks as the quoted text's language writes them: „…“ in German, “…” in English, « … » in French."""

from __future__ import annotations

QUOTE_MARKS: dict[str, tuple[str, str]] = {
    "de": ("„", "“"),
    "en": ("“", "”"),
    "fr": ("« ", " »"),
    "it": ("«", "»"),
    "es": ("«", "»"),
    "ru": ("«", "»"),
    "nl": ("“", "”"),
    "pl": ("„", "”"),
    "cs": ("„", "“"),
    "sv": ("”", "”"),
    "da": ("»", "«"),
    "ja": ("「", "」"),
    "zh": ("“", "”"),
}
"""Opening and closing marks by language (the part of a tag like ``de-AT`` before the hyphen)."""


def quoted(text: str, language: str | None) -> str:
    """``text`` between the quotation marks of ``language``; English marks when it is unknown."""
    base = (language or "").split("-")[0].split("_")[0].lower()
    opening, closing = QUOTE_MARKS.get(base, QUOTE_MARKS["en"])
    return f"{opening}{text}{closing}"
