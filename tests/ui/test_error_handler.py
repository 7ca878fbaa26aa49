"""An unexpected error shows a plain message; stderr gets only the error's type, no traceback."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from preparedness import app


def test_unexpected_error_is_plain_and_leaks_nothing(
    qtbot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    window = QWidget()
    qtbot.addWidget(window)
    app.install_error_handler(window)
    try:
        raise ValueError("María Gómez 612-555-0101")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    err = capsys.readouterr().err
    assert err == "preparedness: unexpected error (ValueError)\n"
    assert shown == [app.UNEXPECTED]
