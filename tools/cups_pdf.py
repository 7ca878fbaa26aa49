"""A CUPS "print to PDF" queue (cups-pdf) for the real-printing test and benchmark.

Used by ``tests/printing`` and ``benchmarks/print_cups.py``, not by the app. It finds a queue
whose device is ``cups-pdf:/``, tells where cups-pdf writes its output (``Out`` in
``/etc/cups/cups-pdf.conf``, ``~/PDF`` by default), lists a queue's jobs with ``lpstat``, and
can start a CUPS scheduler of its own where none runs (root only: no init system in a CI
container), with a ``PDF`` queue, and take both away again.

Set-up on Debian/Ubuntu: ``apt-get install cups printer-driver-cups-pdf``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CUPSD = "/usr/sbin/cupsd"
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
SPOOL = Path("/var/spool/cups")  # RequestRoot: c<job> (attributes), d<job>-<n> (documents)
QUEUE_NAME = "PDF"
INSTALL_HINT = "apt-get install cups printer-driver-cups-pdf"
# One test session or benchmark at a time: jobs are told apart by their ids, and a session
# that started the scheduler stops it at its end.
LOCK_FILE = Path(tempfile.gettempdir()) / "preparedness-cups-pdf.lock"

_JOB_LINE = re.compile(r"^(?P<queue>\S+)-(?P<id>\d+)\s")
_DEVICE_LINE = re.compile(r"^device for (?P<queue>[^:]+):\s*cups-pdf:")


@dataclass(frozen=True)
class PdfQueue:
    """A cups-pdf queue and the folder its output files appear in."""

    name: str
    output_folder: Path


def _run(*args: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C"}  # lpstat's English output is parsed
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=env)


def have_client() -> bool:
    return shutil.which("lpstat") is not None


def scheduler_running() -> bool:
    if not have_client():
        return False
    result = _run("lpstat", "-r")
    return result.returncode == 0 and "scheduler is running" in result.stdout


def output_folder(conf: Path = CUPS_PDF_CONF) -> Path:
    """Where cups-pdf writes a job of the current user (``Out``, with ${HOME} and ${USER})."""
    out = "${HOME}/PDF"
    with contextlib.suppress(OSError):
        for line in conf.read_text(errors="replace").splitlines():
            words = line.split(None, 1)
            if len(words) == 2 and words[0] == "Out":
                out = words[1].strip()
    user = pwd.getpwuid(os.getuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


def find_pdf_queue() -> PdfQueue | None:
    """The first cups-pdf queue that accepts jobs (``PDF`` first), or None."""
    if not scheduler_running():
        return None
    devices = _run("lpstat", "-v").stdout.splitlines()
    names = [m["queue"] for m in map(_DEVICE_LINE.match, devices) if m]
    names.sort(key=lambda name: name != QUEUE_NAME)
    for name in names:
        accepting = _run("lpstat", "-a", name)
        if accepting.returncode == 0 and "not accepting" not in accepting.stdout:
            return PdfQueue(name, output_folder())
    return None


def job_ids(queue: str, which: str = "all") -> set[int]:
    """Ids of the queue's jobs: ``which`` is "all", "completed" or "not-completed"."""
    lines = _run("lpstat", "-W", which, "-o", queue).stdout.splitlines()
    return {int(m["id"]) for m in map(_JOB_LINE.match, lines) if m and m["queue"] == queue}


def wait_for_new_job(queue: str, before: set[int], timeout: float = 10) -> int | None:
    """The id of the one job that is not in ``before`` (None if none, or several, appeared)."""
    deadline = time.monotonic() + timeout
    while True:
        new = job_ids(queue) - before
        if len(new) == 1:
            return new.pop()
        if len(new) > 1 or time.monotonic() > deadline:
            return None
        time.sleep(0.05)


