"""The safe YAML reader: data, positions, refusals, and robustness on any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.problems import ScenarioError
from game.scenario.yamlsource import parse_yaml_text


def test_builds_data_and_positions() -> None:
    document = parse_yaml_text("a: 1\nb:\n  - x\n  - {c: 'no'}\n", "f.yaml")
    assert document.data == {"a": 1, "b": ["x", {"c": "no"}]}
    assert document.source_map.values[("b", 1, "c")] == (4, 9)
    assert document.source_map.keys[("b", 1, "c")] == (4, 6)
    assert document.source_map.locate(("b", 1, "missing")) == (4, 5)
    assert document.source_map.locate(("b", 1, "c"), key=True) == (4, 6)
    assert document.problems == []


def test_yaml_1_1_plain_scalars_keep_their_source() -> None:
    document = parse_yaml_text("a: no\nb: 'no'\nc: 2024-01-31\n", "f.yaml")
    assert document.data["a"] is False
    assert document.data["b"] == "no"
    assert document.source_map.plain == {("a",): "no", ("c",): "2024-01-31"}


def test_keys_are_always_text() -> None:
    document = parse_yaml_text("on: 1\n12: 2\nno: 3\n", "f.yaml")
    assert document.data == {"on": 1, "12": 2, "no": 3}


@pytest.mark.parametrize(
    ("text", "message", "value_unusable"),
    [
        ("a: 012\n", "'012' is ambiguous: YAML 1.1 reads it as the number 10", True),
        ("a: 12:30\n", "'12:30' is ambiguous: YAML 1.1 reads it as the number 750", True),
        ("a: !!str x\n", "tag '!!str' is not allowed", True),
        ("a: !custom x\n", "tag '!custom' is not allowed", True),
        ("a: &x 1\n", "anchor '&x' is not allowed", False),
    ],
)
def test_refused_constructs_are_problems(text: str, message: str, value_unusable: bool) -> None:
    document = parse_yaml_text(text, "f.yaml")
    assert [p.message.startswith(message) for p in document.problems] == [True]
    assert (("a",) in document.suspect) is value_unusable


def test_ordinary_numbers_are_fine() -> None:
    document = parse_yaml_text("a: 0\nb: 10\nc: -0.5\nd: 0.25\n", "f.yaml")
    assert document.problems == []
    assert document.data == {"a": 0, "b": 10, "c": -0.5, "d": 0.25}


def test_complex_key_is_refused_and_skipped() -> None:
    document = parse_yaml_text("? [a, {b: c}]\n: 1\nd: 2\n", "f.yaml")
    assert document.data == {"d": 2}
    assert document.problems[0].message.startswith("a mapping key must be a plain name")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_data_or_a_scenario_error(text: str) -> None:
    try:
        document = parse_yaml_text(text, "f.yaml")
    except ScenarioError as error:
        assert error.problems
        assert all(p.line >= 1 and p.column >= 1 for p in error.problems)
    else:
        assert all(p.line >= 1 for p in document.problems)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(min_size=1, max_size=5), children, max_size=3)
        ),
        max_leaves=10,
    )
)
def test_yaml_made_by_pyyaml_reads_back(value: object) -> None:
    import yaml

    text = yaml.safe_dump({"root": value})
    document = parse_yaml_text(text, "f.yaml")
    if not document.problems:
        assert document.data == yaml.safe_load(text)


def test_deep_nesting_is_refused_early() -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_yaml_text("a:\n" + "".join(" " * i + "- \n" for i in range(0, 200, 2)), "f.yaml")
    assert caught.value.render() == (
        "f.yaml:41:79: nested more than 40 levels deep; a scenario never needs that many"
    )


def test_nesting_beyond_what_libyaml_scans_gets_the_same_message() -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_yaml_text("a: " + "[" * 5000 + "]" * 5000, "f.yaml")
    message = caught.value.render()
    assert message.startswith("f.yaml:1:")
    assert message.endswith(": nested more than 40 levels deep; a scenario never needs that many")
