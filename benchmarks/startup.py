"""Wizard timings, in one run: startup (vs a bare two-page QWizard), language switch, page change.

Startup is measured from process start (the parent starts a fresh Python) to the first page
shown and painted (``repaint()`` returned), the same way for the app and for a bare
QWizard (the floor), the two taken in turn so a busy machine weighs on both alike. The app
shows its language screen first and builds the wizard pages right after, in the next turn
of the event loop. Goals (issue 4): startup within 2x the floor; language switch and page
change under 100 ms.

A language switch is timed until the page on screen is painted in the new language (pages
off screen catch up when they are shown: their cost is part of a page change after a
switch, measured on its own).

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP_CHILD = """
import sys
sys.path.insert(0, {root!r})
from preparedness.app import make_application
app = make_application([])
from preparedness.ui.window import MainWindow
window = MainWindow()
window.show()
window.repaint()  # painted synchronously: the first screen is on screen now
print("SHOWN", flush=True)
app.processEvents()  # the wizard behind it is built here, after the first screen
"""

BARE_CHILD = """
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
app = QApplication([])
wizard = QWizard()
for text in ("one", "two"):
    page = QWizardPage()
    page.setTitle(text)
    QVBoxLayout(page).addWidget(QLabel(text))
    wizard.addPage(page)
wizard.show()
wizard.repaint()
print("SHOWN", flush=True)
app.processEvents()
"""


def time_child(code: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("SHOWN"):
            elapsed = time.perf_counter() - started
            break
    else:
        raise SystemExit("the child never showed a window")
    child.wait()
    return elapsed


def in_process(runs: int) -> tuple[list[float], list[float], list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from preparedness.app import make_application

    app = make_application([])
    from preparedness.model.demo import demo_plan
    from preparedness.ui.pages import PAGE_ORDER
    from preparedness.ui.window import MainWindow

    window = MainWindow(restarter=lambda: None)
    window.show()
    window.new_plan()
    window.session.plan = demo_plan("es")
    window._forget_pages()
    window.wizard.restart()
    app.processEvents()

    def settle() -> None:
        window.repaint()
        app.processEvents()

    # page changes: forward and back through every page, painted, several rounds
    # (the first visit of a page builds its cards; later visits reuse them)
    changes: list[float] = []
    for _round in range(runs):
        for step in (window.wizard.next, window.wizard.back):
            for _page in range(len(PAGE_ORDER) - 1):
                started = time.perf_counter()
                step()
                settle()
                changes.append(time.perf_counter() - started)
    # language switches on a busy page, painted
    window.go_to_page("contacts")
    settle()
    switches: list[float] = []
    for _round in range(runs):
        for code in ("ar", "es", "zh_Hans", "am", "en"):
            started = time.perf_counter()
            window.set_language(code)
            settle()
            switches.append(time.perf_counter() - started)
    # page changes right after a switch: each page is entered for the first time since, so
    # it catches up with the new language (texts, direction) before it is painted
    after_switch: list[float] = []
    for code in ("ar", "es", "zh_Hans", "am", "en")[:runs]:
        window.go_to_page("household")
        window.set_language(code)
        settle()
        for _page in range(len(PAGE_ORDER) - 1):
            started = time.perf_counter()
            window.wizard.next()
            settle()
            after_switch.append(time.perf_counter() - started)
    return changes, switches, after_switch


def describe(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"median {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   max {ms[-1]:6.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app_times: list[float] = []
    bare_times: list[float] = []
    for _ in range(args.runs):  # taken in turn: load that comes and goes weighs on both alike
        app_times.append(time_child(APP_CHILD.format(root=str(ROOT))))
        bare_times.append(time_child(BARE_CHILD))
    changes, switches, after_switch = in_process(args.runs)
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    print(f"startup to first page, app:        {describe(app_times)}")
    print(f"startup to first page, bare wizard: {describe(bare_times)}")
    ratio = app_median / bare_median
    print(f"startup ratio app/bare: {ratio:.2f}  (goal <= 2.0: {'ok' if ratio <= 2 else 'MISSED'})")
    print(f"page change (demo plan):  {describe(changes)}")
    print(f"language switch:          {describe(switches)}")
    print(f"page change after a switch: {describe(after_switch)}")
    medians = [statistics.median(v) for v in (changes, switches, after_switch)]
    worst = max(medians) * 1000
    print(f"goal < 100 ms (median): {'ok' if worst < 100 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
