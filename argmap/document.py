"""The map open in an editor: a graph, its file, undo and redo, and the recovery file.

Knows nothing of Textual, so the editor's safety rules (every change undoable,
atomic saves, unsaved work kept beside the map until it is saved or thrown
away) are tested without a terminal.  Every change is an :class:`Edit` from
:mod:`argmap.ops`; undo applies its inverse.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from argmap import store
from argmap.errors import ArgmapError
from argmap.find import ClaimIndex, fold, scan
from argmap.graph import TABLE_MODELS, TABLES, Change, Edit, MapGraph, Record, Table
from argmap.heap import gc_paused
from argmap.model import FORMAT_VERSION, ArgMap

RECOVERY_SUFFIX = ".recover"
RECOVERY_KEY = "argmap-recovery"
"""The format marker of a recovery file (its version is the value)."""
RECOVERED = "recover unsaved work"
BROKEN_SUFFIX = ".unreadable"
"""Added to the name of a recovery file that cannot be read when it is moved aside."""


def recovery_path(map_path: Path) -> Path:
    """Where unsaved work of ``map_path`` is kept: ``MAP.recover`` beside it."""
    return map_path.with_name(map_path.name + RECOVERY_SUFFIX)


@dataclass(frozen=True, slots=True)
class Step:
    """An applied edit, the serial number that tells saved states apart, and where the editor was.

    ``where`` is the editor's own note of its cursor before the edit, so that undo
    can put the cursor back; the document only keeps it.
    """

    edit: Edit
    serial: int
    where: object = None


class Document:
    """One open map file with unlimited undo and redo while it is open."""

    _serials = itertools.count(1)

    def __init__(self, path: Path, argmap: ArgMap) -> None:
        self.path = path
        with gc_paused():  # indexing 100k relations makes many small sets; the collector would rescan them all
            self.graph = MapGraph(argmap)
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._saved_state = 0
        self._as_saved: dict[tuple[Table, str], Record | None] = {}
        """Each record changed since the last save, as it was then: what :meth:`unsaved_edit` starts from."""
        self.revision = 0
        """Grows with every change, undo and redo: watchers compare it to skip stale work."""
        self._claim_indexes: dict[str | None, ClaimIndex] = {}
        self.recovery_set_aside: str | None = None
        """Set when :meth:`pending_recovery` found an unreadable recovery file and moved it aside: what it did."""

    @classmethod
    def open(cls, path: Path) -> Document:
        return cls(path, store.load(path))

    @property
    def map(self) -> ArgMap:
        return self.graph.map

    @property
    def state(self) -> int:
        return self._undo[-1].serial if self._undo else 0

    @property
    def dirty(self) -> bool:
        return self.state != self._saved_state

    def find_claims(
        self,
        query: str,
        limit: int,
        exclude: str | None = None,
        language: str | None = None,
        *,
        build_index: bool = True,
    ) -> list[str]:
        """Ids of the first ``limit`` claims whose text or id contains ``query`` (see :class:`ClaimIndex`).

        ``language`` searches the claims' translations into it where they have one.  An
        index is built at the first search for something in a language and kept in step
        with every change; ``build_index=False`` (one is being built elsewhere) scans the
        claims one by one until it is there.
        """
        if self.needs_claim_index(language):
            if not fold(query) or not build_index:  # any claims will do, or an index is on its way
                return scan(self.map.claims, query, limit, exclude, language)
            self._claim_indexes[language] = ClaimIndex(self.map.claims, language)
        return self._claim_indexes[language].find(self.map.claims, query, limit, exclude)

    def needs_claim_index(self, language: str | None) -> bool:
        return language not in self._claim_indexes or self._claim_indexes[language].stale

    def adopt_claim_index(self, index: ClaimIndex, revision: int) -> None:
        """Take an index built elsewhere (in a thread) from the claims as they were at ``revision``.

        One built before a later change, or after another was built meanwhile, is dropped.
        """
        if revision == self.revision and self.needs_claim_index(index.language):
            self._claim_indexes[index.language] = index

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def apply(self, edit: Edit, where: object = None) -> bool:
        """Apply an edit and remember it for undo; an edit that changes nothing is not kept."""
        if not edit.changes:
            return False
        self._applied(edit)
        self._undo.append(Step(edit, next(self._serials), where))
        self._redo.clear()
        self.revision += 1
        return True

    def undo(self) -> Step | None:
        """Take back the last edit; returns its step (not the inverse), or None when there is nothing."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._applied(step.edit.inverse())
        self._redo.append(step)
        self.revision += 1
        return step

    def redo(self) -> Step | None:
        """Apply again the last edit that was undone."""
        if not self._redo:
            return None
        step = self._redo.pop()
        self._applied(step.edit)
        self._undo.append(step)
        self.revision += 1
        return step

    def _applied(self, edit: Edit) -> None:
        self.graph.apply(edit)
        claims_changed = [change.id for change in edit.changes if change.table == "claims"]
        for index in self._claim_indexes.values():
            index.changed(claims_changed)
        for change in edit.changes:
            self._as_saved.setdefault((change.table, change.id), change.before)

    def save(self) -> None:
        """Write the map atomically and drop the recovery file: the work is safe now."""
        store.save(self.map, self.path)
        self._saved_state = self.state
        self._as_saved.clear()
        self.discard_recovery()

    def unsaved_edit(self) -> Edit:
        """One edit from the file as saved to the map as it is: the records changed since, nothing else.

        Cheap at any size, so the recovery file is written in milliseconds even on
        a 100,000-claim map (a whole copy of that map took 0.7 s and 190 MB).
        """
        changes = []
        for (table, ident), before in self._as_saved.items():
            after = getattr(self.map, table).get(ident)
            if after != before:
                changes.append(Change(table, ident, before, after))
        return Edit(RECOVERED, tuple(changes))

    def snapshot(self) -> ArgMap:
        """A copy whose tables later edits do not touch, for writing or checking in a thread."""
        argmap = self.map
        return argmap.model_copy(update={table: dict(getattr(argmap, table)) for table in TABLES})

    # Recovery -------------------------------------------------------------------------------

    @property
    def recovery_path(self) -> Path:
        return recovery_path(self.path)

    def discard_recovery(self) -> None:
        self.recovery_path.unlink(missing_ok=True)

    def pending_recovery(self) -> Edit | None:
        """Unsaved work left by an editor that did not close, as one edit onto the map as it is now.

        The edit sets each recovered record to its unsaved value, also when the file
        changed since; None when there is no recovery file, it cannot be read, or it
        changes nothing.
        """
        try:
            recovered = read_recovery(self.recovery_path)
        except FileNotFoundError:
            return None
        except ArgmapError as error:
            self.recovery_set_aside = self._set_aside(error)
            return None
        changes = []
        for change in recovered.changes:
            now = getattr(self.map, change.table).get(change.id)
            if now != change.after:
                changes.append(Change(change.table, change.id, now, change.after))
        return Edit(RECOVERED, tuple(changes)) if changes else None

    def _set_aside(self, error: ArgmapError) -> str:
        """Move an unreadable recovery file out of the way, keeping it for a person to look at.

        Returns what happened, in one sentence for the editor to show.
        """
        kept = self.recovery_path.with_name(self.recovery_path.name + BROKEN_SUFFIX)
        number = 2
        while kept.exists():
            kept = self.recovery_path.with_name(f"{self.recovery_path.name}{BROKEN_SUFFIX}-{number}")
            number += 1
        try:
            self.recovery_path.rename(kept)
        except OSError as problem:
            return f"the recovery file {self.recovery_path} cannot be read ({error}) nor moved aside ({problem})"
        return f"the recovery file could not be read ({error}); it was moved aside to {kept}"

    def restore(self, recovered: Edit) -> None:
        """Take over recovered work as one undoable, unsaved edit."""
        self.apply(recovered)


