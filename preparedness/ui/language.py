"""The window's language: our gettext catalog, Qt's own catalog and the layout direction.

One object owns the current language so a switch is a single call: it swaps Qt's
QTranslator (Back/Next, OK/Cancel, context menus), mirrors the layout for right-to-left
languages, and hands every widget a new ``_`` through its ``retranslate_ui`` method
(Frescobaldi's runtime ``translateUI`` pattern). Answers live in the model, never in the
texts, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QWidget

from preparedness.i18n import N_, translator
from preparedness.languages import Language, language

Gettext = Callable[[str], str]

# Qt's own source strings for the wizard buttons (context "QWizard"), and our msgids for the
# languages Qt has no catalog for. Same English so translators see familiar strings.
WIZARD_BUTTON_TEXTS: dict[str, tuple[str, str]] = {
    "back": ("< &Back", N_("< &Back")),
    "next": ("&Next >", N_("&Next >")),
    "finish": ("&Finish", N_("&Finish")),
    "cancel": ("Cancel", N_("Cancel")),
}


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class LanguageController(QObject):
    """Holds the current language and switches every visible text at once."""

    changed = Signal(str)

    def __init__(self, code: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._qt_translator: QTranslator | None = None
        self.language: Language = language(code)
        self.gettext: Gettext = translator(self.language.code)

    @property
    def code(self) -> str:
        return self.language.code

    def has_qt_catalog(self) -> bool:
        return self._qt_translator is not None

    def set_language(self, code: str) -> None:
        """Switch catalogs and direction; widgets then retranslate on ``changed``."""
        self.language = language(code)
        self.gettext = translator(self.language.code)
        app = QCoreApplication.instance()
        if self._qt_translator is not None:
            QCoreApplication.removeTranslator(self._qt_translator)
            self._qt_translator = None
        if self.language.qt_catalog:
            qt = QTranslator(self)
            if qt.load(self.language.qt_catalog, qt_translations_dir()):
                QCoreApplication.installTranslator(qt)
                self._qt_translator = qt
        direction = Qt.RightToLeft if self.language.is_rtl else Qt.LeftToRight
        if isinstance(app, QApplication):
            app.setLayoutDirection(direction)
        QLocale.setDefault(QLocale(self.language.locale or "en_US"))
        set_current_gettext(self.gettext, self.language.code)
        self.changed.emit(self.language.code)

    def wizard_button_text(self, key: str) -> str:
        """Qt's translation where Qt ships a catalog, ours otherwise."""
        qt_source, msgid = WIZARD_BUTTON_TEXTS[key]
        if self._qt_translator is not None:
            return QCoreApplication.translate("QWizard", qt_source)
        return self.gettext(msgid)


Retranslate = Callable[[QWidget, Gettext], None]
# ``retranslate_ui`` looked up once per class: a lookup on each of a window's thousands of
# widgets costs more than the retranslation itself (PySide's attribute lookup is slow).
_methods: dict[type, Retranslate | None] = {}


def _retranslate_method(widget: QWidget) -> Retranslate | None:
    kind = type(widget)
    try:
        return _methods[kind]
    except KeyError:
        method = getattr(kind, "retranslate_ui", None)
        _methods[kind] = method
        return method


def retranslate_tree(root: QWidget, gettext: Gettext, skip: Iterable[QWidget] = ()) -> int:
    """Call ``retranslate_ui(_)`` on ``root`` and every descendant that has it, parents first.

    Widgets translate only their own texts, so a walk over the tree reaches everything,
    including widgets not shown yet. ``skip``: subtrees left as they are, and not even
    walked (wizard pages off screen, which retranslate themselves before they are shown).
    Returns how many widgets were retranslated.
    """
    skipped = set(skip)
    # the widgets between root and a skipped subtree: walked child by child
    around: set[QWidget] = set()
    for widget in skipped:
        parent = widget.parentWidget()
        while parent is not None and parent not in around:
            around.add(parent)
            parent = None if parent is root else parent.parentWidget()
    count = 0
    pending = [root]
    while pending:
        widget = pending.pop()
        if widget in around:
            count += _retranslate([widget], gettext)
            children = widget.findChildren(QWidget, options=Qt.FindDirectChildrenOnly)
            pending.extend(c for c in reversed(children) if c not in skipped)
        else:
            count += _retranslate([widget, *widget.findChildren(QWidget)], gettext)
    return count


def _retranslate(widgets: list[QWidget], gettext: Gettext) -> int:
    count = 0
    for widget in widgets:
        method = _retranslate_method(widget)
        if method is not None:
            method(widget, gettext)
            count += 1
    return count


_current: list[Gettext] = [translator("en")]
_current_code: list[str] = ["en"]


def current_gettext() -> Gettext:
    """The ``_`` of the window's language, for widgets built after a switch."""
    return _current[0]


def current_language_code() -> str:
    """The window's language, for things chosen per language (e.g. passphrase words)."""
    return _current_code[0]


def set_current_gettext(gettext: Gettext, code: str | None = None) -> None:
    _current[0] = gettext
    if code is not None:
        _current_code[0] = code
