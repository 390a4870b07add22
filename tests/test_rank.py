"""Fractional ranks: there is always room between two siblings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap import rank

ranks = st.text(alphabet=rank.DIGITS, min_size=1, max_size=6).filter(lambda r: not r.endswith("0"))


@given(ranks, ranks)
def test_between_two_ranks(a: str, b: str) -> None:
    if a == b:
        return
    lo, hi = sorted((a, b))
    middle = rank.between(lo, hi)
    assert lo < middle < hi
    assert not middle.endswith("0")


@given(ranks)
def test_before_and_after(r: str) -> None:
    assert rank.between(None, r) < r < rank.between(r, None)


def test_repeated_insertion_at_the_front_keeps_working() -> None:
    first = rank.FIRST
    for _ in range(200):
        new = rank.between(None, first)
        assert new < first
        first = new


@given(st.integers(1, 5000))
def test_spread_is_increasing(count: int) -> None:
    values = rank.spread(count)
    assert len(values) == count
    assert values == sorted(values) and len(set(values)) == count
