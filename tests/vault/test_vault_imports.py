"""The vault stays a pure library: no Qt, no reportlab, no plan model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_vault_imports_no_qt_reportlab_or_model() -> None:
    code = (
        "import sys, preparedness.vault as v; "
        "v.PlanFile, v.decrypt_payload; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab', 'PIL') "
        "or m.startswith(('preparedness.model', 'preparedness.ui', 'preparedness.packet'))); "
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
