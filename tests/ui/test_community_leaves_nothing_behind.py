"""A community night, from the flag to "Finish and next family", leaves no trace of the family.

The same session as ``test_leaves_nothing_behind`` (create, save to a chosen folder, print to
PDF, finish), run the way ``preparedness --community`` runs: HOME, TMPDIR and the XDG folders
point at empty folders; afterwards no canary string is anywhere under them except in the
chosen PDF, the plan holds none in clear, no settings file was written, and Qt's own settings
file (QtProject.conf) holds no path at all.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from test_leaves_nothing_behind import CANARIES, FOLDER_CANARY, _needles


def test_a_community_night_leaves_nothing_behind(tmp_path: Path) -> None:
    root = tmp_path / "machine"
    env = dict(os.environ)
    env.pop("PREPAREDNESS_SETTINGS", None)  # the real place: the XDG config folder
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
        [sys.executable, str(script), "--community", str(plan_path), str(pdf_path), *CANARIES],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=str(tmp_path),
    )
    assert "SESSION-OK" in result.stdout, result.stdout + result.stderr
    assert stat.S_IMODE(plan_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(pdf_path.stat().st_mode) == 0o600

    hits: list[str] = []
    written: list[str] = []
    for path in root.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        written.append(str(path.relative_to(root)))
        if path == pdf_path:
            continue  # the one file the family asked for in clear
        data = path.read_bytes()
        for needle in _needles():
            if needle in data:
                hits.append(f"{path.relative_to(root)}: {needle!r}")
    print("WRITTEN", written)
    assert not hits, f"traces found: {hits}\nfiles written: {written}"
    # no settings written by a family's evening
    assert not list(root.rglob("settings.json")), written
    # Qt's own settings file: no folder, no file, no path of any kind
    for conf in root.rglob("QtProject.conf"):
        text = conf.read_text(errors="replace")
        assert "[FileDialog]" not in text, text
        assert str(root) not in text and "/" not in text, text
    # the family's folder holds the plan and the PDF only (no temp files, no backup)
    assert sorted(p.name for p in usb.iterdir()) == ["packet.pdf", "plan.fpp"]
