"""The pure core and the services never import the user interface."""

from __future__ import annotations

import subprocess
import sys

PURE_PACKAGES = ["game.scenario", "game.engine", "game.services", "scoring"]
PURE_MODULES = ["game.paths"]


def test_pure_packages_load_no_ui() -> None:
    """Every module of the pure packages, not only their ``__init__``, loads no textual."""
    code = (
        "import importlib, pkgutil, sys\n"
        f"names = {PURE_MODULES!r}\n"
        f"for package in {PURE_PACKAGES!r}:\n"
        "    module = importlib.import_module(package)\n"
        "    walk = pkgutil.walk_packages(module.__path__, package + '.')\n"
        "    names += [info.name for info in walk]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(len(names))\n"
        "print(' '.join(m for m in ('textual', 'rich') if m in sys.modules))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    count, loaded = [*completed.stdout.splitlines(), ""][:2]
    assert int(count) > 20  # the walk found the modules
    assert loaded.strip() == ""
