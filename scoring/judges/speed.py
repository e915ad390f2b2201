"""SPEED: was every post that deserved an answer answered, and in time (P1, P2, P3)?

Each post that needed a reply is one situation. Answered (in a language its author
reads) within its channel's expected response time: credit 1; later, the credit falls
linearly to 0 at four times the expected time. Never answered: 0 (P1), or, if it never
tagged the brand and no search found it, 0 under P3. Posts still younger than the
expected time when the session ended are not judged; hidden posts and banned authors
are judged by CHANNEL and HONESTY instead.
"""

from __future__ import annotations

from game.journal.records import PostRecord
from scoring.ledger import Ledger, clock, minutes
from scoring.sessionview import BrandMessage

LATE_FACTOR = 4
"""At this many times the expected response time an answer earns nothing."""


def judge_speed(ledger: Ledger) -> None:
    """Credit SPEED for every post that needed an answer.

    Args:
        ledger: where credits and findings go.
    """
    view = ledger.view
    expected = {c.id: c.expected_response_minutes * 60 for c in view.scenario.channels}
    silenced = {m.post_id for m in view.moderations if m.kind == "hide"}
    banned_at = {m.author: m.time for m in view.moderations if m.kind == "ban"}
    for post in view.posts:
        with ledger.situation():
            if not post.needs_reply or post.id in silenced:
                continue
            if post.author in banned_at and banned_at[post.author] >= post.time:
                continue
            # An answer is one written after the post arrived: a reaction posted the same
            # second as the reply that provoked it is not answered by that reply.
            arrived = view.post_order.get(post.id, 0)
            answer = next(
                (
                    m
                    for m in view.answers_in(post.thread)
                    if m.order > arrived and _readable(ledger, m)
                ),
                None,
            )
            allowed = expected[post.channel]
            if answer is None:
                _unanswered(ledger, post, allowed)
                continue
            delay = answer.time - post.time
            if delay <= allowed:
                ledger.credit("speed", 1.0)
                ledger.note(
                    "P2",
                    "speed",
                    "+",
                    answer.time,
                    "speed.on_time",
                    post=post,
                    message=answer,
                    minutes=minutes(delay),
                    expected=minutes(allowed),
                )
                continue
            ledger.credit("speed", 1 - (delay - allowed) / ((LATE_FACTOR - 1) * allowed))
            ledger.note(
                "P2",
                "speed",
                "-",
                answer.time,
                "speed.late",
                post=post,
                message=answer,
                minutes=minutes(delay),
                expected=minutes(allowed),
                posted=clock(post.time, ledger.language),
            )
    for time, found in view.searches:
        if found:
            ledger.note("P3", "speed", "+", time, "speed.search_found", count=len(found))


def _readable(ledger: Ledger, message: BrandMessage) -> bool:
    """Whether an answer answers: one in a language they do not read does not (E6)."""
    judgement = ledger.judgement(message)
    return judgement is None or judgement.language_ok


def _unanswered(ledger: Ledger, post: PostRecord, allowed: int) -> None:
    view = ledger.view
    age = view.end - post.time
    if age < allowed:
        return  # it arrived too late in the session to be due yet
    ledger.credit("speed", 0.0)
    due = post.time + allowed
    if not post.tags_brand and post.id not in view.found_at:
        ledger.note("P3", "speed", "-", due, "speed.never_found", post=post)
    elif post.tone == "positive":
        ledger.note("P1", "speed", "-", due, "speed.praise_unanswered", post=post)
    else:
        ledger.note("P1", "speed", "-", due, "speed.unanswered", post=post, minutes=minutes(age))
