"""``argmap schemes``: list the argument schemes argmap knows, or show one with its critical questions."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from rich.text import Text

from argmap.cli.common import Subcommands, add_command, console
from argmap.model import Relation
from argmap.schemes import Scheme, all_schemes, get_scheme, question_status


def register(subparsers: Subcommands) -> None:
    parser = add_command(
        subparsers,
        "schemes",
        "list argument schemes and their critical questions",
        """\
A relation can name the scheme its inference follows (argmap scheme) and answer
the scheme's critical questions (argmap answer); open questions are check hints.

examples:
  argmap schemes
  argmap schemes expert-opinion
  argmap schemes --format json
""",
    )
    parser.add_argument("scheme", metavar="SCHEME", nargs="?", help="show only this scheme, with its questions")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    chosen = [get_scheme(args.scheme)] if args.scheme else list(all_schemes().values())
    if args.format == "json":
        sys.stdout.write(json.dumps([asdict(s) for s in chosen], indent=2, ensure_ascii=False) + "\n")
        return 0
    out = console()
    for scheme in chosen:
        if args.scheme:
            for line in describe(scheme):
                out.print(line)
        else:
            line = Text(f"{scheme.id:<24}", style="bold cyan")
            line.append(f"{scheme.name}: {scheme.description}")
            out.print(line)
    return 0


def describe(scheme: Scheme, relation: Relation | None = None) -> list[Text]:
    """A scheme's pattern and critical questions; with a relation, each question's answer or 'open'."""
    lines = [Text(f"{scheme.name} ({scheme.id})", style="bold"), Text(scheme.description)]
    lines.extend(Text(f"  premise: {premise}") for premise in scheme.pattern)
    lines.append(Text(f"  so:      {scheme.conclusion}"))
    lines.append(Text("critical questions:"))
    answers = {q.id: answer for q, answer in question_status(relation)} if relation else {}
    for question in scheme.questions:
        line = Text("  ")
        line.append(f"{question.id}", style="bold cyan")
        line.append(f" [{question.challenges}] {question.text}")
        lines.append(line)
        if relation is not None:
            answer = answers.get(question.id)
            shown = Text(f"      answer: {answer}", style="green") if answer else Text("      open", style="yellow")
            lines.append(shown)
    return lines
