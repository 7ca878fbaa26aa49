"""Kill -9 during saves (30 kills here; benchmarks/kill_saves.py runs 1,000): no plan lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "kill_saves.py"


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_kill_during_saves(tmp_path: Path) -> None:
    args = ["--kills", "30", "--seed", "5", "--json", "--folder", str(tmp_path), "--budget", "25"]
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    results = json.loads(proc.stdout)
    assert results["kills"] >= 10
    assert results["unreadable_plans"] == 0
    assert results["mixed_versions"] == 0
    assert results["unreadable_backups"] == 0
    assert results["mixed_backups"] == 0
    assert results["saves_completed"] > results["kills"]  # kills did land between saves
    assert results["files_left"] == ["plan.fpp", "plan.fpp.bak"]
    assert proc.returncode == 0
