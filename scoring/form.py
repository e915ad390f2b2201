"""Cues in the form of a reply rather than its words: shouting, and replies that are a link.

Capitals held for several words and runs of "!!!" read as hostility; a reply that is
little more than a URL or "see our FAQ" brushes the person off (``link_only``). Spans
are offsets in the folded reply, as in ``scoring.rules``.
"""

from __future__ import annotations

import re
from functools import cache

from scoring.catalog import Catalog, load_catalog
from scoring.language import function_words
from scoring.rules import Found, matches, overlaps
from scoring.text import fold_plain, mask, name_spans, question_spans, url_spans, words

SHOUT_MIN_WORDS = 3
"""A run of this many words in capitals is shouting."""

LINK_ONLY_MAX_WORDS = 3
"""A reply with a URL and at most this many content words is "only a link"."""

REFERENCE_ONLY_MAX_WORDS = 1
"""With no URL, only a mention of the website ("See our FAQ"), at most this many."""

_BANGS_RE = re.compile(r"[!¡]{3,}")


@cache
def _two_capitals() -> re.Pattern[str]:
    """Two capital letters in a row, in any script (a word in capitals has them)."""
    capitals = "".join(re.escape(char) for char in map(chr, range(0x10000)) if char.isupper())
    return re.compile(f"[{capitals}][{capitals}]")


def _caps(word: str, ignore: frozenset[str]) -> bool | None:
    """True for a word in capitals, False for one that is not, None for neutral ones.

    One-letter words ("I", "Y") and known acronyms (DM, XS) neither make nor break
    a run of capitals.
    """
    if not word.isupper():
        return False
    if len(word.replace("'", "")) < 2 or word in ignore:
        return None
    return True


def _caps_runs(text: str, ignore: frozenset[str]) -> list[list[re.Match[str]]]:
    """Group the words in capitals of a text into runs (neutral words do not break one)."""
    runs: list[list[re.Match[str]]] = [[]]
    for match in words(text):
        state = _caps(match.group(), ignore)
        if state:
            runs[-1].append(match)
        elif state is False and runs[-1]:
            runs.append([])
    return runs


def shouting_hits(text: str, ignore: frozenset[str]) -> list[Found]:
    """Find shouting: runs of words in capitals, and "!!!" or more.

    Links and handles are left out: "@ZURCIDA_ES" is a name, not a raised voice.

    Args:
        text: Folded reply (folding keeps the case).
        ignore: Acronyms that are not shouting, in capitals.

    Returns:
        One hostility hit per run or burst of exclamation marks.
    """
    found = [Found("hostility", m.start(), m.end()) for m in _BANGS_RE.finditer(text)]
    if not _two_capitals().search(text):
        return found  # no word in capitals at all: skip the word walk
    for run in _caps_runs(mask(text, list(name_spans(text))), ignore):
        if len(run) >= SHOUT_MIN_WORDS:
            found.append(Found("hostility", run[0].start(), run[-1].end()))
    return found


@cache
def _not_content(language: str | None) -> frozenset[str]:
    """Words that are not content next to a link: function words and the filler."""
    filler = load_catalog(language).link_filler if language is not None else frozenset()
    return filler | function_words()


def link_only_hit(text: str, catalog: Catalog | None, customer_name: str | None) -> Found | None:
    """Report link_only when a reply is little more than links.

    Links are URLs and, with a catalog, references such as "our website" (not in a
    question: "¿es con la app o con la web?" asks). What is left after removing
    links, handles, the customer's name, function words and the catalog's filler
    ("aquí", "see", greetings) must be at most a few words, or a single one when
    there is no URL: "gracias por avisar del error en la web" mentions the site, it
    does not send the customer there.

    Args:
        text: Folded reply.
        catalog: The language's catalog, or None for a language without one.
        customer_name: The customer's name, whose words are not content.

    Returns:
        A hit on the first link, or None.
    """
    urls = list(url_spans(text))
    links = list(urls)
    if catalog is not None:
        compiled = catalog.cues["link_only"]
        questions = question_spans(text)
        links += [
            span
            for span in matches(compiled.pattern, compiled.exclude, text, None)
            if not overlaps(span, questions)  # "¿es con la app o con la web?" asks
        ]
    if not links:
        return None
    ignored = _not_content(catalog.language if catalog is not None else None)
    name = set(fold_plain(customer_name or "").split())
    most = LINK_ONLY_MAX_WORDS if urls else REFERENCE_ONLY_MAX_WORDS
    content = 0
    for match in words(mask(text, [*name_spans(text), *links])):
        word = match.group().lower()
        content += word not in ignored and word not in name
        if content > most:
            return None
    start, end = min(urls or links)  # the evidence is the URL when there is one
    return Found("link_only", start, end)
