"""A deterministic Kialo discussion export of any size, for opening large imported debates in the editor.

Kialo exports are plain text: one numbered line per claim, its dotted path naming its
parent, ``Pro:`` or ``Con:`` before its text, and ``-> See <path>`` where a claim is
reused.  Real debates are wide near the top and a few levels deep; so is this one.

    python -m benchmarks.kialo_debate 20000 -o /tmp/debate.txt
    argmap import /tmp/debate.txt --from kialo -o /tmp/debate.argmap.json

The same ``size`` and ``seed`` always give the same text.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from benchmarks.generate import ENGLISH

TOP_REASONS = 40
"""Pros and cons of the thesis: large Kialo debates have dozens."""
MOST_CHILDREN = 8
"""The most pros and cons one claim below the top gets."""
REUSE_EVERY = 97
"""One claim in this many is a ``-> See`` of an earlier claim instead of a new text."""


def sentence(rng: random.Random, number: int) -> str:
    """A claim text of 6 to 24 words, unique by its number."""
    words = [rng.choice(ENGLISH) for _ in range(rng.randint(6, 24))]
    return f"{' '.join(words).capitalize()} (claim {number})."


def kialo_debate(size: int, seed: int = 1) -> str:
    """A Kialo export of ``size`` claims (reused ones not counted): the thesis, its reasons, theirs, breadth first."""
    rng = random.Random(seed)
    lines = ["Discussion Title: A generated debate", "", f"1. {sentence(rng, 1)}"]
    paths = ["1."]
    open_paths = ["1."]
    count = 1
    while count < size and open_paths:
        parent = open_paths.pop(0)
        children = TOP_REASONS if parent == "1." else rng.randint(1, MOST_CHILDREN)
        for child in range(1, children + 1):
            if count >= size:
                break
            path = f"{parent}{child}."
            side = rng.choice(("Pro", "Con"))
            if child % REUSE_EVERY == 0 or (len(lines) % REUSE_EVERY == 0 and len(paths) > 2):
                earlier = rng.choice(paths[1:-1])
                if not path.startswith(earlier):
                    lines.append(f"{path} {side}: -> See {earlier.rstrip('.')}")
                    continue
            count += 1
            lines.append(f"{path} {side}: {sentence(rng, count)}")
            paths.append(path)
            open_paths.append(path)
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.kialo_debate", description=__doc__.split("\n")[0])
    parser.add_argument("size", type=int, help="how many claims")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the text file to write")
    parser.add_argument("--seed", type=int, default=1, help="another seed gives another debate of the same shape")
    arguments = parser.parse_args()
    arguments.output.write_text(kialo_debate(arguments.size, arguments.seed), encoding="utf-8")
    print(arguments.output)


if __name__ == "__main__":
    main()
