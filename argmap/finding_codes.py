"""The codes of ``check``'s findings, named once for every producer and consumer.

A :class:`FindingCode` is a ``str``: ``check --format json`` and the CLI print the
same strings as before, and code that reads findings (the merge, the editor) compares
members, so a misspelt code fails where it is written instead of matching nothing.
Its own module because :mod:`argmap.merge` reads codes and :mod:`argmap.check` imports the merge.
"""

from __future__ import annotations

from enum import StrEnum


class FindingCode(StrEnum):
    """What a finding says is wrong (errors), suspicious (warnings) or missing (hints)."""

    MERGE_CONFLICT = "merge-conflict"
    """A merge left two versions of a record; ``argmap resolve`` or the editor settles it."""
    UNKNOWN_SCHEME = "unknown-scheme"
    OPEN_QUESTION = "open-question"
    """A critical question of the relation's scheme has no answer yet."""
    DUPLICATE_ID = "duplicate-id"
    DANGLING_ID = "dangling-id"
    """An id names no record of the table it should be in."""
    SELF_RELATION = "self-relation"
    DUPLICATE_PREMISE = "duplicate-premise"
    EMPTY_TEXT = "empty-text"
    BAD_OFFSETS = "bad-offsets"
    NO_THESIS = "no-thesis"
    CIRCULAR_SUPPORT = "circular-support"
    UNREACHABLE = "unreachable"
    """A claim with no path to a thesis."""
    NO_EVIDENCE = "no-evidence"
    SOURCE_REFUSED = "source-refused"
    """A source path the map may not read (outside its folder, not a regular file)."""
    SOURCE_MISSING = "source-missing"
    SOURCE_CHANGED = "source-changed"
    QUOTE_MISSING = "quote-missing"
    QUOTE_MOVED = "quote-moved"
    """A quote stands elsewhere in its source now; ``check --fix`` re-anchors it."""
