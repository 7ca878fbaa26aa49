"""The appendix: copies of the family's papers, each page on its own sheet, labelled.

Who gets which copies (checked here, not only through ``ORDER``):
- the family copy: every document's copies, in checklist order;
- the caregiver copy: only the children's documents (the owner is a child), and only when the
  family ticked ``PacketOptions.caregiver_gets_child_documents``; never immigration papers (the
  caregiver copy carries no immigration details, as in the checklist);
- the school copy: never any.

How a copy gets onto paper, without ever failing the packet:
- A stored JPEG (the import pipeline keeps pictures at print size, about 2200 px and 0.4 MB) is
  embedded byte for byte as a DCTDecode image: only its header is read, nothing is decoded or
  re-encoded. A JPEG larger than print size (kept with ``keep_original``) and any PNG are
  decoded by ``preparedness.documents.thumbnail`` (the pipeline's limits) at print size.
- A PDF is never parsed in this process: ``pdf_page_count`` and ``render_pdf_pages`` run in the
  documents' separate, limited worker process, which sends back pixels.
- Pixels are embedded losslessly (Flate, grey when the page is grey) unless JPEG is less than
  half that size (photographs inside a PDF).
- A missing blob (``attachments`` not given, or without that name), a damaged PDF, a worker
  timeout or an unreadable picture prints a short bilingual note in the page's place.

Everything happens in memory: no temporary files. A rotation the family chose
(``Attachment.rotation``, clockwise) is applied when drawing (pictures) or by the worker (PDF
pages), and printed in the label.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from preparedness.model.plan import Attachment, DocumentItem, DocumentKind
from preparedness.packet import strings as S
from preparedness.packet.sections.base import Context, Copy, PacketTable, shaded_box
from preparedness.packet.styles import ALERT, RULE
from preparedness.questions import DOCUMENT_KIND_LABELS, QUESTIONS

TITLE = S.APPENDIX_TITLE
PURPOSE = S.APPENDIX_DO

#: Pages printed for one document (a 300-page PDF would bury the packet), and for one packet.
MAX_PAGES_PER_DOCUMENT = 50
MAX_PAGES_PER_PACKET = 200
#: A stored JPEG goes in byte for byte up to this long side (300 dpi across 11 in) and size;
#: a larger one (``keep_original``) is reduced to print size first.
MAX_PASS_THROUGH_SIDE = 3300
MAX_PASS_THROUGH_BYTES = 4 * 1024 * 1024
#: Pixels rendered or reduced for printing: about 200 dpi on the long side of Letter or A4.
PRINT_PX = 2200
#: JPEG is chosen over lossless Flate only when it is smaller than this share of it.
JPEG_SHARE = 0.5
JPEG_QUALITY = 85
#: A picture that would shrink below this share of a full page's size starts a new page.
MIN_PAGE_SHARE = 0.55
#: A family's own label is shortened in the caption (the checklist prints it whole).
MAX_LABEL_CHARS = 160

_PDF = "application/pdf"


# -- which documents -------------------------------------------------------------------------


def documents_with_copies(ctx: Context) -> list[DocumentItem]:
    """The documents whose copies this reader's packet prints, in checklist order."""
    docs = [d for d in ctx.plan.documents if d.attachments]
    if ctx.copy == Copy.FAMILY:
        return docs
    if ctx.copy == Copy.CAREGIVER:
        if not ctx.plan.packet.caregiver_gets_child_documents:
            return []
        child_ids = {c.id for c in ctx.plan.children}
        return [d for d in docs if d.owner_id in child_ids and d.kind != DocumentKind.IMMIGRATION]
    return []  # the school copy, and any reader added later until someone decides otherwise


# -- pictures as PDF image objects -------------------------------------------------------------


@dataclass(frozen=True)
class Picture:
    """Pixels ready for the PDF: a compressed stream and what a PDF reader needs to decode it."""

    width: int
    height: int
    color_space: str  # "DeviceRGB" or "DeviceGray"
    filters: tuple[str, ...]  # ("DCTDecode",) or ("FlateDecode",)
    stream: bytes = field(repr=False)

    @property
    def name(self) -> str:
        """A deterministic XObject name: the same copy twice is stored once."""
        digest = hashlib.sha256(self.stream)
        digest.update(f"{self.width}x{self.height}{self.color_space}{self.filters}".encode())
        return "Copy" + digest.hexdigest()[:32]


