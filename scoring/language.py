"""Which language a reply is written in, from a count of very frequent words.

No dependency and no model: a short reply rarely holds enough text for a statistical
detector, but it nearly always holds a few function words ("de", "que", "the", "we")
or a greeting, a thanks, an apology.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from scoring.catalog import SUPPORTED, read_lexicon
from scoring.text import WORD_RE, fold_plain, mask, name_spans

OTHER = "other"

DOMINANCE = 1.5
"""How many times more hits the winner needs than the runner-up."""

_SPANISH_MARKS = ("ñ", "Ñ", "¿", "¡")


def _word_sets(key: str) -> dict[str, frozenset[str]]:
    document = read_lexicon("languages.yaml")
    return {
        lang: frozenset(fold_plain(str(word)) for word in listed)
        for lang, listed in document[key].items()
    }


@cache
def evidence_words() -> Mapping[str, tuple[str, ...]]:
    """Which languages each evidence word belongs to (loaded once).

    Returns:
        Folded word to the languages whose function words or markers hold it.
    """
    functions, markers = _word_sets("function_words"), _word_sets("markers")
    owners: dict[str, list[str]] = {}
    for lang in sorted(functions):
        for word in functions[lang] | markers.get(lang, frozenset()):
            owners.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in owners.items()}


@cache
def _languages() -> tuple[str, ...]:
    return tuple(sorted(_word_sets("function_words")))


@cache
def function_words() -> frozenset[str]:
    """Function words of every listed language: they carry no content on their own.

    Returns:
        The union of all function-word lists, folded.
    """
    return frozenset(word for listed in _word_sets("function_words").values() for word in listed)


def count_hits(folded: str, original: str) -> dict[str, float]:
    """Count, per language, the words of a reply that are evidence of that language.

    Args:
        folded: The folded reply.
        original: The reply as written (for "ñ", "¿", "¡", which folding removes).

    Returns:
        Language code to its (possibly fractional) number of hits.
    """
    owners_of = evidence_words()
    hits = dict.fromkeys(_languages(), 0.0)
    names = name_spans(folded)
    for token in WORD_RE.findall((mask(folded, list(names)) if names else folded).lower()):
        owners = owners_of.get(token, ())
        for lang in owners:
            hits[lang] += 1 / len(owners)  # "les" is French and Spanish: half to each
    hits["es"] += sum(original.count(mark) for mark in _SPANISH_MARKS)
    return hits


def detect_language(folded: str, original: str, expected: str) -> str:
    """Tell whether a reply is in Spanish, English or another language.

    Args:
        folded: The folded reply.
        original: The reply as written.
        expected: The language the reply should be in; returned when the reply
            gives no evidence either way (a bare link, "OK"), so that a reply is
            never blamed for a language it does not show.

    Returns:
        "es", "en" or "other" ("other" also when no language clearly dominates,
        e.g. a reply that mixes Spanish and English half and half).
    """
    hits = count_hits(folded, original)
    ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))
    (best, best_hits), (_, second_hits) = ranked[0], ranked[1]
    if best_hits == 0:
        return expected if expected in SUPPORTED else OTHER
    if best_hits <= DOMINANCE * second_hits:
        return OTHER
    return best if best in SUPPORTED else OTHER
