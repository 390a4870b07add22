"""Argdown (argdown.org) both ways.

Reading goes in two steps.  The text is parsed into an :class:`ArgdownModel`:
equivalence classes of statements (same title = same statement), arguments with
their premise–conclusion structures, and relations between them, the same shape
as ``argdown json`` writes (:func:`model_from_json` reads that, so tests compare
this parser with Argdown's own).  :func:`to_map` then turns the model into a map:

- every equivalence class is a claim; an argument without a premise–conclusion
  structure (a sketched argument) is a claim whose text is its description;
- every inference step of a reconstructed argument is a relation from its premises
  (linked when there are several) to its conclusion; relations leaving the
  argument leave from its final conclusion, relations onto it target that relation
  (so an attack or undercut on a reconstructed argument is an undercut);
- a conclusion that exists only to carry the argument's one outgoing relation
  (it is in no other argument and nothing else points at it) is folded away:
  the relation goes straight to the target and the conclusion's text becomes
  the relation's note.  This is how argmap writes attacks with linked premises.

Writing gives every claim a ``[id]: text`` definition, single-premise relations
as indented ``+``/``-`` lines, and the rest (linked premises, relations that are
undercut or that target relations) as arguments with a premise–conclusion
structure.  docs/formats.md lists what is lost each way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import ArgmapError
from argmap.formats import Conversion
from argmap.formats._build import MapBuilder, decode, one_line, reject_lone_surrogates
from argmap.graph import MapGraph
from argmap.ids import slugify
from argmap.model import ArgMap, RelationType
from argmap.order import reading_order

MAX_DEPTH = 200
"""Deeper relation trees than this are refused (a guard against pathological input)."""

# The model ----------------------------------------------------------------------------------


@dataclass
class Statement:
    """An equivalence class: every statement with one title."""

    title: str
    texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    outside_pcs: bool = False
    """Whether a member stands anywhere but in a premise–conclusion structure."""

    @property
    def text(self) -> str:
        texts = [t for t in self.texts if t]
        return texts[-1] if texts else ""


@dataclass
class Step:
    """One premise–conclusion item: a statement title, and for a conclusion its inference."""

    title: str
    conclusion: bool = False
    rules: list[str] = field(default_factory=list)
    uses: list[int] | None = None


@dataclass
class Argument:
    title: str
    descriptions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    pcs: list[Step] = field(default_factory=list)

    @property
    def text(self) -> str:
        texts = [t for t in self.descriptions if t]
        return texts[-1] if texts else ""


_TRAILING_TAG = re.compile(r"\s*(?<![\\\w])#(?:\([^()\\]+\)|[\w-]+)\s*$")


def _untag(text: str) -> str:
    """A text without the tags at its end: they become the claim's tags (inline ones stay)."""
    text = one_line(text)
    while True:
        shorter = _TRAILING_TAG.sub("", text)
        if shorter == text or not shorter:
            return text
        text = shorter


@dataclass(frozen=True)
class Link:
    """A relation: ``kind`` is ``statement`` or ``argument`` at each end."""

    type: str
    source_kind: str
    source: str
    target_kind: str
    target: str


@dataclass
class ArgdownModel:
    title: str = ""
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    sections: int = 0
    data: int = 0
    settings: list[str] = field(default_factory=list)


