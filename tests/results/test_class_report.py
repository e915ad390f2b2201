"""The class report's figures and formats, from hand-made scorecards (no log, no I/O)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from game.results.classreport import (
    ClassReport,
    TraineeCard,
    build_class_report,
    render_class_report,
)
from game.results.classreport.table import COLUMNS
from game.vocabulary import rule_name
from scoring.scorecard import DIMENSIONS, DimensionScore, Evidence, Finding, Scorecard
from tests.conftest import REPO_DIR, TESTS_DIR

SNAPSHOTS = TESTS_DIR / "snapshots" / "class_report"
COMPLAINT = "@brava my tea arrived cold [b]again[/b]"


def _post_finding(
    rule: str, severity: str, reply: str | None, *, cost: float = 0.0, words: str = ""
) -> Finding:
    """A finding on the cold-tea post; ``words`` within ``reply`` are the evidence."""
    evidence = None
    if reply is not None:
        start = reply.find(words) if words else 0
        evidence = Evidence(reply, start, start + len(words) if words else len(reply))
    return Finding(
        rule=rule,  # type: ignore[arg-type]
        dimension="empathy",
        severity=severity,  # type: ignore[arg-type]
        time=60,
        message=f"{rule} {'kept' if severity == '+' else 'broken'}.",
        post_id="m1",
        post_text=COMPLAINT,
        post_author="Rosa (@rosa)",
        channel="chirp",
        evidence=evidence,
        cost=cost,
    )


def _card(trainee: str, overall: int, *findings: Finding, language: str = "en") -> Scorecard:
    return Scorecard(
        scenario_id="tea",
        scenario_title="Cold tea",
        language=language,
        seed=7,
        trainee=trainee,
        duration=1800,
        final_phase="contained",
        final_phase_name="Contained",
        phases=("calm", "contained"),
        dimensions=tuple(DimensionScore(name, overall, 1.0, 3) for name in DIMENSIONS),
        overall=overall,
        findings=findings,
    )


GOOD = "Sorry your tea arrived cold, Rosa: our mistake. A new one is on its way."
CANNED = "We apologise for any inconvenience."


def _round() -> list[TraineeCard]:
    """Three trainees: one answers well, one with a canned line, one never answers."""
    return [
        TraineeCard(
            "Luis",
            _card(
                "Luis",
                55,
                _post_finding("E4", "-", CANNED, cost=3.0, words="any inconvenience"),
                _post_finding("H4", "-", None, cost=2.0),
            ),
            {"m1": (CANNED,)},
        ),
        TraineeCard(
            "Ana",
            _card(
                "Ana",
                90,
                _post_finding("E1", "+", GOOD, words="Sorry your tea arrived cold"),
                _post_finding("H4", "+", GOOD, words="our mistake"),
            ),
            {"m1": (GOOD,)},
        ),
        TraineeCard(
            "Eva",
            _card("Eva", 20, _post_finding("P1", "-", None, cost=5.0), _hostile("H4", 1.0)),
        ),
    ]


def _hostile(rule: str, cost: float) -> Finding:
    """A finding on another post, which only Eva's session has."""
    return Finding(
        rule=rule,  # type: ignore[arg-type]
        dimension="honesty",
        severity="-",
        time=300,
        message="Denied the fault.",
        post_id="m9",
        post_text="Is it true?",
        evidence=Evidence("Not our fault.", 0, 14),
        cost=cost,
    )


def _report(*, anonymous: bool = False) -> ClassReport:
    return build_class_report(_round(), anonymous=anonymous, round_id="r-1")


def test_the_leaderboard_ranks_by_overall_and_ties_share_a_rank() -> None:
    report = _report()
    assert [(row.rank, row.name, row.overall) for row in report.leaderboard] == [
        (1, "Ana", 90),
        (2, "Luis", 55),
        (3, "Eva", 20),
    ]
    assert report.leaderboard[1].broke == ("E4", "H4")  # costliest first
    tied = build_class_report(
        [TraineeCard(name, _card(name, 70)) for name in ("Zoe", "Bea", "Al")], anonymous=False
    )
    assert [(row.rank, row.name) for row in tied.leaderboard] == [
        (1, "Al"),
        (1, "Bea"),
        (1, "Zoe"),
    ]


def test_anonymous_names_follow_the_rank_and_real_names_appear_nowhere() -> None:
    report = _report(anonymous=True)
    assert [row.name for row in report.leaderboard] == ["Trainee 1", "Trainee 2", "Trainee 3"]
    again = build_class_report(list(reversed(_round())), anonymous=True)
    assert [row.name for row in again.leaderboard] == [row.name for row in report.leaderboard]
    for report_format in ("md", "html", "csv"):
        text = render_class_report(report, report_format)
        for name in ("Ana", "Luis", "Eva"):
            assert name not in text, (report_format, name)


def test_rules_count_trainees_who_kept_and_broke_them_worst_first() -> None:
    rules = {row.rule: row for row in _report().rules}
    h4 = rules["H4"]
    assert (h4.met, h4.kept, h4.broke, h4.trainees, h4.cost) == (3, 1, 2, 3, 3.0)
    assert [row.rule for row in _report().rules][:3] == ["H4", "P1", "E4"]
    assert "2 of 3 broke it" in render_class_report(_report(), "md")


