"""The command line: list, new, diagram, play, usage errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.scenario import load_scenario
from tests.conftest import BROKEN_DIR, MINIMAL
from tests.helpers import run_cli


def _user_scenarios(data_dir: Path) -> Path:
    folder = data_dir / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_list_json_has_the_contract_fields(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "list", "--json")
    assert result.code == 0
    entries = json.loads(result.out)
    assert isinstance(entries, list)
    assert entries, "the built-in library is empty"
    for entry in entries:
        assert {"id", "title", "languages", "difficulty", "path"} <= set(entry)
        assert set(entry["title"]) == set(entry["languages"])
        assert entry["source"] == "builtin"
        assert Path(entry["path"]).is_file()


def test_list_includes_user_scenarios_and_warns_about_broken_ones(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    folder = _user_scenarios(isolated_data_dir)
    shutil.copy(MINIMAL, folder / "minimal.yaml")
    shutil.copy(BROKEN_DIR / "undefined-channel.yaml", folder / "broken.yaml")
    result = run_cli(capsys, "list", "--json")
    assert result.code == 0
    users = [e for e in json.loads(result.out) if e["source"] == "user"]
    assert [e["id"] for e in users] == ["minimal"]
    assert result.err == (
        f"warning: {folder / 'broken.yaml'} is not listed: 1 problem "
        f"(crisisdrill validate {folder / 'broken.yaml'})\n"
    )
    table = run_cli(capsys, "list")
    assert table.out.splitlines()[0].split() == [
        "ID",
        "DIFFICULTY",
        "LENGTH",
        "LANGS",
        "SOURCE",
        "TITLE",
    ]
    assert any(line.startswith("minimal ") and " user " in line for line in table.out.splitlines())


def test_new_writes_a_scaffold_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(capsys, "new", "Crisis del café {2}")
    assert result.code == 0
    target = tmp_path / "Crisis del café {2}.yaml"
    assert target.is_file()
    assert (tmp_path / "schema.json").is_file()
    assert target.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=schema.json\n"
    )
    loaded = load_scenario(target)
    assert loaded.scenario.meta.id == "crisis-del-cafe-2"
    assert loaded.scenario.meta.title["es"] == "Crisis del café {{2}}"
    assert run_cli(capsys, "validate", str(target)).code == 0


def test_new_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("mine.yaml").write_text("keep me", encoding="utf-8")
    result = run_cli(capsys, "new", "mine")
    assert result.code == 1
    assert (
        result.err
        == "crisisdrill: mine.yaml already exists; choose another name or remove it first\n"
    )
    assert Path("mine.yaml").read_text(encoding="utf-8") == "keep me"


def test_new_into_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "new", str(tmp_path / "no" / "such.yaml"))
    assert result.code == 1
    assert result.err == f"crisisdrill: {tmp_path / 'no'} is not an existing folder\n"


def test_diagram_is_mermaid(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "diagram", str(MINIMAL), "--lang", "es")
    assert result.code == 0
    lines = [line.strip() for line in result.out.splitlines()]
    assert "stateDiagram-v2" in lines
    assert 'state "Calma" as calm' in lines
    assert "calm --> resolved: minute >= 10" in lines
    assert "[*] --> calm" in lines
    assert "resolved --> [*]" in lines
    # Mermaid's keywords are lower case ('class', not 'Class').
    assert "class calm s_default" in lines
    assert not any(line.startswith("Class ") for line in lines)


def test_diagram_of_a_builtin_id(capsys: pytest.CaptureFixture[str]) -> None:
    builtin = json.loads(run_cli(capsys, "list", "--json").out)[0]
    result = run_cli(capsys, "diagram", builtin["id"])
    assert result.code == 0
    assert "stateDiagram-v2" in result.out


def test_unknown_scenario_id(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "diagram", "no-such-id")
    assert result.code == 1
    assert result.err.startswith("no-such-id: no such scenario file or id; known ids: ")


def test_play_without_scenario_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys)
    assert result.code == 0
    assert result.out.startswith("Scenarios (play one with: crisisdrill play ID):")


def test_play_shows_a_briefing_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "play", str(MINIMAL), "--lang", "es")
    assert result.code == 0
    assert result.out.startswith("Mínimo  (inicial, 20 min)\n")
    assert "Normas de la comunidad:\n  - Sin insultos." in result.out
    assert "Lo que es cierto:\n  - El café llegó frío." in result.out
    english = run_cli(capsys, "play", str(MINIMAL), "--lang", "en")
    assert "Community rules:\n  - No insults." in english.out
    assert "What is true:\n  - The coffee arrived cold." in english.out


def test_briefing_hides_facts_revealed_later(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "play", "rebajas", "--lang", "en")
    assert result.code == 0
    assert "Zurcida" in result.out and "{brand}" not in result.out
    assert "What is false:\n" in result.out
    assert "pre-production" not in result.out


@pytest.mark.parametrize(
    "args",
    [
        ["bogus"],
        ["validate"],
        ["play", "--speed", "fast"],
        ["play", "--speed", "0"],
        ["play", "--lang", "fr"],
        ["play", "--seed", "x"],
        ["list", "--yaml"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    result = run_cli(capsys, *args)
    assert result.code == 2
    assert "usage: crisisdrill" in result.err
    assert "Traceback" not in result.err


def test_validate_mixes_good_and_bad(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "validate", str(MINIMAL), str(BROKEN_DIR / "undefined-fact.yaml"))
    assert result.code == 1
    assert result.out == f"{MINIMAL}: valid (minimal: 2 phases, 1 inject, 1 persona)\n"
    assert "unknown fact 'cold-cofee'" in result.err


def test_validate_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(MINIMAL, tmp_path / "a.yaml")
    result = run_cli(capsys, "validate", str(tmp_path))
    assert result.code == 0
    assert result.out.startswith(f"{tmp_path / 'a.yaml'}: valid")


def test_python_dash_m_game_version() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "game", "--version"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0
    assert completed.stdout.startswith("crisisdrill ")


def test_overlong_names_are_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    name = "x" * 300
    for args in (["validate", name], ["diagram", name], ["new", name]):
        result = run_cli(capsys, *args)
        assert result.code in (1, 2), (args, result.err)
        assert "internal error" not in result.err


def test_a_folder_named_like_an_id_does_not_hide_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("rebajas").mkdir()
    assert run_cli(capsys, "diagram", "rebajas").code == 0


@pytest.mark.parametrize("name", ["bad\nname", "bell\x07", "sep\u2028x", "sub/", ""])
def test_new_refuses_odd_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli(capsys, "new", name).code == 2
    assert list(tmp_path.iterdir()) == []


def test_new_does_not_write_through_a_dangling_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("dang.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert run_cli(capsys, "new", "dang").code == 1
    assert not (tmp_path / "elsewhere.yaml").exists()


def test_new_titles_by_file_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run_cli(capsys, "new", str(tmp_path / "Café Roto")).code == 0
    loaded = load_scenario(tmp_path / "Café Roto.yaml")
    assert loaded.scenario.meta.title["es"] == "Café Roto"
    assert loaded.scenario.meta.id == "cafe-roto"


def test_validate_a_pipe_does_not_hang(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.yaml")
    result = run_cli(capsys, "validate", str(tmp_path / "pipe.yaml"))
    assert result.code == 1
    assert result.err.strip() == f"{tmp_path / 'pipe.yaml'}: is not a regular file"


def test_user_copy_of_a_builtin_id_is_warned_about(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    folder = _user_scenarios(isolated_data_dir)
    shutil.copy(Path(__file__).parent.parent / "scenarios" / "rebajas.yaml", folder / "MINE.YAML")
    result = run_cli(capsys, "list", "--json")
    assert [e["id"] for e in json.loads(result.out)].count("rebajas") == 1
    assert "has the id 'rebajas' of" in result.err
