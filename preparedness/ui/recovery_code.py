"""A recovery code shown once: a caption, the code in large selectable letters, and a button
for its printable sheet.

The save page shows it for the code made with a plan (or made again later); the new-passphrase
screen for the new code made after opening with the old one. Both use this one widget: hidden
until ``show_code``, hidden and emptied again by ``clear``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from preparedness.i18n import N_
from preparedness.ui.appearance import set_role
from preparedness.ui.bidi import ltr
from preparedness.ui.language import Gettext, current_gettext

if TYPE_CHECKING:
    from preparedness.ui.window import MainWindow

PRINT_SHEET = N_("Print or save the recovery sheet")


class RecoveryCodeView(QWidget):
    """``caption_msgid`` says what the code is; ``code_name`` and ``print_name`` are the
    objectNames of the code and of the print button.

    The code reads left to right in every language: ``left_to_right`` lays the code's label
    out left to right as a whole (the save page); otherwise the label keeps the window's
    direction and the code is isolated left to right inside it (the new-passphrase screen).
    ``spacing`` matches the layout the view sits in; ``button_alignment`` places the print
    button (by default it takes the whole width).
    """

    def __init__(
        self,
        main: MainWindow,
        parent: QWidget,
        *,
        caption_msgid: str,
        code_name: str,
        print_name: str,
        left_to_right: bool = False,
        spacing: int = 6,
        button_alignment: Qt.AlignmentFlag | None = None,
    ) -> None:
        super().__init__(parent)
        self.main = main
        self.caption_msgid = caption_msgid
        self.left_to_right = left_to_right
        self.value: str | None = None  # the code on show
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        self.caption = QLabel(self)
        self.code_label = QLabel(self)
        self.code_label.setObjectName(code_name)
        self.code_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        if left_to_right:
            self.code_label.setLayoutDirection(Qt.LeftToRight)
        set_role(self.code_label, "heading")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName(print_name)
        self.print_button.clicked.connect(self.print_sheet)
        layout.addWidget(self.caption)
        layout.addWidget(self.code_label)
        if button_alignment is None:
            layout.addWidget(self.print_button)
        else:
            layout.addWidget(self.print_button, 0, button_alignment)
        self.hide()
        self.retranslate_ui(current_gettext())

    def show_code(self, code: str) -> None:
        """Show ``code`` (the only time it is shown)."""
        self.value = code
        self.code_label.setText(code if self.left_to_right else ltr(code))
        self.show()

    def clear(self) -> None:
        """Forget the code and hide."""
        self.value = None
        self.code_label.setText("")
        self.hide()

    def print_sheet(self) -> None:
        """The recovery sheet, rendered in the background and previewed from memory."""
        if self.value:
            self.main.show_recovery_sheet(self.value)

    def retranslate_ui(self, _: Gettext) -> None:
        self.caption.setText(_(self.caption_msgid))
        self.print_button.setText(_(PRINT_SHEET))
