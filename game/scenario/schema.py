"""JSON Schema (draft 7) of the scenario format, for editors' YAML language server.

Run ``python -m game.scenario.schema > scenarios/schema.json`` (``make schema``) after
changing the model; a test fails while the file is out of date.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from game.scenario.model import Scenario

DRAFT_7 = "http://json-schema.org/draft-07/schema#"


def _rename_defs(node: Any) -> Any:
    """Draft 7 keeps shared definitions under ``definitions``, not ``$defs``."""
    if isinstance(node, dict):
        renamed = {}
        for key, value in node.items():
            new_key = "definitions" if key == "$defs" else key
            if key == "$ref" and isinstance(value, str):
                value = value.replace("#/$defs/", "#/definitions/")
            renamed[new_key] = _rename_defs(value)
        return renamed
    if isinstance(node, list):
        return [_rename_defs(item) for item in node]
    return node


class _Draft7(GenerateJsonSchema):
    """Pydantic's generator, with the draft 7 header and layout."""

    def generate(self, schema: Any, mode: Any = "validation") -> Any:
        result = _rename_defs(super().generate(schema, mode=mode))
        return {"$schema": DRAFT_7, **result}


def scenario_json_schema() -> dict[str, Any]:
    """The scenario format as a JSON Schema draft 7 document."""
    schema: dict[str, Any] = Scenario.model_json_schema(schema_generator=_Draft7)
    return schema


def render_schema() -> str:
    """The schema as the text stored in ``scenarios/schema.json``."""
    return json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(render_schema(), end="")
