"""Helpers for running the command line and loading scenario text in tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from game.cli import main
from game.scenario import ScenarioError, load_scenario


@dataclass
class Run:
    """What one command-line run printed and returned."""

    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    """Run ``crisisdrill ARGS`` in-process and capture its output."""
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def problems_of(tmp_path: Path, text: str, name: str = "s.yaml") -> list[str]:
    """Load scenario text from a file in ``tmp_path``; the rendered problems (none if valid)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    try:
        load_scenario(path, name)
    except ScenarioError as error:
        return error.render().splitlines()
    return []
