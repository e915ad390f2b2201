"""Safe placeholder substitution."""

from __future__ import annotations

import pytest

from game.scenario.placeholders import fill, placeholders_in


def test_fill_replaces_names_and_unescapes_braces() -> None:
    assert fill("Hola {first_name}, {{ok}}", {"first_name": "Ana"}) == "Hola Ana, {ok}"


def test_values_are_not_reinterpreted() -> None:
    assert fill("{name}", {"name": "{brand} [b]x[/b]"}) == "{brand} [b]x[/b]"


def test_no_attribute_or_index_access() -> None:
    assert [use.name for use in placeholders_in("{name.__class__} {name[0]} {0}")] == [
        None,
        None,
        None,
    ]
    assert fill("{name.__class__}", {"name": "x"}) == "{name.__class__}"


def test_missing_value_is_an_error() -> None:
    with pytest.raises(KeyError):
        fill("{city}", {})


def test_lone_braces_are_reported() -> None:
    uses = list(placeholders_in("a } b { c"))
    assert [(u.name, u.offset, u.source) for u in uses] == [(None, 2, "}"), (None, 6, "{")]