def model_from_json(data: dict[str, Any]) -> ArgdownModel:
    """The model of an ``argdown json`` export (what Argdown's own parser made of a file)."""
    model = ArgdownModel()
    for title, ec in (data.get("statements") or {}).items():
        statement = model.statements[title] = Statement(title, tags=list(ec.get("tags") or []))
        for member in ec.get("members") or []:
            statement.texts.append(_untag(member.get("text") or ""))
            if member.get("role") not in ("premise", "intermediary-conclusion", "main-conclusion"):
                statement.outside_pcs = True
    for title, arg in (data.get("arguments") or {}).items():
        argument = model.arguments[title] = Argument(title, tags=list(arg.get("tags") or []))
        argument.descriptions = [_untag(m.get("text") or "") for m in arg.get("members") or []]
        for item in arg.get("pcs") or []:
            inference = item.get("inference")
            step = Step(item["title"], conclusion=inference is not None)
            if inference:
                step.rules = list(inference.get("inferenceRules") or [])
                uses = (inference.get("data") or {}).get("uses")
                step.uses = [int(u) for u in uses] if isinstance(uses, list) else None
            argument.pcs.append(step)
    kinds = {"equivalence-class": "statement", "argument": "argument", "inference": "argument"}
    for rel in data.get("relations") or []:
        target = rel["to"]
        if rel.get("toType") == "inference":
            target = rel.get("argumentTitle") or target
        model.links.append(
            Link(rel["relationType"], kinds[rel["fromType"]], rel["from"], kinds.get(rel["toType"], "argument"), target)
        )
    return model


# Parsing the text ---------------------------------------------------------------------------

_YAML_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
"""YAML's one-character escapes in double-quoted scalars (YAML 1.2, section 5.7)."""
_YAML_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)


