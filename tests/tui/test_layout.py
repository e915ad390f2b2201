"""The TUI's code stays in small modules and on Textual's public API."""

from __future__ import annotations

from pathlib import Path

import game.tui

TUI = Path(game.tui.__file__).parent
LONGEST = 400
TABLES = {"i18n.py"}  # the string table is a table, not logic


def test_no_module_of_the_tui_is_long() -> None:
    long = {
        str(path.relative_to(TUI)): lines
        for path in TUI.rglob("*.py")
        if path.name not in TABLES
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST
    }
    assert not long


def test_no_module_of_the_tui_writes_textuals_private_bindings() -> None:
    for path in TUI.rglob("*.py"):
        assert "._bindings" not in path.read_text(encoding="utf-8"), path
