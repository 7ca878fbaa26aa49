"""A full session (create, save, print to PDF, finish) leaves no trace of the family.

HOME, TMPDIR, XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR point at
empty folders before the session's process starts; afterwards no canary string is found
anywhere under them (in UTF-8 or UTF-16) except in the PDF the person chose; the encrypted
plan holds none in clear either. The chosen folder's own name is a canary too: Qt's file
dialog would remember it in QtProject.conf if the app did not clear that history.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

CANARIES = ("Zqxparent Núñez", "Zqxchild فاطمة", "Zqxcontact ሰላም")
FOLDER_CANARY = "Zqxfamily-folder"


def _needles() -> list[bytes]:
    words = [*CANARIES, FOLDER_CANARY, "Zqx"]
    found: list[bytes] = []
    for word in words:
        found += [word.encode("utf-8"), word.encode("utf-16-le")]
    return found


def test_a_session_leaves_nothing_behind(tmp_path: Path) -> None:
    root = tmp_path / "machine"
    env = dict(os.environ)
    folders = {}
    for name in ("HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        folder = root / name.lower()
        folder.mkdir(parents=True)
        env[name] = str(folder)
        folders[name] = folder
    runtime = root / "runtime"
    runtime.mkdir(mode=0o700)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    env["QT_QPA_PLATFORM"] = "offscreen"
    usb = folders["HOME"] / FOLDER_CANARY
    usb.mkdir()
    plan_path, pdf_path = usb / "plan.fpp", usb / "packet.pdf"
    script = Path(__file__).with_name("canary_session.py")
    result = subprocess.run(
        [sys.executable, str(script), str(plan_path), str(pdf_path), *CANARIES],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # the session itself takes a few seconds
        cwd=str(tmp_path),
    )
    assert "SESSION-OK" in result.stdout, result.stdout + result.stderr
    assert plan_path.exists() and pdf_path.exists()
    assert stat.S_IMODE(plan_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(pdf_path.stat().st_mode) == 0o600

    hits: list[str] = []
    written: list[str] = []
    for path in root.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        written.append(str(path.relative_to(root)))
        if path == pdf_path:
            continue  # the one file the person asked for in clear
        data = path.read_bytes()
        for needle in _needles():
            if needle in data:
                hits.append(f"{path.relative_to(root)}: {needle!r}")
    print("WRITTEN", written)
    assert not hits, f"traces found: {hits}\nfiles written: {written}"
    # Qt's own settings: if the file exists, its FileDialog group is gone
    for conf in root.rglob("QtProject.conf"):
        assert "[FileDialog]" not in conf.read_text(errors="replace"), conf
    # the output folder holds the plan and the PDF only (no temp files, no backup yet)
    assert sorted(p.name for p in usb.iterdir()) == ["packet.pdf", "plan.fpp"]