def yaml_scalar(text: str) -> str:
    """A frontmatter value as YAML reads it: a quoted scalar unquoted and its escapes decoded (``\\"`` → ``"``)."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        return text

    def unescape(match: re.Match[str]) -> str:
        escape = match.group(1)
        if len(escape) == 1:
            return _YAML_ESCAPES.get(escape, match.group(0))
        code = int(escape[1:], 16)
        return match.group(0) if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else chr(code)

    return _YAML_ESCAPE.sub(unescape, text[1:-1])


_RELATION = re.compile(r"^(<\+|\+>|<-|->|<_|_>|><|\+|-|_)(?:\s+|$)(.*)$")
_PCS = re.compile(r"^\((\d+)\)\s*(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LIST = re.compile(r"^(?:\*|\d+\.)\s+(.*)$")
_STATEMENT_DEF = re.compile(r"^\[((?:[^\]\\]|\\.)+)\]:\s*(.*)$", re.S)
_STATEMENT_REF = re.compile(r"^\[((?:[^\]\\]|\\.)+)\](.*)$", re.S)
_ARGUMENT_DEF = re.compile(r"^<((?:[^>\\]|\\.)+)>:\s*(.*)$", re.S)
_ARGUMENT_REF = re.compile(r"^<((?:[^>\\]|\\.)+)>(.*)$", re.S)
_TAG = re.compile(r"(?<![\\\w])#(?:\(((?:[^()\\]|\\.)+)\)|([\w-]+))")
_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\((?:[^()\\]|\\.)*\)")
_EMPHASIS = [
    re.compile(r"(?<![\\\w])\*\*(?=\S)([^*]+?)(?<=\S)(?<!\\)\*\*(?!\w)"),
    re.compile(r"(?<![\\\w])__(?=\S)([^_]+?)(?<=\S)(?<!\\)__(?!\w)"),
    re.compile(r"(?<![\\\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s\\*])\*(?![\w*])"),
    re.compile(r"(?<![\\\w_])_(?=[^\s_])([^_]+?)(?<=[^\s\\_])_(?![\w_])"),
]
_ESCAPE = re.compile(r"\\(.)")
_COMMENT = re.compile(r"\\.|/\*.*?(?:\*/|\Z)|<!--.*?(?:-->|\Z)|(?<![^\s])//[^\n]*", re.S)
_DIRECTION = {
    # symbol: (type, child points at parent)
    "+": ("support", True),
    "<+": ("support", True),
    "+>": ("support", False),
    "-": ("attack", True),
    "<-": ("attack", True),
    "->": ("attack", False),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "_>": ("undercut", False),
    "><": ("contradictory", False),
}


@dataclass
class _Node:
    kind: str  # "statement" or "argument"
    title: str


@dataclass
class _Line:
    number: int
    indent: int
    text: str


class _Parser:
    def __init__(self, text: str, origin: str) -> None:
        self.origin = origin
        self.model = ArgdownModel()
        self.untitled = 0
        self.lines = self._lines(text)

    def error(self, message: str, line: int | None, fix: str | None = None) -> ArgmapError:
        return ArgmapError(f"Argdown: {message}", path=self.origin, line=line, fix=fix)

    # Lexing -------------------------------------------------------------------------------

    def _lines(self, text: str) -> list[_Line]:
        text = self._frontmatter(text)
        text = self._strip_comments(text)
        lines = []
        for number, raw in enumerate(text.split("\n"), start=1):
            expanded = raw.expandtabs(4)
            stripped = expanded.lstrip(" ")
            lines.append(_Line(number, len(expanded) - len(stripped), stripped.rstrip()))
        return lines

    def _frontmatter(self, text: str) -> str:
        if not text.startswith("==="):
            return text
        end = re.search(r"\n===[ \t]*(?:\n|$)", text)
        if end is None:
            raise self.error("the frontmatter opened with === is never closed", 1, "end it with a line ===")
        block = text[: end.start()]
        key = ""
        for line in block.split("\n")[1:]:
            if re.match(r"^[A-Za-z]", line):
                key, _, value = line.partition(":")
                if key == "title":
                    self.model.title = value.strip()
                else:
                    self.model.settings.append(key)
            elif key == "title" and line.strip():
                self.model.title += " " + line.strip()
        self.model.title = yaml_scalar(one_line(self.model.title))
        # keep the line count so that error lines stay right
        return "\n" * block.count("\n") + "\n" + text[end.end() :]

    def _strip_comments(self, text: str) -> str:
        """Comments out (block comments keep their line breaks, so line numbers hold); escapes stay."""

        def replace(match: re.Match[str]) -> str:
            found = match.group(0)
            if found.startswith("\\"):
                return found
            if found.startswith("//"):
                return ""
            return re.sub(r"[^\n]", " ", found)

        return _COMMENT.sub(replace, text)

    # Elements -----------------------------------------------------------------------------

    def check_data(self, data: str, line: int | None) -> None:
        try:
            end = _flow_value(data, 0)
        except (ValueError, IndexError) as error:
            raise self.error(f"malformed YAML data {data[:60]!r}: {error}", line) from None
        except RecursionError:
            raise self.error("YAML data nested too deeply", line) from None
        if data[end:].strip():
            raise self.error(f"malformed YAML data {data[:60]!r}", line)

    def new_untitled(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def element(self, raw: str, role: str, line: int) -> _Node:
        """A statement or argument written as text, a definition or a reference."""
        for pattern, kind, defines in (
            (_ARGUMENT_DEF, "argument", True),
            (_ARGUMENT_REF, "argument", False),
            (_STATEMENT_DEF, "statement", True),
            (_STATEMENT_REF, "statement", False),
        ):
            match = pattern.match(raw)
            if match and (defines or not _LINK.match(raw)):
                title = one_line(_unescape(match.group(1)))
                rest = match.group(2)
                if not defines and rest.strip() and not _only_tags_and_data(rest):
                    continue
                text, tags = self.clean(rest, line)
                return self.add(kind, title, text if defines else "", tags, role)
        text, tags = self.clean(raw, line)
        return self.add("statement", self.new_untitled(), text, tags, role)

    def add(self, kind: str, title: str, text: str, tags: list[str], role: str) -> _Node:
        if kind == "argument":
            argument = self.model.arguments.setdefault(title, Argument(title))
            argument.descriptions.append(text)
            argument.tags.extend(t for t in tags if t not in argument.tags)
        else:
            statement = self.model.statements.setdefault(title, Statement(title))
            statement.texts.append(text)
            statement.tags.extend(t for t in tags if t not in statement.tags)
            if role not in ("premise", "conclusion"):
                statement.outside_pcs = True
        return _Node(kind, title)

    def clean(self, raw: str, line: int | None = None) -> tuple[str, list[str]]:
        """Plain text and tags: YAML data, link targets and emphasis marks go, escapes resolve."""
        raw, data = _split_data(raw)
        if data:
            self.model.data += 1
            self.check_data(data, line)
        tags = [one_line(_unescape(a or b)) for a, b in _TAG.findall(raw)]
        raw = _untag(raw)  # before unescaping: an escaped "\#" at the end is text, not a tag
        raw = _LINK.sub(lambda m: m.group(1), raw)
        for pattern in _EMPHASIS:
            raw = pattern.sub(lambda m: m.group(1), raw)
        return one_line(_unescape(raw)), tags

    # Structure ----------------------------------------------------------------------------

    def parse(self) -> ArgdownModel:
        lines = self.lines
        i = 0
        last_argument: _Node | None = None  # the argument a following PCS belongs to
        while i < len(lines):
            line = lines[i]
            if not line.text:
                i += 1
                continue
            heading = _HEADING.match(line.text) if line.indent == 0 else None
            if heading:
                self.model.sections += 1
                raw, i = self.gather(i, heading.group(2))
                if not self.model.title:
                    self.model.title = self.clean(raw, line.number)[0]
                last_argument = None
                continue
            if _PCS.match(line.text) or _is_inference(line.text):
                owner = last_argument or self.add("argument", self.new_untitled(), "", [], "pcs")
                i = self.pcs(i, owner)
                last_argument = None
                continue
            if _RELATION.match(line.text):
                raise self.error(
                    "a relation needs a statement or argument above it",
                    line.number,
                    "indent it under the statement it belongs to",
                )
            listed = _LIST.match(line.text)
            raw, i = self.gather(i, listed.group(1) if listed else line.text)
            node = self.element(raw, "top-level", line.number)
            after = self.children(i, node, line.indent)
            last_argument = node if node.kind == "argument" and after == i else None
            i = after
        return self.model

    def gather(self, i: int, first: str) -> tuple[str, int]:
        """An element's text with its continuation lines; returns the index after it."""
        parts = [first]
        i += 1
        while i < len(self.lines):
            text = self.lines[i].text
            if not text or _RELATION.match(text) or _PCS.match(text) or _is_inference(text):
                break
            if (_HEADING.match(text) and self.lines[i].indent == 0) or _LIST.match(text):
                break
            if len(parts) == 1 and re.fullmatch(r"(\[(?:[^\]\\]|\\.)+\]|<(?:[^>\\]|\\.)+>)", first.strip()):
                raise self.error(
                    "a reference ends its element: expected a blank line or a relation",
                    self.lines[i].number,
                    "put a blank line between two statements",
                )
            parts.append(text)
            i += 1
        return " ".join(parts), i

    def children(self, i: int, parent: _Node, indent: int) -> int:
        """The indented relation lines below an element, as a tree; returns the index after them."""
        stack: list[tuple[int, _Node]] = [(indent, parent)]
        while i < len(self.lines):
            ahead = i
            while ahead < len(self.lines) and not self.lines[ahead].text:
                ahead += 1
            if ahead == len(self.lines):
                break
            line = self.lines[ahead]
            match = _RELATION.match(line.text)
            if line.indent <= indent or not match:
                if ahead == i and line.indent > indent and (_LIST.match(line.text) or _PCS.match(line.text)):
                    raise self.error(
                        "expected a relation (+, -, <+, +>, …) on an indented line",
                        line.number,
                        "indent only relations under a statement, or put a blank line before",
                    )
                break
            i = ahead
            popped = None
            while len(stack) > 1 and stack[-1][0] >= line.indent:
                popped = stack.pop()[0]
            if popped is not None and popped != line.indent and len(stack) > 1:
                stack.pop()  # a dedent to a level never used: Argdown goes one level further out
            if len(stack) > MAX_DEPTH:
                raise self.error(f"relations nested more than {MAX_DEPTH} deep", line.number)
            symbol, rest = match.groups()
            if not rest.strip():
                raise self.error(
                    "invalid relation syntax: the relation names no statement or argument",
                    line.number,
                    "write the statement after the symbol, e.g. '+ [Title]'",
                )
            raw, i = self.gather(i, rest)
            child = self.element(raw, "relation", line.number)
            self.relate(symbol, parent=stack[-1][1], child=child)
            stack.append((line.indent, child))
        return i

    def relate(self, symbol: str, parent: _Node, child: _Node) -> None:
        kind, child_to_parent = _DIRECTION[symbol]
        source, target = (child, parent) if child_to_parent else (parent, child)
        self.model.links.append(Link(kind, source.kind, source.title, target.kind, target.title))

    def pcs(self, i: int, owner: _Node) -> int:
        """A premise–conclusion structure for ``owner``; returns the index after it."""
        argument = self.model.arguments[owner.title]
        if argument.pcs:
            raise self.error(
                f"argument <{owner.title}> has two premise–conclusion structures",
                self.lines[i].number,
                "give the second argument its own title",
            )
        pending: Step | None = None
        while i < len(self.lines):
            line = self.lines[i]
            if not line.text:
                ahead = i
                while ahead < len(self.lines) and not self.lines[ahead].text:
                    ahead += 1
                following = self.lines[ahead].text if ahead < len(self.lines) else ""
                if _PCS.match(following) or _is_inference(following):
                    i = ahead
                    continue
                break
            if _is_inference(line.text):
                pending, i = self.inference(i)
                continue
            match = _PCS.match(line.text)
            if not match:
                break
            raw, i = self.gather(i, match.group(2))
            node = self.element(raw, "conclusion" if pending else "premise", line.number)
            if node.kind != "statement":
                raise self.error("a premise–conclusion structure holds statements, not arguments", line.number)
            step = pending or Step(node.title)
            step.title = node.title
            argument.pcs.append(step)
            pending = None
            i = self.children(i, node, line.indent)
        if pending is not None or not argument.pcs or not argument.pcs[-1].conclusion:
            raise self.error(
                f"the premise–conclusion structure of <{owner.title}> does not end in a conclusion",
                self.lines[min(i, len(self.lines)) - 1].number,
                "end it with an inference line ---- and the conclusion (n)",
            )
        return i

    def inference(self, i: int) -> tuple[Step, int]:
        text = self.lines[i].text
        inner = ""
        if re.fullmatch(r"-{2,3}", text):  # expanded: --, the rules, --
            j = i + 1
            while j < len(self.lines) and not re.fullmatch(r"-{2,}", self.lines[j].text):
                inner += " " + self.lines[j].text
                j += 1
            if j == len(self.lines):
                raise self.error("an inference opened with -- is never closed", self.lines[i].number)
            i = j + 1
        else:
            inner = text.strip("-").strip()
            i += 1
        step = Step("", conclusion=True)
        inner, data = _split_data(inner.rstrip("- "))
        if data:
            self.check_data(data, self.lines[i - 1].number)
            uses = re.search(r"uses\s*:\s*\[([\d,\s]*)\]", data)
            if uses:
                step.uses = [int(n) for n in re.findall(r"\d+", uses.group(1))]
        step.rules = [one_line(rule) for rule in inner.split(",") if one_line(rule)]
        return step, i


