"""Argdown (argdown.org) both ways.

Reading goes in two steps.  The text is parsed into an :class:`ArgdownModel`:
equivalence classes of statements (same title = same statement), arguments with
their premise–conclusion structures, and relations between them, the same shape
as ``argdown json`` writes (:func:`model_from_json` reads that, so tests compare
this parser with Argdown's own).  :func:`to_map` then turns the model into a map:

- every equivalence class is a claim (its title kept in ``title``, its earlier
  texts in ``variants``);
- every argument is a record of the map's ``arguments`` table: title, description,
  tags and premise–conclusion structure; each inference is also a support relation
  from its premises (linked when there are several) to its conclusion, and a
  sketched argument (no structure) is stood for by a claim holding its description;
- a relation leaving an argument leaves from its conclusion (or its claim) and is
  listed in the argument's ``outgoing``; one onto a reconstructed argument targets
  its last inference's relation, and an undercut is listed in ``undercuts``.

Writing gives every claim a ``[Title]: text`` definition, every argument its
``<Title>: description`` and structure, and the other relations one line each
under what they leave from; texts are escaped only where Argdown would read
syntax.  What Argdown has no syntax for (kinds, translations, evidence, relation
ids and fields, sources…) travels as JSON in the frontmatter's ``argmap:`` key, so
map → Argdown → map is exact.  docs/formats.md lists what is kept each way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from argmap.errors import ArgmapError
from argmap.formats import Conversion
from argmap.formats._build import MapBuilder, decode, one_line, reject_lone_surrogates
from argmap.formats.losses import kept_aside, not_kept
from argmap.graph import MapGraph
from argmap.ids import slugify, unique_id
from argmap.model import ArgMap, ArgumentStep, Relation, RelationType, Source, Speaker
from argmap.model import Argument as MapArgument
from argmap.order import reading_order
from argmap.schemes import all_schemes, scheme_for_aif_name

IN_FRONTMATTER = (
    "basis kinds",
    "implicit marks",
    "claim notes",
    "relation notes",
    "translations",
    "evidence",
    "base scores",
    "weights",
    "answers to critical questions",
    "sources",
    "speakers",
    "description",
)
"""Parts of a map Argdown has no syntax for, which the export keeps in its frontmatter's ``argmap:`` data."""
IN_ARGDOWN = ("display titles", "earlier wordings", "tags", "schemes", "arguments")
"""Parts of a map Argdown writes in its own syntax."""
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


def untag(text: str) -> str:
    """A text without the tags at its end: they become the claim's tags (inline ones stay)."""
    text = one_line(text)
    while "#" in text:
        shorter = _TRAILING_TAG.sub("", text)
        if shorter == text or not shorter:
            return text
        text = shorter
    return text


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
    strict: bool = False
    """Frontmatter ``model: {mode: strict}``: relations between statements are entailments and contraries."""
    argmap_data: dict[str, Any] | None = None
    """What argmap's export keeps in the frontmatter (``argmap: {...}``) for what Argdown has no syntax for."""


