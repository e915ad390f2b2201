"""Build the class report from the round's scorecards: a pure function, no I/O."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from game.results.classreport.labels import label
from game.results.classreport.model import (
    Answer,
    AnswerFinding,
    ClassReport,
    KeyPost,
    LeaderRow,
    RuleRow,
    TraineeCard,
)
from game.vocabulary import RULES, rule_name
from scoring.scorecard import DIMENSIONS, Finding

KEY_POSTS = 6
"""How many posts "same post, different answers" shows: enough to discuss in a session."""

_RULE_ORDER: dict[str, int] = {rule: index for index, rule in enumerate(RULES)}


@dataclass(frozen=True)
class _Seat:
    """A trainee in rank order, with the name the report gives them."""

    entry: TraineeCard
    name: str


def build_class_report(
    entries: Sequence[TraineeCard],
    *,
    anonymous: bool,
    language: str | None = None,
    round_id: str = "",
    key_posts: int = KEY_POSTS,
) -> ClassReport:
    """The class report of a round's sessions.

    Args:
        entries: each trainee's scored session (any order).
        anonymous: name trainees "Trainee 1..N" in rank order, for projecting.
        language: the report's language (default: the sessions' most common one,
            English when there are none).
        round_id: the round's id, for the title.
        key_posts: how many posts to compare answers on, at most.

    Returns:
        The report's figures.
    """
    lang = language or _common_language(entries)
    ranked = sorted(
        enumerate(entries),
        # Ties in the overall go by name, so that the report is the same at every run.
        key=lambda pair: (-pair[1].card.overall, pair[1].trainee.casefold(), pair[0]),
    )
    seats = [
        _Seat(entry, f"{label('anonymous', lang)} {position}" if anonymous else entry.trainee)
        for position, (_, entry) in enumerate(ranked, 1)
    ]
    mask = _masker(seats) if anonymous else _unchanged
    first = seats[0].entry.card if seats else None
    return ClassReport(
        language=lang,
        scenario_id=first.scenario_id if first else "",
        scenario_title=first.scenario_title if first else "",
        seed=first.seed if first else 0,
        anonymous=anonymous,
        leaderboard=_leaderboard(seats),
        rules=_rules(entries, lang),
        posts=_key_posts(seats, lang, key_posts, mask),
        round_id=round_id,
    )


def _unchanged(text: str) -> str:
    return text


def _masker(seats: Sequence[_Seat]) -> Callable[[str], str]:
    """What hides the trainees' names in their words: each name becomes its pseudonym.

    A reply signed "Ana, atención al cliente" would name her on the projector. A
    customer who shares a trainee's name is masked too: anonymity comes first.
    """
    pseudonyms: dict[str, str] = {}
    for seat in seats:
        name = seat.entry.trainee.strip()
        if len(name) >= 2:
            pseudonyms.setdefault(name.casefold(), seat.name)
    if not pseudonyms:
        return _unchanged
    names = sorted(pseudonyms, key=len, reverse=True)  # "Ana María" before "Ana"
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(name) for name in names) + r")(?!\w)", re.IGNORECASE
    )
    return lambda text: pattern.sub(lambda match: pseudonyms[match.group(0).casefold()], text)


def _common_language(entries: Sequence[TraineeCard]) -> str:
    counts = Counter(entry.card.language for entry in entries if entry.card.language)
    return counts.most_common(1)[0][0] if counts else "en"


def _leaderboard(seats: Sequence[_Seat]) -> tuple[LeaderRow, ...]:
    rows: list[LeaderRow] = []
    for position, seat in enumerate(seats, 1):
        card = seat.entry.card
        tied = rows and rows[-1].overall == card.overall
        rows.append(
            LeaderRow(
                rank=rows[-1].rank if tied else position,
                name=seat.name,
                overall=card.overall,
                scores=tuple(card.score_of(name) for name in DIMENSIONS),
                final_phase=card.final_phase,
                final_phase_name=card.final_phase_name,
                broke=_broken_rules(card.findings),
                lost=round(sum(finding.cost for finding in card.findings), 3),
            )
        )
    return tuple(rows)


def _broken_rules(findings: Iterable[Finding]) -> tuple[str, ...]:
    cost: defaultdict[str, float] = defaultdict(float)
    for finding in findings:
        if finding.severity == "-":
            cost[finding.rule] += finding.cost
    return tuple(sorted(cost, key=lambda rule: (-cost[rule], _RULE_ORDER.get(rule, 99), rule)))


def _rules(entries: Sequence[TraineeCard], lang: str) -> tuple[RuleRow, ...]:
    kept: Counter[str] = Counter()
    broke: Counter[str] = Counter()
    cost: defaultdict[str, float] = defaultdict(float)
    for entry in entries:
        signs: dict[str, set[str]] = {}
        for finding in entry.card.findings:
            signs.setdefault(finding.rule, set()).add(finding.severity)
            cost[finding.rule] += finding.cost
        for rule, seen in signs.items():
            if "-" in seen:
                broke[rule] += 1
            else:
                kept[rule] += 1
    rows = [
        RuleRow(
            rule=rule,
            name=rule_name(rule, lang),
            met=kept[rule] + broke[rule],
            kept=kept[rule],
            broke=broke[rule],
            trainees=len(entries),
            cost=round(cost[rule], 3),
        )
        for rule in set(kept) | set(broke)
    ]
    rows.sort(key=lambda row: (-row.broke, -row.cost, _RULE_ORDER.get(row.rule, 99), row.rule))
    return tuple(rows)


def _key_posts(
    seats: Sequence[_Seat], lang: str, limit: int, mask: Callable[[str], str]
) -> tuple[KeyPost, ...]:
    # A post is the same post for two trainees when its id and its text match: with one
    # seed the crowd is the same until the trainees' answers make it react differently.
    found: dict[tuple[str, str], dict[int, list[Finding]]] = {}
    for index, seat in enumerate(seats):
        for finding in seat.entry.card.findings:
            if finding.post_id is None or finding.post_text is None:
                continue
            key = (finding.post_id, finding.post_text)
            found.setdefault(key, {}).setdefault(index, []).append(finding)
    posts: list[tuple[int, float, int, KeyPost]] = []
    for (post_id, text), by_seat in found.items():
        answers = [
            _answer(seats[index], post_id, findings, lang, mask)
            for index, findings in by_seat.items()
        ]
        every = [finding for findings in by_seat.values() for finding in findings]
        post = KeyPost(
            post_id=post_id,
            author=_first(finding.post_author for finding in every),
            channel=_first(finding.channel for finding in every),
            text=text,
            # Best first: fewest points lost, then most credits, then the leaderboard's order.
            answers=tuple(
                answer
                for _, answer in sorted(
                    zip(by_seat, answers, strict=True),
                    key=lambda pair: (pair[1].cost, -pair[1].gained, pair[0]),
                )
            ),
        )
        if post.answered < 2:
            continue  # nothing to compare
        at_stake = sum(answer.cost for answer in answers)
        first_seen = min(finding.time for finding in every)
        posts.append((post.answered, at_stake, first_seen, post))
    # The most answered, then the costliest, are the ones worth discussing; they are
    # shown in the order the crisis brought them.
    posts.sort(key=lambda item: (-item[0], -item[1], item[2]))
    return tuple(item[3] for item in sorted(posts[:limit], key=lambda item: item[2]))


def _answer(
    seat: _Seat, post_id: str, findings: list[Finding], lang: str, mask: Callable[[str], str]
) -> Answer:
    texts = tuple(seat.entry.replies.get(post_id, ()))
    if not texts:  # a scorecard without the log's replies: the words its findings quote
        texts = tuple(dict.fromkeys(f.evidence.text for f in findings if f.evidence is not None))
    return Answer(
        name=seat.name,
        texts=tuple(mask(text) for text in texts),
        findings=tuple(
            AnswerFinding(
                rule=rule_name(finding.rule, lang),
                severity=finding.severity,
                message=mask(finding.message),
                cost=round(finding.cost, 3),
                words=mask(_quoted(finding)),
            )
            for finding in findings
        ),
        cost=round(sum(finding.cost for finding in findings), 3),
    )


def _quoted(finding: Finding) -> str:
    """The words a finding quotes; "" when none, or when they are the whole answer."""
    evidence = finding.evidence
    if evidence is None or evidence.words.strip() == evidence.text.strip():
        return ""
    return evidence.words


def _first(values: Iterable[str | None]) -> str:
    return next((value for value in values if value), "")
