"""Sibling order as fractional ranks, so that moving one claim changes one line.

A rank is a string over ``0-9A-Za-z`` compared as plain strings (ASCII order).
Between any two distinct ranks there is always another, so an item can be put
anywhere among its siblings by giving it a new rank and touching nothing else.
"""

from __future__ import annotations

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_VALUE = {ch: i for i, ch in enumerate(DIGITS)}
FIRST = "m"
"""The rank given to the first child of a claim."""


def between(lo: str | None, hi: str | None) -> str:
    """A rank strictly after ``lo`` and strictly before ``hi`` (``None`` is open)."""
    if lo is not None and hi is not None and not lo < hi:
        raise ValueError(f"no rank between {lo!r} and {hi!r}: they are not in order")
    low = lo or ""
    out: list[str] = []
    i = 0
    while True:
        a = _VALUE[low[i]] if i < len(low) else 0
        b = _VALUE[hi[i]] if hi is not None and i < len(hi) else len(DIGITS)
        if b - a > 1:
            out.append(DIGITS[(a + b) // 2])
            return "".join(out)
        out.append(DIGITS[a])
        if b - a == 1:
            hi = None
        i += 1


def spread(count: int) -> list[str]:
    """``count`` evenly spaced, increasing ranks: used to renumber tied siblings."""
    ranks: list[str] = []
    width = 1
    while len(DIGITS) ** width <= count + 1:
        width += 1
    step = len(DIGITS) ** width // (count + 1)
    for n in range(1, count + 1):
        value = n * step
        digits = []
        for _ in range(width):
            value, rest = divmod(value, len(DIGITS))
            digits.append(DIGITS[rest])
        ranks.append("".join(reversed(digits)).rstrip("0") or DIGITS[1])
    return ranks
