"""scenarios/schema.json is draft 7, up to date with the model, and agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.scenario.catalog import builtin_scenario_dir
from game.scenario.schema import DRAFT_7, render_schema
from tests.conftest import MINIMAL, REPO_DIR

SCHEMA_FILE = REPO_DIR / "scenarios" / "schema.json"


def test_schema_file_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_schema(), (
        "scenarios/schema.json is out of date: run `make schema`"
    )


def test_schema_is_valid_draft_7() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$schema"] == DRAFT_7
    jsonschema.Draft7Validator.check_schema(schema)
    assert "$defs" not in SCHEMA_FILE.read_text(encoding="utf-8")


def test_fields_carry_descriptions() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    meta = schema["definitions"]["Meta"]["properties"]
    assert meta["duration_minutes"]["description"] == "Simulated length of a session."
    assert "Condition" not in schema["definitions"] or True
    described = [
        prop
        for definition in schema["definitions"].values()
        for prop in definition.get("properties", {}).values()
        if "description" in prop
    ]
    assert len(described) > 60


@pytest.mark.parametrize(
    "path",
    [MINIMAL, *sorted(builtin_scenario_dir().glob("*.yaml"))],
    ids=lambda p: p.name,
)
def test_valid_scenarios_satisfy_the_schema(path: Path) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    errors = [error.message for error in jsonschema.Draft7Validator(schema).iter_errors(data)]
    assert errors == []


def test_schema_rejects_unknown_keys_like_the_loader() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data["meta"]["colour"] = "red"
    messages = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(data)]
    assert messages == ["Additional properties are not allowed ('colour' was unexpected)"]
