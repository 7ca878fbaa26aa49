"""Open and save times of plans with 0, 20 and 100 MB of attachments, with the DEFAULT KDF.

Prints each time and the share of it that is not the key derivation (goal: under 10% for
open and create), the KDF alone measured in the same run, the plain save (which runs no KDF),
and how fast absurd KDF parameters and wrong passphrases are refused.

    .venv/bin/python benchmarks/vault_attachments.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from preparedness.vault import (
    DEFAULT_KDF,
    KdfParamsRefused,
    Payload,
    PlanFile,
    WrongPassphrase,
    decrypt_payload,
)
from preparedness.vault.kdf import derive_kek, passphrase_bytes

MB = 1_000_000
PASSPHRASE = "benchmark passphrase"


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _payload(total_mb: int) -> Payload:
    attachments = {}
    left = total_mb * MB
    i = 0
    while left > 0:
        size = min(left, 20 * MB)  # under the 25 MiB per-attachment cap
        attachments[f"scan-{i}.jpg"] = os.urandom(size)
        left -= size
        i += 1
    return Payload(b'{"plan": "' + b"x" * 50_000 + b'"}', attachments, {"label": "F-031"})


def _time_plan(path: Path, payload: Payload, repeat: int) -> tuple[float, float, float]:
    """Median times of create (KDF + write), open (KDF + read) and save (no KDF)."""
    holder: dict[str, PlanFile] = {}

    def create() -> None:
        holder["plan"] = PlanFile.create(path, payload, PASSPHRASE, overwrite=True)

    def open_() -> None:
        holder["plan"], _ = PlanFile.open(path, PASSPHRASE)

    def save() -> None:
        holder["plan"].save(payload)

    return _median(create, repeat), _median(open_, repeat), _median(save, repeat)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="0,20,100", help="MB of attachments, comma-separated")
    args = parser.parse_args(argv)
    r = args.repeat

    kdf = DEFAULT_KDF
    salt = os.urandom(16)
    kdf_time = _median(lambda: derive_kek(passphrase_bytes(PASSPHRASE), salt, kdf), r)
    print(
        f"KDF alone (Argon2id {kdf.memory_kib // 1024} MiB, t={kdf.iterations}, "
        f"p={kdf.lanes}): {kdf_time * 1000:.0f} ms"
    )
    print()
    header = (
        f"{'attachments':>11} | {'create':>8} {'non-KDF':>7} | {'open':>8} {'non-KDF':>7} | "
        f"{'save (no KDF)':>13} | {'file size':>10}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory(prefix="vault-bench-") as tmp:
        folder = Path(tmp)
        for size in (int(s) for s in args.sizes.split(",")):
            payload = _payload(size)
            path = folder / f"plan-{size}.fpp"
            t_create, t_open, t_save = _time_plan(path, payload, r)
            share_c = max(0.0, (t_create - kdf_time) / t_create)
            share_o = max(0.0, (t_open - kdf_time) / t_open)
            print(
                f"{size:>8} MB | {t_create * 1000:>5.0f} ms {share_c:>7.1%} | "
                f"{t_open * 1000:>5.0f} ms {share_o:>7.1%} | {t_save * 1000:>10.0f} ms | "
                f"{path.stat().st_size / MB:>7.1f} MB"
            )

            if size == max(int(s) for s in args.sizes.split(",")):
                data = bytearray(path.read_bytes())
                struct.pack_into(">III", data, 26, 2**30, 2**31, 4)
                bad_path = folder / "absurd.fpp"
                bad_path.write_bytes(data)
                image = bytes(data)
                refusals = []
                for _ in range(1000):
                    start = time.perf_counter()
                    try:
                        decrypt_payload(image, PASSPHRASE)
                    except KdfParamsRefused:
                        refusals.append(time.perf_counter() - start)
                start = time.perf_counter()
                try:
                    PlanFile.open(bad_path, PASSPHRASE)
                except KdfParamsRefused:
                    from_disk = time.perf_counter() - start
                wrong_start = time.perf_counter()
                try:
                    PlanFile.open(path, PASSPHRASE + "x")
                except WrongPassphrase:
                    wrong = time.perf_counter() - wrong_start
                refusal_line = (
                    f"absurd KDF params (m=2^30 KiB, t=2^31) in a {size} MB file: refused in "
                    f"{statistics.median(refusals) * 1e3:.3f} ms median, "
                    f"{max(refusals) * 1e3:.3f} ms max (1000 runs, in memory); "
                    f"{from_disk * 1e3:.2f} ms from disk"
                )
                wrong_line = (
                    f"wrong passphrase on the {size} MB plan: {wrong * 1000:.0f} ms "
                    f"(KDF {kdf_time * 1000:.0f} ms + {max(0.0, wrong - kdf_time) * 1000:.0f} ms)"
                )
    print()
    print(refusal_line)
    print(wrong_line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
