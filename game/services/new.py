"""``new``: write a commented scenario scaffold that validates, and its JSON Schema."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from game.scenario.scaffold import scaffold_text, scenario_id_from_name
from game.scenario.schema import render_schema
from game.services.errors import InputError
from game.services.files import write_atomically


@dataclass(frozen=True)
class NewScenario:
    """What ``new_scenario`` wrote.

    Attributes:
        path: the scaffold.
        scenario_id: the id it was given.
        schema: the ``schema.json`` written beside it; None when one was there already.
    """

    path: Path
    scenario_id: str
    schema: Path | None


def new_scenario(name: str) -> NewScenario:
    """Write ``NAME.yaml`` (or ``NAME`` if it ends in ``.yaml``), never over a file.

    The scenario is titled after the file's own name, without folders. A
    ``schema.json`` is written beside it, unless there is one, so that editors
    complete and check the YAML.

    Args:
        name: the scenario's name or file name (the caller refuses an empty name, a
            folder and control characters).

    Returns:
        What was written.

    Raises:
        InputError: the file exists, its folder does not, or it cannot be written.
    """
    has_suffix = name.lower().endswith((".yaml", ".yml"))
    target = Path(name if has_suffix else f"{name}.yaml")
    # The title is the file's own name, without folders: "../x" is titled "x".
    title = target.stem if has_suffix else Path(name).name
    try:
        exists = os.path.lexists(target)  # a dangling link counts: it would be written through
        folder_exists = target.parent.is_dir()
    except OSError as error:
        raise InputError(f"cannot use {name!r}: {error.strerror or error}") from None
    if exists:
        raise InputError(f"{target} already exists; choose another name or remove it first")
    if not folder_exists:
        raise InputError(f"{target.parent} is not an existing folder")
    text = scaffold_text(title, target.name)  # composed first: a failure writes nothing
    try:
        write_atomically(target, text, make_folders=False)
        schema = target.parent / "schema.json"
        wrote_schema = not schema.exists()
        if wrote_schema:
            write_atomically(schema, render_schema(), make_folders=False)
    except (OSError, UnicodeError) as error:
        raise InputError(
            f"cannot write {target}: {getattr(error, 'strerror', None) or error}"
        ) from None
    return NewScenario(target, scenario_id_from_name(title), schema if wrote_schema else None)
