"""The main window: a top bar that is always there, the start screen, the wizard, a blank.

The top bar holds what a person must reach from every page: the language, the text size,
high contrast, the quick-hide button and Finish. The wizard is a QWizard embedded as a
widget; Esc must not close it (a panicked key press must never lose a plan).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from preparedness.i18n import N_
from preparedness.languages import all_languages
from preparedness.ui import appearance, guard, services
from preparedness.ui.dialogs import FileDialogs
from preparedness.ui.language import Gettext, LanguageController, current_gettext, retranslate_tree
from preparedness.ui.pages import PAGE_ORDER, page_id

if TYPE_CHECKING:  # the pages (and the model) are imported after the first screen shows
    from preparedness.ui.pages.base import BasePage
from preparedness.ui.safety import (
    SUGGESTED_RECOVERY_PDF_NAME,
    WINDOW_TITLE,
    Restarter,
    clear_file_dialog_history,
    restart_process,
)
from preparedness.ui.start import StartScreen
from preparedness.ui.workers import run_in_background

LANGUAGE = N_("Language")
SMALLER = N_("Smaller text")
LARGER = N_("Larger text")
CONTRAST = N_("High contrast")
HIDE = N_("Hide screen (F12)")
HIDE_HELP = N_("Blanks the window at once. Press F12 again to come back.")
FINISH = N_("Finish")
FINISH_HELP = N_("Close the plan and clear the screen for the next family.")
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
        language: str = "en",
        restarter: Restarter = restart_process,
        file_dialogs: Any = None,
        confirm: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self._none_guard = guard.install(self)
        self.session = services.PlanSession()
        self.lang = LanguageController(parent=self)
        self.restarter = restarter
        self.file_dialogs = file_dialogs or FileDialogs()
        self._confirm = confirm
        self.font_size = appearance.DEFAULT_POINT_SIZE
        self.high_contrast = False
        self._busy = False
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
        self.start = StartScreen(self)
        self.blank = QWidget(self)
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

        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1100, 820)
        self.set_language(language)
        self.stack.setCurrentWidget(self.start)
        # The first screen needs only the languages: build the wizard right after it shows.
        QTimer.singleShot(0, self._build_wizard)

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
        """Switch every text now; answers stay in the model, so nothing is lost."""
        self.lang.set_language(code)
        index = self.language_box.findData(self.lang.code)
        self.language_box.setCurrentIndex(index)
        self.retranslate_all()

    def retranslate_all(self) -> None:
        guard.top_up()  # thousands of Qt calls follow (see guard.py)
        retranslate_tree(self, self.lang.gettext)
        if self._wizard is not None:
            self._retranslate_wizard()

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
        self.finish_button.setText(_(FINISH))
        self.finish_button.setAccessibleDescription(_(FINISH_HELP))
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
        self.session.start_new(self.lang.code)
        self._show_wizard()

    def open_plan(self, path: Path, secret: str) -> None:
        """Derive and decrypt in the background; the start screen shows the outcome."""

        def work() -> services.Opened:
            return services.open_plan(path, secret)

        run_in_background(work, self._opened, self.start.open_failed)

    def _opened(self, opened: services.Opened) -> None:
        self._forget_pages()
        self.session.close()
        self.session.plan = opened.plan
        self.session.plan_file = opened.plan_file
        self.session.attachments = opened.attachments
        self.session.clear_metadata = opened.clear_metadata
        self.session.dirty = False
        self.start.reset()
        self._show_wizard()
        self.opened.emit()

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

        def work() -> bytes:
            return services.render_recovery_sheet(code, language)

        def done(pdf: bytes) -> None:
            from preparedness.ui.pdf_dialog import PdfDialog

            self.recovery_dialog = PdfDialog(self, pdf, SUGGESTED_RECOVERY_PDF_NAME)
            self.recovery_dialog.open()

        def failed(error: BaseException) -> None:
            from preparedness.ui.pages.save import error_msgid

            self.pages["save"]._set_status(error_msgid(error), True)

        run_in_background(work, done, failed)

    # -- shared-laptop safety
    def quick_hide(self) -> None:
        """Blank the window at once (F12 or the button); the saved plan is not touched."""
        if self.stack.currentWidget() is self.blank:
            self.stack.setCurrentWidget(self._before_hide or self.start)
            self._before_hide = None
            return
        self._before_hide = self.stack.currentWidget()
        self.stack.setCurrentWidget(self.blank)
        self.show_again.setFocus()
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()

    def is_hidden_screen(self) -> bool:
        return self.stack.currentWidget() is self.blank

    def confirm(self, text_msgid: str) -> bool:
        """Ask a yes/no question in the window's language (tests inject an answer)."""
        if self._confirm is not None:
            return self._confirm(text_msgid)
        _ = current_gettext()
        box = QMessageBox(QMessageBox.Question, _(WINDOW_TITLE), _(text_msgid), parent=self)
        yes = box.addButton(_(FINISH_YES), QMessageBox.AcceptRole)
        box.addButton(_(FINISH_NO), QMessageBox.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def finish(self) -> None:
        """Close the plan, clear what the app controls, and start a fresh process."""
        if self.session.plan is not None:
            question = FINISH_UNSAVED if self.session.dirty else FINISH_SURE
            if not self.confirm(question):
                return
        self.clear_everything()
        self.restarter()

    def clear_everything(self) -> None:
        self._forget_pages()
        self.session.close()
        if self._wizard is not None:
            self._wizard.restart()
        self.start.reset()
        self.stack.setCurrentWidget(self.start)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        clear_file_dialog_history()
        # Delete the closed plan's widgets now rather than at the next turn of the event loop.
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
