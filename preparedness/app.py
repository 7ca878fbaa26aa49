"""Start the wizard: one QApplication, the app's fonts, a large readable style, the window.

Nothing is read from or written to settings: on a shared laptop even a remembered language
says something about the last family. No network module is imported anywhere in the UI.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QStyleFactory

from preparedness.languages import language_codes
from preparedness.ui import appearance


def make_application(argv: Sequence[str]) -> QApplication:
    """The QApplication with fonts, palette and style (reused if one exists, as in tests)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "preparedness", *argv])
    app.setApplicationName("preparedness")
    app.setApplicationDisplayName("")
    # Fusion looks the same everywhere and honours the palette. Set it only once: replacing
    # the style under an active style sheet crashes Qt (the sheet proxies the old style).
    if app.property("preparedness_styled") is None:
        style = QStyleFactory.create("Fusion")
        if style is not None:
            app.setStyle(style)
        app.setProperty("preparedness_styled", True)
    appearance.load_app_fonts()
    appearance.apply_font_size(app, appearance.DEFAULT_POINT_SIZE)
    appearance.apply_style(app, appearance.DEFAULT_POINT_SIZE, high_contrast=False)
    return app


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="preparedness", add_help=True)
    parser.add_argument("--lang", choices=language_codes(), default="en")
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--font-size", type=int, default=appearance.DEFAULT_POINT_SIZE)
    args, _unknown = parser.parse_known_args(list(argv))  # Qt's own options pass through
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app until the window closes; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    app = make_application(argv)
    from preparedness.ui.window import MainWindow

    window = MainWindow(language=args.lang)
    window.apply_font_size(args.font_size)
    if args.high_contrast:
        window.contrast.setChecked(True)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
