"""Fuzz the importers in-process with mutated corpus files: every input must end in a map or one ArgmapError.

A seeded mutator (byte flips, truncations, token edits, JSON value swaps, splices of
two files) turns the files of the shared corpus (``../shared/corpus``, or
``ARGMAP_CORPUS``) into hostile inputs.  Each case is imported; a map must survive
the store's round trip (``dumps`` then ``loads``), and anything else than a map or
one :class:`~argmap.errors.ArgmapError` is a crash, reported with where it was raised.

    .venv/bin/python -m benchmarks.import_fuzz                 # 22,000 cases per importer
    .venv/bin/python -m benchmarks.import_fuzz --cases 2000 --seed 7 --only sadface,aif

The suite runs a few hundred cases (``tests/security/test_import_fuzz.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap import formats, store
from argmap.errors import ArgmapError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ARGMAP_CORPUS") or ROOT.parent / "shared" / "corpus")
IMPORTERS = ("sadface", "aif", "xaif", "argdown", "kialo")

TOKENS = (
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1.5",
    "1e999",
    "-0",
    '""',
    '" "',
    "[]",
    "{}",
    "[null]",
    '{"": null}',
    '"\\ud800"',
    '"\\udfff\\ud800"',
    '"\\u0000"',
    '"\\u001b[2J"',
    '"\\u2028"',
    '"../../x"',
    '"/etc/passwd"',
    json.dumps("w" * 260),
    json.dumps("wörter " * 40),
    "9" * 40,
    '"\\n"',
    "[" * 50,
    "}" * 5,
    ",",
    ":",
)
"""What a token edit puts in: other JSON types, hostile strings, broken punctuation."""
VALUES: tuple[object, ...] = (
    None,
    True,
    0,
    -1,
    2**70,
    1.5,
    "",
    " ",
    "\ud800",
    "x" * 260,
    "a b",
    [],
    {},
    [None],
    {"id": None},
    "support",
    "conflict",
    "atom",
    "I",
    "RA",
    "CA",
    "L",
    "YA",
    "TA",
    "MA",
    "PA",
)
"""What a JSON value swap puts in place of a value of the parsed file."""
WORDS = ("\n", "\n\n", "  ", "[A]", "<A>", "+ ", "- ", "Pro: ", "Con: ", "1.1. ", "-> See 1.", "#t", "{x: 1}", "(1)")
"""Tokens of the text formats (Argdown, Kialo) a token edit may insert."""
_JSON_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|[\[\]{}:,]')
_TEXT_TOKEN = re.compile(rb"\S+|\s+")


def seeds(importer: str) -> list[bytes]:
    """The corpus files an importer starts from (empty when the corpus is absent)."""
    if not CORPUS.is_dir():
        return []
    if importer == "sadface":
        return [p.read_bytes() for p in sorted((CORPUS / "sadface").glob("*.json"))]
    if importer in ("aif", "xaif"):
        files = [p.read_bytes() for p in sorted((CORPUS / "aif").glob("*.json"))]
        if importer == "aif":
            return files
        return [*(f for f in files if b'"AIF"' in f), *_exported("xaif")]
    if importer == "argdown":
        return [p.read_bytes() for p in sorted((CORPUS / "argdown").glob("*.argdown"))]
    return _exported("kialo")


def _exported(name: str) -> list[bytes]:
    """Corpus Argdown maps written in another format: seeds for formats the corpus has no files of."""
    out = []
    for path in sorted((CORPUS / "argdown").glob("*.argdown"))[:8]:
        try:
            argmap = formats.read("argdown", path.read_bytes(), str(path)).map
        except ArgmapError:
            continue
        out.append(formats.write(name, argmap)[0].encode())
    return out


def mutate(rng: random.Random, data: bytes, others: list[bytes]) -> bytes:
    """One to three random mutations of ``data``; ``others`` are the files a splice may take from."""
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(_MUTATIONS)(rng, data, others)
    return data


def _flip(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    buf = bytearray(data)
    for _flip_number in range(rng.randint(1, 4)):
        at = rng.randrange(len(buf))
        buf[at] = buf[at] ^ (1 << rng.randrange(8)) if rng.random() < 0.7 else rng.randrange(256)
    return bytes(buf)


def _truncate(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] if rng.random() < 0.8 else data[at:]


def _token(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    pattern = _JSON_TOKEN if data.lstrip()[:1] in (b"{", b"[") else _TEXT_TOKEN
    spans = [m.span() for m in pattern.finditer(data)]
    if not spans:
        return data + rng.choice(WORDS).encode()
    start, end = rng.choice(spans)
    insert = (rng.choice(TOKENS) if pattern is _JSON_TOKEN else rng.choice(WORDS)).encode()
    action = rng.randrange(3)
    if action == 0:
        return data[:start] + insert + data[end:]  # replace
    if action == 1:
        return data[:start] + data[end:]  # delete
    return data[:end] + data[start:end] + data[end:]  # duplicate


def _swap_value(rng: random.Random, data: bytes, others: list[bytes]) -> bytes:
    """Replace one value deep inside a JSON file by a value of another type: what byte flips rarely reach."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return _token(rng, data, others)
    slots = list(_slots(document))
    if not slots:
        return _token(rng, data, others)
    container, key = rng.choice(slots)
    if rng.random() < 0.15 and isinstance(container, dict):
        del container[key]
    else:
        container[key] = rng.choice(VALUES)
    return json.dumps(document, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def _slots(value: object, depth: int = 0) -> Iterator[tuple[dict[str, Any] | list[Any], Any]]:
    if depth > 12:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            yield value, key
            yield from _slots(item, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield value, index
            yield from _slots(item, depth + 1)


def _splice(rng: random.Random, data: bytes, others: list[bytes]) -> bytes:
    other = rng.choice(others) if others else data
    a, b = rng.randint(0, len(data)), rng.randint(0, len(other))
    if rng.random() < 0.5:
        return data[:a] + other[b:]
    piece = other[b : b + rng.randint(1, 200)]
    return data[:a] + piece + data[a:]


_MUTATIONS = (_flip, _truncate, _token, _token, _swap_value, _swap_value, _splice)


@dataclass
class Tally:
    """What the cases of one importer ended in."""

    cases: int = 0
    maps: int = 0
    errors: int = 0
    crashes: Counter[str] = field(default_factory=Counter)
    examples: dict[str, bytes] = field(default_factory=dict)

    @property
    def crashed(self) -> int:
        return sum(self.crashes.values())


def outcome(importer: str, data: bytes) -> str:
    """``"map"`` when the input ends in a map that saves and loads again, ``"error"`` for one clear
    ArgmapError, else what went wrong (the crash, with where it was raised)."""
    try:
        conversion = formats.read(importer, data, "fuzz")
        saved = store.dumps(conversion.map)
        if store.loads(saved).map != conversion.map:
            return "the saved map loads as a different map"
        missing = set(conversion.texts) - set(conversion.map.sources)
        return f"texts for unknown sources {sorted(missing)}" if missing else "map"
    except ArgmapError as error:
        if not error.message or "\n" in error.message:
            return f"ArgmapError of more than one line: {error.message[:80]!r}"
        return "error"
    except RecursionError:
        return "RecursionError"
    except Exception as error:  # the point of a fuzzer: any other exception is a finding
        frame = traceback.extract_tb(error.__traceback__)[-1]
        return f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno} ({frame.name})"


def fuzz(importer: str, cases: int, seed: int) -> Tally:
    """Run ``cases`` mutated corpus files through one importer."""
    tally = Tally()
    corpus = seeds(importer)
    if not corpus:
        return tally
    rng = random.Random(f"{seed}-{importer}")
    for _ in range(cases):
        data = mutate(rng, rng.choice(corpus), corpus)
        tally.cases += 1
        result = outcome(importer, data)
        if result == "map":
            tally.maps += 1
        elif result == "error":
            tally.errors += 1
        else:
            tally.crashes[result] += 1
            tally.examples.setdefault(result, data)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.import_fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=22_000, help="cases per importer (default 22,000)")
    parser.add_argument("--seed", type=int, default=1, help="the mutator's seed (default 1)")
    parser.add_argument("--only", default=",".join(IMPORTERS), help="importers, comma-separated")
    parser.add_argument("--save", metavar="DIR", help="write one input per kind of crash into DIR")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS} (set ARGMAP_CORPUS)", file=sys.stderr)
        return 2
    total = 0
    for importer in args.only.split(","):
        started = time.perf_counter()
        tally = fuzz(importer, args.cases, args.seed)
        elapsed = time.perf_counter() - started
        print(
            f"{importer:8} {tally.cases:6} cases: {tally.maps:6} maps, {tally.errors:6} clear errors, "
            f"{tally.crashed:5} crashes ({len(tally.crashes)} kinds)  {elapsed:6.1f} s",
            flush=True,
        )
        for crash, count in tally.crashes.most_common():
            print(f"    {count:5}  {crash}")
            if args.save:
                name = f"{importer}-{abs(hash(crash)) % 10**8}.bin"
                Path(args.save).mkdir(parents=True, exist_ok=True)
                (Path(args.save) / name).write_bytes(tally.examples[crash])
        total += tally.crashed
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
