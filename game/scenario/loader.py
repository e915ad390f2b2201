"""Load a scenario file: safe YAML, typed validation, whole-scenario checks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from game.scenario.checks import check_scenario
from game.scenario.messages import problems_from_errors
from game.scenario.model import Scenario
from game.scenario.problems import Problem, ScenarioError
from game.scenario.yamlsource import YamlDocument, parse_yaml_text, read_yaml_file


@dataclass(frozen=True)
class LoadedScenario:
    """A valid scenario and where it came from.

    Attributes:
        scenario: the validated model.
        path: the file it was read from.
        content_hash: SHA-256 of the file's bytes, for session logs.
        source_text: the file's text, which session logs embed so that they can be
            replayed and scored after the file changes or disappears.
    """

    scenario: Scenario
    path: Path
    content_hash: str
    source_text: str


def load_scenario(path: str | Path, display: str | None = None) -> LoadedScenario:
    """Read, validate and check a scenario file.

    Args:
        path: the YAML file.
        display: how to name the file in messages (default: ``path`` as given).

    Returns:
        The loaded scenario.

    Raises:
        ScenarioError: with every problem found, each located by line and column.
            Structural problems are reported first; references, languages and phases
            are checked once the structure is valid.
    """
    file = Path(path)
    name = display if display is not None else str(path)
    return _validate(read_yaml_file(file, name), file, name)


def load_scenario_text(text: str, path: str | Path, display: str | None = None) -> LoadedScenario:
    """Validate scenario text that does not come from a file (e.g. a session log's copy).

    Args:
        text: the YAML text.
        path: the path the text originally came from (kept for reference).
        display: how to name the text in messages (default: ``path``).

    Raises:
        ScenarioError: as :func:`load_scenario`.
    """
    name = display if display is not None else str(path)
    return _validate(parse_yaml_text(text, name), Path(path), name)


def _validate(document: YamlDocument, file: Path, name: str) -> LoadedScenario:
    data = document.data
    if not isinstance(data, dict):
        raise ScenarioError(
            name,
            [
                Problem(
                    1,
                    1,
                    "expected a mapping of sections at the top of the file "
                    "(format, meta, channels, ...)",
                )
            ],
        )
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        problems = problems_from_errors(exc.errors(), data, document.source_map, document.suspect)
        raise ScenarioError(name, [*document.problems, *problems]) from None
    if document.problems:
        raise ScenarioError(name, document.problems)
    issues = check_scenario(scenario)
    if issues:
        problems = []
        for issue in issues:
            line, column = document.source_map.locate(issue.path, key=issue.at_key)
            problems.append(Problem(line, column, issue.message))
        raise ScenarioError(name, problems)
    text = document.raw.decode("utf-8-sig")
    return LoadedScenario(scenario, file, hashlib.sha256(document.raw).hexdigest(), text)
