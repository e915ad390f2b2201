"""EMPATHY: how the trainee's answers treat people (E1-E6, P4).

Each reply or private message to someone who is not abusing the house rules is one
situation, and so is each official statement. Replies are judged as the reading in
context (``scoring.judgement``) found them. A reply starts from ``BASE``, earns
``FEELING`` for the feeling its post is owed (apology or acknowledgement for a
complaint, thanks for praise, nothing for a question), only ``GENERIC_SHARE`` of it
when the apology does not name the post's problem (E4), and ``PERSONAL`` for using the
customer's name or a fix or gesture that fits. Hostility zeroes it (E2), and so does a
reply in another language than the customer's (E6); a bare link (P4), boilerplate,
near-duplicates of what others got (more for each person who got it before), cues of
no use for the post, or a pile of cues (E4) take ``PENALTY`` points off. A session in
which nothing was ever answered is not judged here: SPEED counts the silence (P1).
"""

from __future__ import annotations

from game.journal.records import PostRecord
from scoring.catalog import SUPPORTED
from scoring.judgement import Judgement
from scoring.judgement.reading import wrong_language
from scoring.ledger import Ledger, clock, first_hit
from scoring.messages import language_name
from scoring.sessionview import BrandMessage

BASE = 0.6
FEELING = 0.25
PERSONAL = 0.15
PENALTY = {"link_only": 0.5, "boilerplate": 0.35, "copy": 0.3, "stuffed": 0.35, "noise": 0.1}
"""Points off a reply's credit for each fault (canned: per person who got it before)."""
CANNED_MOST = 0.75
"""The most a reply loses for being canned, however often it was sent."""
GENERIC_SHARE = 0.4
"""The share of FEELING an apology earns when it does not name the post's problem (E4)."""
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
    by_size: dict[str, list[float]] = {"small": [], "big": []}
    for message in view.messages:
        with ledger.situation():
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
            credit = _reply(ledger, message, post)
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


def _reply(ledger: Ledger, message: BrandMessage, post: PostRecord) -> float:
    """One answer's EMPATHY credit, from its reading in context (``scoring.judgement``)."""
    analysis = ledger.analysis(message)
    judgement = ledger.judgement(message)
    if analysis.language not in SUPPORTED or judgement is None:
        # The catalogs cannot read it: only the choice of language can be judged.
        return _unreadable_reply(ledger, message, post, analysis.language)
    if not judgement.language_ok:
        _wrong_language_note(ledger, message, post, analysis.language)
        return 0.0
    if _noted_hostility(ledger, message, post):
        return 0.0
    credit = BASE + _feeling(ledger, message, post, judgement)
    gesture = any(
        hit.cue in ("compensation", "fix") and _fits(judgement, hit.cue) for hit in analysis.cues
    )
    if analysis.addresses_customer or gesture:
        credit += PERSONAL
    cues = analysis.cue_ids()
    if {"fix", "compensation"} <= cues and _fits(judgement, "compensation"):
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
    credit -= _penalties(ledger, message, post, judgement)
    if analysis.unread_from is not None:
        ledger.note(
            "E4",
            "empathy",
            "-",
            message.time,
            "empathy.too_long",
            post=post,
            message=message,
            length=len(message.text),
            read=analysis.unread_from,
        )
    if post.language != ledger.language:
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


def _fits(judgement: Judgement, cue: str) -> bool:
    """Whether a cue is neither out of place nor noise in the reply's situation."""
    return all(hit.cue != cue for hit, _ in judgement.misplaced) and all(
        hit.cue != cue for hit in judgement.noise
    )


def _feeling(
    ledger: Ledger, message: BrandMessage, post: PostRecord, judgement: Judgement
) -> float:
    """The FEELING part: in full when the feeling owed names this post's problem (E1, E4)."""
    if not judgement.fit.feeling or _felt_before(ledger, message, post):
        return FEELING
    feeling = judgement.feeling
    if feeling is None:
        key = "empathy.praise_unthanked" if post.tone == "positive" else "empathy.no_feeling"
        ledger.note("E1", "empathy", "-", message.time, key, post=post, message=message)
        return 0.0
    if judgement.specific is None and feeling.cue != "gratitude":
        ledger.note(
            "E4",
            "empathy",
            "-",
            message.time,
            "empathy.generic",
            post=post,
            message=message,
            hit=feeling,
            words=feeling.text,
        )
        return FEELING * GENERIC_SHARE
    if post.tone == "negative":
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
    return FEELING


def _penalties(
    ledger: Ledger, message: BrandMessage, post: PostRecord, judgement: Judgement
) -> float:
    """What the reply loses for being a link, boilerplate, canned, noisy or stuffed."""
    analysis = judgement.analysis
    lost = 0.0
    link = first_hit(analysis, "link_only")
    if link is not None:
        lost += PENALTY["link_only"]
        ledger.note(
            "P4", "empathy", "-", message.time, "empathy.link_only",
            post=post, message=message, hit=link,
        )  # fmt: skip
    canned = first_hit(analysis, "boilerplate")
    if canned is not None:
        lost += PENALTY["boilerplate"]
        ledger.note(
            "E4", "empathy", "-", message.time, "empathy.boilerplate",
            post=post, message=message, hit=canned,
        )  # fmt: skip
    reuse = judgement.reuse
    if reuse.count:
        lost += min(CANNED_MOST, PENALTY["copy"] * reuse.count)
        first = ledger.answer_at(reuse.first or 0)
        ledger.note(
            "E4", "empathy", "-", message.time, "empathy.copy",
            post=post, message=message, first=clock(first.time, ledger.language) if first else "?",
            count=reuse.count,
        )  # fmt: skip
    if judgement.stuffed:
        lost += PENALTY["stuffed"]
        ledger.note(
            "E4", "empathy", "-", message.time, "empathy.stuffed",
            post=post, message=message, count=len(analysis.cue_ids()),
        )  # fmt: skip
    elif judgement.noise:
        lost += PENALTY["noise"]
        ledger.note(
            "E4", "empathy", "-", message.time, "empathy.noise",
            post=post, message=message, hit=judgement.noise[0], words=judgement.noise[0].text,
        )  # fmt: skip
    return lost


def _wrong_language_note(
    ledger: Ledger, message: BrandMessage, post: PostRecord, language: str
) -> None:
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


def _unreadable_reply(
    ledger: Ledger, message: BrandMessage, post: PostRecord, language: str
) -> float:
    if wrong_language(language, post.language):
        _wrong_language_note(ledger, message, post, language)
        return 0.0
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
