"""The suite's own guard: a quality gate that cannot find ../shared skips locally and fails in CI."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path


def test_missing_shared_data_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        shared_path("no", "such", "file")


def test_missing_shared_data_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        shared_path("no", "such", "file")
