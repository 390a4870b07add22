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

from pydantic import ValidationError

from argmap import store
from argmap.errors import ArgmapError
from argmap.graph import Change, Edit, MapGraph
from argmap.model import FORMAT_VERSION, ArgMap

RECOVERY_SUFFIX = ".recover"
TABLES = ("sources", "speakers", "claims", "relations", "conflicts")


def recovery_path(map_path: Path) -> Path:
    """Where unsaved work of ``map_path`` is kept: ``MAP.recover`` beside it."""
    return map_path.with_name(map_path.name + RECOVERY_SUFFIX)


def edit_between(old: ArgMap, new: ArgMap, label: str) -> Edit:
    """One edit that turns ``old`` into ``new`` (records and conflicts; title and such stay)."""
    changes: list[Change] = []
    for table in TABLES:
        before: dict = getattr(old, table)
        after: dict = getattr(new, table)
        for ident in sorted(before.keys() | after.keys()):
            if before.get(ident) != after.get(ident):
                changes.append(Change(table, ident, before.get(ident), after.get(ident)))
    return Edit(label, tuple(changes))


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
        with store.gc_paused():  # indexing 100k relations makes many small sets; the collector would rescan them all
            self.graph = MapGraph(argmap)
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._saved_state = 0
        self.revision = 0
        """Grows with every change, undo and redo: watchers compare it to skip stale work."""

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
        self.graph.apply(edit)
        self._undo.append(Step(edit, next(self._serials), where))
        self._redo.clear()
        self.revision += 1
        return True

    def undo(self) -> Step | None:
        """Take back the last edit; returns its step (not the inverse), or None when there is nothing."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self.graph.apply(step.edit.inverse())
        self._redo.append(step)
        self.revision += 1
        return step

    def redo(self) -> Step | None:
        """Apply again the last edit that was undone."""
        if not self._redo:
            return None
        step = self._redo.pop()
        self.graph.apply(step.edit)
        self._undo.append(step)
        self.revision += 1
        return step

    def save(self) -> None:
        """Write the map atomically and drop the recovery file: the work is safe now."""
        store.save(self.map, self.path)
        self._saved_state = self.state
        self.discard_recovery()

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

    def pending_recovery(self) -> ArgMap | None:
        """Unsaved work left by an editor that did not close, if it differs from the file."""
        try:
            kept = store.loads(self.recovery_path.read_bytes(), str(self.recovery_path)).map
        except FileNotFoundError:
            return None
        except ArgmapError:
            return None
        return None if store.dumps(kept) == store.dumps(self.map) else kept

    def restore(self, kept: ArgMap) -> None:
        """Take over recovered work as one undoable, unsaved edit."""
        self.apply(edit_between(self.map, kept, "recover unsaved work"))


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
        self._raw: dict | None = store.parse(self._data, str(path))
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
        with store.gc_paused():  # the parsed file is a million objects the collector would rescan
            return self._preview()

    def finish(self) -> Document:
        """Validate the whole file (about a second at 100,000 claims) and open it."""
        if self._raw is None or self._data is None:
            raise RuntimeError("an Opening finishes once")
        raw, data, self._raw, self._data = self._raw, self._data, None, None
        return Document(self.path, store.unique(store.validate(raw, data, str(self.path))))


def write_recovery(argmap: ArgMap, path: Path) -> None:
    """Keep unsaved work beside the map (atomically, so a crash mid-write loses nothing)."""
    store.write_atomic(path, store.dumps(argmap))
