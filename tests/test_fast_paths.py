"""The short cuts that make show and render fast give the output of the long way round.

``argmap show`` writes its lines itself instead of through rich; ``argmap render``
imports only what it draws with; the SVG scan runs on lowercased bytes.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from argmap import ops, store
from argmap.cli import COMMANDS, build_parser
from argmap.cli.show import Piece, _Lines
from argmap.graph import MapGraph
from argmap.model import ArgMap, RelationType
from argmap.render.dot import build_dot, clean, wrap
from argmap.render.sanitize import _suspect, sanitize_svg

ROOT = Path(__file__).resolve().parent.parent
SEED_MAP = ROOT / "maps" / "partnership-of-convenience.argmap.json"

LINES: list[list[Piece]] = [
    [("Title [with] brackets", "bold underline")],
    [("", ""), ("■ thesis", "bold"), ("  ", ""), ("The claim.", "bold"), ("  ", ""), ("IN 0.75", "bold")],
    [("    ", ""), ("+ reason", "green"), ("  ", ""), ("A reason", ""), (" ", ""), ("(statistic)", "dim")],
    [("    ", ""), ("& co-premise", "default"), ("  ", ""), ("x", ""), (" ", ""), ("#t[a]g", "blue")],
    [("        ", ""), ("− rebuttal", "dark_orange"), ("  ", ""), ("text (see [id])", "dim")],
    [("    ", ""), ("„a quote“ (src 1–9)", "dim")],
    [("    ", ""), ("tab\there\tand a new\nline", "magenta"), (" ", ""), ("bell\x07 cr\r", "yellow")],
    [("nbsp\u00a0ä 漢字 [bold]not bold[/] back\\slash", "red")],
]


@pytest.mark.parametrize("system", [None, "standard", "256", "truecolor"])
@pytest.mark.parametrize("no_color", [False, True])
def test_lines_are_written_as_rich_prints_them(system: str | None, no_color: bool) -> None:
    def console(out: io.StringIO) -> Console:
        return Console(
            file=out,
            force_terminal=system is not None,
            color_system=system,
            no_color=no_color,
            highlight=False,
            soft_wrap=True,
        )

    by_rich, ours = io.StringIO(), io.StringIO()
    rich_console = console(by_rich)
    for pieces in LINES:
        rich_console.print(Text.assemble(*pieces))
    lines = _Lines(console(ours))
    for pieces in LINES:
        lines.write(pieces)
    lines.flush()
    assert ours.getvalue() == by_rich.getvalue()
    if system is not None and not no_color:
        assert "\x1b[32m+ reason\x1b[0m" in ours.getvalue()


def test_show_prints_claim_texts_verbatim(tmp_path: Path) -> None:
    """Markup and emoji codes in a claim are its text: rich's markup path turned ``:fire:`` into an emoji."""
    argmap = store.load(SEED_MAP)
    thesis = argmap.claims["thesis"].model_copy(update={"text": "Hot :fire: take [bold]x[/bold]"})
    path = tmp_path / "m.argmap.json"
    store.save(argmap.model_copy(update={"claims": {**argmap.claims, "thesis": thesis}}), path)
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "show", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert "■ thesis  Hot :fire: take [bold]x[/bold]" in done.stdout.splitlines()[1]


