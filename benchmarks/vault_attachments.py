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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from preparedness.vault import (
    DEFAULT_KDF,
    KdfParamsRefused,
    Payload,
    PlanFile,
    WrongPassphrase,
    decrypt_payload,
    fileformat,
)
from preparedness.vault.kdf import derive_kek, passphrase_bytes

MB = 1_000_000
PASSPHRASE = "benchmark passphrase"


_kdf_seconds: list[float] = []


def _timed_derive_kek(*args: Any) -> bytes:
    """derive_kek, recording its own duration: the KDF part of a call, measured inside it."""
    start = time.perf_counter()
    try:
        return derive_kek(*args)
    finally:
        _kdf_seconds.append(time.perf_counter() - start)


fileformat.derive_kek = _timed_derive_kek  # type: ignore[assignment]  # benchmark probe only


def _measure(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time of ``fn`` and median share of it spent outside the KDF."""
    times, shares = [], []
    for _ in range(repeat):
        _kdf_seconds.clear()
        start = time.perf_counter()
        fn()
        total = time.perf_counter() - start
        times.append(total)
        shares.append(max(0.0, total - sum(_kdf_seconds)) / total)
    return statistics.median(times), statistics.median(shares)


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


def _time_plan(path: Path, payload: Payload, repeat: int) -> list[tuple[float, float]]:
    """(median time, non-KDF share) of create (KDF + write), open (KDF + read), save (no KDF)."""
    holder: dict[str, PlanFile] = {}

    def create() -> None:
        holder["plan"] = PlanFile.create(path, payload, PASSPHRASE, overwrite=True)

    def open_() -> None:
        holder["plan"], _ = PlanFile.open(path, PASSPHRASE)

    def save() -> None:
        holder["plan"].save(payload)

    return [_measure(create, repeat), _measure(open_, repeat), _measure(save, repeat)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="0,20,100", help="MB of attachments, comma-separated")
    args = parser.parse_args(argv)
    r = args.repeat

    kdf = DEFAULT_KDF
    salt = os.urandom(16)
    kdf_time, _ = _measure(lambda: derive_kek(passphrase_bytes(PASSPHRASE), salt, kdf), r)
    print(
        f"KDF alone (Argon2id {kdf.memory_kib // 1024} MiB, t={kdf.iterations}, "
        f"p={kdf.lanes}): {kdf_time * 1000:.0f} ms (median of {r})"
    )
    print("non-KDF share = (wall time - time inside the KDF during that call) / wall time")
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
            (t_create, share_c), (t_open, share_o), (t_save, _) = _time_plan(path, payload, r)
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
                _kdf_seconds.clear()
                wrong_start = time.perf_counter()
                try:
                    PlanFile.open(path, PASSPHRASE + "x")
                except WrongPassphrase:
                    wrong = time.perf_counter() - wrong_start
                wrong_kdf = sum(_kdf_seconds)
                refusal_line = (
                    f"absurd KDF params (m=2^30 KiB, t=2^31) in a {size} MB file: refused in "
                    f"{statistics.median(refusals) * 1e3:.3f} ms median, "
                    f"{max(refusals) * 1e3:.3f} ms max (1000 runs, in memory); "
                    f"{from_disk * 1e3:.2f} ms from disk"
                )
                wrong_line = (
                    f"wrong passphrase on the {size} MB plan: {wrong * 1000:.0f} ms "
                    f"(KDF {wrong_kdf * 1000:.0f} ms + {(wrong - wrong_kdf) * 1000:.0f} ms)"
                )
    print()
    print(refusal_line)
    print(wrong_line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
