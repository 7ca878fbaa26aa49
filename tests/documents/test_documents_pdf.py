"""PDFs: kept byte for byte, never parsed in this process, shown only by a limited worker."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PIL import Image

from preparedness import documents
from preparedness.documents import (
    FileTooBig,
    PdfDamaged,
    PdfPasswordProtected,
    PdfPreviewUnavailable,
    PdfTooComplex,
    import_bytes,
    pdf_page_count,
    render_pdf_page_thumbnail,
    render_pdf_pages,
)
from preparedness.documents import pdf as pdf_module

ROOT = Path(__file__).resolve().parents[2]


def _pdf(pages: int = 3, *, landscape_page: int | None = None) -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=letter)
    for index in range(pages):
        if index == landscape_page:
            drawing.setPageSize((letter[1], letter[0]))
        else:
            drawing.setPageSize(letter)
        drawing.setFillColorRGB(0.1, 0.2, 0.8)
        drawing.rect(72, 72, 200, 200, fill=1)
        drawing.drawString(72, 400, f"Birth certificate, page {index + 1}")
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def good_pdf() -> bytes:
    return _pdf()


def _png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    image.load()
    return image


def test_pdf_is_kept_byte_for_byte_with_its_page_count(good_pdf: bytes) -> None:
    [page] = import_bytes(good_pdf)
    assert page.data == good_pdf
    assert page.media_type == documents.MEDIA_PDF
    assert page.page_count == 3 and page.width is None
    [unchecked] = import_bytes(good_pdf, check_pdf=False)
    assert unchecked.page_count is None and unchecked.data == good_pdf


def test_thumbnails_and_pages_are_rendered_on_white(good_pdf: bytes) -> None:
    image = _png(render_pdf_page_thumbnail(good_pdf, 0, 300))
    assert max(image.size) == 300 and image.size[0] < image.size[1]  # letter, portrait
    assert image.mode == "RGB"
    assert image.getpixel((2, 2)) == (255, 255, 255)
    assert image.getpixel((int(150 / 612 * image.width), image.height - 60))[2] > 150  # blue box
    pages = render_pdf_pages(good_pdf, [2, 0], 200)
    assert [max(_png(p).size) for p in pages] == [200, 200]
    turned = _png(documents.thumbnail(good_pdf, 300, rotation=90))
    assert turned.size[0] > turned.size[1]


def test_landscape_page_keeps_its_shape() -> None:
    data = _pdf(2, landscape_page=1)
    portrait, landscape = (_png(p) for p in render_pdf_pages(data, [0, 1], 220))
    assert portrait.width < portrait.height
    assert landscape.width > landscape.height


def test_page_count_and_no_such_page(good_pdf: bytes) -> None:
    assert pdf_page_count(good_pdf) == 3
    with pytest.raises(ValueError):
        render_pdf_page_thumbnail(good_pdf, 3, 100)
    with pytest.raises(ValueError):
        render_pdf_page_thumbnail(good_pdf, 0, 0)
    with pytest.raises(ValueError):
        render_pdf_page_thumbnail(good_pdf, 0, 100, rotation=45)


@pytest.mark.parametrize(
    "body",
    ids=["random", "magic-only", "no-xref"],
    argvalues=[
        b"%PDF-1.7\n" + random.Random(7).randbytes(4000),
        b"%PDF-",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>",
    ],
)
def test_malformed_pdf_fails_cleanly_and_the_app_carries_on(body: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(PdfDamaged) as caught:
        import_bytes(body)
    assert caught.value.message_id == "documents.error.pdf_damaged"
    with pytest.raises(PdfDamaged):
        render_pdf_page_thumbnail(body, 0, 128)
    assert time.perf_counter() - started < 20
    # The main process is fine: it goes on importing.
    assert import_bytes(_pdf(1))[0].page_count == 1


def test_truncated_pdf_never_crashes(good_pdf: bytes) -> None:
    for cut in (len(good_pdf) // 3, len(good_pdf) - 40):
        try:
            pages = import_bytes(good_pdf[:cut])
        except documents.DocumentImportError:
            continue
        assert pages[0].data == good_pdf[:cut]


def test_password_protected_pdf_is_refused_with_its_own_message(good_pdf: bytes) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(good_pdf)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(PdfPasswordProtected) as caught:
        import_bytes(locked.getvalue())
    assert "password" in caught.value.default_message
    # An owner password alone (printing restrictions) does not stop anyone reading it.
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(good_pdf)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    restricted = io.BytesIO()
    writer.write(restricted)
    assert import_bytes(restricted.getvalue())[0].page_count == 3


def test_worker_timeout_and_memory_limit_become_clean_errors(good_pdf: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(PdfTooComplex):
        render_pdf_page_thumbnail(good_pdf, 0, 300, timeout=0.05)
    assert time.perf_counter() - started < 5
    with pytest.raises(PdfTooComplex):
        render_pdf_page_thumbnail(good_pdf, 0, 4096, memory_limit=64 * 1024 * 1024)
    assert render_pdf_page_thumbnail(good_pdf, 0, 64)  # and the next call works


def _fake_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    script = tmp_path / "fake_worker.py"
    script.write_text(textwrap.dedent(body))
    monkeypatch.setattr(pdf_module, "_WORKER", script)


def test_a_crashing_worker_is_a_damaged_pdf(good_pdf, tmp_path, monkeypatch) -> None:
    _fake_worker(tmp_path, monkeypatch, "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)")
    with pytest.raises(PdfDamaged):
        render_pdf_page_thumbnail(good_pdf, 0, 100)


def test_a_hanging_worker_is_killed(good_pdf, tmp_path, monkeypatch) -> None:
    _fake_worker(tmp_path, monkeypatch, "import time\nwhile True: time.sleep(1)")
    started = time.perf_counter()
    with pytest.raises(PdfTooComplex):
        pdf_page_count(good_pdf, timeout=0.5)
    assert time.perf_counter() - started < 5


def test_a_lying_worker_is_not_believed(good_pdf, tmp_path, monkeypatch) -> None:
    _fake_worker(
        tmp_path,
        monkeypatch,
        """
        import sys
        sys.stdin.buffer.read()
        sys.stdout.buffer.write((60000).to_bytes(4, "big") * 2 + b"x" * 100)
        """,
    )
    with pytest.raises(PdfDamaged):
        render_pdf_page_thumbnail(good_pdf, 0, 100)


def test_without_qtpdf_a_pdf_is_still_kept(good_pdf, tmp_path, monkeypatch) -> None:
    _fake_worker(tmp_path, monkeypatch, "import sys; sys.stdin.buffer.read(); sys.exit(7)")
    with pytest.raises(PdfPreviewUnavailable):
        pdf_page_count(good_pdf)
    [page] = import_bytes(good_pdf)
    assert page.page_count is None and page.data == good_pdf


def test_over_cap_and_non_pdf_bytes_are_refused_before_any_process() -> None:
    with pytest.raises(FileTooBig):
        render_pdf_page_thumbnail(b"%PDF-" + b"\0" * documents.limits.MAX_FILE_BYTES, 0, 10)
    with pytest.raises(PdfDamaged):
        pdf_page_count(b"<html>not a pdf</html>")


def test_main_process_never_loads_a_pdf_parser(good_pdf: bytes, tmp_path: Path) -> None:
    (tmp_path / "plan.pdf").write_bytes(good_pdf)
    code = textwrap.dedent(
        f"""
        import sys
        from preparedness.documents import import_file, thumbnail
        [page] = import_file({str(tmp_path / "plan.pdf")!r})
        assert page.page_count == 3
        thumbnail(page.data, 128)
        loaded = [m for m in sys.modules if m.startswith(("PySide6", "pypdf", "fitz", "reportlab"))]
        print(",".join(loaded))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_worker_limits_forbid_writing_files(tmp_path: Path) -> None:
    target = tmp_path / "leak.bin"
    code = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(Path(pdf_module.__file__).parent)!r})
        import pdf_worker
        pdf_worker._limit_self(512 * 1024 * 1024, 5)
        try:
            with open({str(target)!r}, "wb") as handle:
                handle.write(b"passport scan")
        except OSError as exc:
            print("refused", exc.errno)
        import resource
        core, data = resource.RLIMIT_CORE, resource.RLIMIT_DATA
        print(resource.getrlimit(core)[0], resource.getrlimit(data)[0])
        """
    )
    if sys.platform == "win32":
        pytest.skip("POSIX limits")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30
    )
    assert "refused" in result.stdout, result.stdout + result.stderr
    assert not target.exists() or target.stat().st_size == 0
    assert result.stdout.split()[-2:] == ["0", str(512 * 1024 * 1024)]
