"""Every page in every language at the default window size: no text cut off.

A label or button whose text needs more room than its widget got is cut off on screen.
Screenshots of the non-Latin scripts go to /tmp/preparedness-screenshots/i18n to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QWidget,
)
from test_pages import open_demo

from preparedness.languages import language_codes
from preparedness.ui.pages import PAGE_ORDER

SHOTS = Path("/tmp/preparedness-screenshots/i18n")
LOOK_AT = {"ar", "ksw", "am", "zh_Hans"}
SLACK = 2  # pixels of rounding
DEFAULT_SIZE = (1100, 820)


def _cut_off(root: QWidget) -> list[str]:
    """Texts on visible widgets that do not fit their widget."""
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text().strip() or label.pixmap():
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + SLACK:
                problems.append(
                    f"label {label.objectName()!r} needs {need}px height, has "
                    f"{label.height()}: {label.text()[:50]!r}"
                )
        elif label.sizeHint().width() > label.width() + SLACK:
            problems.append(
                f"label {label.objectName()!r} needs {label.sizeHint().width()}px, "
                f"has {label.width()}: {label.text()[:50]!r}"
            )
    for button in root.findChildren(QAbstractButton):
        if not isinstance(button, QPushButton | QToolButton | QCheckBox):
            continue
        if not button.isVisibleTo(root) or not button.text().strip():
            continue
        if button.sizeHint().width() > button.width() + SLACK:
            problems.append(
                f"button {button.objectName()!r} needs {button.sizeHint().width()}px,"
                f" has {button.width()}: {button.text()[:50]!r}"
            )
    for area in root.findChildren(QScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisibleTo(root) and bar.isVisible() and bar.maximum() > 0:
            problems.append(f"page scrolls sideways by {bar.maximum()}px")
    return problems


@pytest.mark.parametrize("lang", language_codes())
def test_every_page_fits_in_every_language(window, lang: str) -> None:  # type: ignore[no-untyped-def]
    window.set_language(lang)
    QApplication.processEvents()
    problems = [f"start: {p}" for p in _cut_off(window)]
    if lang in LOOK_AT:
        SHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SHOTS / f"{lang}-00-start.png"))
    open_demo(window, lang)
    for number, key in enumerate(PAGE_ORDER, start=1):
        window.go_to_page(key)
        QApplication.processEvents()
        problems += [f"{key}: {p}" for p in _cut_off(window)]
        # Qt makes room by growing the window: it must still fit the default size
        # (and so a small laptop screen) rather than push the buttons off screen.
        need = window.minimumSizeHint()
        if need.width() > DEFAULT_SIZE[0] or need.height() > DEFAULT_SIZE[1]:
            problems.append(f"{key}: the window needs {need.width()}x{need.height()}")
        if lang in LOOK_AT:
            window.grab().save(str(SHOTS / f"{lang}-{number:02d}-{key}.png"))
    assert not problems, "\n".join(problems[:40])


def test_the_check_finds_cut_off_text(qapp) -> None:  # type: ignore[no-untyped-def]
    root = QWidget()
    label = QLabel("Fecha en que se firmó la autorización", root)
    label.setFixedWidth(40)
    button = QPushButton("Guardar una copia en otro lugar", root)
    button.setFixedWidth(40)
    root.show()
    QApplication.processEvents()
    assert len(_cut_off(root)) == 2
