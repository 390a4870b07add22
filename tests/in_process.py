"""``argmap`` commands run in the test's own process: what a subprocess would give, without 0.4 s of start-up each.

:func:`run` calls :func:`argmap.cli.main` with fresh stdin, stdout and stderr and
gives back a :class:`subprocess.CompletedProcess`, so a test reads it as it would
read the real command's.  A few tests keep the whole process on purpose (start-up
imports, ``python -m argmap``, a FIFO that must not block, git running argmap):
those call :mod:`subprocess` themselves.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import traceback
from collections.abc import Iterator, Mapping
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any, Literal, overload

from argmap import cli
from argmap.cli import common


@overload
def run(
    *args: str,
    cwd: str | Path | None = ...,
    env: Mapping[str, str] | None = ...,
    stdin: bytes | str | None = ...,
    text: Literal[True] = ...,
) -> CompletedProcess[str]: ...


@overload
def run(
    *args: str,
    cwd: str | Path | None = ...,
    env: Mapping[str, str] | None = ...,
    stdin: bytes | str | None = ...,
    text: Literal[False],
) -> CompletedProcess[bytes]: ...


def run(
    *args: str,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    stdin: bytes | str | None = None,
    text: bool = True,
) -> CompletedProcess[Any]:
    """``argmap ARGS`` with ``cwd`` and (all of) ``env`` as a subprocess would have them; output as text or bytes.

    An exception the command lets escape is printed to stderr as Python would and
    gives exit status 1, so tests that assert "no traceback" still see one.
    """
    out, err = _Sink(), _Sink()
    data = stdin.encode() if isinstance(stdin, str) else (stdin or b"")
    with _environment(env), _directory(cwd), _streams(io.BytesIO(data), out, err):
        try:
            code = cli.main(list(args))
        except SystemExit as leaving:  # argparse: --help, --version, usage errors
            code = leaving.code if isinstance(leaving.code, int) else (0 if leaving.code is None else 1)
        except BaseException:
            traceback.print_exc()
            code = 1
    stdout, stderr = out.getvalue(), err.getvalue()
    if text:
        return CompletedProcess(["argmap", *args], code, _text(stdout), _text(stderr))
    return CompletedProcess(["argmap", *args], code, stdout, stderr)


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").replace("\r\n", "\n")


class _Sink(io.BytesIO):
    """A standard stream's bytes: a command may close its stream (a broken pipe), the test still reads them."""

    def close(self) -> None:
        pass


@contextlib.contextmanager
def _streams(stdin: io.BytesIO, stdout: io.BytesIO, stderr: io.BytesIO) -> Iterator[None]:
    """Swap the standard streams (text over bytes, like a process's) and the consoles made for the old ones."""
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = (
        io.TextIOWrapper(stream, encoding="utf-8", write_through=True) for stream in (stdin, stdout, stderr)
    )
    _forget_consoles()
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        _forget_consoles()


def _forget_consoles() -> None:
    """The consoles and the colour decision are cached per process: made again for the swapped streams."""
    for cached in (common.console, common.err_console, common.colour):
        cached.cache_clear()


@contextlib.contextmanager
def _environment(env: Mapping[str, str] | None) -> Iterator[None]:
    if env is None:
        yield
        return
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _directory(cwd: str | Path | None) -> Iterator[None]:
    if cwd is None:
        yield
        return
    with contextlib.chdir(cwd):
        yield
