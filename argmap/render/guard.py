"""Keeping Graphviz in bounds: refuse a layout that would take minutes, and never leave a ``dot`` behind.

Graphviz's ``dot`` layout grows faster than the number of claims: on the
benchmark machine 0.7 s of CPU at 1,000 claims, 2.4 s at 2,000, 9.6 s at 5,000
(about the 1.8th power), so 40,000 claims would take a quarter of an hour.
:func:`refuse_costly_layout` estimates the time before Graphviz starts and refuses
beyond :data:`LAYOUT_LIMIT_SECONDS` unless forced, with what to do instead.
:func:`run_graphviz` runs the child so that it ends with argmap: on an interrupt
(Ctrl-C, SIGTERM, SIGHUP), on an error, and after :func:`timeout_seconds`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from argmap.errors import ArgmapError

SECONDS_AT_1000 = 0.7
"""Graphviz's layout of a 1,000-claim map, in CPU seconds on the benchmark machine."""
GROWTH_EXPONENT = 1.8
"""How the layout time grows with the number of claims, measured at 1,000, 2,000 and 5,000."""
LAYOUT_LIMIT_SECONDS = 30.0
"""Estimated layouts longer than this are refused unless forced (about 8,000 claims)."""
TIMEOUT_ENV = "ARGMAP_RENDER_TIMEOUT"
DEFAULT_TIMEOUT = 600.0
"""Seconds after which a Graphviz child is stopped, whatever the estimate said (``ARGMAP_RENDER_TIMEOUT``)."""


def layout_seconds(claims: int) -> float:
    """The estimated CPU time of Graphviz's layout of ``claims`` claims."""
    seconds: float = SECONDS_AT_1000 * (claims / 1000) ** GROWTH_EXPONENT  # float ** float is typed Any (complex)
    return seconds


def refuse_costly_layout(claims: int, force: bool) -> None:
    """Refuse, with what to do instead, a layout estimated beyond :data:`LAYOUT_LIMIT_SECONDS`."""
    estimate = layout_seconds(claims)
    if force or estimate <= LAYOUT_LIMIT_SECONDS:
        return
    raise ArgmapError(
        f"{claims:,} claims would keep Graphviz busy for about {_duration(estimate)}, and the picture would"
        " not read anyway",
        fix="draw a part with --focus ID and --depth N, spread it over pages with --fit, or pass --force",
    )


def timeout_seconds() -> float:
    """How long a Graphviz child may run: ``ARGMAP_RENDER_TIMEOUT`` seconds, else :data:`DEFAULT_TIMEOUT`."""
    value = os.environ.get(TIMEOUT_ENV, "")
    try:
        return float(value) if value else DEFAULT_TIMEOUT
    except ValueError:
        raise ArgmapError(f"{TIMEOUT_ENV}={value!r} is not a number of seconds") from None


def run_graphviz(command: list[str], data: bytes) -> subprocess.CompletedProcess[bytes]:
    """Run Graphviz on ``data``; the child is killed if argmap is interrupted or the time is up."""
    limit = timeout_seconds()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        with _terminations_as_exceptions():
            out, err = process.communicate(data, timeout=limit)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise ArgmapError(
            f"Graphviz did not finish its layout in {_duration(limit)} and was stopped",
            fix=f"draw a part with --focus ID and --depth N, or allow more time with {TIMEOUT_ENV}=SECONDS",
        ) from None
    except BaseException:  # Ctrl-C, SIGTERM, SIGHUP, a broken pipe: never leave dot running
        _stop(process)
        raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.kill()
    process.communicate()


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP during a render: ends argmap as an interrupt does (exit 130), after the cleanup."""


@contextmanager
def _terminations_as_exceptions() -> Iterator[None]:
    """While Graphviz runs, SIGTERM and SIGHUP raise :class:`Terminated` instead of ending argmap on the spot.

    Python's default for them ends the process without running any cleanup, which
    left ``dot`` running for minutes.  Signal handlers can only be set from the main thread;
    elsewhere (a worker of the editor) the defaults stay.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(number: int, frame: FrameType | None) -> None:
        raise Terminated(signal.Signals(number).name)

    previous = {number: signal.signal(number, interrupt) for number in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.2g} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} minutes"
    return f"{seconds / 3600:.1f} hours"