def _draw_picture(
    canv: Canvas, picture: Picture, x: float, y: float, width: float, height: float, turn: int
) -> None:
    """Draw ``picture`` filling (x, y, width, height) after turning it ``turn`` degrees clockwise.

    Why not ``canvas.drawImage``: with an ImageReader it decodes every picture to hash its
    pixels, and re-encodes JPEGs in ASCII85 (+25 %). This registers the compressed stream
    as it is, the way drawImage registers its own image objects.
    """
    doc = canv._doc
    reg_name = doc.getXObjectName(picture.name)
    if doc.idToObject.get(reg_name) is None:
        xobject = PDFImageXObject(picture.name)
        xobject.width, xobject.height = picture.width, picture.height
        xobject.bitsPerComponent = 8
        xobject.colorSpace = picture.color_space
        xobject.streamContent = picture.stream
        xobject._filters = picture.filters
        xobject.mask = None
        canv._setXObjects(xobject)
        doc.Reference(xobject, reg_name)
        doc.addForm(picture.name, xobject)
    canv._currentPageHasImages = 1
    canv.saveState()
    # Move the picture's own (unturned) box so that, once turned, it fills the target box.
    if turn == 90:
        canv.translate(x, y + height)
        canv.rotate(-90)
        canv.scale(height, width)
    elif turn == 180:
        canv.translate(x + width, y + height)
        canv.rotate(180)
        canv.scale(width, height)
    elif turn == 270:
        canv.translate(x + width, y)
        canv.rotate(90)
        canv.scale(height, width)
    else:
        canv.translate(x, y)
        canv.scale(width, height)
    canv._code.append(f"/{reg_name} Do")
    canv.restoreState()
    canv._formsinuse.append(picture.name)


