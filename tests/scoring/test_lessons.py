"""What each finding cost, repeated findings grouped, and the few lessons that matter most."""

from __future__ import annotations

import re
import statistics
import string
from pathlib import Path

import pytest

from game.engine.policies import POLICIES
from game.engine.simulate import play
from game.journal.logfile import read_log
from game.scenario import LoadedScenario
from game.vocabulary import RULES
from scoring import read_reply
from scoring.lesson_texts import FRAME, GROUPS
from scoring.lessons import LEAST_LESSONS, MOST_LESSONS, group_findings, top_lessons
from scoring.messages import TEMPLATES
from scoring.report import render_report
from scoring.scorecard import Scorecard
from scoring.scorer import score


@pytest.fixture(scope="module")
def cards(
    flagship: LoadedScenario, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], Scorecard]:
    """Every bot's session on the flagship, seed 1, in both languages."""
    folder = tmp_path_factory.mktemp("logs")
    result = {}
    for language in ("es", "en"):
        for name, bot in POLICIES.items():
            run = play(
                flagship, bot(), seed=1, language=language, reader=read_reply, log_dir=folder
            )
            assert run.log is not None
            records = read_log(Path(run.log)).records
            result[name, language] = score(flagship.scenario, records)
    return result


def test_what_the_findings_cost_adds_up_to_what_the_session_lost(
    cards: dict[tuple[str, str], Scorecard],
) -> None:
    for (name, language), card in cards.items():
        lost = sum(finding.cost for finding in card.findings)
        # Dimension scores are rounded before the overall is: a point or two either way.
        assert abs(lost - (100 - card.overall)) <= 2.5, (name, language, lost, card.overall)
        assert all(f.cost == 0 for f in card.findings if f.severity == "+")
        assert all(f.key in TEMPLATES for f in card.findings)


def test_a_post_never_answered_costs_more_than_one_answered_late(
    cards: dict[tuple[str, str], Scorecard],
) -> None:
    findings = cards["slow", "en"].findings
    unanswered = [f.cost for f in findings if f.key == "speed.unanswered"]
    late = [f.cost for f in findings if f.key == "speed.late"]
    assert unanswered and late
    assert statistics.mean(unanswered) > statistics.mean(late)


def test_repeated_findings_are_one_group_that_says_how_many_and_which_cost_most(
    cards: dict[tuple[str, str], Scorecard],
) -> None:
    card = cards["copy_paste", "en"]
    groups = group_findings(card.findings)
    assert sum(group.count for group in groups) == len(card.findings)
    assert len(groups) < len(card.findings) / 5  # hundreds of findings, a few lessons
    copies = next(g for g in groups if g.first.key == "empathy.copy")
    assert copies.count > 10
    headline = copies.headline("en")
    assert headline.startswith(f"{copies.count} replies repeated words")
    worst = copies.worst
    assert worst.cost == max(f.cost for f in copies.findings)
    assert "costliest: " in headline and (worst.post_author or "") in headline
    spanish = group_findings(cards["copy_paste", "es"].findings)
    assert any("el que más costó: " in g.headline("es") for g in spanish if g.count > 1)


def test_top_lessons_are_the_costliest_broken_rules_with_an_example_and_advice(
    cards: dict[tuple[str, str], Scorecard],
) -> None:
    for (name, language), card in cards.items():
        lessons = top_lessons(card)
        broken = {(f.rule, f.key) for f in card.findings if f.severity == "-"}
        assert len(lessons) <= MOST_LESSONS
        assert len(lessons) >= min(LEAST_LESSONS, len(broken) // 2), name
        costs = [lesson.group.cost for lesson in lessons]
        assert costs == sorted(costs, reverse=True), name
        for lesson in lessons:
            rule = RULES[lesson.group.first.rule]
            assert rule.title[language] in lesson.advice
            assert all(f.severity == "-" for f in lesson.group.findings)
        # How the crisis ended, and the cap it put on the overall, are one lesson.
        assert sum(1 for lesson in lessons if lesson.rule == "O1") <= 1, name


def test_a_careless_session_leads_with_what_cost_it_most(
    cards: dict[tuple[str, str], Scorecard],
) -> None:
    lessons = top_lessons(cards["corporate", "es"])
    assert [lesson.rule for lesson in lessons][:1] != ["P2"]  # not the cheapest repeat
    quoted = [lesson for lesson in lessons if lesson.quote]
    assert quoted, "a lesson quotes the trainee's words or the post that waited"
    assert all(lesson.group.cost < 5 for lesson in top_lessons(cards["ideal", "en"]))


def test_group_texts_exist_in_both_languages_for_real_message_keys() -> None:
    for key, table in GROUPS.items():
        assert key in TEMPLATES, key
        assert set(table) == {"es", "en"}
        for text in table.values():
            assert [name for _, name, _, _ in string.Formatter().parse(text) if name] == ["count"]
    for table in FRAME.values():
        assert set(table) == {"es", "en"}


@pytest.mark.parametrize("report_format", ["md", "html"])
def test_reports_start_with_the_lessons_then_group_repeats(
    cards: dict[tuple[str, str], Scorecard], report_format: str
) -> None:
    card = cards["copy_paste", "es"]
    text = render_report(card, report_format)
    top = text.index("Lo que más importó")
    assert top < text.index("Hallazgos")
    lessons = top_lessons(card)
    for lesson in lessons:
        assert f"{lesson.rule} " in text[top : text.index("Hallazgos")]
    copies = next(g for g in group_findings(card.findings) if g.first.key == "empathy.copy")
    assert f"×{copies.count}" in text
    # Each repeat is still there, folded under its group.
    assert text.count(copies.first.message) >= 1
    folded = "<details" if report_format == "html" else "<details>"
    assert text.count(folded) == sum(1 for g in group_findings(card.findings) if g.count > 1)


@pytest.mark.parametrize("report_format", ["md", "html"])
def test_spanish_reports_name_rules_in_spanish(
    cards: dict[tuple[str, str], Scorecard], report_format: str
) -> None:
    for name in ("slow", "copy_paste", "banhammer", "troll-feeder"):
        text = render_report(cards[name, "es"], report_format)
        for rule in RULES.values():
            assert not re.search(rf"\b{rule.id} {re.escape(rule.slug)}\b", text), (name, rule.id)
        english = render_report(cards[name, "en"], report_format)
        assert any(f"{rule.id} {rule.slug}" in english for rule in RULES.values())