PREVIEW_ABOVE = 4 * 2**20
"""Maps of more bytes than this (some 5,000 claims) open in two steps: :class:`Opening`."""


class Opening:
    """A map file read and parsed, not yet validated: enough for a first look while the rest loads.

    Validating 100,000 claims takes about a second.  An editor shows
    :meth:`preview` (the theses and two levels below them, validated on their
    own) at once, runs :meth:`finish` in the background and then takes over the
    whole :class:`Document`.  Nothing in the preview is editable.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: bytes | None = store.read_bytes(path)
        self._raw: dict[str, Any] | None = store.parse(self._data, str(path))
        self.size = len(self._data)

    @property
    def claims(self) -> int:
        """How many claims the file holds (before validation: for a progress note)."""
        claims = self._raw.get("claims") if self._raw is not None else None
        return len(claims) if isinstance(claims, dict) else 0

    @property
    def large(self) -> bool:
        return self.size > PREVIEW_ABOVE

    def _preview(self) -> ArgMap | None:
        raw = self._raw
        if raw is None or raw.get("argmap") != FORMAT_VERSION:
            return None
        claims, relations = raw.get("claims", {}), raw.get("relations", {})
        if not isinstance(claims, dict) or not isinstance(relations, dict):
            return None
        theses = [cid for cid, claim in claims.items() if isinstance(claim, dict) and claim.get("kind") == "thesis"]
        kept_claims = {cid: claims[cid] for cid in theses}
        kept_relations: dict[str, object] = {}
        wanted = set(theses)
        for _level in range(2):
            below: set[str] = set()
            for rid, relation in relations.items():
                if not isinstance(relation, dict) or not isinstance(relation.get("premises"), list):
                    return None
                if relation.get("target") in wanted:
                    kept_relations[rid] = relation
                    below.update(relation["premises"])
                    below.add(rid)
            kept_claims.update((cid, claims[cid]) for cid in below if cid in claims)
            wanted = below
        header = {key: value for key, value in raw.items() if key not in ("claims", "relations", "conflicts")}
        try:
            return ArgMap.model_validate({**header, "claims": kept_claims, "relations": kept_relations})
        except (ValidationError, TypeError):
            return None

    def preview(self) -> ArgMap | None:
        """The theses and two levels below them; None if the file is odd.

        Anything unexpected (an older format, a malformed record) gives None: the full
        validation in :meth:`finish` then reports it properly.
        """
        with gc_paused():  # the parsed file is a million objects the collector would rescan
            return self._preview()

    def finish(self) -> Document:
        """Validate the whole file (about a second at 100,000 claims) and open it."""
        if self._raw is None or self._data is None:
            raise RuntimeError("an Opening finishes once")
        raw, data, self._raw, self._data = self._raw, self._data, None, None
        # An editor holds the map for hours: the parsed records a load can keep for fast saves
        # would cost 26 MB at 100,000 claims, for saves of 0.15 s instead of 0.7 s.
        return Document(self.path, store.unique(store.validate(raw, data, str(self.path), keep_form=False)))


def write_recovery(edit: Edit, path: Path) -> None:
    """Keep unsaved work beside the map (atomically, so a crash mid-write loses nothing).

    The file holds the changed records only (:meth:`Document.unsaved_edit`), each
    before and after, as JSON: small and quick to write whatever the map's size.
    """
    changes = [
        {
            "table": change.table,
            "id": change.id,
            "before": _record_json(change.before),
            "after": _record_json(change.after),
        }
        for change in edit.changes
    ]
    store.write_atomic(path, orjson.dumps({RECOVERY_KEY: 1, "changes": changes}, option=orjson.OPT_INDENT_2) + b"\n")


def read_recovery(path: Path) -> Edit:
    """The edit a recovery file holds; an unreadable one is an :class:`ArgmapError`."""
    data = path.read_bytes()
    try:
        raw = orjson.loads(data)
        if not isinstance(raw, dict) or raw.get(RECOVERY_KEY) != 1 or not isinstance(raw.get("changes"), list):
            raise ValueError("not a recovery file of this argmap")
        changes = tuple(
            Change(
                item["table"],
                item["id"],
                _record(item["table"], item["before"]),
                _record(item["table"], item["after"]),
            )
            for item in raw["changes"]
        )
    except (ValueError, KeyError, TypeError, ValidationError) as error:
        raise ArgmapError(f"unreadable recovery file: {str(error).splitlines()[0]}", path=str(path)) from None
    return Edit(RECOVERED, changes)


def _record_json(record: Record | None) -> dict[str, Any] | None:
    return None if record is None else record.model_dump(mode="json", exclude_defaults=True)


def _record(table: str, value: object) -> Record | None:
    return None if value is None else TABLE_MODELS[table].model_validate(value)
