"""EMPATHY: how the trainee's answers treat people (E1-E6, P4).

Each reply or private message to someone who is not abusing the house rules is one
situation, and so is each official statement. A reply starts from ``BASE`` and earns
``FEELING`` for acknowledging the problem (apology or acknowledgement; thanks, for
praise; nothing is needed for a neutral question) and ``PERSONAL`` for using the
customer's name or offering a fix or a gesture. Hostility zeroes it (E2); a bare link
(P4), boilerplate (E4), the same words already sent to someone else (E4) and a reply
in another language than the customer's (E6) take ``PENALTY`` points off. A session in
which nothing was ever answered is not judged here: SPEED counts the silence (P1).
"""

from __future__ import annotations

from game.journal.records import PostRecord
from scoring.analyzer import CueHit
from scoring.catalog import SUPPORTED
from scoring.ledger import Ledger, clock, first_hit
from scoring.messages import language_name
from scoring.sessionview import BrandMessage

BASE = 0.6
FEELING = 0.25
PERSONAL = 0.15
PENALTY = {"link_only": 0.5, "boilerplate": 0.35, "copy": 0.25, "language": 0.5}
SMALL_ACCOUNT = 1_000
"""Followers below which an author is a "small" customer (E3)."""
BIG_ACCOUNT = 10_000
"""Followers from which an author is a "big" account (E3)."""
E3_GAP = 0.25
"""A mean credit this much lower for small customers than for big accounts breaks E3."""


def judge_empathy(ledger: Ledger) -> None:
    """Credit EMPATHY for every answer and statement.

    Args:
        ledger: where credits and findings go.
    """
    view = ledger.view
    said_before: dict[str, tuple[BrandMessage, str]] = {}  # words -> first message, author
    by_size: dict[str, list[float]] = {"small": [], "big": []}
    for message in view.messages:
        if message.kind == "statement":
            _statement(ledger, message)
            continue
        if message.kind not in ("reply", "private_message"):
            continue
        post = view.post_by_id[message.post_id or ""]
        if view.is_abusive_author(post.author):
            # Whether to answer abuse at all is a matter of house rules (CHANNEL, C4);
            # here only the tone counts: calm is owed to trolls too (E2).
            if _noted_hostility(ledger, message, post):
                ledger.credit("empathy", 0.0)
            continue
        credit = _reply(ledger, message, post, said_before)
        ledger.credit("empathy", credit)
        followers = view.people[post.author].followers if post.author in view.people else 0
        if followers < SMALL_ACCOUNT:
            by_size["small"].append(credit)
        elif followers >= BIG_ACCOUNT:
            by_size["big"].append(credit)
    _humility(ledger, by_size)


def _noted_hostility(ledger: Ledger, message: BrandMessage, post: PostRecord) -> bool:
    """Note E2 when the message is hostile (to anyone, trolls included); tell whether."""
    hostile = first_hit(ledger.analysis(message), "hostility")
    if hostile is None:
        return False
    ledger.note(
        "E2",
        "empathy",
        "-",
        message.time,
        "empathy.hostile",
        post=post,
        message=message,
        hit=hostile,
    )
    return True


def _reply(
    ledger: Ledger,
    message: BrandMessage,
    post: PostRecord,
    said_before: dict[str, tuple[BrandMessage, str]],
) -> float:
    analysis = ledger.analysis(message)
    if analysis.language not in SUPPORTED:
        # The catalogs cannot read it: only the choice of language can be judged.
        return _unreadable_reply(ledger, message, post, analysis.language)
    cues = analysis.cue_ids()
    if _noted_hostility(ledger, message, post):
        return 0.0
    credit = BASE
    feeling = _feeling_hit(ledger, message, post)
    if feeling is not None or post.tone == "neutral" or _felt_before(ledger, message, post):
        credit += FEELING
        if feeling is not None and post.tone == "negative":
            ledger.note(
                "E1",
                "empathy",
                "+",
                message.time,
                "empathy.acknowledged",
                post=post,
                message=message,
                hit=feeling,
            )
    else:
        key = "empathy.praise_unthanked" if post.tone == "positive" else "empathy.no_feeling"
        ledger.note("E1", "empathy", "-", message.time, key, post=post, message=message)
    gesture = first_hit(analysis, "compensation", "fix")
    if analysis.addresses_customer or gesture is not None:
        credit += PERSONAL
    if {"fix", "compensation"} <= cues:
        ledger.note(
            "E5",
            "empathy",
            "+",
            message.time,
            "empathy.gesture",
            post=post,
            message=message,
            hit=first_hit(analysis, "compensation"),
        )
    link = first_hit(analysis, "link_only")
    if link is not None:
        credit -= PENALTY["link_only"]
        ledger.note(
            "P4",
            "empathy",
            "-",
            message.time,
            "empathy.link_only",
            post=post,
            message=message,
            hit=link,
        )
    canned = first_hit(analysis, "boilerplate")
    if canned is not None:
        credit -= PENALTY["boilerplate"]
        ledger.note(
            "E4",
            "empathy",
            "-",
            message.time,
            "empathy.boilerplate",
            post=post,
            message=message,
            hit=canned,
        )
    words = " ".join(message.text.casefold().split())
    earlier = said_before.get(words)
    if earlier is not None and earlier[1] != post.author:
        credit -= PENALTY["copy"]
        ledger.note(
            "E4",
            "empathy",
            "-",
            message.time,
            "empathy.copy",
            post=post,
            message=message,
            first=clock(earlier[0].time),
        )
    else:
        said_before.setdefault(words, (message, post.author))
    if _wrong_language(analysis.language, post.language):
        credit -= PENALTY["language"]
        ledger.note(
            "E6",
            "empathy",
            "-",
            message.time,
            "empathy.language",
            post=post,
            message=message,
            theirs=language_name(post.language, ledger.language),
            ours=language_name(analysis.language, ledger.language),
        )
    elif post.language != ledger.language:
        ledger.note(
            "E6",
            "empathy",
            "+",
            message.time,
            "empathy.their_language",
            post=post,
            message=message,
            theirs=language_name(post.language, ledger.language),
        )
    return credit


