"""The built-in library: every scenario validates, in Spanish and English, with editor support."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.scenario import load_scenario
from game.scenario.catalog import builtin_scenario_dir
from game.scenario.diagram import mermaid_diagram
from tests.shared_files import shared_path

BUILTIN = sorted(builtin_scenario_dir().glob("*.yaml"))


def test_library_is_not_empty() -> None:
    assert BUILTIN


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.stem)
def test_builtin_scenario(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema.json\n")
    scenario = load_scenario(path).scenario
    assert scenario.meta.id == path.stem
    assert set(scenario.meta.languages) == {"es", "en"}
    for language in ("es", "en"):
        assert "stateDiagram-v2" in mermaid_diagram(scenario, language)


def test_flagship_has_what_the_foundation_promised() -> None:
    scenario = load_scenario(builtin_scenario_dir() / "rebajas.yaml").scenario
    assert len(scenario.channels) >= 4
    assert {c.visibility for c in scenario.channels} == {"public", "private"}
    assert len(scenario.personas) >= 6
    archetypes = {p.archetype for p in scenario.personas}
    assert {"troll", "fan", "influencer", "foreign_customer", "employee"} <= archetypes
    assert any(p.writes_in not in (None, "es", "en") for p in scenario.personas)
    assert len(scenario.phases) >= 5
    finals = {p.id: p.final for p in scenario.phases if p.final}
    assert finals.get("meltdown") == "bad"
    assert finals.get("resolved") == "good"
    assert len(scenario.injects) >= 12
    assert any(f.brand_at_fault and f.truth is True for f in scenario.facts)
    assert any(f.revealed_at_minute is not None for f in scenario.facts)


def test_readme_example_validates(tmp_path: Path) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = [part.split("```", 1)[0] for part in readme.split("```yaml\n")[1:]]
    block = next(b for b in blocks if "format: 1" in b)
    target = tmp_path / "example.yaml"
    target.write_text(block, encoding="utf-8")
    assert load_scenario(target).scenario.meta.id == "cafe-frio"


def _word_runs(text: str, size: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.stem)
def test_no_sentence_is_copied_from_the_source_articles(path: Path) -> None:
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    assert seeds, "no source articles (*.txt) in the shared seeds folder"
    ours = _word_runs(path.read_text(encoding="utf-8"), 7)
    for seed in seeds:
        copied = ours & _word_runs(seed.read_text(encoding="utf-8"), 7)
        assert not copied, f"{path.name} repeats {seed.name}: {' '.join(sorted(copied)[0])}"


def test_the_library_has_seven_bilingual_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.helpers import run_cli

    result = run_cli(capsys, "list", "--json")
    builtin = [entry for entry in json.loads(result.out) if entry["source"] == "builtin"]
    assert len(builtin) >= 7
    for entry in builtin:
        assert {"es", "en"} <= set(entry["languages"]), entry["id"]
        assert entry["title"]["es"] and entry["title"]["en"]
    difficulties = {entry["difficulty"] for entry in builtin}
    assert difficulties == {"introductory", "intermediate", "hard"}
