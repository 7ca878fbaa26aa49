"""New passphrases: after opening with the recovery code, and when a family wants to change it.

A plan opened with the recovery code cannot be saved until it has a new passphrase (the
vault refuses: ``PassphraseChangeRequired``), so the window shows ``NewPassphraseScreen``
before anything else. ``ChangePassphraseDialog`` changes the passphrase of an open, saved plan.
Both run the key derivation in the background.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from preparedness.i18n import N_
from preparedness.ui import passphrase, services
from preparedness.ui.appearance import set_role
from preparedness.ui.language import Gettext, current_gettext, current_language_code
from preparedness.ui.recovery_code import RecoveryCodeView
from preparedness.ui.workers import run_in_background

if TYPE_CHECKING:
    from preparedness.ui.window import MainWindow

NEW_PASSPHRASE = N_("New passphrase")
NEW_HELP = N_("A few words only your family knows, for example: blue river morning bread.")
AGAIN = N_("Write the new passphrase again")

RECOVERED_TITLE = N_("Choose a new passphrase")
RECOVERED_TEXT = N_(
    "The plan is open with the recovery code. Choose a new passphrase now: the old one will "
    "no longer open the plan. The recovery sheet keeps working."
)
NEW_CODE_TOO = N_("Also make a new recovery code (the old sheet will stop working)")
SAVE_NEW = N_("Save the new passphrase")
CLOSE_PLAN = N_("Close the plan")
SAVING = N_("Saving… please wait.")
SAVED = N_("The new passphrase is saved. Write it down and keep it safe.")
CONTINUE = N_("Continue to the plan")
CODE_IS = N_("Your new recovery code (shown only now):")
FAILED = N_("The new passphrase could not be saved. The plan on disk was not changed.")

CHANGE_TITLE = N_("Change the passphrase")
CHANGE_TEXT = N_(
    "The plan is saved again with the new passphrase. The old passphrase stops working for "
    "this file (an older copy or the backup still opens with it)."
)
CHANGE = N_("Change the passphrase")
CANCEL = N_("Cancel")


class PassphraseForm(QWidget):
    """A new passphrase twice, with a plain strength hint and a suggestion."""

    changed = Signal()

    def __init__(self, parent: QWidget, prefix: str) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        set_role(self.help, "help")
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName(f"{prefix}.passphrase")
        self.strength = QLabel(self)
        self.strength.setObjectName(f"{prefix}.strength")
        self.again_label = QLabel(self)
        self.again = QLineEdit(self)
        self.again.setObjectName(f"{prefix}.confirm")
        self.mismatch = QLabel(self)
        self.mismatch.setObjectName(f"{prefix}.mismatch")
        set_role(self.mismatch, "problem-error")
        for edit in (self.passphrase, self.again):
            edit.setEchoMode(QLineEdit.Password)
            edit.textChanged.connect(self._update)
        self.label.setBuddy(self.passphrase)
        self.again_label.setBuddy(self.again)
        row = QHBoxLayout()
        self.show_box = QCheckBox(self)
        self.show_box.setObjectName(f"{prefix}.show")
        self.show_box.toggled.connect(self._show)
        self.suggest_button = QPushButton(self)
        self.suggest_button.setObjectName(f"{prefix}.suggest")
        self.suggest_button.clicked.connect(self.suggest)
        row.addWidget(self.show_box)
        row.addWidget(self.suggest_button)
        row.addStretch(1)
        for widget in (self.label, self.help, self.passphrase, self.strength):
            layout.addWidget(widget)
        layout.addWidget(self.again_label)
        layout.addWidget(self.again)
        layout.addWidget(self.mismatch)
        layout.addLayout(row)
        self._update()

    def suggest(self) -> None:
        words = passphrase.suggest(lang=current_language_code())
        self.show_box.setChecked(True)
        self.passphrase.setText(words)
        self.again.setText(words)

    def _show(self, on: bool) -> None:
        mode = QLineEdit.Normal if on else QLineEdit.Password
        self.passphrase.setEchoMode(mode)
        self.again.setEchoMode(mode)

    def value(self) -> str:
        return passphrase.normalized(self.passphrase.text())

    def ready(self) -> bool:
        same = self.value() == passphrase.normalized(self.again.text())
        return bool(self.value().strip()) and same

    def wipe(self) -> None:
        """Empty both boxes, leaving nothing to undo."""
        self.passphrase.setText("")
        self.again.setText("")
        self.show_box.setChecked(False)

    def _update(self) -> None:
        _ = current_gettext()
        self.strength.setText(_(passphrase.strength(self.passphrase.text())))
        same = self.value() == passphrase.normalized(self.again.text())
        self.mismatch.setText("" if same or not self.again.text() else _(passphrase.MISMATCH))
        self.mismatch.setVisible(bool(self.mismatch.text()))
        self.changed.emit()

    def retranslate_ui(self, _: Gettext) -> None:
        self.label.setText(_(NEW_PASSPHRASE))
        self.help.setText(_(NEW_HELP))
        self.passphrase.setAccessibleName(_(NEW_PASSPHRASE))
        self.passphrase.setAccessibleDescription(_(NEW_HELP))
        self.again_label.setText(_(AGAIN))
        self.again.setAccessibleName(_(AGAIN))
        self.show_box.setText(_(passphrase.SHOW))
        self.suggest_button.setText(_(passphrase.SUGGEST))
        self._update()


class NewPassphraseScreen(QWidget):
    """Shown right after a plan was opened with the recovery code, before any page."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("recovered")
        self.busy = False
        self._status = ""
        self._status_error = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        layout.setSpacing(12)
        self.title = QLabel(self)
        set_role(self.title, "heading")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.form = PassphraseForm(self, "recovered")
        self.form.changed.connect(self._update_buttons)
        self.new_code_box = QCheckBox(self)
        self.new_code_box.setObjectName("recovered.new_code")
        self.status = QLabel(self)
        self.status.setObjectName("recovered.status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.PlainText)
        self.code_view = RecoveryCodeView(
            window,
            self,
            caption_msgid=CODE_IS,
            code_name="recovered.code",
            print_name="recovered.print_code",
            spacing=layout.spacing(),
            button_alignment=Qt.AlignLeft,  # leading edge (mirrored in RTL)
        )
        # the names earlier code and tests use
        self.code_label = self.code_view.caption
        self.code = self.code_view.code_label
        self.print_code = self.code_view.print_button
        row = QHBoxLayout()
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("recovered.save")
        set_role(self.save_button, "big")
        self.save_button.clicked.connect(self.save)
        self.continue_button = QPushButton(self)
        self.continue_button.setObjectName("recovered.continue")
        set_role(self.continue_button, "big")
        self.continue_button.clicked.connect(self.window_.show_opened_plan)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("recovered.close")
        self.close_button.clicked.connect(self.close_plan)
        row.addWidget(self.save_button)
        row.addWidget(self.continue_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        for widget in (self.title, self.text, self.form, self.new_code_box, self.status):
            layout.addWidget(widget)
        layout.addWidget(self.code_view)
        layout.addLayout(row)
        layout.addStretch(1)
        self.reset()

    @property
    def new_code(self) -> str | None:
        """The new recovery code on show, if one was made."""
        return self.code_view.value

    def reset(self) -> None:
        self.busy = False
        self.form.wipe()
        self.form.setVisible(True)
        self.new_code_box.setChecked(False)
        self.new_code_box.setVisible(True)
        self.code_view.clear()
        self.continue_button.hide()
        self.save_button.show()
        self._set_status("")
        self._update_buttons()
        self.retranslate_ui(current_gettext())

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self.busy and self.form.ready())
        self.close_button.setEnabled(not self.busy)

    def _set_status(self, msgid: str, error: bool = False) -> None:
        self._status, self._status_error = msgid, error
        self.status.setText(current_gettext()(msgid) if msgid else "")
        set_role(self.status, "problem-error" if error else "help")

    def save(self) -> None:
        session = self.window_.session
        plan_file = session.plan_file
        if self.busy or plan_file is None or not self.form.ready():
            return
        secret = self.form.value()
        payload = session.payload()
        code = services.generate_recovery_code() if self.new_code_box.isChecked() else None

        def work() -> Any:
            from preparedness.vault import KEEP

            plan_file.change_passphrase(secret, payload, recovery_code=code or KEEP)
            return plan_file

        self.busy = True
        self._update_buttons()
        self._set_status(SAVING)
        run_in_background(work, lambda _pf: self._saved(code), self._failed)

    def _saved(self, code: str | None) -> None:
        self.busy = False
        self.window_.session.dirty = False
        self.form.wipe()
        self.form.hide()
        self.new_code_box.hide()
        self.save_button.hide()
        self._set_status(SAVED)
        if code:
            self.code_view.show_code(code)
        self.continue_button.show()
        self.continue_button.setFocus()
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        from preparedness.ui.pages.save import UNEXPECTED, error_msgid

        self.busy = False
        msgid = error_msgid(error)
        self._set_status(FAILED if msgid == UNEXPECTED else msgid, error=True)
        self._update_buttons()

    def close_plan(self) -> None:
        self.window_.finish()

    def retranslate_ui(self, _: Gettext) -> None:
        self.title.setText(_(RECOVERED_TITLE))
        self.text.setText(_(RECOVERED_TEXT))
        self.form.retranslate_ui(_)
        self.new_code_box.setText(_(NEW_CODE_TOO))
        self.save_button.setText(_(SAVE_NEW))
        self.continue_button.setText(_(CONTINUE))
        self.close_button.setText(_(CLOSE_PLAN))
        self._set_status(self._status, self._status_error)


class ChangePassphraseDialog(QDialog):
    """Change the passphrase of the open, saved plan (the recovery code stays as it is)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("change_passphrase")
        self.busy = False
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        set_role(self.text, "help")
        self.form = PassphraseForm(self, "change")
        self.form.changed.connect(self._update)
        self.status = QLabel(self)
        self.status.setObjectName("change.status")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addStretch(1)
        self.change = QPushButton(self)
        self.change.setObjectName("change.save")
        self.change.clicked.connect(self.submit)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("change.cancel")
        self.cancel.clicked.connect(self.reject)
        row.addWidget(self.change)
        row.addWidget(self.cancel)
        for widget in (self.text, self.form, self.status):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.resize(620, 420)
        self.finished.connect(lambda _result: self.form.wipe())
        self.retranslate_ui(window.lang.gettext)

    def _update(self) -> None:
        self.change.setEnabled(not self.busy and self.form.ready())
        self.cancel.setEnabled(not self.busy)

    def submit(self) -> None:
        session = self.window_.session
        plan_file = session.plan_file
        if self.busy or plan_file is None or not self.form.ready():
            return
        secret = self.form.value()
        payload = session.payload()

        def work() -> Any:
            plan_file.change_passphrase(secret, payload)
            return plan_file

        def done(_plan_file: Any) -> None:
            self.busy = False
            session.dirty = False
            self.window_.passphrase_changed()
            self.accept()

        def failed(error: BaseException) -> None:
            from preparedness.ui.pages.save import error_msgid

            self.busy = False
            self.status.setText(current_gettext()(error_msgid(error)))
            set_role(self.status, "problem-error")
            self._update()

        self.busy = True
        self._update()
        self.status.setText(current_gettext()(SAVING))
        run_in_background(work, done, failed)

    def retranslate_ui(self, _: Gettext) -> None:
        self.setWindowTitle(_(CHANGE_TITLE))
        self.text.setText(_(CHANGE_TEXT))
        self.form.retranslate_ui(_)
        self.change.setText(_(CHANGE))
        self.cancel.setText(_(CANCEL))
