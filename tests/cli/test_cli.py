"""The command line: every command, the passphrase sources, exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from preparedness import cli, vault
from preparedness.model import plan_from_json, plan_to_json
from preparedness.model.demo import DEMO_A_NUMBER, demo_plan

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)
    with vault.use_test_kdf_params():
        yield


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text("correct horse battery\n", encoding="utf-8")
    return path


@pytest.fixture
def plan_file(tmp_path: Path, passfile: Path) -> Path:
    source = tmp_path / "plan.json"
    source.write_text(plan_to_json(demo_plan()), encoding="utf-8")
    out = tmp_path / "plan.fpp"
    assert (
        cli.main(["import", str(source), "--out", str(out), "--passphrase-file", str(passfile)])
        == 0
    )
    return out


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child process, with no terminal (so no prompt)."""
    full_env = {k: v for k, v in os.environ.items() if k != cli.PASSPHRASE_ENV}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=full_env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_import_then_export_round_trips(
    plan_file: Path, passfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert stat.S_IMODE(plan_file.stat().st_mode) == 0o600
    out = tmp_path / "back.json"
    assert (
        cli.main(["export", str(plan_file), "--out", str(out), "--passphrase-file", str(passfile)])
        == 0
    )
    assert "NOT encrypted" in capsys.readouterr().err
    assert plan_from_json(out.read_bytes()) == demo_plan()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_passphrase_from_environment(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "correct horse battery")
    assert cli.main(["check", str(plan_file)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("ok: 2 adults, 3 children, 8 contacts, 12 documents")
    # The summary names no one.
    for person in demo_plan().contacts:
        assert person.name.split()[0] not in line


def test_wrong_passphrase_exits_3(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", encoding="utf-8")
    assert cli.main(["check", str(plan_file), "--passphrase-file", str(wrong)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Caps Lock" in err


def test_damaged_file_exits_4(plan_file: Path, passfile: Path) -> None:
    data = bytearray(plan_file.read_bytes())
    data[len(data) // 2] ^= 0x40
    plan_file.write_bytes(bytes(data))
    assert cli.main(["check", str(plan_file), "--passphrase-file", str(passfile)]) in (3, 4)
    plan_file.write_bytes(b"hello, this is not a plan")
    assert cli.main(["check", str(plan_file), "--passphrase-file", str(passfile)]) == 4


def test_newer_schema_json_exits_5(tmp_path: Path, passfile: Path) -> None:
    source = tmp_path / "new.json"
    source.write_text(json.dumps({"schema_version": 99, "plan": {}}), encoding="utf-8")
    code = cli.main(
        [
            "import",
            str(source),
            "--out",
            str(tmp_path / "x.fpp"),
            "--passphrase-file",
            str(passfile),
        ]
    )
    assert code == 5
    assert not (tmp_path / "x.fpp").exists()


def test_newer_file_format_exits_5(tmp_path: Path, passfile: Path) -> None:
    golden = ROOT / "tests" / "data" / "golden"
    newer = next(golden.glob("*newer*"), None)
    if newer is None:
        pytest.fail("the golden files must include one made by a newer version")
    assert cli.main(["check", str(newer), "--passphrase-file", str(passfile)]) == 5


def test_import_refuses_to_overwrite_without_force(
    plan_file: Path, passfile: Path, tmp_path: Path
) -> None:
    source = tmp_path / "plan.json"
    before = plan_file.read_bytes()
    assert (
        cli.main(
            ["import", str(source), "--out", str(plan_file), "--passphrase-file", str(passfile)]
        )
        == 2
    )
    assert plan_file.read_bytes() == before


def test_passwd_changes_passphrase_and_manages_recovery_code(
    plan_file: Path, passfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase\n", encoding="utf-8")
    assert (
        cli.main(
            [
                "passwd",
                str(plan_file),
                "--passphrase-file",
                str(passfile),
                "--new-passphrase-file",
                str(new),
                "--add-recovery-code",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    code = out.strip().rsplit(": ", 1)[1]
    assert vault.is_recovery_code(code)
    assert cli.main(["check", str(plan_file), "--passphrase-file", str(passfile)]) == 3
    assert cli.main(["check", str(plan_file), "--passphrase-file", str(new)]) == 0
    recovery = tmp_path / "recovery.txt"
    recovery.write_text(code + "\n", encoding="utf-8")
    assert cli.main(["check", str(plan_file), "--passphrase-file", str(recovery)]) == 0
    assert (
        cli.main(
            [
                "passwd",
                str(plan_file),
                "--passphrase-file",
                str(new),
                "--new-passphrase-file",
                str(new),
                "--remove-recovery-code",
            ]
        )
        == 0
    )
    assert cli.main(["check", str(plan_file), "--passphrase-file", str(recovery)]) == 3


def test_packet_for_each_copy(plan_file: Path, passfile: Path, tmp_path: Path) -> None:
    texts = {}
    for copy in ("family", "caregiver", "school"):
        out = tmp_path / f"{copy}.pdf"
        assert (
            cli.main(
                [
                    "packet",
                    str(plan_file),
                    "--lang",
                    "es",
                    "--copy",
                    copy,
                    "--page-size",
                    "a4",
                    "--out",
                    str(out),
                    "--passphrase-file",
                    str(passfile),
                ]
            )
            == 0
        )
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        texts[copy] = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert DEMO_A_NUMBER in texts["family"]
    assert DEMO_A_NUMBER not in texts["school"]
    assert DEMO_A_NUMBER not in texts["caregiver"]


def test_demo_writes_plan_and_packet(tmp_path: Path) -> None:
    assert cli.main(["demo", "--out", str(tmp_path / "d")]) == 0
    plan_path = tmp_path / "d" / "demo-plan.fpp"
    _, payload = vault.PlanFile.open(plan_path, cli.DEMO_PASSPHRASE)
    assert plan_from_json(payload.plan_json).children
    assert (tmp_path / "d" / "demo-packet.pdf").read_bytes().startswith(b"%PDF")


def test_real_process_exit_codes_and_one_line_errors(tmp_path: Path) -> None:
    usage = run("check")
    assert usage.returncode == 2 and usage.stderr.count("\n") == 1
    missing = run("check", str(tmp_path / "none.fpp"), env={cli.PASSPHRASE_ENV: "x"})
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    not_plan = tmp_path / "not.fpp"
    not_plan.write_bytes(b"\x00" * 100)
    result = run("check", str(not_plan), env={cli.PASSPHRASE_ENV: "x"})
    assert result.returncode == 4 and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    # No passphrase source and no terminal: a usage error, not a hang.
    result = run("check", str(not_plan))
    assert result.returncode == 2
    assert "0  ok" in run("--help").stdout
