"""Kill -9 a process at random moments while it saves a plan, then check nothing was lost.

A child process opens the plan and saves two versions (A, B) in turn, as fast as it can; the
parent SIGKILLs it after a random delay, then checks that the plan (and its backup, if any)
opens and equals A or B exactly: never unreadable, never a mix. Stale temp files are counted,
then cleaned as the app does on start.

    .venv/bin/python benchmarks/kill_saves.py --kills 1000
    .venv/bin/python benchmarks/kill_saves.py --kills 30 --json --folder /some/empty/dir

The KDF is the cheap test one (use_test_kdf_params): saves never run the KDF, and the child's
open would otherwise dominate the time. POSIX only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from preparedness.vault import (
    OpenError,
    Payload,
    PlanFile,
    backup_path,
    clean_stale_temp_files,
    decrypt_payload,
    use_test_kdf_params,
)
from preparedness.vault.atomic import TEMP_NAME_RE

PASSPHRASE = "kill test passphrase"
VERSIONS = {
    "A": Payload(
        b'{"version": "A", "note": "first"}',
        {"scan-a.png": b"\xaa" * 300_000, "letter.pdf": b"\x01" * 20_000},
        {"label": "A"},
    ),
    "B": Payload(
        b'{"version": "B", "note": "second, longer text"}',
        {"scan-b.png": b"\xbb" * 120_000},
        {"label": "B", "review": "2027-01-01"},
    ),
}


def child(path: Path) -> None:
    """Save A, B, A, B... until killed; one line on stdout per finished save."""
    with use_test_kdf_params():
        plan, _ = PlanFile.open(path, PASSPHRASE)
        print("ready", flush=True)
        i = 0
        while True:
            plan.save(VERSIONS["AB"[i % 2]])
            i += 1
            print(i, flush=True)


def _which(data: bytes) -> str:
    """'A', 'B', 'mixed' (opens but is neither) or 'unreadable'."""
    try:
        payload = decrypt_payload(data, PASSPHRASE)
    except OpenError:
        return "unreadable"
    for name, version in VERSIONS.items():
        if payload == version:
            return name
    return "mixed"


def run(kills: int, folder: Path, *, max_delay: float, seed: int, budget: float) -> dict:
    rng = random.Random(seed)
    path = folder / "plan.fpp"
    with use_test_kdf_params():
        PlanFile.create(path, VERSIONS["A"], PASSPHRASE, overwrite=True)
    results = {
        "kills": 0,
        "unreadable_plans": 0,
        "mixed_versions": 0,
        "unreadable_backups": 0,
        "mixed_backups": 0,
        "plan_was_A": 0,
        "plan_was_B": 0,
        "stale_temp_files_cleaned": 0,
        "saves_completed": 0,
        "kills_before_first_save_finished": 0,
        "seconds": 0.0,
    }
    start = time.monotonic()
    for _ in range(kills):
        if time.monotonic() - start > budget:
            break
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if line.strip() != "ready":
            proc.kill()
            proc.wait()
            raise RuntimeError(f"child did not start: {line!r}")
        time.sleep(rng.uniform(0, max_delay))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        saves = [x for x in proc.stdout.read().split() if x.isdigit()]
        proc.stdout.close()
        results["kills"] += 1
        results["saves_completed"] += len(saves)
        results["kills_before_first_save_finished"] += not saves

        state = _which(path.read_bytes())
        if state in ("A", "B"):
            results[f"plan_was_{state}"] += 1
        else:
            results["unreadable_plans" if state == "unreadable" else "mixed_versions"] += 1
        bak = backup_path(path)
        if bak.exists():
            state = _which(bak.read_bytes())
            if state == "unreadable":
                results["unreadable_backups"] += 1
            elif state == "mixed":
                results["mixed_backups"] += 1
        stale = [p for p in folder.iterdir() if TEMP_NAME_RE.match(p.name)]
        results["stale_temp_files_cleaned"] += len(stale)
        clean_stale_temp_files(folder, min_age_seconds=0)
        if not path.exists():  # never expected: counted as unreadable above; recreate to go on
            with use_test_kdf_params():
                PlanFile.create(path, VERSIONS["A"], PASSPHRASE)
    results["seconds"] = round(time.monotonic() - start, 1)
    leftovers = sorted(p.name for p in folder.iterdir())
    results["files_left"] = leftovers
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--max-delay", type=float, default=0.06, help="seconds after start")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--budget", type=float, default=float("inf"), help="stop after seconds")
    parser.add_argument("--folder", type=Path, help="an empty folder (default: a temp folder)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    if os.name != "posix":
        print("kill -9 needs POSIX", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kill-saves-") as tmp:
        folder = args.folder or Path(tmp)
        results = run(
            args.kills, folder, max_delay=args.max_delay, seed=args.seed, budget=args.budget
        )
    if args.json:
        print(json.dumps(results))
    else:
        for key, value in results.items():
            print(f"{key:34} {value}")
    ok = results["unreadable_plans"] == results["mixed_versions"] == 0
    ok = ok and results["unreadable_backups"] == results["mixed_backups"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
