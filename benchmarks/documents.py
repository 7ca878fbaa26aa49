"""Adding ten 12-megapixel photos to a plan: import times and sizes, then saving and reopening.

Issue 6's figures: time to add ten 12 MP photos (goal: under 0.5 s each), to render the family
packet with them in its appendix of copies (goal: under 3 s and 10 MB), to save and reopen the
plan with them (real Argon2id key derivation, DEFAULT_KDF, unless --test-kdf, which labels
every figure it touches), and the resulting file sizes. The photos are synthetic but realistic
for a JPEG encoder: gradients, shapes and sensor-like noise at quality 92 with EXIF (flat
colour would make them unrealistically small and fast). They are written to a temporary folder
because ``import_file`` reads from disk, as the app does; the plan goes there too.

    .venv/bin/python benchmarks/documents.py [--photos 10] [--test-kdf]
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageChops, ImageDraw

from preparedness import documents
from preparedness.model import Attachment, DocumentItem, DocumentKind
from preparedness.model.demo import demo_plan
from preparedness.model.serialize import plan_from_json, plan_to_json
from preparedness.packet import Copy, render_packet

MB = 1_000_000
PASSPHRASE = "benchmark passphrase"


def synthetic_photo(seed: int, width: int = 4000, height: int = 3000) -> bytes:
    """A 12 MP phone-like JPEG (q92, EXIF with GPS): gradients, shapes, noise."""
    rng = random.Random(seed)
    tile = 512
    noise = [Image.effect_noise((tile, tile), rng.uniform(12, 30)) for _ in range(3)]
    bands = []
    for index in range(3):
        band = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270)))
        band = band.resize((width, height))
        layer = Image.new("L", (width, height))
        for y in range(0, height, tile):
            for x in range(0, width, tile):
                layer.paste(noise[(index + x // tile + 2 * (y // tile)) % 3], (x, y))
        bands.append(ImageChops.add(band, layer, 1.5, -70))
    picture = Image.merge("RGB", bands)
    draw = ImageDraw.Draw(picture)
    for _ in range(40):
        x, y = rng.randrange(width), rng.randrange(height)
        size = rng.randrange(width // 30, width // 5)
        draw.rectangle((x, y, x + size, y + size // 3), fill=tuple(rng.choices(range(256), k=3)))
        draw.text((x, y), "PASSPORT 0123456789", fill=(0, 0, 0))
    exif = Image.Exif()
    exif[0x010F] = "BenchCam"
    exif[0x0112] = rng.choice((1, 6))
    exif.get_ifd(0x8825).update({1: "N", 2: (40.0, 26.0, 46.0)})
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def _as_heic(jpeg: bytes) -> bytes:
    """The same photo as an iPhone would save it (HEIC q80, EXIF kept); x265's fastest preset,
    so that making it takes seconds, not half a minute. Decoding costs the same either way."""
    import pillow_heif

    picture = Image.open(io.BytesIO(jpeg))
    heif = pillow_heif.from_pillow(picture.convert("RGB"))
    buffer = io.BytesIO()
    heif.save(buffer, quality=80, exif=picture.info.get("exif"), enc_params={"preset": "ultrafast"})
    return buffer.getvalue()


def _three_page_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer)
    for index in range(3):
        drawing.drawString(72, 720, f"School record, page {index + 1}")
        drawing.rect(72, 72, 300, 400, fill=1)
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def _row(label: str, value: str) -> None:
    print(f"  {label:<44} {value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=10)
    parser.add_argument(
        "--test-kdf",
        action="store_true",
        help="use the vault's cheap test KDF for save/open (figures are labelled)",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="fpp-bench-") as folder:
        root = Path(folder)
        print(f"Generating {args.photos} synthetic 12 MP photos...")
        paths = []
        for index in range(args.photos):
            path = root / f"photo-{index}.jpg"
            path.write_bytes(synthetic_photo(index))
            paths.append(path)
        original_sizes = [p.stat().st_size for p in paths]

        # --- import ------------------------------------------------------------------------
        documents.import_file(paths[0])  # warm-up: first-call imports and caches
        times, pages = [], []
        for path in paths:
            started = time.perf_counter()
            [page] = documents.import_file(path)
            times.append(time.perf_counter() - started)
            pages.append(page)
        documents.check_total([], sum(p.size for p in pages))
        keep_started = time.perf_counter()
        [kept] = documents.import_file(paths[0], keep_original=True)
        keep_time = time.perf_counter() - keep_started
        thumb_times = []
        for page in pages:
            started = time.perf_counter()
            documents.thumbnail(page.data, 256)
            thumb_times.append(time.perf_counter() - started)
        rotate_started = time.perf_counter()
        documents.rotate(pages[0].data, pages[0].media_type, 90)
        rotate_time = time.perf_counter() - rotate_started

        print(f"\nImport of {args.photos} photos (4000x3000, JPEG q92 with EXIF):")
        _row("original size, median", f"{statistics.median(original_sizes) / MB:.2f} MB")
        _row(
            "import time per photo, median / max",
            f"{statistics.median(times):.3f} s / {max(times):.3f} s  (goal < 0.5 s)",
        )
        _row(f"import time, all {args.photos}", f"{sum(times):.2f} s")
        _row(
            "stored size per photo, median",
            f"{statistics.median(p.size for p in pages) / MB:.2f} MB",
        )
        _row("stored size, all", f"{sum(p.size for p in pages) / MB:.2f} MB")
        _row("stored pixels", f"{pages[0].width}x{pages[0].height} (print size, 180-200 dpi)")
        _row(
            "keep_original: time / size",
            f"{keep_time:.3f} s / {kept.size / MB:.2f} MB ({kept.width}x{kept.height})",
        )
        _row("thumbnail 256 px, median", f"{statistics.median(thumb_times) * 1000:.0f} ms")
        _row("rotate 90 degrees (re-encode once)", f"{rotate_time * 1000:.0f} ms")

        resample = synthetic_photo(99, 3264, 2448)  # 8 MP: too small to halve, so resampled
        started = time.perf_counter()
        [resampled] = documents.import_bytes(resample)
        resample_time = time.perf_counter() - started
        _row(
            "8 MP photo (full decode + Lanczos path)",
            f"{resample_time:.3f} s ({resampled.width}x{resampled.height})",
        )

        # --- an iPhone photo: HEIC, decoded by libheif/libde265 through pillow-heif -----------
        heic = _as_heic(synthetic_photo(7))
        heic_times = []
        for _ in range(3):
            started = time.perf_counter()
            [heic_page] = documents.import_bytes(heic)
            heic_times.append(time.perf_counter() - started)
        _row(
            "12 MP HEIC photo, median of 3 (HEVC decode)",
            f"{statistics.median(heic_times):.3f} s ({heic_page.width}x{heic_page.height}, "
            f"{len(heic) / MB:.1f} MB in)",
        )

        # --- a PDF: kept as is, looked into only by the worker process -----------------------
        pdf = _three_page_pdf()
        started = time.perf_counter()
        [pdf_page] = documents.import_bytes(pdf)
        assert pdf_page.page_count == 3
        pdf_import = time.perf_counter() - started
        started = time.perf_counter()
        documents.render_pdf_pages(pdf, [0, 1, 2], documents.limits.PRINT_LONG_SIDE)
        pdf_render = time.perf_counter() - started
        print("\nPDF (3 pages, kept byte for byte; worker process):")
        _row("import incl. page count in the worker", f"{pdf_import:.3f} s")
        _row("render 3 pages at 2200 px in one worker", f"{pdf_render:.3f} s")

        # --- the plan, and the family packet with the photos in its appendix --------------
        plan = demo_plan()
        item = DocumentItem(kind=DocumentKind.PASSPORT, label="passport scans")
        attachments = {}
        for index, page in enumerate(pages):
            name = f"blob-{index}"
            attachments[name] = page.data
            item.attachments.append(Attachment(blob=name, media_type=page.media_type))
        plan.documents.append(item)
        _packet_figures(plan, attachments, pdf, args.photos)

        # --- the plan file -----------------------------------------------------------------
        try:
            from preparedness.vault import Payload, PlanFile, use_test_kdf_params
        except ImportError:
            print("\nvault: not available yet, save/open not measured")
            return 0
        payload = Payload(plan_to_json(plan).encode("utf-8"), attachments)
        plan_path = root / "plan.fpp"
        label = " [TEST KDF: not a real figure]" if args.test_kdf else " (DEFAULT_KDF)"
        hook = use_test_kdf_params() if args.test_kdf else contextlib.nullcontext()
        with hook:
            started = time.perf_counter()
            plan_file = PlanFile.create(plan_path, payload, PASSPHRASE)
            create_time = time.perf_counter() - started
            started = time.perf_counter()
            plan_file.save(payload)
            save_time = time.perf_counter() - started
            started = time.perf_counter()
            _reopened, loaded = PlanFile.open(plan_path, PASSPHRASE)
            open_time = time.perf_counter() - started
        assert loaded.attachments == attachments
        blobs = plan_from_json(loaded.plan_json).blob_names()
        assert blobs == set(attachments)

        print(f"\nPlan file with {args.photos} photos{label}:")
        _row("create (key derivation + write)", f"{create_time:.2f} s")
        _row("save (no key derivation)", f"{save_time:.2f} s")
        _row("open (key derivation + read + verify)", f"{open_time:.2f} s")
        _row("plan file size", f"{plan_path.stat().st_size / MB:.2f} MB")
    return 0


def _render(plan, attachments: dict[str, bytes]) -> tuple[float, bytes]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    packet = render_packet(plan, "en", Copy.FAMILY, attachments=attachments)
    return time.perf_counter() - started, packet


def _packet_figures(plan, attachments: dict[str, bytes], pdf: bytes, photos: int) -> None:  # type: ignore[no-untyped-def]
    """The family packet with the photos in its appendix: time (first in this process, then
    warm) and size; then the same with the three-page PDF added (rendered in the worker)."""
    from pypdf import PdfReader

    first_time, packet = _render(plan, attachments)  # the first packet of this process
    without_time, without = _render(demo_plan(), {})
    warm = [_render(plan, attachments)[0] for _ in range(3)]
    assert _render(plan, attachments)[1] == packet, "the packet is not deterministic"
    pages = len(PdfReader(io.BytesIO(packet)).pages)
    stored = sum(len(data) for data in attachments.values())

    with_pdf = copy.deepcopy(plan)
    school = DocumentItem(kind=DocumentKind.SCHOOL_RECORDS, owner_id=plan.children[0].id)
    school.attachments.append(Attachment(blob="pdf", media_type=documents.MEDIA_PDF))
    with_pdf.documents.append(school)
    pdf_time, pdf_packet = _render(with_pdf, {**attachments, "pdf": pdf})

    print(f"\nFamily packet (English, Letter) with the {photos} photos in its appendix:")
    _row("without copies: time (warm) / size", f"{without_time:.2f} s / {len(without) / MB:.2f} MB")
    _row("with the photos: first render (fonts load)", f"{first_time:.2f} s  (goal < 3 s)")
    _row("with the photos: time, warm, median of 3", f"{statistics.median(warm):.2f} s")
    _row(
        "with the photos: PDF size",
        f"{len(packet) / MB:.2f} MB for {pages} pages  (goal < 10 MB; "
        f"the stored JPEGs: {stored / MB:.2f} MB, embedded as they are)",
    )
    _row(
        "plus a 3-page PDF (worker): time / size",
        f"{pdf_time:.2f} s / {len(pdf_packet) / MB:.2f} MB",
    )


if __name__ == "__main__":
    sys.exit(main())
