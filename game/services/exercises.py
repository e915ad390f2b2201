"""Which rules each built-in scenario exercises, measured from its bots' runs.

``progress`` recommends the scenario that best drills a trainee's weakest rules. What a
scenario drills is measured, not declared: its built-in bots (the good and bad habits
of ``game.engine.policies``, as ``check`` plays them) play it over a few seeds, their
sessions are scored, and a rule's weight is the share of those sessions with a finding
of it (won or lost). Playing the bots takes seconds, far too slow for ``progress``, so
the measure is kept in ``scenarios/exercises.json`` with each scenario's hash; a test
fails when a built-in scenario changes without it. Regenerate with ``make exercises``
(``python -m game.services.exercises > scenarios/exercises.json``).

User scenarios are not in the file and are left out of recommendations (``progress``
says so): measuring one costs the seconds ``check`` takes, and a scenario being written
changes often. Their exams and sessions are counted like any other.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.results.progress import ScenarioInfo

if TYPE_CHECKING:
    from game.scenario.loader import LoadedScenario

FORMAT = 1
SEEDS = (1, 2)
"""The seeds each bot plays: enough for which rules come up, not for balance."""
FILE_NAME = "exercises.json"
REGENERATE = "make exercises (python -m game.services.exercises > scenarios/exercises.json)"


def measure(loaded: LoadedScenario, seeds: tuple[int, ...] = SEEDS) -> dict[str, Any]:
    """Play the habit bots (not the gaming ones) on ``seeds``; weigh the rules found.

    Returns:
        The scenario's entry of the exercises file: its hash, difficulty, titles,
        pass mark, how many sessions were played and each rule's weight (0-1, two
        decimals; rules never found are left out).
    """
    # Imported here: ``progress`` reads the file and must not wait for the engine.
    from game.engine.policies import GAMING_POLICIES, POLICIES
    from game.engine.simulate import play
    from game.journal.logfile import read_log
    from scoring import read_reply
    from scoring.scorer import score

    scenario = loaded.scenario
    language = scenario.meta.languages[0]
    seen: Counter[str] = Counter()
    runs = 0
    with tempfile.TemporaryDirectory(prefix="crisisdrill-exercises-") as folder:
        for name, make_bot in POLICIES.items():
            if name in GAMING_POLICIES:
                continue  # they game the score: what they break says little of the scenario
            for seed in seeds:
                run = play(
                    loaded,
                    make_bot(),
                    seed=seed,
                    language=language,
                    reader=read_reply,
                    log_dir=Path(folder),
                )
                assert run.log is not None
                card = score(scenario, read_log(Path(run.log)).records)
                seen.update({finding.rule for finding in card.findings})
                runs += 1
                Path(run.log).unlink()
    return {
        "scenario_hash": loaded.content_hash,
        "difficulty": scenario.meta.difficulty,
        "title": dict(scenario.meta.title),
        "pass_mark": scenario.meta.pass_mark,
        "runs": runs,
        "rules": {rule: round(n / runs, 2) for rule, n in sorted(seen.items())},
    }


def generate() -> dict[str, Any]:
    """The whole exercises file for the built-in scenarios (takes seconds per scenario)."""
    from game.scenario.catalog import builtin_scenario_dir, scenario_files
    from game.scenario.loader import load_scenario

    scenarios = {}
    for path in scenario_files(builtin_scenario_dir()):
        loaded = load_scenario(path)
        scenarios[loaded.scenario.meta.id] = measure(loaded)
    return {
        "format": FORMAT,
        "about": f"Rules each built-in scenario's bots exercise. Regenerate: {REGENERATE}",
        "seeds": list(SEEDS),
        "scenarios": scenarios,
    }


def read_exercises() -> dict[str, Any]:
    """The committed exercises file (empty scenarios if missing or unreadable)."""
    try:
        text = resources.files("scenarios").joinpath(FILE_NAME).read_text(encoding="utf-8")
        document = json.loads(text)
    except (OSError, ValueError):
        return {"format": FORMAT, "scenarios": {}}
    if not isinstance(document, dict) or not isinstance(document.get("scenarios"), dict):
        return {"format": FORMAT, "scenarios": {}}
    return document


def scenario_infos() -> list[ScenarioInfo]:
    """The built-in scenarios as recommendations need them, from the exercises file."""
    infos = []
    for scenario_id, entry in sorted(read_exercises()["scenarios"].items()):
        try:
            infos.append(
                ScenarioInfo(
                    id=scenario_id,
                    difficulty=str(entry["difficulty"]),
                    title=dict(entry["title"]),
                    pass_mark=int(entry["pass_mark"]),
                    rules={str(k): float(v) for k, v in entry["rules"].items()},
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # a damaged entry: that scenario is not recommended
    return infos


def main() -> None:
    """Print the exercises file of the built-in scenarios."""
    sys.stdout.write(json.dumps(generate(), ensure_ascii=False, indent=2, sort_keys=True))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
