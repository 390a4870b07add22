"""Importers fuzzed: any input ends in a valid map or one ArgmapError, never another exception.

A longer run: ``ARGMAP_FUZZ_EXAMPLES=5000 python3 dev.py test tests/test_formats_fuzz.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from formats_support import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import formats, store
from argmap.errors import ArgmapError

RUNS = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "150"))
IMPORTERS = ["argdown", "aif", "xaif", "sadface", "kialo"]
SAMPLES = {
    "argdown": sorted((CORPUS / "argdown").glob("*.argdown")),
    "aif": sorted((CORPUS / "aif").glob("*.json")),
    "sadface": sorted((CORPUS / "sadface").glob("*.json")),
}
KIALO = b"Discussion Title: T\n\n1. A\n1.1. Pro: B\nmore\n1.1.1. Con: -> See 1.2.\n1.2. Con: C \\*x\\*\n"
ARGDOWN_TOKENS = [
    "[A]",
    "[B]: text",
    "<Arg>",
    "<Arg>: d",
    "(1) ",
    "(2) ",
    "----",
    "-- rule {uses: [1]} --",
    "--",
    "\n",
    "\n\n",
    "  ",
    "    ",
    "+ ",
    "- ",
    "<+ ",
    "+> ",
    "-> ",
    "<- ",
    "_ ",
    "<_ ",
    "_> ",
    ">< ",
    "#tag ",
    "#(t t)",
    "{a: 1}",
    "{bad",
    "// c",
    "/* c */",
    "<!-- c -->",
    "===\ntitle: x\n===\n",
    "# H",
    "* item",
    "1. item",
    "\\",
    "@[A]",
    "word ",
]


def _outcome(name: str, data: bytes | str) -> None:
    try:
        conversion = formats.read(name, data, "fuzz")
    except ArgmapError as error:
        assert str(error) and "\n" not in error.message
        return
    assert store.loads(store.dumps(conversion.map)).map == conversion.map
    for source_id in conversion.texts:
        assert source_id in conversion.map.sources


def _mutate(data: bytes, cuts: list[tuple[int, int, bytes]]) -> bytes:
    for at, length, insert in cuts:
        at %= len(data) + 1
        data = data[:at] + insert + data[at + length :]
    return data


@settings(max_examples=RUNS, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(IMPORTERS), st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_random_input_is_a_map_or_a_clean_error(name: str, data: bytes | str) -> None:
    _outcome(name, data)


@settings(max_examples=RUNS, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ARGDOWN_TOKENS), max_size=40))
def test_argdown_shaped_input_is_a_map_or_a_clean_error(tokens: list[str]) -> None:
    _outcome("argdown", "".join(tokens))


@settings(max_examples=RUNS, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    st.sampled_from(["argdown", "aif", "sadface", "kialo"]),
    st.integers(0, 10_000),
    st.lists(st.tuples(st.integers(0, 20_000), st.integers(0, 40), st.binary(max_size=12)), min_size=1, max_size=4),
)
def test_mutated_real_files_are_a_map_or_a_clean_error(name: str, pick: int, cuts: list) -> None:
    if name == "kialo":
        original = KIALO
    else:
        files = SAMPLES[name]
        if not files:
            pytest.skip(f"the shared corpus is absent ({CORPUS})")
        original = Path(files[pick % len(files)]).read_bytes()
    _outcome(name, _mutate(original, cuts))
    _outcome("xaif" if name == "aif" else name, _mutate(original, cuts).decode("utf-8", "replace"))


@settings(max_examples=RUNS // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "nodes",
                        "edges",
                        "nodeID",
                        "type",
                        "text",
                        "fromID",
                        "toID",
                        "locutions",
                        "personID",
                        "AIF",
                        "metadata",
                        "id",
                        "source_id",
                        "target_id",
                        "sources",
                        "argmap",
                        "start",
                        "end",
                        "source",
                        "participants",
                        "resources",
                    ]
                ),
                inner,
                max_size=5,
            )
        ),
        max_leaves=30,
    )
)
def test_json_shaped_input_is_a_map_or_a_clean_error(document: object) -> None:
    import json

    text = json.dumps(document)
    for name in ("aif", "xaif", "sadface"):
        _outcome(name, text)


@pytest.mark.parametrize(
    "data",
    [
        "[A]: x {" + "[" * 5000 + "}",
        '{"a":' * 50_000 + "1" + "}" * 50_000,
        "[" * 100_000,
        "*" * 100_000,
        "#(" * 50_000,
        "[a](" * 30_000,
        "_a" * 50_000,
        "  + x\n" * 10 + "[A]",
        "A\n" + "".join("  " * n + "+ B\n" for n in range(1, 400)),
        "(1) a\n----\n" * 2000,
        "\ufeff1. A\n" + "".join(f"1{'.1' * n}. Pro: x\n" for n in range(1, 300)),
    ],
)
def test_pathological_inputs_are_a_map_or_a_clean_error(data: str) -> None:
    for name in IMPORTERS:
        _outcome(name, data)
