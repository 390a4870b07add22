"""Argmap's widgets and screens use Textual's public API only, and do not reuse its names.

``EditorScreen.loading`` (a number of claims) once set Textual's ``Widget.loading``
reactive and hid every large map behind a loading indicator.  Methods Textual asks
widgets to override (compose, render, the handlers…) are fine; anything else that
shares a name with Textual's is listed here on purpose or is a defect.  And no code
in argmap/tui reads, calls or overrides an underscore member it does not define
itself: a Textual upgrade may change those without a word.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from textual.dom import DOMNode

import argmap.tui

MEANT_TO_OVERRIDE = {
    "BINDINGS", "CSS_PATH", "DEFAULT_CSS", "COMPONENT_CLASSES", "AUTO_FOCUS",
    "compose", "render", "render_line", "render_lines", "get_line", "check_action", "action_cancel", "action_close",
    "notify_style_update", "watch_virtual_size", "virtual_size", "can_focus", "focus_on_click",
    "text", "theme", "selection", "cursor_blink", "height", "is_mounted", "on_mount", "focused",
    "TITLE", "VERTICAL_BREAKPOINTS", "COMMAND_PALETTE_BINDING", "action_quit", "get_system_commands",
}  # fmt: skip
"""Public hooks of Textual that argmap's classes override or set as Textual documents."""

SET_IN_METHODS = re.compile(r"self\.([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=\n]*)?=(?!=)")


def argmap_classes() -> list[type]:
    classes = []
    for info in pkgutil.walk_packages(argmap.tui.__path__, "argmap.tui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and cls.__module__ == module.__name__ and issubclass(cls, DOMNode):
                classes.append(cls)
    return classes


def redeclared_reactive(name: str) -> bool:
    """Textual's own record of a reactive that a class declares again (e.g. ``virtual_size`` without layout)."""
    return name.startswith("_default_") and name.removeprefix("_default_") in MEANT_TO_OVERRIDE


def textual_names(cls: type) -> set[str]:
    """Textual's names on ``cls``, less those Textual's own machinery puts on every subclass."""
    textual = [base for base in cls.__mro__ if not base.__module__.startswith("argmap")]
    every_subclass = set(vars(type("Probe", (textual[0],), {})))
    return {name for base in textual for name in vars(base)} - every_subclass


def test_no_argmap_class_reuses_a_textual_attribute_name() -> None:
    clashes = []
    for cls in argmap_classes():
        own = {name for name in vars(cls) if not name.startswith("__")}
        own |= set(SET_IN_METHODS.findall(inspect.getsource(cls)))
        for name in sorted(own & textual_names(cls)):
            if name in MEANT_TO_OVERRIDE or redeclared_reactive(name):
                continue
            clashes.append(f"{cls.__name__}.{name}")
    assert clashes == []


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def tui_sources() -> dict[Path, ast.Module]:
    root = Path(argmap.tui.__file__).parent
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(root.rglob("*.py"))}


def defined_by_argmap(trees: list[ast.Module]) -> set[str]:
    """Underscore names argmap/tui defines: its functions, class attributes and attributes it assigns."""
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names.update(target.id for target in targets if isinstance(target, ast.Name))
    return {name for name in names if is_private(name)}


def test_no_private_member_of_textual_is_read_called_or_overridden() -> None:
    """``obj._name`` anywhere in argmap/tui names something argmap defines, never Textual's internals."""
    sources = tui_sources()
    ours = defined_by_argmap(list(sources.values()))
    textual_private = {name for cls in argmap_classes() for name in textual_names(cls) if is_private(name)}
    uses = []
    for path, tree in sources.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and is_private(node.attr) and node.attr not in ours:
                uses.append(f"{path.name}:{node.lineno}: .{node.attr}")
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and any(is_private(part) for part in node.module.split("."))
            ):
                uses.append(f"{path.name}:{node.lineno}: from {node.module}")
    overridden = sorted(
        f"{cls.__name__}.{name}"
        for cls in argmap_classes()
        for name in vars(cls)
        if name in textual_private and not redeclared_reactive(name)
    )
    assert uses == [] and overridden == []


def test_the_check_finds_what_it_looks_for() -> None:
    """The check above fails on the private reads that argmap once made."""
    tree = ast.parse(
        "screen._bindings\nself._scroll_update(size)\nclass T:\n    def _mine(self):\n        self._mine()\n"
    )
    ours = defined_by_argmap([tree])
    assert ours == {"_mine"}
    private = [n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and is_private(n.attr)]
    assert sorted(set(private) - ours) == ["_bindings", "_scroll_update"]
