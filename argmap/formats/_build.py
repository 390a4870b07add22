"""What the importers share: decoding input, and assembling a valid map from parsed records."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from argmap import rank
from argmap.errors import ArgmapError
from argmap.ids import slugify, unique_id
from argmap.model import (
    FORMAT_VERSION,
    Anchor,
    ArgMap,
    Argument,
    Claim,
    ClaimKind,
    Locution,
    Relation,
    RelationType,
    Rephrase,
    Source,
    Speaker,
    Transition,
)
from argmap.store import check_size


def decode(data: str | bytes, origin: str) -> str:
    """Input as text: UTF-8 (a BOM is dropped), CRLF and CR turned into LF; too large an input is refused."""
    check_size(len(data), origin)  # a text has at least as many bytes as characters
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            raise ArgmapError(f"not UTF-8 text (byte {error.start})", path=origin, line=line) from None
    else:
        text = data
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:
            line = text.count("\n", 0, error.start) + 1
            raise ArgmapError(
                f"not text: a lone surrogate at character {error.start}", path=origin, line=line
            ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_json(data: str | bytes, origin: str, what: str) -> Any:
    """JSON input, or one clear error with the line and column."""
    text = decode(data, origin)
    if not text.strip():
        raise ArgmapError(f"the input is empty, not {what}", path=origin)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArgmapError(f"malformed JSON: {error.msg}", path=origin, line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise ArgmapError("JSON nested too deeply", path=origin) from None
    reject_lone_surrogates(raw, text, origin)
    return raw


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def reject_lone_surrogates(raw: Any, text: str, origin: str) -> None:
    """One clear error for a JSON string escape like ``\\ud800``: half of a UTF-16 pair is no character, and
    no map holding one could be saved as UTF-8.  Only files with such escapes are searched."""
    if not _SURROGATE_ESCAPE.search(text):
        return
    pending = [raw]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:
                code = f"\\u{ord(value[error.start]):04x}"
                raise ArgmapError(
                    f"a JSON text holds the escape {code}, half of a UTF-16 pair and no character",
                    path=origin,
                    fix="write the character itself, or both halves of its pair",
                ) from None


def text_of(value: Any) -> str:
    """A text field as a string, whatever type the file gave it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return ""


def one_line(text: str) -> str:
    return " ".join(text.split())


