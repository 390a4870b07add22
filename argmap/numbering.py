"""One number per claim, the same in ``argmap show --numbers`` and in every rendered page.

Numbers follow the outline (:func:`argmap.outline.outline`): roots 1, 2…;
what bears on claim 1 is 1.1, 1.2…; the premises of a linked reason 1.3 are
1.3a, 1.3b; an undercut of the step from 1.2 to its conclusion counts among
1.2's own answers (1.2.1…).  A claim reached a second time keeps its first
number and takes none of its own, so the numbers have no gaps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from argmap.graph import MapGraph
from argmap.outline import Role, Row, outline

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def letter(index: int) -> str:
    """a…z, then aa, ab… (a linked reason with more than 26 premises is rare but legal)."""
    word = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, len(LETTERS))
        word = LETTERS[rest] + word
    return word


@dataclass
class _Place:
    """A numbered row that later rows may hang under, and how many of them it has numbered."""

    number: str
    children: int = 0
    premises: int = 0


def numbered_rows(rows: Iterable[Row]) -> Iterator[tuple[Row, str]]:
    """Each outline row with its number; a repeated claim's row carries its first number."""
    numbers: dict[str, str] = {}
    roots = 0
    path: list[_Place] = []  # path[d]: the last numbered row at depth d
    for row in rows:
        depth = row.depth
        del path[depth:]
        if depth == 0:
            roots += 1
            number = str(roots)
        elif row.repeated and row.claim_id is not None:
            yield row, numbers.get(row.claim_id, "")
            continue
        else:
            # Below a repeated claim (undercuts of its step) the path is shorter: count at its level.
            parent = path[min(depth, len(path)) - 1]
            if row.role is Role.PREMISE:
                number = parent.number + letter(parent.premises)
                parent.premises += 1
            else:
                parent.children += 1
                number = f"{parent.number}.{parent.children}"
        if row.claim_id is not None and row.claim is not None:
            numbers.setdefault(row.claim_id, number)
        path.append(_Place(number))
        yield row, number


def claim_numbers(graph: MapGraph) -> dict[str, str]:
    """Claim id → its number, for the whole map (a focused or paged drawing keeps these)."""
    numbers: dict[str, str] = {}
    for row, number in numbered_rows(outline(graph)):
        if row.claim_id is not None and row.claim is not None and not row.repeated:
            numbers.setdefault(row.claim_id, number)
    return numbers
