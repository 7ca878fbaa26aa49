"""attach / detach: scanned copies go inside the encrypted plan, without their metadata."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from preparedness import cli, vault
from preparedness.model import plan_from_json, plan_to_json
from preparedness.model.demo import demo_plan

SERIAL = "CANARY-SERIAL-4471"


@pytest.fixture(autouse=True)
def _cheap_kdf() -> Iterator[None]:
    with vault.use_test_kdf_params():
        yield


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    passfile = tmp_path / "pass.txt"
    passfile.write_text("pass phrase here\n", encoding="utf-8")
    source = tmp_path / "plan.json"
    source.write_text(plan_to_json(demo_plan()), encoding="utf-8")
    plan = tmp_path / "plan.fpp"
    assert (
        cli.main(["import", str(source), "--out", str(plan), "--passphrase-file", str(passfile)])
        == 0
    )
    return plan, passfile


def _photo_with_gps(path: Path) -> None:
    image = Image.effect_noise((640, 480), 60).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "CanaryCam"  # Make
    exif[0xA431] = SERIAL  # BodySerialNumber
    gps = {1: "N", 2: (44.0, 58.0, 1.0), 3: "W", 4: (93.0, 15.0, 2.0)}
    exif[0x8825] = gps
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    path.write_bytes(buffer.getvalue())
    assert SERIAL.encode() in path.read_bytes()


def _open(plan: Path) -> tuple[object, vault.Payload]:
    return vault.PlanFile.open(plan, "pass phrase here")


def test_attach_then_detach(setup: tuple[Path, Path], tmp_path: Path) -> None:
    plan, passfile = setup
    scan = tmp_path / "scan.jpg"
    _photo_with_gps(scan)
    args = ["--passphrase-file", str(passfile)]
    assert (
        cli.main(["attach", str(plan), "--document", "doc-0001", "--file", str(scan), *args]) == 0
    )
    assert (
        cli.main(["attach", str(plan), "--document", "doc-0001", "--file", str(scan), *args]) == 0
    )
    _, payload = _open(plan)
    model = plan_from_json(payload.plan_json)
    attachments = model.documents[0].attachments
    assert len(attachments) == 2 and set(payload.attachments) == {a.blob for a in attachments}
    stored = payload.attachments[attachments[0].blob]
    assert SERIAL.encode() not in stored
    image = Image.open(io.BytesIO(stored))
    assert not image.getexif() and "exif" not in image.info
    assert SERIAL.encode() not in plan.read_bytes()  # and the file itself is encrypted

    assert cli.main(["detach", str(plan), "--document", "doc-0001", "--page", "1", *args]) == 0
    _, payload = _open(plan)
    assert len(plan_from_json(payload.plan_json).documents[0].attachments) == 1
    assert len(payload.attachments) == 1
    assert cli.main(["detach", str(plan), "--document", "doc-0001", *args]) == 0
    _, payload = _open(plan)
    assert payload.attachments == {}


def test_attach_refuses_bad_input_without_changing_the_plan(
    setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, passfile = setup
    before = plan.read_bytes()
    text = tmp_path / "notes.jpg"
    text.write_text("just some text, not a picture", encoding="utf-8")
    args = ["--passphrase-file", str(passfile)]
    assert (
        cli.main(["attach", str(plan), "--document", "doc-0001", "--file", str(text), *args]) == 1
    )
    assert capsys.readouterr().err.count("\n") == 1
    scan = tmp_path / "scan.jpg"
    _photo_with_gps(scan)
    assert (
        cli.main(["attach", str(plan), "--document", "doc-nope", "--file", str(scan), *args]) == 2
    )
    assert cli.main(["detach", str(plan), "--document", "doc-0001", "--page", "3", *args]) == 2
    assert plan.read_bytes() == before