def _split_data(raw: str) -> tuple[str, str]:
    """Text and the YAML flow mapping ``{…}`` at its end, if there is one."""
    stripped = raw.rstrip()
    if not stripped.endswith("}") or stripped.endswith("\\}"):
        return raw, ""
    depth = 0
    for at in range(len(stripped) - 1, -1, -1):
        ch = stripped[at]
        if ch == "}":
            depth += 1
        elif ch == "{":
            depth -= 1
            if depth == 0:
                if at and stripped[at - 1] == "\\":
                    return raw, ""
                return stripped[:at], stripped[at:]
    return raw, ""


def _flow_value(text: str, at: int) -> int:
    """Where a YAML flow value starting at ``at`` ends; ValueError when it is malformed."""
    while at < len(text) and text[at] == " ":
        at += 1
    if at < len(text) and text[at] in "{[":
        close = "}" if text[at] == "{" else "]"
        at += 1
        while True:
            while at < len(text) and text[at] == " ":
                at += 1
            if at < len(text) and text[at] == close:
                return at + 1
            at = _flow_value(text, at)
            if close == "}" and at < len(text) and text[at] == ":":
                at = _flow_value(text, at + 1)
            while at < len(text) and text[at] == " ":
                at += 1
            if at < len(text) and text[at] == ",":
                at += 1
            elif at < len(text) and text[at] == close:
                return at + 1
            else:
                raise ValueError(f"expected ',' or '{close}' at {at}")
    if at < len(text) and text[at] in "\"'":
        end = text.find(text[at], at + 1)
        if end < 0:
            raise ValueError("unclosed quote")
        return end + 1
    start = at
    while at < len(text) and text[at] not in ",[]{}" and not (text[at] == ":" and text[at + 1 : at + 2] in (" ", "")):
        at += 1
    if at < len(text) and text[at] in "[{":
        raise ValueError(f"unexpected {text[at]!r} at {at}")
    if at == start and at < len(text) and text[at] not in ",]}:":
        raise ValueError(f"unexpected {text[at]!r}")
    return at