def test_the_same_post_shows_every_answer_best_first() -> None:
    [post] = _report().posts  # m9 was answered by Eva alone: nothing to compare
    assert (post.post_id, post.text, post.author, post.answered) == (
        "m1",
        COMPLAINT,
        "Rosa (@rosa)",
        2,
    )
    assert [answer.name for answer in post.answers] == ["Ana", "Luis", "Eva"]
    ana, luis, eva = post.answers
    assert ana.texts == (GOOD,) and ana.cost == 0 and ana.gained == 2
    assert luis.texts == (CANNED,) and luis.cost == 5.0
    assert [(f.rule, f.severity, f.words) for f in luis.findings] == [
        (rule_name("E4", "en"), "-", "any inconvenience"),
        (rule_name("H4", "en"), "-", ""),
    ]
    assert eva.texts == ()  # her finding there is the complaint she left unanswered


def test_without_the_logs_replies_the_answers_are_the_words_findings_quote() -> None:
    entries = [TraineeCard(e.trainee, e.card) for e in _round()]
    [post] = build_class_report(entries, anonymous=False).posts
    assert [answer.texts for answer in post.answers] == [(GOOD,), (CANNED,), ()]


def test_a_post_is_the_same_only_with_the_same_text() -> None:
    entries = _round()
    changed = replace(entries[0].card.findings[0], post_text="another post, same id")
    luis = TraineeCard("Luis", _card("Luis", 55, changed), {"m1": (CANNED,)})
    report = build_class_report([entries[1], luis], anonymous=False)
    assert report.posts == ()


def test_a_round_without_sessions_is_a_report_that_says_so() -> None:
    report = build_class_report([], anonymous=False, language="es")
    assert report.trainees == 0
    assert "Todavía no hay sesiones" in render_class_report(report, "md")
    assert "Todavía no hay sesiones" in render_class_report(report, "html")
    assert render_class_report(report, "csv").count("\n") == 1


HOSTILE_NAME = "<script>alert(1)</script>"


def _hostile_report() -> ClassReport:
    entries = _round()
    entries[0] = TraineeCard(HOSTILE_NAME, entries[0].card, {"m1": ("[b]bold[/b] <i>x</i> | *y*",)})
    entries[2] = TraineeCard('=HYPERLINK("http://evil","x")', entries[2].card)
    return build_class_report(entries, anonymous=False)


def test_html_escapes_names_posts_and_replies_and_loads_nothing() -> None:
    page = render_class_report(_hostile_report(), "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[b]bold[/b] &lt;i&gt;x&lt;/i&gt;" in page
    assert "[b]again[/b]" in page
    assert "src=" not in page and "href=" not in page and "url(" not in page


def test_markdown_escapes_names_posts_and_replies() -> None:
    page = render_class_report(_hostile_report(), "md")
    assert r"\<script\>alert(1)\</script\>" in page
    assert r"\[b\]bold\[/b\] \<i\>x\</i\> \| \*y\*" in page
    assert r"\[b\]again\[/b\]" in page
    assert "<script" not in page.replace(r"\<script", "")


def test_csv_has_one_row_per_trainee_its_documented_columns_and_no_formulas() -> None:
    text = render_class_report(_hostile_report(), "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [column.name for column in COLUMNS]
    assert all(column.description for column in COLUMNS)
    assert len(rows) == 4
    by_name = {row[4]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(by_name) == {"Ana", HOSTILE_NAME, '\'=HYPERLINK("http://evil","x")'}
    luis = by_name[HOSTILE_NAME]
    assert (luis["rank"], luis["overall"], luis["points_lost"], luis["rules_broken"]) == (
        "2",
        "55",
        "5",
        "E4 H4",
    )
    assert (luis["round"], luis["scenario"], luis["seed"]) == ("", "tea", "7")


@pytest.mark.parametrize("anonymous", [False, True])
def test_the_markdown_report_is_stable(anonymous: bool, snapshot) -> None:
    snapshot.snapshot_dir = SNAPSHOTS
    name = "anonymous" if anonymous else "named"
    snapshot.assert_match(render_class_report(_report(anonymous=anonymous), "md"), f"{name}.md")


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render_class_report(_report(), "pdf")


def test_the_readme_documents_every_csv_column() -> None:
    readme = (REPO_DIR / "README.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        row = f"| `{column.name}` | {column.description} |"
        assert row in readme, f"README's class CSV table lacks or differs on: {row}"


def test_anonymous_reports_hide_names_in_the_trainees_own_words() -> None:
    entries = _round()
    signed = "Sorry, Rosa. ana from Brava here; ANA will call you. Anabel too."
    entries[1] = TraineeCard("Ana", entries[1].card, {"m1": (signed,)})
    report = build_class_report(entries, anonymous=True)
    [post] = report.posts
    assert post.answers[0].texts == (
        "Sorry, Rosa. Trainee 1 from Brava here; Trainee 1 will call you. Anabel too.",
    )
    named = build_class_report(entries, anonymous=False)
    assert named.posts[0].answers[0].texts == (signed,)
