"""Tests that need ../shared fail in CI when it is missing, and skip elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared_files import CI_ENV, shared_path


def test_an_existing_file_is_given(tmp_path: Path) -> None:
    (tmp_path / "PRINCIPLES.md").write_text("rules", encoding="utf-8")
    assert shared_path("PRINCIPLES.md", base=tmp_path) == tmp_path / "PRINCIPLES.md"


def test_a_missing_file_fails_in_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CI_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match="CI must run this test"):
        shared_path("PRINCIPLES.md", base=tmp_path / "missing")


@pytest.mark.parametrize("value", [None, "", "0"])
def test_a_missing_file_skips_outside_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv(CI_ENV, raising=False)
    else:
        monkeypatch.setenv(CI_ENV, value)
    with pytest.raises(pytest.skip.Exception, match="shared folder is not beside the checkout"):
        shared_path("seeds", base=tmp_path / "missing")
