"""Vault test set-up: cheap key derivation through the explicit test hook, and small plans."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from preparedness.vault import Payload, use_test_kdf_params


@pytest.fixture(autouse=True)
def _cheap_kdf() -> Iterator[None]:
    with use_test_kdf_params():
        yield


@pytest.fixture
def small_payload() -> Payload:
    return Payload(
        plan_json=b'{"schema": 1, "family": "test"}',
        attachments={"birth-certificate.png": bytes(range(256)) * 2},
        clear_metadata={"label": "F-031"},
    )