def _is_inference(text: str) -> bool:
    return bool(re.fullmatch(r"-{2,}", text) or re.fullmatch(r"--.*--", text))


def _only_tags_and_data(rest: str) -> bool:
    return not _TAG.sub("", _split_data(rest)[0]).strip()


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def parse(text: str, origin: str = "<stdin>") -> ArgdownModel:
    """The Argdown model of a text; malformed Argdown raises :class:`ArgmapError`."""
    return _Parser(text, origin).parse()


# Model to map -------------------------------------------------------------------------------

_TYPES = {
    "support": RelationType.SUPPORT,
    "entails": RelationType.SUPPORT,
    "attack": RelationType.ATTACK,
    "contrary": RelationType.ATTACK,
    "contradictory": RelationType.ATTACK,
    "undercut": RelationType.ATTACK,
}


def to_map(model: ArgdownModel, origin: str = "<stdin>") -> Conversion:
    """The map of an Argdown model (see the module docstring for the rules)."""
    b = MapBuilder(origin)
    b.title = model.title
    reconstructed = {t: a for t, a in model.arguments.items() if a.pcs}
    in_pcs: dict[str, int] = {}
    for argument in reconstructed.values():
        for title in {step.title for step in argument.pcs}:
            in_pcs[title] = in_pcs.get(title, 0) + 1
    targeted = {link.target for link in model.links if link.target_kind == "statement"}

    def conclusion_of(title: str) -> str:
        return model.arguments[title].pcs[-1].title

    links_from: dict[tuple[str, str], list[Link]] = {}
    for link in model.links:
        links_from.setdefault((link.source_kind, link.source), []).append(link)

    def outgoing(title: str) -> list[Link]:
        return links_from.get(("argument", title), []) + links_from.get(("statement", conclusion_of(title)), [])

    folded: dict[str, Link] = {}
    for title, argument in reconstructed.items():
        conclusion = conclusion_of(title)
        statement = model.statements.get(conclusion)
        premise_titles = {step.title for step in argument.pcs[:-1]}
        private = (
            statement is not None
            and not statement.outside_pcs
            and in_pcs.get(conclusion) == 1
            and conclusion not in targeted
            and conclusion not in premise_titles
        )
        leaving = outgoing(title)
        if private and len(leaving) == 1 and _TYPES.get(leaving[0].type) and leaving[0].type != "contradictory":
            folded[title] = leaving[0]

    claims: dict[tuple[str, str], str] = {}
    skip = {conclusion_of(t) for t in folded}
    for title, statement in model.statements.items():
        if title in skip:
            continue
        wanted = None if title.startswith("Untitled ") else slugify(title)
        claims["statement", title] = b.add_claim(statement.text or title, wanted_id=wanted, tags=_tags(statement.tags))
    for title, argument in model.arguments.items():
        if title in reconstructed:
            continue
        wanted = None if title.startswith("Untitled ") else slugify(title)
        claims["argument", title] = b.add_claim(argument.text or title, wanted_id=wanted, tags=_tags(argument.tags))
        if argument.text:
            b.update_claim(claims["argument", title], note=f"Argdown argument <{title}>")

    final: dict[str, str] = {}
    for title in reconstructed:
        final[title] = b.reserve(None if title.startswith("Untitled ") else slugify(title), f"r {title}")

    def source_claim(link: Link) -> str | None:
        if link.source_kind == "argument" and link.source in reconstructed:
            return claims.get(("statement", conclusion_of(link.source)))
        return claims.get((link.source_kind, link.source))

    def target_node(link: Link) -> str | None:
        if link.target_kind == "argument" and link.target in reconstructed:
            return final[link.target]
        return claims.get((link.target_kind, link.target))

    for title, argument in reconstructed.items():
        note = argument.text
        steps = _steps(argument)
        for index, (premises, conclusion, rules) in enumerate(steps):
            last = index == len(steps) - 1
            premise_ids = [claims["statement", p] for p in premises if ("statement", p) in claims]
            scheme = slugify(rules[0], 8) if rules else None
            fields: dict[str, Any] = {"scheme": scheme} if scheme else {}
            if last and title in folded:
                link = folded[title]
                target = target_node(link)
                text = model.statements[conclusion].text
                fields["note"] = "\n".join(part for part in (note, text) if part)
                if target is not None:
                    b.add_relation(_TYPES[link.type], premise_ids, target, relation_id=final[title], **fields)
                continue
            if last and note:
                fields["note"] = note
            b.add_relation(
                RelationType.SUPPORT,
                premise_ids,
                claims["statement", conclusion],
                relation_id=final[title] if last else None,
                **fields,
            )
    folded_links = set(folded.values())
    for link in model.links:
        relation_type = _TYPES.get(link.type)
        if link in folded_links or relation_type is None:
            if relation_type is None:
                b.warn(f"Argdown relation type {link.type!r} not kept")
            continue
        source, target = source_claim(link), target_node(link)
        if source is None or target is None:
            continue
        b.add_relation(relation_type, [source], target)
        if link.type == "contradictory" and target in b.claims:
            b.add_relation(relation_type, [target], source)
    if model.sections:
        b.warn(f"{model.sections} heading(s) not kept: argmap has no groups")
    if model.data:
        b.warn(f"YAML data of {model.data} element(s) not kept")
    if model.settings:
        b.warn(f"frontmatter settings not kept: {', '.join(sorted(set(model.settings)))}")
    argmap, warnings, texts = b.finish()
    return Conversion(argmap, warnings, texts)