class MapBuilder:
    """Collects claims and relations under readable unique ids, then makes one valid map.

    Importers read graphs, not edit sequences: a claim may exist before anything
    points at it, and a relation may target a relation not read yet.  So they add
    records here and :meth:`finish` checks them all at once.  Claims that bear on
    nothing but are borne on become theses; siblings keep their order of arrival.
    """

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.title = ""
        self.description = ""
        self.language = "en"
        self.claims: dict[str, Claim] = {}
        self.relations: dict[str, dict[str, Any]] = {}
        self.sources: dict[str, Source] = {}
        self.speakers: dict[str, Speaker] = {}
        self.arguments: dict[str, Argument] = {}
        self.texts: dict[str, str] = {}
        self.locutions: dict[str, Locution] = {}
        self.transitions: dict[str, Transition] = {}
        self.rephrases: dict[str, Rephrase] = {}
        self.warnings: list[str] = []
        self.reserved: set[str] = set()
        self.trust_ids = False
        self._relation_keys: set[tuple[RelationType, tuple[str, ...], str]] = set()
        """Keep every valid id from the file (argmap's own exports), not only readable slugs."""

    def taken(self, ident: str) -> bool:
        return ident in self.claims or ident in self.relations or ident in self.reserved

    def reserve(self, wanted: str | None, text: str) -> str:
        """An id for a relation that other records point at before it is added."""
        ident = self.new_id(wanted, text)
        self.reserved.add(ident)
        return ident

    def new_id(self, wanted: str | None, text: str) -> str:
        good = _valid_id if self.trust_ids else _good_id
        base = wanted if wanted and good(wanted) else slugify(text)
        return unique_id(base, _Taken(self))

    def add_claim(self, text: str, *, wanted_id: str | None = None, exact: bool = False, **fields: Any) -> str:
        """A claim; its text trimmed, unless ``exact`` (argmap's own export, whose texts come back as they were)."""
        text = text if exact and text.strip() else text.strip() or "(no text)"
        claim_id = self.new_id(wanted_id, text)
        self.claims[claim_id] = Claim(text=text, **fields)
        return claim_id

    def update_claim(self, claim_id: str, **fields: Any) -> None:
        self.claims[claim_id] = self.claims[claim_id].model_copy(update=fields)

    def add_relation(
        self,
        relation_type: RelationType,
        premises: list[str] | tuple[str, ...],
        target: str,
        *,
        wanted_id: str | None = None,
        relation_id: str | None = None,
        **fields: Any,
    ) -> str | None:
        """A relation, unless it repeats one already there or would relate a claim to itself."""
        premises = tuple(dict.fromkeys(premises))
        if not premises or target in premises:
            return None
        key = (relation_type, premises, target)
        if key in self._relation_keys:
            return None
        self._relation_keys.add(key)
        relation_id = relation_id or self.new_id(wanted_id, f"r {premises[0]}")
        self.relations[relation_id] = {"type": relation_type, "premises": premises, "target": target, **fields}
        return relation_id

    def add_speaker(self, name: str, wanted_id: str | None = None) -> str:
        name = one_line(name) or "unknown"
        for sid, speaker in self.speakers.items():
            if speaker.name == name:
                return sid
        sid = unique_id(wanted_id if wanted_id and _good_id(wanted_id) else slugify(name, 3), self.speakers)
        self.speakers[sid] = Speaker(name=name)
        return sid

    def add_source(self, wanted_id: str, text: str, **fields: Any) -> str:
        """A source whose text the caller writes beside the map (:func:`argmap.sources.place_texts` names the file)."""
        sid = unique_id(slugify(wanted_id, 4), self.sources)
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.sources[sid] = Source(sha256=sha, **fields)
        self.texts[sid] = text
        return sid

    def add_anchor(self, claim_id: str, anchor: Anchor) -> None:
        claim = self.claims[claim_id]
        if anchor not in claim.evidence:
            self.update_claim(claim_id, evidence=(*claim.evidence, anchor))

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def finish(self, *, theses: bool = True) -> tuple[ArgMap, list[str], dict[str, str]]:
        """The map (theses marked, ranks given), its warnings and recovered source texts."""
        resolving = self._resolving()
        relations = {rid: r for rid, r in self.relations.items() if resolving[rid]}
        if len(relations) < len(self.relations):
            self.warn(f"{len(self.relations) - len(relations)} relation(s) pointing at nothing were left out")
        if theses:
            premises = {p for r in relations.values() for p in r["premises"]}
            targets = {r["target"] for r in relations.values()}
            for cid in self.claims:
                if cid in targets and cid not in premises and self.claims[cid].kind is ClaimKind.CLAIM:
                    self.update_claim(cid, kind=ClaimKind.THESIS)
        ranked: dict[str, Relation] = {}
        last: dict[str, str] = {}
        for rid, fields in relations.items():
            target = fields["target"]
            if "rank" in fields:
                ranked[rid] = Relation(**fields)
                continue
            value = rank.between(last[target], None) if target in last else rank.FIRST
            last[target] = value
            ranked[rid] = Relation(rank=value, **fields)
        self._drop_dangling_illocutions(ranked)
        try:
            argmap = ArgMap(
                argmap=FORMAT_VERSION,
                title=self.title,
                language=self.language,
                description=self.description,
                sources=self.sources,
                speakers=self.speakers,
                claims=self.claims,
                relations=ranked,
                locutions=self.locutions,
                transitions=self.transitions,
                rephrases=self.rephrases,
                arguments={
                    aid: argument.without(set(self.relations) - set(relations))
                    for aid, argument in self.arguments.items()
                },
            )
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = ".".join(str(part) for part in first["loc"])
            raise ArgmapError(f"cannot build a valid map: {where}: {first['msg']}", path=self.origin) from None
        return argmap, self.warnings, self.texts

    def _drop_dangling_illocutions(self, relations: dict[str, Relation]) -> None:
        """Illocutions keep only targets that made it into the map (a relation left out takes its arguing along)."""
        known: list[Mapping[str, object]] = [self.claims, relations, self.locutions, self.transitions, self.rephrases]
        dropped = 0
        for table in (self.locutions, self.transitions):
            for ident, record in table.items():
                kept = []
                for illocution in record.illocutions:
                    targets = tuple(t for t in illocution.targets if any(t in records for records in known))
                    dropped += len(illocution.targets) - len(targets)
                    kept.append(illocution.model_copy(update={"targets": targets}))
                if dropped:
                    table[ident] = record.model_copy(update={"illocutions": tuple(kept)})  # type: ignore[assignment]
        if dropped:
            self.warn(f"{dropped} illocution target(s) that were left out of the map were dropped")

    def _resolving(self) -> dict[str, bool]:
        """Whether each relation's premises are claims and its target a claim or a resolving relation.

        A chain of undercuts is followed in a loop, not by recursion: it may be
        longer than Python's recursion limit.  A chain that runs into a cycle or a
        missing record does not resolve, nor does anything along it.
        """
        known: dict[str, bool] = {}
        for start in self.relations:
            chain: dict[str, None] = {}
            rid = start
            while rid not in known:
                if rid in chain:
                    result = False
                    break
                chain[rid] = None
                relation = self.relations[rid]
                if not all(p in self.claims for p in relation["premises"]):
                    result = False
                    break
                target = relation["target"]
                if target in self.claims or target not in self.relations:
                    result = target in self.claims
                    break
                rid = target
            else:
                result = known[rid]
            known.update(dict.fromkeys(chain, result))
        return known


class _Taken:
    def __init__(self, builder: MapBuilder) -> None:
        self.builder = builder

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self.builder.taken(ident)


def _valid_id(ident: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._~-]*", ident)) and len(ident) <= 200


def _good_id(ident: str) -> bool:
    """Ids worth keeping from a file: readable slugs, not counters (``120180``) or UUIDs."""
    if re.search(r"[0-9a-f]{8}-[0-9a-f]{4}", ident) or re.search(r"\d{5,}", ident):
        return False
    return bool(re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", ident)) and len(ident) <= 80
