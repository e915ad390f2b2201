"""Promises that the scenario's facts rule out (H4) or that nobody can know yet (H3).

Authors declare, per fact, the acts the brand cannot promise while it holds
(``rules_out: [refund, dates]``; ``dates`` is a fix, replacement or visit promised by a
time), and may add
the words that would promise what the fact makes impossible ("la de la foto" when no
item like the photo exists) in ``ruled_out_promises``. A brand message whose promise is
of a ruled-out act, or that makes a promise and mentions those words, not negated, is
judged here: against a true fact the brand knows, it is a promise that cannot be kept
(H4); against a fact nobody knows yet, it is a claim made before checking (H3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.scenario.model import Fact
from game.vocabulary import RuleId
from scoring.analyzer import Analysis
from scoring.catalog import SUPPORTED, load_catalog
from scoring.judges.honesty import fact_statement
from scoring.ledger import Ledger
from scoring.rules import Negation
from scoring.sessionview import BrandMessage
from scoring.text import fold, fold_plain

PROMISING_KINDS = frozenset({"reply", "private_message", "follow_up", "statement"})
UNKNOWABLE = 0.2
"""Credit of a promise that rests on a fact nobody can know yet (as speculation, H3)."""


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int


def judge_ruled_out_promises(ledger: Ledger) -> None:
    """Credit HONESTY for each promise that the facts rule out or cannot support.

    Args:
        ledger: where credits and findings go.
    """
    view = ledger.view
    facts = [f for f in view.scenario.facts if f.ruled_out_promises or f.rules_out]
    if not facts:
        return
    for message in view.messages:
        with ledger.situation():
            if message.kind not in PROMISING_KINDS:
                continue
            analysis = ledger.analysis(message)
            if not analysis.has("promise") or analysis.language not in SUPPORTED:
                continue
            for fact in facts:
                mention = _ruled_out_act(analysis, fact) or _mention(
                    message, fact, analysis.language
                )
                if mention is not None:
                    _judge(ledger, message, fact, mention)
                    break  # one finding per message is enough to make the point


def _judge(ledger: Ledger, message: BrandMessage, fact: Fact, mention: _Mention) -> None:
    view = ledger.view
    post = view.post_by_id.get(message.post_id or "")
    statement = fact_statement(ledger, fact)
    rule: RuleId
    if fact.truth is True and view.fact_known(fact, message.time):
        ledger.credit("honesty", 0.0)
        key, rule = "honesty.promise_ruled_out", "H4"
    elif not view.fact_known(fact, message.time):
        ledger.credit("honesty", UNKNOWABLE)
        key, rule = "honesty.promise_unknowable", "H3"
        statement = statement.rstrip(". ")  # it is quoted inside a sentence
    else:
        return  # a false fact rules nothing out
    ledger.note(
        rule,
        "honesty",
        "-",
        message.time,
        key,
        post=post,
        message=message,
        hit=mention,
        fact=statement,
    )


DATED_ACTS = frozenset({"fix", "replacement", "visit"})
"""Promises of an outcome: with a deadline, they give a date (``rules_out: [dates]``)."""


def _ruled_out_act(analysis: Analysis, fact: Fact) -> _Mention | None:
    """The first promise of an act the fact rules out (``dates``: an outcome by a time)."""
    for promise in analysis.promises:
        dated = (
            "dates" in fact.rules_out
            and promise.deadline_minutes is not None
            and promise.act in DATED_ACTS
        )
        if promise.act in fact.rules_out or dated:
            return _Mention(promise.start, promise.end)
    return None


def _mention(message: BrandMessage, fact: Fact, language: str) -> _Mention | None:
    """Where the message mentions, not negated, one of the fact's ruled-out words."""
    folded = fold(message.text)
    lowered = folded.text.lower()
    negation = Negation(load_catalog(language), folded.text)
    for words in fact.ruled_out_promises:
        phrase = fold_plain(words.get(language, ""))
        if not phrase.strip():
            continue
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)"
        for match in re.finditer(pattern, lowered):
            if not negation.cancels(match.start()):
                return _Mention(*folded.span(*match.span()))
    return None
