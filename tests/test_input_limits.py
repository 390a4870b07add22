"""One size limit for every input (an enormous file gets one clean line), and it admits 100k-claim maps."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from argmap import store
from argmap.errors import ArgmapError
from argmap.formats import aif, formats, read, write
from benchmarks.generate import generate
from tests import in_process

ROOT = Path(__file__).resolve().parent.parent
IMPORTERS = sorted(name for name, fmt in formats().items() if fmt.read)
LIMIT_TEXT = f"argmap reads inputs up to {store.MAX_BYTES // 2**20} MiB"


def _argmap(*args: str) -> subprocess.CompletedProcess[str]:
    return in_process.run(*args, cwd=ROOT)


@pytest.mark.parametrize("name", IMPORTERS)
def test_every_importer_refuses_input_over_the_limit_before_parsing(name: str) -> None:
    too_large = bytes(store.MAX_BYTES + 1)  # zero pages the allocator maps lazily: no memory is touched
    with pytest.raises(ArgmapError, match=LIMIT_TEXT):
        read(name, too_large, "huge")


@pytest.mark.parametrize(("command", "file"), [("import", "huge.aif"), ("check", "huge.argmap.json")])
def test_commands_refuse_a_file_over_the_limit_in_one_line(tmp_path: Path, command: str, file: str) -> None:
    path = tmp_path / file
    with path.open("wb") as handle:
        handle.truncate(store.MAX_BYTES + 1)
    args = [command, str(path)] + (["-o", str(tmp_path / "out.argmap.json")] if command == "import" else [])
    result = _argmap(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"argmap: {path}: the input is 513 MiB; {LIMIT_TEXT} (is this the right file?)"
    ]


def test_the_limit_admits_a_100k_claim_map_in_every_format_three_times_over() -> None:
    """Measured on a generated 1,000-claim map (realistic texts and anchors) and scaled to 100,000 claims."""
    argmap, texts = generate(1_000)
    sizes = {"map": len(store.dumps(argmap)), "xaif": len(aif.write_xaif(argmap, texts)[0].encode())}
    sizes |= {name: len(write(name, argmap)[0].encode()) for name in ("argdown", "aif", "kialo")}
    for name, size in sizes.items():
        assert size * 100 * 3 <= store.MAX_BYTES, f"{name}: {size * 100 / 2**20:.0f} MiB at 100k claims"


def test_json_nested_deeper_than_a_map_can_be_saved_is_refused_cleanly() -> None:
    deep = "[" * 300 + "]" * 300
    data = f'{{"argmap": 1, "conflicts": {{"c": {{"table": "map", "base": {deep}}}}}}}'.encode()
    with pytest.raises(ArgmapError, match="nested too deeply"):
        store.loads(data, "deep.argmap.json")
