"""Run slow work (key derivation, packet rendering) off the UI thread.

The window must never freeze: a frightened parent who sees a frozen window closes it. Work
runs in Qt's thread pool; results come back to the UI thread through queued signals.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    """Lives on the UI thread, so emits from a worker are queued to it (never direct)."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.on_done: Callable[[Any], None] = lambda _result: None
        self.on_failed: Callable[[BaseException], None] = lambda _error: None
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failed)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        self.on_done(result)

    @Slot(object)
    def _deliver_failed(self, error: BaseException) -> None:
        self.on_failed(error)


class Job(QRunnable):
    """One call of ``fn`` in the pool. Connect to ``signals`` before starting."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)  # we keep a reference until the result is delivered

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as error:  # delivered to the UI, which shows a plain message
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._emit(self.signals.failed, error)
        else:
            self._emit(self.signals.done, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        # RuntimeError: the window was closed meanwhile, nobody is waiting for the result
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_running: set[Job] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> Job:
    """Start ``fn`` in the global pool; the callbacks run on the UI thread."""
    job = Job(fn)

    def finish_ok(result: Any) -> None:
        _running.discard(job)
        on_done(result)

    def finish_failed(error: BaseException) -> None:
        _running.discard(job)
        on_failed(error)

    job.signals.on_done = finish_ok
    job.signals.on_failed = finish_failed
    _running.add(job)
    QThreadPool.globalInstance().start(job)
    return job


def busy() -> bool:
    return bool(_running)


def wait_all(msecs: int = 30000) -> bool:
    return QThreadPool.globalInstance().waitForDone(msecs)
