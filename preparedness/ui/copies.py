"""Copies of a paper kept inside the encrypted plan: add them from files, see their pages,
put them in order, turn them and remove them (the documents page's "Add a copy").

- Files are chosen with the app's own file dialog (several at once: a scanner's or phone's
  output folder); the import (``services.import_copies``: size caps checked before reading,
  pictures decoded under limits and stripped of EXIF, PDFs looked at only by the documents'
  worker process) runs off the UI thread.
- Thumbnails exist only in memory (``QImage``); nothing is written to disk. The blobs live in
  ``session.attachments`` and go into the encrypted plan when it is saved.
- A page turned by the person keeps its bytes and gets ``Attachment.rotation`` (clockwise), as
  the packet's appendix expects: lossless, and the same for pictures and PDFs.
- A refusal is shown beside the paper, in the window's language (``ERROR_TEXTS``).
- After a copy is added the page offers, never automatically, to delete the original file,
  saying honestly that deleted files can sometimes be recovered.

Object names (stable, for tests and screen-reader scripts), inside each document's card:
``document.copies``, ``document.add_copy``, ``document.keep_full``, ``document.copy_count``,
``document.copy_status``, ``document.delete_offer`` (``document.delete_original``,
``document.keep_original``), and per page n (1 = first): ``document.copy.<n>`` with
``.thumbnail``, ``.caption``, ``.earlier``, ``.later``, ``.rotate``, ``.remove``,
``.remove_yes``, ``.remove_no``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QImage,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from preparedness.i18n import N_, N_plural, plural_translator
from preparedness.ui import extensions, services
from preparedness.ui.appearance import set_role
from preparedness.ui.language import Gettext, current_gettext, current_language_code
from preparedness.ui.widgets import KEEP, MOVE_DOWN, MOVE_UP, REMOVE, YES_REMOVE
from preparedness.ui.workers import run_in_background

if TYPE_CHECKING:
    from preparedness.model import Attachment, DocumentItem, Plan
    from preparedness.ui.pages.base import BasePage

#: Long side of a thumbnail on screen, in pixels.
THUMB_PX = 128

ADD_COPY = N_("Add a copy (scan or photo)")
COPIES_KEPT = N_("{count} page(s) kept inside the encrypted plan")
KEEP_FULL = N_("Keep full resolution (larger file)")
KEEP_FULL_HELP = N_(
    "Without this, photos are made smaller: sharp enough to print, and the plan stays small."
)
CHOOSE_TITLE = N_("Choose the photos or scans (you can choose several)")
FILES_FILTER = N_("Photos, scans and PDFs")
ALL_FILES = N_("All files")
ADDING = N_("Adding the copy… please wait.")
PAGE_OF = N_("Page {page} of {pages}")  # the same words as the packet's page numbers
TURNED = N_("Turned")  # the same words as the packet's appendix
CLOCKWISE = N_("{degrees}° clockwise")
ROTATE = N_("Rotate")
NO_PREVIEW = N_("No preview")
REALLY_REMOVE_PAGE = N_("Remove this page from the plan?")
DELETE_QUESTION = N_plural(
    "Delete the original file from this computer?",
    "Delete the {n} original files from this computer?",
)
DELETE_SAVE_FIRST = N_("The copy is kept only once you save the plan.")
DELETE_HONEST = N_(
    "Deleted files can sometimes be recovered; on a shared computer, also empty the trash."
)
DELETE_YES = N_("Yes, delete")
DELETED = N_plural("The original file was deleted.", "The {n} original files were deleted.")
NOT_DELETED = N_("The original could not be deleted. Delete it yourself if you want to.")

#: What a person is told for each refusal of ``preparedness.documents`` (by ``message_id``);
#: the English ``default_message`` is never shown. ``{limit_mb}``/``{limit_pages}`` come
#: from the error's ``params``.
ERROR_TEXTS: dict[str, str] = {
    "documents.error.too_big": N_(
        "This file is too large to keep in the plan (the limit is {limit_mb} MB for each "
        "file). Scan it again at a lower resolution, or save a smaller copy."
    ),
    "documents.error.total_too_big": N_(
        "There is no more room for copies in this plan (all copies together can take up to "
        "{limit_mb} MB). Remove a copy you no longer need, or keep a smaller one."
    ),
    "documents.error.empty": N_(
        "This file is empty: there is nothing in it to keep. Choose the file again, or scan "
        "the paper again."
    ),
    "documents.error.cannot_read": N_(
        "The app could not open this file. Check that it is still there (a phone or USB "
        "stick may have been unplugged) and try again."
    ),
    "documents.error.not_supported": N_(
        "The app cannot keep this kind of file. It keeps photos and scans saved as JPEG, PNG, "
        "HEIC, GIF, WebP, TIFF or PDF. Save the document in one of these and try again."
    ),
    "documents.error.heic_not_available": N_(
        "This copy of the app cannot read HEIC photos (the usual iPhone format). On the "
        'phone, share or export the photo as JPEG ("Most Compatible"), then try again.'
    ),
    "documents.error.damaged": N_(
        "This file is damaged or incomplete, so the app cannot read it. Copy it again from "
        "the phone or scanner, or scan the paper again."
    ),
    "documents.error.too_many_pixels": N_(
        "This picture is too large. Take a new photo, or scan at a lower resolution "
        "(300 dpi is plenty)."
    ),
    "documents.error.too_many_pages": N_(
        "This file has too many pages (the limit is {limit_pages}). Split it into smaller "
        "files, or scan fewer pages at a time."
    ),
    "documents.error.pdf_damaged": N_(
        "This PDF is damaged or is not a real PDF, so the app cannot show it. Save or "
        "download it again, or print it and scan the paper."
    ),
    "documents.error.pdf_password": N_(
        "This PDF is locked with a password. Save a copy without the password, or print it "
        "and scan the paper."
    ),
    "documents.error.pdf_too_complex": N_(
        "This PDF took too long or needed too much memory to show. Print it and scan the "
        "paper, or save a simpler copy."
    ),
    "documents.error.pdf_preview_unavailable": N_(
        "The app cannot show PDF pages on this computer. The PDF itself can still be kept."
    ),
}
UNEXPECTED = N_("This file could not be added. Try again, or scan the paper again.")

#: What the file dialog lists (the type is then decided from the file's first bytes).
PATTERNS = ("jpg", "jpeg", "png", "heic", "heif", "gif", "webp", "tif", "tiff", "pdf")

Message = tuple[str | tuple[str, str], dict[str, Any]]  # a msgid (or plural pair) and params


def error_message(error: BaseException) -> Message:
    """A refusal in plain words, to translate at display time; never the English default."""
    message_id = getattr(error, "message_id", "")
    params = dict(getattr(error, "params", {}) or {})
    return (ERROR_TEXTS.get(message_id, UNEXPECTED), params)


def message_text(message: Message, _: Gettext) -> str:
    msgid, params = message
    if isinstance(msgid, tuple):
        n = int(params.get("n", 1))
        text = plural_translator(current_language_code())(msgid[0], msgid[1], n)
    else:
        text = _(msgid)
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return text


def name_filter(_: Gettext) -> str:
    # Phones and scanners often write upper-case extensions (IMG_0001.JPG); list both.
    patterns = " ".join(f"*.{p} *.{p.upper()}" for p in PATTERNS)
    return f"{_(FILES_FILTER)} ({patterns});;{_(ALL_FILES)} (*)"


@dataclass
class _State:
    """What one paper's copies panel shows besides the plan itself (kept across rebuilds)."""

    busy: bool = False
    messages: list[Message] = field(default_factory=list)
    error: bool = False
    # offered for deletion (memory only): each chosen file and the blobs made from it
    originals: list[tuple[Path, tuple[str, ...]]] = field(default_factory=list)
    keep_full: bool = False


