"""Quotes are marked as their own language writes them (argmap show --quotes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from argmap.quotes import quoted

SEED = Path(__file__).resolve().parent.parent / "maps" / "partnership-of-convenience.argmap.json"


def test_marks_follow_the_language() -> None:
    assert quoted("weil", "de") == "„weil“" and quoted("because", "en") == "“because”"
    assert quoted("parce que", "fr-CA") == "« parce que »" and quoted("x", None) == "“x”"


def test_show_quotes_the_german_article_in_german_marks() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "argmap", "show", str(SEED), "--quotes"], capture_output=True, text=True, check=True
    ).stdout
    quote_lines = [line.strip() for line in shown.splitlines() if "(article " in line]
    assert quote_lines and all(line.startswith("„") for line in quote_lines)