def model_from_json(data: dict[str, Any]) -> ArgdownModel:
    """The model of an ``argdown json`` export (what Argdown's own parser made of a file)."""
    model = ArgdownModel()
    for title, ec in (data.get("statements") or {}).items():
        statement = model.statements[title] = Statement(title, tags=list(ec.get("tags") or []))
        for member in ec.get("members") or []:
            statement.texts.append(untag(member.get("text") or ""))
            if member.get("role") not in ("premise", "intermediary-conclusion", "main-conclusion"):
                statement.outside_pcs = True
    for title, arg in (data.get("arguments") or {}).items():
        argument = model.arguments[title] = Argument(title, tags=list(arg.get("tags") or []))
        argument.descriptions = [untag(m.get("text") or "") for m in arg.get("members") or []]
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
_NAMED_FORMS = {
    "<": ((_ARGUMENT_DEF, "argument", True), (_ARGUMENT_REF, "argument", False)),
    "[": ((_STATEMENT_DEF, "statement", True), (_STATEMENT_REF, "statement", False)),
}
"""An element's forms with a title by its first character: a definition ``[title]: text`` or a reference."""
_SYNTAX_STARTS = frozenset("<>+-_(#*")
"""With the digits (``\\d``: any decimal digit), the first characters of a relation, a PCS line, an inference,
a heading or a list item: a line starting otherwise is text (most lines), which no pattern need be tried on."""
_TAG = re.compile(r"(?<![\\\w])#(?:\(((?:[^()\\]|\\.)+)\)|([\w-]+))")
_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\((?:[^()\\]|\\.)*\)")
_EMPHASIS = [  # runs of three or more first: Argdown strips ___x___ and ****x**** whole; each with its mark
    ("*", re.compile(r"(?<![\\\w*])(\*{3,})(?=\S)([^*]+?)(?<=\S)(?<!\\)\1(?![\w*])")),
    ("_", re.compile(r"(?<![\\\w])(_{3,})(?=\S)([^_]+?)(?<=\S)(?<!\\)\1(?!\w)")),
    ("*", re.compile(r"(?<![\\\w])\*\*(?=\S)([^*]+?)(?<=\S)(?<!\\)\*\*(?!\w)")),
    ("_", re.compile(r"(?<![\\\w])__(?=\S)([^_]+?)(?<=\S)(?<!\\)__(?!\w)")),
    ("*", re.compile(r"(?<![\\\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s\\*])\*(?![\w*])")),
    ("_", re.compile(r"(?<![\\\w_])_(?=[^\s_])([^_]+?)(?<=[^\s\\_])_(?![\w_])")),
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
        for number, line in enumerate(block.split("\n")[1:], start=2):
            if re.match(r"^[A-Za-z]", line):
                key, _, value = line.partition(":")
                if key == "title":
                    self.model.title = value.strip()
                elif key == "argmap":
                    self.model.argmap_data = self._argmap_data(value, number)
                elif key != "model" or value.strip():
                    self.model.settings.append(key)
            elif key == "model" and re.fullmatch(r"\s+mode:\s*[\"']?strict[\"']?\s*", line):
                self.model.strict = True  # kept: relations between statements are contrary and entailing
            elif key == "model" and re.match(r"\s+[A-Za-z]", line):
                self.model.settings.append(f"model.{line.split(':')[0].strip()}")
            elif key == "title" and line.strip():
                self.model.title += " " + line.strip()
        self.model.title = yaml_scalar(one_line(self.model.title))
        # keep the line count so that error lines stay right
        return "\n" * block.count("\n") + "\n" + text[end.end() :]

    def _argmap_data(self, value: str, line: int) -> dict[str, Any]:
        try:
            data = json.loads(value)
        except (json.JSONDecodeError, RecursionError):
            data = None
        if not isinstance(data, dict):
            raise self.error("the frontmatter's argmap data is not a JSON object", line, "remove the argmap: line")
        return data

    def _strip_comments(self, text: str) -> str:
        """Comments out (block comments keep their line breaks, so line numbers hold); escapes stay."""

        def replace(match: re.Match[str]) -> str:
            found = match.group(0)
            if found.startswith("\\"):
                return found
            if found.startswith("//"):
                return ""
            return re.sub(r"[^\n]", " ", found)

        if "//" not in text and "/*" not in text and "<!--" not in text:
            return text  # no comment to strip (the pattern's escapes are only kept as they are)
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
        for pattern, kind, defines in _NAMED_FORMS.get(raw[:1], ()):
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
        # Each pass runs only on a text holding the characters it looks for: most texts hold none.
        if "](" in raw:
            raw = _LINK.sub(lambda m: m.group(1), raw)  # first: a link to an anchor (#heading-x) is no tag
        tags = [one_line(_unescape(a or b)) for a, b in _TAG.findall(raw)] if "#" in raw else []
        raw = untag(raw)  # before unescaping: an escaped "\#" at the end is text, not a tag
        for mark, pattern in _EMPHASIS:
            if mark in raw:
                raw = pattern.sub(lambda m: m.group(m.lastindex or 1), raw)
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
            syntax = _may_be_syntax(line.text)
            heading = _HEADING.match(line.text) if syntax and line.indent == 0 else None
            if heading:
                self.model.sections += 1
                raw, i = self.gather(i, heading.group(2))
                if not self.model.title:
                    self.model.title = self.clean(raw, line.number)[0]
                last_argument = None
                continue
            if syntax and (_PCS.match(line.text) or _is_inference(line.text)):
                owner = last_argument or self.add("argument", self.new_untitled(), "", [], "pcs")
                i = self.pcs(i, owner)
                last_argument = None
                continue
            if syntax and _RELATION.match(line.text):
                raise self.error(
                    "a relation needs a statement or argument above it",
                    line.number,
                    "indent it under the statement it belongs to",
                )
            listed = _LIST.match(line.text) if syntax else None
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
            if not text:
                break
            if _may_be_syntax(text) and (
                _RELATION.match(text)
                or _PCS.match(text)
                or _is_inference(text)
                or (_HEADING.match(text) and self.lines[i].indent == 0)
                or _LIST.match(text)
            ):
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
        if self.model.strict and source.kind == target.kind == "statement":
            kind = {"attack": "contrary", "support": "entails"}.get(kind, kind)
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


def _may_be_syntax(line: str) -> bool:
    """Whether a non-empty line may be a relation, PCS line, inference, heading or list item."""
    return line[0] in _SYNTAX_STARTS or line[0].isdecimal()


def _is_inference(text: str) -> bool:
    return text.startswith("--") and bool(re.fullmatch(r"-{2,}", text) or re.fullmatch(r"--.*--", text))


def _only_tags_and_data(rest: str) -> bool:
    return not _TAG.sub("", _split_data(rest)[0]).strip()


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def parse(text: str, origin: str = "<stdin>") -> ArgdownModel:
    """The Argdown model of a text; malformed Argdown raises :class:`ArgmapError`."""
    return _Parser(text, origin).parse()


# Model to map -------------------------------------------------------------------------------

_TYPES = {
    "support": RelationType.SUPPORT,
    "entails": RelationType.SUPPORT,
    "attack": RelationType.ATTACK,
    "undercut": RelationType.ATTACK,
    "contrary": RelationType.CONTRARY,
    "contradictory": RelationType.CONTRADICTORY,
}


def _untitled(title: str) -> bool:
    return title.startswith("Untitled ") and bool(re.fullmatch(r"Untitled \d+", title))


class _Reading:
    """The map of an Argdown model: see the module docstring; ``data`` is argmap's own frontmatter, if any."""

    def __init__(self, model: ArgdownModel, origin: str) -> None:
        self.model = model
        self.data = model.argmap_data or {}
        self.b = MapBuilder(origin)
        self.b.trust_ids = bool(self.data)
        self.claims: dict[str, str] = {}  # statement title -> claim id
        self.gists: dict[str, str] = {}  # sketched argument title -> claim id
        self.final: dict[str, str] = {}  # reconstructed argument title -> its last inference's relation id
        self.argument_ids: dict[str, str] = {}
        self.known: dict[tuple[tuple[str, ...], Any], list[str]] | None = None
        self.inline: dict[str, str] | None = None
        self.used: set[str] = set()
        self.final_fields: dict[str, dict[str, Any]] = {}
        self.generated: dict[str, str] = self.data.get("written_as_arguments") or {}
        """Arguments argmap wrote for relations it could not write as one line (title -> relation id)."""

    def placeholders(self) -> set[str]:
        """Conclusions argmap wrote only so that an attack with linked premises could be an argument."""
        conclusions = (
            self.model.arguments[title].pcs[-1:] for title in self.generated if title in self.model.arguments
        )
        return {step.title for last in conclusions for step in last if _untitled(step.title)}

    def statement_id(self, title: str) -> str | None:
        ids: dict[str, str] = self.data.get("ids") or {}
        if title in ids:
            return ids[title]
        if _untitled(title):
            return self.inline_ids().get(title)
        return title if self.data else slugify(title)

    def inline_ids(self) -> dict[str, str]:
        """The ids of claims argmap wrote without a title inside an argument's structure (the data names them)."""
        if self.inline is None:
            self.inline = {}
            for title, extra in (self.data.get("arguments") or {}).items():
                pcs = self.model.arguments[title].pcs if title in self.model.arguments else []
                for index, cid in (extra.get("inline") or {}).items():
                    if int(index) < len(pcs):
                        self.inline[pcs[int(index)].title] = cid
        return self.inline

    def run(self) -> Conversion:
        model, b = self.model, self.b
        header = self.data.get("map") or {}
        b.title = header.get("title", model.title)
        b.language = header.get("language", b.language)
        b.description = header.get("description", "")
        placeholders = self.placeholders()
        for title, statement in model.statements.items():
            if title in placeholders:
                continue
            wordings = list(dict.fromkeys(t for t in statement.texts if t))
            extra = dict((self.data.get("claims") or {}).get(self.statement_id(title) or "", {}))
            text = extra.pop("text", None) or (wordings[-1] if wordings else "")
            cid = b.add_claim(text or title, wanted_id=self.statement_id(title), exact=bool(self.data), **extra)
            kept_title = "" if _untitled(title) or title == cid else title
            fields: dict[str, Any] = {"tags": _tags(statement.tags), "title": kept_title}
            fields["variants"] = tuple(t for t in wordings[:-1] if t != text)
            b.update_claim(cid, **fields)
            self.claims[title] = cid
        for title, argument in model.arguments.items():
            if title in self.generated:
                continue
            if argument.pcs:
                premises, conclusion, _ = _steps(argument)[-1]
                ends = tuple(dict.fromkeys(self.claims[p] for p in premises)), self.claims[conclusion]
                fields = self.known_relation(RelationType.SUPPORT, *ends)[1]
                self.final[title] = b.reserve(fields.pop("relation_id", None), f"r {title}")
                self.final_fields[title] = fields
            else:
                known = (self.data.get("arguments") or {}).get(title, {})
                wanted = known.get("claim") or (None if _untitled(title) else slugify(title))
                extra = dict((self.data.get("claims") or {}).get(wanted or "", {}))
                text = extra.pop("text", None) or argument.text or title
                self.gists[title] = b.add_claim(text, wanted_id=wanted, tags=_tags(argument.tags), **extra)
        for title, argument in model.arguments.items():
            if title in self.generated:
                self.generated_relation(title, argument)
            else:
                self.argument(title, argument)
        for link in model.links:
            self.link(link)
        for aid, record in b.arguments.items():  # in id order: the file's order of relations means nothing
            b.arguments[aid] = record.model_copy(
                update={"outgoing": tuple(sorted(record.outgoing)), "undercuts": tuple(sorted(record.undercuts))}
            )
        if model.sections:
            b.warn(f"{model.sections} heading(s) not kept: argmap has no groups")
        if model.data:
            b.warn(f"YAML data of {model.data} element(s) not kept")
        if model.settings:
            b.warn(f"frontmatter settings not kept: {', '.join(sorted(set(model.settings)))}")
        for sid, source in (self.data.get("sources") or {}).items():
            b.sources[sid] = Source.model_validate(source)
        for sid, speaker in (self.data.get("speakers") or {}).items():
            b.speakers[sid] = Speaker.model_validate(speaker)
        argmap, warnings, texts = b.finish(theses=not self.data)
        return Conversion(argmap, warnings, texts)

    def argument(self, title: str, argument: Argument) -> None:
        b = self.b
        extra = dict((self.data.get("arguments") or {}).get(title, {}))
        extra.pop("inline", None)
        extra.pop("claim", None)
        wanted = extra.pop("id", None) or (None if _untitled(title) else slugify(title))
        aid = unique_id(wanted or "argument", b.arguments)
        self.argument_ids[title] = aid
        descriptions = list(dict.fromkeys(t for t in argument.descriptions if t))
        fields: dict[str, Any] = {
            "title": "" if _untitled(title) or title == aid else title,
            "description": descriptions[-1] if descriptions else "",
            "variants": tuple(descriptions[:-1]),
            "tags": _tags(argument.tags),
            **extra,
        }
        if not argument.pcs:
            b.arguments[aid] = MapArgument(claim=self.gists[title], **fields)
            return
        steps: list[ArgumentStep] = []
        drawn = _steps(argument)
        inference = 0
        for step in argument.pcs:
            claim = self.claims[step.title]
            if not step.conclusion:
                steps.append(ArgumentStep(claim=claim))
                continue
            premises, _, rules = drawn[inference]
            inference += 1
            last = inference == len(drawn)
            premise_ids = tuple(dict.fromkeys(self.claims[p] for p in premises))
            if last:
                known = {"relation_id": self.final[title], **self.final_fields[title]}
            else:
                known = self.known_relation(RelationType.SUPPORT, premise_ids, claim)[1]
            scheme = next(filter(None, map(scheme_for_aif_name, rules)), None)
            if scheme and not self.data:  # a rule argmap knows as a scheme (by Walton's or AIFdb's name)
                known["scheme"] = scheme
                if last and "scheme" not in extra:
                    fields["scheme"] = scheme
            relation = b.add_relation(RelationType.SUPPORT, premise_ids, claim, **known)
            steps.append(
                ArgumentStep(
                    claim=claim, inference=True, rules=tuple(rules), uses=tuple(step.uses or ()), relation=relation
                )
            )
        b.arguments[aid] = MapArgument(steps=tuple(steps), **fields)

    def generated_relation(self, title: str, argument: Argument) -> None:
        """A relation argmap wrote as an argument: its premises, and the target its conclusion stands for."""
        rid = self.generated[title]
        record = (self.data.get("relations") or {}).get(rid)
        if not isinstance(record, dict) or not argument.pcs:
            return
        premises = [self.claims[s.title] for s in argument.pcs[:-1] if s.title in self.claims]
        target = self.claims.get(argument.pcs[-1].title)
        if record.get("type") != RelationType.SUPPORT or target is None:
            target = record.get("target")
        fields = {k: v for k, v in record.items() if k not in ("type", "premises", "target")}
        self.b.add_relation(RelationType(record["type"]), premises, str(target), relation_id=rid, **fields)

    def node(self, kind: str, title: str, *, as_target: bool) -> str | None:
        if kind == "statement":
            return self.claims.get(title)
        if title in self.generated:
            return self.generated[title] if as_target else None
        if title in self.gists:
            return self.gists[title]
        if as_target:
            return self.final.get(title)
        pcs = self.model.arguments[title].pcs
        return self.claims.get(pcs[-1].title) if pcs else None

    def link(self, link: Link) -> None:
        b = self.b
        relation_type = _TYPES.get(link.type)
        if relation_type is None:
            b.warn(f"Argdown relation type {link.type!r} not kept")
            return
        source = self.node(link.source_kind, link.source, as_target=False)
        target = self.node(link.target_kind, link.target, as_target=True)
        if source is None or target is None:
            return
        if link.target_kind == "statement" and link.type == "undercut":
            b.warn("undercuts of statements kept as attacks (argmap undercuts relations)")
        relation_type, known = self.known_relation(relation_type, (source,), target)
        rid = b.add_relation(relation_type, [source], target, **known)
        if rid is None:
            return
        for kind, title, field_name in (
            (link.source_kind, link.source, "outgoing"),
            (link.target_kind, link.target, "undercuts"),
        ):
            aid = self.argument_ids.get(title) if kind == "argument" else None
            if aid is None or (field_name == "undercuts" and link.type != "undercut"):
                continue
            argument = b.arguments[aid]
            b.arguments[aid] = argument.model_copy(update={field_name: (*getattr(argument, field_name), rid)})

    def known_relation(
        self, relation_type: RelationType, premises: tuple[str, ...], target: str
    ) -> tuple[RelationType, dict[str, Any]]:
        """The type, id and fields argmap's frontmatter gives a relation with these ends, if it does.

        A contrary relation comes back from an attack: Argdown writes both kinds
        between statements only in strict mode, and a map with both is not strict.
        """
        if self.known is None:
            self.known = {}
            for rid, record in (self.data.get("relations") or {}).items():
                if isinstance(record, dict) and isinstance(record.get("premises"), list):
                    key = (tuple(record["premises"]), record.get("target"))
                    self.known.setdefault(key, []).append(rid)
        records = self.data.get("relations") or {}
        for rid in self.known.get((premises, target), []):
            written = records[rid].get("type")
            if rid in self.used or written not in (relation_type.value, "contrary"):
                continue
            if written == "contrary" and relation_type not in (RelationType.CONTRARY, RelationType.ATTACK):
                continue
            fields = {k: v for k, v in records[rid].items() if k not in ("type", "premises", "target")}
            self.used.add(rid)
            return RelationType(written), {"relation_id": rid, **fields}
        return relation_type, {}


def to_map(model: ArgdownModel, origin: str = "<stdin>") -> Conversion:
    """The map of an Argdown model (see the module docstring for the rules)."""
    try:
        return _Reading(model, origin).run()
    except (ValidationError, TypeError, ValueError, AttributeError, KeyError) as error:
        if not model.argmap_data:
            raise
        raise ArgmapError(
            f"Argdown: the frontmatter's argmap data does not fit the map ({type(error).__name__})",
            path=origin,
            fix="correct the argmap: line of the frontmatter, or remove it to read the Argdown alone",
        ) from None


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

_NEEDS_ESCAPE = re.compile(
    r"""[\\\[\]<>{}*]"""  # always: references, data, emphasis
    r"""|#(?=\S)"""  # a tag
    r"""|_(?=\S)"""  # emphasis by underscores (Argdown opens it even inside a word)
    r"""|(?<!\S)/(?=/)|/(?=\*)"""  # a comment (// only after a space: http://x is text)
)


_SHORTCODE = re.compile(r"(\.\[\]\.|:\[\]:|\.[^\s.\\\[\]{}#]+?\.|:[^\s:\\\[\]{}#]+?:)")
"""Argdown's shortcodes (``.->.`` for →, ``:smile:``): left as they are, so Argdown still reads them."""


_SYNTAX = re.compile(r"[\\\[\]<>{}*#_/]")
"""The characters :data:`_NEEDS_ESCAPE` looks at: a text without any needs no escape (most texts)."""


def escape(text: str) -> str:
    """Text as Argdown reads it back literally: a backslash only where a character would be syntax."""
    line = one_line(text)
    if not _SYNTAX.search(line):
        return line
    parts = _SHORTCODE.split(line)
    return "".join(
        part if index % 2 else _NEEDS_ESCAPE.sub(lambda m: "\\" + m.group(0), part) for index, part in enumerate(parts)
    )


_TITLE_SYNTAX = re.compile(r"([\\\[\]<>])")


def _title(text: str, closing: str) -> str:
    line = one_line(text)
    if closing:
        return _TITLE_SYNTAX.sub(r"\\\1", line) if _TITLE_SYNTAX.search(line) else line
    return line.replace("\\", "\\\\")


def _tag_text(tag: str) -> str:
    return f"#{tag}" if re.fullmatch(r"[\w-]+", tag) else f"#({tag})"


class _Writer:
    def __init__(self, argmap: ArgMap) -> None:
        self.map = argmap
        self.graph = MapGraph(argmap)
        self.warnings = _losses(argmap)
        gists = {a.claim for a in argmap.arguments.values() if a.claim is not None and not a.steps}
        self.gist_of = {a.claim: aid for aid, a in argmap.arguments.items() if a.claim is not None and not a.steps}
        self.drawn = {s.relation: aid for aid, a in argmap.arguments.items() for s in a.steps if s.relation}
        self.final = {
            a.steps[-1].relation: aid for aid, a in argmap.arguments.items() if a.steps and a.steps[-1].relation
        }
        self.outgoing = {rid: aid for aid, a in argmap.arguments.items() for rid in a.outgoing}
        self.undercuts = {rid for a in argmap.arguments.values() for rid in a.undercuts}
        taken: set[str] = set()
        self.titles: dict[str, str] = {}
        for cid, claim in argmap.claims.items():
            if cid not in gists:
                self.titles[cid] = self._unique(claim.title or cid, taken)
        taken = set()
        self.argument_titles = {aid: self._unique(a.title or aid, taken) for aid, a in argmap.arguments.items()}
        targeted = {r.target for r in argmap.relations.values()}
        self.as_arguments: dict[str, str] = {}  # relation id -> title of the argument written for it
        for rid, relation in sorted(argmap.relations.items()):
            if rid in self.drawn:
                continue
            if len(relation.premises) > 1 or (rid in targeted and rid not in self.final):
                self.as_arguments[rid] = self._unique(rid.removeprefix("r-") or rid, taken)
        self.statement_links = [
            r
            for r in argmap.relations.values()
            if r.target in self.titles and all(p in self.titles for p in r.premises)
        ]
        self.inline = self._inline_steps()
        kinds = {r.type for r in self.statement_links}
        self.strict = RelationType.CONTRARY in kinds and RelationType.ATTACK not in kinds
        if RelationType.CONTRARY in kinds and not self.strict:
            self.warnings.append("contrary relations written as attacks: Argdown has both only in strict mode")

    def _inline_steps(self) -> dict[str, str]:
        """Untitled claims that stand in one argument's steps and nowhere else, by the argument's id:
        written right there, as people write a premise–conclusion structure."""
        where: dict[str, list[str]] = {}
        for aid, argument in self.map.arguments.items():
            for step in argument.steps:
                where.setdefault(step.claim, []).append(aid)
        inline = {}
        for cid, places in where.items():
            claim = self.map.claims.get(cid)
            if claim is None or claim.title or claim.variants or len(places) != 1 or cid not in self.titles:
                continue
            related = [rid for rid, _ in self.graph.children(cid)] + [rid for rid, _ in self.graph.parents(cid)]
            if all(self.drawn.get(rid) == places[0] for rid in related):
                inline[cid] = places[0]
        return inline

    @staticmethod
    def _unique(title: str, taken: set[str]) -> str:
        title = one_line(title) or "untitled"
        found, n = title, 2
        while found in taken:
            found, n = f"{title} ({n})", n + 1
        taken.add(found)
        return found

    def ref(self, ident: str) -> str:
        """How a relation names a claim, a sketched argument or an argument's relation."""
        if ident in self.gist_of:
            return f"<{_title(self.argument_titles[self.gist_of[ident]], '>')}>"
        if ident in self.titles:
            return f"[{_title(self.titles[ident], ']')}]"
        aid = self.final.get(ident) or self.drawn.get(ident)
        if aid is not None:
            return f"<{_title(self.argument_titles[aid], '>')}>"
        return f"<{_title(self.as_arguments[ident], '>')}>"

    def write(self) -> tuple[str, list[str]]:
        argmap = self.map
        order = reading_order(self.graph)
        body: list[str] = []
        if not argmap.claims:  # Argdown refuses a document with nothing after its frontmatter
            self.warnings.append("the map has no claims")
            body.append(f"# {escape(argmap.title or 'Empty map')}")
        for cid in order:
            if cid in self.titles and cid not in self.inline:
                body += self.statement(cid)
        for aid in sorted(argmap.arguments, key=lambda a: self.argument_titles[a]):
            body += self.argument(aid)
        for rid, title in self.as_arguments.items():
            body += self.relation_argument(rid, title)
        body += self.relations(order)
        front = ["==="]
        if argmap.title:
            front.append(f"title: {json.dumps(one_line(argmap.title), ensure_ascii=False)}")
        if self.strict:
            front += ["model:", "  mode: strict"]
        front.append(f"argmap: {self.frontmatter_data()}")
        front += ["===", ""]
        return "\n".join(front + body).rstrip("\n") + "\n", self.warnings

    def tags(self, tags: tuple[str, ...], what: str) -> str:
        kept = [tag for tag in tags if re.fullmatch(r"[^()\\\[\]#]+", tag)]
        if len(kept) < len(tags):
            self.warnings.append(f"tags of {what} with brackets, # or backslashes not kept")
        return "".join(f" {_tag_text(tag)}" for tag in kept)

    def statement(self, cid: str) -> list[str]:
        claim = self.map.claims[cid]
        title = _title(self.titles[cid], "]")
        lines = [f"[{title}]: {escape(text)}" for text in claim.variants]
        lines.append(f"[{title}]: {escape(claim.text)}{self.tags(claim.tags, repr(cid))}")
        return [line for pair in zip(lines, [""] * len(lines), strict=True) for line in pair]

    def argument(self, aid: str) -> list[str]:
        argument = self.map.arguments[aid]
        title = _title(self.argument_titles[aid], ">")
        head = [f"<{title}>: {escape(text)}" for text in argument.variants]
        tags = self.tags(argument.tags, f"argument {aid!r}")
        head.append(
            f"<{title}>: {escape(argument.description)}{tags}" if argument.description or tags else f"<{title}>"
        )
        lines = [line for text in head for line in (text, "")]
        steps = [s for s in argument.steps if s.claim in self.titles]
        if not steps or not steps[-1].inference:
            if argument.steps:
                self.warnings.append(f"argument {aid!r} does not end in a conclusion: its steps were not kept")
            return lines
        for number, step in enumerate(steps, start=1):
            if step.inference:
                rules = ", ".join(escape(rule).replace(",", " ") for rule in step.rules)
                uses = f" {{uses: [{', '.join(map(str, step.uses))}]}}" if step.uses else ""
                lines.append(f"-- {rules}{uses} --" if rules or uses else "----")
            if step.claim in self.inline:
                claim = self.map.claims[step.claim]
                lines.append(f"({number}) {escape(claim.text)}{self.tags(claim.tags, repr(step.claim))}")
            else:
                lines.append(f"({number}) {self.ref(step.claim)}")
        return [*lines, ""]

    def relation_argument(self, rid: str, title: str) -> list[str]:
        """A relation Argdown has no one line for (linked premises, one that is undercut) as an argument."""
        relation = self.map.relations[rid]
        lines = [f"<{_title(title, '>')}>", ""]
        lines += [f"({n}) {self.ref(p)}" for n, p in enumerate(relation.premises, start=1)]
        scheme = all_schemes().get(relation.scheme or "")
        rule = scheme.name if scheme is not None else relation.scheme
        lines.append(f"-- {escape(rule).replace(',', ' ')} --" if rule else "----")
        conclusion = len(relation.premises) + 1
        if relation.type is RelationType.SUPPORT and relation.target in self.titles:
            return [*lines, f"({conclusion}) {self.ref(relation.target)}", ""]
        target = self.map.claims.get(relation.target)
        if target is not None:
            gist = relation.note or f"{'Not' if relation.type.attacks else 'Hence'}: {target.text}"
        else:
            gist = relation.note or "The inference it aims at does not hold."
        lines += [f"({conclusion}) {escape(gist)}", ""]
        symbol = self.symbol(rid, relation)
        return [*lines, f"<{_title(title, '>')}>", f"  {symbol} {self.ref(relation.target)}", ""]

    def symbol(self, rid: str, relation: Relation) -> str:
        """The arrow from a relation's premise to its target: an attack on a relation is an undercut,
        one on an argument an attack unless the argument records it as an undercut."""
        target = relation.target
        if relation.type is RelationType.SUPPORT:
            return "+>"
        if relation.type is RelationType.CONTRADICTORY:
            return "><"
        if target in self.titles or (rid not in self.undercuts and (target in self.gist_of or target in self.drawn)):
            return "->"
        return "_>"

    def relations(self, order: list[str]) -> list[str]:
        """Every relation not written yet, one line each, grouped under what it starts from."""
        by_source: dict[str, list[str]] = {}
        for rid, relation in self.graph_order(order):
            if rid in self.drawn or rid in self.as_arguments or len(relation.premises) != 1:
                continue
            premise = relation.premises[0]
            source = self.ref(premise)
            aid = self.outgoing.get(rid)
            if aid is not None:
                source = f"<{_title(self.argument_titles[aid], '>')}>"
            by_source.setdefault(source, []).append(f"  {self.symbol(rid, relation)} {self.ref(relation.target)}")
        lines: list[str] = []
        for source, below in by_source.items():
            lines += [source, *below, ""]
        return lines

    def graph_order(self, order: list[str]) -> list[tuple[str, Relation]]:
        seen: dict[str, Relation] = {}
        for target in order + sorted(self.map.relations):
            for rid, relation in self.graph.children(target):
                seen.setdefault(rid, relation)
        for rid, relation in sorted(self.map.relations.items()):
            seen.setdefault(rid, relation)
        return list(seen.items())

    def frontmatter_data(self) -> str:
        """argmap's own data that Argdown has no syntax for, as one JSON line (JSON is YAML)."""
        argmap = self.map
        data: dict[str, Any] = {
            "map": {"title": argmap.title, "language": argmap.language, "description": argmap.description}
        }
        claims = {}
        for cid, claim in argmap.claims.items():
            shown = {"tags", "title", "variants"} | ({"text"} if one_line(claim.text) == claim.text else set())
            claims[cid] = claim.model_dump(mode="json", exclude_defaults=True, exclude=shown)
        data["claims"] = {
            cid: fields for cid, fields in claims.items() if fields and (cid in self.titles or cid in self.gist_of)
        }
        data["ids"] = {title: cid for cid, title in self.titles.items() if title != cid}
        data["relations"] = {
            rid: r.model_dump(mode="json", exclude_defaults=True) for rid, r in argmap.relations.items()
        }
        data["written_as_arguments"] = {title: rid for rid, title in self.as_arguments.items()}
        arguments = {}
        for aid, argument in argmap.arguments.items():
            extra = argument.model_dump(mode="json", exclude_defaults=True, include={"scheme", "note"})
            written = [step.claim for step in argument.steps if step.claim in self.titles]
            inline = {str(index): cid for index, cid in enumerate(written) if self.inline.get(cid) == aid}
            if inline:
                extra["inline"] = inline
            if argument.claim is not None and not argument.steps:
                extra["claim"] = argument.claim
            if aid != (argument.title or aid) or self.argument_titles[aid] != (argument.title or aid):
                extra["id"] = aid
            if extra:
                arguments[self.argument_titles[aid]] = extra
        data["arguments"] = arguments
        data["sources"] = {sid: s.model_dump(mode="json", exclude_defaults=True) for sid, s in argmap.sources.items()}
        data["speakers"] = {sid: s.model_dump(mode="json", exclude_defaults=True) for sid, s in argmap.speakers.items()}
        text = json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False, separators=(", ", ": "))
        return text


def write(argmap: ArgMap) -> tuple[str, list[str]]:
    """The map as Argdown that ``argdown json`` parses into the same statements, arguments and relations."""
    return _Writer(argmap).write()


def _losses(argmap: ArgMap) -> list[str]:
    """What Argdown tools will not see (argmap keeps it in the frontmatter's ``argmap:`` data), and what is lost."""
    warnings = kept_aside(argmap, IN_FRONTMATTER, "the frontmatter's argmap data, which Argdown ignores")
    warnings += not_kept(argmap, (*IN_FRONTMATTER, *IN_ARGDOWN), "Argdown")
    lines = sum("\n" in c.text for c in argmap.claims.values())
    if lines:
        warnings.append(f"line breaks in {lines} claim text(s): Argdown reads them as spaces (the data keeps them)")
    return warnings