class CopiesController(QObject):
    """The copies of every paper on the documents page: state, thumbnails and actions.

    It lives as long as the page, so a background import can report back even if the
    page's widgets were rebuilt meanwhile; results for a plan that was closed are dropped.
    """

    def __init__(self, page: BasePage) -> None:
        super().__init__(page)
        self.page = page
        self.main = page.main
        self.thumbnails: dict[str, QImage | None] = {}  # blob name -> preview (memory only)
        self._pending: set[str] = set()
        self._states: dict[str, _State] = {}
        self._panels: dict[str, CopiesPanel] = {}
        self._generation = 0

    # -- bookkeeping
    def state(self, item_id: str) -> _State:
        return self._states.setdefault(item_id, _State())

    def forget(self) -> None:
        """The plan was closed: drop every thumbnail, message and path (results still on
        their way are dropped when they arrive)."""
        self._generation += 1
        self.thumbnails.clear()
        self._pending.clear()
        self._states.clear()
        self._panels.clear()

    def drop(self, item_id: str) -> None:
        """A paper was removed: forget its state (and any offer to delete its originals)."""
        self._states.pop(item_id, None)
        self._panels.pop(item_id, None)

    def panel(
        self,
        item: DocumentItem,
        title: Callable[[Gettext], str],
        parent: QWidget,
        after: QWidget | None = None,
    ) -> Any:
        """The copies panel of one paper's card; ``after`` is the input the page rows follow
        in the keyboard order (the card's last question)."""
        panel = CopiesPanel(self, item, title, parent, after)
        self._panels[item.id] = panel
        self.request_thumbnails(item)
        return panel

    def _plan(self) -> Plan | None:
        return self.main.session.plan

    def _item(self, item_id: str) -> DocumentItem | None:
        plan = self._plan()
        if plan is None:
            return None
        return next((d for d in plan.documents if d.id == item_id), None)

    def _refresh(self, item_id: str, focus: str = "", announce: bool = False) -> None:
        panel = self._panels.get(item_id)
        if panel is not None:
            with contextlib.suppress(RuntimeError):  # its widgets were deleted meanwhile
                panel.refresh(focus)
                if announce:
                    panel.announce()

    def _changed(self, item_id: str, focus: str = "") -> None:
        self.main.plan_edited()
        self._refresh(item_id, focus)

    # -- adding
    def add(self, item_id: str, keep_original: bool) -> None:
        item = self._item(item_id)
        state = self.state(item_id)
        if item is None or state.busy:
            return
        handler = extensions.copy_handler()
        if handler is not None:  # another source of copies (e.g. a camera) replaces the dialog
            handler(self.page, self.main.session, item, lambda: self._changed(item_id))
            return
        _ = current_gettext()
        dialogs = self.main.file_dialogs
        if hasattr(dialogs, "open_paths"):
            paths = list(dialogs.open_paths(self.page, _(CHOOSE_TITLE), name_filter(_)))
        else:  # a file-dialog provider that only picks one file
            one = dialogs.open_path(self.page, _(CHOOSE_TITLE), name_filter(_))
            paths = [one] if one is not None else []
        if paths:
            self.import_paths(item_id, paths, keep_original)

    def import_paths(self, item_id: str, paths: list[Path], keep_original: bool) -> None:
        """Import in the background; the panel says so meanwhile."""
        plan = self._plan()
        state = self.state(item_id)
        state.busy, state.messages, state.error, state.originals = True, [(ADDING, {})], False, []
        self._refresh(item_id, announce=True)
        generation = self._generation
        paths = [Path(p) for p in paths]

        def work() -> list[services.ImportedFile]:
            return services.import_copies(paths, keep_original, THUMB_PX)

        def done(results: list[services.ImportedFile]) -> None:
            self._imported(item_id, plan, generation, results)

        def failed(error: BaseException) -> None:
            failure = services.ImportedFile(Path(), error=error)
            self._imported(item_id, plan, generation, [failure])

        run_in_background(work, done, failed)

    def _imported(
        self,
        item_id: str,
        plan: Plan | None,
        generation: int,
        results: list[services.ImportedFile],
    ) -> None:
        if generation != self._generation or plan is None or self._plan() is not plan:
            return  # the plan was closed meanwhile: drop everything
        from preparedness.documents.copies import UnknownDocument, add_pages

        state = self.state(item_id)
        state.busy = False
        messages: list[Message] = []
        added: list[tuple[Path, tuple[str, ...]]] = []
        for result in results:
            error = result.error
            if error is None:
                try:
                    attachments = add_pages(
                        plan, self.main.session.attachments, item_id, result.pages
                    )
                except UnknownDocument:
                    break  # the paper was removed meanwhile
                except Exception as exc:  # the plan's total cap (TotalTooBig)
                    error = exc
                else:
                    for attachment, png in zip(attachments, result.thumbnails, strict=True):
                        self.thumbnails[attachment.blob] = _image(png)
                    added.append((result.path, tuple(a.blob for a in attachments)))
            if error is not None:
                message = error_message(error)
                if message not in messages:
                    messages.append(message)
        state.messages, state.error = messages, bool(messages)
        state.originals = added
        if added:
            self.main.plan_edited()
        # the question is read out; the safe answer ("No, keep it") has the focus
        focus = "document.keep_original" if added else "document.add_copy"
        self._refresh(item_id, focus, announce=True)

    # -- thumbnails of copies already in the plan (an opened plan)
    def request_thumbnails(self, item: DocumentItem) -> None:
        blobs = self.main.session.attachments
        wanted = {
            a.blob: blobs[a.blob]
            for a in item.attachments
            if a.blob in blobs and a.blob not in self.thumbnails and a.blob not in self._pending
        }
        if not wanted:
            return
        self._pending.update(wanted)
        generation = self._generation
        item_id = item.id

        def work() -> dict[str, bytes | None]:
            return services.make_thumbnails(wanted, THUMB_PX)

        def done(pngs: dict[str, bytes | None]) -> None:
            if generation != self._generation:
                return
            for name, png in pngs.items():
                self._pending.discard(name)
                self.thumbnails[name] = _image(png)
            self._refresh(item_id)

        def failed(_error: BaseException) -> None:
            if generation == self._generation:
                self._pending.difference_update(wanted)
                for name in wanted:
                    self.thumbnails.setdefault(name, None)
                self._refresh(item_id)

        run_in_background(work, done, failed)

    # -- the pages of a copy
    def move(self, item_id: str, index: int, delta: int) -> None:
        from preparedness.documents.copies import move_page

        plan, item = self._plan(), self._item(item_id)
        if plan is None or item is None or not 0 <= index + delta < len(item.attachments):
            return
        move_page(plan, item_id, index, index + delta)
        button = "earlier" if delta < 0 else "later"
        self._changed(item_id, f"document.copy.{index + delta + 1}.{button}")

    def rotate(self, item_id: str, index: int) -> None:
        """A quarter turn clockwise, stored as ``Attachment.rotation`` (no re-encoding)."""
        item = self._item(item_id)
        if item is None or not 0 <= index < len(item.attachments):
            return
        attachment = item.attachments[index]
        attachment.rotation = (attachment.rotation + 90) % 360
        self._changed(item_id, f"document.copy.{index + 1}.rotate")

    def remove(self, item_id: str, index: int) -> None:
        from preparedness.documents.copies import remove_page

        plan, item = self._plan(), self._item(item_id)
        if plan is None or item is None or not 0 <= index < len(item.attachments):
            return
        blob = item.attachments[index].blob
        remove_page(plan, self.main.session.attachments, item_id, index)
        self.thumbnails.pop(blob, None)
        state = self.state(item_id)  # never offer to delete a file whose copy is gone
        state.originals = [o for o in state.originals if blob not in o[1]]
        left = len(item.attachments)
        focus = f"document.copy.{min(index, left - 1) + 1}.remove" if left else "document.add_copy"
        self._changed(item_id, focus)

    # -- the originals
    def delete_originals(self, item_id: str) -> None:
        state = self.state(item_id)
        originals, state.originals = state.originals, []
        plan = self._plan()
        kept = plan.blob_names() if plan is not None else set()
        deleted = failed = 0
        for path, blobs in originals:
            if not set(blobs) <= kept:
                continue  # its copy is no longer in the plan: the original stays
            try:
                os.unlink(path)
            except OSError:
                failed += 1
            else:
                deleted += 1
        state.messages = []
        if deleted:
            state.messages.append((DELETED, {"n": deleted}))
        if failed:
            state.messages.append((NOT_DELETED, {}))
        state.error = bool(failed)
        self._refresh(item_id, "document.add_copy", announce=True)

    def keep_originals(self, item_id: str) -> None:
        state = self.state(item_id)
        state.originals = []
        state.messages, state.error = [], False
        self._refresh(item_id, "document.add_copy")


