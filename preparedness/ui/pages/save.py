"""Page 10: save the plan encrypted, with a passphrase the family chooses.

Key derivation takes about half a second, so saving runs in the background and the page says
"Saving…" meanwhile. A recovery code, if wanted, is shown once and printed on its own sheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from preparedness.i18n import N_
from preparedness.ui import passphrase, services
from preparedness.ui.fields import set_role
from preparedness.ui.language import Gettext, current_gettext, current_language_code
from preparedness.ui.pages.base import BasePage
from preparedness.ui.recovery_code import RecoveryCodeView
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
SAVE_TITLE = N_("Save the plan")
PLAN_FILES = N_("Plan files (*.fpp)")
UNEXPECTED = N_("Something went wrong. Your plan was not saved. Try another place.")
NEED_NEW = N_("You opened the plan with the recovery code. Choose a new passphrase to save it.")

LABEL = N_("Code for this plan in the helper's list (like F-031)")
LABEL_HELP = N_(
    "Anyone who has the file can read this code without the passphrase. Never use a name, "
    "an address or a case number."
)
LABEL_LOOKS_LIKE_NAME = N_("This code contains a name from the plan. Use a code like F-031.")
DATES_IN_CLEAR = N_(
    "Show the review and authorization dates without the passphrase (in the liaison's list)"
)
DATES_HELP = N_(
    "If you tick this, anyone who has the file can read two dates: when the plan should be "
    "checked again, and when the first caregiver authorization ends. Nothing else. Your "
    "helper can then remind you in time without opening the plan."
)
KEYS_TITLE = N_("Passphrase and recovery code")
HAS_CODE = N_("This plan has a recovery code.")
NO_CODE = N_("This plan has no recovery code.")
CHANGE_PASSPHRASE = N_("Change the passphrase…")
MAKE_CODE = N_("Make a recovery code")
REPLACE_CODE = N_("Make a new recovery code (the old sheet stops working)")
REMOVE_CODE = N_("Remove the recovery code")
REMOVE_CODE_SURE = N_(
    "Remove the recovery code? The printed recovery sheet will no longer open this plan."
)
CODE_REMOVED = N_("The recovery code was removed.")
PASSPHRASE_CHANGED = N_("The new passphrase is saved. Write it down and keep it safe.")


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
        self.code_view = RecoveryCodeView(
            self.main,
            c,
            caption_msgid=CODE_IS,
            code_name="save.recovery_code",
            print_name="save.print_recovery",
            left_to_right=True,
            spacing=self.layout_.spacing(),
        )
        # the names earlier code and tests use
        self.code_label = self.code_view.caption
        self.code = self.code_view.code_label
        self.print_recovery = self.code_view.print_button
        self._build_label_section(c)
        self._build_keys_section(c)
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
            self.label_section,
            self.save_button,
            self.save_copy_button,
            self.status,
            self.code_view,
            self.keys_section,
        ):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.passphrase.textChanged.connect(self._update_hint)
        self.confirm.textChanged.connect(self._update_hint)
        self.show_box.toggled.connect(self._show_passphrase)
        self.suggest_button.clicked.connect(self.suggest)
        self.save_button.clicked.connect(self.save)
        self.save_copy_button.clicked.connect(self.save_copy)

    def _build_label_section(self, c: QWidget) -> None:
        """The liaison's code for the plan and the family's choice about the two dates."""
        self.label_section = QWidget(c)
        self.label_section.setObjectName("save.label_section")
        box = QVBoxLayout(self.label_section)
        box.setContentsMargins(0, 8, 0, 8)
        self.label_label = QLabel(self.label_section)
        self.label_label.setWordWrap(True)
        self.label_edit = QLineEdit(self.label_section)
        self.label_edit.setObjectName("save.label")
        from preparedness.model.clear_metadata import MAX_LABEL_CHARS

        self.label_edit.setMaxLength(MAX_LABEL_CHARS)
        self.label_edit.setMaximumWidth(420)
        self.label_edit.textEdited.connect(self._label_edited)
        self.label_label.setBuddy(self.label_edit)
        self.label_help = QLabel(self.label_section)
        self.label_help.setWordWrap(True)
        set_role(self.label_help, "help")
        self.label_warning = QLabel(self.label_section)
        self.label_warning.setObjectName("save.label_warning")
        self.label_warning.setWordWrap(True)
        set_role(self.label_warning, "problem-error")
        self.dates_box = QCheckBox(self.label_section)
        self.dates_box.setObjectName("save.dates_in_clear")
        self.dates_box.toggled.connect(self._dates_toggled)
        self.dates_help = QLabel(self.label_section)
        self.dates_help.setWordWrap(True)
        set_role(self.dates_help, "help")
        for widget in (
            self.label_label,
            self.label_edit,
            self.label_help,
            self.label_warning,
            self.dates_box,
            self.dates_help,
        ):
            box.addWidget(widget)

    def _build_keys_section(self, c: QWidget) -> None:
        """For a saved plan: change the passphrase, make or remove the recovery code."""
        self.keys_section = QWidget(c)
        self.keys_section.setObjectName("save.keys_section")
        box = QVBoxLayout(self.keys_section)
        box.setContentsMargins(0, 12, 0, 0)
        self.keys_title = QLabel(self.keys_section)
        self.keys_title.setStyleSheet("font-weight: bold")
        self.keys_state = QLabel(self.keys_section)
        self.keys_state.setObjectName("save.recovery_state")
        column = QVBoxLayout()  # one under the other: long translations never squeeze them
        self.change_button = QPushButton(self.keys_section)
        self.change_button.setObjectName("save.change_passphrase")
        self.change_button.clicked.connect(self.change_passphrase)
        self.new_code_button = QPushButton(self.keys_section)
        self.new_code_button.setObjectName("save.new_recovery")
        self.new_code_button.clicked.connect(self.new_recovery_code)
        self.remove_code_button = QPushButton(self.keys_section)
        self.remove_code_button.setObjectName("save.remove_recovery")
        self.remove_code_button.clicked.connect(self.remove_recovery_code)
        for button in (self.change_button, self.new_code_button, self.remove_code_button):
            column.addWidget(button, 0, Qt.AlignLeft)  # leading edge (mirrored in RTL)
        box.addWidget(self.keys_title)
        box.addWidget(self.keys_state)
        box.addLayout(column)

    def _label_edited(self, text: str) -> None:
        plan = self.main.session.plan
        if plan is None:
            return
        plan.file_label.label = text
        self.main.plan_edited()
        self._check_label()

    def _dates_toggled(self, on: bool) -> None:
        plan = self.main.session.plan
        if plan is None or plan.file_label.dates_in_clear == on:
            return
        plan.file_label.dates_in_clear = on
        self.main.plan_edited()

    def _check_label(self) -> None:
        plan = self.main.session.plan
        looks = plan is not None and label_reveals_name(plan, self.label_edit.text())
        self.label_warning.setText(current_gettext()(LABEL_LOOKS_LIKE_NAME) if looks else "")
        self.label_warning.setVisible(looks)

    def _load_label(self) -> None:
        plan = self.main.session.plan
        if plan is None:
            return
        self.label_edit.setText(plan.file_label.label)
        self.dates_box.blockSignals(True)
        self.dates_box.setChecked(plan.file_label.dates_in_clear)
        self.dates_box.blockSignals(False)
        # The code matters to a liaison's list; a family at home need not see it.
        self.label_section.setVisible(self.main.is_liaison() or bool(plan.file_label.label))
        self._check_label()

    # -- passphrase and recovery code of a saved plan
    def _saved_file(self) -> Any:
        plan_file = self.main.session.plan_file
        if plan_file is None or getattr(plan_file, "needs_new_passphrase", False):
            return None
        return plan_file

    def change_passphrase(self) -> None:
        if self._busy or self._saved_file() is None:
            return
        from preparedness.ui.recovery import ChangePassphraseDialog
        from preparedness.ui.safety import hide_key

        self.change_dialog = ChangePassphraseDialog(self.main)
        hide_key(self.change_dialog)
        self.change_dialog.open()

    def passphrase_changed(self) -> None:
        self._set_status(PASSPHRASE_CHANGED)
        self._update_mode()

    def new_recovery_code(self) -> None:
        plan_file = self._saved_file()
        if self._busy or plan_file is None:
            return
        code = services.generate_recovery_code()
        payload = self.main.session.payload()

        def work() -> Any:
            plan_file.set_recovery_code(code, payload)
            return plan_file

        self._run(work, recovery_code=code)

    def remove_recovery_code(self) -> None:
        plan_file = self._saved_file()
        if self._busy or plan_file is None or not self.main.confirm(REMOVE_CODE_SURE):
            return
        payload = self.main.session.payload()

        def work() -> Any:
            plan_file.set_recovery_code(None, payload)
            return plan_file

        self._run(work, done_msgid=CODE_REMOVED)
        self._hide_code()

    @property
    def recovery_code(self) -> str | None:
        """The recovery code on show (made by the last save), if any."""
        return self.code_view.value

    def _hide_code(self) -> None:
        self.code_view.clear()

    def _update_keys(self) -> None:
        plan_file = self._saved_file()
        self.keys_section.setVisible(plan_file is not None)
        if plan_file is None:
            return
        _ = current_gettext()
        has = bool(plan_file.has_recovery_code)
        self.keys_state.setText(_(HAS_CODE) if has else _(NO_CODE))
        self.new_code_button.setText(_(REPLACE_CODE) if has else _(MAKE_CODE))
        self.remove_code_button.setVisible(has)
        for button in (self.change_button, self.new_code_button, self.remove_code_button):
            button.setEnabled(not self._busy)

    # BasePage rebuilds dynamic content; this page's widgets are fixed.
    def rebuild(self) -> None:
        self._signature = self.signature()

    def clear_content(self) -> None:
        pass

    def forget(self) -> None:
        dialog = getattr(self, "change_dialog", None)
        if dialog is not None:
            dialog.deleteLater()
            self.change_dialog = None
        # setText, unlike clear(), leaves nothing in the undo history
        self.passphrase.setText("")
        self.confirm.setText("")
        self.label_edit.setText("")
        self.label_warning.setText("")
        self.dates_box.blockSignals(True)
        self.dates_box.setChecked(False)
        self.dates_box.blockSignals(False)
        self.show_box.setChecked(False)
        self.recovery_box.setChecked(False)
        self._hide_code()
        self._set_status("")

    def initializePage(self) -> None:  # Qt's name
        super().initializePage()
        if self.main.session.plan is None:
            return
        self._load_label()
        self._update_mode()

    def _needs_passphrase(self) -> bool:
        plan_file = self.main.session.plan_file
        return plan_file is None or bool(getattr(plan_file, "needs_new_passphrase", False))

    def _update_mode(self) -> None:
        needs = self._needs_passphrase()
        for widget in self.password_widgets:
            widget.setVisible(needs)
        self.save_copy_button.setVisible(not needs)
        self._update_keys()
        self._update_hint()
        self.retranslate_ui(current_gettext())

    def _show_passphrase(self, on: bool) -> None:
        mode = QLineEdit.Normal if on else QLineEdit.Password
        self.passphrase.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def suggest(self) -> None:
        words = passphrase.suggest(lang=current_language_code())
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
        for button in (self.change_button, self.new_code_button, self.remove_code_button):
            button.setEnabled(not self._busy)

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
            self, _(SAVE_TITLE), suggested_plan_name(session.plan), _(PLAN_FILES)
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
        assert session.plan is not None
        path = self.main.file_dialogs.save_path(
            self, _(SAVE_TITLE), suggested_plan_name(session.plan), _(PLAN_FILES)
        )
        if path is None:
            return
        path = _with_suffix(path)
        payload = session.payload()
        plan_file = session.plan_file
        self._run(lambda: plan_file.save_as(path, payload, overwrite=True))

    def _run(self, work: Any, recovery_code: str | None = None, done_msgid: str = SAVED) -> None:
        self._set_busy(True)
        self._set_status(SAVING)

        def done(plan_file: Any) -> None:
            self._set_busy(False)
            self.main.session.plan_file = plan_file
            self.main.session.dirty = False
            self.passphrase.setText("")
            self.confirm.setText("")
            self.show_box.setChecked(False)
            self._set_status(done_msgid)
            if recovery_code:
                self.code_view.show_code(recovery_code)
            self._update_mode()
            self.main.saved.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._set_status(error_msgid(error), is_error=True)

        run_in_background(work, done, failed)

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
        self.show_box.setText(_(passphrase.SHOW))
        self.suggest_button.setText(_(passphrase.SUGGEST))
        self.recovery_box.setText(_(RECOVERY))
        self.recovery_box.setAccessibleDescription(_(RECOVERY_HELP))
        self.recovery_help.setText(_(RECOVERY_HELP))
        self.save_button.setText(_(SAVE) if self._needs_passphrase() else _(SAVE_CHANGES))
        if self.main.session.plan_file is not None and self._needs_passphrase():
            self.save_button.setText(_(SAVE_CHANGES))
        self.save_copy_button.setText(_(SAVE_COPY))
        self.label_label.setText(_(LABEL))
        self.label_edit.setAccessibleName(_(LABEL))
        self.label_edit.setAccessibleDescription(_(LABEL_HELP))
        self.label_help.setText(_(LABEL_HELP))
        self.dates_box.setText(_(DATES_IN_CLEAR))
        self.dates_box.setAccessibleDescription(_(DATES_HELP))
        self.dates_help.setText(_(DATES_HELP))
        self._check_label()
        self.keys_title.setText(_(KEYS_TITLE))
        self.change_button.setText(_(CHANGE_PASSPHRASE))
        self.remove_code_button.setText(_(REMOVE_CODE))
        self.new_code_button.setText(_(MAKE_CODE))
        self._update_keys()
        self._set_status(self._status_msgid, self._status_is_error)
        self._update_hint()


def _with_suffix(path: Path) -> Path:
    return path if path.suffix else path.with_suffix(".fpp")


def suggested_plan_name(plan: Any) -> str:
    """``plan.fpp``, or the liaison's code as a file name (``F-031.fpp``): never a name."""
    label = plan.file_label.label.strip() if plan is not None else ""
    safe = "".join(ch for ch in label if ch.isascii() and (ch.isalnum() or ch in "-_"))
    if not safe or label_reveals_name(plan, label):
        return SUGGESTED_PLAN_NAME
    return f"{safe[:40]}.fpp"


def label_reveals_name(plan: Any, label: str) -> bool:
    """Does the code contain a person's name (or a 3+ letter part of one) from the plan?"""
    text = label.casefold()
    if not text.strip():
        return False
    people = [*plan.household.adults, *plan.children, *plan.contacts]
    for person in people:
        for part in person.name.casefold().split():
            if len(part) >= 3 and part in text:
                return True
    return False