def test_render_imports_only_what_it_draws_with(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from argmap.cli import main\n"
        f"code = main(['render', {str(SEED_MAP)!r}, '-o', {str(tmp_path / 'm.dot')!r}])\n"
        "print(code, ' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    wrote, report = done.stdout.splitlines()
    code, modules = report.split(" ", 1)
    loaded = set(modules.split())
    assert wrote == f"wrote {tmp_path / 'm.dot'}"
    assert code == "0" and (tmp_path / "m.dot").exists()
    assert "argmap.render.dot" in loaded
    for unneeded in ("textual", "rich", "argmap.tui", "argmap.formats", "argmap.check", "argmap.merge"):
        assert unneeded not in loaded, f"argmap render imported {unneeded}"


def _modules_loaded_by(*arguments: str) -> set[str]:
    script = (
        "import sys\n"
        "from argmap.cli import main\n"
        f"code = main({list(arguments)!r})\n"
        "print(code, ' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(done.stderr.splitlines()[-1].split()[1:])


def test_diff_and_check_import_only_what_their_report_needs(tmp_path: Path) -> None:
    """A text diff needs no Graphviz side and no editor; a check of a map without conflicts no merge code."""
    argmap = store.load(SEED_MAP)
    other = tmp_path / "other.argmap.json"
    store.save(argmap.model_copy(update={"title": "Another title"}), other)
    loaded = _modules_loaded_by("diff", str(SEED_MAP), str(other))
    assert "argmap.reparse" in loaded
    for unneeded in ("argmap.render.dot", "argmap.render.output", "textual", "argmap.tui", "argmap.merge"):
        assert unneeded not in loaded, f"argmap diff imported {unneeded}"
    loaded = _modules_loaded_by("check", "--format", "json", str(SEED_MAP))
    assert "argmap.compact" in loaded
    for unneeded in ("argmap.merge", "argmap.render.dot", "textual", "argmap.tui"):
        assert unneeded not in loaded, f"argmap check imported {unneeded}"


@pytest.mark.parametrize(
    ("svg", "suspect"),
    [
        (b'<?xml version="1.0" standalone="no"?><svg><text>person=two conditions</text></svg>', False),
        (b'<svg><g onLoad = "x()"></g></svg>', True),
        (b"<svg><text>ON</text><A xlink:HREF='x'/></svg>", True),
        (b'<svg><rect style="fill: URL (http://x)"/></svg>', True),
        (b"<svg><!ENTITY x></svg>", True),
        (b"<svg>< Script>x</script></svg>", True),
        (b"<svg><text>a &lt;script&gt; in a claim</text></svg>", False),
    ],
)
def test_the_svg_scan_finds_what_could_be_active(svg: bytes, suspect: bool) -> None:
    """Whatever the case of the letters: only what the scan passes skips the parse and rebuild."""
    assert _suspect(svg) is suspect
    if not suspect:
        assert sanitize_svg(svg) is svg


@given(st.text(alphabet=st.sampled_from(list("ab  \t\nä\u00a0")), max_size=120), st.integers(1, 40))
@example("aaaaaaaaa a", 10)  # evening out the lines once cut the long word that fitted the width
def test_wrap_is_balanced_and_loses_nothing(text: str, width: int) -> None:
    lines = wrap(text, width)
    cleaned = clean(text)
    position = 0  # the lines are the text in order, broken at a space (dropped) or inside a word
    for line in lines:
        assert cleaned.startswith(line, position)
        position += len(line)
        if cleaned[position : position + 1] == " ":
            position += 1
    assert position == len(cleaned)
    for line in lines:
        assert len(line) <= width and line == line.strip()
        assert line or lines == [""]
    greedy = wrap_greedily(cleaned, width)
    assert len(lines) == len(greedy)  # as few lines as the width allows
    shown = Counter(token for line in lines for token in line.split(" "))
    fitting = Counter(word for word in cleaned.split(" ") if len(word) <= width)
    assert fitting <= shown  # a word is cut only where it is longer than the width


def wrap_greedily(text: str, width: int) -> list[str]:
    """The fewest lines: each line takes as many words as fit (a longer word is cut at the width)."""
    lines, line = [], ""
    for word in text.split(" "):
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def test_a_command_alone_parses_and_helps_as_in_the_full_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")

    def helps(parser: argparse.ArgumentParser) -> dict[str, str]:
        subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        return {name: sub.format_help() for name, sub in subparsers.choices.items()}

    full = helps(build_parser())
    assert list(full) == list(COMMANDS)
    for name in COMMANDS:
        alone = helps(build_parser(name))
        assert name in alone and alone[name] == full[name]


def test_graphviz_ranks_with_newrank_unless_arrows_form_a_cycle(uniforms_map: ArgMap) -> None:
    """Both rankings agree on acyclic maps; on a cycle of attacks the default one draws tidier."""
    graph = MapGraph(uniforms_map)
    assert 'newrank="true"' in build_dot(graph.map)
    graph.apply(ops.link_claim(graph, "cost", "subsidy", RelationType.ATTACK))  # cost and subsidy attack each other
    assert "newrank" not in build_dot(graph.map)