class CopyPage(Flowable):
    """A caption and a copy's page under it, fitted into the room left, aspect ratio kept.

    One flowable, so a caption never ends a page without its picture: when the room left would
    shrink the picture below ``MIN_PAGE_SHARE`` of its size on an empty page, both move on.
    """

    def __init__(
        self, caption: Flowable, picture: Picture, turn: int, frame_height: float, gap: float = 6
    ) -> None:
        super().__init__()
        self.caption = caption
        self.picture = picture
        self.turn = turn
        self.frame_height = frame_height
        self.gap = gap
        self._layout = (0.0, 0.0, 0.0, 0.0)  # width, caption height, picture width, height

    def _fit(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self.picture.width, self.picture.height
        if self.turn in (90, 270):
            w, h = h, w
        scale = max(0.0, min(avail_width / w, avail_height / h))
        return w * scale, h * scale

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, caption_height = self.caption.wrap(availWidth, availHeight)
        above = caption_height + self.gap + 2  # 2 pt under the frame's height, whatever rounding
        width, height = self._fit(availWidth, min(availHeight, self.frame_height) - above)
        _, full_height = self._fit(availWidth, self.frame_height - above)
        at_top = availHeight >= self.frame_height - 2
        self._layout = (availWidth, caption_height, width, height)
        if not at_top and height < full_height * MIN_PAGE_SHARE:
            return availWidth, availHeight + 1  # does not fit here: platypus starts a new page
        return availWidth, caption_height + self.gap + height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        width, _, picture_width, picture_height = self._layout
        self.caption.drawOn(self.canv, 0, picture_height + self.gap)
        x = (width - picture_width) / 2
        _draw_picture(self.canv, self.picture, x, 0, picture_width, picture_height, self.turn)
        self.canv.saveState()
        self.canv.setStrokeColor(colors.HexColor(RULE))
        self.canv.setLineWidth(0.5)
        self.canv.rect(x, 0, picture_width, picture_height, stroke=1, fill=0)
        self.canv.restoreState()


def _is_grey(image: Any) -> bool:
    from PIL import ImageChops

    if image.mode == "L":
        return True
    red, green, blue = image.split()
    return (
        ImageChops.difference(red, green).getbbox() is None
        and ImageChops.difference(green, blue).getbbox() is None
    )


def _picture_from_png(png: bytes) -> Picture:
    """Pixels this app made itself (the worker's frames, a thumbnail) as the smaller encoding."""
    from PIL import Image

    with Image.open(io.BytesIO(png), formats=["PNG"]) as opened:
        opened.load()
        image = opened if opened.mode in ("L", "RGB") else opened.convert("RGB")
        image = image.convert("L") if _is_grey(image) else image.convert("RGB")
    color_space = "DeviceGray" if image.mode == "L" else "DeviceRGB"
    flate = zlib.compress(image.tobytes(), 6)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    jpeg = buffer.getvalue()
    if len(jpeg) < len(flate) * JPEG_SHARE:
        return Picture(image.width, image.height, color_space, ("DCTDecode",), jpeg)
    return Picture(image.width, image.height, color_space, ("FlateDecode",), flate)


def _stored_jpeg(data: bytes) -> Picture | None:
    """A stored JPEG that can go in as it is (header read only), else None."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data), formats=["JPEG"]) as image:
            width, height = image.size
            mode = image.mode
    except Exception:
        return None
    if (
        mode not in ("L", "RGB")
        or not 0 < max(width, height) <= MAX_PASS_THROUGH_SIDE
        or min(width, height) <= 0
        or len(data) > MAX_PASS_THROUGH_BYTES
    ):
        return None
    color_space = "DeviceGray" if mode == "L" else "DeviceRGB"
    return Picture(width, height, color_space, ("DCTDecode",), data)


def _stored_picture(data: bytes) -> Picture:
    """A stored JPEG or PNG, ready to embed; DocumentImportError when it cannot be read."""
    from preparedness import documents

    picture = _stored_jpeg(data)
    if picture is not None:
        return picture
    # Decoded with the import pipeline's limits, reduced to print size, as a PNG in memory.
    return _picture_from_png(documents.thumbnail(data, PRINT_PX))


# -- one document's pages ----------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One page of a document's copies: a picture to print, or a note in its place."""

    number: int  # 1-based, across all the document's attachments
    turn: int  # clockwise degrees, as the family chose (shown in the label)
    picture: Picture | None = None
    draw_turn: int = 0  # still to apply when drawing (PDF pages come back already turned)
    note: str = ""  # msgid, when there is no picture


@dataclass
class DocumentPages:
    entries: list[Entry]
    total: int  # pages of the copies, as far as known
    truncated: bool  # some pages are not printed (page caps)


def _turn(value: object) -> int:
    """Attachment.rotation as 0, 90, 180 or 270 (anything else is rounded to a quarter turn)."""
    try:
        degrees = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return 0
    return (round(degrees / 90) * 90) % 360


def _is_pdf(attachment: Attachment, data: bytes) -> bool:
    return attachment.media_type == _PDF or data.startswith(b"%PDF-")


def _pdf_entries(data: bytes, first: int, turn: int, room: int) -> tuple[list[Entry], int]:
    """(entries, the PDF's page count) for up to ``room`` pages, rendered out of process."""
    from preparedness import documents

    try:
        count = documents.pdf_page_count(data)
        wanted = list(range(min(count, room)))
        pngs = documents.render_pdf_pages(data, wanted, PRINT_PX, rotation=turn)
        entries = [Entry(first + i, turn, _picture_from_png(png), 0) for i, png in enumerate(pngs)]
    except (documents.DocumentImportError, ValueError, OSError):
        # Damaged, password, timeout, out of memory, no QtPdf: a note, never a lost packet.
        return [Entry(first, turn, note=S.APPENDIX_PDF_FAILED)], 1
    return entries, count


def document_pages(
    doc: DocumentItem, blobs: Mapping[str, bytes] | None, room: int
) -> DocumentPages:
    """Every page of ``doc``'s copies that fits in ``room`` (and the per-document cap)."""
    from preparedness import documents

    room = min(room, MAX_PAGES_PER_DOCUMENT)
    entries: list[Entry] = []
    total = 0
    truncated = False
    for attachment in doc.attachments:
        turn = _turn(attachment.rotation)
        number = total + 1
        if len(entries) >= room:
            truncated = True
            total += 1  # at least one page each; unread PDFs are not asked for their count
            continue
        data = blobs.get(attachment.blob) if blobs is not None else None
        if not isinstance(data, (bytes, bytearray, memoryview)) or not data:
            entries.append(Entry(number, turn, note=S.APPENDIX_NOT_AVAILABLE))
            total += 1
            continue
        data = bytes(data)
        if _is_pdf(attachment, data):
            pages, count = _pdf_entries(data, number, turn, room - len(entries))
            entries.extend(pages)
            total += count
            truncated = truncated or (count > len(pages) and pages[0].picture is not None)
            continue
        try:
            picture = _stored_picture(data)
        except (documents.DocumentImportError, ValueError, OSError, MemoryError):
            entries.append(Entry(number, turn, note=S.APPENDIX_IMAGE_FAILED))
        else:
            entries.append(Entry(number, turn, picture, turn))
        total += 1
    return DocumentPages(entries, total, truncated)


# -- the section -------------------------------------------------------------------------------


def _warning(ctx: Context) -> list[Flowable]:
    content = [
        *ctx.bilingual(S.APPENDIX_NOT_ORIGINALS, "strong", "body_gloss"),
        *ctx.bilingual(S.APPENDIX_KEEP_SAFE, "strong", "body_gloss"),
    ]
    return [ctx.gap(2), shaded_box(content, ALERT), ctx.gap(8)]


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL_CHARS else text[: MAX_LABEL_CHARS - 1].rstrip() + "…"


def _two_lines(ctx: Context, family: str, english: str) -> list[Flowable]:
    """A value in the family's language with the English under it (once when the same)."""
    if family == english:
        return [ctx.block(family, "value", "ltr")]
    return [
        ctx.block(family, "value", ctx.direction),
        ctx.block(english, "value_gloss", "ltr", "left"),
    ]


def _identity(ctx: Context, doc: DocumentItem) -> list[tuple[str, Any]]:
    """What the paper is (the kind in both languages, the family's own label) and whose."""
    paper: list[Flowable] = ctx.cell_label(DOCUMENT_KIND_LABELS[doc.kind], "value_strong")
    label = ctx.clean(doc.label)
    if label:
        paper.append(ctx.user(_short(label)))
    owner = ctx.clean(ctx.plan.person_name(doc.owner_id)) if doc.owner_id else ""
    whose = ctx.user(owner, "value_strong") if owner else ctx.cell_label(S.COLUMN_WHOSE_FAMILY)
    return [(S.DOCUMENT_COLUMN, paper), (QUESTIONS["document.owner_id"].label, whose)]


def _table(ctx: Context, items: list[tuple[str, Any]]) -> Flowable:
    table = ctx.key_values(items, label_fraction=0.26)
    assert table is not None  # the paper's kind is always there
    return table


def _caption(ctx: Context, doc: DocumentItem, entry: Entry, total: int) -> Flowable:
    """What it is, whose, page i of n and the turn applied: a small label | value table."""
    page = _two_lines(
        ctx,
        ctx.fam(S.APPENDIX_PAGE_OF, page=ctx.number(entry.number), pages=ctx.number(total)),
        ctx.en(S.APPENDIX_PAGE_OF, page=str(entry.number), pages=str(total)),
    )
    items = [*_identity(ctx, doc), (S.APPENDIX_PAGE_COLUMN, page)]
    if entry.turn:
        turned = _two_lines(
            ctx,
            ctx.fam(S.APPENDIX_ROTATION, degrees=ctx.number(entry.turn)),
            ctx.en(S.APPENDIX_ROTATION, degrees=str(entry.turn)),
        )
        items.append((S.APPENDIX_ROTATION_COLUMN, turned))
    return _table(ctx, items)


def _note(ctx: Context, msgid: str) -> PacketTable:
    return shaded_box(ctx.bilingual(msgid, "strong", "body_gloss"))


def build(ctx: Context) -> list[Flowable]:
    docs = documents_with_copies(ctx)
    if not docs:
        return []
    out: list[Flowable] = [*ctx.heading(TITLE), *_warning(ctx)]
    room = MAX_PAGES_PER_PACKET
    first = True
    for doc in docs:
        pages = document_pages(doc, ctx.attachments, room)
        room -= len(pages.entries)
        for entry in pages.entries:
            caption = _caption(ctx, doc, entry, pages.total)
            if entry.picture is not None:
                if not first:
                    out.append(PageBreak())  # each page of a copy on its own sheet
                out.append(CopyPage(caption, entry.picture, entry.draw_turn, ctx.height))
            else:
                out.append(KeepTogether([caption, ctx.gap(4), _note(ctx, entry.note), ctx.gap(12)]))
            first = False
        if pages.truncated:
            note = _note(ctx, S.APPENDIX_TOO_MANY_PAGES)
            # Under its last page's picture, or under the paper's name when none was printed.
            block = (
                [note] if pages.entries else [_table(ctx, _identity(ctx, doc)), ctx.gap(4), note]
            )
            out.append(KeepTogether([*block, ctx.gap(12)]))
            first = False
    return out


__all__: Sequence[str] = (
    "MAX_PAGES_PER_DOCUMENT",
    "MAX_PAGES_PER_PACKET",
    "CopyPage",
    "DocumentPages",
    "Entry",
    "Picture",
    "build",
    "document_pages",
    "documents_with_copies",
)
