"""Files of the project's shared folder, which stands beside the checkout (``../shared``).

PRINCIPLES.md and the seed articles live there, not in the repository. CI has the
folder, so a test that reads it must run there: with ``CRISISDRILL_CI`` set (``.ci/run``
sets it) a missing file fails the test. Elsewhere, e.g. a clean clone on a laptop, the
test is skipped and says why.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CI_ENV = "CRISISDRILL_CI"
SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"


def in_ci() -> bool:
    """Whether the suite runs in CI, where nothing that CI provides may be skipped."""
    return os.environ.get(CI_ENV, "") not in ("", "0")


def shared_path(*parts: str, base: Path = SHARED_DIR) -> Path:
    """A file or folder of the shared folder, or the end of the test that needs it.

    Args:
        *parts: the path inside the shared folder, e.g. ``"PRINCIPLES.md"``.
        base: the shared folder (tests of this helper point it elsewhere).

    Returns:
        The path, which exists.
    """
    path = base.joinpath(*parts)
    if path.exists():
        return path
    reason = f"{path} is missing: the shared folder is not beside the checkout"
    if in_ci():
        pytest.fail(f"{reason}; {CI_ENV} is set, and CI must run this test", pytrace=False)
    pytest.skip(f"{reason} (outside CI; with {CI_ENV}=1 this fails)")
