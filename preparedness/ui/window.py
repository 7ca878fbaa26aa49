"""The main window: a top bar that is always there, the start screen, the wizard, a blank.

The top bar holds what a person must reach from every page: the language, the text size,
high contrast, the quick-hide button and Finish. The wizard is a QWizard embedded as a
widget; Esc must not close it (a panicked key press must never lose a plan).

The window runs in one of three modes (``preparedness.settings.Mode``): standard; community
night (a shared laptop: idle reset with a countdown, "Finish and next family" starts a fresh
process, file dialogs start at the USB sticks, nothing written but what a family saves); and
liaison (a folder of plans listed by code and dates; Finish goes back to the list).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from preparedness.i18n import N_
from preparedness.languages import all_languages, language_codes
from preparedness.settings import Mode, Settings, save_settings, settings_path, start_language
from preparedness.ui import appearance, guard
from preparedness.ui.language import Gettext, LanguageController, current_gettext, retranslate_tree
from preparedness.ui.pages import PAGE_ORDER, page_id

if TYPE_CHECKING:  # the pages (and the model) are imported after the first screen shows
    from PySide6.QtGui import QCloseEvent

    from preparedness.ui import services
    from preparedness.ui.community import IdleGuard, InputWatcher
    from preparedness.ui.liaison_list import LiaisonScreen
    from preparedness.ui.pages.base import BasePage
    from preparedness.ui.recovery import NewPassphraseScreen
    from preparedness.ui.unlock import UnlockPanel
from preparedness.ui.safety import (
    SUGGESTED_RECOVERY_PDF_NAME,
    WINDOW_TITLE,
    Restarter,
    clear_file_dialog_history,
    close_dialogs,
    hide_key,
    neutral_folder,
    restart_process,
    set_quick_hide,
)
from preparedness.ui.start import StartScreen

LANGUAGE = N_("Language")
SMALLER = N_("Smaller text")
LARGER = N_("Larger text")
CONTRAST = N_("High contrast")
HIDE = N_("Hide screen (F12)")
HIDE_HELP = N_("Blanks the window at once. Press F12 again to come back.")
FINISH = N_("Finish")
FINISH_HELP = N_("Close the plan and clear the screen for the next family.")
FINISH_NEXT = N_("Finish and next family")
FINISH_NEXT_HELP = N_(
    "Close the plan, clear this computer of everything the app showed, and start again "
    "for the next family. A saved plan and printed papers are not changed."
)
CLOSE_PLAN = N_("Close the plan")
CLOSE_PLAN_HELP = N_("Close the plan and go back to the list of plans.")
SHOW_AGAIN = N_("Continue")
FINISH_UNSAVED = N_(
    "Your plan is not saved. If you finish now, what you wrote is lost. Finish anyway?"
)
FINISH_SURE = N_("Close the plan? The saved file and your printed papers are not changed.")
FINISH_YES = N_("Yes, finish")
FINISH_NO = N_("No, go back")


class Wizard(QWizard):
    """QWizard as a plain widget: Esc does nothing, Finish asks the window."""

    finish_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.Widget)
        self.setObjectName("wizard")
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoCancelButton, True)
        self.setOption(QWizard.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.NoDefaultButton, True)  # Enter in a field must not jump pages

    def reject(self) -> None:  # Esc: never close or lose anything
        pass

    def accept(self) -> None:
        self.finish_requested.emit()

    def done(self, result: int) -> None:
        pass


class MainWindow(QWidget):
    """The whole app window. ``restarter`` and ``file_dialogs`` are injectable for tests."""

    saved = Signal()
    opened = Signal()

    def __init__(
        self,
        *,
        language: str | None = None,
        restarter: Restarter = restart_process,
        file_dialogs: Any = None,
        confirm: Callable[[str], bool] | None = None,
        settings: Settings | None = None,
        mode: Mode | None = None,
        settings_file: Path | None = None,
        idle_ms: int | None = None,
        countdown_ms: int | None = None,
    ) -> None:
        """``settings`` are the volunteer's (app.main reads them; tests pass their own; the
        default is the built-in defaults, read from nowhere). ``mode`` is the mode to run in
        (app.main resolves the flag against a locked setting). ``idle_ms`` overrides the idle
        time of the settings (tests)."""
        super().__init__()
        self.setObjectName("main_window")
        self._none_guard = guard.install(self)
        self._session: services.PlanSession | None = None  # see ``session``
        self.lang = LanguageController(parent=self)
        self.restarter = restarter
        self.settings = settings if settings is not None else Settings()
        self.settings_file = settings_file
        self.mode = mode if mode is not None else self.settings.mode
        self.start_language = language or start_language(self.settings, language_codes())
        self._file_dialogs = file_dialogs  # made when first needed (see ``file_dialogs``)
        self._confirm = confirm
        self.pin_tries = 0
        self.pin_locked_until = 0.0
        self._idle_ms_override = idle_ms
        self._liaison: LiaisonScreen | None = None
        self._recovered: NewPassphraseScreen | None = None
        self._unlocking: UnlockPanel | None = None
        self._opened_from: Path | None = None
        self.font_size = appearance.DEFAULT_POINT_SIZE
        self.high_contrast = False
        self._busy = False
        self.text_generation = 0  # raised by every retranslate_all (pages compare theirs)
        self._revalidate_timer = QTimer(self)
        self._revalidate_timer.setSingleShot(True)
        self._revalidate_timer.setInterval(300)
        self._revalidate_timer.timeout.connect(self.revalidate)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._make_top_bar())
        self.stack = QStackedWidget(self)
        self._wizard: Wizard | None = None
        self._pages: dict[str, BasePage] = {}
        # made in the stack: moved there from the window, every widget would be polished again
        self.start = StartScreen(self, self.stack)
        self.blank = QWidget(self.stack)
        self.blank.setObjectName("blank")
        blank_layout = QVBoxLayout(self.blank)
        self.show_again = QPushButton(self.blank)
        self.show_again.setObjectName("ui.unhide")
        self.show_again.clicked.connect(self.quick_hide)
        blank_layout.addStretch(1)
        blank_layout.addWidget(self.show_again, 0, Qt.AlignCenter)
        blank_layout.addStretch(1)
        for widget in (self.start, self.blank):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)
        self._before_hide: QWidget | None = None

        self.hide_shortcut = QShortcut(QKeySequence(Qt.Key_F12), self)
        self.hide_shortcut.setContext(Qt.ApplicationShortcut)
        self.hide_shortcut.activated.connect(self.quick_hide)
        self.volunteer_shortcut = QShortcut(QKeySequence("Ctrl+Shift+V"), self)
        self.volunteer_shortcut.activated.connect(self.open_volunteer_settings)
        for keys, slot in (
            (QKeySequence.ZoomIn, self.larger_text),
            (QKeySequence("Ctrl+="), self.larger_text),
            (QKeySequence.ZoomOut, self.smaller_text),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(slot)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._scroll_to_focus)
        set_quick_hide(self.quick_hide)  # F12 inside modal dialogs too
        self._countdown_ms = countdown_ms
        self._idle_guard: IdleGuard | None = None  # see ``idle_guard``

        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1100, 820)
        self.set_mode(self.mode, retranslate=False)  # set_language translates everything next
        self.set_language(self.start_language)
        self.stack.setCurrentWidget(self.start)
        self.saved.connect(self._after_save)
        # The first screen needs only the languages: build the wizard right after it shows.
        QTimer.singleShot(0, self._build_wizard)

    # -- made when first needed: the first screen shows sooner without them
    @property
    def session(self) -> services.PlanSession:
        """The open plan, if any (``services.PlanSession``)."""
        if self._session is None:
            from preparedness.ui import services

            self._session = services.PlanSession()
        return self._session

    @property
    def idle_guard(self) -> IdleGuard:
        """The idle reset of a community night (enabled in that mode only)."""
        if self._idle_guard is None:
            from preparedness.ui.community import COUNTDOWN_SECONDS, IdleGuard, InputWatcher

            # every key, click or typed text anywhere: for the idle reset
            watcher = InputWatcher(self)
            countdown_ms = self._countdown_ms
            if countdown_ms is None:
                countdown_ms = COUNTDOWN_SECONDS * 1000
            self._idle_guard = IdleGuard(self, watcher, self._idle_ms(), countdown_ms)
        return self._idle_guard

    @property
    def input_watcher(self) -> InputWatcher:
        return self.idle_guard.watcher

    @property
    def file_dialogs(self) -> Any:
        """The file questions (``dialogs.FileDialogs``, or what a test passed)."""
        if self._file_dialogs is None:
            from preparedness.ui.dialogs import FileDialogs

            self._file_dialogs = FileDialogs(start_folder=self._dialog_start_folder)
        return self._file_dialogs

    @file_dialogs.setter
    def file_dialogs(self, dialogs: Any) -> None:
        self._file_dialogs = dialogs

    # -- the wizard, built lazily (start-up time)
    @property
    def wizard(self) -> Wizard:
        return self._build_wizard()

    @property
    def pages(self) -> dict[str, BasePage]:
        self._build_wizard()
        return self._pages

    def _build_wizard(self) -> Wizard:
        if self._wizard is not None:
            return self._wizard
        wizard = Wizard(self)
        self._wizard = wizard
        for key in PAGE_ORDER:
            page = _page_class(key)(self)
            self._pages[key] = page
            wizard.setPage(page_id(key), page)
        wizard.setStartId(page_id("household"))
        wizard.finish_requested.connect(self.finish)
        wizard.currentIdChanged.connect(self._page_changed)
        self.stack.insertWidget(1, wizard)
        retranslate_tree(wizard, self.lang.gettext)
        for page in self._pages.values():
            page.text_generation = self.text_generation
        self._retranslate_wizard()
        return wizard

    # -- top bar
    def _make_top_bar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("top_bar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 6, 8, 6)
        self.language_label = QLabel(bar)
        self.language_box = QComboBox(bar)
        self.language_box.setObjectName("ui.language")
        for lang in all_languages():
            self.language_box.addItem(lang.own_name, lang.code)
        self.language_label.setBuddy(self.language_box)
        self.language_box.activated.connect(
            lambda i: self.set_language(self.language_box.itemData(i))
        )
        self.smaller = QPushButton("A−\u200e", bar)  # LRM: "A−" must not become "−A" in RTL
        self.smaller.setObjectName("ui.smaller")
        self.smaller.clicked.connect(self.smaller_text)
        self.larger = QPushButton("A+\u200e", bar)
        self.larger.setObjectName("ui.larger")
        self.larger.clicked.connect(self.larger_text)
        self.contrast = QPushButton(bar)
        self.contrast.setObjectName("ui.contrast")
        self.contrast.setCheckable(True)
        self.contrast.toggled.connect(self.set_high_contrast)
        self.hide_button = QPushButton(bar)
        self.hide_button.setObjectName("ui.hide")
        self.hide_button.clicked.connect(self.quick_hide)
        self.finish_button = QPushButton(bar)
        self.finish_button.setObjectName("ui.finish")
        self.finish_button.clicked.connect(self.finish)
        for widget in (self.language_label, self.language_box, self.smaller, self.larger):
            row.addWidget(widget)
        row.addWidget(self.contrast)
        row.addStretch(1)
        row.addWidget(self.hide_button)
        row.addWidget(self.finish_button)
        return bar

    # -- language
    def set_language(self, code: str) -> None:
        """Switch every text now; answers stay in the model, so nothing is lost.

        What is on screen changes at once (texts, Qt's buttons, the direction); wizard pages
        off screen catch up when they are shown (``retranslate_all``).
        """
        current = self._page_in_wizard()
        for page in self._pages.values():
            if page is current:
                page.follow_direction()
            else:
                page.keep_direction()
        self.lang.set_language(code)
        index = self.language_box.findData(self.lang.code)
        self.language_box.setCurrentIndex(index)
        self.retranslate_all()

    def retranslate_all(self) -> None:
        """Every text of the window in the current language, size and mode.

        The wizard pages not on screen are left stale: each brings itself up to date when it
        is entered or shown, before it is painted (``BasePage.ensure_translated``). So a
        switch costs the page on screen, not every page built so far.
        """
        guard.top_up()  # thousands of Qt calls follow (see guard.py)
        self.text_generation += 1  # every page is stale now
        # the language box holds only Qt's own widgets (its list): not walked, not wrapped
        retranslate_tree(self, self.lang.gettext, skip=[*self._pages.values(), self.language_box])
        current = self._page_in_wizard()
        if current is not None:  # the page on screen (or behind the quick hide): now
            current.ensure_translated()
        if self._wizard is not None:
            self._retranslate_wizard()

    def _page_in_wizard(self) -> BasePage | None:
        """The wizard's current page, without building the wizard."""
        if self._wizard is None:
            return None
        current = self._wizard.currentPage()
        return next((page for page in self._pages.values() if page is current), None)

    def _retranslate_wizard(self) -> None:
        if self._wizard is None:
            return
        for key, which in (
            ("back", QWizard.BackButton),
            ("next", QWizard.NextButton),
            ("finish", QWizard.FinishButton),
            ("cancel", QWizard.CancelButton),
        ):
            text = self.lang.wizard_button_text(key)
            self._wizard.setButtonText(which, text)
            button = self._wizard.button(which)
            if button is not None:  # the size hint lags behind a new text: make room now
                button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) + 32)

    def retranslate_ui(self, _: Gettext) -> None:
        self.setWindowTitle(_(WINDOW_TITLE))
        self.language_label.setText(_(LANGUAGE))
        self.language_box.setAccessibleName(_(LANGUAGE))
        self.smaller.setAccessibleName(_(SMALLER))
        self.smaller.setToolTip(_(SMALLER))
        self.larger.setAccessibleName(_(LARGER))
        self.larger.setToolTip(_(LARGER))
        self.contrast.setText(_(CONTRAST))
        self.hide_button.setText(_(HIDE))
        self.hide_button.setAccessibleDescription(_(HIDE_HELP))
        finish, finish_help = self.finish_texts()
        self.finish_button.setText(_(finish))
        self.finish_button.setAccessibleDescription(_(finish_help))
        self.finish_button.setToolTip(_(finish_help))
        self.show_again.setText(_(SHOW_AGAIN))

    # -- appearance
    def apply_font_size(self, size: int) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.font_size = appearance.apply_font_size(app, size)
            appearance.apply_style(app, self.font_size, self.high_contrast)
            self.retranslate_all()  # page titles carry their size

    def larger_text(self) -> None:
        self.apply_font_size(self.font_size + 2)

    def smaller_text(self) -> None:
        self.apply_font_size(self.font_size - 2)

    def set_high_contrast(self, on: bool) -> None:
        app = QApplication.instance()
        self.high_contrast = on
        if isinstance(app, QApplication):
            appearance.apply_style(app, self.font_size, on)

    # -- the plan
    def new_plan(self) -> None:
        self._forget_pages()
        self.session.start_new(self.lang.code, resources_profile=self.settings.resources_profile)
        self._opened_from = None
        self._show_wizard()

    def open_plan(self, path: Path, secret: str, panel: UnlockPanel | None = None) -> None:
        """Derive and decrypt in the background; the panel that asked shows the outcome."""
        self._unlocking = panel or self.start.unlock_panel

        from preparedness.ui import services
        from preparedness.ui.workers import run_in_background

        def work() -> services.Opened:
            return services.open_plan(path, secret)

        run_in_background(work, self._opened, self._open_failed)

    def _open_failed(self, error: BaseException) -> None:
        panel = self._unlocking or self.start.unlock_panel
        panel.open_failed(error)

    def _opened(self, opened: services.Opened) -> None:
        self._forget_pages()
        self.session.close()
        self.session.plan = opened.plan
        self.session.plan_file = opened.plan_file
        self.session.attachments = opened.attachments
        self.session.clear_metadata = opened.clear_metadata
        self.session.dirty = False
        self._opened_from = Path(opened.plan_file.path)
        self.start.reset()
        if self._liaison is not None:
            self._liaison.reset()
            self._note_dates_in_list()
        self._unlocking = None
        if getattr(opened.plan_file, "needs_new_passphrase", False):
            self._show_recovered()  # a new passphrase before anything else
        else:
            self._show_wizard()
        self.opened.emit()

    def _after_save(self) -> None:
        plan_file = self.session.plan_file
        if plan_file is not None:
            self._opened_from = Path(plan_file.path)
        self._note_dates_in_list()

    def show_opened_plan(self) -> None:
        """After the new passphrase (recovery), on to the plan's first page."""
        if self.session.plan is not None:
            self._show_wizard()

    def _show_recovered(self) -> None:
        from preparedness.ui.recovery import NewPassphraseScreen

        if self._recovered is None:
            self._recovered = NewPassphraseScreen(self)
            self.stack.addWidget(self._recovered)
        self._recovered.reset()
        self.stack.setCurrentWidget(self._recovered)
        self._recovered.form.passphrase.setFocus()

    def passphrase_changed(self) -> None:
        """The save page shows the plan's passphrase state again."""
        if "save" in self._pages:
            self._pages["save"].passphrase_changed()

    def _note_dates_in_list(self) -> None:
        """A plan whose dates are locked gets its flags from the opened plan (memory only)."""
        plan = self.session.plan
        if self._liaison is None or plan is None or self._opened_from is None:
            return
        self._liaison.plan_opened(
            self._opened_from, plan.review_by, plan.earliest_authorization_expiry()
        )

    def _show_wizard(self) -> None:
        self.wizard.restart()
        self.stack.setCurrentWidget(self.wizard)
        self.retranslate_all()
        self._focus_first_input()

    def _forget_pages(self) -> None:
        for page in self._pages.values():
            page.forget()

    def plan_edited(self) -> None:
        self.session.dirty = True
        self._revalidate_timer.start()

    def revalidate(self) -> None:
        """Show problems beside the fields of the page on screen (never blocking)."""
        plan = self.session.plan
        page = self.current_page()
        if plan is None or page is None:
            return
        from preparedness.model import validate

        page.show_problems(validate(plan))

    def current_page(self) -> BasePage | None:
        from preparedness.ui.pages.base import BasePage

        page = self.wizard.currentPage()
        return page if isinstance(page, BasePage) else None

    def go_to_page(self, key: str) -> None:
        """Step there page by page, so Back still walks the pages in order.

        (QWizard.setCurrentId jumps without fixing its history: Back would then go wrong.)
        """
        target = page_id(key)
        for _step in range(len(PAGE_ORDER)):
            current = self.wizard.currentId()
            if current == target:
                break
            if current < target:
                self.wizard.next()
            else:
                self.wizard.back()

    def _page_changed(self, _id: int) -> None:
        self._focus_first_input()

    def _focus_first_input(self) -> None:
        page = self.current_page()
        if page is not None:
            page.scroll.verticalScrollBar().setValue(0)
            target = page.first_input()
            if target is not None:
                target.setFocus()

    def _scroll_to_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keyboard users must see the field they tabbed into."""
        scroll = new
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if isinstance(scroll, QScrollArea) and new is not None:
            scroll.ensureWidgetVisible(new, 20, 40)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for which in (QWizard.BackButton, QWizard.NextButton, QWizard.FinishButton):
            button = self.wizard.button(which)
            if button is not None:
                button.setEnabled(not busy)

    # -- recovery sheet
    def show_recovery_sheet(self, code: str) -> None:
        language = self.lang.code

        from preparedness.ui import services
        from preparedness.ui.workers import run_in_background

        def work() -> bytes:
            return services.render_recovery_sheet(code, language)

        def done(pdf: bytes) -> None:
            from preparedness.ui.pdf_dialog import PdfDialog

            self.recovery_dialog = PdfDialog(self, pdf, SUGGESTED_RECOVERY_PDF_NAME)
            hide_key(self.recovery_dialog)
            self.recovery_dialog.open()

        def failed(error: BaseException) -> None:
            from preparedness.ui.pages.save import error_msgid

            self.pages["save"]._set_status(error_msgid(error), True)

        run_in_background(work, done, failed)

    # -- modes and the volunteer's settings
    def is_community(self) -> bool:
        return self.mode == Mode.COMMUNITY

    def is_liaison(self) -> bool:
        return self.mode == Mode.LIAISON

    def set_mode(self, mode: Mode, retranslate: bool = True) -> None:
        """Switch the mode now (the volunteer settings do; no restart needed)."""
        self.mode = Mode(mode)
        if self.is_community() or self._idle_guard is not None:
            self.idle_guard.set_enabled(self.is_community())
        self.start.update_mode()
        if not self.is_liaison() and self.stack.currentWidget() is self._liaison:
            self.show_start()
        if retranslate:
            self.retranslate_all()

    def finish_texts(self) -> tuple[str, str]:
        if self.is_community():
            return FINISH_NEXT, FINISH_NEXT_HELP
        if self.is_liaison():
            return CLOSE_PLAN, CLOSE_PLAN_HELP
        return FINISH, FINISH_HELP

    def _idle_ms(self) -> int:
        if self._idle_ms_override is not None:
            return self._idle_ms_override
        return self.settings.idle_seconds * 1000

    def _dialog_start_folder(self) -> str:
        """Where file dialogs start: never where the last family left them."""
        if self.is_liaison() and self.settings.plans_folder:
            folder = Path(self.settings.plans_folder)
            if folder.is_dir():
                return str(folder)
        if self.is_community():
            return neutral_folder()
        from PySide6.QtCore import QDir

        return QDir.homePath()

    def store_settings(self, settings: Settings) -> bool:
        """Write the volunteer's settings (only ever on the volunteer's explicit action)."""
        try:
            save_settings(settings, self.settings_file or settings_path())
        except OSError:
            return False
        self.settings = settings
        return True

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        if self._idle_guard is not None:
            self._idle_guard.set_idle_ms(self._idle_ms())
        self.set_mode(settings.mode)
        if self._liaison is not None:
            self._liaison.refresh()

    def set_plans_folder(self, folder: Path) -> None:
        from dataclasses import replace

        self.store_settings(replace(self.settings, plans_folder=str(folder)))

    def open_volunteer_settings(self) -> None:
        """The PIN first (the first time: choose one), then the settings. Not with a plan open."""
        if self.session.plan is not None:
            return
        from preparedness.ui.volunteer import PinDialog

        self.pin_dialog = PinDialog(self)
        hide_key(self.pin_dialog)
        self.pin_dialog.accepted.connect(self._show_volunteer_settings)
        self.pin_dialog.open()

    def _show_volunteer_settings(self) -> None:
        from preparedness.ui.volunteer import VolunteerSettingsDialog

        self.volunteer_dialog = VolunteerSettingsDialog(self)
        hide_key(self.volunteer_dialog)
        self.volunteer_dialog.open()

    # -- screens
    def show_start(self) -> None:
        self.start.reset()
        self.stack.setCurrentWidget(self.start)

    def show_liaison_list(self) -> None:
        from preparedness.ui.liaison_list import LiaisonScreen

        if self._liaison is None:
            self._liaison = LiaisonScreen(self)
            self.stack.addWidget(self._liaison)
        self._liaison.refresh()
        self.stack.setCurrentWidget(self._liaison)
        self._liaison.table.setFocus()

    @property
    def liaison(self) -> LiaisonScreen:
        if self._liaison is None:
            self.show_liaison_list()
        assert self._liaison is not None
        return self._liaison

    # -- shared-laptop safety
    def quick_hide(self) -> None:
        """Blank the window at once (F12 or the button); the saved plan is not touched.

        Open dialogs (a file dialog showing folder names, a preview, a question) are closed
        too: nothing may stay on screen.
        """
        if self.stack.currentWidget() is self.blank:
            self.stack.setCurrentWidget(self._before_hide or self.start)
            self._before_hide = None
            return
        self._before_hide = self.stack.currentWidget()
        self.stack.setCurrentWidget(self.blank)
        self.show_again.setFocus()
        close_dialogs()
        self.raise_()

    def needs_idle_reset(self) -> bool:
        """Is anything of a family on screen or in memory (community night)?"""
        if self.session.plan is not None:
            return True
        if self.stack.currentWidget() is not self.start or not self.start.is_pristine():
            return True
        if self.lang.code != self.start_language:
            return True  # even a chosen language says something about the last family
        return any(
            w.isVisible() and w.isWindow() and w is not self for w in QApplication.topLevelWidgets()
        )

    def idle_reset(self) -> None:
        """Nobody answered the countdown: the same reset as "Finish and next family"."""
        close_dialogs()
        self.clear_everything()
        self.restarter()

    def is_hidden_screen(self) -> bool:
        return self.stack.currentWidget() is self.blank

    def confirm(self, text_msgid: str) -> bool:
        """Ask a yes/no question in the window's language (tests inject an answer)."""
        if self._confirm is not None:
            return self._confirm(text_msgid)
        from PySide6.QtWidgets import QMessageBox

        _ = current_gettext()
        box = QMessageBox(QMessageBox.Question, _(WINDOW_TITLE), _(text_msgid), parent=self)
        hide_key(box)
        yes = box.addButton(_(FINISH_YES), QMessageBox.AcceptRole)
        box.addButton(_(FINISH_NO), QMessageBox.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def finish(self) -> None:
        """Close the plan, clear what the app controls, and start a fresh process.

        A liaison (their own laptop, many families a day) goes back to the list instead.
        """
        if self.session.plan is not None:
            question = FINISH_UNSAVED if self.session.dirty else FINISH_SURE
            if not self.confirm(question):
                return
        if self.is_liaison():
            self.clear_everything()
            self.show_liaison_list()
            return
        self.clear_everything()
        self.restarter()

    def clear_everything(self) -> None:
        close_dialogs()
        # dialogs kept for reuse hold what they showed (a recovery sheet's PDF, a PIN typed)
        for name in ("recovery_dialog", "pin_dialog", "volunteer_dialog"):
            dialog = getattr(self, name, None)
            if dialog is not None:
                dialog.deleteLater()
                setattr(self, name, None)
        self._forget_pages()
        self.session.close()
        self._opened_from = None
        self._unlocking = None
        if self._wizard is not None:
            self._wizard.restart()
        self.start.reset()
        if self._liaison is not None:
            self._liaison.reset()
        if self._recovered is not None:
            self._recovered.reset()
        self._before_hide = None
        self.stack.setCurrentWidget(self.start)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        clear_file_dialog_history()
        # Delete the closed plan's widgets now rather than at the next turn of the event loop.
        from PySide6.QtCore import QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        if (
            self.session.plan is not None
            and self.session.dirty
            and not self.confirm(FINISH_UNSAVED)
        ):
            event.ignore()
            return
        self.clear_everything()
        if self._idle_guard is not None:
            self._idle_guard.set_enabled(False)
        event.accept()


def _page_class(key: str) -> type[BasePage]:
    from preparedness.ui.pages.caregivers import CaregiversPage
    from preparedness.ui.pages.children import ChildrenPage
    from preparedness.ui.pages.contacts import ContactsPage
    from preparedness.ui.pages.documents import DocumentsPage
    from preparedness.ui.pages.household import HouseholdPage
    from preparedness.ui.pages.legal import LegalPage
    from preparedness.ui.pages.money import MoneyPage
    from preparedness.ui.pages.printing import PrintPage
    from preparedness.ui.pages.review import ReviewPage
    from preparedness.ui.pages.save import SavePage
    from preparedness.ui.pages.school import SchoolPage

    classes: dict[str, type[BasePage]] = {
        "household": HouseholdPage,
        "children": ChildrenPage,
        "contacts": ContactsPage,
        "caregivers": CaregiversPage,
        "school": SchoolPage,
        "legal": LegalPage,
        "documents": DocumentsPage,
        "money": MoneyPage,
        "review": ReviewPage,
        "save": SavePage,
        "print": PrintPage,
    }
    return classes[key]
