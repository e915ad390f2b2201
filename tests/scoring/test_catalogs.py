"""Every catalog is complete and every example in it holds."""

from __future__ import annotations

import pytest

from game.vocabulary import CUES
from scoring import analyze
from scoring.catalog import SUPPORTED, CatalogError, load_catalog, pattern_source


def _examples() -> list[tuple[str, str, bool, str]]:
    cases: list[tuple[str, str, bool, str]] = []
    for lang in SUPPORTED:
        for cue, spec in load_catalog(lang).spec.cues.items():
            cases += [(lang, cue, True, text) for text in spec.examples.positive]
            cases += [(lang, cue, False, text) for text in spec.examples.negative]
    return cases


@pytest.mark.parametrize(("lang", "cue", "positive", "text"), _examples())
def test_catalog_example(lang: str, cue: str, positive: bool, text: str) -> None:
    analysis = analyze(text, lang)
    found = [(hit.cue, hit.text) for hit in analysis.cues]
    assert analysis.has(cue) is positive, f"{lang} {cue}: {text!r} -> {found}"
    assert analysis.language == lang, f"{text!r} detected as {analysis.language}"


@pytest.mark.parametrize("lang", SUPPORTED)
def test_catalog_declares_every_cue_with_enough_examples(lang: str) -> None:
    catalog = load_catalog(lang)
    assert set(catalog.spec.cues) == set(CUES)
    for cue, spec in catalog.spec.cues.items():
        assert spec.patterns, cue
        assert len(spec.examples.positive) >= 3, cue
        assert len(spec.examples.negative) >= 2, cue


def test_unknown_language_has_no_catalog() -> None:
    with pytest.raises(CatalogError):
        load_catalog("fr")


def test_pattern_source_folds_accents_and_makes_spaces_flexible() -> None:
    source = pattern_source("perdón por")
    assert "perdon" in source
    assert r"\s+" in source
