"""A shared laptop at a community night: notice input, warn before an idle reset, then reset.

``InputWatcher`` is an application-wide event filter (installed in this mode only: it sees
every event): it notes the time of the last key, click, wheel, touch or typed text anywhere
in the app.

``IdleGuard`` checks that time; after ``idle_ms`` without input, if anything of a family is
on screen or in memory, it shows ``IdleCountdown`` — a countdown in the family's language
saying that answers not saved will be lost and a saved plan is safe. Any input cancels it;
at zero the window resets exactly as "Finish and next family" does (a fresh process).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from preparedness.i18n import N_, N_plural, plural_translator
from preparedness.ui.appearance import set_role
from preparedness.ui.language import Gettext

if TYPE_CHECKING:
    from preparedness.ui.window import MainWindow

COUNTDOWN_SECONDS = 30
MOVE_GRACE_SECONDS = 0.5  # a dialog appearing under the pointer is not a person moving it

TITLE = N_("Is anyone still here?")
CLEARED_IN = N_plural(
    "This screen will be cleared for the next family in {n} second.",
    "This screen will be cleared for the next family in {n} seconds.",
)
UNSAVED_LOST = N_("Answers that are not saved will be lost. A plan you saved is safe.")
STILL_HERE = N_("I am still here")

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
        QEvent.Type.MouseMove,
    }
)


class InputWatcher(QObject):
    """An event filter on the QApplication while community-night mode is on."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.last_input = time.monotonic()
        self.on_input: list[Callable[[QEvent.Type], None]] = []
        self.installed = False

    def install(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self.installed:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self.installed = on

    def touch(self) -> None:
        self.last_input = time.monotonic()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # Qt's name
        kind = event.type()
        if kind in _INPUT_EVENTS:
            self.last_input = time.monotonic()
            for callback in self.on_input:
                callback(kind)
        return False


class IdleCountdown(QDialog):
    """The warning before an idle reset: large numbers, plain words, one button."""

    def __init__(self, window: MainWindow, seconds: float, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setObjectName("idle_countdown")
        self.setModal(False)
        self.total = seconds
        self.remaining = seconds
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        self.title = QLabel(self)
        self.title.setObjectName("idle.title")
        set_role(self.title, "heading")
        self.title.setAlignment(Qt.AlignCenter)
        self.number = QLabel(self)
        self.number.setObjectName("idle.number")
        set_role(self.number, "countdown")
        self.number.setAlignment(Qt.AlignCenter)
        self.text = QLabel(self)
        self.text.setObjectName("idle.text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignCenter)
        self.warning = QLabel(self)
        self.warning.setObjectName("idle.warning")
        self.warning.setWordWrap(True)
        set_role(self.warning, "sensitive")
        self.still_here = QPushButton(self)
        self.still_here.setObjectName("idle.still_here")
        set_role(self.still_here, "big")
        self.still_here.clicked.connect(self.reject)
        for widget in (self.title, self.number, self.text, self.warning):
            layout.addWidget(widget)
        layout.addWidget(self.still_here, 0, Qt.AlignCenter)
        self.setMinimumWidth(560)
        self.retranslate_ui(window.lang.gettext)

    def seconds_left(self) -> int:
        return max(0, math.ceil(self.remaining))

    def set_remaining(self, seconds: float) -> None:
        shown = self.seconds_left()
        self.remaining = seconds
        if self.seconds_left() != shown or not self.number.text():
            self.retranslate_ui(self.window_.lang.gettext)

    def retranslate_ui(self, _: Gettext) -> None:
        n = self.seconds_left()
        ngettext = plural_translator(self.window_.lang.code)
        self.setWindowTitle(_(TITLE))
        self.title.setText(_(TITLE))
        self.number.setText(str(n))
        self.text.setText(ngettext(*CLEARED_IN, n).format(n=n))
        self.warning.setText(_(UNSAVED_LOST))
        self.still_here.setText(_(STILL_HERE))


class IdleGuard(QObject):
    """Watches for idleness in community-night mode and runs the countdown."""

    def __init__(
        self,
        window: MainWindow,
        watcher: InputWatcher,
        idle_ms: int,
        countdown_ms: int = COUNTDOWN_SECONDS * 1000,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.watcher = watcher
        self.idle_ms = idle_ms
        self.countdown_ms = countdown_ms
        self.countdown: IdleCountdown | None = None
        self._countdown_started = 0.0
        self.enabled = False
        self.timer = QTimer(self)
        self.timer.setObjectName("idle.timer")
        self.timer.timeout.connect(self._tick)
        watcher.on_input.append(self._input)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.watcher.install(on)
        self.watcher.touch()
        if on:
            self.timer.start(self._tick_ms())
        else:
            self.timer.stop()
            self.cancel()

    def set_idle_ms(self, idle_ms: int) -> None:
        self.idle_ms = idle_ms
        if self.enabled:
            self.timer.start(self._tick_ms())

    def _tick_ms(self) -> int:
        return max(20, min(1000, self.idle_ms // 4, self.countdown_ms // 10))

    def counting_down(self) -> bool:
        return self.countdown is not None

    def _input(self, kind: QEvent.Type) -> None:
        if self.countdown is None:
            return
        if (
            kind == QEvent.Type.MouseMove
            and time.monotonic() - self._countdown_started < MOVE_GRACE_SECONDS
        ):
            return
        self.cancel()

    def cancel(self) -> None:
        """Input arrived: hide the warning, start counting idleness again."""
        countdown, self.countdown = self.countdown, None
        if countdown is not None and isValid(countdown):
            countdown.hide()
            countdown.deleteLater()
        self.watcher.touch()

    def _tick(self) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if self.countdown is not None and not isValid(self.countdown):
            self.cancel()  # closed with the dialog it was shown over: someone is here
            return
        if self.countdown is not None:
            left = self.countdown_ms / 1000 - (now - self._countdown_started)
            if left <= 0:
                self.countdown = None
                self.window.idle_reset()
                return
            self.countdown.set_remaining(left)
            return
        if (now - self.watcher.last_input) * 1000 < self.idle_ms:
            return
        if not self.window.needs_idle_reset():
            self.watcher.touch()  # nothing of anyone to clear: keep waiting quietly
            return
        self._start_countdown(now)

    def _start_countdown(self, now: float) -> None:
        self._countdown_started = now
        # Over an open modal dialog (a file dialog, a question), the warning must belong to
        # it: a window behind a modal dialog takes no clicks.
        modal = QApplication.activeModalWidget()
        countdown = IdleCountdown(self.window, self.countdown_ms / 1000, modal)
        self.countdown = countdown
        countdown.rejected.connect(self._still_here)
        countdown.adjustSize()
        center = self.window.frameGeometry().center()
        countdown.move(center - countdown.rect().center())
        countdown.show()
        countdown.raise_()
        countdown.activateWindow()

    def _still_here(self) -> None:
        if self.countdown is not None:
            self.cancel()
