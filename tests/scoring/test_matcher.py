"""The dispatching matcher finds exactly what a plain ``re.finditer`` finds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import analyze
from scoring.catalog import FLAGS, SUPPORTED, load_catalog, pattern_source
from scoring.matcher import Matcher, MatcherGroup, prefixes
from scoring.rules import trim
from scoring.text import fold
from scoring.timing import time_grammar


def all_matchers() -> list[Matcher]:
    for lang in SUPPORTED:
        time_grammar(lang)  # its matchers join the catalog's group
    return [m for lang in SUPPORTED for m in load_catalog(lang).group.members]


@cache
def reference(matcher: Matcher) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{s})" for s in matcher.sources), matcher.flags)


def spans(matches: Iterable[re.Match[str]], text: str) -> list[tuple[int, int]]:
    found = [trim(text, m.span()) for m in matches]
    return [span for span in found if span[0] < span[1]]


def assert_same_as_re(text: str) -> None:
    folded = fold(text).text
    for matcher in all_matchers():
        expected = spans(reference(matcher).finditer(folded), folded)
        assert spans(matcher.finditer(folded), folded) == expected, matcher.sources


def example_words() -> list[str]:
    words: set[str] = set()
    for lang in SUPPORTED:
        for spec in load_catalog(lang).spec.cues.values():
            for text in spec.examples.positive + spec.examples.negative:
                words.update(text.split())
    return sorted(words)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(example_words()),
            st.sampled_from([" ", "  ", "\n", ", ", ". ", "!!!", "¿", "24 h", "18:00", "5 pm"]),
            st.text(alphabet="aeilnosty ÁÑñé'’-0123456789", max_size=6),
        ),
        max_size=30,
    ).map(" ".join)
)
def test_any_mix_of_catalog_words_matches_as_with_re(text: str) -> None:
    assert_same_as_re(text)


@pytest.mark.parametrize(
    ("pattern", "fitting", "other"),
    [
        ("(lo )?(siento|sentimos)", ["lo si", "sient", "senti"], ["lo lo", "la we", "sin f"]),
        ("perdón", ["perdo"], ["perro"]),
        ("!!!", ["!!!", "!!!!"], ["!! ¿"]),
        ("ja", ["ja", "ja ja"], ["jo"]),
        ("a (dm|md)", ["a dm", "a md."], ["a mi "]),
        ("we'll \\w+", ["we'll"], ["well "]),
        ("(?<!la\\s)mañana", ["manan"], ["la ma"]),
    ],
)
def test_prefixes_of_catalog_patterns(pattern: str, fitting: list[str], other: list[str]) -> None:
    found = prefixes(pattern_source(pattern))
    assert found is not None
    for key in fitting:
        assert any(key.startswith(prefix) for prefix in found), key
    for key in other:
        assert not any(key.startswith(prefix) for prefix in found), key


@pytest.mark.parametrize("body", [r"\w+emos", r".*x", r"[^a]b", r"(?>a)", r"\d+ ?%"])
def test_unknown_beginnings_are_tried_everywhere(body: str) -> None:
    source = pattern_source(body)
    assert prefixes(source) is None
    matcher = Matcher([source], FLAGS, MatcherGroup())
    text = "hablaremos xx ab 20 % a 5%"
    assert [m.span() for m in matcher.finditer(text)] == [
        m.span() for m in re.finditer(source, text, FLAGS)
    ]


def test_a_group_rescans_only_for_a_new_text() -> None:
    first = analyze("Lo sentimos mucho.", "es")
    assert analyze("Lo sentimos mucho.", "es") == first
    assert analyze("Lo sentimos.", "es").cues[0].text == "Lo sentimos"
