"""The pure core never imports the user interface."""

from __future__ import annotations

import subprocess
import sys

PURE_PACKAGES = ["game.scenario", "game.scenario.catalog", "game.scenario.diagram", "game.paths"]


def test_pure_packages_load_no_ui() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {PURE_PACKAGES!r}:\n"
        "    importlib.import_module(name)\n"
        "for pure in ('game.engine', 'scoring'):\n"
        "    if importlib.util.find_spec(pure.split('.')[0]) and importlib.util.find_spec(pure):\n"
        "        importlib.import_module(pure)\n"
        "print(' '.join(m for m in ('textual', 'rich') if m in sys.modules))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == ""