def wait_for_completion(queue: str, job: int, timeout: float) -> bool:
    """True once CUPS lists the job as completed (cups-pdf has written its file)."""
    deadline = time.monotonic() + timeout
    while job not in job_ids(queue, "completed"):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def output_file(queue: PdfQueue, job: int, before: set[Path]) -> Path | None:
    """The job's output: ``<title>-job_<id>.pdf`` by default, else the one new PDF."""
    with contextlib.suppress(OSError):
        new = [p for p in queue.output_folder.glob("*.pdf") if p not in before]
        named = [p for p in new if f"job_{job}" in p.name]
        if len(named) == 1:
            return named[0]
        if len(new) == 1:
            return new[0]
    return None


def output_files(queue: PdfQueue) -> set[Path]:
    with contextlib.suppress(OSError):
        return set(queue.output_folder.glob("*.pdf"))
    return set()


def spool_files(job: int, spool: Path = SPOOL) -> list[Path]:
    """What CUPS keeps of a job: ``c<id>`` (its attributes) and ``d<id>-<n>`` (documents)."""
    try:
        return sorted(p for p in spool.iterdir() if re.fullmatch(rf"[cd]{job:05d}(-\d+)?", p.name))
    except OSError:  # not root: the spool folder is root:lp 0710
        return []


def wait_for_spool(job: int, timeout: float = 10, spool: Path = SPOOL) -> list[Path]:
    """The job's spool files once its control file is written (cupsd writes it a moment
    after the job completes); [] if the spool folder cannot be read."""
    deadline = time.monotonic() + timeout
    while True:
        files = spool_files(job, spool)
        if any(p.name.startswith("c") for p in files) or time.monotonic() > deadline:
            return files
        if not files and not os.access(spool, os.R_OK):
            return []
        time.sleep(0.1)


@contextlib.contextmanager
def exclusive(timeout: float = 300) -> Iterator[bool]:
    """Hold the lock file while using the queue; yields False if it stayed busy."""
    # Read-only is enough for flock, so another user's session can share root's lock file.
    with os.fdopen(os.open(LOCK_FILE, os.O_RDONLY | os.O_CREAT, 0o644)) as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    yield False
                    return
                time.sleep(0.5)
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass
class PrivateScheduler:
    """A cupsd started here (root, no init system) with a cups-pdf queue, undone by stop()."""

    process: subprocess.Popen[bytes] | None = None
    added_queue: str = ""
    output_folder_created: Path | None = None

    @staticmethod
    def possible() -> str:
        """Why a scheduler cannot be started here ("" if it can)."""
        if not have_client() or not os.path.exists(CUPSD):
            return f"CUPS is not installed ({INSTALL_HINT})"
        if os.geteuid() != 0:
            return "no CUPS scheduler is running, and only root can start one"
        if not CUPS_PDF_PPD.exists():
            return f"cups-pdf is not installed ({INSTALL_HINT})"
        return ""

    def start(self, timeout: float = 20) -> str:
        """Start cupsd and add the queue; "" on success, else why not (and undone)."""
        self.process = subprocess.Popen(
            [CUPSD, "-f"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not killed by the terminal's Ctrl+C before stop()
        )
        deadline = time.monotonic() + timeout
        while not scheduler_running():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                return "cupsd did not start"
            time.sleep(0.1)
        if find_pdf_queue() is None:
            added = _run(
                "lpadmin", "-p", QUEUE_NAME, "-v", "cups-pdf:/", "-E", "-P", str(CUPS_PDF_PPD)
            )
            if added.returncode != 0:
                self.stop()
                return f"lpadmin could not add the {QUEUE_NAME} queue: {added.stderr.strip()}"
            self.added_queue = QUEUE_NAME
        folder = output_folder()
        if not folder.exists():
            self.output_folder_created = folder
        return ""

    def stop(self) -> None:
        """Remove the queue added here with its jobs, then end the daemon by its id."""
        if self.process is None:
            return
        if self.added_queue and self.process.poll() is None and scheduler_running():
            # Every job on the queue added here is ours: purge their files and history (CUPS
            # keeps them a day), then the queue. A queue that was there before keeps its jobs.
            _run("cancel", "-a", "-x", self.added_queue)
            _run("lpadmin", "-x", self.added_queue)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process = None
        folder = self.output_folder_created
        if folder is not None:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if empty
