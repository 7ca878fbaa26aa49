"""Fonts for every script, a large default text size, and a high-contrast palette.

The machine may have only DejaVu: the app loads its own fonts from ``resources/fonts`` and
sets a family fallback list, so Arabic, Myanmar (Karen), Ethiopic and Chinese never show as
boxes. Text is large by default (people read on a projector or without glasses).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

FONTS_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"

# Tried in order for every character; the first family that has the glyph draws it.
FONT_FAMILIES: list[str] = [
    "Noto Sans",
    "Noto Naskh Arabic",
    "Noto Sans Arabic",
    "Noto Sans Myanmar",
    "Noto Sans Ethiopic",
    "Preparedness CJK SC",  # shipped (resources/fonts): Chinese without any system font
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "Preparedness Symbols",  # emoji as the packet prints them (resources/fonts, monochrome)
    "DejaVu Sans",
]

DEFAULT_POINT_SIZE = 14
MIN_POINT_SIZE = 10
MAX_POINT_SIZE = 26

_loaded: list[str] = []


def load_app_fonts(folder: Path = FONTS_DIR) -> list[str]:
    """Register the shipped fonts once; returns the families that were added."""
    if _loaded:
        return list(_loaded)
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in (".ttf", ".otf", ".ttc"):
                continue
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_loaded)


def app_font(point_size: int = DEFAULT_POINT_SIZE) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(point_size)
    return font


def apply_font_size(app: QApplication, point_size: int) -> int:
    """Set the whole application's text size (clamped); returns the size used."""
    size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, point_size))
    app.setFont(app_font(size))
    return size


def set_role(widget: QWidget, role: str) -> None:
    """Style hook (see ``style_sheet``); re-polish so a changed role shows at once.

    Nothing to do for the same role again; a widget not polished yet (not shown yet) takes
    its role when Qt polishes it: re-polishing it now would only do the work twice (and fetch
    a QStyle before the first screen).
    """
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    if widget.testAttribute(Qt.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


def _palette(colors: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, value in colors.items():
        palette.setColor(QPalette.All, role, QColor(value))
    palette.setColor(QPalette.Disabled, QPalette.Text, QColor("#6b6b6b"))
    palette.setColor(QPalette.Disabled, QPalette.ButtonText, QColor("#6b6b6b"))
    palette.setColor(QPalette.Disabled, QPalette.WindowText, QColor("#6b6b6b"))
    return palette


def light_palette() -> QPalette:
    """Black on white with a strong blue: readable on a washed-out projector."""
    return _palette(
        {
            QPalette.Window: "#ffffff",
            QPalette.WindowText: "#000000",
            QPalette.Base: "#ffffff",
            QPalette.AlternateBase: "#f2f2f2",
            QPalette.Text: "#000000",
            QPalette.Button: "#e8eef7",
            QPalette.ButtonText: "#000000",
            QPalette.Highlight: "#0b4f9c",
            QPalette.HighlightedText: "#ffffff",
            QPalette.Link: "#0b4f9c",
            QPalette.ToolTipBase: "#ffffdc",
            QPalette.ToolTipText: "#000000",
            QPalette.PlaceholderText: "#555555",
        }
    )


def high_contrast_palette() -> QPalette:
    """White and yellow on black, for low vision."""
    return _palette(
        {
            QPalette.Window: "#000000",
            QPalette.WindowText: "#ffffff",
            QPalette.Base: "#000000",
            QPalette.AlternateBase: "#1a1a1a",
            QPalette.Text: "#ffffff",
            QPalette.Button: "#1a1a1a",
            QPalette.ButtonText: "#ffff00",
            QPalette.Highlight: "#ffff00",
            QPalette.HighlightedText: "#000000",
            QPalette.Link: "#ffff00",
            QPalette.ToolTipBase: "#000000",
            QPalette.ToolTipText: "#ffffff",
            QPalette.PlaceholderText: "#cccccc",
        }
    )


def style_sheet(point_size: int, high_contrast: bool) -> str:
    """Focus rings, headings and problem colours, sized from the current text size.

    Qt style sheets take no percentages, so sizes are computed here and the sheet is applied
    again whenever the text size or contrast changes.
    """
    error = "#ff8080" if high_contrast else "#a00000"
    nudge = "#ffd966" if high_contrast else "#5c4000"
    note_bg, note_fg, note_border = (
        ("#000000", "#ffff00", "#ffff00") if high_contrast else ("#fff4d6", "#000000", "#b07800")
    )
    return f"""
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QDateEdit:focus,
QPushButton:focus, QCheckBox:focus, QToolButton:focus {{
    border: 3px solid palette(highlight);
}}
QLabel[role="help"] {{ font-size: {max(MIN_POINT_SIZE, point_size - 1)}pt; }}
QLabel[role="problem-error"] {{ color: {error}; font-weight: bold; }}
QLabel[role="problem-nudge"] {{ color: {nudge}; }}
QLabel[role="heading"] {{ font-size: {round(point_size * 1.4)}pt; font-weight: bold; }}
QLabel[role="sensitive"] {{ background: {note_bg}; color: {note_fg}; padding: 8px;
    border: 2px solid {note_border}; }}
QPushButton[role="big"] {{ padding: 12px 18px; font-size: {round(point_size * 1.25)}pt; }}
QPushButton[role="small"] {{ font-size: {max(MIN_POINT_SIZE, point_size - 3)}pt;
    padding: 2px 6px; }}
QLabel[role="countdown"] {{ font-size: {round(point_size * 2.5)}pt; font-weight: bold; }}
QCheckBox::indicator {{ width: {round(point_size * 1.5)}px; height: {round(point_size * 1.5)}px; }}
QGroupBox {{ font-weight: bold; border: 2px solid #8a8a8a; border-radius: 6px;
    margin-top: {round(point_size * 1.6)}px; padding: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; subcontrol-position: top left; left: 10px;
    padding: 0 4px; }}
"""


def apply_style(app: QApplication, point_size: int, high_contrast: bool) -> None:
    apply_contrast(app, high_contrast)
    app.setStyleSheet(style_sheet(point_size, high_contrast))


def apply_contrast(app: QApplication, high: bool) -> None:
    app.setPalette(high_contrast_palette() if high else light_palette())
