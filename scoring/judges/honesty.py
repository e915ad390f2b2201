"""HONESTY: facts, the official statement, promises, and complaints left visible (H1-H4, P4).

Situations:
- each answer to a post about a fact the brand knows to be true: owning it (apology
  or admission) when the brand is at fault earns full credit, saying nothing about it
  half, blaming the customer little, denying a true fact none (H1);
- each answer to a post about a fact that is false: correcting it without conceding
  is right, conceding it is not (H3);
- each answer to a post about a fact not known yet: stating a cause or a denial is
  speculation (H3);
- each official statement: the share of the scenario's required elements it holds
  (H2); a cause given while a fact where the brand is at fault is still unknown is
  speculation (H3); no statement at all, when the brand is at fault, scores 0;
- each promise: kept in time 1 (by the promised act: see the engine), delivered late
  0.3, broken 0, still open when the crisis ended badly 0 (H4);
- each legitimate complaint hidden, or its author banned: 0 (P4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.journal.records import PostRecord
from game.scenario.model import Fact
from game.vocabulary import keeps
from scoring.catalog import SUPPORTED
from scoring.ledger import Ledger, clock, first_hit
from scoring.messages import cue_name
from scoring.sessionview import BrandMessage, PromiseRecord

SILENT_ON_FAULT = 0.5
BLAMED = 0.2
CONCEDED_FALSE = 0.5
SPECULATED = 0.2
HOLDING_EXEMPT = frozenset({"cause", "prevention"})
"""What a statement cannot hold yet while a fact the brand is at fault for is unknown."""
CONTRADICTED = 0.3
"""A reply that takes back what it says (sorry, but it's your fault)."""
DELIVERED_LATE = 0.3
"""A promise delivered after its deadline: better than never, far from on time."""


def judge_honesty(ledger: Ledger) -> None:
    """Credit HONESTY for facts, statements, promises and silenced complaints.

    Args:
        ledger: where credits and findings go.
    """
    view = ledger.view
    owned_threads: set[str] = set()
    for message in view.messages:
        if message.kind not in ("reply", "private_message"):
            continue
        post = view.post_by_id[message.post_id or ""]
        person = view.people.get(post.author)
        if view.is_abusive_author(post.author) or (person and person.archetype == "employee"):
            continue  # trolls are a matter of house rules, staff of one voice (C4, C5)
        if ledger.analysis(message).language not in SUPPORTED:
            continue  # the catalogs cannot read it
        with ledger.situation():
            _facts_in_reply(ledger, message, post, owned_threads)
        with ledger.situation():
            _coherence(ledger, message, post)
    statements = [m for m in view.messages if m.kind == "statement"]
    for statement in statements:
        with ledger.situation():
            _statement(ledger, statement)
    if not statements and _brand_at_fault(ledger):
        ledger.credit("honesty", 0.0)
        ledger.note("H2", "honesty", "-", view.end, "honesty.no_statement")
    _promises(ledger)
    for action in view.moderations:
        with ledger.situation():
            if action.kind != "warn" and not view.is_abusive_author(action.author):
                ledger.credit("honesty", 0.0)
                ledger.note(
                    "P4",
                    "honesty",
                    "-",
                    action.time,
                    f"honesty.{action.kind}_complaint",
                    post=view.post_by_id[action.post_id],
                )


def _brand_at_fault(ledger: Ledger) -> bool:
    required = ledger.view.scenario.scoring.statement.requires
    return bool(required) and any(
        fact.truth is True and fact.brand_at_fault for fact in ledger.view.scenario.facts
    )


def _facts_in_reply(
    ledger: Ledger, message: BrandMessage, post: PostRecord, owned_threads: set[str]
) -> None:
    view = ledger.view
    facts = [fact for fact in map(view.fact, post.facts) if fact is not None]
    if not facts:
        return
    analysis = ledger.analysis(message)
    denial = first_hit(analysis, "denial")
    known_true = [f for f in facts if f.truth is True and view.fact_known(f, message.time)]
    unknown = [f for f in facts if not view.fact_known(f, message.time)]
    false = [f for f in facts if f.truth is False]
    if known_true:
        _owning(ledger, message, post, known_true, owned_threads)
    elif unknown:
        # A cause, a denial, or a promise that it will not happen again: all claim to
        # know what nobody knows yet.
        claim = first_hit(analysis, "cause", "prevention") or denial
        if claim is not None:
            ledger.credit("honesty", SPECULATED)
            ledger.note(
                "H3",
                "honesty",
                "-",
                message.time,
                "honesty.speculated",
                post=post,
                message=message,
                hit=claim,
                fact=fact_statement(ledger, unknown[0]),
            )
        else:
            ledger.credit("honesty", 1.0)
            ledger.note(
                "H3",
                "honesty",
                "+",
                message.time,
                "honesty.did_not_speculate",
                post=post,
                message=message,
            )
    elif false:
        judgement = ledger.judgement(message)
        conceded = judgement.conceded if judgement is not None else None
        if conceded is not None:
            ledger.credit("honesty", CONCEDED_FALSE)
            ledger.note(
                "H3",
                "honesty",
                "-",
                message.time,
                "honesty.conceded_false",
                post=post,
                message=message,
                hit=conceded,
                fact=fact_statement(ledger, false[0]),
            )
        elif denial is not None:
            ledger.credit("honesty", 1.0)
            ledger.note(
                "H3",
                "honesty",
                "+",
                message.time,
                "honesty.corrected",
                post=post,
                message=message,
                hit=denial,
            )


def _coherence(ledger: Ledger, message: BrandMessage, post: PostRecord) -> None:
    """H1 for a reply that contradicts itself (owns and blames, admits and denies)."""
    judgement = ledger.judgement(message)
    if judgement is None or not judgement.contradictions:
        return
    contradiction = judgement.contradictions[0]
    ledger.credit("honesty", CONTRADICTED)
    ledger.note(
        "H1",
        "honesty",
        "-",
        message.time,
        f"honesty.{contradiction.kind}",
        post=post,
        message=message,
        hit=contradiction.second,
        first=contradiction.first.text,
        second=contradiction.second.text,
    )


def _owning(
    ledger: Ledger,
    message: BrandMessage,
    post: PostRecord,
    facts: list[Fact],
    owned_threads: set[str],
) -> None:
    """H1 for one answer: a denial always counts; owning the mistake once per exchange."""
    analysis = ledger.analysis(message)
    denial = first_hit(analysis, "denial")
    at_fault = [f for f in facts if f.brand_at_fault]
    fact_text = fact_statement(ledger, (at_fault or facts)[0])
    if denial is not None:
        ledger.credit("honesty", 0.0)
        ledger.note(
            "H1",
            "honesty",
            "-",
            message.time,
            "honesty.denied_true",
            post=post,
            message=message,
            hit=denial,
            fact=fact_text,
        )
        return
    if not at_fault or post.thread in owned_threads:
        return  # nobody's fault, or already owned in this exchange: nothing more to own
    blame = first_hit(analysis, "blame")
    owned = first_hit(analysis, "admission", "apology")
    if blame is not None:
        ledger.credit("honesty", BLAMED)
        ledger.note(
            "H1",
            "honesty",
            "-",
            message.time,
            "honesty.blamed",
            post=post,
            message=message,
            hit=blame,
            fact=fact_text,
        )
    elif owned is not None:
        owned_threads.add(post.thread)
        ledger.credit("honesty", 1.0)
        ledger.note(
            "H1",
            "honesty",
            "+",
            message.time,
            "honesty.owned",
            post=post,
            message=message,
            hit=owned,
        )
    elif not _owned_later(ledger, message):
        owned_threads.add(post.thread)  # one finding per exchange is enough
        ledger.credit("honesty", SILENT_ON_FAULT)
        ledger.note(
            "H1",
            "honesty",
            "-",
            message.time,
            "honesty.not_owned",
            post=post,
            message=message,
            fact=fact_text,
        )


def _owned_later(ledger: Ledger, message: BrandMessage) -> bool:
    """Whether a later answer in the same exchange owns the mistake (judged there)."""
    return any(
        later.index > message.index and first_hit(ledger.analysis(later), "admission", "apology")
        for later in ledger.view.answers_in(message.thread or "")
    )


def _statement(ledger: Ledger, message: BrandMessage) -> None:
    view = ledger.view
    analysis = ledger.analysis(message)
    cues = analysis.cue_ids()
    required = view.scenario.scoring.statement.requires
    denial = first_hit(analysis, "denial")
    if denial is not None and _brand_at_fault(ledger):
        ledger.credit("honesty", 0.0)
        ledger.note(
            "H1",
            "honesty",
            "-",
            message.time,
            "honesty.statement_denies",
            message=message,
            hit=denial,
        )
        return
    pending = [
        f
        for f in view.scenario.facts
        if f.brand_at_fault and f.truth is True and not view.fact_known(f, message.time)
    ]
    cause = first_hit(analysis, "cause")
    if pending and cause is not None:
        ledger.credit("honesty", SPECULATED)
        ledger.note(
            "H3",
            "honesty",
            "-",
            message.time,
            "honesty.statement_speculates",
            message=message,
            hit=cause,
            fact=fact_statement(ledger, pending[0]),
            known=clock((pending[0].revealed_at_minute or 0) * 60, ledger.language),
        )
        return
    if pending:
        # A holding statement, published before the cause can be known: it owes an
        # apology and a fix now, and the cause and prevention once the facts are in.
        required = [cue for cue in required if cue not in HOLDING_EXEMPT]
    if not required:
        ledger.credit("honesty", 1.0)
        return
    missing = [cue for cue in required if cue not in cues]
    ledger.credit("honesty", 1 - len(missing) / len(required))
    if missing:
        ledger.note(
            "H2",
            "honesty",
            "-",
            message.time,
            "honesty.statement_incomplete",
            message=message,
            missing=", ".join(_cue_names(ledger, missing)),
        )
    else:
        ledger.note(
            "H2",
            "honesty",
            "+",
            message.time,
            "honesty.statement_holding" if pending else "honesty.statement_complete",
            message=message,
            held=", ".join(_cue_names(ledger, required)),
        )


def _promises(ledger: Ledger) -> None:
    view = ledger.view
    replies = {m.reply_id: m for m in view.messages if m.reply_id}
    phase = next(p for p in view.scenario.phases if p.id == view.final_phase)
    for promise in view.promises.values():
        with ledger.situation():
            said = replies.get(promise.reply_id)
            post = view.post_by_id.get(said.post_id or "") if said else None
            hit = _words_in(said, promise.text)
            if promise.status == "open" and phase.final == "bad":
                # The crisis ended badly with the promise unkept: nobody will keep it now.
                ledger.credit("honesty", 0.0)
                ledger.note(
                    "H4",
                    "honesty",
                    "-",
                    view.end,
                    "honesty.promise_open_at_end",
                    post=post,
                    message=said,
                    hit=hit,
                    promise=promise.text,
                )
            elif promise.status == "kept":
                ledger.credit("honesty", 1.0)
                ledger.note(
                    "H4",
                    "honesty",
                    "+",
                    promise.settled or promise.made,
                    "honesty.promise_kept",
                    post=post,
                    message=said,
                    hit=hit,
                    promise=promise.text,
                )
            elif (
                promise.status == "broken"
                and promise.delivered_late is not None
                and _delivered_late(ledger, promise, said)
            ):
                ledger.credit("honesty", DELIVERED_LATE)
                ledger.note(
                    "H4",
                    "honesty",
                    "-",
                    promise.delivered_late,
                    "honesty.promise_late",
                    post=post,
                    message=said,
                    hit=hit,
                    promise=promise.text,
                    minutes=max(1, round((promise.delivered_late - promise.due) / 60)),
                )
            elif promise.status == "broken":
                ledger.credit("honesty", 0.0)
                ledger.note(
                    "H4",
                    "honesty",
                    "-",
                    promise.due,
                    "honesty.promise_broken",
                    post=post,
                    message=said,
                    hit=hit,
                    promise=promise.text,
                    made=clock(promise.made, ledger.language),
                )


def _delivered_late(ledger: Ledger, promise: PromiseRecord, said: BrandMessage | None) -> bool:
    """Whether a follow-up after the deadline delivered what was promised (H4)."""
    if promise.delivered_late is None or said is None:
        return False
    act = next((p.act for p in ledger.analysis(said).promises if p.text == promise.text), "other")
    late = next(
        (
            m
            for m in ledger.view.messages
            if m.kind == "follow_up" and m.time == promise.delivered_late
        ),
        None,
    )
    return late is not None and keeps(act, ledger.analysis(late).delivered)


@dataclass(frozen=True)
class _Words:
    start: int
    end: int


def _words_in(message: BrandMessage | None, words: str) -> _Words | None:
    """Where the promise's words are in the message that made it."""
    if message is None:
        return None
    start = message.text.find(words)
    return _Words(start, start + len(words)) if start >= 0 else None


def fact_statement(ledger: Ledger, fact: Fact) -> str:
    """A fact as the session's language states it, with the brand's name filled in."""
    text = fact.statement.get(ledger.language) or next(iter(fact.statement.values()))
    return text.replace("{brand}", ledger.view.scenario.meta.brand.name)


def _cue_names(ledger: Ledger, cues: Sequence[str]) -> list[str]:
    return [cue_name(cue, ledger.language) for cue in cues]