def _image(png: bytes | None) -> QImage | None:
    if not png:
        return None
    image = QImage()
    return image if image.loadFromData(png, "PNG") and not image.isNull() else None


class CopiesPanel(QWidget):
    """One paper's copies, inside its card: the pages, "Add a copy", and what happened."""

    def __init__(
        self,
        controller: CopiesController,
        item: DocumentItem,
        title: Callable[[Gettext], str],
        parent: QWidget | None = None,
        after: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("document.copies")
        self.controller = controller
        self.item = item
        self.title = title
        self.after = after
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        self.count = QLabel(self)
        self.count.setObjectName("document.copy_count")
        self.count.setWordWrap(True)
        layout.addWidget(self.count)
        self.rows_box = QWidget(self)
        self.rows_box.setObjectName("document.copy_pages")
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(6)
        layout.addWidget(self.rows_box)
        self.rows: list[CopyRow] = []
        add_row = QWidget(self)
        row = QHBoxLayout(add_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(add_row)
        self.add_button.setObjectName("document.add_copy")
        self.add_button.clicked.connect(self._add)
        self.keep_full = QCheckBox(add_row)
        self.keep_full.setObjectName("document.keep_full")
        self.keep_full.setChecked(controller.state(item.id).keep_full)
        self.keep_full.toggled.connect(self._keep_full)
        row.addWidget(self.add_button)
        row.addWidget(self.keep_full)
        row.addStretch(1)
        layout.addWidget(add_row)
        self.status = QLabel(self)
        self.status.setObjectName("document.copy_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.PlainText)
        layout.addWidget(self.status)
        self.offer = QWidget(self)
        self.offer.setObjectName("document.delete_offer")
        offer = QVBoxLayout(self.offer)
        offer.setContentsMargins(0, 0, 0, 0)
        self.offer_text = QLabel(self.offer)
        self.offer_text.setObjectName("document.delete_offer.text")
        self.offer_text.setWordWrap(True)
        self.offer_text.setTextFormat(Qt.PlainText)
        set_role(self.offer_text, "sensitive")
        offer.addWidget(self.offer_text)
        buttons = QHBoxLayout()
        self.delete_button = QPushButton(self.offer)
        self.delete_button.setObjectName("document.delete_original")
        self.delete_button.clicked.connect(lambda: controller.delete_originals(item.id))
        self.keep_button = QPushButton(self.offer)
        self.keep_button.setObjectName("document.keep_original")
        self.keep_button.clicked.connect(lambda: controller.keep_originals(item.id))
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        offer.addLayout(buttons)
        layout.addWidget(self.offer)
        self.refresh()

    def _add(self) -> None:
        self.controller.add(self.item.id, self.keep_full.isChecked())

    def _keep_full(self, on: bool) -> None:
        self.controller.state(self.item.id).keep_full = on

    def refresh(self, focus: str = "") -> None:
        """Show the item's pages and state again; ``focus`` names the control to focus."""
        for row in self.rows:  # deleted later: a row's own button may be what was clicked
            row.hide()
            row.deleteLater()
        self.rows = []
        attachments = self.item.attachments
        for index, attachment in enumerate(attachments):
            image = self.controller.thumbnails.get(attachment.blob)
            waiting = attachment.blob not in self.controller.thumbnails
            row = CopyRow(self, index, len(attachments), attachment, image, waiting)
            self.rows_layout.addWidget(row)
            row.show()  # now, not at the layout's next turn: the focus may go into it
            self.rows.append(row)
        self._tab_order()
        state = self.controller.state(self.item.id)
        self.add_button.setEnabled(not state.busy)
        self.retranslate_ui(current_gettext())
        if focus:  # the rows just removed are still children until deleted: skip them
            for target in self.findChildren(QWidget, focus):
                if target.isVisibleTo(self.window()):
                    target.setFocus()
                    break

    def announce(self) -> None:
        """Tell a screen reader what just happened (an error at once, the rest politely)."""
        text = self.status.text() if self.status.isVisibleTo(self) else ""
        if not text:
            return
        state = self.controller.state(self.item.id)
        event = QAccessibleAnnouncementEvent(self.status, text)
        politeness = QAccessible.AnnouncementPoliteness
        event.setPoliteness(politeness.Assertive if state.error else politeness.Polite)
        QAccessible.updateAccessibility(event)

    def _tab_order(self) -> None:
        """New page rows come in the keyboard order where they are shown: before "Add"."""
        # Qt appends new widgets at the end of the window's chain, and setTabOrder ignores a
        # widget that takes no focus: anchor on the input shown just before the pages. (Not
        # found by walking previousInFocusChain(): with PySide6 6.12 that walk left the
        # panel's Python wrapper to be dropped while Qt still held the widget.)
        previous = self.after
        if previous is None:
            return
        for widget in (w for row in self.rows for w in row.focus_widgets()):
            QWidget.setTabOrder(previous, widget)
            previous = widget

    def retranslate_ui(self, _: Gettext) -> None:
        if not hasattr(self, "controller"):  # a wrapper PySide made again for a widget that
            return  # is only waiting to be deleted
        state = self.controller.state(self.item.id)
        count = len(self.item.attachments)
        self.count.setText(_(COPIES_KEPT).format(count=count) if count else "")
        self.count.setVisible(bool(count))
        self.rows_box.setVisible(bool(count))
        title = self.title(_)
        self.add_button.setText(_(ADD_COPY))
        self.add_button.setAccessibleName(f"{_(ADD_COPY)}: {title}")
        self.keep_full.setText(_(KEEP_FULL))
        self.keep_full.setAccessibleName(_(KEEP_FULL))
        self.keep_full.setAccessibleDescription(_(KEEP_FULL_HELP))
        self.keep_full.setToolTip(_(KEEP_FULL_HELP))
        texts = [message_text(m, _) for m in state.messages]
        self.status.setText("\n".join(texts))
        self.status.setVisible(bool(texts))
        set_role(self.status, "problem-error" if state.error else "help")
        self.status.setAccessibleName(self.status.text())
        originals = len(state.originals)
        self.offer.setVisible(bool(originals))
        if originals:
            ngettext = plural_translator(current_language_code())
            question = ngettext(*DELETE_QUESTION, originals).format(n=originals)
            self.offer_text.setText(f"{question} {_(DELETE_SAVE_FIRST)}\n{_(DELETE_HONEST)}")
        else:
            self.offer_text.setText("")
        self.delete_button.setText(_(DELETE_YES))
        self.delete_button.setAccessibleName(_(DELETE_YES))
        self.delete_button.setAccessibleDescription(self.offer_text.text())
        self.keep_button.setText(_(KEEP))
        self.keep_button.setAccessibleName(_(KEEP))
        self.keep_button.setAccessibleDescription(self.offer_text.text())
        for row in self.rows:
            row.retranslate_ui(_)


class _Thumbnail(QLabel):
    """A fixed box for a page's picture (or "No preview", wrapped, when there is none)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFixedSize(THUMB_PX + 8, THUMB_PX + 8)
        self.setAlignment(Qt.AlignCenter)
        self.setFrameShape(QFrame.Box)
        self.setWordWrap(True)

    def hasHeightForWidth(self) -> bool:  # Qt's name: the box never shrinks to its text
        return False


class CopyRow(QFrame):
    """One page: its thumbnail, "Page 1 of 3", and move / rotate / remove (asks first)."""

    def __init__(
        self,
        panel: CopiesPanel,
        index: int,
        count: int,
        attachment: Attachment,
        image: QImage | None,
        waiting: bool,
    ) -> None:
        super().__init__(panel.rows_box)
        self.panel = panel
        self.index, self.count, self.attachment = index, count, attachment
        self.waiting = waiting
        n = index + 1
        name = f"document.copy.{n}"
        self.setObjectName(name)
        self.setFrameShape(QFrame.StyledPanel)
        controller, item_id = panel.controller, panel.item.id
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 6, 6)
        self.thumb = _Thumbnail(self)
        self.thumb.setObjectName(f"{name}.thumbnail")
        if image is not None:
            turned = image.transformed(QTransform().rotate(attachment.rotation % 360))
            self.thumb.setPixmap(QPixmap.fromImage(turned))
        row.addWidget(self.thumb, 0, Qt.AlignTop)
        side = QVBoxLayout()
        self.caption = QLabel(self)
        self.caption.setObjectName(f"{name}.caption")
        self.caption.setWordWrap(True)
        side.addWidget(self.caption)
        buttons = QHBoxLayout()
        self.earlier = self._button(f"{name}.earlier", buttons)
        self.earlier.clicked.connect(lambda: controller.move(item_id, index, -1))
        self.later = self._button(f"{name}.later", buttons)
        self.later.clicked.connect(lambda: controller.move(item_id, index, 1))
        self.earlier.setVisible(count > 1)
        self.later.setVisible(count > 1)
        self.earlier.setEnabled(index > 0)
        self.later.setEnabled(index < count - 1)
        self.rotate = self._button(f"{name}.rotate", buttons)
        self.rotate.clicked.connect(lambda: controller.rotate(item_id, index))
        self.remove = self._button(f"{name}.remove", buttons)
        self.remove.clicked.connect(self._ask_remove)
        buttons.addStretch(1)
        side.addLayout(buttons)
        self.confirm = QWidget(self)  # the question on its own line, its answers under it
        confirm = QVBoxLayout(self.confirm)
        confirm.setContentsMargins(0, 0, 0, 0)
        self.confirm_text = QLabel(self.confirm)
        self.confirm_text.setWordWrap(True)
        confirm.addWidget(self.confirm_text)
        answers = QHBoxLayout()
        self.remove_yes = self._button(f"{name}.remove_yes", answers)
        self.remove_yes.clicked.connect(lambda: controller.remove(item_id, index))
        self.remove_no = self._button(f"{name}.remove_no", answers)
        self.remove_no.clicked.connect(self._cancel_remove)
        answers.addStretch(1)
        confirm.addLayout(answers)
        self.confirm.hide()
        side.addWidget(self.confirm)
        side.addStretch(1)
        row.addLayout(side, 1)

    def _button(self, name: str, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        layout.addWidget(button)
        return button

    def focus_widgets(self) -> list[QWidget]:
        return [self.earlier, self.later, self.rotate, self.remove, self.remove_yes, self.remove_no]

    def _ask_remove(self) -> None:
        self.confirm.show()
        self.remove_no.setFocus()

    def _cancel_remove(self) -> None:
        self.confirm.hide()
        self.remove.setFocus()

    def retranslate_ui(self, _: Gettext) -> None:
        if not hasattr(self, "panel"):  # see CopiesPanel.retranslate_ui
            return
        page = _(PAGE_OF).format(page=self.index + 1, pages=self.count)
        turned = ""
        if self.attachment.rotation % 360:
            turned = f"{_(TURNED)}: {_(CLOCKWISE).format(degrees=self.attachment.rotation % 360)}"
        self.caption.setText("\n".join(t for t in (page, turned) if t))
        if self.thumb.pixmap().isNull():
            self.thumb.setText("…" if self.waiting else _(NO_PREVIEW))
        self.thumb.setAccessibleName(page)
        self.thumb.setAccessibleDescription(turned)
        document = self.panel.title(_)
        for button, msgid in (
            (self.earlier, MOVE_UP),
            (self.later, MOVE_DOWN),
            (self.rotate, ROTATE),
            (self.remove, REMOVE),
            (self.remove_yes, YES_REMOVE),
            (self.remove_no, KEEP),
        ):
            button.setText(_(msgid))
            button.setAccessibleName(f"{_(msgid)}: {page}")
            button.setAccessibleDescription(document)
        self.rotate.setAccessibleDescription(f"{_(CLOCKWISE).format(degrees=90)} ({document})")
        self.confirm_text.setText(_(REALLY_REMOVE_PAGE))
