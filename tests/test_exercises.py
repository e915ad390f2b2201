"""``scenarios/exercises.json`` (the rules each built-in scenario's bots exercise) is fresh."""

from __future__ import annotations

import hashlib

from game.scenario.catalog import builtin_scenario_dir, scenario_files
from game.services.exercises import REGENERATE, read_exercises, scenario_infos
from game.vocabulary import RULES


def test_every_built_in_scenario_is_measured_with_its_current_hash() -> None:
    measured = read_exercises()["scenarios"]
    stale = []
    for path in scenario_files(builtin_scenario_dir()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        scenario_id = next(
            (key for key, entry in measured.items() if entry["scenario_hash"] == digest), None
        )
        if scenario_id is None:
            stale.append(path.name)
    assert not stale, (
        f"scenarios/exercises.json is out of date for {', '.join(stale)}: "
        f"regenerate it with `{REGENERATE}` and commit it"
    )
    assert len(measured) == len(scenario_files(builtin_scenario_dir())), REGENERATE


def test_the_file_reads_as_scenarios_with_known_rules() -> None:
    infos = scenario_infos()
    assert infos
    for info in infos:
        assert info.difficulty in ("introductory", "intermediate", "hard")
        assert set(info.rules) <= set(RULES)
        assert all(0 < weight <= 1 for weight in info.rules.values())
        assert {"es", "en"} & set(info.title)
