"""How long printing the family copy of the demo packet takes through a real CUPS queue.

The app's print path after the person presses Print in the system dialog
(``dialogs.make_printer`` + ``dialogs.print_pdf_documents``: every page drawn as a picture
onto the QPrinter, one job handed to CUPS) prints to a cups-pdf queue. Per run:

- "accepted": from the call until CUPS lists the job (the call returns once Qt has handed
  the job over; the dialog's own time is not counted);
- "complete": from the call until CUPS reports the job completed and cups-pdf's file reads
  back with every page (what a printer would have to start with).

Needs CUPS with a cups-pdf queue (``apt-get install cups printer-driver-cups-pdf``, a running
cupsd); without one it says so and stops. The output files are removed unless --keep;
CUPS itself keeps each job's files and history (a day by default; ``cancel -a -x PDF``).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/print_cups.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import cups_pdf
from PySide6.QtWidgets import QApplication

from preparedness.model.demo import demo_plan
from preparedness.packet import Copy, render_packet
from preparedness.ui.dialogs import load_pdf, make_printer, print_pdf_documents

TIMEOUT = 300.0


def pages_in(path: Path) -> int:
    result = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
    for line in result.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def one_run(app: QApplication, queue: cups_pdf.PdfQueue, pdf: bytes, keep: bool) -> dict:
    document, buffer = load_pdf(pdf, app)
    printer = make_printer(queue.name)
    jobs_before = cups_pdf.job_ids(queue.name)
    files_before = cups_pdf.output_files(queue)
    start = time.perf_counter()
    pages = print_pdf_documents([document], printer)
    returned = time.perf_counter() - start
    job = cups_pdf.wait_for_new_job(queue.name, jobs_before)
    accepted = time.perf_counter() - start
    document.close()
    buffer.close()
    if job is None:
        raise SystemExit("CUPS did not list exactly one new job")
    if not cups_pdf.wait_for_completion(queue.name, job, TIMEOUT):
        raise SystemExit(f"job {job} not completed within {TIMEOUT:.0f} s")
    output = None
    while output is None or pages_in(output) != pages:
        if time.perf_counter() - start > TIMEOUT:
            raise SystemExit(f"no complete output file for job {job} in {queue.output_folder}")
        output = cups_pdf.output_file(queue, job, files_before)
        time.sleep(0.05)
    complete = time.perf_counter() - start
    size = output.stat().st_size
    if not keep:
        output.unlink()
    return {
        "job": job,
        "pages": pages,
        "returned": returned,
        "accepted": accepted,
        "complete": complete,
        "output_mb": size / 1e6,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", default="", help="language on paper (default: the family's)")
    parser.add_argument("--keep", action="store_true", help="keep cups-pdf's output files")
    args = parser.parse_args()

    queue = cups_pdf.find_pdf_queue()
    if queue is None:
        why = "no CUPS scheduler is running" if not cups_pdf.scheduler_running() else ""
        print(
            "Skipped: no CUPS queue prints to PDF"
            + (f" ({why})" if why else "")
            + f". Set-up: {cups_pdf.INSTALL_HINT}, start cupsd, then "
            "lpadmin -p PDF -v cups-pdf:/ -E -P " + str(cups_pdf.CUPS_PDF_PPD)
        )
        return 0

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication([])
    plan = demo_plan()
    lang = args.lang or plan.languages.family_language
    start = time.perf_counter()
    pdf = render_packet(plan, lang, Copy.FAMILY)
    rendered = time.perf_counter() - start

    with cups_pdf.exclusive() as free:
        if not free:
            print("Skipped: another test session or benchmark is printing to the queue")
            return 0
        runs = [one_run(app, queue, pdf, args.keep) for _ in range(args.runs)]

    pages = runs[0]["pages"]
    print(
        f"family copy, demo plan, {lang!r}: {pages} pages, {len(pdf) / 1e3:.0f} kB "
        f"(rendered in {rendered:.2f} s, not counted); queue {queue.name!r} -> "
        f"{queue.output_folder}"
    )
    print(
        f"{'run':>4} {'job':>5} {'call returned':>14} {'accepted':>9} {'complete':>9} {'out MB':>7}"
    )
    for number, run in enumerate(runs, 1):
        print(
            f"{number:>4} {run['job']:>5} {run['returned']:>13.2f}s {run['accepted']:>8.2f}s "
            f"{run['complete']:>8.2f}s {run['output_mb']:>7.1f}"
        )
    for key in ("accepted", "complete"):
        values = [run[key] for run in runs]
        print(f"median {key}: {statistics.median(values):.2f} s (min {min(values):.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
