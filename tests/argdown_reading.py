"""What the Argdown CLI makes of a file, normalised so that two files meaning the same compare equal.

Positions, colours and member order differ legitimately between a file and argmap's
export of it, and so do the titles Argdown invents (``Untitled 3``): a statement
without a title of its own is named by its texts, an argument without one by its
description and conclusion.  Everything else is compared: statement titles, texts
(every text of an equivalence class) and tags; argument titles, descriptions, tags
and premise–conclusion structures (steps, intermediate conclusions, inference
rules, ``uses``); relations with their types and the kinds of both ends.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from argmap.formats.argdown import untag

UNTITLED = re.compile(r"Untitled \d+")


def titles(data: dict[str, Any]) -> set[str]:
    """The titles a file gave its statements and arguments itself (not Argdown's ``Untitled 3``)."""
    given = {*(data.get("statements") or {}), *(data.get("arguments") or {})}
    return {title for title in given if not UNTITLED.fullmatch(title)}


def reading(data: dict[str, Any], original_titles: set[str] | None = None) -> dict[str, Any]:
    """The normalised reading of one ``argdown json`` output.

    ``original_titles``, for the reading of a round trip, are the original's own
    titles: any other title was invented on the way and counts as no title.
    """
    statements = data.get("statements") or {}
    arguments = data.get("arguments") or {}
    known = titles(data) if original_titles is None else original_titles

    def texts(members: list[dict[str, Any]]) -> frozenset[str]:
        return frozenset(t for t in (untag(m.get("text") or "") for m in members) if t)

    def statement_key(title: str) -> str:
        if title not in known and title in statements:
            return "~" + " | ".join(sorted(texts(statements[title].get("members") or [])))
        return title

    def pcs(argument: dict[str, Any]) -> tuple[tuple[Any, ...], ...]:
        steps = []
        for item in argument.get("pcs") or []:
            inference = item.get("inference")
            rules = tuple(inference.get("inferenceRules") or []) if inference else ()
            uses = (inference.get("data") or {}).get("uses") if inference else None
            steps.append((statement_key(item["title"]), inference is not None, rules, tuple(uses or ())))
        return tuple(steps)

    def argument_key(title: str) -> str:
        if title not in known and title in arguments:
            argument = arguments[title]
            return f"~{sorted(texts(argument.get('members') or []))} {pcs(argument)}"
        return title

    def end(kind: str, title: str) -> str:
        return statement_key(title) if kind == "equivalence-class" else argument_key(title)

    return {
        "statements": Counter(
            (statement_key(title), texts(ec.get("members") or []), frozenset(ec.get("tags") or []))
            for title, ec in statements.items()
        ),
        "arguments": Counter(
            (argument_key(title), texts(a.get("members") or []), frozenset(a.get("tags") or []), pcs(a))
            for title, a in arguments.items()
        ),
        "relations": Counter(
            (r["relationType"], r["fromType"], end(r["fromType"], r["from"]), r["toType"], end(r["toType"], r["to"]))
            for r in data.get("relations") or []
        ),
    }


def differences(original: dict[str, Any], round_trip: dict[str, Any]) -> dict[str, list[Any]]:
    """Per part (statements, arguments, relations), what one reading has and the other has not."""
    found: dict[str, list[Any]] = {}
    for part in ("statements", "arguments", "relations"):
        lost, gained = original[part] - round_trip[part], round_trip[part] - original[part]
        if lost or gained:
            found[part] = [*(("only in the original", *item) for item in lost.elements())]
            found[part] += [("only in the round trip", *item) for item in gained.elements()]
    return found


def argdown_json(cli: str, folder: Path, texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Run the real ``argdown json`` once over several texts (by file stem); its JSON for each."""
    for stem, text in texts.items():
        (folder / f"{stem}.argdown").write_text(text, encoding="utf-8")
    out = folder / "json"
    run = subprocess.run(
        [cli, "json", str(folder / "*.argdown"), str(out)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return {stem: json.loads((out / f"{stem}.json").read_text(encoding="utf-8")) for stem in texts}