def _unreadable_reply(
    ledger: Ledger, message: BrandMessage, post: PostRecord, language: str
) -> float:
    if _wrong_language(language, post.language):
        ledger.note(
            "E6",
            "empathy",
            "-",
            message.time,
            "empathy.language",
            post=post,
            message=message,
            theirs=language_name(post.language, ledger.language),
            ours=language_name(language, ledger.language),
        )
        return 1 - PENALTY["language"]
    ledger.note(
        "E6",
        "empathy",
        "+",
        message.time,
        "empathy.their_language",
        post=post,
        message=message,
        theirs=language_name(post.language, ledger.language),
    )
    return 1.0


def _felt_before(ledger: Ledger, message: BrandMessage, post: PostRecord) -> bool:
    """Whether empathy was already shown in the exchange, or is not owed here.

    An earlier answer that acknowledged the problem carries over to the next ones, and
    staff are colleagues, not customers (E1).
    """
    person = ledger.view.people.get(post.author)
    if person is not None and person.archetype == "employee":
        return True
    return any(
        earlier.index < message.index
        and first_hit(ledger.analysis(earlier), "apology", "acknowledgement", "gratitude")
        for earlier in ledger.view.answers_in(message.thread or "")
    )


def _feeling_hit(ledger: Ledger, message: BrandMessage, post: PostRecord) -> CueHit | None:
    analysis = ledger.analysis(message)
    if post.tone == "positive":
        return first_hit(analysis, "gratitude", "acknowledgement")
    return first_hit(analysis, "apology", "acknowledgement")


def _wrong_language(reply_language: str, post_language: str) -> bool:
    """Whether a reply missed the customer's language (E6).

    The analyzer tells Spanish, English and "other"; a post in a third language
    (French, say) is answered well by a reply the analyzer calls "other".
    """
    supported = ("es", "en")
    if post_language in supported:
        return reply_language != post_language
    return reply_language in supported


def _statement(ledger: Ledger, message: BrandMessage) -> None:
    analysis = ledger.analysis(message)
    hostile = first_hit(analysis, "hostility")
    canned = first_hit(analysis, "boilerplate")
    if hostile is not None:
        ledger.credit("empathy", 0.0)
        ledger.note(
            "E2",
            "empathy",
            "-",
            message.time,
            "empathy.hostile_statement",
            message=message,
            hit=hostile,
        )
    elif canned is not None:
        ledger.credit("empathy", 1 - PENALTY["boilerplate"])
        ledger.note(
            "E4",
            "empathy",
            "-",
            message.time,
            "empathy.boilerplate_statement",
            message=message,
            hit=canned,
        )
    else:
        ledger.credit("empathy", 1.0)


def _humility(ledger: Ledger, by_size: dict[str, list[float]]) -> None:
    small, big = by_size["small"], by_size["big"]
    if len(small) < 2 or len(big) < 2:
        return
    small_mean, big_mean = sum(small) / len(small), sum(big) / len(big)
    if big_mean - small_mean >= E3_GAP:
        ledger.note(
            "E3",
            "empathy",
            "-",
            ledger.view.end,
            "empathy.not_humble",
            small=round(small_mean * 100),
            big=round(big_mean * 100),
        )