def _steps(argument: Argument) -> list[tuple[list[str], str, list[str]]]:
    """Each inference of a premise–conclusion structure: (premises, conclusion, rules)."""
    steps = []
    since: list[str] = []
    numbered = [step.title for step in argument.pcs]
    for step in argument.pcs:
        if step.conclusion:
            premises = [numbered[n - 1] for n in step.uses if 0 < n <= len(numbered)] if step.uses else since
            steps.append((list(dict.fromkeys(premises)), step.title, step.rules))
            since = [step.title]
        else:
            since.append(step.title)
    return steps


def _tags(tags: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in (one_line(tag) for tag in tags) if t))


def read(data: str | bytes, origin: str = "<stdin>") -> Conversion:
    """An Argdown text, or the JSON that ``argdown json`` writes, as a map."""
    text = decode(data, origin)
    if text.lstrip().startswith("{"):
        try:
            raw = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            raw = None
        reject_lone_surrogates(raw, text, origin)
        if isinstance(raw, dict) and isinstance(raw.get("statements"), dict):
            try:
                return to_map(model_from_json(raw), origin)
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise ArgmapError(f"not a valid argdown json export ({error})", path=origin) from None
    return to_map(parse(text, origin), origin)


# Writing ------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Text with every ASCII punctuation mark backslash-escaped: Argdown then reads it literally."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", one_line(text))


