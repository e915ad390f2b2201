"""Canned replies: the same words sent to several people, names and numbers aside.

A trainee who pastes one paragraph to everyone shows no one they were heard. Replies
are compared after taking out what a template fills in (the recipient's name, handles,
links, numbers and punctuation); a reply whose rest is at least ``SIMILAR`` percent
like an earlier reply to someone else, about something else, is a near-duplicate. Two
tailored replies to two people who share a first name stay different: only their names
are alike. The same answer to the same question (posts of one scenario template, say
twenty people asking whether the ferry sails) is consistency, and is not counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from game.journal.records import AnswerRecord
from scoring.text import fold_plain

SIMILAR = 85
"""Similarity (0-100, rapidfuzz's normalised Indel ratio) from which two replies are one."""
SHORTEST = 12
"""Replies with fewer letters than this, names aside ("gracias!"), are too short to call
canned."""

_TEMPLATE_FILLS = re.compile(r"https?://\S+|www\.\S+|@\w+|\d+")
_NOT_LETTERS = re.compile(r"[^\w]+|_")


@lru_cache(maxsize=16_384)  # more than a session's answers: an LRU smaller than a cycle misses all
def skeleton(text: str, name: str | None) -> str:
    """A reply with its template fills taken out: what stays the same when pasted.

    Args:
        text: the reply.
        name: the recipient's name, whose words are removed too.

    Returns:
        Folded words, single-spaced.
    """
    folded = _TEMPLATE_FILLS.sub(" ", fold_plain(text))
    names = set(fold_plain(name or "").lstrip("@").split())
    kept = [word for word in _NOT_LETTERS.sub(" ", folded).split() if word not in names]
    return " ".join(kept)


@dataclass(frozen=True)
class Reuse:
    """How often a reply's words were already sent to other people.

    Attributes:
        count: other people who got a near-duplicate before.
        first: index in ``earlier`` of the first of them (None: no reuse).
    """

    count: int
    first: int | None


def reuse_of(
    text: str, recipient: str, name: str | None, topic: str, earlier: Sequence[AnswerRecord]
) -> Reuse:
    """Count the other people who already received a near-duplicate of ``text``.

    Args:
        text: the reply being judged.
        recipient: who it answers.
        name: their name.
        topic: what made the post it answers (see ``AnswerRecord.topic``).
        earlier: the session's earlier answers, in order.

    Returns:
        The reuse.
    """
    mine = skeleton(text, name)
    if len(mine.replace(" ", "")) < SHORTEST:
        return Reuse(0, None)
    others = [
        (index, said)
        for index, said in enumerate(earlier)
        if said.recipient != recipient and said.topic != topic
    ]
    # One call compares the reply with every earlier one (rapidfuzz's C loop): a
    # session's answers are compared pairwise, so this is the costly part of a reading.
    matches = process.extract(
        mine,
        [skeleton(said.text, said.name) for _, said in others],
        scorer=fuzz.ratio,
        score_cutoff=SIMILAR,
        limit=None,
    )
    found = sorted(others[position] for _, _, position in matches)
    people = {said.recipient for _, said in found}
    return Reuse(len(people), found[0][0] if found else None)
