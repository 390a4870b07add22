"""A Kialo-shaped debate in Kialo's text export, for whole-command benchmarks.

Real Kialo debates grow at their recent edge: most new claims answer one of the
claims added just before them, so threads run deep and narrow.  Here 70 % of
claims hang under one of the last 2,000 added, the rest under any earlier
claim; pros and cons alternate at random; no claim has evidence.  This is a
shape :mod:`benchmarks.generate` does not make (its map anchors evidence and
keeps most claims a few levels below the thesis).

    python -m benchmarks.kialo_debate 100000 -o /tmp/kialo.txt
    argmap import /tmp/kialo.txt -o /tmp/kialo.argmap.json

The same ``size`` and ``seed`` always give the same text.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from benchmarks.generate import ENGLISH

RECENT = 2_000
"""How far back a claim that answers a recent one may look."""
RECENT_SHARE = 0.7
"""The share of claims that answer one of the last :data:`RECENT` claims."""


def kialo_debate(size: int, seed: int = 1) -> str:
    """The Kialo text export of a debate of ``size`` claims (the thesis included)."""
    rng = random.Random(seed)
    paths = ["1"]
    children = [0]
    lines = ["Discussion Title: Should the partnership be called an alliance?", "", "1. " + _sentence(rng)]
    for number in range(1, size):
        if rng.random() < RECENT_SHARE:
            parent = rng.randrange(max(0, number - RECENT), number)
        else:
            parent = rng.randrange(number)
        children[parent] += 1
        path = f"{paths[parent]}.{children[parent]}"
        paths.append(path)
        children.append(0)
        side = "Pro" if rng.random() < 0.55 else "Con"
        lines.append(f"{path}. {side}: {_sentence(rng)}")
    return "\n".join(lines) + "\n"


def _sentence(rng: random.Random) -> str:
    words = rng.choices(ENGLISH, k=rng.randint(6, 24))
    return " ".join(words).capitalize() + "."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.kialo_debate", description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int, help="number of claims")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the Kialo text file to write")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    args.output.write_text(kialo_debate(args.size, args.seed), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
