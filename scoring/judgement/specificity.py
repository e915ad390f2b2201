"""Does a reply name this post's problem, or could it go to anyone?

"Sorry for the inconvenience" fits every complaint, which is what makes it empty. A
reply is specific when it shares a content word with the post it answers, or with the
facts that post touches (their statement, or the ``mentions`` a scenario gives them).
Words are compared by their first letters, so "cancelled" meets "cancellation" and
"retraso" meets "retrasado"; greetings, courtesy, time words and the vocabulary every
apology uses are not content. Pure and cheap: a set intersection per reply.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from scoring.text import fold_plain, words

STEM = 5
"""Letters a word is compared by (a crude stem that works for Spanish and English)."""
SHORTEST = 4
"""Shorter words are never content ("the", "por", "we")."""

_GENERIC = frozenset(
    fold_plain(word)
    for line in resources.files(__package__)
    .joinpath("generic_words.txt")
    .read_text("utf-8")
    .splitlines()
    if not line.startswith("#")
    for word in line.split()
)
"""Words any reply may use whatever it answers: not evidence that it answers this post."""


def _stems(text: str, ignore: frozenset[str]) -> frozenset[str]:
    return frozenset(
        word[:STEM]
        for match in words(fold_plain(text))
        if len(word := match.group()) >= SHORTEST
        and word not in _GENERIC
        and word not in ignore
        and not word.isdigit()
    )


@lru_cache(maxsize=512)
def topic_stems(texts: tuple[str, ...], ignore: frozenset[str]) -> frozenset[str]:
    """The content stems of what a post is about (cached: a post is answered more than once).

    Args:
        texts: the post's text, its facts' statements and mentions.
        ignore: folded words that are not content here (the people's and brand's names).

    Returns:
        The stems.
    """
    return frozenset().union(*(_stems(text, ignore) for text in texts))


def names_to_ignore(names: Iterable[str]) -> frozenset[str]:
    """Folded words of names (the brand, the customer): using them is not being specific."""
    return frozenset(
        match.group() for name in names for match in words(fold_plain(name.lstrip("@")))
    )


def shared_topic(reply: str, topic: frozenset[str], ignore: frozenset[str]) -> str | None:
    """A content stem the reply shares with the post's topic (None: the reply is generic).

    Args:
        reply: the reply as written.
        topic: ``topic_stems`` of the post.
        ignore: folded words that are not content (names).

    Returns:
        One shared stem (the alphabetically first, so the result is deterministic).
    """
    shared = _stems(reply, ignore) & topic
    return min(shared) if shared else None
