"""Start the wizard: one QApplication, the app's fonts, a large readable style, the window.

The app reads the volunteer's settings (``preparedness.settings``: the mode, idle time, start
language…) but never writes them on its own: only the volunteer's explicit "Save the
settings" does. Nothing of a family is ever in them, not even the last language used: on a
shared laptop even that says something about the last family. No network module is imported
anywhere in the UI.

``--community`` starts community-night mode, unless the volunteer locked another mode (a
locked mode changes only in the volunteer settings, behind the PIN).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from preparedness.i18n import N_
from preparedness.languages import language_codes
from preparedness.settings import Mode, Settings, effective_mode, load_settings
from preparedness.ui import appearance


def make_application(argv: Sequence[str]) -> QApplication:
    """The QApplication with fonts, palette and style (reused if one exists, as in tests)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # Fusion looks the same everywhere and honours the palette. Asked for on Qt's command
        # line (last, so it wins), Qt makes it while starting: no QStyle reaches Python before
        # the first screen (PySide builds the ~20 enums of the QStyle type on first use).
        program = sys.argv[0] if sys.argv else "preparedness"
        app = QApplication([program, *argv, "-style", "fusion"])
        app.setProperty("preparedness_styled", True)
    app.setApplicationName("preparedness")
    app.setApplicationDisplayName("")
    # An application made elsewhere (tests): set the style once only. Replacing the style
    # under an active style sheet crashes Qt (the sheet proxies the old style).
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
    parser.add_argument("--lang", choices=language_codes(), default=None)
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--font-size", type=int, default=appearance.DEFAULT_POINT_SIZE)
    parser.add_argument(
        "--community",
        action="store_true",
        help="community night on a shared laptop: nothing stays behind (unless a volunteer "
        "locked another mode)",
    )
    args, _unknown = parser.parse_known_args(list(argv))  # Qt's own options pass through
    return args


def requested_mode(args: argparse.Namespace) -> Mode | None:
    return Mode.COMMUNITY if args.community else None


def run_mode(args: argparse.Namespace, settings: Settings) -> Mode:
    """The mode to run in: the flag asks, a mode the volunteer locked wins."""
    mode = effective_mode(settings, requested_mode(args))
    asked = requested_mode(args)
    if asked is not None and mode != asked:
        sys.stderr.write("preparedness: the volunteer locked the mode; --community ignored\n")
    return mode


UNEXPECTED = N_("Something went wrong. Your plan is safe. Please tell a helper.")


def install_error_handler(window: QWidget) -> None:
    """An error the code did not expect: a plain message, never a traceback.

    Python would print the traceback to stderr, which a desktop session may keep in a log
    file, and a traceback can hold a family's names. Only the error's type is printed.
    """

    def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        del error, tb  # their text may hold personal data
        sys.stderr.write(f"preparedness: unexpected error ({kind.__name__})\n")
        try:
            from PySide6.QtWidgets import QMessageBox

            from preparedness.ui.language import current_gettext

            QMessageBox.warning(window, " ", current_gettext()(UNEXPECTED))
        except Exception:  # the handler itself must never raise
            pass

    sys.excepthook = handle


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app until the window closes; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    settings = load_settings()
    mode = run_mode(args, settings)
    app = make_application(argv)
    from preparedness.ui.window import MainWindow

    window = MainWindow(language=args.lang, settings=settings, mode=mode)
    if args.font_size != appearance.DEFAULT_POINT_SIZE:  # the default is applied already
        window.apply_font_size(args.font_size)
    if args.high_contrast:
        window.contrast.setChecked(True)
    install_error_handler(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
