"""Argmap's widgets and screens do not reuse the names of Textual's own attributes.

``EditorScreen.loading`` (a number of claims) once set Textual's ``Widget.loading``
reactive and hid every large map behind a loading indicator.  Methods Textual asks
widgets to override (compose, render, the handlers…) are fine; anything else that
shares a name with Textual's is listed here on purpose or is a defect.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

from textual.dom import DOMNode

import argmap.tui

MEANT_TO_OVERRIDE = {
    "BINDINGS", "CSS_PATH", "DEFAULT_CSS", "COMPONENT_CLASSES", "AUTO_FOCUS", "ICON_NODE", "ICON_NODE_EXPANDED",
    "compose", "render", "render_line", "render_lines", "get_line", "check_action", "action_cancel", "action_close",
    "get_label_width", "notify_style_update", "watch_virtual_size", "virtual_size", "can_focus", "focus_on_click",
    "text", "theme", "selection", "cursor_blink", "height", "is_mounted", "on_mount",
    "TITLE", "COMMAND_PALETTE_BINDING", "action_quit", "get_system_commands", "show_root", "guide_depth", "auto_expand",
}  # fmt: skip
"""Public hooks of Textual that argmap's classes override or set as Textual documents."""

STILL_PRIVATE = {("ArgumentTree", "_invalidate")}  # fmt: skip
"""Textual private members still overridden (issue 15, part 3): to be replaced by public API, not added to."""

SET_IN_METHODS = re.compile(r"self\.([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=\n]*)?=(?!=)")


def argmap_classes() -> list[type]:
    classes = []
    for info in pkgutil.walk_packages(argmap.tui.__path__, "argmap.tui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and cls.__module__ == module.__name__ and issubclass(cls, DOMNode):
                classes.append(cls)
    return classes


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
            redeclared_reactive = name.startswith("_default_") and name.removeprefix("_default_") in MEANT_TO_OVERRIDE
            if name in MEANT_TO_OVERRIDE or redeclared_reactive or (cls.__name__, name) in STILL_PRIVATE:
                continue
            clashes.append(f"{cls.__name__}.{name}")
    assert clashes == []