def write(argmap: ArgMap) -> tuple[str, list[str]]:
    """The map as Argdown that ``argdown json`` parses into the same claims and relations."""
    graph = MapGraph(argmap)
    warnings = _losses(argmap)
    out: list[str] = []
    if not argmap.claims:  # Argdown refuses a document with nothing after its frontmatter
        warnings.append("the map has no claims")
        return f"# {escape(argmap.title or 'Empty map')}\n", warnings
    if argmap.title:
        out += ["===", f"title: {json.dumps(one_line(argmap.title), ensure_ascii=False)}", "===", ""]
    targeted = {r.target for r in argmap.relations.values()}
    order = reading_order(graph)
    for cid in order:
        claim = argmap.claims[cid]
        kept = [tag for tag in claim.tags if re.fullmatch(r"[^()\\\[\]#]+", tag)]
        if len(kept) < len(claim.tags):
            warnings.append(f"tags of {cid!r} with brackets or backslashes not kept")
        tags = "".join(f" #({tag})" for tag in kept)
        out += [f"[{cid}]: {escape(claim.text)}{tags}", ""]
    simple: dict[str, list[tuple[str, Any]]] = {}
    complex_: list[tuple[str, Any]] = []
    for target in order + sorted(argmap.relations):
        for rid, relation in graph.children(target):
            if len(relation.premises) == 1 and relation.target in argmap.claims and rid not in targeted:
                simple.setdefault(relation.target, []).append((rid, relation))
            else:
                complex_.append((rid, relation))
    for target in order:
        if target in simple:
            out.append(f"[{target}]")
            for rid, relation in simple[target]:
                if relation.note or relation.scheme:
                    warnings.append(f"the note and scheme of relation {rid!r} were not kept")
                symbol = "+" if relation.type is RelationType.SUPPORT else "-"
                out.append(f"  {symbol} [{relation.premises[0]}]")
            out.append("")
    for rid, relation in complex_:
        out += [f"<{rid}>", ""]
        for n, premise in enumerate(relation.premises, start=1):
            out.append(f"({n}) [{premise}]")
        out.append(f"-- {escape(relation.scheme)} --" if relation.scheme else "----")
        conclusion = len(relation.premises) + 1
        to_claim = relation.target in argmap.claims
        if relation.type is RelationType.SUPPORT and to_claim:
            out += [f"({conclusion}) [{relation.target}]", ""]
            if relation.note:
                warnings.append(f"the note of relation {rid!r} was not kept")
            continue
        note = f": {escape(relation.note)}" if relation.note else ""
        out += [f"({conclusion}) [{rid}]{note}", ""]
        symbol = {RelationType.SUPPORT: "+>", RelationType.ATTACK: "->" if to_claim else "_>"}[relation.type]
        target = f"[{relation.target}]" if to_claim else f"<{relation.target}>"
        out += [f"<{rid}>", f"  {symbol} {target}", ""]
    return "\n".join(out).rstrip("\n") + "\n", warnings


def _losses(argmap: ArgMap) -> list[str]:
    claims = list(argmap.claims.values())
    relations = list(argmap.relations.values())
    checks = [
        (sum(c.kind.is_basis for c in claims), "basis kinds"),
        (sum(c.implicit for c in claims), "implicit marks"),
        (sum(bool(c.note) for c in claims), "claim notes"),
        (sum(bool(c.translations) for c in claims), "translations"),
        (sum(bool(c.evidence) for c in claims), "evidence anchors"),
        (sum(c.base_score is not None for c in claims), "base scores"),
        (sum(r.weight is not None for r in relations), "relation weights"),
        (sum(bool(r.answers) for r in relations), "answers to critical questions"),
        (sum("\n" in c.text for c in claims), "line breaks in claim texts (joined with spaces)"),
    ]
    warnings = [f"not kept: {what} ({count})" for count, what in checks if count]
    if argmap.sources or argmap.speakers:
        warnings.append("not kept: sources and speakers")
    return warnings
