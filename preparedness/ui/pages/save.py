"""Page 10: save the plan encrypted, with a passphrase the family chooses.

Key derivation takes about half a second, so saving runs in the background and the page says
"Saving…" meanwhile. A recovery code, if wanted, is shown once and printed on its own sheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from preparedness.i18n import N_
from preparedness.ui import passphrase, services
from preparedness.ui.fields import set_role
from preparedness.ui.language import Gettext, current_gettext
from preparedness.ui.pages.base import BasePage
from preparedness.ui.safety import SUGGESTED_PLAN_NAME
from preparedness.ui.workers import run_in_background

INTRO = N_(
    "Your plan is saved in a locked file. Only someone who knows the passphrase can open it. "
    "Choose a passphrase: a few words only your family knows. Write it down and keep it safe."
)
INTRO_SAVED = N_("Your plan is saved in a locked file. Save again to keep your changes.")
PASSPHRASE = N_("Passphrase")
PASSPHRASE_HELP = N_("A few words, for example: blue river morning bread.")
CONFIRM = N_("Write the passphrase again")
SHOW = N_("Show the passphrase")
SUGGEST = N_("Suggest a passphrase")
RECOVERY = N_("Also make a recovery code (printed on its own sheet)")
RECOVERY_HELP = N_(
    "If you forget the passphrase, the recovery code opens the plan. Keep the sheet with "
    "the packet, away from the computer."
)
SAVE = N_("Save the plan…")
SAVE_CHANGES = N_("Save changes")
SAVE_COPY = N_("Save a copy somewhere else (USB stick)…")
SAVING = N_("Saving… please wait.")
SAVED = N_("Saved. Keep the passphrase safe: without it, nobody can open the plan.")
CODE_IS = N_("Your recovery code:")
PRINT_RECOVERY = N_("Print or save the recovery sheet")
SAVE_TITLE = N_("Save the plan")
PLAN_FILES = N_("Plan files (*.fpp)")
UNEXPECTED = N_("Something went wrong. Your plan was not saved. Try another place.")
NEED_NEW = N_("You opened the plan with the recovery code. Choose a new passphrase to save it.")


def error_msgid(error: BaseException) -> str:
    """A vault error in plain words; anything else as one calm sentence (never a trace)."""
    default = getattr(error, "default_message", None)
    return default if isinstance(default, str) and default else UNEXPECTED


class SavePage(BasePage):
    key = "save"
    title_msgid = N_("Save your plan")
    subtitle_msgid = N_("Lock the plan with a passphrase so you can open and change it later.")

    def __init__(self, main: Any) -> None:
        super().__init__(main)
        self._busy = False
        self.recovery_code: str | None = None
        self._status_msgid = ""
        self._status_is_error = False
        self._build_static()

    def signature(self) -> object:
        return True  # nothing depends on the plan's structure

    def _build_static(self) -> None:
        c = self.content
        self.intro = QLabel(c)
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.pass_label = QLabel(c)
        self.pass_help = QLabel(c)
        self.pass_help.setWordWrap(True)
        set_role(self.pass_help, "help")
        self.passphrase = QLineEdit(c)
        self.passphrase.setObjectName("save.passphrase")
        self.passphrase.setEchoMode(QLineEdit.Password)
        self.pass_label.setBuddy(self.passphrase)
        self.strength = QLabel(c)
        self.strength.setObjectName("save.strength")
        self.confirm_label = QLabel(c)
        self.confirm = QLineEdit(c)
        self.confirm.setObjectName("save.confirm")
        self.confirm.setEchoMode(QLineEdit.Password)
        self.confirm_label.setBuddy(self.confirm)
        self.mismatch = QLabel(c)
        self.mismatch.setObjectName("save.mismatch")
        set_role(self.mismatch, "problem-error")
        row = QWidget(c)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        self.show_box = QCheckBox(row)
        self.show_box.setObjectName("save.show")
        self.suggest_button = QPushButton(row)
        self.suggest_button.setObjectName("save.suggest")
        row_layout.addWidget(self.show_box)
        row_layout.addWidget(self.suggest_button)
        row_layout.addStretch(1)
        self.recovery_box = QCheckBox(c)
        self.recovery_box.setObjectName("save.recovery")
        self.recovery_help = QLabel(c)
        self.recovery_help.setWordWrap(True)
        set_role(self.recovery_help, "help")
        self.save_button = QPushButton(c)
        self.save_button.setObjectName("save.save")
        set_role(self.save_button, "big")
        self.save_copy_button = QPushButton(c)
        self.save_copy_button.setObjectName("save.save_copy")
        self.status = QLabel(c)
        self.status.setObjectName("save.status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.PlainText)
        self.code_label = QLabel(c)
        self.code = QLabel(c)
        self.code.setObjectName("save.recovery_code")
        self.code.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.code.setLayoutDirection(Qt.LeftToRight)
        set_role(self.code, "heading")
        self.print_recovery = QPushButton(c)
        self.print_recovery.setObjectName("save.print_recovery")
        self.password_widgets: list[QWidget] = [
            self.pass_label,
            self.pass_help,
            self.passphrase,
            self.strength,
            self.confirm_label,
            self.confirm,
            self.mismatch,
            row,
            self.recovery_box,
            self.recovery_help,
        ]
        for widget in (
            *self.password_widgets,
            self.save_button,
            self.save_copy_button,
            self.status,
            self.code_label,
            self.code,
            self.print_recovery,
        ):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.passphrase.textChanged.connect(self._update_hint)
        self.confirm.textChanged.connect(self._update_hint)
        self.show_box.toggled.connect(self._show_passphrase)
        self.suggest_button.clicked.connect(self.suggest)
        self.save_button.clicked.connect(self.save)
        self.save_copy_button.clicked.connect(self.save_copy)
        self.print_recovery.clicked.connect(self._print_recovery)
        for widget in (self.code_label, self.code, self.print_recovery):
            widget.hide()

    # BasePage rebuilds dynamic content; this page's widgets are fixed.
    def rebuild(self) -> None:
        self._signature = self.signature()

    def clear_content(self) -> None:
        pass

    def forget(self) -> None:
        self.passphrase.clear()
        self.confirm.clear()
        self.recovery_box.setChecked(False)
        self.recovery_code = None
        self.code.clear()
        self._set_status("")
        for widget in (self.code_label, self.code, self.print_recovery):
            widget.hide()

    def initializePage(self) -> None:  # Qt's name
        super().initializePage()
        if self.main.session.plan is None:
            return
        self._update_mode()

    def _needs_passphrase(self) -> bool:
        plan_file = self.main.session.plan_file
        return plan_file is None or bool(getattr(plan_file, "needs_new_passphrase", False))

    def _update_mode(self) -> None:
        needs = self._needs_passphrase()
        for widget in self.password_widgets:
            widget.setVisible(needs)
        self.save_copy_button.setVisible(not needs)
        self._update_hint()
        self.retranslate_ui(current_gettext())

    def _show_passphrase(self, on: bool) -> None:
        mode = QLineEdit.Normal if on else QLineEdit.Password
        self.passphrase.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def suggest(self) -> None:
        words = passphrase.suggest()
        self.show_box.setChecked(True)
        self.passphrase.setText(words)
        self.confirm.setText(words)

    def _update_hint(self) -> None:
        _ = current_gettext()
        self.strength.setText(_(passphrase.strength(self.passphrase.text())))
        same = passphrase.normalized(self.passphrase.text()) == passphrase.normalized(
            self.confirm.text()
        )
        self.mismatch.setText("" if same or not self.confirm.text() else _(passphrase.MISMATCH))
        self.mismatch.setVisible(bool(self.mismatch.text()))
        ready = bool(self.passphrase.text().strip()) and same
        self.save_button.setEnabled(not self._busy and (ready or not self._needs_passphrase()))
        self.save_copy_button.setEnabled(not self._busy)

    def _set_status(self, msgid: str, is_error: bool = False) -> None:
        self._status_msgid = msgid
        self._status_is_error = is_error
        _ = current_gettext()
        self.status.setText(_(msgid) if msgid else "")
        set_role(self.status, "problem-error" if is_error else "help")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.main.set_busy(busy)
        self._update_hint()

    # -- saving
    def save(self) -> None:
        session = self.main.session
        if self._busy or session.plan is None:
            return
        payload = session.payload()
        if session.plan_file is not None and not session.plan_file.needs_new_passphrase:
            self._run(lambda: services.save_plan(session.plan_file, payload))
            return
        secret = passphrase.normalized(self.passphrase.text())
        if session.plan_file is not None:  # opened with the recovery code
            plan_file = session.plan_file

            def change() -> Any:
                plan_file.change_passphrase(secret, payload)
                return plan_file

            self._run(change)
            return
        _ = current_gettext()
        path = self.main.file_dialogs.save_path(
            self, _(SAVE_TITLE), SUGGESTED_PLAN_NAME, _(PLAN_FILES)
        )
        if path is None:
            return
        path = _with_suffix(path)
        code = services.generate_recovery_code() if self.recovery_box.isChecked() else None

        def create() -> Any:
            from preparedness.vault import PlanFile

            return PlanFile.create(path, payload, secret, recovery_code=code, overwrite=True)

        self._run(create, recovery_code=code)

    def save_copy(self) -> None:
        session = self.main.session
        if self._busy or session.plan_file is None:
            return
        _ = current_gettext()
        path = self.main.file_dialogs.save_path(
            self, _(SAVE_TITLE), SUGGESTED_PLAN_NAME, _(PLAN_FILES)
        )
        if path is None:
            return
        path = _with_suffix(path)
        payload = session.payload()
        plan_file = session.plan_file
        self._run(lambda: plan_file.save_as(path, payload, overwrite=True))

    def _run(self, work: Any, recovery_code: str | None = None) -> None:
        self._set_busy(True)
        self._set_status(SAVING)

        def done(plan_file: Any) -> None:
            self._set_busy(False)
            self.main.session.plan_file = plan_file
            self.main.session.dirty = False
            self.passphrase.clear()
            self.confirm.clear()
            self._set_status(SAVED)
            if recovery_code:
                self.recovery_code = recovery_code
                self.code.setText(recovery_code)
                for widget in (self.code_label, self.code, self.print_recovery):
                    widget.show()
            self._update_mode()
            self.main.saved.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._set_status(error_msgid(error), is_error=True)

        run_in_background(work, done, failed)

    def _print_recovery(self) -> None:
        if self.recovery_code:
            self.main.show_recovery_sheet(self.recovery_code)

    def retranslate_ui(self, _: Gettext) -> None:
        super().retranslate_ui(_)
        self.intro.setText(_(INTRO) if self._needs_passphrase() else _(INTRO_SAVED))
        if self.main.session.plan_file is not None and self._needs_passphrase():
            self.intro.setText(_(NEED_NEW))
        self.pass_label.setText(_(PASSPHRASE))
        self.pass_help.setText(_(PASSPHRASE_HELP))
        self.passphrase.setAccessibleName(_(PASSPHRASE))
        self.passphrase.setAccessibleDescription(_(PASSPHRASE_HELP))
        self.confirm_label.setText(_(CONFIRM))
        self.confirm.setAccessibleName(_(CONFIRM))
        self.show_box.setText(_(SHOW))
        self.suggest_button.setText(_(SUGGEST))
        self.recovery_box.setText(_(RECOVERY))
        self.recovery_box.setAccessibleDescription(_(RECOVERY_HELP))
        self.recovery_help.setText(_(RECOVERY_HELP))
        self.save_button.setText(_(SAVE) if self._needs_passphrase() else _(SAVE_CHANGES))
        if self.main.session.plan_file is not None and self._needs_passphrase():
            self.save_button.setText(_(SAVE_CHANGES))
        self.save_copy_button.setText(_(SAVE_COPY))
        self.code_label.setText(_(CODE_IS))
        self.print_recovery.setText(_(PRINT_RECOVERY))
        self._set_status(self._status_msgid, self._status_is_error)
        self._update_hint()


def _with_suffix(path: Path) -> Path:
    return path if path.suffix else path.with_suffix(".fpp")
